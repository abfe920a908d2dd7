"""`koto sync` stopping at a conflict speaks the user's language on every line (review
2026-12-newcomer A2/A17): a real `git daemon` remote and two clones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store_git import _support as S
from tests.store_git import test_sync as SY
from tests.store_git.test_sync_settle import clone

remote = SY.remote  # the git daemon fixture

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.mark.parametrize(
    ("lang", "word", "english"),
    [
        ("fi", "RISTIRIITA gdn-0001", "CONFLICT"),
        ("sv", "KONFLIKT gdn-0001", "CONFLICT"),
        ("en", "CONFLICT gdn-0001", ""),
    ],
)
def test_the_conflict_line_is_in_the_language(
    remote: str, tmp_path: Path, lang: str, word: str, english: str
) -> None:
    a = clone(remote, tmp_path / "a", "Aino Ahonen")
    a.save(SY._guidance("c-0001"))
    assert SY.sync(a).returncode == 0
    b = clone(remote, tmp_path / "b", "Bertta Berg")
    SY.edit(a, "gdn-0001", other_matters="Kysyi asumisesta.")
    SY.edit(b, "gdn-0001", other_matters="Kysyi töistä.")
    assert SY.sync(a).returncode == 0
    out = S.koto(b.repo.root, "sync", env={"KOTO_LANG": lang})
    assert out.returncode == 6, out.stdout + out.stderr
    line = next(x for x in out.stdout.splitlines() if "gdn-0001" in x)
    assert line.startswith(word) and line.endswith("): other_matters"), line
    assert not english or english not in out.stdout + out.stderr
