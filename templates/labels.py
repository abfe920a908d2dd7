"""Labels for documents: field labels, code-list values and record-kind names, from the catalogue.

Everything a document prints as a label comes from the field catalogue (``kototieto.model.catalogue``,
read from each field's one declaration in the model), so a printed plan and the catalogue site never
disagree. Fields are named by their dotted catalogue path (``measures.organiser.type``). Nothing here
invents a label: an unknown path is a KeyError, not a silently printed identifier.
"""

from __future__ import annotations

from functools import cache

from kototieto.model import catalogue
from kototieto.model.meta import FieldMeta


@cache
def field_meta(path: str) -> FieldMeta:
    """The catalogue entry of a dotted field path (KeyError when the catalogue has no such field)."""
    return catalogue.field_entry(path).meta


@cache
def field_label(path: str, lang: str) -> str:
    return field_meta(path).label.get(lang)


@cache
def field_code_list(path: str) -> str | None:
    """The code list of a field (``str`` or ``list[str]`` of codes), or None for other fields."""
    code_list: str | None = catalogue.field_entry(path).code_list
    return code_list


@cache
def code_label(list_id: str, code: str, lang: str) -> str:
    """The label of ``code`` in ``lang`` (the code itself for a pilot's own extension code)."""
    return catalogue.code_label(list_id, code, lang)


@cache
def kind_label(kind: str, lang: str) -> str:
    """The name of a record kind, used as the document title."""
    return catalogue.kind_label(kind, lang)
