"""`helpcentre search "query" --lang zh`: can readers find this?

By default builds the language's index in memory from the current content
(the same index the site build writes) and answers from it with the same
query code the browser runs, so what this prints is what readers see.
``--site build/site`` answers from the index files a build wrote instead:
what the published site holds, without loading the content (for checking a
build, and for evaluations run against one).

After the results it names the query's words that no article uses in any
form the search tries, as the site does under its results: the words a
writer may add as a keyword or synonym.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..search import lookup
from ..search.query import MAX_QUERY_LENGTH
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("query", help="what a reader would type")
    parser.add_argument("--lang", help="the reader's language (default: the default language)")
    parser.add_argument("--limit", type=int, default=10, help="how many results (default: 10)")
    parser.add_argument("--expect", metavar="ARTICLE_ID",
                        help="exit 1 unless this article is among the results (for scripts)")
    parser.add_argument("--site", type=Path, metavar="DIR",
                        help="answer from the index files of a built site (e.g. build/site) instead of "
                             "the content; --root and --today are then not used")
    parser.add_argument("--json", action="store_true",
                        help="print the results as JSON (rank, id, url, title, fallback, score), "
                             "and the words no article uses")


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError(f"--limit: expected a number of results of 1 or more, found {args.limit}")
    if args.site:
        try:
            index = lookup.from_site(args.site, args.lang)
        except lookup.NoIndex as exc:
            raise UsageError(f"--site: {exc}") from None
    else:
        corpus = common.corpus(args)
        if corpus is None:
            return 2
        try:
            index, problems = lookup.from_content(corpus, args.lang, common.today(args))
        except lookup.NoIndex as exc:
            raise UsageError(f"--lang: {exc}") from None
        common.print_problems(problems)
    lang = index.lang
    if len(args.query) > MAX_QUERY_LENGTH:  # stderr, so --json output stays valid
        print(f"helpcentre search: the query is {len(args.query)} characters long; only its first "
              f"{MAX_QUERY_LENGTH} were searched", file=sys.stderr)
    hits = index.search(args.query, args.limit)
    missing = index.missing(args.query)
    if args.json:
        print(json.dumps({"query": args.query, "lang": lang, "results": [lookup.as_json(h) for h in hits],
                          "missing": list(missing)}, ensure_ascii=False, indent=1))
    else:
        if not hits:
            print(f'no results for "{args.query}" in {lang}')
        else:
            width = max(len(h.id) for h in hits)
            for hit in hits:
                label = f" [{index.fallback_label}]" if hit.fallback else ""
                print(f"{hit.rank:>2}. {hit.id:<{width}}  {hit.title}{label}  {hit.url}")
        if missing:  # what the site shows under the results: a keyword or synonym may be due
            print("no article uses: " + ", ".join(f'"{word}"' for word in missing))
    if not hits:
        return 1
    if args.expect and args.expect not in {h.id for h in hits}:
        print(f'"{args.expect}" is not in the first {args.limit} results', file=sys.stderr)
        return 1
    return 0
