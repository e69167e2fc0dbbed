"""`helpcentre new`: start an article, or a translation of one, from a valid skeleton.

Skeletons come from the one schema (helpcentre.content.scaffold); a translation
is stamped with the English version it starts from and marked pending
(freshness.sync.start_translation).
"""

from __future__ import annotations

import argparse
import re
import sys

from ..content import scaffold
from ..content.registry import Registry
from ..content.schema import ARTICLE_TYPES, ID_EXAMPLE, PENDING, PENDING_FIELD, is_valid_id
from ..freshness.sync import start_translation
from . import UsageError, common

EPILOG = (f"A translation started with --lang is an English copy marked `{PENDING_FIELD}: {PENDING}`: "
          "readers of that language see the English article, with the note that it is not translated "
          "yet, and `helpcentre check` warns about the file. Translate it, then run `helpcentre "
          "translations sync PATH`, which removes the line. See CONTRIBUTING.md.")
EXAMPLE = f"helpcentre new {ID_EXAMPLE} --category security --type faq --coins USDT TRX"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # argparse would print `[ID]` (see below why it is optional for argparse); the id is required.
    parser.usage = ("%(prog)s ID --category CATEGORY --type {faq,guide,notice,risk,troubleshooter}\n"
                    "       [--coins SYMBOL ...] [--expires YYYY-MM-DD]\n"
                    "       %(prog)s ID --lang LANG [--category CATEGORY]")
    parser.epilog = EPILOG
    # Optional for argparse, required by run(): with `--coins USDT TRX lost-2fa-device`
    # argparse gives every word to --coins (nargs="+" is greedy), and run() takes the id back.
    parser.add_argument("id", metavar="ID", nargs="?",
                        help=f"the article id (required), which is also its file name: {ID_EXAMPLE}")
    parser.add_argument("--category", help="the category folder (content/_data/categories.yml)")
    parser.add_argument("--type", choices=ARTICLE_TYPES,
                        help="faq, guide, notice, risk (needs --coins) or troubleshooter (needs "
                             "--category troubleshoot)")
    parser.add_argument("--coins", action="extend", nargs="+", default=[], metavar="SYMBOL",
                        help="coin symbols from content/_data/coins.yml, separated by spaces or commas: "
                             "--coins USDT TRX; the id may come right after them")
    parser.add_argument("--expires", metavar="YYYY-MM-DD", help="for a notice: the day it ends (required for notices)")
    parser.add_argument("--lang", help="start a translation of the English article instead; it stays marked "
                                       f"`{PENDING_FIELD}: {PENDING}` (readers see English) until it is synced")
    common.add_root(parser)
    common.add_today(parser)


def split_coins(words: list[str]) -> list[str]:
    """`--coins USDT TRX`, `--coins USDT,TRX`, `--coins "USDT, TRX"`, `--coins usdt --coins trx`: [USDT, TRX]."""
    return [c.upper() for word in words for c in re.split(r"[,\s]+", word) if c]


def article_id(args: argparse.Namespace, registry: Registry) -> str:
    """The ID argument; when it was left out, the last word after --coins if that is an id, not a coin."""
    if args.id is not None:
        return str(args.id)
    last = args.coins[-1] if args.coins else ""
    if is_valid_id(last) and last.upper() not in registry.coins:
        args.coins = args.coins[:-1]
        return str(last)
    if args.coins:
        raise UsageError(f"the article ID is missing: every word after --coins ({' '.join(args.coins)}) was "
                         f"read as a coin symbol; give the id first, like `{EXAMPLE}`")
    raise UsageError(f"the article ID is missing; give it first, like `{EXAMPLE}`")


def run(args: argparse.Namespace) -> int:
    today = common.today(args)
    project = common.project(args)
    registry = common.registry(project)
    if registry is None:
        return 1
    args.id = article_id(args, registry)
    if not is_valid_id(args.id):  # the loader's rule (content/schema.py), so `check` agrees
        raise UsageError(f'"{args.id}" is not a valid id; use lowercase words joined by hyphens, like {ID_EXAMPLE}')
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
            skeleton = scaffold.new_source(project, registry, args.id, category=args.category, article_type=args.type,
                                           coins=split_coins(args.coins), expires=args.expires, today=today)
        shown = scaffold.write(project, skeleton, today)
    except scaffold.BadRequest as exc:
        raise UsageError(str(exc)) from None
    except scaffold.Refused as exc:
        common.print_problems(exc.problems)
        print(f"helpcentre new: error: {exc}", file=sys.stderr)
        return 1
    print(f"created {shown}; {skeleton.next_step}")
    return 0
