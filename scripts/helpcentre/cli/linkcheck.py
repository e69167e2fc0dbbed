"""`helpcentre linkcheck`: check the built site's own links, offline.

Run after `helpcentre build`: every href and src in build/site must reach a
file inside the site. No network is used; external addresses are vetted in
the articles by `helpcentre check`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..checks.report import FORMATS, emit
from ..checks.sitelinks import check_site
from ..content.project import read_mkdocs_yml
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
    site = args.site_dir or args.root / _configured_site_dir(args.root)
    if not (site / "index.html").is_file():
        raise UsageError(f"{site} has no index.html; build the site first "
                         "(`helpcentre build --strict`)")
    try:
        shown = site.resolve().relative_to(args.root.resolve()).as_posix()
    except ValueError:
        shown = site.as_posix()
    problems, pages = check_site(site, shown=shown)
    emit(problems, pages, fmt=args.format, summary_path=args.summary,
         title="Link check of the built site")
    return 1 if problems else 0


def _configured_site_dir(root: Path) -> str:
    config = root / "mkdocs.yml"
    if not config.is_file():
        return "build/site"
    return str(read_mkdocs_yml(config).get("site_dir") or "site")
