"""Render records to HTML, PDF or Markdown: the library API of printable documents.

``render_record(record, lang, fmt)`` prints one record; ``render_dossier(customer, records, lang,
fmt)`` prints all records of one customer. HTML and Markdown come back as ``str``, PDF as ``bytes``.

A data repository customises documents without a package change: templates in its ``templates/``
folder (``repo_templates_dir``) replace the package's templates of the same name, and a
``logo.png`` (or ``logo.svg``/``logo.jpg``) there is shown in the letterhead. The logo is inlined
as a data URI, so the HTML is one self-contained file.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from kototieto.errors import InvalidInputError, UsageError
from kototieto.model.customer import Customer
from kototieto.model.text import LANGS, T
from kototieto.templates import build
from kototieto.templates.context import Document, DossierDocument
from kototieto.templates.env import environment
from kototieto.templates.pdf import DEFAULT_VARIANT, html_to_pdf

Format = Literal["html", "pdf", "md"]
FORMATS: tuple[str, ...] = ("html", "pdf", "md")
LOGO_NAMES: tuple[str, ...] = ("logo.png", "logo.svg", "logo.jpg", "logo.jpeg")
LOGO_MAX_BYTES = 2_000_000
_MIME = {".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def find_logo(templates_dir: Path | None) -> Path | None:
    """The repository's logo file in its templates folder, if it has one."""
    if templates_dir is None:
        return None
    for name in LOGO_NAMES:
        if (templates_dir / name).is_file():
            return templates_dir / name
    return None


def logo_data_uri(path: Path) -> str:
    mime = _MIME.get(path.suffix.lower())
    if mime is None:
        raise UsageError(
            T(
                "{p}: logon pitää olla PNG-, SVG- tai JPEG-kuva",
                "{p}: logotypen ska vara en PNG-, SVG- eller JPEG-bild",
                "{p}: a logo must be PNG, SVG or JPEG",
            ).format(p=path)
        )
    data = path.read_bytes()
    if len(data) > LOGO_MAX_BYTES:
        raise InvalidInputError(
            T(
                "{p}: logo on {n} tavua; enintään {max} tavua sallitaan",
                "{p}: logotypen är {n} byte; högst {max} byte tillåts",
                "{p}: the logo is {n} bytes; at most {max} are allowed",
            ).format(p=path, n=len(data), max=LOGO_MAX_BYTES)
        )
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _check(lang: str, fmt: str) -> None:
    if lang not in LANGS:
        raise UsageError(
            T(
                "Tuntematon kieli {v!r}; valitse jokin näistä: {all}",
                "Okänt språk {v!r}; välj ett av {all}",
                "unknown language {v!r}; choose one of {all}",
            ).format(v=lang, all=", ".join(LANGS))
        )
    if fmt not in FORMATS:
        raise UsageError(
            T(
                "Tuntematon muoto {v!r}; valitse jokin näistä: {all}",
                "Okänt format {v!r}; välj ett av {all}",
                "unknown format {v!r}; choose one of {all}",
            ).format(v=fmt, all=", ".join(FORMATS))
        )


def template_name(kind: str, fmt: str) -> str:
    """``integration-plan.html.j2`` for HTML and PDF, ``md/integration-plan.md.j2`` for Markdown."""
    return f"md/{kind}.md.j2" if fmt == "md" else f"{kind}.html.j2"


def render_context(
    ctx: Document,
    template: str,
    fmt: str,
    *,
    repo_templates_dir: Path | None = None,
    pdf_variant: str | None = DEFAULT_VARIANT,
) -> bytes | str:
    """Render a built context with ``template`` (a kind name or ``dossier``) to ``fmt``."""
    env = environment("md" if fmt == "md" else "html", repo_templates_dir)
    text = env.get_template(template_name(template, fmt)).render(ctx=ctx)
    if fmt == "pdf":
        return html_to_pdf(text, variant=pdf_variant, link_texts=link_texts(ctx))
    return text


def link_texts(ctx: Document) -> dict[str, str]:
    """Descriptions of the document's internal links (the dossier's contents): anchor -> text."""
    if not isinstance(ctx, DossierDocument):
        return {}
    return {item.doc.record_id: f"{item.doc.title}, {item.doc.date}" for item in ctx.items}


def logo_uri_for(logo: Path | None, repo_templates_dir: Path | None) -> str | None:
    path = logo or find_logo(repo_templates_dir)
    return logo_data_uri(path) if path is not None else None


def render_record(
    record: Any,
    lang: str,
    fmt: str,
    *,
    customer: Customer | None = None,
    related: Sequence[Any] | None = None,
    mask_identity: bool = False,
    repo_templates_dir: Path | None = None,
    logo: Path | None = None,
    pdf_variant: str | None = DEFAULT_VARIANT,
    today: dt.date | None = None,
    org_names: dict[str, str] | None = None,
    sensitive: bool = False,
) -> bytes | str:
    """Print one record. ``customer`` gives the person's name and identifier (without it only the
    customer id is known); ``related`` are other records of the same customer (a plan's reviews).
    ``org_names`` is the organisation's name per language (``source.organisation_names``);
    ``sensitive`` prints what stays in the office by default (human-trafficking victim status).
    """
    _check(lang, fmt)
    ctx = build.document(
        record,
        lang,
        customer=customer,
        related=related or (),
        mask_identity=mask_identity,
        logo_uri=logo_uri_for(logo, repo_templates_dir),
        today=today or dt.date.today(),
        org_names=org_names,
        sensitive=sensitive,
    )
    return render_context(
        ctx, record.kind, fmt, repo_templates_dir=repo_templates_dir, pdf_variant=pdf_variant
    )


def render_dossier(
    customer: Customer,
    records: Sequence[Any],
    lang: str,
    fmt: str,
    *,
    mask_identity: bool = False,
    repo_templates_dir: Path | None = None,
    logo: Path | None = None,
    pdf_variant: str | None = DEFAULT_VARIANT,
    today: dt.date | None = None,
    org_names: dict[str, str] | None = None,
    sensitive: bool = False,
) -> bytes | str:
    """Print every record of ``customer``, newest first, each plan with its reviews."""
    _check(lang, fmt)
    ctx = build.dossier(
        customer,
        records,
        lang,
        mask_identity=mask_identity,
        logo_uri=logo_uri_for(logo, repo_templates_dir),
        today=today or dt.date.today(),
        org_names=org_names,
        sensitive=sensitive,
    )
    return render_context(ctx, "dossier", fmt, repo_templates_dir=repo_templates_dir, pdf_variant=pdf_variant)
