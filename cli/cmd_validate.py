"""``koto validate``: every problem of the repository's records in one report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import echo_json, json_option, lang_option, repo_option
from kototieto.errors import InvalidRecordError

HEADERS = {
    "fi": ("Tiedosto", "Kenttä", "Vakavuus", "Viesti"),
    "sv": ("Fil", "Fält", "Allvarlighet", "Meddelande"),
    "en": ("File", "Field", "Severity", "Message"),
}
SEVERITY = {
    "fi": {"error": "virhe", "warning": "varoitus", "info": "huomio"},
    "sv": {"error": "fel", "warning": "varning", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.yaml") if not any(s.startswith(".") for s in q.parts)))
        else:
            out.append(p)
    return out


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr, refreshed by the callback (no refresh thread, so the
    validator may still fork its workers)."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("koto validate"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        auto_refresh=False,
        transient=True,
    ) as bar:
        task = bar.add_task("validate", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)
            bar.refresh()

        yield update


def _print_table(report: Any, lang: str) -> None:
    rows = [
        (
            f"{p.file}:{p.line}" if p.line else p.file,
            p.dotted_path,
            SEVERITY[lang].get(p.severity, p.severity),
            f"{p.message(lang)} [{p.rule}]",
        )
        for p in report.problems
    ]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for header in HEADERS[lang]:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*row)
        if rows:
            Console().print(table)
    else:
        for file, field, severity, message in rows:
            click.echo(f"{file}\t{field}\t{severity}\t{message}")
    from kototieto.cli.messages import summary_line

    totals = report.summary()
    click.echo(summary_line(totals["files"], totals["records"], totals["errors"], totals["warnings"], lang))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@repo_option
@json_option
@lang_option
@click.option(
    "--no-cache", is_flag=True, help="Parse and check every file again (and do not update the cache)."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: every core)."
)
def validate(
    paths: tuple[Path, ...], repo: Path, as_json: bool, lang: str, no_cache: bool, jobs: int | None
) -> None:
    """Validate the repository's records (or only PATHS): every problem, with file, line and field.

    Exit code 0 when there is no error, 5 when there is one. Only records whose Git blob changed
    since the last run are checked again (cache under .git/koto/).
    """
    from kototieto.store.repository import Repository
    from kototieto.store.validate import validate_repository

    repository = Repository.open(repo)
    files = _expand(paths) if paths else None
    with _progress(not as_json and sys.stdout.isatty() and sys.stderr.isatty()) as progress:
        report = validate_repository(
            repository, use_cache=not no_cache, workers=jobs, progress=progress, paths=files
        )
    if as_json:
        echo_json(report.to_json(lang))
    else:
        _print_table(report, lang)
    if not report.ok:
        bad = len({p.file for p in report.problems if p.severity == "error"})
        from kototieto.cli.messages import errors_in_files

        raise InvalidRecordError(errors_in_files(report.errors, bad), problems=list(report.problems))
