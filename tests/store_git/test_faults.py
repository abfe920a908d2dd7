"""Fault injection: `koto` killed with SIGKILL at random points of saves and syncs.

Clone A saves (`koto add`, new customers and edits of one record) and syncs through a real `git
daemon` remote while clone B pushes changes of another record; every A command is killed after a
random delay (some finish first). Afterwards, and after every command that was not killed:

- `git fsck` finds nothing broken, in A and on the remote;
- no record file in A's working tree is half-written (each one parses);
- the command after a kill leaves the index in line with HEAD (`git status` clean);
- every save that reported success (exit 0, its commit printed) is in A's history, and after a
  last sync in the remote's.

`make test` runs a bounded number of rounds; `make soak` (marker ``soak``) runs the full 200.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kototieto.store.bulkload import fast_load
from kototieto.store.store import Store
from kototieto.store.yamlio import new_document_text
from tests.store_git import _support as S
from tests.store_git import test_sync as SY

remote = SY.remote

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)
    monkeypatch.setenv("KOTO_LANG", "en")  # the messages are asserted in English


def hetu(n: int) -> str:
    """A synthetic identity code (individual number 900-999) born 1 Jan 1980 + n days' worth."""
    day, month, year, ind = 1 + n % 28, 1 + (n // 28) % 12, 80 + (n // 336) % 20, 900 + n % 100
    digits = f"{day:02d}{month:02d}{year:02d}{ind:03d}"
    return f"{digits[:6]}-{digits[6:]}{CHECK[int(digits) % 31]}"


def run_killed(cwd: Path, args: list[str], delay: float) -> tuple[int, str]:
    """Run koto; SIGKILL it (and its git children) after ``delay`` s unless it ended first."""
    proc = subprocess.Popen(
        [S.KOTO, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    return proc.returncode, out


def fsck_clean(root: Path) -> None:
    out = subprocess.run(["git", "fsck", "--no-dangling", "--full"], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert not any(w in out.stdout + out.stderr for w in ("missing", "broken", "corrupt", "error"))


def records_whole(root: Path) -> None:
    for f in (root / "customers").rglob("*.yaml"):
        fast_load(f.read_bytes(), str(f))  # raises on a half-written file


def rounds(count: int, remote: str, tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    a = SY.clone(remote, tmp_path / "a")
    b = SY.clone(remote, tmp_path / "b")
    root = a.repo.root
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    base = S.customer("c-0001")
    reported: list[str] = []
    killed = 0
    saved = {"new": 0, "edit": 0}
    typical = [1.0, 1.0]  # seconds a save / a sync takes here
    for i in range(count):
        op = rnd.choice(["new", "edit", "edit", "sync"])
        if op == "new":
            f = incoming / f"c-f{i:04d}.yaml"
            f.write_text(
                new_document_text(S.customer(f"c-f{i:04d}", first=f"Uusi{i}", hetu=hetu(i)), "x.json")
            )
            args = ["add", "--json", str(f)]
        elif op == "edit":
            f = incoming / f"edit{i}.yaml"
            f.write_text(new_document_text(dict(base, first_names=f"Nimi{i}"), "x.json"))
            args = ["add", "--replace", "--json", str(f)]
        else:
            args = ["sync", "--json"]
        # a third of the commands run to the end; the others are killed somewhere in their
        # typical run time (measured on the commands that finished: the machine may be loaded)
        delay = 120.0 if rnd.random() < 0.3 else rnd.uniform(0.05, 1.3) * typical[op == "sync"]
        started = time.monotonic()
        rc, out = run_killed(root, args, delay)
        if rc >= 0:
            typical[op == "sync"] = 0.5 * typical[op == "sync"] + 0.5 * (time.monotonic() - started)
        if rc < 0:
            killed += 1
        elif rc == 0 and op != "sync":
            saved[op] += 1
            reported.append(json.loads(out)[0]["commit"])
        if i % 7 == 3:  # a colleague pushes meanwhile, so syncs merge
            SY.edit(b, "c-0002", first_names=f"Toinen{i}")
            assert SY.sync(b).returncode == 0
        records_whole(root)
        if rc >= 0 and not (root / ".git" / "MERGE_HEAD").exists():
            status = S.git(root, "status", "--porcelain", "--untracked-files=no")
            assert status == "", f"seed {seed}, round {i} ({op}, rc {rc}): index out of line:\n{status}"
    # the next command repairs whatever the last kill left
    final = S.koto(root, "sync")
    assert final.returncode == 0, final.stdout + final.stderr
    assert S.git(root, "status", "--porcelain", "--untracked-files=no") == ""
    records_whole(root)
    fsck_clean(root)
    for commit in reported:
        assert (
            subprocess.run(["git", "merge-base", "--is-ancestor", commit, "HEAD"], cwd=root).returncode == 0
        )
    mirror = tmp_path / "mirror"
    S.git(tmp_path, "clone", "-q", "--mirror", remote, str(mirror))
    fsck_clean(mirror)
    for commit in reported:
        assert (
            subprocess.run(["git", "merge-base", "--is-ancestor", commit, "main"], cwd=mirror).returncode == 0
        )
    print(
        f"\nfault rounds {count}: killed {killed}, saves reported {len(reported)} ({saved}), all in history"
    )
    assert killed > 0 and reported, (killed, len(reported))
    assert saved["edit"] > 0 or count < 20, saved  # edits of an existing record were saved too
    assert Store.open(root).read("c-0001").data["first_names"].startswith(("Nimi", "Testi"))


@pytest.mark.slow
def test_sigkill_during_saves_and_syncs_bounded(remote: str, tmp_path: Path) -> None:
    rounds(10, remote, tmp_path, seed=int(time.time()) % 1000)


@pytest.mark.soak
def test_sigkill_during_200_saves_and_syncs(remote: str, tmp_path: Path) -> None:
    rounds(200, remote, tmp_path, seed=int(time.time()) % 1000)


def test_stale_git_locks_left_by_a_killed_process_are_removed_by_the_next_command(tmp_path: Path) -> None:
    """A lock without a live Git process is removed by the next koto command; a lock of a running
    git process (here `git cat-file --batch`, waiting in the repository) is kept."""
    from kototieto.store import gitlocks

    repo = S.make_repo(tmp_path / "r")
    store = Store(repo)
    store.save(S.customer("c-0001"))
    git_dir = repo.root / ".git"
    stale = [git_dir / "index.lock", git_dir / "HEAD.lock", git_dir / "refs" / "heads" / "main.lock"]
    for lock in stale:
        lock.write_text("")
        os.utime(lock, (time.time() - 60, time.time() - 60))
    live = subprocess.Popen(["git", "cat-file", "--batch"], cwd=repo.root, stdin=subprocess.PIPE)
    try:
        time.sleep(0.2)
        assert gitlocks.repair(repo.root, git_dir) == []  # a git process is running there
        assert all(lock.exists() for lock in stale)
    finally:
        live.communicate(b"")
    f = tmp_path / "c.yaml"
    f.write_text(new_document_text(S.customer("c-0001", first="Korjattu"), "x.json"))
    out = S.koto(repo.root, "add", "--replace", str(f))
    assert out.returncode == 0, out.stdout + out.stderr
    assert not any(lock.exists() for lock in stale)
    assert S.git(repo.root, "status", "--porcelain") == ""
    assert Store.open(repo.root).read("c-0001").data["first_names"] == "Korjattu"
