"""Field-level diff and three-way merge on parsed data (pure functions; property tests)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kototieto.store.fielddiff import catalogue_labeler, diff_data, dotted
from kototieto.store.merge import MISSING, apply_side, merge3

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=4))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from("abcde"), inner, max_size=4)
    ),
    max_leaves=12,
)
records = st.dictionaries(
    st.sampled_from(["id", "kind", "name", "date", "measures", "x"]), values, max_size=5
)


def canonical(x: Any) -> str:
    """Equality as the diff sees it: key order ignored, 1 and True different."""
    return json.dumps(x, sort_keys=True)


def test_diff_labels_nested_paths_and_lists() -> None:
    old = {"measures": [{"description": "a", "status": "planned"}], "date": "2026-01-01"}
    new = {"measures": [{"description": "a", "status": "done"}, {"description": "b"}], "extra": 1}
    changes = diff_data(old, new, lang="en")
    got = [(c.dotted, c.op) for c in changes]
    assert got == [
        ("measures[0].status", "changed"),
        ("measures[1]", "added"),
        ("extra", "added"),
        ("date", "removed"),
    ]
    assert changes[0].label.split(" › ")[1] == "1"
    fi = catalogue_labeler("fi")(("last_name",))
    assert fi == "Sukunimi"


def test_lists_of_objects_with_ids_are_matched_by_id() -> None:
    old = {"m": [{"id": "a", "v": 1}, {"id": "b", "v": 2}]}
    new = {"m": [{"id": "z", "v": 0}, {"id": "a", "v": 1}, {"id": "b", "v": 3}]}
    got = [(dotted(c.path), c.op, c.old, c.new) for c in diff_data(old, new)]
    assert got == [("m[0]", "added", None, {"id": "z", "v": 0}), ("m[2].v", "changed", 2, 3)]


def test_type_changes_are_changes() -> None:
    assert [c.op for c in diff_data({"a": 1}, {"a": True})] == ["changed"]
    assert [c.op for c in diff_data({"a": {"b": 1}}, {"a": "x"})] == ["changed"]


@settings(max_examples=60, deadline=None)
@given(records)
def test_diff_of_identical_data_is_empty(x: dict[str, Any]) -> None:
    assert diff_data(x, copy.deepcopy(x)) == []


@settings(max_examples=60, deadline=None)
@given(records, records)
def test_diff_is_empty_exactly_for_equal_data(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert (diff_data(a, b) == []) == (canonical(a) == canonical(b))


@settings(max_examples=60, deadline=None)
@given(records, records)
def test_merge_with_an_unchanged_side_takes_the_other(base: dict[str, Any], other: dict[str, Any]) -> None:
    assert merge3(base, base, other).data == other and merge3(base, base, other).clean
    assert merge3(base, other, base).data == other and merge3(base, other, base).clean
    assert merge3(base, other, copy.deepcopy(other)).clean


@settings(max_examples=60, deadline=None)
@given(records, records, records)
def test_merge_is_symmetric_up_to_conflicts(b: dict[str, Any], o: dict[str, Any], t: dict[str, Any]) -> None:
    ours = merge3(b, o, t)
    theirs = merge3(b, t, o)
    assert sorted(map(str, (c.path for c in ours.conflicts))) == sorted(
        map(str, (c.path for c in theirs.conflicts))
    )
    if ours.clean:
        assert ours.data == theirs.data
    # taking each side settles every conflict with that side's value
    assert apply_side(ours.data, ours.conflicts, "ours") == ours.data


def test_disjoint_field_edits_merge_and_same_field_conflicts() -> None:
    base = {"id": "c", "a": 1, "b": {"x": 1, "y": 1}, "m": [{"id": "1", "v": 1}]}
    ours = {"id": "c", "a": 2, "b": {"x": 1, "y": 1}, "m": [{"id": "1", "v": 5}]}
    theirs = {"id": "c", "a": 1, "b": {"x": 9, "y": 1}, "m": [{"id": "1", "v": 1}, {"id": "2", "v": 2}]}
    r = merge3(base, ours, theirs)
    assert r.clean
    assert r.data == {
        "id": "c",
        "a": 2,
        "b": {"x": 9, "y": 1},
        "m": [{"id": "1", "v": 5}, {"id": "2", "v": 2}],
    }
    clash = merge3(base, {**base, "a": 2}, {**base, "a": 3})
    assert [(c.path, c.base, c.ours, c.theirs) for c in clash.conflicts] == [(("a",), 1, 2, 3)]
    assert clash.data["a"] == 2
    assert apply_side(clash.data, clash.conflicts, "theirs")["a"] == 3


def test_removed_on_one_side_and_edited_on_the_other_is_a_conflict() -> None:
    base = {"id": "c", "note": "x"}
    r = merge3(base, {"id": "c"}, {"id": "c", "note": "y"})
    assert [c.path for c in r.conflicts] == [("note",)]
    assert r.conflicts[0].ours is MISSING
    assert "note" not in r.data
    assert apply_side(r.data, r.conflicts, "theirs") == {"id": "c", "note": "y"}
    items = merge3({"m": [{"id": "1", "v": 1}]}, {"m": []}, {"m": [{"id": "1", "v": 2}]})
    assert [c.path for c in items.conflicts] == [("m", 0)]
