"""Turn a record's fields into headed sections of display strings (the generic part of documents).

The walk follows the model's field order and names every field by its catalogue path, so a field
added to the model appears in print with its catalogue label without a template change. Values
become strings in the document's language: code values as their labels, dates and numbers through
Babel, booleans as yes/no words. Free text passes through unchanged (the template engine escapes
it). Where an item's information came from (``sources``, ``source_details``) prints after the item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from kototieto.model.meta import Obligation
from kototieto.templates.context import Entry, Section
from kototieto.templates.fmt import format_date, format_number
from kototieto.templates.i18n import s
from kototieto.templates.labels import code_label, field_code_list, field_label, field_meta

#: Fields every record has that documents print in their header, not as sections.
HEADER_FIELDS = frozenset(
    {
        "kind",
        "id",
        "schema_version",
        "organisation",
        "annulment",
        "extensions",
        "customer",
        "date",
        "drawn_up_by",
    }
)
#: Printed last inside an item: where its information came from.
TRAILING = ("sources", "source_details")
#: 'Other necessary data' (the decree's last item of each record) prints last, also after the
#: fields a multisectoral record adds.
LAST_SECTION = "other_data"
#: Free text at least this long (or with a line break) prints as a paragraph, not a table cell.
LONG_TEXT = 60


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, (list, tuple, dict, str)) and len(value) == 0)


def _names(model: type[BaseModel]) -> list[str]:
    names = [n for n in model.model_fields if n not in TRAILING]
    return names + [n for n in TRAILING if n in model.model_fields]


def scalar(path: str, value: Any, lang: str) -> str:
    """One value (a list of values joined by commas) as display text."""
    if isinstance(value, bool):
        return s("yes" if value else "no", lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, list):
        return join_labels([scalar(path, v, lang) for v in value], lang, field_code_list(path))
    if isinstance(value, BaseModel):
        return inline(path, value, lang)
    list_id = field_code_list(path)
    if list_id is not None:
        return code_label(list_id, str(value), lang)
    return str(value)


#: Code lists whose labels are common nouns: in a Finnish or Swedish list only the first is capitalised
#: ("Maahanmuuttaja itse, muu viranomainen"); country and language names keep their case.
LOWER_IN_LISTS = frozenset({"information-source"})


def join_labels(labels: Sequence[str], lang: str, list_id: str | None) -> str:
    """Labels joined with commas; see ``LOWER_IN_LISTS``."""
    if lang in ("fi", "sv") and list_id in LOWER_IN_LISTS:
        labels = [labels[0], *(x[:1].lower() + x[1:] for x in labels[1:])] if labels else []
    return ", ".join(labels)


def inline(path: str, obj: BaseModel, lang: str) -> str:
    """A small nested object on one line: its non-empty values joined (e.g. organiser type, name)."""
    parts = [
        scalar(f"{path}.{n}", getattr(obj, n), lang)
        for n in _names(type(obj))
        if not is_empty(getattr(obj, n))
    ]
    return ", ".join(p for p in parts if p)


def entries(path: str, obj: BaseModel, lang: str, *, skip: Iterable[str] = ()) -> tuple[Entry, ...]:
    """The non-empty fields of object ``obj`` (at catalogue path ``path``; "" for the record) as entries.

    A timing given as a date prints the date itself ("Ajankohta: 10.4.2025"), not the code's label
    "Päivämäärä" followed by a second row with the date.
    """
    skipped = set(skip)
    prefix = f"{path}." if path else ""
    timing, day = getattr(obj, "timing", None), getattr(obj, "date", None)
    dated = timing == "date" and isinstance(day, dt.date) and path != ""
    out = []
    for name in _names(type(obj)):
        if name in skipped or is_empty(getattr(obj, name)):
            continue
        if dated and name == "date":
            continue
        if dated and name == "timing" and isinstance(day, dt.date):
            out.append(
                Entry(label=field_label(f"{prefix}timing", lang), kind="text", text=format_date(day, lang))
            )
            continue
        out.append(entry(f"{prefix}{name}", getattr(obj, name), lang))
    return tuple(out)


def entry(path: str, value: Any, lang: str) -> Entry:
    label = field_label(path, lang)
    if isinstance(value, BaseModel):
        return Entry(label=label, kind="group", children=entries(path, value, lang))
    if isinstance(value, list) and value and isinstance(value[0], BaseModel):
        return table(path, value, lang)
    if isinstance(value, list):
        return Entry(label=label, kind="list", items=tuple(scalar(path, v, lang) for v in value))
    text = scalar(path, value, lang)
    free = isinstance(value, str) and field_code_list(path) is None
    long = free and (len(text) >= LONG_TEXT or "\n" in text)
    return Entry(label=label, kind="long" if long else "text", text=text)


def table(path: str, objs: Sequence[BaseModel], lang: str) -> Entry:
    """A list of objects as a table; columns are the fields that have a value in some row."""
    names = [n for n in _names(type(objs[0])) if any(not is_empty(getattr(o, n)) for o in objs)]
    columns = tuple(field_label(f"{path}.{n}", lang) for n in names)
    rows = tuple(
        tuple("" if is_empty(getattr(o, n)) else scalar(f"{path}.{n}", getattr(o, n), lang) for n in names)
        for o in objs
    )
    return Entry(label=field_label(path, lang), kind="table", columns=columns, rows=rows)


def section(record: BaseModel, name: str, lang: str) -> Section | None:
    """The section of top-level field ``name``; None when a 'may' field is empty or a conditional
    field's case did not arise (only 'shall' fields print "Not recorded").

    A section holding one plain value (free text, a date) prints it as a paragraph under the
    heading (kind ``para``) instead of repeating the heading as a row label.
    """
    meta = field_meta(name)
    value = getattr(record, name)
    heading = meta.label.get(lang)
    if is_empty(value):
        if meta.obligation is not Obligation.SHALL:
            return None  # a 'may' or conditional field prints only when something was recorded
        return Section(key=name, heading=heading, entries=())
    if isinstance(value, BaseModel):
        body = entries(name, value, lang)
    elif isinstance(value, list) and isinstance(value[0], BaseModel):
        body = (table(name, value, lang),)
    else:
        one = entry(name, value, lang)
        text = one.text if one.kind != "list" else ", ".join(one.items)
        body = (Entry(label="", kind="para", text=text),)
    return Section(key=name, heading=heading, entries=body)


def sections(record: BaseModel, lang: str, *, skip: Iterable[str] = ()) -> tuple[Section, ...]:
    """Every non-header field of ``record`` as a section, in model order."""
    skipped = HEADER_FIELDS | set(skip)
    out = []
    names = [n for n in type(record).model_fields if n != LAST_SECTION]
    names += [LAST_SECTION] if LAST_SECTION in type(record).model_fields else []
    for name in names:
        if name in skipped:
            continue
        sec = section(record, name, lang)
        if sec is not None:
            out.append(sec)
    return tuple(out)
