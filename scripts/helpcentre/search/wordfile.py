"""Reading the YAML lists under translations/ that tune search (synonyms, stop words).

Both are a YAML list, one entry per line; this reads the list and reports
what is wrong with it on its line, in the words a writer needs (the files are
edited by writers, in pull requests, and checked by `helpcentre check`).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content.loader import parse_yaml_text, read_text_file
from ..content.problems import Problem


def read_file(path: Path, shown: str, problems: list[Problem]) -> str:
    """The file's text ("" when it cannot be used: not UTF-8, unreadable; that goes to ``problems``)."""
    text, problem = read_text_file(path, shown)
    if problem:
        problems.append(problem)
    return text or ""


def read_list(text: str, shown: str, *, entry: str, example: str,
              problems: list[Problem]) -> list[yaml.Node]:
    """The list's entries as YAML nodes; problems with the whole file go to ``problems``.

    ``entry`` names one entry for the messages ("group", "word").
    """
    loaded = parse_yaml_text(text, shown, hint=f"; write one {entry} per line, like `{example}`")
    if loaded.problem:
        problems.append(loaded.problem)
        return []
    node = loaded.node
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(shown, node.start_mark.line + 1, "error",
                                f"expected a list of {entry}s, one per line, like `{example}`"))
        return []
    return list(node.value)
