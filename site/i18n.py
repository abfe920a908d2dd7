"""Every fixed text of the catalogue site and the change paper, in Finnish, Swedish and English.

Texts that describe the model (labels, definitions, code values) come from the catalogue; only the
site's own words live here. ``tr`` raises on an unknown key, and ``missing_texts`` lists empty
translations, so a site build can refuse to publish a language with a hole in it.
"""

from __future__ import annotations

from kototieto.errors import InvalidInputError
from kototieto.site.comments import STATUS_WORDS

LANGS: tuple[str, ...] = ("fi", "sv", "en")

# key -> (fi, sv, en)
TEXTS: dict[str, tuple[str, str, str]] = {
    # --- site and navigation
    "site.name": (
        "Kotoutumisen tietosisältö",
        "Integrationens datainnehåll",
        "Integration data content",
    ),
    "site.description": (
        "Kotoutumisen tietovarannon kenttäluettelo: jokainen kenttä, sen merkitys ja oikeusperusta.",
        "Fältkatalog för informationslagret om integration: varje fält, dess betydelse och rättsliga grund.",
        "The field catalogue of the integration information repository: every field, its meaning and legal basis.",
    ),
    "lang.name": ("Suomi", "Svenska", "English"),
    "site.table": ("Taulukko", "Tabell", "Table"),
    "nav.home": ("Etusivu", "Startsida", "Home"),
    "nav.kinds": ("Tietueet", "Poster", "Records"),
    "nav.common": ("Kaikkien tietueiden kentät", "Fält i alla poster", "Fields of every record"),
    "nav.code_lists": ("Koodistot", "Kodförteckningar", "Code lists"),
    "nav.trace": ("Jäljitettävyys", "Spårbarhet", "Traceability"),
    "nav.decree": (
        "Muistio ja asetus 874/2024",
        "Promemorian och förordningen 874/2024",
        "Memo and decree 874/2024",
    ),
    "nav.schemas": ("JSON-skeemat", "JSON-scheman", "JSON Schemas"),
    "nav.changes": ("Muutokset", "Ändringar", "Changes"),
    "nav.comments": ("Kommentit", "Kommentarer", "Comments"),
    "nav.usage": ("Kenttien käyttö", "Användning av fälten", "Field usage"),
    # --- front page
    "home.title": ("Kotoutumisen tietosisältö", "Integrationens datainnehåll", "Integration data content"),
    "home.what": (
        "Tämä sivusto kuvaa jokaisen kentän, joka kirjataan kotoutumisen edistämisen tietovarantoon "
        "(laki 681/2023 ja valtioneuvoston asetus 874/2024): mitä kenttä tarkoittaa, kuka sen kirjaa, "
        "onko se pakollinen ja mihin säädökseen se perustuu. Sivut tuotetaan suoraan tietomallista, joten "
        "ne ovat aina samat kuin ohjelmiston tarkistamat tiedot.",
        "Denna webbplats beskriver varje fält som registreras i informationslagret för främjande av "
        "integration (lag 681/2023 och statsrådets förordning 874/2024): vad fältet betyder, vem som "
        "registrerar det, om det är obligatoriskt och vilken bestämmelse det grundar sig på. Sidorna "
        "genereras direkt ur datamodellen och stämmer därför alltid med det som programmet kontrollerar.",
        "This site describes every field entered in the information repository for the promotion of "
        "integration (Act 681/2023 and Government Decree 874/2024): what the field means, who enters it, "
        "whether it is required and which provision it rests on. The pages are generated from the data "
        "model itself, so they always match what the software checks.",
    ),
    "home.version": ("Luettelon versio", "Katalogens version", "Catalogue version"),
    "home.how_read": ("Näin luet luetteloa", "Så här läser du katalogen", "How to read the catalogue"),
    "home.read_kinds": (
        "Jokaisella tietueella (esimerkiksi kotoutumissuunnitelma) on oma sivunsa. Sivun alussa on "
        "taulukko kaikista tietueen kentistä; sen jälkeen jokaisesta kentästä on oma kohtansa, jossa on "
        "määritelmä, tyyppi, esiintymiskerrat, velvoittavuus, kirjaaja, oikeusperusta, asetuksen kohdat, "
        "esimerkki, koodiston arvot ja kentästä annetut kommentit.",
        "Varje post (till exempel integrationsplanen) har en egen sida. Högst upp finns en tabell över "
        "postens alla fält; därefter har varje fält ett eget avsnitt med definition, typ, antal förekomster, "
        "förpliktelse, vem som registrerar, rättslig grund, förordningens punkter, exempel, kodförteckningens "
        "värden och kommentarerna om fältet.",
        "Each record (for example the integration plan) has its own page. It starts with a table of all "
        "the record's fields; then each field has its own section with its definition, type, cardinality, "
        "obligation, who enters it, legal basis, decree items, an example, its code list values and the "
        "comments on it.",
    ),
    "home.read_cardinality": (
        "Esiintymiskerrat: 1 = täsmälleen yksi, 0..1 = enintään yksi, 0..n = mikä tahansa määrä, "
        "1..n = vähintään yksi.",
        "Antal förekomster: 1 = exakt en, 0..1 = högst en, 0..n = valfritt antal, 1..n = minst en.",
        "Cardinality: 1 = exactly one, 0..1 = at most one, 0..n = any number, 1..n = at least one.",
    ),
    "home.read_obligation": (
        "Velvoittavuus: kirjattava = asetus edellyttää kirjaamista; voidaan kirjata = sallittu tarvittaessa; "
        "ehdollinen = kirjattava, kun ehto täyttyy.",
        "Skyldighet: ska registreras = förordningen kräver det; får registreras = tillåtet vid behov; "
        "villkorlig = ska registreras när villkoret uppfylls.",
        "Obligation: shall = the decree requires it; may = allowed when necessary; conditional = required "
        "when the condition holds.",
    ),
    "home.read_search": (
        "Hae kenttää nimellä hakukentästä, ja vaihda kieltä sivun yläreunan kielivalinnasta.",
        "Sök ett fält med dess namn i sökfältet och byt språk med språkväljaren högst upp på sidan.",
        "Search for a field by its name in the search box, and switch language with the language selector "
        "at the top of the page.",
    ),
    "home.how_comment": ("Näin kommentoit", "Så här kommenterar du", "How to comment"),
    "home.comment_text": (
        "Jokaisen kentän kohdassa on linkki ”Kommentoi tätä kenttää”. Se avaa valmiiksi täytetyn "
        "kommentin, johon kirjoitat nimesi, organisaatiosi, kommenttisi ja halutessasi ehdotuksen "
        "määritelmän uudeksi tekstiksi. Kommentit ja niiden käsittelytila näkyvät kentän kohdalla.",
        "Vid varje fält finns länken ”Kommentera detta fält”. Den öppnar en förifylld kommentar där du "
        "skriver ditt namn, din organisation, din kommentar och vid behov ett förslag till ny text för "
        "definitionen. Kommentarerna och deras status visas vid fältet.",
        "Every field has a link “Comment on this field”. It opens a pre-filled comment where you write "
        "your name, organisation, comment and, if you like, a proposed new text for the definition. "
        "Comments and their status appear under the field.",
    ),
    "home.round": ("Lausuntokierros", "Remissrunda", "Consultation round"),
    "home.round_dates": ("Kommentointiaika", "Kommenteringstid", "Commenting period"),
    "home.round_orgs": (
        "Osallistuvat organisaatiot",
        "Deltagande organisationer",
        "Participating organisations",
    ),
    "home.no_round": (
        "Lausuntokierrosta ei ole avattu.",
        "Ingen remissrunda har öppnats.",
        "No consultation round is open.",
    ),
    "home.pages": ("Sivut", "Sidor", "Pages"),
    "home.figures": ("Tunnusluvut", "Nyckeltal", "Key figures"),
    "home.figures_intro": (
        "Pilottiaineiston tunnusluvut {date}: samat luvut kuin komento `koto report stats` antaa. "
        "Mitätöidyt tietueet eivät ole mukana.",
        "Pilotdatans nyckeltal {date}: samma siffror som kommandot `koto report stats` ger. "
        "Annullerade poster räknas inte.",
        "Key figures of the pilot data on {date}: the same figures as the `koto report stats` command "
        "gives. Annulled records are not counted.",
    ),
    "home.figures_none": (
        "Pilottiaineistossa ei ole vielä tietueita.",
        "Pilotdatan har ännu inga poster.",
        "The pilot data has no records yet.",
    ),
    "home.charts": ("Kaaviot", "Diagram", "Charts"),
    # --- record kind pages
    "kind.fields": ("Kentät", "Fält", "Fields"),
    "kind.act_sections": ("Lain 681/2023 pykälät", "Paragrafer i lag 681/2023", "Sections of Act 681/2023"),
    "kind.common_note": (
        "Kaikille tietueille yhteiset kentät on kuvattu sivulla",
        "Fälten som är gemensamma för alla poster beskrivs på sidan",
        "The fields every record has are described on the page",
    ),
    "kind.common_intro": (
        "Nämä kentät ovat jokaisessa tietueessa sen lajista riippumatta.",
        "Dessa fält finns i varje post oavsett typ.",
        "These fields are in every record, whatever its kind.",
    ),
    "kind.records": ("Tietueet", "Poster", "Records"),
    "kind.records_intro": (
        "Tietovarantoon kirjataan seuraavat tietueet.",
        "Följande poster registreras i informationslagret.",
        "The repository holds the following records.",
    ),
    # --- field attributes
    "field.label": ("Kenttä", "Fält", "Field"),
    "field.definition": ("Määritelmä", "Definition", "Definition"),
    "field.type": ("Tyyppi", "Typ", "Type"),
    "field.cardinality": ("Esiintymiskerrat", "Antal förekomster", "Cardinality"),
    "field.obligation": ("Velvoittavuus", "Skyldighet", "Obligation"),
    "field.condition": ("Ehto", "Villkor", "Condition"),
    "field.applies_when": ("Ehto koneluettavana", "Villkoret maskinläsbart", "Condition, machine-readable"),
    "field.one_of": ("jokin arvoista", "något av värdena", "one of"),
    "field.recorded": ("kirjattu", "registrerat", "recorded"),
    "field.not_recorded": ("ei kirjattu", "inte registrerat", "not recorded"),
    "field.actors": ("Kirjaaja", "Registreras av", "Entered by"),
    "field.legal_basis": ("Oikeusperusta", "Rättslig grund", "Legal basis"),
    "field.decree_items": ("Asetuksen kohdat", "Förordningens punkter", "Decree items"),
    "field.example": ("Esimerkki", "Exempel", "Example"),
    "field.code_list": ("Koodisto", "Kodförteckning", "Code list"),
    "field.kinds": ("Tietueet", "Poster", "Records"),
    "field.fill_rate": ("Täyttöaste", "Ifyllnadsgrad", "Fill rate"),
    "field.basis_as_parent": (
        "↑ kuten yläkentällä",
        "↑ som för det överordnade fältet",
        "↑ as for the parent field",
    ),
    "field.table_scroll": (
        "taulukkoa voi vierittää nuolinäppäimillä",
        "tabellen kan rullas med piltangenterna",
        "the table scrolls with the arrow keys",
    ),
    "field.never_used": ("Ei koskaan käytetty", "Aldrig använt", "Never used"),
    "field.fill_detail": (
        "{filled} / {total} tietueessa",
        "i {filled} / {total} poster",
        "in {filled} of {total} records",
    ),
    "field.comment_link": ("Kommentoi tätä kenttää", "Kommentera detta fält", "Comment on this field"),
    "field.values_more": (
        "Koodistossa on {count} arvoa; katso koodiston sivu.",
        "Kodförteckningen har {count} värden; se kodförteckningens sida.",
        "The code list has {count} values; see the code list page.",
    ),
    "field.local": (
        "Pilottiorganisaation oma lisäkenttä (ei kansallinen)",
        "Pilotorganisationens eget tilläggsfält (inte nationellt)",
        "The pilot organisation's own extension field (not national)",
    ),
    "field.changes": (
        "Muutokset versioon {version} verrattuna",
        "Ändringar jämfört med version {version}",
        "Changes since version {version}",
    ),
    "field.none": ("–", "–", "–"),
    # --- legal basis
    "basis.act": ("Laki", "Lag", "Act"),
    "basis.memo": ("Asetusluonnos (muistio)", "Förordningsutkast (promemoria)", "Draft decree (memo)"),
    "basis.decree_874": ("Asetus 874/2024", "Förordning 874/2024", "Decree 874/2024"),
    "basis.in_874": ("Asetuksessa 874/2024", "I förordning 874/2024", "In decree 874/2024"),
    "basis.note": ("Huomautus", "Anmärkning", "Note"),
    "in874.yes": ("Mainitaan", "Nämns", "Named"),
    "in874.no": ("Ei mainita", "Nämns inte", "Not named"),
    "in874.changed": ("Muutettu", "Ändrad", "Changed"),
    "in874.unverified": ("Tarkistamatta", "Inte kontrollerad", "Not verified"),
    "in874.not-applicable": ("Ei koske", "Inte tillämpligt", "Not applicable"),
    "in874.memo-only": ("Vain muistiossa", "Endast i promemorian", "Memo only"),
    # --- obligation and actors
    "obligation.shall": ("Kirjattava", "Ska registreras", "Shall"),
    "obligation.may": ("Voidaan kirjata", "Får registreras", "May"),
    "obligation.conditional": ("Ehdollinen", "Villkorlig", "Conditional"),
    "actor.municipality": ("Kunta", "Kommun", "Municipality"),
    "actor.wellbeing-services-county": ("Hyvinvointialue", "Välfärdsområde", "Wellbeing services county"),
    "actor.keha-centre": ("KEHA-keskus", "UF-centret", "KEHA Centre"),
    # --- types
    "type.string": ("Teksti", "Text", "Text"),
    "type.text": ("Teksti", "Text", "Text"),
    "type.long text": ("Pitkä teksti", "Lång text", "Long text"),
    "type.decimal": ("Desimaaliluku", "Decimaltal", "Decimal number"),
    "type.map": ("Avain–arvo-parit", "Nyckel–värde-par", "Key–value pairs"),
    "type.date": ("Päivämäärä", "Datum", "Date"),
    "type.integer": ("Kokonaisluku", "Heltal", "Integer"),
    "type.number": ("Luku", "Tal", "Number"),
    "type.boolean": ("Kyllä/ei", "Ja/nej", "Yes/no"),
    "type.code": ("Koodi", "Kod", "Code"),
    "type.object": ("Rakenne", "Struktur", "Object"),
    "type.list": ("Lista", "Lista", "List"),
    "type.id": ("Tunniste", "Identifierare", "Identifier"),
    "type.email": ("Sähköposti", "E-post", "E-mail"),
    "type.phone": ("Puhelinnumero", "Telefonnummer", "Phone number"),
    # --- code lists
    "codes.intro": (
        "Koodistot, joiden arvoja kentät käyttävät. Jokaisella arvolla on pysyvä koodi ja nimi kolmella kielellä.",
        "Kodförteckningar vars värden fälten använder. Varje värde har en bestående kod och ett namn på tre språk.",
        "The code lists the fields use. Every value has a stable code and a name in three languages.",
    ),
    "codes.code": ("Koodi", "Kod", "Code"),
    "codes.name": ("Nimi", "Namn", "Name"),
    "codes.values": ("Arvot", "Värden", "Values"),
    "codes.source": ("Lähde", "Källa", "Source"),
    "codes.used_by": (
        "Kentät, jotka käyttävät koodistoa",
        "Fält som använder kodförteckningen",
        "Fields using this list",
    ),
    "codes.unused": (
        "Mikään kenttä ei käytä koodistoa.",
        "Inget fält använder kodförteckningen.",
        "No field uses this list.",
    ),
    "codes.external": (
        "Ulkoinen, virallinen luettelo.",
        "Extern, officiell förteckning.",
        "An external, authoritative list.",
    ),
    "codes.count": ("Arvoja", "Antal värden", "Values"),
    "codes.download": (
        "Luettelossa on {count} arvoa. Lataa koko luettelo:",
        "Förteckningen har {count} värden. Ladda ner hela förteckningen:",
        "The list has {count} values. Download the whole list:",
    ),
    # --- traceability
    "trace.intro": (
        "Jokainen asetuksen kohta ja kentät ja tarkistussäännöt, jotka sen toteuttavat.",
        "Varje punkt i förordningen och de fält och kontrollregler som genomför den.",
        "Every decree item and the fields and validation rules that implement it.",
    ),
    "trace.item": ("Kohta", "Punkt", "Item"),
    "trace.section": ("Pykälä", "Paragraf", "Section"),
    "trace.text": ("Sisältö", "Innehåll", "Content"),
    "trace.fields": ("Kentät", "Fält", "Fields"),
    "trace.rules": ("Säännöt", "Regler", "Rules"),
    "trace.uncovered": ("Ei toteutettu", "Inte genomförd", "Not implemented"),
    "trace.rules_title": ("Tarkistussäännöt", "Kontrollregler", "Validation rules"),
    # --- decree comparison
    "decree.intro": (
        "Asetusluonnoksen muistio (VN/32076/2023) ja annettu asetus 874/2024 kentittäin. Asetuksesta "
        "874/2024 on luettu 1 ja 2 §; muiden kohtien tila on ”tarkistamatta”.",
        "Promemorian om förordningsutkastet (VN/32076/2023) och den utfärdade förordningen 874/2024 "
        "fält för fält. Av förordning 874/2024 har 1 och 2 § lästs; övriga punkter har status "
        "”inte kontrollerad”.",
        "The draft decree memo (VN/32076/2023) and the issued decree 874/2024, field by field. Of "
        "874/2024, §§ 1 and 2 were read; the other items are marked “not verified”.",
    ),
    "decree.summary": ("Yhteenveto", "Sammanfattning", "Summary"),
    "decree.status": ("Tila", "Status", "Status"),
    "decree.count": ("Kenttiä", "Antal fält", "Fields"),
    "decree.by_kind": ("Tila tietuelajeittain", "Status per typ av post", "Status per record kind"),
    "decree.kind_status": ("Tietuelajin tila", "Typens status", "Status of the kind"),
    "decree.kind_intro": (
        "Asetuksen 874/2024 1-2 § nimeävät vain perusarvioinnin (laki 14 §) ja kotoutumissuunnitelman "
        "(16 §). Muiden tietuelajien kentät ovat ”vain muistiossa” tai ”tarkistamatta”, vaikka sama "
        "kenttä mainittaisiin perusarvioinnissa. Taulukko: kenttiä kussakin tilassa.",
        "Förordning 874/2024 1-2 § nämner endast den grundläggande bedömningen (lagen 14 §) och "
        "integrationsplanen (16 §). Fälten i övriga typer av poster är ”endast i promemorian” eller "
        "”inte kontrollerad”, även om samma fält nämns för den grundläggande bedömningen. Tabellen: "
        "antal fält med varje status.",
        "874/2024 §§ 1-2 name only the basic assessment (Act 14 §) and the integration plan (16 §). "
        "The fields of the other record kinds are “memo only” or “not verified”, even where the same "
        "field is named for the basic assessment. The table: fields with each status.",
    ),
    "decree.open_questions": (
        "Avoimet oikeudelliset kysymykset",
        "Öppna rättsliga frågor",
        "Open legal questions",
    ),
    "decree.source": ("Lähde", "Källa", "Source"),
    "decree.affects": ("Koskee", "Gäller", "Affects"),
    "field.status_by_kind": (
        "Asetuksessa 874/2024 tietuelajeittain",
        "I förordning 874/2024 per typ av post",
        "In decree 874/2024 per record kind",
    ),
    "field.obligation_by_kind": (
        "Velvoittavuus tietuelajeittain",
        "Skyldighet per typ av post",
        "Obligation per record kind",
    ),
    "field.project_addition": ("Hankkeen lisäys", "Projektets tillägg", "Project addition"),
    # --- schemas
    "schemas.intro": (
        "Tietueiden JSON-skeemat (draft 2020-12) ladattaviksi. Kuvaukset ovat tämän sivun kielellä.",
        "Posternas JSON-scheman (draft 2020-12) för nedladdning. Beskrivningarna är på denna sidas språk.",
        "The records' JSON Schemas (draft 2020-12) to download. Descriptions are in this page's language.",
    ),
    "schemas.all": ("Kaikki tietueet", "Alla poster", "Every record kind"),
    "schemas.file": ("Tiedosto", "Fil", "File"),
    # --- changes
    "changes.intro": (
        "Muutokset viimeksi julkaistuun luetteloon verrattuna.",
        "Ändringar jämfört med den senast publicerade katalogen.",
        "Changes since the last published catalogue.",
    ),
    "changes.against": ("Verrattu versioon", "Jämfört med version", "Compared with version"),
    "changes.none": ("Ei muutoksia.", "Inga ändringar.", "No changes."),
    "changes.no_snapshot": (
        "Aiempaa julkaistua versiota ei ole.",
        "Det finns ingen tidigare publicerad version.",
        "There is no earlier published version.",
    ),
    "changes.breaking": ("Yhteensopimaton muutos", "Inkompatibel ändring", "Breaking change"),
    "changes.not_breaking": ("Yhteensopiva muutos", "Kompatibel ändring", "Compatible change"),
    "changes.kind": ("Muutos", "Ändring", "Change"),
    "changes.old": ("Ennen", "Före", "Before"),
    "changes.new": ("Nyt", "Nu", "Now"),
    "changes.count": ("Määrä", "Antal", "Count"),
    "change.added": ("Lisätty", "Tillagd", "Added"),
    "change.removed": ("Poistettu", "Borttagen", "Removed"),
    "change.renamed": ("Nimetty uudelleen", "Omdöpt", "Renamed"),
    "change.definition-changed": ("Määritelmä muuttunut", "Definitionen ändrad", "Definition changed"),
    "change.label-changed": ("Nimi muuttunut", "Namnet ändrat", "Label changed"),
    "change.type-changed": ("Tyyppi muuttunut", "Typen ändrad", "Type changed"),
    "change.cardinality-changed": (
        "Esiintymiskerrat muuttuneet",
        "Antal förekomster ändrat",
        "Cardinality changed",
    ),
    "change.obligation-changed": ("Velvoittavuus muuttunut", "Skyldigheten ändrad", "Obligation changed"),
    "change.legal-basis-changed": ("Oikeusperusta muuttunut", "Rättslig grund ändrad", "Legal basis changed"),
    "change.status-874-changed": (
        "Tila asetuksessa 874/2024 muuttunut",
        "Status i förordning 874/2024 ändrad",
        "Status in decree 874/2024 changed",
    ),
    "change.code-list-changed": (
        "Koodiston arvot muuttuneet",
        "Kodförteckningens värden ändrade",
        "Code list values changed",
    ),
    "change.codes_added": ("Uudet arvot", "Nya värden", "New values"),
    "change.codes_removed": ("Poistetut arvot", "Borttagna värden", "Removed values"),
    "change.codes_relabelled": ("Nimetyt arvot", "Omdöpta värden", "Relabelled values"),
    "change.old_path": ("Aiempi polku", "Tidigare sökväg", "Old path"),
    # --- change paper
    "paper.title": (
        "Kenttäluettelon muutokset",
        "Ändringar i fältkatalogen",
        "Changes to the field catalogue",
    ),
    "paper.versions": ("Versiot", "Versioner", "Versions"),
    "paper.new_fields": ("Uudet kentät", "Nya fält", "New fields"),
    "paper.changed_fields": ("Muuttuneet kentät", "Ändrade fält", "Changed fields"),
    "paper.removed_fields": ("Poistetut kentät", "Borttagna fält", "Removed fields"),
    "paper.code_lists": ("Koodistojen muutokset", "Ändringar i kodförteckningar", "Code list changes"),
    "paper.summary": ("Yhteenveto", "Sammanfattning", "Summary"),
    # --- comments
    "comments.title": ("Kommentit", "Kommentarer", "Comments"),
    "comments.none": ("Ei kommentteja.", "Inga kommentarer.", "No comments."),
    "comments.proposal": ("Ehdotettu teksti", "Föreslagen text", "Proposed text"),
    "comments.orphaned": (
        "Kommentit poistuneista kentistä",
        "Kommentarer om borttagna fält",
        "Comments on removed fields",
    ),
    "comments.orphaned_intro": (
        "Näiden kommenttien kenttää ei enää ole luettelossa. Kommentit säilytetään.",
        "Fälten som dessa kommentarer gäller finns inte längre i katalogen. Kommentarerna sparas.",
        "The fields these comments concern are no longer in the catalogue. The comments are kept.",
    ),
    "comments.all_intro": (
        "Kaikki lausuntokierroksen kommentit tiloittain.",
        "Alla kommentarer i remissrundan efter status.",
        "Every comment of the consultation round, by status.",
    ),
    "comments.field": ("Kenttä", "Fält", "Field"),
    "comments.reply": ("Vastaus", "Svar", "Reply"),
    "comments.mail_subject": ("Kommentti kenttään", "Kommentar om fältet", "Comment on field"),
    "comments.mail_body": (
        "Kenttä: {path}\nNimi:\nOrganisaatio:\nKommentti:\n\nEhdotettu teksti (valinnainen):\n",
        "Fält: {path}\nNamn:\nOrganisation:\nKommentar:\n\nFöreslagen text (valfri):\n",
        "Field: {path}\nName:\nOrganisation:\nComment:\n\nProposed text (optional):\n",
    ),
    # status.<code>: the comment statuses, capitalised from site.comments.STATUS_WORDS (below)
    # --- usage
    "usage.intro": (
        "Kuinka suuressa osassa pilottiaineiston tietueista kenttä on täytetty. Mitätöidyt tietueet eivät ole mukana.",
        "Hur stor andel av pilotdatans poster där fältet är ifyllt. Annullerade poster räknas inte.",
        "The share of the pilot data's records where each field is filled. Annulled records are not counted.",
    ),
    "usage.records": ("Tietueita", "Poster", "Records"),
    "usage.never_title": ("Käyttämättömät kentät", "Oanvända fält", "Fields never used"),
    "usage.annulment_note": (
        "Mitätöinnin kentät eivät ole luettelossa: mitätöityjä tietueita ei lasketa täyttöasteisiin.",
        "Fälten för annullering finns inte i listan: annullerade poster räknas inte i ifyllnadsgraderna.",
        "The annulment fields are not listed: annulled records are not counted in the fill rates.",
    ),
}

TEXTS.update(
    {
        f"status.{code}": (w.fi.capitalize(), w.sv.capitalize(), w.en.capitalize())
        for code, w in STATUS_WORDS.items()
    }
)


def tr(key: str, lang: str, **values: object) -> str:
    """The site text ``key`` in ``lang``, with ``{name}`` placeholders filled."""
    try:
        texts = TEXTS[key]
    except KeyError:
        raise KeyError(f"no site text {key!r}") from None
    text = texts[LANGS.index(lang)]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in TEXTS


def missing_texts() -> list[str]:
    """``key/lang`` of every empty translation (the build refuses to publish with any)."""
    return [
        f"{key}/{lang}"
        for key, texts in TEXTS.items()
        for lang, t in zip(LANGS, texts, strict=True)
        if not t.strip()
    ]


def check_complete() -> None:
    missing = missing_texts()
    if missing:
        raise InvalidInputError("site texts missing in a language: " + ", ".join(missing))
