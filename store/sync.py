"""``koto sync``: fetch, merge (records by the ``koto`` merge driver), push.

The merge is Git's own (``git merge``), so every Git rule about the working tree and the index
holds; record files go through the field-by-field driver registered in ``.git/config`` (records
Git merged without it, holding text conflict markers, are taken over and merged field by field the
same way). When conflicts are left the merge stops before committing, nothing is pushed, and the
result lists the conflicts; ``koto resolve`` (or an edit in place and ``koto commit``) settles them
and commits the merge, and the next ``koto sync`` pushes. ``koto sync --abort`` gets out of the
merge. A push refused because the remote moved meanwhile is retried after a new fetch and merge.
Before merging and before pushing, the commits on both sides are checked against the erasure log.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from typing import Any

from kototieto.errors import ConflictError, RemoteError, UsageError
from kototieto.model.text import T
from kototieto.store import erasures, history, indexsync, mergestate
from kototieto.store.conflicts import ConflictNote, adopt_text_conflicts, list_conflicts, unmerged_paths
from kototieto.store.erasedclone import Rebuilt
from kototieto.store.msg import say
from kototieto.store.repository import Repository


@dataclass
class SyncResult:
    remote: str
    branch: str
    fetched: bool = False
    merged: bool = False
    pushed: bool = False
    conflicts: list[ConflictNote] = field(default_factory=list)
    other_conflicts: list[str] = field(default_factory=list)
    rebuilt: Rebuilt | None = None
    dropped_incoming: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "remote": self.remote,
            "branch": self.branch,
            "merged": self.merged,
            "pushed": self.pushed,
            "conflicts": [c.to_json() for c in self.conflicts],
            "other_conflicts": self.other_conflicts,
            "drop_erased": self.rebuilt.to_json() if self.rebuilt is not None else None,
            "dropped_from_remote": self.dropped_incoming,
        }


def _git(repo: Repository, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env} if env else None
    return subprocess.run(
        ["git", *args], cwd=repo.root, capture_output=True, text=True, check=False, env=full
    )


def _rev(repo: Repository, name: str) -> str | None:
    out = _git(repo, "rev-parse", "--verify", "-q", name + "^{commit}")
    return out.stdout.strip() or None


def _erased_in(repo: Repository, theirs: str | None) -> tuple[list[str], list[str]]:
    """Erased customers (by either side's ``erasures.yaml``) whose records are in the commits we
    would take in (the remote's that we lack) and in those we would push (ours it lacks)."""
    hashes = erasures.hashes_of_repo(repo.root, repo.git)
    if theirs is not None:
        hashes |= erasures.hashes_at(repo.git, theirs)
    if not hashes:
        return [], []
    incoming = erasures.erased_in_history(repo.root, [theirs, "^HEAD"], hashes) if theirs else []
    outgoing = erasures.erased_in_history(repo.root, ["HEAD", *([f"^{theirs}"] if theirs else [])], hashes)
    return incoming, outgoing


def _refuse_erased(repo: Repository, remote: str, branch: str, theirs: str | None) -> None:
    incoming, outgoing = _erased_in(repo, theirs)
    if outgoing:
        mine = []
        if theirs is not None:
            base = _git(repo, "merge-base", "HEAD", theirs).stdout.strip()
            if base:
                changed = _git(repo, "diff", "--name-only", base, "HEAD", "--", "customers").stdout.split()
                mine = [
                    p
                    for p in changed
                    if not erasures.is_erased(
                        erasures.customer_of(None, p), erasures.hashes_at(repo.git, theirs)
                    )
                    and not erasures.is_erased(
                        erasures.customer_of(None, p), erasures.hashes_of_repo(repo.root)
                    )
                ]
        names = ", ".join(outgoing)
        keep = "".join(f"\n    {p}" for p in mine[:50])
        raise ErasedHistoryError(
            say(
                T(
                    f"Tässä kloonissa on pysyvästi poistetun asiakkaan tietoja ({names}; erasures.yaml). "
                    "Mitään ei yhdistetty eikä lähetetty. Klooni on tehty ennen poistoa: aja "
                    "`koto sync --drop-erased`, niin klooni aloittaa etävaraston historiasta ja omat "
                    "muutoksesi siirretään mukaan (poistetun asiakkaan tiedot jäävät pois). Tai kopioi "
                    "muutoksesi talteen, poista klooni, kloonaa uudelleen (`git clone`, `koto upgrade`) "
                    "ja lisää muutokset komennolla `koto add`.",
                    f"Denna klon har uppgifter om en permanent raderad kund ({names}; erasures.yaml). "
                    "Inget slogs ihop eller skickades. Klonen är äldre än raderingen: kör "
                    "`koto sync --drop-erased` så börjar klonen från fjärrförrådets historik och dina "
                    "egna ändringar förs över (den raderade kundens uppgifter lämnas bort). Eller "
                    "kopiera dina ändringar, radera klonen, klona på nytt (`git clone`, `koto upgrade`) "
                    "och lägg till ändringarna med `koto add`.",
                    f"this clone holds records of erased customer(s) ({names}; erasures.yaml). Nothing "
                    "was merged or pushed. The clone predates the erasure: run `koto sync --drop-erased` "
                    "to start the clone again from the remote's history with your own changes carried "
                    "over (the erased customer's records left out). Or copy your changes, delete the "
                    "clone, clone it again (`git clone`, `koto upgrade`) and add your changes with "
                    "`koto add`.",
                )
            )
            + (f"\n  {say(T('Muutoksesi:', 'Dina ändringar:', 'your changes:'))}{keep}" if keep else ""),
            customers=outgoing,
            side="outgoing",
        )
    if incoming:
        names = ", ".join(incoming)
        raise ErasedHistoryError(
            say(
                T(
                    f"Etävarastossa {remote}/{branch} on pysyvästi poistetun asiakkaan tietoja ({names}; "
                    "erasures.yaml). Mitään ei yhdistetty eikä lähetetty. Jos poistit asiakkaan tässä "
                    f"kloonissa, lähetä uudelleenkirjoitettu historia: `git push --force --all {remote}`. "
                    "Muuten joku on palauttanut poistetut tiedot: `koto sync --drop-erased` kirjoittaa "
                    "etävaraston historian uudelleen ilman niitä (muiden muutokset säilyvät) ja lähettää "
                    "sen; pyydä sitten palvelimen ylläpitoa siivoamaan vanhat kopiot.",
                    f"Fjärrförrådet {remote}/{branch} har uppgifter om en permanent raderad kund ({names}; "
                    "erasures.yaml). Inget slogs ihop eller skickades. Om du raderade kunden i denna klon, "
                    f"skicka den omskrivna historiken: `git push --force --all {remote}`. Annars har någon "
                    "fört tillbaka de raderade uppgifterna: `koto sync --drop-erased` skriver om "
                    "fjärrförrådets historik utan dem (andras ändringar bevaras) och skickar den; be "
                    "sedan serverns drift rensa gamla kopior.",
                    f"{remote}/{branch} holds records of erased customer(s) ({names}; erasures.yaml). "
                    "Nothing was merged or pushed. If you erased them in this clone, push the rewritten "
                    f"history: `git push --force --all {remote}`. Otherwise someone brought the erased "
                    "records back: `koto sync --drop-erased` rewrites the remote's history without them "
                    "(everyone else's changes kept) and pushes it; then ask the host's administrator to "
                    "purge old copies.",
                )
            ),
            customers=incoming,
            side="incoming",
        )


class ErasedHistoryError(ConflictError):
    """A sync would merge or push records of an erased customer."""

    def __init__(self, message: str, *, customers: list[str], side: str) -> None:
        super().__init__(message)
        self.customers = customers
        self.side = side


def _open_merge(repo: Repository, result: SyncResult, author: str | None) -> bool:
    """A merge left open by an earlier sync: True when it could be committed now (nothing left
    unmerged); else the result lists what is left."""
    commit = mergestate.finish(repo, author)
    if commit is not None:
        result.merged = True
        return True
    result.conflicts = list_conflicts(repo)
    noted = {c.path for c in result.conflicts}
    result.other_conflicts = [p for p in unmerged_paths(repo) if p not in noted]
    return False


def sync(
    repo: Repository,
    remote: str = "origin",
    attempts: int = 3,
    *,
    author: str | None = None,
    drop_erased: bool = False,
) -> SyncResult:
    """Pull ``remote``'s branch into the current branch and push the result back.

    A merge left open by an earlier sync is committed first when nothing is left unmerged
    (settled with ``koto resolve``, ``koto commit`` or ``git add``); otherwise its conflicts are
    returned. Refuses (``ErasedHistoryError``) to merge or push any commit holding records of a
    customer in either side's ``erasures.yaml``; with ``drop_erased`` a clone made before an
    erasure starts again from the remote's history, its own changes carried over
    (``erasedclone.rebuild``)."""
    from kototieto.store.scaffold import install_local, local_install_current

    indexsync.flush(repo)
    repair_locks(repo)
    branch = repo.branch_ref.removeprefix("refs/heads/")
    result = SyncResult(remote, branch)
    if (repo.git_dir / "MERGE_HEAD").exists() and not _open_merge(repo, result, author):
        return result
    if not local_install_current(repo.root):  # a plain `git clone`, or the installation moved
        install_local(repo.root)
    if _git(repo, "remote", "get-url", remote).returncode != 0:
        raise UsageError(
            T(
                "Etävarastoa '{r}' ei ole (lisää: `git remote add {r} OSOITE`)",
                "Fjärrförrådet '{r}' finns inte (lägg till: `git remote add {r} ADRESS`)",
                "no remote named '{r}' (add one with `git remote add {r} URL`)",
            ).format(r=remote)
        )
    for _ in range(attempts):
        fetch = _git(repo, "fetch", "--quiet", remote)
        if fetch.returncode != 0:
            raise RemoteError(
                T(
                    "Haku etävarastosta {r} epäonnistui: {e}",
                    "Hämtningen från {r} misslyckades: {e}",
                    "could not fetch from {r}: {e}",
                ).format(r=remote, e=fetch.stderr.strip())
            )
        result.fetched = True
        theirs = _rev(repo, f"refs/remotes/{remote}/{branch}")
        lease = None  # the remote tip a rewritten push replaces (--force-with-lease)
        for _side in range(3):  # outgoing and incoming may both need dropping
            try:
                _refuse_erased(repo, remote, branch, theirs)
                break
            except ErasedHistoryError as exc:
                if not drop_erased or theirs is None or _side == 2:
                    raise
                from kototieto.store import erasedclone

                if exc.side == "outgoing":
                    result.rebuilt = erasedclone.rebuild(repo, theirs, author=author)
                else:
                    lease = lease or theirs
                    theirs = erasedclone.drop_incoming(repo, f"refs/remotes/{remote}/{branch}", exc.customers)
                    result.dropped_incoming = sorted(set(result.dropped_incoming) | set(exc.customers))
        ours = _rev(repo, "HEAD")
        if theirs is not None and theirs != ours:
            base = _git(repo, "merge-base", "HEAD", theirs).stdout.strip()
            if base != theirs:  # the remote has commits we lack
                merge = _git(
                    repo,
                    *("merge", "--no-verify", "-m", f"Merge {remote}/{branch}", theirs),
                    env=mergestate.author_env(author),  # the profile commits the merge, as every save
                )
                if merge.returncode != 0:
                    unmerged = unmerged_paths(repo)
                    if not unmerged:
                        raise RemoteError(
                            T(
                                "Yhdistäminen (git merge) epäonnistui: {e}",
                                "Sammanslagningen (git merge) misslyckades: {e}",
                                "git merge failed: {e}",
                            ).format(e=merge.stderr.strip() or merge.stdout.strip())
                        )
                    adopt_text_conflicts(repo)
                    if not _open_merge(repo, result, author):
                        return result
                result.merged = True
        if theirs is not None and _rev(repo, "HEAD") == theirs and lease is None:
            break  # nothing of ours to push
        force = [f"--force-with-lease=refs/heads/{branch}:{lease}"] if lease else []
        push = _git(repo, "push", "--quiet", *force, remote, f"HEAD:refs/heads/{branch}")
        if push.returncode == 0:
            result.pushed = True
            _git(repo, "fetch", "--quiet", remote)
            break
        if "rejected" not in push.stderr and "fetch first" not in push.stderr:
            raise RemoteError(
                T(
                    "Lähetys etävarastoon {r} epäonnistui: {e}",
                    "Sändningen till {r} misslyckades: {e}",
                    "could not push to {r}: {e}",
                ).format(r=remote, e=push.stderr.strip())
            )
    else:
        raise RemoteError(
            T(
                "{r} muuttui koko ajan; enempää ei lähetetty, aja `koto sync` uudelleen",
                "{r} ändrades hela tiden; inget mer skickades, kör `koto sync` igen",
                "{r} kept moving; nothing more was pushed, try `koto sync` again",
            ).format(r=remote)
        )
    history.refresh_commit_graph(repo)
    return result


def repair_locks(repo: Repository) -> list[str]:
    """Remove Git lock files a killed process left in this clone (``gitlocks.repair``)."""
    return mergestate.repair_locks(repo)


def abort(repo: Repository) -> None:
    """``koto sync --abort``: get out of the merge in progress (see ``mergestate.abort``)."""
    mergestate.abort(repo)
