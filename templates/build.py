"""Build a template's typed context from records (the only place that reads record objects).

``related`` records are the other records of the same customer that a document refers to: a plan
shows its reviews (its review history), a review names the plan it reviewed. Records of another
customer in ``related`` are ignored rather than printed on the wrong person's paper.

What became of a plan (effective end, status, next review) is never worked out here: the plan, its
reviews and the customer's other plans go to :func:`kototieto.model.planstate.plan_state`, the one
definition the reports, the site and the demo use too. A plan, a review of it and the dossier
therefore print the same state.

The letterhead is in the document's language: the repository's own name for that language
(``koto.yaml`` ``organisation.name: {fi: ..., sv: ...}``, passed as ``org_names``), else Statistics
Finland's classification name of the municipality or county (``model/data``), else the name written
in the record. A Swedish document of a bilingual organisation also names it in Finnish.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from kototieto.errors import UsageError
from kototieto.model import planstate, refdata
from kototieto.model.customer import Customer
from kototieto.model.extensions import ADDITIONAL_INFORMATION, additional_information, definitions_of
from kototieto.model.plan import FamilyPlan, MultisectoralPlan, PlanBase
from kototieto.model.review import Review
from kototieto.model.text import T
from kototieto.templates import fields
from kototieto.templates.context import (
    ContactLine,
    DocMeta,
    Document,
    DossierDocument,
    DossierItem,
    Entry,
    GoalRow,
    Labels,
    MeasureRow,
    NextSteps,
    Person,
    PlanDocument,
    PlanLabels,
    ReviewRow,
    Section,
    SectionsDocument,
    SignLine,
)
from kototieto.templates.fmt import format_date, format_period, mask_identity
from kototieto.templates.i18n import s, strings
from kototieto.templates.labels import code_label, field_label, kind_label

#: Plan fields the plan template prints in fixed places (the rest become extra sections).
PLAN_FIXED = frozenset(
    {
        "assessment",
        "previous_plan",
        "period",
        "goals",
        "measures",
        "other_content",
        "first_review",
        "sources",
        "source_details",
    }
)
#: Plan sections printed right after the period: who else the plan is for or with.
PLAN_LEAD = frozenset({"wellbeing_services_county", "family_members"})
#: Customer fields printed in the person block rather than in the basic-data section.
PERSON_FIELDS = frozenset({"identifier", "first_names", "last_name", "date_of_birth"})
#: Customer fields that stay in the office: printed only when asked for (``sensitive=True``).
SENSITIVE_FIELDS = frozenset({"trafficking_victim"})
#: Family relations that make a member an adult signer of a family plan (others by age, 18).
ADULT_RELATIONS = frozenset({"spouse", "parent"})


def _date(value: dt.date | None, lang: str) -> str:
    return format_date(value, lang) if value is not None else ""


def person(customer: Customer | None, customer_id: str, lang: str, mask: bool) -> Person | None:
    if customer is None:
        return None
    ident = customer.identifier
    value = mask_identity(ident.value) if mask else ident.value
    interpretation = ""
    if customer.interpretation_needed:
        language = customer.interpretation_language
        interpretation = (
            code_label("language", language, lang) if language else s("interpretation_unknown", lang)
        )
    return Person(
        name=f"{customer.first_names} {customer.last_name}",
        identifier_label=code_label("identifier-type", ident.type, lang),
        identifier=value,
        date_of_birth_label=field_label("date_of_birth", lang),
        date_of_birth=_date(customer.date_of_birth, lang),
        customer_id=customer_id,
        interpretation=interpretation,
    )


def organisation_names(
    org_type: str, code: str, written: str, lang: str, org_names: dict[str, str] | None = None
) -> tuple[str, str]:
    """(name in ``lang``, the other official name or "") for the letterhead (see the module docstring)."""
    names = dict(org_names or {})
    fi_name = names.get("fi") or written
    if names.get(lang):
        main = names[lang]
    else:
        main = written
        if org_type == "municipality":
            known = refdata.municipalities().get(code)
            if known is not None and lang == "sv" and known[1] != known[0]:
                main = known[1]
        elif org_type == "wellbeing-services-county":
            county = refdata.wellbeing_counties().get(code)
            if county is not None:
                main = {"fi": county[0], "sv": county[1], "en": county[2]}.get(lang, written)
    alt = ""
    if lang == "sv" and main != fi_name:
        alt = fi_name  # a Swedish document of a bilingual organisation names it in Finnish too
    elif lang == "fi" and names.get("sv") and names["sv"] != main:
        alt = names["sv"]
    return main, alt


def _contacts(record: Any) -> tuple[ContactLine, ...]:
    return tuple(
        ContactLine(
            name=c.name,
            title=c.title or "",
            organisation=c.organisation,
            phone=c.phone or "",
            email=c.email or "",
        )
        for c in getattr(record, "drawn_up_by", [])
    )


def _common(
    record: Any,
    lang: str,
    *,
    customer: Customer | None,
    mask_identity: bool,
    logo_uri: str | None,
    today: dt.date,
    org_names: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The fields of ``Document`` for any record."""
    if customer is not None and customer.id != record.customer:
        raise UsageError(
            T(
                "{c} ei ole tietueen {r} asiakas ({rc})",
                "{c} är inte kund i posten {r} ({rc})",
                "customer {c} is not the customer of record {r} ({rc})",
            ).format(c=customer.id, r=record.id, rc=record.customer)
        )
    title = kind_label(record.kind, lang)
    who = person(customer, record.customer, lang, mask_identity)
    contacts = _contacts(record)
    author = contacts[0].name if contacts else record.organisation.name
    annulment: tuple[Entry, ...] = ()
    if record.annulment is not None:
        annulment = fields.entries("annulment", record.annulment, lang)
    org = record.organisation
    org_name, org_alt = organisation_names(org.type, org.code, org.name, lang, org_names)
    return {
        "lang": lang,
        "t": strings(lang),
        "kind": record.kind,
        "title": title,
        "organisation": org_name,
        "organisation_alt": org_alt,
        "organisation_code": record.organisation.code,
        "record_id": record.id,
        "customer_id": record.customer,
        "date": format_date(record.date, lang),
        "contacts": contacts,
        "person": who,
        "labels": Labels(
            organisation=field_label("organisation", lang),
            date=field_label("date", lang),
            drawn_up_by=field_label("drawn_up_by", lang),
            record_id=s("record_id", lang),
        ),
        "meta": DocMeta(
            title=f"{title} \u2013 {who.name}" if who else title,
            author=f"{author}, {org_name}" if contacts else author,
            subject=f"{title}, {org_name}",
            keywords=s("keywords", lang),
        ),
        "printed": format_date(today, lang),
        "logo_uri": logo_uri,
        "annulment": annulment,
        "person_signs": ()
        if annulment
        else (SignLine(s("signature_person", lang), who.name if who else ""),),
        "official_signs": () if annulment else (SignLine(s("signature_official", lang), org_name),),
    }


def _record_name(record: Any, lang: str) -> str:
    """A related record by kind and date: "Osaamisen ja kotoutumisen palvelutarpeen arviointi 20.2.2025"."""
    return f"{kind_label(record.kind, lang)} {format_date(record.date, lang)}"


def _named(record_id: str | None, related: Sequence[BaseModel], lang: str) -> str:
    if not record_id:
        return ""
    found = next((r for r in related if getattr(r, "id", None) == record_id), None)
    return _record_name(found, lang) if found is not None else record_id


def _next_steps(contacts: Sequence[ContactLine], what: str) -> NextSteps | None:
    first = contacts[0] if contacts else None
    if first is None and not what:
        return None
    return NextSteps(
        what=what,
        official=(f"{first.name}, {first.title}" if first and first.title else (first.name if first else "")),
        phone=first.phone if first else "",
        email=first.email if first else "",
    )


def plan_signs(
    record: PlanBase, lang: str, who: Person | None, org_name: str
) -> tuple[tuple[SignLine, ...], tuple[SignLine, ...]]:
    """(person's side, authorities' side): each family member who is an adult on the plan's date
    (by date of birth, else a spouse or parent); each authority that drew the plan up."""
    today = record.date
    people = [SignLine(s("signature_person", lang), who.name if who else "")]
    if isinstance(record, FamilyPlan):
        for m in record.family_members:
            adult = m.relation in ADULT_RELATIONS
            if m.date_of_birth is not None:
                years = today.year - m.date_of_birth.year
                years -= (today.month, today.day) < (m.date_of_birth.month, m.date_of_birth.day)
                adult = years >= 18
            if adult and m.customer != record.customer:
                people.append(SignLine(s("signature_member", lang), m.name))
    authorities = [SignLine(s("signature_authority", lang), org_name)]
    if isinstance(record, MultisectoralPlan) and record.wellbeing_services_county is not None:
        county = refdata.wellbeing_counties().get(record.wellbeing_services_county)
        name = (
            {"fi": county[0], "sv": county[1], "en": county[2]}.get(lang, county[0])
            if county
            else code_label("wellbeing-services-county", record.wellbeing_services_county, lang)
        )
        if name != org_name:
            authorities.append(SignLine(s("signature_authority", lang), name))
    return tuple(people), tuple(authorities)


def state_of(plan: PlanBase, related: Sequence[BaseModel], today: dt.date) -> planstate.PlanState:
    """The plan's state from its reviews and the customer's other plans (model.planstate)."""
    reviews = [r for r in related if isinstance(r, Review)]
    others = [r for r in related if isinstance(r, PlanBase) and r.id != plan.id]
    return planstate.plan_state(plan, reviews, today=today, other_plans=others)


def status_line(state: planstate.PlanState, lang: str) -> str:
    return state.status_text(lang, format_date)


def _reviews_of(plan: PlanBase, related: Sequence[BaseModel]) -> list[Review]:
    found = [
        r for r in related if isinstance(r, Review) and r.plan == plan.id and r.customer == plan.customer
    ]
    return sorted(found, key=lambda r: (r.date, r.id))


def _review_row(review: Review, lang: str) -> ReviewRow:
    summary = review.progress or ""
    decisions: list[str] = []
    for name in ("extension", "plan_switch", "plan_ended", "employment_referral"):
        value = getattr(review, name)
        if value is not None:
            decisions.append(f"{field_label(name, lang)}: {fields.inline(name, value, lang)}")
    return ReviewRow(
        record_id=review.id,
        date=_date(review.date, lang),
        participation=code_label("participation-status", review.participation.status, lang)
        if review.participation
        else "",
        next_review=_date(review.next_review, lang),
        summary=summary,
        decisions=tuple(decisions),
    )


def plan_document(record: PlanBase, lang: str, related: Sequence[BaseModel], **common: Any) -> PlanDocument:
    ext = definitions_of(record)  # a pilot's open-end service kinds print with their labels too
    service_label = ext.code_label if ext is not None else code_label
    reviews = _reviews_of(record, related)
    state = state_of(record, related, common["today"])
    # only a recorded date is printed (an estimate from the review interval is the reports' business)
    next_review = state.next_review if not state.next_review_estimated else None
    skip = PLAN_FIXED | ({"family_members"} if not isinstance(record, FamilyPlan) else set())
    extra = fields.sections(record, lang, skip=skip)
    if isinstance(record, MultisectoralPlan) and record.wellbeing_services_county is None:
        extra = tuple(x for x in extra if x.key != "wellbeing_services_county" or not x.empty)
    lead = tuple(x for x in extra if x.key in PLAN_LEAD)
    extra = tuple(x for x in extra if x.key not in PLAN_LEAD)

    def label(name: str) -> str:
        return field_label(name, lang)

    base = _common(record, lang, **common)
    status = status_line(state, lang)
    people, authorities = plan_signs(record, lang, base["person"], base["organisation"])
    if record.annulment is not None:
        people, authorities = (), ()
    what = (
        f"{s('next_review', lang)} {_date(next_review, lang)}"
        if next_review is not None
        else f"{status}. {s('no_next_review', lang)}"
    )
    base.update(
        person_signs=people,
        official_signs=authorities,
        next_steps=None if record.annulment is not None else _next_steps(base["contacts"], what),
    )
    return PlanDocument(
        **base,
        plan_labels=PlanLabels(
            period=label("period"),
            start=label("period.start"),
            end=label("period.end"),
            goals=label("goals"),
            goal=label("goals.description"),
            target_date=label("goals.target_date"),
            measures=label("measures"),
            service_kind=label("measures.service_kind"),
            description=label("measures.description"),
            status=label("measures.status"),
            other_content=label("other_content"),
            first_review=label("first_review"),
            sources=label("sources"),
            source_details=label("source_details"),
            assessment=label("assessment"),
            previous_plan=label("previous_plan"),
            participation=label("participation"),
            progress=label("progress"),
        ),
        period=format_period(state.start, state.end, lang) if record.period else "",
        start=_date(record.period.start, lang) if record.period else "",
        end=_date(state.end, lang),
        planned_end=_date(state.planned_end, lang) if state.planned_end != state.end else "",
        status=status,
        status_code=state.status,
        based_on=_named(record.assessment, related, lang),
        previous_plan=_named(record.previous_plan, related, lang),
        goals=tuple(GoalRow(g.description, _date(g.target_date, lang)) for g in record.goals),
        measures=tuple(
            MeasureRow(
                service_kind=service_label("service-kind", m.service_kind, lang),
                description=m.description,
                organiser=fields.inline("measures.organiser", m.organiser, lang),
                when=format_period(m.start, m.end, lang, wrap=True),
                status=code_label("measure-status", m.status, lang),
            )
            for m in record.measures
        ),
        other_content=record.other_content or "",
        first_review=_date(record.first_review, lang),
        next_review=_date(next_review, lang),
        sources=(
            (
                fields.join_labels(
                    [code_label("information-source", c, lang) for c in record.sources],
                    lang,
                    "information-source",
                ),
            )
            if record.sources
            else ()
        ),
        source_details=record.source_details or "",
        lead_sections=lead,
        extra_sections=extra,
        reviews=tuple(_review_row(r, lang) for r in reviews),
        show_reviews=True,
    )


def _review_facts(
    record: Review, lang: str, related: Sequence[BaseModel], today: dt.date
) -> tuple[Entry, ...]:
    plan = next((r for r in related if isinstance(r, PlanBase) and r.id == record.plan), None)
    facts = [
        Entry(
            label=field_label("plan_kind", lang),
            kind="text",
            text=code_label("plan-kind", record.plan_kind, lang),
        ),
        Entry(
            label=field_label("plan", lang),
            kind="text",
            text=_record_name(plan, lang) if plan is not None else record.plan,
        ),
    ]
    if plan is not None:
        state = state_of(plan, [*related, record], today)
        if plan.period is not None:
            facts.append(
                Entry(
                    label=field_label("period", lang),
                    kind="text",
                    text=format_period(state.start, state.end, lang),
                )
            )
        facts.append(Entry(label=s("plan_status", lang), kind="text", text=status_line(state, lang)))
    if record.next_review is not None or record.plan_ended is None:
        facts.append(
            Entry(
                label=field_label("next_review", lang),
                kind="text",
                text=_date(record.next_review, lang) or s("not_recorded", lang),
            )
        )
    return tuple(facts)


def customer_sections(record: Customer, lang: str, *, sensitive: bool = False) -> tuple[Section, ...]:
    """The customer's basic data; whether the person is a victim of human trafficking stays in the
    office unless ``sensitive`` asks for it."""
    skip = fields.HEADER_FIELDS | PERSON_FIELDS | (frozenset() if sensitive else SENSITIVE_FIELDS)
    body = fields.entries("", record, lang, skip=skip)
    return (Section(key="basic-data", heading=s("basic_data", lang), entries=body),)


def sections_document(
    record: Any, lang: str, related: Sequence[BaseModel], *, sensitive: bool = False, **common: Any
) -> SectionsDocument:
    if isinstance(record, Customer):
        return SectionsDocument(
            **_common(record, lang, customer=record, **common),
            sections=customer_sections(record, lang, sensitive=sensitive),
            acknowledgement=False,
        )
    facts: tuple[Entry, ...] = ()
    skip: set[str] = set()
    base = _common(record, lang, **common)
    if isinstance(record, Review):
        facts = _review_facts(record, lang, related, common["today"])
        skip = {"plan", "plan_kind", "next_review"}
        what = (
            f"{s('next_review', lang)} {_date(record.next_review, lang)}"
            if record.next_review is not None
            else s("no_next_review", lang)
        )
        plan = next((r for r in related if isinstance(r, PlanBase) and r.id == record.plan), None)
        if plan is not None:  # what happens next is the plan's state as on the print date
            state = state_of(plan, [*related, record], common["today"])
            what = (
                f"{s('next_review', lang)} {_date(state.next_review, lang)}"
                if state.next_review is not None and not state.next_review_estimated
                else f"{status_line(state, lang)}. {s('no_next_review', lang)}"
                if state.next_review is None
                else what
            )
        if record.annulment is None:
            base["next_steps"] = _next_steps(base["contacts"], what)
    return SectionsDocument(
        **base,
        facts=facts,
        facts_heading=field_label("plan", lang) if facts else "",
        sections=fields.sections(record, lang, skip=skip),
    )


def document(
    record: Any,
    lang: str,
    *,
    customer: Customer | None = None,
    related: Sequence[BaseModel] = (),
    mask_identity: bool = False,
    logo_uri: str | None = None,
    today: dt.date,
    org_names: dict[str, str] | None = None,
    sensitive: bool = False,
) -> PlanDocument | SectionsDocument:
    """The context of ``record``'s own document.

    ``org_names``: the repository's organisation name per language (letterhead); ``sensitive``:
    print what stays in the office by default (whether the person is a victim of human trafficking).
    """
    related = [r for r in related if getattr(r, "customer", None) == record.customer]
    if isinstance(record, Customer):
        return sections_document(
            record,
            lang,
            related,
            sensitive=sensitive,
            mask_identity=mask_identity,
            logo_uri=logo_uri,
            today=today,
            org_names=org_names,
        )
    common: dict[str, Any] = {
        "customer": customer,
        "mask_identity": mask_identity,
        "logo_uri": logo_uri,
        "today": today,
        "org_names": org_names,
    }
    if isinstance(record, PlanBase):
        return _with_extensions(plan_document(record, lang, related, **common), record, lang)
    return _with_extensions(sections_document(record, lang, related, **common), record, lang)


def _with_extensions(
    doc: PlanDocument | SectionsDocument, record: Any, lang: str
) -> PlanDocument | SectionsDocument:
    """An "additional information" section of the record's extension values, with their labels."""
    rows = additional_information(record, lang)
    if not rows:
        return doc
    body = tuple(
        Entry(
            label=label, kind="long" if len(text) >= fields.LONG_TEXT or "\n" in text else "text", text=text
        )
        for label, text in rows
    )
    extra = Section(key="extensions", heading=ADDITIONAL_INFORMATION.get(lang), entries=body)
    if isinstance(doc, PlanDocument):
        return dataclasses.replace(doc, extra_sections=(*doc.extra_sections, extra))
    return dataclasses.replace(doc, sections=(*doc.sections, extra))


def _sort_key(record: Any) -> tuple[dt.date, str]:
    return (record.date, record.id)


def dossier(
    customer: Customer,
    records: Sequence[Any],
    lang: str,
    *,
    mask_identity: bool = False,
    logo_uri: str | None = None,
    today: dt.date,
    org_names: dict[str, str] | None = None,
    sensitive: bool = False,
) -> DossierDocument:
    """All records of ``customer`` newest first (the customer record itself heads the dossier)."""
    mine = [r for r in records if r.customer == customer.id and not isinstance(r, Customer)]
    others = [r for r in records if r.customer != customer.id]
    if others:
        raise UsageError(
            T(
                "Tietue {r} kuuluu asiakkaalle {rc}, ei asiakkaalle {c}",
                "Posten {r} hör till kunden {rc}, inte till {c}",
                "record {r} belongs to customer {rc}, not {c}",
            ).format(r=others[0].id, rc=others[0].customer, c=customer.id)
        )
    items = []
    for record in sorted(mine, key=_sort_key, reverse=True):
        doc = document(
            record,
            lang,
            customer=customer,
            related=mine,
            mask_identity=mask_identity,
            logo_uri=None,
            today=today,
            org_names=org_names,
        )
        items.append(DossierItem(body="plan" if isinstance(doc, PlanDocument) else "sections", doc=doc))
    base = _common(
        customer,
        lang,
        customer=customer,
        mask_identity=mask_identity,
        logo_uri=logo_uri,
        today=today,
        org_names=org_names,
    )
    title = s("dossier", lang)
    base["title"] = title
    base["date"] = format_date(today, lang)
    base["labels"] = Labels(
        organisation=field_label("organisation", lang),
        date=s("created", lang),
        drawn_up_by=field_label("drawn_up_by", lang),
        record_id=s("customer_id", lang),
    )
    base["contacts"] = ()
    who = base["person"]
    base["meta"] = DocMeta(
        title=f"{title} \u2013 {who.name}",
        author=base["organisation"],
        subject=f"{title}, {base['organisation']}",
        keywords=s("keywords", lang),
    )
    base["person_signs"], base["official_signs"] = (), ()
    return DossierDocument(
        **base, customer_sections=customer_sections(customer, lang, sensitive=sensitive), items=tuple(items)
    )


__all__ = ["Document", "document", "dossier"]
