"""``koto render``: print records as HTML, PDF or Markdown (one record, a dossier, or all of them)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import LANGS, echo_json, json_option, repo_option
from kototieto.errors import UsageError
from kototieto.fsutil import atomic_write
from kototieto.model.text import T
from kototieto.templates.pdf import DEFAULT_VARIANT, PDF_VARIANTS

FORMATS = ("html", "pdf", "md")


def _write(result: bytes | str, output: str, quiet: bool = False) -> None:
    if output == "-":
        if isinstance(result, bytes):
            if sys.stdout.isatty():
                raise UsageError(
                    T(
                        "PDF-tiedostoa ei kirjoiteta päätteeseen; anna -o TIEDOSTO",
                        "En PDF skrivs inte till terminalen; ange -o FIL",
                        "refusing to write a PDF to a terminal; give -o FILE",
                    )
                )
            sys.stdout.buffer.write(result)
        else:
            click.echo(result, nl=False)
        return
    path = Path(output)
    atomic_write(path, result)  # nothing half-written, no temporary file left behind on failure
    if not quiet:
        click.echo(str(path), err=True)


@click.command()
@click.argument("record_id", metavar="[ID]", required=False)
@repo_option
@click.option(
    "--lang",
    "langs",
    type=click.Choice(LANGS),
    multiple=True,
    help="Language (repeat with --all).  [default: fi]",
)
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="pdf", show_default=True, help="Output format."
)
@click.option("-o", "--output", help="Output file ('-' for stdout). Default: ID.LANG.FORMAT here.")
@click.option("--dossier", is_flag=True, help="ID is a customer: print all their records, newest first.")
@click.option("--mask-identity", is_flag=True, help="Hide the individual part of the identity code.")
@click.option(
    "--show-trafficking-status",
    "sensitive",
    is_flag=True,
    help="Print whether the person is a victim of human trafficking (left out by default: the paper "
    "may leave the office).",
)
@click.option(
    "--pdf-variant",
    type=click.Choice(PDF_VARIANTS),
    default=DEFAULT_VARIANT,
    show_default=True,
    help="PDF variant (PDF/A for archiving).",
)
@click.option(
    "--logo",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Logo image (default: templates/logo.png in the repository).",
)
@json_option
@click.option("--all", "render_all", is_flag=True, help="Render every record of the repository into --out.")
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Output folder for --all."
)
@click.option("--kind", "kinds", multiple=True, help="With --all: only these record kinds (repeatable).")
@click.option(
    "-j", "--jobs", type=int, default=None, help="With --all: worker processes (default: all cores)."
)
def render(
    record_id: str | None,
    repo: Path,
    langs: tuple[str, ...],
    fmt: str,
    output: str | None,
    dossier: bool,
    mask_identity: bool,
    sensitive: bool,
    pdf_variant: str,
    logo: Path | None,
    render_all: bool,
    out_dir: Path | None,
    kinds: tuple[str, ...],
    jobs: int | None,
    as_json: bool,
) -> None:
    """Print record ID (or, with --all, every record) as a document in Finnish, Swedish or English.

    \b
    koto render pln-20250410-3f9c2a71 --lang sv --format pdf -o plan.pdf
    koto render c-4f2a9b1e --dossier --format html -o dossier.html
    koto render --all --out printed --kind integration-plan --lang fi --lang sv
    """
    if render_all:
        written = _render_all(
            repo, out_dir, langs or ("fi",), kinds, fmt, jobs, logo, mask_identity, pdf_variant, record_id
        )
        if as_json:
            echo_json({"files": [str(p) for p in written], "format": fmt})
        return
    if record_id is None:
        raise UsageError(
            T(
                "Anna tietueen tunniste tai --all ja --out KANSIO",
                "Ange ett post-id eller --all med --out MAPP",
                "give a record ID, or --all with --out DIR",
            )
        )
    if out_dir is not None or kinds or jobs is not None:
        raise UsageError(
            T(
                "--out, --kind ja --jobs käyvät vain yhdessä --all-valitsimen kanssa",
                "--out, --kind och --jobs går bara tillsammans med --all",
                "--out, --kind and --jobs go with --all",
            )
        )
    if len(langs) > 1:
        raise UsageError(
            T(
                "Yksi --lang asiakirjaa kohden (useampi vain --all-valitsimen kanssa)",
                "En --lang per dokument (flera bara med --all)",
                "one --lang per document (several only with --all)",
            )
        )
    lang = langs[0] if langs else "fi"
    from kototieto.templates import render as r
    from kototieto.templates import source

    if dossier:
        customer, records, templates_dir = source.load_customer(repo, record_id)
        result = r.render_dossier(
            customer,
            records,
            lang,
            fmt,
            mask_identity=mask_identity,
            repo_templates_dir=templates_dir,
            logo=logo,
            pdf_variant=pdf_variant,
            org_names=source.organisation_names(repo),
            sensitive=sensitive,
        )
        name = f"{record_id}.dossier"
    else:
        data = source.load_record(repo, record_id)
        result = r.render_record(
            data.record,
            lang,
            fmt,
            customer=data.customer,
            related=data.related,
            mask_identity=mask_identity,
            repo_templates_dir=data.templates_dir,
            logo=logo,
            pdf_variant=pdf_variant,
            org_names=source.organisation_names(repo),
            sensitive=sensitive,
        )
        name = data.record.id
    target = output or f"{name}.{lang}.{fmt}"
    _write(result, target, quiet=as_json)
    if as_json and target != "-":
        echo_json({"file": target, "record": name, "lang": lang, "format": fmt})


def _render_all(
    repo: Path,
    out_dir: Path | None,
    langs: tuple[str, ...],
    kinds: tuple[str, ...],
    fmt: str,
    jobs: int | None,
    logo: Path | None,
    mask_identity: bool,
    pdf_variant: str,
    record_id: str | None,
) -> list[Any]:
    if record_id is not None:
        raise UsageError(
            T(
                "--all tulostaa kaikki tietueet: jätä TUNNISTE pois",
                "--all skriver ut alla poster: utelämna ID",
                "--all renders every record: leave out ID",
            )
        )
    if out_dir is None:
        raise UsageError(
            T("--all tarvitsee --out KANSIO", "--all behöver --out MAPP", "--all needs --out DIR")
        )
    from kototieto.model.records import RECORD_KINDS

    unknown = [k for k in kinds if k not in RECORD_KINDS]
    if unknown:
        from kototieto.store.roles import unknown_kind

        raise UsageError(unknown_kind(unknown[0]))
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from kototieto.templates import batch, source

    records, root = source.load_all(repo)
    with Progress(
        TextColumn("rendering"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("render", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        written = batch.render_batch(
            records,
            out_dir,
            langs=langs,
            kinds=kinds or None,
            fmt=fmt,
            jobs=jobs,
            templates_dir=source.repo_templates(root),
            org_names=source.organisation_names(root),
            logo=logo,
            mask_identity=mask_identity,
            pdf_variant=pdf_variant,
            progress=progress,
        )
    click.echo(f"{len(written)} -> {out_dir}", err=True)
    return list(written)
