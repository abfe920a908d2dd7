"""The strict YAML subset record files are written in, and the cheap checks both loaders share.

A record file is one block-style mapping of plain data. Refused, with file, line and column:
duplicate keys, anchors and aliases (so no "billion laughs"), merge keys (``<<``), explicit tags
(``!!python/...`` and friends: nothing is ever constructed from a tag), ``%YAML``/``%TAG`` directives
(a ``%YAML 1.1`` line would change how ``no`` reads), several documents, a non-mapping document,
non-text keys, invalid UTF-8, NUL bytes, files over ``max_bytes`` and nesting deeper than
``max_depth``.

Scalars are read with YAML 1.2 rules by both loaders (the round-trip loader is ruamel's YAML 1.2;
the bulk loader is libyaml with ruamel's 1.2 resolver table), and timestamps are never converted:
a date stays the exact text of the file (``2026-11-28``), so both paths give identical data.

Depth is checked before any recursive code runs: :func:`depth_bound` is a cheap upper bound on
the nesting of a text (flow brackets plus twice the widest block-indentation prefix); only when it
exceeds the limit does :func:`scan_events` walk libyaml's event stream (a state machine, no
recursion) to measure the exact depth and refuse what is too deep.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

import yaml
from ruamel.yaml.error import YAMLError as RuamelYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kototieto.errors import InvalidInputError, Location
from kototieto.store.markers import MESSAGE, marker_line

MAX_BYTES: Final = 1024 * 1024
MAX_DEPTH: Final = 32

STR_TAG: Final = "tag:yaml.org,2002:str"
INT_TAG: Final = "tag:yaml.org,2002:int"
FLOAT_TAG: Final = "tag:yaml.org,2002:float"
BOOL_TAG: Final = "tag:yaml.org,2002:bool"
NULL_TAG: Final = "tag:yaml.org,2002:null"
TIMESTAMP_TAG: Final = "tag:yaml.org,2002:timestamp"
MERGE_TAG: Final = "tag:yaml.org,2002:merge"
VALUE_TAG: Final = "tag:yaml.org,2002:value"

# The widest run of indentation and block indicators ("  - - ? ") at the start of a line.
_PREFIX_RE: Final = re.compile(r"^[ ?-]*", re.MULTILINE)
_DIRECTIVE_RE: Final = re.compile(r"^%", re.MULTILINE)


def fail(
    filename: str, message: str, line: int | None = None, column: int | None = None
) -> InvalidInputError:
    """An :class:`InvalidInputError` at a 1-based position (to ``raise``); the English ``message``
    is raised in fi, sv and en (``yaml_messages``)."""
    from kototieto.store.yaml_messages import text_of

    return InvalidInputError(text_of(message), location=Location(filename, line, column))


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def decode(raw: bytes | str, filename: str, max_bytes: int = MAX_BYTES) -> str:
    """Check size, NUL bytes and UTF-8; return the text (a leading BOM is dropped)."""
    if isinstance(raw, str):
        size = len(raw.encode("utf-8", "surrogatepass"))
        text = raw
        if size > max_bytes:
            raise fail(filename, f"the file is too large ({size} bytes; the limit is {max_bytes})")
    else:
        if len(raw) > max_bytes:
            raise fail(filename, f"the file is too large ({len(raw)} bytes; the limit is {max_bytes})")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            good = raw[: exc.start].decode("utf-8", "replace")
            line, column = position(good, len(good))
            raise fail(filename, "the file is not valid UTF-8 text", line, column) from None
    nul = text.find("\x00")
    if nul >= 0:
        line, column = position(text, nul)
        raise fail(filename, "the file contains a NUL byte (it is not a text file)", line, column)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line, column = position(text, exc.start)
        raise fail(filename, "the text contains an unpaired surrogate character", line, column) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def refuse_directives(text: str, filename: str) -> None:
    """Refuse a ``%`` directive line before the document (``%YAML 1.3`` included: one message for
    every version, whichever parser would have failed on it first)."""
    for line_no, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("%"):
            raise fail(filename, "directives (%YAML, %TAG) are not allowed in records", line_no, 1)
        if stripped and not stripped.startswith("#"):
            return


def depth_bound(text: str) -> int:
    """A cheap upper bound on the nesting depth of ``text`` (never below the true depth).

    Flow collections add at most one level per ``[``/``{``. A nested block collection starts
    further right than its parent, except a sequence under a mapping key, which may share the
    column; so block depth is at most twice (widest line prefix of spaces and ``-``/``?`` + 1).
    """
    flow = text.count("[") + text.count("{")
    widest = max((len(m) for m in _PREFIX_RE.findall(text)), default=0)
    return flow + 2 * (widest + 1)


@lru_cache(maxsize=64)
def _wide_prefix(width: int) -> re.Pattern[str]:
    return re.compile(f"^[ ?-]{{{max(width, 0)},}}", re.MULTILINE)


def needs_event_scan(text: str, max_depth: int) -> bool:
    """True when a text may hold an anchor, alias, tag, directive or too deep nesting.

    Same test as ``depth_bound(text) > max_depth``, done as one regex search for a line prefix
    wide enough to exceed the limit (no list of every line's prefix)."""
    if "&" in text or "*" in text or "!" in text or _DIRECTIVE_RE.search(text) is not None:
        return True
    flow = text.count("[") + text.count("{")
    # flow + 2 * (widest + 1) > max_depth  <=>  widest >= (max_depth - flow) // 2
    return _wide_prefix((max_depth - flow) // 2).search(text) is not None


def mark_position(exc: BaseException) -> tuple[int | None, int | None]:
    """1-based (line, column) of a PyYAML or ruamel error, when it has one."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None and getattr(mark, "line", None) is not None:
        return int(mark.line) + 1, int(mark.column) + 1
    return None, None


TAB_MESSAGE: Final = "not valid YAML: a Tab character cannot be used here; indent with spaces, not Tab"


def yaml_error(filename: str, exc: BaseException, text: str | None = None) -> InvalidInputError:
    """Turn a parser error of either library into an :class:`InvalidInputError` with a position."""
    if text is not None:
        at = marker_line(text)
        if at is not None:  # not a YAML mistake: Git left its conflict markers in the record
            return fail(filename, MESSAGE.en, at, 1)
    line, column = mark_position(exc)
    problem = getattr(exc, "problem", None)
    context = getattr(exc, "context", None)
    if problem and ("tab character" in problem or "'\\t'" in problem):
        message = TAB_MESSAGE
    elif problem:
        message = f"not valid YAML: {problem}" + (f" ({context})" if context else "")
    else:
        message = f"not valid YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
    if line is None and text is not None:
        offset = getattr(exc, "position", None)
        if isinstance(offset, int):
            line, column = position(text, min(offset, len(text)))
    return fail(filename, message, line, column)


def scan_events(text: str, filename: str, max_depth: int = MAX_DEPTH, parser_class: Any = None) -> None:
    """Walk libyaml's event stream and refuse anchors, aliases, tags, directives and deep nesting.

    libyaml's parser keeps its own state stack, so this never recurses and stops at the first
    offending event (memory stays bounded by the input). ``parser_class``: PyYAML's or ruamel's
    C parser (default PyYAML's); events are told apart by class name, the same in both.
    """
    parser = (parser_class or yaml.CSafeLoader)(text)
    depth = 0
    try:
        while True:
            event = parser.get_event()
            name = type(event).__name__
            if event is None or name == "StreamEndEvent":
                return
            check_document_event(event, filename)
            if name in ("SequenceStartEvent", "MappingStartEvent"):
                depth += 1
                if depth > max_depth:
                    line, column = _event_position(event)
                    raise fail(
                        filename,
                        f"the data is nested too deeply (more than {max_depth} levels)",
                        line,
                        column,
                    )
            elif name in ("SequenceEndEvent", "MappingEndEvent"):
                depth -= 1
    except InvalidInputError:
        raise
    except (yaml.YAMLError, RuamelYAMLError) as exc:
        raise yaml_error(filename, exc, text) from None
    finally:
        parser.dispose()


def _event_position(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def check_document_event(event: Any, filename: str) -> None:
    """The event rules, for PyYAML's and ruamel's events alike (by class name)."""
    line, column = event.start_mark.line + 1, event.start_mark.column + 1
    name = type(event).__name__
    if name == "AliasEvent":
        raise fail(filename, f"aliases (*{event.anchor}) are not allowed in records", line, column)
    if name == "DocumentStartEvent" and (getattr(event, "version", None) or getattr(event, "tags", None)):
        raise fail(filename, "directives (%YAML, %TAG) are not allowed in records", line, column)
    if getattr(event, "anchor", None) is not None:
        raise fail(filename, f"anchors (&{event.anchor}) are not allowed in records", line, column)
    if name in ("ScalarEvent", "SequenceStartEvent", "MappingStartEvent") and event.tag is not None:
        raise fail(filename, f"tags ({event.tag}) are not allowed in records", line, column)


def int_value(text: str) -> int:
    """The value of a YAML 1.2 int scalar exactly as ruamel's round-trip constructor reads it."""
    s = text.replace("_", "")
    sign = 1
    if s[:1] in ("+", "-"):
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if s.startswith("0b"):
        return sign * int(s[2:], 2)
    if s.startswith("0x"):
        return sign * int(s[2:], 16)
    if s.startswith("0o"):
        return sign * int(s[2:], 8)
    return sign * int(s, 10)


def float_value(text: str) -> float:
    """The value of a YAML 1.2 float scalar exactly as ruamel's round-trip constructor reads it."""
    s = text.replace("_", "").lower()
    sign = -1 if s[:1] == "-" else 1
    if s[:1] in ("+", "-"):
        s = s[1:]
    if s == ".inf":
        return sign * float("inf")
    if s == ".nan":
        return float("nan")
    return sign * float(s)


def check_nodes(root: Node, filename: str) -> None:
    """Refuse merge keys, ``=`` values, non-text or duplicate keys, anywhere under ``root``."""
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if node.tag in (MERGE_TAG, VALUE_TAG):
                _node_fail(filename, node, f"the value {node.value!r} is not allowed here (quote it)")
            if node.tag in (INT_TAG, FLOAT_TAG):
                try:
                    (int_value if node.tag == INT_TAG else float_value)(node.value)
                except (ValueError, IndexError, OverflowError):
                    _node_fail(filename, node, f"not valid YAML: cannot read {node.value!r} as a number")
        elif isinstance(node, MappingNode):
            seen: dict[str, Node] = {}
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    _node_fail(filename, key, "a key must be a plain name, not a list or a mapping")
                if key.tag == MERGE_TAG:
                    _node_fail(filename, key, "merge keys (<<) are not allowed in records")
                if key.tag != STR_TAG:
                    _node_fail(filename, key, f"the key {key.value!r} must be text (quote it)")
                if key.value in seen:
                    first = seen[key.value].start_mark.line + 1
                    _node_fail(filename, key, f"duplicate key {key.value!r} (first on line {first})")
                seen[key.value] = key
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _node_fail(filename: str, node: Node, message: str) -> None:
    raise fail(filename, message, node.start_mark.line + 1, node.start_mark.column + 1)
