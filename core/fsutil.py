"""Writing files atomically: readers see the old file or the new one, never a part of it.

The one helper for every file the tool writes in place (records in the working tree, rendered
documents, the comments files and their exports). The content goes to a temporary file in the
same folder (so the final rename stays on one file system), which then replaces the target; on
any failure the temporary file is removed and the target is left as it was. ``durable`` also
fsyncs the file and its folder (records: a crash right after must not lose a commit's file).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_output", "atomic_write"]

#: The mode of a file the tool writes (mkstemp's own is 0600).
FILE_MODE = 0o644


@contextlib.contextmanager
def atomic_output(path: Path | str, *, durable: bool = False) -> Iterator[Path]:
    """A temporary path next to ``path`` to write to; it replaces ``path`` when the block ends
    without an error, and is removed otherwise (for writers that want a file name, e.g. openpyxl)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if durable:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    if durable:
        _sync_folder(target.parent)


def atomic_write(
    path: Path | str, content: bytes | str, *, durable: bool = False, encoding: str = "utf-8"
) -> None:
    """Write ``content`` (text is encoded with ``encoding``) to ``path`` atomically."""
    data = content.encode(encoding) if isinstance(content, str) else content
    with atomic_output(path, durable=durable) as tmp:
        tmp.write_bytes(data)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
