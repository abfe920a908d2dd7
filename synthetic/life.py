"""One synthetic customer's life cycle: which records, on which dates, by whom.

Dates follow the rules' defaults, so nothing warns but the deliberate imperfections
(``synthetic_realism``: late and missing reviews, late services, unrecorded items): a first plan lasts at most 12 months, the first
review and every next review fall within 6 months (at most 180 days ahead), a service starts within
6 months of the plan, all plans of a customer fit in 24 months unless a review extended the plan
with a ground, and the first plan starts within 3 years of the first residence permit (a victim of
human trafficking may be later). Every record is dated between ``EARLIEST`` and the dataset's
``today``; plan ends, planned reviews and target dates may lie after ``today`` (they are plans).
The plan and its reviews are in ``synthetic_reviews``.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from kototieto.model.identity import make_hetu, make_temporary_id
from kototieto.synthetic.people import FORBIDDEN_FULL_NAMES, ORIGINS, Origin
from kototieto.synthetic.realism import DEFAULT_REALISM, Flaws, Imperfections
from kototieto.synthetic.records import (
    Person,
    Writer,
    described,
    education,
    goals,
    language_skill,
    measures,
    referral,
    specifying_measures,
    work,
)
from kototieto.synthetic.reviews import plan_cycle
from kototieto.synthetic.spec import EARLIEST, DatasetSpec, Official, OrgInfo
from kototieto.synthetic.text import FIELDS, OCCUPATIONS

Data = dict[str, Any]
_ORIGIN_WEIGHTS = tuple(o.weight for o in ORIGINS)


def _days(rng: random.Random, lo: int, hi: int) -> dt.timedelta:
    return dt.timedelta(days=rng.randint(lo, hi))


def _name(rng: random.Random, origin: Origin, female: bool) -> tuple[str, str]:
    while True:
        pool = origin.female if female else origin.male
        first = rng.choice(pool)
        if rng.random() < 0.2:
            second = rng.choice(pool)
            if second != first:
                first = f"{first} {second}"
        last = rng.choice(origin.last)
        if (
            f"{first} {last}" not in FORBIDDEN_FULL_NAMES
            and f"{first.split()[0]} {last}" not in FORBIDDEN_FULL_NAMES
        ):
            return first, last


class Life:
    """Builds the records of customer ``index`` (data dicts, in date order, customer first)."""

    def __init__(
        self, spec: DatasetSpec, rng: random.Random, index: int, realism: Imperfections = DEFAULT_REALISM
    ) -> None:
        self.spec, self.rng, self.index = spec, rng, index
        self.flaws = Flaws(realism, spec.seed, index)
        self.today = spec.today
        self.org: OrgInfo = spec.org(spec.place(rng))
        self.customer_id = spec.customer_id(index)
        self.seq = 0
        self.records: list[Data] = []
        self.jobseeker = False
        self.person = self._person()
        # The customer's own official mostly writes the language the customer is integrating in.
        same = [o for o in self.org.officials if (o.lang == "sv") == (self.person.target_lang == "sv")]
        self.own = rng.choice(same if same and rng.random() < 0.85 else self.org.officials)
        self.county_official = rng.choice(self.org.county_officials) if self.org.county_officials else None

    # --- helpers --------------------------------------------------------------------------------

    def _person(self) -> Person:
        rng = self.rng
        origin = rng.choices(ORIGINS, weights=_ORIGIN_WEIGHTS)[0]
        female = rng.random() < 0.55
        first, last = _name(rng, origin, female)
        birth, _ = self.spec.birth_and_number(self.index)
        place = self.org.place
        target = "sv" if rng.random() < place.swedish_share * 0.8 else "fi"
        if origin.latin_script:
            literacy = rng.choices(("literate-latin", "partially-literate"), weights=(95, 5))[0]
        else:
            literacy = rng.choices(
                ("literate-latin", "literate-other-script", "partially-literate", "not-literate"),
                weights=(50, 38, 8, 4),
            )[0]
        school = 0 if literacy == "not-literate" else rng.choice((4, 6, 9, 9, 12, 12, 12, 15, 16, 17))
        return Person(
            origin=origin,
            female=female,
            first=first,
            last=last,
            birth=birth,
            native=rng.choice(origin.native),
            country=rng.choice(origin.citizenships),
            occupation=rng.randrange(len(OCCUPATIONS)),
            field_index=rng.randrange(len(FIELDS)),
            school_years=school,
            spouse=rng.random() < 0.5,
            children=rng.choice((0, 0, 1, 2, 2, 3, 4)),
            literacy=literacy,
            target_lang=target,
            level=rng.choice((0, 0, 1, 1, 2, 3, 4)) if literacy != "not-literate" else 0,
        )

    def official(self) -> Official:
        return self.own if self.rng.random() < 0.8 else self.rng.choice(self.org.officials)

    def writer(self, official: Official) -> Writer:
        return Writer(self.rng, self.person, official.lang, self.org.local_name(official.lang))

    def _id(self, prefix: str, day: dt.date) -> str:
        self.seq += 1
        return self.spec.record_id(prefix, day, self.index, self.seq)

    def base(
        self, kind: str, prefix: str, day: dt.date, officials: list[Official], county: bool = False
    ) -> Data:
        assert EARLIEST <= day <= self.today, day
        return {
            "kind": kind,
            "id": self._id(prefix, day),
            "organisation": self.org.county_organisation() if county else self.org.organisation(),
            "customer": self.customer_id,
            "date": day.isoformat(),
            "drawn_up_by": [o.contact() for o in officials],
        }

    # --- the life cycle -------------------------------------------------------------------------

    def run(self) -> list[Data]:
        rng = self.rng
        span = (self.today - EARLIEST).days
        start = EARLIEST + dt.timedelta(days=int(span * rng.random()))
        guidance_only = rng.random() < 0.15
        permit = not guidance_only or rng.random() < 0.4
        if guidance_only:
            day = start
            for _ in range(rng.randint(1, 3)):
                if day > self.today:
                    break
                self.guidance(day)
                day += _days(rng, 20, 120)
            self.jobseeker = rng.random() < 0.2
        else:
            day = start
            if rng.random() < 0.25:
                self.guidance(day)
                day += _days(rng, 7, 40)
            else:
                day += _days(rng, 0, 14)
            if day <= self.today:
                self.path(day)
        return [self.customer(start, permit), *self.records]

    def customer(self, day: dt.date, permit: bool) -> Data:
        rng, p = self.rng, self.person
        birth, number = self.spec.birth_and_number(self.index)
        temporary = not permit and rng.random() < 0.5
        ident = (
            {"type": "temporary", "value": make_temporary_id(self.spec.temporary_ids(self.index))}
            if temporary
            else {"type": "personal-identity-code", "value": make_hetu(birth, number)}
        )
        others = [
            code
            for code in rng.sample(p.origin.other, rng.randint(0, min(2, len(p.origin.other))))
            if code != p.native
        ]
        citizenships = [p.country]
        if rng.random() < 0.03:
            citizenships = []
        place = self.org.place
        home = place.code if rng.random() < 0.85 or not place.neighbours else rng.choice(place.neighbours)
        data: Data = {
            "kind": "customer",
            "id": self.customer_id,
            "organisation": self.org.organisation(),
            "date": day.isoformat(),
            "identifier": ident,
            "first_names": p.first,
            "last_name": p.last,
            "date_of_birth": birth.isoformat(),
            "native_language": p.native,
            "other_languages": others,
            "citizenships": citizenships,
            "home_municipality": home,
        }
        trafficking = rng.random() < 0.01
        if permit:
            back = _days(rng, 400, 1700) if trafficking else _days(rng, 20, 900)
            kind = (
                "right-of-residence-registration"
                if p.origin.eu_citizen
                else ("residence-card" if rng.random() < 0.03 else "residence-permit")
            )
            data["first_residence"] = {"type": kind, "date": (day - back).isoformat()}
        data["registered_jobseeker"] = self.jobseeker
        interpret = rng.random() < p.origin.interpretation
        data["interpretation_needed"] = interpret
        if interpret:
            data["interpretation_language"] = p.native
        if trafficking:
            data["trafficking_victim"] = True
        return data

    def guidance(self, day: dt.date) -> None:
        rng = self.rng
        official = self.official()
        w = self.writer(official)
        data = self.base("guidance", "gdn", day, [official])
        data["consent"] = {
            "given": True,
            "date": (day - _days(rng, 0, 1) if day > EARLIEST else day).isoformat(),
            "informed": True,
        }
        kinds = sorted(
            rng.sample(
                (
                    "employment-services",
                    "integration-training",
                    "social-services",
                    "health-services",
                    "civic-orientation",
                ),
                rng.randint(1, 2),
            )
        )
        data["service_needs"] = {
            "service_kinds": kinds,
            "description": " ".join(w.say(f"gneed_{k}") for k in kinds),
        }
        data["guided_to"] = [referral(w, day) for _ in range(rng.randint(0, 2))]
        if rng.random() < 0.6:
            data["other_matters"] = w.say("guidance_other")
        if rng.random() < 0.01:
            data["annulment"] = {
                "date": min(self.today, day + _days(rng, 0, 10)).isoformat(),
                "reason": w.say("annulment"),
            }
        self.records.append(data)

    def path(self, day: dt.date) -> None:
        """Assessment, then (usually) a plan and its reviews."""
        rng = self.rng
        multisectoral = self.org.county is not None and rng.random() < 0.2
        roll = rng.random()
        if not multisectoral and roll < 0.06:
            self.assessment(
                day,
                False,
                timing={
                    "plan_kind": "integration-plan",
                    "timing": "not-drawn-up",
                    "reason": "referred-to-employment-authority",
                },
                employment=True,
            )
            self.jobseeker = True
            return
        if roll < 0.11:
            reason = rng.choice(("no-need", "other-guidance-sufficient", "customer-declined"))
            kind = "multisectoral-plan" if multisectoral else "integration-plan"
            self.assessment(
                day, multisectoral, timing={"plan_kind": kind, "timing": "not-drawn-up", "reason": reason}
            )
            later = day + _days(rng, 30, 90)
            if reason == "other-guidance-sufficient" and later <= self.today:
                self.guidance(later)
            return
        family = (self.person.spouse or self.person.children > 0) and not multisectoral and rng.random() < 0.2
        kind = "multisectoral-plan" if multisectoral else ("family-plan" if family else "integration-plan")
        plan_day = day + _days(rng, 5, 35)
        timing: Data = {"plan_kind": kind, "timing": "date", "date": plan_day.isoformat()}
        if rng.random() < 0.3:
            timing = {"plan_kind": kind, "timing": "as-soon-as-possible"}
        asm = self.assessment(day, multisectoral, timing=timing)
        if plan_day <= self.today:
            plan_cycle(self, kind, plan_day, asm, None, plan_day)

    def assessment(self, day: dt.date, multi: bool, *, timing: Data, employment: bool = False) -> str:
        rng, p = self.rng, self.person
        official = self.official()
        officials = [official]
        if multi and self.county_official is not None:
            officials.append(self.county_official)
        w = self.writer(official)
        kind = "multisectoral-assessment" if multi else "assessment"
        data = self.base(kind, "asm", day, officials)
        data["specifying_measures"] = specifying_measures(w, day, multi, self.org.local_county(w.lang))
        if timing["timing"] == "not-drawn-up":
            timing = {**timing, "justification": w.say("no_plan")}
        data["plan_timing"] = timing
        data["referrals"] = [referral(w, day) for _ in range(rng.choice((0, 0, 1, 1, 2)))]
        lit: Data = {
            **w.sourced("official-observation"),
            "level": p.literacy,
            "description": w.say(p.literacy_key),
        }
        data["literacy"] = lit
        target_fi = p.target_lang == "fi"
        data["finnish_skills"] = language_skill(w, target_fi, target_fi, "fi")
        data["swedish_skills"] = language_skill(w, not target_fi, not target_fi, "sv")
        data["employment_education_needs"] = {
            **w.sourced(),
            "employment_services": rng.random() < 0.7,
            "education_services": rng.random() < 0.8,
            "description": w.some("employment_education", 1, 2),
        }
        data["study_skills"] = described(w, "study_skills")
        data["working_life_skills"] = described(w, "working_life")
        data["previous_education"] = education(w)
        data["work_experience"] = work(w)
        data["strengths"] = described(w, "strengths")
        data["wishes_and_goals"] = {**w.sourced(), "wishes": w.say("wishes"), "goals": w.say("goals")}
        data["civic_participation"] = described(w, "civic", lo=1, hi=1)
        data["society_knowledge"] = described(w, "society")
        needs = sorted(
            rng.sample(
                ("social-services", "health-services", "employment-services", "third-sector-activity"),
                rng.randint(0, 2),
            )
        )
        data["life_situation"] = {
            **w.sourced(),
            "description": w.some(p.life_key, 1, 2),
            "service_needs": needs,
        }
        family_needed = timing["plan_kind"] == "family-plan"
        data["family_plan_need"] = {
            **w.sourced(),
            "needed": family_needed,
            "description": w.say("family_need") if family_needed else B_NO_FAMILY[w.lang],
        }
        if rng.random() < 0.04:
            data["other_data"] = w.other_data()
        self.flaws.unrecorded(data, p.target_lang)
        if multi:
            data["mental_health_rehabilitation_needs"] = described(
                w, "mental_health", "other-authority", 1, 1
            )
            data["social_health_service_needs"] = described(w, "social_health", "person", 1, 1)
            data["other_service_needs"] = described(w, "other_needs", "person", 1, 1)
        elif employment:
            data["employment_referral"] = {"date": day.isoformat(), "reason": w.say("employment_referral")}
        self.records.append(data)
        return str(data["id"])

    def plan(
        self,
        kind: str,
        day: dt.date,
        start: dt.date,
        end: dt.date,
        assessment: str,
        previous: str | None,
        first_review: dt.date,
    ) -> str:
        rng = self.rng
        official = self.official()
        officials = [official]
        if kind == "multisectoral-plan" and self.county_official is not None:
            officials.append(self.county_official)
        w = self.writer(official)
        data = self.base(kind, "pln", day, officials)
        data["assessment"] = assessment
        if previous is not None:
            data["previous_plan"] = previous
        data["period"] = {"start": start.isoformat(), "end": end.isoformat()}
        data["measures"] = measures(w, start, end, kind, w.ctx["org"], self.org.local_county(w.lang))
        self.flaws.delay_services(data["measures"], start, end)
        starts = [dt.date.fromisoformat(m["start"]) for m in data["measures"] if "start" in m]
        data["goals"] = goals(w, end, max(starts) + dt.timedelta(days=30) if starts else None)
        data["other_content"] = w.say("other_content")
        data["first_review"] = first_review.isoformat()
        data["sources"] = ["person"] if rng.random() < 0.6 else ["person", "other-authority"]
        if rng.random() < 0.03:
            data["other_data"] = w.other_data()
        if kind == "multisectoral-plan" and self.org.county is not None:
            data["wellbeing_services_county"] = self.org.county
        if kind == "family-plan":
            data["family_members"] = self.family_members(day)
        self.records.append(data)
        return str(data["id"])

    def family_members(self, day: dt.date) -> list[Data]:
        rng, p = self.rng, self.person
        out: list[Data] = []
        if p.spouse:
            first, _ = _name(rng, p.origin, not p.female)
            birth = min(p.birth + dt.timedelta(days=rng.randint(-1800, 1800)), dt.date(2006, 12, 31))
            out.append(
                {"name": f"{first} {p.last}", "relation": "spouse", "date_of_birth": birth.isoformat()}
            )
        earliest = max(p.birth + dt.timedelta(days=20 * 365), dt.date(2007, 1, 1))
        latest = min(p.birth + dt.timedelta(days=45 * 365), day - dt.timedelta(days=120))
        for _ in range(p.children):
            if earliest >= latest:
                break
            first, _ = _name(rng, p.origin, rng.random() < 0.5)
            birth = earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))
            out.append({"name": f"{first} {p.last}", "relation": "child", "date_of_birth": birth.isoformat()})
        if not out:
            first, _ = _name(rng, p.origin, not p.female)
            out.append({"name": f"{first} {p.last}", "relation": "spouse"})
        return out


B_NO_FAMILY = {
    "fi": "Ei tarvetta perheen suunnitelmalle tällä hetkellä.",
    "sv": "Inget behov av en plan för familjen för närvarande.",
    "en": "No need for a family plan at present.",
}


def customer_life(
    spec: DatasetSpec, rng: random.Random, index: int, realism: Imperfections = DEFAULT_REALISM
) -> list[Data]:
    """The records of customer ``index`` as data: the customer record first, then by date."""
    life = Life(spec, rng, index, realism)
    records = life.run()
    head, rest = records[0], records[1:]
    rest.sort(key=lambda r: (r["date"], r["id"]))
    return [head, *rest]
