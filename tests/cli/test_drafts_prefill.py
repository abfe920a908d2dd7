"""Drafts know what is known: the profile in drawn_up_by, the only assessment on a plan, the plan
on a review; short code lists listed beside their field; "required" only where a save requires it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kototieto.store import drafts, profile
from kototieto.store.repository import Repository
from tests.store_git import _support as S


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    S.hermetic(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    root = tmp_path / "r"
    S.make_repo(root, organisation_code="905", name="Vaasan kaupunki")
    out = S.koto(
        root, "generate", "--customers", "1", "--out", ".", "--organisation", "905", "--today", "2026-11-30"
    )
    assert out.returncode == 0, out.stderr
    return Repository.open(root)


def _customer(repo: Repository) -> tuple[str, list[Path]]:
    folder = next((repo.root / "customers").glob("*/*"))
    return folder.name, sorted(folder.glob("*.yaml"))


def test_plan_and_review_drafts_are_prefilled(repo: Repository) -> None:
    profile.save(name="Outi Ohjaaja", email="outi@vaasa.example", title="Kotoutumisohjaaja")
    cid, files = _customer(repo)
    assessments = [f.stem for f in files if f.stem.startswith("asm-")]
    plans = sorted(f.stem for f in files if f.stem.startswith("pln-"))
    plan_text = drafts.template(repo, "integration-plan", cid, "pln-20261202-00000001", "fi")
    assert "name: Outi Ohjaaja" in plan_text and "organisation: Vaasan kaupunki" in plan_text
    if len(assessments) == 1:
        assert f"\nassessment: {assessments[0]}\n" in plan_text
    else:
        assert "\nassessment:" not in plan_text
    review_text = drafts.template(repo, "review", cid, "rev-20261202-00000001", "sv")
    if plans:
        assert f"\nplan: {plans[-1]}\n" in review_text or "\nplan: pln-" in review_text
        assert "\nplan_kind: " in review_text
    assert "name: Outi Ohjaaja" in review_text


def test_short_lists_and_required_words(repo: Repository) -> None:
    cid, _ = _customer(repo)
    text = drafts.template(repo, "review", cid, "rev-20261202-00000002", "fi")
    assert "status: participated  # arvot: participated, partly, not-participated, not-started" in text
    customer = drafts.template(repo, "customer", None, "c-00000009", "fi")
    # native_language may be left out when saving: not "pakollinen"
    line = next(x for x in customer.splitlines() if x.startswith("# ── ") and "Äidinkieli" in x)
    assert "pakollinen" not in line
