"""Contact details in the text a reader sees: phone numbers, e-mail addresses,
web addresses and @handles.

Scammers do not need a link: a number or an address in plain text is enough
("call +1 555 019 9999 for a refund"). So the words of every page, in every
language, are read for contact details, and each must be one the registries
list. The text is first put in Unicode compatibility form (NFKC), which turns
full-width digits and ``＠``, thin and other odd spaces into their plain forms;
``[at]``/``(at)``/``[dot]`` spellings are read as ``@`` and ``.``.

Phone numbers are found by Google's libphonenumber matcher (the
``phonenumbers`` port), not by a hand-written pattern: it knows national
formats such as ``(555) 019-9999`` and leaves dates and amounts alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from publicsuffixlist import PublicSuffixList

from .urls import EXAMPLE_DOMAINS, UrlPolicy, e164, unicode_host

# Letters a look-alike domain may be made of (Latin, Greek, Cyrillic), so that
# "kеstrel.example" with a Cyrillic "е" is caught, while Chinese or Japanese
# text glued to an address ("请发邮件至support@...") is not taken as part of it.
_HOST = r"A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff-"
_LABEL = rf"[{_HOST}]+"
EMAIL_RE = re.compile(rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@{_LABEL}(?:\.{_LABEL})+")
# "[at]", "(at)", "{at}", " at " inside brackets only: a bare " at " is English.
AT_RE = re.compile(r"\s*[\[({]\s*at\s*[\])}]\s*", re.IGNORECASE)
DOT_RE = re.compile(r"\s*[\[({]\s*dot\s*[\])}]\s*", re.IGNORECASE)
SPELLED_RE = re.compile(r"[\[({]\s*(?:at|dot)\s*[\])}]", re.IGNORECASE)
# What every web address has: a dot between a letter or digit and a letter.
MAYBE_DOMAIN_RE = re.compile(rf"[{_HOST}]\.[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
# A host, and the path after it when there is one ("t.me/someone": the path
# decides whether a social account is ours).
DOMAIN_RE = re.compile(rf"(?<![{_HOST}.@])((?:{_LABEL}\.)+{_LABEL})(?![{_HOST}]|\.[{_HOST}])(/[^\s<>\"'`)\]]*)?")
# "https://..." written out as text: readers copy it even where it is no link.
URL_RE = re.compile(r"(?<![A-Za-z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]*://[^\s<>\"'`]+")
TRAILING = ".,;:!?)]}"  # punctuation that ends a sentence rather than a URL
# Not "@org/team": code owners in the team dashboard are GitHub teams, not accounts.
HANDLE_RE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{3,32})\b(?!/)")
# A run that may hold a phone number: 7+ digits with separators between them.
# The matcher is slow Python; running it only on such runs keeps the gate cheap.
DIGITS_RE = re.compile(r"(?:\+|\b)\d[\d \t().\-/]{5,}\d")
MIN_PHONE_DIGITS = 7  # "+1 555 0142" (ours) has 8; local numbers have 7
# "1 000 000": thousands grouped with spaces, as Russian and Spanish write amounts.
THOUSANDS_RE = re.compile(r"^\d{1,3}(?: \d{3})+$")
# International calls written "00 1 555 ...": the matcher reads "00" only with a region.
IDD_RE = re.compile(r"(?<![\d+])00[\s.-]?(?=[1-9])")
# Where a language's readers are, for numbers written without "+country".
LANGUAGE_REGIONS = {"en": "US", "zh": "CN", "ja": "JP", "ko": "KR", "es": "ES", "ru": "RU"}
# Reserved for documentation (RFC 2606/6761): real-looking but never a live site.
RESERVED_TLDS = {"example", "test", "invalid", "localhost"}
# Words that end in a public suffix but are file names or code in help articles.
FILE_SUFFIXES = {"md", "py", "sh", "json", "yml", "yaml", "png", "jpg", "jpeg", "gif", "webp", "pdf", "csv",
                 "txt", "zip", "js", "html", "css"}

_psl = PublicSuffixList()


@dataclass(frozen=True)
class Contact:
    kind: str  # "phone", "email", "domain", "handle"
    text: str  # as it stands in the (normalised) text
    message: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    if not SPELLED_RE.search(text):  # the usual case: the two replacements below cost more
        return text
    text = AT_RE.sub("@", text)
    return DOT_RE.sub(".", text)


def scan(text: str, policy: UrlPolicy, lang: str) -> Iterator[Contact]:
    """Every contact detail in ``text`` that the registries do not list.

    Each pass runs only when the text holds the character it needs ("@",
    "://", a dot between letters): most text holds none, and the passes were
    most of what the gate cost per page.
    """
    text = normalise(text)
    rest = text
    if "@" in text:
        for match in EMAIL_RE.finditer(text):
            address = match.group(0).rstrip(".-")
            message = policy.email(address)
            if message:
                yield Contact("email", address, message)
        rest = EMAIL_RE.sub(" ", text)
    if "://" in rest:
        for match in URL_RE.finditer(rest):
            url = match.group(0).rstrip(TRAILING)
            message = policy.verdict(url, "https://invalid/")
            if message:
                yield Contact("url", url, message)
        rest = URL_RE.sub(" ", rest)
    if MAYBE_DOMAIN_RE.search(rest):
        for match in DOMAIN_RE.finditer(rest):
            message = _domain(match.group(1), match.group(2) or "", policy)
            if message:
                yield Contact("domain", match.group(0), message)
    if "@" in rest:
        for match in HANDLE_RE.finditer(rest):
            message = _handle(match.group(0), policy)
            if message:
                yield Contact("handle", match.group(0), message)
    for number in _phones(rest, policy, lang):
        yield Contact("phone", number, policy.phone(number) or "")


def _domain(word: str, path: str, policy: UrlPolicy) -> str | None:
    host = word.lower().rstrip(".")
    tld = host.rsplit(".", 1)[-1]
    if tld in FILE_SUFFIXES or host in EXAMPLE_DOMAINS:
        return None
    if tld not in RESERVED_TLDS and not _is_tld(tld) and host.isascii():
        return None  # "e.g", "v1.2", "Node.js": not a domain a reader could visit
    if host in policy.social_hosts:
        return policy.verdict(f"https://{word}{path.rstrip('.,;:!?')}", "https://invalid/") if path else None
    if host in policy.official or host in policy.explorers:
        return None
    return (f'"{word}" reads as a web address{_lookalike(host)}, and it is not one of our websites; '
            "readers type what they read. Name only our sites (content/_data/site.yml "
            "`official_domains`, changed in a reviewed pull request) and the explorers in coins.yml")


@lru_cache(maxsize=4096)
def _is_tld(label: str) -> bool:
    try:
        return _psl.publicsuffix(label, accept_unknown=False) is not None
    except (UnicodeError, ValueError):
        return False


def _lookalike(host: str) -> str:
    if host.isascii() and "xn--" not in host:
        return ""
    return f' (with letters that only look like Latin ones: "{unicode_host(host)}")'


def _handle(handle: str, policy: UrlPolicy) -> str | None:
    ours = {a.path.lstrip("/"): a.url for a in policy.accounts}
    if handle[1:].lower() in ours:
        return None
    listed = ", ".join("@" + a.url.rstrip("/").rsplit("/", 1)[-1] for a in policy.accounts) or "none"
    return (f'"{handle}" reads as a social media account, and it is not one of ours ({listed}); '
            "fake \"support agents\" use look-alike handles, so pages may only name the accounts "
            "in content/_data/channels.yml")


def _phones(text: str, policy: UrlPolicy, lang: str) -> Iterator[str]:
    regions = {LANGUAGE_REGIONS.get(lang, "US"), *policy.phone_regions}
    seen: set[str] = set()
    for run in DIGITS_RE.finditer(text):
        chunk = run.group(0)
        if sum(c.isdigit() for c in chunk) < MIN_PHONE_DIGITS or THOUSANDS_RE.match(chunk.strip()):
            continue
        chunk = IDD_RE.sub("+", chunk)
        for region in sorted(r for r in regions if r):
            for match in phonenumbers.PhoneNumberMatcher(chunk, region, leniency=phonenumbers.Leniency.POSSIBLE):
                number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
                if number not in policy.phones and number not in seen:
                    seen.add(number)
                    yield match.raw_string
            if chunk.lstrip().startswith("+"):
                break  # an international number reads the same in every region


__all__ = ["Contact", "e164", "normalise", "scan"]
