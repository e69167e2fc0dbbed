"""Where things are, and which languages the site has.

Languages are configured once, in mkdocs.yml under the ``i18n`` plugin (where
mkdocs-static-i18n needs them). This module reads that list without importing
MkDocs, so the command line and tests see the same languages as the build.
Adding a language is an entry there plus ``translations/<code>.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .loader import NESTING_MESSAGE, NestingTooDeep, check_nesting, decode
from .problems import ContentError, Problem


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool = False


@dataclass(frozen=True)
class Project:
    root: Path
    content_dir: Path
    translations_dir: Path
    languages: tuple[Language, ...]
    plugin_options: dict[str, Any]
    site_url: str = ""  # mkdocs.yml `site_url`: canonical URLs, sitemaps and feeds

    @property
    def data_dir(self) -> Path:
        return self.content_dir / "_data"

    @property
    def default_language(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def display(self, path: Path) -> str:
        """Paths in messages are relative to the project root, with / separators.

        The plain `relative_to` comes first: `resolve()` costs a system call per
        path part, which was a third of loading 12,000 articles.
        """
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!ENV` and `!!python/name:` tags; we only need plain data."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _any_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def _plugin(plugins: Any, name: str) -> dict[str, Any] | None:
    for entry in plugins or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return entry[name] or {}
    return None


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data (tags like `!ENV` become their raw values)."""
    return parse_mkdocs_yml(path.read_text(encoding="utf-8-sig"))


def parse_mkdocs_yml(text: str) -> dict[str, Any]:
    # The same nesting limit as every other YAML file (loader.py): PyYAML's
    # Python loader used here recurses once per level.
    check_nesting(text)
    return yaml.load(text, Loader=_TolerantLoader)  # noqa: S506


def load_project(root: Path, config_file: str = "mkdocs.yml") -> Project:
    path = root / config_file
    shown = config_file
    try:
        text, problem = decode(path.read_bytes(), shown)
        if text is None:
            raise ContentError([problem] if problem else [])
        config = parse_mkdocs_yml(text)
    except OSError as exc:
        raise ContentError([Problem(shown, 1, "error", f"cannot read the site configuration "
                                                       f"({exc.strerror})")]) from None
    except NestingTooDeep as exc:
        raise ContentError([Problem(shown, exc.line + 1, "error", NESTING_MESSAGE)]) from None
    except yaml.MarkedYAMLError as exc:
        line = (exc.problem_mark.line + 1) if exc.problem_mark else 1
        raise ContentError([Problem(shown, line, "error", f"not valid YAML ({exc.problem})")]) from None
    if not isinstance(config, dict):
        raise ContentError([Problem(shown, 1, "error", "the site configuration must be "
                                                       "`name: value` lines, like `site_name: ...`")])
    i18n = _plugin(config.get("plugins"), "i18n")
    if not i18n or not i18n.get("languages"):
        raise ContentError([Problem(shown, 1, "error", "the `i18n` plugin with its `languages` "
                                                       "list is missing; languages are configured there")])
    if not all(isinstance(item, dict) and item.get("locale") for item in i18n["languages"]):
        raise ContentError([Problem(shown, 1, "error", "every entry of `i18n.languages` needs a "
                                                       "`locale`, like `- locale: en`")])
    languages = tuple(Language(str(item["locale"]), str(item.get("name", item["locale"])),
                               bool(item.get("default", False)))
                      for item in i18n["languages"])
    if sum(lang.default for lang in languages) != 1:
        raise ContentError([Problem(shown, 1, "error", "exactly one language in `i18n.languages` "
                                                       "must have `default: true`")])
    return Project(
        root=root,
        content_dir=root / str(config.get("docs_dir", "docs")),
        translations_dir=root / "translations",
        languages=languages,
        plugin_options=_plugin(config.get("plugins"), "helpcentre") or {},
        site_url=str(config.get("site_url") or ""),
    )
