"""Fast, strict, read-only loading of record files for bulk work (validate all, reports).

libyaml (PyYAML's C parser and composer) builds the node tree; a small converter written for this
subset turns it into data. Scalars are resolved with ruamel's YAML 1.2 table and converted as
ruamel's round-trip constructor does, timestamps stay text, so ``fast_load(b) ==
load_document(b).data`` for every file both accept (tests check it on generated records and on
the 1.1/1.2 traps). The strictness is the same as the round-trip path: size, NUL, UTF-8, one
document, a mapping, text keys without duplicates, no merge keys, no ``=`` values; anchors,
aliases, tags, directives and deep nesting are refused by an exact event scan that runs only when
a cheap look at the text says one of them may be present (see :mod:`strict_yaml`).

Which C loader runs is in :data:`LOADER`: "pyyaml-libyaml", or "ruamel-libyaml" (ruamel.yaml.clib's
copy of the same C code) when PyYAML was built without libyaml or ``KOTOTIETO_BULK_LOADER=ruamel``
is set (the tests run both); there is no pure-Python fallback, which would be 10x slower.
"""

from __future__ import annotations

import os
from typing import Any, Final

import yaml
from ruamel.yaml import resolver as rresolver

from kototieto.errors import InvalidInputError
from kototieto.store import strict_yaml as sy

__all__ = ["LOADER", "fast_load"]


def _table() -> dict[str, list[tuple[str, Any]]]:
    table: dict[str, list[tuple[str, Any]]] = {}
    for versions, tag, regexp, firsts in rresolver.implicit_resolvers:
        if (1, 2) in versions:
            for first in firsts:
                table.setdefault(first, []).append((str(tag), _compiled(regexp)))
    return table


def _compiled(regexp: Any) -> Any:
    """ruamel wraps its patterns in a lazy proxy (an attribute lookup per match); unwrap it."""
    lazy = getattr(regexp, "lazy_self", None)
    return lazy() if callable(lazy) else regexp


_RESOLVERS: Final = _table()
# Plain scalars repeat a lot (every key, codes, dates): remember what each one resolved to.
_RESOLVED: dict[str, str] = {}
_RESOLVED_MAX: Final = 100_000

_CParser: Any
if getattr(yaml, "__with_libyaml__", False) and os.environ.get("KOTOTIETO_BULK_LOADER") != "ruamel":
    import yaml.cyaml

    _CParser = yaml.cyaml.CParser  # type: ignore[attr-defined]
    _nodes: Any = yaml.nodes
    _YAMLError: Any = yaml.YAMLError
    LOADER: str = "pyyaml-libyaml"
else:  # PyYAML without libyaml (or KOTOTIETO_BULK_LOADER=ruamel): ruamel's copy of the same C code
    import ruamel.yaml.cyaml
    import ruamel.yaml.error
    import ruamel.yaml.nodes

    _CParser = ruamel.yaml.cyaml.CParser  # type: ignore[attr-defined]
    _nodes = ruamel.yaml.nodes
    _YAMLError = ruamel.yaml.error.YAMLError
    LOADER = "ruamel-libyaml"

_SCALAR: Final = _nodes.ScalarNode
_SEQUENCE: Final = _nodes.SequenceNode
_MAPPING: Final = _nodes.MappingNode
_STR: Final = sy.STR_TAG


class _Loader(_CParser):  # type: ignore[misc]
    """libyaml's parser and composer with ruamel's YAML 1.2 implicit resolvers."""

    def descend_resolver(self, parent: Any, index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is _SCALAR:
            if implicit[0]:
                tag = _RESOLVED.get(value)
                if tag is None:
                    tag = sy.STR_TAG
                    for candidate, regexp in _RESOLVERS.get(value[:1], ()):
                        if regexp.match(value):
                            tag = candidate
                            break
                    if len(_RESOLVED) >= _RESOLVED_MAX:
                        _RESOLVED.clear()
                    _RESOLVED[value] = tag
                return tag
            return sy.STR_TAG
        if kind is _SEQUENCE:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


def fast_load(
    text: bytes | str, filename: str, *, max_bytes: int = sy.MAX_BYTES, max_depth: int = sy.MAX_DEPTH
) -> dict[str, Any]:
    """Parse one record file into plain data (same rules and result as ``load_document``)."""
    decoded = sy.decode(text, filename, max_bytes)
    sy.refuse_directives(decoded, filename)
    if sy.needs_event_scan(decoded, max_depth):
        sy.scan_events(decoded, filename, max_depth, _CParser)
    loader = _Loader(decoded)
    try:
        node = loader.get_single_node()
    except _YAMLError as exc:
        raise sy.yaml_error(filename, exc, decoded) from None
    finally:
        loader.dispose()
    if not isinstance(node, _MAPPING):
        kind = "empty" if node is None else ("a list" if isinstance(node, _SEQUENCE) else "a single value")
        raise sy.fail(filename, f"a record file must hold one mapping of fields (this one is {kind})", 1, 1)
    if getattr(node, "flow_style", False):
        line, column = _where(node)
        raise sy.fail(filename, JSON_RECORD, line, column)
    data = _mapping(node, filename)
    return data


#: A record file holding JSON (``{"kind": ...}``) is refused: records are YAML, one field a line.
JSON_RECORD = "the record is written as JSON; records are YAML files with one 'key: value' per line"


def _where(node: Any) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _mapping(node: Any, filename: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for knode, vnode in node.value:
        if type(knode) is not _SCALAR or knode.tag != _STR:
            _bad_key(knode, filename)
        key = knode.value
        if key in out:
            raise sy.fail(filename, f"duplicate key {key!r}", *_where(knode))
        # the common case inline: a text value
        out[key] = vnode.value if type(vnode) is _SCALAR and vnode.tag == _STR else _value(vnode, filename)
    return out


def _bad_key(knode: Any, filename: str) -> None:
    if type(knode) is not _SCALAR:
        raise sy.fail(filename, "a key must be a plain name, not a list or a mapping", *_where(knode))
    if knode.tag == sy.MERGE_TAG:
        raise sy.fail(filename, "merge keys (<<) are not allowed in records", *_where(knode))
    raise sy.fail(filename, f"the key {knode.value!r} must be text (quote it)", *_where(knode))


def _value(node: Any, filename: str) -> Any:
    kind = type(node)
    if kind is _SCALAR:
        tag = node.tag
        if tag == sy.STR_TAG or tag == sy.TIMESTAMP_TAG:
            return node.value
        try:
            if tag == sy.INT_TAG:
                return sy.int_value(node.value)
            if tag == sy.BOOL_TAG:
                return node.value in ("true", "True", "TRUE")
            if tag == sy.NULL_TAG:
                return None
            if tag == sy.FLOAT_TAG:
                return sy.float_value(node.value)
        except (ValueError, IndexError, OverflowError):
            raise sy.fail(
                filename, f"not valid YAML: cannot read {node.value!r} as a number", *_where(node)
            ) from None
        raise sy.fail(filename, f"the value {node.value!r} is not allowed here (quote it)", *_where(node))
    if kind is _MAPPING:
        return _mapping(node, filename)
    return [_value(item, filename) for item in node.value]


def load_bytes_checked(text: bytes, filename: str) -> dict[str, Any] | InvalidInputError:
    """``fast_load`` that returns the error instead of raising (for worker processes)."""
    try:
        return fast_load(text, filename)
    except InvalidInputError as exc:
        return exc


def locate_paths(text: str, paths: list[tuple[str | int, ...]]) -> list[tuple[int, int] | None]:
    """1-based (line, column) of each field path (nearest existing ancestor), via libyaml's nodes.

    Used only for files that have problems, so bulk runs never pay for positions of clean files.
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except _YAMLError:
        return [None for _ in paths]
    finally:
        loader.dispose()
    out: list[tuple[int, int] | None] = []
    for path in paths:
        node = root
        best: tuple[int, int] | None = _where(root) if root is not None else None
        for key in path:
            nxt = None
            if isinstance(node, _MAPPING) and isinstance(key, str):
                for knode, vnode in node.value:
                    if isinstance(knode, _SCALAR) and knode.value == key:
                        best, nxt = _where(knode), vnode
                        break
            elif isinstance(node, _SEQUENCE) and isinstance(key, int) and 0 <= key < len(node.value):
                nxt = node.value[key]
                best = _where(nxt)
            if nxt is None:
                break
            node = nxt
        out.append(best)
    return out
