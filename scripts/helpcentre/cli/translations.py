"""`helpcentre translations sync|diff|status`: keep translations in step with English.

- ``sync PATH...``: after checking a translation against the English article,
  record which English version it now matches (``translated_from``).
- ``diff PATH``: what changed in the English article since the translation
  was stamped (from git history when there is some).
- ``status [--lang L]``: outdated and untranslated articles per language.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..content.loader import LoadedArticle, load_article
from ..content.project import Project
from ..freshness.fingerprint import fingerprint_of
from ..freshness.history import diffable, find_version
from ..freshness.stamp import StampError, set_translated_from
from ..freshness.states import compute_states
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    sync = actions.add_parser("sync", help="stamp translations you have checked against the "
                                           "English article as matching its current version")
    sync.add_argument("paths", nargs="+", metavar="PATH", type=Path,
                      help="translation files, like content/zh/security/set-up-2fa.md")
    diff = actions.add_parser("diff", help="show what changed in the English article since "
                                           "the translation was stamped")
    diff.add_argument("path", metavar="PATH", type=Path, help="one translation file")
    status = actions.add_parser("status", help="list outdated and untranslated articles per "
                                               "language")
    status.add_argument("--lang", help="only this language (a code from mkdocs.yml)")
    common.add_today(status)
    for sub in (sync, diff, status):
        common.add_root(sub)


def run(args: argparse.Namespace) -> int:
    if args.action == "sync":
        return sync(args)
    if args.action == "diff":
        return diff(args)
    return status(args)


# -- locating files -----------------------------------------------------------

@dataclass(frozen=True)
class Pair:
    """A translation file and the English article it translates."""

    translation: Path
    source: Path
    lang: str


def locate(project: Project, given: Path, root: Path) -> Pair:
    """Check that ``given`` is a translation file; say how to fix it otherwise."""
    path = given if given.is_absolute() or given.exists() else root / given
    if not path.is_file():
        raise UsageError(f"{given}: no such file")
    try:
        parts = path.resolve().relative_to(project.content_dir.resolve()).parts
    except ValueError:
        parts = ()
    default = project.default_language
    if len(parts) != 3 or not parts[2].endswith(".md"):
        raise UsageError(f"{given}: not an article; translations live at "
                         "content/<language>/<category>/<id>.md")
    lang, category, name = parts
    if lang == default:
        raise UsageError(f"{given}: this is the English article; give its translation instead, "
                         f"like content/{_example_lang(project)}/{category}/{name}")
    if lang not in project.codes:
        raise UsageError(f"{given}: \"{lang}\" is not a configured language")
    return Pair(path, project.content_dir / default / category / name, lang)


def _example_lang(project: Project) -> str:
    others = [c for c in project.codes if c != project.default_language]
    return others[0] if others else "<language>"


def _load_source(project: Project, pair: Pair) -> tuple[LoadedArticle | None, str]:
    shown = project.display(pair.source)
    if not pair.source.is_file():
        return None, (f"{project.display(pair.translation)}:1: error: this translation has no "
                      f"English source: {shown} does not exist")
    source = load_article(pair.source, display=shown, is_source=True)
    if source.meta is None:
        return None, (f"{shown}:1: error: the English article cannot be read, so it cannot be "
                      "fingerprinted; fix the problems `helpcentre check` reports, then run "
                      "this again")
    return source, ""


# -- sync ---------------------------------------------------------------------

def sync(args: argparse.Namespace) -> int:
    project = common.project(args)
    pairs = [locate(project, path, args.root) for path in args.paths]  # all usage errors first
    failed = 0
    for pair in pairs:
        ok, message = _sync_one(project, pair)
        failed += not ok
        print(message, file=sys.stdout if ok else sys.stderr)
    return 1 if failed else 0


def _sync_one(project: Project, pair: Pair) -> tuple[bool, str]:
    shown = project.display(pair.translation)
    source, problem = _load_source(project, pair)
    if source is None or source.meta is None:
        return False, problem
    data = pair.translation.read_bytes()
    before = load_article(pair.translation, display=shown, is_source=False, data=data)
    if before.meta is None:
        return False, "\n".join(str(p) for p in before.problems)
    stamp = fingerprint_of(source.meta, source.body)
    if before.meta.translated_from == stamp:
        return True, f"{shown}: already stamped with the current English version ({stamp})"
    try:
        new = set_translated_from(data, stamp)
    except StampError as exc:
        return False, f"{shown}:1: error: {exc}"
    after = load_article(pair.translation, display=shown, is_source=False, data=new)
    expected = replace(before.meta, translated_from=stamp,
                       present=before.meta.present | {"translated_from"})
    if after.meta != expected or after.body != before.body:
        # Never write a file we would have changed in any other way.
        line = before.field_lines.get("translated_from", 1)
        return False, (f"{shown}:{line}: error: could not set `translated_from` without changing "
                       "other fields; delete the `translated_from` lines and run this again")
    _write_atomically(pair.translation, new)
    return True, f"{shown}: stamped `translated_from: {stamp}` (the English article as it is now)"


def _write_atomically(path: Path, data: bytes) -> None:
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

def diff(args: argparse.Namespace) -> int:
    project = common.project(args)
    pair = locate(project, args.path, args.root)
    shown = project.display(pair.translation)
    source, problem = _load_source(project, pair)
    if source is None or source.meta is None:
        print(problem, file=sys.stderr)
        return 1
    translation = load_article(pair.translation, display=shown, is_source=False)
    if translation.meta is None:
        for p in translation.problems:
            print(p, file=sys.stderr)
        return 1
    stamp = translation.meta.translated_from
    current = fingerprint_of(source.meta, source.body)
    now = diffable(source.meta.title, source.meta.summary, source.body)
    if stamp == current:
        print(f"{shown}: up to date: the English article has not changed since this "
              f"translation was stamped ({stamp})")
        return 0
    if stamp is None:
        print(f"{shown}: no `translated_from` stamp, so it is unknown which version of "
              f"{source.path} this translation follows. Compare it with the English article "
              f"below, update it if needed, then run `helpcentre translations sync {shown}`.")
        _print_current(source.path, current, now)
        return 1
    found = find_version(project.root, pair.source, stamp)
    if found.version is None:
        print(f"{shown}: the English article changed since this translation was stamped "
              f"({stamp}; it is now {current}).")
        print(f"History not available: {found.why_not}.")
        _print_current(source.path, current, now)
        return 1
    version = found.version
    print(f"{shown}: the English article changed since this translation was stamped "
          f"({stamp}, commit {version.commit[:12]} of {version.date}); changes since then:")
    lines = difflib.unified_diff(version.text.splitlines(keepends=True),
                                 now.splitlines(keepends=True),
                                 fromfile=f"{version.path} (commit {version.commit[:12]})",
                                 tofile=f"{source.path} (now)")
    sys.stdout.writelines(lines)
    return 1


def _print_current(shown: str, current: str, text: str) -> None:
    print(f"The English article as it is now ({shown}, version {current}):")
    print(text, end="")


# -- status -------------------------------------------------------------------

def status(args: argparse.Namespace) -> int:
    project = common.project(args)
    if args.lang is not None:
        if args.lang not in project.codes:
            raise UsageError(f"--lang: \"{args.lang}\" is not a configured language; expected "
                             f"one of {', '.join(project.codes)}")
        if args.lang == project.default_language:
            raise UsageError(f"--lang: {args.lang} is the language translations are made from; "
                             "give a translation language")
    loaded = common.corpus_and_policy(args)
    if loaded is None:
        return 1
    corpus, policy = loaded
    day = common.today(args)
    states = compute_states(corpus, policy, day)
    langs = [args.lang] if args.lang else [c for c in project.codes
                                           if c != project.default_language]
    total = len(corpus.sources)
    found = 0
    for lang in langs:
        items = states.in_language(lang)
        # Ended notices are not worth translating, so they are not listed as missing.
        untranslated = [s for s in items if s.state == "untranslated"
                        and s.review is not None and s.review.state != "expired"]
        outdated = [s for s in items if s.state == "outdated"]
        orphans = [s for s in items if s.state == "orphan"]
        done = sum(1 for s in items if s.state not in ("untranslated", "outdated", "orphan"))
        found += len(outdated) + len(orphans)
        print(f"{lang}: {len(outdated)} outdated, {len(untranslated)} untranslated, "
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
            print(f"  {item.path}: outdated: {why}{due}")
        for item in untranslated:
            print(f"  {item.path}: untranslated: {item.source_path} has no {lang} translation")
        for item in orphans:
            print(f"  {item.path}: orphan: no English article at "
                  f"content/{project.default_language}/{item.category}/{item.article_id}.md")
    return 1 if found else 0
