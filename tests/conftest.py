"""Shared fixtures of every test: hermetic Git, a scratch data repository, a ``git daemon`` remote,
and the one rule for tests that need Chromium.

- Every test session runs with a Git of its own (``hermetic_git``, autouse; ``tests/gitenv.py``): a
  temporary HOME whose ``.gitconfig`` gives the identity, the ``main`` default branch and no
  automatic gc/maintenance; no system config; ``EDITOR``/``VISUAL`` and ``GIT_*`` overrides of the
  caller's shell removed; the venv's ``koto`` first on PATH. A test may still change any of it with
  ``monkeypatch`` (or take a HOME of its own with ``gitenv.apply``).
- ``data_repo``: a fresh data repository (organisation 091 Testikunta) in the test's tmp folder.
- ``git_daemon``: a real ``git daemon`` on 127.0.0.1 serving the bare repositories put under its
  ``base`` folder (``url(name)``).
- ``require_chromium()``: the browser tests' Chromium; missing, it skips the test locally and fails
  it when ``CI=true`` (a CI run must never skip them silently).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import gitenv
from tests.gitenv import GitDaemon

BIN = Path(sys.executable).parent
KOTO = str(BIN / "koto")
CHROMIUM = Path(os.environ.get("KOTO_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="session", autouse=True)
def hermetic_git(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Every test runs against this session's own Git configuration (see the module docstring)."""
    with pytest.MonkeyPatch.context() as mp:
        gitenv.apply(tmp_path_factory.mktemp("git-home"), mp)
        yield dict(os.environ)


@pytest.fixture
def data_repo(tmp_path: Path) -> object:
    """A fresh data repository of organisation 091 (Testikunta); a ``Repository``."""
    from kototieto.store.scaffold import init_repository

    return init_repository(tmp_path / "data", organisation_code="091", name="Testikunta")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def git_daemon(tmp_path: Path) -> Iterator[GitDaemon]:
    """A real ``git daemon`` on 127.0.0.1 (push enabled) over ``tmp_path/srv``."""
    base = tmp_path / "srv"
    base.mkdir()
    port = _free_port()
    daemon = subprocess.Popen(
        [
            "git",
            "daemon",
            "--export-all",
            "--enable=receive-pack",
            "--reuseaddr",
            f"--base-path={base}",
            "--listen=127.0.0.1",
            f"--port={port}",
            str(base),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.025)
        else:
            raise RuntimeError("git daemon did not start")
        yield GitDaemon(base, port)
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def require_chromium() -> str:
    """The Chromium executable for the browser tests. Missing: the test is skipped on a
    developer's machine, but it FAILS when ``CI=true`` (``.ci/run`` sets it), so a CI run never
    passes with the browser tests silently skipped."""
    if CHROMIUM.exists():
        return str(CHROMIUM)
    message = f"Chromium not found at {CHROMIUM} (install it: scripts/install-system-deps.sh)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}; CI=true, so the browser tests may not be skipped", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium executable (``require_chromium``): every browser test takes it, so a missing
    browser skips them locally and fails them in CI."""
    return require_chromium()
