"""A repository without extension definitions keeps no extension value unchecked.

The national model takes any ``<org>.<name>`` key under ``extensions`` (a file checked on its own
cannot know a pilot's definitions); in a repository, a key that nothing declares is an error at the
key, for every entry point of the one pipeline (``koto add``, ``koto validate``, ``koto check``),
and nothing is committed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kototieto.store.yamlio import new_document_text
from tests.store_git import _support as S


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    S.hermetic(tmp_path, monkeypatch)
    root = tmp_path / "vaasa"
    S.make_repo(root, organisation_code="905", name="Vaasan kaupunki")
    assert not (root / "extensions").exists()
    return root


def _customer_with_extension(root: Path) -> Path:
    data = S.customer("c-0a1b2c3d")
    data["extensions"] = {"905.digitaidot": "perus"}
    path = root / "incoming.yaml"
    path.write_text(new_document_text(data, None), encoding="utf-8")
    return path


def test_an_undeclared_extension_key_is_refused_in_a_repository(repo: Path) -> None:
    path = _customer_with_extension(repo)
    head = S.git(repo, "rev-parse", "HEAD")
    out = S.koto(repo, "add", str(path))
    assert out.returncode == 5, (out.stdout, out.stderr)
    assert (
        "extensions.905.digitaidot" in out.stderr and "Unknown extension field '905.digitaidot'" in out.stderr
    )
    assert S.git(repo, "rev-parse", "HEAD") == head  # nothing committed
    out = S.koto(repo, "add", str(path), env={"KOTO_LANG": "sv"})
    assert "Okänt tilläggsfält '905.digitaidot'" in out.stderr
    out = S.koto(repo, "check", str(path))
    assert out.returncode == 5 and "905.digitaidot" in out.stdout + out.stderr


def test_a_record_file_checked_outside_any_repository_keeps_the_national_model(
    tmp_path: Path, repo: Path
) -> None:
    path = _customer_with_extension(repo)
    alone = tmp_path / "alone"
    alone.mkdir()
    moved = alone / "c.yaml"
    moved.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    out = S.koto(alone, "check", str(moved))
    assert out.returncode == 0, (out.stdout, out.stderr)


def test_validate_names_an_undeclared_key_that_came_in_through_git(repo: Path) -> None:
    from kototieto.store.layout import record_path

    data = S.customer("c-0a1b2c3d")
    data["extensions"] = {"905.digitaidot": "perus"}
    target = repo / record_path("c-0a1b2c3d", "c-0a1b2c3d")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(new_document_text(data, None), encoding="utf-8")
    S.git(repo, "add", "-A")
    S.git(repo, "commit", "-q", "--no-verify", "-m", "plain git")
    out = S.koto(repo, "validate")
    assert out.returncode == 5 and "905.digitaidot" in out.stdout, (out.stdout, out.stderr)
