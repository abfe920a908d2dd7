"""The built catalogue site in real headless Chromium: search, language switch, comments, axe-core,
phone width. Served with ``python -m http.server`` on 127.0.0.1 (search needs HTTP, not file://).

Skipped only when /usr/bin/chromium is missing outside CI; in CI (CI=true) a missing browser fails.
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kototieto.site import fmt
from kototieto.site.build import build_site

_spec = importlib.util.spec_from_file_location("site_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(support)

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
COMMENT = "Tavoitteiden määrä pitäisi rajata viiteen."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists() and not IN_CI, reason="no /usr/bin/chromium (outside CI)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("browser")
    comments = tmp / "comments"
    support.write_round(comments)
    support.write_thread(comments, "t-20261120-bbbb01", "goals", COMMENT, "answered")
    build_site(tmp / "out", comments_dir=comments, snapshot=None)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            "--bind",
            "127.0.0.1",
            "--directory",
            str(tmp / "out"),
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the test HTTP server did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install-system-deps.sh`")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    yield p
    context.close()


@pytest.mark.parametrize(
    ("lang", "label"), [("fi", "Ensimmäinen tarkistus"), ("sv", "Första översyn"), ("en", "First review")]
)
def test_search_a_field_by_its_label(page: Any, base_url: str, lang: str, label: str) -> None:
    page.goto(f"{base_url}/{lang}/")
    page.locator("input.md-search__input").click()
    page.keyboard.type(label, delay=10)
    exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
    hit = page.locator("a.md-search-result__link").filter(has=page.locator("h2", has_text=exact))
    hit.first.wait_for(timeout=20000)
    hit.first.click()
    page.wait_for_url(f"**#{fmt.anchor('first_review')}")
    assert f"/{lang}/kinds/" in page.url
    assert page.locator(f"#{fmt.anchor('first_review')}").inner_text().startswith(label)


def _h1(page: Any) -> str:
    return str(page.locator("h1").inner_text()).rstrip("¶").strip()


def test_switch_to_swedish_and_see_a_comment_under_its_field(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/fi/kinds/integration-plan/")
    assert _h1(page) == "Kotoutumissuunnitelma"
    page.locator(".md-header__option .md-select button").click()
    page.locator('a.md-select__link[hreflang="sv"]').click()
    page.wait_for_url("**/sv/kinds/integration-plan/")
    assert _h1(page) == "Integrationsplan"
    page.goto(f"{base_url}/sv/kinds/integration-plan/#{fmt.anchor('goals')}")
    heading = page.locator(f"#{fmt.anchor('goals')}")
    assert heading.inner_text().startswith("Mål")
    comment = page.get_by_text(COMMENT)
    comment.scroll_into_view_if_needed()
    assert comment.is_visible()
    assert page.locator(".admonition-title", has_text="Besvarad").first.is_visible()
    link = page.locator("a.koto-comment").first.get_attribute("href")
    assert link and link.startswith("mailto:kirjaamo@example.org?subject=")


@pytest.mark.parametrize(
    "path",
    [
        "fi/",
        "fi/kinds/integration-plan/",
        f"sv/kinds/review/#{fmt.anchor('next_review')}",
        "en/codes/service-kind/",
    ],
)
def test_axe_finds_no_serious_or_critical_violations(page: Any, base_url: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{base_url}/{path}")
    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


@pytest.mark.parametrize(
    "path", ["fi/", "fi/kinds/assessment/", "sv/codes/service-kind/", "en/trace/", "fi/decree-874/"]
)
def test_tables_are_readable_at_phone_width(browser: Any, base_url: str, path: str) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True
    )
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{path}")
        sizes = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert sizes[0] <= sizes[1], f"page scrolls sideways at 375 px: {sizes}"
        overflow = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset table')].map(t => {
                 const wrap = t.closest('.md-typeset__scrollwrap');
                 return wrap ? getComputedStyle(wrap).overflowX : 'none';
               })"""
        )
        assert all(o in ("auto", "scroll") for o in overflow), overflow
    finally:
        context.close()
