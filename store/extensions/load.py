"""Reading a repository's definition files (working tree or a commit), cached; catalogue entries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pygit2

from kototieto.errors import InvalidInputError
from kototieto.model.extensions import (
    DefinitionProblem,
    ExtensionDefinitionError,
    ExtensionField,
    ExtensionSet,
    SourceDoc,
    catalogue_code_lists,
    catalogue_fields,
    check_definitions,
    extend_catalogue,
    extended_schema,
)
from kototieto.store.repository import Repository
from kototieto.store.yamlio import load_document

EXTENSIONS_DIR = "extensions"
SUFFIX = ".yaml"
_CACHE: dict[tuple[Any, ...], ExtensionSet] = {}


def definition_files(root: Path) -> list[Path]:
    folder = Path(root) / EXTENSIONS_DIR
    return sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []


def source_doc(raw: bytes, name: str) -> SourceDoc:
    loaded = load_document(raw, name)
    return SourceDoc(name, loaded.data, loaded.locate)


def _worktree_docs(root: Path) -> tuple[list[SourceDoc], list[DefinitionProblem]]:
    docs, problems = [], []
    for path in definition_files(root):
        name = f"{EXTENSIONS_DIR}/{path.name}"
        try:
            docs.append(source_doc(path.read_bytes(), name))
        except InvalidInputError as exc:
            loc = exc.location
            problems.append(
                DefinitionProblem(name, loc.line if loc else None, loc.column if loc else None, "", exc.text)
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


def repository_extensions(root: Path | str) -> ExtensionSet | None:
    """The definitions when the repository has an ``extensions/`` folder, else None (national model).

    The hook for validation and printing: with None, callers keep the national behaviour (the
    national model accepts any value under a well-formed extension key).
    """
    return load_extensions(root) if (Path(root) / EXTENSIONS_DIR).is_dir() else None


def extensions_at(repo: Repository, commit: pygit2.Commit | None = None) -> ExtensionSet:
    """The definitions committed at ``commit`` (default: the branch head)."""
    commit = commit or repo.head_commit()
    docs = [source_doc(raw, name) for name, raw in committed_files(repo, commit).items()]
    ext, problems = check_definitions(docs)
    if ext is None:
        raise ExtensionDefinitionError(problems)
    return ext


def committed_files(repo: Repository, commit: pygit2.Commit | None) -> dict[str, bytes]:
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


def extended_catalogue(catalogue: dict[str, Any], repo_path: Path | str) -> dict[str, Any]:
    """``catalogue`` (``catalogue_json()``) with a data repository's extensions added, marked local."""
    repo = Repository.open(repo_path)
    ext = load_extensions(repo.root)
    out = extend_catalogue(catalogue, ext)
    actors = {f"extensions.{ef.id}": _actors(repo, ef) for ef in ext.fields}
    for entry in out["fields"]:
        if entry.get("local") and entry["path"] in actors:
            entry["actors"] = actors[entry["path"]]
    return out


def extension_catalogue_code_lists(repo_path: Path | str) -> list[dict[str, Any]]:
    """Catalogue entries of a repository's own code lists and open-end codes, marked ``local``."""
    return catalogue_code_lists(load_extensions(Repository.open(repo_path).root))


def schema_text(ext: ExtensionSet | None) -> str:
    """The repository's JSON Schema file (same layout as ``scaffold.schema_text``), extensions typed."""
    return json.dumps(extended_schema(ext, None, "fi"), ensure_ascii=False, indent=2) + "\n"
