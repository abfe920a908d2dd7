"""Editing a loaded record file in place: ``update_document`` and the comment bookkeeping it needs.

ruamel keeps a comment with the entry *before* it: the end-of-line comment of an entry and the
full-line comments below it (which a reader sees as standing above the next entry) share one
token in the previous entry's slot, or in the slot of its value's last entry. So deleting an
entry must hand the comments below it to its predecessor, and inserting after an entry must move
the comments below that entry to the new one. Values compare as exact data (``True`` is not ``1``,
``1`` is not ``1.0``); an unchanged value is never touched, so its quoting and layout stay.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from kototieto.store.guard import needs_quotes
from kototieto.store.yamlnodes import to_node, to_plain

__all__ = ["update_document"]


def _same(old: Any, new: Any) -> bool:
    """Equal as data, with exact types (``True`` is not ``1``, ``1`` is not ``1.0``)."""
    if type(old) is not type(new):
        return False
    if isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in new)
    if isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(new, float) and new != new:
        return bool(old != old)
    return bool(old == new)


def _plain_input(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain_input(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_input(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _updated(old: Any, new: Any) -> Any:
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        _update_map(old, new)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list | tuple):
        _update_seq(old, new)
        return old
    if _same(to_plain(old), _plain_input(new)):
        return old
    node = to_node(new)
    if (
        isinstance(old, SingleQuotedScalarString | DoubleQuotedScalarString)
        and isinstance(new, str)
        and type(node) in (str, SingleQuotedScalarString)
    ):
        return type(old)(new)  # keep the person's quoting style
    return node


def _trailing_slot(container: Any, key: Any) -> tuple[list[Any], int] | None:
    """Where ruamel keeps the comment that follows an entry (its end-of-line comment and the
    full-line comments below it): the entry's own slot, or that of its value's last entry."""
    value = container[key]
    if isinstance(value, CommentedMap) and len(value):
        return _trailing_slot(value, list(value.keys())[-1])
    if isinstance(value, CommentedSeq) and len(value):
        return _trailing_slot(value, len(value) - 1)
    index = 2 if isinstance(container, CommentedMap) else 0
    slot = container.ca.items.setdefault(key, [None, None, None, None])
    return slot, index


def _split_comment(token: Any) -> tuple[str, str]:
    """(end-of-line part including its newline, the full-line comments after it)."""
    value = token.value if isinstance(token, CommentToken) else ""
    cut = value.find("\n") + 1
    return (value[:cut], value[cut:]) if cut else (value, "")


def _move_tail(src: Any, src_key: Any, dst: Any, dst_key: Any) -> None:
    """Move the full-line comments that follow ``src[src_key]`` to follow ``dst[dst_key]`` (they
    stand above whatever comes next, so they go after a newly inserted entry)."""
    source = _trailing_slot(src, src_key)
    if source is None or not isinstance(source[0][source[1]], CommentToken):
        return
    head, tail = _split_comment(source[0][source[1]])
    if not tail:
        return
    source[0][source[1]].value = head or "\n"
    target = _trailing_slot(dst, dst_key)
    if target is None:
        return
    slot, index = target
    if isinstance(slot[index], CommentToken):
        slot[index].value = (_split_comment(slot[index])[0] or "\n") + tail
    else:
        slot[index] = CommentToken("\n" + tail, CommentMark(0), None)


def _delete_key(cm: CommentedMap, key: str) -> None:
    """Delete ``key`` with its own comments (those above it and at its end), keeping the comments
    that stand above the next key (ruamel stores them with the deleted entry)."""
    keys = list(cm.keys())
    position = keys.index(key)
    own = _trailing_slot(cm, key)
    tail = _split_comment(own[0][own[1]])[1] if own is not None else ""
    del cm[key]
    if position == 0:
        return
    prev = _trailing_slot(cm, keys[position - 1])
    if prev is None:
        return
    slot, index = prev
    head = _split_comment(slot[index])[0]
    if isinstance(slot[index], CommentToken):
        slot[index].value = (head or "\n") + tail
    elif tail:
        slot[index] = CommentToken("\n" + tail, CommentMark(0), None)


def _update_map(cm: CommentedMap, new: Mapping[str, Any]) -> None:
    for key in [k for k in cm if k not in new]:
        _delete_key(cm, key)
    previous: str | None = None
    for key, value in new.items():
        if key in cm:
            updated = _updated(cm[key], value)
            if updated is not cm[key]:
                cm[key] = updated
        else:
            position = list(cm.keys()).index(previous) + 1 if previous is not None else 0
            cm.insert(position, SingleQuotedScalarString(key) if needs_quotes(key) else key, to_node(value))
            if previous is not None:
                _move_tail(cm, previous, cm, key)
        previous = key


def _update_seq(seq: CommentedSeq, new: list[Any] | tuple[Any, ...]) -> None:
    while len(seq) > len(new):
        del seq[len(seq) - 1]
    old_last = len(seq) - 1
    for i, value in enumerate(new):
        if i < len(seq):
            updated = _updated(seq[i], value)
            if updated is not seq[i]:
                seq[i] = updated
        else:
            seq.append(to_node(value))
    if 0 <= old_last < len(seq) - 1:
        _move_tail(seq, old_last, seq, len(seq) - 1)


def update_document(doc: CommentedMap, new_data: Mapping[str, Any]) -> None:
    """Make ``doc`` equal ``new_data`` in place, touching only what changed.

    Untouched values keep their comments, quoting and position; a changed quoted string keeps its
    quote style; new keys go after their predecessor in ``new_data`` (first when it has none);
    removed keys disappear with their own comments; existing keys keep the file's order.
    """
    _update_map(doc, new_data)
