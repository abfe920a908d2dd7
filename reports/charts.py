"""Charts of the key figures for the catalogue site's front page: SVG strings with text alternatives.

``front_page_charts(stats, lang)`` returns ``Chart`` objects: ``svg`` is a complete SVG document
whose first children are ``<title>`` and ``<desc>`` (``role="img"`` and ``aria-labelledby`` point
to them), and ``alt`` is the same description as plain text for an ``<img alt>``. The description
carries the figures themselves, so a screen reader user gets the numbers, not "a bar chart".

Made with matplotlib's object API (``Figure``, no pyplot: no global state, the Agg/SVG backends
only), text kept as ``<text>`` (``svg.fonttype: none``: smaller, selectable) and deterministic
output (fixed hash salt, no date metadata): the same figures give byte-identical SVG.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kototieto.model.catalogue import code_label, kind_label
from kototieto.model.text import T
from kototieto.reports.load import load_repository
from kototieto.reports.stats import StatsReport, stats_report

#: Text at least 11 px: the site shows a chart at its own size (never scaled down on a phone).
_RC: Any = {"svg.hashsalt": "kototieto", "svg.fonttype": "none", "font.size": 11}
#: Long labels (Swedish kinds) wrap at this many characters instead of squeezing the plot.
_LABEL_WIDTH = 30
_COLORS = ("#1f5f8b", "#2e8b57", "#c07a12", "#8e3b8e", "#4d6d9a", "#a33c3c", "#5f7f2a", "#6b6b6b")


@dataclass(frozen=True)
class Chart:
    """A chart: its title is shown once, in the page's caption (the SVG carries it as ``<title>``)."""

    name: str  # file-name safe: "months", "kinds", "outcomes", "services"
    title: str
    alt: str
    svg: str
    note: str = ""  # a caveat the caption shows under the title (how to read the chart)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "alt": self.alt, "svg": self.svg, "note": self.note}


def _wrap(label: str) -> str:
    return "\n".join(textwrap.wrap(label, _LABEL_WIDTH)) or label


def month_label(month: str, lang: str) -> str:
    """``2025-01`` as people read it: ``1/2025`` in Finnish and Swedish, ``Jan 2025`` in English."""
    year, _, mm = month.partition("-")
    if not mm.isdigit():
        return month
    if lang == "en":
        names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
        return f"{names[int(mm) - 1]} {year}"
    return f"{int(mm)}/{year}"


def _with_text_alternative(svg: str, name: str, title: str, desc: str) -> str:
    """Put ``<title>`` and ``<desc>`` first in the root ``<svg>`` and label the root with them."""
    tid, did = f"chart-{name}-title", f"chart-{name}-desc"
    match = re.search(r"<svg\b[^>]*>", svg)
    assert match is not None, "matplotlib wrote no <svg> element"
    tag = match.group(0)
    labelled = tag[:-1] + f' role="img" aria-labelledby="{tid} {did}">'
    inner = f'\n <title id="{tid}">{html.escape(title)}</title>\n <desc id="{did}">{html.escape(desc)}</desc>'
    return svg[: match.start()] + labelled + inner + svg[match.end() :]


def _render(fig: Any) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context(_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _figure(width: float, height: float) -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _barh(name: str, title: str, intro: str, items: list[tuple[str, int]], note: str = "") -> Chart:
    import matplotlib

    labels = [_wrap(label) for label, _ in items][::-1]
    lines = sum(label.count("\n") + 1 for label in labels)
    with matplotlib.rc_context(_RC):
        fig = _figure(5.6, 0.6 + 0.22 * max(1, lines) + 0.12 * max(1, len(items)))
        ax = fig.add_subplot()
        values = [value for _, value in items][::-1]
        bars = ax.barh(range(len(items)), values, color=_COLORS[0])
        ax.set_yticks(range(len(items)), labels)
        ax.bar_label(bars, padding=3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.margins(x=0.15)
        svg = _render(fig)
    desc = intro + " " + "; ".join(f"{label}: {value}" for label, value in items) + "."
    if note:
        desc += " " + note
    return Chart(name, title, desc, _with_text_alternative(svg, name, title, desc), note)


_GROUPS = (
    (
        "assessments",
        ("assessment", "multisectoral-assessment"),
        T("Arvioinnit", "Bedömningar", "Assessments"),
    ),
    (
        "plans",
        ("integration-plan", "multisectoral-plan", "family-plan"),
        T("Suunnitelmat", "Planer", "Plans"),
    ),
    ("reviews", ("review",), T("Tarkistukset", "Översyner", "Reviews")),
    ("guidance", ("guidance",), T("Ohjaus ja neuvonta", "Vägledning och rådgivning", "Guidance")),
    ("customers", ("customer",), T("Asiakkaat", "Kunder", "Customers")),
)


def months_chart(stats: StatsReport, lang: str) -> Chart:
    """Records per month, stacked by group of kinds."""
    import matplotlib

    title = T("Kirjaukset kuukausittain", "Registreringar per månad", "Records per month").get(lang)
    months = list(stats.by_month)
    with matplotlib.rc_context(_RC):
        fig = _figure(5.6, 3.8)
        ax = fig.add_subplot()
        bottom = [0] * len(months)
        for i, (_, kinds, label) in enumerate(_GROUPS):
            values = [sum(stats.by_month[m].get(k, 0) for k in kinds) for m in months]
            color = _COLORS[7] if kinds == ("customer",) else _COLORS[i]
            ax.bar(range(len(months)), values, bottom=bottom, color=color, label=label.get(lang))
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        step = max(1, -(-len(months) // 6))  # at most six month labels, written flat
        ticks = list(range(0, len(months), step))
        ax.set_xticks(ticks, [month_label(months[i], lang) for i in ticks])
        ax.set_ylabel(T("Kirjauksia", "Registreringar", "Records").get(lang))
        ax.spines[["top", "right"]].set_visible(False)
        handles, names = ax.get_legend_handles_labels()
        # the legend lists the groups top-down in the order they are stacked (top of the stack first)
        fig.legend(handles[::-1], names[::-1], frameon=False, loc="outside lower center", ncols=2)
        svg = _render(fig)
    totals = {m: sum(stats.by_month[m].values()) for m in months}
    if totals:
        peak = max(totals, key=lambda m: (totals[m], m))
        first, last, top = (month_label(m, lang) for m in (months[0], months[-1], peak))
        desc = (
            T(
                f"Kirjauksia {first}–{last} yhteensä {sum(totals.values())}; eniten {top} ({totals[peak]}). ",
                f"Registreringar {first}–{last} totalt {sum(totals.values())}; flest {top} ({totals[peak]}). ",
                f"Records {first} to {last}: {sum(totals.values())} in all; most in {top} ({totals[peak]}). ",
            ).get(lang)
            + "; ".join(f"{month_label(m, lang)}: {n}" for m, n in totals.items())
            + "."
        )
    else:
        desc = T("Ei kirjauksia.", "Inga registreringar.", "No records.").get(lang)
    return Chart("months", title, desc, _with_text_alternative(svg, "months", title, desc))


def front_page_charts(stats: StatsReport, lang: str = "fi") -> list[Chart]:
    """The front page's charts in ``lang``: records per month, per kind, plan outcomes, services."""
    kinds = [(kind_label(k, lang), n) for k, n in stats.by_kind.items()]
    outcomes = [
        (T("Päättynyt: ", "Upphört: ", "Ended: ").get(lang) + code_label("plan-ending-ground", g, lang), n)
        for g, n in sorted(stats.ended_by_ground.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    outcomes.append((T("Pidennetty", "Förlängd", "Extended").get(lang), stats.extended))
    outcomes += [
        (T("Vaihdettu: ", "Bytt: ", "Switched: ").get(lang) + kind_label(k, lang), n)
        for k, n in sorted(stats.switched_to.items())
    ]
    services = [
        (stats.service_label(k, lang), m) for k, m, _ in stats.top_service_kinds(8)
    ]  # open-end codes too
    return [
        months_chart(stats, lang),
        _barh(
            "kinds",
            T("Tietueet lajeittain", "Poster per typ", "Records by kind").get(lang),
            T(
                "Voimassa olevia tietueita lajeittain:",
                "Gällande poster per typ:",
                "Records in force by kind:",
            ).get(lang),
            kinds,
        ),
        _barh(
            "outcomes",
            T("Suunnitelmien tulokset", "Planernas utfall", "Plan outcomes").get(lang),
            T("Suunnitelmia tuloksen mukaan:", "Planer efter utfall:", "Plans by outcome:").get(lang),
            outcomes,
            T(
                "Sama suunnitelma voi näkyä useammalla rivillä: esimerkiksi pidennetty ja sitten päättynyt.",
                "Samma plan kan räknas på flera rader: till exempel förlängd och sedan upphörd.",
                "One plan can count on more than one row: for example extended and then ended.",
            ).get(lang),
        ),
        _barh(
            "services",
            T(
                "Yleisimmät palvelut suunnitelmissa",
                "Vanligaste tjänsterna i planerna",
                "Most common services in plans",
            ).get(lang),
            T(
                "Toimenpiteitä palvelun lajin mukaan:",
                "Åtgärder per typ av tjänst:",
                "Measures by service kind:",
            ).get(lang),
            services,
        ),
    ]


def repository_charts(repo: Path | str, *, today: dt.date, lang: str = "fi") -> list[Chart]:
    """Charts straight from a data repository (what the site generator calls with ``--data``)."""
    loaded = load_repository(repo)
    return front_page_charts(
        stats_report(loaded.records(annulled=True), today=today, params=loaded.params), lang
    )
