"""schema.org JSON-LD for article pages, so search engines can show them richly.

- an FAQ article is an ``FAQPage`` with one ``Question`` (the title) whose
  ``acceptedAnswer`` is the summary followed by the body's first paragraph,
  cut to ANSWER_EXCERPT characters, as plain text. Not the whole body: the
  page already holds it, and a long article's JSON-LD doubled its size;
- a guide is a ``HowTo`` whose steps are the items of its first numbered
  list, or an ``Article`` when it has none;
- a notice is an ``Article`` that ``expires`` on its end day.

Titles, summaries and bodies are untrusted text: :func:`script_text` makes the
JSON safe to put between <script> tags (no ``</script>`` can end it early).
Plain Python: tests call it without MkDocs.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..content.corpus import Article, Corpus
from ..search.text import plain_text

CONTEXT = "https://schema.org"
# Characters of the first paragraph kept in an FAQ answer. Search engines show
# about 160 characters of an answer; 300 leaves room for a second sentence in
# languages that need more characters, and keeps the block under ~1 KB.
ANSWER_EXCERPT = 300
ELLIPSIS = "…"
FENCE = ("```", "~~~")
# The first ordered list: "1. text" or "1) text" lines, allowing indented
# continuation lines and blank lines between items (a loose list).
ORDERED_ITEM_RE = re.compile(r"^ {0,3}\d{1,9}[.)][ \t]+(.*)$")
CONTINUATION_RE = re.compile(r"^(?: {2,}|\t)\S")
# Inline Markdown that plain_text keeps because search does not mind it.
EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)")
# HTML-significant characters, written as JSON escapes: the JSON means the
# same, and the HTML parser never sees a tag, an entity or a comment in it.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def plain(markdown: str, exchange_name: str = "") -> str:
    """What a reader reads in a piece of Markdown, as one line of text.

    Headings are left out: search keeps them apart, and out of place they
    would read as run-on sentences in an answer.
    """
    return " ".join(EMPHASIS_RE.sub("", plain_text(markdown, exchange_name).body).split())


def first_paragraph(markdown: str, exchange_name: str = "") -> str:
    """The first paragraph of the body with words in it, as one line of plain text.

    Headings (which ``plain`` drops) and fenced code are passed over.
    """
    block: list[str] = []
    in_code = False
    for line in [*markdown.splitlines(), ""]:
        if line.lstrip().startswith(FENCE):
            in_code = not in_code
            block = []
            continue
        if in_code:
            continue
        if line.strip():
            block.append(line)
            continue
        text = plain("\n".join(block), exchange_name)
        if text:
            return text
        block = []
    return ""


def excerpt(text: str, limit: int = ANSWER_EXCERPT) -> str:
    """``text`` cut to ``limit`` characters, at a space when one is in the second half."""
    if len(text) <= limit:
        return text
    cut = text[:limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + ELLIPSIS


def first_ordered_list(markdown: str) -> list[str]:
    """The items of the first numbered list in the body, as Markdown, in order."""
    items: list[str] = []
    in_code = False
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        match = ORDERED_ITEM_RE.match(line)
        if match:
            items.append(match.group(1))
        elif items and CONTINUATION_RE.match(line):
            items[-1] += " " + line.strip()
        elif items and line.strip():
            break  # a paragraph after the list ends it
    return items


def for_article(corpus: Corpus, source: Article, lang: str, url: str) -> dict[str, Any]:
    """The JSON-LD object for ``source`` as a reader of ``lang`` sees it at ``url``.

    ``url`` is the page's canonical URL (absolute); on a fallback page the
    text is the English one, so ``inLanguage`` is English too.
    """
    shown, _fallback = corpus.in_language(source.id, lang)
    meta = shown.meta
    exchange = corpus.registry.site.exchange_name
    title = meta.title or source.id
    summary = meta.summary or ""
    common: dict[str, Any] = {"inLanguage": shown.lang, "url": url}
    if meta.reviewed:
        common["dateModified"] = meta.reviewed.isoformat()
    if meta.type == "faq":
        answer = " ".join(part for part in (summary, excerpt(first_paragraph(shown.body, exchange)))
                          if part)
        return {"@context": CONTEXT, "@type": "FAQPage", "name": title, **common,
                "mainEntity": [{"@type": "Question", "name": title,
                                "acceptedAnswer": {"@type": "Answer", "text": answer}}]}
    steps = first_ordered_list(shown.body) if meta.type == "guide" else []
    if steps:
        return {"@context": CONTEXT, "@type": "HowTo", "name": title, "description": summary,
                **common,
                "step": [{"@type": "HowToStep", "position": i, "text": plain(step, exchange)}
                         for i, step in enumerate(steps, start=1)]}
    article: dict[str, Any] = {"@context": CONTEXT, "@type": "Article", "headline": title,
                               "description": summary, **common, "mainEntityOfPage": url}
    if meta.expires:
        article["expires"] = meta.expires.isoformat()
    return article


def script_text(data: dict[str, Any]) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/ld+json">``.

    Unicode stays readable (ensure_ascii off); only the characters that mean
    something to the HTML parser are escaped.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group(0)], text)
