"""Saving an edit that started from an older version: merged field by field, as ``koto sync`` does.

A draft of an existing record remembers its *base*, the stored version it started from
(``drafts.Draft.base_blob``). When it is saved and the record has changed since (a colleague
committed), the three versions are merged with the same field-level merge as ``koto sync``
(``store.merge.merge3``):

- fields only the colleague changed keep the colleague's value, fields only this edit changed keep
  this edit's value: the merged record is committed, and nothing the colleague did is reverted;
- a field both changed differently is a conflict: the draft is reopened (``drafts.Reopen``) with
  both values, who changed the other one and when; for a single-line value both lines are in the
  text (the file is not valid until one is deleted), so the person chooses, and the draft's base
  moves to the colleague's version.

``koto add`` of a kept draft goes through the same function, so it never reverts a change either;
with a conflict it refuses and points to ``koto edit ID``, where the choice is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kototieto.errors import ConflictError
from kototieto.model.text import T
from kototieto.store import history
from kototieto.store.bulkload import fast_load
from kototieto.store.drafts import ERROR_PREFIX, Draft, Reopen, say
from kototieto.store.fielddiff import FieldChange, catalogue_labeler, diff_data
from kototieto.store.merge import MISSING, FieldConflict, merge3
from kototieto.store.yamlio import dump_document, load_document, new_document_text, update_document

if TYPE_CHECKING:
    from kototieto.store.store import RecordView, Store

CHOICE_MARK = "  # koto<<< "
_CHOICE_RE = re.compile(r"\s+# koto<<< .*$", re.MULTILINE)


@dataclass(frozen=True)
class Saved:
    """A saved edit and the colleague's changes that were merged into it (empty: none)."""

    view: RecordView
    kept: list[FieldChange]


def strip_choice_marks(text: str) -> str:
    return _CHOICE_RE.sub("", text)


def save_edit(
    store: Store, body: str, draft: Draft, *, message: str | None = None, author: str | None = None
) -> Saved:
    """Save ``body`` as the new version of ``draft``'s record, merging what changed since its base.

    Raises ``drafts.Reopen`` on a same-field conflict, ``ConflictError`` when the record was
    removed meanwhile or (a new record) its id was taken, and the store's errors otherwise.
    """
    body = strip_choice_marks(body)
    path = draft.record_path
    if draft.base_blob is None:
        view = store.save_text(body, path=path, must_be_new=True, message=message, author=author)
        return Saved(view, [])
    head = store.repo.head_commit()
    current = history.blob_at(store.repo, head, path) if head is not None else None
    if current is None:
        raise ConflictError(
            T(
                f"Tietue {draft.record_id} on poistettu muokkauksesi aikana; mitään ei kirjattu.",
                f"Posten {draft.record_id} togs bort medan du redigerade; ingenting sparades.",
                f"record {draft.record_id} was removed while you edited it; nothing was written",
            )
        )
    if str(current.id) == draft.base_blob:
        try:
            view = store.save_text(
                body, path=path, expected_version=draft.base_blob, message=message, author=author
            )
        except ConflictError as exc:
            if getattr(exc, "changes", None) is None:
                raise
            return save_edit(store, body, draft, message=message, author=author)  # a save raced
        return Saved(view, [])

    base_blob = store.repo.git.get(draft.base_blob)
    base: Any = fast_load(base_blob.data, path) if base_blob is not None else {}  # type: ignore[attr-defined]
    theirs = fast_load(current.data, path)
    ours = load_document(body, path)
    result = merge3(base, ours.data, theirs)
    update_document(ours.doc, result.data)
    text = dump_document(ours.doc)
    if result.conflicts:
        assert head is not None
        header, shown = _choices(store, path, text, result.conflicts)
        raise Reopen(header, shown, str(current.id), str(head.id))
    view = store.save_text(text, path=path, expected_version=str(current.id), message=message, author=author)
    mine = {c.path for c in diff_data(base, ours.data, lang=store.lang)}
    kept = [c for c in diff_data(base, theirs, lang=store.lang) if c.path not in mine]
    return Saved(view, kept)


def _who(store: Store, path: str) -> tuple[str, str]:
    versions = history.path_log(store.repo, path, limit=1)
    if not versions:
        return "?", ""
    v = versions[0]
    return v.author, v.date[:16].replace("T", " ")


def _shown(value: Any) -> str:
    return "-" if value is MISSING else repr(value)


def _scalar(value: Any) -> bool:
    return (
        value is not MISSING
        and not isinstance(value, dict | list)
        and not (isinstance(value, str) and "\n" in value)
    )


def _choices(store: Store, path: str, text: str, conflicts: list[FieldConflict]) -> tuple[list[str], str]:
    """Header lines naming each conflict, and the text with both lines of single-line values."""
    name, when = _who(store, path)
    label = catalogue_labeler(store.lang)
    lines = text.splitlines()
    doc = load_document(text, path)
    placed: list[tuple[int, str]] = []
    header = [
        ERROR_PREFIX
        + say(
            T(
                f"RISTIRIITA: {name} tallensi tämän tietueen muokkauksesi aikana ({when}). "
                "Hänen muutoksensa muihin kenttiin on yhdistetty. Valitse alla olevista kentistä "
                "kumpi arvo jää: poista toinen rivi (merkitty # koto<<<) ja tallenna.",
                f"KONFLIKT: {name} sparade posten medan du redigerade ({when}). Ändringarna i "
                "andra fält har slagits samman. Välj vilket värde som blir kvar i fälten nedan: "
                "ta bort den andra raden (märkt # koto<<<) och spara.",
                f"CONFLICT: {name} saved this record while you edited it ({when}). Their changes "
                "to other fields are merged in. For each field below choose the value to keep: "
                "delete the other line (marked # koto<<<) and save.",
            )
        )
    ]
    for c in conflicts:
        header.append(
            ERROR_PREFIX
            + say(
                T(
                    f"{label(c.path)} ({c.dotted}): sinun arvosi {_shown(c.ours)}; {name}: {_shown(c.theirs)}",
                    f"{label(c.path)} ({c.dotted}): ditt värde {_shown(c.ours)}; {name}: {_shown(c.theirs)}",
                    f"{label(c.path)} ({c.dotted}): yours {_shown(c.ours)}; {name}: {_shown(c.theirs)}",
                )
            )
        )
        key = c.path[-1] if c.path else None
        if not isinstance(key, str) or not (_scalar(c.ours) and _scalar(c.theirs)):
            continue
        where = doc.locate(c.path)
        if where is None:
            continue
        idx, indent = where[0] - 1, " " * (where[1] - 1)
        own = lines[idx] if 0 <= idx < len(lines) else ""
        if not own.startswith(f"{indent}{key}:") and not own.lstrip(" -").startswith(f"{key}:"):
            continue
        theirs_line = new_document_text({key: c.theirs}, None).rstrip("\n")
        if "\n" in theirs_line:
            continue
        yours = say(T("sinun", "din", "yours"))
        lines[idx] = own + CHOICE_MARK + yours
        placed.append((idx, indent + theirs_line + CHOICE_MARK + f"{name} {when}"))
    for idx, extra in sorted(placed, reverse=True):
        lines.insert(idx + 1, extra)
    return header, "\n".join(lines) + "\n"
