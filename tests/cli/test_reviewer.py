"""Reviewer commands: organisation names in any case, "did you mean" for field paths, the author
from the profile, and comments on a pilot's extension fields."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.store_git import _support as S


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = S.hermetic(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    today = dt.date.today()
    out = S.koto(
        tmp_path,
        "comment",
        "round",
        "create",
        "Kierros",
        "--opens",
        str(today - dt.timedelta(days=1)),
        "--closes",
        str(today + dt.timedelta(days=9)),
        "--organisations",
        "Vaasan kaupunki,KEHA-keskus",
        "--comments",
        str(tmp_path / "comments"),
    )
    assert out.returncode == 0, out.stderr
    return tmp_path / "comments"


def test_case_insensitive_organisation_and_profile_author(folder: Path, tmp_path: Path) -> None:
    assert (
        S.koto(tmp_path, "profile", "--name", "Aino Arvioija", "--email", "aino@example.org").returncode == 0
    )
    out = S.koto(
        tmp_path,
        "comment",
        "add",
        "goals",
        "--organisation",
        "vaasan KAUPUNKI",
        "--text",
        "Hyvä.",
        "--comments",
        str(folder),
        "--json",
    )
    assert out.returncode == 0, out.stderr
    thread = json.loads(out.stdout)
    assert thread["organisation"] == "Vaasan kaupunki" and thread["author"] == "Aino Arvioija"


def test_unknown_path_gets_a_suggestion(folder: Path, tmp_path: Path) -> None:
    out = S.koto(
        tmp_path,
        "comment",
        "add",
        "measures.servicekind",
        "--author",
        "A",
        "--organisation",
        "KEHA-keskus",
        "--text",
        "x",
        "--comments",
        str(folder),
        env={"KOTO_LANG": "fi"},
    )
    assert out.returncode == 3
    assert "Tarkoititko: measures.service_kind" in out.stderr


def test_comment_on_an_extension_field(folder: Path, tmp_path: Path) -> None:
    from tests.extensions import _support as X

    data = tmp_path / "pilot"
    X.make_repo(data, {"digitaidot.yaml": X.DEFINITIONS})
    args = [
        "comment",
        "add",
        "extensions.091.digital-skills",
        "--author",
        "A",
        "--organisation",
        "KEHA-keskus",
    ]
    args += ["--text", "Hyvä kenttä.", "--comments", str(folder), "--json"]
    without = S.koto(tmp_path, *args)
    assert without.returncode == 3  # the national catalogue alone does not know it
    out = S.koto(tmp_path, *args, "--data", str(data))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["path"] == "extensions.091.digital-skills"


def test_the_comments_folder_is_dash_c_repo_and_comments_still_works(folder: Path, tmp_path: Path) -> None:
    """``-C/--repo`` names the comments folder as on every command; ``--comments`` is a hidden alias."""
    base = ["comment", "add", "goals", "--author", "A", "--organisation", "KEHA-keskus", "--json"]
    short = S.koto(tmp_path, *base, "--text", "Lyhyt.", "-C", str(folder))
    assert short.returncode == 0, short.stderr
    long = S.koto(tmp_path, *base, "--text", "Pitkä.", "--repo", str(folder))
    assert long.returncode == 0, long.stderr
    listed = S.koto(tmp_path, "comment", "list", "--comments", str(folder), "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 2
    elsewhere = S.koto(tmp_path, "comment", "list", "-C", str(tmp_path / "empty"), "--json")
    assert elsewhere.returncode == 0 and json.loads(elsewhere.stdout) == []
    helped = S.koto(tmp_path, "comment", "list", "--help", env={"KOTO_LANG": "sv"}).stdout
    assert "-C, --repo" in helped and "kommentarmapp" in helped and "--comments" not in helped


def test_round_show_and_orphaned_flag_follow_the_language(folder: Path, tmp_path: Path) -> None:
    from tests.cli.test_no_english import english_words

    shown = S.koto(tmp_path, "comment", "round", "show", "-C", str(folder), env={"KOTO_LANG": "sv"})
    assert shown.returncode == 0, shown.stderr
    assert "datainnehållets version" in shown.stdout and "catalogue" not in shown.stdout
    opens = dt.date.today() - dt.timedelta(days=1)
    assert f"{opens.day}.{opens.month}.{opens.year}" in shown.stdout
    en = S.koto(tmp_path, "comment", "round", "show", "-C", str(folder), env={"KOTO_LANG": "en"})
    assert "catalogue" in en.stdout
    added = S.koto(
        tmp_path,
        "comment",
        "add",
        "goals",
        "--author",
        "A",
        "--organisation",
        "KEHA-keskus",
        "--text",
        "Hyvä.",
        "-C",
        str(folder),
        "--json",
    )
    assert added.returncode == 0, added.stderr
    thread = json.loads(added.stdout)
    # The thread's field no longer in the catalogue: rename it in the thread file.
    path = folder / "threads" / f"{thread['id']}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("path: goals", "path: vanha_kentta"), encoding="utf-8"
    )
    listed = S.koto(tmp_path, "comment", "list", "-C", str(folder), env={"KOTO_LANG": "sv"})
    assert listed.returncode == 0, listed.stderr
    assert "(fältet finns inte längre)" in listed.stdout and "orphaned" not in listed.stdout
    versions_out = re.sub(r"\S*\d\S*", " ", shown.stdout + listed.stdout)  # 2026.12-draft is a code
    assert not english_words(versions_out)


def test_comment_list_writes_dates_as_people_do_and_json_keeps_iso(folder: Path, tmp_path: Path) -> None:
    added = S.koto(
        tmp_path,
        "comment",
        "add",
        "goals",
        "--author",
        "A",
        "--organisation",
        "KEHA-keskus",
        "--text",
        "Hyvä.",
        "-C",
        str(folder),
        "--json",
    )
    assert added.returncode == 0, added.stderr
    day = dt.date.fromisoformat(json.loads(added.stdout)["date"])
    for lang in ("fi", "sv"):
        listed = S.koto(tmp_path, "comment", "list", "-C", str(folder), env={"KOTO_LANG": lang})
        assert listed.returncode == 0, listed.stderr
        assert (
            f"  {day.day}.{day.month}.{day.year}  " in listed.stdout and day.isoformat() not in listed.stdout
        )
    as_json = json.loads(S.koto(tmp_path, "comment", "list", "-C", str(folder), "--json").stdout)
    assert [t["date"] for t in as_json] == [day.isoformat()]
