"""``koto demo`` end to end into a temporary folder: repository, history, erasure, PDFs, site, reports.

One demo (12 customers) is built per test module run and shared; every assertion reads the
outputs with other means than the code that made them (git, PyYAML, pypdf, the model).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kototieto.model.catalogue import kind_label
from kototieto.model.validation import Severity, check_records, validate_data

_spec = importlib.util.spec_from_file_location("reports_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
support = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(support)

pytestmark = pytest.mark.slow
TODAY = support.TODAY
SEED = 7
CUSTOMERS = 12


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("demo")
    with support.hermetic_env(root):
        out = root / "out"
        done = support.koto(
            root,
            "demo",
            str(out),
            "--customers",
            str(CUSTOMERS),
            "--seed",
            str(SEED),
            "--today",
            TODAY.isoformat(),
            "--json",
        )
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout)
        yield out, result, support.read_records(out / "repo")


def test_summary_names_every_output(demo: Any) -> None:
    out, result, _ = demo
    assert Path(result["repo"]) == out / "repo"
    assert (out / "demo.json").is_file() and (out / ".koto-demo").is_file()
    assert result["customers"] == CUSTOMERS


def test_repository_validates(demo: Any) -> None:
    out, result, records = demo
    assert result["validation"]["errors"] == 0 and result["validation"]["records"] == len(records)
    assert support.koto(out, "validate", "-C", str(out / "repo")).returncode == 0
    assert len(records) > CUSTOMERS
    from kototieto.store.extensions.load import repository_extensions

    extensions = repository_extensions(out / "repo")
    assert extensions is not None  # the demo pilot tries a field of its own
    parsed = []
    for data in records:
        res = extensions.validate(data)
        assert res.ok, (data["id"], [(p.path, p.message("en")) for p in res.errors])
        parsed.append(extensions.parse(data))
    national = [data for data in records if not validate_data(data).ok]
    assert all("905-digital-mentoring" in str(data) for data in national)  # only the pilot's codes
    errors = [(rid, p.message("en")) for rid, p in check_records(parsed) if p.severity is Severity.ERROR]
    assert errors == []
    assert {r["kind"] for r in records} == {
        "customer",
        "assessment",
        "multisectoral-assessment",
        "integration-plan",
        "multisectoral-plan",
        "family-plan",
        "review",
        "guidance",
    }


def _commits(repo: Path) -> list[tuple[str, str, str]]:
    out = support.git(repo, "log", "--format=%H%x1f%an%x1f%s")
    return [tuple(line.split("\x1f", 2)) for line in out.splitlines()]  # type: ignore[misc]


def _changed(repo: Path, sha: str) -> list[str]:
    return [
        p
        for p in support.git(repo, "show", "--name-only", "--format=", sha).split()
        if p.startswith("customers/")
    ]


@pytest.mark.parametrize(
    ("prefix", "marker"),
    [
        ("Extend plan", "extension:"),
        ("Switch plan", "plan_switch:"),
        ("Refer to the employment authority", "employment_referral:"),
        ("County review", "type: wellbeing-services-county"),
        ("Annul", "annulment:"),
        ("Use the digital skills extension", "extensions:"),
    ],
)
def test_history_has_event(demo: Any, prefix: str, marker: str) -> None:
    out, _, _ = demo
    repo = out / "repo"
    hits = [(sha, s) for sha, _, s in _commits(repo) if s.startswith(prefix)]
    assert hits, f"no commit '{prefix} ...'"
    sha = hits[0][0]
    paths = _changed(repo, sha)
    assert len(paths) == 1
    assert marker in support.git(repo, "show", f"{sha}:{paths[0]}")


def test_demo_has_a_pilot_extension_field_and_code_list_in_use(demo: Any) -> None:
    out, _, _ = demo
    repo = out / "repo"
    definitions = [p for p in support.git(repo, "ls-files").split() if p.startswith("extensions/")]
    assert definitions, "no extension definition file in the demo repository"
    text = (repo / definitions[0]).read_text(encoding="utf-8")
    assert "digital-skills" in text and "code_lists:" in text
    used = support.git(repo, "grep", "-l", ".digital-skills:", "HEAD", "--", "customers")
    assert used.strip(), "no record uses the extension field"


def test_history_edits_by_several_officials(demo: Any) -> None:
    out, result, _ = demo
    repo = out / "repo"
    commits = _commits(repo)
    assert 20 <= len(commits) <= 60
    assert len({a for _, a, _ in commits}) >= 4
    assert result["commits"] == len(commits)
    import_commits = [s for _, _, s in commits if s.startswith("Import ")]
    assert len(import_commits) == 1
    draft = next(s for _, _, s in commits if s.endswith("(first draft)"))
    plan_id = draft.split()[2]
    path = next(p for p in support.git(repo, "ls-files").split() if p.endswith(f"/{plan_id}.yaml"))
    authors = support.git(repo, "log", "--format=%an", "--", path).split("\n")
    assert len([a for a in authors if a]) >= 3
    assert len({a for a in authors if a}) >= 2


def test_erased_customer_leaves_no_trace(demo: Any) -> None:
    from kototieto.demo.build import MUNICIPALITY
    from kototieto.demo.history import cast
    from kototieto.synthetic.generator import DatasetSpec

    out, result, records = demo
    repo = out / "repo"
    erased = result["erased_customer"]
    assert erased
    person = cast(DatasetSpec(SEED, TODAY, MUNICIPALITY), CUSTOMERS).customers
    customer = next(recs[0] for recs in person if recs[0].id == erased)
    secrets = [erased, customer.identifier.value, f"{customer.first_names} {customer.last_name}"]
    others = {f"{r.get('first_names')} {r.get('last_name')}" for r in records if r["kind"] == "customer"}
    if secrets[2] in others:  # another synthetic customer has the same name: only id and code are unique
        secrets.pop()
    assert not any(r.get("customer", r["id"]) == erased for r in records)
    blob = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"], cwd=repo, capture_output=True, check=True
    ).stdout
    assert len(blob) > 10_000
    for secret in secrets:
        assert secret.encode("utf-8") not in blob, secret
    for f in (repo / ".git").rglob("*"):
        if f.is_file() and "objects" not in f.parts:
            data = f.read_bytes()
            for secret in secrets:
                assert secret.encode("utf-8") not in data, (f, secret)
    log = (repo / "erasures.yaml").read_text(encoding="utf-8")
    assert "customer_sha256" in log and erased not in log


def test_pdfs_exist_with_their_headings(demo: Any) -> None:
    out, result, records = demo
    kinds = {r["id"]: r["kind"] for r in records}
    pdfs = sorted((out / "pdf").rglob("*.pdf"))
    assert [str(p) for p in pdfs] == sorted(result["pdfs"])
    langs = Counter(p.name.split(".")[-2] for p in pdfs)
    assert langs == {"fi": 3, "sv": 3, "en": 3}
    assert {kinds[p.name.split(".")[0]] for p in pdfs} == {
        "integration-plan",
        "multisectoral-plan",
        "family-plan",
    }
    for pdf in pdfs:
        record_id, lang, _ = pdf.name.split(".")
        text = PdfReader(pdf).pages[0].extract_text()
        assert kind_label(kinds[record_id], lang) in text, (pdf, text[:200])


def test_site_has_its_pages_with_fill_rates_and_comments(demo: Any) -> None:
    out, _, records = demo
    site = out / "site"
    assert (site / "index.html").is_file()
    for lang in ("fi", "sv", "en"):
        assert (site / lang / "index.html").is_file()
        for kind in ("customer", "integration-plan", "review", "guidance"):
            assert (site / lang / "kinds" / kind / "index.html").is_file(), (lang, kind)
    comments = (site / "fi" / "comments" / "index.html").read_text(encoding="utf-8")
    assert "Kielikahvilat" in comments
    plans = [r for r in support.live(records) if r["kind"] == "integration-plan"]
    with_goals = sum(1 for r in plans if r.get("goals"))
    page = (site / "fi" / "kinds" / "integration-plan" / "index.html").read_text(encoding="utf-8")
    assert f"{with_goals} / {len(plans)}" in page
    # the site is built with the repository's extension definitions: the pilot's field is there
    for lang, label in (("fi", "Digitaidot"), ("sv", "Digitala färdigheter"), ("en", "Digital skills")):
        page = (site / lang / "kinds" / "assessment" / "index.html").read_text(encoding="utf-8")
        assert label in page, lang


def test_reports_match_independent_counts(demo: Any) -> None:
    out, result, records = demo
    alive = support.live(records)
    stats = json.loads((out / "reports" / "stats.json").read_text(encoding="utf-8"))
    assert stats["by_kind"] == dict(Counter(r["kind"] for r in alive))
    assert stats["annulled"] == len(records) - len(alive) >= 1
    assert stats["outcomes"]["switched"] >= 1 and stats["outcomes"]["extended"] >= 1
    assert stats["employment_referrals"] == sum(1 for r in alive if "employment_referral" in r) >= 1
    due = json.loads((out / "reports" / "due.json").read_text(encoding="utf-8"))
    expected = support.oracle_due(records, 30, TODAY)
    assert due["counts"] == {k: expected.get(k, 0) for k in ("review-overdue", "review-due", "plan-ending")}
    fill = json.loads((out / "reports" / "fill-rates.json").read_text(encoding="utf-8"))
    entry = next(f for f in fill["fields"] if f["path"] == "measures.organiser.type")
    plans = [r for r in alive if r["kind"] in support.PLAN_KINDS]
    filled = sum(1 for r in plans if any("type" in m.get("organiser", {}) for m in r.get("measures", [])))
    assert (entry["filled"], entry["records"]) == (filled, len(plans))
    comp = json.loads((out / "reports" / "completeness.json").read_text(encoding="utf-8"))
    assert comp["records"] == len([r for r in alive if r["date"] >= comp["since"]])
    figures = result["figures"]
    assert figures["records"] == len(alive)
    assert figures["reviews_overdue"] == expected.get("review-overdue", 0)
    charts = sorted(p.name for p in (out / "reports" / "charts" / "fi").glob("*.svg"))
    assert charts == ["kinds.svg", "months.svg", "outcomes.svg", "services.svg"]


def test_demo_refuses_a_folder_that_is_not_a_demo(tmp_path: Path) -> None:
    with support.hermetic_env(tmp_path):
        target = tmp_path / "mine"
        target.mkdir()
        (target / "important.txt").write_text("keep me", encoding="utf-8")
        done = support.koto(tmp_path, "demo", str(target), "--customers", "6", "--no-site")
        assert done.returncode == 2
        assert (target / "important.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_the_demo_speaks_the_users_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make demo`'s progress lines and summary in Swedish and Finnish: no English word."""
    from tests.cli.test_no_english import english_words

    monkeypatch.setenv("KOTO_LANG", lang)
    with support.hermetic_env(tmp_path):
        done = support.koto(tmp_path, "demo", str(tmp_path / "out"), "--customers", "6", "--no-site")
    assert done.returncode == 0, done.stderr
    text = done.stdout + done.stderr
    assert "koto serve" in done.stdout and ("Datakatalog" if lang == "sv" else "Tietovarasto") in done.stdout
    extra = frozenset({"ready", "reports", "history", "events", "validated", "again", "open", "web", "app"})
    assert not english_words(text, extra), "\n".join(english_words(text, extra))
