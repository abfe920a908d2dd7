"""Reviewer commands: organisation names in any case, "did you mean" for field paths, the author
from the profile, and comments on a pilot's extension fields."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
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


def _add_goals_comment(folder: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """A's comment "Hyvä." on `goals` for KEHA-keskus (``--json``), checked to have been added."""
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
    return added


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
    added = _add_goals_comment(folder, tmp_path)
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
    added = _add_goals_comment(folder, tmp_path)
    day = dt.date.fromisoformat(json.loads(added.stdout)["date"])
    for lang in ("fi", "sv"):
        listed = S.koto(tmp_path, "comment", "list", "-C", str(folder), env={"KOTO_LANG": lang})
        assert listed.returncode == 0, listed.stderr
        assert (
            f"  {day.day}.{day.month}.{day.year}  " in listed.stdout and day.isoformat() not in listed.stdout
        )
    as_json = json.loads(S.koto(tmp_path, "comment", "list", "-C", str(folder), "--json").stdout)
    assert [t["date"] for t in as_json] == [day.isoformat()]


def _two_threads(folder: Path, tmp_path: Path) -> tuple[str, str]:
    """An open thread on goals and an accepted one on a code-list value; their ids."""
    ids = []
    for path in ("goals", "codes/service-kind/other"):
        args = ["comment", "add", path, "--author", "A", "--organisation", "KEHA-keskus"]
        added = S.koto(tmp_path, *args, "--text", "Hyvä.", "-C", str(folder), "--json")
        assert added.returncode == 0, added.stderr
        ids.append(json.loads(added.stdout)["id"])
    done = S.koto(
        tmp_path, "comment", "resolve", ids[1], "--status", "accepted", "--reply", "Ok.", "-C", str(folder)
    )
    assert done.returncode == 0, done.stderr
    return ids[0], ids[1]


def test_comment_list_shows_status_words_in_the_language(folder: Path, tmp_path: Path) -> None:
    """``koto comment list`` says hyväksytty/godkänd, not the code; ``--json`` keeps the code."""
    opened, accepted = _two_threads(folder, tmp_path)
    words = {"fi": ("avoin", "hyväksytty"), "sv": ("öppen", "godkänd"), "en": ("open", "accepted")}
    for lang, (open_word, accepted_word) in words.items():
        listed = S.koto(tmp_path, "comment", "list", "-C", str(folder), env={"KOTO_LANG": lang})
        assert listed.returncode == 0, listed.stderr
        lines = {line.split()[0]: line for line in listed.stdout.splitlines()}
        assert f"  {open_word} " in lines[opened] and f"  {accepted_word} " in lines[accepted], lines
        if lang != "en":
            assert not re.search(r"\b(open|accepted)\b", listed.stdout), listed.stdout
    resolved = S.koto(
        tmp_path,
        "comment",
        "reply",
        opened,
        "--author",
        "B",
        "--text",
        "Katsotaan.",
        "-C",
        str(folder),
        env={"KOTO_LANG": "sv"},
    )
    assert resolved.returncode == 0 and "besvarad" in resolved.stdout and "answered" not in resolved.stdout
    as_json = json.loads(S.koto(tmp_path, "comment", "list", "-C", str(folder), "--json").stdout)
    assert {t["id"]: t["status"] for t in as_json} == {opened: "answered", accepted: "accepted"}


def test_comment_export_follows_the_report_files(folder: Path, tmp_path: Path) -> None:
    """CSV in the spreadsheet dialect (BOM, ';', headers in the language, the status word with its
    code beside, d.m.yyyy), the plain dialect with the old keys, and XLSX headers in the language."""
    from openpyxl import load_workbook

    _, accepted = _two_threads(folder, tmp_path)
    today = dt.date.today()
    first = {"fi": "Tunniste;Kenttä;Nimi suomeksi", "sv": "Id;Fält;Namn på finska"}
    word = {"fi": "hyväksytty", "sv": "godkänd"}
    for lang in ("fi", "sv"):
        out = tmp_path / f"c-{lang}.csv"
        done = S.koto(
            tmp_path,
            "comment",
            "export",
            "--format",
            "csv",
            "-o",
            str(out),
            "-C",
            str(folder),
            env={"KOTO_LANG": lang},
        )
        assert done.returncode == 0, done.stderr
        text = out.read_text(encoding="utf-8")
        assert text.startswith("\ufeff" + first[lang]), text[:80]
        header, *rows = [line.split(";") for line in text.lstrip("\ufeff").splitlines()]
        assert "label_fi" not in header and "proposed_text" not in header
        row = next(r for r in rows if r[0] == accepted)
        status = header.index({"fi": "Tila", "sv": "Status"}[lang])
        assert row[status : status + 2] == [word[lang], "accepted"]
        assert header[status + 1] == {"fi": "Tila (koodi)", "sv": "Status (kod)"}[lang]
        assert f"{today.day}.{today.month}.{today.year}" in row and today.isoformat() not in row
    plain = tmp_path / "plain.csv"
    done = S.koto(
        tmp_path,
        "comment",
        "export",
        "--format",
        "csv",
        "--csv-dialect",
        "plain",
        "-o",
        str(plain),
        "-C",
        str(folder),
        env={"KOTO_LANG": "sv"},
    )
    assert done.returncode == 0, done.stderr
    lines = plain.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "id,path,label_fi,label_sv,label_en,orphaned,author,organisation,date,comment,proposed_text,"
        "status,reply,reply_by,reply_date,replies"
    )
    assert any(
        line.startswith(accepted) and ",accepted,Ok.," in line and today.isoformat() in line
        for line in lines[1:]
    )
    xlsx = tmp_path / "c.xlsx"
    done = S.koto(
        tmp_path,
        "comment",
        "export",
        "--format",
        "xlsx",
        "-o",
        str(xlsx),
        "-C",
        str(folder),
        env={"KOTO_LANG": "sv"},
    )
    assert done.returncode == 0, done.stderr
    ws = load_workbook(xlsx).active
    assert ws is not None
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Id", "Fält", "Namn på finska"] and "Status (kod)" in headers
    assert ws.row_dimensions[2].hidden and [c.value for c in ws[2]][:3] == ["id", "path", "label_fi"]
    values = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    assert "godkänd" in values[accepted] and "accepted" in values[accepted]


def test_round_create_without_identity_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No `git config user`, no `koto profile`: the round is refused and no folder (nor an empty
    ``comments/.git``) is left; a comment without a writer leaves no thread file either."""
    S.hermetic(tmp_path, monkeypatch)
    nobody = {
        "HOME": str(tmp_path / "nobody"),
        "GIT_CONFIG_GLOBAL": str(tmp_path / "nobody" / ".gitconfig"),
        "XDG_CONFIG_HOME": str(tmp_path / "nobody" / ".config"),
    }
    today = dt.date.today()
    create = ["comment", "round", "create", "Kierros", "--opens", str(today - dt.timedelta(days=1))]
    create += ["--closes", str(today + dt.timedelta(days=9)), "--organisations", "KEHA-keskus"]
    refused = S.koto(tmp_path, *create, "-C", str(tmp_path / "comments"), env=nobody)
    assert refused.returncode != 0 and "git config user.email" in refused.stderr
    assert not (tmp_path / "comments").exists()
    # with an identity the round is made; then without one a comment is refused before its file
    made = S.koto(tmp_path, *create, "-C", str(tmp_path / "comments"))
    assert made.returncode == 0, made.stderr
    add = ["comment", "add", "goals", "--author", "A", "--organisation", "KEHA-keskus", "--text", "x"]
    late = S.koto(tmp_path, *add, "-C", str(tmp_path / "comments"), env=nobody)
    assert late.returncode != 0 and "git config user.email" in late.stderr
    assert not list((tmp_path / "comments" / "threads").glob("*.yaml"))
