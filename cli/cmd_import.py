"""``koto import FILE --kind KIND`` and ``koto import template KIND -o FILE.xlsx``."""

from __future__ import annotations

from pathlib import Path

import click

from kototieto.cli.options import echo_json, json_option, lang_option, repo_option
from kototieto.errors import InvalidRecordError

_T = {
    "ok": {"fi": "tuotu", "sv": "importerade", "en": "imported"},
    "dry": {
        "fi": "tarkistettu, ei tallennettu (--dry-run)",
        "sv": "kontrollerade, inte sparade (--dry-run)",
        "en": "checked, nothing written (--dry-run)",
    },
    "fill": {"fi": "Kenttien täyttöaste", "sv": "Fältens ifyllnadsgrad", "en": "Fill rate of the fields"},
    "nothing": {"fi": "Mitään ei tallennettu", "sv": "Inget sparades", "en": "Nothing was written"},
}


class _ImportGroup(click.Group):
    """``koto import FILE ...`` runs the import; ``koto import template ...`` the template."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if (args and args[0] not in self.commands and not args[0].startswith("-")) or (
            args and args[0].startswith("-") and not any(a in ("-h", "--help") for a in args[:1])
        ):
            args = ["file", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_ImportGroup, name="import")
def import_() -> None:
    """Import records from a spreadsheet (XLSX or CSV); `koto import template KIND` writes a template.

    \b
    koto import template integration-plan -o plans.xlsx --lang fi
    koto import plans.xlsx --kind integration-plan --dry-run
    koto import export.csv --kind assessment --mapping map.yaml
    """


@import_.command("template")
@click.argument("kind")
@click.option(
    "-o", "--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .xlsx file."
)
@lang_option
def template(kind: str, out: Path, lang: str) -> None:
    """Write an XLSX template for KIND (headers in --lang, code lists as drop-downs)."""
    from kototieto.exchange.template import write_template
    from kototieto.i18n import count

    n = write_template(kind, out, lang)
    click.echo(f"{out}: {count(n, 'column', lang)}")


@import_.command("file", hidden=True)
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--kind", required=True, help="Record kind of the rows.")
@click.option(
    "--mapping", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Mapping file (YAML)."
)
@click.option("--dry-run", is_flag=True, help="Check every row and show the fill rates; write nothing.")
@click.option("--valid-only", is_flag=True, help="Write the valid rows; the rest go to a rejects file.")
@click.option("--author", default=None, help="'Name <email>' of the official (default: git config user).")
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Problem report .xlsx (default: FILE.problems.xlsx when there are problems).",
)
@repo_option
@lang_option
@json_option
def file(
    source: Path,
    kind: str,
    mapping: Path | None,
    dry_run: bool,
    valid_only: bool,
    author: str | None,
    report_path: Path | None,
    repo: Path,
    lang: str,
    as_json: bool,
) -> None:
    """Import the rows of SOURCE (XLSX or CSV) as records of the kind given with --kind."""
    from kototieto.exchange.importer import import_file

    report_path = report_path or source.with_name(source.stem + ".problems.xlsx")
    rejects = source.with_name(source.stem + ".rejects.xlsx")
    result = import_file(
        repo,
        source,
        kind,
        mapping=mapping,
        dry_run=dry_run,
        valid_only=valid_only,
        lang=lang,
        author=author,
        report_path=report_path,
        rejects_path=rejects,
    )
    failed = bool(result.errors) and not valid_only
    if as_json:
        echo_json(result.to_json())
    else:
        _print(result, lang, dry_run)
    if failed:
        from kototieto.i18n import count
        from kototieto.model.text import T

        n, rows, see = len(result.errors), len(result.rejected_rows) or 1, result.report_file
        raise InvalidRecordError(
            T(
                "{f}: {p_fi} {rows} rivillä; Mitään ei tallennettu" + (" (katso {see})" if see else ""),
                "{f}: {p_sv} på {rows} {rad}; Inget sparades" + (" (se {see})" if see else ""),
                "{f}: {n} problem(s) in {rows} row(s); Nothing was written" + (" (see {see})" if see else ""),
            ).format(
                f=source.name,
                n=n,
                rows=rows,
                see=see,
                p_fi=count(n, "problem", "fi"),
                p_sv=count(n, "problem", "sv"),
                rad="rad" if rows == 1 else "rader",
            )
        )


def _print(result: object, lang: str, dry_run: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from kototieto.exchange.importer import ImportResult

    assert isinstance(result, ImportResult)
    console = Console()
    for note in result.notes:
        console.print(f"[dim]{note}[/dim]")
    if result.problems:
        t = Table(title=result.source, title_justify="left")
        for h in (
            {"fi": "Rivi", "sv": "Rad"}.get(lang, "Row"),
            {"fi": "Sarake", "sv": "Kolumn"}.get(lang, "Column"),
            {"fi": "Kenttä", "sv": "Fält"}.get(lang, "Field"),
            {"fi": "Ongelma", "sv": "Problem"}.get(lang, "Problem"),
        ):
            t.add_column(h, overflow="fold")
        for p in result.problems[:200]:
            t.add_row(
                str(p.row),
                p.column,
                p.field,
                p.message if p.severity == "error" else f"({p.severity}) {p.message}",
            )
        console.print(t)
        if len(result.problems) > 200:
            console.print(f"... {len(result.problems) - 200} more")
    if dry_run and result.fill_rates:
        from kototieto.model.catalogue import field_label

        t = Table(title=_T["fill"][lang], title_justify="left")
        t.add_column({"fi": "Kenttä", "sv": "Fält"}.get(lang, "Field"))
        t.add_column({"fi": "Nimi", "sv": "Namn"}.get(lang, "Name"))
        t.add_column("%", justify="right")
        for path, n, rows in result.fill_rates:
            label = field_label(path.split(":", 1)[-1], lang)
            t.add_row(path, label, f"{100 * n / rows:.0f}" if rows else "-")
        console.print(t)
    if result.commit:
        console.print(f"{result.records} {_T['ok'][lang]} ({result.commit[:10]})")
    elif dry_run and not result.errors:
        console.print(f"{result.records}: {_T['dry'][lang]}")
    if result.rejects_file:
        console.print(f"rejects: {result.rejects_file}")
