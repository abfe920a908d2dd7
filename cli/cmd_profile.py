"""``koto profile`` (who you are, set once) and ``koto config`` (koto.yaml settings, committed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import TextOption, echo_json, json_option, repo_option
from kototieto.i18n import tr
from kototieto.model.text import T

SAVED = T("Profiili tallennettu: {path}", "Profilen sparad: {path}", "Profile saved: {path}")
EMPTY = T(
    "Profiilia ei ole vielä. Aseta: koto profile --name 'Etunimi Sukunimi' --email nimi@example.org "
    "--title Kotoutumisohjaaja --phone '+358 40 123 4567'",
    "Ingen profil ännu. Ange: koto profile --name 'Förnamn Efternamn' --email namn@example.org "
    "--title Integrationshandledare --phone '+358 40 123 4567'",
    "No profile yet. Set it: koto profile --name 'First Last' --email name@example.org "
    "--title 'Integration counsellor' --phone '+358 40 123 4567'",
)
LABELS = {
    "name": T("Nimi", "Namn", "Name"),
    "email": T("Sähköposti", "E-post", "E-mail"),
    "title": T("Tehtävänimike", "Titel", "Title"),
    "phone": T("Puhelin", "Telefon", "Phone"),
    "organisation": T("Organisaatio", "Organisation", "Organisation"),
}
HELP = {
    "name": T("Nimesi.", "Ditt namn.", "Your name."),
    "email": T("Sähköpostiosoitteesi.", "Din e-postadress.", "Your e-mail address."),
    "title": T("Tehtävänimikkeesi.", "Din titel.", "Your title."),
    "phone": T("Puhelinnumerosi.", "Ditt telefonnummer.", "Your phone number."),
    "organisation": T("Organisaatiosi nimi.", "Din organisations namn.", "Your organisation's name."),
}


@click.command()
@click.option("--name", default=None, cls=TextOption, help_text=HELP["name"])
@click.option("--email", default=None, cls=TextOption, help_text=HELP["email"])
@click.option("--title", default=None, cls=TextOption, help_text=HELP["title"])
@click.option("--phone", default=None, cls=TextOption, help_text=HELP["phone"])
@click.option("--organisation", default=None, cls=TextOption, help_text=HELP["organisation"])
@json_option
def profile(
    name: str | None,
    email: str | None,
    title: str | None,
    phone: str | None,
    organisation: str | None,
    as_json: bool,
) -> None:
    """Your own details, set once: the author of your commits and `drawn_up_by` in new drafts."""
    from kototieto.store import profile as store_profile

    changes = {"name": name, "email": email, "title": title, "phone": phone, "organisation": organisation}
    if any(v is not None for v in changes.values()):
        current = store_profile.save(**changes)
        if not as_json:
            click.echo(tr(SAVED).format(path=store_profile.path()))
    else:
        current = store_profile.load()
    if as_json:
        echo_json(current.to_json())
        return
    if not current.author:
        click.echo(tr(EMPTY))
    for key, value in current.to_json().items():
        if value:
            click.echo(f"  {tr(LABELS[key])}: {value}")


CONFIG_SET = T(
    "koto.yaml: {key} = {value} (tallennettu, muutos {commit})",
    "koto.yaml: {key} = {value} (sparad, ändring {commit})",
    "koto.yaml: {key} = {value} (committed, commit {commit})",
)


@click.group()
def config() -> None:
    """Settings of the repository (koto.yaml)."""


@config.command("set")
@click.argument("key")
@click.argument("value")
@repo_option
@click.option("--author", default=None, help="'Name <email>' (default: koto profile, then git config).")
@json_option
def config_set(key: str, value: str, repo: Path, author: str | None, as_json: bool) -> None:
    """Set KEY (e.g. rules.review_interval_months, organisation.name, languages) to VALUE and commit.

    VALUE is read as YAML (4, true, [sv, fi], '091'); the new koto.yaml is checked before it is
    committed."""
    from kototieto.store.configedit import set_value

    result: Any = set_value(repo, key, value, author=author)
    if as_json:
        echo_json({"key": key, "value": result.value, "commit": result.commit})
        return
    click.echo(tr(CONFIG_SET).format(key=key, value=result.shown, commit=result.commit[:10]))
