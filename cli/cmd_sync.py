"""``koto sync``, ``koto merge-driver``, ``koto conflicts``, ``koto resolve``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from kototieto.cli.messages import say
from kototieto.cli.options import echo_json, json_option, repo_option
from kototieto.errors import ConflictError
from kototieto.model.text import T

ABORTED = T(
    "Yhdistäminen peruttu: klooni on kuten ennen komentoa `koto sync`. Aja `koto sync` uudelleen.",
    "Sammanslagningen avbröts: klonen är som före `koto sync`. Kör `koto sync` igen.",
    "Merge aborted: the clone is as it was before `koto sync`. Run `koto sync` again.",
)
MERGED = T("Yhdistetty {remote}/{branch}.", "Sammanslog {remote}/{branch}.", "Merged {remote}/{branch}.")
PUSHED = T("Lähetetty {remote}/{branch}.", "Skickat till {remote}/{branch}.", "Pushed to {remote}/{branch}.")
NOTHING = T("Ei lähetettävää.", "Inget att skicka.", "Nothing to push.")
NOT_RECORD = T(
    "RISTIRIITA {path} (ei tietue: ratkaise gitillä tai `koto sync --abort`)",
    "KONFLIKT {path} (inte en post: lös med git eller `koto sync --abort`)",
    "CONFLICT {path} (not a record: settle with git, or `koto sync --abort`)",
)
RECORD_CONFLICT = T(
    "RISTIRIITA {id} ({path}): {fields}",
    "KONFLIKT {id} ({path}): {fields}",
    "CONFLICT {id} ({path}): {fields}",
)
STOPPED = T(
    "Yhdistäminen pysähtyi ristiriitoihin; mitään ei lähetetty. Katso `koto conflicts`, sitten "
    "`koto resolve ID --take ours|theirs` (tai muokkaa tietuetta ja `koto commit`) ja `koto sync` "
    "uudelleen; `koto sync --abort` peruu yhdistämisen.",
    "Sammanslagningen stannade vid konflikter; inget skickades. Se `koto conflicts`, sedan "
    "`koto resolve ID --take ours|theirs` (eller redigera posten och `koto commit`) och `koto sync` "
    "igen; `koto sync --abort` avbryter sammanslagningen.",
    "the merge stopped at conflicts; nothing was pushed. See `koto conflicts`, then "
    "`koto resolve ID --take ours|theirs` (or edit the record and `koto commit`) and `koto sync` "
    "again; `koto sync --abort` undoes the merge",
)
REBUILT = T(
    "Klooni aloitettiin uudelleen etävaraston historiasta; poistetun asiakkaan ({customers}) tiedot "
    "poistettiin myös tästä kloonista. Omia muutoksia siirrettiin: {n}.",
    "Klonen började om från fjärrförrådets historik; den raderade kundens ({customers}) uppgifter "
    "togs bort också ur denna klon. Egna ändringar som fördes över: {n}.",
    "The clone started again from the remote's history; the erased customer's ({customers}) records "
    "are gone from this clone too. Your own changes carried over: {n}.",
)
KEPT_ASIDE = T(
    "ei siirretty (ristiriita tai virhe), tallessa: {path} — lisää se korjattuna: koto add",
    "inte överförd (konflikt eller fel), sparad: {path} — lägg till den rättad: koto add",
    "not carried over (conflict or invalid), kept in {path}: fix it and `koto add` it",
)
OTHER_REF = T(
    "{ref} sisältää yhä poistetun asiakkaan tietoja: poista se (git branch -D / git tag -d)",
    "{ref} innehåller fortfarande den raderade kundens uppgifter: ta bort den (git branch -D / git tag -d)",
    "{ref} still holds the erased customer's records: delete it (git branch -D / git tag -d)",
)
ADOPTED = T(
    "Git oli kirjoittanut ristiriitamerkinnät tiedostoon {path}; koto yhdisti sen kenttä kentältä.",
    "Git hade skrivit konfliktmarkeringar i {path}; koto sammanfogade den fält för fält.",
    "Git had written text conflict markers into {path}; koto merged it field by field instead.",
)
NO_CONFLICTS = T("Ei ristiriitoja.", "Inga konflikter.", "No conflicts.")
UNCOMMITTED = T(
    "Ristiriitoja ei ole jäljellä, mutta yhdistämistä ei ole vielä tallennettu: aja `koto sync` "
    "(tallentaa ja lähettää) tai `koto sync --abort` (peruu).",
    "Inga konflikter kvar, men sammanslagningen är inte sparad ännu: kör `koto sync` (sparar och "
    "skickar) eller `koto sync --abort` (avbryter).",
    "No conflicts left, but the merge is not committed yet: run `koto sync` to commit and push it "
    "(or `koto sync --abort` to undo it).",
)
OURS = T("sinun arvosi (tämä klooni)", "ditt värde (denna klon)", "ours (this clone)")
THEIRS = T("toisen arvo (etävarasto)", "den andras värde (fjärrförrådet)", "theirs (remote)")
BASE = T("ennen kumpaakin", "före båda", "before both")
REMOVED = T("(poistettu)", "(borttaget)", "(removed)")
INVALID = T("virheellinen", "ogiltig", "invalid")
SETTLE = T(
    "ratkaise: koto resolve {id} --take ours|theirs (tai --field POLKU=ours|theirs|ARVO; tai "
    "muokkaa tiedostoa, poista rivit '# koto-conflict:' ja `koto commit`)",
    "lös: koto resolve {id} --take ours|theirs (eller --field SÖKVÄG=ours|theirs|VÄRDE; eller "
    "redigera filen, ta bort raderna '# koto-conflict:' och `koto commit`)",
    "settle: koto resolve {id} --take ours|theirs (or --field PATH=ours|theirs|VALUE; or edit the "
    "file, delete its '# koto-conflict:' lines and `koto commit`)",
)
UNMERGED_OTHER = T(
    "{path}: yhdistämätön, ei tietue: ratkaise gitillä tai `koto sync --abort`",
    "{path}: inte sammanslagen, inte en post: lös med git eller `koto sync --abort`",
    "{path}: unmerged, not a record: settle it with git, or `koto sync --abort`",
)
RESOLVED = T("Ratkaistu {path}.", "Löst {path}.", "Resolved {path}.")
MERGE_COMMITTED = T(
    "Yhdistäminen tallennettu; lähetä se komennolla `koto sync`.",
    "Sammanslagningen sparad; skicka den med `koto sync`.",
    "Merge committed; run `koto sync` to push.",
)
LEFT = T(
    "{n} ristiriitaa jäljellä (katso `koto conflicts`).",
    "{n} konflikter kvar (se `koto conflicts`).",
    "{n} conflict(s) left (see `koto conflicts`).",
)

author_option = click.option("--author", default=None, help="'Name <email>' (default: git config user).")


@click.command()
@click.argument("remote", default="origin")
@click.option("--abort", is_flag=True, help="Get out of the merge in progress (undo it); nothing is pushed.")
@click.option(
    "--drop-erased",
    is_flag=True,
    help="A clone made before an erasure: start again from the remote's history, keeping your own changes.",
)
@repo_option
@author_option
@json_option
def sync(remote: str, abort: bool, drop_erased: bool, repo: Path, author: str | None, as_json: bool) -> None:
    """Fetch REMOTE, merge it (records field by field) and push.

    When the merge stops at conflicts, settle them (`koto conflicts`, `koto resolve`, or edit the
    record and `koto commit`) and run `koto sync` again; `koto sync --abort` undoes the merge."""
    from kototieto.store.repository import Repository
    from kototieto.store.sync import abort as run_abort
    from kototieto.store.sync import sync as run_sync

    if abort:
        run_abort(Repository.open(repo))
        if as_json:
            echo_json({"aborted": True})
        else:
            click.echo(say(ABORTED))
        return
    result = run_sync(Repository.open(repo), remote, author=author, drop_erased=drop_erased)
    if as_json:
        echo_json(result.to_json())
    else:
        if result.rebuilt is not None:
            rb = result.rebuilt
            click.echo(say(REBUILT, customers=", ".join(rb.dropped) or "-", n=len(rb.carried)))
            for p in rb.kept_aside:
                click.echo("  " + say(KEPT_ASIDE, path=p))
            for ref in rb.other_refs:
                click.echo("  " + say(OTHER_REF, ref=ref))
        if result.merged:
            click.echo(say(MERGED, remote=remote, branch=result.branch))
        for c in result.conflicts:
            fields = ", ".join(f["path"] for f in c.fields)
            click.echo(say(RECORD_CONFLICT, id=c.record_id, path=c.path, fields=fields))
            for p in c.problems:
                click.echo(f"  {p}")
        for p in result.other_conflicts:
            click.echo(say(NOT_RECORD, path=p))
        if not (result.conflicts or result.other_conflicts):
            click.echo(say(PUSHED, remote=remote, branch=result.branch) if result.pushed else say(NOTHING))
    if result.conflicts or result.other_conflicts:
        raise ConflictError(STOPPED)


@click.command(name="merge-driver")
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("ours", type=click.Path(path_type=Path))
@click.argument("theirs", type=click.Path(path_type=Path))
@click.argument("pathname")
def merge_driver(base: Path, ours: Path, theirs: Path, pathname: str) -> None:
    """Git merge driver for records: koto merge-driver %O %A %B %P (Git runs it)."""
    from kototieto.store.conflicts import run_driver

    sys.exit(run_driver(Path.cwd(), base, ours, theirs, pathname))


def _show(value: Any, removed: bool) -> str:
    if removed:
        return say(REMOVED)
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)


def _who(src: dict[str, Any] | None) -> str:
    if not src:
        return ""
    import datetime as dt

    from kototieto.i18n import time_text

    when = time_text(dt.datetime.fromisoformat(src["date"]))  # local time, as ``koto log`` shows it
    return f" ({src['name']}, {when}, {src['commit'][:10]})"


@click.command()
@repo_option
@json_option
def conflicts(repo: Path, as_json: bool) -> None:
    """List records with unresolved field conflicts: each field's two values, who set them and when."""
    from kototieto.store.conflicts import adopt_text_conflicts, field_sources, list_conflicts, unmerged_paths
    from kototieto.store.repository import Repository

    r = Repository.open(repo)
    in_merge = (r.git_dir / "MERGE_HEAD").exists()
    adopted = adopt_text_conflicts(r) if in_merge else []
    notes = list_conflicts(r)
    noted = {n.path for n in notes}
    others = [p for p in unmerged_paths(r) if p not in noted]
    out = []
    for n in notes:
        item = n.to_json()
        for f, src in zip(item["fields"], field_sources(r, n), strict=True):
            f["ours_by"], f["theirs_by"] = src["ours"], src["theirs"]
        out.append(item)
    if as_json:
        echo_json(out)
        return
    for p in adopted:
        click.echo(say(ADOPTED, path=p))
    if not notes and not others:
        click.echo(say(UNCOMMITTED if in_merge else NO_CONFLICTS))
    for n, item in zip(notes, out, strict=True):
        click.echo(f"{n.record_id} ({n.path})")
        for f in item["fields"]:
            click.echo(f"  {f['path']}:")
            click.echo(f"    {say(OURS)}: {_show(f['ours'], f['ours_removed'])}{_who(f['ours_by'])}")
            click.echo(f"    {say(THEIRS)}: {_show(f['theirs'], f['theirs_removed'])}{_who(f['theirs_by'])}")
            click.echo(f"    {say(BASE)}: {_show(f['base'], f['base'] is None)}")
        for p in n.problems:
            click.echo(f"  {say(INVALID)}: {p}")
        click.echo("  " + say(SETTLE, id=n.record_id))
    for p in others:
        click.echo(say(UNMERGED_OTHER, path=p))


@click.command()
@click.argument("record_id")
@click.option("--take", default=None, help="ours, theirs, or a FILE holding the settled record.")
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="PATH=ours|theirs|VALUE",
    help="Settle one conflicting field (repeatable); --take ours|theirs settles the rest.",
)
@repo_option
@author_option
@json_option
def resolve(
    record_id: str, take: str | None, fields: tuple[str, ...], repo: Path, author: str | None, as_json: bool
) -> None:
    """Settle a record's conflict; commits the merge (two parents) when it was the last one."""
    from kototieto.store.mergestate import resolve as run_resolve
    from kototieto.store.repository import Repository

    done = run_resolve(Repository.open(repo), record_id, take, fields, author=author)
    if as_json:
        echo_json(done.to_json())
        return
    click.echo(
        say(RESOLVED, path=done.path)
        + " "
        + (say(MERGE_COMMITTED) if done.merge_committed else say(LEFT, n=done.remaining))
    )
