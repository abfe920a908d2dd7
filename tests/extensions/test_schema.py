"""Extension fields in the JSON Schema (the one written into the repository for editors)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kototieto.model.extensions import ExtensionSet, SourceDoc, extended_schema, parse_definitions
from kototieto.model.jsonschema import record_schema
from kototieto.store.bulkload import fast_load

_spec = importlib.util.spec_from_file_location("ext_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture(scope="module")
def ext() -> ExtensionSet:
    return parse_definitions([SourceDoc("extensions/pilot.yaml", fast_load(S.DEFINITIONS, "pilot.yaml"))])


def test_extension_fields_are_typed_and_titled(ext: ExtensionSet) -> None:
    schema = extended_schema(ext, "assessment", "sv")
    sub = schema["properties"]["extensions"]["anyOf"][0]
    assert sub["additionalProperties"] is False
    skills = sub["properties"]["091.digital-skills"]
    assert skills["title"] == "Digitala färdigheter"
    assert skills["enum"] == ["none", "basic", "independent"]
    assert "lokalt tilläggsfält (091, på försök)" in skills["description"]
    assert sub["properties"]["091.bike-owner"]["type"] == "boolean"
    guidance = extended_schema(ext, "guidance", "fi")["properties"]["extensions"]["anyOf"][0]
    assert guidance["properties"] == {}


def test_whole_schema_checks_records_like_the_model(ext: ExtensionSet) -> None:
    schema = extended_schema(ext, None, "fi")
    validator = jsonschema.Draft202012Validator(schema)
    data = S.first("assessment")
    data["extensions"] = {"091.digital-skills": "basic", "091.bike-owner": True}
    assert list(validator.iter_errors(data)) == []
    data["extensions"] = {"091.digital-skills": "expert"}
    assert list(validator.iter_errors(data))
    data["extensions"] = {"091.typo": "basic"}
    assert list(validator.iter_errors(data))
    national = jsonschema.Draft202012Validator(record_schema())
    data["extensions"] = {"091.typo": "basic"}
    assert list(national.iter_errors(data)) == []  # the national schema cannot know


def test_open_end_code_added_to_the_national_enum(ext: ExtensionSet) -> None:
    plan = S.first("integration-plan")
    plan["measures"][0]["service_kind"] = "091-digital-mentoring"
    assert list(jsonschema.Draft202012Validator(extended_schema(ext)).iter_errors(plan)) == []
    assert list(jsonschema.Draft202012Validator(record_schema()).iter_errors(plan))


def test_no_extensions_is_the_national_schema() -> None:
    assert extended_schema(None, "customer", "en") == record_schema("customer", "en")
    empty = parse_definitions([])
    assert json.dumps(extended_schema(empty)) == json.dumps(record_schema())


def test_local_note_marks_only_extension_entries(ext: ExtensionSet) -> None:
    from kototieto.model.catalogue import catalogue_json
    from kototieto.model.extensions import catalogue_fields, local_note

    entry = next(e for e in catalogue_fields(ext) if e["extension_id"] == "091.digital-skills")
    assert local_note(entry, "en") == (
        "Local extension field",
        "091, in trial. Rationale: Most public services are digital first; the pilot refers people to digital mentoring.",
    )
    assert all(local_note(f, "fi") is None for f in catalogue_json()["fields"])
