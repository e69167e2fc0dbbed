"""All articles, each source linked to its translations, checked against each other.

``load_corpus`` walks ``content/<lang>/<category>/<id>.md``, loads every file
with the one loader, then applies the rules that need more than one file:
known language and category, valid and unique ids, coins in the registry, a translation
that has a source and agrees with it on inherited fields.

A translation still marked ``translation: pending`` (started by `helpcentre new
--lang`, not yet synced) is an English copy: it goes to ``Corpus.pending``, not
``Corpus.translations``, so everything that asks for the translation (pages,
search, sitemap, freshness states) finds none and falls back to English, as
for a missing file. Checks that read files (the safety gate, the "not finished"
warning, `translations status`) look in ``pending`` too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from dataclasses import dataclass
from pathlib import Path

from .loader import LoadedArticle, load_article
from .problems import Problem
from .project import Project
from .registry import Registry, close_matches
from .schema import (
    ID_EXAMPLE,
    ID_RULE,
    INHERITED_FIELDS,
    OWN_FIELDS,
    TRANSLATION_ONLY_FIELDS,
    Meta,
    is_valid_id,
    suggest_id,
)


@dataclass(frozen=True)
class Article:
    """One file: a source article or a translation, with its effective metadata.

    For a translation ``meta`` is the source's metadata with the translation's
    own fields laid over it, so templates and search never look in two places.
    """

    id: str
    category: str
    lang: str
    path: Path
    shown: str
    meta: Meta
    body: str
    body_line: int
    field_lines: dict[str, int]
    own: Meta  # exactly what the file itself says

    @property
    def key(self) -> tuple[str, str]:
        return (self.category, self.id)

    def line_of(self, name: str | None) -> int:
        return self.field_lines.get(name or "", 1)

    @property
    def rel(self) -> str:
        """Path below the language folder: `security/set-up-2fa.md`."""
        return f"{self.category}/{self.id}.md"


@dataclass
class Corpus:
    project: Project
    registry: Registry
    sources: dict[str, Article]  # by article id
    translations: dict[tuple[str, str], Article]  # by (id, lang)
    problems: list[Problem]
    # Translation files with no English article (lang, category, id, path): left out of
    # ``translations``, kept here so reports need not scan content/ a second time.
    orphans: list[tuple[str, str, str, Path]] = dataclasses.field(default_factory=list)
    # Translations marked `translation: pending`, by (id, lang): not in ``translations``,
    # so readers get the English article; kept for the checks and reports that name the file.
    pending: dict[tuple[str, str], Article] = dataclasses.field(default_factory=dict)

    def get(self, article_id: str, lang: str) -> Article | None:
        """The article in ``lang`` itself (no fallback; a pending translation is not one yet)."""
        if lang == self.project.default_language:
            return self.sources.get(article_id)
        return self.translations.get((article_id, lang))

    def in_language(self, article_id: str, lang: str) -> tuple[Article, bool]:
        """What a reader of ``lang`` sees, and whether it is the English fallback."""
        own = self.get(article_id, lang)
        if own is not None:
            return own, False
        return self.sources[article_id], True

    def by_category(self, category: str) -> list[Article]:
        return sorted((a for a in self.sources.values() if a.category == category),
                      key=lambda a: (a.meta.title or a.id).lower())

    def by_coin(self, symbol: str) -> list[Article]:
        return sorted((a for a in self.sources.values() if symbol in a.meta.coins),
                      key=lambda a: (a.category, (a.meta.title or a.id).lower()))


def _merge(source: Meta, own: Meta) -> Meta:
    values = {name: getattr(source, name) for name in INHERITED_FIELDS}
    for name in OWN_FIELDS:
        values[name] = getattr(own, name) if name in own.present else getattr(source, name)
    for name in TRANSLATION_ONLY_FIELDS:  # the English article never has these
        values[name] = getattr(own, name)
    return dataclasses.replace(source, **values, present=own.present)


def article_files(project: Project, paths: list[Path] | None = None) -> list[Path]:
    """Markdown files under the language folders (or under the given paths)."""
    roots = paths or [project.content_dir]
    found: set[Path] = set()
    for root in roots:
        if root.is_file():
            found.add(root)
        else:
            found.update(p for p in root.rglob("*.md") if "_data" not in p.parts)
    return sorted(found)


def load_corpus(project: Project, registry: Registry, *, today: dt.date | None = None) -> Corpus:
    """Load every article under ``content/``. Problems are collected, never raised."""
    # Loading allocates many small objects and creates no reference cycles, so
    # the cyclic garbage collector only re-scans a growing heap: pausing it
    # saved about a fifth of the time for 12,000 files.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_corpus(project, registry, today)
    finally:
        if enabled:
            gc.enable()


def _load_corpus(project: Project, registry: Registry, today: dt.date | None) -> Corpus:
    problems: list[Problem] = []
    loaded: list[tuple[str, str, str, LoadedArticle, Path]] = []
    default = project.default_language
    categories = registry.categories_by_id
    for path in article_files(project):
        shown = project.display(path)
        rel = path.relative_to(project.content_dir).parts
        if len(rel) != 3:
            problems.append(Problem(shown, 1, "error",
                                    "articles live at content/<language>/<category>/<id>.md; "
                                    "move this file into a category folder"))
            continue
        lang, category, name = rel
        if lang not in project.codes:
            problems.append(Problem(shown, 1, "error",
                                    f'"{lang}" is not a configured language'
                                    f"{close_matches(lang, project.codes) or '.'} Languages are "
                                    "set in mkdocs.yml under the i18n plugin"))
            continue
        message = file_name_error(name)
        if message:
            problems.append(Problem(shown, 1, "error", message))
            continue
        article = load_article(path, display=shown, is_source=lang == default, today=today)
        problems.extend(article.problems)
        if category not in categories:
            problems.append(Problem(shown, 1, "error",
                                    f'"{category}" is not a known category'
                                    f"{close_matches(category, list(categories)) or '.'} "
                                    "Categories are listed in content/_data/categories.yml"))
            continue
        if article.meta is not None:
            loaded.append((lang, category, name.removesuffix(".md"), article, path))

    sources: dict[str, Article] = {}
    for lang, category, aid, art, path in loaded:
        if lang != default:
            continue
        if aid in sources:
            other = sources[aid]
            # Reported on both files: either may be the one to rename.
            for here, there in ((art.shown, other.shown), (other.shown, art.shown)):
                problems.append(Problem(here, 1, "error",
                                        f'the id "{aid}" is also used by {there}; article ids '
                                        "must be unique across categories (they appear in "
                                        "ticket links); rename one of the files"))
            continue
        meta = art.meta
        assert meta is not None
        _check_source(art, meta, category, registry, problems)
        sources[aid] = Article(aid, category, lang, path, art.shown, meta, art.body, art.body_line,
                               art.field_lines, meta)

    translations: dict[tuple[str, str], Article] = {}
    pending: dict[tuple[str, str], Article] = {}
    orphans: list[tuple[str, str, str, Path]] = []
    for lang, category, aid, art, path in loaded:
        if lang == default:
            continue
        assert art.meta is not None
        source = sources.get(aid)
        if source is None or source.category != category:
            problems.append(Problem(art.shown, 1, "error",
                                    f"this translation has no English source: "
                                    f"content/{default}/{category}/{aid}.md does not exist; "
                                    "translate an existing article or add the English one first"))
            orphans.append((lang, category, aid, path))
            continue
        _check_translation(art, art.meta, source, problems)
        found = pending if art.meta.pending else translations
        found[(aid, lang)] = Article(aid, category, lang, path, art.shown, _merge(source.meta, art.meta),
                                     art.body, art.body_line, art.field_lines, art.meta)
    for source in sources.values():
        _check_related(source, sources, problems)
    _check_top_questions(registry, sources, problems)
    return Corpus(project, registry, sources, translations, sorted(problems), orphans, pending)


def file_name_error(name: str) -> str | None:
    """Why an article's file name cannot be its id, or None when it can.

    Without this, `My Article.md`, `a%2Fb.md` and `q&a.md` built broken
    addresses, and `café.md` saved in two Unicode forms built two pages.
    """
    article_id = name.removesuffix(".md")
    if is_valid_id(article_id):
        return None
    suggestion = suggest_id(article_id)
    rename = (f"rename the file to {suggestion}.md" if suggestion
              else f"rename the file in English words, like {ID_EXAMPLE}.md")
    return (f'"{name}" cannot be an article\'s file name: the name (without .md) becomes the '
            f"page address, so it may use only {ID_RULE}; {rename}")


def _check_source(art: LoadedArticle, meta: Meta, category: str, registry: Registry,
                  problems: list[Problem]) -> None:
    if meta.category is not None and meta.category != category:
        problems.append(Problem(art.shown, art.line_of("category"), "error",
                                f'`category`: says "{meta.category}" but the file is in the '
                                f'"{category}" folder; move the file or remove the field'))
    for symbol in meta.coins:
        if symbol not in registry.coins:
            problems.append(Problem(art.shown, art.line_of("coins"), "error",
                                    f'`coins`: "{symbol}" is not a known coin'
                                    f"{close_matches(symbol, list(registry.coins)) or '.'} "
                                    "Coins are listed in content/_data/coins.yml"))
    _check_networks(art, meta, registry, problems)


def _check_networks(art: LoadedArticle, meta: Meta, registry: Registry,
                    problems: list[Problem]) -> None:
    """A network must be one of the article's coins' (or, with no coins, any coin's)."""
    coins = [registry.coins[s] for s in meta.coins if s in registry.coins] or list(registry.coins.values())
    known = sorted({n.id for coin in coins for n in coin.networks})
    for network in meta.networks:
        if network not in known:
            whose = f"of {', '.join(meta.coins)}" if meta.coins else "in content/_data/coins.yml"
            problems.append(Problem(art.shown, art.line_of("networks"), "error",
                                    f'`networks`: "{network}" is not a network {whose}'
                                    f"{close_matches(network, known) or '.'} Networks: "
                                    f"{', '.join(known)}"))


def _check_related(article: Article, sources: dict[str, Article], problems: list[Problem]) -> None:
    for other in article.meta.related:
        if other == article.id:
            problems.append(Problem(article.shown, article.line_of("related"), "error",
                                    f'`related`: "{other}" is this article itself; list other '
                                    "articles"))
        elif other not in sources:
            problems.append(Problem(article.shown, article.line_of("related"), "error",
                                    f'`related`: no article has the id "{other}"'
                                    f"{close_matches(other, list(sources)) or '.'} Use the file "
                                    "name of an English article, without .md"))


def _check_top_questions(registry: Registry, sources: dict[str, Article],
                         problems: list[Problem]) -> None:
    for lang, (line, ids) in registry.site.top_questions.items():
        for aid in ids:
            if aid not in sources:
                # A warning: deleting or renaming an article must not take the site down; the
                # home page leaves the id out until the support team updates the list.
                problems.append(Problem(registry.site.shown, line, "warning",
                                        f'`top_questions`: {lang}: no article has the id "{aid}", '
                                        "so the home page leaves it out"
                                        f"{close_matches(aid, list(sources)) or '.'} Use the file "
                                        "name of an English article, without .md"))


def _check_translation(art: LoadedArticle, own: Meta, source: Article,
                       problems: list[Problem]) -> None:
    for name in INHERITED_FIELDS:
        if name in own.present and getattr(own, name) != getattr(source.meta, name):
            mine, theirs = getattr(own, name), getattr(source.meta, name)
            problems.append(Problem(art.shown, art.line_of(name), "error",
                                    f"`{name}`: says {_show(mine)} but the English article says "
                                    f"{_show(theirs)}; translations take `{name}` from the English "
                                    "article, so remove this line"))


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return f'"{value}"'
