"""Integration plans: integration plan (16 §), multisectoral plan (17 §), family plan (21 §).

Decree items D2.01-D2.08 (memo 2 §; 874/2024 2 §, which also adds where the plan's information
came from).
"""

from typing import Annotated, Literal

from pydantic import Field

from kototieto.model.bases import (
    PLAN,
    PLAN_874,
    PLAN_COUNTY,
    PLAN_EXTENSION,
    PLAN_FAMILY,
    RECORD_HANDLING,
    STRUCTURE,
    F,
)
from kototieto.model.codes import Code
from kototieto.model.common import (
    DESCRIPTION_META,
    OTHER_DATA_META,
    RECORD_SOURCES_META,
    KotoModel,
    Organiser,
    OtherData,
)
from kototieto.model.meta import ALL_ACTORS, MUN_COUNTY, Obligation
from kototieto.model.record import RecordBase
from kototieto.model.text import T
from kototieto.model.types import IsoDate, LongText, RecordId, ShortText

MAY = Obligation.MAY
COND = Obligation.CONDITIONAL


class PlanPeriod(KotoModel):
    start: Annotated[
        IsoDate,
        F(
            T("Alkupäivä", "Startdatum", "Start"),
            T(
                "Suunnitelman ensimmäinen voimassaolopäivä.",
                "Planens första giltighetsdag.",
                "First day of the plan.",
            ),
            example="2025-04-10",
        ),
    ]
    end: Annotated[
        IsoDate,
        F(
            T("Päättymispäivä", "Slutdatum", "End"),
            T(
                "Suunnitelman viimeinen voimassaolopäivä; kesto enintään lain sallima.",
                "Planens sista giltighetsdag; längden högst den lagen tillåter.",
                "Last day of the plan; at most the length the Act allows.",
            ),
            example="2026-04-09",
        ),
    ]


class ExtensionGround(KotoModel):
    ground: Annotated[
        str,
        Code("extension-ground"),
        F(
            T("Peruste", "Grund", "Ground"),
            T("Pidemmän keston peruste.", "Grund för längre tid.", "The ground for a longer duration."),
            example="literacy-training",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class Goal(KotoModel):
    description: Annotated[
        LongText,
        F(
            T("Tavoite", "Mål", "Goal"),
            T("Suunnitelman tavoite.", "Planens mål.", "A goal of the plan."),
            example="Suomen kielen taito tasolle B1.1.",
        ),
    ]
    target_date: Annotated[
        IsoDate | None,
        F(
            T("Tavoiteaika", "Måldatum", "Target date"),
            T(
                "Mihin mennessä tavoite on määrä saavuttaa.",
                "När målet ska nås.",
                "When the goal is to be reached.",
            ),
            example="2026-03-31",
            ob=MAY,
        ),
    ] = None


class Measure(KotoModel):
    service_kind: Annotated[
        str,
        Code("service-kind"),
        F(
            T("Palvelun laji", "Typ av tjänst", "Service kind"),
            T(
                "Sovitun palvelun tai toimenpiteen laji.",
                "Typ av överenskommen tjänst eller åtgärd.",
                "Kind of the agreed service or measure.",
            ),
            example="integration-training",
        ),
    ]
    description: Annotated[
        LongText,
        F(
            T("Sisältö", "Innehåll", "What"),
            T("Mitä on sovittu.", "Vad som har överenskommits.", "What was agreed."),
            example="Kotoutumiskoulutus, 4 moduulia.",
        ),
    ]
    organiser: Annotated[
        Organiser,
        F(
            T("Järjestäjä", "Anordnare", "Organised by"),
            T("Kuka palvelun järjestää.", "Vem som ordnar tjänsten.", "Who organises the service."),
            example={"type": "municipality", "name": "Helsingin kaupunki"},
        ),
    ]
    referred_on: Annotated[
        IsoDate | None,
        F(
            T("Ohjauspäivä", "Datum för hänvisningen", "Referred on"),
            T(
                "Milloin henkilö ohjattiin hakeutumaan palveluun tai koulutukseen. Kuuden kuukauden "
                "määräaika koskee ohjausta, ei palvelun alkamista.",
                "När personen hänvisades att söka sig till tjänsten eller utbildningen. Sexmånadersfristen "
                "gäller hänvisningen, inte när tjänsten börjar.",
                "When the person was referred (told to enrol) to the service or education. The six-month "
                "deadline concerns the referral, not the service's start.",
            ),
            example="2025-04-10",
            ob=MAY,
        ),
    ] = None
    start: Annotated[
        IsoDate | None,
        F(
            T("Alkaa", "Börjar", "Starts"),
            T("Milloin palvelu alkaa.", "När tjänsten börjar.", "When the service starts."),
            example="2025-05-05",
        ),
    ] = None
    end: Annotated[
        IsoDate | None,
        F(
            T("Päättyy", "Slutar", "Ends"),
            T("Milloin palvelu päättyy.", "När tjänsten slutar.", "When the service ends."),
            example="2025-12-19",
            ob=MAY,
        ),
    ] = None
    status: Annotated[
        str,
        Code("measure-status"),
        F(
            T("Tila", "Status", "Status"),
            T("Toimenpiteen toteutumisen tila.", "Åtgärdens status.", "How far the measure has got."),
            example="planned",
        ),
    ] = "planned"


class FamilyMember(KotoModel):
    customer: Annotated[
        RecordId | None,
        F(
            T("Asiakastunniste", "Kundidentifierare", "Customer id"),
            T(
                "Perheenjäsenen asiakastietueen tunniste, jos hänellä on sellainen.",
                "Identifierare för familjemedlemmens kundpost, om en sådan finns.",
                "The family member's customer record id, if they have one.",
            ),
            example="c-8d1e22a0",
            ob=MAY,
        ),
    ] = None
    name: Annotated[
        ShortText,
        F(
            T("Nimi", "Namn", "Name"),
            T("Perheenjäsenen nimi.", "Familjemedlemmens namn.", "The family member's name."),
            example="Omar Haddad",
        ),
    ]
    relation: Annotated[
        str,
        Code("family-relation"),
        F(
            T("Suhde", "Relation", "Relation"),
            T("Suhde asiakkaaseen.", "Relation till kunden.", "Relation to the customer."),
            example="child",
        ),
    ]
    date_of_birth: Annotated[
        IsoDate | None,
        F(
            T("Syntymäaika", "Födelsedatum", "Date of birth"),
            T(
                "Perheenjäsenen syntymäaika.",
                "Familjemedlemmens födelsedatum.",
                "The member's date of birth.",
            ),
            example="2016-05-02",
            ob=MAY,
        ),
    ] = None


class PlanBase(RecordBase):
    assessment: Annotated[
        RecordId | None,
        F(
            T("Arviointi", "Bedömning", "Assessment"),
            T(
                "Sen arvioinnin tunniste, johon suunnitelma perustuu (saman asiakkaan).",
                "Identifierare för den bedömning planen bygger på (samma kunds).",
                "The id of the assessment the plan is based on (the same customer's).",
            ),
            STRUCTURE,
            example="asm-2025-03-14-k3f9",
            ob=MAY,
            addition=T(
                "Hankkeen rakenne, ei asetuksen vaatima tieto: arviointi voi olla toisessa "
                "järjestelmässä (esimerkiksi työvoimaviranomaisen tekemä), jolloin viittausta ei voi "
                "kirjata.",
                "Projektets struktur, inte en uppgift som förordningen kräver: bedömningen kan finnas "
                "i ett annat system (till exempel gjord av arbetskraftsmyndigheten), och då kan "
                "hänvisningen inte registreras.",
                "Project structure, not decree data: the assessment may be in another system (for "
                "example one made by the employment authority), and then no link can be recorded.",
            ),
        ),
    ] = None
    previous_plan: Annotated[
        RecordId | None,
        F(
            T("Edellinen suunnitelma", "Föregående plan", "Previous plan"),
            T(
                "Suunnitelma, jota tämä jatkaa tai jonka se korvaa; tyhjä ensimmäisessä suunnitelmassa.",
                "Plan som denna fortsätter eller ersätter; tom i den första planen.",
                "The plan this one continues or replaces; empty for a first plan.",
            ),
            STRUCTURE,
            example="pln-2025-04-10-a1b2",
            ob=COND,
            condition=T(
                "Kun suunnitelma ei ole asiakkaan ensimmäinen.",
                "När planen inte är kundens första.",
                "When the plan is not the customer's first.",
            ),
        ),
    ] = None
    period: Annotated[
        PlanPeriod | None,
        F(
            T("Suunnitelman kesto", "Planens varaktighet", "Plan period"),
            T(
                "Suunnitelman alku- ja päättymispäivä lain enimmäiskeston rajoissa.",
                "Planens start- och slutdatum inom lagens maximala längd.",
                "The plan's start and end, within the maximum length the Act sets.",
            ),
            PLAN,
            example={"start": "2025-04-10", "end": "2026-04-09"},
            items=("D2.02",),
        ),
    ] = None
    extension_ground: Annotated[
        ExtensionGround | None,
        F(
            T("Pidemmän keston peruste", "Grund för längre varaktighet", "Ground for a longer duration"),
            T(
                "Peruste, jolla suunnitelma on pääsääntöistä enimmäiskestoa pidempi.",
                "Grund för att planen är längre än den maximala längden enligt huvudregeln.",
                "The ground on which the plan is longer than the maximum under the main rule.",
            ),
            PLAN_EXTENSION,
            example={"ground": "literacy-training"},
            ob=COND,
            condition=T(
                "Kun suunnitelma ylittää enimmäiskeston.",
                "När planen överskrider den maximala längden.",
                "When the plan exceeds the maximum duration.",
            ),
            items=("D2.02", "D3.12"),
        ),
    ] = None
    goals: Annotated[
        list[Goal],
        F(
            T("Tavoitteet", "Mål", "Goals"),
            T("Suunnitelman tavoitteet.", "Planens mål.", "The goals of the plan."),
            PLAN,
            example=[{"description": "Suomen kielen taito tasolle B1.1."}],
            items=("D2.03",),
        ),
    ] = Field(default_factory=list)
    measures: Annotated[
        list[Measure],
        F(
            T(
                "Sovitut toimenpiteet ja palvelut",
                "Överenskomna åtgärder och tjänster",
                "Agreed measures and services",
            ),
            T(
                "Sovitut toimenpiteet ja palvelut: mitä, kuka järjestää ja milloin.",
                "Överenskomna åtgärder och tjänster: vad, vem som ordnar och när.",
                "The agreed measures and services: what, who organises it and when.",
            ),
            PLAN,
            example=[
                {
                    "service_kind": "integration-training",
                    "description": "Kotoutumiskoulutus",
                    "organiser": {"type": "municipality"},
                    "start": "2025-05-05",
                    "status": "planned",
                }
            ],
            items=("D2.04",),
        ),
    ] = Field(default_factory=list)
    other_content: Annotated[
        LongText | None,
        F(
            T("Muu sisältö", "Övrigt innehåll", "Other content"),
            T(
                "Suunnitelman muu laissa säädetty sisältö, esimerkiksi kotoutumista tukevat muut "
                "toimet ja niiden vastuut.",
                "Planens övriga innehåll enligt lagen, till exempel andra åtgärder som stöder "
                "integrationen och ansvaret för dem.",
                "The plan's other content as set by the Act, for example other support for "
                "integration and who is responsible for it.",
            ),
            PLAN,
            example="Asiakas osallistuu kirjaston kielikahvilaan omatoimisesti.",
            items=("D2.05",),
        ),
    ] = None
    first_review: Annotated[
        IsoDate | None,
        F(
            T("Ensimmäinen tarkistus", "Första översyn", "First review"),
            T(
                "Suunnitelman ensimmäisen tarkistuksen suunniteltu ajankohta lain määräajoissa.",
                "Planerad tidpunkt för planens första översyn inom lagens tidsfrister.",
                "The planned time of the plan's first review, within the Act's deadlines.",
            ),
            PLAN,
            example="2025-10-10",
            items=("D2.07",),
        ),
    ] = None
    sources: Annotated[list[Annotated[str, Code("information-source")]], RECORD_SOURCES_META] = Field(
        default_factory=list
    )
    source_details: Annotated[
        LongText | None,
        F(
            T("Lähteen tarkennus", "Precisering av källan", "Source details"),
            T(
                "Mikä viranomainen, palveluntuottaja tai asiakirja oli suunnitelman tietojen lähteenä.",
                "Vilken myndighet, serviceproducent eller vilket dokument som var källan till planens uppgifter.",
                "Which authority, service provider or document the plan's information came from.",
            ),
            PLAN_874,
            example="Arviointi 14.3.2025 ja työvoimaviranomaisen lausunto",
            ob=MAY,
        ),
    ] = None
    other_data: Annotated[OtherData | None, OTHER_DATA_META] = None


def _kind_meta(kind: str) -> object:
    return F(
        T("Tietueen laji", "Typ av post", "Record kind"),
        T(
            "Tietueen laji: asiakas, arviointi, suunnitelma, tarkistus tai ohjaus ja neuvonta.",
            "Typ av post: kund, bedömning, plan, översyn eller vägledning och rådgivning.",
            "The kind of record: customer, assessment, plan, review, or guidance and counselling.",
        ),
        RECORD_HANDLING,
        example=kind,
        actors=ALL_ACTORS,
    )


class IntegrationPlan(PlanBase):
    """Integration plan (Act 16 §)."""

    kind: Annotated[Literal["integration-plan"], _kind_meta("integration-plan")] = "integration-plan"


class MultisectoralPlan(PlanBase):
    """Multisectoral integration plan (Act 17 §), followed by the municipality and the county."""

    kind: Annotated[Literal["multisectoral-plan"], _kind_meta("multisectoral-plan")] = "multisectoral-plan"
    wellbeing_services_county: Annotated[
        str | None,
        Code("wellbeing-services-county"),
        F(
            T("Hyvinvointialue", "Välfärdsområde", "Wellbeing services county"),
            T(
                "Hyvinvointialue, joka laati suunnitelman yhdessä kunnan kanssa ja vastaa suunnitelman "
                "niistä palveluista, jotka ovat sen järjestämisvastuulla.",
                "Välfärdsområdet som utarbetade planen tillsammans med kommunen och ansvarar för de "
                "tjänster i planen som välfärdsområdet har organiseringsansvar för.",
                "The wellbeing services county that drew up the plan with the municipality and is "
                "responsible for those of the plan's services it has to organise.",
            ),
            PLAN_COUNTY,
            example="01",
            ob=MAY,
            actors=MUN_COUNTY,
            addition=T(
                "Hankkeen lisäys: muistio ja asetus eivät vaadi tätä tietoa. Sen avulla tarkistetaan, "
                "että vain suunnitelman laatinut hyvinvointialue kirjaa sen tarkistuksia.",
                "Projektets tillägg: varken promemorian eller förordningen kräver uppgiften. Med den "
                "kontrolleras att endast det välfärdsområde som utarbetade planen registrerar dess "
                "översyner.",
                "Project addition: neither the memo nor the decree asks for it. It lets the tool check "
                "that only the county that drew up the plan records its reviews.",
            ),
        ),
    ] = None


class FamilyPlan(PlanBase):
    """Family integration plan (Act 21 §), covering the family members listed."""

    kind: Annotated[Literal["family-plan"], _kind_meta("family-plan")] = "family-plan"
    family_members: Annotated[
        list[FamilyMember],
        Field(min_length=1),
        F(
            T("Perheenjäsenet", "Familjemedlemmar", "Family members"),
            T(
                "Perheenjäsenet, joita perheen kotoutumissuunnitelma koskee.",
                "Familjemedlemmarna som integrationsplanen för familjen gäller.",
                "The family members the family plan covers.",
            ),
            PLAN_FAMILY,
            example=[{"name": "Omar Haddad", "relation": "child"}],
        ),
    ]
