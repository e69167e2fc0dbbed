"""`helpcentre serve`: arguments and exit codes; the preview is helpcentre.site.preview."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ..site.preview import DEFAULT_PORT, MAX_PORT, port_number

    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                        help=f"the port to serve on, 1 to {MAX_PORT} (default: {DEFAULT_PORT})")
    parser.add_argument("--lang", metavar="CODE",
                        help="preview only this language; an edit to an article shows in about a second")


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
    if args.lang is None:
        # MkDocs' own server reloads mkdocs.yml on every change, so the day goes
        # the way mkdocs.yml reads it (`today: !ENV HELPCENTRE_TODAY`).
        env = dict(os.environ, HELPCENTRE_TODAY=day.isoformat(), NO_MKDOCS_2_WARNING="1")
        os.execve(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", config_file,
                                   "-a", f"{preview.HOST}:{args.port}"], env)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    try:
        return preview.serve_one_language(args.root, config_file, args.lang, args.port, day)
    except UnknownLanguage as exc:
        raise UsageError(str(exc)) from None
