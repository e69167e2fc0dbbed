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

from .project import Project
from .registry import Registry
from .ui import UIStrings

LINE_RE = re.compile(r"^[ \t]*\{\{\s*(networks_table|channels_table)((?:\s+[A-Za-z0-9]+)*)\s*\}\}[ \t]*$",
                     re.MULTILINE)
INLINE_RE = re.compile(r"\{\{\s*exchange_name\s*\}\}")
KNOWN = ("exchange_name", "networks_table", "channels_table")
ANY_RE = re.compile(r"\{\{\s*([A-Za-z_]+)[^}]*\}\}")


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")


def networks_table(registry: Registry, ui: UIStrings, lang: str, symbols: list[str]) -> str:
    coins = [registry.coins[s] for s in symbols if s in registry.coins] if symbols \
        else list(registry.coins.values())
    head = [ui.text(lang, k) for k in ("coin.title_short", "coin.network", "coin.fee",
                                      "coin.minimum", "coin.confirmations", "coin.memo")]
    yes, no = ui.text(lang, "coin.memo_yes"), ui.text(lang, "coin.memo_no")
    rows = ["| " + " | ".join(map(_cell, head)) + " |", "|" + "---|" * len(head)]
    for coin in coins:
        for net in coin.networks:
            rows.append("| " + " | ".join(_cell(x) for x in (
                f"{coin.symbol} ({coin.name(lang)})", net.name, f"{net.example_fee} {coin.symbol}",
                f"{net.example_min} {coin.symbol}", str(net.confirmations),
                yes if net.memo else no)) + " |")
    return "\n".join(rows) + "\n\n*" + _cell(ui.text(lang, "coin.examples_note")) + "*"


def channels_table(project: Project, registry: Registry, ui: UIStrings, lang: str) -> str:
    names = {lang_.code: lang_.name for lang_ in project.languages}
    head = [ui.text(lang, k) for k in ("contact.channel", "contact.use_for", "contact.hours",
                                      "contact.languages")]
    rows = ["| " + " | ".join(map(_cell, head)) + " |", "|---|---|---|---|"]
    for ch in registry.channels:
        label = _cell(ui.text(lang, f"channel.{ch.id}"))
        if ch.address:
            label += f": [{_cell(ch.address)}](mailto:{ch.address})"
        elif ch.number:
            label += f": [{_cell(ch.number)}](tel:{ch.number.replace(' ', '')})"
        elif ch.url:
            label = f"[{label}]({ch.url})"
        rows.append("| " + " | ".join([
            label, _cell(ui.text(lang, f"channel_use.{ch.use_for}")), _cell(ch.hours),
            _cell(", ".join(names.get(c, c) for c in ch.languages))]) + " |")
    return "\n".join(rows)


def expand(markdown: str, *, project: Project, registry: Registry, ui: UIStrings,
           lang: str) -> str:
    def line(match: re.Match[str]) -> str:
        if match.group(1) == "networks_table":
            return networks_table(registry, ui, lang, match.group(2).upper().split())
        return channels_table(project, registry, ui, lang)

    markdown = LINE_RE.sub(line, markdown)
    return INLINE_RE.sub(html.escape(registry.site.exchange_name), markdown)


def unknown_placeholders(markdown: str) -> list[str]:
    """Names in ``{{ ... }}`` that are not ours (for `helpcentre check`)."""
    return [m.group(1) for m in ANY_RE.finditer(markdown) if m.group(1) not in KNOWN]
