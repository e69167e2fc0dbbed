"""Search stop words: ``translations/stopwords/<lang>.yml``, one file per language.

A stop word is a word that says nothing about what an article is about
("my", "how", "de", "на"), one per line::

    - my

In a query it still counts, at STOP_WEIGHT (query.py), so "how to" alone
finds something, but it no longer lifts every article whose title starts
"My ..." or "How do I ...". Why a list rather than statistics: in a
language's index most articles may be English fallbacks, so "de" looks rare
to idf there; and the words readers need ("no", "not", "не") must never be
in it. Stored in the index as terms (tokenized with the one tokenizer).
A language without a file has no stop words.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content.problems import Problem
from ..content.project import Project
from .tokenize import analyze
from .wordfile import read_file, read_list

STOPWORDS_DIR = "stopwords"
EXAMPLE = "- my"


def stopwords_path(project: Project, lang: str) -> Path:
    return project.translations_dir / STOPWORDS_DIR / f"{lang}.yml"


def load_stopwords(project: Project, lang: str) -> tuple[list[str], list[Problem]]:
    """The stop words of ``lang`` as index terms (empty without a file), and any problems."""
    path = stopwords_path(project, lang)
    if not path.is_file():
        return [], []
    shown = project.display(path)
    problems: list[Problem] = []
    text = read_file(path, shown, problems)
    if problems:
        return [], problems
    return parse_stopwords(text, shown)


def parse_stopwords(text: str, shown: str) -> tuple[list[str], list[Problem]]:
    problems: list[Problem] = []
    words: list[str] = []
    for item in read_list(text, shown, entry="word", example=EXAMPLE, problems=problems):
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            problems.append(Problem(shown, line, "error", f"expected one word, like `{EXAMPLE}`"))
            continue
        terms = [t.term for t in analyze(str(item.value)) if t.kind != "stem"]
        if len(terms) != 1:
            problems.append(Problem(shown, line, "error",
                                    f'"{item.value}" is {len(terms)} search terms; a stop word is one '
                                    "word (write each word of a phrase on its own line)"))
            continue
        if terms[0] not in words:
            words.append(terms[0])
    return sorted(words), problems
