"""`koto extension check` and `commit` in Finnish and Swedish: counts in their grammar and the
refusal to drop a field records use in the language (review 2026-12-newcomer A2). Real
repositories, real `koto` processes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from kototieto.store.extensions import commit_definitions
from kototieto.store.store import Store
from tests.cli.test_no_english import english_words

_spec = importlib.util.spec_from_file_location("ext_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def test_check_counts_and_commit_refusal_speak_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = S.make_repo(tmp_path / "r", {"pilot.yaml": S.DEFINITIONS})
    root = repo.root
    monkeypatch.setenv("KOTO_LANG", "fi")
    ok = S.koto(root, "extension", "check")
    assert ok.returncode == 0 and ok.stdout.startswith("kunnossa (laajennuskenttiä: "), ok.stdout
    broken = S.DEFINITIONS.replace("organisation: '091'", "organisation: 91", 1)
    assert broken != S.DEFINITIONS
    (root / "extensions" / "pilot.yaml").write_text(broken, encoding="utf-8")
    one = S.koto(root, "extension", "check")
    assert one.returncode == 5 and "koto: 1 ongelma laajennusten määrittelyissä" in one.stderr, one.stderr
    monkeypatch.setenv("KOTO_LANG", "sv")
    assert "koto: 1 problem i tilläggsdefinitionerna" in S.koto(root, "extension", "check").stderr

    (root / "extensions" / "pilot.yaml").write_text(S.DEFINITIONS, encoding="utf-8")
    commit_definitions(repo)
    assessment = S.first("assessment")
    customer = next(d for d in S.dataset() if d["id"] == assessment["customer"])
    store = Store(repo)
    store.save(customer)
    store.save(dict(assessment, extensions={"091.digital-skills": "basic"}))
    (root / "extensions" / "pilot.yaml").unlink()
    for lang, words in (("fi", "Tietueissa on lisäkenttiä"), ("sv", "Poster använder tilläggsfält")):
        monkeypatch.setenv("KOTO_LANG", lang)
        refused = S.koto(root, "extension", "commit", "-m", "pois")
        assert refused.returncode == 6 and words in refused.stderr, refused.stderr
        assert "091.digital-skills" in refused.stderr and "records use" not in refused.stderr


#: Definition files with one or more of every problem `extension check` names (issue 14): broken
#: in their form (a.yaml), against each other and the national model (b.yaml, c.yaml), not a mapping (d.yaml).
_BROKEN_FORM = (
    S.DEFINITIONS.replace("organisation: '091'", "organisation: 91")
    .replace("      sv: Digitala färdigheter\n", "")
    .replace("    obligation: may\n", "    obligation: maybe\n    colour: red\n")
    .replace("    type: boolean", "    type: yes-or-no")
    .replace("    need: mentoring\n", "")
    .replace("      - code: none", "      - code: None_")
    + "  - values:\n      - code: x\n        labels: {fi: x, sv: x, en: x}\n"
)
_BROKEN_TOGETHER = (
    S.DEFINITIONS.replace("[D1.13]", "[D9.99]")
    .replace("code: 091-digital-mentoring", "code: digital-mentoring")
    .replace("name: bike-owner", "name: literacy")
    .replace("en: Mentor's notes", "en: Literacy")
    .replace("code_list: digital-skill-level", "code_list: digital-skill-levels")
    + """\
  - name: levels
    labels: {fi: Tasot, sv: Nivåer, en: Levels}
    definitions: {fi: Tasot., sv: Nivåer., en: Levels.}
    values:
      - code: low
        labels: {fi: Matala, sv: Låg, en: Low}
      - code: low
        labels: {fi: Matala, sv: Låg, en: Low}
  - extends: plan-kind
    values:
      - code: 091-x
        labels: {fi: x, sv: x, en: x}
  - extends: no-such-list
    values:
      - code: 091-y
        labels: {fi: y, sv: y, en: y}
"""
)
#: A word of the English messages (beside test_no_english's general list) that must not be left in fi/sv.
_ENGLISH_TERMS = frozenset(
    [
        "declared",
        "twice",
        "appears",
        "national",
        "label",
        "clashes",
        "duplicate",
        "extension",
        "quoted",
        "mapping",
        "known",
        "start",
        "added",
        "serves",
        "field",
        "key",
        "hyphens",
        "digits",
        "letters",
        "lower",
        "case",
        "either",
        "needs",
        "input",
    ]
)
_ENGLISH_LINES = [
    "organisation: write the organisation code as quoted text, e.g. '091'",
    "fields[0].labels.sv: the sv text is missing (labels and definitions need fi, sv and en)",
    "fields[0].colour: unknown key 'colour'",
    "fields[0].obligation: Input should be 'may' or 'shall'",
    "fields[1].type: unknown type 'yes-or-no' (allowed: text, long-text, date, boolean, integer, "
    "decimal, code, or list-of-<type>)",
    "fields[2]: say what the field serves: decree_items (e.g. [D1.05]) or need",
    "code_lists[0].values[0].code: 'None_' is not allowed here: use lower-case letters, digits and hyphens",
    "code_lists[2]: give either name (a new code list) or extends (a national list's open end)",
    "code_lists[1].values[0].code: a code added to service-kind must start with '091-' "
    "(e.g. 091-digital-mentoring)",
    "code_lists[2].values[1].code: code 'low' appears twice",
    "code_lists[3].extends: the national list 'plan-kind' has no open end to extend (lists with one: ",
    "code_lists[4].extends: unknown national code list 'no-such-list'",
    "fields[0].code_list: unknown code list 'digital-skill-levels' (known: ",
    "fields[0].decree_items[0]: unknown decree item 'D9.99'",
    "fields[1].name: clashes with the national field 'literacy'; choose another name",
    "fields[2].labels.en: the label is the same as the national field 'literacy''s; an extension must "
    "not duplicate a national field",
    "code_lists[0].name: code list 091.digital-skill-level is declared twice (first in extensions/b.yaml:",
    "fields[0].name: 091.digital-skills is declared twice (first in extensions/b.yaml:",
    "extensions/d.yaml:1:1: a record file must hold one mapping of fields (this one is a list)",
]


def _broken_repo(tmp_path: Path) -> Path:
    files = {
        "a.yaml": _BROKEN_FORM,
        "b.yaml": _BROKEN_TOGETHER,
        "c.yaml": S.DEFINITIONS,
        "d.yaml": "- a list\n",
    }
    return Path(S.make_repo(tmp_path / "r", files).root)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_definition_problems_are_in_the_run_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    root = _broken_repo(tmp_path)
    monkeypatch.setenv("KOTO_LANG", lang)
    out = S.koto(root, "extension", "check")
    assert out.returncode == 5 and out.stderr.count("\n") >= len(_ENGLISH_LINES), out.stderr
    (root / "extensions" / "a.yaml").unlink()  # the rest: the example is checked once all else is right
    for name in ("b.yaml", "d.yaml"):
        (root / "extensions" / name).unlink()
    (root / "extensions" / "c.yaml").write_text(
        S.DEFINITIONS.replace("example: basic", "example: expert"), encoding="utf-8"
    )
    example = S.koto(root, "extension", "check")
    validate = S.koto(root, "validate")
    assert example.returncode == 5 and "expert" in example.stderr, example.stderr
    assert validate.returncode == 5 and "expert" in validate.stderr, validate.stderr
    text = out.stderr + example.stderr + validate.stderr
    assert not english_words(text, _ENGLISH_TERMS), "\n".join(english_words(text, _ENGLISH_TERMS))
    word = {"fi": "organisaation tunnus", "sv": "organisationens kod"}[lang]
    assert word in out.stderr and english_words("write the organisation code as quoted text", _ENGLISH_TERMS)


def test_definition_problems_keep_their_english_wording(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _broken_repo(tmp_path)
    monkeypatch.setenv("KOTO_LANG", "en")
    out = S.koto(root, "extension", "check")
    assert out.returncode == 5
    missing = [line for line in _ENGLISH_LINES if line not in out.stderr]
    assert not missing, (missing, out.stderr)
    assert "koto: 20 problem(s) in the extension definitions" in out.stderr, out.stderr
    (root / "extensions" / "a.yaml").write_text(S.DEFINITIONS.replace("example: basic", "example: expert"))
    for name in ("b.yaml", "c.yaml", "d.yaml"):
        (root / "extensions" / name).unlink()
    validate = S.koto(root, "validate")
    assert validate.returncode == 5, validate.stderr
    assert "1 problem(s) in the extension definitions; nothing was used:" in validate.stderr
    assert "fields[0].example: the example is not a valid value: " in validate.stderr, validate.stderr
