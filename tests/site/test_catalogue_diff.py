"""Catalogue diff: every change class, breaking or not, renames, and the change paper."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from kototieto.site.catalogue_diff import ChangeKind, diff_catalogues, summary
from kototieto.site.change_paper import change_paper

_spec = importlib.util.spec_from_file_location("site_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(support)


def _field(cat: dict[str, Any], path: str) -> dict[str, Any]:
    return next(f for f in cat["fields"] if f["path"] == path)


def _kinds(changes: list[Any]) -> dict[tuple[str, str], bool]:
    return {(str(c.kind), c.path): c.breaking for c in changes}


def test_identical_catalogues_have_no_changes() -> None:
    cat = support.sample_catalogue()
    assert diff_catalogues(cat, support.sample_catalogue()) == []
    assert "Ei muutoksia." in change_paper(cat, cat, "fi")


def test_every_change_class_and_breaking_flag() -> None:
    old = support.sample_catalogue()
    new = support.sample_catalogue()
    _field(new, "date")["definitions"]["sv"] = "Dagen som posten avser."
    _field(new, "first_language")["obligation"] = "shall"  # may -> shall: stricter
    _field(new, "next_review")["obligation"] = "may"  # shall -> may: looser
    _field(new, "goals.description")["type"] = "long text"
    _field(new, "measures.service_kind")["cardinality"] = "1..n"  # one -> list
    _field(new, "extension_ground")["cardinality"] = "1"  # 0..1 -> 1: narrower
    new["fields"] = [f for f in new["fields"] if f["path"] != "id"]
    added = dict(
        _field(new, "date"), path="review_place", labels={"fi": "Paikka", "sv": "Plats", "en": "Place"}
    )
    added["obligation"] = "may"
    added["cardinality"] = "0..1"
    new["fields"].append(added)
    got = _kinds(diff_catalogues(old, new))
    assert got == {
        ("definition-changed", "date"): False,
        ("obligation-changed", "first_language"): True,
        ("obligation-changed", "next_review"): False,
        ("type-changed", "goals.description"): True,
        ("cardinality-changed", "measures.service_kind"): True,
        ("cardinality-changed", "extension_ground"): True,
        ("added", "review_place"): False,
        ("removed", "id"): True,
    }


def test_required_new_field_is_breaking() -> None:
    old = support.sample_catalogue()
    new = support.sample_catalogue()
    new["fields"].append(
        dict(_field(new, "date"), path="plan_place", labels={"fi": "P", "sv": "P", "en": "P"})
    )
    (change,) = diff_catalogues(old, new)
    assert change.kind is ChangeKind.ADDED and change.breaking


def test_rename_by_same_text_and_by_recorded_old_path() -> None:
    old = support.sample_catalogue()
    new = support.sample_catalogue()
    _field(new, "goals")["path"] = "targets"  # same labels and definitions: a rename
    moved = _field(new, "next_review")
    moved["path"] = "review_next"
    moved["labels"] = {"fi": "Seuraava", "sv": "Nästa", "en": "Next"}  # text changed too...
    moved["renamed_from"] = "next_review"  # ...but the old path is recorded
    changes = diff_catalogues(old, new)
    renames = {(c.old_path, c.path) for c in changes if c.kind is ChangeKind.RENAMED}
    assert renames == {("goals", "targets"), ("next_review", "review_next")}
    assert ("label-changed", "review_next") in _kinds(changes)
    assert not [c for c in changes if c.kind in (ChangeKind.ADDED, ChangeKind.REMOVED)]


def test_two_candidates_with_the_same_text_are_not_guessed() -> None:
    old = support.sample_catalogue()
    twin = dict(_field(old, "goals"), path="goals_copy")
    old["fields"].append(twin)
    new = support.sample_catalogue()
    _field(new, "goals")["path"] = "targets"
    kinds = _kinds(diff_catalogues(old, new))
    assert ("added", "targets") in kinds
    assert ("removed", "goals") in kinds and ("removed", "goals_copy") in kinds


def test_code_list_values_added_removed_relabelled() -> None:
    old = support.sample_catalogue()
    new = support.sample_catalogue()
    values = new["code_lists"][0]["values"]
    values[0]["labels"]["en"] = "Integration course"
    values.pop()  # 'other' removed: breaking
    values.append(
        {"code": "peer-support", "labels": {"fi": "Vertaistuki", "sv": "Kamratstöd", "en": "Peer support"}}
    )
    (change,) = diff_catalogues(old, new)
    assert change.kind is ChangeKind.CODE_LIST and change.target == "code-list" and change.breaking
    assert set(change.new["added"]) == {"peer-support"}
    assert set(change.old["removed"]) == {"other"}
    assert set(change.new["relabelled"]) == {"integration-training"}


def test_change_paper_new_fields_in_full_changed_fields_as_parts_only() -> None:
    old = support.sample_catalogue()
    new = support.sample_catalogue()
    new["version"] = "1.0.0"
    _field(new, "first_language")["obligation"] = "shall"
    new["fields"].append(
        dict(
            _field(new, "next_review"),
            path="review_place",
            labels={"fi": "Tarkistuksen paikka", "sv": "Plats för översynen", "en": "Review place"},
            definitions={
                "fi": "Missä tarkistus pidettiin.",
                "sv": "Var översynen hölls.",
                "en": "Where the review was held.",
            },
        )
    )
    paper = change_paper(old, new, "en")
    assert "# Changes to the field catalogue" in paper
    assert "`0.9.0` → `1.0.0`" in paper
    new_part = paper.split("## New fields", 1)[1].split("## Changed fields", 1)[0]
    assert "### Review place (`review_place`)" in new_part
    for attribute in (
        "Definition:** Where the review was held.",
        "Cardinality",
        "Obligation",
        "Legal basis",
        "Example",
    ):
        assert attribute in new_part
    changed = paper.split("## Changed fields", 1)[1]
    assert "Obligation: Before May → Now Shall" in changed
    assert "The customer's first language." not in changed  # unchanged definition is not repeated
    sv = change_paper(old, new, "sv")
    assert "## Nya fält" in sv and "Plats för översynen" in sv


def test_definition_changed_in_another_language_is_shown_with_its_language() -> None:
    old = support.sample_catalogue()
    new = support.sample_catalogue()
    _field(new, "date")["definitions"]["fi"] = "Päivä, jota tietue koskee (uusi)."
    paper = change_paper(old, new, "sv")
    assert "(fi)" in paper and "(uusi)" in paper


def test_real_catalogue_against_itself_and_summary() -> None:
    cat = support.real_catalogue()
    assert diff_catalogues(cat, cat) == []
    smaller = dict(cat, fields=cat["fields"][1:])
    changes = diff_catalogues(cat, smaller)
    assert summary(changes) == {"removed": 1, "breaking": 1}
