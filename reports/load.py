"""Read every current record of a data repository, fast, for the reports.

Records are read from the branch head's *tree* (not the working tree: an uncommitted edit is not
yet a record), with the store's fast strict loader (libyaml) and then ``parse_record``. Parsing the
YAML is nearly all the cost (see ``shared/design/performance.md``), so above ``PARALLEL_FROM``
files the YAML is parsed by worker processes; the model objects are built in this process
(Pydantic validation is ~40x cheaper than parsing and the objects would cost more to pickle).

Nothing is dropped silently: a file that does not load or does not pass the schema is listed in
``RepoRecords.unreadable`` with its path and the reason, and the reports say how many there were.
Annulled records are kept here; each report decides (and says) whether it counts them.
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

from kototieto.errors import InvalidInputError, NotFoundError
from kototieto.model.records import Record, parse_record
from kototieto.model.rules import RuleParams
from kototieto.store.bulkload import fast_load
from kototieto.store.history import record_entries
from kototieto.store.repository import Repository

#: Below this many files one process is faster than starting workers.
PARALLEL_FROM = 2000


@dataclass(frozen=True)
class Loaded:
    """One record file at the head: its path, its data and the parsed record."""

    path: str
    data: dict[str, Any]
    record: Record

    @property
    def annulled(self) -> bool:
        return self.record.annulment is not None


@dataclass
class RepoRecords:
    """Every record of a repository at one commit, with the repository's rule parameters."""

    root: Path
    commit: str | None
    params: RuleParams
    organisation: dict[str, str]
    items: list[Loaded] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    def records(self, *, annulled: bool = False) -> list[Record]:
        """The parsed records; annulled ones only when ``annulled`` is true."""
        return [i.record for i in self.items if annulled or not i.annulled]

    @property
    def annulled_count(self) -> int:
        return sum(1 for i in self.items if i.annulled)


def iter_record_blobs(repo: Repository, commit: pygit2.Commit) -> Iterator[tuple[str, bytes]]:
    """(path, content) of every ``customers/<shard>/<customer>/<id>.yaml`` in ``commit``'s tree."""
    for _, path, entry in record_entries(repo, commit):
        blob = repo.git.get(entry.id)
        if isinstance(blob, pygit2.Blob):
            yield path, blob.data


def _parse_chunk(chunk: list[tuple[str, bytes]]) -> list[tuple[str, dict[str, Any] | str]]:
    out: list[tuple[str, dict[str, Any] | str]] = []
    for path, raw in chunk:
        try:
            out.append((path, fast_load(raw, path)))
        except InvalidInputError as exc:
            out.append((path, str(exc)))
    return out


def _chunks(items: list[tuple[str, bytes]], n: int) -> Iterator[list[tuple[str, bytes]]]:
    size = max(1, -(-len(items) // n))
    for i in range(0, len(items), size):
        yield items[i : i + size]


def load_repository(
    path: Path | str = ".", *, rev: str | None = None, jobs: int | None = None
) -> RepoRecords:
    """Every record at ``rev`` (default: the branch head) of the data repository at ``path``."""
    repo = Repository.open(path)
    params = RuleParams.from_overrides(dict(repo.config.rules)) if repo.config.rules else RuleParams()
    org = repo.config.organisation
    if rev is None:
        commit = repo.head_commit()
    else:
        try:
            commit = repo.git.revparse_single(rev).peel(pygit2.Commit)
        except (KeyError, ValueError, pygit2.GitError):
            raise NotFoundError(f"no revision {rev!r} in {repo.root}") from None
    out = RepoRecords(
        repo.root,
        str(commit.id) if commit is not None else None,
        params,
        {"type": org.type, "code": org.code, "name": org.name},
    )
    if commit is None:
        return out
    blobs = sorted(iter_record_blobs(repo, commit))
    workers = jobs if jobs is not None else min(4, os.cpu_count() or 1)
    if workers <= 1 or len(blobs) < PARALLEL_FROM:
        parsed = _parse_chunk(blobs)
    else:
        parsed = []
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part in pool.map(_parse_chunk, _chunks(blobs, workers * 4)):
                parsed.extend(part)
    from kototieto.store.extensions import repository_extensions

    ext = repository_extensions(repo.root)  # extended types: extension values, open-end codes
    for rel, data in parsed:
        if isinstance(data, str):
            out.unreadable.append((rel, data))
            continue
        try:
            record = ext.parse(data) if ext is not None else parse_record(data)
        except ValidationError as exc:
            out.unreadable.append((rel, f"{rel}: not a valid record ({exc.error_count()} schema problems)"))
            continue
        out.items.append(Loaded(rel, data, record))
    return out
