"""The checks every write runs: the model's rules, the cross-record rules, path and content.

``check_record`` returns every problem as an ``Issue`` (file, line, column, field path, severity,
rule, message) so a refused write can show all of them at once. Line numbers come from the
round-trip document when the caller has one. The model is imported lazily: ``store`` stays usable
(layout and path checks only) in a checkout whose model predates the validation API.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kototieto.errors import InvalidInputError, InvalidRecordError, Location
from kototieto.store.fielddiff import dotted
from kototieto.store.layout import path_problems

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
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message,
        }


def _model() -> Any | None:
    try:
        from kototieto.model import validation
    except ImportError:
        return None
    return validation


def rule_params(overrides: Mapping[str, Any], allow_real_identity_codes: bool = False) -> Any | None:
    """The model's RuleParams with a repository's overrides (``koto.yaml`` ``rules`` and
    ``allow_real_identity_codes``); an unknown or bad override is an error naming ``koto.yaml``."""
    try:
        from kototieto.model.rules import RuleParams
    except ImportError:
        return None
    values = dict(overrides)
    if allow_real_identity_codes:
        values["allow_real_identity_codes"] = True
    try:
        return RuleParams.from_overrides(values) if values else RuleParams()
    except ValueError as exc:
        raise InvalidInputError(f"rules: {exc}", location=Location("koto.yaml")) from None


def repo_params(config: Any) -> Any | None:
    """``rule_params`` of a ``RepoConfig``."""
    return rule_params(config.rules, config.allow_real_identity_codes)


def parse_records(datas: Iterable[Mapping[str, Any]], extensions: Any = None) -> list[Any]:
    """Records (model objects) of the data that parse; the rest are left out."""
    try:
        from kototieto.model.records import parse_record
    except ImportError:
        return []
    out = []
    for d in datas:
        try:
            out.append(extensions.parse(d) if extensions is not None else parse_record(d))
        except Exception:  # an invalid stored record is not this write's problem
            continue
    return out


def check_record(
    path: str,
    data: Mapping[str, Any],
    *,
    locate: Any = None,
    others: Iterable[Mapping[str, Any]] = (),
    params: Any = None,
    lang: str = "fi",
    extensions: Any = None,
) -> list[Issue]:
    """Every problem of ``data`` stored at ``path``; ``others``: the customer's other records."""

    def where(p: tuple[PathKey, ...]) -> tuple[int | None, int | None]:
        if locate is None:
            return None, None
        pos = locate(p)
        return (pos[0], pos[1]) if pos else (None, None)

    issues: list[Issue] = []
    for pp in path_problems(path, data):
        line, col = where((pp.field,))
        issues.append(Issue(path, line, col, pp.field, "error", "path", pp.message))
    validation = _model()
    if validation is None:
        return issues
    # extensions: the repository's ExtensionSet (kototieto.store.extensions), None = national model
    if extensions is not None:
        result = extensions.validate(data, params)
    else:
        result = validation.validate_data(data, params)
    for prob in result.problems:
        line, col = where(tuple(prob.path))
        issues.append(
            Issue(
                path, line, col, dotted(tuple(prob.path)), str(prob.severity), prob.rule, prob.message(lang)
            )
        )
    if result.record is not None:
        records = [*parse_records(others, extensions), result.record]
        rid = data.get("id")
        for record_id, prob in validation.check_records(records, params):
            if record_id != rid:
                continue
            line, col = where(tuple(prob.path))
            issues.append(
                Issue(
                    path,
                    line,
                    col,
                    dotted(tuple(prob.path)),
                    str(prob.severity),
                    prob.rule,
                    prob.message(lang),
                )
            )
    return issues


def errors_of(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]


def raise_if_invalid(path: str, issues: list[Issue]) -> None:
    errors = errors_of(issues)
    if errors:
        lines = "\n".join(f"  {i}" for i in errors)
        raise InvalidRecordError(
            f"{path}: {len(errors)} problem(s); nothing was written:\n{lines}",
            problems=list(errors),
        )
