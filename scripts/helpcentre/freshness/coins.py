"""Coins are content too (issue 16): when a coin's networks, fees and minimums fall due.

Each coin in ``content/_data/coins.yml`` carries ``reviewed:`` (required; read in
``content/registry.py``). Like an article, it is due ``coin_review_days`` after
that day (freshness.yml, ``COIN_REVIEW_DAYS`` in policy.py otherwise): a
warning within the policy's ``warning_days`` before, an error once overdue.
The problems are reported on the coin's ``reviewed:`` line, in coins.yml.
"""

from __future__ import annotations

import datetime as dt

from ..content.problems import Problem
from ..content.registry import Coin, Registry
from .policy import CONFIG_NAME, Policy

CHECK = ("check its networks, example fees, minimums, confirmations and memo rules against the "
         "live withdrawal page, then set `reviewed:` to today's date")


def coin_due(coin: Coin, policy: Policy) -> dt.date | None:
    """The last day the coin's review is on time (None: no `reviewed:`, already an error)."""
    return coin.reviewed + dt.timedelta(days=policy.coin_review_days) if coin.reviewed else None


def coin_review_problems(registry: Registry, policy: Policy, today: dt.date) -> list[Problem]:
    problems = []
    for coin in registry.coins.values():
        due = coin_due(coin, policy)
        if coin.reviewed is None or due is None:
            continue
        line = coin.lines.get("reviewed", coin.line)
        label = f"coin `{coin.symbol}`"
        if coin.reviewed > today:
            problems.append(Problem(coin.shown, line, "error", (
                f"{label}: `reviewed`: {coin.reviewed.isoformat()} is in the future (today is "
                f"{today.isoformat()}); use the day you checked its networks, fees and minimums")))
            continue
        last = (f"last reviewed {coin.reviewed.isoformat()}, due every {policy.coin_review_days} days "
                f"(`coin_review_days` in content/_data/{CONFIG_NAME}); {CHECK}")
        if due < today:
            problems.append(Problem(coin.shown, line, "error",
                                    f"{label}: review overdue since {due.isoformat()}: {last}"))
        elif (due - today).days <= policy.warning_days:
            left = (due - today).days
            when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
            problems.append(Problem(coin.shown, line, "warning",
                                    f"{label}: review due on {due.isoformat()}, {when}: {last}"))
    return problems
