"""A merge in progress (``MERGE_HEAD``): settle records, finish the merge, or get out of it.

``koto sync`` leaves a merge open when the merge driver reports a field conflict. Every way of
settling it ends here, and every one ends with the same merge commit (two parents: ours and the
remote's), never a one-parent commit that would leave the merge hanging:

- ``resolve``: ``koto resolve ID --take ours|theirs|FILE`` and/or ``--field PATH=ours|theirs|VALUE``;
- ``commit_in_merge``: the record edited in place, then ``koto commit``;
- ``finish``: nothing left unmerged (e.g. settled with ``git add``), then ``koto sync`` commits it.

Each settled record is checked as a write is, against the customer's other records *as merged*
(the working tree, which holds both sides' versions where the merge combined them), and an
erased customer's record is refused. ``abort`` (``koto sync --abort``) runs ``git merge --abort``
and removes the conflict notes, whatever the state of the merge.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kototieto.errors import (
    ConflictError,
    InvalidInputError,
    InvalidRecordError,
    Location,
    NotFoundError,
    NothingToDoError,
    UsageError,
)
from kototieto.model.text import T
from kototieto.store import erasures, gitlocks, indexsync, layout, markers
from kototieto.store.bulkload import fast_load
from kototieto.store.conflicts import (
    CONFLICT_PREFIX,
    ConflictNote,
    adopt_text_conflicts,
    list_conflicts,
    remove_note,
    unmerged_paths,
)
from kototieto.store.gitcommit import atomic_write, write_lock
from kototieto.store.merge import apply_values
from kototieto.store.msg import say
from kototieto.store.profile import WHO_IS_WRITING
from kototieto.store.repository import GIT_FAILED, Repository
from kototieto.store.yamlio import dump_document, load_document, update_document


def repair_locks(repo: Repository) -> list[str]:
    """Remove Git lock files a killed process left in this clone (``gitlocks.repair``)."""
    with write_lock(repo):
        return gitlocks.repair(repo.root, repo.git_dir)


def _repair(repo: Repository) -> None:
    repair_locks(repo)


def in_merge(repo: Repository) -> bool:
    return (repo.git_dir / "MERGE_HEAD").exists()


def _git(
    repo: Repository, *args: str, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.run(
        ["git", *args], cwd=repo.root, capture_output=True, text=True, check=False, env=full
    )


def strip_conflict_lines(text: str) -> str:
    """``text`` without the ``# koto-conflict:`` lines the merge driver put at its top."""
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and lines[i].startswith(CONFLICT_PREFIX):
        i += 1
    return "".join(lines[i:])


def refuse_markers(text: str, path: str) -> None:
    line = markers.marker_line(text)
    if line is not None:
        raise InvalidInputError(markers.MESSAGE, location=Location(path, line, 1))


def merged_siblings(repo: Repository, path: str) -> dict[str, dict[str, Any]]:
    """The customer's other records as the merge left them in the working tree (id -> data)."""
    parsed = layout.parse_record_path(path)
    if parsed is None:
        return {}
    folder = repo.root / layout.customer_dir(parsed.customer)
    out: dict[str, dict[str, Any]] = {}
    for f in sorted(folder.glob("*" + layout.RECORD_SUFFIX)) if folder.is_dir() else []:
        rid = f.name[: -len(layout.RECORD_SUFFIX)]
        if rid == parsed.record_id:
            continue
        try:
            raw = f.read_bytes()
            if markers.marker_line(raw) is None:
                out[rid] = fast_load(strip_conflict_lines(raw.decode("utf-8")), str(f))
        except (InvalidInputError, OSError, UnicodeDecodeError):
            continue
    return out


def check_settled(repo: Repository, path: str, text: str) -> None:
    """Refuse (InvalidRecordError etc.) unless ``text`` is a valid record at ``path`` among the
    customer's records as merged, and not an erased customer's."""
    from kototieto.store import checks
    from kototieto.store.store import Store

    refuse_markers(text, path)
    store = Store(repo)
    _, data, issues = store.check_text(text.encode("utf-8"), path, pending=merged_siblings(repo, path))
    customer = erasures.customer_of(data, path)
    if erasures.is_erased(customer, erasures.hashes_of_repo(repo.root, repo.git)):
        raise InvalidRecordError(say(erasures.erased_message(str(customer))), location=Location(path))
    checks.raise_if_invalid(path, issues)


def author_env(author: str | None) -> dict[str, str]:
    """Git's identity variables for a merge (``koto sync``'s merge, a settled merge's commit):
    ``author``, else the ``koto profile`` as for every save; empty without both (git config)."""
    if not author:
        from kototieto.store import profile

        author = profile.load().author
    if not author:
        return {}
    from kototieto.store.gitcommit import parse_author

    sig = parse_author(author)
    return {
        "GIT_AUTHOR_NAME": sig.name,
        "GIT_AUTHOR_EMAIL": sig.email,
        "GIT_COMMITTER_NAME": sig.name,
        "GIT_COMMITTER_EMAIL": sig.email,
    }


def _commit_merge(repo: Repository, author: str | None, message: str | None = None) -> str:
    args = ["commit", "--no-verify"] + (["-m", message] if message else ["--no-edit"])
    done = _git(repo, *args, env=author_env(author))
    if done.returncode != 0:
        text = (done.stderr or done.stdout).strip()
        if "Please tell me who you are" in text or "empty ident" in text:
            raise UsageError(WHO_IS_WRITING)
        raise ConflictError(
            T(
                "Yhdistämisen tallennus (git commit) epäonnistui: {why}",
                "Att spara sammanslagningen (git commit) misslyckades: {why}",
                "git commit of the merge failed: {why}",
            ).format(why=text)
        )
    return _git(repo, "rev-parse", "HEAD").stdout.strip()


def _stage(repo: Repository, path: str) -> None:
    done = _git(repo, "add", "--", path)
    if done.returncode != 0:
        raise ConflictError(GIT_FAILED.format(what=f"git add {path}", why=done.stderr.strip()))


def _no_merge() -> NothingToDoError:
    return NothingToDoError(
        say(
            T(
                "Yhdistäminen ei ole kesken.",
                "Ingen sammanslagning pågår.",
                "no merge is in progress",
            )
        )
    )


# ---------------------------------------------------------------- resolve
def _parse_value(text: str) -> Any:
    """A ``--field PATH=VALUE`` value read as the value of a record field would be."""
    try:
        return fast_load(f"v: {text}\n", "--field")["v"]
    except (InvalidInputError, KeyError):
        return text


def _choices(note: ConflictNote, take: str | None, fields: Sequence[str]) -> list[Any]:
    """One value per conflicting field of ``note``: from ``--field``, else ``--take``."""
    by_path = {c.dotted: i for i, c in enumerate(note.conflicts)}
    chosen: dict[int, Any] = {}
    for item in fields:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or name not in by_path:
            known = ", ".join(by_path) or "-"
            raise UsageError(
                T(
                    f"--field {item!r}: anna POLKU=ours|theirs|ARVO tietueen {note.record_id} "
                    f"ristiriitaiselle kentälle ({known})",
                    f"--field {item!r}: ange SÖKVÄG=ours|theirs|VÄRDE för ett fält i konflikt i "
                    f"posten {note.record_id} ({known})",
                    f"--field {item!r}: give PATH=ours|theirs|VALUE for a conflicting field of "
                    f"{note.record_id} ({known})",
                )
            )
        c = note.conflicts[by_path[name]]
        chosen[by_path[name]] = (
            c.ours if value == "ours" else c.theirs if value == "theirs" else _parse_value(value)
        )
    out = []
    missing = []
    for i, c in enumerate(note.conflicts):
        if i in chosen:
            out.append(chosen[i])
        elif take in ("ours", "theirs"):
            out.append(c.ours if take == "ours" else c.theirs)
        else:
            missing.append(c.dotted)
    if missing:
        left = ", ".join(missing)
        raise UsageError(
            T(
                f"{note.record_id}: ratkaisematta: {left}; anna kullekin --field POLKU=ours|theirs|ARVO "
                "tai muille --take ours|theirs. Mitään ei kirjoitettu.",
                f"{note.record_id}: olöst: {left}; ange --field SÖKVÄG=ours|theirs|VÄRDE för vart och "
                "ett eller --take ours|theirs för resten. Inget skrevs.",
                f"{note.record_id}: not settled: {left}; give --field PATH=ours|theirs|VALUE for each, "
                "or --take ours|theirs for the rest. Nothing was written.",
            )
        )
    return out


@dataclass(frozen=True)
class Resolved:
    record_id: str
    path: str
    merge_committed: bool
    commit: str | None
    remaining: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.record_id,
            "path": self.path,
            "merge_committed": self.merge_committed,
            "commit": self.commit,
            "remaining_conflicts": self.remaining,
        }


def resolve(
    repo: Repository,
    record_id: str,
    take: str | None = None,
    fields: Sequence[str] = (),
    *,
    author: str | None = None,
) -> Resolved:
    """Settle a record's conflict; commits the merge (two parents) when it was the last one."""
    indexsync.flush(repo)
    _repair(repo)
    if not in_merge(repo):
        raise _no_merge()
    adopt_text_conflicts(repo)
    notes = list_conflicts(repo)
    note = next((n for n in notes if n.record_id == record_id), None)
    if note is None:
        listed = ", ".join(n.record_id for n in notes) or "-"
        raise NotFoundError(
            T(
                f"Tietueella {record_id!r} ei ole ratkaisematonta ristiriitaa (ratkaisematta: {listed}).",
                f"Posten {record_id!r} har ingen olöst konflikt (olösta: {listed}).",
                f"no unresolved conflict for record {record_id!r} (unresolved: {listed})",
            )
        )
    if take is None and not fields:
        raise UsageError(
            T(
                "Anna --take ours|theirs|TIEDOSTO tai --field POLKU=ours|theirs|ARVO.",
                "Ange --take ours|theirs|FIL eller --field SÖKVÄG=ours|theirs|VÄRDE.",
                "give --take ours|theirs|FILE, or --field PATH=ours|theirs|VALUE",
            )
        )
    if take is not None and take not in ("ours", "theirs"):
        if fields:
            raise UsageError(
                T(
                    "--take TIEDOSTO ratkaisee koko tietueen; sitä ei voi yhdistää valitsimeen --field.",
                    "--take FIL löser hela posten; den kan inte kombineras med --field.",
                    "--take FILE settles the whole record; it cannot be combined with --field",
                )
            )
        f = Path(take)
        if not f.is_file():
            raise UsageError(
                T(
                    f"--take: 'ours', 'theirs' tai tiedosto; {take} ei ole mikään näistä.",
                    f"--take: 'ours', 'theirs' eller en fil; {take} är inget av dessa.",
                    f"--take: 'ours', 'theirs' or a file; {take} is none of these",
                )
            )
        text = strip_conflict_lines(f.read_text(encoding="utf-8"))
    else:
        data = apply_values(note.merged, note.conflicts, _choices(note, take, fields))
        doc = load_document(note.ours_text, note.path)
        update_document(doc.doc, data)
        text = dump_document(doc.doc)
    check_settled(repo, note.path, text)
    atomic_write(repo.root / note.path, text.encode("utf-8"))
    _stage(repo, note.path)
    remove_note(repo, note.record_id)
    remaining = len(unmerged_paths(repo))
    commit = _commit_merge(repo, author) if remaining == 0 else None
    return Resolved(note.record_id, note.path, commit is not None, commit, remaining)


# ---------------------------------------------------------------- edit in place, then commit
def commit_in_merge(
    repo: Repository, paths: Sequence[str], *, author: str | None = None, message: str | None = None
) -> Resolved:
    """``koto commit`` during a merge: check and stage the records edited in place (default: the
    unmerged ones); when nothing is left unmerged, commit the merge with both parents."""
    indexsync.flush(repo)
    _repair(repo)
    unmerged = unmerged_paths(repo)
    todo = list(paths) or [p for p in unmerged if layout.is_record_path(p)]
    if not todo and not unmerged:
        return Resolved("", "", True, _commit_merge(repo, author, message), 0)
    if not todo:
        files = ", ".join(unmerged)
        raise ConflictError(
            T(
                f"Yhdistämättömiä tiedostoja, jotka eivät ole tietueita: {files}; ratkaise ne gitillä "
                "tai peru yhdistäminen: `koto sync --abort`.",
                f"Filer som inte är sammanslagna och inte är poster: {files}; lös dem med git eller "
                "avbryt sammanslagningen: `koto sync --abort`.",
                f"unmerged files that are not records: {files}; settle them with git, or undo the "
                "merge with `koto sync --abort`",
            )
        )
    texts = {}
    for path in todo:
        f = repo.root / path
        if not f.is_file():
            raise NotFoundError(
                T("{p}: tiedostoa ei ole", "{p}: filen finns inte", "{p}: no such file").format(p=path)
            )
        raw = f.read_text(encoding="utf-8")
        refuse_markers(raw, path)
        if raw.startswith(CONFLICT_PREFIX):
            raise ConflictError(
                say(
                    T(
                        f"{path}: tietueessa on yhä rivit '# koto-conflict:'. Kirjaa kenttiin sovitut "
                        "arvot, poista nämä rivit ja aja `koto commit` uudelleen (tai `koto resolve`).",
                        f"{path}: posten har fortfarande raderna '# koto-conflict:'. Skriv in de "
                        "överenskomna värdena, ta bort raderna och kör `koto commit` igen (eller "
                        "`koto resolve`).",
                        f"{path} still has its '# koto-conflict:' lines: write the agreed values into "
                        "the fields, delete those lines and run `koto commit` again (or use "
                        "`koto resolve`).",
                    )
                )
            )
        text = raw
        check_settled(repo, path, text)
        texts[path] = (raw, text)
    for path, (raw, text) in texts.items():
        if text != raw:
            atomic_write(repo.root / path, text.encode("utf-8"))
        _stage(repo, path)
        parsed = layout.parse_record_path(path)
        if parsed is not None:
            remove_note(repo, parsed.record_id)
    remaining = len(unmerged_paths(repo))
    settled = _commit_merge(repo, author, message) if remaining == 0 else None
    first = layout.parse_record_path(todo[0])
    return Resolved(first.record_id if first else "", todo[0], settled is not None, settled, remaining)


def finish(repo: Repository, author: str | None = None) -> str | None:
    """Commit an open merge that has nothing unmerged left (after checking the records it
    changes); None when a conflict is still open."""
    adopt_text_conflicts(repo)
    if unmerged_paths(repo):
        return None
    changed = _git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACMR", "HEAD", "--", "customers")
    for path in changed.stdout.split("\n"):
        if path and layout.is_record_path(path):
            check_settled(repo, path, (repo.root / path).read_text(encoding="utf-8"))
    return _commit_merge(repo, author)


def abort(repo: Repository) -> None:
    """``koto sync --abort``: undo the merge in progress (``git merge --abort``) and its notes."""
    indexsync.flush(repo)
    _repair(repo)
    if not in_merge(repo):
        raise _no_merge()
    done = _git(repo, "merge", "--abort")
    if done.returncode != 0:
        done = _git(repo, "reset", "--merge")
    if done.returncode != 0 or in_merge(repo):
        raise ConflictError(
            GIT_FAILED.format(what="git merge --abort", why=(done.stderr or done.stdout).strip())
        )
    for note in (repo.koto_dir / "conflicts").glob("*.json"):
        note.unlink(missing_ok=True)
