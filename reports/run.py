"""One call per report over a repository: what ``koto report`` and the demo call.

Each function opens the repository, reads its records (``load.load_repository``) and its rule
parameters (``koto.yaml`` overrides), and returns the report object (``to_json()``, ``tables()``).
Every report reads the same revision: the branch head, or the working tree with ``worktree=True``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from kototieto.reports.completeness import CompletenessReport, completeness_report
from kototieto.reports.due import DueReport, due_report
from kototieto.reports.fillrates import FillRateReport, fill_rate_report
from kototieto.reports.load import load_repository
from kototieto.reports.stats import StatsReport, stats_report
from kototieto.reports.tables import Table
from kototieto.store.extensions import repository_extensions

REPORTS = ("due", "completeness", "stats", "fill-rates")


class Report(Protocol):
    def to_json(self) -> dict[str, object]: ...

    def tables(self, lang: str = "fi") -> list[Table]: ...


def due(
    repo: Path | str,
    *,
    today: dt.date | None = None,
    days: int = 30,
    names: bool = True,
    worktree: bool = False,
) -> DueReport:
    loaded = load_repository(repo, worktree=worktree)
    return due_report(
        loaded.records(), today=today or dt.date.today(), days=days, params=loaded.params, names=names
    )


def completeness(
    repo: Path | str, *, since: dt.date | None = None, until: dt.date | None = None, worktree: bool = False
) -> CompletenessReport:
    loaded = load_repository(repo, worktree=worktree)
    return completeness_report(loaded.records(), since=since, until=until, params=loaded.params)


def stats(repo: Path | str, *, today: dt.date | None = None, worktree: bool = False) -> StatsReport:
    loaded = load_repository(repo, worktree=worktree)
    return stats_report(
        loaded.records(annulled=True),
        today=today or dt.date.today(),
        params=loaded.params,
        extensions=repository_extensions(loaded.root),
    )


def fill_rates(repo: Path | str, *, worktree: bool = False) -> FillRateReport:
    return fill_rate_report(repo, worktree=worktree)
