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
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from ..content.corpus import Article
from ..content.problems import Problem
from . import contacts
from .sanitize import TAGS, sanitize
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


def markup_findings(html: str, policy: UrlPolicy, base: str, *,
                    allowed_tags: frozenset[str] | None = None) -> list[Finding]:
    """Elements, event handlers and URLs in ``html`` that a reader must not get.

    ``allowed_tags`` is the article allowlist; whole pages (the theme's own
    ``<script>`` and ``<link>`` included) are read with None.
    """
    findings: list[Finding] = []
    tree = HTMLParser(html)
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        tag = node.tag
        if allowed_tags is not None and tag not in allowed_tags and tag not in _WRAPPERS:
            findings.append(Finding(
                f"`<{tag}>` is not allowed in articles (it was removed from the page); articles may "
                "use Markdown and simple formatting only, never scripts, styles, frames, forms or "
                "page settings", (f"<{tag}",)))
        for name, value in node.attributes.items():
            findings.extend(_attribute(node, name.lower(), value or "", policy, base))
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
    tree = HTMLParser(html)
    tree.strip_tags(["script", "style", "template", "noscript"])
    parts = [tree.root.text(separator="\n") if tree.root else ""]
    for node in tree.css("[alt], [title], [aria-label]"):
        parts.extend(v for k, v in node.attributes.items() if k in ("alt", "title", "aria-label") and v)
    return "\n".join(parts)


def text_findings(text: str, policy: UrlPolicy, lang: str) -> list[Finding]:
    return [Finding(c.message, (c.text,)) for c in contacts.scan(text, policy, lang)]


def gate_fragment(html: str, policy: UrlPolicy, base: str, lang: str) -> tuple[str, list[Finding]]:
    """An article's HTML: the findings, and the HTML cut down to what is allowed."""
    findings = markup_findings(html, policy, base, allowed_tags=TAGS)
    clean, _ = sanitize(html, lambda tag, name, value: policy.verdict(value, base))
    findings += text_findings(visible_text(clean), policy, lang)
    return clean, findings


def gate_page(html: str, policy: UrlPolicy, base: str, lang: str) -> list[Finding]:
    """A whole page as written to the site (theme, generated content and all)."""
    return [*markup_findings(html, policy, base), *text_findings(visible_text(html), policy, lang)]


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
