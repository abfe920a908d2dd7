"""koto serve's defences, each by a test: token, Host, CSRF, Origin, ids and paths, headers, escaping."""

from __future__ import annotations

import importlib.util
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("web_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(S.demo_repo(tmp_path_factory.mktemp("sec")))


@pytest.fixture()
def signed(repo: Path) -> tuple[Any, Any]:
    return S.client(repo)


def _bare(repo: Path) -> tuple[Any, Any]:
    from kototieto.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette prefers httpx2 for its TestClient (httpx works)
        from starlette.testclient import TestClient

    app, state = create_app(repo, port=8765, today=S.TODAY, user=S.OFFICIAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return TestClient(app, base_url=S.BASE), state


def test_without_the_token_every_page_is_refused(repo: Path) -> None:
    c, _state = _bare(repo)
    for path in ("/", "/customers", "/reports/due", "/static/app.css"):
        r = c.get(path)
        assert r.status_code == 403, path
        assert "koto serve" in r.text
    assert c.get("/?token=wrong").status_code == 403
    assert c.get("/", cookies={"koto_session": "guess"}).status_code == 403


def test_the_token_gives_a_strict_session_cookie_and_a_clean_address(repo: Path) -> None:
    c, state = _bare(repo)
    r = c.get(f"/customers?q=a&token={state.guard.token}", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/customers?q=a"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/customers").status_code == 200


def test_a_foreign_host_header_is_refused_even_with_the_cookie(signed: tuple[Any, Any]) -> None:
    c, _ = signed
    assert c.get("/").status_code == 200
    for host in ("evil.example", "127.0.0.1.evil.example:8765", "localhost:9999", ""):
        assert c.get("/", headers={"host": host}).status_code == 400, host
    assert c.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_a_post_without_or_with_a_wrong_csrf_token_is_refused(repo: Path, signed: tuple[Any, Any]) -> None:
    c, state = signed
    cid = S.first_customer(c)
    before = state.store.repo.head_commit().id
    for data in ({}, {"csrf": "x" * 64}):
        r = c.post(f"/r/{cid}/{cid}/annul", data={**data, "reason": "test"})
        assert r.status_code == 403
    r = c.post("/sync", data={})
    assert r.status_code == 403
    assert state.store.repo.head_commit().id == before  # nothing was written


def test_a_cross_site_origin_is_refused_even_with_the_csrf_token(signed: tuple[Any, Any]) -> None:
    c, state = signed
    cid = S.first_customer(c)
    r = c.post(
        f"/r/{cid}/{cid}/annul",
        data={"csrf": S.csrf(state), "reason": "x"},
        headers={"origin": "https://evil.example"},
    )
    assert r.status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/c/%2e%2e",
        "/c/..%2F..%2Fkoto.yaml",
        "/c/%2e%2e/new/assessment",
        "/r/../../koto.yaml",
        "/r/x/..%2Fkoto.yaml",
        "/r/..%2F..%2F/koto.yaml/edit",
        "/r/c/..%2Fx/history",
        "/static/..%2F__init__.py",
        "/static/../app.py",
        "/reports/..%2F..%2Fetc",
    ],
)
def test_dot_dot_in_ids_and_paths_finds_nothing(signed: tuple[Any, Any], path: str) -> None:
    c, _ = signed
    r = c.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert "format_version" not in r.text and "import" not in r.text


def test_dot_dot_in_a_posted_record_id_writes_nothing(signed: tuple[Any, Any]) -> None:
    c, state = signed
    cid = S.first_customer(c)
    before = state.store.repo.head_commit().id
    r = c.post(
        f"/r/{cid}/..%2F..%2Fx/form",
        data={
            "csrf": S.csrf(state),
            "_kind": "guidance",
            "_id": "../../x",
            "_customer": cid,
            "_action": "save",
        },
    )
    assert r.status_code == 404
    r = c.post(f"/r/{cid}/{cid}/restore", data={"csrf": S.csrf(state), "rev": "../HEAD"})
    assert r.status_code == 400
    assert state.store.repo.head_commit().id == before


def test_the_language_switch_only_goes_back_to_this_server(signed: tuple[Any, Any]) -> None:
    c, _ = signed
    for nxt, expected in (
        ("/customers?q=a", "/customers?q=a"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
    ):
        r = c.get("/lang", params={"to": "sv", "next": nxt}, follow_redirects=False)
        assert r.status_code == 303
        assert r.headers["location"] == expected, nxt
    page = c.get("/customers").text
    assert '<html lang="sv">' in page and "Kunder" in page


def test_every_page_has_a_strict_csp_and_no_inline_script_or_other_host(signed: tuple[Any, Any]) -> None:
    c, _ = signed
    cid = S.first_customer(c)
    page = c.get(f"/c/{cid}")
    rid = re.search(rf'href="/r/{cid}/([^"/]+)"', page.text)
    assert rid
    for path in ("/", "/customers", f"/c/{cid}", f"/r/{cid}/{rid.group(1)}", f"/r/{cid}/{rid.group(1)}/edit"):
        r = c.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r"<script(?![^>]*\bsrc=)", r.text), path  # no inline script
        assert not re.search(r"\son[a-z]+=", r.text), path  # no inline event handlers
        assert not re.search(r'(src|href|action)="(https?:)?//', r.text), path  # nothing from another host


def test_markup_in_text_fields_is_shown_escaped_in_the_app_and_as_text_in_its_documents(
    signed: tuple[Any, Any],
) -> None:
    import io

    from pypdf import PdfReader

    from kototieto.store.store import Store

    c, state = signed
    plan = S.a_plan(state)
    cid = plan["customer"]
    st = Store.open(state.root)
    customer = st.read(f"{cid}/{cid}").data
    customer["first_names"] = "<img src=x onerror=alert(1)>Aino"
    customer["last_name"] = "<script>alert('x')</script>Testi"
    st.save(customer, author="Testi Virkailija <t@example.org>")
    rec = st.read(f"{cid}/{plan['id']}").data
    rec["goals"] = [{"description": '<script>alert("goal")</script><i>goal</i>'}]
    rec["other_content"] = "</textarea><script>alert(2)</script>"
    st.save(rec, author="Testi Virkailija <t@example.org>")
    pages = [
        f"/c/{cid}",
        "/customers?q=aino",
        f"/r/{cid}/{cid}",
        f"/r/{cid}/{cid}/edit",
        f"/r/{cid}/{cid}/history",
        f"/r/{cid}/{rec['id']}",
        f"/r/{cid}/{rec['id']}/edit",
        f"/r/{cid}/{rec['id']}/history",
        f"/r/{cid}/{rec['id']}/print?format=html&lang=fi",
        f"/c/{cid}/print?format=html&lang=sv",
    ]
    for path in pages:
        r = c.get(path)
        assert r.status_code == 200, path
        assert "<script>alert" not in r.text, path
        assert "<img src=x" not in r.text, path
        assert "</textarea><script>" not in r.text, path
        if not path.endswith("/history"):
            assert "&lt;script&gt;alert" in r.text, path
    history = c.get(f"/r/{cid}/{cid}/history").text
    revs = re.findall(r'name="a" value="([0-9a-f]{40})"', history)
    diff = c.get(f"/r/{cid}/{cid}/history", params={"a": revs[1], "b": revs[0]})
    assert "<script>alert" not in diff.text and "&lt;script&gt;alert" in diff.text
    pdf = c.get(f"/r/{cid}/{rec['id']}/print?format=pdf&lang=fi")
    assert pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert '<script>alert("goal")</script>' in text.replace("\n", "")  # printed as text, not run


def test_markup_typed_into_every_text_input_of_a_form_is_escaped_when_shown_again(
    signed: tuple[Any, Any],
) -> None:
    c, _state = signed
    cid = S.first_customer(c)
    page = c.get(f"/c/{cid}/new/integration-plan")
    pairs = S.form_fields(page.text)
    rid = dict(pairs)["_id"]
    pairs = [*pairs, ("_action", "add:goals")]
    page = S.post_form(c, f"/r/{cid}/{rid}/form", pairs)
    assert page.status_code == 200
    pairs = S.form_fields(page.text)
    text_inputs = re.findall(r'<(?:input|textarea) id="[^"]+" name="([^"]+)" (?:type="text"|rows)', page.text)
    assert len(text_inputs) > 5
    marked = []
    for i, name in enumerate(text_inputs):
        pairs = S.set_field(pairs, name, f'"><script>alert({i})</script>')
        marked.append(name)
    r = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "check")])
    assert "<script>alert(" not in r.text
    assert r.text.count("&lt;script&gt;alert(") >= len(marked)
    v = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "validate")])
    assert "<script>alert(" not in v.text
