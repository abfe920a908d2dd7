"""Who may talk to the server, and how: Host check, access token, proxy user, CSRF, headers.

Local use (the default), as Jupyter's local server does it:

- the server listens on 127.0.0.1 only; a request whose ``Host`` header is not one of the allowed
  names (``127.0.0.1:PORT``, ``localhost:PORT``, ``[::1]:PORT`` and any ``--allowed-host``) is
  refused with 400 before anything else runs, so a web page on another site cannot reach the
  server through DNS rebinding;
- the first request carries the access token printed at start-up (``?token=...``); the server
  answers with a session cookie (``HttpOnly``, ``SameSite=Strict``) and a redirect to the same
  address without the token; every later request needs the cookie, else 403;
- every state-changing request (POST) needs the CSRF token: a hidden ``csrf`` field in every form,
  or the ``X-CSRF-Token`` header that htmx sends (set once on ``<body hx-headers>``); a POST whose
  ``Origin`` is another site is refused too;
- every answer carries a strict Content-Security-Policy (scripts and styles only from this server,
  no inline script, no connection to any other host, no framing) and ``nosniff``; the referrer policy is ``same-origin`` (a same-site POST then carries its ``Origin``, which is checked).

Behind an authenticating reverse proxy (``--trusted-user-header X-Remote-User``): the user is the
header's value, taken only when the request's peer address is one of ``--trusted-proxy`` (default
127.0.0.1); a request from anywhere else is refused. No token is needed then; CSRF and Host checks
stay.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "koto_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "frame-src 'self'; object-src 'none'"
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


@dataclass
class Guard:
    """The server's secrets and what it accepts (one per server process)."""

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    extra_hosts: tuple[str, ...] = ()
    user_header: str | None = None
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)

    @property
    def hosts(self) -> set[str]:
        names = {"127.0.0.1", "localhost", "[::1]", *self.extra_hosts}
        return {f"{n}:{self.port}" for n in names} | set(self.extra_hosts)

    def csrf(self, user: str) -> str:
        """The CSRF token of a user (the session's, for local use)."""
        return hmac.new(self.key, f"csrf\0{user}".encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, user: str, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(self.csrf(user), given or "")

    def url(self, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}/?token={self.token}"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


async def _plain(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode("utf-8")
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *HEADERS,
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Host check, authentication (token/cookie or proxy header) and security headers.

    Sets ``scope["state"]["user"]`` (the proxy's user, or None for the local user).
    """

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        g = self.guard
        host = _header(scope, b"host") or ""
        if host not in g.hosts:
            await _plain(send, 400, "Host not allowed / Host ej tillåten / Host ei sallittu\n")
            return
        user: str | None = None
        if g.user_header is not None:
            peer = (scope.get("client") or ("", 0))[0]
            name = _header(scope, g.user_header.lower().encode("latin-1"))
            if peer not in g.trusted_proxies or not name or not name.strip():
                await _plain(send, 403, "Not from the authenticating proxy\n")
                return
            user = name.strip()
        else:
            query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
            token = query.get("token")
            if token is not None:
                if not hmac.compare_digest(token.encode(), g.token.encode()):
                    await _plain(send, 403, "Wrong access token\n")
                    return
                rest = urlencode([(k, v) for k, v in query.items() if k != "token"])
                location = scope.get("path", "/") + (f"?{rest}" if rest else "")
                cookie = f"{COOKIE}={g.session}; HttpOnly; SameSite=Strict; Path=/"
                await _plain(
                    send,
                    303,
                    "",
                    [(b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode())],
                )
                return
            given = _cookie(scope, COOKIE) or ""
            if not hmac.compare_digest(given.encode(), g.session.encode()):
                await _plain(
                    send,
                    403,
                    "Avaa osoite, jonka koto serve tulosti / Öppna adressen som koto serve skrev ut / "
                    "Open the address koto serve printed (it holds the access token).\n",
                )
                return
        if scope.get("method") == "POST":
            origin = _header(scope, b"origin")
            if origin is not None and origin.split("://", 1)[-1] not in g.hosts:
                await _plain(send, 403, "Cross-site request refused\n")
                return
        scope.setdefault("state", {})["user"] = user

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {h[0].lower() for h in headers}
                message["headers"] = [*headers, *(h for h in HEADERS if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)
