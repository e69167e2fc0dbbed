"""Keeping a translation in step with its English article: locate, stamp, diff, status.

Why a module of its own: `helpcentre translations sync|diff|status` and
`helpcentre new --lang` only parse arguments and print; the work is here as
plain functions that return text or raise an exception whose message is
ready for the writer, so tests and other tools call them without a command
line. Nothing here prints or exits.

- ``sync_one``: after a writer checked a translation against the English
  article, record which English version it now matches (``translated_from``);
  a translation `helpcentre new --lang` started also loses its
  ``translation: pending`` line, so readers see it from then on.
- ``diff_report``: what changed in the English article since the stamp (from
  git history when there is some).
- ``status_report``: outdated and untranslated articles per language.
- ``start_translation``: a new translation's skeleton, marked
  ``translation: pending`` and stamped with the version it starts from
  (``content.scaffold`` cannot fingerprint: it sits below this layer).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..content import scaffold
from ..content.corpus import Corpus
from ..content.loader import LoadedArticle, load_article
from ..content.project import Project
from ..content.schema import PENDING, PENDING_FIELD
from .fingerprint import fingerprint_of
from .history import diffable, find_version
from .policy import Policy
from .stamp import StampError, set_translated_from
from .states import ArticleState, compute_states


class NotATranslation(ValueError):
    """The path given is not a translation file; the message says what to give instead."""


class CannotSync(Exception):
    """A translation or its English source cannot be read or stamped; the message (a line per problem) says why."""


@dataclass(frozen=True)
class Pair:
    """A translation file and the English article it translates."""

    translation: Path
    source: Path
    lang: str


@dataclass(frozen=True)
class Report:
    """Text for the writer, and whether it found a translation behind its English article (exit code 1)."""

    text: str
    found: bool


# -- locating files -----------------------------------------------------------

def locate(project: Project, given: Path, root: Path) -> Pair:
    """Check that ``given`` is a translation file; say how to fix it otherwise."""
    path = given if given.is_absolute() or given.exists() else root / given
    if not path.is_file():
        raise NotATranslation(f"{given}: no such file")
    try:
        parts = path.resolve().relative_to(project.content_dir.resolve()).parts
    except ValueError:
        parts = ()
    default = project.default_language
    if len(parts) != 3 or not parts[2].endswith(".md"):
        raise NotATranslation(f"{given}: not an article; translations live at "
                              "content/<language>/<category>/<id>.md")
    lang, category, name = parts
    if lang == default:
        raise NotATranslation(f"{given}: this is the English article; give its translation instead, "
                              f"like content/{_example_lang(project)}/{category}/{name}")
    if lang not in project.codes:
        raise NotATranslation(f"{given}: \"{lang}\" is not a configured language")
    return Pair(path, project.content_dir / default / category / name, lang)


def _example_lang(project: Project) -> str:
    others = [c for c in project.codes if c != project.default_language]
    return others[0] if others else "<language>"


def load_source(project: Project, pair: Pair) -> LoadedArticle:
    """The English article, readable enough to fingerprint; CannotSync otherwise."""
    shown = project.display(pair.source)
    if not pair.source.is_file():
        raise CannotSync(f"{project.display(pair.translation)}:1: error: this translation has no "
                         f"English source: {shown} does not exist")
    source = load_article(pair.source, display=shown, is_source=True)
    if source.meta is None:
        raise CannotSync(f"{shown}:1: error: the English article cannot be read, so it cannot be "
                         "fingerprinted; fix the problems `helpcentre check` reports, then run "
                         "this again")
    return source


def _load_translation(project: Project, pair: Pair, data: bytes | None = None) -> LoadedArticle:
    loaded = load_article(pair.translation, display=project.display(pair.translation), is_source=False,
                          data=data)
    if loaded.meta is None:
        raise CannotSync("\n".join(str(p) for p in loaded.problems))
    return loaded


# -- sync ---------------------------------------------------------------------

def sync_one(project: Project, pair: Pair) -> Report:
    """Stamp one translation with the English article's current version; what was done, in a line."""
    shown = project.display(pair.translation)
    source = load_source(project, pair)
    assert source.meta is not None
    data = pair.translation.read_bytes()
    before = _load_translation(project, pair, data)
    assert before.meta is not None
    stamp = fingerprint_of(source.meta, source.body)
    pending = before.meta.pending
    if before.meta.translated_from == stamp and not pending:
        return Report(f"{shown}: already stamped with the current English version ({stamp})\n", found=False)
    try:
        new = set_translated_from(data, stamp)
    except StampError as exc:
        raise CannotSync(f"{shown}:1: error: {exc}") from None
    after = load_article(pair.translation, display=shown, is_source=False, data=new)
    expected = replace(before.meta, translated_from=stamp, translation=None,
                       present=(before.meta.present | {"translated_from"}) - {PENDING_FIELD})
    if after.meta != expected or after.body != before.body:
        # Never write a file we would have changed in any other way.
        line = before.field_lines.get("translated_from", 1)
        raise CannotSync(f"{shown}:{line}: error: could not set `translated_from` without changing "
                         "other fields; delete the `translated_from` lines and run this again")
    write_atomically(pair.translation, new)
    if pending:
        return Report(f"{shown}: stamped `translated_from: {stamp}` and removed `{PENDING_FIELD}: {PENDING}`; "
                      "readers now see this translation\n", found=False)
    return Report(f"{shown}: stamped `translated_from: {stamp}` (the English article as it is now)\n", found=False)


def write_atomically(path: Path, data: bytes) -> None:
    """A crash mid-write must not leave a writer's file half-written."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, path.stat().st_mode & 0o7777)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# -- diff ---------------------------------------------------------------------

def diff_report(project: Project, pair: Pair) -> Report:
    """What changed in the English article since the translation was stamped; found: it did change."""
    shown = project.display(pair.translation)
    source = load_source(project, pair)
    translation = _load_translation(project, pair)
    assert source.meta is not None and translation.meta is not None
    stamp = translation.meta.translated_from
    current = fingerprint_of(source.meta, source.body)
    now = diffable(source.meta.title, source.meta.summary, source.body)
    if stamp == current and translation.meta.pending:
        return Report(f"{shown}: not translated yet (`{PENDING_FIELD}: {PENDING}`); the English article "
                      f"has not changed since the translation was started ({stamp}). Translate it, "
                      f"then run `helpcentre translations sync {shown}`.\n", found=False)
    if stamp == current:
        return Report(f"{shown}: up to date: the English article has not changed since this "
                      f"translation was stamped ({stamp})\n", found=False)
    if stamp is None:
        return Report(f"{shown}: no `translated_from` stamp, so it is unknown which version of "
                      f"{source.shown} this translation follows. Compare it with the English article "
                      f"below, update it if needed, then run `helpcentre translations sync {shown}`.\n"
                      + _current(source.shown, current, now), found=True)
    found = find_version(project.root, pair.source, stamp)
    if found.version is None:
        return Report(f"{shown}: the English article changed since this translation was stamped "
                      f"({stamp}; it is now {current}).\n"
                      f"History not available: {found.why_not}.\n"
                      + _current(source.shown, current, now), found=True)
    version = found.version
    lines = difflib.unified_diff(version.text.splitlines(keepends=True),
                                 now.splitlines(keepends=True),
                                 fromfile=f"{version.path} (commit {version.commit[:12]})",
                                 tofile=f"{source.shown} (now)")
    return Report(f"{shown}: the English article changed since this translation was stamped "
                  f"({stamp}, commit {version.commit[:12]} of {version.date}); changes since then:\n"
                  + "".join(lines), found=True)


def _current(shown: str, current: str, text: str) -> str:
    return f"The English article as it is now ({shown}, version {current}):\n{text}"


# -- status -------------------------------------------------------------------

def status_report(corpus: Corpus, policy: Policy, day: dt.date, lang: str | None = None) -> Report:
    """Outdated, untranslated and orphan articles in ``lang`` (default: every translation language).

    Found: some translation is outdated or orphaned; untranslated articles are
    listed but alone do not count as found.
    """
    project = corpus.project
    states = compute_states(corpus, policy, day)
    langs = [lang] if lang else [c for c in project.codes if c != project.default_language]
    total = len(corpus.sources)
    found = 0
    out: list[str] = []
    for code in langs:
        items = states.in_language(code)
        # Ended notices are not worth translating, so they are not listed as missing.
        untranslated = [s for s in items if s.state == "untranslated"
                        and s.review is not None and s.review.state != "expired"]
        outdated = [s for s in items if s.state == "outdated"]
        orphans = [s for s in items if s.state == "orphan"]
        done = sum(1 for s in items if s.state not in ("untranslated", "outdated", "orphan"))
        found += len(outdated) + len(orphans)
        out.append(f"{code}: {len(outdated)} outdated, {len(untranslated)} untranslated, "
                   f"{len(orphans)} orphan, {done} up to date (of {total} English articles)")
        for item in outdated:
            if item.stamp is None:
                why = "no `translated_from` stamp; check it against the English, then sync it"
            else:
                why = "the English article changed; `helpcentre translations diff` shows how"
            due = ""
            if item.grace_ends is not None:
                due = (f" (grace period ended on {item.grace_ends.isoformat()})"
                       if item.grace_ends < day else f" (update by {item.grace_ends.isoformat()})")
            out.append(f"  {item.path}: outdated: {why}{due}")
        out.extend(_untranslated(item, code) for item in untranslated)
        out.extend(f"  {item.path}: orphan: no English article at "
                   f"content/{project.default_language}/{item.category}/{item.article_id}.md"
                   for item in orphans)
    return Report("".join(f"{line}\n" for line in out), found=bool(found))


def _untranslated(item: ArticleState, lang: str) -> str:
    if item.pending:  # a file exists, but it is still the English copy `helpcentre new --lang` made
        return (f"  {item.path}: untranslated: started but not finished (`{PENDING_FIELD}: {PENDING}`); "
                f"translate it, then run `helpcentre translations sync {item.path}`")
    return f"  {item.path}: untranslated: {item.source_path} has no {lang} translation"


# -- a new translation --------------------------------------------------------

def start_translation(project: Project, article_id: str, *, category: str | None, lang: str,
                      article_type: str | None, today: dt.date) -> scaffold.Skeleton:
    """The skeleton of a new translation, stamped with the English version it starts from.

    It is marked ``translation: pending`` as well: the stamp says where the
    translator started (so `translations diff` can show what changed in English
    meanwhile), the marker that nothing is translated yet; `sync_one` removes it.
    """
    source = scaffold.source_to_translate(project, article_id, category=category, article_type=article_type,
                                          today=today)
    assert source.meta is not None  # source_to_translate refuses an unreadable article
    return scaffold.new_translation(project, source, lang, today, fingerprint_of(source.meta, source.body))
