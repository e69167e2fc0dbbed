"""Which current notice concerns which article, coin page and network row.

A notice reaches the readers who need it, not only the home page: it concerns
an article that shares one of its coins, networks or services (a deposit
suspension reaches "Deposit not arrived", which names no coin, through the
`deposit` service), a coin page of one of its coins, and the rows of network
tables it names. One rule, used by the site (banners, tables) and by the
placeholders in articles, so they never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .corpus import Article
from .schema import Meta, notice_ended


def current(articles: Iterable[Article], today: dt.date) -> list[Article]:
    """Notices in force on ``today``, newest review first (then by id, so builds agree)."""
    found = [a for a in articles if a.meta.type == "notice" and not notice_ended(a.meta, today)]
    return sorted(found, key=lambda a: (-(a.meta.reviewed or dt.date.min).toordinal(), a.id))


def concerns_article(notice: Meta, article: Meta) -> bool:
    return bool(set(notice.coins) & set(article.coins)
                or set(notice.networks) & set(article.networks)
                or set(notice.services) & set(article.services))


def concerns_coin(notice: Meta, symbol: str) -> bool:
    return symbol in notice.coins


def concerns_network(notice: Meta, symbol: str, network: str) -> bool:
    """A row of a network table: the notice's networks (of its coins, when it names coins);
    a notice that names coins but no network concerns every network of those coins."""
    if notice.networks:
        return network in notice.networks and (not notice.coins or symbol in notice.coins)
    return symbol in notice.coins
