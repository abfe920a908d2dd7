"""Reports on a real repository of synthetic records, each figure checked against an independent count.

The oracle reads the records with PyYAML from ``git`` output and counts in plain dictionaries
(``_support``); the reports read them with the store's loader and the model.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kototieto.model.catalogue import catalogue_json
from kototieto.model.rules import add_months
from kototieto.reports import run
from kototieto.reports.charts import front_page_charts
from kototieto.reports.load import load_repository

_spec = importlib.util.spec_from_file_location("reports_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(support)

TODAY = support.TODAY
PLAN_KINDS = ("integration-plan", "multisectoral-plan", "family-plan")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("reports")
    with support.hermetic_env(root):
        path = support.make_repo(root / "repo", customers=14)
        # one annulled record, through the store, so that every report has something to leave out
        from kototieto.store.store import Store

        records = support.read_records(path)
        target = next(r for r in records if r["kind"] == "guidance" and not r.get("annulment"))
        Store.open(path).annul(
            target["id"], "Kirjattu väärälle asiakkaalle.", on=TODAY, author="T <t@example.org>"
        )
        yield path, support.read_records(path)


def test_stats_match_independent_counts(repo: Any) -> None:
    path, records = repo
    alive = support.live(records)
    report = run.stats(path, today=TODAY).to_json()
    assert report["records"] == len(alive)
    assert report["annulled"] == len(records) - len(alive) >= 1
    assert report["by_kind"] == dict(Counter(r["kind"] for r in alive))
    assert report["customers"] == len({r.get("customer", r["id"]) for r in alive})
    months = Counter(r["date"][:7] for r in alive)
    assert {m: sum(c.values()) for m, c in report["by_month"].items()} == dict(months)
    assert report["employment_referrals"] == sum(1 for r in alive if "employment_referral" in r)

    plans = {r["id"]: r for r in alive if r["kind"] in PLAN_KINDS}
    reviews = sorted((r for r in alive if r["kind"] == "review"), key=lambda r: (r["date"], r["id"]))
    extended = {r["plan"] for r in reviews if "extension" in r and r["plan"] in plans}
    assert report["outcomes"]["extended"] == len(extended)
    first_end: dict[str, str] = {}
    for r in reviews:
        if "plan_ended" in r and r["plan"] in plans:
            first_end.setdefault(r["plan"], r["plan_ended"]["ground"])
    assert report["outcomes"]["ended_by_ground"] == dict(Counter(first_end.values()))
    services = Counter(m["service_kind"] for p in plans.values() for m in p.get("measures", []))
    assert {s["service_kind"]: s["measures"] for s in report["service_kinds"]} == dict(services)

    assessments = [r for r in alive if r["kind"] in ("assessment", "multisectoral-assessment")]
    by_id = {a["id"]: a for a in assessments}
    days = []
    for p in plans.values():
        a = by_id.get(p.get("assessment", ""))
        if a is None:
            earlier = [x for x in assessments if x["customer"] == p["customer"] and x["date"] <= p["date"]]
            a = max(earlier, key=lambda x: (x["date"], x["id"])) if earlier else None
        if a is not None:
            days.append((support.day(p["date"]) - support.day(a["date"])).days)
    assert days, "the fixture has plans based on assessments"
    assert report["median_days_assessment_to_plan"] == statistics.median(days)

    due_first = in_time = 0
    for pid, p in plans.items():
        start = support.day(p["period"]["start"]) if "period" in p else support.day(p["date"])
        deadline = add_months(start, 6)
        if deadline <= TODAY:
            due_first += 1
            if any(r["plan"] == pid and support.day(r["date"]) <= deadline for r in reviews):
                in_time += 1
    assert (report["plans_due_first_review"], report["plans_reviewed_in_time"]) == (due_first, in_time)


def test_stats_kind_columns_are_named_in_the_language(repo: Any) -> None:
    """Review 2026-12-newcomer C2: the per-organisation and per-month tables head their kind
    columns with short names in fi/sv (the keys, used by CSV scripts and JSON, stay the codes)."""
    from kototieto.model.records import RECORD_KINDS
    from kototieto.reports.stats import KIND_HEADERS

    assert set(KIND_HEADERS) == set(RECORD_KINDS)
    path, _ = repo
    report = run.stats(path, today=TODAY)
    for lang in ("fi", "sv"):
        for table in (t for t in report.tables(lang) if t.name in ("organisations", "months")):
            kind_columns = [(k, h) for k, h in table.columns if k in RECORD_KINDS]
            assert kind_columns, table.name
            for key, header in kind_columns:
                assert header == KIND_HEADERS[key].get(lang) and header != key, (lang, key, header)
    plan = dict(next(t for t in report.tables("fi") if t.name == "months").columns)["integration-plan"]
    assert plan == "Kotoutumissuunnitelma"


@pytest.mark.parametrize("days", [0, 30, 120])
def test_due_matches_independent_counts(repo: Any, days: int) -> None:
    path, records = repo
    report = run.due(path, today=TODAY, days=days).to_json()
    expected = support.oracle_due(records, days)
    assert report["counts"] == {
        k: expected.get(k, 0) for k in ("review-overdue", "review-due", "plan-ending")
    }
    per = report["by_official"]
    assert sum(sum(c.values()) for c in per.values()) == len(report["items"])
    assert all(item["official"] for item in report["items"])


def test_due_finds_something_to_do(repo: Any) -> None:
    path, _ = repo
    assert len(run.due(path, today=TODAY, days=120).items) > 0


def test_due_cli_names_and_nothing_due(repo: Any) -> None:
    path, records = repo
    names = {
        f"{r['first_names']} {r['last_name']}"
        for r in records
        if r["kind"] == "customer" and not r.get("annulment")
    }
    done = support.koto(path, "report", "due", "--days", "120", "--today", TODAY.isoformat(), "--json")
    items = json.loads(done.stdout)["items"]
    assert items and all(i["name"] in names for i in items)
    done = support.koto(
        path, "report", "due", "--days", "120", "--today", TODAY.isoformat(), "--no-names", "--json"
    )
    assert all(i["name"] == "" for i in json.loads(done.stdout)["items"])
    # long before any record: nothing due, and the report says so instead of an empty table
    done = support.koto(path, "report", "due", "--days", "0", "--today", "2020-01-01", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "No reviews due and no plans ending" in done.stdout


def test_completeness_default_period_and_since(repo: Any) -> None:
    path, records = repo
    default = run.completeness(path).to_json()
    assert default["since"] == "2027-01-01"
    assert default["records"] == sum(1 for r in support.live(records) if r["date"] >= "2027-01-01") == 0

    shall: dict[str, list[str]] = {}
    for f in catalogue_json()["fields"]:
        if f["obligation"] == "shall" and not f["nested"]:
            for kind in f["kinds"]:
                shall.setdefault(kind, []).append(f["path"])
    since = "2025-06-01"
    counted = [r for r in support.live(records) if r["date"] >= since]

    def exempt(r: dict[str, Any]) -> set[str]:  # the model's documented exemption: an ended plan
        return {"next_review"} if r["kind"] == "review" and "plan_ended" in r else set()

    missing = {
        r["id"]: [f for f in shall[r["kind"]] if r.get(f) in (None, "") and f not in exempt(r)]
        for r in counted
    }
    report = run.completeness(path, since=dt.date.fromisoformat(since)).to_json()
    assert report["records"] == len(counted)
    assert report["missing_items"] == sum(len(v) for v in missing.values())
    assert {g["id"]: g["missing"] for g in report["records_missing"]} == {
        k: v for k, v in missing.items() if v
    }
    by_kind = Counter(r["kind"] for r in counted)
    assert {k: v["records"] for k, v in report["by_kind"].items()} == dict(by_kind)


def _filled(value: Any, parts: list[str]) -> bool:
    if isinstance(value, list):
        return any(_filled(v, parts) for v in value)
    if not parts:
        return value not in (None, "", [], {})
    return isinstance(value, dict) and parts[0] in value and _filled(value[parts[0]], parts[1:])


@pytest.mark.parametrize(
    "path_",
    ["goals", "measures.organiser.type", "measures.end", "extension.new_end", "drawn_up_by.email", "date"],
)
def test_fill_rates_match_independent_counts(repo: Any, path_: str) -> None:
    path, records = repo
    entry = next(f for f in catalogue_json()["fields"] if f["path"] == path_)
    mine = [r for r in support.live(records) if r["kind"] in entry["kinds"]]
    filled = sum(1 for r in mine if _filled(r, path_.split(".")))
    got = run.fill_rates(path).get(path_)
    assert (got.filled, got.records) == (filled, len(mine))
    for kind, (k_filled, k_total) in got.by_kind.items():
        of_kind = [r for r in mine if r["kind"] == kind]
        assert (k_filled, k_total) == (sum(1 for r in of_kind if _filled(r, path_.split("."))), len(of_kind))


def test_cli_json_csv_and_table(repo: Any) -> None:
    path, records = repo
    done = support.koto(path, "report", "stats", "--json", "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["records"] == len(support.live(records))
    done = support.koto(
        path,
        "report",
        "due",
        "--csv",
        "--csv-dialect",
        "plain",
        "--table",
        "officials",
        "--days",
        "120",
        "--today",
        TODAY.isoformat(),
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert rows and set(rows[0]) == {"official", "overdue", "due", "ending"}
    done = support.koto(
        Path("/"), "report", "completeness", "-C", str(path), "--since", "2025-01-01", "--lang", "en"
    )
    assert done.returncode == 0, done.stderr
    assert "Per record kind" in done.stdout and "Per record" in done.stdout
    done = support.koto(path, "report", "fill-rates", "--csv", "--csv-dialect", "plain")
    assert (
        done.stdout.splitlines()[0] == "path,label,kinds,obligation,obligation_code,filled,records,rate_pct"
    )


def test_cli_errors(repo: Any, tmp_path: Path) -> None:
    path, _ = repo
    assert support.koto(path, "report", "stats", "--json", "--csv").returncode == 2
    assert support.koto(path, "report", "completeness", "--since", "31.2.2027").returncode == 2  # no such day
    # a Finnish date is read as one (d.m.yyyy), like ISO
    assert support.koto(path, "report", "completeness", "--since", "1.1.2027").returncode == 0
    assert support.koto(path, "report", "stats", "--csv", "--table", "nosuch").returncode == 2
    assert support.koto(tmp_path, "report", "due").returncode == 4


def test_unreadable_files_are_listed_not_dropped(tmp_path: Path) -> None:
    from kototieto.store import gitcommit, layout
    from kototieto.store.repository import Repository

    with support.hermetic_env(tmp_path):
        path = support.make_repo(tmp_path / "repo", customers=2)
        good = len(support.read_records(path))
        bad = layout.record_path("c-broken", "gdn-broken")
        gitcommit.commit_changes(Repository.open(path), {bad: b"kind: guidance\nid: [unclosed\n"}, "bad file")
        loaded = load_repository(path)
    assert [p for p, _ in loaded.unreadable] == [bad]
    assert len(loaded.items) == good


def test_charts_are_svg_with_text_alternatives(repo: Any) -> None:
    path, records = repo
    stats = run.stats(path, today=TODAY)
    charts = front_page_charts(stats, "en")
    assert [c.name for c in charts] == ["months", "kinds", "outcomes", "services"]
    for chart in charts:
        root = ET.fromstring(
            chart.svg.split("?>", 1)[1].split(">", 1)[1] if chart.svg.startswith("<?xml") else chart.svg
        )
        ns = "{http://www.w3.org/2000/svg}"
        assert root.tag == f"{ns}svg" and root.get("role") == "img"
        assert [root[0].tag, root[1].tag] == [f"{ns}title", f"{ns}desc"]
        assert root.get("aria-labelledby") == f"{root[0].get('id')} {root[1].get('id')}"
        assert root[1].text == chart.alt and root[0].text == chart.title
    kinds = charts[1].alt
    for kind, n in Counter(r["kind"] for r in support.live(records)).items():
        from kototieto.model.catalogue import kind_label

        assert f"{kind_label(kind, 'en')}: {n}" in kinds
    assert front_page_charts(stats, "en")[0].svg == charts[0].svg  # deterministic
    assert front_page_charts(stats, "sv")[1].title == "Poster per typ"
