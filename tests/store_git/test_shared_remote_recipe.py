"""The README's recipe for a shared remote, run line by line as written (review 2026-12-newcomer, C8).

The lines come from the README's code block under the ``shared-remote-recipe`` marker; only the
shared drive's path (/srv/koto/vaasa.git) is replaced by a temporary folder. Git is set up like a
new workstation's: an identity, but no ``init.defaultBranch`` (Git's own default, ``master``), so
that a bare repository made without ``--initial-branch=main`` shows the clone warning it would show
a new user. A real bare repository, the official's clone from ``koto init``, a colleague's clone.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from kototieto.store.yamlio import new_document_text
from tests import gitenv
from tests.store_git import _support as S

README = Path(__file__).resolve().parents[2] / "README.md"
MARKER = "<!-- shared-remote-recipe:"
SHARED = "/srv/koto/vaasa.git"
NO_HEAD = "remote HEAD refers to nonexistent ref"


def recipe() -> tuple[list[str], list[str]]:
    """The recipe's command lines: (the official's, every colleague's)."""
    text = README.read_text(encoding="utf-8")
    block = text[text.index(MARKER) :].split("```sh\n", 1)[1].split("```", 1)[0]
    official: list[str] = []
    colleague: list[str] = []
    part = official
    for line in block.splitlines():
        if line.startswith("# 2."):
            part = colleague
        elif line.strip() and not line.startswith("#"):
            part.append(line)
    return official, colleague


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    home = gitenv.apply(tmp_path / "home", monkeypatch)
    # a new workstation: an identity, Git's own default branch (no init.defaultBranch)
    (home / ".gitconfig").write_text(gitenv.GITCONFIG.split("[init]")[0], encoding="utf-8")
    out = dict(os.environ)
    out["KOTO_LANG"] = "en"
    return out


def run(lines: list[str], cwd: Path, shared: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``lines`` as one shell script (stop at the first failure), the shared path replaced."""
    script = "set -e\n" + "\n".join(line.replace(SHARED, str(shared)) for line in lines) + "\n"
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def test_readme_recipe_gives_clones_that_check_out_main_and_sync(tmp_path: Path, env: dict[str, str]) -> None:
    official, colleague = recipe()
    assert any("git init --bare" in line and SHARED in line for line in official), official
    assert any(line.startswith("git clone ") for line in colleague) and "koto sync" in colleague
    shared = tmp_path / "drive" / "koto" / "vaasa.git"
    shared.parent.mkdir(parents=True)
    first = tmp_path / "official"
    first.mkdir()
    made = S.koto(first, "init", "vaasa", "--organisation", "905", "--name", "Vaasan kaupunki")
    assert made.returncode == 0, made.stderr

    done = run(official, first, shared, env)
    assert done.returncode == 0, done.stderr
    assert S.git(shared, "symbolic-ref", "HEAD").strip() == "refs/heads/main"

    second = tmp_path / "colleague"
    second.mkdir()
    done = run(colleague, second, shared, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "warning" not in done.stderr.lower() and NO_HEAD not in done.stderr, done.stderr
    clone = second / "vaasa"
    assert S.git(clone, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert (clone / "koto.yaml").is_file()

    # the set-up works both ways: the official's record reaches the colleague with `koto sync`
    cid = "c-0000000c"
    record = tmp_path / f"{cid}.yaml"
    record.write_text(new_document_text(S.customer(cid), "../../../schema/record.schema.json"), "utf-8")
    for cmd in (["add", str(record)], ["sync"]):
        out = S.koto(first / "vaasa", *cmd)
        assert out.returncode == 0, out.stderr
    out = S.koto(clone, "sync")
    assert out.returncode == 0, out.stderr
    assert list(clone.glob(f"customers/*/{cid}/{cid}.yaml"))


def test_without_the_initial_branch_a_clone_warns(tmp_path: Path, env: dict[str, str]) -> None:
    """The check above can fail: the recipe's bare repository without ``--initial-branch=main``."""
    official, colleague = recipe()
    official = [line.replace(" --initial-branch=main", "") for line in official]
    shared = tmp_path / "drive" / "vaasa.git"
    shared.parent.mkdir(parents=True)
    first = tmp_path / "official"
    first.mkdir()
    assert (
        S.koto(first, "init", "vaasa", "--organisation", "905", "--name", "Vaasan kaupunki").returncode == 0
    )
    assert run(official, first, shared, env).returncode == 0
    second = tmp_path / "colleague"
    second.mkdir()
    clone = run([line for line in colleague if line.startswith("git clone ")], second, shared, env)
    assert NO_HEAD in clone.stderr, clone.stderr


def test_koto_init_shared_makes_the_remote_in_one_step(tmp_path: Path, env: dict[str, str]) -> None:
    """`koto init DIR --shared PATH` does the recipe's first part; a clone of PATH checks out main."""
    shared = tmp_path / "drive" / "vaasa.git"
    made = S.koto(
        tmp_path,
        "init",
        "vaasa",
        "--organisation",
        "905",
        "--name",
        "Vaasan kaupunki",
        "--shared",
        str(shared),
    )
    assert made.returncode == 0, made.stderr
    assert f"git clone {shared}" in made.stdout
    assert S.git(shared, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert S.git(tmp_path / "vaasa", "rev-parse", "--abbrev-ref", "main@{upstream}").strip() == "origin/main"
    clone = subprocess.run(
        ["git", "clone", str(shared), "c"], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert clone.returncode == 0 and "warning" not in clone.stderr.lower(), clone.stderr
    assert S.git(tmp_path / "c", "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert S.koto(tmp_path / "c", "sync").returncode == 0
    # a folder that is not empty is refused before anything is made
    again = S.koto(tmp_path, "init", "other", "--organisation", "905", "--shared", str(shared))
    assert again.returncode == 2 and "not an empty folder" in again.stderr
    assert not (tmp_path / "other").exists()
