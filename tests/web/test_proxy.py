"""koto serve behind an authenticating reverse proxy: the user header, koto.yaml users and roles."""

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

USERS = """
users:
  aino:
    name: Aino Virkailija
    email: aino.virkailija@vaasa.example
    title: kotoutumisen ohjaaja
  hanna:
    name: Hanna Hyvinvointi
    email: hanna@hyvinvointialue.example
    organisation_type: wellbeing-services-county
  veera:
    name: Veera Virkailija
    email: veera.virkailija@vaasa.example
  "../../../drafts-escape":
    name: Polku Kokeilija
"""


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    repo = Path(S.demo_repo(tmp_path))
    cfg = repo / "koto.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + USERS, encoding="utf-8")
    return repo


def _client(repo: Path, peer: str = "127.0.0.1") -> tuple[Any, Any]:
    from kototieto.web.app import create_app
    from kototieto.web.security import Guard

    guard = Guard(port=8765, user_header="X-Remote-User", trusted_proxies=("127.0.0.1",))
    app, state = create_app(repo, guard=guard, today=S.TODAY)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        return TestClient(app, base_url=S.BASE, client=(peer, 40000)), state


def test_the_user_comes_only_from_the_trusted_proxy_and_must_be_listed(repo: Path) -> None:
    c, _ = _client(repo)
    page = c.get("/", headers={"X-Remote-User": "aino"})
    assert page.status_code == 200 and "Aino Virkailija" in page.text
    assert c.get("/").status_code == 403  # no user header
    assert c.get("/", headers={"X-Remote-User": "mallory"}).status_code == 403  # not in koto.yaml
    outsider, _ = _client(repo, peer="10.0.0.7")
    assert outsider.get("/", headers={"X-Remote-User": "aino"}).status_code == 403
    assert c.get("/", headers={"X-Remote-User": "aino", "host": "evil.example"}).status_code == 400


def test_a_county_user_gets_only_the_forms_it_may_write(repo: Path) -> None:
    c, _state = _client(repo)
    h = {"X-Remote-User": "hanna"}
    cid = re.search(r'href="/c/(c-[^"]+)"', c.get("/customers", headers=h).text)
    assert cid
    page = c.get(f"/c/{cid.group(1)}", headers=h).text
    assert set(re.findall(r'/new/([a-z-]+)"', page)) == {"review"}
    assert c.get(f"/c/{cid.group(1)}/new/assessment", headers=h).status_code == 403
    form = c.get(f"/c/{cid.group(1)}/new/review", headers=h).text
    assert 'value="wellbeing-services-county" selected' in form
    municipal = c.get(f"/c/{cid.group(1)}", headers={"X-Remote-User": "aino"}).text
    assert {"assessment", "integration-plan", "review", "guidance"} <= set(
        re.findall(r'/new/([a-z-]+)"', municipal)
    )


def test_a_proxy_users_save_is_committed_with_their_name_and_profile(repo: Path) -> None:
    c, state = _client(repo)
    h = {"X-Remote-User": "aino"}
    cid = re.search(r'href="/c/(c-[^"]+)"', c.get("/customers", headers=h).text)
    assert cid
    page = c.get(f"/c/{cid.group(1)}/new/guidance", headers=h)
    pairs = S.form_fields(page.text)
    assert ("drawn_up_by[0].title", "kotoutumisen ohjaaja") in pairs
    rid = dict(pairs)["_id"]
    pairs = S.set_field(pairs, "consent.given", "true")
    pairs = S.set_field(pairs, "consent.date", "1.12.2026")
    pairs = S.set_field(pairs, "consent.informed", "true")
    pairs = S.set_field(pairs, "other_matters", "Neuvottu asunnonhaussa.")
    r = S.post_form(
        c, f"/r/{cid.group(1)}/{rid}/form", [*pairs, ("_action", "save")], headers=h, follow_redirects=False
    )
    assert r.status_code == 303, re.findall(r'<li class="error".*?</li>', r.text, re.S)
    head = state.store.repo.head_commit()
    assert (head.author.name, head.author.email) == ("Aino Virkailija", "aino.virkailija@vaasa.example")
    # the CSRF token is the user's own: another user's token is refused
    other = state.guard.csrf("hanna")
    r = S.post_form(c, f"/r/{cid.group(1)}/{rid}/annul", [("csrf", other), ("reason", "x")], headers=h)
    assert r.status_code == 403


def test_the_public_name_is_accepted_only_when_allowed(repo: Path) -> None:
    from kototieto.web.app import create_app
    from kototieto.web.security import Guard

    guard = Guard(port=8765, user_header="X-Remote-User", extra_hosts=("koto.example.fi",))
    app, state = create_app(repo, guard=guard, today=S.TODAY)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        c = TestClient(app, base_url="https://koto.example.fi", client=("127.0.0.1", 40000))
    h = {"X-Remote-User": "aino", "origin": "https://koto.example.fi"}
    assert c.get("/", headers=h).status_code == 200
    cid = re.search(r'href="/c/(c-[^"]+)"', c.get("/customers", headers=h).text)
    assert cid
    r = S.post_form(c, "/sync", [("csrf", state.guard.csrf("aino"))], headers=h)
    assert r.status_code != 403  # the public origin is this server's
    r = S.post_form(
        c, "/sync", [("csrf", state.guard.csrf("aino"))], headers={**h, "origin": "https://evil.example"}
    )
    assert r.status_code == 403
    assert c.get("/", headers={**h, "host": "other.example.fi"}).status_code == 400


def test_the_local_official_is_their_koto_profile_else_the_git_identity(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kototieto.store import profile
    from kototieto.web.app import create_app

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    _, state = create_app(repo, today=S.TODAY)
    assert state.local_user.get("name")  # the repository's Git identity
    profile.save(name="Paula Profiili", email="paula@vaasa.example", title="kotoutumisen ohjaaja")
    _, state = create_app(repo, today=S.TODAY)
    assert (
        state.local_user["name"] == "Paula Profiili" and state.local_user["title"] == "kotoutumisen ohjaaja"
    )


def _type_into_edit_form(c: Any, cid: str, rid: str, user: str, text: str) -> None:
    h = {"X-Remote-User": user}
    pairs = S.set_field(S.form_fields(c.get(f"/r/{cid}/{rid}/edit", headers=h).text), "other_content", text)
    r = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "validate")], headers=h)
    assert r.status_code == 200


def test_each_proxy_user_gets_back_only_their_own_draft(repo: Path) -> None:
    from kototieto.store import drafts as store_drafts

    c, state = _client(repo)
    plan = S.a_plan(state)
    cid, rid = plan["customer"], plan["id"]
    aino, veera = {"X-Remote-User": "aino"}, {"X-Remote-User": "veera"}
    _type_into_edit_form(c, cid, rid, "aino", "Ainon kesken oleva teksti")
    # Veera opening the same form is offered nothing, and ?draft=1 gives her the stored record
    assert f"/r/{cid}/{rid}/edit?draft=1" not in c.get(f"/r/{cid}/{rid}/edit", headers=veera).text
    assert "Ainon kesken" not in c.get(f"/r/{cid}/{rid}/edit?draft=1", headers=veera).text
    _type_into_edit_form(c, cid, rid, "veera", "Veeran kesken oleva teksti")
    for me, mine, theirs in ((aino, "Ainon", "Veeran"), (veera, "Veeran", "Ainon")):
        assert f"/r/{cid}/{rid}/edit?draft=1" in c.get(f"/r/{cid}/{rid}/edit", headers=me).text
        page = c.get(f"/r/{cid}/{rid}/edit?draft=1", headers=me).text
        assert f"{mine} kesken oleva teksti" in page and theirs not in page
    # kept apart in the drafts area; the local user's (the CLI's) place is not touched
    root = state.root / ".koto/drafts"
    assert store_drafts.load_draft(state.store.repo, rid) is None
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob(f"{rid}.yaml"))
    assert files == sorted(f"users/{store_drafts.owner_folder(u)}/{rid}.yaml" for u in ("aino", "veera")), (
        files
    )
    # the record page tells who else keeps a draft, without its text
    page = c.get(f"/r/{cid}/{rid}", headers=aino).text
    assert "Veera Virkailija" in page and "Veeran kesken" not in page and "Aino Virkailija," not in page
    # Veera's save removes her draft only; Aino's stays and is still hers
    pairs = S.form_fields(c.get(f"/r/{cid}/{rid}/edit?draft=1", headers=veera).text)
    r = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "save")], headers=veera)
    assert r.status_code in (200, 303)
    assert store_drafts.load_draft(state.store.repo, rid, "veera") is None
    kept = store_drafts.load_draft(state.store.repo, rid, "aino")
    assert kept is not None and "Ainon kesken oleva teksti" in kept.text()


def test_a_user_name_cannot_lead_a_draft_out_of_its_folder(repo: Path) -> None:
    c, state = _client(repo)
    plan = S.a_plan(state)
    cid, rid = plan["customer"], plan["id"]
    before = {p for p in state.root.parent.rglob("*") if p.is_file()}
    _type_into_edit_form(c, cid, rid, "../../../drafts-escape", "Polun teksti")
    made = {p for p in state.root.parent.rglob("*") if p.is_file()} - before
    made.discard(state.root / ".koto/.gitignore")  # the drafts area's own (made on first use)
    users = state.root / ".koto/drafts/users"
    assert made and all(p.is_relative_to(users) and ".." not in p.relative_to(users).parts for p in made)
    assert {p.parent.name for p in made} == {_folder("../../../drafts-escape")}
    h = {"X-Remote-User": "../../../drafts-escape"}
    assert "Polun teksti" in c.get(f"/r/{cid}/{rid}/edit?draft=1", headers=h).text
    assert "Polun teksti" not in c.get(f"/r/{cid}/{rid}/edit?draft=1", headers={"X-Remote-User": "aino"}).text


def _folder(user: str) -> str:
    from kototieto.store.drafts import owner_folder

    name = owner_folder(user)
    assert "/" not in name and ".." not in name and not name.startswith(".")
    return name
