"""Read every record file of a data repository, fast: the one reader of the reports and the site.

``read_records`` reads one *revision*: the branch head's tree by default (an uncommitted edit is not
yet a record), another commit with ``rev``, or the working tree's files when asked
(``worktree=True``; a plain folder of record files without Git can only be read that way). Every
report and the catalogue site's fill rates read through here, so they count the same records.

Files are parsed with the store's fast strict loader (libyaml). Parsing is nearly all the cost, so
above ``PARALLEL_FROM`` files it runs in worker processes. Nothing is dropped silently: a file
that does not load comes back with the reason instead of its data.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygit2
from pydantic import ValidationError

from kototieto.errors import InvalidInputError, NoRepositoryError, NotFoundError
from kototieto.model.records import Record, parse_record
from kototieto.model.text import T
from kototieto.store.bulkload import fast_load
from kototieto.store.history import NO_REVISION, record_entries
from kototieto.store.layout import CUSTOMERS_DIR, RECORD_SUFFIX
from kototieto.store.pipeline import Rules, repository_rules
from kototieto.store.repository import CONFIG_FILE, Repository

#: Below this many files one process is faster than starting workers.
PARALLEL_FROM = 2000


@dataclass
class RecordFiles:
    """The record files of one revision: (path, data) and (path, why it does not load)."""

    root: Path
    commit: str | None  # None: the working tree
    datas: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def iter_record_blobs(repo: Repository, commit: pygit2.Commit) -> Iterator[tuple[str, bytes]]:
    """(path, content) of every ``customers/<shard>/<customer>/<id>.yaml`` in ``commit``'s tree."""
    for _, path, entry in record_entries(repo, commit):
        blob = repo.git.get(entry.id)
        if isinstance(blob, pygit2.Blob):
            yield path, blob.data


def worktree_record_files(root: Path) -> list[Path]:
    """Record files of a working tree (``customers/<shard>/<customer>/<id>.yaml``); a folder with
    neither ``koto.yaml`` nor ``customers/`` is not a data repository."""
    base = root / CUSTOMERS_DIR
    if not base.is_dir():
        if (root / CONFIG_FILE).is_file():
            return []  # a data repository without records yet
        raise NoRepositoryError(
            T(
                "{p} ei ole tietovarasto: siinä ei ole {c}-tiedostoa eikä {d}/-kansiota",
                "{p} är ingen datakatalog: den har varken {c} eller mappen {d}/",
                "{p} is not a data repository: it has neither {c} nor a {d}/ folder",
            ).format(p=root, c=CONFIG_FILE, d=CUSTOMERS_DIR)
        )
    return sorted(base.glob(f"*/*/*{RECORD_SUFFIX}"))


def _parse(chunk: list[tuple[str, bytes]]) -> list[tuple[str, dict[str, Any] | str]]:
    out: list[tuple[str, dict[str, Any] | str]] = []
    for path, raw in chunk:
        try:
            out.append((path, fast_load(raw, path)))
        except InvalidInputError as exc:
            out.append((path, str(exc)))
    return out


def _read_and_parse(chunk: list[tuple[str, str]]) -> list[tuple[str, dict[str, Any] | str]]:
    """(relative path, file name) -> parsed, for the working tree (files are read by the worker)."""
    out: list[tuple[str, dict[str, Any] | str]] = []
    for rel, name in chunk:
        try:
            with open(name, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            out.append((rel, f"{rel}: cannot read the file: {exc.strerror}"))
            continue
        out.extend(_parse([(rel, raw)]))
    return out


def _chunks(items: list[Any], n: int) -> Iterator[list[Any]]:
    size = max(1, -(-len(items) // n))
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _run(func: Any, items: list[Any], jobs: int | None) -> list[tuple[str, dict[str, Any] | str]]:
    workers = jobs if jobs is not None else min(4, os.cpu_count() or 1)
    if workers <= 1 or len(items) < PARALLEL_FROM:
        return list(func(items))
    out: list[tuple[str, dict[str, Any] | str]] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(func, _chunks(items, workers * 4)):
            out.extend(part)
    return out


def resolve_commit(repo: Repository, rev: str | None) -> pygit2.Commit | None:
    """``rev`` (default: the branch head; None when the repository has no commit yet)."""
    if rev is None:
        return repo.head_commit()
    try:
        return repo.git.revparse_single(rev).peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError):
        raise NotFoundError(NO_REVISION.format(r=rev, p=repo.root)) from None


def read_records(
    root: Path | str, *, rev: str | None = None, worktree: bool = False, jobs: int | None = None
) -> RecordFiles:
    """Every record file of the repository at ``root``: at ``rev`` (default: the branch head), or
    the working tree's files with ``worktree`` (then ``root`` may be a plain folder of records)."""
    if worktree:
        if rev is not None:
            raise ValueError("read either a revision or the working tree, not both")
        base = Path(root)
        files = worktree_record_files(base)
        items = [(p.relative_to(base).as_posix(), str(p)) for p in files]
        out = RecordFiles(base, None)
        parsed = _run(_read_and_parse, items, jobs)
    else:
        repo = Repository.open(root)
        commit = resolve_commit(repo, rev)
        out = RecordFiles(repo.root, str(commit.id) if commit is not None else None)
        blobs = sorted(iter_record_blobs(repo, commit)) if commit is not None else []
        parsed = _run(_parse, blobs, jobs)
    for path, data in sorted(parsed, key=lambda item: item[0]):
        if isinstance(data, str):
            out.unreadable.append((path, data))
        else:
            out.datas.append((path, data))
    return out


@dataclass
class ParsedRecords:
    """The records of one revision as model objects (extended types with the repository's
    extension definitions), and every file that does not load or parse, with the reason."""

    root: Path
    commit: str | None
    rules: Rules
    items: list[tuple[str, dict[str, Any], Record]] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def load_records(
    root: Path | str, *, rev: str | None = None, worktree: bool = False, jobs: int | None = None
) -> ParsedRecords:
    """``read_records`` of a data repository, each record parsed with its rules (the model objects
    are built in this process: validation is ~40x cheaper than parsing, and they cost more to
    pickle)."""
    repo = Repository.open(root)
    rules = repository_rules(repo)
    files = read_records(repo.root, rev=rev, worktree=worktree, jobs=jobs)
    out = ParsedRecords(repo.root, files.commit, rules, unreadable=list(files.unreadable))
    for rel, data in files.datas:
        try:
            record = rules.extensions.parse(data) if rules.extensions is not None else parse_record(data)
        except ValidationError as exc:
            out.unreadable.append((rel, f"{rel}: not a valid record ({exc.error_count()} schema problems)"))
            continue
        out.items.append((rel, data, record))
    return out
