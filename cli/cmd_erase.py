"""``koto erase``: remove one customer's records from the whole history."""

from __future__ import annotations

from pathlib import Path

import click

from kototieto.cli.options import echo_json, json_option, repo_option
from kototieto.i18n import count, current_lang, tr
from kototieto.model.text import T

CONFIRM = T(
    "Kirjoitetaanko koko historia uudelleen asiakkaan {customer} tietojen poistamiseksi?",
    "Skriva om hela historiken för att radera kunden {customer}?",
    "Rewrite the whole history to erase customer {customer}?",
)
ERASED = T(
    "Poistettu {records}; {commits} poistui; historia kirjoitettiin uudelleen ja siivottiin. Seuraavaksi:",
    "Raderade {records}; {commits} togs bort; historiken skrevs om och städades. Nästa steg:",
    "Erased {records}; {commits} dropped; history rewritten and garbage-collected. Now:",
)


@click.command()
@click.argument("customer")
@click.option("--reason", required=True, help="Why (kept in the erasure log: no personal data).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (also needed with --json in scripts).")
@click.option("--author", default=None, help="'Name <email>' (default: git config user).")
@repo_option
@json_option
def erase(customer: str, reason: str, yes: bool, author: str | None, repo: Path, as_json: bool) -> None:
    """Erase CUSTOMER's records from every commit (rewrites history; remotes must follow)."""
    from kototieto.store.erase import check_reason, erase_customer
    from kototieto.store.repository import Repository

    r = Repository.open(repo)
    check_reason(r, customer, reason)  # before the question, not after it
    if not yes:  # --json never skips the question (asked on stderr; stdout stays JSON)
        click.confirm(tr(CONFIRM).format(customer=customer), abort=True, err=True)
    result = erase_customer(r, customer, reason, author=author)
    if as_json:
        echo_json(result.to_json())
        return
    click.echo(
        tr(ERASED).format(
            records=count(result.records, "record"),
            commits=count(result.commits_before - result.commits_after, "commit"),
        )
    )
    for line in result.instructions(current_lang()):
        click.echo(f"  - {line}")
