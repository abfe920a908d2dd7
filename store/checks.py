"""The checks every write runs, as ``Issue``s with positions: see :mod:`kototieto.store.pipeline`.

``check_record`` returns every problem as an ``Issue`` (file, line, column, field path, severity,
rule, message) so a refused write can show all of them at once. Line numbers come from the
round-trip document when the caller has one. The checks themselves are the one pipeline's
(``pipeline.check``): the path check, the model's rules with the repository's extension
definitions and rule parameters, and the cross-record rules against the customer's other records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kototieto.errors import InvalidRecordError, Location
from kototieto.i18n import count
from kototieto.model.records import Record
from kototieto.model.rules import RuleParams
from kototieto.model.text import T, Text
from kototieto.store import pipeline
from kototieto.store.fielddiff import dotted
from kototieto.store.pipeline import Finding, Rules, config_params, rule_params

if TYPE_CHECKING:
    from kototieto.model.extensions import ExtensionSet

__all__ = [
    "Issue",
    "check_record",
    "config_params",
    "errors_of",
    "issue_of",
    "raise_if_invalid",
    "rule_params",
]

PathKey = str | int


@dataclass(frozen=True)
class Issue:
    file: str
    line: int | None
    column: int | None
    field: str
    severity: str
    rule: str
    message: str

    def __str__(self) -> str:
        loc = str(Location(self.file, self.line, self.column))
        field = f" {self.field}:" if self.field else ""
        return f"{loc}:{field} {self.message} [{self.rule}]"

    def to_json(self) -> dict[str, Any]:
        """The one problem format (``file, line, column, path, severity, rule, message``); ``field``
        is the same as ``path``, kept for tools that read it."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.field,
            "field": self.field,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
        }


def issue_of(
    file: str, finding: Finding, lang: str = "fi", where: tuple[int | None, int | None] = (None, None)
) -> Issue:
    return Issue(
        file, where[0], where[1], dotted(finding.path), finding.severity, finding.rule, finding.message(lang)
    )


def check_record(
    path: str,
    data: Mapping[str, Any],
    *,
    rules: Rules,
    locate: Any = None,
    others: Iterable[Mapping[str, Any]] = (),
    same_identity: Iterable[Mapping[str, Any]] = (),
    lang: str = "fi",
) -> list[Issue]:
    """Every problem of ``data`` stored at ``path``; ``others``: the customer's other records;
    ``same_identity``: other customers' records with this customer record's identifier."""

    def where(p: tuple[PathKey, ...]) -> tuple[int | None, int | None]:
        if locate is None:
            return None, None
        pos = locate(p)
        return (pos[0], pos[1]) if pos else (None, None)

    return [
        issue_of(path, f, lang, where(f.path))
        for f in pipeline.check(data, rules, rel=path, others=others, same_identity=same_identity)
    ]


def parse_records(datas: Iterable[Mapping[str, Any]], extensions: ExtensionSet | None = None) -> list[Record]:
    """The records (model objects, extended types with ``extensions``) of the data that parse;
    the rest are left out (they have problems of their own)."""
    return pipeline.parse_others(datas, Rules(RuleParams(), extensions))[0]


def errors_of(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]


def raise_if_invalid(path: str, issues: list[Issue]) -> None:
    errors = errors_of(issues)
    if errors:
        lines = "\n".join(f"  {i}" for i in errors)
        raise InvalidRecordError(nothing_written(len(errors), lines, f"{path}: "), problems=list(errors))


def nothing_written(n: int, lines: str, prefix: str = "") -> Text:
    """ "``prefix``3 problem(s); nothing was written:" and the problems' ``lines``, in fi, sv and en."""
    return T(
        f"{prefix}{count(n, 'problem', 'fi')}; mitään ei tallennettu:\n{lines}",
        f"{prefix}{count(n, 'problem', 'sv')}; ingenting sparades:\n{lines}",
        f"{prefix}{n} problem(s); nothing was written:\n{lines}",
    )
