"""The one way records are written: a commit built without the index, then the working tree.

``commit_changes`` is the write path of the store. It

1. takes an exclusive ``flock`` on ``.git/koto/write.lock`` so that ``koto`` processes on this
   clone write one at a time (they then never meet each other's ``index.lock``);
2. reads the branch head fresh from disk and runs the caller's ``check`` against it (optimistic
   concurrency: the caller compares the version its edit started from);
3. writes the blobs and only the trees on the changed paths (``TreeBuilder`` from the head's trees:
   cost grows with the depth of the path, not with the size of the repository), and the commit;
4. moves the branch with compare-and-swap: the ref is locked with a libgit2 reference transaction,
   re-read, and set only if it still points to the parent. A ``git commit`` by someone else in the
   meantime makes the swap fail; the whole step 2-4 is then redone on the new head, so no commit is
   ever lost;
5. writes each working-tree file atomically (temporary file in the same folder, then
   ``os.replace``): a reader sees the old or the new file, never a half-written one, even if the
   process is killed; with ``git config koto.fsync true`` the file and folder are also fsynced;
6. has the index entries of exactly those paths updated (``indexsync``: coalesced, because
   libgit2 rewrites the whole index file, about 15 ms at 20,000 records).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pygit2

from kototieto import fsutil
from kototieto.errors import ConflictError, UsageError
from kototieto.model.text import T
from kototieto.store import erasures, gitlocks, indexsync, layout, profile
from kototieto.store.indexsync import lock_path
from kototieto.store.profile import WHO_IS_WRITING
from kototieto.store.repository import GIT_FAILED, Repository

_AUTHOR = re.compile(r"^\s*(?P<name>[^<>]+?)\s*<(?P<email>[^<>\s]+)>\s*$")
MODE_BLOB = pygit2.enums.FileMode.BLOB
MODE_TREE = pygit2.enums.FileMode.TREE


@dataclass(frozen=True)
class CommitResult:
    commit_id: str
    parent_id: str | None
    blob_ids: Mapping[str, str | None]  # path -> new blob id (None: removed)


KEPT_MOVING = T(
    "{r} muuttui kirjoittamisen aikana; mitään ei tallennettu, yritä uudelleen",
    "{r} ändrades under skrivningen; ingenting sparades, försök igen",
    "{r} kept moving while writing; nothing was committed, try again",
)


def parse_author(text: str) -> pygit2.Signature:
    """``"Name <email>"`` -> a signature dated now."""
    m = _AUTHOR.match(text)
    if m is None:
        raise UsageError(
            T(
                "Kirjoittaja '{a}' ei ole muotoa 'Nimi <sähköposti>'",
                "Skribenten '{a}' har inte formen 'Namn <e-post>'",
                "author '{a}' is not of the form 'Name <email>'",
            ).format(a=text)
        )
    return pygit2.Signature(m.group("name"), m.group("email"))


def default_signature(repo: Repository) -> pygit2.Signature:
    """Who is writing when no --author is given: the ``koto profile``, else the repository's
    ``user.name`` / ``user.email`` (git config), dated now. Never an invented identity."""
    author = profile.load().author
    if author:
        return parse_author(author)
    try:
        return repo.git.default_signature
    except (KeyError, pygit2.GitError):
        raise UsageError(WHO_IS_WRITING) from None


@contextlib.contextmanager
def write_lock(repo: Repository) -> Iterator[None]:
    """Serialise the writers of this clone (an OS lock: released even if the process dies)."""
    fd = os.open(lock_path(repo.git_dir), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def build_tree(
    git: pygit2.Repository, base: pygit2.Tree | None, changes: Mapping[str, pygit2.Oid | None]
) -> pygit2.Oid:
    """A new tree: ``base`` with each path set to a blob id (or removed for None)."""
    here: dict[str, pygit2.Oid | None] = {}
    below: dict[str, dict[str, pygit2.Oid | None]] = {}
    for path, oid in changes.items():
        head, sep, rest = path.partition("/")
        if sep:
            below.setdefault(head, {})[rest] = oid
        else:
            here[head] = oid
    tb = git.TreeBuilder(base) if base is not None else git.TreeBuilder()
    for name, oid in here.items():
        if oid is None:
            if tb.get(name) is not None:
                tb.remove(name)
        else:
            tb.insert(name, oid, MODE_BLOB)
    for name, sub in below.items():
        entry = base[name] if base is not None and name in base else None
        sub_base = git.get(entry.id) if entry is not None and entry.filemode == MODE_TREE else None
        assert sub_base is None or isinstance(sub_base, pygit2.Tree)
        new_sub = build_tree(git, sub_base, sub)
        if len(git.get(new_sub)) == 0:  # type: ignore[arg-type]
            if tb.get(name) is not None:
                tb.remove(name)
        else:
            tb.insert(name, new_sub, MODE_TREE)
    return tb.write()


def _swap_ref(
    git: pygit2.Repository, refname: str, new: pygit2.Oid, old: pygit2.Oid | None, msg: str
) -> bool:
    """Set ``refname`` to ``new`` only if it still points to ``old``. False on a race."""
    try:
        with git.transaction() as txn:
            txn.lock_ref(refname)
            ref = git.references.get(refname)
            current = ref.target if ref is not None else None
            if current != old:
                raise _Raced
            txn.set_target(refname, new, message=msg)
    except _Raced:
        return False
    except pygit2.GitError:  # the ref is locked by another process
        return False
    return True


class _Raced(Exception):
    pass


def commit_changes(
    repo: Repository,
    changes: Mapping[str, bytes | None],
    message: str,
    *,
    author: pygit2.Signature | None = None,
    committer: pygit2.Signature | None = None,
    check: Callable[[pygit2.Commit | None], None] | None = None,
    update_worktree: bool = True,
    retries: int = 50,
) -> CommitResult:
    """Commit ``changes`` (path -> content, None = remove) on the checked-out branch.

    ``check`` runs under the lock with the current head; it raises (e.g. ConflictError) to stop.
    Nothing is written to the branch or the working tree unless the commit lands.
    """
    git = repo.git
    _refuse_during_merge(repo)
    changes = {p: lf_record(p, c) for p, c in changes.items()}
    _refuse_erased(repo, changes)
    author = author or default_signature(repo)
    committer = committer or author
    refname = repo.branch_ref
    with write_lock(repo):
        gitlocks.repair(repo.root, repo.git_dir)  # locks left by a killed process would block the ref
        blobs: dict[str, pygit2.Oid | None] = {
            p: (git.create_blob(c) if c is not None else None) for p, c in changes.items()
        }
        for _ in range(retries):
            head = repo.head_commit()
            if check is not None:
                check(head)
            tree = build_tree(git, head.tree if head is not None else None, blobs)
            parents = [head.id] if head is not None else []
            oid = git.create_commit(None, author, committer, message, tree, parents)
            first_line = message.splitlines()[0] if message else ""
            if _swap_ref(git, refname, oid, head.id if head else None, f"koto: {first_line}"):
                break
            time.sleep(0.01)
        else:
            raise ConflictError(KEPT_MOVING.format(r=refname))
        if update_worktree:
            sync_worktree(repo, changes)
    return CommitResult(
        str(oid),
        str(head.id) if head is not None else None,
        {p: (str(b) if b is not None else None) for p, b in blobs.items()},
    )


def _refuse_during_merge(repo: Repository) -> None:
    """A one-parent commit during a merge would leave the merge open and drop the other side."""
    if (repo.git_dir / "MERGE_HEAD").exists():
        raise ConflictError(
            T(
                "Yhdistäminen on kesken (koto sync pysähtyi ristiriitaan): ratkaise se ensin "
                "(`koto conflicts` ja `koto resolve`, tai muokkaa tietuetta ja `koto commit`) tai "
                "peru se: `koto sync --abort`. Mitään ei tallennettu.",
                "En sammanslagning pågår (koto sync stannade vid en konflikt): lös den först "
                "(`koto conflicts` och `koto resolve`, eller redigera posten och `koto commit`) eller "
                "avbryt den: `koto sync --abort`. Inget sparades.",
                "a merge is in progress (koto sync stopped at a conflict): settle it first with "
                "`koto conflicts` and `koto resolve` (or edit the record and `koto commit`), or undo "
                "it with `koto sync --abort`. Nothing was saved.",
            )
        )


def lf_record(path: str, content: bytes | None) -> bytes | None:
    """A record's text with LF line ends, as ``.gitattributes`` (``eol=lf``) says records are kept:
    a file saved with CRLF (Windows) is committed, and written back to the working tree, with LF,
    so a later one-field edit is one changed line in Git. Other files are committed as given."""
    if content is not None and b"\r\n" in content and layout.is_record_path(path):
        return content.replace(b"\r\n", b"\n")
    return content


def _refuse_erased(repo: Repository, changes: Mapping[str, bytes | None]) -> None:
    """No write brings back a record of a customer in the erasure log."""
    erasures.refuse_paths(repo.root, [p for p, c in changes.items() if c is not None], repo.git)


FAST_IMPORT_FROM = 500  # from this many files on, objects are written by `git fast-import`


def _ident(sig: pygit2.Signature) -> bytes:
    sign = "-" if sig.offset < 0 else "+"
    off = abs(sig.offset)
    return f"{sig.name} <{sig.email}> {sig.time} {sign}{off // 60:02d}{off % 60:02d}".encode()


def bulk_commit(
    repo: Repository,
    changes: Mapping[str, bytes | None],
    message: str,
    *,
    author: pygit2.Signature | None = None,
    committer: pygit2.Signature | None = None,
    retries: int = 5,
    update_worktree: bool = True,
) -> CommitResult:
    """``commit_changes`` for thousands of files: ``git fast-import`` writes the objects into one
    pack (loose objects cost a file each), then the branch moves by the same compare-and-swap and
    the working tree and index follow. fast-import writes to a private ref, never the branch."""
    import subprocess

    git = repo.git
    _refuse_during_merge(repo)
    changes = {p: lf_record(p, c) for p, c in changes.items()}
    _refuse_erased(repo, changes)
    author = author or default_signature(repo)
    committer = committer or author
    refname = repo.branch_ref
    tmp_ref = "refs/koto/import"
    msg = message.encode("utf-8")
    with write_lock(repo):
        for _ in range(retries):
            head = repo.head_commit()
            parts = [
                f"commit {tmp_ref}\n".encode(),
                b"author " + _ident(author) + b"\n",
                b"committer " + _ident(committer) + b"\n",
                f"data {len(msg)}\n".encode() + msg + b"\n",
            ]
            if head is not None:
                parts.append(f"from {head.id}\n".encode())
            for path, content in changes.items():
                if content is None:
                    parts.append(f"D {path}\n".encode())
                else:
                    parts.append(f"M 100644 inline {path}\ndata {len(content)}\n".encode() + content + b"\n")
            done = subprocess.run(
                ["git", "fast-import", "--quiet", "--force", "--done"],
                cwd=repo.root,
                input=b"".join(parts) + b"done\n",
                capture_output=True,
                check=False,
            )
            if done.returncode != 0:
                raise UsageError(
                    GIT_FAILED.format(
                        what="git fast-import", why=done.stderr.decode("utf-8", "replace").strip()
                    )
                )
            ref = git.references.get(tmp_ref)
            assert ref is not None
            oid = ref.target
            assert isinstance(oid, pygit2.Oid)
            ref.delete()
            first_line = message.splitlines()[0] if message else ""
            if _swap_ref(git, refname, oid, head.id if head else None, f"koto: {first_line}"):
                break
        else:
            raise ConflictError(KEPT_MOVING.format(r=refname))
        if update_worktree and not _checkout(repo, head.id if head else None, oid):
            sync_worktree(repo, changes)
    blobs = {p: (str(pygit2.hash(c)) if c is not None else None) for p, c in changes.items()}
    return CommitResult(str(oid), str(head.id) if head is not None else None, blobs)


def _checkout(repo: Repository, old: pygit2.Oid | None, new: pygit2.Oid) -> bool:
    """Move the working tree and index from ``old`` to ``new`` with Git's own two-tree merge
    (``git read-tree -m -u``: C, stat data filled in, refuses to overwrite local changes). False
    when it refuses or there is no old tree; the caller then writes the files itself."""
    import subprocess

    if old is None or not (repo.git_dir / "index").exists():
        return False
    done = subprocess.run(
        ["git", "-c", "checkout.workers=0", "read-tree", "-m", "-u", str(old), str(new)],
        cwd=repo.root,
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def atomic_write(path: Path, content: bytes, *, durable: bool = True) -> None:
    """``kototieto.fsutil.atomic_write``, durable by default: a record file in the working tree."""
    fsutil.atomic_write(path, content, durable=durable)


BULK = 64  # from this many files on, fsync once at the end instead of per file


def fsync_enabled(repo: Repository) -> bool:
    """``git config koto.fsync`` (default false): also fsync working-tree files.

    Off by default, like Git's own checkouts: the replace is atomic either way (a killed process
    leaves the old or the new file, never a partial one), and the record's durable copy is the
    commit. On this machine the two fsyncs cost about 7 ms of a 30 ms save; turn it on where
    the working tree itself must survive power loss.
    """
    try:
        return bool(repo.git.config.get_bool("koto.fsync"))
    except (KeyError, pygit2.GitError):
        return False


def sync_worktree(repo: Repository, changes: Mapping[str, bytes | None], attempts: int = 200) -> None:
    """Bring the working tree and the index entries of ``changes`` in line with the new commit.

    Each file is replaced atomically; a bulk write (``BULK`` files or more) skips the per-file
    ``fsync`` (thousands of them cost seconds) and flushes once with ``os.sync`` at the end: a
    crash in between can lose some new files, never leave a half-written one, and the commit
    (already durable in ``.git``) restores them with ``git checkout``.
    """
    bulk = len(changes) >= BULK
    durable = fsync_enabled(repo)
    for rel, content in changes.items():
        full = repo.root / rel
        if content is None:
            with contextlib.suppress(FileNotFoundError):
                full.unlink()
            _prune_empty_dirs(repo.root, full.parent)
        else:
            atomic_write(full, content, durable=durable and not bulk)
    if bulk and durable:
        os.sync()
    indexsync.note(repo, list(changes), immediate=bulk)


def _prune_empty_dirs(root: Path, folder: Path) -> None:
    root = root.resolve()
    while folder.resolve() != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
