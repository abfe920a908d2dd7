"""`koto extension check` and `commit` in Finnish and Swedish: counts in their grammar and the
refusal to drop a field records use in the language (review 2026-12-newcomer A2). Real
repositories, real `koto` processes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from kototieto.store.extensions import commit_definitions
from kototieto.store.store import Store

_spec = importlib.util.spec_from_file_location("ext_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def test_check_counts_and_commit_refusal_speak_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = S.make_repo(tmp_path / "r", {"pilot.yaml": S.DEFINITIONS})
    root = repo.root
    monkeypatch.setenv("KOTO_LANG", "fi")
    ok = S.koto(root, "extension", "check")
    assert ok.returncode == 0 and ok.stdout.startswith("kunnossa (laajennuskenttiä: "), ok.stdout
    broken = S.DEFINITIONS.replace("organisation: '091'", "organisation: 91", 1)
    assert broken != S.DEFINITIONS
    (root / "extensions" / "pilot.yaml").write_text(broken, encoding="utf-8")
    one = S.koto(root, "extension", "check")
    assert one.returncode == 5 and "koto: 1 ongelma laajennusten määrittelyissä" in one.stderr, one.stderr
    monkeypatch.setenv("KOTO_LANG", "sv")
    assert "koto: 1 problem i tilläggsdefinitionerna" in S.koto(root, "extension", "check").stderr

    (root / "extensions" / "pilot.yaml").write_text(S.DEFINITIONS, encoding="utf-8")
    commit_definitions(repo)
    assessment = S.first("assessment")
    customer = next(d for d in S.dataset() if d["id"] == assessment["customer"])
    store = Store(repo)
    store.save(customer)
    store.save(dict(assessment, extensions={"091.digital-skills": "basic"}))
    (root / "extensions" / "pilot.yaml").unlink()
    for lang, words in (("fi", "Tietueissa on lisäkenttiä"), ("sv", "Poster använder tilläggsfält")):
        monkeypatch.setenv("KOTO_LANG", lang)
        refused = S.koto(root, "extension", "commit", "-m", "pois")
        assert refused.returncode == 6 and words in refused.stderr, refused.stderr
        assert "091.digital-skills" in refused.stderr and "records use" not in refused.stderr
