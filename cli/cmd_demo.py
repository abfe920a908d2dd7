"""``koto demo [DIR]``: build a demo repository and show everything the tool does.

Calls ``kototieto.demo.build.build_demo`` and prints what it made and how to open it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import echo_json, json_option


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def summary_lines(result: Any) -> list[str]:
    """The short summary printed at the end (paths relative to the current folder when possible)."""

    def rel(p: Path) -> str:
        try:
            return str(p.relative_to(Path.cwd()))
        except ValueError:
            return str(p)

    f = result.figures
    lines = [
        "",
        f"Demo ready in {result.timings.get('total', 0):.0f} s: {rel(result.out)}/",
        "",
        f"  Data repository  {rel(result.repo)}/",
        f"    {result.customers} customers, {result.records} records, {result.commits} commits by "
        f"{len(result.authors)} authors",
        f"    history:  git -C {rel(result.repo)} log --format='%h %an: %s' | head -40",
        f"    events:   {', '.join(sorted(result.events))}",
    ]
    if result.erased_customer:
        lines.append(f"    erased:   one customer, from every commit (see {rel(result.repo)}/erasures.yaml)")
    if result.validation:
        v = result.validation
        lines.append(
            f"    validated: {v.get('records')} records, {v.get('errors')} errors, {v.get('warnings')} warnings"
            f"  (koto validate -C {rel(result.repo)})"
        )
    lines += [
        f"  Reports          {rel(result.out / 'reports')}/  (JSON, CSV, charts/*.svg)",
        f"    reviews overdue {f.get('reviews_overdue')}, due in 30 days {f.get('reviews_due_30_days')}, "
        f"plans ending in 30 days {f.get('plans_ending_30_days')}",
        f"    median days assessment -> plan {f.get('median_days_assessment_to_plan')}, "
        f"reviewed within the interval {f.get('plans_reviewed_in_time_pct')} %",
        f"    records missing a 'shall' item (dated from {f.get('completeness_since')}): "
        f"{f.get('incomplete_records')}",
        f"    again:    koto report due -C {rel(result.repo)}   (also: completeness --since 2025-01-01, stats, "
        "fill-rates)",
        f"  PDFs             {rel(result.out / 'pdf')}/  ({len(result.pdfs)} files: a plan of each kind in fi, sv, en)",
    ]
    lines += [f"    {rel(p)}" for p in result.pdfs[:3]]
    if result.site is not None:
        lines += [
            f"  Catalogue site   {rel(result.site)}/index.html  (fill rates from the repository, "
            f"comments from {rel(result.comments) if result.comments else '-'}/)",
            f"    open:     python3 -m http.server -d {rel(result.site)} 8000  ->  http://localhost:8000/",
        ]
    lines += [
        f"  Web app          koto serve {rel(result.repo)}  (prints an address with an access token: open it "
        "in a browser)",
    ]
    for note in result.notes:
        lines.append(f"  note: {note}")
    return lines


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("demo-out"))
@click.option(
    "--customers",
    type=click.IntRange(6, 1_000_000),
    default=200,
    show_default=True,
    help="How many customers.",
)
@click.option("--seed", type=int, default=2025, show_default=True, help="Same seed, same records.")
@click.option("--today", callback=_date, default=None, help="The demo's today (YYYY-MM-DD; default: today).")
@click.option("--no-site", is_flag=True, help="Skip the catalogue site (faster).")
@json_option
def demo(
    directory: Path, customers: int, seed: int, today: dt.date | None, no_site: bool, as_json: bool
) -> None:
    """Build a demo repository of synthetic pilot data and show everything the tool does.

    DIRECTORY (default demo-out) is created; an earlier demo there is replaced.
    """
    from kototieto.demo.build import build_demo

    def progress(message: str) -> None:
        if not as_json:
            click.echo(message, err=True)

    result = build_demo(
        directory, customers=customers, seed=seed, today=today, progress=progress, site=not no_site
    )
    if as_json:
        echo_json(result.to_json())
        return
    for line in summary_lines(result):
        click.echo(line)
