"""``koto generate`` (synthetic records as files in the repository layout) and ``koto check``
(validate record files without a repository).

``write_dataset`` and ``check_files`` are the library calls; the commands only parse options and
format the result. Writing is all or nothing: files go to a staging folder inside ``--out`` that
is renamed to ``customers/`` at the end, so a failure leaves no partial dataset. Each worker
process generates its own customers from (seed, customer index), so the files do not depend on
the number of workers.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import echo_json, json_option, lang_option
from kototieto.errors import InvalidRecordError, UsageError

#: Customers per work unit (a unit is generated and written by one worker process).
CHUNK = 250
#: Below this many customers everything runs in this process (starting workers costs more).
PARALLEL_FROM = 400


def _write_chunk(
    out: str, seed: int, today: str, organisation: str | None, clean: bool, start: int, stop: int
) -> dict[str, int]:
    """Generate customers ``start..stop-1`` and write their records under ``out``; kind counts."""
    from kototieto.model.records import record_to_data
    from kototieto.store.layout import record_path, schema_url_for
    from kototieto.store.yamlio import new_document_text
    from kototieto.synthetic.generator import DatasetSpec, customer_records
    from kototieto.synthetic.realism import Imperfections

    realism = Imperfections.none() if clean else Imperfections()
    spec = DatasetSpec(seed, dt.date.fromisoformat(today), organisation, realism=realism)
    counts: Counter[str] = Counter()
    root = Path(out)
    for index in range(start, stop):
        records = customer_records(spec, index)
        folder: Path | None = None
        for record in records:
            rel = record_path(record.customer, record.id)
            if folder is None:
                folder = (root / rel).parent
                folder.mkdir(parents=True, exist_ok=False)
            data = record_to_data(record)
            (root / rel).write_text(new_document_text(data, schema_url_for(rel)), encoding="utf-8")
            counts[record.kind] += 1
    return dict(counts)


def _chunks(customers: int, workers: int) -> Iterator[tuple[int, int]]:
    """Work units: about four per worker (so a slow one does not hold the rest), at most CHUNK."""
    size = max(1, min(CHUNK, -(-customers // (workers * 4))))
    for start in range(0, customers, size):
        yield start, min(customers, start + size)


def write_dataset(
    out: Path,
    customers: int,
    seed: int,
    today: dt.date,
    organisation: str | None = None,
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    clean: bool = False,
) -> dict[str, Any]:
    """Write ``customers`` synthetic customers' records as YAML files under ``out``.

    Refuses a folder whose ``customers/`` already holds files. ``jobs``: worker processes (None
    or 0: one per CPU for large datasets, this process alone for small ones). ``progress`` is
    called with the number of customers finished since the last call. Returns a summary (counts
    per kind). Writes ``schema/record.schema.json`` too when the folder has none. ``clean``: no
    deliberate imperfections (late reviews, unrecorded items), so no warnings either.
    """
    from kototieto.store.layout import CUSTOMERS_DIR, SCHEMA_PATH
    from kototieto.synthetic.generator import DatasetSpec

    try:
        DatasetSpec(seed, today, organisation)  # checks today and the organisation before writing
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    target = out / CUSTOMERS_DIR
    if target.exists() and any(target.iterdir()):
        raise UsageError(f"{target} already holds records: choose an empty folder for --out")
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".koto-generate-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    counts: Counter[str] = Counter()
    workers = jobs or (1 if customers < PARALLEL_FROM else (os.cpu_count() or 1))
    args = (str(staging), seed, today.isoformat(), organisation, clean)
    try:
        if workers == 1:
            for start, stop in _chunks(customers, 1):
                counts.update(_write_chunk(*args, start, stop))
                if progress:
                    progress(stop - start)
        else:
            # spawn, not fork: forking a process that may run threads (rich's progress bar) can
            # deadlock, and Python warns about it.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = {
                    pool.submit(_write_chunk, *args, a, b): b - a for a, b in _chunks(customers, workers)
                }
                for future in _as_completed(futures):
                    counts.update(future.result())
                    if progress:
                        progress(futures[future])
        try:
            if target.exists():
                target.rmdir()
            if (staging / CUSTOMERS_DIR).exists():
                (staging / CUSTOMERS_DIR).rename(target)
            else:
                target.mkdir()
        except OSError:
            raise UsageError(
                f"{target} was filled by someone else while generating; nothing written"
            ) from None
        schema = out / SCHEMA_PATH
        if not schema.exists():
            from kototieto.store.scaffold import schema_text

            schema.parent.mkdir(parents=True, exist_ok=True)
            schema.write_text(schema_text(), encoding="utf-8")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {
        "out": str(out),
        "customers": customers,
        "records": sum(counts.values()),
        "kinds": dict(sorted(counts.items())),
        "seed": seed,
        "today": today.isoformat(),
        "organisation": organisation,
    }


def _as_completed(futures: Iterable[Any]) -> Iterator[Any]:
    from concurrent.futures import as_completed

    return as_completed(list(futures))


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
    type=click.DateTime(formats=["%Y-%m-%d"]),
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
    today: dt.datetime | None,
    organisation: str | None,
    jobs: int,
    clean: bool,
    as_json: bool,
) -> None:
    """Write synthetic (invented) customers and their records as YAML files, every file valid."""
    day = today.date() if today else dt.date.today()
    show_bar = not as_json and sys.stderr.isatty()
    if show_bar:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Generating", total=customers)
            summary = write_dataset(
                out,
                customers,
                seed,
                day,
                organisation,
                jobs=jobs,
                progress=lambda n: bar.advance(task, n),
                clean=clean,
            )
    else:
        summary = write_dataset(out, customers, seed, day, organisation, jobs=jobs, clean=clean)
    if as_json:
        echo_json(summary)
        return
    click.echo(f"Wrote {summary['records']} records of {customers} customers to {out}")
    for kind, count in summary["kinds"].items():
        click.echo(f"  {kind:26} {count:>8}")


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
        click.echo(f"{report.files} files, {report.records} records: {errors} errors, {warnings} warnings")
    if errors:
        bad = len({i.file for i in report.issues if i.severity == "error"})
        raise InvalidRecordError(f"{errors} error(s) in {bad} file(s)", problems=list(report.issues))
