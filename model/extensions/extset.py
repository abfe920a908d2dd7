"""The checked extensions of a repository, and the extended record types built from them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, cast

from pydantic import BaseModel, ConfigDict, ValidationError, create_model
from pydantic_core import PydanticCustomError, core_schema

from kototieto.model.assessment import MULTISECTORAL_ONLY
from kototieto.model.codes import CODE_LISTS, Code, extension_codes
from kototieto.model.extensions.definitions import ExtensionField, LocalCodeList, OpenEndCode
from kototieto.model.extensions.publish import extended_schema
from kototieto.model.meta import FieldMeta, Obligation
from kototieto.model.migrations import migrate
from kototieto.model.problems import Problem, Severity
from kototieto.model.record import EXTENSIONS_META, Common
from kototieto.model.records import RECORD_MODELS, Record, parse_record
from kototieto.model.schema_errors import problems_from_error
from kototieto.model.text import Text
from kototieto.model.types import IsoDate, LongText, ShortText
from kototieto.model.validation import (
    ValidationResult,
    rules_beside_schema_errors,
    validate_data,
    validate_record,
)


class LocalCode:
    """Pydantic annotation: the string must be a code of a pilot's own code list."""

    __slots__ = ("codes", "list_id")

    def __init__(self, list_id: str, codes: tuple[str, ...]) -> None:
        self.list_id = list_id
        self.codes = codes

    def _check(self, value: str) -> str:
        if value in self.codes:
            return value
        raise PydanticCustomError(
            "code_list",
            "'{value}' is not a code of the code list '{list_id}'",
            {"value": value, "list_id": self.list_id},
        )

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        out = handler(schema)
        out["enum"] = list(self.codes)
        out["x-code-list"] = self.list_id
        return out


_SCALARS: dict[str, Any] = {
    "text": ShortText,
    "long-text": LongText,
    "date": IsoDate,
    "boolean": bool,
    "integer": int,
    "decimal": float,
}
_MODELS_CACHE: dict[str, dict[str, type[Common]]] = {}
#: The definitions each built ``extensions`` sub-model came from (a record knows its labels).
_DEFINITIONS_OF: dict[type[BaseModel], ExtensionSet] = {}
#: Heading of the section listing a record's extension values in documents.
ADDITIONAL_INFORMATION = Text("Lisätiedot", "Tilläggsuppgifter", "Additional information")


@dataclass(frozen=True, eq=False)
class ExtensionSet:
    """Every checked extension of a repository; builds the extended record types from them."""

    fields: tuple[ExtensionField, ...] = ()
    code_lists: tuple[LocalCodeList, ...] = ()
    open_end: tuple[OpenEndCode, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, ExtensionField]:
        return {f.id: f for f in self.fields}

    def get(self, field_id: str) -> ExtensionField:
        """The field with id ``field_id``; KeyError naming the defined ids."""
        try:
            return self.by_id[field_id]
        except KeyError:
            raise KeyError(
                f"no extension field {field_id!r} (defined: {', '.join(self.by_id) or 'none'})"
            ) from None

    def for_kind(self, kind: str) -> list[ExtensionField]:
        return [f for f in self.fields if kind in f.spec.kinds]

    def local_list(self, list_id: str) -> LocalCodeList | None:
        return next((cl for cl in self.code_lists if cl.id == list_id), None)

    @cached_property
    def context(self) -> dict[str, Any]:
        """The validation context admitting the open-end codes (``codes.extension_codes``)."""
        extra: dict[str, dict[str, Text]] = {}
        for oc in self.open_end:
            extra.setdefault(oc.list_id, {})[oc.code] = oc.label
        return extension_codes(extra)

    @cached_property
    def fingerprint(self) -> str:
        """Changes with any definition (fields, own code lists, open-end codes): a cache key."""
        parts = [[f.organisation, f.spec.model_dump(mode="json"), f.code_list] for f in self.fields]
        parts += [[cl.id, cl.spec.model_dump(mode="json")] for cl in self.code_lists]
        parts += [[oc.list_id, oc.code, oc.label.as_dict(), oc.organisation] for oc in self.open_end]
        return hashlib.sha1(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def value_type(self, ef: ExtensionField) -> Any:
        """The Python/Pydantic type of one extension field's value (without None)."""
        base = ef.spec.base_type
        tp: Any
        if base == "code":
            assert ef.code_list is not None
            local = self.local_list(ef.code_list)
            annotation = (
                LocalCode(local.id, tuple(v.code for v in local.spec.values)) if local else Code(ef.code_list)
            )
            tp = Annotated[str, annotation]
        else:
            tp = _SCALARS[base]
        return list[tp] if ef.spec.is_list else tp

    @property
    def models(self) -> dict[str, type[Common]]:
        return build_extended_models(self)

    def parse(self, data: Mapping[str, Any]) -> Record:
        """The record as its extended type (migrated first); raises pydantic.ValidationError."""
        kind = data.get("kind")
        model = self.models.get(kind) if isinstance(kind, str) else None
        if model is None:
            return parse_record(data, context=self.context)
        return cast(Record, model.model_validate(migrate(dict(data)), context=self.context))

    def validate(self, data: Mapping[str, Any], params: Any = None) -> Any:
        """Like ``validation.validate_data``, with the extended type of the record's kind."""
        kind = data.get("kind") if isinstance(data, Mapping) else None
        model = self.models.get(kind) if isinstance(kind, str) else None
        if model is None:
            return validate_data(data, params, context=self.context)
        try:
            record = model.model_validate(migrate(dict(data)), context=self.context)
        except ValidationError as exc:
            only = MULTISECTORAL_ONLY if kind == "assessment" else ()
            problems = problems_from_error(exc, only)
            # the rules that can run beside the schema errors, as without extensions (one round)
            problems.extend(rules_beside_schema_errors(model, data, exc, params, self.context))
            return ValidationResult(None, problems)
        problems = validate_record(record, params)  # type: ignore[arg-type]
        problems.extend(self.missing_shall(record))
        return ValidationResult(record, problems)  # type: ignore[arg-type]

    def missing_shall(self, record: Common) -> list[Problem]:
        """Warnings for 'shall' extension fields the record leaves empty (annulled records excepted)."""
        if record.annulment is not None:
            return []
        values = _values(record)
        return [
            Problem(
                ("extensions", ef.id),
                Severity.WARNING,
                "extension-shall",
                Text(
                    f"Pilotti kirjaa tämän lisäkentän aina: {ef.label.fi}.",
                    f"Piloten registrerar alltid detta tilläggsfält: {ef.label.sv}.",
                    f"The pilot always enters this extension field: {ef.label.en}.",
                ),
            )
            for ef in self.for_kind(getattr(record, "kind", ""))
            if ef.spec.obligation == "shall"
            and ef.spec.status != "withdrawn"
            and values.get(ef.id) in (None, "", [])
        ]

    def schema(self, kind: str | None = None, lang: str = "fi") -> dict[str, Any]:
        return extended_schema(self, kind, lang)

    # ------------------------------------------------------------ labels and display
    def code_label(self, list_id: str, code: str, lang: str = "fi") -> str:
        local = self.local_list(list_id)
        if local is not None:
            return local.labels(lang).get(code, code)
        for oc in self.open_end:
            if oc.list_id == list_id and oc.code == code:
                return oc.label.get(lang)
        national = CODE_LISTS.get(list_id)
        return national.value_label(code, lang) if national else code

    def display(self, ef: ExtensionField, value: Any, lang: str = "fi") -> str:
        """A value as printed: code labels, yes/no, d.m.yyyy dates, lists joined with commas."""
        if isinstance(value, list):
            return ", ".join(self.display(ef, v, lang) for v in value)
        if isinstance(value, bool):
            return {"fi": ("kyllä", "ei"), "sv": ("ja", "nej")}.get(lang, ("yes", "no"))[0 if value else 1]
        if isinstance(value, dt.date):
            return f"{value.day}.{value.month}.{value.year}" if lang != "en" else value.isoformat()
        if ef.spec.base_type == "code" and ef.code_list and isinstance(value, str):
            return self.code_label(ef.code_list, value, lang)
        if ef.spec.base_type == "date" and isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            return self.display(ef, dt.date.fromisoformat(value), lang)
        return str(value)

    def additional_information(self, record: Any, lang: str = "fi") -> list[tuple[str, str]]:
        """(label, display value) of each extension value a record carries, in definition order.

        ``record`` is a record object or its data. Keys without a definition are shown by their id.
        """
        values = _values(record)
        out = [
            (ef.label.get(lang), self.display(ef, values[ef.id], lang))
            for ef in self.fields
            if values.get(ef.id) not in (None, "", [])
        ]
        known = {ef.id for ef in self.fields}
        out.extend((key, str(v)) for key, v in values.items() if key not in known and v not in (None, "", []))
        return out


def _values(record: Any) -> dict[str, Any]:
    raw = record.get("extensions") if isinstance(record, Mapping) else getattr(record, "extensions", None)
    if raw is None:
        return {}
    if isinstance(raw, BaseModel):
        return {k: v for k, v in raw.model_dump(exclude_none=True).items()}
    return dict(raw) if isinstance(raw, Mapping) else {}


def build_extended_models(ext: ExtensionSet) -> dict[str, type[Common]]:
    """kind -> the national record model extended with a typed ``extensions`` sub-model.

    Cached by the definitions' content, so every load of the same definitions reuses the types.
    """
    cached = _MODELS_CACHE.get(ext.fingerprint)
    if cached is not None:
        return cached
    if len(_MODELS_CACHE) >= 32:  # before building: the new types' definitions must stay known
        _MODELS_CACHE.clear()
        _DEFINITIONS_OF.clear()
    out: dict[str, type[Common]] = {}
    for kind, national in RECORD_MODELS.items():
        specs: dict[str, Any] = {}
        for ef in ext.for_kind(kind):
            meta = FieldMeta(
                label=ef.label,
                definition=ef.spec.definitions.text(),
                basis=None,
                obligation=Obligation(ef.spec.obligation),
                actors=(),
                example=ef.spec.example,
                items=tuple(ef.spec.decree_items),
            )
            specs[ef.id] = (Annotated[ext.value_type(ef) | None, meta], None)
        sub: type[BaseModel] = create_model(
            f"{national.__name__}Extensions",
            __config__=ConfigDict(strict=True, extra="forbid"),
            **specs,
        )
        out[kind] = create_model(
            national.__name__,
            __base__=national,
            __module__=national.__module__,
            extensions=(Annotated[sub | None, EXTENSIONS_META], None),
        )
        # both: a record without extension values (None) still knows its open-end code labels
        _DEFINITIONS_OF[sub] = ext
        _DEFINITIONS_OF[out[kind]] = ext
    _MODELS_CACHE[ext.fingerprint] = out
    return out


def definitions_of(record: Any) -> ExtensionSet | None:
    """The definitions a record's extended type was built from (None for a national record), also
    when the record holds no extension values (a plan measure with a pilot's open-end code)."""
    found = _DEFINITIONS_OF.get(type(record))
    if found is not None:
        return found
    value = getattr(record, "extensions", None)
    return _DEFINITIONS_OF.get(type(value)) if isinstance(value, BaseModel) else None


def additional_information(
    record: Any, lang: str = "fi", ext: ExtensionSet | None = None
) -> list[tuple[str, str]]:
    """(label, value) of each extension value of ``record``, for an "additional information" section.

    The labels come from ``ext`` or, for a record parsed with an extended type, from the definitions
    that type was built from; without either, keys are shown as their ids and values as written.
    """
    ext = ext or definitions_of(record)
    if ext is None:
        return [(k, _plain(v)) for k, v in _values(record).items() if v not in (None, "", [])]
    return ext.additional_information(record, lang)


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
