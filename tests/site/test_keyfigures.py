"""The site's front page with ``--data``: the key figures and charts of ``koto report stats``.

A real data repository of synthetic records (one import commit and one annulment through the
store), the site built from it (real mkdocs, ``--strict``), the front page's HTML parsed with the
standard library and every number compared with the JSON that ``koto report stats --json`` prints.
The labels the parser looks rows up by come from the model's catalogue (kind and code labels) or
are written out here, never from the report's code. In real headless Chromium: axe-core finds no
serious or critical violation on the front pages with figures, the chart images load, and nothing
scrolls sideways at phone width.
"""

from __future__ import annotations

import importlib.util
import json
import re
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import InvalidInputError
from kototieto.model.catalogue import code_label, kind_label
from kototieto.reports.charts import month_label
from kototieto.site import i18n, keyfigures
from kototieto.site.build import build_site, prepare
from kototieto.site.generate import generate


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HERE = Path(__file__).parent
support = _load("site_support", HERE / "_support.py")
reports_support = _load("reports_support", HERE.parent / "reports" / "_support.py")

TODAY = reports_support.TODAY
LANGS = ("fi", "sv", "en")
HEADING = {"fi": "Tunnusluvut", "sv": "Nyckeltal", "en": "Key figures"}
#: The English labels of the first table's rows, and the report's JSON key each one shows.
FIGURE_ROWS = [
    ("Records", "records"),
    ("Customers", "customers"),
    ("Annulled (left out)", "annulled"),
    ("Assessment to plan, median (days)", "median_days_assessment_to_plan"),
    ("Plans past their first review deadline", "plans_due_first_review"),
    ("of which reviewed in time", "plans_reviewed_in_time"),
    ("Reviewed within the interval (%)", "plans_reviewed_in_time_pct"),
    ("Referrals to the employment authority", "employment_referrals"),
]


# --- reading the built front page ------------------------------------------------------------


@dataclass
class Figure:
    id: str
    src: str
    alt: str
    caption: str = ""


class FrontPage(HTMLParser):
    """The key-figures section of a built front page: its heading, tables (as text) and figures."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.heading = ""
        self.tables: list[list[list[str]]] = []
        self.figures: list[Figure] = []
        self.text = ""
        self._in_section = False
        self._in_h2 = False
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "h2":
            self._in_section = a.get("id") == "key-figures"
            self._in_h2 = self._in_section
        if not self._in_section:
            return
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "figure":
            self.figures.append(Figure(str(a.get("id")), "", ""))
        elif tag == "img" and self.figures:
            self.figures[-1].src, self.figures[-1].alt = str(a.get("src")), str(a.get("alt"))
        elif tag == "figcaption":
            self._in_caption = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "figcaption":
            self._in_caption = False

    def handle_data(self, data: str) -> None:
        if self._in_h2 and data.strip() not in ("", "¶"):
            self.heading += data.strip()
        if not self._in_section:
            return
        self.text += data
        if self._cell is not None:
            self._cell.append(data)
        if self._in_caption:
            self.figures[-1].caption += data


def front_page(out: Path, lang: str) -> FrontPage:
    parser = FrontPage()
    parser.feed((out / lang / "index.html").read_text(encoding="utf-8"))
    return parser


def value(cell: str) -> float | None:
    """A shown number back as a number (decimal comma or point; a dash is no value)."""
    return None if cell == keyfigures.NO_VALUE else float(cell.replace(",", "."))


# --- the site built from a small real repository ---------------------------------------------


@dataclass
class Built:
    repo: Path
    out: Path
    report: dict[str, Any]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = tmp_path_factory.mktemp("keyfigures")
    with reports_support.hermetic_env(root):
        from kototieto.store.store import Store

        repo = reports_support.make_repo(root / "repo", customers=14)
        records = reports_support.read_records(repo)
        target = next(r for r in records if r["kind"] == "guidance")
        Store.open(repo).annul(target["id"], "Väärä asiakas.", on=TODAY, author="T <t@example.org>")
        done = subprocess.run(
            [support.KOTO, "report", "stats", "--json", "--today", TODAY.isoformat(), "-C", str(repo)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        result = build_site(root / "out", data_repo=repo, snapshot=None, schemas=None, today=TODAY, jobs=2)
        assert result.key_figures and result.to_json()["key_figures"] is True
        yield Built(repo, root / "out", json.loads(done.stdout))


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_front_page_figures_are_the_reports(built: Built, lang: str) -> None:
    report = built.report
    page = front_page(built.out, lang)
    assert page.heading == HEADING[lang]
    # Finnish and Swedish pages write dates as 28.11.2026, English ones in ISO form
    shown = f"{TODAY.day}.{TODAY.month}.{TODAY.year}" if lang in ("fi", "sv") else TODAY.isoformat()
    assert shown in page.text and "koto report stats" in page.text
    assert lang == "en" or TODAY.isoformat() not in page.text
    figures, kinds, outcomes, services = page.tables
    # key figures: the same rows in every language, the values of the report's JSON
    assert len(figures) == 1 + len(FIGURE_ROWS)
    if lang == "en":
        assert [row[0] for row in figures[1:]] == [label for label, _ in FIGURE_ROWS]
    for row, (_, key) in zip(figures[1:], FIGURE_ROWS, strict=True):
        assert value(row[1]) == report[key], (key, row)
    assert report["annulled"] >= 1 and report["plans_due_first_review"] >= 1
    # counts by kind, rows named by the model's kind labels
    assert {kind: int(n) for kind, n in kinds[1:]} == {
        kind_label(k, lang): n for k, n in report["by_kind"].items()
    }
    # plan outcomes: ended by ground, extended, switched
    shown = {(o, d): int(n) for o, d, n in outcomes[1:]}
    out = report["outcomes"]
    expected = {code_label("plan-ending-ground", g, lang): n for g, n in out["ended_by_ground"].items()}
    expected |= {kind_label(k, lang): n for k, n in out["switched_to"].items()}
    assert {d: n for (_, d), n in shown.items() if d != keyfigures.NO_VALUE} == expected
    assert [n for (_, d), n in shown.items() if d == keyfigures.NO_VALUE] == [out["extended"]]
    assert sum(shown.values()) == out["ended"] + out["extended"] + out["switched"] > 0
    # most common services, most common first, by code
    assert [(code, int(m), int(p)) for _, code, m, p in services[1:]] == [
        (s["service_kind"], s["measures"], s["plans"]) for s in report["service_kinds"]
    ]
    assert [label for label, *_ in services[1:]] == [
        code_label("service-kind", s["service_kind"], lang) for s in report["service_kinds"]
    ]


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_charts_are_files_with_the_figures_in_their_alt_text(built: Built, lang: str) -> None:
    report = built.report
    page = front_page(built.out, lang)
    names = ["months", "kinds", "outcomes", "services"]
    assert [f.id for f in page.figures] == [f"chart-{n}" for n in names]
    ns = "{http://www.w3.org/2000/svg}"
    for fig, name in zip(page.figures, names, strict=True):
        assert fig.src == f"assets/charts/{name}.svg"
        svg = ET.parse(built.out / lang / fig.src).getroot()
        assert svg.tag == f"{ns}svg" and svg.get("role") == "img"
        title = str(svg.findtext(f"{ns}title"))
        assert svg.findtext(f"{ns}desc") == fig.alt and fig.caption.strip().startswith(title) and title
        # the title is shown once, in the caption: the SVG's own text does not repeat it
        assert title not in "".join(t.text or "" for t in svg.iter(f"{ns}text"))
        assert len(fig.alt) > len(fig.caption)
    # the outcomes chart says that one plan can count on several rows, in its caption and alt text
    outcomes = page.figures[names.index("outcomes")]
    title = str(ET.parse(built.out / lang / outcomes.src).getroot().findtext(f"{ns}title"))
    note = outcomes.caption.strip().removeprefix(title).strip()
    assert len(note) > 20 and note in outcomes.alt
    alts = {n: f.alt for n, f in zip(names, page.figures, strict=True)}
    total = sum(sum(per.values()) for per in report["by_month"].values())
    assert str(total) in alts["months"] and total == report["records"]
    for month, per in report["by_month"].items():
        assert f"{month_label(month, lang)}: {sum(per.values())}" in alts["months"]
        assert lang == "en" or month not in alts["months"]  # 1/2025, not 2025-01, in Finnish and Swedish
    for k, n in report["by_kind"].items():
        assert f"{kind_label(k, lang)}: {n}" in alts["kinds"]
    for g, n in report["outcomes"]["ended_by_ground"].items():
        assert f"{code_label('plan-ending-ground', g, lang)}: {n}" in alts["outcomes"]
    for s in report["service_kinds"][:8]:
        assert f"{code_label('service-kind', s['service_kind'], lang)}: {s['measures']}" in alts["services"]


@pytest.mark.slow
def test_cli_site_build_shows_what_cli_report_prints(built: Built, tmp_path: Path) -> None:
    """The commands as a user runs them: `koto site build --data` beside `koto report stats --json`."""
    with reports_support.hermetic_env(tmp_path):
        out = str(tmp_path / "out")
        site = subprocess.run(
            [
                support.KOTO,
                "site",
                "build",
                "--out",
                out,
                "--data",
                str(built.repo),
                "--lang",
                "sv",
                "--json",
            ],
            capture_output=True,
            text=True,
        )
        stats = subprocess.run(
            [support.KOTO, "report", "stats", "--json", "-C", str(built.repo)], capture_output=True, text=True
        )
    assert site.returncode == 0, site.stderr
    assert stats.returncode == 0, stats.stderr
    assert json.loads(site.stdout)["key_figures"] is True
    report = json.loads(stats.stdout)
    page = front_page(tmp_path / "out", "sv")
    y, m, d = (int(part) for part in report["today"].split("-"))
    assert page.heading == "Nyckeltal" and f"{d}.{m}.{y}" in page.text
    rows = page.tables[0][1:]
    assert [value(row[1]) for row in rows] == [report[key] for _, key in FIGURE_ROWS]
    assert sorted((tmp_path / "out" / "sv" / "assets" / "charts").iterdir()) == sorted(
        tmp_path / "out" / "sv" / "assets" / "charts" / f"{n}.svg"
        for n in ("kinds", "months", "outcomes", "services")
    )


# --- without data, a plain folder, an empty repository: generated Markdown only (no mkdocs) ---


def _index(
    tmp_path: Path, data: Path | None, lang: str = "en", *, worktree: bool = False
) -> tuple[str, Path]:
    ctx = prepare(support.sample_catalogue(), data_repo=data, today=TODAY, worktree=worktree)
    generate(ctx, tmp_path / "src", tmp_path / "site", [lang])
    docs = tmp_path / "src" / lang / "docs"
    return (docs / "index.md").read_text(encoding="utf-8"), docs


def test_no_key_figures_without_a_data_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    support.hermetic(tmp_path, monkeypatch)
    index, docs = _index(tmp_path / "none", None)
    assert "key-figures" not in index and not (docs / "assets" / "charts").exists()
    support.write_data_repo(tmp_path / "plain", customers=3)  # record files, no koto.yaml: fill rates only
    index, docs = _index(tmp_path / "p", tmp_path / "plain", worktree=True)  # no Git: its files
    assert "key-figures" not in index and not (docs / "assets" / "charts").exists()
    assert (docs / "usage.md").is_file()


def test_an_empty_repository_says_it_has_no_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    support.hermetic(tmp_path, monkeypatch)
    repo = tmp_path / "repo"
    subprocess.run(
        [support.KOTO, "init", str(repo), "--organisation", "091", "--name", "Helsinki"], check=True
    )
    for lang in LANGS:
        index, docs = _index(tmp_path / lang, repo, lang)
        assert f"## {HEADING[lang]} {{ #key-figures }}" in index
        assert i18n.tr("home.figures_none", lang) in index
        assert "<figure" not in index and not (docs / "assets" / "charts").exists()


def test_a_missing_translation_of_a_key_figures_text_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("home.figures", "home.figures_intro", "home.figures_none", "home.charts"):
        assert all(i18n.tr(key, lang).strip() for lang in LANGS)
    fi, _, en = i18n.TEXTS["home.charts"]
    monkeypatch.setitem(i18n.TEXTS, "home.charts", (fi, " ", en))
    with pytest.raises(InvalidInputError, match=r"home\.charts/sv"):
        generate(prepare(support.sample_catalogue()), tmp_path / "src", tmp_path / "site", ["sv"])
    with pytest.raises(InvalidInputError, match=r"home\.charts/sv"):
        build_site(tmp_path / "out", catalogue=support.sample_catalogue(), snapshot=None, schemas=None)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("cell", "lang", "shown"),
    [
        (12, "fi", "12"),
        (12.0, "fi", "12"),
        (12.5, "fi", "12,5"),
        (83.3, "sv", "83,3"),
        (83.3, "en", "83.3"),
        (None, "en", "–"),
        ("", "en", "–"),
        ("  of which | <b>", "en", "of which \\| &lt;b&gt;"),
    ],
)
def test_cells_are_shown_as_numbers_or_escaped_text(cell: Any, lang: str, shown: str) -> None:
    assert keyfigures.number(cell, lang) == shown


# --- in real headless Chromium ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(built: Built) -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            "--bind",
            "127.0.0.1",
            "--directory",
            str(built.out),
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
        b = pw.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        yield b
        b.close()


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_front_page_with_figures_passes_axe_and_fits_a_phone(
    browser: Any, base_url: str, built: Built, lang: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{lang}/")
        images = "[...document.querySelectorAll('figure.koto-chart img')]"
        page.wait_for_function(f"{images}.every(img => img.complete)", timeout=15_000)
        widths = page.evaluate(f"{images}.map(img => img.naturalWidth)")
        assert len(widths) == 4 and all(w > 0 for w in widths), widths
        results = Axe().run(page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert bad == []
    finally:
        context.close()
    phone = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True)
    try:
        page = phone.new_page()
        page.goto(f"{base_url}/{lang}/")
        sizes = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert sizes[0] <= sizes[1], f"the front page scrolls sideways at 375 px: {sizes}"
        shown = page.evaluate(
            """[...document.querySelectorAll('figure.koto-chart')].map(f => {
                 const img = f.querySelector('img');
                 return [img.getAttribute('src'), img.getBoundingClientRect().width,
                         getComputedStyle(f).overflowX, f.getAttribute('tabindex')];
               })"""
        )
        assert len(shown) == 4, shown
        for src, width, overflow, tabindex in shown:
            # the chart keeps a size at which its smallest text is at least 11 CSS px; when that is
            # wider than the phone, the figure scrolls sideways and can be reached by keyboard
            svg = ET.parse(built.out / lang / src).getroot()
            view_width = float(str(svg.get("viewBox")).split()[2])
            sizes = [
                float(s)
                for s in re.findall(r"font-size:\s*([0-9.]+)px", ET.tostring(svg, encoding="unicode"))
            ]
            smallest = min(sizes) if sizes else 0.0
            assert smallest * width / view_width >= 11, (src, smallest, width, view_width)
            assert overflow in ("auto", "scroll") and tabindex == "0", (src, overflow, tabindex)
    finally:
        phone.close()
