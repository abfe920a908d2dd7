"""Build a template's typed context from records (the only place that reads record objects).

``related`` records are the other records of the same customer that a document refers to: a plan
shows its reviews (its review history), a review names the plan it reviewed. Records of another
customer in ``related`` are ignored rather than printed on the wrong person's paper.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from kototieto.errors import UsageError
from kototieto.model.customer import Customer
from kototieto.model.plan import FamilyPlan, MultisectoralPlan, PlanBase
from kototieto.model.review import Review
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
    Person,
    PlanDocument,
    PlanLabels,
    ReviewRow,
    Section,
    SectionsDocument,
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


def _date(value: dt.date | None, lang: str) -> str:
    return format_date(value, lang) if value is not None else ""


def person(customer: Customer | None, customer_id: str, lang: str, mask: bool) -> Person | None:
    if customer is None:
        return None
    ident = customer.identifier
    value = mask_identity(ident.value) if mask else ident.value
    return Person(
        name=f"{customer.first_names} {customer.last_name}",
        identifier_label=code_label("identifier-type", ident.type, lang),
        identifier=value,
        date_of_birth_label=field_label("date_of_birth", lang),
        date_of_birth=_date(customer.date_of_birth, lang),
        customer_id=customer_id,
    )


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
) -> dict[str, Any]:
    """The fields of ``Document`` for any record."""
    if customer is not None and customer.id != record.customer:
        raise UsageError(
            f"customer {customer.id} is not the customer of record {record.id} ({record.customer})"
        )
    title = kind_label(record.kind, lang)
    who = person(customer, record.customer, lang, mask_identity)
    contacts = _contacts(record)
    author = contacts[0].name if contacts else record.organisation.name
    annulment: tuple[Entry, ...] = ()
    if record.annulment is not None:
        annulment = fields.entries("annulment", record.annulment, lang)
    return {
        "lang": lang,
        "t": strings(lang),
        "kind": record.kind,
        "title": title,
        "organisation": record.organisation.name,
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
            author=f"{author}, {record.organisation.name}" if contacts else author,
            subject=f"{title}, {record.organisation.name}",
            keywords=s("keywords", lang),
        ),
        "printed": format_date(today, lang),
        "logo_uri": logo_uri,
        "annulment": annulment,
    }


def _reviews_of(plan: PlanBase, related: Sequence[BaseModel]) -> list[Review]:
    found = [
        r for r in related if isinstance(r, Review) and r.plan == plan.id and r.customer == plan.customer
    ]
    return sorted(found, key=lambda r: (r.date, r.id))


def _review_row(review: Review, lang: str) -> ReviewRow:
    summary = review.progress or ""
    if review.plan_ended is not None:
        summary = f"{field_label('plan_ended', lang)}: {fields.inline('plan_ended', review.plan_ended, lang)}"
    return ReviewRow(
        record_id=review.id,
        date=_date(review.date, lang),
        participation=code_label("participation-status", review.participation.status, lang)
        if review.participation
        else "",
        next_review=_date(review.next_review, lang),
        summary=summary,
    )


def plan_document(record: PlanBase, lang: str, related: Sequence[BaseModel], **common: Any) -> PlanDocument:
    from kototieto.model.extensions import definitions_of

    ext = definitions_of(record)  # a pilot's open-end service kinds print with their labels too
    service_label = ext.code_label if ext is not None else code_label
    reviews = _reviews_of(record, related)
    next_review = record.first_review
    for review in reviews:
        if review.next_review is not None:
            next_review = review.next_review
    skip = PLAN_FIXED | ({"family_members"} if not isinstance(record, FamilyPlan) else set())
    extra = fields.sections(record, lang, skip=skip)
    if isinstance(record, MultisectoralPlan) and record.wellbeing_services_county is None:
        extra = tuple(x for x in extra if x.key != "wellbeing_services_county" or not x.empty)
    lead = tuple(x for x in extra if x.key in PLAN_LEAD)
    extra = tuple(x for x in extra if x.key not in PLAN_LEAD)

    def label(name: str) -> str:
        return field_label(name, lang)

    return PlanDocument(
        **_common(record, lang, **common),
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
        period=format_period(record.period.start, record.period.end, lang) if record.period else "",
        start=_date(record.period.start, lang) if record.period else "",
        end=_date(record.period.end, lang) if record.period else "",
        based_on=record.assessment or "",
        previous_plan=record.previous_plan or "",
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
        sources=tuple(code_label("information-source", c, lang) for c in record.sources),
        source_details=record.source_details or "",
        lead_sections=lead,
        extra_sections=extra,
        reviews=tuple(_review_row(r, lang) for r in reviews),
        show_reviews=True,
    )


def _review_facts(record: Review, lang: str, related: Sequence[BaseModel]) -> tuple[Entry, ...]:
    facts = [
        Entry(
            label=field_label("plan_kind", lang),
            kind="text",
            text=code_label("plan-kind", record.plan_kind, lang),
        ),
        Entry(label=field_label("plan", lang), kind="text", text=record.plan),
    ]
    plan = next((r for r in related if isinstance(r, PlanBase) and r.id == record.plan), None)
    if plan is not None and plan.period is not None:
        facts.append(
            Entry(
                label=field_label("period", lang),
                kind="text",
                text=format_period(plan.period.start, plan.period.end, lang),
            )
        )
    facts.append(
        Entry(
            label=field_label("next_review", lang),
            kind="text",
            text=_date(record.next_review, lang) or s("not_recorded", lang),
        )
    )
    return tuple(facts)


def customer_sections(record: Customer, lang: str) -> tuple[Section, ...]:
    body = fields.entries("", record, lang, skip=fields.HEADER_FIELDS | PERSON_FIELDS)
    return (Section(key="basic-data", heading=s("basic_data", lang), entries=body),)


def sections_document(
    record: Any, lang: str, related: Sequence[BaseModel], **common: Any
) -> SectionsDocument:
    if isinstance(record, Customer):
        return SectionsDocument(
            **_common(record, lang, customer=record, **common),
            sections=customer_sections(record, lang),
            acknowledgement=False,
        )
    facts: tuple[Entry, ...] = ()
    skip: set[str] = set()
    if isinstance(record, Review):
        facts = _review_facts(record, lang, related)
        skip = {"plan", "plan_kind", "next_review"}
    return SectionsDocument(
        **_common(record, lang, **common),
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
) -> PlanDocument | SectionsDocument:
    """The context of ``record``'s own document."""
    related = [r for r in related if getattr(r, "customer", None) == record.customer]
    if isinstance(record, Customer):
        return sections_document(
            record, lang, related, mask_identity=mask_identity, logo_uri=logo_uri, today=today
        )
    common = {"customer": customer, "mask_identity": mask_identity, "logo_uri": logo_uri, "today": today}
    if isinstance(record, PlanBase):
        return _with_extensions(plan_document(record, lang, related, **common), record, lang)
    return _with_extensions(sections_document(record, lang, related, **common), record, lang)


def _with_extensions(
    doc: PlanDocument | SectionsDocument, record: Any, lang: str
) -> PlanDocument | SectionsDocument:
    """An "additional information" section of the record's extension values, with their labels."""
    from kototieto.model.extensions import ADDITIONAL_INFORMATION, additional_information

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
) -> DossierDocument:
    """All records of ``customer`` newest first (the customer record itself heads the dossier)."""
    mine = [r for r in records if r.customer == customer.id and not isinstance(r, Customer)]
    others = [r for r in records if r.customer != customer.id]
    if others:
        raise UsageError(f"record {others[0].id} belongs to customer {others[0].customer}, not {customer.id}")
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
        )
        items.append(DossierItem(body="plan" if isinstance(doc, PlanDocument) else "sections", doc=doc))
    base = _common(
        customer, lang, customer=customer, mask_identity=mask_identity, logo_uri=logo_uri, today=today
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
        author=customer.organisation.name,
        subject=f"{title}, {customer.organisation.name}",
        keywords=s("keywords", lang),
    )
    return DossierDocument(**base, customer_sections=customer_sections(customer, lang), items=tuple(items))


__all__ = ["Document", "document", "dossier"]
