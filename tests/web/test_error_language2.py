"""The errors of web/, exchange/, templates/ and store/extensions/ carry fi, sv and en texts.

Each is raised by the library directly (or by the web app through a real page) and read in the three
languages (``KotoError.localized``); a broken spreadsheet imported with the real ``koto import`` in
Swedish prints no English word (``english_words`` of tests/cli/test_no_english.py).
"""

from __future__ import annotations

import html
import importlib.util
from pathlib import Path

import pytest

from kototieto.errors import (
    InvalidInputError,
    InvalidRecordError,
    KotoError,
    NotFoundError,
    NothingToDoError,
    UsageError,
)
from kototieto.model.text import Text
from tests.cli.test_no_english import english_words
from tests.store_git import _support as G

_spec = importlib.util.spec_from_file_location("web_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    G.hermetic(tmp_path, monkeypatch)


def three(error: KotoError) -> dict[str, str]:
    """The error's message in each language; the three must differ (none is English in disguise)."""
    assert isinstance(error.text, Text), f"raised as a plain string: {error.text!r}"
    out = {lang: error.localized(lang) for lang in ("fi", "sv", "en")}
    assert len(set(out.values())) == 3, out
    return out


def test_web_pages_word_their_errors_in_the_pages_language(tmp_path: Path) -> None:
    repo = G.make_repo(tmp_path / "r")
    c, _state = S.client(repo.root)
    pages: dict[str, dict[str, str]] = {}
    for lang in ("fi", "sv", "en"):
        c.cookies.set("koto_lang", lang)
        for url in ("/catalogue/no-kind", "/c/c-nobody", "/reports/no-report", "/r/c-nobody/x/print?lang=xx"):
            page = c.get(url)
            assert page.status_code in (400, 404), (url, page.status_code)
            pages.setdefault(url, {})[lang] = html.unescape(page.text)
    assert "Tietueen lajia 'no-kind' ei ole" in pages["/catalogue/no-kind"]["fi"]
    assert "Posttypen 'no-kind' finns inte" in pages["/catalogue/no-kind"]["sv"]
    assert "no record kind 'no-kind'" in pages["/catalogue/no-kind"]["en"]
    assert "Kunden 'c-nobody' finns inte" in pages["/c/c-nobody"]["sv"]
    assert "Asiakasta 'c-nobody' ei ole" in pages["/c/c-nobody"]["fi"]
    assert "Rapporten 'no-report' finns inte" in pages["/reports/no-report"]["sv"]
    assert "Språk (lang): fi, sv eller en" in pages["/r/c-nobody/x/print?lang=xx"]["sv"]
    for url, said in pages.items():
        for lang in ("fi", "sv"):
            assert not english_words(_main(said[lang])), (url, lang, english_words(_main(said[lang])))


def _main(page: str) -> str:
    """The text of the page's <main> (the error), without markup."""
    import re

    body = page.split("<main", 1)[-1].split("</main>", 1)[0]
    return re.sub(r"<[^>]+>", " ", body)


def test_the_web_messages_are_each_in_three_languages() -> None:
    from kototieto.web import messages

    texts = [v for k, v in vars(messages).items() if k.isupper() and isinstance(v, Text)]
    assert len(texts) >= 15
    for text in texts:
        assert len({text.fi, text.sv, text.en}) == 3, text


def test_import_and_export_errors_in_three_languages(tmp_path: Path) -> None:
    from kototieto.exchange.aggregate import aggregate
    from kototieto.exchange.export import export_repository
    from kototieto.exchange.importer import load_mapping

    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns: [1]\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        load_mapping(mapping)
    said = three(info.value)
    assert said["en"] == "map.yaml: columns: a mapping of column header to field path"
    assert said["sv"] == "map.yaml: columns: en tabell över kolumnrubriker och fältsökvägar"
    mapping.write_text("columns: {Nimi: 'Not A Path'}\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        load_mapping(mapping)
    assert three(info.value)["fi"].startswith("map.yaml: 'Not A Path' ei ole kenttäpolku")

    with pytest.raises(UsageError) as info:
        load_mapping(tmp_path / "missing.yaml")
    said = three(info.value)
    assert said["sv"] == f"Filen {tmp_path / 'missing.yaml'} kan inte läsas: filen finns inte"
    assert said["en"] == f"cannot read {tmp_path / 'missing.yaml'}: No such file or directory"

    repo = G.make_repo(tmp_path / "r")
    with pytest.raises(UsageError) as info:
        export_repository(repo.root, tmp_path / "out", fmt="ods")
    assert three(info.value)["sv"].startswith("Okänt format 'ods': använd ett av csv")
    with pytest.raises(UsageError) as info:
        aggregate([], tmp_path / "all.duckdb")
    assert three(info.value)["fi"] == "Anna vähintään yksi tietovarasto tai Parquet-vienti"


def test_printing_errors_in_three_languages(tmp_path: Path) -> None:
    from kototieto.templates.pdf import pdf_options
    from kototieto.templates.render import logo_data_uri
    from kototieto.templates.source import load_customer, parse

    logo = tmp_path / "logo.gif"
    logo.write_bytes(b"GIF89a")
    with pytest.raises(UsageError) as info:
        logo_data_uri(logo)
    assert three(info.value)["sv"] == f"{logo}: logotypen ska vara en PNG-, SVG- eller JPEG-bild"
    with pytest.raises(UsageError) as info:
        pdf_options("pdf/x")
    assert three(info.value)["fi"].startswith("Tuntematon PDF-muunnelma 'pdf/x'")

    repo = G.make_repo(tmp_path / "r")
    with pytest.raises(NotFoundError) as info:
        load_customer(repo.root, "c-nobody")
    said = three(info.value)
    assert said["sv"].startswith("Kunden 'c-nobody' finns inte i datakatalogen")
    assert said["en"].startswith("no customer 'c-nobody' in ")

    with pytest.raises(InvalidRecordError) as info:
        parse({"kind": "customer", "id": "c-1"}, "c-1/c-1.yaml")
    said = three(info.value)
    assert said["en"].startswith("c-1/c-1.yaml: not a valid record: ")
    assert said["sv"].startswith("c-1/c-1.yaml: inte en giltig post: ")
    assert not english_words(said["sv"].split(": ", 1)[1]), said["sv"]


def test_extension_changes_errors_in_three_languages(tmp_path: Path) -> None:
    from kototieto.store.extensions.changes import commit_definitions, withdraw

    repo = G.make_repo(tmp_path / "r")
    with pytest.raises(UsageError) as info:
        withdraw(repo, "091.x", migrate_to="091.y", keep_history=True)
    said = three(info.value)
    assert said["sv"] == "Ange antingen --migrate-to eller --keep-history, inte båda"
    assert said["en"] == "give either --migrate-to or --keep-history, not both"
    with pytest.raises(NotFoundError) as info:
        withdraw(repo, "091.x")
    said = three(info.value)
    assert said["fi"] == "Lisäkenttää '091.x' ei ole (määritellyt: ei yhtään)"
    assert said["en"] == "no extension field '091.x' (defined: none)"
    with pytest.raises(NothingToDoError) as info:
        commit_definitions(repo)
    assert three(info.value)["sv"] == "Tilläggsfältens definitioner är redan sparade"


def _workbook(path: Path, rows: list[list[object]], extra_header: str | None = None) -> None:
    import openpyxl

    from kototieto.exchange.template import write_template

    write_template("customer", path, "sv")
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    if extra_header:
        sheet.cell(row=1, column=sheet.max_column + 1, value=extra_header)
    start = 3
    for i, row in enumerate(rows):
        for j, value in enumerate(row, start=1):
            sheet.cell(row=start + i, column=j, value=value)
    book.save(path)


def test_a_broken_spreadsheet_imported_in_swedish_says_nothing_in_english(tmp_path: Path) -> None:
    repo = G.make_repo(tmp_path / "r").root
    bad_row = ["32.13.2026", "personbeteckning", "150388-901X", "Amina", "Exempel", "15.3.1988", "arabiska"]
    bad_row += ["", "Syrien", "905", "uppehållstillstånd", "1.1.2020", "kanske", "ja", "", "nej"]
    _workbook(repo / "kunder.xlsx", [bad_row, ["2.12.2026", "", "", "", "Exempel"]])
    _workbook(repo / "kolumn.xlsx", [], extra_header="Okänd kolumn")
    (repo / "trasig.xlsx").write_bytes(b"PK\x03\x04 inte en arbetsbok")
    (repo / "mappning.yaml").write_text("columns: [1]\nconstants: {}\n", encoding="utf-8")
    runs = [
        ("import", "kunder.xlsx", "--kind", "customer", "--report", "rapport.xlsx"),
        ("import", "kunder.xlsx", "--kind", "customer", "--dry-run", "--report", "rapport.xlsx"),
        ("import", "kolumn.xlsx", "--kind", "customer", "--report", "rapport.xlsx"),
        ("import", "trasig.xlsx", "--kind", "customer"),
        ("import", "kunder.xlsx", "--kind", "customer", "--mapping", "mappning.yaml"),
        ("import", "kunder.xlsx", "--kind", "plan-of-nothing"),
    ]
    outputs = []
    for argv in runs:
        out = G.koto(repo, *argv, env={"KOTO_LANG": "sv", "COLUMNS": "200"})
        assert out.returncode != 0, (argv, out.stdout, out.stderr)
        words = english_words(out.stdout + out.stderr)
        assert not words, (argv, "\n".join(words))
        outputs.append(out.stdout + out.stderr)
    first = outputs[0]
    assert "'32.13.2026' är inte ett datum" in first and "'kanske' är inte ja/nej" in first, first
    assert "på 2 rader; Inget sparades (se rapport.xlsx)" in first, first
    assert "okänd kolumn 'Okänd kolumn'" in outputs[2], outputs[2]
    assert "tabell över kolumnrubriker" in outputs[4], outputs[4]
    # the same refusal in English keeps its wording
    out = G.koto(repo, "import", "kunder.xlsx", "--kind", "customer", "--report", "rapport.xlsx")
    assert "problem(s) in 2 row(s); Nothing was written (see rapport.xlsx)" in out.stderr, out.stderr


def test_site_and_demo_errors_in_three_languages(tmp_path: Path) -> None:
    import datetime as dt

    from kototieto.demo.build import MUNICIPALITY, _prepare_out
    from kototieto.demo.history import cast
    from kototieto.site.snapshots import latest_snapshot, publish_snapshot
    from kototieto.synthetic.generator import DatasetSpec

    with pytest.raises(NotFoundError) as info:
        latest_snapshot(tmp_path)
    said = three(info.value)
    assert said["sv"].startswith(f"Ingen publicerad ögonblicksbild av datainnehållet i {tmp_path}")
    assert said["en"].startswith(f"no published catalogue snapshot in {tmp_path}")
    with pytest.raises(InvalidInputError) as info:
        publish_snapshot({"version": "1/2", "fields": []}, tmp_path)
    assert three(info.value)["fi"] == "Tietosisällön versiosta '1/2' ei voi tehdä tilannekuvan tiedostonimeä"

    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "mine.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        _prepare_out(taken)
    said = three(info.value)
    assert said["sv"] == f"{taken} är inte tom och har ingen tidigare demo; välj en ny eller tom mapp"
    assert said["en"] == f"{taken} is not empty and holds no earlier demo; choose a new or empty folder"
    with pytest.raises(UsageError) as info:
        cast(DatasetSpec(1, dt.date(2026, 12, 2), MUNICIPALITY), 3)
    assert three(info.value)["fi"].startswith("Esittely tarvitsee vähintään 6 asiakasta")


def test_generate_and_draft_refusals_in_three_languages(tmp_path: Path) -> None:
    from typing import Any, cast

    from kototieto.store.bulkwrite import write_customers

    out = tmp_path / "gen"
    (out / "customers" / "x").mkdir(parents=True)
    with pytest.raises(UsageError) as info:
        write_customers(out, 1, cast(Any, None))
    said = three(info.value)
    assert said["sv"] == f"{out / 'customers'} innehåller redan poster: välj en tom mapp för --out"
    assert said["en"] == f"{out / 'customers'} already holds records: choose an empty folder for --out"

    repo = G.make_repo(tmp_path / "r").root
    for lang, words in (
        ("sv", "Det finns inget sparat utkast av c-nobody"),
        ("en", "no kept draft of c-nobody"),
    ):
        done = G.koto(repo, "drafts", "--discard", "c-nobody", env={"KOTO_LANG": lang})
        assert done.returncode == 7 and words in done.stderr, done.stderr


def test_a_failed_git_command_is_framed_in_three_languages(tmp_path: Path) -> None:
    from kototieto.store.worktree import _git

    repo = G.make_repo(tmp_path / "r")
    with pytest.raises(UsageError) as info:
        _git(repo, "rev-parse", "--verify", "no-such-ref^{commit}")
    said = three(info.value)
    assert said["sv"].startswith("Git-kommandot git rev-parse misslyckades: ")
    assert said["en"].startswith("git rev-parse failed: ")
