"""The safety gate: what a reader receives may send them only to us.

One set of functions, called by ``helpcentre check`` on each article rendered
as the site renders it, by the MkDocs plugin on every page it writes (articles,
generated pages, 404 and the team dashboard), and so by every build and every
workflow that deploys. What ``check`` refuses, no build publishes.

It reads HTML with a real HTML5 parser (selectolax, on the lexbor engine), so
unquoted attributes, entities (``&#47;&#47;``) and odd spacing mean here what
they mean in a browser. For an article it then:

1. reports every element outside the allowlist (``<script>``, ``<meta>``,
   ``<iframe>``...), every event handler and every URL the policy refuses,
   in any attribute that loads or navigates;
2. cuts the HTML down to the allowlist with nh3 (:mod:`.sanitize`), removing
   refused URLs, so even a build that ignores the errors writes nothing live;
3. reads the words a reader sees (text, ``alt`` and ``title``) and the front
   matter's title, summary and keywords for contact details (:mod:`.contacts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from ..content.corpus import Article
from ..content.problems import Problem
from . import contacts
from .sanitize import ATTRIBUTES, CLASSES, TAGS, sanitize
from .urls import UrlPolicy

# Attributes through which an element loads or navigates to a URL (HTML, SVG
# and the old ones browsers still honour).
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "background", "ping",
    "xlink:href", "codebase", "manifest", "icon", "longdesc", "usemap", "dynsrc", "lowsrc", "archive",
    "classid", "profile", "imagesrcset",
})
# Elements the parser adds around a fragment; not the writer's.
_WRAPPERS = frozenset({"html", "head", "body", "-text", "-comment", "_text", "_comment"})
_URL_SELECTOR = ", ".join([*(f"[{a.replace(':', chr(92) + ':')}]" for a in sorted(URL_ATTRIBUTES)),
                           "meta[http-equiv]"])
_PAGE_ATTRIBUTES = URL_ATTRIBUTES | {"content"}  # content: a <meta> refresh's target
_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
_REFRESH_URL = re.compile(r"""^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']*)""", re.IGNORECASE)
FRONT_MATTER_TEXT = ("title", "summary", "keywords")


@dataclass(frozen=True)
class Finding:
    """One thing a reader must not get, and the source text to find its line by."""

    message: str
    needles: tuple[str, ...] = ()


def _urls(name: str, value: str) -> Iterator[str]:
    if name in ("srcset", "imagesrcset"):
        for candidate in value.split(","):
            if candidate.strip():
                yield candidate.split()[0]
    elif name == "ping":
        yield from value.split()
    else:
        yield value


def markup_findings(html: str, policy: UrlPolicy, base: str) -> list[Finding]:
    """Elements, attributes and URLs in an article's HTML that a reader must not get.

    Everything outside the sanitizer's allowlist is named, so ``check`` says what
    the build would remove instead of the build changing an article silently.
    """
    findings: list[Finding] = []
    tree = HTMLParser(html)
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        tag = node.tag
        if tag in _WRAPPERS:
            continue
        if tag not in TAGS:
            findings.append(Finding(
                f"`<{tag}>` is not allowed in articles (it was removed from the page); articles may "
                "use Markdown and simple formatting only, never scripts, styles, frames, forms or "
                "page settings", (f"<{tag}",)))
        for name, value in node.attributes.items():
            name = name.lower()
            found = list(_attribute(node, name, value or "", policy, base))
            if not found and tag in TAGS:
                found = _not_allowed(tag, name, value or "")
            findings.extend(found)
    return findings


def _not_allowed(tag: str, name: str, value: str) -> list[Finding]:
    if name in ATTRIBUTES.get(tag, ()):
        return []
    if name == "class" and tag in CLASSES:
        extra = sorted(set(value.split()) - CLASSES[tag])
        if not extra:
            return []
        return [Finding(f'class "{" ".join(extra)}" on `<{tag}>` is not allowed in articles (it was removed '
                        "from the page); only admonition boxes (`!!! note`) are styled", (extra[0],))]
    return [Finding(f"`{name}` on `<{tag}>` is not allowed in articles (it was removed from the page); "
                    "articles may not set styles, ids or other attributes of their own", (name,))]


def page_markup_findings(html: str, policy: UrlPolicy, base: str) -> list[Finding]:
    """URLs, refreshes and event handlers in a whole page (the theme's own markup included)."""
    return _page_markup(HTMLParser(html), html, policy, base)


def _page_markup(tree: HTMLParser, html: str, policy: UrlPolicy, base: str) -> list[Finding]:
    """The lexbor engine selects the few elements that carry a URL, so a page of
    a thousand elements is not walked in Python."""
    nodes = tree.css(_URL_SELECTOR)
    handlers = bool(_HANDLER.search(html))
    if handlers:  # rare: only then is every element and attribute read
        nodes = list(tree.root.traverse(include_text=False)) if tree.root else []
    findings: list[Finding] = []
    for node in nodes:
        attributes = node.attributes
        names = attributes.keys() if handlers else attributes.keys() & _PAGE_ATTRIBUTES
        for name in names:
            findings.extend(_attribute(node, name.lower(), attributes[name] or "", policy, base))
    return findings


def _attribute(node: Node, name: str, value: str, policy: UrlPolicy, base: str) -> Iterator[Finding]:
    if name.startswith("on"):
        yield Finding(f"`{name}` on `<{node.tag}>` runs code in the reader's browser; remove it "
                      "(it was removed from the page)", (name,))
    elif name in URL_ATTRIBUTES:
        for url in _urls(name, value):
            message = policy.verdict(url, base)
            if message:
                yield Finding(message, _needles(url))
    elif node.tag == "meta" and name == "content" and \
            (node.attributes.get("http-equiv") or "").lower() == "refresh":
        match = _REFRESH_URL.match(value)
        target = match.group(1) if match else ""
        message = policy.verdict(target, base) if target else None
        yield Finding(message or "`<meta http-equiv=\"refresh\">` sends readers to another page on "
                      "its own; remove it", ("http-equiv", *_needles(target)))


def _needles(url: str) -> tuple[str, ...]:
    """Source spellings of ``url`` to look for: as written, then its host or address."""
    url = url.strip()
    tail = url.split("//", 1)[-1].split("/", 1)[0].split("@")[-1]
    return tuple(n for n in (url, tail, url.split(":", 1)[-1]) if n)


def visible_text(html: str) -> str:
    """The words a reader sees or hears: text, and ``alt``/``title`` attributes.

    Scripts and styles are left out (the theme's own; articles have none left).
    """
    return "\n".join(_texts(html))


def _texts(html: str | HTMLParser) -> list[str]:
    """Text nodes and alt/title/aria-label values (the tree, when given one, loses its scripts)."""
    tree = HTMLParser(html) if isinstance(html, str) else html
    tree.strip_tags(["script", "style", "template", "noscript"])
    parts = tree.root.text(separator="\x00").split("\x00") if tree.root else []
    for node in tree.css("[alt], [title], [aria-label]"):
        parts.extend(v for k, v in node.attributes.items() if k in ("alt", "title", "aria-label") and v)
    return [p for p in parts if p.strip()]


def text_findings(text: str, policy: UrlPolicy, lang: str) -> list[Finding]:
    return [Finding(c.message, (c.text,)) for c in contacts.scan(text, policy, lang)]


def gate_fragment(html: str, policy: UrlPolicy, base: str, lang: str) -> tuple[str, list[Finding]]:
    """An article's HTML: the findings, and the HTML cut down to what is allowed."""
    findings = markup_findings(html, policy, base)
    clean, _ = sanitize(html, lambda tag, name, value: policy.verdict(value, base))
    findings += text_findings(visible_text(clean), policy, lang)
    return clean, findings


class PageGate:
    """The gate over whole pages for one build.

    Most of a page's words (menus, footer, topic names) repeat on every page;
    each distinct piece of text is read for contact details once per build.
    That kept the gate's share of a 12,000-page build small (see the closing
    numbers in benchmarks/results).
    """

    def __init__(self, policy: UrlPolicy):
        self.policy = policy
        # Tuples, not lists: an empty tuple is one shared object the garbage
        # collector never scans, and most texts have no finding.
        self._seen: dict[tuple[str, str], tuple[Finding, ...]] = {}

    def findings(self, html: str, base: str, lang: str) -> list[Finding]:
        tree = HTMLParser(html)  # parsed once: URLs first, then the text without scripts
        found = _page_markup(tree, html, self.policy, base)
        for text in _texts(tree):
            key = (text, lang)
            if key not in self._seen:
                self._seen[key] = tuple(text_findings(text, self.policy, lang))
            found.extend(self._seen[key])
        return found


def gate_article(html: str, article: Article, policy: UrlPolicy, base: str) -> tuple[str, list[Problem]]:
    """An article's rendered body and front matter: clean HTML and problems at source lines."""
    clean, findings = gate_fragment(html, policy, base, article.lang)
    problems = [Problem(article.shown, _line(article, f.needles), "error", f.message) for f in findings]
    for field in FRONT_MATTER_TEXT:
        value = getattr(article.own, field, None)
        texts = value if isinstance(value, (list, tuple)) else [value]
        for text in (t for t in texts if isinstance(t, str) and t):
            line = article.field_lines.get(field, 1)
            problems += [Problem(article.shown, line, "error", f"`{field}`: {f.message}")
                         for f in text_findings(text, policy, article.lang)]
    return clean, sorted(set(problems))


def _line(article: Article, needles: tuple[str, ...]) -> int:
    """The body line where the first needle stands (raw, then read as a reader sees it)."""
    body = article.body
    for needle in needles:
        at = body.find(needle)
        if at < 0:
            at = body.lower().find(needle.lower())
        if at >= 0:
            return article.body_line + body.count("\n", 0, at)
    lines = body.split("\n")
    for needle in needles:
        folded = contacts.normalise(needle).lower()
        for number, line in enumerate(lines):
            if folded in contacts.normalise(line).lower():
                return article.body_line + number
    return article.body_line


def gate_site(site: Path, policy: UrlPolicy, lang_of: Callable[[str], str]) -> list[str]:
    """Every HTML page of a built site, as ``path: error: message`` lines.

    For sites that were put together rather than built in one go (the merge
    of per-language parts): what is published is judged again as a whole, so
    a part built elsewhere cannot bring in what the gate would have refused.
    """
    gate = PageGate(policy)
    found: list[str] = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        base = policy.base_for(rel.removesuffix("index.html"))
        html = page.read_text(encoding="utf-8", errors="replace")
        found += [f"{rel}: error: {f.message}" for f in gate.findings(html, base, lang_of(rel))]
    return found
