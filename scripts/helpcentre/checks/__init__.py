"""Every check `helpcentre check` runs, as families of functions over the corpus.

The loader and the corpus already report problems with single files and
between files (schema, YAML, ids, translations, coins). The families here
add the checks that read article bodies and other files: what may be
published (``content.files``), the safety gate over each rendered article and
its links (``links``, ``gate``), UI strings (``uistrings``), search word lists
(``searchwords``), freshness (``helpcentre.freshness``), network status
(``content.status``), the new-token rule (``content.risks``), articles readers
say do not help (``feedback``), troubleshooters against the articles and
topics they point at (``troubleshooters``), the glossary (``glossary``) and work `helpcentre new` started and nobody
finished (``unfinished``).
Each family is a function ``(corpus, ui, today) -> list[Problem]``; add a
family by adding it to ``FAMILIES``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..content.corpus import Corpus
from ..content.files import file_problems
from ..content.problems import ContentError, Problem
from ..content.risks import new_listing_problems
from ..content.status import status_problems
from ..content.ui import UIStrings
from ..freshness.policy import load_policy
from ..freshness.problems import freshness_problems
from .feedback import check as check_feedback
from .glossary import check as check_glossary
from .links import check as check_links
from .searchwords import check as check_search_words
from .troubleshooters import check as check_troubleshooters
from .uistrings import check as check_ui
from .unfinished import check as check_unfinished

CheckFunction = Callable[[Corpus, "UIStrings | None", dt.date], list[Problem]]


def check_freshness(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """The freshness family (overdue reviews of articles and coins, ended notices, outdated
    translations), with the project's own policy; a broken freshness.yml is reported, not raised."""
    try:
        policy = load_policy(corpus.project, corpus.registry)
    except ContentError as exc:
        return list(exc.problems)
    return freshness_problems(corpus, policy, today)


def check_files(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """Symbolic links and files of a kind articles may not carry (helpcentre.content.files)."""
    return file_problems(corpus.project)


def check_status(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """Network status on ``today`` (helpcentre.content.status): reviews due, contradictions."""
    return status_problems(corpus, today)


def check_new_listings(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """The new-token rule (helpcentre.content.risks): a newly listed coin needs a risk warning.
    Coins' review dates are in the freshness family (helpcentre.freshness.coins)."""
    return new_listing_problems(corpus, today)


FAMILIES: tuple[CheckFunction, ...] = (
    check_files,
    check_links,
    check_ui,
    check_search_words,
    check_freshness,
    check_status,
    check_new_listings,
    check_feedback,
    check_troubleshooters,
    check_glossary,
    check_unfinished,
)


def run_all(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """Every problem in the help centre, sorted by path then line, each once.

    ``ui`` is None when the UI files could not be read (their problems are
    reported by whoever tried); the other families still run.
    """
    problems = [*corpus.problems, *corpus.registry.warnings]
    for family in FAMILIES:
        problems.extend(family(corpus, ui, today))
    return sorted(set(problems))
