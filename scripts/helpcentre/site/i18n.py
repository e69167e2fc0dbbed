"""Everything we know about mkdocs-static-i18n's insides, in one place.

mkdocs-static-i18n builds one language after the other in one process: the
default language first, then, from its ``on_post_build``, every other
language again into the same site_dir. Our plugin and our build engine need
a few of its attributes to cooperate with that loop; they are read and set
only here, so the next version of the plugin (or a site engine without it,
such as Zensical's one build per language) touches this file alone.

``VERSION`` is the release these attributes were read from. With another
release the build still runs, but the one thing we replace (its quadratic
search de-duplication) is left as it is, and we say so.
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version
from typing import Any

VERSION = "1.3.1"  # the mkdocs-static-i18n release this adapter was written against


class NoI18n(Exception):
    """mkdocs.yml has no i18n plugin: split builds need it."""


def plugin_of(config: Any) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise NoI18n("mkdocs.yml has no `i18n` plugin; split builds need mkdocs-static-i18n")
    return plugin


def build_order(config: Any) -> list[str]:
    """The order a single-process build goes in: default language, then the rest as listed."""
    i18n = plugin_of(config)
    built = [lang.locale for lang in i18n.config.languages if lang.build]
    default = i18n.default_language
    return [default] + [code for code in built if code != default]


def default_language(config: Any) -> str:
    return plugin_of(config).default_language


def current_language(config: Any) -> str | None:
    """The language being built now (i18n's ``current_language``), or None without i18n."""
    for plugin in config.plugins.values():
        current = getattr(plugin, "current_language", None)
        if isinstance(current, str):
            return current
    return None


def one_language(config: Any, lang: str) -> None:
    """Make ``build(config)`` build ``lang`` alone, exactly as inside a full build.

    i18n's ``on_config`` keeps a language already set, and with ``building``
    True its ``on_post_build`` returns before looping over the other languages.
    Files of the other languages are dropped before i18n sees them (it pairs
    every file with every language: O(files x languages) per build); only the
    default language is kept, as the fallback text. (Its option
    ``build_only_locale`` was rejected: it builds that language at the site
    root, so every URL and our plugin's paths would differ.)
    """
    i18n = plugin_of(config)
    i18n.current_language = lang
    i18n.building = True
    keep = {lang, i18n.default_language}
    config.plugins["helpcentre-one-language"] = _files_dropped(
        {code for code in i18n.all_languages if code not in keep})


def _files_dropped(dropped: set[str]) -> Any:
    """A plugin object that removes the files under the ``dropped`` language folders."""
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.structure.files import Files

    class OtherLanguagesDropped(BasePlugin):  # type: ignore[type-arg]
        @event_priority(100)  # before mkdocs-static-i18n (-100) and our plugin (-110)
        def on_files(self, files: Files, config: Any) -> Files:
            return Files([f for f in files if f.src_uri.split("/", 1)[0] not in dropped])

    return OtherLanguagesDropped()


def set_alternates(config: Any, alternates: list[dict[str, str]]) -> None:
    """The language switcher's links (Material reads ``config.extra.alternate``).

    mkdocs-static-i18n sets ``config.extra.alternate`` as an attribute of the
    ``extra`` config object, which Jinja reads before the dict item of the same
    name; setting only the item left a stale switcher on pages rendered after
    a page of another language (the 404 pages showed the last coin page's).
    """
    config.extra["alternate"] = alternates
    setattr(config.extra, "alternate", alternates)  # noqa: B010 - the attribute, not the item


def mark_generated(file: Any, lang: str, src_uri: str) -> None:
    """The attributes i18n's own files carry, so its templates work on pages we generate."""
    file.locale = lang
    file.localization = lang
    file.locale_alternate_of = lang
    file.alternates = {lang: file}
    file.norm_src_uri = src_uri.split("/", 1)[1]


def dedupe_search_entries(entries: list[dict[str, Any]], languages: list[str]) -> list[dict[str, Any]]:
    """mkdocs-static-i18n 1.3.1's ``reconfigure_search_duplicates``, in linear time.

    It drops an entry under ``<lang>/`` whose title and text equal a default-language
    entry's and whose location ends with that entry's location (a page shown in
    English under /zh/ is indexed once). It compares every default entry with every
    other entry (quadratic: minutes at 12,000 pages), and it removes items from the
    list it is iterating over, so after each removal the next entry is skipped: of
    five identical fallback pages in a row, the 2nd and 4th stay. We reproduce that
    exactly, so a merged site's index is the single-process build's, byte for byte.
    """
    prefixes = tuple(f"{lang}/" for lang in languages)
    targets = [e for e in entries if e["location"].startswith(prefixes)]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, entry in enumerate(targets):
        groups.setdefault((entry["title"], entry["text"]), []).append(i)
    following = list(range(1, len(targets) + 1))  # a linked list of the entries still kept
    before = list(range(-1, len(targets) - 1))
    removed = [False] * len(targets)
    for entry in entries:
        if entry["location"].startswith(prefixes):
            continue
        matches = [i for i in groups.get((entry["title"], entry["text"]), ())
                   if not removed[i] and targets[i]["location"].endswith(entry["location"])]
        skipped = -1
        for i in matches:
            if i == skipped:
                continue
            removed[i] = True
            skipped = following[i]  # the entry the loop in i18n steps over
            if before[i] >= 0:
                following[before[i]] = following[i]
            if following[i] < len(targets):
                before[following[i]] = before[i]
    dropped = {id(targets[i]) for i, gone in enumerate(removed) if gone}
    return [e for e in entries if id(e) not in dropped]


def use_linear_search_dedupe() -> None:
    """Swap i18n's quadratic de-duplication for the equivalent linear one above."""
    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    try:
        installed = version("mkdocs-static-i18n")
    except PackageNotFoundError:
        installed = "unknown"
    if installed != VERSION:
        logging.getLogger("mkdocs").info(
            "helpcentre build: mkdocs-static-i18n is %s, not %s; keeping its own search "
            "de-duplication (slow on large sites)", installed, VERSION)
        return

    original = ExtendedPlugin.reconfigure_search_duplicates
    if hasattr(original, "__wrapped__"):
        return  # already swapped in this process

    def reconfigure_search_duplicates(self: Any, entries: list[dict[str, Any]]) -> None:
        entries[:] = dedupe_search_entries(entries, self.build_languages)

    reconfigure_search_duplicates.__wrapped__ = original  # type: ignore[attr-defined]
    ExtendedPlugin.reconfigure_search_duplicates = reconfigure_search_duplicates  # type: ignore[method-assign]
