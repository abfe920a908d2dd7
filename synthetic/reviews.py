"""A synthetic plan's life: the plan record, its reviews, and how it ends.

Reviews follow every four to six months (each ``next_review`` at most 180 days ahead, within the
6-month review interval), except for the deliberate imperfections of ``synthetic_realism``: a
review held late or missed, a next review or first review planned beyond the interval. At the last review before the plan's end the plan is extended (with a
ground; beyond the 24-month total only for literacy training) or ends. Earlier reviews may end the
plan (employment, education, moving away), hand the customer to the employment authority, or
switch an integration plan to a multisectoral one: then a multisectoral assessment and plan
follow, the new plan naming the old one as ``previous_plan``. Between the municipality's reviews
of a multisectoral plan the wellbeing services county records its own reviews, which change only
services the county organises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kototieto.model.rules import add_months, months_limit_end
from kototieto.synthetic.records import (
    LEVELS,
    Writer,
    county_change,
    municipal_change,
    new_needs,
    settle_measures,
)

if TYPE_CHECKING:
    from kototieto.synthetic.life import Life

Data = dict[str, Any]


@dataclass
class PlanState:
    """The plan under review: its id and kind, its current end, and the customer's 24-month cap."""

    id: str
    kind: str
    end: dt.date
    cap: dt.date
    switched: bool


def plan_cycle(
    life: Life, kind: str, day: dt.date, assessment: str, previous: str | None, first_start: dt.date
) -> None:
    """Draw up a plan starting on ``day`` and review it until it ends or ``today`` is reached; its
    measures' statuses then say where they stand on today or on the day the plan ended."""
    before = len(life.records)
    plan = _plan_cycle(life, kind, day, assessment, previous, first_start)
    ended_on: dt.date | None = None
    for data in life.records[before:]:
        if data.get("kind") == "review" and data.get("plan") == plan.id and "plan_ended" in data:
            ended_on = dt.date.fromisoformat(data["plan_ended"]["date"])
    ended = ended_on is not None and ended_on <= life.today
    until = min(life.today, ended_on) if ended_on is not None and ended else min(life.today, plan.end)
    ended = ended or plan.end < life.today
    record = next(d for d in life.records[before:] if d.get("id") == plan.id)
    settle_measures(record["measures"], until, ended)


def _plan_cycle(
    life: Life, kind: str, day: dt.date, assessment: str, previous: str | None, first_start: dt.date
) -> PlanState:
    rng = life.rng
    cap = months_limit_end(first_start, 24)
    if previous is None:  # a first plan: 6-12 months (at most 12)
        end = add_months(day, rng.randint(6, 12)) - dt.timedelta(days=1)
    else:  # a later plan: 12 months, within the customer's 24 months
        end = min(add_months(day, 12) - dt.timedelta(days=1), cap)
    flaws = life.flaws
    first_review = flaws.first_review(day, day + dt.timedelta(days=rng.randint(80, 175)), end)
    missed = flaws.missed_review()
    plan = PlanState(
        life.plan(kind, day, day, end, assessment, previous, first_review),
        kind,
        end,
        cap,
        previous is not None,
    )
    due, last, first = first_review, day, True
    while True:
        review_day = due - dt.timedelta(days=rng.randint(0, 10))
        delay = flaws.review_delay()
        if delay:
            review_day = due + delay
        if review_day > life.today or review_day <= last or flaws.is_missed(missed, review_day, life.today):
            return plan
        if kind == "multisectoral-plan" and life.county_official is not None and rng.random() < 0.5:
            middle = last + dt.timedelta(days=max(1, (review_day - last).days // 2))
            if last < middle < review_day:
                county_review(life, plan.id, middle, review_day)
        data, outcome = review(life, plan, review_day, first)
        life.records.append(data)
        if outcome == "switch":
            switch(life, review_day, plan.id, first_start)
        if "plan_ended" in data or "employment_referral" in data:
            return plan
        due = dt.date.fromisoformat(data["next_review"])
        last, first = review_day, False


def _outcome(life: Life, plan: PlanState, review_day: dt.date, first: bool) -> str | None:
    roll = life.rng.random()
    if (plan.end - review_day).days <= 45:
        return "extend" if roll < 0.35 else "end"
    if not first and roll < 0.07:
        return "end-early"
    if not first and roll < 0.11:
        return "jobseeker"
    if not plan.switched and plan.kind == "integration-plan" and life.org.county is not None and roll < 0.15:
        return "switch"
    return None


def review(life: Life, plan: PlanState, review_day: dt.date, first: bool) -> tuple[Data, str | None]:
    """One municipal review of ``plan`` and what it decided (None: the plan goes on)."""
    rng, person = life.rng, life.person
    person.level = min(person.level + rng.choice((0, 1, 1)), len(LEVELS) - 1)
    official = life.official()
    w = life.writer(official)
    data = life.base("review", "rev", review_day, [official])
    data["plan"], data["plan_kind"] = plan.id, plan.kind
    status = rng.choices(("participated", "partly", "not-participated"), weights=(70, 25, 5))[0]
    data["participation"] = {"status": status, "description": w.say("participation")}
    data["progress"] = w.some("progress", 1, 2)
    data["obstacles"] = w.say("obstacles" if rng.random() < 0.4 else "no_obstacles")
    data["new_service_needs"] = new_needs(w)
    data["changes"] = [municipal_change(w, w.ctx["org"]) for _ in range(rng.choice((0, 0, 1, 1, 2)))]
    outcome = _outcome(life, plan, review_day, first)
    if outcome == "extend" and not _extend(w, plan, data, person.low_literacy):
        outcome = "end"
    ended = _ending(life, w, plan, review_day, outcome, data)
    if outcome is None and plan.kind != "family-plan" and person.children and rng.random() < 0.03:
        data["family_plan_agreed"] = {
            "planned_date": (review_day + dt.timedelta(days=rng.randint(30, 90))).isoformat(),
            "description": w.say("family_agreement"),
        }
    if rng.random() < 0.03:
        data["other_data"] = w.other_data()
    if ended is not None:
        data["plan_ended"] = ended
    elif "employment_referral" not in data:  # referred: the municipality plans no next review
        nxt = review_day + dt.timedelta(days=rng.randint(120, 180))
        if nxt >= plan.end - dt.timedelta(days=14):  # review once more just before the end
            nxt = max(plan.end - dt.timedelta(days=rng.randint(0, 10)), review_day + dt.timedelta(days=30))
            nxt = min(nxt, review_day + dt.timedelta(days=180))
        data["next_review"] = life.flaws.next_review(review_day, nxt).isoformat()
    return data, outcome


def _extend(w: Writer, plan: PlanState, data: Data, low_literacy: bool) -> bool:
    """Extend the plan by 3-6 months; False when the 24-month cap leaves no room."""
    new_end = add_months(plan.end, w.rng.randint(3, 6))
    if not low_literacy:
        new_end = min(new_end, plan.cap)
    if new_end <= plan.end + dt.timedelta(days=30) or new_end <= dt.date.fromisoformat(data["date"]):
        return False
    ground = (
        "literacy-training"
        if low_literacy
        else w.rng.choice(("illness-or-injury", "family-leave", "interrupted-services"))
    )
    data["extension"] = {"new_end": new_end.isoformat(), "ground": ground, "description": w.say("extension")}
    plan.end = new_end
    return True


def _ending(
    life: Life, w: Writer, plan: PlanState, review_day: dt.date, outcome: str | None, data: Data
) -> Data | None:
    rng = life.rng
    if outcome == "end":
        ground = rng.choices(
            ("goals-achieved", "maximum-duration-reached", "employed", "in-education"), weights=(4, 3, 2, 2)
        )[0]
        return {
            "date": max(plan.end, review_day).isoformat(),
            "ground": ground,
            "description": w.say(f"ending_{ground}"),  # the text agrees with the ground
        }
    if outcome == "end-early":
        ground = rng.choice(("employed", "in-education", "moved-municipality", "customer-discontinued"))
        day = min(plan.end, review_day + dt.timedelta(days=rng.randint(0, 30)))
        return {"date": day.isoformat(), "ground": ground, "description": w.say(f"ending_{ground}")}
    if outcome == "jobseeker":  # the plan goes on; the employment authority reviews it (D3.15)
        data["employment_referral"] = {"date": review_day.isoformat(), "reason": w.say("employment_referral")}
        life.jobseeker = True
        return None
    if outcome == "switch":
        data["plan_switch"] = {"to_kind": "multisectoral-plan", "description": w.say("switch")}
        return {"date": review_day.isoformat(), "ground": "replaced-by-other-plan"}
    return None


def switch(life: Life, day: dt.date, previous: str, first_start: dt.date) -> None:
    """After a switch: a multisectoral assessment and, if there is time left, the new plan."""
    asm_day = day + dt.timedelta(days=life.rng.randint(7, 30))
    if asm_day > life.today:
        return
    plan_day = asm_day + dt.timedelta(days=life.rng.randint(5, 20))
    timing: Data = {"plan_kind": "multisectoral-plan", "timing": "date", "date": plan_day.isoformat()}
    asm = life.assessment(asm_day, True, timing=timing)
    if plan_day <= life.today and (months_limit_end(first_start, 24) - plan_day).days > 90:
        plan_cycle(life, "multisectoral-plan", plan_day, asm, previous, first_start)


def county_review(life: Life, plan_id: str, day: dt.date, next_review: dt.date) -> None:
    """The county's own review: only changes to services the county organises."""
    assert life.county_official is not None and life.org.county_name is not None
    official = life.county_official
    w = life.writer(official)
    data = life.base("review", "rev", day, [official], county=True)
    data["plan"], data["plan_kind"] = plan_id, "multisectoral-plan"
    data["next_review"] = next_review.isoformat()
    data["participation"] = {"status": "participated", "description": w.say("participation")}
    data["progress"] = w.say("progress")
    data["obstacles"] = w.say("obstacles" if life.rng.random() < 0.3 else "no_obstacles")
    data["new_service_needs"] = new_needs(w)
    county_name = life.org.local_county(w.lang) or life.org.county_name
    data["changes"] = [county_change(w, county_name) for _ in range(life.rng.randint(1, 2))]
    life.records.append(data)
