"""A plan's state, computed in one place from the plan and its reviews: pure, no I/O.

Every part of kototieto that says what became of a plan (the printed plan, review and dossier,
the ``due``, ``completeness`` and ``stats`` reports, the site's figures, the demo, the duration
rules) reads :func:`plan_state` or :func:`plan_states`, so they never disagree.

Inputs: the plan, its reviews (``review.plan == plan.id``, same customer; annulled reviews are
ignored: an annulled review never extended or ended anything; reviews dated after ``today`` have
not happened yet and are ignored too, so a report "as on" an earlier day sees that day's state),
the customer's other plans (for supersession and the total time; plans dated after ``today`` are
ignored), ``today`` and the rule parameters. The plan's own annulment
(``plan.annulment``) makes it :data:`ANNULLED` whatever its reviews say.

Definitions (all dates inclusive):

- *start*: ``period.start``, or the plan's ``date`` when it has no period.
- *planned end*: ``period.end`` as written in the plan.
- *effective end*: the latest extension's ``new_end`` (the extension with the latest review date;
  an extension never shortens: the latest of ``period.end`` and every ``new_end``); then cut to the
  recorded ending (``plan_ended.date``) if that is earlier; then cut to the day before the start of
  a later plan that names this one as ``previous_plan`` (*superseded*), once that plan has started.
- *status* on ``today``, the first that applies:
  :data:`ANNULLED` (the plan is annulled);
  :data:`SWITCHED` when a review records ``plan_ended`` with ground ``replaced-by-other-plan`` and
  the plan was switched (a ``plan_switch``, or a successor of another kind): ``ended_on`` is that
  ending's date;
  :data:`ENDED` (a review records ``plan_ended``: ``ended_on`` (never after the effective end: a
  review held after the plan ran out does not prolong it) and its ``ground``; or the plan was
  superseded by a later plan of the same kind: ground ``replaced-by-other-plan``; or ``today`` is
  past the effective end: ground ``None``, it simply ran out);
  :data:`SWITCHED` (a review records ``plan_switch``, or the plan was superseded by a plan of another
  kind: ``switched_to`` and, once the new plan has started, ``ended_on``);
  :data:`REFERRED` (a review records ``employment_referral``: the employment authority is responsible
  from ``referred_on``);
  :data:`NOT_STARTED` (its start is after ``today``);
  :data:`EXTENDED` (a review extended it: ``extended_on`` is the latest extension's review date);
  :data:`VALID`.
- *next review*: ``None`` when the plan is annulled, ended (recorded, superseded or run out), switched
  and replaced, or referred to the employment authority. Otherwise the last review's
  ``next_review``; with no review, the plan's ``first_review``; when neither is written, start (or
  the last review) + ``review_interval_months`` (``next_review_estimated``). A next review that falls
  after the effective end is not due (the end is what is due then) and is ``None``.
- *time used*: :class:`TimeUsed`, against the limits of the plan's kind (``rules.plan_limits``): a
  first integration plan (no ``previous_plan``) against ``first_plan_max_months`` (an extension
  ground never allows it over), and the customer's integration plans together against
  ``total_plan_max_months``, counted from the earliest start of the customer's plans *of the same
  kind* that are not annulled to this plan's effective end (a family plan counts toward no
  individual's total; the multisectoral and family limits are off by default).
  ``allowed_over`` (total only) is true when the plan or a review records an extension ground.
- *responsible official*: the first ``drawn_up_by`` name of the last review, or of the plan.

:meth:`PlanState.status_text` gives the one status line printed next to the period, in fi/sv/en:
"Voimassa 20.5.2026 asti (pidennetty 14.10.2025)", "Päättynyt 20.5.2026: siirtyminen koulutukseen".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kototieto.model.codes import code_list
from kototieto.model.plan import PlanBase
from kototieto.model.review import Review
from kototieto.model.rules import RuleParams, add_months, months_limit_end, plan_limits
from kototieto.model.text import T, Text

NOT_STARTED = "not-started"
VALID = "valid"
EXTENDED = "extended"
SWITCHED = "switched"
REFERRED = "referred"
ENDED = "ended"
ANNULLED = "annulled"
STATUSES: tuple[str, ...] = (NOT_STARTED, VALID, EXTENDED, SWITCHED, REFERRED, ENDED, ANNULLED)

#: Ground of an ending when a later plan of the same kind replaced this one (code list value).
REPLACED = "replaced-by-other-plan"

STATUS_LABELS: dict[str, Text] = {
    NOT_STARTED: T("Ei vielä alkanut", "Har inte börjat", "Not started"),
    VALID: T("Voimassa", "Gäller", "Valid"),
    EXTENDED: T("Pidennetty", "Förlängd", "Extended"),
    SWITCHED: T("Vaihdettu", "Bytt", "Switched"),
    REFERRED: T("Työvoimaviranomaiselle", "Till arbetskraftsmyndigheten", "To the employment authority"),
    ENDED: T("Päättynyt", "Upphört", "Ended"),
    ANNULLED: T("Mitätöity", "Annullerad", "Annulled"),
}

_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

DateFormat = Callable[[dt.date, str], str]


def default_date(day: dt.date, lang: str) -> str:
    """d.m.yyyy in Finnish and Swedish, "1 March 2026" in English (the documents' style)."""
    if lang == "en":
        return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


@dataclass(frozen=True)
class TimeUsed:
    """Time against one limit: ``limit_end`` is the last allowed day (``None``: no limit set)."""

    limit: str  # the rule parameter: first_plan_max_months or total_plan_max_months
    start: dt.date
    end: dt.date | None  # the effective end (of this plan, or the latest of the customer's plans)
    days_used: int  # start .. min(today, end), 0 before the start
    days_planned: int | None  # start .. end
    limit_months: int | None
    limit_end: dt.date | None
    allowed_over: bool  # an extension ground is recorded

    @property
    def over_limit(self) -> bool:
        """The end is past the last allowed day (whether or not an extension ground allows it)."""
        return self.limit_end is not None and self.end is not None and self.end > self.limit_end

    @property
    def days_left(self) -> int | None:
        """Days from the end of the used time to the limit's last day (negative: over)."""
        if self.limit_end is None:
            return None
        used_to = self.start + dt.timedelta(days=self.days_used - 1)
        return (self.limit_end - used_to).days

    def to_json(self) -> dict[str, Any]:
        return {
            "limit": self.limit,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "days_used": self.days_used,
            "days_planned": self.days_planned,
            "limit_months": self.limit_months,
            "limit_end": self.limit_end.isoformat() if self.limit_end else None,
            "over_limit": self.over_limit,
            "allowed_over": self.allowed_over,
        }


@dataclass(frozen=True)
class PlanState:
    """What became of one plan by ``today`` (see the module docstring for every definition)."""

    plan: PlanBase
    today: dt.date
    status: str
    start: dt.date
    planned_end: dt.date | None
    end: dt.date | None  # the effective end
    reviews: tuple[Review, ...] = ()
    extended_on: dt.date | None = None
    extension_ground: str | None = None
    ended_on: dt.date | None = None
    end_ground: str | None = None
    ending_review: Review | None = None
    switched_to: str | None = None
    switched_on: dt.date | None = None
    referred_on: dt.date | None = None
    annulled_on: dt.date | None = None
    superseded_by: str | None = None
    next_review: dt.date | None = None
    next_review_estimated: bool = False
    official: str = ""
    plan_time: TimeUsed | None = None
    total_time: TimeUsed | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def plan_id(self) -> str:
        return self.plan.id

    @property
    def kind(self) -> str:
        return str(getattr(self.plan, "kind", ""))

    @property
    def customer(self) -> str:
        return self.plan.customer

    @property
    def extensions(self) -> tuple[Review, ...]:
        return tuple(r for r in self.reviews if r.extension is not None)

    @property
    def switches(self) -> tuple[Review, ...]:
        return tuple(r for r in self.reviews if r.plan_switch is not None)

    @property
    def extended(self) -> bool:
        return bool(self.extensions)

    @property
    def ended(self) -> bool:
        """No longer in force, whatever the reason (ended, replaced, annulled)."""
        return not self.in_force(self.today) and self.status != NOT_STARTED

    @property
    def reviews_due(self) -> bool:
        """The municipality (or county) still reviews this plan: it has a next review."""
        return self.next_review is not None

    def in_force(self, day: dt.date) -> bool:
        """In force on ``day``: not annulled, started, not past its effective end."""
        if self.status == ANNULLED or self.start > day:
            return False
        return self.end is None or self.end >= day

    def status_text(self, lang: str = "fi", date_format: DateFormat = default_date) -> str:
        """The status line printed next to the plan's period, in ``lang``."""

        def d(day: dt.date | None) -> str:
            return date_format(day, lang) if day is not None else "?"

        if self.status == ANNULLED:
            return (
                T("Mitätöity {a}", "Annullerad {a}", "Annulled {a}").format(a=d(self.annulled_on)).get(lang)
            )
        if self.status == ENDED:
            past = self.ended_on is not None and self.ended_on <= self.today
            head = (T("Päättynyt", "Upphörde", "Ended") if past else T("Päättyy", "Upphör", "Ends")).get(lang)
            text = f"{head} {d(self.ended_on)}"
            if self.end_ground:
                ground = code_list("plan-ending-ground").value_label(self.end_ground, lang)
                text += f": {_lower_first(ground)}"
            return text
        if self.status == SWITCHED:
            kind = _lower_first(_kind_label(self.switched_to or "", lang))
            if self.ended_on is not None:
                return (
                    T("Vaihdettu {d}: {k}", "Bytt {d} till: {k}", "Switched {d} to: {k}")
                    .format(d=d(self.ended_on), k=kind)
                    .get(lang)
                )
            return (
                T(
                    "Voimassa {e} asti; vaihdetaan: {k} (päätetty {d})",
                    "Gäller till {e}; byts till: {k} (beslutat {d})",
                    "Valid until {e}; to be switched to: {k} (decided {d})",
                )
                .format(e=d(self.end), k=kind, d=d(self.switched_on))
                .get(lang)
            )
        if self.status == REFERRED:
            return (
                T(
                    "Ohjattu työvoimaviranomaisen palveluihin {d}",
                    "Hänvisad till arbetskraftsmyndighetens tjänster {d}",
                    "Referred to the employment authority {d}",
                )
                .format(d=d(self.referred_on))
                .get(lang)
            )
        if self.status == NOT_STARTED:
            return (
                T(
                    "Alkaa {s}, voimassa {e} asti",
                    "Börjar {s}, gäller till {e}",
                    "Starts {s}, valid until {e}",
                )
                .format(s=d(self.start), e=d(self.end))
                .get(lang)
            )
        valid = T("Voimassa {e} asti", "Gäller till {e}", "Valid until {e}").format(e=d(self.end)).get(lang)
        if self.status == EXTENDED:
            ext = T("pidennetty {x}", "förlängd {x}", "extended {x}").format(x=d(self.extended_on)).get(lang)
            return f"{valid} ({ext})"
        return valid

    def to_json(self) -> dict[str, Any]:
        def iso(day: dt.date | None) -> str | None:
            return day.isoformat() if day is not None else None

        return {
            "plan": self.plan.id,
            "kind": self.kind,
            "customer": self.customer,
            "status": self.status,
            "start": iso(self.start),
            "planned_end": iso(self.planned_end),
            "end": iso(self.end),
            "extended_on": iso(self.extended_on),
            "ended_on": iso(self.ended_on),
            "end_ground": self.end_ground,
            "switched_to": self.switched_to,
            "referred_on": iso(self.referred_on),
            "annulled_on": iso(self.annulled_on),
            "superseded_by": self.superseded_by,
            "next_review": iso(self.next_review),
            "next_review_estimated": self.next_review_estimated,
            "official": self.official,
            "plan_time": self.plan_time.to_json() if self.plan_time else None,
            "total_time": self.total_time.to_json() if self.total_time else None,
        }


def _kind_label(kind: str, lang: str) -> str:
    try:
        return code_list("plan-kind").value_label(kind, lang)
    except KeyError:  # pragma: no cover - the list is part of the model
        return kind


def _start(plan: PlanBase) -> dt.date:
    return plan.period.start if plan.period is not None else plan.date


def _plan_kind(plan: PlanBase) -> str:
    return str(getattr(plan, "kind", ""))


def _time(
    limit: str,
    start: dt.date,
    end: dt.date | None,
    today: dt.date,
    params: RuleParams,
    allowed_over: bool,
) -> TimeUsed:
    months = params.int_value(limit)
    used_to = min(today, end) if end is not None else today
    days_used = max(0, (used_to - start).days + 1)
    return TimeUsed(
        limit=limit,
        start=start,
        end=end,
        days_used=days_used,
        days_planned=(end - start).days + 1 if end is not None else None,
        limit_months=months,
        limit_end=months_limit_end(start, months) if months else None,
        allowed_over=allowed_over,
    )


def _effective_end(plan: PlanBase, reviews: Sequence[Review]) -> tuple[dt.date | None, Review | None]:
    """(end after extensions, the latest extending review)."""
    end = plan.period.end if plan.period is not None else None
    latest: Review | None = None
    for r in reviews:
        if r.extension is None:
            continue
        if latest is None or (r.date, r.id) >= (latest.date, latest.id):
            latest = r
        if end is None or r.extension.new_end > end:
            end = r.extension.new_end
    return end, latest


def plan_state(
    plan: PlanBase,
    reviews: Iterable[Review] = (),
    *,
    today: dt.date,
    params: RuleParams | None = None,
    other_plans: Iterable[PlanBase] = (),
) -> PlanState:
    """The state of ``plan`` on ``today`` from its reviews and the customer's other plans.

    ``reviews`` may hold any reviews: only those of this plan and customer that are not annulled
    count. ``other_plans`` are the customer's other plans (for supersession and the total time);
    annulled ones and other customers' are ignored.
    """
    params = params or RuleParams()
    own = sorted(
        (
            r
            for r in reviews
            if r.plan == plan.id and r.customer == plan.customer and r.annulment is None and r.date <= today
        ),
        key=lambda r: (r.date, r.id),
    )
    start = _start(plan)
    planned_end = plan.period.end if plan.period is not None else None
    end, extender = _effective_end(plan, own)
    others = [
        p
        for p in other_plans
        if p.id != plan.id and p.customer == plan.customer and p.annulment is None and p.date <= today
    ]

    ending = next((r for r in own if r.plan_ended is not None), None)
    switch = next((r for r in own if r.plan_switch is not None), None)
    referral = next((r for r in own if r.employment_referral is not None), None)
    successors = sorted((p for p in others if p.previous_plan == plan.id), key=lambda p: (_start(p), p.id))
    successor = successors[0] if successors else None

    ended_on: dt.date | None = None
    end_ground: str | None = None
    if ending is not None and ending.plan_ended is not None:
        ended_on, end_ground = ending.plan_ended.date, ending.plan_ended.ground
        if end is None or ended_on < end:
            end = ended_on
        elif ended_on > end:
            ended_on = end  # a late review ends a plan that had already run out: it ended on its end
    replaced_on: dt.date | None = None
    if successor is not None and _start(successor) <= today:
        replaced_on = _start(successor) - dt.timedelta(days=1)
        if end is None or replaced_on < end:
            end = replaced_on

    switched_to: str | None = None
    if switch is not None and switch.plan_switch is not None:
        switched_to = switch.plan_switch.to_kind
    elif successor is not None and _plan_kind(successor) != _plan_kind(plan):
        switched_to = _plan_kind(successor)

    status: str
    if plan.annulment is not None:
        status = ANNULLED
    elif ending is not None and end_ground == REPLACED and switched_to is not None:
        status = SWITCHED  # the review that switched it ended it as replaced: "switched on ... to ..."
    elif ending is not None:
        status = ENDED
    elif switched_to is not None and (replaced_on is not None or successor is None):
        status = SWITCHED
        ended_on = replaced_on
    elif replaced_on is not None:
        status, ended_on, end_ground = ENDED, replaced_on, REPLACED
    elif end is not None and end < today:
        status, ended_on = ENDED, end
    elif referral is not None:
        status = REFERRED
    elif start > today:
        status = NOT_STARTED
    elif extender is not None:
        status = EXTENDED
    else:
        status = VALID
    if status == SWITCHED and ended_on is None and end is not None and end < today:
        status, ended_on = ENDED, end  # the switch was decided but the plan ran out unreplaced

    next_review: dt.date | None = None
    estimated = False
    if status in (VALID, EXTENDED, NOT_STARTED) or (status == SWITCHED and ended_on is None):
        if own and own[-1].next_review is not None:
            next_review = own[-1].next_review
        elif not own and plan.first_review is not None:
            next_review = plan.first_review
        else:
            months = params.int_value("review_interval_months")
            base = own[-1].date if own else start
            next_review, estimated = (add_months(base, months) if months else None), True
        if next_review is not None and end is not None and next_review > end:
            next_review, estimated = None, False

    source: PlanBase | Review = own[-1] if own else plan
    official = source.drawn_up_by[0].name if source.drawn_up_by else ""

    allowed = plan.extension_ground is not None or bool(extender)
    # the limits of the plan's own kind (rules.plan_limits): a first integration plan against
    # first_plan_max_months, integration plans together against total_plan_max_months; a family
    # plan counts toward no individual's total
    first_limit, total_limit = plan_limits(_plan_kind(plan))
    plan_time = (
        _time(first_limit, start, end, today, params, False)
        if plan.previous_plan is None and first_limit is not None
        else None
    )
    counted = [p for p in others if _plan_kind(p) == _plan_kind(plan)]
    total_start = min([start, *(_start(p) for p in counted)])
    total_time = (
        _time(total_limit, total_start, end, today, params, allowed) if total_limit is not None else None
    )

    return PlanState(
        plan=plan,
        today=today,
        status=status,
        start=start,
        planned_end=planned_end,
        end=end,
        reviews=tuple(own),
        extended_on=extender.date if extender is not None else None,
        extension_ground=(
            extender.extension.ground
            if extender is not None and extender.extension is not None
            else (plan.extension_ground.ground if plan.extension_ground is not None else None)
        ),
        ended_on=ended_on,
        end_ground=end_ground,
        ending_review=ending,
        switched_to=switched_to,
        switched_on=switch.date if switch is not None else (_start(successor) if successor else None),
        referred_on=(
            referral.employment_referral.date
            if referral is not None and referral.employment_referral is not None
            else None
        ),
        annulled_on=plan.annulment.date if plan.annulment is not None else None,
        superseded_by=successor.id if successor is not None else None,
        next_review=next_review,
        next_review_estimated=estimated,
        official=official,
        plan_time=plan_time,
        total_time=total_time,
    )


def plan_states(
    records: Iterable[Any], *, today: dt.date, params: RuleParams | None = None, annulled: bool = False
) -> dict[str, PlanState]:
    """plan id -> its state, for every plan among ``records`` (any record kinds, any customers).

    Annulled plans are left out unless ``annulled`` is true (they are then :data:`ANNULLED`);
    annulled reviews never count. The customer's total time runs over their plans that are not
    annulled.
    """
    params = params or RuleParams()
    plans: list[PlanBase] = []
    reviews_of: dict[str, list[Review]] = {}
    for r in records:
        if isinstance(r, PlanBase):
            plans.append(r)
        elif isinstance(r, Review):
            reviews_of.setdefault(r.plan, []).append(r)
    by_customer: dict[str, list[PlanBase]] = {}
    for p in plans:
        if p.annulment is None:
            by_customer.setdefault(p.customer, []).append(p)
    out: dict[str, PlanState] = {}
    for p in plans:
        if p.annulment is not None and not annulled:
            continue
        out[p.id] = plan_state(
            p,
            reviews_of.get(p.id, ()),
            today=today,
            params=params,
            other_plans=by_customer.get(p.customer, ()),
        )
    return out
