"""The ``koto`` command: a thin layer over the library.

Commands live one per module (``kototieto.cli.cmd_<name>``) and are imported only when called, so
``koto --help`` and every command start fast. Every library error is a ``KotoError``; this module
alone turns one into a message on stderr and a named exit code.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import click

from kototieto import __version__
from kototieto.cli import messages as M
from kototieto.cli.options import TextOption
from kototieto.errors import ExitCode, KotoError
from kototieto.i18n import LANGS, current_lang, set_lang, tr
from kototieto.model.text import T, Text

# command name -> (module under kototieto.cli, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "catalogue": ("cmd_catalogue", "catalogue", "The field catalogue: export, diff, change paper."),
    "schema": ("cmd_catalogue", "schema", "Print the JSON Schema of a record kind."),
    "generate": ("cmd_generate", "generate", "Write synthetic records in the repository layout."),
    "check": ("cmd_generate", "check", "Validate record files (no repository needed)."),
    "init": ("cmd_repo", "init", "Create a data repository."),
    "upgrade": ("cmd_repo", "upgrade", "Upgrade a data repository to this version's format."),
    "new": ("cmd_write", "new", "Draft a new record in $EDITOR and commit it when valid."),
    "add": ("cmd_write", "add", "Validate record files and commit them."),
    "commit": ("cmd_write", "commit_", "Validate and commit records edited in place."),
    "edit": ("cmd_write", "edit", "Edit a record in $EDITOR and commit it when valid."),
    "annul": ("cmd_write", "annul", "Annul a record (a new version; nothing is deleted)."),
    "restore": ("cmd_write", "restore", "Write an old version of a record as its newest version."),
    "rm": ("cmd_write", "rm", "Remove a record that has not been pushed (else: annul)."),
    "drafts": ("cmd_write", "drafts_", "List or discard the kept drafts of this clone."),
    "show": ("cmd_read", "show", "Show a record, now or at a revision."),
    "log": ("cmd_read", "log", "List the versions of a record."),
    "list": ("cmd_read", "list_", "Customers and their records."),
    "find": ("cmd_read", "find", "Find a customer by name, identity code or id."),
    "codes": ("cmd_read", "codes", "Print a code list."),
    "profile": ("cmd_profile", "profile", "Your own details (name, e-mail, phone)."),
    "config": ("cmd_profile", "config", "Change a koto.yaml setting and commit it."),
    "diff": ("cmd_read", "diff", "Field-level differences between two versions of a record."),
    "validate": ("cmd_validate", "validate", "Validate every record of a repository."),
    "sync": ("cmd_sync", "sync", "Pull from and push to a remote."),
    "merge-driver": ("cmd_sync", "merge_driver", "Git merge driver for records (used by Git)."),
    "conflicts": ("cmd_sync", "conflicts", "List records with unresolved field conflicts."),
    "resolve": ("cmd_sync", "resolve", "Settle a record conflict."),
    "erase": ("cmd_erase", "erase", "Erase one customer's records from the whole history."),
    "render": ("cmd_render", "render", "Render records to printable HTML, PDF or Markdown."),
    "site": ("cmd_site", "site", "Build the field catalogue site."),
    "comment": ("cmd_comment", "comment", "Consultation round comments on fields."),
    "report": ("cmd_report", "report", "Reports: due reviews, completeness, statistics, fill rates."),
    "demo": ("cmd_demo", "demo", "Build a demo repository and show everything the tool does."),
    "extension": ("cmd_extension", "extension", "Pilot extension fields and code lists."),
    "serve": ("cmd_serve", "serve", "The web app over a repository (local, with an access token)."),
    "export": ("cmd_export", "export", "Export records as flat tables (CSV, XLSX, Parquet, JSON Lines)."),
    "import": ("cmd_import", "import_", "Import records from a spreadsheet; write an import template."),
    "aggregate": (
        "cmd_aggregate",
        "aggregate",
        "Several repositories' pseudonymised data in one DuckDB database.",
    ),
}


#: Task group of each command in ``koto --help`` (a command not listed goes under "other").
COMMAND_GROUPS: dict[str, str] = {
    "new": "records",
    "edit": "records",
    "add": "records",
    "commit": "records",
    "annul": "records",
    "restore": "records",
    "show": "records",
    "log": "records",
    "diff": "records",
    "list": "records",
    "find": "records",
    "codes": "records",
    "profile": "records",
    "validate": "records",
    "check": "records",
    "init": "repository",
    "upgrade": "repository",
    "config": "repository",
    "sync": "repository",
    "conflicts": "repository",
    "resolve": "repository",
    "erase": "repository",
    "merge-driver": "repository",
    "generate": "repository",
    "demo": "repository",
    "import": "repository",
    "serve": "repository",
    "render": "printing",
    "catalogue": "catalogue",
    "schema": "catalogue",
    "site": "catalogue",
    "extension": "catalogue",
    "comment": "consultation",
    "report": "reports",
}

#: One-line help of each command in the three languages (falls back to COMMANDS' English line).
COMMAND_HELP: dict[str, Text] = {
    "catalogue": T(
        "Tietosisältö: vienti, vertailu, muutosmuistio.",
        "Datainnehållet: export, jämförelse, ändringsunderlag.",
        "The field catalogue: export, diff, change paper.",
    ),
    "schema": T(
        "Tulosta tietuelajin JSON Schema.",
        "Skriv ut en posttyps JSON Schema.",
        "Print the JSON Schema of a record kind.",
    ),
    "generate": T("Kirjoita synteettisiä tietueita.", "Skriv syntetiska poster.", "Write synthetic records."),
    "check": T(
        "Tarkista tietuetiedostot (ilman tietovarastoa).",
        "Kontrollera postfiler (utan datakatalog).",
        "Validate record files (no repository needed).",
    ),
    "init": T("Luo tietovarasto.", "Skapa en datakatalog.", "Create a data repository."),
    "upgrade": T(
        "Päivitä tietovaraston muoto.",
        "Uppgradera datakatalogens format.",
        "Upgrade a data repository to this version's format.",
    ),
    "new": T(
        "Kirjoita uusi tietue editorissa ja tallenna, kun se on kunnossa.",
        "Skriv en ny post i editorn och spara den när den är giltig.",
        "Draft a new record in your editor and commit it when valid.",
    ),
    "add": T(
        "Tarkista tietuetiedostot ja tallenna ne.",
        "Kontrollera postfiler och spara dem.",
        "Validate record files and commit them.",
    ),
    "commit": T(
        "Tarkista ja tallenna paikallaan muokatut tietueet.",
        "Kontrollera och spara poster som redigerats på plats.",
        "Validate and commit records edited in place.",
    ),
    "edit": T(
        "Muokkaa tietuetta editorissa ja tallenna.",
        "Redigera en post i editorn och spara.",
        "Edit a record in your editor and commit it when valid.",
    ),
    "annul": T(
        "Mitätöi tietue (uusi versio; mitään ei poisteta).",
        "Annullera en post (en ny version; inget raderas).",
        "Annul a record (a new version; nothing is deleted).",
    ),
    "restore": T(
        "Palauta tietueen vanha versio uusimmaksi.",
        "Återställ en gammal version som den nyaste.",
        "Write an old version of a record as its newest version.",
    ),
    "show": T("Näytä tietue tai asiakas.", "Visa en post eller en kund.", "Show a record or a customer."),
    "log": T("Tietueen versiot.", "Postens versioner.", "List the versions of a record."),
    "diff": T(
        "Tietueen kahden version erot kentittäin.",
        "Skillnader mellan två versioner fält för fält.",
        "Field-level differences between two versions of a record.",
    ),
    "validate": T(
        "Tarkista tietovaraston kaikki tietueet.",
        "Kontrollera alla poster i datakatalogen.",
        "Validate every record of a repository.",
    ),
    "sync": T(
        "Hae ja lähetä muutokset yhteiseen varastoon.",
        "Hämta och skicka ändringar till det gemensamma förrådet.",
        "Pull from and push to a remote.",
    ),
    "merge-driver": T(
        "Gitin yhdistämisapuri (Git käyttää).",
        "Gits sammanslagningshjälp (används av Git).",
        "Git merge driver for records (used by Git).",
    ),
    "conflicts": T(
        "Ratkaisemattomat ristiriidat.", "Olösta konflikter.", "List records with unresolved field conflicts."
    ),
    "resolve": T("Ratkaise tietueen ristiriita.", "Lös en posts konflikt.", "Settle a record conflict."),
    "erase": T(
        "Poista asiakkaan tiedot koko historiasta.",
        "Radera en kunds poster ur hela historiken.",
        "Erase one customer's records from the whole history.",
    ),
    "render": T(
        "Tulosta tietueet PDF-, HTML- tai Markdown-muotoon.",
        "Skriv ut poster som PDF, HTML eller Markdown.",
        "Render records to printable HTML, PDF or Markdown.",
    ),
    "site": T(
        "Rakenna tietosisällön sivusto.",
        "Bygg webbplatsen för datainnehållet.",
        "Build the field catalogue site.",
    ),
    "comment": T(
        "Lausuntokierroksen kommentit.",
        "Remissrundans kommentarer.",
        "Consultation round comments on fields.",
    ),
    "report": T(
        "Raportit: erääntyvät tarkistukset, täyttöaste, tilastot.",
        "Rapporter: förfallande uppföljningar, fullständighet, statistik.",
        "Reports: due reviews, completeness, statistics.",
    ),
    "demo": T(
        "Rakenna esittelyaineisto.",
        "Bygg en demonstration.",
        "Build a demo repository and show everything the tool does.",
    ),
    "extension": T(
        "Kokeilun omat kentät ja koodistot.",
        "Försökets egna fält och kodlistor.",
        "Pilot extension fields and code lists.",
    ),
    "codes": T("Tulosta koodisto.", "Skriv ut en kodlista.", "Print a code list."),
    "list": T("Asiakkaat ja heidän tietueensa.", "Kunder och deras poster.", "Customers and their records."),
    "find": T(
        "Etsi asiakas nimellä, henkilötunnuksella tai tunnisteella.",
        "Sök en kund med namn, personbeteckning eller id.",
        "Find a customer by name, identity code or id.",
    ),
    "profile": T(
        "Omat tietosi (nimi, sähköposti, puhelin).",
        "Dina uppgifter (namn, e-post, telefon).",
        "Your own details (name, e-mail, phone).",
    ),
    "config": T(
        "Muuta koto.yaml-asetusta ja tallenna.",
        "Ändra en inställning i koto.yaml och spara.",
        "Change a koto.yaml setting and commit it.",
    ),
    "rm": T(
        "Poista tietue, jota ei ole lähetetty (muuten: mitätöi).",
        "Ta bort en post som inte har skickats (annars: annullera).",
        "Remove a record that has not been pushed (else: annul).",
    ),
    "drafts": T(
        "Tallessa olevat luonnokset: luettele tai hylkää.",
        "Sparade utkast: lista eller kasta.",
        "List or discard the kept drafts of this clone.",
    ),
    "serve": T(
        "Verkkosovellus tietovaraston päälle (paikallinen, pääsyavaimella).",
        "Webbappen för en datakatalog (lokal, med en åtkomstnyckel).",
        "The web app over a repository (local, with an access token).",
    ),
    "export": T(
        "Vie tietueet litteinä taulukkoina (CSV, XLSX, Parquet, JSON Lines).",
        "Exportera poster som platta tabeller (CSV, XLSX, Parquet, JSON Lines).",
        "Export records as flat tables (CSV, XLSX, Parquet, JSON Lines).",
    ),
    "import": T(
        "Tuo tietueita taulukosta; kirjoita tuontipohja.",
        "Importera poster från ett kalkylark; skriv en importmall.",
        "Import records from a spreadsheet; write an import template.",
    ),
    "aggregate": T(
        "Usean tietovaraston pseudonymisoidut tiedot yhteen DuckDB-tietokantaan.",
        "Flera datakatalogers pseudonymiserade data i en DuckDB-databas.",
        "Several repositories' pseudonymised data in one DuckDB database.",
    ),
}

#: One example per task group, shown under the group in ``koto --help``.
GROUP_EXAMPLES: dict[str, str] = {
    "records": "koto new assessment --customer c-5a0e17c3",
    "repository": "koto init vaasa --organisation 905",
    "printing": "koto render pln-20261202-3f9c2a71 --lang sv",
    "catalogue": "koto catalogue --format md -o catalogue.md",
    "consultation": "koto comment list",
    "reports": "koto report due --days 30",
}


def _lang_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    """``--lang``: fixes the run's language (before the other options are read)."""
    if value is not None or ctx.parent is None:
        return set_lang(value) if value is not None else current_lang()
    return current_lang()


def lang_param() -> click.Option:
    return TextOption(
        ["--lang"],
        type=click.Choice(LANGS),
        default=None,
        is_eager=True,
        expose_value=False,
        callback=_lang_callback,
        help_text=M.HELP_LANG,
    )


OPTIONS_METAVAR = T("[VALITSIMET]", "[FLAGGOR]", "[OPTIONS]")
SUBCOMMAND_METAVAR = T("KOMENTO [ARGUMENTIT]...", "KOMMANDO [ARGUMENT]...", "COMMAND [ARGS]...")


def _give_lang(cmd: click.Command) -> None:
    """Every command accepts --lang (commands that use the language declare it themselves); usage
    lines are in the run's language."""
    if not any(p.name == "lang" or "--lang" in getattr(p, "opts", ()) for p in cmd.params):
        cmd.params.append(lang_param())  # (koto render has its own repeatable --lang)
    cmd.options_metavar = tr(OPTIONS_METAVAR)
    cmd._help_option = None  # click keeps its --help option, with the text in the first run's language
    if isinstance(cmd, click.Group):
        cmd.subcommand_metavar = tr(SUBCOMMAND_METAVAR)
        for sub in cmd.commands.values():
            _give_lang(sub)


_HELP_ASKED = "koto.help_asked"


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (start-up stays fast)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None  # a command module that fails to import is an error, never a missing command
        module, attr, _ = COMMANDS[cmd_name]
        cmd = getattr(importlib.import_module(f"kototieto.cli.{module}"), attr)
        assert isinstance(cmd, click.Command)
        _give_lang(cmd)
        from kototieto.cli.localise import localise_command

        # descriptions only when a help page may be shown (a group lists its subcommands)
        describe = isinstance(cmd, click.Group) or ctx.meta.get(_HELP_ASKED, True)
        localise_command(cmd_name, cmd, current_lang(), COMMAND_HELP.get(cmd_name), describe=describe)
        return cmd

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        ctx.meta[_HELP_ASKED] = any(arg in ("-h", "--help") for arg in args)
        return super().resolve_command(ctx, args)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            for para in tr(M.ROOT_HELP).split("\n\n"):
                formatter.write_text(para)
                formatter.write_paragraph()

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        order = [*M.GROUPS, "other"]
        for group in order:
            rows = [
                (name, tr(COMMAND_HELP[name]) if name in COMMAND_HELP else COMMANDS[name][2])
                for name in names
                if COMMAND_GROUPS.get(name, "other") == group
            ]
            if not rows:
                continue
            title = tr(M.GROUPS[group]) if group in M.GROUPS else tr(T("Muut", "Övriga", "Other"))
            with formatter.section(title):
                formatter.write_dl(rows)
                if group in GROUP_EXAMPLES:
                    formatter.write_text(f"{tr(M.EXAMPLE)} {GROUP_EXAMPLES[group]}")


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="koto",
    message="%(prog)s %(version)s",  # the same in every language (click's own says ", version")
    cls=TextOption,
    help_text=M.HELP_VERSION,
)
@click.option("--debug", is_flag=True, cls=TextOption, help_text=M.HELP_DEBUG)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    is_eager=True,
    expose_value=False,
    callback=_lang_callback,
    cls=TextOption,
    help_text=M.HELP_LANG,
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """koto: Koto-Digi integration records as YAML in Git, printable plans and a field catalogue."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _prescan(argv: list[str]) -> tuple[str | None, Path | None, bool, bool]:
    """``--lang``, ``-C/--repo`` (or its aliases), ``--debug`` and ``--json`` from the raw arguments,
    so that messages of the earliest errors (click's usage errors) are in the right language."""
    lang: str | None = None
    repo: Path | None = None
    for i, arg in enumerate(argv):
        nxt = argv[i + 1] if i + 1 < len(argv) else None
        if arg == "--lang" and nxt:
            lang = nxt
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        elif arg in ("-C", "--repo", "--data", "--comments") and nxt:
            repo = Path(nxt)
        elif arg.startswith(("--repo=", "--data=")):
            repo = Path(arg.split("=", 1)[1])
        elif arg.startswith("-C") and len(arg) > 2:
            repo = Path(arg[2:])
    return lang, repo, "--debug" in argv, "--json" in argv


def _log_traceback() -> Path | None:
    """Write the current exception's traceback to a log file; its path (None if nothing could be written)."""
    import datetime as dt
    import tempfile
    import traceback

    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for folder in (Path(base) / "koto", Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"koto-error-{stamp}-{os.getpid()}.log"
            path.write_text(
                f"koto {__version__}\nargs: {sys.argv[1:]}\n\n{traceback.format_exc()}", encoding="utf-8"
            )
            return path
        except OSError:
            continue
    return None


def _report(error: KotoError, as_json: bool) -> None:
    """One failure on stderr in the run's language (the library raises its texts in fi, sv and en)."""
    if as_json:
        import json

        click.echo(json.dumps(error.to_json(), ensure_ascii=False), err=True)
    else:
        click.echo(f"koto: {error.localized(current_lang())}", err=True)


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI; every failure becomes one line in the user's language and a named
    exit code (JSON on stderr under ``--json``); ``--debug`` adds the traceback."""
    from kototieto.cli.failures import as_koto_error

    args = list(argv if argv is not None else sys.argv[1:])
    lang, repo, debug, as_json = _prescan(args)
    from kototieto.i18n import resolve_lang

    set_lang(resolve_lang(lang if lang in LANGS else None, repo))
    M.install_click_translations()
    _give_lang(cli)
    try:
        code = cli.main(args=args, prog_name="koto", standalone_mode=False)
    except KeyboardInterrupt:
        click.echo(f"koto: {tr(M.INTERRUPTED)}", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.exceptions.Abort:
        click.echo(f"koto: {tr(M.ABORTED)}", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except click.ClickException as exc:
        if as_json:
            import json

            body = {"error": "usage", "exit_code": ExitCode.USAGE, "message": exc.format_message()}
            click.echo(json.dumps(body, ensure_ascii=False), err=True)
        else:
            exc.show()
        sys.exit(ExitCode.USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # the one place every failure is turned into a message
        error = as_koto_error(exc)
        if debug:
            import traceback

            traceback.print_exc()
        if error is None:
            log = None if debug else _log_traceback()
            error = KotoError(M.UNEXPECTED.format(error=type(exc).__name__, log=log or "-"))
        _report(error, as_json)
        sys.exit(error.exit_code)
    if isinstance(code, int) and code:
        sys.exit(code)
    return code
