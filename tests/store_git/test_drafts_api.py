"""The drafts library API (``kototieto.store.drafts``), in-process: what the web app uses too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import NothingToDoError
from kototieto.store import drafts


def test_create_list_load_discard(data_repo: Any) -> None:
    repo = data_repo
    d = drafts.create_draft(
        repo, record_id="c-0a0a0a0a", kind="customer", customer="c-0a0a0a0a", command="new", text="x: 1\n"
    )
    assert d.file == repo.root / ".koto/drafts/c-0a0a0a0a.yaml" and d.text() == "x: 1\n"
    assert (repo.root / ".koto/.gitignore").read_text().splitlines()[-1] == "*"
    with pytest.raises(drafts.DraftExistsError) as info:
        drafts.create_draft(
            repo, record_id="c-0a0a0a0a", kind="customer", customer="c-0a0a0a0a", command="new", text="y\n"
        )
    assert str(d.file) in str(info.value)
    assert drafts.load_draft(repo, "c-0a0a0a0a") == d
    assert [x.record_id for x in drafts.list_drafts(repo)] == ["c-0a0a0a0a"]
    assert drafts.draft_for_file(repo, d.file) == d
    assert drafts.draft_for_file(repo, repo.root / "koto.yaml") is None
    moved = drafts.write_draft(d, "x: 2\n", base_blob="abc", base_commit="def")
    assert drafts.load_draft(repo, "c-0a0a0a0a") == moved and moved.base_blob == "abc"
    assert drafts.discard_draft(repo, "c-0a0a0a0a") is True
    assert drafts.load_draft(repo, "c-0a0a0a0a") is None and drafts.list_drafts(repo) == []


def test_a_draft_in_the_old_place_is_moved_not_lost(data_repo: Any) -> None:
    repo = data_repo
    old = Path(repo.git_dir) / "koto/drafts/pln-20261216-0001.yaml"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text("typed: text\n")
    kept = drafts.list_drafts(repo)
    assert [(d.record_id, d.command, d.text()) for d in kept] == [
        ("pln-20261216-0001", "legacy", "typed: text\n")
    ]
    assert not old.exists()


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "ed.py"
    script.write_text(f"import sys\nopen(sys.argv[1], 'w').write({body!r})\n")
    import sys

    return f"{sys.executable} {script}"


def test_edit_loop_keeps_typed_work_unless_emptied(data_repo: Any, tmp_path: Path) -> None:
    repo = data_repo
    d = drafts.create_draft(
        repo, record_id="c-0b0b0b0b", kind="customer", customer="c-0b0b0b0b", command="new", text="a: 1\n"
    )

    def refuse(body: str, draft: drafts.Draft) -> None:
        raise AssertionError("not reached")

    # untouched: nothing typed, the draft goes
    with pytest.raises(NothingToDoError) as info:
        drafts.edit_loop(repo, d, refuse, editor="true")
    assert not isinstance(info.value, drafts.DraftKeptError) and drafts.load_draft(repo, d.record_id) is None
    # a resumed draft (typed text differs from the pristine one) closed unchanged: kept
    d = drafts.create_draft(
        repo, record_id="c-0b0b0b0b", kind="customer", customer="c-0b0b0b0b", command="new", text="a: 1\n"
    )
    d = drafts.write_draft(d, "a: 2\n")
    with pytest.raises(drafts.DraftKeptError) as kept:
        drafts.edit_loop(repo, d, refuse, editor="true")
    assert str(d.file) in str(kept.value) and drafts.load_draft(repo, d.record_id) is not None
    # emptied: the explicit cancel
    with pytest.raises(NothingToDoError):
        drafts.edit_loop(repo, d, refuse, editor=_editor(tmp_path, ""))
    assert drafts.load_draft(repo, d.record_id) is None


def test_erasing_a_customer_removes_their_drafts_only(data_repo: Any) -> None:
    from kototieto.store.erase import erase_customer
    from kototieto.store.store import Store
    from kototieto.store.yamlio import new_document_text
    from tests.store_git import _support as S

    repo = data_repo
    store = Store.open(repo.root)
    for cid, hetu in (("c-0c0c0c0c", "010190-900P"), ("c-0d0d0d0d", "020190-901C")):
        store.save_text(new_document_text(S.customer(cid, hetu=hetu), None), must_be_new=True)
    for cid in ("c-0c0c0c0c", "c-0d0d0d0d"):
        drafts.create_draft(repo, record_id=cid, kind="customer", customer=cid, command="edit", text="x\n")
    legacy = Path(repo.git_dir) / "koto/drafts/asm-20261202-0001.yaml"
    legacy.parent.mkdir(parents=True, exist_ok=True)
    legacy.write_text("customer: c-0c0c0c0c\nid: asm-20261202-0001\n")
    erase_customer(store.repo, "c-0c0c0c0c", "Asiakkaan pyyntö")
    assert [d.record_id for d in drafts.list_drafts(repo)] == ["c-0d0d0d0d"]


def test_a_stale_save_does_not_call_the_base_value_yours(data_repo: Any) -> None:
    """Review B6: the field a colleague changed is not shown with its old value as "yours"."""
    from kototieto.errors import ConflictError
    from kototieto.store.store import Store
    from kototieto.store.yamlio import new_document_text
    from tests.store_git import _support as S

    store = Store.open(data_repo.root)
    v1 = store.save_text(new_document_text(S.customer("c-0e0e0e0e"), None), must_be_new=True)
    store.save(dict(v1.data, first_names="Kalle"))
    mine = v1.text.replace("last_name: Asiakas", "last_name: Minun")
    with pytest.raises(ConflictError) as info:
        store.save_text(mine, path=v1.path, expected_version=v1.blob_id)
    line = next(x for x in str(info.value).splitlines() if "first_names" in x)
    assert "'Kalle'" in line and "Testi" not in line


def test_each_owner_keeps_their_own_drafts_and_no_name_leaves_the_folder(data_repo: Any) -> None:
    repo = data_repo
    args = {"record_id": "c-0c0c0c0c", "kind": "customer", "customer": "c-0c0c0c0c", "command": "new"}
    local = drafts.create_draft(repo, **args, text="local: 1\n")
    aino = drafts.create_draft(repo, **args, text="aino: 1\n", owner="aino")
    evil = drafts.create_draft(repo, **args, text="evil: 1\n", owner="../../x/..")
    assert local.file == repo.root / ".koto/drafts/c-0c0c0c0c.yaml"
    users = repo.root / ".koto/drafts/users"
    assert aino.file.parent.parent == users and evil.file.parent.parent == users
    assert evil.file.parent.name == drafts.owner_folder("../../x/..") == "x-" + evil.file.parent.name[-12:]
    assert drafts.owner_folder("Aino") != drafts.owner_folder("aino")
    assert [d.text() for d in (drafts.load_draft(repo, "c-0c0c0c0c", o) for o in (None, "aino"))] == [
        "local: 1\n",
        "aino: 1\n",
    ]
    assert drafts.load_draft(repo, "c-0c0c0c0c", "veera") is None and not (users / "veera").exists()
    assert [d.record_id for d in drafts.list_drafts(repo)] == ["c-0c0c0c0c"]  # koto drafts: the local's
    assert [d.owner for d in drafts.others_drafts(repo, "c-0c0c0c0c", "aino")] == [None, "../../x/.."]
    assert drafts.discard_draft(repo, "c-0c0c0c0c", "aino") is True
    assert drafts.load_draft(repo, "c-0c0c0c0c") is not None  # the others' are kept
    assert drafts.discard_customer_drafts(repo, "c-0c0c0c0c") == 2  # koto erase: everyone's
    assert not [p for p in (repo.root / ".koto/drafts").rglob("*") if p.is_file()]
