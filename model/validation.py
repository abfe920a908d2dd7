"""Validate one record's data: schema first, then every rule. Never raises on bad data."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from kototieto.model import record_rules
from kototieto.model.assessment import MULTISECTORAL_ONLY
from kototieto.model.crossrules import check_records
from kototieto.model.meta import FieldMeta, Obligation
from kototieto.model.migrations import migrate
from kototieto.model.problems import RULES, Problem, RuleInfo, Severity, register_rule
from kototieto.model.record import Common
from kototieto.model.records import RECORD_KINDS, RECORD_MODELS, Record
from kototieto.model.rules import RuleParams
from kototieto.model.schema_errors import problems_from_error
from kototieto.model.text import T

__all__ = [
    "Problem",
    "Severity",
    "ValidationResult",
    "check_records",
    "missing_shall_fields",
    "validate_data",
    "validate_record",
]

register_rule(
    RuleInfo(
        "shall-items",
        T("Pakolliset tiedot", "Obligatoriska uppgifter", "Mandatory items"),
        T(
            "Tietueista, jotka on päivätty 1.1.2027 tai myöhemmin, on kirjattu kaikki 'pitää "
            "kirjata' -tiedot.",
            "Poster daterade 1.1.2027 eller senare har alla uppgifter som 'ska föras in'.",
            "Records dated on or after 1 January 2027 have every 'shall' item entered.",
        ),
        ("D5.01",),
        RECORD_KINDS,
        param="obligation_date",
    )
)
register_rule(
    RuleInfo(
        "multisectoral-only",
        T("Vain monialaisessa arvioinnissa", "Endast i sektorsövergripande bedömning", "Multisectoral only"),
        T(
            "Mielenterveys-, kuntoutus-, sosiaali- ja terveyspalvelujen tarpeet sekä muut palvelutarpeet "
            "(D1.24-D1.26) kirjataan vain monialaiseen arviointiin.",
            "Behov av mentalvård, rehabilitering, social- och hälsovård och andra tjänster (D1.24-D1.26) "
            "registreras endast i den sektorsövergripande bedömningen.",
            "Mental health, rehabilitation, social and health and other service needs (D1.24-D1.26) are "
            "recorded in a multisectoral assessment only.",
        ),
        ("D1.24", "D1.25", "D1.26"),
        ("assessment",),
    )
)
_ = record_rules  # the module registers the single-record rules on import


@dataclass
class ValidationResult:
    record: Record | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]


def missing_shall_fields(record: Common) -> list[str]:
    """Top-level 'shall' fields the record leaves unrecorded.

    Unrecorded means empty (None or "") or, for a list, absent: an empty list that was written says
    "none", an absent one says "not recorded". Fields with a default value (``schema_version``) are
    never missing.
    """
    missing: list[str] = []
    exempt_fn = getattr(record, "shall_exemptions", None)
    exempt: frozenset[str] = exempt_fn() if callable(exempt_fn) else frozenset()
    for name, info in type(record).model_fields.items():
        if name in exempt:
            continue
        meta = next((m for m in info.metadata if isinstance(m, FieldMeta)), None)
        if meta is None or meta.obligation is not Obligation.SHALL or info.is_required():
            continue
        value = getattr(record, name)
        unrecorded_list = isinstance(value, list) and name not in record.model_fields_set
        if value is None or value == "" or unrecorded_list:
            missing.append(name)
    return missing


def _shall_items(record: Common, params: RuleParams) -> list[Problem]:
    day = getattr(record, "date", None)
    start = params.obligation_date.value
    if not isinstance(day, dt.date) or not isinstance(start, dt.date) or day < start:
        return []
    if record.annulment is not None or params.obligation_date.strength == "off":
        return []
    return [
        Problem(
            (name,),
            Severity.WARNING,
            "shall-items",
            T(
                f"Tieto on kirjattava {start.day}.{start.month}.{start.year} alkaen. Täydennä se.",
                f"Uppgiften ska föras in från och med {start.day}.{start.month}.{start.year}. Komplettera den.",
                f"This item must be entered from {start.isoformat()}. Fill it in.",
            ),
        )
        for name in missing_shall_fields(record)
    ]


def validate_record(record: Record, params: RuleParams | None = None) -> list[Problem]:
    """Every rule's problems for a record that passed the schema."""
    params = params or RuleParams()
    problems: list[Problem] = []
    for info in RULES.values():
        if info.check is not None and record.kind in info.kinds:
            problems.extend(info.check(record, params))
    problems.extend(_shall_items(record, params))
    return problems


def validate_data(
    data: Mapping[str, Any],
    params: RuleParams | None = None,
    *,
    context: Mapping[str, Any] | None = None,
) -> ValidationResult:
    """Schema and rules for one record's data. ``context`` may admit extension codes."""
    if not isinstance(data, Mapping):
        return ValidationResult(None, [Problem((), Severity.ERROR, "schema", _NOT_MAPPING)])
    kind = data.get("kind")
    model = RECORD_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        return ValidationResult(None, [Problem(("kind",), Severity.ERROR, "schema", _bad_kind(kind))])
    try:
        record = model.model_validate(migrate(dict(data)), context=dict(context) if context else None)
    except ValidationError as exc:
        only = MULTISECTORAL_ONLY if kind == "assessment" else ()
        return ValidationResult(None, problems_from_error(exc, only))
    valid = typing.cast(Record, record)
    return ValidationResult(valid, validate_record(valid, params))


_NOT_MAPPING = T(
    "Tietueen pitää olla kenttien ryhmä (avain: arvo -rivejä).",
    "En post ska vara en grupp fält (rader nyckel: värde).",
    "A record must be a group of fields (key: value lines).",
)


def _bad_kind(kind: object) -> Any:
    allowed = ", ".join(RECORD_KINDS)
    if kind is None:
        return T(
            f"Tietueen laji (kind) puuttuu. Sallitut: {allowed}.",
            f"Typ av post (kind) saknas. Tillåtna: {allowed}.",
            f"The record kind (kind) is missing. Allowed: {allowed}.",
        )
    return T(
        f"Tuntematon tietueen laji '{kind}'. Sallitut: {allowed}.",
        f"Okänd typ av post '{kind}'. Tillåtna: {allowed}.",
        f"Unknown record kind '{kind}'. Allowed: {allowed}.",
    )
