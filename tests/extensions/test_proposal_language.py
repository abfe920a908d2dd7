"""`koto extension propose` in the run's language with no English words left in fi/sv, a rationale in
three languages (or marked as one text with rows for the others), and `extension check` suggesting
the right prefixed code (review 2026-12-newcomer, C3). Real repositories, real `koto` processes."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from kototieto.store.extensions import commit_definitions
from tests.extensions import _support as S

THREE = """rationale:
      fi: Useimmat julkiset palvelut ovat ensisijaisesti digitaalisia.
      sv: De flesta offentliga tjänster är i första hand digitala."""


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def _repo(tmp_path: Path, definitions: str) -> Path:
    repo = S.make_repo(tmp_path / "r", {"pilot.yaml": definitions})
    commit_definitions(repo, author="Pilotti Ylläpitäjä <yllapito@example.org>")
    return Path(repo.root)


def _koto(root: Path, *args: str, lang: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KOTO_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    if lang:
        env["KOTO_LANG"] = lang
    out = subprocess.run([S.KOTO, *args], cwd=root, capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr
    return out


def _head(text: str) -> str:
    """The proposal's facts (before the definitions table) and the code list's header row, without
    `code` spans (ids and codes are shown as they are)."""
    facts = text.split("\n## ", 1)[0]
    header = next(
        (line for line in text.splitlines() if line.startswith("| ") and "| fi | sv | en |" in line), ""
    )
    return re.sub(r"`[^`]*`", "", facts + "\n" + header)


@pytest.mark.parametrize(
    ("lang", "title"), [("fi", "# Ehdotus kansalliseksi"), ("sv", "# Förslag till nationell")]
)
def test_proposal_in_the_run_language_has_no_english_words(tmp_path: Path, lang: str, title: str) -> None:
    root = _repo(tmp_path, S.DEFINITIONS)
    text = _koto(root, "extension", "propose", "091.digital-skills", lang=lang).stdout
    assert text.startswith(title), text[:200]
    head = _head(text)
    for english in ("assessment", "code", "may", "in-trial", "in trial", "Record kinds", "Type"):
        assert not re.search(rf"(?<![\w-]){re.escape(english)}(?![\w-])", head), (english, head)
    kinds = {"fi": "Osaamisen ja kotoutumisen palvelutarpeen arviointi", "sv": "Bedömning av kompetens"}
    assert kinds[lang] in head
    assert {"fi": "vapaaehtoinen", "sv": "frivillig"}[lang] in head
    assert {"fi": "kokeilussa", "sv": "på försök"}[lang] in head
    assert {"fi": "| Koodi | fi | sv | en |", "sv": "| Kod | fi | sv | en |"}[lang] in text


def test_default_language_is_the_repository_one_not_english(tmp_path: Path) -> None:
    root = _repo(tmp_path, S.DEFINITIONS)
    # no --lang, no KOTO_LANG, no LANG: the repository's first language (koto.yaml: fi, sv, en)
    assert _koto(root, "extension", "propose", "091.digital-skills", lang=None).stdout.startswith("# Ehdotus")
    english = _koto(root, "extension", "propose", "091.digital-skills", "--lang", "en", lang="fi").stdout
    assert english.startswith("# Proposal for the national catalogue")


def test_rationale_in_three_languages_or_marked_as_one_text(tmp_path: Path) -> None:
    plain = "rationale: Most public services are digital first; the pilot refers people to digital mentoring."
    assert plain in S.DEFINITIONS
    root = _repo(tmp_path, S.DEFINITIONS.replace(plain, THREE))
    fi = _koto(root, "extension", "propose", "091.digital-skills", lang="fi").stdout
    assert "| fi | Useimmat julkiset palvelut ovat ensisijaisesti digitaalisia. |" in fi
    assert "| sv | De flesta offentliga tjänster är i första hand digitala. |" in fi
    assert "| en | _(kirjoitettava)_ |" in fi  # the missing translation is a row to fill in
    sv = _koto(root, "extension", "propose", "091.digital-skills", lang="sv").stdout
    assert "| en | _(ska skrivas)_ |" in sv
    # the catalogue and the site show the rationale in the reader's language
    page = _koto(root, "catalogue", "--json", "--data", ".", lang="sv").stdout
    assert "De flesta offentliga tjänster" in page

    one = _koto(root, "extension", "propose", "091.bike-owner", lang="fi").stdout
    assert "kieltä ei ole merkitty" in one and "> Travel to training in sparsely populated areas." in one
    assert one.count("_(kirjoitettava)_") == 3


def test_check_suggests_the_organisation_prefix_instead_of_another(tmp_path: Path) -> None:
    root = tmp_path / "r"
    S.make_repo(root, {"pilot.yaml": S.DEFINITIONS.replace("091-digital-mentoring", "905-digital-mentoring")})
    out = S.koto(root, "extension", "check")
    assert out.returncode == 5
    assert "(e.g. 091-digital-mentoring)" in out.stderr, out.stderr
    assert "091-905-" not in out.stderr
    (root / "extensions" / "pilot.yaml").write_text(
        S.DEFINITIONS.replace("091-digital-mentoring", "digital-mentoring"), encoding="utf-8"
    )
    assert "(e.g. 091-digital-mentoring)" in S.koto(root, "extension", "check").stderr


def test_extension_list_in_finnish(tmp_path: Path) -> None:
    root = _repo(tmp_path, S.DEFINITIONS)
    text = _koto(root, "extension", "list", lang="fi").stdout
    assert "koodisto (3 arvoa)" in text and "avoimeen loppuun: Digimentorointi" in text
    assert "kokeilussa" in text
    for english in ("code list", "open-end", "values", "in trial"):
        assert english not in text, (english, text)


def test_a_wrong_rationale_gets_one_clear_problem(tmp_path: Path) -> None:
    plain = "rationale: Most public services are digital first; the pilot refers people to digital mentoring."
    root = tmp_path / "r"
    S.make_repo(root, {"pilot.yaml": S.DEFINITIONS.replace(plain, "rationale: {de: Begründung}")})
    out = S.koto(root, "extension", "check")
    assert out.returncode == 5
    lines = [line for line in out.stderr.splitlines() if "rationale" in line]
    assert len(lines) == 1 and "unknown key 'de'" in lines[0], out.stderr
