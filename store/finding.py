"""Finding customers and their records: ``koto list``, ``koto find``, ``koto show CUSTOMER``.

Reads the records of the branch head (one pass over the tree, no index needed) and summarises each
customer: name, identity code, their records' kinds and dates, whether a plan is in force, the next
review date and the officials who drew the records up. ``matches`` compares case- and
accent-insensitively; ``sort_key`` orders names the Finnish way (å, ä, ö after z).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kototieto.model.planstate import plan_states
from kototieto.model.records import parse_record
from kototieto.store import history
from kototieto.store.bulkload import fast_load

PLAN_KINDS = ("integration-plan", "multisectoral-plan", "family-plan")


@dataclass(frozen=True)
class RecordSummary:
    id: str
    kind: str
    date: str
    annulled: bool
    path: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "date": self.date,
            "annulled": self.annulled,
            "path": self.path,
        }


@dataclass
class CustomerSummary:
    id: str
    first_names: str = ""
    last_name: str = ""
    identity_code: str = ""
    organisation: str = ""
    organisation_name: str = ""
    records: list[RecordSummary] = field(default_factory=list)
    officials: set[str] = field(default_factory=set)
    active_plan: str | None = None
    next_review: dt.date | None = None

    @property
    def name(self) -> str:
        return f"{self.last_name} {self.first_names}".strip()

    def kinds(self) -> list[str]:
        return sorted({r.kind for r in self.records if r.kind != "customer"})

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "first_names": self.first_names,
            "last_name": self.last_name,
            "identity_code": self.identity_code,
            "organisation": self.organisation,
            "active_plan": self.active_plan,
            "next_review": self.next_review.isoformat() if self.next_review else None,
            "officials": sorted(self.officials),
            "records": [r.to_json() for r in self.records],
        }


def fold(text: str) -> str:
    """Lower case without accents: "Äänekoski" -> "aanekoski" (for matching)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: å, ä and ö after every other letter, z included ("{", "|" and "}" follow "z" in code order).
_FINNISH_ORDER = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}"})


def sort_key(text: str) -> str:
    """Finnish alphabetical order: å, ä and ö after z, other accents ignored, w = v."""
    lowered = text.casefold().translate(_FINNISH_ORDER)
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("w", "v")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def summaries(store: Any, *, today: dt.date | None = None) -> list[CustomerSummary]:
    """Every customer of the branch head with their records, sorted by name (Finnish order)."""
    today = today or dt.date.today()
    commit = store.repo.head_commit()
    if commit is None:
        return []
    by_customer: dict[str, CustomerSummary] = {}
    datas: dict[str, list[Mapping[str, Any]]] = {}
    for record_id, path, entry in history.record_entries(store.repo, commit):
        parts = path.split("/")
        customer = parts[2] if len(parts) >= 4 else record_id
        summary = by_customer.setdefault(customer, CustomerSummary(customer))
        try:
            data = fast_load(store.repo.git[entry.id].data, path)
        except Exception:  # an unreadable record is listed by id; `koto validate` names the problem
            data = {"id": record_id}
        kind = _text(data.get("kind"))
        summary.records.append(
            RecordSummary(record_id, kind, _text(data.get("date")), bool(data.get("annulment")), path)
        )
        if kind == "customer":
            summary.first_names = _text(data.get("first_names"))
            summary.last_name = _text(data.get("last_name"))
            ident = data.get("identifier")
            if isinstance(ident, Mapping):
                summary.identity_code = _text(ident.get("value"))
        org = data.get("organisation")
        if isinstance(org, Mapping) and not summary.organisation:
            summary.organisation = _text(org.get("code"))
            summary.organisation_name = _text(org.get("name"))
        for contact in data.get("drawn_up_by") or ():
            if isinstance(contact, Mapping) and contact.get("name"):
                summary.officials.add(_text(contact.get("name")))
        datas.setdefault(customer, []).append(data)
    for customer, records in datas.items():
        _plan_status(by_customer[customer], records, today)
    for summary in by_customer.values():
        summary.records.sort(key=lambda r: (r.kind != "customer", r.date, r.id))
    return sorted(by_customer.values(), key=lambda s: (sort_key(s.name), s.id))


def _plan_status(summary: CustomerSummary, records: Iterable[Mapping[str, Any]], today: dt.date) -> None:
    """The plan in force today and the next review, from the model's plan state."""
    parsed = []
    for data in records:
        if data.get("kind") in (*PLAN_KINDS, "review"):
            try:
                parsed.append(parse_record(dict(data)))
            except Exception:  # an invalid record takes no part in the state
                continue
    if not any(getattr(r, "kind", "") in PLAN_KINDS for r in parsed):
        return
    for plan_id, state in plan_states(parsed, today=today).items():
        if state.in_force(today):
            summary.active_plan = plan_id
            if state.next_review is not None and (
                summary.next_review is None or state.next_review < summary.next_review
            ):
                summary.next_review = state.next_review


def matches(summary: CustomerSummary, text: str) -> bool:
    """Does ``text`` occur in the customer's name, identity code or id (any case, any accents)?"""
    needle = fold(text.strip())
    if not needle:
        return False
    names = fold(f"{summary.first_names} {summary.last_name}")
    reverse = fold(f"{summary.last_name} {summary.first_names}")
    return (
        needle in names
        or needle in reverse
        or needle in fold(summary.identity_code)
        or needle in summary.id.casefold()
        or any(needle in r.id.casefold() for r in summary.records)
    )


def select(
    items: Iterable[CustomerSummary],
    *,
    kind: str | None = None,
    active: bool = False,
    due_by: dt.date | None = None,
    official: str | None = None,
    organisation: str | None = None,
) -> list[CustomerSummary]:
    """The customers that pass every given filter."""
    out = []
    for s in items:
        if kind and not any(r.kind == kind and not r.annulled for r in s.records):
            continue
        if active and s.active_plan is None:
            continue
        if due_by is not None and (s.next_review is None or s.next_review > due_by):
            continue
        if official and not any(fold(official) in fold(o) for o in s.officials):
            continue
        if organisation and fold(organisation) not in (fold(s.organisation), fold(s.organisation_name)):
            continue
        out.append(s)
    return out
