"""Code lists: the mechanism (the national lists themselves are in ``codelists``).

A field typed ``Annotated[str, Code("service-kind")]`` accepts only codes of that list. Lists are
looked up at validation time, so big reference lists (countries, languages, municipalities) load
only when used. A validation context may carry extra codes for a list (a pilot's extension of a
national list's open end, see ``extension_codes``): the model needs no other hook for that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from kototieto.model.text import Text

#: Validation-context key holding ``{list_id: {code: Text}}`` of extension codes.
EXTENSION_CODES_CONTEXT = "extension_codes"
#: Lists with more codes than this get a pattern in the JSON Schema instead of an enum.
ENUM_LIMIT = 400


@dataclass(frozen=True, slots=True)
class CodeValue:
    code: str
    label: Text
    #: Set, with the reason in words, when the value is the project's own addition (not in the memo,
    #: the decree or the Act): the catalogue marks it ``project_addition``.
    addition: Text | None = None


@dataclass(frozen=True)
class CodeList:
    """One code list. ``values`` for lists defined here; ``external`` for authoritative lists.

    ``external(lang)`` returns ``{code: label}``; its codes must not depend on the language.
    ``open_end`` marks a national list whose 'other' value pilots may refine with their own codes.
    """

    id: str
    label: Text
    definition: Text
    source: str
    values: tuple[CodeValue, ...] = ()
    external: Callable[[str], Mapping[str, str]] | None = None
    pattern: str | None = None
    open_end: bool = False

    def codes(self) -> tuple[str, ...]:
        return _codes(self)

    def labels(self, lang: str) -> dict[str, str]:
        if self.external is not None:
            return dict(self.external(lang))
        return {v.code: v.label.get(lang) for v in self.values}

    def value_addition(self, code: str) -> Text | None:
        """The project-addition note of ``code``, or None."""
        return next((v.addition for v in self.values if v.code == code), None)

    def value_label(self, code: str, lang: str) -> str:
        """The label of ``code`` in ``lang``; the code itself when unknown."""
        if self.external is not None:
            return self.external(lang).get(code, code)
        for v in self.values:
            if v.code == code:
                return v.label.get(lang)
        return code


@cache
def _codes(code_list: CodeList) -> tuple[str, ...]:
    if code_list.external is not None:
        return tuple(code_list.external("en"))
    return tuple(v.code for v in code_list.values)


@cache
def _code_set(code_list: CodeList) -> frozenset[str]:
    return frozenset(code_list.codes())


CODE_LISTS: dict[str, CodeList] = {}


def register(code_list: CodeList) -> CodeList:
    if code_list.id in CODE_LISTS:
        raise ValueError(f"code list {code_list.id} defined twice")
    CODE_LISTS[code_list.id] = code_list
    return code_list


def code_list(list_id: str) -> CodeList:
    try:
        return CODE_LISTS[list_id]
    except KeyError:
        raise KeyError(f"unknown code list {list_id!r}") from None


class Code:
    """Pydantic annotation: the string must be a code of the named list."""

    __slots__ = ("list_id",)

    def __init__(self, list_id: str) -> None:
        self.list_id = list_id

    def __repr__(self) -> str:
        return f"Code({self.list_id!r})"

    def _check(self, value: str, info: core_schema.ValidationInfo) -> str:
        cl = code_list(self.list_id)
        if value in _code_set(cl):
            return value
        context = info.context if isinstance(info.context, Mapping) else {}
        extra = context.get(EXTENSION_CODES_CONTEXT, {}).get(self.list_id, {})
        if value in extra:
            return value
        raise PydanticCustomError(
            "code_list",
            "'{value}' is not a code of the code list '{list_id}'",
            {"value": value, "list_id": self.list_id},
        )

    def __get_pydantic_core_schema__(
        self, source_type: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self._check, handler(source_type))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        out = handler(schema)
        cl = code_list(self.list_id)
        codes = cl.codes()
        if len(codes) <= ENUM_LIMIT:
            out["enum"] = list(codes)
        elif cl.pattern:
            out["pattern"] = cl.pattern
        out["x-code-list"] = self.list_id
        return out


def extension_codes(extra: Mapping[str, Mapping[str, Text]]) -> dict[str, Any]:
    """A validation context that admits extra codes, e.g. ``{"service-kind": {"x-1": Text(...)}}``."""
    return {EXTENSION_CODES_CONTEXT: {k: dict(v) for k, v in extra.items()}}
