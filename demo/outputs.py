"""The demo's later steps: history summary, validation, PDFs, reports and charts, the site.

Each step calls the public function of the part that owns the work (store, templates, reports,
site) and records what it made in the ``DemoResult``; nothing here re-implements those parts.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kototieto.demo.history import EVENT_SUBJECTS
from kototieto.i18n import count, current_lang, tr
from kototieto.model.records import PLAN_KINDS, Record
from kototieto.model.text import T
from kototieto.synthetic.generator import EARLIEST

if TYPE_CHECKING:
    from kototieto.demo.build import DemoResult, _Clock

LANGS = ("fi", "sv", "en")

#: The sample consultation round: (path, organisation, author, comment, proposed text).
COMMENTS: tuple[tuple[str, str, str, str, str | None], ...] = (
    (
        "measures.service_kind",
        "Vaasan kaupunki",
        "Camilla Forsman",
        "Kielikahvilat ja muu vapaamuotoinen kielenopiskelu puuttuvat luettelosta; nyt ne kirjataan "
        "lajiin 'muu'.",
        None,
    ),
    (
        "first_review",
        "Pohjanmaan hyvinvointialue",
        "Mikael Nyström",
        "Bör datumet vara obligatoriskt även i familjeplanen? Vi planerar översynerna tillsammans.",
        None,
    ),
    (
        "employment_referral.reason",
        "KEHA-keskus",
        "Outi Laaksonen",
        "Perustelu olisi hyvä kirjata aina, kun ohjaus tehdään: se auttaa työvoimaviranomaista.",
        "Perustelu, miksi henkilön on tarkoituksenmukaista ilmoittautua työnhakijaksi (pakollinen).",
    ),
    (
        "codes/plan-ending-ground/employed",
        "Vaasan kaupunki",
        "Katja Heinonen",
        "Should part-time employment count as 'employed' here? Please add guidance.",
        None,
    ),
    (
        "family_members.relation",
        "Pohjanmaan hyvinvointialue",
        "Mikael Nyström",
        "Relationen 'annan släkting' behövs för mor- och farföräldrar som bor i familjen.",
        None,
    ),
)


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def summarise_history(result: DemoResult) -> None:
    """Commits, authors and the commit showing each promised event, from ``git log``."""
    lines = _git(result.repo, "log", "--format=%an%x1f%s").splitlines()
    result.commits = len(lines)
    result.authors = sorted({line.split("\x1f", 1)[0] for line in lines})
    for event, prefix in EVENT_SUBJECTS.items():
        subject = next(
            (s for _, s in (ln.split("\x1f", 1) for ln in reversed(lines)) if s.startswith(prefix)), None
        )
        if subject is not None:
            result.events[event] = subject


def validate(result: DemoResult, clock: _Clock) -> None:
    """Validate every record of the repository with the store's validator (the cache warms up too)."""
    from kototieto.store.repository import Repository
    from kototieto.store.validate import validate_repository

    clock.step(
        "validate", T("Tarkistetaan tietovarasto", "Kontrollerar datakatalogen", "Validating the repository")
    )
    report = validate_repository(Repository.open(result.repo), workers=2)
    result.validation = dict(report.summary())
    if not report.ok:
        lang = current_lang()
        first = "; ".join(f"{p.file}: {p.message(lang)}" for p in report.problems if p.severity == "error")
        found = T("Tarkistus löysi: {n}", "Kontrollen hittade: {n}", "Validation found: {n}")
        result.notes.append(f"{tr(found).format(n=count(report.errors, 'error'))}: {first[:500]}")
    clock.done()


def _load(result: DemoResult) -> Any:
    from kototieto.reports.load import load_repository

    return load_repository(result.repo)


def pick_plans(records: list[Record]) -> list[Record]:
    """One plan of each kind: the one with most reviews (ties: the newest), never an annulled one."""
    reviews = Counter(getattr(r, "plan", None) for r in records if r.kind == "review")
    out = []
    for kind in PLAN_KINDS:
        plans = [r for r in records if r.kind == kind and r.annulment is None]
        if plans:
            out.append(max(plans, key=lambda p: (reviews[p.id], p.date, p.id)))
    return out


def render_pdfs(result: DemoResult, clock: _Clock, today: dt.date) -> None:
    """A plan of each kind, with its customer and reviews, as PDF in every language."""
    from kototieto.templates.batch import render_batch
    from kototieto.templates.source import organisation_names

    clock.step(
        "pdf",
        T(
            "Tulostetaan suunnitelmat PDF-tiedostoiksi suomeksi, ruotsiksi ja englanniksi",
            "Skriver ut planerna som PDF på finska, svenska och engelska",
            "Rendering plans to PDF in Finnish, Swedish and English",
        ),
    )
    records = _load(result).records()
    plans = pick_plans(records)
    wanted = {p.id for p in plans}
    customers = {p.customer for p in plans}
    # the customers' whole records: a plan's state needs its reviews and the customer's other plans
    subset = [
        r for r in records if (r.id if r.kind == "customer" else getattr(r, "customer", "")) in customers
    ]
    out = result.out / "pdf"
    paths = render_batch(
        subset,
        out,
        langs=LANGS,
        kinds=PLAN_KINDS,
        fmt="pdf",
        today=today,
        jobs=2,
        only=wanted,
        org_names=organisation_names(result.repo),
    )
    result.pdfs = sorted(paths)
    clock.done()


def run_reports(result: DemoResult, clock: _Clock, today: dt.date) -> None:
    """Every report as JSON and CSV, and the front page charts as SVG, under ``reports/``."""
    from kototieto.reports.charts import front_page_charts
    from kototieto.reports.completeness import completeness_report
    from kototieto.reports.due import due_report
    from kototieto.reports.fillrates import fill_rate_report
    from kototieto.reports.stats import stats_report
    from kototieto.store.extensions import repository_extensions

    clock.step(
        "reports",
        T(
            "Ajetaan raportit ja piirretään kaaviot",
            "Kör rapporterna och ritar diagrammen",
            "Running the reports and drawing the charts",
        ),
    )
    loaded = _load(result)
    live = loaded.records()
    first = EARLIEST  # the Act's first day: how would every record so far fare?
    reports: dict[str, Any] = {
        "due": due_report(live, today=today, days=30, params=loaded.params),
        "completeness": completeness_report(live, since=first, params=loaded.params),
        "stats": stats_report(
            loaded.records(annulled=True),
            today=today,
            params=loaded.params,
            extensions=repository_extensions(result.repo),  # the pilot's open-end codes get labels
        ),
        "fill-rates": fill_rate_report(result.repo),
    }
    folder = result.out / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    for name, report in reports.items():
        path = folder / f"{name}.json"
        path.write_text(
            json.dumps(report.to_json(), ensure_ascii=False, indent=1, default=str) + "\n", "utf-8"
        )
        result.reports[name] = path
        for table in report.tables("fi"):
            (folder / f"{name}-{table.name}.csv").write_text(table.to_csv(), encoding="utf-8")
    stats, due, comp = reports["stats"], reports["due"], reports["completeness"]
    result.records = stats.records + stats.annulled
    result.figures = {
        "records": stats.records,
        "customers": stats.customers,
        "annulled": stats.annulled,
        "reviews_overdue": due.count("review-overdue"),
        "reviews_due_30_days": due.count("review-due"),
        "plans_ending_30_days": due.count("plan-ending"),
        "completeness_since": first.isoformat(),
        "incomplete_records": len(comp.gaps),
        "median_days_assessment_to_plan": stats.median_days_assessment_to_plan,
        "plans_reviewed_in_time_pct": stats.reviewed_in_time_pct,
    }
    for lang in LANGS:
        charts_dir = folder / "charts" / lang
        charts_dir.mkdir(parents=True, exist_ok=True)
        for chart in front_page_charts(stats, lang):
            path = charts_dir / f"{chart.name}.svg"
            path.write_text(chart.svg, encoding="utf-8")
            result.charts.append(path)
    clock.done()


def build_site(result: DemoResult, clock: _Clock, today: dt.date) -> None:
    """A consultation round with comments, then the catalogue site with fill rates and comments."""
    from kototieto.site.build import build_site as site_build
    from kototieto.site.build import load_catalogue
    from kototieto.site.comments import CommentRepo

    clock.step(
        "site",
        T(
            "Rakennetaan tietosisältösivusto täyttöasteineen ja lausuntokierroksineen",
            "Bygger webbplatsen för datainnehållet med ifyllnadsgrader och en remissrunda",
            "Building the catalogue site with fill rates and a consultation round",
        ),
    )
    catalogue = load_catalogue(result.repo)  # with the pilot's extension fields and open-end codes
    comments = CommentRepo(result.out / "comments", commit=False)
    comments.create_round(
        "Koto-Digi-tietosisältö, lausuntokierros 1/2026",
        today - dt.timedelta(days=14),
        today + dt.timedelta(days=14),
        sorted({c[1] for c in COMMENTS}),
        str(catalogue["version"]),
        contact="kotodigi@vaasa.example.fi",
        names={
            "sv": "Koto-Digi-datainnehållet, remissrunda 1/2026",
            "en": "Koto-Digi data content, consultation round 1/2026",
        },
    )
    first = None
    for path, org, author, text, proposed in COMMENTS:
        thread = comments.add(
            path,
            author=author,
            organisation=org,
            text=text,
            proposed_text=proposed,
            catalogue=catalogue,
            today=today,
        )
        first = first or thread
    if first is not None:
        comments.reply(
            first.id,
            author="Koto-Digi-työryhmä",
            organisation="KEHA-keskus",
            text="Kiitos. Lisäämme lajin 'vapaamuotoinen kieltenopiskelu' seuraavaan versioon.",
            status="accepted",
            today=today,
        )
    result.comments = comments.root
    site_out = result.out / "site"
    site_build(
        site_out, catalogue=catalogue, data_repo=result.repo, comments_dir=comments.root, jobs=2, today=today
    )
    result.site = site_out
    clock.done()
