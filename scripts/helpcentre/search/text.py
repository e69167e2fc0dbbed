"""Markdown body -> the plain text search reads, with its headings apart.

Only what a reader sees is kept: link text without the URL, admonition
titles, table cells, code. Build placeholders are dropped (the registry facts
they expand to, coins and channels, reach the index as metadata instead),
except the exchange's name.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..content.placeholders import ANY_RE, INLINE_RE

HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
ADMONITION_RE = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+"([^"]*)")?[ \t]*$',
                           re.MULTILINE)
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF_LINK_RE = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
LINK_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:.*$", re.MULTILINE)
URL_RE = re.compile(r"<?https?://\S+>?")
ATTR_LIST_RE = re.compile(r"\{:?[ \t]*[.#][^}]*\}")
TAG_RE = re.compile(r"<[^>\n]+>")


@dataclass(frozen=True)
class PlainText:
    headings: str
    body: str


def plain_text(markdown: str, exchange_name: str = "") -> PlainText:
    # The placeholder grammar is content's (content/placeholders.py); one copy of it.
    text = INLINE_RE.sub(exchange_name, markdown)
    text = ANY_RE.sub(" ", text)
    text = IMAGE_RE.sub(r"\1", text)
    text = LINK_RE.sub(r"\1", text)
    text = REF_LINK_RE.sub(r"\1", text)
    text = LINK_DEF_RE.sub(" ", text)
    text = URL_RE.sub(" ", text)
    text = ATTR_LIST_RE.sub(" ", text)
    text = TAG_RE.sub(" ", text)
    headings = [m.group(1) for m in HEADING_RE.finditer(text)]
    text = HEADING_RE.sub(" ", text)
    text = ADMONITION_RE.sub(lambda m: m.group(1) or " ", text)
    text = html.unescape(text)
    return PlainText(_squeeze(html.unescape(" ".join(headings))), _squeeze(text))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
