"""The validation cache: parsed records and results keyed by Git blob id, in one SQLite file.

Lives under the repository's Git directory (``.git/koto/validate-cache.sqlite``), never committed,
safe to delete at any time (the next run is simply cold). Three tables:

* ``blobs``: blob id -> the record's data as JSON (or the YAML error) plus its id, customer and
  kind. Valid for as long as the loader's rules (``data_version``) do not change: a warm run after a
  rules change re-validates from here without parsing any YAML.
* ``results``: (file path, blob id, rules fingerprint) -> that file's own problems, with line and
  column. A run after one changed file re-checks only that file.
* ``groups``: hash of (fingerprint, the group's paths and blobs) -> the cross-record problems of one
  customer folder, so the cross-record rules re-run only for folders whose content changed.

Why SQLite: one file, atomic transactions (a killed run leaves a consistent cache), indexed
lookups of 20,000 rows in a few milliseconds, concurrent readers (worker processes read data for
their chunk themselves instead of receiving it through a pipe). A JSON or pickle file would have
to be read and rewritten whole on every run.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
CACHE_FILE = "validate-cache.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (
    blob TEXT PRIMARY KEY, data TEXT, error TEXT, record_id TEXT, customer TEXT, kind TEXT
);
CREATE TABLE IF NOT EXISTS results (
    path TEXT NOT NULL, blob TEXT NOT NULL, fingerprint TEXT NOT NULL, problems TEXT NOT NULL,
    PRIMARY KEY (path, blob, fingerprint)
);
CREATE TABLE IF NOT EXISTS groups (key TEXT PRIMARY KEY, problems TEXT NOT NULL);
"""


def blob_id(content: bytes) -> str:
    """Git's blob id of ``content`` (what ``git hash-object`` prints)."""
    h = hashlib.sha1(b"blob %d\x00" % len(content))
    h.update(content)
    return h.hexdigest()


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class BlobCache:
    """One connection to the cache file. Not shared across processes: open one per process."""

    def __init__(self, path: Path, data_version: str, *, readonly: bool = False) -> None:
        self.path = path
        if readonly:
            self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(path, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(_SCHEMA)
            self._check_version(data_version)

    def _check_version(self, data_version: str) -> None:
        want = f"{SCHEMA_VERSION}:{data_version}"
        row = self.conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != want:
            with self.conn:
                self.conn.execute("DELETE FROM blobs")
                self.conn.execute("DELETE FROM results")
                self.conn.execute("DELETE FROM groups")
                self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (want,))

    def close(self) -> None:
        self.conn.close()

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM blobs LIMIT 1").fetchone() is None

    def known_blobs(self, blobs: Sequence[str]) -> dict[str, tuple[str | None, str | None, str | None]]:
        """blob -> (record id, customer, kind) for the blobs whose data is cached."""
        out: dict[str, tuple[str | None, str | None, str | None]] = {}
        for part in _chunks(blobs):
            marks = ",".join("?" * len(part))
            for row in self.conn.execute(
                f"SELECT blob, record_id, customer, kind FROM blobs WHERE blob IN ({marks})", part
            ):
                out[row[0]] = (row[1], row[2], row[3])
        return out

    def data_of(self, blobs: Sequence[str]) -> dict[str, tuple[str | None, str | None]]:
        """blob -> (data JSON, error JSON) for cached blobs."""
        out: dict[str, tuple[str | None, str | None]] = {}
        for part in _chunks(blobs):
            marks = ",".join("?" * len(part))
            for row in self.conn.execute(
                f"SELECT blob, data, error FROM blobs WHERE blob IN ({marks})", part
            ):
                out[row[0]] = (row[1], row[2])
        return out

    def results_of(
        self, fingerprint: str
    ) -> tuple[
        dict[tuple[str, str], list[dict[str, Any]]], dict[str, tuple[str | None, str | None, str | None]]
    ]:
        """(path, blob) -> problems for every result under ``fingerprint``, and those blobs' meta
        (record id, customer, kind), in one query."""
        rows = self.conn.execute(
            "SELECT r.path, r.blob, r.problems, b.record_id, b.customer, b.kind "
            "FROM results r JOIN blobs b ON b.blob = r.blob WHERE r.fingerprint=?",
            (fingerprint,),
        )
        results: dict[tuple[str, str], list[dict[str, Any]]] = {}
        meta: dict[str, tuple[str | None, str | None, str | None]] = {}
        for path, blob, problems, record_id, customer, kind in rows:
            results[(path, blob)] = [] if problems == "[]" else json.loads(problems)
            meta[blob] = (record_id, customer, kind)
        return results, meta

    def groups_of(self, keys: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        wanted = list(keys)
        out: dict[str, list[dict[str, Any]]] = {}
        for part in _chunks(wanted):
            marks = ",".join("?" * len(part))
            for key, problems in self.conn.execute(
                f"SELECT key, problems FROM groups WHERE key IN ({marks})", part
            ):
                out[key] = json.loads(problems)
        return out

    def store(
        self,
        blobs: Iterable[tuple[str, str | None, str | None, str | None, str | None, str | None]],
        results: Iterable[tuple[str, str, str, str]],
        groups: Iterable[tuple[str, str]],
    ) -> None:
        """Write new rows in one transaction (blobs, per-file results, group results)."""
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, ?, ?, ?)", blobs)
            self.conn.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", results)
            self.conn.executemany("INSERT OR REPLACE INTO groups VALUES (?, ?)", groups)

    def prune(self, fingerprint: str, live: set[tuple[str, str]], live_groups: set[str]) -> None:
        """Drop results of other fingerprints and of (path, blob) pairs no longer present, blobs no
        result refers to, and folder results not used by this run."""
        with self.conn:
            self.conn.execute("DELETE FROM results WHERE fingerprint != ?", (fingerprint,))
            stale = [
                (p, b)
                for p, b in self.conn.execute("SELECT path, blob FROM results").fetchall()
                if (p, b) not in live
            ]
            self.conn.executemany("DELETE FROM results WHERE path=? AND blob=?", stale)
            self.conn.execute("DELETE FROM blobs WHERE blob NOT IN (SELECT blob FROM results)")
            self.conn.execute(
                "DELETE FROM groups WHERE key NOT IN (SELECT value FROM json_each(?))",
                (dumps(sorted(live_groups)),),
            )


def dumps(value: Any) -> str:
    """Compact JSON for cache rows."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
