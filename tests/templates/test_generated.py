"""Every record of a generated data set prints in every language and format (no strict-undefined
error, no unknown label, the person's name on every document)."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

import pytest

from kototieto.model.customer import Customer
from kototieto.synthetic.generator import generate_dataset
from kototieto.templates.render import render_dossier, render_record
from tests.templates import _support as S


def _by_customer(n: int, seed: int) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for r in generate_dataset(n, seed, dt.date(2026, 11, 28)):
        out[r.customer].append(r)
    return out


def test_generated_records_render_in_every_language_and_format() -> None:
    kinds = set()
    for records in _by_customer(25, 11).values():
        customer = next(r for r in records if isinstance(r, Customer))
        name = f"{customer.first_names} {customer.last_name}"
        for record in records:
            kinds.add(record.kind)
            for lang in S.LANGS:
                html = str(
                    render_record(record, lang, "html", customer=customer, related=records, today=S.TODAY)
                )
                assert f'lang="{lang}"' in html and record.id in html
                assert name.replace("'", "&#39;") in html
                md = str(render_record(record, lang, "md", customer=customer, related=records, today=S.TODAY))
                assert record.id in md
        dossier = str(
            render_dossier(customer, [r for r in records if r is not customer], "sv", "html", today=S.TODAY)
        )
        assert dossier.count('<article class="record"') == len(records) - 1
    assert len(kinds) >= 6


@pytest.mark.slow
def test_generated_dossier_pdf(caplog: pytest.LogCaptureFixture) -> None:
    """A long dossier prints without a single WeasyPrint warning (unsupported CSS, duplicate ids...)."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    groups = _by_customer(8, 3)
    records = max(groups.values(), key=len)
    customer = next(r for r in records if isinstance(r, Customer))
    pdf = render_dossier(customer, [r for r in records if r is not customer], "en", "pdf", today=S.TODAY)
    assert isinstance(pdf, bytes)
    pages = S.pdf_pages(pdf)
    assert len(pages) >= len(records) - 1  # each record starts on a new page
    assert f"page 1 of {len(pages)}" in pages[0]
    assert not [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
