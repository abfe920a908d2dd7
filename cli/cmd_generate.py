"""``koto generate`` (synthetic records as files in the repository layout) and ``koto check``
(validate record files, in a repository or not).

The library calls are ``kototieto.store.bulkwrite.write_customers`` with a
``kototieto.synthetic.generator.CustomerSource`` and ``kototieto.store.checkfiles.check_files``;
the commands only parse options and format the result.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from kototieto.cli.options import DATE, echo_json, json_option, lang_option
from kototieto.errors import InvalidRecordError, UsageError


@click.command()
@click.option("--customers", type=click.IntRange(min=0), required=True, help="How many customers.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same records.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write customers/<shard>/<customer>/<record>.yaml into (e.g. a repository).",
)
@click.option(
    "--today",
    type=DATE,
    default=None,
    help="Last date a record may carry (default: today).",
)
@click.option("--organisation", default=None, metavar="CODE", help="Record everything in this municipality.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per CPU).")
@click.option(
    "--clean",
    is_flag=True,
    help="Perfect data: no deliberate late reviews or unrecorded items (no warnings).",
)
@json_option
def generate(
    customers: int,
    seed: int,
    out: Path,
    today: dt.date | None,
    organisation: str | None,
    jobs: int,
    clean: bool,
    as_json: bool,
) -> None:
    """Write synthetic (invented) customers and their records as YAML files, every file valid."""
    from kototieto.store.bulkwrite import write_customers
    from kototieto.synthetic.generator import CustomerSource

    day = today or dt.date.today()
    try:
        source = CustomerSource(seed, day, organisation, clean)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    show_bar = not as_json and sys.stderr.isatty()
    if show_bar:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            from kototieto.i18n import tr
            from kototieto.model.text import T

            task = bar.add_task(tr(T("Luodaan", "Skapar", "Generating")), total=customers)
            summary = write_customers(
                out, customers, source, jobs=jobs, progress=lambda n: bar.advance(task, n)
            )
    else:
        summary = write_customers(out, customers, source, jobs=jobs)
    if as_json:
        echo_json(summary)
        return
    from kototieto.i18n import count, tr
    from kototieto.model.text import T

    wrote = T(
        "Kirjoitettu {records} ({customers}): {out}",
        "Skrev {records} ({customers}): {out}",
        "Wrote {records} ({customers}) to {out}",
    )
    click.echo(
        tr(wrote).format(
            records=count(summary["records"], "record"), customers=count(customers, "customer"), out=out
        )
    )
    from kototieto.i18n import current_lang
    from kototieto.model.catalogue import kind_label

    lang = current_lang()
    labels = {kind: kind_label(kind, lang) for kind in summary["kinds"]}
    width = max(map(len, labels.values()), default=0)
    for kind, number in summary["kinds"].items():
        click.echo(f"  {labels[kind]:{width}} {number:>6}")


# --- check ------------------------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@json_option
@lang_option
def check(paths: tuple[Path, ...], as_json: bool, lang: str) -> None:
    """Validate record files or folders of them; exit code 5 when any has an error.

    Files inside a data repository are checked with its rule parameters and extension definitions."""
    from kototieto.store.checkfiles import check_files

    report = check_files(paths, lang)
    errors, warnings = report.count("error"), report.count("warning")
    if as_json:
        echo_json(report.to_json())
    else:
        for issue in report.issues:
            click.echo(str(issue))
        from kototieto.cli.messages import summary_line

        click.echo(summary_line(report.files, report.records, errors, warnings, lang))
    if errors:
        from kototieto.cli.messages import errors_in_files

        bad = len({i.file for i in report.issues if i.severity == "error"})
        raise InvalidRecordError(errors_in_files(errors, bad), problems=list(report.issues))
