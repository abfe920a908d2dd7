"""Finding and reading: koto list, find, show CUSTOMER, readable show, numbered versions, codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.store_git import _support as S


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    S.hermetic(tmp_path, monkeypatch)
    return S.generated_repo(tmp_path / "r", 3)


def _customers(root: Path) -> list[dict[str, object]]:
    out = S.koto(root, "list", "--json")
    assert out.returncode == 0, out.stderr
    listed: list[dict[str, object]] = json.loads(out.stdout)
    return listed


def test_list_find_and_show_customer(repo: Path) -> None:
    listed = _customers(repo)
    assert len(listed) == 3
    first = listed[0]
    last = str(first["last_name"])
    # case- and accent-insensitive search by name, by identity code and by id
    for text in (last.upper(), last.lower(), str(first["identity_code"]), str(first["id"])):
        found = json.loads(S.koto(repo, "find", text, "--json").stdout)
        assert first["id"] in [c["id"] for c in found], text
    missing = S.koto(repo, "find", "Ei-Ketään-Tämänniminen", env={"KOTO_LANG": "fi"})
    assert missing.returncode == 3 and "ei löytynyt" in missing.stderr
    shown = S.koto(repo, "show", str(first["id"]), "--lang", "sv")
    assert "Kundens poster" in shown.stdout and "Efternamn: " + last in shown.stdout
    as_json = json.loads(S.koto(repo, "show", str(first["id"]), "--json").stdout)
    assert as_json["id"] == first["id"] and len(as_json["records"]) == len(first["records"]) - 1  # type: ignore[arg-type]


def test_list_keeps_the_ids_in_one_column_before_the_long_kind_names(repo: Path) -> None:
    """A kind name can be 50-78 characters (an assessment's, in fi and sv), more than the old fixed
    32-character column: the id comes before it, and every record's id and name start in one column."""
    from kototieto.model.catalogue import kind_label

    kinds = {str(r["id"]): str(r["kind"]) for c in _customers(repo) for r in c["records"]}  # type: ignore[attr-defined]
    for lang in ("fi", "sv", "en"):
        lines = [
            ln for ln in S.koto(repo, "list", "--lang", lang).stdout.splitlines() if ln.startswith("    ")
        ]
        found = [(ln, next(i for i in kinds if f" {i} " in ln)) for ln in lines]
        assert len(found) == len(kinds) - len(_customers(repo)), (lang, lines)
        id_at = {ln.index(f" {rid} ") + 1 for ln, rid in found}
        name_at = {ln.index(kind_label(kinds[rid], lang)) for ln, rid in found}
        assert id_at == {16} and len(name_at) == 1, (lang, lines)


def test_list_filters(repo: Path) -> None:
    everyone = _customers(repo)
    with_plans = json.loads(S.koto(repo, "list", "--kind", "integration-plan", "--json").stdout)
    assert all(any(r["kind"] == "integration-plan" for r in c["records"]) for c in with_plans)
    assert len(with_plans) <= len(everyone)
    nobody = json.loads(S.koto(repo, "list", "--organisation", "091", "--json").stdout)
    assert nobody == []
    vaasa = json.loads(S.koto(repo, "list", "--organisation", "vaasan KAUPUNKI", "--json").stdout)
    assert len(vaasa) == len(everyone)
    typo = S.koto(repo, "list", "--kind", "integration-plna", env={"KOTO_LANG": "en"})
    assert typo.returncode == 2 and "did you mean integration-plan?" in typo.stderr


def test_readable_show_and_numbered_versions(repo: Path) -> None:
    customer = _customers(repo)[0]
    plan = next(r for r in customer["records"] if r["kind"] == "integration-plan")  # type: ignore[attr-defined]
    pid, path = plan["id"], repo / plan["path"]
    text = path.read_text(encoding="utf-8")
    old_status = yaml.safe_load(text)["measures"][0]["status"]
    new_status = "ongoing" if old_status == "planned" else "planned"
    path.write_text(text.replace(f"status: {old_status}", f"status: {new_status}", 1), encoding="utf-8")
    from kototieto.model.catalogue import code_label

    labels = {v: f"{code_label('measure-status', v, 'fi')} ({v})" for v in (old_status, new_status)}
    assert S.koto(repo, "commit", "-m", "tila").returncode == 0
    log = json.loads(S.koto(repo, "log", pid, "--json").stdout)
    assert [v["version"] for v in log] == [2, 1]  # newest first, as `koto log --json` always was
    assert log[0]["changed_fields"] == ["measures"] and log[0]["author"] == "Testi Virkailija"
    human = S.koto(repo, "log", pid, "--lang", "fi").stdout
    assert "ensimmäinen versio" in human and "Sovitut toimenpiteet" in human
    diff = S.koto(repo, "diff", pid, "1", "2", "--lang", "fi").stdout
    assert f"{labels[old_status]} -> {labels[new_status]}" in diff
    old = json.loads(S.koto(repo, "show", f"{pid}@1", "--json").stdout)
    assert old["data"]["measures"][0]["status"] == old_status
    view = S.koto(repo, "show", pid, "--lang", "fi").stdout
    assert view.startswith("Kotoutumissuunnitelma " + pid)
    assert labels[new_status] in view
    assert "-" in S.koto(repo, "show", pid, "--yaml").stdout.splitlines()[2]  # the file itself
    nine = S.koto(repo, "diff", pid, "1", "9", env={"KOTO_LANG": "sv"})
    assert nine.returncode == 3 and "har ingen version 9" in nine.stderr


def test_codes(repo: Path) -> None:
    out = S.koto(repo, "codes", "language-proficiency", "--lang", "fi").stdout
    assert "a2-1" in out
    quoted = S.koto(repo, "codes", "municipality", "--lang", "sv").stdout
    assert "'905'" in quoted and "Vasa" in quoted
    wrong = S.koto(repo, "codes", "languag", env={"KOTO_LANG": "fi"})
    assert wrong.returncode == 3 and "tarkoititko language?" in wrong.stderr


def test_warnings_are_shown_on_save(repo: Path) -> None:
    customer = _customers(repo)[0]
    plan = next(r for r in customer["records"] if r["kind"] == "integration-plan")  # type: ignore[attr-defined]
    path = repo / plan["path"]
    text = path.read_text(encoding="utf-8")
    lines = [x for x in text.splitlines() if not x.startswith("first_review:")]
    path.write_text("\n".join([*lines, "first_review: 2027-09-01"]) + "\n", encoding="utf-8")
    out = S.koto(repo, "commit", "--json")
    assert out.returncode == 0, out.stderr
    saved = json.loads(out.stdout)
    assert "first-review-deadline" in [w["rule"] for w in saved[0]["warnings"]]
    text = path.read_text(encoding="utf-8").replace("first_review: 2027-09-01", "first_review: 2027-09-02")
    path.write_text(text, encoding="utf-8")
    human = S.koto(repo, "commit", env={"KOTO_LANG": "fi"})
    assert human.returncode == 0 and "varoitus:" in human.stderr and "[first-review-deadline]" in human.stderr
