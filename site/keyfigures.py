"""The front page's key figures (with ``--data``): the ``koto report stats`` figures as tables and charts.

Nothing is counted here. The figures are ``store.reports.run.stats`` (the very call behind
``koto report stats``), shown through the report's own ``tables(lang)``, so the page and the
report cannot disagree; the charts are ``store.reports.charts.front_page_charts``. This module only
picks the tables the front page shows, writes them as Markdown and embeds the charts as
``<figure><img alt=...><figcaption>``, the image files being ``assets/charts/<name>.svg`` of each
language build. The alt text is the chart's description, which carries the figures themselves.

Trade-offs: the statistics are read once per build (from the repository's branch head, as the
report does) and shared by every language; the charts are drawn per language (their labels are
translated), about a quarter of a second each. A plain folder of record files (no ``koto.yaml``)
has fill rates but no key figures: the report needs a data repository, and so does this section.
matplotlib is imported only when a build draws charts (by ``reports.charts``).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kototieto.errors import NoRepositoryError
from kototieto.reports import run
from kototieto.reports.charts import front_page_charts
from kototieto.site import fmt
from kototieto.site.i18n import tr

if TYPE_CHECKING:
    from kototieto.reports.charts import Chart
    from kototieto.reports.stats import StatsReport
    from kototieto.reports.tables import Cell, Table

#: The report's tables the front page shows, in this order (by month and by organisation are left
#: to the report and the months chart).
FRONT_TABLES = ("figures", "kinds", "outcomes", "service_kinds")
#: Where the chart files go in each language's docs (and so in its built site).
CHART_DIR = "assets/charts"
#: What an empty cell (a figure with no data, such as a median of nothing) shows.
NO_VALUE = "–"


def load_stats(repo: Path, today: dt.date | None = None, *, worktree: bool = False) -> StatsReport | None:
    """``koto report stats`` of ``repo`` as on ``today``; None for a plain folder of record files."""
    try:
        return run.stats(repo, today=today, worktree=worktree)
    except NoRepositoryError:
        return None


def charts(stats: StatsReport | None, lang: str) -> list[Chart]:
    """The front page's charts in ``lang`` (none without figures or without any record)."""
    if stats is None or not (stats.records or stats.annulled):
        return []

    return front_page_charts(stats, lang)


def chart_path(chart: Chart) -> str:
    """The chart's file, relative to the docs folder (and to the front page)."""
    return f"{CHART_DIR}/{chart.name}.svg"


def number(value: Cell, lang: str) -> str:
    """A cell as the page shows it: integers as they are, decimals with one digit (a decimal comma
    in Finnish and Swedish, no trailing ``,0``), nothing as a dash, text escaped."""
    if value is None:
        return NO_VALUE
    if isinstance(value, bool) or not isinstance(value, int | float):
        return fmt.esc(str(value).strip()) or NO_VALUE
    if isinstance(value, int):
        return str(value)
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang in ("fi", "sv") else text


def table_md(table: Table, lang: str) -> list[str]:
    """A report table as a Markdown table; numeric columns right-aligned."""
    keys = [k for k, _ in table.columns]
    numeric = {
        k for k in keys if any(isinstance(r.get(k), int | float) and r.get(k) is not True for r in table.rows)
    }
    out = [
        "| " + " | ".join(fmt.esc(header) for _, header in table.columns) + " |",
        "|" + "|".join("---:" if k in numeric else "---" for k in keys) + "|",
    ]
    for row in table.rows:
        out.append("| " + " | ".join(number(row.get(k), lang) for k in keys) + " |")
    return out


def figure_html(chart: Chart) -> str:
    """The chart as a raw HTML block: ``<figure>`` with the image, its alt text and its title."""
    return (
        f'<figure class="koto-chart" id="chart-{html.escape(chart.name)}">'
        f'<img src="{chart_path(chart)}" alt="{html.escape(chart.alt, quote=True)}">'
        f"<figcaption>{html.escape(chart.title)}"
        + (f'<br><span class="koto-chart-note">{html.escape(chart.note)}</span>' if chart.note else "")
        + "</figcaption></figure>"
    )


def section_md(stats: StatsReport, chart_list: Sequence[Chart], lang: str) -> list[str]:
    """The front page's "Key figures" section: the report's tables, then the charts."""
    out = [f"## {tr('home.figures', lang)} {{ #key-figures }}", ""]
    out += [tr("home.figures_intro", lang, date=fmt.date(stats.today, lang)), ""]
    if not (stats.records or stats.annulled):
        return [*out, tr("home.figures_none", lang), ""]
    tables = {t.name: t for t in stats.tables(lang)}
    for name in FRONT_TABLES:
        table = tables[name]
        if name != "figures":  # the section's heading and intro name the first table and its date
            out += [f"### {fmt.esc(table.title)} {{ #figures-{fmt.slug(name)} }}", ""]
        out += [*(table_md(table, lang) if table.rows else [NO_VALUE]), ""]
    if chart_list:
        out += [f"### {tr('home.charts', lang)} {{ #figures-charts }}", ""]
        for chart in chart_list:
            out += [figure_html(chart), ""]
    return out
