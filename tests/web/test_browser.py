"""koto serve in real headless Chromium against a real uvicorn on 127.0.0.1.

An official's day (find a customer, a new assessment with an error fixed at the field, save,
history), partly with the keyboard only; a review that extends a plan and the printed plan's new end;
a pilot's extension field chosen in a form; sync with a real ``git daemon`` remote and the conflict
settled in the app; a reviewer's comment round (comment, the secretary's answer and status); axe-core on every page type in fi, sv and en at desktop
and phone width; the app never asks another host for anything and the CSP is never violated.
Skipped only when /usr/bin/chromium is missing outside CI; in CI (CI=true) a missing browser fails.
"""

from __future__ import annotations

import contextlib
import datetime as dt
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

_spec = importlib.util.spec_from_file_location("web_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists() and not IN_CI, reason="no /usr/bin/chromium (outside CI)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _serving(repo: Path, env: dict[str, str], *extra: str) -> Iterator[str]:
    """A real ``koto serve`` over ``repo``; yields the address with its access token."""
    port = _free_port()
    koto = str(Path(sys.executable).parent / "koto")
    proc = subprocess.Popen(
        [koto, "serve", str(repo), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        url = ""
        deadline = time.monotonic() + 30
        assert proc.stderr is not None
        while not url and time.monotonic() < deadline:
            line = proc.stderr.readline()
            m = re.search(r"(http://127\.0\.0\.1:\d+/\?token=\S+)", line)
            if m:
                url = m.group(1)
        assert url, "koto serve did not print its address"
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("browser")
    repo = S.demo_repo(tmp)
    with _serving(repo, S.hermetic_env(tmp / "home")) as url:
        yield url, repo


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/install-system-deps.sh`")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _context(browser: Any, url: str, width: int = 1200, height: int = 900) -> tuple[Any, Any, list[str]]:
    base = url.split("/?", 1)[0]
    ctx = browser.new_context(viewport={"width": width, "height": height})
    page = ctx.new_page()
    trouble: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base) else trouble.append(f"request to {r.url}"))
    page.on(
        "console",
        lambda m: trouble.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.goto(url)
    return ctx, page, trouble


def test_an_officials_day(server: tuple[str, Path], browser: Any) -> None:
    url, repo = server
    base = url.split("/?", 1)[0]
    ctx, page, trouble = _context(browser, url)
    # find a customer by a part of the name, without accents
    page.click("text=Asiakkaat")
    from kototieto.store.store import Store

    st = Store.open(repo)
    plan = next(
        d
        for cid in sorted(p.name for p in (repo / "customers").glob("*/*"))
        for d in st.customer_records(cid).values()
        if d["kind"] == "integration-plan" and not d.get("annulment")
    )
    cid = plan["customer"]
    customer = st.read(f"{cid}/{cid}").data
    page.fill("#q", customer["last_name"][:4].lower())
    page.wait_for_selector(f'#results a[href="/c/{cid}"]')
    page.wait_for_load_state("networkidle")  # the search is swapped in as one types: let it settle
    with page.expect_navigation(url=f"{base}/c/{cid}"):
        page.click(f'#results a[href="/c/{cid}"]')
    assert customer["last_name"] in page.inner_text("h1")
    # a new assessment: a date typed wrong is reported at the field as one types
    page.click(f'a[href="/c/{cid}/new/assessment"]')
    page.wait_for_selector("#record-form")
    page.fill('[name="date"]', "31.2.2026")
    page.keyboard.press("Tab")
    page.wait_for_selector("#f-date-msg .error")
    assert "2026-02-31" in page.inner_text("#f-date-msg")
    assert "1 virhe" in page.inner_text("#problems") or "virhettä" in page.inner_text("#problems")
    # fixed at the field: the message goes away, then saved
    page.fill('[name="date"]', "1.12.2026")
    page.keyboard.press("Tab")
    page.wait_for_selector("#f-date-msg .error", state="detached")
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r".*/r/.*\?msg=saved.*"))
    assert page.locator("p.notice[role=status]").count() == 1
    rid = page.url.split("?")[0].rsplit("/", 1)[1]
    # history: the official is the author
    page.click("text=Historia")
    page.wait_for_selector("table")
    assert "Testi Virkailija" in page.inner_text("table")
    # the language switch keeps the page
    page.click('a[hreflang="sv"]')
    page.wait_for_url(f"{base}/r/{cid}/{rid}/history")
    assert "Historik" in page.inner_text("h1")
    assert trouble == []
    ctx.close()


def test_keyboard_only_search_and_open_a_customer(server: tuple[str, Path], browser: Any) -> None:
    url, _ = server
    ctx, page, trouble = _context(browser, url)
    page.goto(url.split("/?", 1)[0] + "/customers")
    page.keyboard.press("Tab")  # skip link
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("a")
    page.wait_for_timeout(600)
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("(document.activeElement.getAttribute('href') || '').startsWith('/c/')"):
            break
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href.startswith("/c/")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(".*" + re.escape(href) + "$"))
    assert trouble == []
    ctx.close()


def _pages(base: str, repo: Path) -> list[str]:
    from kototieto.store.store import Store

    st = Store.open(repo)
    cid = sorted(p.name for p in (repo / "customers").glob("*/*"))[0]
    datas = st.customer_records(cid)
    rid = next((r for r, d in datas.items() if d["kind"] != "customer"), cid)
    return [
        "/",
        "/customers",
        f"/c/{cid}",
        f"/r/{cid}/{rid}",
        f"/r/{cid}/{rid}/edit",
        f"/r/{cid}/{rid}/history",
        f"/c/{cid}/new/integration-plan",
        "/customers/new",
        "/reports/due",
        "/reports/completeness",
        "/catalogue",
        "/catalogue/review",
        "/conflicts",
    ]


@pytest.mark.parametrize("width", [1200, 390])
def test_axe_finds_no_violations_on_any_page_type(server: tuple[str, Path], browser: Any, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    url, repo = server
    base = url.split("/?", 1)[0]
    ctx, page, trouble = _context(browser, url, width=width, height=850)
    axe = Axe()
    problems = []
    for lang in ("fi", "sv", "en"):
        page.goto(f"{base}/lang?to={lang}&next=/")
        for path in _pages(base, repo):
            page.goto(base + path)
            assert page.evaluate("document.documentElement.lang") == lang
            results = axe.run(page)
            problems += [
                f"{lang} {path}: {v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
                for v in results.response["violations"]
            ]
            if width < 500:  # nothing wider than the phone's screen but scrolling tables
                wide = page.evaluate("document.documentElement.scrollWidth")
                assert wide <= width + 1, (path, wide)
    assert problems == [], "\n".join(problems)
    assert [t for t in trouble if "axe" not in t.lower()] == []
    ctx.close()


def test_two_officials_in_two_browsers_edit_the_same_record(server: tuple[str, Path], browser: Any) -> None:
    from kototieto.store.store import Store

    url, repo = server
    base = url.split("/?", 1)[0]
    st = Store.open(repo)
    plan = next(
        d
        for cid in sorted(p.name for p in (repo / "customers").glob("*/*"))
        for d in st.customer_records(cid).values()
        if d["kind"] == "integration-plan" and not d.get("annulment")
    )
    edit = f"{base}/r/{plan['customer']}/{plan['id']}/edit"
    ctx1, one, trouble1 = _context(browser, url)
    ctx2, two, trouble2 = _context(browser, url)
    one.goto(edit)
    two.goto(edit)
    # different fields: both kept
    one.fill('[name="source_details"]', "Ensimmäisen selaimen lähde")
    one.click('button[value="save"]')
    one.wait_for_url(re.compile(r".*msg=saved.*"))
    two.fill('[name="other_content"]', "Toisen selaimen sisältö")
    two.click('button[value="save"]')
    two.wait_for_url(re.compile(r".*msg=merged.*"))
    data = Store.open(repo).read(f"{plan['customer']}/{plan['id']}").data
    assert data["source_details"] == "Ensimmäisen selaimen lähde"
    assert data["other_content"] == "Toisen selaimen sisältö"
    # the same field: the choice screen with both values; nothing is lost until the official chooses
    one.goto(edit)
    two.goto(edit)
    one.fill('[name="other_content"]', "Ykkösen arvo")
    one.click('button[value="save"]')
    one.wait_for_url(re.compile(r".*msg=saved.*"))
    two.fill('[name="other_content"]', "Kakkosen arvo")
    two.click('button[value="save"]')
    two.wait_for_selector("fieldset.choice")
    text = two.inner_text("main")
    assert "Ykkösen arvo" in text and "Kakkosen arvo" in text
    two.check('input[name="c0"][value="ours"]')
    two.click("main button[type=submit]")
    two.wait_for_url(re.compile(r".*/r/.*msg=saved.*"))
    assert Store.open(repo).read(f"{plan['customer']}/{plan['id']}").data["other_content"] == "Kakkosen arvo"
    assert trouble1 == [] and [t for t in trouble2 if "409" not in t] == []
    ctx1.close()
    ctx2.close()


def test_a_long_code_list_can_be_searched_without_losing_the_choice(
    server: tuple[str, Path], browser: Any
) -> None:
    url, repo = server
    base = url.split("/?", 1)[0]
    cid = sorted(p.name for p in (repo / "customers").glob("*/*"))[0]
    ctx, page, trouble = _context(browser, url)
    page.goto(f"{base}/r/{cid}/{cid}/edit")
    chosen = page.eval_on_selector_all("#f-citizenships option:checked", "els => els.map(e => e.value)")
    page.fill("#f-citizenships-filter", "ruot")
    visible = page.eval_on_selector_all(
        "#f-citizenships option", "els => els.filter(e => !e.hidden).map(e => e.textContent)"
    )
    assert "Ruotsi" in visible and "Suomi" not in [v for v in visible if v not in chosen]
    assert len(visible) <= 3 + len(chosen)
    page.fill("#f-citizenships-filter", "")
    assert page.eval_on_selector_all("#f-citizenships option", "els => els.filter(e => e.hidden).length") == 0
    assert (
        page.eval_on_selector_all("#f-citizenships option:checked", "els => els.map(e => e.value)") == chosen
    )
    assert trouble == []
    ctx.close()


def test_history_diff_restore_and_annul_in_the_browser(server: tuple[str, Path], browser: Any) -> None:
    from kototieto.store.store import Store

    url, repo = server
    base = url.split("/?", 1)[0]
    st = Store.open(repo)
    plan = next(
        d
        for cid in sorted((p.name for p in (repo / "customers").glob("*/*")), reverse=True)
        for d in st.customer_records(cid).values()
        if d["kind"] == "integration-plan" and not d.get("annulment")
    )
    record = f"{base}/r/{plan['customer']}/{plan['id']}"
    ctx, page, trouble = _context(browser, url)
    page.goto(record + "/edit")
    page.fill('[name="other_content"]', "Selaimessa muutettu")
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r".*msg=saved.*"))
    page.click("text=Historia")
    page.click("button:text('Vertaa')")
    page.wait_for_selector("table.diff")
    assert "Selaimessa muutettu" in page.inner_text("table.diff")
    page.locator("button:text('Palauta tämä versio')").first.click()
    page.wait_for_url(re.compile(r".*msg=restored.*"))
    assert Store.open(repo).read(f"{plan['customer']}/{plan['id']}").data.get("other_content") == plan.get(
        "other_content"
    )
    page.fill("#reason", "Kirjattu väärälle asiakkaalle")
    page.click("button:text('Mitätöi')")
    page.wait_for_url(re.compile(r".*msg=annul_done.*"))
    assert "Kirjattu väärälle asiakkaalle" in page.inner_text("main")
    assert trouble == []
    ctx.close()


def test_a_review_that_extends_a_plan_shows_the_new_end_on_the_printed_plan(
    server: tuple[str, Path], browser: Any
) -> None:
    from kototieto.store.store import Store

    url, repo = server
    base = url.split("/?", 1)[0]
    st = Store.open(repo)
    plan = next(
        d
        for cid in sorted(p.name for p in (repo / "customers").glob("*/*"))
        for d in st.customer_records(cid).values()
        if d["kind"] == "integration-plan"
        and not d.get("annulment")
        and d.get("period", {}).get("end")
        and dt.date.fromisoformat(str(d["period"]["end"])) > S.TODAY
    )
    cid = plan["customer"]
    end = dt.date.fromisoformat(str(plan["period"]["end"])) + dt.timedelta(days=60)
    typed = f"{end.day}.{end.month}.{end.year}"
    ctx, page, trouble = _context(browser, url)
    page.goto(f"{base}/c/{cid}")
    page.click(f'a[href="/c/{cid}/new/review"]')
    page.wait_for_selector("#record-form")
    page.fill("#f-plan", plan["id"])
    page.select_option("#f-plan_kind", "integration-plan")
    page.click("summary:has-text('Enimmäiskeston pidentäminen')")
    page.fill("#f-extension-new_end", typed)
    page.select_option("#f-extension-ground", index=1)
    page.fill("#f-extension-description", "Lukutaitokoulutus jatkuu.")
    page.keyboard.press("Tab")
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r".*/r/.*\?msg=saved.*"))
    # the plan's page: print it as HTML and read the new end
    page.goto(f"{base}/c/{cid}")
    page.click(f'a[href="/r/{cid}/{plan["id"]}"]')
    page.wait_for_url(f"{base}/r/{cid}/{plan['id']}")
    page.select_option("#pfmt", "html")
    with page.expect_navigation(url=re.compile(r".*/print\?.*")):
        page.click("form[action$='/print'] button")
    assert typed in page.inner_text("body")
    assert trouble == []
    ctx.close()


def test_a_pilots_extension_field_is_chosen_in_a_form_and_saved(
    server: tuple[str, Path], browser: Any
) -> None:
    from kototieto.store.store import Store

    url, repo = server
    base = url.split("/?", 1)[0]
    cid = sorted(p.name for p in (repo / "customers").glob("*/*"))[-1]
    ctx, page, trouble = _context(browser, url)
    page.goto(f"{base}/c/{cid}")
    page.click(f'a[href="/c/{cid}/new/assessment"]')
    page.wait_for_selector("#record-form")
    field = page.locator('[name="extensions.905.digital-skills"]')
    label = page.inner_text(f'label[for="{field.get_attribute("id")}"]')
    assert "Digitaidot" in label
    field.select_option(label="Perustaidot")
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r".*/r/.*\?msg=saved.*"))
    assert "Perustaidot" in page.inner_text("main")
    rid = page.url.split("?")[0].rsplit("/", 1)[1]
    assert Store.open(repo).read(f"{cid}/{rid}").data["extensions"] == {"905.digital-skills": "basic"}
    assert trouble == []
    ctx.close()


def _git(cwd: Path, *args: str) -> None:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_sync_with_a_git_daemon_and_a_conflict_settled_in_the_app(
    tmp_path: Path, git_daemon: Any, browser: Any
) -> None:
    from kototieto.store.store import Store

    env = S.hermetic_env(tmp_path / "home")
    origin = S.demo_repo(tmp_path / "o")
    _git(tmp_path, "clone", "-q", "--bare", str(origin), str(git_daemon.base / "data.git"))
    remote = git_daemon.url("data.git")
    koto = str(Path(sys.executable).parent / "koto")
    clones = {}
    for name in ("a", "b"):
        _git(tmp_path, "clone", "-q", remote, str(tmp_path / name))
        done = subprocess.run(
            [koto, "upgrade"], cwd=tmp_path / name, env=env, capture_output=True, check=False
        )
        assert done.returncode == 0, done.stderr
        clones[name] = tmp_path / name
    sb = Store.open(clones["b"])
    cid = sorted(p.name for p in (clones["b"] / "customers").glob("*/*"))[0]
    rid = next(r for r, d in sb.customer_records(cid).items() if d["kind"] == "integration-plan")
    view = sb.read(f"{cid}/{rid}")
    sb.save(
        dict(view.data, other_content="Kloonin B arvo"),
        expected_version=view.blob_id,
        author="Bertta B <b@example.org>",
    )
    done = subprocess.run([koto, "sync"], cwd=clones["b"], env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    with _serving(clones["a"], env) as url:
        base = url.split("/?", 1)[0]
        ctx, page, trouble = _context(browser, url)
        page.goto(f"{base}/r/{cid}/{rid}/edit")
        page.fill('[name="other_content"]', "Sovelluksen arvo")
        page.click('button[value="save"]')
        page.wait_for_url(re.compile(r".*msg=saved.*"))
        page.click("form.sync button")
        page.wait_for_selector("a[href='/conflicts']")
        assert rid in page.inner_text("main")
        page.click("main a[href='/conflicts']")
        page.wait_for_selector("fieldset.choice")
        text = page.inner_text("main")
        assert "Kloonin B arvo" in text and "Sovelluksen arvo" in text and "Bertta B" in text
        page.check('input[name="c0"][value="theirs"]')
        page.click("main button[type=submit]")
        page.wait_for_url(re.compile(r".*done=merge.*"))
        page.click("form.sync button")
        page.wait_for_selector("#sync-pushed")
        assert page.inner_text("#sync-pushed") == "Kyllä"
        assert trouble == []
        ctx.close()
    _git(clones["b"], "pull", "-q")
    assert Store.open(clones["b"]).read(f"{cid}/{rid}").data["other_content"] == "Kloonin B arvo"


def test_a_reviewers_comment_round_in_the_browser(tmp_path: Path, browser: Any) -> None:
    from kototieto.site.comments import CommentRepo

    env = S.hermetic_env(tmp_path / "home")
    repo = S.demo_repo(tmp_path)
    folder = tmp_path / "comments"
    folder.mkdir()
    _git(folder, "init", "-q")
    rounds = CommentRepo(folder)
    rounds.create_round(
        "Tietosisällön lausuntokierros",
        dt.date(2026, 11, 1),
        dt.date(2026, 12, 15),
        ["Vaasan kaupunki"],
        "2026.12",
        contact=S.OFFICIAL["email"],  # the app's user is the round's secretary
    )
    with _serving(repo, env, "--comments", str(folder)) as url:
        base = url.split("/?", 1)[0]
        ctx, page, trouble = _context(browser, url)
        page.goto(f"{base}/catalogue")
        page.click("a[href='/catalogue/integration-plan']")
        assert "Tietosisällön lausuntokierros" in page.inner_text("main")
        section = page.locator("#f-period-end")
        section.locator("details > summary").last.click()
        section.locator("textarea[name=text]").last.fill("Päättymispäivän määritelmä <b>tarkemmaksi</b>.")
        section.locator("textarea[name=proposed_text]").fill("Viimeinen päivä, jona suunnitelma on voimassa.")
        section.locator("input[name=organisation]").fill("Vaasan kaupunki")
        section.locator("button[type=submit]").last.click()
        page.wait_for_url(re.compile(r".*/catalogue/integration-plan#f-period-end$"))
        section = page.locator("#f-period-end")
        assert "Päättymispäivän määritelmä <b>tarkemmaksi</b>." in section.inner_text()
        thread = next(t for t in rounds.threads() if t.path == "period.end")
        assert thread.author == S.OFFICIAL["name"] and thread.status.value == "open"
        # the secretary answers and accepts it
        section.locator("ul.threads details > summary").first.click()
        section.locator(f"#{thread.id}-text").fill("Hyväksytty, korjataan.")
        section.locator(f"#{thread.id}-status").select_option("accepted")
        section.locator("ul.threads button[type=submit]").first.click()
        page.wait_for_url(re.compile(r".*#f-period-end$"))
        page.wait_for_selector("#f-period-end .reply")
        assert "Hyväksytty, korjataan." in page.inner_text("#f-period-end")
        assert rounds.get(thread.id).status.value == "accepted"
        assert trouble == []
        ctx.close()


def _box_of(page: Any, selector: str) -> Any:
    """The conditional box (``[data-when]``) around an input."""
    return page.locator(f"[data-when]:has({selector})")


def test_a_field_that_applies_under_a_condition_appears_when_its_trigger_says_so(
    server: tuple[str, Path], browser: Any
) -> None:
    """Customer: the interpretation language is hidden (and not focusable) until interpretation is
    needed, then appears right after its trigger, is filled and saved. (koto serve has no form for a
    new customer: customers come from `koto add` or an import, so this is the customer's edit form.)"""
    from axe_playwright_python.sync_playwright import Axe

    from kototieto.model.meta import When
    from kototieto.store.store import Store

    url, repo = server
    base = url.split("/?", 1)[0]
    st = Store.open(repo)
    cid = next(
        c
        for c in sorted(p.name for p in (repo / "customers").glob("*/*"))
        if not st.read(f"{c}/{c}").data.get("interpretation_needed")
        and not st.read(f"{c}/{c}").data.get("interpretation_language")
    )
    ctx, page, trouble = _context(browser, url)
    page.goto(f"{base}/r/{cid}/{cid}/edit")
    page.wait_for_selector("#record-form")
    language = page.locator("#f-interpretation_language")
    box = _box_of(page, "#f-interpretation_language")
    assert not language.is_visible() and box.get_attribute("hidden") is not None
    # the keyboard skips the hidden field
    page.focus("#f-interpretation_needed")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('[data-when]') === null")
    # interpretation is needed: the field appears, next in the keyboard order
    page.select_option("#f-interpretation_needed", "true")
    language.wait_for(state="visible")
    page.focus("#f-interpretation_needed")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('[data-when]') !== null")
    axe = Axe().run(page)
    assert [v["id"] for v in axe.response["violations"]] == []
    language.select_option("ar")
    page.keyboard.press("Tab")
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r".*/r/.*\?msg=saved.*"))
    saved = Store.open(repo).read(f"{cid}/{cid}").data
    assert saved["interpretation_needed"] is True and saved["interpretation_language"] == "ar"
    # a value is never hidden: the edit form shows it, even after the trigger changes back
    page.goto(f"{base}/r/{cid}/{cid}/edit")
    page.wait_for_selector("#record-form")
    assert language.is_visible()
    page.select_option("#f-interpretation_needed", "false")
    page.wait_for_selector("#f-interpretation_language-msg .warning")
    assert language.is_visible()
    # app.js's check is the model's When.holds on the values the form writes
    cases = [
        ({"values": ["true"]}, ["true"], When("x", equals=True), True),
        ({"values": ["true"]}, ["false"], When("x", equals=True), False),
        ({"values": ["true"]}, [], When("x", equals=True), None),
        ({"values": ["a", "b"]}, ["c", "a"], When("x", in_=("a", "b")), ["c", "a"]),
        ({"present": False}, [], When("x", present=False), None),
        ({"present": False}, ["x"], When("x", present=False), "x"),
        ({"present": True}, ["false"], When("x", present=True), False),
    ]
    for rule, values, when, value in cases:
        js = page.evaluate("([r, v]) => window.kotoWhenHolds(r, v)", [rule, values])
        assert js == when.holds(value), (rule, values)
    assert trouble == []
    ctx.close()


def test_plan_timing_and_obstacles_fields_follow_their_triggers(
    server: tuple[str, Path], browser: Any
) -> None:
    """Assessment: the planned date shows for the timing 'date', the reason and justification for
    'not drawn up'; a typed date stays when the timing changes (the validation says what is wrong).
    Review: 'no obstacles' is offered while no obstacles are written."""
    from axe_playwright_python.sync_playwright import Axe

    from kototieto.store.store import Store

    url, repo = server
    base = url.split("/?", 1)[0]
    cid = sorted(p.name for p in (repo / "customers").glob("*/*"))[1]
    ctx, page, trouble = _context(browser, url)
    page.goto(f"{base}/c/{cid}/new/assessment")
    page.wait_for_selector("#record-form")
    date, reason = page.locator("#f-plan_timing-date"), page.locator("#f-plan_timing-reason")
    justification = page.locator("#f-plan_timing-justification")
    assert not date.is_visible() and not reason.is_visible() and not justification.is_visible()
    page.select_option("#f-plan_timing-plan_kind", "integration-plan")
    page.select_option("#f-plan_timing-timing", "date")
    date.wait_for(state="visible")
    assert not reason.is_visible()
    date.fill("1.3.2027")
    page.select_option("#f-plan_timing-timing", "as-soon-as-possible")
    page.wait_for_selector("#f-plan_timing-date-msg .error")  # the date stays, reported
    assert date.is_visible()
    date.fill("")
    page.select_option("#f-plan_timing-timing", "not-drawn-up")
    reason.wait_for(state="visible")
    justification.wait_for(state="visible")
    assert not date.is_visible()
    reason.select_option(index=1)
    justification.fill("Henkilö on jo työssä.")
    axe = Axe().run(page)
    assert [v["id"] for v in axe.response["violations"]] == []
    page.keyboard.press("Tab")
    page.click('button[value="save"]')
    page.wait_for_url(re.compile(r".*/r/.*\?msg=saved.*"))
    rid = page.url.split("?")[0].rsplit("/", 1)[1]
    timing = Store.open(repo).read(f"{cid}/{rid}").data["plan_timing"]
    assert timing["timing"] == "not-drawn-up" and timing["justification"] == "Henkilö on jo työssä."
    assert "date" not in timing
    # a review: 'no obstacles' goes away while obstacles are written, and comes back
    page.goto(f"{base}/c/{cid}/new/review")
    page.wait_for_selector("#record-form")
    no_obstacles = page.locator("#f-no_obstacles")
    assert no_obstacles.is_visible()
    page.fill("#f-obstacles", "Lastenhoito järjestymättä.")
    no_obstacles.wait_for(state="hidden")
    page.fill("#f-obstacles", "")
    no_obstacles.wait_for(state="visible")
    assert trouble == []
    ctx.close()


def test_an_official_creates_a_new_customer_fixing_an_error_at_its_field(
    tmp_path: Path, browser: Any
) -> None:
    """From the customer list by keyboard and click: a malformed identity code reported at its field
    as one types, fixed, saved, on to the new customer's page; the form has no axe violations in fi
    and sv, and nothing is wider than a phone's screen (screenshots: KOTO_SCREENSHOTS=folder)."""
    from axe_playwright_python.sync_playwright import Axe

    from kototieto.store.store import Store

    shots = os.environ.get("KOTO_SCREENSHOTS", "")
    repo = S.demo_repo(tmp_path)
    with _serving(repo, S.hermetic_env(tmp_path / "home")) as url:
        base = url.split("/?", 1)[0]
        ctx, page, trouble = _context(browser, url)
        for lang in ("sv", "fi"):
            page.goto(f"{base}/lang?to={lang}&next=/customers/new")
            page.wait_for_selector("#record-form")
            assert page.evaluate("document.documentElement.lang") == lang
            violations = Axe().run(page).response["violations"]
            assert [f"{v['id']}: {v['help']}" for v in violations] == [], lang
        page.goto(f"{base}/customers")
        link = page.locator('a[href="/customers/new"]')
        assert link.inner_text() == "Uusi asiakas"
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/customers/new")
        rid = page.input_value('input[name="_id"]')
        today = dt.date.today()
        assert page.input_value('[name="date"]') == f"{today.day}.{today.month}.{today.year}"
        assert page.input_value("#f-organisation-code")
        page.fill("#f-first_names", "Ilona Maria")
        page.fill("#f-last_name", "Uusimaa")
        page.locator("details.cond:has(#f-date_of_birth) > summary").click()  # required with a code
        page.fill("#f-date_of_birth", "15.3.1988")
        page.select_option("#f-identifier-type", "personal-identity-code")
        page.focus("#f-identifier-value")
        page.keyboard.type("150388-931X")  # a wrong check character
        page.keyboard.press("Tab")
        page.wait_for_selector("#f-identifier-value-msg .error")
        assert "'U'" in page.inner_text("#f-identifier-value-msg")
        if shots:
            page.screenshot(path=f"{shots}/new-customer-error-desktop.png", full_page=True)
        # fixed at the field: the message goes away
        page.fill("#f-identifier-value", "150388-931U")
        page.keyboard.press("Tab")
        page.wait_for_selector("#f-identifier-value-msg .error", state="detached")
        page.click('button[value="save"]')
        page.wait_for_url(f"{base}/c/{rid}?msg=saved")
        assert "Uusimaa, Ilona Maria" in page.inner_text("h1")
        assert page.locator("p.notice[role=status]").count() == 1
        data = Store.open(repo).read(f"{rid}/{rid}").data
        assert data["identifier"]["value"] == "150388-931U" and data["date_of_birth"] == "1988-03-15"
        # the new customer is found by the search
        page.goto(f"{base}/customers")
        page.fill("#q", "150388-931U")
        page.wait_for_selector(f'#results a[href="/c/{rid}"]')
        assert trouble == []
        ctx.close()
        # the form at a phone's width: nothing wider than the screen
        ctx, phone, trouble = _context(browser, url, width=390, height=844)
        phone.goto(f"{base}/customers/new")
        phone.wait_for_selector("#record-form")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 391
        if shots:
            phone.screenshot(path=f"{shots}/new-customer-phone.png", full_page=True)
            ctx2, desk, _ = _context(browser, url)
            desk.goto(f"{base}/customers/new")
            desk.screenshot(path=f"{shots}/new-customer-desktop.png", full_page=True)
            desk.goto(f"{base}/customers")
            desk.screenshot(path=f"{shots}/customers-list-desktop.png")
            ctx2.close()
        assert trouble == []
        ctx.close()


def test_a_message_at_a_folded_field_opens_its_fold(tmp_path: Path, browser: Any) -> None:
    """Date of birth sits folded under its condition words ("required when the customer has a
    personal identity code"); when the live check reports it missing, the fold opens so the error is
    seen at the field, and a link of the problem summary to a folded field opens it too."""
    repo = S.demo_repo(tmp_path)
    with _serving(repo, S.hermetic_env(tmp_path / "home")) as url:
        base = url.split("/?", 1)[0]
        ctx, page, trouble = _context(browser, url)
        page.goto(f"{base}/lang?to=fi&next=/customers/new")
        page.wait_for_selector("#record-form")
        fold = page.locator("details.cond:has(#f-date_of_birth)")
        assert fold.get_attribute("open") is None  # folded at first
        page.fill("#f-first_names", "Ilona")
        page.fill("#f-last_name", "Uusimaa")
        page.select_option("#f-identifier-type", "personal-identity-code")
        page.fill("#f-identifier-value", "150388-931U")
        page.keyboard.press("Tab")
        page.wait_for_selector("#f-date_of_birth-msg .error", state="attached")
        page.wait_for_function("document.querySelector('details.cond:has(#f-date_of_birth)').open === true")
        assert page.locator("#f-date_of_birth").is_visible()
        assert page.locator("#f-date_of_birth-msg .error").is_visible()
        # a summary link to a field in a closed fold opens it
        page.evaluate("document.querySelector('details.cond:has(#f-date_of_birth)').open = false")
        page.goto(f"{page.url.split('#', 1)[0]}#f-date_of_birth")
        page.wait_for_function("document.querySelector('details.cond:has(#f-date_of_birth)').open === true")
        assert trouble == []
        ctx.close()


def test_filters_update_the_list_and_leaving_the_search_box_does_not_swap_it(
    server: tuple[str, Path], browser: Any
) -> None:
    """A filter choice updates the results at once; leaving the search box (a click on a result)
    starts no second search, whose swap could eat the click."""
    url, _ = server
    base = url.split("/?", 1)[0]
    ctx, page, trouble = _context(browser, url)
    page.goto(f"{base}/customers")
    everyone = page.locator("#results a[href^='/c/']").count()
    links = page.locator("#results a[href^='/c/']")
    with page.expect_response(lambda r: "/customers?" in r.url and "filter=active" in r.url):
        page.select_option("#filter", "active")
    page.wait_for_timeout(300)  # the swap
    assert 0 < links.count() < everyone
    assert "filter=active" in page.url
    with page.expect_response(lambda r: "/customers?" in r.url and "filter=&" in r.url):
        page.select_option("#filter", "")
    page.wait_for_timeout(300)
    assert links.count() == everyone
    with page.expect_response(lambda r: "/customers?q=a&" in r.url):
        page.fill("#q", "a")
    page.wait_for_timeout(300)
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url) if "/customers?" in req.url else None)
    page.focus("#filter")  # the search box loses focus: a change event, no new search
    page.wait_for_timeout(400)
    assert requests == []
    assert trouble == []
    ctx.close()
