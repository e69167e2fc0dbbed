"""Search synonyms: ``translations/synonyms/<lang>.yml``, one file per language.

Each entry is a group of words or phrases readers use for the same thing::

    - [提币, 提现, 出金, withdraw]

A query containing any member of a group also looks for the others (query
expansion, done in the reader's browser and in ``helpcentre search``). A
one-way entry expands only its first word::

    - clave: [contraseña, password]

"clave" also finds "contraseña", but "contraseña" does not find every
article about an API "clave" (readers call the password "clave"; the
articles use the word for keys too). Groups are kept in the index file as
written, one-way ones with the first word first and their numbers in
``oneway``; both sides tokenize them with the one tokenizer. A language
without a file simply has no synonyms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.problems import Problem
from ..content.project import Project
from .wordfile import read_file, read_list

SYNONYMS_DIR = "synonyms"
EXAMPLE = "- [提币, 提现, 出金, withdraw]"
ONE_WAY_EXAMPLE = "- clave: [contraseña, password]"


@dataclass(frozen=True)
class Synonyms:
    groups: list[list[str]] = field(default_factory=list)
    oneway: list[int] = field(default_factory=list)  # groups whose first word alone expands


def synonyms_path(project: Project, lang: str) -> Path:
    return project.translations_dir / SYNONYMS_DIR / f"{lang}.yml"


def load_synonyms(project: Project, lang: str) -> tuple[Synonyms, list[Problem]]:
    """The groups for ``lang`` (empty without a file) and any problems in the file."""
    path = synonyms_path(project, lang)
    if not path.is_file():
        return Synonyms(), []
    shown = project.display(path)
    problems: list[Problem] = []
    text = read_file(path, shown, problems)
    if problems:
        return Synonyms(), problems
    return parse_synonyms(text, shown)


def parse_synonyms(text: str, shown: str) -> tuple[Synonyms, list[Problem]]:
    problems: list[Problem] = []

    def error(line: int, message: str) -> None:
        problems.append(Problem(shown, line, "error", message))

    items = read_list(text, shown, entry="group", example=EXAMPLE, problems=problems)
    groups: list[list[str]] = []
    oneway: list[int] = []
    for item in items:
        line = item.start_mark.line + 1
        one_way = isinstance(item, yaml.MappingNode)
        if one_way:
            if len(item.value) != 1 or not isinstance(item.value[0][0], yaml.ScalarNode) \
                    or not isinstance(item.value[0][1], yaml.SequenceNode):
                error(line, f"a one-way entry is one word and the words it also finds, like "
                            f"`{ONE_WAY_EXAMPLE}`")
                continue
            source, targets = item.value[0]
            item = yaml.SequenceNode(targets.tag, [source, *targets.value], item.start_mark, item.end_mark)
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
        if one_way:
            oneway.append(len(groups))
        groups.append(words)
    return Synonyms(groups, oneway), problems
