"""Small adapters to the theme's Jinja environment and MkDocs' page addresses.

Kept here so the plugin never reaches into the theme's or MkDocs' internals
itself: a site engine that follows MkDocs 1.6 (ProperDocs) needs only these.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from jinja2 import BaseLoader, ChoiceLoader, DictLoader


def alias_templates(env: Any, aliases: dict[str, str]) -> None:
    """Make each alias render as the template it names (`zh/404.html` -> `404.html`).

    MkDocs writes a static template to the site under its own name; an alias
    is how a language's folder gets its own copy of the theme's 404 page.
    """
    stubs = {alias: '{% extends "' + target + '" %}' for alias, target in aliases.items()}
    loader: BaseLoader = env.loader
    if isinstance(loader, ChoiceLoader) and loader.loaders and isinstance(loader.loaders[0], DictLoader):
        loader.loaders[0].mapping.update(stubs)
        return
    env.loader = ChoiceLoader([DictLoader(stubs), loader])


def site_path(config: Any) -> str:
    """The site's root as an absolute path (`/` or `/help/`), as MkDocs gives 404 pages."""
    return urlsplit(config.site_url or "/").path or "/"
