"""Freshness problems for `helpcentre check` and the build's `fail_on_stale`.

Errors (CI fails): an overdue English article or coin (coins.yml, see
``coins.py``), an ended notice still published, a translation still outdated
after the grace period.
Warnings: a review due within the warning window, an outdated translation
still inside its grace period.

Translations share their English article's review, so an overdue article is
reported once, on the English file; orphans are already reported by the
corpus ("this translation has no English source"), so not again here.
"""

from __future__ import annotations

import datetime as dt

from ..content.corpus import Corpus
from ..content.problems import Problem
from .coins import coin_review_problems
from .policy import Policy
from .states import ArticleState, States, compute_states


def freshness_problems(corpus: Corpus, policy: Policy, today: dt.date, *,
                       states: States | None = None) -> list[Problem]:
    """Every freshness problem, sorted by path then line."""
    states = states or compute_states(corpus, policy, today)
    problems: list[Problem] = []
    for item in states.items:
        if not item.is_translation:
            problem = _review_problem(corpus, item, today)
        elif item.state == "outdated":
            problem = _outdated_problem(corpus, item, today)
        else:
            problem = None
        if problem is not None:
            problems.append(problem)
    problems.extend(coin_review_problems(corpus.registry, policy, today))
    return sorted(problems)


def _line(corpus: Corpus, item: ArticleState, field: str) -> int:
    article = (corpus.get(item.article_id, item.lang))
    return article.field_lines.get(field, 1) if article is not None else 1


def _review_problem(corpus: Corpus, item: ArticleState, today: dt.date) -> Problem | None:
    review = item.review
    if review is None:
        return None
    owner = f"(owner {item.owner})" if item.owner else "(no owner)"
    if review.state == "expired" and review.expires:
        return Problem(item.path, _line(corpus, item, "expires"), "error",
                       f"this notice ended on {review.expires.isoformat()} but is still "
                       f"published {owner}; if it still applies, set `expires:` to its new last "
                       "day and `reviewed:` to today's date; otherwise delete this file and its "
                       "translations")
    if review.reviewed is None or review.due is None:
        return None  # a missing `reviewed` is already a schema error
    last = (f"last reviewed {review.reviewed.isoformat()}, due "
            f"{review.interval.explain()}; check the facts, then set `reviewed:` to today's date")
    line = _line(corpus, item, "reviewed")
    due = review.due.isoformat()
    if review.state == "overdue":
        return Problem(item.path, line, "error", f"review overdue since {due} {owner}: {last}")
    if review.state == "due-soon":
        left = (review.due - today).days
        when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
        return Problem(item.path, line, "warning", f"review due on {due}, {when} {owner}: {last}")
    return None


def _outdated_problem(corpus: Corpus, item: ArticleState, today: dt.date) -> Problem:
    owner = f"(owner {item.owner})" if item.owner else "(no owner)"
    late = item.grace_ends is None or item.grace_ends < today
    if item.grace_ends is None:
        deadline = "the English article has no `reviewed` date, so there is no grace period"
    elif late:
        deadline = f"the grace period ended on {item.grace_ends.isoformat()}"
    else:
        deadline = f"do it by {item.grace_ends.isoformat()}"
    sync = f"`helpcentre translations sync {item.path}`"
    if item.stamp is None:
        line = 1
        message = (f"no `translated_from` stamp, so it is unknown which version of "
                   f"{item.source_path} this translation follows {owner}; compare the two, "
                   f"update the translation if needed, then run {sync} ({deadline})")
    else:
        line = _line(corpus, item, "translated_from")
        message = (f"the English article changed after this translation was made {owner}; "
                   f"update the translation to match {item.source_path}, then run {sync} "
                   f"({deadline}); `helpcentre translations diff {item.path}` shows what "
                   "changed")
    return Problem(item.path, line, "error" if late else "warning", message)
