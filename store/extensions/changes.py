"""Definition changes as commits: commit the files with the schema, withdraw (migrate or keep)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygit2

from kototieto.errors import ConflictError, InvalidInputError, NotFoundError, NothingToDoError, UsageError
from kototieto.i18n import count
from kototieto.model.extensions import (
    ExtensionDefinitionError,
    ExtensionField,
    ExtensionSet,
    check_definitions,
)
from kototieto.model.text import T, Text
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

UNCOMMITTED = T(
    "{p}: tiedostossa on tallentamattomia muutoksia; tallenna tai hylkää ne ensin; mitään ei muutettu",
    "{p}: filen har osparade ändringar; spara eller kasta dem först; ingenting ändrades",
    "{p} has uncommitted changes; commit or discard them first; nothing was changed",
)


def no_field(ext: ExtensionSet, field_id: str) -> Text:
    """ "no extension field 'x' (defined: ...)" in fi, sv and en."""
    defined = ", ".join(ext.by_id)
    return T(
        "Lisäkenttää {f!r} ei ole (määritellyt: {fi})",
        "Tilläggsfältet {f!r} finns inte (definierade: {sv})",
        "no extension field {f!r} (defined: {en})",
    ).format(f=field_id, fi=defined or "ei yhtään", sv=defined or "inga", en=defined or "none")


# ---------------------------------------------------------------- changes
def _signature(repo: Repository, author: str | None) -> pygit2.Signature:
    return gitcommit.parse_author(author) if author else gitcommit.default_signature(repo)


def _head_guard(repo: Repository) -> Any:
    start = repo.head_commit()
    start_id = start.id if start is not None else None

    def check(head: pygit2.Commit | None) -> None:
        if (head.id if head is not None else None) != start_id:
            raise ConflictError(
                T(
                    "Tietovarasto muuttui lisäkenttien muuttamisen aikana; aja komento uudelleen",
                    "Datakatalogen ändrades medan tilläggsfälten ändrades; kör kommandot igen",
                    "the repository changed while the extensions were being changed; run again",
                )
            )

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
        raise NothingToDoError(
            T(
                "Lisäkenttien määrittelyt on jo tallennettu",
                "Tilläggsfältens definitioner är redan sparade",
                "the extension definitions are already committed",
            )
        )
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
        raise UsageError(
            T(
                "Anna joko --migrate-to tai --keep-history, ei molempia",
                "Ange antingen --migrate-to eller --keep-history, inte båda",
                "give either --migrate-to or --keep-history, not both",
            )
        )
    ext = load_extensions(repo.root)
    committed = committed_files(repo, repo.head_commit())
    for path in definition_files(repo.root):
        name = f"{EXTENSIONS_DIR}/{path.name}"
        if committed.get(name) != path.read_bytes():
            raise ConflictError(
                T(
                    "{p}: tiedostossa on tallentamattomia muutoksia; tallenna ne ensin (`koto extension commit`) "
                    "tai hylkää ne",
                    "{p}: filen har osparade ändringar; spara dem först (`koto extension commit`) eller kasta dem",
                    "{p} has uncommitted changes; commit them first (`koto extension commit`) or discard them",
                ).format(p=name)
            )
    try:
        ef = ext.get(field_id)
    except KeyError:
        raise NotFoundError(no_field(ext, field_id)) from None
    if ef.spec.status == "withdrawn":
        raise NothingToDoError(
            T(
                "{f} on jo poistettu käytöstä",
                "{f} är redan tillbakadraget",
                "{f} is already withdrawn",
            ).format(f=field_id)
        )
    users = usage(repo, ext)[field_id].record_ids
    target: ExtensionField | None = None
    if migrate_to:
        try:
            target = ext.get(migrate_to)
        except KeyError:
            raise NotFoundError(no_field(ext, migrate_to)) from None
        if target.id == ef.id or target.spec.status == "withdrawn":
            raise UsageError(
                T(
                    "--migrate-to {m}: valitse toinen kenttä, jota ei ole poistettu käytöstä",
                    "--migrate-to {m}: välj ett annat fält som inte är tillbakadraget",
                    "--migrate-to {m}: choose another field that is not withdrawn",
                ).format(m=migrate_to)
            )
        if (target.spec.type, target.code_list) != (ef.spec.type, ef.code_list):
            raise UsageError(
                T(
                    "--migrate-to {m}: sen tyyppi ({t}) on eri kuin kentän {f} ({ft})",
                    "--migrate-to {m}: dess typ ({t}) skiljer sig från typen för {f} ({ft})",
                    "--migrate-to {m}: its type ({t}) differs from {f}'s ({ft})",
                ).format(m=migrate_to, t=target.spec.type, f=field_id, ft=ef.spec.type)
            )
    if users and not (target or keep_history):
        shown = ", ".join(users[:5]) + (" ..." if len(users) > 5 else "")
        raise ConflictError(
            T(
                "{fi_n} käyttää kenttää {f} ({shown}); mitään ei muutettu. Siirrä arvot valitsimella "
                "--migrate-to TOINEN-TUNNUS tai säilytä ne historiana valitsimella --keep-history",
                "{sv_n} använder {f} ({shown}); ingenting ändrades. Flytta värdena med "
                "--migrate-to ANNAT-ID eller behåll dem som historik med --keep-history",
                "{n} record(s) use {f} ({shown}); nothing was changed. Move the values with "
                "--migrate-to OTHER-ID, or keep them as history with --keep-history",
            ).format(
                n=len(users),
                f=field_id,
                shown=shown,
                fi_n=count(len(users), "record", "fi"),
                sv_n=count(len(users), "record", "sv"),
            )
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
                T(
                    "{p}: kenttää {f} ei ole määritelty lajin {k} tietueille; mitään ei muutettu",
                    "{p}: {f} är inte definierat för poster av typen {k}; ingenting ändrades",
                    "{p}: {f} is not defined for {k} records; nothing was changed",
                ).format(p=path, f=new.id, k=data.get("kind"))
            )
        if is_filled(values.get(new.id)) and values[new.id] != values[old.id]:
            raise ConflictError(
                T(
                    "{p}: kentässä {f} on jo toinen arvo; mitään ei muutettu",
                    "{p}: har redan ett annat värde i {f}; ingenting ändrades",
                    "{p}: already has another value in {f}; nothing was changed",
                ).format(p=path, f=new.id)
            )
        full = repo.root / path
        if full.exists() and full.read_bytes() != raw:
            raise ConflictError(UNCOMMITTED.format(p=path))
        doc = load_document(raw, path)
        updated = dict(doc.data)
        moved = {(new.id if k == old.id else k): v for k, v in values.items() if k != new.id}
        updated["extensions"] = moved
        update_document(doc.doc, updated)
        text = dump_document(doc.doc).encode("utf-8")
        result = ext.validate(fast_load(text, path))
        errors = [p for p in result.problems if str(p.severity) == "error"]
        if errors:
            raise InvalidInputError(
                T(
                    "{p}: siirretty tietue ei ole kelvollinen: {fi}",
                    "{p}: den flyttade posten är ogiltig: {sv}",
                    "{p}: migrated record is invalid: {en}",
                ).format(
                    p=path, fi=errors[0].message("fi"), sv=errors[0].message("sv"), en=errors[0].message("en")
                )
            )
        out[path] = text
    return out
