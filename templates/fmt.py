"""Formatting of values for print: dates and numbers by language (Babel), masked identity codes.

Finnish and Swedish use the Finnish numeric date (14.3.2025, as Finland-Swedish officials write it);
English uses the written-out British form (14 March 2025), which no reader can misread as a US date.
Numbers follow the Finland locales (decimal comma) for fi and sv, British for en.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

LOCALES: dict[str, str] = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
DATE_FORMATS: dict[str, str] = {"fi": "short", "sv": "short", "en": "long"}


@cache
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(LOCALES[lang])
    except KeyError:
        raise ValueError(f"unknown language {lang!r}") from None


def format_date(value: dt.date, lang: str) -> str:
    """``14.3.2025`` (fi, sv) or ``14 March 2025`` (en)."""
    return _babel_date(value, DATE_FORMATS[lang], locale=_locale(lang))


def format_long_date(value: dt.date, lang: str) -> str:
    """Written-out date for running text: ``14. maaliskuuta 2025``, ``14 mars 2025``, ``14 March 2025``."""
    return _babel_date(value, "long", locale=_locale(lang))


def format_number(value: float, lang: str) -> str:
    """``4,5`` (fi, sv) or ``4.5`` (en); integers print without decimals."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format_decimal(value, locale=_locale(lang))


def format_period(start: dt.date | None, end: dt.date | None, lang: str, *, wrap: bool = False) -> str:
    """``14.3.2025–31.12.2025``; an open end keeps the dash (``14.3.2025–``).

    ``wrap`` is for narrow table cells: the line may break after the dash but never inside a date
    (``5 September 2025`` keeps its spaces unbreakable).
    """
    if start is None and end is None:
        return ""
    left = format_date(start, lang) if start else ""
    right = format_date(end, lang) if end else ""
    if wrap:
        return f"{left}\u2013\u200b{right}".replace(" ", "\u00a0")
    return f"{left}\u2013{right}"


def mask_identity(value: str) -> str:
    """Hide the individual part of an identity code: ``010190-900B`` -> ``010190-****``.

    The date of birth and century sign stay readable (the person can recognise their own paper);
    the whole individual number and the check character do not. Temporary identifiers (``T-`` and
    eight characters) keep only the prefix.
    """
    if value.startswith("T-"):
        return "T-" + "*" * (len(value) - 2)
    keep = min(7, len(value))
    return value[:keep] + "*" * (len(value) - keep)
