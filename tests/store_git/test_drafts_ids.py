"""Issue 11, items 4-6: typed work is never lost (drafts), `koto edit` and `koto add` of a kept draft
never revert a colleague's change, and record ids stay unique at every write.

Real `koto` processes, a real editor process (a Python script as $EDITOR), real repositories."""

from __future__ import annotations

import importlib.util
import json
import subprocess
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

pytestmark = pytest.mark.slow

# Each run of the editor takes the next step of a plan: "run" a command first (a colleague acts
# while the editor is open), then "write" a text, "sub" old -> new, "drop" lines holding a word,
# or "keep" (close without a change). It logs every text it was shown.
EDITOR = """
import json, subprocess, sys
from pathlib import Path
plan_file, log_file, target = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
plan = json.loads(plan_file.read_text())
step = plan.pop(0)
plan_file.write_text(json.dumps(plan))
if "run" in step:
    subprocess.run(step["run"], check=True)
seen = target.read_text()
with log_file.open("a") as fh:
    fh.write(json.dumps(seen) + "\\n")
if step["do"] == "write":
    target.write_text(step["text"])
elif step["do"] == "sub":
    target.write_text(seen.replace(step["old"], step["new"]))
elif step["do"] == "drop":
    target.write_text("".join(l for l in seen.splitlines(True) if step["word"] not in l))
"""


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(S.make_repo(tmp_path / "r").root)


def editor(tmp_path: Path, steps: list[dict[str, Any]]) -> tuple[dict[str, str], Path]:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(steps))
    log = tmp_path / "seen.jsonl"
    log.unlink(missing_ok=True)
    return {"EDITOR": f"{sys.executable} {script} {plan} {log}"}, log


def seen(log: Path) -> list[str]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def record_text(cid: str, **changes: Any) -> str:
    data = S.customer(cid)
    data.update(changes)
    for k in [k for k, v in changes.items() if v is None]:
        del data[k]
    return new_document_text(data, "../../../schema/record.schema.json")


def add_customer(root: Path, tmp_path: Path, cid: str) -> None:
    f = tmp_path / f"{cid}.yaml"
    f.write_text(record_text(cid))
    out = S.koto(root, "add", str(f))
    assert out.returncode == 0, out.stderr


def commits(root: Path) -> int:
    return int(S.git(root, "rev-list", "--count", "HEAD").strip())


def data_of(root: Path, rid: str) -> dict[str, Any]:
    out = S.koto(root, "show", rid, "--json")
    assert out.returncode == 0, out.stderr
    return dict(json.loads(out.stdout)["data"])


def file_data(root: Path, customer: str, rid: str) -> dict[str, Any]:
    from kototieto.store.bulkload import fast_load

    return fast_load((root / layout.record_path(customer, rid)).read_bytes(), rid)


def colleague_sets(root: Path, rid: str, old: str, new: str) -> list[str]:
    """A command for the editor's "run": a colleague changes the record in place and commits."""
    path = root / layout.record_path(rid, rid)
    code = (
        f"from pathlib import Path; p = Path({str(path)!r}); "
        f"p.write_text(p.read_text().replace({old!r}, {new!r}))"
    )
    return [
        "sh",
        "-c",
        f"{sys.executable} -c {_q(code)} && {S.KOTO} commit -C {root} --author 'Kalle Kollega <kalle@example.org>'",
    ]


def _q(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


# ---------------------------------------------------------------- drafts


def test_closing_unchanged_after_an_error_keeps_the_draft_and_resume_opens_it(
    root: Path, tmp_path: Path
) -> None:
    typed = record_text("c-0a1b2c3d", last_name=None)  # invalid: no last name
    env, log = editor(tmp_path, [{"do": "write", "text": typed}, {"do": "keep"}])
    out = S.koto(root, "new", "customer", "--id", "c-0a1b2c3d", env=env)
    assert out.returncode == 7, out.stderr
    draft = root / ".koto/drafts/c-0a1b2c3d.yaml"
    assert str(draft) in out.stderr  # the message says where the typed work is
    assert draft.exists() and "first_names: Testi" in draft.read_text()
    assert S.git(root, "status", "--porcelain") == ""  # the drafts area is ignored by Git
    listed = json.loads(S.koto(root, "drafts", "--json").stdout)
    assert [d["record_id"] for d in listed] == ["c-0a1b2c3d"] and listed[0]["command"] == "new"

    # `koto new` of the same id offers the kept draft instead of overwriting it with a template
    env, log = editor(tmp_path, [{"do": "keep"}])
    again = S.koto(root, "new", "customer", "--id", "c-0a1b2c3d", env=env)
    assert again.returncode == 7 and draft.exists(), again.stderr
    assert "first_names: Testi" in seen(log)[0]

    # `koto new` with a fresh id points to the kept draft (and starts a new one, left untouched)
    env, log = editor(tmp_path, [{"do": "keep"}])
    fresh = S.koto(root, "new", "customer", env=env)
    assert fresh.returncode == 7 and str(draft) in fresh.stderr, fresh.stderr

    env, log = editor(tmp_path, [{"do": "write", "text": record_text("c-0a1b2c3d")}])
    done = S.koto(root, "new", "customer", "--resume", env=env)
    assert done.returncode == 0, done.stderr
    assert "first_names: Testi" in seen(log)[0]
    assert not draft.exists()
    assert data_of(root, "c-0a1b2c3d")["last_name"] == "Asiakas"


def test_who_the_customer_and_the_id_are_checked_before_the_editor(root: Path, tmp_path: Path) -> None:
    add_customer(root, tmp_path, "c-0a1b2c3d")
    env, log = editor(tmp_path, [{"do": "write", "text": "never shown"}])
    taken = S.koto(root, "new", "customer", "--id", "c-0a1b2c3d", env=env)
    assert taken.returncode == 6 and "koto edit c-0a1b2c3d" in taken.stderr
    missing = S.koto(root, "new", "assessment", "--customer", "c-99999999", env=env)
    assert missing.returncode == 3 and "c-99999999" in missing.stderr
    (tmp_path / "nohome").mkdir()
    (tmp_path / "nohome/.gitconfig").write_text("[init]\n\tdefaultBranch = main\n")
    nobody = dict(env, HOME=str(tmp_path / "nohome"), GIT_CONFIG_GLOBAL=str(tmp_path / "nohome/.gitconfig"))
    S.git(root, "config", "--unset", "user.name", check=False)
    anonymous = S.koto(root, "new", "customer", "--id", "c-0b0b0b0b", env=nobody)
    assert anonymous.returncode == 2 and "user.name" in anonymous.stderr, anonymous.stderr
    assert seen(log) == []  # the editor never opened
    assert not list((root / ".koto/drafts").glob("*.yaml")) if (root / ".koto/drafts").exists() else True


def test_an_emptied_file_discards_and_an_untouched_template_leaves_nothing(
    root: Path, tmp_path: Path
) -> None:
    before = commits(root)
    env, _ = editor(tmp_path, [{"do": "keep"}])
    assert S.koto(root, "new", "customer", "--id", "c-0c0c0c0c", env=env).returncode == 7
    env, _ = editor(tmp_path, [{"do": "write", "text": ""}])
    assert S.koto(root, "new", "customer", "--id", "c-0c0c0c0c", env=env).returncode == 7
    assert commits(root) == before
    assert json.loads(S.koto(root, "drafts", "--json").stdout) == []


# ---------------------------------------------------------------- concurrent edit


def test_edit_keeps_a_colleagues_change_to_another_field(root: Path, tmp_path: Path) -> None:
    add_customer(root, tmp_path, "c-0a1b2c3d")
    other = colleague_sets(root, "c-0a1b2c3d", "first_names: Testi", "first_names: Kallen")
    env, _ = editor(
        tmp_path, [{"do": "sub", "old": "last_name: Asiakas", "new": "last_name: Minun", "run": other}]
    )
    out = S.koto(root, "edit", "c-0a1b2c3d", env=env)
    assert out.returncode == 0, out.stderr
    data = data_of(root, "c-0a1b2c3d")
    assert (data["first_names"], data["last_name"]) == ("Kallen", "Minun")
    assert "first_names" in out.stderr  # says which colleague change was kept


def test_same_field_conflict_is_shown_with_both_values_and_the_user_chooses(
    root: Path, tmp_path: Path
) -> None:
    add_customer(root, tmp_path, "c-0a1b2c3d")
    other = colleague_sets(root, "c-0a1b2c3d", "last_name: Asiakas", "last_name: Kallen")
    env, log = editor(
        tmp_path,
        [
            {"do": "sub", "old": "last_name: Asiakas", "new": "last_name: Minun", "run": other},
            {"do": "keep"},  # closed without choosing: nothing written, the draft is kept
        ],
    )
    out = S.koto(root, "edit", "c-0a1b2c3d", env=env)
    assert out.returncode == 7, out.stderr
    shown = seen(log)[1]
    assert "Kalle Kollega" in shown and "'Minun'" in shown and "'Kallen'" in shown
    assert "last_name: Minun" in shown and "last_name: Kallen" in shown  # both lines, one to delete
    assert data_of(root, "c-0a1b2c3d")["last_name"] == "Kallen"
    assert (root / ".koto/drafts/c-0a1b2c3d.yaml").exists()

    env, log = editor(tmp_path, [{"do": "drop", "word": "last_name: Kallen"}])  # keep mine
    done = S.koto(root, "edit", "c-0a1b2c3d", env=env)
    assert done.returncode == 0, done.stderr
    assert "last_name: Kallen" in seen(log)[0]  # the kept draft was offered, with the choice
    assert data_of(root, "c-0a1b2c3d")["last_name"] == "Minun"
    text = (root / layout.record_path("c-0a1b2c3d", "c-0a1b2c3d")).read_text()
    assert "koto<<<" not in text and "# koto:" not in text


def test_add_of_a_kept_draft_never_reverts_a_later_change(root: Path, tmp_path: Path) -> None:
    add_customer(root, tmp_path, "c-0a1b2c3d")
    # an edit that fails and is closed unchanged: the draft (with its base version) is kept
    env, _ = editor(
        tmp_path, [{"do": "sub", "old": "last_name: Asiakas", "new": "last_name:"}, {"do": "keep"}]
    )
    assert S.koto(root, "edit", "c-0a1b2c3d", env=env).returncode == 7
    draft = root / ".koto/drafts/c-0a1b2c3d.yaml"
    # a colleague changes another field; then the draft is fixed by hand and added
    f = root / layout.record_path("c-0a1b2c3d", "c-0a1b2c3d")
    f.write_text(f.read_text().replace("first_names: Testi", "first_names: Kallen"))
    assert S.koto(root, "commit").returncode == 0
    draft.write_text(draft.read_text().replace("last_name:\n", "last_name: Minun\n"))
    out = S.koto(root, "add", str(draft))
    assert out.returncode == 0, out.stderr
    data = data_of(root, "c-0a1b2c3d")
    assert (data["first_names"], data["last_name"]) == ("Kallen", "Minun")
    assert not draft.exists()


# ---------------------------------------------------------------- ids


@pytest.fixture
def two_customers(root: Path, tmp_path: Path) -> dict[str, Path]:
    out = tmp_path / "generated"
    made = S.koto(tmp_path, "generate", "--customers", "2", "--seed", "7", "--out", str(out))
    assert made.returncode == 0, made.stderr
    files = sorted(out.glob("customers/*/*/*.yaml"))
    added = S.koto(root, "add", *map(str, files))
    assert added.returncode == 0, added.stderr
    return {f.stem: f for f in files}


def _assessment_and_other_customer(files: dict[str, Path]) -> tuple[Path, str]:
    asm = next(f for name, f in files.items() if name.startswith("asm-"))
    owner = asm.parent.name
    other = next(name for name in files if name.startswith("c-") and name != owner)
    return asm, other


def test_add_refuses_an_id_used_in_another_customers_folder(
    root: Path, tmp_path: Path, two_customers: dict[str, Path]
) -> None:
    asm, other = _assessment_and_other_customer(two_customers)
    dup = tmp_path / "dup.yaml"
    dup.write_text(asm.read_text().replace(f"customer: {asm.parent.name}", f"customer: {other}"))
    before = commits(root)
    out = S.koto(root, "add", str(dup))
    assert out.returncode == 6 and layout.record_path(asm.parent.name, asm.stem) in out.stderr, out.stderr
    assert commits(root) == before


def test_add_of_an_existing_id_with_other_content_needs_replace(
    root: Path, tmp_path: Path, two_customers: dict[str, Path]
) -> None:
    cust = next(f for name, f in two_customers.items() if name.startswith("c-"))
    changed = tmp_path / "changed.yaml"
    text = cust.read_text()
    last = next(line for line in text.splitlines() if line.startswith("last_name:"))
    changed.write_text(text.replace(last, "last_name: Korvattu"))
    before = commits(root)
    refused = S.koto(root, "add", str(changed))
    assert refused.returncode == 6 and "--replace" in refused.stderr and "Korvattu" in refused.stderr
    assert commits(root) == before
    replaced = S.koto(root, "add", "--replace", str(changed))
    assert replaced.returncode == 0, replaced.stderr
    assert "last_name" in replaced.stderr and "Korvattu" in replaced.stderr  # the field diff
    assert data_of(root, cust.stem)["last_name"] == "Korvattu"


def test_an_ambiguous_id_is_refused_with_the_list(
    root: Path, tmp_path: Path, two_customers: dict[str, Path]
) -> None:
    asm, other = _assessment_and_other_customer(two_customers)
    # a duplicate that came in through plain Git (the hook skipped)
    target = root / layout.record_path(other, asm.stem)
    target.write_text(asm.read_text().replace(f"customer: {asm.parent.name}", f"customer: {other}"))
    S.git(root, "add", str(target))
    hooked = subprocess.run(["git", "commit", "-m", "by hand"], cwd=root, capture_output=True, text=True)
    assert hooked.returncode != 0 and asm.stem in hooked.stderr  # the pre-commit hook refuses it
    S.git(root, "commit", "-q", "--no-verify", "-m", "by hand")
    out = S.koto(root, "annul", asm.stem, "--reason", "Väärä")
    assert out.returncode == 2, out.stderr
    assert asm.parent.name in out.stderr and other in out.stderr
    assert "annulment" not in file_data(root, other, asm.stem)
    exact = S.koto(root, "annul", f"{other}/{asm.stem}", "--reason", "Väärä tunniste")
    assert exact.returncode == 0, exact.stderr
    assert "annulment" in file_data(root, other, asm.stem)
    assert "annulment" not in file_data(root, asm.parent.name, asm.stem)


def test_rm_removes_an_unpushed_record_and_refuses_a_pushed_one(
    root: Path, tmp_path: Path, two_customers: dict[str, Path]
) -> None:
    asm, _ = _assessment_and_other_customer(two_customers)
    bare = tmp_path / "remote.git"
    S.git(tmp_path, "init", "-q", "--bare", "-b", "main", str(bare))
    S.git(root, "remote", "add", "origin", str(bare))
    S.git(root, "push", "-q", "origin", "main")
    pushed = S.koto(root, "rm", asm.stem)
    assert pushed.returncode == 6 and "koto annul" in pushed.stderr, pushed.stderr
    customer_id = asm.parent.name
    f = tmp_path / "c-0d0d0d0d.yaml"
    f.write_text(record_text("c-0d0d0d0d"))
    assert S.koto(root, "add", str(f)).returncode == 0
    gone = S.koto(root, "rm", "c-0d0d0d0d")
    assert gone.returncode == 0, gone.stderr
    assert not (root / layout.record_path("c-0d0d0d0d", "c-0d0d0d0d")).exists()
    assert S.koto(root, "show", "c-0d0d0d0d").returncode == 3
    assert S.git(root, "status", "--porcelain") == ""
    referred = S.koto(root, "rm", customer_id)
    assert referred.returncode == 6


def test_the_id_index_follows_the_head_by_changed_paths(root: Path, tmp_path: Path) -> None:
    from kototieto.store import idindex
    from kototieto.store.store import Store

    for cid in ("c-0a0a0a0a", "c-0b0b0b0b"):
        add_customer(root, tmp_path, cid)
    store = Store.open(root)
    head = store.repo.head_commit()
    assert head is not None
    first = idindex.index_of(store.repo, head)
    idindex.flush()  # (done at exit)
    stored = json.loads((root / ".git/koto/ids.json").read_text())
    assert stored["tree"] == str(head.tree.id)
    assert first.paths("c-0a0a0a0a") == [layout.record_path("c-0a0a0a0a", "c-0a0a0a0a")]
    add_customer(root, tmp_path, "c-0c0c0c0c")
    assert S.koto(root, "rm", "c-0a0a0a0a").returncode == 0
    store = Store.open(root)
    head = store.repo.head_commit()
    assert head is not None
    updated = idindex.index_of(store.repo, head)
    walked = idindex._walk(store.repo, head)
    assert updated.ids == walked and "c-0a0a0a0a" not in walked and "c-0c0c0c0c" in walked


def test_git_commit_by_hand_still_goes_through_the_hook(root: Path, tmp_path: Path) -> None:
    """The hook is not bypassed by drafts: a draft folder never reaches the index."""
    env, _ = editor(
        tmp_path, [{"do": "write", "text": record_text("c-0e0e0e0e", last_name=None)}, {"do": "keep"}]
    )
    S.koto(root, "new", "customer", "--id", "c-0e0e0e0e", env=env)
    S.git(root, "add", "-A")
    staged = subprocess.run(
        ["git", "diff", "--cached", "--name-only"], cwd=root, capture_output=True, text=True
    )
    assert ".koto" not in staged.stdout
