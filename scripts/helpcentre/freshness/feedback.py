"""Reader feedback: the store `helpcentre feedback import` writes, and what it says.

A static site records nothing: "Was this helpful?" and "tell us what you were
looking for" open the exchange's feedback form (site.yml ``feedback_url``). The
support team exports the form's answers and imports them
(``feedback_import``) into one normalised store, ``feedback/votes.json`` at the
repository root. Not under ``content/``: that is the site's docs_dir, and
feedback is not content for readers. The site build never reads the store
either, so the dashboard a build may publish (``site/plugin.py``) shows no
feedback; `helpcentre report` passes it in explicitly.

The store is JSON with one record per line, sorted by day then key, so two
imports diff (and usually merge) line by line. Every record carries the key
its row was given on import: the first 16 hex digits of the SHA-256 of its
fields and of how many identical rows came before it in the same export. The
same export imported twice adds nothing; two readers who gave the same answer
on the same day stay two votes (2^64 keys: a collision among a million rows
has odds of about 1 in 37 million).

Measured here, for the report, the dashboard and `helpcentre check`:
- ``tallies``: per article and language, helpful and not-helpful votes since
  the review of the file those readers were shown (a vote dated before its
  ``reviewed:`` day says nothing about the text as it is now);
- ``needs_review``: the rule `check` warns on (``MIN_VOTES``, ``NOT_HELPFUL_PERCENT``);
- ``failed_searches``: what readers said search did not find, grouped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.corpus import Corpus
from ..content.problems import Problem

STORE = "feedback/votes.json"  # below the repository root, never below content/
FORMAT = "helpcentre-feedback/1"

# The reasons the article form offers after "No" (site/views.py FEEDBACK_REASONS,
# which this layer may not import; tests/test_feedback.py holds the two equal).
NOT_HELPFUL_REASONS = ("outdated", "unclear", "unsolved", "other")
HELPFUL = "helpful"
NOT_FOUND = "not-found"  # the search panel's "tell us what you were looking for"
ANSWERS = ("helpful", "not-helpful")

# The rule `helpcentre check` warns on, in one place. Ten votes: with fewer, two
# or three unhappy clicks (readers who were helped rarely click at all) would
# flag an article; over half not helpful: more readers left without an answer
# than with one. Counted since the article's last review, so a review resets it.
MIN_VOTES = 10
NOT_HELPFUL_PERCENT = 50  # warn when strictly more than this share said "not helpful"
# Searches that found nothing, or not every word: the last 90 days, the report's horizon for reviews
# too. Older ones were mostly answered by articles written since.
SEARCH_WINDOW_DAYS = 90


class FeedbackError(Exception):
    """The store or an export cannot be used at all; ``problem`` says why, with file and line."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True, order=True)
class Vote:
    day: dt.date
    key: str
    article: str
    lang: str
    helpful: bool
    reason: str  # one of NOT_HELPFUL_REASONS, or "" (none given; helpful votes never carry one)


@dataclass(frozen=True, order=True)
class Search:
    day: dt.date
    key: str
    lang: str
    query: str  # as the reader typed it, trimmed


@dataclass(frozen=True)
class Store:
    votes: tuple[Vote, ...] = ()
    searches: tuple[Search, ...] = ()

    @property
    def keys(self) -> set[str]:
        return {v.key for v in self.votes} | {s.key for s in self.searches}

    def merged(self, votes: tuple[Vote, ...], searches: tuple[Search, ...]) -> tuple[Store, int]:
        """This store with the rows whose keys it does not hold yet, and how many those were."""
        known = self.keys
        new_votes = [v for v in votes if v.key not in known]
        new_searches = [s for s in searches if s.key not in known]
        store = Store(tuple(sorted({*self.votes, *new_votes})), tuple(sorted({*self.searches, *new_searches})))
        return store, len(new_votes) + len(new_searches)


# -- reading and writing the store -------------------------------------------------

def dumps(store: Store) -> str:
    """The store's text: one record per line, sorted, the same bytes for the same rows."""
    def block(name: str, records: list[dict[str, str]], last: bool) -> list[str]:
        end = "" if last else ","
        if not records:
            return [f'  "{name}": []{end}']
        rows = [json.dumps(r, ensure_ascii=False) for r in records]
        return [f'  "{name}": [', *(f"    {row}," for row in rows[:-1]), f"    {rows[-1]}", f"  ]{end}"]

    votes = [{"key": v.key, "date": v.day.isoformat(), "article": v.article, "lang": v.lang,
              "answer": ANSWERS[0] if v.helpful else ANSWERS[1], "reason": v.reason}
             for v in sorted(store.votes)]
    searches = [{"key": s.key, "date": s.day.isoformat(), "lang": s.lang, "query": s.query}
                for s in sorted(store.searches)]
    lines = ["{", f'  "format": "{FORMAT}",', *block("votes", votes, False), *block("searches", searches, True), "}"]
    return "\n".join(lines) + "\n"


def load_store(root: Path) -> Store:
    """The store under ``root``; an empty one when nothing was imported yet.

    Raises FeedbackError when the file cannot be read or was not written by the
    import (a hand edit, an unresolved merge conflict).
    """
    path = root / STORE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Store()
    except OSError as exc:
        raise FeedbackError(Problem(STORE, 1, "error", f"cannot read the feedback store ({exc.strerror})")) from None
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise _broken(data.count(b"\n", 0, exc.start) + 1, "it is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise _broken(exc.lineno, f"not valid JSON: {exc.msg}") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise _broken(1, f'it does not start with "format": "{FORMAT}"')
    votes: list[Vote] = []
    searches: list[Search] = []
    for name in ("votes", "searches"):
        records = raw.get(name)
        if not isinstance(records, list):
            raise _broken(1, f"`{name}` is not a list")
        for index, record in enumerate(records, start=1):
            try:
                if name == "votes":
                    votes.append(_vote(record))
                else:
                    searches.append(_search(record))
            except (KeyError, TypeError, ValueError):
                raise _broken(1, f"record {index} of `{name}` is not one it writes") from None
    return Store(tuple(sorted(votes)), tuple(sorted(searches)))


def _broken(line: int, why: str) -> FeedbackError:
    return FeedbackError(Problem(STORE, line, "error", f"{why}; this file is written by `helpcentre feedback "
                                                       "import`: restore it from git (or resolve the merge "
                                                       "conflict), then import the exports again"))


def _text(record: Any, name: str) -> str:
    value = record[name]
    if not isinstance(value, str):
        raise TypeError(name)
    return value


def _vote(record: Any) -> Vote:
    answer, reason = _text(record, "answer"), _text(record, "reason")
    if answer not in ANSWERS or reason not in ("", *NOT_HELPFUL_REASONS):
        raise ValueError(answer)
    return Vote(dt.date.fromisoformat(_text(record, "date")), _text(record, "key"), _text(record, "article"),
                _text(record, "lang"), answer == HELPFUL, reason)


def _search(record: Any) -> Search:
    return Search(dt.date.fromisoformat(_text(record, "date")), _text(record, "key"), _text(record, "lang"),
                  _text(record, "query"))


def save_store(root: Path, store: Store) -> None:
    """Write the store atomically: a temporary file beside it, then one rename.

    A failure (a full disk, an interrupted run) leaves the previous store as it
    was, never half of a new one. Raises FeedbackError.
    """
    path = root / STORE
    temp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".votes.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(dumps(store))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)  # mkstemp's 0600 would hide the store from the rest of the team
        os.replace(temp, path)
    except OSError as exc:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        raise FeedbackError(Problem(STORE, 1, "error", f"cannot write the feedback store ({exc.strerror}); "
                                                       "it was left as it was")) from None


# -- what the votes say -------------------------------------------------------------

@dataclass(frozen=True)
class Tally:
    """Votes on one article from readers of one language, since the review of what they were shown."""

    article_id: str
    category: str
    title: str
    lang: str  # the readers' language; per file (``by_file``), the file's language
    path: str  # the file those readers were shown (the English one until a translation exists)
    since: dt.date | None  # that file's `reviewed:` day
    helpful: int
    not_helpful: int
    reasons: tuple[tuple[str, int], ...]  # of the not-helpful votes, most frequent first; "" = none given

    @property
    def votes(self) -> int:
        return self.helpful + self.not_helpful

    @property
    def percent(self) -> int:
        """Not helpful, as a whole percentage of the votes (half up)."""
        return (200 * self.not_helpful + self.votes) // (2 * self.votes) if self.votes else 0


def needs_review(tally: Tally) -> bool:
    """At least MIN_VOTES votes since the review, and over NOT_HELPFUL_PERCENT% of them not helpful."""
    return tally.votes >= MIN_VOTES and 100 * tally.not_helpful > NOT_HELPFUL_PERCENT * tally.votes


def reasons_text(tally: Tally) -> str:
    """`unclear 7, outdated 5`: the reasons readers gave, most frequent first."""
    return ", ".join(f"{reason or 'no reason'} {count}" for reason, count in tally.reasons)


def tallies(corpus: Corpus, store: Store, today: dt.date, *, by_file: bool = False) -> tuple[Tally, ...]:
    """Per article and language, the votes dated from its review day up to ``today``.

    A reader of a language without its own translation was shown the English
    article: their votes count since the English ``reviewed:`` day. With
    ``by_file`` those votes are added to the English file's (what `check`
    judges: the file a writer must fix). Sorted by category, article id and the
    configured language order; pairs with no vote since the review are left out.
    """
    project = corpus.project
    order = _language_order(corpus)
    grouped: dict[tuple[str, str], list[Vote]] = {}
    for vote in store.votes:
        if vote.article not in corpus.sources or vote.lang not in project.codes:
            continue  # an article deleted or a language dropped since the import
        shown, _ = corpus.in_language(vote.article, vote.lang)
        since = shown.meta.reviewed
        if (since is not None and vote.day < since) or vote.day > today:
            continue
        grouped.setdefault((vote.article, shown.lang if by_file else vote.lang), []).append(vote)
    out = []
    for (article_id, lang), votes in grouped.items():
        source = corpus.sources[article_id]
        shown = corpus.get(article_id, lang) if by_file else corpus.in_language(article_id, lang)[0]
        assert shown is not None
        reasons = Counter(v.reason for v in votes if not v.helpful)
        helpful = sum(v.helpful for v in votes)
        out.append(Tally(article_id, source.category, source.meta.title or article_id, lang, shown.shown,
                         shown.meta.reviewed, helpful, len(votes) - helpful,
                         tuple(sorted(reasons.items(), key=lambda item: (-item[1], item[0] or "~")))))
    return tuple(sorted(out, key=lambda t: (t.category, t.article_id, order[t.lang])))


def _language_order(corpus: Corpus) -> dict[str, int]:
    """Language code -> its place in reports: the default language first, then mkdocs.yml's order."""
    default = corpus.project.default_language
    return {code: index for index, code in enumerate((default, *[c for c in corpus.project.codes if c != default]))}


@dataclass(frozen=True)
class SearchGroup:
    query: str  # casefolded, whitespace collapsed
    count: int
    languages: tuple[tuple[str, int], ...]  # in the configured language order

    @property
    def languages_text(self) -> str:
        return ", ".join(f"{lang} {count}" for lang, count in self.languages)


def normalise_query(query: str) -> str:
    """`  Stake   ETH ` and `stake eth` are one search."""
    return " ".join(query.casefold().split())


def failed_searches(corpus: Corpus, store: Store, today: dt.date) -> tuple[SearchGroup, ...]:
    """Searches readers said missed (nothing found, or not every word) in the last SEARCH_WINDOW_DAYS days.

    Most frequent first.
    """
    first = today - dt.timedelta(days=SEARCH_WINDOW_DAYS - 1)
    order = _language_order(corpus)
    groups: dict[str, Counter[str]] = {}
    for search in store.searches:
        query = normalise_query(search.query)
        if query and first <= search.day <= today:
            groups.setdefault(query, Counter())[search.lang] += 1
    out = [SearchGroup(query, sum(langs.values()),
                       tuple(sorted(langs.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))))
           for query, langs in groups.items()]
    return tuple(sorted(out, key=lambda g: (-g.count, g.query)))


@dataclass(frozen=True)
class FeedbackSummary:
    """What the report and the dashboard show of the store."""

    articles: tuple[Tally, ...]  # per article and language
    flagged: tuple[Tally, ...]  # per file, by the rule `check` warns on
    searches: tuple[SearchGroup, ...]

    @property
    def empty(self) -> bool:
        return not (self.articles or self.searches)


def summarise(corpus: Corpus, store: Store, today: dt.date) -> FeedbackSummary:
    return FeedbackSummary(tallies(corpus, store, today),
                           tuple(t for t in tallies(corpus, store, today, by_file=True) if needs_review(t)),
                           failed_searches(corpus, store, today))


def rule_text() -> str:
    """The rule in words, for the report and the dashboard."""
    return (f"at least {MIN_VOTES} votes since the article's last review, over {NOT_HELPFUL_PERCENT}% of them "
            "not helpful")
