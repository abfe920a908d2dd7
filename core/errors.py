"""One error hierarchy for the whole tool.

Library code raises these; only the CLI (``kototieto.cli.main``) turns them into messages and exit
codes. Messages are written for a municipal official: what went wrong, where, and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kototieto.i18n import Localised, tr


class ExitCode:
    """Named exit codes, stable for scripts."""

    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    NOT_FOUND = 3
    NO_REPOSITORY = 4
    INVALID = 5
    CONFLICT = 6
    NOTHING_TO_DO = 7
    NOT_ALLOWED = 8
    FORMAT_VERSION = 9
    REMOTE = 10
    OUTPUT = 11
    SYSTEM = 12
    INTERRUPTED = 130

    @classmethod
    def name_of(cls, code: int) -> str:
        """The stable name of ``code`` (``invalid``, ``not-found`` ...), for JSON error output."""
        for name, value in vars(cls).items():
            if name.isupper() and value == code:
                return name.lower().replace("_", "-")
        return "unexpected"


@dataclass(frozen=True)
class Location:
    """Where in a file a problem is: 1-based line and column, when known."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        out = self.file
        if self.line is not None:
            out += f":{self.line}"
            if self.column is not None:
                out += f":{self.column}"
        return out


class KotoError(Exception):
    """Base of every expected failure. ``exit_code`` is what the CLI returns.

    ``message`` may be a plain string or a text in three languages (``T(fi, sv, en)``); ``str()``
    gives it in the run's language (kototieto.i18n). ``text`` keeps what was given.
    """

    exit_code: int = ExitCode.UNEXPECTED

    def __init__(self, message: str | Localised, *, location: Location | None = None) -> None:
        super().__init__(message)
        self.text = message
        self.location = location

    @property
    def message(self) -> str:
        return tr(self.text)

    def localized(self, lang: str) -> str:
        """The whole message (with its location) in ``lang``."""
        text = tr(self.text, lang)
        return f"{self.location}: {text}" if self.location is not None else text

    def __str__(self) -> str:
        if self.location is not None:
            return f"{self.location}: {self.message}"
        return self.message

    def to_json(self) -> dict[str, Any]:
        """The error for ``--json`` output: stable code name, exit code, message, location."""
        out: dict[str, Any] = {
            "error": ExitCode.name_of(self.exit_code),
            "exit_code": self.exit_code,
            "message": self.message,
        }
        if self.location is not None:
            out["location"] = {
                "file": self.location.file,
                "line": self.location.line,
                "column": self.location.column,
            }
        return out


class UsageError(KotoError):
    exit_code = ExitCode.USAGE


class NotFoundError(KotoError):
    exit_code = ExitCode.NOT_FOUND


class NoRepositoryError(KotoError):
    exit_code = ExitCode.NO_REPOSITORY


class InvalidInputError(KotoError):
    """A file could not be read as a record at all (bad YAML, bad encoding, too large...)."""

    exit_code = ExitCode.INVALID


class InvalidRecordError(KotoError):
    """A record was read but breaks the model or its rules. ``problems`` holds every problem."""

    exit_code = ExitCode.INVALID

    def __init__(
        self,
        message: str | Localised,
        *,
        problems: list[object] | None = None,
        location: Location | None = None,
    ) -> None:
        super().__init__(message, location=location)
        self.problems = problems or []


class ConflictError(KotoError):
    exit_code = ExitCode.CONFLICT


class NothingToDoError(KotoError):
    exit_code = ExitCode.NOTHING_TO_DO


class NotAllowedError(KotoError):
    """The writer's organisation type may not write this record (role rules)."""

    exit_code = ExitCode.NOT_ALLOWED


class FormatVersionError(KotoError):
    exit_code = ExitCode.FORMAT_VERSION


class RemoteError(KotoError):
    exit_code = ExitCode.REMOTE


class OutputError(KotoError):
    """A file or folder could not be written or read: no such folder, no permission, disk full."""

    exit_code = ExitCode.OUTPUT


class SystemLibraryError(KotoError):
    """A system library the command needs is missing (Pango for PDFs, Git ...)."""

    exit_code = ExitCode.SYSTEM


class InterruptedByUser(KotoError):
    """Ctrl-C."""

    exit_code = ExitCode.INTERRUPTED
