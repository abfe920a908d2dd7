"""Pilot extensions: a pilot's own fields and code lists, declared in data, typed by the model.

A data repository may declare extension fields and code lists in YAML files (``extensions/*.yaml``,
read by ``kototieto.store.extensions``). This module is pure: it checks the definitions and builds
from them the *extended record types*, so validation, the JSON Schema, documents and the catalogue
see extension fields exactly as they see national ones, with no special case elsewhere.

Invariants and trade-offs:

- An extension field's id is its organisation code, a dot and its name (``091.digital-skills``):
  two pilots may use the same name without clashing. Records carry extension values only under
  ``extensions``, keyed by that id, so national fields stay clean.
- The extended model of a kind subclasses the national model and replaces ``extensions`` by a
  sub-model with one optional, typed field per extension of that kind (``extra="forbid"``). Its
  field *names* are the namespaced ids themselves (Pydantic accepts any string as a field name),
  so dumps, error paths and the JSON Schema carry the ids with no alias machinery.
- A pilot's own code lists are checked by the extended model itself; codes added to a national
  list's open end travel in the validation context (``codes.extension_codes``) and are admitted only
  when the definitions are in use. Such codes must start with the organisation code and a hyphen
  (``091-digital-mentoring``), so two pilots' codes never collide.
- Withdrawn fields stay in the extended model: records that keep their values as history still
  validate. New values are not stopped by the model; the catalogue and the tools show the status.
- Definition problems are collected, never the first one only; each names file, line and field.
"""

from __future__ import annotations

from kototieto.model.extensions.checks import check_definitions, parse_definitions
from kototieto.model.extensions.definitions import (
    CODE_PATTERN,
    NAME_PATTERN,
    ORG_PATTERN,
    SCALAR_TYPES,
    STATUSES,
    TYPES,
    CodeValueDefinition,
    DefinitionProblem,
    ExtensionCodeList,
    ExtensionDefinition,
    ExtensionDefinitionError,
    ExtensionField,
    ExtensionFile,
    LocalCodeList,
    OpenEndCode,
    SourceDoc,
    Texts,
)
from kototieto.model.extensions.extset import (
    ADDITIONAL_INFORMATION,
    ExtensionSet,
    LocalCode,
    additional_information,
    build_extended_models,
    definitions_of,
)
from kototieto.model.extensions.publish import (
    catalogue_code_lists,
    catalogue_fields,
    extend_catalogue,
    extended_schema,
    local_note,
    status_label,
)

__all__ = [
    "ADDITIONAL_INFORMATION",
    "CODE_PATTERN",
    "NAME_PATTERN",
    "ORG_PATTERN",
    "SCALAR_TYPES",
    "STATUSES",
    "TYPES",
    "CodeValueDefinition",
    "DefinitionProblem",
    "ExtensionCodeList",
    "ExtensionDefinition",
    "ExtensionDefinitionError",
    "ExtensionField",
    "ExtensionFile",
    "ExtensionSet",
    "LocalCode",
    "LocalCodeList",
    "OpenEndCode",
    "SourceDoc",
    "Texts",
    "additional_information",
    "build_extended_models",
    "catalogue_code_lists",
    "catalogue_fields",
    "check_definitions",
    "definitions_of",
    "extend_catalogue",
    "extended_schema",
    "local_note",
    "parse_definitions",
    "status_label",
]
