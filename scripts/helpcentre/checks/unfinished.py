"""Unfinished work `helpcentre new` started: a skeleton never written, a translation not done.

Both files pass the schema on purpose (`helpcentre new` never hands a writer a
file `check` refuses), so nothing else would mention them: `check` would say
"no problems" while the site showed an empty article, or an English copy
where a translation should be.

Warnings, not errors: a writer may open a pull request with a draft to ask for
help, and the pre-commit hook runs `check` on every commit. Readers are not
misled meanwhile: a pending translation's page says it is not translated
(``Corpus.pending``), and the skeleton's hint is an HTML comment nobody sees.
These are not in ``Corpus.problems`` either: the build logs those as warnings,
and `mkdocs build --strict` would then refuse to publish the whole site
because one translation is in progress.
"""

from __future__ import annotations

import datetime as dt

from ..content.corpus import Article, Corpus
from ..content.problems import Problem
from ..content.scaffold import BODY_HINTS, generated_title, unwritten
from ..content.schema import PENDING, PENDING_FIELD
from ..content.ui import UIStrings


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """A warning for every unwritten English skeleton and every pending translation."""
    problems = [_unwritten(article) for article in corpus.sources.values() if unwritten(article.body)]
    languages = {lang.code: lang.name for lang in corpus.project.languages}
    problems.extend(_pending(article, languages[article.lang]) for article in corpus.pending.values())
    return sorted(problems)


def _unwritten(article: Article) -> Problem:
    hint = next((h for h in BODY_HINTS.values() if h in article.body), None)
    if hint is None:
        # Nothing after the front matter: point at its closing `---`.
        return Problem(article.shown, max(article.body_line - 1, 1), "warning",
                       "the article has no text; write it below the front matter")
    line = article.body_line + article.body.count("\n", 0, article.body.index(hint))
    if article.meta.title == generated_title(article.id):
        return Problem(article.shown, line, "warning",
                       "this is still the skeleton `helpcentre new` wrote: the title is made from "
                       "the file name and the body is only the hint comment; write the title as a "
                       "reader would ask it, write the article body, then delete the hint comment")
    return Problem(article.shown, line, "warning",
                   "the article has no text yet, only the hint comment `helpcentre new` wrote; "
                   "write the article body, then delete the hint comment")


def _pending(article: Article, language: str) -> Problem:
    return Problem(article.shown, article.field_lines.get(PENDING_FIELD, 1), "warning",
                   f"this translation is not finished (`{PENDING_FIELD}: {PENDING}`), so readers "
                   f"see the English article instead; translate the title, summary, keywords and "
                   f"text into {language}, then run `helpcentre translations sync {article.shown}`, "
                   "which removes this line")
