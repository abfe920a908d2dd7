"""The one record-id scheme.

Every record id made by kototieto (``koto new``, ``Store``, the demo data generator and the
importer) has three parts joined by hyphens::

    <kind prefix>-<date YYYYMMDD>-<random part, 8 lower-case hex digits>
    asm-20261202-3f9c2a71          an assessment drawn up on 2 December 2026
    pln-20261215-0b8e44d2          a plan (any plan kind)

Customer records have no date (the customer outlives every date): ``c-<8 hex digits>``, e.g.
``c-5a0e17c3``.

The prefixes (``KIND_PREFIX``) name the kind family: ``c`` customer, ``asm`` assessment (both kinds),
``pln`` plan (every plan kind), ``rev`` review, ``gdn`` guidance. The date is the record's own date
(the day it was drawn up), so ids sort by date inside a kind; the random part makes them unique
without a central counter (the generator draws it from its seeded generator, so its ids repeat).

Older ids stay valid: any id matching :data:`kototieto.model.types.ID_PATTERN` (lower-case letters,
digits and hyphens, 3-64 characters) is accepted in a record; only new ids follow this scheme.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

#: Kind -> id prefix.
KIND_PREFIX: dict[str, str] = {
    "customer": "c",
    "assessment": "asm",
    "multisectoral-assessment": "asm",
    "integration-plan": "pln",
    "multisectoral-plan": "pln",
    "family-plan": "pln",
    "review": "rev",
    "guidance": "gdn",
}

#: Prefix -> the kinds it may stand for.
PREFIX_KINDS: dict[str, tuple[str, ...]] = {}
for _kind, _prefix in KIND_PREFIX.items():
    PREFIX_KINDS[_prefix] = (*PREFIX_KINDS.get(_prefix, ()), _kind)

RANDOM_DIGITS = 8
_RANDOM_LIMIT = 16**RANDOM_DIGITS

_SCHEME = re.compile(r"^(?P<prefix>[a-z]+)-(?:(?P<date>\d{8})-)?(?P<random>[0-9a-f]{8})$")


@dataclass(frozen=True, slots=True)
class IdParts:
    """The parts of an id that follows the scheme."""

    prefix: str
    day: dt.date | None
    random: str

    @property
    def kinds(self) -> tuple[str, ...]:
        return PREFIX_KINDS.get(self.prefix, ())


def prefix_for(kind: str) -> str:
    """The id prefix of ``kind``; raises KeyError for an unknown kind."""
    return KIND_PREFIX[kind]


def compose(prefix: str, day: dt.date | None, random_part: int) -> str:
    """The id with ``prefix``, ``day`` (None only for customers) and ``random_part`` (< 16**8)."""
    if prefix not in PREFIX_KINDS:
        raise ValueError(f"unknown id prefix {prefix!r}")
    if not 0 <= random_part < _RANDOM_LIMIT:
        raise ValueError(f"random part {random_part} out of range 0..{_RANDOM_LIMIT - 1}")
    if prefix == "c":
        return f"c-{random_part:0{RANDOM_DIGITS}x}"
    if day is None:
        raise ValueError(f"a {PREFIX_KINDS[prefix][0]} id needs a date")
    return f"{prefix}-{day.strftime('%Y%m%d')}-{random_part:0{RANDOM_DIGITS}x}"


def format_record_id(kind: str, day: dt.date | None, random_part: int) -> str:
    """The id of a ``kind`` record of ``day`` with ``random_part`` (0 <= random_part < 16**8)."""
    return compose(prefix_for(kind), day, random_part)


def new_record_id(kind: str, day: dt.date | None = None) -> str:
    """A fresh id for a ``kind`` record of ``day`` (default: today), random part from ``secrets``."""
    if day is None and kind != "customer":
        day = dt.date.today()
    return format_record_id(kind, day, secrets.randbelow(_RANDOM_LIMIT))


def parse_record_id(record_id: str) -> IdParts | None:
    """The parts of ``record_id`` when it follows the scheme, else None (older ids stay valid)."""
    match = _SCHEME.match(record_id)
    if match is None:
        return None
    prefix = match["prefix"]
    if prefix not in PREFIX_KINDS:
        return None
    raw = match["date"]
    if (prefix == "c") != (raw is None):
        return None
    day: dt.date | None = None
    if raw is not None:
        try:
            day = dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
        except ValueError:
            return None
    return IdParts(prefix, day, match["random"])


def follows_scheme(record_id: str, kind: str | None = None) -> bool:
    """True when ``record_id`` follows the scheme (and, with ``kind``, has that kind's prefix)."""
    parts = parse_record_id(record_id)
    if parts is None:
        return False
    return kind is None or KIND_PREFIX.get(kind) == parts.prefix
