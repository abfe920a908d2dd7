"""Validate record files in bulk: every problem in one report, cached by Git blob id, on every core.

``validate_paths`` reads each file's Git blob id and asks the cache (:mod:`blobcache`) what it
already knows: a file whose (path, blob) was checked under the same rules fingerprint is not
touched; a blob parsed before is re-validated from its cached JSON (no YAML parsing); anything else
is parsed with the bulk loader. Work goes out per customer folder (the cross-record rules need a
customer's records together) in chunks to worker processes when there is enough of it, else it
runs in this process (start-up stays near a second). The rules fingerprint covers the rule
parameters, the model's source and data files and the path check, so a rules change re-validates
everything (from cached data) and a code change in the loader empties the cache.

Trade-offs: the parent reads and hashes every file on a cached run (about 15 us a file) rather
than trusting file times; a cold run (empty cache) skips that and lets the workers hash.
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import subprocess
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kototieto.errors import ExitCode
from kototieto.store import blobcache
from kototieto.store.blobcache import BlobCache, blob_id
from kototieto.store.validate_worker import LANGS, ChunkResult, ChunkTask, FileTask, problem_dict, run_chunk

VALIDATOR_VERSION = "1"
RECORDS_DIR = "customers"
IN_PROCESS_LIMIT = 400  # files: below this, a worker pool costs more than it saves

PathCheck = Callable[[str, dict[str, Any]], list[Any]]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FileProblem:
    """One problem of one file, with its messages in every language."""

    file: str
    line: int | None
    column: int | None
    path: tuple[str | int, ...]
    severity: str
    rule: str
    messages: dict[str, str]

    def message(self, lang: str = "fi") -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")

    @property
    def dotted_path(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out

    def to_json(self, lang: str = "fi") -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.dotted_path,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message(lang),
        }


@dataclass
class ValidationReport:
    """Every problem found, and counts of what was done (``parsed_files`` proves the cache works)."""

    problems: list[FileProblem] = field(default_factory=list)
    files: int = 0
    records: int = 0
    parsed_files: int = 0  # files read as YAML in this run
    revalidated_files: int = 0  # files validated from cached data (no YAML parsing)
    cached_files: int = 0  # files whose result came from the cache as it was
    workers: int = 1

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        return self.errors == 0

    @property
    def exit_code(self) -> int:
        return ExitCode.OK if self.ok else ExitCode.INVALID

    def summary(self) -> dict[str, int]:
        return {
            "files": self.files,
            "records": self.records,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": sum(1 for p in self.problems if p.severity == "info"),
            "parsed_files": self.parsed_files,
            "revalidated_files": self.revalidated_files,
            "cached_files": self.cached_files,
        }

    def to_json(self, lang: str = "fi") -> dict[str, Any]:
        return {"problems": [p.to_json(lang) for p in self.problems], "summary": self.summary()}


def iter_record_files(repo_root: Path) -> list[Path]:
    """Every ``customers/**/*.yaml`` file under ``repo_root``, sorted (hidden folders skipped)."""
    return [Path(p) for p in _record_files(os.fspath(repo_root))]


def _record_files(root: str) -> list[str]:
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, RECORDS_DIR)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(
            os.path.join(dirpath, f)
            for f in sorted(filenames)
            if f.endswith(".yaml") and not f.startswith(".")
        )
    return out


def _hash_files(folder: Path, patterns: Iterable[str]) -> str:
    h = hashlib.sha1()
    for pattern in patterns:
        for path in sorted(folder.glob(pattern)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def data_version() -> str:
    """Changes whenever the YAML loader's code changes (cached data would be stale)."""
    here = Path(__file__).parent
    return _hash_files(here, ["bulkload.py", "strict_yaml.py"])[:16]


@lru_cache(maxsize=1)
def _model_version() -> str:
    from kototieto import model

    folder = Path(model.__file__).parent
    return _hash_files(folder, ["*.py", "data/*"])


def rules_fingerprint(params: Any, path_check: PathCheck | None, extensions: Any = None) -> str:
    """What a cached result depends on besides the file: rules, parameters, model code, path check,
    pilot extension definitions."""
    h = hashlib.sha1(VALIDATOR_VERSION.encode())
    if extensions is not None:
        h.update(str(extensions.fingerprint).encode())
    h.update(_model_version().encode())
    h.update(params.model_dump_json().encode() if params is not None else b"defaults")
    if path_check is not None:
        h.update(f"{path_check.__module__}.{path_check.__qualname__}".encode())
    return h.hexdigest()


def _group_key(fingerprint: str, members: Sequence[tuple[str, str]]) -> str:
    h = hashlib.sha1(fingerprint.encode())
    for path, blob in sorted(members):
        h.update(f"\0{path}\0{blob}".encode())
    return h.hexdigest()


class _Relative:
    """Paths relative to a root as POSIX strings, by string operations (no per-file realpath)."""

    def __init__(self, root: Path) -> None:
        self.prefixes = {os.path.abspath(root) + os.sep, os.path.realpath(root) + os.sep}

    def __call__(self, path: str | Path) -> str:
        full = os.path.abspath(path)
        for prefix in self.prefixes:
            if full.startswith(prefix):
                return full[len(prefix) :].replace(os.sep, "/")
        real = os.path.realpath(full)
        for prefix in self.prefixes:
            if real.startswith(prefix):
                return real[len(prefix) :].replace(os.sep, "/")
        return Path(full).as_posix()


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
    params: Any = None,
    cache: Path | None = None,
    workers: int | None = None,
    *,
    root: Path | None = None,
    path_check: PathCheck | None = None,
    progress: Progress | None = None,
    siblings: bool = True,
    use_git_index: bool = False,
    extensions: Any = None,
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
    root = (root or Path.cwd()).resolve()
    to_rel = _Relative(root)
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


def iter_folder(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".yaml" and p.is_file())
    except OSError:
        return []


def _run(
    root: Path,
    groups: dict[str, list[str]],
    reported: set[str],
    params: Any,
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
    done = 0
    if db is not None and not db.is_empty():
        base = os.fspath(root)
        from_git = _index_blobs(base) if use_git_index else {}
        blobs = {
            rel: from_git.get(rel) or _blob_of(os.path.join(base, rel))
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
        if progress is not None:
            progress(done, total)
    _duplicate_ids(report, metas, reported)
    report.problems.sort(key=lambda p: (p.file, p.line or 0, p.column or 0, p.rule))
    if db is not None and prune:
        db.prune(fingerprint, live, live_groups)
    return report


def _index_blobs(root: str) -> dict[str, str]:
    """Blob ids Git already knows: index entries whose working file is unchanged (stat-checked by
    ``git diff-files``, racily clean entries compared by content). Empty outside a Git worktree."""
    try:
        staged = subprocess.run(
            ["git", "-C", root, "ls-files", "-s", "-z", "--", RECORDS_DIR],
            capture_output=True,
            check=True,
        ).stdout
        dirty = subprocess.run(
            ["git", "-C", root, "diff-files", "--name-only", "-z", "--", RECORDS_DIR],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changed = set(dirty.decode("utf-8", "surrogateescape").split("\0"))
    out: dict[str, str] = {}
    for entry in staged.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        info, _, path = entry.partition("\t")
        _mode, blob, stage = info.split(" ")
        if stage == "0" and path not in changed:
            out[path] = blob
    return out


def _blob_of(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return blob_id(fh.read())
    except OSError:
        return "unreadable"


def _chunk_factory(
    root: Path, params: Any, path_check: PathCheck | None, db: BlobCache | None, extensions_root: str | None
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


def validate_repository(
    repo: Any,
    *,
    use_cache: bool = True,
    workers: int | None = None,
    progress: Progress | None = None,
    paths: Sequence[str | Path] | None = None,
) -> ValidationReport:
    """Validate a data repository (a ``Repository`` or its root folder) with its rule overrides."""
    from kototieto.store.extensions import repository_extensions
    from kototieto.store.layout import path_problems
    from kototieto.store.repository import Repository

    if not isinstance(repo, Repository):
        repo = Repository.open(Path(repo))
    from kototieto.model.rules import RuleParams

    params = RuleParams.from_overrides(dict(repo.config.rules)) if repo.config.rules else RuleParams()
    files: Sequence[str | Path] = list(paths) if paths else _record_files(os.fspath(repo.root))
    cache = repo.koto_dir / blobcache.CACHE_FILE if use_cache else None
    return validate_paths(
        files,
        params,
        cache,
        workers,
        root=repo.root,
        path_check=path_problems,
        progress=progress,
        siblings=bool(paths),
        use_git_index=True,
        extensions=repository_extensions(repo.root),
        prune=not paths,
    )
