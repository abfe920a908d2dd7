"""Benchmark: ``koto validate`` on synthetic repositories, each figure beside a floor from this run.

    .venv/bin/python bench/bench_validate.py [--records 20000] [--small 5000] [--json]

- cold: full validation with an empty cache (all cores). Floor: PyYAML's CSafeLoader plus Pydantic
  ``model_validate`` of the same files in one process. Goal: at most 0.6x the floor.
- warm: full validation after a rules change (every blob's data cached, no result valid). Floor:
  ``model_validate_json`` of the same records as JSON in one process. Goal: at most 2x.
- cached: nothing changed (every result cached), for information.
- one change: ``koto validate`` as a fresh process after one record changed. Goal: at most 5% of
  the cold run and about a second including start-up.
- memory: peak RSS of the cold run (the parent and the largest worker, from ``getrusage``), at
  ``--small`` and ``--records``. Goal: under 150 MB and flat as the repository grows.

Each validation runs in a fresh child process (``--child``) so that peak memory and start-up are
its own. Absolute times vary between machines and with other load; read the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 11, 28)
RECORDS_PER_CUSTOMER = 4.6  # about what the synthetic generator makes


def _env(home: Path) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / ".gitconfig"
    cfg.write_text("[user]\n\tname = Bench\n\temail = bench@example.org\n[init]\n\tdefaultBranch = main\n")
    return {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(cfg)}


def build(root: Path, records: int) -> int:
    """A data repository with about ``records`` synthetic records, committed."""
    from kototieto.store.bulkwrite import write_customers
    from kototieto.store.scaffold import init_repository
    from kototieto.synthetic.generator import CustomerSource

    init_repository(root, organisation_code="091", name="Benchkunta")
    summary = write_customers(root, max(1, round(records / RECORDS_PER_CUSTOMER)), CustomerSource(11, TODAY))
    for args in (["add", "-A"], ["commit", "-q", "--no-verify", "-m", "synthetic records"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return int(summary["records"])


def floor_cold(files: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds of CSafeLoader + model_validate over ``files`` in this process."""
    import yaml

    from kototieto.model.records import RECORD_MODELS

    t0, c0 = time.perf_counter(), time.process_time()
    for path in files:
        data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        RECORD_MODELS[data["kind"]].model_validate(data)
    return time.perf_counter() - t0, time.process_time() - c0


def floor_warm(files: list[Path]) -> tuple[float, float]:
    from kototieto.model.records import RECORD_MODELS
    from kototieto.store.bulkload import fast_load

    docs = []
    for path in files:
        data = fast_load(path.read_bytes(), str(path))
        docs.append((RECORD_MODELS[data["kind"]], json.dumps(data)))
    t0, c0 = time.perf_counter(), time.process_time()
    for model, text in docs:
        model.model_validate_json(text)
    return time.perf_counter() - t0, time.process_time() - c0


def child(mode: str, root: Path, workers: int | None) -> dict[str, Any]:
    """One validation in this (fresh) process; prints wall time, peak memory and the summary."""
    t0 = time.perf_counter()
    from kototieto.store.validate import validate_repository

    if mode == "warm":  # a rules change: same files, other parameters
        from kototieto.model.rules import RuleParams
        from kototieto.store import blobcache
        from kototieto.store.layout import path_problems
        from kototieto.store.validate import iter_record_files, validate_paths

        params = RuleParams.from_overrides({"total_plan_max_months": 30})
        cache = root / ".git" / "koto" / blobcache.CACHE_FILE
        report = validate_paths(
            iter_record_files(root), params, cache, workers, root=root, path_check=path_problems
        )
    else:
        report = validate_repository(root, use_cache=True, workers=workers)
    wall = time.perf_counter() - t0
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall": wall,
        "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "rss_self_mb": me.ru_maxrss / 1024,
        "rss_children_mb": kids.ru_maxrss / 1024,
        "summary": report.summary(),
    }


def run_child(mode: str, root: Path, env: dict[str, str], workers: int | None) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", mode, "--root", str(root)]
    if workers:
        args += ["--workers", str(workers)]
    t0 = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    out: dict[str, Any] = json.loads(done.stdout)
    out["process_wall"] = time.perf_counter() - t0
    return out


def koto_validate(root: Path, env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    koto = str(Path(sys.executable).parent / "koto")
    t0 = time.perf_counter()
    done = subprocess.run(
        [koto, "validate", "-C", str(root), "--json"], capture_output=True, text=True, env=env
    )
    wall = time.perf_counter() - t0
    return wall, json.loads(done.stdout)["summary"]


def measure(root: Path, env: dict[str, str], workers: int | None, full: bool) -> dict[str, Any]:
    from kototieto.store.validate import iter_record_files

    files = iter_record_files(root)
    cache = root / ".git" / "koto" / "validate-cache.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{cache}{suffix}").unlink(missing_ok=True)
    result: dict[str, Any] = {"records": len(files)}
    result["cold"] = run_child("cold", root, env, workers)
    if not full:
        return result
    result["floor_cold"], result["floor_cold_cpu"] = floor_cold(files)
    result["cached"] = run_child("cached", root, env, workers)
    result["warm"] = run_child("warm", root, env, workers)
    result["floor_warm"], result["floor_warm_cpu"] = floor_warm(files)
    target = files[len(files) // 2]
    target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    koto_validate(root, env)  # brings the cache back to the default rules
    target.write_text(target.read_text(encoding="utf-8") + "# edited again\n", encoding="utf-8")
    result["one_change_wall"], result["one_change"] = koto_validate(root, env)
    return result


def peak(r: dict[str, Any]) -> float:
    return max(float(r["rss_self_mb"]), float(r["rss_children_mb"]))


def report(res: dict[str, Any]) -> str:
    big, small = res["big"], res["small"]
    cold, warm = big["cold"]["wall"], big["warm"]["wall"]
    lines = [
        f"records: {big['records']} (memory also at {small['records']}); workers: {res['workers']}; "
        f"load average before: {res['load']}",
        f"cold full validation   {cold:7.2f} s   floor (CSafeLoader + model_validate, 1 process) "
        f"{big['floor_cold']:7.2f} s   ratio {cold / big['floor_cold']:.2f}  (goal <= 0.60)",
        f"warm (rules changed)   {warm:7.2f} s   floor (model_validate_json, 1 process)          "
        f"{big['floor_warm']:7.2f} s   ratio {warm / big['floor_warm']:.2f}  (goal <= 2.00)",
        f"  CPU seconds (all processes): cold {big['cold']['cpu']:.2f} vs floor {big['floor_cold_cpu']:.2f}; "
        f"warm {big['warm']['cpu']:.2f} vs floor {big['floor_warm_cpu']:.2f} "
        "(includes start-up and imports)",
        f"cached (no change)     {big['cached']['wall']:7.2f} s   "
        f"(parsed {big['cached']['summary']['parsed_files']}, from cache {big['cached']['summary']['cached_files']})",
        f"one change, koto CLI   {big['one_change_wall']:7.2f} s   vs cold {cold:.2f} s   ratio "
        f"{big['one_change_wall'] / cold:.3f}  (goal <= 0.05, about 1 s; parsed "
        f"{big['one_change']['parsed_files']}, re-validated {big['one_change']['revalidated_files']})",
        f"peak memory, cold      {peak(big['cold']):7.1f} MB at {big['records']} records, "
        f"{peak(small['cold']):.1f} MB at {small['records']}  (goal < 150, flat)  "
        f"[parent {big['cold']['rss_self_mb']:.1f} MB, largest worker {big['cold']['rss_children_mb']:.1f} MB]",
        f"cold run: parsed {big['cold']['summary']['parsed_files']} files, "
        f"{big['cold']['summary']['errors']} errors (every generated record is valid)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--small", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", choices=["cold", "warm", "cached"])
    parser.add_argument("--root", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.root, args.workers)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        env = _env(Path(tmp) / "home")
        os.environ.update({k: env[k] for k in ("HOME", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL")})
        res: dict[str, Any] = {
            "workers": args.workers or os.cpu_count(),
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        }
        small_root, big_root = Path(tmp) / "small", Path(tmp) / "big"
        build(small_root, args.small)
        res["small"] = measure(small_root, env, args.workers, full=False)
        build(big_root, args.records)
        res["big"] = measure(big_root, env, args.workers, full=True)
    print(json.dumps(res, indent=2) if args.json else report(res))
    big = res["big"]
    ok = (
        big["cold"]["wall"] <= 0.6 * big["floor_cold"]
        and big["warm"]["wall"] <= 2 * big["floor_warm"]
        and big["one_change_wall"] <= 0.05 * big["cold"]["wall"]
        and peak(big["cold"]) < 150
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
