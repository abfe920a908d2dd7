"""The field catalogue: every field of every record kind, read from the models' ``FieldMeta``.

``catalogue_json()`` is a public format (other tools read it): keys ``record_kinds``, ``fields``
(each with ``path``, ``kinds``, ``type``, ``cardinality``, ``obligation``, ``condition``,
``applies_when``, ``actors``, ``labels``, ``definitions``, ``legal_basis``, ``decree_items``,
``code_list``, ``example``), ``code_lists``, ``rules``, ``decree_items``, ``trace``, ``parameters`` and
``version``. A field path is dotted (``measures.organiser.type``); one path means one thing in every
kind that has it. Nested fields take the legal basis of their record-level field.

``applies_when`` is the ``condition`` in machine-readable form where its trigger is another field of
the same object: ``{"field": "plan_timing.timing", "equals": "date"}``, ``{"field": ..., "in":
[...]}`` or ``{"field": ..., "present": false}`` (the trigger's full path: a sibling of the field);
``null`` when there is no condition or it depends on more than the record (the words say it).
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from kototieto import __version__
from kototieto.model import validation as _validation  # noqa: F401  (registers every rule)
from kototieto.model.codes import CODE_LISTS, Code
from kototieto.model.legalstatus import KIND_STATUS, OPEN_QUESTIONS, open_questions_json, status_874
from kototieto.model.meta import FieldMeta, LegalBasis, Obligation
from kototieto.model.problems import RULES
from kototieto.model.records import RECORD_KINDS, RECORD_MODELS
from kototieto.model.rules import RuleParams
from kototieto.model.text import T, Text
from kototieto.model.trace import DECREE_ITEMS, TRACE

#: Version of the catalogue format and content; bump when fields change.
CATALOGUE_VERSION = "2026.12-draft"

KIND_LABELS: dict[str, tuple[Text, Text, tuple[int, ...]]] = {
    "customer": (
        T("Asiakas", "Kund", "Customer"),
        T(
            "Henkilö, jota muut tietueet koskevat: tunniste, nimet, kielet, ensimmäinen oleskeluasiakirja.",
            "Personen som de andra posterna gäller: identifikation, namn, språk, första uppehållsdokument.",
            "The person the other records are about: identifier, names, languages, residence.",
        ),
        (2,),
    ),
    "assessment": (
        T(
            "Osaamisen ja kotoutumisen palvelutarpeen arviointi",
            "Bedömning av kompetens och behovet av integrationstjänster",
            "Assessment of competence and integration service needs",
        ),
        T(
            "Kunnan tekemä arviointi maahanmuuttajan osaamisesta ja palvelutarpeista (laki 14 §).",
            "Kommunens bedömning av invandrarens kompetens och servicebehov (lagen 14 §).",
            "The municipality's assessment of the immigrant's competence and service needs (Act 14 §).",
        ),
        (14,),
    ),
    "multisectoral-assessment": (
        T(
            "Monialainen osaamisen ja kotoutumisen palvelutarpeen arviointi",
            "Sektorsövergripande bedömning av kompetens och behovet av integrationstjänster",
            "Multisectoral assessment",
        ),
        T(
            "Kunnan ja hyvinvointialueen yhdessä tekemä arviointi (laki 15 §).",
            "Bedömning som kommunen och välfärdsområdet gör tillsammans (lagen 15 §).",
            "An assessment made by the municipality together with the wellbeing services county (Act 15 §).",
        ),
        (15,),
    ),
    "integration-plan": (
        T("Kotoutumissuunnitelma", "Integrationsplan", "Integration plan"),
        T(
            "Henkilökohtainen suunnitelma kotoutumista tukevista palveluista (laki 16 §).",
            "Personlig plan för tjänster som stöder integrationen (lagen 16 §).",
            "A personal plan of the services supporting integration (Act 16 §).",
        ),
        (16,),
    ),
    "multisectoral-plan": (
        T(
            "Monialainen kotoutumissuunnitelma",
            "Sektorsövergripande integrationsplan",
            "Multisectoral integration plan",
        ),
        T(
            "Kunnan ja hyvinvointialueen yhdessä laatima suunnitelma (laki 17 §).",
            "Plan som kommunen och välfärdsområdet gör upp tillsammans (lagen 17 §).",
            "A plan drawn up by the municipality and the wellbeing services county together (Act 17 §).",
        ),
        (17,),
    ),
    "family-plan": (
        T("Perheen kotoutumissuunnitelma", "Integrationsplan för familjen", "Family integration plan"),
        T(
            "Perheen yhteinen kotoutumissuunnitelma (laki 21 §).",
            "Familjens gemensamma integrationsplan (lagen 21 §).",
            "A joint integration plan for a family (Act 21 §).",
        ),
        (21,),
    ),
    "review": (
        T("Suunnitelman tarkistaminen", "Översyn av planen", "Review of a plan"),
        T(
            "Suunnitelman toteutumisen seuranta ja muutokset (laki 22 §).",
            "Uppföljning av planens genomförande och ändringar (lagen 22 §).",
            "Follow-up of how the plan is carried out, and its changes (Act 22 §).",
        ),
        (22,),
    ),
    "guidance": (
        T("Ohjaus ja neuvonta", "Vägledning och rådgivning", "Guidance and counselling"),
        T(
            "Maahanmuuttajan ohjaus ja neuvonta hänen suostumuksellaan (laki 10 §).",
            "Vägledning och rådgivning till invandraren med hens samtycke (lagen 10 §).",
            "Guidance and counselling of an immigrant, with their consent (Act 10 §).",
        ),
        (10,),
    ),
}


@dataclass
class FieldEntry:
    path: str
    kinds: list[str]
    type: str
    cardinality: str
    meta: FieldMeta
    basis: LegalBasis | None
    code_list: str | None
    inherited_items: tuple[str, ...] = ()
    children: list[str] = field(default_factory=list)
    inherited_addition: Text | None = None

    @property
    def decree_items(self) -> list[str]:
        return sorted(set(self.meta.items) | set(self.inherited_items))

    def status_874_by_kind(self) -> dict[str, str]:
        """The 874/2024 status of this field in each kind that has it (see ``legalstatus``)."""
        return {kind: str(status_874(self.basis, kind)) for kind in self.kinds}

    def obligation_by_kind(self) -> dict[str, str]:
        """The obligation in each kind; a part of a field made optional in a kind (contacts on
        guidance) is optional there too."""
        root = _entries().get(self.path.split(".")[0]) if "." in self.path else None
        out = {}
        for kind in self.kinds:
            ob = self.meta.obligation_in(kind)
            made_optional = (
                root is not None
                and root.meta.obligation_in(kind) is Obligation.MAY
                and root.meta.obligation is not Obligation.MAY
            )
            if made_optional:
                ob = Obligation.MAY
            out[kind] = str(ob)
        return out

    @property
    def project_addition(self) -> Text | None:
        """The project-addition note of the field, or of the record-level field it belongs to."""
        return self.meta.project_addition or self.inherited_addition

    def applies_when(self) -> dict[str, Any] | None:
        """The machine-readable condition with the trigger's full path (a sibling's path)."""
        when = self.meta.applies_when
        if when is None:
            return None
        parent = self.path.rpartition(".")[0]
        return when.as_dict(f"{parent}." if parent else "")

    def as_dict(self) -> dict[str, Any]:
        addition = self.project_addition
        return {
            "path": self.path,
            "kinds": self.kinds,
            "type": self.type,
            "cardinality": self.cardinality,
            "obligation": str(self.meta.obligation),
            "obligation_by_kind": self.obligation_by_kind(),
            "status_874_by_kind": self.status_874_by_kind(),
            "project_addition": addition is not None,
            "project_addition_note": addition.as_dict() if addition else None,
            "condition": self.meta.condition.as_dict() if self.meta.condition else None,
            "applies_when": self.applies_when(),
            "actors": [str(a) for a in self.meta.actors],
            "labels": self.meta.label.as_dict(),
            "definitions": self.meta.definition.as_dict(),
            "legal_basis": self.basis.as_dict() if self.basis else None,
            "decree_items": self.decree_items,
            "declared_items": list(self.meta.items),
            "code_list": self.code_list,
            "example": self.meta.example,
            "nested": "." in self.path,
        }


def _unwrap(annotation: Any) -> tuple[Any, bool, bool, list[Any]]:
    """(inner type, optional, is list, metadata) of an annotation."""
    optional = False
    is_list = False
    metadata: list[Any] = []
    tp = annotation
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            args = typing.get_args(tp)
            metadata.extend(args[1:])
            tp = args[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            optional = optional or len(members) < len(typing.get_args(tp))
            if len(members) != 1:
                break
            tp = members[0]
        elif origin is list:
            is_list = True
            tp = typing.get_args(tp)[0]
        else:
            break
    return tp, optional, is_list, metadata


def _type_name(tp: Any, metadata: list[Any]) -> tuple[str, str | None]:
    code = next((m for m in metadata if isinstance(m, Code)), None)
    if code is not None:
        return "code", code.list_id
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "object", None
    if tp is bool:
        return "boolean", None
    if tp is int:
        return "integer", None
    if tp is float:
        return "decimal", None
    name = getattr(tp, "__name__", str(tp))
    if name == "date":
        return "date", None
    if typing.get_origin(tp) is dict or name == "dict":
        return "map", None
    if tp is str or typing.get_origin(tp) is typing.Literal:
        limits = [getattr(m, "max_length", None) for m in metadata]
        patterns = [getattr(m, "pattern", None) for m in metadata]
        if any(p and "a-z0-9" in p for p in patterns):
            return "id", None
        if 10_000 in limits:
            return "long text", None
        return "text", None
    return name, None


def _cardinality(info: FieldInfo, optional: bool, is_list: bool, metadata: list[Any]) -> str:
    min_len = next((getattr(m, "min_length", None) for m in metadata if getattr(m, "min_length", None)), None)
    required = info.is_required() and not optional
    if is_list:
        return "1..n" if (min_len or 0) >= 1 else "0..n"
    return "1" if required else "0..1"


def _walk(
    model: type[BaseModel],
    kind: str,
    prefix: str,
    parent_basis: LegalBasis | None,
    parent_items: tuple[str, ...],
    out: dict[str, FieldEntry],
    parent_addition: Text | None = None,
) -> None:
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        tp, optional, is_list, extra = _unwrap(info.annotation)
        metadata = list(info.metadata) + extra
        meta = next((m for m in metadata if isinstance(m, FieldMeta)), None)
        if meta is None:
            raise TypeError(f"{model.__name__}.{name} has no FieldMeta")
        basis = meta.basis if not prefix else (parent_basis or meta.basis)
        type_name, code_list = _type_name(tp, metadata)
        existing = out.get(path)
        if existing is not None:
            same = existing.meta == meta or (name == "kind" and not prefix)
            if not same:
                raise ValueError(f"field path {path} means different things in {existing.kinds} and {kind}")
            if kind not in existing.kinds:
                existing.kinds.append(kind)
        else:
            out[path] = FieldEntry(
                path,
                [kind],
                type_name,
                _cardinality(info, optional, is_list, metadata),
                meta,
                basis,
                code_list,
                inherited_items=parent_items,
                inherited_addition=parent_addition,
            )
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            items = parent_items if prefix else tuple(meta.items)
            _walk(tp, kind, f"{path}.", basis, items, out, meta.project_addition or parent_addition)


@cache
def _entries() -> dict[str, FieldEntry]:
    out: dict[str, FieldEntry] = {}
    for kind, model in RECORD_MODELS.items():
        _walk(model, kind, "", None, (), out)
    return out


def fields() -> list[FieldEntry]:
    """Every field of every kind, record-level fields in model order, nested after their parent."""
    return list(_entries().values())


def field_entry(path: str) -> FieldEntry:
    return _entries()[path]


def field_label(path: str, lang: str = "fi") -> str:
    """Label of a field path; list indexes (``measures[2].organiser``) are ignored."""
    clean = ".".join(part.split("[")[0] for part in path.split("."))
    entry = _entries().get(clean)
    return entry.meta.label.get(lang) if entry else path


def code_label(list_id: str, code: str, lang: str = "fi") -> str:
    return CODE_LISTS[list_id].value_label(code, lang)


def kind_label(kind: str, lang: str = "fi") -> str:
    return KIND_LABELS[kind][0].get(lang)


def record_kinds_json() -> list[dict[str, Any]]:
    return [
        {
            "kind": kind,
            "labels": KIND_LABELS[kind][0].as_dict(),
            "definitions": KIND_LABELS[kind][1].as_dict(),
            "act_sections": list(KIND_LABELS[kind][2]),
            "status_874": str(KIND_STATUS[kind].status),
            "status_874_note": KIND_STATUS[kind].note.as_dict(),
            "status_874_by_actor": {a: str(st) for a, st in KIND_STATUS[kind].by_actor},
            "open_questions": [q.id for q in OPEN_QUESTIONS if kind in q.kinds],
            "fields": [e.path for e in fields() if kind in e.kinds],
        }
        for kind in RECORD_KINDS
    ]


def code_lists_json() -> list[dict[str, Any]]:
    out = []
    for cl in CODE_LISTS.values():
        labels = {lang: cl.labels(lang) for lang in ("fi", "sv", "en")}
        out.append(
            {
                "id": cl.id,
                "labels": cl.label.as_dict(),
                "definitions": cl.definition.as_dict(),
                "source": cl.source,
                "external": cl.external is not None,
                "open_end": cl.open_end,
                "values": [_code_value(cl, code, labels) for code in cl.codes()],
            }
        )
    return out


def _code_value(cl: Any, code: str, labels: dict[str, dict[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {"code": code, "labels": {lang: labels[lang].get(code, code) for lang in labels}}
    addition = cl.value_addition(code) if cl.external is None else None
    if addition is not None:
        out["project_addition"] = True
        out["project_addition_note"] = addition.as_dict()
    return out


def trace_json() -> dict[str, dict[str, list[str]]]:
    return {item: {"fields": list(f), "rules": list(r)} for item, (f, r) in TRACE.items()}


def catalogue_json(extra_fields: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The whole catalogue as one JSON-compatible document (see the module docstring)."""
    return {
        "version": CATALOGUE_VERSION,
        "generator": f"kototieto {__version__}",
        "record_kinds": record_kinds_json(),
        "fields": [e.as_dict() for e in fields()] + list(extra_fields or []),
        "code_lists": code_lists_json(),
        "rules": [r.as_dict() for r in RULES.values()],
        "decree_items": [d.as_dict() for d in DECREE_ITEMS],
        "trace": trace_json(),
        "parameters": RuleParams().table(),
        "open_questions": open_questions_json(),
    }
