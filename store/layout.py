"""Where records live in a data repository, and the rule that a path and its content agree.

Layout (format version 1)::

    customers/<shard>/<customer-id>/<record-id>.yaml

``<shard>`` is the first two hex digits of ``sha1(customer-id)``: 256 shard folders keep every Git
tree small (no tree past a few hundred entries), which keeps commits cheap and path history fast
(one folder of 20,000 files makes every commit rewrite a megabyte of tree).

Invariants:
- Ids are *safe names* (``SAFE_NAME``): ASCII letters, digits, ``.``, ``_`` and ``-``, starting with
  a letter or digit, at most 100 characters, never ``..``. A name that is not safe is refused, never
  rewritten, so an id and its file name are always the same string.
- A record at ``customers/S/C/R.yaml`` must have ``id == R`` and ``customer == C`` (a customer
  record has ``id == customer == C``) and ``S == shard(C)``. ``path_problems`` reports every
  disagreement; it is the ``path_check`` the validator uses.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kototieto.errors import UsageError
from kototieto.model.text import T, Text

CUSTOMERS_DIR = "customers"
RECORD_SUFFIX = ".yaml"
SCHEMA_PATH = "schema/record.schema.json"
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def is_safe_name(name: str) -> bool:
    """True when ``name`` can be used as a file or folder name as it is."""
    return bool(SAFE_NAME.match(name)) and ".." not in name and not name.endswith(".")


def check_name(name: object, what: str) -> str:
    """Return ``name`` if it is a safe name, else raise a UsageError naming ``what``."""
    if not isinstance(name, str) or not is_safe_name(name):
        raise UsageError(
            T(
                "'{n}' ei kelpaa tunnisteeksi: käytä kirjaimia A-Z, numeroita, pistettä (.), alaviivaa (_) "
                "ja viivaa (-), enintään 100 merkkiä, alussa kirjain tai numero",
                "'{n}' duger inte som id: använd bokstäver A-Z, siffror, punkt (.), understreck (_) och "
                "bindestreck (-), högst 100 tecken, i början en bokstav eller siffra",
                "{what} '{n}' is not a valid id: use letters A-Z, digits, '.', '_' or '-' "
                "(at most 100 characters, starting with a letter or digit)",
            ).format(n=name, what=what)
        )
    return name


def shard(customer_id: str) -> str:
    """The shard folder of a customer: first two hex digits of the SHA-1 of its id."""
    return hashlib.sha1(customer_id.encode("utf-8")).hexdigest()[:2]


def customer_dir(customer_id: str) -> str:
    """``customers/<shard>/<customer-id>`` (POSIX, relative to the repository root)."""
    check_name(customer_id, "customer")
    return f"{CUSTOMERS_DIR}/{shard(customer_id)}/{customer_id}"


def record_path(customer_id: str, record_id: str) -> str:
    """The repository-relative path of a record."""
    check_name(record_id, "record")
    return f"{customer_dir(customer_id)}/{record_id}{RECORD_SUFFIX}"


def schema_url_for(path: str) -> str:
    """The relative URL from a record file to the repository's JSON Schema."""
    depth = path.count("/")
    return "../" * depth + SCHEMA_PATH


@dataclass(frozen=True)
class RecordPath:
    """A parsed record path."""

    shard: str
    customer: str
    record_id: str

    @property
    def path(self) -> str:
        return f"{CUSTOMERS_DIR}/{self.shard}/{self.customer}/{self.record_id}{RECORD_SUFFIX}"


def parse_record_path(path: str) -> RecordPath | None:
    """Split ``customers/S/C/R.yaml`` into its parts; None if the path is not a record path."""
    parts = path.replace("\\", "/").split("/")
    if len(parts) != 4 or parts[0] != CUSTOMERS_DIR or not parts[3].endswith(RECORD_SUFFIX):
        return None
    return RecordPath(parts[1], parts[2], parts[3][: -len(RECORD_SUFFIX)])


def is_record_path(path: str) -> bool:
    """True for any file under ``customers/`` ending in ``.yaml`` (even if misplaced)."""
    p = path.replace("\\", "/")
    return p.startswith(CUSTOMERS_DIR + "/") and p.endswith(RECORD_SUFFIX)


@dataclass(frozen=True)
class PathProblem:
    """A disagreement between a record's path and its content. ``field`` is the top-level key;
    ``message`` is English, ``text`` the message in fi, sv and en."""

    field: str
    message: str
    text: Text | None = None

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def messages(self) -> dict[str, str]:
        """The message per language (fi, sv, en)."""
        if self.text is None:
            return dict.fromkeys(("fi", "sv", "en"), self.message)
        return self.text.as_dict()


def _problem(field: str, text: Text) -> PathProblem:
    return PathProblem(field, text.en, text)


def path_problems(path: str, data: Mapping[str, Any]) -> list[PathProblem]:
    """Every way in which ``data`` does not belong at ``path`` (empty when they agree)."""
    parsed = parse_record_path(path)
    if parsed is None:
        return [
            _problem(
                "id",
                T(
                    f"Tietue tallennetaan polkuun {CUSTOMERS_DIR}/<hajautus>/<asiakas-id>/<tietue-id>"
                    f"{RECORD_SUFFIX}, ei {path}. Käytä `koto add TIEDOSTO`, niin koto valitsee paikan.",
                    f"En post sparas som {CUSTOMERS_DIR}/<delning>/<kund-id>/<post-id>{RECORD_SUFFIX}, "
                    f"inte {path}. Använd `koto add FIL`, så väljer koto platsen.",
                    f"a record must be stored as {CUSTOMERS_DIR}/<shard>/<customer-id>/<record-id>"
                    f"{RECORD_SUFFIX}, not {path}",
                ),
            )
        ]
    out: list[PathProblem] = []
    rid, cust, kind = data.get("id"), data.get("customer"), data.get("kind")
    if rid != parsed.record_id:
        out.append(
            _problem(
                "id",
                T(
                    f"Tunniste {rid!r} ei vastaa tiedoston nimeä {parsed.record_id!r}.",
                    f"Id:t {rid!r} motsvarar inte filnamnet {parsed.record_id!r}.",
                    f"id {rid!r} does not match the file name {parsed.record_id!r}",
                ),
            )
        )
    if kind == "customer" and cust is None:
        cust = rid
    if cust != parsed.customer:
        out.append(
            _problem(
                "customer",
                T(
                    f"Asiakas {cust!r} ei vastaa kansiota {parsed.customer!r}.",
                    f"Kunden {cust!r} motsvarar inte mappen {parsed.customer!r}.",
                    f"customer {cust!r} does not match the folder {parsed.customer!r}",
                ),
            )
        )
    if kind == "customer" and rid != data.get("customer", rid):
        out.append(
            _problem(
                "customer",
                T(
                    "Asiakastietueen customer-kentän pitää olla sama kuin sen id.",
                    "I en kundpost ska customer vara samma som dess id.",
                    "a customer record's customer must equal its id",
                ),
            )
        )
    if not is_safe_name(parsed.customer) or not is_safe_name(parsed.record_id):
        out.append(
            _problem(
                "id",
                T(
                    f"{path}: tunnisteissa saa olla vain pieniä kirjaimia a-z, numeroita ja viivoja.",
                    f"{path}: id:n får bara innehålla små bokstäver a-z, siffror och bindestreck.",
                    f"{path} uses characters not allowed in ids",
                ),
            )
        )
    elif parsed.shard != shard(parsed.customer):
        out.append(
            _problem(
                "customer",
                T(
                    f"Asiakkaan {parsed.customer!r} kansio on {shard(parsed.customer)!r}, ei {parsed.shard!r}.",
                    f"Kundens {parsed.customer!r} mapp är {shard(parsed.customer)!r}, inte {parsed.shard!r}.",
                    f"customer {parsed.customer!r} belongs in shard folder {shard(parsed.customer)!r}, "
                    f"not {parsed.shard!r}",
                ),
            )
        )
    return out
