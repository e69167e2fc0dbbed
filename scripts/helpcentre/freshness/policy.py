"""How long an answer stays trustworthy: review intervals, warning window, grace.

Settings live in ``content/_data/freshness.yml`` (writers change them in the
same pull requests as articles; the command line reads them without MkDocs).
Every setting is optional there; the defaults below apply otherwise.

Which interval applies to an article, most specific first:
1. the article's own ``review_days`` front-matter field,
2. its category's ``review_days`` in ``content/_data/categories.yml``, unless
   its type's default is shorter (a category shortens reviews for its topic; it
   never makes a notice or a risk warning filed under it wait longer),
3. the default for its type (``review_days`` in freshness.yml, else below).

Coins are content too (issue 16): each coin in coins.yml carries ``reviewed:``,
and its networks, fees and minimums fall due every ``coin_review_days``
(``freshness/coins.py``), with the same warning window as articles.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..content.loader import load_yaml, read_text_file
from ..content.problems import ContentError, Problem
from ..content.project import Project
from ..content.registry import Category, Registry
from ..content.schema import ARTICLE_TYPES, Meta, describe

# A notice describes something happening now (maintenance, a paused network);
# if it is still up after a month, someone must confirm it is still true.
NOTICE_REVIEW_DAYS = 30
# A risk warning (a memo that must not be left out, a newly listed token) costs
# readers money when it is wrong or missing, and the risks change with the
# networks: a month, like a notice, so it is re-checked after every monthly
# network upgrade cycle rather than twice a year.
RISK_REVIEW_DAYS = 30
# FAQs and guides describe the product; the apps ship a larger redesign about
# twice a year, so a half-yearly check catches changed screens and rules.
FAQ_REVIEW_DAYS = 180
GUIDE_REVIEW_DAYS = 180
# Fees, limits and security advice change faster and cost readers money when
# wrong: their categories set `review_days: 90` in categories.yml (a quarter,
# the cycle fee schedules are published on), not here.
# Coins' networks, example fees and minimums (coins.yml): a quarter, the cycle our fee
# schedules are published on, like the `fees` category's articles that quote them.
COIN_REVIEW_DAYS = 90
# A troubleshooter quotes confirmations, waits and which ticket to open: the same
# facts as coins.yml, so the same quarter.
TROUBLESHOOTER_REVIEW_DAYS = 90
# Two weeks: enough for an owner to fit a review into the next sprint before
# the article turns overdue and CI fails.
WARNING_DAYS = 14
# Two weeks: the usual turnaround our translators give for an updated article.
# Counted from the English article's `reviewed` date (see states.py).
TRANSLATION_GRACE_DAYS = 14

DEFAULT_REVIEW_DAYS: dict[str, int] = {
    "faq": FAQ_REVIEW_DAYS,
    "guide": GUIDE_REVIEW_DAYS,
    "notice": NOTICE_REVIEW_DAYS,
    "risk": RISK_REVIEW_DAYS,
    "troubleshooter": TROUBLESHOOTER_REVIEW_DAYS,
}
CONFIG_NAME = "freshness.yml"
MAX_DAYS = 3650  # the same bound as an article's `review_days` (content/schema.py)

Origin = Literal["article", "category", "type"]


@dataclass(frozen=True)
class Interval:
    """How often an article is re-verified, and which setting said so."""

    days: int
    origin: Origin
    name: str  # the article id, category id or type the value came from

    def explain(self) -> str:
        """Where a writer changes it, for messages."""
        if self.origin == "article":
            return f"every {self.days} days, set by `review_days` in the article"
        if self.origin == "category":
            return (f"every {self.days} days, set for the {self.name} category in "
                    "content/_data/categories.yml")
        return f"every {self.days} days, the default for `type: {self.name}`"


@dataclass(frozen=True)
class Policy:
    review_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_REVIEW_DAYS))
    category_days: Mapping[str, int] = field(default_factory=dict)
    warning_days: int = WARNING_DAYS
    translation_grace_days: int = TRANSLATION_GRACE_DAYS
    coin_review_days: int = COIN_REVIEW_DAYS

    def interval(self, meta: Meta, article_id: str, category: str) -> Interval:
        if meta.review_days:
            return Interval(meta.review_days, "article", article_id)
        kind = meta.type or "faq"
        by_type = Interval(self.review_days.get(kind, FAQ_REVIEW_DAYS), "type", kind)
        if category in self.category_days and self.category_days[category] <= by_type.days:
            return Interval(self.category_days[category], "category", category)
        return by_type

    def due(self, reviewed: dt.date, interval: Interval) -> dt.date:
        """The last day the review is on time (it turns overdue the day after).

        Cannot overflow: the schema refuses dates after 2099-12-31
        (``LATEST_DATE``) and every interval is at most 3650 days.
        """
        return reviewed + dt.timedelta(days=interval.days)


def category_days(categories: tuple[Category, ...]) -> dict[str, int]:
    return {c.id: c.review_days for c in categories if c.review_days}


def load_policy(project: Project, registry: Registry) -> Policy:
    """Read freshness.yml (optional) and the categories' intervals.

    Raises ContentError listing every problem in the file at once.
    """
    path = project.data_dir / CONFIG_NAME
    shown = project.display(path)
    text = _read(path, shown)
    return parse_policy(text, shown, category_days(registry.categories))


def _read(path: Path, shown: str) -> str:
    if not path.exists():
        return ""
    text, problem = read_text_file(path, shown)  # the one reader: not UTF-8 names its line
    if problem is not None:
        raise ContentError([problem])
    return text or ""


_KEYS = ("review_days", "warning_days", "translation_grace_days", "coin_review_days")


def parse_policy(text: str, shown: str, categories: Mapping[str, int] | None = None) -> Policy:
    problems: list[Problem] = []
    try:
        data = load_yaml(text) if text.strip() else {}
    except Exception as exc:  # noqa: BLE001 - any YAML failure becomes one clear problem
        mark = getattr(exc, "problem_mark", None)
        raise ContentError([Problem(shown, (mark.line + 1) if mark else 1, "error",
                                    f"not valid YAML ({getattr(exc, 'problem', exc)})")]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ContentError([Problem(shown, 1, "error", "expected `name: value` lines like "
                                                       "`warning_days: 14`")])

    def line(key: str, indented: bool = False) -> int:
        return _line_of(text, key, indented)

    for key in data:
        if key not in _KEYS:
            problems.append(Problem(shown, line(str(key)), "error",
                                    f"`{key}`: unknown setting{_close(str(key))} The settings "
                                    f"are: {', '.join(_KEYS)}"))
    review = dict(DEFAULT_REVIEW_DAYS)
    raw_review = data.get("review_days", {})
    if not isinstance(raw_review, dict):
        problems.append(Problem(shown, line("review_days"), "error",
                                "`review_days`: expected one line per article type, like "
                                "`  notice: 30`"))
        raw_review = {}
    for kind, value in raw_review.items():
        if kind not in ARTICLE_TYPES:
            problems.append(Problem(shown, line(str(kind), True), "error",
                                    f"`review_days`: `{kind}` is not an article type; expected "
                                    f"one of {', '.join(ARTICLE_TYPES)}"))
        elif not _whole(value, 1, MAX_DAYS):
            problems.append(Problem(shown, line(str(kind), True), "error",
                                    f"`review_days.{kind}`: expected a whole number of days "
                                    f"between 1 and {MAX_DAYS}, found {describe(value)}"))
        else:
            review[kind] = value
    numbers: dict[str, int] = {}
    for key, default in (("warning_days", WARNING_DAYS),
                         ("translation_grace_days", TRANSLATION_GRACE_DAYS)):
        value = data.get(key, default)
        if not _whole(value, 0, 365):
            problems.append(Problem(shown, line(key), "error",
                                    f"`{key}`: expected a whole number of days between 0 and "
                                    f"365, found {describe(value)}"))
            value = default
        numbers[key] = value
    coin_days = data.get("coin_review_days", COIN_REVIEW_DAYS)
    if not _whole(coin_days, 1, MAX_DAYS):
        problems.append(Problem(shown, line("coin_review_days"), "error",
                                f"`coin_review_days`: expected a whole number of days between 1 and "
                                f"{MAX_DAYS}, found {describe(coin_days)}"))
    if problems:
        raise ContentError(problems)
    return Policy(review, dict(categories or {}), numbers["warning_days"],
                  numbers["translation_grace_days"], coin_days)


def _close(word: str) -> str:
    close = difflib.get_close_matches(word, _KEYS, n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ";"


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _line_of(text: str, key: str, indented: bool) -> int:
    """The file line of ``key:`` (top-level or indented), for messages; 1 if not found."""
    pattern = (r"^\s+" if indented else r"^") + re.escape(key) + r"\s*:"
    for number, content in enumerate(text.splitlines(), start=1):
        if re.match(pattern, content):
            return number
    return 1
