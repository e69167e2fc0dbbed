"""`helpcentre serve`: arguments and exit codes; the preview is helpcentre.site.preview."""

from __future__ import annotations

import argparse
import logging
import sys

from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..site.preview import DEFAULT_PORT, MAX_PORT, port_number

    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                        help=f"the port to serve on, 1 to {MAX_PORT} (default: {DEFAULT_PORT})")
    parser.epilog = ("It watches content/ (articles and the registries in content/_data), mkdocs.yml, "
                     "translations/ and overrides/, rebuilds on every save, and open pages reload by "
                     "themselves. When a build fails, every page shows its errors, with file and line, "
                     "until a save fixes them. It listens on 127.0.0.1 only.")
    parser.add_argument("--lang", metavar="CODE",
                        help="preview only this language; an edit to an article's text shows in "
                             "about a second (without --lang every change rebuilds every language)")


def run(args: argparse.Namespace) -> int:
    from ..site import preview
    from ..site.engine import UnknownLanguage

    day = common.today(args)
    config_file = str(args.root / "mkdocs.yml")
    common.project(args)
    problem = preview.port_problem(args.port)
    if problem:
        print(f"helpcentre serve: {problem}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    try:
        return preview.serve(args.root, config_file, args.lang, args.port, day)
    except UnknownLanguage as exc:
        raise UsageError(str(exc)) from None
