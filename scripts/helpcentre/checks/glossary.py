"""The glossary files (helpcentre.content.glossary) and the articles they name."""

from __future__ import annotations

import datetime as dt

from ..content.corpus import Corpus
from ..content.glossary import load_glossary, related_problems
from ..content.problems import Problem
from ..content.ui import UIStrings


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    glossary, problems = load_glossary(corpus.project)
    return [*problems, *related_problems(glossary, set(corpus.sources))]
