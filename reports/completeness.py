"""``koto report completeness``: every 'shall' item left unrecorded, per kind, organisation, record.

From ``obligation_date`` (1.1.2027 by default, ``RuleParams``) entering the data is mandatory; the
default period starts there. ``since`` reports any other period, e.g. to see how today's records
would fare. A record counts when its ``date`` is on or after ``since`` (and on or before ``until``
when given) and it is not annulled. "Missing" is the model's own definition
(``validation.missing_shall_fields``: a record-level 'shall' field absent or empty), so this report
and the ``shall-items`` warnings of ``koto validate`` agree, with one exception read from the plan's
state (:mod:`kototieto.model.planstate`, the definition the printed plan and the other reports use):
the last review of a plan that has no next review due (ended, replaced, or passed to the employment
authority, as on ``until`` or the latest record's date) does not miss its ``next_review``.
``plan_statuses`` counts the plans of the period by that state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kototieto.model.catalogue import field_label, kind_label
from kototieto.model.planstate import STATUS_LABELS, STATUSES, plan_states
from kototieto.model.records import RECORD_KINDS, Record
from kototieto.model.rules import RuleParams
from kototieto.model.text import T
from kototieto.model.validation import missing_shall_fields
from kototieto.reports.tables import Cell, Table, pct

_H = {
    "kind": T("Tietueen laji", "Typ av post", "Record kind"),
    "organisation": T("Organisaatio", "Organisation", "Organisation"),
    "records": T("Tietueita", "Poster", "Records"),
    "incomplete": T("Puutteellisia", "Ofullständiga", "Incomplete"),
    "incomplete_pct": T("Puutteellisia %", "Ofullständiga %", "Incomplete %"),
    "missing": T("Puuttuvia tietoja", "Saknade uppgifter", "Missing items"),
    "field": T("Tieto", "Uppgift", "Item"),
    "path": T("Kenttä", "Fält", "Field"),
    "id": T("Tietue", "Post", "Record"),
    "customer": T("Asiakas", "Kund", "Customer"),
    "date": T("Päivä", "Datum", "Date"),
    "fields": T("Puuttuvat", "Saknas", "Missing"),
    "status": T("Tila", "Status", "Status"),
}


@dataclass(frozen=True)
class RecordGap:
    id: str
    kind: str
    customer: str
    organisation: str
    date: dt.date
    missing: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "customer": self.customer,
            "organisation": self.organisation,
            "date": self.date.isoformat(),
            "missing": list(self.missing),
        }


@dataclass
class CompletenessReport:
    since: dt.date
    until: dt.date | None
    records: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)  # records counted per kind
    by_organisation: dict[str, int] = field(default_factory=dict)
    gaps: list[RecordGap] = field(default_factory=list)  # only records with something missing
    plan_statuses: dict[str, int] = field(default_factory=dict)  # plans of the period by their state

    @property
    def missing_items(self) -> int:
        return sum(len(g.missing) for g in self.gaps)

    def field_counts(self) -> dict[tuple[str, str], int]:
        """(kind, field) -> records of that kind missing it."""
        out: dict[tuple[str, str], int] = {}
        for g in self.gaps:
            for f in g.missing:
                out[(g.kind, f)] = out.get((g.kind, f), 0) + 1
        return dict(sorted(out.items(), key=lambda kv: (RECORD_KINDS.index(kv[0][0]), kv[0][1])))

    def _group(self, key: str) -> dict[str, tuple[int, int, int]]:
        """group -> (records, incomplete records, missing items)."""
        totals = self.by_kind if key == "kind" else self.by_organisation
        out = {name: [n, 0, 0] for name, n in totals.items()}
        for g in self.gaps:
            row = out[g.kind if key == "kind" else g.organisation]
            row[1] += 1
            row[2] += len(g.missing)
        return {k: (v[0], v[1], v[2]) for k, v in out.items()}

    def to_json(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat(),
            "until": self.until.isoformat() if self.until else None,
            "records": self.records,
            "incomplete_records": len(self.gaps),
            "missing_items": self.missing_items,
            "by_kind": {
                k: {"records": a, "incomplete": b, "missing": c}
                for k, (a, b, c) in self._group("kind").items()
            },
            "by_organisation": {
                k: {"records": a, "incomplete": b, "missing": c}
                for k, (a, b, c) in self._group("organisation").items()
            },
            "by_field": [{"kind": k, "field": f, "records": n} for (k, f), n in self.field_counts().items()],
            "records_missing": [g.to_json() for g in self.gaps],
            "plan_statuses": self.plan_statuses,
        }

    def tables(self, lang: str = "fi") -> list[Table]:
        def head(*keys: str) -> list[tuple[str, str]]:
            return [(k, _H[k].get(lang)) for k in keys]

        def group_rows(key: str) -> list[dict[str, Cell]]:
            rows: list[dict[str, Cell]] = []
            for name, (n, inc, miss) in self._group(key).items():
                label = kind_label(name, lang) if key == "kind" else name
                rows.append(
                    {
                        key: label,
                        **({"kind_code": name} if key == "kind" else {}),
                        "records": n,
                        "incomplete": inc,
                        "incomplete_pct": pct(inc, n),
                        "missing": miss,
                    }
                )
            return rows

        def day(d: dt.date) -> str:
            return d.isoformat() if lang == "en" else f"{d.day}.{d.month}.{d.year}"

        period = day(self.since) + (f" – {day(self.until)}" if self.until else " –")
        cols = ("records", "incomplete", "incomplete_pct", "missing")
        return [
            Table(
                "kinds",
                T("Lajeittain", "Per typ av post", "Per record kind").get(lang) + f" ({period})",
                head("kind", *cols),
                group_rows("kind"),
                code_of={"kind": "kind_code"},
            ),
            Table(
                "organisations",
                T("Organisaatioittain", "Per organisation", "Per organisation").get(lang),
                head("organisation", *cols),
                group_rows("organisation"),
            ),
            Table(
                "fields",
                T("Puuttuvat tiedot", "Saknade uppgifter", "Missing items").get(lang),
                head("kind", "field", "path", "records"),
                [
                    {
                        "kind": kind_label(k, lang),
                        "kind_code": k,
                        "field": field_label(f, lang),
                        "path": f,
                        "records": n,
                    }
                    for (k, f), n in self.field_counts().items()
                ],
                code_of={"kind": "kind_code"},
            ),
            Table(
                "plans",
                T("Suunnitelmien tila", "Planernas status", "Plan status").get(lang),
                head("status", "records"),
                [
                    {"status": STATUS_LABELS[k].get(lang), "status_code": k, "records": n}
                    for k, n in self.plan_statuses.items()
                ],
                code_of={"status": "status_code"},
            ),
            Table(
                "records",
                T("Tietueittain", "Per post", "Per record").get(lang),
                head("id", "kind", "customer", "organisation", "date", "fields"),
                [
                    {
                        "id": g.id,
                        "kind": kind_label(g.kind, lang),
                        "kind_code": g.kind,
                        "customer": g.customer,
                        "organisation": g.organisation,
                        "date": g.date.isoformat(),
                        "fields": ", ".join(g.missing),
                    }
                    for g in self.gaps
                ],
                code_of={"kind": "kind_code"},
            ),
        ]


def default_since(params: RuleParams | None = None) -> dt.date:
    """The obligation date of the rules (1.1.2027 unless the repository overrides it)."""
    value = (params or RuleParams()).obligation_date.value
    assert isinstance(value, dt.date)
    return value


def completeness_report(
    records: Iterable[Record],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    params: RuleParams | None = None,
) -> CompletenessReport:
    """Missing 'shall' items of the records dated from ``since`` (default: the obligation date)."""
    since = since or default_since(params)
    report = CompletenessReport(since, until)
    live = [r for r in records if r.annulment is None]
    as_on = until or max((r.date for r in live if hasattr(r, "date")), default=since)
    states = plan_states(live, today=as_on, params=params)
    last_reviews = {s.reviews[-1].id for s in states.values() if s.reviews and s.next_review is None}
    statuses: dict[str, int] = {}
    for r in live:
        if r.date < since or (until is not None and r.date > until):
            continue
        org = f"{r.organisation.code} {r.organisation.name}"
        report.records += 1
        report.by_kind[r.kind] = report.by_kind.get(r.kind, 0) + 1
        report.by_organisation[org] = report.by_organisation.get(org, 0) + 1
        missing = missing_shall_fields(r)
        if r.id in last_reviews:
            missing = [m for m in missing if m != "next_review"]
        if r.id in states:
            statuses[states[r.id].status] = statuses.get(states[r.id].status, 0) + 1
        if missing:
            customer = getattr(r, "customer", r.id)
            report.gaps.append(RecordGap(r.id, r.kind, customer, org, r.date, tuple(missing)))
    report.by_kind = {k: report.by_kind[k] for k in RECORD_KINDS if k in report.by_kind}
    report.by_organisation = dict(sorted(report.by_organisation.items()))
    report.gaps.sort(key=lambda g: (g.date, g.id))
    report.plan_statuses = {k: statuses[k] for k in STATUSES if k in statuses}
    return report
