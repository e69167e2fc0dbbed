"""Reading the YAML lists under translations/ that tune search (synonyms, stop words).

Both are a YAML list, one entry per line; this reads the list and reports
what is wrong with it on its line, in the words a writer needs (the files are
edited by writers, in pull requests, and checked by `helpcentre check`).
"""

from __future__ import annotations

import yaml

from ..content.loader import SafeFrontMatterLoader
from ..content.problems import Problem


def read_list(text: str, shown: str, *, entry: str, example: str,
              problems: list[Problem]) -> list[yaml.Node]:
    """The list's entries as YAML nodes; problems with the whole file go to ``problems``.

    ``entry`` names one entry for the messages ("group", "word").
    """
    loader = SafeFrontMatterLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(shown, (mark.line + 1) if mark else 1, "error",
                                f"not valid YAML ({getattr(exc, 'problem', exc)}); write one {entry} "
                                f"per line, like `{example}`"))
        return []
    finally:
        loader.dispose()
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(shown, node.start_mark.line + 1, "error",
                                f"expected a list of {entry}s, one per line, like `{example}`"))
        return []
    return list(node.value)
