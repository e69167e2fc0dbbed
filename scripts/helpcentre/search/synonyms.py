"""Search synonyms: ``translations/synonyms/<lang>.yml``, one file per language.

Each entry is a group of words or phrases readers use for the same thing::

    - [提币, 提现, 出金, withdraw]

A query containing any member of a group also looks for the others (query
expansion, done in the reader's browser and in ``helpcentre search``). Groups
are kept in the index file as written; both sides tokenize them with the one
tokenizer. A language without a file simply has no synonyms.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content.problems import Problem
from ..content.project import Project
from .wordfile import read_list

SYNONYMS_DIR = "synonyms"
EXAMPLE = "- [提币, 提现, 出金, withdraw]"


def synonyms_path(project: Project, lang: str) -> Path:
    return project.translations_dir / SYNONYMS_DIR / f"{lang}.yml"


def load_synonyms(project: Project, lang: str) -> tuple[list[list[str]], list[Problem]]:
    """The groups for ``lang`` (empty without a file) and any problems in the file."""
    path = synonyms_path(project, lang)
    if not path.is_file():
        return [], []
    return parse_synonyms(path.read_text(encoding="utf-8-sig"), project.display(path))


def parse_synonyms(text: str, shown: str) -> tuple[list[list[str]], list[Problem]]:
    problems: list[Problem] = []

    def error(line: int, message: str) -> None:
        problems.append(Problem(shown, line, "error", message))

    items = read_list(text, shown, entry="group", example=EXAMPLE, problems=problems)
    groups: list[list[str]] = []
    for item in items:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.SequenceNode):
            error(line, f"expected a group in square brackets, like `{EXAMPLE}`; found "
                        f'"{getattr(item, "value", "")}"')
            continue
        words = [str(w.value).strip() for w in item.value
                 if isinstance(w, yaml.ScalarNode) and str(w.value).strip()]
        if len(words) != len(item.value):
            error(line, "every member of a group must be a word or phrase (not empty, not a "
                        "list)")
            continue
        if len(set(words)) < 2:
            error(line, f"a group needs at least two different words, found {len(set(words))}; "
                        "add the words readers use for the same thing")
            continue
        groups.append(words)
    return groups, problems
