"""The registries: site facts, categories, coins and support channels.

They are YAML files under ``content/_data/`` so writers change them in the same
pull requests as articles. Every problem is reported with its file and line,
all at once; a broken registry stops the build (``ContentError``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from . import colour
from .addresses import A_ADDRESS, FORMATS, trim, why_not
from .loader import read_yaml_file
from .problems import ContentError, Problem
from .project import Project
from .schema import ID_RULE, NOTICE_STATES, describe, is_valid_id, parse_date, suggest_id
from .urls import official_url_error, template_error

TICKET_PLACEHOLDERS = ("article", "lang", "category", "coin")
FEEDBACK_PLACEHOLDERS = ("article", "lang", "reason", "category", "query")
DEFAULT_PRIMARY = "#3949ab"  # Material's indigo, darkened to pass WCAG AA under white text
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "png", b"RIFF": "webp"}  # raster only: an SVG can run script
MAX_LOGO_BYTES = 200 * 1024
CHANNEL_KINDS = ("chat", "ticket", "email", "phone", "social")
# Coin symbols are page addresses (/coins/usdt/) and `{{ networks_table USDT }}`
# arguments (placeholders.py): letters and digits only.
SYMBOL_RE = re.compile(r"[A-Za-z0-9]+")
MAX_REVIEW_DAYS = 3650  # the same bound as an article's `review_days` (schema.py)
NETWORK_EXAMPLE = ('- {id: TRC20, name: TRON (TRC20), format: tron, confirmations: 20, example_fee: "1", '
                   'example_min: "10", memo: false, explorer: https://tronscan.org/}')


@dataclass(frozen=True)
class Network:
    id: str
    name: str
    confirmations: int
    example_fee: str
    example_min: str
    memo: bool
    explorer: str
    format: str                  # how its addresses are written: one of addresses.FORMATS
    contract: str | None = None  # a token's contract on this network, checked against `format`
    # Typical seconds per block (`block_time`): with `confirmations`, how long a
    # troubleshooter tells readers to wait (content/troubleshooters.py).
    block_seconds: float | None = None


@dataclass(frozen=True)
class Coin:
    symbol: str
    names: dict[str, str]
    networks: tuple[Network, ...]
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Coins are content too (issue 16): the day someone last checked its networks,
    # fees and minimums (required in coins.yml; when it falls due is freshness/coins.py),
    # and the day it was listed (optional; content/risks.py: the new-token rule).
    reviewed: dt.date | None = None
    listed: dt.date | None = None
    shown: str = ""  # coins.yml as messages name it
    line: int = 0    # the line of its entry (`- symbol:`)
    lines: dict[str, int] = field(default_factory=dict)  # the line of each of its fields

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
    descriptions: dict[str, str] = field(default_factory=dict)

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.id

    def description(self, lang: str) -> str:
        return self.descriptions.get(lang) or self.descriptions.get("en") or ""


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
class Brand:
    """How the site looks for this exchange; `primary_color` passed WCAG AA against white."""

    primary_color: str = DEFAULT_PRIMARY
    logo: Path | None = None  # a PNG or WebP file beside site.yml

    @property
    def logo_name(self) -> str:
        return f"logo.{self.logo.suffix.lstrip('.').lower()}" if self.logo else ""


@dataclass(frozen=True)
class Site:
    exchange_name: str
    official_domains: tuple[str, ...]
    feedback_url: str
    brand: Brand = field(default_factory=Brand)
    # language (or "default") -> (line in site.yml, article ids in order)
    top_questions: dict[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    shown: str = "content/_data/site.yml"

    def top_for(self, lang: str) -> tuple[str, ...]:
        """The support team's list for ``lang``, else their default list."""
        return (self.top_questions.get(lang) or self.top_questions.get("default") or (0, ()))[1]


@dataclass(frozen=True)
class StatusEntry:
    """One line of content/_data/status.yml: a network's deposits or withdrawals are
    delayed or suspended without a notice (a notice can carry its own `status:`)."""

    coin: str
    network: str
    services: tuple[str, ...]  # deposit and/or withdrawal
    state: str                 # delayed | suspended
    since: dt.date
    until: dt.date | None      # the expected end, when known
    review: dt.date | None     # the next look at it; required when there is no `until`
    reasons: dict[str, str]    # language -> one sentence
    shown: str
    line: int


@dataclass(frozen=True)
class Registry:
    site: Site
    categories: tuple[Category, ...]
    coins: dict[str, Coin]
    channels: tuple[Channel, ...]
    warnings: tuple[Problem, ...] = ()  # reported by `helpcentre check`, never fatal
    statuses: tuple[StatusEntry, ...] = ()

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
        self.path = path
        self.problems = problems
        loaded = read_yaml_file(path, shown)
        # When the file cannot be read, that is the one problem to report: its
        # fields are not "missing", and rules that need them are not checked.
        self.failed = loaded.problem is not None
        if loaded.problem:
            problems.append(loaded.problem)
        self.data: Any = loaded.data
        self.node = loaded.node

    def error(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.shown, line, "error", message))

    def item_lines(self) -> list[int]:
        return _item_lines(self.node)


def _item_lines(node: yaml.Node | None) -> list[int]:
    """The line of each entry of a list node (none for anything else)."""
    if isinstance(node, yaml.SequenceNode):
        return [n.start_mark.line + 1 for n in node.value]
    return []


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each key of a mapping node, for messages about that field."""
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    return {}


def _value_node(node: yaml.Node | None, name: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((value for key, value in node.value if key.value == name), None)
    return None


def _require(reader: _Reader, line: int, item: dict[str, Any], key: str, label: str) -> str | None:
    """A text field that must be there: its value, or None after reporting why not."""
    value = item.get(key)
    if isinstance(value, str) and value.strip():
        return value.strip()
    if key not in item:
        reader.error(line, f"{label}: `{key}` is missing; add a line `{key}: ...`")
    else:
        reader.error(line, f"{label}: `{key}`: expected text, found {describe(value)}")
    return None


def _whole(reader: _Reader, line: int, label: str, key: str, value: Any, example: int, low: int,
           high: int | None = None) -> int | None:
    """A whole number in range: its value, or None after reporting what was found."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= low \
            and (high is None or value <= high):
        return value
    # The range matters once a number was written; for anything else, "a whole number" says it.
    number = isinstance(value, int | float) and not isinstance(value, bool)
    bounds = f" between {low} and {high}" if high else f" of {low} or more" if number else ""
    digits = isinstance(value, str) and value.strip().isdigit()
    fix = (f"write it without quotes, like `{key}: {value.strip()}`" if digits
           else f"write the number alone, like `{key}: {example}`")
    reader.error(line, f"{label}: `{key}`: expected a whole number{bounds}, found {describe(value)}; {fix}")
    return None


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
    out: dict[str, str] = {}
    for lang, name in names.items():
        if isinstance(name, int | str) and not isinstance(name, bool):
            out[str(lang)] = str(name)
        else:
            reader.error(line, f"{label}: `name`: the {lang} name must be text, found {describe(name)}")
    return out


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
    # Optional: a help centre with no delayed or suspended network needs no file.
    statuses = _load_statuses(reader("status.yml"), coins) if (data_dir / "status.yml").exists() else ()
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(errors)
    return Registry(site, categories, coins, channels, tuple(sorted(problems)), statuses)


def _load_site(r: _Reader) -> Site:
    if r.failed:
        return Site("", (), "", shown=r.shown)
    d = r.data if isinstance(r.data, dict) else {}
    lines = _key_lines(r.node)
    if r.data is not None and not isinstance(r.data, dict):
        r.error(1, "site.yml must be `name: value` lines")
    domains = d.get("official_domains")
    if not isinstance(domains, list) or not domains:
        r.error(lines.get("official_domains", 1), "`official_domains`: expected a list of the exchange's own domains")
        domains = []
    texts = {}
    for key in ("exchange_name", "feedback_url"):
        value = d.get(key, "")
        if not isinstance(value, str):
            r.error(lines.get(key, 1), f"`{key}`: expected text, found {describe(value)}")
            value = ""
        texts[key] = value
    if not all(isinstance(x, str) for x in domains):
        r.error(lines.get("official_domains", 1),
                "`official_domains`: expected a list of domain names, like `- kestrel.example`")
    site = Site(texts["exchange_name"], tuple(str(x).lower() for x in domains), texts["feedback_url"],
                _load_brand(r, d.get("brand"), lines), _load_top_questions(r, d.get("top_questions"), lines),
                r.shown)
    if not site.exchange_name:
        r.error(1, "`exchange_name`: missing; the exchange's name as readers know it")
    for key, allowed in (("feedback_url", FEEDBACK_PLACEHOLDERS),):
        url = getattr(site, key)
        msg = official_url_error(url, site.official_domains) or template_error(url, allowed)
        if msg:
            r.error(lines.get(key, 1), f"`{key}`: {msg}")
    return site


def _load_brand(r: _Reader, value: Any, lines: dict[str, int]) -> Brand:
    line = lines.get("brand", 1)
    if value is None:
        return Brand()
    if not isinstance(value, dict):
        r.error(line, "`brand`: expected `primary_color:` and optionally `logo:` under it, like "
                      "`brand: {primary_color: \"#1f4e9e\", logo: logo.png}`")
        return Brand()
    unknown = sorted(str(k) for k in value if k not in ("primary_color", "logo"))
    if unknown:
        r.error(line, f"`brand`: unknown field `{unknown[0]}`; `brand` has `primary_color` and `logo`")
    primary = value.get("primary_color", DEFAULT_PRIMARY)
    rgb = colour.parse_hex(primary) if isinstance(primary, str) else None
    if rgb is None:
        r.error(line, f"`brand.primary_color`: expected a colour written #rrggbb in quotes, like "
                      f'`primary_color: "#1f4e9e"`; found {describe(primary)}')
        primary = DEFAULT_PRIMARY
    else:
        ratio = colour.contrast(rgb, colour.WHITE)
        if ratio < colour.AA_NORMAL_TEXT:
            fix = colour.to_hex(colour.darken_until(rgb))
            r.error(line, f"`brand.primary_color`: {primary} has a contrast of {ratio:.2f}:1 with "
                          f"white; the header's white text and links on the white page need "
                          f"{colour.AA_NORMAL_TEXT}:1 (WCAG AA); use a darker shade, like "
                          f'"{fix}" ({colour.contrast(colour.parse_hex(fix) or rgb, colour.WHITE):.2f}:1)')
            primary = DEFAULT_PRIMARY
        primary = primary.lower()
    logo = None
    name = value.get("logo")
    if name is not None:
        path = (Path(r.path).parent / str(name)) if isinstance(name, str) else None
        problem = _logo_problem(path, name)
        if problem:
            r.error(line, f"`brand.logo`: {problem}")
        else:
            logo = path
    return Brand(primary, logo)


def _logo_problem(path: Path | None, name: Any) -> str | None:
    if path is None or "/" in str(name) or "\\" in str(name) or str(name).startswith("."):
        return (f"expected the name of a PNG or WebP file beside site.yml, like `logo: logo.png`; "
                f"found {describe(name)}")
    if not path.is_file():
        return f'"{name}" does not exist beside site.yml; add the file or remove `logo:`'
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        return (f'"{name}" is {len(data) // 1024} KB; a logo must be at most '
                f"{MAX_LOGO_BYTES // 1024} KB (it loads on every page)")
    kind = next((k for magic, k in LOGO_TYPES.items() if data.startswith(magic)), None)
    if kind is None or (kind == "webp" and data[8:12] != b"WEBP") or path.suffix.lower() != f".{kind}":
        return (f'"{name}" is not a PNG or WebP image (read by its first bytes); export the logo '
                "as .png or .webp (SVG is refused: it can carry script)")
    return None


def _load_top_questions(r: _Reader, value: Any, lines: dict[str, int]
                        ) -> dict[str, tuple[int, tuple[str, ...]]]:
    """Ids only here: the corpus checks that each one is an article."""
    line = lines.get("top_questions", 1)
    if value is None:
        return {}
    example = "`top_questions: {default: [deposit-not-arrived, lost-2fa-device], zh: [...]}`"
    if not isinstance(value, dict):
        r.error(line, f"`top_questions`: expected lists of article ids by language, like {example}")
        return {}
    node_lines = _key_lines(_value_node(r.node, "top_questions"))
    out: dict[str, tuple[int, tuple[str, ...]]] = {}
    for lang, ids in value.items():
        here = node_lines.get(str(lang), line)
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            r.error(here, f"`top_questions`: {lang}: expected a list of article ids, like {example}")
            continue
        out[str(lang)] = (here, tuple(ids))
    return out


STATUS_EXAMPLE = ("- {coin: USDT, network: ERC20, services: [withdrawal], state: delayed, since: 2026-12-01, "
                  "review: 2026-12-08, reason: {en: Withdrawals are slow while the network is congested.}}")
STATUS_FIELDS = ("coin", "network", "services", "state", "since", "until", "review", "reason")


def _load_statuses(r: _Reader, coins: dict[str, Coin]) -> tuple[StatusEntry, ...]:
    """Statuses without a notice, each with file and line; which one is in force on a day
    (and whether a review is overdue) is decided in helpcentre.content.status."""
    out: list[StatusEntry] = []
    if r.failed or r.data is None:
        return ()
    if not isinstance(r.data, list) or not isinstance(r.node, yaml.SequenceNode):
        r.error(1, f"{r.shown} must be a list of statuses, each starting with `- coin:`, like {STATUS_EXAMPLE}")
        return ()
    for line, item, node in zip(r.item_lines(), r.data, r.node.value, strict=False):
        if not isinstance(item, dict):
            r.error(line, f"each status must be a set of `name: value` pairs, like {STATUS_EXAMPLE}")
            continue
        lines = _key_lines(node)
        at = lines.get
        unknown = sorted(str(k) for k in item if k not in STATUS_FIELDS)
        if unknown:
            r.error(at(unknown[0], line), f"status: unknown field `{unknown[0]}`; a status has "
                                          f"{', '.join(STATUS_FIELDS)}")
        symbol = str(item.get("coin", "")).upper()
        coin = coins.get(symbol)
        if coin is None:
            r.error(at("coin", line), f'status: `coin`: "{item.get("coin", "")}" is not a known coin'
                                      f"{close_matches(symbol, list(coins)) or '.'} Coins are listed in "
                                      "content/_data/coins.yml")
            continue
        network = str(item.get("network", "")).upper()
        known = [n.id for n in coin.networks]
        if network not in known:
            r.error(at("network", line), f'status: `network`: "{item.get("network", "")}" is not a network '
                                         f"of {symbol}{close_matches(network, known) or '.'} {symbol} has "
                                         f"{', '.join(known)}")
            continue
        services = item.get("services")
        if not isinstance(services, list) or not services or \
                not all(str(x) in ("deposit", "withdrawal") for x in services):
            r.error(at("services", line), "status: `services`: expected [deposit], [withdrawal] or "
                                          f"[deposit, withdrawal]; found {describe(services)}")
            continue
        state = item.get("state")
        if state not in NOTICE_STATES:
            r.error(at("state", line), f"status: `state`: expected delayed or suspended, found "
                                       f"{describe(state)} (normal is no entry: delete the entry instead)")
            continue
        days: dict[str, dt.date | None] = {}
        for key in ("since", "until", "review"):
            if key not in item:
                days[key] = None
                continue
            day, message = parse_date(key, item[key])
            if message:
                r.error(at(key, line), f"status: {message}")
            days[key] = day
        since, until, review = days["since"], days["until"], days["review"]
        if since is None:
            if "since" not in item:
                r.error(line, "status: `since`: missing; the day it started, like `since: 2026-12-01`")
            continue
        if until is None and review is None and "until" not in item and "review" not in item:
            r.error(line, "status: with no expected end (`until`), it needs `review:`, the day someone "
                          "checks it again, like `review: 2026-12-08`")
            continue
        for key, day in (("until", until), ("review", review)):
            if day is not None and day < since:
                r.error(at(key, line), f"status: `{key}`: {day.isoformat()} is before `since` "
                                       f"{since.isoformat()}; check the dates")
        reasons = item.get("reason", {})
        if not isinstance(reasons, dict) or not reasons.get("en"):
            r.error(at("reason", line), "status: `reason`: one sentence per language, at least in "
                                        "English, like `reason: {en: Withdrawals are slow while the "
                                        "network is congested.}`")
            continue
        out.append(StatusEntry(symbol, network, tuple(str(x) for x in services), str(state), since,
                               until, review, {str(k): str(v) for k, v in reasons.items()}, r.shown, line))
    return tuple(out)


def _seq(r: _Reader, what: str) -> list[tuple[int, dict[str, Any], yaml.Node]]:
    """(line, entry, entry's node) for each entry of a registry that is a list."""
    if r.data is None:
        return []
    if not isinstance(r.data, list) or not isinstance(r.node, yaml.SequenceNode):
        r.error(1, f"{r.shown} must be a list of {what}, each starting with `- id:`")
        return []
    out = []
    for line, item, node in zip(r.item_lines(), r.data, r.node.value, strict=False):
        if not isinstance(item, dict):
            r.error(line, f"each entry must be a set of `name: value` pairs describing one {what}")
            continue
        out.append((line, item, node))
    return out


def _twice(r: _Reader, seen: dict[str, int], key: str, line: int, label: str) -> bool:
    """Report a second entry with the same id; YAML would not, and one would be lost."""
    if key in seen:
        r.error(line, f"{label} is listed twice (lines {seen[key]} and {line}); keep only one "
                      "of them")
        return True
    seen[key] = line
    return False


def _load_categories(r: _Reader, langs: tuple[str, ...], site: Site) -> tuple[Category, ...]:
    out: list[Category] = []
    seen: dict[str, int] = {}
    for line, item, node in _seq(r, "category"):
        cid = _require(r, line, item, "id", "category")
        if not cid:
            continue
        label = f"category `{cid}`"
        if not is_valid_id(cid):
            # The id is a folder name and a page address, like an article's.
            hint = suggest_id(cid)
            example = f"`id: {hint}`" if hint else "`id: deposits-withdrawals`"
            r.error(line, f"{label}: `id` may use only {ID_RULE}, like {example}; rename the "
                          "category's folders to match")
            continue
        if _twice(r, seen, cid, line, label):
            continue
        lines = _key_lines(node)
        ticket = str(item.get("ticket_url", ""))
        msg = official_url_error(ticket, site.official_domains) or template_error(ticket, TICKET_PLACEHOLDERS)
        if msg and site.official_domains:  # without them (site.yml unreadable) no URL can pass
            r.error(lines.get("ticket_url", line), f"{label}: `ticket_url`: {msg}")
        prepare = item.get("prepare", [])
        if not isinstance(prepare, list):
            r.error(lines.get("prepare", line), f"{label}: `prepare` must be a list like [uid, txid, time]")
            prepare = []
        review = item.get("review_days")
        if review is not None:
            review = _whole(r, lines.get("review_days", line), label, "review_days", review, 90, 1,
                            MAX_REVIEW_DAYS)
        descriptions = item.get("description", {})
        if not isinstance(descriptions, dict):
            r.error(lines.get("description", line), f"{label}: `description` must give one line "
                    "per language, like `description: {en: Passwords, 2FA and scams}`")
            descriptions = {}
        out.append(Category(cid, _names(r, line, item, label, langs), str(item.get("icon", "")),
                            _require(r, line, item, "owner", label) or "",
                            ticket, tuple(str(p) for p in prepare), review,
                            {str(k): str(v) for k, v in descriptions.items()}))
    return tuple(out)


def _load_coins(r: _Reader, langs: tuple[str, ...]) -> dict[str, Coin]:
    out: dict[str, Coin] = {}
    seen: dict[str, int] = {}
    for line, item, node in _seq(r, "coin"):
        symbol = _require(r, line, item, "symbol", "coin")
        if not symbol:
            continue
        label = f"coin `{symbol.upper()}`"
        if not SYMBOL_RE.fullmatch(symbol):
            r.error(line, f'coin "{symbol}": `symbol` may use only letters A-Z and digits, '
                          "like `symbol: USDT`")
            continue
        if _twice(r, seen, symbol.upper(), line, label):
            continue
        lines = _key_lines(node)
        networks = _networks(r, label, lines.get("networks", line), item.get("networks"),
                             _value_node(node, "networks"))
        keywords = _keywords(r, label, lines.get("keywords", line), item.get("keywords"))
        reviewed, listed = _coin_dates(r, label, line, lines, item)
        out[symbol.upper()] = Coin(symbol.upper(), _names(r, line, item, label, langs),
                                   networks, keywords, reviewed, listed, r.shown, line, lines)
    return out


COIN_REVIEWED_EXAMPLE = "reviewed: 2026-11-20"


def _coin_dates(r: _Reader, label: str, line: int, lines: dict[str, int],
                item: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    """A coin's `reviewed` (required) and `listed` (optional) days, or None after saying why.

    Whether a review is due, or in the future, needs today: freshness/coins.py decides.
    """
    days: dict[str, dt.date | None] = {"reviewed": None, "listed": None}
    if "reviewed" not in item:
        r.error(line, f"{label}: `reviewed` is missing; add the day you last checked its networks, "
                      f"fees and minimums against the live withdrawal page, like `{COIN_REVIEWED_EXAMPLE}`")
    for key in days:
        if key in item:
            day, message = parse_date(key, item[key])
            if message:
                r.error(lines.get(key, line), f"{label}: {message}")
            days[key] = day
    return days["reviewed"], days["listed"]


def _networks(r: _Reader, label: str, line: int, value: Any,
              node: yaml.Node | None) -> tuple[Network, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        r.error(line, f"{label}: `networks`: expected a list with one network per line, like "
                      f"`{NETWORK_EXAMPLE}`; found {describe(value)}")
        return ()
    out: list[Network] = []
    seen: dict[str, int] = {}
    for net_line, net, net_node in zip(_item_lines(node), value, getattr(node, "value", []),
                                       strict=False):
        if not isinstance(net, dict):
            r.error(net_line, f"{label}: each network is a set of `name: value` pairs, like "
                              f"`{NETWORK_EXAMPLE}`; found {describe(net)}")
            continue
        missing = [k for k in ("id", "name", "format", "confirmations", "example_fee", "example_min",
                               "memo", "explorer") if k not in net]
        if missing:
            r.error(net_line, f"{label}: a network is missing {', '.join(f'`{k}`' for k in missing)}; "
                              f"each network needs all of them, like `{NETWORK_EXAMPLE}`")
            continue
        lines = _key_lines(net_node)
        where = f"{label}, network `{net['id']}`" if isinstance(net["id"], str) else label
        texts = {k: _net_text(r, lines.get(k, net_line), where, k, net[k], _value_node(net_node, k))
                 for k in ("id", "name", "example_fee", "example_min", "explorer")}
        confirmations = _whole(r, lines.get("confirmations", net_line), where, "confirmations",
                               net["confirmations"], 12, 0)
        memo = net["memo"]
        if not isinstance(memo, bool):
            # `memo: "false"` is text, and any text counted as "yes": readers of a
            # coin that needs no memo were told to add one (and the other way round).
            r.error(lines.get("memo", net_line), f"{where}: `memo`: expected true or false without "
                                                 f"quotes, found {describe(memo)}")
        explorer = texts["explorer"]
        if explorer is not None and not explorer.startswith("https://"):
            r.error(lines.get("explorer", net_line),
                    f'{where}: explorer "{explorer}" must start with https://')
        fmt = _format(r, lines.get("format", net_line), where, net["format"])
        contract_ok, contract = _contract(r, lines.get("contract", net_line), where, fmt, net.get("contract"),
                                          _value_node(net_node, "contract"))
        block = _block_time(r, lines.get("block_time", net_line), where, net.get("block_time"))
        if None in texts.values() or confirmations is None or not isinstance(memo, bool) \
                or fmt is None or not contract_ok or block is False:
            continue  # reported above; the registry is refused, so nothing is built from it
        if _twice(r, seen, str(texts["id"]), net_line, where):
            continue
        out.append(Network(str(texts["id"]), str(texts["name"]), confirmations,
                           str(texts["example_fee"]), str(texts["example_min"]), memo,
                           str(explorer), fmt, contract, block if block is not True else None))
    return tuple(out)


def _block_time(r: _Reader, line: int, where: str, value: Any) -> float | bool:
    """A network's `block_time` in seconds; True when absent (it is optional), False after an error."""
    if value is None:
        return True
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 3600:
        return float(value)
    r.error(line, f"{where}: `block_time`: expected the typical seconds per block, a number above 0 "
                  f"and at most 3600, like `block_time: 3` (or `block_time: 0.4`), found {describe(value)}")
    return False


def _format(r: _Reader, line: int, where: str, value: Any) -> str | None:
    """A network's address format, one of FORMATS (any letter case), or None after saying why not."""
    if isinstance(value, str) and value.strip().lower() in FORMATS:
        return value.strip().lower()
    close = difflib.get_close_matches(str(value).strip().lower(), FORMATS, n=1, cutoff=0.5)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    r.error(line, f"{where}: `format`: {describe(value)} is not a known address format; expected one of "
                  f"{', '.join(FORMATS)}{hint}")
    return None


def _contract(r: _Reader, line: int, where: str, fmt: str | None, value: Any,
              node: yaml.Node | None) -> tuple[bool, str | None]:
    """(whether it passed, the contract or None when there is none) for a network's `contract`.

    A contract one character off would send readers to a look-alike token, so it
    must be a well-formed address of the network's format, checksum included.
    """
    if value is None:
        return True, None
    if isinstance(value, int) and not isinstance(value, bool) and isinstance(node, yaml.ScalarNode):
        # YAML reads an unquoted 0x... as a hexadecimal number: 0xdAC1... would become an integer.
        r.error(line, f'{where}: `contract`: write the address in quotes, like `contract: "{node.value}"`; '
                      "without them YAML reads it as a number")
        return False, None
    if not isinstance(value, str) or not trim(value):
        r.error(line, f"{where}: `contract`: expected the token's contract address in quotes, found "
                      f"{describe(value)}")
        return False, None
    if fmt is None:
        return False, None  # the format was reported; there is nothing to check the address against
    problem = why_not(fmt, value)
    if problem:
        r.error(line, f'{where}: `contract`: "{trim(value)}" is not {A_ADDRESS[fmt]} '
                      f"(`format: {fmt}`): {problem}")
        return False, None
    return True, trim(value)


def _net_text(r: _Reader, line: int, where: str, key: str, value: Any,
              node: yaml.Node | None) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool) and key.startswith("example_"):
        # YAML reads 0.00000001 as a number and gives it back as 1e-08, and 0.10 as
        # 0.1; quoted, an amount stays as written. The message shows it as written.
        written = node.value if isinstance(node, yaml.ScalarNode) else value
        r.error(line, f"{where}: `{key}`: expected the amount in quotes, like `{key}: \"{written}\"`, "
                      f"found the number {written}; without quotes it would be shown as {value}")
        return None
    r.error(line, f"{where}: `{key}`: expected text, found {describe(value)}")
    return None


def _keywords(r: _Reader, label: str, line: int, value: Any) -> dict[str, tuple[str, ...]]:
    """Search words per language: `keywords: {en: [tether], zh: [泰达]}`."""
    example = "`keywords: {en: [tether], zh: [泰达]}`"
    if value is None:
        return {}
    if not isinstance(value, dict):
        r.error(line, f"{label}: `keywords`: expected the words for each language, like {example}; "
                      f"found {describe(value)}")
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for lang, words in value.items():
        if not isinstance(words, list) or not all(isinstance(w, str | int) and not isinstance(w, bool)
                                                  for w in words):
            r.error(line, f"{label}: `keywords`: `{lang}` must be a list of words, like {example}; "
                          f"found {describe(words)}")
            continue
        out[str(lang)] = tuple(str(w) for w in words)
    return out


def _load_channels(r: _Reader, langs: tuple[str, ...]) -> tuple[Channel, ...]:
    out: list[Channel] = []
    seen: dict[str, int] = {}
    for line, item, node in _seq(r, "support channel"):
        cid = _require(r, line, item, "id", "channel")
        if not cid:
            continue
        label = f"channel `{cid}`"
        if _twice(r, seen, cid, line, label):
            continue
        lines = _key_lines(node)
        kind = item.get("kind")
        if kind not in CHANNEL_KINDS:
            r.error(lines.get("kind", line), f"{label}: `kind` must be one of {', '.join(CHANNEL_KINDS)}")
            continue
        needs = {"email": "address", "phone": "number"}.get(kind, "url")
        if not item.get(needs):
            r.error(line, f"{label}: a {kind} channel needs `{needs}`")
        texts: dict[str, str | None] = {}
        for key in ("url", "address", "number", "handle", "hours", "use_for"):
            value = item.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and key == "number":
                value = str(value)
            if value is not None and not isinstance(value, str):
                r.error(lines.get(key, line), f"{label}: `{key}`: expected text, found {describe(value)}")
                value = None
            texts[key] = value
        languages = item.get("languages") or []
        if not isinstance(languages, list):
            r.error(lines.get("languages", line), f"{label}: `languages` must be a list like "
                                                  f"[{', '.join(langs)}]; found {describe(languages)}")
            languages = []
        out.append(Channel(cid, kind, texts["hours"] or "", tuple(str(x) for x in languages),
                           texts["use_for"] or "", texts["url"], texts["address"],
                           texts["number"], texts["handle"]))
    return tuple(out)


def close_matches(word: str, options: list[str] | tuple[str, ...]) -> str:
    """`"BTCC"` -> ` (did you mean BTC?)`; empty when nothing is close."""
    close = difflib.get_close_matches(word, list(options), n=3, cutoff=0.5)
    return f"; did you mean {' or '.join(close)}?" if close else ""
