"""Building blocks shared by several record kinds: organisation, contacts, sources, referrals."""

# No `from __future__ import annotations` here or in the record kinds' modules (record, customer,
# assessment, plan, review, guidance): pydantic would compile and evaluate every field's annotation
# string when the models are imported (about 15 ms of `koto add`'s start-up; tests/test_startup_imports.py).
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from kototieto.model.bases import STRUCTURE, F
from kototieto.model.codes import Code
from kototieto.model.meta import ALL_ACTORS, MUN_COUNTY, In874, LegalBasis, Obligation
from kototieto.model.text import T
from kototieto.model.types import Email, IsoDate, LongText, Phone, ShortText

MAY = Obligation.MAY
COND = Obligation.CONDITIONAL


class KotoModel(BaseModel):
    """Strict: unknown keys are errors, types are not coerced, whitespace is kept as written."""

    # defer_build: a kind's validator is built when that kind is first validated, not at import
    # (a write of one record builds one kind; start-up stays short)
    model_config = ConfigDict(strict=True, extra="forbid", validate_assignment=False, defer_build=True)


class Organisation(KotoModel):
    type: Annotated[
        str,
        Code("organisation-type"),
        F(
            T("Organisaation tyyppi", "Typ av organisation", "Organisation type"),
            T(
                "Kunta, hyvinvointialue vai KEHA-keskus.",
                "Kommun, välfärdsområde eller UF-centret.",
                "Municipality, wellbeing services county or KEHA Centre.",
            ),
            STRUCTURE,
            example="municipality",
            actors=ALL_ACTORS,
        ),
    ]
    code: Annotated[
        str,
        Field(pattern=r"^[0-9A-Za-z-]{2,12}$"),
        F(
            T("Organisaation tunnus", "Organisationens kod", "Organisation code"),
            T(
                "Kunnan kolminumeroinen kuntakoodi, hyvinvointialueen koodi tai KEHA-keskuksen Y-tunnus.",
                "Kommunens tresiffriga kommunkod, välfärdsområdets kod eller UF-centrets FO-nummer.",
                "The municipality's three-digit code, the county's code, or the KEHA Centre's business ID.",
            ),
            STRUCTURE,
            example="091",
            actors=ALL_ACTORS,
        ),
    ]
    name: Annotated[
        ShortText,
        F(
            T("Organisaation nimi", "Organisationens namn", "Organisation name"),
            T(
                "Kirjaavan organisaation nimi.",
                "Namnet på den registrerande organisationen.",
                "The name of the recording organisation.",
            ),
            STRUCTURE,
            example="Helsingin kaupunki",
            actors=ALL_ACTORS,
        ),
    ]


class Contact(KotoModel):
    name: Annotated[
        ShortText,
        F(
            T("Nimi", "Namn", "Name"),
            T(
                "Laatimiseen osallistuneen henkilön nimi.",
                "Namnet på en person som deltog i utarbetandet.",
                "Name of a person who took part in drawing up the record.",
            ),
            None,
            example="Aino Virtanen",
            actors=MUN_COUNTY,
        ),
    ]
    title: Annotated[
        ShortText | None,
        F(
            T("Tehtävänimike", "Befattning", "Title"),
            T("Henkilön tehtävänimike.", "Personens befattning.", "The person's job title."),
            None,
            example="kotoutumisen ohjaaja",
            actors=MUN_COUNTY,
        ),
    ] = None
    organisation: Annotated[
        ShortText,
        F(
            T("Organisaatio", "Organisation", "Organisation"),
            T(
                "Organisaatio, jota henkilö edustaa.",
                "Organisationen som personen representerar.",
                "The organisation the person represents.",
            ),
            None,
            example="Helsingin kaupunki, maahanmuuttajapalvelut",
            actors=MUN_COUNTY,
        ),
    ]
    phone: Annotated[
        Phone | None,
        F(
            T("Puhelin", "Telefon", "Phone"),
            T("Työpuhelinnumero.", "Arbetstelefonnummer.", "Work phone number."),
            None,
            example="+358 40 123 4567",
            ob=MAY,
            actors=MUN_COUNTY,
        ),
    ] = None
    email: Annotated[
        Email | None,
        F(
            T("Sähköposti", "E-post", "E-mail"),
            T("Työsähköpostiosoite.", "Arbetsadress för e-post.", "Work e-mail address."),
            None,
            example="aino.virtanen@example.fi",
            ob=MAY,
            actors=MUN_COUNTY,
        ),
    ] = None


class Organiser(KotoModel):
    type: Annotated[
        str,
        Code("organiser-type"),
        F(
            T("Järjestäjän tyyppi", "Typ av anordnare", "Organiser type"),
            T(
                "Minkä tyyppinen toimija palvelun järjestää.",
                "Vilken typ av aktör som ordnar tjänsten.",
                "What kind of actor organises the service.",
            ),
            None,
            example="municipality",
            actors=MUN_COUNTY,
        ),
    ]
    name: Annotated[
        ShortText | None,
        F(
            T("Järjestäjä", "Anordnare", "Organiser"),
            T(
                "Palvelun järjestävän toimijan nimi.",
                "Namnet på aktören som ordnar tjänsten.",
                "Name of the actor that organises the service.",
            ),
            None,
            example="Helsingin aikuislukio",
            ob=MAY,
            actors=MUN_COUNTY,
        ),
    ] = None


SOURCES_META = F(
    T("Tiedon lähteet", "Uppgiftens källor", "Information sources"),
    T(
        "Mistä tämän kohdan tiedot on saatu: maahanmuuttajalta itseltään, muulta viranomaiselta tai "
        "palveluntuottajalta, maahanmuuttajan toimittamasta asiakirjasta tai virkailijan omasta "
        "havainnosta (hankkeen lisäys).",
        "Varifrån uppgifterna i denna punkt har erhållits: av invandraren själv, av en annan "
        "myndighet eller serviceproducent, ur ett dokument som invandraren lämnat in eller genom "
        "tjänstemannens egen iakttagelse (projektets tillägg).",
        "Where this item's information came from: the immigrant themself, another authority or "
        "service provider, a document the immigrant supplied, or the official's own observation "
        "(a project addition).",
    ),
    None,
    example=["person"],
    items=("D1.06",),
)
SOURCE_DETAILS_META = F(
    T("Lähteen tarkennus", "Precisering av källan", "Source details"),
    T(
        "Mikä viranomainen, palveluntuottaja tai asiakirja oli lähteenä.",
        "Vilken myndighet, serviceproducent eller vilket dokument som var källan.",
        "Which authority, service provider or document the source was.",
    ),
    None,
    example="Tutkintotodistus, toimitettu 3.2.2025",
    ob=MAY,
    items=("D1.06",),
)
DESCRIPTION_META = F(
    T("Kuvaus", "Beskrivning", "Description"),
    T(
        "Vapaamuotoinen kuvaus kohdan sisällöstä.",
        "Fritt formulerad beskrivning av punktens innehåll.",
        "A free-text description of the item.",
    ),
    None,
    example="Kertoo tarvitsevansa tukea asiointiin.",
    ob=MAY,
)


class Sourced(KotoModel):
    """A content item of an assessment: every one says where its information came from (D1.06)."""

    sources: Annotated[list[Annotated[str, Code("information-source")]], Field(min_length=1), SOURCES_META]
    source_details: Annotated[LongText | None, SOURCE_DETAILS_META] = None


class Described(Sourced):
    """A content item that is a description written by the official."""

    description: Annotated[
        LongText,
        F(
            T("Kuvaus", "Beskrivning", "Description"),
            T(
                "Kohdan sisältö virkailijan kirjaamana.",
                "Punktens innehåll såsom tjänstemannen registrerat det.",
                "The item's content as the official recorded it.",
            ),
            None,
            example="Hyvät tietotekniikkataidot, on käyttänyt verkkopankkia.",
        ),
    ]


class OtherData(KotoModel):
    """'Other necessary data' (D1.27, D2.08, D3.16): allowed only with a stated necessity."""

    content: Annotated[
        LongText,
        F(
            T("Muu tieto", "Annan uppgift", "Other data"),
            T(
                "Muu kotoutumisen edistämisestä annetun lain mukaisten tehtävien hoitamiseksi "
                "välttämätön tieto.",
                "Annan uppgift som är nödvändig för att sköta uppgifterna enligt lagen om främjande "
                "av integration.",
                "Other data necessary for the tasks under the Act on the Promotion of Integration.",
            ),
            None,
            example="Haettu todellisten kustannusten mukaista korvausta tulkkauksesta.",
        ),
    ]
    necessity: Annotated[
        LongText | None,
        F(
            T("Välttämättömyyden perustelu", "Motivering av nödvändigheten", "Stated necessity"),
            T(
                "Miksi tieto on välttämätön kotoutumislain mukaisten tehtävien hoitamiseksi. Ilman perustelua "
                "tietoa ei saa kirjata.",
                "Varför uppgiften är nödvändig för uppgifterna enligt integrationslagen. Utan motivering får "
                "uppgiften inte föras in.",
                "Why the data is necessary for the tasks under the Integration Act. Without it the data may "
                "not be entered.",
            ),
            None,
            example="Tarvitaan korvaushakemuksen käsittelyyn.",
        ),
    ] = None


class Referral(KotoModel):
    """Guidance or referral to a service of another authority or a third-sector actor."""

    organiser: Annotated[
        Organiser,
        F(
            T("Palvelun järjestäjä", "Tjänstens anordnare", "Service organiser"),
            T(
                "Kenen palveluun tai toimintaan henkilö ohjataan.",
                "Till vems tjänst eller verksamhet personen hänvisas.",
                "Whose service or activity the person is referred to.",
            ),
            None,
            example={"type": "third-sector", "name": "Monikulttuurinen yhdistys ry"},
        ),
    ]
    service_kind: Annotated[
        str,
        Code("service-kind"),
        F(
            T("Palvelun laji", "Typ av tjänst", "Service kind"),
            T(
                "Minkä lajin palveluun henkilö ohjataan.",
                "Till vilken typ av tjänst personen hänvisas.",
                "The kind of service the person is referred to.",
            ),
            None,
            example="third-sector-activity",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None
    date: Annotated[
        IsoDate | None,
        F(
            T("Ohjauspäivä", "Datum för hänvisningen", "Date of referral"),
            T("Milloin henkilö ohjattiin.", "När personen hänvisades.", "When the person was referred."),
            None,
            example="2025-03-14",
            ob=MAY,
        ),
    ] = None


class EmploymentReferral(KotoModel):
    """The person should register as a jobseeker and is referred to the employment authority."""

    date: Annotated[
        IsoDate,
        F(
            T("Ohjauspäivä", "Datum för hänvisningen", "Date of referral"),
            T(
                "Milloin henkilö ohjattiin työvoimaviranomaisen palveluihin.",
                "När personen hänvisades till arbetskraftsmyndighetens tjänster.",
                "When the person was referred to the employment authority's services.",
            ),
            None,
            example="2025-03-14",
        ),
    ]
    reason: Annotated[
        LongText | None,
        F(
            T("Perustelu", "Motivering", "Reason"),
            T(
                "Miksi henkilön on tarkoituksenmukaista ilmoittautua työnhakijaksi tai miksi hän aikoo "
                "ilmoittautua.",
                "Varför det är ändamålsenligt att personen anmäler sig som arbetssökande eller varför "
                "hen ämnar anmäla sig.",
                "Why the person should register as a jobseeker, or why they intend to.",
            ),
            None,
            example="Hakee aktiivisesti töitä ja on työmarkkinoiden käytettävissä.",
            ob=MAY,
        ),
    ] = None


class Annulment(KotoModel):
    date: Annotated[
        IsoDate,
        F(
            T("Mitätöintipäivä", "Datum för annullering", "Date annulled"),
            T(
                "Milloin tietue mitätöitiin. Tietueita ei poisteta; mitätöinti on uusi versio.",
                "När posten annullerades. Poster raderas inte; annulleringen är en ny version.",
                "When the record was annulled. Records are not deleted; an annulment is a new version.",
            ),
            STRUCTURE,
            example="2025-06-01",
            ob=COND,
            actors=MUN_COUNTY,
            condition=T(
                "Kun tietue on kirjattu virheellisesti.",
                "När posten har registrerats felaktigt.",
                "When the record was entered in error.",
            ),
        ),
    ]
    reason: Annotated[
        LongText,
        F(
            T("Mitätöinnin syy", "Orsak till annulleringen", "Reason for annulment"),
            T(
                "Miksi tietue mitätöitiin.",
                "Varför posten annullerades.",
                "Why the record was annulled.",
            ),
            STRUCTURE,
            example="Kirjattu väärälle asiakkaalle.",
            actors=MUN_COUNTY,
        ),
    ]


__all__ = [
    "Annulment",
    "Contact",
    "Described",
    "EmploymentReferral",
    "KotoModel",
    "Organisation",
    "Organiser",
    "OtherData",
    "Referral",
    "Sourced",
]


EMPLOYMENT_REFERRAL_META = F(
    T(
        "Ohjaus työvoimaviranomaiselle",
        "Hänvisning till arbetskraftsmyndigheten",
        "Referral to the employment authority",
    ),
    T(
        "Henkilön on tarkoituksenmukaista ilmoittautua työnhakijaksi tai hän aikoo ilmoittautua, ja "
        "hänet ohjataan työvoimaviranomaiselle, joka sen jälkeen laatii arvioinnin ja suunnitelman "
        "tai vastaa suunnitelman tarkistamisesta.",
        "Personen borde bli eller ämnar bli arbetssökande och hänvisas till arbetskraftsmyndigheten, "
        "som därefter gör upp bedömningen och planen eller ansvarar för översynen av planen.",
        "The person should or intends to register as a jobseeker and is referred to the employment "
        "authority, which then draws up the assessment and plan, or becomes responsible for "
        "reviewing the plan.",
    ),
    LegalBasis(
        act=(14, 22),
        memo="1 § 1 mom. (perustelut); 3 § 4 mom.",
        in_874=In874.UNVERIFIED,
    ),
    example={"date": "2025-03-14", "reason": "Hakee aktiivisesti töitä."},
    ob=COND,
    condition=T(
        "Kun henkilö ohjataan työnhakijaksi (perusarviointi) tai aikoo ilmoittautua työnhakijaksi "
        "(tarkistus).",
        "När personen hänvisas att bli arbetssökande (grundläggande bedömning) eller ämnar anmäla sig "
        "(översyn).",
        "When the person is referred to register as a jobseeker (basic assessment) or intends to "
        "register (review).",
    ),
    items=("D1.07", "D3.15"),
)

OTHER_DATA_META = F(
    T("Muut välttämättömät tiedot", "Andra nödvändiga uppgifter", "Other necessary data"),
    T(
        "Muut arviointiin, suunnitelmaan tai tarkistukseen liittyvät tiedot, jotka ovat välttämättömiä "
        "kotoutumisen edistämisestä annetun lain mukaisten tehtävien hoitamiseksi, esimerkiksi "
        "todellisten kustannusten mukaan haettavat korvaukset. Sallittu vain, kun välttämättömyys on "
        "perusteltu. Hyvinvointialue voi kirjata näitä tietoja vain, kun se tarkistaa monialaisen "
        "kotoutumissuunnitelman ja muuttaa sitä vain järjestämisvastuullaan olevan palvelun osalta.",
        "Andra uppgifter som hänför sig till bedömningen, planen eller översynen och är nödvändiga för "
        "att sköta uppgifterna enligt lagen om främjande av integration, till exempel ersättningar som "
        "söks enligt de faktiska kostnaderna. Tillåtet endast med motiverad nödvändighet. Ett "
        "välfärdsområde får föra in sådana uppgifter endast när det ser över en sektorsövergripande "
        "integrationsplan som ändras endast i fråga om en tjänst som välfärdsområdet ansvarar för.",
        "Other data related to the assessment, plan or review that is necessary for the tasks under the "
        "Act on the Promotion of Integration, for example compensation applied for on the basis of "
        "actual costs. Allowed only with a stated necessity. A wellbeing services county may record it "
        "only when it reviews a multisectoral plan that changes only as to a service it is responsible "
        "for.",
    ),
    LegalBasis(
        act=(14, 15, 16, 17, 21, 22),
        memo="1 § 2 mom.; 2 § 2 mom.; 3 § 5 mom.",
        decree_874="1 § 2 mom.; 2 § 2 mom.",
        in_874=In874.YES,
    ),
    example={"content": "Haettu korvausta tulkkauskuluista.", "necessity": "Valtion korvauksen hakeminen."},
    ob=MAY,
    actors=MUN_COUNTY,
    items=("D1.27", "D2.08", "D3.16"),
)


RECORD_SOURCES_META = F(
    T("Tiedon lähteet", "Uppgifternas källor", "Information sources"),
    T(
        "Mistä tietueen tiedot on saatu: maahanmuuttajalta itseltään, muulta viranomaiselta tai "
        "palveluntuottajalta, maahanmuuttajan toimittamasta asiakirjasta tai virkailijan omasta "
        "havainnosta.",
        "Varifrån postens uppgifter har erhållits: av invandraren själv, av en annan myndighet eller "
        "serviceproducent, ur ett dokument som invandraren lämnat in eller genom tjänstemannens egen "
        "iakttagelse.",
        "Where the record's information came from: the immigrant themself, another authority or "
        "service provider, a document the immigrant supplied, or the official's own observation.",
    ),
    LegalBasis(
        act=(16, 17, 21, 22, 10),
        decree_874="2 § 1 mom.",
        in_874=In874.YES,
        by_kind=(("review", In874.NOT_APPLICABLE), ("guidance", In874.NOT_APPLICABLE)),
        note=T(
            "Asetus 874/2024 lisäsi suunnitelmille tiedon siitä, mistä tiedot on saatu (muistiossa "
            "vain arvioinneille, D1.06). Tarkistuksissa ja ohjauksessa Kototieto kysyy saman "
            "vapaaehtoisena.",
            "Förordning 874/2024 lade till för planer varifrån uppgifterna erhållits (i promemorian "
            "endast för bedömningar, D1.06). För översyner och vägledning frågar kototieto samma "
            "uppgift frivilligt.",
            "The issued decree 874/2024 added, for plans, where the information came from (the memo "
            "asks it for assessments only, D1.06). For reviews and guidance kototieto asks the same, "
            "optionally.",
        ),
    ),
    example=["person", "service-provider"],
    ob=COND,
    ob_by_kind=(
        ("integration-plan", Obligation.SHALL),
        ("multisectoral-plan", Obligation.SHALL),
        ("family-plan", Obligation.SHALL),
        ("review", Obligation.MAY),
        ("guidance", Obligation.MAY),
    ),
    actors=MUN_COUNTY,
    condition=T(
        "Pakollinen suunnitelmissa (874/2024); vapaaehtoinen tarkistuksissa ja ohjauksessa.",
        "Obligatoriskt i planer (874/2024); frivilligt i översyner och vägledning.",
        "Required in plans (874/2024); optional in reviews and guidance.",
    ),
)
