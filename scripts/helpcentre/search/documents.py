"""The corpus as search documents: one per article, per reader language.

A reader of ``zh`` searches every article: the Chinese translation where
there is one, otherwise the English text, flagged ``fallback`` so the result
list can say so. Metadata is searched in the reader's language whatever the
text's language: coin names and coin keywords from coins.yml, the category
name from categories.yml (a query "泰达币" finds an untranslated USDT article).
Notices that have ended are left out.

Every document also carries, in ``other``, words of the article's other
versions, each with its language, which the index weighs low (index.py,
FIELD_BOOSTS):

- an untranslated fallback, the title, summary and keywords of every
  translation it has: the English text shown to a reader of ``es`` is found
  by the words of any translation, in whatever language the reader types;
- a translation, the title and keywords of its English source: a reader who
  types the English name of a thing ("2FA", "withdrawal") still reaches it.

Not every translation's title, summary and keywords in every document: at
2,000 articles that made the Chinese index 2,046 KB gzipped, over the 1.5 MB
budget (1,510 KB with the English source's alone, 1,484 KB without its
summary), and on the evaluation sets it ranked no better
(scripts/search_eval.py, MRR@10 0.920/0.866 against 0.917/0.867 tuned/blind).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..content.corpus import Article, Corpus
from ..content.schema import notice_ended
from .text import plain_text

# Field name -> what it holds. The order is the order the index stores them.
FIELDS = ("title", "keywords", "summary", "headings", "category", "body", "other")

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
    # (language, text): the other versions' title, summary and keywords, for
    # the field "other"; each is stemmed in its own language.
    other: tuple[tuple[str, str], ...] = ()


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
        other = []
        for code in corpus.project.codes:
            version = corpus.get(source.id, code)
            if version is None or version is article:
                continue
            vmeta = version.meta
            if fallback:
                other.append((code, "\n".join((vmeta.title or "", vmeta.summary or "", *vmeta.keywords))))
            elif version is source:
                other.append((code, "\n".join((vmeta.title or "", *vmeta.keywords))))
        docs.append(SearchDocument(source.id, url_of(source, lang), article.lang, fallback,
                                   fields["title"], fields["summary"], fields, tuple(other)))
    return docs
