"""Plausibility warnings through real `koto add` and `koto annul` in a real repository (review A16):
each save succeeds and prints its warning in Finnish; `koto validate` reports the same."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.store_git import _support as S

FI = {"KOTO_LANG": "fi"}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    S.hermetic(tmp_path, monkeypatch)
    return S.generated_repo(tmp_path / "r", 6)


def _plan_with_reviews(root: Path) -> tuple[dict[str, Any], list[str]]:
    """A customer's integration plan (its data) that has reviews, and the reviews' ids."""
    for customer in json.loads(S.koto(root, "list", "--json").stdout):
        for record in customer["records"]:
            if record["kind"] != "integration-plan":
                continue
            data = yaml.safe_load((root / record["path"]).read_text(encoding="utf-8"))
            reviews = [
                r["id"]
                for r in customer["records"]
                if r["kind"] == "review"
                and yaml.safe_load((root / r["path"]).read_text(encoding="utf-8"))["plan"] == data["id"]
            ]
            if reviews:
                return data, reviews
    raise AssertionError("the generated data has no plan with reviews")


def _add(root: Path, tmp_path: Path, data: dict[str, Any]) -> Any:
    file = tmp_path / f"{data['id']}.yaml"
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return S.koto(root, "add", str(file), env=FI)


def _new_id(old: str, tail: str) -> str:
    return old[: -len(tail)] + tail


def test_a_record_dated_far_ahead_is_saved_with_a_warning(repo: Path, tmp_path: Path) -> None:
    plan, _ = _plan_with_reviews(repo)
    future = (dt.date.today() + dt.timedelta(days=3653)).isoformat()  # 2036 typed for 2026
    guidance = {
        "kind": "guidance",
        "id": _new_id(plan["id"].replace("pln-", "gdn-"), "aa11bb60"),
        "customer": plan["customer"],
        "organisation": plan["organisation"],
        "date": future,
        "drawn_up_by": plan["drawn_up_by"],
        "consent": {"given": True, "date": future, "informed": True},
    }
    done = _add(repo, tmp_path, guidance)
    assert done.returncode == 0, done.stderr
    assert "Tallennettu" in done.stdout
    day = dt.date.fromisoformat(future)
    assert f"Päivämäärä {day.day}.{day.month}.{day.year} on yli 31 päivää tämän päivän" in done.stderr
    assert "[future-date]" in done.stderr and "varoitus:" in done.stderr
    shown = S.koto(repo, "show", guidance["id"], "--yaml")
    assert shown.returncode == 0 and future in shown.stdout  # saved as written
    val = json.loads(S.koto(repo, "validate", "--json").stdout)
    assert "future-date" in [p["rule"] for p in val["problems"]]


def test_a_second_plan_with_the_same_period_is_saved_with_a_warning_naming_the_other(
    repo: Path, tmp_path: Path
) -> None:
    plan, _ = _plan_with_reviews(repo)
    second = {k: v for k, v in plan.items() if k not in ("previous_plan", "annulment")}
    second["id"] = _new_id(plan["id"], "aa11bb61")
    done = _add(repo, tmp_path, second)
    assert done.returncode == 0, done.stderr
    start, end = (dt.date.fromisoformat(str(plan["period"][k])) for k in ("start", "end"))
    period = f"{start.day}.{start.month}.{start.year}–{end.day}.{end.month}.{end.year}"
    assert f"Asiakkaalla on myös suunnitelma {plan['id']} ajalle {period}" in done.stderr
    assert "[overlapping-plans]" in done.stderr
    assert S.koto(repo, "show", second["id"]).returncode == 0


def test_annulling_a_plan_with_reviews_warns_that_the_reviews_refer_to_it(repo: Path) -> None:
    plan, reviews = _plan_with_reviews(repo)
    done = S.koto(repo, "annul", plan["id"], "--reason", "Kirjattu väärälle asiakkaalle.", env=FI)
    assert done.returncode == 0, done.stderr
    assert "Mitätöity" in done.stdout
    assert f"Mitätöityyn tietueeseen {plan['id']} viittaavat tietueet säilyvät ennallaan" in done.stderr
    for review in reviews:
        assert f"{review}.yaml" in done.stderr
    assert done.stderr.count(f"Tarkistus koskee suunnitelmaa '{plan['id']}', joka on mitätöity.") == len(
        reviews
    )
    for review in reviews:
        assert S.koto(repo, "show", review).returncode == 0  # the reviews stay
    val = json.loads(S.koto(repo, "validate", "--json").stdout)
    referring = {p["file"].rsplit("/", 1)[-1] for p in val["problems"] if p["rule"] == "record-references"}
    assert {f"{review}.yaml" for review in reviews} <= referring
