"""The spreadsheet writers and readers: Finnish CSV dialect, formula safety, bounded reading."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kototieto.exchange.spreadsheet import Sheet, csv_text, read_table, write_csv, write_xlsx


def test_spreadsheet_dialect_for_finnish_excel() -> None:
    text = csv_text(
        ["Nimi", "Osuus %", "Päivä"], [["Åsa", 12.5, dt.date(2026, 3, 7)], ["x", 3, None]], lang="fi"
    )
    assert text.startswith("\ufeff")
    lines = text[1:].split("\r\n")
    assert lines[0] == "Nimi;Osuus %;Päivä"
    assert lines[1] == "Åsa;12,5;7.3.2026"
    assert lines[2] == "x;3;"


def test_english_and_plain_dialects() -> None:
    en = csv_text(["a", "b"], [[1.5, "x"]], lang="en")
    assert en == "\ufeffa,b\r\n1.5,x\r\n"
    plain = csv_text(["a", "b"], [[1.5, dt.date(2026, 1, 2)]], lang="fi", dialect="plain")
    assert plain == "a,b\n1.5,2026-01-02\n"


@pytest.mark.parametrize("evil", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_injection_is_written_as_text(evil: str, tmp_path: Path) -> None:
    text = csv_text(["t"], [[evil]], lang="fi")
    cell = next(iter(csv.reader(io.StringIO(text[1:]), delimiter=";")))
    row = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))[1][0]
    assert cell == ["t"]
    assert row == "'" + evil
    # and the reader gives back the exact text
    path = tmp_path / "x.csv"
    write_csv(path, ["t"], [[evil]], lang="fi")
    table = read_table(path)
    assert table.rows[0][1][0] == evil


def test_xlsx_text_is_never_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx(path, [Sheet("t", ["a", "b"], [['=HYPERLINK("http://evil","x")', 1.5]], keys=["a", "b"])])
    ws = load_workbook(path).active
    assert ws is not None
    assert ws["A3"].data_type == "s"
    assert ws["A3"].value.startswith("=HYPERLINK")
    assert ws.row_dimensions[2].hidden
    with zipfile.ZipFile(path) as zf:
        sheet_xml = zf.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml


def test_csv_detection_cp1252_and_separators(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_bytes("nimi,kunta\r\nÄijälä,Vöyri\r\n".encode("cp1252"))
    table = read_table(path)
    assert table.headers == ["nimi", "kunta"]
    assert table.rows == [(2, ["Äijälä", "Vöyri"])]
    tab = tmp_path / "t.csv"
    tab.write_text("a\tb\n1\t2\n", encoding="utf-8")
    assert read_table(tab).headers == ["a", "b"]
