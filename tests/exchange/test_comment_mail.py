"""``koto comment import``: comments sent through the site's mailto links become threads."""

from __future__ import annotations

import datetime as dt
import json
import mailbox
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from kototieto.site.comments import CommentRepo
from kototieto.site.context import CommentLink
from tests.exchange import _support as S

ORGS = ["Vaasan kaupunki", "Helsingin kaupunki"]


def _mail(
    lang: str, path: str, name: str, org: str, comment: str, proposed: str = "", day: int = 20
) -> EmailMessage:
    """A message as a reviewer sends it: the site's pre-filled link, with the blanks filled in."""
    url = CommentLink(contact="kirjaamo@example.org").url(path, "label", lang)
    q = parse_qs(urlsplit(url).query)
    body = q["body"][0]
    lines = body.split("\n")
    filled = []
    for line in lines:
        if line.rstrip().endswith(":") and line.startswith(("Nimi", "Namn", "Name")):
            line += f" {name}"
        elif line.startswith(("Organisaatio", "Organisation")):
            line += f" {org}"
        elif line.startswith(("Kommentti", "Kommentar", "Comment")):
            line += "\n" + comment
        elif line.startswith(("Ehdotettu", "Föreslagen", "Proposed")) and proposed:
            line += "\n" + proposed
        filled.append(line)
    msg = EmailMessage()
    msg["From"] = f"{name} <someone@example.org>"
    msg["To"] = "kirjaamo@example.org"
    msg["Subject"] = q["subject"][0]
    msg["Date"] = format_datetime(dt.datetime(2026, 11, day, 10, 0, tzinfo=dt.UTC))
    msg.set_content("\n".join(filled) + "\n-- \nMaija\nPuh. 040 000\n")
    return msg


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    with S.hermetic_env(tmp_path):
        repo = CommentRepo(tmp_path / "comments")
        repo.create_round("Kierros", dt.date(2026, 11, 1), dt.date(2026, 12, 15), ORGS, "0.9.0")
        yield tmp_path / "comments"


def test_eml_and_mbox_become_threads_duplicates_skipped(folder: Path, tmp_path: Path) -> None:
    eml = tmp_path / "a.eml"
    eml.write_bytes(
        bytes(
            _mail(
                "fi",
                "goals",
                "Maija Virtanen",
                "Vaasan kaupunki",
                "Liian pitkä.\nToinen rivi.",
                "Uusi teksti",
            )
        )
    )
    box_path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(str(box_path))
    box.add(_mail("sv", "measures.service_kind", "Anna Berg", "Vaasan kaupunki", "Saknar ett värde."))
    box.add(
        _mail("fi", "goals", "Maija Virtanen", "Vaasan kaupunki", "Liian pitkä.\nToinen rivi.", "Uusi teksti")
    )
    box.add(_mail("en", "goals", "", "Helsingin kaupunki", ""))  # nothing filled in
    box.flush()
    box.close()
    with S.hermetic_env(tmp_path):
        out = S.koto(
            tmp_path, "comment", "import", str(eml), str(box_path), "--comments", str(folder), "--json"
        )
    assert out.returncode == 5, out.stderr
    res = json.loads(out.stdout)
    assert len(res["added"]) == 2 and res["duplicates"] == ["inbox.mbox[2]"]
    assert res["failed"][0]["source"] == "inbox.mbox[3]" and "comment" in res["failed"][0]["reason"]
    threads = {t.path: t for t in CommentRepo(folder).threads()}
    t = threads["goals"]
    assert (t.author, t.organisation, t.text, t.proposed_text) == (
        "Maija Virtanen",
        "Vaasan kaupunki",
        "Liian pitkä.\nToinen rivi.",
        "Uusi teksti",
    )
    assert t.date == dt.date(2026, 11, 20)
    assert threads["measures.service_kind"].author == "Anna Berg"
    with S.hermetic_env(tmp_path):
        again = S.koto(tmp_path, "comment", "import", str(eml), "--comments", str(folder), "--json")
    assert again.returncode == 0 and json.loads(again.stdout)["duplicates"] == ["a.eml"]


def test_comment_export_never_writes_a_formula(tmp_path: Path) -> None:
    import csv
    import zipfile

    from openpyxl import load_workbook

    from kototieto.exchange.reportfiles import tables_xlsx, write_table_csv
    from kototieto.site.comments import Thread
    from kototieto.site.comments_export import comments_table

    evil = '=HYPERLINK("http://evil.example","click")'
    t = Thread(
        id="t-20261120-abcd",
        path="goals",
        author="Maija",
        organisation="Vaasan kaupunki",
        date=dt.date(2026, 11, 20),
        text=evil,
        proposed_text="+1",
    )
    empty = {"fields": [], "code_lists": []}
    tables_xlsx([comments_table([t], empty, "fi")], tmp_path / "c.xlsx", "fi")
    ws = load_workbook(tmp_path / "c.xlsx").active
    assert ws is not None
    assert ws["J2"].value == "comment"  # the hidden row of column keys
    assert ws["J3"].value == evil and ws["J3"].data_type == "s"
    with zipfile.ZipFile(tmp_path / "c.xlsx") as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")
    for dialect in ("plain", "spreadsheet"):
        table = comments_table([t], empty, "fi", plain=dialect == "plain")
        write_table_csv(table, tmp_path / "c.csv", "fi", dialect)
        text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.reader(text.splitlines(), delimiter="," if dialect == "plain" else ";"))
        assert rows[1][9] == "'" + evil and rows[1][10] == "'+1", dialect
