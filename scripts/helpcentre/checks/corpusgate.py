"""The safety gate over every article, for ``helpcentre check``, with a cache.

Rendering Markdown is most of what the gate costs: about 1 ms an article, so
12,000 files would add 12 s to every ``check``. A writer's ``check`` runs on a
tree where almost nothing changed since the last run, so each article's result
is kept in ``build/.cache/gate.json`` under a key made of everything it depends
on: the article's own text, the registries, the UI strings, mkdocs.yml, the
gate's code and the versions of the libraries it uses. Any change to one of
those makes a new key; nothing is ever reused on a guess. The cache is written
under a file lock (filelock), so two checks at once never corrupt it, and a
cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from filelock import FileLock, Timeout
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..content.corpus import Article, Corpus
from ..content.problems import Problem
from ..content.ui import UIStrings
from .gate import gate_article
from .render import Renderer
from .urls import UrlPolicy

CACHE_FILE = Path("build") / ".cache" / "gate.json"
# Libraries whose behaviour is part of a result: a new version means new keys.
LIBRARIES = ("nh3", "ada-url", "phonenumbers", "publicsuffixlist", "selectolax", "Markdown")


@dataclass(frozen=True)
class GateResult:
    problems: tuple[Problem, ...]
    relative_links: tuple[tuple[str, int], ...]  # (href as written, body line) for links without a scheme


def gate_corpus(corpus: Corpus, ui: UIStrings | None) -> Iterator[tuple[Article, GateResult]]:
    """Every article (sources and translations) with what the gate found in it.

    Pending translations too: readers are not meant to see them, but the file is
    in content/ and the build still reads it, so what it links to must be safe.
    """
    project = corpus.project
    policy = UrlPolicy(corpus.registry, project.site_url)
    cache = _Cache(project.root / CACHE_FILE, _fingerprint(corpus, ui))
    renderer: Renderer | None = None
    for article in [*corpus.sources.values(), *corpus.translations.values(), *corpus.pending.values()]:
        key = cache.key(article)
        result = cache.get(key)
        if result is None:
            renderer = renderer or Renderer(corpus, ui)
            result = gate_one(renderer.html(article), article, policy)
            cache.put(key, result)
        yield article, result
    cache.save()


def gate_one(html: str, article: Article, policy: UrlPolicy) -> GateResult:
    base = policy.base_for(f"{article.lang}/{article.category}/{article.id}.md")
    clean, problems = gate_article(html, article, policy, base)
    links = []
    for node in HTMLParser(clean).css("a[href], img[src]"):
        target = (node.attributes.get("href") or node.attributes.get("src") or "").strip()
        if target and ":" not in target.split("/", 1)[0]:
            at = article.body.find(target)
            line = article.body_line + (article.body.count("\n", 0, at) if at >= 0 else 0)
            links.append((target, line))
    return GateResult(tuple(problems), tuple(links))


def gate_fingerprint() -> str:
    """The code of the whole package and the versions of the libraries the gate uses.

    Every module, not just the gate's: a check result depends on the loader,
    the schema and every family too (checks/project.py caches whole runs).
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(name.encode())
    return digest.hexdigest()


def _fingerprint(corpus: Corpus, ui: UIStrings | None) -> str:
    """Everything besides the article itself that a result depends on."""
    digest = hashlib.sha256(gate_fingerprint().encode())
    project = corpus.project
    for path in [project.root / "mkdocs.yml", *sorted(project.data_dir.glob("*.yml"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    digest.update(json.dumps(ui.strings if ui else None, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class _Cache:
    def __init__(self, path: Path, fingerprint: str):
        self.path = path
        self.fingerprint = fingerprint
        self.old: dict[str, list] = {}
        self.new: dict[str, list] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("fingerprint") == fingerprint:
                self.old = data.get("articles") or {}
        except (OSError, ValueError):
            pass

    def key(self, article: Article) -> str:
        own = article.own
        text = json.dumps([article.shown, article.lang, article.category, article.id, article.body_line,
                           article.body, own.title, own.summary, own.keywords, article.field_lines],
                          ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str) -> GateResult | None:
        entry = self.old.get(key)
        if entry is None:
            return None
        self.new[key] = entry
        problems, links = entry
        return GateResult(tuple(Problem(*p) for p in problems), tuple((t, n) for t, n in links))

    def put(self, key: str, result: GateResult) -> None:
        self.new[key] = [[[p.path, p.line, p.severity, p.message] for p in result.problems],
                         [list(link) for link in result.relative_links]]

    def save(self) -> None:
        """Keep only this run's entries, so the file never grows past the corpus."""
        if self.new.keys() == self.old.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(str(self.path) + ".lock", timeout=5):
                temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
                temp.write_text(json.dumps({"fingerprint": self.fingerprint, "articles": self.new},
                                           ensure_ascii=False), encoding="utf-8")
                temp.replace(self.path)
        except (OSError, Timeout):
            pass  # a cache we cannot write only makes the next run slower
