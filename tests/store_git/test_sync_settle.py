"""Every way out of a sync conflict, through a real `git daemon` remote and two clones: `koto
resolve` (whole record, per field), an edit in place and `koto commit`, `koto sync --abort`, plain
`git pull` with text conflict markers, and koto run by its full path with `koto` not on PATH."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from kototieto.store.store import Store
from kototieto.store.yamlio import new_document_text
from tests.store_git import _support as S
from tests.store_git import test_sync as SY

remote = SY.remote  # the git daemon fixture

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)
    monkeypatch.setenv("KOTO_LANG", "en")  # the messages are asserted in English


def clone(url: str, dest: Path, name: str = "Testi Virkailija") -> Store:
    store: Store = SY.clone(url, dest)
    S.git(dest, "config", "user.name", name)
    S.git(dest, "config", "user.email", name.split()[0].lower() + "@example.org")
    return store


def parents(root: Path) -> int:
    return len(S.git(root, "rev-list", "--parents", "-n1", "HEAD").split()) - 1


def in_merge(root: Path) -> bool:
    return (root / ".git" / "MERGE_HEAD").exists()


def guidance_conflict(remote: str, tmp_path: Path) -> tuple[Store, Store]:
    """Clones a and b; both changed other_matters of gdn-0001 (a pushed first); b's sync stopped."""
    a = clone(remote, tmp_path / "a", "Aino Ahonen")
    a.save(SY._guidance("c-0001"))
    assert SY.sync(a).returncode == 0
    b = clone(remote, tmp_path / "b", "Bertta Berg")
    SY.edit(a, "gdn-0001", other_matters="Kysyi asumisesta.", date="2026-11-04")
    SY.edit(b, "gdn-0001", other_matters="Kysyi töistä.")
    assert SY.sync(a).returncode == 0
    out = SY.sync(b)
    assert out.returncode == 6, out.stdout + out.stderr
    assert "CONFLICT gdn-0001" in out.stdout and "Nothing to push" not in out.stdout
    return a, b


def test_resolve_checks_against_the_customers_records_and_commits_the_merge(
    remote: str, tmp_path: Path
) -> None:
    a, b = guidance_conflict(remote, tmp_path)
    res = S.koto(b.repo.root, "resolve", "gdn-0001", "--take", "theirs", "--json")
    assert res.returncode == 0, res.stdout + res.stderr  # was: "customer ... not found"
    out = json.loads(res.stdout)
    assert out["merge_committed"] and out["remaining_conflicts"] == 0
    assert parents(b.repo.root) == 2 and not in_merge(b.repo.root)
    assert SY.sync(b).returncode == 0
    assert SY.sync(a).returncode == 0
    for s in (a, b):
        data = Store.open(s.repo.root).read("gdn-0001").data
        assert (data["other_matters"], data["date"]) == ("Kysyi asumisesta.", "2026-11-04")


def test_resolve_field_by_field(remote: str, tmp_path: Path) -> None:
    a = clone(remote, tmp_path / "a")
    b = clone(remote, tmp_path / "b")
    SY.edit(a, "c-0001", last_name="Aaltonen", first_names="Aapo")
    SY.edit(b, "c-0001", last_name="Berg", first_names="Bertil")
    assert SY.sync(a).returncode == 0
    assert SY.sync(b).returncode == 6
    bad = S.koto(b.repo.root, "resolve", "c-0001", "--field", "last_name=ours")
    assert bad.returncode == 2 and "first_names" in bad.stderr  # a field left unsettled: nothing written
    assert in_merge(b.repo.root)
    res = S.koto(
        b.repo.root, "resolve", "c-0001", "--field", "last_name=theirs", "--field", "first_names=Bert Olof"
    )
    assert res.returncode == 0, res.stderr
    assert parents(b.repo.root) == 2
    assert SY.sync(b).returncode == 0
    data = Store.open(b.repo.root).read("c-0001").data
    assert (data["last_name"], data["first_names"]) == ("Aaltonen", "Bert Olof")
    assert "koto-conflict" not in (b.repo.root / b.read("c-0001").path).read_text()


def test_edit_in_place_and_koto_commit_completes_the_merge(remote: str, tmp_path: Path) -> None:
    a, b = guidance_conflict(remote, tmp_path)
    f = b.repo.root / Store.open(b.repo.root).find_path("gdn-0001")
    text = f.read_text()
    assert text.startswith("# koto-conflict: other_matters:")
    f.write_text(text.replace("other_matters: Kysyi töistä.", "other_matters: Kysyi töistä ja asumisesta."))
    kept = S.koto(b.repo.root, "commit", "-m", "sovittu")  # the conflict lines are still there
    assert kept.returncode == 6 and "koto-conflict" in kept.stderr and in_merge(b.repo.root)
    f.write_text("".join(line for line in f.read_text().splitlines(True) if "koto-conflict" not in line))
    out = S.koto(b.repo.root, "commit", "-m", "sovittu")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Merge committed" in out.stdout
    assert parents(b.repo.root) == 2 and not in_merge(b.repo.root)
    assert "koto-conflict" not in f.read_text()
    assert S.koto(b.repo.root, "conflicts").stdout.strip() == "No conflicts."
    assert SY.sync(b).returncode == 0
    assert SY.sync(a).returncode == 0
    data = Store.open(a.repo.root).read("gdn-0001").data
    assert (data["other_matters"], data["date"]) == ("Kysyi töistä ja asumisesta.", "2026-11-04")


def test_writes_during_a_merge_are_refused_and_sync_abort_gets_out(remote: str, tmp_path: Path) -> None:
    _a, b = guidance_conflict(remote, tmp_path)
    before = S.git(b.repo.root, "rev-parse", "HEAD")
    ahead = S.git(b.repo.root, "rev-parse", "origin/main")
    new = tmp_path / "new.yaml"
    new.write_text(new_document_text(S.customer("c-0009", hetu="090990-904E"), "x.json"))  # records are YAML
    refused = S.koto(b.repo.root, "add", str(new))
    assert refused.returncode == 6 and "sync --abort" in refused.stderr
    assert S.git(b.repo.root, "rev-parse", "HEAD") == before
    out = S.koto(b.repo.root, "sync", "--abort")
    assert out.returncode == 0, out.stderr
    assert not in_merge(b.repo.root) and S.git(b.repo.root, "status", "--porcelain") == ""
    assert S.git(b.repo.root, "rev-parse", "HEAD") == before != ahead
    assert S.koto(b.repo.root, "sync", "--abort").returncode == 7  # nothing to abort
    assert S.koto(b.repo.root, "conflicts").stdout.strip() == "No conflicts."


def test_conflicts_show_both_values_with_who_and_when(remote: str, tmp_path: Path) -> None:
    a, b = guidance_conflict(remote, tmp_path)
    listed = json.loads(S.koto(b.repo.root, "conflicts", "--json").stdout)
    (field,) = listed[0]["fields"]
    assert (field["ours"], field["theirs"]) == ("Kysyi töistä.", "Kysyi asumisesta.")
    assert field["ours_by"]["name"] == "Bertta Berg" and field["theirs_by"]["name"] == "Aino Ahonen"
    assert field["theirs_by"]["commit"] == S.git(a.repo.root, "rev-parse", "HEAD").strip()
    text = S.koto(b.repo.root, "conflicts").stdout
    assert "Bertta Berg" in text and "Aino Ahonen" in text and "koto resolve gdn-0001" in text
    # the time as `koto log` writes it (local time, d.m.yyyy HH:MM), ISO only in --json
    when = dt.datetime.fromisoformat(field["theirs_by"]["date"]).astimezone()
    fi = S.koto(b.repo.root, "conflicts", env={"KOTO_LANG": "fi"}).stdout
    assert f"Aino Ahonen, {when.day}.{when.month}.{when.year} {when:%H:%M}," in fi
    assert "+00:00" not in text and "T" in field["theirs_by"]["date"]  # ISO in --json


def test_plain_git_pull_conflict_markers_are_recognised_and_settled(remote: str, tmp_path: Path) -> None:
    a = clone(remote, tmp_path / "a")
    S.git(tmp_path, "clone", "-q", remote, str(tmp_path / "b"))  # plain clone: no merge driver
    b = Store.open(tmp_path / "b")
    SY.edit(a, "c-0001", last_name="Aaltonen")
    SY.edit(b, "c-0001", last_name="Berg")
    assert SY.sync(a).returncode == 0
    S.git(b.repo.root, "pull", "-q", "--no-rebase", "origin", "main", check=False)
    path = b.read("c-0001").path
    assert "<<<<<<<" in (b.repo.root / path).read_text()
    val = S.koto(b.repo.root, "validate", "--lang", "en")
    assert val.returncode != 0
    assert "conflict markers" in val.stdout + val.stderr and "koto sync --abort" in val.stdout + val.stderr
    com = S.koto(b.repo.root, "commit")
    assert com.returncode != 0 and "conflict markers" in com.stderr and "Traceback" not in com.stderr
    listed = S.koto(b.repo.root, "conflicts")
    assert listed.returncode == 0 and "merged it field by field" in listed.stdout
    assert "last_name" in listed.stdout
    res = S.koto(b.repo.root, "resolve", "c-0001", "--take", "ours")
    assert res.returncode == 0, res.stderr
    assert parents(b.repo.root) == 2
    assert SY.sync(b).returncode == 0
    assert SY.sync(a).returncode == 0
    assert Store.open(a.repo.root).read("c-0001").data["last_name"] == "Berg"


def test_plain_git_pull_then_sync_merges_field_by_field(remote: str, tmp_path: Path) -> None:
    """Markers in a record where the fields do not collide: `koto sync` finishes the merge."""
    a = clone(remote, tmp_path / "a")
    S.git(tmp_path, "clone", "-q", remote, str(tmp_path / "b"))
    b = Store.open(tmp_path / "b")
    SY.edit(a, "c-0001", last_name="Aaltonen")
    SY.edit(b, "c-0001", first_names="Bertta")
    assert SY.sync(a).returncode == 0
    S.git(b.repo.root, "pull", "-q", "--no-rebase", "origin", "main", check=False)
    if not in_merge(b.repo.root):  # git merged the neighbouring lines itself
        pytest.skip("git merged without markers")
    out = SY.sync(b)
    assert out.returncode == 0, out.stdout + out.stderr
    assert parents(b.repo.root) == 2 and not in_merge(b.repo.root)
    data = Store.open(b.repo.root).read("c-0001").data
    assert (data["first_names"], data["last_name"]) == ("Bertta", "Aaltonen")


def test_merge_driver_and_hook_work_when_koto_is_not_on_path(remote: str, tmp_path: Path) -> None:
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin"}
    assert not any((Path(p) / "koto").exists() for p in env["PATH"].split(":"))
    koto = S.KOTO
    roots = []
    for name in ("a", "b"):
        S.git(tmp_path, "clone", "-q", remote, str(tmp_path / name))
        assert S.koto(tmp_path / name, "upgrade", env=env).returncode == 0
        roots.append(tmp_path / name)
    a, b = (Store.open(r) for r in roots)
    SY.edit(a, "c-0001", last_name="Aaltonen")
    SY.edit(b, "c-0001", last_name="Berg", first_names="Bertta")
    assert S.koto(a.repo.root, "sync", env=env).returncode == 0
    out = S.koto(b.repo.root, "sync", env=env)
    assert out.returncode == 6, out.stdout + out.stderr
    path = b.read("c-0001").path
    text = (b.repo.root / path).read_text()
    assert "<<<<<<<" not in text and text.startswith("# koto-conflict: last_name")  # the driver ran
    res = S.koto(b.repo.root, "resolve", "c-0001", "--take", "theirs", env=env)
    assert res.returncode == 0, res.stderr
    assert S.koto(b.repo.root, "sync", env=env).returncode == 0
    data = Store.open(b.repo.root).read("c-0001").data
    assert (data["first_names"], data["last_name"]) == ("Bertta", "Aaltonen")
    # the hook runs the installation by its path: a staged invalid record is refused
    f = b.repo.root / path
    f.write_text(f.read_text().replace("last_name: Aaltonen", "last_name: 12"))
    S.git(b.repo.root, "add", path)
    run = subprocess.run(
        ["git", "commit", "-qm", "x"],
        cwd=b.repo.root,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    assert run.returncode != 0 and "last_name" in run.stderr, run.stderr
    assert S.git(b.repo.root, "log", "-1", "--format=%s").strip() != "x"
    hook = (b.repo.root / ".git" / "hooks" / "pre-commit").read_text()
    assert os.path.dirname(koto) in hook
