"""UI strings: ``translations/<lang>.yml``, flattened to dotted keys.

Lookup falls back loudly: the reader's language, then the default language,
then the key itself. Every fallback is recorded in ``missing`` so the build can
warn about it (and ``mkdocs build --strict`` fails), naming key and language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .loader import read_yaml_file
from .problems import ContentError, Problem
from .project import Project


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, dict):
                out.update(_flatten(value, name))
            else:
                out[name] = value
    return out


@dataclass
class UIStrings:
    default: str
    strings: dict[str, dict[str, Any]]
    missing: set[tuple[str, str]] = field(default_factory=set)

    def raw(self, lang: str, key: str) -> Any:
        table = self.strings.get(lang, {})
        if key in table:
            return table[key]
        self.missing.add((lang, key))
        if key in self.strings.get(self.default, {}):
            return self.strings[self.default][key]
        return key

    def text(self, lang: str, key: str, **values: str) -> str:
        value = str(self.raw(lang, key))
        return value.format(**values) if values else value

    def date(self, lang: str, day: dt.date) -> str:
        months = self.raw(lang, "date.months")
        month = months[day.month - 1] if isinstance(months, list) and len(months) == 12 else day.month
        return self.text(lang, "date.format", year=str(day.year), month=str(month),
                         day=str(day.day))

    def keys_missing_in(self, lang: str) -> list[str]:
        """Keys the default language has and ``lang`` lacks (for `helpcentre check`)."""
        return sorted(set(self.strings[self.default]) - set(self.strings.get(lang, {})))


def load_ui_strings(project: Project) -> UIStrings:
    strings: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for lang in project.codes:
        path = project.translations_dir / f"{lang}.yml"
        shown = project.display(path)
        if not path.is_file():
            problems.append(Problem(shown, 1, "error",
                                    f"the language {lang} is configured but has no UI strings; "
                                    f"copy translations/{project.default_language}.yml to "
                                    f"{shown} and translate it"))
            continue
        loaded = read_yaml_file(path, shown)
        if loaded.problem:
            problems.append(loaded.problem)
            continue
        strings[lang] = _flatten(loaded.data)
    if problems:
        raise ContentError(problems)
    return UIStrings(project.default_language, strings)
