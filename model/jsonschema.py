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
    for name, sub_model in models.items():
        if name in defs:
            _describe(defs[name], sub_model, lang)
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
                defs[name]["required"] = sorted({*defs[name].get("required", []), "kind"})
        schema["title"] = {"fi": "Kototieto-tietue", "sv": "Kototieto-post", "en": "Kototieto record"}.get(
            lang, ""
        )
    return schema


def record_schema(kind: str | None = None, lang: str = "fi") -> dict[str, Any]:
    """The JSON Schema of one kind (or of any record when ``kind`` is None), texts in ``lang``."""
    if kind is not None and kind not in RECORD_MODELS:
        raise KeyError(f"unknown record kind {kind!r}")
    body = dict(_schema(kind, lang))
    head = {"$schema": DRAFT, "$id": SCHEMA_ID if kind is None else SCHEMA_ID.replace("record", kind)}
    return {**head, **body}
