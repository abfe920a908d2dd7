"""Definition changes as commits: commit the files with the schema, withdraw (migrate or keep)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygit2

from kototieto.errors import ConflictError, InvalidInputError, NotFoundError, NothingToDoError, UsageError
from kototieto.model.extensions import (
    ExtensionDefinitionError,
    ExtensionField,
    ExtensionSet,
    check_definitions,
)
from kototieto.model.text import T
from kototieto.store import gitcommit, history, layout
from kototieto.store.bulkload import fast_load
from kototieto.store.extensions.load import (
    EXTENSIONS_DIR,
    committed_files,
    definition_files,
    load_extensions,
    schema_text,
    source_doc,
)
from kototieto.store.extensions.usage import head_records, is_filled, usage
from kototieto.store.repository import Repository
from kototieto.store.yamlio import dump_document, load_document, update_document


# ---------------------------------------------------------------- changes
def _signature(repo: Repository, author: str | None) -> pygit2.Signature:
    return gitcommit.parse_author(author) if author else gitcommit.default_signature(repo)


def _head_guard(repo: Repository) -> Any:
    start = repo.head_commit()
    start_id = start.id if start is not None else None

    def check(head: pygit2.Commit | None) -> None:
        if (head.id if head is not None else None) != start_id:
            raise ConflictError("the repository changed while the extensions were being changed; run again")

    return check


def _undefined_in_use(repo: Repository, ext: ExtensionSet) -> list[str]:
    known = set(ext.by_id)
    out = []
    for path, _, data in head_records(repo):
        values = data.get("extensions")
        if isinstance(values, dict):
            out += [f"{path}: {key}" for key in values if key not in known and is_filled(values[key])]
    return out


def commit_definitions(repo: Repository, message: str | None = None, author: str | None = None) -> str:
    """Commit the working tree's definition files (checked) with the regenerated JSON Schema.

    Refused when a definition is invalid, or when records at the head use a field the new
    definitions no longer declare (withdraw it instead). Returns the new commit id.
    """
    ext = load_extensions(repo.root)
    missing = _undefined_in_use(repo, ext)
    if missing:
        shown = "\n".join(f"  {m}" for m in missing[:10])
        raise ConflictError(
            T(
                "Tietueissa on lisäkenttiä, joita määrittelyt eivät enää anna; mitään ei tallennettu. "
                f"Vedä kenttä pois käytöstä komennolla `koto extension withdraw ID`; älä poista sitä:\n{shown}",
                "Poster använder tilläggsfält som definitionerna inte längre har; ingenting sparades. "
                f"Dra tillbaka ett fält med `koto extension withdraw ID` i stället för att ta bort det:\n{shown}",
                "records use extension fields that the definitions no longer declare; nothing was committed. "
                f"Withdraw a field with `koto extension withdraw ID` instead of deleting it:\n{shown}",
            )
        )
    head = repo.head_commit()
    committed = committed_files(repo, head)
    changes: dict[str, bytes | None] = {}
    for path in definition_files(repo.root):
        name = f"{EXTENSIONS_DIR}/{path.name}"
        raw = path.read_bytes()
        if committed.get(name) != raw:
            changes[name] = raw
    for name in committed:
        if not (repo.root / name).is_file():
            changes[name] = None
    schema = schema_text(ext).encode("utf-8")
    blob = history.blob_at(repo, head, layout.SCHEMA_PATH) if head is not None else None
    if changes and (blob is None or blob.data != schema):
        changes[layout.SCHEMA_PATH] = schema
    if not changes:
        raise NothingToDoError("the extension definitions are already committed")
    names = ", ".join(sorted(n for n in changes if n != layout.SCHEMA_PATH))
    result = gitcommit.commit_changes(
        repo,
        changes,
        message or f"Extensions: update {names}\n",
        author=_signature(repo, author),
        check=_head_guard(repo),
    )
    return result.commit_id


@dataclass(frozen=True)
class WithdrawResult:
    field_id: str
    commit: str
    migrated: int  # records whose values were moved to ``migrate_to``
    kept: int  # records keeping their values as history


def withdraw(
    repo: Repository,
    field_id: str,
    *,
    migrate_to: str | None = None,
    keep_history: bool = False,
    author: str | None = None,
) -> WithdrawResult:
    """Set a field's status to ``withdrawn`` (one commit); refused while records use it unless
    ``migrate_to`` (move the values) or ``keep_history`` (keep them) is given."""
    if migrate_to and keep_history:
        raise UsageError("give either --migrate-to or --keep-history, not both")
    ext = load_extensions(repo.root)
    committed = committed_files(repo, repo.head_commit())
    for path in definition_files(repo.root):
        name = f"{EXTENSIONS_DIR}/{path.name}"
        if committed.get(name) != path.read_bytes():
            raise ConflictError(
                f"{name} has uncommitted changes; commit them first (`koto extension commit`) or discard them"
            )
    try:
        ef = ext.get(field_id)
    except KeyError as exc:
        raise NotFoundError(str(exc.args[0])) from None
    if ef.spec.status == "withdrawn":
        raise NothingToDoError(f"{field_id} is already withdrawn")
    users = usage(repo, ext)[field_id].record_ids
    target: ExtensionField | None = None
    if migrate_to:
        try:
            target = ext.get(migrate_to)
        except KeyError as exc:
            raise NotFoundError(str(exc.args[0])) from None
        if target.id == ef.id or target.spec.status == "withdrawn":
            raise UsageError(f"--migrate-to {migrate_to}: choose another field that is not withdrawn")
        if (target.spec.type, target.code_list) != (ef.spec.type, ef.code_list):
            raise UsageError(
                f"--migrate-to {migrate_to}: its type ({target.spec.type}) differs from {field_id}'s ({ef.spec.type})"
            )
    if users and not (target or keep_history):
        shown = ", ".join(users[:5]) + (" ..." if len(users) > 5 else "")
        raise ConflictError(
            f"{len(users)} record(s) use {field_id} ({shown}); nothing was changed. Move the values with "
            "--migrate-to OTHER-ID, or keep them as history with --keep-history"
        )
    changes: dict[str, bytes | None] = {}
    # The definition file, with only the status changed (comments and layout kept).
    def_doc = load_document((repo.root / ef.file).read_bytes(), ef.file)
    data = def_doc.data
    data["fields"][ef.index]["status"] = "withdrawn"
    update_document(def_doc.doc, data)
    changes[ef.file] = dump_document(def_doc.doc).encode("utf-8")
    new_ext, problems = check_definitions(
        [
            source_doc(changes[ef.file] or b"", ef.file)
            if path == ef.file
            else source_doc((repo.root / path).read_bytes(), path)
            for path in (f"{EXTENSIONS_DIR}/{p.name}" for p in definition_files(repo.root))
        ]
    )
    if new_ext is None:
        raise ExtensionDefinitionError(problems)
    migrated = 0
    if target is not None:
        changes.update(_migrate(repo, new_ext, ef, target))
        migrated = len(changes) - 1
    changes[layout.SCHEMA_PATH] = schema_text(new_ext).encode("utf-8")
    how = f"values moved to {target.id}" if target else ("values kept as history" if users else "unused")
    result = gitcommit.commit_changes(
        repo,
        changes,
        f"Extensions: withdraw {field_id} ({how})\n\nExtension-Field: {field_id}\n",
        author=_signature(repo, author),
        check=_head_guard(repo),
    )
    return WithdrawResult(field_id, result.commit_id, migrated, 0 if target else len(users))


def _migrate(
    repo: Repository, ext: ExtensionSet, old: ExtensionField, new: ExtensionField
) -> dict[str, bytes | None]:
    """Rewrite every head record holding ``old``: its value moves to ``new`` (checked with ``ext``)."""
    out: dict[str, bytes | None] = {}
    for path, raw, data in head_records(repo):
        values = data.get("extensions")
        if not isinstance(values, dict) or not is_filled(values.get(old.id)):
            continue
        if data.get("kind") not in new.spec.kinds:
            raise UsageError(
                f"{path}: {new.id} is not defined for {data.get('kind')} records; nothing was changed"
            )
        if is_filled(values.get(new.id)) and values[new.id] != values[old.id]:
            raise ConflictError(f"{path}: already has another value in {new.id}; nothing was changed")
        full = repo.root / path
        if full.exists() and full.read_bytes() != raw:
            raise ConflictError(
                f"{path} has uncommitted changes; commit or discard them first; nothing was changed"
            )
        doc = load_document(raw, path)
        updated = dict(doc.data)
        moved = {(new.id if k == old.id else k): v for k, v in values.items() if k != new.id}
        updated["extensions"] = moved
        update_document(doc.doc, updated)
        text = dump_document(doc.doc).encode("utf-8")
        result = ext.validate(fast_load(text, path))
        errors = [p for p in result.problems if str(p.severity) == "error"]
        if errors:
            raise InvalidInputError(f"{path}: migrated record is invalid: {errors[0].message('en')}")
        out[path] = text
    return out
