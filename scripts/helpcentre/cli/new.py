"""`helpcentre new`: start an article, or a translation of one, from a valid skeleton.

Skeletons come from the one schema (helpcentre.content.scaffold); a translation
is stamped with the English version it starts from (freshness.sync.start_translation).
"""

from __future__ import annotations

import argparse
import re
import sys

from ..content import scaffold
from ..content.schema import ARTICLE_TYPES, ID_EXAMPLE, is_valid_id
from ..freshness.sync import start_translation
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the article id, which is also its file name: lost-2fa-device")
    parser.add_argument("--category", help="the category folder (content/_data/categories.yml)")
    parser.add_argument("--type", choices=ARTICLE_TYPES, help="faq, guide or notice")
    parser.add_argument("--coins", action="append", default=[], metavar="SYMBOLS",
                        help="coin symbols from content/_data/coins.yml: --coins USDT,TRX")
    parser.add_argument("--expires", metavar="YYYY-MM-DD", help="for a notice: the day it ends (required for notices)")
    parser.add_argument("--lang", help="start a translation of the English article instead")
    common.add_root(parser)
    common.add_today(parser)


def run(args: argparse.Namespace) -> int:
    today = common.today(args)
    project = common.project(args)
    if not is_valid_id(args.id):  # the loader's rule (content/schema.py), so `check` agrees
        raise UsageError(f'"{args.id}" is not a valid id; use lowercase words joined by hyphens, like {ID_EXAMPLE}')
    registry = common.registry(project)
    if registry is None:
        return 1
    others = [c for c in project.codes if c != project.default_language]
    try:
        if args.lang:
            if args.lang not in others:
                raise UsageError(f'--lang: "{args.lang}" is not a language to translate into; use one '
                                 f"of {', '.join(others)} (configured in mkdocs.yml)")
            if args.coins or args.expires:
                raise UsageError("--coins and --expires come from the English article; leave them out "
                                 "when starting a translation")
            skeleton = start_translation(project, args.id, category=args.category, lang=args.lang,
                                         article_type=args.type, today=today)
        else:
            if not args.category or not args.type:
                raise UsageError("--category and --type are required for a new article "
                                 "(or give --lang to start a translation)")
            coins = [c.strip().upper() for arg in args.coins for c in re.split(r"[,\s]+", arg) if c.strip()]
            skeleton = scaffold.new_source(project, registry, args.id, category=args.category, article_type=args.type,
                                           coins=coins, expires=args.expires, today=today)
        shown = scaffold.write(project, skeleton, today)
    except scaffold.BadRequest as exc:
        raise UsageError(str(exc)) from None
    except scaffold.Refused as exc:
        common.print_problems(exc.problems)
        print(f"helpcentre new: error: {exc}", file=sys.stderr)
        return 1
    print(f"created {shown}; {skeleton.next_step}, then run `helpcentre check {shown}`")
    return 0
