"""The README's CLI tour, followed in Swedish: every line koto prints on the way is Swedish.

A Swedish-speaking official (``KOTO_LANG=sv``) sets up a profile and a repository, fills it with
synthetic records, finds and reads a customer, writes a new customer and edits a record in the
editor, annuls and restores, validates, prints, reports, shares the repository through a bare
remote and a second clone, and looks at the code lists and comments. Each command must succeed and
its output must hold none of the English words of ``test_no_english.ENGLISH`` (codes, ids, paths
and quoted values are taken out first). The success paths complement test_no_english.py's
failure paths.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.cli.test_no_english import english_words
from tests.store_git import _support as S

#: Words that show English in a success line but are not in ENGLISH (status words of the tour).
TOUR_ENGLISH = frozenset(
    {
        "saved",
        "pushed",
        "generated",
        "wrote",
        "annulled",
        "restored",
        "rows",
        "table",
        "tables",
        "none",
        "shall",
        "may",
        "conditional",
    }
)

FILL_CUSTOMER = r"""
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
if "first_names: Signe" in text:
    sys.exit(0)  # a second round: leave the draft as it is
def uncomment(text, key):
    lines, out, inside = text.splitlines(), [], False
    for line in lines:
        if re.match(rf"# {key}:", line):
            out.append(line[2:]); inside = True; continue
        if inside and re.match(r"#   ", line):
            out.append(line[2:]); continue
        inside = False
        out.append(line)
    return "\n".join(out) + "\n"
for key in ("identifier", "first_names", "last_name", "date_of_birth", "native_language",
            "citizenships", "home_municipality", "registered_jobseeker", "interpretation_needed"):
    text = uncomment(text, key)
text = re.sub(r"(?m)^(\s+value:) .*$", r"\1 150388-931U", text, count=1)
text = re.sub(r"(?m)^first_names: .*$", "first_names: Signe", text)
text = re.sub(r"(?m)^last_name: .*$", "last_name: Testström", text)
text = re.sub(r"(?m)^date_of_birth: .*$", "date_of_birth: 1988-03-15", text)
text = re.sub(r"(?m)^home_municipality: .*$", "home_municipality: '905'", text)
text = re.sub(r"(?m)^interpretation_needed: .*$", "interpretation_needed: false", text)
open(path, "w", encoding="utf-8").write(text)
"""

EDIT_LAST_NAME = r"""
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace("last_name: Testström", "last_name: Teststrand"))
"""


_VERSION = re.compile(r"\b\d{4}\.\d+-\w+\b")  # the catalogue's version name, e.g. 2026.12-draft


def _field_paths() -> re.Pattern[str]:
    """Field paths (`changes`, `family_plan_need.needed`) as the fill-rates table names them: names,
    not language."""
    from kototieto.model.catalogue import catalogue_json

    paths = sorted({f["path"] for f in catalogue_json()["fields"]}, key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, paths)) + r")(?![\w.-])")


_PATHS = _field_paths()


def _editor(tmp: Path, name: str, script: str) -> str:
    path = tmp / f"{name}.py"
    path.write_text(script, encoding="utf-8")
    return f"{sys.executable} {path}"


@pytest.fixture
def tour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    S.hermetic(tmp_path, monkeypatch)
    return tmp_path


def test_the_readme_tour_in_swedish_prints_no_english(tour: Path) -> None:
    leaks: list[str] = []
    sv = {"KOTO_LANG": "sv", "COLUMNS": "200"}  # a wide terminal: table cells are not wrapped

    def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> str:
        out = S.koto(cwd, *args, env={**sv, **(env or {})})
        assert out.returncode == 0, (args, out.stdout, out.stderr)
        text = _PATHS.sub(" ", _VERSION.sub(" ", out.stdout + out.stderr))
        leaks.extend(f"koto {' '.join(args)}: {w}" for w in english_words(text, TOUR_ENGLISH))
        return text

    run(tour, "profile", "--name", "Sara Sandström", "--email", "sara@vasa.example")
    run(tour, "init", "kommun", "--organisation", "905")
    repo = tour / "kommun"
    run(repo, "generate", "--customers", "3", "--organisation", "905", "--out", ".")
    run(repo, "commit")
    listing = run(repo, "list")
    customer = re.search(r"\bc-[0-9a-f]{8}\b", listing)
    plan = re.search(r"\bpln-\d{8}-[0-9a-f]{8}\b", listing)
    assert customer and plan, listing
    run(repo, "list", "--kind", "integration-plan")
    run(repo, "find", customer[0])
    run(repo, "show", customer[0])
    run(repo, "show", plan[0])
    run(repo, "log", plan[0])

    new = run(repo, "new", "customer", env={"EDITOR": _editor(tour, "fill", FILL_CUSTOMER)})
    created = re.search(r"\bc-[0-9a-f]{8}\b", new)
    assert created, new
    run(repo, "edit", created[0], env={"EDITOR": _editor(tour, "edit", EDIT_LAST_NAME)})
    run(repo, "log", created[0])
    run(repo, "diff", created[0], "1", "2")
    run(repo, "show", f"{created[0]}@1")
    run(repo, "annul", created[0], "--reason", "Fel kund", "--date", "2.12.2026")
    run(repo, "restore", created[0], "--version", "2")
    run(repo, "drafts")

    run(repo, "validate")
    run(repo, "check", *(str(p) for p in sorted(repo.glob("customers/*/*/*.yaml"))[:3]))
    for name in ("due", "completeness", "stats", "fill-rates"):
        run(repo, "report", name)
    run(repo, "codes")
    run(repo, "codes", "plan-timing")
    run(repo, "catalogue")
    pdf = tour / "plan.pdf"
    run(repo, "render", plan[0], "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")

    remote = tour / "remote.git"
    S.git(tour, "init", "-q", "--bare", "--initial-branch=main", str(remote))
    S.git(repo, "remote", "add", "origin", str(remote))
    run(repo, "sync")
    S.git(tour, "clone", "-q", str(remote), "klon")
    run(tour / "klon", "sync")
    run(tour / "klon", "list")
    run(repo, "comment", "list")
    run(repo, "config", "set", "rules.review_interval_months", "4")

    assert not leaks, "\n".join(leaks)
