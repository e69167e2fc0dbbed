"""Find the version of an English article a translation was stamped from, in git.

Used by `helpcentre translations diff` only. Outdated detection itself never
needs history (see fingerprint.py); this just helps a translator see *what*
changed. When history is missing (not a git repository, git not installed,
a shallow CI clone that does not reach back far enough) we say so plainly
instead of guessing.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..content.loader import load_article
from .fingerprint import fingerprint_of

# Enough for years of edits to one article; bounds the time spent on a path
# with an unusually long history.
MAX_COMMITS = 500
_GIT_ENV = {"GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


@dataclass(frozen=True)
class Version:
    commit: str
    date: str  # YYYY-MM-DD, the commit's author date
    path: str  # the file's path in that commit (it may have been moved since)
    text: str  # the fingerprinted parts, ready to diff


@dataclass(frozen=True)
class Lookup:
    """The outcome: a matching version, or why there is none."""

    version: Version | None
    why_not: str = ""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        # core.quotePath=false: non-ASCII file names come back as they are.
        return subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(root), *args],
                              capture_output=True, env={**os.environ, **_GIT_ENV}, timeout=60,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def diffable(title: str | None, summary: str | None, body: str) -> str:
    """The parts of an article the fingerprint covers, as text to compare."""
    return f"title: {title or ''}\nsummary: {summary or ''}\n\n{body.strip()}\n"


def find_version(root: Path, path: Path, stamp: str) -> Lookup:
    """The newest commit in which ``path`` had the fingerprint ``stamp``."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return Lookup(None, "git is not installed, so the history of the English article "
                            "cannot be read")
    if top.returncode != 0:
        return Lookup(None, f"{root} is not a git repository, so the history of the English "
                            "article cannot be read")
    toplevel = Path(top.stdout.decode().strip())
    try:
        rel = path.resolve().relative_to(toplevel.resolve()).as_posix()
    except ValueError:
        return Lookup(None, f"{path} is outside the git repository {toplevel}")
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    is_shallow = shallow is not None and shallow.stdout.strip() == b"true"
    log = _git(root, "log", f"--max-count={MAX_COMMITS}", "--follow", "--name-only",
               "--format=%x00%H %ad", "--date=short", "--", rel)
    commits: list[tuple[str, str, str]] = []
    if log is not None and log.returncode == 0:
        for chunk in log.stdout.decode("utf-8", "replace").split("\x00")[1:]:
            lines = [line for line in chunk.splitlines() if line.strip()]
            if len(lines) >= 2:
                commit, date = lines[0].split(" ", 1)
                commits.append((commit, date, lines[-1]))
    for commit, date, old_path in commits:
        shown = _git(root, "show", f"{commit}:{old_path}")
        if shown is None or shown.returncode != 0:
            continue
        article = load_article(Path(old_path), data=shown.stdout)
        if article.meta is None:
            continue
        if fingerprint_of(article.meta, article.body) == stamp:
            return Lookup(Version(commit, date, old_path,
                                  diffable(article.meta.title, article.meta.summary,
                                           article.body)))
    if not commits:
        reason = f"{rel} has no commits in this repository's history"
    else:
        reason = (f"none of the {len(commits)} commit(s) of {rel} in this repository has the "
                  "stamped version")
    if is_shallow:
        return Lookup(None, f"{reason}; this is a shallow clone, so older versions are missing "
                            "(run `git fetch --unshallow` to get them)")
    return Lookup(None, f"{reason}; the stamp may have been edited by hand, or made from a "
                        "version that was never committed")
