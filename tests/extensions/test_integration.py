"""Extensions through the rest of the tool: store writes, koto validate, schema upgrade, print, site."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import InvalidRecordError
from kototieto.store import layout
from kototieto.store.extensions import commit_definitions, load_extensions
from kototieto.store.store import Store

_spec = importlib.util.spec_from_file_location("ext_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

MENTORING = {"fi": "Digimentorointi", "sv": "Digitalt mentorskap", "en": "Digital mentoring"}
PLAN_FIELD = """\
  - name: travel-card
    kinds: [integration-plan]
    type: boolean
    labels: {fi: Matkakortti myönnetty, sv: Resekort beviljat, en: Travel card granted}
    definitions:
      fi: Onko henkilölle myönnetty matkakortti palveluihin kulkemista varten.
      sv: Om personen har beviljats ett resekort för resor till tjänsterna.
      en: Whether the person was granted a travel card for getting to the services.
    rationale: Travel costs stop people from attending training.
    need: access to services
"""


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    text = S.DEFINITIONS.replace("code_lists:\n", PLAN_FIELD + "code_lists:\n")
    repo = S.make_repo(tmp_path / "r", {"pilot.yaml": text})
    commit_definitions(repo)
    st = Store(repo)
    for data in sorted(S.dataset(), key=lambda d: d["kind"] != "customer"):
        st.save(data)
    return st


def _one(store: Store, kind: str) -> Any:
    rid = next(d["id"] for d in S.dataset() if d["kind"] == kind and not d.get("annulment"))
    return store.read(rid)


def test_store_writes_check_extension_values(store: Store) -> None:
    view = _one(store, "assessment")
    data = dict(view.data)
    data["extensions"] = {"091.digital-skills": "expert"}
    with pytest.raises(InvalidRecordError) as info:
        store.save(data)
    assert "extensions.091.digital-skills" in str(info.value) and "091.digital-skill-level" in str(info.value)
    data["extensions"] = {"091.digital-skills": "basic"}
    saved = store.save(data)
    assert saved.data["extensions"] == {"091.digital-skills": "basic"}


def test_store_admits_open_end_codes_with_the_definition(store: Store) -> None:
    view = _one(store, "integration-plan")
    data = json.loads(json.dumps(view.data))
    data["measures"][0]["service_kind"] = "091-digital-mentoring"
    data["extensions"] = {"091.travel-card": True}
    saved = store.save(data)
    assert saved.data["measures"][0]["service_kind"] == "091-digital-mentoring"
    data["measures"][0]["service_kind"] = "853-digital-mentoring"
    with pytest.raises(InvalidRecordError, match=r"measures\[0\]\.service_kind"):
        store.save(data)


def test_koto_validate_uses_the_definitions(store: Store) -> None:
    from kototieto.store.validate import validate_repository

    assert validate_repository(store.repo, workers=1).ok
    view = _one(store, "assessment")
    path = store.repo.root / view.path
    path.write_text(view.text.rstrip("\n") + "\nextensions:\n  091.bike-owner: 'yes'\n", encoding="utf-8")
    report = validate_repository(store.repo, workers=1)
    bad = [p for p in report.problems if p.severity == "error" and p.file == view.path]
    assert [p.dotted_path for p in bad] == ["extensions.091.bike-owner"]
    assert bad[0].line == len(view.text.rstrip("\n").splitlines()) + 2
    # a definition change re-validates (the cached result is not reused)
    defs = store.repo.root / "extensions" / "pilot.yaml"
    defs.write_text(
        defs.read_text(encoding="utf-8").replace(
            "    type: boolean\n    labels: {fi: Oma", "    type: text\n    labels: {fi: Oma"
        ),
        encoding="utf-8",
    )
    assert validate_repository(store.repo, workers=1).ok


def test_upgrade_keeps_the_extended_schema(store: Store) -> None:
    from kototieto.store.scaffold import upgrade_repository

    upgrade_repository(store.repo.root)
    schema = json.loads((store.repo.root / layout.SCHEMA_PATH).read_text(encoding="utf-8"))
    assert (
        "091.digital-skills"
        in schema["$defs"]["Assessment"]["properties"]["extensions"]["anyOf"][0]["properties"]
    )


def test_printed_plan_has_the_additional_information(store: Store) -> None:
    from kototieto.templates.render import render_record
    from kototieto.templates.source import load_record

    view = _one(store, "integration-plan")
    data = json.loads(json.dumps(view.data))
    data["extensions"] = {"091.travel-card": True}
    data["measures"][0]["service_kind"] = "091-digital-mentoring"
    store.save(data)
    loaded = load_record(store.repo.root, view.id)
    for lang, heading, label, value in (
        ("fi", "Lisätiedot", "Matkakortti myönnetty", "kyllä"),
        ("sv", "Tilläggsuppgifter", "Resekort beviljat", "ja"),
        ("en", "Additional information", "Travel card granted", "yes"),
    ):
        for fmt in ("html", "md"):
            text = render_record(
                loaded.record,
                lang,
                fmt,
                customer=loaded.customer,
                related=loaded.related,
                today=date(2026, 11, 28),
            )
            assert isinstance(text, str)
            assert heading in text and label in text and value in text, (lang, fmt)
            assert "091.travel-card" not in text
            assert "091-digital-mentoring" not in text  # the open-end code prints as its label
            assert MENTORING[lang] in text
    plain = next(d for d in S.dataset() if d["kind"] == "guidance")
    text = render_record(
        load_record(store.repo.root, plain["id"]).record, "fi", "html", today=date(2026, 11, 28)
    )
    assert "Lisätiedot" not in str(text)


def test_open_end_code_prints_as_its_label_in_a_plan_without_extension_values(store: Store) -> None:
    """Review 2026-12-newcomer C1: a plan whose only local part is a measure's open-end service
    kind (no ``extensions:`` values) still prints the label, not the code."""
    from kototieto.templates.render import render_record
    from kototieto.templates.source import load_record

    view = _one(store, "integration-plan")
    data = json.loads(json.dumps(view.data))
    data.pop("extensions", None)
    data["measures"][0]["service_kind"] = "091-digital-mentoring"
    store.save(data)
    loaded = load_record(store.repo.root, view.id)
    assert loaded.record.extensions is None
    for lang in ("fi", "sv", "en"):
        for fmt in ("html", "md"):
            text = render_record(
                loaded.record,
                lang,
                fmt,
                customer=loaded.customer,
                related=loaded.related,
                today=date(2026, 11, 28),
            )
            assert isinstance(text, str)
            assert "091-digital-mentoring" not in text, (lang, fmt)
            assert MENTORING[lang] in text, (lang, fmt)


@pytest.mark.slow
def test_printed_plan_pdf(store: Store) -> None:
    import io

    from pypdf import PdfReader

    from kototieto.templates.render import render_record
    from kototieto.templates.source import load_record

    view = _one(store, "integration-plan")
    data = json.loads(json.dumps(view.data))
    data["extensions"] = {"091.travel-card": True}
    store.save(data)
    loaded = load_record(store.repo.root, view.id)
    pdf = render_record(
        loaded.record, "en", "pdf", customer=loaded.customer, related=loaded.related, today=date(2026, 11, 28)
    )
    assert isinstance(pdf, bytes)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Additional information" in text and "Travel card granted" in text


@pytest.mark.slow
def test_site_shows_local_fields_with_rationale_status_and_fill_rate(store: Store, tmp_path: Path) -> None:
    from kototieto.site.build import build_site

    view = _one(store, "assessment")
    data = dict(view.data)
    data["extensions"] = {"091.digital-skills": "basic"}
    store.save(data)
    src = tmp_path / "src"
    build_site(tmp_path / "site", data_repo=store.repo.root, langs=["en"], src=src, jobs=1)
    page = next(src.rglob("assessment.md")).read_text(encoding="utf-8")
    assert "Digital skills" in page and "`extensions.091.digital-skills`" in page
    assert "Local extension field" in page and "091, in trial. Rationale: Most public services" in page
    total = sum(1 for d in S.dataset() if d["kind"] == "assessment" and not d.get("annulment"))
    assert f"{round(100 / total)} %" in page.split("Digital skills", 1)[1]
    html = next((tmp_path / "site").rglob("assessment/index.html")).read_text(encoding="utf-8")
    assert "Local extension field" in html
    codes = next(src.rglob("091.digital-skill-level.md")).read_text(encoding="utf-8")
    assert "Independent user" in codes
    assert not any("extensions.091" in p.read_text(encoding="utf-8") for p in src.rglob("changes*.md"))
    assert load_extensions(store.repo.root).get("091.digital-skills").spec.status == "in-trial"


def test_merge_driver_checks_merged_records_with_the_definitions(store: Store, tmp_path: Path) -> None:
    from kototieto.store.conflicts import run_driver

    view = _one(store, "integration-plan")
    base = json.loads(json.dumps(view.data))
    ours = json.loads(json.dumps(base))
    ours["measures"][0]["service_kind"] = "091-digital-mentoring"
    theirs = json.loads(json.dumps(base))
    theirs["extensions"] = {"091.travel-card": True}
    from kototieto.store.yamlio import new_document_text

    files = {}
    for name, data in (("base", base), ("ours", ours), ("theirs", theirs)):
        files[name] = tmp_path / f"{name}.yaml"
        files[name].write_text(new_document_text(data, "../schema.json"), encoding="utf-8")
    run_driver(store.repo.root, files["base"], files["ours"], files["theirs"], view.path)
    notes = [json.loads(p.read_text(encoding="utf-8")) for p in (store.repo.koto_dir / "conflicts").glob("*")]
    merged = notes[0]["merged"] if notes else json.loads(json.dumps(S.fast_yaml(files["ours"])))
    assert merged["measures"][0]["service_kind"] == "091-digital-mentoring"
    assert merged["extensions"] == {"091.travel-card": True}
    # the merged record is checked with the definitions: the open-end code and the value are no problem
    # (the driver checks one file without the customer's other records, so references may be reported)
    problems = [p for n in notes for p in n["problems"]]
    assert not [p for p in problems if "service_kind" in p or "extensions" in p], problems
