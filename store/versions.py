"""Versions of one record, numbered 1 (the first) to N (the newest), instead of Git revisions.

``numbered(store, id)`` lists a record's versions oldest first with their number, local time,
author and the fields each version changed; ``revision(store, id, spec)`` turns a version number
(``3``) into the commit that wrote it and passes anything else (a Git revision such as
``HEAD~1`` or a commit id) through unchanged, so ``koto show ID@3``, ``koto diff ID 3 5`` and
``koto restore ID --version 3`` all name the record's own versions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kototieto.errors import NotFoundError
from kototieto.model.text import T
from kototieto.store import history
from kototieto.store.bulkload import fast_load
from kototieto.store.fielddiff import diff_data

NO_VERSION = T(
    "Tietueella {id} ei ole versiota {n} (versiot 1-{last}; katso `koto log {id}`).",
    "Posten {id} har ingen version {n} (versioner 1-{last}; se `koto log {id}`).",
    "Record {id} has no version {n} (versions 1-{last}; see `koto log {id}`).",
)


@dataclass(frozen=True)
class NumberedVersion:
    number: int
    version: history.Version
    changed: tuple[str, ...]  # dotted top-level field paths this version changed

    @property
    def local_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.version.date).astimezone()

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.number,
            **self.version.to_json(),
            "local_time": self.local_time.isoformat(timespec="seconds"),
            "changed_fields": list(self.changed),
        }


def is_number(spec: str) -> bool:
    """A version number (``3``), not a commit id: digits only, at most five of them."""
    return spec.isdigit() and len(spec) <= 5


def _data(store: Any, blob: str | None, path: str) -> dict[str, Any]:
    if blob is None:
        return {}

    try:
        data = fast_load(store.repo.git[blob].data, path)
    except Exception:  # a broken old version: its changes are shown as unknown
        return {}
    return dict(data) if isinstance(data, dict) else {}


def numbered(store: Any, record_id: str, *, with_changes: bool = True) -> list[NumberedVersion]:
    """The record's versions, oldest (1) first, with the top-level fields each one changed."""
    path = store.find_path(record_id)
    versions = list(reversed(history.path_log(store.repo, path)))
    out: list[NumberedVersion] = []
    previous: dict[str, Any] = {}
    for number, version in enumerate(versions, 1):
        changed: tuple[str, ...] = ()
        if with_changes:
            data = _data(store, version.blob, path)
            fields: list[str] = []
            for change in diff_data(previous, data, lang="en"):
                top = str(change.path[0]) if change.path else ""
                if top and top not in fields:
                    fields.append(top)
            changed = tuple(fields)
            previous = data
        out.append(NumberedVersion(number, version, changed))
    return out


def revision(store: Any, record_id: str, spec: str | None) -> str | None:
    """The Git revision of version ``spec`` of the record; other specs (and None) unchanged."""
    if spec is None or not is_number(spec):
        return spec
    versions = numbered(store, record_id, with_changes=False)
    n = int(spec)
    if not 1 <= n <= len(versions):
        raise NotFoundError(NO_VERSION.format(id=record_id, n=n, last=len(versions)))
    return versions[n - 1].version.commit


def split_ref(ref: str) -> tuple[str, str | None]:
    """``ID@3`` -> (``ID``, ``3``); ``ID`` -> (``ID``, None)."""
    if "@" in ref:
        rid, rev = ref.split("@", 1)
        return rid, rev
    return ref, None
