"""Hypothesis strategies for records, built on the synthetic data generator.

* ``records(kind=None)``: a generated record (of ``kind``, or any kind) with random mutations:
  optional fields dropped (top-level and nested) and free-text fields replaced by hostile text
  (YAML 1.1/1.2 traps such as ``no``, ``on``, ``010``, ``1:20``, ``- x``, ``# c``, ``key: v``,
  quotes, emoji, Jinja and HTML, control characters and odd line breaks, long and multi-line
  text). Every drawn
  record is accepted by the model (``parse_record``); it may break a rule (a dropped field can).
* ``valid_records(kind=None)``: only free text replaced (never blank), so every drawn record also
  passes ``validate_data`` without errors.
* ``customer_sets()``: all records of one generated customer (cross-record clean).

Records come with the generator's default imperfections (``synthetic_realism``): a drawn record
may carry a warning (a review planned beyond the interval, an item left unrecorded), never an
error.

Shrinking goes towards seed 0, customer 0 and no mutation, i.e. towards a plain generated record.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from kototieto.model.records import RECORD_KINDS, RECORD_MODELS, Record, parse_record, record_to_data
from kototieto.synthetic.generator import DatasetSpec, customer_records

__all__ = ["HOSTILE_TEXTS", "customer_sets", "free_text", "records", "valid_records"]

#: Strings that YAML readers, templates or HTML like to misread.
HOSTILE_TEXTS: tuple[str, ...] = (
    "no",
    "No",
    "on",
    "off",
    "yes",
    "y",
    "n",
    "~",
    "null",
    "NULL",
    "true",
    "010",
    "0x1F",
    "0o17",
    "1_000",
    "1e3",
    ".inf",
    "-.inf",
    ".nan",
    "1:20",
    "12:30:45",
    "2025-13-01",
    "2025-01-01",
    "- x",
    "-",
    "# c",
    "a # b",
    "key: v",
    "? q",
    ": x",
    "{a: 1}",
    "[1, 2]",
    "&anchor",
    "*alias",
    "!tag",
    "%YAML 1.1",
    "---",
    "...",
    "|",
    ">",
    "@at",
    "`tick`",
    "'single'",
    '"double"',
    "it's",
    'say "hi"',
    "\\backslash\\",
    "tab\there",
    "line one\nline two",
    "trailing newline\n",
    "  leading spaces",
    "trailing spaces  ",
    "=",
    "<script>alert(1)</script>",
    "<b>bold</b> & <i>it</i>",
    "{{ x }}",
    "{% if x %}y{% endif %}",
    "{# comment #}",
    "${HOME}",
    "😀 🇫🇮 👩‍👩‍👧",
    "Äö Åå ÉÈ ß ø",
    "العربية",
    "ትግርኛ",
    "ไทย",
    "Tiếng Việt",
    "Українська",
    "\u200bzero width",
    "nul\x00byte",
    "bell\x07",
    "cr\rx",
    "crlf\r\nx",
    "nel\x85x",
    "ls\u2028x",
    "bom\ufeffx",
    "del\x7f",
    " ",
    "\ttab first",
    "right\u202eleft",
    "x" * 300,
)

#: Keys whose string values are free text (names included); codes, ids, dates, e-mail and phone
#: are never replaced. ``plan_timing.reason`` is a code and is excluded by path below.
FREE_TEXT_KEYS = frozenset(
    {
        "description",
        "how",
        "justification",
        "source_details",
        "method",
        "wishes",
        "goals",
        "content",
        "necessity",
        "progress",
        "obstacles",
        "other_content",
        "other_matters",
        "reason",
        "field",
        "occupation",
        "first_names",
        "last_name",
        "name",
        "title",
        "organisation",
    }
)
#: ShortText fields (at most 200 characters, at least 1).
SHORT_TEXT_KEYS = frozenset(
    {"method", "field", "occupation", "first_names", "last_name", "name", "title", "organisation"}
)
CODE_PATHS = frozenset({("plan_timing", "reason")})

DATES = (dt.date(2025, 9, 30), dt.date(2026, 6, 15), dt.date(2026, 11, 28), dt.date(2027, 3, 1))


def free_text(max_size: int = 200, blank: bool = True) -> st.SearchStrategy[str]:
    """Hostile samples, or arbitrary Unicode (no surrogates), 1..max_size characters."""
    hostile = [t for t in HOSTILE_TEXTS if len(t) <= max_size and (blank or t.strip())]
    anything = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=min(max_size, 80))
    if not blank:
        anything = anything.filter(lambda t: t.strip() != "")
    return st.one_of(st.sampled_from(hostile), anything)


@functools.lru_cache(maxsize=64)
def _spec(seed: int, today: dt.date) -> DatasetSpec:
    return DatasetSpec(seed, today)


@st.composite
def _generated(draw: st.DrawFn, kind: str | None) -> Record:
    if kind is not None and kind not in RECORD_KINDS:
        raise ValueError(f"unknown record kind {kind!r}")
    seed = draw(st.integers(0, 2**32 - 1))
    today = draw(st.sampled_from(DATES))
    index = draw(st.integers(0, 5000))
    spec = _spec(seed, today)
    # Not every customer has every kind (family plans are rare): walk on to the next customers.
    for step in range(400):
        found = [r for r in customer_records(spec, index + step) if kind is None or r.kind == kind]
        if found:
            return found[draw(st.integers(0, len(found) - 1))]
    raise AssertionError(f"no {kind} among 400 generated customers")  # pragma: no cover


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The record-model class inside ``X | None`` or ``list[X]`` (None for scalars)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found is not None:
                return found
    return None


def _mutate(
    draw: st.DrawFn, data: Any, model: type[BaseModel] | None, path: tuple[str, ...], drop: bool, blank: bool
) -> Any:
    if isinstance(data, list):
        return [_mutate(draw, item, model, path, drop, blank) for item in data]
    if not isinstance(data, dict) or model is None:
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        info = model.model_fields.get(key)
        if info is None:  # extension fields and the like: keep as they are
            out[key] = value
            continue
        if drop and not info.is_required() and key not in ("kind", "schema_version") and draw(st.booleans()):
            continue
        here = (*path, key)
        if (
            isinstance(value, str)
            and key in FREE_TEXT_KEYS
            and here[-2:] not in CODE_PATHS
            and draw(st.booleans())
        ):
            out[key] = draw(free_text(200 if key in SHORT_TEXT_KEYS else 400, blank))
            continue
        out[key] = _mutate(draw, value, _model_of(info.annotation), here, drop, blank)
    return out


def _mutated(kind: str | None, drop: bool, blank: bool) -> st.SearchStrategy[Record]:
    @st.composite
    def build(draw: st.DrawFn) -> Record:
        record = draw(_generated(kind))
        data = _mutate(draw, record_to_data(record), RECORD_MODELS[record.kind], (), drop, blank)
        return parse_record(data)  # never raises: mutations stay inside the schema (tested)

    return build()


def records(kind: str | None = None) -> st.SearchStrategy[Record]:
    """Records the model accepts, with optional fields dropped and free text made hostile."""
    return _mutated(kind, drop=True, blank=True)


def valid_records(kind: str | None = None) -> st.SearchStrategy[Record]:
    """Records that pass ``validate_data`` without errors, with hostile (non-blank) free text."""
    return _mutated(kind, drop=False, blank=False)


@st.composite
def customer_sets(draw: st.DrawFn) -> list[Record]:
    """Every record of one generated customer, customer record first."""
    seed = draw(st.integers(0, 2**32 - 1))
    today = draw(st.sampled_from(DATES))
    return customer_records(_spec(seed, today), draw(st.integers(0, 5000)))
