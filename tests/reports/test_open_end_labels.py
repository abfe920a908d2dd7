"""A pilot's open-end service kind (905-digital-mentoring) prints with its label in the stats report
(tables and JSON) and in the services chart and its text alternative, never as the raw code."""

from __future__ import annotations

import datetime as dt

import yaml

from kototieto.model.extensions import SourceDoc, parse_definitions
from kototieto.reports.charts import front_page_charts
from kototieto.reports.stats import stats_report
from kototieto.store.extensions.example import example_text
from tests.model import records as R

LABELS = {"fi": "Digimentorointi", "sv": "Digitalt mentorskap", "en": "Digital mentoring"}
CODE = "905-digital-mentoring"


def test_open_end_code_has_its_label_in_stats_and_charts() -> None:
    ext = parse_definitions([SourceDoc("905-digital-skills.yaml", yaml.safe_load(example_text("905")))])
    measure = {
        "service_kind": CODE,
        "description": "Digitaitojen ohjaus",
        "organiser": {"type": "municipality"},
    }
    plan = R.plan(measures=[*R.plan()["measures"], measure])
    records = [ext.parse(R.customer()), ext.parse(R.assessment()), ext.parse(plan)]
    stats = stats_report(records, today=dt.date(2025, 12, 1), extensions=ext)
    assert stats.service_kinds[CODE] == (1, 1)
    data = stats.to_json()
    (row,) = [r for r in data["service_kinds"] if r["service_kind"] == CODE]
    assert row["label"] == LABELS
    for lang, label in LABELS.items():
        table = next(t for t in stats.tables(lang) if t.name == "service_kinds")
        (cell,) = [r for r in table.rows if r["code"] == CODE]
        assert cell["service_kind"] == label
        chart = next(c for c in front_page_charts(stats, lang) if c.name == "services")
        assert label in chart.svg and label in chart.alt
        assert CODE not in chart.alt
