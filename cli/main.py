"""The ``koto`` command: a thin layer over the library.

Commands live one per module (``kototieto.cli.cmd_<name>``) and are imported only when called, so
``koto --help`` and every command start fast. Every library error is a ``KotoError``; this module
alone turns one into a message on stderr and a named exit code.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from kototieto import __version__
from kototieto.errors import ExitCode, KotoError

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
    "show": ("cmd_read", "show", "Show a record, now or at a revision."),
    "log": ("cmd_read", "log", "List the versions of a record."),
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
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use (start-up stays fast)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    def _available(self, name: str) -> bool:
        module, _, _ = COMMANDS[name]
        return importlib.util.find_spec(f"kototieto.cli.{module}") is not None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not self._available(cmd_name):
            return None
        module, attr, _ = COMMANDS[cmd_name]
        cmd = getattr(importlib.import_module(f"kototieto.cli.{module}"), attr)
        assert isinstance(cmd, click.Command)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="koto")
@click.option("--debug", is_flag=True, help="Show a traceback for unexpected errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """koto: Koto-Digi integration records as YAML in Git, printable plans and a field catalogue."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, turning KotoError into a message and its exit code."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        return cli.main(args=argv, prog_name="koto", standalone_mode=False)
    except KotoError as exc:
        if debug:
            raise
        click.echo(f"koto: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("koto: aborted", err=True)
        sys.exit(ExitCode.UNEXPECTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(ExitCode.USAGE if isinstance(exc, click.UsageError) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
