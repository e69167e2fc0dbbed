"""`helpcentre translations sync|diff|status`: keep translations in step with English.

The work (stamping, the diff from git history, the status per language) is
helpcentre.freshness.sync; this parses arguments and prints what it returns.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..freshness import sync
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    stamp = actions.add_parser("sync", help="stamp translations you have checked against the English article as "
                                            "matching its current version")
    stamp.add_argument("paths", nargs="+", metavar="PATH", type=Path,
                       help="translation files, like content/zh/security/set-up-2fa.md")
    diff = actions.add_parser("diff", help="show what changed in the English article since the translation "
                                           "was stamped")
    diff.add_argument("path", metavar="PATH", type=Path, help="one translation file")
    status = actions.add_parser("status", help="list outdated and untranslated articles per language")
    status.add_argument("--lang", help="only this language (a code from mkdocs.yml)")
    common.add_today(status)
    for sub in (stamp, diff, status):
        common.add_root(sub)


def run(args: argparse.Namespace) -> int:
    project = common.project(args)
    if args.action == "status":
        return _status(args, project.codes, project.default_language)
    paths, act = (args.paths, sync.sync_one) if args.action == "sync" else ([args.path], sync.diff_report)
    try:  # every path is checked before any file is touched
        pairs = [sync.locate(project, path, args.root) for path in paths]
    except sync.NotATranslation as exc:
        raise UsageError(str(exc)) from None
    failed = 0
    for pair in pairs:
        try:
            report = act(project, pair)
        except sync.CannotSync as exc:
            failed += 1
            print(exc, file=sys.stderr)
        else:
            sys.stdout.write(report.text)
            failed += report.found
    return 1 if failed else 0


def _status(args: argparse.Namespace, codes: tuple[str, ...], default: str) -> int:
    if args.lang is not None:
        if args.lang not in codes:
            raise UsageError(f"--lang: \"{args.lang}\" is not a configured language; expected "
                             f"one of {', '.join(codes)}")
        if args.lang == default:
            raise UsageError(f"--lang: {args.lang} is the language translations are made from; "
                             "give a translation language")
    loaded = common.corpus_and_policy(args)
    if loaded is None:
        return 1
    report = sync.status_report(*loaded, common.today(args), args.lang)
    sys.stdout.write(report.text)
    return 1 if report.found else 0
