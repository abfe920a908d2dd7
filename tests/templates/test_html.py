"""HTML documents: golden files, labels from the catalogue in the right language, empty sections.

Update the golden files after an intended change with ``KOTO_UPDATE_GOLDEN=1 pytest tests/templates``
and review the diff.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from kototieto.model import catalogue
from kototieto.model.records import RECORD_KINDS, parse_record
from kototieto.templates.i18n import STRINGS
from kototieto.templates.labels import field_label
from kototieto.templates.render import render_dossier, render_record
from kototieto.templates.samples import sample_data
from tests.templates import _support as S

UPDATE = os.environ.get("KOTO_UPDATE_GOLDEN") == "1"


def _golden(name: str, text: str) -> None:
    path = S.GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"golden file {path} missing; run with KOTO_UPDATE_GOLDEN=1 to create it")
        path.write_text(text, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; KOTO_UPDATE_GOLDEN=1 updates it"


@pytest.mark.parametrize("lang", S.LANGS)
@pytest.mark.parametrize("kind", ["integration-plan", "review", "assessment"])
def test_golden_html(kind: str, lang: str) -> None:
    recs = S.records()
    html = render_record(S.by_kind(recs, kind), lang, "html", customer=recs[0], related=recs, today=S.TODAY)
    assert isinstance(html, str)
    _golden(f"{kind}.{lang}.html", html)


@pytest.mark.parametrize("lang", S.LANGS)
def test_golden_markdown_plan(lang: str) -> None:
    recs = S.records()
    md = render_record(
        S.by_kind(recs, "integration-plan"), lang, "md", customer=recs[0], related=recs, today=S.TODAY
    )
    assert isinstance(md, str)
    _golden(f"integration-plan.{lang}.md", md)


class _Text(HTMLParser):
    """Collects the text of headings, header cells and the whole body."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.labels: list[str] = []
        self.text: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag not in ("br", "img", "meta", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "style" in self.stack or "title" in self.stack:
            return
        self.text.append(data)
        if any(t in self.stack for t in ("h1", "h2", "h3", "h4", "th")) and data.strip():
            self.labels.append(data.strip())


def _parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    return p


def _all_labels(lang: str) -> set[str]:
    out = {f.meta.label.get(lang) for f in catalogue.fields()}
    out |= {t.get(lang) for t in STRINGS.values()}
    out |= {catalogue.kind_label(k, lang) for k in RECORD_KINDS}
    out |= {catalogue.code_label("identifier-type", c, lang) for c in ("personal-identity-code", "temporary")}
    return out


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_leaks_into_finnish_or_swedish(lang: str) -> None:
    """Every heading and header cell of every document is a label in the document's language."""
    recs = S.records()
    own = _all_labels(lang)
    english_only = _all_labels("en") - own
    docs = [render_record(r, lang, "html", customer=recs[0], related=recs, today=S.TODAY) for r in recs]
    docs.append(render_dossier(recs[0], recs[1:], lang, "html", today=S.TODAY))
    for html in docs:
        assert isinstance(html, str)
        parsed = _parse(html)
        assert parsed.lang == lang
        leaked = [lab for lab in parsed.labels if lab in english_only]
        assert not leaked, f"English labels in a {lang} document: {leaked}"
        unknown = [
            lab for lab in parsed.labels if lab.rstrip(":") not in own and not re.match(r"^.*, \d", lab)
        ]
        assert not unknown, f"headings that are not catalogue labels or document strings: {unknown}"


def test_dates_and_numbers_by_language() -> None:
    recs = S.records()
    plan = S.by_kind(recs, "integration-plan")
    review = S.by_kind(recs, "review")
    asm = S.by_kind(recs, "assessment")
    out = {lang: str(render_record(plan, lang, "html", customer=recs[0], today=S.TODAY)) for lang in S.LANGS}
    assert "<td>10.4.2025</td>" in out["fi"] and "<td>10.4.2025</td>" in out["sv"]
    assert "<td>10 April 2025</td>" in out["en"]
    # a measure's time may wrap after the dash, never inside a date
    assert "5\u00a0May\u00a02025\u2013\u200b28\u00a0June\u00a02025" in out["en"]
    assert "5.5.2025\u2013\u200b28.6.2025" in out["fi"]
    rev = {lang: str(render_record(review, lang, "html", related=recs, today=S.TODAY)) for lang in S.LANGS}
    assert "10.4.2025\u20139.4.2026" in rev["fi"] and "10.4.2025\u20139.4.2026" in rev["sv"]
    assert "10 April 2025\u20139 April 2026" in rev["en"]
    years = {lang: str(render_record(asm, lang, "html", customer=recs[0], today=S.TODAY)) for lang in S.LANGS}
    assert ">3,5<" in years["fi"] and ">3,5<" in years["sv"] and ">3.5<" in years["en"]


def test_empty_section_policy() -> None:
    """A shall/may section without data says 'not recorded'; a conditional one is left out."""
    recs = S.records()
    review = S.by_kind(recs, "review")
    html = render_record(review, "en", "html", customer=recs[0], related=recs, today=S.TODAY)
    assert isinstance(html, str)
    assert re.search(r"<h2>New service needs</h2>\s*<p class=\"empty\">Not recorded</p>", html)
    assert "Plan ended" not in html  # conditional: the plan did not end
    data = next(d for d in sample_data() if d["kind"] == "review")
    data["plan_ended"] = {"date": "2026-01-31", "ground": "employed"}
    ended = render_record(parse_record(data), "en", "html", customer=recs[0], today=S.TODAY)
    assert "<h2>Plan ended</h2>" in str(ended)
    assert catalogue.code_label("plan-ending-ground", "employed", "en") in str(ended)


def test_plan_with_nothing_optional_says_not_recorded_only_for_shall_sections() -> None:
    data: dict[str, Any] = next(d for d in sample_data() if d["kind"] == "integration-plan")
    for key in (
        "goals",
        "measures",
        "other_content",
        "sources",
        "source_details",
        "first_review",
        "period",
        "assessment",
    ):
        data.pop(key)
    plan = parse_record(data)
    words = {"fi": "Ei kirjattu", "sv": "Ej registrerat", "en": "Not recorded"}
    for lang, word in words.items():
        html = str(render_record(plan, lang, "html", today=S.TODAY))
        # period, goals, measures, next review: 'shall' items; no empty 'may' sections (other content,
        # other necessary data, sources) on the person's paper
        assert html.count(f'<p class="empty">{word}</p>') == 4, lang
        for name in ("other_content", "other_data", "sources"):
            assert f">{field_label(name, lang)}<" not in html, (lang, name)


def test_mask_identity() -> None:
    recs = S.records()
    plan = S.by_kind(recs, "integration-plan")
    plain = str(render_record(plan, "fi", "html", customer=recs[0], today=S.TODAY))
    masked = str(render_record(plan, "fi", "html", customer=recs[0], mask_identity=True, today=S.TODAY))
    assert "150388-9127" in plain
    assert "150388-9127" not in masked and "150388-****" in masked
    md = str(render_record(plan, "fi", "md", customer=recs[0], mask_identity=True, today=S.TODAY))
    assert "150388-9127" not in md and "150388-\\*\\*\\*\\*" in md


def test_every_kind_renders_in_every_language_and_format() -> None:
    recs = S.records()
    seen = set()
    for rec in recs:
        for lang in S.LANGS:
            for fmt in ("html", "md"):
                out = render_record(rec, lang, fmt, customer=recs[0], related=recs, today=S.TODAY)
                assert isinstance(out, str) and rec.id in out
        seen.add(rec.kind)
    assert seen == set(RECORD_KINDS)


def test_dossier_lists_records_newest_first_with_review_history() -> None:
    recs = S.records()
    html = str(render_dossier(recs[0], recs[1:], "fi", "html", today=S.TODAY))
    ids = re.findall(r'<article class="record" id="([^"]+)"', html)
    dated = sorted(recs[1:], key=lambda r: (r.date, r.id), reverse=True)
    assert ids == [r.id for r in dated]
    plan_part = html[html.index('id="pln-2025-04-10-a1b2"') :]
    plan_part = plan_part[: plan_part.index("</article>")]
    assert "Tehdyt tarkistukset" in plan_part and "10.10.2025" in plan_part


def test_ids_are_unique_in_a_dossier() -> None:
    recs = S.records()
    html = str(render_dossier(recs[0], recs[1:], "sv", "html", today=S.TODAY))
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) > 20 and len(ids) == len(set(ids))


def test_records_of_another_customer_are_refused_in_a_dossier() -> None:
    from kototieto.errors import UsageError

    recs = S.records()
    other = dict(sample_data()[1], customer="c-00000000", id="gdn-other-1")
    with pytest.raises(UsageError):
        render_dossier(recs[0], [*recs[1:], parse_record(other)], "fi", "html", today=S.TODAY)


def test_unknown_language_and_format_are_usage_errors() -> None:
    from kototieto.errors import UsageError

    recs = S.records()
    with pytest.raises(UsageError):
        render_record(recs[1], "de", "html", today=S.TODAY)
    with pytest.raises(UsageError):
        render_record(recs[1], "fi", "docx", today=S.TODAY)


def test_every_document_string_has_three_distinct_languages() -> None:
    same_in_sv_and_en = {"person", "plan_status"}  # "Person", "Status" are right in both
    for key, text in STRINGS.items():
        assert text.fi and text.sv and text.en, key
        assert text.fi not in (text.sv, text.en), f"{key}: {text}"
        if key not in same_in_sv_and_en:
            assert text.sv != text.en, f"{key}: {text}"


@pytest.mark.parametrize(
    ("value", "masked"),
    [("150388-9127", "150388-****"), ("020516A931F", "020516A****"), ("T-4K7Q9Z2M", "T-********")],
)
def test_mask_identity_forms(value: str, masked: str) -> None:
    from kototieto.templates.fmt import mask_identity

    assert mask_identity(value) == masked


def test_without_the_customer_record_the_customer_id_is_printed() -> None:
    recs = S.records()
    plan = S.by_kind(recs, "integration-plan")
    html = str(render_record(plan, "sv", "html", today=S.TODAY))
    assert "Kundidentifierare" in html and "c-4f2a9b1e" in html and "Amina" not in html
    md = str(render_record(plan, "en", "md", today=S.TODAY))
    assert "**Customer id**: c-4f2a9b1e" in md
