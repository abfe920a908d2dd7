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

import json
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pygit2

from kototieto.errors import ConflictError, InvalidInputError, NotFoundError, NothingToDoError, UsageError
from kototieto.model.extensions import (
    DefinitionProblem,
    ExtensionDefinitionError,
    ExtensionField,
    ExtensionSet,
    SourceDoc,
    catalogue_code_lists,
    catalogue_fields,
    check_definitions,
    extended_schema,
)
from kototieto.store import gitcommit, history, layout
from kototieto.store.bulkload import fast_load
from kototieto.store.repository import Repository
from kototieto.store.yamlio import dump_document, load_document, update_document

EXTENSIONS_DIR = "extensions"
SUFFIX = ".yaml"
_CACHE: dict[tuple[Any, ...], ExtensionSet] = {}


def definition_files(root: Path) -> list[Path]:
    folder = Path(root) / EXTENSIONS_DIR
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def _doc(raw: bytes, name: str) -> SourceDoc:
    loaded = load_document(raw, name)
    return SourceDoc(name, loaded.data, loaded.locate)


def _worktree_docs(root: Path) -> tuple[list[SourceDoc], list[DefinitionProblem]]:
    docs, problems = [], []
    for path in definition_files(root):
        name = f"{EXTENSIONS_DIR}/{path.name}"
        try:
            docs.append(_doc(path.read_bytes(), name))
        except InvalidInputError as exc:
            loc = exc.location
            problems.append(
                DefinitionProblem(
                    name, loc.line if loc else None, loc.column if loc else None, "", exc.message
                )
            )
    return docs, problems


def check_extensions(root: Path | str) -> tuple[ExtensionSet | None, list[DefinitionProblem]]:
    """Check the working tree's definition files; (the set or None, every problem)."""
    docs, problems = _worktree_docs(Path(root))
    ext, more = check_definitions(docs)
    problems += more
    return (None, problems) if problems else (ext, [])


def load_extensions(root: Path | str) -> ExtensionSet:
    """The checked definitions of the working tree (cached); ExtensionDefinitionError if invalid."""
    files = definition_files(Path(root))
    key = (str(Path(root).resolve()), *((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files))
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    ext, problems = check_extensions(root)
    if ext is None:
        raise ExtensionDefinitionError(problems)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = ext
    return ext


def extensions_at(repo: Repository, commit: pygit2.Commit | None = None) -> ExtensionSet:
    """The definitions committed at ``commit`` (default: the branch head)."""
    commit = commit or repo.head_commit()
    docs = [_doc(raw, name) for name, raw in _committed_files(repo, commit).items()]
    ext, problems = check_definitions(docs)
    if ext is None:
        raise ExtensionDefinitionError(problems)
    return ext


def _committed_files(repo: Repository, commit: pygit2.Commit | None) -> dict[str, bytes]:
    if commit is None or EXTENSIONS_DIR not in commit.tree:
        return {}
    tree = repo.git.get(commit.tree[EXTENSIONS_DIR].id)
    out: dict[str, bytes] = {}
    if isinstance(tree, pygit2.Tree):
        for entry in tree:
            blob = repo.git.get(entry.id)
            if (entry.name or "").endswith(SUFFIX) and isinstance(blob, pygit2.Blob):
                out[f"{EXTENSIONS_DIR}/{entry.name}"] = blob.data
    return out


def _actors(repo: Repository, ef: ExtensionField) -> list[str]:
    org = repo.config.organisation
    return [org.type] if ef.organisation == org.code else []


def extension_catalogue_fields(repo_path: Path | str) -> list[dict[str, Any]]:
    """Catalogue entries of a repository's extension fields, marked ``local`` (``koto catalogue --data``)."""
    repo = Repository.open(repo_path)
    ext = load_extensions(repo.root)
    return [
        {**entry, "actors": _actors(repo, ef)}
        for entry, ef in zip(catalogue_fields(ext), ext.fields, strict=True)
    ]


def extension_catalogue_code_lists(repo_path: Path | str) -> list[dict[str, Any]]:
    """Catalogue entries of a repository's own code lists and open-end codes, marked ``local``."""
    return catalogue_code_lists(load_extensions(Repository.open(repo_path).root))


def schema_text(ext: ExtensionSet | None) -> str:
    """The repository's JSON Schema file (same layout as ``scaffold.schema_text``), extensions typed."""
    return json.dumps(extended_schema(ext, None, "fi"), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- records at the head
def head_records(repo: Repository) -> Iterator[tuple[str, bytes, dict[str, Any]]]:
    """(path, raw bytes, data) of every readable record at the branch head."""
    head = repo.head_commit()
    if head is None or layout.CUSTOMERS_DIR not in head.tree:
        return
    stack: list[tuple[str, pygit2.Tree]] = []
    top = repo.git.get(head.tree[layout.CUSTOMERS_DIR].id)
    if isinstance(top, pygit2.Tree):
        stack.append((layout.CUSTOMERS_DIR, top))
    while stack:
        prefix, tree = stack.pop()
        for entry in tree:
            obj = repo.git.get(entry.id)
            path = f"{prefix}/{entry.name}"
            if isinstance(obj, pygit2.Tree):
                stack.append((path, obj))
            elif isinstance(obj, pygit2.Blob) and path.endswith(layout.RECORD_SUFFIX):
                try:
                    yield path, obj.data, fast_load(obj.data, path)
                except InvalidInputError:
                    continue


@dataclass
class FieldUsage:
    """How one extension field is used: records of its kinds, records that fill it, value counts."""

    field_id: str
    records: int = 0
    filled: int = 0
    values: Counter[str] = field(default_factory=Counter)
    record_ids: list[str] = field(default_factory=list)  # records holding a value (any, annulled too)

    @property
    def fill_rate(self) -> float | None:
        return self.filled / self.records if self.records else None


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


def _countable(ef: ExtensionField, value: Any) -> list[str]:
    """Values safe to show outside the record: codes, booleans and numbers (never text or dates)."""
    if ef.spec.base_type not in ("code", "boolean", "integer", "decimal"):
        return []
    items = value if isinstance(value, list) else [value]
    return [json.dumps(v) if isinstance(v, bool) else str(v) for v in items if v is not None]


def usage(repo: Repository, ext: ExtensionSet) -> dict[str, FieldUsage]:
    """Usage of every extension field at the head; annulled records are left out of the rates."""
    out = {ef.id: FieldUsage(ef.id) for ef in ext.fields}
    for _, _, data in head_records(repo):
        kind = data.get("kind")
        raw = data.get("extensions")
        values: dict[str, Any] = raw if isinstance(raw, dict) else {}
        annulled = bool(data.get("annulment"))
        for ef in ext.fields:
            u = out[ef.id]
            value = values.get(ef.id)
            if _filled(value):
                u.record_ids.append(str(data.get("id")))
            if annulled or kind not in ef.spec.kinds:
                continue
            u.records += 1
            if _filled(value):
                u.filled += 1
                u.values.update(_countable(ef, value))
    return out


# ---------------------------------------------------------------- changes
def _signature(repo: Repository, author: str | None) -> pygit2.Signature:
    return gitcommit.parse_author(author) if author else gitcommit.default_signature(repo)


def _head_guard(repo: Repository) -> Any:
    start = repo.head_commit()
    start_id = start.id if start is not None else None

    def check(head: pygit2.Commit | None) -> None:
        if (head.id if head is not None else None) != start_id:
            raise ConflictError("the repository changed while the extensions were being changed; run again")

    return check


def _undefined_in_use(repo: Repository, ext: ExtensionSet) -> list[str]:
    known = set(ext.by_id)
    out = []
    for path, _, data in head_records(repo):
        values = data.get("extensions")
        if isinstance(values, dict):
            out += [f"{path}: {key}" for key in values if key not in known and _filled(values[key])]
    return out


def commit_definitions(repo: Repository, message: str | None = None, author: str | None = None) -> str:
    """Commit the working tree's definition files (checked) with the regenerated JSON Schema.

    Refused when a definition is invalid, or when records at the head use a field the new
    definitions no longer declare (withdraw it instead). Returns the new commit id.
    """
    ext = load_extensions(repo.root)
    missing = _undefined_in_use(repo, ext)
    if missing:
        shown = "\n".join(f"  {m}" for m in missing[:10])
        raise ConflictError(
            f"records use extension fields that the definitions no longer declare; nothing was committed. "
            f"Withdraw a field with `koto extension withdraw ID` instead of deleting it:\n{shown}"
        )
    head = repo.head_commit()
    committed = _committed_files(repo, head)
    changes: dict[str, bytes | None] = {}
    for path in definition_files(repo.root):
        name = f"{EXTENSIONS_DIR}/{path.name}"
        raw = path.read_bytes()
        if committed.get(name) != raw:
            changes[name] = raw
    for name in committed:
        if not (repo.root / name).is_file():
            changes[name] = None
    schema = schema_text(ext).encode("utf-8")
    blob = history.blob_at(repo, head, layout.SCHEMA_PATH) if head is not None else None
    if changes and (blob is None or blob.data != schema):
        changes[layout.SCHEMA_PATH] = schema
    if not changes:
        raise NothingToDoError("the extension definitions are already committed")
    names = ", ".join(sorted(n for n in changes if n != layout.SCHEMA_PATH))
    result = gitcommit.commit_changes(
        repo,
        changes,
        message or f"Extensions: update {names}\n",
        author=_signature(repo, author),
        check=_head_guard(repo),
    )
    return result.commit_id


@dataclass(frozen=True)
class WithdrawResult:
    field_id: str
    commit: str
    migrated: int  # records whose values were moved to ``migrate_to``
    kept: int  # records keeping their values as history


def withdraw(
    repo: Repository,
    field_id: str,
    *,
    migrate_to: str | None = None,
    keep_history: bool = False,
    author: str | None = None,
) -> WithdrawResult:
    """Set a field's status to ``withdrawn`` (one commit); refused while records use it unless
    ``migrate_to`` (move the values) or ``keep_history`` (keep them) is given."""
    if migrate_to and keep_history:
        raise UsageError("give either --migrate-to or --keep-history, not both")
    ext = load_extensions(repo.root)
    try:
        ef = ext.get(field_id)
    except KeyError as exc:
        raise NotFoundError(str(exc.args[0])) from None
    if ef.spec.status == "withdrawn":
        raise NothingToDoError(f"{field_id} is already withdrawn")
    users = usage(repo, ext)[field_id].record_ids
    target: ExtensionField | None = None
    if migrate_to:
        try:
            target = ext.get(migrate_to)
        except KeyError as exc:
            raise NotFoundError(str(exc.args[0])) from None
        if target.id == ef.id or target.spec.status == "withdrawn":
            raise UsageError(f"--migrate-to {migrate_to}: choose another field that is not withdrawn")
        if (target.spec.type, target.code_list) != (ef.spec.type, ef.code_list):
            raise UsageError(
                f"--migrate-to {migrate_to}: its type ({target.spec.type}) differs from {field_id}'s ({ef.spec.type})"
            )
    if users and not (target or keep_history):
        shown = ", ".join(users[:5]) + (" ..." if len(users) > 5 else "")
        raise ConflictError(
            f"{len(users)} record(s) use {field_id} ({shown}); nothing was changed. Move the values with "
            "--migrate-to OTHER-ID, or keep them as history with --keep-history"
        )
    changes: dict[str, bytes | None] = {}
    # The definition file, with only the status changed (comments and layout kept).
    def_doc = load_document((repo.root / ef.file).read_bytes(), ef.file)
    data = def_doc.data
    data["fields"][ef.index]["status"] = "withdrawn"
    update_document(def_doc.doc, data)
    changes[ef.file] = dump_document(def_doc.doc).encode("utf-8")
    new_ext, problems = check_definitions(
        [
            _doc(changes[ef.file] or b"", ef.file)
            if path == ef.file
            else _doc((repo.root / path).read_bytes(), path)
            for path in (f"{EXTENSIONS_DIR}/{p.name}" for p in definition_files(repo.root))
        ]
    )
    if new_ext is None:
        raise ExtensionDefinitionError(problems)
    migrated = 0
    if target is not None:
        changes.update(_migrate(repo, new_ext, ef, target))
        migrated = len(changes) - 1
    changes[layout.SCHEMA_PATH] = schema_text(new_ext).encode("utf-8")
    how = f"values moved to {target.id}" if target else ("values kept as history" if users else "unused")
    result = gitcommit.commit_changes(
        repo,
        changes,
        f"Extensions: withdraw {field_id} ({how})\n\nExtension-Field: {field_id}\n",
        author=_signature(repo, author),
        check=_head_guard(repo),
    )
    return WithdrawResult(field_id, result.commit_id, migrated, 0 if target else len(users))


def _migrate(
    repo: Repository, ext: ExtensionSet, old: ExtensionField, new: ExtensionField
) -> dict[str, bytes | None]:
    """Rewrite every head record holding ``old``: its value moves to ``new`` (checked with ``ext``)."""
    out: dict[str, bytes | None] = {}
    for path, raw, data in head_records(repo):
        values = data.get("extensions")
        if not isinstance(values, dict) or not _filled(values.get(old.id)):
            continue
        if data.get("kind") not in new.spec.kinds:
            raise UsageError(
                f"{path}: {new.id} is not defined for {data.get('kind')} records; nothing was changed"
            )
        if _filled(values.get(new.id)) and values[new.id] != values[old.id]:
            raise ConflictError(f"{path}: already has another value in {new.id}; nothing was changed")
        doc = load_document(raw, path)
        updated = dict(doc.data)
        moved = {(new.id if k == old.id else k): v for k, v in values.items() if k != new.id}
        updated["extensions"] = moved
        update_document(doc.doc, updated)
        text = dump_document(doc.doc).encode("utf-8")
        result = ext.validate(fast_load(text, path))
        errors = [p for p in result.problems if str(p.severity) == "error"]
        if errors:
            raise InvalidInputError(f"{path}: migrated record is invalid: {errors[0].message('en')}")
        out[path] = text
    return out


# ---------------------------------------------------------------- history and proposal
@dataclass(frozen=True)
class TrialHistory:
    declared: date | None  # first commit declaring the field
    in_trial_since: date | None  # first commit where its status was in-trial
    commits: int  # commits that changed its definition file

    def days_in_trial(self, today: date) -> int | None:
        return (today - self.in_trial_since).days if self.in_trial_since else None


def trial_history(repo: Repository, ef: ExtensionField) -> TrialHistory:
    """When the field was declared and put in trial, from the git history of its definition file."""
    declared = in_trial = None
    versions = history.path_log(repo, ef.file)
    for version in reversed(versions):
        if version.blob is None:
            continue
        blob = repo.git.get(version.blob)
        try:
            data = fast_load(blob.data, ef.file) if isinstance(blob, pygit2.Blob) else {}
        except InvalidInputError:
            continue
        if data.get("organisation") != ef.organisation:
            continue
        for entry in data.get("fields") or []:
            if isinstance(entry, Mapping) and entry.get("name") == ef.spec.name:
                day = date.fromisoformat(version.date[:10])
                declared = declared or day
                if entry.get("status") == "in-trial":
                    in_trial = in_trial or day
    return TrialHistory(declared, in_trial, len(versions))


def proposal_inputs(
    repo: Repository, field_id: str
) -> tuple[ExtensionSet, ExtensionField, FieldUsage, TrialHistory]:
    ext = load_extensions(repo.root)
    try:
        ef = ext.get(field_id)
    except KeyError as exc:
        raise NotFoundError(str(exc.args[0])) from None
    return ext, ef, usage(repo, ext)[field_id], trial_history(repo, ef)


def write_proposal(
    repo: Repository,
    field_id: str,
    *,
    today: date,
    comments: Sequence[Mapping[str, Any]] = (),
    lang: str = "en",
) -> str:
    """The Markdown proposal of one field for the national catalogue.

    Definitions in fi/sv/en, rationale, use in the pilot (fill rate, value counts of codes, booleans
    and numbers only, time in trial) and the consultation comments on the field's catalogue path.
    """
    ext, ef, use, trial = proposal_inputs(repo, field_id)
    h = {k: v.get(lang, v["en"]) for k, v in _HEADINGS.items()}
    s = ef.spec
    out = [f"# {h['title']}: {ef.label.get(lang)} (`{ef.id}`)", ""]
    out += [f"- {h['org']}: {ef.organisation}", f"- {h['kinds']}: {', '.join(s.kinds)}"]
    typ = s.type + (f" ({ef.code_list})" if ef.code_list else "")
    out += [
        f"- {h['type']}: {typ}",
        f"- {h['obligation']}: {s.obligation}",
        f"- {h['status']}: {s.status}",
        "",
    ]
    out += [
        f"## {h['definitions']}",
        "",
        "| | " + h["label"] + " | " + h["definition"] + " |",
        "|---|---|---|",
    ]
    for code in ("fi", "sv", "en"):
        out.append(
            f"| {code} | {_cell(s.labels.text().get(code))} | {_cell(s.definitions.text().get(code))} |"
        )
    local = ext.local_list(ef.code_list) if ef.code_list else None
    if local is not None:
        out += ["", f"### {h['code_list']} `{local.id}`", "", "| code | fi | sv | en |", "|---|---|---|---|"]
        for v in local.spec.values:
            out.append(f"| `{v.code}` | {_cell(v.labels.fi)} | {_cell(v.labels.sv)} | {_cell(v.labels.en)} |")
    out += ["", f"## {h['rationale']}", "", s.rationale.strip(), ""]
    if s.decree_items:
        out.append(f"- {h['items']}: {', '.join(s.decree_items)}")
    if s.need:
        out.append(f"- {h['need']}: {s.need.strip()}")
    out += ["", f"## {h['use']}", ""]
    rate = f"{use.fill_rate:.0%} ({use.filled}/{use.records})" if use.fill_rate is not None else "-"
    out.append(f"- {h['fill']}: {rate}")
    if trial.in_trial_since:
        days = trial.days_in_trial(today)
        out.append(f"- {h['trial']}: {trial.in_trial_since.isoformat()} ({days} {h['days']})")
    elif trial.declared:
        out.append(f"- {h['declared']}: {trial.declared.isoformat()}")
    out.append(f"- {h['changes']}: {trial.commits}")
    if use.values:
        out += ["", f"### {h['values']}", "", f"| {h['value']} | {h['count']} |", "|---|---:|"]
        for value, count in sorted(use.values.items(), key=lambda kv: (-kv[1], kv[0])):
            shown = ext.code_label(ef.code_list, value, lang) + f" (`{value}`)" if ef.code_list else value
            out.append(f"| {_cell(shown)} | {count} |")
    elif s.base_type not in ("code", "boolean", "integer", "decimal"):
        out += ["", h["no_text"]]
    out += ["", f"## {h['comments']}", ""]
    threads = [c for c in comments if c.get("path") == ef.path]
    if not threads:
        out.append(h["none"])
    for t in threads:
        out.append(
            f"- {t.get('date')} {t.get('organisation', '')} ({t.get('status', 'open')}): {_cell(str(t.get('text', '')))}"
        )
        for r in t.get("replies") or []:
            out.append(
                f"    - {r.get('date', '')} {r.get('organisation', '')}: {_cell(str(r.get('text', '')))}"
            )
    return "\n".join(out).rstrip() + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


_HEADINGS: dict[str, dict[str, str]] = {
    "title": {
        "fi": "Ehdotus kansalliseksi tiedoksi",
        "sv": "Förslag till nationell uppgift",
        "en": "Proposal for the national catalogue",
    },
    "org": {"fi": "Pilottiorganisaatio", "sv": "Pilotorganisation", "en": "Pilot organisation"},
    "kinds": {"fi": "Tietueet", "sv": "Poster", "en": "Record kinds"},
    "type": {"fi": "Tyyppi", "sv": "Typ", "en": "Type"},
    "obligation": {
        "fi": "Velvoittavuus pilotissa",
        "sv": "Skyldighet i piloten",
        "en": "Obligation in the pilot",
    },
    "status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "definitions": {"fi": "Määritelmät", "sv": "Definitioner", "en": "Definitions"},
    "code_list": {"fi": "Koodisto", "sv": "Kodlista", "en": "Code list"},
    "label": {"fi": "Nimi", "sv": "Namn", "en": "Label"},
    "definition": {"fi": "Määritelmä", "sv": "Definition", "en": "Definition"},
    "rationale": {"fi": "Perustelut", "sv": "Motivering", "en": "Rationale"},
    "items": {"fi": "Asetuksen kohdat", "sv": "Förordningens punkter", "en": "Decree items"},
    "need": {"fi": "Tarve", "sv": "Behov", "en": "Need served"},
    "use": {"fi": "Käyttö pilotissa", "sv": "Användning i piloten", "en": "Use in the pilot"},
    "fill": {"fi": "Täyttöaste", "sv": "Ifyllnadsgrad", "en": "Fill rate"},
    "trial": {"fi": "Kokeilussa alkaen", "sv": "På försök sedan", "en": "In trial since"},
    "days": {"fi": "päivää", "sv": "dagar", "en": "days"},
    "declared": {"fi": "Määritelty", "sv": "Definierat", "en": "Declared"},
    "changes": {
        "fi": "Määrittelyn muutoksia",
        "sv": "Ändringar i definitionen",
        "en": "Commits to its definition file",
    },
    "values": {"fi": "Arvot", "sv": "Värden", "en": "Values"},
    "value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "count": {"fi": "Tietueita", "sv": "Poster", "en": "Records"},
    "no_text": {
        "fi": "Vapaatekstiä ja päivämääriä ei näytetä (henkilötietoja).",
        "sv": "Fritext och datum visas inte (personuppgifter).",
        "en": "Free text and dates are not shown (personal data).",
    },
    "comments": {"fi": "Kommentit", "sv": "Kommentarer", "en": "Comments received"},
    "none": {"fi": "Ei kommentteja.", "sv": "Inga kommentarer.", "en": "No comments."},
}
