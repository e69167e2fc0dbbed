"""Is this ours? The official-channel verifier behind the /verify/ pages.

A reader pastes a web address, an e-mail address, a phone number or a
Telegram/X handle and gets one of three answers:

- ``official``: it is one of ours (which channel, and what it is for);
- ``not-ours``: it is not, and when it imitates one of ours, which one
  ("this looks like kestrel.example, but it is not");
- ``unknown``: we cannot tell (not one of the four kinds, a phone number too
  short or too long to be one, a scheme that is not a web address, a subdomain
  of ours that we do not list).

The browser runs the same rules (``overrides/assets/javascripts/hc-verify.js``),
line for line, on the data :func:`rules_data` hands the page and the table in
``overrides/assets/data/confusables.json``; ``tests/vectors/verifier.json``
runs through both. Everything the two must agree on (limits, aliases, phone
spellings) is data built here, so the browser holds no number of its own.

The text is read the way the content lint reads it (:mod:`.contacts`): NFKC,
``[at]``/``(dot)`` spellings; web addresses through a WHATWG URL parser
(:mod:`ada_url` here, the browser's ``URL`` there), user-info, ports and IDNA
included.

**Looks like** (``lookalike_of``). Names are compared by their *fold*: the
Unicode TR39 skeleton (each character replaced by its prototype from
confusables.txt: Cyrillic "е" -> "e", "I" -> "l", "m" -> "rn"), then ASCII
lower case. A host looks like ours when, in this order,

1. its fold equals the fold of an official domain (``kеstrel.example``,
   ``kestrel.exarnple``, ``xn--kstrel-3of.example`` decoded);
2. it contains the fold of an official domain (``kestrel.example.evil.test``);
3. one of its labels, split at ``.``, ``-`` and ``_``, contains our brand
   label (``kestrel``, the registrable label of our domains) or is within
   :data:`MAX_EDITS` edits of it (``kestrel-example.com``, ``kestrel.exchange``,
   ``kestre1.example``, ``kestrl.example``);
4. it is within :data:`MAX_EDITS` edits of an official domain.

A web address on a host that is not ours also looks like ours when its
user-info holds an official domain or the brand (``https://kestrel.example@evil.test/``),
or its path, query or fragment holds an official domain
(``https://evil.test/kestrel.example``). An e-mail address looks like ours when
its domain does (then the official address with the same local part, else
the domain, is named), or its display name or local part holds an official
address, domain or the brand. A handle looks like ours when its fold is within
:data:`MAX_EDITS` edits of one of ours or contains the brand; the closest of
ours on the same network is named.

**Phone numbers** are compared by digits only, so the browser needs no
libphonenumber: the text may hold digits, spaces and ``+ - . ( ) /``; with a
leading ``+`` its digits must equal country code + national number
(``+1 555 0142`` -> ``15550142``); without, the national number, the national
prefix + national number, the country code + national number, or either
international prefix (``00``, the region's own such as ``011``) before them.
Google's phonenumbers (already used by the lint to find numbers in text)
derives those spellings from channels.yml here, once.

**Hidden characters** (format characters such as zero-width spaces and
direction marks, Unicode category Cf, and the other default-ignorable ones)
never make a text official: the text without them is judged, and what would
have been official is ``not-ours``, looking like that channel
(``reason="hidden"``). A subdomain of ours that site.yml does not list is
``unknown`` and an address on our domain that channels.yml does not list is
``not-ours``, both with ``reason="unlisted"``.

Besides the fields the page needs to choose its words (``kind``, ``what``,
``channel``, ``use_for``, ``lookalike_of``), a verdict carries ``reason`` and
``subject`` (the host a browser would open: "A browser would open evil.test").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import ada_url
import phonenumbers
from publicsuffixlist import PublicSuffixList

from ..content.registry import Registry
from .contacts import MIN_PHONE_DIGITS, normalise
from .urls import unicode_host

# The table scripts/build_confusables.py writes; the browser fetches the same file.
CONFUSABLES = Path(__file__).resolve().parents[3] / "overrides" / "assets" / "data" / "confusables.json"

# Longer than any address a reader could mean (browsers cut URLs shown at 2,048
# characters; 4,096 leaves room for tracking queries). Longer text: "unknown".
MAX_INPUT = 4096
# E.164 allows 15 digits; an international prefix ("011") adds up to 3.
MAX_PHONE_DIGITS = 18
# One edit (insert, delete, replace, swap two neighbours) on the fold: "kestrl",
# "kestre1" (after the skeleton: "kestrel"), "kesterl". Two would also take in
# unrelated words of seven letters ("kernel" is 3 away, "pastel" 3, "kestrel" 0).
MAX_EDITS = 1
# A brand label shorter than this is not looked for inside other names: "ab"
# would be found in half the web.
MIN_BRAND = 4
# Names longer than this are not compared by edit distance (a 10 KB paste
# must answer at once): no domain label or handle is longer than 64.
MAX_COMPARED = 64
# The networks' own other addresses for the same accounts.
SOCIAL_ALIASES = {"twitter.com": "x.com", "www.twitter.com": "x.com", "mobile.twitter.com": "x.com",
                  "www.x.com": "x.com", "mobile.x.com": "x.com",
                  "telegram.me": "t.me", "www.t.me": "t.me", "www.telegram.me": "t.me", "telegram.dog": "t.me"}
# Python's whitespace (str.isspace), spelled out: the browser's \s differs (it
# has U+FEFF, lacks U+001C-U+001F and U+0085), so both use this class.
SPACE = "\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Default-ignorable characters outside category Cf (which is tested by category).
HIDDEN_EXTRA = "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef"

_SPACE_RE = re.compile(f"[{SPACE}]")
_HIDDEN_EXTRA_RE = re.compile(f"[{HIDDEN_EXTRA}]")
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_DISPLAY_RE = re.compile(rf"^(.*?)[{SPACE}]*<[{SPACE}]*(?:mailto:)?([^<>]*?)[{SPACE}]*>\Z", re.S)
_ADDRESS_RE = re.compile(r"^([^@<>()\[\],;:\"\\/%" + SPACE + r"]+)@([^@<>()\[\],;:\"\\/%?#" + SPACE + r"]+)\Z")
_PHONE_RE = re.compile(r"^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*\Z")
_IPV4_RE = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?:[:/?#]|\Z)")
_BARE_HANDLE_RE = re.compile(r"^[A-Za-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]{3,64}\Z")
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
_HOSTISH_RE = re.compile(r"^[^/\\?#]*[^/\\?#.][.\u3002][^/\\?#.]")
_NETWORK_PATH_RE = re.compile(r"^[/\\]{2}")
_TOKEN_RE = re.compile(r"[.\-_]")
_EXTRA_HOST_END = re.compile(r":[0-9]*\Z")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class Verdict:
    kind: str               # official | not-ours | unknown
    what: str = ""          # url | email | phone | handle | "" (not one of them)
    channel: str = ""       # channels.yml id of the official channel
    use_for: str = ""       # that channel's use_for key
    lookalike_of: str = ""  # the official domain, address, number or @handle it imitates
    reason: str = ""        # "" | hidden (invisible characters) | unlisted (on our domain, not listed)
    # What it is about, for the words shown: the official channel as channels.yml writes it or
    # our host ("www.kestrel.example"); for a web address not ours, the host a browser opens
    # (ASCII, so "xn--kstrel-3of.example" shows the trick).
    subject: str = ""


@dataclass(frozen=True)
class ChannelRule:
    id: str
    kind: str
    use_for: str
    host: str = ""        # url channels: lower-case ASCII host (social: the network's main host)
    path: str = ""        # url channels: lower-case path without the trailing "/"
    address: str = ""     # email: lower-case
    handle: str = ""      # social: without "@", as written in channels.yml
    shown: str = ""       # how channels.yml writes it: "+1 555 0142", "@KestrelExchange"
    intl: tuple[str, ...] = ()      # phone: digits after a leading "+"
    national: tuple[str, ...] = ()  # phone: digits written without "+"


@dataclass(frozen=True)
class Rules:
    domains: tuple[str, ...]               # ours, ASCII lower case, in site.yml order
    brands: tuple[tuple[str, str], ...]    # (brand label, the registrable official domain)
    channels: tuple[ChannelRule, ...]
    limits: dict[str, int] = field(default_factory=lambda: {
        "max_input": MAX_INPUT, "min_phone_digits": MIN_PHONE_DIGITS, "max_phone_digits": MAX_PHONE_DIGITS,
        "max_edits": MAX_EDITS, "min_brand": MIN_BRAND, "max_compared": MAX_COMPARED})
    social_aliases: dict[str, str] = field(default_factory=lambda: dict(SOCIAL_ALIASES))


# -- the rules, from the registries ------------------------------------------------------------


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def _host(value: str) -> str:
    return value.lower().rstrip(".")


def _network(host: str) -> str:
    return SOCIAL_ALIASES.get(host, host)


def phone_spellings(number: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The digit strings that spell ``number`` with a leading "+", and without one.

    ``+1 555 0142``: ("15550142",) and ("5550142", "15550142", "0015550142", "01115550142").
    """
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return (), ()
    cc = str(parsed.country_code)
    nsn = phonenumbers.national_significant_number(parsed)
    region = phonenumbers.region_code_for_number(parsed) or phonenumbers.region_code_for_country_code(
        parsed.country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    prefixes = {"00"}
    national = [nsn, cc + nsn]
    if meta is not None:
        if meta.national_prefix and meta.national_prefix.isdigit():
            national.append(meta.national_prefix + nsn)
        for idd in (meta.international_prefix, (meta.preferred_international_prefix or "").replace("~", "")):
            if idd and idd.isdigit():
                prefixes.add(idd)
    national += [p + cc + nsn for p in sorted(prefixes)]
    return (cc + nsn,), tuple(dict.fromkeys(national))


def build_rules(registry: Registry, site_url: str = "") -> Rules:
    """What the verifier knows: our domains, brand labels and channels."""
    domains = [_host(d) for d in registry.site.official_domains]
    site_host = _host(ada_url.URL(site_url).hostname) if site_url and ada_url.check_url(site_url) else ""
    if site_host and site_host not in domains:
        domains.append(site_host)
    brands: dict[str, str] = {}
    for domain in sorted(domains, key=lambda d: (len(d), d)):
        registrable = _psl().privatesuffix(domain) or domain
        label = registrable.split(".")[0]
        if len(label) >= MIN_BRAND and label not in brands:
            brands[label] = registrable if registrable in domains else domain
    channels = []
    for c in registry.channels:
        rule = ChannelRule(c.id, c.kind, c.use_for)
        if c.url and ada_url.check_url(c.url):
            parsed = ada_url.URL(c.url)
            host = _network(_host(parsed.hostname))
            handle = ""
            if c.kind == "social":
                handle = (c.handle or "").strip().lstrip("@") or parsed.pathname.strip("/").split("/")[0]
            rule = ChannelRule(c.id, c.kind, c.use_for, host=host, path=parsed.pathname.rstrip("/").lower(),
                               handle=handle, shown=f"@{handle}" if handle else host)
        elif c.address:
            rule = ChannelRule(c.id, c.kind, c.use_for, address=c.address.strip().lower(),
                               shown=c.address.strip())
        elif c.number:
            intl, national = phone_spellings(c.number)
            rule = ChannelRule(c.id, c.kind, c.use_for, shown=c.number.strip(), intl=intl, national=national)
        channels.append(rule)
    return Rules(tuple(domains), tuple(brands.items()), tuple(channels))


def rules_data(rules: Rules) -> dict[str, Any]:
    """The rules as plain JSON data for the page's script."""
    data = asdict(rules)
    data["brands"] = [list(b) for b in rules.brands]
    for channel in data["channels"]:
        channel["intl"] = list(channel["intl"])
        channel["national"] = list(channel["national"])
    data["domains"] = list(rules.domains)
    return data


@lru_cache(maxsize=4)
def load_confusables(path: Path = CONFUSABLES) -> dict[str, str]:
    """Character -> ASCII prototype (scripts/build_confusables.py)."""
    return dict(json.loads(path.read_text(encoding="utf-8"))["map"])


# -- folding and distance ----------------------------------------------------------------------


def skeleton(text: str, table: Mapping[str, str]) -> str:
    """The TR39 skeleton, restricted to prototypes of ASCII letters and digits."""
    text = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(table.get(c, c) for c in text))


def fold(text: str, table: Mapping[str, str]) -> str:
    """Skeleton, then A-Z to a-z (only ASCII: the browser's lower-casing of other scripts differs)."""
    return skeleton(text, table).translate(_ASCII_LOWER)


_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def edits(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, replacements and
    swaps of two neighbours each count 1. Names longer than MAX_COMPARED are "far"."""
    if a == b:
        return 0
    if len(a) > MAX_COMPARED or len(b) > MAX_COMPARED:
        return MAX_COMPARED
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


# -- the verdict ---------------------------------------------------------------------------------


class _Verifier:
    def __init__(self, rules: Rules, table: Mapping[str, str]):
        self.rules = rules
        self.table = table
        self.folded_domains = [(d, fold(d, table)) for d in rules.domains]
        self.by_length = sorted(self.folded_domains, key=lambda x: -len(x[1]))  # stable: site.yml order
        self.brands = [(fold(b, table), d) for b, d in rules.brands]
        self.social = [c for c in rules.channels if c.kind == "social" and c.handle]

    # each kind of text

    def judge(self, text: str) -> Verdict:
        scheme = _SCHEME_RE.match(text)
        if scheme:
            name = scheme.group(1).lower()
            rest = text[scheme.end():]
            if name == "mailto":
                return self.email(rest.split("?", 1)[0])
            if name == "tel":
                return self.phone(rest)
            if name in ("http", "https"):
                return self.url(text)
            if "." not in name:
                return Verdict("unknown", "url")  # javascript:, data:, ftp:... not a page of ours
        if _DISPLAY_RE.match(text) or _ADDRESS_RE.match(text):
            return self.email(text)
        if _IPV4_RE.match(text):
            return self.url("https://" + text)
        if _PHONE_RE.match(text):
            return self.phone(text)
        if _SPACE_RE.search(text):
            return Verdict("unknown")
        if text.startswith("@"):
            name = text[1:]
            if 0 < len(name) <= 64 and all(c == "_" or unicodedata.category(c)[0] in "LNM" for c in name):
                return self.handle(name, "")
            return Verdict("unknown")
        if _BARE_HANDLE_RE.match(text) and _ASCII_LETTER_RE.search(text):
            return self.handle(text, "")
        if _NETWORK_PATH_RE.match(text):
            return self.url("https:" + text)
        if _HOSTISH_RE.match(text):
            return self.url("https://" + text)
        return Verdict("unknown")

    def url(self, text: str) -> Verdict:
        if _SPACE_RE.search(text):
            return Verdict("unknown", "url")
        try:
            parsed = ada_url.URL(text)
        except ValueError:
            return Verdict("unknown", "url")
        if parsed.protocol not in ("http:", "https:"):
            return Verdict("unknown", "url")
        host = _host(parsed.hostname)
        if not host:
            return Verdict("unknown", "url")
        network = _network(host)
        if any(c.host == network for c in self.social):
            return self.account(parsed, network)
        if host in self.rules.domains:
            path = parsed.pathname.rstrip("/").lower()
            channel = next((c for c in self.rules.channels if c.kind != "social" and c.host == host
                            and c.path == path), None)
            if channel:
                return Verdict("official", "url", channel.id, channel.use_for, subject=channel.shown)
            return Verdict("official", "url", subject=host)
        if any(host.endswith("." + d) for d in self.rules.domains):
            return Verdict("unknown", "url", reason="unlisted")
        shown = unicode_host(host) or host
        look = self.host_lookalike(_typed_host(text)) or self.host_lookalike(shown)
        if not look and (parsed.username or parsed.password):
            look = self.text_lookalike(parsed.username + ":" + parsed.password)
        if not look:
            look = self.contains_domain(parsed.pathname + parsed.search + parsed.hash)
        return Verdict("not-ours", "url", lookalike_of=look, subject=host)

    def account(self, parsed: ada_url.URL, network: str) -> Verdict:
        """A profile on a network where we have an account: the first path segment is the handle."""
        name = _decoded(parsed.pathname.split("/")[1] if "/" in parsed.pathname else "").removeprefix("@")
        if not name:
            return Verdict("not-ours", "url", subject=network)
        return self.handle(name, network)

    def handle(self, name: str, network: str) -> Verdict:
        ours = [c for c in self.social if not network or c.host == network]
        match = next((c for c in ours if c.handle.lower() == name.lower()), None)
        if match:
            return Verdict("official", "handle", match.id, match.use_for, subject=match.shown)
        return Verdict("not-ours", "handle", lookalike_of=self.handle_lookalike(name, ours or self.social))

    def email(self, text: str) -> Verdict:
        display = ""
        match = _DISPLAY_RE.match(text)
        if match:
            display, text = match.group(1).strip(" \"'"), match.group(2)
        address = _ADDRESS_RE.match(text)
        if not address:
            return Verdict("unknown", "email")
        local, domain = address.group(1), address.group(2)
        host = _ascii_host(domain)
        if not host:
            return Verdict("unknown", "email")
        full = f"{local.lower()}@{host}"
        channel = next((c for c in self.rules.channels if c.address and c.address == full), None)
        if channel:
            return Verdict("official", "email", channel.id, channel.use_for, subject=channel.shown)
        emails = [c for c in self.rules.channels if c.address]
        same_local = next((c.address for c in emails if c.address.split("@")[0] == local.lower()), "")
        if host in self.rules.domains:
            return Verdict("not-ours", "email", lookalike_of=same_local, reason="unlisted")
        look = self.host_lookalike(domain) or self.host_lookalike(unicode_host(host) or host)
        if look:
            return Verdict("not-ours", "email", lookalike_of=same_local or look)
        for part in (display, local):
            folded = fold(part, self.table)
            hit = next((c.address for c in emails if fold(c.address, self.table) in folded), "")
            if hit:
                return Verdict("not-ours", "email", lookalike_of=hit)
        for part in (display, local):
            look = self.text_lookalike(part)
            if look:
                return Verdict("not-ours", "email", lookalike_of=look)
        return Verdict("not-ours", "email")

    def phone(self, text: str) -> Verdict:
        text = text.strip()
        if not _PHONE_RE.match(text):
            return Verdict("unknown", "phone")
        digits = "".join(c for c in text if "0" <= c <= "9")
        if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
            return Verdict("unknown", "phone")
        plus = text.startswith("+")
        for c in self.rules.channels:
            if digits in (c.intl if plus else c.national):
                return Verdict("official", "phone", c.id, c.use_for, subject=c.shown)
        return Verdict("not-ours", "phone")

    # looks like

    def host_lookalike(self, host: str) -> str:
        if not host:
            return ""
        folded = fold(host, self.table).rstrip(".")
        for domain, ours in self.folded_domains:
            if folded == ours:
                return domain
        for domain, ours in self.by_length:
            if ours in folded:
                return domain
        for token in _TOKEN_RE.split(folded):
            for brand, domain in self.brands:
                if brand in token or edits(token, brand) <= MAX_EDITS:
                    return domain
        for domain, ours in self.folded_domains:
            if edits(folded, ours) <= MAX_EDITS:
                return domain
        return ""

    def contains_domain(self, text: str) -> str:
        folded = fold(text, self.table)
        return next((domain for domain, ours in self.by_length if ours in folded), "")

    def text_lookalike(self, text: str) -> str:
        """Free text (user-info, a display name, a local part) holding our domain or brand."""
        look = self.contains_domain(text)
        if look or not text:
            return look
        for token in re.split(r"[^a-z0-9]+", fold(text, self.table)):
            for brand, domain in self.brands:
                if token and (brand in token or edits(token, brand) <= MAX_EDITS):
                    return domain
        return ""

    def handle_lookalike(self, name: str, ours: list[ChannelRule]) -> str:
        folded = fold(name, self.table)
        ranked = sorted(((edits(folded, fold(c.handle, self.table)), n, c) for n, c in enumerate(ours)),
                        key=lambda x: (x[0], x[1]))
        if not ranked:
            return ""
        best_distance, _, best = ranked[0]
        if best_distance <= MAX_EDITS or any(brand in folded for brand, _ in self.brands):
            return "@" + best.handle
        return ""


def _typed_host(text: str) -> str:
    """The host as the reader wrote it (before the parser's lower-casing and IDNA):
    after the scheme and slashes, before the path, after any user-info, without a port."""
    rest = _SCHEME_RE.sub("", text, count=1).lstrip("/\\")
    rest = re.split(r"[/\\?#]", rest, maxsplit=1)[0]
    return _EXTRA_HOST_END.sub("", rest.rsplit("@", 1)[-1])


def _decoded(text: str) -> str:
    """Percent-decoded like the browser's decodeURIComponent: a malformed escape or
    bytes that are not UTF-8 leave the text as it is."""
    if "%" not in text or _BAD_ESCAPE.search(text):
        return text
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        return text


def _ascii_host(domain: str) -> str:
    """An e-mail domain as the URL parser's host: lower case, IDNA; "" when it is none."""
    try:
        return _host(ada_url.URL("https://" + domain + "/").hostname)
    except ValueError:
        return ""


def _is_hidden(c: str) -> bool:
    return unicodedata.category(c) == "Cf" or bool(_HIDDEN_EXTRA_RE.match(c))


def verify(text: str, registry: Registry | Rules, site_url: str = "",
           table: Mapping[str, str] | None = None) -> Verdict:
    """The verdict on one pasted text. Never raises: any text gets an answer."""
    rules = registry if isinstance(registry, Rules) else build_rules(registry, site_url)
    return Verifier(rules, table).verify(text)


class Verifier:
    """:func:`verify` for many texts with the same rules (tests, the vectors)."""

    def __init__(self, rules: Rules, table: Mapping[str, str] | None = None):
        self._impl = _Verifier(rules, load_confusables() if table is None else table)

    def verify(self, text: Any) -> Verdict:
        if not isinstance(text, str) or len(text) > MAX_INPUT:
            return Verdict("unknown")
        text = normalise(text).strip()
        if not text or len(text) > MAX_INPUT:
            return Verdict("unknown")
        impl = self._impl
        if not any(_is_hidden(c) for c in text):
            return impl.judge(text)
        verdict = impl.judge("".join(c for c in text if not _is_hidden(c)))
        if verdict.kind == "unknown":
            return verdict
        # Never official with characters a reader cannot see; what it imitates is what it would be.
        look = verdict.subject if verdict.kind == "official" else verdict.lookalike_of
        return Verdict("not-ours", verdict.what, lookalike_of=look, reason="hidden",
                       subject=verdict.subject if verdict.kind == "not-ours" else "")


# -- the words a reader gets ---------------------------------------------------------------------


def explain(verdict: Verdict, words: Mapping[str, str], names: Mapping[str, str],
            uses: Mapping[str, str]) -> list[str]:
    """The sentences shown for ``verdict``: the answer, the detail, what to do next.

    ``words`` are the page's ``verify.*`` strings; ``names`` channel names by id,
    ``uses`` the ``channel_use`` labels by key. hc-verify.js has the same function.
    """
    lines: list[str]
    if verdict.kind == "official":
        if verdict.channel:
            detail = words["official_channel"].replace("{channel}", names.get(verdict.channel, verdict.channel))\
                .replace("{use}", uses.get(verdict.use_for, verdict.use_for))
        else:
            detail = words["official_site"].replace("{site}", verdict.subject)
        lines = [words["official"], detail, words["official_next"]]
    elif verdict.kind == "not-ours":
        lines = [words["not_ours"]]
        if verdict.lookalike_of:
            lines.append(words["looks_like"].replace("{lookalike}", verdict.lookalike_of))
        if verdict.what == "url" and verdict.subject:
            lines.append(words["opens"].replace("{site}", verdict.subject))
        if verdict.reason == "hidden":
            lines.append(words["hidden"])
        if verdict.reason == "unlisted":
            lines.append(words["unlisted_email"])
        lines.append(words["not_ours_next"])
    else:
        if verdict.reason == "unlisted":
            detail = words["unlisted_site"]
        elif verdict.what == "phone":
            detail = words["unknown_phone"]
        elif verdict.what:
            detail = words["unknown_other"]
        else:
            detail = words["unknown_text"]
        lines = [words["unknown"], detail, words["unknown_next"]]
    return [line for line in lines if line]


__all__ = ["Rules", "Verdict", "Verifier", "build_rules", "explain", "fold", "load_confusables",
           "phone_spellings", "rules_data", "skeleton", "verify"]
