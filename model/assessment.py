"""Assessments of competence and integration service needs: basic (14 §) and multisectoral (15 §).

Decree items D1.01-D1.27 (memo 1 §; 874/2024 1 §). Every content item records where its
information came from (D1.06) through ``Sourced``.
"""

from typing import Annotated, Literal

from pydantic import Field

from kototieto.model.bases import (
    ASSESS,
    ASSESS_CHANGED,
    ASSESS_CONTENT_ONLY,
    ASSESS_FAMILY,
    ASSESS_MULTI,
    ASSESS_REASONS,
    ASSESS_TIMING,
    RECORD_HANDLING,
    F,
)
from kototieto.model.codes import Code
from kototieto.model.common import (
    DESCRIPTION_META,
    EMPLOYMENT_REFERRAL_META,
    OTHER_DATA_META,
    Described,
    EmploymentReferral,
    KotoModel,
    Organiser,
    OtherData,
    Referral,
    Sourced,
)
from kototieto.model.meta import ALL_ACTORS, FieldMeta, LegalBasis, Obligation, When
from kototieto.model.record import RecordBase
from kototieto.model.text import T, Text
from kototieto.model.types import IsoDate, LongText, ShortText, Years

MAY = Obligation.MAY
COND = Obligation.CONDITIONAL
#: A plan timing's date applies to the timing 'date', its reason and justification to 'not drawn
#: up' (the form and the ``plan-timing`` rule read these definitions).
TIMING_DATE_WHEN = When("timing", equals="date")
TIMING_NO_PLAN_WHEN = When("timing", equals="not-drawn-up")


def _content(
    label: Text, definition: Text, item: str, example: object, basis: LegalBasis = ASSESS
) -> FieldMeta:
    """A 'shall' content item of the assessment: its own decree item and D1.02 (the content)."""
    return F(label, definition, basis, example=example, items=(item, "D1.02"))


class SpecifyingMeasure(KotoModel):
    kind: Annotated[
        str,
        Code("specifying-measure-kind"),
        F(
            T("Toimenpiteen laji", "Typ av åtgärd", "Kind of measure"),
            T(
                "Minkä laatuinen tarkentava toimenpide tai asiantuntija-arvio tarvitaan.",
                "Vilken typ av preciserande åtgärd eller expertbedömning som behövs.",
                "What kind of specifying measure or expert assessment is needed.",
            ),
            example="language-skills-assessment",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None
    how: Annotated[
        LongText | None,
        F(
            T("Toteutustapa", "Hur den genomförs", "How"),
            T(
                "Miten toimenpide on tarkoitus toteuttaa.",
                "Hur åtgärden är avsedd att genomföras.",
                "How the measure is to be carried out.",
            ),
            example="Lähtötasotesti kotoutumiskoulutuksen järjestäjällä.",
            ob=MAY,
        ),
    ] = None
    planned_date: Annotated[
        IsoDate | None,
        F(
            T("Suunniteltu ajankohta", "Planerad tidpunkt", "Planned date"),
            T(
                "Milloin toimenpide on tarkoitus toteuttaa.",
                "När åtgärden är avsedd att genomföras.",
                "When the measure is to be carried out.",
            ),
            example="2025-04-01",
            ob=MAY,
        ),
    ] = None
    organiser: Annotated[
        Organiser | None,
        F(
            T("Toteuttaja", "Utförare", "Carried out by"),
            T(
                "Kuka toimenpiteen toteuttaa.",
                "Vem som utför åtgärden.",
                "Who carries out the measure.",
            ),
            example={"type": "educational-institution", "name": "Stadin ammattiopisto"},
            ob=MAY,
        ),
    ] = None


class PlanTiming(KotoModel):
    """D1.04 and D1.08: exactly one of a date, 'as soon as possible', or 'not drawn up' with a reason."""

    plan_kind: Annotated[
        str,
        Code("planned-plan-kind"),
        F(
            T("Laadittava suunnitelma", "Plan som ska utarbetas", "Plan to be drawn up"),
            T(
                "Kotoutumissuunnitelma, monialainen kotoutumissuunnitelma, perheen "
                "kotoutumissuunnitelma tai muu palveluihin ohjaus.",
                "Integrationsplan, sektorsövergripande integrationsplan, integrationsplan för familjen "
                "eller annan hänvisning till tjänster.",
                "Integration plan, multisectoral plan, family plan, or other guidance to services.",
            ),
            example="integration-plan",
        ),
    ]
    timing: Annotated[
        str,
        Code("plan-timing"),
        F(
            T("Ajankohta", "Tidpunkt", "Timing"),
            T(
                "Päivämäärä, mahdollisimman pian tai suunnitelmaa ei laadita.",
                "Datum, så snart som möjligt eller planen utarbetas inte.",
                "A date, as soon as possible, or not drawn up.",
            ),
            example="date",
        ),
    ]
    date: Annotated[
        IsoDate | None,
        F(
            T("Suunniteltu päivämäärä", "Planerat datum", "Planned date"),
            T(
                "Päivä, jolloin suunnitelma on tarkoitus laatia.",
                "Dag då planen är avsedd att utarbetas.",
                "The day the plan is to be drawn up.",
            ),
            example="2025-04-10",
            ob=COND,
            condition=T(
                "Kun ajankohta on päivämäärä.",
                "När tidpunkten är ett datum.",
                "When the timing is a date.",
            ),
            when=TIMING_DATE_WHEN,
        ),
    ] = None
    reason: Annotated[
        str | None,
        Code("no-plan-reason"),
        F(
            T("Peruste", "Grund", "Reason"),
            T(
                "Miksi suunnitelmaa ei laadita.",
                "Varför planen inte utarbetas.",
                "Why no plan is drawn up.",
            ),
            example="no-need",
            ob=COND,
            condition=T(
                "Kun suunnitelmaa ei laadita.",
                "När planen inte utarbetas.",
                "When no plan is drawn up.",
            ),
            when=TIMING_NO_PLAN_WHEN,
            items=("D1.08",),
        ),
    ] = None
    justification: Annotated[
        LongText | None,
        F(
            T("Perustelu", "Motivering", "Justification"),
            T(
                "Sanallinen perustelu sille, ettei suunnitelmaa laadita.",
                "Motivering i ord till att planen inte utarbetas.",
                "The justification, in words, for not drawing up a plan.",
            ),
            example="Henkilö on jo työssä ja suorittaa suomen kielen opintoja omatoimisesti.",
            ob=COND,
            condition=T(
                "Kun suunnitelmaa ei laadita.",
                "När planen inte utarbetas.",
                "When no plan is drawn up.",
            ),
            when=TIMING_NO_PLAN_WHEN,
            items=("D1.08",),
        ),
    ] = None


class Literacy(Sourced):
    level: Annotated[
        str,
        Code("literacy-level"),
        F(
            T("Taso", "Nivå", "Level"),
            T(
                "Luku- ja kirjoitustaidon taso.",
                "Nivå av läs- och skrivfärdigheter.",
                "The level of reading and writing skills.",
            ),
            example="literate-latin",
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class LanguageSkill(Sourced):
    level: Annotated[
        str,
        Code("language-proficiency"),
        F(
            T("Taitotaso", "Färdighetsnivå", "Proficiency level"),
            T(
                "Kokonaistaitotaso (A1.1-C2), 'ei kielitaitoa' tai 'ei arvioitu'.",
                "Sammantagen färdighetsnivå (A1.1-C2), 'inga kunskaper' eller 'inte bedömd'.",
                "Overall proficiency (A1.1-C2), 'none' or 'not assessed'.",
            ),
            example="a2-1",
        ),
    ]
    method: Annotated[
        ShortText | None,
        F(
            T("Arviointitapa", "Bedömningsmetod", "Assessment method"),
            T(
                "Miten taso arvioitiin (esimerkiksi lähtötasotesti, YKI-todistus, haastattelu).",
                "Hur nivån bedömdes (till exempel nivåtest, YKI-intyg, intervju).",
                "How the level was assessed (for example a placement test, a YKI certificate, an interview).",
            ),
            example="lähtötasotesti",
            ob=MAY,
        ),
    ] = None
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class EmploymentEducationNeeds(Sourced):
    employment_services: Annotated[
        bool,
        F(
            T("Työllisyyspalvelujen tarve", "Behov av sysselsättningstjänster", "Needs employment services"),
            T(
                "Tarvitseeko henkilö työllisyyspalveluja.",
                "Om personen behöver sysselsättningstjänster.",
                "Whether the person needs employment services.",
            ),
            example=True,
        ),
    ]
    education_services: Annotated[
        bool,
        F(
            T("Koulutuspalvelujen tarve", "Behov av utbildningstjänster", "Needs education services"),
            T(
                "Tarvitseeko henkilö koulutuspalveluja.",
                "Om personen behöver utbildningstjänster.",
                "Whether the person needs education services.",
            ),
            example=True,
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class Education(KotoModel):
    level: Annotated[
        str,
        Code("education-level"),
        F(
            T("Koulutusaste", "Utbildningsnivå", "Level"),
            T("Koulutuksen taso.", "Utbildningens nivå.", "The level of education."),
            example="isced-3",
        ),
    ]
    field: Annotated[
        ShortText | None,
        F(
            T("Ala", "Område", "Field"),
            T("Koulutusala tai tutkinto.", "Utbildningsområde eller examen.", "Field or degree."),
            example="sairaanhoito",
            ob=MAY,
        ),
    ] = None
    country: Annotated[
        str | None,
        Code("country"),
        F(
            T("Maa", "Land", "Country"),
            T(
                "Maa, jossa koulutus suoritettiin.",
                "Land där utbildningen genomfördes.",
                "Where it was taken.",
            ),
            example="SY",
            ob=MAY,
        ),
    ] = None
    years: Annotated[
        Years | None,
        F(
            T("Kesto vuosina", "Längd i år", "Years"),
            T("Koulutuksen kesto vuosina.", "Utbildningens längd i år.", "Length in years."),
            example=3,
            ob=MAY,
        ),
    ] = None
    completed: Annotated[
        bool | None,
        F(
            T("Suoritettu", "Slutförd", "Completed"),
            T("Onko koulutus suoritettu loppuun.", "Om utbildningen slutförts.", "Whether it was completed."),
            example=True,
            ob=MAY,
        ),
    ] = None
    documented: Annotated[
        bool | None,
        F(
            T("Osoitettu asiakirjalla", "Styrkt med dokument", "Shown with a document"),
            T(
                "Onko koulutus osoitettu todistuksella tai muulla asiakirjalla.",
                "Om utbildningen styrkts med ett intyg eller annat dokument.",
                "Whether the education was shown with a certificate or other document.",
            ),
            example=True,
            ob=MAY,
        ),
    ] = None


class EducationHistory(Sourced):
    entries: Annotated[
        list[Education],
        F(
            T("Koulutukset", "Utbildningar", "Education"),
            T(
                "Aiemmat koulutukset; tyhjä, jos muodollista koulutusta ei ole.",
                "Tidigare utbildningar; tom om formell utbildning saknas.",
                "Previous education; empty when there is none.",
            ),
            example=[{"level": "isced-3", "country": "SY", "years": 3, "completed": True}],
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class Work(KotoModel):
    occupation: Annotated[
        ShortText,
        F(
            T("Ammatti tai tehtävä", "Yrke eller uppgift", "Occupation"),
            T("Työtehtävä tai ammatti.", "Arbetsuppgift eller yrke.", "The job or occupation."),
            example="kokki",
        ),
    ]
    country: Annotated[
        str | None,
        Code("country"),
        F(
            T("Maa", "Land", "Country"),
            T("Maa, jossa työ tehtiin.", "Land där arbetet utfördes.", "Where the work was done."),
            example="IQ",
            ob=MAY,
        ),
    ] = None
    years: Annotated[
        Years | None,
        F(
            T("Kesto vuosina", "Längd i år", "Years"),
            T("Työkokemuksen kesto vuosina.", "Arbetserfarenhetens längd i år.", "Length in years."),
            example=4.5,
            ob=MAY,
        ),
    ] = None
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class WorkHistory(Sourced):
    entries: Annotated[
        list[Work],
        F(
            T("Työkokemus", "Arbetserfarenhet", "Work experience"),
            T(
                "Aiempi työkokemus; tyhjä, jos sitä ei ole.",
                "Tidigare arbetserfarenhet; tom om sådan saknas.",
                "Previous work experience; empty when there is none.",
            ),
            example=[{"occupation": "kokki", "country": "IQ", "years": 4.5}],
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class WishesGoals(Sourced):
    wishes: Annotated[
        LongText,
        F(
            T("Toiveet", "Önskemål", "Wishes"),
            T(
                "Henkilön omat toiveet työllistymisestä ja koulutuksesta.",
                "Personens egna önskemål om sysselsättning och utbildning.",
                "The person's own wishes about employment and education.",
            ),
            example="Haluaa opiskella lähihoitajaksi.",
        ),
    ]
    goals: Annotated[
        LongText | None,
        F(
            T("Tavoitteet", "Mål", "Goals"),
            T(
                "Henkilön omat tavoitteet työllistymiselle ja koulutukselle.",
                "Personens egna mål för sysselsättning och utbildning.",
                "The person's own goals for employment and education.",
            ),
            example="Ammatillinen tutkinto kolmen vuoden kuluessa.",
        ),
    ] = None


class LifeSituation(Sourced):
    description: Annotated[
        LongText,
        F(
            T("Elämäntilanne", "Livssituation", "Life situation"),
            T(
                "Kuvaus henkilön elämäntilanteesta.",
                "Beskrivning av personens livssituation.",
                "A description of the person's life situation.",
            ),
            example="Asuu puolison ja kahden lapsen kanssa; nuorempi lapsi ilman päivähoitopaikkaa.",
        ),
    ]
    service_needs: Annotated[
        list[Annotated[str, Code("service-kind")]],
        F(
            T("Palvelutarpeet", "Servicebehov", "Service needs"),
            T(
                "Elämäntilanteesta johtuvat palvelutarpeet.",
                "Servicebehov som följer av livssituationen.",
                "Service needs arising from the life situation.",
            ),
            example=["social-services"],
        ),
    ] = Field(default_factory=list)


class FamilyPlanNeed(Sourced):
    needed: Annotated[
        bool,
        F(
            T("Tarve", "Behov", "Needed"),
            T(
                "Onko perheen kotoutumissuunnitelmalle mahdollisesti tarvetta.",
                "Om det eventuellt finns behov av en integrationsplan för familjen.",
                "Whether a family integration plan may be needed.",
            ),
            example=False,
        ),
    ]
    description: Annotated[LongText | None, DESCRIPTION_META] = None


class AssessmentBase(RecordBase):
    """Content shared by the basic and the multisectoral assessment."""

    specifying_measures: Annotated[
        list[SpecifyingMeasure],
        F(
            T(
                "Tarkentavat toimenpiteet",
                "Preciserande åtgärder",
                "Specifying measures",
            ),
            T(
                "Hankitut tai tarpeellisiksi todetut asiantuntija-arviot ja muut tarkentavat "
                "toimenpiteet (esimerkiksi kielitaidon arviointi) sekä miten ja milloin ne toteutetaan. "
                "Tyhjä luettelo: ei tarvita.",
                "Expertbedömningar och andra preciserande åtgärder som inhämtats eller konstaterats "
                "nödvändiga (till exempel bedömning av språkkunskaper) och hur och när de genomförs. "
                "Tom lista: behövs inte.",
                "Expert assessments and other specifying measures obtained or found necessary (for "
                "example of language skills), and how and when they are carried out. An empty list: "
                "none needed.",
            ),
            ASSESS_CHANGED,
            example=[{"kind": "language-skills-assessment", "planned_date": "2025-04-01"}],
            items=("D1.03",),
        ),
    ] = Field(default_factory=list)
    plan_timing: Annotated[
        PlanTiming | None,
        F(
            T(
                "Suunniteltu laatimisajankohta",
                "Planerad tidpunkt för utarbetandet",
                "Planned time of the plan",
            ),
            T(
                "Milloin kotoutumissuunnitelma, monialainen kotoutumissuunnitelma tai perheen "
                "kotoutumissuunnitelma on tarkoitus laatia tai muu palveluihin ohjaus toteuttaa: "
                "päivämäärä, mahdollisimman pian, arvioinnin yhteydessä, tai tieto siitä, ettei "
                "suunnitelmaa laadita, ja perustelu. Mahdollisen perheen kotoutumissuunnitelman "
                "ajankohta kirjataan lisäksi kohtaan family_plan_timing.",
                "När integrationsplanen, den sektorsövergripande integrationsplanen eller "
                "integrationsplanen för familjen ska utarbetas eller annan hänvisning till tjänster "
                "genomföras: ett datum, så snart som möjligt, i samband med bedömningen, eller uppgift om "
                "att ingen plan utarbetas och motiveringen. Tidpunkten för en eventuell integrationsplan "
                "för familjen anges dessutom i family_plan_timing.",
                "When the integration plan, multisectoral plan or family plan is to be drawn up, or other "
                "referral to services carried out: a date, as soon as possible, at the assessment itself, "
                "or that no plan is drawn up, with the reason. The time of a possible family plan goes "
                "in family_plan_timing as well.",
            ),
            ASSESS_TIMING,
            example={"plan_kind": "integration-plan", "timing": "date", "date": "2025-04-10"},
            items=("D1.04", "D1.08"),
        ),
    ] = None
    family_plan_timing: Annotated[
        PlanTiming | None,
        F(
            T(
                "Perheen kotoutumissuunnitelman suunniteltu laatimisajankohta",
                "Planerad tidpunkt för utarbetandet av integrationsplanen för familjen",
                "Planned time of the family integration plan",
            ),
            T(
                "Milloin mahdollinen perheen kotoutumissuunnitelma on tarkoitus laatia yksilön "
                "suunnitelman lisäksi: päivämäärä, mahdollisimman pian, arvioinnin yhteydessä tai ei "
                "laadita perusteluineen. Suunnitelman lajiksi kirjataan perheen kotoutumissuunnitelma.",
                "När en eventuell integrationsplan för familjen ska utarbetas utöver den individuella "
                "planen: ett datum, så snart som möjligt, i samband med bedömningen eller utarbetas inte "
                "med motivering. Som typ av plan anges integrationsplan för familjen.",
                "When a possible family integration plan is to be drawn up besides the individual plan: "
                "a date, as soon as possible, at the assessment itself, or not at all with the reason. "
                "The plan kind is the family plan.",
            ),
            ASSESS_FAMILY,
            example={"plan_kind": "family-plan", "timing": "as-soon-as-possible"},
            ob=COND,
            condition=T(
                "Kun perheen kotoutumissuunnitelma on mahdollinen.",
                "När en integrationsplan för familjen är möjlig.",
                "When a family plan is possible.",
            ),
            items=("D1.04",),
        ),
    ] = None
    referrals: Annotated[
        list[Referral],
        F(
            T("Ohjaus muihin palveluihin", "Hänvisning till andra tjänster", "Referrals to other services"),
            T(
                "Ohjaus toisen viranomaisen tai kolmannen sektorin toimijan palveluihin tai toimintaan.",
                "Hänvisning till tjänster eller verksamhet som en annan myndighet eller en aktör inom "
                "tredje sektorn tillhandahåller.",
                "Referral to services or activities of another authority or a third-sector actor.",
            ),
            ASSESS_REASONS,
            example=[
                {
                    "organiser": {"type": "third-sector", "name": "Kotikulma ry"},
                    "service_kind": "third-sector-activity",
                }
            ],
            ob=COND,
            condition=T(
                "Kun henkilö ohjataan muualle.",
                "När personen hänvisas någon annanstans.",
                "When the person is referred elsewhere.",
            ),
            items=("D1.09",),
        ),
    ] = Field(default_factory=list)
    literacy: Annotated[
        Literacy | None,
        _content(
            T("Luku- ja kirjoitustaito", "Läs- och skrivfärdigheter", "Literacy"),
            T(
                "Henkilön luku- ja kirjoitustaito.",
                "Personens läs- och skrivfärdigheter.",
                "The person's reading and writing skills.",
            ),
            "D1.10",
            {"level": "literate-latin", "sources": ["official-observation"]},
        ),
    ] = None
    finnish_skills: Annotated[
        LanguageSkill | None,
        _content(
            T("Suomen kielen taito", "Kunskaper i finska", "Finnish language skills"),
            T(
                "Henkilön suomen kielen taito.",
                "Personens kunskaper i finska.",
                "The person's Finnish language skills.",
            ),
            "D1.11",
            {"level": "a1-2", "method": "lähtötasotesti", "sources": ["service-provider"]},
        ),
    ] = None
    swedish_skills: Annotated[
        LanguageSkill | None,
        _content(
            T("Ruotsin kielen taito", "Kunskaper i svenska", "Swedish language skills"),
            T(
                "Henkilön ruotsin kielen taito.",
                "Personens kunskaper i svenska.",
                "The person's Swedish language skills.",
            ),
            "D1.12",
            {"level": "none", "sources": ["person"]},
        ),
    ] = None
    employment_education_needs: Annotated[
        EmploymentEducationNeeds | None,
        _content(
            T(
                "Työllisyys- ja koulutuspalvelujen tarve",
                "Behov av sysselsättnings- och utbildningstjänster",
                "Need for employment and education services",
            ),
            T(
                "Henkilön työllisyyspalvelujen ja koulutuspalvelujen tarve.",
                "Personens behov av sysselsättningstjänster och utbildningstjänster.",
                "The person's need for employment services and for education services.",
            ),
            "D1.13",
            {"employment_services": True, "education_services": True, "sources": ["person"]},
        ),
    ] = None
    study_skills: Annotated[
        Described | None,
        _content(
            T("Opiskeluvalmiudet", "Studiefärdigheter", "Study skills"),
            T(
                "Henkilön valmiudet opiskella, esimerkiksi opiskelutaidot ja -kokemus.",
                "Personens färdigheter att studera, till exempel studieteknik och studievana.",
                "The person's readiness to study, for example study techniques and experience.",
            ),
            "D1.14",
            {"description": "Tottunut opiskelemaan itsenäisesti.", "sources": ["person"]},
        ),
    ] = None
    working_life_skills: Annotated[
        Described | None,
        _content(
            T("Työelämävalmiudet", "Arbetslivsfärdigheter", "Working-life skills"),
            T(
                "Henkilön valmiudet toimia suomalaisessa työelämässä.",
                "Personens färdigheter att verka i det finländska arbetslivet.",
                "The person's readiness for Finnish working life.",
            ),
            "D1.15",
            {"description": "Tuntee työehtosopimusten perusasiat.", "sources": ["person"]},
        ),
    ] = None
    previous_education: Annotated[
        EducationHistory | None,
        _content(
            T("Aiempi koulutus", "Tidigare utbildning", "Previous education"),
            T(
                "Henkilön aiemmat koulutukset ja se, onko ne osoitettu asiakirjalla.",
                "Personens tidigare utbildning och om den har styrkts med dokument.",
                "The person's previous education and whether it was shown with a document.",
            ),
            "D1.16",
            {
                "entries": [{"level": "isced-6", "field": "kemia", "documented": True}],
                "sources": ["document"],
            },
        ),
    ] = None
    work_experience: Annotated[
        WorkHistory | None,
        _content(
            T("Työkokemus", "Arbetserfarenhet", "Work experience"),
            T(
                "Henkilön aiempi työkokemus Suomessa ja muualla.",
                "Personens tidigare arbetserfarenhet i Finland och annanstans.",
                "The person's previous work experience in Finland and elsewhere.",
            ),
            "D1.17",
            {"entries": [{"occupation": "laborantti", "years": 2}], "sources": ["person"]},
        ),
    ] = None
    strengths: Annotated[
        Described | None,
        _content(
            T(
                "Erityisosaaminen ja muut vahvuudet",
                "Specialfärdigheter och andra styrkor",
                "Special skills and other strengths",
            ),
            T(
                "Erityistaitoihin liittyvä osaaminen ja henkilön muut vahvuudet.",
                "Kompetens i anslutning till specialfärdigheter och personens andra styrkor.",
                "Competence in special skills, and the person's other strengths.",
            ),
            "D1.18",
            {"description": "Puhuu neljää kieltä; kokemusta vapaaehtoistyöstä.", "sources": ["person"]},
        ),
    ] = None
    wishes_and_goals: Annotated[
        WishesGoals | None,
        _content(
            T(
                "Omat toiveet ja tavoitteet",
                "Egna önskemål och mål",
                "Own wishes and goals",
            ),
            T(
                "Henkilön omat toiveet työllistymisestä ja koulutuksesta sekä niihin liittyvät tavoitteet.",
                "Personens egna önskemål gällande sysselsättning och utbildning samt mål för dessa.",
                "The person's own wishes regarding employment and education, and goals for them.",
            ),
            "D1.19",
            {"wishes": "Haluaa työskennellä laboratoriossa.", "sources": ["person"]},
        ),
    ] = None
    civic_participation: Annotated[
        Described | None,
        _content(
            T(
                "Osallistuminen kansalaistoimintaan",
                "Deltagande i medborgarverksamhet",
                "Participation in civic activity",
            ),
            T(
                "Osallistuminen kansalaistoimintaan ja muuhun toimintaan.",
                "Deltagande i medborgarverksamhet och annan aktivitet.",
                "Participation in civic activity and other activity.",
            ),
            "D1.20",
            {"description": "Käy kirjaston kielikahvilassa viikoittain.", "sources": ["person"]},
            ASSESS_CONTENT_ONLY,
        ),
    ] = None
    society_knowledge: Annotated[
        Described | None,
        _content(
            T(
                "Yhteiskuntatietous ja osallisuus",
                "Kunskaper om samhället och delaktighet",
                "Knowledge of society and inclusion",
            ),
            T(
                "Henkilön tiedot suomalaisesta yhteiskunnasta ja hänen osallisuutensa.",
                "Personens kunskaper om det finländska samhället och hens delaktighet.",
                "The person's knowledge of Finnish society, and their participation and inclusion.",
            ),
            "D1.21",
            {"description": "Tuntee julkiset palvelut hyvin.", "sources": ["person"]},
            ASSESS_CONTENT_ONLY,
        ),
    ] = None
    life_situation: Annotated[
        LifeSituation | None,
        _content(
            T(
                "Elämäntilanne ja siitä johtuvat palvelutarpeet",
                "Livssituation och servicebehov som följer av den",
                "Life situation and resulting service needs",
            ),
            T(
                "Henkilön elämäntilanne ja siitä johtuvat palvelutarpeet.",
                "Personens livssituation och de servicebehov som följer av den.",
                "The person's life situation and the service needs arising from it.",
            ),
            "D1.22",
            {
                "description": "Yksinhuoltaja, kaksi lasta.",
                "service_needs": ["social-services"],
                "sources": ["person"],
            },
        ),
    ] = None
    family_plan_need: Annotated[
        FamilyPlanNeed | None,
        F(
            T(
                "Perheen kotoutumissuunnitelman tarve",
                "Behov av integrationsplan för familjen",
                "Need for a family integration plan",
            ),
            T(
                "Mahdollinen tarve laatia perheen kotoutumissuunnitelma.",
                "Eventuellt behov av att utarbeta en integrationsplan för familjen.",
                "A possible need to draw up a family integration plan.",
            ),
            ASSESS_FAMILY,
            example={"needed": True, "sources": ["person"]},
            ob=MAY,
            items=("D1.23", "D1.02"),
        ),
    ] = None
    other_data: Annotated[OtherData | None, OTHER_DATA_META] = None


class Assessment(AssessmentBase):
    """Basic assessment of competence and integration service needs (Act 14 §)."""

    kind: Annotated[
        Literal["assessment"],
        F(
            T("Tietueen laji", "Typ av post", "Record kind"),
            T(
                "Tietueen laji: asiakas, arviointi, suunnitelma, tarkistus tai ohjaus ja neuvonta.",
                "Typ av post: kund, bedömning, plan, översyn eller vägledning och rådgivning.",
                "The kind of record: customer, assessment, plan, review, or guidance and counselling.",
            ),
            RECORD_HANDLING,
            example="assessment",
            actors=ALL_ACTORS,
        ),
    ] = "assessment"
    employment_referral: Annotated[EmploymentReferral | None, EMPLOYMENT_REFERRAL_META] = None


MULTI_CONDITION = T(
    "Vain monialaisessa arvioinnissa.",
    "Endast i den sektorsövergripande bedömningen.",
    "In a multisectoral assessment only.",
)


class MultisectoralAssessment(AssessmentBase):
    """Multisectoral assessment (Act 15 §), drawn up with the wellbeing services county."""

    kind: Annotated[
        Literal["multisectoral-assessment"],
        F(
            T("Tietueen laji", "Typ av post", "Record kind"),
            T(
                "Tietueen laji: asiakas, arviointi, suunnitelma, tarkistus tai ohjaus ja neuvonta.",
                "Typ av post: kund, bedömning, plan, översyn eller vägledning och rådgivning.",
                "The kind of record: customer, assessment, plan, review, or guidance and counselling.",
            ),
            RECORD_HANDLING,
            example="multisectoral-assessment",
            actors=ALL_ACTORS,
        ),
    ] = "multisectoral-assessment"
    mental_health_rehabilitation_needs: Annotated[
        Described | None,
        F(
            T(
                "Mielenterveys- ja kuntoutuspalvelujen tarve",
                "Behov av mentalvårds- och rehabiliteringstjänster",
                "Need for mental health and rehabilitation services",
            ),
            T(
                "Henkilön mielenterveys- ja kuntoutuspalvelujen tarve.",
                "Personens behov av mentalvårds- och rehabiliteringstjänster.",
                "The person's need for mental health and rehabilitation services.",
            ),
            ASSESS_MULTI,
            example={"description": "Traumaoireita; ohjattu arvioon.", "sources": ["other-authority"]},
            ob=MAY,
            condition=MULTI_CONDITION,
            items=("D1.24", "D1.02"),
        ),
    ] = None
    social_health_service_needs: Annotated[
        Described | None,
        F(
            T(
                "Sosiaali- ja terveyspalvelujen tarve",
                "Behov av social- och hälsovårdstjänster",
                "Need for social and health services",
            ),
            T(
                "Henkilön sosiaali- ja terveyspalvelujen tarve.",
                "Personens behov av social- och hälsovårdstjänster.",
                "The person's need for social and health services.",
            ),
            ASSESS_MULTI,
            example={"description": "Tarvitsee sosiaalityöntekijän tukea asumiseen.", "sources": ["person"]},
            ob=MAY,
            condition=MULTI_CONDITION,
            items=("D1.25", "D1.02"),
        ),
    ] = None
    other_service_needs: Annotated[
        Described | None,
        F(
            T(
                "Muiden kotoutumista edistävien palvelujen tarpeet",
                "Behov gällande andra integrationsfrämjande tjänster",
                "Needs concerning other integration-promoting services",
            ),
            T(
                "Muita kotoutumista edistäviä palveluja koskevat tarpeet, toiveet ja tavoitteet.",
                "Behov, önskemål och mål som berör andra integrationsfrämjande tjänster.",
                "Needs, wishes and goals concerning other integration-promoting services.",
            ),
            ASSESS_MULTI,
            example={"description": "Toivoo vertaisryhmää naisille.", "sources": ["person"]},
            ob=MAY,
            condition=MULTI_CONDITION,
            items=("D1.26", "D1.02"),
        ),
    ] = None


#: Fields only a multisectoral assessment may have (D1.24-D1.26).
MULTISECTORAL_ONLY = (
    "mental_health_rehabilitation_needs",
    "social_health_service_needs",
    "other_service_needs",
)
