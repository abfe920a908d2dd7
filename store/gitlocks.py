"""Stale Git lock files left by a killed process, removed by the next ``koto`` command.

Git (and libgit2) create ``<file>.lock`` next to what they change (``index.lock``, ``HEAD.lock``,
``refs/heads/main.lock``, ``config.lock`` ...) and rename it into place when done. A process killed
in between (SIGKILL, power loss) leaves the lock behind and every later Git command in the clone
fails with "Unable to create ... .lock: File exists" until a person deletes it by hand.

``repair`` removes such a lock only when it is stale: older than ``MIN_AGE`` seconds, and (where
``/proc`` exists) no Git process is running in the repository. A live ``git`` process (a commit
with its editor open in another terminal, say) keeps its locks. Callers hold koto's own write lock
(``gitcommit.write_lock``), so no koto process of this clone is writing at the same time.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

MIN_AGE = 0.5  # seconds: a lock this young may belong to a Git process just starting
NO_PROC_AGE = 600.0  # without /proc a lock must be this old to count as stale
_TOP = ("index.lock", "HEAD.lock", "ORIG_HEAD.lock", "MERGE_HEAD.lock", "config.lock", "packed-refs.lock")


def _candidates(git_dir: Path) -> list[Path]:
    found = [git_dir / name for name in _TOP if (git_dir / name).exists()]
    refs = git_dir / "refs"
    if refs.is_dir():
        found.extend(refs.rglob("*.lock"))
    return found


def _git_running_in(root: Path) -> bool:
    """True when a process named git* other than this one runs with its working folder in ``root``."""
    me = os.getpid()
    root = root.resolve()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            name = (entry / "comm").read_text().strip()
            if not name.startswith("git"):
                continue
            cwd = Path(os.readlink(entry / "cwd"))
        except OSError:
            continue
        if cwd == root or root in cwd.parents:
            return True
    return False


def repair(root: Path, git_dir: Path) -> list[str]:
    """Remove the stale lock files of the clone at ``root``; returns their paths (relative to
    ``git_dir``)."""
    locks = _candidates(git_dir)
    if not locks:
        return []
    now = time.time()
    have_proc = Path("/proc/self").exists()
    limit = MIN_AGE if have_proc else NO_PROC_AGE
    old = []
    for lock in locks:
        try:
            if now - lock.stat().st_mtime >= limit:
                old.append(lock)
        except OSError:
            continue
    if not old or (have_proc and _git_running_in(root)):
        return []
    removed = []
    for lock in old:
        try:
            lock.unlink()
        except OSError:
            continue
        removed.append(lock.relative_to(git_dir).as_posix())
    return removed
