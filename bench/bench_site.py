"""Benchmark: the catalogue site build against a plain mkdocs build of the same Markdown, same run.

    .venv/bin/python bench/bench_site.py [--runs 3] [--jobs N] [--customers 300] [--json]

What it measures (medians over ``runs``, interleaved so drift hits both sides alike):

- ``floor``: mkdocs alone (``mkdocs build --strict`` of every language's generated ``mkdocs.yml``,
  the same worker processes the tool uses), on Markdown generated beforehand;
- ``full``: ``build_site(out)`` from the model: catalogue export, comments, JSON Schemas, Markdown
  for fi/sv/en, the mkdocs builds and the swap into place. Generation is ``full - floor``; the
  target is under 30% of the floor;
- the same two with one process (``--jobs 1``), to show what the parallel language builds buy;
- fill rates (``--data``) over a synthetic repository of ``customers`` customers, against the
  store's fast loader reading the same files (the floor: parsing is nearly all the cost).

Absolute times vary between machines; read the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 11, 28)


def _comments(folder: Path, n: int = 40) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "round.yaml").write_text(
        "name: Bench round\nopens: 2026-11-01\ncloses: 2026-12-15\norganisations: []\ncatalogue_version: x\n",
        encoding="utf-8",
    )
    from kototieto.model.catalogue import catalogue_json

    paths = [f["path"] for f in catalogue_json()["fields"]]
    (folder / "threads").mkdir(exist_ok=True)
    for i in range(n):
        tid = f"t-20261120-{i:06x}"
        (folder / "threads" / f"{tid}.yaml").write_text(
            f"id: {tid}\npath: {paths[(i * 7) % len(paths)]}\nauthor: Testi Henkilö\norganisation: Kunta\n"
            f"date: 2026-11-20\ntext: Kommentti {i}.\nstatus: open\nreplies: []\n",
            encoding="utf-8",
        )


def _data_repo(root: Path, customers: int) -> int:
    import yaml

    from kototieto.model.records import record_to_data
    from kototieto.store.layout import record_path
    from kototieto.synthetic.generator import iter_dataset

    n = 0
    for batch in iter_dataset(customers, 11, TODAY):
        for record in batch:
            data = record_to_data(record)
            path = root / record_path(data.get("customer", data["id"]), data["id"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            n += 1
    return n


def _median(xs: list[float]) -> float:
    return statistics.median(xs)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--customers", type=int, default=300)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from kototieto.model.catalogue import catalogue_json
    from kototieto.reports.fillrates import fill_rates
    from kototieto.site.build import build_site, prepare, run_mkdocs
    from kototieto.site.generate import generate
    from kototieto.site.snapshots import find_latest_snapshot
    from kototieto.store.bulkload import fast_load
    from kototieto.store.reader import worktree_record_files as record_files

    tmp = Path(tempfile.mkdtemp(prefix="bench-site-"))
    comments = tmp / "comments"
    _comments(comments)
    catalogue_json()  # warm the model's caches for both sides

    def floor_configs(jobs: int) -> list[Path]:
        ctx = prepare(catalogue_json(), comments_dir=comments, snapshot=find_latest_snapshot(), schemas=None)
        from kototieto.site.build import default_schemas

        ctx.schemas = default_schemas()
        return generate(ctx, tmp / f"src-floor-{jobs}", tmp / f"out-floor-{jobs}")

    results: dict[str, Any] = {"runs": args.runs, "jobs": args.jobs}
    for jobs in sorted({1, args.jobs}):
        configs = floor_configs(jobs)
        floor: list[float] = []
        full: list[float] = []
        gen: list[float] = []
        pages = 0
        for i in range(args.runs):
            t0 = time.perf_counter()
            run_mkdocs(configs, jobs)
            floor.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            res = build_site(
                tmp / f"out-full-{jobs}", comments_dir=comments, jobs=jobs, src=tmp / f"src-full-{jobs}-{i}"
            )
            full.append(time.perf_counter() - t0)
            gen.append(res.generate_seconds)
            pages = res.pages
        f, g = _median(floor), _median(full)
        results[f"jobs={jobs}"] = {
            "pages": pages,
            "floor_mkdocs_s": round(f, 3),
            "full_build_s": round(g, 3),
            "generation_s": round(_median(gen), 3),
            "overhead_pct": round(100 * (g - f) / f, 1),
        }

    data = tmp / "data"
    records = _data_repo(data, args.customers)
    cat = catalogue_json()
    files = record_files(data)
    t0 = time.perf_counter()
    for p in files:
        fast_load(p.read_bytes(), str(p))
    load_floor = time.perf_counter() - t0
    t0 = time.perf_counter()
    rates = fill_rates(data, cat, worktree=True, jobs=1)
    fill_one = time.perf_counter() - t0
    t0 = time.perf_counter()
    fill_rates(data, cat, worktree=True, jobs=args.jobs)
    fill_many = time.perf_counter() - t0
    results["fill_rates"] = {
        "records": records,
        "counted": sum(rates.totals.values()),
        "fast_load_floor_s": round(load_floor, 3),
        "fill_rates_1_process_s": round(fill_one, 3),
        f"fill_rates_{args.jobs}_processes_s": round(fill_many, 3),
        "overhead_pct_1_process": round(100 * (fill_one - load_floor) / load_floor, 1),
    }

    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for key, r in results.items():
            if key.startswith("jobs="):
                verdict = "OK" if r["overhead_pct"] < 30 else "OVER TARGET"
                print(
                    f"site build, {key}: {r['pages']} pages; mkdocs alone (floor) {r['floor_mkdocs_s']:.2f} s, "
                    f"whole build {r['full_build_s']:.2f} s (generation {r['generation_s']:.2f} s): "
                    f"{r['overhead_pct']:+.1f}% over the floor (target < 30%: {verdict})"
                )
        fr = results["fill_rates"]
        print(
            f"fill rates: {fr['records']} records; fast_load alone {fr['fast_load_floor_s']:.2f} s, "
            f"fill rates 1 process {fr['fill_rates_1_process_s']:.2f} s "
            f"({fr['overhead_pct_1_process']:+.1f}%), {args.jobs} processes "
            f"{fr[f'fill_rates_{args.jobs}_processes_s']:.2f} s"
        )
    worst = max(r["overhead_pct"] for k, r in results.items() if k.startswith("jobs="))
    return 0 if worst < 30 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
