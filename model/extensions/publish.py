"""Extensions as the outside sees them: the JSON Schema for editors and catalogue entries."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kototieto.model.codes import CODE_LISTS, ENUM_LIMIT
from kototieto.model.extensions.definitions import ExtensionField, OpenEndCode
from kototieto.model.jsonschema import record_schema
from kototieto.model.records import RECORD_MODELS
from kototieto.model.text import Text

if TYPE_CHECKING:  # extset calls this module (ExtensionSet.schema); the type alone is needed here
    from kototieto.model.extensions.extset import ExtensionSet

# ---------------------------------------------------------------- JSON Schema
_SCHEMAS: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "minLength": 1, "maxLength": 200},
    "long-text": {"type": "string", "minLength": 1, "maxLength": 10_000},
    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "boolean": {"type": "boolean"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
}
_LOCAL = Text("paikallinen lisäkenttä", "lokalt tilläggsfält", "local extension field")
_STATUS = {
    "proposed": Text("ehdotettu", "föreslaget", "proposed"),
    "in-trial": Text("kokeilussa", "på försök", "in trial"),
    "withdrawn": Text("poistettu käytöstä", "indraget", "withdrawn"),
}


def status_label(status: str, lang: str = "fi") -> str:
    return _STATUS[status].get(lang)


def _value_schema(ext: ExtensionSet, ef: ExtensionField, lang: str) -> dict[str, Any]:
    base = ef.spec.base_type
    if base == "code":
        assert ef.code_list is not None
        local = ext.local_list(ef.code_list)
        codes = [v.code for v in local.spec.values] if local else list(CODE_LISTS[ef.code_list].codes())
        codes += [oc.code for oc in ext.open_end if oc.list_id == ef.code_list]
        one: dict[str, Any] = {"type": "string", "x-code-list": ef.code_list}
        if len(codes) <= ENUM_LIMIT:
            one["enum"] = codes
    else:
        one = dict(_SCHEMAS[base])
    value = {"type": "array", "items": one} if ef.spec.is_list else one
    note = f"{_LOCAL.get(lang)} ({ef.organisation}, {status_label(ef.spec.status, lang)})"
    return {
        "title": ef.label.get(lang),
        "description": f"{ef.spec.definitions.text().get(lang)} [{note}]",
        **({"examples": [ef.spec.example]} if ef.spec.example is not None else {}),
        **value,
    }


def extended_schema(ext: ExtensionSet | None, kind: str | None = None, lang: str = "fi") -> dict[str, Any]:
    """``jsonschema.record_schema`` with each kind's ``extensions`` typed, and open-end codes added."""
    schema = copy.deepcopy(record_schema(kind, lang))
    if ext is None or not (ext.fields or ext.open_end):
        return schema
    targets = (
        {kind: schema}
        if kind is not None
        else {k: schema["$defs"][m.__name__] for k, m in RECORD_MODELS.items()}
    )
    for k, target in targets.items():
        props = target.setdefault("properties", {})
        old = props.get("extensions", {})
        sub = {
            "type": "object",
            "properties": {ef.id: _value_schema(ext, ef, lang) for ef in ext.for_kind(k)},
            "additionalProperties": False,
        }
        props["extensions"] = {key: old[key] for key in ("title", "description") if key in old} | {
            "anyOf": [sub, {"type": "null"}]
        }
    by_list: dict[str, list[str]] = {}
    for oc in ext.open_end:
        by_list.setdefault(oc.list_id, []).append(oc.code)
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            lid = node.get("x-code-list")
            if lid in by_list and isinstance(node.get("enum"), list):
                node["enum"] = [*node["enum"], *(c for c in by_list[lid] if c not in node["enum"])]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return schema


# ---------------------------------------------------------------- catalogue
def _default_example(ext: ExtensionSet, ef: ExtensionField) -> Any:
    if ef.spec.example is not None:
        return ef.spec.example
    base = ef.spec.base_type
    one: Any = {
        "text": "...",
        "long-text": "...",
        "date": "2026-11-28",
        "boolean": True,
        "integer": 1,
        "decimal": 1.5,
    }.get(base)
    if base == "code" and ef.code_list:
        local = ext.local_list(ef.code_list)
        one = local.spec.values[0].code if local else (CODE_LISTS[ef.code_list].codes() or ("",))[0]
    return [one] if ef.spec.is_list else one


def catalogue_fields(ext: ExtensionSet, actors: Sequence[str] = ("municipality",)) -> list[dict[str, Any]]:
    """Catalogue entries of the extension fields: the national shape plus local/organisation/rationale/status."""
    out = []
    for ef in ext.fields:
        s = ef.spec
        out.append(
            {
                "path": ef.path,
                "kinds": list(s.kinds),
                "type": s.base_type,
                "cardinality": "0..n" if s.is_list else "0..1",
                "obligation": s.obligation,
                "obligation_by_kind": {k: s.obligation for k in s.kinds},
                # a pilot's own field is named by no decree: 874/2024 does not apply to it
                "status_874_by_kind": {k: "not-applicable" for k in s.kinds},
                "project_addition": False,  # a pilot's addition (``local``), not the national project's
                "project_addition_note": None,
                "condition": None,
                "applies_when": None,
                "actors": list(actors),
                "labels": s.labels.text().as_dict(),
                "definitions": s.definitions.text().as_dict(),
                "legal_basis": None,
                "decree_items": sorted(s.decree_items),
                "declared_items": list(s.decree_items),
                "code_list": ef.code_list,
                "example": _default_example(ext, ef),
                "nested": True,
                "local": True,
                "organisation": ef.organisation,
                "rationale": s.rationale_text(),
                "rationale_by_lang": s.rationale_by_lang(),
                "need": s.need,
                "status": s.status,
                "extension_id": ef.id,
            }
        )
    return out


def catalogue_code_lists(ext: ExtensionSet) -> list[dict[str, Any]]:
    """Catalogue entries of the pilot's own code lists and of the codes added to national open ends."""
    out: list[dict[str, Any]] = []
    for cl in ext.code_lists:
        assert cl.spec.labels is not None and cl.spec.definitions is not None
        out.append(
            {
                "id": cl.id,
                "labels": cl.spec.labels.text().as_dict(),
                "definitions": cl.spec.definitions.text().as_dict(),
                "source": cl.organisation,
                "external": False,
                "open_end": False,
                "values": [{"code": v.code, "labels": v.labels.text().as_dict()} for v in cl.spec.values],
                "local": True,
                "organisation": cl.organisation,
            }
        )
    by_list: dict[str, list[OpenEndCode]] = {}
    for oc in ext.open_end:
        by_list.setdefault(oc.list_id, []).append(oc)
    for list_id, codes in by_list.items():
        out.append(
            {
                "id": list_id,
                "extends": list_id,
                "local": True,
                "values": [
                    {"code": oc.code, "labels": oc.label.as_dict(), "organisation": oc.organisation}
                    for oc in codes
                ],
            }
        )
    return out


def extend_catalogue(
    catalogue: Mapping[str, Any], ext: ExtensionSet, actors: Sequence[str] = ("municipality",)
) -> dict[str, Any]:
    """A copy of a catalogue document (``catalogue_json()``) with a pilot's extensions added, marked.

    Fields are appended (``local: true``) and listed on their kinds; the pilot's own code lists
    are appended (``local: true``); open-end codes are appended to their national list's values,
    each marked ``local: true`` with its ``organisation``. Readers of the national format need no
    change: every added entry has the national keys.
    """
    out = copy.deepcopy(dict(catalogue))
    added = catalogue_fields(ext, actors)
    out["fields"] = [*out.get("fields", []), *added]
    for kind in out.get("record_kinds", []):
        kind["fields"] = [
            *kind.get("fields", []),
            *(f["path"] for f in added if kind.get("kind") in f["kinds"]),
        ]
    lists = out.setdefault("code_lists", [])
    by_id = {cl["id"]: cl for cl in lists}
    for entry in catalogue_code_lists(ext):
        if "extends" not in entry:
            lists.append(entry)
            continue
        national = by_id.get(entry["id"])
        if national is not None:
            national["values"] = [
                *national.get("values", []),
                *({**v, "local": True} for v in entry["values"]),
            ]
    return out


_LOCAL_HEADING = Text("Paikallinen lisäkenttä", "Lokalt tilläggsfält", "Local extension field")
_RATIONALE = Text("Perustelu", "Motivering", "Rationale")


def local_note(entry: Mapping[str, Any], lang: str = "fi") -> tuple[str, str] | None:
    """(heading, text) marking a catalogue entry as a pilot's local extension; None for national ones.

    E.g. ("Local extension field", "091, in trial. Rationale: ..."): what the site prints on a field.
    """
    if not entry.get("local") or "extension_id" not in entry:
        return None
    status = str(entry.get("status") or "proposed")
    text = f"{entry.get('organisation')}, {status_label(status, lang) if status in _STATUS else status}"
    by_lang = entry.get("rationale_by_lang") or {}
    rationale = " ".join(str(by_lang.get(lang) or entry.get("rationale") or "").split())
    if rationale:
        text += f". {_RATIONALE.get(lang)}: {rationale}"
    return _LOCAL_HEADING.get(lang), text
