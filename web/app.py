"""The ASGI app of ``koto serve``: routes, the request wrapper and error pages.

Handlers are plain functions ``(Req, **path params[, form]) -> Response`` in ``pages_*.py``. They run
in the event loop's thread one at a time (the store's pygit2 repository is not shared across
threads); a POST is refused before its handler runs when its CSRF token is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kototieto.errors import KotoError, NotAllowedError, NotFoundError
from kototieto.model.text import LANGS
from kototieto.store.store import Store
from kototieto.web import pages_catalogue as pcat
from kototieto.web import pages_customers as pc
from kototieto.web import pages_other as po
from kototieto.web import pages_records as pr
from kototieto.web.context import LANG_COOKIE, App, Users, make_req
from kototieto.web.forms import FormData
from kototieto.web.i18n import word
from kototieto.web.index import CustomerIndex
from kototieto.web.security import CSRF_FIELD, CSRF_HEADER, Guard, GuardMiddleware

Handler = Callable[..., Response]


def _local_user(store: Store) -> dict[str, str]:
    """The local official: their ``koto profile`` when it has a name and an e-mail, else the
    repository's Git identity (``user.name``/``user.email``)."""
    from kototieto.errors import InvalidInputError
    from kototieto.store import profile

    try:
        me = profile.load()
    except InvalidInputError:
        me = profile.Profile()
    if me.author:
        return me.contact()
    cfg = store.repo.git.config
    out = {}
    for key, name in (("user.name", "name"), ("user.email", "email")):
        try:
            out[name] = str(cfg[key])
        except KeyError:
            continue
    return out


def _error_page(app: App, request: Request, status: int, title: str, message: str) -> Response:
    r = make_req(app, request)
    return r.page("error.html.j2", status=status, title=title, message=message)


def _endpoint(app: App, handler: Handler, *, post: bool = False) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        r = make_req(app, request)
        kwargs: dict[str, Any] = dict(request.path_params)
        if r.user is not None and not app.users.known(r.user):
            return _error_page(app, request, 403, r.t("forbidden"), r.t("unknown_user"))
        try:
            if post:
                raw = await request.form(max_fields=5000, max_files=0)
                form = FormData({k: [str(v) for v in raw.getlist(k)] for k in raw})
                given = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
                if not app.guard.csrf_ok(r.user or "", given):
                    return _error_page(app, request, 403, r.t("forbidden"), r.t("csrf_failed"))
                kwargs["form"] = form
            return handler(r, **kwargs)
        except NotFoundError as exc:
            return _error_page(app, request, 404, r.t("not_found"), exc.localized(r.lang))
        except NotAllowedError as exc:
            return _error_page(app, request, 403, r.t("forbidden"), exc.localized(r.lang))
        except KotoError as exc:
            return _error_page(app, request, 400, r.t("bad_request"), exc.localized(r.lang))

    return endpoint


def _lang(r: Any) -> Response:
    to = r.request.query_params.get("to", "")
    nxt = r.request.query_params.get("next", "/")
    if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt or "\n" in nxt or "\r" in nxt:
        nxt = "/"
    resp = RedirectResponse(nxt, status_code=303)
    if to in LANGS:
        resp.set_cookie(LANG_COOKIE, to, httponly=True, samesite="strict", path="/")
    return resp


def create_app(
    repo: Path | str,
    *,
    port: int = 8765,
    lang: str = "fi",
    guard: Guard | None = None,
    today: dt.date | None = None,
    user: dict[str, str] | None = None,
    comments: Path | None = None,
) -> tuple[Starlette, App]:
    """The app over the data repository ``repo`` and its state (``App``: the guard's token etc.)."""
    store = Store.open(repo)
    root = store.repo.root
    guard = guard or Guard(port=port)
    users_cfg = store.repo.config.users
    app = App(
        root=root,
        store=store,
        index=CustomerIndex(root, today),
        guard=guard,
        default_lang=lang if lang in LANGS else "fi",
        local_user=user or _local_user(store),
        users=Users({k: dict(v) for k, v in users_cfg.items()}),
        today=today,
        comments=pcat.comments_dir(root, comments),
    )

    def get(path: str, handler: Handler) -> Route:
        return Route(path, _endpoint(app, handler), methods=["GET"])

    def post(path: str, handler: Handler) -> Route:
        return Route(path, _endpoint(app, handler, post=True), methods=["POST"])

    routes = [
        get("/", pc.home),
        get("/customers", pc.customers),
        get("/customers/new", pr.new_customer_form),
        get("/c/{cid}", pc.customer),
        get("/c/{cid}/new/{kind}", pr.new_form),
        get("/c/{cid}/print", lambda r, cid: pr.print_doc(r, cid, None)),
        get("/r/{cid}/{rid}", pr.record),
        get("/r/{cid}/{rid}/edit", pr.edit_form),
        post("/r/{cid}/{rid}/form", pr.form_post),
        post("/r/{cid}/{rid}/resolve", pr.resolve_post),
        get("/r/{cid}/{rid}/history", pr.history),
        post("/r/{cid}/{rid}/restore", pr.restore_post),
        post("/r/{cid}/{rid}/annul", pr.annul_post),
        get("/r/{cid}/{rid}/print", pr.print_doc),
        get("/lang", _lang),
        get("/favicon.ico", lambda r: Response(status_code=204)),
        post("/sync", po.sync_post),
        get("/conflicts", po.conflicts),
        post("/conflicts/{rid}", po.resolve_conflict),
        get("/reports/{name}", po.report),
        get("/reports/{name}/csv", po.report_csv),
        get("/reports/{name}/xlsx", po.report_xlsx),
        get("/catalogue", pcat.catalogue),
        get("/catalogue/{kind}", pcat.catalogue_kind),
        post("/catalogue/comment", pcat.comment_post),
        Mount("/static", StaticFiles(packages=[("kototieto.web", "static")]), name="static"),
    ]
    starlette = Starlette(routes=routes, middleware=[Middleware(GuardMiddleware, guard=guard)])

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error_page(app, request, 404, word("not_found", app.default_lang), request.url.path)

    starlette.add_exception_handler(404, not_found)
    return starlette, app
