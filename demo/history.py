"""The demo's history: which customers show which event, and the commits that make them.

Most records go in with one bulk import; for a few customers the records from an *event* onward
are held back and then written one commit at a time through ``Store`` (the write API every
``koto`` command uses), each by the official who drew the record up (``drawn_up_by[0]``) as Git
author. The events the demo promises, and the commit subjects that mark them (``EVENT_SUBJECTS``):

- a plan extended (a review with ``extension``), a plan switched from integration to multisectoral
  (``plan_switch``), a referral to the employment authority (``employment_referral``), a review
  recorded by the wellbeing services county (written with the county's role);
- records edited several times by different officials (a plan saved as a first draft, completed by
  a colleague, finished by its author);
- annulments (``Store.annul``: the first ``REPLAYED_ANNULMENTS`` of the dataset's annulled records
  go in unannulled and are annulled through the store, with the dataset's date and reason);
- a customer erased (``store.erase.erase_customer``) at the very end.

The events come from the synthetic generator, never made up here: when the first ``customers``
customers lack one, later customer indexes are searched and the first customer that has it
*replaces* one of the last customers, so the dataset keeps exactly ``customers`` customers and
stays deterministic from the seed.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kototieto.errors import NothingToDoError, UsageError
from kototieto.i18n import count
from kototieto.model.records import PLAN_KINDS, RECORD_KINDS, Record, record_to_data
from kototieto.model.text import T
from kototieto.store.store import Store
from kototieto.synthetic.generator import DatasetSpec, customer_records

EVENTS = ("extension", "switch", "referral", "county-review")
#: The start of the commit subject that marks each event in ``git log``.
EVENT_SUBJECTS = {
    "extension": "Extend plan",
    "switch": "Switch plan",
    "referral": "Refer to the employment authority",
    "county-review": "County review",
    "edit": "Edit",
    "annul": "Annul",
    "erase": "Erase a customer",
    "extension-field": "Extensions: digital skills",
    "extension-use": "Use the digital skills extension",
}
#: How far past ``customers`` to look for a customer that shows a missing event.
SEARCH_LIMIT = 3000
#: The dataset's annulments made through the store (the rest are imported already annulled), so the
#: history stays 20-60 commits whatever the number of customers.
REPLAYED_ANNULMENTS = 4
#: Customers whose newest plan is edited several times (fewer in a very small demo).
EDITED_CUSTOMERS = 3


def has_event(record: Record, event: str) -> bool:
    if record.kind != "review":
        return event == "referral" and getattr(record, "employment_referral", None) is not None
    if event == "extension":
        return getattr(record, "extension", None) is not None
    if event == "switch":
        switch = getattr(record, "plan_switch", None)
        return switch is not None and getattr(record, "plan_kind", "") == "integration-plan"
    if event == "referral":
        return getattr(record, "employment_referral", None) is not None
    return event == "county-review" and record.organisation.type == "wellbeing-services-county"


@dataclass
class Cast:
    """The customers of the demo (one list of records each) and who plays which part."""

    customers: list[list[Record]]
    events: dict[str, int] = field(default_factory=dict)  # event -> position in ``customers``
    edited: list[int] = field(default_factory=list)
    erased: int | None = None


def _shows(recs: list[Record], need: str) -> bool:
    if need.startswith("kind:"):
        return any(r.kind == need[5:] and r.annulment is None for r in recs)
    return any(has_event(r, need) for r in recs)


def cast(spec: DatasetSpec, customers: int) -> Cast:
    """Generate ``customers`` customers and pick the customers that show each event and kind."""
    if customers < 6:
        raise UsageError(
            T(
                "Esittely tarvitsee vähintään 6 asiakasta (yhden kutakin näytettävää tapahtumaa kohden)",
                "Demon behöver minst 6 kunder (en för varje händelse den visar)",
                "the demo needs at least 6 customers (one for each event it shows)",
            )
        )
    people = [customer_records(spec, i) for i in range(customers)]
    out = Cast(people)
    taken: set[int] = set()  # customers kept for an event or for the only record of some kind
    replace_at = customers - 1
    for need in (*EVENTS, *(f"kind:{k}" for k in RECORD_KINDS)):
        if need.startswith("kind:") and any(_shows(people[i], need) for i in taken):
            continue
        found = next((i for i, recs in enumerate(people) if i not in taken and _shows(recs, need)), None)
        if found is None:
            for index in range(customers, customers + SEARCH_LIMIT):
                recs = customer_records(spec, index)
                if _shows(recs, need):
                    while replace_at in taken:
                        replace_at -= 1
                    if replace_at < 0:
                        raise UsageError(
                            T(
                                "Asiakkaita on liian vähän kaikkien tapahtumien ja lajien näyttämiseen; "
                                "anna suurempi --customers",
                                "För få kunder för att visa alla händelser och typer; ange ett större --customers",
                                "too few customers to show every event and kind; use more --customers",
                            )
                        )
                    people[replace_at] = recs
                    found = replace_at
                    break
            else:
                raise UsageError(
                    T(
                        "Yksikään synteettinen asiakas ei näytä kohdetta {need!r}; kokeile toista --seed-arvoa",
                        "Ingen syntetisk kund visar {need!r}; prova ett annat --seed",
                        "no synthetic customer shows {need!r}; try another --seed",
                    ).format(need=need)
                )
        if not need.startswith("kind:"):
            out.events[need] = found
        taken.add(found)
    referenced = {
        m.customer
        for recs in people
        for r in recs
        for m in getattr(r, "family_members", []) or []
        if m.customer is not None
    }
    free = [i for i in range(customers) if i not in out.events.values() and people[i][0].id not in referenced]
    with_plan = [i for i in free if any(r.kind in PLAN_KINDS for r in people[i])]
    out.edited = with_plan[: min(edited_customers(customers), max(0, len(free) - 1))]
    rest = [i for i in free if i not in out.edited and i not in taken]
    out.erased = rest[-1] if rest else None
    return out


def edited_customers(customers: int) -> int:
    """How many customers' newest plan is edited several times: 3, more in a large demo (at most 8)."""
    return min(8, max(EDITED_CUSTOMERS, customers // 40))


@dataclass(frozen=True)
class Step:
    """One commit to make through the store after the bulk import."""

    action: str  # "save", "annul"
    data: dict[str, Any]
    author: str
    message: str
    county: bool = False
    annul_reason: str | None = None
    annul_date: dt.date | None = None


def author_of(record: Record, fallback: str) -> str:
    people = getattr(record, "drawn_up_by", None) or []
    if not people:
        return fallback
    p = people[0]
    email = p.email or (p.name.lower().replace(" ", ".") + "@example.fi")
    return f"{p.name} <{email}>"


def _subject(record: Record) -> str:
    rid, kind = record.id, record.kind
    if record.kind == "review":
        plan = getattr(record, "plan", "")
        ext = getattr(record, "extension", None)
        if ext is not None:
            return f"{EVENT_SUBJECTS['extension']} {plan} to {ext.new_end.isoformat()} (review {rid})"
        if getattr(record, "plan_switch", None) is not None:
            return f"{EVENT_SUBJECTS['switch']} {plan} to a multisectoral plan (review {rid})"
        if getattr(record, "employment_referral", None) is not None:
            return f"{EVENT_SUBJECTS['referral']} (review {rid})"
        if record.organisation.type == "wellbeing-services-county":
            return f"{EVENT_SUBJECTS['county-review']} of {plan} ({rid})"
    if getattr(record, "employment_referral", None) is not None:
        return f"{EVENT_SUBJECTS['referral']} ({kind} {rid})"
    return f"Add {kind} {rid}"


def _draft(data: dict[str, Any], stage: int) -> dict[str, Any]:
    """An earlier version of a plan: stage 1 without other content, measures only planned and no
    goal dates; stage 2 with the measures as agreed but still without the other content."""
    out = copy.deepcopy(data)
    out.pop("other_content", None)
    out.pop("source_details", None)
    if stage == 1:
        for m in out.get("measures", []):
            m["status"] = "planned"
            m.pop("end", None)
        for g in out.get("goals", []):
            g.pop("target_date", None)
    return out


def history_steps(c: Cast, colleagues: Sequence[str], fallback: str) -> tuple[set[str], list[Step]]:
    """(ids of records held back from the bulk import, the commits to make after it, in order)."""
    held: set[str] = set()
    steps: list[Step] = []
    for event, pos in sorted(c.events.items(), key=lambda kv: EVENTS.index(kv[0])):
        recs = c.customers[pos]
        first = next(i for i, r in enumerate(recs) if has_event(r, event))
        for r in recs[first:]:
            if r.id in held:
                continue
            held.add(r.id)
            steps.append(
                Step(
                    "save",
                    record_to_data(r),
                    author_of(r, fallback),
                    _subject(r),
                    county=r.organisation.type == "wellbeing-services-county",
                )
            )
    for n, pos in enumerate(c.edited):
        recs = c.customers[pos]
        first = max(i for i, r in enumerate(recs) if r.kind in PLAN_KINDS)
        for r in recs[first:]:
            held.add(r.id)
            data = record_to_data(r)
            author = author_of(r, fallback)
            others = [p for p in colleagues if p != author] or [fallback]
            colleague = others[n % len(others)]
            county = r.organisation.type == "wellbeing-services-county"
            if r.kind in PLAN_KINDS:
                steps.append(Step("save", _draft(data, 1), author, f"Add {r.kind} {r.id} (first draft)"))
                steps.append(
                    Step(
                        "save",
                        _draft(data, 2),
                        colleague,
                        f"{EVENT_SUBJECTS['edit']} {r.id}: measures agreed",
                    )
                )
                steps.append(
                    Step("save", data, author, f"{EVENT_SUBJECTS['edit']} {r.id}: other content, ready")
                )
            else:
                steps.append(Step("save", data, author, _subject(r), county=county))
    replayed = 0
    for recs in c.customers:
        for r in recs:
            if r.annulment is None or (replayed >= REPLAYED_ANNULMENTS and r.id not in held):
                continue
            replayed += 1
            data = record_to_data(r)
            data.pop("annulment")
            if r.id not in held:
                held.add(r.id)
                steps.append(Step("save", data, author_of(r, fallback), _subject(r)))
            steps.append(
                Step(
                    "annul",
                    data,
                    author_of(r, fallback),
                    "",
                    annul_reason=r.annulment.reason,
                    annul_date=r.annulment.date,
                )
            )
    if not any(s.action == "annul" for s in steps):
        steps.append(_annul_one(c, held, fallback))
    return held, steps


#: The annulment made when the dataset itself annuls nothing (a real, everyday mistake).
ANNUL_REASON = "Kirjattu väärälle asiakkaalle."


def _annul_one(c: Cast, held: set[str], fallback: str) -> Step:
    """Annul one imported record (a guidance record if there is one) of a customer with no other part."""
    busy = set(c.events.values()) | set(c.edited) | {c.erased}
    candidates = [
        r
        for i, recs in enumerate(c.customers)
        if i not in busy
        for r in recs
        if r.kind != "customer" and r.id not in held and r.annulment is None
    ]
    if not candidates:
        raise UsageError(
            T(
                "Esittelyssä ei ole enää mitätöitävää tietuetta; anna suurempi --customers",
                "Det finns ingen post kvar att annullera i demon; ange ett större --customers",
                "no record left to annul in the demo; use more --customers",
            )
        )
    record = min(candidates, key=lambda r: (r.kind != "guidance", r.date, r.id))
    return Step("annul", record_to_data(record), author_of(record, fallback), "", annul_reason=ANNUL_REASON)


def run_steps(
    store: Store, county_store: Store, steps: Sequence[Step], progress: Callable[[str], None] | None = None
) -> int:
    """Make the commits; returns how many were made (a step that changes nothing is skipped)."""
    made = 0
    for step in steps:
        try:
            if step.action == "annul":
                assert step.annul_reason is not None
                store.annul(str(step.data["id"]), step.annul_reason, on=step.annul_date, author=step.author)
            else:
                target = county_store if step.county else store
                target.save(step.data, message=step.message, author=step.author)
        except NothingToDoError:
            continue
        made += 1
        if progress is not None and made % 10 == 0:
            progress(f"  {count(made, 'commit')}")
    return made
