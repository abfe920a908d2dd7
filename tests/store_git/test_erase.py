"""`koto erase`: afterwards no object holds the customer's name or identity code; the history of
the other customers is intact."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from kototieto.store.erase import customer_hash
from kototieto.store.store import Store

_spec = importlib.util.spec_from_file_location("store_git_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

pytestmark = pytest.mark.slow

SECRET_NAME = "Zyxwvutsson"
SECRET_HETU = "050590-904M"


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def all_objects(root: Path) -> bytes:
    return subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"], cwd=root, capture_output=True, check=True
    ).stdout


def history_of(root: Path, rid: str, store: Store) -> list[tuple[str, str, str]]:
    path = store.find_path(rid)
    out = S.git(root, "log", "--format=%an%x1f%aI%x1f%s", "--", path)
    contents = [json.dumps(store.read(rid, v.commit).data, sort_keys=True) for v in store.log(rid)]
    return [
        (*line.split("\x1f")[:1], line.split("\x1f")[2], c)
        for line, c in zip(out.splitlines(), contents, strict=True)
    ]


def test_erase_removes_every_trace_and_keeps_other_histories(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    store = Store(repo)
    store.save(S.customer("c-0001", first="Muu", last="Asiakas"))
    store.save(S.customer("c-0666", first="Salainen", last=SECRET_NAME, hetu=SECRET_HETU))
    edit = store.read("c-0001")
    store.save(dict(edit.data, first_names="Muutettu"))
    view = store.read("c-0666")
    store.save(dict(view.data, first_names="Salaisempi"))
    store.annul("c-0666", "Väärä henkilö")
    store.save(S.customer("c-0002", first="Kolmas", hetu="020290-9016"))
    S.git(repo.root, "remote", "add", "origin", str(tmp_path / "nowhere.git"))
    (repo.koto_dir / "drafts").mkdir(parents=True, exist_ok=True)
    (repo.koto_dir / "drafts" / "c-0666.yaml").write_text(f"last_name: {SECRET_NAME}\n")
    assert SECRET_NAME.encode() in all_objects(repo.root)
    before = {rid: history_of(repo.root, rid, store) for rid in ("c-0001", "c-0002")}
    assert len(before["c-0001"]) == 2

    refused = S.koto(repo.root, "erase", "c-0666", "--reason", f"pyyntö {SECRET_HETU}", "--yes")
    assert refused.returncode == 2 and "must not contain" in refused.stderr
    out = S.koto(repo.root, "erase", "c-0666", "--reason", "Asiakkaan pyyntö (tietosuoja)", "--yes", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["records"] == 1 and result["remotes"] == ["origin"]
    assert any("force" in line for line in result["instructions"])

    blob = all_objects(repo.root)
    for secret in (SECRET_NAME, SECRET_HETU, "Salaisempi", "c-0666"):
        assert secret.encode() not in blob, secret
    assert not any(
        SECRET_NAME in p.read_text(errors="ignore") for p in repo.koto_dir.rglob("*") if p.is_file()
    )
    after_store = Store.open(repo.root)
    after = {rid: history_of(repo.root, rid, after_store) for rid in ("c-0001", "c-0002")}
    assert after == before
    log = yaml.safe_load((repo.root / "erasures.yaml").read_text())
    assert log[0]["customer_sha256"] == customer_hash("c-0666")
    assert log[0]["reason"] == "Asiakkaan pyyntö (tietosuoja)"
    assert S.git(repo.root, "remote").split() == ["origin"]
    assert S.git(repo.root, "status", "--porcelain") == ""
    S.git(repo.root, "fsck", "--strict", "--no-dangling")


def test_erase_refuses_unknown_customer_and_dirty_tree(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    store = Store(repo)
    v = store.save(S.customer("c-0001"))
    assert S.koto(repo.root, "erase", "c-0404", "--reason", "x", "--yes").returncode == 3
    (repo.root / v.path).write_text(v.text + "# kesken\n")
    assert S.koto(repo.root, "erase", "c-0001", "--reason", "x", "--yes").returncode == 6


def test_erase_in_the_process_that_indexed_leaves_no_id_behind(tmp_path: Path) -> None:
    """As `koto demo` does: the store indexes ids, erases in the same process, then exits. The id
    index this process held of the old history must not be written back at exit."""
    from kototieto.store import idindex
    from kototieto.store.erase import erase_customer

    repo = S.make_repo(tmp_path / "r")
    store = Store(repo)
    store.save(S.customer("c-0001", first="Muu", last="Asiakas"))
    store.save(S.customer("c-0666", first="Salainen", last=SECRET_NAME, hetu=SECRET_HETU))
    store.save(dict(store.read("c-0001").data, first_names="Muutettu"))  # the index is now in memory
    assert store.find_path("c-0666")
    erase_customer(repo, "c-0666", "Asiakkaan pyyntö (tietosuoja)")
    idindex.flush()  # what the process does at exit
    index = repo.koto_dir / "ids.json"
    assert not index.exists() or "c-0666" not in index.read_text()
    fresh = Store.open(repo.root)
    assert fresh.find_path("c-0001")
    idindex.flush()
    assert "c-0666" not in (index.read_text() if index.exists() else "")
