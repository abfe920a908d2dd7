"""Reviews of integration plans (Act 22 §): decree items D3.01-D3.16 (memo 3 §)."""

from typing import Annotated, Literal

from pydantic import Field

from kototieto.model.bases import RECORD_HANDLING, REVIEW, REVIEW_COUNTY, REVIEW_GENERAL, F
from kototieto.model.codes import Code
from kototieto.model.common import (
    DESCRIPTION_META,
    EMPLOYMENT_REFERRAL_META,
    OTHER_DATA_META,
    RECORD_SOURCES_META,
    EmploymentReferral,
    KotoModel,
    Organiser,
    OtherData,
)
from kototieto.model.meta import ALL_ACTORS, MUN_COUNTY, Obligation, When
from kototieto.model.record import RecordBase
from kototieto.model.text import T, Text
from kototieto.model.types import IsoDate, LongText, RecordId

MAY = Obligation.MAY
COND = Obligation.CONDITIONAL
#: 'No obstacles' applies when no obstacles are recorded (the form and the ``review-outcome`` rule
#: read this one definition).
NO_OBSTACLES_WHEN = When("obstacles", present=False)


class Participation(KotoModel):
    status: Annotated[
        str,
        Code("participation-status"),
        F(
            T("Osallistuminen", "Deltagande", "Participation"),
            T(
                "Onko asiakas osallistunut sovittuihin palveluihin ja toimenpiteisiin.",
                "Om kunden har deltagit i överenskomna tjänster och åtgärder.",
                "Whether the customer took part in the agreed services and measures.",
            ),
            example="participated",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class ServiceNeeds(KotoModel):
    service_kinds: Annotated[
        list[Annotated[str, Code("service-kind")]],
        F(
            T("Palvelujen lajit", "Typer av tjänster", "Service kinds"),
            T("Tarvittavien palvelujen lajit.", "Typer av tjänster som behövs.", "Kinds of services needed."),
            example=["mental-health-services"],
        ),
    ] = Field(default_factory=list)
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class PlanChange(KotoModel):
    change: Annotated[
        str,
        Code("plan-change-type"),
        F(
            T("Muutos", "Ändring", "Change"),
            T(
                "Lisättiinkö, muutettiinko vai lopetettiinko palvelu.",
                "Om tjänsten lades till, ändrades eller avslutades.",
                "Whether the service was added, changed or ended.",
            ),
            example="added",
        ),
    ]
    service_kind: Annotated[
        str,
        Code("service-kind"),
        F(
            T("Palvelun laji", "Typ av tjänst", "Service kind"),
            T("Muutetun palvelun laji.", "Typ av tjänst som ändrades.", "Kind of the changed service."),
            example="rehabilitation",
        ),
    ]
    organiser: Annotated[
        Organiser,
        F(
            T("Järjestäjä", "Anordnare", "Organised by"),
            T(
                "Kuka muutetun palvelun järjestää; hyvinvointialue saa kirjata vain omia palvelujaan "
                "koskevia muutoksia.",
                "Vem som ordnar den ändrade tjänsten; ett välfärdsområde får registrera endast "
                "ändringar i sina egna tjänster.",
                "Who organises the changed service; a wellbeing services county may record changes "
                "to its own services only.",
            ),
            example={"type": "wellbeing-services-county", "name": "Pirkanmaan hyvinvointialue"},
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class PlanEnding(KotoModel):
    date: Annotated[
        IsoDate,
        F(
            T("Päättymispäivä", "Slutdatum", "Date ended"),
            T("Milloin suunnitelma lakkaa.", "När planen upphör.", "When the plan ceases."),
            example="2026-01-31",
        ),
    ]
    ground: Annotated[
        str,
        Code("plan-ending-ground"),
        F(
            T("Peruste", "Grund", "Ground"),
            T("Päättymisen peruste.", "Grund för att planen upphör.", "Why the plan ceases."),
            example="employed",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class PlanExtension(KotoModel):
    new_end: Annotated[
        IsoDate,
        F(
            T("Uusi päättymispäivä", "Nytt slutdatum", "New end date"),
            T(
                "Pidennetyn suunnitelman viimeinen päivä.",
                "Den förlängda planens sista dag.",
                "The extended plan's last day.",
            ),
            example="2027-06-30",
        ),
    ]
    ground: Annotated[
        str,
        Code("extension-ground"),
        F(
            T("Peruste", "Grund", "Ground"),
            T("Pidentämisen peruste.", "Grund för förlängningen.", "The ground for the extension."),
            example="literacy-training",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class PlanSwitch(KotoModel):
    to_kind: Annotated[
        str,
        Code("plan-kind"),
        F(
            T("Uusi suunnitelman laji", "Ny typ av plan", "Switch to"),
            T(
                "Mihin suunnitelman lajiin siirrytään.",
                "Till vilken typ av plan man byter.",
                "The kind of plan to switch to.",
            ),
            example="multisectoral-plan",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class FamilyPlanAgreement(KotoModel):
    planned_date: Annotated[
        IsoDate | None,
        F(
            T("Sovittu ajankohta", "Överenskommen tidpunkt", "Agreed time"),
            T(
                "Milloin perheen kotoutumissuunnitelma on sovittu laadittavaksi.",
                "Tidpunkt då integrationsplanen för familjen enligt överenskommelse ska göras upp.",
                "When the family plan is agreed to be drawn up.",
            ),
            example="2026-02-15",
        ),
    ] = None
    description: Annotated[LongText | None, DESCRIPTION_META] = None


def _cond(fi: str, sv: str, en: str) -> Text:
    return T(fi, sv, en)


class Review(RecordBase):
    """A review of an integration, multisectoral or family plan."""

    kind: Annotated[
        Literal["review"],
        F(
            T("Tietueen laji", "Typ av post", "Record kind"),
            T(
                "Tietueen laji: asiakas, arviointi, suunnitelma, tarkistus tai ohjaus ja neuvonta.",
                "Typ av post: kund, bedömning, plan, översyn eller vägledning och rådgivning.",
                "The kind of record: customer, assessment, plan, review, or guidance and counselling.",
            ),
            RECORD_HANDLING,
            example="review",
            actors=ALL_ACTORS,
        ),
    ] = "review"
    plan: Annotated[
        RecordId,
        F(
            T("Tarkistettava suunnitelma", "Plan som ses över", "Plan reviewed"),
            T(
                "Sen suunnitelman tunniste, jota tarkistus koskee.",
                "Identifierare för planen som översynen gäller.",
                "The id of the plan the review concerns.",
            ),
            REVIEW_GENERAL,
            example="pln-2025-04-10-a1b2",
            actors=MUN_COUNTY,
            items=("D3.01",),
        ),
    ]
    plan_kind: Annotated[
        str,
        Code("plan-kind"),
        F(
            T("Suunnitelman laji", "Typ av plan", "Plan kind"),
            T(
                "Tarkistettavan suunnitelman laji; hyvinvointialue voi kirjata vain monialaisen "
                "suunnitelman tarkistuksen.",
                "Typ av plan som ses över; ett välfärdsområde kan registrera endast översyn av en "
                "sektorsövergripande plan.",
                "The kind of plan reviewed; a wellbeing services county may record only reviews of "
                "multisectoral plans.",
            ),
            REVIEW_COUNTY,
            example="integration-plan",
            actors=MUN_COUNTY,
            items=("D3.01", "D3.02"),
        ),
    ]
    next_review: Annotated[
        IsoDate | None,
        F(
            T("Seuraava tarkistus", "Följande översyn", "Next review"),
            T(
                "Seuraavan suunnitellun tarkistuksen ajankohta.",
                "Tidpunkten för följande planerade översyn.",
                "The time of the next planned review.",
            ),
            REVIEW,
            example="2026-04-15",
            actors=MUN_COUNTY,
            items=("D3.05",),
        ),
    ] = None
    participation: Annotated[
        Participation | None,
        F(
            T("Osallistuminen palveluihin", "Deltagande i tjänster", "Participation in services"),
            T(
                "Onko asiakas osallistunut sovittuihin palveluihin ja toimenpiteisiin.",
                "Huruvida kunden har deltagit i tjänster och åtgärder.",
                "Whether the customer has taken part in the agreed services and measures.",
            ),
            REVIEW,
            example={"status": "participated"},
            actors=MUN_COUNTY,
            items=("D3.06",),
        ),
    ] = None
    progress: Annotated[
        LongText | None,
        F(
            T("Edistyminen ja tulokset", "Framsteg och resultat", "Progress and results"),
            T(
                "Asiakkaan edistyminen ja saavutetut tulokset.",
                "Kundens framsteg och uppnådda resultat.",
                "The customer's progress and the results achieved.",
            ),
            REVIEW,
            example="Suomen kieli edennyt tasolle A2.1.",
            actors=MUN_COUNTY,
            items=("D3.07",),
        ),
    ] = None
    obstacles: Annotated[
        LongText | None,
        F(
            T(
                "Osallistumista vaikeuttavat tekijät",
                "Faktorer som försvårar deltagandet",
                "Obstacles to participation",
            ),
            T(
                "Mahdolliset osallistumista vaikeuttavat ja viivästyttävät tekijät.",
                "Eventuella faktorer som försvårar och fördröjer deltagandet.",
                "Any factors that hamper or delay participation.",
            ),
            REVIEW,
            example="Lastenhoito järjestymättä syksyllä.",
            actors=MUN_COUNTY,
            items=("D3.08",),
        ),
    ] = None
    no_obstacles: Annotated[
        bool | None,
        F(
            T("Ei vaikeuttavia tekijöitä", "Inga försvårande faktorer", "No obstacles"),
            T(
                "Tarkistuksessa todettiin, ettei mikään tekijä vaikeuta tai viivästytä osallistumista. "
                "Kun tämä on true, osallistumista vaikeuttavia tekijöitä ei kirjata.",
                "Vid översynen konstaterades att inga faktorer försvårar eller fördröjer deltagandet. "
                "När detta är true registreras inga försvårande faktorer.",
                "The review found nothing that hampers or delays participation. When true, no "
                "obstacles are recorded.",
            ),
            REVIEW,
            example=True,
            ob=COND,
            condition=T(
                "Kun vaikeuttavia tekijöitä ei ole.",
                "När det inte finns några försvårande faktorer.",
                "When there are no obstacles.",
            ),
            when=NO_OBSTACLES_WHEN,
            actors=MUN_COUNTY,
            items=("D3.08",),
        ),
    ] = None
    new_service_needs: Annotated[
        ServiceNeeds | None,
        F(
            T("Uudet palvelutarpeet", "Nya servicebehov", "New service needs"),
            T(
                "Tarkistuksessa tunnistetut uudet palvelutarpeet.",
                "Nya servicebehov som identifierats vid översynen.",
                "New service needs identified in the review.",
            ),
            REVIEW,
            example={"service_kinds": ["health-services"]},
            actors=MUN_COUNTY,
            items=("D3.09",),
        ),
    ] = None
    changes: Annotated[
        list[PlanChange],
        F(
            T("Muutokset suunnitelmaan", "Ändringar i planen", "Changes to the plan"),
            T(
                "Suunnitelman palveluihin ja toimenpiteisiin tehdyt muutokset. Tyhjä: ei muutoksia.",
                "Ändringar i planens tjänster och åtgärder. Tom: inga ändringar.",
                "Changes made to the plan's services and measures. Empty: no changes.",
            ),
            REVIEW,
            example=[
                {
                    "change": "added",
                    "service_kind": "vocational-education",
                    "organiser": {"type": "educational-institution"},
                }
            ],
            actors=MUN_COUNTY,
            items=("D3.10", "D3.02"),
        ),
    ] = Field(default_factory=list)
    plan_ended: Annotated[
        PlanEnding | None,
        F(
            T("Suunnitelman päättyminen", "Planens upphörande", "Plan ended"),
            T(
                "Tieto siitä, että suunnitelma lakkaa olemasta voimassa, ja päättymisen peruste.",
                "Uppgift om att planen upphör att gälla och grunden för att den upphör.",
                "That the plan ceases to be valid, and the ground for it.",
            ),
            REVIEW,
            example={"date": "2026-01-31", "ground": "employed"},
            ob=COND,
            condition=_cond("Kun suunnitelma päättyy.", "När planen upphör.", "When the plan ends."),
            items=("D3.11",),
        ),
    ] = None
    extension: Annotated[
        PlanExtension | None,
        F(
            T(
                "Enimmäiskeston pidentäminen",
                "Förlängning av den maximala tiden",
                "Extension of maximum duration",
            ),
            T(
                "Tieto siitä, että suunnitelman enimmäiskestoa pidennetään, ja pidentämisen peruste.",
                "Uppgift om att planens maximala tid förlängs och grunden för förlängningen.",
                "That the plan's maximum duration is extended, and the ground for it.",
            ),
            REVIEW,
            example={"new_end": "2027-06-30", "ground": "literacy-training"},
            ob=COND,
            condition=_cond(
                "Kun enimmäiskestoa pidennetään.",
                "När den maximala tiden förlängs.",
                "When the maximum duration is extended.",
            ),
            items=("D3.12",),
        ),
    ] = None
    plan_switch: Annotated[
        PlanSwitch | None,
        F(
            T(
                "Tarve vaihtaa suunnitelman lajia",
                "Behov av att byta typ av plan",
                "Need to switch the plan kind",
            ),
            T(
                "Tarve vaihtaa kotoutumissuunnitelmasta monialaiseen suunnitelmaan tai päinvastoin.",
                "Behov att byta från en integrationsplan till en sektorsövergripande plan eller tvärtom.",
                "A need to switch from an integration plan to a multisectoral plan or the other way round.",
            ),
            REVIEW,
            example={"to_kind": "multisectoral-plan"},
            ob=COND,
            condition=_cond(
                "Kun vaihdon tarve tunnistetaan.",
                "När behov av byte identifieras.",
                "When the need is identified.",
            ),
            items=("D3.13",),
        ),
    ] = None
    family_plan_agreed: Annotated[
        FamilyPlanAgreement | None,
        F(
            T(
                "Perheen kotoutumissuunnitelman tarve ja laatimisajankohta",
                "Behov av integrationsplan för familjen och tidpunkt för den",
                "Need for a family integration plan, and its time",
            ),
            T(
                "Tunnistettu perheen kotoutumissuunnitelman tarve ja sovittu laatimisajankohta.",
                "Identifierat behov av en integrationsplan för familjen och när den ska göras upp.",
                "An identified need for a family integration plan, and when it is agreed to be drawn up.",
            ),
            REVIEW,
            example={"planned_date": "2026-02-15"},
            ob=COND,
            condition=_cond(
                "Kun tarve tunnistetaan.", "När behovet identifieras.", "When the need is identified."
            ),
            items=("D3.14",),
        ),
    ] = None
    employment_referral: Annotated[EmploymentReferral | None, EMPLOYMENT_REFERRAL_META] = None
    sources: Annotated[list[Annotated[str, Code("information-source")]], RECORD_SOURCES_META] = Field(
        default_factory=list
    )
    other_data: Annotated[OtherData | None, OTHER_DATA_META] = None

    def shall_exemptions(self) -> frozenset[str]:
        """'Shall' fields this review may leave out: no next review for a plan that ends or whose
        review passes to the employment authority (D3.15, memo 3 § 4 mom.); no obstacles text when
        the review records that there are none."""
        out: set[str] = set()
        if self.plan_ended is not None or self.employment_referral is not None:
            out.add("next_review")
        if self.no_obstacles:
            out.add("obstacles")
        return frozenset(out)
