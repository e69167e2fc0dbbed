"""The rows of the support-channel and coin-network tables, in a reader's language.

Two places show them: the generated pages (site/views.py, through templates)
and articles (the `{{ channels_table }}` and `{{ networks_table }}`
placeholders, as Markdown). What a row says is decided here once; each place
only lays the rows out.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .project import Project
from .registry import Coin, Registry
from .ui import UIStrings


@dataclass(frozen=True)
class ChannelRow:
    label: str      # "E-mail", in the reader's language
    shown: str      # the address, number or handle ("" for a plain web page)
    link: str       # mailto:, tel: or the page's URL
    use_for: str
    hours: str
    languages: str  # language names, comma-separated
    kind: str = ""  # the channel's kind (chat, ticket, email, phone, social)


@dataclass(frozen=True)
class NetworkRow:
    coin: Coin
    name: str
    fee: str
    minimum: str
    confirmations: str
    memo: str       # "Yes"/"No" in the reader's language
    explorer: str
    network: str = ""        # the network's id (TRC20), for notices about it
    explorer_host: str = ""  # tronscan.org: what a narrow screen shows of the link


def channel_rows(project: Project, registry: Registry, ui: UIStrings, lang: str) -> list[ChannelRow]:
    names = {language.code: language.name for language in project.languages}
    rows = []
    for ch in registry.channels:
        if ch.address:
            link, shown = f"mailto:{ch.address}", ch.address
        elif ch.number:
            link, shown = f"tel:{ch.number.replace(' ', '')}", ch.number
        else:
            link, shown = ch.url or "", ch.handle or ""
        rows.append(ChannelRow(ui.text(lang, f"channel.{ch.id}"), shown, link,
                               ui.text(lang, f"channel_use.{ch.use_for}"), ch.hours,
                               ", ".join(names.get(c, c) for c in ch.languages), ch.kind))
    return rows


def network_rows(registry: Registry, ui: UIStrings, lang: str, coins: list[Coin]) -> list[NetworkRow]:
    yes, no = ui.text(lang, "coin.memo_yes"), ui.text(lang, "coin.memo_no")
    return [NetworkRow(coin, net.name, f"{net.example_fee} {coin.symbol}", f"{net.example_min} {coin.symbol}",
                       str(net.confirmations), yes if net.memo else no, net.explorer, net.id,
                       urlsplit(net.explorer).hostname or net.explorer)
            for coin in coins for net in coin.networks]
