"""Start-up cost of ``koto``: what a command spends before its own work, against ``python -c pass``.

Each figure is the minimum and the median of RUNS fresh processes (the minimum is the least
disturbed by other load on a shared machine). The budget of issue 14: a write command spends at
most 0.3 s before its own work, i.e. importing what ``koto add`` needs (the CLI, the store, the
model and its validation) minus the interpreter's own start.

    python bench/bench_startup.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 7
BUDGET = 0.3
PY = sys.executable
KOTO = str(Path(PY).parent / "koto")

CASES: list[tuple[str, list[str]]] = [
    ("python -c pass (floor)", [PY, "-c", "pass"]),
    ("import kototieto.cli.main", [PY, "-c", "import kototieto.cli.main"]),
    ("koto --help", [KOTO, "--help"]),
    ("import the read path (store)", [PY, "-c", "import kototieto.cli.cmd_read, kototieto.store.store"]),
    (
        "import the write path (koto add)",
        [PY, "-c", "import kototieto.cli.cmd_write, kototieto.store.store, kototieto.model.validation"],
    ),
    ("import kototieto.model.records", [PY, "-c", "import kototieto.model.records"]),
    ("import pygit2", [PY, "-c", "import pygit2"]),
]


def timed(cmd: list[str]) -> list[float]:
    out = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    results = {name: timed(cmd) for name, cmd in CASES}
    floor = min(results["python -c pass (floor)"])
    print(f"{'case':<36} {'min s':>7} {'median s':>9} {'min - floor':>12}")
    for name, times in results.items():
        print(f"{name:<36} {min(times):7.3f} {statistics.median(times):9.3f} {min(times) - floor:12.3f}")
    write = min(results["import the write path (koto add)"]) - floor
    verdict = "within" if write <= BUDGET else "OVER"
    print(f"\nwrite-command start-up over the floor: {write:.3f} s ({verdict} the {BUDGET} s budget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
