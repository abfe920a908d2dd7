"""``koto aggregate REPO... -o pilots.duckdb``: several pilots' pseudonymised data in one database."""

from __future__ import annotations

from pathlib import Path

import click

from kototieto.cli.options import echo_json, json_option


@click.command()
@click.argument(
    "repos", nargs=-1, required=True, type=click.Path(file_okay=False, exists=True, path_type=Path)
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The DuckDB file to write.",
)
@click.option(
    "--parquet-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the Parquet exports go (default: OUT.parquet/<organisation>/).",
)
@json_option
def aggregate(repos: tuple[Path, ...], out: Path, parquet_dir: Path | None, as_json: bool) -> None:
    """Pseudonymised exports of several repositories in one DuckDB database (organisation as a column).

    Each REPO is a data repository (exported first, pseudonymised) or a folder written by
    `koto export --format parquet` (a pilot's export, read as it is).

    Run the reports over it with `koto report fill-rates|stats|completeness --db OUT`.
    """
    from kototieto.exchange.aggregate import aggregate as run

    result = run(list(repos), out, parquet_dir=parquet_dir)
    if as_json:
        echo_json(result.to_json())
        return
    for org, n in result.records.items():
        click.echo(f"{org:8} {n:7} records")
    click.echo(f"{out} (Parquet: {result.parquet})")
