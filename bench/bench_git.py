"""Benchmark: the Git record store against plumbing floors measured in the same run.

    .venv/bin/python bench/bench_git.py [--records 20000] [--commits 50000] [--saves 200] [--reads 100] [--json]

Figures (each beside its floor; read the ratio, absolute times vary between machines):

1. ``save``: ``Store.save`` of an edited record (strict round-trip load, ``update_document``, dump,
   model + cross-record + role + path checks, index-free commit with compare-and-swap, atomic
   working-tree write, index entry update) in a repository of ``--records`` records.
   Floor: ruamel round-trip load + dump of the same record plus a pygit2 tree-builder commit of
   that blob (no index, no checks, no working tree). Goal: at most 2x.
2. ``import``: ``Store.import_records`` of ``--records`` records as one commit (blobs, trees,
   commit, working tree, index). Floor: ``git fast-import`` of the same files into a fresh
   repository (objects and ref only). Goal: at most 1.5x.
3. ``history``: ``Store.log`` of one record in a repository of ``--commits`` commits (built with
   fast-import; commit-graph with changed-path Bloom filters as the store keeps it).
   Floor: ``git log --format=%H -- PATH`` on the same repository. Goal: at most 1.5x.
4. ``old-read``: ``--reads`` reads of records at old commits through the store's open pygit2
   repository (``history.blob_at``, and the full ``Store.read`` view with parsed data).
   Floor: a persistent ``git cat-file --batch`` process answering ``REV:PATH``. Goal: at most 2x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 11, 28)


def hermetic(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / ".gitconfig"
    cfg.write_text(
        "[user]\n\tname = Bench\n\temail = bench@example.org\n[init]\n\tdefaultBranch = main\n"
        "[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n"
    )
    os.environ.update({"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(cfg)})
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"


def record_texts(n: int) -> list[tuple[str, bytes]]:
    """``n`` synthetic records as (path, text) in the repository layout (cached in ``bench/out``:
    generating and dumping 20,000 records takes minutes)."""
    import pickle

    cache = Path(__file__).resolve().parent / "out" / f"git-records-{n}.pickle"
    if cache.exists():
        cached: list[tuple[str, bytes]] = pickle.loads(cache.read_bytes())
        return cached
    out = _generate(n)
    cache.parent.mkdir(exist_ok=True)
    cache.write_bytes(pickle.dumps(out))
    return out


def _generate(n: int) -> list[tuple[str, bytes]]:
    from kototieto.model.records import record_to_data
    from kototieto.store.layout import record_path, schema_url_for
    from kototieto.store.yamlio import new_document_text
    from kototieto.synthetic.generator import generate_dataset

    customers = max(1, n // 4)
    while True:
        records = generate_dataset(customers, 1, TODAY)
        if len(records) >= n:
            break
        customers = customers * 2
    out = []
    for r in records:
        d = record_to_data(r)
        cust = d.get("customer", d["id"])
        path = record_path(cust, d["id"])
        out.append((path, new_document_text(d, schema_url_for(path)).encode()))
    keep = out[:n]
    return keep


def git(cwd: Path, *args: str, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True, **kw)


def fast_import_stream(
    files: list[tuple[str, bytes]], extra_commits: int = 0, seed: int = 1, parent: str | None = None
) -> bytes:
    parts = [b"commit refs/heads/main\ncommitter Bench <b@example.org> 1700000000 +0000\ndata 6\nimport\n"]
    if parent:
        parts.append(f"from {parent}\n".encode())
    for path, text in files:
        parts.append(
            b"M 100644 inline " + path.encode() + b"\ndata " + str(len(text)).encode() + b"\n" + text + b"\n"
        )
    rnd = random.Random(seed)
    for i in range(extra_commits):
        path, text = files[rnd.randrange(len(files))]
        body = text + f"# edit {i}\n".encode()
        parts.append(
            b"commit refs/heads/main\ncommitter Bench <b@example.org> "
            + str(1700000001 + i).encode()
            + b" +0000\ndata 4\nedit\nM 100644 inline "
            + path.encode()
            + b"\ndata "
            + str(len(body)).encode()
            + b"\n"
            + body
            + b"\n"
        )
    return b"".join(parts)


def timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def bench_import(work: Path, files: list[tuple[str, bytes]]) -> dict[str, float]:
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store

    floor_repo = work / "fi"
    git(work, "init", "-q", str(floor_repo))
    stream = fast_import_stream(files)
    floor = timed(lambda: git(floor_repo, "fast-import", "--quiet", input=stream))
    repo = init_repository(work / "imp", organisation_code="091", name="Bench")
    store = Store(repo)
    ours = timed(lambda: store.import_records(files, message="import\n", validate=False))
    assert git(repo.root, "status", "--porcelain").stdout == b""
    from kototieto.store import gitcommit

    bare = init_repository(work / "imp-objects", organisation_code="091", name="Bench")
    objects = timed(lambda: gitcommit.bulk_commit(bare, dict(files), "import\n", update_worktree=False))
    return {
        "records": len(files),
        "floor_s": floor,
        "store_s": ours,
        "ratio": ours / floor,
        "commit_only_s": objects,
        "commit_only_ratio": objects / floor,
    }


def bench_saves(repo_root: Path, files: list[tuple[str, bytes]], saves: int) -> dict[str, float]:
    import pygit2
    from ruamel.yaml import YAML

    from kototieto.store.store import Store
    from kototieto.store.yamlio import load_document

    store = Store.open(repo_root)
    customers = [p for p, _ in files if p.split("/")[2] + ".yaml" == p.split("/")[3]]
    targets = [customers[i % len(customers)] for i in range(saves)]
    ids = [p.split("/")[3][:-5] for p in targets]
    # floor: ruamel round-trip load + dump + tree-builder commit of that blob (no index)
    git_repo = pygit2.Repository(str(repo_root))
    yaml = YAML(typ="rt")
    import io

    def floor_one(path: str) -> None:
        blob = git_repo.head.peel(pygit2.Commit).tree[path]
        doc = yaml.load(git_repo.get(blob.id).data)
        out = io.StringIO()
        yaml.dump(doc, out)
        data = out.getvalue().encode()
        head = git_repo.head.peel(pygit2.Commit)
        new_blob = git_repo.create_blob(data + b"# floor\n")
        parts = path.split("/")
        trees = [head.tree]
        for name in parts[:-1]:
            trees.append(git_repo.get(trees[-1][name].id))
        oid = new_blob
        for depth in range(len(parts) - 1, -1, -1):
            tb = git_repo.TreeBuilder(trees[depth])
            tb.insert(
                parts[depth],
                oid,
                pygit2.enums.FileMode.BLOB if depth == len(parts) - 1 else pygit2.enums.FileMode.TREE,
            )
            oid = tb.write()
        sig = pygit2.Signature("Bench", "b@example.org")
        git_repo.create_commit("refs/heads/main", sig, sig, "floor", oid, [head.id])

    floor_times = []
    for p in targets[: max(20, saves // 4)]:
        floor_times.append(timed(lambda p=p: floor_one(p)))
    git(repo_root, "reset", "-q", "--hard")  # the floor commits changed no working-tree file

    def run(tag: str) -> list[float]:
        times = []
        for i, rid in enumerate(ids):
            view = store.read(rid)
            data = dict(view.data, first_names=f"{tag}{i}")
            times.append(timed(lambda data=data, view=view: store.save(data, expected_version=view.blob_id)))
        return times

    single = run("Nimi")  # each save also rewrites the index entry (the default)
    with store.batch():  # a burst: the index is written once, at the end of the block
        batched = run("Toinen")
        t0 = time.perf_counter()
    batch_total = sum(batched) + time.perf_counter() - t0  # the final index write included
    del load_document
    floor = statistics.median(floor_times)
    return {
        "saves": saves,
        "floor_ms": floor * 1000,
        "store_ms": statistics.median(single) * 1000,
        "store_mean_ms": statistics.mean(single) * 1000,
        "ratio": statistics.median(single) / floor,
        "batch_mean_ms": batch_total / saves * 1000,
        "batch_ratio": batch_total / saves / floor,
    }


def bench_history(work: Path, files: list[tuple[str, bytes]], commits: int) -> dict[str, float]:
    from kototieto.store import history
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store

    repo = init_repository(work / "hist", organisation_code="091", name="Bench")
    head = git(repo.root, "rev-parse", "HEAD").stdout.decode().strip()
    git(repo.root, "fast-import", "--quiet", "--force", input=fast_import_stream(files, commits, parent=head))
    git(repo.root, "reset", "-q", "--hard", "main")
    history.refresh_commit_graph(repo)
    store = Store.open(repo.root)
    counts: dict[str, int] = {}
    rnd = random.Random(1)
    for _ in range(commits):
        p = files[rnd.randrange(len(files))][0]
        counts[p] = counts.get(p, 0) + 1
    path = max(counts, key=lambda p: counts[p])
    rid = path.split("/")[3][:-5]
    floor = min(timed(lambda: git(repo.root, "log", "--format=%H", "--", path)) for _ in range(5))
    ours = min(timed(lambda: store.log(rid)) for _ in range(5))
    n = len(store.log(rid))
    total = int(git(repo.root, "rev-list", "--count", "HEAD").stdout)
    return {"commits": total, "versions": n, "floor_s": floor, "store_s": ours, "ratio": ours / floor}


def bench_reads(repo_root: Path, reads: int) -> dict[str, float]:
    from kototieto.store import history
    from kototieto.store.store import Store

    store = Store.open(repo_root)
    revs = [line.split()[0] for line in git(repo_root, "log", "--format=%H %s").stdout.decode().splitlines()]
    pairs = []
    for rev in revs:
        out = git(repo_root, "show", "--name-only", "--format=", rev).stdout.decode().split()
        pairs += [(rev, p) for p in out if p.startswith("customers/")][:1]
        if len(pairs) >= reads:
            break
    pairs = (pairs * (reads // max(1, len(pairs)) + 1))[:reads]
    proc = subprocess.Popen(
        ["git", "cat-file", "--batch"], cwd=repo_root, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert proc.stdin and proc.stdout

    def floor_run() -> None:
        for rev, p in pairs:
            proc.stdin.write(f"{rev}:{p}\n".encode())  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]
            size = int(proc.stdout.readline().split()[2])  # type: ignore[union-attr]
            proc.stdout.read(size + 1)  # type: ignore[union-attr]

    floor = min(timed(floor_run) for _ in range(3))
    proc.stdin.close()
    proc.wait()

    def blobs() -> None:
        for rev, p in pairs:
            history.blob_at(store.repo, store.repo.git.get(rev), p)  # type: ignore[arg-type]

    raw = min(timed(blobs) for _ in range(3))
    ids = [(rev, p.split("/")[3][:-5]) for rev, p in pairs]
    views = min(timed(lambda: [store.read(rid, rev) for rev, rid in ids]) for _ in range(3))
    return {
        "reads": reads,
        "floor_ms_per_read": floor / reads * 1000,
        "blob_ms_per_read": raw / reads * 1000,
        "view_ms_per_read": views / reads * 1000,
        "ratio": raw / floor,
        "view_ratio": views / floor,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--commits", type=int, default=50000)
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--reads", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-git-"))
    try:
        hermetic(work / "home")
        t0 = time.perf_counter()
        files = record_texts(args.records)
        gen = time.perf_counter() - t0
        results: dict[str, Any] = {"generate_s": gen}
        results["import"] = bench_import(work, files)
        results["save"] = bench_saves(work / "imp", files, args.saves)
        results["old_read"] = bench_reads(work / "imp", args.reads)
        results["history"] = bench_history(work, files, args.commits)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    i, s, h, r = results["import"], results["save"], results["history"], results["old_read"]
    print(f"records: {i['records']} (generated in {gen:.1f} s)")
    print(
        f"save (median of {s['saves']}): {s['store_ms']:.1f} ms vs floor {s['floor_ms']:.1f} ms -> "
        f"{s['ratio']:.2f}x; in a batch {s['batch_mean_ms']:.1f} ms a save (mean, final index write "
        f"included) -> {s['batch_ratio']:.2f}x (goal <= 2x)"
    )
    print(
        f"bulk import: commit {i['commit_only_s']:.2f} s, with working tree and index {i['store_s']:.2f} s "
        f"vs git fast-import {i['floor_s']:.2f} s -> {i['commit_only_ratio']:.2f}x / {i['ratio']:.2f}x "
        "(goal <= 1.5x)"
    )
    print(
        f"history ({h['versions']} versions, {h['commits']} commits): {h['store_s'] * 1000:.0f} ms vs git log "
        f"{h['floor_s'] * 1000:.0f} ms -> {h['ratio']:.2f}x (goal <= 1.5x)"
    )
    print(
        f"old-version read: blob {r['blob_ms_per_read']:.3f} ms, parsed view {r['view_ms_per_read']:.2f} ms vs "
        f"cat-file --batch {r['floor_ms_per_read']:.3f} ms -> {r['ratio']:.2f}x / {r['view_ratio']:.1f}x (goal <= 2x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
