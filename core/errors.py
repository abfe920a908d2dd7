"""One error hierarchy for the whole tool.

Library code raises these; only the CLI (``kototieto.cli.main``) turns them into messages and exit
codes. Messages are written for a municipal official: what went wrong, where, and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    """Base of every expected failure. ``exit_code`` is what the CLI returns."""

    exit_code: int = ExitCode.UNEXPECTED

    def __init__(self, message: str, *, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is not None:
            return f"{self.location}: {self.message}"
        return self.message


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
        self, message: str, *, problems: list[object] | None = None, location: Location | None = None
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
