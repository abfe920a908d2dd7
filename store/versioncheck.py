"""Optimistic concurrency checks of the write path: which version an edit started from, and what
changed since (shown field by field), and the guard against overwriting uncommitted edits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pygit2

from kototieto.errors import ConflictError, NotFoundError
from kototieto.model.text import T
from kototieto.store import history
from kototieto.store.bulkload import fast_load
from kototieto.store.fielddiff import diff_data
from kototieto.store.repository import Repository


def expected_blob(repo: Repository, path: str, version: str) -> pygit2.Oid | None:
    """A blob id, or a commit id whose blob at ``path`` is meant."""
    try:
        obj = repo.git.revparse_single(version)
    except (KeyError, ValueError, pygit2.GitError):
        raise NotFoundError(
            T("Versiota '{v}' ei ole", "Versionen '{v}' finns inte", "no version '{v}'").format(v=version)
        ) from None
    if isinstance(obj, pygit2.Blob):
        return obj.id
    commit = obj.peel(pygit2.Commit)
    blob = history.blob_at(repo, commit, path)
    return blob.id if blob is not None else None


def raise_conflict(
    repo: Repository,
    path: str,
    expected: pygit2.Oid | None,
    current: pygit2.Blob | None,
    mine: Mapping[str, Any],
    lang: str = "fi",
) -> None:
    base = fast_load(repo.git.get(expected).data, path) if expected else {}  # type: ignore[union-attr]
    theirs = fast_load(current.data, path) if current is not None else {}
    changed = diff_data(base, theirs, lang=lang)
    mine_by = {c.path: c for c in diff_data(base, dict(mine), lang=lang)}
    lines = []
    for c in changed:
        yours = mine_by.get(c.path)
        # the review (B6): a field this edit did not touch has no "yours" value (was: the base)
        mine_text = f"yours {yours.new!r}" if yours else "you did not change it"
        lines.append(f"  {c.label} ({c.dotted}): now {c.new!r}; {mine_text}")
    err = ConflictError(
        f"{path} changed since your edit started ({str(expected)[:10] if expected else 'new'} -> "
        f"{str(current.id)[:10] if current else 'removed'}); nothing was written. Changed fields:\n"
        + "\n".join(lines)
    )
    err.changes = changed  # type: ignore[attr-defined]
    raise err


def refuse_dirty(repo: Repository, path: str, new: bytes) -> None:
    full = repo.root / path
    if not full.exists():
        return
    disk = full.read_bytes()
    if disk == new:
        return
    head = repo.head_commit()
    blob = history.blob_at(repo, head, path) if head is not None else None
    if blob is None or blob.data != disk:
        raise ConflictError(
            T(
                "Tiedostossa {p} on tallentamattomia muutoksia työkopiossa; tallenna ne (`koto commit {p}`) "
                "tai hylkää ne ensin",
                "Filen {p} har osparade ändringar i arbetskopian; spara dem (`koto commit {p}`) eller "
                "kasta dem först",
                "{p} has uncommitted changes in the working tree; commit them (`koto commit {p}`) "
                "or discard them first",
            ).format(p=path)
        )
