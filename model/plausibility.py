"""Plausibility: records that are valid but probably mistyped or recorded twice (warnings).

- ``future-date``: a record dated more than ``future_date_days`` after today (``2036-12-02`` typed
  for ``2026-12-02``). The model has no clock: the caller passes ``today`` (the store's pipeline
  does, ``store.pipeline.Rules.today``).
- ``overlapping-plans``: two live plans of one customer whose periods overlap (a plan recorded
  twice, or a new plan that does not say which one it replaces). The integration and the
  multisectoral plan are one line of plans (a review switches between them); a family plan is its
  own. A plan that replaces another (``previous_plan``, also further back) may overlap it, and a
  plan ends early where a review ended it or switched it to the other kind.

A review of an annulled plan is reported by the references rule (``record-references``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from kototieto.model.plan import PlanBase
from kototieto.model.problems import Problem, RuleInfo, Severity, register_rule
from kototieto.model.record import Common
from kototieto.model.review import Review
from kototieto.model.rules import ALL_KINDS, RuleParams
from kototieto.model.text import T

FUTURE_RULE = "future-date"
OVERLAP_RULE = "overlapping-plans"

register_rule(
    RuleInfo(
        FUTURE_RULE,
        T("Päivämäärä tulevaisuudessa", "Datum i framtiden", "Date in the future"),
        T(
            "Tietueen päivämäärä on enintään future_date_days päivää tallennus- tai tarkistuspäivän "
            "jälkeen (esimerkiksi 2036 kirjoitettu vuoden 2026 sijaan). Varoitus: tietue tallennetaan.",
            "Postens datum ligger högst future_date_days dagar efter den dag den sparas eller "
            "kontrolleras (till exempel 2036 skrivet i stället för 2026). Varning: posten sparas.",
            "A record's date is at most future_date_days after the day it is saved or checked (e.g. "
            "2036 typed for 2026). A warning: the record is saved.",
        ),
        (),
        ALL_KINDS,
        param="future_date_days",
    )
)
register_rule(
    RuleInfo(
        OVERLAP_RULE,
        T("Päällekkäiset suunnitelmat", "Överlappande planer", "Overlapping plans"),
        T(
            "Asiakkaan kahden voimassa olevan (mitätöimättömän) suunnitelman kaudet eivät ole "
            "päällekkäin, ellei uudempi korvaa vanhempaa (previous_plan). Kotoutumissuunnitelma ja "
            "monialainen suunnitelma verrataan keskenään, perheen suunnitelma erikseen. Varoitus: "
            "tietue tallennetaan.",
            "Perioderna för två av kundens gällande (inte annullerade) planer överlappar inte, om inte "
            "den nyare ersätter den äldre (previous_plan). Integrationsplanen och den "
            "sektorsövergripande planen jämförs med varandra, familjens plan för sig. Varning: posten "
            "sparas.",
            "Two live (not annulled) plans of a customer do not overlap in time unless the newer one "
            "replaces the older (previous_plan). Integration and multisectoral plans are compared "
            "with each other, family plans among themselves. A warning: the record is saved.",
        ),
        (),
        ("integration-plan", "multisectoral-plan", "family-plan"),
        cross_record=True,
    )
)


def _d(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _severity(params: RuleParams, name: str) -> Severity | None:
    return {"error": Severity.ERROR, "warning": Severity.WARNING, "off": None}.get(
        params.strength(name), Severity.INFO
    )


def future_date(record: Any, today: dt.date, params: RuleParams | None = None) -> list[Problem]:
    """A warning at ``date`` when the record is dated more than ``future_date_days`` after
    ``today`` (an annulled record is left alone: annulling was the fix)."""
    params = params or RuleParams()
    days = params.int_value("future_date_days")
    severity = _severity(params, "future_date_days")
    day = getattr(record, "date", None)
    if days is None or severity is None or not isinstance(day, dt.date) or record.annulment is not None:
        return []
    if day <= today + dt.timedelta(days=days):
        return []
    return [
        Problem(
            ("date",),
            severity,
            FUTURE_RULE,
            T(
                f"Päivämäärä {_d(day)} on yli {days} päivää tämän päivän ({_d(today)}) jälkeen. Onko "
                "vuosi oikein? Tarkista päivämäärä.",
                f"Datumet {_d(day)} ligger mer än {days} dagar efter i dag ({_d(today)}). Stämmer "
                "året? Kontrollera datumet.",
                f"The date {day.isoformat()} is more than {days} days after today ({today.isoformat()}). "
                "Is the year right? Check the date.",
            ),
        )
    ]


def _line(plan: PlanBase) -> str:
    return "family" if str(getattr(plan, "kind", "")) == "family-plan" else "individual"


def _end(plan: PlanBase, reviews: list[Review]) -> dt.date:
    """The plan's last day: its period's end, or earlier where a review ended it or switched it."""
    assert plan.period is not None
    end = plan.period.end
    for review in reviews:
        if review.plan_ended is not None:
            end = min(end, review.plan_ended.date)
        elif review.plan_switch is not None:
            end = min(end, review.date)
    return end


def _replaces(newer: PlanBase, older: PlanBase, by_id: dict[str, PlanBase]) -> bool:
    """Whether ``older`` is ``newer``'s previous plan, or its previous plan's, and so on."""
    seen: set[str] = set()
    current: PlanBase | None = newer
    while current is not None and current.previous_plan and current.previous_plan not in seen:
        if current.previous_plan == older.id:
            return True
        seen.add(current.previous_plan)
        current = by_id.get(current.previous_plan)
    return False


def overlapping_plans(records: Iterable[Common]) -> list[tuple[str, Problem]]:
    """A warning on each of two live plans of one customer whose periods overlap, naming the other
    plan and both periods, as ``(record id, problem)`` pairs."""
    records = list(records)
    by_id = {r.id: r for r in records if isinstance(r, PlanBase)}
    reviews: dict[str, list[Review]] = defaultdict(list)
    for r in records:
        if isinstance(r, Review) and r.annulment is None:
            reviews[r.plan].append(r)
    groups: dict[tuple[str, str], list[PlanBase]] = defaultdict(list)
    for plan in by_id.values():
        if plan.annulment is None and plan.period is not None:
            groups[(plan.customer, _line(plan))].append(plan)
    out: list[tuple[str, Problem]] = []
    for plans in groups.values():
        plans.sort(key=lambda p: (p.period.start if p.period else p.date, p.date, p.id))
        for i, older in enumerate(plans):
            older_end = _end(older, reviews[older.id])
            for newer in plans[i + 1 :]:
                assert newer.period is not None and older.period is not None
                if newer.period.start > older_end:
                    continue
                if _replaces(newer, older, by_id) or _replaces(older, newer, by_id):
                    continue
                out.append((newer.id, _overlap(older, newer)))
                out.append((older.id, _overlap(newer, older)))
    return out


def _overlap(other: PlanBase, this: PlanBase) -> Problem:
    """The warning on ``this`` plan naming ``other``; both periods as written."""
    assert this.period is not None and other.period is not None
    start, end = other.period.start, other.period.end
    mine, this_end = this.period.start, this.period.end
    return Problem(
        ("period",),
        Severity.WARNING,
        OVERLAP_RULE,
        T(
            f"Asiakkaalla on myös suunnitelma {other.id} ajalle {_d(start)}–{_d(end)}, ja tämän "
            f"suunnitelman kausi {_d(mine)}–{_d(this_end)} on päällekkäin sen kanssa. Jos uudempi "
            "korvaa vanhemman, kirjaa se uudemman kohtaan previous_plan; jos sama suunnitelma on "
            "kirjattu kahdesti, mitätöi toinen.",
            f"Kunden har också planen {other.id} för perioden {_d(start)}–{_d(end)}, och den här "
            f"planens period {_d(mine)}–{_d(this_end)} överlappar den. Om den nyare ersätter den "
            "äldre, registrera den äldre i den nyares previous_plan; om samma plan har registrerats "
            "två gånger, annullera den ena.",
            f"The customer also has plan {other.id} for {start.isoformat()} to {end.isoformat()}, and "
            f"this plan's period {mine.isoformat()} to {this_end.isoformat()} overlaps it. If the newer "
            "plan replaces the older, record the older one as the newer one's previous_plan; if the "
            "same plan was recorded twice, annul one of them.",
        ),
    )
