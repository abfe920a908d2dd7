"""The write path (`koto commit`, `koto add`, the pre-commit hook) and `koto validate` accept and
refuse exactly the same record files, with one message and never a traceback (issue 11, item 7)."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kototieto.store import layout
from kototieto.store.yamlio import new_document_text

_spec = importlib.util.spec_from_file_location(
    "store_git_support", Path(__file__).parent.parent / "store_git" / "_support.py"
)
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

pytestmark = pytest.mark.slow

# name -> (old text, new text) in a valid customer record; expected: None = accepted, else words.
CASES: dict[str, tuple[str, str, str | None]] = {
    "comment between key and value, blank line": (
        "first_names: Testi\n",
        "first_names:\n  # etunimet\n\n  Teemu\n",
        None,
    ),
    "yaml 1.3 directive": ("kind: customer\n", "%YAML 1.3\n---\nkind: customer\n", "%YAML"),
    "tab at the start of a literal block line": (
        "last_name: Asiakas\n",
        "last_name: |-\n  Asiakas\n\tToinen\n",
        "Tab",
    ),
    "trailing tab after a value": ("first_names: Testi\n", "first_names: Tuomas\t\n", None),
}


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


@pytest.mark.parametrize("name", list(CASES))
def test_write_path_and_validate_agree(name: str, tmp_path: Path) -> None:
    old, new, words = CASES[name]
    root = Path(S.make_repo(tmp_path / "r").root)
    cid = "c-0a1b2c3d"
    rel = layout.record_path(cid, cid)
    good = new_document_text(S.customer(cid), None)
    assert old in good
    outside = tmp_path / "good.yaml"
    outside.write_text(good)
    assert S.koto(root, "add", str(outside)).returncode == 0
    text = good.replace(old, new)

    base = S.git(root, "rev-parse", "HEAD").strip()

    def fresh() -> None:  # back to the valid record (a test repository of its own)
        S.git(root, "reset", "-q", "--hard", base)

    results: dict[str, subprocess.CompletedProcess[str]] = {}
    (root / rel).write_text(text)
    results["validate"] = S.koto(root, "validate")
    results["commit"] = S.koto(root, "commit", rel)
    fresh()
    outside.write_text(text)
    results["add"] = S.koto(root, "add", "--replace", str(outside))
    fresh()
    (root / rel).write_text(text)
    S.git(root, "add", rel)
    results["hook"] = subprocess.run(
        ["git", "commit", "-m", "by hand"], cwd=root, capture_output=True, text=True, check=False
    )
    for what, out in results.items():
        assert "Traceback" not in out.stderr, (what, out.stderr)
        if words is None:
            assert out.returncode == 0, (what, out.stderr)
        else:
            assert out.returncode != 0, (what, out.stdout)
            assert words in out.stderr or words in out.stdout, (what, out.stderr, out.stdout)
