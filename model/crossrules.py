"""Rules over a set of records: references between records and a customer's total plan time.

Functions of plain record objects, so the store can apply them to one customer's records before
a write and to a whole repository in ``koto validate``. Annulled records take no part, except that
referring to an annulled record is reported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from kototieto.model import codelists as _codelists
from kototieto.model.codes import CODE_LISTS
from kototieto.model.customer import Customer
from kototieto.model.plan import PlanBase
from kototieto.model.planstate import plan_state
from kototieto.model.problems import Problem, RuleInfo, Severity, register_rule
from kototieto.model.record import Common, RecordBase
from kototieto.model.review import Review
from kototieto.model.rules import RuleParams, add_months, months_limit_end, plan_limits
from kototieto.model.text import T, Text

ASSESSMENT_KINDS = ("assessment", "multisectoral-assessment")
PLAN_KINDS = ("integration-plan", "multisectoral-plan", "family-plan")
_ = _codelists  # registers the code lists (the extension grounds' labels)

for _name, _label, _desc, _items, _kinds, _param in (
    (
        "record-references",
        T("Viittaukset", "Hänvisningar", "References"),
        T(
            "Tietue viittaa saman asiakkaan olemassa olevaan asiakkaaseen, arviointiin ja suunnitelmaan.",
            "Posten hänvisar till samma kunds befintliga kund, bedömning och plan.",
            "A record refers to an existing customer, assessment and plan of the same customer.",
        ),
        ("D3.01",),
        ("assessment", "multisectoral-assessment", *PLAN_KINDS, "review", "guidance"),
        None,
    ),
    (
        "county-review-plan",
        T(
            "Hyvinvointialueen tarkistama suunnitelma",
            "Plan som välfärdsområdet ser över",
            "Plan reviewed by a county",
        ),
        T(
            "Hyvinvointialueen kirjaama tarkistus koskee monialaista suunnitelmaa, jonka se laati.",
            "En översyn som välfärdsområdet registrerar gäller en sektorsövergripande plan som det utarbetade.",
            "A review recorded by a county concerns a multisectoral plan it drew up.",
        ),
        ("D3.02",),
        ("review",),
        None,
    ),
    (
        "total-plan-time",
        T("Suunnitelmien kokonaiskesto", "Planernas totala tid", "Total plan time"),
        T(
            "Asiakkaan kotoutumissuunnitelmien yhteiskesto ei ylitä enimmäisaikaa ilman pidentämisen "
            "perustetta eikä koskaan viimeisimmän pidennyksen myöntämää päättymispäivää; pidennetyt "
            "suunnitelmat raportoidaan tiedoksi. Tulkinta (vahvistamatta): kalenteriaika ensimmäisen "
            "suunnitelman alusta viimeisen loppuun, tauot mukaan lukien. Perheen "
            "kotoutumissuunnitelma ei kerrytä yksilön kokonaiskestoa.",
            "Kundens integrationsplaner överskrider tillsammans inte den maximala tiden utan grund för "
            "förlängning och aldrig det slutdatum som den senaste förlängningen beviljade; förlängda "
            "planer rapporteras för kännedom. Tolkning (obekräftad): kalendertid från den första planens "
            "start till den sista planens slut, uppehåll medräknade. En integrationsplan för familjen "
            "räknas inte in i individens totala tid.",
            "A customer's integration plans together do not exceed the maximum without an extension "
            "ground, and never end after the end granted by the latest extension; extended plans are "
            "reported as information. Interpretation (unverified): the calendar span from the first "
            "plan's start to the last plan's end, gaps counted. A family plan does not count toward an "
            "individual's total.",
        ),
        ("D2.02", "D3.12"),
        PLAN_KINDS,
        "total_plan_max_months",
    ),
    (
        "first-plan-window",
        T("Kolmen vuoden määräaika", "Treårsfristen", "Three-year window"),
        T(
            "Ensimmäinen suunnitelma laaditaan kolmen vuoden kuluessa ensimmäisestä oleskeluluvasta "
            "(ei ihmiskaupan uhreilla).",
            "Den första planen utarbetas inom tre år från det första uppehållstillståndet (inte för "
            "offer för människohandel).",
            "The first plan is drawn up within three years of the first residence permit (not for "
            "victims of human trafficking).",
        ),
        (),
        PLAN_KINDS,
        "first_plan_window_years",
    ),
):
    register_rule(RuleInfo(_name, _label, _desc, _items, _kinds, cross_record=True, param=_param))


def _p(severity: Severity, rule: str, path: tuple[str | int, ...], text: Text) -> Problem:
    return Problem(path, severity, rule, text)


def _ref_problems(
    record: RecordBase, field: str, target: Common | None, kinds: tuple[str, ...], what: Text
) -> Iterator[Problem]:
    ref = getattr(record, field)
    if ref is None:
        return
    if target is None or getattr(target, "kind", None) not in kinds:
        yield _missing(field, str(ref), what)
        return
    if getattr(target, "customer", None) != record.customer:
        yield _p(
            Severity.ERROR,
            "record-references",
            (field,),
            T(
                f"Viitattu tietue '{ref}' kuuluu toiselle asiakkaalle.",
                f"Posten '{ref}' som det hänvisas till hör till en annan kund.",
                f"The referenced record '{ref}' belongs to another customer.",
            ),
        )
    elif target.annulment is not None and isinstance(record, Review):
        yield _p(
            Severity.WARNING,
            "record-references",
            (field,),
            T(
                f"Tarkistus koskee suunnitelmaa '{ref}', joka on mitätöity. Jos tarkistus kuuluu "
                "toiselle suunnitelmalle, korjaa plan; muuten mitätöi myös tarkistus.",
                f"Översynen gäller planen '{ref}', som har annullerats. Om översynen hör till en annan "
                "plan, rätta plan; annars annullera också översynen.",
                f"The review concerns plan '{ref}', which has been annulled. If the review belongs to "
                "another plan, correct plan; otherwise annul the review too.",
            ),
        )
    elif target.annulment is not None:
        yield _p(
            Severity.WARNING,
            "record-references",
            (field,),
            T(
                f"Viitattu tietue '{ref}' on mitätöity.",
                f"Posten '{ref}' som det hänvisas till har annullerats.",
                f"The referenced record '{ref}' has been annulled.",
            ),
        )


def _missing(field: str, ref: str, what: Text) -> Problem:
    return _p(
        Severity.ERROR,
        "record-references",
        (field,),
        T(
            f"Viitattua tietuetta '{ref}' ({what.fi}) ei löydy. Tarkista tunniste.",
            f"Posten '{ref}' ({what.sv}) som det hänvisas till finns inte. Kontrollera identifieraren.",
            f"The referenced record '{ref}' ({what.en}) does not exist. Check the id.",
        ),
    )


def _customer_missing(customer: str) -> Problem:
    return _p(
        Severity.ERROR,
        "record-references",
        ("customer",),
        T(
            f"Asiakasta '{customer}' ei löydy. Kirjaa ensin asiakas.",
            f"Kunden '{customer}' finns inte. Registrera först kunden.",
            f"Customer '{customer}' does not exist. Record the customer first.",
        ),
    )


PLAN_WORD = T("suunnitelma", "plan", "plan")
ASSESSMENT_WORD = T("arviointi", "bedömning", "assessment")
CUSTOMER_WORD = T("asiakas", "kund", "customer")


def missing_references(data: Mapping[str, Any], kinds_by_id: Mapping[str, str]) -> list[Problem]:
    """The references of a record that fails its schema (so the rules above cannot run on it yet)
    to records missing from ``kinds_by_id`` (the customer's other records, id -> kind): reported
    in the same round as the schema problems, not after they are fixed."""
    kind = data.get("kind")
    if not isinstance(kind, str) or kind == "customer":
        return []
    out = []
    customer = data.get("customer")
    if isinstance(customer, str) and kinds_by_id.get(customer) != "customer":
        out.append(_customer_missing(customer))
    fields: tuple[tuple[str, tuple[str, ...], Text], ...] = ()
    if kind in PLAN_KINDS:
        fields = (("assessment", ASSESSMENT_KINDS, ASSESSMENT_WORD), ("previous_plan", PLAN_KINDS, PLAN_WORD))
    elif kind == "review":
        fields = (("plan", PLAN_KINDS, PLAN_WORD),)
    for field, kinds, what in fields:
        ref = data.get(field)
        if isinstance(ref, str) and kinds_by_id.get(ref) not in kinds:
            out.append(_missing(field, ref, what))
    return out


def check_records(records: Iterable[Any], params: RuleParams | None = None) -> list[tuple[str, Problem]]:
    """Cross-record problems as ``(record id, problem)`` pairs, in record order."""
    params = params or RuleParams()
    all_records: list[Common] = list(records)
    by_id: dict[str, Common] = {r.id: r for r in all_records}
    out: list[tuple[str, Problem]] = []
    plans_of: dict[str, list[PlanBase]] = defaultdict(list)
    reviews_of: dict[str, list[Review]] = defaultdict(list)
    for record in all_records:
        if not isinstance(record, RecordBase):
            continue
        customer = by_id.get(record.customer)
        if not isinstance(customer, Customer):
            out.append((record.id, _customer_missing(record.customer)))
        if isinstance(record, PlanBase):
            for problem in _ref_problems(
                record, "assessment", by_id.get(record.assessment or ""), ASSESSMENT_KINDS, ASSESSMENT_WORD
            ):
                out.append((record.id, problem))
            for problem in _ref_problems(
                record, "previous_plan", by_id.get(record.previous_plan or ""), PLAN_KINDS, PLAN_WORD
            ):
                out.append((record.id, problem))
            if record.annulment is None:
                plans_of[record.customer].append(record)
        if isinstance(record, Review):
            plan = by_id.get(record.plan)
            for problem in _ref_problems(record, "plan", plan, PLAN_KINDS, PLAN_WORD):
                out.append((record.id, problem))
            if isinstance(plan, PlanBase):
                out.extend((record.id, p) for p in _review_vs_plan(record, plan))
            if record.annulment is None:
                reviews_of[record.customer].append(record)
    out.extend(_plan_time(plans_of, reviews_of, by_id, params))
    return out


def _review_vs_plan(review: Review, plan: PlanBase) -> Iterator[Problem]:
    plan_kind = str(getattr(plan, "kind", ""))
    if plan_kind != review.plan_kind:
        yield _p(
            Severity.ERROR,
            "record-references",
            ("plan_kind",),
            T(
                f"Suunnitelman laji on '{plan_kind}', mutta tarkistuksessa '{review.plan_kind}'. Korjaa plan_kind.",
                f"Planens typ är '{plan_kind}' men i översynen '{review.plan_kind}'. Rätta plan_kind.",
                f"The plan is a '{plan_kind}' but the review says '{review.plan_kind}'. Correct plan_kind.",
            ),
        )
    if review.date < plan.date:
        yield _p(
            Severity.ERROR,
            "record-references",
            ("date",),
            T(
                "Tarkistus on päivätty ennen suunnitelmaa. Korjaa päivämäärä.",
                "Översynen är daterad före planen. Rätta datumet.",
                "The review is dated before the plan. Correct the date.",
            ),
        )
    if review.organisation.type == "wellbeing-services-county":
        county = getattr(plan, "wellbeing_services_county", None)
        if county is None and str(getattr(plan, "kind", "")) == "multisectoral-plan":
            yield _p(
                Severity.WARNING,
                "county-review-plan",
                ("organisation", "code"),
                T(
                    "Suunnitelmaan ei ole kirjattu hyvinvointialuetta, joten ei voida tarkistaa, että "
                    "tarkistuksen kirjaava hyvinvointialue laati suunnitelman. Kirjaa suunnitelmaan "
                    "hyvinvointialue.",
                    "I planen har inget välfärdsområde registrerats, så det går inte att kontrollera att "
                    "det välfärdsområde som registrerar översynen utarbetade planen. Registrera "
                    "välfärdsområdet i planen.",
                    "The plan names no wellbeing services county, so it cannot be checked that the "
                    "county recording this review drew up the plan. Record the county in the plan.",
                ),
            )
        elif county is not None and county != review.organisation.code:
            yield _p(
                Severity.ERROR,
                "county-review-plan",
                ("organisation", "code"),
                T(
                    f"Suunnitelman hyvinvointialue on {county}; toinen hyvinvointialue ei voi kirjata sen tarkistusta.",
                    f"Planens välfärdsområde är {county}; ett annat välfärdsområde kan inte registrera dess översyn.",
                    f"The plan's county is {county}; another county cannot record its review.",
                ),
            )


def _sev(strength: str) -> Severity | None:
    return {"error": Severity.ERROR, "warning": Severity.WARNING, "off": None}.get(strength, Severity.INFO)


def _total_time(
    plans: list[PlanBase], reviews: list[Review], params: RuleParams
) -> Iterator[tuple[str, Problem]]:
    """The customer's plans of each kind together against that kind's total limit.

    Interpretation (unverified, stated in the rule and the parameters table): the calendar span
    from the earliest start to the latest effective end (``planstate``: extensions, endings and
    replacements applied), gaps between plans counted. A family plan counts toward no total.
    """
    for kind in PLAN_KINDS:
        _, name = plan_limits(kind)
        if name is None:
            continue
        months = params.int_value(name)
        severity = _sev(params.strength(name))
        counted = [p for p in plans if _kind(p) == kind]
        if months is None or severity is None or not counted:
            continue
        states = [
            plan_state(p, reviews, today=dt.date.max, params=params, other_plans=plans) for p in counted
        ]
        ends = [(s.end, s.plan.id, s) for s in states if s.end is not None]
        if not ends:
            continue
        start = min(s.start for s in states)
        end, _, latest = max(ends)
        assert end is not None
        limit_end = months_limit_end(start, months)
        if end <= limit_end:
            continue
        ids = {p.id for p in counted}
        extensions = sorted(
            (r for r in reviews if r.extension is not None and r.plan in ids), key=lambda r: (r.date, r.id)
        )
        grounds = [p for p in counted if p.extension_ground is not None]
        cap = params.int_value("max_extension_months")
        cap_severity = _sev(params.strength("max_extension_months"))
        where = ("period", "end")
        if not extensions and not grounds:
            yield (
                latest.plan.id,
                _p(
                    severity,
                    "total-plan-time",
                    where,
                    T(
                        f"Asiakkaan suunnitelmat kestävät yhteensä yli {months} kuukautta (enintään "
                        f"{_d(limit_end)}; laskettu ensimmäisen suunnitelman alusta kalenteriaikana, "
                        "suunnitelmien väliset tauot mukaan lukien). Kirjaa pidentämisen peruste tai "
                        "lyhennä suunnitelmaa.",
                        f"Kundens planer är sammanlagt längre än {months} månader (högst till "
                        f"{_d(limit_end)}; räknat i kalendertid från den första planens start, uppehåll "
                        "mellan planerna medräknade). Registrera en grund för förlängning eller förkorta "
                        "planen.",
                        f"The customer's plans last more than {months} months in total (until "
                        f"{limit_end.isoformat()} at most; counted as calendar time from the first plan's "
                        "start, gaps between plans included). Record an extension ground or shorten the plan.",
                    ),
                ),
            )
            continue
        if extensions and extensions[-1].extension is not None and end > extensions[-1].extension.new_end:
            granted = extensions[-1].extension.new_end
            yield (
                latest.plan.id,
                _p(
                    severity,
                    "total-plan-time",
                    where,
                    T(
                        f"Suunnitelma päättyy {_d(end)}, mutta viimeisin pidennys ({_d(extensions[-1].date)}) "
                        f"myönsi aikaa vain {_d(granted)} asti. Lyhennä suunnitelmaa tai kirjaa uusi pidennys.",
                        f"Planen slutar {_d(end)}, men den senaste förlängningen ({_d(extensions[-1].date)}) "
                        f"beviljade tid endast till {_d(granted)}. Förkorta planen eller registrera en ny "
                        "förlängning.",
                        f"The plan ends on {end.isoformat()}, but the latest extension "
                        f"({extensions[-1].date.isoformat()}) granted time only until {granted.isoformat()}. "
                        "Shorten the plan or record a new extension.",
                    ),
                ),
            )
            continue
        if cap is not None and cap_severity is not None and end > months_limit_end(start, months + cap):
            ceiling = months_limit_end(start, months + cap)
            yield (
                latest.plan.id,
                _p(
                    cap_severity,
                    "total-plan-time",
                    where,
                    T(
                        f"Pidennetty kokonaiskesto saa olla enintään {months + cap} kuukautta "
                        f"({_d(ceiling)} asti; max_extension_months = {cap}).",
                        f"Den förlängda totala tiden får vara högst {months + cap} månader (till "
                        f"{_d(ceiling)}; max_extension_months = {cap}).",
                        f"The extended total may be at most {months + cap} months (until "
                        f"{ceiling.isoformat()}; max_extension_months = {cap}).",
                    ),
                ),
            )
            continue
        ground = _ground(
            extensions[-1].extension.ground
            if extensions and extensions[-1].extension is not None
            else (grounds[-1].extension_ground.ground if grounds[-1].extension_ground else "")
        )
        yield (
            latest.plan.id,
            _p(
                Severity.INFO,
                "total-plan-time",
                where,
                T(
                    f"Suunnitelmien kokonaiskesto ylittää {months} kuukautta ({_d(limit_end)}) ja jatkuu "
                    f"{_d(end)} asti pidennyksen perusteella ({ground.fi}). Tarkistajalle tiedoksi.",
                    f"Planernas totala tid överskrider {months} månader ({_d(limit_end)}) och fortsätter "
                    f"till {_d(end)} på grund av en förlängning ({ground.sv}). För kännedom till granskaren.",
                    f"The plans' total time goes past {months} months ({limit_end.isoformat()}) and runs "
                    f"until {end.isoformat()} on an extension ({ground.en}). For the reviewer's information.",
                ),
            ),
        )


def _extended(
    plans: list[PlanBase], reviews: list[Review], reported: set[str]
) -> Iterator[tuple[str, Problem]]:
    """Every extended plan as information for a reviewer (D3.12), unless the total already said so."""
    for plan in plans:
        extensions = sorted(
            (r for r in reviews if r.plan == plan.id and r.extension is not None),
            key=lambda r: (r.date, r.id),
        )
        if plan.id in reported or not extensions:
            continue
        latest = extensions[-1].extension
        assert latest is not None
        ground = _ground(latest.ground)
        yield (
            plan.id,
            _p(
                Severity.INFO,
                "total-plan-time",
                ("period", "end"),
                T(
                    f"Suunnitelmaa on pidennetty {_d(latest.new_end)} asti (peruste: {ground.fi}, "
                    f"tarkistus {_d(extensions[-1].date)}). Tarkistajalle tiedoksi.",
                    f"Planen har förlängts till {_d(latest.new_end)} (grund: {ground.sv}, översyn "
                    f"{_d(extensions[-1].date)}). För kännedom till granskaren.",
                    f"The plan was extended until {latest.new_end.isoformat()} (ground: {ground.en}, "
                    f"review of {extensions[-1].date.isoformat()}). For the reviewer's information.",
                ),
            ),
        )


def _ground(code: str) -> Text:
    """An extension ground's label in every language (the code itself when the list lacks it)."""
    names = CODE_LISTS["extension-ground"]
    return T(*(names.value_label(code, lang) for lang in ("fi", "sv", "en")))


def _kind(plan: PlanBase) -> str:
    return str(getattr(plan, "kind", ""))


def _d(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _plan_time(
    plans_of: dict[str, list[PlanBase]],
    reviews_of: dict[str, list[Review]],
    by_id: dict[str, Common],
    params: RuleParams,
) -> Iterator[tuple[str, Problem]]:
    window = params.int_value("first_plan_window_years")
    window_strength = params.strength("first_plan_window_years")
    for customer_id, plans in plans_of.items():
        plans.sort(key=lambda p: (p.period.start if p.period else p.date, p.id))
        reviews = reviews_of.get(customer_id, [])
        reported: set[str] = set()
        for record_id, problem in _total_time(plans, reviews, params):
            reported.add(record_id)
            yield record_id, problem
        yield from _extended(plans, reviews, reported)
        individual = [p for p in plans if _kind(p) != "family-plan"]  # a family plan is no "first plan"
        customer = by_id.get(customer_id)
        if (
            window is not None
            and window_strength != "off"
            and isinstance(customer, Customer)
            and customer.first_residence is not None
            and not customer.trafficking_victim
            and individual
        ):
            first = individual[0]
            deadline = add_months(customer.first_residence.date, 12 * window)
            if first.date > deadline:
                yield (
                    first.id,
                    _p(
                        Severity.WARNING if window_strength != "error" else Severity.ERROR,
                        "first-plan-window",
                        ("date",),
                        T(
                            f"Ensimmäinen suunnitelma on laadittu yli {window} vuotta ensimmäisen "
                            "oleskeluluvan jälkeen. Tarkista oikeus suunnitelmaan.",
                            f"Den första planen utarbetades mer än {window} år efter det första "
                            "uppehållstillståndet. Kontrollera rätten till en plan.",
                            f"The first plan was drawn up more than {window} years after the first "
                            "residence permit. Check the right to a plan.",
                        ),
                    ),
                )


# ---------------------------------------------------------------- one person, one customer
IDENTITY_RULE = "duplicate-identity"
register_rule(
    RuleInfo(
        IDENTITY_RULE,
        T("Sama henkilö kahdesti", "Samma person två gånger", "The same person twice"),
        T(
            "Kahdella mitätöimättömällä asiakkaalla ei ole samaa henkilötunnusta tai väliaikaista "
            "tunnistetta (samaa henkilöä ei kirjata kahdesti).",
            "Två kunder som inte är annullerade har inte samma personbeteckning eller tillfälliga "
            "identifikation (samma person registreras inte två gånger).",
            "No two customers that are not annulled have the same personal identity code or "
            "temporary identifier (the same person is not recorded twice).",
        ),
        (),
        ("customer",),
        cross_record=True,
    )
)


def identity_key(data: Mapping[str, Any]) -> str | None:
    """``TYPE VALUE`` of a customer record's identifier (spaces removed, upper case), the key that
    is unique among customers; None for another kind, an annulled customer or no identifier."""
    if data.get("kind") != "customer" or data.get("annulment"):
        return None
    ident = data.get("identifier")
    if not isinstance(ident, Mapping):
        return None
    kind, value = ident.get("type"), ident.get("value")
    if not isinstance(kind, str) or not isinstance(value, str):
        return None
    value = "".join(value.split()).upper()
    return f"{kind} {value}" if value else None


def customer_name(data: Mapping[str, Any]) -> str:
    """``Last, First`` as lists show a customer (empty when neither is given)."""
    return f"{data.get('last_name') or ''}, {data.get('first_names') or ''}".strip(", ")


def duplicate_identity(data: Mapping[str, Any], others: Iterable[Mapping[str, Any]]) -> list[Problem]:
    """An error at ``identifier.value`` for each other live customer (``others``: customer records
    of other customers, e.g. those the identity index names) with the same identifier."""
    key = identity_key(data)
    if key is None:
        return []
    out = []
    for other in others:
        oid = other.get("id")
        if oid == data.get("id") or identity_key(other) != key:
            continue
        name = customer_name(other)
        who = f"{name} ({oid})" if name else str(oid)
        out.append(
            _p(
                Severity.ERROR,
                IDENTITY_RULE,
                ("identifier", "value"),
                T(
                    f"Tällä tunnuksella on jo asiakas {who}; samaa henkilöä ei kirjata kahdesti.",
                    f"Det finns redan en kund med den här beteckningen, {who}; samma person "
                    "registreras inte två gånger.",
                    f"customer {who} already has this identifier; the same person is not recorded twice.",
                ),
            )
        )
    return out
