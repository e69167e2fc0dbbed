"""`helpcentre search "query" --lang zh`: can readers find this?

By default builds the language's index in memory from the current content
(the same index the site build writes) and answers from it with the same
query code the browser runs, so what this prints is what readers see.
``--site build/site`` answers from the index files a build wrote instead:
what the published site holds, without loading the content (for checking a
build, and for evaluations run against one).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..content import paths
from ..search.index import INDEX_NAME, build_for_language
from ..search.query import MAX_QUERY_LENGTH, Hit, IndexFormatError, SearchIndex
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
                        help="print the results as JSON (rank, id, url, title, fallback, score)")


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError(f"--limit: expected a number of results of 1 or more, found {args.limit}")
    loaded = from_site(args.site, args.lang) if args.site else from_content(args)
    if loaded is None:
        return 2
    index, lang = loaded
    if len(args.query) > MAX_QUERY_LENGTH:  # stderr, so --json output stays valid
        print(f"helpcentre search: the query is {len(args.query)} characters long; only its first "
              f"{MAX_QUERY_LENGTH} were searched", file=sys.stderr)
    hits = index.search(args.query, args.limit)
    if args.json:
        print(json.dumps({"query": args.query, "lang": lang, "results": [as_json(h) for h in hits]},
                         ensure_ascii=False, indent=1))
    elif not hits:
        print(f'no results for "{args.query}" in {lang}')
    else:
        width = max(len(h.id) for h in hits)
        for hit in hits:
            label = f" [{index.fallback_label}]" if hit.fallback else ""
            print(f"{hit.rank:>2}. {hit.id:<{width}}  {hit.title}{label}  {hit.url}")
    if not hits:
        return 1
    if args.expect and args.expect not in {h.id for h in hits}:
        print(f'"{args.expect}" is not in the first {args.limit} results', file=sys.stderr)
        return 1
    return 0


def from_content(args: argparse.Namespace) -> tuple[SearchIndex, str] | None:
    corpus = common.corpus(args)
    if corpus is None:
        return None
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
    return SearchIndex(index), lang


def from_site(site: Path, lang: str | None) -> tuple[SearchIndex, str]:
    """The index a build wrote for ``lang``: <site>/<lang>/search/, or <site>/search/ for the default."""
    candidates = ([site / lang / INDEX_NAME] if lang else []) + [site / INDEX_NAME]
    for path in candidates:
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            index = SearchIndex(data)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            reason = exc if isinstance(exc, IndexFormatError) else "not a search index file"
            raise UsageError(f"--site: {path}: {reason}; rebuild the site with this version of "
                             "helpcentre") from None
        if lang is None or index.lang == lang:
            return index, index.lang
    where = " or ".join(str(p) for p in candidates)
    raise UsageError(f"--site: no search index for {lang or 'the default language'} in {site} "
                     f"(looked for {where}); build the site first (helpcentre build)")


def as_json(hit: Hit) -> dict[str, Any]:
    return {"rank": hit.rank, "id": hit.id, "url": hit.url, "title": hit.title,
            "fallback": hit.fallback, "score": hit.score}
