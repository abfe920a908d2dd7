"""One validation pipeline: every entry point finds the same problems in the same records.

A demo-like repository (synthetic customers of Testikunta, the example pilot extension installed and
used in some assessments and plan measures) plus a set of broken records, each in its own customer
folder, go through ``koto check``, ``koto validate``, the write path (``Store.check_text``, what
``Store.save_text`` and ``koto add/commit/new/edit`` run; ``koto add --json`` refusing), the merge
driver and the pre-commit hook (``koto add --check-staged``, and ``git commit`` through the installed
hook). Every entry point must report the same problems (file, field path, severity, rule, message;
and line where the entry point knows positions); the merge driver and the hook report errors only.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import NothingToDoError
from kototieto.model.records import record_to_data
from kototieto.store import conflicts, layout
from kototieto.store.extensions.example import install_example, use_example
from kototieto.store.repository import Repository
from kototieto.store.scaffold import init_repository
from kototieto.store.store import Store
from kototieto.store.yamlio import new_document_text
from kototieto.synthetic.generator import generate_dataset

KOTO = str(Path(sys.executable).parent / "koto")
TODAY = dt.date(2026, 11, 28)
Key = tuple[str, str, str, str, str]  # file, field path, severity, rule, message (fi)


def _koto(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KOTO, *args], cwd=root, capture_output=True, text=True, check=False)


def _broken(by_kind: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """New record files, each in another customer's folder: rel path -> data."""
    customers = [d["id"] for d in by_kind["customer"]]
    assessment = by_kind["assessment"][0]
    plan = next(p for p in by_kind["integration-plan"] if p.get("measures"))
    out: dict[str, dict[str, Any]] = {}

    def put(data: dict[str, Any], customer: str, rid: str, rel_id: str | None = None) -> None:
        data.update(id=rid, customer=customer)
        out[layout.record_path(customer, rel_id or rid)] = data

    # 1. an extension value outside the pilot's own code list
    bad_ext = dict(assessment, extensions={"091.digital-skills": "expert"})
    put(bad_ext, customers[0], "assessment-broken-ext")
    # 2. an open-end service kind that the pilot does not define
    bad_kind = json.loads(json.dumps(plan))
    bad_kind["measures"][0]["service_kind"] = "091-no-such-service"
    bad_kind.pop("continues", None)
    bad_kind["assessment"] = None
    put(bad_kind, customers[1], "integration-plan-broken-kind")
    # 3. an unknown field
    put(dict(assessment, colour="red"), customers[2], "assessment-broken-field")
    # 4. a file name that does not match the id
    put(dict(assessment), customers[3], "assessment-broken-name", rel_id="assessment-other-name")
    # 5. a reference to a record that does not exist (cross-record rule)
    ref = json.loads(json.dumps(plan))
    ref.pop("continues", None)
    ref["assessment"] = "assessment-does-not-exist"
    put(ref, customers[4], "integration-plan-broken-ref")
    # 6. a required field missing
    put({k: v for k, v in assessment.items() if k != "date"}, customers[5], "assessment-broken-date")
    return out


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory, hermetic_git: dict[str, str]) -> Repository:
    root = tmp_path_factory.mktemp("pipeline") / "data"
    repository = init_repository(root, organisation_code="091", name="Testikunta")
    records = generate_dataset(8, 31, TODAY, "091")
    texts = []
    for r in records:
        rel = layout.record_path(r.customer, r.id)
        texts.append(new_document_text(record_to_data(r), layout.schema_url_for(rel)).encode("utf-8"))
    Store(repository).import_records(texts, message="import")
    install_example(repository)
    assert use_example(repository, every=2) > 0
    return Repository.open(root)


@pytest.fixture(scope="module")
def broken(repo: Repository) -> dict[str, bytes]:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((repo.root / "customers").rglob("*.yaml")):
        from kototieto.store.bulkload import fast_load

        data = fast_load(path.read_bytes(), str(path))
        by_kind.setdefault(data["kind"], []).append(data)
    out = {}
    for rel, data in _broken(by_kind).items():
        raw = new_document_text(data, layout.schema_url_for(rel)).encode("utf-8")
        (repo.root / rel).write_bytes(raw)
        out[rel] = raw
    # 7. not YAML at all (the write path refuses it with an exception before any rule runs)
    yaml_rel = layout.record_path(by_kind["customer"][6]["id"], "assessment-broken-yaml")
    (repo.root / yaml_rel).write_text("kind: assessment\nid: [unclosed\n", encoding="utf-8")
    return out


def _keys(problems: list[dict[str, Any]], root: Path, *, lines: bool = True) -> set[tuple[Any, ...]]:
    out = set()
    for p in problems:
        file = Path(p["file"])
        rel = file.relative_to(root).as_posix() if file.is_absolute() else p["file"]
        key: tuple[Any, ...] = (rel, p["path"], p["severity"], p["rule"], p["message"])
        out.add((*key, p["line"]) if lines else key)
    return out


def _record_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "customers").rglob("*.yaml"))


def test_every_entry_point_reports_the_same_problems(
    repo: Repository, broken: dict[str, bytes], tmp_path: Path
) -> None:
    root = repo.root
    files = _record_files(root)

    checked = _koto(root, "check", "--json", str(root))
    assert checked.returncode == 5, checked.stderr
    by_check = _keys(json.loads(checked.stdout)["problems"], root)

    validated = _koto(root, "validate", "--json", "--no-cache")
    assert validated.returncode == 5, validated.stderr
    by_validate = _keys(json.loads(validated.stdout)["problems"], root)
    assert by_check == by_validate

    store = Store(repo)
    by_write: set[tuple[Any, ...]] = set()
    for rel in files:
        raw = (root / rel).read_bytes()
        if rel.endswith("assessment-broken-yaml.yaml"):
            continue  # not YAML: the write path raises before the rules (checked below)
        _, _, issues = store.check_text(raw, rel)
        by_write |= _keys([i.to_json() for i in issues], root)
    yaml_problems = {k for k in by_check if k[3] == "yaml"}
    assert len(yaml_problems) == 1
    assert by_write == by_check - yaml_problems

    # what the demo must not hit: valid records (many with extension values) have no error anywhere
    errors = {k for k in by_check if k[2] == "error"}
    assert {k[0] for k in errors} == {*broken, *(k[0] for k in yaml_problems)}
    rules = {k[3] for k in errors}
    assert {"path", "record-references", "yaml"} <= rules
    assert any("expert" in k[4] for k in errors), errors  # the pilot's own code list
    assert any("091-no-such-service" in k[4] or k[1].endswith("service_kind") for k in errors)

    # the merge driver: a clean three-way merge of each record, then the same checks (errors only)
    by_merge: set[str] = set()
    merge_dir = tmp_path / "merge"
    merge_dir.mkdir()
    for rel in files:
        if rel.endswith("assessment-broken-yaml.yaml"):
            continue
        sides = []
        for side in ("base", "ours", "theirs"):
            sides.append(merge_dir / side)
            sides[-1].write_bytes((root / rel).read_bytes())
        if conflicts.run_driver(root, *sides, rel) == 0:
            continue
        for line in sides[1].read_text(encoding="utf-8").splitlines():
            if line.startswith(conflicts.CONFLICT_PREFIX + "invalid after merge: "):
                by_merge.add(line.split("invalid after merge: ", 1)[1])
    expected = {
        str(i)
        for rel in files
        if not rel.endswith("assessment-broken-yaml.yaml")
        for i in store.check_text((root / rel).read_bytes(), rel)[2]
        if i.severity == "error"
    }
    # the driver has no positions: compare without line and column
    strip = {s.split(": ", 1)[0].split(":")[0] + ": " + s.split(": ", 1)[1] for s in expected}
    assert by_merge == strip

    # the pre-commit hook: the staged broken records, errors only
    yaml_rel = next(k[0] for k in yaml_problems)
    subprocess.run(["git", "add", "--", *broken], cwd=root, check=True)
    staged = _koto(root, "add", "--check-staged", "--json")
    assert staged.returncode == 5, staged.stderr
    by_hook = _keys(json.loads(staged.stdout)["problems"], root)
    assert by_hook == {k for k in by_check if k[2] == "error" and k[0] != yaml_rel}
    hook = subprocess.run(["git", "commit", "-q", "-m", "broken"], cwd=root, capture_output=True, text=True)
    assert hook.returncode != 0 and "assessment-broken-ext" in hook.stderr, hook.stderr
    subprocess.run(["git", "reset", "-q"], cwd=root, check=True)


def test_koto_add_json_refusal_prints_the_problems(repo: Repository, broken: dict[str, bytes]) -> None:
    rel = next(r for r in broken if "broken-ext" in r)
    out = _koto(repo.root, "add", "--json", str(repo.root / rel))
    assert out.returncode == 5
    problems = json.loads(out.stdout)["problems"]
    assert problems and {tuple(sorted(p)) for p in problems} == {
        ("column", "field", "file", "line", "message", "path", "rule", "severity")
    }
    assert any(p["path"] == "extensions.091.digital-skills" for p in problems), problems
    committed = _koto(repo.root, "commit", "--json", rel)
    assert committed.returncode == 5, committed.stderr

    def same(ps: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
        return {(p["path"], p["line"], p["rule"], p["message"]) for p in ps}

    assert same(json.loads(committed.stdout)["problems"]) == same(problems)


def test_a_record_file_outside_any_repository_is_checked_with_the_national_model(
    repo: Repository, broken: dict[str, bytes], tmp_path: Path
) -> None:
    """A value outside the pilot's code list: an error inside the pilot's repository; outside any
    repository the national model accepts any value under a well-formed extension key."""
    rel = next(r for r in broken if "broken-ext" in r)
    inside = _koto(repo.root, "check", "--json", str(repo.root / rel))
    assert inside.returncode == 5
    assert [p["path"] for p in json.loads(inside.stdout)["problems"]] == ["extensions.091.digital-skills"]
    loose = tmp_path / "loose" / Path(rel).name
    loose.parent.mkdir()
    loose.write_bytes(broken[rel])
    outside = _koto(tmp_path, "check", "--json", str(loose))
    assert outside.returncode == 0, outside.stdout
    assert json.loads(outside.stdout)["problems"] == []


def test_add_many_commits_a_new_customer_with_their_records_in_reference_order(data_repo: Repository) -> None:
    """The library call behind ``koto add a b c``: records added together see each other and
    are committed what-is-referred-to first, whatever order they come in."""
    from kototieto.store.batchadd import Item

    customer = generate_dataset(1, 5, TODAY, "091")
    texts = [
        new_document_text(record_to_data(r), layout.schema_url_for(layout.record_path(r.customer, r.id)))
        for r in customer
    ]
    items = [Item(None, t.encode("utf-8"), f"file{i}.yaml") for i, t in reversed(list(enumerate(texts)))]
    store = Store(data_repo)
    views = store.add_many(items, message=None)
    assert views[0].kind == "customer"
    assert {v.id for v in views} == {r.id for r in customer}
    log = subprocess.run(
        ["git", "log", "--reverse", "--format=%s"],
        cwd=data_repo.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert log[1].startswith("Add customer"), log
    with pytest.raises(NothingToDoError):
        store.add_many(items)
