"""Drafts of the app's forms, saved as the official types, in the repository's drafts area.

The drafts area is the CLI's (``.git/koto/drafts/``: never in the working tree, never committed).
The app's drafts are JSON files named ``web-<record id>.json`` for an edit and
``web-new-<customer>-<kind>.json`` for a new record, holding the form's state, the record's
identity, the version the edit started from and who typed it; a draft is offered only to the
person who typed it. Writes are atomic (temporary file and rename).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from kototieto.store import layout


def _dir(root: Path) -> Path:
    from kototieto.store.repository import Repository

    return Repository.open(root).ensure_koto_dir() / "drafts"


def _name(rid: str, cid: str, kind: str, new: bool) -> str:
    for part in (rid, cid, kind):
        layout.check_name(part, "id")
    return f"web-new-{cid}-{kind}.json" if new else f"web-{rid}.json"


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
    folder = _dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _name(rid, cid, kind, new)
    body = {
        "meta": meta,
        "state": state,
        "base_blob": base_blob,
        "user": user,
        "saved": dt.datetime.now().strftime("%-d.%-m.%Y %H:%M"),
    }
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def _read(path: Path, user: str | None) -> dict[str, Any] | None:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(body, dict) or body.get("user") != user:
        return None
    if not isinstance(body.get("state"), dict) or not isinstance(body.get("meta"), dict):
        return None
    return body


def load(root: Path, rid: str, user: str | None) -> dict[str, Any] | None:
    return _read(_dir(root) / _name(rid, "x", "x", False), user)


def find_new(root: Path, cid: str, kind: str, user: str | None) -> dict[str, Any] | None:
    return _read(_dir(root) / _name("x", cid, kind, True), user)


def remove(root: Path, rid: str, cid: str, kind: str, new: bool) -> None:
    (_dir(root) / _name(rid, cid, kind, new)).unlink(missing_ok=True)
