"""What happened to each plan, read from the plan and the reviews that refer to it.

Shared by the ``due`` and ``stats`` reports so they agree on every plan's state. Only records that
are not annulled count (an annulled review never extended anything). Definitions:

- *reviews*: the plan's reviews (``review.plan == plan.id``), oldest first;
- *end*: the plan's ``period.end``, moved to the latest extension's ``new_end``; a review that ends
  the plan (``plan_ended``) ends it on that date if that is earlier;
- *superseded*: a later plan of the same customer names it as ``previous_plan``;
- *next review*: the last review's ``next_review``; with no review, the plan's ``first_review``;
  when neither is written, start (or last review) + ``review_interval_months`` (``estimated``);
- *responsible official*: the first ``drawn_up_by`` name of the last review, or of the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kototieto.model.plan import FamilyPlan, IntegrationPlan, MultisectoralPlan
from kototieto.model.records import Plan, Record
from kototieto.model.review import Review
from kototieto.model.rules import RuleParams, add_months


@dataclass
class PlanState:
    plan: Plan
    reviews: list[Review] = field(default_factory=list)
    superseded_by: str | None = None

    @property
    def start(self) -> dt.date:
        return self.plan.period.start if self.plan.period is not None else self.plan.date

    @property
    def ended(self) -> Review | None:
        """The review that ended the plan (the earliest one), if any."""
        ends = [r for r in self.reviews if r.plan_ended is not None]
        return ends[0] if ends else None

    @property
    def extensions(self) -> list[Review]:
        return [r for r in self.reviews if r.extension is not None]

    @property
    def switches(self) -> list[Review]:
        return [r for r in self.reviews if r.plan_switch is not None]

    @property
    def end(self) -> dt.date | None:
        end = self.plan.period.end if self.plan.period is not None else None
        for r in self.extensions:
            assert r.extension is not None
            if end is None or r.extension.new_end > end:
                end = r.extension.new_end
        ended = self.ended
        if (
            ended is not None
            and ended.plan_ended is not None
            and (end is None or ended.plan_ended.date < end)
        ):
            end = ended.plan_ended.date
        return end

    def active_on(self, day: dt.date) -> bool:
        """In force on ``day``: started, not past its end, not superseded by a later plan."""
        if self.superseded_by is not None or self.start > day:
            return False
        end = self.end
        return end is None or end >= day

    def next_review(self, params: RuleParams) -> tuple[dt.date | None, bool]:
        """(date of the next review, estimated?) as defined in the module docstring."""
        if self.reviews:
            last = self.reviews[-1]
            if last.next_review is not None:
                return last.next_review, False
            base = last.date
        else:
            if self.plan.first_review is not None:
                return self.plan.first_review, False
            base = self.start
        months = params.int_value("review_interval_months")
        return (add_months(base, months), True) if months else (None, True)

    @property
    def official(self) -> str:
        source = self.reviews[-1] if self.reviews else self.plan
        people = source.drawn_up_by
        return people[0].name if people else ""


def plan_states(records: Iterable[Record]) -> dict[str, PlanState]:
    """plan id -> its state, from records that are *not* annulled (the caller filters)."""
    plans: dict[str, PlanState] = {}
    reviews: list[Review] = []
    for r in records:
        if isinstance(r, IntegrationPlan | MultisectoralPlan | FamilyPlan):
            plans[r.id] = PlanState(r)
        elif isinstance(r, Review):
            reviews.append(r)
    for rev in sorted(reviews, key=lambda x: (x.date, x.id)):
        state = plans.get(rev.plan)
        if state is not None and rev.customer == state.plan.customer:
            state.reviews.append(rev)
    for state in plans.values():
        prev = state.plan.previous_plan
        if prev is not None and prev in plans and plans[prev].plan.customer == state.plan.customer:
            older = plans[prev]
            if older.superseded_by is None or state.plan.date < plans[older.superseded_by].plan.date:
                older.superseded_by = state.plan.id
    return plans
