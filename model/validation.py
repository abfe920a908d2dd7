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
from kototieto.model.legalstatus import MEMO_ONLY_KINDS
from kototieto.model.meta import FieldMeta, Obligation
from kototieto.model.migrations import migrate
from kototieto.model.problems import RULES, Problem, RuleInfo, Severity, register_rule
from kototieto.model.record import Common
from kototieto.model.records import RECORD_KINDS, RECORD_MODELS, Record
from kototieto.model.rules import RuleParams
from kototieto.model.schema_errors import problems_from_error
from kototieto.model.text import T, Text

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
register_rule(
    RuleInfo(
        "kind-enabled",
        T("Käytössä olevat tietuelajit", "Typer av poster som används", "Record kinds in use"),
        T(
            "Tietovarantoon kirjataan vain lajeja, jotka se on ottanut käyttöön (koto.yaml: kinds).",
            "I informationslagret registreras endast typer som det har tagit i bruk (koto.yaml: kinds).",
            "A repository records only the kinds it has enabled (koto.yaml: kinds).",
        ),
        (),
        RECORD_KINDS,
        param="record_kinds",
    )
)
_ = record_rules  # the module registers the single-record rules on import


def _kind_enabled(record: Common, params: RuleParams) -> list[Problem]:
    kind = str(getattr(record, "kind", ""))
    if params.kind_enabled(kind):
        return []
    why = (
        T(
            " Laji on vain asetusluonnoksen muistiossa (ei asetuksen 874/2024 1-2 §:ssä), ja on "
            "tarkistamatta, kumosiko tai muuttiko laki 1100/2024 sen perustan (15, 17, 21 § tai "
            "22 § 3 mom.).",
            " Typen finns endast i promemorian om förordningsutkastet (inte i 1-2 § i förordning "
            "874/2024), och det är inte kontrollerat om lag 1100/2024 upphävde eller ändrade dess "
            "grund (15, 17, 21 § eller 22 § 3 mom.).",
            " The kind is named only in the draft decree memo (not in 874/2024 §§ 1-2), and whether "
            "Act 1100/2024 repealed or rewrote its basis (15 §, 17 §, 21 § or 22 § 3 mom.) is not "
            "confirmed.",
        )
        if kind in MEMO_ONLY_KINDS or kind == "review"
        else T("", "", "")
    )
    label = KIND_LABELS_SHORT.get(kind, T(kind, kind, kind))
    return [
        Problem(
            ("kind",),
            Severity.ERROR,
            "kind-enabled",
            T(
                f"Tämä tietovaranto ei käytä tietuelajia {label.fi} ('{kind}'), joten tietuetta ei "
                f"tallenneta.{why.fi} Ota laji käyttöön koto.yaml-tiedoston kinds-luettelossa, jos "
                "tietovaranto päättää käyttää sitä.",
                f"Detta informationslager använder inte typen {label.sv} ('{kind}'), så posten "
                f"sparas inte.{why.sv} Ta typen i bruk i listan kinds i koto.yaml om "
                "informationslagret beslutar att använda den.",
                f"This repository does not use the record kind {label.en} ('{kind}'), so the record "
                f"is not saved.{why.en} Add the kind to the kinds list in koto.yaml if the repository "
                "decides to use it.",
            ),
        )
    ]


#: Short kind names for messages (the catalogue's labels import this module, so they live here).
KIND_LABELS_SHORT: dict[str, Text] = {
    "customer": T("asiakas", "kund", "customer"),
    "assessment": T("arviointi", "bedömning", "assessment"),
    "multisectoral-assessment": T(
        "monialainen arviointi", "sektorsövergripande bedömning", "multisectoral assessment"
    ),
    "integration-plan": T("kotoutumissuunnitelma", "integrationsplan", "integration plan"),
    "multisectoral-plan": T(
        "monialainen kotoutumissuunnitelma",
        "sektorsövergripande integrationsplan",
        "multisectoral integration plan",
    ),
    "family-plan": T(
        "perheen kotoutumissuunnitelma", "integrationsplan för familjen", "family integration plan"
    ),
    "review": T("suunnitelman tarkistaminen", "översyn av planen", "review of a plan"),
    "guidance": T("ohjaus ja neuvonta", "vägledning och rådgivning", "guidance and counselling"),
}


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
    problems: list[Problem] = _kind_enabled(record, params)
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
