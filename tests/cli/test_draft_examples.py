"""A new record's draft: its examples fit the repository and today, and what the template leaves
behind is not committed (review 2026-12-newcomer, A6 end and C5).

Real `koto new` processes in a real repository of Vaasa (905) with a Python script as `$EDITOR`:

- every example line of every kind's draft is uncommented (a plain text change: the leading "# "
  removed from each commented line but the header and the "# ──" labels) and saved. Accepted as
  caused by the examples: nothing. So the save must succeed (no error) in every kind, for a customer
  with an assessment and a plan. Warnings may remain: the examples of a review show every possible
  outcome at once, and a plan that ends has no next review (a warning). Checked as well: no
  "Helsingin", no date of the examples more than two years from today (dates of birth aside), a plan
  timing with a date has no reason; for a customer with no assessment or plan, a new plan's draft
  offers no `assessment` / `previous_plan` to uncomment (there is nothing to refer to);
- a draft whose template lines were emptied instead of deleted, with a values note and a label
  uncommented, is committed without blank-line runs or scaffolding; a blank line inside a block
  text is kept (it is content).
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from kototieto.model.rules import ALL_KINDS
from tests.store_git import _support as S

EDITOR = r"""
import json, os, sys
from pathlib import Path
target, log = Path(sys.argv[-1]), Path(os.environ["DRAFT_LOG"])
text = target.read_text(encoding="utf-8")
with log.open("a", encoding="utf-8") as fh:
    fh.write(json.dumps(text) + "\n")
if "# koto: " in text:  # the save was refused: the test reads why from the log; cancel
    target.write_text("", encoding="utf-8")
    sys.exit(0)
mode = os.environ["DRAFT_MODE"]
out = []
for line in text.splitlines():
    head = line.startswith(("# yaml-language-server", "# ──")) or not line.startswith("# ")
    if mode == "uncomment":
        out.append(line if head or line.startswith("# Uusi") else line[2:])
    elif mode == "tidy":  # fill four fields; empty every other template line instead of deleting it
        keep = ("# identifier:", "#   type: personal-identity-code", "#   value:", "# first_names:", "# last_name:",
                "# date_of_birth:")
        if line.startswith(keep):
            out.append(line[2:])
        else:
            out.append(line if head and not line.startswith("# ──") else "")
    elif mode == "block":  # every example, labels emptied, other content a text with a paragraph break
        if line.startswith("# other_content:"):
            out += ["", "", "other_content: |", "  Ensimmäinen kappale.", "", "  Toinen kappale.", "", ""]
        elif line.startswith("# ──"):
            out += ["", ""]
        else:
            out.append(line if head or line.startswith("# Uusi") else line[2:])
# each customer an identity code of its own (the example's code twice is a duplicate person)
hetu = os.environ.get("DRAFT_HETU")
out = [f"  value: {hetu}" if hetu and line.startswith("  value: ") and "-9" in line else line for line in out]
target.write_text("\n".join(out) + "\n", encoding="utf-8")
"""
TODAY = date.today()


@pytest.fixture(scope="module")
def vaasa(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """A Vaasa repository with one generated customer (an assessment and a plan among their records)."""
    tmp = tmp_path_factory.mktemp("vaasa")
    mp = pytest.MonkeyPatch()
    S.hermetic(tmp, mp)
    root = tmp / "r"
    S.make_repo(root, organisation_code="905", name="Vaasan kaupunki")
    out = S.koto(root, "generate", "--customers", "1", "--out", ".", "--organisation", "905")
    assert out.returncode == 0, out.stderr
    assert S.koto(root, "commit", "-m", "generated").returncode == 0
    folder = next((root / "customers").glob("*/*"))
    kinds = {yaml.safe_load(p.read_text(encoding="utf-8"))["kind"] for p in folder.glob("*.yaml")}
    assert {"assessment", "integration-plan"} <= kinds, kinds
    script = tmp / "editor.py"
    script.write_text(EDITOR, encoding="utf-8")
    yield root, folder.name, script
    mp.undo()


_HETUS = iter(range(950, 1000))


def _next_hetu() -> str:
    """A synthetic identity code of the example's day of birth (1.1.1990; individual number 950-999)
    not used before in this module."""
    number = next(_HETUS)
    return f"010190-{number}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[int(f'010190{number}') % 31]}"


def _new(root: Path, script: Path, mode: str, kind: str, *args: str) -> tuple[Any, list[str]]:
    log = root.parent / f"seen-{kind}-{mode}.jsonl"
    log.unlink(missing_ok=True)
    env = {
        "EDITOR": f"{sys.executable} {script}",
        "DRAFT_LOG": str(log),
        "DRAFT_MODE": mode,
        "KOTO_LANG": "fi",
        "XDG_CONFIG_HOME": str(root.parent / "no-profile"),
    }
    env["DRAFT_HETU"] = _next_hetu()
    out = S.koto(root, "new", kind, *args, env=env)
    seen = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
    return out, seen


def _saved(root: Path, stdout: str) -> Path:
    match = re.search(r"(customers/\S+\.yaml)", stdout)
    assert match, stdout
    return root / match[1]


def _dates(value: Any, key: str = "") -> list[tuple[str, date]]:
    if isinstance(value, dict):
        return [d for k, v in value.items() for d in _dates(v, k)]
    if isinstance(value, list):
        return [d for v in value for d in _dates(v, key)]
    return [(key, value)] if isinstance(value, date) else []


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_uncommenting_every_example_is_no_error(vaasa: tuple[Path, str, Path], kind: str) -> None:
    root, cid, script = vaasa
    args = () if kind == "customer" else ("--customer", cid)
    out, seen = _new(root, script, "uncomment", kind, *args)
    errors = [line for text in seen for line in text.splitlines() if line.startswith("# koto: ")]
    assert out.returncode == 0 and not errors, (errors, out.stderr)
    shown = seen[0]
    assert "Helsingin" not in shown and "Vaasan kaupunki" in shown
    text = _saved(root, out.stdout).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for key, day in _dates(data):
        if key != "date_of_birth":
            assert abs(day - TODAY) <= timedelta(days=731), (key, day)
    for timing in (data.get("plan_timing"), data.get("family_plan_timing")):
        if isinstance(timing, dict) and "date" in timing:
            assert "reason" not in timing and "justification" not in timing, timing
    if "drawn_up_by" in data:
        assert data["drawn_up_by"][0]["organisation"].startswith("Vaasan kaupunki")
    if kind == "customer":
        assert data["home_municipality"] == "905"


def test_plan_draft_of_a_customer_without_records_offers_no_reference(vaasa: tuple[Path, str, Path]) -> None:
    root, _, script = vaasa
    out, _ = _new(root, script, "uncomment", "customer")
    assert out.returncode == 0, out.stderr
    cid = _saved(root, out.stdout).stem
    out, seen = _new(root, script, "uncomment", "integration-plan", "--customer", cid)
    assert "\n# assessment:" not in seen[0] and "\n# previous_plan:" not in seen[0]
    assert out.returncode == 0, (out.stderr, [x for x in seen[-1].splitlines() if x.startswith("# koto")])


def test_committed_draft_has_no_blank_runs_or_scaffolding(vaasa: tuple[Path, str, Path]) -> None:
    root, _, script = vaasa
    out, seen = _new(root, script, "tidy", "customer")
    assert out.returncode == 0, out.stderr
    assert len(seen) == 1  # saved at the first try: the emptied lines were blank-line runs
    text = _saved(root, out.stdout).read_text(encoding="utf-8")
    assert (
        "\n\n\n" not in text
        and not text.startswith("\n")
        and text.endswith("\n")
        and not text.endswith("\n\n")
    )
    comments = [
        line for line in text.splitlines() if "#" in line and not line.startswith("# yaml-language-server")
    ]
    assert comments == [], comments  # no "# arvot: ..." note, no label
    data = yaml.safe_load(text)
    assert data["identifier"]["type"] == "personal-identity-code" and data["last_name"]


def test_blank_line_inside_a_block_text_is_kept(vaasa: tuple[Path, str, Path]) -> None:
    root, cid, script = vaasa
    out, seen = _new(root, script, "block", "integration-plan", "--customer", cid)
    assert out.returncode == 0, (out.stderr, seen[-1][:400])
    text = _saved(root, out.stdout).read_text(encoding="utf-8")
    assert "\n\n\n" not in text
    assert yaml.safe_load(text)["other_content"] == "Ensimmäinen kappale.\n\nToinen kappale.\n"


def test_a_review_after_a_family_plan_shows_no_plan_switch(vaasa: tuple[Path, str, Path]) -> None:
    """Only an integration plan may switch kind: when the customer's newest plan is a family plan,
    the review's examples leave the switch out, so uncommenting them is still no error."""
    root, _, script = vaasa
    out, _ = _new(root, script, "uncomment", "customer")  # a customer of their own: one plan only
    assert out.returncode == 0, out.stderr
    cid = _saved(root, out.stdout).stem
    out, _ = _new(root, script, "uncomment", "family-plan", "--customer", cid)
    assert out.returncode == 0, out.stderr
    out, seen = _new(root, script, "uncomment", "review", "--customer", cid)
    assert "# plan_switch:" not in seen[0]
    errors = [line for text in seen for line in text.splitlines() if line.startswith("# koto: ")]
    assert out.returncode == 0 and not errors, (errors, out.stderr)
