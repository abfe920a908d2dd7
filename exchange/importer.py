"""``koto import FILE --kind KIND``: spreadsheet rows to records, all validated before any is written.

Columns are found by (in this order) the mapping file, the template's hidden row of field paths,
or a header equal to a field's catalogue label (fi, sv or en) or path. Each cell is converted by
its field's type (codes: the code, a label in fi/sv/en or the mapping's value map; dates:
d.m.yyyy, dd.mm.yyyy, ISO or an Excel serial number; lists of codes split on ``,``, ``;`` or
``|``), the customer is found by id or identity code (or created from the ``customer:`` columns),
the organisation comes from ``koto.yaml``, the record id from the one id scheme
(``kototieto.model.ids``). Every record is then checked with the store's write checks (the one
validation pipeline: model, rules, cross-record rules against the customer's stored records and
the other rows). Problems are reported per row and column; nothing is written unless every row is
valid (``valid_only``: the valid rows are written, the rest go to a rejects file). The records are
committed in one commit through the store's bulk path.

Mapping file (YAML)::

    sheet: Asiakkaat            # optional: the sheet to read
    columns:
      Hetu: customer:identifier.value
      Päivä: {path: date, date_format: "%d/%m/%Y"}
      Palvelu: {path: "measures[1].service_kind", values: {kotokoulutus: integration-training}}
      Lähteet: {path: sources, split: "/"}
      Muistiinpanot: {ignore: true}
    constants:
      drawn_up_by[1].name: Maija Virtanen
      drawn_up_by[1].organisation: Vaasan kaupunki
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from kototieto.errors import InvalidInputError, Location, UsageError
from kototieto.exchange.spreadsheet import Cell, RawTable, cannot_read, column_letter, read_table
from kototieto.model.catalogue import FieldEntry, field_entry, fields
from kototieto.model.codes import CODE_LISTS
from kototieto.model.record import CURRENT_SCHEMA_VERSION
from kototieto.model.records import RECORD_KINDS
from kototieto.model.text import T

V = TypeVar("V")
_KEY_RE = re.compile(r"^(?:customer:)?[a-z_]+(?:\[[1-9][0-9]*\])?(?:\.[a-z_]+(?:\[[1-9][0-9]*\])?)*$")
_SPLIT_RE = re.compile(r"\s*[;,|]\s*")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_TRUE = {"true", "yes", "y", "x", "1", "kyllä", "k", "ja", "on"}
_FALSE = {"false", "no", "n", "0", "ei", "e", "nej", "off"}

_MSG: dict[str, dict[str, str]] = {
    "unknown_column": {
        "fi": "tuntematon sarake {h!r}: ei kentän nimi eikä polku (lisää se kuvaustiedostoon tai poista)",
        "sv": "okänd kolumn {h!r}: inte ett fälts namn eller sökväg (lägg till den i mappningen eller ta bort den)",
        "en": "unknown column {h!r}: not a field's label or path (map it in a mapping file or remove it)",
    },
    "duplicate_column": {
        "fi": "sarakkeet {a} ja {b} ovat molemmat kenttä {p}",
        "sv": "kolumnerna {a} och {b} är båda fältet {p}",
        "en": "columns {a} and {b} are both the field {p}",
    },
    "not_date": {
        "fi": "{v!r} ei ole päivämäärä (p.k.vvvv)",
        "sv": "{v!r} är inte ett datum (d.m.åååå)",
        "en": "{v!r} is not a date (d.m.yyyy)",
    },
    "not_number": {"fi": "{v!r} ei ole luku", "sv": "{v!r} är inte ett tal", "en": "{v!r} is not a number"},
    "not_bool": {
        "fi": "{v!r} ei ole kyllä/ei",
        "sv": "{v!r} är inte ja/nej",
        "en": "{v!r} is not yes/no",
    },
    "not_code": {
        "fi": "{v!r} ei ole koodiston {l} arvo",
        "sv": "{v!r} är inte ett värde i kodlistan {l}",
        "en": "{v!r} is not a value of the code list {l}",
    },
    "ambiguous": {
        "fi": "{v!r} on monitulkintainen koodistossa {l}: {c}",
        "sv": "{v!r} är tvetydigt i kodlistan {l}: {c}",
        "en": "{v!r} is ambiguous in the code list {l}: {c}",
    },
    "no_identity": {
        "fi": "asiakkaalta puuttuu henkilötunnus tai väliaikainen tunniste",
        "sv": "kunden saknar personbeteckning eller tillfällig identifikation",
        "en": "the customer has no identity code or temporary identifier",
    },
    "no_customer": {
        "fi": "asiakasta ei löydy: anna asiakkaan tunniste tai henkilötunnus ja nimet",
        "sv": "kunden hittas inte: ange kundens id eller personbeteckning och namnen",
        "en": "no customer: give the customer's id or identity code and names",
    },
    "unknown_customer": {
        "fi": "asiakasta {v!r} ei ole tietovarastossa",
        "sv": "kunden {v!r} finns inte i datakatalogen",
        "en": "there is no customer {v!r} in the repository",
    },
}


def msg(key: str, lang: str, **kw: Any) -> str:
    return _MSG[key].get(lang, _MSG[key]["en"]).format(**kw)


@dataclass
class ColumnMap:
    path: str  # template key: goals[1].description, customer:first_names
    values: dict[str, str] = field(default_factory=dict)
    date_format: str | None = None
    split: str | None = None


@dataclass
class Mapping_:
    sheet: str | None = None
    columns: dict[str, ColumnMap | None] = field(default_factory=dict)  # header -> map (None: ignore)
    constants: dict[str, Any] = field(default_factory=dict)


def load_mapping(path: Path) -> Mapping_:
    from kototieto.store.bulkload import fast_load

    try:
        data = fast_load(path.read_bytes(), path.name)
    except OSError as exc:
        raise UsageError(cannot_read(path, exc)) from None
    out = Mapping_(sheet=data.get("sheet"))
    cols = data.get("columns") or {}
    if not isinstance(cols, dict):
        raise InvalidInputError(
            T(
                "columns: sarakeotsikoiden ja kenttäpolkujen taulukko",
                "columns: en tabell över kolumnrubriker och fältsökvägar",
                "columns: a mapping of column header to field path",
            ),
            location=Location(path.name),
        )
    for header, spec in cols.items():
        if isinstance(spec, str):
            out.columns[str(header)] = ColumnMap(spec)
        elif isinstance(spec, dict) and spec.get("ignore"):
            out.columns[str(header)] = None
        elif isinstance(spec, dict) and isinstance(spec.get("path"), str):
            values = spec.get("values") or {}
            out.columns[str(header)] = ColumnMap(
                spec["path"],
                {str(k).strip().casefold(): str(v) for k, v in values.items()},
                spec.get("date_format"),
                spec.get("split"),
            )
        else:
            raise InvalidInputError(
                T(
                    "columns.{h}: kenttäpolku tai {{path: ..., values: ..., date_format: ..., split: ...}}",
                    "columns.{h}: en fältsökväg eller {{path: ..., values: ..., date_format: ..., split: ...}}",
                    "columns.{h}: a field path or {{path: ..., values: ..., date_format: ..., split: ...}}",
                ).format(h=header),
                location=Location(path.name),
            )
    consts = data.get("constants") or {}
    if not isinstance(consts, dict):
        raise InvalidInputError(
            T(
                "constants: kenttäpolkujen ja arvojen taulukko",
                "constants: en tabell över fältsökvägar och värden",
                "constants: a mapping of field path to value",
            ),
            location=Location(path.name),
        )
    out.constants = {str(k): v for k, v in consts.items()}
    for key in [*(c.path for c in out.columns.values() if c), *out.constants]:
        if not _KEY_RE.match(key):
            raise InvalidInputError(
                T(
                    "{k!r} ei ole kenttäpolku (esim. goals[1].description)",
                    "{k!r} är ingen fältsökväg (t.ex. goals[1].description)",
                    "{k!r} is not a field path",
                ).format(k=key),
                location=Location(path.name),
            )
    return out


@dataclass
class Problem:
    row: int  # spreadsheet row (1-based)
    column: str  # column letter, "" for the whole row
    field: str
    message: str
    severity: str = "error"

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass
class ImportResult:
    source: str
    kind: str
    rows: int
    records: int = 0  # records written (or that would be, dry run)
    new_customers: int = 0
    commit: str | None = None
    problems: list[Problem] = field(default_factory=list)
    fill_rates: list[tuple[str, int, int]] = field(default_factory=list)  # path, filled, rows
    rejected_rows: list[int] = field(default_factory=list)
    rejects_file: str | None = None
    report_file: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "rows": self.rows,
            "records": self.records,
            "new_customers": self.new_customers,
            "commit": self.commit,
            "problems": [p.to_json() for p in self.problems],
            "fill_rates": [{"path": p, "filled": f, "rows": n} for p, f, n in self.fill_rates],
            "rejected_rows": self.rejected_rows,
            "rejects_file": self.rejects_file,
            "report_file": self.report_file,
            "notes": self.notes,
        }


def _clean_path(key: str) -> str:
    return re.sub(r"\[[0-9]+\]", "", key.split(":", 1)[-1])


def _entry(key: str) -> FieldEntry | None:
    try:
        return field_entry(_clean_path(key))
    except KeyError:
        return None


def _header_index(kind: str) -> dict[str, str]:
    """Header text (case-folded) -> template key: labels in fi/sv/en and paths."""
    from kototieto.exchange.template import template_columns

    index: dict[str, str] = {}
    for lang in ("en", "sv", "fi"):
        for col in template_columns(kind, lang):
            index[col.header.casefold()] = col.key
            index[col.key.casefold()] = col.key
    for e in fields():
        if kind in e.kinds and e.type not in ("object", "map"):
            index.setdefault(e.path.casefold(), e.path)
            for lang in ("en", "sv", "fi"):
                index.setdefault(e.meta.label.get(lang).casefold(), e.path)
    return index


def _code_index(list_id: str) -> dict[str, set[str]]:
    cl = CODE_LISTS[list_id]
    idx: dict[str, set[str]] = {}
    for code in cl.codes():
        idx.setdefault(code.casefold(), set()).add(code)
    for lang in ("fi", "sv", "en"):
        for code, label in cl.labels(lang).items():
            idx.setdefault(label.strip().casefold(), set()).add(code)
    return idx


class _Converter:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._codes: dict[str, dict[str, set[str]]] = {}

    def code(self, list_id: str, value: str, cmap: ColumnMap | None) -> tuple[str | None, str | None]:
        v = value.strip()
        if cmap and v.casefold() in cmap.values:
            return cmap.values[v.casefold()], None
        idx = self._codes.get(list_id)
        if idx is None:
            idx = self._codes[list_id] = _code_index(list_id)
        if v in idx.get(v.casefold(), ()):
            return v, None  # the code itself
        found = idx.get(v.casefold())
        if not found:
            return None, msg("not_code", self.lang, v=v, l=list_id)
        if len(found) > 1:
            return None, msg("ambiguous", self.lang, v=v, l=list_id, c=", ".join(sorted(found)))
        return next(iter(found)), None

    def convert(self, entry: FieldEntry, value: Cell, cmap: ColumnMap | None) -> tuple[Any, str | None]:
        t = entry.type
        if entry.code_list:
            if entry.cardinality.endswith("n"):
                parts = (
                    [p.strip() for p in str(value).split(cmap.split)]
                    if cmap and cmap.split
                    else _SPLIT_RE.split(str(value).strip())
                )
                out = []
                for p in parts:
                    if not p:
                        continue
                    code, err = self.code(entry.code_list, p, cmap)
                    if err:
                        return None, err
                    out.append(code)
                return out, None
            text = _text(value)
            return self.code(entry.code_list, text, cmap)
        if t == "date":
            return _date(value, cmap.date_format if cmap else None, self.lang)
        if t == "boolean":
            if isinstance(value, bool):
                return value, None
            s = str(value).strip().casefold()
            if s in _TRUE:
                return True, None
            if s in _FALSE:
                return False, None
            return None, msg("not_bool", self.lang, v=value)
        if t in ("integer", "decimal"):
            if isinstance(value, int | float) and not isinstance(value, bool):
                return (int(value) if t == "integer" and float(value).is_integer() else value), None
            try:
                num = float(str(value).strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
            except ValueError:
                return None, msg("not_number", self.lang, v=value)
            return (int(num) if t == "integer" and num.is_integer() else num), None
        return _text(value), None


def _text(value: Cell) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _date(value: Cell, fmt: str | None, lang: str) -> tuple[str | None, str | None]:
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return (_EXCEL_EPOCH + dt.timedelta(days=int(value))).isoformat(), None
        return None, msg("not_date", lang, v=value)
    s = str(value).strip()
    formats = [fmt] if fmt else ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]
    for f in formats:
        try:
            return dt.datetime.strptime(s, f).date().isoformat(), None
        except ValueError:
            continue
    return None, msg("not_date", lang, v=value)


def _set(data: dict[str, Any], key: str, value: Any) -> tuple[str | int, ...]:
    """Set ``goals[2].description`` in nested data; returns the 0-based data path."""
    parts = key.split(".")
    cur: Any = data
    path: list[str | int] = []
    for i, part in enumerate(parts):
        m = re.fullmatch(r"([a-z_]+)(?:\[([0-9]+)\])?", part)
        assert m is not None
        name, idx = m.group(1), m.group(2)
        last = i == len(parts) - 1
        path.append(name)
        if idx is None:
            if last:
                cur[name] = value
            else:
                cur = cur.setdefault(name, {})
            continue
        n = int(idx) - 1
        items = cur.setdefault(name, [])
        while len(items) <= n:
            items.append({})
        path.append(n)
        if last:
            items[n] = value
        else:
            cur = items[n]
    return tuple(path)


def _prune(obj: Any) -> Any:
    """Drop the empty items a numbered column group leaves (goals[3] with nothing filled)."""
    if isinstance(obj, dict):
        return {k: _prune(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_prune(v) for v in obj if v != {}]
    return obj


def _organisation(repo: Any) -> dict[str, Any]:
    org = repo.config.organisation
    name = org.name if isinstance(org.name, str) else (org.name.get("fi") or next(iter(org.name.values())))
    return {"type": org.type, "code": org.code, "name": name}


def _map_columns(
    table: RawTable,
    kind: str,
    mapped: Mapping[str, ColumnMap | None],
    lang: str,
    problems: list[Problem],
    prefix: str = "",
) -> list[tuple[str, ColumnMap | None] | None]:
    """The template key (and mapping) of each column of ``table``; unknown and duplicate columns
    are reported on row 1 (``prefix``: the sheet, for a second sheet)."""
    index = _header_index(kind)
    colmap: list[tuple[str, ColumnMap | None] | None] = []
    seen: dict[str, int] = {}
    for j, header in enumerate(table.headers):
        key_row = table.keys[j] if table.keys and j < len(table.keys) else ""
        cm: ColumnMap | None
        if header in mapped:
            cm = mapped[header]
            if cm is None:
                colmap.append(None)
                continue
            key = cm.path
        elif key_row:
            key, cm = key_row, None
        elif not header:
            colmap.append(None)
            continue
        elif header.casefold() in index:
            key, cm = index[header.casefold()], None
        else:
            problems.append(Problem(1, prefix + column_letter(j), "", msg("unknown_column", lang, h=header)))
            colmap.append(None)
            continue
        if key in seen:
            a, b = prefix + column_letter(seen[key]), prefix + column_letter(j)
            problems.append(Problem(1, b, key, msg("duplicate_column", lang, a=a, b=b, p=key)))
        seen[key] = j
        colmap.append((key, cm))
    return colmap


CUSTOMER_SHEETS = ("asiakkaat", "kunder", "customers")


def _customer_sheet(table: RawTable) -> RawTable | None:
    """The workbook's customer sheet (named Asiakkaat, Kunder or Customers), if any."""
    for name, other in table.sheets.items():
        if name.strip().casefold() in CUSTOMER_SHEETS:
            return other
    return None


def import_file(
    repo_path: Path | str,
    source: Path,
    kind: str,
    *,
    mapping: Path | None = None,
    dry_run: bool = False,
    valid_only: bool = False,
    lang: str = "fi",
    author: str | None = None,
    report_path: Path | None = None,
    rejects_path: Path | None = None,
) -> ImportResult:
    """Import ``source`` (XLSX or CSV) as records of ``kind``; see the module docstring."""
    from kototieto.exchange.template import template_columns
    from kototieto.model import ids
    from kototieto.store import layout
    from kototieto.store.fielddiff import dotted
    from kototieto.store.store import Store
    from kototieto.store.yamlio import new_document_text

    if kind not in RECORD_KINDS:
        from kototieto.store.roles import unknown_kind

        raise UsageError(unknown_kind(kind))
    cmapping = load_mapping(mapping) if mapping else Mapping_()
    store = Store.open(Path(repo_path), lang=lang, author=author)
    keys = tuple(c.key for k in {kind, "customer"} for c in template_columns(k, "en"))
    table: RawTable = read_table(
        source,
        sheet=cmapping.sheet,
        key_prefixes=keys,
        lang=lang,
        also=CUSTOMER_SHEETS if kind != "customer" else (),
    )
    notes = [n for n in table.notes if not n.endswith(": lists")]  # the template's own hidden lists
    result = ImportResult(source.name, kind, len(table.rows), notes=notes)
    conv = _Converter(lang)
    # ---- columns
    colmap = _map_columns(table, kind, cmapping.columns, lang, result.problems)
    if result.errors:
        return result  # the columns are wrong: the rows would only repeat it
    # ---- customers known
    by_identity: dict[str, str] = {}
    known_customers: set[str] = set()
    head = store.repo.head_commit()
    if head is not None:
        from kototieto.store import history
        from kototieto.store.bulkload import fast_load

        for rid, path, tree_entry in history.record_entries(store.repo, head):
            parsed = layout.parse_record_path(path)
            if parsed is None or parsed.customer != rid:
                continue
            known_customers.add(rid)
            stored = fast_load(store.repo.git.get(tree_entry.id).data, path)  # type: ignore[union-attr]
            ident = stored.get("identifier")
            if isinstance(ident, dict) and isinstance(ident.get("value"), str):
                by_identity[ident["value"]] = rid
    organisation = _organisation(store.repo)
    # ---- the customer sheet (Asiakkaat / Kunder / Customers): new customers' details by identity code
    sheet_customers: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}
    cust_sheet = _customer_sheet(table) if kind != "customer" else None
    if cust_sheet is not None:
        cprefix = f"{cust_sheet.sheet}!"
        ccols = _map_columns(cust_sheet, "customer", {}, lang, result.problems, cprefix)
        for crow, ccells in cust_sheet.rows:
            cdata: dict[str, Any] = {}
            refs: dict[str, str] = {}
            for j, spec in enumerate(ccols):
                if spec is None or j >= len(ccells) or ccells[j] is None:
                    continue
                key, cm = spec
                entry = _entry(key)
                if entry is None:
                    continue
                converted, err = conv.convert(entry, ccells[j], cm)
                if err:
                    result.problems.append(Problem(crow, cprefix + column_letter(j), _clean_path(key), err))
                    continue
                refs["customer:" + dotted(_set(cdata, key, converted))] = f"{cprefix}{column_letter(j)}{crow}"
            ident = (cdata.get("identifier") or {}).get("value")
            if ident:
                sheet_customers[str(ident)] = (cdata, refs)
            else:
                result.problems.append(Problem(crow, cprefix, "identifier.value", msg("no_identity", lang)))
    sheet_refs: dict[int, dict[str, str]] = {}  # row -> customer field -> cell on the customer sheet
    # ---- rows to records
    built: list[tuple[int, dict[str, Any], dict[str, int], dict[str, Any] | None]] = []
    filled: dict[str, int] = {}
    for rownum, cells in table.rows:
        data: dict[str, Any] = {
            "kind": kind,
            "schema_version": CURRENT_SCHEMA_VERSION,
            "organisation": dict(organisation),
        }
        cust: dict[str, Any] = {}
        where: dict[str, int] = {}
        row_problem = False
        for key, value in cmapping.constants.items():
            target = cust if key.startswith("customer:") else data
            _set(target, key.split(":", 1)[-1], value)
        for j, spec in enumerate(colmap):
            if spec is None or j >= len(cells) or cells[j] is None:
                continue
            key, cm = spec
            value = cells[j]
            if key == "customer":
                data["customer"] = _text(value)
                where["customer"] = j
                continue
            entry = _entry(key)
            if entry is None:
                continue
            converted, err = conv.convert(entry, value, cm)
            if err:
                result.problems.append(Problem(rownum, column_letter(j), _clean_path(key), err))
                row_problem = True
                continue
            if key.startswith("customer:"):
                _set(cust, key.split(":", 1)[1], converted)
                where["customer:" + dotted(_set({}, key.split(":", 1)[1], None))] = j
            else:
                where[dotted(_set(data, key, converted))] = j
            fkey = ("customer:" if key.startswith("customer:") else "") + _clean_path(key)
            filled[fkey] = filled.get(fkey, 0) + 1
        data = _prune(data)
        rec_date = data.get("date") if isinstance(data.get("date"), str) else None
        day = dt.date.fromisoformat(rec_date) if rec_date else None
        new_customer: dict[str, Any] | None = None
        if kind == "customer":
            data["id"] = data.get("id") or ids.new_record_id("customer")
        else:
            cid = data.get("customer")
            ident = (cust.get("identifier") or {}).get("value")
            if cid is None and ident is not None:
                cid = by_identity.get(str(ident))
            from_sheet = sheet_customers.get(str(ident)) if cid is None and ident is not None else None
            if cid is None and (from_sheet or cust.get("last_name") or cust.get("first_names")):
                cid = ids.new_record_id("customer")
                sheet_data = from_sheet[0] if from_sheet else {}
                new_customer = {
                    "kind": "customer",
                    "id": cid,
                    "schema_version": CURRENT_SCHEMA_VERSION,
                    "organisation": dict(organisation),
                    "date": rec_date,
                    **(
                        {"identifier": {"type": _identifier_type(str(ident)), "value": str(ident)}}
                        if ident
                        else {}
                    ),
                    **sheet_data,
                    **{k: v for k, v in cust.items() if k != "identifier"},
                }
                if from_sheet:
                    sheet_refs[rownum] = from_sheet[1]
                if ident:
                    by_identity[str(ident)] = cid
                known_customers.add(cid)
            elif cid is None:
                result.problems.append(Problem(rownum, "", "customer", msg("no_customer", lang)))
                row_problem = True
            elif cid not in known_customers:
                result.problems.append(
                    Problem(
                        rownum,
                        column_letter(where.get("customer", 0)),
                        "customer",
                        msg("unknown_customer", lang, v=cid),
                    )
                )
                row_problem = True
            if cid is not None:
                data["customer"] = cid
            try:
                data["id"] = ids.new_record_id(kind, day or dt.date.today())
            except ValueError:
                data["id"] = ids.new_record_id(kind, dt.date.today())
        built.append((rownum, data, where, new_customer if not row_problem else None))
        if row_problem:
            result.rejected_rows.append(rownum)
    # ---- validate every record with the one validation pipeline (the checks of every store write):
    # the role, the path, the model's rules, and the cross-record rules over each customer's stored
    # records together with this file's other rows of that customer (each parsed once)
    from kototieto.errors import KotoError
    from kototieto.store import pipeline, roles

    rules = store.rules()
    items: dict[str, list[tuple[int, dict[str, Any], str, str]]] = {}  # customer -> (row, data, rel, prefix)
    for rownum, data, _w, newc in built:
        if rownum in result.rejected_rows:
            continue
        c = str(data.get("customer", data.get("id")))
        for rec, prefix in ([(newc, "customer:")] if newc is not None else []) + [(data, "")]:
            rel = layout.record_path(str(rec.get("customer", rec["id"])), str(rec["id"]))
            items.setdefault(c, []).append((rownum, rec, rel, prefix))
    where_of = {rownum: where for rownum, _d, where, _n in built}
    bad_rows: set[int] = set()

    def report(rownum: int, prefix: str, finding: Any) -> None:
        fpath = dotted(tuple(finding.path))
        col = _column_of(prefix + fpath, where_of.get(rownum, {}))
        ref = _column_of(prefix + fpath, sheet_refs.get(rownum, {})) if prefix else None
        result.problems.append(
            Problem(
                rownum,
                ref if ref is not None else column_letter(col) if col is not None else "",
                fpath,
                finding.message(lang),
                finding.severity,
            )
        )
        if finding.severity == "error":
            bad_rows.add(rownum)

    # one person, one customer: the file's new customers against the stored ones and each other
    incoming = {str(rec["id"]): rec for recs in items.values() for _r, rec, _rel, _p in recs}
    for c, recs in items.items():
        new_ids = {str(rec["id"]): (rownum, prefix) for rownum, rec, _rel, prefix in recs}
        stored = store.customer_records(c) if layout.is_safe_name(c) else {}
        others, invalid = pipeline.parse_others([d for rid, d in stored.items() if rid not in new_ids], rules)
        new_records = []
        for rownum, rec, rel, prefix in recs:
            try:
                roles.check_role(store.repo.config.roles, store.writer_type, rec)
            except KotoError as exc:
                result.problems.append(Problem(rownum, "", "", str(exc)))
                bad_rows.add(rownum)
                continue
            findings, record = pipeline.record_findings(rec, rules, rel)
            findings += pipeline.identity_findings(rec, store.same_identity(rec, incoming))
            for f in findings:
                report(rownum, prefix, f)
            if record is not None:
                new_records.append(record)
            else:
                invalid.add(str(rec["id"]))
        for rid, f in pipeline.cross_findings([*others, *new_records], rules, invalid):
            if rid in new_ids:
                report(new_ids[rid][0], new_ids[rid][1], f)
    result.rejected_rows.extend(bad_rows)
    valid_rows = {rownum for rownum, *_ in built} - set(result.rejected_rows)
    texts: dict[int, list[tuple[str, bytes]]] = {}
    will_write = not dry_run and (valid_only or not result.rejected_rows)
    for recs in items.values():
        for rownum, rec, rel, _prefix in recs:
            if rownum in valid_rows:
                raw = (
                    new_document_text(rec, layout.schema_url_for(rel)).encode("utf-8") if will_write else b""
                )
                texts.setdefault(rownum, []).append((rel, raw))
    result.rejected_rows = sorted(set(result.rejected_rows))
    every = dict.fromkeys(
        ("customer:" if c.key.startswith("customer:") else "") + _clean_path(c.key)
        for c in template_columns(kind, "en")
        if c.key != "customer"
    )
    for p in every:
        filled.setdefault(p, 0)
    result.fill_rates = [(p, n, len(table.rows)) for p, n in sorted(filled.items(), key=lambda kv: -kv[1])]
    if result.problems and (report_path is not None):
        write_problem_report(table, result, report_path, lang)
        result.report_file = str(report_path)
    good = [pair for rownum in sorted(texts) for pair in texts[rownum]]
    result.records = len(good)
    result.new_customers = sum(1 for _r, _d, _w, n in built if n is not None and _r in texts)
    if result.rejected_rows and not valid_only:
        result.records = 0
        return result
    if valid_only and result.rejected_rows and rejects_path is not None:
        write_rejects(table, result, rejects_path, lang)
        result.rejects_file = str(rejects_path)
    if dry_run or not good:
        return result
    message = (
        f"Import {len(texts)} {kind} row(s) from {source.name}\n\n"
        f"Source: {source.name}\nRows: {len(table.rows)}\nImported-Rows: {len(texts)}\n"
        f"Records: {len(good)}\nOrganisation: {organisation['code']}\n"
    )
    result.commit = store.import_records(good, message=message, author=author, validate=False)
    return result


def _identifier_type(value: str) -> str:
    return "temporary-identifier" if value.startswith("T-") else "personal-identity-code"


def _column_of(path: str, where: Mapping[str, V]) -> V | None:
    p = path
    while p:
        if p in where:
            return where[p]
        # a problem on a group or object: the first column inside it
        inside = [j for k, j in where.items() if k.startswith(p + ".") or k.startswith(p + "[")]
        if inside:
            return min(inside)  # type: ignore[type-var]
        cut = max(p.rfind("."), p.rfind("["))
        p = p[:cut] if cut > 0 else ""
    return None


def write_problem_report(table: RawTable, result: ImportResult, path: Path, lang: str = "en") -> None:
    """A copy of the sheet with a problems column and the problem cells highlighted."""
    from openpyxl.styles import Font, PatternFill

    from kototieto.exchange.spreadsheet import new_workbook, save_workbook, set_cell

    wb = new_workbook()
    ws = wb.create_sheet("problems")
    red = PatternFill("solid", fgColor="FFC7CE")
    width = len(table.headers)
    for j, h in enumerate(table.headers, start=1):
        set_cell(ws, 1, j, h).font = Font(bold=True)
    set_cell(ws, 1, width + 1, {"fi": "Ongelmat", "sv": "Problem"}.get(lang, "Problems")).font = Font(
        bold=True
    )
    set_cell(ws, 1, width + 2, {"fi": "Rivi", "sv": "Rad"}.get(lang, "Row")).font = Font(bold=True)
    by_row: dict[int, list[Problem]] = {}
    for p in result.problems:
        by_row.setdefault(p.row, []).append(p)
    r = 2
    for rownum, cells in table.rows:
        for j, v in enumerate(cells, start=1):
            if v is not None:
                set_cell(ws, r, j, v)
        probs = by_row.get(rownum, [])
        if probs:
            set_cell(
                ws,
                r,
                width + 1,
                "\n".join(f"{p.column or '-'}: {p.field} {p.message}".strip() for p in probs),
            )
            for p in probs:
                if p.column.isalpha():
                    ws.cell(row=r, column=_col_number(p.column)).fill = red
        set_cell(ws, r, width + 2, rownum)
        r += 1
    if 1 in by_row:
        for p in by_row[1]:
            if p.column.isalpha():
                ws.cell(row=1, column=_col_number(p.column)).fill = red
    save_workbook(wb, path)


def write_rejects(table: RawTable, result: ImportResult, path: Path, lang: str = "en") -> None:
    """The rejected rows (with their problems) as XLSX, to fix and import again."""
    rejected = set(result.rejected_rows)
    sub = RawTable(
        table.source, table.sheet, table.headers, table.keys, [r for r in table.rows if r[0] in rejected]
    )
    write_problem_report(sub, result, path, lang)


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n
