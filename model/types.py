"""Scalar types shared by the record models.

Input is strict: no silent coercion. A date is a ``datetime.date`` or a ``YYYY-MM-DD`` string and
nothing else (not a datetime, not ``20250101``); a boolean is ``true``/``false`` only.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, StringConstraints, WithJsonSchema

from kototieto.model.text import T, TextError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FI_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_SLASH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")

WRITE_AS = T(
    "'{value}' on kirjoitettu väärin: kirjoita päivämäärä muodossa vvvv-kk-pp, tässä {iso}.",
    "'{value}' är fel skrivet: skriv datumet som åååå-mm-dd, här {iso}.",
    "'{value}' is written the wrong way: write the date as yyyy-mm-dd, here {iso}.",
)
NOT_A_DATE = T(
    "'{value}' ei ole päivämäärä. Kirjoita se muodossa vvvv-kk-pp, esim. 2026-12-02.",
    "'{value}' är inget datum. Skriv det som åååå-mm-dd, t.ex. 2026-12-02.",
    "'{value}' is not a date. Write it as yyyy-mm-dd, e.g. 2026-12-02.",
)
NO_SUCH_DAY = T(
    "Päivää {value} ei ole kalenterissa. Tarkista päivä ja kuukausi.",
    "Dagen {value} finns inte i kalendern. Kontrollera dag och månad.",
    "There is no day {value} in the calendar. Check the day and the month.",
)
DATE_NOT_TIME = T(
    "Kirjoita pelkkä päivämäärä ilman kellonaikaa (vvvv-kk-pp).",
    "Skriv bara datumet utan klockslag (åååå-mm-dd).",
    "Write the date only, without a time (yyyy-mm-dd).",
)
DATE_EXPECTED = T(
    "Tähän kuuluu päivämäärä muodossa vvvv-kk-pp, esim. 2026-12-02.",
    "Här ska det stå ett datum som åååå-mm-dd, t.ex. 2026-12-02.",
    "A date is expected here, as yyyy-mm-dd, e.g. 2026-12-02.",
)


def _converted(value: str) -> dt.date | None:
    match = _FI_DATE.match(value) or _SLASH_DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise TextError(DATE_NOT_TIME)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if not _ISO_DATE.match(value):
            day = _converted(value)
            if day is not None:
                raise TextError(WRITE_AS.format(value=value, iso=day.isoformat()))
            raise TextError(NOT_A_DATE.format(value=value))
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise TextError(NO_SUCH_DAY.format(value=value)) from None
    raise TextError(DATE_EXPECTED)


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]

#: Record and customer ids: lower-case letters, digits and hyphens; safe as file and folder names.
ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])$"
RecordId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=False)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=10_000)]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=254)]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()-]{5,30}$")]
Years = Annotated[float, Field(ge=0, le=80)]
