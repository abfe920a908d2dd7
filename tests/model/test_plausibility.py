"""Plausibility warnings (review A16): a date far in the future, overlapping plans, a review of an
annulled plan. Pure rules: the day is passed in, never read from a clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kototieto.model.plausibility import future_date, overlapping_plans
from kototieto.model.problems import RULES
from kototieto.model.records import parse_record
from kototieto.model.rules import RuleParams
from kototieto.model.validation import Severity, check_records
from tests.model import records as r

TODAY = dt.date(2026, 12, 2)


def _parsed(*records: dict[str, Any]) -> list[Any]:
    return [parse_record(d) for d in records]


def test_a_date_more_than_31_days_ahead_is_a_warning_naming_both_days() -> None:
    typo = parse_record(r.plan(date="2036-12-02", period={"start": "2026-12-16", "end": "2027-12-15"}))
    (problem,) = future_date(typo, TODAY)
    assert (problem.path, problem.severity, problem.rule) == (("date",), Severity.WARNING, "future-date")
    assert problem.message("fi") == (
        "Päivämäärä 2.12.2036 on yli 31 päivää tämän päivän (2.12.2026) jälkeen. Onko vuosi oikein? "
        "Tarkista päivämäärä."
    )
    assert "Datumet 2.12.2036 ligger mer än 31 dagar efter i dag (2.12.2026)" in problem.message("sv")
    for kind in (r.customer, r.assessment, r.review, r.guidance):
        assert [p.rule for p in future_date(parse_record(kind(date="2036-12-02")), TODAY)] == ["future-date"]


def test_a_date_up_to_the_limit_the_past_and_an_annulled_record_are_not_reported() -> None:
    assert future_date(parse_record(r.plan(date="2027-01-02")), TODAY) == []  # 31 days ahead
    assert [p.rule for p in future_date(parse_record(r.plan(date="2027-01-03")), TODAY)] == ["future-date"]
    assert future_date(parse_record(r.plan(date="2025-04-10")), TODAY) == []
    annulled = r.plan(date="2036-12-02", annulment={"date": "2026-12-02", "reason": "Väärä vuosi."})
    assert future_date(parse_record(annulled), TODAY) == []


def test_the_limit_is_a_rule_parameter() -> None:
    later = parse_record(r.plan(date="2027-03-01"))
    assert future_date(later, TODAY, RuleParams.from_overrides({"future_date_days": 100})) == []
    off = RuleParams.from_overrides({"future_date_days": {"value": 31, "strength": "off"}})
    assert future_date(later, TODAY, off) == []
    strict = RuleParams.from_overrides({"future_date_days": {"value": 31, "strength": "error"}})
    assert [p.severity for p in future_date(later, TODAY, strict)] == [Severity.ERROR]
    assert RULES["future-date"].param == "future_date_days"


SECOND = {"id": "pln-00000002", "date": "2025-04-12"}


def test_a_second_plan_with_an_overlapping_period_warns_on_both_naming_the_other() -> None:
    first = r.plan()  # 10.4.2025-9.4.2026
    second = r.plan(**SECOND, period={"start": "2025-06-01", "end": "2026-05-31"})
    found = [(rid, p) for rid, p in check_records(_parsed(r.customer(), r.assessment(), first, second))]
    overlaps = {rid: p for rid, p in found if p.rule == "overlapping-plans"}
    assert set(overlaps) == {"pln-00000001", "pln-00000002"}
    assert all(p.severity is Severity.WARNING and p.path == ("period",) for p in overlaps.values())
    assert (
        overlaps["pln-00000002"]
        .message("fi")
        .startswith(
            "Asiakkaalla on myös suunnitelma pln-00000001 ajalle 10.4.2025–9.4.2026, ja tämän "
            "suunnitelman kausi 1.6.2025–31.5.2026 on päällekkäin sen kanssa."
        )
    )
    assert "Kunden har också planen pln-00000002 för perioden 1.6.2025–31.5.2026" in overlaps[
        "pln-00000001"
    ].message("sv")


def test_plans_that_follow_replace_end_early_or_are_annulled_do_not_overlap() -> None:
    first = r.plan()
    after = r.plan(**SECOND, period={"start": "2026-04-10", "end": "2027-04-09"})
    assert overlapping_plans(_parsed(first, after)) == []
    replacing = r.plan(
        **SECOND, previous_plan="pln-00000001", period={"start": "2025-10-01", "end": "2026-09-30"}
    )
    third = r.plan(
        id="pln-00000003", previous_plan="pln-00000002", period={"start": "2026-01-01", "end": "2026-12-31"}
    )
    assert overlapping_plans(_parsed(first, replacing, third)) == []  # previous_plan, also further back
    ended = r.review(plan_ended={"date": "2025-09-30", "ground": "employed"})
    overlapping = r.plan(**SECOND, period={"start": "2025-10-01", "end": "2026-09-30"})
    assert overlapping_plans(_parsed(first, ended, overlapping)) == []  # the review ended the first
    assert [rid for rid, _ in overlapping_plans(_parsed(first, overlapping))] == [
        "pln-00000002",
        "pln-00000001",
    ]
    gone = dict(first, annulment={"date": "2025-05-01", "reason": "Kirjattu kahdesti."})
    assert overlapping_plans(_parsed(gone, overlapping)) == []
    family = r.plan(**SECOND, kind="family-plan", family_members=[{"name": "O", "relation": "child"}])
    assert overlapping_plans(_parsed(first, family)) == []  # a family plan is its own line


def test_a_review_of_an_annulled_plan_is_a_warning_on_the_review() -> None:
    annulled = r.plan(annulment={"date": "2026-01-01", "reason": "Kirjattu väärälle asiakkaalle."})
    found = check_records(_parsed(r.customer(), r.assessment(), annulled, r.review()))
    (problem,) = [p for rid, p in found if rid == "rev-00000001"]
    assert (problem.rule, problem.severity, problem.path) == (
        "record-references",
        Severity.WARNING,
        ("plan",),
    )
    assert "pln-00000001" in problem.message("fi") and "mitätöity" in problem.message("fi")


def test_the_plan_time_information_names_the_extension_ground_by_its_label() -> None:
    """Review, also noticed: the total-plan-time line said `peruste: illness-or-injury`."""
    extension = r.review(extension={"new_end": "2027-06-30", "ground": "literacy-training"})
    second = r.plan(
        **SECOND, previous_plan="pln-00000001", period={"start": "2026-04-10", "end": "2027-06-30"}
    )
    found = check_records(_parsed(r.customer(), r.assessment(), r.plan(), second, extension))
    lines = [p for _, p in found if p.rule == "total-plan-time"]
    assert len(lines) == 2
    for problem in lines:
        assert "literacy-training" not in problem.message("fi") + problem.message("sv") + problem.message(
            "en"
        )
    assert "(peruste: Lukutaitokoulutus, tarkistus 10.10.2025)" in lines[1].message("fi")
    assert "(Utbildning i läs- och skrivfärdigheter)" in lines[0].message("sv")
