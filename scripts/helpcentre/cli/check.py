"""`helpcentre check`: every problem in the content, all at once; the work is helpcentre.checks.project.

Given PATHS, it still loads everything but reports only problems in those files or folders.
Exit codes: 0 no errors (warnings allowed), 1 errors, 2 bad usage.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..checks.output import FORMATS, emit
from ..checks.project import check_scope
from ..content.problems import ContentError
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
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    try:
        project = common.project(args)
    except ContentError as exc:  # mkdocs.yml itself cannot be used
        problems, files = list(exc.problems), 1
    else:
        problems, files = check_scope(project, today, [p.resolve() for p in args.paths] or None)
    emit(problems, files, fmt=args.format, summary_path=args.summary)
    return 1 if any(p.severity == "error" for p in problems) else 0
