"""``koto import template KIND``: an XLSX template that imports with no mapping file.

Sheet 1 (the record kind) has one column per field: the header in the chosen language (the
catalogue label), the field path in a hidden second row (what ``koto import`` reads), a drop-down
of the code list's labels for coded fields (the lists are on a hidden sheet ``lists``), date cells
formatted d.m.yyyy. Repeatable groups are numbered columns (``goals[1].description``,
``goals[2].description``, ...). The customer is named by id or identity code; the columns
``customer:...`` create a new customer when no customer has that identity code. A sheet
``instructions`` explains it in the chosen language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kototieto.errors import UsageError
from kototieto.exchange.flatten import SKIP_PATHS, _is_group, _kind_entries
from kototieto.exchange.spreadsheet import new_workbook, save_workbook, set_cell
from kototieto.model.catalogue import FieldEntry, field_label, kind_label
from kototieto.model.codes import CODE_LISTS
from kototieto.model.records import RECORD_KINDS

#: Numbered copies of each repeatable group in a template.
GROUP_COPIES = {"drawn_up_by": 2, "goals": 3, "measures": 5, "family_members": 4}
DEFAULT_COPIES = 2
#: Paths filled by the import itself (organisation from koto.yaml) or never imported.
TEMPLATE_SKIP = ("organisation.", "annulment.")
#: Columns that name or create the customer of a record.
CUSTOMER_COLUMNS = (
    "customer",
    "customer:identifier.value",
    "customer:first_names",
    "customer:last_name",
    "customer:date_of_birth",
)
KEY_PREFIXES = ("customer", "id", "date", "identifier", "first_names")

_CUSTOMER_LABELS = {
    "customer": {"fi": "Asiakkaan tunniste", "sv": "Kundens id", "en": "Customer id"},
    "customer:identifier.value": {
        "fi": "Asiakkaan henkilötunnus",
        "sv": "Kundens personbeteckning",
        "en": "Customer's identity code",
    },
}


@dataclass(frozen=True)
class TemplateColumn:
    key: str  # field path with item numbers: goals[1].description; customer:first_names
    header: str
    entry: FieldEntry | None


def template_columns(kind: str, lang: str = "fi") -> list[TemplateColumn]:
    if kind not in RECORD_KINDS:
        from kototieto.store.roles import unknown_kind

        raise UsageError(unknown_kind(kind))
    entries = _kind_entries(kind)
    cols: list[TemplateColumn] = []
    if kind != "customer":
        for key in CUSTOMER_COLUMNS:
            if key in _CUSTOMER_LABELS:
                header = _CUSTOMER_LABELS[key].get(lang, key)
            else:
                path = key.split(":", 1)[1]
                header = f"{kind_label('customer', lang)}: {field_label(path, lang)}"
            entry = None
            if ":" in key:
                from kototieto.model.catalogue import field_entry

                entry = field_entry(key.split(":", 1)[1])
            cols.append(TemplateColumn(key, header, entry))
    groups = [e.path for e in entries if _is_group(e)]
    for e in entries:
        if e.path in SKIP_PATHS or e.path.startswith(TEMPLATE_SKIP) or e.type in ("object", "map"):
            continue
        owners = [g for g in groups if e.path.startswith(g + ".")]
        if not owners:
            cols.append(TemplateColumn(e.path, field_label(e.path, lang), e))
    # groups after the plain fields, each copy's fields together
    for g in groups:
        if any(g.startswith(o + ".") for o in groups if o != g):
            continue  # a group inside a group: not in the template (import it with a mapping)
        members = [
            e
            for e in entries
            if e.path.startswith(g + ".")
            and e.type not in ("object", "map")
            and not any(e.path.startswith(h + ".") for h in groups if h != g and h.startswith(g + "."))
        ]
        for n in range(1, GROUP_COPIES.get(g, DEFAULT_COPIES) + 1):
            for e in members:
                key = f"{g}[{n}]{e.path[len(g) :]}"
                cols.append(
                    TemplateColumn(key, f"{field_label(g, lang)} {n}: {field_label(e.path, lang)}", e)
                )
    return cols


_INSTRUCTIONS = {
    "fi": [
        "Täytä yksi tietue riviä kohden ensimmäiselle välilehdelle. Älä muuta otsikkorivejä.",
        "Asiakas: anna asiakkaan tunniste tai henkilötunnus. Jos asiakasta ei ole, täytä myös nimet "
        "tai asiakkaan rivi välilehdelle Asiakkaat (henkilötunnuksella): uusi asiakas luodaan.",
        "Koodistokentät: valitse arvo pudotusvalikosta (teksti tai koodi kelpaa).",
        "Päivämäärät muodossa p.k.vvvv (esim. 7.3.2026).",
        "Toistuvat ryhmät (esim. tavoitteet, toimenpiteet) ovat numeroituja sarakkeita; jätä tyhjät tyhjiksi.",
        "Useampi koodi samaan soluun pilkulla tai puolipisteellä erotettuna.",
        "Tarkista ensin: koto import TIEDOSTO.xlsx --kind {kind} --dry-run",
    ],
    "sv": [
        "Fyll i en post per rad på det första bladet. Ändra inte rubrikraderna.",
        "Kund: ange kundens id eller personbeteckning. Finns kunden inte, fyll också i namnen eller "
        "kundens rad på bladet Kunder (med personbeteckningen): en ny kund skapas.",
        "Kodfält: välj ett värde i rullgardinsmenyn (text eller kod duger).",
        "Datum i formen d.m.åååå (t.ex. 7.3.2026).",
        "Upprepade grupper (t.ex. mål, åtgärder) är numrerade kolumner; lämna tomma kolumner tomma.",
        "Flera koder i samma cell åtskilda med komma eller semikolon.",
        "Kontrollera först: koto import FIL.xlsx --kind {kind} --dry-run",
    ],
    "en": [
        "Fill in one record per row on the first sheet. Do not change the header rows.",
        "Customer: give the customer's id or identity code. If the customer does not exist, fill in the "
        "names too, or the customer's row on the sheet Customers (with the identity code): a new "
        "customer is created.",
        "Coded fields: pick a value from the drop-down (the text or the code will do).",
        "Dates as d.m.yyyy (e.g. 7.3.2026).",
        "Repeatable groups (e.g. goals, measures) are numbered columns; leave unused ones empty.",
        "Several codes in one cell separated by commas or semicolons.",
        "Check first: koto import FILE.xlsx --kind {kind} --dry-run",
    ],
}


CUSTOMER_SHEET_TITLES = {"fi": "Asiakkaat", "sv": "Kunder", "en": "Customers"}


def write_template(kind: str, path: Path, lang: str = "fi", rows: int = 500) -> int:
    """Write the template; returns the number of columns of the record sheet."""
    from openpyxl.styles import Font

    cols = template_columns(kind, lang)
    wb = new_workbook()
    ws = wb.create_sheet(kind_label(kind, lang)[:31])
    customers = wb.create_sheet(CUSTOMER_SHEET_TITLES.get(lang, "Customers")) if kind != "customer" else None
    lists = wb.create_sheet("lists")
    info = wb.create_sheet({"fi": "ohjeet", "sv": "anvisningar"}.get(lang, "instructions"))
    list_cols: dict[str, str] = {}
    _fill(ws, cols, lists, list_cols, lang, rows)
    if customers is not None:
        _fill(customers, template_columns("customer", lang), lists, list_cols, lang, rows)
    lists.sheet_state = "hidden"
    set_cell(info, 1, 1, f"{kind_label(kind, lang)}").font = Font(bold=True)
    for i, line in enumerate(_INSTRUCTIONS.get(lang, _INSTRUCTIONS["en"]), start=3):
        set_cell(info, i, 1, line.format(kind=kind))
    info.column_dimensions["A"].width = 110
    save_workbook(wb, path)
    return len(cols)


def _fill(
    ws: Any, cols: list[TemplateColumn], lists: Any, list_cols: dict[str, str], lang: str, rows: int
) -> None:
    """Headers, the hidden row of field paths, date formats and code-list drop-downs of one sheet."""
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for c, col in enumerate(cols, start=1):
        cell = set_cell(ws, 1, c, col.header)
        cell.font = bold
        cell.fill = header_fill
        set_cell(ws, 2, c, col.key)
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = min(40, max(12, len(col.header) * 0.9))
        entry = col.entry
        if entry is None:
            continue
        if entry.type == "date":
            for r in range(3, rows + 3):
                ws.cell(row=r, column=c).number_format = "d.m.yyyy"
        if entry.code_list and not entry.cardinality.endswith("n"):
            ref = list_cols.get(entry.code_list)
            if ref is None:
                n = len(list_cols) + 1
                labels = list(CODE_LISTS[entry.code_list].labels(lang).values())
                lc = get_column_letter(n)
                set_cell(lists, 1, n, entry.code_list)
                for i, label in enumerate(labels, start=2):
                    set_cell(lists, i, n, label)
                ref = f"{quote_sheetname('lists')}!${lc}$2:${lc}${len(labels) + 1}"
                list_cols[entry.code_list] = ref
            dv = DataValidation(type="list", formula1=ref, allow_blank=True, showErrorMessage=False)
            ws.add_data_validation(dv)
            dv.add(f"{letter}3:{letter}{rows + 2}")
    ws.row_dimensions[2].hidden = True
    ws.freeze_panes = "B3"
