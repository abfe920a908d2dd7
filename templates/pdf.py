"""HTML to PDF with WeasyPrint: tagged, with the document language, metadata and embedded fonts.

Every PDF is tagged (``pdf_tags=True``): headings, tables with header cells, reading order. The
default variant is PDF/UA-1 (accessible); an archive can ask for a PDF/A variant instead (the
tags stay on). WeasyPrint takes the language from ``<html lang>`` (/Lang) and the title, author,
subject and keywords from the HTML head.

Fonts: WeasyPrint subsets embedded fonts by default. ``full_fonts=True`` embeds whole font files
instead; measured with bench/bench_render.py on a 3-page plan set in Noto Sans, that made the PDF
1,046 KiB instead of 30 KiB *and* slower (1.9 s against 1.0 s on a loaded machine), so subsets it
is (``FULL_FONTS``). Re-measure when the fonts change: with other fonts whole-font embedding has
been reported faster.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kototieto.errors import UsageError
from kototieto.model.text import T

#: Variants offered on the command line; None means plain tagged PDF.
PDF_VARIANTS: tuple[str, ...] = ("pdf/ua-1", "pdf/a-2b", "pdf/a-3b", "pdf/a-2a", "pdf/a-3a", "pdf/a-3u")
DEFAULT_VARIANT = "pdf/ua-1"
#: Embed whole fonts (faster, larger) or subsets (slower, smaller); chosen from the benchmark.
FULL_FONTS = False


def pdf_options(variant: str | None = DEFAULT_VARIANT, *, full_fonts: bool | None = None) -> dict[str, Any]:
    """The ``write_pdf`` options of a document."""
    if variant is not None and variant not in PDF_VARIANTS:
        raise UsageError(
            T(
                "Tuntematon PDF-muunnelma {v!r}; valitse jokin näistä: {all}",
                "Okänd PDF-variant {v!r}; välj en av {all}",
                "unknown PDF variant {v!r}; choose one of {all}",
            ).format(v=variant, all=", ".join(PDF_VARIANTS))
        )
    return {
        "pdf_tags": True,
        "pdf_variant": variant,
        "full_fonts": FULL_FONTS if full_fonts is None else full_fonts,
        "uncompressed_pdf": False,
    }


def html_to_pdf(
    html: str,
    *,
    variant: str | None = DEFAULT_VARIANT,
    full_fonts: bool | None = None,
    base_url: str | None = None,
    link_texts: Mapping[str, str] | None = None,
) -> bytes:
    """Render HTML to PDF bytes (WeasyPrint is imported here: it is slow to import), then finish
    the tags for screen readers (``pdfpost.finish``: pagination artifacts, header scopes, links)."""
    from weasyprint import HTML

    from kototieto.templates.pdfpost import finish

    out = HTML(string=html, base_url=base_url).write_pdf(**pdf_options(variant, full_fonts=full_fonts))
    assert out is not None
    return finish(bytes(out), link_texts=link_texts)
