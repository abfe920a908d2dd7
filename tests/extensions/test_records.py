"""Records with and without extension values, through the extended record types."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from kototieto.model.extensions import ExtensionSet, SourceDoc, build_extended_models, parse_definitions
from kototieto.model.records import RECORD_MODELS, record_to_data
from kototieto.model.validation import validate_data
from kototieto.store.bulkload import fast_load

_spec = importlib.util.spec_from_file_location("ext_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture(scope="module")
def ext() -> ExtensionSet:
    return parse_definitions([SourceDoc("extensions/pilot.yaml", fast_load(S.DEFINITIONS, "pilot.yaml"))])


def _errors(result: Any) -> list[tuple[tuple[Any, ...], str]]:
    return [(p.path, p.message("en")) for p in result.problems if str(p.severity) == "error"]


def test_records_without_extension_values_validate(ext: ExtensionSet) -> None:
    for data in S.dataset():
        result = ext.validate(data)
        assert _errors(result) == [], data["kind"]
        assert _errors(validate_data(data)) == []


def test_record_with_extension_values_validates_and_round_trips(ext: ExtensionSet) -> None:
    data = S.first("assessment")
    data["extensions"] = {
        "091.digital-skills": "basic",
        "091.bike-owner": False,
        "091.mentor-notes": "Kaksi riviä.\nToinen.",
    }
    result = ext.validate(data)
    assert result.ok, _errors(result)
    assert isinstance(result.record, RECORD_MODELS["assessment"])
    out = record_to_data(result.record)
    assert out["extensions"] == data["extensions"]
    assert list(out)[-1] == "extensions"
    assert ext.validate(out).record == result.record


def test_wrong_typed_extension_value_is_refused_naming_the_field(ext: ExtensionSet) -> None:
    data = S.first("assessment")
    data["extensions"] = {"091.digital-skills": "expert", "091.bike-owner": "yes"}
    result = ext.validate(data)
    assert result.record is None
    assert _errors(result) == [
        (
            ("extensions", "091.digital-skills"),
            "'expert' is not a value of the code list '091.digital-skill-level'. Choose one of its values.",
        ),
        (("extensions", "091.bike-owner"), "The value must be true or false."),
    ]
    # the national model alone does not know the types: it accepts any value under a valid key
    assert validate_data(data).ok


def test_undefined_or_other_kind_extension_keys_are_refused(ext: ExtensionSet) -> None:
    data = S.first("assessment")
    data["extensions"] = {"091.digital-skillz": "basic"}
    assert [p for p, _ in _errors(ext.validate(data))] == [("extensions", "091.digital-skillz")]
    guidance = S.first("guidance")
    guidance["extensions"] = {"091.digital-skills": "basic"}  # defined for assessments only
    assert [p for p, _ in _errors(ext.validate(guidance))] == [("extensions", "091.digital-skills")]
    # review 2026-12-newcomer A4: not "own fields belong under 'extensions'" (they are there)
    (problem,) = [p for p in ext.validate(data).problems if p.severity == "error"]
    assert problem.message("fi").startswith("Tuntematon lisäkenttä '091.digital-skillz'")
    assert "koto extension list" in problem.message("sv") and "'extensions'" not in problem.message("fi")


def test_open_end_code_admitted_only_with_the_definition(ext: ExtensionSet) -> None:
    plan = S.first("integration-plan")
    plan["measures"][0]["service_kind"] = "091-digital-mentoring"
    without = validate_data(plan)
    assert [p for p, _ in _errors(without)] == [("measures", 0, "service_kind")]
    assert ext.validate(plan).ok
    assert validate_data(plan, context=ext.context).ok
    other = parse_definitions([SourceDoc("x.yaml", {"organisation": "853"})])
    assert not other.validate(plan).ok
    plan["measures"][0]["service_kind"] = "091-something-else"
    assert not ext.validate(plan).ok


def test_two_pilots_same_name_values_kept_apart() -> None:
    text_853 = S.DEFINITIONS.replace("organisation: '091'", "organisation: '853'").replace(
        "091-digital", "853-digital"
    )
    both = parse_definitions(
        [
            SourceDoc("a.yaml", fast_load(S.DEFINITIONS, "a.yaml")),
            SourceDoc("b.yaml", fast_load(text_853, "b.yaml")),
        ]
    )
    data = S.first("assessment")
    data["extensions"] = {"091.digital-skills": "basic", "853.digital-skills": "independent"}
    result = both.validate(data)
    assert result.ok, _errors(result)
    assert record_to_data(result.record)["extensions"] == data["extensions"]
    data["extensions"] = {"091.digital-skills": "basic", "853.digital-skills": "expert"}
    assert [p for p, _ in _errors(both.validate(data))] == [("extensions", "853.digital-skills")]


def test_shall_extension_fields_warn_when_empty() -> None:
    text = S.DEFINITIONS.replace("    obligation: may\n", "    obligation: shall\n")
    ext = parse_definitions([SourceDoc("a.yaml", fast_load(text, "a.yaml"))])
    data = S.first("assessment")
    result = ext.validate(data)
    assert result.ok
    assert [(p.path, p.rule) for p in result.warnings if p.rule == "extension-shall"] == [
        (("extensions", "091.digital-skills"), "extension-shall")
    ]
    data["extensions"] = {"091.digital-skills": "none"}
    assert not [p for p in ext.validate(data).warnings if p.rule == "extension-shall"]


def test_extended_models_are_cached_and_subclass_the_national_ones(ext: ExtensionSet) -> None:
    models = build_extended_models(ext)
    assert models is build_extended_models(
        parse_definitions([SourceDoc("y.yaml", fast_load(S.DEFINITIONS, "y.yaml"))])
    )
    for kind, model in models.items():
        assert issubclass(model, RECORD_MODELS[kind]) and model is not RECORD_MODELS[kind]


def test_additional_information_in_each_language(ext: ExtensionSet) -> None:
    data = {"extensions": {"091.bike-owner": True, "091.digital-skills": "basic", "091.unknown": 3}}
    assert ext.additional_information(data, "fi") == [
        ("Digitaidot", "Perustaidot"),
        ("Oma polkupyörä", "kyllä"),
        ("091.unknown", "3"),
    ]
    assert ext.additional_information(data, "sv")[:2] == [
        ("Digitala färdigheter", "Grundläggande färdigheter"),
        ("Egen cykel", "ja"),
    ]
    assert ext.code_label("service-kind", "091-digital-mentoring", "en") == "Digital mentoring"


def test_a_parsed_record_knows_its_labels(ext: ExtensionSet) -> None:
    from kototieto.model.extensions import additional_information, definitions_of
    from kototieto.model.records import parse_record

    data = S.first("assessment")
    data["extensions"] = {"091.digital-skills": "independent", "091.bike-owner": False}
    record = ext.parse(data)
    assert definitions_of(record) is not None
    assert additional_information(record, "en") == [
        ("Digital skills", "Independent user"),
        ("Owns a bicycle", "no"),
    ]
    national = parse_record(data)
    assert definitions_of(national) is None
    assert additional_information(national, "en") == [
        ("091.digital-skills", "independent"),
        ("091.bike-owner", "false"),
    ]
    assert additional_information(S.first("assessment"), "fi") == []


def test_every_type_and_lists() -> None:
    fields = [
        {
            "name": f"f-{t}",
            "kinds": ["guidance"],
            "type": t,
            "labels": {"fi": f"Kenttä {t}", "sv": f"Fält {t}", "en": f"Field {t}"},
            "definitions": {"fi": "x", "sv": "x", "en": "x"},
            "rationale": "test",
            "need": "test",
        }
        for t in (
            "text",
            "long-text",
            "date",
            "boolean",
            "integer",
            "decimal",
            "list-of-text",
            "list-of-date",
        )
    ]
    fields.append(
        {
            **fields[0],
            "name": "langs",
            "type": "list-of-code",
            "code_list": "language",
            "labels": {"fi": "Kielet x", "sv": "Språk x", "en": "Languages x"},
        }
    )
    ext = parse_definitions([SourceDoc("t.yaml", {"organisation": "KEHA-1", "fields": fields})])
    good = {
        "KEHA-1.f-text": "lyhyt",
        "KEHA-1.f-long-text": "pitkä\nteksti",
        "KEHA-1.f-date": "2026-11-28",
        "KEHA-1.f-boolean": True,
        "KEHA-1.f-integer": 3,
        "KEHA-1.f-decimal": 2,
        "KEHA-1.f-list-of-text": ["a", "b"],
        "KEHA-1.f-list-of-date": ["2026-01-01"],
        "KEHA-1.langs": ["fi", "ar"],
    }
    data = S.first("guidance")
    data["extensions"] = good
    result = ext.validate(data)
    assert result.ok, _errors(result)
    assert record_to_data(result.record)["extensions"]["KEHA-1.f-date"] == "2026-11-28"
    assert "Field date" in dict(ext.additional_information(result.record, "en"))
    bad = {
        "KEHA-1.f-text": "",
        "KEHA-1.f-date": "28.11.2026",
        "KEHA-1.f-boolean": 1,
        "KEHA-1.f-integer": True,
        "KEHA-1.f-decimal": "2,5",
        "KEHA-1.f-list-of-text": "a",
        "KEHA-1.langs": ["xx"],
    }
    data["extensions"] = bad
    paths = {p[1] for p, _ in _errors(ext.validate(data))}
    assert paths == set(bad)


def test_fingerprint_changes_with_every_definition(ext: ExtensionSet) -> None:
    def fp(text: str) -> str:
        return parse_definitions([SourceDoc("f.yaml", fast_load(text, "f.yaml"))]).fingerprint

    assert fp(S.DEFINITIONS) == ext.fingerprint
    assert fp(S.DEFINITIONS.replace("Digimentorointi", "Digiohjaus")) != ext.fingerprint  # open-end label
    assert fp(S.DEFINITIONS.replace("en: Basic skills", "en: Basics")) != ext.fingerprint  # own list
    assert fp(S.DEFINITIONS.replace("status: in-trial", "status: proposed")) != ext.fingerprint
