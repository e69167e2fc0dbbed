"""`helpcentre serve`: MkDocs' live-reload preview on 127.0.0.1 only."""

from __future__ import annotations

import argparse
import os
import sys

from . import common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--port", type=int, default=8000, help="default: 8000")


def run(args: argparse.Namespace) -> int:
    day = common.today(args)
    env = dict(os.environ, HELPCENTRE_TODAY=day.isoformat(), NO_MKDOCS_2_WARNING="1")
    argv = [sys.executable, "-m", "mkdocs", "serve", "--livereload",
            "-f", str(args.root / "mkdocs.yml"), "-a", f"127.0.0.1:{args.port}"]
    os.execve(sys.executable, argv, env)
    return 0  # pragma: no cover - execve does not return
