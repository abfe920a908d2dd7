"""``koto catalogue`` (export, diff, change paper) and ``koto schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import LANGS, TextOption, echo_json, lang_option
from kototieto.errors import NotFoundError, UsageError
from kototieto.model.text import T

_NOT_CATALOGUE = T(
    "{p}: ei ole tietosisällön JSON-tiedosto{rest}",
    "{p}: inte ett JSON-dokument för datainnehållet{rest}",
    "{p}: not a catalogue JSON document{rest}",
)


def _load_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotFoundError(
            T(
                "{p}: tietosisältötiedostoa ei ole",
                "{p}: katalogfilen finns inte",
                "{p}: no such catalogue file",
            ).format(p=path)
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(_NOT_CATALOGUE.format(p=path, rest=f" ({exc})")) from None
    if not isinstance(data, dict) or "fields" not in data:
        raise UsageError(_NOT_CATALOGUE.format(p=path, rest=" (no 'fields')"))
    return data


def _catalogue(data_repo: Path | None) -> dict[str, Any]:
    from kototieto.model.catalogue import catalogue_json

    if data_repo is None:
        return catalogue_json()
    from kototieto.store.extensions.load import extended_catalogue

    return extended_catalogue(catalogue_json(), data_repo)


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the whole catalogue as one JSON document.")
@click.option(
    "-C",
    "--repo",
    "--data",
    "data_repo",
    cls=TextOption,
    hidden_names=("--data",),
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Include a pilot data repository's extension fields, marked as local (--data: the old name).",
)
@lang_option
@click.pass_context
def catalogue(ctx: click.Context, as_json: bool, data_repo: Path | None, lang: str) -> None:
    """The field catalogue: every field of every record kind, with its legal basis.

    Without a subcommand, prints a summary (or, with --json, the catalogue in the documented
    format: record_kinds, fields, code_lists, rules, decree_items, trace, parameters).
    """
    if ctx.invoked_subcommand is not None:
        return
    data = _catalogue(data_repo)
    if as_json:
        echo_json(data)
        return
    from kototieto.i18n import count, tr
    from kototieto.model.catalogue import kind_label
    from kototieto.model.text import T

    title = T(
        "Tietosisältö {v}: {fields}, {lists} koodistoa",
        "Datainnehåll {v}: {fields}, {lists} kodlistor",
        "Catalogue {v}: {fields}, {lists} code lists",
    )
    traced_text = T(
        "Asetuksen kohtia jäljitetty: {n}/{all}",
        "Förordningens punkter spårade: {n}/{all}",
        "Decree items traced: {n}/{all}",
    )
    click.echo(
        tr(title, lang).format(
            v=data["version"], fields=count(len(data["fields"]), "field", lang), lists=len(data["code_lists"])
        )
    )
    for kind in data["record_kinds"]:
        fields = count(len(kind["fields"]), "field", lang)
        click.echo(f"  {kind['kind']:<26} {fields:>12}  {kind_label(kind['kind'], lang)}")
    traced = sum(1 for v in data["trace"].values() if v["fields"] or v["rules"])
    click.echo(tr(traced_text, lang).format(n=traced, all=len(data["decree_items"])))


@catalogue.command("diff")
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
def diff(old: Path, new: Path | None, as_json: bool) -> None:
    """Classify the changes between two catalogue exports (NEW defaults to the current model).

    Exit code 0 when nothing breaking changed, 6 (conflict) when a change is breaking.
    """
    from kototieto.site.catalogue_diff import diff_catalogues, summary

    old_data = _load_json(old)
    new_data = _load_json(new) if new else _catalogue(None)
    changes = diff_catalogues(old_data, new_data)
    if as_json:
        echo_json({"changes": [c.to_json() for c in changes], "summary": summary(changes)})
    else:
        for change in changes:
            mark = "BREAKING " if change.breaking else ""
            renamed = f" (was {change.old_path})" if change.old_path else ""
            click.echo(f"{mark}{change.kind}: {change.target} {change.path}{renamed}")
        counts = summary(changes)
        click.echo(", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no changes")


@catalogue.command("change-paper")
@click.option(
    "--old",
    "old",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Catalogue export to compare with (default: the last published snapshot).",
)
@click.option(
    "--lang", type=click.Choice(LANGS), default="fi", show_default=True, help="Language of the paper."
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
def change_paper_cmd(old: Path | None, lang: str, output: Path | None) -> None:
    """Write the consultation change paper (Markdown): new fields in full, changed parts only."""
    from kototieto.site.change_paper import change_paper

    if old is None:
        from kototieto.site.snapshots import latest_snapshot

        old_data = latest_snapshot()
    else:
        old_data = _load_json(old)
    text = change_paper(old_data, _catalogue(None), lang)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")
    else:
        click.echo(text)


@click.command()
@click.argument("kind", required=False)
@click.option("--lang", type=click.Choice(LANGS), default="fi", show_default=True, help="Language of titles.")
@click.option(
    "-C",
    "--repo",
    "--data",
    "data_repo",
    cls=TextOption,
    hidden_names=("--data",),
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Type the extensions of a pilot data repository's own fields too (--data: the old name).",
)
def schema(kind: str | None, lang: str, data_repo: Path | None) -> None:
    """Print the JSON Schema (draft 2020-12) of KIND, or of every kind when KIND is left out."""
    from kototieto.model.jsonschema import record_schema
    from kototieto.model.records import RECORD_KINDS

    if kind is not None and kind not in RECORD_KINDS:
        from kototieto.store.roles import unknown_kind

        raise UsageError(unknown_kind(kind))
    if data_repo is not None:
        from kototieto.store.extensions.load import repository_extensions

        extensions = repository_extensions(data_repo)
        if extensions is not None:
            echo_json(extensions.schema(kind, lang))
            return
    echo_json(record_schema(kind, lang))
