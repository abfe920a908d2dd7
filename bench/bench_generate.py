"""Benchmark: the synthetic data generator, against Pydantic validation of the same data.

    .venv/bin/python bench/bench_generate.py [--customers 2000] [--json]

What it measures (best of ``--repeat`` runs, same process):

- ``floor``: ``parse_record`` of the generated records' data, i.e. only the Pydantic validation
  every generated record goes through anyway;
- ``generate``: ``iter_dataset`` (life cycles, free text, ids, and that same validation);
- ``list``: ``generate_dataset`` (the whole list in memory);
- ``write``: ``store.yamlio.new_document_text`` per record, which bounds ``koto generate``.

Absolute rates vary between machines; read the ratios. The target for ``generate`` is more than
2,000 records/s on a development machine, i.e. well under 10x the floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from typing import Any

TODAY = dt.date(2026, 11, 28)


def _best(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(customers: int = 2000, repeat: int = 3) -> dict[str, Any]:
    from kototieto.model.records import parse_record, record_to_data
    from kototieto.store.layout import record_path, schema_url_for
    from kototieto.store.yamlio import new_document_text
    from kototieto.synthetic.generator import generate_dataset, iter_dataset

    records = generate_dataset(customers, 1, TODAY)
    datas = [record_to_data(r) for r in records]
    n = len(records)

    def floor_run() -> None:
        for d in datas:
            parse_record(d)  # kept no longer than the generator keeps a customer's records

    floor = _best(floor_run, repeat)
    gen = _best(lambda: sum(len(b) for b in iter_dataset(customers, 1, TODAY)), repeat)
    lst = _best(lambda: generate_dataset(customers, 1, TODAY), repeat)
    sample = datas[: min(n, 500)]
    write = _best(
        lambda: [
            new_document_text(d, schema_url_for(record_path(d.get("customer", d["id"]), d["id"])))
            for d in sample
        ],
        1,
    )
    return {
        "customers": customers,
        "records": n,
        "floor_records_per_s": round(n / floor),
        "generate_records_per_s": round(n / gen),
        "list_records_per_s": round(n / lst),
        "generate_vs_floor": round(gen / floor, 2),
        "write_docs_per_s": round(len(sample) / write),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.customers, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        print(f"{key:24} {value}")


if __name__ == "__main__":
    main()
