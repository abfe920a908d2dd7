"""The Store write path on real repositories: validation, commits, concurrency, roles."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pygit2
import pytest

from kototieto.errors import (
    ConflictError,
    InvalidInputError,
    InvalidRecordError,
    NotAllowedError,
    NothingToDoError,
)
from kototieto.store import gitcommit, layout
from kototieto.store.store import Store

_spec = importlib.util.spec_from_file_location("store_git_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    repo = S.make_repo(tmp_path / "r")
    return Store(repo)


def head(store: Store) -> str:
    commit = store.repo.head_commit()
    assert commit is not None
    return str(commit.id)


def test_save_commits_with_trailers_and_keeps_the_tree_clean(store: Store) -> None:
    view = store.save(S.customer("c-0001"), author="Liisa Virkailija <liisa@example.org>")
    assert view.path == layout.record_path("c-0001", "c-0001")
    root = store.repo.root
    assert (
        (root / view.path)
        .read_text()
        .startswith("# yaml-language-server: $schema=../../../schema/record.schema.json")
    )
    assert S.git(root, "status", "--porcelain") == ""
    msg = S.git(root, "log", "-1", "--format=%an <%ae>%n%B")
    assert msg.startswith("Liisa Virkailija <liisa@example.org>")
    for trailer in ("Record-Id: c-0001", "Record-Kind: customer", "Customer: c-0001", "Organisation: 091"):
        assert trailer in msg
    S.git(root, "fsck", "--strict")
    assert store.read("c-0001").data["last_name"] == "Asiakas"


def test_update_keeps_comments_and_reports_field_diff(store: Store) -> None:
    view = store.save(S.customer("c-0001"))
    root = store.repo.root
    path = root / view.path
    path.write_text(path.read_text().replace("last_name: Asiakas", "last_name: Asiakas  # tarkistettu"))
    store.save_text(path.read_bytes(), path=view.path, from_worktree=True)
    data = dict(store.read("c-0001").data, first_names="Uusi")
    store.save(data)
    text = path.read_text()
    assert "# tarkistettu" in text and "first_names: Uusi" in text
    changes = store.diff("c-0001")
    assert [(c.dotted, c.op, c.old, c.new) for c in changes] == [("first_names", "changed", "Testi", "Uusi")]
    assert len(store.log("c-0001")) == 3


def test_invalid_record_writes_and_commits_nothing(store: Store) -> None:
    before = head(store)
    wrong_place = layout.record_path("c-0009", "c-0009")
    from kototieto.store.yamlio import new_document_text

    with pytest.raises(InvalidRecordError) as info2:
        store.save_text(new_document_text(S.customer("c-0002"), None), path=wrong_place)
    problems = info2.value.problems
    assert problems and all(p.file == wrong_place for p in problems)
    assert {p.field for p in problems} >= {"id"}
    assert any(p.line is not None for p in problems)
    assert head(store) == before
    assert not (store.repo.root / wrong_place).exists()
    assert S.git(store.repo.root, "status", "--porcelain") == ""


def test_unparseable_text_is_refused_with_a_location(store: Store) -> None:
    before = head(store)
    with pytest.raises(InvalidInputError) as info:
        store.save_text(b"id: a\nid: b\n", path=layout.record_path("c-1", "c-1"))
    assert info.value.location is not None and info.value.location.line == 2
    assert head(store) == before


def test_stale_expected_version_is_a_conflict_listing_fields(store: Store) -> None:
    v1 = store.save(S.customer("c-0001"))
    store.save(dict(v1.data, last_name="Toinen"))
    with pytest.raises(ConflictError) as info:
        store.save(dict(v1.data, first_names="Kolmas"), expected_version=v1.blob_id)
    assert "last_name" in str(info.value) and "Toinen" in str(info.value)
    # a commit id works as the version too
    with pytest.raises(ConflictError):
        store.save(dict(v1.data, first_names="Kolmas"), expected_version=v1.commit_id)
    assert store.read("c-0001").data["first_names"] == "Testi"


def test_new_record_must_not_exist_and_no_change_is_nothing_to_do(store: Store) -> None:
    v = store.save(S.customer("c-0001"))
    with pytest.raises(ConflictError) as info:
        store.save_text(v.text, path=v.path, must_be_new=True)
    assert "already exists" in info.value.localized("en") and "on jo olemassa" in info.value.localized("fi")
    with pytest.raises(NothingToDoError):
        store.save(v.data)


def test_uncommitted_working_tree_edit_is_not_overwritten(store: Store) -> None:
    v = store.save(S.customer("c-0001"))
    f = store.repo.root / v.path
    f.write_text(f.read_text() + "# käsin\n")
    with pytest.raises(ConflictError) as info:
        store.save(dict(v.data, first_names="X"))
    assert "uncommitted" in info.value.localized("en") and "tallentamattomia" in info.value.localized("fi")
    assert f.read_text().endswith("# käsin\n")


def test_roles_refuse_writes_outside_the_organisations_role(tmp_path: Path) -> None:
    county = Store(S.make_repo(tmp_path / "hva", organisation_type="wellbeing-services-county"))
    before = head(county)
    with pytest.raises(NotAllowedError) as info:
        county.save(S.customer("c-0001"))
    assert "may not write 'customer'" in info.value.localized("en")
    keha = Store(S.make_repo(tmp_path / "keha", organisation_type="keha-centre"))
    with pytest.raises(NotAllowedError):
        keha.save(S.customer("c-0001"))
    muni = Store(S.make_repo(tmp_path / "kunta"), acting_type="wellbeing-services-county")
    with pytest.raises(NotAllowedError):
        muni.save(S.customer("c-0001"))
    assert head(county) == before


def test_annul_and_restore_are_new_versions(store: Store) -> None:
    v1 = store.save(S.customer("c-0001"))
    store.save(dict(v1.data, last_name="Muutettu"))
    annulled = store.annul("c-0001", "Kirjattu virheellisesti")
    assert annulled.data["annulment"]["reason"] == "Kirjattu virheellisesti"
    with pytest.raises(NothingToDoError):
        store.annul("c-0001", "uudestaan")
    restored = store.restore("c-0001", v1.commit_id)
    assert restored.data == v1.data
    assert len(store.log("c-0001")) == 4
    assert store.read(f"c-0001@{v1.commit_id}").data == v1.data


def test_swap_ref_is_compare_and_swap(store: Store) -> None:
    git = store.repo.git
    h = store.repo.head_commit()
    assert h is not None
    other = git.create_commit(None, h.author, h.author, "x", h.tree.id, [h.id])
    assert not gitcommit._swap_ref(git, "refs/heads/main", other, other, "m")  # stale expectation
    assert gitcommit._swap_ref(git, "refs/heads/main", other, h.id, "m")
    assert str(store.repo.head_commit().id) == str(other)  # type: ignore[union-attr]


def test_external_commit_between_reads_is_not_lost(store: Store) -> None:
    """A `git commit` that lands while koto prepares its commit is kept (CAS retry)."""
    v = store.save(S.customer("c-0001"))
    root = store.repo.root
    seen: list[str] = []

    def sneaky_check(current: pygit2.Commit | None) -> None:
        if not seen:  # first attempt: someone else commits right now
            (root / "notes.txt").write_text("x\n")
            S.git(root, "add", "notes.txt")
            S.git(root, "commit", "-q", "--no-verify", "-m", "external")
        seen.append(str(current.id) if current else "")

    text = v.text.replace("last_name: Asiakas", "last_name: Kilpailija").encode()
    gitcommit.commit_changes(store.repo, {v.path: text}, "mine\n", check=sneaky_check)
    log = S.git(root, "log", "--format=%s")
    assert log.splitlines()[:2] == ["mine", "external"]
    assert len(seen) == 2


WRITER = """
import importlib.util, sys, time
from pathlib import Path
spec = importlib.util.spec_from_file_location("support", sys.argv[1])
S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
from kototieto.store.store import Store
root, prefix, n, go = sys.argv[2], sys.argv[3], int(sys.argv[4]), Path(sys.argv[5])
store = Store.open(root)
while not go.exists():
    time.sleep(0.001)
for i in range(n):
    store.save(S.customer(f"{prefix}-{i:03d}"))
print("done", prefix)
"""


def test_processes_writing_different_records_at_once_all_succeed(store: Store, tmp_path: Path) -> None:
    """Three OS processes save 8 records each at the same moment: 24 commits, none lost."""
    import subprocess
    import sys

    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    go = tmp_path / "go"
    support = str(Path(__file__).with_name("_support.py"))
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), support, str(store.repo.root), prefix, "8", str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for prefix in ("a", "b", "c")
    ]
    go.write_text("go")
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    assert all("index.lock" not in err for _, err in results)
    log = S.git(store.repo.root, "log", "--format=%s").splitlines()
    assert len([m for m in log if m.startswith("Add customer")]) == 24
    assert len(S.git(store.repo.root, "ls-files", "customers").split()) == 24
    assert S.git(store.repo.root, "status", "--porcelain") == ""
    S.git(store.repo.root, "fsck", "--strict")


def test_repository_config_feeds_the_rule_parameters(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    assert Store(repo).params().allow_real_identity_codes.value is False
    cfg = repo.root / "koto.yaml"
    cfg.write_text(
        cfg.read_text().replace("allow_real_identity_codes: false", "allow_real_identity_codes: true")
    )
    assert Store.open(repo.root).params().allow_real_identity_codes.value is True
    cfg.write_text(cfg.read_text().replace("rules: {}", "rules: {no_such_rule: 1}"))
    with pytest.raises(InvalidInputError, match=r"koto\.yaml"):
        Store.open(repo.root).save(S.customer("c-0001"))


def test_import_refreshes_the_commit_graph_and_schema_link_resolves(store: Store) -> None:
    from kototieto.store.yamlio import new_document_text

    texts = []
    for i in range(5):
        data = S.customer(f"c-{i:04d}")
        path = layout.record_path(data["id"], data["id"])
        texts.append(new_document_text(data, layout.schema_url_for(path)).encode())
    store.import_records(texts, message="import\n")
    assert S.git(store.repo.root, "status", "--porcelain") == ""
    graphs = store.repo.git_dir / "objects" / "info"
    files = [graphs / "commit-graph", *(graphs / "commit-graphs").glob("*.graph")]
    chunks = b"".join(f.read_bytes() for f in files if f.exists())
    assert b"BDAT" in chunks and b"BIDX" in chunks  # changed-path Bloom filters
    S.git(store.repo.root, "commit-graph", "verify")
    rec = store.repo.root / layout.record_path("c-0001", "c-0001")
    first = rec.read_text().splitlines()[0]
    url = first.split("$schema=")[1]
    assert (rec.parent / url).resolve() == (store.repo.root / "schema/record.schema.json").resolve()
    assert len(store.log("c-0003")) == 1


def test_index_follows_a_batch_of_saves(store: Store) -> None:
    """In a batch the index is written once at the end; a journal left behind is applied later."""
    from kototieto.store import indexsync

    with store.batch():
        for i in range(6):
            store.save(S.customer(f"c-{i:04d}"))
        assert (store.repo.koto_dir / indexsync.JOURNAL).exists()
    assert not (store.repo.koto_dir / indexsync.JOURNAL).exists()
    assert S.git(store.repo.root, "status", "--porcelain") == ""
    # a journal left behind (a process killed between its commit and its index write)
    old = store.read("c-0001")
    v = store.save(dict(old.data, last_name="Uusi"))
    S.git(store.repo.root, "update-index", "--cacheinfo", f"100644,{old.blob_id},{v.path}")
    (store.repo.koto_dir / indexsync.JOURNAL).write_text(v.path + "\n")
    assert S.git(store.repo.root, "status", "--porcelain") != ""
    indexsync.flush(store.repo)
    assert S.git(store.repo.root, "status", "--porcelain") == ""
    # an edit in progress in the working tree stays an unstaged change
    with store.batch():
        v2 = store.save(dict(store.read("c-0002").data, last_name="Toinen"))
        (store.repo.root / v2.path).write_text(v2.text + "# kesken\n")
    assert S.git(store.repo.root, "status", "--porcelain").strip() == f"M {v2.path}"


def test_merge_driver_merges_fields_and_survives_hostile_input(store: Store, tmp_path: Path) -> None:
    from kototieto.store.conflicts import run_driver
    from kototieto.store.yamlio import new_document_text

    base = S.customer("c-0001")
    path = layout.record_path("c-0001", "c-0001")
    files = {}
    for name, data in (
        ("O", base),
        ("A", dict(base, first_names="Oma")),
        ("B", dict(base, last_name="Heidän")),
    ):
        files[name] = tmp_path / name
        files[name].write_text(new_document_text(data, layout.schema_url_for(path)))
    files["A"].write_text(files["A"].read_text().replace("first_names: Oma", "first_names: Oma  # huom"))
    assert run_driver(store.repo.root, files["O"], files["A"], files["B"], path) == 0
    merged = files["A"].read_text()
    assert "first_names: Oma  # huom" in merged and "last_name: Heidän" in merged
    # the same field on both sides: exit 1, our value kept, a note per field
    files["A"].write_text(new_document_text(dict(base, last_name="Oma"), None))
    assert run_driver(store.repo.root, files["O"], files["A"], files["B"], path) == 1
    assert files["A"].read_text().startswith('# koto-conflict: last_name: ours="Oma" theirs="Heidän"')
    # hostile input: an alias bomb, duplicate keys, a tag -> a conflict with a message, no crash
    for text in ("a: &x [1]\nb: *x\n", "id: a\nid: b\n", "x: !!python/object:os.system ls\n", "\x00"):
        files["B"].write_text(text)
        files["A"].write_text(new_document_text(base, None))
        assert run_driver(store.repo.root, files["O"], files["A"], files["B"], path) == 1
