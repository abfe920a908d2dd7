"""The one plan state (kototieto.model.planstate): every status, the effective end, the next review, time used."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kototieto.model import planstate as ps
from kototieto.model.plan import PlanBase
from kototieto.model.records import parse_record
from kototieto.model.review import Review
from kototieto.model.rules import RuleParams
from tests.model.records import plan as plan_data
from tests.model.records import review as review_data

D = dt.date


def _plan(**over: Any) -> PlanBase:
    rec = parse_record(plan_data(**over))
    assert isinstance(rec, PlanBase)
    return rec


def _review(rid: str, date: str, **over: Any) -> Review:
    data = review_data(id=rid, date=date, **over)
    for key in ("plan_ended", "extension", "plan_switch", "employment_referral"):
        if key not in over:
            data.pop(key, None)
    rec = parse_record(data)
    assert isinstance(rec, Review)
    return rec


def test_valid_plan_with_no_reviews_uses_first_review() -> None:
    s = ps.plan_state(_plan(), today=D(2025, 6, 1))
    assert s.status == ps.VALID
    assert (s.start, s.end, s.planned_end) == (D(2025, 4, 10), D(2026, 4, 9), D(2026, 4, 9))
    assert (s.next_review, s.next_review_estimated) == (D(2025, 10, 10), False)
    assert s.status_text("fi") == "Voimassa 9.4.2026 asti"
    assert s.status_text("sv") == "Gäller till 9.4.2026"
    assert s.status_text("en") == "Valid until 9 April 2026"
    assert s.official == "Aino Testaaja"


def test_latest_extension_sets_the_end_and_the_status_line() -> None:
    revs = [
        _review(
            "rev-a",
            "2025-10-14",
            extension={"new_end": "2026-01-20", "ground": "illness-or-injury"},
            next_review="2026-01-05",
        ),
        _review(
            "rev-b",
            "2026-01-05",
            extension={"new_end": "2026-05-20", "ground": "illness-or-injury"},
            next_review="2026-04-01",
        ),
    ]
    s = ps.plan_state(_plan(period={"start": "2025-03-21", "end": "2025-10-20"}), revs, today=D(2026, 2, 1))
    assert s.status == ps.EXTENDED
    assert (s.end, s.extended_on, s.next_review) == (D(2026, 5, 20), D(2026, 1, 5), D(2026, 4, 1))
    assert s.status_text("fi") == "Voimassa 20.5.2026 asti (pidennetty 5.1.2026)"
    assert s.status_text("sv") == "Gäller till 20.5.2026 (förlängd 5.1.2026)"


def test_ended_plan_has_no_next_review_and_states_its_ground() -> None:
    revs = [
        _review(
            "rev-a",
            "2026-05-14",
            next_review="2026-08-01",
            plan_ended={"date": "2026-05-20", "ground": "in-education"},
        ),
    ]
    longer = _plan(period={"start": "2025-04-10", "end": "2026-06-30"})
    s = ps.plan_state(longer, revs, today=D(2026, 12, 2))
    assert s.status == ps.ENDED
    assert (s.end, s.ended_on, s.end_ground, s.next_review) == (
        D(2026, 5, 20),
        D(2026, 5, 20),
        "in-education",
        None,
    )
    assert s.status_text("fi") == "Päättynyt 20.5.2026: siirtyminen koulutukseen"
    assert s.status_text("en") == "Ended 20 May 2026: moved into education"
    # a review held after the plan ran out records an ending after its end: it ended on its end
    late = ps.plan_state(_plan(), revs, today=D(2026, 12, 2))
    assert (late.end, late.ended_on) == (D(2026, 4, 9), D(2026, 4, 9))
    assert late.status_text("fi") == "Päättynyt 9.4.2026: siirtyminen koulutukseen"
    # an ending recorded ahead of time
    early = ps.plan_state(longer, revs, today=D(2026, 5, 15))
    assert early.status == ps.ENDED and early.next_review is None
    assert early.status_text("fi").startswith("Päättyy 20.5.2026")
    # a review dated after today has not happened yet
    before = ps.plan_state(longer, revs, today=D(2026, 1, 2))
    assert (before.status, before.reviews) == (ps.VALID, ())


def test_ending_earlier_than_the_period_moves_the_end_back() -> None:
    revs = [_review("rev-a", "2025-11-01", plan_ended={"date": "2025-11-30", "ground": "employed"})]
    s = ps.plan_state(_plan(), revs, today=D(2025, 11, 15))
    assert s.end == D(2025, 11, 30) and s.in_force(D(2025, 11, 30)) and not s.in_force(D(2025, 12, 1))


def test_plan_that_ran_out_is_ended_without_ground() -> None:
    s = ps.plan_state(_plan(), today=D(2026, 12, 2))
    assert (s.status, s.ended_on, s.end_ground, s.next_review) == (ps.ENDED, D(2026, 4, 9), None, None)
    assert s.status_text("fi") == "Päättynyt 9.4.2026"
    assert s.ended


def test_annulled_plan_and_annulled_reviews() -> None:
    annulled = _plan(annulment={"date": "2025-05-01", "reason": "Väärä asiakas."})
    s = ps.plan_state(annulled, today=D(2025, 6, 1))
    assert (s.status, s.next_review, s.annulled_on) == (ps.ANNULLED, None, D(2025, 5, 1))
    assert s.status_text("sv") == "Annullerad 1.5.2025"
    bad = _review(
        "rev-a",
        "2025-10-14",
        extension={"new_end": "2026-09-01", "ground": "illness-or-injury"},
        annulment={"date": "2025-10-15", "reason": "Väärä."},
    )
    s2 = ps.plan_state(_plan(), [bad], today=D(2025, 11, 1))
    assert (s2.status, s2.end) == (ps.VALID, D(2026, 4, 9))


def test_switch_and_the_replacing_plan() -> None:
    rev = _review(
        "rev-a", "2025-09-01", plan_switch={"to_kind": "multisectoral-plan"}, next_review="2025-12-01"
    )
    pending = ps.plan_state(_plan(), [rev], today=D(2025, 9, 15))
    assert pending.status == ps.SWITCHED and pending.ended_on is None
    assert pending.next_review == D(2025, 12, 1)
    assert pending.status_text("fi").startswith("Voimassa 9.4.2026 asti; vaihdetaan: monialainen")
    new = _plan(
        id="pln-00000002",
        kind="multisectoral-plan",
        previous_plan="pln-00000001",
        date="2025-10-01",
        period={"start": "2025-10-01", "end": "2026-09-30"},
    )
    done = ps.plan_state(_plan(), [rev], today=D(2025, 11, 1), other_plans=[new])
    assert (done.status, done.ended_on, done.end, done.next_review) == (
        ps.SWITCHED,
        D(2025, 9, 30),
        D(2025, 9, 30),
        None,
    )
    assert done.superseded_by == "pln-00000002"
    assert done.status_text("fi") == "Vaihdettu 30.9.2025: monialainen kotoutumissuunnitelma"
    # the new plan has not started yet: the old one is still in force
    before = ps.plan_state(_plan(), [rev], today=D(2025, 9, 20), other_plans=[new])
    assert before.in_force(D(2025, 9, 20)) and before.next_review == D(2025, 12, 1)


def test_replaced_by_a_plan_of_the_same_kind() -> None:
    new = _plan(
        id="pln-00000002",
        previous_plan="pln-00000001",
        date="2026-01-01",
        period={"start": "2026-01-01", "end": "2026-06-30"},
    )
    s = ps.plan_state(_plan(), today=D(2026, 2, 1), other_plans=[new])
    assert (s.status, s.end_ground, s.ended_on) == (ps.ENDED, ps.REPLACED, D(2025, 12, 31))


def test_referral_to_the_employment_authority_stops_reviews() -> None:
    rev = _review("rev-a", "2025-10-10", next_review="2026-01-10", employment_referral={"date": "2025-10-10"})
    s = ps.plan_state(_plan(), [rev], today=D(2025, 11, 1))
    assert (s.status, s.referred_on, s.next_review) == (ps.REFERRED, D(2025, 10, 10), None)
    assert s.in_force(D(2025, 11, 1))


def test_future_plan_is_not_started_and_has_its_first_review() -> None:
    s = ps.plan_state(_plan(), today=D(2025, 1, 1))
    assert (s.status, s.next_review) == (ps.NOT_STARTED, D(2025, 10, 10))
    assert s.status_text("fi") == "Alkaa 10.4.2025, voimassa 9.4.2026 asti"
    assert not s.in_force(D(2025, 1, 1))


def test_estimated_next_review_and_none_after_the_end() -> None:
    s = ps.plan_state(_plan(first_review=None), today=D(2025, 6, 1))
    assert (s.next_review, s.next_review_estimated) == (D(2025, 10, 10), True)
    short = _plan(first_review=None, period={"start": "2025-04-10", "end": "2025-08-31"})
    assert ps.plan_state(short, today=D(2025, 6, 1)).next_review is None
    off = RuleParams.from_overrides({"review_interval_months": None})
    assert ps.plan_state(_plan(first_review=None), today=D(2025, 6, 1), params=off).next_review is None


def test_time_used_against_the_limits() -> None:
    s = ps.plan_state(_plan(period={"start": "2025-04-10", "end": "2026-06-09"}), today=D(2025, 4, 19))
    assert s.plan_time is not None and s.total_time is not None
    assert s.plan_time.days_used == 10
    assert s.plan_time.limit_end == D(2026, 4, 9)
    assert s.plan_time.over_limit and not s.plan_time.allowed_over
    earlier = _plan(id="pln-00000000", period={"start": "2024-01-01", "end": "2025-04-09"}, date="2024-01-01")
    second = _plan(previous_plan="pln-00000000")
    t = ps.plan_state(second, today=D(2025, 5, 1), other_plans=[earlier])
    assert t.plan_time is None  # not a first plan
    assert t.total_time is not None and t.total_time.start == D(2024, 1, 1)
    assert t.total_time.limit_end == D(2025, 12, 31) and t.total_time.over_limit
    rev = _review("rev-a", "2025-10-14", extension={"new_end": "2026-05-01", "ground": "illness-or-injury"})
    t2 = ps.plan_state(second, [rev], today=D(2025, 11, 1), other_plans=[earlier])
    assert t2.total_time is not None and t2.total_time.allowed_over


def test_plan_states_over_records_ignores_other_customers() -> None:
    mine = _plan()
    other = _plan(id="pln-00000009", customer="c-00000009")
    foreign = _review(
        "rev-x",
        "2025-10-14",
        customer="c-00000009",
        extension={"new_end": "2027-01-01", "ground": "illness-or-injury"},
    )
    states = ps.plan_states([mine, other, foreign], today=D(2025, 11, 1))
    assert set(states) == {"pln-00000001", "pln-00000009"}
    assert states["pln-00000001"].end == D(2026, 4, 9)
    annulled = _plan(id="pln-00000003", annulment={"date": "2025-05-01", "reason": "x"})
    assert "pln-00000003" not in ps.plan_states([annulled], today=D(2025, 11, 1))
    assert (
        ps.plan_states([annulled], today=D(2025, 11, 1), annulled=True)["pln-00000003"].status == ps.ANNULLED
    )


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_status_has_a_label(lang: str) -> None:
    for status in ps.STATUSES:
        assert ps.STATUS_LABELS[status].get(lang)


def test_a_switch_that_ends_the_plan_as_replaced_is_a_switch() -> None:
    rev = _review(
        "rev-a",
        "2025-09-01",
        plan_switch={"to_kind": "multisectoral-plan"},
        plan_ended={"date": "2025-09-01", "ground": "replaced-by-other-plan"},
    )
    s = ps.plan_state(_plan(), [rev], today=D(2025, 10, 1))
    assert (s.status, s.ended_on, s.end, s.next_review) == (ps.SWITCHED, D(2025, 9, 1), D(2025, 9, 1), None)
    assert s.status_text("en") == "Switched 1 September 2025 to: multisectoral integration plan"
