"""Every current record of a data repository, parsed, for the reports.

The files come from the store's reader (``kototieto.store.reader.read_records``): the branch
head's *tree* by default (an uncommitted edit is not yet a record), another revision with ``rev``,
or the working tree when asked (``worktree``), the same revision for every report (and the site's
fill rates). The model objects are built here, in this process (Pydantic validation is ~40x
cheaper than parsing the YAML, and the objects would cost more to pickle).

Nothing is dropped silently: a file that does not load or does not pass the schema is listed in
``RepoRecords.unreadable`` with its path and the reason, and the reports say how many there were.
Annulled records are kept here; each report decides (and says) whether it counts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.model.records import Record
from kototieto.model.rules import RuleParams
from kototieto.store.reader import load_records
from kototieto.store.repository import Repository


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


def load_repository(
    path: Path | str = ".", *, rev: str | None = None, jobs: int | None = None, worktree: bool = False
) -> RepoRecords:
    """Every record at ``rev`` (default: the branch head; ``worktree``: the working tree's files)
    of the data repository at ``path``, with its rule parameters."""
    loaded = load_records(path, rev=rev, worktree=worktree, jobs=jobs)
    org = Repository.open(loaded.root).config.organisation
    out = RepoRecords(
        loaded.root,
        loaded.commit,
        loaded.rules.params,
        {"type": org.type, "code": org.code, "name": org.name},
    )
    out.unreadable.extend(loaded.unreadable)
    out.items.extend(Loaded(rel, data, record) for rel, data, record in loaded.items)
    return out
