"""Code lists in the app's forms: a long list (countries, languages, municipalities) is offered in
alphabetical order of its labels in the page's language (Finnish order: å, ä, ö after z), a short
list in its own order, which carries meaning (e.g. plan timing: a date first)."""

from __future__ import annotations

from typing import Any

from kototieto.model.catalogue import catalogue_json
from kototieto.store.finding import sort_key
from kototieto.web.forms import LONG_LIST, form_spec


def test_finnish_order_puts_a_ring_a_umlaut_and_o_umlaut_after_z() -> None:
    names = ["Österrike", "Zambia", "Åland", "Ärla", "Afghanistan", "Wien", "Vasa"]
    assert sorted(names, key=sort_key) == [
        "Afghanistan",
        "Vasa",
        "Wien",
        "Zambia",
        "Åland",
        "Ärla",
        "Österrike",
    ]


def test_long_lists_are_alphabetical_by_label_and_short_lists_keep_their_order() -> None:
    catalogue = catalogue_json()
    spec = form_spec("customer", catalogue)
    for lang in ("fi", "sv", "en"):
        labels = [label for _, label in spec.options("country", lang)]
        assert len(labels) > LONG_LIST
        assert labels == sorted(labels, key=sort_key)
        assert labels != [
            label for _, label in _catalogue_order(catalogue, "country", lang)
        ]  # not code order
    fi = [label for _, label in spec.options("country", "fi")]
    assert fi[0] == "Afganistan" and fi.index("Ruotsi") < fi.index("Ukraina") < fi.index("Zimbabwe")
    sv = [label for _, label in spec.options("country", "sv")]
    assert sv[-1] == "Östtimor" and sv.index("Zimbabwe") < sv.index("Österrike")
    timing = form_spec("assessment", catalogue).options("plan-timing", "fi")
    assert len(timing) <= LONG_LIST
    assert timing == _catalogue_order(catalogue, "plan-timing", "fi")


def _catalogue_order(catalogue: dict[str, Any], list_id: str, lang: str) -> list[tuple[str, str]]:
    (cl,) = [c for c in catalogue["code_lists"] if c["id"] == list_id]
    return [(str(v["code"]), str((v.get("labels") or {}).get(lang) or v["code"])) for v in cl["values"]]
