"""Links and placeholders in articles: what the safety gate finds, and where
each relative link leads.

Reader safety is decided on the rendered HTML by the gate
(:mod:`helpcentre.checks.gate`): no source-text pattern decides what is a
link. This family adds what needs the whole corpus: a relative link must reach
a real article (in the right category folder), a generated page or a file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
from collections.abc import Iterator
from urllib.parse import unquote

from ..content import paths
from ..content.corpus import Article, Corpus
from ..content.placeholders import ANY_RE, KNOWN, LINE_RE
from ..content.problems import Problem
from ..content.registry import close_matches
from ..content.ui import UIStrings
from .corpusgate import gate_corpus


class Rules:
    """What a relative link may lead to: articles, generated pages and real files."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.generated = _generated_pages(corpus)
        self.article_links = [f"../{a.category}/{a.id}.md" for a in corpus.sources.values()]


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    """The links family, over every article: sources and translations.

    Each article is rendered as the site renders it and put through the safety
    gate (helpcentre.checks.gate); the relative links in the HTML it lets
    through must then reach a real article or file.
    """
    rules = Rules(corpus)
    problems: list[Problem] = []
    for article, result in gate_corpus(corpus, ui):
        problems.extend(result.problems)
        for target, line in result.relative_links:
            message = _relative(target, article, rules)
            if message:
                problems.append(Problem(article.shown, line, "error", message))
        for offset, message in _placeholders(article.body, corpus):
            problems.append(Problem(article.shown, article.body_line + article.body.count("\n", 0, offset),
                                    "error", message))
    return problems


def _relative(target: str, article: Article, rules: Rules) -> str | None:
    """A link without a scheme; where it leads on the web the gate has already judged."""
    if not target or target.startswith(("#", "//")):
        return None
    if target.startswith("/"):
        return (f'"{target}" starts at the site root, which breaks when the site is opened from '
                "a sub-folder or offline; link to the article's file instead, like "
                "`../security/set-up-2fa.md`")
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
    pages = paths.generated(default, default, [c.id for c in corpus.registry.categories], list(corpus.registry.coins))
    return {paths.dest_of(url).removesuffix(".html") + ".md" for _kind, _key, url in pages}


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
