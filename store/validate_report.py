"""What ``koto validate`` reports: one ``FileProblem`` per problem, a ``ValidationReport`` in all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kototieto.errors import ExitCode

__all__ = ["FileProblem", "ValidationReport"]


@dataclass(frozen=True)
class FileProblem:
    """One problem of one file, with its messages in every language."""

    file: str
    line: int | None
    column: int | None
    path: tuple[str | int, ...]
    severity: str
    rule: str
    messages: dict[str, str]

    def message(self, lang: str = "fi") -> str:
        return self.messages.get(lang) or self.messages.get("en") or next(iter(self.messages.values()), "")

    @property
    def dotted_path(self) -> str:
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out

    def to_json(self, lang: str = "fi") -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.dotted_path,
            "severity": self.severity,
            "rule": self.rule,
            "message": self.message(lang),
        }


@dataclass
class ValidationReport:
    """Every problem found, and counts of what was done (``parsed_files`` proves the cache works)."""

    problems: list[FileProblem] = field(default_factory=list)
    files: int = 0
    records: int = 0
    parsed_files: int = 0  # files read as YAML in this run
    revalidated_files: int = 0  # files validated from cached data (no YAML parsing)
    cached_files: int = 0  # files whose result came from the cache as it was
    workers: int = 1

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        return self.errors == 0

    @property
    def exit_code(self) -> int:
        return ExitCode.OK if self.ok else ExitCode.INVALID

    def summary(self) -> dict[str, int]:
        return {
            "files": self.files,
            "records": self.records,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": sum(1 for p in self.problems if p.severity == "info"),
            "parsed_files": self.parsed_files,
            "revalidated_files": self.revalidated_files,
            "cached_files": self.cached_files,
        }

    def to_json(self, lang: str = "fi") -> dict[str, Any]:
        return {"problems": [p.to_json(lang) for p in self.problems], "summary": self.summary()}
