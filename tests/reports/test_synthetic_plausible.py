"""The demo data looks right to an official (issue 13, L12): measures inside the plan's period, goals
after the measures start, the ending's text agrees with its ground, language levels agree with their
descriptions, and measure statuses move on as time passes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kototieto.model import planstate
from kototieto.model.plan import PlanBase
from kototieto.synthetic.generator import generate_dataset
from kototieto.synthetic.phrases import B

TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def records() -> list[Any]:
    return generate_dataset(120, 20261202, TODAY, organisation="905")


def _plans(records: list[Any]) -> list[PlanBase]:
    return [r for r in records if isinstance(r, PlanBase) and r.annulment is None and r.period is not None]


def test_measures_start_within_the_period_and_goals_after_them(records: list[Any]) -> None:
    plans = _plans(records)
    assert len(plans) > 50
    for plan in plans:
        assert plan.period is not None
        starts = [m.start for m in plan.measures if m.start is not None]
        for m in plan.measures:
            if m.start is not None:
                assert plan.period.start <= m.start <= plan.period.end, (plan.id, m)
            if m.end is not None:
                assert m.end <= plan.period.end, (plan.id, m)
        for g in plan.goals:
            if g.target_date is not None and starts:
                assert g.target_date > min(starts), (plan.id, g)


def test_ending_text_agrees_with_its_ground(records: list[Any]) -> None:
    seen = 0
    for r in records:
        ended = getattr(r, "plan_ended", None)
        if ended is None or ended.description is None:
            continue
        bank = B[f"ending_{ended.ground}"]
        texts = {t.split("(")[0] for lang in bank for t in bank[lang]}
        assert any(ended.description.startswith(t) for t in texts), (r.id, ended)
        seen += 1
    assert seen > 5


def test_language_levels_agree_with_descriptions(records: list[Any]) -> None:
    none_texts = {t for key in ("none_fi", "none_sv") for lang in B[key] for t in B[key][lang]}
    unassessed = {t for key in ("unassessed_fi", "unassessed_sv") for lang in B[key] for t in B[key][lang]}
    checked = 0
    for r in records:
        for skills in (getattr(r, "finnish_skills", None), getattr(r, "swedish_skills", None)):
            if skills is None or skills.description is None:
                continue
            if skills.level == "none":
                assert skills.description in none_texts, (r.id, skills)
                checked += 1
            elif skills.level == "not-assessed":
                assert skills.description in unassessed, (r.id, skills)
            else:
                assert skills.description not in none_texts | unassessed, (r.id, skills)
    assert checked > 10


def test_measure_statuses_move_on(records: list[Any]) -> None:
    states = planstate.plan_states(records, today=TODAY)
    ended = [s for s in states.values() if s.status == planstate.ENDED and s.ended_on and s.ended_on < TODAY]
    assert ended
    for s in ended:
        assert all(m.status != "planned" for m in s.plan.measures), s.plan.id
    statuses = {m.status for s in states.values() for m in s.plan.measures}
    assert {"completed", "ongoing"} <= statuses
