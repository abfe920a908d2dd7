"""The koto record commands end to end: a real `koto` process, a real editor process (a small
Python script acting as $EDITOR), a real repository and its real pre-commit hook."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from kototieto.store import layout
from kototieto.store.yamlio import new_document_text

_spec = importlib.util.spec_from_file_location("store_git_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

# The editor: each run takes the next step of a plan (JSON list) and logs what it was shown.
EDITOR = """
import json, sys
from pathlib import Path
plan_file, log_file, target = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
plan = json.loads(plan_file.read_text())
step = plan.pop(0)
plan_file.write_text(json.dumps(plan))
if "run" in step:  # someone else acts while the editor is open
    import subprocess
    subprocess.run(step["run"], check=True)
seen = target.read_text()
with log_file.open("a") as fh:
    fh.write(json.dumps(seen) + "\\n")
if step["do"] == "write":
    target.write_text(step["text"])
elif step["do"] == "sub":
    target.write_text(seen.replace(step["old"], step["new"]))
elif step["do"] == "empty":
    target.write_text("")
"""


pytestmark = pytest.mark.slow  # every test starts several `koto` processes


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(S.make_repo(tmp_path / "r").root)


def editor(tmp_path: Path, steps: list[dict[str, str]]) -> tuple[dict[str, str], Path]:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(steps))
    log = tmp_path / "seen.jsonl"
    log.unlink(missing_ok=True)
    return {"EDITOR": f"{sys.executable} {script} {plan} {log}"}, log


def seen(log: Path) -> list[str]:
    return [json.loads(line) for line in log.read_text().splitlines()]


def record_text(cid: str, **changes: Any) -> str:
    data = S.customer(cid)
    data.update(changes)
    for k in [k for k, v in changes.items() if v is None]:
        del data[k]
    return new_document_text(data, "../../../schema/record.schema.json")


def commits(root: Path) -> int:
    return int(S.git(root, "rev-list", "--count", "HEAD").strip())


def test_new_reopens_with_errors_until_valid(root: Path, tmp_path: Path) -> None:
    env, log = editor(
        tmp_path,
        [
            {"do": "write", "text": record_text("c-0100", last_name=None)},
            {"do": "write", "text": record_text("c-0100")},
        ],
    )
    out = S.koto(root, "new", "customer", "--id", "c-0100", env={**env, "KOTO_LANG": "fi"})
    assert out.returncode == 0, out.stderr
    shown = seen(log)
    assert len(shown) == 2
    first, second = shown
    assert first.startswith("# yaml-language-server: $schema=../../../schema/record.schema.json")
    assert "# ── Etunimet" in first and "# first_names:" in first  # commented template in Finnish
    assert "id: c-0100" in first and "kind: customer" in first
    errors = [line for line in second.splitlines() if line.startswith("# koto: ")]
    assert errors and any("last_name" in e for e in errors)
    assert S.koto(root, "show", "c-0100", "--json").returncode == 0
    assert "koto:" not in (root / layout.record_path("c-0100", "c-0100")).read_text()
    assert S.git(root, "status", "--porcelain") == ""


def test_new_abandoned_when_unchanged_or_empty(root: Path, tmp_path: Path) -> None:
    before = commits(root)
    for step in ({"do": "keep"}, {"do": "empty"}):
        env, _ = editor(tmp_path, [step])
        out = S.koto(root, "new", "customer", "--id", "c-0101", env=env)
        assert out.returncode == 7, out.stderr
    assert commits(root) == before
    assert not list((root / ".koto/drafts").glob("*.yaml"))


def test_edit_commits_a_new_version(root: Path, tmp_path: Path) -> None:
    S.koto(root, "add", str(_outside(tmp_path, "c-0102")))
    env, _ = editor(tmp_path, [{"do": "sub", "old": "last_name: Asiakas", "new": "last_name: Muokattu"}])
    out = S.koto(root, "edit", "c-0102", env=env)
    assert out.returncode == 0, out.stderr
    diff = json.loads(S.koto(root, "diff", "c-0102", "--json", "--lang", "fi").stdout)
    assert diff == [
        {"path": "last_name", "op": "changed", "label": "Sukunimi", "old": "Asiakas", "new": "Muokattu"}
    ]
    sv = S.koto(root, "diff", "c-0102", "--lang", "sv").stdout
    assert "Efternamn" in sv
    log = json.loads(S.koto(root, "log", "c-0102", "--json").stdout)
    assert [v["message"] for v in log] == ["Update customer c-0102: last_name", "Add customer c-0102"]
    assert all(v["author"] == "Testi Virkailija" for v in log)


def _outside(tmp_path: Path, cid: str, **changes: Any) -> Path:
    f = tmp_path / f"{cid}.yaml"
    f.write_text(record_text(cid, **changes))
    return f


def test_add_commit_and_invalid_files_write_nothing(root: Path, tmp_path: Path) -> None:
    out = S.koto(
        root, "add", str(_outside(tmp_path, "c-0103")), "--author", "Aino Ohjaaja <aino@example.org>"
    )
    assert out.returncode == 0, out.stderr
    assert S.git(root, "log", "-1", "--format=%an").strip() == "Aino Ohjaaja"
    before = commits(root)
    bad = S.koto(root, "add", str(_outside(tmp_path, "c-0104", first_names=None)))
    assert bad.returncode == 5 and "first_names" in bad.stderr
    assert commits(root) == before
    f = root / layout.record_path("c-0103", "c-0103")
    f.write_text(f.read_text().replace("first_names: Testi", "first_names: Suoraan"))
    ok = S.koto(root, "commit")
    assert ok.returncode == 0, ok.stderr
    assert commits(root) == before + 1
    f.write_text(f.read_text().replace("kind: customer", "kind: customer\nkind: customer"))
    dup = S.koto(root, "commit", str(f.relative_to(root)))
    assert dup.returncode == 5 and f"{f.relative_to(root)}:" in dup.stderr
    assert commits(root) == before + 1
    assert S.koto(root, "commit").returncode == 5


def test_pre_commit_hook_refuses_an_invalid_staged_record(root: Path, tmp_path: Path) -> None:
    S.koto(root, "add", str(_outside(tmp_path, "c-0105")))
    f = root / layout.record_path("c-0105", "c-0105")
    f.write_text(f.read_text().replace("id: c-0105", "id: c-9999"))
    S.git(root, "add", str(f))
    out = S.koto(root, "add", "--check-staged")
    assert out.returncode == 5 and "id" in out.stderr
    import subprocess

    git_commit = subprocess.run(["git", "commit", "-m", "by hand"], cwd=root, capture_output=True, text=True)
    assert git_commit.returncode != 0
    assert "c-9999" in git_commit.stderr or "id" in git_commit.stderr
    f.write_text(f.read_text().replace("id: c-9999", "id: c-0105").replace("Testi", "Käsin"))
    S.git(root, "add", str(f))
    S.git(root, "commit", "-q", "-m", "by hand, valid")


def test_annul_restore_show_at_revision(root: Path, tmp_path: Path) -> None:
    S.koto(root, "add", str(_outside(tmp_path, "c-0106")))
    first = S.git(root, "rev-parse", "HEAD").strip()
    out = S.koto(root, "annul", "c-0106", "--reason", "Väärä henkilö", "--date", "2026-11-27")
    assert out.returncode == 0, out.stderr
    shown = json.loads(S.koto(root, "show", "c-0106", "--json").stdout)
    assert shown["data"]["annulment"] == {"date": "2026-11-27", "reason": "Väärä henkilö"}
    old = json.loads(S.koto(root, "show", f"c-0106@{first}", "--json").stdout)
    assert "annulment" not in old["data"]
    assert S.koto(root, "restore", "c-0106", first).returncode == 0
    assert "annulment" not in json.loads(S.koto(root, "show", "c-0106", "--json").stdout)["data"]
    assert len(json.loads(S.koto(root, "log", "c-0106", "--json").stdout)) == 3
    missing = S.koto(root, "show", "nobody")
    assert missing.returncode == 3


def test_edit_merges_a_colleagues_change_to_another_field(root: Path, tmp_path: Path) -> None:
    """A colleague annuls the record while the editor is open: both changes are kept (issue 11)."""
    S.koto(root, "add", str(_outside(tmp_path, "c-0107")))
    other = [S.KOTO, "annul", "c-0107", "--reason", "Toinen virkailija", "-C", str(root)]
    env, _ = editor(
        tmp_path, [{"do": "sub", "old": "last_name: Asiakas", "new": "last_name: Minun", "run": other}]
    )
    out = S.koto(root, "edit", "c-0107", env=env)
    assert out.returncode == 0, out.stderr
    assert "annulment" in out.stderr  # the colleague's change is named as kept
    shown = json.loads(S.koto(root, "show", "c-0107", "--json").stdout)["data"]
    assert shown["last_name"] == "Minun"
    assert shown["annulment"]["reason"] == "Toinen virkailija"
    assert not list((root / ".koto/drafts").glob("*.yaml"))


def test_add_a_new_customer_together_with_their_records(root: Path, tmp_path: Path) -> None:
    """Records added in one call see each other: no 'customer not found' for a new customer."""
    out = tmp_path / "generated"
    made = S.koto(
        tmp_path,
        "generate",
        "--customers",
        "2",
        "--seed",
        "7",
        "--out",
        str(out),
        "--today",
        "2026-11-28",
        "--clean",
    )
    assert made.returncode == 0, made.stderr
    files = sorted(out.glob("customers/*/*/*.yaml"), reverse=True)  # customer records last
    assert len(files) > 4
    before = commits(root)
    added = S.koto(root, "add", *map(str, files))
    assert added.returncode == 0, added.stderr
    assert commits(root) == before + len(files)
    first_subject = S.git(root, "log", "--reverse", "--format=%s", f"HEAD~{len(files)}..HEAD").splitlines()[0]
    assert first_subject.startswith("Add customer ")
    # A record whose customer is neither committed nor in the batch is still refused.
    orphan = next(f for f in files if not f.stem.startswith("c-"))
    fresh = Path(S.make_repo(tmp_path / "r2").root)
    refused = S.koto(fresh, "add", str(orphan))
    assert refused.returncode == 5 and "record-references" in refused.stderr
