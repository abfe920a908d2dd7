"""Records written in an older schema version are migrated on read."""

from __future__ import annotations

from kototieto.model.migrations import CURRENT_SCHEMA_VERSION, MIGRATIONS, migrate
from kototieto.model.records import parse_record, record_to_data
from kototieto.model.validation import validate_data
from tests.model import records as r

# A version-1 assessment as the memo named D1.03 ("expert assessments obtained").
V1_ASSESSMENT = {
    **r.assessment(),
    "schema_version": 1,
    "expert_assessments": [{"kind": "language-skills-assessment", "planned_date": "2025-04-01"}],
}


def test_every_version_below_current_has_a_migration() -> None:
    assert set(MIGRATIONS) == set(range(1, CURRENT_SCHEMA_VERSION))


def test_a_version_one_record_is_migrated_and_valid() -> None:
    migrated = migrate(V1_ASSESSMENT)
    assert migrated["schema_version"] == CURRENT_SCHEMA_VERSION
    assert "expert_assessments" not in migrated
    assert migrated["specifying_measures"][0]["kind"] == "language-skills-assessment"
    assert V1_ASSESSMENT["schema_version"] == 1  # the input is not changed in place
    result = validate_data(V1_ASSESSMENT)
    assert result.ok, [p.message("en") for p in result.problems]
    record = parse_record(V1_ASSESSMENT)
    assert record_to_data(record)["schema_version"] == CURRENT_SCHEMA_VERSION


def test_unknown_newer_version_is_reported_not_guessed() -> None:
    result = validate_data({**r.assessment(), "schema_version": CURRENT_SCHEMA_VERSION + 1})
    assert not result.ok
    assert [p.dotted_path for p in result.problems] == ["schema_version"]


def test_record_to_data_round_trips_and_keeps_file_order() -> None:
    data = r.plan(annulment={"date": "2025-05-01", "reason": "Virhe."})
    record = parse_record(data)
    out = record_to_data(record)
    assert list(out)[:3] == ["kind", "id", "schema_version"]
    assert list(out)[-1] == "annulment"
    assert parse_record(out) == record
