"""The synthetic generator's deliberate imperfections (``Imperfections``): warnings, never errors.

The default profile gives late and missing reviews (overdue on ``today``), reviews planned beyond
the interval, late first reviews, late services and unrecorded assessment items, at roughly the
configured rates; ``Imperfections.none()`` gives clean data. The bands are tolerant: a rate is a
probability per opportunity, and a flaw is skipped where the plan leaves no room for it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from kototieto.model.record_rules import CONTENT_FIELDS
from kototieto.model.records import record_to_data
from kototieto.model.validation import Severity, check_records, missing_shall_fields, validate_data
from kototieto.reports.completeness import completeness_report
from kototieto.reports.due import OVERDUE, due_report
from kototieto.reports.stats import stats_report
from kototieto.synthetic.generator import DatasetSpec, Imperfections, customer_records, generate_dataset

TODAY = dt.date(2026, 11, 28)
CUSTOMERS, SEED = 400, 3
PLAN_KINDS = ("integration-plan", "multisectoral-plan", "family-plan")
ASSESSMENT_KINDS = ("assessment", "multisectoral-assessment")
PROFILE = Imperfections()


def _problems(recs: list[Any]) -> tuple[list[tuple[str, str]], Counter[str]]:
    """(errors as (id, rule), warnings counted per rule) of every record alone and of the set."""
    errors: list[tuple[str, str]] = []
    warnings: Counter[str] = Counter()
    for r in recs:
        result = validate_data(record_to_data(r))
        errors.extend((r.id, p.rule) for p in result.errors)
        warnings.update(p.rule for p in result.warnings)
    for rid, p in check_records(recs):
        if p.severity is Severity.ERROR:
            errors.append((rid, p.rule))
        elif p.severity is Severity.WARNING:
            warnings[p.rule] += 1
    return errors, warnings


@pytest.fixture(scope="module")
def flawed() -> list[Any]:
    return generate_dataset(CUSTOMERS, SEED, TODAY)


@pytest.fixture(scope="module")
def flawed_problems(flawed: list[Any]) -> tuple[list[tuple[str, str]], Counter[str]]:
    return _problems(flawed)


def _between(measured: float, rate: float, lo: float = 0.4, hi: float = 1.6) -> bool:
    return lo * rate <= measured <= hi * rate


def test_default_profile_has_no_errors_only_the_expected_warnings(flawed_problems: Any) -> None:
    errors, warnings = flawed_problems
    assert errors == []
    assert set(warnings) == {"review-next-date", "first-review-deadline", "measure-dates"}, warnings


def test_warnings_come_at_roughly_the_configured_rates(flawed: list[Any], flawed_problems: Any) -> None:
    _, warnings = flawed_problems
    plans = sum(1 for r in flawed if r.kind in PLAN_KINDS)
    planning = [
        r
        for r in flawed
        if r.kind == "review" and r.next_review is not None and r.organisation.type == "municipality"
    ]
    assert plans > 150 and len(planning) > 150
    assert _between(warnings["review-next-date"] / len(planning), PROFILE.long_review_interval)
    assert _between(warnings["first-review-deadline"] / plans, PROFILE.late_first_review)
    assert _between(warnings["measure-dates"] / plans, PROFILE.late_services)


def test_reviews_are_overdue_on_today_in_about_a_tenth_of_active_plans(flawed: list[Any]) -> None:
    report = due_report(flawed, today=TODAY)
    overdue = [i for i in report.items if i.status == OVERDUE]
    assert report.active_plans > 100
    assert 0.05 <= len(overdue) / report.active_plans <= 0.16, (len(overdue), report.active_plans)
    assert all(i.date < TODAY for i in overdue)
    assert any(i.days < -60 for i in overdue) and any(i.days > -60 for i in overdue)


def test_some_reviews_are_held_late_and_fewer_plans_are_reviewed_in_time(flawed: list[Any]) -> None:
    plans = {r.id: r for r in flawed if r.kind in PLAN_KINDS}
    by_plan: dict[str, list[Any]] = {}
    for r in flawed:
        if r.kind == "review" and r.organisation.type == "municipality":
            by_plan.setdefault(r.plan, []).append(r)
    held, late = 0, 0
    for plan_id, reviews in by_plan.items():
        reviews.sort(key=lambda r: r.date)
        planned = [plans[plan_id].first_review, *(r.next_review for r in reviews[:-1])]
        for review, day in zip(reviews, planned, strict=True):
            held += 1
            late += day is not None and (review.date - day).days >= 14
    assert _between(late / held, PROFILE.late_review, 0.5, 1.5), (late, held)
    stats = stats_report(flawed, today=TODAY)
    assert 0.75 <= stats.plans_reviewed_in_time / stats.plans_due_first_review < 0.98


def test_assessment_items_are_left_unrecorded_at_about_the_rate(flawed: list[Any]) -> None:
    assessments = [r for r in flawed if r.kind in ASSESSMENT_KINDS]
    missing = Counter(f for r in assessments for f in missing_shall_fields(r))
    assert set(missing) == set(PROFILE.unrecorded_items), missing
    for name in ("civic_participation", "society_knowledge"):
        assert _between(missing[name] / len(assessments), PROFILE.unrecorded_item, 0.6, 1.4), name
    # The language the customer integrates in is always assessed.
    assert all(r.finnish_skills is not None or r.swedish_skills is not None for r in assessments)
    report = completeness_report(flawed, since=dt.date(2025, 1, 1))
    assert {k for k, _ in report.field_counts()} <= set(ASSESSMENT_KINDS)
    assert len(report.gaps) == sum(1 for r in assessments if missing_shall_fields(r))


def test_no_imperfections_gives_clean_data() -> None:
    recs = generate_dataset(CUSTOMERS, SEED, TODAY, realism=Imperfections.none())
    errors, warnings = _problems(recs)
    assert errors == [] and warnings == Counter()
    assert due_report(recs, today=TODAY).count(OVERDUE) == 0
    assert completeness_report(recs, since=dt.date(2025, 1, 1)).gaps == []
    stats = stats_report(recs, today=TODAY)
    assert stats.plans_reviewed_in_time == stats.plans_due_first_review


def test_flaws_keep_identities_ids_and_names(flawed: list[Any]) -> None:
    clean = generate_dataset(CUSTOMERS, SEED, TODAY, realism=Imperfections.none())

    def people(recs: list[Any]) -> list[tuple[str, str, str, str]]:
        return [(r.id, r.identifier.value, r.first_names, r.last_name) for r in recs if r.kind == "customer"]

    assert people(flawed) == people(clean)
    ids = [r.id for r in flawed]
    assert len(ids) == len(set(ids))
    assert len({p[1] for p in people(flawed)}) == CUSTOMERS


def test_imperfections_are_deterministic_and_per_customer() -> None:
    def dump(recs: list[Any]) -> list[dict[str, Any]]:
        return [record_to_data(r) for r in recs]

    assert dump(generate_dataset(40, 8, TODAY)) == dump(generate_dataset(40, 8, TODAY))
    small, big = dump(generate_dataset(10, 8, TODAY)), dump(generate_dataset(40, 8, TODAY))
    assert big[: len(small)] == small
    spec = DatasetSpec(8, TODAY, realism=Imperfections.none())
    alone = dump(customer_records(spec, 4, realism=Imperfections()))
    assert alone == dump([r for r in generate_dataset(5, 8, TODAY) if r.customer == spec.customer_id(4)])
    assert dump(customer_records(spec, 4)) == dump(
        [
            r
            for r in generate_dataset(5, 8, TODAY, realism=Imperfections.none())
            if r.customer == spec.customer_id(4)
        ]
    )


@pytest.mark.parametrize("today", [dt.date(2025, 3, 1), TODAY, dt.date(2027, 6, 30)])
def test_every_flaw_at_once_still_gives_no_errors(today: dt.date) -> None:
    everything = Imperfections(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, CONTENT_FIELDS)
    recs = generate_dataset(150, 4, today, realism=everything)
    errors, warnings = _problems(recs)
    assert errors == []
    if today >= dt.date(2027, 1, 1):
        assert warnings["shall-items"] > 0
    assert "assessment-content" not in warnings
    half = Imperfections(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, CONTENT_FIELDS)
    assert _problems(generate_dataset(150, 5, today, realism=half))[0] == []


def test_a_bad_profile_is_refused() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        Imperfections(missed_review=1.5)
    with pytest.raises(ValueError, match="not an assessment content item"):
        Imperfections(unrecorded_items=("first_names",))
    assert Imperfections.none().clean and not Imperfections().clean
