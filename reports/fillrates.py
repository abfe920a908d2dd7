"""``koto report fill-rates``: per field path, the share of records of its kinds where it is filled.

Two tables: ``fields`` (each path over all the kinds that have it) and ``kinds`` (each path per
kind: the figure the catalogue site shows on each record kind's page).

The counting is the site's (``kototieto.site.fillrates``), so the report and the catalogue site
show the same figures: a path is filled when it reaches a value that is not null or empty (through
lists: in any element), nested paths included (``measures.organiser.type``); annulled records and
unreadable files are left out and counted apart. This module only shapes the result as a report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.model.catalogue import catalogue_json, field_label
from kototieto.model.records import RECORD_KINDS
from kototieto.model.text import T
from kototieto.reports.tables import Cell, Table, pct
from kototieto.site.fillrates import FillRates, fill_rates

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
        rows: list[dict[str, Cell]] = [
            {
                "path": f.path,
                "label": field_label(f.path, lang),
                "kinds": len(f.kinds),
                "obligation": f.obligation,
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


def fill_rate_report(repo: Path | str, *, jobs: int | None = None) -> FillRateReport:
    """Fill rates of every catalogue field (nested paths too) in the records of ``repo``."""
    from kototieto.store.extensions import extended_catalogue, repository_extensions
    from kototieto.store.repository import find_root

    root = find_root(Path(repo))
    catalogue = catalogue_json()
    if repository_extensions(root) is not None:  # the pilot's extension fields too
        catalogue = extended_catalogue(catalogue, root)
    return shape(fill_rates(root, catalogue, jobs=jobs), catalogue)
