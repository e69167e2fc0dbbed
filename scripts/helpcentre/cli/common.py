"""Options, loading and output shared by the subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..clock import BadToday, resolve_today
from ..content import generated
from ..content.corpus import Corpus, load_corpus
from ..content.problems import ContentError
from ..content.project import Project, load_project
from ..content.registry import Registry, load_registry
from ..freshness.policy import Policy, load_policy
from . import UsageError


def add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the help centre's folder (with mkdocs.yml); default: here")


def add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", metavar="YYYY-MM-DD",
                        help="the date to check against (default: $HELPCENTRE_TODAY, then today)")


def today(args: argparse.Namespace) -> dt.date:
    try:
        return resolve_today(getattr(args, "today", None))
    except BadToday as exc:
        raise UsageError(str(exc) if exc.from_env else f"--today: {exc}") from None


def project(args: argparse.Namespace) -> Project:
    if not (args.root / "mkdocs.yml").is_file():
        raise UsageError(f"{args.root} has no mkdocs.yml; run this in the help centre's folder "
                         "or pass --root")
    return load_project(args.root)


def print_problems(problems: Iterable[object]) -> None:
    """Every problem of a failed load, one per line on stderr: the writer hears of all of them at once."""
    for problem in problems:
        print(problem, file=sys.stderr)


def registry(proj: Project) -> Registry | None:
    """The registries; on broken ones print every problem and return None."""
    try:
        return load_registry(proj)
    except ContentError as exc:
        print_problems(exc.problems)
        return None


def corpus(args: argparse.Namespace) -> Corpus | None:
    """Load everything; on broken configuration print every problem and return None."""
    try:
        proj = project(args)
        return load_corpus(proj, load_registry(proj), today=today(args))
    except ContentError as exc:
        print_problems(exc.problems)
        return None


def corpus_and_policy(args: argparse.Namespace) -> tuple[Corpus, Policy] | None:
    """The corpus and the freshness policy; on broken configuration print every problem."""
    loaded = corpus(args)
    if loaded is None:
        return None
    try:
        return loaded, load_policy(loaded.project, loaded.registry)
    except ContentError as exc:
        print_problems(exc.problems)
        return None


def write_generated(root: Path, files: Mapping[str, str], *, check: bool, origin: str, command: str) -> int:
    """Write generated files that differ; with ``check`` (CI) write nothing and name the stale ones."""
    written, stale = generated.update(root, files, check=check)
    print("".join(f"wrote {name}\n" for name in written), end="")
    print("".join(f"{name}:1: error: out of date with {origin}; run `helpcentre {command}` and commit the "
                  "result\n" for name in stale), end="", file=sys.stderr)
    return 1 if stale else 0
