"""Messages for values people type: dates, code lists, numbers written for codes, identity codes."""

from __future__ import annotations

from typing import Any

import pytest

from kototieto.model import suggest
from kototieto.model.validation import validate_data


def _customer(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "customer",
        "id": "c-00000001",
        "identifier": {"type": "personal-identity-code", "value": "150388-901V"},
        "first_names": "Amina",
        "last_name": "Esimerkki",
        "date_of_birth": "1988-03-15",
        "home_municipality": "905",
    }
    data.update(changes)
    return data


def _messages(data: dict[str, Any], field: str) -> dict[str, str]:
    found = [p for p in validate_data(data).problems if p.dotted_path == field]
    assert found, [p.dotted_path for p in validate_data(data).problems]
    return {lang: found[0].message(lang) for lang in ("fi", "sv", "en")}


def test_finnish_date_gets_the_converted_value_in_every_language() -> None:
    msg = _messages(_customer(date_of_birth="15.3.1988"), "date_of_birth")
    assert "1988-03-15" in msg["fi"] and "1988-03-15" in msg["sv"]
    assert "is not a date" not in msg["fi"] and "Virheellinen arvo" not in msg["fi"]
    assert "kirjoita päivämäärä" in msg["fi"] and "skriv datumet" in msg["sv"]


def test_impossible_date_is_named() -> None:
    msg = _messages(_customer(date_of_birth="1988-02-30"), "date_of_birth")
    assert "kalenterissa" in msg["fi"] and "kalendern" in msg["sv"]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("native_language", "arabia", "ar"),
        ("native_language", "Arabiska", "ar"),
        ("citizenships", ["Syyria"], "SY"),
        ("home_municipality", "Vasa", "'905'"),
        ("home_municipality", "vaasa", "'905'"),
    ],
)
def test_long_lists_suggest_the_closest_code_by_label(field: str, value: Any, code: str) -> None:
    path = field + ("[0]" if isinstance(value, list) else "")
    msg = _messages(_customer(**{field: value}), path)
    assert f"Tarkoititko {code} (" in msg["fi"]
    assert f"Menade du {code} (" in msg["sv"]
    assert f"Did you mean {code} (" in msg["en"]


def test_short_lists_list_their_values() -> None:
    msg = _messages(_customer(identifier={"type": "hetu", "value": "150388-901V"}), "identifier.type")
    assert "Sallitut arvot: personal-identity-code (Henkilötunnus), temporary" in msg["fi"]
    assert "Tillåtna värden:" in msg["sv"]


def test_dotted_level_suggests_the_hyphen_code() -> None:
    assert suggest.closest_code("language-proficiency", "a2.1") == "a2-1"


def test_municipality_number_is_to_be_quoted() -> None:
    msg = _messages(_customer(home_municipality=905), "home_municipality")
    assert "'905'" in msg["fi"] and "lainausmerkeissä" in msg["fi"] and "citattecken" in msg["sv"]
    msg = _messages(_customer(home_municipality=91), "home_municipality")
    assert "'091'" in msg["fi"]


def test_identity_code_message_is_in_one_language() -> None:
    from kototieto.model.identity import parse_hetu
    from kototieto.model.text import TextError

    with pytest.raises(TextError) as caught:
        parse_hetu("150388-901X")
    assert "tarkistusmerkki 'X'" in caught.value.text.fi and "'V'" in caught.value.text.fi
    assert "kontrolltecken" in caught.value.text.sv
    assert str(caught.value) == "wrong check character 'X': expected 'V'"


def test_closest_word() -> None:
    assert (
        suggest.closest("integration-plna", ["customer", "integration-plan", "review"]) == "integration-plan"
    )
    assert suggest.closest("xyzzy", ["customer", "review"]) is None


def test_all_problems_in_one_round() -> None:
    data = _customer(
        identifier={"type": "personal-identity-code", "value": "150388-901X"},
        date_of_birth="15.3.1988",
        native_language="arabia",
    )
    data["organisation"] = {"type": "municipality", "code": "905", "name": "Vaasa"}
    data["date"] = "2026-12-01"
    found = {(p.dotted_path, p.rule) for p in validate_data(data).problems}
    # the schema problems and the identity-code rule together, not in two rounds
    assert ("date_of_birth", "schema") in found and ("native_language", "schema") in found
    assert ("identifier.value", "identity-code") in found
