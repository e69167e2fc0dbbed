"""`helpcentre build`: arguments and exit codes; the engine is helpcentre.site.engine."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from pathlib import Path

from . import UsageError, common

UNEXPECTED_SHOWN = 200  # characters of an unexpected error's message shown (one line, not a page)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings (missing UI strings, broken links), as CI does")
    parser.add_argument("--site-dir", type=Path, help="where to write the site "
                        "(default: site_dir in mkdocs.yml, build/site; with --lang X: build/parts/X)")
    parser.add_argument("--lang", metavar="CODE",
                        help="build only this language, into a folder that --merge joins with the others")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="build the languages in N processes at once (default: every core, "
                             f"{os.cpu_count()} here); 1 builds them one after another in one process")
    parser.add_argument("--merge", nargs="+", type=Path, metavar="PART",
                        help="join folders written by --lang builds (one per language) into the site")
    parser.add_argument("--debug", action="store_true",
                        help="on an unexpected error, also print the Python traceback (for developers; "
                             "without it the error is one line)")


def run(args: argparse.Namespace) -> int:
    day = common.today(args)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, found {args.jobs}")
    if args.merge and args.lang:
        raise UsageError("--merge joins finished parts; it cannot be combined with --lang")
    common.project(args)  # a clear message when --root has no mkdocs.yml
    from mkdocs.exceptions import MkDocsException

    from ..site import engine, i18n

    request = engine.Request(root=args.root, today=day, strict=args.strict, site_dir=args.site_dir,
                             lang=args.lang, jobs=args.jobs, merge=tuple(args.merge or ()), debug=args.debug)
    started = time.monotonic()
    try:
        engine.build(request)
    except (engine.UnknownLanguage, i18n.NoI18n) as exc:
        raise UsageError(str(exc)) from None
    except (MkDocsException, engine.MergeError) as exc:  # messages written for the writer
        return _failed(str(exc))
    except engine.SwapError as exc:
        return _failed(str(exc), exc.after)
    except KeyboardInterrupt:
        print("helpcentre build: stopped; the previous site was left as it was", file=sys.stderr)
        raise
    except Exception as exc:  # noqa: BLE001 - a bug: one clear line, the traceback only on --debug
        if args.debug:
            traceback.print_exc()
        return _failed(unexpected(exc) + ("" if args.debug else "; run the build again with --debug "
                                          "and send what it prints to the developers"))
    if not (args.merge or args.lang):
        print(f"helpcentre build: built in {time.monotonic() - started:.1f} s")
    return 0


def _failed(message: str, after: str = "the previous site was left as it was") -> int:
    print(f"helpcentre build: failed: {message}", file=sys.stderr)
    print(f"helpcentre build: {after}", file=sys.stderr)
    return 1


def unexpected(exc: BaseException) -> str:
    """An unexpected error in one line: its kind and the start of its message."""
    text = " ".join(str(exc).split())
    if len(text) > UNEXPECTED_SHOWN:
        text = text[:UNEXPECTED_SHOWN - 1] + "…"
    kind = type(exc).__name__
    return f"unexpected error ({kind}: {text})" if text else f"unexpected error ({kind})"
