"""The fields every record has, whatever its kind."""

from typing import Annotated, ClassVar

from pydantic import Field, JsonValue, StringConstraints

from kototieto.model.bases import RECORD_HANDLING, STRUCTURE, TRANSITION, F
from kototieto.model.common import Annulment, Contact, KotoModel, Organisation
from kototieto.model.meta import ALL_ACTORS, MUN_COUNTY, In874, LegalBasis, Obligation
from kototieto.model.text import T
from kototieto.model.types import IsoDate, RecordId

#: The record schema version this code writes; older records are migrated on read.
CURRENT_SCHEMA_VERSION = 3

#: Extension field ids: the pilot organisation's code, a dot, and the field name.
EXTENSION_KEY = r"^[0-9A-Za-z-]{2,12}\.[a-z][a-z0-9-]{0,62}$"

ID_META = F(
    T("Tunniste", "Identifierare", "Identifier"),
    T(
        "Tietueen pysyvä tunniste; pienet kirjaimet, numerot ja yhdysmerkit. Ei henkilötietoja.",
        "Postens bestående identifierare; små bokstäver, siffror och bindestreck. Inga personuppgifter.",
        "The record's permanent identifier: lower-case letters, digits and hyphens. No personal data.",
    ),
    STRUCTURE,
    example="asm-2025-03-14-k3f9",
    actors=ALL_ACTORS,
)
SCHEMA_VERSION_META = F(
    T("Skeemaversio", "Schemaversion", "Schema version"),
    T(
        "Tietomallin versio, jonka mukaan tietue on kirjoitettu. Vanhemmat versiot muunnetaan luettaessa.",
        "Den version av datamodellen som posten skrivits enligt. Äldre versioner konverteras vid läsning.",
        "The data model version the record was written in. Older versions are migrated when read.",
    ),
    RECORD_HANDLING,
    example=CURRENT_SCHEMA_VERSION,
    actors=ALL_ACTORS,
)
ORGANISATION_META = F(
    T("Kirjaava organisaatio", "Registrerande organisation", "Recording organisation"),
    T(
        "Organisaatio, joka kirjasi tietueen: kunta, hyvinvointialue tai KEHA-keskus.",
        "Organisationen som registrerade posten: kommun, välfärdsområde eller UF-centret.",
        "The organisation that recorded the record: municipality, wellbeing services county or KEHA Centre.",
    ),
    STRUCTURE,
    example={"type": "municipality", "code": "091", "name": "Helsingin kaupunki"},
    actors=ALL_ACTORS,
    items=("D3.02", "D5.01"),
)
ANNULMENT_META = F(
    T("Mitätöinti", "Annullering", "Annulment"),
    T(
        "Merkintä siitä, että tietue on mitätöity. Historiaa ei muuteta.",
        "Anteckning om att posten har annullerats. Historiken ändras inte.",
        "A note that the record was annulled. History is never rewritten.",
    ),
    RECORD_HANDLING,
    example={"date": "2025-06-01", "reason": "Kirjattu väärälle asiakkaalle."},
    ob=Obligation.CONDITIONAL,
    actors=MUN_COUNTY,
    condition=T(
        "Kun tietue on kirjattu virheellisesti.",
        "När posten har registrerats felaktigt.",
        "When the record was entered in error.",
    ),
)
EXTENSIONS_META = F(
    T("Lisäkentät", "Tilläggsfält", "Extension fields"),
    T(
        "Pilottiorganisaation omat kokeilukentät, erillään kansallisista kentistä. Avain on "
        "organisaation tunnus, piste ja kentän nimi.",
        "Pilotorganisationens egna försöksfält, åtskilda från de nationella fälten. Nyckeln är "
        "organisationens kod, en punkt och fältets namn.",
        "The pilot organisation's own trial fields, kept apart from the national fields. Each key is "
        "the organisation code, a dot and the field name.",
    ),
    RECORD_HANDLING,
    example={"091.digital-skills": "good"},
    ob=Obligation.MAY,
    actors=MUN_COUNTY,
)

ExtensionValues = dict[Annotated[str, StringConstraints(pattern=EXTENSION_KEY)], JsonValue]


class Common(KotoModel):
    """Fields of every kind, the customer record included."""

    id: Annotated[RecordId, ID_META]
    schema_version: Annotated[int, Field(ge=1, le=CURRENT_SCHEMA_VERSION), SCHEMA_VERSION_META] = (
        CURRENT_SCHEMA_VERSION
    )
    organisation: Annotated[Organisation, ORGANISATION_META]
    annulment: Annotated[Annulment | None, ANNULMENT_META] = None
    extensions: Annotated[ExtensionValues | None, EXTENSIONS_META] = None

    #: Keys written last in a record file, after the kind's own fields.
    TRAILING_KEYS: ClassVar[tuple[str, ...]] = ("annulment", "extensions")


#: The basis of fields every assessment, plan and review has (date, contacts): memo 1-3 §.
RECORD_CONTENT_BASIS = LegalBasis(
    act=(14, 15, 16, 17, 21, 22),
    memo="1 § 1 mom.; 2 § 1 mom.; 3 § 4 mom.",
    decree_874="1 § 1 mom.; 2 § 1 mom.",
    in_874=In874.YES,
    note=T(
        "Asetus 874/2024 nimeää nämä perusarvioinnille ja kotoutumissuunnitelmalle; tarkistuksen "
        "pykälää (3 §) ei ole luettu.",
        "Förordning 874/2024 nämner dessa för den grundläggande bedömningen och integrationsplanen; "
        "paragrafen om översyn (3 §) har inte lästs.",
        "874/2024 names these for the basic assessment and the integration plan; its review section "
        "(3 §) was not read.",
    ),
)

DATE_META = F(
    T("Päivämäärä", "Datum", "Date"),
    T(
        "Päivä, jota tietue koskee: arvioinnin laatimis- eli toteuttamispäivä, suunnitelman "
        "laatimispäivä, tarkistuksen ajankohta tai ohjauksen ja neuvonnan päivä; asiakastietueessa "
        "tietojen kirjaamispäivä.",
        "Den dag posten gäller: datum då bedömningen utarbetades eller genomfördes, då planen "
        "utarbetades, tidpunkten för översynen eller dagen för vägledningen och rådgivningen; i "
        "kundposten dagen då uppgifterna registrerades.",
        "The date the record concerns: the day the assessment was drawn up (carried out), the plan "
        "was drawn up, the review took place, or guidance was given; in the customer record, the day "
        "the data was recorded.",
    ),
    RECORD_CONTENT_BASIS,
    example="2025-03-14",
    actors=MUN_COUNTY,
    items=("D1.01", "D2.01", "D3.03", "D5.01"),
)
CUSTOMER_REF_META = F(
    T("Asiakas", "Kund", "Customer"),
    T(
        "Sen asiakastietueen tunniste, jota tietue koskee.",
        "Identifieraren för den kundpost som posten gäller.",
        "The id of the customer record this record is about.",
    ),
    STRUCTURE,
    example="c-4f2a9b1e",
    actors=MUN_COUNTY,
)
DRAWN_UP_BY_META = F(
    T("Laatijoiden yhteystiedot", "Kontaktuppgifter till dem som utarbetat", "Drawn up by"),
    T(
        "Maahanmuuttajan lisäksi laatimiseen osallistuneiden henkilöiden yhteystiedot, "
        "tehtävänimikkeet ja organisaatiot.",
        "Kontaktuppgifter till dem som utöver invandraren deltog i utarbetandet: personer, deras "
        "befattning och organisation.",
        "Contact details of those who, besides the immigrant, took part in drawing it up: people, "
        "their titles and organisations.",
    ),
    RECORD_CONTENT_BASIS,
    example=[
        {"name": "Aino Virtanen", "title": "kotoutumisen ohjaaja", "organisation": "Helsingin kaupunki"}
    ],
    actors=MUN_COUNTY,
    items=("D1.05", "D2.06", "D3.04"),
    ob_by_kind=(("guidance", Obligation.MAY),),
)


class RecordBase(Common):
    """Fields of every record about a customer (everything but the customer record itself)."""

    customer: Annotated[RecordId, CUSTOMER_REF_META]
    date: Annotated[IsoDate, DATE_META]
    drawn_up_by: Annotated[list[Contact], Field(min_length=1), DRAWN_UP_BY_META]


__all__ = ["CURRENT_SCHEMA_VERSION", "DATE_META", "DRAWN_UP_BY_META", "TRANSITION", "Common", "RecordBase"]
