"""The identity index: which customer holds which identifier, for one commit's tree.

The one validation pipeline refuses a customer record whose identifier (personal identity code
or temporary identifier) another customer that is not annulled already has
(``model.crossrules.duplicate_identity``). To find that other customer without reading every
customer record on every save, the index of the branch head is kept in
``.git/koto/identities.json``::

    {"format": 1, "tree": "<tree id>",
     "customers": {"customers/S/C/C.yaml": "personal-identity-code 150388-931U", ...}}

one entry per customer record that is not annulled and has an identifier (the key of
``crossrules.identity_key``). Like the id index (``idindex``) it is brought up to date from the
changed paths of a new tree alone (a tree diff; only a changed customer record is read); the
first lookup in a clone, or one whose stored tree is gone, builds it by reading the customer
records (one per customer folder). A damaged or missing file is simply rebuilt. It holds identity
codes: ``koto erase`` removes it with the erased customer's entry (``forget``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pygit2

from kototieto.errors import InvalidInputError
from kototieto.model.crossrules import identity_key
from kototieto.store import layout
from kototieto.store.bulkload import fast_load
from kototieto.store.repository import Repository
from kototieto.store.treeindex import IndexFile

INDEX_FILE = "identities.json"
FORMAT = 1

Keys = dict[str, str]  # customer record path -> identity key


@dataclass
class IdentityIndex:
    tree: str
    customers: Keys
    _by_key: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    def holders(self, key: str) -> list[str]:
        """The customer record paths with identity ``key`` (usually none or one)."""
        if self._by_key is None:
            by_key: dict[str, list[str]] = {}
            for path, k in self.customers.items():
                by_key.setdefault(k, []).append(path)
            self._by_key = by_key
        return sorted(self._by_key.get(key, []))

    def to_json(self) -> dict[str, object]:
        return {"format": FORMAT, "tree": self.tree, "customers": self.customers}


def _read(tree: str, raw: Mapping[str, Any]) -> IdentityIndex | None:
    customers = raw.get("customers")
    if not isinstance(customers, dict):
        return None
    return IdentityIndex(tree, {str(k): str(v) for k, v in customers.items() if isinstance(v, str)})


def is_customer_record(path: str) -> bool:
    """``customers/S/C/C.yaml``: the customer record of folder C."""
    parsed = layout.parse_record_path(path)
    return parsed is not None and parsed.record_id == parsed.customer


def _key_of(repo: Repository, blob_id: pygit2.Oid | str, path: str) -> str | None:
    blob = repo.git.get(blob_id)
    if not isinstance(blob, pygit2.Blob):
        return None
    try:
        data = fast_load(blob.data, path)
    except InvalidInputError:
        return None
    return identity_key(data) if isinstance(data, Mapping) else None


def _walk(repo: Repository, tree: pygit2.Tree) -> Keys:
    keys: Keys = {}
    git = repo.git
    try:
        top = git.get(tree[layout.CUSTOMERS_DIR].id)
    except KeyError:
        return keys
    if not isinstance(top, pygit2.Tree):
        return keys
    for shard in top:
        shard_tree = git.get(shard.id)
        if not isinstance(shard_tree, pygit2.Tree):
            continue
        for cust in shard_tree:
            cust_tree = git.get(cust.id)
            name = f"{cust.name}{layout.RECORD_SUFFIX}"
            if not isinstance(cust_tree, pygit2.Tree) or name not in cust_tree:
                continue
            path = f"{layout.CUSTOMERS_DIR}/{shard.name}/{cust.name}/{name}"
            key = _key_of(repo, cust_tree[name].id, path)
            if key is not None:
                keys[path] = key
    return keys


def _update(repo: Repository, old: IdentityIndex, tree: pygit2.Tree) -> Keys | None:
    """``old`` brought to ``tree`` by the customer records that differ (None: the old tree is gone)."""
    old_tree = repo.git.get(old.tree)
    if not isinstance(old_tree, pygit2.Tree):
        return None
    keys = dict(old.customers)
    for delta in old_tree.diff_to_tree(tree).deltas:
        gone, came = delta.old_file.path, delta.new_file.path
        if is_customer_record(gone):
            keys.pop(gone, None)
        if delta.status != pygit2.enums.DeltaStatus.DELETED and is_customer_record(came):
            key = _key_of(repo, delta.new_file.id, came)
            if key is not None:
                keys[came] = key
    return keys


def _walked(repo: Repository, commit: pygit2.Commit, tree: str) -> IdentityIndex:
    return IdentityIndex(tree, _walk(repo, commit.tree))


def _updated(repo: Repository, old: IdentityIndex, tree: pygit2.Tree) -> IdentityIndex | None:
    keys = _update(repo, old, tree)
    return IdentityIndex(str(tree.id), keys) if keys is not None else None


#: ``.git/koto/identities.json`` (see ``treeindex``): kept in memory, written back at exit.
FILE: IndexFile[IdentityIndex] = IndexFile(INDEX_FILE, FORMAT, _read, _walked, _updated)
index_of = FILE.index_of
flush = FILE.flush
#: ``koto erase``: the index held the erased customer's identity code and described the history
#: that was rewritten; the next lookup rebuilds it from the records (in a repository of 20,000
#: records, 4,520 customers: 3.4 s on the shared machine, once).
forget = FILE.forget


def holders(repo: Repository, commit: pygit2.Commit, key: str) -> list[str]:
    """The paths of the customer records at ``commit`` whose identity key is ``key``."""
    return index_of(repo, commit).holders(key)
