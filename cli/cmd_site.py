"""``koto site build``: the field catalogue site; ``koto site snapshot``: publish the catalogue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kototieto.cli.options import LANGS, echo_json, json_option


@click.group()
def site() -> None:
    """The field catalogue site (mkdocs Material, one build per language)."""


@site.command()
@click.option(
    "--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Output folder."
)
@click.option(
    "--data",
    "data",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A pilot data repository: show each field's fill rate.",
)
@click.option(
    "--comments",
    "comments",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A comments folder (round.yaml + threads/): show comments under their fields.",
)
@click.option(
    "--lang",
    "langs",
    type=click.Choice(LANGS),
    multiple=True,
    help="Languages to build (default: fi, sv, en).",
)
@click.option(
    "--comment-url",
    help="Issue URL template for 'comment on this field' ({path}, {label}, {title}, {body}, {lang}).",
)
@click.option("--contact", help="E-mail address for mailto: comment links (default: the round's contact).")
@click.option(
    "--src",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the generated Markdown in this folder.",
)
@click.option("--jobs", type=click.IntRange(1, 64), help="Parallel mkdocs builds (default: CPU count).")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The date the key figures are counted on (default: today).",
)
@click.option(
    "--worktree",
    is_flag=True,
    help="Count the --data repository's working-tree files (default: its branch head, as the reports).",
)
@json_option
def build(
    out: Path,
    data: Path | None,
    comments: Path | None,
    langs: tuple[str, ...],
    comment_url: str | None,
    contact: str | None,
    src: Path | None,
    jobs: int | None,
    today: dt.datetime | None,
    worktree: bool,
    as_json: bool,
) -> None:
    """Build the catalogue site into OUT/<lang>/ with `mkdocs build --strict`."""
    from kototieto.site.build import build_site

    result = build_site(
        out,
        data_repo=data,
        comments_dir=comments,
        langs=langs or LANGS,
        comment_url=comment_url,
        contact=contact,
        src=src,
        jobs=jobs,
        today=today.date() if today else None,
        worktree=worktree,
    )
    if as_json:
        echo_json(result.to_json())
        return
    click.echo(
        f"built {result.pages} pages in {', '.join(result.langs)} into {result.out} "
        f"({result.fields} fields, {result.comments} comments, {result.orphans} orphaned; "
        f"generate {result.generate_seconds:.1f} s, mkdocs {result.mkdocs_seconds:.1f} s)"
    )


@site.command()
@click.option(
    "--dir",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    help="Snapshot folder (default: the site package's snapshots/).",
)
@json_option
def snapshot(folder: Path | None, as_json: bool) -> None:
    """Publish the current catalogue as site/snapshots/catalogue-<version>.json (the change log's base)."""
    from kototieto.site.build import SNAPSHOT_DIR, load_catalogue, publish_snapshot

    path = publish_snapshot(load_catalogue(), folder or SNAPSHOT_DIR)
    if as_json:
        echo_json({"file": str(path)})
        return
    click.echo(str(path))
