"""A data repository's extension definitions (``extensions/*.yaml``): reading, use, changes.

- Definition files are read with the strict round-trip loader (``yamlio.load_document``), so a YAML
  problem and every definition problem name the file and line. ``load_extensions`` caches the
  checked set per process by the files' (name, mtime, size): a write path may call it per record.
- A repository without an ``extensions/`` folder has an empty set; everything then behaves as the
  national model.
- Definition changes are commits (``commit_definitions``, ``withdraw``) made with the store's
  commit machinery, together with the regenerated JSON Schema (``schema/record.schema.json``), so
  editors always complete the fields the committed definitions declare.
- Withdrawing a field that records still use is refused unless the values are moved to another
  extension field (``migrate_to``: the records are rewritten in the same commit, keeping their
  comments and layout) or explicitly kept as history (``keep_history``: the field stays in the
  extended model with status ``withdrawn``, so old values still validate).
- Usage (fill rates, value counts) is read from the records at the branch head. Example values for
  a proposal are only ever codes, booleans and numbers: free text and dates never leave a record.
"""

from __future__ import annotations

from kototieto.store.extensions.changes import WithdrawResult, commit_definitions, withdraw
from kototieto.store.extensions.load import (
    EXTENSIONS_DIR,
    check_extensions,
    definition_files,
    extended_catalogue,
    extension_catalogue_code_lists,
    extension_catalogue_fields,
    extensions_at,
    load_extensions,
    repository_extensions,
    schema_text,
)
from kototieto.store.extensions.proposal import TrialHistory, trial_history, write_proposal
from kototieto.store.extensions.usage import FieldUsage, head_records, usage

__all__ = [
    "EXTENSIONS_DIR",
    "FieldUsage",
    "TrialHistory",
    "WithdrawResult",
    "check_extensions",
    "commit_definitions",
    "definition_files",
    "extended_catalogue",
    "extension_catalogue_code_lists",
    "extension_catalogue_fields",
    "extensions_at",
    "head_records",
    "load_extensions",
    "repository_extensions",
    "schema_text",
    "trial_history",
    "usage",
    "withdraw",
    "write_proposal",
]
