"""Options shared by every command, so they read the same everywhere.

``common_options`` gives a command ``-C/--repo``, ``--lang`` and ``--json`` in one decorator;
the single decorators (``repo_option``, ``lang_option``, ``json_option``) stay for commands that
take only some of them. Help texts are in the run's language (``TextOption``). Older option names
(``--data`` on catalogue and schema, ``--comments`` on comment) are hidden aliases of ``--repo``
for one release. Dates typed on the command line accept ``2.12.2026`` and ``2026-12-02``
(``DATE``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from kototieto.i18n import LANGS as _LANGS
from kototieto.i18n import current_lang, parse_user_date, set_lang, tr
from kototieto.model.text import Text

F = TypeVar("F", bound=Callable[..., Any])

LANGS = _LANGS


class TextOption(click.Option):
    """An option whose help is a text in three languages (shown in the run's language), and whose
    ``hidden_names`` (old aliases) work but are not shown in ``--help``."""

    def __init__(
        self,
        *args: Any,
        help_text: Text | None = None,
        hidden_names: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.help_text = help_text
        self.hidden_names = tuple(hidden_names)

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.help_text is not None:
            self.help = tr(self.help_text)
        if not self.hidden_names:
            return super().get_help_record(ctx)
        shown = [o for o in self.opts if o not in self.hidden_names]
        saved = self.opts
        self.opts = shown
        try:
            return super().get_help_record(ctx)
        finally:
            self.opts = saved


class DateType(click.ParamType[dt.date]):
    """A date typed the way people write it: ``2.12.2026``, ``02.12.2026`` or ``2026-12-02``."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        from kototieto.cli import messages as M

        return tr(M.DATE_METAVAR)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        day = parse_user_date(str(value))
        if day is None:
            from kototieto.cli import messages as M

            self.fail(M.BAD_DATE.get(current_lang()).format(value=value), param, ctx)
        return day


DATE = DateType()


def _lang_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    return set_lang(value) if value is not None else current_lang()


def _messages() -> Any:
    from kototieto.cli import messages as M

    return M


def repo_option(
    func: F | None = None,
    *,
    aliases: Sequence[str] = (),
    dest: str = "repo",
    default: Path = Path("."),
    envvar: str | None = None,
    help_text: Text | None = None,
) -> Any:
    """``-C/--repo PATH``: the data repository (default: the current folder). ``aliases``: old
    names that still work but are hidden (``--data``, ``--comments``). ``koto comment`` gives its
    own ``dest``, ``default``, ``envvar`` and ``help_text`` (the comments folder)."""

    def deco(f: F) -> F:
        return click.option(
            "-C",
            "--repo",
            *aliases,
            dest,
            cls=TextOption,
            type=click.Path(file_okay=False, path_type=Path),
            default=default,
            envvar=envvar,
            show_default=True,
            help_text=help_text if help_text is not None else _messages().HELP_REPO,
            hidden_names=aliases,
        )(f)

    return deco(func) if func is not None else deco


def json_option(func: F) -> F:
    """``--json``: machine-readable output on stdout (errors as JSON on stderr)."""
    return click.option("--json", "as_json", is_flag=True, cls=TextOption, help_text=_messages().HELP_JSON)(
        func
    )


def lang_option(func: F) -> F:
    """``--lang fi|sv|en``: the language of labels and messages (default: the run's language:
    KOTO_LANG, koto.yaml, the system locale)."""
    return click.option(
        "--lang",
        type=click.Choice(LANGS),
        default=None,
        is_eager=True,
        callback=_lang_callback,
        cls=TextOption,
        help_text=_messages().HELP_LANG,
    )(func)


def common_options(func: F | None = None, *, repo_aliases: Sequence[str] = ()) -> Any:
    """``-C/--repo``, ``--lang`` and ``--json``, the same on every command."""

    def deco(f: F) -> F:
        return repo_option(lang_option(json_option(f)), aliases=repo_aliases)  # type: ignore[no-any-return]

    return deco(func) if func is not None else deco


def date_option(*names: str, help_text: Text | None = None, **kwargs: Any) -> Callable[[F], F]:
    """A date option that accepts d.m.yyyy and ISO dates."""
    return click.option(*names, type=DATE, cls=TextOption, help_text=help_text, **kwargs)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON (dates and paths as strings)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
