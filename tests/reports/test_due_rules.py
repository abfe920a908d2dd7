"""The due report's rules on hand-edited records: which date counts, who is responsible, what is left out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kototieto.model.records import Record, parse_record, record_to_data
from kototieto.reports.due import DUE, ENDING, OVERDUE, due_report
from kototieto.synthetic.generator import generate_dataset

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def base() -> tuple[dict[str, Any], dict[str, Any]]:
    """An integration plan and a review of it (data), from the synthetic generator."""
    records = generate_dataset(30, 99, TODAY, organisation="905")
    plan = next(r for r in records if r.kind == "integration-plan")
    review = next(r for r in records if r.kind == "review" and getattr(r, "plan", None) == plan.id)
    return record_to_data(plan), record_to_data(review)


def _plan(base: Any, **changes: Any) -> dict[str, Any]:
    data = dict(base[0])
    data.update(changes)
    data.setdefault("period", {})
    data["period"] = {"start": "2026-06-01", "end": "2027-05-31", **changes.get("period", {})}
    return data


def _review(base: Any, plan: dict[str, Any], **changes: Any) -> dict[str, Any]:
    data = {k: v for k, v in base[1].items() if k not in ("plan_ended", "extension", "plan_switch")}
    data.update({"plan": plan["id"], "customer": plan["customer"], "date": "2026-10-01"})
    data.update(changes)
    return data


def _report(*datas: dict[str, Any], days: int = 30) -> Any:
    records: list[Record] = [parse_record(d) for d in datas]
    return due_report(records, today=TODAY, days=days)


def _only(report: Any, status: str) -> list[Any]:
    return [i for i in report.items if i.status == status]


def test_first_review_in_the_past_is_overdue(base: Any) -> None:
    plan = _plan(base, first_review="2026-11-01")
    report = _report(plan)
    (item,) = _only(report, OVERDUE)
    assert (item.date, item.days, item.estimated) == (dt.date(2026, 11, 1), -27, False)
    assert item.official == plan["drawn_up_by"][0]["name"]


def test_last_review_sets_the_next_date_and_the_official(base: Any) -> None:
    plan = _plan(base, first_review="2026-09-01")
    other = dict(base[1]["drawn_up_by"][0], name="Kaarina Testinen")
    review = _review(base, plan, next_review="2026-12-08", drawn_up_by=[other])
    report = _report(plan, review)
    assert _only(report, OVERDUE) == []
    (item,) = _only(report, DUE)
    assert (item.date, item.official) == (dt.date(2026, 12, 8), "Kaarina Testinen")
    assert report.by_official() == {"Kaarina Testinen": {OVERDUE: 0, DUE: 1, ENDING: 0}}


def test_an_annulled_review_does_not_count(base: Any) -> None:
    plan = _plan(base, first_review="2026-11-01")
    review = _review(
        base, plan, next_review="2027-03-01", annulment={"date": "2026-10-02", "reason": "Väärä."}
    )
    assert len(_only(_report(plan, review), OVERDUE)) == 1


def test_extension_moves_the_end_and_ending_moves_it_back(base: Any) -> None:
    plan = _plan(base, first_review="2027-02-01", period={"end": "2026-12-01"})
    assert [i.date for i in _only(_report(plan), ENDING)] == [dt.date(2026, 12, 1)]
    ext = _review(
        base,
        plan,
        next_review="2027-02-01",
        extension={"new_end": "2027-06-30", "ground": "literacy-training"},
    )
    assert _only(_report(plan, ext), ENDING) == []
    end = _review(
        base,
        plan,
        id="rev-20261101-ended",
        date="2026-11-01",
        next_review=None,
        plan_ended={"date": "2026-12-20", "ground": "employed"},
    )
    end = {k: v for k, v in end.items() if v is not None}
    assert [i.date for i in _only(_report(plan, ext, end), ENDING)] == [dt.date(2026, 12, 20)]


def test_a_replaced_or_ended_plan_is_not_due(base: Any) -> None:
    old = _plan(base, first_review="2026-11-01")
    new = _plan(
        base,
        id="pln-20261120-newplan1",
        date="2026-11-20",
        previous_plan=old["id"],
        first_review="2027-04-01",
    )
    new["period"] = {"start": "2026-11-20", "end": "2027-11-19"}
    report = _report(old, new)
    assert [i.plan for i in report.items] == []
    past = _plan(base, first_review="2026-11-01", period={"start": "2025-06-01", "end": "2026-05-31"})
    assert _report(past).items == [] and _report(past).active_plans == 0


def test_without_any_review_date_the_interval_is_estimated(base: Any) -> None:
    plan = _plan(base)
    plan.pop("first_review", None)
    plan["period"] = {"start": "2026-06-10", "end": "2027-06-09"}
    (item,) = _report(plan, days=30).items
    assert (item.status, item.date, item.estimated) == (DUE, dt.date(2026, 12, 10), True)


def test_a_plan_that_starts_later_is_included(base: Any) -> None:
    plan = _plan(base, first_review="2026-12-10", period={"start": "2027-01-15", "end": "2027-12-31"})
    report = _report(plan)
    assert (report.active_plans, report.upcoming_plans) == (0, 1)
    (item,) = report.items
    assert (item.status, item.date) == (DUE, dt.date(2026, 12, 10))


def test_no_review_after_the_plan_ended_or_was_referred(base: Any) -> None:
    plan = _plan(base, first_review="2026-09-01")
    ended = _review(
        base, plan, next_review="2026-12-01", plan_ended={"date": "2027-01-15", "ground": "employed"}
    )
    assert [i.status for i in _report(plan, ended, days=30).items] == []  # ends after the window
    assert [i.status for i in _report(plan, ended, days=60).items] == [ENDING]
    referred = _review(base, plan, next_review="2026-12-01", employment_referral={"date": "2026-10-01"})
    assert _only(_report(plan, referred), DUE) == []


def test_names_are_shown_unless_left_out(base: Any) -> None:
    plan = _plan(base, first_review="2026-12-01")
    customer = {
        "kind": "customer",
        "id": plan["customer"],
        "organisation": plan["organisation"],
        "date": "2026-01-10",
        "identifier": {"type": "personal-identity-code", "value": "010190-900P"},
        "first_names": "Testi Amina",
        "last_name": "Keksitty",
        "date_of_birth": "1990-01-01",
        "native_language": "ar",
        "citizenships": ["SY"],
        "home_municipality": "905",
    }
    records = [parse_record(customer), parse_record(plan)]
    named = due_report(records, today=TODAY)
    assert named.items[0].name == "Testi Amina Keksitty"
    (table, _) = named.tables("fi")
    assert "name" in [k for k, _ in table.columns] and table.rows[0]["name"] == "Testi Amina Keksitty"
    anonymous = due_report(records, today=TODAY, names=False)
    assert anonymous.items[0].name == ""
    assert "name" not in [k for k, _ in anonymous.tables("fi")[0].columns]
    assert "Keksitty" not in str(anonymous.to_json())


def test_nothing_due_says_so(base: Any) -> None:
    plan = _plan(base, first_review="2027-04-01")
    report = _report(plan)
    assert report.items == []
    for lang, words in (("fi", "Ei erääntyviä"), ("sv", "Inga översyner"), ("en", "No reviews due")):
        table = report.tables(lang)[0]
        assert table.rows == [] and table.empty.startswith(words)
