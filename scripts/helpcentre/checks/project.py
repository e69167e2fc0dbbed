"""Checking a whole help centre: what `helpcentre check` and `helpcentre linkcheck` run.

Why a module of its own: the command line only parses arguments and prints,
and the same work is run by pre-commit (through the command), by CI and by
``scripts/bench_check.py``, which times exactly this function so that the
number it prints is the number a writer waits for.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..content.corpus import article_files, load_corpus
from ..content.glossary import glossary_dir
from ..content.problems import ContentError, Problem
from ..content.project import Project, read_mkdocs_yml
from ..content.registry import load_registry
from ..content.ui import UIStrings, load_ui_strings
from ..freshness.feedback import STORE as FEEDBACK_STORE
from ..search.stopwords import stopwords_path
from ..search.synonyms import synonyms_path
from . import run_all
from .corpusgate import gate_fingerprint
from .sitelinks import check_site

DEFAULT_SITE_DIR = "build/site"  # where `helpcentre build` writes when there is no mkdocs.yml to say


class NoSite(ValueError):
    """There is no built site to check; the message says how to build one."""


def check_project(project: Project, today: dt.date) -> list[Problem]:
    """Every problem in the help centre, sorted by path then line.

    A run where nothing changed since the last one (same files, sizes and
    modification times, same day, same code and libraries) answers from
    build/.cache/check.json without loading anything: at 12,000 files loading
    alone takes about 2 s, and a writer runs `check` after every edit. Any
    change falls through to the full run, whose article gate has its own
    per-article cache keyed by content (checks/corpusgate.py).
    """
    key = _run_key(project, today)
    cached = _read_run_cache(project, key)
    if cached is not None:
        return cached
    problems = _check_project(project, today)
    _write_run_cache(project, key, problems)
    return problems


def _check_project(project: Project, today: dt.date) -> list[Problem]:
    try:
        registry = load_registry(project)
    except ContentError as exc:  # nothing else can be checked without the registries
        return list(exc.problems)
    problems: list[Problem] = []
    ui: UIStrings | None
    try:
        ui = load_ui_strings(project)
    except ContentError as exc:
        ui = None
        problems.extend(exc.problems)
    corpus = load_corpus(project, registry, today=today)
    problems.extend(run_all(corpus, ui, today))
    return sorted(set(problems))


RUN_CACHE = Path("build") / ".cache" / "check.json"


def _run_key(project: Project, today: dt.date) -> str:
    """Everything a run's result depends on, cheaply: stat() of every input, not its bytes."""
    digest = hashlib.sha256(f"{today.isoformat()}\n{gate_fingerprint()}\n".encode())
    tops = [project.content_dir, project.translations_dir]
    for top in tops:
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                try:
                    info = os.lstat(os.path.join(folder, name))
                except OSError:
                    continue
                digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
            digest.update(f"{folder}/\0{sorted(dirs)}\n".encode())  # symlinked or new folders too
    config = project.root / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"-")
    try:  # readers' votes live outside content/ (freshness/feedback.py), and a new import changes warnings
        info = os.stat(project.root / FEEDBACK_STORE)
        digest.update(f"{FEEDBACK_STORE}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    except OSError:
        digest.update(b"no feedback store\n")
    return digest.hexdigest()


def _read_run_cache(project: Project, key: str) -> list[Problem] | None:
    try:
        data = json.loads((project.root / RUN_CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return [Problem(*p) for p in data["problems"]]


def _write_run_cache(project: Project, key: str, problems: list[Problem]) -> None:
    path = project.root / RUN_CACHE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps({"key": key, "problems": [[p.path, p.line, p.severity, p.message]
                                                             for p in problems]}), encoding="utf-8")
        temp.replace(path)  # atomic: a reader sees the old result or the new one, never half
    except OSError:
        pass  # a cache we cannot write only makes the next run slower


def checked_files(project: Project) -> list[Path]:
    """What a run reads: articles, registries, the glossary, UI strings and search word lists
    (for the summary line)."""
    word_lists = [path(project, code) for code in project.codes for path in (synonyms_path, stopwords_path)]
    return [*article_files(project), *sorted(project.data_dir.glob("*.yml")),
            *sorted(glossary_dir(project).glob("*.yml")),
            *(project.translations_dir / f"{code}.yml" for code in project.codes),
            *(p for p in word_lists if p.is_file())]


def check_scope(project: Project, today: dt.date, scope: Sequence[Path] | None) -> tuple[list[Problem], int]:
    """The problems inside ``scope`` (resolved files or folders; None: everywhere) and how many files it holds.

    Everything is loaded and checked even for one file: a translation needs its
    English source and a link needs the article it points at. Only the report
    is narrowed, so a writer (or pre-commit) hears about what they changed.
    """
    problems = check_project(project, today)
    if scope is None:
        return problems, len(checked_files(project))
    return ([p for p in problems if _inside((project.root / p.path).resolve(), scope)],
            sum(_inside(f.resolve(), scope) for f in checked_files(project)))


def _inside(path: Path, scope: Sequence[Path]) -> bool:
    return any(path == s or s in path.parents for s in scope)


def check_built_site(root: Path, site_dir: Path | None) -> tuple[list[Problem], int]:
    """Broken links in the built site (``site_dir``, default: mkdocs.yml's) and how many pages were read."""
    site = site_dir or root / _configured_site_dir(root)
    if not (site / "index.html").is_file():
        raise NoSite(f"{site} has no index.html; build the site first (`helpcentre build --strict`)")
    try:
        shown = site.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # a site outside the project is named as given
        shown = site.as_posix()
    return check_site(site, shown=shown)


def _configured_site_dir(root: Path) -> str:
    config = root / "mkdocs.yml"
    if not config.is_file():
        return DEFAULT_SITE_DIR
    # MkDocs' own default is "site"; ours sets build/site in mkdocs.yml.
    return str(read_mkdocs_yml(config).get("site_dir") or "site")
