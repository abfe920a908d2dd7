"""Run the app under uvicorn on 127.0.0.1 and print its address with the access token."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kototieto.errors import UsageError
from kototieto.web.messages import LOCAL_ONLY
from kototieto.web.security import Guard

LOCAL_HOSTS = ("127.0.0.1", "::1", "localhost")


def serve(
    repo: Path | str,
    *,
    port: int = 8765,
    lang: str = "fi",
    host: str = "127.0.0.1",
    user_header: str | None = None,
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",),
    allowed_hosts: tuple[str, ...] = (),
    comments: Path | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the data repository ``repo`` until interrupted (Ctrl+C).

    Without ``user_header`` the server only ever listens on the loopback interface: it has no user
    database of its own, the access token is what keeps other local users and web pages out.
    """
    import uvicorn

    from kototieto.web.app import create_app

    if user_header is None and host not in LOCAL_HOSTS:
        raise UsageError(LOCAL_ONLY)
    started = time.monotonic()
    if port == 0:
        with socket.socket() as s:
            s.bind((host, 0))
            port = int(s.getsockname()[1])
    guard = Guard(
        port=port, extra_hosts=allowed_hosts, user_header=user_header, trusted_proxies=trusted_proxies
    )
    app, state = create_app(repo, port=port, lang=lang, guard=guard, comments=comments)
    say = announce or (lambda text: print(text, file=sys.stderr, flush=True))
    if user_header is None:
        say(f"koto serve: {state.root}")
        say(f"    {guard.url()}")
        say("Open the address above in a browser (it holds this run's access token). Ctrl+C stops.")
    else:
        say(f"koto serve: {state.root} on http://{host}:{port}/ (users from the {user_header} header)")
    # the customer list's index (every customer, plan and review) is built while the browser opens
    threading.Thread(target=state.index.get, name="koto-index", daemon=True).start()
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    say(f"    ready in {time.monotonic() - started:.2f} s")
    server.run()
