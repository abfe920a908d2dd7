"""Keeping Git's index in line with index-free commits, and batching that for bursts of saves.

Every commit of the store changes the branch and the working tree; the index must follow, or
``git status`` shows the record as changed. libgit2 rewrites the whole index file for that (about
15 ms at 20,000 records: a third of a save), so:

- ``note(repo, paths)`` (called by the writer under the write lock) appends the paths to a journal
  (``.git/koto/index-pending``) and applies it at once, unless a ``batch`` is open for the
  repository in this process: then the journal grows and the index is rewritten once, when the
  batch closes (``Store.batch()``: many saves, one index write).
- ``flush(repo)`` applies the journal now (under the write lock). A journal left by a killed
  process or an unclosed batch is applied by the next write or flush of any process, and at
  interpreter exit.
- Applying is idempotent and checks the truth at that moment: for each journalled path the index
  gets the blob at the branch head (with the file's stat data when the working-tree file has that
  content, so ``git status`` trusts it without hashing; otherwise the edit in progress stays an
  unstaged change), or loses the entry when the head has no such path and the file is gone.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pygit2

from kototieto.store.gitlocks import repair
from kototieto.store.repository import Repository

JOURNAL = "index-pending"

_lock = threading.Lock()
_batches: dict[str, int] = {}
_roots: dict[str, Path] = {}


def _journal(git_dir: Path) -> Path:
    return git_dir / "koto" / JOURNAL


def lock_path(git_dir: Path) -> Path:
    """The lock file every writer of a clone takes (``.git/koto/write.lock``)."""
    (git_dir / "koto").mkdir(parents=True, exist_ok=True)
    return git_dir / "koto" / "write.lock"


def note(repo: object, paths: Iterable[str], *, immediate: bool = False) -> None:
    """Record that ``paths`` changed in a commit; the caller holds the write lock."""
    assert isinstance(repo, Repository)
    key = str(repo.git_dir)
    journal = _journal(repo.git_dir)
    journal.parent.mkdir(parents=True, exist_ok=True)
    with journal.open("a", encoding="utf-8") as fh:
        fh.write("".join(f"{p}\n" for p in paths))
    with _lock:
        _roots[key] = repo.root
        deferred = _batches.get(key, 0) > 0 and not immediate
    if not deferred:
        apply(repo.root, repo.git_dir, repo.git)


@contextlib.contextmanager
def batch(repo: object) -> Iterator[None]:
    """Defer index writes of this process's commits to ``repo`` until the block ends."""
    assert isinstance(repo, Repository)
    key = str(repo.git_dir)
    with _lock:
        _batches[key] = _batches.get(key, 0) + 1
        _roots[key] = repo.root
    try:
        yield
    finally:
        with _lock:
            _batches[key] = max(0, _batches.get(key, 0) - 1)
            last = _batches[key] == 0
        if last:
            flush(repo)


def _locked_apply(root: Path, git_dir: Path) -> None:
    fd = os.open(lock_path(git_dir), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        apply(root, git_dir)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def flush(repo: object) -> None:
    """Apply every pending index entry now (takes the write lock)."""
    assert isinstance(repo, Repository)
    if _journal(repo.git_dir).exists():
        _locked_apply(repo.root, repo.git_dir)


def apply(root: Path, git_dir: Path, git: pygit2.Repository | None = None, attempts: int = 200) -> None:
    """Apply the journal (the caller holds the write lock)."""
    journal = _journal(git_dir)
    try:
        paths = sorted(set(journal.read_text(encoding="utf-8").split()))
    except FileNotFoundError:
        paths = []
    if paths and (git_dir / "index").exists():
        repair(root, git_dir)  # an index.lock left by a killed process would block every attempt
        git = git or pygit2.Repository(str(git_dir))
        head = None if git.head_is_unborn else git.head.peel(pygit2.Commit)
        for i in range(attempts):
            try:
                index = git.index
                index.read(False)
                for rel in paths:
                    _apply_one(git, index, head, root, rel)
                index.write()
                break
            except pygit2.GitError:
                time.sleep(min(0.005 * (i + 1), 0.05))  # a `git` process holds index.lock
        else:
            return  # the journal stays: the next command applies it
    journal.unlink(missing_ok=True)


def _apply_one(
    git: pygit2.Repository, index: pygit2.Index, head: pygit2.Commit | None, root: Path, rel: str
) -> None:
    try:
        entry = head.tree[rel] if head is not None else None
    except KeyError:
        entry = None
    full = root / rel
    if entry is None:
        if not full.exists():
            with contextlib.suppress(OSError, KeyError, pygit2.GitError):
                index.remove(rel)
        return
    try:
        same = full.is_file() and pygit2.hashfile(str(full)) == entry.id
    except OSError:
        same = False
    if same:
        index.add(rel)  # from the file: blob id and stat data
    else:  # the file changed since (an edit in progress): the index follows the commit
        index.add(pygit2.IndexEntry(rel, entry.id, pygit2.enums.FileMode.BLOB))


@atexit.register
def _flush_all() -> None:
    with _lock:
        items = list(_roots.items())
    for key, root in items:
        if _journal(Path(key)).exists():
            with contextlib.suppress(Exception):
                _locked_apply(root, Path(key))
