"""Finnish and Swedish an official would sign (review 2026-12, M6, M7, L5) and strict schema dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from kototieto.model.catalogue import catalogue_json, kind_label
from kototieto.model.jsonschema import DATE_PATTERN, record_schema
from kototieto.model.records import RECORD_KINDS, RECORD_MODELS
from tests.model import records as r

CAT = catalogue_json()
FIELDS = {f["path"]: f for f in CAT["fields"]}
LISTS = {cl["id"]: cl for cl in CAT["code_lists"]}

# Words that occur in English sentences and titles but in no Finnish or Swedish text of the catalogue.
ENGLISH = re.compile(r"\b(the|and|of|is|are|only|with|when|must|allowed|which|plan's|a record)\b", re.I)


def _texts(node: Any, out: list[tuple[str, str]], path: str = "") -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                out.append((f"{path}/{key}", value))
            elif key not in ("examples", "enum", "const", "default", "pattern"):
                _texts(value, out, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            _texts(item, out, path)


def _class_names() -> set[str]:
    names: set[str] = set()
    for model in RECORD_MODELS.values():
        for cls in model.__mro__:
            names.add(cls.__name__)
    schema = record_schema(None, "en")
    names.update(schema.get("$defs", {}))
    return names


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("kind", [None, *RECORD_KINDS])
def test_fi_and_sv_schemas_contain_no_english_title_or_description(kind: str | None, lang: str) -> None:
    texts: list[tuple[str, str]] = []
    _texts(record_schema(kind, lang), texts)
    assert texts, "the schema has titles"
    classes = _class_names()
    # a Swedish label may equal a class name ("Organisation"): catalogue texts of the language pass
    own = {f[key][lang] for f in CAT["fields"] for key in ("labels", "definitions")}
    english = [
        (where, text)
        for where, text in texts
        if ENGLISH.search(text) or (text in classes and text not in own)
    ]
    assert english == []


def test_the_english_schema_is_in_english_so_the_check_can_fail() -> None:
    texts: list[tuple[str, str]] = []
    _texts(record_schema("assessment", "en"), texts)
    assert any(ENGLISH.search(text) for _, text in texts)


def test_object_titles_come_from_the_field_that_holds_the_object() -> None:
    schema = record_schema("assessment", "sv")
    timing = schema["$defs"]["PlanTiming"]
    assert timing["title"] == FIELDS["plan_timing"]["labels"]["sv"]
    assert timing["description"] == FIELDS["plan_timing"]["definitions"]["sv"]


def test_schema_dates_refuse_month_13_and_day_32_without_format_checking() -> None:
    schema = record_schema("integration-plan", "fi")
    validator = Draft202012Validator(schema)  # no format checker: format is only an annotation
    ok = r.plan()
    assert not list(validator.iter_errors(ok))
    for bad in ("2025-13-01", "2025-01-32", "2025-04-31", "2025-02-29", "2100-02-29"):
        assert list(validator.iter_errors(dict(ok, date=bad))), bad
    assert not list(validator.iter_errors(dict(ok, date="2024-02-29")))


def test_the_date_pattern_accepts_every_real_date() -> None:
    pattern = re.compile(DATE_PATTERN)
    day = dt.date(1800, 1, 1)
    while day < dt.date(2500, 1, 1):
        assert pattern.match(day.isoformat()), day
        day += dt.timedelta(days=1)


def test_the_three_texts_that_changed_meaning_are_corrected() -> None:
    residence = FIELDS["first_residence"]["labels"]
    assert "oleskelulupa" in residence["fi"] and "oleskeluoikeus" not in residence["fi"].split(",")[0]
    assert "uppehållstillstånd" in residence["sv"]
    assert LISTS["permit-type"]["labels"]["fi"] == "Oleskeluasiakirjan laji"
    county = FIELDS["wellbeing_services_county"]["definitions"]["fi"]
    assert "järjestämisvastuulla" in county and "vastaa sen palveluista" not in county
    for path in ("other_data", "other_data.content", "other_data.necessity"):
        for lang in ("fi", "sv"):
            text = FIELDS[path]["definitions"][lang]
            assert "lakisääteisten" not in text and "lagstadgade" not in text, (path, lang)
    assert "kotoutumisen edistämisestä annetun lain" in FIELDS["other_data"]["definitions"]["fi"]
    assert "lagen om främjande av integration" in FIELDS["other_data"]["definitions"]["sv"]


def test_wording_fixes_of_the_language_sample() -> None:
    assert FIELDS["registered_jobseeker"]["labels"]["fi"] == "Työnhakijaksi ilmoittautunut"
    assert FIELDS["drawn_up_by"]["labels"]["fi"] == "Laatijoiden yhteystiedot"
    assert FIELDS["plan_ended"]["labels"]["sv"] == "Planens upphörande"
    assert FIELDS["extension"]["labels"]["sv"] == "Förlängning av den maximala tiden"
    assert FIELDS["plan_switch"]["labels"]["fi"] == "Tarve vaihtaa suunnitelman lajia"
    assert FIELDS["family_plan_agreed"]["labels"]["fi"].startswith("Perheen kotoutumissuunnitelman")
    assert "Sammantagen" in FIELDS["finnish_skills.level"]["definitions"]["sv"]
    assert FIELDS["kind"]["definitions"]["fi"] != "Tietueen laji."
    assert "kundposten" in FIELDS["date"]["definitions"]["sv"]
    assert "aikoo" in FIELDS["employment_referral.reason"]["definitions"]["fi"]
    assert kind_label("review", "fi") == "Suunnitelman tarkistaminen"


def test_code_list_wording_and_full_official_names() -> None:
    def label(list_id: str, code: str, lang: str) -> str:
        return next(v for v in LISTS[list_id]["values"] if v["code"] == code)["labels"][lang]

    assert (
        label("specifying-measure-kind", "social-work-assessment", "fi")
        == "Sosiaalihuollon palvelutarpeen arviointi"
    )
    assert label("service-kind", "employment-services", "fi") == "Työvoimapalvelut"
    assert label("service-kind", "employment-services", "sv") == "Arbetskraftsservice"
    assert label("education-level", "isced-3", "sv") == "Andra stadiet"
    assert label("specifying-measure-kind", "competence-assessment", "en") == "Identification of competence"
    short = re.compile(r"perheen suunnitelma(?!n tarve ja)|plan för familjen", re.I)
    for f in CAT["fields"]:
        for lang in ("fi", "sv"):
            for text in (f["labels"][lang], f["definitions"][lang]):
                assert not short.search(text.replace("integrationsplan för familjen", "")), (f["path"], text)
