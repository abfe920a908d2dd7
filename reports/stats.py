"""``koto report stats``: the figures a pilot follows every week.

Annulled records are left out of every figure (``annulled`` says how many there were).

- counts by kind, by organisation (code and name) and by month (``YYYY-MM`` of the record's
  ``date``, per kind);
- median days from assessment to plan: for each plan, its ``assessment`` if that record exists,
  else the same customer's latest assessment (basic or multisectoral) dated on or before the plan;
  plans with neither are left out (``plans_without_assessment``);
- reviewed within the interval: plans whose first review deadline (start + ``review_interval_months``)
  is on or before ``today``; of these, those with a review dated on or before the deadline;
- outcomes, from each plan's state (:mod:`kototieto.model.planstate`, the one definition the printed
  plan and the other reports use): plans ended by a review (by its ground), extended, switched (by
  the kind switched to), and the number of records with a referral to the employment authority;
- service kinds: measures in plans per ``service_kind`` (and in how many plans), most common first;
  a pilot's open-end codes (``905-digital-mentoring``) carry their labels from the repository's
  extension definitions (the definitions the records were parsed with), in tables and JSON.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kototieto.i18n import date_text
from kototieto.model.catalogue import code_label, kind_label
from kototieto.model.codes import code_list
from kototieto.model.extensions import ExtensionSet, definitions_of
from kototieto.model.plan import FamilyPlan, IntegrationPlan, MultisectoralPlan
from kototieto.model.planstate import plan_states
from kototieto.model.records import ASSESSMENT_KINDS, RECORD_KINDS, Plan, Record
from kototieto.model.rules import RuleParams, add_months
from kototieto.model.text import T
from kototieto.reports.tables import Cell, Table, pct

#: Short names of the record kinds for column headers (the full labels are too long for a column).
KIND_HEADERS = {
    "customer": T("Asiakas", "Kund", "Customer"),
    "assessment": T("Arviointi", "Bedömning", "Assessment"),
    "multisectoral-assessment": T(
        "Monialainen arviointi", "Sektorsövergripande bedömning", "Multisectoral assessment"
    ),
    "integration-plan": T("Kotoutumissuunnitelma", "Integrationsplan", "Integration plan"),
    "multisectoral-plan": T("Monialainen suunnitelma", "Sektorsövergripande plan", "Multisectoral plan"),
    "family-plan": T("Perheen suunnitelma", "Familjens plan", "Family plan"),
    "review": T("Tarkistus", "Översyn", "Review"),
    "guidance": T("Ohjaus", "Vägledning", "Guidance"),
}

_H = {
    "kind": T("Tietueen laji", "Typ av post", "Record kind"),
    "organisation": T("Organisaatio", "Organisation", "Organisation"),
    "month": T("Kuukausi", "Månad", "Month"),
    "records": T("Tietueita", "Poster", "Records"),
    "figure": T("Tunnusluku", "Nyckeltal", "Figure"),
    "value": T("Arvo", "Värde", "Value"),
    "outcome": T("Tulos", "Utfall", "Outcome"),
    "detail": T("Peruste / laji", "Grund / typ", "Ground / kind"),
    "plans": T("Suunnitelmia", "Planer", "Plans"),
    "service_kind": T("Palvelun laji", "Typ av tjänst", "Service kind"),
    "code": T("Koodi", "Kod", "Code"),
    "measures": T("Toimenpiteitä", "Åtgärder", "Measures"),
    "total": T("Yhteensä", "Totalt", "Total"),
}
_FIGURES = {
    "records": T("Tietueita", "Poster", "Records"),
    "customers": T("Asiakkaita", "Kunder", "Customers"),
    "annulled": T("Mitätöityjä (ei mukana)", "Annullerade (inte medräknade)", "Annulled (left out)"),
    "median_days_assessment_to_plan": T(
        "Arvioinnista suunnitelmaan, mediaani (pv)",
        "Från bedömning till plan, median (d)",
        "Assessment to plan, median (days)",
    ),
    "plans_reviewed_in_time_pct": T(
        "Tarkistettu määräajassa (%)", "Översedda inom tidsfristen (%)", "Reviewed within the interval (%)"
    ),
    "plans_due_first_review": T(
        "Suunnitelmia, joiden 1. tarkistus on erääntynyt",
        "Planer vars första översyn har förfallit",
        "Plans past their first review deadline",
    ),
    "plans_reviewed_in_time": T(
        "  joista tarkistettu ajallaan", "  varav översedda i tid", "  of which reviewed in time"
    ),
    "employment_referrals": T(
        "Ohjauksia työvoimaviranomaiselle",
        "Hänvisningar till arbetskraftsmyndigheten",
        "Referrals to the employment authority",
    ),
}
_OUTCOMES = {
    "ended": T("Päättynyt", "Upphört", "Ended"),
    "extended": T("Pidennetty", "Förlängd", "Extended"),
    "switched": T("Vaihdettu", "Bytt", "Switched"),
}


@dataclass
class StatsReport:
    today: dt.date
    review_interval_months: int | None
    records: int = 0
    customers: int = 0
    annulled: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_organisation: dict[str, dict[str, int]] = field(default_factory=dict)  # org -> kind -> n
    by_month: dict[str, dict[str, int]] = field(default_factory=dict)  # YYYY-MM -> kind -> n
    assessment_to_plan_days: list[int] = field(default_factory=list)
    plans_without_assessment: int = 0
    plans_due_first_review: int = 0
    plans_reviewed_in_time: int = 0
    ended_by_ground: dict[str, int] = field(default_factory=dict)
    extended: int = 0
    switched_to: dict[str, int] = field(default_factory=dict)
    employment_referrals: int = 0
    service_kinds: dict[str, tuple[int, int]] = field(default_factory=dict)  # code -> (measures, plans)
    #: labels of codes the national lists do not know (a pilot's open-end codes): code -> lang -> label
    code_labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def service_label(self, code: str, lang: str) -> str:
        """A service kind's label in ``lang``: the pilot's own label for its open-end codes."""
        local = self.code_labels.get(code)
        return local.get(lang, code) if local else code_label("service-kind", code, lang)

    @property
    def median_days_assessment_to_plan(self) -> float | None:
        return (
            float(statistics.median(self.assessment_to_plan_days)) if self.assessment_to_plan_days else None
        )

    @property
    def reviewed_in_time_pct(self) -> float | None:
        return pct(self.plans_reviewed_in_time, self.plans_due_first_review)

    def top_service_kinds(self, n: int | None = None) -> list[tuple[str, int, int]]:
        rows = sorted(self.service_kinds.items(), key=lambda kv: (-kv[1][0], kv[0]))
        return [(k, m, p) for k, (m, p) in rows[:n]]

    def to_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "records": self.records,
            "customers": self.customers,
            "annulled": self.annulled,
            "by_kind": self.by_kind,
            "by_organisation": self.by_organisation,
            "by_month": self.by_month,
            "median_days_assessment_to_plan": self.median_days_assessment_to_plan,
            "plans_with_assessment": len(self.assessment_to_plan_days),
            "plans_without_assessment": self.plans_without_assessment,
            "review_interval_months": self.review_interval_months,
            "plans_due_first_review": self.plans_due_first_review,
            "plans_reviewed_in_time": self.plans_reviewed_in_time,
            "plans_reviewed_in_time_pct": self.reviewed_in_time_pct,
            "outcomes": {
                "ended_by_ground": self.ended_by_ground,
                "ended": sum(self.ended_by_ground.values()),
                "extended": self.extended,
                "switched_to": self.switched_to,
                "switched": sum(self.switched_to.values()),
            },
            "employment_referrals": self.employment_referrals,
            "service_kinds": [
                {
                    "service_kind": k,
                    "label": {lang: self.service_label(k, lang) for lang in ("fi", "sv", "en")},
                    "measures": m,
                    "plans": p,
                }
                for k, m, p in self.top_service_kinds()
            ],
        }

    def tables(self, lang: str = "fi") -> list[Table]:
        def head(*keys: str) -> list[tuple[str, str]]:
            return [(k, _H[k].get(lang)) for k in keys]

        figures: dict[str, Cell] = {
            "records": self.records,
            "customers": self.customers,
            "annulled": self.annulled,
            "median_days_assessment_to_plan": self.median_days_assessment_to_plan,
            "plans_due_first_review": self.plans_due_first_review,
            "plans_reviewed_in_time": self.plans_reviewed_in_time,
            "plans_reviewed_in_time_pct": self.reviewed_in_time_pct,
            "employment_referrals": self.employment_referrals,
        }
        kinds = [k for k in RECORD_KINDS if k in self.by_kind]
        org_cols = [(k, KIND_HEADERS[k].get(lang) if k in KIND_HEADERS else k) for k in kinds]
        outcomes: list[dict[str, Cell]] = [
            {
                "outcome": _OUTCOMES["ended"].get(lang),
                "outcome_code": "ended",
                "detail": code_label("plan-ending-ground", g, lang),
                "detail_code": g,
                "plans": n,
            }
            for g, n in sorted(self.ended_by_ground.items())
        ]
        outcomes.append(
            {
                "outcome": _OUTCOMES["extended"].get(lang),
                "outcome_code": "extended",
                "detail": "",
                "plans": self.extended,
            }
        )
        outcomes += [
            {
                "outcome": _OUTCOMES["switched"].get(lang),
                "outcome_code": "switched",
                "detail": kind_label(k, lang),
                "detail_code": k,
                "plans": n,
            }
            for k, n in sorted(self.switched_to.items())
        ]
        return [
            Table(
                "figures",
                T("Tunnusluvut", "Nyckeltal", "Key figures").get(lang) + f" ({date_text(self.today, lang)})",
                head("figure", "value"),
                [{"figure": _FIGURES[k].get(lang), "value": v} for k, v in figures.items()],
            ),
            Table(
                "kinds",
                T("Lajeittain", "Per typ av post", "Per record kind").get(lang),
                head("kind", "records"),
                [
                    {"kind": kind_label(k, lang), "kind_code": k, "records": n}
                    for k, n in self.by_kind.items()
                ],
                code_of={"kind": "kind_code"},
            ),
            Table(
                "organisations",
                T("Organisaatioittain", "Per organisation", "Per organisation").get(lang),
                [*head("organisation"), *org_cols, ("total", _H["total"].get(lang))],
                [
                    {"organisation": org, **{k: c.get(k, 0) for k in kinds}, "total": sum(c.values())}
                    for org, c in self.by_organisation.items()
                ],
            ),
            Table(
                "months",
                T("Kuukausittain", "Per månad", "Per month").get(lang),
                [*head("month"), *org_cols, ("total", _H["total"].get(lang))],
                [
                    {"month": m, **{k: c.get(k, 0) for k in kinds}, "total": sum(c.values())}
                    for m, c in self.by_month.items()
                ],
            ),
            Table(
                "outcomes",
                T("Suunnitelmien tulokset", "Planernas utfall", "Plan outcomes").get(lang),
                head("outcome", "detail", "plans"),
                outcomes,
                code_of={"outcome": "outcome_code", "detail": "detail_code"},
            ),
            Table(
                "service_kinds",
                T("Yleisimmät palvelut", "Vanligaste tjänsterna", "Most common services").get(lang),
                head("service_kind", "code", "measures", "plans"),
                [
                    {
                        "service_kind": self.service_label(k, lang),
                        "code": k,
                        "measures": m,
                        "plans": p,
                    }
                    for k, m, p in self.top_service_kinds()
                ],
            ),
        ]


def _national_services() -> frozenset[str]:
    return frozenset(code_list("service-kind").codes())


def _assessment_for(
    plan: Plan, by_id: dict[str, Record], by_customer: dict[str, list[Record]]
) -> Record | None:
    if plan.assessment is not None:
        found = by_id.get(plan.assessment)
        if found is not None and found.kind in ASSESSMENT_KINDS:
            return found
    earlier = [a for a in by_customer.get(plan.customer, []) if a.date <= plan.date]
    return max(earlier, key=lambda a: (a.date, a.id)) if earlier else None


def stats_report(
    records: Iterable[Record],
    *,
    today: dt.date,
    params: RuleParams | None = None,
    extensions: ExtensionSet | None = None,
) -> StatsReport:
    """The statistics of the module docstring over ``records`` (annulled ones are counted apart).

    ``extensions``: the repository's extension definitions (labels of its open-end codes); without
    them, the definitions a record's extended type was built from are used.
    """
    params = params or RuleParams()
    interval = params.int_value("review_interval_months")
    report = StatsReport(today, interval)
    live: list[Record] = []
    for r in records:
        if r.annulment is not None:
            report.annulled += 1
        else:
            live.append(r)
    by_id = {r.id: r for r in live}
    assessments: dict[str, list[Record]] = {}
    customers: set[str] = set()
    for r in live:
        report.records += 1
        customers.add(r.id if r.kind == "customer" else getattr(r, "customer", r.id))
        report.by_kind[r.kind] = report.by_kind.get(r.kind, 0) + 1
        org = f"{r.organisation.code} {r.organisation.name}"
        per_org = report.by_organisation.setdefault(org, {})
        per_org[r.kind] = per_org.get(r.kind, 0) + 1
        month = report.by_month.setdefault(r.date.strftime("%Y-%m"), {})
        month[r.kind] = month.get(r.kind, 0) + 1
        if r.kind in ASSESSMENT_KINDS:
            assessments.setdefault(getattr(r, "customer", ""), []).append(r)
        if getattr(r, "employment_referral", None) is not None:
            report.employment_referrals += 1
    report.customers = len(customers)
    report.by_kind = {k: report.by_kind[k] for k in RECORD_KINDS if k in report.by_kind}
    report.by_organisation = dict(sorted(report.by_organisation.items()))
    report.by_month = dict(sorted(report.by_month.items()))

    measures: Counter[str] = Counter()
    plans_with: Counter[str] = Counter()
    for state in plan_states(live, today=today, params=params).values():
        plan = state.plan
        assert isinstance(plan, IntegrationPlan | MultisectoralPlan | FamilyPlan)
        assessment = _assessment_for(plan, by_id, assessments)
        if assessment is None:
            report.plans_without_assessment += 1
        else:
            report.assessment_to_plan_days.append((plan.date - assessment.date).days)
        if interval:
            deadline = add_months(state.start, interval)
            if deadline <= today:
                report.plans_due_first_review += 1
                if any(rev.date <= deadline for rev in state.reviews):
                    report.plans_reviewed_in_time += 1
        if state.ending_review is not None and state.end_ground is not None:
            g = state.end_ground
            report.ended_by_ground[g] = report.ended_by_ground.get(g, 0) + 1
        if state.extended:
            report.extended += 1
        if state.switches and state.switched_to is not None:
            report.switched_to[state.switched_to] = report.switched_to.get(state.switched_to, 0) + 1
        ext = extensions or definitions_of(plan)
        if ext is not None:
            for m in plan.measures:
                if m.service_kind not in report.code_labels and m.service_kind not in _national_services():
                    report.code_labels[m.service_kind] = {
                        lang: ext.code_label("service-kind", m.service_kind, lang)
                        for lang in ("fi", "sv", "en")
                    }
        kinds = [m.service_kind for m in plan.measures]
        measures.update(kinds)
        plans_with.update(set(kinds))
    report.service_kinds = {k: (measures[k], plans_with[k]) for k in measures}
    return report
