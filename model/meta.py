"""Catalogue metadata attached to every field of every record model.

A field is declared as ``name: Annotated[Type, FieldMeta(...)] = default``; the catalogue, the JSON
Schema, the documents and the site all read this one declaration, so no field text exists twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kototieto.model.text import T, Text


class Obligation(StrEnum):
    """Whether the decree requires the item: shall be entered, may be entered, or when the case arises."""

    SHALL = "shall"
    MAY = "may"
    CONDITIONAL = "conditional"


#: An obligation as the reader says it (reports, drafts and forms show these words, not the codes).
OBLIGATION_LABELS: dict[str, Text] = {
    Obligation.SHALL: T("pakollinen", "obligatorisk", "mandatory"),
    Obligation.MAY: T("vapaaehtoinen", "frivillig", "optional"),
    Obligation.CONDITIONAL: T("ehdollinen", "villkorlig", "conditional"),
}


class Actor(StrEnum):
    """Who enters a field."""

    MUNICIPALITY = "municipality"
    COUNTY = "wellbeing-services-county"
    KEHA = "keha-centre"


class In874(StrEnum):
    """Whether the issued decree 874/2024 names the item (only §§ 1-2 were read: see legal facts)."""

    YES = "yes"
    NO = "no"
    CHANGED = "changed"
    UNVERIFIED = "unverified"
    NOT_APPLICABLE = "not-applicable"
    #: The record kind itself is named only in the memo, not in 874/2024 §§ 1-2 (15 §, 17 §, 21 §
    #: and county reviews under 22 §): every content field of the kind has this status there.
    MEMO_ONLY = "memo-only"


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """Where a field comes from in law.

    ``memo`` is the section of the draft decree (memo VN/32076/2023), ``decree_874`` the section of
    the issued decree 874/2024 where it was read, ``in_874`` whether 874/2024 names the item, and
    ``act`` the sections of the Act on the Promotion of Integration (681/2023) the record concerns.
    """

    act: tuple[int, ...]
    memo: str | None = None
    decree_874: str | None = None
    in_874: In874 = In874.UNVERIFIED
    note: Text | None = None
    #: Status in particular record kinds where it differs from ``in_874`` (e.g. ``other_data`` is
    #: named for assessments and plans, but the review section of 874/2024 was not read).
    by_kind: tuple[tuple[str, In874], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "act": "681/2023",
            "act_sections": list(self.act),
            "memo": self.memo,
            "decree_874": self.decree_874,
            "in_874": str(self.in_874),
            "note": self.note.as_dict() if self.note else None,
        }


def is_recorded(value: Any) -> bool:
    """Whether a value counts as recorded: not missing, not blank text, not an empty list or map
    (``False`` and ``0`` are recorded answers)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return bool(value)
    return True


@dataclass(frozen=True, slots=True)
class When:
    """The machine-readable form of a field's condition words, when the trigger is another field
    of the same object (a sibling: ``timing`` beside ``date`` in a plan timing).

    Exactly one test: ``equals`` one value, ``in_`` one of several values, or ``present``
    (``True``: the trigger is recorded; ``False``: it is not). Conditions that depend on anything
    outside the record (earlier plans, computed durations, the official's judgement) stay words.
    """

    field: str
    equals: str | bool | int | None = None
    in_: tuple[str | bool | int, ...] = ()
    present: bool | None = None

    def __post_init__(self) -> None:
        tests = (self.equals is not None) + bool(self.in_) + (self.present is not None)
        if tests != 1:
            raise ValueError(f"When({self.field!r}) needs exactly one of equals, in_, present")

    @property
    def values(self) -> tuple[str | bool | int, ...]:
        """The trigger values under which the condition holds (empty for a presence test)."""
        return (self.equals,) if self.equals is not None else self.in_

    def holds(self, value: Any) -> bool | None:
        """Whether the condition holds for the trigger's ``value``; ``None`` when a value test meets
        an unrecorded trigger (not known: a rule says nothing, a form keeps the field hidden).
        A list trigger holds when any of its values is one of ``values``."""
        if self.present is not None:
            return is_recorded(value) is self.present
        if not is_recorded(value):
            return None
        found = value if isinstance(value, (list, tuple)) else [value]
        return any(v == w and type(v) is type(w) for v in found for w in self.values)  # True is not 1

    def holds_in(self, owner: Any) -> bool | None:
        """``holds`` for the trigger read from ``owner`` (a model object or a mapping)."""
        if isinstance(owner, dict):
            return self.holds(owner.get(self.field))
        return self.holds(getattr(owner, self.field, None))

    def as_dict(self, prefix: str = "") -> dict[str, Any]:
        """The catalogue's ``applies_when``: the trigger's full path and the one test."""
        out: dict[str, Any] = {"field": f"{prefix}{self.field}"}
        if self.equals is not None:
            out["equals"] = self.equals
        elif self.in_:
            out["in"] = list(self.in_)
        else:
            out["present"] = self.present
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> When:
        """A ``When`` from the catalogue's ``applies_when`` (``field`` keeps its last part only)."""
        key = str(data["field"]).rsplit(".", 1)[-1]
        if "equals" in data:
            return cls(key, equals=data["equals"])
        if "in" in data:
            return cls(key, in_=tuple(data["in"]))
        return cls(key, present=bool(data["present"]))


@dataclass(frozen=True, slots=True)
class FieldMeta:
    """Everything the catalogue says about one field."""

    label: Text
    definition: Text
    basis: LegalBasis | None
    obligation: Obligation
    actors: tuple[Actor, ...]
    example: Any
    items: tuple[str, ...] = ()
    condition: Text | None = None
    kinds: tuple[str, ...] | None = field(default=None)
    #: Set (with the reason in words) when the field is the project's own addition, not data the
    #: memo, the decree or the Act asks for.
    project_addition: Text | None = None
    #: Obligation in particular record kinds where it differs from ``obligation``.
    obligation_by_kind: tuple[tuple[str, Obligation], ...] = ()
    #: The condition in machine-readable form, when its trigger is a sibling field (see ``When``).
    applies_when: When | None = None

    def obligation_in(self, kind: str) -> Obligation:
        """The obligation of this field in record kind ``kind``."""
        return dict(self.obligation_by_kind).get(kind, self.obligation)


MUN: tuple[Actor, ...] = (Actor.MUNICIPALITY,)
MUN_COUNTY: tuple[Actor, ...] = (Actor.MUNICIPALITY, Actor.COUNTY)
ALL_ACTORS: tuple[Actor, ...] = (Actor.MUNICIPALITY, Actor.COUNTY, Actor.KEHA)
