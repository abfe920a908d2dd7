"""Shared helpers of the site tests: the hand-made sample catalogue and hermetic Git.

Loaded by each test module with ``load_support()`` (tests run with ``--import-mode=importlib``).
"""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).with_name("data")
BIN = Path(sys.executable).parent
KOTO = str(BIN / "koto")
_SAMPLE = json.loads((DATA / "sample_catalogue.json").read_text(encoding="utf-8"))


def sample_catalogue() -> dict[str, Any]:
    """A small catalogue in the ``catalogue_json()`` shape (3 kinds, 8 fields, 2 code lists)."""
    return copy.deepcopy(_SAMPLE)


def real_catalogue() -> dict[str, Any]:
    from kototieto.model.catalogue import catalogue_json

    return dict(catalogue_json())


def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary HOME with its own git config (identity, main branch); no system config."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    cfg = home / ".gitconfig"
    cfg.write_text(
        "[user]\n\tname = Testi Virkailija\n\temail = testi@example.org\n"
        "[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(cfg))
    monkeypatch.setenv("PATH", f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "KOTO_COMMENTS"):
        monkeypatch.delenv(var, raising=False)
    return home
