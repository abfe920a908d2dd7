"""Duration rules that hold (review 2026-12, M1-M5, L1, L2, L7): no bypass, limits per kind as sourced."""

from __future__ import annotations

from typing import Any

import pytest

from kototieto.model.problems import RULES
from kototieto.model.records import parse_record
from kototieto.model.rules import RuleParams
from kototieto.model.validation import Severity, check_records, validate_data
from tests.model import records as r


def _errors(data: dict[str, Any], params: RuleParams | None = None) -> list[tuple[str, str]]:
    return [(p.dotted_path, p.rule) for p in validate_data(data, params).errors]


def _cross(*records: dict[str, Any], params: RuleParams | None = None) -> list[tuple[str, str, Severity]]:
    parsed = [parse_record(d) for d in records]
    return [(rid, p.rule, p.severity) for rid, p in check_records(parsed, params)]


GROUND = {"ground": "literacy-training"}


def test_a_60_month_first_plan_with_an_extension_ground_is_refused() -> None:
    plan = r.plan(period={"start": "2025-04-10", "end": "2030-04-09"}, extension_ground=GROUND)
    assert ("period.end", "plan-duration") in _errors(plan)


def test_an_extension_ground_lifts_the_total_of_a_later_plan_up_to_max_extension_months_when_set() -> None:
    later = r.plan(previous_plan="pln-00000000", period={"start": "2025-04-10", "end": "2028-04-09"})
    assert ("period.end", "plan-duration") in _errors(later)
    grounded = dict(later, extension_ground=GROUND)
    assert _errors(grounded) == []  # no ceiling was found: configurable, off by default
    capped = RuleParams.from_overrides({"max_extension_months": {"value": 6, "strength": "error"}})
    assert ("period.end", "plan-duration") in _errors(grounded, capped)
    assert _errors(dict(grounded, period={"start": "2025-04-10", "end": "2027-10-09"}), capped) == []


def test_retention_years_is_refused_and_max_extension_months_is_accepted() -> None:
    with pytest.raises(ValueError, match="retention"):
        RuleParams.from_overrides({"retention_years": 10})
    assert RuleParams.from_overrides({"max_extension_months": 6}).int_value("max_extension_months") == 6


def _second(end: str, **over: Any) -> dict[str, Any]:
    return r.plan(
        id="pln-00000002",
        previous_plan="pln-00000001",
        date="2026-04-10",
        period={"start": "2026-04-10", "end": end},
        **over,
    )


def test_plans_never_end_after_the_end_granted_by_the_latest_extension() -> None:
    extension = r.review(extension={"new_end": "2027-06-30", "ground": "literacy-training"})
    ok = _cross(r.customer(), r.assessment(), r.plan(), _second("2027-06-30"), extension)
    extended = ("pln-00000001", "total-plan-time", Severity.INFO)  # the plan the review extended
    assert ok == [("pln-00000002", "total-plan-time", Severity.INFO), extended]
    late = _cross(r.customer(), r.assessment(), r.plan(), _second("2027-12-31"), extension)
    assert late == [("pln-00000002", "total-plan-time", Severity.ERROR), extended]


def test_an_extension_past_max_extension_months_is_an_error() -> None:
    extension = r.review(extension={"new_end": "2027-12-31", "ground": "literacy-training"})
    records = (r.customer(), r.assessment(), r.plan(), _second("2027-12-31"), extension)
    extended = ("pln-00000001", "total-plan-time", Severity.INFO)
    assert _cross(*records) == [("pln-00000002", "total-plan-time", Severity.INFO), extended]
    capped = RuleParams.from_overrides({"max_extension_months": {"value": 3, "strength": "error"}})
    assert _cross(*records, params=capped) == [("pln-00000002", "total-plan-time", Severity.ERROR), extended]


def test_integration_plan_limits_are_not_applied_to_multisectoral_and_family_plans() -> None:
    long = {"start": "2025-04-10", "end": "2027-12-31"}
    for kind, extra in (
        ("multisectoral-plan", {}),
        ("family-plan", {"family_members": [{"name": "O", "relation": "child"}]}),
    ):
        assert _errors(r.plan(kind=kind, period=long, **extra)) == [], kind
    own = RuleParams.from_overrides({"multisectoral_plan_max_months": {"value": 24, "strength": "error"}})
    assert ("period.end", "plan-duration") in _errors(r.plan(kind="multisectoral-plan", period=long), own)
    sources = {p["name"]: p["source"] for p in RuleParams().table()}
    assert "not found" in sources["multisectoral_plan_max_months"]
    assert "not found" in sources["family_plan_max_months"]


def test_every_extended_plan_is_reported_as_information() -> None:
    short = r.review(extension={"new_end": "2026-06-30", "ground": "illness-or-injury"})
    found = _cross(r.customer(), r.assessment(), r.plan(), short)
    assert found == [("pln-00000001", "total-plan-time", Severity.INFO)]


def test_a_family_plan_does_not_count_toward_the_individual_total() -> None:
    family = r.plan(
        kind="family-plan",
        id="pln-00000003",
        date="2026-06-01",
        period={"start": "2026-06-01", "end": "2027-12-31"},
        family_members=[{"name": "Omar", "relation": "child"}],
    )
    assert _cross(r.customer(), r.assessment(), r.plan(), family) == []


def test_the_total_rule_states_its_interpretation() -> None:
    rule = RULES["total-plan-time"].description
    assert "calendar span" in rule.en and "gaps counted" in rule.en and "tauot" in rule.fi
    description = next(p for p in RuleParams().table() if p["name"] == "total_plan_max_months")["description"]
    assert "calendar span" in description and "gaps between plans counted" in description


@pytest.mark.parametrize(
    ("plan_kind", "to_kind", "ok"),
    [
        ("integration-plan", "multisectoral-plan", True),
        ("multisectoral-plan", "integration-plan", True),
        ("integration-plan", "family-plan", False),
        ("family-plan", "integration-plan", False),
    ],
)
def test_a_review_switches_only_between_integration_and_multisectoral_plans(
    plan_kind: str, to_kind: str, ok: bool
) -> None:
    review = r.review(plan_kind=plan_kind, plan_switch={"to_kind": to_kind})
    assert (("plan_switch.to_kind", "review-outcome") not in _errors(review)) is ok


def test_an_assessment_times_the_individual_plan_and_a_family_plan_and_at_the_assessment_itself() -> None:
    both = r.assessment(
        plan_timing={"plan_kind": "integration-plan", "timing": "at-assessment"},
        family_plan_timing={"plan_kind": "family-plan", "timing": "date", "date": "2025-05-01"},
    )
    assert _errors(both) == []
    wrong = dict(both, family_plan_timing={"plan_kind": "integration-plan", "timing": "as-soon-as-possible"})
    assert ("family_plan_timing.plan_kind", "plan-timing") in _errors(wrong)
    no_date = dict(
        both, plan_timing={"plan_kind": "integration-plan", "timing": "at-assessment", "date": "2025-04-01"}
    )
    assert ("plan_timing.date", "plan-timing") in _errors(no_date)


def test_the_six_month_rule_tests_the_referral_not_the_service_start() -> None:
    measure = {
        "service_kind": "integration-training",
        "description": "Kotoutumiskoulutus",
        "organiser": {"type": "municipality"},
        "start": "2025-11-03",  # month 7
    }
    late = validate_data(r.plan(measures=[measure]))
    assert [p.rule for p in late.warnings] == ["measure-dates"]
    referred = validate_data(r.plan(measures=[dict(measure, referred_on="2025-04-15")]))
    assert referred.ok and not referred.warnings
    family = validate_data(
        r.plan(kind="family-plan", measures=[measure], family_members=[{"name": "O", "relation": "child"}])
    )
    assert not family.warnings
