"""Which files ``koto validate`` looks at, their Git blob ids, and what a cached result depends on."""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from kototieto import model
from kototieto.store.blobcache import blob_id

RECORDS_DIR = "customers"
VALIDATOR_VERSION = "1"

PathCheck = Callable[[str, dict[str, Any]], list[Any]]


def iter_record_files(repo_root: Path) -> list[Path]:
    """Every ``customers/**/*.yaml`` file under ``repo_root``, sorted (hidden folders skipped)."""
    return [Path(p) for p in record_files(os.fspath(repo_root))]


def record_files(root: str) -> list[str]:
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, RECORDS_DIR)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(
            os.path.join(dirpath, f)
            for f in sorted(filenames)
            if f.endswith(".yaml") and not f.startswith(".")
        )
    return out


def _hash_files(folder: Path, patterns: Iterable[str]) -> str:
    h = hashlib.sha1()
    for pattern in patterns:
        for path in sorted(folder.glob(pattern)):
            h.update(str(path.relative_to(folder)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def data_version() -> str:
    """Changes whenever the YAML loader's code changes (cached data would be stale)."""
    here = Path(__file__).parent
    return _hash_files(here, ["bulkload.py", "strict_yaml.py"])[:16]


@lru_cache(maxsize=1)
def _model_version() -> str:
    folder = Path(model.__file__).parent
    return _hash_files(folder, ["**/*.py", "data/*"])


@lru_cache(maxsize=1)
def _pipeline_version() -> str:
    return _hash_files(Path(__file__).parent, ["pipeline.py", "layout.py"])


def rules_fingerprint(params: Any, path_check: PathCheck | None, extensions: Any = None) -> str:
    """What a cached result depends on besides the file: rules, parameters, model code, path check,
    pilot extension definitions."""
    h = hashlib.sha1(VALIDATOR_VERSION.encode())
    if extensions is not None:
        h.update(str(extensions.fingerprint).encode())
    h.update(_model_version().encode())
    h.update(_pipeline_version().encode())
    h.update(params.model_dump_json().encode() if params is not None else b"defaults")
    from kototieto.store.pipeline import today

    h.update(today().isoformat().encode())  # a date far ahead (future-date) depends on the day
    if path_check is not None:
        h.update(f"{path_check.__module__}.{path_check.__qualname__}".encode())
    return h.hexdigest()


class Relative:
    """Paths relative to a root as POSIX strings, by string operations (no per-file realpath)."""

    def __init__(self, root: Path) -> None:
        self.prefixes = {os.path.abspath(root) + os.sep, os.path.realpath(root) + os.sep}

    def __call__(self, path: str | Path) -> str:
        full = os.path.abspath(path)
        for prefix in self.prefixes:
            if full.startswith(prefix):
                return full[len(prefix) :].replace(os.sep, "/")
        real = os.path.realpath(full)
        for prefix in self.prefixes:
            if real.startswith(prefix):
                return real[len(prefix) :].replace(os.sep, "/")
        return Path(full).as_posix()


def iter_folder(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".yaml" and p.is_file())
    except OSError:
        return []


def index_blobs(root: str) -> dict[str, str]:
    """Blob ids Git already knows: index entries whose working file is unchanged (stat-checked by
    ``git diff-files``, racily clean entries compared by content). Empty outside a Git worktree."""
    try:
        staged = subprocess.run(
            ["git", "-C", root, "ls-files", "-s", "-z", "--", RECORDS_DIR],
            capture_output=True,
            check=True,
        ).stdout
        dirty = subprocess.run(
            ["git", "-C", root, "diff-files", "--name-only", "-z", "--", RECORDS_DIR],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changed = set(dirty.decode("utf-8", "surrogateescape").split("\0"))
    out: dict[str, str] = {}
    for entry in staged.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        info, _, path = entry.partition("\t")
        _mode, blob, stage = info.split(" ")
        if stage == "0" and path not in changed:
            out[path] = blob
    return out


def blob_of(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return blob_id(fh.read())
    except OSError:
        return "unreadable"
