"""Reviewer pages (catalogue with the round's comments, a comment written through site.comments and
committed with the reviewer as author) and the sync button against a real ``git daemon`` remote."""

from __future__ import annotations

import datetime as dt
import importlib.util
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("web_support", Path(__file__).with_name("_support.py"))
assert _spec and _spec.loader
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


@pytest.fixture()
def hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = S.hermetic_env(tmp_path / "home")
    for key in ("HOME", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL", "PATH"):
        monkeypatch.setenv(key, env[key])
    return dict(env)


def _git(cwd: Path, *args: str) -> str:
    out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_a_reviewer_reads_and_writes_comments_on_fields(tmp_path: Path, hermetic: dict[str, str]) -> None:
    from kototieto.site.comments import CommentRepo

    repo = S.demo_repo(tmp_path)
    folder = tmp_path / "comments"
    folder.mkdir()
    _git(folder, "init", "-q")
    rounds = CommentRepo(folder)
    rounds.create_round(
        "Tietosisällön lausuntokierros",
        dt.date(2026, 11, 1),
        dt.date(2026, 12, 15),
        ["Vaasan kaupunki"],
        "2026.12",
        contact="sihteeri@example.org",
    )
    rounds.add(
        "goals",
        author="Aino Lausuja",
        organisation="Vaasan kaupunki",
        text="Tavoitteita enintään viisi.",
        today=S.TODAY,
    )
    c, state = S.client(repo, comments=folder)
    page = c.get("/catalogue/integration-plan").text
    assert "Tavoitteita enintään viisi." in page and "Tietosisällön lausuntokierros" in page
    assert 'id="f-goals"' in page
    r = S.post_form(
        c,
        "/catalogue/comment",
        [
            ("csrf", S.csrf(state)),
            ("kind", "integration-plan"),
            ("path", "period.end"),
            ("text", "Päättymispäivän määritelmä <b>tarkemmaksi</b>."),
            ("proposed_text", "Viimeinen päivä, jona suunnitelma on voimassa."),
            ("organisation", "Vaasan kaupunki"),
        ],
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/catalogue/integration-plan#f-period-end"
    threads = [t for t in rounds.threads() if t.path == "period.end"]
    assert len(threads) == 1 and threads[0].author == S.OFFICIAL["name"]
    log = _git(folder, "log", "-1", "--format=%an <%ae>")
    assert log.strip() == f"{S.OFFICIAL['name']} <{S.OFFICIAL['email']}>"
    page = c.get("/catalogue/integration-plan").text
    assert "&lt;b&gt;tarkemmaksi&lt;/b&gt;" in page
    goal = next(t for t in rounds.threads() if t.path == "goals")
    # only the round's secretary sets a status
    assert 'name="status"' not in page
    refused = S.post_form(
        c,
        "/catalogue/comment",
        [
            ("csrf", S.csrf(state)),
            ("kind", "integration-plan"),
            ("thread", goal.id),
            ("anchor", "f-goals"),
            ("organisation", "Vaasan kaupunki"),
            ("text", "Hyväksytty."),
            ("status", "accepted"),
        ],
    )
    assert refused.status_code == 403 and rounds.get(goal.id).status == "open"
    c, state = S.client(
        repo, user={"name": "Sanna Sihteeri", "email": "sihteeri@example.org"}, comments=folder
    )
    assert 'name="status"' in c.get("/catalogue/integration-plan").text
    r = S.post_form(
        c,
        "/catalogue/comment",
        [
            ("csrf", S.csrf(state)),
            ("kind", "integration-plan"),
            ("thread", goal.id),
            ("anchor", "f-goals"),
            ("organisation", "Vaasan kaupunki"),
            ("text", "Hyväksytty."),
            ("status", "accepted"),
        ],
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert rounds.get(goal.id).status == "accepted"
    assert "hyväksytty" in c.get("/catalogue/integration-plan").text
    # an unknown field is refused, nothing written
    n = len(rounds.threads())
    r = S.post_form(
        c,
        "/catalogue/comment",
        [
            ("csrf", S.csrf(state)),
            ("kind", "integration-plan"),
            ("path", "../../x"),
            ("text", "x"),
            ("organisation", "Vaasan kaupunki"),
        ],
    )
    assert r.status_code == 404 and len(rounds.threads()) == n


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def remote(tmp_path: Path, hermetic: dict[str, str]) -> Iterator[tuple[str, Path]]:
    origin = S.demo_repo(tmp_path / "o")
    srv = tmp_path / "srv"
    srv.mkdir()
    _git(tmp_path, "clone", "-q", "--bare", str(origin), str(srv / "data.git"))
    port = _free_port()
    daemon = subprocess.Popen(
        [
            "git",
            "daemon",
            "--export-all",
            "--enable=receive-pack",
            "--reuseaddr",
            f"--base-path={srv}",
            "--listen=127.0.0.1",
            f"--port={port}",
            str(srv),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.025)
        yield f"git://127.0.0.1:{port}/data.git", tmp_path
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


def _clone(url: str, dest: Path) -> Path:
    _git(dest.parent, "clone", "-q", url, str(dest))
    import sys

    koto = str(Path(sys.executable).parent / "koto")
    done = subprocess.run([koto, "upgrade"], cwd=dest, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return dest


def test_the_sync_button_fetches_merges_and_pushes(remote: tuple[str, Path]) -> None:
    import sys

    from kototieto.store.store import Store

    url, tmp = remote
    a = _clone(url, tmp / "a")
    b = _clone(url, tmp / "b")
    c, state = S.client(a)
    plan = S.a_plan(state)
    cid, rid = plan["customer"], plan["id"]
    sb = Store.open(b)
    view = sb.read(f"{cid}/{rid}")
    sb.save(
        dict(view.data, source_details="Toisesta kloonista"),
        expected_version=view.blob_id,
        author="B <b@example.org>",
    )
    koto = str(Path(sys.executable).parent / "koto")
    done = subprocess.run([koto, "sync"], cwd=b, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    # meanwhile, in the app: another field of the same record
    pairs = S.form_fields(c.get(f"/r/{cid}/{rid}/edit").text)
    pairs = S.set_field(pairs, "other_content", "Sovelluksesta")
    assert (
        S.post_form(
            c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "save")], follow_redirects=False
        ).status_code
        == 303
    )
    page = S.post_form(c, "/sync", [("csrf", S.csrf(state))])
    assert page.status_code == 200, page.text[-800:]
    assert '<dd id="sync-merged">Kyllä' in page.text and '<dd id="sync-pushed">Kyllä' in page.text
    data = Store.open(a).read(f"{cid}/{rid}").data
    assert data["source_details"] == "Toisesta kloonista" and data["other_content"] == "Sovelluksesta"
    assert "Toisesta kloonista" in c.get(f"/r/{cid}/{rid}").text  # the index and pages see the merge
    _git(b, "pull", "-q")
    assert Store.open(b).read(f"{cid}/{rid}").data["other_content"] == "Sovelluksesta"


def test_a_conflict_after_sync_is_settled_field_by_field_in_the_app(remote: tuple[str, Path]) -> None:
    import sys

    from kototieto.store.store import Store

    url, tmp = remote
    a = _clone(url, tmp / "a")
    b = _clone(url, tmp / "b")
    c, state = S.client(a)
    plan = S.a_plan(state)
    cid, rid = plan["customer"], plan["id"]
    sb = Store.open(b)
    view = sb.read(f"{cid}/{rid}")
    sb.save(
        dict(view.data, other_content="Kloonin B arvo"),
        expected_version=view.blob_id,
        author="Bertta B <b@example.org>",
    )
    koto = str(Path(sys.executable).parent / "koto")
    assert subprocess.run([koto, "sync"], cwd=b, capture_output=True, check=False).returncode == 0
    pairs = S.set_field(
        S.form_fields(c.get(f"/r/{cid}/{rid}/edit").text), "other_content", "Sovelluksen arvo"
    )
    assert (
        S.post_form(
            c, f"/r/{cid}/{rid}/form", [*pairs, ("_action", "save")], follow_redirects=False
        ).status_code
        == 303
    )
    page = S.post_form(c, "/sync", [("csrf", S.csrf(state))])
    assert rid in page.text and 'href="/conflicts"' in page.text
    screen = c.get("/conflicts").text
    assert "Kloonin B arvo" in screen and "Sovelluksen arvo" in screen and "Bertta B" in screen
    r = S.post_form(
        c, f"/conflicts/{rid}", [("csrf", S.csrf(state)), ("c0", "theirs")], follow_redirects=False
    )
    assert r.status_code == 303 and "done=merge" in r.headers["location"]
    assert Store.open(a).read(f"{cid}/{rid}").data["other_content"] == "Kloonin B arvo"
    head = Store.open(a).repo.head_commit()
    assert len(head.parents) == 2  # the merge is committed
    page = S.post_form(c, "/sync", [("csrf", S.csrf(state))])
    assert '<dd id="sync-pushed">Kyllä' in page.text


def test_an_erased_customers_records_from_an_old_clone_are_refused_by_the_sync_button(
    remote: tuple[str, Path],
) -> None:
    import sys

    from kototieto.store.store import Store

    url, tmp = remote
    koto = str(Path(sys.executable).parent / "koto")
    a = _clone(url, tmp / "a")
    b = _clone(url, tmp / "b")  # the app's clone, from before the erasure
    c, state = S.client(b)
    erased = S.a_plan(state)["customer"]
    done = subprocess.run(
        [koto, "erase", erased, "--reason", "Asiakkaan pyyntö", "--yes"],
        cwd=a,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    _git(a, "push", "-q", "--force", "--all", "origin")
    page = S.post_form(c, "/sync", [("csrf", S.csrf(state))])
    assert page.status_code == 409
    assert erased in page.text and 'id="sync-pushed"' not in page.text
    assert not (b / ".git" / "MERGE_HEAD").exists()
    listing = _git(tmp, "ls-remote", url)
    assert listing  # the remote is untouched by the refused sync
    fresh = _clone(url, tmp / "fresh")
    assert erased not in {p.name for p in (fresh / "customers").glob("*/*")}
    assert Store.open(b).customer_records(erased)  # the old clone's data is not silently merged away
