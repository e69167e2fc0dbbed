"""The one shape every check reports in: ``path:line: severity: message``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """A problem found in a file, pointing at the line a writer should edit.

    ``order=True`` with ``path`` first makes ``sorted()`` give the stable
    path-then-line order that reports promise.
    """

    path: str
    line: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used at all (e.g. a registry is broken).

    Carries the problems so callers can print every one of them, not just the first.
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
