"""The library raises its errors in fi, sv and en (``T(fi, sv, en)`` at the raise site).

The CLI and the web app only pick the language (``KotoError.localized``); nothing matches English
wording after the fact: ``cli/library_messages.py``, which did, is gone.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from kototieto.errors import (
    InvalidInputError,
    KotoError,
    NoRepositoryError,
    NotAllowedError,
    NotFoundError,
    UsageError,
)
from kototieto.model.text import Text
from tests.store_git import _support as S

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def three(error: KotoError) -> dict[str, str]:
    """The error's message in each language; the three must differ (none is English in disguise)."""
    assert isinstance(error.text, Text), f"raised as a plain string: {error.text!r}"
    out = {lang: error.localized(lang) for lang in ("fi", "sv", "en")}
    assert len(set(out.values())) == 3, out
    return out


def test_no_module_translates_english_messages_after_the_fact() -> None:
    assert not (ROOT / "cli" / "library_messages.py").exists()
    for path in (ROOT / "cli").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any("library_messages" in n for n in names), path
        assert "localise_error" not in names, path


def test_opening_a_folder_outside_git_says_so_in_three_languages(tmp_path: Path) -> None:
    from kototieto.store.repository import Repository

    with pytest.raises(NoRepositoryError) as info:
        Repository.open(tmp_path)
    said = three(info.value)
    assert said["sv"] == (
        f"{tmp_path} är inte i ett Git-förråd; skapa ett med `koto init MAPP --organisation KOD`"
    )
    assert said["fi"].startswith(f"{tmp_path} ei ole Git-tietovarastossa")
    assert said["en"].startswith(f"{tmp_path} is not inside a Git repository")


def test_a_missing_record_and_revision_and_a_second_init(tmp_path: Path) -> None:
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store

    repo = S.make_repo(tmp_path / "r")
    store = Store(repo)
    with pytest.raises(NotFoundError) as info:
        store.read("c-nope")
    said = three(info.value)
    assert said["sv"].startswith("Posten 'c-nope' finns inte (version HEAD)")
    assert said["en"] == "no record 'c-nope' at HEAD"
    with pytest.raises(NotFoundError) as info:
        store.read("c-nope", rev="no-such-rev")
    assert three(info.value)["fi"].startswith("Versiota 'no-such-rev' ei ole")
    with pytest.raises(KotoError) as info:
        init_repository(tmp_path / "r", organisation_code="091", name="Testikunta")
    assert three(info.value)["sv"] == f"{(tmp_path / 'r').resolve()} är redan en koto-datakatalog"


def test_role_and_yaml_and_config_errors_carry_three_languages(tmp_path: Path) -> None:
    from kototieto.store.bulkload import fast_load
    from kototieto.store.pipeline import rule_params
    from kototieto.store.repository import parse_config
    from kototieto.store.roles import DEFAULT_ROLES, check_role

    with pytest.raises(NotAllowedError) as info:
        check_role(DEFAULT_ROLES, "keha-centre", {"kind": "customer"})
    said = three(info.value)
    assert "ingenting" in said["sv"] and "ei mitään" in said["fi"] and "no records" in said["en"]

    with pytest.raises(InvalidInputError) as info:
        fast_load(b"kind: customer\nid: a\nid: b\n", "r.yaml")
    said = three(info.value)
    assert said["sv"] == "r.yaml:3:1: Nyckeln 'id' finns två gånger."
    assert said["en"].startswith("r.yaml:3:1: duplicate key 'id'")

    base = "format_version: 1\norganisation: {type: municipality, code: '091', name: X}\n"
    with pytest.raises(InvalidInputError) as info:
        parse_config(base + "colour: red\n")
    assert three(info.value)["sv"].endswith("okända nycklar: colour")
    with pytest.raises(InvalidInputError) as info:
        rule_params({"review_months": 3})
    assert "tuntematon sääntöparametri 'review_months'" in three(info.value)["fi"]


def test_a_layout_and_editor_error_in_swedish() -> None:
    from kototieto.store.drafts import run_editor
    from kototieto.store.layout import check_name

    with pytest.raises(UsageError) as info:
        check_name("../x", "record")
    assert three(info.value)["sv"].startswith("'../x' duger inte som id")
    with pytest.raises(UsageError) as info:
        run_editor(Path("x.yaml"), editor="/no/such/editor")
    assert three(info.value)["sv"].startswith("Editorn '/no/such/editor' kunde inte startas")


def test_the_cli_prints_the_library_text_in_the_runs_language(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    for lang, words in (
        ("fi", "ei ole Git-tietovarastossa"),
        ("sv", "är inte i ett Git-förråd"),
        ("en", "is not inside a Git repository"),
    ):
        out = S.koto(outside, "show", "x", env={"KOTO_LANG": lang})
        assert out.returncode == 4 and words in out.stderr, out.stderr
        body = json.loads(S.koto(outside, "show", "x", "--json", env={"KOTO_LANG": lang}).stderr)
        assert words in body["message"] and body["error"] == "no-repository"
