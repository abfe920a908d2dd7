"""Finnish personal identity codes (henkilötunnus, "hetu") and temporary customer identifiers.

A hetu is ``DDMMYYCZZZQ``: birth date, century sign ``C``, individual number ``ZZZ`` (odd for
men, even for women; 002-899 for real people, 900-999 for temporary and test use) and check
character ``Q`` = ``"0123456789ABCDEFHJKLMNPRSTUVWXY"[int(DDMMYYZZZ) % 31]``. The century signs
are ``+`` (1800s), ``-`` and ``Y X W V U`` (1900s) and ``A B C D E F`` (2000s); the extra ones
exist since 2023 and are exact equivalents of ``-`` and ``A``: the check character does not
depend on the sign.

Why not python-stdnum's ``stdnum.fi.hetu``: it knows every century sign (the tests use it as an
independent oracle), but it upper-cases and strips its input (this project does no silent
coercion), rejects 900-999 unless asked, and reports one generic error for a bad format and an
unknown sign. The whole rule is ten lines, so it is implemented here with one clear English
message per failure: wrong format, unknown century sign, impossible date, individual number
000/001, wrong check character. Messages never repeat the whole code (it is personal data).

Temporary identifier (for a customer whose hetu is not known): ``T-`` followed by 8 characters
of Crockford's base-32 alphabet (digits and upper-case letters without I, L, O, U), e.g.
``T-0000001Z``. It is 10 characters long and starts with a letter, so it can never be mistaken
for a hetu (11 characters, 6 digits first), nor the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kototieto.model.text import T, TextError

Sex = Literal["female", "male"]

CENTURY_SIGNS: dict[str, int] = {
    "+": 1800,
    **dict.fromkeys("-YXWVU", 1900),
    **dict.fromkeys("ABCDEF", 2000),
}
"""Century sign -> first year of the century."""

_PRIMARY_SIGN = {1800: "+", 1900: "-", 2000: "A"}
_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_SHAPE = re.compile(r"(?P<date>[0-9]{6})(?P<sign>.)(?P<individual>[0-9]{3})(?P<check>.)", re.ASCII)

TEST_RANGE = range(900, 1000)
"""Individual numbers for temporary and test use: the only ones test data may carry."""

TEMPORARY_ID_PREFIX = "T-"
_TEMPORARY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TEMPORARY_LENGTH = 8
_TEMPORARY_RE = re.compile(rf"T-[{_TEMPORARY_ALPHABET}]{{{_TEMPORARY_LENGTH}}}", re.ASCII)


@dataclass(frozen=True)
class Hetu:
    """A parsed, valid personal identity code. ``value`` is exactly the string parsed."""

    value: str
    birth_date: date
    individual_number: int
    sex: Sex

    @property
    def canonical(self) -> str:
        """The code with the primary century sign (``+``, ``-`` or ``A``): the same person
        written with ``Y`` or ``B`` has the same canonical form."""
        century = self.birth_date.year // 100 * 100
        return self.value[:6] + _PRIMARY_SIGN[century] + self.value[7:]


def _check_char(birth: str, individual: str) -> str:
    return _CHECK_CHARS[int(birth + individual) % 31]


def parse_hetu(value: str) -> Hetu:
    """Parse and validate a personal identity code; raise ``ValueError`` saying what is wrong.

    No normalisation: surrounding spaces or lower-case letters are errors, not fixed silently.
    """
    match = _SHAPE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise TextError(
            T(
                "tunnus ei ole suomalaisen henkilötunnuksen muotoinen: 11 merkkiä PPKKVVCNNNT "
                "(syntymäaika kuudella numerolla, välimerkki, yksilönumero, tarkistusmerkki)",
                "beteckningen har inte formen av en finsk personbeteckning: 11 tecken DDMMÅÅCNNNK "
                "(födelsedatum med sex siffror, skiljetecken, individnummer, kontrolltecken)",
                "not a Finnish personal identity code: expected 11 characters DDMMYYCZZZQ "
                "(6 digits of birth date, century sign, 3-digit individual number, check character)",
            )
        )
    sign = match["sign"]
    if sign not in CENTURY_SIGNS:
        upper = sign.upper() in CENTURY_SIGNS
        signs = " ".join(CENTURY_SIGNS)
        raise TextError(
            T(
                f"tuntematon välimerkki {sign!r}{' (kirjoita isolla)' if upper else ''}: sallitut {signs}",
                f"okänt skiljetecken {sign!r}{' (skriv med versal)' if upper else ''}: tillåtna {signs}",
                f"unknown century sign {sign!r}{' (century signs are upper case)' if upper else ''}: "
                f"expected one of {signs}",
            )
        )
    digits = match["date"]
    day, month, year = int(digits[0:2]), int(digits[2:4]), CENTURY_SIGNS[sign] + int(digits[4:6])
    try:
        birth_date = date(year, month, day)
    except ValueError:
        raise TextError(
            T(
                f"syntymäaikaa {day}.{month}.{year} ei ole kalenterissa",
                f"födelsedatumet {day}.{month}.{year} finns inte i kalendern",
                f"impossible birth date: day {day:02d} of month {month:02d} in year {year} does not exist",
            )
        ) from None
    individual = int(match["individual"])
    if individual < 2:
        raise TextError(
            T(
                f"yksilönumeroa {individual:03d} ei anneta: sallitut 002-999",
                f"individnumret {individual:03d} ges aldrig: tillåtna 002-999",
                f"individual number {individual:03d} is never issued: expected 002-999",
            )
        )
    expected = _check_char(digits, match["individual"])
    if match["check"] != expected:
        got = match["check"]
        raise TextError(
            T(
                f"väärä tarkistusmerkki {got!r}: oikea on {expected!r}",
                f"fel kontrolltecken {got!r}: rätt är {expected!r}",
                f"wrong check character {got!r}: expected {expected!r}",
            )
        )
    return Hetu(
        value=value,
        birth_date=birth_date,
        individual_number=individual,
        sex="male" if individual % 2 else "female",
    )


def is_valid_hetu(value: str) -> bool:
    """True if ``value`` parses as a personal identity code."""
    try:
        parse_hetu(value)
    except ValueError:
        return False
    return True


def is_test_range(hetu: Hetu) -> bool:
    """True for individual numbers 900-999 (temporary and test use, never a real person's)."""
    return hetu.individual_number in TEST_RANGE


def make_hetu(birth_date: date, individual_number: int) -> str:
    """The identity code for a birth date (1800-2099) and individual number (2-999).

    Uses the primary century sign (``+``, ``-``, ``A``). Generated test data must use
    numbers in :data:`TEST_RANGE`; this function itself also serves tests of real ranges.
    """
    if not 1800 <= birth_date.year <= 2099:
        raise ValueError(f"birth year {birth_date.year} has no century sign: expected 1800-2099")
    if not 2 <= individual_number <= 999:
        raise ValueError(f"individual number {individual_number} out of range: expected 2-999")
    digits = birth_date.strftime("%d%m") + f"{birth_date.year % 100:02d}"
    individual = f"{individual_number:03d}"
    sign = _PRIMARY_SIGN[birth_date.year // 100 * 100]
    return digits + sign + individual + _check_char(digits, individual)


def is_temporary_id(value: str) -> bool:
    """True for a temporary customer identifier: ``T-`` + 8 Crockford base-32 characters."""
    return isinstance(value, str) and _TEMPORARY_RE.fullmatch(value) is not None


def make_temporary_id(number: int) -> str:
    """The temporary identifier that encodes ``number`` (0 <= number < 32**8), zero-padded.

    Deterministic, so a seeded generator produces the same identifiers on every run.
    """
    if not 0 <= number < len(_TEMPORARY_ALPHABET) ** _TEMPORARY_LENGTH:
        raise ValueError(f"temporary id number {number} out of range: expected 0 to 32**8 - 1")
    chars = []
    for _ in range(_TEMPORARY_LENGTH):
        number, digit = divmod(number, len(_TEMPORARY_ALPHABET))
        chars.append(_TEMPORARY_ALPHABET[digit])
    return TEMPORARY_ID_PREFIX + "".join(reversed(chars))
