"""The round summary ministries circulate: one row per comment thread, as CSV or XLSX.

Columns: id, path, label_fi, label_sv, label_en, orphaned, author, organisation, date, comment,
proposed_text, status, reply (the latest reply), reply_by, reply_date, replies (how many). Labels
come from the catalogue; a thread whose path left the catalogue is kept with ``orphaned`` = yes.
Writes go to a temporary file renamed into place, so a failed export leaves nothing half-written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kototieto.errors import UsageError
from kototieto.fsutil import atomic_output
from kototieto.site.comments import CODES_PREFIX, Thread

COLUMNS: tuple[str, ...] = (
    "id",
    "path",
    "label_fi",
    "label_sv",
    "label_en",
    "orphaned",
    "author",
    "organisation",
    "date",
    "comment",
    "proposed_text",
    "status",
    "reply",
    "reply_by",
    "reply_date",
    "replies",
)


def _labels(catalogue: Mapping[str, Any]) -> dict[str, Mapping[str, str]]:
    out: dict[str, Mapping[str, str]] = {}
    for f in catalogue.get("fields", []):
        out[str(f["path"])] = f.get("labels") or {}
    for cl in catalogue.get("code_lists", []):
        list_labels = cl.get("labels") or {}
        out[f"{CODES_PREFIX}{cl['id']}"] = list_labels
        for v in cl.get("values") or []:
            vl = v.get("labels") or {}
            out[f"{CODES_PREFIX}{cl['id']}/{v['code']}"] = {
                lang: f"{list_labels.get(lang, '')}: {vl.get(lang, v['code'])}" for lang in ("fi", "sv", "en")
            }
    return out


def export_rows(threads: Iterable[Thread], catalogue: Mapping[str, Any]) -> list[dict[str, str]]:
    labels = _labels(catalogue)
    rows = []
    for t in threads:
        lbl = labels.get(t.path)
        last = t.last_reply()
        rows.append(
            {
                "id": t.id,
                "path": t.path,
                "label_fi": (lbl or {}).get("fi", ""),
                "label_sv": (lbl or {}).get("sv", ""),
                "label_en": (lbl or {}).get("en", ""),
                "orphaned": "no" if lbl is not None else "yes",
                "author": t.author,
                "organisation": t.organisation,
                "date": t.date.isoformat(),
                "comment": t.text,
                "proposed_text": t.proposed_text or "",
                "status": str(t.status),
                "reply": last.text if last else "",
                "reply_by": (last.author + (f" ({last.organisation})" if last.organisation else ""))
                if last
                else "",
                "reply_date": last.date.isoformat() if last else "",
                "replies": str(len(t.replies)),
            }
        )
    return rows


def _no_formula(value: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (CSV injection)."""
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


def write_csv(rows: list[dict[str, str]], path: Path) -> None:
    """UTF-8 with a byte order mark, so spreadsheet programs read ä and å right."""
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows({k: _no_formula(v) for k, v in r.items()} for r in rows)


def write_xlsx(rows: list[dict[str, str]], path: Path, title: str = "Comments") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title[:31]
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([int(row[c]) if c == "replies" else row[c] for c in COLUMNS])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula (=HYPERLINK(...) in a comment)
    widths = {"comment": 60, "proposed_text": 50, "reply": 50, "path": 30}
    for i, name in enumerate(COLUMNS, start=1):
        letter = ws.cell(row=1, column=i).column_letter
        ws.column_dimensions[letter].width = widths.get(name, 18)
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    with atomic_output(path) as tmp:
        wb.save(tmp)


def export(threads: Iterable[Thread], catalogue: Mapping[str, Any], path: Path, fmt: str) -> int:
    """Write the summary as ``fmt`` (csv or xlsx) to ``path``; returns the number of rows."""
    rows = export_rows(threads, catalogue)
    if fmt == "csv":
        write_csv(rows, path)
    elif fmt == "xlsx":
        write_xlsx(rows, path)
    else:
        raise UsageError(f"unknown export format {fmt!r}: use csv or xlsx")
    return len(rows)
