"""Bulk import: many records as one commit (``koto generate``, migrations from other systems).

Objects go through ``git fast-import`` (one pack instead of a loose file per object) and the working
tree and index move with ``git read-tree -m -u`` (see ``gitcommit.bulk_commit``); the branch still
moves by compare-and-swap, so an import never loses a concurrent commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kototieto.errors import InvalidRecordError
from kototieto.i18n import count
from kototieto.model.text import T
from kototieto.store import checks, gitcommit, history, indexsync, layout, roles
from kototieto.store.bulkload import fast_load

if TYPE_CHECKING:
    from kototieto.store.store import Store


def import_records(
    store: Store,
    texts: Iterable[bytes | tuple[str, bytes]],
    *,
    message: str,
    author: str | None = None,
    validate: bool = True,
) -> str:
    """Commit many records as one commit (bulk import); returns the commit id.

    Items are record texts, or ``(path, text)`` pairs in the repository layout. With
    ``validate`` every record is parsed and checked (role, path, model rules, cross-record
    rules within each customer's imported records) and nothing is committed if any fails;
    without it, pairs are committed as they are (the caller vouches for them: e.g. records
    just generated from valid model objects) and bare texts are parsed only to place them.
    """
    changes: dict[str, bytes | None] = {}
    datas: dict[str, dict[str, Any]] = {}
    for item in texts:
        path, raw = item if isinstance(item, tuple) else (None, item)
        if path is not None and not validate:
            changes[path] = raw
            continue
        data = fast_load(raw, path or "<import>")
        cust = data.get("customer", data.get("id"))
        path = path or layout.record_path(
            layout.check_name(cust, "customer"), layout.check_name(data.get("id"), "record")
        )
        changes[path] = raw
        datas[path] = data
    if validate:
        by_customer: dict[str, list[str]] = {}
        for path in datas:
            parsed = layout.parse_record_path(path)
            by_customer.setdefault(parsed.customer if parsed else "", []).append(path)
        issues: list[checks.Issue] = []
        rules = store.rules()
        incoming = {str(d.get("id")): d for d in datas.values()}  # one person, one customer: these too
        for path, data in datas.items():
            roles.check_role(store.repo.config.roles, store.writer_type, data)
            parsed = layout.parse_record_path(path)
            others = [datas[p] for p in by_customer[parsed.customer if parsed else ""] if p != path]
            same = store.same_identity(data, incoming)
            issues += checks.check_record(
                path, data, rules=rules, others=others, same_identity=same, lang=store.lang
            )
        errors = checks.errors_of(issues)
        if errors:
            lines = "\n".join(f"  {i}" for i in errors[:50])
            n, files = len(errors), len({i.file for i in errors})
            raise InvalidRecordError(
                T(
                    f"{count(n, 'problem', 'fi')} {files} tiedostossa; mitään ei tuotu:\n{lines}",
                    f"{count(n, 'problem', 'sv')} i {count(files, 'file', 'sv')}; ingenting importerades:\n{lines}",
                    f"{n} problem(s) in {files} file(s); nothing was imported:\n{lines}",
                ),
                problems=list(errors),
            )
    who = author or store.author
    write = gitcommit.bulk_commit if len(changes) >= gitcommit.FAST_IMPORT_FROM else gitcommit.commit_changes
    result = write(
        store.repo,
        changes,
        message,
        author=gitcommit.parse_author(who) if who else None,
    )
    indexsync.flush(store.repo)
    history.refresh_commit_graph(store.repo)
    return result.commit_id
