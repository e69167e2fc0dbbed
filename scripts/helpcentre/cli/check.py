"""`helpcentre check`: every problem in the content, all at once.

Loads the whole help centre (translations need their English sources, links
need every article) and reports problems sorted by path then line. Given
PATHS, it still loads everything but reports only problems in those files or
folders, so a writer (or pre-commit) hears about what they changed.
Exit codes: 0 no errors (warnings allowed), 1 errors, 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..checks import run_all
from ..checks.report import FORMATS, emit
from ..content.corpus import article_files, load_corpus
from ..content.problems import ContentError, Problem
from ..content.project import Project
from ..content.registry import load_registry
from ..content.ui import UIStrings, load_ui_strings
from ..search.stopwords import stopwords_path
from ..search.synonyms import synonyms_path
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="report only problems in these files or folders (default: all); "
                             "everything is still loaded, since translations need their sources")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), json, or github (annotations on pull requests)")
    parser.add_argument("--summary", type=Path, metavar="FILE",
                        help="also append a Markdown report to FILE (in CI: $GITHUB_STEP_SUMMARY)")
    common.add_root(parser)
    common.add_today(parser)


def run(args: argparse.Namespace) -> int:
    today = common.today(args)
    scope = _scope(args.paths)
    try:
        project = common.project(args)
    except ContentError as exc:  # mkdocs.yml itself cannot be used
        problems, files = list(exc.problems), 1
    else:
        problems = [p for p in check_project(project, today) if _inside(project, p, scope)]
        files = sum(_inside_path(f.resolve(), scope) for f in checked_files(project))
    emit(problems, files, fmt=args.format, summary_path=args.summary)
    return 1 if any(p.severity == "error" for p in problems) else 0


def check_project(project: Project, today: dt.date) -> list[Problem]:
    """Every problem in the help centre, sorted by path then line."""
    try:
        registry = load_registry(project)
    except ContentError as exc:  # nothing else can be checked without the registries
        return list(exc.problems)
    problems: list[Problem] = []
    ui: UIStrings | None
    try:
        ui = load_ui_strings(project)
    except ContentError as exc:
        ui = None
        problems.extend(exc.problems)
    corpus = load_corpus(project, registry, today=today)
    problems.extend(run_all(corpus, ui, today))
    return sorted(set(problems))


def checked_files(project: Project) -> list[Path]:
    """What a run reads: articles, registries, UI strings and search word lists (for the summary line)."""
    word_lists = [path(project, code) for code in project.codes for path in (synonyms_path, stopwords_path)]
    return [*article_files(project), *sorted(project.data_dir.glob("*.yml")),
            *(project.translations_dir / f"{code}.yml" for code in project.codes),
            *(p for p in word_lists if p.is_file())]


def _scope(paths: list[Path]) -> list[Path] | None:
    if not paths:
        return None
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    return [p.resolve() for p in paths]


def _inside(project: Project, problem: Problem, scope: list[Path] | None) -> bool:
    return scope is None or _inside_path((project.root / problem.path).resolve(), scope)


def _inside_path(path: Path, scope: list[Path] | None) -> bool:
    return scope is None or any(path == s or s in path.parents for s in scope)
