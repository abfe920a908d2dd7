"""``koto comment``: consultation round comments on catalogue fields (YAML files in Git)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kototieto.cli.options import echo_json, json_option, repo_option
from kototieto.i18n import current_lang, date_text, tr
from kototieto.model.text import T

F = TypeVar("F", bound=Callable[..., Any])
STATUSES = ("open", "answered", "accepted", "rejected", "deferred")

ORPHANED = T("  (kenttää ei enää ole)", "  (fältet finns inte längre)", "  (orphaned)")
ROUND_CREATED = T(
    "Lausuntokierros {name}: {opens}–{closes}, tietosisällön versio {version}",
    "Remissrunda {name}: {opens}–{closes}, datainnehållets version {version}",
    "round {name}: {opens}..{closes}, catalogue {version}",
)
ROUND_VERSION = T(
    "tietosisällön versio {version}", "datainnehållets version {version}", "catalogue {version}"
)
MAIL_IMPORTED = T(
    "Lisätty {added}, kaksoiskappaleita ohitettu {duplicates}",
    "Tillagda {added}, dubbletter överhoppade {duplicates}",
    "added {added}, duplicates skipped {duplicates}",
)
MAIL_UNREADABLE = T(
    "Tiedostoa {source} ei voitu lukea: {reason}",
    "Filen {source} kunde inte läsas: {reason}",
    "could not read {source}: {reason}",
)


def comments_option(func: F) -> F:
    """``-C/--repo DIR``: the comments folder (default ./comments, or $KOTO_COMMENTS); the old
    ``--comments`` still works, hidden."""
    from kototieto.cli import messages as M

    return repo_option(  # type: ignore[no-any-return]
        aliases=("--comments",),
        dest="folder",
        default=Path("comments"),
        envvar="KOTO_COMMENTS",
        help_text=M.HELP_COMMENTS_FOLDER,
    )(func)


def _repo(folder: Path) -> Any:
    from kototieto.site.comments import CommentRepo

    return CommentRepo(folder)


def _catalogue(data_repo: Path | None = None) -> dict[str, Any]:
    """The catalogue comments attach to; with a data repository that has pilot extensions, their
    fields too (``extensions.<id>``), so the site's comment links work for them."""
    from kototieto.site.build import load_catalogue

    catalogue = load_catalogue()
    root = _data_root(data_repo)
    if root is not None and (root / "extensions").is_dir():
        from kototieto.store.extensions.load import extended_catalogue

        catalogue = extended_catalogue(catalogue, root)
    return catalogue


def _data_root(start: Path | None) -> Path | None:
    here = (start or Path(".")).absolute()
    for folder in (here, *here.parents):
        if (folder / "koto.yaml").is_file():
            return folder
    return None


def _author(author: str | None, folder: Path) -> str:
    """--author, else the name in `koto profile`, else git config user.name; never invented."""
    if author:
        return author
    from kototieto.store import profile

    name = profile.load().name
    if name:
        return name
    import subprocess

    probe = subprocess.run(
        ["git", "config", "user.name"],
        capture_output=True,
        text=True,
        cwd=folder if folder.is_dir() else None,
    )
    if probe.stdout.strip():
        return probe.stdout.strip()
    from kototieto.errors import UsageError
    from kototieto.store.profile import WHO_IS_WRITING

    raise UsageError(WHO_IS_WRITING)


def _show(thread: Any, as_json: bool) -> None:
    if as_json:
        echo_json(thread.to_json())
    else:
        from kototieto.site.comments import status_word

        click.echo(f"{thread.id}  {status_word(thread.status, current_lang())}  {thread.path}")


@click.group()
def comment() -> None:
    """Comments of the consultation round on catalogue fields."""


@comment.command()
@click.argument("path")
@click.option("--author", default=None, help="Your name (default: koto profile, then git config).")
@click.option("--organisation", required=True, help="Your organisation (one of the round's; any case).")
@click.option("--text", required=True, help="The comment.")
@click.option("--proposed-text", help="A proposed new text for the definition.")
@click.option(
    "--data",
    "data_repo",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A pilot data repository whose extension fields may be commented (default: the one here).",
)
@comments_option
@json_option
def add(
    path: str,
    author: str | None,
    organisation: str,
    text: str,
    proposed_text: str | None,
    data_repo: Path | None,
    folder: Path,
    as_json: bool,
) -> None:
    """Comment on a field (PATH as in the catalogue, extensions.<id>, or codes/<list>[/<code>])."""
    thread = _repo(folder).add(
        path,
        author=_author(author, folder),
        organisation=organisation,
        text=text,
        proposed_text=proposed_text,
        catalogue=_catalogue(data_repo),
    )
    _show(thread, as_json)


@comment.command()
@click.argument("thread_id")
@click.option("--author", default=None, help="Your name (default: koto profile, then git config).")
@click.option("--organisation", default="", help="Your organisation.")
@click.option("--text", required=True, help="The reply.")
@click.option("--status", type=click.Choice(STATUSES), help="Set the thread's status (default: answered).")
@comments_option
@json_option
def reply(
    thread_id: str,
    author: str | None,
    organisation: str,
    text: str,
    status: str | None,
    folder: Path,
    as_json: bool,
) -> None:
    """Reply to a comment thread."""
    thread = _repo(folder).reply(
        thread_id, author=_author(author, folder), organisation=organisation, text=text, status=status
    )
    _show(thread, as_json)


@comment.command()
@click.argument("thread_id")
@click.option("--status", type=click.Choice(STATUSES[1:]), required=True, help="The decision.")
@click.option("--reply", "reply_text", required=True, help="The reasoned answer.")
@click.option("--author", default="", help="Who decided (default: koto profile, then git config).")
@click.option("--organisation", default="", help="The deciding organisation.")
@comments_option
@json_option
def resolve(
    thread_id: str, status: str, reply_text: str, author: str, organisation: str, folder: Path, as_json: bool
) -> None:
    """Settle a thread: accepted, rejected, deferred or answered, with a reply."""
    author = _author(author, folder)
    thread = _repo(folder).resolve(
        thread_id, status=status, reply=reply_text, author=author, organisation=organisation
    )
    _show(thread, as_json)


@comment.command(name="list")
@click.option("--status", type=click.Choice(STATUSES), help="Only threads with this status.")
@click.option("--orphaned", is_flag=True, help="Only threads whose field is no longer in the catalogue.")
@comments_option
@json_option
def list_(status: str | None, orphaned: bool, folder: Path, as_json: bool) -> None:
    """List comment threads."""
    from kototieto.site.comments import known_paths

    threads = _repo(folder).list_threads(status)
    paths = known_paths(_catalogue())
    if orphaned:
        threads = [t for t in threads if t.path not in paths]
    if as_json:
        echo_json([t.to_json() | {"orphaned": t.path not in paths} for t in threads])
        return
    from kototieto.site.comments import STATUS_WORDS, status_word

    lang = current_lang()
    width = max(len(w.get(lang)) for w in STATUS_WORDS.values())
    for t in threads:
        flag = tr(ORPHANED) if t.path not in paths else ""
        day = date_text(t.date, lang)  # 1.12.2026 in fi and sv, as `koto comment round show`; ISO in --json
        status = status_word(t.status, lang)  # hyväksytty, godkänd; the code in --json
        click.echo(f"{t.id}  {day}  {status:<{width}} {t.path}  {t.organisation}: {t.text[:60]}{flag}")


@comment.command()
@click.option("--format", "fmt", type=click.Choice(("csv", "xlsx")), required=True, help="File format.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write."
)
@click.option("--status", type=click.Choice(STATUSES), help="Only threads with this status.")
@click.option(
    "--csv-dialect",
    type=click.Choice(["spreadsheet", "plain"]),
    default="spreadsheet",
    show_default=True,
    help="spreadsheet: BOM, headers in --lang, ';' for fi/sv, status word and code; plain: keys, ',', codes.",
)
@comments_option
@json_option
def export(fmt: str, output: Path, status: str | None, csv_dialect: str, folder: Path, as_json: bool) -> None:
    """Export the round summary: one row per thread (field, labels, comment, proposal, status, reply)."""
    from kototieto.exchange.reportfiles import tables_xlsx, write_table_csv
    from kototieto.i18n import count
    from kototieto.site.comments_export import comments_table

    lang = current_lang()
    plain = fmt == "csv" and csv_dialect == "plain"
    table = comments_table(_repo(folder).list_threads(status), _catalogue(), lang, plain=plain)
    if fmt == "csv":
        write_table_csv(table, output, lang, csv_dialect)
    else:
        tables_xlsx([table], output, lang)
    n = len(table.rows)
    if as_json:
        echo_json({"file": str(output), "threads": n, "format": fmt})
        return
    wrote = T("Kirjoitettu {n}: {path}", "Skrev {n}: {path}", "Wrote {n} to {path}")
    click.echo(tr(wrote).format(n=count(n, "comment"), path=output))


@comment.group(name="round")
def round_() -> None:
    """The consultation round: name, dates, organisations, catalogue version."""


def _date(ctx: click.Context, param: click.Parameter, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


@round_.command()
@click.argument("name")
@click.option("--opens", required=True, callback=_date, help="First day for comments (YYYY-MM-DD).")
@click.option("--closes", required=True, callback=_date, help="Last day for comments (YYYY-MM-DD).")
@click.option(
    "--organisations",
    "organisations",
    multiple=True,
    help="Participating organisation (repeat, or comma-separated).",
)
@click.option("--catalogue-version", help="The catalogue version under comment (default: the current one).")
@click.option("--contact", help="E-mail address the site's comment links write to.")
@click.option("--issue-url", help="Issue URL template for comment links ({path}, {title}, {body}, ...).")
@comments_option
@json_option
def create(
    name: str,
    opens: dt.date,
    closes: dt.date,
    organisations: tuple[str, ...],
    catalogue_version: str | None,
    contact: str | None,
    issue_url: str | None,
    folder: Path,
    as_json: bool,
) -> None:
    """Create (or replace) the round in the comments folder, committing it to Git."""
    orgs = [o.strip() for group in organisations for o in group.split(",") if o.strip()]
    version = catalogue_version or str(_catalogue().get("version"))
    rnd = _repo(folder).create_round(name, opens, closes, orgs, version, contact=contact, issue_url=issue_url)
    if as_json:
        echo_json(rnd.model_dump(mode="json", exclude_none=True))
    else:
        lang = current_lang()
        text = tr(ROUND_CREATED).format(
            name=repr(rnd.name),
            opens=date_text(rnd.opens, lang),
            closes=date_text(rnd.closes, lang),
            version=rnd.catalogue_version,
        )
        click.echo(text)


@round_.command()
@comments_option
@json_option
def show(folder: Path, as_json: bool) -> None:
    """Show the round."""
    rnd = _repo(folder).round()
    if as_json:
        echo_json(rnd.model_dump(mode="json", exclude_none=True))
        return
    lang = current_lang()
    version = tr(ROUND_VERSION).format(version=rnd.catalogue_version)
    click.echo(f"{rnd.name}\n  {date_text(rnd.opens, lang)}–{date_text(rnd.closes, lang)}\n  {version}")
    for org in rnd.organisations:
        click.echo(f"  - {org}")


@comment.command(name="import")
@click.argument(
    "sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@comments_option
@json_option
def import_(sources: tuple[Path, ...], folder: Path, as_json: bool) -> None:
    """Comments sent by e-mail through the site's comment links (.eml files or an mbox mailbox)."""
    from kototieto.site.comments_mail import import_comments

    result = import_comments(_repo(folder), sources, _catalogue())
    if as_json:
        echo_json(result.to_json())
    else:
        click.echo(tr(MAIL_IMPORTED).format(added=len(result.added), duplicates=len(result.duplicates)))
        for source, reason in result.failed:
            click.echo(tr(MAIL_UNREADABLE).format(source=source, reason=reason), err=True)
    if result.failed:
        raise SystemExit(5)
