"""Every field carries its catalogue entry, and the trace table covers every decree item both ways."""

from __future__ import annotations

import typing
from typing import Annotated

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError, create_model

from kototieto.model import catalogue as cat
from kototieto.model.codes import CODE_LISTS
from kototieto.model.customer import Customer
from kototieto.model.meta import Obligation
from kototieto.model.problems import RULES
from kototieto.model.records import RECORD_MODELS
from kototieto.model.trace import DECREE_ITEMS, TRACE

# Copied from the project's numbered list of the decree's data items (tests never read ../shared).
DECREE_ITEM_IDS = (
    [f"D1.{n:02d}" for n in range(1, 28)]
    + [f"D2.{n:02d}" for n in range(1, 9)]
    + [f"D3.{n:02d}" for n in range(1, 17)]
    + [f"D4.{n:02d}" for n in range(1, 6)]
    + ["D5.01"]
)

FIELDS = cat.fields()
PATHS = {f.path for f in FIELDS}


def test_there_are_57_decree_items_and_the_project_lists_them_all() -> None:
    assert len(DECREE_ITEMS) == 57  # the decree's own count (D1.01-D5.xx), against the model's table
    assert [d.id for d in DECREE_ITEMS] == DECREE_ITEM_IDS
    assert set(TRACE) == set(DECREE_ITEM_IDS)


@pytest.mark.parametrize("item", DECREE_ITEM_IDS)
def test_every_decree_item_is_realised_by_a_field_or_rule(item: str) -> None:
    field_paths, rule_names = TRACE[item]
    assert field_paths or rule_names, f"{item} has neither a field nor a rule"
    for path in field_paths:
        assert path in PATHS, f"{item}: the trace table names a field that does not exist: {path}"
    for name in rule_names:
        assert name in RULES, f"{item}: the trace table names a rule that does not exist: {name}"


def test_fields_claiming_an_item_are_in_the_trace_table_and_back() -> None:
    for entry in FIELDS:
        for item in entry.meta.items:
            assert entry.path in TRACE[item][0], f"{entry.path} claims {item} but the trace table omits it"
    for item, (paths, _) in TRACE.items():
        for path in paths:
            entry = cat.field_entry(path)
            claimed = set(entry.meta.items) | set(entry.inherited_items)
            assert item in claimed, f"trace lists {path} for {item} but the field does not claim it"


def test_rules_claiming_an_item_are_in_the_trace_table() -> None:
    for rule in RULES.values():
        for item in rule.items:
            assert rule.name in TRACE[item][1], f"rule {rule.name} claims {item} but the trace omits it"


@pytest.mark.parametrize("entry", FIELDS, ids=lambda e: e.path)
def test_every_field_has_its_catalogue_entry(entry: cat.FieldEntry) -> None:
    meta = entry.meta
    for text in (meta.label, meta.definition):
        for lang in ("fi", "sv", "en"):
            assert text.get(lang).strip(), f"{entry.path}: empty {lang} text"
    assert meta.label.fi != meta.label.en or (meta.label.fi[:1].isupper() and " " not in meta.label.fi)
    assert entry.basis is not None, f"{entry.path}: no legal basis"
    assert entry.basis.act, f"{entry.path}: no Act section"
    assert meta.actors, f"{entry.path}: nobody enters it"
    assert meta.example is not None, f"{entry.path}: no example"
    if meta.obligation is Obligation.CONDITIONAL:
        assert meta.condition is not None, f"{entry.path}: conditional without a condition"
    if entry.type == "code":
        assert entry.code_list in CODE_LISTS


def _annotation(path: str) -> typing.Any:
    """The type of a catalogue path, looked up through the models."""
    model: typing.Any = None
    for kind in cat.field_entry(path).kinds:
        model = RECORD_MODELS[kind]
        break
    parts = path.split(".")
    for part in parts[:-1]:
        tp, _, _, _ = cat._unwrap(model.model_fields[part].annotation)
        model = tp
    info = model.model_fields[parts[-1]]
    return typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation


@pytest.mark.parametrize("entry", FIELDS, ids=lambda e: e.path)
def test_every_example_is_a_valid_value_of_its_field(entry: cat.FieldEntry) -> None:
    adapter: TypeAdapter[typing.Any] = TypeAdapter(_annotation(entry.path))
    try:
        adapter.validate_python(entry.meta.example)
    except ValidationError as exc:  # pragma: no cover - the message is the point
        pytest.fail(f"{entry.path}: example {entry.meta.example!r} is invalid: {exc}")


def test_catalogue_json_has_the_documented_keys() -> None:
    data = cat.catalogue_json()
    assert {"record_kinds", "fields", "code_lists", "trace"} <= set(data)
    field_keys = {
        "path", "kinds", "type", "cardinality", "obligation", "actors", "labels", "definitions",
        "legal_basis", "decree_items", "code_list", "example",
    }  # fmt: skip
    for entry in data["fields"]:
        assert field_keys <= set(entry)
        assert set(entry["labels"]) == {"fi", "sv", "en"}
        assert set(entry["definitions"]) == {"fi", "sv", "en"}
    assert set(data["trace"]) == set(DECREE_ITEM_IDS)
    kinds = {k["kind"] for k in data["record_kinds"]}
    assert kinds == set(RECORD_MODELS)


def test_every_code_list_value_has_three_labels() -> None:
    for code_list in CODE_LISTS.values():
        if code_list.external is not None:
            continue
        assert code_list.values, code_list.id
        for value in code_list.values:
            assert all(value.label.get(lang).strip() for lang in ("fi", "sv", "en")), value.code


def _probe(name: str, field: str) -> type[BaseModel]:
    """A one-field model whose field ``x`` carries the FieldMeta of Customer.``field``."""
    info = Customer.model_fields[field]
    return create_model(name, x=(Annotated[info.annotation, *info.metadata], ...))  # type: ignore[call-overload]


def test_one_path_means_one_thing() -> None:
    """The catalogue refuses two different fields under one path (model/catalogue.py, ``_walk``)."""
    out: dict[str, cat.FieldEntry] = {}
    cat._walk(_probe("A", "first_names"), "guidance", "", None, (), out)
    cat._walk(_probe("B", "first_names"), "review", "", None, (), out)  # the same field: merged
    assert out["x"].kinds == ["guidance", "review"]
    with pytest.raises(
        ValueError, match=r"field path x means different things in \['guidance', 'review'\] and plan"
    ):
        cat._walk(_probe("C", "last_name"), "plan", "", None, (), out)
    # and the real catalogue passes it: other_data is one field in every kind that has it
    assert cat._entries()["other_data"].kinds == [
        "assessment",
        "multisectoral-assessment",
        "integration-plan",
        "multisectoral-plan",
        "family-plan",
        "review",
    ]


def test_labels_in_each_language() -> None:
    assert cat.field_label("measures[3].organiser.type", "sv") == "Typ av anordnare"
    assert cat.kind_label("family-plan", "en") == "Family integration plan"
    assert cat.code_label("service-kind", "literacy-training", "fi") == "Lukutaitokoulutus"
    assert cat.code_label("municipality", "091", "sv") == "Helsingfors"
