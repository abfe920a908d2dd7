"""The HTML documents in real headless Chromium with axe-core: no serious or critical violations.

Chromium from the shared ``chromium`` fixture (tests/conftest.py): a missing browser skips these
tests locally and fails them when CI=true.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kototieto.templates.render import render_dossier, render_record
from tests.templates import _support as S

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
]


@pytest.fixture(scope="module")
def page(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        context = browser.new_context(viewport={"width": 1000, "height": 900})
        yield context.new_page()
        context.close()
        browser.close()


def _documents() -> list[tuple[str, str]]:
    recs = S.records()
    out = []
    for kind, lang in (
        ("integration-plan", "fi"),
        ("assessment", "sv"),
        ("review", "en"),
        ("guidance", "fi"),
    ):
        html = render_record(
            S.by_kind(recs, kind), lang, "html", customer=recs[0], related=recs, today=S.TODAY
        )
        out.append((f"{kind}-{lang}", str(html)))
    out.append(("dossier-sv", str(render_dossier(recs[0], recs[1:], "sv", "html", today=S.TODAY))))
    return out


def test_axe_finds_no_serious_or_critical_violations(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = []
    for name, html in _documents():
        page.set_content(html)
        assert page.evaluate("document.documentElement.lang") in ("fi", "sv", "en")
        results = axe.run(page)
        problems += [
            f"{name}: {v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
    assert problems == []
