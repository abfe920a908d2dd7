"""One person, one customer: the store's one pipeline refuses a customer record whose identity code
another customer that is not annulled has (``duplicate-identity``), on every way in (`koto add`,
`koto commit`, the pre-commit hook, `koto validate`), using the identity index in .git/koto/, which
`koto erase` clears of the erased customer and which is rebuilt when missing.

Only synthetic identity codes (individual numbers 900-999)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kototieto.store import layout
from kototieto.store.store import Store
from kototieto.store.yamlio import new_document_text

_spec = importlib.util.spec_from_file_location("store_git_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

pytestmark = pytest.mark.slow  # `koto` processes

CODE = "150388-931U"  # synthetic: individual number 931
OTHER = "010190-900P"
AUTHOR = "Aino Ohjaaja <aino@example.org>"


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def _text(cid: str, hetu: str, first: str = "Ilona", last: str = "Uusimaa") -> str:
    return new_document_text(
        S.customer(cid, first=first, last=last, hetu=hetu), "../../../schema/record.schema.json"
    )


def _outside(tmp_path: Path, cid: str, hetu: str, **kw: str) -> Path:
    f = tmp_path / f"{cid}.yaml"
    f.write_text(_text(cid, hetu, **kw), encoding="utf-8")
    return f


def _head(root: Path) -> str:
    return S.git(root, "rev-parse", "HEAD").strip()


def _koto_files(repo: Any) -> str:
    return "".join(p.read_text(errors="ignore") for p in repo.koto_dir.rglob("*") if p.is_file())


def test_koto_add_of_a_second_customer_with_the_same_code_is_refused(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    root = Path(repo.root)
    first = S.koto(root, "add", str(_outside(tmp_path, "c-0001", CODE)), "--author", AUTHOR)
    assert first.returncode == 0, first.stderr
    before = _head(root)
    # case and spaces do not make another person
    dup = S.koto(
        root, "add", str(_outside(tmp_path, "c-0002", CODE.lower(), first="Toinen")), "--author", AUTHOR
    )
    assert dup.returncode == 5, dup.stderr
    assert "identifier.value" in dup.stderr and "duplicate-identity" in dup.stderr
    assert "Uusimaa, Ilona (c-0001)" in dup.stderr and "nothing was written" in dup.stderr
    assert _head(root) == before
    assert S.git(root, "status", "--porcelain") == ""
    # in Finnish too, as --json problems
    fi = S.koto(root, "add", str(_outside(tmp_path, "c-0002", CODE)), "--json", env={"KOTO_LANG": "fi"})
    assert fi.returncode == 5
    assert "samaa henkilöä ei kirjata kahdesti" in fi.stderr + fi.stdout
    # another code: saved
    ok = S.koto(root, "add", str(_outside(tmp_path, "c-0002", OTHER)), "--author", AUTHOR)
    assert ok.returncode == 0, ok.stderr
    # koto commit of a working-tree edit that moves c-0001's code onto c-0002: refused
    f = root / layout.record_path("c-0002", "c-0002")
    f.write_text(f.read_text(encoding="utf-8").replace(OTHER, CODE), encoding="utf-8")
    moved = S.koto(root, "commit", str(f.relative_to(root)))
    assert moved.returncode == 5 and "c-0001" in moved.stderr and "duplicate-identity" in moved.stderr
    # the pre-commit hook refuses it too
    S.git(root, "add", str(f))
    hook = subprocess.run(["git", "commit", "-m", "by hand"], cwd=root, capture_output=True, text=True)
    assert hook.returncode != 0 and "duplicate-identity" in hook.stderr
    # koto check of the file in the repository names it as well
    checked = S.koto(root, "check", "--json", str(f))
    rules = [p["rule"] for p in json.loads(checked.stdout)["problems"]]
    assert checked.returncode == 5 and "duplicate-identity" in rules, checked.stdout


def test_editing_a_customer_keeps_working_and_an_annulled_customers_code_may_be_reused(
    tmp_path: Path,
) -> None:
    repo = S.make_repo(tmp_path / "r")
    store = Store(repo, author=AUTHOR)
    store.save(S.customer("c-0001", first="Ilona", last="Uusimaa", hetu=CODE))
    view = store.read("c-0001")
    edited = store.save(dict(view.data, first_names="Ilona Maria"))  # not a duplicate of itself
    assert edited.data["first_names"] == "Ilona Maria"
    store.annul("c-0001", "Kirjattu virheellisesti")
    again = store.save(S.customer("c-0002", first="Ilona", last="Uusimaa", hetu=CODE))
    assert again.id == "c-0002"
    # restoring the annulled customer would make two people of one: refused
    from kototieto.errors import InvalidRecordError

    with pytest.raises(InvalidRecordError) as refused:
        store.save({k: v for k, v in store.read("c-0001").data.items() if k != "annulment"})
    assert "c-0002" in str(refused.value.problems)


def test_koto_validate_finds_a_duplicate_committed_with_plain_git(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    root = Path(repo.root)
    store = Store(repo, author=AUTHOR)
    store.save(S.customer("c-0001", first="Ilona", last="Uusimaa", hetu=CODE))
    store.save(S.customer("c-0003", first="Muu", last="Asiakas", hetu=OTHER))
    assert S.koto(root, "validate").returncode == 0  # the cache now holds every file
    f = root / layout.record_path("c-0002", "c-0002")
    f.parent.mkdir(parents=True)
    f.write_text(_text("c-0002", CODE, first="Toinen", last="Kirjaus"), encoding="utf-8")
    S.git(root, "add", str(f))
    S.git(root, "commit", "-q", "--no-verify", "-m", "by hand, past the hook")
    for run in ("cold", "cached"):
        out = S.koto(root, "validate", "--json")
        assert out.returncode != 0, (run, out.stdout)
        found = [p for p in json.loads(out.stdout)["problems"] if p["rule"] == "duplicate-identity"]
        by_file = {p["file"]: p for p in found}
        assert set(by_file) == {layout.record_path("c-0001", "c-0001"), str(f.relative_to(root))}, run
        assert "Kirjaus, Toinen (c-0002)" in by_file[layout.record_path("c-0001", "c-0001")]["message"]
        assert "Uusimaa, Ilona (c-0001)" in by_file[str(f.relative_to(root))]["message"]
        assert all(p["path"] == "identifier.value" for p in found)
        assert len(found) == 2  # c-0003 is nobody's duplicate
    # the next write into the repository sees the plain-Git commit too (index from the changed paths)
    with pytest.raises(Exception, match="c-0002"):
        store.save(S.customer("c-0004", hetu=CODE))


def test_the_identity_index_is_rebuilt_when_missing_or_stale(tmp_path: Path) -> None:
    from kototieto.store import identityindex

    repo = S.make_repo(tmp_path / "r")
    root = Path(repo.root)
    assert S.koto(root, "add", str(_outside(tmp_path, "c-0001", CODE)), "--author", AUTHOR).returncode == 0
    index = repo.koto_dir / identityindex.INDEX_FILE
    stored = json.loads(index.read_text())
    assert stored["format"] == 1 and stored["tree"] == S.git(root, "rev-parse", "HEAD^{tree}").strip()
    assert stored["customers"] == {layout.record_path("c-0001", "c-0001"): f"personal-identity-code {CODE}"}
    index.unlink()
    refused = S.koto(root, "add", str(_outside(tmp_path, "c-0002", CODE)))
    assert refused.returncode == 5 and "c-0001" in refused.stderr
    assert CODE in index.read_text()
    index.write_text('{"format": 1, "tree": "0000000000000000000000000000000000000000", "customers": {}}')
    refused = S.koto(root, "add", str(_outside(tmp_path, "c-0002", CODE)))
    assert refused.returncode == 5 and "c-0001" in refused.stderr
    index.write_text("not json")
    assert S.koto(root, "add", str(_outside(tmp_path, "c-0002", CODE))).returncode == 5


def test_erase_removes_the_customers_entry_from_the_identity_index(tmp_path: Path) -> None:
    from kototieto.store import identityindex

    secret = "050590-904M"
    repo = S.make_repo(tmp_path / "r")
    root = Path(repo.root)
    for cid, hetu in (("c-0001", OTHER), ("c-0666", secret)):
        assert S.koto(root, "add", str(_outside(tmp_path, cid, hetu)), "--author", AUTHOR).returncode == 0
    refused = S.koto(root, "add", str(_outside(tmp_path, "c-0002", secret)))  # the index holds it
    assert refused.returncode == 5 and "c-0666" in refused.stderr
    index = repo.koto_dir / identityindex.INDEX_FILE
    assert secret in index.read_text()
    out = S.koto(root, "erase", "c-0666", "--reason", "Asiakkaan pyyntö (tietosuoja)", "--yes")
    assert out.returncode == 0, out.stderr
    assert secret not in _koto_files(repo)  # no file under .git/koto holds the code
    # the other customer is still found, and the erased person may be recorded anew
    dup = S.koto(root, "add", str(_outside(tmp_path, "c-0003", OTHER)))
    assert dup.returncode == 5 and "c-0001" in dup.stderr
    assert S.koto(root, "add", str(_outside(tmp_path, "c-0002", secret)), "--author", AUTHOR).returncode == 0
    assert OTHER in index.read_text() and secret in index.read_text()


def test_erase_in_the_process_that_indexed_leaves_no_code_behind(tmp_path: Path) -> None:
    """The store indexes identities, erases in the same process, then exits (as `koto demo` may)."""
    from kototieto.store import identityindex
    from kototieto.store.erase import erase_customer

    secret = "050590-904M"
    repo = S.make_repo(tmp_path / "r")
    store = Store(repo, author=AUTHOR)
    store.save(S.customer("c-0001", hetu=OTHER))
    store.save(S.customer("c-0666", hetu=secret))
    store.save(dict(store.read("c-0001").data, first_names="Muutettu"))  # the index is in memory
    erase_customer(repo, "c-0666", "Asiakkaan pyyntö (tietosuoja)")
    identityindex.flush()  # what the process does at exit
    assert secret not in _koto_files(repo)
    fresh = Store.open(repo.root, author=AUTHOR)
    fresh.save(S.customer("c-0002", hetu=secret))
    identityindex.flush()
    with pytest.raises(Exception, match="c-0001"):
        fresh.save(S.customer("c-0003", hetu=OTHER))


def test_a_bulk_import_refuses_the_same_person_twice_within_it_and_against_the_repository(
    tmp_path: Path,
) -> None:
    from kototieto.errors import InvalidRecordError

    repo = S.make_repo(tmp_path / "r")
    store = Store(repo, author=AUTHOR)
    before = _head(Path(repo.root))
    twice = [_text("c-0001", CODE).encode(), _text("c-0002", CODE, first="Toinen").encode()]
    with pytest.raises(InvalidRecordError) as within:
        store.import_records(twice, message="import")
    assert {i.rule for i in within.value.problems} == {"duplicate-identity"}
    assert _head(Path(repo.root)) == before
    store.import_records(twice[:1], message="import")
    with pytest.raises(InvalidRecordError, match="c-0001"):
        store.import_records([_text("c-0003", CODE.lower()).encode()], message="import")


def test_the_merge_driver_refuses_a_merged_customer_with_another_customers_code(tmp_path: Path) -> None:
    from kototieto.store.conflicts import run_driver

    repo = S.make_repo(tmp_path / "r")
    store = Store(repo, author=AUTHOR)
    store.save(S.customer("c-0001", first="Ilona", last="Uusimaa", hetu=CODE))
    base = S.customer("c-0002", hetu=OTHER)
    store.save(base)
    path = layout.record_path("c-0002", "c-0002")
    moved = S.customer("c-0002", hetu=CODE)  # c-0001's code (and its date of birth)
    files = {}
    for name, data in (
        ("O", base),
        ("A", dict(base, first_names="Oma")),  # ours: another name
        ("B", dict(base, **{k: moved[k] for k in ("identifier", "date_of_birth")})),  # theirs
    ):
        files[name] = tmp_path / name
        files[name].write_text(new_document_text(data, layout.schema_url_for(path)))
    assert run_driver(repo.root, files["O"], files["A"], files["B"], path) == 1
    assert files["A"].read_text().startswith("# koto-conflict:") and "c-0001" in files["A"].read_text()
    # without the clash the same merge is clean
    files["B"].write_text(new_document_text(dict(base, last_name="Heidän"), layout.schema_url_for(path)))
    files["A"].write_text(new_document_text(dict(base, first_names="Oma"), layout.schema_url_for(path)))
    assert run_driver(repo.root, files["O"], files["A"], files["B"], path) == 0
