"""The built catalogue site in real headless Chromium: search, language switch, comments, axe-core,
phone width. Served with ``python -m http.server`` on 127.0.0.1 (search needs HTTP, not file://).

Chromium from the shared ``chromium`` fixture (tests/conftest.py): a missing browser skips these
tests locally and fails them when CI=true.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import re
import socket
import subprocess
import sys
import threading
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
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    comments = tmp / "comments"
    support.write_round(comments)
    support.write_thread(comments, "t-20261120-bbbb01", "goals", COMMENT, "answered")
    build_site(tmp / "out", comments_dir=comments, snapshot=None)
    return tmp / "out"


@pytest.fixture(scope="module")
def base_url(site_out: Path) -> Iterator[str]:
    tmp = site_out.parent
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
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=ARGS)
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
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset table')].map(t => {
                 const box = t.closest('.koto-scroll') || t.closest('.md-typeset__scrollwrap');
                 return box ? [getComputedStyle(box).overflowX, box.getAttribute('tabindex'),
                               box.getAttribute('role'), box.getAttribute('aria-label')] : null;
               })"""
        )
        # every table scrolls in its own box, which the keyboard reaches and a screen reader names
        assert all(b is not None for b in boxes), boxes
        assert boxes or path == "fi/"  # the front page without data has no table
        assert all(
            o in ("auto", "scroll") and tab == "0" and role == "region" and name
            for o, tab, role, name in boxes
        ), boxes
    finally:
        context.close()


def test_field_table_puts_fill_rate_before_legal_basis_and_does_not_repeat_the_parents(
    page: Any, base_url: str
) -> None:
    page.goto(f"{base_url}/fi/kinds/integration-plan/")
    heads = [h.strip() for h in page.locator(".koto-scroll table th").all_inner_texts()]
    assert heads.index("Asetuksen kohdat") < heads.index("Oikeusperusta") == len(heads) - 1
    row = page.locator(".koto-scroll table tr", has=page.locator("code", has_text="drawn_up_by.name"))
    assert "kuten yläkentällä" in row.inner_text()
    parent = page.locator(
        ".koto-scroll table tr", has=page.locator("code", has_text=re.compile(r"^drawn_up_by$"))
    )
    assert "681/2023" in parent.inner_text()


def test_language_switch_keeps_the_field(page: Any, base_url: str) -> None:
    anchor = fmt.anchor("measures.service_kind")
    page.goto(f"{base_url}/fi/kinds/integration-plan/#{anchor}")
    page.locator(".md-header__option .md-select button").click()
    page.locator('a.md-select__link[hreflang="sv"]').click()
    page.wait_for_url(f"**/sv/kinds/integration-plan/#{anchor}")
    page.wait_for_function("window.scrollY > 1000")
    top = page.locator(f"#{anchor}").evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 300, top


@pytest.mark.parametrize("query", ["service_kind", "measures.service_kind"])
def test_search_finds_a_field_by_its_machine_name(page: Any, base_url: str, query: str) -> None:
    page.goto(f"{base_url}/en/")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=10)
    anchor = "#" + fmt.anchor("measures.service_kind")
    # the field's own section is among the results (possibly under "more on this page")
    page.locator(f"a.md-search-result__link[href*='{anchor}']").first.wait_for(
        state="attached", timeout=20000
    )
    assert page.locator(".md-search-result__meta").inner_text().strip()[0].isdigit()


def test_root_page_offers_every_language_without_a_redirect(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.wait_for_timeout(500)
    assert page.url.rstrip("/") == base_url
    assert [a.get_attribute("hreflang") for a in page.locator("main a").all()] == ["fi", "sv", "en"]


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a web host does: a missing address gets its language's 404 page."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        lang = self.path.strip("/").split("/")[0]
        root = Path(self.directory)
        page = root / lang / "404.html" if (root / lang / "404.html").exists() else root / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_not_found_pages_work_at_any_depth(page: Any, site_out: Path, lang: str) -> None:
    handler = functools.partial(_NotFoundHandler, directory=str(site_out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    failed: list[str] = []
    page.on(
        "response",
        lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("/no/such/page/") else None,
    )
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page.goto(f"{base}/{lang}/no/such/page/")
        page.wait_for_load_state("networkidle")
        assert failed == []  # the stylesheet, scripts and icons all load from a deep address
        assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
        for a in page.locator("a.md-nav__link").all():
            href = a.get_attribute("href") or ""
            assert href.startswith(f"/{lang}/"), href
        langs = {
            a.get_attribute("hreflang"): a.get_attribute("href")
            for a in page.locator("a.md-select__link").all()
        }
        assert langs == {"fi": "/fi/", "sv": "/sv/", "en": "/en/"}
    finally:
        server.shutdown()
        server.server_close()
