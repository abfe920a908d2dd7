"""kototieto.fsutil: the one atomic file write (records, documents, comments, exports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kototieto.fsutil import atomic_output, atomic_write


def test_writes_and_replaces_leaving_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "a.txt"
    atomic_write(target, "ä\n")
    assert target.read_bytes() == "ä\n".encode()
    atomic_write(target, b"new", durable=True)
    assert target.read_bytes() == b"new"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.txt"]


def test_a_failure_keeps_the_old_file_and_removes_the_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "b.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.xlsx"]


def test_a_path_that_cannot_be_written_is_an_oserror(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        atomic_write(blocker / "x.csv", "a")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
