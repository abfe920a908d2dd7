"""The erasure log (``erasures.yaml``) and the rule that an erased customer never comes back.

``koto erase`` appends an entry with the SHA-256 of ``"koto-erasure:" + customer id`` (never the id
itself) and commits it. From then on every door refuses a record of a customer whose id hashes to
an entry: the store's writes (``koto add``/``commit``/``new``/``edit``), the pre-commit hook,
``koto validate`` (and so the CI files ``koto init`` writes), the merge driver and ``koto sync``
(which checks every commit it would merge or push, not only the final tree). The log is read from
the committed ``erasures.yaml`` of the revisions concerned (for ``sync``: ours and the remote's),
so an erasure made in one clone protects every clone that has synced since.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pygit2
import yaml

from kototieto.errors import InvalidRecordError, Location
from kototieto.model.text import T, Text
from kototieto.store import layout
from kototieto.store.msg import say

ERASURE_LOG = "erasures.yaml"
_HASH = re.compile(r"^[0-9a-f]{64}$")


def customer_hash(customer: str) -> str:
    """The SHA-256 kept in the erasure log for ``customer`` (the id itself is never kept)."""
    return hashlib.sha256(f"koto-erasure:{customer}".encode()).hexdigest()


def hashes_of_text(raw: bytes | str | None) -> frozenset[str]:
    """The customer hashes listed in an ``erasures.yaml`` text (unreadable text: none)."""
    if not raw:
        return frozenset()
    try:
        entries = yaml.load(raw, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return frozenset()
    out = set()
    for entry in entries if isinstance(entries, list) else []:
        value = entry.get("customer_sha256") if isinstance(entry, dict) else None
        if isinstance(value, str) and _HASH.match(value):
            out.add(value)
    return frozenset(out)


def hashes_at(git: pygit2.Repository, rev: str) -> frozenset[str]:
    """The erased customers' hashes in ``erasures.yaml`` at revision ``rev`` (none if absent)."""
    try:
        commit = git.revparse_single(rev).peel(pygit2.Commit)
        blob = git.get(commit.tree[ERASURE_LOG].id)
    except (KeyError, ValueError, pygit2.GitError):
        return frozenset()
    return hashes_of_text(blob.data) if isinstance(blob, pygit2.Blob) else frozenset()


def hashes_of_repo(root: Path, git: pygit2.Repository | None = None) -> frozenset[str]:
    """Hashes of the working tree's ``erasures.yaml`` and of HEAD's (a file edited in place cannot
    drop an entry that is committed)."""
    found: set[str] = set()
    f = root / ERASURE_LOG
    if f.is_file():
        found |= hashes_of_text(f.read_bytes())
    try:
        git = git or pygit2.Repository(str(root))
    except pygit2.GitError:
        return frozenset(found)
    return frozenset(found | hashes_at(git, "HEAD"))


def customer_of(data: Any, rel: str | None = None) -> str | None:
    """The customer a record belongs to: its ``customer`` (a customer record: its ``id``), else the
    customer folder of its path."""
    if isinstance(data, dict):
        value = data.get("customer") if data.get("kind") != "customer" else data.get("id")
        if isinstance(value, str):
            return value
    parsed = layout.parse_record_path(rel) if rel else None
    return parsed.customer if parsed is not None else None


def is_erased(customer: str | None, hashes: frozenset[str]) -> bool:
    return bool(customer) and bool(hashes) and customer_hash(str(customer)) in hashes


def erased_message(customer: str) -> Text:
    return T(
        f"Asiakkaan {customer} tiedot on poistettu pysyvästi (koto erase, erasures.yaml); niitä ei "
        "voi tallentaa uudelleen.",
        f"Kundens {customer} uppgifter har raderats permanent (koto erase, erasures.yaml); de kan "
        "inte sparas på nytt.",
        f"customer {customer} was erased (koto erase, erasures.yaml); their records cannot be written again.",
    )


def refuse_paths(root: Path, paths: Iterable[str], git: pygit2.Repository | None = None) -> None:
    """Raise InvalidRecordError if any of the record ``paths`` belongs to an erased customer."""
    paths = list(paths)
    customers = customers_in_paths(paths)
    if not customers:
        return
    hashes = hashes_of_repo(root, git)
    for customer in sorted(customers):
        if is_erased(customer, hashes):
            where = next((p for p in paths if p.split("/")[2:3] == [customer]), None)
            raise InvalidRecordError(
                say(erased_message(customer)), location=Location(where) if where else None
            )


def erased_files(root: Path, files: Iterable[str | Path]) -> list[tuple[str, dict[str, str]]]:
    """(path relative to ``root``, message in fi/sv/en) of each record file in ``files`` that
    belongs to an erased customer (``koto validate``: an error, so CI refuses the push)."""
    hashes = hashes_of_repo(root)
    if not hashes:
        return []
    out = []
    for f in files:
        rel = Path(f)
        if rel.is_absolute():
            try:
                rel = rel.relative_to(root)
            except ValueError:
                continue
        customer = next(iter(customers_in_paths([rel.as_posix()])), None)
        if customer is not None and is_erased(customer, hashes):
            out.append((rel.as_posix(), erased_message(customer).as_dict()))
    return out


def customers_in_paths(paths: Iterable[str]) -> set[str]:
    """Customer ids of the record paths (and customer folders) among ``paths``."""
    out = set()
    for p in paths:
        parts = p.split("/")
        if len(parts) >= 3 and parts[0] == layout.CUSTOMERS_DIR and parts[2]:
            out.add(parts[2])
    return out


def erased_in_history(root: Path, revs: list[str], hashes: frozenset[str]) -> list[str]:
    """Erased customers whose records appear in any commit of the range ``revs`` (``git log``
    arguments, e.g. ``["HEAD", "^origin/main"]``) or in the trees at its tips."""
    if not hashes or not revs:
        return []
    out = subprocess.run(
        ["git", "log", "--format=", "--name-only", "--no-renames", "-m", *revs, "--", layout.CUSTOMERS_DIR],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    names = customers_in_paths(out.stdout.split("\n"))
    for rev in revs:
        if rev.startswith("^"):
            continue
        tree = subprocess.run(
            ["git", "ls-tree", "-r", "-d", "--name-only", rev, "--", layout.CUSTOMERS_DIR],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        names |= customers_in_paths(tree.stdout.split("\n"))
    return sorted(c for c in names if customer_hash(c) in hashes)
