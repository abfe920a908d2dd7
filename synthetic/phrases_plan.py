"""Sentence banks for multisectoral needs, referrals, plans, reviews and guidance (see
``synthetic_phrases``)."""

from __future__ import annotations

from kototieto.synthetic.text import Bank

PLAN_REVIEW_GUIDANCE: dict[str, Bank] = {
    "mental_health": {
        "fi": (
            "Kertoo univaikeuksista ja muistiongelmista; ohjattu arvioon.",
            "Traumaoireita; keskusteluapu aloitettu.",
            "Ei tällä hetkellä mielenterveyspalvelujen tarvetta.",
            "Tarvitsee fysioterapeutin arvion selkävaivan vuoksi.",
        ),
        "sv": (
            "Berättar om sömnsvårigheter; hänvisad till bedömning.",
            "Traumasymtom; samtalsstöd har inletts.",
        ),
        "en": (
            "Reports sleep problems; referred for assessment.",
            "Trauma symptoms; counselling has started.",
        ),
    },
    "social_health": {
        "fi": (
            "Tarvitsee sosiaalityöntekijän tukea asumiseen.",
            "Lastensuojelun asiakkuus, yhteistyö sovittu.",
            "Pitkäaikaissairaus, hoitokontakti terveysasemalla.",
            "Tarvitsee apua Kela-asioinnissa.",
        ),
        "sv": (
            "Behöver stöd av socialarbetare med boendet.",
            "Långvarig sjukdom, vårdkontakt vid hälsostationen.",
        ),
        "en": (
            "Needs a social worker's support with housing.",
            "Long-term illness; followed up at the health centre.",
        ),
    },
    "other_needs": {
        "fi": (
            "Toivoo vertaisryhmää naisille.",
            "Tarvitsee lastenhoidon kurssipäivien ajaksi.",
            "Kiinnostunut järjestöjen liikuntaryhmistä.",
        ),
        "sv": ("Önskar en kamratgrupp.", "Behöver barnomsorg under kursdagarna."),
        "en": ("Would like a peer group.", "Needs childcare on course days."),
    },
    "how_language": {
        "fi": (
            "Lähtötasotesti kotoutumiskoulutuksen järjestäjällä.",
            "Kielitaidon arvio koulutuksen alussa.",
        ),
        "sv": ("Nivåtest hos anordnaren av integrationsutbildningen.",),
        "en": ("Placement test with the training provider.",),
    },
    "how_county": {
        "fi": (
            "Ajanvaraus hyvinvointialueen palveluohjaukseen.",
            "Arvio työkokeilun aikana.",
            "Lääkärin arvio terveysasemalla.",
        ),
        "sv": ("Tidsbokning till välfärdsområdets servicehandledning.", "Bedömning under arbetsprövning."),
        "en": ("Appointment with the county's service counselling.", "Assessment during a work trial."),
    },
    "no_plan": {
        "fi": (
            "Henkilö on työssä ja opiskelee suomea omatoimisesti; suunnitelmalle ei tarvetta.",
            "Ohjaus palveluihin riittää tässä vaiheessa.",
            "Asiakas ei halua suunnitelmaa; ohjattu tarvittaessa ottamaan yhteyttä.",
        ),
        "sv": (
            "Personen arbetar och studerar finska på egen hand; ingen plan behövs.",
            "Vägledning till tjänster räcker i detta skede.",
        ),
        "en": (
            "Employed and studies Finnish on their own; no plan needed.",
            "Guidance to services is enough for now.",
        ),
    },
    "referral": {
        "fi": (
            "Ohjattu {service}; yhteystiedot annettu.",
            "Sovittu ensimmäinen tapaaminen, asiakas hoitaa ajanvarauksen itse.",
            "Esitietolomake täytetty yhdessä.",
        ),
        "sv": ("Hänvisad till {service}; kontaktuppgifter givna.", "Första mötet är överenskommet."),
        "en": ("Referred to {service}; contact details given.", "First meeting agreed."),
    },
    "employment_referral": {
        "fi": (
            "Hakee aktiivisesti töitä ja on työmarkkinoiden käytettävissä.",
            "Ammattitaito ({occupation}) vastaa alueen työvoimatarpeeseen.",
        ),
        "sv": ("Söker aktivt arbete och står till arbetsmarknadens förfogande.",),
        "en": ("Actively seeking work and available for the labour market.",),
    },
    "goal": {
        "fi": (
            "Suomen kielen taito tasolle {target}.",
            "Ammatillisen koulutuksen aloittaminen.",
            "Työllistyminen omalle alalle ({occupation}).",
            "Arjen asioinnin itsenäinen hoitaminen.",
            "Tutkinnon tunnustaminen ja täydennyskoulutus.",
            "Ajokortin suorittaminen.",
        ),
        "sv": (
            "Språkkunskaper på nivå {target}.",
            "Att börja en yrkesutbildning.",
            "Arbete inom eget yrke ({occupation}).",
        ),
        "en": (
            "Finnish at level {target}.",
            "Start vocational education.",
            "Employment in own field ({occupation}).",
        ),
    },
    "measure_training": {
        "fi": (
            "{service}, lähiopetus 4 pv/vko.",
            "{service}; aloitus seuraavassa ryhmässä.",
            "{service}, järjestäjä {org}.",
            "{service}, sovittu yksilöllinen polku.",
        ),
        "sv": ("{service}, närundervisning 4 dagar/vecka.", "{service}; start i nästa grupp."),
        "en": ("{service}, classes 4 days a week.", "{service}; starts with the next group."),
    },
    "measure_service": {
        "fi": (
            "{service}: tapaamiset kahden viikon välein.",
            "{service}, vastuuhenkilö nimetään ensimmäisellä tapaamisella.",
            "{service}; palvelutarpeen arvio ja jatko sen mukaan.",
        ),
        "sv": ("{service}: möten varannan vecka.", "{service}; bedömning av servicebehovet först."),
        "en": ("{service}: meetings every two weeks.", "{service}; needs assessment first."),
    },
    "other_content": {
        "fi": (
            "Asiakas osallistuu kirjaston kielikahvilaan omatoimisesti.",
            "Asiakas vastaa itse ajokorttiopinnoista.",
            "Sovittu, että asiakas ilmoittaa muutoksista ohjaajalle.",
            "Lasten varhaiskasvatus järjestyy ennen koulutuksen alkua.",
            "Asiakas hakee itse kesätyöpaikkoja.",
            "Tulkin käyttö sovittu kaikkiin tapaamisiin.",
        ),
        "sv": (
            "Kunden deltar på egen hand i språkcafé.",
            "Kunden meddelar ändringar till handledaren.",
            "Tolk används vid alla möten.",
        ),
        "en": (
            "The customer attends a language café on their own.",
            "The customer will tell the counsellor of any changes.",
            "An interpreter is booked for every meeting.",
        ),
    },
    "participation": {
        "fi": (
            "Osallistunut säännöllisesti, poissaoloja vähän.",
            "Poissaoloja sairastelun vuoksi.",
            "Koulutus alkanut suunnitellusti.",
            "Keskeytti kurssin lastenhoidon puuttuessa.",
            "Aktiivinen tunneilla, tehtävät tehty.",
            "Osallistuminen vaihtelevaa perhesyiden vuoksi.",
            "Kurssi vaihdettu iltaryhmään työvuorojen vuoksi.",
        ),
        "sv": (
            "Har deltagit regelbundet.",
            "Frånvaro på grund av sjukdom.",
            "Aktiv på lektionerna.",
            "Bytte till kvällsgrupp på grund av arbetsskiften.",
        ),
        "en": (
            "Has attended regularly.",
            "Some absences due to illness.",
            "Active in class; tasks done.",
        ),
    },
    "progress": {
        "fi": (
            "Suomen kieli edennyt tasolle {level}.",
            "Yhteiskuntaorientaatio suoritettu.",
            "Työharjoittelupaikka löytynyt alalta: {occupation}.",
            "Asioi nyt itsenäisesti Kelassa ja pankissa.",
            "Tutkinto tunnustettu, täydennyskoulutus haettavana.",
            "Edistyminen tasaista, motivaatio hyvä.",
            "Kirjoittaa lyhyitä viestejä suomeksi.",
            "Hakenut kolmeen työpaikkaan, yksi haastattelu.",
            "Hakemus ammatilliseen koulutukseen jätetty.",
            "Lukutaito kehittynyt, lukee lyhyitä tekstejä.",
        ),
        "sv": (
            "Finskan har nått nivå {level}.",
            "Samhällsorienteringen är avklarad.",
            "Jämna framsteg, god motivation.",
            "Skriver korta meddelanden på svenska.",
            "Har sökt till yrkesutbildning.",
        ),
        "en": (
            "Finnish has reached {level}.",
            "Civic orientation completed.",
            "Steady progress, well motivated.",
            "Writes short messages in Finnish.",
            "Has applied for vocational education.",
        ),
    },
    "obstacles": {
        "fi": (
            "Lastenhoito järjestymättä syksyllä.",
            "Pitkä koulumatka, julkinen liikenne harvaa.",
            "Terveydelliset syyt hidastavat opintoja.",
            "Asumistilanne epävarma.",
            "Vuorotyö vaikeuttaa osallistumista.",
            "Lapsen sairastelu aiheuttanut poissaoloja.",
        ),
        "sv": (
            "Barnomsorgen är inte ordnad.",
            "Hälsoskäl bromsar studierna.",
            "Skiftarbete försvårar deltagandet.",
        ),
        "en": (
            "Childcare not yet arranged.",
            "Health problems slow down studies.",
            "Shift work makes attending hard.",
        ),
    },
    "no_obstacles": {
        "fi": ("Ei osallistumista vaikeuttavia tekijöitä.", "Ei esteitä tällä hetkellä."),
        "sv": ("Inga faktorer som försvårar deltagandet.",),
        "en": ("Nothing hampers participation at present.",),
    },
    "no_new_needs": {
        "fi": ("Ei uusia palvelutarpeita.",),
        "sv": ("Inga nya servicebehov.",),
        "en": ("No new service needs.",),
    },
    "need_health-services": {
        "fi": ("Tarvitsee terveydenhoitajan arvion.", "Ohjattu terveystarkastukseen."),
        "sv": ("Behöver bedömning av hälsovårdare.",),
        "en": ("Needs a nurse's assessment.",),
    },
    "need_social-services": {
        "fi": ("Tarve velkaneuvontaan.", "Tarvitsee tukea asumiseen."),
        "sv": ("Behov av skuldrådgivning.",),
        "en": ("Needs debt counselling.",),
    },
    "need_vocational-education": {
        "fi": ("Ohjaus ammatilliseen koulutukseen ajankohtainen.",),
        "sv": ("Hänvisning till yrkesutbildning är aktuell.",),
        "en": ("Time to apply for vocational education.",),
    },
    "change_added": {
        "fi": ("Lisätty: {service}.", "{service} lisätty suunnitelmaan asiakkaan toiveesta."),
        "sv": ("Tillagd: {service}.",),
        "en": ("Added: {service}.",),
    },
    "change_changed": {
        "fi": ("{service}: aikataulu muutettu.", "{service}: siirretty iltaryhmään."),
        "sv": ("{service}: ändrad tidtabell.",),
        "en": ("{service}: schedule changed.",),
    },
    "change_ended": {
        "fi": ("{service} päättyi.", "{service} lopetettu, tavoite saavutettu."),
        "sv": ("{service} avslutad.",),
        "en": ("{service} ended.",),
    },
    # The text of an ending agrees with its ground (one bank per plan-ending-ground code).
    "ending_goals-achieved": {
        "fi": (
            "Tavoiteltu kielitaso saavutettu.",
            "Kielitaito ja jatkosuunnitelma valmiina; jatko omatoimisesti.",
        ),
        "sv": ("Den eftersträvade språknivån har nåtts.", "Fortsätter på egen hand med en klar plan."),
        "en": ("The target language level was reached.", "Continues independently with a clear plan."),
    },
    "ending_maximum-duration-reached": {
        "fi": (
            "Ohjattu kunnan peruspalveluihin.",
            "Jatkaa kielen opiskelua omatoimisesti; ohjattu peruspalveluihin.",
        ),
        "sv": ("Hänvisad till kommunens basservice.", "Fortsätter studera språket på egen hand."),
        "en": ("Referred to the municipality's basic services.", "Continues language studies independently."),
    },
    "ending_employed": {
        "fi": ("Asiakas työllistyi ({occupation}).", "Työllistyi kokoaikaiseen työhön ({occupation})."),
        "sv": ("Kunden fick arbete ({occupation}).", "Fick heltidsarbete ({occupation})."),
        "en": ("Found work ({occupation}).", "Found full-time work ({occupation})."),
    },
    "ending_in-education": {
        "fi": ("Siirtyi ammatilliseen koulutukseen.", "Aloitti tutkintoon johtavan koulutuksen."),
        "sv": ("Övergick till yrkesutbildning.", "Började en examensinriktad utbildning."),
        "en": ("Moved into vocational education.", "Started studies towards a qualification."),
    },
    "ending_moved-municipality": {
        "fi": ("Muutti toiseen kuntaan.",),
        "sv": ("Flyttade till en annan kommun.",),
        "en": ("Moved to another municipality.",),
    },
    "ending_customer-discontinued": {
        "fi": ("Asiakas ei halunnut jatkaa suunnitelmaa.",),
        "sv": ("Kunden ville inte fortsätta med planen.",),
        "en": ("The customer chose not to continue the plan.",),
    },
    "extension": {
        "fi": (
            "Lukutaitokoulutus kesken; jatko tarpeen tavoitteiden saavuttamiseksi.",
            "Perhevapaa keskeytti opinnot {months} kuukaudeksi.",
            "Pitkä sairausjakso keskeytti koulutuksen.",
        ),
        "sv": (
            "Läs- och skrivutbildningen pågår fortfarande.",
            "Familjeledighet avbröt studierna i {months} månader.",
        ),
        "en": ("Literacy training still under way.", "Family leave interrupted studies for {months} months."),
    },
    "switch": {
        "fi": ("Monialaisen tuen tarve tunnistettu; siirrytään monialaiseen suunnitelmaan.",),
        "sv": ("Behov av sektorsövergripande stöd; byte till sektorsövergripande plan.",),
        "en": ("Need for multisectoral support identified; switching to a multisectoral plan.",),
    },
    "family_agreement": {
        "fi": ("Perheen suunnitelma laaditaan, kun puolison suunnitelma valmistuu.",),
        "sv": ("Planen för familjen utarbetas när makens plan är klar.",),
        "en": ("The family plan will be drawn up once the spouse's plan is ready.",),
    },
    "gneed_employment-services": {
        "fi": ("Etsii työtä, tarvitsee tietoa työnhausta.", "Kysyi, miten ilmoittautua työnhakijaksi."),
        "sv": ("Söker arbete och behöver information om arbetssökande.",),
        "en": ("Looking for work; needs information on job search.",),
    },
    "gneed_integration-training": {
        "fi": ("Kysyi suomen kielen kursseista.", "Haluaa kotoutumiskoulutukseen."),
        "sv": ("Frågade om kurser i finska och svenska.",),
        "en": ("Asked about Finnish courses.",),
    },
    "gneed_social-services": {
        "fi": ("Tarvitsee apua asunnon hakemiseen.", "Kysyi toimeentulotuesta."),
        "sv": ("Behöver hjälp att söka bostad.",),
        "en": ("Needs help finding a flat.",),
    },
    "gneed_health-services": {
        "fi": ("Tietoa terveyspalveluista ja ajanvarauksesta.",),
        "sv": ("Information om hälsovårdstjänster och tidsbokning.",),
        "en": ("Information on health services and appointments.",),
    },
    "gneed_civic-orientation": {
        "fi": ("Kaipaa tietoa suomalaisesta yhteiskunnasta ja arjesta.",),
        "sv": ("Vill veta mer om det finländska samhället och vardagen.",),
        "en": ("Wants to know more about Finnish society and daily life.",),
    },
    "guidance_other": {
        "fi": (
            "Kysyi lasten harrastusmahdollisuuksista.",
            "Annettu tietoa kunnan palveluista ja kirjastosta.",
            "Keskusteltu oleskeluluvan jatkohakemuksesta; ohjattu Migrin asiakaspalveluun.",
            "Annettu esite kotoutumispalveluista omalla kielellä ({language}).",
            "Ohjattu kirjaston digineuvontaan.",
            "Keskusteltu lasten koulunkäynnistä ja varhaiskasvatuksesta.",
        ),
        "sv": (
            "Frågade om fritidsaktiviteter för barnen.",
            "Informerad om kommunens tjänster.",
            "Hänvisad till bibliotekets digitala rådgivning.",
        ),
        "en": (
            "Asked about hobbies for the children.",
            "Given information on the municipality's services.",
            "Referred to the library's digital help desk.",
        ),
    },
    "other_content_data": {
        "fi": (
            "Haettu todellisten kustannusten mukaista korvausta tulkkauksesta.",
            "Asiakkaalla on erityisruokavalio koulutuksen ruokailuissa.",
        ),
        "sv": ("Ersättning för tolkning söks enligt de faktiska kostnaderna.",),
        "en": ("Compensation for interpreting applied for at actual cost.",),
    },
    "necessity": {
        "fi": ("Tarvitaan valtion korvauksen hakemiseen.", "Tarvitaan palvelun järjestämiseksi."),
        "sv": ("Behövs för att söka statlig ersättning.",),
        "en": ("Needed to apply for state compensation.",),
    },
    "details_document": {
        "fi": ("Tutkintotodistus, toimitettu tapaamisessa.", "Työtodistus, käännös liitteenä."),
        "sv": ("Examensbetyg, visat vid mötet.",),
        "en": ("Diploma shown at the meeting.",),
    },
    "details_provider": {
        "fi": ("Kotoutumiskoulutuksen järjestäjän lähtötasotesti.", "Hyvinvointialueen palveluohjaus."),
        "sv": ("Nivåtest av utbildningsanordnaren.",),
        "en": ("The training provider's placement test.",),
    },
    "annulment": {
        "fi": ("Kirjattu väärälle asiakkaalle.", "Kirjaus tehty kahteen kertaan."),
        "sv": ("Registrerad på fel kund.", "Registreringen gjordes två gånger."),
        "en": ("Entered for the wrong customer.", "Entered twice."),
    },
}
