"""Shared helpers of the document tests: the fixed sample, PDF text, a hermetic data repository."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kototieto.model.records import parse_record
from kototieto.templates.samples import sample_data
from tests import gitenv

#: Frozen "today" of every rendered document (the printed date).
TODAY = dt.date(2026, 11, 28)
LANGS = ("fi", "sv", "en")
BIN = Path(sys.executable).parent
GOLDEN = Path(__file__).with_name("golden")


def records(measures: int = 5) -> list[Any]:
    return [parse_record(d) for d in sample_data(measures)]


def by_kind(recs: list[Any], kind: str) -> Any:
    return next(r for r in recs if r.kind == kind)


def pdf_pages(data: bytes) -> list[str]:
    """Text of each page, whitespace collapsed, hyphenation at line ends undone."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        text = page.extract_text() or ""
        text = re.sub(r"[\u00ad]", "", text)
        text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
        out.append(re.sub(r"\s+", " ", text))
    return out


def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A HOME of the test's own with the one hermetic Git set-up (``tests/gitenv.py``)."""
    gitenv.apply(tmp_path / "home", monkeypatch)


def koto(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "koto"), *args], cwd=cwd, capture_output=True, text=True, env=dict(os.environ), check=False
    )


def sample_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository holding the sample customer's records, committed through the store."""
    import yaml

    from kototieto.store.scaffold import init_repository
    from kototieto.store.store import Store

    hermetic(tmp_path, monkeypatch)
    repo = tmp_path / "repo"
    init_repository(repo, organisation_code="837", name="Tampereen kaupunki")
    texts = [yaml.safe_dump(d, allow_unicode=True, sort_keys=False).encode("utf-8") for d in sample_data()]
    # one commit; the records refer to each other, which the one-by-one checks of import would refuse
    Store.open(repo).import_records(
        texts, message="sample records", author="Testi Virkailija <testi@example.org>", validate=False
    )
    return repo
