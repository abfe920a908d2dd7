"""Run every benchmark (``bench/bench_*.py``) one after another and keep their reports.

    make bench                      # all of them, default sizes
    make bench BENCH_ARGS="render"  # only those whose name contains "render"

Each script measures its own floor in the same run and prints each figure beside it; this runner
only sequences them (never in parallel: they would share the two cores and skew each other) and
saves the output under ``bench/out/`` with the machine it ran on.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    mem = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            mem = fh.readline().split(":")[1].strip()
    except OSError:
        pass
    return f"{platform.node()} · {os.cpu_count()} cores · {mem} · {cpu} · Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    wanted = [a for a in argv if not a.startswith("-")]
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not wanted or any(w in p.stem for w in wanted))
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    header = f"# Benchmarks {time.strftime('%Y-%m-%d %H:%M')}\n\nMachine: {machine()}\n"
    print(header)
    failed = 0
    report = [header]
    for script in scripts:
        print(f"## {script.stem}", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        text = done.stdout + (done.stderr if done.returncode else "")
        print(text, flush=True)
        print(f"({elapsed:.1f} s, exit {done.returncode})\n", flush=True)
        report.append(f"## {script.stem}\n\n```\n{text.rstrip()}\n```\n")
        failed += done.returncode != 0
    (out_dir / "results.md").write_text("\n".join(report), encoding="utf-8")
    print(f"saved {out_dir / 'results.md'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
