"""How extension fields are used by the records at the branch head (only safe values collected)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pygit2

from kototieto.errors import InvalidInputError
from kototieto.model.extensions import (
    ExtensionField,
    ExtensionSet,
)
from kototieto.store import layout
from kototieto.store.bulkload import fast_load
from kototieto.store.repository import Repository


# ---------------------------------------------------------------- records at the head
def head_records(repo: Repository) -> Iterator[tuple[str, bytes, dict[str, Any]]]:
    """(path, raw bytes, data) of every readable record at the branch head."""
    head = repo.head_commit()
    if head is None or layout.CUSTOMERS_DIR not in head.tree:
        return
    stack: list[tuple[str, pygit2.Tree]] = []
    top = repo.git.get(head.tree[layout.CUSTOMERS_DIR].id)
    if isinstance(top, pygit2.Tree):
        stack.append((layout.CUSTOMERS_DIR, top))
    while stack:
        prefix, tree = stack.pop()
        for entry in tree:
            obj = repo.git.get(entry.id)
            path = f"{prefix}/{entry.name}"
            if isinstance(obj, pygit2.Tree):
                stack.append((path, obj))
            elif isinstance(obj, pygit2.Blob) and path.endswith(layout.RECORD_SUFFIX):
                try:
                    yield path, obj.data, fast_load(obj.data, path)
                except InvalidInputError:
                    continue


@dataclass
class FieldUsage:
    """How one extension field is used: records of its kinds, records that fill it, value counts."""

    field_id: str
    records: int = 0
    filled: int = 0
    values: Counter[str] = field(default_factory=Counter)
    record_ids: list[str] = field(default_factory=list)  # records holding a value (any, annulled too)

    @property
    def fill_rate(self) -> float | None:
        return self.filled / self.records if self.records else None


def is_filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def _countable(ef: ExtensionField, value: Any) -> list[str]:
    """Values safe to show outside the record: codes, booleans and numbers (never text or dates)."""
    if ef.spec.base_type not in ("code", "boolean", "integer", "decimal"):
        return []
    items = value if isinstance(value, list) else [value]
    return [json.dumps(v) if isinstance(v, bool) else str(v) for v in items if v is not None]


def usage(repo: Repository, ext: ExtensionSet) -> dict[str, FieldUsage]:
    """Usage of every extension field at the head; annulled records are left out of the rates."""
    out = {ef.id: FieldUsage(ef.id) for ef in ext.fields}
    for _, _, data in head_records(repo):
        kind = data.get("kind")
        raw = data.get("extensions")
        values: dict[str, Any] = raw if isinstance(raw, dict) else {}
        annulled = bool(data.get("annulment"))
        for ef in ext.fields:
            u = out[ef.id]
            value = values.get(ef.id)
            if is_filled(value):
                u.record_ids.append(str(data.get("id")))
            if annulled or kind not in ef.spec.kinds:
                continue
            u.records += 1
            if is_filled(value):
                u.filled += 1
                u.values.update(_countable(ef, value))
    return out
