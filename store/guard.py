"""The YAML 1.1 / 1.2 guard: which strings must be quoted so that every reader sees a string.

A plain scalar is resolved by regular expressions, and they differ between YAML versions: PyYAML
(YAML 1.1) reads ``no``/``on`` as booleans, ``010`` as 8, ``1:20`` as 80; ruamel (YAML 1.2) reads
them as ``'no'``, ``'on'``, 10 and ``'1:20'``. A string is written plain only when no resolver of
either version (PyYAML's table, ruamel's 1.1 and 1.2 tables) claims it for a non-string type.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final

import yaml.resolver
from ruamel.yaml import resolver as rresolver

STR_TAG: Final = "tag:yaml.org,2002:str"


@lru_cache(maxsize=1)
def _table() -> dict[str, list[tuple[str, Any]]]:
    table: dict[str, list[tuple[str, Any]]] = {}
    for first, entries in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
        for tag, regexp in entries:
            table.setdefault(first or "", []).append((str(tag), regexp))
    for _versions, tag, regexp, firsts in rresolver.implicit_resolvers:
        for first in firsts:
            table.setdefault(first or "", []).append((str(tag), _compiled(regexp)))
    return table


def _compiled(regexp: Any) -> Any:
    lazy = getattr(regexp, "lazy_self", None)
    return lazy() if callable(lazy) else regexp


def needs_quotes(value: str) -> bool:
    """True when some YAML 1.1 or 1.2 reader would read ``value`` written plain as a non-string."""
    if value == "" or value != value.strip():
        return True
    return any(regexp.match(value) for _tag, regexp in _table().get(value[0], ()))
