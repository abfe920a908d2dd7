"""Many records checked together and committed one by one (``koto add a b c``, ``koto commit``).

Every file is checked first, so a refusal shows every problem at once and writes nothing. Records
added together see each other (a new customer with their assessment and plan): each is checked
with the others as ``pending`` records of its customer. They are committed in reference order:
what others refer to goes first (customer, then assessments and guidance, then plans in date
order, since a plan may continue one of another kind, then the rest).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from kototieto.errors import InvalidInputError, InvalidRecordError, Location, NothingToDoError
from kototieto.model.records import ASSESSMENT_KINDS, PLAN_KINDS
from kototieto.model.text import T
from kototieto.store.checks import Issue, nothing_written
from kototieto.store.yamlio import load_document

if TYPE_CHECKING:  # the Store calls this module; only the type is needed here
    from kototieto.store.store import RecordView, Store


@dataclass(frozen=True)
class Item:
    """One record text to add: its repository path (None: from its id and customer), its bytes,
    and the name to show in messages (the file the user gave)."""

    path: str | None
    raw: bytes
    shown: str


def kind_rank(kind: object) -> int:
    """Commit order of a batch: what others refer to goes first. Plans share one rank (then date
    order), since a plan may continue one of another kind."""
    if kind == "customer":
        return 0
    if kind in ASSESSMENT_KINDS or kind == "guidance":
        return 1
    if kind in PLAN_KINDS:
        return 2
    return 3


@dataclass
class Checked:
    pending: dict[str, dict[str, Any]]  # the batch's records by id (they see each other)
    ranks: dict[int, tuple[int, str]]  # item index -> commit order
    problems: list[Issue]  # every error of every item


def check_many(store: Store, items: Sequence[Item]) -> Checked:
    """Check every item; an unreadable file raises ``InvalidInputError`` naming the file as the
    user gave it."""
    pending: dict[str, dict[str, Any]] = {}
    ranks: dict[int, tuple[int, str]] = {}
    for index, item in enumerate(items):
        try:
            data = load_document(item.raw, item.shown).data
        except InvalidInputError:
            continue  # reported with its location below
        if isinstance(data.get("id"), str):
            pending[data["id"]] = data
        ranks[index] = (kind_rank(data.get("kind")), str(data.get("date", "")))
    problems: list[Issue] = []
    for item in items:
        try:
            _, _, issues = store.check_text(item.raw, item.path, pending=pending)
        except InvalidInputError as exc:
            loc = exc.location or Location(item.shown)
            raise InvalidInputError(exc.text, location=replace(loc, file=item.shown)) from None
        problems.extend(i for i in issues if i.severity == "error")
    return Checked(pending, ranks, problems)


def add_many(
    store: Store, items: Sequence[Item], *, message: str | None = None, from_worktree: bool = False
) -> list[RecordView]:
    """Check every item, then commit each valid record (one commit per record, reference order).

    ``InvalidRecordError`` (with every problem as ``Issue``) when any item is invalid: nothing is
    written. ``NothingToDoError`` when no item changes anything."""
    checked = check_many(store, items)
    if checked.problems:
        lines = "\n".join(f"  {p}" for p in checked.problems)
        raise InvalidRecordError(
            nothing_written(len(checked.problems), lines), problems=list(checked.problems)
        )
    views = []
    last = (kind_rank(None), "")
    for index in sorted(range(len(items)), key=lambda i: checked.ranks.get(i, last)):
        item = items[index]
        try:
            views.append(
                store.save_text(
                    item.raw,
                    path=item.path,
                    message=message,
                    from_worktree=from_worktree,
                    pending=checked.pending,
                )
            )
        except NothingToDoError:
            continue
    if not views:
        raise NothingToDoError(
            T("Ei tallennettavia muutoksia", "Inga ändringar att spara", "no changes to commit")
        )
    return views
