"""A new customer in the app (issue 15): the action for whom it is allowed, the catalogue's customer
form with the id of the one scheme, saved through the store and found in search, a duplicate identity
code refused at its field naming the existing customer, drafts per official, markup kept as text."""

from __future__ import annotations

import html as html_lib
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

CODE = "150388-931U"  # synthetic: individual number 931, born 15.3.1988
USERS = """
users:
  aino:
    name: Aino Virkailija
    email: aino.virkailija@vaasa.example
  veera:
    name: Veera Virkailija
    email: veera.virkailija@vaasa.example
  hanna:
    name: Hanna Hyvinvointi
    email: hanna@hyvinvointialue.example
    organisation_type: wellbeing-services-county
"""


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    return Path(S.demo_repo(tmp_path))


def _proxy_client(repo: Path) -> tuple[Any, Any]:
    from kototieto.web.app import create_app
    from kototieto.web.security import Guard

    cfg = repo / "koto.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + USERS, encoding="utf-8")
    guard = Guard(port=8765, user_header="X-Remote-User", trusted_proxies=("127.0.0.1",))
    app, state = create_app(repo, guard=guard, today=S.TODAY)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        return TestClient(app, base_url=S.BASE, client=("127.0.0.1", 40000)), state


def _fill(pairs: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    for name, value in values.items():
        pairs = S.set_field(pairs, name.replace("__", "."), value)
    return pairs


def _customer(
    pairs: list[tuple[str, str]], code: str = CODE, first: str = "Ilona", last: str = "Uusimaa"
) -> Any:
    from kototieto.model.identity import parse_hetu

    born = parse_hetu(code.strip().upper()).birth_date
    return _fill(
        pairs,
        identifier__type="personal-identity-code",
        identifier__value=code,
        first_names=first,
        last_name=last,
        date_of_birth=f"{born.day}.{born.month}.{born.year}",
    )


def _open(c: Any, **kw: Any) -> tuple[str, str, list[tuple[str, str]]]:
    page = c.get("/customers/new", **kw)
    assert page.status_code == 200, page.text
    pairs = S.form_fields(page.text)
    rid = dict(pairs)["_id"]
    return rid, f"/r/{rid}/{rid}/form", pairs


def _summary_rules(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<li class="error" data-field="([^"]*)" data-rule="([^"]*)">', html)


def test_the_action_is_shown_only_to_a_user_whose_organisation_may_write_customers(repo: Path) -> None:
    c, state = _proxy_client(repo)
    municipal, county = {"X-Remote-User": "aino"}, {"X-Remote-User": "hanna"}
    for path in ("/customers", "/"):
        assert 'href="/customers/new"' in c.get(path, headers=municipal).text, path
        assert "Uusi asiakas" in c.get(path, headers=municipal).text
        assert 'href="/customers/new"' not in c.get(path, headers=county).text, path
    assert c.get("/customers/new", headers=municipal).status_code == 200
    assert c.get("/customers/new", headers=county).status_code == 403
    # the form posted anyway by a county user: the store refuses it, nothing is committed
    from kototieto.store.repository import Repository

    _, url, pairs = _open(c, headers=municipal)
    before = Repository.open(repo).head_commit().id
    pairs = S.set_field(_customer(pairs), "csrf", state.guard.csrf("hanna"))
    refused = S.post_form(c, url, [*pairs, ("_action", "save")], headers=county)
    assert refused.status_code == 403, refused.status_code
    assert Repository.open(repo).head_commit().id == before


def test_a_new_customer_is_saved_by_the_official_found_in_search_and_has_a_page(repo: Path) -> None:
    from kototieto.model.ids import follows_scheme
    from kototieto.store.repository import Repository
    from kototieto.store.store import Store

    c, state = S.client(repo)
    org = Repository.open(repo).config.organisation
    rid, url, pairs = _open(c)
    values = dict(pairs)
    assert follows_scheme(rid, "customer"), rid
    assert values["_kind"] == "customer" and values["_customer"] == ""
    assert values["organisation.code"] == org.code and values["organisation.name"] == org.name
    assert values["date"] == f"{S.TODAY.day}.{S.TODAY.month}.{S.TODAY.year}"
    saved = S.post_form(c, url, [*_customer(pairs), ("_action", "save")], follow_redirects=False)
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == f"/c/{rid}?msg=saved"
    page = c.get(saved.headers["location"])
    assert page.status_code == 200 and "Uusimaa, Ilona" in page.text and "Tallennettu." in page.text
    assert f'href="/c/{rid}/new/assessment"' in page.text  # what to write next
    for q in (CODE, CODE.lower(), "uusimaa", "ilona", rid):
        assert f'href="/c/{rid}"' in c.get("/customers", params={"q": q}).text, q
    st = Store.open(repo)
    data = st.read(f"{rid}/{rid}").data
    assert data["identifier"] == {"type": "personal-identity-code", "value": CODE}
    assert data["organisation"] == {"type": org.type, "code": org.code, "name": org.name}
    assert data["date"] == S.TODAY.isoformat() and "customer" not in data
    commit = Repository.open(repo).head_commit()
    assert commit.author.name == S.OFFICIAL["name"] and commit.author.email == S.OFFICIAL["email"]
    assert not (repo / ".koto" / "drafts" / f"{rid}.yaml").exists()
    # the same form again refused: the id is taken now (nothing is overwritten)
    again = S.post_form(
        c, url, [*_customer(pairs, first="Toinen"), ("_action", "save")], follow_redirects=False
    )
    assert again.status_code == 409 and "Toinen" in again.text  # the choice screen, both values shown
    assert st.read(f"{rid}/{rid}").data["first_names"] == "Ilona"
    del state


def test_a_duplicate_identity_code_is_refused_at_the_field_naming_the_existing_customer(repo: Path) -> None:
    from kototieto.store.repository import Repository

    c, state = S.client(repo)
    rid, url, pairs = _open(c)
    saved = S.post_form(c, url, [*_customer(pairs), ("_action", "save")], follow_redirects=False)
    assert saved.status_code == 303
    before = Repository.open(repo).head_commit().id
    other, url2, pairs2 = _open(c)
    typed = _customer(pairs2, code=CODE, first="Ilona", last="Uusimaa")
    refused = S.post_form(c, url2, [*typed, ("_action", "save")])
    assert refused.status_code == 422
    assert Repository.open(repo).head_commit().id == before  # nothing committed
    assert _summary_rules(refused.text) == [("identifier.value", "duplicate-identity")]
    at_field = re.search(r'<div id="f-identifier-value-msg" class="msgs">(.*?)</div>', refused.text, re.S)
    assert at_field, refused.text
    assert "samaa henkilöä ei kirjata kahdesti" in at_field.group(1)
    assert f'<a href="/c/{rid}">Uusimaa, Ilona ({rid})</a>' in at_field.group(1)
    assert 'aria-invalid="true"' in re.search(r'<input id="f-identifier-value"[^>]*>', refused.text).group(0)
    # as one types (htmx): the same message at the field
    live = S.post_form(c, url2, [*typed, ("_action", "validate")], headers={"HX-Request": "true"})
    assert f'<a href="/c/{rid}">' in live.text and "duplicate-identity" in live.text
    # fixed (another synthetic code): saved
    fixed = _customer(pairs2, code="010594-985P", first="Ilona", last="Uusimaa")
    ok = S.post_form(c, url2, [*fixed, ("_action", "save")], follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == f"/c/{other}?msg=saved"
    # the customer's own edit form does not find themselves a duplicate
    edit = c.get(f"/r/{rid}/{rid}/edit")
    checked = S.post_form(c, f"/r/{rid}/{rid}/form", [*S.form_fields(edit.text), ("_action", "check")])
    assert "duplicate-identity" not in checked.text
    # an existing customer's code moved onto another customer by an edit: refused too
    edit2 = S.form_fields(c.get(f"/r/{other}/{other}/edit").text)
    moved = _customer(edit2, code=CODE)
    refused2 = S.post_form(c, f"/r/{other}/{other}/form", [*moved, ("_action", "save")])
    assert refused2.status_code == 422 and f'<a href="/c/{rid}">' in refused2.text
    del state


def test_an_annulled_customers_code_is_no_duplicate(repo: Path) -> None:
    c, state = S.client(repo)
    rid, url, pairs = _open(c)
    assert (
        S.post_form(c, url, [*_customer(pairs), ("_action", "save")], follow_redirects=False).status_code
        == 303
    )
    state.store.annul(f"{rid}/{rid}", "Kirjattu virheellisesti", author="Testi <t@example.org>")
    _, url2, pairs2 = _open(c)
    ok = S.post_form(c, url2, [*_customer(pairs2), ("_action", "save")], follow_redirects=False)
    assert ok.status_code == 303, _summary_rules(ok.text)


def test_markup_in_names_is_shown_as_text(repo: Path) -> None:
    c, _ = S.client(repo)
    rid, url, pairs = _open(c)
    evil = '<script>alert("x")</script><b>Ilona</b>'
    saved = S.post_form(
        c, url, [*_customer(pairs, first=evil, last="<img src=x onerror=alert(1)>"), ("_action", "save")]
    )
    assert saved.status_code == 200 and saved.url.path == f"/c/{rid}"
    pages = [
        saved.text,
        c.get("/customers", params={"q": rid}).text,
        c.get("/customers", params={"q": rid}, headers={"HX-Request": "true"}).text,
        c.get(f"/r/{rid}/{rid}").text,
    ]
    # the duplicate's message names the customer with the markup as text too
    _, url2, pairs2 = _open(c)
    pages.append(S.post_form(c, url2, [*_customer(pairs2), ("_action", "save")]).text)
    for text in pages:
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>Ilona" not in text
        assert "&lt;script&gt;" in text or "&lt;b&gt;Ilona" in text or "&lt;img" in text
    assert html_lib.escape("<img src=x onerror=alert(1)>") in pages[-1]


def test_drafts_of_a_new_customer_are_each_officials_own_and_offered_again(repo: Path) -> None:
    c, _ = _proxy_client(repo)
    aino, veera = {"X-Remote-User": "aino"}, {"X-Remote-User": "veera"}
    assert "draft=1" not in c.get("/customers/new", headers=aino).text
    rid, url, pairs = _open(c, headers=aino)
    typed = _fill(pairs, last_name="Luonnoksinen")
    S.post_form(c, url, [*typed, ("_action", "validate")], headers={**aino, "HX-Request": "true"})
    offer = c.get("/customers/new", headers=aino).text
    assert 'href="/customers/new?draft=1"' in offer
    assert 'href="/customers/new?draft=1"' not in c.get("/customers/new", headers=veera).text
    resumed = c.get("/customers/new?draft=1", headers=aino).text
    assert dict(S.form_fields(resumed))["_id"] == rid and 'value="Luonnoksinen"' in resumed
    assert "Luonnos tallennettu." in resumed
    # saved: the draft is gone and not offered again
    done = S.post_form(c, url, [*_customer(S.form_fields(resumed)), ("_action", "save")], headers=aino)
    assert done.status_code == 200 and done.url.path == f"/c/{rid}"
    assert "draft=1" not in c.get("/customers/new", headers=aino).text
    # discarded: back to an empty form
    rid2, url2, pairs2 = _open(c, headers=aino)
    S.post_form(c, url2, [*_fill(pairs2, last_name="Hylätty"), ("_action", "check")], headers=aino)
    assert "draft=1" in c.get("/customers/new", headers=aino).text
    gone = S.post_form(c, url2, [*pairs2, ("_action", "discard")], headers=aino, follow_redirects=False)
    assert gone.status_code == 303 and gone.headers["location"] == "/customers/new"
    assert "draft=1" not in c.get("/customers/new", headers=aino).text
    assert rid2 != rid


def test_the_new_customer_form_is_in_swedish_with_swedish_errors(repo: Path) -> None:
    c, _ = S.client(repo)
    c.cookies.set("koto_lang", "sv")
    rid, url, pairs = _open(c)
    page = c.get("/customers")
    assert "Ny kund" in page.text
    bad = _fill(_customer(pairs), identifier__value="150388-931X")
    refused = S.post_form(c, url, [*bad, ("_action", "save")])
    assert refused.status_code == 422 and "Inte sparad" in refused.text
    assert ("identifier.value", "identity-code") in _summary_rules(refused.text)
    assert rid
