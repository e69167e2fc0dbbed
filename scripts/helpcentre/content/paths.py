"""Where each page lives in the built site, as site-root-relative URLs.

The default language sits at the root (``security/set-up-2fa/``), every other
language under its code (``zh/security/set-up-2fa/``), as mkdocs-static-i18n
lays them out. Templates turn these into page-relative links with MkDocs'
``url`` filter, so the site works from any sub-path and from disk.
"""

from __future__ import annotations


def prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def home(lang: str, default: str) -> str:
    return prefix(lang, default) or "./"


def category(lang: str, default: str, category_id: str) -> str:
    return f"{prefix(lang, default)}{category_id}/"


def article(lang: str, default: str, category_id: str, article_id: str) -> str:
    return f"{prefix(lang, default)}{category_id}/{article_id}/"


def coin(lang: str, default: str, symbol: str) -> str:
    return f"{prefix(lang, default)}coins/{symbol.lower()}/"


def coins_index(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}coins/"


def contact(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}contact/"


def status(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}status/"


def verify(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}verify/"


def glossary(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}glossary/"


STATUS_JSON = "status.json"  # at the site root: every network's state, for the app and bots


def dest_of(url: str) -> str:
    """The HTML file a directory URL is written to."""
    return "index.html" if url == "./" else f"{url}index.html"


def generated(lang: str, default: str, categories: list[str], coins: list[str]) -> list[tuple[str, str, str]]:
    """Every page the site makes from the registries, as (kind, key, URL), in navigation order.

    One list: the plugin writes these pages and `check` accepts links to them.
    """
    return [("home", "", home(lang, default)), ("contact", "", contact(lang, default)),
            ("status", "", status(lang, default)), ("verify", "", verify(lang, default)),
            ("glossary", "", glossary(lang, default)),
            *(("category", c, category(lang, default, c)) for c in categories),
            *(("coin", s, coin(lang, default, s)) for s in coins)]


def notfound(lang: str, default: str) -> str:
    """The "not found" page of a language: a file, served by the host for missing URLs."""
    return f"{prefix(lang, default)}404.html"
