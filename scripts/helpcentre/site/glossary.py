"""The glossary page of each language, and the links from articles to it.

The entries and their order are helpcentre.content.glossary's. In an article,
the first use of each known term (or one of its synonyms) becomes a link to its
entry, with the definition as the link's title. That is done on the article's
HTML after the safety gate, with the gate's HTML parser (text nodes only: never
inside a link, a heading, code or a button), so no writer's markup is touched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..content import paths
from ..content.glossary import MIN_LATIN_LINK, Glossary, linkable
from .views import Context, Link

# Where a term is never linked: it is a link already, or a heading, code, a
# label readers click, or our own banners and help boxes.
SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "button",
                       "label", "script", "style", "summary", "title", "textarea", "select"})
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# A Latin or Cyrillic word ends where no such letter, digit or hyphen follows: not
# `\w`, which takes Han, kana and hangul too, so "TxIDを" in Japanese would never match.
WORD_CHAR = r"0-9A-Za-z_\u00C0-\u024F\u0400-\u04FF-"


@dataclass
class EntryView:
    id: str
    term: str
    definition: str
    synonyms: str  # "Also called: tag, destination tag"
    related: list[Link]
    lang: str = ""  # set when the entry is shown in English (not translated yet)
    lang_name: str = ""


@dataclass
class GlossaryView:
    kind = "glossary"
    title: str
    intro: str
    untranslated: str
    related_label: str
    entries: list[EntryView]


def glossary_view(ctx: Context, glossary: Glossary) -> GlossaryView:
    """Every entry in the reader's language (English where not translated), in that
    language's order (content.glossary.sort_key)."""
    entries = []
    for entry, fallback in glossary.ordered(ctx.lang):
        related = [ctx.article_link(ctx.corpus.sources[a]) for a in entry.related if a in ctx.corpus.sources]
        synonyms = ctx.t("glossary.synonyms", words=ctx.t("common.separator").join(entry.synonyms)) \
            if entry.synonyms else ""
        entries.append(EntryView(entry.id, entry.term, entry.definition, synonyms, related,
                                 entry.lang if fallback else "",
                                 ctx.language_name(entry.lang) if fallback else ""))
    return GlossaryView(ctx.t("glossary.title"), ctx.t("glossary.intro"), ctx.t("glossary.untranslated"),
                        ctx.t("glossary.related"), entries)


def page_url(ctx: Context) -> str:
    return paths.glossary(ctx.lang, ctx.default)


@functools.lru_cache(maxsize=16)
def _pattern(words: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    """Every linkable word in one regex: CJK words anywhere in the text, Latin and
    Cyrillic words whole, words under three letters as capitals only ("ID", never "id").

    Each group is a trie of its words (``_trie``), so the regex engine follows one
    branch per character instead of trying every word at every position: four
    times faster on the starter articles than a plain alternation.
    """
    found = [word for word, _ in words if linkable(word)]
    cjk = [w for w in found if CJK_RE.search(w)]
    caps = [w for w in found if w not in cjk and len(w) < MIN_LATIN_LINK]
    latin = [w.lower() for w in found if w not in cjk and w not in caps]
    whole = rf"(?<![{WORD_CHAR}])(?:{{}})(?![{WORD_CHAR}])"
    parts = [_trie(cjk)] if cjk else []
    parts += [whole.format(_trie(latin))] if latin else []
    parts += ["(?-i:" + whole.format(_trie(caps)) + ")"] if caps else []
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` factored by their common prefixes; a longer word
    is tried before its prefix (``deposit(?: address)?``)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        options = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


def link_terms(html: str, glossary: Glossary, lang: str, href: str) -> str:
    """``html`` (an article's body) with the first use of each term linked to ``href#id``;
    exactly ``html`` when nothing was linked."""
    words = glossary.words(lang)
    pattern = _pattern(tuple(words))
    if not html or pattern is None:
        return html
    owner = {word.casefold(): entry_id for word, entry_id in words}
    definitions = {e.id: e.definition for e in glossary.entries.get(lang, {}).values()}
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return html
    done: set[str] = set()
    for node in list(tree.body.traverse(include_text=True)):
        if node.tag != "-text" or _skipped(node):
            continue
        text = node.text_content or ""
        pieces: list[str | LexborNode] = []
        at = 0
        for match in pattern.finditer(text):
            entry_id = owner.get(match.group(0).casefold())
            if entry_id is None or entry_id in done:
                continue
            done.add(entry_id)
            pieces += [text[at:match.start()], _link(match.group(0), f"{href}#{entry_id}",
                                                     definitions.get(entry_id, ""))]
            at = match.end()
        if not pieces:
            continue
        for piece in [*pieces, text[at:]]:
            if not isinstance(piece, str) or piece:
                node.insert_before(piece)
        node.decompose()
    if not done:
        return html  # nothing linked: the writer's HTML as it was, not re-serialised
    return tree.body.inner_html or ""


def _link(word: str, href: str, title: str) -> LexborNode:
    link = LexborHTMLParser("<a></a>").css_first("a")
    assert link is not None
    link.attrs["class"] = "hc-term"
    link.attrs["href"] = href
    if title:
        link.attrs["title"] = title
    link.insert_child(word)
    return link


def _skipped(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in SKIP_TAGS:
            return True
        parent = parent.parent
    return False
