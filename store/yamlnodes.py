"""Record values between plain data and ruamel's round-trip nodes, in the writer's style.

``to_plain`` turns a loaded tree into plain JSON-like data; ``to_node`` turns plain data into
nodes styled by the writer's rules (quoting guard, plain dates, literal blocks); the ``Raw*``
scalars keep a file's exact text for dates, floats and nulls. Shared by :mod:`yamlio` (loading and
dumping) and :mod:`yamledit` (editing a tree in place), which both build on this module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from kototieto.store.guard import needs_quotes

_ISO_DATE: Final = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# Characters written only as escapes inside double quotes: controls (but tab and newline), DEL and
# C1 controls (NEL is a line break in YAML), the Unicode line/paragraph separators, BOM, non-chars.
_UNSAFE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


class RawTimestamp(str):
    """A date or timestamp scalar kept as the exact text of the file, written back plain."""

    __slots__ = ()


class RawFloat(float):
    """A float scalar that remembers its text, so an unchanged file is written back unchanged."""

    text: str

    def __new__(cls, value: float, text: str) -> RawFloat:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


class RawNull:
    """A null scalar as written (``null``, ``~`` or nothing); ``to_plain`` turns it into None."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __bool__(self) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, RawNull)

    def __hash__(self) -> int:
        return hash(None)

    def __repr__(self) -> str:
        return f"RawNull({self.text!r})"


def to_plain(value: Any) -> Any:
    """ruamel's round-trip objects as plain JSON-like data (exact types, timestamps as text)."""
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, bool | ScalarBoolean):
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if value is None or isinstance(value, RawNull):
        return None
    raise TypeError(f"unexpected YAML value of type {type(value).__name__}")


def to_node(value: Any) -> Any:
    """Plain data as ruamel objects styled by the writer's rules (quoting guard, dates, blocks)."""
    if isinstance(value, Mapping):
        cm = CommentedMap()
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"record keys must be text, not {k!r}")
            cm[SingleQuotedScalarString(k) if needs_quotes(k) else k] = to_node(v)
        return cm
    if isinstance(value, list | tuple):
        return CommentedSeq(to_node(v) for v in value)
    if isinstance(value, date):
        return RawTimestamp(value.isoformat())
    if isinstance(value, str):
        return _styled_str(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    raise TypeError(f"cannot write a value of type {type(value).__name__} to a record file")


def _styled_str(value: str) -> Any:
    if _UNSAFE.search(value):
        return DoubleQuotedScalarString(value)  # escaped: control characters, odd line breaks
    if "\n" in value:
        if value.startswith((" ", "\n")) or value.endswith("\n\n"):
            return DoubleQuotedScalarString(value)  # a literal block would need |2 or |+ (and ...)
        return LiteralScalarString(value)
    if _ISO_DATE.match(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return SingleQuotedScalarString(value)
        return RawTimestamp(value)
    if needs_quotes(value):
        return SingleQuotedScalarString(value)
    return value
