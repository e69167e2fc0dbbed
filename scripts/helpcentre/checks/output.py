"""Problems as text for people, JSON for tools, GitHub annotations and a job summary.

Every format lists problems in the same order (path, then line), so two runs
over the same content print the same thing and their diffs are readable.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..content.problems import Problem

FORMATS = ("text", "json", "github")


def summary(problems: Sequence[Problem], files: int) -> str:
    """`2 errors, 1 warning in 45 files` (or `no problems in 45 files`)."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    where = f"in {files} file{'s' if files != 1 else ''}"
    if not problems:
        return f"no problems {where}"
    return (f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''} {where}")


def as_text(problems: Sequence[Problem], files: int) -> str:
    return "".join(f"{p}\n" for p in problems) + summary(problems, files) + "\n"


def as_json(problems: Sequence[Problem]) -> str:
    items = [{"path": p.path, "line": p.line, "severity": p.severity, "message": p.message}
             for p in problems]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    # GitHub's workflow-command escaping (toolkit/packages/core/src/command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: Sequence[Problem], files: int) -> str:
    """`::error file=...,line=...::message`: pull requests show them on the lines."""
    lines = [f"::{p.severity} file={_escape_property(p.path)},line={p.line}::"
             f"{_escape_data(p.message)}" for p in problems]
    return "".join(f"{line}\n" for line in lines) + summary(problems, files) + "\n"


def as_markdown(problems: Sequence[Problem], files: int, *, title: str = "Content check") -> str:
    """A job summary ($GITHUB_STEP_SUMMARY): a table a reviewer reads at a glance."""
    out = [f"## {title}", "", summary(problems, files).capitalize() + "."]
    if problems:
        out += ["", "| | File | Line | Problem |", "|---|---|---|---|"]
        for p in problems:
            icon = "❌" if p.severity == "error" else "⚠️"
            out.append(f"| {icon} {p.severity} | `{p.path}` | {p.line} | {_cell(p.message)} |")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def emit(problems: Sequence[Problem], files: int, *, fmt: str, summary_path: Path | None,
         title: str = "Content check") -> None:
    """Print problems in ``fmt`` (text, json, github); append Markdown to ``summary_path``
    (the CI job summary, $GITHUB_STEP_SUMMARY) when given."""
    if fmt == "json":
        sys.stdout.write(as_json(problems))
    elif fmt == "github":
        sys.stdout.write(as_github(problems, files))
    else:
        sys.stdout.write(as_text(problems, files))
    if summary_path:
        with summary_path.open("a", encoding="utf-8") as out:
            out.write(as_markdown(problems, files, title=title))
