"""Validate record files in bulk: every problem in one report, cached by Git blob id, on every core.

``validate_paths`` reads each file's Git blob id and asks the cache (:mod:`blobcache`) what it
already knows: a file whose (path, blob) was checked under the same rules fingerprint is not
touched; a blob parsed before is re-validated from its cached JSON (no YAML parsing); anything else
is parsed with the bulk loader. Work goes out per customer folder (the cross-record rules need a
customer's records together) in chunks to worker processes when there is enough of it, else it
runs in this process (start-up stays near a second). The rules fingerprint covers the rule
parameters, the model's source and data files and the path check, so a rules change re-validates
everything (from cached data) and a code change in the loader empties the cache.

Trade-offs: on a cached run the parent takes blob ids of unchanged tracked files from Git's index
(``git ls-files -s`` + ``git diff-files``, both in C) and reads and hashes only the others; a cold
run (empty cache) skips that and lets the workers hash. Modules: ``validate_files`` (which files,
blob ids, fingerprints), ``validate_worker`` (the work), ``validate_report`` (the result).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Any

from kototieto.model.crossrules import identity_key
from kototieto.model.extensions import ExtensionSet
from kototieto.model.rules import RuleParams
from kototieto.store import blobcache, pipeline
from kototieto.store.blobcache import BlobCache
from kototieto.store.layout import path_problems
from kototieto.store.pipeline import LANGS
from kototieto.store.repository import Repository
from kototieto.store.validate_files import (
    RECORDS_DIR,
    Relative,
    blob_of,
    data_version,
    index_blobs,
    iter_folder,
    iter_record_files,
    record_files,
    rules_fingerprint,
)
from kototieto.store.validate_report import FileProblem, ValidationReport
from kototieto.store.validate_worker import (
    ChunkResult,
    ChunkTask,
    FileTask,
    person_of,
    problem_dict,
    run_chunk,
)

__all__ = [
    "FileProblem",
    "ValidationReport",
    "iter_record_files",
    "rules_fingerprint",
    "validate_paths",
    "validate_repository",
]

IN_PROCESS_LIMIT = 400  # files: below this, a worker pool costs more than it saves

PathCheck = Callable[[str, dict[str, Any]], list[Any]]
Progress = Callable[[int, int], None]


def _group_key(fingerprint: str, members: Sequence[tuple[str, str]]) -> str:
    h = hashlib.sha1(fingerprint.encode())
    for path, blob in sorted(members):
        h.update(f"\0{path}\0{blob}".encode())
    return h.hexdigest()


def _pool_context() -> Any:
    """fork is cheap and inherits the imported model; only safe while this process has no threads."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _chunks(groups: list[list[FileTask]], workers: int) -> list[list[list[FileTask]]]:
    total = sum(len(g) for g in groups)
    size = max(50, min(500, total // (workers * 8) + 1))
    chunks: list[list[list[FileTask]]] = [[]]
    count = 0
    for group in groups:
        if count >= size:
            chunks.append([])
            count = 0
        chunks[-1].append(group)
        count += len(group)
    return [c for c in chunks if c]


def validate_paths(
    paths: Sequence[str | Path],
    params: RuleParams | None = None,
    cache: Path | None = None,
    workers: int | None = None,
    *,
    root: Path | None = None,
    path_check: PathCheck | None = None,
    progress: Progress | None = None,
    siblings: bool = True,
    use_git_index: bool = False,
    extensions: ExtensionSet | None = None,
    prune: bool = False,
) -> ValidationReport:
    """Validate ``paths`` (record files) and report every problem.

    ``root``: where file names in the report are relative to (default: the current directory).
    ``cache``: the cache file (None: no cache). ``siblings``: check cross-record rules against the
    other records in each file's folder too (their own problems are not reported).
    ``extensions``: the repository's pilot extension set (``repository_extensions(root)``): records
    are then validated with their extended types (``root`` must be that repository's root).
    ``prune``: ``paths`` are every record of the repository; drop cache entries of files, blobs
    and rules no longer present (keeps the cache as large as the repository).
    ``use_git_index``: take the blob ids of unchanged tracked files from Git's index (``root`` must
    be the worktree root) instead of reading and hashing them.
    """
    params = params if params is not None else RuleParams()
    root = (root or Path.cwd()).resolve()
    to_rel = Relative(root)
    wanted = sorted({to_rel(p) for p in paths})
    groups: dict[str, list[str]] = {}
    for rel in wanted:
        groups.setdefault(rel.rpartition("/")[0], []).append(rel)
    if siblings:
        for folder, members in groups.items():
            if not folder.startswith(RECORDS_DIR + "/"):
                continue  # only record folders hold a customer's other records
            for extra in iter_folder(root / folder if folder else root):
                name = to_rel(extra)
                if name not in members:
                    members.append(name)
            members.sort()
    reported = set(wanted)
    fingerprint = rules_fingerprint(params, path_check, extensions)
    db = BlobCache(cache, data_version()) if cache is not None else None
    try:
        ext_root = str(root) if extensions is not None else None
        return _run(
            root,
            groups,
            reported,
            params,
            db,
            fingerprint,
            workers,
            path_check,
            progress,
            use_git_index,
            ext_root,
            prune,
        )
    finally:
        if db is not None:
            db.close()


def _run(
    root: Path,
    groups: dict[str, list[str]],
    reported: set[str],
    params: RuleParams,
    db: BlobCache | None,
    fingerprint: str,
    workers: int | None,
    path_check: PathCheck | None,
    progress: Progress | None,
    use_git_index: bool,
    extensions_root: str | None,
    prune: bool,
) -> ValidationReport:
    report = ValidationReport(files=len(reported))
    total = sum(len(m) for m in groups.values())
    metas: dict[str, tuple[str | None, str | None, str | None]] = {}
    tasks: list[list[FileTask]] = []
    live: set[tuple[str, str]] = set()
    live_groups: set[str] = set()
    persons: dict[str, dict[str, Any] | None] = {}  # path -> person_of (files this run looked at)
    cached_customers: dict[str, str] = {}  # path -> blob of customer records not looked at
    done = 0
    if db is not None and not db.is_empty():
        base = os.fspath(root)
        from_git = index_blobs(base) if use_git_index else {}
        blobs = {
            rel: from_git.get(rel) or blob_of(os.path.join(base, rel))
            for members in groups.values()
            for rel in members
        }
        results, known = db.results_of(fingerprint)
        known.update(db.known_blobs([b for b in set(blobs.values()) if b not in known]))
        keys = {
            folder: _group_key(fingerprint, [(m, blobs[m]) for m in members])
            for folder, members in groups.items()
        }
        cached_groups = db.groups_of(keys.values())
        for folder, members in groups.items():
            if keys[folder] in cached_groups and all(
                (m, blobs[m]) in results and blobs[m] in known for m in members
            ):
                for m in members:
                    live.add((m, blobs[m]))
                    metas[m] = known[blobs[m]]
                    if metas[m][2] == "customer":
                        cached_customers[m] = blobs[m]
                    if m in reported:
                        report.cached_files += 1
                        report.records += not any(
                            p["rule"] in ("yaml", "file") for p in results[(m, blobs[m])]
                        )
                        _add(report, m, results[(m, blobs[m])])
                _add_cross(report, reported, cached_groups[keys[folder]])
                live_groups.add(keys[folder])
                done += len(members)
            else:
                tasks.append([FileTask(m, blobs[m], blobs[m] in known) for m in members])
    else:
        tasks = [[FileTask(m, None, False) for m in members] for members in groups.values()]
    if progress is not None:
        progress(done, total)
    chunk_task = _chunk_factory(root, params, path_check, db, extensions_root)
    pending = sum(len(g) for g in tasks)
    count = workers or os.cpu_count() or 1
    if pending <= IN_PROCESS_LIMIT or count <= 1:
        results_iter: Iterable[ChunkResult] = (run_chunk(chunk_task(c)) for c in _chunks(tasks, 1))
        report.workers = 1
    else:
        report.workers = count
        import kototieto.model.validation  # noqa: F401  (imported once here, inherited by forked workers)

        results_iter = _in_pool(count, [chunk_task(c) for c in _chunks(tasks, count)])
    for result in results_iter:
        done += len(result.files)
        _collect(report, result, reported, metas, live, live_groups, db, fingerprint)
        persons.update((f.path, f.person) for f in result.files)
        if progress is not None:
            progress(done, total)
    _duplicate_ids(report, metas, reported)
    _duplicate_identities(report, _people(persons, cached_customers, db), reported)
    report.problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0, p.rule))
    if db is not None and prune:
        db.prune(fingerprint, live, live_groups)
    return report


def _chunk_factory(
    root: Path,
    params: RuleParams,
    path_check: PathCheck | None,
    db: BlobCache | None,
    extensions_root: str | None,
) -> Callable[[list[list[FileTask]]], ChunkTask]:
    def make(groups: list[list[FileTask]]) -> ChunkTask:
        cache_path = str(db.path) if db is not None else None
        return ChunkTask(str(root), groups, params, path_check, cache_path, data_version(), extensions_root)

    return make


def _in_pool(count: int, chunks: list[ChunkTask]) -> Iterable[ChunkResult]:
    """Results as they finish, with at most two chunks per worker in flight: memory stays flat
    however large the repository (a finished result is dropped once the caller has stored it)."""
    todo = iter(chunks)
    with ProcessPoolExecutor(max_workers=count, mp_context=_pool_context()) as pool:
        running: set[Future[ChunkResult]] = set()
        for chunk in itertools.islice(todo, 2 * count):
            running.add(pool.submit(run_chunk, chunk))
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                result = future.result()
                nxt = next(todo, None)
                if nxt is not None:
                    running.add(pool.submit(run_chunk, nxt))
                yield result
            del done


def _add(report: ValidationReport, path: str, problems: list[dict[str, Any]]) -> None:
    for p in problems:
        report.problems.append(
            FileProblem(
                path, p["line"], p["column"], tuple(p["path"]), p["severity"], p["rule"], p["messages"]
            )
        )


def _add_cross(report: ValidationReport, reported: set[str], problems: list[dict[str, Any]]) -> None:
    for p in problems:
        if p["file"] in reported:
            _add(report, p["file"], [p])


def _collect(
    report: ValidationReport,
    result: ChunkResult,
    reported: set[str],
    metas: dict[str, tuple[str | None, str | None, str | None]],
    live: set[tuple[str, str]],
    live_groups: set[str],
    db: BlobCache | None,
    fingerprint: str,
) -> None:
    blob_rows = []
    result_rows = []
    for f in result.files:
        metas[f.path] = f.meta
        live.add((f.path, f.blob))
        if f.blob_row is not None:
            blob_rows.append(f.blob_row)
        result_rows.append((f.path, f.blob, fingerprint, blobcache.dumps(f.problems)))
        if f.path in reported:
            report.parsed_files += f.parsed
            report.revalidated_files += not f.parsed
            report.records += f.is_record
            _add(report, f.path, f.problems)
    group_rows = []
    for members, cross in result.groups:
        _add_cross(report, reported, cross)
        key = _group_key(fingerprint, members)
        live_groups.add(key)
        group_rows.append((key, blobcache.dumps(cross)))
    if db is not None:
        db.store(blob_rows, result_rows, group_rows)


_DUPLICATE = {
    "fi": "Tunniste {id} on käytössä myös tiedostossa {other}.",
    "sv": "Identifieraren {id} används också i filen {other}.",
    "en": "The id {id} is also used in {other}.",
}


def _duplicate_ids(
    report: ValidationReport, metas: dict[str, tuple[str | None, str | None, str | None]], reported: set[str]
) -> None:
    """Record ids are unique in a repository (checked across customer folders)."""
    first: dict[str, str] = {}
    for path in sorted(metas):
        rid = metas[path][0]
        if rid is None:
            continue
        if rid in first and path in reported:
            msgs = {lang: _DUPLICATE[lang].format(id=rid, other=first[rid]) for lang in LANGS}
            p = problem_dict(("id",), "error", "duplicate-id", msgs, None)
            _add(report, path, [p])
        first.setdefault(rid, path)


def _people(
    persons: dict[str, dict[str, Any] | None], cached: dict[str, str], db: BlobCache | None
) -> dict[str, dict[str, Any]]:
    """path -> person (``person_of``) of every live customer record with an identifier: from this
    run's files, and for the customer records of groups taken whole from the cache (``cached``:
    path -> blob), from the cached data."""
    out = {p: v for p, v in persons.items() if v is not None}
    if cached and db is not None:
        datas = db.data_of(sorted(set(cached.values())))
        for path, blob in cached.items():
            data_json = datas.get(blob, (None, None))[0]
            person = person_of(json.loads(data_json)) if data_json is not None else None
            if person is not None:
                out[path] = person
    return out


def _duplicate_identities(
    report: ValidationReport, people: dict[str, dict[str, Any]], reported: set[str]
) -> None:
    """One person, one customer (checked across customer folders): each customer record whose
    identifier another live customer has gets the pipeline's ``duplicate-identity`` error."""
    by_key: dict[str, list[str]] = {}
    for path in sorted(people):
        key = identity_key(people[path])
        if key is not None:
            by_key.setdefault(key, []).append(path)
    for paths in by_key.values():
        if len(paths) < 2:
            continue
        for path in paths:
            if path not in reported:
                continue
            others = [people[p] for p in paths if p != path]
            for f in pipeline.identity_findings(people[path], others):
                _add(report, path, [problem_dict(f.path, f.severity, f.rule, f.messages, None)])


def validate_repository(
    repo: Repository | Path | str,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
    paths: Sequence[str | Path] | None = None,
) -> ValidationReport:
    """Validate a data repository (a ``Repository`` or its root folder) with its rule overrides."""
    if not isinstance(repo, Repository):
        repo = Repository.open(Path(repo))
    rules = pipeline.repository_rules(repo)
    files: Sequence[str | Path] = list(paths) if paths else record_files(os.fspath(repo.root))
    cache = repo.koto_dir / blobcache.CACHE_FILE if use_cache else None
    report = validate_paths(
        files,
        rules.params,
        cache,
        workers,
        root=repo.root,
        path_check=path_problems,
        progress=progress,
        siblings=bool(paths),
        use_git_index=True,
        extensions=rules.extensions,
        prune=not paths,
    )
    from kototieto.store.erasures import erased_files  # B1: an erased customer never comes back

    for rel, msgs in erased_files(repo.root, files):
        report.problems.append(FileProblem(rel, None, None, ("customer",), "error", "erased-customer", msgs))
    return report
