"""Help for values people type: the valid codes of short lists, the closest code of long ones.

``code_hint(list_id, value)`` is added to a code-list problem: for a list of at most
``SHORT_LIST`` values it lists them all ("Sallitut arvot: none (Ei kielitaitoa), a1-1 ..."); for a
longer one it suggests the code whose code or label (in any of the three languages) is closest to
what was typed: "Syyria" -> SY, "arabia" -> ar, "Vasa" -> '905', "a2.1" -> a2-1. Matching ignores
case, accents and punctuation. ``closest(word, choices)`` is the same "did you mean" for record
kinds and field paths.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

from kototieto.model.codes import code_list
from kototieto.model.text import LANGS, T, Text

SHORT_LIST = 15

VALID_VALUES = T("Sallitut arvot: {values}.", "Tillåtna värden: {values}.", "Allowed values: {values}.")
DID_YOU_MEAN = T(
    "Tarkoititko {code} ({label})?", "Menade du {code} ({label})?", "Did you mean {code} ({label})?"
)
SEE_LIST = T(
    "Koodiston arvot: koto codes {list_id}.",
    "Kodlistans värden: koto codes {list_id}.",
    "The list's values: koto codes {list_id}.",
)


def fold(text: str) -> str:
    """Lower case, no accents, only letters and digits: "Åland-saaret" -> "alandsaaret"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", plain)


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like ``word`` (case, accents and punctuation ignored), or None."""
    options = list(choices)
    folded = {fold(c): c for c in options}
    key = fold(word)
    if key in folded:
        return folded[key]
    match = difflib.get_close_matches(key, list(folded), n=1, cutoff=cutoff)
    return folded[match[0]] if match else None


def _quoted(code: str) -> str:
    """Codes that YAML would read as numbers are shown quoted: '905'."""
    return f"'{code}'" if code.isdigit() else code


def closest_code(list_id: str, value: str) -> str | None:
    """The code of ``list_id`` closest to ``value`` by code or by a label in fi, sv or en."""
    cl = code_list(list_id)
    codes = cl.codes()
    by_key: dict[str, str] = {}
    for code in codes:
        by_key.setdefault(fold(code), code)
    for lang in LANGS:
        for code, label in cl.labels(lang).items():
            by_key.setdefault(fold(label), code)
    key = fold(str(value))
    if not key:
        return None
    if key in by_key:
        return by_key[key]
    starts = sorted({c for k, c in by_key.items() if len(key) >= 4 and k.startswith(key)})
    if len(starts) == 1:
        return starts[0]
    match = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return by_key[match[0]] if match else None


def code_hint(list_id: str, value: object) -> Text | None:
    """What to add to "'x' is not a value of the list": the values, or the closest code."""
    try:
        cl = code_list(list_id)
    except KeyError:
        return None
    codes = cl.codes()
    if len(codes) <= SHORT_LIST:
        parts = {
            lang: ", ".join(f"{_quoted(c)} ({label})" for c, label in cl.labels(lang).items())
            for lang in LANGS
        }
        return Text(*(VALID_VALUES.get(lang).format(values=parts[lang]) for lang in LANGS))
    code = closest_code(list_id, str(value))
    if code is None:
        return SEE_LIST.format(list_id=list_id)
    return Text(
        *(
            DID_YOU_MEAN.get(lang).format(code=_quoted(code), label=cl.value_label(code, lang))
            for lang in LANGS
        )
    )


def short_list_values(list_id: str, lang: str) -> str | None:
    """ "none, a1-1, ..." for a list of at most SHORT_LIST values (drafts show it beside the field)."""
    try:
        cl = code_list(list_id)
    except KeyError:
        return None
    codes = cl.codes()
    if len(codes) > SHORT_LIST:
        return None
    return ", ".join(_quoted(c) for c in codes)
