"""Report tables as files that open right in a spreadsheet (``koto report ... --csv/--xlsx``).

A report's ``Table`` (``kototieto.reports.tables``; duck-typed here: ``name``, ``title``,
``columns`` as (key, header) pairs, ``rows`` as dicts) becomes CSV in a dialect of
``spreadsheet`` (headers in the report's language) or an XLSX workbook with one sheet per table.
In the ``plain`` CSV dialect the header row holds the stable column keys, for scripts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from kototieto.exchange.spreadsheet import Cell, Dialect, Sheet, csv_text, write_xlsx


class TableLike(Protocol):
    name: str
    title: str
    columns: list[tuple[str, str]]

    @property
    def rows(self) -> Sequence[Mapping[str, Any]]: ...


def table_csv(table: TableLike, lang: str = "fi", dialect_name: str = "spreadsheet") -> str:
    dialect: Dialect = "plain" if dialect_name == "plain" else "spreadsheet"
    headers = [h if dialect == "spreadsheet" else k for k, h in table.columns]
    rows: list[list[Cell]] = [[row.get(k) for k, _ in table.columns] for row in table.rows]
    return csv_text(headers, rows, lang=lang, dialect=dialect)


def tables_xlsx(tables: Sequence[TableLike], path: Path) -> None:
    """Every table as its own sheet (titled by the table's name), headers in the report's language
    and the column keys in a hidden second row."""
    sheets = [
        Sheet(
            name=t.name,
            headers=[h for _, h in t.columns],
            rows=[[row.get(k) for k, _ in t.columns] for row in t.rows],
            keys=[k for k, _ in t.columns],
        )
        for t in tables
    ]
    write_xlsx(path, sheets)
