"""``koto sync --drop-erased``: an old clone starts again from the remote, keeping its own work.

A clone made before a customer was erased still holds that customer's records in its history, so
``koto sync`` refuses to merge or push it. Instead of deleting the clone and cloning again by hand,
``--drop-erased``:

1. takes the clone's own record changes since the last sync (``merge-base..HEAD``), leaving out
   every record of an erased customer;
2. moves the branch to the remote's (rewritten) history;
3. commits those changes on top in one commit, each record checked as a save is; a record the
   remote also changed meanwhile is merged field by field, and one that cannot be merged cleanly
   (or is invalid) is not committed but kept as a file under ``.git/koto/kept/`` and listed;
4. expires the reflogs and prunes, so the erased customer's data leaves this clone's objects too.

Other local branches and tags that still hold the erased records are reported (delete them).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from typing import Any

import pygit2

from kototieto.errors import ConflictError
from kototieto.model.text import T
from kototieto.store import erasures, gitcommit, indexsync, layout
from kototieto.store.bulkload import fast_load
from kototieto.store.merge import MISSING, merge3
from kototieto.store.repository import GIT_FAILED, Repository
from kototieto.store.store import Store
from kototieto.store.yamlio import dump_document, load_document, update_document


@dataclass
class Rebuilt:
    carried: list[str] = field(default_factory=list)
    kept_aside: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    other_refs: list[str] = field(default_factory=list)
    commit: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "carried_over": self.carried,
            "kept_aside": self.kept_aside,
            "erased_customers_dropped": self.dropped,
            "refs_still_holding_erased_records": self.other_refs,
            "commit": self.commit,
        }


def _git(repo: Repository, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo.root, capture_output=True, text=True, check=False)


def _blob(repo: Repository, rev: str, path: str) -> bytes | None:
    try:
        commit = repo.git.revparse_single(rev).peel(pygit2.Commit)
        obj = repo.git.get(commit.tree[path].id)
    except (KeyError, ValueError, pygit2.GitError):
        return None
    return obj.data if isinstance(obj, pygit2.Blob) else None


def _merged(path: str, base: bytes | None, ours: bytes, theirs: bytes) -> bytes | None:
    """Both sides changed ``path``: the field-by-field merge, or None when fields conflict."""
    try:
        b = fast_load(base, path) if base else MISSING
        o_doc = load_document(ours, path)
        result = merge3(b, o_doc.data, fast_load(theirs, path))
    except Exception:
        return None
    if not result.clean:
        return None
    update_document(o_doc.doc, result.data)
    return dump_document(o_doc.doc).encode("utf-8")


def rebuild(repo: Repository, theirs: str, *, author: str | None = None) -> Rebuilt:
    """Start the branch again from ``theirs`` (the remote's tip), carrying over this clone's own
    record changes since the merge base; see the module docstring."""
    indexsync.flush(repo)
    if _git(repo, "status", "--porcelain", "--untracked-files=no").stdout.strip():
        raise ConflictError(
            T(
                "Kloonissa on tallentamattomia muutoksia: tallenna (`koto commit`) tai hylkää ne ensin.",
                "Klonen har osparade ändringar: spara (`koto commit`) eller kasta dem först.",
                "the clone has uncommitted changes: commit (`koto commit`) or discard them first",
            )
        )
    base = _git(repo, "merge-base", "HEAD", theirs).stdout.strip()
    if not base:
        raise ConflictError(
            T(
                "Kloonilla ja etävarastolla ei ole yhteistä historiaa: kloonaa uudelleen.",
                "Klonen och fjärrförrådet har ingen gemensam historik: klona på nytt.",
                "the clone and the remote share no history: clone again",
            )
        )
    hashes = erasures.hashes_of_repo(repo.root, repo.git) | erasures.hashes_at(repo.git, theirs)
    out = Rebuilt()
    names = _git(repo, "diff", "--name-only", "--no-renames", base, "HEAD", "--", layout.CUSTOMERS_DIR)
    changes: dict[str, bytes | None] = {}
    kept_dir = repo.ensure_koto_dir() / "kept"
    for path in sorted(p for p in names.stdout.split("\n") if p):
        customer = erasures.customer_of(None, path)
        if erasures.is_erased(customer, hashes):
            if customer not in out.dropped:
                out.dropped.append(str(customer))
            continue
        mine, remote, old = _blob(repo, "HEAD", path), _blob(repo, theirs, path), _blob(repo, base, path)
        if remote == mine:
            continue
        if remote == old:
            changes[path] = mine
            continue
        merged = _merged(path, old, mine, remote) if mine is not None and remote is not None else None
        if merged is None:
            if mine is not None:
                target = kept_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(mine)
                out.kept_aside.append(str(target))
            continue
        changes[path] = merged
    store = Store(repo)
    pending = {}
    for path, raw in changes.items():
        if raw is not None and layout.is_record_path(path):
            try:
                pending[path] = fast_load(raw, path)
            except Exception:
                continue
    for path, raw in list(changes.items()):
        if raw is None:
            continue
        try:
            _, _, issues = store.check_text(
                raw, path, pending={str(d.get("id")): d for d in pending.values()}
            )
        except Exception:
            issues = None
        if issues is None or any(i.severity == "error" for i in issues):
            target = kept_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(raw)
            out.kept_aside.append(str(target))
            del changes[path]
    moved = _git(repo, "reset", "--hard", "--quiet", theirs)
    if moved.returncode != 0:
        raise ConflictError(GIT_FAILED.format(what="git reset", why=moved.stderr.strip()))
    if changes:
        message = "Changes made before an erasure, carried over by koto sync --drop-erased\n"
        result = gitcommit.commit_changes(
            repo, changes, message, author=gitcommit.parse_author(author) if author else None
        )
        out.commit = result.commit_id
        out.carried = sorted(changes)
    indexsync.flush(repo)
    for name in ("ORIG_HEAD", "FETCH_HEAD"):  # they may point into the old history
        (repo.git_dir / name).unlink(missing_ok=True)
    _git(repo, "reflog", "expire", "--expire=now", "--all")
    _git(repo, "gc", "--prune=now", "--quiet")
    still = _git(repo, "log", "--all", "--format=", "--name-only", "--", layout.CUSTOMERS_DIR)
    if any(erasures.is_erased(c, hashes) for c in erasures.customers_in_paths(still.stdout.split("\n"))):
        refs = _git(repo, "for-each-ref", "--format=%(refname)").stdout.split()
        for ref in refs:
            found = erasures.erased_in_history(repo.root, [ref], hashes)
            if found:
                out.other_refs.append(ref)
    return out


def drop_incoming(repo: Repository, ref: str, customers: list[str]) -> str:
    """The remote-tracking ``ref`` rewritten without the erased ``customers``' folders (and their
    ids in commit messages) by git-filter-repo, only that ref: commits that never held them keep
    their ids, so the merge with ours stays small. Reflogs are expired and the old objects pruned.
    Returns the new tip; the caller merges it and pushes with ``--force-with-lease``."""
    import sys

    messages = repo.ensure_koto_dir() / "drop-messages.txt"
    messages.write_text("".join(f"{c}==>[erased]\n" for c in customers), encoding="utf-8")
    cmd = [
        sys.executable,
        "-c",
        "import sys, git_filter_repo; sys.argv[0] = 'git-filter-repo'; git_filter_repo.main()",
        "--invert-paths",
        *[arg for c in customers for arg in ("--path", layout.customer_dir(c) + "/")],
        "--replace-message",
        str(messages),
        "--refs",
        ref,
        "--force",
        "--quiet",
    ]
    done = subprocess.run(cmd, cwd=repo.root, capture_output=True, text=True, check=False)
    messages.unlink(missing_ok=True)
    if done.returncode != 0:
        raise ConflictError(
            GIT_FAILED.format(what="git-filter-repo", why=(done.stderr or done.stdout).strip())
        )
    for name in ("ORIG_HEAD", "FETCH_HEAD"):
        (repo.git_dir / name).unlink(missing_ok=True)
    _git(repo, "reflog", "expire", "--expire=now", "--all")
    _git(repo, "gc", "--prune=now", "--quiet")
    return _git(repo, "rev-parse", ref).stdout.strip()
