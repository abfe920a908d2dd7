"""The shared repository of a data repository: ``koto init DIR --shared PATH_OR_URL``.

A folder path (a shared drive): a new bare repository there whose HEAD names the branch of the
data repository (``main``), so that every ``git clone`` checks ``main`` out without the warning
"remote HEAD refers to nonexistent ref" that a plain ``git init --bare`` gives where Git's default
branch is ``master``. A URL (a Git host: make an empty repository there first): used as it is.
Either way it becomes the remote ``origin`` and the branch is pushed with its upstream set, so that
``koto sync`` works at once. The README's "shared remote" recipe does the same by hand.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pygit2

from kototieto.errors import ConflictError, UsageError
from kototieto.model.text import T
from kototieto.store.repository import Repository

_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^[^/\s]+@[^/\s:]+:")


def is_url(target: str) -> bool:
    """``https://...``, ``ssh://...``, ``file://...`` or scp-like ``git@host:path``."""
    return bool(_URL.match(target))


def check_target(target: str) -> None:
    """Refuse a folder that is not new or empty (``koto init`` asks before it creates anything)."""
    if is_url(target):
        return
    path = Path(target).expanduser().resolve()
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise UsageError(
            T(
                f"{path} ei ole tyhjä kansio: yhteinen varasto luodaan uuteen tai tyhjään kansioon.",
                f"{path} är inte en tom mapp: det gemensamma förrådet skapas i en ny eller tom mapp.",
                f"{path} is not an empty folder: the shared repository is made in a new or empty one",
            )
        )


def create_shared(repo: Repository, target: str) -> str:
    """Make ``target`` the shared repository (``origin``) of ``repo`` and push its branch there.

    Returns the remote's address as configured (an absolute path for a folder)."""
    branch = repo.branch_ref.removeprefix("refs/heads/")
    if "origin" in [r.name for r in repo.git.remotes]:
        raise ConflictError(
            T(
                "Tietovarastolla on jo yhteinen varasto (origin).",
                "Datakatalogen har redan ett gemensamt förråd (origin).",
                "the repository already has a shared remote (origin)",
            )
        )
    check_target(target)
    if is_url(target):
        address = target
    else:
        path = Path(target).expanduser().resolve()
        pygit2.init_repository(str(path), bare=True, initial_head=branch)
        address = str(path)
    repo.git.remotes.create("origin", address)
    pushed = subprocess.run(
        ["git", "push", "--quiet", "-u", "origin", branch],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    if pushed.returncode != 0:
        repo.git.remotes.delete("origin")  # as before: `koto init --shared` may be tried again
        raise ConflictError(
            T(
                f"Lähetys yhteiseen varastoon {address} epäonnistui: {pushed.stderr.strip()}",
                f"Det gick inte att skicka till det gemensamma förrådet {address}: {pushed.stderr.strip()}",
                f"pushing to the shared repository {address} failed: {pushed.stderr.strip()}",
            )
        )
    return address
