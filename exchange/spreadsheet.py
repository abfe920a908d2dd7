"""Spreadsheets out and in: the Finnish-spreadsheet CSV dialect, XLSX, and bounded readers.

Writing. ``csv_text``/``write_csv`` write one table as CSV in a dialect: ``spreadsheet`` (the
default) is what Excel and LibreOffice open right with a double click in the user's language:
UTF-8 with a byte order mark, and for fi and sv ``;`` as the separator and a decimal comma (the
Finnish and Swedish locales use ``,`` for decimals); ``plain`` is for programs: no BOM, ``,`` and a
decimal point. ``write_xlsx`` writes sheets with openpyxl. In both, text that a spreadsheet would
run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is never
written as one: XLSX cells are typed as text, and in CSV such text gets a leading apostrophe (the
OWASP advice; ``read_table`` takes it off again). Files are written to a temporary name and renamed
into place, so a failed write leaves nothing half-written.

Reading. ``read_table`` reads the first visible sheet of an XLSX file (or a named one) or a CSV file
into rows of plain values with their spreadsheet row numbers. It refuses, with the row and column
where it can: files over ``MAX_BYTES``, XLSX files that are not a zip, zip bombs (a member that
unpacks to more than ``MAX_UNPACKED`` or with a compression ratio over ``MAX_RATIO``), formulas,
merged cells, more than ``MAX_ROWS`` rows or ``MAX_COLUMNS`` columns. Empty rows are skipped. CSV:
the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else the Windows code page cp1252) and
the separator (``;``, ``,``, tab or ``|``) are detected.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kototieto.errors import InvalidInputError, Location, UsageError
from kototieto.model.text import T, Text

Cell = str | int | float | bool | dt.date | None
Dialect = Literal["spreadsheet", "plain"]
DIALECTS: tuple[str, ...] = ("spreadsheet", "plain")

#: Largest spreadsheet file read (bytes).
MAX_BYTES = 40 * 1024 * 1024
#: Largest total unpacked size of an XLSX file's parts, and largest compression ratio of a part.
MAX_UNPACKED = 400 * 1024 * 1024
MAX_RATIO = 200
#: Most data rows and columns read.
MAX_ROWS = 200_000
MAX_COLUMNS = 1_000
MAX_CELLS = 10_000_000

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would read ``text`` as a formula (CSV injection)."""
    return text.startswith(_FORMULA_START)


def separator(lang: str, dialect: Dialect) -> str:
    return ";" if dialect == "spreadsheet" and lang in ("fi", "sv") else ","


def decimal_comma(lang: str, dialect: Dialect) -> bool:
    return dialect == "spreadsheet" and lang in ("fi", "sv")


def format_date(value: dt.date, lang: str, dialect: Dialect) -> str:
    """d.m.yyyy for fi and sv in the spreadsheet dialect, else ISO 8601."""
    if dialect == "spreadsheet" and lang in ("fi", "sv"):
        return f"{value.day}.{value.month}.{value.year}"
    return value.isoformat()


def csv_cell(value: Cell, lang: str, dialect: Dialect) -> str:
    """One value as CSV text in the dialect (formula-like text gets a leading apostrophe)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            {"fi": "kyllä", "sv": "ja"}.get(lang, "yes")
            if value
            else {"fi": "ei", "sv": "nej"}.get(lang, "no")
        )
    if isinstance(value, float):
        text = repr(value) if value != int(value) or abs(value) >= 1e15 else f"{value:.1f}"
        return text.replace(".", ",") if decimal_comma(lang, dialect) else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return format_date(value, lang, dialect)
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def csv_text(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    lang: str = "fi",
    dialect: Dialect = "spreadsheet",
) -> str:
    """A table as CSV text in ``dialect`` (the BOM included for the spreadsheet dialect)."""
    buf = io.StringIO()
    if dialect == "spreadsheet":
        buf.write("\ufeff")
    writer = csv.writer(
        buf, delimiter=separator(lang, dialect), lineterminator="\r\n" if dialect == "spreadsheet" else "\n"
    )
    writer.writerow([csv_cell(h, lang, dialect) for h in headers])
    for row in rows:
        writer.writerow([csv_cell(v, lang, dialect) for v in row])
    return buf.getvalue()


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    lang: str = "fi",
    dialect: Dialect = "spreadsheet",
) -> None:
    tmp = _tmp(path)
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(csv_text(headers, rows, lang=lang, dialect=dialect))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@dataclass
class Sheet:
    """One sheet to write. ``keys``: an optional hidden second header row (field paths)."""

    name: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    keys: list[str] | None = None
    widths: dict[int, float] = field(default_factory=dict)
    hidden: bool = False


def set_cell(ws: Any, row: int, column: int, value: Cell) -> Any:
    """Write one value into an openpyxl sheet; text is always text, never a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would otherwise store '=...' as a formula
    else:
        cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = "d.m.yyyy"
    return cell


def fill_sheet(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    for col, header in enumerate(sheet.headers, start=1):
        set_cell(ws, 1, col, header).font = bold
    first = 2
    if sheet.keys is not None:
        for col, key in enumerate(sheet.keys, start=1):
            set_cell(ws, 2, col, key)
        ws.row_dimensions[2].hidden = True
        first = 3
    for r, row in enumerate(sheet.rows, start=first):
        for col, value in enumerate(row, start=1):
            if value is not None and value != "":
                c = set_cell(ws, r, col, value)
                if isinstance(value, str) and len(value) > 60:
                    c.alignment = Alignment(wrap_text=True, vertical="top")
    for col in range(1, len(sheet.headers) + 1):
        width = sheet.widths.get(col) or min(50.0, max(10.0, len(sheet.headers[col - 1]) * 1.1))
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=first, column=1)
    if sheet.hidden:
        ws.sheet_state = "hidden"


def new_workbook() -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    return wb


def sheet_title(name: str, taken: Iterable[str] = ()) -> str:
    """A valid, unique sheet title (at most 31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:31] or "Sheet"
    used = {t.lower() for t in taken}
    title, n = base, 1
    while title.lower() in used:
        n += 1
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
    return title


def save_workbook(wb: Any, path: Path) -> None:
    tmp = _tmp(path)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_xlsx(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write ``sheets`` into one XLSX file (atomically)."""
    wb = new_workbook()
    titles: list[str] = []
    for sheet in sheets:
        title = sheet_title(sheet.name, titles)
        titles.append(title)
        fill_sheet(wb.create_sheet(title), sheet)
    save_workbook(wb, path)


# ------------------------------------------------------------------------------------------ reading


def column_letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based column index (0 -> A)."""
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


@dataclass
class RawTable:
    """A sheet as read: header row(s) and data rows with their 1-based spreadsheet row numbers."""

    source: str
    sheet: str | None
    headers: list[str]
    keys: list[str] | None  # the template's hidden row of field paths, when present
    rows: list[tuple[int, list[Cell]]]
    sheets: dict[str, RawTable] = field(default_factory=dict)  # other visible sheets (xlsx)
    notes: list[str] = field(default_factory=list)


_MESSAGES: dict[str, tuple[str, str, str]] = {
    "too_big": (
        "tiedosto on {mb} Mt; enintään {max} Mt luetaan. Jaa se useaan tiedostoon tai tallenna CSV-muodossa ilman muotoiluja.",
        "filen är {mb} MB; högst {max} MB läses. Dela upp den i flera filer eller spara den som CSV utan formatering.",
        "the file is {mb} MB; at most {max} MB is read. Split it into several files, or save it as CSV without formatting.",
    ),
    "not_xlsx": (
        "tiedosto ei ole Excel-työkirja (.xlsx); tallenna se .xlsx- tai CSV-muodossa",
        "filen är inte en Excel-arbetsbok (.xlsx); spara den som .xlsx eller CSV",
        "the file is not an Excel workbook (.xlsx); save it as .xlsx or CSV",
    ),
    "bad_zip": (
        "tiedosto ei ole kelvollinen .xlsx-työkirja (vioittunut zip-tiedosto)",
        "filen är inte en giltig .xlsx-arbetsbok (skadad zip-fil)",
        "the file is not a valid .xlsx workbook (a damaged zip file)",
    ),
    "zip_bomb": (
        "työkirjan osa {part} purkautuu {ratio} kertaa kokoaan suuremmaksi (zip-pommi?); sitä ei avattu",
        "arbetsbokens del {part} packas upp till {ratio} gånger sin storlek (en zip-bomb?); den öppnades inte",
        "the workbook part {part} unpacks {ratio} times its size (a zip bomb?); it was not opened",
    ),
    "unpacked": (
        "työkirja purkautuu yli {mb} Mt:ksi; sitä ei avattu",
        "arbetsboken packas upp till mer än {mb} MB; den öppnades inte",
        "the workbook unpacks to more than {mb} MB; it was not opened",
    ),
    "zip_not_xlsx": (
        "tiedosto on zip-tiedosto mutta ei Excel-työkirja (.xlsx)",
        "filen är en zip-fil men inte en Excel-arbetsbok (.xlsx)",
        "the file is a zip file but not an Excel workbook (.xlsx)",
    ),
    "unreadable": (
        "työkirjaa ei voi lukea: {exc}",
        "arbetsboken kan inte läsas: {exc}",
        "the workbook cannot be read: {exc}",
    ),
    "hidden_note": (
        "piilotettuja välilehtiä ei luettu: {names}",
        "dolda blad lästes inte: {names}",
        "hidden sheets not read: {names}",
    ),
    "no_sheet": (
        "välilehteä {sheet!r} ei ole; työkirjassa on: {names}",
        "bladet {sheet!r} finns inte; arbetsboken har: {names}",
        "no sheet {sheet!r}; the workbook has: {names}",
    ),
    "sheet_hidden": (
        "välilehti {sheet!r} on piilotettu; näytä se tai nimeä toinen välilehti",
        "bladet {sheet!r} är dolt; visa det eller ange ett annat blad",
        "the sheet {sheet!r} is hidden; show it or name another sheet",
    ),
    "no_visible": (
        "työkirjassa ei ole näkyvää välilehteä",
        "arbetsboken har inget synligt blad",
        "the workbook has no visible sheet",
    ),
    "extent": (
        "välilehti ulottuu {rows} riville ja {cols} sarakkeeseen; enintään {max_rows} riviä, {max_cols} saraketta ja {max_cells} solua luetaan (poista lopun tyhjät muotoillut rivit ja sarakkeet)",
        "bladet sträcker sig över {rows} rader och {cols} kolumner; högst {max_rows} rader, {max_cols} kolumner och {max_cells} celler läses (ta bort de tomma formaterade raderna och kolumnerna i slutet)",
        "the sheet spans {rows} rows and {cols} columns; at most {max_rows} rows, {max_cols} columns and {max_cells} cells are read (delete the empty formatted rows and columns at its end)",
    ),
    "formulas": (
        "soluissa on kaavoja ({cells}); kopioi välilehti ja liitä vain arvot",
        "cellerna innehåller formler ({cells}); kopiera bladet och klistra in endast värden",
        "cells hold formulas ({cells}); copy the sheet and paste values only",
    ),
    "merged": (
        "yhdistettyjä soluja {range} ({n} aluetta); pura yhdistäminen, jotta jokaisella rivillä on omat arvonsa",
        "sammanfogade celler {range} ({n} områden); dela upp dem så att varje rad har sina egna värden",
        "merged cells {range} ({n} merged range(s)); unmerge them so that every row has its own values",
    ),
    "empty": (
        "välilehti on tyhjä (ei otsikkoriviä)",
        "bladet är tomt (ingen rubrikrad)",
        "the sheet is empty (no header row)",
    ),
    "no_header": (
        "rivi {row}, sarake {col}: arvo sarakkeessa, jolla ei ole otsikkoa",
        "rad {row}, kolumn {col}: ett värde i en kolumn utan rubrik",
        "row {row}, column {col}: a value in a column without a header",
    ),
    "too_many_rows": (
        "yli {max} riviä; jaa tiedosto",
        "mer än {max} rader; dela upp filen",
        "more than {max} rows; split the file",
    ),
    "not_text": (
        "tiedosto ei ole tekstiä (CSV) eikä .xlsx-työkirja",
        "filen är varken text (CSV) eller en .xlsx-arbetsbok",
        "the file is not text (CSV) nor an .xlsx workbook",
    ),
    "bad_text": (
        "tiedosto ei ole kelvollista tekstiä: {reason}",
        "filen är inte giltig text: {reason}",
        "the file is not valid text: {reason}",
    ),
    "too_many_cols": (
        "rivi {line}: yli {max} saraketta",
        "rad {line}: mer än {max} kolumner",
        "line {line}: more than {max} columns",
    ),
    "csv_error": (
        "rivi {line}: {exc}",
        "rad {line}: {exc}",
        "line {line}: {exc}",
    ),
    "csv_note": (
        "luettu CSV-tiedostona: merkistö {enc}, erotin {sep!r}",
        "läst som CSV: teckenkodning {enc}, avgränsare {sep!r}",
        "read as CSV: encoding {enc}, separator {sep!r}",
    ),
}
_LANG: ContextVar[str] = ContextVar("koto_spreadsheet_lang", default="en")


_CANNOT_READ = T(
    "Tiedostoa {path} ei voi lukea: {fi}", "Filen {path} kan inte läsas: {sv}", "cannot read {path}: {en}"
)


def cannot_read(path: Path | str, exc: OSError) -> Text:
    """ "cannot read PATH: REASON" in fi, sv and en (the OS gives its reason in English only)."""
    en = exc.strerror or type(exc).__name__
    if isinstance(exc, FileNotFoundError):
        fi, sv = "tiedostoa ei ole", "filen finns inte"
    elif isinstance(exc, PermissionError):
        fi, sv = "ei lukuoikeutta", "ingen läsbehörighet"
    elif isinstance(exc, IsADirectoryError):
        fi, sv = "se on kansio", "det är en mapp"
    else:
        fi, sv = f"käyttöjärjestelmän virhe ({en})", f"fel i operativsystemet ({en})"
    return _CANNOT_READ.format(path=path, fi=fi, sv=sv, en=en)


def _t(key: str, **kw: Any) -> str:
    """A reader message in the language ``read_table`` was called with."""
    fi, sv, en = _MESSAGES[key]
    return {"fi": fi, "sv": sv}.get(_LANG.get(), en).format(**kw)


def _bad(source: str, message: str, line: int | None = None, column: int | None = None) -> InvalidInputError:
    return InvalidInputError(message, location=Location(source, line, column))


def read_table(
    path: Path,
    *,
    sheet: str | None = None,
    key_prefixes: tuple[str, ...] = (),
    lang: str = "en",
    also: tuple[str, ...] = (),
) -> RawTable:
    """Read an XLSX or CSV file (by content, not name) into a ``RawTable``; see the module doc.

    ``key_prefixes``: a second row whose first cell starts with one of these is taken as the hidden
    row of field paths a template writes (``koto import template``). ``lang``: the language of the
    messages (fi, sv, en). ``also``: names (case-folded) of further visible sheets to read into
    ``RawTable.sheets`` (the customer sheet); other sheets are not read at all.
    """
    token = _LANG.set(lang)
    try:
        return _read_table(path, sheet, key_prefixes, also)
    finally:
        _LANG.reset(token)


def _read_table(
    path: Path, sheet: str | None, key_prefixes: tuple[str, ...], also: tuple[str, ...]
) -> RawTable:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UsageError(cannot_read(path, exc)) from None
    if size > MAX_BYTES:
        raise _bad(
            path.name,
            _t("too_big", mb=f"{size / 1e6:.0f}", max=f"{MAX_BYTES / 1e6:.0f}"),
        )
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, sheet, key_prefixes, also)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise _bad(path.name, _t("not_xlsx"))
    return _read_csv(path, key_prefixes)


def _check_zip(path: Path) -> None:
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _bad(path.name, _t("bad_zip")) from None
    with zf:
        total = 0
        names = set()
        for info in zf.infolist():
            names.add(info.filename)
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > 1_000_000 and ratio > MAX_RATIO:
                raise _bad(
                    path.name,
                    _t("zip_bomb", part=info.filename, ratio=f"{ratio:.0f}"),
                )
            if total > MAX_UNPACKED:
                raise _bad(
                    path.name,
                    _t("unpacked", mb=MAX_UNPACKED // 2**20),
                )
        if "xl/workbook.xml" not in names:
            raise _bad(path.name, _t("zip_not_xlsx"))


def _sheet_parts(path: Path) -> dict[str, str]:
    """sheet name -> part name in the zip (xl/worksheets/sheetN.xml)."""
    import xml.etree.ElementTree as ET

    ns = {
        "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    }
    with zipfile.ZipFile(path) as zf:
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for s in wb.iterfind("m:sheets/m:sheet", ns):
        rid = s.get(f"{{{ns['r']}}}id")
        target = targets.get(rid, "")
        target = target.lstrip("/")
        out[s.get("name", "")] = target if target.startswith("xl/") else f"xl/{target}"
    return out


def _scan_sheet(path: Path, part: str) -> tuple[list[tuple[int, str]], int, int]:
    """One streamed pass over a sheet part (a megabyte at a time, so memory stays bounded): up to
    20 cells holding a formula as (row, column letter), and the last row and column that hold a
    cell (the sheet's real extent, whatever its ``<dimension>`` says)."""
    out: list[tuple[int, str]] = []
    cell_re = re.compile(rb'<c r="([A-Z]+)([0-9]+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
    row_re = re.compile(rb'<row r="([0-9]+)"')
    wide_re = re.compile(rb'<c r="([A-Z]{2,3})[0-9]')
    max_row = max_col = 0
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(part) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            data = tail + chunk
            cut = data.rfind(b"</c>")
            cut = max(cut + 4 if cut >= 0 else 0, data.rfind(b"/>") + 2)
            head, tail = data[:cut], data[cut:]
            if len(tail) > 1 << 20:  # one cell bigger than a megabyte: not a sheet we read
                tail = b""
            rows = row_re.findall(head)
            if rows:
                max_row = max(max_row, int(rows[-1]))
            wide = wide_re.findall(head)
            if wide:
                widest = max(wide, key=lambda w: (len(w), w))
                max_col = max(max_col, _col_index(widest.decode()) + 1)
            elif max_col < 26:
                narrow = re.findall(rb'<c r="([A-Z])[0-9]', head)
                if narrow:
                    max_col = max(max_col, _col_index(max(narrow).decode()) + 1)
            if len(out) < 20 and b"<f" in head:
                for m in cell_re.finditer(head):
                    if b"<f" in (m.group(3) or b""):
                        out.append((int(m.group(2)), m.group(1).decode()))
                        if len(out) >= 20:
                            break
    return out, max_row, max_col


def _read_xlsx(
    path: Path, sheet: str | None, key_prefixes: tuple[str, ...], also: tuple[str, ...]
) -> RawTable:
    import python_calamine as pc

    _check_zip(path)
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for broken parts
        raise _bad(path.name, _t("unreadable", exc=exc)) from None
    notes: list[str] = []
    visible = [m.name for m in wb.sheets_metadata if str(m.visible).endswith("Visible")]
    hidden = [m.name for m in wb.sheets_metadata if m.name not in visible]
    if hidden:
        notes.append(_t("hidden_note", names=", ".join(hidden)))
    if sheet is not None:
        if sheet not in wb.sheet_names:
            raise _bad(path.name, _t("no_sheet", sheet=sheet, names=", ".join(wb.sheet_names)))
        if sheet in hidden:
            raise _bad(path.name, _t("sheet_hidden", sheet=sheet))
        names = [sheet, *(n for n in visible if n != sheet and n.strip().casefold() in also)]
    else:
        if not visible:
            raise _bad(path.name, _t("no_visible"))
        names = [visible[0], *(n for n in visible[1:] if n.strip().casefold() in also)]
    parts = _sheet_parts(path)
    tables: list[RawTable] = []
    for name in names:
        source = f"{path.name}[{name}]"
        part = parts.get(name)
        if part:
            formulas, rows, cols = _scan_sheet(path, part)
            if rows * cols > MAX_CELLS or rows > MAX_ROWS + 2 or cols > MAX_COLUMNS:
                raise _bad(
                    source,
                    _t(
                        "extent",
                        rows=rows,
                        cols=cols,
                        max_rows=f"{MAX_ROWS:,}",
                        max_cols=MAX_COLUMNS,
                        max_cells=f"{MAX_CELLS:,}",
                    ),
                )
            if formulas:
                row, col = formulas[0]
                cells = ", ".join(f"{c}{r}" for r, c in formulas[:5])
                raise _bad(
                    source,
                    _t("formulas", cells=cells + (", ..." if len(formulas) > 5 else "")),
                    row,
                    _col_index(col) + 1,
                )
        ws = wb.get_sheet_by_name(name)
        merged = ws.merged_cell_ranges or []
        if merged:
            (r1, c1), (r2, c2) = merged[0]
            raise _bad(
                source,
                _t(
                    "merged",
                    range=f"{column_letter(c1)}{r1 + 1}:{column_letter(c2)}{r2 + 1}",
                    n=len(merged),
                ),
                r1 + 1,
                c1 + 1,
            )
        if ws.total_width > MAX_COLUMNS:
            raise _bad(source, _t("too_many_cols", line=1, max=MAX_COLUMNS))
        if ws.total_height > MAX_ROWS + 2 and ws.height > MAX_ROWS + 2:
            raise _bad(source, _t("too_many_rows", max=MAX_ROWS))
        if ws.height * ws.width > MAX_CELLS:
            raise _bad(
                source,
                _t(
                    "extent",
                    rows=ws.height,
                    cols=ws.width,
                    max_rows=f"{MAX_ROWS:,}",
                    max_cols=MAX_COLUMNS,
                    max_cells=f"{MAX_CELLS:,}",
                ),
            )
        start_row = ws.start[0] if ws.start else 0
        start_col = ws.start[1] if ws.start else 0
        raw = ws.to_python(skip_empty_area=False)
        if tables and not any(v not in (None, "") for r in raw for v in r):
            continue  # an empty further sheet (no customers)
        tables.append(_table(source, name, raw, start_row, start_col, key_prefixes))

    first = tables[0]
    first.notes = notes
    first.sheets = {t.sheet or "": t for t in tables[1:]}
    return first


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _clean(value: Any) -> Cell:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, dt.timedelta | dt.time):
        return str(value)
    return value  # type: ignore[no-any-return]


def _table(
    source: str,
    sheet: str | None,
    raw: list[list[Any]],
    start_row: int,
    start_col: int,
    key_prefixes: tuple[str, ...],
) -> RawTable:
    rows = [[None] * start_col + [_clean(v) for v in r] for r in raw]
    # leading empty rows before the header
    first = 0
    while first < len(rows) and all(v is None for v in rows[first]):
        first += 1
    if first >= len(rows):
        raise _bad(source, _t("empty"))
    header_row = rows[first]
    headers = ["" if v is None else str(v).strip() for v in header_row]
    while headers and not headers[-1]:
        headers.pop()
    keys = None
    body_start = first + 1
    if body_start < len(rows) and key_prefixes:
        cand = rows[body_start]
        firstval = next((v for v in cand if v is not None), None)
        if isinstance(firstval, str) and firstval.startswith(key_prefixes):
            keys = ["" if v is None else str(v).strip() for v in cand][: len(headers)]
            keys += [""] * (len(headers) - len(keys))
            body_start += 1
    data: list[tuple[int, list[Cell]]] = []
    width = len(headers)
    for i in range(body_start, len(rows)):
        row = rows[i]
        if all(v is None for v in row):
            continue
        extra = [j for j, v in enumerate(row[width:], start=width) if v is not None]
        if extra:
            j = extra[0]
            raise _bad(
                source,
                _t("no_header", row=start_row + i + 1, col=column_letter(j)),
                start_row + i + 1,
                j + 1,
            )
        data.append((start_row + i + 1, list(row[:width]) + [None] * (width - len(row))))
        if len(data) > MAX_ROWS:
            raise _bad(source, _t("too_many_rows", max=MAX_ROWS))
    return RawTable(source, sheet, headers, keys, data)


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def detect_separator(text: str) -> str:
    """The separator of CSV text: the candidate that splits the first lines most consistently."""
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    best, best_score = "\x1f", -1.0  # no candidate in the header row: one column
    for sep in (";", ",", "\t", "|"):
        if not lines or len(next(csv.reader(lines[:1], delimiter=sep))) < 2:
            continue  # the header row decides which characters separate
        counts = []
        for row in csv.reader(lines, delimiter=sep):
            counts.append(len(row))
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) + common / 1000
        if score > best_score:
            best, best_score = sep, score
    return best


def _read_csv(path: Path, key_prefixes: tuple[str, ...]) -> RawTable:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _bad(path.name, _t("not_text"))
    try:
        text, encoding = _decode(raw)
    except UnicodeDecodeError as exc:
        raise _bad(path.name, _t("bad_text", reason=exc.reason)) from None
    sep = detect_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows: list[list[Any]] = []
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS:
                raise _bad(
                    path.name, _t("too_many_cols", line=reader.line_num, max=MAX_COLUMNS), reader.line_num
                )
            rows.append([_uncsv(v) for v in row])
            if len(rows) > MAX_ROWS + 2 and any(v is not None for v in rows[-1]):
                raise _bad(path.name, _t("too_many_rows", max=MAX_ROWS))
    except csv.Error as exc:
        raise _bad(path.name, _t("csv_error", line=reader.line_num, exc=exc), reader.line_num) from None
    table = _table(path.name, None, rows, 0, 0, key_prefixes)
    table.notes.append(_t("csv_note", enc=encoding, sep=sep))
    return table


def _uncsv(value: str) -> Cell:
    v = value.strip()
    if not v:
        return None
    if v.startswith("'") and is_formula_like(v[1:]):
        return v[1:]  # our own escape of formula-like text
    return value
