"""Articles readers say do not help: a warning on the file to review.

The votes come from the store `helpcentre feedback import` writes
(``helpcentre.freshness.feedback``). The rule, in one place there: at least
``MIN_VOTES`` (10) votes since the article's last review, and over
``NOT_HELPFUL_PERCENT`` (50%) of them "not helpful". Votes dated before the
``reviewed:`` day do not count, so reviewing the article (and setting
``reviewed:``) clears the warning until new readers say otherwise.

A warning, never an error: readers' clicks are a signal for the owner, not a
fact about the text, and CI must not fail on a day's bad mood. Readers of a
language with no translation of the article were shown the English file, so
their votes count there.
"""

from __future__ import annotations

import datetime as dt

from ..content.corpus import Corpus
from ..content.problems import Problem
from ..content.ui import UIStrings
from ..freshness.feedback import FeedbackError, Tally, load_store, needs_review, reasons_text, tallies


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """A warning per file that most of its recent readers said did not help; a broken store is an error."""
    try:
        store = load_store(corpus.project.root)
    except FeedbackError as exc:
        return [exc.problem]
    return sorted(_warning(corpus, t) for t in tallies(corpus, store, today, by_file=True) if needs_review(t))


def _warning(corpus: Corpus, tally: Tally) -> Problem:
    article = corpus.get(tally.article_id, tally.lang)
    line = article.line_of("reviewed") if article is not None else 1
    since = f"since it was reviewed on {tally.since.isoformat()}" if tally.since else "so far"
    reasons = f" ({reasons_text(tally)})" if tally.reasons else ""
    return Problem(tally.path, line, "warning",
                   f"{tally.not_helpful} of {tally.votes} readers ({tally.percent}%) said this did not help "
                   f"{since}{reasons}; review it, then set `reviewed:`")
