"""Records as flat tables, described by the field catalogue (the export and the import template).

A record kind is one *main* table (one row per record) and a *child* table for every repeatable
group (``integration-plan.measures``: one row per measure, keyed by ``record_id`` and the item's
position ``measures_no``; a group inside a group adds its own ``..._no``). A column is named by
its catalogue field path (``measures.organiser.type``), so the data dictionary, the import
template's hidden row and a mapping file all speak the same names. A coded field gets a second
column ``<path>_label`` with the label in the chosen language; a list of codes is one cell with
the codes separated by ``, `` (labels by ``; ``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kototieto.model.catalogue import FieldEntry, fields, kind_label
from kototieto.model.codes import CODE_LISTS

#: Columns the main table leads with (identity of the record).
KEY_COLUMNS = ("record_id", "kind", "customer")
#: Personal data left out of an export by default (``--with-identities`` keeps it).
PERSONAL_PATHS = frozenset(
    {
        "first_names",
        "last_name",
        "identifier.value",
        "date_of_birth",
        "family_members.name",
        "family_members.first_names",
        "family_members.last_name",
        "family_members.identifier.value",
        "family_members.date_of_birth",
    }
)
#: Fields holding a customer id (pseudonymised by default).
CUSTOMER_REF_PATHS = frozenset({"customer", "family_members.customer"})
#: Fields that are structure, not content (not exported as columns).
SKIP_PATHS = frozenset({"kind", "id", "customer", "extensions", "schema_version"})
CODE_SEP = ", "
LABEL_SEP = "; "


@dataclass(frozen=True)
class Column:
    key: str  # column name: the field path, or a key column
    path: str | None  # catalogue field path (None for key columns)
    type: str  # catalogue type name, or "id"/"integer" for keys
    code_list: str | None = None
    is_list: bool = False
    required: bool = False
    label_of: str | None = None  # this is the label column of that code column

    def label(self, lang: str) -> str:
        from kototieto.model.catalogue import field_label

        if self.label_of is not None:
            base = field_label(self.label_of, lang)
            return f"{base} ({ {'fi': 'selite', 'sv': 'benämning'}.get(lang, 'label') })"
        if self.path is None:
            return _KEY_LABELS.get(self.key, {}).get(lang, self.key)
        return field_label(self.path, lang)


_KEY_LABELS: dict[str, dict[str, str]] = {
    "record_id": {"fi": "Tietueen tunniste", "sv": "Postens identifikation", "en": "Record id"},
    "kind": {"fi": "Tietueen laji", "sv": "Typ av post", "en": "Record kind"},
    "customer": {"fi": "Asiakas", "sv": "Kund", "en": "Customer"},
    "organisation": {"fi": "Organisaatio", "sv": "Organisation", "en": "Organisation"},
}


@dataclass
class TableSpec:
    name: str  # "integration-plan" or "integration-plan.measures"
    kind: str
    list_path: str | None  # the repeatable group ("measures"), None for the main table
    lists: tuple[str, ...]  # enclosing groups, outermost first
    columns: list[Column] = field(default_factory=list)

    def title(self, lang: str) -> str:
        from kototieto.model.catalogue import field_label

        base = kind_label(self.kind, lang)
        return base if self.list_path is None else f"{base}: {field_label(self.list_path, lang)}"


def no_column(list_path: str) -> str:
    return f"{list_path.replace('.', '_')}_no"


def _is_group(e: FieldEntry) -> bool:
    return e.type == "object" and e.cardinality.endswith("n")


@cache
def _kind_entries(kind: str) -> tuple[FieldEntry, ...]:
    return tuple(e for e in fields() if kind in e.kinds)


def kind_tables(kind: str, *, with_labels: bool = True) -> list[TableSpec]:
    """The tables of a record kind: the main one first, then one per repeatable group."""
    entries = _kind_entries(kind)
    groups = [e.path for e in entries if _is_group(e)]
    main = TableSpec(kind, kind, None, ())
    main.columns = [Column("record_id", None, "id"), Column("customer", None, "id")]
    specs: dict[str | None, TableSpec] = {None: main}
    for g in groups:
        lists = tuple(p for p in groups if g == p or g.startswith(p + "."))
        spec = TableSpec(f"{kind}.{g}", kind, g, lists)
        spec.columns = [Column("record_id", None, "id")] + [
            Column(no_column(p), None, "integer") for p in lists
        ]
        specs[g] = spec
    for e in entries:
        if e.path in SKIP_PATHS or e.type in ("object", "map"):
            continue
        owner = max((g for g in groups if e.path.startswith(g + ".")), key=len, default=None)
        is_list = e.cardinality.endswith("n")
        col = Column(e.path, e.path, e.type, e.code_list, is_list, e.cardinality.startswith("1"))
        specs[owner].columns.append(col)
        if e.code_list and with_labels:
            specs[owner].columns.append(Column(f"{e.path}_label", None, "text", label_of=e.path))
    return [specs[None], *(specs[g] for g in groups)]


@cache
def code_labels(list_id: str, lang: str) -> dict[str, str]:
    return CODE_LISTS[list_id].labels(lang)


def _value(col: Column, raw: Any) -> Any:
    if raw is None:
        return None
    if col.type == "date":
        if isinstance(raw, dt.date):
            return raw
        try:
            return dt.date.fromisoformat(str(raw))
        except ValueError:
            return str(raw)
    if col.is_list:
        return CODE_SEP.join(str(v) for v in raw) if isinstance(raw, list) else str(raw)
    if col.type == "decimal" and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    return raw


def _flat(obj: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Every value of ``obj`` under its dotted path (``prefix`` + keys), descending into mappings
    only (a list is one value): one walk instead of a lookup per column."""
    out: dict[str, Any] = {}
    stack: list[tuple[str, Mapping[str, Any]]] = [(prefix, obj)]
    while stack:
        base, cur = stack.pop()
        for key, value in cur.items():
            path = base + str(key)
            if isinstance(value, Mapping):
                stack.append((path + ".", value))
            else:
                out[path] = value
    return out


def _get(data: Mapping[str, Any], path: str) -> Any:
    cur: Any = data
    for part in path.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(part)
    return cur


def flatten(
    data: Mapping[str, Any], specs: list[TableSpec], lang: str = "fi", *, customer: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The rows of one record in each of its kind's tables (``customer``: the id to write)."""
    out: dict[str, list[dict[str, Any]]] = {s.name: [] for s in specs}
    rid = str(data.get("id"))
    cust = customer if customer is not None else str(data.get("customer", data.get("id")))
    by_list = {s.list_path: s for s in specs}

    def fill(spec: TableSpec, obj: Mapping[str, Any], prefix: str, row: dict[str, Any]) -> None:
        flat = _flat(obj, prefix)
        for col in spec.columns:
            if col.path is None:
                continue
            raw = flat.get(col.path)
            row[col.key] = _value(col, raw)
            if col.code_list:
                labels = code_labels(col.code_list, lang)
                if col.is_list and isinstance(raw, list):
                    row[f"{col.key}_label"] = LABEL_SEP.join(labels.get(str(v), str(v)) for v in raw)
                elif raw is not None:
                    row[f"{col.key}_label"] = labels.get(str(raw), str(raw))

    def groups(obj: Mapping[str, Any], parent: tuple[str, ...], keys: dict[str, Any]) -> None:
        prefix = parent[-1] + "." if parent else ""
        for spec in specs:
            if spec.list_path is None or spec.lists[:-1] != parent:
                continue
            items = _get(obj, spec.list_path[len(prefix) :])
            if not isinstance(items, list):
                continue
            for n, item in enumerate(items, start=1):
                if not isinstance(item, Mapping):
                    continue
                row = {**keys, no_column(spec.list_path): n}
                fill(spec, item, spec.list_path + ".", row)
                out[spec.name].append(row)
                groups(item, spec.lists, dict(row))

    main_row: dict[str, Any] = {"record_id": rid, "customer": cust}
    fill(by_list[None], data, "", main_row)
    out[specs[0].name].append(main_row)
    groups(data, (), {"record_id": rid})
    return out


def dictionary_rows(specs: Iterable[TableSpec], lang: str = "fi") -> list[list[Any]]:
    """The data dictionary: table, column, field path, label, type, code list, description."""
    from kototieto.model.catalogue import field_entry

    rows: list[list[Any]] = []
    for spec in specs:
        for col in spec.columns:
            desc = ""
            if col.path is not None:
                desc = field_entry(col.path).meta.definition.get(lang)
            elif col.label_of is not None:
                desc = {"fi": "Koodin selite", "sv": "Kodens benämning"}.get(lang, "The code's label")
            rows.append(
                [
                    spec.name,
                    col.key,
                    col.path or col.label_of or "",
                    col.label(lang),
                    col.type,
                    col.code_list or "",
                    desc,
                ]
            )
    return rows


DICTIONARY_HEADERS = {
    "fi": ["Taulu", "Sarake", "Kentän polku", "Nimi", "Tyyppi", "Koodisto", "Kuvaus"],
    "sv": ["Tabell", "Kolumn", "Fältets sökväg", "Namn", "Typ", "Kodlista", "Beskrivning"],
    "en": ["Table", "Column", "Field path", "Label", "Type", "Code list", "Description"],
}
