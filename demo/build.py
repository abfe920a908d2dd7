"""``koto demo``: everything the tool does, end to end, on synthetic pilot data.

``build_demo(out_dir, customers=200, seed=2025, today=None)`` makes, under ``out_dir``::

    repo/        a data repository of one municipality (and its wellbeing services county's reviews):
                 one bulk import, then a history of commits by different officials through the
                 store (edits, an extension, a switch, a referral, a county review, annulments)
                 and a customer erased from the whole history
    pdf/         a handful of plans (one of each plan kind) in Finnish, Swedish and English
    comments/    a sample consultation round with comments on fields
    site/        the catalogue site, built with the repository's fill rates and the comments
    reports/     due, completeness (from the first record's date), stats and fill rates as JSON
                 and CSV, and the front page charts as SVG

Deterministic from ``seed`` (records, history content and order; commit ids differ because
commits carry the time they were made). A folder holding an earlier demo (marker file
``.koto-demo``) is replaced; any other non-empty folder is refused. Each step's time is kept in
``DemoResult.timings``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.errors import UsageError
from kototieto.i18n import date_text, tr
from kototieto.model.records import Record, record_to_data
from kototieto.model.text import T, Text
from kototieto.store import layout

MARKER = ".koto-demo"
#: The pilot municipality: Vaasa (bilingual: records in Finnish and Swedish) in Pohjanmaa.
MUNICIPALITY = {"type": "municipality", "code": "905", "name": "Vaasan kaupunki"}
MIGRATION_AUTHOR = "Koto-pilotti, tiedonsiirto <tiedonsiirto@vaasa.example.fi>"
ERASE_REASON = "Asiakkaan pyyntö (tietosuoja-asetus 17 art.): tiedot poistetaan."
LANGS = ("fi", "sv", "en")
#: Above this many records the YAML texts are written by worker processes.
PARALLEL_FROM = 800

Progress = Callable[[str], None]


@dataclass
class DemoResult:
    out: Path
    repo: Path
    customers: int
    records: int
    commits: int
    authors: list[str]
    events: dict[str, str]  # event -> a commit subject showing it
    erased_customer: str | None
    pdfs: list[Path] = field(default_factory=list)
    site: Path | None = None
    comments: Path | None = None
    reports: dict[str, Path] = field(default_factory=dict)
    charts: list[Path] = field(default_factory=list)
    validation: dict[str, Any] = field(default_factory=dict)
    figures: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    extension_records: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "repo": str(self.repo),
            "customers": self.customers,
            "records": self.records,
            "commits": self.commits,
            "authors": self.authors,
            "events": self.events,
            "erased_customer": self.erased_customer,
            "pdfs": [str(p) for p in self.pdfs],
            "site": str(self.site) if self.site else None,
            "comments": str(self.comments) if self.comments else None,
            "reports": {k: str(v) for k, v in self.reports.items()},
            "charts": [str(p) for p in self.charts],
            "validation": self.validation,
            "figures": self.figures,
            "timings": {k: round(v, 2) for k, v in self.timings.items()},
            "notes": self.notes,
            "extension_records": self.extension_records,
        }


def _prepare_out(out: Path) -> None:
    if out.exists():
        if not out.is_dir():
            raise UsageError(
                T(
                    "{out} on tiedosto; anna esittelylle kansio",
                    "{out} är en fil; ange en mapp för demon",
                    "{out} is a file; give a folder for the demo",
                ).format(out=out)
            )
        if any(out.iterdir()):
            if not (out / MARKER).exists():
                raise UsageError(
                    T(
                        "{out} ei ole tyhjä eikä siinä ole aiempaa esittelyä; valitse uusi tai tyhjä kansio",
                        "{out} är inte tom och har ingen tidigare demo; välj en ny eller tom mapp",
                        "{out} is not empty and holds no earlier demo; choose a new or empty folder",
                    ).format(out=out)
                )
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("koto demo output; `koto demo` replaces this folder\n", encoding="utf-8")


def _texts(records: list[dict[str, Any]]) -> list[bytes]:
    from kototieto.store.yamlio import new_document_text

    out = []
    for data in records:
        rel = layout.record_path(str(data.get("customer", data["id"])), str(data["id"]))
        out.append(new_document_text(data, layout.schema_url_for(rel)).encode("utf-8"))
    return out


def record_texts(datas: list[dict[str, Any]]) -> list[bytes]:
    """YAML record files as the store writes them (in worker processes for large demos)."""
    workers = min(4, os.cpu_count() or 1)
    if len(datas) < PARALLEL_FROM or workers <= 1:
        return _texts(datas)
    size = -(-len(datas) // (workers * 4))
    chunks = [datas[i : i + size] for i in range(0, len(datas), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [t for part in pool.map(_texts, chunks) for t in part]


class _Clock:
    def __init__(self, result: DemoResult, progress: Progress | None) -> None:
        self.result, self.progress, self.t = result, progress, time.perf_counter()

    def step(self, name: str, message: Text, **values: object) -> None:
        """Start step ``name``; tell the user ``message`` (in the run's language, with ``values``)."""
        if self.progress is not None:
            self.progress(tr(message).format(**values))
        self.t = time.perf_counter()
        self.name = name

    def done(self) -> None:
        self.result.timings[self.name] = time.perf_counter() - self.t


def build_demo(
    out_dir: Path | str,
    *,
    customers: int = 200,
    seed: int = 2025,
    today: dt.date | None = None,
    progress: Progress | None = None,
    site: bool = True,
) -> DemoResult:
    """Build the whole demo under ``out_dir`` (see the module docstring)."""
    from kototieto.demo import history as hist
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store
    from kototieto.synthetic.generator import DatasetSpec

    today = today or dt.date.today()
    out = Path(out_dir).resolve()
    _prepare_out(out)
    repo_dir = out / "repo"
    result = DemoResult(out, repo_dir, customers, 0, 0, [], {}, None)
    clock = _Clock(result, progress)
    started = time.perf_counter()

    clock.step(
        "generate",
        T(
            "Luodaan {n} synteettistä asiakasta (siemen {seed}, päivä {today})",
            "Skapar {n} syntetiska kunder (frö {seed}, dag {today})",
            "Generating {n} synthetic customers (seed {seed}, today {today})",
        ),
        n=customers,
        seed=seed,
        today=date_text(today),
    )
    cast = hist.cast(DatasetSpec(seed, today, MUNICIPALITY), customers)
    records: list[Record] = [r for recs in cast.customers for r in recs]
    colleagues = sorted(
        {
            hist.author_of(r, MIGRATION_AUTHOR)
            for r in records
            if r.organisation.type == "municipality" and getattr(r, "drawn_up_by", None)
        }
    )
    held, steps = hist.history_steps(cast, colleagues, MIGRATION_AUTHOR)
    erased = cast.customers[cast.erased][0] if cast.erased is not None else None
    bulk = [record_to_data(r) for r in records if r.id not in held]
    texts = record_texts(bulk)
    clock.done()

    clock.step(
        "import",
        T(
            "Luodaan tietovarasto ja tuodaan {n} tietuetta yhtenä muutoksena",
            "Skapar datakatalogen och importerar {n} poster i en ändring",
            "Creating the repository and importing {n} records in one commit",
        ),
        n=len(bulk),
    )
    repo = init_repository(
        repo_dir,
        organisation_code=MUNICIPALITY["code"],
        organisation_type="municipality",
        names={"fi": MUNICIPALITY["name"], "sv": "Vasa stad"},  # letterheads in each document's language
        author=MIGRATION_AUTHOR,
    )
    store = Store(repo, author=MIGRATION_AUTHOR)
    # Records are checked one by one on import; the cross-record rules run in the validation below.
    store.import_records(
        texts,
        message=f"Import {len(bulk)} records from the previous system",
        author=MIGRATION_AUTHOR,
        validate=False,
    )
    clock.done()

    clock.step(
        "history",
        T(
            "Kirjoitetaan historia: {n} muutosta tietovaraston kautta, kukin omana muutoksenaan",
            "Skriver historiken: {n} ändringar genom datakatalogen, en i taget",
            "Writing the history: {n} changes through the store, one commit each",
        ),
        n=len(steps),
    )
    county = Store(repo, author=MIGRATION_AUTHOR, acting_type="wellbeing-services-county")
    hist.run_steps(store, county, steps, progress)
    # The pilot tries a field of its own: one extension field and code list, used in some records.
    from kototieto.store.extensions.example import install_example, use_example

    pilot_author = colleagues[0] if colleagues else MIGRATION_AUTHOR
    install_example(repo, author=pilot_author)
    result.extension_records = use_example(repo, every=8, author=pilot_author)
    if erased is not None:
        from kototieto.store.erase import erase_customer

        erase_customer(
            repo, erased.id, ERASE_REASON, author=colleagues[0] if colleagues else MIGRATION_AUTHOR
        )
        result.erased_customer = erased.id
    clock.done()

    from kototieto.demo import outputs as outputs

    outputs.summarise_history(result)
    outputs.validate(result, clock)
    outputs.render_pdfs(result, clock, today)
    outputs.run_reports(result, clock, today)
    if site:
        outputs.build_site(result, clock, today)
    result.timings["total"] = time.perf_counter() - started
    (out / "demo.json").write_text(
        json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return result
