"""Catalogue metadata attached to every field of every record model.

A field is declared as ``name: Annotated[Type, FieldMeta(...)] = default``; the catalogue, the JSON
Schema, the documents and the site all read this one declaration, so no field text exists twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kototieto.model.text import Text


class Obligation(StrEnum):
    """Whether the decree requires the item: shall be entered, may be entered, or when the case arises."""

    SHALL = "shall"
    MAY = "may"
    CONDITIONAL = "conditional"


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

    def obligation_in(self, kind: str) -> Obligation:
        """The obligation of this field in record kind ``kind``."""
        return dict(self.obligation_by_kind).get(kind, self.obligation)


MUN: tuple[Actor, ...] = (Actor.MUNICIPALITY,)
MUN_COUNTY: tuple[Actor, ...] = (Actor.MUNICIPALITY, Actor.COUNTY)
ALL_ACTORS: tuple[Actor, ...] = (Actor.MUNICIPALITY, Actor.COUNTY, Actor.KEHA)
