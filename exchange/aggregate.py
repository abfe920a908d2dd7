"""``koto aggregate REPO... -o pilots.duckdb``: several pilots' pseudonymised exports in one database.

Each repository is exported as Parquet (``export.export_repository``: names and identity codes left
out, customer ids replaced by the clone's keyed hash, annulled records left out) into
``<db>.parquet/<organisation code>/``; a folder that already holds such an export (a pilot ran
``koto export --format parquet`` and sent it) is read in place. The Parquet files are the exchange
format (any engine a ministry runs reads them). The DuckDB database then holds one table per exported table, all
pilots together, named by the table with ``_`` for ``-`` and ``__`` for ``.``
(``integration_plan__measures``); every table has the column ``organisation`` (the pilot's
organisation code). Column names are the catalogue's field paths, so they are quoted in SQL:
``SELECT "measures.service_kind" FROM integration_plan__measures``.

Tables and views for analysts (documented in the README):

- ``organisations`` (organisation, name, repository, records) and ``fields`` (the catalogue: path,
  kind, label_fi/sv/en, obligation, code_list);
- ``records``: one row per record of every kind (organisation, kind, record_id, customer, date, month);
- ``fill_rates``: per organisation, kind and field path, records and records where it is filled
  (fields of repeatable groups: records with the field filled in any item);
- ``completeness``: the 'shall' fields of ``fill_rates`` with the records missing them;
- ``stats``: records per organisation, kind and month.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.errors import UsageError
from kototieto.exchange.export import export_repository
from kototieto.exchange.flatten import kind_tables
from kototieto.model.records import RECORD_KINDS
from kototieto.model.text import T

_ALREADY_IN = T(
    "{p}: organisaatio {code} on jo koosteessa",
    "{p}: organisationen {code} finns redan i sammanställningen",
    "{p}: organisation {code} is already in the aggregate",
)


def sql_name(table: str) -> str:
    return table.replace(".", "__").replace("-", "_")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class AggregateResult:
    db: Path
    parquet: Path
    organisations: list[str] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)  # organisation -> records

    def to_json(self) -> dict[str, Any]:
        return {
            "db": str(self.db),
            "parquet": str(self.parquet),
            "organisations": self.organisations,
            "records": self.records,
        }


def is_export(folder: Path) -> bool:
    """True for a folder written by ``koto export --format parquet``."""
    return (folder / "dictionary.parquet").is_file()


def _export_organisation(folder: Path) -> tuple[str, int]:
    """(organisation code, records) of a Parquet export folder."""
    import pyarrow.parquet as pq

    code, records = "", 0
    for kind in RECORD_KINDS:
        path = folder / f"{kind}.parquet"
        if not path.is_file():
            continue
        table = pq.read_table(path, columns=["organisation"])
        records += table.num_rows
        if not code and table.num_rows:
            code = str(table.column("organisation")[0].as_py())
    return code or folder.name, records


def aggregate(repos: Sequence[Path], db: Path, *, parquet_dir: Path | None = None) -> AggregateResult:
    """Load several pilots into the DuckDB file ``db``: each of ``repos`` is a data repository
    (exported as Parquet into ``parquet_dir``/<organisation>/ first) or a folder a pilot's
    ``koto export --format parquet`` wrote (read in place: the exchange format)."""
    import duckdb

    from kototieto.store.repository import Repository

    if not repos:
        raise UsageError(
            T(
                "Anna vähintään yksi tietovarasto tai Parquet-vienti",
                "Ange minst en datakatalog eller Parquet-export",
                "name at least one repository or Parquet export",
            )
        )
    parquet = parquet_dir or db.with_name(db.name + ".parquet")
    result = AggregateResult(db, parquet)
    orgs: list[tuple[str, str, str, int]] = []
    folders: list[Path] = []
    shutil.rmtree(parquet, ignore_errors=True)
    for path in repos:
        if is_export(path):
            code, n = _export_organisation(path)
            name, folder = "", path
        else:
            repo = Repository.open(path)
            org = repo.config.organisation
            code = str(org.code)
            name = org.name if isinstance(org.name, str) else str(next(iter(dict(org.name).values()), ""))
            folder = parquet / code
            if code in result.organisations:
                raise UsageError(_ALREADY_IN.format(p=path, code=code))
            res = export_repository(path, folder, fmt="parquet", lang="fi")
            n = sum(res.records.values())
        if code in result.organisations:
            raise UsageError(_ALREADY_IN.format(p=path, code=code))
        orgs.append((code, name, str(Path(path).resolve()), n))
        folders.append(folder)
        result.organisations.append(code)
        result.records[code] = n
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    con.execute("SET enable_progress_bar = false")
    try:
        _build(con, folders, orgs)
        con.close()
        os.replace(tmp, db)
    finally:
        tmp.unlink(missing_ok=True)
    return result


def _build(con: Any, folders: list[Path], orgs: list[tuple[str, str, str, int]]) -> None:
    _insert(con, "organisations", ("organisation", "name", "repository", "records"), orgs)
    _fields_table(con)
    names = sorted({p.stem for f in folders for p in f.glob("*.parquet") if p.stem != "dictionary"})
    for table in names:
        files = [str(f / f"{table}.parquet") for f in folders if (f / f"{table}.parquet").is_file()]
        file_list = "[" + ", ".join(_lit(f) for f in files) + "]"
        con.execute(
            f"CREATE TABLE {_q(sql_name(table))} AS SELECT * FROM read_parquet({file_list}, union_by_name = true)"
        )
    dict_files = [str(f / "dictionary.parquet") for f in folders if is_export(f)]
    if dict_files:
        first = _lit(dict_files[0])
        con.execute(f"CREATE TABLE dictionary AS SELECT * FROM read_parquet({first})")
    existing = set(names)
    _views(con, existing)


def _fields_table(con: Any) -> None:
    from kototieto.model.catalogue import fields

    rows = []
    for e in fields():
        if e.type in ("object", "map"):
            continue
        for kind in e.kinds:
            rows.append(
                (
                    e.path,
                    kind,
                    e.meta.label.get("fi"),
                    e.meta.label.get("sv"),
                    e.meta.label.get("en"),
                    str(e.meta.obligation_in(kind)),
                    e.code_list,
                )
            )
    _insert(
        con, "fields", ("path", "kind", "label_fi", "label_sv", "label_en", "obligation", "code_list"), rows
    )


def _insert(con: Any, table: str, names: tuple[str, ...], rows: Sequence[Sequence[Any]]) -> None:
    """CREATE TABLE ``table`` from ``rows`` (through Arrow: executemany is slow in DuckDB)."""
    import pyarrow as pa

    arrow = pa.table({k: pa.array([r[i] for r in rows]) for i, k in enumerate(names)})
    con.register("_koto_rows", arrow)
    con.execute(f"CREATE TABLE {_q(table)} AS SELECT * FROM _koto_rows")
    con.unregister("_koto_rows")


def _views(con: Any, existing: set[str]) -> None:
    present: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
    ).fetchall():
        present.setdefault(str(table), set()).add(str(column))
    parts = []
    fills: list[tuple[str, str, str, int, int]] = []
    for kind in RECORD_KINDS:
        specs = kind_tables(kind)
        main = specs[0]
        if main.name not in existing:
            continue
        t = _q(sql_name(main.name))
        parts.append(
            f"SELECT organisation, {_lit(kind)} AS kind, record_id, customer, date, strftime(date, '%Y-%m') AS month "
            f"FROM {t}"
        )
        for spec in specs:
            if spec.name not in existing:
                continue
            cols = [
                c
                for c in spec.columns
                if c.path is not None and c.key in present.get(sql_name(spec.name), set())
            ]
            if not cols:
                continue
            if spec is main:
                counts = ", ".join(f"count({_q(c.key)})" for c in cols)
                sql = f"SELECT organisation, count(*), {counts} FROM {t} GROUP BY organisation"
            else:
                ct = _q(sql_name(spec.name))
                counts = ", ".join(
                    f"count(DISTINCT CASE WHEN g.{_q(c.key)} IS NOT NULL THEN m.record_id END)" for c in cols
                )
                sql = (
                    f"SELECT m.organisation, count(DISTINCT m.record_id), {counts} FROM {t} m "
                    f"LEFT JOIN {ct} g ON g.record_id = m.record_id GROUP BY m.organisation"
                )
            for org, records, *filled in con.execute(sql).fetchall():
                for c, n in zip(cols, filled, strict=True):
                    fills.append((str(org), kind, c.path or "", int(records), int(n)))
    names = ("organisation", "kind", "path", "records", "filled")
    if fills:
        _insert(con, "fill_rates", names, fills)
    else:
        con.execute(
            "CREATE TABLE fill_rates (organisation VARCHAR, kind VARCHAR, path VARCHAR, records BIGINT, filled BIGINT)"
        )
    if not parts:
        con.execute(
            "CREATE VIEW records AS SELECT NULL::VARCHAR AS organisation, NULL::VARCHAR AS kind, "
            "NULL::VARCHAR AS record_id, NULL::VARCHAR AS customer, NULL::DATE AS date, NULL::VARCHAR AS month "
            "WHERE false"
        )
    else:
        con.execute("CREATE VIEW records AS " + " UNION ALL ".join(parts))
    con.execute(
        "CREATE VIEW completeness AS SELECT f.organisation, f.kind, f.path, c.label_fi, c.label_sv, c.label_en, "
        "f.records, f.records - f.filled AS missing FROM fill_rates f JOIN fields c ON c.path = f.path AND "
        "c.kind = f.kind WHERE c.obligation = 'shall' AND f.filled < f.records AND strpos(f.path, '.') = 0"
    )
    con.execute(
        "CREATE VIEW stats AS SELECT organisation, kind, month, count(*) AS records FROM records "
        "GROUP BY organisation, kind, month"
    )


# ------------------------------------------------------------------ reports over the database

_REPORT_SQL = {
    "fill-rates": (
        "SELECT f.organisation, f.kind, f.path, any_value(c.label_{lang}) AS label, any_value(c.obligation) AS obligation, "
        "sum(f.filled)::BIGINT AS filled, sum(f.records)::BIGINT AS records, "
        "round(100.0 * sum(f.filled) / nullif(sum(f.records), 0), 1) AS rate_pct "
        "FROM fill_rates f LEFT JOIN fields c ON c.path = f.path AND c.kind = f.kind "
        "GROUP BY f.organisation, f.kind, f.path ORDER BY f.kind, f.path, f.organisation"
    ),
    "stats": (
        "SELECT organisation, kind, count(*) AS records, count(DISTINCT customer) AS customers, "
        "min(date) AS first, max(date) AS last FROM records GROUP BY organisation, kind ORDER BY organisation, kind"
    ),
    "completeness": (
        "SELECT organisation, kind, path, label_{lang} AS label, records, missing FROM completeness "
        "ORDER BY organisation, kind, missing DESC, path"
    ),
}

_HEADERS = {
    "organisation": {"fi": "Organisaatio", "sv": "Organisation", "en": "Organisation"},
    "kind": {"fi": "Tietueen laji", "sv": "Typ av post", "en": "Record kind"},
    "path": {"fi": "Kenttä", "sv": "Fält", "en": "Field"},
    "label": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
    "obligation": {"fi": "Velvoite", "sv": "Skyldighet", "en": "Obligation"},
    "filled": {"fi": "Täytetty", "sv": "Ifyllda", "en": "Filled"},
    "records": {"fi": "Tietueita", "sv": "Poster", "en": "Records"},
    "rate_pct": {"fi": "Täyttöaste %", "sv": "Ifyllnadsgrad %", "en": "Fill rate %"},
    "customers": {"fi": "Asiakkaita", "sv": "Kunder", "en": "Customers"},
    "first": {"fi": "Ensimmäinen", "sv": "Första", "en": "First"},
    "last": {"fi": "Viimeinen", "sv": "Sista", "en": "Last"},
    "missing": {"fi": "Puuttuu", "sv": "Saknas", "en": "Missing"},
}
_TITLES = {
    "fill-rates": {
        "fi": "Täyttöasteet kokeiluittain",
        "sv": "Ifyllnadsgrader per försök",
        "en": "Fill rates per pilot",
    },
    "stats": {"fi": "Tietueet kokeiluittain", "sv": "Poster per försök", "en": "Records per pilot"},
    "completeness": {
        "fi": "Puuttuvat pakolliset tiedot kokeiluittain",
        "sv": "Saknade obligatoriska uppgifter per försök",
        "en": "Missing 'shall' items per pilot",
    },
}
DB_REPORTS = tuple(_REPORT_SQL)


@dataclass
class DbTable:
    """A report table (the shape of ``kototieto.reports.tables.Table``)."""

    name: str
    title: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]]
    empty: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "columns": [k for k, _ in self.columns],
            "rows": self.rows,
        }


@dataclass
class DbReport:
    report: str
    db: Path
    _rows: list[dict[str, Any]]
    _keys: list[str]

    def tables(self, lang: str = "fi") -> list[DbTable]:
        cols = [(k, _HEADERS.get(k, {}).get(lang, k)) for k in self._keys]
        return [
            DbTable(
                self.report.replace("-", "_"), _TITLES[self.report].get(lang, self.report), cols, self._rows
            )
        ]

    def to_json(self) -> dict[str, object]:
        return {"report": self.report, "db": str(self.db), "rows": self._rows}


def db_report(report: str, db: Path, lang: str = "fi") -> DbReport:
    """Run ``report`` (fill-rates, stats, completeness) over an aggregate database."""
    import duckdb

    if report not in _REPORT_SQL:
        raise UsageError(
            T(
                "--db käy raporteille {ok}, ei raportille {r!r}",
                "--db går med rapporterna {ok}, inte med {r!r}",
                "--db works with {ok}, not {r!r}",
            ).format(ok=", ".join(DB_REPORTS), r=report)
        )
    if not db.is_file():
        raise UsageError(
            T(
                "Tietokantaa {db} ei ole (tee se komennolla koto aggregate)",
                "Databasen {db} finns inte (skapa den med koto aggregate)",
                "no database {db} (make it with koto aggregate)",
            ).format(db=db)
        )
    lang = lang if lang in ("fi", "sv", "en") else "fi"
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(_REPORT_SQL[report].format(lang=lang))
        keys = [d[0] for d in cur.description]
        rows = [dict(zip(keys, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()
    for r in rows:
        for k, v in r.items():
            if hasattr(v, "isoformat"):
                r[k] = v.isoformat()
            elif v is not None and not isinstance(v, str | int | float):
                r[k] = float(v)
    return DbReport(report, db, rows, keys)
