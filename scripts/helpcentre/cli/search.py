"""`helpcentre search "query" --lang zh`: can readers find this?

Builds the language's index in memory from the current content (the same
index the site build writes) and answers from it with the same query code
the browser runs, so what this prints is what readers see.
"""

from __future__ import annotations

import argparse
import sys

from ..search.index import build_for_language
from ..search.query import SearchIndex
from ..site import paths
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("query", help="what a reader would type")
    parser.add_argument("--lang", help="the reader's language (default: the default language)")
    parser.add_argument("--limit", type=int, default=10, help="how many results (default: 10)")
    parser.add_argument("--expect", metavar="ARTICLE_ID",
                        help="exit 1 unless this article is among the results (for scripts)")


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError(f"--limit: expected a number of results of 1 or more, found {args.limit}")
    corpus = common.corpus(args)
    if corpus is None:
        return 2
    project = corpus.project
    lang = args.lang or project.default_language
    if lang not in project.codes:
        raise UsageError(f'--lang: "{lang}" is not a configured language; expected one of '
                         f"{', '.join(project.codes)} (languages are set in mkdocs.yml)")
    default = project.default_language
    index, problems = build_for_language(
        corpus, lang, common.today(args),
        lambda a, reader: paths.article(reader, default, a.category, a.id))
    for problem in problems:
        print(problem, file=sys.stderr)
    hits = SearchIndex(index).search(args.query, args.limit)
    if not hits:
        print(f'no results for "{args.query}" in {lang}')
        return 1
    width = max(len(h.id) for h in hits)
    for hit in hits:
        label = f" [{index['fallback_label']}]" if hit.fallback else ""
        print(f"{hit.rank:>2}. {hit.id:<{width}}  {hit.title}{label}  {hit.url}")
    if args.expect and args.expect not in {h.id for h in hits}:
        print(f'"{args.expect}" is not in the first {args.limit} results', file=sys.stderr)
        return 1
    return 0
