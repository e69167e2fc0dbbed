"""Which URLs a reader may be sent to, decided the way a browser reads them.

A help centre that links to a look-alike site hands readers to phishers. The
old lint matched the Markdown source with patterns, and 23 spellings slipped
past it (``href=//evil.example``, ``https:\\\\evil.example``, entity-encoded
slashes, ``x.com/<ours>/%2e%2e/other``). So every URL is now judged after a
WHATWG URL parser (ada-url, the parser Node.js uses) has resolved it against
the page, exactly as the browser will: backslashes, percent-encoded dots,
``..`` segments, user-info and IDNA are all applied first.

Allowed: our own pages (anything that resolves to the site's own host), the
official domains in ``site.yml``, the block-explorer hosts in ``coins.yml``,
the official social accounts in ``channels.yml`` by exact path, and
``mailto:``/``tel:`` to exactly the addresses and numbers in ``channels.yml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import ada_url
import phonenumbers

from ..content.registry import Registry

# The host relative links resolve to when a page has no site_url.
FALLBACK_HOST = "help.invalid"
# A path on our own site, recognised without parsing: no scheme before the first
# "/", "?" or "#" (no colon at all), no "//" at the start, nothing a browser
# would strip or read differently (spaces, controls, backslashes anywhere). Most links
# on a page (the theme's assets and menus) are these; everything else is parsed.
_PLAIN_RELATIVE = re.compile(r"^(?![/\\]{2})[A-Za-z0-9._~%!$&'()*+,;=@/?#-]*$")
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^\\\s]*$")
# RFC 2606 reserved domains: fine in examples ("name@example.com"), never real.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")


def e164(number: str) -> str | None:
    """A phone number as +<digits>, or None when it is not one."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _host(value: str) -> str:
    return value.lower().rstrip(".")


def unicode_host(host: str) -> str:
    """``xn--kstrel-3of.example`` as a reader would see it (``kеstrel.example``)."""
    if "xn--" not in host:
        return host
    try:
        return ada_url.idna_to_unicode(host)
    except Exception:  # noqa: BLE001 - ada raises plain ValueError/RuntimeError; show it as is
        return host


@dataclass(frozen=True)
class Account:
    host: str
    path: str  # lower case, no trailing slash: "/kestrelexchange"
    url: str


class UrlPolicy:
    """What the registries allow, and the plain-words reason when a URL is refused."""

    def __init__(self, registry: Registry, site_url: str = ""):
        site = registry.site
        self.site_host = _host(urlsplit(site_url).hostname or "") or FALLBACK_HOST
        self.official = {_host(d) for d in site.official_domains} | {self.site_host}
        self.explorers = {_host(d) for d in registry.link_domains()} - self.official
        self.accounts = tuple(self._account(u) for u in registry.social_urls())
        self.social_hosts = {a.host for a in self.accounts}
        self.emails = {e.lower() for e in registry.emails()}
        self.phones = {n: p for p in registry.phones() if (n := e164(p))}
        # Where our own numbers are: numbers written without "+country" are read as from there too.
        self.phone_regions = frozenset(
            r for n in self.phones if (r := phonenumbers.region_code_for_number(phonenumbers.parse(n))))
        self._verdicts: dict[tuple[str, str], str | None] = {}  # a page repeats the theme's links
        listed = sorted(self.official - {FALLBACK_HOST})
        self.allowed_text = f"our sites ({', '.join(listed)})"
        if self.explorers:
            self.allowed_text += f", the block explorers in coins.yml ({', '.join(sorted(self.explorers))})"
        if self.accounts:
            self.allowed_text += f" and our accounts {', '.join(a.url for a in self.accounts)}"

    @staticmethod
    def _account(url: str) -> Account:
        parsed = ada_url.URL(url)
        return Account(_host(parsed.hostname), parsed.pathname.rstrip("/").lower(), url)

    def base_for(self, page_path: str) -> str:
        """The absolute URL a page at ``page_path`` (below the site root) has."""
        return f"https://{self.site_host}/{page_path.lstrip('/')}"

    def is_own(self, url: str, base: str) -> bool:
        """True when ``url`` stays on our own site (a relative link, in practice)."""
        try:
            parsed = ada_url.URL(url, base)
        except ValueError:
            return False
        return parsed.protocol in ("http:", "https:") and _host(parsed.hostname) == self.site_host

    def verdict(self, url: str, base: str) -> str | None:
        """None when a reader may follow ``url`` from a page at ``base``; else why not."""
        if _PLAIN_RELATIVE.match(url):
            return None  # "../x/", "assets/y.css", "/z": a path on our own site, whatever the base
        key = (url, "" if _ABSOLUTE.match(url) else base)
        if key not in self._verdicts:
            self._verdicts[key] = _verdict(self, url, base)
        return self._verdicts[key]

    def web(self, parsed: ada_url.URL, shown: str) -> str | None:
        host = _host(parsed.hostname)
        if parsed.username or parsed.password:
            return (f'"{shown}" hides the real site behind a user name ("{unquote(parsed.username)}@"); '
                    f'a browser opens "{unicode_host(host)}". Link to https://<our site>/... instead')
        if parsed.port:
            return f'"{shown}" must not contain a port number (":{parsed.port}"); link to https://{host}/... instead'
        if host in self.social_hosts:
            return self._social(parsed, shown, host)
        if host not in self.official and host not in self.explorers:
            return self._foreign(shown, host)
        if parsed.protocol != "https:":
            return f'"{shown}" must start with https://, so readers get the secure page'
        return None

    def _social(self, parsed: ada_url.URL, shown: str, host: str) -> str | None:
        path = parsed.pathname.rstrip("/").lower()
        if parsed.protocol == "https:" and not parsed.search and any(
                a.host == host and a.path == path for a in self.accounts):
            return None
        opened = f"{parsed.protocol}//{host}{parsed.pathname}{parsed.search}"
        return (f'"{shown}" opens {opened}, which is not one of our official accounts '
                f"({', '.join(a.url for a in self.accounts)}); scammers open look-alike accounts, "
                "so pages link only to ours, exactly")

    def _foreign(self, shown: str, host: str) -> str:
        seen = unicode_host(host)
        lookalike = ""
        if seen != host or not seen.isascii():
            lookalike = (f" (written with letters that only look like Latin ones: the browser "
                         f'opens "{host}")')
        return (f'links to "{seen}", which is not one of our websites{lookalike}. To protect readers '
                f"from phishing, pages may only link to {self.allowed_text}. If this site should be "
                "allowed, add it to content/_data/site.yml `official_domains` in a reviewed pull request")

    def email(self, address: str, query: str = "") -> str | None:
        address = unquote(address).strip().lower()
        if query:
            return (f'"mailto:{address}{query}" adds other recipients or text to the e-mail; '
                    f"link to mailto:{address} with nothing after the address")
        if address in self.emails or address.rsplit("@", 1)[-1] in EXAMPLE_DOMAINS:
            return None
        return (f'"{address}" is not one of our support e-mail addresses '
                f"({', '.join(sorted(self.emails))}); pages may only give the addresses "
                "listed in content/_data/channels.yml")

    def phone(self, number: str) -> str | None:
        if e164(number) in self.phones:
            return None
        known = ", ".join(self.phones.values()) or "none"
        return (f'"{number.strip()}" is not one of our support phone numbers ({known}); '
                "pages may only give the numbers listed in content/_data/channels.yml")


@lru_cache(maxsize=65536)
def _parse(url: str, base: str) -> ada_url.URL | None:
    try:
        return ada_url.URL(url, base)
    except ValueError:
        return None


def _verdict(policy: UrlPolicy, url: str, base: str) -> str | None:
    parsed = _parse(url, base)
    # Shown in a one-line message: a newline or tab in the URL is written as \n, \t.
    shown = "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in url.strip())
    if parsed is None:
        return f'"{shown}" is not a valid web address; check it for typing mistakes'
    scheme = parsed.protocol
    if scheme in ("http:", "https:"):
        return policy.web(parsed, shown)
    if scheme == "mailto:":
        addresses = [a for a in unquote(parsed.pathname).split(",") if a.strip()]
        if len(addresses) != 1:
            return (f'"{shown}" writes to {len(addresses)} addresses; a link may write to one of ours only')
        return policy.email(addresses[0], parsed.search)
    if scheme == "tel:":
        return policy.phone(unquote(parsed.pathname))
    return (f'"{shown}": `{scheme}` links are not allowed; link to a web page starting with https://')
