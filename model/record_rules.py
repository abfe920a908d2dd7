"""Legal rules on one record. Each is registered with its name and the decree items it realises.

Messages name the field and say what to do, in fi/sv/en. Severities of parameterised rules come
from ``RuleParams`` (a repository may change them); structural rules are always errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from kototieto.model.assessment import TIMING_DATE_WHEN, TIMING_NO_PLAN_WHEN, AssessmentBase, PlanTiming
from kototieto.model.common import OtherData
from kototieto.model.customer import INTERPRETATION_WHEN, Customer
from kototieto.model.guidance import Guidance
from kototieto.model.identity import is_temporary_id, is_test_range, parse_hetu
from kototieto.model.plan import PlanBase
from kototieto.model.problems import Path, Problem, RuleInfo, Severity, register_rule
from kototieto.model.record import Common
from kototieto.model.review import NO_OBSTACLES_WHEN, Review
from kototieto.model.rules import RuleParams, months_limit_end, plan_limits
from kototieto.model.text import T, Text, TextError

RecordRule = Callable[[Any, RuleParams], Iterator[Problem]]
F = TypeVar("F", bound=RecordRule)

PLAN_KINDS = ("integration-plan", "multisectoral-plan", "family-plan")
ASSESSMENT_KINDS = ("assessment", "multisectoral-assessment")


def rule(
    name: str,
    label: Text,
    description: Text,
    *,
    items: tuple[str, ...] = (),
    kinds: tuple[str, ...],
    param: str | None = None,
) -> Callable[[F], F]:
    def wrap(func: F) -> F:
        register_rule(RuleInfo(name, label, description, items, kinds, param=param, check=func))
        return func

    return wrap


def _severity(params: RuleParams, name: str) -> Severity | None:
    strength = params.strength(name)
    if strength == "off":
        return None
    if strength == "error":
        return Severity.ERROR
    if strength == "warning":
        return Severity.WARNING
    return Severity.INFO


def _fmt(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _problem(path: Path, severity: Severity, name: str, text: Text) -> Problem:
    return Problem(path, severity, name, text)


# --- plans ------------------------------------------------------------------------------------


@rule(
    "plan-duration",
    T("Suunnitelman kesto", "Planens varaktighet", "Plan duration"),
    T(
        "Suunnitelma päättyy alkamisen jälkeen. Ensimmäinen kotoutumissuunnitelma on enintään "
        "ensimmäisen suunnitelman enimmäiskeston pituinen (pidemmän keston peruste ei pidennä sitä), "
        "eikä mikään kotoutumissuunnitelma yksin ylitä kokonaiskestoa ilman pidemmän keston perustetta. "
        "Monialaisen ja perheen kotoutumissuunnitelman rajat ovat omia parametrejaan (oletuksena pois: lähdettä "
        "ei löytynyt).",
        "Planen slutar efter att den börjat. Den första integrationsplanen är högst den maximala "
        "längden för en första plan (en grund för längre varaktighet förlänger den inte), och ingen "
        "integrationsplan överskrider ensam den totala tiden utan en grund för längre varaktighet. "
        "Gränserna för sektorsövergripande planer och planer för familjen är egna parametrar (av som "
        "standard: ingen källa hittades).",
        "A plan ends after it starts. A first integration plan is at most the first-plan maximum (an "
        "extension ground never lifts it), and no integration plan alone exceeds the total maximum "
        "without an extension ground. Multisectoral and family plans have their own limit parameters "
        "(off by default: no source was found).",
    ),
    items=("D2.02",),
    kinds=PLAN_KINDS,
    param="first_plan_max_months",
)
def plan_duration(record: PlanBase, params: RuleParams) -> Iterator[Problem]:
    period = record.period
    if period is None:
        return
    if period.end <= period.start:
        yield _problem(
            ("period", "end"),
            Severity.ERROR,
            "plan-duration",
            T(
                "Päättymispäivän pitää olla alkupäivän jälkeen. Korjaa suunnitelman kesto.",
                "Slutdatumet ska vara efter startdatumet. Rätta planens varaktighet.",
                "The end must be after the start. Correct the plan period.",
            ),
        )
        return
    first_limit, total_limit = plan_limits(str(getattr(record, "kind", "")))
    first = record.previous_plan is None
    if first and first_limit is not None:
        # the first plan's own limit: an extension ground concerns the total duration only
        yield from _over(record, params, first_limit, first=True, extra=0)
    if total_limit is not None and total_limit != first_limit:
        extra = 0
        if record.extension_ground is not None:
            cap = params.int_value("max_extension_months")
            if cap is None or _severity(params, "max_extension_months") is None:
                return  # an extension ground allows a longer plan; no ceiling was found or set
            extra = cap
        yield from _over(record, params, total_limit, first=False, extra=extra)
    elif not first and first_limit is not None and record.extension_ground is None:
        yield from _over(record, params, first_limit, first=False, extra=0)


def _over(record: PlanBase, params: RuleParams, name: str, *, first: bool, extra: int) -> Iterator[Problem]:
    months = params.int_value(name)
    severity = _severity(params, name)
    period = record.period
    if months is None or severity is None or period is None:
        return
    last = months_limit_end(period.start, months + extra)
    if period.end <= last:
        return
    which = (
        T("Ensimmäinen suunnitelma", "Den första planen", "A first plan")
        if first
        else T("Suunnitelma", "Planen", "A plan")
    )
    if first:
        hint = T(
            "Lyhennä kestoa; pidemmän keston peruste ei pidennä ensimmäistä suunnitelmaa.",
            "Förkorta planen; en grund för längre varaktighet förlänger inte den första planen.",
            "Shorten it; an extension ground does not lengthen a first plan.",
        )
    elif extra:
        hint = T(
            f"Pidemmän keston perusteella enintään {extra} kuukautta lisää (max_extension_months).",
            f"Med en grund för längre varaktighet högst {extra} månader till (max_extension_months).",
            f"An extension ground allows at most {extra} months more (max_extension_months).",
        )
    else:
        hint = T(
            "Lyhennä kestoa tai kirjaa pidemmän keston peruste (extension_ground).",
            "Förkorta planen eller registrera en grund för längre varaktighet (extension_ground).",
            "Shorten it or record a ground for a longer duration (extension_ground).",
        )
    total = months + extra
    yield _problem(
        ("period", "end"),
        severity,
        "plan-duration",
        T(
            f"{which.fi} saa kestää enintään {total} kuukautta (viimeistään {_fmt(last)}). {hint.fi}",
            f"{which.sv} får vara högst {total} månader (senast {_fmt(last)}). {hint.sv}",
            f"{which.en} may last at most {total} months (until {_fmt(last)}). {hint.en}",
        ),
    )


@rule(
    "first-review-deadline",
    T("Ensimmäisen tarkistuksen määräaika", "Tidsfrist för första översynen", "First review deadline"),
    T(
        "Ensimmäinen tarkistus on suunnitelman alun jälkeen ja tarkistusvälin sisällä.",
        "Den första översynen är efter planens start och inom översynsintervallet.",
        "The first review is after the plan start and within the review interval.",
    ),
    items=("D2.07",),
    kinds=PLAN_KINDS,
    param="review_interval_months",
)
def first_review_deadline(record: PlanBase, params: RuleParams) -> Iterator[Problem]:
    if record.first_review is None or record.period is None:
        return
    start = record.period.start
    if record.first_review < start:
        yield _problem(
            ("first_review",),
            Severity.ERROR,
            "first-review-deadline",
            T(
                "Ensimmäinen tarkistus ei voi olla ennen suunnitelman alkua. Korjaa päivämäärä.",
                "Den första översynen kan inte vara före planens start. Rätta datumet.",
                "The first review cannot be before the plan starts. Correct the date.",
            ),
        )
        return
    months = params.int_value("review_interval_months")
    severity = _severity(params, "review_interval_months")
    if months is None or severity is None:
        return
    last = months_limit_end(start, months) + dt.timedelta(days=1)
    if record.first_review > last:
        yield _problem(
            ("first_review",),
            severity,
            "first-review-deadline",
            T(
                f"Ensimmäinen tarkistus pitää suunnitella {months} kuukauden sisään suunnitelman "
                f"alusta (viimeistään {_fmt(last)}).",
                f"Den första översynen ska planeras inom {months} månader från planens start "
                f"(senast {_fmt(last)}).",
                f"Plan the first review within {months} months of the plan start (by {_fmt(last)}).",
            ),
        )


@rule(
    "measure-dates",
    T("Toimenpiteiden ajankohdat", "Åtgärdernas tidpunkter", "Measure dates"),
    T(
        "Toimenpide päättyy alkamisensa jälkeen, ja asiakas ohjataan palveluun määräajassa suunnitelman "
        "alusta (kotoutumis- ja monialainen suunnitelma).",
        "En åtgärd slutar efter att den börjat, och kunden hänvisas till en tjänst inom tidsfristen från "
        "planens start (integrationsplan och sektorsövergripande plan).",
        "A measure ends after it starts, and the customer is referred to a service within the deadline "
        "after the plan start (integration and multisectoral plans).",
    ),
    items=("D2.04",),
    kinds=PLAN_KINDS,
    param="service_start_within_months",
)
def measure_dates(record: PlanBase, params: RuleParams) -> Iterator[Problem]:
    for index, measure in enumerate(record.measures):
        if measure.start and measure.end and measure.end < measure.start:
            yield _problem(
                ("measures", index, "end"),
                Severity.ERROR,
                "measure-dates",
                T(
                    "Toimenpiteen päättymispäivä on ennen alkamispäivää. Korjaa päivämäärät.",
                    "Åtgärdens slutdatum är före startdatumet. Rätta datumen.",
                    "The measure ends before it starts. Correct the dates.",
                ),
            )
    months = params.int_value("service_start_within_months")
    severity = _severity(params, "service_start_within_months")
    if (
        months is None
        or severity is None
        or record.period is None
        or getattr(record, "kind", "") == "family-plan"
    ):
        return
    # the guidance: the person is *referred* to education or another service within the deadline;
    # a measure's referral date counts, its start only when no referral date is recorded
    referred = [day for m in record.measures if (day := m.referred_on or m.start) is not None]
    if referred and min(referred) > months_limit_end(record.period.start, months):
        yield _problem(
            ("measures",),
            severity,
            "measure-dates",
            T(
                f"Asiakasta ei ole ohjattu yhteenkään palveluun {months} kuukauden kuluessa suunnitelman "
                "alusta. Ohjaa asiakas koulutukseen tai muuhun palveluun ilman viivytystä, tai kirjaa "
                "ohjauspäivä (referred_on), jos palvelu vain alkaa myöhemmin.",
                f"Kunden har inte hänvisats till någon tjänst inom {months} månader från planens start. "
                "Hänvisa kunden till utbildning eller annan tjänst utan dröjsmål, eller registrera "
                "datumet för hänvisningen (referred_on) om tjänsten bara börjar senare.",
                f"The customer was not referred to any service within {months} months of the plan "
                "start. Refer them to education or another service without delay, or record the "
                "referral date (referred_on) if the service only starts later.",
            ),
        )


# --- assessments ------------------------------------------------------------------------------


@rule(
    "plan-timing",
    T("Suunnitelman ajankohta", "Planens tidpunkt", "Planned time of the plan"),
    T(
        "Ajankohta on täsmälleen yksi: päivämäärä, mahdollisimman pian, tai ei laadita perusteluineen.",
        "Tidpunkten är exakt en av: datum, så snart som möjligt, eller utarbetas inte med motivering.",
        "The planned time is exactly one of: a date, as soon as possible, or not drawn up with a reason.",
    ),
    items=("D1.04", "D1.08"),
    kinds=ASSESSMENT_KINDS,
)
def plan_timing(record: AssessmentBase, params: RuleParams) -> Iterator[Problem]:
    yield from _timing(record, record.plan_timing, "plan_timing")
    family = record.family_plan_timing
    yield from _timing(record, family, "family_plan_timing")
    if family is not None and family.plan_kind != "family-plan":
        yield _problem(
            ("family_plan_timing", "plan_kind"),
            Severity.ERROR,
            "plan-timing",
            T(
                "Perheen kotoutumissuunnitelman ajankohdassa suunnitelman laji on perheen "
                "kotoutumissuunnitelma (family-plan).",
                "I tidpunkten för integrationsplanen för familjen är typen av plan integrationsplan för "
                "familjen (family-plan).",
                "The family plan's timing is for the family plan: set plan_kind to family-plan.",
            ),
        )


def _timing(record: AssessmentBase, timing: PlanTiming | None, field: str) -> Iterator[Problem]:
    if timing is None:
        return
    base: tuple[str, ...] = (field,)
    if TIMING_DATE_WHEN.holds_in(timing):
        if timing.date is None:
            yield _problem(
                (*base, "date"),
                Severity.ERROR,
                "plan-timing",
                T(
                    "Ajankohta on päivämäärä, mutta päivämäärä puuttuu. Lisää date.",
                    "Tidpunkten är ett datum men datumet saknas. Lägg till date.",
                    "The timing is a date but the date is missing. Add date.",
                ),
            )
        elif timing.date < record.date:
            yield _problem(
                (*base, "date"),
                Severity.ERROR,
                "plan-timing",
                T(
                    "Suunniteltu päivä on ennen arviointia. Korjaa päivämäärä.",
                    "Det planerade datumet är före bedömningen. Rätta datumet.",
                    "The planned date is before the assessment. Correct the date.",
                ),
            )
    elif timing.date is not None:
        yield _problem(
            (*base, "date"),
            Severity.ERROR,
            "plan-timing",
            T(
                "Päivämäärä kirjataan vain, kun ajankohta on 'date'. Poista date tai vaihda ajankohta.",
                "Datum registreras endast när tidpunkten är 'date'. Ta bort date eller byt tidpunkt.",
                "A date belongs only to the timing 'date'. Remove date or change the timing.",
            ),
        )
    if TIMING_NO_PLAN_WHEN.holds_in(timing):
        if timing.reason is None or timing.justification is None:
            yield _problem(
                (*base, "reason" if timing.reason is None else "justification"),
                Severity.ERROR,
                "plan-timing",
                T(
                    "Kun suunnitelmaa ei laadita, kirjaa peruste (reason) ja perustelu (justification).",
                    "När ingen plan utarbetas, registrera grund (reason) och motivering (justification).",
                    "When no plan is drawn up, record the reason and the justification.",
                ),
            )
    else:
        for part in ("reason", "justification"):  # each at its own field
            if getattr(timing, part) is None:
                continue
            yield _problem(
                (*base, part),
                Severity.ERROR,
                "plan-timing",
                T(
                    "Peruste ja perustelu kirjataan vain, kun suunnitelmaa ei laadita. Poista ne tai "
                    "vaihda ajankohdaksi not-drawn-up.",
                    "Grund och motivering registreras endast när ingen plan utarbetas. Ta bort dem "
                    "eller byt tidpunkt till not-drawn-up.",
                    "A reason and justification belong only to 'not-drawn-up'. Remove them or change "
                    "the timing.",
                ),
            )


CONTENT_FIELDS = (
    "literacy",
    "finnish_skills",
    "swedish_skills",
    "employment_education_needs",
    "study_skills",
    "working_life_skills",
    "previous_education",
    "work_experience",
    "strengths",
    "wishes_and_goals",
    "civic_participation",
    "society_knowledge",
    "life_situation",
)


@rule(
    "assessment-content",
    T("Arvioinnin sisältö", "Bedömningens innehåll", "Assessment content"),
    T(
        "Arvioinnissa on kirjattu ainakin yksi sisältökohta (D1.10-D1.26).",
        "I bedömningen har minst en innehållspunkt registrerats (D1.10-D1.26).",
        "An assessment records at least one content item (D1.10-D1.26).",
    ),
    items=("D1.02",),
    kinds=ASSESSMENT_KINDS,
)
def assessment_content(record: AssessmentBase, params: RuleParams) -> Iterator[Problem]:
    if record.annulment is None and all(getattr(record, name) is None for name in CONTENT_FIELDS):
        yield _problem(
            (),
            Severity.WARNING,
            "assessment-content",
            T(
                "Arvioinnista puuttuu koko sisältö (osaaminen, kielitaito, palvelutarpeet). Kirjaa "
                "arvioinnin tulokset.",
                "Bedömningen saknar helt innehåll (kompetens, språkkunskaper, servicebehov). Registrera "
                "bedömningens resultat.",
                "The assessment has no content at all (skills, languages, service needs). Record its "
                "results.",
            ),
        )


# --- reviews ----------------------------------------------------------------------------------


@rule(
    "review-next-date",
    T("Seuraava tarkistus", "Följande översyn", "Next review"),
    T(
        "Seuraava tarkistus on tarkistuksen jälkeen ja tarkistusvälin sisällä (ellei suunnitelma päättynyt).",
        "Följande översyn är efter översynen och inom intervallet (om planen inte upphört).",
        "The next review is after this review and within the review interval (unless the plan ended).",
    ),
    items=("D3.05",),
    kinds=("review",),
    param="review_interval_months",
)
def review_next_date(record: Review, params: RuleParams) -> Iterator[Problem]:
    if record.next_review is None:
        return
    if record.next_review <= record.date:
        yield _problem(
            ("next_review",),
            Severity.ERROR,
            "review-next-date",
            T(
                "Seuraavan tarkistuksen pitää olla tämän tarkistuksen jälkeen. Korjaa päivämäärä.",
                "Följande översyn ska vara efter denna översyn. Rätta datumet.",
                "The next review must be after this review. Correct the date.",
            ),
        )
        return
    months = params.int_value("review_interval_months")
    severity = _severity(params, "review_interval_months")
    if months is None or severity is None:
        return
    last = months_limit_end(record.date, months) + dt.timedelta(days=1)
    if record.next_review > last:
        yield _problem(
            ("next_review",),
            severity,
            "review-next-date",
            T(
                f"Seuraava tarkistus pitää suunnitella {months} kuukauden sisään (viimeistään {_fmt(last)}).",
                f"Följande översyn ska planeras inom {months} månader (senast {_fmt(last)}).",
                f"Plan the next review within {months} months (by {_fmt(last)}).",
            ),
        )


@rule(
    "review-outcome",
    T("Tarkistuksen lopputulos", "Översynens utfall", "Review outcome"),
    T(
        "Suunnitelman vaihto on eri lajiin; pidennys päättyy tarkistuksen jälkeen; päättyneelle "
        "suunnitelmalle ei suunnitella uutta tarkistusta.",
        "Byte av plan sker till en annan typ; förlängningen slutar efter översynen; för en plan som "
        "upphört planeras ingen ny översyn.",
        "A switch goes to another kind; an extension ends after the review; an ended plan gets no next "
        "review.",
    ),
    items=("D3.11", "D3.12", "D3.13", "D3.14", "D3.15"),
    kinds=("review",),
)
def review_outcome(record: Review, params: RuleParams) -> Iterator[Problem]:
    individual = ("integration-plan", "multisectoral-plan")
    if record.plan_switch is not None and (
        record.plan_kind not in individual or record.plan_switch.to_kind not in individual
    ):
        yield _problem(
            ("plan_switch", "to_kind"),
            Severity.ERROR,
            "review-outcome",
            T(
                "Suunnitelman lajia voi vaihtaa vain kotoutumissuunnitelmasta monialaiseen "
                "kotoutumissuunnitelmaan tai päinvastoin. Perheen kotoutumissuunnitelman tarve kirjataan "
                "kohtaan family_plan_agreed.",
                "Typen av plan kan bytas endast från en integrationsplan till en sektorsövergripande "
                "integrationsplan eller tvärtom. Behov av en integrationsplan för familjen registreras i "
                "family_plan_agreed.",
                "A plan can switch only from an integration plan to a multisectoral integration plan or "
                "back. A need for a family plan goes in family_plan_agreed.",
            ),
        )
    elif record.plan_switch is not None and record.plan_switch.to_kind == record.plan_kind:
        yield _problem(
            ("plan_switch", "to_kind"),
            Severity.ERROR,
            "review-outcome",
            T(
                "Suunnitelmaa ei voi vaihtaa samaan lajiin. Valitse toinen suunnitelman laji.",
                "Planen kan inte bytas till samma typ. Välj en annan typ av plan.",
                "A plan cannot switch to its own kind. Choose another kind.",
            ),
        )
    if record.extension is not None and record.extension.new_end <= record.date:
        yield _problem(
            ("extension", "new_end"),
            Severity.ERROR,
            "review-outcome",
            T(
                "Pidennetyn suunnitelman päättymispäivän pitää olla tarkistuksen jälkeen.",
                "Den förlängda planens slutdatum ska vara efter översynen.",
                "The extended plan must end after the review.",
            ),
        )
    if record.plan_ended is not None and record.next_review is not None:
        yield _problem(
            ("next_review",),
            Severity.WARNING,
            "review-outcome",
            T(
                "Suunnitelma päättyy, mutta seuraava tarkistus on suunniteltu. Poista next_review.",
                "Planen upphör men en följande översyn är planerad. Ta bort next_review.",
                "The plan ends but a next review is planned. Remove next_review.",
            ),
        )
    if record.employment_referral is not None and record.next_review is not None:
        yield _problem(
            ("next_review",),
            Severity.INFO,
            "review-outcome",
            T(
                "Suunnitelman tarkistaminen siirtyy työvoimaviranomaiselle (ohjaus työvoimaviranomaiselle); "
                "kunnan seuraavaa tarkistusta ei tarvita.",
                "Översynen av planen övergår till arbetskraftsmyndigheten (hänvisning till "
                "arbetskraftsmyndigheten); kommunen behöver ingen följande översyn.",
                "The plan's review passes to the employment authority (referral to the employment "
                "authority); no next municipal review is needed.",
            ),
        )
    if record.no_obstacles and NO_OBSTACLES_WHEN.holds_in(record) is False:
        yield _problem(
            ("no_obstacles",),
            Severity.ERROR,
            "review-outcome",
            T(
                "Tarkistukseen on kirjattu sekä vaikeuttavia tekijöitä että tieto, ettei niitä ole. "
                "Poista toinen.",
                "I översynen har både försvårande faktorer och uppgiften att sådana saknas "
                "registrerats. Ta bort det ena.",
                "The review records obstacles and also that there are none. Remove one of them.",
            ),
        )
    if record.family_plan_agreed is not None and record.family_plan_agreed.planned_date is None:
        yield _problem(
            ("family_plan_agreed", "planned_date"),
            Severity.WARNING,
            "review-outcome",
            T(
                "Kun perheen kotoutumissuunnitelman tarve tunnistetaan, sovi ja kirjaa laatimisajankohta.",
                "När behov av en integrationsplan för familjen identifieras, kom överens om och registrera "
                "när den görs upp.",
                "When a family plan is needed, agree and record when it will be drawn up.",
            ),
        )


COUNTY = "wellbeing-services-county"


@rule(
    "county-review",
    T("Hyvinvointialueen kirjaus", "Välfärdsområdets registrering", "Wellbeing services county entry"),
    T(
        "Hyvinvointialue kirjaa vain monialaisen suunnitelman tarkistuksen, kun muutos koskee vain "
        "sen järjestämisvastuulla olevaa palvelua.",
        "Ett välfärdsområde registrerar endast översynen av en sektorsövergripande plan när "
        "ändringen gäller endast en tjänst som välfärdsområdet ansvarar för.",
        "A wellbeing services county records only a review of a multisectoral plan changed solely as "
        "to a service it is responsible for.",
    ),
    items=("D3.02", "D3.16"),
    kinds=("customer", *ASSESSMENT_KINDS, *PLAN_KINDS, "review", "guidance"),
)
def county_review(record: Common, params: RuleParams) -> Iterator[Problem]:
    if record.organisation.type != COUNTY:
        return
    if not isinstance(record, Review):
        yield _problem(
            ("organisation", "type"),
            Severity.ERROR,
            "county-review",
            T(
                "Hyvinvointialue voi kirjata vain monialaisen suunnitelman tarkistuksen. Tämän "
                "tietueen kirjaa kunta.",
                "Ett välfärdsområde kan registrera endast översyn av en sektorsövergripande plan. "
                "Denna post registreras av kommunen.",
                "A wellbeing services county may record only reviews of multisectoral plans. The "
                "municipality records this record.",
            ),
        )
        return
    if record.plan_kind != "multisectoral-plan":
        yield _problem(
            ("plan_kind",),
            Severity.ERROR,
            "county-review",
            T(
                "Hyvinvointialue voi kirjata vain monialaisen suunnitelman tarkistuksen.",
                "Ett välfärdsområde kan registrera endast översyn av en sektorsövergripande plan.",
                "A wellbeing services county may record only reviews of multisectoral plans.",
            ),
        )
    if not record.changes:
        yield _problem(
            ("changes",),
            Severity.ERROR,
            "county-review",
            T(
                "Hyvinvointialue kirjaa tarkistuksen vain, kun suunnitelmaa muutetaan sen palvelun "
                "osalta. Kirjaa muutos.",
                "Ett välfärdsområde registrerar översynen endast när planen ändras i fråga om dess "
                "tjänst. Registrera ändringen.",
                "A county records a review only when the plan changes as to its service. Record the change.",
            ),
        )
    for index, change in enumerate(record.changes):
        if change.organiser.type != COUNTY:
            yield _problem(
                ("changes", index, "organiser", "type"),
                Severity.ERROR,
                "county-review",
                T(
                    "Hyvinvointialue voi muuttaa vain palveluja, joiden järjestäjä se itse on.",
                    "Ett välfärdsområde kan ändra endast tjänster som det självt ordnar.",
                    "A county may change only services it organises itself.",
                ),
            )
    others = ("plan_ended", "extension", "plan_switch", "family_plan_agreed", "employment_referral")
    for name in others:
        if getattr(record, name) is not None:
            yield _problem(
                (name,),
                Severity.ERROR,
                "county-review",
                T(
                    "Tämän kirjaa kunta, ei hyvinvointialue.",
                    "Detta registreras av kommunen, inte av välfärdsområdet.",
                    "The municipality records this, not the wellbeing services county.",
                ),
            )


# --- guidance ---------------------------------------------------------------------------------


@rule(
    "guidance-consent",
    T("Suostumus", "Samtycke", "Consent"),
    T(
        "Ohjauksen tietoja kirjataan vain suostumuksella, joka on annettu tietosuojasta kertomisen "
        "jälkeen ja viimeistään kirjauspäivänä.",
        "Uppgifter om vägledning registreras endast med samtycke, givet efter information om "
        "dataskydd och senast registreringsdagen.",
        "Guidance data is recorded only with consent, given after being told about data protection "
        "and no later than the record's date.",
    ),
    items=("D4.01", "D4.05"),
    kinds=("guidance",),
)
def guidance_consent(record: Guidance, params: RuleParams) -> Iterator[Problem]:
    consent = record.consent
    if not consent.given:
        yield _problem(
            ("consent", "given"),
            Severity.ERROR,
            "guidance-consent",
            T(
                "Ilman maahanmuuttajan suostumusta ohjauksen tietoja ei saa kirjata.",
                "Utan invandrarens samtycke får uppgifter om vägledningen inte registreras.",
                "Without the immigrant's consent, guidance data may not be recorded.",
            ),
        )
    if not consent.informed:
        yield _problem(
            ("consent", "informed"),
            Severity.ERROR,
            "guidance-consent",
            T(
                "Kerro maahanmuuttajalle kirjaamisen merkitys tietosuojan kannalta ennen suostumusta.",
                "Informera invandraren om vad registreringen innebär för dataskyddet före samtycket.",
                "Tell the immigrant what recording means for data protection before they consent.",
            ),
        )
    if consent.date > record.date:
        yield _problem(
            ("consent", "date"),
            Severity.ERROR,
            "guidance-consent",
            T(
                "Suostumus on päivätty kirjauksen jälkeen. Suostumus tarvitaan ennen kirjaamista.",
                "Samtycket är daterat efter registreringen. Samtycke behövs före registreringen.",
                "The consent is dated after the record. Consent is needed before recording.",
            ),
        )


# --- every kind -------------------------------------------------------------------------------


@rule(
    "other-data-necessity",
    T("Muun tiedon välttämättömyys", "Nödvändighet av annan uppgift", "Necessity of other data"),
    T(
        "Muu välttämätön tieto kirjataan vain, kun sen välttämättömyys on perusteltu.",
        "Annan nödvändig uppgift registreras endast med motiverad nödvändighet.",
        "Other necessary data is recorded only with a stated necessity.",
    ),
    items=("D1.27", "D2.08", "D3.16"),
    kinds=(*ASSESSMENT_KINDS, *PLAN_KINDS, "review"),
)
def other_data_necessity(record: Common, params: RuleParams) -> Iterator[Problem]:
    other = getattr(record, "other_data", None)
    if isinstance(other, OtherData) and not (other.necessity or "").strip():
        yield _problem(
            ("other_data", "necessity"),
            Severity.ERROR,
            "other-data-necessity",
            T(
                "Muuta tietoa ei saa kirjata ilman perustelua sen välttämättömyydelle. Lisää necessity.",
                "Annan uppgift får inte registreras utan motivering av nödvändigheten. Lägg till necessity.",
                "Other data may not be recorded without stating why it is necessary. Add necessity.",
            ),
        )


@rule(
    "identity-code",
    T("Henkilötunnus", "Personbeteckning", "Identity code"),
    T(
        "Henkilötunnuksen tarkiste ja päivämäärä ovat oikein ja vastaavat syntymäaikaa; pilotissa "
        "vain yksilönumerot 900-999, ellei tietovarantoa ole määritetty oikeille tiedoille.",
        "Personbeteckningens kontrolltecken och datum stämmer och motsvarar födelsedatumet; i "
        "piloten endast individnummer 900-999 om inte lagret är inställt för verkliga uppgifter.",
        "The identity code's check character and date are valid and match the date of birth; pilots "
        "use only individual numbers 900-999 unless configured for real data.",
    ),
    kinds=("customer",),
    param="allow_real_identity_codes",
)
def identity_code(record: Customer, params: RuleParams) -> Iterator[Problem]:
    ident = record.identifier
    path: Path = ("identifier", "value")
    if ident.type == "temporary":
        if not is_temporary_id(ident.value):
            yield _problem(
                path,
                Severity.ERROR,
                "identity-code",
                T(
                    "Väliaikainen tunniste on muotoa T- ja kahdeksan merkkiä (esim. T-0000001Z).",
                    "En tillfällig identifikation har formen T- och åtta tecken (t.ex. T-0000001Z).",
                    "A temporary identifier is T- and eight characters (e.g. T-0000001Z).",
                ),
            )
        return
    try:
        hetu = parse_hetu(ident.value)
    except ValueError as exc:
        why = exc.text if isinstance(exc, TextError) else T(str(exc), str(exc), str(exc))
        yield _problem(
            path,
            Severity.ERROR,
            "identity-code",
            T(
                f"Henkilötunnus ei kelpaa: {why.fi}. Tarkista tunnus.",
                f"Personbeteckningen är ogiltig: {why.sv}. Kontrollera beteckningen.",
                f"The identity code is invalid: {why.en}. Check it.",
            ),
        )
        if record.date_of_birth is None:  # in the same round, not after the code is fixed
            yield _birth_date_missing(None)
        return
    if not is_test_range(hetu) and params.allow_real_identity_codes.value is not True:
        yield _problem(
            path,
            Severity.ERROR,
            "identity-code",
            T(
                "Pilotissa käytetään vain keksittyjä henkilöitä: yksilönumeron pitää olla 900-999.",
                "Piloten använder endast påhittade personer: individnumret ska vara 900-999.",
                "Pilots use invented people only: the individual number must be 900-999.",
            ),
        )
    if record.date_of_birth is None:
        yield _birth_date_missing(hetu.birth_date)
    elif hetu.birth_date != record.date_of_birth:
        yield _problem(
            ("date_of_birth",),
            Severity.ERROR,
            "identity-code",
            T(
                "Syntymäaika ei vastaa henkilötunnusta. Korjaa jompikumpi.",
                "Födelsedatumet motsvarar inte personbeteckningen. Rätta det ena.",
                "The date of birth does not match the identity code. Correct one of them.",
            ),
        )


def _birth_date_missing(from_code: dt.date | None) -> Problem:
    """The missing date of birth; with a valid identity code the date it gives, ready to copy."""
    iso = f": {from_code.isoformat()}" if from_code is not None else ""
    return _problem(
        ("date_of_birth",),
        Severity.ERROR,
        "identity-code",
        T(
            f"Syntymäaika puuttuu. Kirjaa se henkilötunnuksen mukaisena{iso}.",
            f"Födelsedatum saknas. Registrera det enligt personbeteckningen{iso}.",
            f"The date of birth is missing. Record it as in the identity code{iso}.",
        ),
    )


@rule(
    "interpretation",
    T("Tulkkaus", "Tolkning", "Interpretation"),
    T(
        "Tulkkauskieli kirjataan, kun tulkkausta tarvitaan, eikä muulloin.",
        "Tolkningsspråk registreras när tolkning behövs, och inte annars.",
        "An interpretation language is recorded when interpretation is needed, and not otherwise.",
    ),
    kinds=("customer",),
)
def interpretation(record: Customer, params: RuleParams) -> Iterator[Problem]:
    applies = INTERPRETATION_WHEN.holds_in(record)  # None: whether it is needed is not known
    if applies and record.interpretation_language is None:
        yield _problem(
            ("interpretation_language",),
            Severity.WARNING,
            "interpretation",
            T(
                "Tulkkausta tarvitaan, mutta kieli puuttuu. Lisää tulkkauskieli.",
                "Tolkning behövs men språket saknas. Lägg till tolkningsspråket.",
                "Interpretation is needed but the language is missing. Add it.",
            ),
        )
    if applies is False and record.interpretation_language is not None:
        yield _problem(
            ("interpretation_language",),
            Severity.WARNING,
            "interpretation",
            T(
                "Tulkkauskieli on kirjattu, vaikka tulkkausta ei tarvita.",
                "Tolkningsspråk har registrerats fast tolkning inte behövs.",
                "An interpretation language is recorded although none is needed.",
            ),
        )


@rule(
    "annulment-date",
    T("Mitätöinnin päivä", "Annulleringens datum", "Annulment date"),
    T(
        "Tietue mitätöidään aikaisintaan päivänä, jota se koskee.",
        "En post annulleras tidigast den dag den gäller.",
        "A record is annulled no earlier than the date it concerns.",
    ),
    kinds=("customer", *ASSESSMENT_KINDS, *PLAN_KINDS, "review", "guidance"),
)
def annulment_date(record: Common, params: RuleParams) -> Iterator[Problem]:
    day = getattr(record, "date", None)
    if record.annulment is not None and isinstance(day, dt.date) and record.annulment.date < day:
        yield _problem(
            ("annulment", "date"),
            Severity.ERROR,
            "annulment-date",
            T(
                "Mitätöintipäivä on ennen tietueen päivämäärää. Korjaa päivämäärä.",
                "Annulleringsdatumet är före postens datum. Rätta datumet.",
                "The annulment is dated before the record. Correct the date.",
            ),
        )
