"""Read what a document needs from a data repository: the record, its customer, related records.

Records are read at the branch head through the store (the working tree's uncommitted edits are
not records yet). A record that does not pass the model is refused with its path and every
problem: a document is never printed from data the model rejects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kototieto.errors import InvalidRecordError, NotFoundError
from kototieto.model.customer import Customer
from kototieto.model.records import Record, parse_record
from kototieto.model.schema_errors import schema_text
from kototieto.model.text import T
from kototieto.store.extensions import repository_extensions
from kototieto.store.reader import load_records
from kototieto.store.repository import Repository
from kototieto.store.store import Store


@dataclass(frozen=True)
class RenderInput:
    """One record with the person it is about and the other records of that person."""

    record: Record
    customer: Customer | None
    related: tuple[Record, ...]
    templates_dir: Path | None


def parse(data: dict[str, Any], where: str, extensions: Any = None) -> Record:
    """``extensions``: the repository's definitions (labels of extension values, open-end codes)."""
    try:
        return extensions.parse(data) if extensions is not None else parse_record(data)
    except ValidationError as exc:
        errors = exc.errors()
        places = [".".join(str(p) for p in e["loc"]) for e in errors]
        problems = [f"{at}: {e['msg']}" for at, e in zip(places, errors, strict=True)]
        said = {
            lang: "; ".join(
                f"{at}: {schema_text(e, tuple(e['loc'])).get(lang)}"
                for at, e in zip(places, errors, strict=True)
            )
            for lang in ("fi", "sv")
        }
        raise InvalidRecordError(
            T(
                "{w}: ei ole kelvollinen tietue: {fi}",
                "{w}: inte en giltig post: {sv}",
                "{w}: not a valid record: {en}",
            ).format(w=where, fi=said["fi"], sv=said["sv"], en="; ".join(problems)),
            problems=list(problems),
        ) from None


def _extensions(root: Path) -> Any:
    """The repository's extension definitions, or None (records then parse as national ones)."""
    return repository_extensions(root)


def organisation_names(root: Path) -> dict[str, str] | None:
    """The organisation's name per language from ``koto.yaml`` (``name: {fi: ..., sv: ...}``), or None."""
    names = dict(Repository.open(root).config.organisation.names)
    return names or None


def repo_templates(root: Path) -> Path | None:
    """The repository's ``templates/`` folder (template overrides and logo), if it has one."""
    folder = root / "templates"
    return folder if folder.is_dir() else None


def load_record(repo: Path, record_id: str) -> RenderInput:
    """The record ``record_id`` (``ID`` or ``ID@REV``) and its customer's records, from ``repo``."""
    store = Store.open(repo)
    ext = _extensions(store.repo.root)
    view = store.read(record_id)
    record = parse(view.data, view.path, ext)
    datas = store.customer_records(view.customer)
    others = [parse(d, f"{view.customer}/{rid}", ext) for rid, d in sorted(datas.items()) if rid != record.id]
    customer = (
        record if isinstance(record, Customer) else next((r for r in others if isinstance(r, Customer)), None)
    )
    return RenderInput(record, customer, tuple(others), repo_templates(store.repo.root))


def load_customer(repo: Path, customer_id: str) -> tuple[Customer, list[Record], Path | None]:
    """A customer record and all their other records (for a dossier)."""
    store = Store.open(repo)
    datas = store.customer_records(customer_id)
    if customer_id not in datas:
        raise NotFoundError(
            T(
                "Asiakasta {c!r} ei ole tietovarastossa {root}",
                "Kunden {c!r} finns inte i datakatalogen {root}",
                "no customer {c!r} in {root}",
            ).format(c=customer_id, root=store.repo.root)
        )
    ext = _extensions(store.repo.root)
    records = [parse(d, f"{customer_id}/{rid}", ext) for rid, d in sorted(datas.items())]
    customer = next(r for r in records if isinstance(r, Customer) and r.id == customer_id)
    return customer, [r for r in records if r is not customer], repo_templates(store.repo.root)


def load_all(repo: Path) -> tuple[list[Record], Path]:
    """Every record at the branch head (refusing the batch if any record is unreadable)."""
    loaded = load_records(repo)
    if loaded.unreadable:
        path, reason = loaded.unreadable[0]
        more = len(loaded.unreadable) - 1
        raise InvalidRecordError(
            T(
                "{p}: {why}" + (" (ja {n} muuta)" if more else ""),
                "{p}: {why}" + (" (och {n} till)" if more else ""),
                "{p}: {why}" + (" (and {n} more)" if more else ""),
            ).format(p=path, why=reason, n=more),
            problems=[f"{p}: {r}" for p, r in loaded.unreadable],
        )
    return [record for _, _, record in loaded.items], loaded.root
