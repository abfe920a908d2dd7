"""Report tables as files that open right in a spreadsheet (``koto report ... --csv/--xlsx``, and
``koto comment export``, whose round summary is a table of the same shape).

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
from kototieto.fsutil import atomic_write


class TableLike(Protocol):
    name: str
    title: str
    columns: list[tuple[str, str]]

    @property
    def rows(self) -> Sequence[Mapping[str, Any]]: ...


_CODE = {"fi": "koodi", "sv": "kod", "en": "code"}


def file_columns(table: TableLike, lang: str) -> list[tuple[str, str]]:
    """The table's columns for a file: a coded column's label, then its code in a column of its own
    (``plan_kind``, ``plan_kind_code``)."""
    code_of: Mapping[str, str] = getattr(table, "code_of", {}) or {}
    out: list[tuple[str, str]] = []
    for key, header in table.columns:
        out.append((key, header))
        if key in code_of:
            out.append((code_of[key], f"{header} ({_CODE.get(lang, 'code')})"))
    return out


def table_csv(table: TableLike, lang: str = "fi", dialect_name: str = "spreadsheet") -> str:
    dialect: Dialect = "plain" if dialect_name == "plain" else "spreadsheet"
    columns = file_columns(table, lang)
    headers = [h if dialect == "spreadsheet" else k for k, h in columns]
    rows: list[list[Cell]] = [[row.get(k) for k, _ in columns] for row in table.rows]
    return csv_text(headers, rows, lang=lang, dialect=dialect)


def write_table_csv(
    table: TableLike, path: Path, lang: str = "fi", dialect_name: str = "spreadsheet"
) -> None:
    """``table_csv`` into a file, atomically (a failed write leaves nothing half-written)."""
    atomic_write(path, table_csv(table, lang, dialect_name))


def tables_xlsx(tables: Sequence[TableLike], path: Path, lang: str = "fi") -> None:
    """Every table as its own sheet (titled by the table's name), headers in the report's language
    and the column keys in a hidden second row."""
    sheets = []
    for t in tables:
        columns = file_columns(t, lang)
        sheets.append(
            Sheet(
                name=t.name,
                headers=[h for _, h in columns],
                rows=[[row.get(k) for k, _ in columns] for row in t.rows],
                keys=[k for k, _ in columns],
            )
        )
    write_xlsx(path, sheets)
