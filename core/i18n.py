"""The language of everything ``koto`` prints, and the message helpers every layer shares.

The language is chosen once per run, in this order (first that gives fi, sv or en):

1. ``--lang`` on the command line,
2. the ``KOTO_LANG`` environment variable,
3. the repository's ``koto.yaml``: the first of its ``languages``,
4. the system locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``),
5. Finnish.

Messages are ``Text`` objects (``kototieto.model.text.T(fi, sv, en)``) or anything else with a
``get(lang)`` method; :func:`tr` turns one into the current language. Library code keeps raising
and returning such texts; only the CLI picks the language (``set_lang``). Counts follow each
language's grammar (:func:`count`: "1 virhe", "2 virhettä"); numbers and dates are formatted with
Babel (:func:`number`, :func:`date_text`), imported only when used.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Protocol, runtime_checkable

LANGS: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANG = "fi"
ENV_VAR = "KOTO_LANG"
_LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}

_current: list[str] = []


@runtime_checkable
class Localised(Protocol):
    """Anything with a text per language (``kototieto.model.text.Text``)."""

    def get(self, lang: str) -> str: ...


def current_lang() -> str:
    """The language of this run (after :func:`set_lang`; otherwise resolved from the environment)."""
    if not _current:
        _current.append(resolve_lang())
    return _current[0]


def set_lang(lang: str | None) -> str:
    """Fix the language of this run; ``None`` resolves it from the environment and ``koto.yaml``."""
    chosen = lang if lang in LANGS else resolve_lang()
    _current[:] = [chosen]
    return chosen


def reset_lang() -> None:
    """Forget the chosen language (tests; a new run)."""
    _current.clear()


def _normal(value: str | None) -> str | None:
    if not value:
        return None
    head = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return head if head in LANGS else None


def repository_lang(start: Path | str | None = None) -> str | None:
    """The first of ``languages`` in the ``koto.yaml`` of the repository holding ``start`` (or cwd).

    Read with a regular expression, without YAML: this runs before every command.
    """
    here = Path(start if start is not None else ".").absolute()
    for folder in (here, *here.parents):
        config = folder / "koto.yaml"
        if config.is_file():
            try:
                text = config.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                return None
            match = re.search(r"^languages:\s*\[\s*([a-z]{2})", text, re.MULTILINE) or re.search(
                r"^languages:\s*\n\s*-\s*([a-z]{2})", text, re.MULTILINE
            )
            return _normal(match[1]) if match else None
        if (folder / ".git").exists():
            return None
    return None


def system_lang() -> str | None:
    """The language of the system locale, when it is fi, sv or en."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return _normal(value)
    return None


def resolve_lang(explicit: str | None = None, repo: Path | str | None = None) -> str:
    """The language by the order in this module's docstring."""
    return (
        _normal(explicit)
        or _normal(os.environ.get(ENV_VAR))
        or repository_lang(repo)
        or system_lang()
        or DEFAULT_LANG
    )


def tr(message: object, lang: str | None = None) -> str:
    """``message`` in ``lang`` (default: the current language); plain strings pass unchanged."""
    if isinstance(message, str):
        return message
    if isinstance(message, Localised):
        return message.get(lang or current_lang())
    return str(message)


def number(value: float, lang: str | None = None) -> str:
    """``value`` written the way ``lang`` writes numbers (Babel): 12 345,5 in fi and sv."""
    if isinstance(value, int) and abs(value) < 1000:
        return str(value)
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_LOCALES[lang or current_lang()]))


def date_text(day: dt.date, lang: str | None = None) -> str:
    """``day`` as people write it: 2.12.2026 in fi and sv, 2 Dec 2026 in en (Babel)."""
    lang = lang or current_lang()
    if lang in ("fi", "sv"):
        return f"{day.day}.{day.month}.{day.year}"
    from babel.dates import format_date

    return str(format_date(day, "medium", locale=_LOCALES[lang]))


def time_text(moment: dt.datetime, lang: str | None = None) -> str:
    """``moment`` in the local time zone as people write it: 2.12.2026 14:02 in fi and sv,
    2 Dec 2026 14:02 in en (``koto log``, ``koto conflicts``)."""
    local = moment.astimezone()
    return f"{date_text(local.date(), lang)} {local:%H:%M}"


#: (singular, plural) noun forms used by :func:`count`, per language. Finnish plural after a
#: number is the partitive singular ("2 virhettä"), Swedish "2 fel", English "2 errors".
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "error": {"fi": ("virhe", "virhettä"), "sv": ("fel", "fel"), "en": ("error", "errors")},
    "warning": {
        "fi": ("varoitus", "varoitusta"),
        "sv": ("varning", "varningar"),
        "en": ("warning", "warnings"),
    },
    "problem": {"fi": ("ongelma", "ongelmaa"), "sv": ("problem", "problem"), "en": ("problem", "problems")},
    "file": {"fi": ("tiedosto", "tiedostoa"), "sv": ("fil", "filer"), "en": ("file", "files")},
    "table": {"fi": ("taulukko", "taulukkoa"), "sv": ("tabell", "tabeller"), "en": ("table", "tables")},
    "column": {"fi": ("sarake", "saraketta"), "sv": ("kolumn", "kolumner"), "en": ("column", "columns")},
    "record": {"fi": ("tietue", "tietuetta"), "sv": ("post", "poster"), "en": ("record", "records")},
    "customer": {"fi": ("asiakas", "asiakasta"), "sv": ("kund", "kunder"), "en": ("customer", "customers")},
    "commit": {"fi": ("muutos", "muutosta"), "sv": ("ändring", "ändringar"), "en": ("commit", "commits")},
    "version": {"fi": ("versio", "versiota"), "sv": ("version", "versioner"), "en": ("version", "versions")},
    "conflict": {
        "fi": ("ristiriita", "ristiriitaa"),
        "sv": ("konflikt", "konflikter"),
        "en": ("conflict", "conflicts"),
    },
    "comment": {
        "fi": ("kommentti", "kommenttia"),
        "sv": ("kommentar", "kommentarer"),
        "en": ("comment", "comments"),
    },
    "page": {"fi": ("sivu", "sivua"), "sv": ("sida", "sidor"), "en": ("page", "pages")},
    "document": {
        "fi": ("asiakirja", "asiakirjaa"),
        "sv": ("dokument", "dokument"),
        "en": ("document", "documents"),
    },
    "field": {"fi": ("kenttä", "kenttää"), "sv": ("fält", "fält"), "en": ("field", "fields")},
}


def count(n: int, noun: str, lang: str | None = None) -> str:
    """``n`` and ``noun`` in the grammar of ``lang``: "1 virhe", "2 virhettä", "2 fel", "2 errors"."""
    lang = lang or current_lang()
    one, many = NOUNS[noun][lang if lang in LANGS else DEFAULT_LANG]
    return f"{number(n, lang)} {one if n == 1 else many}"


_FI_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_user_date(text: str) -> dt.date | None:
    """A date as people type it: ``2.12.2026``, ``02.12.2026`` or ``2026-12-02``; None otherwise."""
    match = _FI_DATE.match(text)
    if match:
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    else:
        match = _ISO_DATE.match(text)
        if not match:
            return None
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
