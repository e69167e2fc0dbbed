"""Offline link check of the built site: every href and src must reach a file.

Reads ``build/site`` as a browser would resolve it, without the network:
a relative link is resolved against the page's own folder, a folder link
(``../security/``) needs an ``index.html`` inside it, and nothing may point
outside the site. Links with a scheme (``https:``, ``mailto:``) and
same-page anchors are not followed; the article checks (``links.py``) vet
external addresses before the build.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..content.problems import Problem

# Attributes that load or open another file. `srcset` lists several; the
# first word of each comma-separated entry is the URL.
LINK_ATTRIBUTES = ("href", "src", "srcset", "poster", "data")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None or name not in LINK_ATTRIBUTES:
                continue
            if name == "srcset":
                self.found += [(line, part.split()[0]) for part in value.split(",") if part.split()]
            else:
                self.found.append((line, value))

    handle_startendtag = handle_starttag


def page_links(html: str) -> list[tuple[int, str]]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.found


def check_site(site: Path, *, shown: str | None = None) -> tuple[list[Problem], int]:
    """(problems, pages checked). ``shown`` is how the site folder is named in messages."""
    site = site.resolve()
    label = shown or site.as_posix()
    problems: list[Problem] = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        rel = page.relative_to(site).as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        seen: set[tuple[int, str]] = set()
        for line, url in page_links(text):
            message = _broken(site, rel, url)
            if message and (line, url) not in seen:
                seen.add((line, url))
                problems.append(Problem(f"{label}/{rel}", line, "error", message))
    return sorted(problems), len(pages)


def _broken(site: Path, page: str, url: str) -> str | None:
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # another site, an e-mail or phone link: not followed offline
    path = unquote(parts.path)
    if not path:
        return None  # "?q=x" on the same page
    base = posixpath.dirname(page)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(base, path)
    target = posixpath.normpath(joined)
    if target == ".." or target.startswith("../"):
        return f'"{url}" points outside the site'
    file = site / target if target != "." else site
    if file.is_dir():
        if (file / "index.html").is_file():
            return None
        return f'"{url}" is a folder without an index.html'
    if file.is_file():
        return None
    return f'"{url}" does not exist in the built site ({target})'
