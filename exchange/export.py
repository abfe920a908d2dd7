"""``koto export``: a repository's records as flat tables for analysis (see ``flatten``).

One table per record kind and one per repeatable group, as CSV (the Finnish spreadsheet dialect by
default for fi and sv), one XLSX workbook, Parquet (typed columns: dates as dates, numbers as
numbers) or JSON Lines; a data dictionary (``dictionary.*``) describes every column from the
catalogue. Records are read at the branch head, so a customer erased with ``koto erase`` never
appears. Annulled records are left out unless asked for.

Privacy by default: names, identity codes and dates of birth are left out and every customer id is
replaced by a keyed hash (HMAC-SHA-256 with a key kept in the clone, ``.git/koto/export-key``, never
committed): the same customer has the same pseudonym in every export of the clone, and the
pseudonym cannot be turned back into the id without the key. ``with_identities`` keeps them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kototieto.errors import InvalidInputError, UsageError
from kototieto.exchange.flatten import (
    CUSTOMER_REF_PATHS,
    DICTIONARY_HEADERS,
    PERSONAL_PATHS,
    Column,
    TableSpec,
    dictionary_rows,
    flatten,
    kind_tables,
)
from kototieto.exchange.spreadsheet import Dialect, Sheet, write_csv, write_xlsx
from kototieto.model.records import RECORD_KINDS
from kototieto.model.text import T
from kototieto.store.repository import Repository

FORMATS = ("csv", "xlsx", "parquet", "jsonl")
KEY_FILE = "koto/export-key"


@dataclass
class ExportResult:
    out: Path
    files: list[Path] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    annulled_left_out: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "files": [p.name for p in self.files],
            "records": self.records,
            "rows": self.rows,
            "annulled_left_out": self.annulled_left_out,
        }


def export_key(repo: Repository) -> bytes:
    """The clone's pseudonymisation key (made on first use; outside the history)."""
    path = repo.git_dir / KEY_FILE
    if path.is_file():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(key)
    os.replace(tmp, path)
    return key


def pseudonym(key: bytes, customer_id: str) -> str:
    return "p-" + hmac.new(key, customer_id.encode("utf-8"), hashlib.sha256).hexdigest()[:20]


def read_records(repo: Repository, kinds: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """kind -> data of every record at the branch head (fast loader), in path order."""
    from kototieto.store import history
    from kototieto.store.bulkload import fast_load

    wanted = set(kinds) if kinds else None
    out: dict[str, list[dict[str, Any]]] = {}
    head = repo.head_commit()
    if head is None:
        return out
    entries = sorted(history.record_entries(repo, head), key=lambda e: e[1])
    for _rid, path, entry in entries:
        blob = repo.git.get(entry.id)
        data = fast_load(blob.data, path)  # type: ignore[union-attr]
        kind = str(data.get("kind"))
        if wanted is None or kind in wanted:
            out.setdefault(kind, []).append(data)
    return out


def _specs(kind: str, with_identities: bool) -> list[TableSpec]:
    specs = kind_tables(kind)
    if with_identities:
        return specs
    for spec in specs:
        spec.columns = [c for c in spec.columns if (c.path or c.label_of or "") not in PERSONAL_PATHS]
    return specs


def export_repository(
    repo_path: Path | str,
    out: Path,
    *,
    fmt: str = "csv",
    kinds: Iterable[str] | None = None,
    lang: str = "fi",
    dialect: Dialect = "spreadsheet",
    with_identities: bool = False,
    with_annulled: bool = False,
    organisation_column: bool = True,
) -> ExportResult:
    """Write the export of the repository at ``repo_path`` into the folder ``out``."""
    if fmt not in FORMATS:
        raise UsageError(
            T(
                "Tuntematon muoto {f!r}: käytä jotakin näistä: {all}",
                "Okänt format {f!r}: använd ett av {all}",
                "unknown format {f!r}: use one of {all}",
            ).format(f=fmt, all=", ".join(FORMATS))
        )
    kinds = list(kinds or [])
    unknown = [k for k in kinds if k not in RECORD_KINDS]
    if unknown:
        from kototieto.store.roles import unknown_kind

        raise UsageError(unknown_kind(unknown[0]))
    repo = Repository.open(Path(repo_path))
    key = None if with_identities else export_key(repo)
    records = read_records(repo, kinds or None)
    result = ExportResult(out)
    tables: dict[str, tuple[TableSpec, list[dict[str, Any]]]] = {}
    for kind in kinds or RECORD_KINDS:
        specs = _specs(kind, with_identities)
        for s in specs:
            tables[s.name] = (s, [])
        count = 0
        for data in records.get(kind, []):
            if data.get("annulment") and not with_annulled:
                result.annulled_left_out += 1
                continue
            count += 1
            data = _pseudonymised(data, key) if key is not None else data
            for name, rows in flatten(data, specs, lang).items():
                tables[name][1].extend(rows)
        result.records[kind] = count
    if organisation_column:
        org = repo.config.organisation.code
        for spec, rows in tables.values():
            if not any(c.key == "organisation" for c in spec.columns):
                spec.columns.insert(1, Column("organisation", None, "text"))
            for row in rows:
                row["organisation"] = str(org)  # the pilot's repository (organisation.code: who drew it up)
    result.rows = {name: len(rows) for name, (_, rows) in tables.items()}
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".export.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        written = _write(tmp, fmt, tables, lang, dialect)
        for path in written:
            os.replace(path, out / path.name)
            result.files.append(out / path.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def _pseudonymised(data: Mapping[str, Any], key: bytes) -> dict[str, Any]:
    new = dict(data)
    cust = str(data.get("customer", data.get("id")))
    if data.get("kind") == "customer":
        new["id"] = pseudonym(key, cust)
    if "customer" in new:
        new["customer"] = pseudonym(key, cust)
    members = data.get("family_members")
    if isinstance(members, list) and "family_members.customer" in CUSTOMER_REF_PATHS:
        new["family_members"] = [
            {**m, "customer": pseudonym(key, str(m["customer"]))}
            if isinstance(m, dict) and m.get("customer")
            else m
            for m in members
        ]
    return new


def _write(
    folder: Path,
    fmt: str,
    tables: Mapping[str, tuple[TableSpec, list[dict[str, Any]]]],
    lang: str,
    dialect: Dialect,
) -> list[Path]:
    specs = [spec for spec, _ in tables.values()]
    dictionary = dictionary_rows(specs, lang)
    dict_headers = DICTIONARY_HEADERS.get(lang, DICTIONARY_HEADERS["en"])
    files: list[Path] = []
    if fmt == "xlsx":
        sheets = [Sheet("dictionary", dict_headers, dictionary)]
        for spec, rows in tables.values():
            keys = [c.key for c in spec.columns]
            sheets.append(
                Sheet(
                    spec.name,
                    [c.label(lang) for c in spec.columns],
                    [[r.get(k) for k in keys] for r in rows],
                    keys=keys,
                )
            )
        path = folder / "export.xlsx"
        write_xlsx(path, sheets)
        return [path]
    if fmt == "csv":
        path = folder / "dictionary.csv"
        write_csv(path, dict_headers, dictionary, lang=lang, dialect=dialect)
        files.append(path)
        for spec, rows in tables.values():
            keys = [c.key for c in spec.columns]
            path = folder / f"{spec.name}.csv"
            write_csv(path, keys, ([r.get(k) for k in keys] for r in rows), lang=lang, dialect=dialect)
            files.append(path)
        return files
    if fmt == "jsonl":
        path = folder / "dictionary.jsonl"
        _write_jsonl(
            path,
            [
                dict(
                    zip(
                        ["table", "column", "path", "label", "type", "code_list", "description"],
                        r,
                        strict=True,
                    )
                )
                for r in dictionary
            ],
        )
        files.append(path)
        for spec, rows in tables.values():
            keys = [c.key for c in spec.columns]
            path = folder / f"{spec.name}.jsonl"
            _write_jsonl(path, ({k: r.get(k) for k in keys} for r in rows))
            files.append(path)
        return files
    import pyarrow as pa
    import pyarrow.parquet as pq

    dict_table = pa.table(
        {
            h: [r[i] for r in dictionary]
            for i, h in enumerate(["table", "column", "path", "label", "type", "code_list", "description"])
        }
    )
    path = folder / "dictionary.parquet"
    pq.write_table(dict_table, path)
    files.append(path)
    for spec, rows in tables.values():
        schema = pa.schema([pa.field(c.key, _arrow_type(c)) for c in spec.columns])
        columns = {c.key: [_arrow_value(c, r.get(c.key)) for r in rows] for c in spec.columns}
        try:
            table = pa.table(columns, schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise InvalidInputError(
                T(
                    "{t}: arvo ei sovi sarakkeen tyyppiin: {exc}",
                    "{t}: ett värde passar inte kolumnens typ: {exc}",
                    "{t}: a value does not fit its column type: {exc}",
                ).format(t=spec.name, exc=exc)
            ) from None
        path = folder / f"{spec.name}.parquet"
        pq.write_table(table, path)
        files.append(path)
    return files


def _arrow_type(col: Column) -> Any:
    import pyarrow as pa

    if col.path is None and col.key.endswith("_no"):
        return pa.int32()
    return {
        "date": pa.date32(),
        "boolean": pa.bool_(),
        "integer": pa.int64(),
        "decimal": pa.float64(),
    }.get(col.type, pa.string())


def _arrow_value(col: Column, value: Any) -> Any:
    if value is None:
        return None
    if col.type == "date" and not isinstance(value, dt.date):
        return None  # a stored date that is not one (an invalid record) is left empty
    if col.type in ("date", "boolean", "integer", "decimal") or (
        col.path is None and col.key.endswith("_no")
    ):
        return value
    return str(value)


def _write_jsonl(path: Path, rows: Iterable[Mapping[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


__all__ = ["FORMATS", "ExportResult", "export_repository", "pseudonym", "read_records"]
