"""Realistic, valid, synthetic records of every kind, deterministic from a seed.

``generate_dataset(customers, seed, today)`` returns customer records and each customer's life
cycle: guidance, an assessment (basic or multisectoral), a plan (integration, multisectoral or
family), reviews every four to six months (by the wellbeing services county too, for multisectoral
plans, changing only its own services), and now and then a plan that ends, is extended, is
switched to a multisectoral plan, or is handed to the employment authority. Free text is short
and factual, mostly Finnish, Swedish where the official writes Swedish, sometimes English.

Invariants and trade-offs:

* Pure and deterministic: every draw comes from ``random.Random`` objects seeded with strings
  built from the seed (string seeds are hashed with SHA-512, not with ``hash()``, so
  ``PYTHONHASHSEED`` does not matter); no global random state, no iteration over sets.
* Each customer has its own generator seeded with (seed, customer index): customer *i* is the same
  whatever the dataset size, ``iter_dataset`` streams one customer at a time in little memory, and
  ``customer_records`` builds any one customer alone (the hypothesis strategies use it).
* Uniqueness by construction, not by redrawing: customer ids, record ids, identity codes and
  temporary identifiers are keyed bijections (Feistel permutations) of the customer index and a
  per-customer sequence number, so a dataset never holds two equal ones.
* Only synthetic people: identity codes carry individual numbers 900-999; names are invented
  combinations (see ``synthetic_people``).
* Every record passes ``validation.validate_data`` without errors and the whole set passes
  ``validation.check_records`` without errors; the tests check both.
* Deliberately imperfect, as real pilot data is (``realism``, see ``synthetic_realism``): by
  default some reviews are late or missing (overdue on ``today``), planned beyond the 6-month
  interval, some services start late and some assessment items are left unrecorded; these give
  warnings, never errors. With ``realism=Imperfections.none()`` there are no warnings up to
  31.12.2026. Records dated from 1.1.2027 on (a ``today`` in 2027) then warn once per review
  that ends a plan: the 'shall' rule wants ``next_review``, while ``review-outcome`` wants none
  after an ended plan; the generator follows ``review-outcome``.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kototieto.model.records import Record, parse_record
from kototieto.synthetic.life import customer_life
from kototieto.synthetic.realism import DEFAULT_REALISM, Imperfections
from kototieto.synthetic.spec import (
    EARLIEST,
    MAX_CUSTOMERS,
    MAX_RECORDS_PER_CUSTOMER,
    DatasetSpec,
    Official,
    OrgInfo,
    Permutation,
)

__all__ = [
    "EARLIEST",
    "MAX_CUSTOMERS",
    "MAX_RECORDS_PER_CUSTOMER",
    "CustomerSource",
    "DatasetSpec",
    "Imperfections",
    "Official",
    "OrgInfo",
    "Permutation",
    "customer_records",
    "generate_dataset",
    "iter_dataset",
]


def customer_records(spec: DatasetSpec, index: int, *, realism: Imperfections | None = None) -> list[Record]:
    """Customer ``index``'s records (customer record first, then in date order), validated.

    ``realism``: the imperfections to draw (None: the spec's, by default ``Imperfections()``).
    """
    if not 0 <= index < MAX_CUSTOMERS:
        raise ValueError(f"customer index {index} out of range 0..{MAX_CUSTOMERS - 1}")
    rng = random.Random(f"kototieto-synthetic:{spec.seed}:{index}")
    profile = spec.realism if realism is None else realism
    return [parse_record(data) for data in customer_life(spec, rng, index, profile)]


def iter_dataset(
    customers: int,
    seed: int,
    today: dt.date,
    organisation: str | Mapping[str, Any] | None = None,
    *,
    realism: Imperfections = DEFAULT_REALISM,
) -> Iterator[list[Record]]:
    """One list of records per customer, customer by customer (memory stays flat)."""
    if customers < 0:
        raise ValueError("the number of customers cannot be negative")
    spec = DatasetSpec(seed, today, organisation, realism=realism)
    for index in range(customers):
        yield customer_records(spec, index)


def generate_dataset(
    customers: int,
    seed: int,
    today: dt.date,
    organisation: str | Mapping[str, Any] | None = None,
    *,
    realism: Imperfections = DEFAULT_REALISM,
) -> list[Record]:
    """Every record of ``customers`` synthetic customers, recorded between 2025-01-01 and ``today``.

    ``organisation``: a municipality code (e.g. ``"905"``) or ``{"type": "municipality", "code":
    ..., "name": ...}`` to have every customer recorded there; None spreads customers over a
    weighted set of municipalities. For large datasets prefer ``iter_dataset``: a list of
    20,000 customers' records (about 93,000) takes some 800 MB. ``realism``: how imperfect the
    data is (``Imperfections.none()``: perfectly clean, no warnings; see ``synthetic_realism``).
    """
    # The records hold no reference cycles, so the cyclic garbage collector has nothing to find;
    # left on, it re-scans the growing list again and again (2.5x slower at 20,000 customers).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [
            record
            for batch in iter_dataset(customers, seed, today, organisation, realism=realism)
            for record in batch
        ]
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True)
class CustomerSource:
    """Customer ``index``'s records on demand, for a writer that spreads customers over worker
    processes (picklable; each process builds the ``DatasetSpec`` once). The files do not depend
    on the number of workers: a customer's records come from (seed, index) alone.

    ``clean``: no deliberate imperfections (late reviews, unrecorded items), so no warnings either.
    """

    seed: int
    today: dt.date
    organisation: str | None = None
    clean: bool = False

    def __post_init__(self) -> None:
        self.spec()  # checks today and the organisation before anything is written

    def spec(self) -> DatasetSpec:
        spec = _SPECS.get(self)
        if spec is None:
            realism = Imperfections.none() if self.clean else Imperfections()
            spec = DatasetSpec(self.seed, self.today, self.organisation, realism=realism)
            _SPECS.clear()
            _SPECS[self] = spec
        return spec

    def __call__(self, index: int) -> list[Record]:
        records = customer_records(self.spec(), index)
        if self.organisation is not None:
            # a repository of one municipality holds only what the municipality writes (a wellbeing
            # services county's reviews live in the county's repository), so `koto commit` accepts all
            records = [r for r in records if r.organisation.type == "municipality"]
        return records

    def describe(self) -> dict[str, Any]:
        return {"seed": self.seed, "today": self.today.isoformat(), "organisation": self.organisation}


_SPECS: dict[CustomerSource, DatasetSpec] = {}
