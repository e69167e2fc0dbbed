"""An article's HTML as the site renders it, without MkDocs.

The safety gate judges HTML, not Markdown source, so ``helpcentre check``
needs the HTML a build would make: placeholders expanded, then Python-Markdown
with exactly the ``markdown_extensions`` of mkdocs.yml (MkDocs reads the same
list). Links to ``.md`` files stay as written here (MkDocs rewrites them to
page URLs later); the gate reads them as our own pages either way.
"""

from __future__ import annotations

from typing import Any

import markdown

from ..content.corpus import Article, Corpus
from ..content.placeholders import expand
from ..content.project import read_mkdocs_yml
from ..content.ui import UIStrings


def extensions_of(config: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """mkdocs.yml `markdown_extensions`: names, and the options of each."""
    names: list[str] = []
    options: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            for name, value in entry.items():
                names.append(name)
                options[name] = value or {}
        else:
            names.append(str(entry))
    return names, options


class Renderer:
    """One Markdown converter for a whole run: creating it costs more than a page."""

    def __init__(self, corpus: Corpus, ui: UIStrings | None):
        self.corpus = corpus
        self.ui = ui
        config = read_mkdocs_yml(corpus.project.root / "mkdocs.yml")
        names, options = extensions_of(config)
        self.extensions = names
        self._md = markdown.Markdown(extensions=names, extension_configs=options)

    def html(self, article: Article) -> str:
        body = article.body
        if self.ui is not None:  # without UI strings placeholders cannot be filled; judged as written
            body = expand(body, project=self.corpus.project, registry=self.corpus.registry,
                          ui=self.ui, lang=article.lang)
        return self._md.reset().convert(body)
