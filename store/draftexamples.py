"""The examples in a new draft's commented lines, made to fit the draft they are shown in.

The field catalogue's examples describe one imagined customer of Helsinki in spring 2025 (an
assessment on 14.3.2025, a plan from 10.4.2025), and each field's example stands on its own. Shown
together in a draft of another organisation on another day they would mislead, and uncommenting
them would itself be an error. So, in a draft only (the catalogue and the site keep theirs):

- dates are moved so that the example record's own day is today (by months, then days): an example of a
  follow-up still comes after the record, a residence permit before it (dates of birth stay);
  ``d.m.yyyy`` dates in example texts move alike;
- the organisation is the repository's: a municipal organiser or author's organisation is named
  as in ``koto.yaml``, ``home_municipality`` is its code;
- examples that contradict each other are made to agree: a planned plan timing given as a date has
  no reason or justification (those are for a plan not drawn up), a family plan's timing names a
  family plan, a review with obstacles does not also say there were none, a review's switch of
  plan kind names a kind other than the reviewed plan's;
- references point to the customer's own records: ``assessment`` / ``previous_plan`` the newest
  of the customer's assessments / plans; with none to point to, the field is left out of the draft
  (it could not be filled in). ``plan`` of a review is prefilled when there is a plan.

A reference that cannot be right in any draft (``family_members[].customer``, another customer's
id) keeps the catalogue's example: it is the one example the official must replace.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

#: The day of the imagined record each kind's catalogue examples were written around.
_ANCHOR: dict[str, date] = {
    "customer": date(2025, 2, 3),
    "guidance": date(2025, 2, 3),
    "assessment": date(2025, 3, 14),
    "multisectoral-assessment": date(2025, 3, 14),
    "integration-plan": date(2025, 4, 10),
    "multisectoral-plan": date(2025, 4, 10),
    "family-plan": date(2025, 4, 10),
    "review": date(2025, 10, 15),  # the plan's first review; the next one six months on
}
_FIXED_DATES = ("date_of_birth",)  # a person's age is not moved
_ASSESSMENT_KINDS = ("assessment", "multisectoral-assessment")
_PLAN_KINDS = ("integration-plan", "multisectoral-plan", "family-plan")
_TEXT_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_CATALOGUE_CITY = "Helsingin kaupunki"


class _Omit:
    def __repr__(self) -> str:
        return "OMIT"


#: :meth:`DraftExamples.adapt` returns this for a field to leave out of the draft.
OMIT: Any = _Omit()


@dataclass(frozen=True)
class DraftExamples:
    """What a new draft's examples are fitted to: its kind, today, the organisation, the customer's records."""

    kind: str
    today: date
    org_type: str
    org_code: str
    org_name: str
    records: Sequence[Mapping[str, Any]] = field(default_factory=tuple)

    def move(self, day: date) -> date:
        """``day`` moved as the kind's example day is moved to today: by whole months, then by the
        difference of the days of the month (so "six months after the start" stays six months)."""
        anchor = _ANCHOR.get(self.kind, self.today)
        months = (self.today.year - anchor.year) * 12 + self.today.month - anchor.month
        index = day.year * 12 + day.month - 1 + months
        year, month = divmod(index, 12)
        moved = date(year, month + 1, min(day.day, _month_days(year, month + 1)))
        return moved + timedelta(days=self.today.day - anchor.day)

    def adapt(self, top: str, value: Any) -> Any:
        """The example of top-level field ``top`` for this draft, or :data:`OMIT`."""
        if top in ("assessment", "previous_plan", "plan"):
            return self._reference(top, value)
        if top == "home_municipality" and self.org_type == "municipality":
            return self.org_code
        value = self._walk(value, top)
        if top in ("plan_timing", "family_plan_timing") and isinstance(value, dict):
            value = _timing(value, family=top == "family_plan_timing")
        if top == "plan_switch" and isinstance(value, dict):
            return self._switch(value)
        if top == "no_obstacles":
            return False  # the draft's `obstacles` example names obstacles
        return value

    def _newest(self, kinds: Sequence[str]) -> Mapping[str, Any] | None:
        live = [
            r
            for r in self.records
            if r.get("kind") in kinds and not r.get("annulment") and isinstance(r.get("id"), str)
        ]
        return max(live, key=lambda r: (str(r.get("date", "")), str(r.get("id", "")))) if live else None

    def _switch(self, value: dict[str, Any]) -> Any:
        """A review's switch as the rules allow it for the reviewed plan (the newest plan, as
        prefilled): an integration plan switches to a multisectoral one; from any other kind there
        is no switch to show (:data:`OMIT`)."""
        plan = self._newest(_PLAN_KINDS)
        if plan is None:
            return value
        if plan.get("kind") != "integration-plan":
            return OMIT
        return {**value, "to_kind": "multisectoral-plan"}

    def _reference(self, top: str, value: Any) -> Any:
        newest = self._newest(_ASSESSMENT_KINDS if top == "assessment" else _PLAN_KINDS)
        if newest is None:
            return value if top == "plan" else OMIT  # a review needs a plan: the example says which shape
        return newest["id"]

    def _walk(self, value: Any, key: str) -> Any:
        if isinstance(value, dict):
            out = {k: self._walk(v, k) for k, v in value.items()}
            if out.get("type") == "municipality" and "name" in out and self.org_type == "municipality":
                out["name"] = self.org_name
            return out
        if isinstance(value, list):
            return [self._walk(v, key) for v in value]
        if isinstance(value, date):
            return value if key in _FIXED_DATES else self.move(value)
        if isinstance(value, str):
            return self._text(value, key)
        return value

    def _text(self, text: str, key: str) -> str:
        if key not in _FIXED_DATES and len(text) == 10:
            try:
                return self.move(date.fromisoformat(text)).isoformat()
            except ValueError:
                pass
        text = text.replace(_CATALOGUE_CITY, self.org_name)

        def moved(m: re.Match[str]) -> str:
            try:
                day = self.move(date(int(m[3]), int(m[2]), int(m[1])))
            except ValueError:
                return m[0]
            return f"{day.day}.{day.month}.{day.year}"

        return _TEXT_DATE.sub(moved, text)


def _month_days(year: int, month: int) -> int:
    return ((date(year + month // 12, month % 12 + 1, 1)) - date(year, month, 1)).days


def _timing(value: dict[str, Any], *, family: bool) -> dict[str, Any]:
    """A planned timing that agrees with itself: a date only with ``timing: date``, a reason and
    justification only when the plan is not drawn up; a family plan's timing names a family plan."""
    out = dict(value)
    if family and "plan_kind" in out:
        out["plan_kind"] = "family-plan"
    if out.get("timing") != "not-drawn-up":
        out.pop("reason", None)
        out.pop("justification", None)
    if out.get("timing") != "date":
        out.pop("date", None)
    return out
