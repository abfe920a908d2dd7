"""The legal parameters of the rules: one table, each value with its source and strength.

Defaults come from the project's legal facts (statute, committee report or official guidance).
Where no number could be confirmed the default is ``None`` (no limit) and the rule is off. A data
repository overrides values in its ``koto.yaml`` (``rules:``), e.g. ``review_interval_months: 4``
or ``{review_interval_months: {value: 4, strength: error}}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from kototieto.model.text import T, TextError

Strength = Literal["error", "warning", "info", "report", "off"]


class Param(BaseModel):
    """One legal parameter: its value, how hard the rule bites, and where the value comes from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: int | dt.date | bool | tuple[str, ...] | None
    strength: Strength
    source: str
    description: str


#: Every record kind (``kototieto.model.records.RECORD_KINDS``; a test keeps the two equal).
ALL_KINDS: tuple[str, ...] = (
    "customer",
    "assessment",
    "multisectoral-assessment",
    "integration-plan",
    "multisectoral-plan",
    "family-plan",
    "review",
    "guidance",
)


#: Parameters in the table for the record, which no code reads: setting one is refused.
NOT_SETTABLE: dict[str, str] = {
    "retention_years": "kototieto does not delete records by age, so a retention period cannot be "
    "enforced here; keep it in the repository's own data-management policy",
}

#: Limit parameters of each plan kind: (one plan's length when it is the customer's first of the
#: kind, the customer's plans of that kind together). None: no limit applies to the kind.
PLAN_LIMITS: dict[str, tuple[str | None, str | None]] = {
    "integration-plan": ("first_plan_max_months", "total_plan_max_months"),
    "multisectoral-plan": ("multisectoral_plan_max_months", "multisectoral_plan_max_months"),
    "family-plan": ("family_plan_max_months", None),
}


def plan_limits(kind: str) -> tuple[str | None, str | None]:
    """(first-plan parameter, total parameter) of a plan kind; plans count toward the total of their
    own kind only (a family plan toward none)."""
    return PLAN_LIMITS.get(kind, (None, None))


def _p(
    value: int | dt.date | bool | tuple[str, ...] | None, strength: Strength, source: str, description: str
) -> Param:
    return Param(value=value, strength=strength, source=source, description=description)


class RuleParams(BaseModel):
    """Every legal parameter the rules use. Frozen; ``from_overrides`` makes a changed copy."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    first_plan_max_months: Param = _p(
        12,
        "error",
        "guidance (kotoutuminen.fi)",
        "Maximum length of a customer's first integration plan. An extension ground never lifts it.",
    )
    total_plan_max_months: Param = _p(
        24,
        "error",
        "Administration Committee report HaVM 8/2024 (shortened from 3 years)",
        "Maximum total duration of a customer's integration plans (16 §; multisectoral and family plans "
        "do not count). Interpretation, unverified: the calendar span from the earliest start to the "
        "latest end, gaps between plans counted. Longer only with an extension ground, and then never "
        "past the end granted by the latest extension.",
    )
    max_extension_months: Param = _p(
        None,
        "off",
        "not found: configurable, no default cap",
        "When set: the total duration may be extended at most this many months past "
        "total_plan_max_months (by a review's extension or a plan's extension ground).",
    )
    multisectoral_plan_max_months: Param = _p(
        None,
        "off",
        "not found: no limit for multisectoral plans (17 §) was found; the integration-plan limits are "
        "not applied to them",
        "When set: maximum length of one multisectoral plan and of a customer's multisectoral plans "
        "together.",
    )
    family_plan_max_months: Param = _p(
        None,
        "off",
        "not found: no limit for family plans (21 §) was found; a family plan does not count toward "
        "an individual's total",
        "When set: maximum length of one family plan.",
    )
    review_interval_months: Param = _p(
        6,
        "warning",
        "guidance (kotoutuminen.fi)",
        "Next review at most this many months after the plan start or the last review.",
    )
    first_plan_window_years: Param = _p(
        3,
        "warning",
        "guidance (kotoutuminen.fi)",
        "First plan within this many years of the first residence permit, card or registration "
        "(not for victims of human trafficking).",
    )
    service_start_within_months: Param = _p(
        6,
        "warning",
        "guidance (kotoutuminen.fi)",
        "Referral to education or another service within this many months of the plan start.",
    )
    obligation_date: Param = _p(
        dt.date(2027, 1, 1),
        "report",
        "Act 681/2023 102 § 4 mom. (per memo); guidance",
        "Entering the data is mandatory for records dated on or after this day.",
    )
    future_date_days: Param = _p(
        31,
        "warning",
        "kototieto plausibility check (no legal source)",
        "A record dated more than this many days after the day it is saved or checked is reported "
        "(a typo such as 2036 for 2026); the record is saved.",
    )
    retention_years: Param = _p(
        None,
        "off",
        "not found: no retention period was confirmed",
        "Retention period of repository data. Documentation only: kototieto deletes nothing by age, so "
        "a repository cannot set it (koto.yaml refuses a value rather than pretend to enforce it).",
    )
    allow_real_identity_codes: Param = _p(
        False,
        "error",
        "kototieto pilot policy",
        "Allow identity codes outside the test range 900-999 (only for a repository configured "
        "for real data).",
    )

    record_kinds: Param = _p(
        ALL_KINDS,
        "error",
        "repository choice (koto.yaml: kinds). Open legal question: Act 1100/2024 (HE 192/2024, in "
        "force 1.1.2025) ended certain tasks of municipalities and wellbeing services counties; whether "
        "it repealed or rewrote Integration Act 15 §, 17 §, 21 § or 22 § 3 mom. is not confirmed "
        "(unverified). 874/2024 §§ 1-2 name only 14 § and 16 §.",
        "Record kinds the repository uses; writing any other kind is refused. Default: every kind "
        "(the memo's superset).",
    )

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Any] | None) -> RuleParams:
        """Defaults with a repository's overrides applied; ``ValueError`` names an unknown or bad key."""
        base = cls()
        if not overrides:
            return base
        changed: dict[str, Param] = {}
        for key, raw in overrides.items():
            if key not in cls.model_fields:
                known = ", ".join(cls.model_fields)
                raise TextError(
                    T(
                        "tuntematon sääntöparametri '{p}' (tunnetut: {k})",
                        "okänd regelparameter '{p}' (kända: {k})",
                        "unknown rule parameter '{p}' (known: {k})",
                    ).format(p=key, k=known)
                )
            current: Param = getattr(base, key)
            update = dict(raw) if isinstance(raw, Mapping) else {"value": raw}
            if "value" in update and isinstance(update["value"], str) and isinstance(current.value, dt.date):
                update["value"] = dt.date.fromisoformat(update["value"])
            if key in NOT_SETTABLE:
                raise ValueError(f"rule parameter '{key}': {NOT_SETTABLE[key]}")
            if key == "record_kinds" and "value" in update:
                update["value"] = _kinds_value(update["value"])
            try:
                changed[key] = Param.model_validate({**current.model_dump(), **update})
            except ValidationError as exc:
                raise ValueError(f"rule parameter '{key}': {exc.errors()[0]['msg']}") from None
        return base.model_copy(update=changed)

    def kind_enabled(self, kind: str) -> bool:
        """Whether the repository uses record kind ``kind`` (``record_kinds``)."""
        kinds = self.record_kinds.value
        return not isinstance(kinds, tuple) or kind in kinds

    def int_value(self, name: str) -> int | None:
        value = getattr(self, name).value
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def strength(self, name: str) -> Strength:
        strength: Strength = getattr(self, name).strength
        return strength

    def table(self) -> list[dict[str, Any]]:
        """The parameters as rows (for documentation and the site)."""
        return [
            {"name": name, **getattr(self, name).model_dump(mode="json")} for name in type(self).model_fields
        ]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day (31.1. + 1 = 28/29.2.)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def months_limit_end(start: dt.date, months: int) -> dt.date:
    """The last allowed day of a period of ``months`` months starting on ``start``."""
    return add_months(start, months) - dt.timedelta(days=1)


def _kinds_value(value: Any) -> tuple[str, ...]:
    """A checked list of record kinds: known kinds, no repeats, the customer always included."""
    if not isinstance(value, list | tuple) or not all(isinstance(k, str) for k in value):
        raise ValueError("rule parameter 'record_kinds': a list of record kinds")
    unknown = [k for k in value if k not in ALL_KINDS]
    if unknown:
        raise ValueError(
            f"rule parameter 'record_kinds': unknown kind {unknown[0]!r} (known: {', '.join(ALL_KINDS)})"
        )
    if "customer" not in value:
        raise ValueError("rule parameter 'record_kinds': the customer kind cannot be left out")
    return tuple(k for k in ALL_KINDS if k in value)
