"""``koto check``: validate record files or folders of them, in a repository or not.

The checks are the one pipeline's (:mod:`kototieto.store.pipeline`). A file inside a data
repository (a folder above it holds ``koto.yaml``) is checked with that repository's rule
parameters and pilot extension definitions, exactly as ``koto validate`` and a write would check
it; a file elsewhere with the national model and default parameters.

Files are taken folder by folder. For a file in the repository layout (``customers/S/C/R.yaml``)
the other records of its customer folder are read too, as context for the cross-record rules
(references, total plan time), but only the files asked for are reported. Loose files outside the
layout are checked against each other, and the cross-record rules run only when their folder also
holds the customer record (otherwise every reference would be reported missing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from kototieto.errors import InvalidInputError, KotoError
from kototieto.model.records import Record
from kototieto.store import pipeline
from kototieto.store.bulkload import fast_load
from kototieto.store.checks import Issue, issue_of
from kototieto.store.layout import CUSTOMERS_DIR, parse_record_path
from kototieto.store.pipeline import LANGS, Finding, Rules
from kototieto.store.yaml_messages import translate
from kototieto.store.yamlio import load_document

__all__ = ["CheckReport", "check_files", "record_files"]

PathKey = str | int

_DUPLICATE = {
    "fi": "Tunniste {id} on käytössä myös tiedostossa {other}.",
    "sv": "Identifieraren {id} används också i filen {other}.",
    "en": "The id {id} is also used in {other}.",
}


@dataclass
class CheckReport:
    files: int = 0
    records: int = 0
    issues: list[Issue] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(1 for i in self.issues if i.severity == severity)

    def to_json(self) -> dict[str, Any]:
        """``problems`` in the one problem format; ``issues`` (the same list) kept for old readers."""
        problems = [i.to_json() for i in self.issues]
        return {
            "files": self.files,
            "records": self.records,
            "errors": self.count("error"),
            "warnings": self.count("warning"),
            "problems": problems,
            "issues": problems,
        }


def record_files(paths: Sequence[Path]) -> list[Path]:
    """The files to check: files as given; for a folder its ``*.yaml`` files (hidden folders
    skipped), only those under ``customers/`` when it is a repository root (so ``koto.yaml`` and
    the like are not taken for records)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            root = path / CUSTOMERS_DIR if (path / CUSTOMERS_DIR).is_dir() else path
            out.extend(
                p
                for p in sorted(root.rglob("*.yaml"))
                if not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
        else:
            out.append(path)
    return out


def _layout_path(path: Path) -> str | None:
    """``customers/S/C/R.yaml`` when the file sits in the repository layout, else None."""
    parts = path.parts[-4:]
    rel = "/".join(parts)
    return rel if len(parts) == 4 and parse_record_path(rel) is not None else None


def check_files(paths: Sequence[Path], lang: str = "fi") -> CheckReport:
    """Validate record files: YAML, schema, rules, path agreement, and cross-record rules."""
    files = record_files(paths)
    report = CheckReport(files=len(files))
    rules_of: dict[Path | None, Rules] = {}
    for folder, group in groupby(files, key=lambda p: p.parent):
        wanted = list(group)
        root, rules = pipeline.rules_near(folder)
        rules = rules_of.setdefault(root, rules)
        people = _people_of(root)
        if _layout_path(wanted[0]) is not None:
            context = [p for p in sorted(folder.glob("*.yaml")) if p not in set(wanted)]
            _check_group(wanted, context, rules, lang, report, cross=True, people=people)
        else:
            _check_group(wanted, [], rules, lang, report, cross=None, people=people)
    return report


def _people_of(root: Path | None) -> Callable[[dict[str, Any]], list[dict[str, Any]]] | None:
    """Inside a data repository with commits: the other customers with a customer record's
    identifier at the branch head (one person, one customer, as a write checks it)."""
    if root is None:
        return None
    from kototieto.store.store import Store

    try:
        store = Store.open(root)
        if store.repo.head_commit() is None:
            return None
    except KotoError:
        return None
    return store.same_identity


def _check_group(
    files: list[Path],
    context: list[Path],
    rules: Rules,
    lang: str,
    report: CheckReport,
    cross: bool | None,
    people: Callable[[dict[str, Any]], list[dict[str, Any]]] | None = None,
) -> None:
    found: dict[Path, list[Finding]] = {}
    owner: dict[str, Path] = {}
    records: list[Record] = []
    invalid: set[str] = set()
    wanted = set(files)
    for path in [*files, *context]:
        try:
            data = fast_load(path.read_bytes(), str(path))
        except InvalidInputError as exc:
            if path in wanted:
                loc = exc.location
                line, col = (loc.line, loc.column) if loc else (None, None)
                message = translate(exc.text)[lang]
                report.issues.append(Issue(str(path), line, col, "", "error", "yaml", message))
            continue
        except OSError as exc:
            if path in wanted:
                report.issues.append(Issue(str(path), None, None, "", "error", "file", str(exc)))
            continue
        if path not in wanted:
            record = rules.parse(data)
            if record is not None and record.id not in owner:
                owner[record.id] = path
                records.append(record)
            elif record is None and isinstance(data.get("id"), str):
                invalid.add(data["id"])
            continue
        probs, record = pipeline.record_findings(data, rules, _layout_path(path))
        if people is not None:
            probs += pipeline.identity_findings(data, people(data))
        found[path] = probs
        if record is not None:
            report.records += 1
            rid = record.id
            if rid in owner:
                msgs = {lg: _DUPLICATE[lg].format(id=rid, other=owner[rid]) for lg in LANGS}
                probs.append(Finding(("id",), "error", "duplicate-id", msgs))
            else:
                owner[rid] = path
                records.append(record)
        elif isinstance(data.get("id"), str):
            invalid.add(data["id"])
    if cross is None:
        cross = any(r.kind == "customer" for r in records)
    for rid, finding in pipeline.cross_findings(records, rules, invalid) if cross else []:
        if owner[rid] in wanted:
            found[owner[rid]].append(finding)
    for path, probs in found.items():
        if not probs:
            continue
        locate = _locator(path)
        report.issues.extend(issue_of(str(path), f, lang, locate(f.path)) for f in probs)


def _locator(path: Path) -> Callable[[tuple[PathKey, ...]], tuple[int | None, int | None]]:
    """Line and column of a field path (re-reads the file with the round-trip loader, so only
    files with problems pay for it)."""
    try:
        doc = load_document(path.read_bytes(), str(path))
    except (InvalidInputError, OSError):
        return lambda _p: (None, None)

    def locate(fpath: tuple[PathKey, ...]) -> tuple[int | None, int | None]:
        pos = doc.locate(fpath)
        return (pos[0], pos[1]) if pos else (None, None)

    return locate
