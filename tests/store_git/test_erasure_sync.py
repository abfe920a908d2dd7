"""An erased customer never comes back, through a real `git daemon` remote: an old clone's `koto
sync`, a sync before the force-push, `koto add`, `koto validate`, the pre-commit hook and the CI
command that `koto init` writes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from kototieto.store.store import Store
from tests.store_git import _support as S
from tests.store_git import test_sync as SY

remote = SY.remote

pytestmark = pytest.mark.slow
ERASED = "c-0002"


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)
    monkeypatch.setenv("KOTO_LANG", "en")  # the messages are asserted in English


def remote_mentions(url: str, tmp_path: Path, text: str) -> bool:
    """True when any object reachable on the remote holds ``text`` (a fresh mirror clone)."""
    mirror = tmp_path / f"mirror-{len(list(tmp_path.glob('mirror-*')))}"
    S.git(tmp_path, "clone", "-q", "--mirror", url, str(mirror))
    objects = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"], cwd=mirror, capture_output=True, check=True
    ).stdout
    names = S.git(mirror, "log", "--all", "--format=", "--name-only")
    return text.encode() in objects or text in names


def erase(store: Store) -> None:
    out = S.koto(store.repo.root, "erase", ERASED, "--reason", "Asiakkaan pyyntö", "--yes")
    assert out.returncode == 0, out.stderr


def test_an_old_clone_cannot_bring_an_erased_customer_back(remote: str, tmp_path: Path) -> None:
    a = SY.clone(remote, tmp_path / "a")
    b = SY.clone(remote, tmp_path / "b")  # the colleague's clone, from before the erasure
    saved = b.read(ERASED).text
    erase(a)
    S.git(a.repo.root, "push", "-q", "--force", "--all", "origin")
    assert not remote_mentions(remote, tmp_path, ERASED)
    SY.edit(b, "c-0001", last_name="Bergström")  # the colleague's own unpushed work
    out = SY.sync(b)
    assert out.returncode == 6, out.stdout + out.stderr
    assert ERASED in out.stderr and "clone it again" in out.stderr
    assert b.find_path("c-0001") in out.stderr  # their own changes are listed to be kept
    assert not remote_mentions(remote, tmp_path, ERASED)
    assert not (b.repo.root / ".git" / "MERGE_HEAD").exists()
    # the erasing clone (and every fresh clone) refuses the customer's records at every door
    f = tmp_path / "vanha.yaml"
    f.write_text(saved)
    added = S.koto(a.repo.root, "add", str(f))
    assert added.returncode == 5 and "erased" in added.stderr, added.stderr
    c = SY.clone(remote, tmp_path / "c")
    path = c.repo.root / b.find_path(ERASED)
    path.parent.mkdir(parents=True)
    path.write_text(saved)
    val = S.koto(c.repo.root, "validate", "--json")
    assert val.returncode != 0
    rules = {p["rule"] for p in json.loads(val.stdout)["problems"]}
    assert "erased-customer" in rules
    committed = S.koto(c.repo.root, "commit")
    assert committed.returncode == 5 and "erased" in committed.stderr
    S.git(c.repo.root, "add", str(path))
    hook = subprocess.run(
        ["git", "commit", "-qm", "takaisin"], cwd=c.repo.root, capture_output=True, text=True
    )
    assert hook.returncode != 0 and "erased" in hook.stderr, hook.stderr


def test_sync_before_the_force_push_refuses_to_merge_the_old_history(remote: str, tmp_path: Path) -> None:
    a = SY.clone(remote, tmp_path / "a")
    erase(a)
    out = SY.sync(a)  # the remote still holds the customer: merging it back would undo the erasure
    assert out.returncode == 6, out.stdout + out.stderr
    assert "push --force" in out.stderr
    assert ERASED not in S.git(a.repo.root, "log", "HEAD", "--format=", "--name-only")
    assert a.read("c-0001")  # nothing else was touched
    S.git(a.repo.root, "push", "-q", "--force", "--all", "origin")
    assert SY.sync(a).returncode == 0


def test_ci_command_of_koto_init_rejects_a_push_that_brings_one_back(remote: str, tmp_path: Path) -> None:
    """A colleague who pushes with plain git (no koto) past everything: the CI job fails."""
    a = SY.clone(remote, tmp_path / "a")
    b = SY.clone(remote, tmp_path / "b")
    erase(a)
    S.git(a.repo.root, "push", "-q", "--force", "--all", "origin")
    S.git(b.repo.root, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")  # plain git
    S.git(b.repo.root, "push", "-q", "origin", "HEAD:main")
    assert remote_mentions(remote, tmp_path, ERASED)  # plain git let it through...
    ci = tmp_path / "ci"
    S.git(tmp_path, "clone", "-q", remote, str(ci))
    workflow = yaml.safe_load((ci / ".github" / "workflows" / "koto-validate.yml").read_text())
    commands = [s["run"] for s in workflow["jobs"]["validate"]["steps"] if "run" in s and "koto" in s["run"]]
    assert commands[-1] == "koto validate"
    run = subprocess.run(commands[-1], shell=True, cwd=ci, capture_output=True, text=True)
    assert run.returncode != 0 and "erasures.yaml" in run.stdout + run.stderr  # ...the CI does not


def test_reason_is_checked_before_the_question_and_the_driver_refuses_an_erased_customer(
    tmp_path: Path,
) -> None:
    repo = S.make_repo(tmp_path / "r")
    store = Store(repo)
    store.save(S.customer("c-0001"))
    store.save(S.customer(ERASED, first="Toinen", hetu="020290-9016"))
    saved = store.read(ERASED)
    asked = subprocess.run(
        [S.KOTO, "erase", ERASED, "--reason", "pyysi, hetu 020290-9016"],
        cwd=repo.root,
        input="",
        capture_output=True,
        text=True,
    )
    assert asked.returncode == 2 and "Rewrite the whole history" not in asked.stdout
    assert S.koto(repo.root, "erase", ERASED, "--reason", "Asiakkaan pyyntö", "--yes").returncode == 0
    # Git would call the driver for an erased customer's record only if a history brought it back
    files = []
    for name, text in (("base", saved.text), ("ours", saved.text), ("theirs", saved.text + "# x\n")):
        files.append(tmp_path / name)
        files[-1].write_text(text)
    out = S.koto(repo.root, "merge-driver", *map(str, files), saved.path)
    assert out.returncode == 1
    note = json.loads((repo.root / ".git" / "koto" / "conflicts" / f"{ERASED}.json").read_text())
    assert any("erased" in p for p in note["problems"])


def test_sync_drop_erased_starts_an_old_clone_again_with_its_own_work(remote: str, tmp_path: Path) -> None:
    a = SY.clone(remote, tmp_path / "a")
    b = SY.clone(remote, tmp_path / "b")
    erase(a)
    S.git(a.repo.root, "push", "-q", "--force", "--all", "origin")
    SY.edit(a, "c-0001", first_names="Aapo")  # the remote moves on after the erasure
    assert SY.sync(a).returncode == 0
    SY.edit(b, "c-0001", last_name="Bergström")  # the old clone's own work: another field...
    b.save(S.customer("c-0005", first="Viides", hetu="050590-904M"))  # ...and a new customer
    assert SY.sync(b).returncode == 6
    out = S.koto(b.repo.root, "sync", "--drop-erased", "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(out.stdout)
    assert result["pushed"] and result["drop_erased"]["erased_customers_dropped"] == [ERASED]
    assert result["drop_erased"]["kept_aside"] == []
    assert not remote_mentions(remote, tmp_path, ERASED)
    objects = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"],
        cwd=b.repo.root,
        capture_output=True,
        check=True,
    ).stdout
    assert b"Toinen" not in objects and ERASED.encode() not in objects  # gone from the old clone too
    assert SY.sync(a).returncode == 0
    final = Store.open(a.repo.root)
    data = final.read("c-0001").data
    assert (data["first_names"], data["last_name"]) == ("Aapo", "Bergström")
    assert final.read("c-0005").data["first_names"] == "Viides"


def test_sync_drop_erased_rewrites_a_remote_that_got_them_back(remote: str, tmp_path: Path) -> None:
    """A colleague with plain git pushed the erased customer back, together with real work: `koto
    sync --drop-erased` drops them from the incoming history and keeps the colleague's work."""
    a = SY.clone(remote, tmp_path / "a")
    b = SY.clone(remote, tmp_path / "b")
    erase(a)
    S.git(a.repo.root, "push", "-q", "--force", "--all", "origin")
    SY.edit(b, "c-0001", last_name="Bergström")  # real work, pushed with plain git and the old history
    S.git(b.repo.root, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    S.git(b.repo.root, "push", "-q", "origin", "HEAD:main")
    assert remote_mentions(remote, tmp_path, ERASED)
    SY.edit(a, "c-0001", first_names="Aapo")
    refused = SY.sync(a)
    assert refused.returncode == 6 and "--drop-erased" in refused.stderr, refused.stderr
    out = S.koto(a.repo.root, "sync", "--drop-erased", "--json")
    assert out.returncode == 0, out.stdout + out.stderr
    result = json.loads(out.stdout)
    assert result["pushed"] and result["dropped_from_remote"] == [ERASED]
    assert not remote_mentions(remote, tmp_path, ERASED)
    fresh = SY.clone(remote, tmp_path / "fresh")
    data = fresh.read("c-0001").data
    assert (data["first_names"], data["last_name"]) == ("Aapo", "Bergström")
    assert S.koto(fresh.repo.root, "validate").returncode == 0
