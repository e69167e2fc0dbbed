"""A language's search index for `helpcentre search`: built from the content, or read from a built site.

The same index the browser queries, so what the command answers is what
readers get (`--site` reads exactly the files a build wrote).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..content import paths
from ..content.corpus import Corpus
from ..content.problems import Problem
from .index import INDEX_NAME, build_for_language
from .query import Hit, IndexFormatError, SearchIndex


class NoIndex(Exception):
    """No usable index where one was asked for; the message says where we looked and what to do."""


def from_content(corpus: Corpus, lang: str | None, today: dt.date) -> tuple[SearchIndex, list[Problem]]:
    """The index of ``lang`` (None: the default language), built as a site build builds it."""
    codes, default = corpus.project.codes, corpus.project.default_language
    lang = lang or default
    if lang not in codes:
        raise NoIndex(f'"{lang}" is not a configured language; expected one of {", ".join(codes)} '
                      "(languages are set in mkdocs.yml)")
    index, problems = build_for_language(
        corpus, lang, today, lambda a, reader: paths.article(reader, default, a.category, a.id))
    return SearchIndex(index), problems


def from_site(site: Path, lang: str | None) -> SearchIndex:
    """The index a build wrote for ``lang``: <site>/<lang>/search/, or <site>/search/ for the default."""
    candidates = ([site / lang / INDEX_NAME] if lang else []) + [site / INDEX_NAME]
    for path in candidates:
        if not path.is_file():
            continue
        try:
            index = SearchIndex(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            reason = exc if isinstance(exc, IndexFormatError) else "not a search index file"
            raise NoIndex(f"{path}: {reason}; rebuild the site with this version of helpcentre") from None
        if lang is None or index.lang == lang:
            return index
    where = " or ".join(str(p) for p in candidates)
    raise NoIndex(f"no search index for {lang or 'the default language'} in {site} "
                  f"(looked for {where}); build the site first (helpcentre build)")


def as_json(hit: Hit) -> dict[str, Any]:
    return {"rank": hit.rank, "id": hit.id, "url": hit.url, "title": hit.title,
            "fallback": hit.fallback, "score": hit.score}
