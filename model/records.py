"""Every record kind, and turning data into records and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from kototieto.model import codelists as _codelists  # noqa: F401  (registers the code lists)
from kototieto.model.assessment import Assessment, MultisectoralAssessment
from kototieto.model.customer import Customer
from kototieto.model.guidance import Guidance
from kototieto.model.migrations import migrate
from kototieto.model.plan import FamilyPlan, IntegrationPlan, MultisectoralPlan
from kototieto.model.record import Common
from kototieto.model.review import Review

RECORD_MODELS: dict[str, type[Common]] = {
    "customer": Customer,
    "assessment": Assessment,
    "multisectoral-assessment": MultisectoralAssessment,
    "integration-plan": IntegrationPlan,
    "multisectoral-plan": MultisectoralPlan,
    "family-plan": FamilyPlan,
    "review": Review,
    "guidance": Guidance,
}
RECORD_KINDS: tuple[str, ...] = tuple(RECORD_MODELS)
PLAN_KINDS: tuple[str, ...] = ("integration-plan", "multisectoral-plan", "family-plan")
ASSESSMENT_KINDS: tuple[str, ...] = ("assessment", "multisectoral-assessment")

Record = (
    Customer
    | Assessment
    | MultisectoralAssessment
    | IntegrationPlan
    | MultisectoralPlan
    | FamilyPlan
    | Review
    | Guidance
)
Plan = IntegrationPlan | MultisectoralPlan | FamilyPlan

_ADAPTERS: list[TypeAdapter[Record]] = []


def _adapter() -> TypeAdapter[Record]:
    """The union of every kind, built on first use (it builds every kind's validator)."""
    if not _ADAPTERS:
        _ADAPTERS.append(TypeAdapter(Annotated[Record, Field(discriminator="kind")]))
    return _ADAPTERS[0]


def parse_record(data: Mapping[str, Any], *, context: Mapping[str, Any] | None = None) -> Record:
    """Validate ``data`` (migrated first) as a record of its ``kind``; raises pydantic.ValidationError."""
    return _adapter().validate_python(migrate(dict(data)), context=dict(context) if context else None)


def record_to_data(record: Common) -> dict[str, Any]:
    """JSON-compatible data in file order: kind first, the kind's fields, annulment and extensions last.

    Fields the record was given are kept even when empty (an empty list says "none", an absent field
    says "not recorded"); fields it was not given are left out.
    """
    dumped = record.model_dump(mode="json", exclude_unset=True, exclude_none=True)
    out: dict[str, Any] = {"kind": dumped.pop("kind", getattr(record, "kind", None))}
    out["id"] = dumped.pop("id")
    out["schema_version"] = dumped.pop("schema_version", record.schema_version)
    trailing = {key: dumped.pop(key) for key in Common.TRAILING_KEYS if key in dumped}
    out.update(dumped)
    out.update(trailing)
    return out


__all__ = [
    "ASSESSMENT_KINDS",
    "PLAN_KINDS",
    "RECORD_KINDS",
    "RECORD_MODELS",
    "Plan",
    "Record",
    "parse_record",
    "record_to_data",
]
