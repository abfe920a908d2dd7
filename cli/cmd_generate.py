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
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import echo_json, json_option, lang_option
from kototieto.errors import InvalidInputError, InvalidRecordError, UsageError

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


@dataclass
class CheckReport:
    files: int = 0
    records: int = 0
    issues: list[Any] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for i in self.issues if i.severity == severity)

    def to_json(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "records": self.records,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "issues": [i.to_json() for i in self.issues],
        }


def _record_files(paths: Sequence[Path]) -> list[Path]:
    """The files to check: files as given; for a folder its ``*.yaml`` files (hidden folders
    skipped), only those under ``customers/`` when it is a repository root (so ``koto.yaml`` and
    the like are not taken for records)."""
    from kototieto.store.layout import CUSTOMERS_DIR

    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            root = path / CUSTOMERS_DIR if (path / CUSTOMERS_DIR).is_dir() else path
            out.extend(
                p
                for p in sorted(root.rglob("*.yaml"))
                if not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
        else:
            out.append(path)
    return out


def _layout_path(path: Path) -> str | None:
    """``customers/S/C/R.yaml`` when the file sits in the repository layout, else None."""
    from kototieto.store.layout import parse_record_path

    parts = path.parts[-4:]
    rel = "/".join(parts)
    return rel if len(parts) == 4 and parse_record_path(rel) is not None else None


def check_files(paths: Sequence[Path], lang: str = "fi") -> CheckReport:
    """Validate record files: YAML, schema, rules, path agreement, and cross-record rules.

    Files are taken folder by folder. For a file in the repository layout
    (``customers/S/C/R.yaml``) the other records of its customer folder are read too, as context
    for the cross-record rules (references, total plan time), but only the files asked for are
    reported. Loose files outside the layout are checked against each other, and the
    cross-record rules run only when their folder also holds the customer record (otherwise
    every reference would be reported missing).
    """
    from itertools import groupby

    files = _record_files(paths)
    report = CheckReport(files=len(files))
    for folder, group in groupby(files, key=lambda p: p.parent):
        wanted = list(group)
        if _layout_path(wanted[0]) is not None:
            context = [p for p in sorted(folder.glob("*.yaml")) if p not in set(wanted)]
            _check_group(wanted, context, lang, report, cross=True)
        else:
            _check_group(wanted, [], lang, report, cross=None)
    return report


def _check_group(
    files: list[Path], context: list[Path], lang: str, report: CheckReport, cross: bool | None
) -> None:
    from kototieto.model.validation import check_records, validate_data
    from kototieto.store.bulkload import fast_load
    from kototieto.store.checks import Issue
    from kototieto.store.fielddiff import dotted
    from kototieto.store.layout import path_problems

    found: dict[Path, list[tuple[tuple[str | int, ...], str, str, str]]] = {}
    owner: dict[str, Path] = {}
    records = []
    wanted = set(files)
    for path in [*files, *context]:
        if path not in wanted:
            try:
                data = fast_load(path.read_bytes(), str(path))
            except (InvalidInputError, OSError):
                continue
            result = validate_data(data)
            if result.record is not None and result.record.id not in owner:
                owner[result.record.id] = path
                records.append(result.record)
            continue
        try:
            data = fast_load(path.read_bytes(), str(path))
        except InvalidInputError as exc:
            loc = exc.location
            report.issues.append(
                Issue(
                    str(path),
                    loc.line if loc else None,
                    loc.column if loc else None,
                    "",
                    "error",
                    "yaml",
                    exc.message,
                )
            )
            continue
        except OSError as exc:
            report.issues.append(Issue(str(path), None, None, "", "error", "file", str(exc)))
            continue
        probs = found.setdefault(path, [])
        rel = _layout_path(path)
        if rel is not None:
            probs.extend(((pp.field,), "error", "path", pp.message) for pp in path_problems(rel, data))
        result = validate_data(data)
        probs.extend((tuple(p.path), str(p.severity), p.rule, p.message(lang)) for p in result.problems)
        if result.record is not None:
            report.records += 1
            rid = result.record.id
            if rid in owner:
                probs.append((("id",), "error", "duplicate-id", f"id {rid!r} is also used by {owner[rid]}"))
            else:
                owner[rid] = path
                records.append(result.record)
    if cross is None:
        cross = any(r.kind == "customer" for r in records)
    for rid, problem in check_records(records) if cross else []:
        if owner[rid] not in wanted:
            continue
        found[owner[rid]].append(
            (tuple(problem.path), str(problem.severity), problem.rule, problem.message(lang))
        )
    for path, probs in found.items():
        if not probs:
            continue
        locate = _locator(path)
        for fpath, severity, rule, message in probs:
            line, col = locate(fpath)
            report.issues.append(Issue(str(path), line, col, dotted(fpath), severity, rule, message))


def _locator(path: Path) -> Callable[[tuple[str | int, ...]], tuple[int | None, int | None]]:
    """Line and column of a field path (re-reads the file with the round-trip loader, so only
    files with problems pay for it)."""
    from kototieto.store.yamlio import load_document

    try:
        doc = load_document(path.read_bytes(), str(path))
    except (InvalidInputError, OSError):
        return lambda _p: (None, None)

    def locate(fpath: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        pos = doc.locate(fpath)
        return (pos[0], pos[1]) if pos else (None, None)

    return locate


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@json_option
@lang_option
def check(paths: tuple[Path, ...], as_json: bool, lang: str) -> None:
    """Validate record files or folders of them; exit code 5 when any has an error."""
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
