"""``koto export``: a repository's records as flat tables (CSV, XLSX, Parquet, JSON Lines)."""

from __future__ import annotations

from pathlib import Path

import click

from kototieto.cli.options import echo_json, json_option, lang_option, repo_option


@click.command()
@click.option("--kind", "kinds", multiple=True, help="Only this record kind (repeatable; default: all).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "xlsx", "parquet", "jsonl"]),
    default="csv",
    show_default=True,
    help="File format.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into.",
)
@click.option(
    "--csv-dialect",
    type=click.Choice(["spreadsheet", "plain"]),
    default="spreadsheet",
    show_default=True,
    help="spreadsheet: BOM, ';' and decimal comma for fi/sv, d.m.yyyy dates; plain: ',', ISO dates.",
)
@click.option("--with-annulled", is_flag=True, help="Include annulled records.")
@click.option(
    "--with-identities",
    is_flag=True,
    help="Keep names, identity codes and customer ids (only when the recipient may process them; see README).",
)
@repo_option
@lang_option
@json_option
def export(
    kinds: tuple[str, ...],
    fmt: str,
    out: Path,
    csv_dialect: str,
    with_annulled: bool,
    with_identities: bool,
    repo: Path,
    lang: str,
    as_json: bool,
) -> None:
    """One flat table per record kind and per repeatable group, with a data dictionary.

    By default names and identity codes are left out and customer ids are pseudonymised.
    """
    from kototieto.exchange.export import export_repository

    result = export_repository(
        repo,
        out,
        fmt=fmt,
        kinds=kinds,
        lang=lang,
        dialect="plain" if csv_dialect == "plain" else "spreadsheet",
        with_identities=with_identities,
        with_annulled=with_annulled,
    )
    if as_json:
        echo_json(result.to_json())
        return
    for kind, n in result.records.items():
        click.echo(f"{kind:28} {n:6} records")
    if result.annulled_left_out:
        click.echo(f"annulled records left out: {result.annulled_left_out}")
    click.echo(f"{len(result.files)} file(s) in {out}")
