"""koto validate: the report (file, line, field, severity, rule, message), exit codes, the blob cache."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import ExitCode
from kototieto.store import validate as validate_mod
from kototieto.store.validate import ValidationReport, validate_paths, validate_repository

KOTO = str(Path(sys.executable).parent / "koto")


@pytest.fixture(scope="module")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data repository with 40 synthetic customers (built once, copied for each test)."""
    from kototieto.store.bulkwrite import write_customers
    from kototieto.store.scaffold import init_repository
    from kototieto.synthetic.generator import CustomerSource

    root = tmp_path_factory.mktemp("validate") / "repo"  # Git: the session's hermetic one (conftest)
    init_repository(root, organisation_code="091", name="Testikunta")
    write_customers(root, 40, CustomerSource(3, dt.date(2026, 11, 28)), jobs=1)
    return root


@pytest.fixture
def repo(template_repo: Path, tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(template_repo, root, symlinks=True)
    return root


def records(root: Path) -> list[Path]:
    return sorted((root / "customers").rglob("*.yaml"))


def of_kind(root: Path, kind: str) -> Path:
    return next(p for p in records(root) if re.search(rf"^kind: {kind}$", p.read_text(), re.M))


def line_of(path: Path, prefix: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(prefix))


def test_a_clean_repository_then_the_cache(repo: Path) -> None:
    files = len(records(repo))
    first = validate_repository(repo)
    assert first.ok and first.exit_code == ExitCode.OK and first.errors == 0  # warnings may occur
    assert (first.files, first.records, first.parsed_files) == (files, files, files)
    assert (repo / ".git" / "koto" / "validate-cache.sqlite").is_file()
    second = validate_repository(repo)
    assert (second.parsed_files, second.revalidated_files, second.cached_files) == (0, 0, files)
    assert second.summary()["records"] == files


def test_after_one_change_only_that_file_is_parsed(repo: Path) -> None:
    validate_repository(repo)
    changed = of_kind(repo, "integration-plan")
    changed.write_text(changed.read_text() + "# a comment added in an editor\n")
    report = validate_repository(repo)
    folder = len(list(changed.parent.glob("*.yaml")))
    assert report.parsed_files == 1
    assert report.revalidated_files == folder - 1  # the folder's cross-record rules ran again
    assert report.cached_files == len(records(repo)) - folder
    assert report.ok


def test_a_rules_change_revalidates_from_cached_data_without_parsing(repo: Path) -> None:
    from kototieto.model.rules import RuleParams

    files = records(repo)
    cache = repo / ".git" / "koto" / "validate-cache.sqlite"
    validate_paths(files, RuleParams(), cache, root=repo)
    other = RuleParams.from_overrides({"total_plan_max_months": 36})
    report = validate_paths(files, other, cache, root=repo)
    assert (report.parsed_files, report.revalidated_files) == (0, len(files))
    assert validate_paths(files, other, None, root=repo).parsed_files == len(files)


def problems_by_rule(report: ValidationReport) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for p in report.problems:
        out.setdefault(p.rule, []).append(p)
    return out


def test_every_kind_of_problem_is_reported_with_file_line_and_field(repo: Path) -> None:
    validate_repository(repo)  # warm the cache: the broken files must be noticed anyway
    plan = of_kind(repo, "integration-plan")
    text = plan.read_text()
    plan.write_text(re.sub(r"^date: .*$", "date: 31.12.2026", text, count=1, flags=re.M))
    date_line = line_of(plan, "date:")
    dup = of_kind(repo, "guidance")
    dup.write_text(dup.read_text() + "kind: guidance\n")
    dup_line = len(dup.read_text().splitlines())
    moved = of_kind(repo, "review")
    moved.write_text(re.sub(r"^id: .*$", "id: someone-else", moved.read_text(), count=1, flags=re.M))
    bomb = repo / "customers" / "00" / "c-bomb" / "c-bomb.yaml"
    bomb.parent.mkdir(parents=True)
    bomb.write_bytes(b'a: &a ["x","x"]\nb: &b [*a,*a]\n')

    report = validate_repository(repo)
    assert not report.ok and report.exit_code == ExitCode.INVALID
    rules = problems_by_rule(report)
    rel = lambda p: p.relative_to(repo).as_posix()  # noqa: E731

    # reviews of the broken plan do not claim that it "does not exist"
    assert not [p for p in rules.get("record-references", []) if p.severity == "error"]
    schema = [p for p in rules["schema"] if p.file == rel(plan)]
    assert schema and schema[0].line == date_line and schema[0].path == ("date",)
    assert schema[0].message("fi") != schema[0].message("en")

    yaml_problems = {p.file: p for p in rules["yaml"]}
    assert yaml_problems[rel(dup)].line == dup_line
    assert "duplicate key 'kind'" in yaml_problems[rel(dup)].message("en")
    assert yaml_problems[rel(dup)].message("fi") == "Avain 'kind' on kahteen kertaan."
    assert "anchors" in yaml_problems[rel(bomb)].message("en") and yaml_problems[rel(bomb)].line == 1
    assert yaml_problems[rel(bomb)].message("sv").startswith("Ankare")

    path_problem = next(p for p in rules["path"] if p.file == rel(moved))
    assert path_problem.path == ("id",) and path_problem.line == line_of(moved, "id:")
    assert report.errors == sum(1 for p in report.problems if p.severity == "error")
    assert report.records == report.files - 2  # the two files that are not YAML records

    as_json = report.to_json("en")
    assert set(as_json) == {"problems", "summary"}
    assert set(as_json["problems"][0]) == {"file", "line", "column", "path", "severity", "rule", "message"}
    assert {"files", "records", "errors", "warnings"} <= set(as_json["summary"])
    again = validate_repository(repo)  # the same report from the cache
    assert again.parsed_files == 0
    assert [p.to_json() for p in again.problems] == [p.to_json() for p in report.problems]


def test_cross_record_rules_run_per_customer_and_name_the_referring_field(repo: Path) -> None:
    plan = of_kind(repo, "integration-plan")
    target = re.search(r"^assessment: (\S+)$", plan.read_text(), re.M)
    assert target is not None
    (plan.parent / f"{target.group(1)}.yaml").unlink()
    report = validate_repository(repo)
    refs = [p for p in report.problems if p.rule == "record-references" and p.file.endswith(plan.name)]
    assert refs and refs[0].path == ("assessment",) and refs[0].line == line_of(plan, "assessment:")


def test_only_the_named_paths_are_reported_but_siblings_count(repo: Path) -> None:
    plan = of_kind(repo, "integration-plan")
    other = of_kind(repo, "guidance")
    other.write_text(other.read_text() + "kind: again\n")
    report = validate_repository(repo, paths=[plan])
    assert report.files == 1 and report.ok  # the plan's assessment (a sibling) was found


def test_duplicate_ids_across_customers(repo: Path) -> None:
    plan = of_kind(repo, "integration-plan")
    elsewhere = next(p for p in records(repo) if p.parent != plan.parent).parent / plan.name
    shutil.copy(plan, elsewhere)
    report = validate_repository(repo)
    assert any(p.rule == "duplicate-id" for p in report.problems)


def test_workers_give_the_same_report(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = of_kind(repo, "integration-plan")
    plan.write_text(
        plan.read_text().replace("kind: integration-plan", "kind: integration-plan\nextra_field: 1")
    )
    single = validate_repository(repo, use_cache=False, workers=1)
    monkeypatch.setattr(validate_mod, "IN_PROCESS_LIMIT", 0)
    pooled = validate_repository(repo, use_cache=False, workers=2)
    assert pooled.workers == 2 and single.workers == 1
    assert [p.to_json() for p in pooled.problems] == [p.to_json() for p in single.problems]
    assert pooled.errors and pooled.parsed_files == single.parsed_files == len(records(repo))


def run_koto(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KOTO, "validate", *args], cwd=repo, capture_output=True, text=True, check=False)


def test_the_command(repo: Path) -> None:
    ok = run_koto(repo, "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["summary"]["errors"] == 0
    plan = of_kind(repo, "integration-plan")
    plan.write_text(re.sub(r"^date: .*$", "date: huomenna", plan.read_text(), count=1, flags=re.M))
    bad = run_koto(repo, "--json", "--lang", "en")
    assert bad.returncode == ExitCode.INVALID
    problem = next(p for p in json.loads(bad.stdout)["problems"] if p["severity"] == "error")
    assert problem["file"] == plan.relative_to(repo).as_posix() and problem["path"] == "date"
    table = run_koto(repo, "-C", str(repo), "--lang", "sv", "--no-cache")
    assert table.returncode == ExitCode.INVALID
    assert f"{problem['file']}:{problem['line']}" in table.stdout and "\tfel\t" in table.stdout
    assert re.search(r"^\d+ filer, \d+ poster: [1-9]\d* fel, \d+ varningar$", table.stdout, re.M)
    one = run_koto(repo, str(plan.relative_to(repo)), "--json")
    assert json.loads(one.stdout)["summary"]["files"] == 1
    outside = subprocess.run(
        [KOTO, "validate", "-C", str(repo.parent)], capture_output=True, text=True, check=False
    )
    assert outside.returncode == ExitCode.NO_REPOSITORY


def test_blob_ids_of_committed_files_come_from_the_index(repo: Path) -> None:
    for args in (["add", "-A"], ["commit", "-q", "--no-verify", "-m", "records"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    files = len(records(repo))
    assert validate_repository(repo).parsed_files == files
    assert validate_repository(repo).cached_files == files
    changed = of_kind(repo, "review")
    changed.write_text(changed.read_text().replace("kind: review", "kind: review\nunknown_field: x"))
    report = validate_repository(repo)
    assert report.parsed_files == 1 and not report.ok
    assert {p.file for p in report.problems if p.severity == "error"} == {
        changed.relative_to(repo).as_posix()
    }


def test_pilot_extensions_are_validated_with_the_extended_model(repo: Path) -> None:
    from kototieto.store.extensions.example import example_text
    from kototieto.store.yamlio import dump_document, load_document, update_document

    validate_repository(repo)  # results cached before the definitions exist
    (repo / "extensions").mkdir()
    (repo / "extensions" / "091-digital-skills.yaml").write_text(example_text("091"), encoding="utf-8")
    plan = of_kind(repo, "integration-plan")
    loaded = load_document(plan.read_bytes(), plan.name)
    data = json.loads(json.dumps(loaded.data))
    data["measures"][-1]["service_kind"] = "091-digital-mentoring"  # an open-end code of the pilot
    update_document(loaded.doc, data)
    plan.write_text(dump_document(loaded.doc), encoding="utf-8")
    report = validate_repository(repo)
    assert report.errors == 0, [p.to_json("en") for p in report.problems if p.severity == "error"]
    assert report.parsed_files == 1 and report.revalidated_files == len(records(repo)) - 1

    data["measures"][-1]["service_kind"] = "091-no-such-service"
    update_document(loaded.doc, data)
    plan.write_text(dump_document(loaded.doc), encoding="utf-8")
    bad = validate_repository(repo)
    assert [(p.file, p.path[:1]) for p in bad.problems if p.severity == "error"] == [
        (plan.relative_to(repo).as_posix(), ("measures",))
    ]

    shutil.rmtree(repo / "extensions")  # the national model alone does not know the pilot's code
    data["measures"][-1]["service_kind"] = "091-digital-mentoring"
    update_document(loaded.doc, data)
    plan.write_text(dump_document(loaded.doc), encoding="utf-8")
    assert not validate_repository(repo).ok


def test_a_partial_run_keeps_the_cache_and_a_full_run_prunes_it(repo: Path) -> None:
    import sqlite3

    validate_repository(repo)
    plan = of_kind(repo, "integration-plan")
    assert validate_repository(repo, paths=[plan]).files == 1
    full = validate_repository(repo)
    assert full.parsed_files == 0 and full.cached_files == len(records(repo))
    gone = of_kind(repo, "guidance")
    gone.unlink()
    validate_repository(repo)
    with sqlite3.connect(repo / ".git" / "koto" / "validate-cache.sqlite") as db:
        (results,) = db.execute("SELECT count(*) FROM results").fetchone()
        (blobs,) = db.execute("SELECT count(*) FROM blobs").fetchone()
    assert results == len(records(repo)) and blobs <= results
