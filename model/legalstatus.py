"""Legal status per record kind: what the issued decree 874/2024 names, and the open questions.

874/2024 §§ 1-2 (the only sections read) name the basic assessment (Act 14 §) and the integration
plan (16 §). The memo VN/32076/2023 also names the multisectoral assessment (15 §), the
multisectoral plan (17 §), the family plan (21 §) and reviews recorded by a wellbeing services
county (22 § 3 mom.); those are *memo only*. A field's status is therefore given per record kind:
``status_874(basis, kind)``. Pure data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from kototieto.model.meta import In874, LegalBasis
from kototieto.model.text import T, Text

#: Record kinds the memo names but 874/2024 §§ 1-2 do not.
MEMO_ONLY_KINDS: tuple[str, ...] = ("multisectoral-assessment", "multisectoral-plan", "family-plan")


@dataclass(frozen=True, slots=True)
class KindStatus:
    """The 874/2024 status of a whole record kind, with the reason in words."""

    status: In874
    note: Text
    open_question: str | None = None
    #: Status of the kind's records when a particular actor enters them (county reviews: memo only).
    by_actor: tuple[tuple[str, In874], ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "status": str(self.status),
            "note": self.note.as_dict(),
            "open_question": self.open_question,
            "by_actor": {actor: str(status) for actor, status in self.by_actor},
        }


_MEMO_ONLY_NOTE = T(
    "Vain muistiossa: asetuksen 874/2024 1-2 § eivät mainitse tätä tietuelajia. Kototieto toteuttaa "
    "muistion laajemman tietosisällön; tietovaranto voi ottaa lajin pois käytöstä (koto.yaml, kinds).",
    "Endast i promemorian: 1-2 § i förordning 874/2024 nämner inte denna typ av post. Kototieto "
    "genomför promemorians bredare datainnehåll; ett informationslager kan ta typen ur bruk "
    "(koto.yaml, kinds).",
    "Memo only: 874/2024 §§ 1-2 do not name this record kind. kototieto implements the memo's wider "
    "data content; a repository can switch the kind off (koto.yaml, kinds).",
)

KIND_STATUS: dict[str, KindStatus] = {
    "customer": KindStatus(
        In874.NOT_APPLICABLE,
        T(
            "Asiakkaan perustiedot; ei asetuksen tietosisältöä.",
            "Kundens grunduppgifter; inte förordningens datainnehåll.",
            "The person's basic data; not decree data content.",
        ),
    ),
    "assessment": KindStatus(
        In874.YES,
        T(
            "Asetuksen 874/2024 1 § nimeää osaamisen ja kotoutumisen palvelutarpeen arvioinnin (laki 14 §).",
            "Förordning 874/2024 1 § nämner bedömningen av kompetens och behovet av integrationstjänster "
            "(lagen 14 §).",
            "874/2024 § 1 names the assessment of competence and integration service needs (Act 14 §).",
        ),
    ),
    "multisectoral-assessment": KindStatus(In874.MEMO_ONLY, _MEMO_ONLY_NOTE, "act-1100-2024"),
    "integration-plan": KindStatus(
        In874.YES,
        T(
            "Asetuksen 874/2024 2 § nimeää kotoutumissuunnitelman (laki 16 §).",
            "Förordning 874/2024 2 § nämner integrationsplanen (lagen 16 §).",
            "874/2024 § 2 names the integration plan (Act 16 §).",
        ),
    ),
    "multisectoral-plan": KindStatus(In874.MEMO_ONLY, _MEMO_ONLY_NOTE, "act-1100-2024"),
    "family-plan": KindStatus(In874.MEMO_ONLY, _MEMO_ONLY_NOTE, "act-1100-2024"),
    "review": KindStatus(
        In874.UNVERIFIED,
        T(
            "Asetuksen 874/2024 tarkistuksia koskevaa pykälää (3 §) ei ole luettu. Hyvinvointialueen "
            "kirjaamat tarkistukset (muistio 3 § 2 mom., laki 22 § 3 mom.) ovat vain muistiossa.",
            "Paragrafen om översyn (3 §) i förordning 874/2024 har inte lästs. Översyner som ett "
            "välfärdsområde registrerar (promemorian 3 § 2 mom., lagen 22 § 3 mom.) finns endast i "
            "promemorian.",
            "The review section of 874/2024 (3 §) was not read. Reviews recorded by a wellbeing "
            "services county (memo 3 § 2 mom., Act 22 § 3 mom.) are memo only.",
        ),
        "act-1100-2024",
        by_actor=(("wellbeing-services-county", In874.MEMO_ONLY),),
    ),
    "guidance": KindStatus(
        In874.UNVERIFIED,
        T(
            "Asetuksen 874/2024 ohjausta ja neuvontaa koskevaa pykälää ei ole luettu.",
            "Paragrafen om vägledning och rådgivning i förordning 874/2024 har inte lästs.",
            "The guidance and counselling section of 874/2024 was not read.",
        ),
    ),
}

#: Reviews recorded by a wellbeing services county (D3.02) are memo only, whatever the review kind says.
COUNTY_REVIEW_STATUS = In874.MEMO_ONLY


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A legal question the research could not settle, shown next to the kinds it affects."""

    id: str
    title: Text
    text: Text
    source: str
    kinds: tuple[str, ...]
    items: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title.as_dict(),
            "text": self.text.as_dict(),
            "source": self.source,
            "kinds": list(self.kinds),
            "decree_items": list(self.items),
        }


OPEN_QUESTIONS: tuple[OpenQuestion, ...] = (
    OpenQuestion(
        "act-1100-2024",
        T(
            "Laki 1100/2024: onko 15, 17, 21 § tai 22 § 3 mom. kumottu tai muutettu?",
            "Lag 1100/2024: har 15, 17, 21 § eller 22 § 3 mom. upphävts eller ändrats?",
            "Act 1100/2024: were 15 §, 17 §, 21 § or 22 § 3 mom. repealed or rewritten?",
        ),
        T(
            "Laki 1100/2024 (HE 192/2024, voimaan 1.1.2025) lakkautti eräitä kuntien ja "
            "hyvinvointialueiden tehtäviä. Ei ole vahvistettu, kumottiinko tai muutettiinko sillä "
            "kotoutumislain 15 § (monialainen arviointi), 17 § (monialainen suunnitelma), 21 § "
            "(perheen kotoutumissuunnitelma) tai 22 § 3 mom. (hyvinvointialueen tarkistus). Jos "
            "kumottiin, näillä tietuelajeilla ja kohdilla D1.24-D1.26 ja D3.02 ei ole voimassa olevaa "
            "perustetta. Tarkistettava Finlexistä ennen pilotteja; siihen asti tietovaranto voi rajata "
            "käyttämänsä lajit (koto.yaml, kinds).",
            "Lag 1100/2024 (RP 192/2024, i kraft 1.1.2025) avslutade vissa uppgifter för kommuner och "
            "välfärdsområden. Det är inte bekräftat om den upphävde eller ändrade 15 § "
            "(sektorsövergripande bedömning), 17 § (sektorsövergripande plan), 21 § (integrationsplan "
            "för familjen) eller 22 § 3 mom. (välfärdsområdets översyn) i integrationslagen. Om så "
            "skedde saknar dessa typer av poster och punkterna D1.24-D1.26 och D3.02 gällande grund. "
            "Ska kontrolleras i Finlex före piloterna; till dess kan ett informationslager begränsa "
            "de typer det använder (koto.yaml, kinds).",
            "Act 1100/2024 (HE 192/2024, in force 1.1.2025) ended certain tasks of municipalities and "
            "wellbeing services counties. Whether it repealed or rewrote 15 § (multisectoral "
            "assessment), 17 § (multisectoral plan), 21 § (family plan) or 22 § 3 mom. (county "
            "reviews) of the Integration Act is not confirmed. If it did, these record kinds and items "
            "D1.24-D1.26 and D3.02 have no current basis. To be checked in Finlex before the pilots; "
            "until then a repository can limit the kinds it uses (koto.yaml, kinds).",
        ),
        "Act 1100/2024 (HE 192/2024); research question Q1, unverified",
        ("multisectoral-assessment", "multisectoral-plan", "family-plan", "review"),
        ("D1.24", "D1.25", "D1.26", "D3.02"),
    ),
)


def status_874(basis: LegalBasis | None, kind: str) -> In874:
    """The 874/2024 status of a field with ``basis`` in record kind ``kind``."""
    if basis is None:
        return In874.UNVERIFIED
    overrides = dict(basis.by_kind)
    if kind in overrides:
        return overrides[kind]
    if basis.in_874 is In874.NOT_APPLICABLE:
        return In874.NOT_APPLICABLE
    kind_status = KIND_STATUS[kind].status
    if kind_status is In874.MEMO_ONLY:
        return In874.MEMO_ONLY
    if kind_status is In874.NOT_APPLICABLE:
        return In874.NOT_APPLICABLE
    if kind_status is In874.UNVERIFIED and basis.in_874 is In874.YES:
        return In874.UNVERIFIED
    return basis.in_874


def kinds_json() -> dict[str, dict[str, object]]:
    return {kind: status.as_dict() for kind, status in KIND_STATUS.items()}


def open_questions_json() -> list[dict[str, object]]:
    return [q.as_dict() for q in OPEN_QUESTIONS]


__all__ = [
    "COUNTY_REVIEW_STATUS",
    "KIND_STATUS",
    "MEMO_ONLY_KINDS",
    "OPEN_QUESTIONS",
    "KindStatus",
    "OpenQuestion",
    "kinds_json",
    "open_questions_json",
    "status_874",
]
