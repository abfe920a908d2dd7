"""Fill rates: per field path, the share of records of its kinds where it is filled.

The one place they are computed: ``koto report fill-rates`` and the catalogue site (which only
formats ``FillRates``) show the same figures. A path is filled in a record when it reaches a value
that is not null, not an empty string and not an empty list or mapping (through lists: in any
element), nested paths included (``measures.organiser.type``); annulled records are left out (they
are mistakes, not use) and so are files that do not load, both counted apart. The records come
from the store's reader, the same revision as every other report: the branch head by default, the
working tree when asked (``worktree``; a plain folder of record files can only be read that way).

Two report tables: ``fields`` (each path over all the kinds that have it) and ``kinds`` (each path
per kind: the figure the catalogue site shows on each record kind's page).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.model.catalogue import catalogue_json, field_label
from kototieto.model.meta import OBLIGATION_LABELS
from kototieto.model.records import RECORD_KINDS
from kototieto.model.text import T
from kototieto.reports.tables import Cell, Table, pct
from kototieto.store.extensions import extended_catalogue, repository_extensions
from kototieto.store.reader import read_records
from kototieto.store.repository import find_root

_H = {
    "path": T("Kenttä", "Fält", "Field"),
    "kind": T("Tietueen laji", "Typ av post", "Record kind"),
    "label": T("Nimi", "Namn", "Name"),
    "kinds": T("Lajit", "Typer", "Kinds"),
    "obligation": T("Velvoite", "Skyldighet", "Obligation"),
    "filled": T("Täytetty", "Ifyllda", "Filled"),
    "records": T("Tietueita", "Poster", "Records"),
    "rate_pct": T("Täyttöaste %", "Ifyllnadsgrad %", "Fill rate %"),
}


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


def _paths_by_kind(catalogue: Mapping[str, Any]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for f in catalogue.get("fields", []):
        for k in f.get("kinds") or []:
            out.setdefault(str(k), []).append((str(f["path"]), split_path(str(f["path"]))))
    return out


def fill_rates(
    repo: Path | str,
    catalogue: Mapping[str, Any],
    *,
    rev: str | None = None,
    worktree: bool = False,
    jobs: int | None = None,
) -> FillRates:
    """Fill rates of every catalogue field in the records of the data repository ``repo``."""
    files = read_records(repo, rev=rev, worktree=worktree, jobs=jobs)
    paths = _paths_by_kind(catalogue)
    out = FillRates(str(repo), unreadable=len(files.unreadable))
    for _, data in files.datas:
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


@dataclass(frozen=True)
class FieldRate:
    path: str
    kinds: tuple[str, ...]
    obligation: str
    filled: int
    records: int
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (filled, records)

    @property
    def rate(self) -> float | None:
        return self.filled / self.records if self.records else None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kinds": list(self.kinds),
            "obligation": self.obligation,
            "filled": self.filled,
            "records": self.records,
            "rate": self.rate,
            "by_kind": {k: {"filled": f, "records": n} for k, (f, n) in self.by_kind.items()},
        }


@dataclass
class FillRateReport:
    totals: dict[str, int]
    annulled: int
    unreadable: int
    fields: list[FieldRate] = field(default_factory=list)

    def get(self, path: str) -> FieldRate:
        for f in self.fields:
            if f.path == path:
                return f
        raise KeyError(path)

    def to_json(self) -> dict[str, Any]:
        return {
            "totals": self.totals,
            "annulled": self.annulled,
            "unreadable": self.unreadable,
            "fields": [f.to_json() for f in self.fields],
        }

    def tables(self, lang: str = "fi") -> list[Table]:
        """The report's tables in ``lang`` (obligations as words; ``--json`` keeps the codes)."""
        rows: list[dict[str, Cell]] = [
            {
                "path": f.path,
                "label": field_label(f.path, lang),
                "kinds": len(f.kinds),
                "obligation": obligation_label(f.obligation, lang),
                "obligation_code": f.obligation,
                "filled": f.filled,
                "records": f.records,
                "rate_pct": pct(f.filled, f.records),
            }
            for f in self.fields
        ]
        per_kind: list[dict[str, Cell]] = [
            {
                "kind": kind,
                "path": f.path,
                "label": field_label(f.path, lang),
                "filled": filled,
                "records": total,
                "rate_pct": pct(filled, total),
            }
            for f in self.fields
            for kind, (filled, total) in f.by_kind.items()
        ]
        kind_cols = ("kind", "path", "label", "filled", "records", "rate_pct")
        return [
            Table(
                "fields",
                T("Täyttöasteet", "Ifyllnadsgrader", "Fill rates").get(lang),
                [
                    (k, _H[k].get(lang))
                    for k in ("path", "label", "kinds", "obligation", "filled", "records", "rate_pct")
                ],
                rows,
                code_of={"obligation": "obligation_code"},
            ),
            Table(
                "kinds",
                T("Täyttöasteet lajeittain", "Ifyllnadsgrader per typ", "Fill rates per kind").get(lang),
                [(k, _H[k].get(lang)) for k in kind_cols],
                per_kind,
            ),
        ]


def shape(rates: FillRates, catalogue: dict[str, Any]) -> FillRateReport:
    """A report from the site's counts and the catalogue's fields (in catalogue order)."""
    report = FillRateReport(
        {k: rates.totals[k] for k in RECORD_KINDS if k in rates.totals}, rates.annulled, rates.unreadable
    )
    for f in catalogue["fields"]:
        kinds = tuple(str(k) for k in f.get("kinds") or [])
        filled, total = rates.count(str(f["path"]), kinds)
        by_kind = {k: rates.count(str(f["path"]), [k]) for k in kinds}
        report.fields.append(
            FieldRate(str(f["path"]), kinds, str(f.get("obligation", "")), filled, total, by_kind)
        )
    return report


def fill_rate_report(
    repo: Path | str, *, rev: str | None = None, worktree: bool = False, jobs: int | None = None
) -> FillRateReport:
    """Fill rates of every catalogue field (nested paths too) in the records of ``repo``."""
    root = find_root(Path(repo))
    catalogue = catalogue_json()
    if repository_extensions(root) is not None:  # the pilot's extension fields too
        catalogue = extended_catalogue(catalogue, root)
    return shape(fill_rates(root, catalogue, rev=rev, worktree=worktree, jobs=jobs), catalogue)


def obligation_label(code: str, lang: str) -> str:
    """'shall' -> 'pakollinen' / 'obligatorisk' / 'mandatory' (an unknown code as it is)."""
    label = OBLIGATION_LABELS.get(code)
    return label.get(lang) if label is not None else code
