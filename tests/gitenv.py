"""The one hermetic Git set-up of the tests (``conftest.py`` applies it to every session; the
``_support`` modules' ``hermetic``/``hermetic_env`` helpers give a test or module its own HOME).

A temporary HOME whose ``.gitconfig`` gives the identity, the ``main`` default branch and no
automatic gc/maintenance; no system config; the caller's ``EDITOR``/``VISUAL``, ``GIT_*``
overrides and ``KOTO_COMMENTS`` removed; the venv's ``koto`` first on PATH.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
GITCONFIG = (
    "[user]\n\tname = Testi Virkailija\n\temail = testi@example.org\n"
    "[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n"
)
#: Variables of the caller's shell that would make a test depend on it.
UNSET = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "EDITOR",
    "VISUAL",
    "KOTO_COMMENTS",
)


def hermetic_git_env(home: Path) -> dict[str, str]:
    """The variables of a hermetic Git under ``home`` (created with its ``.gitconfig``)."""
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / ".gitconfig"
    cfg.write_text(GITCONFIG, encoding="utf-8")
    return {
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(cfg),
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def apply(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make ``home`` the hermetic Git home for the rest of the test (undone by ``monkeypatch``)."""
    for key, value in hermetic_git_env(home).items():
        monkeypatch.setenv(key, value)
    for var in UNSET:
        monkeypatch.delenv(var, raising=False)
    return home


@contextmanager
def hermetic_env(root: Path) -> Iterator[dict[str, str]]:
    """``apply`` with ``root/home`` for a block (e.g. a module-scoped fixture); the environment."""
    with pytest.MonkeyPatch.context() as mp:
        apply(root / "home", mp)
        yield dict(os.environ)


@dataclass
class GitDaemon:
    """A running ``git daemon``: bare repositories under ``base`` are served at ``url(name)``."""

    base: Path
    port: int

    def url(self, name: str) -> str:
        return f"git://127.0.0.1:{self.port}/{name}"
