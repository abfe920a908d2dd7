"""`koto erase --reason` keeps the customer's date of birth out of the erasure log, in every way
people write it, as it keeps their name and identity code out (review 2026-12-newcomer C7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kototieto.errors import UsageError
from kototieto.store.erase import check_reason
from kototieto.store.store import Store
from tests.store_git import _support as S


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def test_a_reason_with_the_date_of_birth_is_refused_before_the_question(tmp_path: Path) -> None:
    repo = S.make_repo(tmp_path / "r")
    store = Store(repo)
    store.save(S.customer("c-0001", hetu="020290-9016"))  # born 2.2.1990
    for reason in ("pyysi 2.2.1990 syntynyt", "syntynyt 02.02.1990", "s. 1990-02-02", "Toinen Asiakas"):
        with pytest.raises(UsageError):
            check_reason(repo, "c-0001", reason)
    check_reason(repo, "c-0001", "Asiakkaan pyyntö 2.12.2026")  # another date is no personal data
    out = S.koto(repo.root, "erase", "c-0001", "--reason", "pyysi 2.2.1990 syntynyt", env={"KOTO_LANG": "fi"})
    assert out.returncode == 2 and "syntymäaikaa" in out.stderr and "[y/N]" not in out.stdout + out.stderr
    assert store.read("c-0001") is not None
