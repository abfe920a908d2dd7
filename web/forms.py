"""Forms made from the field catalogue: one form per record kind, the pilot's extension fields included.

``form_spec(kind, catalogue)`` turns the catalogue's fields of a kind (``catalogue_json()``, extended
with the repository's definitions) into a tree of ``Field``. The form's input names are the field
paths as the validation reports them (``measures[0].organiser.type``, ``extensions.905.x``), so a
problem of ``koto validate`` lands on its input without any mapping table.

A field whose catalogue entry has ``applies_when`` (its condition in machine-readable form: the
trigger is a sibling field) carries it; the form shows it only while the condition holds or it has
a value (``widgets``, ``app.js``); without JavaScript every field is shown with its condition words.

``form_to_data`` reads a submitted form back into record data: dates typed as d.m.yyyy become ISO
dates, booleans and numbers their types, empty inputs are left out (absent = not recorded). A value
that cannot be converted (``31.2.2025``, ``12x``) is passed on as typed, so the model reports it
with the same message as ``koto validate`` does; the form never decides what is valid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kototieto.store.finding import sort_key

#: Fields the app fills in itself (not inputs): identity of the record, and the annulment action.
META_KEYS = ("kind", "id", "schema_version", "customer")
NOT_INPUTS = {*META_KEYS, "annulment"}
#: Code lists shown as a select even when many values may be chosen (too long for checkboxes).
LONG_LIST = 15
_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_INT = re.compile(r"^\s*-?\d+\s*$")
_NAME_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass
class Field:
    path: str  # catalogue path without indexes (measures.organiser.type)
    key: str  # key in the parent mapping
    type: str
    many: bool
    required: bool
    obligation: str
    condition: dict[str, str] | None
    labels: dict[str, str]
    definitions: dict[str, str]
    code_list: str | None
    local: bool = False
    children: list[Field] = field(default_factory=list)
    #: The catalogue's ``applies_when`` (``{"field": "plan_timing.timing", "equals": "date"}``).
    applies_when: dict[str, Any] | None = None

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("fi") or self.key

    @property
    def is_group(self) -> bool:
        return self.type == "object" or bool(self.children)


@dataclass
class FormSpec:
    kind: str
    fields: list[Field]
    code_lists: dict[str, list[tuple[str, dict[str, str]]]]
    _sorted: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def options(self, list_id: str, lang: str) -> list[tuple[str, str]]:
        """The list's (code, label) pairs in ``lang``: a short list in its own (meaningful) order, a
        long one (countries, languages, municipalities) alphabetically by label, Finnish order
        (sorted once per list and language)."""
        key = (list_id, lang)
        if key not in self._sorted:
            pairs = [(code, labels.get(lang) or code) for code, labels in self.code_lists.get(list_id, [])]
            if len(pairs) > LONG_LIST:
                pairs.sort(key=lambda pair: sort_key(pair[1]))
            self._sorted[key] = pairs
        return list(self._sorted[key])

    def find(self, path: str) -> Field | None:
        """The field of a catalogue path (no indexes)."""
        items = self.fields
        found: Field | None = None
        for part in split_path(path):
            if isinstance(part, int):
                continue
            found = next((f for f in items if f.key == part), None)
            if found is None:
                return None
            items = found.children
        return found


def split_path(name: str) -> list[str | int]:
    """``measures[0].organiser.type`` -> ["measures", 0, "organiser", "type"]; the key after
    ``extensions.`` is one key (``extensions.905.digital-skills``)."""
    if name.startswith("extensions."):
        return ["extensions", name[len("extensions.") :]]
    return [int(i) if i else str(k) for k, i in _NAME_PART.findall(name)]


def join_path(parts: list[str | int] | tuple[str | int, ...]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _make(entry: Mapping[str, Any], key: str) -> Field:
    card = str(entry.get("cardinality") or "0..1")
    return Field(
        path=str(entry["path"]),
        key=key,
        type=str(entry.get("type") or "text"),
        many=card.endswith("n"),
        required=card in ("1", "1..n"),
        obligation=str(entry.get("obligation") or "may"),
        condition=entry.get("condition"),
        labels=dict(entry.get("labels") or {}),
        definitions=dict(entry.get("definitions") or {}),
        code_list=entry.get("code_list"),
        local=bool(entry.get("local")),
        applies_when=entry.get("applies_when") or None,
    )


def form_spec(kind: str, catalogue: Mapping[str, Any]) -> FormSpec:
    """The form of ``kind`` from a catalogue document (national or extended)."""
    entries = [f for f in catalogue.get("fields", []) if kind in (f.get("kinds") or [])]
    top: list[Field] = []
    by_path: dict[str, Field] = {}
    extensions: list[Field] = []
    for entry in entries:
        path = str(entry["path"])
        if path.startswith("extensions."):
            extensions.append(_make(entry, path[len("extensions.") :]))
            continue
        parent, _, key = path.rpartition(".")
        f = _make(entry, key)
        by_path[path] = f
        if not parent:
            if key not in NOT_INPUTS and key != "extensions":
                top.append(f)
        elif parent in by_path:
            by_path[parent].children.append(f)
    if extensions:
        own = by_path.get("extensions")
        group = own or _make({"path": "extensions", "labels": {}, "type": "object"}, "extensions")
        group.type, group.many, group.children = "object", False, extensions
        top.append(group)
    first = [f for f in top if f.key in ("organisation", "date")]
    top = first + [f for f in top if f not in first]
    lists = {
        str(cl["id"]): [(str(v["code"]), dict(v.get("labels") or {})) for v in cl.get("values", [])]
        for cl in catalogue.get("code_lists", [])
    }
    return FormSpec(kind, top, lists)


# ------------------------------------------------------------------ values
def date_to_form(value: Any) -> str:
    """``2025-04-10`` -> ``10.4.2025``; anything else as it is."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value)
    m = _ISO.match(text)
    if m is None:
        return text
    return f"{int(m.group(3))}.{int(m.group(2))}.{m.group(1)}"


def date_from_form(text: str) -> str:
    """``10.4.2025`` (or ISO) -> ``2025-04-10``; what is not d.m.yyyy is returned as typed."""
    m = _DATE.match(text)
    if m:  # a day that does not exist (31.11.) stays ISO-shaped, so the model names the day
        return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return text.strip()


def value_to_form(f: Field, value: Any) -> str:
    if value is None:
        return ""
    if f.type == "date":
        return date_to_form(value)
    if f.type == "boolean" and isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _convert(f: Field, raw: str) -> Any:
    text = raw.replace("\r\n", "\n")
    if not text.strip():
        return None
    if f.type == "date":
        return date_from_form(text)
    if f.type == "boolean":
        return {"true": True, "false": False}.get(text, text)
    if f.type == "integer" and _INT.match(text):
        return int(text)
    if f.type == "decimal":
        try:
            return float(text.replace(",", ".").strip())
        except ValueError:
            return text
    if f.type == "long text":
        return text.rstrip()
    return text.strip()


class FormData:
    """A submitted form: name -> list of values (Starlette's FormData or a plain mapping)."""

    def __init__(self, items: Mapping[str, list[str]]) -> None:
        self.items = items

    def get(self, name: str) -> str:
        values = self.items.get(name) or []
        return values[-1] if values else ""

    def getlist(self, name: str) -> list[str]:
        return list(self.items.get(name) or [])

    def indexes(self, prefix: str) -> list[int]:
        """Item indexes of the list ``prefix`` present in the form (``goals[3]...`` -> 3)."""
        found: set[int] = set()
        pat = re.compile(re.escape(prefix) + r"\[(\d+)\]")
        for name in self.items:
            m = pat.match(name)
            if m:
                found.add(int(m.group(1)))
        return sorted(found)


def _read(fields: list[Field], form: FormData, prefix: str, keep_empty: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields:
        name = f"{prefix}{f.key}" if f.key != "extensions" or prefix else "extensions"
        if f.key == "extensions" and not prefix:
            sub = {}
            for child in f.children:
                value = _convert(child, form.get(f"extensions.{child.key}"))
                if value is not None:
                    sub[child.key] = value
            if sub:
                out["extensions"] = sub
            continue
        if f.is_group and f.many:
            items = []
            for i in form.indexes(name):
                item = _read(f.children, form, f"{name}[{i}].", keep_empty)
                if item or keep_empty:
                    items.append(item)
            if items:
                out[f.key] = items
        elif f.is_group:
            obj = _read(f.children, form, f"{name}.", keep_empty)
            if obj:
                out[f.key] = obj
        elif f.many:
            values = [v for v in (_convert(f, x) for x in form.getlist(name)) if v is not None]
            if values:
                out[f.key] = values
        else:
            value = _convert(f, form.get(name))
            if value is not None:
                out[f.key] = value
    return out


def form_to_data(
    spec: FormSpec,
    form: FormData,
    meta: Mapping[str, Any],
    base: Mapping[str, Any] | None = None,
    *,
    keep_empty: bool = False,
) -> dict[str, Any]:
    """Record data from a submitted form. ``meta``: kind, id, schema_version, customer; ``base``:
    the stored version the edit started from (its annulment and any key the form does not show are
    kept). ``keep_empty``: keep empty list items (the form's state while editing)."""
    data: dict[str, Any] = {k: meta[k] for k in META_KEYS if meta.get(k) is not None}
    fields = _read(spec.fields, form, "", keep_empty)
    shown = {f.key for f in spec.fields}
    ext = fields.pop("extensions", None)
    data.update(fields)
    for key, value in (base or {}).items():
        if key not in data and key not in shown and key not in META_KEYS:
            data[key] = value
    if base and isinstance(base.get("extensions"), Mapping):
        # extension values of fields no longer defined are kept as they were
        known = {c.key for f in spec.fields if f.key == "extensions" for c in f.children}
        kept = {k: v for k, v in base["extensions"].items() if k not in known}
        if kept:
            ext = {**kept, **(ext or {})}
    if ext:
        data.pop("extensions", None)
        data["extensions"] = ext
    return data


def edit_list(state: dict[str, Any], op: str) -> dict[str, Any]:
    """Apply a form's add/remove button (``add:measures`` / ``remove:measures[2]``) to its state."""
    action, _, target = op.partition(":")
    parts = split_path(target)
    if not parts:
        return state
    parent: Any = state
    for part in parts[:-1]:
        if isinstance(parent, dict) and isinstance(part, str):
            parent = parent.setdefault(part, {})
        elif isinstance(parent, list) and isinstance(part, int) and part < len(parent):
            parent = parent[part]
        else:
            return state
    last = parts[-1]
    if action == "add" and isinstance(last, str) and isinstance(parent, dict):
        items = parent.get(last)
        parent[last] = [*(items if isinstance(items, list) else []), {}]
    elif (
        action == "remove" and isinstance(last, int) and isinstance(parent, list) and 0 <= last < len(parent)
    ):
        parent.pop(last)
    return state
