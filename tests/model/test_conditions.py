"""Conditions in machine-readable form (``When``): the evaluation, the catalogue's ``applies_when``,
and that every such condition names a real sibling field and a value valid for it, and agrees with
the rule that enforces it (a value recorded where the condition does not hold is reported)."""

from __future__ import annotations

import copy
import json
import typing
from typing import Any

import pytest
from pydantic import TypeAdapter

from kototieto.model import catalogue as cat
from kototieto.model.codes import CODE_LISTS
from kototieto.model.meta import Obligation, When, is_recorded
from kototieto.model.validation import validate_data
from tests.model import records as r

WHEN_FIELDS = [e for e in cat.fields() if e.meta.applies_when is not None]


# ------------------------------------------------------------------ evaluation
@pytest.mark.parametrize(
    ("when", "value", "expected"),
    [
        (When("x", equals=True), True, True),
        (When("x", equals=True), False, False),
        (When("x", equals=True), None, None),  # not known: neither shown nor reported
        (When("x", equals=True), 1, False),  # True is not 1
        (When("x", equals=1), True, False),
        (When("x", equals="date"), "date", True),
        (When("x", equals="date"), "as-soon-as-possible", False),
        (When("x", equals="date"), "  ", None),  # blank text is not recorded
        (When("x", in_=("a", "b")), "b", True),
        (When("x", in_=("a", "b")), "c", False),
        (When("x", in_=("a", "b")), ["c", "a"], True),  # a list: any of its values
        (When("x", in_=("a", "b")), [], None),
        (When("x", present=True), "text", True),
        (When("x", present=True), " ", False),
        (When("x", present=True), False, True),  # 'no' is an answer
        (When("x", present=True), None, False),
        (When("x", present=False), None, True),
        (When("x", present=False), "", True),
        (When("x", present=False), {}, True),
        (When("x", present=False), "Lastenhoito", False),
        (When("x", present=False), 0, False),
    ],
)
def test_when_holds(when: When, value: Any, expected: bool | None) -> None:
    assert when.holds(value) is expected
    assert when.holds_in({"x": value}) is expected


def test_a_when_has_exactly_one_test_and_round_trips_through_the_catalogue_form() -> None:
    for bad in ({}, {"equals": 1, "present": True}, {"equals": "a", "in_": ("b",)}):
        with pytest.raises(ValueError):
            When("x", **bad)
    for when in (When("x", equals=True), When("x", in_=("a", "b")), When("x", present=False)):
        as_json = json.loads(json.dumps(when.as_dict("plan_timing.")))
        assert as_json["field"] == "plan_timing.x"
        assert When.from_dict(as_json) == when
    assert not is_recorded([]) and is_recorded([""]) and is_recorded(False)


def test_holds_in_reads_a_model_object_too() -> None:
    from kototieto.model.records import parse_record

    customer = parse_record(r.customer(interpretation_needed=True, interpretation_language="ar"))
    assert When("interpretation_needed", equals=True).holds_in(customer) is True
    assert When("interpretation_needed", equals=False).holds_in(customer) is False


# ------------------------------------------------------------------ the catalogue
def test_the_machine_readable_conditions_are_the_expected_ones() -> None:
    """Adding a ``when=`` to a field adds it here and to ``CASES`` below (its rule must agree)."""
    assert {e.path: e.applies_when() for e in WHEN_FIELDS} == {
        "interpretation_language": {"field": "interpretation_needed", "equals": True},
        "plan_timing.date": {"field": "plan_timing.timing", "equals": "date"},
        "plan_timing.reason": {"field": "plan_timing.timing", "equals": "not-drawn-up"},
        "plan_timing.justification": {"field": "plan_timing.timing", "equals": "not-drawn-up"},
        "family_plan_timing.date": {"field": "family_plan_timing.timing", "equals": "date"},
        "family_plan_timing.reason": {"field": "family_plan_timing.timing", "equals": "not-drawn-up"},
        "family_plan_timing.justification": {
            "field": "family_plan_timing.timing",
            "equals": "not-drawn-up",
        },
        "no_obstacles": {"field": "obstacles", "present": False},
    }
    document = cat.catalogue_json()
    assert all("applies_when" in f for f in document["fields"])  # additive: every entry has the key
    by_path = {f["path"]: f for f in document["fields"]}
    assert by_path["interpretation_language"]["applies_when"] == {
        "field": "interpretation_needed",
        "equals": True,
    }
    assert by_path["previous_plan"]["applies_when"] is None
    assert by_path["previous_plan"]["condition"]["en"]  # the words stay


def _annotation(path: str) -> Any:
    model: Any = cat.RECORD_MODELS[cat.field_entry(path).kinds[0]]
    parts = path.split(".")
    for part in parts[:-1]:
        model = cat._unwrap(model.model_fields[part].annotation)[0]
    info = model.model_fields[parts[-1]]
    return typing.Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation


@pytest.mark.parametrize("entry", WHEN_FIELDS, ids=lambda e: e.path)
def test_a_condition_names_a_sibling_of_the_same_kinds_and_a_value_valid_for_it(
    entry: cat.FieldEntry,
) -> None:
    rule = entry.applies_when()
    assert rule is not None
    trigger_path = str(rule["field"])
    assert trigger_path != entry.path
    assert trigger_path.rpartition(".")[0] == entry.path.rpartition(".")[0], "not a sibling"
    trigger = cat.field_entry(trigger_path)  # KeyError: no such field
    assert set(entry.kinds) <= set(trigger.kinds), f"{trigger_path} is missing in some of {entry.kinds}"
    assert entry.meta.obligation is Obligation.CONDITIONAL
    assert entry.meta.condition is not None and entry.meta.condition.en
    when = entry.meta.applies_when
    assert when is not None
    for value in when.values:
        if trigger.type == "code":
            assert trigger.code_list is not None
            assert value in CODE_LISTS[trigger.code_list].codes(), (trigger_path, value)
        elif trigger.type == "boolean":
            assert isinstance(value, bool)
        TypeAdapter(_annotation(trigger_path)).validate_python(value, strict=True)


# ------------------------------------------------------------------ the rules agree
FAMILY = {"family_plan_timing": {"plan_kind": "family-plan", "timing": "as-soon-as-possible"}}
#: path -> (a valid record of a kind that has the field, whether leaving the field out while the
#: condition holds is reported too). 'No obstacles' is a statement one may make, not a duty.
CASES: dict[str, tuple[Any, bool]] = {
    "interpretation_language": (r.customer, True),
    "plan_timing.date": (r.assessment, True),
    "plan_timing.reason": (r.assessment, True),
    "plan_timing.justification": (r.assessment, True),
    "family_plan_timing.date": (lambda: r.assessment(**copy.deepcopy(FAMILY)), True),
    "family_plan_timing.reason": (lambda: r.assessment(**copy.deepcopy(FAMILY)), True),
    "family_plan_timing.justification": (lambda: r.assessment(**copy.deepcopy(FAMILY)), True),
    "no_obstacles": (r.review, False),
}


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, key = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    if value is None:
        data.pop(key, None)
    else:
        data[key] = value


def _values(entry: cat.FieldEntry) -> tuple[Any, Any]:
    """(a trigger value under which the condition holds, one under which it does not)."""
    when = entry.meta.applies_when
    assert when is not None
    trigger = cat.field_entry(str(entry.applies_when()["field"]))  # type: ignore[index]
    if when.present is not None:
        recorded = trigger.meta.example
        return (recorded, None) if when.present else (None, recorded)
    if trigger.type == "boolean":
        return when.values[0], not when.values[0]
    assert trigger.code_list is not None
    other = next(c for c in CODE_LISTS[trigger.code_list].codes() if c not in when.values)
    return when.values[0], other


def _paths(data: dict[str, Any]) -> set[str]:
    return {p.dotted_path for p in validate_data(data).problems}


def test_every_machine_readable_condition_has_a_case() -> None:
    assert set(CASES) == {e.path for e in WHEN_FIELDS}


@pytest.mark.parametrize("entry", WHEN_FIELDS, ids=lambda e: e.path)
def test_the_rule_agrees_with_the_condition(entry: cat.FieldEntry) -> None:
    make, required = CASES[entry.path]
    trigger = str(entry.applies_when()["field"])  # type: ignore[index]
    yes, no = _values(entry)
    example = entry.meta.example
    assert entry.meta.applies_when is not None
    assert entry.meta.applies_when.holds(yes) is True and entry.meta.applies_when.holds(no) is False
    # the condition holds and the field is recorded: nothing to say about the field
    data = make()
    _set(data, trigger, yes)
    for sibling in ("date", "reason", "justification"):  # a plan timing's other conditional parts
        if entry.path.rpartition(".")[0] and sibling != entry.path.rpartition(".")[2]:
            _set(data, f"{entry.path.rpartition('.')[0]}.{sibling}", None)
    if entry.path.endswith((".reason", ".justification")):  # 'not drawn up' needs both
        parent = entry.path.rpartition(".")[0]
        _set(data, f"{parent}.reason", "no-need")
        _set(data, f"{parent}.justification", "Ei tarvetta.")
    if entry.path.endswith(".date"):
        _set(data, entry.path, "2025-12-01")  # after the assessment
    else:
        _set(data, entry.path, example)
    assert entry.path not in _paths(data)
    # the condition does not hold and the field is recorded: reported at the field
    _set(data, trigger, no)
    words = entry.meta.condition.en if entry.meta.condition else ""
    assert entry.path in _paths(data), f"{entry.path} recorded though '{words}' does not hold"
    # the condition holds and the field is left out: reported where recording it is a duty
    _set(data, trigger, yes)
    _set(data, entry.path, None)
    assert (entry.path in _paths(data)) is required
