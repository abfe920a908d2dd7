"""A report's output as plain tables: one shape for the terminal, CSV and the site.

Every report returns ``Table`` objects (a title, column keys with headers, rows of plain values);
the CLI turns them into rich tables or CSV, and ``to_json`` gives scripts the same rows. Keeping
the rows plain (str, int, float, None) means the three outputs cannot disagree.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

Cell = str | int | float | None


@dataclass
class Table:
    """One table of a report. ``name`` is stable (used by ``--table`` and JSON keys)."""

    name: str
    title: str
    columns: list[tuple[str, str]]  # (key, header)
    rows: list[dict[str, Cell]] = field(default_factory=list)
    empty: str = ""  # said instead of an empty table ("No reviews due ..."); "" prints the empty table
    #: Columns that show a code's label -> the row key holding the code. Spreadsheet files put the
    #: code in its own column beside the label; the terminal shows the label only.
    code_of: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "columns": [k for k, _ in self.columns],
            "rows": self.rows,
        }

    def to_csv(self) -> str:
        """CSV with a header row of column keys (stable for scripts, unlike the translated headers)."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([k for k, _ in self.columns])
        for row in self.rows:
            writer.writerow(["" if row.get(k) is None else row.get(k) for k, _ in self.columns])
        return buf.getvalue()


def pick(tables: list[Table], name: str | None) -> Table:
    """The table called ``name`` (the first one when None); ValueError lists the names."""
    if name is None:
        return tables[0]
    for t in tables:
        if t.name == name:
            return t
    raise ValueError(f"no table {name!r}; this report has: {', '.join(t.name for t in tables)}")


def pct(part: int, whole: int) -> float | None:
    """``part / whole`` as a percentage with one decimal, None when ``whole`` is 0."""
    return round(100.0 * part / whole, 1) if whole else None
