"""Forms: a field whose condition is machine-readable (the catalogue's ``applies_when``) carries its
trigger and the server's verdict (``When.holds``) for app.js; without JavaScript it is shown, folded
under its condition words, as every conditional field is. Real demo repository, real HTTP app."""

from __future__ import annotations

import html as html_lib
import importlib.util
import json
import re
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


def _box(page: str, name: str) -> dict[str, str]:
    """The attributes of the conditional box that holds the input ``name``."""
    for m in re.finditer(r'<(details|div) class="cond"([^>]*)>(.*?)</\1>', page, re.S):
        if f'name="{name}"' in m.group(3):
            attrs = dict(re.findall(r'([a-z-]+)(?:="([^"]*)")?', m.group(2)))
            return {k: html_lib.unescape(v) for k, v in attrs.items()}
    raise AssertionError(f"no conditional box around {name}")


def _customer(state: Any, needed: bool | None) -> str:
    for row in state.index.get().rows:
        data = state.store.read(f"{row.id}/{row.id}").data
        if data.get("interpretation_needed") is needed and not data.get("interpretation_language"):
            return str(row.id)
    raise AssertionError("no such customer in the demo")


def test_the_form_carries_the_trigger_and_the_servers_verdict(app: tuple[Any, Any]) -> None:
    c, state = app
    cid = _customer(state, False)
    page = c.get(f"/r/{cid}/{cid}/edit").text
    box = _box(page, "interpretation_language")
    assert json.loads(box["data-when"]) == {"name": "interpretation_needed", "values": ["true"]}
    assert box["data-applies"] == "false"
    assert "hidden" not in box  # the server never hides: without JavaScript every field shows
    assert "Kun henkilö tarvitsee tulkkausta." in page  # the condition words as before
    # the official says interpretation is needed: the page re-rendered says the condition holds
    pairs = S.set_field(S.form_fields(page), "interpretation_needed", "true")
    checked = S.post_form(c, f"/r/{cid}/{cid}/form", [*pairs, ("_action", "check")])
    assert _box(checked.text, "interpretation_language")["data-applies"] == "true"
    # ... and the validation asks for the language (the rule reads the same condition)
    assert 'data-field="interpretation_language"' in checked.text


def test_nested_conditions_name_the_sibling_input_and_unknown_triggers_stay_unknown(
    app: tuple[Any, Any],
) -> None:
    c, state = app
    cid = S.a_plan(state)["customer"]
    page = c.get(f"/c/{cid}/new/assessment").text
    date = _box(page, "plan_timing.date")
    assert json.loads(date["data-when"]) == {"name": "plan_timing.timing", "values": ["date"]}
    assert date["data-applies"] == "unknown"  # no timing chosen yet: not shown with JavaScript
    reason = _box(page, "family_plan_timing.reason")
    assert json.loads(reason["data-when"]) == {
        "name": "family_plan_timing.timing",
        "values": ["not-drawn-up"],
    }
    # a date typed where the timing is not a date: the box is open (it has a value) and the
    # validation says what is wrong
    pairs = S.form_fields(page)
    pairs = S.set_field(pairs, "plan_timing.plan_kind", "integration-plan")
    pairs = S.set_field(pairs, "plan_timing.timing", "as-soon-as-possible")
    pairs = S.set_field(pairs, "plan_timing.date", "1.12.2027")
    rid = dict(pairs)["_id"]
    checked = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "check")]).text
    box = _box(checked, "plan_timing.date")
    assert box["data-applies"] == "false" and "open" in box
    assert 'data-field="plan_timing.date"' in checked


def test_no_obstacles_applies_while_no_obstacles_are_written(app: tuple[Any, Any]) -> None:
    c, state = app
    cid = S.a_plan(state)["customer"]
    page = c.get(f"/c/{cid}/new/review").text
    box = _box(page, "no_obstacles")
    assert json.loads(box["data-when"]) == {"name": "obstacles", "present": False}
    assert box["data-applies"] == "true"
    pairs = S.set_field(S.form_fields(page), "obstacles", "Lastenhoito järjestymättä.")
    rid = dict(pairs)["_id"]
    checked = S.post_form(c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "check")]).text
    assert _box(checked, "no_obstacles")["data-applies"] == "false"


def test_the_verdict_comes_from_when_holds_and_a_missing_trigger_never_hides() -> None:
    from kototieto.web.forms import form_spec
    from kototieto.web.widgets import build_nodes

    def entry(path: str, when: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "path": path,
            "kinds": ["k"],
            "type": "boolean" if path == "flag" else "text",
            "obligation": "conditional" if when else "may",
            "condition": {"en": "When it applies."} if when else None,
            "applies_when": when,
            "labels": {"en": path},
        }

    catalogue = {
        "fields": [
            entry("flag"),
            entry("a", {"field": "flag", "equals": True}),
            entry("b", {"field": "flag", "present": False}),
            entry("c", {"field": "nowhere", "equals": "x"}),  # e.g. a trigger this form lacks
        ]
    }
    spec = form_spec("k", catalogue)
    for flag, a, b in ((True, "true", "false"), (False, "false", "false"), (None, "unknown", "true")):
        nodes = {n.name: n for n in build_nodes(spec, {"flag": flag}, [], "en")}
        assert (nodes["a"].applies, nodes["b"].applies) == (a, b), flag
        assert json.loads(nodes["a"].when) == {"name": "flag", "values": ["true"]}
        assert nodes["c"].when == "" and nodes["c"].conditional  # shown, folded under its words
