"""Validation results: problems with severity, and the registry of named rules.

A rule is a function registered with a name, fi/sv/en label and the decree items it realises, so
the trace table and the site can name it. Rules return problems; they never raise on bad data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kototieto.model.text import Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one record: where (field path), how bad, which rule, what to do (fi/sv/en)."""

    path: Path
    severity: Severity
    rule: str
    messages: Text

    def message(self, lang: str = "fi") -> str:
        return self.messages.get(lang)

    @property
    def dotted_path(self) -> str:
        return path_str(self.path)

    def as_dict(self, lang: str = "fi") -> dict[str, Any]:
        return {
            "path": self.dotted_path,
            "severity": str(self.severity),
            "rule": self.rule,
            "message": self.message(lang),
        }


def path_str(path: Path) -> str:
    """``("measures", 2, "organiser")`` -> ``measures[2].organiser``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True)
class RuleInfo:
    name: str
    label: Text
    description: Text
    items: tuple[str, ...]
    kinds: tuple[str, ...]
    cross_record: bool = False
    param: str | None = None
    check: Callable[..., Any] | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "labels": self.label.as_dict(),
            "description": self.description.as_dict(),
            "decree_items": list(self.items),
            "kinds": list(self.kinds),
            "cross_record": self.cross_record,
            "parameter": self.param,
        }


RULES: dict[str, RuleInfo] = {}


def register_rule(info: RuleInfo) -> RuleInfo:
    if info.name in RULES:
        raise ValueError(f"rule {info.name} registered twice")
    RULES[info.name] = info
    return info
