"""Extension definitions in a real data repository: commits, schema file, use, withdrawal, proposal."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import ConflictError, NotFoundError, NothingToDoError, UsageError
from kototieto.store import layout
from kototieto.store.extensions import (
    commit_definitions,
    extension_catalogue_fields,
    extensions_at,
    load_extensions,
    trial_history,
    usage,
    withdraw,
    write_proposal,
)
from kototieto.store.store import Store

_spec = importlib.util.spec_from_file_location("ext_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

SECOND_FIELD = """\
  - name: digital-level
    kinds: [assessment]
    type: code
    code_list: digital-skill-level
    labels: {fi: Digitaitotaso, sv: Digital nivå, en: Digital level}
    definitions: {fi: Taso., sv: Nivå., en: Level.}
    rationale: Replaces digital-skills.
    need: digital services
"""


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def _definitions() -> str:
    return S.DEFINITIONS.replace("code_lists:\n", SECOND_FIELD + "code_lists:\n")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    repo = S.make_repo(tmp_path / "r", {"pilot.yaml": _definitions()})
    commit_definitions(repo, author="Pilotti Ylläpitäjä <yllapito@example.org>")
    st = Store(repo)
    records = S.dataset()
    saved = 0
    for data in records:
        if data["kind"] != "customer":
            continue
        st.save(data)
        for rec in records:
            if rec.get("customer") == data["id"] and rec["kind"] == "assessment":
                rec["extensions"] = {
                    "091.digital-skills": ["basic", "none", "independent"][saved % 3],
                    "091.mentor-notes": "Vapaata tekstiä, ei näytetä.",
                }
                if saved % 2:
                    rec["extensions"]["091.bike-owner"] = True
                saved += 1
                st.save(rec)
    assert saved >= 2
    return st


def test_definitions_commit_writes_the_extended_schema(store: Store) -> None:
    root = store.repo.root
    log = S.git(root, "log", "--format=%s", "--", "extensions/pilot.yaml")
    assert log.strip() == "Extensions: update extensions/pilot.yaml"
    schema = json.loads((root / layout.SCHEMA_PATH).read_text(encoding="utf-8"))
    props = schema["$defs"]["Assessment"]["properties"]["extensions"]["anyOf"][0]["properties"]
    assert props["091.digital-skills"]["title"] == "Digitaidot"
    assert S.git(root, "status", "--porcelain") == ""
    with pytest.raises(NothingToDoError):
        commit_definitions(store.repo)
    assert [f.id for f in extensions_at(store.repo).fields] == [f.id for f in load_extensions(root).fields]


def test_deleting_a_used_definition_is_refused(store: Store) -> None:
    path = store.repo.root / "extensions" / "pilot.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: mentor-notes", "name: mentor-note"), encoding="utf-8"
    )
    with pytest.raises(ConflictError, match=r"091\.mentor-notes"):
        commit_definitions(store.repo)


def test_usage_counts_only_safe_values(store: Store) -> None:
    use = usage(store.repo, load_extensions(store.repo.root))
    skills = use["091.digital-skills"]
    assessments = sum(1 for d in S.dataset() if d["kind"] == "assessment" and not d.get("annulment"))
    assert skills.records == assessments and 0 < skills.filled <= assessments
    assert set(skills.values) <= {"basic", "none", "independent"}
    assert use["091.bike-owner"].values == {"true": use["091.bike-owner"].filled}
    assert not use["091.mentor-notes"].values  # free text is never collected


def test_withdrawing_a_used_field_is_refused(store: Store) -> None:
    before = S.git(store.repo.root, "rev-parse", "HEAD")
    with pytest.raises(ConflictError) as info:
        withdraw(store.repo, "091.digital-skills")
    assert re.search(
        r"record\(s\) use 091.digital-skills.*--migrate-to.*--keep-history", info.value.localized("en")
    )
    assert re.search(
        r"tietuetta käyttää kenttää 091.digital-skills.*--keep-history", info.value.localized("fi")
    )
    assert S.git(store.repo.root, "rev-parse", "HEAD") == before
    assert "status: in-trial" in (store.repo.root / "extensions" / "pilot.yaml").read_text(encoding="utf-8")
    with pytest.raises(NotFoundError):
        withdraw(store.repo, "091.nothing")
    with pytest.raises(UsageError):
        withdraw(store.repo, "091.digital-skills", migrate_to="091.bike-owner")  # another type


def test_withdraw_keeping_history(store: Store) -> None:
    result = withdraw(store.repo, "091.bike-owner", keep_history=True)
    assert result.kept >= 1 and result.migrated == 0
    text = (store.repo.root / "extensions" / "pilot.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Pilot extensions of Testikunta (091).")  # comments kept
    ext = load_extensions(store.repo.root)
    assert ext.get("091.bike-owner").spec.status == "withdrawn"
    assert S.git(store.repo.root, "status", "--porcelain") == ""
    view = next(
        v
        for v in (store.read(p.split("/")[-1][:-5]) for p in _record_paths(store))
        if v.data.get("extensions", {}).get("091.bike-owner")
    )
    assert ext.validate(view.data).ok  # old values still valid
    with pytest.raises(NothingToDoError):
        withdraw(store.repo, "091.bike-owner", keep_history=True)


def test_withdraw_migrating_values(store: Store) -> None:
    use_before = usage(store.repo, load_extensions(store.repo.root))["091.digital-skills"]
    result = withdraw(
        store.repo, "091.digital-skills", migrate_to="091.digital-level", author="A B <a@example.org>"
    )
    assert result.migrated == len(use_before.record_ids)
    use = usage(store.repo, load_extensions(store.repo.root))
    assert use["091.digital-skills"].filled == 0
    assert use["091.digital-level"].values == use_before.values
    changed = S.git(store.repo.root, "show", "--name-only", "--format=%s", "HEAD").split()
    assert "schema/record.schema.json" in changed and "extensions/pilot.yaml" in changed
    assert S.git(store.repo.root, "status", "--porcelain") == ""


def test_catalogue_fields_marked_local(store: Store) -> None:
    entries = {e["extension_id"]: e for e in extension_catalogue_fields(store.repo.root)}
    skills = entries["091.digital-skills"]
    assert skills["local"] is True and skills["organisation"] == "091" and skills["status"] == "in-trial"
    assert skills["path"] == "extensions.091.digital-skills" and skills["actors"] == ["municipality"]
    assert skills["rationale"].startswith("Most public services")
    assert set(skills["labels"]) == {"fi", "sv", "en"}
    from kototieto.model.catalogue import catalogue_json

    national = catalogue_json()["fields"][0]
    assert set(national) <= set(skills)
    out = S.koto(store.repo.root, "catalogue", "--json", "--data", ".")
    assert out.returncode == 0, out.stderr
    exported = json.loads(out.stdout)
    assert "091.digital-skills" in {f.get("extension_id") for f in exported["fields"]}
    local_lists = {c["id"] for c in exported["code_lists"] if c.get("local")}
    assert local_lists, "the pilot's own code lists are in the export too"


def test_proposal_document(store: Store) -> None:
    text = write_proposal(
        store.repo,
        "091.digital-skills",
        today=date(2026, 11, 28),
        comments=[
            {
                "path": "extensions.091.digital-skills",
                "date": "2026-11-20",
                "organisation": "853",
                "status": "open",
                "text": "Hyvä | tarpeellinen.",
            },
            {"path": "literacy", "date": "2026-11-21", "organisation": "853", "text": "Muu kenttä."},
        ],
    )
    assert text.startswith("# Proposal for the national catalogue: Digital skills (`091.digital-skills`)")
    for expected in (
        "Digitaidot",
        "Digitala färdigheter",
        "Maahanmuuttajan taito",
        "Most public services",
        "D1.13",
        "Hyvä \\| tarpeellinen.",
    ):
        assert expected in text
    assert "Muu kenttä" not in text
    assert "| Basic skills (`basic`) |" in text or "| No digital skills (`none`) |" in text
    assert "| `independent` | Itsenäinen käyttäjä | Självständig användare | Independent user |" in text
    assert "In trial since: " in text and "Fill rate: " in text
    for view in _views(store):
        for value in (view.data.get("extensions") or {}).values():
            if isinstance(value, str) and " " in value:
                assert value not in text
        assert view.data.get("last_name", "\0") not in text
    notes = write_proposal(store.repo, "091.mentor-notes", today=date(2026, 11, 28), lang="fi")
    assert "Vapaatekstiä ja päivämääriä ei näytetä" in notes and "Vapaata tekstiä" not in notes


def test_trial_time_from_history(store: Store) -> None:
    ext = load_extensions(store.repo.root)
    trial = trial_history(store.repo, ext.get("091.digital-skills"))
    assert trial.in_trial_since == trial.declared and trial.declared is not None
    assert trial.days_in_trial(trial.declared) == 0
    assert trial_history(store.repo, ext.get("091.bike-owner")).in_trial_since is None


@pytest.mark.slow
def test_cli_list_check_propose(store: Store, tmp_path: Path) -> None:
    root = store.repo.root
    out = S.koto(root, "extension", "list", "--json")
    assert out.returncode == 0, out.stderr
    fields = {f["extension_id"]: f for f in json.loads(out.stdout)["fields"]}
    assert fields["091.digital-skills"]["filled"] >= 1
    out = S.koto(root, "extension", "list", "--lang", "en")
    assert "091.digital-skills" in out.stdout and "Digital skills" in out.stdout
    assert S.koto(root, "extension", "check").returncode == 0
    target = tmp_path / "proposal.md"
    out = S.koto(root, "extension", "propose", "091.digital-skills", "-o", str(target))
    assert out.returncode == 0, out.stderr
    proposal = target.read_text(encoding="utf-8")
    assert proposal.startswith("# Proposal"), proposal[:200]
    assert "091.digital-skills" in proposal and "Digital skills" in proposal
    (root / "extensions" / "pilot.yaml").write_text(
        _definitions().replace("type: boolean", "type: flag"), encoding="utf-8"
    )
    out = S.koto(root, "extension", "check")
    assert (
        out.returncode == 5 and "extensions/pilot.yaml:" in out.stderr and "unknown type 'flag'" in out.stderr
    )
    out = S.koto(root, "extension", "withdraw", "091.digital-skills")
    assert out.returncode == 5  # the definitions must be valid first
    (root / "extensions" / "pilot.yaml").write_text(_definitions(), encoding="utf-8")
    out = S.koto(root, "extension", "withdraw", "091.digital-skills")
    assert out.returncode == 6 and "--keep-history" in out.stderr
    out = S.koto(root, "extension", "withdraw", "091.digital-skills", "--keep-history", "--lang", "sv")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Tilläggsfältet 091.digital-skills har dragits tillbaka"), out.stdout
    assert "värden som historik: " in out.stdout and "record" not in out.stdout


def _record_paths(store: Store) -> list[str]:
    return [
        str(p.relative_to(store.repo.root))
        for p in sorted((store.repo.root / "customers").glob("*/*/*.yaml"))
    ]


def _views(store: Store) -> list[Any]:
    return [store.read(p.split("/")[-1][:-5]) for p in _record_paths(store)]


def test_extended_catalogue_keeps_the_national_format(store: Store) -> None:
    from kototieto.model.catalogue import catalogue_json
    from kototieto.store.extensions import extended_catalogue, repository_extensions

    national = catalogue_json()
    cat = extended_catalogue(national, store.repo.root)
    assert len(cat["fields"]) == len(national["fields"]) + 4
    kinds = {k["kind"]: k["fields"] for k in cat["record_kinds"]}
    assert (
        "extensions.091.digital-skills" in kinds["assessment"]
        and "extensions.091.digital-skills" not in kinds["guidance"]
    )
    local = next(cl for cl in cat["code_lists"] if cl["id"] == "091.digital-skill-level")
    assert local["local"] is True and [v["code"] for v in local["values"]] == ["none", "basic", "independent"]
    service = next(cl for cl in cat["code_lists"] if cl["id"] == "service-kind")
    assert service["values"][-1] == {
        "code": "091-digital-mentoring",
        "labels": {"fi": "Digimentorointi", "sv": "Digitalt mentorskap", "en": "Digital mentoring"},
        "organisation": "091",
        "local": True,
    }
    assert not any(v.get("local") for cl in national["code_lists"] for v in cl["values"])  # no mutation
    assert repository_extensions(store.repo.root) is not None


def test_no_extensions_folder_means_the_national_model(tmp_path: Path) -> None:
    from kototieto.store.extensions import repository_extensions

    repo = S.make_repo(tmp_path / "plain")
    assert repository_extensions(repo.root) is None
    assert load_extensions(repo.root).fields == ()


@pytest.mark.slow
def test_example_extension_installs_and_is_used(tmp_path: Path) -> None:
    from kototieto.store.extensions import head_records
    from kototieto.store.extensions.example import install_example, use_example

    repo = S.make_repo(tmp_path / "demo")
    st = Store(repo)
    records = sorted(S.dataset(), key=lambda d: d["kind"] != "customer")  # customers first
    for data in records:
        st.save(data)
    ext = install_example(repo)
    assert [f.id for f in ext.fields] == ["091.digital-skills"]
    written = use_example(repo, every=1)
    assessments = sum(1 for d in S.dataset() if "assessment" in d["kind"] and not d.get("annulment"))
    plans = sum(
        1 for d in S.dataset() if d["kind"].endswith("plan") and d.get("measures") and not d.get("annulment")
    )
    assert written == assessments + plans
    assert usage(repo, ext)["091.digital-skills"].filled == assessments
    measures = [
        d["measures"][-1]["service_kind"] for _, _, d in head_records(repo) if d["kind"].endswith("plan")
    ]
    assert measures.count("091-digital-mentoring") == plans
    assert S.git(repo.root, "status", "--porcelain") == ""


@pytest.mark.slow
def test_reviewers_comment_on_an_extension_and_the_proposal_lists_it(store: Store, tmp_path: Path) -> None:
    from kototieto.model.catalogue import catalogue_json
    from kototieto.site.comments import CommentRepo
    from kototieto.store.extensions import extended_catalogue

    folder = tmp_path / "comments"
    comments = CommentRepo(folder, commit=False)
    comments.create_round("Pilot round", date(2026, 11, 1), date(2026, 12, 31), ["091", "853"], "2026.11")
    cat = extended_catalogue(catalogue_json(), store.repo.root)
    comments.add(
        "extensions.091.digital-skills",
        author="Riikka Arvioija",
        organisation="853",
        text="Tarvitaan myös meillä.",
        catalogue=cat,
        today=date(2026, 11, 27),
    )
    with pytest.raises(NotFoundError):
        comments.add(
            "extensions.091.nothing",
            author="R",
            organisation="853",
            text="x",
            catalogue=cat,
            today=date(2026, 11, 27),
        )
    out = S.koto(
        store.repo.root,
        "extension",
        "propose",
        "091.digital-skills",
        "--comments",
        str(folder),
        "--lang",
        "fi",
    )
    assert out.returncode == 0, out.stderr
    assert "## Kommentit" in out.stdout and "27.11.2026 853 (avoin): Tarvitaan myös meillä." in out.stdout


def test_withdraw_refuses_uncommitted_edits(store: Store) -> None:
    defs = store.repo.root / "extensions" / "pilot.yaml"
    original = defs.read_text(encoding="utf-8")
    defs.write_text(original.replace("Digitaidot", "Digitaidot (muokattu)"), encoding="utf-8")
    with pytest.raises(ConflictError) as info:
        withdraw(store.repo, "091.bike-owner", keep_history=True)
    assert "uncommitted changes" in info.value.localized("en")
    assert "osparade ändringar" in info.value.localized("sv")
    defs.write_text(original, encoding="utf-8")
    user = usage(store.repo, load_extensions(store.repo.root))["091.digital-skills"].record_ids[0]
    path = next(p for p in (store.repo.root / "customers").glob(f"*/*/{user}.yaml"))
    path.write_text(path.read_text(encoding="utf-8") + "# kesken\n", encoding="utf-8")
    head = S.git(store.repo.root, "rev-parse", "HEAD")
    with pytest.raises(ConflictError) as info:
        withdraw(store.repo, "091.digital-skills", migrate_to="091.digital-level")
    assert "uncommitted changes" in info.value.localized("en")
    assert S.git(store.repo.root, "rev-parse", "HEAD") == head
    assert path.read_text(encoding="utf-8").endswith("# kesken\n")


def test_new_drafts_offer_the_pilots_fields_with_their_labels(store: Store) -> None:
    from kototieto.store.drafts import template
    from kototieto.store.yamlio import load_document

    text = template(store.repo, "assessment", "c-00000001", "asm-draft-1", lang="sv")
    assert "# extensions:" in text
    assert "#   091.digital-skills:" in text
    block = text[text.index("# extensions:") :]
    assert "Digitala" in block or "digital" in block.lower()
    # Uncommenting the block gives YAML that reads as an extensions mapping.
    lines = [
        line[2:] for line in block.splitlines() if line.startswith("# ") and not line.startswith("#   #")
    ]
    data = load_document("\n".join(lines).encode(), "draft").data
    assert "091.digital-skills" in data["extensions"]
    plain = template(S.make_repo(store.repo.root.parent / "plain"), "assessment", "c-00000001", "asm-draft-2")
    assert "extensions:" not in plain


def test_koto_schema_with_data_types_the_pilots_fields(store: Store) -> None:
    national = json.loads(S.koto(store.repo.root, "schema", "assessment").stdout)
    local = S.koto(store.repo.root, "schema", "assessment", "--data", ".", "--lang", "en")
    assert local.returncode == 0, local.stderr

    def typed(schema: dict[str, Any]) -> set[str]:
        branches = schema["properties"]["extensions"].get("anyOf", [])
        return {key for b in branches for key in b.get("properties", {})}

    assert "091.digital-skills" in typed(json.loads(local.stdout))
    assert typed(national) == set()
