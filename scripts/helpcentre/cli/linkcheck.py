"""`helpcentre linkcheck`: after a build, every href and src in the site must reach a file in it.

Offline (helpcentre.checks.sitelinks): external addresses are vetted in the articles by `helpcentre check`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..checks.output import FORMATS, emit
from ..checks.project import NoSite, check_built_site
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-dir", type=Path,
                        help="the built site (default: site_dir in mkdocs.yml, build/site)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), json, or github (annotations)")
    parser.add_argument("--summary", type=Path, metavar="FILE",
                        help="also append a Markdown report to FILE (in CI: $GITHUB_STEP_SUMMARY)")
    common.add_root(parser)


def run(args: argparse.Namespace) -> int:
    try:
        problems, pages = check_built_site(args.root, args.site_dir)
    except NoSite as exc:
        raise UsageError(str(exc)) from None
    emit(problems, pages, fmt=args.format, summary_path=args.summary, title="Link check of the built site")
    return 1 if problems else 0
