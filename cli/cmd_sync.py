"""``koto sync``, ``koto merge-driver``, ``koto conflicts``, ``koto resolve``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kototieto.cli.options import echo_json, json_option, repo_option
from kototieto.errors import ConflictError


@click.command()
@click.argument("remote", default="origin")
@repo_option
@json_option
def sync(remote: str, repo: Path, as_json: bool) -> None:
    """Fetch REMOTE, merge it (records field by field) and push."""
    from kototieto.store.repository import Repository
    from kototieto.store.sync import sync as run_sync

    result = run_sync(Repository.open(repo), remote)
    if as_json:
        echo_json(result.to_json())
    else:
        if result.merged:
            click.echo(f"Merged {remote}/{result.branch}.")
        click.echo(f"Pushed to {remote}/{result.branch}." if result.pushed else "Nothing to push.")
        for c in result.conflicts:
            click.echo(f"CONFLICT {c.record_id} ({c.path}): " + ", ".join(f["path"] for f in c.fields))
        for p in result.other_conflicts:
            click.echo(f"CONFLICT {p} (not a record: settle with git)")
    if result.conflicts or result.other_conflicts:
        raise ConflictError("the merge stopped at conflicts; see `koto conflicts`, then `koto resolve`")


@click.command(name="merge-driver")
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("ours", type=click.Path(path_type=Path))
@click.argument("theirs", type=click.Path(path_type=Path))
@click.argument("pathname")
def merge_driver(base: Path, ours: Path, theirs: Path, pathname: str) -> None:
    """Git merge driver for records: koto merge-driver %O %A %B %P (Git runs it)."""
    from kototieto.store.conflicts import run_driver

    sys.exit(run_driver(Path.cwd(), base, ours, theirs, pathname))


@click.command()
@repo_option
@json_option
def conflicts(repo: Path, as_json: bool) -> None:
    """List records with unresolved field conflicts."""
    from kototieto.store.conflicts import list_conflicts
    from kototieto.store.repository import Repository

    notes = list_conflicts(Repository.open(repo))
    if as_json:
        echo_json([n.to_json() for n in notes])
        return
    if not notes:
        click.echo("No conflicts.")
    for n in notes:
        click.echo(f"{n.record_id} ({n.path})")
        for f in n.fields:
            click.echo(f"  {f['path']}: base={f['base']!r} ours={f['ours']!r} theirs={f['theirs']!r}")
        for p in n.problems:
            click.echo(f"  invalid: {p}")


@click.command()
@click.argument("record_id")
@click.option("--take", required=True, help="ours, theirs, or a FILE holding the settled record.")
@repo_option
def resolve(record_id: str, take: str, repo: Path) -> None:
    """Settle a record's conflict; commits the merge when it was the last one."""
    from kototieto.store.conflicts import resolve as run_resolve
    from kototieto.store.repository import Repository

    path, committed = run_resolve(Repository.open(repo), record_id, take)
    click.echo(f"Resolved {path}." + (" Merge committed; run `koto sync` to push." if committed else ""))
