"""Typed contexts: what each template may see. Templates never touch records or raw dicts.

Every value here is already a display string in the document's language (labels from the
catalogue, code values as their labels, dates and numbers formatted); free text is carried as the
official wrote it and escaped by the template engine, never pre-escaped. Templates get one object,
``ctx``, and with ``StrictUndefined`` a misspelt attribute fails the render instead of printing
nothing.

Empty-section policy (one rule everywhere): a section for a field the decree says *shall* be
entered is always printed, and when nothing was recorded it says so in one short line
("Ei kirjattu" / "Ej registrerat" / "Not recorded"); a *may* or *conditional* section (other
necessary data, annulment, plan ended, extension, referral...) is printed only when something was
recorded, so the person's paper carries no empty fixed sections. Inside a printed section, empty
sub-fields are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntryKind = Literal["text", "long", "list", "table", "group", "para"]


@dataclass(frozen=True)
class Entry:
    """One labelled value in a section: a short text, free text, a list, a table, a group of
    sub-values, or (``para``) the one unlabelled value of a section."""

    label: str
    kind: EntryKind
    text: str = ""
    items: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    children: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Section:
    """One top-level field of a record as a headed section; ``entries`` empty means not recorded."""

    key: str
    heading: str
    entries: tuple[Entry, ...]

    @property
    def empty(self) -> bool:
        return not self.entries


@dataclass(frozen=True)
class ContactLine:
    name: str
    title: str
    organisation: str
    phone: str
    email: str


@dataclass(frozen=True)
class Person:
    """The person the document is about. ``identifier`` is masked when asked.

    ``interpretation`` is the interpretation language's name when the customer record says the
    person needs interpretation ("" otherwise; "?" when the language is not recorded).
    """

    name: str
    identifier_label: str
    identifier: str
    date_of_birth_label: str
    date_of_birth: str
    customer_id: str
    interpretation: str = ""


@dataclass(frozen=True)
class SignLine:
    """One signature line: what it is for (``label``) and the name printed under it, if known."""

    label: str
    name: str = ""


@dataclass(frozen=True)
class NextSteps:
    """The "what happens next and whom to contact" box near the top of the person's paper."""

    what: str  # e.g. "Seuraava tarkistus 17.5.2026" or the plan's status when nothing is due
    official: str
    phone: str
    email: str


@dataclass(frozen=True)
class DocMeta:
    """PDF metadata (WeasyPrint reads it from the HTML head)."""

    title: str
    author: str
    subject: str
    keywords: str


@dataclass(frozen=True)
class Labels:
    """Catalogue labels of the header fields, in the document's language."""

    organisation: str
    date: str
    drawn_up_by: str
    record_id: str


@dataclass(frozen=True)
class Document:
    """What every document shows: who, about whom, what and when."""

    lang: str
    t: dict[str, str]
    kind: str
    title: str
    organisation: str
    organisation_code: str
    record_id: str
    customer_id: str
    date: str
    contacts: tuple[ContactLine, ...]
    person: Person | None
    labels: Labels
    meta: DocMeta
    printed: str
    logo_uri: str | None = None
    annulment: tuple[Entry, ...] = ()
    #: The organisation's name in the document's other official language, printed under it ("").
    organisation_alt: str = ""
    #: Signature lines of the person's side (the person, or each adult family member) and of the
    #: authorities' side (each authority that drew the document up). Empty when annulled.
    person_signs: tuple[SignLine, ...] = ()
    official_signs: tuple[SignLine, ...] = ()
    next_steps: NextSteps | None = None

    @property
    def annulled(self) -> bool:
        return bool(self.annulment)


@dataclass(frozen=True)
class GoalRow:
    description: str
    target_date: str


@dataclass(frozen=True)
class MeasureRow:
    service_kind: str
    description: str
    organiser: str
    when: str
    status: str


@dataclass(frozen=True)
class ReviewRow:
    record_id: str
    date: str
    participation: str
    next_review: str
    summary: str
    decisions: tuple[str, ...] = ()  # extension, switch, ending, referral: one line each


@dataclass(frozen=True)
class PlanLabels:
    period: str
    start: str
    end: str
    goals: str
    goal: str
    target_date: str
    measures: str
    service_kind: str
    description: str
    status: str
    other_content: str
    first_review: str
    sources: str
    source_details: str
    assessment: str
    previous_plan: str
    participation: str
    progress: str


@dataclass(frozen=True)
class PlanDocument(Document):
    """An integration, multisectoral or family plan."""

    plan_labels: PlanLabels | None = None
    period: str = ""
    start: str = ""
    end: str = ""  # the effective end (extensions and endings applied, model.planstate)
    planned_end: str = ""  # the end written in the plan, when it differs from ``end``
    status: str = ""  # one status line from model.planstate: "Voimassa 20.5.2026 asti (pidennetty ...)"
    status_code: str = ""  # model.planstate status: valid, extended, ended, ...
    based_on: str = ""  # the assessment by kind and date ("Osaamisen ... arviointi 20.2.2025")
    previous_plan: str = ""  # the previous plan by kind and date
    goals: tuple[GoalRow, ...] = ()
    measures: tuple[MeasureRow, ...] = ()
    other_content: str = ""
    first_review: str = ""
    next_review: str = ""
    sources: tuple[str, ...] = ()
    source_details: str = ""
    lead_sections: tuple[Section, ...] = ()
    extra_sections: tuple[Section, ...] = ()
    reviews: tuple[ReviewRow, ...] = ()
    show_reviews: bool = False


@dataclass(frozen=True)
class SectionsDocument(Document):
    """An assessment, review, guidance record or customer record: facts and headed sections."""

    facts: tuple[Entry, ...] = ()
    facts_heading: str = ""
    sections: tuple[Section, ...] = ()
    acknowledgement: bool = True


@dataclass(frozen=True)
class DossierItem:
    """One record inside a dossier: which body partial prints it (``plan`` or ``sections``), and its context."""

    body: Literal["plan", "sections"]
    doc: PlanDocument | SectionsDocument


@dataclass(frozen=True)
class DossierDocument(Document):
    """All records of one customer, newest first; each plan carries its reviews."""

    customer_sections: tuple[Section, ...] = ()
    items: tuple[DossierItem, ...] = field(default_factory=tuple)
