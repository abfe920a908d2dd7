"""How the catalogue site shows fill rates; they are computed in one place,
``kototieto.reports.fillrates`` (the same figures as ``koto report fill-rates``)."""

from __future__ import annotations

from collections.abc import Iterable

from kototieto.reports.fillrates import FillRates
from kototieto.site.i18n import tr

__all__ = ["FillRates", "fill_cell"]


def fill_cell(fill: FillRates, path: str, kinds: Iterable[str], lang: str) -> str:
    """A field's fill rate as a table cell: ``57 %``, never used in bold, or "no records"."""
    filled, total = fill.count(path, kinds)
    if not total:
        return tr("field.none", lang)
    if filled == 0:
        return f"**0 %**{{ .koto-unused }} {tr('field.never_used', lang)}"
    return f"{round(100 * filled / total)} %"
