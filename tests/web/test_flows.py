"""An official's work through the app's HTTP interface, against a real demo repository and Git.

Search, the customer page, a new record with an error fixed and saved (same problems as
``koto check``), drafts, two officials editing one record (merged, or the choice screen), history,
diff, restore, annul, print and reports.
"""

from __future__ import annotations

import html as html_lib
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("web_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture()
def app(tmp_path: Path) -> tuple[Any, Any]:
    return S.client(S.demo_repo(tmp_path))


def _plan(state: Any) -> dict[str, Any]:
    return S.a_plan(state)


def _summary(html: str) -> list[tuple[str, str, str]]:
    """(field, severity, message) of the problem summary at the top of a form."""
    out = []
    for field, sev, body in re.findall(
        r'<li class="(?:error|warning)" data-field="([^"]*)" data-rule="[^"]*">.*?class="sev">([^<]*):</span> (.*?)</li>',
        html,
        re.S,
    ):
        out.append((field, sev, html_lib.unescape(body.strip())))
    return out


def test_search_is_accent_and_case_insensitive_and_finds_identity_codes_and_ids(app: tuple[Any, Any]) -> None:
    from kototieto.store.store import Store

    c, state = app
    row = state.index.get().rows[0]
    st = Store.open(state.root)
    data = st.read(f"{row.id}/{row.id}").data
    data["last_name"] = "Äijälä-Öhman"
    st.save(data, author="Testi <t@example.org>")
    for q in ("aijala", "ÄIJÄLÄ", "ohman", row.identity, row.identity.lower(), row.id):
        page = c.get("/customers", params={"q": q}).text
        assert f'href="/c/{row.id}"' in page, q
    assert f'href="/c/{row.id}"' not in c.get("/customers", params={"q": "zzzxxy"}).text
    partial = c.get("/customers", params={"q": "aijala"}, headers={"HX-Request": "true"}).text
    assert "<html" not in partial and f'href="/c/{row.id}"' in partial


def test_filters_agree_with_the_due_report(app: tuple[Any, Any]) -> None:
    c, state = app
    snap = state.index.get()
    due = {d.customer for d in snap.due if d.status in ("OVERDUE", "DUE", "overdue", "due")}
    page = c.get("/customers", params={"filter": "due"}).text
    shown = set(re.findall(r'href="/c/([^"]+)"', page))
    assert shown == {r.id for r in snap.rows if r.review_due}
    assert shown <= {d.customer for d in snap.due}
    active = set(re.findall(r'href="/c/([^"]+)"', c.get("/customers", params={"filter": "active"}).text))
    assert active and active == {r.id for r in snap.rows if r.active_plan}
    home = c.get("/").text
    for d in snap.due:
        assert f'href="/c/{d.customer}"' in home
    del due


def test_customer_page_shows_details_and_a_timeline_with_kind_date_status_author(
    app: tuple[Any, Any],
) -> None:
    c, state = app
    plan = _plan(state)
    cid = plan["customer"]
    page = c.get(f"/c/{cid}").text
    assert f'href="/r/{cid}/{plan["id"]}"' in page
    assert "Kotoutumissuunnitelma" in page
    author = plan["drawn_up_by"][0]["name"]
    assert author in page
    day = plan["date"]
    y, m, d = (int(x) for x in day.split("-"))
    assert f"{d}.{m}.{y}" in page
    assert re.search(
        r"(Voimassa|Päättynyt|Pidennetty|Vaihdettu|Ei vielä alkanut|Työvoimaviranomaiselle)", page
    )
    for kind in ("assessment", "integration-plan", "review", "guidance"):
        assert f'href="/c/{cid}/new/{kind}"' in page
    c.cookies.set("koto_lang", "sv")
    sv = c.get(f"/c/{cid}").text
    assert "Integrationsplan" in sv


def test_a_new_plan_with_an_error_is_refused_with_the_same_problems_as_koto_check_then_saved(
    app: tuple[Any, Any], tmp_path: Path
) -> None:
    c, state = app
    plan = _plan(state)
    cid = plan["customer"]
    page = c.get(f"/c/{cid}/new/integration-plan")
    assert page.status_code == 200
    pairs = S.form_fields(page.text)
    rid = dict(pairs)["_id"]
    url = f"/r/{cid}/{rid}/form"
    pairs = S.set_field(pairs, "period.start", "1.12.2026")
    pairs = S.set_field(pairs, "period.end", "31.2.2027")  # no such day
    pairs = S.set_field(pairs, "first_review", "1.2.2027")
    refused = S.post_form(c, url, [*pairs, ("_action", "save")])
    assert refused.status_code == 422
    problems = _summary(refused.text)
    assert any(f == "period.end" and sev == "Virhe" for f, sev, _ in problems), problems
    # the message is at the field as well, and the input is marked invalid
    block = refused.text.split('id="f-period-end-msg"', 1)[1].split("</div>", 1)[0]
    assert "Virhe" in block
    assert 'id="f-period-end" name="period.end" type="text" value="31.2.2027"' in refused.text
    assert state.store.customer_records(cid).get(rid) is None  # nothing written
    # the same record through the CLI's door gives the same problems
    from kototieto.store import layout
    from kototieto.store.yamlio import new_document_text
    from kototieto.web.forms import FormData, form_to_data
    from kototieto.web.pages_records import _meta

    form = FormData({})
    grouped: dict[str, list[str]] = {}
    for k, v in pairs:
        grouped.setdefault(k, []).append(v)
    form = FormData(grouped)
    from kototieto.web.forms import form_spec

    spec = form_spec("integration-plan", state.catalogue())
    data = form_to_data(spec, form, _meta(form))
    path = state.root / layout.record_path(cid, rid)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_document_text(data, None), encoding="utf-8")
    try:
        out = subprocess.run(
            [str(Path(sys.executable).parent / "koto"), "check", str(path), "--json", "--lang", "fi"],
            capture_output=True,
            text=True,
            cwd=state.root,
            check=False,
        )
    finally:
        path.unlink()
    cli = json.loads(out.stdout)
    cli_set = {(p["field"], p["severity"], p["message"]) for p in cli["problems"]}
    app_set = {(f, "error" if sev == "Virhe" else "warning", msg) for f, sev, msg in problems}
    assert {x for x in cli_set if x[1] == "error"} == {x for x in app_set if x[1] == "error"}
    # htmx's validation round trip: summary plus a message for every field, swapped in place
    live = S.post_form(c, url, [*pairs, ("_action", "validate")])
    assert live.status_code == 200 and "<html" not in live.text
    assert 'id="f-period-end-msg" class="msgs" hx-swap-oob="true"' in live.text
    # fixed at the field: saved, committed with the official as author
    pairs = S.set_field(pairs, "period.end", "28.2.2027")
    saved = S.post_form(c, url, [*pairs, ("_action", "save")], follow_redirects=False)
    assert saved.status_code == 303, _summary(saved.text)
    assert saved.headers["location"].startswith(f"/r/{cid}/{rid}?msg=saved")
    view = state.store.read(f"{cid}/{rid}")
    assert view.data["period"] == {"start": "2026-12-01", "end": "2027-02-28"}
    head = state.store.repo.head_commit()
    assert head.author.name == S.OFFICIAL["name"] and head.author.email == S.OFFICIAL["email"]
    assert c.get(saved.headers["location"]).status_code == 200


def test_repeatable_groups_add_and_remove_keep_what_was_typed(app: tuple[Any, Any]) -> None:
    c, state = app
    cid = _plan(state)["customer"]
    pairs = S.form_fields(c.get(f"/c/{cid}/new/integration-plan").text)
    url = f"/r/{cid}/{dict(pairs)['_id']}/form"
    pairs = S.set_field(pairs, "other_content", "Kirjastossa kielikahvila.")
    for _ in range(2):
        page = S.post_form(c, url, [*pairs, ("_action", "add:goals")])
        pairs = S.form_fields(page.text)
    assert 'name="goals[1].description"' in page.text
    assert "Kirjastossa kielikahvila." in page.text
    pairs = S.set_field(pairs, "goals[0].description", "Ensimmäinen tavoite")
    pairs = S.set_field(pairs, "goals[1].description", "Toinen tavoite")
    page = S.post_form(c, url, [*pairs, ("_action", "remove:goals[0]")])
    assert 'name="goals[1].description"' not in page.text
    assert "Toinen tavoite" in page.text and "Ensimmäinen tavoite" not in page.text


def test_a_draft_is_kept_as_the_official_types_and_offered_when_the_form_is_reopened(
    app: tuple[Any, Any],
) -> None:
    c, state = app
    cid = _plan(state)["customer"]
    pairs = S.form_fields(c.get(f"/c/{cid}/new/guidance").text)
    rid = dict(pairs)["_id"]
    pairs = S.set_field(pairs, "other_matters", "Luonnoksen teksti")
    S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "validate")])
    from kototieto.store import drafts as store_drafts

    kept = store_drafts.load_draft(state.store.repo, rid)  # the CLI's drafts area: koto new --resume
    assert kept is not None and kept.command == "new" and "Luonnoksen teksti" in kept.text()
    again = c.get(f"/c/{cid}/new/guidance").text
    assert f'href="/c/{cid}/new/guidance?draft=1"' in again
    restored = c.get(f"/c/{cid}/new/guidance?draft=1").text
    assert "Luonnoksen teksti" in restored and f'name="_id" value="{rid}"' in restored
    # saving the record removes the draft
    pairs = S.form_fields(restored)
    for name, value in (
        ("consent.given", "true"),
        ("consent.date", "1.12.2026"),
        ("consent.informed", "true"),
    ):
        pairs = S.set_field(pairs, name, value)
    saved = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "save")], follow_redirects=False)
    assert saved.status_code == 303
    assert "draft=1" not in c.get(f"/c/{cid}/new/guidance").text
    assert store_drafts.load_draft(state.store.repo, rid) is None


def _edit_pairs(c: Any, cid: str, rid: str) -> list[tuple[str, str]]:
    return list(S.form_fields(c.get(f"/r/{cid}/{rid}/edit").text))


def test_two_officials_changing_different_fields_are_both_kept(app: tuple[Any, Any]) -> None:
    c, state = app
    plan = _plan(state)
    cid, rid = plan["customer"], plan["id"]
    other, _ = S.client(state.root, user=S.OTHER)
    mine = _edit_pairs(c, cid, rid)
    theirs = _edit_pairs(other, cid, rid)
    theirs = S.set_field(theirs, "source_details", "Toisen virkailijan lisäys")
    r = S.post_form(other, f"/r/{cid}/{rid}/form", [*theirs, ("_action", "save")], follow_redirects=False)
    assert r.status_code == 303
    mine = S.set_field(mine, "other_content", "Oma lisäys")
    r = S.post_form(c, f"/r/{cid}/{rid}/form", [*mine, ("_action", "save")], follow_redirects=False)
    assert r.status_code == 303 and "msg=merged" in r.headers["location"]
    data = state.store.read(f"{cid}/{rid}").data
    assert data["source_details"] == "Toisen virkailijan lisäys" and data["other_content"] == "Oma lisäys"


def test_the_same_field_changed_by_both_shows_both_values_and_the_official_chooses(
    app: tuple[Any, Any],
) -> None:
    c, state = app
    plan = _plan(state)
    cid, rid = plan["customer"], plan["id"]
    other, _ = S.client(state.root, user=S.OTHER)
    mine = _edit_pairs(c, cid, rid)
    theirs = S.set_field(_edit_pairs(other, cid, rid), "other_content", "Heidän arvonsa")
    assert S.post_form(other, f"/r/{cid}/{rid}/form", [*theirs, ("_action", "save")]).status_code == 200
    mine = S.set_field(mine, "other_content", "Minun arvoni")
    choice = S.post_form(c, f"/r/{cid}/{rid}/form", [*mine, ("_action", "save")])
    assert choice.status_code == 409
    assert "Minun arvoni" in choice.text and "Heidän arvonsa" in choice.text
    assert S.OTHER["name"] in choice.text
    assert state.store.read(f"{cid}/{rid}").data["other_content"] == "Heidän arvonsa"  # nothing lost yet
    form = S.form_fields(
        choice.text.replace('<form method="post" action', '<form id="record-form" method="post" action')
    )
    form = [(k, v) for k, v in form if k != "c0"] + [("c0", "theirs")]
    done = S.post_form(c, f"/r/{cid}/{rid}/resolve", form, follow_redirects=False)
    assert done.status_code == 303, done.text[:500]
    assert state.store.read(f"{cid}/{rid}").data["other_content"] == "Heidän arvonsa"
    # choosing mine instead
    mine2 = S.set_field(_edit_pairs(c, cid, rid), "other_content", "Minun toinen")
    other2 = S.set_field(_edit_pairs(other, cid, rid), "other_content", "Heidän toinen")
    S.post_form(other, f"/r/{cid}/{rid}/form", [*other2, ("_action", "save")])
    choice = S.post_form(c, f"/r/{cid}/{rid}/form", [*mine2, ("_action", "save")])
    form = S.form_fields(
        choice.text.replace('<form method="post" action', '<form id="record-form" method="post" action')
    )
    S.post_form(c, f"/r/{cid}/{rid}/resolve", form)
    assert state.store.read(f"{cid}/{rid}").data["other_content"] == "Minun toinen"


def test_history_diff_restore_and_annul(app: tuple[Any, Any]) -> None:
    c, state = app
    plan = _plan(state)
    cid, rid = plan["customer"], plan["id"]
    pairs = S.set_field(_edit_pairs(c, cid, rid), "other_content", "Muutettu sisältö")
    S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "save")])
    hist = c.get(f"/r/{cid}/{rid}/history").text
    revs = re.findall(r'name="a" value="([0-9a-f]{40})"', hist)
    assert len(revs) >= 2
    assert S.OFFICIAL["name"] in hist and "Muu sisältö" in hist
    diff = c.get(f"/r/{cid}/{rid}/history", params={"a": revs[1], "b": revs[0]}).text
    assert "Muutettu sisältö" in diff and "Muu sisältö" in diff
    r = S.post_form(
        c, f"/r/{cid}/{rid}/restore", [("csrf", S.csrf(state)), ("rev", revs[1])], follow_redirects=False
    )
    assert r.status_code == 303
    assert state.store.read(f"{cid}/{rid}").data.get("other_content") == plan.get("other_content")
    refused = S.post_form(c, f"/r/{cid}/{rid}/annul", [("csrf", S.csrf(state)), ("reason", "  ")])
    assert refused.status_code == 400
    r = S.post_form(
        c,
        f"/r/{cid}/{rid}/annul",
        [("csrf", S.csrf(state)), ("reason", "Kirjattu väärälle asiakkaalle")],
        follow_redirects=False,
    )
    assert r.status_code == 303
    data = state.store.read(f"{cid}/{rid}").data
    assert data["annulment"]["reason"] == "Kirjattu väärälle asiakkaalle"
    assert "Kirjattu väärälle asiakkaalle" in c.get(f"/r/{cid}/{rid}").text


def test_print_gives_the_same_documents_as_koto_render(app: tuple[Any, Any]) -> None:
    from kototieto.templates import render as rd
    from kototieto.templates import source

    c, state = app
    plan = _plan(state)
    cid, rid = plan["customer"], plan["id"]
    for lang in ("fi", "sv", "en"):
        r = c.get(f"/r/{cid}/{rid}/print", params={"format": "html", "lang": lang})
        data = source.load_record(state.root, f"{cid}/{rid}")
        expected = rd.render_record(
            data.record,
            lang,
            "html",
            customer=data.customer,
            related=data.related,
            repo_templates_dir=data.templates_dir,
        )
        assert r.text == expected
    pdf = c.get(f"/r/{cid}/{rid}/print", params={"format": "pdf", "lang": "sv"})
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    dossier = c.get(f"/c/{cid}/print", params={"format": "html", "lang": "en"})
    assert dossier.status_code == 200 and "<html" in dossier.text


def test_report_pages_and_csv(app: tuple[Any, Any]) -> None:
    c, state = app
    for name in ("due", "completeness"):
        page = c.get(f"/reports/{name}")
        assert page.status_code == 200
        csv = c.get(f"/reports/{name}/csv")
        assert csv.headers["content-type"].startswith("text/csv")
        assert max(csv.text.splitlines()[0].count(x) for x in ",;\t") >= 2
        xlsx = c.get(f"/reports/{name}/xlsx")
        assert xlsx.content.startswith(b"PK")
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(xlsx.content))
        assert len(book.sheetnames) >= 1
    snap = state.index.get()
    if snap.due:
        assert f'href="/c/{snap.due[0].customer}"' in c.get("/reports/due").text


def test_a_pilots_extension_field_is_in_the_form_with_its_code_list_and_is_saved(
    app: tuple[Any, Any],
) -> None:
    c, state = app
    cid = _plan(state)["customer"]
    page = c.get(f"/c/{cid}/new/assessment").text
    assert 'name="extensions.905.digital-skills"' in page
    assert "Digitaidot" in page and ">Perustaidot</option>" in page
    pairs = S.form_fields(page)
    rid = dict(pairs)["_id"]
    bad = S.set_field(pairs, "extensions.905.digital-skills", "expert")
    refused = S.post_form(c, f"/r/{cid}/{rid}/form", [*bad, ("_action", "save")])
    assert refused.status_code == 422
    assert 'data-field="extensions.905.digital-skills"' in refused.text
    pairs = S.set_field(pairs, "extensions.905.digital-skills", "basic")
    saved = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "save")], follow_redirects=False)
    assert saved.status_code == 303
    assert state.store.read(f"{cid}/{rid}").data["extensions"] == {"905.digital-skills": "basic"}
    assert "Perustaidot" in c.get(f"/r/{cid}/{rid}").text


def test_the_customer_index_follows_the_branch_head_incrementally_as_a_full_rebuild_would(
    app: tuple[Any, Any],
) -> None:
    from kototieto.store.store import Store
    from kototieto.web.index import build

    c, state = app
    before = state.index.get()
    st = Store.open(state.root)
    row = before.rows[1]
    data = st.read(f"{row.id}/{row.id}").data
    data["last_name"] = "Uusinimi"
    st.save(data, author="Testi <t@example.org>")
    plan = _plan(state)
    st.annul(f"{plan['customer']}/{plan['id']}", "Väärä asiakas", author="Testi <t@example.org>")
    after = state.index.get()
    full = build(state.root, S.TODAY)

    def rows(snap: Any) -> list[Any]:
        return [
            (r.id, r.name, r.identity, r.active_plan, r.review_due, r.plan_ending, sorted(r.officials))
            for r in snap.rows
        ]

    assert after.commit == full.commit != before.commit
    assert rows(after) == rows(full) != rows(before)
    assert [d.to_json() for d in after.due] == [d.to_json() for d in full.due]
    assert 'href="/c/' + row.id + '"' in c.get("/customers", params={"q": "uusinimi"}).text


def test_a_review_that_extends_a_plan_moves_the_end_on_the_printed_plan(app: tuple[Any, Any]) -> None:
    import datetime as dt

    c, state = app
    plan = next(
        i.record
        for i in state.index.get().loaded.items
        if i.record.kind == "integration-plan"
        and i.record.annulment is None
        and i.record.period is not None
        and i.record.period.end > S.TODAY
    )
    cid = plan.customer
    new_end = plan.period.end + dt.timedelta(days=60)
    typed = f"{new_end.day}.{new_end.month}.{new_end.year}"
    before = c.get(f"/r/{cid}/{plan.id}/print", params={"format": "html", "lang": "fi"}).text
    assert typed not in before
    page = c.get(f"/c/{cid}/new/review").text
    ground = re.findall(r'name="extension.ground"[^>]*>.*?<option value="([^"]+)"', page, re.S)[0]
    pairs = S.form_fields(page)
    for name, value in (
        ("plan", plan.id),
        ("plan_kind", "integration-plan"),
        ("extension.new_end", typed),
        ("extension.ground", ground),
        ("extension.description", "Lukutaitokoulutus jatkuu."),
    ):
        pairs = S.set_field(pairs, name, value)
    rid = dict(pairs)["_id"]
    saved = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "save")], follow_redirects=False)
    assert saved.status_code == 303, _summary(saved.text)
    after = c.get(f"/r/{cid}/{plan.id}/print", params={"format": "html", "lang": "fi"}).text
    assert typed in after
    assert c.get(f"/r/{cid}/{plan.id}").status_code == 200  # the plan's page lists its notes (info)
    timeline = c.get(f"/c/{cid}").text
    assert "Pidennetty" in timeline
