"""The `helpcentre` command: argument parsing and exit codes only.

Each subcommand is a module here with ``add_arguments(parser)`` and
``run(args) -> int``; the work is done by the plain-Python core. Exit codes
follow pre-commit's hooks: 0 clean, 1 problems found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# name -> one-line help. Add a subcommand by adding a module and a line here.
COMMANDS: dict[str, str] = {
    "check": "check every article, registry and UI string; report all problems at once",
    "new": "start a new article, or a translation of one, from a valid skeleton",
    "schema": "write the JSON Schemas editors use for front matter (schemas/)",
    "linkcheck": "check that every link in the built site reaches a page or file, offline",
    "codeowners": "write .github/CODEOWNERS from the category owners in the registry",
    "report": "write the freshness report: Markdown, JSON or an HTML dashboard",
    "feedback": ("import readers' answers from the feedback form (helpful or not, searches that found nothing "
                 "or not every word)"),
    "translations": "keep translations in step with English: sync, diff, status",
    "build": "build the site into build/site; a failed build leaves the previous one intact",
    "serve": "preview the site with live reload on http://127.0.0.1:8000",
    "search": "search the help centre as a reader of one language would",
    "corpus": "write a synthetic help centre (N articles per language) for benchmarks",
}


class UsageError(Exception):
    """Bad arguments that argparse itself cannot see (exit code 2)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="helpcentre", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = {}
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"{__name__}.{name}")
        command = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command)
        modules[name] = module
    args = parser.parse_args(argv)
    try:
        return int(modules[args.command].run(args))
    except UsageError as exc:
        print(f"helpcentre {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whoever read our output stopped early (`helpcentre search ... | head`).
        # Stop quietly; point stdout at /dev/null so the interpreter's final
        # flush does not raise again (Python's documented recipe, exit code 1).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
