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

from kototieto.errors import InvalidInputError, KotoError, NotFoundError, UsageError
from kototieto.store import checks, indexsync, layout, pipeline
from kototieto.store.gitcommit import atomic_write
from kototieto.store.merge import MISSING, FieldConflict, apply_side, merge3
from kototieto.store.repository import Repository
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
    from kototieto.store.store import Store

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
    texts = [p.read_bytes() for p in (base, ours, theirs)]
    try:
        docs = [
            load_document(t, f"{pathname} ({side})") if t.strip() else None
            for t, side in zip(texts, ("base", "ours", "theirs"), strict=True)
        ]
    except InvalidInputError as exc:
        _write_note(repo, pathname, pathname, [], [str(exc)], {}, texts[1].decode("utf-8", "replace"), [])
        return 1
    b, o, t = docs
    if o is None or t is None:
        return 1  # one side emptied the file: not a record edit, leave it to a person
    result = merge3(b.data if b is not None else MISSING, o.data, t.data)
    merged = result.data
    update_document(o.doc, merged)
    text = dump_document(o.doc)
    rid = str(
        merged.get("id")
        or (layout.parse_record_path(pathname) or layout.RecordPath("", "", pathname)).record_id
    )
    try:
        issues = checks.errors_of(
            checks.check_record(pathname, merged, rules=_rules(repo), others=_siblings(repo, pathname, rid))
        )
        problems = [str(i) for i in issues]
    except KotoError as exc:  # e.g. the definitions are being merged too: a person decides
        problems = [f"cannot check the merged record: {exc.message}"]
    if result.clean and not problems:
        ours.write_text(text, encoding="utf-8")
        _remove_note(repo, rid)
        return 0
    lines = [
        CONFLICT_PREFIX + f"{c.dotted}: ours={_short(c.ours)} theirs={_short(c.theirs)}"
        for c in result.conflicts
    ]
    lines += [CONFLICT_PREFIX + "invalid after merge: " + p.replace("\n", " ") for p in problems]
    ours.write_text("\n".join(lines) + "\n" + text, encoding="utf-8")
    fields = [c.to_json() for c in result.conflicts]
    _write_note(repo, rid, pathname, fields, problems, merged, texts[1].decode("utf-8"), result.conflicts)
    return 1


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


def _remove_note(repo: Repository, rid: str) -> None:
    (_notes_dir(repo) / f"{rid}.json").unlink(missing_ok=True)


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


def resolve(repo: Repository, record_id: str, take: str) -> tuple[str, bool]:
    """Settle a conflict with ``ours``, ``theirs`` or a file; returns (path, merge committed)."""
    indexsync.flush(repo)
    note = next((n for n in list_conflicts(repo) if n.record_id == record_id), None)
    if note is None:
        raise NotFoundError(f"no unresolved conflict for record {record_id!r} (see `koto conflicts`)")
    if take in ("ours", "theirs"):
        data = apply_side(note.merged, note.conflicts, take)
        doc = load_document(note.ours_text, note.path)
        update_document(doc.doc, data)
        text = dump_document(doc.doc)
    else:
        f = Path(take)
        if not f.is_file():
            raise UsageError(f"--take: 'ours', 'theirs' or a file; {take} is none of these")
        text = f.read_text(encoding="utf-8")
    loaded = load_document(text, note.path)
    checks.raise_if_invalid(
        note.path,
        checks.check_record(
            note.path,
            loaded.data,
            rules=_rules(repo),
            locate=loaded.locate,
            others=_siblings(repo, note.path, record_id),
        ),
    )
    atomic_write(repo.root / note.path, text.encode("utf-8"))
    subprocess.run(["git", "add", "--", note.path], cwd=repo.root, check=True, capture_output=True)
    _remove_note(repo, record_id)
    committed = False
    if not unmerged_paths(repo) and (repo.git_dir / "MERGE_HEAD").exists():
        subprocess.run(
            ["git", "commit", "--no-edit", "--no-verify"], cwd=repo.root, check=True, capture_output=True
        )
        committed = True
    return note.path, committed


def _rules(repo: Repository) -> pipeline.Rules:
    """What a merged record is checked against: the repository's rules and extension definitions
    (an invalid definition file is an error, never a silent fall back to the national model)."""
    return pipeline.repository_rules(repo)
