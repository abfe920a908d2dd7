"""JSON Schema (draft 2020-12) of the record kinds, titled and described from the catalogue.

Editors use it (``# yaml-language-server: $schema=...``) to complete and check fields while typing.
The schema accepts every record the model accepts; the model is stricter in places a schema cannot
express (rules, cross-record references, big code lists given as a pattern).
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter

from kototieto.model.catalogue import KIND_LABELS, _unwrap
from kototieto.model.meta import FieldMeta
from kototieto.model.records import RECORD_MODELS, Record

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://kototieto.example/schema/record.schema.json"


def _models(root: type[BaseModel], seen: dict[str, type[BaseModel]]) -> dict[str, type[BaseModel]]:
    seen.setdefault(root.__name__, root)
    for info in root.model_fields.values():
        tp, _, _, _ = _unwrap(info.annotation)
        candidates = [tp, *typing.get_args(tp)]
        for candidate in candidates:
            if (
                isinstance(candidate, type)
                and issubclass(candidate, BaseModel)
                and candidate.__name__ not in seen
            ):
                _models(candidate, seen)
    return seen


#: A date as a pattern can check it without a calendar library: months 01-12, days 01-31 by the
#: month's length, 29 February only in leap years (a consumer that treats ``format`` as an
#: annotation, the 2020-12 default, still refuses month 13 or 31 April).
_LEAP_YEAR = r"(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
DATE_PATTERN = (
    r"^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))|" + _LEAP_YEAR + r"-02-29)$"
)


def _strict_dates(node: Any) -> None:
    """Every ``format: date`` of the schema gets :data:`DATE_PATTERN`."""
    if isinstance(node, dict):
        if node.get("format") == "date":
            node["pattern"] = DATE_PATTERN
        for value in node.values():
            _strict_dates(value)
    elif isinstance(node, list):
        for value in node:
            _strict_dates(value)


def _object_texts(models: dict[str, type[BaseModel]]) -> dict[str, FieldMeta]:
    """Model name -> the catalogue entry of the first field holding it: an object's title and
    description come from the field, in the schema's language (never the class name or docstring)."""
    out: dict[str, FieldMeta] = {}
    for model in models.values():
        for info in model.model_fields.values():
            tp, _, _, extra = _unwrap(info.annotation)
            meta = next((m for m in [*info.metadata, *extra] if isinstance(m, FieldMeta)), None)
            for candidate in [tp, *typing.get_args(tp)]:
                if isinstance(candidate, type) and issubclass(candidate, BaseModel) and meta is not None:
                    out.setdefault(candidate.__name__, meta)
    return out


def _describe(schema: dict[str, Any], model: type[BaseModel], lang: str) -> None:
    properties = schema.get("properties", {})
    for name, info in model.model_fields.items():
        meta = next((m for m in info.metadata if isinstance(m, FieldMeta)), None)
        if meta is None:
            _, _, _, extra = _unwrap(info.annotation)
            meta = next((m for m in extra if isinstance(m, FieldMeta)), None)
        if meta is None or name not in properties:
            continue
        prop = properties[name]
        prop["title"] = meta.label.get(lang)
        text = meta.definition.get(lang)
        if meta.condition is not None:
            text += f" ({meta.condition.get(lang)})"
        prop["description"] = text
        prop.setdefault("examples", [meta.example])


@cache
def _schema(kind: str | None, lang: str) -> dict[str, Any]:
    if kind is None:
        adapter: TypeAdapter[Any] = TypeAdapter(Annotated[Record, Field(discriminator="kind")])
        schema = adapter.json_schema(mode="validation")
        roots: list[type[BaseModel]] = list(RECORD_MODELS.values())
    else:
        model = RECORD_MODELS[kind]
        schema = model.model_json_schema(mode="validation")
        roots = [model]
    models: dict[str, type[BaseModel]] = {}
    for root in roots:
        _models(root, models)
    defs = schema.get("$defs", {})
    texts = _object_texts(models)
    for name, sub_model in models.items():
        if name in defs:
            _describe(defs[name], sub_model, lang)
            meta = texts.get(name)
            if meta is not None:
                defs[name]["title"] = meta.label.get(lang)
                defs[name]["description"] = meta.definition.get(lang)
            else:
                defs[name].pop("title", None)
                defs[name].pop("description", None)
    if kind is not None:
        _describe(schema, RECORD_MODELS[kind], lang)
        schema["title"] = KIND_LABELS[kind][0].get(lang)
        schema["description"] = KIND_LABELS[kind][1].get(lang)
        schema["required"] = sorted({*schema.get("required", []), "kind"})
    else:
        for kind_value, model in RECORD_MODELS.items():
            name = model.__name__
            if name in defs:
                defs[name]["title"] = KIND_LABELS[kind_value][0].get(lang)
                defs[name]["description"] = KIND_LABELS[kind_value][1].get(lang)
                defs[name]["required"] = sorted({*defs[name].get("required", []), "kind"})
        schema["title"] = {"fi": "Kototieto-tietue", "sv": "Kototieto-post", "en": "Kototieto record"}.get(
            lang, ""
        )
    _strict_dates(schema)
    return schema


def record_schema(kind: str | None = None, lang: str = "fi") -> dict[str, Any]:
    """The JSON Schema of one kind (or of any record when ``kind`` is None), texts in ``lang``."""
    if kind is not None and kind not in RECORD_MODELS:
        raise KeyError(f"unknown record kind {kind!r}")
    body = dict(_schema(kind, lang))
    head = {"$schema": DRAFT, "$id": SCHEMA_ID if kind is None else SCHEMA_ID.replace("record", kind)}
    return {**head, **body}
