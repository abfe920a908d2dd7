"""``koto init`` and ``koto upgrade``."""

from __future__ import annotations

from pathlib import Path

import click

from kototieto.cli.options import echo_json, json_option, repo_option
from kototieto.i18n import tr
from kototieto.model.text import T
from kototieto.store.repository import ORGANISATION_TYPES

CREATED = T(
    "Tietovarasto luotu: {root} ({name}).\nYhdistämisapuri ja tallennusta edeltävä tarkistus on asennettu tähän "
    "klooniin; aja jokaisessa muussa kloonissa kerran `koto upgrade`.",
    "Datakatalogen skapad: {root} ({name}).\nSammanslagningshjälpen och kontrollen före sparande är installerade i "
    "den här klonen; kör `koto upgrade` en gång i varje annan klon.",
    "Created a koto data repository in {root} ({name}).\nThe merge driver and the pre-commit hook are installed in "
    "this clone; in every other clone run `koto upgrade` once to install them.",
)
SHARED = T(
    "Yhteinen varasto (origin): {remote}. Kollegat: `git clone {remote}`, sitten kloonissa `koto upgrade`; "
    "jatkossa `koto sync`.",
    "Gemensamt förråd (origin): {remote}. Kolleger: `git clone {remote}`, sedan i klonen `koto upgrade`; "
    "därefter `koto sync`.",
    "Shared repository (origin): {remote}. Colleagues: `git clone {remote}`, then `koto upgrade` in the "
    "clone; from then on `koto sync`.",
)
UPGRADED = T("Päivitetty: {done}", "Uppgraderat: {done}", "Upgraded: {done}")
UP_TO_DATE = T(
    "Ajan tasalla (apurit asennettu uudelleen).",
    "Aktuell (hjälpverktygen installerade på nytt).",
    "Up to date (hook and merge driver (re)installed).",
)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--organisation", "code", required=True, help="Organisation code, e.g. 091.")
@click.option(
    "--organisation-type",
    "otype",
    type=click.Choice(ORGANISATION_TYPES),
    default="municipality",
    show_default=True,
    help="Organisation type.",
)
@click.option(
    "--name", default="", help="Organisation name (default: the official name from the classification)."
)
@click.option("--author", default=None, help="Author of the first commit: 'Name <email>'.")
@click.option(
    "--shared",
    metavar="PATH|URL",
    default=None,
    help="Also make the shared repository (origin) and push: a new bare repository in PATH (a shared "
    "drive), or an empty repository at a Git host's URL. Colleagues: git clone PATH|URL, koto upgrade.",
)
@json_option
def init(
    directory: Path, code: str, otype: str, name: str, author: str | None, shared: str | None, as_json: bool
) -> None:
    """Create a data repository in DIRECTORY (a new or empty folder)."""
    from kototieto.store.scaffold import init_repository, official_names

    # the official names in Finnish and Swedish (a code not in the classification is refused),
    # so that letterheads print the name in each document's language
    names = official_names(otype, code) if not name else {}
    if shared:
        from kototieto.store.shared import check_target

        check_target(shared)  # before anything is created
    repo = init_repository(
        directory, organisation_code=code, organisation_type=otype, name=name, names=names, author=author
    )
    remote = None
    if shared:
        from kototieto.store.shared import create_shared

        remote = create_shared(repo, shared)
    if as_json:
        out = {"repository": str(repo.root), "format_version": repo.config.format_version}
        echo_json({**out, "shared": remote} if shared else out)
        return
    from kototieto.cli.messages import say
    from kototieto.i18n import current_lang

    org = repo.config.organisation
    click.echo(say(CREATED, root=repo.root, name=org.names.get(current_lang()) or org.name))
    if remote:
        click.echo(say(SHARED, remote=remote))


@click.command()
@repo_option
@click.option("--author", default=None, help="Author of the upgrade commit: 'Name <email>'.")
@json_option
def upgrade(repo: Path, author: str | None, as_json: bool) -> None:
    """Upgrade the repository format and refresh koto's files (schema, CI, hook, merge driver)."""
    from kototieto.store.scaffold import upgrade_repository

    done = upgrade_repository(repo, author=author)
    if as_json:
        echo_json({"changed": done})
    elif done:
        click.echo(tr(UPGRADED).format(done=", ".join(done)))
    else:
        click.echo(tr(UP_TO_DATE))
