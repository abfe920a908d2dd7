"""The descriptions of koto's commands and subcommands, and the placeholders of their arguments,
in fi, sv and en (``koto comment add --help`` in the run's language).

``HELP`` is keyed by the command's path (``"comment add"``). Its English is the command's
docstring (tests/cli/test_help_language.py checks that they stay the same, so a changed docstring
asks for new translations); the list line of a top-level command in ``koto --help`` is
``COMMAND_HELP`` in ``cli/main.py``. ``METAVARS`` gives each English placeholder (an argument's
name, a click type's name, an option's metavar) its Finnish and Swedish form; placeholders that
read the same in every language (ID, JSON) are not listed. ``cli/localise.py`` applies both.
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
}

#: English placeholder (argument name, click type name, option metavar) -> (fi, sv).
METAVARS: dict[str, tuple[str, str]] = {
    # click's type names
    "TEXT": ("TEKSTI", "TEXT"),
    "INTEGER": ("KOKONAISLUKU", "HELTAL"),
    "INTEGER RANGE": ("KOKONAISLUKU", "HELTAL"),
    "FLOAT": ("LUKU", "TAL"),
    "FLOAT RANGE": ("LUKU", "TAL"),
    "BOOLEAN": ("TOTUUSARVO", "SANNINGSVÄRDE"),
    "DIRECTORY": ("KANSIO", "MAPP"),
    "FILE": ("TIEDOSTO", "FIL"),
    "FILENAME": ("TIEDOSTO", "FIL"),
    "PATH": ("POLKU", "SÖKVÄG"),
    "[%Y-%m-%d]": ("[VVVV-KK-PP]", "[ÅÅÅÅ-MM-DD]"),
    # argument names and option metavars
    "BASE": ("POHJA", "BAS"),
    "CODE": ("KOODI", "KOD"),
    "CUSTOMER": ("ASIAKAS", "KUND"),
    "FILES": ("TIEDOSTO", "FIL"),
    "HEADER": ("OTSAKE", "HUVUD"),
    "KEY": ("AVAIN", "NYCKEL"),
    "KIND": ("LAJI", "TYP"),
    "LANG": ("KIELI", "SPRÅK"),
    "FORMAT": ("MUOTO", "FORMAT"),
    "LIST_ID": ("KOODISTO", "KODLISTA"),
    "NAME": ("NIMI", "NAMN"),
    "NEW": ("UUSI", "NY"),
    "OLD": ("VANHA", "GAMMAL"),
    "OURS": ("OMA", "EGEN"),
    "PATHNAME": ("POLKU", "SÖKVÄG"),
    "PATHS": ("POLKU", "SÖKVÄG"),
    "RECORD_ID": ("ID", "ID"),
    "REMOTE": ("ETÄVARASTO", "FJÄRRFÖRRÅD"),
    "REPO": ("TIETOVARASTO", "DATAKATALOG"),
    "REPOS": ("TIETOVARASTO", "DATAKATALOG"),
    "SOURCE": ("LÄHDE", "KÄLLA"),
    "SOURCES": ("LÄHDE", "KÄLLA"),
    "THEIRS": ("TOINEN", "DERAS"),
    "THREAD_ID": ("KESKUSTELU", "TRÅD"),
    "VALUE": ("ARVO", "VÄRDE"),
    "VERSION": ("VERSIO", "VERSION"),
    "VERSION1": ("VERSIO1", "VERSION1"),
    "VERSION2": ("VERSIO2", "VERSION2"),
}
