"""Consultation comments: YAML round trip, round dates, orphans, Git commits, CSV/XLSX export, CLI."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kototieto.errors import InvalidInputError, NotAllowedError, NotFoundError
from kototieto.exchange.reportfiles import tables_xlsx, write_table_csv
from kototieto.site.comments import CommentRepo, RoundClosedError, Status, Thread
from kototieto.site.comments_export import COLUMNS, comments_table

_spec = importlib.util.spec_from_file_location("site_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(support)

OPENS = dt.date(2026, 11, 1)
CLOSES = dt.date(2026, 12, 15)
DAY = dt.date(2026, 11, 20)
ORGS = ["Helsingin kaupunki", "Pirkanmaan hyvinvointialue", "KEHA-keskus", "Sisäministeriö"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CommentRepo:
    support.hermetic(tmp_path, monkeypatch)
    r = CommentRepo(tmp_path / "comments")
    r.create_round(
        "Kenttäluettelon lausuntokierros", OPENS, CLOSES, ORGS, "0.9.0", contact="kirjaamo@example.org"
    )
    return r


def _git_log(folder: Path) -> list[str]:
    out = subprocess.run(
        ["git", "log", "--format=%s"], cwd=folder, capture_output=True, text=True, check=True
    )
    return out.stdout.splitlines()


def _add(repo: CommentRepo, path: str = "goals", **kw: object) -> Thread:
    args: dict[str, object] = {
        "author": "Aino Virtanen",
        "organisation": "Helsingin kaupunki",
        "text": "Tavoitteiden määrä pitäisi rajata: ”enintään viisi”.\nToinen rivi: no, yes, 1:20",
        "catalogue": support.sample_catalogue(),
        "today": DAY,
    }
    args.update(kw)
    return repo.add(path, **args)  # type: ignore[arg-type]


def test_thread_round_trips_through_yaml_and_is_committed(repo: CommentRepo) -> None:
    t = _add(repo, proposed_text="Suunnitelman tavoitteet (1–5).")
    again = repo.get(t.id)
    assert again == t
    assert again.text.endswith("no, yes, 1:20") and again.status is Status.OPEN
    assert again.catalogue_version == "0.9.0"
    replied = repo.reply(
        t.id, author="Sami Ministeriö", organisation="Sisäministeriö", text="Kiitos.", today=DAY
    )
    assert replied.status is Status.ANSWERED
    resolved = repo.resolve(
        t.id, status="accepted", reply="Muutetaan.", author="Sami", today=CLOSES + dt.timedelta(days=3)
    )
    assert repo.get(t.id) == resolved
    assert [r.status for r in resolved.replies] == [Status.ANSWERED, Status.ACCEPTED]
    assert resolved.status is Status.ACCEPTED
    log = _git_log(repo.root)
    assert len(log) == 4 and log[0].endswith("accepted") and log[-1].startswith("comment round")
    status = subprocess.run(["git", "status", "--porcelain"], cwd=repo.root, capture_output=True, text=True)
    assert status.stdout == ""


def test_comments_outside_the_round_are_refused(repo: CommentRepo) -> None:
    with pytest.raises(RoundClosedError, match="2026-12-15"):
        _add(repo, today=CLOSES + dt.timedelta(days=1))
    with pytest.raises(RoundClosedError):
        _add(repo, today=OPENS - dt.timedelta(days=1))
    assert isinstance(RoundClosedError("x"), NotAllowedError)
    _add(repo, today=CLOSES)  # the last day still counts
    assert not list(repo.threads_dir.glob(".*.tmp"))


def test_unknown_path_and_organisation_are_refused(repo: CommentRepo) -> None:
    with pytest.raises(NotFoundError, match="no-such-field"):
        _add(repo, "no-such-field")
    with pytest.raises(NotAllowedError) as info:
        _add(repo, organisation="Muu yhdistys")
    assert "does not take part" in info.value.localized("en")
    assert "ei osallistu lausuntokierrokseen" in info.value.localized("fi")
    assert repo.threads() == []


def test_code_list_values_take_comments(repo: CommentRepo) -> None:
    t = _add(repo, "codes/service-kind/other")
    _add(repo, "codes/service-kind")
    assert repo.get(t.id).path == "codes/service-kind/other"


def test_orphaned_threads_are_listed_not_lost(repo: CommentRepo) -> None:
    kept = _add(repo, "goals")
    gone = _add(repo, "next_review")
    cat = support.sample_catalogue()
    cat["fields"] = [f for f in cat["fields"] if f["path"] != "next_review"]
    s = repo.sorted_onto(cat)
    assert [t.id for t in s.by_path["goals"]] == [kept.id]
    assert [t.id for t in s.orphans] == [gone.id]
    assert {t.id for t in s.all()} == {kept.id, gone.id}


def test_broken_thread_file_names_file_line_and_field(repo: CommentRepo) -> None:
    t = _add(repo)
    path = repo.threads_dir / f"{t.id}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("status: open", "status: maybe"), encoding="utf-8"
    )
    with pytest.raises(InvalidInputError) as err:
        repo.threads()
    message = str(err.value)
    assert f"{t.id}.yaml:" in message and "field status" in message
    line = int(message.split(".yaml:")[1].split(":")[0])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("status:")


def test_export_csv_and_xlsx_have_one_row_per_thread(repo: CommentRepo, tmp_path: Path) -> None:
    a = _add(repo, "goals", proposed_text="Uusi teksti.")
    b = _add(repo, "codes/service-kind/other", organisation="KEHA-keskus", author="Kalle Keha")
    repo.resolve(a.id, status="rejected", reply="Ei muuteta.", author="Sami", today=DAY)
    cat = support.sample_catalogue()
    cat["fields"] = [f for f in cat["fields"] if f["path"] != "goals"]  # a becomes orphaned
    threads = repo.threads()
    # the plain dialect: the stable keys, status codes, yes/no and ISO dates, as before
    write_table_csv(comments_table(threads, cat, "fi", plain=True), tmp_path / "r.csv", "fi", "plain")
    with open(tmp_path / "r.csv", encoding="utf-8", newline="") as fh:
        assert not fh.read(1).startswith("\ufeff")
        fh.seek(0)
        reader = csv.DictReader(fh)
        rows = list(reader)
        assert tuple(reader.fieldnames or ()) == COLUMNS
    by_id = {r["id"]: r for r in rows}
    assert len(rows) == 2
    assert by_id[a.id]["status"] == "rejected" and by_id[a.id]["reply"] == "Ei muuteta."
    assert by_id[a.id]["orphaned"] == "yes" and by_id[a.id]["proposed_text"] == "Uusi teksti."
    assert by_id[a.id]["date"] == DAY.isoformat() and by_id[a.id]["reply_date"] == DAY.isoformat()
    assert by_id[b.id]["label_sv"] == "Typ av tjänst: Annan tjänst" and by_id[b.id]["orphaned"] == "no"
    # XLSX: headers in the language, the keys in a hidden second row, the status word and its code
    tables_xlsx([comments_table(threads, cat, "sv")], tmp_path / "r.xlsx", "sv")
    ws = load_workbook(tmp_path / "r.xlsx").active
    assert ws is not None
    table = [[c.value for c in row] for row in ws.iter_rows()]
    assert table[0][:3] == ["Id", "Fält", "Namn på finska"] and "Status (kod)" in table[0]
    assert ws.row_dimensions[2].hidden and table[1][:2] == ["id", "path"]
    keys = table[1]
    assert keys[keys.index("status") + 1] == "status_code"
    xrows = {r[0]: dict(zip(keys, r, strict=True)) for r in table[2:]}
    assert len(xrows) == 2
    assert xrows[b.id]["label_fi"] == "Palvelun laji: Muu palvelu"
    assert xrows[a.id]["replies"] == 1 and xrows[a.id]["comment"] == a.text
    assert xrows[a.id]["status"] == "avslagen" and xrows[a.id]["status_code"] == "rejected"
    assert xrows[a.id]["orphaned"] == "ja" and xrows[b.id]["status"] == "öppen"


@pytest.mark.slow
def test_cli_round_add_resolve_list_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    support.hermetic(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    today = dt.date.today()

    def koto(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([support.KOTO, *args], capture_output=True, text=True)
        assert (done.returncode == 0) == ok, done.stderr
        return done

    koto(
        "comment",
        "round",
        "create",
        "Kierros",
        "--opens",
        str(today - dt.timedelta(days=5)),
        "--closes",
        str(today + dt.timedelta(days=5)),
        "--organisations",
        "Helsingin kaupunki,KEHA-keskus",
    )
    added = json.loads(
        koto(
            "comment",
            "add",
            "goals",
            "--author",
            "Aino",
            "--organisation",
            "Helsingin kaupunki",
            "--text",
            "Rajattava.",
            "--json",
        ).stdout
    )
    refused = koto(
        "comment",
        "add",
        "nope.nope",
        "--author",
        "A",
        "--organisation",
        "KEHA-keskus",
        "--text",
        "x",
        ok=False,
    )
    assert refused.returncode == 3 and "nope.nope" in refused.stderr
    koto("comment", "resolve", added["id"], "--status", "deferred", "--reply", "Seuraavaan versioon.")
    listed = json.loads(koto("comment", "list", "--status", "deferred", "--json").stdout)
    assert [t["id"] for t in listed] == [added["id"]] and listed[0]["orphaned"] is False
    koto("comment", "export", "--format", "xlsx", "-o", str(tmp_path / "out.xlsx"))
    ws = load_workbook(tmp_path / "out.xlsx").active
    assert ws is not None and ws.max_row == 3  # headers, the hidden keys, one thread
    # closing the round: a new comment is refused with the not-allowed exit code
    koto(
        "comment",
        "round",
        "create",
        "Kierros",
        "--opens",
        str(today - dt.timedelta(days=9)),
        "--closes",
        str(today - dt.timedelta(days=1)),
        "--catalogue-version",
        "x",
    )
    late = koto(
        "comment", "add", "goals", "--author", "A", "--organisation", "KEHA-keskus", "--text", "x", ok=False
    )
    assert late.returncode == 8 and "takes comments from" in late.stderr
