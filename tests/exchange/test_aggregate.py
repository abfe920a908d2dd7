"""``koto aggregate`` over three generated repositories of different organisations, and
``koto report ... --db``: the figures agree with an independent count of the records."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import yaml

from tests.exchange import _support as S

ORGS = [("905", "Vaasan kaupunki"), ("091", "Helsingin kaupunki"), ("853", "Turun kaupunki")]


@pytest.fixture(scope="module")
def pilots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[list[Path], Path]]:
    root = tmp_path_factory.mktemp("agg")
    with S.hermetic_env(root):
        repos = [
            S.make_org_repo(root / code, code, name, customers=8, seed=i + 1)
            for i, (code, name) in enumerate(ORGS)
        ]
        db = root / "pilots.duckdb"
        out = S.koto(root, "aggregate", *map(str, repos), "-o", str(db), "--json")
        assert out.returncode == 0, out.stderr
        yield repos, db


def _docs(repo: Path) -> list[dict]:
    files = S.git(repo, "ls-files", "customers").split()
    return [yaml.safe_load((repo / f).read_text(encoding="utf-8")) for f in files]


def test_one_database_with_organisation_column(pilots: tuple[list[Path], Path]) -> None:
    repos, db = pilots
    con = duckdb.connect(str(db), read_only=True)
    got = Counter(
        {
            (o, k): n
            for o, k, n in con.execute(
                "SELECT organisation, kind, count(*) FROM records GROUP BY ALL"
            ).fetchall()
        }
    )
    want: Counter[tuple[str, str]] = Counter()
    for (code, _), repo in zip(ORGS, repos, strict=True):
        for d in _docs(repo):
            if not d.get("annulment"):
                want[(code, d["kind"])] += 1
    assert got == want
    orgs = {
        o for (o,) in con.execute("SELECT DISTINCT organisation FROM integration_plan__measures").fetchall()
    }
    assert orgs <= {c for c, _ in ORGS} and orgs
    cols = {r[0] for r in con.execute("DESCRIBE customer").fetchall()}
    assert "last_name" not in cols and "identifier.value" not in cols
    assert con.execute("SELECT count(*) FROM customer WHERE customer NOT LIKE 'p-%'").fetchone() == (0,)


def test_report_fill_rates_over_db(pilots: tuple[list[Path], Path]) -> None:
    repos, db = pilots
    out = S.koto(repos[0], "report", "fill-rates", "--db", str(db), "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["rows"]
    # independent: plans with first_review filled, per organisation
    for (code, _), repo in zip(ORGS, repos, strict=True):
        plans = [d for d in _docs(repo) if d["kind"] == "integration-plan" and not d.get("annulment")]
        if not plans:
            continue
        row = next(
            r
            for r in rows
            if r["organisation"] == code and r["kind"] == "integration-plan" and r["path"] == "first_review"
        )
        assert (row["filled"], row["records"]) == (sum(1 for p in plans if p.get("first_review")), len(plans))
        m = next(
            r
            for r in rows
            if r["organisation"] == code
            and r["kind"] == "integration-plan"
            and r["path"] == "measures.status"
        )
        assert m["filled"] == sum(1 for p in plans if any(x.get("status") for x in p.get("measures", [])))


def test_report_stats_and_completeness_over_db(pilots: tuple[list[Path], Path], tmp_path: Path) -> None:
    repos, db = pilots
    out = S.koto(repos[0], "report", "stats", "--db", str(db), "--csv", "--lang", "sv")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("\ufeff") and "Organisation;" in out.stdout
    xlsx = tmp_path / "c.xlsx"
    comp = S.koto(repos[0], "report", "completeness", "--db", str(db), "--xlsx", str(xlsx))
    assert comp.returncode == 0, comp.stderr
    due = S.koto(repos[0], "report", "due", "--db", str(db))
    assert due.returncode != 0


def test_aggregate_of_parquet_exports(pilots: tuple[list[Path], Path], tmp_path: Path) -> None:
    """A pilot sends its `koto export --format parquet`; the aggregate reads it as it is."""
    repos, db = pilots
    exports = []
    for repo in repos:
        out = S.koto(repo, "export", "-C", str(repo), "--format", "parquet", "-o", str(tmp_path / repo.name))
        assert out.returncode == 0, out.stderr
        exports.append(tmp_path / repo.name)
    db2 = tmp_path / "from-exports.duckdb"
    out = S.koto(tmp_path, "aggregate", *map(str, exports), "-o", str(db2), "--json")
    assert out.returncode == 0, out.stderr
    assert sorted(json.loads(out.stdout)["organisations"]) == sorted(c for c, _ in ORGS)
    a = duckdb.connect(str(db), read_only=True)
    b = duckdb.connect(str(db2), read_only=True)
    q = "SELECT organisation, kind, path, records, filled FROM fill_rates ORDER BY ALL"
    assert a.execute(q).fetchall() == b.execute(q).fetchall()
