"""Links, e-mail addresses, phone numbers and placeholders in article bodies.

Reader safety first: an article must never send a reader to a look-alike
domain (``binance-support-help.com``), a wrong e-mail address or a wrong phone
number, because scammers copy help centres and readers trust them. So every
website, address and number in an article must be one the registries in
``content/_data/`` list, and internal links must reach a real article.

The body is scanned in passes; each pass blanks out what it found so the next
one (bare URLs, then e-mail addresses, then phone numbers) does not see the
same text twice. Blanking keeps every offset, so line numbers stay exact.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..content.corpus import Article, Corpus
from ..content.problems import Problem
from ..content.registry import close_matches
from ..content.ui import UIStrings
from ..site import paths
from ..site.placeholders import ANY_RE, KNOWN, LINE_RE

# Letters a look-alike domain may be made of (Latin, Greek, Cyrillic), so that
# "kеstrel.example" with a Cyrillic "е" is caught, while Chinese or Japanese
# text glued to an address ("请发邮件至support@...") is not taken as part of it.
_HOST = r"A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff-"
_CJK = r"\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"

# `[text](target "title")` and `![alt](target)`; `<target>` may hold spaces.
INLINE_LINK_RE = re.compile(r"\]\(\s*(?:<([^>\n]*)>|((?:[^\s()]|\([^\s()]*\))+))"
                            r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)")
# `[name]: target` reference definitions at the start of a line.
REFERENCE_RE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
HTML_ATTR_RE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>")
# Bare URLs and `www.` hosts: readers copy them even where Markdown shows no link.
BARE_URL_RE = re.compile(rf"(?<![A-Za-z0-9+.-])(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)"
                         rf"[^\s<>\"'`()\[\]{_CJK}]+")
EMAIL_RE = re.compile(rf"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[{_HOST}]+(?:\.[{_HOST}]+)+")
# "+" then digits, spaces, dots, dashes or brackets: +1 555 0142, +44 (20) 7946-0000.
PHONE_RE = re.compile(r"(?<![A-Za-z0-9+])\+\d+(?:[ \u00a0.-]*(?:\d+|\(\d+\)))*")
MIN_PHONE_DIGITS = 8  # the shortest international numbers, country code included
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Punctuation that ends a sentence rather than a URL.
TRAILING = ".,;:!?)]}"
# RFC 2606 reserved domains: fine in examples ("name@example.com"), never real.
EXAMPLE_EMAIL_DOMAINS = ("example.com", "example.net", "example.org")


@dataclass(frozen=True)
class Found:
    kind: str  # "link" (a link target), "url" (bare), "email", "phone"
    text: str
    offset: int


def scan(body: str) -> Iterator[Found]:
    """Every link target, bare URL, e-mail address and phone number, in passes."""
    work = body

    def blank(start: int, end: int) -> None:
        nonlocal work
        work = work[:start] + " " * (end - start) + work[end:]

    for pattern in (INLINE_LINK_RE, REFERENCE_RE, HTML_ATTR_RE, AUTOLINK_RE):
        for match in list(pattern.finditer(work)):
            group = next(g for g in range(1, pattern.groups + 1) if match.group(g) is not None)
            yield Found("link", match.group(group).strip(), match.start(group))
            blank(match.start(group), match.end(group))
    for match in list(BARE_URL_RE.finditer(work)):
        text = match.group(0).rstrip(TRAILING)
        yield Found("url", text, match.start())
        blank(match.start(), match.start() + len(text))
    for match in list(EMAIL_RE.finditer(work)):
        yield Found("email", match.group(0).rstrip(".-"), match.start())
        blank(match.start(), match.end())
    for match in PHONE_RE.finditer(work):
        if sum(c.isdigit() for c in match.group(0)) >= MIN_PHONE_DIGITS:
            yield Found("phone", match.group(0), match.start())


class Rules:
    """What the registries allow, and the messages that say so."""

    def __init__(self, corpus: Corpus):
        registry = corpus.registry
        self.corpus = corpus
        self.domains = registry.link_domains()
        self.socials = registry.social_urls()
        self.social_hosts = {urlsplit(s).hostname for s in self.socials}
        self.emails = {e.lower() for e in registry.emails()}
        self.phones = {_digits(p): p for p in registry.phones()}
        ours = [d for d in self.domains if d in registry.site.official_domains]
        explorers = [d for d in self.domains if d not in registry.site.official_domains]
        self.allowed_sites = f"our sites ({', '.join(ours)})"
        if explorers:
            self.allowed_sites += f", the block explorers in coins.yml ({', '.join(explorers)})"
        if self.socials:
            self.allowed_sites += f" and our accounts {', '.join(self.socials)}"
        self.generated = _generated_pages(corpus)
        self.article_links = [f"../{a.category}/{a.id}.md" for a in corpus.sources.values()]

    def web(self, url: str) -> str | None:
        try:
            parts = urlsplit(url if "://" in url else "https://" + url)
            host = (parts.hostname or "").rstrip(".")
            port = parts.port
        except ValueError:
            return f'"{url}" is not a valid web address; check it for typing mistakes'
        if any(url.startswith(s) and url[len(s):len(s) + 1] in ("", "/", "?", "#")
               for s in self.socials):
            return None
        if host in self.social_hosts and host not in self.domains:
            return (f'"{url}" is not one of our official accounts ({", ".join(self.socials)}); '
                    "scammers open look-alike accounts, so articles link only to ours")
        if host not in self.domains:
            lookalike = ("; it contains letters that only look like Latin ones"
                         if not host.isascii() else "")
            return (f'links to "{host or url}", which is not one of our websites{lookalike}. To '
                    "protect readers from phishing, articles may only link to "
                    f"{self.allowed_sites}. If this site should be allowed, it must be added to content/_data/site.yml "
                    "`official_domains` in a reviewed pull request")
        if parts.username or parts.password or port:
            return (f'"{url}" must not contain a user name, password or port number; link to '
                    f"https://{host}/... instead")
        if parts.scheme != "https":
            return f'"{url}" must start with https://, so readers get the secure page'
        return None

    def email(self, address: str) -> str | None:
        address = unquote(address).strip().lower()
        if address in self.emails or address.rsplit("@", 1)[-1] in EXAMPLE_EMAIL_DOMAINS:
            return None
        return (f'"{address}" is not one of our support e-mail addresses '
                f"({', '.join(sorted(self.emails))}); articles may only give the addresses "
                "listed in content/_data/channels.yml")

    def phone(self, number: str) -> str | None:
        if _digits(number) in self.phones:
            return None
        known = ", ".join(self.phones.values()) or "none"
        return (f'"{number.strip()}" is not one of our support phone numbers ({known}); '
                "articles may only give the numbers listed in content/_data/channels.yml")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """The links family, over every article: sources and translations."""
    rules = Rules(corpus)
    problems: list[Problem] = []
    for article in [*corpus.sources.values(), *corpus.translations.values()]:
        problems.extend(check_article(article, rules))
    return problems


def check_article(article: Article, rules: Rules) -> list[Problem]:
    body = article.body
    seen: set[tuple[int, str]] = set()
    problems: list[Problem] = []

    def report(offset: int, message: str | None) -> None:
        if not message:
            return
        line = article.body_line + body.count("\n", 0, offset)
        if (line, message) not in seen:  # "[a@b](mailto:a@b)" names a@b twice
            seen.add((line, message))
            problems.append(Problem(article.shown, line, "error", message))

    for found in scan(body):
        if found.kind == "link":
            report(found.offset, _link(found.text, article, rules))
        elif found.kind == "url":
            report(found.offset, rules.web(found.text))
        elif found.kind == "email":
            report(found.offset, rules.email(found.text))
        else:
            report(found.offset, rules.phone(found.text))
    for offset, message in _placeholders(body, rules.corpus):
        report(offset, message)
    return problems


def _link(target: str, article: Article, rules: Rules) -> str | None:
    if not target or target.startswith("#"):
        return None  # a heading on the same page
    scheme = SCHEME_RE.match(target)
    if scheme:
        name = scheme.group(1).lower()
        rest = target[len(scheme.group(0)):]
        if name in ("http", "https"):
            return rules.web(target)
        if name == "mailto":
            bad = [m for a in rest.split("?", 1)[0].split(",") if (m := rules.email(a))]
            return bad[0] if bad else None
        if name == "tel":
            return rules.phone(unquote(rest))
        return (f'"{target}": `{name}:` links are not allowed in articles; link to a web page '
                "starting with https://")
    if target.startswith("//"):
        return rules.web("https:" + target) or (f'"{target}" must start with https://, so '
                                                "readers get the secure page")
    if target.startswith("/"):
        return (f'"{target}" starts at the site root, which breaks when the site is opened from '
                "a sub-folder or offline; link to the article's file instead, like "
                "`../security/set-up-2fa.md`")
    if "@" in target and "/" not in target:  # <support@kestrel.example>
        return rules.email(target)
    return _internal(target, article, rules)


def _internal(target: str, article: Article, rules: Rules) -> str | None:
    """A relative link: to an article's .md file, a generated page, or a real file."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    corpus = rules.corpus
    default = corpus.project.default_language
    content = corpus.project.content_dir
    resolved = posixpath.normpath(posixpath.join(article.lang, article.category, path))
    if resolved == ".." or resolved.startswith("../"):
        return f'"{target}" leads outside the content folder; check the number of `../`'
    parts = resolved.split("/")
    rest = "/".join(parts[1:])
    if resolved.endswith(".md"):
        if parts[0] != article.lang:
            return (f'"{target}" leads into another language\'s folder; link to an article as '
                    "`../<category>/<id>.md` and readers get it in their own language")
        if rest in rules.generated:
            return None
        if len(parts) == 3:
            category, aid = parts[1], parts[2].removesuffix(".md")
            source = corpus.sources.get(aid)
            if source is not None and source.category == category:
                return None  # every language has it, translated or in English
            if (content / default / category / f"{aid}.md").is_file():
                return None  # it exists but could not be used; its own problems say why
            if source is not None:
                return (f'"{target}": the article "{aid}" is in the {source.category} folder; '
                        f"link to `../{source.category}/{aid}.md`")
        others = [link for link in rules.article_links
                  if link != f"../{article.category}/{article.id}.md"]
        hint = close_matches(f"../{rest}", others) or "."
        return (f'"{target}" links to an article that does not exist '
                f"(content/{default}/{rest}){hint} Check the category folder and the file name")
    if (content / resolved).is_file() or (
            parts[0] == article.lang and (content / default / rest).is_file()):
        return None
    if len(parts) == 3 and parts[0] == article.lang:
        source = corpus.sources.get(parts[2])
        if source is not None and source.category == parts[1]:
            return (f'"{target}": link to the article\'s file, `../{parts[1]}/{parts[2]}.md`, '
                    "so the link works in every language")
    return (f'"{target}" links to a file that does not exist (content/{resolved}); '
            "if you meant a website, start the link with https://")


def _generated_pages(corpus: Corpus) -> set[str]:
    """Pages the plugin makes (home, topics, coins, contact), as files below a language."""
    default = corpus.project.default_language
    urls = [paths.home(default, default), paths.contact(default, default),
            *(paths.category(default, default, c.id) for c in corpus.registry.categories),
            *(paths.coin(default, default, s) for s in corpus.registry.coins)]
    return {paths.dest_of(u).removesuffix(".html") + ".md" for u in urls}


def _placeholders(body: str, corpus: Corpus) -> Iterator[tuple[int, str]]:
    """`{{ name }}` must be ours; table placeholders stand alone on their line."""
    coins = corpus.registry.coins
    own_line = list(LINE_RE.finditer(body))
    known = ", ".join(f"`{{{{ {k} }}}}`" for k in KNOWN)
    for match in ANY_RE.finditer(body):
        name = match.group(1)
        if name not in KNOWN:
            close = difflib.get_close_matches(name, KNOWN, n=1, cutoff=0.6)
            hint = f"; did you mean `{{{{ {close[0]} }}}}`?" if close else "."
            yield match.start(), (f"`{match.group(0)}` is not a placeholder we know{hint} "
                                  f"The placeholders are {known}")
            continue
        if name == "exchange_name":
            continue
        line = next((m for m in own_line if m.start() <= match.start() < m.end()), None)
        if line is None:
            yield match.start(), (f"`{{{{ {name} }}}}` must stand alone on its own line, or "
                                  "readers see it as-is")
            continue
        for symbol in line.group(2).upper().split():
            if symbol not in coins:
                hint = close_matches(symbol, list(coins)) or "."
                yield match.start(), (f'`{{{{ {name} }}}}`: "{symbol}" is not a known coin'
                                      f"{hint} Coins are listed in content/_data/coins.yml")
