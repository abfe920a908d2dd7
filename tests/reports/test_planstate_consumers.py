"""One plan state everywhere: the same plan histories go to model.planstate and to every consumer (the
due, completeness and stats reports, the printed plan and review, the dossier), which must agree."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from kototieto.model import planstate as ps
from kototieto.model.records import Record, parse_record
from kototieto.reports.completeness import completeness_report
from kototieto.reports.due import DUE, ENDING, OVERDUE, due_report
from kototieto.reports.stats import stats_report
from kototieto.templates.fmt import format_date
from kototieto.templates.render import render_dossier, render_record
from tests.model import records as R

TODAY = dt.date(2026, 5, 10)


def _customer(n: int) -> dict[str, Any]:
    return R.customer(
        id=f"c-0000000{n}", identifier={"type": "personal-identity-code", "value": "010190-900P"}
    )


def _plan(n: int, suffix: str = "", **over: Any) -> dict[str, Any]:
    return R.plan(
        id=f"pln-0000000{n}{suffix}", customer=f"c-0000000{n}", assessment=f"asm-0000000{n}", **over
    )


def _review(n: int, rid: str, date: str, plan_suffix: str = "", **over: Any) -> dict[str, Any]:
    data = R.review(id=rid, customer=f"c-0000000{n}", plan=f"pln-0000000{n}{plan_suffix}", date=date, **over)
    return {k: v for k, v in data.items() if v is not None}


def histories() -> list[dict[str, Any]]:
    """Nine customers, one history each: every status of model.planstate."""
    out: list[dict[str, Any]] = []
    for n in range(1, 10):
        out += [_customer(n), R.assessment(id=f"asm-0000000{n}", customer=f"c-0000000{n}")]
    period = {"start": "2025-06-01", "end": "2026-05-31"}
    # 1 valid, review due within the window
    out += [_plan(1, period=period), _review(1, "rev-1a", "2025-12-01", next_review="2026-05-20")]
    # 2 extended twice (review 2 ends later); next review overdue
    out += [
        _plan(2, period={"start": "2025-03-01", "end": "2026-02-28"}),
        _review(
            2,
            "rev-2a",
            "2026-01-10",
            next_review="2026-03-01",
            extension={"new_end": "2026-05-31", "ground": "illness-or-injury"},
        ),
        _review(
            2,
            "rev-2b",
            "2026-03-01",
            next_review="2026-05-01",
            extension={"new_end": "2026-08-31", "ground": "illness-or-injury"},
        ),
    ]
    # 3 ended by a review with its ground
    out += [
        _plan(3, period=period),
        _review(
            3,
            "rev-3a",
            "2026-02-01",
            next_review=None,
            plan_ended={"date": "2026-02-15", "ground": "employed"},
        ),
    ]
    # 4 switched and replaced by a multisectoral plan
    out += [
        _plan(4, period=period),
        _review(
            4, "rev-4a", "2025-11-01", next_review="2026-02-01", plan_switch={"to_kind": "multisectoral-plan"}
        ),
        _plan(
            4,
            "m",
            kind="multisectoral-plan",
            previous_plan="pln-00000004",
            date="2025-12-01",
            period={"start": "2025-12-01", "end": "2026-11-30"},
            first_review="2026-05-25",
        ),
    ]
    # 5 referred to the employment authority
    out += [
        _plan(5, period=period),
        _review(
            5, "rev-5a", "2026-01-15", next_review="2026-05-15", employment_referral={"date": "2026-01-15"}
        ),
    ]
    # 6 starts after today; its first review falls in the window
    out += [
        _plan(
            6,
            date="2026-05-01",
            period={"start": "2026-06-01", "end": "2027-05-31"},
            first_review="2026-06-01",
        )
    ]
    # 7 ran out without a review ending it
    out += [_plan(7, period={"start": "2025-01-01", "end": "2025-12-31"}, first_review="2025-06-01")]
    # 8 annulled
    out += [_plan(8, period=period, annulment={"date": "2025-07-01", "reason": "Väärä asiakas."})]
    # 9 a review that ended it was annulled: still valid, ending within the window
    out += [
        _plan(9, period={"start": "2025-06-01", "end": "2026-05-20"}),
        _review(
            9,
            "rev-9a",
            "2026-01-01",
            next_review=None,
            plan_ended={"date": "2026-01-31", "ground": "goals-achieved"},
            annulment={"date": "2026-01-02", "reason": "Väärä suunnitelma."},
        ),
    ]
    return out


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [parse_record(d) for d in histories()]


@pytest.fixture(scope="module")
def states(records: list[Record]) -> dict[str, ps.PlanState]:
    return ps.plan_states(records, today=TODAY)


def test_the_histories_cover_every_status(states: dict[str, ps.PlanState], records: list[Record]) -> None:
    got = {pid: s.status for pid, s in states.items()}
    assert got == {
        "pln-00000001": ps.VALID,
        "pln-00000002": ps.EXTENDED,
        "pln-00000003": ps.ENDED,
        "pln-00000004": ps.SWITCHED,
        "pln-00000004m": ps.VALID,
        "pln-00000005": ps.REFERRED,
        "pln-00000006": ps.NOT_STARTED,
        "pln-00000007": ps.ENDED,
        "pln-00000009": ps.VALID,
    }
    assert ps.plan_states(records, today=TODAY, annulled=True)["pln-00000008"].status == ps.ANNULLED


def test_due_report_agrees(records: list[Record], states: dict[str, ps.PlanState]) -> None:
    report = due_report(records, today=TODAY, days=30)
    horizon = TODAY + dt.timedelta(days=30)
    expected: set[tuple[str, str, dt.date]] = set()
    for pid, s in states.items():
        if not (s.in_force(TODAY) or s.status == ps.NOT_STARTED):
            continue
        if s.next_review is not None and s.next_review <= horizon:
            expected.add((pid, OVERDUE if s.next_review < TODAY else DUE, s.next_review))
        if s.end is not None and TODAY <= s.end <= horizon:
            expected.add((pid, ENDING, s.end))
    assert {(i.plan, i.status, i.date) for i in report.items} == expected
    assert ("pln-00000002", OVERDUE, dt.date(2026, 5, 1)) in expected  # the extended plan's review
    assert ("pln-00000006", DUE, dt.date(2026, 6, 1)) in expected  # a plan starting later
    assert not any(p in ("pln-00000003", "pln-00000007") for p, _, _ in expected)  # ended: nothing due
    assert not any(p == "pln-00000005" and st != ENDING for p, st, _ in expected)  # referred: no review
    assert report.upcoming_plans == sum(1 for s in states.values() if s.status == ps.NOT_STARTED)


def test_stats_report_agrees(records: list[Record], states: dict[str, ps.PlanState]) -> None:
    stats = stats_report(records, today=TODAY)
    grounds = Counter(s.end_ground for s in states.values() if s.ending_review is not None)
    assert stats.ended_by_ground == dict(grounds) == {"employed": 1}
    assert stats.extended == sum(1 for s in states.values() if s.extended) == 1
    assert stats.switched_to == {"multisectoral-plan": 1}


def test_completeness_report_agrees(records: list[Record]) -> None:
    comp = completeness_report(records, since=dt.date(2025, 1, 1), until=TODAY)
    on_until = ps.plan_states(records, today=TODAY)
    assert comp.plan_statuses == {k: v for k, v in Counter(s.status for s in on_until.values()).items()}
    # the ending review of plan 3 needs no next review; an ordinary review without one would
    assert not any(g.id == "rev-3a" and "next_review" in g.missing for g in comp.gaps)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_printed_plan_review_and_dossier_agree(
    records: list[Record], states: dict[str, ps.PlanState], lang: str
) -> None:
    for pid, s in states.items():
        plan = next(r for r in records if r.id == pid)
        mine = [r for r in records if getattr(r, "customer", r.id) == s.customer]
        customer = next(r for r in mine if r.kind == "customer")
        line = s.status_text(lang, format_date)
        html = str(render_record(plan, lang, "html", customer=customer, related=mine, today=TODAY))
        assert line in html, (pid, line)
        for review in (
            r for r in mine if r.kind == "review" and getattr(r, "plan", "") == pid and r.annulment is None
        ):
            text = str(render_record(review, lang, "html", customer=customer, related=mine, today=TODAY))
            assert line in text, (review.id, line)
        if lang == "fi":
            dossier = str(
                render_dossier(customer, [r for r in mine if r is not customer], lang, "html", today=TODAY)
            )
            assert line in dossier
