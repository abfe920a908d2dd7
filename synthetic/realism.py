"""Deliberate imperfections of synthetic data: late and missing reviews, gaps, slow starts.

Real pilot data is not perfect: officials hold a review weeks late or not at all, plan the next
review eight months ahead, leave an assessment item unrecorded, or the first service of a plan
starts only after six months. ``Imperfections`` says how often each happens; ``Flaws`` draws them
for one customer.

Invariants and trade-offs:

* Every imperfection is a *warning* at worst, never an error: dates stay in order (a review after
  the plan it reviews, a measure ending after it starts, an extension ending after its review),
  and the flaws touch nothing the cross-record rules check (plan periods, references, the
  customer's residence permit). ``validate_data(...).ok`` holds for every record and
  ``check_records`` reports no error.
* The flaws draw from their own generator, seeded with (seed, customer index): the main generator
  draws exactly as without flaws, so ``Imperfections.none()`` gives the same records as a
  generator without this module, and with flaws a customer's data only differs where a flaw
  changed it (or what follows from it: a review held late moves the later reviews).
* A rate is a probability per opportunity (per plan, per review, per assessment item), not an exact
  share: the measured shares are a little lower, because a flaw is skipped when the plan leaves
  no room for it (a late first review only when the plan lasts past the 6-month interval).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, fields
from typing import Any

from kototieto.model.record_rules import CONTENT_FIELDS
from kototieto.model.rules import months_limit_end

__all__ = ["DEFAULT_REALISM", "Flaws", "Imperfections"]

#: The review interval and the service-start deadline the flaws step over (the rules' defaults).
INTERVAL_MONTHS = 6
#: A review missed by a ``missed_review`` plan came due within this many days before ``today``.
MISSED_WINDOW_DAYS = 150


@dataclass(frozen=True, slots=True)
class Imperfections:
    """How often each deliberate imperfection happens (probabilities 0..1).

    - ``missed_review``: per plan; the review that came due in the last ``MISSED_WINDOW_DAYS``
      days before ``today`` was not held, so ``koto report due`` shows it overdue (and a plan that
      ran out in that window has no closing review);
    - ``late_review``: per review; it is held 2-10 weeks after its planned date, or, if that is
      after ``today``, not yet (overdue);
    - ``long_review_interval``: per review that plans a next one; it is planned up to 10 weeks
      beyond the 6-month interval (warning ``review-next-date``);
    - ``late_first_review``: per plan; the first review is planned up to 7 weeks beyond 6 months
      after the start, before the plan's end (warning ``first-review-deadline``; not for plans of
      6 months);
    - ``late_services``: per plan; no service starts within 6 months of the start (warning
      ``measure-dates``; not for plans shorter than about 7 months);
    - ``unrecorded_item``: per assessment and item of ``unrecorded_items`` ('shall' content
      items); the item is left out (``koto report completeness`` shows it; from 1.1.2027 a
      ``shall-items`` warning). The skills of the language the customer integrates in are
      always recorded.
    """

    missed_review: float = 0.2
    late_review: float = 0.08
    long_review_interval: float = 0.05
    late_first_review: float = 0.06
    late_services: float = 0.05
    unrecorded_item: float = 0.10
    unrecorded_items: tuple[str, ...] = ("swedish_skills", "civic_participation", "society_knowledge")

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, float | int) and not 0 <= value <= 1:
                raise ValueError(f"Imperfections.{f.name} must be between 0 and 1, not {value!r}")
        unknown = [name for name in self.unrecorded_items if name not in CONTENT_FIELDS]
        if unknown:
            raise ValueError(
                f"Imperfections.unrecorded_items: {', '.join(unknown)} is not an assessment content "
                f"item (known: {', '.join(CONTENT_FIELDS)})"
            )

    @classmethod
    def none(cls) -> Imperfections:
        """Perfectly clean data: every review on time, nothing missing, no warnings."""
        return cls(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, ())

    @property
    def clean(self) -> bool:
        return not (
            self.missed_review
            or self.late_review
            or self.long_review_interval
            or self.late_first_review
            or self.late_services
            or (self.unrecorded_item and self.unrecorded_items)
        )


#: The default profile: a small, realistic share of everything.
DEFAULT_REALISM = Imperfections()


def _after_interval(day: dt.date) -> dt.date:
    """The first day that is beyond the 6-month interval from ``day`` (the rules warn from it)."""
    return months_limit_end(day, INTERVAL_MONTHS) + dt.timedelta(days=2)


class Flaws:
    """One customer's imperfections, drawn from a generator of their own."""

    def __init__(self, profile: Imperfections, seed: int, index: int) -> None:
        self.profile = profile
        self.rng = random.Random(f"kototieto-synthetic-flaws:{seed}:{index}") if not profile.clean else None

    def _chance(self, rate: float) -> bool:
        return self.rng is not None and rate > 0 and self.rng.random() < rate

    def missed_review(self) -> bool:
        """Is this plan's review due just before ``today`` missed? (drawn once per plan)"""
        return self._chance(self.profile.missed_review)

    def is_missed(self, missed: bool, review_day: dt.date, today: dt.date) -> bool:
        return missed and (today - review_day).days < MISSED_WINDOW_DAYS

    def review_delay(self) -> dt.timedelta:
        """How late a review is held after its planned date (zero: on time). A review held after
        the plan's end ends or extends it then (an extension then ends after the review)."""
        if not self._chance(self.profile.late_review):
            return dt.timedelta(0)
        assert self.rng is not None
        return dt.timedelta(days=self.rng.randint(14, 70))

    def _beyond(self, day: dt.date, latest: dt.date, most: int) -> dt.date | None:
        """A day 0..``most`` days beyond the interval from ``day``, at the latest ``latest``."""
        assert self.rng is not None
        first = _after_interval(day)
        room = (latest - first).days
        return first + dt.timedelta(days=self.rng.randint(0, min(most, room))) if room >= 0 else None

    def next_review(self, review_day: dt.date, planned: dt.date) -> dt.date:
        """``planned``, or now and then a date beyond the interval (even past the plan's end: the
        plan then runs out before its next review)."""
        if not self._chance(self.profile.long_review_interval):
            return planned
        return self._beyond(review_day, review_day + dt.timedelta(days=270), 70) or planned

    def first_review(self, start: dt.date, planned: dt.date, plan_end: dt.date) -> dt.date:
        """``planned``, or now and then a first review beyond 6 months from the plan's start (but
        before its end: a 6-month plan keeps ``planned``)."""
        if not self._chance(self.profile.late_first_review):
            return planned
        return self._beyond(start, plan_end - dt.timedelta(days=7), 50) or planned

    def delay_services(self, measures: list[dict[str, Any]], start: dt.date, end: dt.date) -> None:
        """Now and then move every measure so that none starts within 6 months of ``start``."""
        if not measures or not self._chance(self.profile.late_services):
            return
        assert self.rng is not None
        starts = [dt.date.fromisoformat(m["start"]) for m in measures if "start" in m]
        if not starts:
            return
        last_start = end - dt.timedelta(days=14)
        first = self._beyond(start, last_start, 40)
        if first is None:
            return
        shift = first - min(starts)
        for m in measures:
            if "start" not in m:
                continue
            m_start = min(dt.date.fromisoformat(m["start"]) + shift, last_start)
            m["start"] = m_start.isoformat()
            if "end" in m:
                m_end = min(dt.date.fromisoformat(m["end"]) + shift, end)
                if m_end > m_start:
                    m["end"] = m_end.isoformat()
                else:
                    del m["end"]

    def unrecorded(self, data: dict[str, Any], target_lang: str) -> None:
        """Leave out some 'shall' content items of an assessment (never the target language's skills)."""
        profile = self.profile
        if self.rng is None or not profile.unrecorded_item:
            return
        keep = "swedish_skills" if target_lang == "sv" else "finnish_skills"
        for name in profile.unrecorded_items:
            if self.rng.random() < profile.unrecorded_item and name != keep:
                data.pop(name, None)
