"""Reading records: ``koto show``, ``koto log``, ``koto diff``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import echo_json, json_option, lang_option, repo_option


def _store(repo: Path, lang: str = "fi") -> Any:
    from kototieto.store.store import Store

    return Store.open(repo, lang=lang)


@click.command()
@click.argument("ref", metavar="ID[@REV]")
@repo_option
@json_option
def show(ref: str, repo: Path, as_json: bool) -> None:
    """Show a record as stored (at REV if given, e.g. abc123@HEAD~2)."""
    view = _store(repo).read(ref)
    if as_json:
        echo_json(view.to_json())
    else:
        click.echo(view.text, nl=not view.text.endswith("\n"))


@click.command()
@click.argument("record_id")
@repo_option
@json_option
def log(record_id: str, repo: Path, as_json: bool) -> None:
    """List the versions of a record, newest first."""
    versions = _store(repo).log(record_id)
    if as_json:
        echo_json([v.to_json() for v in versions])
        return
    for v in versions:
        click.echo(f"{v.commit[:10]}  {v.date}  {v.author} <{v.email}>  {v.message}")


def _value(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v


@click.command()
@click.argument("record_id")
@click.argument("rev1", required=False)
@click.argument("rev2", required=False)
@repo_option
@lang_option
@json_option
def diff(record_id: str, rev1: str | None, rev2: str | None, repo: Path, lang: str, as_json: bool) -> None:
    """Field-level changes of a record: REV1 -> REV2 (default: previous version -> current)."""
    changes = _store(repo, lang).diff(record_id, rev1, rev2, lang=lang)
    if as_json:
        echo_json([c.to_json() for c in changes])
        return
    if not changes:
        click.echo("No changes.")
    marks = {"added": "+", "removed": "-", "changed": "~"}
    for c in changes:
        if c.op == "changed":
            detail = f"{_value(c.old)} -> {_value(c.new)}"
        else:
            detail = _value(c.new if c.op == "added" else c.old)
        click.echo(f"{marks[c.op]} {c.label} ({c.dotted}): {detail}")
