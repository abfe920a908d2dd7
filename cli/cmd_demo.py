"""``koto demo [DIR]``: build a demo repository and show everything the tool does.

Calls ``kototieto.demo.build.build_demo`` and prints what it made and how to open it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import DATE, echo_json, json_option
from kototieto.model.text import T

#: The summary's lines in three languages ({names} are filled in by summary_lines).
_L = {
    "ready": T(
        "Demo valmis ({secs} s): {out}/",
        "Demon är klar ({secs} s): {out}/",
        "Demo ready in {secs} s: {out}/",
    ),
    "repo": T("Tietovarasto", "Datakatalog", "Data repository"),
    "figures": T(
        "{customers}, {records}, {commits}, {authors}",
        "{customers}, {records}, {commits}, {authors}",
        "{customers}, {records}, {commits} by {authors}",
    ),
    "authors": T("{n} kirjoittajaa", "{n} författare", "{n} authors"),
    "history": T("historia:", "historik:", "history:"),
    "events": T("tapahtumat:", "händelser:", "events:"),
    "erased": T(
        "poistettu: yksi asiakas jokaisesta muutoksesta (ks. {path})",
        "raderad: en kund ur varje ändring (se {path})",
        "erased: one customer, from every commit (see {path})",
    ),
    "validated": T("tarkistettu:", "kontrollerad:", "validated:"),
    "reports": T("Raportit", "Rapporter", "Reports"),
    "reports_what": T(
        "(JSON, CSV, kaaviot charts/*.svg)", "(JSON, CSV, diagram charts/*.svg)", "(JSON, CSV, charts/*.svg)"
    ),
    "due": T(
        "myöhässä olevia tarkistuksia {overdue}, 30 päivän kuluessa erääntyviä {due}, "
        "30 päivän kuluessa päättyviä suunnitelmia {ending}",
        "försenade översyner {overdue}, översyner som förfaller inom 30 dagar {due}, "
        "planer som upphör inom 30 dagar {ending}",
        "reviews overdue {overdue}, due in 30 days {due}, plans ending in 30 days {ending}",
    ),
    "median": T(
        "arvioinnista suunnitelmaan mediaani {days} päivää, tarkistettu ajallaan {pct} %",
        "från bedömning till plan median {days} dagar, översedda i tid {pct} %",
        "median days assessment -> plan {days}, reviewed within the interval {pct} %",
    ),
    "incomplete": T(
        "tietueita, joista puuttuu pakollinen tieto ({since} alkaen): {n}",
        "poster som saknar en obligatorisk uppgift (från {since}): {n}",
        "records missing a 'shall' item (dated from {since}): {n}",
    ),
    "again": T("uudelleen:", "igen:", "again:"),
    "again_also": T(
        "(myös: completeness, stats, fill-rates)",
        "(även: completeness, stats, fill-rates)",
        "(also: completeness, stats, fill-rates)",
    ),
    "pdfs": T(
        "({n}: suunnitelma kustakin lajista suomeksi, ruotsiksi ja englanniksi)",
        "({n}: en plan av varje typ på finska, svenska och engelska)",
        "({n}: a plan of each kind in fi, sv, en)",
    ),
    "site": T("Tietosisältösivusto", "Webbplats för datainnehållet", "Catalogue site"),
    "site_what": T(
        "(täyttöasteet tietovarastosta, kommentit kansiosta {comments}/)",
        "(ifyllnadsgrader från datakatalogen, kommentarer från {comments}/)",
        "(fill rates from the repository, comments from {comments}/)",
    ),
    "open": T("avaa:", "öppna:", "open:"),
    "app": T("Verkkosovellus", "Webbappen", "Web app"),
    "app_what": T(
        "(tulostaa osoitteen ja kertakäyttöisen pääsytunnuksen: avaa se selaimessa)",
        "(skriver ut en adress med en engångsnyckel: öppna den i en webbläsare)",
        "(prints an address with an access token: open it in a browser)",
    ),
    "note": T("huom.:", "obs:", "note:"),
}


#: The demo's events (kototieto.demo.history.EVENT_SUBJECTS) as the summary names them.
_EVENTS = {
    "extension": T("suunnitelman jatko", "förlängd plan", "plan extended"),
    "switch": T("suunnitelman vaihto", "bytt plan", "plan switched"),
    "referral": T("ohjaus työnhakijaksi", "hänvisning till arbetssökande", "referral"),
    "county-review": T("hyvinvointialueen tarkistus", "välfärdsområdets översyn", "county review"),
    "edit": T("muokkaukset", "redigeringar", "edits"),
    "annul": T("mitätöinnit", "annulleringar", "annulments"),
    "erase": T("asiakkaan poisto", "radering av en kund", "customer erased"),
    "extension-field": T("lisäkenttä", "tilläggsfält", "extension field"),
    "extension-use": T("lisäkentän käyttö", "tilläggsfältet används", "extension used"),
}


def summary_lines(result: Any) -> list[str]:
    """The short summary printed at the end, in the run's language (paths relative to the current
    folder when possible)."""
    from kototieto.i18n import count, date_text, number, tr

    def rel(p: Path) -> str:
        try:
            return str(p.relative_to(Path.cwd()))
        except ValueError:
            return str(p)

    def say(key: str, **values: object) -> str:
        return tr(_L[key]).format(**values)

    def _num(value: object) -> object:
        return number(value) if isinstance(value, int | float) else value

    def when(value: object) -> str:
        try:
            return date_text(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)

    f = result.figures
    repo = rel(result.repo)
    pct = f.get("plans_reviewed_in_time_pct")
    lines = [
        "",
        say("ready", secs=number(round(result.timings.get("total", 0))), out=rel(result.out)),
        "",
        f"  {say('repo'):<17}{repo}/",
        "    "
        + say(
            "figures",
            customers=count(result.customers, "customer"),
            records=count(result.records, "record"),
            commits=count(result.commits, "commit"),
            authors=say("authors", n=len(result.authors)),
        ),
        f"    {say('history'):<10} git -C {repo} log --format='%h %an: %s' | head -40",
        f"    {say('events'):<10} {', '.join(tr(_EVENTS[e]) if e in _EVENTS else e for e in sorted(result.events))}",
    ]
    if result.erased_customer:
        lines.append(f"    {say('erased', path=repo + '/erasures.yaml')}")
    if result.validation:
        v = result.validation
        lines.append(
            f"    {say('validated')} {count(int(v.get('records') or 0), 'record')}, "
            f"{count(int(v.get('errors') or 0), 'error')}, {count(int(v.get('warnings') or 0), 'warning')}"
            f"  (koto validate -C {repo})"
        )
    lines += [
        f"  {say('reports'):<17}{rel(result.out / 'reports')}/  {say('reports_what')}",
        "    "
        + say(
            "due",
            overdue=f.get("reviews_overdue"),
            due=f.get("reviews_due_30_days"),
            ending=f.get("plans_ending_30_days"),
        ),
        "    "
        + say(
            "median",
            days=_num(f.get("median_days_assessment_to_plan")),
            pct=_num(pct),
        ),
        "    " + say("incomplete", since=when(f.get("completeness_since")), n=f.get("incomplete_records")),
        f"    {say('again'):<10} koto report due -C {repo}   {say('again_also')}",
        f"  {'PDF':<17}{rel(result.out / 'pdf')}/  {say('pdfs', n=count(len(result.pdfs), 'file'))}",
    ]
    lines += [f"    {rel(p)}" for p in result.pdfs[:3]]
    if result.site is not None:
        comments = rel(result.comments) if result.comments else "-"
        lines += [
            f"  {say('site'):<17}{rel(result.site)}/index.html  {say('site_what', comments=comments)}",
            f"    {say('open'):<10} python3 -m http.server -d {rel(result.site)} 8000  ->  http://localhost:8000/",
        ]
    lines.append(f"  {say('app'):<17}koto serve {repo}  {say('app_what')}")
    for note in result.notes:
        lines.append(f"  {say('note')} {note}")
    return lines


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("demo-out"))
@click.option(
    "--customers",
    type=click.IntRange(6, 1_000_000),
    default=200,
    show_default=True,
    help="How many customers.",
)
@click.option("--seed", type=int, default=2025, show_default=True, help="Same seed, same records.")
@click.option("--today", type=DATE, default=None, help="The demo's today (YYYY-MM-DD; default: today).")
@click.option("--no-site", is_flag=True, help="Skip the catalogue site (faster).")
@json_option
def demo(
    directory: Path, customers: int, seed: int, today: dt.date | None, no_site: bool, as_json: bool
) -> None:
    """Build a demo repository of synthetic pilot data and show everything the tool does.

    DIRECTORY (default demo-out) is created; an earlier demo there is replaced.
    """
    from kototieto.demo.build import build_demo

    def progress(message: str) -> None:
        if not as_json:
            click.echo(message, err=True)

    result = build_demo(
        directory, customers=customers, seed=seed, today=today, progress=progress, site=not no_site
    )
    if as_json:
        echo_json(result.to_json())
        return
    for line in summary_lines(result):
        click.echo(line)
