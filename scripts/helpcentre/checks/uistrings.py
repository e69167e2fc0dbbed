"""UI strings: every language's ``translations/<lang>.yml`` against the default one.

A missing key is a warning, not an error: adding a language must work with
configuration and a translations file alone, and readers see the default
language's text meanwhile (``mkdocs build --strict`` still fails on it). A
string whose ``{placeholders}`` differ from the default language's would break
the page or show a raw ``{name}``, so that is an error.

Every string is read as a Python format string (``string.Formatter``), the way
the site fills it in: a brace that does not pair up (``{exchange`` or a stray
``}``) would stop the build, so it is an error in every language, the default
one included. A brace meant as text is written twice, ``{{`` or ``}}``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import string
from pathlib import Path
from typing import Any

import yaml

from ..content.corpus import Corpus
from ..content.loader import read_yaml_file
from ..content.problems import Problem
from ..content.ui import UIStrings


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    if ui is None:  # the UI files could not be read; that is reported already
        return []
    project = corpus.project
    default = ui.strings[ui.default]
    default_name = next((lang.name for lang in project.languages if lang.code == ui.default),
                        ui.default)
    problems: list[Problem] = []
    default_path = project.translations_dir / f"{ui.default}.yml"
    default_lines = key_lines(default_path, project.display(default_path))
    for key in sorted(default):
        if isinstance(default[key], str) and placeholders(default[key]) is None:
            problems.append(Problem(project.display(default_path), default_lines.get(key, 1), "error",
                                    _unpaired(key, default[key])))
    for lang in project.codes:
        if lang == ui.default:
            continue
        path = project.translations_dir / f"{lang}.yml"
        shown = project.display(path)
        lines = key_lines(path, shown)
        table = ui.strings.get(lang, {})
        for key in ui.keys_missing_in(lang):
            problems.append(Problem(shown, _nearest_line(key, lines), "warning",
                                    f"`{key}`: missing; readers of this language see the "
                                    f"{default_name} text {_quote(default[key])} until you add it"))
        for key in sorted(set(table) - set(default)):
            close = difflib.get_close_matches(key, list(default), n=1, cutoff=0.8)
            hint = f"; did you mean `{close[0]}`?" if close else "; remove it"
            problems.append(Problem(shown, lines.get(key, 1), "warning",
                                    f"`{key}`: not a UI string the site uses (it is not in "
                                    f"translations/{ui.default}.yml){hint}"))
        for key in sorted(set(table) & set(default)):
            message = _compare(key, default[key], table[key], ui.default)
            if message:
                problems.append(Problem(shown, lines.get(key, 1), "error", message))
    return problems


def _compare(key: str, theirs: Any, mine: Any, default: str) -> str | None:
    if isinstance(theirs, list) != isinstance(mine, list):
        kind = "a list" if isinstance(theirs, list) else "text"
        return f"`{key}`: expected {kind}, as in translations/{default}.yml"
    if isinstance(theirs, list):
        if len(theirs) != len(mine):
            return (f"`{key}`: expected {len(theirs)} items, as in translations/{default}.yml, "
                    f"found {len(mine)}")
        return None
    have = placeholders(str(mine))
    want = placeholders(str(theirs))
    if have is None:
        return _unpaired(key, str(mine), want)
    if want is not None and want != have:
        shown = ", ".join(sorted(want)) or "none"
        found = ", ".join(sorted(have)) or "none"
        return (f"`{key}`: the placeholders in braces must be the same as in "
                f"translations/{default}.yml ({shown}), found {found}; copy them unchanged, "
                "they are filled in by the site")
    return None


def placeholders(text: str) -> set[str] | None:
    """The placeholders as written (`{exchange}`, `{day:02}`); None if the braces do not pair up.

    ``string.Formatter().parse`` is the parser ``str.format`` itself uses, so a
    string it accepts is one the site can fill in.
    """
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return None
    return {"{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            for _, name, spec, conversion in fields if name is not None}


def _unpaired(key: str, text: str, want: set[str] | None = None) -> str:
    example = ", ".join(sorted(want)) if want else "{name}"
    return (f"`{key}`: a brace {{ or }} has no partner in {_quote(text)}; placeholders are a "
            f"name in braces, like {example}, and a brace meant as text is written twice, "
            "{{ or }}")


def _quote(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def _nearest_line(key: str, lines: dict[str, int]) -> int:
    """The line of the closest section that exists (`feedback:` for `feedback.why`)."""
    parts = key.split(".")
    for end in range(len(parts) - 1, 0, -1):
        line = lines.get(".".join(parts[:end]))
        if line:
            return line
    return 1


def key_lines(path: Path, shown: str) -> dict[str, int]:
    """Dotted key -> line in the file, read with the one hardened YAML loader.

    Empty when the file cannot be read: ``load_ui_strings`` reports why.
    """
    node = read_yaml_file(path, shown).node
    lines: dict[str, int] = {}

    def walk(node: Any, prefix: str) -> None:
        if not isinstance(node, yaml.MappingNode):
            return
        for key, value in node.value:
            name = f"{prefix}.{key.value}" if prefix else str(key.value)
            lines[name] = key.start_mark.line + 1
            walk(value, name)

    walk(node, "")
    return lines
