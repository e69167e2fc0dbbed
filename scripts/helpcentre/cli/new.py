"""`helpcentre new`: start an article, or a translation of one, from a valid skeleton.

The skeleton's fields come from the one schema (``content/schema.py`` FIELDS):
the fields this command knows are filled in (the owner from the category
registry, ``reviewed`` = today), the other optional ones are left as
commented-out examples. A file that already exists is never overwritten.
With ``--lang`` the English article's title, summary, keywords and text are
copied for translating, and ``translated_from`` records which version of it
the translation starts from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from ..content.loader import LoadedArticle, load_article
from ..content.problems import ContentError
from ..content.project import Project
from ..content.registry import Registry, close_matches, load_registry
from ..content.schema import ARTICLE_TYPES, FIELDS, ID_EXAMPLE, is_valid_id, parse_date
from ..freshness.fingerprint import fingerprint_of
from . import UsageError, common

BODY_HINTS = {
    "faq": "<!-- Answer the question in the first sentence, then explain. -->",
    "guide": "<!-- Say what the reader will do, then one numbered step per action. -->",
    "notice": "<!-- Say what is happening, who is affected, and when it ends. -->",
}
TRANSLATE_HINT = ("<!-- Translate the text below from English ({shown}), "
                  "then delete this line. -->")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID",
                        help="the article id, which is also its file name: lost-2fa-device")
    parser.add_argument("--category", help="the category folder (content/_data/categories.yml)")
    parser.add_argument("--type", choices=ARTICLE_TYPES, help="faq, guide or notice")
    parser.add_argument("--coins", action="append", default=[], metavar="SYMBOLS",
                        help="coin symbols from content/_data/coins.yml: --coins USDT,TRX")
    parser.add_argument("--expires", metavar="YYYY-MM-DD",
                        help="for a notice: the day it ends (required for notices)")
    parser.add_argument("--lang", help="start a translation of the English article instead")
    common.add_root(parser)
    common.add_today(parser)


def run(args: argparse.Namespace) -> int:
    today = common.today(args)
    project = common.project(args)
    if not is_valid_id(args.id):  # the loader's rule (content/schema.py), so `check` agrees
        raise UsageError(f'"{args.id}" is not a valid id; use lowercase words joined by '
                         f"hyphens, like {ID_EXAMPLE}")
    try:
        registry = load_registry(project)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    if args.lang:
        return _new_translation(args, project, registry, today)
    return _new_source(args, project, registry, today)


# -- a new English article -----------------------------------------------------

def _new_source(args: argparse.Namespace, project: Project, registry: Registry,
                today: dt.date) -> int:
    if not args.category or not args.type:
        raise UsageError("--category and --type are required for a new article "
                         "(or give --lang to start a translation)")
    categories = registry.categories_by_id
    if args.category not in categories:
        hint = close_matches(args.category, list(categories)) or "."
        raise UsageError(f'--category: "{args.category}" is not a known category{hint} '
                         f"Categories: {', '.join(categories)}")
    coins = [c.strip().upper() for arg in args.coins for c in re.split(r"[,\s]+", arg)
             if c.strip()]
    for symbol in coins:
        if symbol not in registry.coins:
            hint = close_matches(symbol, list(registry.coins)) or "."
            raise UsageError(f'--coins: "{symbol}" is not a known coin{hint} Coins are listed '
                             "in content/_data/coins.yml")
    expires = None
    if args.type == "notice":
        if not args.expires:
            raise UsageError("--expires YYYY-MM-DD is required for a notice: the day it ends")
        expires, message = parse_date("expires", args.expires)
        if expires is None:
            raise UsageError(f"--expires: {message}")
    default = project.default_language
    path = project.content_dir / default / args.category / f"{args.id}.md"
    taken = sorted((project.content_dir / default).glob(f"*/{args.id}.md"))
    if taken and not path.exists():
        print(f"helpcentre new: error: the id \"{args.id}\" is already used by "
              f"{project.display(taken[0])}; ids must be unique across categories, "
              "so choose another one", file=sys.stderr)
        return 1
    values: dict[str, Any] = {
        "title": args.id.replace("-", " ").capitalize(),
        "type": args.type,
        "reviewed": today,
        "owner": categories[args.category].owner,
    }
    if coins:
        values["coins"] = coins
    if expires:
        values["expires"] = expires
    text = source_skeleton(values) + "\n" + BODY_HINTS[args.type] + "\n"
    return _write(project, path, text, is_source=True, today=today,
                  next_step="write the article")


def source_skeleton(values: dict[str, Any]) -> str:
    """Front matter for a new English article, field by field from FIELDS."""
    lines = ["---"]
    for spec in FIELDS:
        if spec.role == "translation-only":
            continue
        if spec.name in values:
            lines.append(_yaml_line(spec.name, values[spec.name]))
        elif spec.required:
            lines.append(f"{spec.name}: {spec.example}")
        else:
            lines.append(f"# {spec.name}: {spec.example}  # {spec.description}")
    return "\n".join(lines) + "\n---\n"


# -- a new translation ---------------------------------------------------------

def _new_translation(args: argparse.Namespace, project: Project, registry: Registry,
                     today: dt.date) -> int:
    default = project.default_language
    if args.lang not in project.codes or args.lang == default:
        others = [c for c in project.codes if c != default]
        raise UsageError(f'--lang: "{args.lang}" is not a language to translate into; use one '
                         f"of {', '.join(others)} (configured in mkdocs.yml)")
    if args.coins or args.expires:
        raise UsageError("--coins and --expires come from the English article; leave them out "
                         "when starting a translation")
    pattern = f"{args.category}/{args.id}.md" if args.category else f"*/{args.id}.md"
    found = sorted((project.content_dir / default).glob(pattern))
    if not found:
        where = f"content/{default}/{args.category or '<category>'}/{args.id}.md"
        print(f"helpcentre new: error: there is no English article {where} to translate; "
              "write the English article first", file=sys.stderr)
        return 1
    source_path = found[0]
    shown = project.display(source_path)
    source = load_article(source_path, display=shown, is_source=True, today=today)
    if source.meta is None or source.problems:
        for problem in source.problems:
            print(problem, file=sys.stderr)
        print(f"helpcentre new: error: fix {shown} first (see above); a translation starts "
              "from a valid English article", file=sys.stderr)
        return 1
    if args.type and args.type != source.meta.type:
        raise UsageError(f"--type: the English article is a {source.meta.type}; a translation "
                         "takes its type from it, so leave --type out")
    category = source_path.parent.name
    path = project.content_dir / args.lang / category / f"{args.id}.md"
    language = next(lang.name for lang in project.languages if lang.code == args.lang)
    text = (translation_skeleton(source, today, language) + "\n"
            + TRANSLATE_HINT.format(shown=shown) + "\n" + source.body.lstrip("\n"))
    return _write(project, path, text, is_source=False, today=today,
                  next_step=f"translate it into {language}")


def translation_skeleton(source: LoadedArticle, today: dt.date, language: str) -> str:
    """Front matter of a translation: the fields a translation writes itself."""
    assert source.meta is not None
    lines = ["---", f"# Translate title, summary and keywords into {language}."]
    for spec in FIELDS:
        if spec.role == "own":
            value = today if spec.name == "reviewed" else getattr(source.meta, spec.name)
            if value:
                lines.append(_yaml_line(spec.name, list(value) if isinstance(value, tuple)
                                        else value))
        elif spec.role == "translation-only" and spec.name == "translated_from":
            lines.append(_yaml_line(spec.name, fingerprint_of(source.meta, source.body)))
    return "\n".join(lines) + "\n---\n"


# -- shared --------------------------------------------------------------------

def _yaml_line(name: str, value: Any) -> str:
    """One `name: value` line, quoted by YAML's own rules (`owner: '@kestrel/x'`).

    Lists are written on one line, `coins: [USDT, TRX]`, as writers see them elsewhere.
    """
    if isinstance(value, list):
        items = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True,
                               width=1_000_000).strip()
        return f"{name}: {items}"
    return yaml.safe_dump({name: value}, allow_unicode=True, default_flow_style=False,
                          width=1_000_000).rstrip("\n")


def _write(project: Project, path: Path, text: str, *, is_source: bool, today: dt.date,
           next_step: str) -> int:
    shown = project.display(path)
    if path.exists():
        print(f"helpcentre new: error: {shown} already exists; it was left unchanged. Edit it, "
              "or choose another id", file=sys.stderr)
        return 1
    data = text.encode("utf-8")
    # Never hand a writer a skeleton that `helpcentre check` would reject.
    check = load_article(path, display=shown, is_source=is_source, today=today, data=data)
    if check.problems:  # pragma: no cover - a bug in this command, not in the writer's input
        raise AssertionError("\n".join(str(p) for p in check.problems))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("xb") as out:  # "x": fail rather than overwrite, even in a race
            out.write(data)
    except FileExistsError:
        print(f"helpcentre new: error: {shown} already exists; it was left unchanged",
              file=sys.stderr)
        return 1
    print(f"created {shown}; {next_step}, then run `helpcentre check {shown}`")
    return 0
