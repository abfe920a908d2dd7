"""The run's language, click's own texts, and the error hierarchy at the CLI boundary.

Every test runs the real ``koto`` executable in a hermetic HOME.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kototieto import i18n
from tests.store_git import _support as S


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = S.hermetic(tmp_path, monkeypatch)
    for var in ("KOTO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    return home


def run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return S.koto(cwd, *args, env=env)


def test_language_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("KOTO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    repo = tmp_path / "r"
    (repo / ".git").mkdir(parents=True)
    (repo / "koto.yaml").write_text("format_version: 1\nlanguages: [sv, fi]\n", encoding="utf-8")
    assert i18n.resolve_lang(None, tmp_path) == "fi"  # nothing set: Finnish
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert i18n.resolve_lang(None, tmp_path) == "en"  # system locale
    assert i18n.resolve_lang(None, repo / "customers") == "sv"  # koto.yaml beats the locale
    monkeypatch.setenv("KOTO_LANG", "en")
    assert i18n.resolve_lang(None, repo) == "en"  # KOTO_LANG beats koto.yaml
    assert i18n.resolve_lang("fi", repo) == "fi"  # --lang beats everything


def test_finnish_counts_and_babel_numbers() -> None:
    assert i18n.count(1, "error", "fi") == "1 virhe"
    assert i18n.count(2, "error", "fi") == "2 virhettä"
    assert i18n.count(2, "error", "sv") == "2 fel"
    assert i18n.count(1, "file", "en") == "1 file"
    assert i18n.count(12345, "record", "fi") == "12\xa0345 tietuetta"


def test_user_dates() -> None:
    import datetime as dt

    assert i18n.parse_user_date("2.12.2026") == dt.date(2026, 12, 2)
    assert i18n.parse_user_date("2026-12-02") == dt.date(2026, 12, 2)
    assert i18n.parse_user_date("30.2.2026") is None
    assert i18n.date_text(dt.date(2026, 3, 5), "fi") == "5.3.2026"


def test_click_usage_errors_and_help_follow_the_language(home: Path, tmp_path: Path) -> None:
    sv = run(tmp_path, "show", KOTO_LANG="sv")
    assert sv.returncode == 2
    assert "Användning: koto show" in sv.stderr and "Argument saknas" in sv.stderr
    assert "Usage" not in sv.stderr and "Missing" not in sv.stderr
    fi = run(tmp_path, "show", "--lang", "fi", "--nope")
    assert "Valitsinta '--nope' ei ole" in fi.stderr
    helped = run(tmp_path, "--help", "--lang", "sv").stdout
    assert "Poster:" in helped and "Rapporter:" in helped and "t.ex. koto new" in helped
    assert "Show this message" not in helped


def test_every_command_accepts_lang(home: Path, tmp_path: Path) -> None:
    from kototieto.cli.main import COMMANDS

    for name in COMMANDS:
        out = run(tmp_path, name, "--help", "--lang", "sv")
        assert out.returncode == 0, (name, out.stderr)
        assert "--lang" in out.stdout, name


def _section(text: str, title: str) -> list[str]:
    """The lines of one ``title:`` section of a click help page."""
    lines: list[str] = []
    inside = False
    for line in text.splitlines():
        if line and not line.startswith(" "):
            inside = line.rstrip() == f"{title}:"
            continue
        if inside and line.strip():
            lines.append(line)
    return lines


#: English words typical of option texts, on top of test_no_english's list.
HELP_WORDS = frozenset(
    [
        "a",
        "by",
        "default",
        "every",
        "folder",
        "for",
        "folders",
        "include",
        "into",
        "keep",
        "language",
        "languages",
        "list",
        "one",
        "output",
        "print",
        "read",
        "repeatable",
        "skip",
        "table",
        "their",
        "these",
        "those",
        "where",
        "who",
        "whose",
    ]
)


def test_every_help_page_has_its_options_in_swedish(home: Path, tmp_path: Path) -> None:
    """Every command's and subcommand's ``--help`` in sv: no English word in the option texts
    (option names, metavars, codes, paths and `commands` are allowed; see test_no_english)."""
    from kototieto.cli.main import COMMANDS
    from tests.cli.test_no_english import english_words

    assert english_words("  -o, --output FILE  Write to a file.")  # the check can fail
    todo = [(name,) for name in sorted(COMMANDS)]
    seen: list[tuple[str, ...]] = []
    found: list[str] = []
    while todo:
        path = todo.pop(0)
        out = run(tmp_path, *path, "--help", KOTO_LANG="sv")
        assert out.returncode == 0, (path, out.stderr)
        seen.append(path)
        options = _section(out.stdout, "Flaggor")
        assert any("--help" in line for line in options), (path, out.stdout)
        found += [f"koto {' '.join(path)}: {word}" for word in english_words("\n".join(options), HELP_WORDS)]
        for line in _section(out.stdout, "Kommandon"):
            todo.append((*path, line.split()[0]))
    assert ("comment", "round", "create") in seen and ("report", "due") in seen
    assert not found, "\n".join(found)


def test_unwritable_output_is_one_line_with_an_exit_code(home: Path, tmp_path: Path) -> None:
    out = run(tmp_path, "catalogue", "change-paper", "-o", str(tmp_path / "nope" / "x.md"), KOTO_LANG="fi")
    assert out.returncode == 11, out.stderr
    assert "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and "Kansiota tai tiedostoa ei ole" in out.stderr


def test_errors_under_json_are_json(home: Path, tmp_path: Path) -> None:
    out = run(tmp_path, "show", "x", "--json", KOTO_LANG="sv")
    assert out.returncode == 4
    body = json.loads(out.stderr)
    assert body["error"] == "no-repository" and body["exit_code"] == 4 and body["message"]


def test_unexpected_error_names_a_log_and_debug_shows_the_traceback(home: Path, tmp_path: Path) -> None:
    # A record id that is a folder: reading it as a file fails in a way the tool does not expect.
    code = "import sys; from kototieto.cli.main import main; import kototieto.cli.cmd_read as r; "
    code += "r.show.callback = lambda **kw: 1 / 0; sys.argv = ['koto'] + sys.argv[1:]; main()"
    env = dict(os.environ, KOTO_LANG="en", HOME=str(home))
    out = subprocess.run([sys.executable, "-c", code, "show", "x"], capture_output=True, text=True, env=env)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr and "ZeroDivisionError" in out.stderr
    log = Path(out.stderr.split("details are in ")[1].split(";")[0])
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")
    debug = subprocess.run(
        [sys.executable, "-c", code, "--debug", "show", "x"], capture_output=True, text=True, env=env
    )
    assert "Traceback" in debug.stderr and debug.returncode == 1


def test_ctrl_c_exits_130(home: Path, tmp_path: Path) -> None:
    repo = tmp_path / "r"
    S.make_repo(repo)
    editor = tmp_path / "slow-editor"
    editor.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    editor.chmod(0o755)
    env = dict(os.environ, EDITOR=str(editor), KOTO_LANG="fi")
    proc = subprocess.Popen(
        [S.KOTO, "new", "customer"],
        cwd=repo,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    time.sleep(2.5)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Keskeytetty" in err and "Traceback" not in err
