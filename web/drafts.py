"""Drafts of the app's forms, kept as the official types, through the store's drafts API.

The app's drafts are the CLI's (``store.drafts``: ``.koto/drafts/<record id>.yaml`` with its JSON
description, never committed, removed by ``koto erase`` with the customer): the form's state is
kept as record YAML, so ``koto edit ID`` or ``koto new KIND --resume --id ID`` finds what was typed
in the browser, and the app offers a draft the CLI kept. A new record's draft is found by its
customer and kind (the id is made when the form is first opened).

Each official's drafts are their own: the local user's are the CLI's (``.koto/drafts/``, what
``koto drafts`` lists), a proxy user's (``koto serve --trusted-user-header``) are in their own
folder (``.koto/drafts/users/<user>-<hash>/``); one official is never offered another's typing.
Of the others' drafts a record page only says who keeps one and since when (:func:`others`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kototieto.errors import InvalidInputError
from kototieto.store import drafts as store_drafts
from kototieto.store.bulkload import fast_load
from kototieto.store.repository import Repository
from kototieto.store.yamlio import new_document_text

META_KEYS = ("kind", "id", "schema_version", "customer")


def _repo(root: Path) -> Repository:
    return Repository.open(root)


def save(
    root: Path,
    rid: str,
    cid: str,
    kind: str,
    new: bool,
    meta: dict[str, Any],
    state: dict[str, Any],
    base_blob: str,
    user: str | None,
) -> None:
    """Keep the form's state as the record's draft (created, or its text replaced)."""
    repo = _repo(root)
    body = {**{k: meta[k] for k in META_KEYS if meta.get(k) is not None}, **state}
    text = new_document_text(body, None)
    kept = store_drafts.load_draft(repo, rid, user)
    if kept is None:
        store_drafts.create_draft(
            repo,
            record_id=rid,
            kind=kind,
            customer=cid,
            command="new" if new else "edit",
            text=text,
            base_blob=base_blob or None,
            pristine="",
            owner=user,
        )
    else:
        store_drafts.write_draft(kept, text, base_blob=base_blob or None)


def _as_form(draft: Any) -> dict[str, Any] | None:
    try:
        data = fast_load(draft.text().encode("utf-8"), str(draft.file))
    except (InvalidInputError, OSError):
        return None
    if not isinstance(data, dict):
        return None
    meta = {k: data.pop(k, None) for k in META_KEYS}
    meta["kind"] = meta["kind"] or draft.kind
    meta["id"] = meta["id"] or draft.record_id
    if meta["kind"] != "customer":
        meta["customer"] = meta["customer"] or draft.customer
    return {
        "meta": meta,
        "state": data,
        "base_blob": draft.base_blob or "",
        "saved": str(draft.started).replace("T", " ")[:16],
    }


def load(root: Path, rid: str, user: str | None) -> dict[str, Any] | None:
    """The kept draft of the record ``rid`` as form state (None when there is none)."""
    kept = store_drafts.load_draft(_repo(root), rid, user)
    return _as_form(kept) if kept is not None else None


def find_new(root: Path, cid: str, kind: str, user: str | None) -> dict[str, Any] | None:
    """The newest kept draft of a new ``kind`` record of customer ``cid``."""
    found = [
        d
        for d in store_drafts.list_drafts(_repo(root), user)
        if d.customer == cid and d.kind == kind and d.command == "new" and not d.base_blob
    ]
    return _as_form(found[-1]) if found else None


def find_new_customer(root: Path, user: str | None) -> dict[str, Any] | None:
    """The user's newest kept draft of a new customer (a customer record is its own customer: its
    draft is found by kind alone; ``koto new customer``'s drafts are offered too)."""
    found = [
        d
        for d in store_drafts.list_drafts(_repo(root), user)
        if d.kind == "customer" and d.command == "new" and not d.base_blob
    ]
    return _as_form(found[-1]) if found else None


def remove(root: Path, rid: str, user: str | None) -> None:
    """Remove the user's own draft of ``rid`` (discarded, or its record saved)."""
    store_drafts.discard_draft(_repo(root), rid, user)


def others(root: Path, rid: str, user: str | None) -> list[tuple[str | None, str]]:
    """Who else keeps a draft of ``rid`` (their user name; None: the local user) and since when."""
    return [
        (d.owner, str(d.started).replace("T", " ")[:16])
        for d in store_drafts.others_drafts(_repo(root), rid, user)
    ]
