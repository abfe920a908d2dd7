"""``koto erase``: remove one customer's records from the whole history (the right to erasure).

The rewrite is done by git-filter-repo (``--invert-paths --path customers/<shard>/<id>/``), a
maintained tool, not by hand-written history surgery. Commits that only touched the customer
become empty and are dropped; the customer id is replaced by ``[erased]`` in the messages of the
commits that remain. Then reflogs are expired and ``git gc --prune=now --aggressive`` deletes the
unreachable objects, and koto's own files under ``.git/koto`` that could hold the customer's data
(drafts, conflict notes, validation caches) are removed.

The erasure log (``erasures.yaml``, committed after the rewrite) holds no personal data: the date,
the SHA-256 of the customer id (so "was customer X erased?" can be answered by someone who holds
the id, while the log itself does not name anyone), the number of records and rewritten commits,
the reason and the official who erased. The customer id is a random pseudonymous id, but it is
still hashed: it is the key that would link the log to any copy of the data kept elsewhere. The
reason is refused if it contains the customer's name or an identity code.

Every other clone and the remotes still hold the old history: the result says what to do (force
push, every clone deleted and cloned anew).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pygit2
import yaml

from kototieto.errors import ConflictError, NotFoundError, UsageError
from kototieto.model.text import T
from kototieto.store import gitcommit, history, idindex, indexsync, layout
from kototieto.store.erasures import ERASURE_LOG, customer_hash
from kototieto.store.repository import GIT_FAILED, Repository

_HETU = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b")


FORCE_PUSH = T(
    "lähetä uudelleenkirjoitettu historia heti: git push --force --all {r} && git push --force --tags {r}",
    "skicka den omskrivna historiken genast: git push --force --all {r} && git push --force --tags {r}",
    "force-push the rewritten history: git push --force --all {r} && git push --force --tags {r}",
)
RECLONE = T(
    "jokaisessa muussa kloonissa on yhä poistetut tietueet: poista jokainen ja kloonaa uudelleen "
    "(tai `koto sync --drop-erased`)",
    "varje annan klon har ännu de raderade posterna: ta bort var och en och klona igen "
    "(eller `koto sync --drop-erased`)",
    "every other clone still holds the erased records: delete each one and clone it again "
    "(or `koto sync --drop-erased`)",
)
PURGE_HOST = T(
    "palveluna ylläpidetystä etävarastosta poista myös välimuistit (pull request -viittaukset, forkit, "
    "varmuuskopiot) sen ohjeiden mukaan",
    "i ett fjärrförråd hos en tjänst ska även cacheminnen (pull request-referenser, forkar, "
    "säkerhetskopior) rensas enligt dess anvisningar",
    "on a hosted remote also purge its caches (pull-request refs, forks, backups) per its manual",
)


@dataclass
class ErasureResult:
    customer_hash: str
    records: int
    commits_before: int
    commits_after: int
    remotes: list[str] = field(default_factory=list)

    def instructions(self, lang: str = "en") -> list[str]:
        """What to do next, in ``lang`` (the JSON output keeps English)."""
        out = [FORCE_PUSH.get(lang).format(r=r) for r in self.remotes]
        out.append(RECLONE.get(lang))
        out.append(PURGE_HOST.get(lang))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "customer_sha256": self.customer_hash,
            "records": self.records,
            "commits_before": self.commits_before,
            "commits_after": self.commits_after,
            "remotes": self.remotes,
            "instructions": self.instructions(),
        }


def _git(repo: Repository, *args: str, check: bool = True) -> str:
    out = subprocess.run(["git", *args], cwd=repo.root, capture_output=True, text=True, check=False)
    if check and out.returncode != 0:
        raise UsageError(GIT_FAILED.format(what=f"git {' '.join(args[:2])}", why=out.stderr.strip()))
    return out.stdout


def _personal_strings(repo: Repository, folder: str) -> list[str]:
    """Names, dates of birth and identity codes in the customer's current records (to keep them out
    of the log)."""
    head = repo.head_commit()
    found: list[str] = []

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k != "organisation":
                    walk(v, str(k))
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif key == "date_of_birth" and isinstance(value, date):  # as people write it, too
            found.extend({value.isoformat(), f"{value.day}.{value.month}.{value.year}"})
            found.append(f"{value.day:02}.{value.month:02}.{value.year}")
        elif (
            isinstance(value, str)
            and len(value) >= 3
            and ("name" in key or "identity" in key or _HETU.search(value))
        ):
            found.append(value)

    if head is None:
        return found
    try:
        tree = repo.git.get(head.tree[folder].id)
    except KeyError:
        return found
    if isinstance(tree, pygit2.Tree):
        for entry in tree:
            blob = repo.git.get(entry.id)
            if isinstance(blob, pygit2.Blob):
                try:
                    walk(yaml.load(blob.data, Loader=yaml.CSafeLoader))
                except yaml.YAMLError:
                    continue
    return found


def check_reason(repo: Repository, customer: str, reason: str) -> None:
    """Refuse a reason that is empty or holds the customer's name, date of birth or an identity code (it is kept
    in the erasure log); run before asking for confirmation."""
    if not reason.strip():
        raise UsageError(
            T(
                "Anna --reason (se säilytetään poistolokissa: ei henkilötietoja)",
                "Ange --reason (det sparas i raderingsloggen: inga personuppgifter)",
                "--reason is required (it is kept in the erasure log: no personal data)",
            )
        )
    folder = layout.customer_dir(customer)
    if _HETU.search(reason) or any(s.lower() in reason.lower() for s in _personal_strings(repo, folder)):
        raise UsageError(
            T(
                "Syy ei saa sisältää asiakkaan nimeä, syntymäaikaa tai henkilötunnusta",
                "Skälet får inte innehålla kundens namn, födelsedatum eller personbeteckning",
                "the reason must not contain the customer's name, date of birth or identity code",
            )
        )


def erase_customer(
    repo: Repository, customer: str, reason: str, *, author: str | None = None
) -> ErasureResult:
    """Erase ``customer`` from every commit of every local ref; append to the erasure log."""
    folder = layout.customer_dir(customer)
    indexsync.flush(repo)
    check_reason(repo, customer, reason)
    if not _git(repo, "log", "--all", "--format=%H", "-n1", "--", folder).strip():
        raise NotFoundError(
            T(
                "Asiakkaalla '{c}' ei ole tietueita tämän tietovaraston historiassa",
                "Kunden '{c}' har inga poster i datakatalogens historik",
                "customer '{c}' has no records in any commit of this repository",
            ).format(c=customer)
        )
    if (
        _git(repo, "status", "--porcelain", "--untracked-files=no").strip()
        or (repo.git_dir / "MERGE_HEAD").exists()
    ):
        raise ConflictError(
            T(
                "Työkopiossa on tallentamattomia muutoksia tai kesken oleva yhdistäminen; tallenna tai hylkää "
                "ne ensin",
                "Arbetskopian har osparade ändringar eller en pågående sammanslagning; spara eller kasta dem "
                "först",
                "the working tree has uncommitted changes or a merge in progress; commit or discard first",
            )
        )
    records = len(
        _git(repo, "log", "--all", "--format=", "--name-only", "--diff-filter=A", "--", folder).split()
    )
    before = int(_git(repo, "rev-list", "--all", "--count").strip() or 0)
    remotes = [r for r in _git(repo, "remote").split() if r]
    urls = {r: _git(repo, "remote", "get-url", r).strip() for r in remotes}
    messages = repo.ensure_koto_dir() / "erase-messages.txt"
    messages.write_text(f"{customer}==>[erased]\n", encoding="utf-8")
    cmd = [
        sys.executable,
        "-c",
        "import sys, git_filter_repo; sys.argv[0] = 'git-filter-repo'; git_filter_repo.main()",
        "--invert-paths",
        "--path",
        folder + "/",
        "--replace-message",
        str(messages),
        "--force",
        "--quiet",
    ]
    done = subprocess.run(cmd, cwd=repo.root, capture_output=True, text=True, check=False)
    messages.unlink(missing_ok=True)
    if done.returncode != 0:
        raise UsageError(
            GIT_FAILED.format(what="git-filter-repo", why=done.stderr.strip() or done.stdout.strip())
        )
    for r, url in urls.items():  # filter-repo drops 'origin' so that nothing is pushed by accident
        if r not in _git(repo, "remote").split():
            _git(repo, "remote", "add", r, url)
    _cleanup(repo, customer)
    _git(repo, "reflog", "expire", "--expire=now", "--all")
    _git(repo, "gc", "--prune=now", "--aggressive", "--quiet")
    after = int(_git(repo, "rev-list", "--all", "--count").strip() or 0)
    result = ErasureResult(customer_hash(customer), records, before, after, remotes)
    _log(repo, result, reason, author)
    history.refresh_commit_graph(repo)
    return result


def _cleanup(repo: Repository, customer: str) -> None:
    """Remove koto's and filter-repo's local leftovers that could hold the customer's data."""
    koto = repo.koto_dir
    for sub in ("drafts", "conflicts", "cache", "validate-cache"):
        shutil.rmtree(koto / sub, ignore_errors=True)
    for f in koto.glob("*cache*"):
        if f.is_dir():
            shutil.rmtree(f, ignore_errors=True)
        else:
            f.unlink(missing_ok=True)
    shutil.rmtree(repo.git_dir / "filter-repo", ignore_errors=True)
    from kototieto.store.drafts import discard_customer_drafts  # B2: drafts are in .koto/drafts

    discard_customer_drafts(repo, customer)
    idindex.forget(repo)  # the id index, in memory and on disk: rebuilt by the next command
    from kototieto.store import identityindex  # it holds identity codes: rebuilt by the next write

    identityindex.forget(repo)
    for name in ("ORIG_HEAD", "FETCH_HEAD"):
        (repo.git_dir / name).unlink(missing_ok=True)
    del customer


def _log(repo: Repository, result: ErasureResult, reason: str, author: str | None) -> None:
    head = repo.head_commit()
    entries: list[Any] = []
    if head is not None:
        blob = history.blob_at(repo, head, ERASURE_LOG)
        if blob is not None:
            loaded = yaml.load(blob.data, Loader=yaml.CSafeLoader)
            entries = loaded if isinstance(loaded, list) else []
    sig = gitcommit.parse_author(author) if author else gitcommit.default_signature(repo)
    entries.append(
        {
            "date": date.today().isoformat(),
            "customer_sha256": result.customer_hash,
            "records": result.records,
            "commits_removed": result.commits_before - result.commits_after,
            "reason": reason,
            "by": sig.name,
        }
    )
    text = "# Erasures (koto erase). No personal data: the customer id is kept only as a SHA-256.\n"
    text += yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)
    gitcommit.commit_changes(
        repo,
        {ERASURE_LOG: text.encode("utf-8")},
        f"Erase a customer's records from history\n\nErasure: {result.customer_hash}\n",
        author=sig,
    )
