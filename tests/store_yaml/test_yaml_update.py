"""update_document: what an edit keeps (comments, order, quoting) and what it drops."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from kototieto.store.bulkload import fast_load
from kototieto.store.yamlio import dump_document, load_document, update_document

FILE = """\
# yaml-language-server: $schema=../../../schema/record.schema.json
kind: integration-plan  # the kind
# above id
id: pln-1
customer: "c-1"
answer: 'x'
period:
  start: 2026-01-01  # start
  end: 2026-12-31
# above measures
measures:
  - service_kind: language-training  # first
    description: |
      Two
      lines
  # between
  - service_kind: other
# above last
last: z
# at the end
"""


def edit(change: Any) -> tuple[str, dict[str, Any]]:
    loaded = load_document(FILE.encode(), "r.yaml")
    data = copy.deepcopy(loaded.data)
    change(data)
    update_document(loaded.doc, data)
    text = dump_document(loaded.doc)
    assert load_document(text.encode(), "r.yaml").data == data
    assert fast_load(text.encode(), "r.yaml") == data
    return text, data


def test_no_change_changes_nothing() -> None:
    assert edit(lambda d: None)[0] == FILE


def test_a_changed_value_keeps_its_line_comment_and_quote_style() -> None:
    def change(d: dict[str, Any]) -> None:
        d["period"]["start"] = "2026-02-01"
        d["customer"] = "c-2"
        d["answer"] = "no"
        d["measures"][0]["service_kind"] = "guidance"

    text, _ = edit(change)
    assert "  start: 2026-02-01  # start\n" in text
    assert 'customer: "c-2"\n' in text and "answer: 'no'\n" in text
    assert re.search(r"^  - service_kind: guidance +# first$", text, re.M)  # the comment keeps its column
    assert text.count("\n") == FILE.count("\n")


def test_a_removed_key_takes_its_own_comments_and_leaves_the_next_ones() -> None:
    text, _ = edit(lambda d: d.pop("id"))
    assert "# above id" not in text and "id: pln-1" not in text
    assert "kind: integration-plan  # the kind\ncustomer:" in text

    text, _ = edit(lambda d: d.pop("period"))
    assert "period" not in text and "# start" not in text
    assert "answer: 'x'\n# above measures\nmeasures:" in text

    text, _ = edit(lambda d: d.pop("measures"))
    assert "# between" not in text and "# first" not in text and "# above measures" not in text
    assert "  end: 2026-12-31\n# above last\nlast: z\n" in text


def test_new_keys_go_after_their_neighbour_in_the_new_data() -> None:
    def change(d: dict[str, Any]) -> None:
        items = list(d.items())
        items.insert(3, ("date", "2026-11-28"))
        items.insert(0, ("schema_version", 1))
        d.clear()
        d.update(items)
        d["note"] = "on"

    text, _ = edit(change)
    lines = text.splitlines()
    assert lines[1] == "schema_version: 1"
    assert lines.index("date: 2026-11-28") == lines.index('customer: "c-1"') + 1
    assert lines[-2:] == ["note: 'on'", "# at the end"]  # the file's closing comment stays last


def test_lists_grow_and_shrink_at_the_end() -> None:
    text, _ = edit(lambda d: d["measures"].append({"service_kind": "x", "hours": 10}))
    assert text.endswith("  - service_kind: x\n    hours: 10\n# above last\nlast: z\n# at the end\n")
    text, _ = edit(lambda d: d["measures"].pop())
    assert "service_kind: other" not in text and "# first" in text


@pytest.mark.parametrize(
    "value", ["yes", "010", "1:20", "", "~", "a: b", "multi\nline\n", 3, 2.5, True, None]
)
def test_any_new_value_reads_back_the_same(value: Any) -> None:
    edit(lambda d: d.update(last=value))
