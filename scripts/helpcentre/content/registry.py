"""The registries: site facts, categories, coins and support channels.

They are YAML files under ``content/_data/`` so writers change them in the same
pull requests as articles. Every problem is reported with its file and line,
all at once; a broken registry stops the build (``ContentError``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .loader import SafeFrontMatterLoader
from .problems import ContentError, Problem
from .project import Project
from .urls import official_url_error, template_error

TICKET_PLACEHOLDERS = ("article", "lang", "category", "coin")
FEEDBACK_PLACEHOLDERS = ("article", "lang", "reason", "category")
CHANNEL_KINDS = ("chat", "ticket", "email", "phone", "social")


@dataclass(frozen=True)
class Network:
    id: str
    name: str
    confirmations: int
    example_fee: str
    example_min: str
    memo: bool
    explorer: str


@dataclass(frozen=True)
class Coin:
    symbol: str
    names: dict[str, str]
    networks: tuple[Network, ...]
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.symbol

    @property
    def slug(self) -> str:
        return self.symbol.lower()


@dataclass(frozen=True)
class Category:
    id: str
    names: dict[str, str]
    icon: str
    owner: str
    ticket_url: str
    prepare: tuple[str, ...]
    review_days: int | None = None

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.id


@dataclass(frozen=True)
class Channel:
    id: str
    kind: str
    hours: str
    languages: tuple[str, ...]
    use_for: str
    url: str | None = None
    address: str | None = None
    number: str | None = None
    handle: str | None = None


@dataclass(frozen=True)
class Site:
    exchange_name: str
    official_domains: tuple[str, ...]
    feedback_url: str


@dataclass(frozen=True)
class Registry:
    site: Site
    categories: tuple[Category, ...]
    coins: dict[str, Coin]
    channels: tuple[Channel, ...]
    warnings: tuple[Problem, ...] = ()  # reported by `helpcentre check`, never fatal

    @property
    def categories_by_id(self) -> dict[str, Category]:
        return {c.id: c for c in self.categories}

    def link_domains(self) -> tuple[str, ...]:
        """Hosts an article may link to anywhere on: ours and the block explorers.

        Social networks are not here: only our own accounts on them are
        allowed (``social_urls``), not every profile on x.com.
        """
        hosts = list(self.site.official_domains)
        hosts += [urlsplit(n.explorer).hostname or ""
                  for coin in self.coins.values() for n in coin.networks]
        return tuple(sorted({h for h in hosts if h}))

    def social_urls(self) -> tuple[str, ...]:
        return tuple(c.url for c in self.channels if c.kind == "social" and c.url)

    def emails(self) -> tuple[str, ...]:
        return tuple(c.address for c in self.channels if c.address)

    def phones(self) -> tuple[str, ...]:
        return tuple(c.number for c in self.channels if c.number)


class _Reader:
    """Reads one registry file, recording problems with the file's line numbers."""

    def __init__(self, path: Path, shown: str, problems: list[Problem]):
        self.shown = shown
        self.problems = problems
        self.data: Any = None
        self.lines: dict[int, int] = {}
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.error(1, f"cannot read the registry ({exc})")
            return
        loader = SafeFrontMatterLoader(text)
        try:
            node = loader.get_single_node()
            self.data = loader.construct_document(node) if node else None
            self.node = node
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self.error((mark.line + 1) if mark else 1, f"not valid YAML ({getattr(exc, 'problem', exc)})")
        finally:
            loader.dispose()

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.shown, line, "error", message))

    def item_lines(self) -> list[int]:
        node = getattr(self, "node", None)
        if isinstance(node, yaml.SequenceNode):
            return [n.start_mark.line + 1 for n in node.value]
        return []


def _require(reader: _Reader, line: int, item: dict[str, Any], key: str, kind: type,
             label: str) -> Any:
    value = item.get(key)
    if value is None or not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        reader.error(line, f"{label}: `{key}` is missing or not {kind.__name__}")
        return None
    return value


def _names(reader: _Reader, line: int, item: dict[str, Any], label: str,
           languages: tuple[str, ...]) -> dict[str, str]:
    names = item.get("name")
    if not isinstance(names, dict):
        reader.error(line, f"{label}: `name` must give the name in every language, like "
                           "`name: {en: Security, zh: 账户安全}`")
        return {}
    missing = [lang for lang in languages if not names.get(lang)]
    if missing:
        # A warning, not an error: adding a language must work with configuration
        # and a translations/ file alone; readers see the English name meanwhile.
        reader.problems.append(Problem(reader.shown, line, "warning",
                                       f"{label}: `name` has no {', '.join(missing)} name, so "
                                       f"readers see the English one; add `{missing[0]}: ...` to it"))
    return {str(k): str(v) for k, v in names.items()}


def load_registry(project: Project) -> Registry:
    """Load and validate all registries; raise ContentError listing every problem."""
    problems: list[Problem] = []
    data_dir = project.data_dir
    langs = project.codes

    def reader(name: str) -> _Reader:
        path = data_dir / name
        return _Reader(path, project.display(path), problems)

    site_r = reader("site.yml")
    site = _load_site(site_r)
    cat_r = reader("categories.yml")
    categories = _load_categories(cat_r, langs, site)
    coin_r = reader("coins.yml")
    coins = _load_coins(coin_r, langs)
    chan_r = reader("channels.yml")
    channels = _load_channels(chan_r, langs)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    return Registry(site, categories, coins, channels, tuple(sorted(problems)))


def _load_site(r: _Reader) -> Site:
    d = r.data if isinstance(r.data, dict) else {}
    if r.data is not None and not isinstance(r.data, dict):
        r.error(1, "site.yml must be `name: value` lines")
    domains = d.get("official_domains")
    if not isinstance(domains, list) or not domains:
        r.error(1, "`official_domains`: expected a list of the exchange's own domains")
        domains = []
    site = Site(str(d.get("exchange_name", "")),
                tuple(str(x).lower() for x in domains), str(d.get("feedback_url", "")))
    if not site.exchange_name:
        r.error(1, "`exchange_name`: missing; the exchange's name as readers know it")
    for key, allowed in (("feedback_url", FEEDBACK_PLACEHOLDERS),):
        url = getattr(site, key)
        msg = official_url_error(url, site.official_domains) or template_error(url, allowed)
        if msg:
            r.error(1, f"`{key}`: {msg}")
    return site


def _seq(r: _Reader, what: str) -> list[tuple[int, dict[str, Any]]]:
    if r.data is None:
        return []
    if not isinstance(r.data, list):
        r.error(1, f"{r.shown} must be a list of {what}, each starting with `- id:`")
        return []
    out = []
    for line, item in zip(r.item_lines(), r.data, strict=False):
        if not isinstance(item, dict):
            r.error(line, f"each entry must be a set of `name: value` pairs describing one {what}")
            continue
        out.append((line, item))
    return out


def _load_categories(r: _Reader, langs: tuple[str, ...], site: Site) -> tuple[Category, ...]:
    out: list[Category] = []
    seen: set[str] = set()
    for line, item in _seq(r, "category"):
        cid = _require(r, line, item, "id", str, "category")
        if not cid:
            continue
        label = f"category `{cid}`"
        if cid in seen:
            r.error(line, f"{label} is listed twice")
        seen.add(cid)
        ticket = str(item.get("ticket_url", ""))
        msg = official_url_error(ticket, site.official_domains) or template_error(ticket, TICKET_PLACEHOLDERS)
        if msg:
            r.error(line, f"{label}: `ticket_url`: {msg}")
        prepare = item.get("prepare", [])
        if not isinstance(prepare, list):
            r.error(line, f"{label}: `prepare` must be a list like [uid, txid, time]")
            prepare = []
        review = item.get("review_days")
        if review is not None and (not isinstance(review, int) or review < 1):
            r.error(line, f"{label}: `review_days` must be a whole number of days")
            review = None
        out.append(Category(cid, _names(r, line, item, label, langs), str(item.get("icon", "")),
                            str(_require(r, line, item, "owner", str, label) or ""),
                            ticket, tuple(str(p) for p in prepare), review))
    return tuple(out)


def _load_coins(r: _Reader, langs: tuple[str, ...]) -> dict[str, Coin]:
    out: dict[str, Coin] = {}
    for line, item in _seq(r, "coin"):
        symbol = _require(r, line, item, "symbol", str, "coin")
        if not symbol:
            continue
        label = f"coin `{symbol}`"
        networks = []
        for net in item.get("networks") or []:
            try:
                networks.append(Network(str(net["id"]), str(net["name"]), int(net["confirmations"]),
                                        str(net["example_fee"]), str(net["example_min"]),
                                        bool(net.get("memo", False)), str(net["explorer"])))
            except (KeyError, TypeError, ValueError) as exc:
                r.error(line, f"{label}: a network is missing {exc}; each network needs id, name, "
                              "confirmations, example_fee, example_min, memo and explorer")
        for net in networks:
            if not net.explorer.startswith("https://"):
                r.error(line, f"{label}: explorer \"{net.explorer}\" must start with https://")
        keywords = item.get("keywords") or {}
        out[symbol.upper()] = Coin(symbol.upper(), _names(r, line, item, label, langs),
                                   tuple(networks),
                                   {str(k): tuple(str(x) for x in v) for k, v in keywords.items()})
    return out


def _load_channels(r: _Reader, langs: tuple[str, ...]) -> tuple[Channel, ...]:
    out: list[Channel] = []
    for line, item in _seq(r, "support channel"):
        cid = _require(r, line, item, "id", str, "channel")
        kind = item.get("kind")
        if kind not in CHANNEL_KINDS:
            r.error(line, f"channel `{cid}`: `kind` must be one of {', '.join(CHANNEL_KINDS)}")
            continue
        needs = {"email": "address", "phone": "number"}.get(kind, "url")
        if not item.get(needs):
            r.error(line, f"channel `{cid}`: a {kind} channel needs `{needs}`")
        channel_langs = tuple(str(x) for x in item.get("languages") or [])
        out.append(Channel(str(cid), kind, str(item.get("hours", "")), channel_langs,
                           str(item.get("use_for", "")), item.get("url"), item.get("address"),
                           str(item["number"]) if item.get("number") else None, item.get("handle")))
    return tuple(out)


def close_matches(word: str, options: list[str] | tuple[str, ...]) -> str:
    """`"BTCC"` -> ` (did you mean BTC?)`; empty when nothing is close."""
    close = difflib.get_close_matches(word, list(options), n=3, cutoff=0.5)
    return f"; did you mean {' or '.join(close)}?" if close else ""
