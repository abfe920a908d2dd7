"""Field-level differences between two versions of a record (not a text diff).

``diff_data(old, new)`` walks both JSON-like values together and lists every leaf-level change as
``added`` / ``removed`` / ``changed`` with its field path, e.g. ``("measures", 2, "status")``.

- Mappings are compared key by key (key order is not a change).
- Lists of mappings that all carry an id-like key (``ID_KEYS``) with unique values on both sides are
  matched by that key, so inserting an item at the top does not show every later item as changed;
  the path uses the item's position in the new list (in the old list for a removed item); a
  pure reordering of such items is not a change.
  Other lists are compared position by position.
- ``1`` and ``True`` are different values; a mapping replaced by a scalar is one ``changed``.

Labels come from the field catalogue (``kototieto.model.catalogue.field_label``) in the chosen
language; a path the catalogue does not know is labelled with its key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

ID_KEYS = ("id", "key", "code")
Path = tuple[str | int, ...]
Op = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class FieldChange:
    path: Path
    op: Op
    old: Any
    new: Any
    label: str

    @property
    def dotted(self) -> str:
        return dotted(self.path)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.dotted,
            "op": self.op,
            "label": self.label,
            "old": self.old,
            "new": self.new,
        }


def dotted(path: Path) -> str:
    """``("measures", 2, "status")`` -> ``measures[2].status``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def catalogue_labeler(lang: str) -> Callable[[Path], str]:
    """A labeler using the model's field catalogue (the key itself where the catalogue has no label)."""
    # Imported here, not at the top: checks and the store import this module on every write command
    # (for ``dotted``), and the catalogue (with its trace tables) is only needed to label a diff.
    from kototieto.model.catalogue import field_label

    def label(path: Path) -> str:
        parts: list[str] = []
        keys: list[str] = []
        for part in path:
            if isinstance(part, int):
                parts.append(str(part + 1))
                continue
            keys.append(part)
            text = part
            try:
                text = field_label(".".join(keys), lang) or part
            except (KeyError, ValueError, LookupError):
                text = part
            parts.append(text)
        return " › ".join(parts)

    return label


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _id_key(old: Sequence[Any], new: Sequence[Any]) -> str | None:
    items = list(old) + list(new)
    if not items or not all(isinstance(x, Mapping) for x in items):
        return None
    for key in ID_KEYS:
        if (
            all(key in x and isinstance(x[key], str | int) for x in items)
            and len({x[key] for x in old}) == len(old)
            and len({x[key] for x in new}) == len(new)
        ):
            return key
    return None


def diff_data(
    old: Any, new: Any, *, lang: str = "fi", labeler: Callable[[Path], str] | None = None
) -> list[FieldChange]:
    """Every field-level change from ``old`` to ``new`` (in a stable, document-like order)."""
    label = labeler or catalogue_labeler(lang)
    out: list[FieldChange] = []

    def emit(path: Path, op: Op, a: Any, b: Any) -> None:
        out.append(FieldChange(path, op, a, b, label(path)))

    def walk(path: Path, a: Any, b: Any) -> None:
        if isinstance(a, Mapping) and isinstance(b, Mapping):
            for k in b:
                if k not in a:
                    emit((*path, k), "added", None, b[k])
                else:
                    walk((*path, k), a[k], b[k])
            for k in a:
                if k not in b:
                    emit((*path, k), "removed", a[k], None)
            return
        if isinstance(a, list) and isinstance(b, list):
            key = _id_key(a, b)
            if key is None:
                for i in range(max(len(a), len(b))):
                    if i >= len(a):
                        emit((*path, i), "added", None, b[i])
                    elif i >= len(b):
                        emit((*path, i), "removed", a[i], None)
                    else:
                        walk((*path, i), a[i], b[i])
                return
            old_by = {x[key]: (i, x) for i, x in enumerate(a)}
            new_keys = {x[key] for x in b}
            for i, item in enumerate(b):
                if item[key] in old_by:
                    walk((*path, i), old_by[item[key]][1], item)
                else:
                    emit((*path, i), "added", None, item)
            for i, item in enumerate(a):
                if item[key] not in new_keys:
                    emit((*path, i), "removed", item, None)
            return
        if not _same(a, b):
            emit(path, "changed", a, b)

    walk((), old, new)
    return out
