"""A JSON Feed 1.1 per language (``feed.json`` under each language prefix).

What a reader of that language would want to follow: the articles most
recently written or reviewed (newest ``reviewed`` first, at most
``LIMIT``) and every notice still running, whatever its date. An article not
yet translated is listed in English, as the site shows it, and says so with
``language``. Ended notices are left out.

Plain Python: the plugin only writes the file (on_post_build).
https://www.jsonfeed.org/version/1.1/
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..content import paths
from ..content.corpus import Article, Corpus
from ..content.schema import notice_ended
from .jsonld import plain

VERSION = "https://jsonfeed.org/version/1.1"
FEED_NAME = "feed.json"
# Enough for a feed reader's first fetch; older articles are on the site.
LIMIT = 50
# Characters of body text per item: a preview, not the article (readers come
# to the site for the current text, which may have changed since).
PREVIEW_CHARS = 500


def _absolute(base: str, url: str) -> str:
    return base + url.removeprefix("./")


def _when(day: dt.date) -> str:
    """RFC 3339, as JSON Feed asks; articles carry a day, so midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _preview(text: str) -> str:
    if len(text) <= PREVIEW_CHARS:
        return text
    return text[:PREVIEW_CHARS].rsplit(" ", 1)[0] + " …"


def feed_items(corpus: Corpus, lang: str, today: dt.date) -> list[Article]:
    """The source articles in the feed, newest first, ties by id for a stable order."""
    live = [a for a in corpus.sources.values() if not notice_ended(a.meta, today)]
    newest = sorted(live, key=lambda a: (-(a.meta.reviewed or dt.date.min).toordinal(), a.id))
    notices = {a.id for a in live if a.meta.type == "notice"}
    chosen = {a.id for a in newest[:LIMIT]} | notices
    return [a for a in newest if a.id in chosen]


def build_feed(corpus: Corpus, lang: str, today: dt.date, *, title: str,
               description: str) -> dict[str, Any]:
    project = corpus.project
    default = project.default_language
    base = project.site_url.rstrip("/") + "/"
    categories = corpus.registry.categories_by_id
    exchange = corpus.registry.site.exchange_name
    items = []
    for source in feed_items(corpus, lang, today):
        shown, _fallback = corpus.in_language(source.id, lang)
        meta = shown.meta
        url = _absolute(base, paths.article(lang, default, source.category, source.id))
        item: dict[str, Any] = {
            "id": url, "url": url, "title": meta.title or source.id,
            "summary": meta.summary or "",
            "content_text": _preview(plain(shown.body, exchange)),
            "language": shown.lang,
            "tags": [categories[source.category].name(lang), meta.type or ""],
        }
        if meta.reviewed:
            item["date_modified"] = _when(meta.reviewed)
        if meta.type == "notice" and meta.expires:
            item["_helpcentre"] = {"expires": meta.expires.isoformat()}
        items.append(item)
    return {"version": VERSION, "title": title, "description": description,
            "home_page_url": _absolute(base, paths.home(lang, default)),
            "feed_url": _absolute(base, paths.prefix(lang, default) + FEED_NAME),
            "language": lang, "items": items}


def write_feed(feed: dict[str, Any], language_dir: Path) -> Path:
    """Write ``feed.json`` into the language's folder of the built site."""
    path = language_dir / FEED_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(feed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
