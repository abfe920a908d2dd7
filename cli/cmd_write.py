"""Writing records: ``koto new``, ``add``, ``commit``, ``edit``, ``annul``, ``restore``.

Each command validates before anything is written; an invalid record commits nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from kototieto.cli.options import LANGS, echo_json, json_option, repo_option
from kototieto.errors import ConflictError, InvalidRecordError, NothingToDoError, UsageError

author_option = click.option("--author", default=None, help="'Name <email>' (default: git config user).")
lang_opt = click.option("--lang", type=click.Choice(LANGS), default="fi", show_default=True)


def _store(repo: Path, author: str | None, lang: str = "fi") -> Any:
    from kototieto.store.store import Store

    return Store.open(repo, author=author, lang=lang)


def _done(view: Any, as_json: bool, verb: str) -> None:
    if as_json:
        echo_json(view.to_json())
    else:
        click.echo(f"{verb} {view.kind} {view.id}: {view.path} (commit {view.commit_id[:10]})")


@click.command()
@click.argument("kind")
@click.option("--customer", default=None, help="The customer id (omit for a new customer record).")
@click.option("--id", "record_id", default=None, help="Record id (default: a new random id).")
@click.option("--editor", default=None, help="Editor command (default: $VISUAL or $EDITOR).")
@repo_option
@author_option
@lang_opt
@json_option
def new(
    kind: str,
    customer: str | None,
    record_id: str | None,
    editor: str | None,
    repo: Path,
    author: str | None,
    lang: str,
    as_json: bool,
) -> None:
    """Draft a new KIND record in your editor; commit it when it is valid."""
    from kototieto.store import drafts, layout, roles
    from kototieto.store.store import new_record_id

    if kind not in roles.RECORD_KINDS:
        raise UsageError(f"unknown record kind {kind!r}; one of {', '.join(roles.RECORD_KINDS)}")
    if kind != "customer" and not customer:
        raise UsageError("--customer ID is needed for every kind except customer")
    store = _store(repo, author, lang)
    rid = record_id or (customer if kind == "customer" and customer else new_record_id(kind))
    layout.check_name(rid, "record")
    text = drafts.template(store.repo, kind, customer if kind != "customer" else rid, rid, lang)
    draft = store.repo.ensure_koto_dir() / "drafts" / f"{rid}.yaml"
    view = drafts.edit_loop(
        draft, text, lambda body: store.save_text(body, must_be_new=True), template_text=text, editor=editor
    )
    if view is None:
        raise NothingToDoError("draft abandoned; nothing was written")
    _done(view, as_json, "Added")


@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--check-staged", is_flag=True, help="Only validate staged record files (pre-commit hook).")
@repo_option
@author_option
@click.option("-m", "--message", default=None)
@json_option
def add(
    files: tuple[Path, ...],
    check_staged: bool,
    repo: Path,
    author: str | None,
    message: str | None,
    as_json: bool,
) -> None:
    """Validate record FILES (from anywhere) and commit each into its place in the repository."""
    store = _store(repo, author)
    if check_staged:
        from kototieto.store import erasures
        from kototieto.store.worktree import staged_record_blobs

        staged = staged_record_blobs(store.repo)
        erasures.refuse_paths(store.repo.root, [p for p, _ in staged], store.repo.git)
        _check_all(store, staged, as_json)
        return
    if not files:
        raise UsageError("give the record files to add")
    items: list[tuple[str | None, bytes, str]] = [(None, f.read_bytes(), str(f)) for f in files]
    _commit_all(store, items, message, as_json, from_worktree=False)


@click.command(name="commit")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@repo_option
@author_option
@click.option("-m", "--message", default=None)
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
            click.echo(f"Merge committed (commit {str(done.commit)[:10]}); run `koto sync` to push.")
        else:
            click.echo(f"Settled {done.path}; {done.remaining} conflict(s) left (see `koto conflicts`).")
        return
    if not paths:
        rels = changed_record_paths(store.repo)
    if not rels:
        raise NothingToDoError("no changed record files to commit")
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
        raise InvalidRecordError(f"{len(problems)} problem(s) in staged records", problems=list(problems))


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
        echo_json([v.to_json() for v in views])
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
    """Edit a record in your editor; commit it when valid (fails if someone changed it meanwhile)."""
    from kototieto.store import drafts

    store = _store(repo, author, lang)
    view = store.read(record_id)
    draft = store.repo.ensure_koto_dir() / "drafts" / f"{view.id}.yaml"
    if draft.exists():
        raise ConflictError(
            f"an unfinished edit of {view.id} is kept in {draft}: commit it with `koto add {draft}` "
            "or delete the file"
        )
    try:
        result = drafts.edit_loop(
            draft,
            view.text,
            lambda body: store.save_text(body, path=view.path, expected_version=view.blob_id),
            editor=editor,
        )
    except ConflictError as exc:
        raise ConflictError(f"{exc.message}\nYour edit is kept in {draft}") from None
    if result is None:
        raise NothingToDoError("no changes; nothing was written")
    _done(result, as_json, "Updated")


@click.command()
@click.argument("record_id")
@click.option("--reason", required=True, help="Why the record is annulled.")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@repo_option
@author_option
@json_option
def annul(record_id: str, reason: str, on: Any, repo: Path, author: str | None, as_json: bool) -> None:
    """Annul a record: a new version with the annulment (nothing is deleted)."""
    store = _store(repo, author)
    day: date | None = on.date() if on is not None else None
    _done(store.annul(record_id, reason, on=day), as_json, "Annulled")


@click.command()
@click.argument("record_id")
@click.argument("rev")
@repo_option
@author_option
@json_option
def restore(record_id: str, rev: str, repo: Path, author: str | None, as_json: bool) -> None:
    """Write the record as it was at REV as its newest version."""
    store = _store(repo, author)
    _done(store.restore(record_id, rev), as_json, "Restored")
