"""``koto rm``: removing a record that was never shared.

A record may be removed (a commit that deletes its file) only while no other clone can have it:
no remote-tracking branch of this clone (``refs/remotes/*``, what the last ``koto sync`` saw) has
ever held its path. Once a record has been pushed, colleagues' clones, their printed plans and
the remote's history hold it; removing it here would not remove it there (the next sync would
even bring it back), so a pushed record is annulled (``koto annul``: a new version that says it
is void, kept in the history) and a person's data is erased with ``koto erase``. A record that
other records of the customer refer to is not removed either (they would point to nothing).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

from kototieto.errors import ConflictError
from kototieto.model.text import T
from kototieto.store.repository import Repository


def remote_refs(repo: Repository) -> list[str]:
    return [name for name in repo.git.references if name.startswith("refs/remotes/")]


def pushed_commit(repo: Repository, path: str) -> str | None:
    """A commit on a remote-tracking branch that touched ``path`` (None: never pushed)."""
    refs = [r for r in remote_refs(repo) if not r.endswith("/HEAD")]
    if not refs:
        return None
    out = subprocess.run(
        ["git", "log", "-1", "--format=%H", *refs, "--", path],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    sha = out.stdout.strip()
    return sha or None


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def refuse_removal(
    repo: Repository, record_id: str, kind: str, path: str, siblings: dict[str, dict[str, Any]]
) -> None:
    """Raise ``ConflictError`` when ``record_id`` (at ``path``) may not be removed."""
    sha = pushed_commit(repo, path)
    if sha is not None:
        raise ConflictError(
            T(
                f"Tietue {record_id} on jo jaettu (lähetetty, commit {sha[:10]}); sitä ei voi "
                f'poistaa. Mitätöi se: koto annul {record_id} --reason "..."',
                f"Posten {record_id} har redan delats (skickad, commit {sha[:10]}); den kan inte "
                f'tas bort. Annullera den: koto annul {record_id} --reason "..."',
                f"record {record_id} has been pushed (commit {sha[:10]}) and cannot be removed; "
                f'annul it instead: koto annul {record_id} --reason "..."',
            )
        )
    others = {rid: data for rid, data in siblings.items() if rid != record_id}
    if kind == "customer" and others:
        listed = ", ".join(sorted(others))
        raise ConflictError(
            T(
                f"Asiakkaalla {record_id} on muita tietueita ({listed}); poista ne ensin.",
                f"Kunden {record_id} har andra poster ({listed}); ta bort dem först.",
                f"customer {record_id} has other records ({listed}); remove them first",
            )
        )
    users = sorted(rid for rid, data in others.items() if record_id in set(_strings(data)))
    if users:
        listed = ", ".join(users)
        raise ConflictError(
            T(
                f"Tietueeseen {record_id} viittaa {listed}; sitä ei poistettu.",
                f"Posten {record_id} hänvisas till av {listed}; den togs inte bort.",
                f"record {record_id} is referred to by {listed}; it was not removed",
            )
        )
