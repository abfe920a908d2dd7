"""Reviewer pages: the field catalogue with the open round's comments, and the comment forms.

Comments are read and written through ``site.comments.CommentRepo`` (the same YAML files and Git
commits as ``koto comment``); a comment or reply is committed with the reviewer as its Git author.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from starlette.responses import RedirectResponse, Response

from kototieto.errors import NotAllowedError, NotFoundError, UsageError
from kototieto.model.catalogue import kind_label
from kototieto.model.records import RECORD_KINDS
from kototieto.web.context import Req
from kototieto.web.forms import FormData
from kototieto.web.messages import BAD_FORM, NO_RECORD_KIND, NO_ROUND


def comments_dir(repo_root: Path, given: Path | None) -> Path | None:
    """``--comments``, else ``REPO/comments`` or the demo's ``REPO/../comments`` when it holds a round."""
    if given is not None:
        return given
    for cand in (repo_root / "comments", repo_root.parent / "comments"):
        if (cand / "round.yaml").is_file():
            return cand
    return None


def _comments(r: Req) -> Any:
    from kototieto.site.comments import CommentRepo

    folder = r.app.comments
    return CommentRepo(folder) if folder is not None else None


@contextmanager
def _as_author(name: str, email: str) -> Iterator[None]:
    """Git author of the comment commits (``CommentRepo`` runs git with this process' environment)."""
    keys = ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL")
    old = {k: os.environ.get(k) for k in keys}
    os.environ["GIT_AUTHOR_NAME"], os.environ["GIT_AUTHOR_EMAIL"] = name, email
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def is_secretary(r: Req, rnd: Any) -> bool:
    """The round's secretary (its ``contact`` address is the user's e-mail) may set a status."""
    email = (r.profile.get("email") or "").strip().lower()
    return bool(rnd is not None and rnd.contact and email and rnd.contact.strip().lower() == email)


def catalogue(r: Req) -> Response:
    cat = r.app.catalogue()
    repo = _comments(r)
    rnd = repo.round() if repo is not None and repo.has_round() else None
    kinds = [
        (k, kind_label(k, r.lang), sum(1 for f in cat["fields"] if k in f["kinds"])) for k in RECORD_KINDS
    ]
    return r.page("catalogue.html.j2", title=r.t("catalogue"), kinds=kinds, rnd=rnd)


def catalogue_kind(r: Req, kind: str) -> Response:
    if kind not in RECORD_KINDS:
        raise NotFoundError(NO_RECORD_KIND.format(kind=kind))
    cat = r.app.catalogue()
    repo = _comments(r)
    threads: dict[str, list[Any]] = {}
    rnd = None
    if repo is not None:
        sorted_set = repo.sorted_onto(cat)
        threads = sorted_set.by_path
        rnd = sorted_set.round
    lists = {cl["id"]: cl for cl in cat["code_lists"]}
    fields = [
        {
            "path": f["path"],
            "anchor": "f-" + f["path"].replace(".", "-"),
            "label": f["labels"].get(r.lang) or f["path"],
            "definition": f["definitions"].get(r.lang) or "",
            "obligation": f["obligation"],
            "type": f["type"],
            "cardinality": f["cardinality"],
            "code_list": lists.get(f["code_list"]) if f.get("code_list") else None,
            "threads": threads.get(f["path"], []),
            "local": bool(f.get("local")),
        }
        for f in cat["fields"]
        if kind in f["kinds"]
    ]
    return r.page(
        "catalogue_kind.html.j2",
        title=kind_label(kind, r.lang),
        kind=kind,
        fields=fields,
        rnd=rnd,
        can_comment=repo is not None and rnd is not None and rnd.is_open(r.app.day()),
        secretary=is_secretary(r, rnd),
        organisation=r.profile.get("organisation") or r.app.store.repo.config.organisation.name,
    )


def comment_post(r: Req, form: FormData) -> Response:
    repo = _comments(r)
    if repo is None:
        raise NotFoundError(NO_ROUND)
    kind = form.get("kind")
    if kind not in RECORD_KINDS:
        raise UsageError(BAD_FORM)
    author = r.profile.get("name") or "koto"
    with _as_author(author, r.profile.get("email") or "koto@localhost"):
        if form.get("thread"):
            status = form.get("status") or None
            if status is not None and not is_secretary(r, repo.round()):
                raise NotAllowedError(r.t("secretary_only"))
            repo.reply(
                form.get("thread"),
                author=author,
                organisation=form.get("organisation"),
                text=form.get("text"),
                status=status,
                today=r.app.day(),
            )
            anchor = form.get("anchor")
        else:
            thread = repo.add(
                form.get("path"),
                author=author,
                organisation=form.get("organisation").strip(),
                text=form.get("text"),
                proposed_text=form.get("proposed_text").strip() or None,
                catalogue=r.app.catalogue(),
                today=r.app.day(),
            )
            anchor = "f-" + thread.path.replace(".", "-")
    safe = "".join(ch for ch in anchor if ch.isalnum() or ch in "-_")
    return RedirectResponse(f"/catalogue/{kind}#{safe}", status_code=303)
