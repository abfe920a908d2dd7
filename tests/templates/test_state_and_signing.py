"""Issue 13's document findings, each pinned: the plan's real state, signing, letterhead, the person's
paper, and PDF/UA structure (real WeasyPrint PDFs inspected with pikepdf and pypdf)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pikepdf
import pytest

from kototieto.model.records import parse_record
from kototieto.templates.pdfpost import _walk
from kototieto.templates.render import render_dossier, render_record
from kototieto.templates.samples import sample_data
from tests.templates import _support as S

PLAN_ID = "pln-2025-04-10-a1b2"


def _datas() -> list[dict[str, Any]]:
    return [dict(d) for d in sample_data()]


def _records(datas: list[dict[str, Any]]) -> list[Any]:
    return [parse_record(d) for d in datas]


def _extended() -> list[dict[str, Any]]:
    """The sample customer's records with two extensions of the integration plan recorded in reviews."""
    datas = _datas()
    review = next(d for d in datas if d["kind"] == "review")
    first = {
        **review,
        "id": "rev-2026-03-01-ext1",
        "date": "2026-03-01",
        "next_review": "2026-06-01",
        "extension": {"new_end": "2026-07-31", "ground": "illness-or-injury"},
    }
    second = {
        **review,
        "id": "rev-2026-06-01-ext2",
        "date": "2026-06-01",
        "next_review": "2026-09-15",
        "extension": {"new_end": "2026-10-31", "ground": "illness-or-injury"},
    }
    return [*datas, first, second]


def _plan_html(datas: list[dict[str, Any]], lang: str, today: dt.date, **kw: Any) -> str:
    recs = _records(datas)
    plan = next(r for r in recs if r.id == PLAN_ID)
    return str(render_record(plan, lang, "html", customer=recs[0], related=recs, today=today, **kw))


def test_a_plan_extended_by_its_reviews_prints_the_new_end_and_its_status() -> None:
    html = _plan_html(_extended(), "fi", dt.date(2026, 7, 1))
    assert "Voimassa 31.10.2026 asti (pidennetty 1.6.2026)" in html
    assert "<td>31.10.2026</td>" in html  # the end row
    assert "9.4.2026" in html  # the original end, named as such
    assert "Alkuperäinen päättymispäivä" in html
    assert "Enimmäiskeston pidentäminen" in html  # the reviews table says which review extended it
    assert "<strong>15.9.2026</strong>" in html  # the next review is the last review's
    sv = _plan_html(_extended(), "sv", dt.date(2026, 7, 1))
    assert "Gäller till 31.10.2026 (förlängd 1.6.2026)" in sv


def test_an_ended_plan_says_so_and_has_no_next_review() -> None:
    datas = _extended()
    ending = next(d for d in datas if d["id"] == "rev-2026-06-01-ext2")
    datas.append(
        {
            **ending,
            "id": "rev-2026-09-10-end",
            "date": "2026-09-10",
            "plan_ended": {"date": "2026-09-30", "ground": "in-education"},
        }
    )
    datas[-1].pop("next_review")
    datas[-1].pop("extension")
    html = _plan_html(datas, "fi", dt.date(2026, 12, 2))
    assert "Päättynyt 30.9.2026: siirtyminen koulutukseen" in html
    assert '<th scope="row">Seuraava tarkistus</th>' not in html
    assert "Suunnitelmaa ei enää tarkisteta." in html
    # the review printout of that plan and the dossier show the same state
    recs = _records(datas)
    review = next(r for r in recs if r.id == "rev-2026-09-10-end")
    rev_html = str(
        render_record(review, "fi", "html", customer=recs[0], related=recs, today=dt.date(2026, 12, 2))
    )
    assert "Päättynyt 30.9.2026: siirtyminen koulutukseen" in rev_html
    assert "10.4.2025–30.9.2026" in rev_html
    dossier = str(render_dossier(recs[0], recs[1:], "fi", "html", today=dt.date(2026, 12, 2)))
    assert "Päättynyt 30.9.2026: siirtyminen koulutukseen" in dossier


def test_the_assessment_is_named_by_kind_and_date_not_id() -> None:
    html = _plan_html(_datas(), "fi", S.TODAY)
    assert "Osaamisen ja kotoutumisen palvelutarpeen arviointi 14.3.2025" in html
    assert "asm-2025-03-14-k3f9" not in html


def _signature_labels(html: str) -> list[str]:
    import re

    return re.findall(r'<div class="sign"><div class="line"></div><p>([^<]*)</p>', html)


def test_signature_lines_per_authority_and_per_adult_member() -> None:
    recs = S.records()
    multi = next(r for r in recs if r.kind == "multisectoral-plan")
    html = str(render_record(multi, "fi", "html", customer=recs[0], related=recs, today=S.TODAY))
    labels = _signature_labels(html)
    assert "Viranomaisen edustajan allekirjoitus: Tampereen kaupunki" in labels
    assert "Viranomaisen edustajan allekirjoitus: Satakunnan hyvinvointialue" in labels
    family = next(r for r in recs if r.kind == "family-plan")
    labels = _signature_labels(
        str(render_record(family, "en", "html", customer=recs[0], related=recs, today=S.TODAY))
    )
    assert "Signature of the family member: Omar Haddad" in labels  # an adult spouse
    assert not any("Lina Haddad" in x for x in labels)  # a child signs nothing
    assert "Signature of the person: Amina Sara Haddad" in labels


def test_annulled_document_has_no_signature_block_and_a_mark_on_every_page() -> None:
    datas = _datas()
    plan = next(d for d in datas if d["kind"] == "family-plan")
    plan["annulment"] = {"date": "2025-06-01", "reason": "Kirjattu väärälle asiakkaalle."}
    recs = [parse_record(d) for d in sample_data(10)]
    annulled = parse_record({**next(d for d in sample_data(10) if d["kind"] == "family-plan"), **plan})
    for lang, word in (("fi", "MITÄTÖITY"), ("en", "ANNULLED")):
        html = str(render_record(annulled, lang, "html", customer=recs[0], related=recs, today=S.TODAY))
        assert 'class="signatures"' not in html and _signature_labels(html) == []
        assert "annulled-doc" in html
        pdf = bytes(render_record(annulled, lang, "pdf", customer=recs[0], related=recs, today=S.TODAY))
        pages = S.pdf_pages(pdf)
        assert len(pages) >= 2
        for text in pages:
            assert word in text  # the band at the top of every page
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            for page in doc.pages:  # the watermark and margin band: drawn on every page
                ops = [str(op) for _, op in pikepdf.parse_content_stream(page)]
                assert ops.count("re") >= 2


def test_swedish_letterhead_carries_the_swedish_name_first() -> None:
    datas = _datas()
    for d in datas:
        d["organisation"] = {"type": "municipality", "code": "905", "name": "Vaasan kaupunki"}
    recs = _records(datas)
    plan = next(r for r in recs if r.id == PLAN_ID)
    pdf = bytes(render_record(plan, "sv", "pdf", customer=recs[0], related=recs, today=S.TODAY))
    first_line = S.pdf_pages(pdf)[0].strip().split("  ")[0]
    assert first_line.startswith("Vasa Vaasan kaupunki"), first_line  # classification default
    own = {"fi": "Vaasan kaupunki", "sv": "Vasa stad"}
    pdf = bytes(
        render_record(plan, "sv", "pdf", customer=recs[0], related=recs, today=S.TODAY, org_names=own)
    )
    assert S.pdf_pages(pdf)[0].startswith("Vasa stad Vaasan kaupunki")
    fi = str(render_record(plan, "fi", "html", customer=recs[0], related=recs, today=S.TODAY, org_names=own))
    assert '<p class="org-name">Vaasan kaupunki</p>' in fi and "Vasa stad" in fi


def test_person_box_interpretation_next_steps_and_no_trafficking_status() -> None:
    recs = S.records()
    review = next(r for r in recs if r.kind == "review")
    html = str(
        render_record(review, "fi", "html", customer=recs[0], related=recs, today=dt.date(2025, 11, 20))
    )
    assert "Tulkkaus</th><td>arabia" in html and "Tulkki:" in html
    assert 'class="next-steps"' in html and "Seuraava tarkistus 10.2.2026" in html
    assert "liisa.esimerkki@example.fi" in html.split('class="next-steps"')[1].split("</section>")[0]
    # printed after the plan ended, the review's paper says what happens next as on the print date
    later = str(render_record(review, "fi", "html", customer=recs[0], related=recs, today=S.TODAY))
    box = later.split('class="next-steps"')[1].split("</section>")[0]
    assert "Päättynyt 9.4.2026. Suunnitelmaa ei enää tarkisteta." in box and "10.2.2026" not in box
    sheet = str(render_record(recs[0], "fi", "html", today=S.TODAY))
    assert "Ihmiskaupan uhri" not in sheet
    asked = str(render_record(recs[0], "fi", "html", today=S.TODAY, sensitive=True))
    assert "Ihmiskaupan uhri" in asked
    dossier = str(render_dossier(recs[0], recs[1:], "fi", "html", today=S.TODAY))
    assert "Ihmiskaupan uhri" not in dossier


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    recs = S.records(measures=12)
    plan = S.by_kind(recs, "integration-plan")
    return bytes(render_record(plan, "fi", "pdf", customer=recs[0], related=recs, today=S.TODAY))


def test_running_headers_and_footers_are_pagination_artifacts(plan_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(plan_pdf)) as pdf:
        reachable = {el.objgen for el in _walk(pdf.Root.StructTreeRoot)}
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parent = {
            int(nums[i]): nums[i + 1]
            for i in range(0, len(nums), 2)
            if isinstance(nums[i + 1], pikepdf.Array)
        }
        assert len(pdf.pages) >= 2
        for index, page in enumerate(pdf.pages):
            kinds = []
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) != "BDC":
                    continue
                if str(operands[0]) == "/Artifact":
                    assert operands[1].Type == "/Pagination"
                    kinds.append(str(operands[1].Subtype))
                else:  # every tagged sequence belongs to an element of the structure tree
                    mcid = int(operands[1].MCID)
                    assert parent[index][mcid].objgen in reachable
            assert "/Footer" in kinds, index  # print date, document id, page number
            if index > 0:
                assert "/Header" in kinds, index  # organisation, person, title


def test_every_table_header_cell_has_its_scope(plan_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(plan_pdf)) as pdf:
        headers = [el for el in _walk(pdf.Root.StructTreeRoot) if el.S == "/TH"]
        assert len(headers) > 10
        scopes = {str(el.A.Scope) for el in headers}
        assert scopes == {"/Row", "/Column"}
        for el in headers:
            assert el.A.O == "/Table"
            in_head = el.P.P.S == "/THead"
            assert str(el.A.Scope) == ("/Column" if in_head else "/Row")


def test_dossier_contents_links_are_described() -> None:
    recs = S.records()
    pdf = bytes(render_dossier(recs[0], recs[1:], "fi", "pdf", today=S.TODAY))
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        links = [a for p in doc.pages for a in p.get("/Annots", []) if a.Subtype == "/Link"]
        assert len(links) == len(recs) - 1
        for a in links:
            text = str(a.Contents)
            assert text != str(a.get("/Dest")) and ", " in text
        assert "Kotoutumissuunnitelma, 10.4.2025" in {str(a.Contents) for a in links}


def test_body_text_is_at_least_ten_points() -> None:
    from importlib.resources import files

    css = (files("kototieto.templates") / "print.css").read_text(encoding="utf-8")
    import re

    sizes = [float(x) for x in re.findall(r"font-size:\s*([\d.]+)pt", css)]
    small = [x for x in sizes if x < 9]
    assert small == [], small  # only the running header/footer (9 pt) are under 10 pt
    assert "break-inside: avoid" in css.split(".section.small")[1].split("}")[0]


@pytest.mark.parametrize("measures", [4, 7, 10])
def test_acknowledgement_never_stands_alone_on_a_page(measures: int) -> None:
    datas = sample_data(measures)
    for d in datas:
        if d["kind"].endswith("plan"):
            d.pop("sources", None)  # no small last section to lean on
    recs = [parse_record(d) for d in datas]
    for kind in ("integration-plan", "multisectoral-plan"):
        plan = next(r for r in recs if r.kind == kind)
        pdf = bytes(
            render_record(plan, "fi", "pdf", customer=recs[0], related=recs, today=dt.date(2025, 11, 20))
        )
        pages = S.pdf_pages(pdf)
        (page,) = [p for p in pages if "Kuittaus" in p]
        header = "Tampereen kaupunki Amina Sara Haddad " + (
            "Kotoutumissuunnitelma" if kind == "integration-plan" else "Monialainen kotoutumissuunnitelma"
        )
        body = page.split("Kuittaus")[0].replace(header, "").strip()
        assert len(body) > 40, (measures, kind, page[:300])
