"""The ``koto`` merge driver, the conflict notes it leaves, and their resolution.

Git calls ``koto merge-driver %O %A %B %P`` for every record both sides changed. The driver parses
the three versions, merges them field by field (``merge.merge3``), writes the result into ``%A``
with *our* comments and layout (``update_document`` on our document) and validates it:

- no conflicting field and a valid result: exit 0, Git stages the merged file;
- otherwise: ``%A`` holds the merged record with our value in each conflicting field and a
  ``# koto-conflict:`` comment line per field at the top (the file stays valid YAML), a note with
  the details goes to ``.git/koto/conflicts/<record-id>.json``, and the driver exits 1 so that Git
  marks the path as conflicted and the merge stops before it commits.

``koto conflicts`` lists the notes (of paths still unmerged); ``koto resolve ID --take
ours|theirs|FILE`` writes the settled record, stages it and, when it was the last conflict,
commits the merge.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygit2

from kototieto.errors import InvalidInputError, KotoError
from kototieto.store import erasures, layout, pipeline
from kototieto.store.bulkload import fast_load
from kototieto.store.gitcommit import atomic_write
from kototieto.store.merge import MISSING, FieldConflict, merge3
from kototieto.store.msg import say
from kototieto.store.repository import Repository
from kototieto.store.store import Store
from kototieto.store.yamlio import dump_document, load_document, update_document

CONFLICT_PREFIX = "# koto-conflict: "


@dataclass(frozen=True)
class ConflictNote:
    record_id: str
    path: str
    fields: list[dict[str, Any]]
    problems: list[str]
    merged: dict[str, Any]
    ours_text: str
    conflicts: list[FieldConflict]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.record_id, "path": self.path, "fields": self.fields, "problems": self.problems}


def _notes_dir(repo: Repository) -> Path:
    return repo.ensure_koto_dir() / "conflicts"


def _encode(value: Any) -> Any:
    return {"$missing": True} if value is MISSING else value


def _decode(value: Any) -> Any:
    return MISSING if value == {"$missing": True} else value


def _siblings(repo: Repository, pathname: str, rid: str) -> list[dict[str, Any]]:
    """The customer's other records as the merge sees them: both sides' commits (HEAD and, during
    a merge, MERGE_HEAD), so cross-record rules check the merged record against real records."""
    parsed = layout.parse_record_path(pathname)
    if parsed is None:
        return []
    store = Store(repo)
    found: dict[str, dict[str, Any]] = {}
    for rev in ("MERGE_HEAD", "HEAD"):  # ours last: our version wins where both have a record
        try:
            commit = repo.git.revparse_single(rev).peel(pygit2.Commit)
        except (KeyError, ValueError, pygit2.GitError):
            continue
        found.update(store.customer_records(parsed.customer, commit))
    return [data for key, data in found.items() if key != rid]


def run_driver(root: Path, base: Path, ours: Path, theirs: Path, pathname: str) -> int:
    """The merge driver; returns the exit status Git expects (0 merged, 1 conflict)."""
    repo = Repository.open(root)
    status, text = merge_record(repo, [p.read_bytes() for p in (base, ours, theirs)], pathname)
    if text is not None:
        ours.write_text(text, encoding="utf-8")
    return status


def merge_record(repo: Repository, texts: list[bytes], pathname: str) -> tuple[int, str | None]:
    """Merge the three versions (base, ours, theirs) of a record field by field: (0, merged text)
    when clean and valid; else (1, text with ``# koto-conflict:`` lines or None) and a note."""
    try:
        docs = [
            load_document(t, f"{pathname} ({side})") if t.strip() else None
            for t, side in zip(texts, ("base", "ours", "theirs"), strict=True)
        ]
    except InvalidInputError as exc:
        _write_note(repo, pathname, pathname, [], [str(exc)], {}, texts[1].decode("utf-8", "replace"), [])
        return 1, None
    b, o, t = docs
    if o is None or t is None:
        return 1, None  # one side emptied the file: not a record edit, leave it to a person
    result = merge3(b.data if b is not None else MISSING, o.data, t.data)
    merged = result.data
    update_document(o.doc, merged)
    text = dump_document(o.doc)
    rid = str(
        merged.get("id")
        or (layout.parse_record_path(pathname) or layout.RecordPath("", "", pathname)).record_id
    )
    try:
        from kototieto.store import checks  # the model loads only when a record is checked

        issues = checks.errors_of(
            checks.check_record(
                pathname,
                merged,
                rules=_rules(repo),
                others=_siblings(repo, pathname, rid),
                same_identity=Store(repo).same_identity(merged),  # other customers at HEAD
            )
        )
        problems = [str(i) for i in issues]
    except KotoError as exc:  # e.g. the definitions are being merged too: a person decides
        problems = [f"cannot check the merged record: {exc.message}"]
    customer = erasures.customer_of(merged, pathname)
    hashes = erasures.hashes_of_repo(repo.root, repo.git) | erasures.hashes_at(repo.git, "MERGE_HEAD")
    if erasures.is_erased(customer, hashes):
        problems.append(say(erasures.erased_message(str(customer))))
    if result.clean and not problems:
        _remove_note(repo, rid)
        return 0, text
    lines = [
        CONFLICT_PREFIX + f"{c.dotted}: ours={_short(c.ours)} theirs={_short(c.theirs)}"
        for c in result.conflicts
    ]
    lines += [CONFLICT_PREFIX + "invalid after merge: " + p.replace("\n", " ") for p in problems]
    fields = [c.to_json() for c in result.conflicts]
    _write_note(repo, rid, pathname, fields, problems, merged, texts[1].decode("utf-8"), result.conflicts)
    return 1, "\n".join(lines) + "\n" + text


def _short(value: Any) -> str:
    if value is MISSING:
        return "(removed)"
    out = json.dumps(value, ensure_ascii=False)
    return out if len(out) <= 60 else out[:57] + "..."


def _write_note(
    repo: Repository,
    rid: str,
    path: str,
    fields: list[dict[str, Any]],
    problems: list[str],
    merged: dict[str, Any],
    ours_text: str,
    conflicts: list[FieldConflict],
) -> None:
    note = {
        "id": rid,
        "path": path,
        "fields": fields,
        "problems": problems,
        "merged": merged,
        "ours_text": ours_text,
        "conflicts": [
            {
                "path": list(c.path),
                "base": _encode(c.base),
                "ours": _encode(c.ours),
                "theirs": _encode(c.theirs),
            }
            for c in conflicts
        ],
    }
    d = _notes_dir(repo)
    atomic_write(d / f"{rid}.json", json.dumps(note, ensure_ascii=False, indent=1).encode("utf-8"))


def remove_note(repo: Repository, rid: str) -> None:
    (_notes_dir(repo) / f"{rid}.json").unlink(missing_ok=True)


_remove_note = remove_note


def adopt_text_conflicts(repo: Repository) -> list[str]:
    """Record paths Git left unmerged without a koto note (a plain ``git pull``, or a merge driver
    Git could not start: the file holds text conflict markers) are merged field by field from the
    index's three stages, as the driver would have: a clean, valid result is written and staged;
    otherwise the file gets our values with ``# koto-conflict:`` lines and a note. Returns the
    paths taken over."""
    unmerged = unmerged_paths(repo)
    if not unmerged:
        return []
    noted = {_note_path(f) for f in _notes_dir(repo).glob("*.json")}
    index = repo.git.index
    index.read(False)
    conflicts = index.conflicts
    done = []
    for path in unmerged:
        if path in noted or not layout.is_record_path(path) or conflicts is None:
            continue
        try:
            base, ours, theirs = conflicts[path]
        except KeyError:
            continue
        if ours is None or theirs is None:
            continue  # deleted on one side: a person decides with git
        texts = [repo.git.get(e.id).data if e is not None else b"" for e in (base, ours, theirs)]  # type: ignore[union-attr]
        status, text = merge_record(repo, texts, path)
        if text is None:
            continue
        atomic_write(repo.root / path, text.encode("utf-8"))
        if status == 0:
            subprocess.run(["git", "add", "--", path], cwd=repo.root, check=True, capture_output=True)
        done.append(path)
    return done


def _note_path(f: Path) -> str:
    try:
        return str(json.loads(f.read_text(encoding="utf-8"))["path"])
    except (OSError, ValueError, KeyError):
        return ""


def unmerged_paths(repo: Repository) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-u", "-z"], cwd=repo.root, capture_output=True, check=False)
    paths = set()
    for entry in out.stdout.decode("utf-8", "surrogateescape").split("\0"):
        if "\t" in entry:
            paths.add(entry.split("\t", 1)[1])
    return sorted(paths)


def list_conflicts(repo: Repository) -> list[ConflictNote]:
    """Notes of record paths that are still unmerged (stale notes are removed)."""
    unmerged = set(unmerged_paths(repo))
    notes = []
    d = _notes_dir(repo)
    for f in sorted(d.glob("*.json")):
        raw = json.loads(f.read_text(encoding="utf-8"))
        if raw["path"] not in unmerged:
            f.unlink()
            continue
        conflicts = [
            FieldConflict(tuple(c["path"]), _decode(c["base"]), _decode(c["ours"]), _decode(c["theirs"]))
            for c in raw["conflicts"]
        ]
        notes.append(
            ConflictNote(
                raw["id"],
                raw["path"],
                raw["fields"],
                raw["problems"],
                raw["merged"],
                raw["ours_text"],
                conflicts,
            )
        )
    return notes


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return MISSING
    return data


def _record_at(repo: Repository, commit: pygit2.Commit, path: str) -> Any:
    try:
        blob = repo.git.get(commit.tree[path].id)
        return fast_load(blob.data, path) if isinstance(blob, pygit2.Blob) else MISSING
    except (KeyError, InvalidInputError):
        return MISSING


def field_sources(repo: Repository, note: ConflictNote) -> list[dict[str, Any]]:
    """For each conflicting field of ``note``: who set each side's value and when, as
    ``{"ours": {"name", "email", "date", "commit"}, "theirs": {...}}`` (None where unknown): the
    newest commit on that side since the merge base that changed the field to that value."""
    out: list[dict[str, Any]] = []
    sides = {}
    for side, rev in (("ours", "HEAD"), ("theirs", "MERGE_HEAD")):
        try:
            sides[side] = repo.git.revparse_single(rev).peel(pygit2.Commit)
        except (KeyError, ValueError, pygit2.GitError):
            continue
    base = None
    if len(sides) == 2:
        base = repo.git.merge_base(sides["ours"].id, sides["theirs"].id)
    for c in note.conflicts:
        entry: dict[str, Any] = {"ours": None, "theirs": None}
        for side, tip in sides.items():
            value = c.ours if side == "ours" else c.theirs
            walker = repo.git.walk(tip.id, pygit2.enums.SortMode.TOPOLOGICAL)
            walker.simplify_first_parent()
            if base is not None:
                walker.hide(base)
            newest = None
            for commit in walker:
                now = _value_at(_record_at(repo, commit, note.path), c.path)
                before = (
                    _value_at(_record_at(repo, commit.parents[0], note.path), c.path)
                    if commit.parents
                    else MISSING
                )
                if now == before and (now is MISSING) == (before is MISSING):
                    continue
                info = {
                    "name": commit.author.name,
                    "email": commit.author.email,
                    "date": _iso(commit.author.time, commit.author.offset),
                    "commit": str(commit.id),
                }
                newest = newest or info
                if now == value and (now is MISSING) == (value is MISSING):
                    newest = info
                    break
            entry[side] = newest
        out.append(entry)
    return out


def _iso(seconds: int, offset_minutes: int) -> str:
    from datetime import datetime, timedelta, timezone

    tz = timezone(timedelta(minutes=offset_minutes))
    return datetime.fromtimestamp(seconds, tz).isoformat(timespec="minutes")


def _rules(repo: Repository) -> Any:
    """What a merged record is checked against: the repository's rules and extension definitions
    (an invalid definition file is an error, never a silent fall back to the national model)."""
    return pipeline.repository_rules(repo)
