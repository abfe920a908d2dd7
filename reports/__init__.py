"""Reports over a data repository: due reviews, completeness, statistics, fill rates, charts.

Each report is a pure function of records (``due_report``, ``completeness_report``,
``stats_report``) or of a repository (``fill_rate_report``), returning an object with
``to_json()`` and ``tables(lang)``; ``load.load_repository`` reads the records. The CLI
(``koto report``), the demo and the site's front page charts (``charts``) all call these.
"""

from __future__ import annotations

from kototieto.reports.completeness import CompletenessReport, completeness_report, default_since
from kototieto.reports.due import DueReport, due_report
from kototieto.reports.load import RepoRecords, load_repository
from kototieto.reports.stats import StatsReport, stats_report
from kototieto.reports.tables import Table

__all__ = [
    "CompletenessReport",
    "DueReport",
    "RepoRecords",
    "StatsReport",
    "Table",
    "completeness_report",
    "default_since",
    "due_report",
    "load_repository",
    "stats_report",
]
