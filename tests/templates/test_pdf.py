"""PDFs: headings in each language, page numbers and running header, tags, language, metadata,
embedded fonts, PDF/A, and a long plan that breaks across pages without losing a row."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest

from kototieto.model.records import parse_record
from kototieto.templates.render import render_record
from kototieto.templates.samples import sample_data
from tests.templates import _support as S

pytestmark = pytest.mark.slow

HEADINGS = {
    "fi": [
        "Kotoutumissuunnitelma",
        "Tavoitteet",
        "Sovitut toimenpiteet ja palvelut",
        "Suunnitelman tarkistaminen",
        "Kuittaus",
        "Asiakkaan allekirjoitus",
    ],
    "sv": [
        "Integrationsplan",
        "Mål",
        "Överenskomna åtgärder och tjänster",
        "Översyn av planen",
        "Kvittering",
        "Kundens underskrift",
    ],
    "en": [
        "Integration plan",
        "Goals",
        "Agreed measures and services",
        "Reviewing the plan",
        "Acknowledgement",
        "Signature of the person",
    ],
}
FOOTER = {"fi": "{} ({})", "sv": "sida {} av {}", "en": "page {} of {}"}  # Finnish official style: 1 (3)


@pytest.fixture(scope="module")
def plans() -> dict[str, bytes]:
    recs = S.records()
    plan = S.by_kind(recs, "integration-plan")
    out = {}
    for lang in S.LANGS:
        pdf = render_record(plan, lang, "pdf", customer=recs[0], related=recs, today=S.TODAY)
        assert isinstance(pdf, bytes)
        out[lang] = pdf
    return out


@pytest.mark.parametrize("lang", S.LANGS)
def test_headings_footer_and_running_header(plans: dict[str, bytes], lang: str) -> None:
    pages = S.pdf_pages(plans[lang])
    assert 1 <= len(pages) <= 4
    text = " ".join(pages)
    for heading in HEADINGS[lang]:
        assert heading in text, heading
    for i, page in enumerate(pages, 1):
        assert FOOTER[lang].format(i, len(pages)) in page
    if len(pages) > 1:  # running header on the following pages: organisation and title
        assert "Tampereen kaupunki" in pages[1] and HEADINGS[lang][0] in pages[1]


@pytest.mark.parametrize("lang", S.LANGS)
def test_tagged_language_metadata_fonts(plans: dict[str, bytes], lang: str) -> None:
    with pikepdf.open(io.BytesIO(plans[lang])) as pdf:
        root = pdf.Root
        assert str(root.Lang) == lang
        assert bool(root.MarkInfo.Marked) is True
        assert "/StructTreeRoot" in root
        assert bool(root.ViewerPreferences.DisplayDocTitle) is True
        info = pdf.docinfo
        assert HEADINGS[lang][0] in str(info["/Title"]) and "Amina Sara Haddad" in str(info["/Title"])
        assert "Liisa Esimerkki" in str(info["/Author"])
        assert str(info["/Subject"]) and str(info["/Keywords"])
        with pdf.open_metadata() as meta:
            assert meta.get("pdfuaid:part") == "1"
        fonts = _fonts(pdf)
        assert fonts
        for name, font in fonts.items():
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font.DescendantFonts[0].FontDescriptor
            assert desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                name
            )


def _tags(node: Any, out: set[str]) -> set[str]:
    if isinstance(node, pikepdf.Array):
        for item in node:
            _tags(item, out)
    elif isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            out.add(str(node.S))
        if "/K" in node:
            _tags(node.K, out)
    return out


def test_structure_tags_mark_headings_and_table_cells(plans: dict[str, bytes]) -> None:
    with pikepdf.open(io.BytesIO(plans["fi"])) as pdf:
        tags = _tags(pdf.Root.StructTreeRoot, set())
    assert {"/Document", "/H1", "/H2", "/Table", "/THead", "/TH", "/TD", "/P"} <= tags


def _fonts(pdf: pikepdf.Pdf) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for page in pdf.pages:
        res = page.obj.get("/Resources")
        if res is not None and "/Font" in res:
            for font in res.Font.values():
                out[f"{font.get('/BaseFont')}"] = font
    return out


def test_pdf_a_variant_for_archiving() -> None:
    recs = S.records()
    pdf = render_record(
        S.by_kind(recs, "integration-plan"),
        "fi",
        "pdf",
        customer=recs[0],
        pdf_variant="pdf/a-3b",
        today=S.TODAY,
    )
    assert isinstance(pdf, bytes)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        with doc.open_metadata() as meta:
            assert meta.get("pdfaid:part") == "3" and meta.get("pdfaid:conformance") == "B"
        assert "/OutputIntents" in doc.Root
        assert bool(doc.Root.MarkInfo.Marked) is True


def test_thirty_measures_break_across_pages_without_losing_rows() -> None:
    data: dict[str, Any] = next(d for d in sample_data(measures=30) if d["kind"] == "integration-plan")
    for i, m in enumerate(data["measures"], 1):
        m["description"] = f"Toimenpide nro {i} sovittu"
    pdf = render_record(parse_record(data), "fi", "pdf", today=S.TODAY)
    assert isinstance(pdf, bytes)
    pages = S.pdf_pages(pdf)
    assert len(pages) >= 2
    for i in range(1, 31):
        token = f"Toimenpide nro {i} sovittu"
        on = [n for n, page in enumerate(pages) if token in page]
        assert len(on) == 1, f"measure {i} found on pages {on}"
    # the table header repeats on every page the table continues on
    with_rows = [p for p in pages if "Toimenpide nro" in p]
    assert len(with_rows) >= 2
    assert all("Toimenpide tai palvelu" in p for p in with_rows)


@pytest.mark.parametrize(
    "kind",
    [
        "assessment",
        "multisectoral-assessment",
        "multisectoral-plan",
        "family-plan",
        "review",
        "guidance",
        "customer",
    ],
)
def test_every_kind_makes_a_readable_pdf(kind: str) -> None:
    recs = S.records()
    pdf = render_record(S.by_kind(recs, kind), "sv", "pdf", customer=recs[0], related=recs, today=S.TODAY)
    assert isinstance(pdf, bytes)
    pages = S.pdf_pages(pdf)
    assert 1 <= len(pages) <= 5
    assert "Amina Sara Haddad" in pages[0]


def test_annulled_record_says_so_on_every_page_and_only_there() -> None:
    from kototieto.templates.render import render_dossier

    data = sample_data(measures=12)
    plan: dict[str, Any] = next(d for d in data if d["kind"] == "integration-plan")
    plan["annulment"] = {"date": "2025-06-01", "reason": "Kirjattu väärälle asiakkaalle."}
    customer = parse_record(data[0])
    pdf = render_record(parse_record(plan), "fi", "pdf", customer=customer, today=S.TODAY)
    assert isinstance(pdf, bytes)
    pages = S.pdf_pages(pdf)
    assert len(pages) >= 2 and all("MITÄTÖITY" in p for p in pages)
    others = [parse_record(d) for d in data[1:] if d["id"] != plan["id"]]
    dossier = render_dossier(customer, [*others, parse_record(plan)], "fi", "pdf", today=S.TODAY)
    assert isinstance(dossier, bytes)
    flags = ["MITÄTÖITY" in p for p in S.pdf_pages(dossier)]
    assert any(flags) and not all(flags)  # the annulled plan's pages only


def test_free_text_longer_than_a_page_breaks_and_leaves_no_heading_alone() -> None:
    data = sample_data()
    asm: dict[str, Any] = next(d for d in data if d["kind"] == "assessment")
    words = " ".join(f"sana{i:04d}" for i in range(990))  # ~10,000 characters: the most a field holds
    asm["study_skills"] = {"description": words, "sources": ["person"]}
    asm["life_situation"]["description"] = words.replace("sana", "ela")
    pdf = render_record(parse_record(asm), "fi", "pdf", customer=parse_record(data[0]), today=S.TODAY)
    assert isinstance(pdf, bytes)
    pages = S.pdf_pages(pdf)
    text = " ".join(pages)
    assert all(f"sana{i:04d}" in text and f"ela{i:04d}" in text for i in range(990))
    # the page header and footer alone are ~120 characters: no page may be (nearly) empty
    assert min(len(p) for p in pages[:-1]) > 600, [len(p) for p in pages]


def test_dossier_pages_carry_the_current_record_in_the_running_header() -> None:
    from kototieto.templates.render import render_dossier

    recs = S.records()
    pdf = render_dossier(recs[0], recs[1:], "fi", "pdf", today=S.TODAY)
    assert isinstance(pdf, bytes)
    pages = S.pdf_pages(pdf)
    # page 1 lists the records; then the family plan's pages, each naming it
    family = [i for i, p in enumerate(pages) if i > 0 and "Perheen kotoutumissuunnitelma, 2.5.2025" in p]
    assert len(family) >= 2 and family == list(range(family[0], family[0] + len(family)))
    assert all("Amina Sara Haddad" in p for p in pages)
