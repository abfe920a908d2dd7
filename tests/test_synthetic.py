"""The synthetic data generator, its hypothesis strategies, and ``koto generate`` / ``koto check``."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kototieto.cli.main import cli
from kototieto.model import refdata
from kototieto.model.identity import is_temporary_id, is_test_range, parse_hetu
from kototieto.model.records import RECORD_KINDS, parse_record, record_to_data
from kototieto.model.validation import Severity, check_records, validate_data
from kototieto.store.bulkload import fast_load
from kototieto.store.yamlio import new_document_text
from kototieto.synthetic.generator import (
    EARLIEST,
    DatasetSpec,
    Imperfections,
    Permutation,
    customer_records,
    generate_dataset,
)
from kototieto.synthetic.people import COUNTY_OF, FORBIDDEN_FULL_NAMES, ORIGINS, PLACES
from kototieto.synthetic.phrases import B
from kototieto.synthetic.text import CONTEXT_SLOTS, LANGS
from tests.strategies import customer_sets, records, valid_records

TODAY = dt.date(2026, 11, 28)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def dataset() -> list[Any]:
    return generate_dataset(250, 11, TODAY)


def _dump(recs: list[Any]) -> list[dict[str, Any]]:
    return [record_to_data(r) for r in recs]


# --- determinism ------------------------------------------------------------------------------


def test_same_seed_same_records_and_other_seed_other_records() -> None:
    first = _dump(generate_dataset(25, 5, TODAY))
    assert first == _dump(generate_dataset(25, 5, TODAY))
    assert first != _dump(generate_dataset(25, 6, TODAY))


def test_no_global_random_state_is_used_or_changed() -> None:
    import random

    random.seed(1)
    state = random.getstate()
    first = _dump(generate_dataset(8, 9, TODAY))
    assert random.getstate() == state  # nothing drawn from the global generator
    random.seed(2)
    assert _dump(generate_dataset(8, 9, TODAY)) == first


def test_a_customer_does_not_depend_on_the_dataset_size() -> None:
    small = _dump(generate_dataset(5, 3, TODAY))
    big = _dump(generate_dataset(30, 3, TODAY))
    assert big[: len(small)] == small


def test_hash_seed_does_not_change_the_data() -> None:
    code = (
        "import datetime, hashlib, json;"
        "from kototieto.synthetic.generator import generate_dataset;"
        "from kototieto.model.records import record_to_data;"
        "d=[record_to_data(r) for r in generate_dataset(15, 4, datetime.date(2026, 11, 28))];"
        "print(hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest())"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1
    local = hashlib.sha256(
        json.dumps(_dump(generate_dataset(15, 4, TODAY)), sort_keys=True).encode()
    ).hexdigest()
    assert digests == {local}


# --- validity ---------------------------------------------------------------------------------


def test_every_kind_is_present(dataset: list[Any]) -> None:
    kinds = Counter(r.kind for r in dataset)
    assert set(kinds) == set(RECORD_KINDS), kinds


def test_every_record_is_valid_without_warnings_and_the_set_is_cross_record_clean() -> None:
    dataset = generate_dataset(250, 11, TODAY, realism=Imperfections.none())  # clean: no warnings
    problems = []
    for record in dataset:
        data = record_to_data(record)
        assert parse_record(data) == record
        result = validate_data(data)
        problems.extend((record.id, p.rule, p.path, str(p.severity)) for p in result.problems)
    assert problems == []
    # extended plans are reported to the reviewer as information (total-plan-time), never more
    assert [
        (rid, p.rule, p.message("en")) for rid, p in check_records(dataset) if p.severity is not Severity.INFO
    ] == []


@pytest.mark.parametrize("today", [dt.date(2025, 1, 1), dt.date(2025, 2, 15), dt.date(2025, 9, 1)])
def test_early_todays_give_valid_truncated_life_cycles(today: dt.date) -> None:
    recs = generate_dataset(80, 2, today)
    assert all(EARLIEST <= r.date <= today for r in recs)
    assert all(validate_data(record_to_data(r)).ok for r in recs)
    assert not_info(check_records(recs)) == []


def test_records_dated_2027_only_warn_about_next_review_of_ended_plans() -> None:
    recs = generate_dataset(120, 5, dt.date(2027, 6, 30), realism=Imperfections.none())
    warned = set()
    for r in recs:
        result = validate_data(record_to_data(r))
        assert result.ok, [(p.rule, p.path) for p in result.errors]
        for p in result.warnings:
            warned.add((r.kind, p.rule, p.path))
            assert r.kind == "review" and r.plan_ended is not None
    assert warned <= {("review", "shall-items", ("next_review",))}
    assert not_info(check_records(recs)) == []


def test_today_before_2025_is_refused() -> None:
    with pytest.raises(ValueError, match="before 2025-01-01"):
        generate_dataset(1, 1, dt.date(2024, 12, 31))


def test_identity_codes_are_synthetic_unique_and_match_the_birth_date(dataset: list[Any]) -> None:
    customers = [r for r in dataset if r.kind == "customer"]
    values = [c.identifier.value for c in customers]
    assert len(values) == len(set(values))
    temporary = 0
    for c in customers:
        if c.identifier.type == "temporary":
            assert is_temporary_id(c.identifier.value)
            temporary += 1
            continue
        hetu = parse_hetu(c.identifier.value)
        assert is_test_range(hetu) and 900 <= hetu.individual_number <= 999
        assert hetu.birth_date == c.date_of_birth
    assert temporary > 0


def test_identity_codes_of_a_large_dataset_are_unique() -> None:
    spec = DatasetSpec(7, TODAY)
    pairs = {spec.birth_and_number(i) for i in range(20000)}
    assert len(pairs) == 20000
    assert all(900 <= n <= 999 for _, n in pairs)


def test_permutation_is_a_bijection_of_its_range() -> None:
    perm = Permutation("k", 12, 3000)
    assert sorted(perm(i) for i in range(3000)) == list(range(3000))
    with pytest.raises(ValueError):
        perm(3000)


def test_ids_are_unique_and_follow_the_patterns(dataset: list[Any]) -> None:
    ids = [r.id for r in dataset]
    assert len(ids) == len(set(ids))
    prefixes = {"assessment": "asm", "multisectoral-assessment": "asm", "review": "rev", "guidance": "gdn"}
    for r in dataset:
        if r.kind == "customer":
            assert re.fullmatch(r"c-[0-9a-f]{8}", r.id)
            continue
        prefix = prefixes.get(r.kind, "pln")
        assert re.fullmatch(rf"{prefix}-{r.date:%Y%m%d}-[0-9a-f]{{8}}", r.id), r.id


def test_dates_lie_between_2025_and_today_and_after_the_customer_record(dataset: list[Any]) -> None:
    first = {r.id: r.date for r in dataset if r.kind == "customer"}
    for r in dataset:
        assert EARLIEST <= r.date <= TODAY
        assert r.date >= first[r.customer]
        if r.annulment is not None:
            assert r.date <= r.annulment.date <= TODAY


def test_county_reviews_only_of_multisectoral_plans_and_only_county_services(dataset: list[Any]) -> None:
    by_id = {r.id: r for r in dataset}
    county_reviews = [r for r in dataset if r.organisation.type == "wellbeing-services-county"]
    assert county_reviews
    counties = refdata.wellbeing_counties()
    for review in county_reviews:
        assert review.kind == "review"
        plan = by_id[review.plan]
        assert plan.kind == review.plan_kind == "multisectoral-plan"
        assert review.organisation.code == plan.wellbeing_services_county
        assert review.organisation.code in counties
        assert review.changes and all(c.organiser.type == "wellbeing-services-county" for c in review.changes)


def test_life_cycle_events_all_happen(dataset: list[Any]) -> None:
    reviews = [r for r in dataset if r.kind == "review"]
    assert any(r.plan_ended for r in reviews)
    assert any(r.extension for r in reviews)
    assert any(r.plan_switch for r in reviews)
    assert any(r.employment_referral for r in reviews)
    assert any(r.kind == "assessment" and r.employment_referral for r in dataset)
    plans = [r for r in dataset if r.kind.endswith("-plan")]
    assert any(p.previous_plan for p in plans)
    assert all(p.family_members for p in plans if p.kind == "family-plan")
    customers = {r.id: r for r in dataset if r.kind == "customer"}
    guided = {r.customer for r in dataset if r.kind == "guidance"}
    assert any(customers[c].first_residence is None for c in guided), "guidance without a residence permit"
    assert all(
        r.consent.given and r.consent.informed and r.consent.date <= r.date
        for r in dataset
        if r.kind == "guidance"
    )


def test_texts_come_in_finnish_swedish_and_english() -> None:
    recs = generate_dataset(120, 21, TODAY, organisation="905")  # Vaasa: many officials write Swedish
    titles = {c.title for r in recs if r.kind != "customer" for c in r.drawn_up_by}
    assert titles & {
        "kotoutumisen ohjaaja",
        "maahanmuuttokoordinaattori",
        "palveluohjaaja",
        "sosiaaliohjaaja",
        "kotoutumiskoordinaattori",
        "erityissuunnittelija",
    }
    assert titles & {
        "integrationshandledare",
        "invandrarkoordinator",
        "servicehandledare",
        "socialhandledare",
    }
    assert {r.organisation.code for r in recs} <= {"905", "17"}


def test_organisation_option() -> None:
    recs = generate_dataset(
        10, 1, TODAY, organisation={"type": "municipality", "code": "020", "name": "Akaan kaupunki"}
    )
    assert {r.organisation.code for r in recs} == {"020"}
    assert {r.organisation.name for r in recs} == {"Akaan kaupunki"}
    with pytest.raises(ValueError, match="not a municipality code"):
        generate_dataset(1, 1, TODAY, organisation="999")
    with pytest.raises(ValueError, match="recorded by a municipality"):
        generate_dataset(1, 1, TODAY, organisation={"type": "wellbeing-services-county", "code": "17"})


# --- names and banks --------------------------------------------------------------------------


def test_name_banks_use_codes_the_code_lists_accept() -> None:
    languages, countries = refdata.languages("en"), refdata.countries("en")
    for origin in ORIGINS:
        assert set(origin.native) | set(origin.other) <= set(languages), origin.key
        assert set(origin.citizenships) <= set(countries), origin.key
    municipalities, counties = refdata.municipalities(), refdata.wellbeing_counties()
    for place in PLACES:
        assert place.code in municipalities and set(place.neighbours) <= set(municipalities)
    assert all(code in municipalities and county in counties for code, county in COUNTY_OF.items())


def test_names_agree_with_languages_and_no_public_figure_is_named(dataset: list[Any]) -> None:
    for c in (r for r in dataset if r.kind == "customer"):
        origin = next(o for o in ORIGINS if c.last_name in o.last and c.native_language in o.native)
        first = c.first_names.split()[0]
        assert first in origin.female or first in origin.male
        assert c.interpretation_language in (None, c.native_language)
        assert f"{c.first_names} {c.last_name}" not in FORBIDDEN_FULL_NAMES
        assert f"{first} {c.last_name}" not in FORBIDDEN_FULL_NAMES


def test_phrase_banks_have_three_languages_and_known_slots() -> None:
    slot = re.compile(r"{(\w+)}")
    for key, bank in B.items():
        assert set(bank) == set(LANGS), key
        for lang in LANGS:
            assert bank[lang], (key, lang)
            for text in bank[lang]:
                assert set(slot.findall(text)) <= set(CONTEXT_SLOTS), (key, text)


# --- strategies -------------------------------------------------------------------------------


@SETTINGS
@given(records())
def test_strategy_records_are_accepted_by_the_model(record: Any) -> None:
    data = json.loads(json.dumps(record_to_data(record)))
    assert validate_data(data).record == record


@SETTINGS
@given(st.sampled_from(RECORD_KINDS).flatmap(valid_records))
def test_strategy_valid_records_pass_every_rule(record: Any) -> None:
    assert validate_data(record_to_data(record)).ok


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_strategy_draws_every_kind(kind: str) -> None:
    @settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(records(kind))
    def draw(record: Any) -> None:
        assert record.kind == kind

    draw()


@SETTINGS
@given(customer_sets())
def test_strategy_customer_sets_are_cross_record_clean(recs: list[Any]) -> None:
    assert recs[0].kind == "customer"
    assert not_info(check_records(recs)) == []


@SETTINGS
@given(records())
def test_hostile_records_survive_the_yaml_writer_and_reader(record: Any) -> None:
    data = record_to_data(record)
    text = new_document_text(data, None)
    assert parse_record(fast_load(text.encode("utf-8"), "x.yaml")) == record


def test_customer_records_builds_one_customer_alone() -> None:
    spec = DatasetSpec(11, TODAY)
    assert _dump(customer_records(spec, 3)) == _dump(
        [r for r in generate_dataset(5, 11, TODAY) if r.customer == spec.customer_id(3)]
    )


# --- koto generate / koto check ---------------------------------------------------------------


def _koto(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, standalone_mode=False)


def _run_koto(*args: str) -> subprocess.CompletedProcess[str]:
    koto = Path(sys.executable).with_name("koto")
    return subprocess.run([str(koto), *args], capture_output=True, text=True, check=False)


def test_generate_writes_the_layout_and_check_accepts_it(tmp_path: Path) -> None:
    out = tmp_path / "data"
    proc = _run_koto(
        "generate", "--customers", "15", "--seed", "4", "--out", str(out), "--today", "2026-11-28", "--json"
    )
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    files = sorted(out.glob("customers/*/*/*.yaml"))
    assert summary["records"] == len(files) == sum(summary["kinds"].values())
    assert summary["kinds"]["customer"] == 15
    assert (out / "schema" / "record.schema.json").is_file()
    first = files[0].read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=../../../schema/record.schema.json\n")
    expected = {record_to_data(r)["id"]: record_to_data(r) for r in generate_dataset(15, 4, TODAY)}
    for f in files:
        data = fast_load(f.read_bytes(), str(f))
        assert parse_record(data) == parse_record(expected[f.stem])
    from kototieto.store.repository import Organisation, config_text

    # a repository root: koto.yaml is not a record; its rules are the ones the records are checked with
    org = Organisation("municipality", "091", "Testikunta")
    (out / "koto.yaml").write_text(config_text(org), encoding="utf-8")
    check = _run_koto("check", str(out), "--json")
    assert check.returncode == 0, check.stdout + check.stderr
    assert json.loads(check.stdout)["errors"] == 0


def test_generate_is_the_same_with_any_number_of_workers(tmp_path: Path) -> None:
    from kototieto.store.bulkwrite import write_customers
    from kototieto.synthetic.generator import CustomerSource

    write_customers(tmp_path / "one", 12, CustomerSource(8, TODAY), jobs=1)
    write_customers(tmp_path / "two", 12, CustomerSource(8, TODAY), jobs=2)
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*.yaml")}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*.yaml")}
    assert one == two and len(one) > 12


def test_generate_refuses_a_folder_with_records(tmp_path: Path) -> None:
    assert (
        _koto("generate", "--customers", "2", "--out", str(tmp_path), "--today", "2026-11-28").exit_code == 0
    )
    before = sorted(p.name for p in tmp_path.rglob("*"))
    argv = ("generate", "--customers", "2", "--out", str(tmp_path), "--today", "2026-11-28")
    proc = _run_koto("--lang", "en", *argv)
    assert proc.returncode == 2 and "already holds records" in proc.stderr, proc.stderr
    proc = _run_koto("--lang", "fi", *argv)
    assert proc.returncode == 2 and "on jo tietueita" in proc.stderr, proc.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_generate_refuses_a_bad_organisation_and_writes_nothing(tmp_path: Path) -> None:
    proc = _run_koto("generate", "--customers", "2", "--out", str(tmp_path / "x"), "--organisation", "999")
    assert proc.returncode == 2 and "999" in proc.stderr
    assert not (tmp_path / "x").exists()


def test_check_reports_file_line_field_and_exits_5(tmp_path: Path) -> None:
    out = tmp_path / "data"
    assert (
        _koto(
            "generate", "--customers", "6", "--seed", "2", "--out", str(out), "--today", "2026-11-28"
        ).exit_code
        == 0
    )
    review = next(out.glob("customers/*/*/rev-*.yaml"), None) or next(out.glob("customers/*/*/pln-*.yaml"))
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("\ndate: ", "\ndate: 2024-02-30\nx_date: ", 1), encoding="utf-8")
    broken = tmp_path / "loose.yaml"
    broken.write_text("kind: guidance\nid: x\n: bad\n", encoding="utf-8")
    proc = _run_koto("check", str(review), str(broken), "--json", "--lang", "en")
    assert proc.returncode == 5, proc.stderr
    report = json.loads(proc.stdout)
    by_file = {(i["file"], i["field"]) for i in report["issues"]}
    assert (str(broken), "") in by_file
    assert any(f == str(review) and field in ("date", "x_date") for f, field in by_file)
    line = next(i["line"] for i in report["issues"] if i["file"] == str(review))
    assert line is not None and line > 1
    # Only the file asked for is reported; its folder gives the cross-record context.
    assert {i["file"] for i in report["issues"]} == {str(review), str(broken)}
    assert not any(i["rule"] == "record-references" for i in report["issues"])


def test_generate_clean_writes_data_without_warnings(tmp_path: Path) -> None:
    from kototieto.store.bulkwrite import write_customers
    from kototieto.synthetic.generator import CustomerSource

    write_customers(tmp_path / "clean", 60, CustomerSource(3, TODAY, clean=True), jobs=1)
    write_customers(tmp_path / "real", 60, CustomerSource(3, TODAY), jobs=1)
    clean = json.loads(_run_koto("check", str(tmp_path / "clean"), "--json").stdout)
    real = json.loads(_run_koto("check", str(tmp_path / "real"), "--json").stdout)
    assert clean["errors"] == real["errors"] == 0
    assert clean["warnings"] == 0
    assert real["warnings"] > 0


def not_info(found: list[Any]) -> list[Any]:
    """Cross-record problems that are more than information for the reviewer."""
    return [(rid, p) for rid, p in found if p.severity is not Severity.INFO]
