"""Shared helpers of the site tests: the hand-made sample catalogue and hermetic Git.

Loaded by each test module with ``load_support()`` (tests run with ``--import-mode=importlib``).
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests import gitenv

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
    """A HOME of the test's own with the one hermetic Git set-up (``tests/gitenv.py``)."""
    return gitenv.apply(tmp_path / "home", monkeypatch)


def write_data_repo(root: Path, customers: int = 15, seed: int = 7) -> list[dict[str, Any]]:
    """A data repository working tree of synthetic records (files only; fill rates need no Git)."""
    import datetime as dt

    import yaml

    from kototieto.model.records import record_to_data
    from kototieto.store.layout import record_path
    from kototieto.synthetic.generator import generate_dataset

    out = []
    for record in generate_dataset(customers, seed, dt.date(2026, 11, 28)):
        data = record_to_data(record)
        customer = data.get("customer", data["id"])
        path = root / record_path(customer, data["id"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        out.append(data)
    return out


def write_thread(folder: Path, thread_id: str, path: str, text: str, status: str = "open") -> None:
    """A thread file written by hand (as a reviewer's Git commit would bring it)."""
    (folder / "threads").mkdir(parents=True, exist_ok=True)
    (folder / "threads" / f"{thread_id}.yaml").write_text(
        f"id: {thread_id}\npath: {path}\nauthor: Aino Virtanen\norganisation: Helsingin kaupunki\n"
        f"date: 2026-11-20\ntext: {text}\nstatus: {status}\nreplies: []\n",
        encoding="utf-8",
    )


def write_round(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "round.yaml").write_text(
        "name: Kenttäluettelon lausuntokierros 2026\nnames: {sv: Remissrunda om fältkatalogen 2026}\n"
        "opens: 2026-11-01\ncloses: 2026-12-15\n"
        "organisations: [Helsingin kaupunki, KEHA-keskus]\ncatalogue_version: '2026.11'\n"
        "contact: kirjaamo@example.org\n",
        encoding="utf-8",
    )
