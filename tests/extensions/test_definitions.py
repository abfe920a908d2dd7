"""Extension definitions checked themselves: every problem named with file, line and field."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from kototieto.errors import InvalidInputError
from kototieto.model.extensions import (
    ExtensionDefinitionError,
    SourceDoc,
    check_definitions,
    parse_definitions,
)
from kototieto.store.extensions import check_extensions, load_extensions

_spec = importlib.util.spec_from_file_location("ext_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


def _write(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "extensions"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _problems(tmp_path: Path, text: str) -> list[str]:
    ext, problems = check_extensions(_write(tmp_path, {"pilot.yaml": text}))
    assert ext is None
    return [str(p) for p in problems]


def test_the_example_definitions_are_valid(tmp_path: Path) -> None:
    ext = load_extensions(_write(tmp_path, {"pilot.yaml": S.DEFINITIONS}))
    assert [f.id for f in ext.fields] == ["091.digital-skills", "091.bike-owner", "091.mentor-notes"]
    assert [cl.id for cl in ext.code_lists] == ["091.digital-skill-level"]
    assert [(o.list_id, o.code) for o in ext.open_end] == [("service-kind", "091-digital-mentoring")]
    assert ext.get("091.digital-skills").code_list == "091.digital-skill-level"
    assert ext.get("091.digital-skills").line == _line_of(S.DEFINITIONS, "name: digital-skills")


def test_unknown_type_named_with_file_and_line(tmp_path: Path) -> None:
    text = S.DEFINITIONS.replace("    type: boolean", "    type: yes-or-no")
    problems = _problems(tmp_path, text)
    line = _line_of(text, "type: yes-or-no")
    assert len(problems) == 1
    assert problems[0].startswith(f"extensions/pilot.yaml:{line}:")
    assert "fields[1].type" in problems[0] and "unknown type 'yes-or-no'" in problems[0]


def test_missing_language_named(tmp_path: Path) -> None:
    text = S.DEFINITIONS.replace("      sv: Digitala färdigheter\n", "")
    problems = _problems(tmp_path, text)
    line = _line_of(text, "    labels:")  # the first field's labels
    assert problems == [
        f"extensions/pilot.yaml:{line}:5: fields[0].labels.sv: the sv text is missing "
        "(labels and definitions need fi, sv and en)"
    ]


def test_clash_with_a_national_field(tmp_path: Path) -> None:
    by_name = _problems(tmp_path, S.DEFINITIONS.replace("name: bike-owner", "name: literacy"))
    assert len(by_name) == 1 and "clashes with the national field 'literacy'" in by_name[0]
    by_label = _problems(tmp_path, S.DEFINITIONS.replace("en: Owns a bicycle", "en: Literacy"))
    assert (
        len(by_label) == 1
        and "fields[1].labels.en" in by_label[0]
        and "national field 'literacy'" in by_label[0]
    )


def test_clash_with_another_extension_names_both_places(tmp_path: Path) -> None:
    second = S.DEFINITIONS.split("code_lists:")[0]
    ext, problems = check_extensions(_write(tmp_path, {"a.yaml": S.DEFINITIONS, "b.yaml": second}))
    assert ext is None
    text = [str(p) for p in problems]
    line = _line_of(S.DEFINITIONS, "name: digital-skills")
    assert (
        f"extensions/b.yaml:{line}:5: fields[0].name: 091.digital-skills is declared twice (first in extensions/a.yaml:{line})"
        in text
    )
    assert len(text) == 3  # each of the three fields


def test_unknown_code_list_and_closed_national_list(tmp_path: Path) -> None:
    text = S.DEFINITIONS.replace("code_list: digital-skill-level", "code_list: digital-skill-levels").replace(
        "extends: service-kind", "extends: plan-kind"
    )
    problems = _problems(tmp_path, text)
    assert any(
        f":{_line_of(text, 'digital-skill-levels')}:" in p and "unknown code list 'digital-skill-levels'" in p
        for p in problems
    )
    assert any("'plan-kind' has no open end" in p for p in problems)


def test_open_end_codes_carry_the_organisation_prefix(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path, S.DEFINITIONS.replace("code: 091-digital-mentoring", "code: digital-mentoring")
    )
    assert len(problems) == 1 and "must start with '091-'" in problems[0]
    problems = _problems(
        tmp_path, S.DEFINITIONS.replace("code: 091-digital-mentoring", "code: integration-training")
    )
    assert len(problems) == 1 and "must start with '091-'" in problems[0]


def test_unquoted_organisation_code_and_unknown_keys(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        S.DEFINITIONS.replace("organisation: '091'", "organisation: 91").replace(
            "    need: mentoring", "    needs: mentoring"
        ),
    )
    assert any(
        p.startswith("extensions/pilot.yaml:2:1: organisation: write the organisation code as quoted text")
        for p in problems
    )
    assert any("unknown key 'needs'" in p for p in problems)
    problems = _problems(tmp_path, S.DEFINITIONS.replace("    need: mentoring\n", ""))
    assert len(problems) == 1 and "fields[2]: say what the field serves" in problems[0]


def test_bad_example_and_unknown_decree_item(tmp_path: Path) -> None:
    # each check on its own (no `or`: a check that stopped working would hide behind the other);
    # examples are checked against the definitions only once the definitions themselves are valid
    problems = _problems(tmp_path, S.DEFINITIONS.replace("[D1.13]", "[D9.99]"))
    line = _line_of(S.DEFINITIONS, "[D1.13]")
    assert problems == [
        f"extensions/pilot.yaml:{line}:20: fields[0].decree_items[0]: unknown decree item 'D9.99'"
    ]
    problems = _problems(tmp_path, S.DEFINITIONS.replace("example: basic", "example: expert"))
    assert len(problems) == 1 and f":{_line_of(S.DEFINITIONS, 'example: basic')}:" in problems[0]


def test_yaml_errors_name_the_file_and_line(tmp_path: Path) -> None:
    text = S.DEFINITIONS.replace("    obligation: may\n", "    obligation: may\n    obligation: shall\n")
    problems = _problems(tmp_path, text)
    assert len(problems) == 1 and "'obligation'" in problems[0]
    # the loader's message is in the run's language (fi, sv or en)
    assert any(w in problems[0] for w in ("duplicate key", "kahteen kertaan", "två gånger")), problems[0]
    assert problems[0].startswith(f"extensions/pilot.yaml:{_line_of(text, 'obligation: shall')}:")


def test_load_raises_one_error_listing_everything(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        {
            "pilot.yaml": S.DEFINITIONS.replace("type: boolean", "type: bool").replace(
                "type: long-text", "type: memo"
            )
        },
    )
    with pytest.raises(ExtensionDefinitionError) as info:
        load_extensions(root)
    assert isinstance(info.value, InvalidInputError)
    assert len(info.value.problems) == 2 and "2 problem(s)" in info.value.localized("en")
    assert "2 ongelmaa laajennusten määrittelyissä" in info.value.localized("fi")


def test_two_pilots_may_use_the_same_name(tmp_path: Path) -> None:
    other = S.DEFINITIONS.replace("organisation: '091'", "organisation: '853'").replace(
        "091-digital", "853-digital"
    )
    ext = load_extensions(_write(tmp_path, {"helsinki.yaml": S.DEFINITIONS, "turku.yaml": other}))
    ids = [f.id for f in ext.fields]
    assert "091.digital-skills" in ids and "853.digital-skills" in ids
    assert ext.get("853.digital-skills").code_list == "853.digital-skill-level"
    assert {o.code for o in ext.open_end} == {"091-digital-mentoring", "853-digital-mentoring"}


def test_pure_check_without_a_locator() -> None:
    ext, problems = check_definitions(
        [SourceDoc("x.yaml", {"organisation": "091", "fields": [{"name": "Bad Name"}]})]
    )
    assert ext is None
    assert all(p.file == "x.yaml" and p.line is None for p in problems)
    assert any(p.path == "fields[0].name" for p in problems)
    assert parse_definitions([SourceDoc("empty.yaml", {"organisation": "091"})]).fields == ()
