"""sitemap.xml: every page that really exists, with its real translations.

A fallback page (the English text served under /zh/ because no Chinese
version exists yet) is left out: its canonical URL is the English page, and
search engines must not treat it as a Chinese translation. Each entry lists
as `xhtml:link` alternates only the languages the page exists in.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..content import paths
from ..content.corpus import Corpus

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
          'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
          "<!-- Untranslated pages (English text under another language's path) are not "
          "listed; their canonical URL is the English page. -->\n")


def entries(corpus: Corpus) -> list[tuple[str, list[tuple[str, str]]]]:
    """(url, [(lang, url), ...]) for every page, in a stable order."""
    project = corpus.project
    default = project.default_language
    codes = project.codes
    pages: list[dict[str, str]] = [
        {lang: paths.home(lang, default) for lang in codes},
        {lang: paths.contact(lang, default) for lang in codes},
    ]
    pages += [{lang: paths.category(lang, default, c.id) for lang in codes}
              for c in corpus.registry.categories]
    pages += [{lang: paths.coin(lang, default, s) for lang in codes}
              for s in corpus.registry.coins]
    for aid in sorted(corpus.sources):
        source = corpus.sources[aid]
        pages.append({lang: paths.article(lang, default, source.category, aid)
                      for lang in codes if corpus.get(aid, lang) is not None})
    out = []
    for page in pages:
        alternates = sorted(page.items())
        for _lang, url in alternates:
            out.append((url, alternates if len(alternates) > 1 else []))
    return out


def render(corpus: Corpus) -> str:
    base = corpus.project.site_url.rstrip("/") + "/"

    def absolute(url: str) -> str:
        return base + url.removeprefix("./")

    lines = [HEADER]
    for url, alternates in entries(corpus):
        # Every value is escaped, whatever the loader lets through: an `&` in
        # a page address once made the whole sitemap malformed.
        lines.append(f"<url><loc>{escape(absolute(url))}</loc>")
        for lang, alt in alternates:
            lines.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(lang)} '
                         f"href={quoteattr(absolute(alt))}/>")
        lines.append("</url>\n")
    lines.append("</urlset>\n")
    return "".join(lines)
