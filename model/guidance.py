"""Guidance and counselling (Act 10 §) for any immigrant, with or without a residence permit.

Decree items D4.01-D4.05 (memo 4 §). Nothing may be recorded without the person's consent, given
after they were told what recording means under data protection law.
"""

from typing import Annotated, Literal

from pydantic import Field

from kototieto.model.bases import GUIDANCE, RECORD_HANDLING, F
from kototieto.model.codes import Code
from kototieto.model.common import DESCRIPTION_META, RECORD_SOURCES_META, Contact, KotoModel, Referral
from kototieto.model.meta import ALL_ACTORS, Obligation
from kototieto.model.record import DRAWN_UP_BY_META, RecordBase
from kototieto.model.text import T
from kototieto.model.types import IsoDate, LongText

MAY = Obligation.MAY
COND = Obligation.CONDITIONAL


class Consent(KotoModel):
    given: Annotated[
        bool,
        F(
            T("Suostumus annettu", "Samtycke givet", "Consent given"),
            T(
                "Onko maahanmuuttaja antanut suostumuksensa tietojen kirjaamiseen.",
                "Om invandraren har gett sitt samtycke till att uppgifterna förs in.",
                "Whether the immigrant consented to the data being recorded.",
            ),
            example=True,
        ),
    ]
    date: Annotated[
        IsoDate,
        F(
            T("Suostumuksen päivä", "Datum för samtycket", "Date of consent"),
            T(
                "Milloin suostumus annettiin; ei kirjauksen päivän jälkeen.",
                "När samtycket gavs; inte efter registreringens datum.",
                "When consent was given; not after the record's date.",
            ),
            example="2025-02-03",
        ),
    ]
    informed: Annotated[
        bool,
        F(
            T(
                "Tietosuojasta kerrottu",
                "Informerad om dataskydd",
                "Told about data protection",
            ),
            T(
                "Onko maahanmuuttajalle kerrottu, mitä tietojen kirjaaminen ja käsittely "
                "tietosuojalainsäädännön kannalta merkitsee.",
                "Om invandraren har informerats om vad införandet och behandlingen av uppgifterna "
                "innebär med tanke på dataskyddslagstiftningen.",
                "Whether the immigrant was told what recording and processing the data means under "
                "data protection law.",
            ),
            example=True,
        ),
    ]


class GuidanceNeeds(KotoModel):
    service_kinds: Annotated[
        list[Annotated[str, Code("service-kind")]],
        F(
            T("Palvelujen lajit", "Typer av tjänster", "Service kinds"),
            T(
                "Tunnistettujen palvelutarpeiden lajit.",
                "Typer av identifierade servicebehov.",
                "Kinds of services identified.",
            ),
            example=["employment-services"],
        ),
    ] = Field(default_factory=list)
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class Guidance(RecordBase):
    """A guidance and counselling record (Act 10 §)."""

    kind: Annotated[
        Literal["guidance"],
        F(
            T("Tietueen laji", "Typ av post", "Record kind"),
            T(
                "Tietueen laji: asiakas, arviointi, suunnitelma, tarkistus tai ohjaus ja neuvonta.",
                "Typ av post: kund, bedömning, plan, översyn eller vägledning och rådgivning.",
                "The kind of record: customer, assessment, plan, review, or guidance and counselling.",
            ),
            RECORD_HANDLING,
            example="guidance",
            actors=ALL_ACTORS,
        ),
    ] = "guidance"
    #: Memo 4 § asks no contact details for guidance: optional here (a 'may' item in this kind).
    drawn_up_by: Annotated[list[Contact], DRAWN_UP_BY_META] = Field(default_factory=list)
    consent: Annotated[
        Consent,
        F(
            T("Suostumus", "Samtycke", "Consent"),
            T(
                "Maahanmuuttajan suostumus tietojen kirjaamiseen sen jälkeen, kun hänelle on "
                "kerrottu kirjaamisen merkitys tietosuojan kannalta. Ilman suostumusta mitään ei "
                "kirjata.",
                "Invandrarens samtycke till att uppgifter förs in, efter att hen informerats om vad "
                "det innebär för dataskyddet. Utan samtycke registreras ingenting.",
                "The immigrant's consent to recording, given after being told what it means for data "
                "protection. Without consent nothing is recorded.",
            ),
            GUIDANCE,
            example={"given": True, "date": "2025-02-03", "informed": True},
            ob=COND,
            condition=T(
                "Edellytys kaikelle kirjaamiselle.",
                "En förutsättning för all registrering.",
                "A precondition of any recording.",
            ),
            items=("D4.01",),
        ),
    ]
    service_needs: Annotated[
        GuidanceNeeds | None,
        F(
            T("Tunnistetut palvelutarpeet", "Identifierade servicebehov", "Identified service needs"),
            T(
                "Maahanmuuttajan tunnistetut palvelutarpeet.",
                "Invandrarens identifierade behov av tjänster.",
                "The immigrant's identified service needs.",
            ),
            GUIDANCE,
            example={"service_kinds": ["employment-services"], "description": "Etsii työtä."},
            ob=MAY,
            items=("D4.02",),
        ),
    ] = None
    guided_to: Annotated[
        list[Referral],
        F(
            T("Ohjaus palveluihin", "Styrning till tjänster", "Guided to services"),
            T(
                "Palvelut tai toiminta, joihin maahanmuuttaja ohjattiin: kunnan, muiden viranomaisten "
                "tai kolmannen sektorin.",
                "Tjänster eller verksamhet som invandraren styrdes till: kommunens, andra myndigheters "
                "eller tredje sektorns.",
                "Services or activities the immigrant was guided to: the municipality's, other "
                "authorities' or third-sector actors'.",
            ),
            GUIDANCE,
            example=[{"organiser": {"type": "municipality"}, "service_kind": "civic-orientation"}],
            ob=MAY,
            items=("D4.03",),
        ),
    ] = Field(default_factory=list)
    other_matters: Annotated[
        LongText | None,
        F(
            T(
                "Muut kotoutumiseen liittyvät asiat",
                "Andra frågor om integrationen",
                "Other integration matters",
            ),
            T(
                "Muut maahanmuuttajan kotoutumiseen liittyvät asiat, jos se on tarpeen kotoutumisen "
                "edistämiseksi.",
                "Andra frågor som hänför sig till invandrarens integration, om det behövs för att "
                "främja integrationen.",
                "Other matters concerning the immigrant's integration, where needed to promote it.",
            ),
            GUIDANCE,
            example="Kysyi lasten harrastusmahdollisuuksista.",
            ob=MAY,
            items=("D4.04",),
        ),
    ] = None
    sources: Annotated[list[Annotated[str, Code("information-source")]], RECORD_SOURCES_META] = Field(
        default_factory=list
    )
