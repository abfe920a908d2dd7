"""A repository chooses its record kinds (koto.yaml ``kinds``), and koto.yaml is strict YAML 1.2.

Review 2026-12 H2: until the effect of Act 1100/2024 is confirmed, a repository may leave out the
memo-only kinds; a write of a kind it has not enabled is refused with the reason.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kototieto.errors import InvalidInputError, InvalidRecordError
from kototieto.model.records import RECORD_KINDS
from kototieto.model.rules import ALL_KINDS, RuleParams
from kototieto.model.validation import validate_data
from kototieto.store.repository import CONFIG_FILE, parse_config
from kototieto.store.scaffold import init_repository
from kototieto.store.store import Store
from tests.model import records as r

BASE = "format_version: 1\norganisation: {type: municipality, code: '091', name: Testikunta}\n"


def test_the_rules_table_knows_every_record_kind() -> None:
    assert tuple(RECORD_KINDS) == ALL_KINDS
    row = next(p for p in RuleParams().table() if p["name"] == "record_kinds")
    assert row["value"] == list(RECORD_KINDS)
    assert "1100/2024" in row["source"] and "HE 192/2024" in row["source"]


def test_a_kind_left_out_is_refused_with_the_reason() -> None:
    params = RuleParams.from_overrides({"record_kinds": ["customer", "assessment", "integration-plan"]})
    result = validate_data(
        r.plan(kind="family-plan", family_members=[{"name": "Omar", "relation": "child"}]), params
    )
    (problem,) = [p for p in result.problems if p.rule == "kind-enabled"]
    assert not result.ok and problem.path == ("kind",)
    assert "koto.yaml" in problem.message("en") and "1100/2024" in problem.message("en")
    assert "perheen kotoutumissuunnitelma" in problem.message("fi")
    assert validate_data(r.plan(), params).ok
    # every kind is enabled by default
    assert not [p for p in validate_data(r.plan(kind="family-plan")).problems if p.rule == "kind-enabled"]


@pytest.mark.parametrize(
    ("kinds", "message"),
    [
        ("[assessment]", "customer kind cannot be left out"),
        ("[customer, family-plans]", "unknown record kind 'family-plans'"),
        ("customer", "a list of record kinds"),
    ],
)
def test_bad_kinds_in_koto_yaml_name_the_key(kinds: str, message: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_config(BASE + f"kinds: {kinds}\n")
    assert message in info.value.localized("en")
    assert info.value.localized("sv").startswith(
        "koto.yaml: kinds: "
    ) and message not in info.value.localized("sv")


def test_kinds_reach_the_rule_parameters() -> None:
    config = parse_config(BASE + "kinds: [integration-plan, customer]\n")
    assert config.kinds == ("customer", "integration-plan")
    params = RuleParams.from_overrides(config.rules)
    assert params.kind_enabled("integration-plan") and not params.kind_enabled("multisectoral-plan")
    assert parse_config(BASE).kinds is None


@pytest.mark.parametrize("word", ["yes", "on", "y", "True1"])
def test_koto_yaml_is_yaml_1_2_so_yes_or_on_never_switch_real_identity_codes_on(word: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_config(BASE + f"allow_real_identity_codes: {word}\n")
    assert "allow_real_identity_codes: true or false" in info.value.localized("en")
    assert "allow_real_identity_codes: true tai false" in info.value.localized("fi")
    assert parse_config(BASE + "allow_real_identity_codes: true\n").allow_real_identity_codes is True


def test_koto_yaml_refuses_duplicate_keys_with_the_line() -> None:
    with pytest.raises(InvalidInputError) as info:
        parse_config(BASE + "languages: [fi]\nlanguages: [sv]\n", CONFIG_FILE)
    assert "duplicate key" in info.value.localized("en")
    assert info.value.location is not None and info.value.location.line == 4


@pytest.fixture()
def hermetic_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    cfg = home / ".gitconfig"
    cfg.write_text("[user]\n\tname = Testi\n\temail = testi@example.org\n[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(cfg))
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def test_a_store_write_of_a_kind_not_enabled_is_refused_and_nothing_is_committed(hermetic_git: Path) -> None:
    root = hermetic_git / "kunta"
    init_repository(root, organisation_code="091", name="Testikunta")
    cfg = root / CONFIG_FILE
    cfg.write_text(cfg.read_text(encoding="utf-8") + "kinds: [customer, assessment, integration-plan]\n")
    store = Store.open(root)
    store.save(r.customer(), message="asiakas")
    head = os.popen(f"git -C {root} rev-parse HEAD").read().strip()
    family = r.plan(
        kind="family-plan", id="pln-00000002", family_members=[{"name": "Omar", "relation": "child"}]
    )
    family.pop("assessment")
    with pytest.raises(InvalidRecordError) as info:
        Store.open(root).save(family, message="perhe")
    rules = [getattr(p, "rule", None) for p in info.value.problems]
    assert rules == ["kind-enabled"], info.value.problems
    assert os.popen(f"git -C {root} rev-parse HEAD").read().strip() == head
