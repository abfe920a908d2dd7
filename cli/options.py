"""Options shared by many commands, so they read the same everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

LANGS = ("fi", "sv", "en")


def repo_option(func: F) -> F:
    """``-C/--repo PATH``: the data repository (default: the current directory)."""
    return click.option(
        "-C",
        "--repo",
        "repo",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("."),
        show_default=True,
        help="The data repository.",
    )(func)


def json_option(func: F) -> F:
    """``--json``: machine-readable output on stdout."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(func)


def lang_option(func: F) -> F:
    """``--lang fi|sv|en``: the language of labels and messages."""
    return click.option(
        "--lang", type=click.Choice(LANGS), default="fi", show_default=True, help="Language."
    )(func)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON (dates and paths as strings)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
