"""Sync and field-by-field merges through a real remote: a bare repository served by `git daemon`
on 127.0.0.1, two clones editing the same and different records."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kototieto.store.store import Store
from tests.gitenv import GitDaemon

_spec = importlib.util.spec_from_file_location("store_git_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.fixture
def remote(tmp_path: Path, git_daemon: GitDaemon) -> str:
    """git://127.0.0.1:PORT/data.git holding a fresh data repository with one customer (a real
    ``git daemon``: the shared fixture of tests/conftest.py)."""
    origin = S.make_repo(tmp_path / "origin")
    store = Store(origin)
    store.save(S.customer("c-0001"))
    store.save(S.customer("c-0002", first="Toinen", hetu="020290-9016"))
    S.git(tmp_path, "clone", "-q", "--bare", str(origin.root), str(git_daemon.base / "data.git"))
    return git_daemon.url("data.git")


def clone(url: str, dest: Path) -> Store:
    S.git(dest.parent, "clone", "-q", url, str(dest))
    assert S.koto(dest, "upgrade").returncode == 0  # installs the merge driver and the hook
    return Store.open(dest)


def edit(store: Store, rid: str, **changes: Any) -> None:
    view = store.read(rid)
    store.save(dict(view.data, **changes), expected_version=view.blob_id)


def sync(store: Store) -> subprocess.CompletedProcess[str]:
    return S.koto(store.repo.root, "sync")


def test_different_fields_of_one_record_merge_cleanly(remote: str, tmp_path: Path) -> None:
    a, b = clone(remote, tmp_path / "a"), clone(remote, tmp_path / "b")
    path = a.read("c-0001").path
    f = a.repo.root / path
    f.write_text(f.read_text().replace("first_names: Testi", "first_names: Testi  # tarkistettu"))
    a.save_text(f.read_bytes(), path=path, from_worktree=True)
    edit(a, "c-0001", last_name="Ahonen")
    edit(b, "c-0001", first_names="Bertta")
    assert sync(a).returncode == 0
    out = sync(b)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Merged" in out.stdout and "Pushed" in out.stdout
    assert sync(a).returncode == 0
    for s in (a, b):
        data = Store.open(s.repo.root).read("c-0001").data
        assert (data["first_names"], data["last_name"]) == ("Bertta", "Ahonen")
        assert S.git(s.repo.root, "status", "--porcelain") == ""
    assert S.git(a.repo.root, "rev-parse", "HEAD") == S.git(b.repo.root, "rev-parse", "HEAD")


def test_same_field_changed_differently_is_a_field_conflict(remote: str, tmp_path: Path) -> None:
    a, b = clone(remote, tmp_path / "a"), clone(remote, tmp_path / "b")
    edit(a, "c-0001", last_name="Aaltonen", first_names="Sama")
    edit(b, "c-0001", last_name="Berg", first_names="Sama")
    assert sync(a).returncode == 0
    out = sync(b)
    assert out.returncode == 6, out.stdout + out.stderr
    assert "CONFLICT c-0001" in out.stdout and "last_name" in out.stdout
    listed = json.loads(S.koto(b.repo.root, "conflicts", "--json").stdout)
    assert [(c["id"], [f["path"] for f in c["fields"]]) for c in listed] == [("c-0001", ["last_name"])]
    field = listed[0]["fields"][0]
    assert (field["base"], field["ours"], field["theirs"]) == ("Asiakas", "Berg", "Aaltonen")
    text = (b.repo.root / listed[0]["path"]).read_text()
    assert text.startswith("# koto-conflict: last_name:")
    assert S.koto(b.repo.root, "sync").returncode == 6  # refuses while the merge is open
    res = S.koto(b.repo.root, "resolve", "c-0001", "--take", "theirs")
    assert res.returncode == 0, res.stderr
    assert "Merge committed" in res.stdout
    assert json.loads(S.koto(b.repo.root, "conflicts", "--json").stdout) == []
    assert sync(b).returncode == 0
    assert sync(a).returncode == 0
    for s in (a, b):
        assert Store.open(s.repo.root).read("c-0001").data["last_name"] == "Aaltonen"
        assert "koto-conflict" not in (s.repo.root / listed[0]["path"]).read_text()


def test_resolve_with_ours_and_different_records(remote: str, tmp_path: Path) -> None:
    a = clone(remote, tmp_path / "a")
    S.git(tmp_path, "clone", "-q", remote, str(tmp_path / "b"))  # plain clone: sync installs the driver
    b = Store.open(tmp_path / "b")
    edit(a, "c-0001", last_name="Aaltonen")
    edit(b, "c-0001", last_name="Berg")
    edit(b, "c-0002", last_name="Toisen")
    a.save(S.customer("c-0003", hetu="030390-902N"))
    assert sync(a).returncode == 0
    assert sync(b).returncode == 6
    assert S.koto(b.repo.root, "resolve", "c-0001", "--take", "ours").returncode == 0
    assert sync(b).returncode == 0
    assert sync(a).returncode == 0
    final = Store.open(a.repo.root)
    assert final.read("c-0001").data["last_name"] == "Berg"
    assert final.read("c-0002").data["last_name"] == "Toisen"
    assert final.read("c-0003").data["first_names"] == "Testi"


def _guidance(customer: str) -> dict[str, Any]:
    official = {"name": "Aino Ohjaaja", "organisation": "Testikunta"}
    return {
        "kind": "guidance",
        "id": "gdn-0001",
        "customer": customer,
        "organisation": {"type": "municipality", "code": "091", "name": "Testikunta"},
        "date": "2026-11-02",
        "drawn_up_by": [official],
        "consent": {"given": True, "date": "2026-11-02", "informed": True},
        "other_matters": "Kysyi kielikursseista.",
    }


def test_a_record_referring_to_its_customer_merges_cleanly(remote: str, tmp_path: Path) -> None:
    """The merge driver checks the merged record against the customer's other records."""
    a = clone(remote, tmp_path / "a")
    a.save(_guidance("c-0001"))
    assert sync(a).returncode == 0
    b = clone(remote, tmp_path / "b")
    edit(a, "gdn-0001", other_matters="Kysyi kielikursseista ja asumisesta.")
    edit(b, "gdn-0001", date="2026-11-03")
    assert sync(a).returncode == 0
    out = sync(b)
    assert out.returncode == 0, out.stdout + out.stderr
    data = Store.open(b.repo.root).read("gdn-0001").data
    assert (data["other_matters"], data["date"]) == ("Kysyi kielikursseista ja asumisesta.", "2026-11-03")
    conflicts = S.koto(b.repo.root, "conflicts", "--json")
    assert conflicts.returncode == 0 and json.loads(conflicts.stdout) == []
