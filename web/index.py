"""The customer list: one row per customer at the branch head, searched and filtered in memory.

Built from every record at the head (``reports.load.load_repository``: the same reader and plan
state as ``koto report``) and kept until the branch head moves (a save, a sync, a commit from the
command line), so a search or a customer page does not read Git. The due reviews are the ``due``
report's items; the flags of a customer row (review due, plan ending) come from the same items,
so the list and the report never disagree.
"""

from __future__ import annotations

import datetime as dt
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygit2

from kototieto.reports.due import DUE, ENDING, OVERDUE, DueItem, due_report
from kototieto.reports.load import RepoRecords
from kototieto.store.repository import Repository

DUE_DAYS = 30


def fold(text: str) -> str:
    """Lower case without accents (``Äijälä`` -> ``aijala``), for accent- and case-insensitive search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class CustomerRow:
    id: str
    first_names: str
    last_name: str
    identity: str
    municipality: str
    annulled: bool
    active_plan: bool = False
    review_due: bool = False
    plan_ending: bool = False
    officials: set[str] = field(default_factory=set)
    next_date: dt.date | None = None
    key: str = ""

    @property
    def name(self) -> str:
        return f"{self.last_name}, {self.first_names}".strip(", ")


@dataclass
class Snapshot:
    """Everything the list pages need at one head commit."""

    commit: str | None
    loaded: RepoRecords
    rows: list[CustomerRow]
    by_id: dict[str, CustomerRow]
    due: list[DueItem]
    officials: list[str]
    today: dt.date


def _in_force(state: Any, today: dt.date) -> bool:
    """A plan in force today, by the model's plan state when present (one definition)."""
    in_force = getattr(state, "in_force", None)
    if callable(in_force):
        return bool(in_force(today))
    active_on = getattr(state, "active_on", None)
    return bool(active_on(today)) if callable(active_on) else False


def plan_states(records: list[Any], today: dt.date, params: Any) -> dict[str, Any]:
    """plan id -> the model's plan state (``model.planstate`` when present, else the reports')."""
    try:
        from kototieto.model.planstate import plan_states as model_states

        return dict(model_states(records, today=today, params=params))
    except ImportError:  # pragma: no cover - an older checkout
        from kototieto.reports.plans import plan_states as report_states

        return dict(report_states(records))


#: Id prefixes (model.ids) of kinds the list does not need: assessments and guidance are neither
#: read nor kept (about half of a repository's records); ids outside the scheme are read.
SKIP_PREFIXES = ("asm-", "gdn-")


def needed(path: str) -> bool:
    return not path.rsplit("/", 1)[-1].startswith(SKIP_PREFIXES)


def _item(path: str, raw: bytes, ext: Any) -> Any:
    """A ``Loaded`` of the record file (its data kept only for customer records: memory)."""
    from kototieto.model.records import parse_record
    from kototieto.reports.load import Loaded
    from kototieto.store.bulkload import fast_load

    data = fast_load(raw, path)
    record = ext.parse(data) if ext is not None else parse_record(data)
    return Loaded(path, data if data.get("kind") == "customer" else {}, record)


def load_index(root: Path) -> RepoRecords:
    """The records the customer list needs at the branch head: customers, plans and reviews."""
    from pydantic import ValidationError

    from kototieto.errors import InvalidInputError
    from kototieto.store.extensions import repository_extensions
    from kototieto.store.reader import iter_record_blobs

    repo = Repository.open(root)
    from kototieto.store.pipeline import config_params

    head = repo.head_commit()
    org = repo.config.organisation
    out = RepoRecords(
        repo.root,
        str(head.id) if head is not None else None,
        config_params(repo.config),
        {"type": org.type, "code": org.code, "name": org.name},
    )
    if head is None:
        return out
    ext = repository_extensions(repo.root)
    for path, raw in sorted(iter_record_blobs(repo, head)):
        if not needed(path):
            continue
        try:
            out.items.append(_item(path, raw, ext))
        except (InvalidInputError, ValidationError) as exc:
            out.unreadable.append((path, str(exc).splitlines()[0]))
    return out


def build(root: Path, today: dt.date | None = None) -> Snapshot:
    return snapshot(load_index(root), today or dt.date.today())


#: Above this many changed files since the last snapshot, everything is read again.
INCREMENTAL_LIMIT = 500


def refresh(old: Snapshot, repo: Repository) -> Snapshot:
    """The snapshot at the new branch head, re-reading only the record files that changed since
    ``old`` (a save, a restore: one file; a sync: the files it merged in)."""
    from pydantic import ValidationError

    from kototieto.errors import InvalidInputError
    from kototieto.store.extensions import repository_extensions
    from kototieto.store.history import blob_at

    head = repo.head_commit()
    try:
        before = repo.git.get(old.commit) if old.commit else None
    except ValueError:
        before = None
    if head is None or not isinstance(before, pygit2.Commit):
        return build(repo.root, old.today)
    diff = before.tree.diff_to_tree(head.tree)
    changed = {p for d in diff.deltas for p in (d.old_file.path, d.new_file.path)}
    changed = {p for p in changed if p.startswith("customers/") and p.endswith(".yaml")}
    if len(changed) > INCREMENTAL_LIMIT or any(not p.startswith("customers/") for p in changed):
        return build(repo.root, old.today)
    ext = repository_extensions(repo.root)
    items = {i.path: i for i in old.loaded.items}
    unreadable = [u for u in old.loaded.unreadable if u[0] not in changed]
    for path in sorted(changed):
        items.pop(path, None)
        blob = blob_at(repo, head, path)
        if blob is None or not needed(path):
            continue
        try:
            items[path] = _item(path, blob.data, ext)
        except (InvalidInputError, ValidationError) as exc:
            unreadable.append((path, str(exc).splitlines()[0]))
    loaded = RepoRecords(
        old.loaded.root,
        str(head.id),
        old.loaded.params,
        old.loaded.organisation,
        items=[items[k] for k in sorted(items)],
        unreadable=unreadable,
    )
    return snapshot(loaded, old.today)


def snapshot(loaded: RepoRecords, today: dt.date) -> Snapshot:
    records = loaded.records()
    rows: dict[str, CustomerRow] = {}
    for item in loaded.items:
        data = item.data
        if data.get("kind") != "customer":
            continue
        ident = data.get("identifier") or {}
        row = CustomerRow(
            id=str(data.get("id")),
            first_names=str(data.get("first_names") or ""),
            last_name=str(data.get("last_name") or ""),
            identity=str(ident.get("value") or "") if isinstance(ident, dict) else "",
            municipality=str(data.get("home_municipality") or ""),
            annulled=bool(data.get("annulment")),
        )
        row.key = fold(f"{row.first_names} {row.last_name} {row.last_name} {row.identity} {row.id}")
        rows[row.id] = row
    for state in plan_states(records, today, loaded.params).values():
        prow = rows.get(state.plan.customer)
        if prow is not None and _in_force(state, today):
            prow.active_plan = True
            if getattr(state, "official", ""):
                prow.officials.add(state.official)
    report = due_report(records, today=today, days=DUE_DAYS, params=loaded.params)
    for due in report.items:
        drow = rows.get(due.customer)
        if drow is None:
            continue
        if due.status in (OVERDUE, DUE):
            drow.review_due = True
        elif due.status == ENDING:
            drow.plan_ending = True
        if due.official:
            drow.officials.add(due.official)
        if drow.next_date is None or due.date < drow.next_date:
            drow.next_date = due.date
    ordered = sorted(rows.values(), key=lambda r: (fold(r.last_name), fold(r.first_names), r.id))
    officials = sorted({o for r in ordered for o in r.officials}, key=fold)
    return Snapshot(loaded.commit, loaded, ordered, rows, list(report.items), officials, today)


class CustomerIndex:
    """The current ``Snapshot``, rebuilt when the branch head has moved (thread-safe)."""

    def __init__(self, root: Path, today: dt.date | None = None) -> None:
        self.root = root
        self.today = today
        self._lock = threading.Lock()
        self._snap: Snapshot | None = None
        self._repo = Repository.open(root)

    def head(self) -> str | None:
        commit = self._repo.head_commit()
        return str(commit.id) if commit is not None else None

    def get(self) -> Snapshot:
        head = self.head()
        with self._lock:
            if self._snap is None:
                self._snap = build(self.root, self.today)
            elif self._snap.commit != head:
                self._snap = refresh(self._snap, self._repo)
            return self._snap

    def search(
        self, q: str = "", flt: str = "", official: str = "", limit: int = 200
    ) -> tuple[list[CustomerRow], int]:
        snap = self.get()
        words = fold(q).split()
        out = []
        for row in snap.rows:
            if words and not all(w in row.key for w in words):
                continue
            if flt == "active" and not row.active_plan:
                continue
            if flt == "due" and not row.review_due:
                continue
            if flt == "ending" and not row.plan_ending:
                continue
            if official and official not in row.officials:
                continue
            out.append(row)
        return out[:limit], len(out)
