"""Registry facts inside articles: ``{{ exchange_name }}``, ``{{ networks_table }}``...

Writers put these in Markdown instead of copying fees or channel lists, so a
change in ``content/_data/`` reaches every article and every language at once.
Expansion produces Markdown; the Markdown renderer escapes nothing for us, so
every registry value is escaped here (registries are edited in pull requests
but are still untrusted input to the page).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .project import Project
from .registry import Registry
from .tables import channel_rows, network_rows
from .ui import UIStrings

LINE_RE = re.compile(r"^[ \t]*\{\{\s*(networks_table|channels_table)((?:\s+[A-Za-z0-9]+)*)\s*\}\}[ \t]*$",
                     re.MULTILINE)
INLINE_RE = re.compile(r"\{\{\s*exchange_name\s*\}\}")
KNOWN = ("exchange_name", "networks_table", "channels_table")
ANY_RE = re.compile(r"\{\{\s*([A-Za-z_]+)[^}]*\}\}")


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")


# (symbol, network id) -> (text, link) for each service of the network that is not
# normal today ("Withdrawals: suspended", the notice's Markdown path or ""); given by
# the site, which knows today's status (content only lays it out).
StatusOf = Callable[[str, str], list[tuple[str, str]]]


def networks_table(registry: Registry, ui: UIStrings, lang: str, symbols: list[str],
                   status_of: StatusOf | None = None) -> str:
    coins = [registry.coins[s] for s in symbols if s in registry.coins] if symbols \
        else list(registry.coins.values())
    keys = ("coin.title_short", "coin.network", "coin.status", "coin.memo", "coin.fee",
            "coin.minimum", "coin.confirmations")
    head = [ui.text(lang, k) for k in keys]
    rows = ["| " + " | ".join(map(_cell, head)) + " |", "|" + "---|" * len(head)]
    for row in network_rows(registry, ui, lang, coins):
        links = status_of(row.coin.symbol, row.network) if status_of else []
        status = "<br>".join(f"**[{_cell(text)}]({url})**" if url else f"**{_cell(text)}**"
                             for text, url in links) or _cell(ui.text(lang, "coin.status_none"))
        rows.append("| " + " | ".join([_cell(f"{row.coin.symbol} ({row.coin.name(lang)})"),
                                       _cell(row.name), status, _cell(row.memo), _cell(row.fee),
                                       _cell(row.minimum), _cell(row.confirmations)]) + " |")
    return "\n".join(rows) + "\n\n*" + _cell(ui.text(lang, "coin.examples_note")) + "*"


def channels_table(project: Project, registry: Registry, ui: UIStrings, lang: str) -> str:
    head = [ui.text(lang, k) for k in ("contact.channel", "contact.use_for", "contact.hours",
                                      "contact.languages")]
    rows = ["| " + " | ".join(map(_cell, head)) + " |", "|---|---|---|---|"]
    for row in channel_rows(project, registry, ui, lang):
        label = _cell(row.label)
        if row.shown and row.link.startswith(("mailto:", "tel:")):
            label += f": [{_cell(row.shown)}]({row.link})"
        elif row.link:
            label = f"[{label}]({row.link})"
        rows.append("| " + " | ".join([label, _cell(row.use_for), _cell(row.hours),
                                       _cell(row.languages)]) + " |")
    return "\n".join(rows)


def expand(markdown: str, *, project: Project, registry: Registry, ui: UIStrings,
           lang: str, status_of: StatusOf | None = None) -> str:
    def line(match: re.Match[str]) -> str:
        if match.group(1) == "networks_table":
            return networks_table(registry, ui, lang, match.group(2).upper().split(), status_of)
        return channels_table(project, registry, ui, lang)

    markdown = LINE_RE.sub(line, markdown)
    return INLINE_RE.sub(html.escape(registry.site.exchange_name), markdown)


def unknown_placeholders(markdown: str) -> list[str]:
    """Names in ``{{ ... }}`` that are not ours (for `helpcentre check`)."""
    return [m.group(1) for m in ANY_RE.finditer(markdown) if m.group(1) not in KNOWN]
