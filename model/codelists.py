"""The national code lists, each value with a stable code and fi/sv/en labels.

Codes are lower-case ASCII with hyphens and never numeric-looking, so YAML 1.1 and 1.2 read them
alike. Countries, languages, municipalities and wellbeing services counties come from authoritative
lists (see ``refdata``), not from this file.
"""

from __future__ import annotations

from kototieto.model import refdata
from kototieto.model.codes import CodeList, CodeValue, register
from kototieto.model.text import T, Text

OWN = "kototieto"


def _municipality_labels(lang: str) -> dict[str, str]:
    """Municipality names: Swedish in Swedish, otherwise the Finnish name (as used in English)."""
    index = 1 if lang == "sv" else 0
    return {code: names[index] for code, names in refdata.municipalities().items()}


def _county_labels(lang: str) -> dict[str, str]:
    index = {"fi": 0, "sv": 1, "en": 2}.get(lang, 0)
    return {code: names[index] for code, names in refdata.wellbeing_counties().items()}


def _values(*rows: tuple[str, str, str, str]) -> tuple[CodeValue, ...]:
    return tuple(CodeValue(code, Text(fi, sv, en)) for code, fi, sv, en in rows)


INFORMATION_SOURCE = register(
    CodeList(
        "information-source",
        T("Tiedon lähde", "Uppgiftens källa", "Information source"),
        T(
            "Mistä kirjattu tieto on saatu.",
            "Varifrån den registrerade uppgiften har erhållits.",
            "Where a recorded piece of information was obtained.",
        ),
        OWN,
        (
            *_values(
                ("person", "Maahanmuuttaja itse", "Invandraren själv", "The immigrant themself"),
                ("other-authority", "Muu viranomainen", "En annan myndighet", "Another authority"),
                ("service-provider", "Palveluntuottaja", "Serviceproducent", "A service provider"),
                (
                    "document",
                    "Maahanmuuttajan toimittama asiakirja",
                    "Skriftligt material som invandraren lämnat in",
                    "A document the immigrant supplied",
                ),
            ),
            CodeValue(
                "official-observation",
                T(
                    "Viranomaisen oma havainto tai testi",
                    "Myndighetens egen observation eller test",
                    "The official's own observation or test",
                ),
                addition=T(
                    "Hankkeen lisäys: muistio mainitsee vain maahanmuuttajan, muun viranomaisen tai "
                    "palveluntuottajan ja maahanmuuttajan toimittaman aineiston.",
                    "Projektets tillägg: promemorian nämner endast invandraren, en annan myndighet eller "
                    "serviceproducent och material som invandraren lämnat in.",
                    "Project addition: the memo names only the immigrant, another authority or service "
                    "provider, and material the immigrant supplied.",
                ),
            ),
        ),
    )
)

LANGUAGE_PROFICIENCY = register(
    CodeList(
        "language-proficiency",
        T("Kielitaidon taso", "Språkfärdighetsnivå", "Language proficiency level"),
        T(
            "Kielitaidon taso eurooppalaisen viitekehyksen suomalaisen sovelluksen tasoina (A1.1-C2), "
            "joita myös yleiset kielitutkinnot (YKI) ja kotoutumiskoulutus käyttävät.",
            "Språkfärdighetsnivå enligt den finländska tillämpningen av den europeiska referensramen "
            "(A1.1-C2), som också används av allmänna språkexamina (YKI) och integrationsutbildningen.",
            "Proficiency on the Finnish adaptation of the CEFR scale (A1.1-C2), as used by the National "
            "Certificates of Language Proficiency (YKI) and integration training.",
        ),
        "CEFR; Finnish National Agency for Education proficiency scale",
        _values(
            ("none", "Ei kielitaitoa", "Inga kunskaper", "No proficiency"),
            ("a1-1", "A1.1", "A1.1", "A1.1"),
            ("a1-2", "A1.2", "A1.2", "A1.2"),
            ("a1-3", "A1.3", "A1.3", "A1.3"),
            ("a2-1", "A2.1", "A2.1", "A2.1"),
            ("a2-2", "A2.2", "A2.2", "A2.2"),
            ("b1-1", "B1.1", "B1.1", "B1.1"),
            ("b1-2", "B1.2", "B1.2", "B1.2"),
            ("b2-1", "B2.1", "B2.1", "B2.1"),
            ("b2-2", "B2.2", "B2.2", "B2.2"),
            ("c1-1", "C1.1", "C1.1", "C1.1"),
            ("c1-2", "C1.2", "C1.2", "C1.2"),
            ("c2", "C2", "C2", "C2"),
            ("not-assessed", "Ei arvioitu", "Inte bedömd", "Not assessed"),
        ),
    )
)

LITERACY_LEVEL = register(
    CodeList(
        "literacy-level",
        T("Luku- ja kirjoitustaidon taso", "Nivå av läs- och skrivfärdigheter", "Literacy level"),
        T(
            "Luku- ja kirjoitustaito ja kirjoitusjärjestelmä, jolla henkilö lukee ja kirjoittaa.",
            "Läs- och skrivfärdigheter och det skriftsystem personen läser och skriver med.",
            "Reading and writing skills, and the writing system the person reads and writes in.",
        ),
        OWN,
        _values(
            (
                "literate-latin",
                "Lukee ja kirjoittaa latinalaisin aakkosin",
                "Läser och skriver med latinska alfabetet",
                "Reads and writes the Latin alphabet",
            ),
            (
                "literate-other-script",
                "Lukee ja kirjoittaa vain muulla kirjoitusjärjestelmällä",
                "Läser och skriver endast med ett annat skriftsystem",
                "Reads and writes only another writing system",
            ),
            (
                "partially-literate",
                "Puutteellinen luku- ja kirjoitustaito",
                "Bristfälliga läs- och skrivfärdigheter",
                "Partially literate",
            ),
            (
                "not-literate",
                "Ei luku- ja kirjoitustaitoa",
                "Saknar läs- och skrivfärdigheter",
                "Not literate",
            ),
            ("not-assessed", "Ei arvioitu", "Inte bedömd", "Not assessed"),
        ),
    )
)

SERVICE_KIND = register(
    CodeList(
        "service-kind",
        T("Palvelun laji", "Typ av tjänst", "Service kind"),
        T(
            "Kotoutumista edistävän palvelun tai toimenpiteen laji.",
            "Typ av integrationsfrämjande tjänst eller åtgärd.",
            "The kind of integration-promoting service or measure.",
        ),
        OWN,
        _values(
            ("integration-training", "Kotoutumiskoulutus", "Integrationsutbildning", "Integration training"),
            (
                "literacy-training",
                "Lukutaitokoulutus",
                "Utbildning i läs- och skrivfärdigheter",
                "Literacy training",
            ),
            (
                "civic-orientation",
                "Yhteiskuntaorientaatio",
                "Samhällsorientering",
                "Civic orientation",
            ),
            ("basic-education", "Perusopetus", "Grundläggande utbildning", "Basic education"),
            ("vocational-education", "Ammatillinen koulutus", "Yrkesutbildning", "Vocational education"),
            ("employment-services", "Työvoimapalvelut", "Arbetskraftsservice", "Public employment services"),
            ("social-services", "Sosiaalipalvelut", "Socialservice", "Social services"),
            ("health-services", "Terveyspalvelut", "Hälso- och sjukvårdstjänster", "Health services"),
            (
                "mental-health-services",
                "Mielenterveyspalvelut",
                "Mentalvårdstjänster",
                "Mental health services",
            ),
            ("rehabilitation", "Kuntoutus", "Rehabilitering", "Rehabilitation"),
            (
                "third-sector-activity",
                "Kolmannen sektorin toiminta",
                "Verksamhet inom tredje sektorn",
                "Third-sector activity",
            ),
            (
                "guidance-and-counselling",
                "Ohjaus ja neuvonta",
                "Vägledning och rådgivning",
                "Guidance and counselling",
            ),
            (
                "rehabilitative-work-activity",
                "Kuntouttava työtoiminta",
                "Arbetsverksamhet i rehabiliteringssyfte",
                "Rehabilitative work activity",
            ),
            (
                "early-childhood-education",
                "Varhaiskasvatus",
                "Småbarnspedagogik",
                "Early childhood education",
            ),
            ("work-trial", "Työkokeilu", "Arbetsprövning", "Work trial"),
            ("other", "Muu palvelu", "Annan tjänst", "Other service"),
        ),
        open_end=True,
    )
)

ORGANISER_TYPE = register(
    CodeList(
        "organiser-type",
        T("Järjestäjän tyyppi", "Typ av anordnare", "Organiser type"),
        T(
            "Kuka palvelun tai toimenpiteen järjestää.",
            "Vem som ordnar tjänsten eller åtgärden.",
            "Who organises the service or measure.",
        ),
        OWN,
        _values(
            ("municipality", "Kunta", "Kommun", "Municipality"),
            ("wellbeing-services-county", "Hyvinvointialue", "Välfärdsområde", "Wellbeing services county"),
            ("employment-authority", "Työvoimaviranomainen", "Arbetskraftsmyndighet", "Employment authority"),
            ("keha-centre", "KEHA-keskus", "UF-centret", "KEHA Centre"),
            ("educational-institution", "Oppilaitos", "Läroanstalt", "Educational institution"),
            (
                "third-sector",
                "Kolmannen sektorin toimija",
                "Aktör inom tredje sektorn",
                "Third-sector actor",
            ),
            ("other-authority", "Muu viranomainen", "Annan myndighet", "Other authority"),
            ("other", "Muu", "Annan", "Other"),
        ),
        open_end=True,
    )
)

ORGANISATION_TYPE = register(
    CodeList(
        "organisation-type",
        T(
            "Kirjaavan organisaation tyyppi",
            "Typ av registrerande organisation",
            "Recording organisation type",
        ),
        T(
            "Organisaatio, joka kirjaa tiedot tietovarantoon.",
            "Organisationen som för in uppgifterna i informationslagret.",
            "The organisation that enters the data in the repository.",
        ),
        "Act 681/2023 76 §",
        _values(
            ("municipality", "Kunta", "Kommun", "Municipality"),
            ("wellbeing-services-county", "Hyvinvointialue", "Välfärdsområde", "Wellbeing services county"),
            ("keha-centre", "KEHA-keskus", "UF-centret", "KEHA Centre"),
        ),
    )
)

PLAN_ENDING_GROUND = register(
    CodeList(
        "plan-ending-ground",
        T("Suunnitelman päättymisen peruste", "Grund för att planen upphör", "Plan-ending ground"),
        T(
            "Miksi kotoutumissuunnitelma lakkaa olemasta voimassa. Hankkeen luettelo. Työnhakijaksi "
            "ilmoittautuminen ei päätä suunnitelmaa: tarkistus siirtyy työvoimaviranomaiselle "
            "(kirjataan ohjauksena työvoimaviranomaiselle).",
            "Varför integrationsplanen upphör att gälla. Projektets förteckning. Att anmäla sig som "
            "arbetssökande avslutar inte planen: översynen övergår till arbetskraftsmyndigheten "
            "(registreras som hänvisning till arbetskraftsmyndigheten).",
            "Why the integration plan ceases to be valid. A project list. Registering as a jobseeker "
            "does not end the plan: its review passes to the employment authority (recorded as the "
            "referral to the employment authority).",
        ),
        "kototieto project list (memo 3 § 4 mom. gives no list of grounds)",
        _values(
            (
                "maximum-duration-reached",
                "Enimmäiskesto täyttyi",
                "Den maximala tiden har gått ut",
                "Maximum duration reached",
            ),
            ("goals-achieved", "Tavoitteet saavutettu", "Målen har nåtts", "Goals achieved"),
            ("employed", "Työllistyminen", "Sysselsättning", "Employed"),
            ("in-education", "Siirtyminen koulutukseen", "Övergång till utbildning", "Moved into education"),
            (
                "replaced-by-other-plan",
                "Korvattu toisenlaisella suunnitelmalla",
                "Ersatt med en annan typ av plan",
                "Replaced by another kind of plan",
            ),
            (
                "moved-municipality",
                "Muutto toiseen kuntaan",
                "Flyttning till en annan kommun",
                "Moved to another municipality",
            ),
            ("moved-abroad", "Muutto ulkomaille", "Flyttning utomlands", "Moved abroad"),
            (
                "customer-discontinued",
                "Asiakas keskeytti",
                "Kunden avbröt",
                "Discontinued by the customer",
            ),
            ("other", "Muu peruste", "Annan grund", "Other ground"),
        ),
        open_end=True,
    )
)

EXTENSION_GROUND = register(
    CodeList(
        "extension-ground",
        T("Pidentämisen peruste", "Grund för förlängning", "Extension ground"),
        T(
            "Peruste, jolla suunnitelman enimmäiskestoa pidennetään. Hankkeen ehdotus: perusteita "
            "ei löytynyt luetuista lähteistä.",
            "Grund för att förlänga planens maximala tid. Projektets förslag: grunderna hittades "
            "inte i de källor som lästs.",
            "The ground on which the plan's maximum duration is extended. A project proposal: the "
            "grounds were not found in the sources read.",
        ),
        "kototieto project list (proposal; no source found: the Act's extension grounds were not "
        "found in the research)",
        _values(
            (
                "literacy-training",
                "Lukutaitokoulutus",
                "Utbildning i läs- och skrivfärdigheter",
                "Literacy training",
            ),
            ("illness-or-injury", "Sairaus tai vamma", "Sjukdom eller skada", "Illness or injury"),
            (
                "family-leave",
                "Perhevapaa tai lapsen hoito",
                "Familjeledighet eller vård av barn",
                "Family leave or childcare",
            ),
            (
                "special-support-need",
                "Erityinen tuen tarve",
                "Särskilt behov av stöd",
                "Special need for support",
            ),
            (
                "interrupted-services",
                "Palvelujen keskeytyminen asiakkaasta riippumattomasta syystä",
                "Tjänsterna avbröts av skäl som inte beror på kunden",
                "Services interrupted for reasons beyond the customer",
            ),
            ("other-weighty-reason", "Muu painava syy", "Annat vägande skäl", "Other weighty reason"),
        ),
        open_end=True,
    )
)

PLAN_TIMING = register(
    CodeList(
        "plan-timing",
        T("Suunnitelman laatimisajankohta", "Tidpunkt för utarbetande av planen", "Planned time of the plan"),
        T(
            "Milloin suunnitelma on tarkoitus laatia: päivämäärä, mahdollisimman pian, laaditaan jo "
            "arvioinnin yhteydessä tai ei laadita.",
            "När planen ska utarbetas: ett datum, så snart som möjligt, utarbetas redan i samband med "
            "bedömningen eller utarbetas inte.",
            "When the plan is to be drawn up: a date, as soon as possible, at the assessment itself, or "
            "not drawn up.",
        ),
        "memo VN/32076/2023, 1 §",
        _values(
            ("date", "Päivämäärä", "Datum", "On a date"),
            ("as-soon-as-possible", "Mahdollisimman pian", "Så snart som möjligt", "As soon as possible"),
            (
                "at-assessment",
                "Laaditaan arvioinnin yhteydessä",
                "Utarbetas i samband med bedömningen",
                "Drawn up at the assessment itself",
            ),
            ("not-drawn-up", "Suunnitelmaa ei laadita", "Planen utarbetas inte", "Not drawn up"),
        ),
    )
)

NO_PLAN_REASON = register(
    CodeList(
        "no-plan-reason",
        T(
            "Peruste suunnitelman laatimatta jättämiselle",
            "Grund för att ingen plan utarbetas",
            "Reason no plan is drawn up",
        ),
        T(
            "Miksi kotoutumissuunnitelmaa ei laadita.",
            "Varför ingen integrationsplan utarbetas.",
            "Why no integration plan is drawn up.",
        ),
        OWN,
        _values(
            ("no-need", "Ei tarvetta suunnitelmalle", "Inget behov av en plan", "No need for a plan"),
            (
                "referred-to-employment-authority",
                "Ohjattu työvoimaviranomaiselle",
                "Hänvisad till arbetskraftsmyndigheten",
                "Referred to the employment authority",
            ),
            (
                "other-guidance-sufficient",
                "Muu ohjaus palveluihin riittää",
                "Annan styrning till tjänster räcker",
                "Other guidance to services is enough",
            ),
            (
                "customer-declined",
                "Asiakas ei halua suunnitelmaa",
                "Kunden vill inte ha en plan",
                "The customer declined",
            ),
            ("other", "Muu peruste", "Annan grund", "Other reason"),
        ),
    )
)

PLANNED_PLAN_KIND = register(
    CodeList(
        "planned-plan-kind",
        T("Laadittava suunnitelma", "Plan som ska utarbetas", "Plan to be drawn up"),
        T(
            "Minkä suunnitelman laatiminen tai muun ohjauksen järjestäminen arvioinnin jälkeen on tarkoitus.",
            "Vilken plan som ska utarbetas, eller vilken annan styrning till tjänster, efter bedömningen.",
            "Which plan, or which other guidance to services, is to follow the assessment.",
        ),
        "memo VN/32076/2023, 1 §",
        _values(
            ("integration-plan", "Kotoutumissuunnitelma", "Integrationsplan", "Integration plan"),
            (
                "multisectoral-plan",
                "Monialainen kotoutumissuunnitelma",
                "Sektorsövergripande integrationsplan",
                "Multisectoral integration plan",
            ),
            (
                "family-plan",
                "Perheen kotoutumissuunnitelma",
                "Integrationsplan för familjen",
                "Family integration plan",
            ),
            (
                "other-guidance",
                "Muu ohjaus palveluihin",
                "Annan styrning till tjänster",
                "Other guidance to services",
            ),
        ),
    )
)

PLAN_KIND = register(
    CodeList(
        "plan-kind",
        T("Suunnitelman laji", "Typ av plan", "Plan kind"),
        T(
            "Kotoutumissuunnitelman laji.",
            "Typ av integrationsplan.",
            "The kind of integration plan.",
        ),
        "Act 681/2023 16, 17, 21 §",
        _values(
            ("integration-plan", "Kotoutumissuunnitelma", "Integrationsplan", "Integration plan"),
            (
                "multisectoral-plan",
                "Monialainen kotoutumissuunnitelma",
                "Sektorsövergripande integrationsplan",
                "Multisectoral integration plan",
            ),
            (
                "family-plan",
                "Perheen kotoutumissuunnitelma",
                "Integrationsplan för familjen",
                "Family integration plan",
            ),
        ),
    )
)

MEASURE_STATUS = register(
    CodeList(
        "measure-status",
        T("Toimenpiteen tila", "Åtgärdens status", "Measure status"),
        T(
            "Sovitun toimenpiteen tai palvelun toteutumisen tila.",
            "Status för hur en överenskommen åtgärd eller tjänst genomförs.",
            "How far an agreed measure or service has got.",
        ),
        OWN,
        _values(
            ("planned", "Suunniteltu", "Planerad", "Planned"),
            ("ongoing", "Käynnissä", "Pågående", "Ongoing"),
            ("completed", "Päättynyt", "Avslutad", "Completed"),
            ("interrupted", "Keskeytynyt", "Avbruten", "Interrupted"),
            ("cancelled", "Peruttu", "Inställd", "Cancelled"),
        ),
    )
)

PARTICIPATION_STATUS = register(
    CodeList(
        "participation-status",
        T("Osallistuminen", "Deltagande", "Participation"),
        T(
            "Onko asiakas osallistunut sovittuihin palveluihin ja toimenpiteisiin.",
            "Huruvida kunden har deltagit i de överenskomna tjänsterna och åtgärderna.",
            "Whether the customer has taken part in the agreed services and measures.",
        ),
        OWN,
        _values(
            ("participated", "Osallistunut", "Har deltagit", "Participated"),
            ("partly", "Osallistunut osittain", "Har delvis deltagit", "Partly participated"),
            ("not-participated", "Ei osallistunut", "Har inte deltagit", "Did not participate"),
            (
                "not-started",
                "Palvelut eivät ole alkaneet",
                "Tjänsterna har inte börjat",
                "Services not yet started",
            ),
        ),
    )
)

PLAN_CHANGE_TYPE = register(
    CodeList(
        "plan-change-type",
        T("Muutoksen laji", "Typ av ändring", "Change type"),
        T(
            "Miten tarkistus muutti suunnitelman palvelua tai toimenpidettä.",
            "Hur översynen ändrade en tjänst eller åtgärd i planen.",
            "How the review changed a service or measure of the plan.",
        ),
        OWN,
        _values(
            ("added", "Lisätty", "Tillagd", "Added"),
            ("changed", "Muutettu", "Ändrad", "Changed"),
            ("ended", "Lopetettu", "Avslutad", "Ended"),
        ),
    )
)

SPECIFYING_MEASURE_KIND = register(
    CodeList(
        "specifying-measure-kind",
        T("Tarkentavan toimenpiteen laji", "Typ av preciserande åtgärd", "Kind of specifying measure"),
        T(
            "Arvioinnissa tarpeelliseksi todetun tarkentavan toimenpiteen (asiantuntija-arvioinnin) laji.",
            "Typ av preciserande åtgärd (expertbedömning) som konstaterats behövlig i bedömningen.",
            "The kind of specifying measure (expert assessment) found necessary in the assessment.",
        ),
        "memo VN/32076/2023, 1 §; 874/2024 1 §",
        _values(
            (
                "language-skills-assessment",
                "Kielitaidon arviointi",
                "Bedömning av språkkunskaper",
                "Language skills assessment",
            ),
            (
                "competence-assessment",
                "Osaamisen tunnistaminen",
                "Identifiering av kompetens",
                "Identification of competence",
            ),
            (
                "work-ability-assessment",
                "Työ- ja toimintakyvyn arviointi",
                "Bedömning av arbets- och funktionsförmåga",
                "Work and functional ability assessment",
            ),
            ("health-assessment", "Terveydentilan arviointi", "Hälsobedömning", "Health assessment"),
            (
                "social-work-assessment",
                "Sosiaalihuollon palvelutarpeen arviointi",
                "Bedömning av servicebehovet inom socialvården",
                "Assessment of the need for social welfare services",
            ),
            ("other", "Muu", "Annan", "Other"),
        ),
        open_end=True,
    )
)

EDUCATION_LEVEL = register(
    CodeList(
        "education-level",
        T("Koulutusaste", "Utbildningsnivå", "Level of education"),
        T(
            "Koulutuksen taso kansainvälisen ISCED 2011 -luokituksen mukaan.",
            "Utbildningens nivå enligt den internationella klassificeringen ISCED 2011.",
            "Level of education in the international ISCED 2011 classification.",
        ),
        "UNESCO ISCED 2011",
        _values(
            (
                "no-formal-education",
                "Ei muodollista koulutusta",
                "Ingen formell utbildning",
                "No formal education",
            ),
            ("isced-1", "Alemman perusasteen koulutus", "Lägre grundnivå", "Primary education"),
            ("isced-2", "Ylemmän perusasteen koulutus", "Högre grundnivå", "Lower secondary education"),
            ("isced-3", "Toisen asteen koulutus", "Andra stadiet", "Upper secondary education"),
            (
                "isced-4",
                "Toisen asteen jälkeinen, ei korkea-asteen koulutus",
                "Utbildning efter andra stadiet, ej högskolenivå",
                "Post-secondary non-tertiary education",
            ),
            (
                "isced-5",
                "Lyhyt korkea-asteen koulutus",
                "Kort högre utbildning",
                "Short-cycle tertiary education",
            ),
            ("isced-6", "Alempi korkeakouluaste", "Lägre högskolenivå", "Bachelor's or equivalent"),
            ("isced-7", "Ylempi korkeakouluaste", "Högre högskolenivå", "Master's or equivalent"),
            ("isced-8", "Tutkijakoulutusaste", "Forskarutbildningsnivå", "Doctoral or equivalent"),
        ),
    )
)

FAMILY_RELATION = register(
    CodeList(
        "family-relation",
        T("Perhesuhde", "Familjerelation", "Family relation"),
        T(
            "Perheenjäsenen suhde asiakkaaseen, jonka tietoihin perheen kotoutumissuunnitelma kirjataan.",
            "Familjemedlemmens relation till den kund vars uppgifter familjens plan registreras för.",
            "The family member's relation to the customer the family plan is recorded for.",
        ),
        OWN,
        _values(
            ("spouse", "Puoliso", "Make eller maka", "Spouse or partner"),
            ("child", "Lapsi", "Barn", "Child"),
            ("parent", "Vanhempi", "Förälder", "Parent"),
            ("sibling", "Sisarus", "Syskon", "Sibling"),
            ("other", "Muu perheenjäsen", "Annan familjemedlem", "Other family member"),
        ),
    )
)

IDENTIFIER_TYPE = register(
    CodeList(
        "identifier-type",
        T("Tunnisteen laji", "Typ av identifikation", "Identifier type"),
        T(
            "Henkilötunnus tai väliaikainen tunniste, jos henkilötunnusta ei ole.",
            "Personbeteckning, eller en tillfällig identifikation om personbeteckning saknas.",
            "A personal identity code, or a temporary identifier when the person has none.",
        ),
        OWN,
        (
            *_values(
                ("personal-identity-code", "Henkilötunnus", "Personbeteckning", "Personal identity code")
            ),
            CodeValue(
                "temporary",
                T("Väliaikainen tunniste", "Tillfällig identifikation", "Temporary identifier"),
                addition=T(
                    "Hankkeen käytäntö: muoto T- ja kahdeksan merkkiä ei ole virallinen tunnistemuoto.",
                    "Projektets praxis: formen T- och åtta tecken är inget officiellt identifikationsformat.",
                    "Project convention: the format T- and eight characters is not an official identifier format.",
                ),
            ),
        ),
    )
)

PERMIT_TYPE = register(
    CodeList(
        "permit-type",
        T("Oleskeluasiakirjan laji", "Typ av uppehållsdokument", "Type of residence document"),
        T(
            "Ensimmäinen oleskelulupa, oleskelukortti tai oleskeluoikeuden rekisteröinti.",
            "Det första uppehållstillståndet, uppehållskortet eller registreringen av uppehållsrätt.",
            "The first residence permit, residence card, or registration of the right of residence.",
        ),
        "Act 681/2023 2 §",
        _values(
            ("residence-permit", "Oleskelulupa", "Uppehållstillstånd", "Residence permit"),
            ("residence-card", "Oleskelukortti", "Uppehållskort", "Residence card"),
            (
                "right-of-residence-registration",
                "Oleskeluoikeuden rekisteröinti",
                "Registrering av uppehållsrätt",
                "Registration of the right of residence",
            ),
        ),
    )
)

COUNTRY = register(
    CodeList(
        "country",
        T("Valtio", "Stat", "Country"),
        T(
            "Valtio ISO 3166-1 -standardin kaksikirjaimisella koodilla.",
            "Stat med den tvåbokstaviga koden i ISO 3166-1.",
            "A country by its ISO 3166-1 two-letter code.",
        ),
        "ISO 3166-1 (pycountry)",
        external=refdata.countries,
        pattern="^[A-Z]{2}$",
    )
)

LANGUAGE = register(
    CodeList(
        "language",
        T("Kieli", "Språk", "Language"),
        T(
            "Kieli ISO 639 -koodilla (kaksikirjaiminen, jos sellainen on, muuten kolmikirjaiminen).",
            "Språk med ISO 639-koden (två bokstäver om en sådan finns, annars tre).",
            "A language by its ISO 639 code (two letters where one exists, otherwise three).",
        ),
        "ISO 639-1 / ISO 639-3 (pycountry)",
        external=refdata.languages,
        pattern="^[a-z]{2,3}$",
    )
)

MUNICIPALITY = register(
    CodeList(
        "municipality",
        T("Kunta", "Kommun", "Municipality"),
        T(
            "Kunta Tilastokeskuksen kolminumeroisella kuntakoodilla.",
            "Kommun med Statistikcentralens tresiffriga kommunkod.",
            "A municipality by its three-digit Statistics Finland code.",
        ),
        "Statistics Finland municipality classification",
        external=_municipality_labels,
        pattern="^[0-9]{3}$",
    )
)

WELLBEING_COUNTY = register(
    CodeList(
        "wellbeing-services-county",
        T("Hyvinvointialue", "Välfärdsområde", "Wellbeing services county"),
        T(
            "Hyvinvointialue Tilastokeskuksen hyvinvointialueluokituksen koodilla.",
            "Välfärdsområde med koden i Statistikcentralens klassificering av välfärdsområden.",
            "A wellbeing services county by its Statistics Finland classification code.",
        ),
        "Statistics Finland wellbeing services county classification",
        external=_county_labels,
        pattern="^[0-9]{2}$",
    )
)
