"""``Store``: the library API over a data repository (every ``koto`` record command wraps one call).

A record read from the store is a ``RecordView``: one blob at one commit. Every write goes through
``Store.save_text`` -> ``gitcommit.commit_changes`` and returns the new view. A write

- parses the text strictly (``yamlio.load_document``), checks the writer's role, the model's rules,
  the cross-record rules against the customer's other records at the branch head and the path /
  content agreement, and refuses with *every* problem (``InvalidRecordError``) before anything is
  written;
- keeps the person's comments and layout when it is given data for an existing record
  (``update_document`` on the stored text);
- with ``expected_version`` (a blob id or a commit id the edit started from) fails with
  ``ConflictError`` listing the fields that changed since, if the record changed since;
- refuses to overwrite a working-tree file with uncommitted changes (they would be lost).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygit2

from kototieto.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    NothingToDoError,
    UsageError,
)
from kototieto.model import ids
from kototieto.model.crossrules import identity_key
from kototieto.model.rules import RuleParams
from kototieto.model.text import T
from kototieto.store import (
    batchadd,
    checks,
    gitcommit,
    history,
    identityindex,
    idindex,
    indexsync,
    layout,
    pipeline,
    removal,
    roles,
    versioncheck,
)
from kototieto.store.bulkimport import import_records
from kototieto.store.bulkload import fast_load
from kototieto.store.fielddiff import FieldChange, diff_data
from kototieto.store.repository import Repository
from kototieto.store.yamlio import (
    dump_document,
    load_document,
    new_document_text,
    to_plain,
    update_document,
)

if TYPE_CHECKING:
    from kototieto.model.extensions import ExtensionSet


NO_RECORD = T(
    "Tietuetta '{id}' ei ole (versio {rev}). Etsi: koto find TEKSTI tai koto list",
    "Posten '{id}' finns inte (version {rev}). Sök: koto find TEXT eller koto list",
    "no record '{id}' at {rev}",
)
ALREADY_EXISTS = T(
    "Tietue {id} on jo olemassa ({p}){rest}",
    "Posten {id} finns redan ({p}){rest}",
    "record {id} already exists ({p}){rest}",
)


@dataclass(frozen=True)
class RecordView:
    """One record as stored in one blob at one commit."""

    id: str
    kind: str
    customer: str
    path: str
    data: dict[str, Any]
    text: str
    blob_id: str
    commit_id: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "customer": self.customer,
            "path": self.path,
            "blob": self.blob_id,
            "commit": self.commit_id,
            "data": self.data,
        }


@dataclass
class Store:
    repo: Repository
    author: str | None = None
    acting_type: str | None = None  # organisation type of the writer (default: the repository's)
    lang: str = "fi"
    _params: RuleParams | None = None

    @classmethod
    def open(cls, path: Path | str = ".", **kwargs: Any) -> Store:
        return cls(Repository.open(path), **kwargs)

    def close(self) -> None:
        """Bring the index up to date now (``indexsync``); call before running Git yourself."""
        indexsync.flush(self.repo)

    def batch(self) -> Any:
        """A block of many saves with one index write at its end (``indexsync``)."""
        return indexsync.batch(self.repo)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- lookup
    def _commit(self, rev: str | None) -> pygit2.Commit:
        if rev is None:
            head = self.repo.head_commit()
            if head is None:
                raise NotFoundError(
                    T(
                        "Tietovarastossa {p} ei ole vielä yhtään muutosta",
                        "{p} har inga ändringar ännu",
                        "{p} has no commits yet",
                    ).format(p=self.repo.root)
                )
            return head
        return history.resolve(self.repo, rev)

    def id_paths(self, record_id: str, rev: str | None = None) -> list[str]:
        """Every path holding ``record_id`` at ``rev`` (HEAD), from the id index (``idindex``)."""
        commit = self._commit(rev)
        return idindex.paths_of(self.repo, commit, record_id, persist=rev is None)

    def find_path(self, record_id: str, rev: str | None = None) -> str:
        """The path of a record at ``rev`` (HEAD); ``CUSTOMER/RECORD`` names one record exactly.

        An id held by several records (a duplicate that came in through plain Git) is refused with
        the list of them (``idindex.AmbiguousIdError``)."""
        if "/" in record_id:
            cust, rid = record_id.split("/", 1)
            return layout.record_path(cust, rid)
        paths = self.id_paths(record_id, rev)
        if len(paths) > 1:
            raise idindex.AmbiguousIdError(record_id, sorted(paths))
        if not paths:
            raise NotFoundError(NO_RECORD.format(id=record_id, rev=rev or "HEAD"))
        return paths[0]

    def read(self, ref: str, rev: str | None = None) -> RecordView:
        """Read ``ID`` (or ``ID@REV``) at ``rev`` (default: the branch head)."""
        if "@" in ref and rev is None:
            ref, rev = ref.split("@", 1)
        commit = self._commit(rev)
        path = self.find_path(ref, rev)
        return self._view(commit, path)

    def _view(self, commit: pygit2.Commit, path: str) -> RecordView:
        blob = history.blob_at(self.repo, commit, path)
        if blob is None:
            raise NotFoundError(
                T(
                    "Tiedostoa {p} ei ollut versiossa {c}",
                    "Filen {p} fanns inte i versionen {c}",
                    "{p} does not exist at {c}",
                ).format(p=path, c=str(commit.id)[:10])
            )

        # The fast strict loader gives the same data as the round-trip loader (a tested property of
        # store.bulkload) at a tenth of the cost; writes re-read the text round-trip when needed.
        data = fast_load(blob.data, path)
        parsed = layout.parse_record_path(path)
        return RecordView(
            id=str(data.get("id", parsed.record_id if parsed else "")),
            kind=str(data.get("kind", "")),
            customer=str(data.get("customer", parsed.customer if parsed else "")),
            path=path,
            data=data,
            text=blob.data.decode("utf-8"),
            blob_id=str(blob.id),
            commit_id=str(commit.id),
        )

    def customer_records(
        self, customer: str, commit: pygit2.Commit | None = None
    ) -> dict[str, dict[str, Any]]:
        """record id -> data of a customer's records at ``commit`` (head), parsed with the fast loader."""
        commit = commit or self._commit(None)
        folder = layout.customer_dir(customer)
        try:
            tree = self.repo.git.get(commit.tree[folder].id)
        except KeyError:
            return {}
        out: dict[str, dict[str, Any]] = {}
        if isinstance(tree, pygit2.Tree):
            for entry in tree:
                name = entry.name or ""
                blob = self.repo.git.get(entry.id)
                if name.endswith(layout.RECORD_SUFFIX) and isinstance(blob, pygit2.Blob):
                    try:
                        out[name[: -len(layout.RECORD_SUFFIX)]] = fast_load(blob.data, f"{folder}/{name}")
                    except InvalidInputError:
                        continue
        return out

    # ---------------------------------------------------------------- checks
    def check_text(
        self,
        text: bytes | str,
        path: str | None = None,
        *,
        data: dict[str, Any] | None = None,
        pending: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> tuple[str, dict[str, Any], list[checks.Issue]]:
        """Parse and check a record text as a write would; returns (path, data, issues).

        ``data``: the text's content when the caller built the text from it (``save``); the text is
        then parsed only if there are errors, to give them line numbers. ``pending``: records (by
        id) written in the same batch, which the cross-record rules see as if already committed
        (a new customer added together with their assessment and plan).
        """
        locate = None
        if data is None:
            doc = load_document(text, path or "<record>")
            data, locate = doc.data, doc.locate
        if path is None:
            cust, rid = data.get("customer"), data.get("id")
            if data.get("kind") == "customer" and cust is None:
                cust = rid
            if not isinstance(cust, str) or not isinstance(rid, str):
                raise InvalidInputError(
                    T(
                        "Tietueelta puuttuu id tai customer",
                        "Posten saknar id eller customer",
                        "the record has no id or customer",
                    ),
                    location=None,
                )
            path = layout.record_path(cust, rid)
        roles.check_role(self.repo.config.roles, self.writer_type, data)
        customer = data.get("customer", data.get("id"))
        others: list[dict[str, Any]] = []
        if isinstance(customer, str) and layout.is_safe_name(customer):
            siblings: dict[str, Any] = dict(self.customer_records(customer))
            for rid, other in (pending or {}).items():
                if other.get("customer", other.get("id")) == customer:
                    siblings[rid] = dict(other)
            others = [d for rid, d in siblings.items() if rid != data.get("id")]
        issues = checks.check_record(
            path,
            data,
            rules=self.rules(),
            locate=locate,
            others=others,
            same_identity=self.same_identity(data, pending),
            lang=self.lang,
        )
        if locate is None and checks.errors_of(issues):
            return self.check_text(text, path, pending=pending)
        return path, data, issues

    def same_identity(
        self, data: Mapping[str, Any], pending: Mapping[str, Mapping[str, Any]] | None = None
    ) -> list[dict[str, Any]]:
        """Other customers' records (at the branch head, or in ``pending``) with the identifier of
        customer record ``data``: the identity index names them, only those are read."""
        key = identity_key(data)
        head = self.repo.head_commit() if key is not None else None
        out: list[dict[str, Any]] = []
        if key is None:
            return out
        me = data.get("id")
        if head is not None:
            for path in identityindex.holders(self.repo, head, key):
                parsed = layout.parse_record_path(path)
                if parsed is None or parsed.record_id == me or (pending and parsed.record_id in pending):
                    continue
                blob = history.blob_at(self.repo, head, path)
                if blob is not None:
                    with contextlib.suppress(InvalidInputError):
                        out.append(fast_load(blob.data, path))
        out.extend(dict(d) for rid, d in (pending or {}).items() if rid != me and identity_key(d) == key)
        return out

    def params(self) -> RuleParams:
        """The rule parameters of ``koto.yaml`` (read once per Store)."""
        if self._params is None:
            self._params = pipeline.config_params(self.repo.config)
        return self._params

    def extensions(self) -> ExtensionSet | None:
        """The repository's pilot extension definitions; None without ``extensions/`` (national model)."""
        return pipeline.repository_extensions(self.repo.root)  # cached by the files' times and sizes

    def rules(self) -> pipeline.Rules:
        """What every write is checked against (the one validation pipeline's inputs)."""
        return pipeline.Rules(self.params(), self.extensions())

    @property
    def writer_type(self) -> str:
        return self.acting_type or self.repo.config.organisation.type

    # ---------------------------------------------------------------- writes
    def save_text(
        self,
        text: bytes | str,
        *,
        path: str | None = None,
        expected_version: str | None = None,
        must_be_new: bool = False,
        message: str | None = None,
        author: str | None = None,
        from_worktree: bool = False,
        data: dict[str, Any] | None = None,
        pending: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> RecordView:
        """Validate ``text`` and commit it as the record's new version (``data``, ``pending``: see
        check_text)."""
        raw = text.encode("utf-8") if isinstance(text, str) else text
        path, data, issues = self.check_text(raw, path, data=data, pending=pending)
        checks.raise_if_invalid(path, issues)
        if not from_worktree:
            versioncheck.refuse_dirty(self.repo, path, raw)
        expected = versioncheck.expected_blob(self.repo, path, expected_version) if expected_version else None

        def check(head: pygit2.Commit | None) -> None:
            current = history.blob_at(self.repo, head, path) if head is not None else None
            if must_be_new and current is not None:
                raise ConflictError(ALREADY_EXISTS.format(id=data.get("id"), p=path, rest=""))
            if head is not None and current is None:  # a new path: its id must be new too
                idindex.refuse_duplicate(self.repo, head, str(data.get("id")), path)
            if expected_version is not None and (current.id if current else None) != expected:
                versioncheck.raise_conflict(self.repo, path, expected, current, data, self.lang)
            if current is not None and current.data == raw:
                raise NothingToDoError(
                    T("{p}: ei muutoksia", "{p}: inga ändringar", "{p}: no changes").format(p=path)
                )

        kind = str(data.get("kind", ""))
        head = self.repo.head_commit()
        old_blob = history.blob_at(self.repo, head, path) if head is not None else None
        exists = old_blob is not None
        subject = message or f"{'Update' if exists else 'Add'} {kind} {data.get('id')}"
        if message is None and old_blob is not None:
            changed = _changed_fields(old_blob.data, path, data)
            if changed:
                subject += ": " + ", ".join(changed)
        result = gitcommit.commit_changes(
            self.repo,
            {path: raw},
            _with_trailers(subject, data, self.repo.config.organisation.code),
            author=_signature(author or self.author),
            check=check,
        )
        history.note_commits(self.repo)
        return RecordView(
            id=str(data.get("id")),
            kind=kind,
            customer=str(data.get("customer", data.get("id"))),
            path=path,
            data=data,
            text=raw.decode("utf-8"),
            blob_id=str(result.blob_ids[path]),
            commit_id=result.commit_id,
        )

    def save(
        self,
        data: Mapping[str, Any],
        *,
        expected_version: str | None = None,
        message: str | None = None,
        author: str | None = None,
    ) -> RecordView:
        """Commit ``data`` as a record version, keeping the stored file's comments and layout."""
        cust, rid = data.get("customer", data.get("id")), data.get("id")
        path = layout.record_path(layout.check_name(cust, "customer"), layout.check_name(rid, "record"))
        head = self._commit(None)
        blob = history.blob_at(self.repo, head, path)
        if blob is None:
            text = new_document_text(dict(data), layout.schema_url_for(path))
            return self.save_text(text, path=path, must_be_new=True, message=message, author=author)
        doc = load_document(blob.data, path)
        update_document(doc.doc, data)
        return self.save_text(
            dump_document(doc.doc),
            data=to_plain(doc.doc),
            path=path,
            expected_version=expected_version or str(blob.id),
            message=message,
            author=author,
        )

    def annul(
        self, record_id: str, reason: str, *, on: date | None = None, author: str | None = None
    ) -> RecordView:
        """A new version with ``annulment: {date, reason}`` (nothing is deleted)."""
        if not reason.strip():
            raise UsageError(
                T(
                    "Mitätöinnille tarvitaan syy",
                    "En annullering behöver ett skäl",
                    "an annulment needs a reason",
                )
            )
        view = self.read(record_id)
        if view.data.get("annulment"):
            raise NothingToDoError(
                T(
                    "Tietue {id} on jo mitätöity",
                    "Posten {id} är redan annullerad",
                    "record {id} is already annulled",
                ).format(id=record_id)
            )
        new = dict(view.data)
        new["annulment"] = {"date": (on or date.today()).isoformat(), "reason": reason}
        return self.save(
            new, expected_version=view.blob_id, message=f"Annul {view.kind} {view.id}", author=author
        )

    def referrers_warnings(self, view: RecordView) -> list[checks.Issue]:
        """The warnings about ``view``'s record in the customer's other records that refer to it
        (the reviews of a plan just annulled, a plan whose assessment was annulled): those records
        checked as their save would check them, for the problems at the referring field."""
        out: list[checks.Issue] = []
        for rid, data in sorted(self.customer_records(view.customer).items()):
            fields = [f for f in ("plan", "assessment", "previous_plan") if data.get(f) == view.id]
            if rid == view.id or not fields:
                continue
            other = self.read(rid)
            _, _, issues = self.check_text(other.text.encode("utf-8"), other.path)
            out.extend(
                i
                for i in issues
                if i.severity == "warning" and i.rule == "record-references" and i.field in fields
            )
        return out

    def restore(self, record_id: str, rev: str, *, author: str | None = None) -> RecordView:
        """Write the record's content at ``rev`` as its newest version (history is not rewritten)."""
        old = self.read(record_id, rev)
        current = self.read(record_id)
        return self.save_text(
            old.text,
            path=current.path,
            expected_version=current.blob_id,
            message=f"Restore {old.kind} {old.id} to {old.commit_id[:10]}",
            author=author,
        )

    def remove(self, record_id: str, *, author: str | None = None) -> RecordView:
        """Remove a record that was never pushed (``koto rm``; see ``removal`` for why a pushed
        record is annulled instead). Returns the removed version."""
        view = self.read(record_id)
        removal.refuse_removal(self.repo, view.id, view.kind, view.path, self.customer_records(view.customer))
        versioncheck.refuse_dirty(self.repo, view.path, view.text.encode("utf-8"))

        def check(head: pygit2.Commit | None) -> None:
            current = history.blob_at(self.repo, head, view.path) if head is not None else None
            if current is None or str(current.id) != view.blob_id:
                raise ConflictError(
                    T(
                        "{p} muuttui sillä välin; mitään ei poistettu, yritä uudelleen",
                        "{p} ändrades under tiden; ingenting togs bort, försök igen",
                        "{p} changed meanwhile; nothing was removed, try again",
                    ).format(p=view.path)
                )

        result = gitcommit.commit_changes(
            self.repo,
            {view.path: None},
            _with_trailers(f"Remove {view.kind} {view.id}", view.data, self.repo.config.organisation.code),
            author=_signature(author or self.author),
            check=check,
        )
        history.note_commits(self.repo)
        return RecordView(
            id=view.id,
            kind=view.kind,
            customer=view.customer,
            path=view.path,
            data=view.data,
            text=view.text,
            blob_id=view.blob_id,
            commit_id=result.commit_id,
        )

    def import_records(
        self,
        texts: Iterable[bytes | tuple[str, bytes]],
        *,
        message: str,
        author: str | None = None,
        validate: bool = True,
    ) -> str:
        """Commit many records as one commit; see ``bulkimport.import_records``."""
        return import_records(self, texts, message=message, author=author, validate=validate)

    def add_many(
        self, items: Sequence[batchadd.Item], *, message: str | None = None, from_worktree: bool = False
    ) -> list[RecordView]:
        """Check many record texts together (they see each other), then commit each in reference
        order; nothing is written when any is invalid. See ``batchadd.add_many``."""
        return batchadd.add_many(self, items, message=message, from_worktree=from_worktree)

    # ---------------------------------------------------------------- history
    def log(self, record_id: str) -> list[history.Version]:
        return history.path_log(self.repo, self.find_path(record_id))

    def diff(
        self, record_id: str, rev1: str | None = None, rev2: str | None = None, lang: str = "fi"
    ) -> list[FieldChange]:
        """Field changes of a record: rev1 -> rev2; default: previous version -> current."""
        path = self.find_path(record_id)
        if rev1 is None:
            versions = history.path_log(self.repo, path, limit=2)
            if len(versions) < 2:
                new = self._view(self._commit(None), path)
                return diff_data({}, new.data, lang=lang)
            rev1 = versions[1].commit
        old = self._view(self._commit(rev1), path)
        new = self._view(self._commit(rev2), path)
        return diff_data(old.data, new.data, lang=lang)

    # ---------------------------------------------------------------- helpers


def _signature(author: str | None) -> pygit2.Signature | None:
    return gitcommit.parse_author(author) if author else None


def new_record_id(kind: str, day: date | None = None) -> str:
    """A fresh record id in the one scheme (kototieto.model.ids), e.g. ``asm-20261202-3f9c2a71``."""
    return ids.new_record_id(kind, day)


def _changed_fields(old_raw: bytes, path: str, new: Mapping[str, Any]) -> list[str]:
    """The top-level fields whose value differs between the stored version and ``new``."""
    from kototieto.store.bulkload import fast_load

    try:
        old = fast_load(old_raw, path)
    except InvalidInputError:
        return []
    keys = list(dict.fromkeys([*new.keys(), *old.keys()]))
    return [str(k) for k in keys if old.get(k) != new.get(k)]


def _with_trailers(subject: str, data: Mapping[str, Any], org_code: str) -> str:
    cust = data.get("customer", data.get("id"))
    return (
        f"{subject}\n\n"
        f"Record-Id: {data.get('id')}\n"
        f"Record-Kind: {data.get('kind')}\n"
        f"Customer: {cust}\n"
        f"Organisation: {org_code}\n"
    )
