"""Round-trip YAML I/O for record files (ruamel.yaml, YAML 1.2, strict).

Invariants:

* ``dump_document(load_document(t).doc) == t`` byte for byte for every text the writer
  (:func:`new_document_text`, :func:`update_document`) produces, and for hand-edited files in the
  writer's style, with comments anywhere. Not byte-identical (ruamel normalises them): other
  indentation than 2 (mappings) / 4 with the dash at 2 (sequences), extra spaces after ``:``, or
  before a comment on a key-only line, trailing spaces, CRLF line ends, a missing final newline,
  a ``---`` or ``...`` marker, multi-line plain scalars, unusual escapes in double quotes, and flow
  collections written with other spacing. The data never changes, only the layout.
* ``load_document(t).data`` is plain JSON-like data (str, int, float, bool, None, list, dict with
  text keys); dates and other timestamps stay the exact text of the file; it equals
  :func:`kototieto.store.bulkload.fast_load` of the same bytes.
* The writer quotes every string that YAML 1.1 (PyYAML, yamllint, many CI tools) or YAML 1.2
  (ruamel) would read as anything but that string (``no``, ``on``, ``010``, ``1:20``, ``0x1F``,
  ``1_000``, ``.inf``, ``~``, ``=``...), writes a valid ``YYYY-MM-DD`` string as a plain date
  (every reader sees a date), and multi-line strings as literal blocks.

Strictness (see :mod:`kototieto.store.strict_yaml`) is enforced inside ruamel's composer, before
anything is constructed: no alias is ever followed, no tag ever constructs anything, nesting stops
at ``max_depth`` before the recursive composer goes deeper.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter

from kototieto.errors import InvalidInputError
from kototieto.store import strict_yaml as sy
from kototieto.store import yamledit
from kototieto.store.yamlnodes import RawFloat, RawNull, RawTimestamp, to_node, to_plain

__all__ = [
    "LoadedDocument",
    "RawFloat",
    "RawNull",
    "RawTimestamp",
    "dump_document",
    "load_document",
    "new_document_text",
    "to_plain",
    "update_document",
]

SCHEMA_COMMENT_PREFIX: Final = "yaml-language-server: $schema="
PathKey = str | int


class _StrictComposer(Composer):
    """ruamel's composer with the record rules checked on each event before recursing."""

    def compose_document(self) -> Any:
        event = self.parser.peek_event()
        sy.check_document_event(event, self.loader.koto_filename)
        return super().compose_document()

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        sy.check_document_event(event, self.loader.koto_filename)
        collection = type(event).__name__ in ("MappingStartEvent", "SequenceStartEvent")
        if collection and self.depth >= self.loader.koto_max_depth:
            raise sy.fail(
                self.loader.koto_filename,
                f"the data is nested too deeply (more than {self.loader.koto_max_depth} levels)",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        return super().compose_node(parent, index)


class _StrictConstructor(RoundTripConstructor):
    """Round-trip constructor that checks keys first and keeps timestamps as their text."""

    def construct_document(self, node: Any) -> Any:
        sy.check_nodes(node, self.loader.koto_filename)
        return super().construct_document(node)

    def construct_raw_timestamp(self, node: Any) -> RawTimestamp:
        return RawTimestamp(node.value)

    def construct_raw_null(self, node: Any) -> RawNull:
        return RawNull(node.value)

    def construct_raw_float(self, node: Any) -> RawFloat:
        return RawFloat(sy.float_value(node.value), node.value)


_StrictConstructor.add_constructor(sy.TIMESTAMP_TAG, _StrictConstructor.construct_raw_timestamp)
_StrictConstructor.add_constructor(sy.FLOAT_TAG, _StrictConstructor.construct_raw_float)
_StrictConstructor.add_constructor(sy.NULL_TAG, _StrictConstructor.construct_raw_null)


class _Representer(RoundTripRepresenter):
    def represent_raw_timestamp(self, data: RawTimestamp) -> Any:
        return self.represent_scalar(sy.TIMESTAMP_TAG, str(data))

    def represent_plain_float(self, data: float) -> Any:
        text = repr(data)
        if data == data and data not in (float("inf"), float("-inf")) and "e" in text:
            mantissa, exponent = text.split("e")
            if "." not in mantissa:
                text = f"{mantissa}.0e{exponent}"  # YAML 1.1 needs the dot
            return self.represent_scalar("tag:yaml.org,2002:float", text)
        return super().represent_float(data)

    def represent_raw_float(self, data: RawFloat) -> Any:
        return self.represent_scalar(sy.FLOAT_TAG, data.text)

    def represent_raw_null(self, data: RawNull) -> Any:
        return self.represent_scalar(sy.NULL_TAG, data.text)

    def represent_null(self, data: None) -> Any:
        return self.represent_scalar(sy.NULL_TAG, "null")


_Representer.add_representer(RawTimestamp, _Representer.represent_raw_timestamp)
_Representer.add_representer(RawNull, _Representer.represent_raw_null)
_Representer.add_representer(type(None), _Representer.represent_null)
_Representer.add_representer(RawFloat, _Representer.represent_raw_float)
_Representer.add_representer(float, _Representer.represent_plain_float)


def _yaml(filename: str = "<string>", max_depth: int = sy.MAX_DEPTH) -> YAML:
    """A configured ruamel instance: pure-Python round-trip parser, writer style settings."""
    y = YAML(typ="rt", pure=True)
    y.Composer = _StrictComposer
    y.Constructor = _StrictConstructor
    y.Representer = _Representer
    y.preserve_quotes = True
    y.width = sys.maxsize
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    y.allow_duplicate_keys = False
    y.koto_filename = filename  # type: ignore[attr-defined]
    y.koto_max_depth = max_depth  # type: ignore[attr-defined]
    return y


@dataclass
class LoadedDocument:
    """One record file read for round-trip editing.

    ``doc`` is the ruamel tree (edit it with :func:`update_document`, write it with
    :func:`dump_document`); ``data`` is the same content as plain JSON-like data.
    """

    doc: CommentedMap
    data: dict[str, Any]
    text: str
    filename: str

    def locate(self, path: tuple[PathKey, ...]) -> tuple[int, int] | None:
        """1-based (line, column) of a field path, or of its nearest existing ancestor."""
        return locate(self.doc, path)


def locate(doc: Any, path: tuple[PathKey, ...]) -> tuple[int, int] | None:
    """1-based (line, column) of ``path`` in a ruamel tree (nearest existing ancestor)."""
    best: tuple[int, int] | None = None
    lc = getattr(doc, "lc", None)
    if lc is not None and lc.line is not None:
        best = (lc.line + 1, lc.col + 1)
    node = doc
    for key in path:
        if isinstance(node, CommentedMap) and isinstance(key, str) and key in node:
            line, col = node.lc.key(key)
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and -len(node) <= key < len(node):
            line, col = node.lc.item(key % len(node))
        else:
            break
        best = (line + 1, col + 1)
        node = node[key]
    return best


def load_document(
    text: bytes | str, filename: str, *, max_bytes: int = sy.MAX_BYTES, max_depth: int = sy.MAX_DEPTH
) -> LoadedDocument:
    """Read a record file strictly for round-trip editing; refuse anything outside the subset.

    Which files are accepted, and the refusal message, is decided by one loader only: the strict
    fast loader (:func:`kototieto.store.bulkload.fast_load`) reads the text first and its data is
    the data. ruamel then builds the comment-keeping tree; where ruamel cannot read a file that
    the fast loader accepts (its pure-Python scanner refuses a Tab after a value; it raises on some
    comment layouts) or reads it differently, the tree is built from the data without the
    comments. So ``koto validate``, ``koto commit``, ``koto add`` and the hook accept exactly the
    same files, with the same message, and never show a traceback.
    """
    from kototieto.store.bulkload import fast_load

    decoded = sy.decode(text, filename, max_bytes)
    data = fast_load(decoded, filename, max_bytes=max_bytes, max_depth=max_depth)
    doc = _round_trip_tree(decoded, data, filename, max_depth)
    return LoadedDocument(doc=doc, data=data, text=decoded, filename=filename)


_TRAILING_BLANKS: Final = re.compile(r"[ \t]+$", re.MULTILINE)


def _round_trip_tree(decoded: str, data: dict[str, Any], filename: str, max_depth: int) -> CommentedMap:
    """ruamel's tree of a text the fast loader accepted as ``data`` (see ``load_document``)."""
    for candidate in (decoded, _TRAILING_BLANKS.sub("", decoded)):
        try:
            doc = _yaml(filename, max_depth).load(candidate)
        except Exception:  # any ruamel failure: the fast loader already accepted the text
            continue
        if isinstance(doc, CommentedMap) and _same_data(to_plain(doc), data):
            return doc
    node = to_node(data)
    assert isinstance(node, CommentedMap)
    return node


def _same_data(a: Any, b: Any) -> bool:
    try:
        return json.dumps(a, sort_keys=False) == json.dumps(b, sort_keys=False)
    except (TypeError, ValueError):
        return False


def _dump(doc: Any) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def dump_document(doc: Any, *, verify: bool = True) -> str:
    """Write a ruamel tree back as text in the writer's style.

    With ``verify`` (the default, about a millisecond) the text is read back with the bulk loader
    and must give the tree's data. ruamel has rare emitter bugs around comments (seen: a comment
    line before a list whose first item is ``{}`` and that has three or more items); when the
    check fails the document is written again without its comments, so the data is never wrong.
    """
    text = _dump(doc)
    if not verify:
        return text
    from kototieto.store.bulkload import fast_load

    expected = json.dumps(to_plain(doc))
    try:
        if json.dumps(fast_load(text, "<dump>")) == expected:
            return text
    except InvalidInputError:
        pass
    return _dump(to_node(to_plain(doc)))


def new_document_text(
    data: Mapping[str, Any], schema_url: str | None, header_comment: str | None = None
) -> str:
    """The text of a new record file: schema comment line, optional header comment, block YAML."""
    cm = to_node(data)
    lines: list[str] = []
    if schema_url:
        lines.append(SCHEMA_COMMENT_PREFIX + schema_url)
    if header_comment:
        lines.extend(header_comment.splitlines())
    if lines:
        cm.yaml_set_start_comment("\n".join(lines))
    return dump_document(cm)


def update_document(doc: CommentedMap, new_data: Mapping[str, Any]) -> None:
    """Make ``doc`` equal ``new_data`` in place, touching only what changed.

    Untouched values keep their comments, quoting and position; a changed quoted string keeps its
    quote style; new keys go after their predecessor in ``new_data`` (first when it has none);
    removed keys disappear with their own comments; existing keys keep the file's order.
    (Implemented in :mod:`kototieto.store.yamledit`.)
    """
    yamledit.update_document(doc, new_data)
