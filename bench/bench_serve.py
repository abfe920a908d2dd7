"""Benchmark: ``koto serve`` over a generated repository, with a real HTTP client against uvicorn.

    .venv/bin/python bench/bench_serve.py [--customers 400] [--records-20k] [--n 40] [--json]

A repository of synthetic customers is generated (``--records-20k``: about 20,000 records, the
issue's size; default about 2,000 so that ``make bench`` stays short) and committed in one bulk
import. Then ``koto serve`` is started as a subprocess on 127.0.0.1 and an ``httpx`` client signed
in with the printed token measures (medians over ``n`` requests, round trips on the loopback, so
a little more than the server time):

- start-up: from starting ``koto serve`` to its first answer, and the first customer list (which
  builds the in-memory customer index from every record at the branch head);
- customer search (``/customers?q=...``, a name prefix) and a customer page (``/c/ID``);
- a validation round trip of a form (what htmx sends on a field change: the whole form, checked by
  the store's validation with the customer's other records);
- saving a record through the form (validate, commit) against the store's own save floor measured
  in the same run on the same repository (``Store.save`` of the same kind of change, interleaved);
- the server's resident memory at the end (``VmRSS``).

Targets (issue 15, at 20,000 records): search and customer page < 100 ms, validation < 50 ms,
save <= 2x the floor, memory < 300 MB, start-up < 3 s. The exit status is 1 when one is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

TODAY = dt.date(2026, 11, 28)
KOTO = str(Path(sys.executable).parent / "koto")


def make_repo(root: Path, customers: int) -> int:
    from kototieto.model.records import record_to_data
    from kototieto.store import layout
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store
    from kototieto.store.yamlio import new_document_text
    from kototieto.synthetic.generator import generate_dataset

    init_repository(root, organisation_code="091", name="Helsingin kaupunki", author="Bench <b@example.org>")
    records = generate_dataset(customers, 7, TODAY, "091")
    items = []
    for rec in records:
        data = record_to_data(rec)
        cust = data.get("customer", data["id"])
        path = layout.record_path(cust, data["id"])
        items.append((path, new_document_text(data, layout.schema_url_for(path)).encode()))
    st = Store.open(root)
    st.import_records(items, message="bench import", author="Bench <b@example.org>", validate=False)
    st.close()
    return len(items)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _median_ms(fn: Callable[[], Any], n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _pairs(html: str) -> list[tuple[str, str]]:
    """The submitted fields of the record form (inputs, selected options, textareas)."""
    form = html.split('id="record-form"', 1)[1].split("</form>", 1)[0]
    out = [(n, v) for n, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)]
    out += [
        (n, v) for n, v in re.findall(r'<input id="[^"]+" name="([^"]+)" type="text" value="([^"]*)"', form)
    ]
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        out += [(name, v) for v in re.findall(r'<option value="([^"]*)" selected', body)]
    out += re.findall(r'<textarea id="[^"]+" name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S)
    out += [
        (n, v) for n, v in re.findall(r'<input type="checkbox" name="([^"]+)" value="([^"]*)" checked', form)
    ]
    import html as h

    return [(n, h.unescape(v)) for n, v in out]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=400)
    ap.add_argument("--records-20k", action="store_true", help="about 20,000 records (the issue's size)")
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--repo", type=Path, help="reuse (or generate into) this repository folder")
    args = ap.parse_args(argv)
    customers = 4300 if args.records_20k else args.customers
    import httpx

    from kototieto.store.store import Store

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = args.repo or Path(tmp) / "repo"
        t = time.perf_counter()
        if (root / "koto.yaml").is_file():
            out["records"] = sum(1 for _ in (root / "customers").glob("*/*/*.yaml"))
        else:
            out["records"] = make_repo(root, customers)
        out["generate_s"] = round(time.perf_counter() - t, 1)
        port = _port()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [KOTO, "serve", str(root), "--port", str(port)],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert proc.stderr is not None
            url = ""
            while not url:
                line = proc.stderr.readline()
                if not line:
                    raise SystemExit("koto serve exited")
                m = re.search(r"(http://127\.0\.0\.1:\d+/\?token=\S+)", line)
                url = m.group(1) if m else ""
            base = url.split("/?", 1)[0]
            c = httpx.Client(base_url=base, timeout=120)
            while True:
                try:
                    c.get(url.replace(base, ""))
                    break
                except httpx.ConnectError:
                    time.sleep(0.02)
            out["startup_s"] = round(time.perf_counter() - t0, 2)
            t = time.perf_counter()
            first = c.get("/customers").text
            out["first_list_s"] = round(time.perf_counter() - t, 2)
            ids = re.findall(r'href="/c/(c-[^"]+)"', first)
            names = re.findall(r'href="/c/c-[^"]+">([^<,]+),', first)
            st = Store.open(root)
            queries = [n[:4].lower() for n in names[: args.n]] or ["a"]
            qi = iter(queries * (args.n // len(queries) + 1))
            out["search_ms"] = round(
                _median_ms(lambda: c.get("/customers", params={"q": next(qi)}), args.n), 1
            )
            ci = iter(ids * (args.n // max(1, len(ids)) + 1))
            out["customer_page_ms"] = round(_median_ms(lambda: c.get(f"/c/{next(ci)}"), args.n), 1)
            # a plan of a customer: validation round trips and saves through the form
            plan_of: dict[str, str] = {}
            for cid in ids[: args.n * 2]:
                for rid, d in st.customer_records(cid).items():
                    if d["kind"] == "integration-plan" and not d.get("annulment"):
                        plan_of[cid] = rid
            targets = list(plan_of.items())[: args.n]
            cid, rid = targets[0]
            pairs = _pairs(c.get(f"/r/{cid}/{rid}/edit").text)
            body = urlencode([*pairs, ("_action", "validate")])
            hdr = {"content-type": "application/x-www-form-urlencoded"}
            out["validate_ms"] = round(
                _median_ms(lambda: c.post(f"/r/{cid}/{rid}/form", content=body, headers=hdr), args.n), 1
            )
            app_times: list[float] = []
            floor_times: list[float] = []
            for i, (cid, rid) in enumerate(targets):
                if i % 2 == 0:
                    pairs = _pairs(c.get(f"/r/{cid}/{rid}/edit").text)
                    pairs = [(k, v) for k, v in pairs if k != "other_content"] + [
                        ("other_content", f"web {i}")
                    ]
                    data = urlencode([*pairs, ("_action", "save")])
                    t = time.perf_counter()
                    r = c.post(f"/r/{cid}/{rid}/form", content=data, headers=hdr, follow_redirects=False)
                    app_times.append((time.perf_counter() - t) * 1000)
                    if r.status_code != 303:
                        raise SystemExit(f"save through the app failed: {r.status_code}")
                else:
                    view = st.read(f"{cid}/{rid}")
                    new = dict(view.data, other_content=f"store {i}")
                    t = time.perf_counter()
                    st.save(new, expected_version=view.blob_id, author="Bench <b@example.org>")
                    floor_times.append((time.perf_counter() - t) * 1000)
            out["save_ms"] = round(statistics.median(app_times), 1)
            out["save_floor_ms"] = round(statistics.median(floor_times), 1)
            status = Path(f"/proc/{proc.pid}/status").read_text()
            rss = re.search(r"VmRSS:\s+(\d+) kB", status)
            out["memory_mb"] = round(int(rss.group(1)) / 1024, 1) if rss else None
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    checks = {
        "search < 100 ms": out["search_ms"] < 100,
        "customer page < 100 ms": out["customer_page_ms"] < 100,
        "validation < 50 ms": out["validate_ms"] < 50,
        "save <= 2x floor": out["save_ms"] <= 2 * out["save_floor_ms"],
        "memory < 300 MB": (out["memory_mb"] or 0) < 300,
        "start-up < 3 s": out["startup_s"] < 3,
    }
    out["checks"] = checks
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(
            f"repository: {out['records']} records ({customers} customers), generated in {out['generate_s']} s"
        )
        print(
            f"start-up to first answer   {out['startup_s']:>8} s     (first customer list, index build: {out['first_list_s']} s)"
        )
        print(f"customer search (median)   {out['search_ms']:>8} ms")
        print(f"customer page (median)     {out['customer_page_ms']:>8} ms")
        print(f"validation round trip      {out['validate_ms']:>8} ms")
        print(
            f"save through the form      {out['save_ms']:>8} ms    store's own save floor {out['save_floor_ms']} ms"
        )
        print(f"server memory (RSS)        {out['memory_mb']:>8} MB")
        for name, ok in checks.items():
            print(f"  {'ok  ' if ok else 'MISS'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
