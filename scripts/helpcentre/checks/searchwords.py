"""Search word lists: translations/synonyms/<lang>.yml and translations/stopwords/<lang>.yml.

The build reads them too (and fails a strict build on a problem); checking
them here tells a writer in the pull request, with the line to fix.
"""

from __future__ import annotations

import datetime as dt

from ..content.corpus import Corpus
from ..content.problems import Problem
from ..content.ui import UIStrings
from ..search.stopwords import load_stopwords
from ..search.synonyms import load_synonyms


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for lang in corpus.project.codes:
        problems.extend(load_synonyms(corpus.project, lang)[1])
        problems.extend(load_stopwords(corpus.project, lang)[1])
    return problems
