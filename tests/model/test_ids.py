"""The one record-id scheme (kototieto.model.ids)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kototieto.model import ids
from kototieto.model.records import RECORD_KINDS
from kototieto.model.types import ID_PATTERN
from kototieto.synthetic.generator import DatasetSpec, customer_records


def test_every_kind_has_a_prefix() -> None:
    assert set(ids.KIND_PREFIX) == set(RECORD_KINDS)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_new_ids_follow_the_scheme_and_the_record_pattern(kind: str) -> None:
    rid = ids.new_record_id(kind, dt.date(2026, 12, 2))
    assert re.match(ID_PATTERN, rid)
    parts = ids.parse_record_id(rid)
    assert parts is not None and kind in parts.kinds
    assert ids.follows_scheme(rid, kind)
    if kind == "customer":
        assert parts.day is None
    else:
        assert parts.day == dt.date(2026, 12, 2)
        assert rid.startswith(ids.KIND_PREFIX[kind] + "-20261202-")


def test_format_is_exact() -> None:
    assert ids.format_record_id("assessment", dt.date(2026, 3, 4), 0x3F9C2A71) == "asm-20260304-3f9c2a71"
    assert ids.format_record_id("customer", None, 5) == "c-00000005"
    with pytest.raises(ValueError):
        ids.format_record_id("review", None, 1)
    with pytest.raises(ValueError):
        ids.format_record_id("review", dt.date(2026, 1, 1), 16**8)


def test_random_parts_differ() -> None:
    assert len({ids.new_record_id("review") for _ in range(200)}) == 200


@pytest.mark.parametrize("old", ["assessment-3f9c2a71d0", "c-1", "asm-20261302-00000000", "pln-x"])
def test_older_ids_are_not_in_the_scheme_but_stay_valid(old: str) -> None:
    assert ids.parse_record_id(old) is None
    assert re.match(ID_PATTERN, old)


def test_generator_ids_follow_the_scheme() -> None:
    records = customer_records(DatasetSpec(seed=3, today=dt.date(2026, 12, 1)), 0)
    for record in records:
        assert ids.follows_scheme(record.id, record.kind), record.id


def test_store_uses_the_scheme() -> None:
    from kototieto.store.store import new_record_id

    assert ids.follows_scheme(new_record_id("integration-plan"), "integration-plan")
