"""Validate one record's data: schema first, then every rule. Never raises on bad data."""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from kototieto.model import crossrules, plausibility, record_rules
from kototieto.model.assessment import MULTISECTORAL_ONLY
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
    "MissingItem",
    "Problem",
    "Severity",
    "ValidationResult",
    "check_records",
    "missing_shall_fields",
    "missing_shall_items",
    "validate_data",
    "validate_record",
]

register_rule(
    RuleInfo(
        "shall-items",
        T("Pakolliset tiedot", "Obligatoriska uppgifter", "Mandatory items"),
        T(
            "Tietueista, jotka on päivätty 1.1.2027 tai myöhemmin, on kirjattu kaikki tiedot, jotka "
            "asetus edellyttää kirjaajalta kyseisessä tietuelajissa, myös sisäkkäiset kohdat.",
            "Poster daterade 1.1.2027 eller senare har alla uppgifter som förordningen kräver av den "
            "som registrerar i den typen av post, också underordnade punkter.",
            "Records dated on or after 1 January 2027 have every item the decree requires of the "
            "actor entering that kind of record, nested items included.",
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


def check_records(records: Iterable[Any], params: RuleParams | None = None) -> list[tuple[str, Problem]]:
    """Cross-record problems as ``(record id, problem)`` pairs: references, plan time
    (``crossrules``) and overlapping plans (``plausibility``)."""
    records = list(records)
    return [*crossrules.check_records(records, params), *plausibility.overlapping_plans(records)]


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


#: Fields that always hold a value the model writes itself (never 'missing').
_HANDLED = frozenset({"kind", "schema_version"})


@dataclass(frozen=True)
class MissingItem:
    """A 'shall' item left unrecorded: its exact path and the decree items of its record-level field."""

    path: tuple[str | int, ...]
    items: tuple[str, ...]
    decree_874: str | None = None  # where 874/2024 asks it, for items the memo does not number

    @property
    def field(self) -> str:
        """The catalogue path (dotted, no list indexes): ``measures.start``."""
        return ".".join(str(p) for p in self.path if isinstance(p, str))


def _field_meta(info: Any) -> FieldMeta | None:
    return next((m for m in info.metadata if isinstance(m, FieldMeta)), None)


def _unrecorded(owner: Any, name: str, info: Any, value: Any) -> bool:
    """Empty (None or ""), or absent where the model has a default: an empty list that was written
    says "none", an absent one "not recorded"; an absent value with a default (a measure's status)
    was never recorded either."""
    if value is None or value == "":
        return True
    return name not in owner.model_fields_set and not info.is_required()


def missing_shall_items(record: Common) -> list[MissingItem]:
    """Every 'shall' item the record leaves unrecorded, nested ones included, with exact paths.

    Only what the decree or the Act asks of the actor who entered the record: a field's obligation
    in this record kind (``FieldMeta.obligation_in``), fields the recording organisation's type is an
    actor of, and never fields the record is exempt from (``shall_exemptions``: a review of a plan
    that ends or passes to the employment authority needs no next review). Nested items are checked
    inside objects that are present (``measures[0].start`` only when there is a measure).
    """
    kind = str(getattr(record, "kind", ""))
    actor = str(record.organisation.type)
    exempt_fn = getattr(record, "shall_exemptions", None)
    exempt: frozenset[str] = exempt_fn() if callable(exempt_fn) else frozenset()
    out: list[MissingItem] = []
    for name, info in type(record).model_fields.items():
        meta = _field_meta(info)
        if meta is None or name in exempt or name in _HANDLED:
            continue
        if actor not in {str(a) for a in meta.actors}:
            continue
        value = getattr(record, name)
        ob = meta.obligation_in(kind)
        if ob is Obligation.SHALL and not info.is_required() and _unrecorded(record, name, info, value):
            basis = meta.basis
            out.append(MissingItem((name,), tuple(meta.items), basis.decree_874 if basis else None))
            continue
        if ob is Obligation.MAY and meta.obligation is not Obligation.MAY:
            continue  # made optional in this kind (contacts on guidance): its parts are not asked
        _nested(value, (name,), tuple(meta.items), kind, out)
    return out


def _nested(
    value: Any, path: tuple[str | int, ...], items: tuple[str, ...], kind: str, out: list[MissingItem]
) -> None:
    if isinstance(value, list):
        for index, item in enumerate(value):
            _nested(item, (*path, index), items, kind, out)
        return
    if not hasattr(type(value), "model_fields"):
        return
    for name, info in type(value).model_fields.items():
        meta = _field_meta(info)
        if meta is None:
            continue
        sub = getattr(value, name)
        if meta.obligation_in(kind) is Obligation.SHALL and _unrecorded(value, name, info, sub):
            if not info.is_required():
                out.append(MissingItem((*path, name), items))
            continue
        _nested(sub, (*path, name), items, kind, out)


def missing_shall_fields(record: Common) -> list[str]:
    """The catalogue paths (``next_review``, ``measures.start``) of the unrecorded 'shall' items,
    each once (see :func:`missing_shall_items` for exact paths)."""
    return list(dict.fromkeys(m.field for m in missing_shall_items(record)))


def _shall_items(record: Common, params: RuleParams) -> list[Problem]:
    day = getattr(record, "date", None)
    start = params.obligation_date.value
    if not isinstance(day, dt.date) or not isinstance(start, dt.date) or day < start:
        return []
    if record.annulment is not None or params.obligation_date.strength == "off":
        return []
    fi_day = f"{start.day}.{start.month}.{start.year}"
    out = []
    for missing in missing_shall_items(record):
        items = ", ".join(missing.items)
        if not items and missing.decree_874:
            items = f"874/2024 {missing.decree_874}"
        if items:
            text = T(
                f"Asetus edellyttää tämän tiedon kirjaamista {fi_day} alkaen ({items}). Täydennä se.",
                f"Förordningen kräver att uppgiften förs in från och med {fi_day} ({items}). Komplettera den.",
                f"The decree requires this item from {start.isoformat()} ({items}). Fill it in.",
            )
        else:  # a customer's basic data the Act's deadlines and responsibilities depend on
            text = T(
                "Tietoa tarvitaan lain määräaikojen ja vastuiden selvittämiseen; puuttuva tieto "
                "tarkoittaa, ettei asiaa tiedetä. Täydennä se.",
                "Uppgiften behövs för att avgöra lagens tidsfrister och ansvar; en uppgift som saknas "
                "betyder att saken inte är känd. Komplettera den.",
                "The Act's deadlines and responsibilities depend on this item; left out, it means "
                "'not known'. Fill it in.",
            )
        out.append(Problem(missing.path, Severity.WARNING, "shall-items", text))
    return out


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
        problems = problems_from_error(exc, only)
        problems.extend(rules_beside_schema_errors(model, data, exc, params, context))
        return ValidationResult(None, problems)
    valid = typing.cast(Record, record)
    return ValidationResult(valid, validate_record(valid, params))


def rules_beside_schema_errors(
    model: Any,
    data: Mapping[str, Any],
    exc: ValidationError,
    params: RuleParams | None,
    context: Mapping[str, Any] | None,
) -> list[Problem]:
    """All problems in one round: the rules that can run although some fields broke the schema.

    The record is built from its valid fields only (each validated on its own); every rule runs on
    it, and a rule that cannot run without a broken field (it raises) is skipped, as are problems
    about the broken fields themselves (their schema problem is already reported)."""
    bad = {str(e["loc"][0]) for e in exc.errors(include_url=False) if e.get("loc")}
    try:
        migrated = migrate(dict(data))
        partial = model.model_construct()
        validator = model.__pydantic_validator__
        ctx = dict(context) if context else None
        for key, value in migrated.items():
            if key in bad or key not in model.model_fields:
                continue
            try:
                validator.validate_assignment(partial, key, value, context=ctx)
            except (ValidationError, ValueError, TypeError, AttributeError):
                bad.add(key)
    except Exception:  # the partial record cannot even be built: the schema problems stand alone
        return []
    params = params or RuleParams()
    out: list[Problem] = []
    for info in RULES.values():
        if info.check is None or partial.kind not in info.kinds:
            continue
        try:
            found = list(info.check(partial, params))
        except Exception:  # the rule needs a field that broke the schema: skipped this round
            continue
        out.extend(p for p in found if not p.path or str(p.path[0]) not in bad)
    return out


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
