"""Formatting of catalogue values as Markdown text, shared by the site pages and the change paper.

Every function takes the catalogue's JSON shape (``catalogue_json()``) and a language and returns
Markdown-safe text. User text is escaped for tables and inline use; nothing here reads files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from kototieto.site.i18n import has, tr

#: Markdown specials Python-Markdown unescapes (``{}`` too: attr_list would read ``{: attr=..}``),
#: and ``|`` for tables.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def esc(text: Any) -> str:
    """Plain text as inert Markdown: HTML specials as entities, Markdown specials backslashed.

    Newlines become spaces (safe in tables and headings). Reviewers' comments go through this, so
    nothing they write becomes markup, a link or an attribute.
    """
    flat = " ".join(str(text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def date(value: dt.date, lang: str) -> str:
    """A date as the page's readers write it: ``2.12.2026`` in Finnish and Swedish, ISO in English."""
    if lang in ("fi", "sv"):
        return f"{value.day}.{value.month}.{value.year}"
    return value.isoformat()


def code(text: Any) -> str:
    """Inline code; backticks in the text get a longer fence."""
    s = str(text)
    fence = "``" if "`" in s else "`"
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def text(value: Mapping[str, Any] | None, lang: str) -> str:
    """A ``{fi, sv, en}`` text in ``lang`` ('' for None)."""
    if not value:
        return ""
    return str(value.get(lang) or "")


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def anchor(path: str) -> str:
    """A stable HTML id for a field path, the same in every language (``f-measures-service-kind``)."""
    return "f-" + slug(path)


def value_anchor(code_value: str) -> str:
    return "v-" + slug(code_value)


def item_anchor(item_id: str) -> str:
    return "i-" + slug(item_id)


def rule_anchor(name: str) -> str:
    return "r-" + slug(name)


def type_name(field: Mapping[str, Any], lang: str) -> str:
    typ = str(field.get("type") or "")
    key = f"type.{typ}"
    return tr(key, lang) if has(key) else code(typ)


def obligation(field: Mapping[str, Any], lang: str) -> str:
    ob = str(field.get("obligation") or "")
    key = f"obligation.{ob}"
    return tr(key, lang) if has(key) else esc(ob)


def actors(values: Sequence[str] | None, lang: str) -> str:
    out = []
    for a in values or ():
        key = f"actor.{a}"
        out.append(tr(key, lang) if has(key) else esc(a))
    return ", ".join(out) or tr("field.none", lang)


def in_874(value: Any, lang: str) -> str:
    key = f"in874.{value}"
    return tr(key, lang) if has(key) else esc(value)


def sections(values: Sequence[Any] | None) -> str:
    return ", ".join(f"{v} §" for v in values or ())


def legal_basis_short(basis: Mapping[str, Any] | None, lang: str) -> str:
    """One line for tables: act sections; memo and 874/2024 sections when given."""
    if not basis:
        return tr("field.none", lang)
    parts = []
    if basis.get("act_sections"):
        parts.append(f"{esc(basis.get('act') or '681/2023')} {sections(basis['act_sections'])}")
    if basis.get("memo"):
        parts.append(f"{tr('basis.memo', lang)} {esc(basis['memo'])}")
    if basis.get("decree_874"):
        parts.append(f"{tr('basis.decree_874', lang)} {esc(basis['decree_874'])}")
    return "; ".join(parts) or tr("field.none", lang)


def legal_basis_lines(basis: Mapping[str, Any] | None, lang: str) -> list[str]:
    """Bullet lines for a field section."""
    if not basis:
        return [tr("field.none", lang)]
    lines = []
    if basis.get("act_sections"):
        lines.append(
            f"{tr('basis.act', lang)} {esc(basis.get('act') or '681/2023')} {sections(basis['act_sections'])}"
        )
    if basis.get("memo"):
        lines.append(f"{tr('basis.memo', lang)}: {esc(basis['memo'])}")
    if basis.get("decree_874"):
        lines.append(f"{tr('basis.decree_874', lang)}: {esc(basis['decree_874'])}")
    if basis.get("in_874"):
        lines.append(f"{tr('basis.in_874', lang)}: {in_874(basis['in_874'], lang)}")
    note = text(basis.get("note"), lang)
    if note:
        lines.append(f"{tr('basis.note', lang)}: {esc(note)}")
    return lines


def example_block(value: Any) -> str:
    """A fenced JSON block (or inline code for a short scalar)."""
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool) and len(str(value)) < 60:
        return code(json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value)
    body = json.dumps(value, ensure_ascii=False, indent=2)
    return "\n```json\n" + body + "\n```\n"


def cardinality(field: Mapping[str, Any]) -> str:
    return code(field.get("cardinality") or "")
