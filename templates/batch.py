"""Render many records at once, in long-lived worker processes.

A PDF costs ~0.2-0.5 s of WeasyPrint time and a fresh Python process ~1 s of start-up, so the batch
keeps one worker per core alive for the whole run; each worker's initializer builds the Jinja
environment and imports WeasyPrint once. Workers write their files themselves (atomically: a
temporary name, then a rename) and send back only the path, so no PDF bytes cross processes.

Output layout: ``OUT/<customer>/<record-id>.<lang>.<ext>``.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kototieto.fsutil import atomic_write
from kototieto.model.customer import Customer
from kototieto.model.plan import PlanBase
from kototieto.model.review import Review
from kototieto.templates import build
from kototieto.templates.env import environment
from kototieto.templates.pdf import DEFAULT_VARIANT
from kototieto.templates.render import logo_uri_for, render_context

EXTENSIONS = {"html": "html", "pdf": "pdf", "md": "md"}


@dataclass(frozen=True)
class Settings:
    """What every task of one batch shares (sent to each worker once)."""

    fmt: str
    out: Path
    templates_dir: Path | None
    logo_uri: str | None
    mask_identity: bool
    pdf_variant: str | None
    today: dt.date
    org_names: dict[str, str] | None = None


@dataclass(frozen=True)
class Task:
    record: Any
    customer: Customer | None
    related: tuple[Any, ...]
    lang: str


_SETTINGS: Settings | None = None


def _init(settings: Settings) -> None:
    """Worker start: keep the settings, build the environment, import WeasyPrint."""
    global _SETTINGS
    _SETTINGS = settings
    environment("md" if settings.fmt == "md" else "html", settings.templates_dir)
    if settings.fmt == "pdf":
        import weasyprint  # noqa: F401


def output_path(out: Path, record: Any, lang: str, fmt: str) -> Path:
    return out / str(record.customer) / f"{record.id}.{lang}.{EXTENSIONS[fmt]}"


def _run(task: Task) -> str:
    settings = _SETTINGS
    assert settings is not None, "worker not initialised"
    ctx = build.document(
        task.record,
        task.lang,
        customer=task.customer,
        related=task.related,
        mask_identity=settings.mask_identity,
        logo_uri=settings.logo_uri,
        today=settings.today,
        org_names=settings.org_names,
    )
    result = render_context(
        ctx,
        task.record.kind,
        settings.fmt,
        repo_templates_dir=settings.templates_dir,
        pdf_variant=settings.pdf_variant,
    )
    path = output_path(settings.out, task.record, task.lang, settings.fmt)
    atomic_write(path, result)
    return str(path)


def tasks(
    records: Sequence[Any],
    langs: Iterable[str],
    kinds: Iterable[str] | None = None,
    only: Iterable[str] | None = None,
) -> list[Task]:
    """One task per record and language (of ``kinds``, and of the ids in ``only`` when given); each
    carries its customer and the customer's other records: a plan's state comes from its reviews
    and the customer's other plans (``model.planstate``), its assessment is named by kind and date."""
    wanted = set(kinds) if kinds else None
    chosen = set(only) if only is not None else None
    customers = {r.id: r for r in records if isinstance(r, Customer)}
    by_customer: dict[str, list[Any]] = {}
    for r in records:
        by_customer.setdefault(r.customer, []).append(r)
    out = []
    langs = list(langs)
    for record in records:
        if wanted is not None and record.kind not in wanted:
            continue
        if chosen is not None and record.id not in chosen:
            continue
        mine = by_customer.get(record.customer, [])
        related: tuple[Any, ...]
        if isinstance(record, PlanBase | Review):
            related = tuple(r for r in mine if r is not record and not isinstance(r, Customer))
        else:
            related = ()
        for lang in langs:
            out.append(Task(record, customers.get(record.customer), related, lang))
    return out


def _picklable(records: Sequence[Any]) -> bool:
    """Whether the records can travel to worker processes (one try per record type).

    A repository with pilot extensions parses records into types built at run time from its
    definitions; pickle cannot name those, so such a batch renders in this process.
    """
    tried: set[type] = set()
    for record in records:
        if type(record) in tried:
            continue
        tried.add(type(record))
        try:
            pickle.dumps(record)
        except (pickle.PicklingError, AttributeError, TypeError):
            return False
    return True


def render_batch(
    records: Sequence[Any],
    out: Path,
    *,
    langs: Iterable[str] = ("fi",),
    kinds: Iterable[str] | None = None,
    fmt: str = "pdf",
    jobs: int | None = None,
    templates_dir: Path | None = None,
    logo: Path | None = None,
    mask_identity: bool = False,
    pdf_variant: str | None = DEFAULT_VARIANT,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    org_names: dict[str, str] | None = None,
    only: Iterable[str] | None = None,
) -> list[Path]:
    """Render ``records`` (filtered by ``kinds``) in every language of ``langs`` into ``out``.

    ``jobs`` defaults to the number of cores; ``progress(done, total)`` is called after each file.
    Returns the written paths in completion order.
    """
    work = tasks(records, langs, kinds, only)
    settings = Settings(
        fmt=fmt,
        out=out,
        templates_dir=templates_dir,
        logo_uri=logo_uri_for(logo, templates_dir),
        mask_identity=mask_identity,
        pdf_variant=pdf_variant,
        today=today or dt.date.today(),
        org_names=org_names,
    )
    workers = max(1, jobs or os.cpu_count() or 1)
    if not _picklable(records):
        workers = 1  # records of a pilot's extended types exist only in this process
    written: list[Path] = []
    if progress:
        progress(0, len(work))
    if workers == 1 or len(work) <= 1:
        _init(settings)
        for task in work:
            written.append(Path(_run(task)))
            if progress:
                progress(len(written), len(work))
        return written
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(settings,)) as pool:
        futures = [pool.submit(_run, task) for task in work]
        for future in as_completed(futures):
            written.append(Path(future.result()))
            if progress:
                progress(len(written), len(work))
    return written
