"""``koto report due``: plan reviews overdue or due soon, and plans ending soon, per official.

Every plan's state comes from :mod:`kototieto.model.planstate` (the one definition the printed
plan, the other reports and the site use too). Plans in force today count, and so do plans that
start later (``upcoming_plans``: their first review may already be near); a plan that has ended,
been replaced or passed to the employment authority has no review due. A review is *overdue* when
its date is before ``today`` and *due* when it falls within ``days`` days from today (today
included); a plan is *ending* when its effective end (extensions and endings applied) falls within
the same window. Each row names the responsible official (first ``drawn_up_by`` of the last review,
or of the plan) and the customer's name (``names=False`` leaves names out).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kototieto.model.catalogue import kind_label
from kototieto.model.customer import Customer
from kototieto.model.planstate import NOT_STARTED, plan_states
from kototieto.model.records import Record
from kototieto.model.rules import RuleParams
from kototieto.model.text import T
from kototieto.reports.tables import Cell, Table

OVERDUE, DUE, ENDING = "review-overdue", "review-due", "plan-ending"

_STATUS = {
    OVERDUE: T("Tarkistus myöhässä", "Översyn försenad", "Review overdue"),
    DUE: T("Tarkistus tulossa", "Översyn kommande", "Review due"),
    ENDING: T("Suunnitelma päättymässä", "Planen upphör", "Plan ending"),
}
_H = {
    "status": T("Tila", "Status", "Status"),
    "date": T("Päivä", "Datum", "Date"),
    "days": T("Päiviä", "Dagar", "Days"),
    "official": T("Vastuuvirkailija", "Ansvarig tjänsteman", "Responsible official"),
    "plan": T("Suunnitelma", "Plan", "Plan"),
    "plan_kind": T("Laji", "Typ", "Kind"),
    "customer": T("Asiakas", "Kund", "Customer"),
    "name": T("Nimi", "Namn", "Name"),
    "organisation": T("Organisaatio", "Organisation", "Organisation"),
    "estimated": T("Arvioitu", "Uppskattad", "Estimated"),
    "overdue": T("Myöhässä", "Försenade", "Overdue"),
    "due": T("Tulossa", "Kommande", "Due"),
    "ending": T("Päättymässä", "Upphör", "Ending"),
}


@dataclass(frozen=True)
class DueItem:
    status: str  # OVERDUE, DUE or ENDING
    date: dt.date
    days: int  # date - today (negative: overdue)
    official: str
    plan: str
    plan_kind: str
    customer: str
    organisation: str
    estimated: bool = False  # the review date was not written: start/last review + interval
    name: str = ""  # the customer's name ("" when names are left out or unknown)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "date": self.date.isoformat(),
            "days": self.days,
            "official": self.official,
            "plan": self.plan,
            "plan_kind": self.plan_kind,
            "customer": self.customer,
            "organisation": self.organisation,
            "estimated": self.estimated,
        }


@dataclass
class DueReport:
    today: dt.date
    days: int
    active_plans: int
    items: list[DueItem] = field(default_factory=list)
    upcoming_plans: int = 0  # plans that start after today (included)
    names: bool = True

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    def by_official(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for i in self.items:
            row = out.setdefault(i.official, {OVERDUE: 0, DUE: 0, ENDING: 0})
            row[i.status] += 1
        return dict(sorted(out.items()))

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "days": self.days,
            "active_plans": self.active_plans,
            "upcoming_plans": self.upcoming_plans,
            "counts": {s: self.count(s) for s in (OVERDUE, DUE, ENDING)},
            "by_official": self.by_official(),
            "items": [i.to_json() for i in self.items],
        }

    def tables(self, lang: str = "fi") -> list[Table]:
        cols = [
            "status",
            "date",
            "days",
            "official",
            "plan",
            "plan_kind",
            "customer",
            *(["name"] if self.names else []),
            "organisation",
            "estimated",
        ]
        rows: list[dict[str, Cell]] = []
        for i in self.items:
            rows.append(
                {
                    "status": _STATUS[i.status].get(lang),
                    "status_code": i.status,
                    "date": i.date.isoformat(),
                    "days": i.days,
                    "official": i.official,
                    "plan": i.plan,
                    "plan_kind": kind_label(i.plan_kind, lang),
                    "plan_kind_code": i.plan_kind,
                    "customer": i.customer,
                    "name": i.name,
                    "organisation": i.organisation,
                    "estimated": "x" if i.estimated else "",
                }
            )
        per: list[dict[str, Cell]] = [
            {"official": name, "overdue": c[OVERDUE], "due": c[DUE], "ending": c[ENDING]}
            for name, c in self.by_official().items()
        ]
        day = f"{self.today.day}.{self.today.month}.{self.today.year}"
        title = T(
            f"Erääntyvät {day} + {self.days} pv",
            f"Förfaller {day} + {self.days} d",
            f"Due {self.today.isoformat()} + {self.days} days",
        ).get(lang)
        per_title = T("Vastuuvirkailijoittain", "Per ansvarig tjänsteman", "Per responsible official")
        none = T(
            f"Ei erääntyviä tarkistuksia eikä päättyviä suunnitelmia ({self.active_plans} voimassa olevaa, "
            f"{self.upcoming_plans} tulevaa suunnitelmaa).",
            f"Inga översyner förfaller och inga planer upphör ({self.active_plans} gällande, "
            f"{self.upcoming_plans} kommande planer).",
            f"No reviews due and no plans ending ({self.active_plans} plans in force, "
            f"{self.upcoming_plans} upcoming).",
        ).get(lang)
        return [
            Table(
                "items",
                title,
                [(c, _H[c].get(lang)) for c in cols],
                rows,
                empty=none,
                code_of={"status": "status_code", "plan_kind": "plan_kind_code"},
            ),
            Table(
                "officials",
                per_title.get(lang),
                [(c, _H[c].get(lang)) for c in ("official", "overdue", "due", "ending")],
                per,
                empty=none,
            ),
        ]


def customer_names(records: Iterable[Record]) -> dict[str, str]:
    """customer id -> "First names Last name" of the customers among ``records``."""
    return {
        r.id: " ".join(x for x in (r.first_names, r.last_name) if x)
        for r in records
        if isinstance(r, Customer)
    }


def due_report(
    records: Iterable[Record],
    *,
    today: dt.date,
    days: int = 30,
    params: RuleParams | None = None,
    names: bool = True,
) -> DueReport:
    """Reviews and plan ends due within ``days`` days of ``today``, and overdue reviews."""
    params = params or RuleParams()
    horizon = today + dt.timedelta(days=days)
    live = [r for r in records if r.annulment is None]
    who_is = customer_names(live) if names else {}
    report = DueReport(today, days, 0, names=names)
    for state in plan_states(live, today=today, params=params).values():
        if state.status == NOT_STARTED:
            report.upcoming_plans += 1
        elif state.in_force(today):
            report.active_plans += 1
        else:
            continue
        plan = state.plan
        org = f"{plan.organisation.code} {plan.organisation.name}"
        who = (state.official, plan.id, state.kind, plan.customer, org)
        name = who_is.get(plan.customer, "")
        review = state.next_review
        if review is not None and review <= horizon:
            status = OVERDUE if review < today else DUE
            report.items.append(
                DueItem(
                    status,
                    review,
                    (review - today).days,
                    *who,
                    estimated=state.next_review_estimated,
                    name=name,
                )
            )
        end = state.end
        if end is not None and today <= end <= horizon:
            report.items.append(DueItem(ENDING, end, (end - today).days, *who, name=name))
    report.items.sort(key=lambda i: (i.official, i.date, i.plan, i.status))
    return report
