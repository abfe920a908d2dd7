"""Failures a user can cause, turned into the error hierarchy (``kototieto.errors``).

``as_koto_error`` maps an exception that is not a ``KotoError`` but has a cause the user can
fix (an output folder that does not exist, no permission, a full disk, a missing system library
such as Pango for PDFs) to the matching ``KotoError`` with a message in the user's language.
Anything else returns None: the CLI then logs the traceback and prints one line naming the log.
"""

from __future__ import annotations

import errno
import re

from kototieto.cli import messages as M
from kototieto.errors import KotoError, NotAllowedError, OutputError, RemoteError, SystemLibraryError

_LIBRARY = re.compile(r"cannot load library '([^']+)'|(lib[\w.-]+\.so[\w.]*)|no library called \"([^\"]+)\"")


def _path_of(exc: OSError) -> str:
    name = exc.filename if exc.filename is not None else exc.filename2
    return str(name) if name is not None else "-"


def as_koto_error(exc: BaseException) -> KotoError | None:
    """The ``KotoError`` for ``exc`` (itself if it is one), or None when the cause is unknown."""
    if isinstance(exc, KotoError):
        return exc
    if isinstance(exc, OSError):
        text = str(exc)
        library = _LIBRARY.search(text)
        if library is not None and ("library" in text or ".so" in text):
            name = next(g for g in library.groups() if g)
            return SystemLibraryError(M.MISSING_LIBRARY.format(library=name))
        path = _path_of(exc)
        if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
            return NotAllowedError(M.NO_PERMISSION.format(path=path))
        if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
            return OutputError(M.NO_SUCH_PATH.format(path=path))
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return OutputError(M.DISK_FULL.format(path=path))
        if exc.errno == errno.EROFS:
            return OutputError(M.READ_ONLY.format(path=path))
        if isinstance(exc, IsADirectoryError):
            return OutputError(M.IS_A_FOLDER.format(path=path))
        if exc.filename is not None:
            return OutputError(M.OS_ERROR.format(path=path, error=exc.strerror or type(exc).__name__))
        return None
    module = type(exc).__module__ or ""
    remote_words = ("remote", "network", "authenticat", "resolve host", "connect", "ssh", "http")
    if (module.startswith("pygit2") or type(exc).__name__ == "GitError") and any(
        word in str(exc).lower() for word in remote_words
    ):
        return RemoteError(M.GIT_ERROR.format(error=str(exc)))
    return None
