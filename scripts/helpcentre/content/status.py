"""Network status: whether each coin's deposits and withdrawals on each network work today.

Two sources, one answer:
- a notice with `status: delayed|suspended` stops the `services` it names
  (deposit, withdrawal) on its `networks` (of its `coins`; every network of
  its coins when it names none) from its `reviewed` day until it expires, so
  one pull request announces a suspension and changes the state, and the
  notice's expiry restores normal;
- content/_data/status.yml, for a delay or suspension with no notice (a
  reason per language, a review date when the end is not known).

Normal is the absence of both. The status page, the network tables, the home
page and status.json all read :func:`network_states`; ``check`` reads
:func:`status_problems` (a review date passed, a status contradicting an
active notice, an entry that has ended).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .corpus import Article, Corpus
from .notices import current
from .problems import Problem
from .registry import StatusEntry

SERVICES = ("deposit", "withdrawal")  # the services a network status covers


@dataclass(frozen=True)
class ServiceState:
    state: str                   # normal | delayed | suspended
    since: dt.date | None = None
    until: dt.date | None = None  # expected end (a notice's expiry)
    review: dt.date | None = None
    reasons: dict[str, str] | None = None  # from status.yml
    notice: Article | None = None          # the notice that explains it

    @property
    def normal(self) -> bool:
        return self.state == "normal"


NORMAL = ServiceState("normal")


def _from_notice(notice: Article) -> ServiceState:
    return ServiceState(notice.meta.status or "normal", notice.meta.reviewed, notice.meta.expires,
                        None, None, notice)


def _from_entry(entry: StatusEntry) -> ServiceState:
    return ServiceState(entry.state, entry.since, entry.until, entry.review, entry.reasons, None)


def _entry_in_force(entry: StatusEntry, today: dt.date) -> bool:
    return entry.since <= today and (entry.until is None or today <= entry.until)


def _notice_networks(corpus: Corpus, notice: Article) -> list[tuple[str, str]]:
    """(coin, network) pairs a notice's status covers."""
    registry = corpus.registry
    coins = [registry.coins[s] for s in notice.meta.coins if s in registry.coins] \
        or list(registry.coins.values())
    return [(coin.symbol, net.id) for coin in coins for net in coin.networks
            if not notice.meta.networks or net.id in notice.meta.networks]


def network_states(corpus: Corpus, today: dt.date) -> dict[tuple[str, str], dict[str, ServiceState]]:
    """(coin, network) -> {deposit: state, withdrawal: state}, for every network of every coin.

    A notice wins over a status.yml entry for the same service (``check`` reports the
    contradiction); the worse state wins between two notices.
    """
    states = {(coin.symbol, net.id): {s: NORMAL for s in SERVICES}
              for coin in corpus.registry.coins.values() for net in coin.networks}
    for entry in corpus.registry.statuses:
        if _entry_in_force(entry, today) and (entry.coin, entry.network) in states:
            for service in entry.services:
                states[(entry.coin, entry.network)][service] = _from_entry(entry)
    rank = {"normal": 0, "delayed": 1, "suspended": 2}
    for notice in current(corpus.sources.values(), today):
        if not notice.meta.status or (notice.meta.reviewed and notice.meta.reviewed > today):
            continue
        for key in _notice_networks(corpus, notice):
            for service in set(notice.meta.services) & set(SERVICES):
                now = states[key][service]
                if now.notice is None or rank[notice.meta.status] > rank[now.state]:
                    states[key][service] = _from_notice(notice)
    return states


def status_problems(corpus: Corpus, today: dt.date) -> list[Problem]:
    """What `check` says about status.yml on ``today``."""
    problems: list[Problem] = []
    covered: dict[tuple[str, str, str], Article] = {}
    for notice in current(corpus.sources.values(), today):
        if notice.meta.status:
            for coin, network in _notice_networks(corpus, notice):
                for service in set(notice.meta.services) & set(SERVICES):
                    covered[(coin, network, service)] = notice
    for entry in corpus.registry.statuses:
        if entry.until is not None and entry.until < today:
            problems.append(Problem(entry.shown, entry.line, "warning", (
                f"status: {entry.coin} on {entry.network} was expected to end on "
                f"{entry.until.isoformat()}; if it is back to normal, delete this entry, else set "
                "a new `until:` or a `review:` date")))
            continue
        if entry.review is not None and entry.review < today and entry.until is None:
            problems.append(Problem(entry.shown, entry.line, "error", (
                f"status: the review of {entry.coin} on {entry.network} was due on "
                f"{entry.review.isoformat()}; check the network, then delete the entry if it is back "
                "to normal or set the next `review:` date")))
        if not _entry_in_force(entry, today):
            continue
        for service in entry.services:
            notice = covered.get((entry.coin, entry.network, service))
            if notice is not None and notice.meta.status != entry.state:
                problems.append(Problem(entry.shown, entry.line, "error", (
                    f"status: says {entry.coin} {service}s on {entry.network} are {entry.state}, but "
                    f"the current notice {notice.shown} says {notice.meta.status}; keep one of them "
                    "(the notice's `status:` ends with the notice)")))
    return problems
