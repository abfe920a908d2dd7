"""Benchmark: spreadsheet import, Parquet export and the cross-pilot aggregate, beside floors of this run.

    .venv/bin/python bench/bench_exchange.py [--full] [--rows N] [--records N] [--json]

- import: ``koto import`` of an N-row XLSX of guidance records for existing customers (reading
  with python-calamine, conversion, the one validation pipeline per row with the customer's stored
  records and the file's other rows, the record files written, one bulk commit). Floor: the store's
  bulk-import floor (the same records' data written as record files with ``new_document_text`` and
  committed by ``Store.import_records`` without checks, into a fresh copy of the repository) plus
  the validation floor (``Store.check_text`` of each record: the checks of one write, against the
  customer's stored records). Goal: at most 1.5x the floor.
- export: ``koto export --format parquet`` of a repository of about N records. Goal: under 10 s at
  20,000 records.
- aggregate: ``koto aggregate`` of three pilots' Parquet exports (N records each, different
  organisations; the exports are timed apart) and the fill-rate report over the database. Goal:
  under 5 s for three exports of 20,000 records (``--full``).

Default sizes are small (2,000 rows and records) so ``make bench`` stays short; ``--full`` runs the
issue's sizes (20,000). Absolute times vary with other load on the machine; read the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 11, 28)
RECORDS_PER_CUSTOMER = 4.6


def _env(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / ".gitconfig"
    cfg.write_text(
        "[user]\n\tname = Bench\n\temail = bench@example.org\n[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n",
        encoding="utf-8",
    )
    os.environ.update({"HOME": str(home), "GIT_CONFIG_GLOBAL": str(cfg), "GIT_CONFIG_NOSYSTEM": "1"})


def make_repo(path: Path, organisation: str, name: str, records: int, seed: int) -> Path:
    from kototieto.model.records import record_to_data
    from kototieto.store import layout
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store
    from kototieto.store.yamlio import new_document_text
    from kototieto.synthetic.generator import generate_dataset

    repo = init_repository(path, organisation_code=organisation, name=name, author="Bench <b@example.org>")
    texts = []
    customers = max(1, round(records / RECORDS_PER_CUSTOMER))
    for record in generate_dataset(customers, seed, TODAY, organisation=organisation):
        data = record_to_data(record)
        rel = layout.record_path(str(data.get("customer", data["id"])), str(data["id"]))
        texts.append((rel, new_document_text(data, layout.schema_url_for(rel)).encode("utf-8")))
    Store(repo).import_records(texts, message="import", author="Bench <b@example.org>", validate=False)
    return path


def _customers(repo: Path) -> list[str]:
    return sorted(p.name for p in (repo / "customers").glob("*/*") if p.is_dir())


def _sheet(path: Path, customers: list[str], rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("guidance")
    ws.append(
        [
            "customer",
            "date",
            "sources",
            "consent.given",
            "consent.date",
            "consent.informed",
            "service_needs.service_kinds",
            "service_needs.description",
            "drawn_up_by[1].name",
            "drawn_up_by[1].organisation",
        ]
    )
    for i in range(rows):
        day = TODAY - dt.timedelta(days=i % 300)
        ws.append(
            [
                customers[i % len(customers)],
                day,
                "Maahanmuuttaja itse",
                "kyllä",
                day,
                "kyllä",
                "Kotoutumiskoulutus; employment-services",
                f"Ohjauskäynti {i}: tarvitsee tietoa kielikursseista.",
                "Maija Virtanen",
                "Vaasan kaupunki",
            ]
        )
    wb.save(path)


def bench_import(work: Path, rows: int) -> dict[str, Any]:
    from kototieto.exchange.importer import import_file
    from kototieto.store import layout
    from kototieto.store.store import Store

    base = make_repo(work / "imp-base", "905", "Vaasan kaupunki", max(200, rows // 10), 11)
    sheet = work / "rows.xlsx"
    _sheet(sheet, _customers(base), rows)
    target = work / "imp"
    shutil.copytree(base, target, symlinks=True)
    t0 = time.perf_counter()
    result = import_file(target, sheet, "guidance", author="Bench <b@example.org>")
    t_import = time.perf_counter() - t0
    assert result.commit and not result.errors, result.problems[:3]
    # the same records, as committed, for the floors
    store = Store.open(target)
    texts: list[tuple[str, bytes, dict[str, Any]]] = []
    from kototieto.store import history
    from kototieto.store.bulkload import fast_load

    head = store.repo.head_commit()
    assert head is not None
    parent = head.parents[0]
    old = {p for _, p, _ in history.record_entries(store.repo, parent)}
    for _rid, path, entry in history.record_entries(store.repo, head):
        if path in old:
            continue
        raw = store.repo.git.get(entry.id).data  # type: ignore[union-attr]
        texts.append((path, raw, fast_load(raw, path)))
    floor_repo = work / "imp-floor"
    shutil.copytree(base, floor_repo, symlinks=True)
    fstore = Store.open(floor_repo)
    t0 = time.perf_counter()
    for path, raw, data in texts:
        fstore.check_text(raw, path, data=data)
    t_validate = time.perf_counter() - t0
    from kototieto.store.yamlio import new_document_text

    t0 = time.perf_counter()
    pairs = [(p, new_document_text(d, layout.schema_url_for(p)).encode("utf-8")) for p, _, d in texts]
    fstore.import_records(pairs, message="floor", validate=False)
    t_bulk = time.perf_counter() - t0
    floor = t_validate + t_bulk
    assert all(layout.parse_record_path(p) for p, _, _ in texts)
    return {
        "rows": rows,
        "import_s": round(t_import, 2),
        "floor_validate_s": round(t_validate, 2),
        "floor_bulk_import_s": round(t_bulk, 2),
        "ratio": round(t_import / floor, 2) if floor else None,
        "goal_ratio": 1.5,
    }


def bench_export(work: Path, records: int) -> dict[str, Any]:
    from kototieto.exchange.export import export_repository

    repo = make_repo(work / "exp", "905", "Vaasan kaupunki", records, 21)
    t0 = time.perf_counter()
    res = export_repository(repo, work / "exp-out", fmt="parquet")
    t = time.perf_counter() - t0
    return {"records": sum(res.records.values()), "export_parquet_s": round(t, 2), "goal_s_at_20000": 10}


def bench_aggregate(work: Path, records: int) -> dict[str, Any]:
    from kototieto.exchange.aggregate import aggregate, db_report

    repos = [
        make_repo(work / f"agg{i}", code, name, records, 31 + i)
        for i, (code, name) in enumerate(
            [("905", "Vaasan kaupunki"), ("091", "Helsingin kaupunki"), ("853", "Turku")]
        )
    ]
    from kototieto.exchange.export import export_repository

    exports = []
    t0 = time.perf_counter()
    for repo in repos:
        export_repository(repo, work / f"{repo.name}-parquet", fmt="parquet")
        exports.append(work / f"{repo.name}-parquet")
    t_exports = time.perf_counter() - t0
    t0 = time.perf_counter()
    res = aggregate(exports, work / "pilots.duckdb")
    t_agg = time.perf_counter() - t0
    t0 = time.perf_counter()
    report = db_report("fill-rates", work / "pilots.duckdb")
    t_rep = time.perf_counter() - t0
    return {
        "records": sum(res.records.values()),
        "exports_s": round(t_exports, 2),
        "aggregate_s": round(t_agg, 2),
        "fill_rate_report_s": round(t_rep, 2),
        "total_s": round(t_agg + t_rep, 2),
        "rows": len(report.tables()[0].rows),
        "goal_s": 5,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--full", action="store_true", help="The issue's sizes (20,000).")
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--records", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    size = 20_000 if args.full else 2_000
    rows = args.rows or size
    records = args.records or size
    work = Path(tempfile.mkdtemp(prefix="koto-bench-exchange-"))
    try:
        _env(work / "home")
        out: dict[str, dict[str, Any]] = {}
        for name, run in (
            ("import", lambda: bench_import(work, rows)),
            ("export", lambda: bench_export(work, records)),
            ("aggregate", lambda: bench_aggregate(work, records)),
        ):
            out[name] = run()
            if not args.json:
                print(f"  {name}: {out[name]}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        i, e, a = out["import"], out["export"], out["aggregate"]
        print(
            f"import {i['rows']} rows: {i['import_s']} s; floor {i['floor_validate_s']} s checks + "
            f"{i['floor_bulk_import_s']} s bulk import; ratio {i['ratio']} (goal <= 1.5)"
        )
        print(f"export {e['records']} records to Parquet: {e['export_parquet_s']} s (goal < 10 s at 20,000)")
        print(
            f"aggregate of 3 pilots' Parquet exports ({a['records']} records; the exports took "
            f"{a['exports_s']} s): {a['aggregate_s']} s + fill-rate report {a['fill_rate_report_s']} s = "
            f"{a['total_s']} s (goal < 5 s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
