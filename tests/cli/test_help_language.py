"""Every ``--help`` page of every koto command and subcommand is in the user's language.

The command tree is walked through click (the lazily imported commands of ``koto`` and their
subcommands, hidden ones too) and each page is printed in-process through
``kototieto.cli.main.main``, the ``koto`` entry point, with ``KOTO_LANG`` set. In fi and sv a page
may hold no English word (``english_words`` of test_no_english plus HELP_WORDS) and no English
placeholder: every upper-case word must be a Finnish or Swedish placeholder (cli/messages.py's
METAVARS, the usage line's own) or one that reads the same in every language (NEUTRAL). The
English pages stay English, and show the English of cli/help_texts.py's HELP, so a changed
docstring asks for new translations.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from kototieto.cli import help_texts as H
from kototieto.cli import messages as M
from kototieto.cli.main import COMMAND_HELP, OPTIONS_METAVAR, SUBCOMMAND_METAVAR, cli, main
from tests.cli.test_no_english import english_words

# Words common in help texts, on top of test_no_english's list.
HELP_WORDS = frozenset(
    {
        "print",
        "list",
        "default",
        "for",
        "into",
        "each",
        "every",
        "as",
        "are",
        "it",
        "its",
        "their",
        "your",
        "folder",
        "field",
        "fields",
        "comment",
        "thread",
        "threads",
        "round",
        "reply",
        "settle",
        "build",
        "remove",
        "set",
        "read",
        "run",
        "language",
        "languages",
        "kind",
        "kinds",
        "name",
        "names",
        "without",
        "within",
        "days",
        "day",
        "table",
        "tables",
        "template",
        "definition",
        "extension",
        "output",
        "exit",
        "code",
        "lists",
        "new",
        "old",
        "changed",
        "current",
        "one",
        "only",
        "here",
        "help",
        "arguments",
    }
)

# Upper-case words that read the same in fi, sv and en: abbreviations, formats, environment
# variables, Git's words.
NEUTRAL = frozenset(
    {
        "ID",
        "JSON",
        "YAML",
        "CSV",
        "XLSX",
        "PDF",
        "UA",
        "HTML",
        "URL",
        "BOM",
        "ISO",
        "HEAD",
        "README",
        "KOTO_LANG",
        "EDITOR",
        "VISUAL",
        "CPU",
        "CI",
    }
)

LANGS = ("fi", "sv")


def _placeholders(lang: str) -> frozenset[str]:
    index = LANGS.index(lang)
    words: set[str] = set()
    for text in (
        *(local[index] for local in M.METAVARS.values()),
        OPTIONS_METAVAR.get(lang),
        SUBCOMMAND_METAVAR.get(lang),
        M.DATE_METAVAR.get(lang),
    ):
        words.update(_UPPER.findall(text))
    return frozenset(words)


_UPPER = re.compile(r"(?<![\w<{%-])[A-ZÅÄÖ][A-ZÅÄÖ0-9_]+(?![\w>}])")


def command_paths() -> list[tuple[str, ...]]:
    """Every command path under ``koto`` (the root as ``()``), hidden commands included."""
    ctx = click.Context(cli)
    paths: list[tuple[str, ...]] = []

    def walk(cmd: click.Command, path: tuple[str, ...]) -> None:
        paths.append(path)
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(ctx):
                sub = cmd.get_command(ctx, name)
                assert sub is not None, name
                walk(sub, (*path, name))

    walk(cli, ())
    return paths


PATHS = command_paths()


@pytest.fixture
def koto_help(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> object:
    """``koto_help(path, lang, *extra)``: the page ``koto PATH --help`` prints with KOTO_LANG=lang."""
    monkeypatch.chdir(tmp_path)  # no koto.yaml around to choose the language

    def run(path: tuple[str, ...], lang: str, *extra: str) -> str:
        monkeypatch.setenv("KOTO_LANG", lang)
        try:
            code = main([*path, "--help", *extra])
        except SystemExit as exc:
            code = exc.code
        out = capsys.readouterr()
        assert code in (0, None), (path, out.err)
        assert not out.err, out.err
        return out.out

    return run


COMMAND_NAMES = frozenset(name for path in PATHS for name in path)
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")
_KOTO_LINE = re.compile(r"^\s*(?:\S+:\s+|esim\.\s+|t\.ex\.\s+|e\.g\.\s+)?koto\b.*$")
_COMMAND_ROW = re.compile(r"^(\s{2,})([a-z][a-z-]*)(?=\s{2,}|$)")


def _language_part(page: str) -> str:
    """The page without what is not language: Finnish and Swedish words (with å, ä, ö), usage and
    example lines (``koto ...``), and the command names in command lists."""
    lines = []
    page = re.sub(r"`[^`]*`", " ", page)  # commands, also when wrapped over two lines
    for line in page.splitlines():
        line = _KOTO_LINE.sub(" ", line)
        row = _COMMAND_ROW.match(line)
        if row and row.group(2) in COMMAND_NAMES:
            line = line[row.end() :]
        lines.append(_NON_ASCII_WORD.sub(" ", line))
    return "\n".join(lines)


def english_in_help(page: str) -> list[str]:
    return english_words(_language_part(page), HELP_WORDS)


def _norm(text: str) -> str:
    return re.sub(r"-\s+", "-", " ".join(text.replace("\b", "").split()))  # click wraps at hyphens


def test_the_tree_is_walked() -> None:
    names = {" ".join(p) for p in PATHS}
    assert {"", "new", "comment add", "comment round create", "report due", "import file"} <= names
    assert len(PATHS) > 60


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "koto")
def test_help_page_has_no_english(koto_help: object, path: tuple[str, ...], lang: str) -> None:
    page = koto_help(path, lang)  # type: ignore[operator]
    words = english_in_help(page)
    assert not words, "\n".join(words)
    allowed = NEUTRAL | _placeholders(lang)
    english = [f"{word} <- {line.strip()}" for line in page.splitlines() for word in _UPPER.findall(line)]
    english = [w for w in english if w.split(" <- ")[0] not in allowed]
    assert not english, "\n".join(english)


@pytest.mark.parametrize("path", PATHS[1:], ids=lambda p: " ".join(p))
def test_every_command_has_a_description_in_fi_and_sv(koto_help: object, path: tuple[str, ...]) -> None:
    name = " ".join(path)
    text = H.HELP.get(name) or COMMAND_HELP.get(name)
    assert text is not None, f"no fi/sv description of `koto {name}` in cli/help_texts.py HELP"
    for lang in LANGS:
        assert text.get(lang) != text.get("en")
        page = koto_help(path, lang)  # type: ignore[operator]
        assert _norm(text.get(lang))[:40] in _norm(page), (lang, page)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "koto")
def test_english_help_stays_english(koto_help: object, path: tuple[str, ...]) -> None:
    page = koto_help(path, "en")  # type: ignore[operator]
    assert page.startswith("Usage: koto") and "\nOptions:\n" in page
    assert english_in_help(page)  # the word check can fail on these pages
    name = " ".join(path)
    if name in H.HELP:  # the docstring is what HELP translates
        assert _norm(H.HELP[name].get("en")) in _norm(page), (
            f"`koto {name}`'s docstring differs from its English in cli/help_texts.py HELP: "
            "update the English there and the Finnish and Swedish with it"
        )


def test_language_switches_in_one_process(koto_help: object) -> None:
    path = ("comment", "add")
    assert "Käyttö: koto comment add [VALITSIMET] POLKU" in koto_help(path, "fi")  # type: ignore[operator]
    assert "Usage: koto comment add [OPTIONS] PATH" in koto_help(path, "en")  # type: ignore[operator]
    assert "Användning: koto comment add [FLAGGOR] SÖKVÄG" in koto_help(path, "sv")  # type: ignore[operator]
    page = koto_help(path, "fi", "--lang", "sv")  # type: ignore[operator]
    assert "Kommentera ett fält" in page and "Kommentoi" not in page
    page = koto_help(("report", "due"), "en", "--lang", "fi")  # type: ignore[operator]
    assert "--days KOKONAISLUKU" in page and "INTEGER" not in page


@pytest.mark.parametrize("lang", ("fi", "sv", "en"))
def test_version_line_is_the_same_in_every_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    monkeypatch.setenv("KOTO_LANG", lang)
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code in (0, None)
    assert re.fullmatch(r"koto \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_number_is_named_in_the_users_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KOTO_LANG", lang)
    with pytest.raises(SystemExit) as exc:
        main(["report", "due", "--days", "x"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert ("kokonaisluku" if lang == "fi" else "heltal") in err
    assert "integer" not in err and not english_in_help(err), err


def test_every_option_has_a_help_text() -> None:
    """An option without help shows only its name and placeholder; every one has a text (which the
    page tests above then check in fi and sv)."""
    ctx = click.Context(cli)
    missing = []
    for path in PATHS:
        cmd: click.Command = cli
        for name in path:
            assert isinstance(cmd, click.Group)
            found = cmd.get_command(ctx, name)
            assert found is not None
            cmd = found
        for param in cmd.params:
            shown = isinstance(param, click.Option) and not param.hidden
            if shown and not (getattr(param, "help", None) or getattr(param, "help_text", None)):
                missing.append(f"koto {' '.join(path)} {'/'.join(param.opts)}")
    assert not missing, missing
