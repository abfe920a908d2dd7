"""The CLI's message catalogue: every status line and click's own texts in fi, sv and en.

Messages are ``T(fi, sv, en)`` texts (``kototieto.model.text``) with ``{name}`` placeholders;
``say(MSG, **values)`` gives one in the run's language (``kototieto.i18n``). Click's built-in
texts (usage errors, "Usage:", "Show this message and exit.") are translated by installing
:func:`install_click_translations`, which replaces click's gettext functions with a lookup in
``CLICK``; a text not in the table stays as click wrote it.
"""

from __future__ import annotations

from typing import Any

from kototieto.i18n import current_lang, tr
from kototieto.model.text import T, Text


def say(message: Text, **values: Any) -> str:
    """``message`` in the run's language with ``values`` filled in."""
    text = tr(message)
    return text.format(**values) if values else text


# ---------------------------------------------------------------- status lines

ADDED = T(
    "Lisätty {kind} {id}: {path} (muutos {commit})",
    "Tillagd {kind} {id}: {path} (ändring {commit})",
    "Added {kind} {id}: {path} (commit {commit})",
)
COMMITTED = T(
    "Tallennettu {kind} {id}: {path} (muutos {commit})",
    "Sparad {kind} {id}: {path} (ändring {commit})",
    "Committed {kind} {id}: {path} (commit {commit})",
)
UPDATED = T(
    "Päivitetty {kind} {id}: {path} (muutos {commit})",
    "Uppdaterad {kind} {id}: {path} (ändring {commit})",
    "Updated {kind} {id}: {path} (commit {commit})",
)
ANNULLED = T(
    "Mitätöity {kind} {id}: {path} (muutos {commit})",
    "Annullerad {kind} {id}: {path} (ändring {commit})",
    "Annulled {kind} {id}: {path} (commit {commit})",
)
RESTORED = T(
    "Palautettu {kind} {id}: {path} (muutos {commit})",
    "Återställd {kind} {id}: {path} (ändring {commit})",
    "Restored {kind} {id}: {path} (commit {commit})",
)
REMOVED = T(
    "Poistettu {kind} {id}: {path} (muutos {commit})",
    "Borttagen {kind} {id}: {path} (ändring {commit})",
    "Removed {kind} {id}: {path} (commit {commit})",
)
WARNING_LINE = T("varoitus: {text}", "varning: {text}", "warning: {text}")
DRAFT_ABANDONED = T(
    "Luonnos hylättiin, mitään ei tallennettu.",
    "Utkastet övergavs; ingenting sparades.",
    "Draft abandoned; nothing was written.",
)
NO_CHANGES = T(
    "Ei muutoksia, mitään ei tallennettu.",
    "Inga ändringar; ingenting sparades.",
    "No changes; nothing was written.",
)
NOTHING_CHANGED_TO_COMMIT = T(
    "Muuttuneita tietuetiedostoja ei ole; ei tallennettavaa.",
    "Inga ändrade postfiler att spara.",
    "No changed record files to commit.",
)
NO_CHANGES_TO_COMMIT = T("Ei tallennettavia muutoksia.", "Inga ändringar att spara.", "No changes to commit.")
GIVE_FILES = T(
    "Anna lisättävät tietuetiedostot.",
    "Ange postfilerna som ska läggas till.",
    "Give the record files to add.",
)
PROBLEMS_NOTHING_WRITTEN = T(
    "{count}; mitään ei tallennettu:\n{lines}",
    "{count}; ingenting sparades:\n{lines}",
    "{count}; nothing was written:\n{lines}",
)
STAGED_PROBLEMS = T("{count} lisätyissä tietueissa", "{count} i köade poster", "{count} in staged records")
UNKNOWN_KIND = T(
    "Tuntematon tietueen laji '{kind}'{hint}. Lajit: {kinds}",
    "Okänd typ av post '{kind}'{hint}. Typer: {kinds}",
    "Unknown record kind '{kind}'{hint}. Kinds: {kinds}",
)
DID_YOU_MEAN = T(" – tarkoititko {value}?", " – menade du {value}?", " – did you mean {value}?")
CUSTOMER_NEEDED = T(
    "Anna --customer TUNNISTE: se tarvitaan kaikille muille lajeille kuin asiakkaalle.",
    "Ange --customer ID: det behövs för alla andra typer än kund.",
    "--customer ID is needed for every kind except customer.",
)
DRAFT_KEPT = T(
    "Keskeneräinen muokkaus tietueesta {id} on tallessa tiedostossa {draft}: tallenna se komennolla "
    "`koto add {draft}` tai poista tiedosto.",
    "En ofärdig redigering av {id} finns i {draft}: spara den med `koto add {draft}` eller ta bort filen.",
    "An unfinished edit of {id} is kept in {draft}: commit it with `koto add {draft}` or delete the file.",
)
EDIT_KEPT = T(
    "Muokkauksesi on tallessa: {draft}", "Din redigering finns kvar i {draft}", "Your edit is kept in {draft}"
)


def summary_line(files: int, records: int, errors: int, warnings: int, lang: str | None = None) -> str:
    """ "3 tiedostoa, 3 tietuetta: 1 virhe, 0 varoitusta" in the run's language (``validate``, ``check``)."""
    from kototieto.i18n import count

    return (
        f"{count(files, 'file', lang)}, {count(records, 'record', lang)}: "
        f"{count(errors, 'error', lang)}, {count(warnings, 'warning', lang)}"
    )


ERRORS_IN_FILES = T("{errors} {files}", "{errors} i {files}", "{errors} in {files}")


def errors_in_files(errors: int, files: int) -> Text:
    """ "2 virhettä 1 tiedostossa" as a text in three languages (the error of validate and check)."""
    from kototieto.i18n import count

    def one(lang: str) -> str:
        where = {
            "fi": f"{files} tiedostossa",
            "sv": count(files, "file", "sv"),
            "en": count(files, "file", "en"),
        }[lang]
        return ERRORS_IN_FILES.get(lang).format(errors=count(errors, "error", lang), files=where)

    return T(one("fi"), one("sv"), one("en"))


STATUS: dict[str, Text] = {}


def kind_name(kind: str) -> str:
    """The record kind's name in the run's language (the kind itself when unknown)."""
    from kototieto.model.catalogue import kind_label

    try:
        return kind_label(kind, current_lang())
    except KeyError:
        return kind


# ---------------------------------------------------------------- errors from main

INTERRUPTED = T("Keskeytetty.", "Avbrutet.", "Interrupted.")
ABORTED = T("Keskeytetty; mitään ei tehty.", "Avbrutet; ingenting gjordes.", "Aborted; nothing was done.")
UNEXPECTED = T(
    "Odottamaton virhe ({error}). Tiedot on kirjoitettu tiedostoon {log}; liitä se virheilmoitukseen. "
    "Komento --debug näyttää tiedot heti.",
    "Oväntat fel ({error}). Detaljerna finns i filen {log}; bifoga den till felrapporten. "
    "Med --debug visas de direkt.",
    "Unexpected error ({error}). The details are in {log}; attach it to the bug report. "
    "--debug shows them at once.",
)
NO_PERMISSION = T(
    "Ei oikeutta: {path}. Valitse kansio, johon sinulla on kirjoitusoikeus.",
    "Behörighet saknas: {path}. Välj en mapp där du har skrivrätt.",
    "Permission denied: {path}. Choose a folder you may write to.",
)
NO_SUCH_PATH = T(
    "Kansiota tai tiedostoa ei ole: {path}. Tarkista polku tai luo kansio ensin.",
    "Mappen eller filen finns inte: {path}. Kontrollera sökvägen eller skapa mappen först.",
    "No such file or folder: {path}. Check the path or create the folder first.",
)
DISK_FULL = T(
    "Levy on täynnä: {path}. Vapauta tilaa ja yritä uudelleen; mitään ei tallennettu.",
    "Disken är full: {path}. Frigör utrymme och försök igen; ingenting sparades.",
    "The disk is full: {path}. Free some space and try again; nothing was written.",
)
READ_ONLY = T(
    "Levy on vain luettava: {path}. Valitse toinen kansio.",
    "Disken är skrivskyddad: {path}. Välj en annan mapp.",
    "Read-only file system: {path}. Choose another folder.",
)
IS_A_FOLDER = T(
    "{path} on kansio, ei tiedosto.", "{path} är en mapp, inte en fil.", "{path} is a folder, not a file."
)
OS_ERROR = T("Tiedostovirhe: {path}: {error}", "Filfel: {path}: {error}", "File error: {path}: {error}")
MISSING_LIBRARY = T(
    "Järjestelmästä puuttuu kirjasto {library}, jota PDF-tiedostojen tekeminen tarvitsee. Asenna se "
    "(scripts/install-system-deps.sh) tai tee HTML-tiedosto: --format html.",
    "Systemet saknar biblioteket {library} som behövs för PDF-filer. Installera det "
    "(scripts/install-system-deps.sh) eller gör en HTML-fil: --format html.",
    "The system library {library} needed for PDF files is missing. Install it "
    "(scripts/install-system-deps.sh) or make an HTML file: --format html.",
)
GIT_ERROR = T("Git-virhe: {error}", "Git-fel: {error}", "Git error: {error}")

# ---------------------------------------------------------------- dates

BAD_DATE = T(
    "'{value}' ei ole päivämäärä. Kirjoita muodossa p.k.vvvv tai vvvv-kk-pp, esim. 2.12.2026.",
    "'{value}' är inget datum. Skriv d.m.åååå eller åååå-mm-dd, t.ex. 2.12.2026.",
    "'{value}' is not a date. Write d.m.yyyy or yyyy-mm-dd, e.g. 2.12.2026.",
)
DATE_METAVAR = T("P.K.VVVV", "D.M.ÅÅÅÅ", "D.M.YYYY")

#: English placeholder (argument name, click type name, option metavar) -> (fi, sv), in --help and in
#: usage errors (``cli/localise.py``); placeholders that read the same in every language (ID) are not listed.
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

# ---------------------------------------------------------------- help

GROUPS: dict[str, Text] = {
    "records": T("Tietueet", "Poster", "Records"),
    "repository": T("Tietovarasto", "Datakatalog", "Repository"),
    "printing": T("Tulostus", "Utskrift", "Printing"),
    "catalogue": T("Tietosisältö", "Datainnehåll", "Catalogue"),
    "consultation": T("Lausuntokierros", "Remissrunda", "Consultation"),
    "reports": T("Raportit", "Rapporter", "Reports"),
}
ROOT_HELP = T(
    "koto: Koto-Digi-kotoutumistiedot YAML-tiedostoina Gitissä, tulostettavat suunnitelmat ja "
    "tietosisältö.\n\nKieli: --lang, KOTO_LANG, koto.yaml tai järjestelmän kieli.",
    "koto: Koto-Digi-integrationsuppgifter som YAML-filer i Git, utskrivbara planer och datainnehåll."
    "\n\nSpråk: --lang, KOTO_LANG, koto.yaml eller systemets språk.",
    "koto: Koto-Digi integration records as YAML in Git, printable plans and a field catalogue."
    "\n\nLanguage: --lang, KOTO_LANG, koto.yaml or the system locale.",
)
EXAMPLE = T("esim.", "t.ex.", "e.g.")
HELP_LANG = T("Kieli (fi, sv, en).", "Språk (fi, sv, en).", "Language (fi, sv, en).")
HELP_REPO = T(
    "Tietovarasto (oletus: nykyinen kansio).",
    "Datakatalogen (standard: aktuell mapp).",
    "The data repository (default: the current folder).",
)
HELP_COMMENTS_FOLDER = T(
    "Lausuntokierroksen kommenttikansio (round.yaml ja threads/).",
    "Remissrundans kommentarmapp (round.yaml och threads/).",
    "The consultation round's comments folder (round.yaml + threads/).",
)
HELP_JSON = T("Tulosta JSON skripteille.", "Skriv ut JSON för skript.", "Print JSON for scripts.")
HELP_DEBUG = T(
    "Näytä odottamattomien virheiden tiedot (traceback).",
    "Visa detaljerna (traceback) för oväntade fel.",
    "Show the traceback of unexpected errors.",
)
HELP_VERSION = T("Näytä versio.", "Visa versionen.", "Show the version and exit.")
HELP_AUTHOR = T(
    "'Nimi <sähköposti>' (oletus: koto profile tai git config).",
    "'Namn <e-post>' (standard: koto profile eller git config).",
    "'Name <email>' (default: koto profile or git config).",
)
HELP_MESSAGE = T("Muutoksen kuvaus.", "Beskrivning av ändringen.", "Description of the change.")

# ---------------------------------------------------------------- click's own texts

CLICK: dict[str, Text] = {
    "Usage:": T("Käyttö:", "Användning:", "Usage:"),
    "Options": T("Valitsimet", "Flaggor", "Options"),
    "Commands": T("Komennot", "Kommandon", "Commands"),
    "Positional arguments": T("Argumentit", "Argument", "Positional arguments"),
    "Show this message and exit.": T(
        "Näytä tämä ohje.", "Visa den här hjälpen.", "Show this message and exit."
    ),
    "Show the version and exit.": T("Näytä versio.", "Visa versionen.", "Show the version and exit."),
    "Error: {message}": T("Virhe: {message}", "Fel: {message}", "Error: {message}"),
    "Try '{command} {option}' for help.": T(
        "Ohje: '{command} {option}'.", "Hjälp: '{command} {option}'.", "Try '{command} {option}' for help."
    ),
    "Missing argument": T("Argumentti puuttuu", "Argument saknas", "Missing argument"),
    "Missing option": T("Valitsin puuttuu", "Flagga saknas", "Missing option"),
    "Missing parameter": T("Parametri puuttuu", "Parameter saknas", "Missing parameter"),
    "Missing {param_type}": T("Puuttuu: {param_type}", "Saknas: {param_type}", "Missing {param_type}"),
    "Missing parameter: {param_name}": T(
        "Parametri puuttuu: {param_name}", "Parameter saknas: {param_name}", "Missing parameter: {param_name}"
    ),
    "Missing command.": T("Komento puuttuu.", "Kommando saknas.", "Missing command."),
    "No such command {name!r}.": T(
        "Komentoa {name!r} ei ole.", "Kommandot {name!r} finns inte.", "No such command {name!r}."
    ),
    "No such option {name!r}.": T(
        "Valitsinta {name!r} ei ole.", "Flaggan {name!r} finns inte.", "No such option {name!r}."
    ),
    "Option {name!r} does not take a value.": T(
        "Valitsin {name!r} ei ota arvoa.",
        "Flaggan {name!r} tar inget värde.",
        "Option {name!r} does not take a value.",
    ),
    "Invalid value for {param_hint}: {message}": T(
        "Virheellinen arvo kohdassa {param_hint}: {message}",
        "Felaktigt värde för {param_hint}: {message}",
        "Invalid value for {param_hint}: {message}",
    ),
    "Invalid value: {message}": T(
        "Virheellinen arvo: {message}", "Felaktigt värde: {message}", "Invalid value: {message}"
    ),
    "Aborted!": T("Keskeytetty.", "Avbrutet.", "Aborted!"),
    "Do you want to continue?": T("Jatketaanko?", "Vill du fortsätta?", "Do you want to continue?"),
    "default: {default}": T("oletus: {default}", "standard: {default}", "default: {default}"),
    "{value!r} is not a valid {number_type}.": T(
        "{value!r} ei ole kelvollinen luku ({number_type}).",
        "{value!r} är inte ett giltigt tal ({number_type}).",
        "{value!r} is not a valid {number_type}.",
    ),
    "{value} is not in the range {range}.": T(
        "{value} ei ole välillä {range}.",
        "{value} ligger inte i intervallet {range}.",
        "{value} is not in the range {range}.",
    ),
    "{name} {filename!r} does not exist.": T(
        "{name} {filename!r} ei ole olemassa.",
        "{name} {filename!r} finns inte.",
        "{name} {filename!r} does not exist.",
    ),
    "{name} {filename!r} is a directory.": T(
        "{name} {filename!r} on kansio.",
        "{name} {filename!r} är en mapp.",
        "{name} {filename!r} is a directory.",
    ),
    "{name} {filename!r} is a file.": T(
        "{name} {filename!r} on tiedosto.", "{name} {filename!r} är en fil.", "{name} {filename!r} is a file."
    ),
    "{name} {filename!r} is not writable.": T(
        "{name} {filename!r}: ei kirjoitusoikeutta.",
        "{name} {filename!r}: skrivrätt saknas.",
        "{name} {filename!r} is not writable.",
    ),
    "{name} {filename!r} is not readable.": T(
        "{name} {filename!r}: ei lukuoikeutta.",
        "{name} {filename!r}: läsrätt saknas.",
        "{name} {filename!r} is not readable.",
    ),
    "Could not open file {filename!r}: {message}": T(
        "Tiedostoa {filename!r} ei voi avata: {message}",
        "Filen {filename!r} kan inte öppnas: {message}",
        "Could not open file {filename!r}: {message}",
    ),
    "required": T("pakollinen", "obligatorisk", "required"),
    "file": T("Tiedosto", "Filen", "File"),
    "directory": T("Kansio", "Mappen", "Directory"),
    "path": T("Polku", "Sökvägen", "Path"),
    # ngettext singular/plural keys
    "Got unexpected extra argument ({args})": T(
        "Ylimääräinen argumentti ({args})",
        "Oväntat extra argument ({args})",
        "Got unexpected extra argument ({args})",
    ),
    "Got unexpected extra arguments ({args})": T(
        "Ylimääräisiä argumentteja ({args})",
        "Oväntade extra argument ({args})",
        "Got unexpected extra arguments ({args})",
    ),
    "Option {name!r} requires an argument.": T(
        "Valitsin {name!r} tarvitsee arvon.",
        "Flaggan {name!r} behöver ett värde.",
        "Option {name!r} requires an argument.",
    ),
    "Option {name!r} requires {nargs} arguments.": T(
        "Valitsin {name!r} tarvitsee {nargs} arvoa.",
        "Flaggan {name!r} behöver {nargs} värden.",
        "Option {name!r} requires {nargs} arguments.",
    ),
    "{value!r} is not {choice}.": T(
        "{value!r} ei ole {choice}.", "{value!r} är inte {choice}.", "{value!r} is not {choice}."
    ),
    "{value!r} is not one of {choices}.": T(
        "{value!r} ei ole mikään näistä: {choices}.",
        "{value!r} är inte något av: {choices}.",
        "{value!r} is not one of {choices}.",
    ),
    "Did you mean {possibility}?": T(
        "Tarkoititko {possibility}?", "Menade du {possibility}?", "Did you mean {possibility}?"
    ),
    "(Did you mean one of: {possibilities}?)": T(
        "(Tarkoititko jotain näistä: {possibilities}?)",
        "(Menade du något av: {possibilities}?)",
        "(Did you mean one of: {possibilities}?)",
    ),
}


def _gettext(message: str) -> str:
    text = CLICK.get(message)
    return text.get(current_lang()) if text is not None else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install_click_translations() -> None:
    """Make click's own texts follow the run's language (idempotent)."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    lang = current_lang()
    names = {"fi": ("teksti", "kokonaisluku"), "sv": ("text", "heltal"), "en": ("text", "integer")}
    click.types.STRING.name, click.types.INT.name = names.get(lang, names["en"])
    # "'x' is not a valid integer range." -> "... kokonaisluku" (IntRange's name is a class attribute)
    click.types.IntRange.name = {"fi": "kokonaisluku", "sv": "heltal"}.get(lang, "integer range")
    for module in (
        click.core,
        click.decorators,
        click.exceptions,
        click.formatting,
        click.parser,
        click.types,
    ):
        if hasattr(module, "_"):
            module._ = _gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext  # type: ignore[attr-defined]


STATUS.update(
    {
        "Added": ADDED,
        "Committed": COMMITTED,
        "Updated": UPDATED,
        "Annulled": ANNULLED,
        "Restored": RESTORED,
        "Removed": REMOVED,
    }
)


def _h(fi: str, sv: str) -> tuple[str, str]:
    return fi, sv


#: Option help texts written in English in the command modules -> (fi, sv). Applied to every
#: command's options when the run's language is fi or sv (``cli/localise.py``).
OPTION_HELP: dict[str, tuple[str, str]] = {
    "'Name <email>' (default: git config user).": _h(
        "'Nimi <sähköposti>' (oletus: koto profile, sitten git config).",
        "'Namn <e-post>' (standard: koto profile, sedan git config).",
    ),
    "'Name <email>' (default: koto profile, then git config).": _h(
        "'Nimi <sähköposti>' (oletus: koto profile, sitten git config).",
        "'Namn <e-post>' (standard: koto profile, sedan git config).",
    ),
    "Author of the first commit: 'Name <email>'.": _h(
        "Ensimmäisen muutoksen tekijä: 'Nimi <sähköposti>'.",
        "Den första ändringens författare: 'Namn <e-post>'.",
    ),
    "Also make the shared repository (origin) and push: a new bare repository in PATH (a shared "
    "drive), or an empty repository at a Git host's URL. Colleagues: git clone PATH|URL, koto upgrade.": _h(
        "Tee myös yhteinen varasto (origin) ja lähetä sinne: uusi paljas Git-varasto kansioon POLKU "
        "(yhteinen levy) tai tyhjä varasto Git-palvelun osoitteessa URL. Kollegat: git clone POLKU|URL, "
        "koto upgrade.",
        "Skapa också det gemensamma förrådet (origin) och skicka dit: ett nytt tomt Git-förråd i mappen "
        "SÖKVÄG (en delad disk) eller ett tomt förråd på en Git-tjänsts adress URL. Kolleger: git clone "
        "SÖKVÄG|URL, koto upgrade.",
    ),
    "Author of the upgrade commit: 'Name <email>'.": _h(
        "Päivitysmuutoksen tekijä: 'Nimi <sähköposti>'.", "Uppgraderingens författare: 'Namn <e-post>'."
    ),
    "Commit message (default: 'Add/Update KIND ID').": _h(
        "Muutoksen kuvaus (oletus: laji, tunniste ja muuttuneet kentät).",
        "Beskrivning av ändringen (standard: typ, id och ändrade fält).",
    ),
    "Delete the kept draft of ID.": _h(
        "Poista tunnisteen ID tallessa oleva luonnos.", "Ta bort det sparade utkastet av ID."
    ),
    "Do not ask for confirmation (also needed with --json in scripts).": _h(
        "Älä kysy vahvistusta (tarvitaan myös --jsonin kanssa skripteissä).",
        "Fråga inte om bekräftelse (behövs också med --json i skript).",
    ),
    "Editor command (default: $VISUAL or $EDITOR).": _h(
        "Editori (oletus: $VISUAL, $EDITOR, nano tai vi).",
        "Editor (standard: $VISUAL, $EDITOR, nano eller vi).",
    ),
    "Get out of the merge in progress (undo it); nothing is pushed.": _h(
        "Peru kesken oleva yhdistäminen; mitään ei lähetetä.",
        "Avbryt den pågående sammanslagningen; inget skickas.",
    ),
    "How many customers.": _h("Asiakkaiden määrä.", "Antal kunder."),
    "Organisation type.": _h("Organisaation tyyppi.", "Organisationens typ."),
    "Last date a record may carry (default: today).": _h(
        "Viimeinen päivä, jolle tietue voi osua (oletus: tänään).",
        "Sista dag en post kan ha (standard: i dag).",
    ),
    "Only validate staged record files (pre-commit hook).": _h(
        "Tarkista vain lisätyt tietuetiedostot (tallennusta edeltävä tarkistus).",
        "Kontrollera bara köade postfiler (kontrollen före sparande).",
    ),
    "Open the kept draft of a new KIND record (the one given with --id, or the only one).": _h(
        "Avaa uuden tietueen tallessa oleva luonnos (--id:n mukainen tai ainoa).",
        "Öppna det sparade utkastet av en ny post (det med --id eller det enda).",
    ),
    "Organisation code, e.g. 091.": _h("Organisaation koodi, esim. 091.", "Organisationens kod, t.ex. 091."),
    "Organisation name (default: the official name from the classification).": _h(
        "Organisaation nimi (oletus: virallinen nimi luokituksesta).",
        "Organisationens namn (standard: det officiella namnet ur klassificeringen).",
    ),
    "Parse and check every file again (and do not update the cache).": _h(
        "Lue ja tarkista kaikki tiedostot uudelleen (välimuistia ei päivitetä).",
        "Läs och kontrollera alla filer på nytt (cachen uppdateras inte).",
    ),
    "Record everything in this municipality.": _h(
        "Kirjaa kaikki tähän kuntaan.", "Registrera allt i denna kommun."
    ),
    "Record id (default: a new id).": _h(
        "Tietueen tunniste (oletus: uusi).", "Postens id (standard: ett nytt)."
    ),
    "Replace an existing record with other content (the field changes are shown).": _h(
        "Korvaa olemassa oleva tietue (muuttuvat kentät näytetään).",
        "Ersätt en befintlig post (de ändrade fälten visas).",
    ),
    "The customer id (omit for a new customer record).": _h(
        "Asiakkaan tunniste (ei uudelle asiakkaalle).", "Kundens id (inte för en ny kund)."
    ),
    "The day of the annulment (default: today).": _h(
        "Mitätöinnin päivä, esim. 2.12.2026 (oletus: tänään).",
        "Annulleringens datum, t.ex. 2.12.2026 (standard: i dag).",
    ),
    "The version number from `koto log ID`.": _h(
        "Versio komennon `koto log ID` mukaan.", "Versionen enligt `koto log ID`."
    ),
    "Why (kept in the erasure log: no personal data).": _h(
        "Syy (säilytetään poistolokissa: ei henkilötietoja).",
        "Skäl (sparas i raderingsloggen: inga personuppgifter).",
    ),
    "Why the record is annulled.": _h("Miksi tietue mitätöidään.", "Varför posten annulleras."),
    "Worker processes (0: one per CPU).": _h(
        "Rinnakkaiset prosessit (0: yksi suoritinta kohden).", "Parallella processer (0: en per processor)."
    ),
    "Worker processes (default: every core).": _h(
        "Rinnakkaiset prosessit (oletus: kaikki ytimet).", "Parallella processer (standard: alla kärnor)."
    ),
    "Same seed, same records.": _h("Sama siemen, samat tietueet.", "Samma frö, samma poster."),
    "Description of the change.": _h("Muutoksen kuvaus.", "Beskrivning av ändringen."),
    "Commit message.": _h("Muutoksen kuvaus.", "Beskrivning av ändringen."),
    "Report as on this day (2.12.2026 or 2026-12-02; default: today).": _h(
        "Raportti tämän päivän mukaan (2.12.2026 tai 2026-12-02; oletus: tänään).",
        "Rapporten per denna dag (2.12.2026 eller 2026-12-02; standard: i dag).",
    ),
    "Look ahead N days.": _h("Katso N päivää eteenpäin.", "Se N dagar framåt."),
    "Output file ('-' for stdout). Default: ID.LANG.FORMAT here.": _h(
        "Tiedosto ('-' tulostaa näytölle). Oletus: ID.KIELI.MUOTO tähän kansioon.",
        "Fil ('-' skriver ut på skärmen). Standard: ID.SPRÅK.FORMAT i denna mapp.",
    ),
    "Output format.": _h("Tiedostomuoto.", "Filformat."),
    "ID is a customer: print all their records, newest first.": _h(
        "ID on asiakas: tulosta kaikki hänen tietueensa, uusin ensin.",
        "ID är en kund: skriv ut alla kundens poster, den nyaste först.",
    ),
    "Hide the individual part of the identity code.": _h(
        "Piilota henkilötunnuksen yksilöosa.", "Dölj personbeteckningens individuella del."
    ),
    "Your name (default: koto profile, then git config).": _h(
        "Nimesi (oletus: koto profile, sitten git config).",
        "Ditt namn (standard: koto profile, sedan git config).",
    ),
    "Your organisation.": _h("Organisaatiosi.", "Din organisation."),
    "Your organisation (one of the round's; any case).": _h(
        "Organisaatiosi (yksi kierroksen organisaatioista).", "Din organisation (en av rundans)."
    ),
    "The comment.": _h("Kommentti.", "Kommentaren."),
    "The reply.": _h("Vastaus.", "Svaret."),
    "Print JSON for scripts.": _h("Tulosta JSON skripteille.", "Skriv ut JSON för skript."),
    # Less-used commands (aggregate, catalogue, comment, demo, export, extension, generate, import,
    # render, report, resolve, schema, serve, site, sync).
    "The DuckDB file to write.": _h("Kirjoitettava DuckDB-tiedosto.", "DuckDB-filen som skrivs."),
    "Where the Parquet exports go (default: OUT.parquet/<organisation>/).": _h(
        "Parquet-viennien kansio (oletus: TIEDOSTO.parquet/<organisaatio>/, kun --out on TIEDOSTO).",
        "Mappen för Parquet-exporterna (standard: FIL.parquet/<organisation>/ när --out är FIL).",
    ),
    "Print the whole catalogue as one JSON document.": _h(
        "Tulosta koko tietosisältö yhtenä JSON-dokumenttina.",
        "Skriv ut hela datainnehållet som ett JSON-dokument.",
    ),
    "Include a pilot data repository's extension fields, marked as local (--data: the old name).": _h(
        "Ota mukaan kokeilun tietovaraston omat kentät paikallisina (--data: vanha nimi).",
        "Ta med en pilotdatakatalogs egna fält, märkta som lokala (--data: det gamla namnet).",
    ),
    "Print the changes as JSON.": _h("Tulosta muutokset JSON-muodossa.", "Skriv ut ändringarna som JSON."),
    "Catalogue export to compare with (default: the last published snapshot).": _h(
        "Tietosisällön vienti, johon verrataan (oletus: viimeisin julkaistu tilannekuva).",
        "Export av datainnehållet att jämföra med (standard: den senast publicerade ögonblicksbilden).",
    ),
    "Write to a file.": _h("Kirjoita tiedostoon.", "Skriv till en fil."),
    "A proposed new text for the definition.": _h(
        "Ehdotettu uusi teksti määritelmäksi.", "Ett förslag till ny text för definitionen."
    ),
    "A pilot data repository whose extension fields may be commented (default: the one here).": _h(
        "Kokeilun tietovarasto, jonka omia kenttiä voi kommentoida (oletus: tämä kansio).",
        "En pilotdatakatalog vars egna fält kan kommenteras (standard: det här).",
    ),
    "The comments folder (round.yaml + threads/).": _h(
        "Kommenttikansio (round.yaml ja threads/).", "Kommentarmappen (round.yaml och threads/)."
    ),
    "Set the thread's status (default: answered).": _h(
        "Keskustelun tila (oletus: answered eli vastattu).", "Trådens status (standard: answered, besvarad)."
    ),
    "The decision.": _h("Päätös.", "Beslutet."),
    "The reasoned answer.": _h("Perusteltu vastaus.", "Det motiverade svaret."),
    "Who decided (default: koto profile, then git config).": _h(
        "Päätöksen tekijä (oletus: koto profile, sitten git config).",
        "Den som beslutade (standard: koto profile, sedan git config).",
    ),
    "The deciding organisation.": _h("Päättävä organisaatio.", "Den beslutande organisationen."),
    "Only threads with this status.": _h(
        "Vain keskustelut, joiden tila on tämä.", "Bara trådar med denna status."
    ),
    "Only threads whose field is no longer in the catalogue.": _h(
        "Vain keskustelut, joiden kenttää ei enää ole tietosisällössä.",
        "Bara trådar vars fält inte längre finns i datainnehållet.",
    ),
    "File format.": _h("Tiedostomuoto.", "Filformat."),
    "File to write.": _h("Kirjoitettava tiedosto.", "Filen som skrivs."),
    "First day for comments (YYYY-MM-DD).": _h(
        "Kommentoinnin ensimmäinen päivä (VVVV-KK-PP).", "Första dagen för kommentarer (ÅÅÅÅ-MM-DD)."
    ),
    "Last day for comments (YYYY-MM-DD).": _h(
        "Kommentoinnin viimeinen päivä (VVVV-KK-PP).", "Sista dagen för kommentarer (ÅÅÅÅ-MM-DD)."
    ),
    "Participating organisation (repeat, or comma-separated).": _h(
        "Osallistuva organisaatio (toista valitsin tai erota pilkuin).",
        "Deltagande organisation (upprepa flaggan eller separera med kommatecken).",
    ),
    "The catalogue version under comment (default: the current one).": _h(
        "Lausunnolla oleva tietosisällön versio (oletus: nykyinen).",
        "Den version av datainnehållet som är på remiss (standard: den nuvarande).",
    ),
    "E-mail address the site's comment links write to.": _h(
        "Sähköpostiosoite, johon sivuston kommenttilinkit kirjoittavat.",
        "E-postadressen som webbplatsens kommentarlänkar skriver till.",
    ),
    "Issue URL template for comment links ({path}, {title}, {body}, ...).": _h(
        "Kommenttilinkkien URL-pohja ({path}, {title}, {body} ...).",
        "URL-mall för kommentarlänkarna ({path}, {title}, {body} ...).",
    ),
    "The demo's today (YYYY-MM-DD; default: today).": _h(
        "Esittelyaineiston päivä (VVVV-KK-PP; oletus: tänään).",
        "Demonstrationens dag (ÅÅÅÅ-MM-DD; standard: i dag).",
    ),
    "Skip the catalogue site (faster).": _h(
        "Jätä tietosisällön sivusto rakentamatta (nopeampi).",
        "Bygg inte datainnehållets webbplats (snabbare).",
    ),
    "Only this record kind (repeatable; default: all).": _h(
        "Vain tämä tietuelaji (voi toistaa; oletus: kaikki).",
        "Bara denna posttyp (kan upprepas; standard: alla).",
    ),
    "Folder to write into.": _h("Kansio, johon kirjoitetaan.", "Mappen som skrivs till."),
    "spreadsheet: BOM, ';' and decimal comma for fi/sv, d.m.yyyy dates; plain: ',', ISO dates.": _h(
        "spreadsheet: BOM, ';' ja desimaalipilkku (fi/sv), päivät p.k.vvvv; plain: ',', ISO-päivät.",
        "spreadsheet: BOM, ';' och decimalkomma (fi/sv), datum d.m.åååå; plain: ',', ISO-datum.",
    ),
    "Include annulled records.": _h("Ota mukaan mitätöidyt tietueet.", "Ta med annullerade poster."),
    "Keep names, identity codes and customer ids (only when the recipient may process them; see README).": _h(
        "Säilytä nimet, henkilötunnukset ja asiakastunnisteet (vain jos vastaanottaja saa käsitellä niitä; "
        "ks. README).",
        "Behåll namn, personbeteckningar och kund-id (bara om mottagaren får behandla dem; se README).",
    ),
    "Move the values to this extension field.": _h(
        "Siirrä arvot tähän omaan kenttään.", "Flytta värdena till detta egna fält."
    ),
    "Keep the values in the records as history.": _h(
        "Säilytä arvot tietueissa historiatietona.", "Behåll värdena i posterna som historik."
    ),
    "Language of the text (default: the run's language, as every command).": _h(
        "Tekstin kieli (oletus: ajon kieli, kuten kaikissa komennoissa).",
        "Textens språk (standard: körningens språk, som i alla kommandon).",
    ),
    "Consultation comments folder (default: comments/ in the repository, if there).": _h(
        "Lausuntokierroksen kommenttikansio (oletus: tietovaraston comments/, jos se on).",
        "Remissrundans kommentarmapp (standard: comments/ i datakatalogen, om den finns).",
    ),
    "Folder to write customers/<shard>/<customer>/<record>.yaml into (e.g. a repository).": _h(
        "Kansio, johon customers/<shard>/<customer>/<record>.yaml kirjoitetaan (esim. tietovarasto).",
        "Mappen där customers/<shard>/<customer>/<record>.yaml skrivs (t.ex. en datakatalog).",
    ),
    "Perfect data: no deliberate late reviews or unrecorded items (no warnings).": _h(
        "Virheetön aineisto: ei tahallisesti myöhästyneitä tarkistuksia eikä kirjaamattomia kohtia "
        "(ei varoituksia).",
        "Felfria data: inga avsiktligt försenade uppföljningar eller oregistrerade punkter (inga varningar).",
    ),
    "The .xlsx file.": _h("Xlsx-tiedosto.", "Xlsx-filen."),
    "Record kind of the rows.": _h("Rivien tietuelaji.", "Radernas posttyp."),
    "Mapping file (YAML).": _h("Sarakkeiden vastaavuustiedosto (YAML).", "Fil med kolumnmappning (YAML)."),
    "Check every row and show the fill rates; write nothing.": _h(
        "Tarkista kaikki rivit ja näytä täyttöasteet; mitään ei kirjoiteta.",
        "Kontrollera alla rader och visa fyllnadsgraderna; ingenting skrivs.",
    ),
    "Write the valid rows; the rest go to a rejects file.": _h(
        "Kirjoita kelvolliset rivit; muut hylättyjen tiedostoon.",
        "Skriv de giltiga raderna; resten går till en fil med avvisade rader.",
    ),
    "'Name <email>' of the official (default: git config user).": _h(
        "Virkailijan 'Nimi <sähköposti>' (oletus: git config).",
        "Handläggarens 'Namn <e-post>' (standard: git config).",
    ),
    "Problem report .xlsx (default: FILE.problems.xlsx when there are problems).": _h(
        "Ongelmaraportti .xlsx (oletus: LÄHDE.problems.xlsx, jos ongelmia on).",
        "Problemrapport .xlsx (standard: KÄLLA.problems.xlsx om det finns problem).",
    ),
    "Language (repeat with --all).  [default: fi]": _h(
        "Kieli (voi toistaa --all-valitsimen kanssa).  [oletus: fi]",
        "Språk (kan upprepas med --all).  [standard: fi]",
    ),
    "Print whether the person is a victim of human trafficking (left out by default: the paper may "
    "leave the office).": _h(
        "Tulosta, onko henkilö ihmiskaupan uhri (oletuksena ei: paperi voi lähteä toimistosta).",
        "Skriv ut om personen är offer för människohandel (utelämnas som standard: pappret kan lämna "
        "kontoret).",
    ),
    "PDF variant (PDF/A for archiving).": _h(
        "PDF-muunnelma (PDF/A arkistointiin).", "PDF-variant (PDF/A för arkivering)."
    ),
    "Logo image (default: templates/logo.png in the repository).": _h(
        "Logokuva (oletus: tietovaraston templates/logo.png).",
        "Logotypbild (standard: templates/logo.png i datakatalogen).",
    ),
    "Render every record of the repository into --out.": _h(
        "Tulosta tietovaraston kaikki tietueet --out-kansioon.",
        "Skriv ut alla poster i datakatalogen till --out.",
    ),
    "Output folder for --all.": _h("Kohdekansio --all-valitsimelle.", "Målmapp för --all."),
    "With --all: only these record kinds (repeatable).": _h(
        "--all-valitsimen kanssa: vain nämä tietuelajit (voi toistaa).",
        "Med --all: bara dessa posttyper (kan upprepas).",
    ),
    "With --all: worker processes (default: all cores).": _h(
        "--all-valitsimen kanssa: rinnakkaiset prosessit (oletus: kaikki ytimet).",
        "Med --all: parallella processer (standard: alla kärnor).",
    ),
    "Leave the customers' names out (ids only).": _h(
        "Jätä asiakkaiden nimet pois (vain tunnisteet).", "Utelämna kundernas namn (bara id)."
    ),
    "Write every table (or --table) as a sheet of this .xlsx file.": _h(
        "Kirjoita kaikki taulukot (tai --table) tämän xlsx-tiedoston välilehdiksi.",
        "Skriv alla tabeller (eller --table) som blad i denna xlsx-fil.",
    ),
    "spreadsheet: BOM, headers in --lang, ';' and decimal comma for fi/sv; plain: keys, ','.": _h(
        "spreadsheet: BOM, otsikot --lang-kielellä, ';' ja desimaalipilkku (fi/sv); plain: avaimet, ','.",
        "spreadsheet: BOM, rubriker på --lang, ';' och decimalkomma (fi/sv); plain: nycklar, ','.",
    ),
    "spreadsheet: BOM, headers in --lang, ';' for fi/sv, status word and code; plain: keys, ',', codes.": _h(
        "spreadsheet: BOM, otsikot --lang-kielellä, ';' (fi/sv), tila sanana ja koodina; plain: avaimet, "
        "',', koodit.",
        "spreadsheet: BOM, rubriker på --lang, ';' (fi/sv), status som ord och kod; plain: nycklar, ',', "
        "koder.",
    ),
    "The table --csv prints (default: the first).": _h(
        "Taulukko, jonka --csv tulostaa (oletus: ensimmäinen).",
        "Tabellen som --csv skriver ut (standard: den första).",
    ),
    "Print one table as CSV (see --table).": _h(
        "Tulosta yksi taulukko CSV-muodossa (ks. --table).", "Skriv ut en tabell som CSV (se --table)."
    ),
    "Read the working tree's record files (default: the branch head, as every report).": _h(
        "Lue työkansion tietuetiedostot (oletus: haaran viimeisin versio, kuten kaikissa raporteissa).",
        "Läs arbetskatalogens postfiler (standard: grenens senaste version, som i alla rapporter).",
    ),
    "Run over a database of several pilots made by `koto aggregate` (fill-rates, stats, completeness).": _h(
        "Aja komennolla `koto aggregate` kootusta usean kokeilun tietokannasta (fill-rates, stats, "
        "completeness).",
        "Kör över en databas med flera piloter, gjord med `koto aggregate` (fill-rates, stats, completeness).",
    ),
    "Records dated from this day (YYYY-MM-DD; default: the obligation date, 2027-01-01).": _h(
        "Tietueet tästä päivästä alkaen (VVVV-KK-PP; oletus: velvoitteen alkamispäivä 2027-01-01).",
        "Poster från denna dag (ÅÅÅÅ-MM-DD; standard: skyldighetens startdag 2027-01-01).",
    ),
    "... up to this day (YYYY-MM-DD).": _h(
        "... tähän päivään asti (VVVV-KK-PP).", "... till och med denna dag (ÅÅÅÅ-MM-DD)."
    ),
    "ours, theirs, or a FILE holding the settled record.": _h(
        "ours (oma), theirs (toisen) tai TIEDOSTO, jossa on ratkaistu tietue.",
        "ours (egen), theirs (den andras) eller en FIL med den lösta posten.",
    ),
    "Settle one conflicting field (repeatable); --take ours|theirs settles the rest.": _h(
        "Ratkaise yksi ristiriitainen kenttä (voi toistaa); --take ours|theirs ratkaisee loput.",
        "Lös ett motstridigt fält (kan upprepas); --take ours|theirs löser resten.",
    ),
    "Language of titles.": _h("Otsikoiden kieli.", "Rubrikernas språk."),
    "Language of the paper.": _h("Muistion kieli.", "Underlagets språk."),
    "Type the extensions of a pilot data repository's own fields too (--data: the old name).": _h(
        "Ota mukaan myös kokeilun tietovaraston omat kentät (--data: vanha nimi).",
        "Ta också med en pilotdatakatalogs egna fält (--data: det gamla namnet).",
    ),
    "Port (0: any free one).": _h("Portti (0: mikä tahansa vapaa).", "Port (0: valfri ledig)."),
    "Default language.": _h("Oletuskieli.", "Standardspråk."),
    "Behind an authenticating reverse proxy: take the user from this header (e.g. X-Remote-User).": _h(
        "Tunnistavan käänteisvälityspalvelimen takana: käyttäjä tästä otsakkeesta (esim. X-Remote-User).",
        "Bakom en autentiserande omvänd proxy: ta användaren från detta huvud (t.ex. X-Remote-User).",
    ),
    "Peer address the user header is accepted from (repeatable).": _h(
        "Osoite, jolta käyttäjäotsake hyväksytään (voi toistaa).",
        "Adress som användarhuvudet godtas från (kan upprepas).",
    ),
    "Extra Host header value to accept (repeatable).": _h(
        "Lisäksi hyväksyttävä Host-otsakkeen arvo (voi toistaa).",
        "Ytterligare godtaget värde för Host-huvudet (kan upprepas).",
    ),
    "Consultation round folder for the reviewer pages (default: REPO/comments or REPO/../comments).": _h(
        "Lausuntokierroksen kansio lausunnonantajan sivuille (oletus: TIETOVARASTO/comments tai "
        "TIETOVARASTO/../comments).",
        "Remissrundans mapp för remissinstansernas sidor (standard: DATAKATALOG/comments eller "
        "DATAKATALOG/../comments).",
    ),
    "Output folder.": _h("Kohdekansio.", "Målmapp."),
    "A pilot data repository: show each field's fill rate.": _h(
        "Kokeilun tietovarasto: näytä kunkin kentän täyttöaste.",
        "En pilotdatakatalog: visa varje fälts fyllnadsgrad.",
    ),
    "A comments folder (round.yaml + threads/): show comments under their fields.": _h(
        "Kommenttikansio (round.yaml ja threads/): näytä kommentit kenttiensä alla.",
        "En kommentarmapp (round.yaml och threads/): visa kommentarerna under sina fält.",
    ),
    "Languages to build (default: fi, sv, en).": _h(
        "Rakennettavat kielet (oletus: fi, sv, en).", "Språk som byggs (standard: fi, sv, en)."
    ),
    "Issue URL template for 'comment on this field' ({path}, {label}, {title}, {body}, {lang}).": _h(
        "Kommentoi kenttää -linkin URL-pohja ({path}, {label}, {title}, {body}, {lang}).",
        "URL-mall för länken Kommentera fältet ({path}, {label}, {title}, {body}, {lang}).",
    ),
    "E-mail address for mailto: comment links (default: the round's contact).": _h(
        "Sähköpostiosoite mailto-kommenttilinkeille (oletus: kierroksen yhteysosoite).",
        "E-postadress för mailto-kommentarlänkar (standard: rundans kontaktadress).",
    ),
    "Keep the generated Markdown in this folder.": _h(
        "Säilytä tuotettu Markdown tässä kansiossa.", "Behåll den genererade Markdown-koden i denna mapp."
    ),
    "Parallel mkdocs builds (default: CPU count).": _h(
        "Rinnakkaiset mkdocs-ajot (oletus: suorittimien määrä).",
        "Parallella mkdocs-byggen (standard: antal processorer).",
    ),
    "The date the key figures are counted on (default: today).": _h(
        "Päivä, jonka mukaan tunnusluvut lasketaan (oletus: tänään).",
        "Dagen som nyckeltalen räknas per (standard: i dag).",
    ),
    "Count the --data repository's working-tree files (default: its branch head, as the reports).": _h(
        "Laske --data-tietovaraston työkansion tiedostot (oletus: haaran viimeisin versio, kuten raporteissa).",
        "Räkna --data-katalogens filer i arbetskatalogen (standard: grenens senaste version, som rapporterna).",
    ),
    "Snapshot folder (default: the site package's snapshots/).": _h(
        "Tilannekuvien kansio (oletus: sivustopaketin snapshots/).",
        "Mapp för ögonblicksbilder (standard: webbplatspaketets snapshots/).",
    ),
    "A clone made before an erasure: start again from the remote's history, keeping your own changes.": _h(
        "Ennen poistoa tehty klooni: aloita alusta yhteisen varaston historiasta omat muutokset säilyttäen.",
        "En klon gjord före en radering: börja om från det gemensamma förrådets historik och behåll dina "
        "egna ändringar.",
    ),
}
