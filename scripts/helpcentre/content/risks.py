"""Risk warnings (issue 16): which one concerns which article and coin page, and the new-token rule.

A risk warning is an article of `type: risk`: a standing warning about coins or
networks (a deposit that needs a memo, a newly listed token). Unlike a notice
it has no end day: it stays while it is published, and is re-checked often
(`risk` in freshness.yml). It reaches readers as a banner:

- on the coin page of every coin it names; a warning that names only
  networks reaches the pages of the coins on those networks;
- on every article about its coins or networks. When both the warning and
  the article name networks, they must share one: a warning about USDT on
  TON says nothing about an article on USDT over TRC20, but does concern an
  article about USDT that names no network.

One rule, used by the site (``site/views.py``) and by ``check``, as
``notices.py`` is for notices. Risk warnings are not notices: they stay out of
the home page's notices strip and the network status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .corpus import Article, Corpus
from .problems import Problem
from .registry import Coin
from .schema import Meta

RISK = "risk"
# The new-token rule: for this many days from a coin's `listed:` day (coins.yml),
# at least one risk warning must name the coin. A month: new listings see their
# thinnest markets, look-alike tokens and most "is this the real contract?"
# tickets in their first weeks; after that the coin is treated like any other.
NEW_LISTING_DAYS = 30


def current(articles: Iterable[Article]) -> list[Article]:
    """The risk warnings being published (English sources), in id order so builds agree.

    A risk warning has no end day, so every published one is current; one past its
    review is still shown (``check`` fails until it is re-checked).
    """
    return sorted((a for a in articles if a.meta.type == RISK), key=lambda a: a.id)


def concerns_article(risk: Meta, article: Meta) -> bool:
    if risk.networks and article.networks:
        return bool(set(risk.networks) & set(article.networks))
    return bool(set(risk.coins) & set(article.coins) or set(risk.networks) & set(article.networks))


def concerns_coin(risk: Meta, coin: Coin) -> bool:
    """The coins it names; with none named, every coin on one of its networks."""
    if risk.coins:
        return coin.symbol in risk.coins
    return any(network.id in risk.networks for network in coin.networks)


def new_listing_ends(coin: Coin) -> dt.date | None:
    """The last day the new-token rule applies to ``coin`` (None: no `listed:` day)."""
    return coin.listed + dt.timedelta(days=NEW_LISTING_DAYS) if coin.listed else None


def new_listing_problems(corpus: Corpus, today: dt.date) -> list[Problem]:
    """The new-token rule: a coin listed within the last NEW_LISTING_DAYS days (or about
    to be: its page is already published) needs a risk warning that names it."""
    named = {symbol for risk in current(corpus.sources.values()) for symbol in risk.meta.coins}
    problems = []
    for coin in corpus.registry.coins.values():
        ends = new_listing_ends(coin)
        if coin.listed is None or ends is None or ends < today or coin.symbol in named:
            continue
        problems.append(Problem(coin.shown, coin.line, "error", (
            f"coin `{coin.symbol}`: listed on {coin.listed.isoformat()}, so until {ends.isoformat()} "
            f"({NEW_LISTING_DAYS} days) a risk warning must name it, and none does; write one with "
            f"`type: risk` and `coins: [{coin.symbol}]` (see \"Risk warnings\" in CONTRIBUTING.md)")))
    return problems
