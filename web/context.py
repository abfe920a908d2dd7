"""The app's shared state (one per server) and what every page handler needs from a request."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from kototieto.errors import NotFoundError
from kototieto.model.text import LANGS
from kototieto.store import layout
from kototieto.store.store import Store
from kototieto.web.i18n import LANG_NAMES, word
from kototieto.web.index import CustomerIndex
from kototieto.web.messages import NO_SUCH_ID
from kototieto.web.security import Guard

LANG_COOKIE = "koto_lang"


@dataclass
class Users:
    """``koto.yaml`` ``users``: user name -> profile (name, email, title, phone, organisation type)."""

    profiles: dict[str, dict[str, str]] = field(default_factory=dict)

    def known(self, user: str) -> bool:
        """Whether the proxy's user may use the app: listed, or any user when none are listed."""
        return not self.profiles or user in self.profiles

    def profile(self, user: str | None, local: dict[str, str]) -> dict[str, str]:
        if user is None:
            return local
        found = self.profiles.get(user) or {}
        return {"name": user, "email": f"{user}@localhost", **found}


@dataclass
class App:
    root: Path
    store: Store
    index: CustomerIndex
    guard: Guard
    default_lang: str = "fi"
    local_user: dict[str, str] = field(default_factory=dict)
    users: Users = field(default_factory=Users)
    today: dt.date | None = None
    comments: Path | None = None  # the consultation round's comments folder (reviewer pages)
    env: Environment = field(init=False)
    _catalogue: tuple[Any, dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("kototieto.web", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals["LANGS"] = LANGS
        self.env.globals["LANG_NAMES"] = LANG_NAMES
        self.env.filters["fidate"] = fi_date

    def catalogue(self) -> dict[str, Any]:
        """The field catalogue with the repository's extension fields (rebuilt when they change)."""
        from kototieto.model.catalogue import catalogue_json

        ext_dir = self.root / "extensions"
        stamp = (
            tuple(sorted((p.name, p.stat().st_mtime_ns) for p in ext_dir.glob("*.yaml")))
            if ext_dir.is_dir()
            else ()
        )
        if self._catalogue is None or self._catalogue[0] != stamp:
            cat = catalogue_json()
            if stamp:
                from kototieto.store.extensions.load import extended_catalogue

                cat = extended_catalogue(cat, self.root)
            self._catalogue = (stamp, cat)
        return self._catalogue[1]

    def day(self) -> dt.date:
        return self.today or dt.date.today()


def fi_date(value: Any) -> str:
    """An ISO date as d.m.yyyy (as the officials type and read them)."""
    from kototieto.web.forms import date_to_form

    return date_to_form(value) if value else ""


@dataclass
class Req:
    """One request as the handlers see it."""

    app: App
    request: Request
    lang: str
    user: str | None
    profile: dict[str, str]

    @property
    def author(self) -> str:
        return f"{self.profile.get('name', 'koto')} <{self.profile.get('email', 'koto@localhost')}>"

    @property
    def writer_type(self) -> str:
        return self.profile.get("organisation_type") or self.app.store.repo.config.organisation.type

    def store(self) -> Store:
        """A Store in the request's language, acting as the user's organisation type."""
        return Store(self.app.store.repo, author=self.author, acting_type=self.writer_type, lang=self.lang)

    @property
    def csrf(self) -> str:
        return self.app.guard.csrf(self.user or "")

    def t(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def page(self, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        here = self.request.url.path + (f"?{self.request.url.query}" if self.request.url.query else "")
        html = self.app.env.get_template(template).render(
            lang=self.lang,
            t=self.t,
            csrf=self.csrf,
            user=self.profile.get("name", ""),
            here=quote(here, safe=""),
            path=self.request.url.path,
            **values,
        )
        return HTMLResponse(html, status_code=status)


def make_req(app: App, request: Request) -> Req:
    lang = request.cookies.get(LANG_COOKIE) or app.default_lang
    if lang not in LANGS:
        lang = app.default_lang
    user = request.scope.get("state", {}).get("user")
    return Req(app, request, lang, user, app.users.profile(user, app.local_user))


def safe_id(value: str) -> str:
    """A customer or record id from a URL; anything that is not a plain name (``..``, ``/``) is 404."""
    if not layout.is_safe_name(value):
        raise NotFoundError(NO_SUCH_ID.format(v=value))
    return value
