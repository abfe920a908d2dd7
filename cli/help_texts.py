"""The descriptions of koto's commands and subcommands in fi, sv and en (``koto comment add --help``
in the run's language); imported only when a help page may be shown (``cli/localise.py``).

``HELP`` is keyed by the command's path (``"comment add"``). Its English is the command's
docstring (tests/cli/test_help_language.py checks that they stay the same, so a changed docstring
asks for new translations); the list line of a top-level command in ``koto --help`` is
``COMMAND_HELP`` in ``cli/main.py``; the placeholders (``POLKU``, ``TIEDOSTO``) are ``METAVARS`` in
``cli/messages.py``, as usage errors name them too.
"""

from __future__ import annotations

from kototieto.model.text import T, Text

HELP: dict[str, Text] = {
    "aggregate": T(
        "Usean tietovaraston pseudonymisoidut viennit yhteen DuckDB-tietokantaan (organisaatio omana "
        "sarakkeenaan).\n\n"
        "Kukin TIETOVARASTO on tietovarasto (viedään ensin ja pseudonymisoidaan) tai komennon "
        "`koto export --format parquet` kirjoittama kansio (kokeilun vienti, luetaan sellaisenaan).\n\n"
        "Aja raportit sen yli: `koto report fill-rates|stats|completeness --db TIEDOSTO`.",
        "Pseudonymiserade exporter av flera datakataloger i en DuckDB-databas (organisationen som en "
        "kolumn).\n\n"
        "Varje DATAKATALOG är en datakatalog (exporteras först och pseudonymiseras) eller en mapp som "
        "`koto export --format parquet` har skrivit (en pilots export, läses som den är).\n\n"
        "Kör rapporterna över den: `koto report fill-rates|stats|completeness --db FIL`.",
        "Pseudonymised exports of several repositories in one DuckDB database (organisation as a column)."
        "\n\n"
        "Each REPO is a data repository (exported first, pseudonymised) or a folder written by "
        "`koto export --format parquet` (a pilot's export, read as it is).\n\n"
        "Run the reports over it with `koto report fill-rates|stats|completeness --db OUT`.",
    ),
    "catalogue change-paper": T(
        "Kirjoita lausuntokierroksen muutosmuistio (Markdown): uudet kentät kokonaan, muutetuista "
        "kentistä vain muuttuneet kohdat.",
        "Skriv remissrundans ändringsunderlag (Markdown): nya fält i sin helhet, av ändrade fält bara "
        "de ändrade delarna.",
        "Write the consultation change paper (Markdown): new fields in full, changed parts only.",
    ),
    "catalogue diff": T(
        "Luokittele kahden tietosisältöviennin väliset muutokset (UUSI on oletuksena nykyinen "
        "tietosisältö).\n\n"
        "Paluukoodi 0, kun mikään muutos ei riko yhteensopivuutta, ja 6 (ristiriita), kun jokin "
        "muutos rikkoo sen.",
        "Klassificera ändringarna mellan två exporter av datainnehållet (NY är som standard det "
        "nuvarande datainnehållet).\n\n"
        "Returkod 0 när ingen ändring bryter kompatibiliteten, 6 (konflikt) när en ändring bryter den.",
        "Classify the changes between two catalogue exports (NEW defaults to the current model).\n\n"
        "Exit code 0 when nothing breaking changed, 6 (conflict) when a change is breaking.",
    ),
    "comment add": T(
        "Kommentoi kenttää (POLKU kuten tietosisällössä, extensions.<tunniste> tai "
        "codes/<koodisto>[/<koodi>]).",
        "Kommentera ett fält (SÖKVÄG som i datainnehållet, extensions.<id> eller codes/<kodlista>[/<kod>]).",
        "Comment on a field (PATH as in the catalogue, extensions.<id>, or codes/<list>[/<code>]).",
    ),
    "comment export": T(
        "Vie kierroksen yhteenveto: yksi rivi keskustelua kohden (kenttä, nimet, kommentti, ehdotus, "
        "tila, vastaus).",
        "Exportera rundans sammanställning: en rad per tråd (fält, benämningar, kommentar, förslag, "
        "status, svar).",
        "Export the round summary: one row per thread (field, labels, comment, proposal, status, reply).",
    ),
    "comment import": T(
        "Tuo sivuston kommenttilinkkien kautta sähköpostilla lähetetyt kommentit (.eml-tiedostot tai "
        "mbox-postilaatikko).",
        "Importera kommentarer som skickats per e-post via webbplatsens kommentarlänkar (.eml-filer "
        "eller en mbox-brevlåda).",
        "Comments sent by e-mail through the site's comment links (.eml files or an mbox mailbox).",
    ),
    "comment list": T("Luettele kommenttikeskustelut.", "Lista kommentartrådarna.", "List comment threads."),
    "comment reply": T(
        "Vastaa kommenttikeskusteluun.", "Svara i en kommentartråd.", "Reply to a comment thread."
    ),
    "comment resolve": T(
        "Ratkaise keskustelu: hyväksytty (accepted), hylätty (rejected), siirretty (deferred) tai "
        "vastattu (answered), ja kirjoita vastaus.",
        "Avgör en tråd: godkänd (accepted), avslagen (rejected), uppskjuten (deferred) eller besvarad "
        "(answered), med ett svar.",
        "Settle a thread: accepted, rejected, deferred or answered, with a reply.",
    ),
    "comment round": T(
        "Lausuntokierros: nimi, päivämäärät, organisaatiot, tietosisällön versio.",
        "Remissrundan: namn, datum, organisationer, datainnehållets version.",
        "The consultation round: name, dates, organisations, catalogue version.",
    ),
    "comment round create": T(
        "Luo (tai korvaa) kierros kommenttikansioon ja tallenna se Gitiin.",
        "Skapa (eller ersätt) rundan i kommentarmappen och spara den i Git.",
        "Create (or replace) the round in the comments folder, committing it to Git.",
    ),
    "comment round show": T("Näytä kierros.", "Visa rundan.", "Show the round."),
    "config set": T(
        "Anna asetukselle AVAIN (esim. `rules.review_interval_months`, `organisation.name`, "
        "`languages`) arvo ARVO ja tallenna.\n\n"
        "ARVO luetaan YAML-muodossa (4, true, [sv, fi], '091'); uusi koto.yaml tarkistetaan ennen "
        "tallennusta.",
        "Ge inställningen NYCKEL (t.ex. `rules.review_interval_months`, `organisation.name`, "
        "`languages`) värdet VÄRDE och spara.\n\n"
        "VÄRDE läses som YAML (4, true, [sv, fi], '091'); den nya koto.yaml kontrolleras innan den "
        "sparas.",
        "Set KEY (e.g. rules.review_interval_months, organisation.name, languages) to VALUE and commit."
        "\n\n"
        "VALUE is read as YAML (4, true, [sv, fi], '091'); the new koto.yaml is checked before it is "
        "committed.",
    ),
    "drafts": T(
        "Luettele tämän kloonin tallessa olevat luonnokset (.koto/drafts/) tai hylkää yksi.",
        "Lista de sparade utkasten i denna klon (.koto/drafts/) eller kasta ett.",
        "List the kept drafts of this clone (.koto/drafts/), or discard one.",
    ),
    "export": T(
        "Yksi litteä taulukko kutakin tietuelajia ja toistuvaa ryhmää kohden sekä muuttujaluettelo.\n\n"
        "Oletuksena nimet ja henkilötunnukset jätetään pois ja asiakastunnisteet pseudonymisoidaan.",
        "En platt tabell per posttyp och per upprepbar grupp, med en variabelförteckning.\n\n"
        "Som standard utelämnas namn och personbeteckningar, och kund-id pseudonymiseras.",
        "One flat table per record kind and per repeatable group, with a data dictionary.\n\n"
        "By default names and identity codes are left out and customer ids are pseudonymised.",
    ),
    "extension check": T(
        "Tarkista määrittelytiedostot; jokainen ongelma tiedoston ja rivin kera. Paluukoodi 5, jos "
        "jokin on virheellinen.",
        "Kontrollera definitionsfilerna; varje problem med fil och rad. Returkod 5 när något är felaktigt.",
        "Check the definition files; every problem with file and line. Exit code 5 when invalid.",
    ),
    "extension commit": T(
        "Tarkista ja tallenna muuttuneet määrittelytiedostot sekä uudelleen tuotettu JSON Schema.",
        "Kontrollera och spara de ändrade definitionsfilerna med det nygenererade JSON Schema.",
        "Check and commit the changed definition files, with the regenerated JSON Schema.",
    ),
    "extension list": T(
        "Luettele omat kentät ja koodistot tiloineen ja täyttöasteineen.",
        "Lista de egna fälten och kodlistorna med status och fyllnadsgrad.",
        "List the extension fields and code lists with their status and fill rate.",
    ),
    "extension propose": T(
        "Kirjoita Markdown-muotoinen ehdotus omasta kentästä ID valtakunnalliseen tietosisältöön.",
        "Skriv ett förslag i Markdown om att det egna fältet ID tas in i det nationella datainnehållet.",
        "Write a Markdown proposal of extension field ID for the national catalogue.",
    ),
    "extension withdraw": T(
        "Poista oma kenttä käytöstä (ei onnistu, kun tietueet käyttävät sitä, ellei arvoja siirretä tai "
        "säilytetä).",
        "Dra tillbaka ett eget fält (vägras så länge poster använder det, om inte värdena flyttas eller "
        "behålls).",
        "Withdraw an extension field (refused while records use it, unless values are moved or kept).",
    ),
    "import": T(
        "Tuo tietueita taulukosta (XLSX tai CSV); `koto import template LAJI` kirjoittaa pohjan.\n\n"
        "\b\n"
        "koto import template integration-plan -o suunnitelmat.xlsx --lang fi\n"
        "koto import suunnitelmat.xlsx --kind integration-plan --dry-run\n"
        "koto import vienti.csv --kind assessment --mapping sarakkeet.yaml",
        "Importera poster från ett kalkylark (XLSX eller CSV); `koto import template TYP` skriver en "
        "mall.\n\n"
        "\b\n"
        "koto import template integration-plan -o planer.xlsx --lang sv\n"
        "koto import planer.xlsx --kind integration-plan --dry-run\n"
        "koto import uttag.csv --kind assessment --mapping kolumner.yaml",
        "Import records from a spreadsheet (XLSX or CSV); `koto import template KIND` writes a template."
        "\n\n"
        "\b\n"
        "koto import template integration-plan -o plans.xlsx --lang fi\n"
        "koto import plans.xlsx --kind integration-plan --dry-run\n"
        "koto import export.csv --kind assessment --mapping map.yaml",
    ),
    "import file": T(
        "Tuo tiedoston LÄHDE (XLSX tai CSV) rivit --kind-valitsimella annetun lajin tietueina.",
        "Importera raderna i KÄLLA (XLSX eller CSV) som poster av den typ som anges med --kind.",
        "Import the rows of SOURCE (XLSX or CSV) as records of the kind given with --kind.",
    ),
    "import template": T(
        "Kirjoita XLSX-pohja lajille LAJI (otsikot --lang-kielellä, koodistot pudotusvalikkoina).",
        "Skriv en XLSX-mall för TYP (rubriker på --lang, kodlistor som rullgardinsmenyer).",
        "Write an XLSX template for KIND (headers in --lang, code lists as drop-downs).",
    ),
    "report completeness": T(
        "Jokainen puuttuva pakollinen kohta tietuelajeittain, organisaatioittain ja tietueittain.",
        "Varje saknad obligatorisk punkt per posttyp, organisation och post.",
        "Every missing 'shall' item per record kind, organisation and record.",
    ),
    "report due": T(
        "Myöhässä olevat ja N päivän kuluessa erääntyvät suunnitelmien tarkistukset (myös myöhemmin "
        "alkavien suunnitelmien) ja N päivän kuluessa päättyvät suunnitelmat virkailijoittain, "
        "asiakkaiden nimien kera (--no-names: vain tunnisteet).",
        "Översyner av planer som är försenade eller förfaller inom N dagar (även planer som börjar "
        "senare) och planer som upphör inom N dagar, per handläggare, med kundernas namn "
        "(--no-names: bara id).",
        "Plan reviews overdue or due within N days (plans starting later included), plans ending "
        "within N days, per official, with the customers' names (--no-names: ids only).",
    ),
    "report fill-rates": T(
        "Kunkin kentän (myös sisäkkäisten) täyttöaste: kuinka suuressa osassa sen lajien tietueista "
        "se on täytetty.",
        "För varje fält (även inbäddade) andelen poster av dess typer där fältet är ifyllt.",
        "Per field (nested ones too), the share of records of its kinds where it is filled.",
    ),
    "report stats": T(
        "Määrät lajeittain, organisaatioittain ja kuukausittain; ajat, tarkistukset, tulokset, palvelut.",
        "Antal per typ, organisation och månad; tider, översyner, resultat, tjänster.",
        "Counts by kind, organisation and month; times, reviews, outcomes, services.",
    ),
    "rm": T(
        "Poista tietue, jota ei ole vielä lähetetty (lisätty vahingossa). Lähetetty tietue "
        "mitätöidään sen sijaan (`koto annul`): se on jo kollegoiden klooneissa.",
        "Ta bort en post som inte har skickats (tillagd av misstag). En skickad post annulleras i "
        "stället (`koto annul`): kollegornas kloner har den redan.",
        "Remove a record that has not been pushed (added by mistake). A pushed record is annulled "
        "instead (`koto annul`): colleagues' clones already hold it.",
    ),
    "serve": T(
        "Käynnistä verkkosovellus osoitteessa 127.0.0.1 ja tulosta sen osoite ja kertakäyttöinen "
        "pääsyavain.\n\n"
        "\b\n"
        "koto serve demo-out/repo\n"
        "koto serve . --port 9000 --lang fi",
        "Starta webbappen på 127.0.0.1 och skriv ut dess adress med en engångsnyckel för åtkomst.\n\n"
        "\b\n"
        "koto serve demo-out/repo\n"
        "koto serve . --port 9000 --lang sv",
        "Start the web app on 127.0.0.1 and print its address with a one-time access token.\n\n"
        "\b\n"
        "koto serve demo-out/repo\n"
        "koto serve . --port 9000 --lang sv",
    ),
    "site build": T(
        "Rakenna tietosisällön sivusto --out-kansioon, kukin kieli omaan alikansioonsa <kieli>/, "
        "komennolla `mkdocs build --strict`.",
        "Bygg datainnehållets webbplats i mappen --out, varje språk i sin undermapp <språk>/, med "
        "`mkdocs build --strict`.",
        "Build the catalogue site into OUT/<lang>/ with `mkdocs build --strict`.",
    ),
    "site snapshot": T(
        "Julkaise nykyinen tietosisältö tiedostona site/snapshots/catalogue-<versio>.json "
        "(muutoslokin vertailukohta).",
        "Publicera det nuvarande datainnehållet som site/snapshots/catalogue-<version>.json "
        "(ändringsloggens utgångspunkt).",
        "Publish the current catalogue as site/snapshots/catalogue-<version>.json (the change log's base).",
    ),
    # top-level commands (their line in the `koto --help` list is COMMAND_HELP in cli/main.py)
    "add": T(
        "Tarkista tietuetiedostot TIEDOSTO (mistä tahansa) ja tallenna kukin paikalleen "
        "tietovarastoon.\n\n"
        "Tiedosto, jonka tunniste on jo toisen tietueen käytössä, hylätään; olemassa olevan tietueen "
        "tiedosto, jonka sisältö on toinen, hylätään, ellei anneta --replace. Tallessa oleva luonnos "
        "(.koto/drafts/ID.yaml) tallennetaan kuten `koto edit` sen tallentaisi: muutokset, jotka "
        "kollegat ovat tehneet luonnoksen aloittamisen jälkeen, säilyvät.",
        "Kontrollera postfilerna FIL (var som helst ifrån) och spara var och en på sin plats i "
        "datakatalogen.\n\n"
        "En fil vars id redan används av en annan post avvisas; en fil för en befintlig post med annat "
        "innehåll avvisas om inte --replace anges. Ett sparat utkast (.koto/drafts/ID.yaml) sparas "
        "som `koto edit` skulle spara det: ändringar som kollegor gjort sedan utkastet påbörjades "
        "behålls.",
        "Validate record FILES (from anywhere) and commit each into its place in the repository.\n\n"
        "A file whose id is already used by another record is refused; a file for an existing record "
        "with other content is refused unless --replace. A kept draft (.koto/drafts/ID.yaml) is saved "
        "as `koto edit` would: changes colleagues made since the draft started are kept.",
    ),
    "annul": T(
        "Mitätöi tietue: uusi versio, jossa on mitätöinti (mitään ei poisteta).",
        "Annullera en post: en ny version med annulleringen (inget raderas).",
        "Annul a record: a new version with the annulment (nothing is deleted).",
    ),
    "catalogue": T(
        "Tietosisältö: kunkin tietuelajin kaikki kentät säädösperustoineen.\n\n"
        "Ilman alikomentoa tulostaa yhteenvedon (tai --json-valitsimella tietosisällön "
        "dokumentoidussa muodossa: `record_kinds`, `fields`, `code_lists`, `rules`, `decree_items`, "
        "`trace`, `parameters`).",
        "Datainnehållet: alla fält i varje posttyp, vart och ett med sin rättsliga grund.\n\n"
        "Utan underkommando skrivs en sammanfattning ut (eller, med --json, datainnehållet i det "
        "dokumenterade formatet: `record_kinds`, `fields`, `code_lists`, `rules`, `decree_items`, "
        "`trace`, `parameters`).",
        "The field catalogue: every field of every record kind, with its legal basis.\n\n"
        "Without a subcommand, prints a summary (or, with --json, the catalogue in the documented "
        "format: record_kinds, fields, code_lists, rules, decree_items, trace, parameters).",
    ),
    "check": T(
        "Tarkista tietuetiedostot tai niitä sisältävät kansiot; paluukoodi 5, jos jossakin on virhe.\n\n"
        "Tietovaraston sisällä olevat tiedostot tarkistetaan sen sääntöjen parametreilla ja omien "
        "kenttien määrittelyillä.",
        "Kontrollera postfiler eller mappar med sådana; returkod 5 när någon har ett fel.\n\n"
        "Filer i en datakatalog kontrolleras med dess regelparametrar och definitioner av egna fält.",
        "Validate record files or folders of them; exit code 5 when any has an error.\n\n"
        "Files inside a data repository are checked with its rule parameters and extension definitions.",
    ),
    "codes": T(
        "Tulosta koodiston arvot (ilman KOODISTO-argumenttia: kaikki koodistot).",
        "Skriv ut värdena i en kodlista (utan KODLISTA: alla listor).",
        "Print the values of a code list (without LIST_ID: every list).",
    ),
    "comment": T(
        "Lausuntokierroksen kommentit tietosisällön kentistä.",
        "Remissrundans kommentarer om datainnehållets fält.",
        "Comments of the consultation round on catalogue fields.",
    ),
    "commit": T(
        "Tarkista ja tallenna paikallaan muokatut tietueet (oletus: kaikki muuttuneet "
        "tietuetiedostot).\n\n"
        "Yhdistämisen aikana (kun `koto sync` pysähtyi ristiriitaan) ratkaisee paikallaan muokatut "
        "tietueet ja tallentaa yhdistämisen molempine edeltäjineen, kun ristiriitoja ei enää ole.",
        "Kontrollera och spara poster som redigerats på plats (standard: alla ändrade postfiler).\n\n"
        "Under en sammanslagning (när `koto sync` stannade vid en konflikt) löser kommandot posterna "
        "som redigerats på plats och sparar sammanslagningen, med båda föräldrarna, när ingen konflikt "
        "återstår.",
        "Validate and commit records edited in place (default: every changed record file).\n\n"
        "During a merge (`koto sync` stopped at a conflict) it settles the records edited in place and "
        "commits the merge, with both parents, once no conflict is left.",
    ),
    "config": T(
        "Tietovaraston asetukset (koto.yaml).",
        "Datakatalogens inställningar (koto.yaml).",
        "Settings of the repository (koto.yaml).",
    ),
    "conflicts": T(
        "Luettele tietueet, joissa on ratkaisemattomia kenttäristiriitoja: kunkin kentän kaksi arvoa, "
        "kuka ne asetti ja milloin.",
        "Lista poster med olösta fältkonflikter: varje fälts två värden, vem som satte dem och när.",
        "List records with unresolved field conflicts: each field's two values, who set them and when.",
    ),
    "demo": T(
        "Rakenna synteettisestä kokeiluaineistosta esittelytietovarasto ja näytä kaikki, mitä työkalu "
        "tekee.\n\n"
        "KANSIO (oletus demo-out) luodaan; siellä oleva aiempi esittely korvataan.",
        "Bygg en demodatakatalog med syntetiska pilotdata och visa allt som verktyget gör.\n\n"
        "MAPP (standard demo-out) skapas; en tidigare demo där ersätts.",
        "Build a demo repository of synthetic pilot data and show everything the tool does.\n\n"
        "DIRECTORY (default demo-out) is created; an earlier demo there is replaced.",
    ),
    "diff": T(
        "Tietueen kenttien muutokset kahden version välillä (oletus: edellinen -> uusin).\n\n"
        "Versiot ovat komennon `koto log` numeroita (3, 5) tai Git-revisioita.",
        "Fältändringar i en post mellan två versioner (standard: den föregående -> den nyaste).\n\n"
        "Versioner är nummer från `koto log` (3, 5) eller Git-revisioner.",
        "Field changes of a record between two versions (default: the previous -> the newest).\n\n"
        "Versions are numbers from `koto log` (3, 5) or Git revisions.",
    ),
    "edit": T(
        "Muokkaa tietuetta editorissa; tallenna, kun se on kunnossa.\n\n"
        "Kollegan sillä välin tallentamat muutokset yhdistetään kenttä kentältä (mitään hänen "
        "muutoksistaan ei peruta); kenttä, jota molemmat muutitte, näytetään molempine arvoineen, ja "
        "valitset niistä. Tietueen tallessa oleva luonnos (virheen tai ristiriidan jälkeen) avataan "
        "uudelleen, eikä sitä koskaan korvata.",
        "Redigera en post i editorn; spara den när den är giltig.\n\n"
        "Ändringar som en kollega sparat under tiden slås samman fält för fält (ingen av kollegans "
        "ändringar återställs); ett fält som ni båda ändrat visas med båda värdena så att du kan "
        "välja. Ett sparat utkast av posten (efter ett fel eller en konflikt) öppnas igen och skrivs "
        "aldrig över.",
        "Edit a record in your editor; commit it when valid.\n\n"
        "A colleague's changes saved meanwhile are merged field by field (nothing of theirs is "
        "reverted); a field you both changed is shown with both values for you to choose. A kept "
        "draft of the record (after an error or conflict) is opened again, never overwritten.",
    ),
    "erase": T(
        "Poista asiakkaan ASIAKAS tietueet jokaisesta muutoksesta (kirjoittaa historian uudelleen; "
        "yhteisten varastojen on seurattava).",
        "Radera posterna för KUND ur varje ändring (skriver om historiken; de gemensamma förråden "
        "måste följa efter).",
        "Erase CUSTOMER's records from every commit (rewrites history; remotes must follow).",
    ),
    "extension": T(
        "Kokeilun omat kentät ja koodistot, jotka määritellään tietovaraston tiedostoissa extensions/*.yaml.",
        "Försökets egna fält och kodlistor, definierade i filerna extensions/*.yaml i datakatalogen.",
        "Pilot extension fields and code lists, declared in extensions/*.yaml of the data repository.",
    ),
    "find": T(
        "Etsi asiakkaita nimellä, henkilötunnuksella tai tunnisteella (isoilla tai pienillä "
        "kirjaimilla, tarkkeineen tai ilman).",
        "Sök kunder med namn, personbeteckning eller id (stora eller små bokstäver, med eller utan "
        "accenter).",
        "Find customers by name, identity code or id (any case, with or without accents).",
    ),
    "generate": T(
        "Kirjoita synteettisiä (keksittyjä) asiakkaita ja heidän tietueitaan YAML-tiedostoiksi; "
        "jokainen tiedosto on kelvollinen.",
        "Skriv syntetiska (påhittade) kunder och deras poster som YAML-filer, varje fil giltig.",
        "Write synthetic (invented) customers and their records as YAML files, every file valid.",
    ),
    "init": T(
        "Luo tietovarasto kansioon KANSIO (uusi tai tyhjä kansio).",
        "Skapa en datakatalog i MAPP (en ny eller tom mapp).",
        "Create a data repository in DIRECTORY (a new or empty folder).",
    ),
    "list": T(
        "Asiakkaat nimineen sekä heidän tietueidensa lajit ja päivämäärät.",
        "Kunderna med namn och deras posters typer och datum.",
        "Customers with their names and their records' kinds and dates.",
    ),
    "log": T(
        "Tietueen versiot uusimmasta alkaen, numeroituina 1:stä (ensimmäinen), kunkin version "
        "muuttamat kentät mukana.",
        "Postens versioner, den nyaste först, numrerade från 1 (den första), med de fält som varje "
        "version ändrade.",
        "The versions of a record, newest first, numbered from 1 (the first), with the fields each changed.",
    ),
    "merge-driver": T(
        "Gitin yhdistämisohjain tietueille: koto merge-driver %O %A %B %P (Git ajaa sen).",
        "Gits sammanslagningsdrivrutin för poster: koto merge-driver %O %A %B %P (Git kör den).",
        "Git merge driver for records: koto merge-driver %O %A %B %P (Git runs it).",
    ),
    "new": T(
        "Kirjoita uusi LAJI-tietue editorissa; tallenna, kun se on kunnossa.\n\n"
        "Kirjoittaja, asiakas ja tunniste tarkistetaan ennen kuin editori avautuu. Luonnos säilyy "
        "kansiossa .koto/drafts/, kunnes tietue tallennetaan: saman tunnisteen tallessa oleva luonnos "
        "avataan uudelleen, eikä sitä koskaan korvata (`koto drafts` luettelee ne).",
        "Skriv en ny post av typen TYP i editorn; spara den när den är giltig.\n\n"
        "Vem som skriver, kunden och id kontrolleras innan editorn öppnas. Utkastet finns kvar i "
        ".koto/drafts/ tills posten sparas: ett sparat utkast med samma id öppnas igen och skrivs "
        "aldrig över (`koto drafts` listar dem).",
        "Draft a new KIND record in your editor; commit it when it is valid.\n\n"
        "Who is writing, the customer and the id are checked before the editor opens. The draft is "
        "kept in .koto/drafts/ until it is saved: a kept draft of the same id is opened again, never "
        "overwritten (`koto drafts` lists them).",
    ),
    "profile": T(
        "Omat tietosi, annetaan kerran: muutostesi tekijä ja uusien luonnosten `drawn_up_by`.",
        "Dina egna uppgifter, anges en gång: författaren till dina ändringar och `drawn_up_by` i nya utkast.",
        "Your own details, set once: the author of your commits and `drawn_up_by` in new drafts.",
    ),
    "render": T(
        "Tulosta tietue ID (tai --all-valitsimella kaikki tietueet) asiakirjaksi suomeksi, ruotsiksi "
        "tai englanniksi.\n\n"
        "\b\n"
        "koto render pln-20250410-3f9c2a71 --lang fi --format pdf -o suunnitelma.pdf\n"
        "koto render c-4f2a9b1e --dossier --format html -o asiakas.html\n"
        "koto render --all --out tulosteet --kind integration-plan --lang fi --lang sv",
        "Skriv ut posten ID (eller, med --all, alla poster) som ett dokument på finska, svenska eller "
        "engelska.\n\n"
        "\b\n"
        "koto render pln-20250410-3f9c2a71 --lang sv --format pdf -o plan.pdf\n"
        "koto render c-4f2a9b1e --dossier --format html -o kund.html\n"
        "koto render --all --out utskrifter --kind integration-plan --lang fi --lang sv",
        "Print record ID (or, with --all, every record) as a document in Finnish, Swedish or English.\n\n"
        "\b\n"
        "koto render pln-20250410-3f9c2a71 --lang sv --format pdf -o plan.pdf\n"
        "koto render c-4f2a9b1e --dossier --format html -o dossier.html\n"
        "koto render --all --out printed --kind integration-plan --lang fi --lang sv",
    ),
    "report": T(
        "Raportit: erääntyvät tarkistukset, puuttuvat pakolliset tiedot, tilastot, täyttöasteet.",
        "Rapporter: förfallande översyner, fullständighet, statistik, fyllnadsgrader.",
        "Reports: due reviews, completeness, statistics, fill rates.",
    ),
    "resolve": T(
        "Ratkaise tietueen ristiriita; tallentaa yhdistämisen (kaksi edeltäjää), kun se oli viimeinen.",
        "Lös en posts konflikt; sparar sammanslagningen (två föräldrar) när den var den sista.",
        "Settle a record's conflict; commits the merge (two parents) when it was the last one.",
    ),
    "restore": T(
        "Kirjoita tietueen versio N (`koto log ID`; tai Git-revisio) sen uusimmaksi versioksi.",
        "Skriv version N av posten (`koto log ID`; eller en Git-revision) som dess nyaste version.",
        "Write version N of the record (`koto log ID`; or a Git revision) as its newest version.",
    ),
    "schema": T(
        "Tulosta lajin LAJI JSON Schema (versio 2020-12) tai kaikkien lajien, jos LAJI jätetään pois.",
        "Skriv ut JSON Schema (version 2020-12) för TYP, eller för alla typer när TYP utelämnas.",
        "Print the JSON Schema (draft 2020-12) of KIND, or of every kind when KIND is left out.",
    ),
    "show": T(
        "Näytä tietue (ID@3: sen versio 3) tai asiakas kaikkine tietueineen.",
        "Visa en post (ID@3: dess version 3) eller en kund med alla sina poster.",
        "Show a record (ID@3: its version 3) or a customer with all their records.",
    ),
    "site": T(
        "Tietosisällön sivusto (mkdocs Material, yksi koonti kullekin kielelle).",
        "Datainnehållets webbplats (mkdocs Material, ett bygge per språk).",
        "The field catalogue site (mkdocs Material, one build per language).",
    ),
    "sync": T(
        "Hae ETÄVARASTO, yhdistä se (tietueet kenttä kentältä) ja lähetä.\n\n"
        "Jos yhdistäminen pysähtyy ristiriitoihin, ratkaise ne (`koto conflicts`, `koto resolve` tai "
        "muokkaa tietuetta ja `koto commit`) ja aja `koto sync` uudelleen; `koto sync --abort` peruu "
        "yhdistämisen.",
        "Hämta FJÄRRFÖRRÅD, slå samman (posterna fält för fält) och skicka.\n\n"
        "När sammanslagningen stannar vid konflikter, lös dem (`koto conflicts`, `koto resolve`, eller "
        "redigera posten och `koto commit`) och kör `koto sync` igen; `koto sync --abort` ångrar "
        "sammanslagningen.",
        "Fetch REMOTE, merge it (records field by field) and push.\n\n"
        "When the merge stops at conflicts, settle them (`koto conflicts`, `koto resolve`, or edit the "
        "record and `koto commit`) and run `koto sync` again; `koto sync --abort` undoes the merge.",
    ),
    "upgrade": T(
        "Päivitä tietovaraston muoto ja koton omat tiedostot (skeema, CI, Git-koukku, yhdistämisohjain).",
        "Uppgradera datakatalogens format och förnya kotos egna filer (schema, CI, Git-krok, "
        "sammanslagningsdrivrutin).",
        "Upgrade the repository format and refresh koto's files (schema, CI, hook, merge driver).",
    ),
    "validate": T(
        "Tarkista tietovaraston tietueet (tai vain POLKU): jokainen ongelma tiedoston, rivin ja kentän "
        "kera.\n\n"
        "Paluukoodi 0, kun virheitä ei ole, ja 5, kun niitä on. Vain tietueet, joiden Git-objekti on "
        "muuttunut edellisen ajon jälkeen, tarkistetaan uudelleen (välimuisti kansiossa .git/koto/).",
        "Kontrollera datakatalogens poster (eller bara SÖKVÄG): varje problem med fil, rad och fält.\n\n"
        "Returkod 0 när det inte finns något fel, 5 när det finns ett. Bara poster vars Git-objekt "
        "ändrats sedan förra körningen kontrolleras igen (cache under .git/koto/).",
        "Validate the repository's records (or only PATHS): every problem, with file, line and field.\n\n"
        "Exit code 0 when there is no error, 5 when there is one. Only records whose Git blob changed "
        "since the last run are checked again (cache under .git/koto/).",
    ),
}
