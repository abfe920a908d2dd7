"""The catalogue site built from the real model: every field in every language, code lists link back,
the traceability matrix covers every decree item, comments and fill rates show, texts are complete."""

from __future__ import annotations

import html
import importlib.util
import itertools
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kototieto.errors import InvalidInputError, UsageError
from kototieto.reports.fillrates import fill_rates, is_filled, split_path
from kototieto.site import fmt
from kototieto.site.build import BuildResult, build_site

_spec = importlib.util.spec_from_file_location("site_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(support)

LANGS = ("fi", "sv", "en")
ID = re.compile(r'\bid="([^"]+)"')


class Built:
    def __init__(
        self, out: Path, result: BuildResult, catalogue: dict[str, Any], data: list[dict[str, Any]]
    ) -> None:
        self.out, self.result, self.catalogue, self.data = out, result, catalogue, data
        self._cache: dict[Path, str] = {}

    def page(self, lang: str, page: str) -> str:
        path = self.out / lang / page / "index.html"
        if path not in self._cache:
            self._cache[path] = path.read_text(encoding="utf-8")
        return self._cache[path]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    tmp = tmp_path_factory.mktemp("site")
    with pytest.MonkeyPatch.context() as mp:
        support.hermetic(tmp, mp)
        comments = tmp / "comments"
        support.write_round(comments)
        support.write_thread(
            comments, "t-20261120-aaaa01", "goals", "Tavoitteiden määrä pitäisi rajata.", "accepted"
        )
        support.write_thread(comments, "t-20261120-aaaa02", "removed.field", "Tämä kenttä poistui.")
        support.write_thread(comments, "t-20261120-aaaa03", "codes/service-kind/other", "Muu on liian laaja.")
        data = support.write_data_repo(tmp / "data")
        # the catalogue as `koto catalogue --json` prints it
        done = subprocess.run(
            [support.KOTO, "catalogue", "--json"], capture_output=True, text=True, check=True
        )
        catalogue = json.loads(done.stdout)
        result = build_site(
            tmp / "out",
            catalogue=catalogue,
            comments_dir=comments,
            data_repo=tmp / "data",
            snapshot=None,
            worktree=True,  # a plain folder of record files (no Git): its working tree
        )
        yield Built(tmp / "out", result, catalogue, data)


def _homes(catalogue: dict[str, Any], f: dict[str, Any]) -> list[str]:
    kinds = [k["kind"] for k in catalogue["record_kinds"]]
    if set(f["kinds"]) >= set(kinds):
        return ["kinds/common"]
    return [f"kinds/{k}" for k in f["kinds"]]


@pytest.mark.slow
def test_every_field_has_its_section_in_every_language(built: Built) -> None:
    assert built.result.langs == list(LANGS)
    missing = []
    for lang in LANGS:
        for f in built.catalogue["fields"]:
            for home in _homes(built.catalogue, f):
                page = built.page(lang, home)
                anchor = fmt.anchor(f["path"])
                match = re.search(rf'<h\d id="{re.escape(anchor)}">(.*?)<a class="headerlink"', page)
                label = html.escape(f["labels"][lang], quote=False)
                if match is None or label not in match.group(1):
                    missing.append(f"{lang}/{home}#{anchor} ({f['labels'][lang]})")
    assert missing == []
    # anchors are the same in every language: the language switcher lands on the same section
    ids = {
        lang: set(ID.findall(built.page(lang, "kinds/integration-plan")))
        - set(re.findall(r'<h1 id="([^"]+)"', built.page(lang, "kinds/integration-plan")))
        for lang in LANGS
    }
    assert ids["fi"] == ids["sv"] == ids["en"]


def test_a_machine_readable_condition_shows_under_its_words(built: Built) -> None:
    from kototieto.site.pages_fields import applies_when

    def section(lang: str, kind: str, path: str) -> str:
        page = built.page(lang, f"kinds/{kind}")
        return page.split(f'id="{fmt.anchor(path)}"', 1)[1].split("<h", 1)[0]

    interpretation = section("en", "customer", "interpretation_language")
    assert "When the person needs interpretation." in interpretation
    rule = "Condition, machine-readable:</strong> <code>interpretation_needed</code> = <code>true</code>"
    assert rule in interpretation
    assert "Ehto koneluettavana:</strong> <code>obstacles</code>: ei kirjattu" in section(
        "fi", "review", "no_obstacles"
    )
    previous = section("en", "integration-plan", "previous_plan")
    assert "When the plan is not the customer" in previous and "machine-readable" not in previous
    assert applies_when({"applies_when": {"field": "obstacles", "present": False}}, "sv") == (
        "- **Villkoret maskinläsbart:** `obstacles`: inte registrerat"
    )
    assert applies_when({"applies_when": {"field": "t", "in": ["a", "b"]}}, "en") == (
        "- **Condition, machine-readable:** `t`: one of `a`, `b`"
    )
    assert applies_when({"applies_when": None}, "fi") is None


@pytest.mark.slow
def test_code_list_pages_link_back_to_every_field_using_them(built: Built) -> None:
    for cl in built.catalogue["code_lists"]:
        page = built.page("sv", f"codes/{cl['id']}")
        assert html.escape(cl["labels"]["sv"], quote=False) in page
        users = [f for f in built.catalogue["fields"] if f.get("code_list") == cl["id"]]
        for f in users:
            for home in _homes(built.catalogue, f):
                href = f'href="../../{home}/#{fmt.anchor(f["path"])}"'
                assert href in page, (cl["id"], f["path"], home)
    language = built.page("fi", "codes/language")
    assert 'href="../language.csv"' in language
    csv_text = (built.out / "fi" / "codes" / "language.csv").read_text(encoding="utf-8")
    assert csv_text.startswith("code,label\n") and "\nfi,suomi\n" in csv_text


@pytest.mark.slow
def test_traceability_matrix_covers_every_decree_item(built: Built) -> None:
    for lang in LANGS:
        page = built.page(lang, "trace")
        ids = set(ID.findall(page))
        for item in built.catalogue["decree_items"]:
            assert fmt.item_anchor(item["id"]) in ids, (lang, item["id"])
        for item_id, entry in built.catalogue["trace"].items():
            row = page.split(f'id="{fmt.item_anchor(item_id)}"', 1)[1].split("</tr>", 1)[0]
            for path in entry["fields"]:
                assert f"#{fmt.anchor(path)}" in row, (item_id, path)
            for rule in entry["rules"]:
                assert f'href="#{fmt.rule_anchor(rule)}"' in row, (item_id, rule)
        for rule in built.catalogue["rules"]:
            assert fmt.rule_anchor(rule["name"]) in ids


@pytest.mark.slow
def test_comments_show_under_their_field_and_orphans_are_listed(built: Built) -> None:
    plan = built.page("sv", "kinds/integration-plan")
    goals = plan.split(f'id="{fmt.anchor("goals")}"', 1)[1].split('<h3 id="', 1)[0]
    assert "Tavoitteiden määrä pitäisi rajata." in goals
    assert "Godkänd" in goals  # status 'accepted' in Swedish
    assert 'href="mailto:kirjaamo@example.org?subject=' in goals and "goals" in goals
    comments = built.page("en", "comments")
    assert "Comments on removed fields" in comments and "removed.field" in comments
    assert "Tämä kenttä poistui." in comments
    code_page = built.page("fi", "codes/service-kind")
    assert "Muu on liian laaja." in code_page
    assert built.result.comments == 2 and built.result.orphans == 1
    # the round is named in the page's language where it has a name in it, else by its name
    assert "Remissrunda om fältkatalogen 2026" in built.page("sv", "")
    assert "Kenttäluettelon lausuntokierros 2026" in built.page("en", "")
    home = built.page("fi", "")
    # Finnish pages write dates as people do (15.12.2026), not in ISO form
    assert (
        "Kenttäluettelon lausuntokierros 2026" in home and "15.12.2026" in home and "2026-12-15" not in home
    )


@pytest.mark.slow
def test_fill_rates_show_and_never_used_fields_stand_out(built: Built) -> None:
    rates = fill_rates(built.out.parent / "data", built.catalogue, worktree=True)
    plans = [d for d in built.data if d["kind"] == "integration-plan" and not d.get("annulment")]
    assert rates.totals["integration-plan"] == len(plans)
    expect = sum(1 for d in plans if is_filled(d, split_path("measures.service_kind")))
    assert rates.count("measures.service_kind", ["integration-plan"]) == (expect, len(plans))
    page = built.page("en", "kinds/integration-plan")
    assert "Fill rate" in page
    usage = built.page("en", "usage")
    never = [
        f
        for f in built.catalogue["fields"]
        if rates.count(f["path"], f["kinds"])[1] and rates.count(f["path"], f["kinds"])[0] == 0
    ]
    assert never, "the synthetic data should leave some field unused"
    for f in never:
        # annulled records are not counted, so their annulment fields are not called unused
        annulment = f["path"].split(".")[0] == "annulment"
        assert (f"#{fmt.anchor(f['path'])}" in usage) is not annulment, f["path"]
    assert any(f["path"].startswith("annulment") for f in never)
    assert 'class="koto-unused"' in built.page("fi", _homes(built.catalogue, never[0])[0])


@pytest.mark.slow
def test_schemas_download_and_validate(built: Built) -> None:
    for lang in LANGS:
        assert 'href="integration-plan.schema.json"' in built.page(lang, "schemas")
    schema = json.loads(
        (built.out / "sv" / "schemas" / "integration-plan.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    plan = next(d for d in built.data if d["kind"] == "integration-plan")
    jsonschema.Draft202012Validator(schema).validate(plan)


@pytest.mark.slow
def test_language_switcher_goes_to_the_same_page(built: Built) -> None:
    page = built.page("fi", "kinds/review")
    assert 'href="../../../sv/kinds/review/" hreflang="sv"' in page
    assert '<html lang="fi"' in page and '<html lang="sv"' in built.page("sv", "kinds/review")
    assert (built.out / "sv" / "search" / "search_index.json").is_file()
    index = json.loads((built.out / "sv" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["sv"]
    assert (built.out / "index.html").read_text(encoding="utf-8").count('hreflang="') == 3


def test_missing_text_in_one_language_fails_the_build(tmp_path: Path) -> None:
    cat = support.sample_catalogue()
    cat["fields"][3]["definitions"]["sv"] = " "
    cat["code_lists"][0]["values"][1]["labels"]["en"] = ""
    with pytest.raises(InvalidInputError) as err:
        build_site(tmp_path / "out", catalogue=cat, snapshot=None, schemas=None)
    assert "fields[goals].definitions/sv" in str(err.value)
    assert "code_lists[service-kind].values[other].labels/en" in str(err.value)
    assert not (tmp_path / "out").exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no staging folder left behind


def test_change_log_against_the_published_snapshot(tmp_path: Path) -> None:
    old = support.sample_catalogue()
    new = support.sample_catalogue()
    new["version"] = "1.0.0"
    new["fields"] = [f for f in new["fields"] if f["path"] != "next_review"]
    new["fields"][1]["obligation"] = "may"
    build_site(tmp_path / "out", catalogue=new, snapshot=old, schemas=None, langs=["sv"])
    page = (tmp_path / "out" / "sv" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "<code>0.9.0</code>" in page and "<code>1.0.0</code>" in page
    # one h2 per kind of change (no jump from h1 to h3), one h3 per change naming the field
    headings = re.findall(r'<h([1-3]) id="([^"]+)">(.*?)<a class="headerlink"', page)
    levels = [int(level) for level, _, _ in headings]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), headings
    h2 = [text.strip() for level, _, text in headings if level == "2"]
    assert sorted(h2) == ["Borttagen (1)", "Skyldigheten ändrad (1)"]
    h3 = {hid: text for level, hid, text in headings if level == "3"}
    assert "next_review (Inkompatibel ändring)" in h3["change-removed-next-review"]
    changed = new["fields"][1]
    anchor = "change-obligation-changed-" + fmt.slug(changed["path"])
    assert h3[anchor].strip() == f"{changed['labels']['sv']} (Kompatibel ändring)"
    # the field's own section says how it changed, linking to the change log by the stable id
    kind = (tmp_path / "out" / "sv" / "kinds" / "integration-plan" / "index.html").read_text(encoding="utf-8")
    section = kind.split(f'id="{fmt.anchor(changed["path"])}"', 1)[1].split("<h3", 1)[0]
    assert "Ändringar jämfört med version 0.9.0" in section and f'href="../../changes/#{anchor}"' in section
    assert not (tmp_path / "out" / "fi").exists()


def test_out_folder_that_is_not_a_site_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        build_site(out, catalogue=support.sample_catalogue(), snapshot=None, schemas=None, langs=["fi"])
    assert "not a catalogue site build" in info.value.localized("en")
    assert "valitse tyhjä tai uusi kansio" in info.value.localized("fi")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    # a previous build is replaced
    other = tmp_path / "site"
    build_site(other, catalogue=support.sample_catalogue(), snapshot=None, schemas=None, langs=["fi"])
    build_site(other, catalogue=support.sample_catalogue(), snapshot=None, schemas=None, langs=["en"])
    assert (other / "en").is_dir() and not (other / "fi").exists()


def test_is_filled_semantics() -> None:
    data = {"a": "", "b": [], "c": [{"x": None}, {"x": "1"}], "d": {"e": {}}, "f": 0, "g": False}
    assert not is_filled(data, ("a",)) and not is_filled(data, ("b",))
    assert is_filled(data, ("c", "x")) and not is_filled(data, ("d", "e"))
    assert is_filled(data, ("f",)) and is_filled(data, ("g",)) and not is_filled(data, ("zz",))
    assert split_path("measures[].organiser.type") == ("measures", "organiser", "type")


def test_snapshots_publish_and_find_the_highest_version(tmp_path: Path) -> None:
    from kototieto.errors import NotFoundError
    from kototieto.site.snapshots import find_latest_snapshot, latest_snapshot, publish_snapshot

    assert find_latest_snapshot(tmp_path) is None
    with pytest.raises(NotFoundError):
        latest_snapshot(tmp_path)
    for version in ("2026.9", "2026.11", "2026.10"):
        publish_snapshot(dict(support.sample_catalogue(), version=version), tmp_path)
    latest = latest_snapshot(tmp_path)
    assert latest["version"] == "2026.11"
    language = next(cl for cl in latest["code_lists"] if cl["id"] == "language")
    assert "values" not in language and language["value_count"] == 2
    with pytest.raises(InvalidInputError):
        publish_snapshot(dict(support.sample_catalogue(), version="../x"), tmp_path)


def test_committed_snapshot_is_a_catalogue() -> None:
    from kototieto.site.snapshots import latest_snapshot

    snap = latest_snapshot()
    assert snap["fields"] and snap["version"]


@pytest.mark.slow
def test_data_repository_extension_fields_are_shown_as_local(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kototieto.store.extensions.example import install_example
    from kototieto.store.repository import Repository

    support.hermetic(tmp_path, monkeypatch)
    repo = tmp_path / "repo"
    subprocess.run(
        [support.KOTO, "init", str(repo), "--organisation", "091", "--name", "Helsinki"], check=True
    )
    install_example(Repository.open(repo))
    result = build_site(tmp_path / "out", data_repo=repo, langs=["en"], snapshot=None, schemas=None)
    assert result.fill is not None and sum(result.fill.totals.values()) == 0  # no records yet
    page = (tmp_path / "out" / "en" / "kinds" / "assessment" / "index.html").read_text(encoding="utf-8")
    assert "extension field (not national)" in page
    assert result.fields == len(support.real_catalogue()["fields"]) + 1


@pytest.mark.slow
def test_cli_site_build_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    support.hermetic(tmp_path, monkeypatch)
    done = subprocess.run(
        [
            support.KOTO,
            "site",
            "build",
            "--out",
            str(tmp_path / "out"),
            "--lang",
            "en",
            "--jobs",
            "1",
            "--json",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["langs"] == ["en"] and report["pages"] > 20 and report["snapshot_version"]
    assert (tmp_path / "out" / "en" / "changes" / "index.html").is_file()
    bad = subprocess.run(
        [support.KOTO, "site", "build", "--out", str(tmp_path / "out"), "--comments", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "nope" in bad.stderr


def test_comment_link_issue_template_and_mailto() -> None:
    from kototieto.site.context import CommentLink

    url = CommentLink(template="https://git.example.org/k/issues/new?title={title}&body={body}").url(
        "measures.service_kind", "Palvelun laji", "fi"
    )
    assert url.startswith(
        "https://git.example.org/k/issues/new?title=Kommentti%20kentt%C3%A4%C3%A4n%20measures.service_kind"
    )
    assert "&body=Kentt%C3%A4%3A%20measures.service_kind%0A" in url
    mail = CommentLink(contact="kirjaamo@example.org").url("goals", "Mål", "sv")
    assert mail.startswith("mailto:kirjaamo@example.org?subject=Kommentar%20om%20f%C3%A4ltet%20goals")
    for bad in ("https://x/{oops}", "javascript:alert(1)//{path}", "https://x/{path"):
        with pytest.raises(UsageError):
            CommentLink(template=bad)


def test_reviewer_text_is_shown_as_text_never_as_markup(tmp_path: Path) -> None:
    comments = tmp_path / "comments"
    support.write_round(comments)
    support.write_thread(
        comments,
        "t-20261120-cccc01",
        "goals",
        "'<script>alert(1)</script> [x](javascript:y) **b** {: onclick=z }'",
    )
    build_site(
        tmp_path / "out",
        catalogue=support.sample_catalogue(),
        comments_dir=comments,
        snapshot=None,
        schemas=None,
        langs=["en"],
    )
    page = (tmp_path / "out" / "en" / "kinds" / "integration-plan" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert (
        "<script>alert(1)" not in page
        and 'href="javascript:' not in page
        and "<strong>b</strong>" not in page
    )
    assert "onclick" not in page.replace("{: onclick=z }", "")  # no attribute from attr_list
    assert "\\&lt;" not in page and "[x](javascript:y) **b**" in page  # as written, no stray backslash
