"""Reference code lists (kototieto.model.refdata)."""

from __future__ import annotations

import importlib.resources
from datetime import date

import pytest

from kototieto.model import refdata
from kototieto.model.refdata import (
    countries,
    languages,
    municipalities,
    name_coverage,
    parse_csv,
    wellbeing_counties,
)

KNOWN_MUNICIPALITIES = {
    "091": ("Helsinki", "Helsingfors"),
    "049": ("Espoo", "Esbo"),
    "092": ("Vantaa", "Vanda"),
    "853": ("Turku", "Åbo"),
    "837": ("Tampere", "Tammerfors"),
    "564": ("Oulu", "Uleåborg"),
    "478": ("Maarianhamina", "Mariehamn"),
    "398": ("Lahti", "Lahtis"),
    "020": ("Akaa", "Ackas"),
    "005": ("Alajärvi", "Alajärvi"),
    "599": ("Pedersören kunta", "Pedersöre"),
    "284": ("Koski Tl", "Koskis"),
    "081": ("Hartola", "Gustav Adolfs"),
    "992": ("Äänekoski", "Äänekoski"),
}


def test_the_csv_files_are_packaged() -> None:
    data = importlib.resources.files("kototieto.model") / "data"
    assert (data / "municipalities.csv").is_file()
    assert (data / "wellbeing_counties.csv").is_file()


def test_municipality_counts_per_year() -> None:
    assert len(municipalities()) == 309  # union of 2025 and 2026
    assert len(municipalities(on=date(2025, 12, 31))) == 309
    assert len(municipalities(on=date(2026, 1, 1))) == 308
    assert len(municipalities(on=date(2026, 11, 28))) == 308
    # Outside the covered years the nearest classification applies.
    assert len(municipalities(on=date(2024, 6, 1))) == 309
    assert len(municipalities(on=date(2031, 1, 1))) == 308


def test_pertunmaa_merged_into_mantyharju_in_2026() -> None:
    assert municipalities()["588"] == ("Pertunmaa", "Pertunmaa")
    assert "588" in municipalities(on=date(2025, 12, 31))
    assert "588" not in municipalities(on=date(2026, 1, 1))
    assert "507" in municipalities(on=date(2026, 1, 1))


@pytest.mark.parametrize(("code", "names"), sorted(KNOWN_MUNICIPALITIES.items()))
def test_known_municipalities(code: str, names: tuple[str, str]) -> None:
    assert municipalities()[code] == names
    assert municipalities(on=date(2026, 6, 1))[code] == names


def test_municipality_codes_and_names_are_well_formed() -> None:
    for code, (fi, sv) in municipalities().items():
        assert len(code) == 3 and code.isdigit(), code
        assert fi and sv and fi == fi.strip() and sv == sv.strip(), code
        assert "  " not in sv and " - " not in fi, code
    bilingual = sum(fi != sv for fi, sv in municipalities().values())
    assert 100 <= bilingual <= 130  # 114 in the 2026 classification


def test_wellbeing_counties() -> None:
    counties = wellbeing_counties()
    assert len(counties) == 22
    assert sorted(counties) == [f"{n:02d}" for n in range(1, 22)] + ["90"]
    assert counties["90"] == ("Helsingin kaupunki", "Helsingfors stad", "City of Helsinki")
    assert counties["01"][0] == "Itä-Uudenmaan hyvinvointialue"
    assert counties["04"] == (
        "Vantaan ja Keravan hyvinvointialue",
        "Vanda och Kervo välfärdsområde",
        "Vantaa and Kerava wellbeing services county",
    )
    assert counties["21"][1] == "Lapplands välfärdsområde"
    for code, (fi, sv, en) in counties.items():
        assert "HUS" not in fi + sv + en
        if code != "90":
            assert fi.endswith("hyvinvointialue") and sv.endswith("välfärdsområde"), code
            assert en.endswith("wellbeing services county"), code
    assert "91" not in counties  # Åland is outside the reform


def test_results_are_read_only_and_cached() -> None:
    with pytest.raises(TypeError):
        municipalities()["999"] = ("x", "y")  # type: ignore[index]
    with pytest.raises(TypeError):
        countries("fi")["XX"] = "x"  # type: ignore[index]
    assert municipalities() is municipalities()
    assert languages("sv") is languages("sv")
    assert municipalities(on=date(2026, 2, 1)) is municipalities(on=date(2026, 9, 1))


def test_countries_in_three_languages() -> None:
    fi, sv, en = countries("fi"), countries("sv"), countries("en")
    assert set(fi) == set(sv) == set(en)
    assert len(en) == 249
    assert (fi["FI"], sv["FI"], en["FI"]) == ("Suomi", "Finland", "Finland")
    assert (fi["SE"], sv["SE"], en["SE"]) == ("Ruotsi", "Sverige", "Sweden")
    assert fi["DE"] == "Saksa" and sv["DE"] == "Tyskland"
    assert all(len(code) == 2 and code.isupper() for code in en)


def test_languages_in_three_languages() -> None:
    fi, sv, en = languages("fi"), languages("sv"), languages("en")
    assert set(fi) == set(sv) == set(en)
    assert len(en) > 7000
    assert (fi["fi"], sv["fi"], en["fi"]) == ("suomi", "Finska", "Finnish")  # as the catalogues write them
    assert en["sv"] == "Swedish" and fi["sv"] == "ruotsi"
    assert en["smn"] == "Inari Sami"  # no alpha-2 code: keyed by alpha-3
    assert en["ar"] == "Arabic" and en["so"] == "Somali" and en["uk"] == "Ukrainian"
    assert "fin" not in en  # the alpha-3 code of a language with an alpha-2 code is not a key
    assert "lat" not in en and "la" not in en  # Latin is ancient, not living


def test_missing_translations_fall_back_to_english() -> None:
    fi, en = languages("fi"), languages("en")
    translated, total = name_coverage("languages", "fi")
    assert total == len(fi)
    assert 0 < translated < total
    untranslated = [code for code in en if fi[code] == en[code]]
    assert len(untranslated) >= total - translated


def test_name_coverage() -> None:
    for lang in ("fi", "sv", "en"):
        assert name_coverage("countries", lang) == (249, 249)
    assert name_coverage("languages", "en")[0] == name_coverage("languages", "en")[1]
    assert name_coverage("languages", "sv")[0] > 6000


def test_unknown_language_is_rejected() -> None:
    for function in (countries, languages):
        with pytest.raises(ValueError, match="unsupported language 'de'"):
            function("de")
    with pytest.raises(ValueError, match="unsupported language"):
        name_coverage("countries", "FI")


def test_parse_csv_names_file_line_and_field() -> None:
    header = ["code", "name_fi", "name_sv", "valid_until"]
    good = "code,name_fi,name_sv,valid_until\n091,Helsinki,Helsingfors,\n"
    assert parse_csv(good, "x.csv", header) == [
        {"code": "091", "name_fi": "Helsinki", "name_sv": "Helsingfors", "valid_until": ""}
    ]
    with pytest.raises(ValueError, match=r"data/x.csv: line 1: expected header"):
        parse_csv("kunta,nimi\n", "x.csv", header)
    with pytest.raises(ValueError, match=r"data/x.csv: line 3: expected 4 fields, got 3"):
        parse_csv(good + "092,Vantaa,Vanda\n", "x.csv", header)
    with pytest.raises(ValueError, match=r"data/x.csv: line 2: field 'name_sv' is empty or padded"):
        parse_csv("code,name_fi,name_sv,valid_until\n081,Hartola,Gustav Adolfs  ,\n", "x.csv", header)


def test_every_language_has_its_own_names_and_no_other_is_accepted() -> None:
    """The three languages the code lists are kept in, each with names of its own (not the
    constant against itself: the names come from the packaged translations)."""
    assert [refdata.countries(lang)["FI"] for lang in refdata.LANGS] == ["Suomi", "Finland", "Finland"]
    assert [refdata.languages(lang)["fi"] for lang in refdata.LANGS] == ["suomi", "Finska", "Finnish"]
    for lang in ("de", "FI", ""):
        with pytest.raises(ValueError, match="unsupported language"):
            refdata.countries(lang)
