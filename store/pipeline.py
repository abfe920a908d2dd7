"""The one validation pipeline: every way into the repository checks a record the same way.

``koto check`` (files), ``koto validate`` (the repository, in bulk), the write path
(``Store.save_text``: ``koto add``/``commit``/``new``/``edit``, the bulk import), the merge driver
and the pre-commit hook all call the functions here with the same inputs:

- ``Rules``: the rule parameters (``koto.yaml`` ``rules`` and ``allow_real_identity_codes``) and the
  repository's pilot extension definitions (``extensions/``; None: the national model);
- the record's data and its path in the repository layout (the path check);
- today (``Rules.today``, read from the clock here only): a record dated far after it is reported;
- the customer's other records (context of the cross-record rules);
- for a customer record, the records of the other customers with the same identifier (found by
  the identity index, ``store.identityindex``): the same person is not recorded twice.

``record_findings`` runs the path check and the model's single-record validation (schema, rules)
with the extended record types; ``cross_findings`` runs the cross-record rules over a customer's
records; ``check`` does both for one record among its customer's other records. A reference to a
record that is present but itself invalid is not reported as "does not exist" (that record has
its own errors). Findings carry their messages in every language; the callers add positions and
pick the language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from kototieto.errors import InvalidInputError, Location
from kototieto.model.crossrules import duplicate_identity, missing_references
from kototieto.model.plausibility import future_date
from kototieto.model.problems import Problem, Severity
from kototieto.model.records import Record, parse_record
from kototieto.model.rules import RuleParams
from kototieto.model.schema_errors import UNKNOWN_EXTENSION
from kototieto.model.text import T, TextError
from kototieto.model.validation import ValidationResult, check_records, validate_data
from kototieto.store.layout import PathProblem, path_problems
from kototieto.store.repository import CONFIG_FILE, RepoConfig, Repository, parse_config

if TYPE_CHECKING:
    from kototieto.model.extensions import ExtensionSet


def repository_extensions(root: Path | str) -> ExtensionSet | None:
    """The repository's pilot extension definitions, None without ``extensions/`` (the national
    model). The extension machinery is imported only for a repository that has some (start-up)."""
    if not (Path(root) / "extensions").is_dir():
        return None
    from kototieto.store.extensions.load import repository_extensions as load

    return load(root)


PathKey = str | int
LANGS = ("fi", "sv", "en")
PathCheck = Callable[[str, dict[str, Any]], list[PathProblem]]


@dataclass(frozen=True)
class Finding:
    """One problem of one record: field path, severity, rule and the message in every language."""

    path: tuple[PathKey, ...]
    severity: str
    rule: str
    messages: dict[str, str]

    def message(self, lang: str = "fi") -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")

    @classmethod
    def of_problem(cls, problem: Problem) -> Finding:
        msgs = {lang: problem.message(lang) for lang in LANGS}
        return cls(tuple(problem.path), str(problem.severity), str(problem.rule), msgs)

    @classmethod
    def of_path_problem(cls, problem: PathProblem) -> Finding:
        return cls((problem.field,) if problem.field else (), "error", "path", problem.messages())


def today() -> dt.date:
    """The day the rules take as today (a record dated far after it is reported, ``future-date``):
    the one place the checks read the clock; the model's rules have none."""
    return dt.date.today()


@dataclass(frozen=True)
class Rules:
    """What a record is checked against besides its own data; ``today``: see :func:`today`
    (None: the rules that need the day are not run)."""

    params: RuleParams
    extensions: ExtensionSet | None = None
    today: dt.date | None = field(default_factory=today)
    #: Outside any repository (a file checked on its own) the national model takes any
    #: ``<org>.<name>`` key under ``extensions``: the definitions that would say more are unknown.
    #: In a repository without definitions such a key is an error: nothing declares it.
    outside_repository: bool = False

    @classmethod
    def national(cls) -> Rules:
        return cls(RuleParams(), outside_repository=True)

    def validate(self, data: Mapping[str, Any]) -> ValidationResult:
        if self.extensions is not None:
            result: ValidationResult = self.extensions.validate(data, self.params)
            return result
        result = validate_data(data, self.params)
        if not self.outside_repository:
            result.problems[:0] = undeclared_extensions(data)
        return result

    def parse(self, data: Mapping[str, Any]) -> Record | None:
        """The record (schema only, no rules), or None when it does not parse."""
        try:
            return self.extensions.parse(data) if self.extensions is not None else parse_record(data)
        except (ValidationError, ValueError, TypeError):
            return None


def undeclared_extensions(data: Mapping[str, Any]) -> list[Problem]:
    """An error for each key under ``extensions`` of a record in a repository that defines no
    extension fields (``extensions/`` is missing): a typo or a field never defined, never kept
    unchecked."""
    values = data.get("extensions")
    if not isinstance(values, Mapping):
        return []
    return [
        Problem(("extensions", str(key)), Severity.ERROR, "schema", UNKNOWN_EXTENSION.format(key=key))
        for key in values
    ]


def rule_params(overrides: Mapping[str, Any], allow_real_identity_codes: bool = False) -> RuleParams:
    """The model's RuleParams with a repository's overrides (``koto.yaml`` ``rules`` and
    ``allow_real_identity_codes``); an unknown or bad override is an error naming ``koto.yaml``."""
    values = dict(overrides)
    if allow_real_identity_codes:
        values["allow_real_identity_codes"] = True
    try:
        return RuleParams.from_overrides(values) if values else RuleParams()
    except ValueError as exc:
        why = exc.text if isinstance(exc, TextError) else T(str(exc), str(exc), str(exc))
        raise InvalidInputError(
            T(f"rules: {why.fi}", f"rules: {why.sv}", f"rules: {why.en}"), location=Location(CONFIG_FILE)
        ) from None


def config_params(config: RepoConfig) -> RuleParams:
    return rule_params(config.rules, config.allow_real_identity_codes)


def root_rules(root: Path, config: RepoConfig | None = None) -> Rules:
    """The rules of the data repository at ``root`` (its ``koto.yaml`` and ``extensions/``)."""
    if config is None:
        config = parse_config((root / CONFIG_FILE).read_text(encoding="utf-8"))
    return Rules(config_params(config), repository_extensions(root))


def repository_rules(repo: Repository) -> Rules:
    return root_rules(repo.root, repo.config)


def rules_near(path: Path) -> tuple[Path | None, Rules]:
    """The repository holding ``path`` (the nearest folder above with ``koto.yaml``) and its rules;
    (None, national rules) outside any repository."""
    for folder in [path, *path.resolve().parents] if path.is_dir() else path.resolve().parents:
        if (folder / CONFIG_FILE).is_file():
            return folder, root_rules(folder)
    return None, Rules.national()


def record_findings(
    data: Mapping[str, Any], rules: Rules, rel: str | None = None, path_check: PathCheck = path_problems
) -> tuple[list[Finding], Record | None]:
    """The path check (when ``rel``, the path in the repository layout, is given) and the model's
    validation of one record; returns the findings and the record (None when the schema fails)."""
    found = [Finding.of_path_problem(p) for p in path_check(rel, dict(data))] if rel is not None else []
    result = rules.validate(data)
    found.extend(Finding.of_problem(p) for p in result.problems)
    if result.record is not None and rules.today is not None:
        found.extend(Finding.of_problem(p) for p in future_date(result.record, rules.today, rules.params))
    return found, result.record


def cross_findings(
    records: Sequence[Record], rules: Rules, invalid: Iterable[str] = ()
) -> list[tuple[str, Finding]]:
    """The cross-record rules over one customer's records, as (record id, finding).

    ``invalid``: ids of records present but failing the schema; a reference to one of them is not
    reported (it exists, with errors of its own)."""
    bad = set(invalid)
    by_id = {r.id: r for r in records}
    out = []
    for record_id, problem in check_records(records, rules.params):
        if bad and _refers_to(by_id.get(record_id), problem, bad):
            continue
        out.append((record_id, Finding.of_problem(problem)))
    return out


def _refers_to(record: Any, problem: Problem, ids: set[str]) -> bool:
    if problem.rule != "record-references" or not problem.path or record is None:
        return False
    return getattr(record, str(problem.path[0]), None) in ids


def parse_others(others: Iterable[Mapping[str, Any]], rules: Rules) -> tuple[list[Record], set[str]]:
    """The customer's other records that parse, and the ids of those that do not."""
    records: list[Record] = []
    invalid: set[str] = set()
    for data in others:
        record = rules.parse(data)
        if record is not None:
            records.append(record)
        elif isinstance(data.get("id"), str):
            invalid.add(data["id"])
    return records, invalid


def check(
    data: Mapping[str, Any],
    rules: Rules,
    *,
    rel: str | None = None,
    others: Iterable[Mapping[str, Any]] = (),
    same_identity: Iterable[Mapping[str, Any]] = (),
) -> list[Finding]:
    """Every problem of one record (stored at ``rel``) among its customer's ``others``;
    ``same_identity``: other customers' records holding this customer record's identifier."""
    found, record = record_findings(data, rules, rel)
    found.extend(identity_findings(data, same_identity))
    if record is not None:
        records, invalid = parse_others(others, rules)
        records = [r for r in records if r.id != record.id]
        for record_id, finding in cross_findings([*records, record], rules, invalid):
            if record_id == record.id:
                found.append(finding)
    else:  # the schema fails: still name a reference to a record that does not exist, in this round
        kinds = {d["id"]: str(d.get("kind")) for d in others if isinstance(d.get("id"), str)}
        flagged = {f.path[:1] for f in found}
        found.extend(
            Finding.of_problem(p) for p in missing_references(data, kinds) if tuple(p.path) not in flagged
        )
    return found


def identity_findings(data: Mapping[str, Any], same_identity: Iterable[Mapping[str, Any]]) -> list[Finding]:
    """A customer record whose identifier another live customer has (``duplicate-identity``)."""
    return [Finding.of_problem(p) for p in duplicate_identity(data, same_identity)]
