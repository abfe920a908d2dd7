"""Build the catalogue site: gather inputs, generate Markdown once, run one mkdocs build per language.

``build_site(out)`` writes ``out/<lang>/`` (one Material site per language), ``out/index.html``
(goes to the first language) and ``out/.koto-site`` (a marker with the build facts). The build runs
into a fresh folder beside ``out`` and replaces ``out`` only when every language built with
``--strict``: a failed build leaves the previous site untouched, and a folder that is not a
previous site build is never overwritten.

Languages are built in parallel worker processes (forked after mkdocs is imported, so each pays
no import cost); the Markdown is generated once in the parent.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from kototieto.errors import KotoError, NoRepositoryError, UsageError
from kototieto.model.catalogue import catalogue_json
from kototieto.model.jsonschema import record_schema
from kototieto.model.text import T
from kototieto.reports.fillrates import FillRates, fill_rates
from kototieto.site import i18n, keyfigures
from kototieto.site.catalogue_diff import diff_catalogues
from kototieto.site.comments import CommentRepo, CommentSet
from kototieto.site.context import CommentLink, SiteContext
from kototieto.site.generate import generate
from kototieto.site.snapshots import SNAPSHOT_DIR, find_latest_snapshot, latest_snapshot, publish_snapshot
from kototieto.store.extensions.load import extended_catalogue

MARKER = ".koto-site"


@dataclass
class BuildResult:
    out: Path
    langs: list[str]
    pages: int
    generate_seconds: float
    mkdocs_seconds: float
    fields: int
    comments: int
    orphans: int
    fill: FillRates | None = None
    snapshot_version: str | None = None
    changes: int = 0
    key_figures: bool = False
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "langs": self.langs,
            "pages": self.pages,
            "generate_seconds": round(self.generate_seconds, 3),
            "mkdocs_seconds": round(self.mkdocs_seconds, 3),
            "fields": self.fields,
            "comments": self.comments,
            "orphans": self.orphans,
            "snapshot_version": self.snapshot_version,
            "changes": self.changes,
            "fill_records": sum(self.fill.totals.values()) if self.fill else None,
            "key_figures": self.key_figures,
        }


__all__ = [
    "SNAPSHOT_DIR",
    "BuildResult",
    "build_site",
    "find_latest_snapshot",
    "latest_snapshot",
    "load_catalogue",
    "publish_snapshot",
]


def load_catalogue(data_repo: Path | None = None) -> dict[str, Any]:
    """The model's catalogue; with a data repository, its extension fields and codes too (``local``).

    A plain folder of record files (no repository configuration) has no extensions: the model's
    catalogue is used as it is, and the fill rates are still counted.
    """
    catalogue = dict(catalogue_json())
    if data_repo is None:
        return catalogue
    try:
        return dict(extended_catalogue(catalogue, data_repo))
    except NoRepositoryError:
        return catalogue


def default_schemas() -> Callable[[str | None, str], Any] | None:
    return record_schema


def prepare(
    catalogue: Mapping[str, Any],
    *,
    data_repo: Path | None = None,
    comments_dir: Path | None = None,
    comment_url: str | None = None,
    contact: str | None = None,
    snapshot: Mapping[str, Any] | None = None,
    schemas: Callable[[str | None, str], Any] | None = None,
    today: dt.date | None = None,
    worktree: bool = False,
) -> SiteContext:
    """Everything the pages need, computed once for all languages (key figures as on ``today``)."""
    comments = CommentSet(None)
    if comments_dir is not None:
        repo = CommentRepo(comments_dir, commit=False)
        comments = repo.sorted_onto(catalogue)
    rnd = comments.round
    link = CommentLink(
        template=comment_url or (rnd.issue_url if rnd else None),
        contact=contact or (rnd.contact if rnd else None),
    )
    fill = fill_rates(data_repo, catalogue, worktree=worktree) if data_repo is not None else None
    stats = keyfigures.load_stats(data_repo, today, worktree=worktree) if data_repo is not None else None
    changes = diff_catalogues(snapshot, catalogue) if snapshot is not None else None
    return SiteContext(
        catalogue=catalogue,
        comments=comments,
        comment_link=link,
        fill=fill,
        changes=changes,
        snapshot_version=str(snapshot.get("version")) if snapshot is not None else None,
        schemas=schemas,
        stats=stats,
    )


def mkdocs_build(config: Path) -> list[str]:
    """``mkdocs build --strict`` of one config, in this process; raises KotoError with every warning."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record.getMessage())

    handler = Collect(level=logging.WARNING)
    log = logging.getLogger("mkdocs")
    log.addHandler(handler)
    old_level = log.level
    log.setLevel(logging.WARNING)
    try:
        cfg = load_config(config_file=str(config), strict=True)
        build(cfg)
    except (Abort, ConfigurationError) as exc:
        raise KotoError(
            T(
                "Sivuston mkdocs-käännös ({c}) epäonnistui: {exc}; {seen}",
                "mkdocs-bygget av webbplatsen ({c}) misslyckades: {exc}; {seen}",
                "mkdocs build of {c} failed: {exc}; {seen}",
            ).format(c=config, exc=exc, seen=" | ".join(seen[:20]))
        ) from None
    finally:
        log.removeHandler(handler)
        log.setLevel(old_level)
    return seen


def run_mkdocs(configs: Sequence[Path], jobs: int | None = None) -> list[str]:
    """Build every config; in parallel forked workers when ``jobs`` > 1."""
    workers = min(len(configs), jobs if jobs is not None else (os.cpu_count() or 1))
    if workers <= 1 or "fork" not in _start_methods():
        return [w for c in configs for w in mkdocs_build(c)]
    import mkdocs.commands.build  # noqa: F401  (imported before forking: workers start warm)

    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        results = [pool.submit(mkdocs_build, c) for c in configs]
        return [w for r in results for w in r.result()]


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def _landing(langs: Sequence[str]) -> str:
    """The root page: a language chooser (no redirect, so Swedish and English readers see it)."""
    first = langs[0]
    links = "\n".join(
        f'    <li><a href="{lang}/" hreflang="{lang}" lang="{lang}">{i18n.tr("site.name", lang)} ({i18n.tr("lang.name", lang)})</a></li>'
        for lang in langs
    )
    title = " · ".join(i18n.tr("site.name", lang) for lang in langs)
    return (
        f'<!doctype html>\n<html lang="{first}">\n<head>\n  <meta charset="utf-8">\n'
        f'  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"  <title>{title}</title>\n"
        "  <style>body{font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
        "line-height:1.6}a{font-size:1.2rem}</style>\n</head>\n<body>\n<main>\n"
        f"  <h1>{title}</h1>\n  <ul>\n{links}\n  </ul>\n</main>\n</body>\n</html>\n"
    )


def fix_not_found_page(page: str, lang: str, site_root: str = "/") -> str:
    """A language's ``404.html`` with working links from any depth.

    mkdocs writes the 404 page with root-absolute links (``/assets/...``), since it is served for
    any missing address; but each language lives under ``<site_root><lang>/``. The links are
    rewritten to that prefix (the language links to ``<site_root><other>/``).
    """
    root = site_root if site_root.endswith("/") else site_root + "/"
    page = re.sub(r'(href|src)="/(?!/)', rf'\1="{root}{lang}/', page)
    page = re.sub(r'(href|src)="//\.\./', rf'\1="{root}', page)
    page = page.replace('"base": "/"', f'"base": "{root}{lang}/"')
    return page.replace('"search": "/', f'"search": "{root}{lang}/')


def _fix_not_found_pages(staging: Path, langs: Sequence[str], site_root: str) -> None:
    for lang in langs:
        page = staging / lang / "404.html"
        if page.exists():
            fixed = fix_not_found_page(page.read_text(encoding="utf-8"), lang, site_root)
            page.write_text(fixed, encoding="utf-8")
    first = staging / langs[0] / "404.html"
    if first.exists():  # the root's 404 page is the first language's
        shutil.copyfile(first, staging / "404.html")


def _check_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise UsageError(
            T(
                "{out} on jo olemassa eikä ole tietosisältösivuston käännös: valitse tyhjä tai uusi kansio",
                "{out} finns redan och är inte ett bygge av datainnehållets webbplats: välj en tom eller ny mapp",
                "{out} exists and is not a catalogue site build: choose an empty or new folder",
            ).format(out=out)
        )


def build_site(
    out: Path,
    *,
    catalogue: Mapping[str, Any] | None = None,
    data_repo: Path | None = None,
    comments_dir: Path | None = None,
    langs: Sequence[str] = i18n.LANGS,
    comment_url: str | None = None,
    contact: str | None = None,
    snapshot: Mapping[str, Any] | str | None = "latest",
    schemas: Callable[[str | None, str], Any] | str | None = "default",
    jobs: int | None = None,
    src: Path | None = None,
    today: dt.date | None = None,
    site_root: str = "/",
    worktree: bool = False,
) -> BuildResult:
    """Build the whole site into ``out`` (see the module docstring); ``src`` keeps the Markdown.

    ``site_root`` is the address path the site is published under (``/`` for a host of its own):
    the 404 pages link there, since they are served at any depth.

    With ``data_repo`` the front page shows the ``koto report stats`` key figures as on ``today``
    (default: the real today, as the report's) and their charts, and every field its fill rate:
    the figures of the branch head, like every report; ``worktree``: of the working tree's files
    (a plain folder of record files, without Git, can only be read that way).
    """
    out = Path(out).resolve()
    _check_out(out)
    langs = list(dict.fromkeys(langs))
    i18n.check_complete()
    t0 = time.perf_counter()
    cat = dict(catalogue) if catalogue is not None else load_catalogue(data_repo)
    snap = find_latest_snapshot() if snapshot == "latest" else snapshot
    assert not isinstance(snap, str)
    if snap is not None and data_repo is not None and any(f.get("local") for f in cat.get("fields", [])):
        snap = extended_catalogue(dict(snap), data_repo)  # a pilot's fields are not catalogue changes
    schema_fn = default_schemas() if schemas == "default" else schemas
    assert not isinstance(schema_fn, str)
    ctx = prepare(
        cat,
        data_repo=data_repo,
        comments_dir=comments_dir,
        comment_url=comment_url,
        contact=contact,
        snapshot=snap,
        schemas=schema_fn,
        today=today,
        worktree=worktree,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    src_root = Path(src).resolve() if src is not None else Path(tempfile.mkdtemp(prefix="koto-site-src-"))
    try:
        configs = generate(ctx, src_root, staging, langs)
        t1 = time.perf_counter()
        warnings = run_mkdocs(configs, jobs)
        t2 = time.perf_counter()
        (staging / "index.html").write_text(_landing(langs), encoding="utf-8")
        _fix_not_found_pages(staging, langs, site_root)
        pages = sum(1 for _ in staging.rglob("index.html"))
        result = BuildResult(
            out=out,
            langs=langs,
            pages=pages,
            generate_seconds=t1 - t0,
            mkdocs_seconds=t2 - t1,
            fields=len(ctx.fields),
            comments=sum(len(v) for v in ctx.comments.by_path.values()),
            orphans=len(ctx.comments.orphans),
            fill=ctx.fill,
            snapshot_version=ctx.snapshot_version,
            changes=len(ctx.changes or []),
            key_figures=ctx.stats is not None,
            warnings=warnings,
        )
        (staging / MARKER).write_text(json.dumps(result.to_json(), indent=1) + "\n", encoding="utf-8")
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if src is None:
            shutil.rmtree(src_root, ignore_errors=True)
    return result


def _swap(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(staging, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
