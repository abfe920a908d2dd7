"""Start-up cost of ``koto``: what a command spends before its own work, against ``python -c pass``.

    python bench/bench_startup.py [--records 20000] [--repo DIR] [--runs 9]

The budget of issue 14: a write command (``koto add`` of one record in a repository of 20,000
records) spends at most 0.3 s before it starts its own work. Two figures measure it, both over
the floor ``python -c pass`` (the interpreter's own start, measured in the same run):

1. ``koto add`` up to its own work (the strict figure, the one held against the budget): a real
   ``koto add`` of a new customer record in a repository of ``--records`` records, timed from the
   process start until the command opens the record file it was given. Everything before counts:
   the interpreter, every import (the CLI's and those the command makes lazily), parsing the
   arguments, opening the repository (``koto.yaml`` and Git) and looking for a kept draft. What
   follows (reading, validating and committing the record) is the command's own work. The moment
   is taken by an audit hook (``sys.addaudithook``, event ``open``) in a small driver that calls
   ``kototieto.cli.main.main`` as the ``koto`` script does; the hook, called for about 4,000 audit
   events before that moment, costs under 1 ms (0.6 ms on the shared machine under load).
2. ``import the write path``: only importing what ``koto add`` imports at the top (the CLI, the
   store, the model and its validation); the generous figure (no lazy imports, no repository).

Bytecode caches are warm, as on a user's machine after the first run: every case runs once
unmeasured with its own cache directory (``PYTHONPYCACHEPREFIX``, nothing is written into the
source tree; ``PYTHONDONTWRITEBYTECODE`` is cleared for the children). The row ``... no bytecode
cache`` runs with ``PYTHONDONTWRITEBYTECODE=1`` and no cache directory, so the project's own modules
(installed editable, without compiled files) are compiled from source on every run; the
dependencies keep the compiled files ``pip`` wrote.

Each figure is the minimum and the median of ``--runs`` fresh processes (the minimum is the least
disturbed by other load on a shared machine), in wall-clock seconds, and the minimum CPU time
(user + system) of the process, which other load disturbs less than the wall clock (for the
``koto add`` row: the CPU time the process had used when it opened the record file). The cases run
round by round, each once a round, so load from other jobs falls on all of them alike.

``--instructions`` (needs valgrind) counts instead the instructions each runs (callgrind), which
other load does not change: ``python -c pass``, the write path's imports, and what ``koto add``
does before its own work (``BEFORE_OWN_WORK``: the same imports as the command, opening the
repository), each over the floor and in seconds at ``--ns-per-instruction`` (0.218 on the machine
of the README's figures, from a quiet run; it differs between machines).
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUDGET = 0.3
PY = sys.executable
KOTO = str(Path(PY).parent / "koto")
WRITE_IMPORTS = "import kototieto.cli.cmd_write, kototieto.store.store, kototieto.model.validation"

#: The ``koto`` script with an audit hook that prints when the command first opens ``argv[1]``.
DRIVER = """\
import sys, time
_target = sys.argv[1]
def _hook(event, args, _done=[]):
    if event == "open" and not _done and args and str(args[0]) == _target:
        _done.append(1)
        sys.stderr.write(f"\\nKOTO-OWN-WORK {time.monotonic():.6f} {time.process_time():.6f}\\n")
sys.addaudithook(_hook)
from kototieto.cli.main import main
sys.argv = ["koto", "add", _target, "--lang", "en"]
main()
"""

#: What ``koto add FILE`` runs before it opens FILE, as one script (for ``--instructions``).
BEFORE_OWN_WORK = (
    "import sys\n"
    "import kototieto.cli.main\n"
    "from kototieto.cli import cmd_write\n"
    "from kototieto.store import drafts\n"
    "from kototieto.store.store import Store\n"
    "import kototieto.model.validation\n"
    "Store.open(sys.argv[1])\n"
)

CASES: list[tuple[str, list[str]]] = [
    ("python -c pass (floor)", [PY, "-c", "pass"]),
    ("import kototieto.cli.main", [PY, "-c", "import kototieto.cli.main"]),
    ("koto --help", [KOTO, "--help"]),
    ("import the read path (store)", [PY, "-c", "import kototieto.cli.cmd_read, kototieto.store.store"]),
    ("import the write path (koto add)", [PY, "-c", WRITE_IMPORTS]),
    ("import kototieto.model.records", [PY, "-c", "import kototieto.model.records"]),
    ("import pygit2", [PY, "-c", "import pygit2"]),
]


def child_env(cache: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is None:  # the project's own modules compiled on every run (dependencies' caches kept)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def run_once(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float, str]:
    """(wall s, CPU s of the child, its stderr)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stderr


# ------------------------------------------------------------------ koto add in a big repository
def make_repository(work: Path, records: int) -> Path:
    """A repository of ``records`` synthetic records (the texts are ``bench_git``'s, cached in
    ``bench/out``; generating 20,000 the first time takes minutes)."""
    sys.path.insert(0, str(HERE))
    import bench_git

    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store

    files = bench_git.record_texts(records)
    repo = init_repository(work / "repo", organisation_code="091", name="Bench")
    Store(repo).import_records(files, message="import\n", validate=False)
    return repo.root


def customer_template(repo: Path) -> tuple[str, str]:
    """(text, id) of one customer record in the repository, to add copies under new ids."""
    for path in sorted((repo / "customers").glob("*/*/*.yaml")):
        if path.stem == path.parent.name:
            return path.read_text(encoding="utf-8"), path.stem
    raise SystemExit(f"{repo} has no customer record")


class AddRun:
    """``koto add`` of a new customer record (a copy of one in the repository under a new id)."""

    def __init__(self, repo: Path, env: dict[str, str], work: Path) -> None:
        self.repo, self.env, self.work = repo, env, work
        self.text, self.old_id = customer_template(repo)
        self.driver = work / "koto_add_driver.py"
        self.driver.write_text(DRIVER, encoding="utf-8")

    def __call__(self) -> tuple[float, float, float, float]:
        """(wall and CPU s until the command opens its record file, wall and CPU s of the command)."""
        new_id = f"c-{secrets.token_hex(4)}"
        record = self.work / f"{new_id}.yaml"
        record.write_text(self.text.replace(self.old_id, new_id), encoding="utf-8")
        start = time.monotonic()
        wall, cpu, err = run_once([PY, str(self.driver), str(record)], self.env, cwd=self.repo)
        marks = [line.split() for line in err.splitlines() if line.startswith("KOTO-OWN-WORK ")]
        if not marks:
            raise SystemExit(f"koto add did not open {record}:\n{err}")
        return float(marks[0][1]) - start, float(marks[0][2]), wall, cpu


def instructions(code: str, env: dict[str, str], *args: str) -> float:
    """Millions of instructions of ``python -c code args`` (valgrind's callgrind; caches warm)."""
    cmd = [PY, "-c", code, *args]
    run_once(cmd, env)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        capture_output=True,
        text=True,
        env={**env, "PYTHONHASHSEED": "0"},
    )
    counts = [line.split()[-1] for line in done.stderr.splitlines() if "Collected :" in line]
    if done.returncode or not counts:
        raise SystemExit(f"valgrind failed:\n{done.stderr[-2000:]}")
    return int(counts[0]) / 1e6


def count_instructions(repo: Path, env: dict[str, str], ns: float) -> int:
    floor = instructions("pass", env)
    print(f"{'case':<44} {'M instr':>9} {'over floor':>11} {'s at ' + str(ns) + ' ns':>12}")
    print(f"{'python -c pass (floor)':<44} {floor:9.1f}")
    for name, code, args in (
        ("import the write path (koto add)", WRITE_IMPORTS, ()),
        ("koto add: before its own work", BEFORE_OWN_WORK, (str(repo),)),
    ):
        n = instructions(code, env, *args)
        print(f"{name:<44} {n:9.1f} {n - floor:11.1f} {(n - floor) * ns / 1000:12.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=20000, help="records in the repository of `koto add`")
    ap.add_argument("--repo", type=Path, default=None, help="use this repository instead of building one")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--instructions", action="store_true", help="count instructions (valgrind) instead")
    ap.add_argument("--ns-per-instruction", type=float, default=0.218)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    try:
        sys.path.insert(0, str(HERE))
        import bench_git

        bench_git.hermetic(work / "home")
        env = child_env(work / "pycache")
        repo = args.repo.resolve() if args.repo else make_repository(work, args.records)
        if args.instructions:
            return count_instructions(repo, env, args.ns_per_instruction)
        records = sum(1 for _ in (repo / "customers").glob("*/*/*.yaml"))
        add_label = f"koto add ({records} records): own work"
        cases = [(name, cmd, env) for name, cmd in CASES]
        cases.append(("import the write path, no bytecode cache", [PY, "-c", WRITE_IMPORTS], child_env(None)))
        add_run = AddRun(repo, env, work)
        results: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": []} for name, _, _ in cases}
        results[add_label] = {"wall": [], "cpu": []}
        add: dict[str, list[float]] = {"total_wall": [], "total_cpu": []}
        # Round by round, every case once a round: load from other jobs falls on all cases alike.
        for round_no in range(args.runs + 1):  # round 0 warms up (bytecode and page caches)
            for name, cmd, case_env in cases:
                wall, cpu, _ = run_once(cmd, case_env)
                if round_no:
                    results[name]["wall"].append(wall)
                    results[name]["cpu"].append(cpu)
            own_wall, own_cpu, total_wall, total_cpu = add_run()
            if round_no:
                results[add_label]["wall"].append(own_wall)
                results[add_label]["cpu"].append(own_cpu)
                add["total_wall"].append(total_wall)
                add["total_cpu"].append(total_cpu)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    floor_wall = min(results["python -c pass (floor)"]["wall"])
    floor_cpu = min(results["python -c pass (floor)"]["cpu"])
    print(f"{'case':<44} {'min s':>7} {'median s':>9} {'min-floor':>10} {'cpu min':>8} {'cpu-floor':>10}")
    for name, t in results.items():
        w, c = t["wall"], t["cpu"]
        print(
            f"{name:<44} {min(w):7.3f} {statistics.median(w):9.3f} {min(w) - floor_wall:10.3f} "
            f"{min(c):8.3f} {min(c) - floor_cpu:10.3f}"
        )
    total = statistics.median(add["total_wall"])
    print(
        f"\nkoto add, whole command (median): {total:.3f} s wall, "
        f"{statistics.median(add['total_cpu']):.3f} s CPU (own work included)"
    )
    strict = min(results[add_label]["wall"]) - floor_wall
    strict_med = statistics.median(results[add_label]["wall"]) - floor_wall
    imports = min(results["import the write path (koto add)"]["wall"]) - floor_wall
    verdict = "within" if strict <= BUDGET else "OVER"
    print(
        f"write-command start-up over the floor ({floor_wall:.3f} s): {strict:.3f} s (median {strict_med:.3f} s) "
        f"until `koto add` starts its own work in {records} records ({verdict} the {BUDGET} s budget); "
        f"imports alone {imports:.3f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
