"""An index of one commit's tree kept in ``.git/koto/``: the part the id index (``idindex``) and the
identity index (``identityindex``) share.

Each index describes the tree it was made from (``tree``). For a new tree it is brought up to date
by the index's own ``update`` (a diff of the two trees: only what changed is looked at), or, the
first time in a clone or when the stored tree is gone, made anew by its ``walk``. It is kept in
memory for the process and written back once, when the process ends (a walk's result at once), so
a batch of a thousand saves does not rewrite it a thousand times; the file is replaced atomically,
and a damaged or missing file is simply rebuilt. ``forget`` drops it from memory and disk (after an
erasure rewrote the history).
"""

from __future__ import annotations

import atexit
import contextlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import pygit2

from kototieto.store.gitcommit import atomic_write
from kototieto.store.repository import Repository


class TreeIndex(Protocol):
    tree: str

    def to_json(self) -> dict[str, object]: ...


Index = TypeVar("Index", bound=TreeIndex)


@dataclass
class IndexFile(Generic[Index]):
    """One kind of tree index: its file under ``.git/koto``, its format and how it is read, walked
    and updated."""

    name: str
    format: int
    #: (tree id, the file's JSON) -> the index, or None when the JSON is not of this index.
    read: Callable[[str, Mapping[str, Any]], Index | None]
    #: (repository, commit, tree id) -> the index made by reading the tree.
    walk: Callable[[Repository, pygit2.Commit, str], Index]
    #: (repository, old index, new tree) -> the index of the new tree, or None (old tree gone).
    update: Callable[[Repository, Index, pygit2.Tree], Index | None]
    _memo: dict[str, Index] = field(default_factory=dict)  # git dir -> the newest index of this process
    _dirty: dict[str, Repository] = field(default_factory=dict)  # git dir -> file behind _memo
    _at_exit: bool = False  # flush is registered to run at exit

    def path(self, repo: Repository) -> Path:
        return repo.ensure_koto_dir() / self.name

    def load(self, repo: Repository) -> Index | None:
        try:
            with open(self.path(repo), encoding="utf-8") as fh:
                raw = json.load(fh)
        except (OSError, ValueError):
            return None
        if not isinstance(raw, Mapping) or raw.get("format") != self.format:
            return None
        tree = raw.get("tree")
        return self.read(tree, raw) if isinstance(tree, str) else None

    def save(self, repo: Repository, index: Index) -> None:
        with contextlib.suppress(OSError):
            atomic_write(self.path(repo), json.dumps(index.to_json()).encode("utf-8"), durable=False)

    def index_of(self, repo: Repository, commit: pygit2.Commit, *, persist: bool = True) -> Index:
        """The index of ``commit``'s tree (from memory, the file, a tree diff or a walk)."""
        tree = commit.tree
        key = str(tree.id)
        where = str(repo.git_dir)
        old = self._memo.get(where) or self.load(repo)
        if old is not None and old.tree == key:
            self._memo[where] = old
            return old
        index = self.update(repo, old, tree) if old is not None else None
        walked = index is None
        if index is None:
            index = self.walk(repo, commit, key)
        if persist:
            self._memo[where] = index
            if walked:
                self.save(repo, index)
            else:
                if not self._at_exit:
                    atexit.register(self.flush)
                    self._at_exit = True
                self._dirty[where] = repo
        return index

    def flush(self) -> None:
        """Write the index files that are behind (at exit)."""
        for where, repo in list(self._dirty.items()):
            index = self._memo.get(where)
            if index is not None:
                self.save(repo, index)
            self._dirty.pop(where, None)

    def forget(self, repo: Repository) -> None:
        """Drop the index of ``repo`` from memory and disk: nothing this process knew is written
        back at exit, and the next lookup rebuilds it."""
        where = str(repo.git_dir)
        self._memo.pop(where, None)
        self._dirty.pop(where, None)
        with contextlib.suppress(OSError):
            self.path(repo).unlink()
