"""koto serve shows the library's errors in the page's language (``KotoError.localized``), not in
the language the server process happened to start with."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.store_git import _support as G

_spec = importlib.util.spec_from_file_location("web_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_a_sync_error_is_shown_in_the_pages_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    G.hermetic(tmp_path, monkeypatch)
    repo = G.make_repo(tmp_path / "r")
    c, state = S.client(repo.root)
    said = {}
    for lang in ("fi", "sv", "en"):
        c.cookies.set("koto_lang", lang)
        page = S.post_form(c, "/sync", [("csrf", S.csrf(state)), ("remote", "nope")])
        assert page.status_code == 409, page.text
        said[lang] = page.text
    assert "Etävarastoa &#39;nope&#39; ei ole" in said["fi"] or "Etävarastoa 'nope' ei ole" in said["fi"]
    assert "finns inte" in said["sv"] and "Fjärrförrådet" in said["sv"]
    assert "no remote named" in said["en"]
    assert "no remote named" not in said["fi"] + said["sv"]
