"""Records and values as an official reads them: labels, code labels, dates as d.m.yyyy.

``value_text(path, value, lang)`` writes one field value (a code as its label, a date as
2.12.2026, yes/no, a group of fields as "Label: value; ..."); ``record_lines(data, lang)`` is
the readable view of a whole record (``koto show ID``); ``change_lines`` the readable form of a
field-level diff (``koto diff``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kototieto.i18n import number
from kototieto.model.catalogue import _entries, code_label
from kototieto.model.text import T
from kototieto.store.fielddiff import FieldChange

Path = tuple[str | int, ...]

YES = T("kyllä", "ja", "yes")
NO = T("ei", "nej", "no")
EMPTY = T("(tyhjä)", "(tom)", "(empty)")
ADDED = T("lisätty", "tillagt", "added")
REMOVED = T("poistettu", "borttaget", "removed")


def _clean(path: Path) -> str:
    return ".".join(str(p) for p in path if not isinstance(p, int))


def _entry(path: Path) -> Any:
    return _entries().get(_clean(path))


def label(path: Path, lang: str) -> str:
    """The label of the field at ``path`` (the key itself when the catalogue has none)."""
    entry = _entry(path)
    if entry is not None:
        return str(entry.meta.label.get(lang))
    keys = [p for p in path if not isinstance(p, int)]
    return str(keys[-1]) if keys else ""


def date_text(value: Any) -> str | None:
    """d.m.yyyy for a date or an ISO date string; None for anything else."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return None
        return f"{day.day}.{day.month}.{day.year}"
    return None


def value_text(path: Path, value: Any, lang: str) -> str:
    """One value as words: code labels, d.m.yyyy dates, kyllä/ei, nested groups inline."""
    if value is None:
        return EMPTY.get(lang)
    if isinstance(value, bool):
        return (YES if value else NO).get(lang)
    if isinstance(value, Mapping):
        parts = [f"{label((*path, k), lang)}: {value_text((*path, k), v, lang)}" for k, v in value.items()]
        return "; ".join(parts) if parts else EMPTY.get(lang)
    if isinstance(value, list | tuple):
        items = [value_text((*path, i), v, lang) for i, v in enumerate(value)]
        return " | ".join(items) if items else EMPTY.get(lang)
    shown = date_text(value)
    if shown is not None:
        return shown
    entry = _entry(path)
    if entry is not None and entry.code_list and isinstance(value, str):
        try:
            name = code_label(entry.code_list, value, lang)
        except KeyError:
            name = value
        return name if name == value else f"{name} ({value})"
    if isinstance(value, float):
        return number(value, lang)
    return str(value)


def record_lines(data: Mapping[str, Any], lang: str, indent: str = "") -> list[str]:
    """The readable view of a record: one "Label: value" line per field, groups indented."""
    return _lines((), data, lang, indent)


def _lines(path: Path, data: Mapping[str, Any], lang: str, indent: str) -> list[str]:
    out: list[str] = []
    for key, value in data.items():
        here = (*path, key)
        name = label(here, lang)
        if isinstance(value, Mapping) and value:
            out.append(f"{indent}{name}:")
            out.extend(_lines(here, value, lang, indent + "  "))
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            out.append(f"{indent}{name}:")
            for i, item in enumerate(value, 1):
                out.append(f"{indent}  {i}.")
                out.extend(_lines((*here, i - 1), item, lang, indent + "     "))
        else:
            out.append(f"{indent}{name}: {value_text(here, value, lang)}")
    return out


def change_lines(changes: Iterable[FieldChange], lang: str) -> list[str]:
    """A diff as "~ Label: old -> new", "+ Label: value (added)" lines."""
    out: list[str] = []
    for c in changes:
        where = _where(c.path, lang)
        if c.op == "changed":
            out.append(f"~ {where}: {value_text(c.path, c.old, lang)} -> {value_text(c.path, c.new, lang)}")
        elif c.op == "added":
            out.append(f"+ {where}: {value_text(c.path, c.new, lang)} ({ADDED.get(lang)})")
        else:
            out.append(f"- {where}: {value_text(c.path, c.old, lang)} ({REMOVED.get(lang)})")
    return out


def _where(path: Sequence[str | int], lang: str) -> str:
    parts: list[str] = []
    prefix: list[str | int] = []
    for part in path:
        prefix.append(part)
        if isinstance(part, int):
            parts.append(str(part + 1))
        else:
            parts.append(label(tuple(prefix), lang))
    return " › ".join(parts)
