"""Property tests: the writer's output reads back identically everywhere and dumps byte for byte."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from kototieto.store.bulkload import fast_load
from kototieto.store.yamlio import dump_document, load_document, new_document_text, update_document

TRAPS = [
    "no", "No", "NO", "on", "On", "off", "OFF", "yes", "Yes", "y", "n", "Y", "N", "true", "False",
    "TRUE", "~", "null", "Null", "NULL", "", " ", "1:20", "-1:20:30", "010", "0o10", "0x1F", "0b101",
    "1_000", "1e3", ".inf", "-.Inf", ".nan", ".NaN", "=", "<<", "2026-11-28", "2026-02-30",
    "2026-11-28 10:00:00", "2026-11-28T10:00:00Z", "12.5", "+1", "-0", "09", "0.", ".5", "- a",
    "a: b", "a #b", "#x", "@x", "`x", "!x", "&x", "*x", "%x", "|", ">", "'", '"', "{x}", "[x]", "? x",
    "x\ny", "x\n", "\nx", " x", "x ", "x\ty", "tab\t", "ääkköset Åbo", "emoji \U0001f600", "-", "--- x",
]  # fmt: skip

KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
DATES = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
SCALARS = (
    TEXT
    | st.sampled_from(TRAPS)
    | DATES
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False)
    | st.booleans()
    | st.none()
)
# Records hold lists of scalars or of non-empty objects, never lists directly in lists nor empty
# objects in lists. ruamel mishandles comments next to those: it drops a comment after an empty
# ``[]`` that ends a list nested in a list, and garbles a list whose first item is ``{}`` after a
# comment line (dump_document's check then writes the file again without comments).
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(
            inner.filter(lambda v: not isinstance(v, list) and v != {}),
            max_size=4,
        )
        | st.dictionaries(KEYS, inner, max_size=5)
    ),
    max_leaves=25,
)
RECORDS = st.dictionaries(KEYS, VALUES, min_size=1, max_size=8)
SCHEMA = "../schema/record.schema.json"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_json(data: Any) -> str:
    """Exact comparison: key order, and types (true is not 1, 1 is not 1.0)."""

    def default(value: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()  # stock readers construct dates; compare their text
        raise TypeError(type(value))

    return json.dumps(data, default=default, ensure_ascii=False)


@pytest.mark.slow
@SETTINGS
@given(RECORDS)
def test_writer_output_round_trips_byte_for_byte(data: dict[str, Any]) -> None:
    text = new_document_text(data, SCHEMA, "a record\nwritten by a test")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA}\n# a record\n")
    loaded = load_document(text.encode("utf-8"), "r.yaml")
    assert as_json(loaded.data) == as_json(data)
    assert dump_document(loaded.doc) == text


@pytest.mark.slow
@SETTINGS
@given(RECORDS)
def test_every_reader_reads_the_writer_output_alike(data: dict[str, Any]) -> None:
    """Bulk loader, ruamel round-trip, stock PyYAML (YAML 1.1) and stock ruamel safe (1.2)."""
    raw = new_document_text(data, None).encode("utf-8")
    expected = as_json(data)
    assert as_json(fast_load(raw, "r.yaml")) == expected
    assert as_json(load_document(raw, "r.yaml").data) == expected
    assert as_json(yaml.load(raw, Loader=yaml.CSafeLoader)) == expected
    assert as_json(YAML(typ="safe", pure=True).load(raw)) == expected


_BLOCK_HEADER = re.compile(r"(^|:| -) [|>][-+0-9]*$")


def insertion_points(lines: list[str]) -> tuple[list[int], list[int]]:
    """Where a full-line comment may go (before line i) and which lines may take an end comment.

    Never inside a literal block (that would change the data) or at the very top as a blank line.
    """
    inside: set[int] = set()
    after: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\n")
        if _BLOCK_HEADER.search(line):
            indent = len(line) - len(line.lstrip(" "))
            j = i + 1
            while j < len(lines) and (
                not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(" ")) > indent
            ):
                inside.add(j)
                j += 1
            inside.add(i)  # no end comment on a block header either
            after.add(j)  # a comment right after the block would extend a "|+" block
            i = j
        else:
            i += 1
    before = [i for i in range(len(lines) + 1) if i not in inside and i not in after]
    eol = [i for i in range(len(lines)) if i not in inside and not lines[i].lstrip().startswith(("#", "..."))]
    return before, eol


@st.composite
def commented_documents(draw: st.DrawFn) -> tuple[dict[str, Any], str, list[str]]:
    data = draw(RECORDS)
    lines = new_document_text(data, SCHEMA).splitlines(keepends=True)
    before, eol = insertion_points(lines)
    extra: dict[int, list[str]] = {}
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.sampled_from(before))
        indent = " " * draw(st.integers(0, 8))
        body = draw(st.sampled_from(["# note", "#", "# a: b - c", "# ääkköset", ""]))
        if at == 0 and not body:
            continue
        extra.setdefault(at, []).append(f"{indent}{body}\n" if body else "\n")
    ends: dict[int, str] = {}
    for _ in range(draw(st.integers(0, 4)) if eol else 0):
        at = draw(st.sampled_from(eol))
        ends[at] = " " * draw(st.integers(1, 3)) + draw(st.sampled_from(["# end", "#x", "# ö: 1"]))
    out: list[str] = []
    for i, line in enumerate(lines):
        out.extend(extra.get(i, []))
        out.append(line.rstrip("\n") + ends[i] + "\n" if i in ends else line)
    out.extend(extra.get(len(lines), []))
    comments = [c.strip() for cs in extra.values() for c in cs if c.strip()] + [
        e.strip() for e in ends.values()
    ]
    return data, "".join(out), comments


@SETTINGS
@given(commented_documents())
def test_comments_anywhere_survive_an_unchanged_dump(case: tuple[dict[str, Any], str, list[str]]) -> None:
    data, text, _comments = case
    loaded = load_document(text.encode("utf-8"), "r.yaml")
    assert as_json(loaded.data) == as_json(data)
    assert as_json(fast_load(text.encode("utf-8"), "r.yaml")) == as_json(data)
    assert dump_document(loaded.doc) == text


def leaf_paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Paths of single-line scalar leaves (the ones one edit changes on one line)."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in leaf_paths(v, (*prefix, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in leaf_paths(v, (*prefix, i))]
    if isinstance(value, str) and "\n" in value:
        return []
    return [prefix]


def set_path(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@SETTINGS
@given(commented_documents(), st.data())
def test_one_edit_changes_one_line_and_keeps_every_comment(
    case: tuple[dict[str, Any], str, list[str]], draw: st.DataObject
) -> None:
    data, text, comments = case
    paths = leaf_paths(data)
    if not paths:
        return
    path = draw.draw(st.sampled_from(paths))
    new_value = draw.draw(st.sampled_from(["changed", "no", "2027-01-31", 42, True, None, "1:20"]))
    loaded = load_document(text.encode("utf-8"), "r.yaml")
    line_no = loaded.locate(path)
    assert line_no is not None
    new_data = json.loads(json.dumps(loaded.data))
    set_path(new_data, path, new_value)
    update_document(loaded.doc, new_data)
    out = dump_document(loaded.doc)
    before, after = text.splitlines(), out.splitlines()
    assert len(before) == len(after)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert set(changed) <= {line_no[0]}
    for comment in comments:
        assert comment in out
    reread = load_document(out.encode("utf-8"), "r.yaml")
    assert as_json(reread.data) == as_json(new_data)
    assert as_json(fast_load(out.encode("utf-8"), "r.yaml")) == as_json(new_data)
