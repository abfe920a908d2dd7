"""Content of synthetic records: the fields of one assessment, plan, review or guidance record.

``Person`` holds the facts a customer's records agree on (origin, languages, occupation, family,
literacy); ``Writer`` writes one record's free text in the record's language with a per-customer
random generator. The life cycle (which records, on which dates) is in ``synthetic_life``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from kototieto.synthetic.people import Origin
from kototieto.synthetic.phrases import B
from kototieto.synthetic.text import (
    COUNTRY_NAMES,
    FIELDS,
    LANGUAGE_NAMES,
    OCCUPATIONS,
    SERVICE_NAMES,
    lang_index,
    say,
)

Data = dict[str, Any]

LEVELS = ("none", "a1-1", "a1-2", "a1-3", "a2-1", "a2-2", "b1-1", "b1-2", "b2-1")
COUNTY_SERVICES = ("mental-health-services", "social-services", "health-services", "rehabilitation")


def level_label(code: str) -> str:
    """``a2-1`` -> ``A2.1`` (the way officials write levels in free text)."""
    return "A0" if code == "none" else code.upper().replace("-", ".")


@dataclass
class Person:
    """What every record of one customer agrees on."""

    origin: Origin
    female: bool
    first: str
    last: str
    birth: dt.date
    native: str
    country: str
    occupation: int
    field_index: int
    school_years: int
    spouse: bool
    children: int
    literacy: str
    target_lang: str  # "fi" or "sv": the language of integration training
    level: int  # index into LEVELS of the target language now
    contexts: dict[str, dict[str, str]] = field(default_factory=dict)

    def context(self, lang: str) -> dict[str, str]:
        ctx = self.contexts.get(lang)
        if ctx is None:
            i = lang_index(lang)
            ctx = {
                "first": self.first.split()[0],
                "language": LANGUAGE_NAMES.get(self.native, ("?", "?", "?"))[i],
                "country": COUNTRY_NAMES.get(self.country, (self.country,) * 3)[i],
                "occupation": OCCUPATIONS[self.occupation][i],
                "field": FIELDS[self.field_index][i],
                "years": str(self.school_years),
                "level": level_label(LEVELS[self.level]),
                "target": level_label(LEVELS[min(self.level + 3, len(LEVELS) - 1)]),
                "children": str(self.children),
                "months": "6",
                "org": "",
                "service": "",
            }
            self.contexts[lang] = ctx
        return ctx

    @property
    def life_key(self) -> str:
        if self.spouse:
            return "life_family" if self.children else "life_couple"
        return "life_single_parent" if self.children else "life_alone"

    @property
    def literacy_key(self) -> str:
        if self.literacy == "literate-latin":
            return "literacy_good"
        return "literacy_other" if self.literacy == "literate-other-script" else "literacy_low"

    @property
    def low_literacy(self) -> bool:
        return self.literacy in ("partially-literate", "not-literate")


class Writer:
    """Writes one record's free text in ``lang``."""

    def __init__(self, rng: random.Random, person: Person, lang: str, org_name: str) -> None:
        self.rng = rng
        self.person = person
        self.lang = lang
        self.ctx = dict(person.context(lang))
        self.ctx["org"] = org_name
        self.ctx["level"] = level_label(LEVELS[person.level])

    def say(self, key: str, n: int = 1, **slots: str) -> str:
        ctx = self.ctx | slots if slots else self.ctx
        return say(self.rng, B[key], self.lang, ctx, n)

    def each(self, key: str, n: int) -> list[str]:
        """``n`` different sentences of a bank (fewer if it has fewer), each filled separately."""
        options = B[key][self.lang]
        return [t.format_map(self.ctx) for t in self.rng.sample(options, min(n, len(options)))]

    def some(self, key: str, lo: int = 1, hi: int = 2, **slots: str) -> str:
        return self.say(key, self.rng.randint(lo, hi), **slots)

    def service(self, kind: str) -> str:
        return SERVICE_NAMES[kind][lang_index(self.lang)]

    def sources(self, main: str = "person") -> list[str]:
        extra = self.rng.random()
        if extra < 0.7:
            return [main]
        other = self.rng.choice(("document", "other-authority", "service-provider", "official-observation"))
        return [main] if other == main else [main, other]

    def sourced(self, main: str = "person") -> Data:
        src = self.sources(main)
        out: Data = {"sources": src}
        if "document" in src and self.rng.random() < 0.5:
            out["source_details"] = self.say("details_document")
        elif "service-provider" in src and self.rng.random() < 0.5:
            out["source_details"] = self.say("details_provider")
        return out

    def other_data(self) -> Data:
        return {"content": self.say("other_content_data"), "necessity": self.say("necessity")}


def described(w: Writer, key: str, main: str = "person", lo: int = 1, hi: int = 2) -> Data:
    return {**w.sourced(main), "description": w.some(key, lo, hi)}


def language_skill(w: Writer, target: bool, method: bool, lang_code: str) -> Data:
    """Skills in ``lang_code`` ("fi" or "sv"): the target (integration) language is tested, the
    other one is usually none or not assessed."""
    p = w.person
    if target:
        level = LEVELS[p.level]
        out: Data = {**w.sourced("official-observation"), "level": level}
        if method:
            out["method"] = {"fi": "lähtötasotesti", "sv": "nivåtest", "en": "placement test"}[w.lang]
        if level == "none":  # no skill yet: the description must not describe some
            out["description"] = w.say(f"none_{lang_code}")
        else:
            out["description"] = w.some(f"target_{lang_code}_{'low' if p.level < 3 else 'mid'}", 1, 2)
        return out
    level = "none" if w.rng.random() < 0.7 else "not-assessed"
    key = f"none_{lang_code}" if level == "none" else f"unassessed_{lang_code}"
    return {**w.sourced("person"), "level": level, "description": w.say(key)}


def education(w: Writer) -> Data:
    p = w.person
    entries: list[Data] = []
    if p.school_years >= 6:
        entries.append(
            {
                "level": "isced-2" if p.school_years < 10 else "isced-3",
                "country": p.country,
                "years": float(min(p.school_years, 12)),
                "completed": p.school_years >= 9,
            }
        )
    if p.school_years >= 12 and w.rng.random() < 0.7:
        fi, sv, en, level = FIELDS[p.field_index]
        entries.append(
            {
                "level": level,
                "field": (fi, sv, en)[lang_index(w.lang)],
                "country": p.country,
                "years": float(w.rng.choice((2, 3, 3.5, 4, 5))),
                "completed": w.rng.random() < 0.8,
                "documented": w.rng.random() < 0.6,
            }
        )
    if not entries:
        entries_data: Data = {**w.sourced(), "entries": [{"level": "no-formal-education"}]}
    else:
        entries_data = {**w.sourced("document" if w.rng.random() < 0.4 else "person"), "entries": entries}
    entries_data["description"] = w.say("education_description")
    return entries_data


def work(w: Writer) -> Data:
    p = w.person
    entries: list[Data] = []
    if w.rng.random() < 0.8:
        years = w.rng.choice((1, 2, 3, 4.5, 6, 8, 12))
        entries.append(
            {
                "occupation": OCCUPATIONS[p.occupation][lang_index(w.lang)],
                "country": p.country,
                "years": float(years),
            }
        )
    return {
        **w.sourced(),
        "entries": entries,
        "description": w.say("work_description", years=str(w.rng.randint(1, 12))),
    }


def specifying_measures(w: Writer, day: dt.date, multisectoral: bool, county_name: str | None) -> list[Data]:
    out: list[Data] = []
    if w.rng.random() < 0.6:
        out.append(
            {
                "kind": "language-skills-assessment",
                "how": w.say("how_language"),
                "planned_date": (day + dt.timedelta(days=w.rng.randint(7, 40))).isoformat(),
                "organiser": {"type": "educational-institution", "name": _school(w)},
            }
        )
    if w.person.school_years >= 12 and w.rng.random() < 0.4:
        out.append({"kind": "competence-assessment", "description": w.say("education_description")})
    if multisectoral and county_name:
        out.append(
            {
                "kind": w.rng.choice(
                    ("work-ability-assessment", "health-assessment", "social-work-assessment")
                ),
                "how": w.say("how_county"),
                "planned_date": (day + dt.timedelta(days=w.rng.randint(14, 60))).isoformat(),
                "organiser": {"type": "wellbeing-services-county", "name": county_name},
            }
        )
    return out


def _school(w: Writer) -> str:
    if w.person.target_lang == "sv":
        return w.rng.choice(("Svenska yrkesinstitutet", "Medborgarinstitutet", "Integrationsutbildningen"))
    return w.rng.choice(
        ("Aikuisopisto", "Kansalaisopisto", "Kotoutumiskoulutuksen palveluntuottaja", "Ammattiopisto")
    )


THIRD_SECTOR = {
    "fi": (
        "Monikulttuurinen yhdistys ry",
        "Kotikulma ry",
        "Naisten kohtaamispaikka ry",
        "Punainen Risti, paikallisosasto",
    ),
    "sv": ("Mångkulturella föreningen rf", "Röda Korset, lokalavdelningen", "Kvinnornas mötesplats rf"),
    "en": ("Monikulttuurinen yhdistys ry", "Kotikulma ry", "Naisten kohtaamispaikka ry"),
}
AUTHORITIES = ("Kela", "Maahanmuuttovirasto", "Digi- ja väestötietovirasto")


def referral(w: Writer, day: dt.date) -> Data:
    kind = w.rng.choice(("third-sector-activity", "civic-orientation", "other"))
    organiser: Data = (
        {"type": "third-sector", "name": w.rng.choice(THIRD_SECTOR[w.lang])}
        if kind != "other"
        else {"type": "other-authority", "name": w.rng.choice(AUTHORITIES)}
    )
    return {
        "organiser": organiser,
        "service_kind": kind,
        "description": w.say("referral", service=w.service(kind)),
        "date": day.isoformat(),
    }


def measures(
    w: Writer, start: dt.date, end: dt.date, kind: str, org_name: str, county_name: str | None
) -> list[Data]:
    p = w.person
    rng = w.rng
    plan: list[tuple[str, str, str | None]] = []
    if p.low_literacy:
        plan.append(("literacy-training", "municipality", org_name))
    plan.append(("integration-training", "municipality", org_name))
    plan.append(("civic-orientation", "municipality", org_name))
    if rng.random() < 0.35:
        plan.append(("vocational-education", "educational-institution", _school(w)))
    if kind == "multisectoral-plan" and county_name:
        for service in rng.sample(COUNTY_SERVICES, rng.randint(1, 2)):
            plan.append((service, "wellbeing-services-county", county_name))
    if rng.random() < 0.3:
        plan.append(("third-sector-activity", "third-sector", "Kotikulma ry"))
    out: list[Data] = []
    offset = 0
    # every measure starts within the plan's period, early enough to run at least a month in it
    latest_start = max(start, end - dt.timedelta(days=45))
    for service, organiser, name in plan:
        m_start = min(start + dt.timedelta(days=offset + rng.randint(0, 30)), latest_start)
        offset = min(offset + rng.randint(20, 60), 150)
        m_end = min(end, m_start + dt.timedelta(days=rng.randint(90, 330)))
        measure: Data = {
            "service_kind": service,
            "description": w.say(
                "measure_service" if organiser == "wellbeing-services-county" else "measure_training",
                service=w.service(service).capitalize(),
                org=name or org_name,
            ),
            "organiser": {"type": organiser, "name": name} if name else {"type": organiser},
            "start": m_start.isoformat(),
        }
        if m_end > m_start:
            measure["end"] = m_end.isoformat()
        measure["status"] = "planned"
        out.append(measure)
    return out


def goals(w: Writer, end: dt.date, not_before: dt.date | None = None) -> list[Data]:
    """Goals with target dates near the plan's end and after ``not_before`` (the measures' start)."""
    out: list[Data] = []
    for i, text in enumerate(w.each("goal", w.rng.randint(2, 3))):
        goal: Data = {"description": text}
        if i == 0 or w.rng.random() < 0.5:
            target = end - dt.timedelta(days=w.rng.randint(0, 60))
            if not_before is not None:
                target = min(end, max(target, not_before))
            goal["target_date"] = target.isoformat()
        out.append(goal)
    return out


def settle_measures(measures: list[Data], until: dt.date, ended: bool) -> None:
    """Measure statuses as they stand on ``until`` (today, or the day the plan ended): started
    measures are ongoing, finished ones completed; when the plan ended, unfinished ones were
    interrupted and ones not yet started were cancelled."""
    for m in measures:
        start = dt.date.fromisoformat(m["start"]) if "start" in m else None
        end = dt.date.fromisoformat(m["end"]) if "end" in m else None
        if start is None or start > until:
            m["status"] = "cancelled" if ended else "planned"
        elif end is not None and end <= until:
            m["status"] = "completed"
        else:
            m["status"] = "interrupted" if ended else "ongoing"


def county_change(w: Writer, county_name: str) -> Data:
    service = w.rng.choice(COUNTY_SERVICES)
    change = w.rng.choice(("added", "changed", "changed", "ended"))
    return {
        "change": change,
        "service_kind": service,
        "organiser": {"type": "wellbeing-services-county", "name": county_name},
        "description": w.say(f"change_{change}", service=w.service(service).capitalize()),
    }


def municipal_change(w: Writer, org_name: str) -> Data:
    service = w.rng.choice(
        ("integration-training", "civic-orientation", "vocational-education", "third-sector-activity")
    )
    organiser: Data = {
        "integration-training": {"type": "municipality", "name": org_name},
        "civic-orientation": {"type": "municipality", "name": org_name},
        "vocational-education": {"type": "educational-institution", "name": _school(w)},
        "third-sector-activity": {"type": "third-sector", "name": "Kotikulma ry"},
    }[service]
    change = w.rng.choice(("added", "changed", "ended"))
    return {
        "change": change,
        "service_kind": service,
        "organiser": organiser,
        "description": w.say(f"change_{change}", service=w.service(service).capitalize()),
    }


def new_needs(w: Writer) -> Data:
    """New service needs of a review: usually none (an empty list says "none identified")."""
    if w.rng.random() < 0.3:
        kind = w.rng.choice(("health-services", "social-services", "vocational-education"))
        return {"service_kinds": [kind], "description": w.say(f"need_{kind}")}
    return {"service_kinds": [], "description": w.say("no_new_needs")}
