"""Every problem of a record in one round (review 2026-12-newcomer A1): a reference to a record
that does not exist is named beside the schema errors, and a repository with pilot extensions runs
the rules beside the schema errors as the national model does. The one pipeline every write uses."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from kototieto.model.extensions import SourceDoc, parse_definitions
from kototieto.model.rules import RuleParams
from kototieto.store.bulkload import fast_load
from kototieto.store.pipeline import Rules, check
from tests.model import records as r

_spec = importlib.util.spec_from_file_location(
    "ext_support", Path(__file__).parents[1] / "extensions" / "_support.py"
)
assert _spec and _spec.loader
EXT: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(EXT)


def _found(data: dict[str, Any], rules: Rules, others: list[dict[str, Any]]) -> set[tuple[str, str]]:
    from kototieto.store.layout import record_path

    rel = record_path(str(data["customer"]), str(data["id"]))
    return {(".".join(str(p) for p in f.path), f.rule) for f in check(data, rules, rel=rel, others=others)}


def test_a_missing_reference_comes_with_the_schema_errors() -> None:
    others = [r.customer(), r.assessment()]
    broken = r.plan(assessment="asm-00000002")
    broken["period"] = {"start": "1.4.2025", "end": "2026-03-31"}
    found = _found(broken, Rules.national(), others)
    assert ("period.start", "schema") in found
    assert ("assessment", "record-references") in found  # not only after the date is fixed
    ok_ref = r.plan()
    ok_ref["period"] = {"start": "1.4.2025", "end": "2026-03-31"}
    assert ("assessment", "record-references") not in _found(ok_ref, Rules.national(), others)
    no_customer = r.plan(customer="c-00000009")
    no_customer["period"] = {"start": "1.4.2025", "end": "2026-03-31"}
    assert ("customer", "record-references") in _found(no_customer, Rules.national(), others)
    bad_form = r.plan(assessment="ASM 2")  # its own schema problem is enough
    bad_form["period"] = {"start": "1.4.2025", "end": "2026-03-31"}
    assert [k for k in _found(bad_form, Rules.national(), others) if k[0] == "assessment"] == [
        ("assessment", "schema")
    ]


def test_with_pilot_extensions_rules_run_beside_the_schema_errors() -> None:
    ext = parse_definitions([SourceDoc("extensions/pilot.yaml", fast_load(EXT.DEFINITIONS, "pilot.yaml"))])
    others = [r.customer(), r.assessment()]
    plan = r.plan(period={"start": "2025-04-10", "end": "2027-10-09"})  # 30 months: a rule error
    plan["measures"] = [dict(plan["measures"][0], service_kind="integration-traning")]
    for rules in (Rules.national(), Rules(RuleParams(), ext)):
        found = _found(plan, rules, others)
        assert ("measures.0.service_kind", "schema") in found, rules.extensions
        assert ("period.end", "plan-duration") in found, (rules.extensions, found)
