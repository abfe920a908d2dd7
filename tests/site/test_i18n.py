"""Every fixed site text exists in fi, sv and en, including those picked by a value at run time."""

from __future__ import annotations

import pytest

from kototieto.errors import InvalidInputError
from kototieto.model.meta import Actor, In874, Obligation
from kototieto.site import i18n
from kototieto.site.catalogue_diff import ChangeKind
from kototieto.site.comments import Status


def test_no_text_is_missing_in_any_language() -> None:
    assert i18n.missing_texts() == []
    i18n.check_complete()


@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("change.", [str(k) for k in ChangeKind]),
        ("status.", [str(s) for s in Status]),
        ("in874.", [str(v) for v in In874]),
        ("obligation.", [str(v) for v in Obligation]),
        ("actor.", [str(v) for v in Actor]),
    ],
)
def test_texts_chosen_by_value_exist(prefix: str, values: list[str]) -> None:
    for value in values:
        texts = [i18n.tr(prefix + value, lang) for lang in i18n.LANGS]  # KeyError when one is missing
        assert all(t.strip() for t in texts), (value, texts)


def test_every_model_type_has_a_name() -> None:
    from kototieto.model.catalogue import catalogue_json

    for typ in {f["type"] for f in catalogue_json()["fields"]}:
        assert i18n.has(f"type.{typ}"), typ


def test_empty_translation_is_reported() -> None:
    i18n.TEXTS["test.empty"] = ("x", "", "z")
    try:
        assert i18n.missing_texts() == ["test.empty/sv"]
        with pytest.raises(InvalidInputError, match=r"test\.empty/sv"):
            i18n.check_complete()
    finally:
        del i18n.TEXTS["test.empty"]
