"""``koto import``: template round trip, per-row problems, nothing half-written, mappings, bad input."""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook, load_workbook

from tests.exchange import _support as S

AUTHOR = "Maija Virtanen <maija.virtanen@example.org>"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("imp")
    with S.hermetic_env(root):
        yield root


@pytest.fixture
def repo(env: Path, tmp_path: Path) -> Path:
    return S.make_repo(tmp_path / "repo", customers=2)


def _template(repo: Path, tmp_path: Path, kind: str = "guidance", lang: str = "fi") -> Path:
    path = tmp_path / f"{kind}.xlsx"
    out = S.koto(repo, "import", "template", kind, "-o", str(path), "--lang", lang)
    assert out.returncode == 0, out.stderr
    return path


def _fill(template: Path, out: Path, rows: list[dict[str, Any]]) -> Path:
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    keys = [c.value for c in ws[2]]
    for r, values in enumerate(rows, start=3):
        for k, v in values.items():
            cell = ws.cell(row=r, column=keys.index(k) + 1, value=v)
            if isinstance(v, str):
                cell.data_type = "s"
    wb.save(out)
    return out


def _row(**extra: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "customer:identifier.value": "010190-900P",
        "customer:first_names": "Testi",
        "customer:last_name": "Henkilö",
        "customer:date_of_birth": dt.date(1990, 1, 1),
        "date": dt.date(2026, 10, 1),
        "sources": "Maahanmuuttaja itse",
        "consent.given": "kyllä",
        "consent.date": "1.10.2026",
        "consent.informed": "kyllä",
        "service_needs.service_kinds": "Kotoutumiskoulutus; employment-services",
        "drawn_up_by[1].name": "Maija Virtanen",
        "drawn_up_by[1].organisation": "Vaasan kaupunki",
    }
    base.update(extra)
    return base


def _head(repo: Path) -> str:
    return S.git(repo, "rev-parse", "HEAD").strip()


def _records(repo: Path, kind: str) -> list[dict[str, Any]]:
    files = S.git(repo, "ls-files", "customers").split()
    docs = [yaml.safe_load((repo / f).read_text(encoding="utf-8")) for f in files]
    return [d for d in docs if d["kind"] == kind]


def test_template_has_labels_hidden_paths_and_lists(repo: Path, tmp_path: Path) -> None:
    path = _template(repo, tmp_path, "integration-plan", "sv")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    keys = [c.value for c in ws[2]]
    assert ws.row_dimensions[2].hidden
    assert "goals[3].description" in keys and "measures[1].service_kind" in keys
    from kototieto.model.catalogue import field_label

    assert headers[keys.index("period.start")] == field_label("period.start", "sv")
    assert wb["lists"].sheet_state == "hidden"
    refs = [dv.formula1 for dv in ws.data_validations.dataValidation]
    assert refs and all("lists" in r for r in refs)
    col = keys.index("period.start") + 1
    assert ws.cell(row=3, column=col).number_format == "d.m.yyyy"


def test_filled_template_imports_in_one_commit(repo: Path, tmp_path: Path) -> None:
    src = _fill(_template(repo, tmp_path), tmp_path / "in.xlsx", [_row(), _row(date="2.10.2026")])
    before = _head(repo)
    out = S.koto(
        repo, "import", str(src), "--kind", "guidance", "-C", str(repo), "--author", AUTHOR, "--json"
    )
    assert out.returncode == 0, out.stderr + out.stdout
    assert S.git(repo, "rev-list", "--count", f"{before}..HEAD").strip() == "1"
    msg = S.git(repo, "log", "-1", "--format=%an|%B")
    assert msg.startswith("Maija Virtanen|") and "in.xlsx" in msg and "Rows: 2" in msg
    new = [d for d in _records(repo, "guidance") if d["customer"] not in {c for c in []}]
    mine = [d for d in new if str(d["date"]) in ("2026-10-01", "2026-10-02")]
    assert len(mine) == 2 and len({d["customer"] for d in mine}) == 1  # one new customer, matched by code
    assert mine[0]["service_needs"]["service_kinds"] == ["integration-training", "employment-services"]
    cust = next(d for d in _records(repo, "customer") if d["id"] == mine[0]["customer"])
    assert cust["last_name"] == "Henkilö" and cust["identifier"]["value"] == "010190-900P"
    assert S.koto(repo, "validate", "-C", str(repo)).returncode == 0


def test_problems_per_row_and_column_nothing_written(repo: Path, tmp_path: Path) -> None:
    rows = [_row(), _row(**{"consent.date": "31.2.2026"}), _row(sources="ei mikään koodi")]
    src = _fill(_template(repo, tmp_path), tmp_path / "bad.xlsx", rows)
    before = _head(repo)
    out = S.koto(repo, "import", str(src), "--kind", "guidance", "-C", str(repo), "--json")
    assert out.returncode == 5
    assert _head(repo) == before
    import json

    problems = json.loads(out.stdout)["problems"]
    keys = [c.value for c in load_workbook(src).worksheets[0][2]]
    from openpyxl.utils import get_column_letter

    by = {(p["row"], p["column"], p["field"]) for p in problems}
    assert (4, get_column_letter(keys.index("consent.date") + 1), "consent.date") in by
    assert (5, get_column_letter(keys.index("sources") + 1), "sources") in by
    report = load_workbook(tmp_path / "bad.problems.xlsx").worksheets[0]
    col = keys.index("consent.date") + 1
    assert report.cell(row=3, column=col).fill.fgColor.rgb.endswith("FFC7CE")  # row 4 of the source
    assert "31.2.2026" in str(report.cell(row=3, column=len(keys) + 1).value)


def test_valid_only_commits_valid_rows_and_writes_rejects(repo: Path, tmp_path: Path) -> None:
    rows = [_row(), _row(**{"consent.date": "eilen"})]
    src = _fill(_template(repo, tmp_path), tmp_path / "mix.xlsx", rows)
    before = _head(repo)
    out = S.koto(repo, "import", str(src), "--kind", "guidance", "-C", str(repo), "--valid-only")
    assert out.returncode == 0, out.stderr
    assert S.git(repo, "rev-list", "--count", f"{before}..HEAD").strip() == "1"
    rejects = load_workbook(tmp_path / "mix.rejects.xlsx").worksheets[0]
    assert rejects.max_row == 2


def test_real_identity_code_refused(repo: Path, tmp_path: Path) -> None:
    from kototieto.model.identity import _check_char  # type: ignore[attr-defined]

    real = "010190-123" + _check_char("010190", "123")
    src = _fill(
        _template(repo, tmp_path), tmp_path / "real.xlsx", [_row(**{"customer:identifier.value": real})]
    )
    before = _head(repo)
    out = S.koto(repo, "import", str(src), "--kind", "guidance", "-C", str(repo))
    assert out.returncode != 0 and _head(repo) == before


def test_csv_with_mapping_and_dry_run_fill_rates(repo: Path, tmp_path: Path) -> None:
    csv_path = tmp_path / "old.csv"
    csv_path.write_bytes(
        (
            "Hetu;Etunimi;Sukunimi;Syntynyt;Päivä;Lähde;Palvelut;Muistio;Virkailija\r\n"
            '010190-900P;Testi;Henkilö;01/01/1990;01/10/2026;itse;koto;=HYPERLINK("http://x");Maija\r\n'
        ).encode("cp1252")
    )
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        """
columns:
  Hetu: customer:identifier.value
  Etunimi: customer:first_names
  Sukunimi: customer:last_name
  Syntynyt: {path: "customer:date_of_birth", date_format: "%d/%m/%Y"}
  Päivä: {path: date, date_format: "%d/%m/%Y"}
  Lähde: {path: sources, values: {itse: person}}
  Palvelut: {path: service_needs.service_kinds, values: {koto: integration-training}}
  Muistio: other_matters
  Virkailija: "drawn_up_by[1].name"
constants:
  drawn_up_by[1].organisation: Vaasan kaupunki
  consent.given: true
  consent.date: 2026-10-01
  consent.informed: true
""",
        encoding="utf-8",
    )
    before = _head(repo)
    dry = S.koto(
        repo,
        "import",
        str(csv_path),
        "--kind",
        "guidance",
        "--mapping",
        str(mapping),
        "-C",
        str(repo),
        "--dry-run",
        "--json",
    )
    assert dry.returncode == 0, dry.stdout + dry.stderr
    import json

    res = json.loads(dry.stdout)
    rates = {r["path"]: r["filled"] for r in res["fill_rates"]}
    assert rates["sources"] == 1 and rates["guided_to.description"] == 0
    assert _head(repo) == before
    out = S.koto(
        repo, "import", str(csv_path), "--kind", "guidance", "--mapping", str(mapping), "-C", str(repo)
    )
    assert out.returncode == 0, out.stdout + out.stderr
    g = next(d for d in _records(repo, "guidance") if d.get("other_matters", "").startswith("=HYPERLINK"))
    assert g["sources"] == ["person"]


# ------------------------------------------------------------------ bad input


def _xlsx(path: Path, build: Any) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Päivämäärä", "Asiakkaan tunniste"])
    ws.append(["1.10.2026", "c-1"])
    build(wb, ws)
    wb.save(path)
    return path


def _refused(repo: Path, src: Path, *needles: str) -> str:
    before = _head(repo)
    t0 = time.monotonic()
    out = S.koto(repo, "import", str(src), "--kind", "guidance", "-C", str(repo), "--lang", "en")
    assert time.monotonic() - t0 < 60
    assert out.returncode != 0, out.stdout
    assert _head(repo) == before
    text = out.stderr + out.stdout
    for n in needles:
        assert n in text, text
    return text


def test_merged_cells(repo: Path, tmp_path: Path) -> None:
    src = _xlsx(tmp_path / "m.xlsx", lambda wb, ws: ws.merge_cells("A2:B2"))
    _refused(repo, src, "merged cells A2:B2")
    fi = S.koto(repo, "import", str(src), "--kind", "guidance", "-C", str(repo), "--lang", "fi")
    assert "yhdistettyjä soluja A2:B2" in fi.stderr


def test_formulas(repo: Path, tmp_path: Path) -> None:
    src = _xlsx(tmp_path / "f.xlsx", lambda wb, ws: ws.cell(row=3, column=2, value="=A2"))
    _refused(repo, src, "formulas", "B3")


def test_hidden_sheet_is_not_read(repo: Path, tmp_path: Path) -> None:
    def build(wb: Workbook, ws: Any) -> None:
        wb.move_sheet(ws, offset=1)
        h = wb.create_sheet("secret", 0)
        h.append(["date"])
        h.sheet_state = "hidden"

    src = _xlsx(tmp_path / "h.xlsx", build)
    _refused(repo, src, "hidden sheets not read: secret")


def test_wrong_types(repo: Path, tmp_path: Path) -> None:
    src = _fill(_template(repo, tmp_path), tmp_path / "t.xlsx", [_row(**{"consent.given": "ehkä"})])
    _refused(repo, src, "ehkä")


def test_unknown_and_duplicate_columns(repo: Path, tmp_path: Path) -> None:
    src = _xlsx(tmp_path / "u.xlsx", lambda wb, ws: ws.cell(row=1, column=3, value="Kengännumero"))
    _refused(repo, src, "Kengännumero", "C")
    dup = _xlsx(tmp_path / "d.xlsx", lambda wb, ws: ws.cell(row=1, column=3, value="date"))
    _refused(repo, dup, "A", "C", "date")


def test_100000_empty_rows(repo: Path, tmp_path: Path) -> None:
    def build(wb: Workbook, ws: Any) -> None:
        ws.cell(row=100_003, column=1, value=" ")

    src = _xlsx(tmp_path / "e.xlsx", build)
    _refused(repo, src, "c-1")  # the one data row is reported, the empty ones skipped


def test_50_mb_file(repo: Path, tmp_path: Path) -> None:
    src = tmp_path / "big.csv"
    with open(src, "wb") as fh:
        fh.write(b"date;customer\n")
        fh.write((b"1.10.2026;c-1\n") * (50 * 1024 * 1024 // 14))
    _refused(repo, src, "MB")


def test_zip_bomb_posing_as_xlsx(repo: Path, tmp_path: Path) -> None:
    src = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (300 * 1024 * 1024))
    _refused(repo, src, "zip bomb")


def test_not_a_workbook(repo: Path, tmp_path: Path) -> None:
    src = tmp_path / "x.xlsx"
    src.write_bytes(b"PK\x03\x04garbage")
    _refused(repo, src, "not a valid .xlsx")


def test_code_values_labels_and_ambiguity() -> None:
    from kototieto.exchange.importer import ColumnMap, _Converter
    from kototieto.model.catalogue import field_entry

    conv = _Converter("en")
    kinds = field_entry("measures.service_kind")
    assert conv.convert(kinds, "integration-training", None) == ("integration-training", None)
    assert conv.convert(kinds, "Kotoutumiskoulutus", None) == ("integration-training", None)  # fi label
    assert conv.convert(kinds, "kotoutumiskoulutus ", None)[0] == "integration-training"
    assert (
        conv.convert(kinds, "koto", ColumnMap("x", {"koto": "integration-training"}))[0]
        == "integration-training"
    )
    code, err = conv.convert(field_entry("native_language"), "Abu", None)  # a label of two languages
    assert code is None and err and "ambiguous" in err and "abu" in err and "ado" in err
    assert conv.convert(field_entry("native_language"), "abu", None) == ("abu", None)
    assert conv.convert(field_entry("period.start"), 46000, None) == ("2025-12-09", None)  # Excel serial
    assert conv.convert(field_entry("period.start"), "07.03.2026", None) == ("2026-03-07", None)
    assert conv.convert(field_entry("period.start"), "2026-03-07", None) == ("2026-03-07", None)


def test_customer_template_round_trip(repo: Path, tmp_path: Path) -> None:
    src = _fill(
        _template(repo, tmp_path, "customer", "en"),
        tmp_path / "c.xlsx",
        [
            {
                "date": dt.date(2026, 10, 1),
                "identifier.type": "Personal identity code",
                "identifier.value": "020290-9027",
                "first_names": "Uusi",
                "last_name": "Asiakas",
                "date_of_birth": "2.2.1990",
                "native_language": "ar",
                "citizenships": "SY",
                "registered_jobseeker": "no",
                "interpretation_needed": "no",
            }
        ],
    )
    out = S.koto(repo, "import", str(src), "--kind", "customer", "-C", str(repo), "--lang", "en")
    assert out.returncode == 0, out.stdout + out.stderr
    new = [d for d in _records(repo, "customer") if d["last_name"] == "Asiakas"]
    assert len(new) == 1 and new[0]["identifier"] == {
        "type": "personal-identity-code",
        "value": "020290-9027",
    }
    assert new[0]["citizenships"] == ["SY"]


def test_far_away_cell_is_refused_before_loading(tmp_path: Path) -> None:
    """One value at row 150,000, column 700 would make the reader allocate 100 million cells."""
    import resource

    from kototieto.errors import InvalidInputError
    from kototieto.exchange.spreadsheet import read_table

    path = tmp_path / "far.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "date"
    ws["A2"] = "1.1.2026"
    ws.cell(row=150_000, column=700, value="x")
    wb.save(path)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.monotonic()
    with pytest.raises(InvalidInputError, match="150000 rows and 700 columns"):
        read_table(path)
    assert time.monotonic() - t0 < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KiB


def test_new_customers_from_the_customer_sheet(repo: Path, tmp_path: Path) -> None:
    template = _template(repo, tmp_path, "guidance", "fi")
    wb = load_workbook(template)
    assert wb.sheetnames[:2] == [wb.sheetnames[0], "Asiakkaat"]
    cs = wb["Asiakkaat"]
    ckeys = [c.value for c in cs[2]]
    values = {
        "date": dt.date(2026, 9, 1),
        "identifier.type": "Henkilötunnus",
        "identifier.value": "030390-904R",
        "first_names": "Sivu",
        "last_name": "Asiakas",
        "date_of_birth": "3.3.1990",
        "registered_jobseeker": "ei",
        "interpretation_needed": "ei",
    }
    for k, v in values.items():
        cs.cell(row=3, column=ckeys.index(k) + 1, value=v)
    wb.save(template)
    row = {k: v for k, v in _row().items() if not k.startswith("customer:")}
    row["customer:identifier.value"] = "030390-904R"
    src = _fill(template, tmp_path / "s.xlsx", [row, {**row, "date": dt.date(2026, 10, 3)}])
    out = S.koto(repo, "import", str(src), "--kind", "guidance", "-C", str(repo), "--lang", "en", "--json")
    if out.returncode != 0:
        raise AssertionError(out.stdout + out.stderr)
    new = [d for d in _records(repo, "customer") if d["last_name"] == "Asiakas"]
    assert len(new) == 1 and new[0]["first_names"] == "Sivu" and str(new[0]["date_of_birth"]) == "1990-03-03"
    assert len([d for d in _records(repo, "guidance") if d["customer"] == new[0]["id"]]) == 2
    # a problem on the customer sheet names its cell there
    wb = load_workbook(src)
    cs = wb["Asiakkaat"]
    cs.cell(row=3, column=ckeys.index("identifier.value") + 1, value="050590-906J")
    cs.cell(row=3, column=ckeys.index("date_of_birth") + 1, value="6.6.1991")  # disagrees with the code
    ws = wb.worksheets[0]
    keys = [c.value for c in ws[2]]
    for r in (3, 4):
        ws.cell(row=r, column=keys.index("customer:identifier.value") + 1, value="050590-906J")
    wb.save(tmp_path / "s2.xlsx")
    bad = S.koto(repo, "import", str(tmp_path / "s2.xlsx"), "--kind", "guidance", "-C", str(repo), "--json")
    assert bad.returncode == 5, bad.stderr[-3000:]
    import json

    problems = json.loads(bad.stdout)["problems"]
    assert any(p["column"].startswith("Asiakkaat!") for p in problems), problems
