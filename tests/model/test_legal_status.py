"""Legal status per record kind (review 2026-12, H1/H2): what 874/2024 names, kind by kind."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from kototieto.model.catalogue import catalogue_json
from kototieto.site.catalogue_diff import ChangeKind, diff_catalogues

CAT = catalogue_json()
FIELDS = {f["path"]: f for f in CAT["fields"]}
KINDS = {k["kind"]: k for k in CAT["record_kinds"]}


def _status(path: str, kind: str) -> str:
    return str(FIELDS[path]["status_874_by_kind"][kind])


@pytest.mark.parametrize("kind", ["multisectoral-assessment", "multisectoral-plan", "family-plan"])
def test_memo_only_kinds_and_their_content_fields_report_memo_only(kind: str) -> None:
    assert KINDS[kind]["status_874"] == "memo-only"
    assert "act-1100-2024" in KINDS[kind]["open_questions"]
    statuses = {_status(path, kind) for path in KINDS[kind]["fields"]}
    # only the record's structure (id, kind, organisation ...) is 'not applicable'; nothing is 'named'
    assert statuses == {"memo-only", "not-applicable"}


def test_the_same_field_is_named_for_the_basic_kinds_and_memo_only_for_the_others() -> None:
    assert _status("period", "integration-plan") == "yes"
    assert _status("period", "multisectoral-plan") == "memo-only"
    assert _status("period", "family-plan") == "memo-only"
    assert _status("literacy", "assessment") == "yes"
    assert _status("literacy", "multisectoral-assessment") == "memo-only"
    assert KINDS["assessment"]["status_874"] == "yes"
    assert KINDS["integration-plan"]["status_874"] == "yes"
    assert KINDS["review"]["status_874"] == "unverified"
    assert "county" in KINDS["review"]["status_874_note"]["en"]
    assert KINDS["review"]["status_874_by_actor"] == {"wellbeing-services-county": "memo-only"}
    assert KINDS["assessment"]["status_874_by_actor"] == {}


def test_statuses_the_review_found_wrong_are_corrected() -> None:
    county = FIELDS["wellbeing_services_county"]
    assert county["status_874_by_kind"] == {"multisectoral-plan": "not-applicable"}
    assert county["project_addition"] is True
    assert county["obligation"] == "may"
    for path in ("plan_timing", "plan_timing.timing", "plan_timing.reason", "plan_timing.justification"):
        assert _status(path, "assessment") == "changed", path
    for path in ("extension_ground", "extension_ground.ground"):
        assert _status(path, "integration-plan") == "unverified", path
    for path in ("family_plan_need", "family_plan_need.needed", "family_plan_need.sources"):
        assert _status(path, "assessment") == "unverified", path
    assert _status("other_data", "assessment") == "yes"
    assert _status("other_data", "integration-plan") == "yes"
    assert _status("other_data", "review") == "unverified"
    assert _status("date", "customer") == "not-applicable"
    assert _status("drawn_up_by", "guidance") == "unverified"
    assert FIELDS["civic_participation"]["legal_basis"]["note"] is not None
    assert FIELDS["society_knowledge"]["legal_basis"]["note"] is not None
    # the shared 'structure' note no longer claims that kind and schema_version tie data to the person
    for path in ("kind", "schema_version", "annulment", "extensions"):
        assert "customer" not in FIELDS[path]["legal_basis"]["note"]["en"], path


def test_no_field_is_named_outside_the_two_kinds_874_names() -> None:
    for f in CAT["fields"]:
        for kind, status in f["status_874_by_kind"].items():
            if status in ("yes", "changed"):
                assert kind in ("assessment", "integration-plan"), (f["path"], kind)


def test_the_act_1100_2024_question_is_in_the_catalogue_with_its_source() -> None:
    (q,) = [q for q in CAT["open_questions"] if q["id"] == "act-1100-2024"]
    assert "1100/2024" in q["source"] and "HE 192/2024" in q["source"]
    assert set(q["kinds"]) == {"multisectoral-assessment", "multisectoral-plan", "family-plan", "review"}
    assert q["text"]["sv"] and q["text"]["fi"] != q["text"]["en"]


def test_plan_sources_are_required_in_plans_and_optional_elsewhere() -> None:
    sources = FIELDS["sources"]["obligation_by_kind"]
    assert sources["integration-plan"] == "shall"
    assert sources["family-plan"] == "shall"
    assert sources["review"] == "may"
    assert sources["guidance"] == "may"
    assert FIELDS["drawn_up_by"]["obligation_by_kind"]["guidance"] == "may"
    assert FIELDS["drawn_up_by"]["obligation_by_kind"]["assessment"] == "shall"
    assert FIELDS["drawn_up_by.title"]["obligation_by_kind"]["guidance"] == "may"
    assert FIELDS["drawn_up_by.title"]["obligation_by_kind"]["review"] == "shall"


def _snapshot() -> dict[str, Any]:
    text = resources.files("kototieto.site.snapshots").joinpath("catalogue-2026.11.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_the_change_log_shows_the_per_kind_status_against_the_2026_11_snapshot() -> None:
    changes = diff_catalogues(_snapshot(), CAT)
    status = {c.path: c for c in changes if c.kind is ChangeKind.STATUS_874}
    assert "multisectoral-plan: memo-only" in status["period"].new
    assert "multisectoral-plan: yes" in status["period"].old
    assert "integration-plan: yes" in status["period"].new  # unchanged kinds are listed for context
    assert "wellbeing_services_county" in status
    assert status["plan_timing"].new == ["assessment: changed", "multisectoral-assessment: memo-only"]
    # not changed: a field that was and is 'not applicable' in every kind
    assert "id" not in status
    obligations = {c.path: c for c in changes if c.kind is ChangeKind.OBLIGATION}
    assert "citizenships" in obligations and not obligations["citizenships"].breaking
    assert "guidance: may" in obligations["drawn_up_by"].new["obligation_by_kind"]


def test_a_required_part_of_a_new_optional_object_is_not_a_breaking_change() -> None:
    changes = {(str(c.kind), c.path): c.breaking for c in diff_catalogues(_snapshot(), CAT)}
    assert changes[("added", "family_plan_timing")] is False
    assert changes[("added", "family_plan_timing.plan_kind")] is False
    assert changes[("code-list-changed", "plan-ending-ground")] is True  # a removed code breaks old records


def test_the_site_marks_a_project_addition_among_code_values() -> None:
    from kototieto.site.pages_fields import value_label

    values = {
        v["code"]: v for cl in CAT["code_lists"] if cl["id"] == "information-source" for v in cl["values"]
    }
    marked = value_label(values["official-observation"], "sv")
    assert "Projektets tillägg" in marked and "promemorian" in marked
    assert "Projektets tillägg" not in value_label(values["person"], "sv")
