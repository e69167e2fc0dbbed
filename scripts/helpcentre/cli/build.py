"""`helpcentre build`: build the site without ever leaving a half-written one.

MkDocs writes straight into its site_dir, so a build that fails half-way would
leave a broken site behind. We build into a sibling folder and swap it in only
when the build succeeded; a failed build leaves the previous build/site intact.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path

from . import common

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings (missing UI strings, broken links), as CI does")
    parser.add_argument("--site-dir", type=Path, help="where to write the site "
                        "(default: site_dir in mkdocs.yml, build/site)")


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    day = common.today(args)
    os.environ["HELPCENTRE_TODAY"] = day.isoformat()
    config_file = str(args.root / "mkdocs.yml")
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    target = Path(args.site_dir) if args.site_dir else None
    try:
        config = load_config(config_file, strict=args.strict)
        final = (target or Path(config.site_dir)).resolve()
        staging = final.with_name(f".{final.name}.staging-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        config = load_config(config_file, strict=args.strict, site_dir=str(staging))
        build(config)
    except MkDocsException as exc:
        print(f"helpcentre build: failed: {exc}", file=sys.stderr)
        print("helpcentre build: the previous site was left as it was", file=sys.stderr)
        if "staging" in locals():
            shutil.rmtree(staging, ignore_errors=True)
        return 1
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    print(f"helpcentre build: site written to {final}")
    return 0
