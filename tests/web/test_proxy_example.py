"""The README's reverse-proxy example, run as written: Caddy with basic auth in front of a real
``koto serve --trusted-user-header``, and a real HTTP client.

The three blocks after the ``<!-- proxy-example ... -->`` markers in README.md (the ``users`` of
``koto.yaml``, the Caddyfile and the ``koto serve`` command) are read from the README itself; only
what must differ on a test machine is replaced: the public name ``koto.example.fi`` by
``127.0.0.1:PORT`` (plain HTTP, so Caddy asks no certificate authority for anything), port 8765 by a
free port, the repository path by a demo repository, and each ``NAME_PASSWORD_HASH`` by the hash
``caddy hash-password`` prints. A global options block puts the admin endpoint off, automatic HTTPS
off and every listener on 127.0.0.1; Caddy's storage and autosave go to the test's folder (HOME,
XDG_DATA_HOME, XDG_CONFIG_HOME). Caddy comes from ``scripts/install-system-deps.sh``.
"""

from __future__ import annotations

import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from tests.web import _support as S

README = Path(__file__).resolve().parents[2] / "README.md"
PUBLIC = "koto.example.fi"
PASSWORDS = {"aino": "aino-salasana-91", "hanna": "hanna-salasana-92"}
GLOBAL = "{\n\tadmin off\n\tauto_https off\n\tdefault_bind 127.0.0.1\n}\n\n"


def readme_block(name: str) -> str:
    """The fenced code block right after ``<!-- proxy-example NAME`` in README.md."""
    text = README.read_text(encoding="utf-8")
    found = re.search(
        r"<!-- proxy-example " + re.escape(name) + r"\b[^\n]*-->\s*\n```[\w-]*\n(.*?)\n```", text, re.S
    )
    assert found, f"README.md has no proxy-example {name} block"
    return found.group(1) + "\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str, status: int, proc: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    """Until ``url`` answers ``status`` (the process must stay up)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        assert proc.poll() is None, log.read_text(encoding="utf-8", errors="replace")
        try:
            if httpx.get(url, timeout=2).status_code == status:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(
        f"{url} did not answer {status}: " + log.read_text(encoding="utf-8", errors="replace")
    )


@dataclass
class Setup:
    proxy: str  # the address the officials use (Caddy)
    koto: str  # koto serve itself
    caddy_log: Path
    seconds: float  # from nothing to both answering (hashing the passwords included)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture()
def proxied(tmp_path: Path) -> Iterator[Setup]:
    caddy = shutil.which("caddy")
    assert caddy, "caddy is not installed: run scripts/install-system-deps.sh"
    started = time.monotonic()
    repo = S.demo_repo(tmp_path)
    cfg = repo / "koto.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + readme_block("koto.yaml"), encoding="utf-8")
    kport, cport = free_port(), free_port()
    env = S.hermetic_env(tmp_path / "home")
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))

    caddyfile = readme_block("Caddyfile")
    assert caddyfile.startswith(PUBLIC + " {") and "127.0.0.1:8765" in caddyfile

    def hashed(m: re.Match[str]) -> str:
        indent, user, upper = m.groups()
        assert upper == user.upper()
        out = subprocess.run(
            [caddy, "hash-password", "--plaintext", PASSWORDS[user]],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return f"{indent}{user} {out.stdout.strip()}"

    caddyfile, n = re.subn(r"(?m)^(\s*)(\w+) (\w+)_PASSWORD_HASH$", hashed, caddyfile)
    assert n == len(PASSWORDS), caddyfile
    caddyfile = caddyfile.replace(PUBLIC, f"http://127.0.0.1:{cport}", 1).replace(
        "127.0.0.1:8765", f"127.0.0.1:{kport}"
    )
    (tmp_path / "Caddyfile").write_text(GLOBAL + caddyfile, encoding="utf-8")

    command = shlex.split(readme_block("koto serve").strip())
    assert command[0] == "koto" and "/srv/koto/vaasa" in command and "8765" in command
    koto = [str(Path(sys.executable).parent / "koto")] + [
        {"/srv/koto/vaasa": str(repo), "8765": str(kport), PUBLIC: f"127.0.0.1:{cport}"}.get(a, a)
        for a in command[1:]
    ]
    koto_log, caddy_log = tmp_path / "koto.log", tmp_path / "caddy.log"
    procs: list[subprocess.Popen[bytes]] = []
    try:
        with koto_log.open("wb") as out:
            procs.append(subprocess.Popen(koto, stdout=out, stderr=subprocess.STDOUT, env=env))
        with caddy_log.open("wb") as out:
            procs.append(
                subprocess.Popen(
                    [caddy, "run", "--config", "Caddyfile", "--adapter", "caddyfile"],
                    cwd=tmp_path,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    env=env,
                )
            )
        # koto serve refuses a request without the header (403); Caddy one without a password (401)
        wait_for(f"http://127.0.0.1:{kport}/", 403, procs[0], koto_log)
        wait_for(f"http://127.0.0.1:{cport}/", 401, procs[1], caddy_log)
        yield Setup(
            f"http://127.0.0.1:{cport}", f"http://127.0.0.1:{kport}", caddy_log, time.monotonic() - started
        )
    finally:
        for proc in reversed(procs):
            _stop(proc)


def test_the_readme_proxy_example_signs_officials_in_and_keeps_others_out(proxied: Setup) -> None:
    started = time.monotonic()
    p = proxied.proxy
    # nobody gets past Caddy without a password, or with a wrong one
    bare = httpx.get(p + "/")
    assert bare.status_code == 401 and bare.headers["www-authenticate"].startswith("Basic")
    assert httpx.get(p + "/", auth=("aino", "väärä")).status_code == 401
    # Aino is signed in as herself, even when her browser sends a header naming someone else
    aino = httpx.Client(
        base_url=p, auth=("aino", PASSWORDS["aino"]), headers={"X-Remote-User": "hanna"}, timeout=60
    )
    home = aino.get("/")
    assert home.status_code == 200 and "Aino Virkailija" in home.text and "Hanna" not in home.text
    cid = re.search(r'href="/c/(c-[^"]+)"', aino.get("/customers").text)
    assert cid
    municipal = set(re.findall(r'/new/([a-z-]+)"', aino.get(f"/c/{cid.group(1)}").text))
    assert {"assessment", "integration-plan", "review", "guidance"} <= municipal
    # a form posted through the proxy passes the Origin and CSRF checks (--allowed-host)
    form = aino.get(f"/c/{cid.group(1)}/new/guidance").text
    pairs = S.form_fields(form)
    pairs = S.set_field(pairs, "other_matters", "Välityspalvelimen kautta kirjoitettu luonnos")
    t0 = time.monotonic()
    posted = aino.post(
        f"/r/{cid.group(1)}/{dict(pairs)['_id']}/form",
        content=urlencode([*pairs, ("_action", "validate")]).encode(),
        headers={"origin": p, "content-type": "application/x-www-form-urlencoded"},
    )
    print(f"validate through the proxy: {time.monotonic() - t0:.2f} s")
    assert posted.status_code == 200, posted.text[:500]
    assert "Välityspalvelimen kautta" in aino.get(f"/c/{cid.group(1)}/new/guidance?draft=1").text
    # Hanna (koto.yaml: a wellbeing services county) gets only the forms a county may write
    hanna = httpx.Client(base_url=p, auth=("hanna", PASSWORDS["hanna"]), timeout=60)
    page = hanna.get(f"/c/{cid.group(1)}")
    assert page.status_code == 200 and "Hanna Hyvinvointi" in page.text
    assert set(re.findall(r'/new/([a-z-]+)"', page.text)) == {"review"}
    assert hanna.get(f"/c/{cid.group(1)}/new/assessment").status_code == 403
    assert "Välityspalvelimen kautta" not in hanna.get(f"/c/{cid.group(1)}/new/guidance?draft=1").text
    # going round the proxy: a forged header from an address that is not the proxy is refused
    # (127.0.0.2 is this machine's loopback too, but not --trusted-proxy)
    round_the_proxy = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"))
    direct = round_the_proxy.get(proxied.koto + "/", headers={"X-Remote-User": "aino"})
    assert direct.status_code == 403 and "Aino" not in direct.text
    # Caddy worked offline: no certificate authority, no other host; the README's text is formatted
    log = proxied.caddy_log.read_text(encoding="utf-8")
    assert "acme" not in log.lower() and "obtain" not in log.lower() and "not formatted" not in log
    print(f"proxy example: set up in {proxied.seconds:.1f} s, checked in {time.monotonic() - started:.1f} s")
    for client in (aino, hanna, round_the_proxy):
        client.close()
