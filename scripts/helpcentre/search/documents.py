"""The corpus as search documents: one per article, per reader language.

A reader of ``zh`` searches every article: the Chinese translation where
there is one, otherwise the English text, flagged ``fallback`` so the result
list can say so. Metadata is searched in the reader's language whatever the
text's language: coin names and coin keywords from coins.yml, the category
name from categories.yml (a query "泰达币" finds an untranslated USDT article).
Notices that have ended are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..content.corpus import Article, Corpus
from ..content.schema import notice_ended
from .text import plain_text

# Field name -> what it holds. The order is the order the index stores them.
FIELDS = ("title", "keywords", "summary", "headings", "category", "body")

UrlOf = Callable[[Article, str], str]  # (source article, reader language) -> site-relative URL


@dataclass(frozen=True)
class SearchDocument:
    id: str
    url: str  # relative to the site root, like "zh/security/set-up-2fa/"
    lang: str  # the language of the text
    fallback: bool  # English text in another language's index
    title: str
    summary: str
    fields: dict[str, str]  # field name (FIELDS) -> text to index


def documents_for(corpus: Corpus, lang: str, today: dt.date, url_of: UrlOf) -> list[SearchDocument]:
    registry = corpus.registry
    categories = registry.categories_by_id
    docs: list[SearchDocument] = []
    for source in sorted(corpus.sources.values(), key=lambda a: (a.category, a.id)):
        if notice_ended(source.meta, today):
            continue
        article, fallback = corpus.in_language(source.id, lang)
        meta = article.meta
        extra: list[str] = []
        for symbol in meta.coins:
            coin = registry.coins.get(symbol)
            extra.append(symbol)
            if coin is not None:
                extra.append(coin.name(lang))
                extra.extend(coin.keywords.get(lang, ()))
        text = plain_text(article.body, registry.site.exchange_name)
        category = categories.get(article.category)
        fields = {
            "title": meta.title or article.id,
            "keywords": "\n".join((*meta.keywords, *extra)),
            "summary": meta.summary or "",
            "headings": text.headings,
            "category": category.name(lang) if category else article.category,
            "body": text.body,
        }
        docs.append(SearchDocument(source.id, url_of(source, lang), article.lang, fallback,
                                   fields["title"], fields["summary"], fields))
    return docs
