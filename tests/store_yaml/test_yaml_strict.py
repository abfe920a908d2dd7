"""Hostile and malformed input: refused with file, line and column by both loaders, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kototieto.errors import ExitCode, InvalidInputError
from kototieto.store.bulkload import fast_load
from kototieto.store.strict_yaml import depth_bound
from kototieto.store.yamlio import load_document


def round_trip(raw: bytes, name: str, **kw: Any) -> Any:
    return load_document(raw, name, **kw).data


LOADERS: list[Callable[..., Any]] = [round_trip, fast_load]
LOADER_IDS = ["round-trip", "bulk"]

# name -> (bytes, expected line, expected column or None, words the message must hold)
HOSTILE: dict[str, tuple[bytes, int | None, int | None, str]] = {
    "duplicate key": (b"kind: customer\nid: a\nid: b\n", 3, 1, "duplicate key 'id'"),
    "nested duplicate": (b"a:\n  x: 1\n  y: 2\n  x: 3\n", 4, 3, "duplicate key 'x'"),
    "anchor": (b"a: &x 1\n", 1, 4, "anchors"),
    "alias": (b"a: 1\nb: *x\n", 2, 4, "alias"),
    "billion laughs": (
        b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + b"".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
            for i in range(9)
        ),
        1,
        4,
        "anchors",
    ),
    "merge key": (b"a:\n  x: 1\nb:\n  <<: {x: 2}\n", 4, 3, "merge keys"),
    "python tag": (b"a: !!python/object/apply:os.system ['echo hacked']\n", 1, 4, "tags"),
    "local tag": (b"a: !secret x\n", 1, 4, "tags"),
    "tagged mapping": (b"a: !!map {x: 1}\n", 1, 4, "tags"),
    "yaml directive": (b"%YAML 1.1\n---\nanswer: no\n", None, None, "directives"),
    "two documents": (b"a: 1\n---\nb: 2\n", 2, 1, "single document"),
    "a list": (b"- 1\n- 2\n", 1, 1, "one mapping"),
    "a scalar": (b"hello\n", 1, 1, "one mapping"),
    "empty file": (b"", 1, 1, "one mapping"),
    "only a comment": (b"# nothing\n", 1, 1, "one mapping"),
    "invalid utf-8": (b"a: 1\nb: caf\xe9\n", 2, 7, "UTF-8"),
    "latin-1 file": (b"nimi: \xc4\xe4ni\xf6\n", 1, 7, "UTF-8"),
    "nul byte": (b"a: 1\nb: x\x00y\n", 2, 5, "NUL"),
    "integer key": (b"1: a\n", 1, 1, "must be text"),
    "boolean key": (b"true: a\n", 1, 1, "must be text"),
    "null key": (b"~: a\n", 1, 1, "must be text"),
    "complex key": (b"? [a, b]\n: c\n", 1, 3, "plain name"),
    "value indicator": (b"a: =\n", 1, 4, "not allowed"),
    "bad number": (b"a: -_\n", 1, 4, "number"),
    "unclosed flow": (b"a: [1, 2\nb: 3\n", 2, None, "not valid YAML"),
    "bad indentation": (b"a:\n  b: 1\n c: 2\n", 3, None, "not valid YAML"),
    "tab indentation": (b"a:\n\tb: 1\n", 2, 1, "not valid YAML"),
    "control character": (b"a: x\x07\n", 1, None, "not valid YAML"),
    "unclosed quote": (b"a: 'x\nb: 1\n", None, None, "not valid YAML"),
    "deep flow": (b"a: " + b"[" * 100_000, 1, None, "nest"),
    "deep flow mapping": (b"a: " + b"{x: " * 50_000, 1, None, "nest"),
    "deep block": (b"a:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 60)), None, None, "nest"),
    "deep mappings": (b"".join(b"  " * i + f"k{i}:\n".encode() for i in range(200)), None, None, "nest"),
    "compact sequences": (b"a:\n  " + b"- " * 5000 + b"x\n", 2, None, "nest"),
}


@pytest.mark.parametrize("loader", LOADERS, ids=LOADER_IDS)
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_is_refused_with_a_position(loader: Callable[..., Any], name: str) -> None:
    raw, line, column, words = HOSTILE[name]
    with pytest.raises(InvalidInputError) as info:
        loader(raw, "customers/7f/c-1/r.yaml")
    exc = info.value
    assert exc.exit_code == ExitCode.INVALID
    assert exc.location is not None and exc.location.file == "customers/7f/c-1/r.yaml"
    english = exc.localized("en")  # the loaders raise fi, sv and en (yaml_messages.text_of)
    assert words.lower() in english.lower(), english
    if line is not None:
        assert exc.location.line == line, str(exc)
    else:
        assert exc.location.line is not None, str(exc)
    if column is not None:
        assert exc.location.column == column, str(exc)
    assert str(exc).startswith(f"customers/7f/c-1/r.yaml:{exc.location.line}")


@pytest.mark.parametrize("loader", LOADERS, ids=LOADER_IDS)
def test_size_limit_is_a_parameter(loader: Callable[..., Any]) -> None:
    raw = b"a: " + b"x" * 2000 + b"\n"
    assert loader(raw, "f.yaml") == {"a": "x" * 2000}
    with pytest.raises(InvalidInputError) as info:
        loader(raw, "f.yaml", max_bytes=1000)
    assert "too large" in info.value.localized("en") and "liian suuri" in info.value.localized("fi")
    with pytest.raises(InvalidInputError) as info:
        loader(b"a: " + b"x" * (1024 * 1024) + b"\n", "f.yaml")
    assert "too large" in info.value.localized("en")


@pytest.mark.parametrize("loader", LOADERS, ids=LOADER_IDS)
def test_depth_limit_is_a_parameter(loader: Callable[..., Any]) -> None:
    raw = b"a:\n  b:\n    c:\n      d: 1\n"
    assert loader(raw, "f.yaml") == {"a": {"b": {"c": {"d": 1}}}}
    with pytest.raises(InvalidInputError) as info:
        loader(raw, "f.yaml", max_depth=3)
    assert "nested too deeply" in info.value.localized("en")
    assert info.value.location is not None and info.value.location.line == 4


@pytest.mark.parametrize("loader", LOADERS, ids=LOADER_IDS)
def test_long_lines_and_many_keys_are_fine(loader: Callable[..., Any]) -> None:
    raw = b"a: " + b"word " * 150_000 + b"\n" + b"".join(f"k{i}: {i}\n".encode() for i in range(5000))
    data = loader(raw, "f.yaml")
    assert len(data) == 5001 and data["k4999"] == 4999


@pytest.mark.parametrize("loader", LOADERS, ids=LOADER_IDS)
def test_a_leading_bom_and_quoted_lookalikes_are_accepted(loader: Callable[..., Any]) -> None:
    raw = "\ufeffa: '&x'\nb: \"*y\"\nc: Hei! Mitä kuuluu?\nd: '<<'\ne: '='\n'1': x\n".encode()
    assert loader(raw, "f.yaml") == {
        "a": "&x",
        "b": "*y",
        "c": "Hei! Mitä kuuluu?",
        "d": "<<",
        "e": "=",
        "1": "x",
    }


def test_depth_bound_is_never_below_the_true_depth() -> None:
    assert depth_bound("a: 1\n") >= 1
    assert depth_bound("a:\n  b:\n    - - - x\n") >= 5
    assert depth_bound("a: [[[1]]]\n") >= 4
    assert depth_bound("a:\n- b:\n  - c:\n    - d\n") >= 6


def test_nothing_is_executed(tmp_path: Any) -> None:
    marker = tmp_path / "hacked"
    raw = f"a: !!python/object/apply:os.system ['touch {marker}']\n".encode()
    for loader in LOADERS:
        with pytest.raises(InvalidInputError):
            loader(raw, "f.yaml")
    assert not marker.exists()


# The cases on which the two loaders (and so `koto validate` and the write path) used to disagree
# or crash (issue 11, item 7): name -> (text inserted/changed in a valid customer record, expected
# outcome: None = accepted with the same data by both, else words of the one refusal message).
AGREE: dict[str, tuple[bytes, str | None]] = {
    "comment between key and value, blank line": (
        b"kind: customer\nid: c-1\nfirst_names:\n  # etunimet\n\n  Testi\nlast_name: A\n",
        None,
    ),
    "comment after key, blank line, value below": (
        b"kind: customer\nid: c-1\nfirst_names: # etunimet\n\n  Testi\nlast_name: A\n",
        None,
    ),
    "comment between key and list, blank line": (
        b"kind: customer\nid: c-1\ncitizenships:\n# kansalaisuudet\n\n- NP\nlast_name: A\n",
        None,
    ),
    "yaml 1.3 directive": (b"%YAML 1.3\n---\nkind: customer\nid: c-1\n", "directives"),
    "yaml 1.2 directive after a comment": (b"# x\n%YAML 1.2\n---\nkind: customer\n", "directives"),
    "tab at the start of a literal block line": (
        b"kind: customer\nid: c-1\nnote: |\n  first\n\tsecond\nlast_name: A\n",
        "indent with spaces, not Tab",
    ),
    "trailing tab after a value": (b"kind: customer\nid: c-1\t\nlast_name: A\t\n", None),
    "trailing tab after a key": (b"kind: customer\nname:\t\n  first: A\n", None),
    "trailing tab in a literal block": (b"kind: customer\nnote: |\n  first\t\n  second\nid: c\n", None),
}


@pytest.mark.parametrize("name", list(AGREE))
def test_both_loaders_accept_the_same_files_with_one_message(name: str) -> None:
    raw, words = AGREE[name]
    outcomes: list[Any] = []
    for loader in LOADERS:
        try:
            outcomes.append(("ok", loader(raw, "customers/7f/c-1/r.yaml")))
        except InvalidInputError as exc:  # anything else (a traceback) fails the test
            outcomes.append(("refused", exc.localized("en")))
    assert outcomes[0] == outcomes[1], outcomes
    if words is None:
        assert outcomes[0][0] == "ok", outcomes
    else:
        assert outcomes[0][0] == "refused" and words in outcomes[0][1], outcomes


def test_a_tab_message_is_translated() -> None:
    from kototieto.store.strict_yaml import TAB_MESSAGE
    from kototieto.store.yaml_messages import translate

    texts = translate(TAB_MESSAGE)
    assert "välilyönneillä" in texts["fi"] and "mellanslag" in texts["sv"] and "Tab" in texts["en"]


def test_a_file_ruamel_cannot_read_keeps_its_data_on_a_round_trip_edit() -> None:
    from kototieto.store.yamlio import dump_document, update_document

    raw = b"kind: customer\nid: c-1\t\nnote: |\n  first\t\n  second\nlast_name: A\n"
    doc = load_document(raw, "f.yaml")
    assert doc.data == fast_load(raw, "f.yaml")
    update_document(doc.doc, dict(doc.data, last_name="B"))
    assert fast_load(dump_document(doc.doc), "f.yaml") == dict(doc.data, last_name="B")
