"""The sentence banks of the synthetic data generator (see ``synthetic_text`` for how they are used).

Assessment phrases here; multisectoral needs, referrals, plans, reviews and guidance in
``synthetic_phrases_plan``.
Short, factual notes in an official's style, in Finnish, Swedish and English. Slots are listed in
``synthetic_text.CONTEXT_SLOTS``. Keys name the record field the sentences are written for.
"""

from __future__ import annotations

from kototieto.synthetic.phrases_plan import PLAN_REVIEW_GUIDANCE
from kototieto.synthetic.text import Bank

ASSESSMENT: dict[str, Bank] = {
    "literacy_good": {
        "fi": (
            "Lukee ja kirjoittaa sujuvasti omalla äidinkielellään ({language}).",
            "Latinalaiset aakkoset hallussa; käsiala selkeä.",
            "Luku- ja kirjoitustaito arvioitu alkuhaastattelussa lyhyellä tehtävällä, ei tuen tarvetta.",
        ),
        "sv": (
            "Läser och skriver obehindrat på sitt modersmål ({language}).",
            "Behärskar latinska alfabetet.",
        ),
        "en": (
            "Reads and writes fluently in {language}.",
            "Knows the Latin alphabet well.",
        ),
    },
    "literacy_other": {
        "fi": (
            "Lukee ja kirjoittaa omalla kielellään ({language}); latinalaiset kirjaimet vielä vieraita.",
            "Tunnistaa latinalaiset kirjaimet, lukeminen vielä hidasta.",
            "Luku- ja kirjoitustaito arvioitu alkuhaastattelussa lyhyellä tehtävällä.",
        ),
        "sv": (
            "Läser och skriver på sitt modersmål ({language}); latinska alfabetet ännu obekant.",
            "Känner igen latinska bokstäver, läser ännu långsamt.",
        ),
        "en": (
            "Reads and writes {language}; the Latin alphabet is still new.",
            "Recognises Latin letters; reading is still slow.",
        ),
    },
    "literacy_low": {
        "fi": (
            "Koulunkäynti lähtömaassa jäänyt lyhyeksi; tarvitsee tukea lukemiseen ja kirjoittamiseen.",
            "Tunnistaa osan kirjaimista, ei kirjoita omaa osoitettaan.",
            "Ei ole käynyt koulua; lukutaitokoulutus tarpeen.",
        ),
        "sv": (
            "Kort skolgång i hemlandet; behöver stöd med läsning och skrivning.",
            "Har inte gått i skola; behöver läs- och skrivutbildning.",
        ),
        "en": (
            "Little schooling; needs support with reading and writing.",
            "Has not been to school; needs literacy training.",
        ),
    },
    "target_fi_low": {
        "fi": (
            "Lähtötasotestin tulos {level}.",
            "Ei aiempia suomen kielen opintoja.",
            "Osaa tervehtiä ja kertoa perustiedot itsestään suomeksi.",
            "Asiointi suomeksi ei vielä onnistu, tulkki käytössä.",
        ),
        "sv": ("Nivåtest i finska: {level}.", "Har inte studerat finska tidigare."),
        "en": ("Finnish placement test result {level}.", "No earlier Finnish studies."),
    },
    "target_fi_mid": {
        "fi": (
            "Lähtötasotestin tulos {level}.",
            "Puhuu arkisista asioista yksinkertaisin lausein.",
            "Ymmärtää hitaasti puhuttua selkeää suomea.",
            "Opiskellut suomea omatoimisesti sovelluksella noin {months} kk.",
            "Asiointi suomeksi onnistuu osittain.",
        ),
        "sv": ("Nivåtest i finska: {level}.", "Förstår enkel och långsamt talad finska."),
        "en": ("Finnish placement test result {level}.", "Understands simple Finnish spoken slowly."),
    },
    "target_sv_low": {
        "fi": ("Ruotsin kielen lähtötasotestin tulos {level}.", "Ei aiempia ruotsin kielen opintoja."),
        "sv": (
            "Nivåtest i svenska: {level}.",
            "Har inte studerat svenska tidigare.",
            "Kan hälsa och berätta om sig själv på svenska.",
        ),
        "en": ("Swedish placement test result {level}.", "No earlier Swedish studies."),
    },
    "target_sv_mid": {
        "fi": (
            "Ruotsin kielen lähtötasotestin tulos {level}.",
            "Selviää arkisista keskusteluista ruotsiksi.",
        ),
        "sv": (
            "Nivåtest i svenska: {level}.",
            "Klarar vardagliga samtal på svenska.",
            "Har gått svenskkurs vid medborgarinstitutet.",
            "Förstår tydligt talad svenska, skriver korta meddelanden.",
        ),
        "en": ("Swedish placement test result {level}.", "Manages everyday conversations in Swedish."),
    },
    # The description agrees with the level: "none" says there is no skill, "not-assessed" says so.
    "none_fi": {
        "fi": ("Ei suomen kielen taitoa.", "Ei aiempia suomen kielen opintoja eikä kielitaitoa."),
        "sv": ("Inga kunskaper i finska.",),
        "en": ("No Finnish.",),
    },
    "unassessed_fi": {
        "fi": ("Suomen kieltä ei ole arvioitu; opiskelee ruotsia.",),
        "sv": ("Finska har inte bedömts; studerar svenska.",),
        "en": ("Finnish not assessed; studies Swedish.",),
    },
    "none_sv": {
        "fi": ("Ei ruotsin kielen taitoa.",),
        "sv": ("Inga kunskaper i svenska.", "Har inte studerat svenska och talar det inte."),
        "en": ("No Swedish skills.",),
    },
    "unassessed_sv": {
        "fi": ("Ruotsin kieltä ei ole arvioitu; asiakas ei koe tarvetta.",),
        "sv": ("Svenska har inte bedömts; kunden ser inget behov.",),
        "en": ("Swedish not assessed; the customer sees no need at present.",),
    },
    "employment_education": {
        "fi": (
            "Haluaa työllistyä mahdollisimman pian, tarvitsee ohjausta työnhakuun.",
            "Koulutuspolku ennen työllistymistä tarkoituksenmukainen.",
            "Aiempi ammatti ({occupation}) vaatii Suomessa lisäkoulutusta tai tutkinnon tunnustamisen.",
            "Tarvitsee kotoutumiskoulutuksen ennen ammatillisia opintoja.",
            "Kiinnostunut oppisopimuskoulutuksesta.",
            "Tarvitsee tietoa ammatillisen koulutuksen hakemisesta.",
            "Työkyky arvioitava ennen työllistymistä tukevia palveluja.",
        ),
        "sv": (
            "Vill få arbete så snart som möjligt och behöver stöd i arbetssökandet.",
            "Utbildning före arbete bedöms ändamålsenligt.",
            "Tidigare yrke ({occupation}) kräver tilläggsutbildning i Finland.",
            "Behöver information om att söka till yrkesutbildning.",
        ),
        "en": (
            "Wants to find work soon; needs help with job search.",
            "Education first is the sensible path before employment.",
            "Previous occupation ({occupation}) needs further training or recognition in Finland.",
            "Needs information on applying for vocational education.",
        ),
    },
    "study_skills": {
        "fi": (
            "Tottunut opiskelemaan itsenäisesti.",
            "Koulutausta {years} vuotta; opiskelutaidot hyvät.",
            "Tietokoneen käyttö sujuu, tarvitsee tukea oppimisalustojen käyttöön.",
            "Keskittyminen vaikeaa pitkissä opetustuokioissa, hyötyy pienryhmästä.",
            "Ei aiempaa kokemusta luokkaopetuksesta.",
            "Oppii parhaiten tekemällä ja kuvien avulla.",
            "Käynyt iltakoulua lähtömaassa, tottunut läksyihin.",
            "Muistiinpanojen tekeminen sujuu omalla kielellä.",
        ),
        "sv": (
            "Van att studera självständigt.",
            "Har gått i skola i {years} år; goda studiefärdigheter.",
            "Behöver stöd med digitala lärplattformar.",
            "Lär sig bäst genom att göra.",
        ),
        "en": (
            "Used to studying independently.",
            "{years} years of schooling; good study skills.",
            "Needs support with online learning platforms.",
            "Learns best by doing and with pictures.",
        ),
    },
    "working_life": {
        "fi": (
            "Tuntee työehtosopimusten perusasiat.",
            "Ei vielä kokemusta suomalaisesta työelämästä.",
            "Ollut työkokeilussa kaupan alalla kaksi viikkoa.",
            "Tarvitsee tietoa työntekijän oikeuksista ja velvollisuuksista.",
            "Ansioluettelo laadittu yhdessä, työnhakutaidot kehittymässä.",
            "Työkokemus kaupan alalta; asiakaspalvelu tuttua.",
            "Tuntee työterveyshuollon ja lomaoikeuden perusteet.",
            "Tarvitsee harjoitusta työhaastatteluun.",
        ),
        "sv": (
            "Känner till grunderna i kollektivavtal.",
            "Ingen erfarenhet av arbetslivet i Finland ännu.",
            "Behöver information om arbetstagarens rättigheter och skyldigheter.",
            "Behöver öva inför arbetsintervjuer.",
        ),
        "en": (
            "Knows the basics of collective agreements.",
            "No experience of Finnish working life yet.",
            "Needs information on employees' rights and duties.",
            "Needs practice for job interviews.",
        ),
    },
    "education_description": {
        "fi": (
            "Tutkintotodistus nähty, käännös puuttuu.",
            "Koulutus keskeytyi muuton vuoksi.",
            "Tutkinnon tunnustaminen Opetushallituksessa vireillä.",
            "Koulutuksesta ei ole todistusta.",
        ),
        "sv": (
            "Examensbetyget har visats, översättning saknas.",
            "Utbildningen avbröts på grund av flytten.",
        ),
        "en": (
            "Diploma seen; a translation is missing.",
            "Studies were interrupted by the move.",
        ),
    },
    "work_description": {
        "fi": (
            "Työkokemusta lähtömaassa ({country}), ammatti: {occupation}, noin {years} v.",
            "Työskennellyt perheyrityksessä.",
            "Työtodistuksia ei ole saatavilla.",
            "Lyhyitä keikkatöitä Suomessa.",
        ),
        "sv": (
            "Arbetserfarenhet från {country}: {occupation}, cirka {years} år.",
            "Har arbetat i familjeföretaget.",
        ),
        "en": (
            "Work experience in {country} as a {occupation}, about {years} years.",
            "Worked in the family business.",
        ),
    },
    "strengths": {
        "fi": (
            "Puhuu useaa kieltä; kokemusta vapaaehtoistyöstä.",
            "Motivoitunut ja oma-aloitteinen.",
            "Hyvät käden taidot.",
            "Vahva ammattitaito: {occupation}.",
            "Sosiaalinen, toiminut yhteisössään tulkkina.",
            "Sinnikäs ja täsmällinen.",
            "Hyvä tiimityöntekijä, kokemusta esimiestehtävistä.",
            "Digitaidot hyvät, käyttää sujuvasti älypuhelinta ja tietokonetta.",
        ),
        "sv": (
            "Talar flera språk; erfarenhet av frivilligarbete.",
            "Motiverad och initiativrik.",
            "Gedigen yrkeskunskap: {occupation}.",
            "Uthållig och noggrann.",
            "Goda digitala färdigheter.",
        ),
        "en": (
            "Speaks several languages; has done voluntary work.",
            "Motivated and shows initiative.",
            "Strong professional skills: {occupation}.",
            "Persistent and precise.",
            "Good digital skills.",
        ),
    },
    "wishes": {
        "fi": (
            "Haluaa opiskella lähihoitajaksi.",
            "Toive: työ omalta alalta ({occupation}).",
            "Haluaa oppia suomea niin, että voi auttaa lapsia koulutehtävissä.",
            "Toivoo pääsevänsä töihin ravintola-alalle.",
            "Haluaa suorittaa ajokortin ja hakea kuljetusalan töihin.",
            "Haluaa perustaa oman yrityksen.",
            "Toivoo osa-aikatyötä opintojen rinnalle.",
            "Kiinnostunut varhaiskasvatuksen alasta.",
        ),
        "sv": (
            "Vill utbilda sig till närvårdare.",
            "Önskar arbete inom sitt eget område ({occupation}).",
            "Vill lära sig svenska för att kunna arbeta i sitt yrke.",
            "Vill starta ett eget företag.",
        ),
        "en": (
            "Wants to train as a practical nurse.",
            "Hopes to work in own field ({occupation}).",
            "Wants to learn Finnish well enough to help the children with homework.",
            "Wants to start a business of their own.",
        ),
    },
    "goals": {
        "fi": (
            "Suomen kielen taito tasolle {target} vuoden kuluessa.",
            "Ammatillinen tutkinto kolmen vuoden kuluessa.",
            "Työpaikka omalta alalta kahden vuoden sisällä.",
            "Pääsy ammatilliseen koulutukseen ensi syksynä.",
        ),
        "sv": (
            "Språknivå {target} inom ett år.",
            "Yrkesexamen inom tre år.",
        ),
        "en": (
            "Finnish at level {target} within a year.",
            "A vocational qualification within three years.",
        ),
    },
    "civic": {
        "fi": (
            "Käy kirjaston kielikahvilassa viikoittain.",
            "Osallistuu uskonnollisen yhteisön toimintaan.",
            "Ei tällä hetkellä harrastuksia; kiinnostunut liikunnasta.",
            "Toimii vapaaehtoisena ruoka-avussa.",
            "Lapset harrastavat jalkapalloa, vanhempi osallistuu seuran talkoisiin.",
            "Käy kansalaisopiston ompelukurssilla.",
            "Osallistuu asukasyhdistyksen tapahtumiin.",
        ),
        "sv": (
            "Deltar i språkcafé på biblioteket varje vecka.",
            "Är frivillig i en förening.",
            "Inga fritidsaktiviteter i nuläget.",
            "Går en sykurs vid medborgarinstitutet.",
        ),
        "en": (
            "Attends the library's language café weekly.",
            "Volunteers at a food bank.",
            "No hobbies at the moment; interested in sports.",
            "Takes part in the residents' association.",
        ),
    },
    "society": {
        "fi": (
            "Tuntee julkiset palvelut hyvin.",
            "Tarvitsee tietoa asumisesta ja vuokrasopimuksista.",
            "Käyttää vahvaa sähköistä tunnistautumista itsenäisesti.",
            "Tiedot suomalaisesta yhteiskunnasta vielä vähäiset.",
            "Kokee kuuluvansa asuinalueensa yhteisöön.",
            "Tarvitsee ohjausta Kelan etuuksien hakemiseen.",
            "Tuntee koulujärjestelmän lasten kautta.",
        ),
        "sv": (
            "Känner väl till de offentliga tjänsterna.",
            "Behöver information om boende och hyresavtal.",
            "Kunskaperna om det finländska samhället är ännu begränsade.",
            "Behöver vägledning med ansökan om FPA-förmåner.",
        ),
        "en": (
            "Knows the public services well.",
            "Needs information on housing and tenancy agreements.",
            "Still knows little about Finnish society.",
            "Needs guidance in applying for Kela benefits.",
        ),
    },
    "life_family": {
        "fi": (
            "Asuu puolison ja {children} lapsen kanssa vuokra-asunnossa.",
            "Perhe asuu väliaikaisesti sukulaisten luona, asunto haussa.",
            "Lapset aloittaneet koulun ja varhaiskasvatuksen, arki vakiintumassa.",
        ),
        "sv": (
            "Bor med make/maka och {children} barn i hyresbostad.",
            "Barnen har börjat i skola och småbarnspedagogik.",
        ),
        "en": (
            "Lives with spouse and {children} children in a rented flat.",
            "The children have started school and daycare.",
        ),
    },
    "life_couple": {
        "fi": ("Asuu puolison kanssa, ei lapsia.", "Puoliso työssä, toimeentulo kunnossa."),
        "sv": ("Bor med make/maka, inga barn.",),
        "en": ("Lives with spouse, no children.",),
    },
    "life_single_parent": {
        "fi": (
            "Yksinhuoltaja, {children} lasta; nuorimmalle haettu varhaiskasvatuspaikkaa.",
            "Yksinhuoltaja; lastenhoito rajoittaa osallistumista iltaisin.",
        ),
        "sv": ("Ensamförsörjare med {children} barn.",),
        "en": ("Single parent of {children}; applied for daycare for the youngest.",),
    },
    "life_alone": {
        "fi": (
            "Asuu yksin, muuttanut kuntaan hiljattain.",
            "Toimeentulo kunnossa, asuminen väliaikaista.",
            "Perhe lähtömaassa; perheenyhdistäminen vireillä.",
        ),
        "sv": ("Bor ensam, har nyligen flyttat till kommunen.", "Familjen är kvar i hemlandet."),
        "en": ("Lives alone; moved to the municipality recently.", "Family still in the home country."),
    },
    "family_need": {
        "fi": (
            "Koko perheelle tarkoituksenmukaista laatia yhteinen suunnitelma.",
            "Perheen tarve arvioidaan uudelleen, kun puoliso saapuu Suomeen.",
            "Ei tarvetta perheen suunnitelmalle tällä hetkellä.",
        ),
        "sv": (
            "En gemensam plan för familjen är ändamålsenlig.",
            "Inget behov av en plan för familjen för närvarande.",
        ),
        "en": (
            "A joint plan for the family is appropriate.",
            "No need for a family plan at present.",
        ),
    },
}

B: dict[str, Bank] = {**ASSESSMENT, **PLAN_REVIEW_GUIDANCE}
