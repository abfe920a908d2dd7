"""Three-way merge of two versions of a record, field by field, on the parsed data.

``merge3(base, ours, theirs)`` returns the merged data and the conflicts. A field is a conflict
only when both sides changed it differently from the base; a change on one side wins over an
unchanged other side, and identical changes on both sides agree. Mappings merge key by key; lists
of mappings with an id-like key (see ``fielddiff.ID_KEYS``) merge item by item (an item edited on
one side and removed on the other is a conflict); other lists merge as whole values. A conflicted
field keeps *our* value in the merged data, so the merged record is still a complete record that
can be validated and shown; the conflict list says what to settle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kototieto.store.fielddiff import ID_KEYS, Path, dotted


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class FieldConflict:
    path: Path
    base: Any
    ours: Any
    theirs: Any

    @property
    def dotted(self) -> str:
        return dotted(self.path)

    def to_json(self) -> dict[str, Any]:
        def v(x: Any) -> Any:
            return None if x is MISSING else x

        return {
            "path": self.dotted,
            "base": v(self.base),
            "ours": v(self.ours),
            "theirs": v(self.theirs),
            "ours_removed": self.ours is MISSING,
            "theirs_removed": self.theirs is MISSING,
        }


@dataclass(frozen=True)
class MergeResult:
    data: Any
    conflicts: list[FieldConflict]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _eq(a: Any, b: Any) -> bool:
    if a is MISSING or b is MISSING:
        return a is b
    return type(a) is type(b) and a == b


def _list_key(*lists: Any) -> str | None:
    present = [x for x in lists if x is not MISSING]
    if not all(isinstance(x, list) for x in present):
        return None
    items = [i for x in present for i in x]
    if not items or not all(isinstance(i, Mapping) for i in items):
        return None
    for key in ID_KEYS:
        if all(key in i and isinstance(i[key], str | int) for i in items) and all(
            len({i[key] for i in x}) == len(x) for x in present
        ):
            return key
    return None


def merge3(base: Any, ours: Any, theirs: Any) -> MergeResult:
    """Merge ``ours`` and ``theirs``, both descended from ``base`` (``MISSING`` = absent)."""
    conflicts: list[FieldConflict] = []

    def merge(path: Path, b: Any, o: Any, t: Any) -> Any:
        if _eq(o, t):
            return o
        if _eq(b, o):
            return t
        if _eq(b, t):
            return o
        maps = [x for x in (b, o, t) if x is not MISSING]
        if o is not MISSING and t is not MISSING and all(isinstance(x, Mapping) for x in maps):
            bm: Mapping[str, Any] = b if isinstance(b, Mapping) else {}
            out: dict[str, Any] = {}
            keys = list(o) + [k for k in t if k not in o]
            for k in keys:
                value = merge((*path, k), bm.get(k, MISSING), o.get(k, MISSING), t.get(k, MISSING))
                if value is not MISSING:
                    out[k] = value
            return out
        if o is not MISSING and t is not MISSING:
            key = _list_key(b, o, t)
            if key is not None:
                return merge_keyed(path, key, b if isinstance(b, list) else [], o, t)
        conflicts.append(FieldConflict(path, b, o, t))
        return o

    def merge_keyed(path: Path, key: str, b: list[Any], o: list[Any], t: list[Any]) -> list[Any]:
        bi = {x[key]: x for x in b}
        oi = {x[key]: x for x in o}
        ti = {x[key]: x for x in t}
        order = [x[key] for x in o] + [x[key] for x in t if x[key] not in oi]
        out: list[Any] = []
        for k in order:
            value = merge((*path, len(out)), bi.get(k, MISSING), oi.get(k, MISSING), ti.get(k, MISSING))
            if value is not MISSING:
                out.append(value)
        return out

    data = merge((), base, ours, theirs)
    return MergeResult(data, conflicts)


def apply_side(data: Any, conflicts: list[FieldConflict], side: str) -> Any:
    """``data`` with every conflicted field set to ``side``'s value ("ours" or "theirs")."""
    return apply_values(data, conflicts, [c.ours if side == "ours" else c.theirs for c in conflicts])


def apply_values(data: Any, conflicts: list[FieldConflict], values: list[Any]) -> Any:
    """``data`` (the merge result, holding our value in each conflicted field) with conflict ``i``
    set to ``values[i]`` (``MISSING``: the field removed)."""
    import copy

    out = copy.deepcopy(data)
    for c, value in reversed(list(zip(conflicts, values, strict=True))):
        # reversed: list positions of earlier items stay valid
        if not c.path:
            return copy.deepcopy(value)
        parent = out
        for part in c.path[:-1]:
            parent = parent[part]
        last = c.path[-1]
        present = c.ours is not MISSING  # the merged data holds our value
        if isinstance(parent, list):
            assert isinstance(last, int)
            if value is MISSING:
                if present:
                    parent.pop(last)
            elif present:
                parent[last] = copy.deepcopy(value)
            else:
                parent.insert(last, copy.deepcopy(value))
        elif value is MISSING:
            parent.pop(last, None)
        else:
            parent[last] = copy.deepcopy(value)
    return out
