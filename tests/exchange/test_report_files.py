"""``koto report ... --csv`` in the Finnish spreadsheet dialect and ``--xlsx`` for every report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.exchange import _support as S


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("rep")
    with S.hermetic_env(root):
        yield S.make_repo(root / "repo", customers=12)


def test_csv_spreadsheet_dialect(repo: Path) -> None:
    out = S.koto(repo, "report", "stats", "-C", str(repo), "--csv", "--table", "service_kinds")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("\ufeff")
    header, first = out.stdout[1:].splitlines()[:2]
    assert header == "Palvelun laji;Koodi;Toimenpiteitä;Suunnitelmia"
    label, code, *_ = first.split(";")
    assert code and code != label  # the code in its own column, the label first
    fr = S.koto(repo, "report", "fill-rates", "-C", str(repo), "--csv")
    assert any(",0" in line or "," in line.split(";")[-1] for line in fr.stdout.splitlines()[1:])


def test_csv_plain_dialect_and_swedish(repo: Path) -> None:
    plain = S.koto(repo, "report", "fill-rates", "-C", str(repo), "--csv", "--csv-dialect", "plain")
    assert (
        plain.stdout.splitlines()[0] == "path,label,kinds,obligation,obligation_code,filled,records,rate_pct"
    )
    rows = plain.stdout.splitlines()[1:]
    assert any(",pakollinen,shall," in row for row in rows), rows[:3]  # the word, then the code
    sv = S.koto(repo, "report", "fill-rates", "-C", str(repo), "--csv", "--lang", "sv")
    assert sv.stdout.startswith("\ufeff") and ";" in sv.stdout.splitlines()[0]
    assert any(";obligatorisk;shall;" in row for row in sv.stdout.splitlines()[1:])


@pytest.mark.parametrize("name", ["due", "completeness", "stats", "fill-rates"])
def test_xlsx_for_every_report(name: str, repo: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.xlsx"
    out = S.koto(repo, "report", name, "-C", str(repo), "--xlsx", str(path), "--lang", "sv")
    assert out.returncode == 0, out.stderr
    wb = load_workbook(path)
    assert len(wb.sheetnames) >= 1
    ws = wb[wb.sheetnames[0]]
    assert ws.row_dimensions[2].hidden  # the column keys
    assert all(isinstance(c.value, str) for c in ws[1])


def test_coded_columns_carry_their_code_beside_the_label(repo: Path, tmp_path: Path) -> None:
    """A column that shows a code's label (record kind, plan status, ending ground) is followed in
    the files by the code itself, so a spreadsheet can filter on the stable code."""
    from kototieto.model.catalogue import kind_label

    out = S.koto(repo, "report", "stats", "-C", str(repo), "--csv", "--table", "kinds", "--lang", "sv")
    assert out.returncode == 0, out.stderr
    header, *rows = out.stdout.lstrip("\ufeff").splitlines()
    assert header.split(";")[:2] == ["Typ av post", "Typ av post (kod)"]
    pairs = [row.split(";")[:2] for row in rows]
    assert pairs and all(label == kind_label(code, "sv") for label, code in pairs)
    path = tmp_path / "completeness.xlsx"
    done = S.koto(repo, "report", "completeness", "-C", str(repo), "--xlsx", str(path), "--since", "1.1.2020")
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(path)["kinds"]
    keys = [c.value for c in sheet[2]]
    assert keys[:2] == ["kind", "kind_code"]
    # the terminal shows the label only
    table = S.koto(repo, "report", "stats", "-C", str(repo), "--table", "kinds", "--lang", "sv")
    assert "(kod)" not in table.stdout
