"""Shared helpers of the exchange tests: the report tests' hermetic Git and generated repositories."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "_reports_support_for_exchange", Path(__file__).parents[1] / "reports" / "_support.py"
)
assert _spec and _spec.loader
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

hermetic_env = _mod.hermetic_env
make_repo = _mod.make_repo
koto = _mod.koto
git = _mod.git
KOTO = _mod.KOTO
TODAY = _mod.TODAY


def make_org_repo(path: Path, organisation: str, name: str, customers: int = 10, seed: int = 7) -> Path:
    """A data repository of ``organisation`` with the synthetic records of ``customers`` customers."""
    from kototieto.model.records import record_to_data
    from kototieto.store import layout
    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store
    from kototieto.store.yamlio import new_document_text
    from kototieto.synthetic.generator import generate_dataset

    repo = init_repository(path, organisation_code=organisation, name=name, author="Testi <t@example.org>")
    texts = []
    for record in generate_dataset(customers, seed, TODAY, organisation=organisation):
        data = record_to_data(record)
        rel = layout.record_path(str(data.get("customer", data["id"])), str(data["id"]))
        texts.append((rel, new_document_text(data, layout.schema_url_for(rel)).encode("utf-8")))
    Store(repo).import_records(texts, message="import", author="Testi <t@example.org>", validate=False)
    return path
