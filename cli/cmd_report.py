"""``koto report due|completeness|stats|fill-rates``: each a table on a terminal, ``--json`` or ``--csv``.

Every subcommand calls one function of ``kototieto.reports.run`` and prints its tables:
rich tables on a terminal, ``--json`` the whole report, ``--csv`` one table (``--table NAME``,
default the first) with stable column keys as the header.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from kototieto.cli.options import echo_json, json_option, lang_option, repo_option
from kototieto.errors import UsageError
from kototieto.i18n import count, tr
from kototieto.model.text import T

F = TypeVar("F", bound=Callable[..., Any])


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from kototieto.cli.options import DATE

    return DATE.convert(value, param, ctx)


def _with_db(func: F) -> F:
    """``--db FILE``: the report over an aggregate database (``koto aggregate``), not a repository."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        db: Path | None = ctx.meta.get("koto.report.db")
        if db is None:
            return func(*args, **kwargs)
        from kototieto.exchange.aggregate import db_report

        lang = str(kwargs.get("lang") or "fi")
        report = db_report(ctx.info_name or "", db, lang)
        _show(
            report,
            as_json=bool(kwargs.get("as_json")),
            as_csv=bool(kwargs.get("as_csv")),
            table=None,
            lang=lang,
        )
        return None

    return cast(F, run)


def _output(func: F) -> F:
    func = _with_db(func)
    func = click.option(
        "--db",
        type=click.Path(dir_okay=False, exists=True, path_type=Path),
        default=None,
        expose_value=False,
        callback=_remember,
        help="Run over a database of several pilots made by `koto aggregate` (fill-rates, stats, completeness).",
    )(func)
    func = click.option(
        "--worktree",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="Read the working tree's record files (default: the branch head, as every report).",
    )(func)
    func = click.option("--csv", "as_csv", is_flag=True, help="Print one table as CSV (see --table).")(func)
    func = click.option(
        "--table", "table", default=None, help="The table --csv prints (default: the first)."
    )(func)
    func = click.option(
        "--csv-dialect",
        type=click.Choice(["spreadsheet", "plain"]),
        default="spreadsheet",
        show_default=True,
        expose_value=False,
        callback=_remember,
        help="spreadsheet: BOM, headers in --lang, ';' and decimal comma for fi/sv; plain: keys, ','.",
    )(func)
    func = click.option(
        "--xlsx",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        expose_value=False,
        callback=_remember,
        help="Write every table (or --table) as a sheet of this .xlsx file.",
    )(func)
    return func


def _worktree() -> bool:
    """``--worktree``: every report reads the same revision, the branch head unless asked."""
    return bool(click.get_current_context().meta.get("koto.report.worktree"))


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"koto.report.{param.name}"] = value
    return value


def _today(func: F) -> F:
    return click.option(
        "--today",
        callback=_date,
        default=None,
        help="Report as on this day (2.12.2026 or 2026-12-02; default: today).",
    )(func)


def _show(report: Any, *, as_json: bool, as_csv: bool, table: str | None, lang: str) -> None:
    from kototieto.reports.tables import pick

    if as_json and as_csv:
        raise UsageError(
            tr(
                T(
                    "Valitse --json tai --csv, ei molempia",
                    "Välj --json eller --csv, inte båda",
                    "choose --json or --csv, not both",
                )
            )
        )
    if as_json:
        echo_json(report.to_json())
        return
    tables = report.tables(lang)
    meta = click.get_current_context().meta
    xlsx: Path | None = meta.get("koto.report.xlsx")
    if as_csv or xlsx:
        from kototieto.exchange.reportfiles import table_csv, tables_xlsx

        try:
            chosen = tables if table is None and xlsx else [pick(tables, table)]
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if xlsx:
            tables_xlsx(chosen, xlsx, lang)
            click.echo(f"{xlsx}: {count(len(chosen), 'table')}", err=as_csv)
        if as_csv:
            dialect = meta.get("koto.report.csv_dialect") or "spreadsheet"
            click.echo(table_csv(chosen[0], lang, dialect), nl=False)
        return
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console()
    for t in tables if table is None else [pick(tables, table)]:
        if not t.rows and t.empty:
            console.print(f"[bold]{t.title}[/bold]\n{t.empty}")
            continue
        rt = RichTable(title=t.title, title_justify="left", show_lines=False)
        for key, header in t.columns:
            numeric = any(isinstance(r.get(key), int | float) for r in t.rows)
            rt.add_column(header, justify="right" if numeric else "left", overflow="fold")
        for row in t.rows:
            rt.add_row(*(shown_cell(row.get(k), lang) for k, _ in t.columns))
        if not t.rows:
            rt.caption = tr(T("Ei rivejä", "Inga rader", "No rows"))
        console.print(rt)


def shown_cell(value: object, lang: str) -> str:
    """A report cell on the terminal as the reader writes it: dates 2.12.2026 and decimal commas in
    Finnish and Swedish (the JSON and the data keep ISO dates and plain numbers)."""
    from kototieto.i18n import date_text, number

    if value is None:
        return ""
    if isinstance(value, float):
        return number(round(value, 1), lang)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date_text(dt.date.fromisoformat(value), lang)
        except ValueError:
            return value
    return str(value)


@click.group()
def report() -> None:
    """Reports: due reviews, completeness, statistics, fill rates."""


@report.command()
@click.option(
    "--days", type=click.IntRange(0, 3650), default=30, show_default=True, help="Look ahead N days."
)
@click.option("--no-names", "no_names", is_flag=True, help="Leave the customers' names out (ids only).")
@_today
@repo_option
@lang_option
@json_option
@_output
def due(
    days: int,
    no_names: bool,
    today: dt.date | None,
    repo: Path,
    lang: str,
    as_json: bool,
    as_csv: bool,
    table: str | None,
) -> None:
    """Plan reviews overdue or due within N days (plans starting later included), plans ending
    within N days, per official, with the customers' names (--no-names: ids only)."""
    from kototieto.reports import run

    report = run.due(repo, today=today, days=days, names=not no_names, worktree=_worktree())
    _show(report, as_json=as_json, as_csv=as_csv, table=table, lang=lang)


@report.command()
@click.option(
    "--since",
    callback=_date,
    default=None,
    help="Records dated from this day (YYYY-MM-DD; default: the obligation date, 2027-01-01).",
)
@click.option("--until", callback=_date, default=None, help="... up to this day (YYYY-MM-DD).")
@repo_option
@lang_option
@json_option
@_output
def completeness(
    since: dt.date | None,
    until: dt.date | None,
    repo: Path,
    lang: str,
    as_json: bool,
    as_csv: bool,
    table: str | None,
) -> None:
    """Every missing 'shall' item per record kind, organisation and record."""
    from kototieto.reports import run

    _show(
        run.completeness(repo, since=since, until=until, worktree=_worktree()),
        as_json=as_json,
        as_csv=as_csv,
        table=table,
        lang=lang,
    )


@report.command()
@_today
@repo_option
@lang_option
@json_option
@_output
def stats(
    today: dt.date | None, repo: Path, lang: str, as_json: bool, as_csv: bool, table: str | None
) -> None:
    """Counts by kind, organisation and month; times, reviews, outcomes, services."""
    from kototieto.reports import run

    _show(
        run.stats(repo, today=today, worktree=_worktree()),
        as_json=as_json,
        as_csv=as_csv,
        table=table,
        lang=lang,
    )


@report.command("fill-rates")
@repo_option
@lang_option
@json_option
@_output
def fill_rates(repo: Path, lang: str, as_json: bool, as_csv: bool, table: str | None) -> None:
    """Per field (nested ones too), the share of records of its kinds where it is filled."""
    from kototieto.reports import run

    _show(run.fill_rates(repo, worktree=_worktree()), as_json=as_json, as_csv=as_csv, table=table, lang=lang)
