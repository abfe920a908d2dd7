"""Write many customers' records as YAML files in the repository layout, all or nothing.

``write_customers`` is the library call behind ``koto generate``: records come from a source (a
picklable callable, customer index -> records, e.g. ``synthetic.generator.CustomerSource``) and are
written under ``out/customers/<shard>/<customer>/<record>.yaml`` in the store's YAML style. Files go
to a staging folder inside ``out`` that is renamed to ``customers/`` at the end, so a failure leaves
no partial dataset. Large jobs run in worker processes (spawn, not fork: the caller may run
threads, e.g. a progress bar), each taking chunks of customer indexes.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Protocol

from kototieto.errors import UsageError
from kototieto.model.records import Record, record_to_data
from kototieto.model.text import T
from kototieto.store.layout import CUSTOMERS_DIR, SCHEMA_PATH, record_path, schema_url_for
from kototieto.store.scaffold import schema_text
from kototieto.store.yamlio import new_document_text

#: Customers per work unit (a unit is generated and written by one worker process).
CHUNK = 250
#: Below this many customers everything runs in this process (starting workers costs more).
PARALLEL_FROM = 400


class CustomerSource(Protocol):
    """Customer ``index``'s records; ``describe()``: what the summary says about the source."""

    def __call__(self, index: int) -> list[Record]: ...

    def describe(self) -> dict[str, Any]: ...


def _write_chunk(out: str, source: CustomerSource, start: int, stop: int) -> dict[str, int]:
    """Write customers ``start..stop-1`` under ``out``; kind counts."""
    counts: Counter[str] = Counter()
    root = Path(out)
    for index in range(start, stop):
        folder: Path | None = None
        for record in source(index):
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


def write_customers(
    out: Path,
    customers: int,
    source: CustomerSource,
    *,
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Write ``customers`` customers' records (indexes 0..customers-1 of ``source``) under ``out``.

    Refuses a folder whose ``customers/`` already holds files. ``jobs``: worker processes (None or
    0: one per CPU for large jobs, this process alone for small ones). ``progress`` is called with
    the number of customers finished since the last call. Writes ``schema/record.schema.json`` too
    when the folder has none. Returns a summary (counts per kind, and ``source.describe()``).
    """
    target = out / CUSTOMERS_DIR
    if target.exists() and any(target.iterdir()):
        raise UsageError(
            T(
                "Kansiossa {t} on jo tietueita: valitse valitsimelle --out tyhjä kansio",
                "{t} innehåller redan poster: välj en tom mapp för --out",
                "{t} already holds records: choose an empty folder for --out",
            ).format(t=target)
        )
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".koto-generate-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    counts: Counter[str] = Counter()
    workers = jobs or (1 if customers < PARALLEL_FROM else (os.cpu_count() or 1))
    try:
        if workers == 1:
            for start, stop in _chunks(customers, 1):
                counts.update(_write_chunk(str(staging), source, start, stop))
                if progress:
                    progress(stop - start)
        else:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = {
                    pool.submit(_write_chunk, str(staging), source, a, b): b - a
                    for a, b in _chunks(customers, workers)
                }
                for future in as_completed(list(futures)):
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
                T(
                    "Joku muu kirjoitti kansioon {t} tuottamisen aikana; mitään ei kirjoitettu",
                    "Någon annan skrev i {t} under genereringen; ingenting skrevs",
                    "{t} was filled by someone else while generating; nothing written",
                ).format(t=target)
            ) from None
        schema = out / SCHEMA_PATH
        if not schema.exists():
            schema.parent.mkdir(parents=True, exist_ok=True)
            schema.write_text(schema_text(), encoding="utf-8")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {
        "out": str(out),
        "customers": customers,
        "records": sum(counts.values()),
        "kinds": dict(sorted(counts.items())),
        **source.describe(),
    }
