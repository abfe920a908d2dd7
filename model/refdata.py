"""Reference code lists: municipalities, wellbeing services counties, countries, languages.

The Finnish lists are shipped as CSV files in ``kototieto.model/data`` (their origin and checks
are in ``data/SOURCES.md``); countries and languages come from pycountry and its gettext
catalogues. Everything here is pure (no I/O beyond reading packaged files) and cached.

Invariants and trade-offs:

* Every function returns a read-only ``Mapping`` (a ``MappingProxyType`` over a cached dict),
  never a fresh ``dict``: a caller cannot corrupt the cache, and a membership test in a hot loop
  (``code in municipalities()``) costs a dict lookup, not a copy of several thousand entries.
* Names are never missing: where pycountry has no Finnish or Swedish translation the English
  name is used. :func:`name_coverage` tells how many names really were translated.
* Municipality codes are those of Statistics Finland's classification ("kunta") for 2025 and
  2026. ``municipalities()`` returns the union (a record dated 2025 may name a municipality that
  merged away on 1 January 2026); ``municipalities(on=date)`` only those in force on that date.
  Dates after the newest classification get the newest list: the CSV must be refreshed yearly.
"""

from __future__ import annotations

import csv
import functools
import gettext
import importlib.resources
import io
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Literal

LANGS: tuple[str, ...] = ("fi", "sv", "en")
"""Languages every name is available in."""

MUNICIPALITY_YEARS: tuple[int, ...] = (2025, 2026)
"""Classification years covered by ``data/municipalities.csv``."""

_MUNICIPALITY_HEADER = ["code", "name_fi", "name_sv", "valid_until"]
_COUNTY_HEADER = ["code", "name_fi", "name_sv", "name_en"]

NameKind = Literal["countries", "languages"]


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}: expected one of {', '.join(LANGS)}")


def _read_csv(name: str, header: list[str]) -> list[dict[str, str]]:
    """Rows of the packaged CSV file ``data/<name>``."""
    text = (importlib.resources.files(__package__) / "data" / name).read_text(encoding="utf-8")
    return parse_csv(text, name, header)


def parse_csv(text: str, name: str, header: list[str]) -> list[dict[str, str]]:
    """Rows of a code-list CSV, checked for the expected header and for complete, unpadded
    first three fields; errors name the file, line and field."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0] != header:
        raise ValueError(f"data/{name}: line 1: expected header {','.join(header)}")
    result: list[dict[str, str]] = []
    for line_no, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise ValueError(f"data/{name}: line {line_no}: expected {len(header)} fields, got {len(row)}")
        record = dict(zip(header, row, strict=True))
        for field in header[:3]:
            if not record[field] or record[field] != record[field].strip():
                raise ValueError(f"data/{name}: line {line_no}: field {field!r} is empty or padded")
        result.append(record)
    return result


@functools.cache
def _municipality_rows() -> tuple[tuple[str, str, str, date | None], ...]:
    rows: list[tuple[str, str, str, date | None]] = []
    seen: set[str] = set()
    for line_no, rec in enumerate(_read_csv("municipalities.csv", _MUNICIPALITY_HEADER), start=2):
        code = rec["code"]
        if len(code) != 3 or not code.isdigit() or code in seen:
            raise ValueError(f"data/municipalities.csv: line {line_no}: field 'code' {code!r} is invalid")
        seen.add(code)
        until = date.fromisoformat(rec["valid_until"]) if rec["valid_until"] else None
        rows.append((code, rec["name_fi"], rec["name_sv"], until))
    return tuple(rows)


@functools.cache
def _municipalities_valid_from(cutoff: date | None) -> Mapping[str, tuple[str, str]]:
    """Municipalities whose validity has not ended before ``cutoff`` (None: all of them)."""
    return MappingProxyType(
        {
            code: (fi, sv)
            for code, fi, sv, until in _municipality_rows()
            if cutoff is None or until is None or until >= cutoff
        }
    )


def municipalities(on: date | None = None) -> Mapping[str, tuple[str, str]]:
    """Municipality code (3 digits, e.g. "091") -> (Finnish name, Swedish name).

    Without ``on``: every municipality of the 2025 and 2026 classifications. With ``on``: only
    those in force on that date. The Swedish name equals the Finnish one where the municipality
    has no Swedish name.
    """
    if on is None:
        return _municipalities_valid_from(None)
    # Key the cache by the earliest end date still >= on, not by the date itself, so the cache
    # holds one entry per distinct end date however many dates are asked about.
    return _municipalities_valid_from(min((end for end in _end_dates() if end >= on), default=date.max))


@functools.cache
def _end_dates() -> frozenset[date]:
    return frozenset(until for *_, until in _municipality_rows() if until is not None)


@functools.cache
def wellbeing_counties() -> Mapping[str, tuple[str, str, str]]:
    """Wellbeing services county code (Statistics Finland "hyvinvointialue", e.g. "01") ->
    (Finnish, Swedish, English name).

    The 21 wellbeing services counties plus the City of Helsinki (code "90"), which organises
    these services itself. The HUS group is not a county and Åland (code "91" in the same
    classification) is outside the reform, so neither is listed.
    """
    result: dict[str, tuple[str, str, str]] = {}
    for line_no, rec in enumerate(_read_csv("wellbeing_counties.csv", _COUNTY_HEADER), start=2):
        code = rec["code"]
        if len(code) != 2 or not code.isdigit() or code in result or not rec["name_en"]:
            raise ValueError(f"data/wellbeing_counties.csv: line {line_no}: invalid row for code {code!r}")
        result[code] = (rec["name_fi"], rec["name_sv"], rec["name_en"])
    return MappingProxyType(result)


class _Miss(gettext.NullTranslations):
    """Fallback catalogue that answers every lookup with an empty string (= "not translated")."""

    def gettext(self, message: str) -> str:
        return ""


@functools.cache
def _translator(domain: str, lang: str) -> Callable[[str], str]:
    """gettext lookup for a pycountry domain; returns "" for names the catalogue lacks."""
    if lang == "en":
        return lambda message: message
    import pycountry  # deferred: importing pycountry costs ~20 ms, too much for every CLI start

    catalogue = gettext.translation(domain, localedir=pycountry.LOCALES_DIR, languages=[lang], fallback=True)
    catalogue.add_fallback(_Miss())
    return catalogue.gettext


@functools.cache
def _country_names(lang: str) -> tuple[Mapping[str, str], int]:
    import pycountry

    translate = _translator("iso3166-1", lang)
    names: dict[str, str] = {}
    translated = 0
    for country in pycountry.countries:
        local = translate(country.name)
        translated += bool(local)
        names[country.alpha_2] = local or country.name
    return MappingProxyType(names), translated


def countries(lang: str) -> Mapping[str, str]:
    """ISO 3166-1 alpha-2 code -> country name in ``lang`` (fi, sv or en; English where missing)."""
    _check_lang(lang)
    return _country_names(lang)[0]


@functools.cache
def _language_names(lang: str) -> tuple[Mapping[str, str], int]:
    import pycountry

    translate = _translator("iso639-3", lang)
    names: dict[str, str] = {}
    translated = 0
    for language in pycountry.languages:
        if getattr(language, "type", None) != "L":
            continue
        code = getattr(language, "alpha_2", None) or language.alpha_3
        local = translate(language.name)
        translated += bool(local)
        names[code] = local or language.name
    return MappingProxyType(names), translated


def languages(lang: str) -> Mapping[str, str]:
    """Living language code -> name in ``lang`` (fi, sv or en; English where missing).

    Keys are the shortest ISO 639 code: alpha-2 where the language has one ("fi"), else
    alpha-3 ("smn"). Only ISO 639-3 type "L" (living) languages are included.
    """
    _check_lang(lang)
    return _language_names(lang)[0]


def name_coverage(kind: NameKind, lang: str) -> tuple[int, int]:
    """(names really translated into ``lang``, all names) for ``countries`` or ``languages``."""
    _check_lang(lang)
    names, translated = _country_names(lang) if kind == "countries" else _language_names(lang)
    return translated, len(names)
