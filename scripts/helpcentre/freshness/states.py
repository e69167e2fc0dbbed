"""The freshness state of every article in every configured language.

Stages, as in Kubernetes' l10n triage script: the corpus is already parsed;
here we measure (one frozen ``ArticleState`` per article and language) and
leave reporting to ``checks``, ``report`` and the site.

What a state means:
- ``fresh``: reviewed recently enough.
- ``due-soon``: the review falls due within the warning window (or today).
- ``overdue``: the review date has passed; the facts may be wrong.
- ``expired``: a notice past its ``expires`` day (a notice expiring today is
  still current).
- ``outdated``: a translation whose English article changed after it was made
  (its ``translated_from`` stamp differs, or it has no stamp at all).
- ``untranslated``: the English article has no file in this language, or
  only a translation still marked ``translation: pending`` (started by
  `helpcentre new --lang`, never synced: an English copy, see
  ``Corpus.pending``); ``ArticleState.pending`` tells the two apart.
- ``orphan``: a translation file with no English article.

Translations share their English article's review: the facts are verified in
English, and a translation in sync (same fingerprint) says the same thing. A
translation that is not in sync is ``outdated`` whatever the review says.

Outdated translations get a grace period counted from the English article's
``reviewed`` date: that is the day the English last changed as far as the
files themselves tell (CI clones are shallow, so commit dates are not used).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ..content.corpus import Article, Corpus
from ..content.schema import notice_ended
from .fingerprint import fingerprint_of
from .policy import Interval, Policy

State = Literal["fresh", "due-soon", "overdue", "expired", "outdated", "untranslated", "orphan"]
ReviewState = Literal["fresh", "due-soon", "overdue", "expired"]
# The order states are listed in (reports, JSON, the dashboard legend).
STATES: tuple[State, ...] = ("fresh", "due-soon", "overdue", "expired", "outdated",
                             "untranslated", "orphan")


@dataclass(frozen=True)
class Review:
    """Where one English article stands with its review."""

    state: ReviewState
    reviewed: dt.date | None
    due: dt.date | None  # the last day the review is on time
    interval: Interval
    expires: dt.date | None

    def days_left(self, today: dt.date) -> int | None:
        return (self.due - today).days if self.due else None


@dataclass(frozen=True)
class ArticleState:
    """One article in one language."""

    article_id: str
    lang: str
    category: str
    path: str  # the file as shown in messages; for untranslated, where it would go
    state: State
    owner: str
    title: str
    review: Review | None  # None only for orphans
    source_path: str = ""  # the English file ("" for the English article itself, orphans)
    stamp: str | None = None  # the translation's `translated_from`
    source_fingerprint: str | None = None  # what the stamp should be now
    grace_ends: dt.date | None = None  # outdated translations: last day before it is an error
    pending: bool = False  # untranslated, but a file marked `translation: pending` exists at ``path``

    @property
    def is_translation(self) -> bool:
        return bool(self.source_path) or self.state == "orphan"

    @property
    def unstamped(self) -> bool:
        """Outdated because there is no stamp: nobody knows which version it follows."""
        return self.state == "outdated" and self.stamp is None


@dataclass(frozen=True)
class States:
    """Every ArticleState, sorted by category, article id, then configured language order."""

    items: tuple[ArticleState, ...]
    languages: tuple[str, ...]
    today: dt.date

    @cached_property
    def _index(self) -> dict[tuple[str, str], ArticleState]:
        # An orphan may share its id with an English article in another category
        # (a translation filed in the wrong folder); the article's own state wins.
        index = {(i.article_id, i.lang): i for i in self.items if i.state != "orphan"}
        for item in self.items:
            index.setdefault((item.article_id, item.lang), item)
        return index

    def get(self, article_id: str, lang: str) -> ArticleState | None:
        return self._index.get((article_id, lang))

    def in_language(self, lang: str) -> list[ArticleState]:
        return [item for item in self.items if item.lang == lang]

    def with_state(self, *states: State) -> list[ArticleState]:
        return [item for item in self.items if item.state in states]


def review_of(article: Article, policy: Policy, today: dt.date) -> Review:
    """The review standing of an English article (translations share it)."""
    meta = article.meta
    interval = policy.interval(meta, article.id, article.category)
    due = policy.due(meta.reviewed, interval) if meta.reviewed else None
    state: ReviewState
    if notice_ended(meta, today):
        state = "expired"
    elif due is None or due < today:
        # No `reviewed` date at all is a schema error already; treat it as overdue
        # so it can never pass as fresh.
        state = "overdue"
    elif (due - today).days <= policy.warning_days:
        state = "due-soon"
    else:
        state = "fresh"
    return Review(state, meta.reviewed, due, interval, meta.expires)


def compute_states(corpus: Corpus, policy: Policy, today: dt.date) -> States:
    """Measure every article in every language."""
    project = corpus.project
    default = project.default_language
    codes = project.codes  # a property that builds a tuple: read it once, not per article
    others = [code for code in codes if code != default]
    order = {code: index for index, code in enumerate(codes)}
    # Project.display resolves paths on disk; once here, not once per missing file.
    content = project.display(project.content_dir)
    items: list[ArticleState] = []
    for source in corpus.sources.values():
        review = review_of(source, policy, today)
        owner = source.meta.owner or ""
        title = source.meta.title or source.id
        items.append(ArticleState(source.id, default, source.category, source.shown,
                                  review.state, owner, title, review))
        current = fingerprint_of(source.meta, source.body)
        for lang in others:
            translation = corpus.translations.get((source.id, lang))
            if translation is None:
                started = corpus.pending.get((source.id, lang))
                expected = (started.shown if started is not None
                            else f"{content}/{lang}/{source.category}/{source.id}.md")
                items.append(ArticleState(source.id, lang, source.category, expected,
                                          "untranslated", owner, title, review, source.shown,
                                          None, current, pending=started is not None))
                continue
            stamp = translation.own.translated_from
            state: State = review.state
            grace_ends = None
            if review.state != "expired" and stamp != current:
                state = "outdated"
                if source.meta.reviewed:
                    grace_ends = source.meta.reviewed + dt.timedelta(
                        days=policy.translation_grace_days)
            items.append(ArticleState(source.id, lang, source.category, translation.shown,
                                      state, owner, translation.meta.title or title, review,
                                      source.shown, stamp, current, grace_ends))
    items.extend(_orphans(corpus))
    items.sort(key=lambda s: (s.category, s.article_id, order.get(s.lang, len(order)), s.path))
    return States(tuple(items), codes, today)


def _orphans(corpus: Corpus) -> list[ArticleState]:
    """Translation files whose English article does not exist (the corpus keeps them aside)."""
    project = corpus.project
    categories = corpus.registry.categories_by_id
    return [ArticleState(article_id, lang, category, project.display(path), "orphan",
                         categories[category].owner if category in categories else "", article_id, None)
            for lang, category, article_id, path in corpus.orphans]
