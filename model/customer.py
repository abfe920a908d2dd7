"""The customer record: the person the other records are about."""

from typing import Annotated, Literal

from pydantic import Field

from kototieto.model.bases import CUSTOMER, RECORD_HANDLING, F
from kototieto.model.codes import Code
from kototieto.model.common import KotoModel
from kototieto.model.meta import ALL_ACTORS, MUN, Obligation, When
from kototieto.model.record import DATE_META, Common
from kototieto.model.text import T
from kototieto.model.types import IsoDate, ShortText

MAY = Obligation.MAY
COND = Obligation.CONDITIONAL
#: The interpretation language applies when interpretation is needed (the form and the
#: ``interpretation`` rule read this one definition).
INTERPRETATION_WHEN = When("interpretation_needed", equals=True)


class PersonIdentifier(KotoModel):
    type: Annotated[
        str,
        Code("identifier-type"),
        F(
            T("Tunnisteen laji", "Typ av identifikation", "Identifier type"),
            T(
                "Henkilötunnus tai väliaikainen tunniste.",
                "Personbeteckning eller tillfällig identifikation.",
                "Personal identity code or temporary identifier.",
            ),
            example="personal-identity-code",
            actors=ALL_ACTORS,
        ),
    ]
    value: Annotated[
        str,
        Field(min_length=3, max_length=20),
        F(
            T("Tunnus", "Beteckning", "Code"),
            T(
                "Henkilötunnus (tarkiste ja vuosisatamerkki tarkistetaan, myös vuonna 2023 "
                "käyttöön otetut merkit) tai väliaikainen tunniste muodossa T- ja kahdeksan merkkiä.",
                "Personbeteckning (kontrolltecken och sekelmarkör kontrolleras, även de som togs i "
                "bruk 2023) eller en tillfällig identifikation i formen T- och åtta tecken.",
                "A personal identity code (check character and century sign checked, including the "
                "signs added in 2023) or a temporary identifier: T- and eight characters.",
            ),
            example="010190-900P",
            actors=ALL_ACTORS,
        ),
    ]


class Residence(KotoModel):
    type: Annotated[
        str,
        Code("permit-type"),
        F(
            T("Asiakirjan laji", "Typ av dokument", "Document type"),
            T(
                "Ensimmäinen oleskelulupa, oleskelukortti vai oleskeluoikeuden rekisteröinti.",
                "Första uppehållstillstånd, uppehållskort eller registrering av uppehållsrätt.",
                "First residence permit, residence card or registration of the right of residence.",
            ),
            example="residence-permit",
        ),
    ]
    date: Annotated[
        IsoDate,
        F(
            T(
                "Myöntämis- tai rekisteröintipäivä",
                "Datum för beviljande eller registrering",
                "Date granted or registered",
            ),
            T(
                "Ensimmäisen oleskeluluvan tai -kortin myöntämis- tai rekisteröintipäivä. Siitä "
                "lasketaan kolmen vuoden määräaika kotoutumissuunnitelmalle.",
                "Datum då det första tillståndet eller kortet beviljades eller registrerades. Den "
                "treåriga fristen för integrationsplanen räknas från det.",
                "The day the first permit or card was granted or registered. The three-year window "
                "for the integration plan counts from it.",
            ),
            example="2024-09-02",
        ),
    ]


class Customer(Common):
    """A person receiving integration services. Not a decree item itself: basic data."""

    kind: Annotated[
        Literal["customer"],
        F(
            T("Tietueen laji", "Typ av post", "Record kind"),
            T(
                "Tietueen laji: asiakas, arviointi, suunnitelma, tarkistus tai ohjaus ja neuvonta.",
                "Typ av post: kund, bedömning, plan, översyn eller vägledning och rådgivning.",
                "The kind of record: customer, assessment, plan, review, or guidance and counselling.",
            ),
            RECORD_HANDLING,
            example="customer",
            actors=ALL_ACTORS,
        ),
    ] = "customer"
    date: Annotated[IsoDate, DATE_META]
    identifier: Annotated[
        PersonIdentifier,
        F(
            T("Henkilön tunniste", "Personens identifikation", "Person identifier"),
            T(
                "Henkilötunnus tai, jos sitä ei ole, väliaikainen tunniste.",
                "Personbeteckning eller, om sådan saknas, en tillfällig identifikation.",
                "Personal identity code or, when there is none, a temporary identifier.",
            ),
            CUSTOMER,
            example={"type": "personal-identity-code", "value": "010190-900P"},
            actors=ALL_ACTORS,
        ),
    ]
    first_names: Annotated[
        ShortText,
        F(
            T("Etunimet", "Förnamn", "First names"),
            T("Henkilön etunimet.", "Personens förnamn.", "The person's first names."),
            CUSTOMER,
            example="Amina Sara",
            actors=ALL_ACTORS,
        ),
    ]
    last_name: Annotated[
        ShortText,
        F(
            T("Sukunimi", "Efternamn", "Last name"),
            T("Henkilön sukunimi.", "Personens efternamn.", "The person's last name."),
            CUSTOMER,
            example="Haddad",
            actors=ALL_ACTORS,
        ),
    ]
    date_of_birth: Annotated[
        IsoDate | None,
        F(
            T("Syntymäaika", "Födelsedatum", "Date of birth"),
            T(
                "Syntymäaika; sen on vastattava henkilötunnusta. Väliaikaisen tunnisteen asiakkaalla "
                "se voi olla tuntematon.",
                "Födelsedatum; kontrolleras mot personbeteckningen. För en kund med tillfällig "
                "identifikation kan det vara okänt.",
                "Date of birth; checked against the personal identity code. It may be unknown for "
                "a customer with a temporary identifier.",
            ),
            CUSTOMER,
            example="1990-01-01",
            ob=COND,
            actors=ALL_ACTORS,
            condition=T(
                "Pakollinen, kun asiakkaalla on henkilötunnus.",
                "Obligatoriskt när kunden har en personbeteckning.",
                "Required when the customer has a personal identity code.",
            ),
        ),
    ] = None
    native_language: Annotated[
        str | None,
        Code("language"),
        F(
            T("Äidinkieli", "Modersmål", "Native language"),
            T(
                "Henkilön äidinkieli ISO 639 -koodina.",
                "Personens modersmål som ISO 639-kod.",
                "The person's native language as an ISO 639 code.",
            ),
            CUSTOMER,
            example="ar",
            ob=MAY,
            addition=T(
                "Hankkeen lisäys: asetus ei vaadi tätä tietoa. Kototieto kysyy sen palvelujen "
                "suunnittelua varten, mutta sen puuttuminen ei ole puute.",
                "Projektets tillägg: förordningen kräver inte uppgiften. Kototieto frågar den för att "
                "planera tjänsterna, men det är ingen brist om den saknas.",
                "Project addition: the decree does not ask for it. kototieto asks it to plan services, "
                "but leaving it out is no gap.",
            ),
        ),
    ] = None
    other_languages: Annotated[
        list[Annotated[str, Code("language")]],
        F(
            T("Muut kielet", "Andra språk", "Other languages"),
            T(
                "Muut kielet, joita henkilö osaa.",
                "Andra språk som personen kan.",
                "Other languages the person knows.",
            ),
            CUSTOMER,
            example=["en", "fr"],
            ob=MAY,
        ),
    ] = Field(default_factory=list)
    citizenships: Annotated[
        list[Annotated[str, Code("country")]],
        F(
            T("Kansalaisuudet", "Medborgarskap", "Citizenships"),
            T(
                "Kansalaisuudet ISO 3166 -maakoodeina; tyhjä, jos kansalaisuutta ei ole tai se on "
                "tuntematon.",
                "Medborgarskap som ISO 3166-landskoder; tomt om personen är statslös eller "
                "medborgarskapet är okänt.",
                "Citizenships as ISO 3166 country codes; empty when stateless or unknown.",
            ),
            CUSTOMER,
            example=["SY"],
            ob=MAY,
            addition=T(
                "Hankkeen lisäys: asetus ei vaadi tätä tietoa. Kototieto kysyy sen palvelujen "
                "suunnittelua varten, mutta sen puuttuminen ei ole puute.",
                "Projektets tillägg: förordningen kräver inte uppgiften. Kototieto frågar den för att "
                "planera tjänsterna, men det är ingen brist om den saknas.",
                "Project addition: the decree does not ask for it. kototieto asks it to plan services, "
                "but leaving it out is no gap.",
            ),
        ),
    ] = Field(default_factory=list)
    home_municipality: Annotated[
        str | None,
        Code("municipality"),
        F(
            T("Kotikunta", "Hemkommun", "Home municipality"),
            T(
                "Kotikunta Tilastokeskuksen kuntakoodina.",
                "Hemkommun som Statistikcentralens kommunkod.",
                "Home municipality as a Statistics Finland code.",
            ),
            CUSTOMER,
            example="091",
            ob=MAY,
            addition=T(
                "Hankkeen lisäys: asetus ei vaadi tätä tietoa. Kototieto kysyy sen palvelujen "
                "suunnittelua varten, mutta sen puuttuminen ei ole puute.",
                "Projektets tillägg: förordningen kräver inte uppgiften. Kototieto frågar den för att "
                "planera tjänsterna, men det är ingen brist om den saknas.",
                "Project addition: the decree does not ask for it. kototieto asks it to plan services, "
                "but leaving it out is no gap.",
            ),
        ),
    ] = None
    first_residence: Annotated[
        Residence | None,
        F(
            T(
                "Ensimmäinen oleskelulupa, oleskelukortti tai oleskeluoikeuden rekisteröinti",
                "Första uppehållstillstånd, uppehållskort eller registrering av uppehållsrätt",
                "First residence permit, residence card or registration",
            ),
            T(
                "Ensimmäinen oleskelulupa, oleskelukortti tai oleskeluoikeuden rekisteröinti. "
                "Ohjauksen ja neuvonnan asiakkaalla sitä ei tarvitse olla.",
                "Det första uppehållstillståndet, uppehållskortet eller registreringen av "
                "uppehållsrätt. En kund inom vägledning och rådgivning behöver inte ha något.",
                "The first residence permit, residence card or registration of the right of "
                "residence. A guidance customer need not have one.",
            ),
            CUSTOMER,
            example={"type": "residence-permit", "date": "2024-09-02"},
            ob=COND,
            condition=T(
                "Kun henkilöllä on oleskelulupa, -kortti tai rekisteröity oleskeluoikeus.",
                "När personen har uppehållstillstånd, uppehållskort eller registrerad uppehållsrätt.",
                "When the person has a residence permit, card or registered right of residence.",
            ),
            items=("D4.05",),
        ),
    ] = None
    registered_jobseeker: Annotated[
        bool | None,
        F(
            T("Työnhakijaksi ilmoittautunut", "Anmäld som arbetssökande", "Registered jobseeker"),
            T(
                "Onko henkilö ilmoittautunut työnhakijaksi. Työnhakijan arvioinnista ja "
                "suunnitelmasta vastaa työvoimaviranomainen. Puuttuva tieto: ei tiedossa.",
                "Om personen är anmäld som arbetssökande. För en arbetssökandes bedömning och plan "
                "ansvarar arbetskraftsmyndigheten. Uppgift som saknas: inte känt.",
                "Whether the person is registered as a jobseeker; the employment authority is then "
                "responsible for their assessment and plan. Left out: not known.",
            ),
            CUSTOMER,
            example=False,
        ),
    ] = None
    interpretation_needed: Annotated[
        bool | None,
        F(
            T("Tulkkauksen tarve", "Behov av tolkning", "Needs interpretation"),
            T(
                "Tarvitseeko henkilö tulkkausta asioidessaan. Puuttuva tieto: ei tiedossa.",
                "Om personen behöver tolkning. Uppgift som saknas: inte känt.",
                "Whether the person needs an interpreter. Left out: not known.",
            ),
            CUSTOMER,
            example=True,
        ),
    ] = None
    interpretation_language: Annotated[
        str | None,
        Code("language"),
        F(
            T("Tulkkauskieli", "Tolkningsspråk", "Interpretation language"),
            T(
                "Kieli, jolle tulkataan.",
                "Språket som tolkas till.",
                "The language to interpret into.",
            ),
            CUSTOMER,
            example="ar",
            ob=COND,
            condition=T(
                "Kun henkilö tarvitsee tulkkausta.",
                "När personen behöver tolkning.",
                "When the person needs interpretation.",
            ),
            when=INTERPRETATION_WHEN,
        ),
    ] = None
    trafficking_victim: Annotated[
        bool,
        F(
            T("Ihmiskaupan uhri", "Offer för människohandel", "Victim of human trafficking"),
            T(
                "Onko henkilö ihmiskaupan uhri; silloin kolmen vuoden määräaika ei koske häntä.",
                "Om personen är offer för människohandel; då gäller inte den treåriga fristen.",
                "Whether the person is a victim of human trafficking; the three-year window then "
                "does not apply.",
            ),
            CUSTOMER,
            example=False,
            ob=MAY,
        ),
    ] = False

    @property
    def customer(self) -> str:
        """A customer record is its own customer (so every record has ``.customer``)."""
        return self.id


__all__ = ["INTERPRETATION_WHEN", "MUN", "Customer", "PersonIdentifier", "Residence"]
