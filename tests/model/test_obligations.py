"""No invented obligations (review 2026-12, H3): the 2027 check asks only what the law asks.

The 'shall-items' warnings and ``missing_shall_fields`` (the completeness report) list what the
decree (or 874/2024, or the Act's deadlines) requires of the actor who enters the record, nested
items with their full paths; project structure is 'may' with the reason in words.
"""

from __future__ import annotations

from typing import Any

from kototieto.model.catalogue import catalogue_json
from kototieto.model.migrations import CURRENT_SCHEMA_VERSION, migrate
from kototieto.model.validation import missing_shall_fields, validate_data
from tests.model import records as r

D2027 = "2027-02-01"
CAT = catalogue_json()
FIELDS = {f["path"]: f for f in CAT["fields"]}


def _shall(data: dict[str, Any]) -> dict[str, str]:
    result = validate_data(data)
    assert result.ok, result.errors
    return {p.dotted_path: p.message("en") for p in result.problems if p.rule == "shall-items"}


def test_a_customer_without_citizenships_language_or_home_municipality_raises_no_2027_message() -> None:
    data = r.customer(date=D2027, registered_jobseeker=False, interpretation_needed=False)
    for name in ("citizenships", "native_language", "home_municipality"):
        data.pop(name)
    assert _shall(data) == {}
    for name in ("citizenships", "native_language", "home_municipality"):
        assert FIELDS[name]["obligation"] == "may"
        assert FIELDS[name]["project_addition"] is True
        assert "decree does not ask" in FIELDS[name]["project_addition_note"]["en"]


def test_shall_booleans_have_no_silent_default_and_old_records_stay_valid() -> None:
    missing = _shall(r.customer(date=D2027))
    assert set(missing) == {"registered_jobseeker", "interpretation_needed"}
    assert all("must be entered" not in m and "not known" in m for m in missing.values())
    record = validate_data(r.customer()).record
    assert record is not None and record.registered_jobseeker is None  # absent: unknown, not "no"
    old = validate_data(
        r.customer(registered_jobseeker=False, interpretation_needed=True, interpretation_language="ar")
    )
    assert old.ok and old.record is not None and old.record.registered_jobseeker is False


def test_a_plan_needs_no_assessment_link_but_its_information_sources_are_checked() -> None:
    plan = r.plan(date=D2027, period={"start": D2027, "end": "2028-01-31"}, first_review="2027-06-01")
    plan.pop("assessment")
    missing = _shall(plan)
    assert "assessment" not in missing
    assert "874/2024 2 § 1 mom." in missing["sources"]
    assert "sources" not in _shall({**plan, "sources": ["person"]})
    # the same field is optional in reviews and guidance
    assert "sources" not in _shall(r.guidance(date=D2027))


def test_the_multisectoral_plans_county_is_not_demanded() -> None:
    plan = r.plan(
        kind="multisectoral-plan",
        date=D2027,
        period={"start": D2027, "end": "2028-01-31"},
        first_review="2027-06-01",
    )
    assert "wellbeing_services_county" not in _shall(plan)


def test_guidance_needs_no_contact_details() -> None:
    data = r.guidance(date=D2027)
    data.pop("drawn_up_by")
    assert validate_data(data).ok
    assert "drawn_up_by" not in _shall(data)
    assert "drawn_up_by[0].title" not in _shall(
        r.guidance(date=D2027, drawn_up_by=[{"name": "A", "organisation": "B"}])
    )


def test_nested_shall_items_are_reported_with_their_full_path() -> None:
    plan = r.plan(
        date=D2027,
        period={"start": D2027, "end": "2028-01-31"},
        first_review="2027-06-01",
        drawn_up_by=[{"name": "Aino Testaaja", "organisation": "Helsingin kaupunki"}],
        measures=[
            {
                "service_kind": "integration-training",
                "description": "K",
                "organiser": {"type": "municipality"},
            }
        ],
    )
    missing = _shall(plan)
    assert {"drawn_up_by[0].title", "measures[0].start", "measures[0].status"} <= set(missing)
    record = validate_data(plan).record
    assert record is not None
    assert {"drawn_up_by.title", "measures.start", "measures.status"} <= set(missing_shall_fields(record))
    assert "D2.04" in missing["measures[0].start"] and "must be entered" not in missing["measures[0].start"]
    review = r.review(date=D2027, next_review="2027-06-01", new_service_needs={"description": "x"})
    assert "new_service_needs.service_kinds" in _shall(review)
    guidance = r.guidance(date=D2027, service_needs={"description": "Etsii työtä."})
    assert "service_needs.service_kinds" in _shall(guidance)
    assessment = r.assessment(
        date=D2027,
        plan_timing={"plan_kind": "integration-plan", "timing": "as-soon-as-possible"},
        life_situation={"description": "x", "sources": ["person"]},
    )
    assert "life_situation.service_needs" in _shall(assessment)
    # a measure written with its status and start is complete
    done = {**plan["measures"][0], "start": "2027-03-01", "status": "planned"}
    assert not {"measures[0].start", "measures[0].status"} & set(_shall({**plan, "measures": [done]}))


def test_no_next_review_is_demanded_after_the_plan_passed_to_the_employment_authority() -> None:
    review = r.review(date=D2027, employment_referral={"date": D2027})
    review.pop("next_review")
    assert "next_review" not in _shall(review)
    review.pop("employment_referral")
    assert "next_review" in _shall(review)


def test_no_obstacles_can_be_recorded_as_such() -> None:
    review = r.review(date=D2027, next_review="2027-06-01")
    assert "obstacles" in _shall(review)
    assert "obstacles" not in _shall({**review, "no_obstacles": True})
    both = validate_data(r.review(no_obstacles=True, obstacles="Lastenhoito puuttuu."))
    assert [p.path for p in both.errors] == [("no_obstacles",)]


def test_the_jobseeker_ending_ground_is_gone_and_old_reviews_migrate_to_a_referral() -> None:
    values = next(cl for cl in CAT["code_lists"] if cl["id"] == "plan-ending-ground")["values"]
    assert "registered-jobseeker" not in {v["code"] for v in values}
    old = r.review(
        schema_version=2,
        plan_ended={"date": "2025-10-10", "ground": "registered-jobseeker", "description": "Työnhakijaksi."},
    )
    old.pop("next_review")
    migrated = migrate(old)
    assert migrated["schema_version"] == CURRENT_SCHEMA_VERSION == 3
    assert "plan_ended" not in migrated
    assert migrated["employment_referral"] == {"date": "2025-10-10", "reason": "Työnhakijaksi."}
    assert validate_data(old).ok
    unversioned = {k: v for k, v in old.items() if k != "schema_version"}
    assert validate_data(unversioned).ok


def test_project_additions_are_marked_in_the_code_lists() -> None:
    lists = {cl["id"]: {v["code"]: v for v in cl["values"]} for cl in CAT["code_lists"]}
    assert lists["information-source"]["official-observation"]["project_addition"] is True
    assert "project_addition" not in lists["information-source"]["person"]
    assert lists["identifier-type"]["temporary"]["project_addition"] is True
    ext = next(cl for cl in CAT["code_lists"] if cl["id"] == "extension-ground")
    assert "project list" in ext["source"] and "16 §" not in ext["source"]
    assert FIELDS["assessment"]["project_addition"] is True
    assert FIELDS["assessment"]["obligation"] == "may"


def test_the_goals_half_of_d1_19_is_asked_like_the_wishes() -> None:
    assert FIELDS["wishes_and_goals.goals"]["obligation"] == "shall"
    assessment = r.assessment(
        date=D2027,
        plan_timing={"plan_kind": "integration-plan", "timing": "as-soon-as-possible"},
        wishes_and_goals={"wishes": "Haluaa opiskella.", "sources": ["person"]},
    )
    assert "D1.19" in _shall(assessment)["wishes_and_goals.goals"]


def test_common_services_are_in_the_service_kind_list() -> None:
    codes = {v["code"] for cl in CAT["code_lists"] if cl["id"] == "service-kind" for v in cl["values"]}
    assert {"guidance-and-counselling", "rehabilitative-work-activity", "early-childhood-education"} <= codes


def test_a_county_review_of_a_plan_without_its_county_is_flagged_not_silent() -> None:
    from kototieto.model.records import parse_record
    from kototieto.model.validation import check_records

    change = {
        "change": "added",
        "service_kind": "rehabilitation",
        "organiser": {"type": "wellbeing-services-county", "name": "Hyvinvointialue"},
    }
    plan = r.plan(kind="multisectoral-plan")
    review = r.review(organisation=r.COUNTY_ORG, plan_kind="multisectoral-plan", changes=[change])
    found = [
        (p.rule, p.severity)
        for _, p in check_records([parse_record(d) for d in (r.customer(), r.assessment(), plan, review)])
    ]
    assert found == [("county-review-plan", "warning")]
    own = dict(plan, wellbeing_services_county=r.COUNTY_ORG["code"])
    assert check_records([parse_record(d) for d in (r.customer(), r.assessment(), own, review)]) == []
