"""The bulk loader and the round-trip loader give identical data: traps, hand-written files, records."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import subprocess
import sys
from typing import Any

import pytest
import yaml

from kototieto.store import bulkload
from kototieto.store.bulkload import fast_load
from kototieto.store.yamlio import dump_document, load_document, new_document_text

# Plain scalars that YAML 1.1 and 1.2 read differently, or that look like something else.
TRAPS = [
    "no", "No", "on", "ON", "off", "yes", "Yes", "y", "n", "True", "true", "FALSE", "null", "Null",
    "~", "", "010", "0o10", "0x1F", "0b101", "1_000", "1:20", "-1:20", "190:20:30", ".inf", "-.inf",
    ".NaN", "1e3", "1.5e-3", "+12", "-0", "09", "0.", ".5", "2026-11-28", "2026-1-5 10:00:00",
    "2026-11-28T10:00:00Z", "2026-02-30", "'yes'", '"0x1F"', "'1_000'", "'.inf'", "'null'", "'~'",
    "'True'", "'2026-11-28'", "hello", "Åbo", "12:30", "1.2.3", "0x", "+.inf",
]  # fmt: skip


def same(a: Any, b: Any) -> bool:
    """Exact equality (types and key order); NaN equals NaN."""

    def norm(v: Any) -> Any:
        if isinstance(v, float) and math.isnan(v):
            return "NaN!"
        if isinstance(v, dict):
            return [(k, norm(x)) for k, x in v.items()]
        if isinstance(v, list):
            return [norm(x) for x in v]
        return (type(v).__name__, v)

    return bool(norm(a) == norm(b))


def test_the_c_loader_runs() -> None:
    expected = "ruamel-libyaml" if os.environ.get("KOTOTIETO_BULK_LOADER") == "ruamel" else "pyyaml-libyaml"
    assert expected == bulkload.LOADER


FALLBACK_PROBE = """
import json, sys
from kototieto.errors import InvalidInputError
from kototieto.store import bulkload
out = {"loader": bulkload.LOADER, "results": []}
for raw in json.loads(sys.stdin.read()):
    try:
        out["results"].append(["ok", bulkload.fast_load(raw.encode(), "f.yaml")])
    except InvalidInputError as exc:
        out["results"].append(["error", str(exc)])
print(json.dumps(out))
"""


def test_the_ruamel_c_fallback_reads_and_refuses_alike() -> None:
    """Without PyYAML's libyaml the bulk loader uses ruamel's C parser: same data, same errors."""
    from kototieto.errors import InvalidInputError

    texts = [f"value: {t}\nlist:\n  - {t}\n" for t in TRAPS if t not in (".NaN",)] + [
        HAND_WRITTEN,
        "a: &x 1\n",
        "a: !!python/object:os.system x\n",
        "a: 1\na: 2\n",
        "a: " + "[" * 5000,
        "- 1\n",
        "a: [1, 2\nb: 3\n",
        "%YAML 1.1\n---\na: no\n",
    ]
    env = {**os.environ, "KOTOTIETO_BULK_LOADER": "ruamel"}
    done = subprocess.run(
        [sys.executable, "-c", FALLBACK_PROBE],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    probe = json.loads(done.stdout)
    assert probe["loader"] == "ruamel-libyaml"
    for text, (status, value) in zip(texts, probe["results"], strict=True):
        try:
            here: list[Any] = ["ok", json.loads(json.dumps(fast_load(text.encode(), "f.yaml")))]
        except InvalidInputError as exc:
            here = ["error", str(exc)]
        assert status == here[0], text
        if status == "ok":
            assert value == here[1], text
        else:  # same file and line; the column and wording of libyaml's own errors may differ
            assert value.split(":")[:2] == here[1].split(":")[:2], (value, here[1])


@pytest.mark.parametrize("trap", TRAPS)
def test_hand_written_traps_read_the_same_on_both_paths(trap: str) -> None:
    raw = f"value: {trap}\nlist:\n  - {trap}\nnested:\n  key: {trap}\n".encode()
    data = load_document(raw, "f.yaml").data
    assert same(fast_load(raw, "f.yaml"), data)
    assert same(data["value"], data["list"][0])


def test_traps_read_as_yaml_1_2_with_dates_as_text() -> None:
    raw = b"a: no\nb: on\nc: 010\nd: 1:20\ne: 2026-11-28\nf: 0o10\ng: 1_000\nh: ~\ni: 0x1F\n"
    expected = {
        "a": "no",
        "b": "on",
        "c": 10,
        "d": "1:20",
        "e": "2026-11-28",
        "f": 8,
        "g": 1000,
        "h": None,
        "i": 31,
    }
    assert fast_load(raw, "f.yaml") == expected
    assert load_document(raw, "f.yaml").data == expected


@pytest.mark.parametrize("trap", TRAPS)
def test_the_writer_makes_every_trap_read_alike_in_yaml_1_1_and_1_2(trap: str) -> None:
    value = trap.strip("'\"")
    data = {"value": value, "list": [value], "date": "2026-11-28"}
    text = new_document_text(data, "schema.json")
    raw = text.encode()
    assert fast_load(raw, "f.yaml") == data
    assert load_document(raw, "f.yaml").data == data
    stock = yaml.load(raw, Loader=yaml.CSafeLoader)  # YAML 1.1, as yamllint or a CI script reads it
    stock_value = stock["value"].isoformat() if isinstance(stock["value"], dt.date) else stock["value"]
    assert stock_value == value and stock["list"] == [stock["value"]]
    assert stock["date"] == dt.date(2026, 11, 28)  # a date, also for YAML 1.1 readers
    assert dump_document(load_document(raw, "f.yaml").doc) == text


def test_dates_are_written_plain_and_others_quoted() -> None:
    text = new_document_text({"a": "2026-11-28", "b": "no", "c": "1:20", "d": "2026-02-30", "e": "x"}, None)
    assert text == "a: 2026-11-28\nb: 'no'\nc: '1:20'\nd: '2026-02-30'\ne: x\n"


HAND_WRITTEN = """\
# yaml-language-server: $schema=../../schema/record.schema.json
# Hand-edited in an editor
kind: integration-plan   # kind
id: "p-1"
customer: 'c-1'
date: 2026-11-28
period: {start: 2026-12-01, end: 2027-11-30}
measures:
- service_kind: language-training
  description: >
    folded text
    on two lines
  hours: 1_000
  share: 0.5
  ok: true
  none: ~
"""


def test_hand_written_file_in_another_style_gives_the_same_data() -> None:
    raw = HAND_WRITTEN.encode()
    data = load_document(raw, "f.yaml").data
    assert fast_load(raw, "f.yaml") == data
    assert data["period"] == {"start": "2026-12-01", "end": "2027-11-30"}
    assert data["measures"][0]["description"] == "folded text on two lines\n"
    assert json.loads(json.dumps(data)) == data


def test_generated_records_read_the_same_on_both_paths() -> None:
    from kototieto.model.records import record_to_data
    from kototieto.synthetic.generator import generate_dataset

    records = generate_dataset(customers=25, seed=7, today=dt.date(2026, 11, 28))
    assert records
    for record in records:
        data = record_to_data(record)
        text = new_document_text(data, "../../schema/record.schema.json")
        raw = text.encode()
        loaded = load_document(raw, f"{record.id}.yaml")
        assert loaded.data == data
        assert fast_load(raw, f"{record.id}.yaml") == data
        assert dump_document(loaded.doc) == text
