"""Skeletons for a new article or translation that `helpcentre check` accepts as they are.

Why a module of its own: the skeleton is generated from the one schema
(``schema.FIELDS``: the fields a writer must fill in are there, the optional
ones are commented-out examples), never kept by hand beside it; and a writer is
never handed a file the checks would reject, so the write validates it with
the same loader first and never overwrites anything. `helpcentre new` only
parses arguments and prints.

The content layer sits below freshness, so it does not compute a translation's
``translated_from`` fingerprint: ``new_translation`` takes it as a value, and
``freshness.sync.start_translation`` is the function that supplies it.

A skeleton is valid, not finished. What "finished" means is decided here too,
beside the text that is not: a translation skeleton carries
``translation: pending`` (readers get the English article until `helpcentre
translations sync` removes it), and ``unwritten`` recognises an English body
that is still only the hint, so `helpcentre check` can warn (checks/unfinished.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .loader import LoadedArticle, load_article
from .problems import Problem
from .project import Project
from .registry import Registry, close_matches
from .schema import FIELDS, PENDING, PENDING_FIELD, parse_date
from .troubleshooters import FOLDER, TROUBLESHOOTER

BODY_HINTS = {
    "faq": "<!-- Answer the question in the first sentence, then explain. -->",
    "guide": "<!-- Say what the reader will do, then one numbered step per action. -->",
    "notice": "<!-- Say what is happening, who is affected, and when it ends. -->",
    "risk": "<!-- Say what can go wrong, with which coins and networks, and how to avoid it. "
            "Name them in `coins:` or `networks:`. -->",
    "troubleshooter": "<!-- One or two sentences: what the questions below find out. The questions "
                      "are `steps:` above (CONTRIBUTING.md, \"Troubleshooters\"). -->",
}
# A troubleshooter's first step, valid as it is, for the writer to replace.
STEPS_SKELETON = """\
steps:
  start:
    question: Replace this with the first question
    answers:
      - answer: First answer
        say: What this answer means and what to do now.
      - answer: Second answer
        say: What this answer means and what to do now.
"""
TRANSLATE_HINT = ("<!-- Translate the text below from English ({shown}), "
                  "then delete this line. -->")
# Said on the marker line itself: a translator reads the file, not the guide.
PENDING_COMMENT = "readers see the English article until `helpcentre translations sync` removes this line"


class BadRequest(ValueError):
    """An option cannot make a valid article; the message names the option (bad usage, exit 2)."""


class Refused(Exception):
    """Nothing was written; the message says why, after the problems of the file in the way."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Skeleton:
    """A file to create, and what the writer does with it next."""

    path: Path
    text: str
    is_source: bool
    next_step: str  # what to do with it, for "created <path>; <next_step>"


# -- a new English article -----------------------------------------------------

def new_source(project: Project, registry: Registry, article_id: str, *, category: str, article_type: str,
               coins: Sequence[str], expires: str | None, today: dt.date) -> Skeleton:
    """The skeleton of a new English article; BadRequest or Refused when it cannot be made."""
    categories = registry.categories_by_id
    if category not in categories:
        hint = close_matches(category, list(categories)) or "."
        raise BadRequest(f'--category: "{category}" is not a known category{hint} '
                         f"Categories: {', '.join(categories)}")
    for symbol in coins:
        if symbol not in registry.coins:
            hint = close_matches(symbol, list(registry.coins)) or "."
            raise BadRequest(f'--coins: "{symbol}" is not a known coin{hint} Coins are listed '
                             "in content/_data/coins.yml")
    if article_type == "risk" and not coins:
        # The skeleton must pass `check`, and a risk warning that names nothing shows nowhere.
        raise BadRequest("--coins SYMBOL ... is required for a risk warning: the coins it warns about "
                         "(add `networks:` to the file afterwards to narrow it to some networks)")
    if article_type == TROUBLESHOOTER and category != FOLDER:
        raise BadRequest(f"--category {FOLDER} is required for a troubleshooter: they live at "
                         f"/{FOLDER}/<id>/")
    until = None
    if article_type == "notice":
        if not expires:
            raise BadRequest("--expires YYYY-MM-DD is required for a notice: the day it ends")
        until, message = parse_date("expires", expires)
        if until is None:
            raise BadRequest(f"--expires: {message}")
    default = project.default_language
    path = project.content_dir / default / category / f"{article_id}.md"
    taken = sorted((project.content_dir / default).glob(f"*/{article_id}.md"))
    if taken and not path.exists():
        raise Refused(f"the id \"{article_id}\" is already used by {project.display(taken[0])}; ids "
                      "must be unique across categories, so choose another one")
    values: dict[str, Any] = {
        "title": generated_title(article_id),
        "type": article_type,
        "reviewed": today,
        "owner": categories[category].owner,
    }
    if coins:
        values["coins"] = list(coins)
    if until:
        values["expires"] = until
    front = source_skeleton(values)
    if article_type == TROUBLESHOOTER:
        front = front.removesuffix("---\n") + STEPS_SKELETON + "---\n"
    text = front + "\n" + BODY_HINTS[article_type] + "\n"
    shown = project.display(path)
    return Skeleton(path, text, is_source=True,
                    next_step=f"write the article, then run `helpcentre check {shown}`")


def generated_title(article_id: str) -> str:
    """The title a new article starts with: its id as words (`lost-2fa-device` -> `Lost 2fa device`)."""
    return article_id.replace("-", " ").capitalize()


def unwritten(body: str) -> bool:
    """Whether an English body is still what `helpcentre new` left: nothing, or only a hint comment.

    Any type's hint counts, since a writer may change `type:` before writing.
    """
    return " ".join(body.split()) in ("", *BODY_HINTS.values())


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
        elif spec.kind != "tree":  # only a troubleshooter has steps; new_source writes them
            lines.append(f"# {spec.name}: {spec.example}  # {spec.description}")
    return "\n".join(lines) + "\n---\n"


# -- a new translation ---------------------------------------------------------

def source_to_translate(project: Project, article_id: str, *, category: str | None, article_type: str | None,
                        today: dt.date) -> LoadedArticle:
    """The valid English article a translation of ``article_id`` starts from."""
    default = project.default_language
    pattern = f"{category}/{article_id}.md" if category else f"*/{article_id}.md"
    found = sorted((project.content_dir / default).glob(pattern))
    if not found:
        where = f"content/{default}/{category or '<category>'}/{article_id}.md"
        raise Refused(f"there is no English article {where} to translate; write the English article first")
    shown = project.display(found[0])
    source = load_article(found[0], display=shown, is_source=True, today=today)
    if source.meta is None or source.problems:
        raise Refused(f"fix {shown} first (see above); a translation starts from a valid English article",
                      source.problems)
    if article_type and article_type != source.meta.type:
        raise BadRequest(f"--type: the English article is a {source.meta.type}; a translation "
                         "takes its type from it, so leave --type out")
    return source


def new_translation(project: Project, source: LoadedArticle, lang: str, today: dt.date,
                    translated_from: str) -> Skeleton:
    """The skeleton of ``source``'s translation into ``lang``: its text to translate, stamped
    ``translated_from`` (where the translator starts) and marked ``translation: pending``."""
    english = PurePosixPath(source.shown)  # content/<default>/<category>/<id>.md
    path = project.content_dir / lang / english.parent.name / english.name
    language = next(item.name for item in project.languages if item.code == lang)
    text = (translation_skeleton(source, today, language, translated_from) + "\n"
            + TRANSLATE_HINT.format(shown=source.shown) + "\n" + source.body.lstrip("\n"))
    shown = project.display(path)
    return Skeleton(path, text, is_source=False,
                    next_step=f"readers see the English article until you translate it into {language} "
                              f"and run `helpcentre translations sync {shown}`")


def translation_skeleton(source: LoadedArticle, today: dt.date, language: str, translated_from: str) -> str:
    """Front matter of a translation: the fields a translation writes itself."""
    assert source.meta is not None
    lines = ["---", f"# Translate title, summary and keywords into {language}."]
    for spec in FIELDS:
        if spec.role == "own":
            value = today if spec.name == "reviewed" else getattr(source.meta, spec.name)
            if value:
                lines.append(_yaml_line(spec.name, list(value) if isinstance(value, tuple)
                                        else value))
        elif spec.name == "translated_from":
            lines.append(_yaml_line(spec.name, translated_from))
        elif spec.name == PENDING_FIELD:
            lines.append(f"{_yaml_line(spec.name, PENDING)}  # {PENDING_COMMENT}")
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


def write(project: Project, skeleton: Skeleton, today: dt.date) -> str:
    """Create the file, never overwriting one; returns its path as messages show it."""
    shown = project.display(skeleton.path)
    if skeleton.path.exists():
        raise Refused(f"{shown} already exists; it was left unchanged. Edit it, or choose another id")
    data = skeleton.text.encode("utf-8")
    # Never hand a writer a skeleton that `helpcentre check` would reject.
    check = load_article(skeleton.path, display=shown, is_source=skeleton.is_source, today=today, data=data)
    if check.problems:  # pragma: no cover - a bug in this module, not in the writer's input
        raise AssertionError("\n".join(str(p) for p in check.problems))
    skeleton.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with skeleton.path.open("xb") as out:  # "x": fail rather than overwrite, even in a race
            out.write(data)
    except FileExistsError:
        raise Refused(f"{shown} already exists; it was left unchanged") from None
    return shown
