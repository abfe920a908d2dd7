"""The record id index: record id -> the paths that hold it, for one commit's tree.

Record ids are unique in a repository (a write that would break that is refused, see
``Store.save_text``), so an id normally maps to one path; two or more paths mean a duplicate that
came in some other way (plain Git, an old clone) and every command given that id refuses and
lists them (:class:`AmbiguousIdError`).

The index of the branch head is kept in ``.git/koto/ids.json`` together with the tree id it
describes. For a new tree it is brought up to date from the changed paths alone (``git diff``
of the two trees, which skips every unchanged folder), so a lookup never walks the whole
repository once the index exists; the first lookup in a clone, or one whose stored tree is gone,
builds it with one walk of the folders (no record is read). The file is replaced atomically;
a damaged or missing file is simply rebuilt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pygit2

from kototieto.errors import ConflictError, UsageError
from kototieto.model.text import T
from kototieto.store import history, layout
from kototieto.store.repository import Repository
from kototieto.store.treeindex import IndexFile

INDEX_FILE = "ids.json"
FORMAT = 1

Ids = dict[str, list[str]]


class AmbiguousIdError(UsageError):
    """An id given to a command matches several records (a duplicate id)."""

    def __init__(self, record_id: str, paths: list[str]) -> None:
        listed = "\n".join(f"  {p}" for p in paths)
        text = T(
            f"Tunniste {record_id} löytyy useasta tietueesta; mitään ei tehty. Anna asiakas ja "
            f"tunniste muodossa ASIAKAS/TUNNISTE:\n{listed}",
            f"Identifieraren {record_id} finns i flera poster; ingenting gjordes. Ange kund och "
            f"identifierare som KUND/IDENTIFIERARE:\n{listed}",
            f"the id {record_id} matches several records; nothing was done. Give the customer and "
            f"the id as CUSTOMER/ID:\n{listed}",
        )
        super().__init__(text)
        self.record_id = record_id
        self.paths = paths


@dataclass
class IdIndex:
    tree: str
    ids: Ids

    def paths(self, record_id: str) -> list[str]:
        return list(self.ids.get(record_id, []))

    def to_json(self) -> dict[str, object]:
        return {"format": FORMAT, "tree": self.tree, "ids": self.ids}


def _read(tree: str, raw: Mapping[str, Any]) -> IdIndex | None:
    ids = raw.get("ids")
    if not isinstance(ids, dict):
        return None
    return IdIndex(tree, {str(k): [str(p) for p in v] for k, v in ids.items() if isinstance(v, list)})


def _walk(repo: Repository, commit: pygit2.Commit) -> Ids:
    ids: Ids = {}
    for rid, path, _ in history.record_entries(repo, commit):
        ids.setdefault(rid, []).append(path)
    return ids


def _record_id(path: str) -> str | None:
    parsed = layout.parse_record_path(path)
    return parsed.record_id if parsed is not None else None


def _update(repo: Repository, old: IdIndex, tree: pygit2.Tree) -> Ids | None:
    """``old`` brought to ``tree`` by the paths that differ (None: the old tree is gone)."""
    old_tree = repo.git.get(old.tree)
    if not isinstance(old_tree, pygit2.Tree):
        return None
    ids = {k: list(v) for k, v in old.ids.items()}
    diff = old_tree.diff_to_tree(tree)
    for delta in diff.deltas:
        if delta.status == pygit2.enums.DeltaStatus.MODIFIED:
            continue
        gone, came = delta.old_file.path, delta.new_file.path
        if delta.status in (pygit2.enums.DeltaStatus.DELETED, pygit2.enums.DeltaStatus.RENAMED):
            rid = _record_id(gone)
            if rid is not None and gone in ids.get(rid, []):
                ids[rid].remove(gone)
                if not ids[rid]:
                    del ids[rid]
        if delta.status in (pygit2.enums.DeltaStatus.ADDED, pygit2.enums.DeltaStatus.RENAMED):
            rid = _record_id(came)
            if rid is not None and came not in ids.get(rid, []):
                ids.setdefault(rid, []).append(came)
    return ids


def _walked(repo: Repository, commit: pygit2.Commit, tree: str) -> IdIndex:
    return IdIndex(tree, _walk(repo, commit))


def _updated(repo: Repository, old: IdIndex, tree: pygit2.Tree) -> IdIndex | None:
    ids = _update(repo, old, tree)
    return IdIndex(str(tree.id), ids) if ids is not None else None


#: ``.git/koto/ids.json`` (see ``treeindex``): kept in memory, written back at exit.
FILE: IndexFile[IdIndex] = IndexFile(INDEX_FILE, FORMAT, _read, _walked, _updated)
index_of = FILE.index_of
flush = FILE.flush  # (Store.close may call it too)
forget = FILE.forget  # after an erasure rewrote the history


def paths_of(repo: Repository, commit: pygit2.Commit, record_id: str, *, persist: bool = True) -> list[str]:
    """Every path of ``record_id`` in ``commit``'s tree (usually one; none when it is not there)."""
    return index_of(repo, commit, persist=persist).paths(record_id)


def refuse_duplicate(repo: Repository, head: pygit2.Commit, record_id: str, path: str) -> None:
    """Refuse to write ``record_id`` at ``path`` when another path already holds that id."""
    others = [p for p in paths_of(repo, head, record_id) if p != path]
    if others:
        listed = ", ".join(sorted(others))
        raise ConflictError(
            T(
                f"Tunniste {record_id} on jo käytössä tietueessa {listed}; mitään ei kirjattu. "
                "Anna uudelle tietueelle oma tunniste.",
                f"Identifieraren {record_id} används redan av posten {listed}; ingenting sparades. "
                "Ge den nya posten en egen identifierare.",
                f"the id {record_id} is already used by {listed}; nothing was written. "
                "Give the new record an id of its own.",
            )
        )


def refuse_staged_duplicates(repo: Repository, staged: list[tuple[str, bytes]]) -> None:
    """The pre-commit hook's id check: a staged record whose id another record holds (in the
    branch head and still in the index, or staged too) is refused, listing both paths."""
    head = repo.head_commit()
    index = repo.git.index
    by_id: dict[str, list[str]] = {}
    for path, _ in staged:
        rid = _record_id(path)
        if rid is not None:
            by_id.setdefault(rid, []).append(path)
    clashes: list[str] = []
    for rid, paths in by_id.items():
        held = paths_of(repo, head, rid) if head is not None else []
        everywhere = sorted({*paths, *(p for p in held if p in index)})
        if len(everywhere) > 1:
            clashes.append(f"{rid}: {', '.join(everywhere)}")
    if clashes:
        listed = "\n".join(f"  {c}" for c in clashes)
        raise ConflictError(
            T(
                f"Sama tunniste useassa tietueessa; mitään ei kirjattu:\n{listed}\n"
                "Anna uudelle tietueelle oma tunniste.",
                f"Samma identifierare i flera poster; ingenting sparades:\n{listed}\n"
                "Ge den nya posten en egen identifierare.",
                f"the same id in several records; nothing was committed:\n{listed}\n"
                "Give the new record an id of its own.",
            )
        )
