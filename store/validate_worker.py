"""The work of ``koto validate`` for one chunk of customer folders; runs in a worker process.

A chunk is a list of groups (one customer folder each). For every file: get the data (parse the
YAML with the bulk loader, or take the cached JSON when the blob was parsed before), run the
model's ``validate_data`` and the path check, then run ``check_records`` over the group's records.
Positions (line, column) are computed only for files that have problems. The result holds plain
tuples and dicts (cheap to pickle), plus the new cache rows for the parent to store.

Cross-record rules run per customer folder: the model's cross-record rules relate records of one
customer (a reference to another customer's record is an error either way).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.errors import InvalidInputError
from kototieto.model.crossrules import identity_key
from kototieto.model.rules import RuleParams
from kototieto.store import pipeline
from kototieto.store.blobcache import BlobCache, blob_id
from kototieto.store.bulkload import fast_load, locate_paths
from kototieto.store.extensions.load import repository_extensions
from kototieto.store.pipeline import LANGS, Finding
from kototieto.store.yaml_messages import translate

PathKey = str | int
ProblemDict = dict[str, Any]


@dataclass(frozen=True)
class FileTask:
    path: str  # relative to the root, POSIX
    blob: str | None  # known blob id, or None (the worker hashes the file)
    cached: bool  # the blob's data is in the cache (no parsing needed)


@dataclass(frozen=True)
class ChunkTask:
    root: str
    groups: list[list[FileTask]]
    params: RuleParams
    path_check: Callable[[str, dict[str, Any]], list[Any]] | None
    cache_path: str | None
    data_version: str
    extensions_root: str | None = None  # validate with this repository's pilot extensions


@dataclass
class FileOutcome:
    path: str
    blob: str
    meta: tuple[str | None, str | None, str | None]  # record id, customer, kind
    parsed: bool  # read as YAML by this run (not from the cache)
    is_record: bool  # the file is a mapping the model could look at
    problems: list[ProblemDict]
    blob_row: tuple[str, str | None, str | None, str | None, str | None, str | None] | None = None
    person: dict[str, Any] | None = None  # a live customer's id, names and identifier (``person_of``)


@dataclass
class ChunkResult:
    files: list[FileOutcome] = field(default_factory=list)
    groups: list[tuple[list[tuple[str, str]], list[ProblemDict]]] = field(default_factory=list)


_CACHE: dict[str, BlobCache] = {}


def _cache(path: str, data_version: str) -> BlobCache:
    if path not in _CACHE:
        _CACHE[path] = BlobCache(Path(path), data_version, readonly=True)
    return _CACHE[path]


def problem_dict(
    path: Sequence[PathKey], severity: str, rule: str, messages: dict[str, str], where: tuple[int, int] | None
) -> ProblemDict:
    return {
        "line": where[0] if where else None,
        "column": where[1] if where else None,
        "path": list(path),
        "severity": severity,
        "rule": rule,
        "messages": messages,
    }


class _Texts:
    """File texts of the current group, read at most once and only when positions are needed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.texts: dict[str, str] = {}
        self.raw: dict[str, bytes] = {}  # files this run has read already

    def positions(self, path: str, paths: list[tuple[PathKey, ...]]) -> list[tuple[int, int] | None]:
        if path not in self.texts and path in self.raw:
            self.texts[path] = self.raw[path].decode("utf-8", "replace")
        if path not in self.texts:
            try:
                self.texts[path] = (self.root / path).read_bytes().decode("utf-8", "replace")
            except OSError:
                return [None for _ in paths]
        return locate_paths(self.texts[path], paths)


def run_chunk(task: ChunkTask) -> ChunkResult:
    """Validate every file of every group of ``task``; never raises for a bad file."""
    ext = repository_extensions(task.extensions_root) if task.extensions_root is not None else None
    rules = pipeline.Rules(task.params, ext)  # the definitions are cached per process
    root = Path(task.root)
    cached_blobs = [f.blob for g in task.groups for f in g if f.cached and f.blob]
    cached = (
        _cache(task.cache_path, task.data_version).data_of(cached_blobs)
        if cached_blobs and task.cache_path
        else {}
    )
    result = ChunkResult()
    for group in task.groups:
        texts = _Texts(root)
        records: list[tuple[str, Any]] = []
        invalid: set[str] = set()  # ids of records present in the folder but failing the schema
        for ft in group:
            outcome, record = _one_file(ft, root, texts, cached, task, rules)
            result.files.append(outcome)
            if record is not None:
                records.append((ft.path, record))
            elif outcome.is_record and outcome.meta[0] is not None:
                invalid.add(outcome.meta[0])
        cross: list[ProblemDict] = []
        if records:
            path_of: dict[str, str] = {}
            for path, record in records:
                path_of.setdefault(record.id, path)
            found: dict[str, list[Finding]] = {}
            for record_id, finding in pipeline.cross_findings([r for _, r in records], rules, invalid):
                if record_id in path_of:
                    found.setdefault(path_of[record_id], []).append(finding)
            for path, items in found.items():
                where = texts.positions(path, [f.path for f in items])
                for f, pos in zip(items, where, strict=True):
                    cross.append({"file": path, **problem_dict(f.path, f.severity, f.rule, f.messages, pos)})
        members = [(o.path, o.blob) for o in result.files[-len(group) :]] if group else []
        result.groups.append((members, cross))
    return result


def _one_file(
    ft: FileTask,
    root: Path,
    texts: _Texts,
    cached: dict[str, tuple[str | None, str | None]],
    task: ChunkTask,
    rules: pipeline.Rules,
) -> tuple[FileOutcome, Any]:
    data: dict[str, Any] | None = None
    error: ProblemDict | None = None
    blob_row = None
    blob = ft.blob
    if ft.cached and blob in cached:
        data_json, error_json = cached[blob]
        data = json.loads(data_json) if data_json is not None else None
        error = json.loads(error_json) if error_json is not None else None
        parsed = False
    else:
        parsed = True
        try:
            raw = (root / ft.path).read_bytes()
        except OSError as exc:
            raw = b""
            error = problem_dict(
                (), "error", "file", dict.fromkeys(LANGS, f"cannot read the file: {exc.strerror}"), None
            )
        blob = blob_id(raw)
        if error is None:
            try:
                data = fast_load(raw, ft.path)
            except InvalidInputError as exc:
                loc = exc.location
                at = (loc.line, loc.column or 1) if loc is not None and loc.line is not None else None
                error = problem_dict((), "error", "yaml", translate(exc.text), at)
        if data is not None:
            texts.raw[ft.path] = raw
        meta = _meta(data)
        blob_row = (
            blob,
            json.dumps(data, ensure_ascii=False) if data is not None else None,
            json.dumps(error, ensure_ascii=False) if error is not None else None,
            *meta,
        )
    assert blob is not None
    meta = _meta(data)
    if data is None:
        return FileOutcome(ft.path, blob, meta, parsed, False, [error] if error else [], blob_row), None
    if task.path_check is not None:
        items, record = pipeline.record_findings(data, rules, ft.path, task.path_check)
    else:
        items, record = pipeline.record_findings(data, rules)
    problems: list[ProblemDict] = []
    if items:
        where = texts.positions(ft.path, [f.path for f in items])
        problems = [
            problem_dict(f.path, f.severity, f.rule, f.messages, pos)
            for f, pos in zip(items, where, strict=True)
        ]
    outcome = FileOutcome(ft.path, blob, meta, parsed, True, problems, blob_row, person_of(data))
    return outcome, record


PERSON_KEYS = ("kind", "id", "identifier", "first_names", "last_name")


def person_of(data: Any) -> dict[str, Any] | None:
    """What the check across customers (one person, one customer) needs of a customer record
    that is not annulled and has an identifier; None for any other record."""
    if not isinstance(data, dict) or identity_key(data) is None:
        return None
    return {k: data.get(k) for k in PERSON_KEYS}


def _meta(data: dict[str, Any] | None) -> tuple[str | None, str | None, str | None]:
    if data is None:
        return None, None, None

    def text(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) else None

    return text("id"), text("customer"), text("kind")
