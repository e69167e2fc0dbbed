"""`helpcentre feedback import FILE`: readers' answers from the feedback form, into the store.

The work is helpcentre.freshness.feedback_import; this parses arguments,
prints what it returns and maps it to an exit code: 0 rows were imported
(even with some skipped, even when all were imported before), 1 nothing could
be imported or the file could not be read, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..freshness.feedback import MIN_VOTES, NOT_HELPFUL_PERCENT, STORE, FeedbackError
from ..freshness.feedback_import import MAX_EXPORT_BYTES, columns_help, import_file
from . import UsageError, common

IMPORT_HELP = "add an export of the feedback form (CSV or JSON) to the feedback store"


def _epilog() -> str:
    return (f"columns (keys in JSON), in any order and letter case; others are ignored:\n{columns_help()}\n\n"
            "A row whose reason is not-found is a search that found nothing, or not every word typed; every\n"
            "other row is a vote on an article. CSV may be separated by commas, semicolons or tabs; JSON is a\n"
            "list of rows or one row per line. "
            f"The file must be UTF-8 (with or without a BOM) and at most {MAX_EXPORT_BYTES // 1024 // 1024} "
            f"MB.\n\nRows are added to {STORE} (never published); importing the same export again adds "
            "nothing.\n"
            f"`helpcentre check` warns about an article with at least {MIN_VOTES} votes since its last review "
            f"and over {NOT_HELPFUL_PERCENT}%\nof them not helpful; `helpcentre report` shows the votes and the "
            "searches that found nothing or not every word.\n\n"
            "exit codes: 0 rows imported (some may be skipped), 1 nothing imported or the file unreadable, "
            "2 bad usage")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = actions.add_parser("import", help=IMPORT_HELP, description=IMPORT_HELP, epilog=_epilog(),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    imp.add_argument("file", type=Path, metavar="FILE", help="the export: a .csv or .json file")
    common.add_today(imp)
    common.add_root(imp)


def run(args: argparse.Namespace) -> int:
    day = common.today(args)
    if not args.file.exists():
        raise UsageError(f"no such file: {args.file}")
    if args.file.is_dir():
        raise UsageError(f"{args.file} is a folder; give the export file")
    corpus = common.corpus(args)
    if corpus is None:
        return 1
    try:
        result = import_file(corpus, args.file, str(args.file), day)
    except FeedbackError as exc:
        print(exc.problem, file=sys.stderr)
        return 1
    print("\n".join(result.lines()))
    return 0 if result.ok else 1
