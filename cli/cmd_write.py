"""Writing records: ``koto new``, ``add``, ``commit``, ``edit``, ``annul``, ``restore``.

Each command validates before anything is written; an invalid record commits nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import DATE, echo_json, json_option, lang_option, repo_option
from kototieto.errors import ConflictError, InvalidRecordError, NothingToDoError, UsageError
from kototieto.i18n import count, tr
from kototieto.model.text import T, Text

REPLACING = T(
    "Korvataan {rid} ({path}):\n{lines}",
    "Ersätter {rid} ({path}):\n{lines}",
    "Replacing {rid} ({path}):\n{lines}",
)
MERGE_COMMITTED = T(
    "Yhdistäminen tallennettu (muutos {commit}); lähetä se komennolla `koto sync`.",
    "Sammanslagningen sparad (ändring {commit}); skicka den med `koto sync`.",
    "Merge committed (commit {commit}); run `koto sync` to push.",
)
SETTLED = T(
    "Ratkaistu {path}; jäljellä {left} (katso `koto conflicts`).",
    "Löst {path}; kvar: {left} (se `koto conflicts`).",
    "Settled {path}; {left} left (see `koto conflicts`).",
)

author_option = click.option(
    "--author", default=None, help="'Name <email>' (default: koto profile, then git config)."
)
lang_opt = lang_option
_NO_DRAFTS = T("Tallessa ei ole luonnoksia.", "Inga sparade utkast.", "No kept drafts.")
_DISCARDED = T(
    "Luonnos {id} poistettu ({file}).",
    "Utkastet {id} togs bort ({file}).",
    "Discarded the draft of {id} ({file}).",
)
_REFERRERS = T(
    "Mitätöityyn tietueeseen {id} viittaavat tietueet säilyvät ennallaan; tarkista ne:",
    "Posterna som hänvisar till den annullerade posten {id} finns kvar oförändrade; kontrollera dem:",
    "The records referring to the annulled record {id} stay as they are; check them:",
)
_opened: list[Any] = []  # the Store of this run, for the warnings of what was saved


def _store(repo: Path, author: str | None, lang: str | None = None) -> Any:
    from kototieto.i18n import current_lang
    from kototieto.store.store import Store

    store = Store.open(repo, author=author, lang=lang or current_lang())
    _opened.append(store)
    return store


def _warnings(view: Any) -> list[Any]:
    """The warnings of a saved record (the same checks as the save; errors cannot be left)."""
    if not _opened or not getattr(view, "text", None):
        return []
    try:
        _, _, issues = _opened[-1].check_text(view.text.encode("utf-8"), view.path)
    except Exception:  # the record is saved; a failing re-check must not hide that
        return []
    return [i for i in issues if i.severity == "warning"]


def _done(view: Any, as_json: bool, verb: str, referrers: Sequence[Any] = ()) -> None:
    """Print what was saved (in the user's language) and every warning of the saved record;
    ``referrers``: warnings of other records about it (those referring to an annulled record)."""
    from kototieto.cli import messages as M
    from kototieto.cli.messages import say

    warnings = _warnings(view)
    if as_json:
        out = view.to_json()
        out["warnings"] = [w.to_json() for w in [*warnings, *referrers]]
        echo_json(out)
        return
    message = M.STATUS.get(verb)
    if message is None:
        click.echo(f"{verb} {view.kind} {view.id}: {view.path} (commit {view.commit_id[:10]})")
    else:
        click.echo(
            say(message, kind=M.kind_name(view.kind), id=view.id, path=view.path, commit=view.commit_id[:10])
        )
    for w in warnings:
        click.echo(say(M.WARNING_LINE, text=str(w)), err=True)
    if referrers:
        click.echo(say(_REFERRERS, id=view.id), err=True)
    for w in referrers:
        click.echo(say(M.WARNING_LINE, text=str(w)), err=True)


@click.command()
@click.argument("kind")
@click.option("--customer", default=None, help="The customer id (omit for a new customer record).")
@click.option("--id", "record_id", default=None, help="Record id (default: a new id).")
@click.option(
    "--resume",
    is_flag=True,
    help="Open the kept draft of a new KIND record (the one given with --id, or the only one).",
)
@click.option("--editor", default=None, help="Editor command (default: $VISUAL or $EDITOR).")
@repo_option
@author_option
@lang_opt
@json_option
def new(
    kind: str,
    customer: str | None,
    record_id: str | None,
    resume: bool,
    editor: str | None,
    repo: Path,
    author: str | None,
    lang: str,
    as_json: bool,
) -> None:
    """Draft a new KIND record in your editor; commit it when it is valid.

    Who is writing, the customer and the id are checked before the editor opens. The draft is
    kept in .koto/drafts/ until it is saved: a kept draft of the same id is opened again, never
    overwritten (`koto drafts` lists them)."""
    from kototieto.store import drafts, editmerge, layout, roles
    from kototieto.store.store import new_record_id

    if kind not in roles.RECORD_KINDS:
        raise UsageError(roles.unknown_kind(kind))
    store = _store(repo, author, lang)
    _check_author(store, author)
    draft = _resumable(store, kind, record_id) if resume else None
    rid = ""
    if draft is None:
        if kind != "customer" and not customer:
            raise UsageError(
                T(
                    "Anna --customer TUNNISTE: se tarvitaan kaikille muille lajeille kuin asiakkaalle",
                    "Ange --customer ID: det behövs för alla andra typer än kund",
                    "--customer ID is needed for every kind except customer",
                )
            )
        rid = record_id or (customer if kind == "customer" and customer else new_record_id(kind))
        layout.check_name(rid, "record")
        draft = drafts.load_draft(store.repo, rid)
        if draft is not None and draft.command != "new":
            raise drafts.DraftExistsError(draft)
        if draft is None and record_id is None:  # a fresh id: point to kept drafts of this kind
            for kept in drafts.list_drafts(store.repo):
                if kept.command == "new" and kept.kind == kind:
                    click.echo(drafts.kept_message(kept), err=True)
    if draft is None:
        cust = customer if kind != "customer" else rid
        assert cust is not None
        if kind != "customer":
            _check_customer(store, cust)
        _check_new_id(store, rid)
        text = drafts.template(store.repo, kind, cust, rid, lang)
        draft = drafts.create_draft(
            store.repo, record_id=rid, kind=kind, customer=cust, command="new", text=text, template=text
        )
    else:
        click.echo(drafts.say(_RESUMING).format(path=draft.file), err=True)
        _check_new_id(store, draft.record_id, draft)
    saved = drafts.edit_loop(
        store.repo, draft, lambda body, d: editmerge.save_edit(store, body, d), editor=editor
    )
    _done(saved.view, as_json, "Added")


def _resumable(store: Any, kind: str, record_id: str | None) -> Any:
    """The kept draft ``koto new --resume`` opens (refuses when there is none or several)."""
    from kototieto.store import drafts

    if record_id is not None:
        draft = drafts.load_draft(store.repo, record_id)
        if draft is None:
            raise NothingToDoError(
                Text(
                    f"Tietueesta {record_id} ei ole tallessa luonnosta (katso `koto drafts`).",
                    f"Det finns inget sparat utkast av {record_id} (se `koto drafts`).",
                    f"no kept draft of {record_id} (see `koto drafts`)",
                )
            )
        return draft
    kept = [d for d in drafts.list_drafts(store.repo) if d.command == "new" and d.kind == kind]
    if not kept:
        raise NothingToDoError(
            Text(
                f"Uudesta tietueesta ({kind}) ei ole tallessa luonnosta (katso `koto drafts`).",
                f"Det finns inget sparat utkast av en ny post ({kind}) (se `koto drafts`).",
                f"no kept draft of a new {kind} record (see `koto drafts`)",
            )
        )
    if len(kept) > 1:
        listed = "\n".join(f"  {d.record_id}  {d.started}  {d.file}" for d in kept)
        raise UsageError(
            Text(
                f"Uusia luonnoksia ({kind}) on useita; valitse yksi valitsimella --id:\n{listed}",
                f"Det finns flera nya utkast ({kind}); välj ett med --id:\n{listed}",
                f"several kept drafts of a new {kind}; choose one with --id:\n{listed}",
            )
        )
    return kept[0]


def _check_author(store: Any, author: str | None) -> None:
    """Who is writing: checked before any editor opens (the same rule as every commit)."""
    from kototieto.store import gitcommit

    if author or store.author:
        gitcommit.parse_author(author or store.author)
    else:
        gitcommit.default_signature(store.repo)


def _check_customer(store: Any, customer: str) -> None:
    from kototieto.errors import NotFoundError

    try:
        store.read(customer)
    except NotFoundError:
        raise NotFoundError(
            Text(
                f"Asiakasta {customer!r} ei löydy; kirjaa ensin asiakas (`koto new customer`).",
                f"Kunden {customer!r} finns inte; registrera kunden först (`koto new customer`).",
                f"customer {customer!r} not found; add the customer first (`koto new customer`)",
            )
        ) from None


def _check_new_id(store: Any, rid: str, draft: Any = None) -> None:
    """A new record's id must not be in use anywhere in the repository (the id index)."""
    paths = store.id_paths(rid) if store.repo.head_commit() is not None else []
    if paths:
        where = ", ".join(paths)
        kept = ""
        if draft is not None:
            from kototieto.store import drafts

            kept = "\n" + drafts.kept_message(draft)
        raise ConflictError(
            Text(
                f"Tietue {rid} on jo olemassa ({where}); muokkaa sitä: koto edit {rid}{kept}",
                f"Posten {rid} finns redan ({where}); ändra den: koto edit {rid}{kept}",
                f"record {rid} already exists ({where}); change it with `koto edit {rid}`{kept}",
            )
        )


_RESUMING = Text(
    "Jatketaan tallessa olevaa luonnosta {path}",
    "Fortsätter med det sparade utkastet {path}",
    "Resuming the kept draft {path}",
)


@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--check-staged", is_flag=True, help="Only validate staged record files (pre-commit hook).")
@click.option(
    "--replace",
    is_flag=True,
    help="Replace an existing record with other content (the field changes are shown).",
)
@repo_option
@author_option
@click.option("-m", "--message", default=None, help="Commit message (default: 'Add/Update KIND ID').")
@json_option
def add(
    files: tuple[Path, ...],
    check_staged: bool,
    replace: bool,
    repo: Path,
    author: str | None,
    message: str | None,
    as_json: bool,
) -> None:
    """Validate record FILES (from anywhere) and commit each into its place in the repository.

    A file whose id is already used by another record is refused; a file for an existing record
    with other content is refused unless --replace. A kept draft (.koto/drafts/ID.yaml) is saved
    as `koto edit` would: changes colleagues made since the draft started are kept."""
    store = _store(repo, author)

    if check_staged:
        from kototieto.store import erasures
        from kototieto.store.worktree import staged_record_blobs

        staged = staged_record_blobs(store.repo)
        erasures.refuse_paths(store.repo.root, [p for p, _ in staged], store.repo.git)
        from kototieto.store.idindex import refuse_staged_duplicates

        refuse_staged_duplicates(store.repo, staged)
        _check_all(store, staged, as_json)
        return
    if not files:
        raise UsageError(
            T(
                "Anna lisättävät tietuetiedostot",
                "Ange postfilerna som ska läggas till",
                "give the record files to add",
            )
        )
    if _add_draft(store, files, message, as_json):
        return
    items: list[tuple[str | None, bytes, str]] = [(None, f.read_bytes(), str(f)) for f in files]
    _refuse_replacing(store, items, replace)
    _commit_all(store, items, message, as_json, from_worktree=False)


def _add_draft(store: Any, files: tuple[Path, ...], message: str | None, as_json: bool) -> bool:
    """`koto add` of a kept draft: saved against the version it started from (True: done)."""
    from kototieto.errors import KotoError
    from kototieto.store import drafts

    kept = [d for f in files if (d := drafts.draft_for_file(store.repo, f)) is not None]
    if not kept:
        return False
    from kototieto.store import editmerge  # only for a kept draft: `koto add` of a file needs no merge

    draft = kept[0]
    if len(files) > 1 or draft.command not in ("new", "edit"):
        raise UsageError(
            T(
                "{f} on tallessa oleva luonnos: lisää se yksinään tai avaa se: `koto edit {r}`",
                "{f} är ett sparat utkast: lägg till det ensamt eller öppna det med `koto edit {r}`",
                "{f} is a kept draft: add it on its own, or open it with `koto edit {r}`",
            ).format(f=draft.file, r=draft.record_id)
        )
    clean = "\n".join(x for x in draft.text().splitlines() if not x.startswith(drafts.ERROR_PREFIX)) + "\n"
    body, _ = drafts.strip_template(clean, draft.template)
    try:
        saved = editmerge.save_edit(store, body, draft, message=message)
    except drafts.Reopen as conflict:
        head = "\n".join(line[len(drafts.ERROR_PREFIX) :] for line in conflict.header)
        raise ConflictError(
            T(
                "{head}\nMitään ei tallennettu; valitse arvot: `koto edit {r}`.\n{kept}",
                "{head}\nIngenting sparades; välj värdena med `koto edit {r}`.\n{kept}",
                "{head}\nNothing was written; choose the values with `koto edit {r}`.\n{kept}",
            ).format(head=head, r=draft.record_id, kept=drafts.kept_message(draft))
        ) from None
    except KotoError as exc:
        drafts.keep_note(exc, draft)
        raise
    drafts.discard_draft(store.repo, draft.record_id)
    _kept_changes(saved)
    _done(saved.view, as_json, "Committed")
    return True


def _refuse_replacing(store: Any, items: list[tuple[str | None, bytes, str]], replace: bool) -> None:
    """Before anything is written: refuse an id used by another record, and other content for an
    existing record unless ``replace`` (then the field changes are shown)."""
    from kototieto.errors import InvalidInputError, NotFoundError
    from kototieto.store import layout
    from kototieto.store.fielddiff import diff_data
    from kototieto.store.yamlio import load_document

    if store.repo.head_commit() is None:
        return
    refused: list[str] = []
    for _, raw, shown in items:
        try:
            data = load_document(raw, shown).data
        except InvalidInputError:
            continue  # reported with its location by the checks
        rid = data.get("id")
        cust = rid if data.get("kind") == "customer" else data.get("customer")
        if not isinstance(rid, str) or not isinstance(cust, str):
            continue
        if not layout.is_safe_name(rid) or not layout.is_safe_name(cust):
            continue
        path = layout.record_path(cust, rid)
        others = [p for p in store.id_paths(rid) if p != path]
        if others:
            used = ", ".join(others)
            raise ConflictError(
                Text(
                    f"{shown}: tunniste {rid} on jo käytössä tietueessa {used}; mitään ei kirjattu. "
                    "Anna uudelle tietueelle oma tunniste.",
                    f"{shown}: identifieraren {rid} används redan av {used}; ingenting sparades. "
                    "Ge den nya posten en egen identifierare.",
                    f"{shown}: the id {rid} is already used by {used}; nothing was written. "
                    "Give the new record an id of its own.",
                )
            )
        try:
            current = store.read(f"{cust}/{rid}")
        except NotFoundError:
            continue
        changes = diff_data(current.data, data, lang=store.lang)
        if not changes:
            continue
        lines = "\n".join(f"    {c.label} ({c.dotted}): {c.old!r} -> {c.new!r}" for c in changes)
        if replace:
            click.echo(tr(REPLACING).format(rid=rid, path=path, lines=lines), err=True)
        else:
            refused.append(f"  {shown}: {rid} ({path}):\n{lines}")
    if refused:
        listed = "\n".join(refused)
        raise ConflictError(
            Text(
                f"Mitään ei kirjattu: nämä tiedostot korvaisivat olemassa olevan tietueen toisella "
                f"sisällöllä:\n{listed}\nKorvaa ne antamalla sama komento valitsimella --replace; "
                "tietuetta muutetaan komennolla koto edit TUNNISTE.",
                f"Ingenting sparades: filerna skulle ersätta en befintlig post med annat innehåll:\n"
                f"{listed}\nErsätt dem genom att ge samma kommando med --replace; en post ändras med "
                "koto edit IDENTIFIERARE.",
                f"nothing was written; these files would replace existing records with other "
                f"content:\n{listed}\nTo replace them, run the same command with --replace; to change "
                "a record, use `koto edit ID`.",
            )
        )


@click.command(name="commit")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@repo_option
@author_option
@click.option("-m", "--message", default=None, help="Commit message (default: 'Add/Update KIND ID').")
@json_option
def commit_(
    paths: tuple[Path, ...], repo: Path, author: str | None, message: str | None, as_json: bool
) -> None:
    """Validate and commit records edited in place (default: every changed record file).

    During a merge (`koto sync` stopped at a conflict) it settles the records edited in place and
    commits the merge, with both parents, once no conflict is left."""
    from kototieto.store import mergestate
    from kototieto.store.worktree import changed_record_paths, relative_paths

    store = _store(repo, author)
    rels = (
        relative_paths(store.repo, [repo / p if not p.is_absolute() else p for p in paths]) if paths else []
    )
    if mergestate.in_merge(store.repo):
        done = mergestate.commit_in_merge(store.repo, rels, author=author, message=message)
        if as_json:
            echo_json(done.to_json())
        elif done.merge_committed:
            click.echo(tr(MERGE_COMMITTED).format(commit=str(done.commit)[:10]))
        else:
            click.echo(tr(SETTLED).format(path=done.path, left=count(done.remaining, "conflict")))
        return
    if not paths:
        rels = changed_record_paths(store.repo)
    if not rels:
        raise NothingToDoError(
            T(
                "Muuttuneita tietuetiedostoja ei ole; ei tallennettavaa",
                "Inga ändrade postfiler att spara",
                "no changed record files to commit",
            )
        )
    items: list[tuple[str | None, bytes, str]] = [
        (rel, (store.repo.root / rel).read_bytes(), rel) for rel in rels
    ]
    _commit_all(store, items, message, as_json, from_worktree=True)


def _check_all(store: Any, blobs: list[tuple[str, bytes]], as_json: bool) -> None:
    problems: list[Any] = []
    for path, raw in blobs:
        _, _, issues = store.check_text(raw, path)
        problems.extend(i for i in issues if i.severity == "error")
    if as_json:
        echo_json({"checked": len(blobs), "problems": [p.to_json() for p in problems]})
    for p in problems:
        click.echo(str(p), err=True)
    if problems:
        n = len(problems)
        raise InvalidRecordError(
            T(
                f"{count(n, 'problem', 'fi')} lisätyissä tietueissa",
                f"{count(n, 'problem', 'sv')} i köade poster",
                f"{n} problem(s) in staged records",
            ),
            problems=list(problems),
        )


def _commit_all(
    store: Any,
    items: list[tuple[str | None, bytes, str]],
    message: str | None,
    as_json: bool,
    *,
    from_worktree: bool,
) -> None:
    """Check every file first (all problems at once); commit only if all are valid
    (``Store.add_many``). With ``--json`` a refusal prints its problems on stdout too."""
    from kototieto.errors import InvalidInputError
    from kototieto.store.batchadd import Item

    try:
        views = store.add_many(
            [Item(path, raw, shown) for path, raw, shown in items],
            message=message,
            from_worktree=from_worktree,
        )
    except InvalidRecordError as exc:
        if as_json:  # the one problem format, on stdout, as koto check and koto validate print it
            echo_json({"problems": [p.to_json() for p in exc.problems if hasattr(p, "to_json")]})
        raise
    except InvalidInputError as exc:
        if as_json:
            loc = exc.location
            problem = {
                "file": loc.file if loc else None,
                "line": loc.line if loc else None,
                "column": loc.column if loc else None,
                "path": "",
                "severity": "error",
                "rule": "yaml",
                "message": exc.message,
            }
            echo_json({"problems": [problem]})
        raise
    if as_json:
        echo_json([{**v.to_json(), "warnings": [w.to_json() for w in _warnings(v)]} for v in views])
    else:
        for v in views:
            _done(v, False, "Committed")


@click.command()
@click.argument("record_id")
@click.option("--editor", default=None, help="Editor command (default: $VISUAL or $EDITOR).")
@repo_option
@author_option
@lang_opt
@json_option
def edit(
    record_id: str, editor: str | None, repo: Path, author: str | None, lang: str, as_json: bool
) -> None:
    """Edit a record in your editor; commit it when valid.

    A colleague's changes saved meanwhile are merged field by field (nothing of theirs is
    reverted); a field you both changed is shown with both values for you to choose. A kept
    draft of the record (after an error or conflict) is opened again, never overwritten."""
    from kototieto.store import drafts, editmerge

    store = _store(repo, author, lang)
    _check_author(store, author)
    view = store.read(record_id)
    draft = drafts.load_draft(store.repo, view.id)
    if draft is not None and draft.command == "new":
        raise ConflictError(
            Text(
                f"Tietue {view.id} on olemassa ({view.path}), ja tallessa oleva luonnos {draft.file} on "
                f"UUSI tietue samalla tunnisteella, ei tämän muokkaus: anna luonnokselle toinen tunniste "
                f"tai hylkää se: koto drafts --discard {view.id}",
                f"Posten {view.id} finns ({view.path}), och det sparade utkastet {draft.file} är en NY "
                f"post med samma identifierare, inte en ändring av den: ge utkastet en annan "
                f"identifierare eller kassera det: koto drafts --discard {view.id}",
                f"record {view.id} exists ({view.path}), and the kept draft {draft.file} is a NEW record "
                f"with the same id, not an edit of it: give the draft another id, or discard it with "
                f"`koto drafts --discard {view.id}`",
            )
        )
    if draft is not None and draft.command == "legacy":  # base unknown: start from the current version
        draft = drafts.create_draft(
            store.repo,
            record_id=view.id,
            kind=view.kind,
            customer=view.customer,
            command="edit",
            text=draft.text(),
            base_blob=view.blob_id,
            base_commit=view.commit_id,
            pristine=view.text,
            replace_kept=True,
        )
    if draft is None:
        draft = drafts.create_draft(
            store.repo,
            record_id=view.id,
            kind=view.kind,
            customer=view.customer,
            command="edit",
            text=view.text,
            base_blob=view.blob_id,
            base_commit=view.commit_id,
        )
    else:
        click.echo(drafts.say(_RESUMING).format(path=draft.file), err=True)
    saved = drafts.edit_loop(
        store.repo, draft, lambda body, d: editmerge.save_edit(store, body, d), editor=editor
    )
    _kept_changes(saved)
    _done(saved.view, as_json, "Updated")


def _kept_changes(saved: Any) -> None:
    from kototieto.store import drafts

    for c in saved.kept:
        click.echo(drafts.say(_MERGED).format(label=c.label, path=c.dotted, value=c.new), err=True)


_MERGED = Text(
    "Kollegan muutos säilyi: {label} ({path}) = {value!r}",
    "Kollegans ändring behölls: {label} ({path}) = {value!r}",
    "kept a colleague's change: {label} ({path}) = {value!r}",
)


@click.command()
@click.argument("record_id")
@click.option("--reason", required=True, help="Why the record is annulled.")
@click.option("--date", "on", type=DATE, default=None, help="The day of the annulment (default: today).")
@repo_option
@author_option
@json_option
def annul(record_id: str, reason: str, on: Any, repo: Path, author: str | None, as_json: bool) -> None:
    """Annul a record: a new version with the annulment (nothing is deleted)."""
    store = _store(repo, author)
    day: date | None = on
    view = store.annul(record_id, reason, on=day)
    _done(view, as_json, "Annulled", store.referrers_warnings(view))


@click.command()
@click.argument("record_id")
@click.argument("rev", metavar="[VERSION]", required=False)
@click.option("--version", "version", default=None, help="The version number from `koto log ID`.")
@repo_option
@author_option
@json_option
def restore(
    record_id: str, rev: str | None, version: str | None, repo: Path, author: str | None, as_json: bool
) -> None:
    """Write version N of the record (`koto log ID`; or a Git revision) as its newest version."""
    from kototieto.store.versions import revision

    spec = version or rev
    if spec is None:
        raise UsageError(
            T(
                "Anna versio: --version N (katso `koto log ID`).",
                "Ange versionen: --version N (se `koto log ID`).",
                "Give the version: --version N (see `koto log ID`).",
            )
        )
    store = _store(repo, author)
    target = revision(store, record_id, spec)
    assert target is not None
    _done(store.restore(record_id, target), as_json, "Restored")


@click.command(name="rm")
@click.argument("record_id")
@repo_option
@author_option
@json_option
def rm(record_id: str, repo: Path, author: str | None, as_json: bool) -> None:
    """Remove a record that has not been pushed (added by mistake). A pushed record is annulled
    instead (`koto annul`): colleagues' clones already hold it."""
    store = _store(repo, author)
    _check_author(store, author)
    _done(store.remove(record_id), as_json, "Removed")


@click.command(name="drafts")
@click.option("--discard", "discard", default=None, metavar="ID", help="Delete the kept draft of ID.")
@repo_option
@json_option
def drafts_(discard: str | None, repo: Path, as_json: bool) -> None:
    """List the kept drafts of this clone (.koto/drafts/), or discard one."""
    from kototieto.store import drafts

    store = _store(repo, None)
    if discard is not None:
        draft = drafts.load_draft(store.repo, discard)
        if draft is None:
            raise NothingToDoError(
                T(
                    "Tietueesta {r} ei ole tallessa olevaa luonnosta",
                    "Det finns inget sparat utkast av {r}",
                    "no kept draft of {r}",
                ).format(r=discard)
            )
        drafts.discard_draft(store.repo, discard)
        if as_json:
            echo_json({"discarded": draft.to_json()})
        else:
            click.echo(tr(_DISCARDED).format(id=discard, file=draft.file))
        return
    kept = drafts.list_drafts(store.repo)
    if as_json:
        echo_json([d.to_json() for d in kept])
        return
    if not kept:
        click.echo(tr(_NO_DRAFTS))
        return
    for d in kept:
        resume = (
            f"koto edit {d.record_id}"
            if d.command == "edit"
            else f"koto new {d.kind} --resume --id {d.record_id}"
        )
        click.echo(f"{d.record_id}\t{d.command}\t{d.kind}\t{d.started}\t{d.file}\t{resume}")
