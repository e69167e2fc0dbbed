"""Troubleshooters against the rest of the help centre.

A tree's own shape (unreachable steps, cycles, dead ends, answers that lead
nowhere, paths over five questions) is checked when its file is read
(``helpcentre.content.troubleshooters``). Here: what it points at must exist
(articles, ticket topics, the details to prepare), the networks it can compute a
wait for must say how long their blocks take, troubleshooters live in their own
folder, and each translation mirrors the English tree step for step.
"""

from __future__ import annotations

import datetime as dt

from ..content.corpus import Article, Corpus
from ..content.problems import Problem
from ..content.registry import close_matches
from ..content.troubleshooters import FOLDER, TROUBLESHOOTER, Tree, placeholders, structure_differences
from ..content.ui import UIStrings


def check(corpus: Corpus, ui: UIStrings | None, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for article in corpus.sources.values():
        problems.extend(_folder(article))
        if article.meta.steps is not None:
            problems.extend(_targets(corpus, ui, article, article.meta.steps))
            problems.extend(_block_times(corpus, article, article.meta.steps))
    for translation in [*corpus.translations.values(), *corpus.pending.values()]:
        source = corpus.sources[translation.id]
        if source.meta.steps is None or source.meta.type != TROUBLESHOOTER:
            continue
        if translation.own.steps is None:
            if "steps" not in translation.own.present:  # a broken one is reported by the loader
                problems.append(Problem(translation.shown, 1, "error",
                                        "`steps`: missing; a translated troubleshooter repeats the "
                                        "English steps with `question`, `answer` and `say` "
                                        "translated, or readers meet English half-way"))
            continue
        for error in structure_differences(source.meta.steps, translation.own.steps):
            line = translation.line_of(f"steps.{error.step}") if error.step else translation.line_of("steps")
            problems.append(Problem(translation.shown, line, "error", error.message))
    return problems


def _folder(article: Article) -> list[Problem]:
    if article.meta.type == TROUBLESHOOTER and article.category != FOLDER:
        return [Problem(article.shown, article.line_of("type"), "error",
                        f"`type: troubleshooter`: troubleshooters live in the {FOLDER} folder "
                        f"(their address is /{FOLDER}/<id>/); move the file to "
                        f"content/{article.lang}/{FOLDER}/{article.id}.md")]
    if article.category == FOLDER and article.meta.type != TROUBLESHOOTER:
        return [Problem(article.shown, article.line_of("type"), "error",
                        f"`type`: the {FOLDER} folder holds only troubleshooters; use "
                        "`type: troubleshooter` with `steps:`, or move the article to its topic's folder")]
    return []


def _targets(corpus: Corpus, ui: UIStrings | None, article: Article, tree: Tree) -> list[Problem]:
    problems = []
    categories = corpus.registry.categories_by_id
    details = ({k.removeprefix("details.") for k in ui.strings.get(ui.default, {})
                if k.startswith("details.")} if ui else None)
    for step in tree.steps:
        line = article.line_of(f"steps.{step.id}")
        for n, answer in enumerate(step.answers, 1):
            where = f"`steps.{step.id}`, answer {n}"
            if answer.article and answer.article not in corpus.sources:
                problems.append(Problem(article.shown, line, "error",
                                        f'{where}: `article`: no article has the id "{answer.article}"'
                                        f"{close_matches(answer.article, list(corpus.sources)) or '.'} "
                                        "Use the file name of an English article, without .md"))
            if answer.ticket and answer.ticket not in categories:
                problems.append(Problem(article.shown, line, "error",
                                        f'{where}: `ticket`: "{answer.ticket}" is not a topic'
                                        f"{close_matches(answer.ticket, list(categories)) or '.'} "
                                        "The ticket form is the topic's `ticket_url` in "
                                        "content/_data/categories.yml"))
            for key in answer.prepare:
                if details is not None and key not in details:
                    problems.append(Problem(article.shown, line, "error",
                                            f'{where}: `prepare`: "{key}" is not a detail readers '
                                            f"are asked for{close_matches(key, sorted(details)) or '.'} "
                                            "The details are under `details:` in translations/en.yml"))
    return problems


def _block_times(corpus: Corpus, article: Article, tree: Tree) -> list[Problem]:
    """A tree that tells readers how long to wait needs every network's block time."""
    uses_wait = any(a.wait for s in tree.steps for a in s.answers) or any(
        "wait" in placeholders(text) for s in tree.steps
        for text in [s.question, *(a.say or "" for a in s.answers)])
    if not uses_wait:
        return []
    missing = [f"{coin.symbol} {net.id}" for coin in corpus.registry.coins.values()
               for net in coin.networks if net.block_seconds is None]
    if not missing:
        return []
    return [Problem(article.shown, article.line_of("steps"), "error",
                    f"`steps`: tells readers how long to wait, but content/_data/coins.yml gives no "
                    f"`block_time` for {', '.join(missing)}; add each network's typical seconds per "
                    "block, like `block_time: 3`")]
