"""A command's ``--help`` in the run's language: its description (``help_texts.HELP``), its options'
help texts (``messages.OPTION_HELP``) and the placeholders of its arguments and options
(``messages.METAVARS``), for the command and every subcommand under it.

Placeholders and option texts are set on every run (usage errors name the placeholders); the
descriptions only when a help page may be shown (``describe``: ``-h``/``--help`` given, or a
group, which lists its subcommands), so a plain ``koto add`` does not load them. The English
originals are kept on the objects the first time, so one process can show the help in one language
and then in another (the tests do; every text is set again on each call).
"""

from __future__ import annotations

import inspect
import re
from typing import Any

import click

from kototieto.cli import messages as M
from kototieto.model.text import T, Text

KINDS_HELP = T("Tietuelajit (LAJI)", "Posttyper (TYP)", "Record kinds (KIND)")

_TOKEN = re.compile(r"[A-Z][A-Z0-9_]*(?: RANGE)?")
_SAVED = "_koto_en"


def _index(lang: str) -> int | None:
    return {"fi": 0, "sv": 1}.get(lang)


def localise_metavar(text: str, lang: str) -> str:
    """``[FILES]...`` -> ``[TIEDOSTO]...`` (fi); placeholders not in METAVARS stay as they are."""
    index = _index(lang)
    if index is None:
        return text
    if text in M.METAVARS:
        return M.METAVARS[text][index]
    return _TOKEN.sub(
        lambda m: M.METAVARS[m.group(0)][index] if m.group(0) in M.METAVARS else m.group(0), text
    )


def _saved(obj: Any, **originals: Any) -> dict[str, Any]:
    if _SAVED not in obj.__dict__:
        obj.__dict__[_SAVED] = originals
    saved: dict[str, Any] = obj.__dict__[_SAVED]
    return saved


def _localise_param(param: click.Parameter, ctx: click.Context, lang: str) -> None:
    saved = _saved(param, help=getattr(param, "help", None), metavar=param.metavar)
    param.metavar = saved["metavar"]
    if isinstance(param, click.Option):
        param.help = saved["help"]
    index = _index(lang)
    if index is None:
        return
    if isinstance(param, click.Option):
        if isinstance(saved["help"], str) and saved["help"] in M.OPTION_HELP:
            param.help = M.OPTION_HELP[saved["help"]][index]
        if param.is_flag or param.count:
            return
    shown = param.make_metavar(ctx)
    local = localise_metavar(shown, lang)
    if local != shown:
        param.metavar = local


def _kinds_list(lang: str) -> str:
    from kototieto.model.catalogue import kind_label
    from kototieto.model.records import RECORD_KINDS

    rows = "\n".join(f"  {kind:<26} {kind_label(kind, lang)}" for kind in RECORD_KINDS)
    return f"\b\n{KINDS_HELP.get(lang)}:\n{rows}"


def localise_command(
    path: str, cmd: click.Command, lang: str, summary: Text | None = None, *, describe: bool = True
) -> None:
    """Set ``cmd``'s placeholders and option texts (and its subcommands') in ``lang``; with
    ``describe``, also the description from HELP (else ``summary``, the one-line list text; en: the
    docstring). ``koto new --help`` also lists the record kinds with their names."""
    saved = _saved(cmd, help=inspect.cleandoc(cmd.help) if cmd.help else cmd.help)
    text = saved["help"]
    if describe:
        if lang != "en":
            from kototieto.cli.help_texts import HELP

            local = HELP.get(path) or summary
            if local is not None:
                text = local.get(lang)
        if path == "new":
            text = f"{text or ''}\n\n{_kinds_list(lang)}"
    cmd.help = text
    ctx = click.Context(cmd, info_name=path.rsplit(" ", 1)[-1])
    for param in cmd.params:
        _localise_param(param, ctx, lang)
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            localise_command(f"{path} {name}", sub, lang, describe=describe)
