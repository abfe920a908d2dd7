"""Field fill rates in a pilot data repository: the share of records of each kind where a field is filled.

A field is *filled* in a record when its path reaches a value that is not null, not an empty
string and not an empty list or mapping; a path through a list counts when any element has it.
Annulled records are left out (they are mistakes, not use), and so are files that do not load (they
are counted in ``unreadable``). Records are read from the working tree with the store's fast strict
loader; parsing is nearly all the cost, so large repositories are read by several processes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.errors import KotoError, NoRepositoryError

#: Below this many files one process is faster than starting workers.
PARALLEL_FROM = 2000


@dataclass
class FillRates:
    source: str
    totals: dict[str, int] = field(default_factory=dict)
    filled: dict[tuple[str, str], int] = field(default_factory=dict)
    unreadable: int = 0
    annulled: int = 0

    def count(self, path: str, kinds: Iterable[str]) -> tuple[int, int]:
        """(records where ``path`` is filled, records) over ``kinds``."""
        filled = total = 0
        for k in kinds:
            total += self.totals.get(k, 0)
            filled += self.filled.get((k, path), 0)
        return filled, total

    def rate(self, path: str, kinds: Iterable[str]) -> float | None:
        filled, total = self.count(path, kinds)
        return filled / total if total else None

    def merge(self, other: FillRates) -> None:
        for k, n in other.totals.items():
            self.totals[k] = self.totals.get(k, 0) + n
        for key, n in other.filled.items():
            self.filled[key] = self.filled.get(key, 0) + n
        self.unreadable += other.unreadable
        self.annulled += other.annulled

    def to_json(self) -> dict[str, Any]:
        by_kind: dict[str, dict[str, int]] = {}
        for (k, p), n in self.filled.items():
            by_kind.setdefault(k, {})[p] = n
        return {
            "source": self.source,
            "totals": self.totals,
            "filled": by_kind,
            "unreadable": self.unreadable,
            "annulled": self.annulled,
        }


def split_path(path: str) -> tuple[str, ...]:
    """``measures[].organiser.type`` or ``measures.organiser.type`` -> ('measures', 'organiser', 'type').

    An extension field's id keeps its own dot: ``extensions.091.digital-skills`` -> ('extensions',
    '091.digital-skills').
    """
    if path.startswith("extensions.") and path.count(".") == 2:
        return ("extensions", path.removeprefix("extensions."))
    parts = []
    for part in path.split("."):
        part = part.replace("[]", "").replace("[*]", "")
        if part:
            parts.append(part)
    return tuple(parts)


def is_filled(value: Any, parts: tuple[str, ...]) -> bool:
    if isinstance(value, list):
        return any(is_filled(v, parts) for v in value)
    if not parts:
        return value is not None and value != "" and value != {} and value != []
    if isinstance(value, Mapping):
        return parts[0] in value and is_filled(value[parts[0]], parts[1:])
    return False


def record_files(repo: Path) -> list[Path]:
    """Record files of a data repository's working tree (``customers/<shard>/<customer>/<id>.yaml``)."""
    from kototieto.store.layout import CUSTOMERS_DIR, RECORD_SUFFIX
    from kototieto.store.repository import CONFIG_FILE

    base = repo / CUSTOMERS_DIR
    if not base.is_dir():
        if (repo / CONFIG_FILE).is_file():
            return []  # a data repository without records yet
        raise NoRepositoryError(
            f"{repo} is not a data repository: it has neither {CONFIG_FILE} nor a {CUSTOMERS_DIR}/ folder"
        )
    return sorted(base.glob(f"*/*/*{RECORD_SUFFIX}"))


def _paths_by_kind(catalogue: Mapping[str, Any]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for f in catalogue.get("fields", []):
        for k in f.get("kinds") or []:
            out.setdefault(str(k), []).append((str(f["path"]), split_path(str(f["path"]))))
    return out


def _count(files: list[str], paths: dict[str, list[tuple[str, tuple[str, ...]]]], source: str) -> FillRates:
    from kototieto.store.bulkload import fast_load

    out = FillRates(source)
    for name in files:
        try:
            with open(name, "rb") as fh:
                data = fast_load(fh.read(), name)
        except (KotoError, OSError):
            out.unreadable += 1
            continue
        kind = data.get("kind")
        if not isinstance(kind, str):
            out.unreadable += 1
            continue
        if data.get("annulment"):
            out.annulled += 1
            continue
        out.totals[kind] = out.totals.get(kind, 0) + 1
        for path, parts in paths.get(kind, ()):
            if is_filled(data, parts):
                key = (kind, path)
                out.filled[key] = out.filled.get(key, 0) + 1
    return out


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    size = max(1, -(-len(items) // n))
    for i in range(0, len(items), size):
        yield items[i : i + size]


def fill_rates(repo: Path, catalogue: Mapping[str, Any], *, jobs: int | None = None) -> FillRates:
    """Fill rates of every catalogue field in the records of the data repository ``repo``."""
    files = [str(p) for p in record_files(Path(repo))]
    paths = _paths_by_kind(catalogue)
    workers = jobs if jobs is not None else min(4, os.cpu_count() or 1)
    if workers <= 1 or len(files) < PARALLEL_FROM:
        result = _count(files, paths, str(repo))
    else:
        result = FillRates(str(repo))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = [pool.submit(_count, chunk, paths, str(repo)) for chunk in _chunks(files, workers * 4)]
            for part in parts:
                result.merge(part.result())
    return result
