"""``koto config set KEY VALUE``: change one setting of ``koto.yaml`` and commit it.

The file is edited round-trip (comments and order kept); the new file must pass the same checks
as every run (``parse_config`` and the rule parameters) before it is committed, so a typo never
reaches the repository. Keys are dotted paths (``rules.review_interval_months``,
``organisation.name``); VALUE is read as YAML (``4``, ``true``, ``[sv, fi]``, ``'091'``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML

from kototieto.errors import InvalidInputError, UsageError
from kototieto.model.text import T
from kototieto.store import gitcommit
from kototieto.store.pipeline import config_params
from kototieto.store.repository import CONFIG_FILE, Repository, parse_config

FIXED = ("format_version",)

NOT_SETTABLE = T(
    "Avainta '{key}' ei muuteta näin (käytä `koto upgrade`).",
    "Nyckeln '{key}' ändras inte så (använd `koto upgrade`).",
    "The key '{key}' is not changed this way (use `koto upgrade`).",
)
BAD_VALUE = T(
    "Arvo ei kelpaa: {error}. Mitään ei tallennettu.",
    "Värdet duger inte: {error}. Ingenting sparades.",
    "The value is not valid: {error}. Nothing was written.",
)
BAD_KEY = T(
    "Avain '{key}' ei ole kelvollinen polku (esim. rules.review_interval_months).",
    "Nyckeln '{key}' är ingen giltig sökväg (t.ex. rules.review_interval_months).",
    "The key '{key}' is not a valid path (e.g. rules.review_interval_months).",
)


@dataclass(frozen=True)
class Result:
    value: Any
    shown: str
    commit: str


def set_value(repo_path: Path, key: str, raw_value: str, *, author: str | None = None) -> Result:
    repo = Repository.open(repo_path)
    parts = key.split(".")
    if not all(parts):
        raise UsageError(BAD_KEY.format(key=key))
    if parts[0] in FIXED:
        raise UsageError(NOT_SETTABLE.format(key=key))
    try:
        value = yaml.safe_load(raw_value)
    except yaml.YAMLError:
        value = raw_value
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    config_file = repo.root / CONFIG_FILE
    doc = rt.load(config_file.read_text(encoding="utf-8"))
    node = doc
    for part in parts[:-1]:
        child = node.get(part) if hasattr(node, "get") else None
        if child is None:
            from ruamel.yaml.comments import CommentedMap

            child = CommentedMap()
            node[part] = child
        if not hasattr(child, "get"):
            raise UsageError(BAD_KEY.format(key=key))
        node = child
    node[parts[-1]] = value
    out = io.StringIO()
    rt.dump(doc, out)
    text = out.getvalue()
    try:
        config = parse_config(text)

        config_params(config)
    except (InvalidInputError, ValueError) as exc:
        raise InvalidInputError(BAD_VALUE.format(error=str(exc))) from None
    sig = gitcommit.parse_author(author) if author else gitcommit.default_signature(repo)
    result = gitcommit.commit_changes(
        repo, {CONFIG_FILE: text.encode("utf-8")}, f"koto.yaml: {key} = {raw_value}\n", author=sig
    )
    return Result(value, raw_value, result.commit_id)
