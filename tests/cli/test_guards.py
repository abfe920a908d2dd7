"""Guards against slips: init checks the organisation code, a real author always, koto.yaml edits
through `koto config set`, the profile, LF line endings for records."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.store_git import _support as S


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = S.hermetic(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def test_init_checks_the_code_and_takes_the_official_names(home: Path, tmp_path: Path) -> None:
    typo = S.koto(tmp_path, "init", "x", "--organisation", "9O5", env={"KOTO_LANG": "fi"})
    assert typo.returncode == 2 and "tarkoititko '905' (Vaasa)" in typo.stderr
    assert not (tmp_path / "x").exists()  # nothing was created
    made = S.koto(tmp_path, "init", "vaasa", "--organisation", "905")
    assert made.returncode == 0, made.stderr
    config = (tmp_path / "vaasa" / "koto.yaml").read_text(encoding="utf-8")
    assert "name: {fi: 'Vaasa', sv: 'Vasa'}" in config  # letterheads print the name in their language
    assert "plan_max_months: 36" not in config
    county = S.koto(
        tmp_path,
        "init",
        "pohjanmaa",
        "--organisation-type",
        "wellbeing-services-county",
        "--organisation",
        "15",
    )
    assert county.returncode == 0, county.stderr
    county_config = (tmp_path / "pohjanmaa" / "koto.yaml").read_text(encoding="utf-8")
    assert (
        "fi: 'Keski-Suomen hyvinvointialue'" in county_config
        and "sv: 'Mellersta Finlands välfärdsområde'" in county_config
    )
    attributes = (tmp_path / "vaasa" / ".gitattributes").read_text(encoding="utf-8")
    assert "customers/**/*.yaml merge=koto text eol=lf" in attributes


def test_no_invented_author(home: Path, tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path / "nobody"), "GIT_CONFIG_GLOBAL": str(tmp_path / "none"), "KOTO_LANG": "sv"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "nobody" / ".config")
    out = S.koto(tmp_path, "init", "y", "--organisation", "091", env=env)
    assert out.returncode == 2 and "Vem skriver?" in out.stderr
    assert not (tmp_path / "y").exists()
    given = S.koto(
        tmp_path,
        "init",
        "y",
        "--organisation",
        "091",
        "--author",
        "Aino Virkailija <aino@example.org>",
        env=env,
    )
    assert given.returncode == 0, given.stderr
    author = S.git(tmp_path / "y", "log", "-1", "--format=%an <%ae>").strip()
    assert author == "Aino Virkailija <aino@example.org>"


def test_profile_is_the_author(home: Path, tmp_path: Path) -> None:
    set_ = S.koto(tmp_path, "profile", "--name", "Outi Ohjaaja", "--email", "outi@vaasa.example", "--json")
    assert json.loads(set_.stdout)["name"] == "Outi Ohjaaja"
    bad = S.koto(tmp_path, "profile", "--email", "ei-osoite", env={"KOTO_LANG": "fi"})
    assert bad.returncode == 2 and "ei kelpaa" in bad.stderr
    S.koto(tmp_path, "init", "r", "--organisation", "905")
    assert S.git(tmp_path / "r", "log", "-1", "--format=%an").strip() == "Outi Ohjaaja"


def test_config_set_checks_and_commits(home: Path, tmp_path: Path) -> None:
    repo = tmp_path / "r"
    S.make_repo(repo)
    ok = S.koto(repo, "config", "set", "rules.review_interval_months", "4", "--json")
    assert ok.returncode == 0, ok.stderr
    assert "review_interval_months: 4" in (repo / "koto.yaml").read_text(encoding="utf-8")
    assert "rules.review_interval_months" in S.git(repo, "log", "-1", "--format=%s")
    assert S.git(repo, "status", "--porcelain").strip() == ""
    before = (repo / "koto.yaml").read_text(encoding="utf-8")
    bad = S.koto(repo, "config", "set", "rules.plan_max_months", "36", env={"KOTO_LANG": "fi"})
    assert bad.returncode == 5 and "Mitään ei tallennettu" in bad.stderr
    assert (repo / "koto.yaml").read_text(encoding="utf-8") == before


def test_crlf_record_is_stored_with_lf(home: Path, tmp_path: Path) -> None:
    repo = tmp_path / "r"
    S.make_repo(repo)
    S.git(repo, "config", "core.autocrlf", "false")
    folder = repo / "customers" / "aa"
    folder.mkdir(parents=True)
    (folder / "x.yaml").write_bytes(b"a: 1\r\nb: 2\r\n")
    S.git(repo, "add", "customers")
    blob = subprocess.run(
        ["git", "show", ":customers/aa/x.yaml"],
        cwd=repo,
        capture_output=True,
        check=True,
        env=dict(os.environ),
    ).stdout
    assert blob == b"a: 1\nb: 2\n"


def test_kind_typo_is_named_with_a_suggestion(home: Path, tmp_path: Path) -> None:
    repo = tmp_path / "r"
    S.make_repo(repo)
    assert S.koto(repo, "add", str(_customer_file(tmp_path))).returncode == 0
    record = next((repo / "customers").rglob("c-0000000c.yaml"))
    record.write_text(record.read_text(encoding="utf-8").replace("kind: customer", "kind: custmer"), "utf-8")
    out = S.koto(repo, "commit", env={"KOTO_LANG": "en"})
    assert out.returncode == 5, out.stderr
    assert "unknown record kind 'custmer': did you mean customer?" in out.stderr
    new = S.koto(repo, "new", "integration-plna", env={"KOTO_LANG": "fi"})
    assert new.returncode == 2 and "tarkoititko integration-plan?" in new.stderr


def _customer_file(tmp_path: Path) -> Path:
    from kototieto.store.yamlio import new_document_text

    path = tmp_path / "c-0000000c.yaml"
    path.write_text(new_document_text(S.customer("c-0000000c"), "x.json"), encoding="utf-8")
    return path


def test_default_editor_prefers_nano(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kototieto.store.drafts import default_editor

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    assert default_editor() == "vi"
    nano = bin_dir / "nano"
    nano.write_text("#!/bin/sh\n", encoding="utf-8")
    nano.chmod(0o755)
    assert default_editor() == "nano"


def test_erase_json_still_asks(home: Path, tmp_path: Path) -> None:
    repo = tmp_path / "r"
    S.make_repo(repo)
    assert S.koto(repo, "add", str(_customer_file(tmp_path))).returncode == 0
    cmd = [S.KOTO, "erase", "c-0000000c", "--reason", "Asiakkaan pyyntö", "--json"]
    env = dict(os.environ, KOTO_LANG="fi")
    no = subprocess.run(cmd, cwd=repo, input="n\n", capture_output=True, text=True, env=env)
    assert no.returncode != 0 and "Kirjoitetaanko koko historia" in no.stderr and no.stdout == ""
    assert list((repo / "customers").rglob("c-0000000c.yaml"))  # nothing erased
    yes = subprocess.run(cmd, cwd=repo, input="y\n", capture_output=True, text=True, env=env)
    assert yes.returncode == 0, yes.stderr
    assert json.loads(yes.stdout)["records"] == 1
    assert not list((repo / "customers").rglob("c-0000000c.yaml"))


def test_generate_for_a_municipality_writes_only_what_it_may_hold(home: Path, tmp_path: Path) -> None:
    import datetime as dt

    from kototieto.synthetic.generator import DatasetSpec, customer_records

    spec = DatasetSpec(1, dt.date(2026, 11, 30), "905")
    unfiltered = [r for i in range(40) for r in customer_records(spec, i)]
    assert any(r.organisation.type != "municipality" for r in unfiltered)  # the data holds county reviews
    repo = tmp_path / "vaasa"
    S.make_repo(repo, organisation_code="905", name="Vaasa")
    out = S.koto(
        repo, "generate", "--customers", "40", "--out", ".", "--organisation", "905", "--today", "2026-11-30"
    )
    assert out.returncode == 0, out.stderr
    done = S.koto(repo, "commit", "-m", "aineisto")
    assert done.returncode == 0, done.stderr
    import yaml

    types = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["organisation"]["type"]
        for p in (repo / "customers").rglob("*.yaml")
    }
    assert types == {"municipality"}


def test_a_record_file_holding_json_is_refused(home: Path, tmp_path: Path) -> None:
    repo = tmp_path / "r"
    S.make_repo(repo)
    record = tmp_path / "c-0000000c.json"
    record.write_text(json.dumps(S.customer("c-0000000c")), encoding="utf-8")
    out = S.koto(repo, "add", str(record), env={"KOTO_LANG": "sv"})
    assert out.returncode == 5 and "Posten är skriven som JSON" in out.stderr
    assert not (repo / "customers").exists()
