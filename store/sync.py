"""``koto sync``: fetch, merge (records by the ``koto`` merge driver), push.

The merge is Git's own (``git merge``), so every Git rule about the working tree and the index
holds; record files go through the field-by-field driver registered in ``.git/config``. When the
driver leaves conflicts the merge stops before committing, nothing is pushed, and the result lists
the conflicts; ``koto resolve`` settles them and commits the merge, and the next ``koto sync``
pushes. A push refused because the remote moved meanwhile is retried after a new fetch and merge.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Any

from kototieto.errors import ConflictError, RemoteError, UsageError
from kototieto.store import history, indexsync
from kototieto.store.conflicts import ConflictNote, list_conflicts, unmerged_paths
from kototieto.store.repository import Repository


@dataclass
class SyncResult:
    remote: str
    branch: str
    fetched: bool = False
    merged: bool = False
    pushed: bool = False
    conflicts: list[ConflictNote] = field(default_factory=list)
    other_conflicts: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "remote": self.remote,
            "branch": self.branch,
            "merged": self.merged,
            "pushed": self.pushed,
            "conflicts": [c.to_json() for c in self.conflicts],
            "other_conflicts": self.other_conflicts,
        }


def _git(repo: Repository, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo.root, capture_output=True, text=True, check=False)


def _rev(repo: Repository, name: str) -> str | None:
    out = _git(repo, "rev-parse", "--verify", "-q", name + "^{commit}")
    return out.stdout.strip() or None


def sync(repo: Repository, remote: str = "origin", attempts: int = 3) -> SyncResult:
    """Pull ``remote``'s branch into the current branch and push the result back."""
    indexsync.flush(repo)
    if (repo.git_dir / "MERGE_HEAD").exists():
        notes = list_conflicts(repo)
        raise ConflictError(
            f"a merge is in progress with {len(notes)} record conflict(s): settle them with "
            "`koto conflicts` and `koto resolve` first"
        )
    if "merge.koto.driver" not in repo.git.config:  # a clone made with plain `git clone`
        from kototieto.store.scaffold import install_local

        install_local(repo.root)
    branch = repo.branch_ref.removeprefix("refs/heads/")
    result = SyncResult(remote, branch)
    if _git(repo, "remote", "get-url", remote).returncode != 0:
        raise UsageError(f"no remote named {remote!r} (add one with `git remote add {remote} URL`)")
    for _ in range(attempts):
        fetch = _git(repo, "fetch", "--quiet", remote)
        if fetch.returncode != 0:
            raise RemoteError(f"could not fetch from {remote}: {fetch.stderr.strip()}")
        result.fetched = True
        theirs = _rev(repo, f"refs/remotes/{remote}/{branch}")
        ours = _rev(repo, "HEAD")
        if theirs is not None and theirs != ours:
            base = _git(repo, "merge-base", "HEAD", theirs).stdout.strip()
            if base != theirs:  # the remote has commits we lack
                merge = _git(repo, "merge", "--no-verify", "-m", f"Merge {remote}/{branch}", theirs)
                if merge.returncode != 0:
                    unmerged = unmerged_paths(repo)
                    if not unmerged:
                        raise RemoteError(f"git merge failed: {merge.stderr.strip() or merge.stdout.strip()}")
                    result.conflicts = list_conflicts(repo)
                    noted = {c.path for c in result.conflicts}
                    result.other_conflicts = [p for p in unmerged if p not in noted]
                    return result
                result.merged = True
        if theirs is not None and _rev(repo, "HEAD") == theirs:
            break  # nothing of ours to push
        push = _git(repo, "push", "--quiet", remote, f"HEAD:refs/heads/{branch}")
        if push.returncode == 0:
            result.pushed = True
            _git(repo, "fetch", "--quiet", remote)
            break
        if "rejected" not in push.stderr and "fetch first" not in push.stderr:
            raise RemoteError(f"could not push to {remote}: {push.stderr.strip()}")
    else:
        raise RemoteError(f"{remote} kept moving; nothing more was pushed, try `koto sync` again")
    history.refresh_commit_graph(repo)
    return result
