"""A stateful model-based test of several officials on one repository (issue 11).

Three clones of a bare repository served by a real ``git daemon`` on 127.0.0.1 run random
sequences of: a new record through the drafts path (``koto new``), ``koto add`` of a file, an edit
in place and ``koto commit``, an edit through the store's edit path (a draft started now and saved
later, from a base that may be old by then: ``koto edit``), annul, restore, ``koto sync`` (with
``koto resolve`` of any conflict), and erase with a force-push. The library is called in-process
(the same code the commands wrap), so a step costs milliseconds, not a process start.

The model: every change a command reports as saved is a *write* of one field of one record, with a
global sequence number. Each clone knows the writes made in it and those it received by syncing;
the remote knows what was pushed. Invariants after every step:

- every record in every clone is valid (``validate_repository``: no error);
- nothing reported as saved is lost unless superseded: in every clone, each tracked field of each
  record holds the value of the newest write to that field the clone knows of (a resolved
  conflict is itself a write, the choice the user made);
- an erased customer is in no reachable object of the remote, nor of any clone that synced after
  the erasure;
- ``git fsck`` is clean in every clone and in the remote.

``make test`` runs a few short sequences (about half a minute); ``make soak`` runs many long ones.
"""

from __future__ import annotations

import copy
import importlib.util
import itertools
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Verbosity, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kototieto.store import drafts, editmerge, history, layout
from kototieto.store.batchadd import Item
from kototieto.store.bulkload import fast_load
from kototieto.store.yamlio import new_document_text

_spec = importlib.util.spec_from_file_location("store_git_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

CLONES = 3
FIELDS = ("first_names", "last_name", "annulment")
_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_counter = itertools.count(1)


def hetu(n: int) -> str:
    """A valid synthetic identity code (individual number 900-999) for customer ``n``."""
    individual = 900 + n % 100
    day = 1 + (n // 100) % 28
    digits = f"{day:02d}0190{individual:03d}"
    return f"{day:02d}0190-{individual:03d}{_CHECK[int(digits) % 31]}"


def word(n: int) -> str:
    """A name-like token, unique per ``n`` (letters only)."""
    out = ""
    n += 26
    while n:
        n, r = divmod(n, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
    return "Koe" + out


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _keep_own_lines(text: str) -> str:
    """The choice "keep mine": of each pair of marked lines (own value first, the colleague's
    right below it) the second is deleted, as a person would in the editor."""
    out: list[str] = []
    for line in text.splitlines(True):
        if editmerge.CHOICE_MARK in line and out and editmerge.CHOICE_MARK in out[-1]:
            continue
        out.append(line)
    return "".join(out)


class Officials(RuleBasedStateMachine):
    """See the module docstring. ``base`` and ``url`` are set per test run (the daemon)."""

    base: Path
    url_of: Any
    ran: dict[str, int] = {}  # noqa: RUF012 - rule name -> how many times it did something

    def did(self, what: str) -> None:
        self.ran[what] = self.ran.get(what, 0) + 1

    def __init__(self) -> None:
        super().__init__()
        from kototieto.store.scaffold import init_repository
        from kototieto.store.store import Store

        n = next(_counter)
        self.name = f"m{n}.git"
        self.remote = self.base / self.name
        self.work = self.base.parent / f"work{n}"
        assert git(self.base, "init", "-q", "--bare", "-b", "main", self.name).returncode == 0
        first = Path(init_repository(self.work / "c0", organisation_code="091", name="Testikunta").root)
        url = self.url_of(self.name)
        git(first, "remote", "add", "origin", url)
        assert git(first, "push", "-q", "origin", "main").returncode == 0
        self.roots = [first]
        for i in range(1, CLONES):
            root = self.work / f"c{i}"
            assert git(self.work, "clone", "-q", url, str(root)).returncode == 0
            self.roots.append(root)
        self.authors = [f"Virkailija {i} <v{i}@example.org>" for i in range(CLONES)]
        self.stores = [Store.open(r, author=a) for r, a in zip(self.roots, self.authors, strict=True)]
        self.seq = itertools.count(1)
        self.writes: dict[int, tuple[str, str, Any]] = {}  # seq -> (record id, field, value)
        self.known: list[set[int]] = [set() for _ in range(CLONES)]
        self.remote_known: set[int] = set()
        self.records: list[set[str]] = [set() for _ in range(CLONES)]  # record ids each clone has
        self.remote_records: set[str] = set()
        self.erased: set[str] = set()
        self.synced_after_erase: dict[str, set[int]] = {}
        self.pending: dict[int, tuple[Any, str]] = {}  # clone -> (draft, value) of an edit in progress
        self.fresh = itertools.count(1)

    # ------------------------------------------------------------ helpers
    def write(self, clone: int, rid: str, field: str, value: Any) -> None:
        seq = next(self.seq)
        self.writes[seq] = (rid, field, value)
        self.known[clone].add(seq)

    def customer_text(self, cid: str, n: int) -> bytes:
        data = S.customer(cid, first="Testi", last=word(n), hetu=hetu(n))
        return new_document_text(data, layout.schema_url_for(layout.record_path(cid, cid))).encode()

    def new_ids(self) -> tuple[str, int]:
        n = next(self.fresh) + 1000 * (next(_counter) % 7)
        return f"c-{n:08x}", n

    def current(self, clone: int, rid: str) -> dict[str, Any] | None:
        repo = self.stores[clone].repo
        head = repo.head_commit()
        blob = history.blob_at(repo, head, layout.record_path(rid, rid)) if head is not None else None
        return fast_load(blob.data, rid) if blob is not None else None

    def live(self, clone: int) -> list[str]:
        return sorted(r for r in self.records[clone] if r not in self.erased)

    # ------------------------------------------------------------ rules
    @rule(clone=st.integers(0, CLONES - 1), through_draft=st.booleans())
    def create(self, clone: int, through_draft: bool) -> None:
        """``koto new customer`` (a draft, typed, saved) or ``koto add FILE``."""
        store = self.stores[clone]
        cid, n = self.new_ids()
        if through_draft:
            draft = drafts.create_draft(
                store.repo, record_id=cid, kind="customer", customer=cid, command="new", text="", template=""
            )
            editmerge.save_edit(store, self.customer_text(cid, n).decode(), draft)
            drafts.discard_draft(store.repo, cid)
            self.did("new")
        else:
            store.add_many([Item(None, self.customer_text(cid, n), "incoming.yaml")])
            self.did("add")
        self.records[clone].add(cid)
        self.write(clone, cid, "last_name", word(n))
        self.write(clone, cid, "first_names", "Testi")
        self.write(clone, cid, "annulment", None)

    @precondition(lambda self: any(self.live(i) for i in range(CLONES)))
    @rule(clone=st.integers(0, CLONES - 1), pick=st.integers(0, 1000))
    def edit_in_place(self, clone: int, pick: int) -> None:
        """The file edited in place, then ``koto commit``."""
        ids = self.live(clone)
        if not ids:
            return
        rid = ids[pick % len(ids)]
        rel = layout.record_path(rid, rid)
        path = self.roots[clone] / rel
        old = self.current(clone, rid)
        assert old is not None
        value = word(next(self.fresh) + 5000)
        path.write_text(path.read_text().replace(f"last_name: {old['last_name']}", f"last_name: {value}"))
        self.stores[clone].add_many([Item(rel, path.read_bytes(), rel)], from_worktree=True)
        self.did("edit in place")
        self.write(clone, rid, "last_name", value)

    @precondition(lambda self: any(self.live(i) for i in range(CLONES)))
    @rule(clone=st.integers(0, CLONES - 1), pick=st.integers(0, 1000))
    def start_edit(self, clone: int, pick: int) -> None:
        """``koto edit``: the draft starts from the clone's current version (saved later)."""
        ids = self.live(clone)
        if not ids or clone in self.pending:
            return
        rid = ids[pick % len(ids)]
        view = self.stores[clone].read(rid)
        value = word(next(self.fresh) + 9000)
        text = view.text.replace(f"first_names: {view.data['first_names']}", f"first_names: {value}")
        draft = drafts.create_draft(
            self.stores[clone].repo,
            record_id=rid,
            kind="customer",
            customer=rid,
            command="edit",
            text=text,
            base_blob=view.blob_id,
            base_commit=view.commit_id,
            pristine=view.text,
        )
        self.pending[clone] = (draft, value)
        self.did("start edit")

    @precondition(lambda self: bool(self.pending))
    @rule(pick=st.integers(0, CLONES - 1))
    def finish_edit(self, pick: int) -> None:
        """The edit is saved: merged with what the clone got meanwhile; a same-field conflict is
        settled by keeping this edit's value (the lines marked as the colleague's are deleted)."""
        clone = sorted(self.pending)[pick % len(self.pending)]
        draft, value = self.pending.pop(clone)
        store = self.stores[clone]
        if draft.record_id in self.erased or self.current(clone, draft.record_id) is None:
            drafts.discard_draft(store.repo, draft.record_id)
            return
        body = draft.text()
        for _ in range(3):
            try:
                saved = editmerge.save_edit(store, body, draft)
                self.did("finish edit, merged" if saved.kept else "finish edit")
                break
            except drafts.Reopen as again:
                self.did("edit conflict, chose own value")
                draft = drafts.write_draft(
                    draft, again.text, base_blob=again.base_blob, base_commit=again.base_commit
                )
                body = _keep_own_lines(again.text)
        else:
            raise AssertionError("an edit could not be saved after choosing its own values")
        drafts.discard_draft(store.repo, draft.record_id)
        self.write(clone, draft.record_id, "first_names", value)

    @precondition(lambda self: any(self.live(i) for i in range(CLONES)))
    @rule(clone=st.integers(0, CLONES - 1), pick=st.integers(0, 1000))
    def annul(self, clone: int, pick: int) -> None:
        ids = [r for r in self.live(clone) if not (self.current(clone, r) or {}).get("annulment")]
        if not ids:
            return
        rid = ids[pick % len(ids)]
        view = self.stores[clone].annul(rid, f"Syy {word(next(self.fresh))}")
        self.did("annul")
        self.write(clone, rid, "annulment", view.data["annulment"])

    @precondition(lambda self: any(self.live(i) for i in range(CLONES)))
    @rule(clone=st.integers(0, CLONES - 1), pick=st.integers(0, 1000))
    def restore(self, clone: int, pick: int) -> None:
        ids = self.live(clone)
        if not ids:
            return
        rid = ids[pick % len(ids)]
        store = self.stores[clone]
        versions = store.log(rid)
        if len(versions) < 2:
            return
        before = self.current(clone, rid) or {}
        old = fast_load(store.read(rid, versions[1].commit).text, rid)
        if old == before:
            return
        store.restore(rid, versions[1].commit)
        self.did("restore")
        for f in FIELDS:
            if old.get(f) != before.get(f):
                self.write(clone, rid, f, old.get(f))

    @rule(clone=st.integers(0, CLONES - 1))
    def sync(self, clone: int) -> None:
        """``koto sync``; every conflict settled with ``koto resolve ID --take theirs``."""
        from kototieto.store import mergestate
        from kototieto.store.sync import sync

        repo = self.stores[clone].repo
        result = sync(repo, author=self.authors[clone], drop_erased=True)
        self.known[clone] |= self.remote_known
        self.records[clone] |= self.remote_records
        self.did("sync, merged" if result.merged else "sync")
        if result.conflicts:
            self.did("sync conflict, resolved")
            for note in result.conflicts:
                mergestate.resolve(repo, note.record_id, "theirs", author=self.authors[clone])
                settled = self.current(clone, note.record_id) or {}
                for f in {str(c.path[0]) for c in note.conflicts if c.path}:
                    if f in FIELDS:
                        self.write(clone, note.record_id, f, settled.get(f))
            result = sync(repo, author=self.authors[clone], drop_erased=True)
            assert not result.conflicts
        self.remote_known |= self.known[clone]
        self.remote_records |= self.records[clone]
        for cid in self.erased:
            self.synced_after_erase.setdefault(cid, set()).add(clone)
        from kototieto.store.store import Store

        self.stores[clone] = Store.open(self.roots[clone], author=self.authors[clone])

    @precondition(lambda self: any(self.live(i) for i in range(CLONES)))
    @rule(clone=st.integers(0, CLONES - 1), pick=st.integers(0, 1000))
    def erase(self, clone: int, pick: int) -> None:
        """``koto erase`` of a customer the remote has, then the force-push the README asks for."""
        from kototieto.store.erase import erase_customer
        from kototieto.store.store import Store

        self.sync(clone)  # erase what everyone has: the remote is up to date with this clone
        ids = [r for r in self.live(clone) if r in self.remote_records]
        if not ids or clone in self.pending:
            return
        cid = ids[pick % len(ids)]
        erase_customer(self.stores[clone].repo, cid, "Asiakkaan pyyntö", author=self.authors[clone])
        push = git(self.roots[clone], "push", "-q", "--force", "origin", "main")
        assert push.returncode == 0, push.stderr
        self.erased.add(cid)
        self.did("erase")
        self.synced_after_erase[cid] = {clone}
        self.stores[clone] = Store.open(self.roots[clone], author=self.authors[clone])
        for seq, (rid, _, _) in list(self.writes.items()):
            if rid == cid:
                del self.writes[seq]

    # ------------------------------------------------------------ invariants
    @invariant()
    def every_record_is_valid(self) -> None:
        from kototieto.store.validate import validate_repository

        for i, root in enumerate(self.roots):
            report = validate_repository(root, use_cache=False, workers=1)
            errors = [p for p in report.problems if p.severity == "error"]
            assert not errors, (i, errors)

    @invariant()
    def nothing_saved_is_lost(self) -> None:
        for i in range(CLONES):
            newest: dict[tuple[str, str], int] = {}
            for seq in self.known[i]:
                if seq in self.writes:
                    rid, f, _ = self.writes[seq]
                    newest[(rid, f)] = max(seq, newest.get((rid, f), 0))
            for (rid, f), seq in newest.items():
                data = self.current(i, rid)
                assert data is not None, f"clone {i} lost record {rid}"
                expected = copy.deepcopy(self.writes[seq][2])
                assert data.get(f) == expected, (i, rid, f, data.get(f), expected)

    @invariant()
    def erased_customers_stay_erased(self) -> None:
        for cid in self.erased:
            places = [self.remote] + [self.roots[i] for i in sorted(self.synced_after_erase.get(cid, ()))]
            for place in places:
                objects = git(place, "rev-list", "--objects", "--all").stdout
                assert cid not in objects, f"{cid} is back in {place}"

    @invariant()
    def fsck_is_clean(self) -> None:
        for place in [self.remote, *self.roots]:
            done = git(place, "fsck", "--no-dangling", "--no-progress")
            assert done.returncode == 0 and not done.stderr.strip(), (place, done.stdout, done.stderr)

    def teardown(self) -> None:
        for store in self.stores:
            store.close()


def _run(git_daemon: Any, monkeypatch: pytest.MonkeyPatch, examples: int, steps: int) -> dict[str, int]:
    from hypothesis.stateful import run_state_machine_as_test

    monkeypatch.setenv("KOTO_LANG", "en")
    Officials.base = git_daemon.base
    Officials.url_of = git_daemon.url
    Officials.ran = {}
    run_state_machine_as_test(
        Officials,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            derandomize=os.environ.get("KOTO_SOAK_RANDOM") is None,
            suppress_health_check=list(HealthCheck),
            verbosity=Verbosity.verbose if os.environ.get("KOTO_STATEFUL_VERBOSE") else Verbosity.normal,
        ),
    )
    return dict(Officials.ran)


def _check(machine: Officials) -> None:
    machine.every_record_is_valid()
    machine.nothing_saved_is_lost()
    machine.erased_customers_stay_erased()
    machine.fsck_is_clean()


@pytest.mark.slow
def test_a_scripted_day_of_three_officials(git_daemon: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's rules in a fixed order that reaches every path once: a merge of different
    fields through the edit path, a same-field sync conflict resolved, an erasure and an old clone
    syncing after it. The invariants are checked after each step."""
    monkeypatch.setenv("KOTO_LANG", "en")
    Officials.base = git_daemon.base
    Officials.url_of = git_daemon.url
    Officials.ran = {}
    m = Officials()
    try:
        steps: list[tuple[str, dict[str, int]]] = [
            ("create", {"clone": 0, "through_draft": 1}),
            ("create", {"clone": 0, "through_draft": 0}),
            ("sync", {"clone": 0}),
            ("sync", {"clone": 1}),
            ("sync", {"clone": 2}),
            ("start_edit", {"clone": 1, "pick": 0}),  # first_names, from the current version
            ("edit_in_place", {"clone": 0, "pick": 0}),  # last_name of the same record
            ("sync", {"clone": 0}),
            ("sync", {"clone": 1}),
            ("finish_edit", {"pick": 0}),  # merged field by field: both kept
            ("start_edit", {"clone": 2, "pick": 0}),
            ("sync", {"clone": 1}),
            ("sync", {"clone": 2}),
            ("finish_edit", {"pick": 0}),  # same field changed by clone 1: the choice is shown
            ("edit_in_place", {"clone": 0, "pick": 1}),
            ("edit_in_place", {"clone": 1, "pick": 1}),
            ("sync", {"clone": 0}),
            ("sync", {"clone": 1}),  # same-field conflict, resolved (theirs)
            ("annul", {"clone": 2, "pick": 0}),
            ("restore", {"clone": 2, "pick": 0}),
            ("sync", {"clone": 2}),
            ("erase", {"clone": 2, "pick": 1}),
            ("sync", {"clone": 0}),  # an old clone after the erasure
            ("sync", {"clone": 1}),
        ]
        for name, args in steps:
            getattr(m, name)(**args)
            _check(m)
    finally:
        m.teardown()
    ran = Officials.ran
    for what in ("new", "add", "sync, merged", "finish edit, merged", "sync conflict, resolved", "erase"):
        assert ran.get(what), (what, ran)
    assert ran.get("edit conflict, chose own value"), ran


@pytest.mark.slow
def test_officials_on_three_clones(git_daemon: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A few short random sequences (``make test``)."""
    print(_run(git_daemon, monkeypatch, examples=3, steps=10))


@pytest.mark.soak
def test_officials_on_three_clones_soak(git_daemon: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many long sequences (``make soak``)."""
    examples = int(os.environ.get("KOTO_SOAK_EXAMPLES", "60"))
    steps = int(os.environ.get("KOTO_SOAK_STEPS", "40"))
    print(_run(git_daemon, monkeypatch, examples=examples, steps=steps))
