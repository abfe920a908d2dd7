"""Every word of the web app exists in Finnish, Swedish and English, and every word a template or
page asks for is defined (a missing one would be a server error in front of an official)."""

from __future__ import annotations

import re
from pathlib import Path

import kototieto.web
from kototieto.web.i18n import WORDS

WEB = Path(kototieto.web.__file__).parent


def test_every_word_is_written_in_three_languages_and_placeholders_agree() -> None:
    for key, text in WORDS.items():
        values = [text.fi, text.sv, text.en]
        assert all(v.strip() for v in values), key
        holes = [sorted(re.findall(r"\{(\w+)\}", v)) for v in values]
        assert holes[0] == holes[1] == holes[2], key
        assert text.fi != text.en or key in ("app",), key  # Finnish is not English left untranslated


def test_every_word_asked_for_is_defined() -> None:
    asked: set[str] = set()
    for f in (WEB / "templates").glob("*.j2"):
        asked |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", f.read_text(encoding="utf-8")))
    for f in WEB.glob("*.py"):
        asked |= set(
            re.findall(r"""(?:\br\.t|\bword)\(\s*["']([a-z_]+)["']""", f.read_text(encoding="utf-8"))
        )
    for f in (WEB / "templates").glob("*.j2"):  # t("st_" ~ status): every status of a comment
        if '"st_" ~' in f.read_text(encoding="utf-8"):
            asked |= {f"st_{s}" for s in ("open", "answered", "accepted", "rejected", "deferred")}
            asked |= {f"ob_{s}" for s in ("shall", "may", "conditional")}
    asked = {k for k in asked if not k.endswith("_")}  # a prefix joined with a value (above)
    assert len(asked) > 40
    assert sorted(asked - set(WORDS)) == []
