"""Free text prints literally: HTML, script and template syntax are text, never markup or code."""

from __future__ import annotations

from typing import Any

import pytest

from kototieto.model.records import parse_record
from kototieto.templates.env import md_escape
from kototieto.templates.render import render_record
from kototieto.templates.samples import sample_data
from tests.templates import _support as S

NASTY = '<script>alert(1)</script> <b>x</b> {{ 7*7 }} {% raw %}R{% endraw %} & "q"'


def _plan() -> Any:
    data = next(d for d in sample_data() if d["kind"] == "integration-plan")
    data["goals"] = [{"description": NASTY}]
    data["measures"][0]["description"] = NASTY
    data["other_content"] = NASTY + "\n# not a heading\n1. not a list\n| not | a table |"
    data["drawn_up_by"][0] = dict(data["drawn_up_by"][0], name="<i>Liisa</i> {{ 7*7 }}")
    return parse_record(data)


def test_html_escapes_free_text() -> None:
    html = str(render_record(_plan(), "fi", "html", today=S.TODAY))
    assert "<script>" not in html and "<b>x</b>" not in html and "<i>Liisa</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert "{{ 7*7 }}" in html and "{% raw %}R{% endraw %}" in html
    assert "49" not in html


@pytest.mark.slow
def test_pdf_text_holds_free_text_literally() -> None:
    pdf = render_record(_plan(), "en", "pdf", today=S.TODAY)
    assert isinstance(pdf, bytes)
    text = " ".join(S.pdf_pages(pdf))
    assert "<script>alert(1)</script>" in text
    assert "<b>x</b>" in text
    assert "{{ 7*7 }}" in text and "{% raw %}R{% endraw %}" in text
    assert "49" not in text


def test_markdown_escapes_free_text() -> None:
    md = str(render_record(_plan(), "fi", "md", today=S.TODAY))
    assert "<script>" not in md and "<b>" not in md
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "{{ 7\\*7 }}" in md and "49" not in md
    assert "\n# not a heading" not in md and "\\# not a heading" in md
    assert "\n1. not a list" not in md and "1\\. not a list" in md
    assert "\\| not \\| a table \\|" in md


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("*bold* _it_", "\\*bold\\* \\_it\\_"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("a\n- b", "a  \n\\- b"),
        ("a\n2) c", "a  \n2\\) c"),
        ("x & <y>", "x \\& \\<y\\>"),
        ("`code`", "\\`code\\`"),
        ("10.4.2025", "10.4.2025"),
    ],
)
def test_md_escape(raw: str, escaped: str) -> None:
    assert md_escape(raw) == escaped
