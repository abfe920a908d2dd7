"""Shared helpers of the store_git tests: hermetic Git, repositories, synthetic customers.

Loaded by each test module with ``load_support()`` (tests run with ``--import-mode=importlib``).
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BIN = Path(sys.executable).parent
KOTO = str(BIN / "koto")


def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME of the test's own with the one hermetic Git set-up (``tests/gitenv.py``)."""
    from tests import gitenv  # here: a writer subprocess loads this file without the tests package

    return gitenv.apply(tmp_path / "home", monkeypatch)


def make_repo(path: Path, **kwargs: Any) -> Any:
    from kototieto.store.scaffold import init_repository

    kwargs.setdefault("organisation_code", "091")
    kwargs.setdefault("name", "Testikunta")
    return init_repository(path, **kwargs)


def generated_repo(root: Path, customers: int, today: str = "2026-11-30") -> Path:
    """A Vaasa (905) repository at ``root`` holding ``customers`` generated customers, committed."""
    make_repo(root, organisation_code="905", name="Vaasan kaupunki")
    out = koto(
        root,
        "generate",
        "--customers",
        str(customers),
        "--out",
        ".",
        "--organisation",
        "905",
        "--today",
        today,
    )
    assert out.returncode == 0, out.stderr
    done = koto(root, "commit", "-m", "aineisto")
    assert done.returncode == 0, done.stderr
    return root


def git(cwd: Path, *args: str, check: bool = True) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if check and out.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {out.stderr}")
    return out.stdout


def koto(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ)
    full_env.setdefault("KOTO_LANG", "en")  # tests assert English messages unless they pass a language
    full_env.update(env or {})
    return subprocess.run([KOTO, *args], cwd=cwd, capture_output=True, text=True, env=full_env, check=False)


_TEMPLATE: dict[str, Any] | None = None


def _synthetic_customer() -> dict[str, Any]:
    from datetime import date

    from kototieto.model.records import record_to_data
    from kototieto.synthetic.generator import generate_dataset

    for rec in generate_dataset(customers=1, seed=7, today=date(2026, 11, 28)):
        if rec.kind == "customer":
            return record_to_data(rec)
    raise AssertionError("the generator made no customer record")


def synthetic_hetu(cid: str) -> str:
    """A synthetic identity code (individual number 900-999) of its own for customer ``cid``: two
    customers with one code are refused (the same person is not recorded twice)."""
    import hashlib
    from datetime import date, timedelta

    from kototieto.model.identity import make_hetu

    n = int.from_bytes(hashlib.sha256(cid.encode()).digest()[:8], "big")
    return make_hetu(date(1960, 1, 1) + timedelta(days=n % 16000), 900 + (n >> 20) % 100)


def customer(
    cid: str, first: str = "Testi", last: str = "Asiakas", hetu: str | None = None
) -> dict[str, Any]:
    """A valid customer record with the given id, names and (synthetic) identity code (default:
    ``010190-900P`` for ``c-0001``, else one of the customer's own)."""
    if hetu is None:
        hetu = "010190-900P" if cid == "c-0001" else synthetic_hetu(cid)
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = _synthetic_customer()
    data = copy.deepcopy(_TEMPLATE)
    data["id"] = cid
    data["first_names"] = first
    data["last_name"] = last
    data["organisation"] = {"type": "municipality", "code": "091", "name": "Testikunta"}
    data["identifier"] = {"type": "personal-identity-code", "value": hetu}
    century = {"-": "19", "A": "20", "+": "18"}[hetu[6]]
    data["date_of_birth"] = f"{century}{hetu[4:6]}-{hetu[2:4]}-{hetu[0:2]}"
    data.pop("annulment", None)
    return data
