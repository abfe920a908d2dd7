"""The dataset specification: seed, date range, organisations and officials, id permutations.

``DatasetSpec`` holds what every customer of a dataset shares; ``life`` plays one customer's path
with it and ``generator`` builds datasets from it. (Split from ``generator`` so that ``life`` and
``generator`` do not import each other.)
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kototieto.model import ids, refdata
from kototieto.synthetic.people import COUNTY_OF, OFFICIAL_NAMES, PLACES, TITLES, Place
from kototieto.synthetic.realism import DEFAULT_REALISM, Imperfections

#: No record is dated before this day (the Act 681/2023 entered into force on it).
EARLIEST = dt.date(2025, 1, 1)
#: Customers with a customer index at or above this cannot get unique record ids.
MAX_CUSTOMERS = 1 << 25
#: Records of one customer at most (record ids number them within the customer).
MAX_RECORDS_PER_CUSTOMER = 1 << 7

Data = dict[str, Any]


class Permutation:
    """A keyed bijection of ``range(size)``: a 4-round Feistel network on ``bits`` bits with
    cycle-walking (values at or past ``size`` are permuted again until they fall inside)."""

    def __init__(self, key: str, bits: int, size: int | None = None) -> None:
        if bits % 2:
            raise ValueError("bits must be even")
        self._half = bits // 2
        self._mask = (1 << self._half) - 1
        keyed = random.Random(key)
        self._keys = tuple(keyed.getrandbits(32) for _ in range(4))
        self.size = (1 << bits) if size is None else size
        if self.size > 1 << bits:
            raise ValueError("size does not fit in bits")

    def _round(self, x: int, key: int) -> int:
        x = (x * 0x9E3779B1 + key) & 0xFFFFFFFF
        x ^= x >> 15
        x = (x * 0x85EBCA6B) & 0xFFFFFFFF
        x ^= x >> 13
        return x & self._mask

    def __call__(self, value: int) -> int:
        if not 0 <= value < self.size:
            raise ValueError(f"{value} is outside the permuted range 0..{self.size - 1}")
        x = value
        while True:
            left, right = x >> self._half, x & self._mask
            for key in self._keys:
                left, right = right, left ^ self._round(right, key)
            x = (left << self._half) | right
            if x < self.size:
                return x


@dataclass(frozen=True, slots=True)
class Official:
    """Someone who draws up records: the contact details written into ``drawn_up_by``."""

    name: str
    title: str
    organisation: str
    phone: str
    email: str
    lang: str

    def contact(self) -> Data:
        return {
            "name": self.name,
            "title": self.title,
            "organisation": self.organisation,
            "phone": self.phone,
            "email": self.email,
        }


@dataclass(frozen=True, slots=True)
class OrgInfo:
    """A recording municipality with its officials and its wellbeing services county (if known)."""

    place: Place
    name: str
    officials: tuple[Official, ...]
    county: str | None
    county_name: str | None
    county_officials: tuple[Official, ...]
    county_name_sv: str | None = None

    def local_name(self, lang: str) -> str:
        """The municipality's name as a record in ``lang`` writes it (Swedish in Swedish)."""
        return self.place.org_sv if lang == "sv" else self.name

    def local_county(self, lang: str) -> str | None:
        return self.county_name_sv if lang == "sv" else self.county_name

    def organisation(self) -> Data:
        return {"type": "municipality", "code": self.place.code, "name": self.name}

    def county_organisation(self) -> Data:
        assert self.county is not None and self.county_name is not None
        return {"type": "wellbeing-services-county", "code": self.county, "name": self.county_name}


_ASCII = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u", "õ": "o", " ": "", "-": ""})


def _email(first: str, last: str, slug: str) -> str:
    return f"{first.lower().translate(_ASCII)}.{last.lower().translate(_ASCII)}@{slug}.example.fi"


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(("40", "41", "44", "45", "50"))
    return f"+358 {prefix} {rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"


def _officials(
    rng: random.Random,
    kind: str,
    count: int,
    org_fi: str,
    org_sv: str,
    unit: tuple[str, str] | None,
    slug: str,
    swedish_share: float,
) -> tuple[Official, ...]:
    """``count`` officials; the Swedish share of them writes Swedish, now and then one English."""
    swedish = round(count * swedish_share)
    english = 1 if count - swedish > 1 and rng.random() < 0.4 else 0
    langs = ["sv"] * swedish + ["en"] * english + ["fi"] * (count - swedish - english)
    out: list[Official] = []
    used: set[str] = set()
    while len(out) < count:
        lang = langs[len(out)]
        names = OFFICIAL_NAMES[lang]
        first, last = rng.choice(names.first), rng.choice(names.last)
        if f"{first} {last}" in used:
            continue
        used.add(f"{first} {last}")
        if lang == "sv":
            organisation = f"{org_sv}, {unit[1]}" if unit else org_sv
        else:
            organisation = f"{org_fi}, {unit[0]}" if unit else org_fi
        title = rng.choice(TITLES[kind][lang])
        out.append(
            Official(f"{first} {last}", title, organisation, _phone(rng), _email(first, last, slug), lang)
        )
    return tuple(out)


def _place_for(organisation: str | Mapping[str, Any] | None) -> tuple[Place, str | None] | None:
    """The place of a given organisation (code or ``{type, code, name}``) and its name override."""
    if organisation is None:
        return None
    if isinstance(organisation, str):
        code, name = organisation, None
    else:
        if organisation.get("type", "municipality") != "municipality":
            raise ValueError(
                "synthetic customers are recorded by a municipality: give a municipality code "
                "(a wellbeing services county records only reviews of multisectoral plans)"
            )
        code, name = str(organisation.get("code", "")), organisation.get("name")
    for place in PLACES:
        if place.code == code:
            return place, name
    names = refdata.municipalities().get(code)
    if names is None:
        raise ValueError(f"{code!r} is not a municipality code of the packaged classification")
    slug = names[0].lower().translate(_ASCII)
    place = Place(
        code,
        1,
        names[0],
        names[1],
        "kotoutumispalvelut",
        "integrationstjänster",
        slug,
        COUNTY_OF.get(code, ""),
        0.05,
        (),
    )
    return place, name


class DatasetSpec:
    """What a dataset is made of: seed, date range, organisations, imperfections, id permutations."""

    def __init__(
        self,
        seed: int,
        today: dt.date,
        organisation: str | Mapping[str, Any] | None = None,
        *,
        realism: Imperfections = DEFAULT_REALISM,
    ) -> None:
        if today < EARLIEST:
            raise ValueError(
                f"today ({today.isoformat()}) is before {EARLIEST.isoformat()}: no records to date"
            )
        self.seed = seed
        self.today = today
        self.realism = realism
        fixed = _place_for(organisation)
        self._fixed_place = fixed[0] if fixed else None
        self._fixed_name = fixed[1] if fixed else None
        self._weights = tuple(p.weight for p in PLACES)
        self._orgs: dict[str, OrgInfo] = {}
        self.customer_ids = Permutation(f"{seed}:customer-ids", 32)
        self.record_ids = Permutation(f"{seed}:record-ids", 32)
        self.temporary_ids = Permutation(f"{seed}:temporary-ids", 40)
        # Birth dates 1.1.1958-31.12.2006 times individual numbers 900-999: a customer's identity
        # code is a bijection of its index, so no two customers share one.
        self.birth_first = dt.date(1958, 1, 1)
        self.birth_days = (dt.date(2006, 12, 31) - self.birth_first).days + 1
        self.identity_codes = Permutation(f"{seed}:identity-codes", 22, self.birth_days * 100)

    def place(self, rng: random.Random) -> Place:
        if self._fixed_place is not None:
            return self._fixed_place
        return rng.choices(PLACES, weights=self._weights)[0]

    def org(self, place: Place) -> OrgInfo:
        info = self._orgs.get(place.code)
        if info is None:
            info = self._make_org(place)
            self._orgs[place.code] = info
        return info

    def _make_org(self, place: Place) -> OrgInfo:
        rng = random.Random(f"{self.seed}:org:{place.code}")
        name = (
            place.org_fi if self._fixed_name is None or place is not self._fixed_place else self._fixed_name
        )
        officials = _officials(
            rng,
            "municipality",
            rng.randint(4, 6),
            place.org_fi,
            place.org_sv,
            (place.unit_fi, place.unit_sv),
            place.slug,
            place.swedish_share,
        )
        county = place.county or None
        county_name: str | None = None
        county_name_sv: str | None = None
        county_officials: tuple[Official, ...] = ()
        if county is not None:
            fi, sv, _en = refdata.wellbeing_counties()[county]
            county_name, county_name_sv = fi, sv
            county_officials = _officials(
                rng, "wellbeing-services-county", 3, fi, sv, None, f"hva{county}", place.swedish_share
            )
        return OrgInfo(place, name, officials, county, county_name, county_officials, county_name_sv)

    def customer_id(self, index: int) -> str:
        return ids.compose("c", None, self.customer_ids(index))

    def record_id(self, prefix: str, day: dt.date, index: int, seq: int) -> str:
        if not 0 <= seq < MAX_RECORDS_PER_CUSTOMER:
            raise ValueError(f"customer {index} would have more than {MAX_RECORDS_PER_CUSTOMER} records")
        suffix = self.record_ids(index * MAX_RECORDS_PER_CUSTOMER + seq)
        return ids.compose(prefix, day, suffix)

    def birth_and_number(self, index: int) -> tuple[dt.date, int]:
        value = self.identity_codes(index)
        day, number = divmod(value, 100)
        return self.birth_first + dt.timedelta(days=day), 900 + number
