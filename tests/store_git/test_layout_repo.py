"""Layout, repository creation, config and format version (real Git repositories)."""

from __future__ import annotations

import importlib.util
import json
import os
import shlex
import stat
from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import (
    FormatVersionError,
    InvalidInputError,
    NoRepositoryError,
    NothingToDoError,
    UsageError,
)
from kototieto.store import layout
from kototieto.store.repository import Repository, parse_config

_spec = importlib.util.spec_from_file_location("store_git_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def test_record_path_is_sharded_by_sha1_of_customer() -> None:
    p = layout.record_path("c-0001", "assessment-1")
    assert p == f"customers/{layout.shard('c-0001')}/c-0001/assessment-1.yaml"
    assert len(layout.shard("c-0001")) == 2
    assert layout.parse_record_path(p) == layout.RecordPath(layout.shard("c-0001"), "c-0001", "assessment-1")
    assert layout.schema_url_for(p) == "../../../schema/record.schema.json"


@pytest.mark.parametrize("bad", ["", "../x", "a/b", ".hidden", "a..b", "x" * 101, "ä", "a b", "a."])
def test_unsafe_names_are_refused(bad: str) -> None:
    with pytest.raises(UsageError):
        layout.record_path("c-1", bad)


def test_path_problems_name_every_disagreement() -> None:
    good = {"kind": "assessment", "id": "a-1", "customer": "c-1"}
    path = layout.record_path("c-1", "a-1")
    assert layout.path_problems(path, good) == []
    fields = {p.field for p in layout.path_problems(path, {**good, "id": "a-2", "customer": "c-2"})}
    assert fields == {"id", "customer"}
    wrong_shard = path.replace(f"/{layout.shard('c-1')}/", "/zz/")
    assert [p.field for p in layout.path_problems(wrong_shard, good)] == ["customer"]
    assert layout.path_problems("elsewhere/a-1.yaml", good)[0].field == "id"
    cust = layout.record_path("c-1", "c-1")
    assert layout.path_problems(cust, {"kind": "customer", "id": "c-1"}) == []


def test_init_creates_a_clean_repository_with_everything(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    root = repo.root
    assert S.git(root, "status", "--porcelain") == ""
    assert S.git(root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    for rel in (
        "koto.yaml",
        ".gitattributes",
        ".gitignore",
        "schema/record.schema.json",
        ".gitlab-ci.yml",
        ".github/workflows/koto-validate.yml",
        ".forgejo/workflows/koto-validate.yml",
    ):
        assert rel in S.git(root, "ls-files"), rel
    json.loads((root / "schema/record.schema.json").read_text())
    attr = S.git(root, "check-attr", "merge", "customers/ab/c-1/c-1.yaml")
    assert attr.strip().endswith("merge: koto")
    # the driver is the running installation by its absolute path: Git finds it without koto on PATH
    driver = shlex.split(S.git(root, "config", "merge.koto.driver").strip())
    assert driver[1:] == ["-m", "kototieto", "merge-driver", "%O", "%A", "%B", "%P"]
    assert Path(driver[0]).is_absolute() and os.access(driver[0], os.X_OK)
    hook = root / ".git/hooks/pre-commit"
    assert hook.stat().st_mode & stat.S_IXUSR
    assert "koto" in hook.read_text()
    for ci in (
        ".gitlab-ci.yml",
        ".github/workflows/koto-validate.yml",
        ".forgejo/workflows/koto-validate.yml",
    ):
        text = (root / ci).read_text()
        assert "pip install kototieto" in text and "koto validate" in text
    cfg = Repository.open(root).config
    assert cfg.organisation.code == "091" and cfg.format_version == 1
    assert cfg.allowed_kinds("wellbeing-services-county") == ("review",)
    assert cfg.allowed_kinds("keha-centre") == ()


def test_init_refuses_existing_and_non_empty(tmp_path: Path) -> None:
    S.make_repo(tmp_path / "r")
    with pytest.raises(NothingToDoError):
        S.make_repo(tmp_path / "r")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x")
    with pytest.raises(UsageError):
        S.make_repo(tmp_path / "full")


def test_unknown_format_version_names_koto_upgrade(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    cfg = repo.root / "koto.yaml"
    cfg.write_text(cfg.read_text().replace("format_version: 1", "format_version: 0"))
    with pytest.raises(FormatVersionError, match="koto upgrade"):
        Repository.open(repo.root)
    cfg.write_text(cfg.read_text().replace("format_version: 0", "format_version: 99"))
    with pytest.raises(FormatVersionError) as info:
        Repository.open(repo.root)
    assert "upgrade kototieto" in info.value.localized("en") and "päivitä kototieto" in info.value.localized(
        "fi"
    )
    out = S.koto(repo.root, "show", "c-1")
    assert out.returncode == 9 and "upgrade" in out.stderr


def test_config_errors_name_the_key() -> None:
    base = "format_version: 1\norganisation: {type: municipality, code: '091', name: X}\n"
    assert parse_config(base).organisation.name == "X"
    with pytest.raises(InvalidInputError) as info:
        parse_config(base + "colour: red\n")
    assert info.value.localized("en").endswith("unknown keys: colour")
    with pytest.raises(InvalidInputError, match=r"organisation\.type"):
        parse_config(base.replace("municipality", "city"))
    with pytest.raises(InvalidInputError, match="roles"):
        parse_config(base + "roles: {municipality: [nonsense]}\n")
    with pytest.raises(InvalidInputError, match=r"organisation\.code"):
        parse_config(base.replace("'091'", "91"))


def test_open_outside_a_repository(tmp_path: Path) -> None:
    with pytest.raises(NoRepositoryError):
        Repository.open(tmp_path)
    S.git(tmp_path, "init", "-q", "plain")
    with pytest.raises(NoRepositoryError, match="koto init"):
        Repository.open(tmp_path / "plain")


def test_upgrade_refreshes_generated_files_and_reinstalls_hooks(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    (repo.root / ".git/hooks/pre-commit").unlink()
    S.git(repo.root, "config", "--unset", "merge.koto.driver")
    (repo.root / ".gitlab-ci.yml").write_text("stale\n")
    S.git(repo.root, "commit", "-q", "--no-verify", "-am", "stale CI")
    out = S.koto(repo.root, "upgrade")
    assert out.returncode == 0, out.stderr
    assert ".gitlab-ci.yml" in out.stdout
    assert "koto validate" in (repo.root / ".gitlab-ci.yml").read_text()
    assert os.access(repo.root / ".git/hooks/pre-commit", os.X_OK)
    assert S.git(repo.root, "config", "merge.koto.driver").strip()
    assert S.git(repo.root, "status", "--porcelain") == ""
    again = S.koto(repo.root, "upgrade")
    assert again.returncode == 0 and "Up to date" in again.stdout


def test_cli_init(tmp_path: Path) -> None:
    out = S.koto(tmp_path, "init", "kunta", "--organisation", "049", "--name", "Espoo", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["format_version"] == 1
    assert Repository.open(tmp_path / "kunta").config.organisation.name == "Espoo"
    county = S.koto(
        tmp_path, "init", "hva", "--organisation", "15", "--organisation-type", "wellbeing-services-county"
    )
    assert county.returncode == 0, county.stderr
    assert Repository.open(tmp_path / "hva").config.organisation.type == "wellbeing-services-county"


def test_ci_configs_follow_their_hosts_schemas(tmp_path: Path) -> None:
    """The vendored schemas of check-jsonschema (offline): GitHub/Forgejo workflows, GitLab CI."""
    import subprocess
    import sys

    root = S.make_repo(tmp_path / "r").root
    tool = str(Path(sys.executable).parent / "check-jsonschema")
    for schema, files in (
        (
            "vendor.github-workflows",
            [".github/workflows/koto-validate.yml", ".forgejo/workflows/koto-validate.yml"],
        ),
        ("vendor.gitlab-ci", [".gitlab-ci.yml"]),
    ):
        out = subprocess.run(
            [tool, "--builtin-schema", schema, *files], cwd=root, capture_output=True, text=True, check=False
        )
        assert out.returncode == 0, out.stdout + out.stderr


def test_init_takes_the_official_names_in_finnish_and_swedish(tmp_path: Path) -> None:
    """Without --name, koto init writes the classification's names per language, and documents
    then print the Swedish name on Swedish letterheads."""
    out = S.koto(tmp_path, "init", str(tmp_path / "r"), "--organisation", "905", "--lang", "sv")
    assert out.returncode == 0, out.stderr
    assert "(Vasa)" in out.stdout
    config = parse_config((tmp_path / "r" / "koto.yaml").read_text(encoding="utf-8"))
    assert dict(config.organisation.names) == {"fi": "Vaasa", "sv": "Vasa"}
    named = S.koto(
        tmp_path, "init", str(tmp_path / "n"), "--organisation", "905", "--name", "Vaasan kaupunki"
    )
    assert named.returncode == 0, named.stderr
    assert parse_config((tmp_path / "n" / "koto.yaml").read_text(encoding="utf-8")).organisation.name == (
        "Vaasan kaupunki"
    )
