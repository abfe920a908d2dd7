"""``koto export``: flat tables per kind and group, typed Parquet, privacy by default."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from tests.exchange import _support as S


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("exp")
    with S.hermetic_env(root):
        yield root


@pytest.fixture(scope="module")
def repo(env: Path) -> Path:
    return S.make_repo(env / "repo", customers=10)


def _stored(repo: Path) -> list[dict]:
    files = S.git(repo, "ls-files", "customers").split()
    return [yaml.safe_load((repo / f).read_text(encoding="utf-8")) for f in files]


def test_parquet_tables_are_typed_and_complete(repo: Path, tmp_path: Path) -> None:
    out = S.koto(repo, "export", "-C", str(repo), "--format", "parquet", "-o", str(tmp_path), "--json")
    assert out.returncode == 0, out.stderr
    stored = _stored(repo)
    plans = [d for d in stored if d["kind"] == "integration-plan" and not d.get("annulment")]
    table = pq.read_table(tmp_path / "integration-plan.parquet")
    assert table.num_rows == len(plans)
    assert str(table.schema.field("date").type) == "date32[day]"
    measures = pq.read_table(tmp_path / "integration-plan.measures.parquet").to_pylist()
    assert len(measures) == sum(len(p.get("measures", [])) for p in plans)
    first = next(p for p in plans if p.get("measures"))
    row = next(r for r in measures if r["record_id"] == first["id"] and r["measures_no"] == 1)
    assert row["measures.service_kind"] == first["measures"][0]["service_kind"]
    assert (
        row["measures.service_kind_label"]
        and row["measures.service_kind_label"] != row["measures.service_kind"]
    )
    start = first["measures"][0].get("start")
    assert row["measures.start"] == (dt.date.fromisoformat(str(start)) if start else None)
    dictionary = pq.read_table(tmp_path / "dictionary.parquet").to_pylist()
    assert {"table": "integration-plan.measures", "column": "measures.start"}.items() <= next(
        d for d in dictionary if d["column"] == "measures.start"
    ).items()


def test_privacy_by_default_and_with_identities(repo: Path, tmp_path: Path) -> None:
    stored = _stored(repo)
    customers = [d for d in stored if d["kind"] == "customer"]
    S.koto(repo, "export", "-C", str(repo), "--format", "jsonl", "-o", str(tmp_path / "p"))
    text = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "p").glob("*.jsonl"))
    for c in customers:
        assert c["last_name"] not in text.split('"')
        assert c["identifier"]["value"] not in text
        assert f'"{c["id"]}"' not in text
    rows = [json.loads(line) for line in (tmp_path / "p" / "customer.jsonl").read_text().splitlines()]
    assert all(r["customer"].startswith("p-") and "last_name" not in r for r in rows)
    plans = [
        json.loads(line) for line in (tmp_path / "p" / "integration-plan.jsonl").read_text().splitlines()
    ]
    assert {p["customer"] for p in plans} <= {r["customer"] for r in rows}  # same pseudonym everywhere
    S.koto(
        repo, "export", "-C", str(repo), "--format", "jsonl", "--with-identities", "-o", str(tmp_path / "i")
    )
    rows = [json.loads(line) for line in (tmp_path / "i" / "customer.jsonl").read_text().splitlines()]
    assert {r["last_name"] for r in rows} == {c["last_name"] for c in customers}


def test_csv_finnish_dialect_and_erased_customer(env: Path, tmp_path: Path) -> None:
    repo = S.make_repo(env / "erase", customers=4)
    victim = next(d for d in _stored(repo) if d["kind"] == "customer")
    out = S.koto(repo, "erase", victim["id"], "--reason", "test", "--yes", "-C", str(repo))
    assert out.returncode == 0, out.stderr
    S.koto(repo, "export", "-C", str(repo), "--with-identities", "-o", str(tmp_path))
    raw = (tmp_path / "customer.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows and victim["id"] not in {r["record_id"] for r in rows}
    assert all(victim["id"] not in p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv"))
    assert all(r["date"].count(".") == 2 for r in rows)  # d.m.yyyy
    shutil.rmtree(tmp_path)


def test_annulled_left_out_unless_asked_and_formula_text_stays_text(env: Path, tmp_path: Path) -> None:
    import zipfile

    from openpyxl import load_workbook

    repo = S.make_repo(env / "annul", customers=3)
    plan = next(d for d in _stored(repo) if d["kind"] == "integration-plan" and not d.get("annulment"))
    evil = '=HYPERLINK("http://evil.example","x")'
    out = S.koto(repo, "annul", plan["id"], "--reason", evil, "-C", str(repo))
    assert out.returncode == 0, out.stderr
    S.koto(repo, "export", "-C", str(repo), "--format", "jsonl", "-o", str(tmp_path / "a"))
    ids = [
        json.loads(x)["record_id"]
        for x in (tmp_path / "a" / "integration-plan.jsonl").read_text().splitlines()
    ]
    assert plan["id"] not in ids
    res = S.koto(
        repo, "export", "-C", str(repo), "--format", "xlsx", "--with-annulled", "-o", str(tmp_path / "b")
    )
    assert res.returncode == 0, res.stderr
    wb = load_workbook(tmp_path / "b" / "export.xlsx")
    ws = wb["integration-plan"]
    keys = [c.value for c in ws[2]]
    col = keys.index("annulment.reason") + 1
    cells = [ws.cell(row=r, column=col) for r in range(3, ws.max_row + 1)]
    hit = [c for c in cells if c.value == evil]
    assert len(hit) == 1 and hit[0].data_type == "s"
    with zipfile.ZipFile(tmp_path / "b" / "export.xlsx") as zf:
        assert all(b"<f>" not in zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert "dictionary" in wb.sheetnames
