"""Records edited directly in the working tree or staged with ``git add``.

``koto commit`` and the pre-commit hook use these; they go through ``git`` (porcelain ``-z``
output) because Git's own view of "modified" (racy-clean stat checks, ignore rules) is the one
the person sees in ``git status``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from kototieto.errors import UsageError
from kototieto.model.text import T
from kototieto.store import indexsync, layout
from kototieto.store.repository import GIT_FAILED, Repository


def _git(repo: Repository, *args: str) -> bytes:
    out = subprocess.run(["git", *args], cwd=repo.root, capture_output=True, check=False)
    if out.returncode != 0:
        raise UsageError(
            GIT_FAILED.format(what=f"git {args[0]}", why=out.stderr.decode("utf-8", "replace").strip())
        )
    return out.stdout


def changed_record_paths(repo: Repository) -> list[str]:
    """Record files that differ from HEAD in the working tree (modified or new), sorted."""
    indexsync.flush(repo)
    raw = _git(repo, "status", "--porcelain", "-z", "--untracked-files=all", "--", layout.CUSTOMERS_DIR)
    paths = set()
    entries = raw.decode("utf-8", "surrogateescape").split("\0")
    i = 0
    while i < len(entries):
        entry = entries[i]
        i += 1
        if len(entry) < 4:
            continue
        status, path = entry[:2], entry[3:]
        if status[0] in "RC":
            i += 1  # the original name follows
        if "D" in status:
            continue
        if layout.is_record_path(path):
            paths.add(path)
    return sorted(paths)


def relative_paths(repo: Repository, paths: Iterable[Path]) -> list[str]:
    """Repository-relative POSIX paths of files given on the command line."""
    out = []
    for p in paths:
        full = p.resolve()
        try:
            out.append(full.relative_to(repo.root).as_posix())
        except ValueError:
            raise UsageError(
                T(
                    "{p} ei ole tietovarastossa {r}",
                    "{p} är inte i datakatalogen {r}",
                    "{p} is not inside the repository {r}",
                ).format(p=p, r=repo.root)
            ) from None
    return out


def staged_record_blobs(repo: Repository) -> list[tuple[str, bytes]]:
    """(path, staged content) of record files added or changed in the index."""
    indexsync.flush(repo)
    raw = _git(
        repo, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--", layout.CUSTOMERS_DIR
    )
    out = []
    index = repo.git.index
    index.read(False)
    for path in raw.decode("utf-8", "surrogateescape").split("\0"):
        if not path or not layout.is_record_path(path):
            continue
        entry = index[path]
        blob = repo.git.get(entry.id)
        out.append((path, blob.data if blob is not None else b""))  # type: ignore[attr-defined]
    return out
