"""A record saved with CRLF line ends (Windows) is committed with LF, through `koto add` and through
`koto commit` of a file edited in place, and the working tree is left clean: a later one-field edit
is one changed line in Git (review 2026-12-newcomer, C5). Real repositories, real `koto` processes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kototieto.store.yamlio import new_document_text
from tests.store_git import _support as S


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    S.hermetic(tmp_path, monkeypatch)


def _blob(repo: Path, path: str) -> bytes:
    """The committed bytes (``S.git`` reads text, which would turn CRLF into LF)."""
    return subprocess.run(["git", "show", f"HEAD:{path}"], cwd=repo, capture_output=True, check=True).stdout


def _crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


def test_crlf_record_is_committed_with_lf_and_a_later_edit_is_one_line(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    S.make_repo(repo)
    source = tmp_path / "c-0000000c.yaml"
    source.write_bytes(
        _crlf(new_document_text(S.customer("c-0000000c"), "../../../schema/record.schema.json"))
    )
    out = S.koto(repo, "add", str(source))
    assert out.returncode == 0, out.stderr
    path = S.git(repo, "ls-files", "customers").strip()
    committed = _blob(repo, path)
    assert b"\r" not in committed and committed.count(b"\n") > 10
    assert b"\r" not in (repo / path).read_bytes()
    assert S.git(repo, "status", "--porcelain") == ""

    # edited in place by a Windows editor: CRLF again, one field changed
    text = (repo / path).read_text(encoding="utf-8")
    assert "last_name: " in text
    old = next(line for line in text.splitlines() if line.startswith("last_name: "))
    (repo / path).write_bytes(_crlf(text.replace(old, "last_name: Korjattu")))
    out = S.koto(repo, "commit", "-m", "sukunimi korjattu")
    assert out.returncode == 0, out.stderr
    stat = S.git(repo, "diff", "--numstat", "HEAD~1", "HEAD").split()
    assert stat[:2] == ["1", "1"], stat
    assert b"\r" not in _blob(repo, path)
    assert S.git(repo, "status", "--porcelain") == ""
