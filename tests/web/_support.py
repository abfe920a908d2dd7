"""Shared helpers of the web app tests: a demo repository, an app with a signed-in client.

Loaded by each test module with ``importlib`` (tests run with ``--import-mode=importlib``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 12, 1)
OFFICIAL = {"name": "Testi Virkailija", "email": "testi.virkailija@example.org"}
OTHER = {"name": "Toinen Virkailija", "email": "toinen@example.org"}
BASE = "http://127.0.0.1:8765"
_TEMPLATE: dict[str, Path] = {}


def hermetic_env(home: Path) -> dict[str, str]:
    """Environment with a temporary HOME and its own git config (no system config)."""
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / ".gitconfig"
    cfg.write_text(
        "[user]\n\tname = Testi Virkailija\n\temail = testi.virkailija@example.org\n"
        "[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n",
        encoding="utf-8",
    )
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(cfg),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(var, None)
    return env


def demo_repo(tmp: Path, customers: int = 8) -> Path:
    """A demo repository (synthetic pilot data, every record kind, an extension field) in ``tmp``;
    built once per process and copied."""
    key = f"{customers}"
    if key not in _TEMPLATE:
        base = tmp.parent / f"web-demo-template-{customers}"
        if not (base / "repo").is_dir():
            env = hermetic_env(tmp.parent / "home")
            koto = str(Path(sys.executable).parent / "koto")
            out = subprocess.run(
                [
                    koto,
                    "demo",
                    str(base),
                    "--customers",
                    str(customers),
                    "--no-site",
                    "--today",
                    TODAY.isoformat(),
                ],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            assert out.returncode == 0, out.stderr
        _TEMPLATE[key] = base / "repo"
    dest = tmp / "repo"
    shutil.copytree(_TEMPLATE[key], dest, symlinks=True)
    return dest


def client(repo: Path, user: dict[str, str] | None = None, **kwargs: Any) -> tuple[Any, Any]:
    """(TestClient signed in with the access token, App state)."""
    from kototieto.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette prefers httpx2 for its TestClient (httpx works)
        from starlette.testclient import TestClient

    app, state = create_app(repo, port=8765, today=TODAY, user=user or OFFICIAL, **kwargs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = TestClient(app, base_url=BASE)
    r = c.get(f"/?token={state.guard.token}", follow_redirects=False)
    assert r.status_code == 303, r.text
    return c, state


def csrf(state: Any) -> str:
    return str(state.guard.csrf(""))


def form_fields(html: str, form_id: str = "record-form") -> list[tuple[str, str]]:
    """The (name, value) pairs a browser would submit from a form (inputs, checked boxes, selects
    with their selected options, textareas); submit buttons are left out."""
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.inside = False
            self.pairs: list[tuple[str, str]] = []
            self.select: str | None = None
            self.textarea: str | None = None
            self.text = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = {k: v or "" for k, v in attrs}
            if tag == "form":
                self.inside = a.get("id") == form_id
            if not self.inside:
                return
            if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
                if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                    return
                self.pairs.append((a["name"], a.get("value", "")))
            elif tag == "select":
                self.select = a.get("name")
            elif tag == "option" and self.select and "selected" in a:
                self.pairs.append((self.select, a.get("value", "")))
            elif tag == "textarea":
                self.textarea, self.text = a.get("name"), ""

        def handle_endtag(self, tag: str) -> None:
            if tag == "form":
                self.inside = False
            elif tag == "select":
                self.select = None
            elif tag == "textarea" and self.textarea:
                self.pairs.append((self.textarea, self.text))
                self.textarea = None

        def handle_data(self, data: str) -> None:
            if self.textarea:
                self.text += data

    p = P()
    p.feed(html)
    return p.pairs


def set_field(pairs: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    out = [(k, v) for k, v in pairs if k != name]
    out.append((name, value))
    return out


def first_customer(c: Any) -> str:
    m = re.search(r'href="/c/(c-[^"]+)"', c.get("/customers").text)
    assert m
    return m.group(1)


def post_form(c: Any, url: str, pairs: list[tuple[str, str]], **kwargs: Any) -> Any:
    """POST ``pairs`` (repeated names kept, in order) as a browser would."""
    from urllib.parse import urlencode

    headers = {"content-type": "application/x-www-form-urlencoded", **kwargs.pop("headers", {})}
    return c.post(url, content=urlencode(pairs).encode(), headers=headers, **kwargs)


def a_plan(state: Any) -> dict[str, Any]:
    """The data of the first integration plan (not annulled) at the branch head."""
    item = next(
        i
        for i in state.index.get().loaded.items
        if i.record.kind == "integration-plan" and i.record.annulment is None
    )
    data: dict[str, Any] = state.store.read(f"{item.record.customer}/{item.record.id}").data
    return data
