"""Shared helpers of the report and demo tests: hermetic Git, a small repository, independent reads.

Loaded by each test module with ``importlib`` (tests run with ``--import-mode=importlib``). The
"independent" helpers read records with PyYAML straight from ``git ls-files`` output and count in
plain dictionaries, so a test never checks a report against the report's own code.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from kototieto.model.rules import add_months
from tests import gitenv

BIN = Path(sys.executable).parent
KOTO = str(BIN / "koto")
TODAY = dt.date(2026, 11, 28)
SEED = 4242


hermetic_env = gitenv.hermetic_env  # the one hermetic Git set-up (tests/gitenv.py)


def git(cwd: Path, *args: str) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {out.stderr}")
    return out.stdout


def koto(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KOTO, *args], cwd=cwd, capture_output=True, text=True, check=False)


def make_repo(path: Path, customers: int = 10, seed: int = SEED) -> Path:
    """A data repository with the synthetic records of ``customers`` customers (one import commit)."""
    from kototieto.model.records import record_to_data
    from kototieto.store import layout
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store
    from kototieto.store.yamlio import new_document_text
    from kototieto.synthetic.generator import generate_dataset

    repo = init_repository(
        path, organisation_code="905", name="Vaasan kaupunki", author="Testi <t@example.org>"
    )
    texts = []
    for record in generate_dataset(customers, seed, TODAY, organisation="905"):
        data = record_to_data(record)
        rel = layout.record_path(str(data.get("customer", data["id"])), str(data["id"]))
        texts.append(new_document_text(data, layout.schema_url_for(rel)).encode("utf-8"))
    Store(repo).import_records(texts, message="import", author="Testi <t@example.org>", validate=False)
    return path


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_records(repo: Path) -> list[dict[str, Any]]:
    """Every record file at HEAD, read with PyYAML (not the store's loader); dates as ISO strings."""
    out = []
    for rel in git(repo, "ls-tree", "-r", "--name-only", "HEAD", "customers").split():
        text = git(repo, "show", f"HEAD:{rel}")
        out.append(_plain(yaml.safe_load(text)))
    return out


def live(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if not r.get("annulment")]


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


PLAN_KINDS = ("integration-plan", "multisectoral-plan", "family-plan")


def oracle_due(records: list[dict[str, Any]], days: int, today: dt.date = TODAY) -> Counter[str]:
    """Reviews overdue / due and plans ending, counted from plain data (the due report's oracle)."""
    alive = live(records)
    plans = {r["id"]: r for r in alive if r["kind"] in PLAN_KINDS}
    replaced = {p.get("previous_plan") for p in plans.values()}
    reviews = sorted((r for r in alive if r["kind"] == "review"), key=lambda r: (r["date"], r["id"]))
    horizon = today + dt.timedelta(days=days)
    out: Counter[str] = Counter()
    for pid, p in plans.items():
        mine = [r for r in reviews if r["plan"] == pid and r["customer"] == p["customer"]]
        start = day(p["period"]["start"]) if "period" in p else day(p["date"])
        ends = [day(p["period"]["end"])] if "period" in p else []
        ends += [day(r["extension"]["new_end"]) for r in mine if "extension" in r]
        end = max(ends) if ends else None
        stops = [day(r["plan_ended"]["date"]) for r in mine if "plan_ended" in r]
        if stops and (end is None or stops[0] < end):
            end = stops[0]
        if pid in replaced or start > today or (end is not None and end < today):
            continue
        if mine:
            nxt = mine[-1].get("next_review")
            review = day(nxt) if nxt else add_months(day(mine[-1]["date"]), 6)
        else:
            first = p.get("first_review")
            review = day(first) if first else add_months(start, 6)
        if review < today:
            out["review-overdue"] += 1
        elif review <= horizon:
            out["review-due"] += 1
        if end is not None and end <= horizon:
            out["plan-ending"] += 1
    return out
