"""``koto extension``: a pilot's extension fields and code lists (``extensions/*.yaml``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import LANGS, echo_json, json_option, lang_option, repo_option
from kototieto.errors import InvalidRecordError, KotoError
from kototieto.i18n import count, current_lang, tr
from kototieto.model.text import T

_OK = T(
    "kunnossa (laajennuskenttiä: {fields}, koodistoja: {lists}, avoimen lopun koodeja: {codes})",
    "i ordning (tilläggsfält: {fields}, kodlistor: {lists}, koder för öppna slut: {codes})",
    "ok: {fields} extension field(s), {lists} code list(s), {codes} open-end code(s)",
)
_COMMITTED = T(
    "Laajennusten määrittelyt tallennettu (muutos {commit}).",
    "Tilläggsdefinitionerna sparade (ändring {commit}).",
    "committed the extension definitions ({commit})",
)
_NONE = T(
    "Ei laajennuksia (lisää määrittelytiedosto kansioon extensions/; ks. README: Pilot extensions).",
    "Inga tillägg (lägg till en definitionsfil i mappen extensions/; se README: Pilot extensions).",
    "No extensions (add a definition file under extensions/; see README: Pilot extensions).",
)
_WITHDREW = T(
    "Lisäkenttä {field} poistettu käytöstä (muutos {commit}; siirretty: {migrated}; arvot historiana: {kept})",
    "Tilläggsfältet {field} har dragits tillbaka (ändring {commit}; flyttade: {migrated}; värden som historik: "
    "{kept})",
    "withdrew {field} (commit {commit}; {migrated} migrated, {kept} keep their values as history)",
)
_LIST = T("koodisto ({n} arvoa)", "kodlista ({n} värden)", "code list ({n} values)")
_OPEN_END = T(
    "koodi koodiston {id} avoimeen loppuun: {label}",
    "kod i den öppna änden av {id}: {label}",
    "open-end code of {id}: {label}",
)
author_option = click.option("--author", default=None, help="'Name <email>' (default: git config user).")


def _repo(path: Path) -> Any:
    from kototieto.store.repository import Repository

    return Repository.open(path)


@click.group()
def extension() -> None:
    """Pilot extension fields and code lists, declared in extensions/*.yaml of the data repository."""


@extension.command("list")
@repo_option
@lang_option
@json_option
def list_(repo: Path, lang: str, as_json: bool) -> None:
    """List the extension fields and code lists with their status and fill rate."""
    from kototieto.model.extensions import catalogue_code_lists, catalogue_fields, status_label
    from kototieto.store.extensions import load_extensions, usage
    from kototieto.store.extensions.proposal import type_word

    r = _repo(repo)
    ext = load_extensions(r.root)
    use = usage(r, ext)
    if as_json:
        fields = [
            {
                **entry,
                "records": use[entry["extension_id"]].records,
                "filled": use[entry["extension_id"]].filled,
            }
            for entry in catalogue_fields(ext)
        ]
        echo_json({"fields": fields, "code_lists": catalogue_code_lists(ext)})
        return
    if not ext.fields and not ext.code_lists and not ext.open_end:
        click.echo(tr(_NONE))
        return
    for ef in ext.fields:
        u = use[ef.id]
        rate = f"{u.filled}/{u.records}" if u.records else "-"
        click.echo(
            f"{ef.id:<32} {type_word(ef.spec.type, lang):<16} {status_label(ef.spec.status, lang):<18} {rate:>9}  "
            f"{ef.label.get(lang)}  [{', '.join(ef.spec.kinds)}]"
        )
    for cl in ext.code_lists:
        click.echo(f"{cl.id:<32} " + _LIST.get(lang).format(n=len(cl.spec.values)))
    for oc in ext.open_end:
        click.echo(
            f"{oc.list_id}/{oc.code:<20} "
            + _OPEN_END.get(lang).format(id=oc.list_id, label=oc.label.get(lang))
        )


@extension.command("check")
@repo_option
@json_option
def check(repo: Path, as_json: bool) -> None:
    """Check the definition files; every problem with file and line. Exit code 5 when invalid."""
    from kototieto.store.extensions import check_extensions

    r = _repo(repo)
    ext, problems = check_extensions(r.root)
    if as_json:
        echo_json({"ok": not problems, "problems": [p.to_json(current_lang()) for p in problems]})
    else:
        for p in problems:
            click.echo(p.localized(current_lang()), err=True)
        if ext is not None:
            click.echo(
                tr(_OK).format(fields=len(ext.fields), lists=len(ext.code_lists), codes=len(ext.open_end))
            )
    if problems:
        raise InvalidRecordError(
            T(
                f"{count(len(problems), 'problem', 'fi')} laajennusten määrittelyissä",
                f"{count(len(problems), 'problem', 'sv')} i tilläggsdefinitionerna",
                f"{len(problems)} problem(s) in the extension definitions",
            ),
            problems=list(problems),
        )


@extension.command("commit")
@repo_option
@click.option("-m", "--message", default=None, help="Commit message.")
@author_option
@json_option
def commit_(repo: Path, message: str | None, author: str | None, as_json: bool) -> None:
    """Check and commit the changed definition files, with the regenerated JSON Schema."""
    from kototieto.store.extensions import commit_definitions

    commit = commit_definitions(_repo(repo), message, author)
    if as_json:
        echo_json({"commit": commit})
        return
    click.echo(tr(_COMMITTED).format(commit=commit[:10]))


@extension.command("withdraw")
@click.argument("field_id", metavar="ID")
@click.option("--migrate-to", default=None, metavar="ID", help="Move the values to this extension field.")
@click.option("--keep-history", is_flag=True, help="Keep the values in the records as history.")
@repo_option
@author_option
@json_option
def withdraw_cmd(
    field_id: str, migrate_to: str | None, keep_history: bool, repo: Path, author: str | None, as_json: bool
) -> None:
    """Withdraw an extension field (refused while records use it, unless values are moved or kept)."""
    from kototieto.store.extensions import withdraw

    result = withdraw(_repo(repo), field_id, migrate_to=migrate_to, keep_history=keep_history, author=author)
    if as_json:
        echo_json(result.__dict__)
        return
    click.echo(
        tr(_WITHDREW).format(
            field=result.field_id,
            commit=result.commit[:10],
            migrated=count(result.migrated, "record"),
            kept=count(result.kept, "record"),
        )
    )


@extension.command("propose")
@click.argument("field_id", metavar="ID")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default=None,
    callback=lambda ctx, param, value: value or current_lang(),
    help="Language of the text (default: the run's language, as every command).",
)
@click.option(
    "--comments",
    "comments_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Consultation comments folder (default: comments/ in the repository, if there).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file.")
@repo_option
def propose(field_id: str, lang: str, comments_dir: Path | None, output: Path | None, repo: Path) -> None:
    """Write a Markdown proposal of extension field ID for the national catalogue."""
    from kototieto.store.extensions import write_proposal

    r = _repo(repo)
    text = write_proposal(
        r, field_id, today=date.today(), comments=_comments(comments_dir or r.root / "comments"), lang=lang
    )
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(tr(T("Kirjoitettu: {p}", "Skrivet: {p}", "wrote {p}")).format(p=output))
    else:
        click.echo(text, nl=False)


def _comments(folder: Path) -> list[dict[str, Any]]:
    """Threads of a comments folder as JSON-like dicts (none when the folder is missing)."""
    from kototieto.site.comments import CommentRepo  # here, not at the top: keeps `koto` start-up fast

    if not folder.is_dir():
        return []
    try:
        return [t.to_json() for t in CommentRepo(folder, commit=False).threads()]
    except KotoError as exc:
        raise KotoError(
            T(
                "Kansion {f} kommentteja ei voi lukea: {fi}",
                "Kommentarerna i {f} kan inte läsas: {sv}",
                "cannot read the comments in {f}: {en}",
            ).format(f=folder, fi=exc.localized("fi"), sv=exc.localized("sv"), en=exc.localized("en"))
        ) from None
