"""Troubleshooters (issue 16): a reader's problem as a few questions, with exact messages.

- The tree on its own (content/troubleshooters.py): its shape (``parse_steps``) and
  its graph (``tree_errors``), and the schema rules about `steps` and `type`.
- Where a file's messages point: a step's error on that step's line.
- The tree against the rest of the help centre (checks/troubleshooters.py):
  articles, ticket topics, details to prepare, the folder, the translations,
  `block_time`.
- ``walk``: the real deposit tree laid out for two networks, one of them troubled.
- The translation fingerprint counts the steps' words.
- The starter trees in content/ pass all of it.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO, write_site
from helpcentre.checks.troubleshooters import check
from helpcentre.cli import main
from helpcentre.content.corpus import load_corpus
from helpcentre.content.loader import load_article
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.schema import validate
from helpcentre.content.troubleshooters import (
    MAX_QUESTIONS,
    Network,
    Node,
    Tree,
    Walk,
    parse_steps,
    structure_differences,
    text_of,
    tree_errors,
    walk,
)
from helpcentre.content.ui import load_ui_strings
from helpcentre.freshness.fingerprint import fingerprint_of

TODAY = "2026-12-07"  # the day the starter troubleshooters were reviewed
DAY = dt.date.fromisoformat(TODAY)
ENGLISH = sorted((REPO / "content" / "en" / "troubleshoot").glob("*.md"))


def steps(text: str) -> Any:
    return yaml.safe_load(textwrap.dedent(text))


def shape(text: str) -> list[tuple[str | None, str]]:
    """(step, message) of every shape problem of a `steps:` value."""
    _, errors = parse_steps(steps(text))
    return [(e.step, e.message) for e in errors]


def graph(text: str) -> list[tuple[str | None, str]]:
    """(step, message) of every graph problem of a tree whose shape is right."""
    tree, errors = parse_steps(steps(text))
    assert errors == [] and tree is not None
    return [(e.step, e.message) for e in tree_errors(tree)]


# Two endings, reused where a step only needs to be a valid question.
ENDS = """\
    answers:
      - answer: "No"
        say: Ask that platform.
      - answer: "Yes"
        say: Wait a little.
"""


def step(name: str, question: str = "A question?", body: str = ENDS) -> str:
    return f"{name}:\n  question: {question}\n" + textwrap.indent(textwrap.dedent(body), "  ")


# -- the graph: tree_errors ----------------------------------------------------------

def test_a_step_no_answer_leads_to_is_unreachable() -> None:
    tree = step("start") + step("lonely")
    assert graph(tree) == [("lonely", "`steps.lonely`: no answer leads here from `start`, so no reader ever "
                                      "sees it; point a `next:` at it or delete it")]


def test_a_cycle_shows_the_loop() -> None:
    tree = step("start", body="""\
        answers:
          - answer: Go on
            next: one
          - answer: Stop
            say: Done.
        """) + step("one", body="""\
        answers:
          - answer: Go on
            next: two
          - answer: Stop
            say: Done.
        """) + step("two", body="""\
        answers:
          - answer: Back
            next: one
          - answer: Stop
            say: Done.
        """)
    assert graph(tree) == [("one", "`steps.one`: the answers lead back to it (one → two → one), so a reader "
                                   "could go round for ever; end one of the branches instead")]


def test_next_to_a_missing_step_suggests_a_close_one() -> None:
    tree = step("start", body="""\
        answers:
          - answer: Close to a step
            next: netwrk
          - answer: Like none
            next: elsewhere
        """) + step("network")
    assert graph(tree) == [
        ("start", "`steps.start`, answer 1: `next: netwrk` is not a step of this tree (did you mean "
                  "`network`?); its steps are `start`, `network`"),
        ("start", "`steps.start`, answer 2: `next: elsewhere` is not a step of this tree; its steps are "
                  "`start`, `network`"),
        # Nothing else leads to it: a consequence, reported too so the writer sees the whole picture.
        ("network", "`steps.network`: no answer leads here from `start`, so no reader ever sees it; point "
                    "a `next:` at it or delete it"),
    ]


def test_a_pick_whose_next_is_missing_names_no_answer() -> None:
    tree = step("start", body="""\
        answers:
          - answer: Go on
            next: network
          - answer: Stop
            say: Done.
        """) + "network:\n  question: Which network?\n  pick: network\n  next: explorr\n" + step("explorer")
    assert graph(tree) == [
        ("network", "`steps.network`: `next: explorr` is not a step of this tree (did you mean `explorer`?); "
                    "its steps are `start`, `network`, `explorer`"),
        ("explorer", "`steps.explorer`: no answer leads here from `start`, so no reader ever sees it; point "
                     "a `next:` at it or delete it"),
    ]


def chain(length: int) -> str:
    """A tree whose one long path asks ``length`` questions: start, s2, s3..."""
    names = ["start", *(f"s{n}" for n in range(2, length + 1))]
    text = ""
    for name, after in zip(names, names[1:], strict=False):
        text += step(name, body=f"""\
            answers:
              - answer: Go on
                next: {after}
              - answer: Stop
                say: Done.
            """)
    return text + step(names[-1])


def test_a_path_of_five_questions_is_fine() -> None:
    assert MAX_QUESTIONS == 5
    assert graph(chain(5)) == []


def test_a_path_longer_than_five_questions() -> None:
    assert graph(chain(6)) == [(None, "`steps`: the longest path asks 6 questions (start → s2 → s3 → s4 → s5 "
                                      "→ s6); readers give up before the end, so keep every path to at most 5")]


PICK_THEN = """\
start:
  question: Did it leave the other platform?
  answers:
    - answer: "No"
      {first}
    - answer: "Yes"
      next: network
network:
  question: Which coin and network did you send?
  pick: network
  next: explorer
explorer:
  question: "{question}"
  answers:
    - answer: Pending
      say: "{say}"
      wait: true
    - answer: Confirmed
      say: Send us a ticket.
"""


def picked(first: str = "say: Ask that platform.", question: str = "Is it confirmed on {network}?",
           say: str = "It takes about {wait}.") -> str:
    return PICK_THEN.format(first=first.replace("\n", "\n      "), question=question, say=say)


def test_network_facts_after_a_pick_are_fine() -> None:
    assert graph(picked()) == []


def test_wait_true_before_a_pick() -> None:
    tree = picked(first="say: It is on its way.\nwait: true")
    assert graph(tree) == [("start", "`steps.start`, answer 1: `wait: true` needs a network to compute the "
                                     "wait, but readers can reach this step before they pick one; move it "
                                     "after a `pick: network` step")]


def test_the_wait_placeholder_before_a_pick() -> None:
    tree = picked(first="say: It takes about {wait}.")
    assert graph(tree) == [("start", "`steps.start`, answer 1: `{wait}` needs a network, but readers can "
                                     "reach this step before they pick one; move it after a `pick: network` "
                                     "step")]


def test_a_network_placeholder_in_the_first_question() -> None:
    tree = picked().replace("Did it leave the other platform?", '"Did it leave {coin}?"')
    assert graph(tree) == [("start", "`steps.start`, question: `{coin}` needs a network, but readers can "
                                     "reach this step before they pick one; move it after a `pick: network` "
                                     "step")]


def test_a_network_placeholder_in_the_pick_question_itself() -> None:
    tree = picked().replace("Which coin and network did you send?", '"Which network, {coin}?"')
    assert graph(tree) == [("network", "`steps.network`, question: `{coin}` needs a network, but readers "
                                       "can reach this step before they pick one; move it after a "
                                       "`pick: network` step")]


def test_an_unknown_placeholder() -> None:
    tree = picked(question="Is it confirmed on {foo}?", say="About {wiat}.")
    assert graph(tree) == [
        ("explorer", "`steps.explorer`, question: `{foo}` is not known; use {coin}, {network}, "
                     "{confirmations}, {wait}"),
        ("explorer", "`steps.explorer`, answer 1: `{wiat}` is not known; use {coin}, {network}, "
                     "{confirmations}, {wait}"),
    ]


def test_a_brace_without_its_pair() -> None:
    tree = picked(say="About {wait.")
    assert graph(tree) == [("explorer", "`steps.explorer`, answer 1: a `{` or `}` without its pair; write a "
                                        "placeholder as {wait}, or leave braces out")]


# -- the shape: parse_steps ---------------------------------------------------------------

SHAPES = {
    "no-start": (step("first"), [
        (None, "`steps`: no step is called `start`; every tree begins at `start`, so rename the first step")]),
    "bad-step-id": (step("start") + step("Ask_Again"), [
        ("Ask_Again", "`steps.Ask_Again`: a step id may use only lower-case letters a-z, digits and single "
                      "hyphens (it becomes the step's address, #id)")]),
    "no-answers": (step("start") + "stuck:\n  question: And now?\n", [
        ("stuck", "`steps.stuck`: has no answers, so a reader who reaches it is stuck; add 2 to 6 "
                  "`answers:`, each with `next:` or an ending")]),
    "empty-answers": (step("start", body="answers: []\n"), [
        ("start", "`steps.start`: has no answers, so a reader who reaches it is stuck; add 2 to 6 "
                  "`answers:`, each with `next:` or an ending")]),
    "leads-nowhere": (step("start", body="""\
        answers:
          - answer: "No"
          - answer: "Yes"
            say: Good.
        """), [
        ("start", "`steps.start`, answer 1: leads nowhere; add `next: <step>`, or end it with `say:` (and "
                  "`article:`, `ticket:` or `wait: true`)")]),
    "next-and-ending": (step("start", body="""\
        answers:
          - answer: "No"
            say: Ask them.
            next: start
          - answer: "Yes"
            article: find-txid
            next: start
        """), [
        ("start", "`steps.start`, answer 1: has both `next` and an ending (`say`); an answer either leads to "
                  "the next step or ends, so keep one"),
        ("start", "`steps.start`, answer 2: has both `next` and an ending (`article`); an answer either leads "
                  "to the next step or ends, so keep one")]),
    "ending-without-say": (step("start", body="""\
        answers:
          - answer: "No"
            article: find-txid
          - answer: "Yes"
            say: Good.
        """), [
        ("start", "`steps.start`, answer 1: ends without `say:`; tell the reader what this answer means and "
                  "what to do now")]),
    "two-endings": (step("start", body="""\
        answers:
          - answer: "No"
            say: Read this, or write to us.
            article: find-txid
            ticket: deposits-withdrawals
          - answer: "Yes"
            say: Good.
        """), [
        ("start", "`steps.start`, answer 1: has `article` and `ticket`; an ending does one thing, so split it "
                  "into two answers")]),
    "prepare-without-ticket": (step("start", body="""\
        answers:
          - answer: "No"
            say: Have these ready.
            prepare: [uid, txid]
          - answer: "Yes"
            say: Good.
        """), [
        ("start", "`steps.start`, answer 1: `prepare` lists what to put in a ticket, but the answer has no "
                  "`ticket:`; add `ticket: <topic>` or remove it")]),
    "pick-without-next": ("start:\n  question: Which network?\n  pick: network\n", [
        ("start", "`steps.start`: `pick: network` needs `next:`, the step that follows once the reader has "
                  "picked a network")]),
    "pick-with-answers": ("start:\n  question: Which network?\n  pick: network\n  next: start\n"
                          + textwrap.indent(textwrap.dedent(ENDS), "  "), [
        ("start", "`steps.start`: has both `pick` and `answers`; a pick makes one answer per network itself, "
                  "so remove `answers`")]),
    "one-answer": (step("start", body="""\
        answers:
          - answer: "OK"
            say: Good.
        """), [
        ("start", "`steps.start`: has 1 answer; a question needs 2 to 6")]),
}


@pytest.mark.parametrize(("text", "errors"), list(SHAPES.values()), ids=list(SHAPES))
def test_shape_errors(text: str, errors: list[tuple[str | None, str]]) -> None:
    assert shape(text) == errors


def test_steps_that_are_no_tree() -> None:
    for value in ("just text", [], {}, None):
        _, errors = parse_steps(value)
        assert [e.message for e in errors] == [
            "`steps`: expected the tree's steps, each with its question and answers, like\nsteps:\n  start:\n"
            "    question: Did the transfer leave the other platform?\n    answers:\n"
            "      - answer: \"No\"\n        say: Ask that platform when it will send it.\n"
            "      - answer: \"Yes\"\n        next: network"], value


def test_a_yes_read_by_yaml_as_true_keeps_its_word() -> None:
    tree, errors = parse_steps(steps(step("start", body="""\
        answers:
          - answer: Yes
            say: Good.
          - answer: No
            say: Bad.
        """)))
    assert errors == [] and tree is not None
    assert [a.text for a in tree.by_id["start"].answers] == ["yes", "no"]


# -- the schema: `steps` and `type: troubleshooter` ------------------------------------

FRONT = {"title": "My transfer is missing", "reviewed": "2026-12-01", "owner": "@kestrel/payments"}
GOOD_STEPS = steps(picked())


def messages(data: dict[str, Any], *, is_source: bool = True) -> list[tuple[str | None, str | None, str]]:
    return [(e.field, e.step, e.message) for e in validate(data, is_source=is_source)[1]]


def test_the_schema_keeps_a_good_tree() -> None:
    meta, errors = validate({**FRONT, "type": "troubleshooter", "steps": GOOD_STEPS}, is_source=True)
    assert errors == []
    assert isinstance(meta.steps, Tree) and [s.id for s in meta.steps.steps] == ["start", "network", "explorer"]


def test_a_troubleshooter_needs_steps() -> None:
    assert messages({**FRONT, "type": "troubleshooter"}) == [
        ("type", None, "`steps`: missing; a troubleshooter is its questions, like `steps: {start: {question: "
                       "..., answers: [...]}}` (see CONTRIBUTING.md, \"Troubleshooters\")")]


def test_only_a_troubleshooter_has_steps() -> None:
    assert messages({**FRONT, "type": "faq", "steps": GOOD_STEPS}) == [
        ("steps", None, "`steps`: only a troubleshooter has steps; use `type: troubleshooter` (in the "
                        "troubleshoot folder), or remove them")]


def test_the_schema_reports_graph_errors_of_an_english_tree_with_their_step() -> None:
    bad = steps(picked(first="say: It takes about {wait}."))
    assert messages({**FRONT, "type": "troubleshooter", "steps": bad}) == [
        ("steps", "start", "`steps.start`, answer 1: `{wait}` needs a network, but readers can reach this "
                           "step before they pick one; move it after a `pick: network` step")]


def test_a_translation_tree_is_checked_for_shape_only() -> None:
    """Its graph is the English one's; the mirror check compares the two (checks/troubleshooters.py)."""
    meta, errors = validate({"title": "转账未到账", "steps": steps(step("start") + step("lonely"))},
                            is_source=False)
    assert errors == [] and meta.steps is not None
    assert messages({"title": "转账未到账", "steps": steps(step("start") + "stuck:\n  question: And now?\n")},
                    is_source=False) == [
        ("steps", "stuck", "`steps.stuck`: has no answers, so a reader who reaches it is stuck; add 2 to 6 "
                           "`answers:`, each with `next:` or an ending")]


# -- a step's message on its line -------------------------------------------------------

def front_matter(body: str, steps_text: str) -> str:
    return ("---\ntitle: My transfer is missing\ntype: troubleshooter\nreviewed: 2026-12-01\n"
            f'owner: "@kestrel/payments"\n{body}steps:\n' + textwrap.indent(steps_text, "  ")
            + "---\nAnswer the questions below.\n")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line == needle)


def test_a_steps_error_points_at_that_steps_line(tmp_path: Path) -> None:
    text = front_matter("", picked(say="About {wiat}."))
    path = tmp_path / "missing.md"
    path.write_text(text, encoding="utf-8")
    loaded = load_article(path, display="content/en/troubleshoot/missing.md")
    assert line_of(text, "  explorer:") == 18
    assert [str(p) for p in loaded.problems] == [
        "content/en/troubleshoot/missing.md:18: error: `steps.explorer`, answer 1: `{wiat}` is not known; "
        "use {coin}, {network}, {confirmations}, {wait}"]


def test_a_shape_error_points_at_its_step_and_a_tree_error_at_steps(tmp_path: Path) -> None:
    text = front_matter("", step("start") + "stuck:\n  question: And now?\n")
    path = tmp_path / "stuck.md"
    path.write_text(text, encoding="utf-8")
    assert line_of(text, "  stuck:") == 14
    assert [str(p) for p in load_article(path, display="stuck.md").problems] == [
        "stuck.md:14: error: `steps.stuck`: has no answers, so a reader who reaches it is stuck; add 2 to 6 "
        "`answers:`, each with `next:` or an ending"]
    text = front_matter("", chain(6))
    path.write_text(text, encoding="utf-8")
    assert line_of(text, "steps:") == 6
    assert [str(p) for p in load_article(path, display="long.md").problems] == [
        "long.md:6: error: `steps`: the longest path asks 6 questions (start → s2 → s3 → s4 → s5 → s6); "
        "readers give up before the end, so keep every path to at most 5"]


# -- against the help centre: checks/troubleshooters.py -----------------------------------

TREE = front_matter("", picked(first="say: Ask that platform.\narticle: set-up-2fa").replace(
    "      say: Send us a ticket.\n",
    "      say: Send us a ticket.\n      ticket: deposits-withdrawals\n      prepare: [uid, txid]\n"))
ZH = """\
---
title: 转账未到账
steps:
  start:
    question: 转出了吗？
    answers:
      - answer: 没有
        say: 请联系该平台。
        article: set-up-2fa
      - answer: 是
        next: network
  network:
    question: 你转出的是哪个币种、哪个网络？
    pick: network
    next: explorer
  explorer:
    question: "{network} 上确认了吗？"
    answers:
      - answer: 待处理
        say: "大约需要 {wait}。"
        wait: true
      - answer: 已确认
        say: 请提交工单。
        ticket: deposits-withdrawals
        prepare: [uid, txid]
---
回答下面的问题。
"""
GUIDE = """\
---
title: Set up 2FA
type: guide
reviewed: 2026-12-01
owner: "@kestrel/security"
---
1. Open **Security**.
"""
FILES = {"en/troubleshoot/missing.md": TREE, "zh/troubleshoot/missing.md": ZH, "en/security/set-up-2fa.md": GUIDE}


def site(tmp_path: Path, files: dict[str, str | None] | None = None) -> Path:
    """A fixture site with one troubleshooter and its translation; ``files`` replaces
    (or, with None, leaves out) some of them."""
    merged = {**FILES, **(files or {})}
    return write_site(tmp_path / "site", {k: v for k, v in merged.items() if v is not None})


def troubleshooter_problems(root: Path) -> list[str]:
    project = load_project(root)
    registry = load_registry(project)
    corpus = load_corpus(project, registry, today=DAY)
    return [str(p) for p in check(corpus, load_ui_strings(project), DAY)]


def test_the_fixture_troubleshooter_is_fine(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert troubleshooter_problems(root) == []
    project = load_project(root)
    corpus = load_corpus(project, load_registry(project), today=DAY)
    assert corpus.problems == []
    assert ("missing", "zh") in corpus.translations


def test_an_article_target_that_does_not_exist(tmp_path: Path) -> None:
    root = site(tmp_path, {"en/troubleshoot/missing.md": TREE.replace("article: set-up-2fa", "article: set-up-2f"),
                           "zh/troubleshoot/missing.md": None})
    assert troubleshooter_problems(root) == [
        'content/en/troubleshoot/missing.md:7: error: `steps.start`, answer 1: `article`: no article has the id '
        '"set-up-2f"; did you mean set-up-2fa? Use the file name of an English article, without .md']


def test_a_ticket_topic_that_does_not_exist(tmp_path: Path) -> None:
    root = site(tmp_path, {"en/troubleshoot/missing.md": TREE.replace("ticket: deposits-withdrawals",
                                                                      "ticket: deposit-withdrawal"),
                           "zh/troubleshoot/missing.md": None})
    assert troubleshooter_problems(root) == [
        'content/en/troubleshoot/missing.md:19: error: `steps.explorer`, answer 2: `ticket`: "deposit-withdrawal" '
        'is not a topic; did you mean deposits-withdrawals? The ticket form is the topic\'s `ticket_url` in '
        "content/_data/categories.yml"]


def test_a_detail_to_prepare_that_does_not_exist(tmp_path: Path) -> None:
    root = site(tmp_path, {"en/troubleshoot/missing.md": TREE.replace("prepare: [uid, txid]",
                                                                      "prepare: [uid, tx_id]"),
                           "zh/troubleshoot/missing.md": None})
    assert troubleshooter_problems(root) == [
        'content/en/troubleshoot/missing.md:19: error: `steps.explorer`, answer 2: `prepare`: "tx_id" is not a '
        'detail readers are asked for; did you mean txid or uid? The details are under `details:` in '
        "translations/en.yml"]


def test_a_troubleshooter_outside_the_troubleshoot_folder(tmp_path: Path) -> None:
    root = site(tmp_path, {"en/troubleshoot/missing.md": None, "zh/troubleshoot/missing.md": None,
                           "en/deposits-withdrawals/missing.md": TREE})
    assert troubleshooter_problems(root) == [
        "content/en/deposits-withdrawals/missing.md:3: error: `type: troubleshooter`: troubleshooters live in "
        "the troubleshoot folder (their address is /troubleshoot/<id>/); move the file to "
        "content/en/troubleshoot/missing.md"]


def test_an_article_that_is_no_troubleshooter_in_the_troubleshoot_folder(tmp_path: Path) -> None:
    root = site(tmp_path, {"en/troubleshoot/two-factor.md": GUIDE})
    assert troubleshooter_problems(root) == [
        "content/en/troubleshoot/two-factor.md:3: error: `type`: the troubleshoot folder holds only "
        "troubleshooters; use `type: troubleshooter` with `steps:`, or move the article to its topic's folder"]


def test_a_translation_that_lost_a_step(tmp_path: Path) -> None:
    lost = ZH.split("  explorer:\n")[0] + "---\n回答下面的问题。\n"
    root = site(tmp_path, {"zh/troubleshoot/missing.md": lost})
    assert troubleshooter_problems(root) == [
        "content/zh/troubleshoot/missing.md:3: error: `steps.explorer`: missing; the translation has no text "
        "for this step, so readers would meet English in the middle of the tree; copy it from the English "
        "file and translate it"]


def test_a_translation_whose_answer_leads_elsewhere(tmp_path: Path) -> None:
    root = site(tmp_path, {"zh/troubleshoot/missing.md": ZH.replace("prepare: [uid, txid]", "prepare: [uid]")})
    assert troubleshooter_problems(root) == [
        "content/zh/troubleshoot/missing.md:16: error: `steps.explorer`, answer 2: leads elsewhere than in "
        "English (`ticket: deposits-withdrawals`, `prepare: [uid, txid]`); translate only `answer` and `say`, "
        "and copy the rest"]


def test_a_translation_whose_step_leads_elsewhere_or_is_new(tmp_path: Path) -> None:
    changed = ZH.replace("next: explorer", "next: start").replace("---\n回答", "  extra:\n    question: 还有？\n"
                                                                  "    answers:\n      - answer: 是\n"
                                                                  "        say: 好。\n      - answer: 否\n"
                                                                  "        say: 好。\n---\n回答")
    root = site(tmp_path, {"zh/troubleshoot/missing.md": changed})
    assert troubleshooter_problems(root) == [
        "content/zh/troubleshoot/missing.md:12: error: `steps.network`: leads elsewhere than in English "
        "(`pick: network`, `next: explorer`); copy `pick` and `next` from the English file",
        "content/zh/troubleshoot/missing.md:26: error: `steps.extra`: not a step of the English tree; rename it "
        "to the English step id or delete it"]


def test_a_translation_without_steps(tmp_path: Path) -> None:
    root = site(tmp_path, {"zh/troubleshoot/missing.md": "---\ntitle: 转账未到账\n---\n回答下面的问题。\n"})
    assert troubleshooter_problems(root) == [
        "content/zh/troubleshoot/missing.md:1: error: `steps`: missing; a translated troubleshooter repeats the "
        "English steps with `question`, `answer` and `say` translated, or readers meet English half-way"]


def test_a_network_without_block_time_when_the_tree_computes_a_wait(tmp_path: Path) -> None:
    root = site(tmp_path)
    coins = root / "content" / "_data" / "coins.yml"
    text = coins.read_text(encoding="utf-8")
    assert text.count(" block_time: 60,") == 1  # DOGE's
    coins.write_text(text.replace(" block_time: 60,", ""), encoding="utf-8")
    assert troubleshooter_problems(root) == [
        "content/en/troubleshoot/missing.md:6: error: `steps`: tells readers how long to wait, but "
        "content/_data/coins.yml gives no `block_time` for DOGE DOGE; add each network's typical seconds per "
        "block, like `block_time: 3`"]
    # A tree that never says how long to wait needs no block times.
    no_wait = TREE.replace("      wait: true\n", "").replace("It takes about {wait}.", "It is on its way.")
    (root / "content" / "en" / "troubleshoot" / "missing.md").write_text(no_wait, encoding="utf-8")
    (root / "content" / "zh" / "troubleshoot" / "missing.md").unlink()
    assert troubleshooter_problems(root) == []


def test_an_unknown_placeholder_in_a_translation(tmp_path: Path) -> None:
    root = site(tmp_path, {"zh/troubleshoot/missing.md": ZH.replace("大约需要 {wait}。", "大约需要 {wiat}。")})
    project = load_project(root)
    corpus = load_corpus(project, load_registry(project), today=DAY)
    found = [str(p) for p in corpus.problems] + troubleshooter_problems(root)
    assert any(p.startswith("content/zh/troubleshoot/missing.md:") and "{wiat}" in p for p in found), found


def test_check_reports_a_broken_step_on_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = site(tmp_path, {"en/troubleshoot/missing.md": TREE.replace("next: explorer", "next: explore")})
    code = main(["check", "--root", str(root), "--today", TODAY, str(root / "content/en/troubleshoot/missing.md")])
    assert (code, capsys.readouterr().out) == (1, (
        "content/en/troubleshoot/missing.md:15: error: `steps.network`: `next: explore` is not a step of this "
        "tree (did you mean `explorer`?); its steps are `start`, `network`, `explorer`\n"
        "content/en/troubleshoot/missing.md:19: error: `steps.explorer`: no answer leads here from `start`, so "
        "no reader ever sees it; point a `next:` at it or delete it\n"
        "2 errors, 0 warnings in 1 file\n"))


# -- walk: the real deposit tree, laid out ----------------------------------------------

def real_tree(lang: str, name: str) -> Tree:
    loaded = load_article(REPO / "content" / lang / "troubleshoot" / name, is_source=lang == "en")
    assert loaded.meta is not None and loaded.meta.steps is not None, loaded.problems
    return loaded.meta.steps


def networks(*pairs: tuple[str, str]) -> list[Network]:
    """Networks from the repository's coins.yml, as the site makes them (site/troubleshoot.py)."""
    coins = load_registry(load_project(REPO)).coins
    return [Network(symbol, net.id, net.name, net.memo, net.confirmations, net.block_seconds)
            for symbol, network in pairs for net in coins[symbol].networks if net.id == network]


@pytest.fixture(scope="module")
def deposit() -> Tree:
    return real_tree("en", "deposit.md")


@pytest.fixture(scope="module")
def two_networks() -> list[Network]:
    nets = networks(("USDT", "TRC20"), ("BTC", "BTC"))
    assert [(n.key, n.label) for n in nets] == [("usdt-trc20", "USDT · TRON (TRC20)"), ("btc-btc", "BTC · Bitcoin")]
    return nets


def test_walk_gives_every_step_an_anchor_per_network(deposit: Tree, two_networks: list[Network]) -> None:
    laid_out = walk(deposit, two_networks, set())
    anchors = [n.anchor for n in laid_out.nodes]
    assert len(anchors) == len(set(anchors))
    assert anchors[:3] == ["start", "network", "start--2"]
    assert {"explorer--usdt-trc20", "explorer--btc-btc", "waited--usdt-trc20", "details--btc-btc",
            "explorer--2--usdt-trc20", "details--1--btc-btc", "start--3", "start--4"} <= set(anchors)
    assert not any(a.startswith("status") for a in anchors)
    assert [n.anchor for n in laid_out.nodes if n.network is None] == [
        "start", "network", "start--2", "start--3", "start--4"]
    # Per network: the 3 questions after the pick and their endings (3 of explorer, 2 of waited, 3 of details).
    usdt = [a for a in anchors if a.endswith("--usdt-trc20")]
    assert len(usdt) == 3 + 3 + 2 + 3
    pick = laid_out.choices[Node("network")]
    assert [(label, t.anchor) for label, t in pick] == [("USDT · TRON (TRC20)", "explorer--usdt-trc20"),
                                                       ("BTC · Bitcoin", "explorer--btc-btc")]


def test_node_anchors() -> None:
    usdt = networks(("USDT", "TRC20"))[0]
    assert Node("start").anchor == "start"
    assert Node("start", answer=2).anchor == "start--2"
    assert Node("explorer", usdt).anchor == "explorer--usdt-trc20"
    assert Node("explorer", usdt, answer=3).anchor == "explorer--3--usdt-trc20"
    assert Node("network", usdt, status=True).anchor == "network--status--usdt-trc20"


TWO_PICKS = step("start", "Deposit or withdrawal?", """\
    answers:
      - answer: Deposit
        next: deposit
      - answer: Withdrawal
        next: withdrawal
    """) + "".join(f"""\
{kind}:
  question: Which network did you use?
  pick: network
  next: {kind}-explorer
""" + step(f"{kind}-explorer", '"Confirmed on {network}?"') for kind in ("deposit", "withdrawal"))


def test_two_picks_get_two_status_anchors() -> None:
    tree, errors = parse_steps(steps(TWO_PICKS))
    assert errors == [] and tree is not None and tree_errors(tree) == []
    laid_out = walk(tree, networks(("USDT", "TRC20")), {("USDT", "TRC20")})
    anchors = [n.anchor for n in laid_out.nodes]
    assert len(anchors) == len(set(anchors)), anchors


def test_a_step_id_never_shares_an_anchor_with_an_ending() -> None:
    tree, errors = parse_steps(steps(step("start", body="""\
        answers:
          - answer: Go on
            next: start-2
          - answer: Stop
            say: Done.
        """) + step("start-2")))
    assert errors == [] and tree is not None
    problems = [e.message for e in tree_errors(tree)]
    anchors = [n.anchor for n in walk(tree, [], set()).nodes]
    assert problems or len(anchors) == len(set(anchors)), anchors


def test_a_troubled_networks_pick_stops_at_its_status_first(deposit: Tree, two_networks: list[Network]) -> None:
    laid_out = walk(deposit, two_networks, {("USDT", "TRC20")})
    usdt, btc = two_networks
    status = Node("network", usdt, status=True)
    assert [(label, t.anchor) for label, t in laid_out.choices[Node("network")]] == [
        ("USDT · TRON (TRC20)", "network--status--usdt-trc20"), ("BTC · Bitcoin", "explorer--btc-btc")]
    assert laid_out.choices[status] == [("", Node("explorer", usdt))]
    assert status in laid_out.nodes and Node("explorer", usdt) in laid_out.nodes
    assert not any(n.status and n.network == btc for n in laid_out.nodes)
    # The status stop is no question: the next question is still the third.
    assert laid_out.depth[status] == 2 and status not in laid_out.most
    assert (laid_out.depth[Node("explorer", usdt)], laid_out.most[Node("explorer", usdt)]) == (3, 5)


def test_walk_depth_and_most(deposit: Tree, two_networks: list[Network]) -> None:
    laid_out = walk(deposit, two_networks, set())
    usdt = two_networks[0]
    progress = {n.anchor: (laid_out.depth[n], laid_out.most[n]) for n in laid_out.nodes if n.answer is None}
    assert progress == {
        "start": (1, 5), "network": (2, 5),
        "explorer--usdt-trc20": (3, 5), "waited--usdt-trc20": (4, 5), "details--usdt-trc20": (5, 5),
        "explorer--btc-btc": (3, 5), "waited--btc-btc": (4, 5), "details--btc-btc": (5, 5),
    }
    # "step 3 of at most 5" for the explorer; an ending counts the questions answered to reach it.
    assert f"step {progress['explorer--usdt-trc20'][0]} of at most {progress['explorer--usdt-trc20'][1]}" == (
        "step 3 of at most 5")
    assert laid_out.depth[Node("start", answer=2)] == 1
    assert laid_out.depth[Node("details", usdt, answer=1)] == 5


def paths(laid_out: Walk, node: Node) -> list[list[Node]]:
    """Every way from ``node`` to an ending, as the questions on it."""
    options = laid_out.choices.get(node, [])
    if not options:
        return [[]]
    own = [] if node.status else [node]
    return [own + rest for _, target in options for rest in paths(laid_out, target)]


@pytest.mark.parametrize("name", [p.name for p in ENGLISH])
def test_every_path_asks_at_most_five_questions(name: str, two_networks: list[Network]) -> None:
    tree = real_tree("en", name)
    memo = networks(("XRP", "XRP"))
    for troubled in (set(), {("USDT", "TRC20")}, {("XRP", "XRP")}):
        laid_out = walk(tree, [*two_networks, *memo], troubled)
        every = paths(laid_out, Node("start"))
        assert every and max(len(p) for p in every) <= MAX_QUESTIONS
        for path in every:  # the progress shown never passes "at most", nor goes backwards
            assert [laid_out.depth[n] for n in path] == list(range(1, len(path) + 1))
            assert all(laid_out.most[n] <= MAX_QUESTIONS for n in path)


def test_a_memo_network_pick_offers_only_networks_with_a_memo(two_networks: list[Network]) -> None:
    tree = real_tree("en", "missing-memo.md")
    picks = [s for s in tree.steps if s.pick == "memo-network"]
    assert len(picks) == 1
    laid_out = walk(tree, [*two_networks, *networks(("XRP", "XRP"), ("USDT", "TON"))], set())
    reached = {n.network.key for n in laid_out.nodes if n.network is not None}
    assert reached == {"xrp-xrp", "usdt-ton"}


# -- the translation fingerprint --------------------------------------------------------

def test_fingerprint_changes_when_only_an_answers_text_changes() -> None:
    tree = steps(picked())
    meta, errors = validate({**FRONT, "type": "troubleshooter", "steps": tree}, is_source=True)
    assert errors == []
    changed = steps(picked().replace("- answer: Pending", "- answer: Still pending"))
    other, errors = validate({**FRONT, "type": "troubleshooter", "steps": changed}, is_source=True)
    assert errors == [] and meta.steps is not None and other.steps is not None
    assert text_of(other.steps) != text_of(meta.steps)
    assert fingerprint_of(other, "Body.") != fingerprint_of(meta, "Body.")
    # The same tree again: the same fingerprint (the body and title alone would not tell them apart).
    again, _ = validate({**FRONT, "type": "troubleshooter", "steps": steps(picked())}, is_source=True)
    assert fingerprint_of(again, "Body.") == fingerprint_of(meta, "Body.")


def test_text_of_is_every_word_a_reader_reads_in_order() -> None:
    tree, _ = parse_steps(steps(picked()))
    assert tree is not None
    assert text_of(tree).split("\n") == [
        "Did it leave the other platform?", "No", "Ask that platform.", "Yes",
        "Which coin and network did you send?",
        "Is it confirmed on {network}?", "Pending", "It takes about {wait}.", "Confirmed", "Send us a ticket."]


# -- the starter trees ------------------------------------------------------------------

def test_there_are_starter_troubleshooters() -> None:
    assert [p.name for p in ENGLISH] == ["deposit.md", "lost-2fa.md", "missing-memo.md", "verification.md",
                                         "withdrawal.md", "wrong-network.md"]


@pytest.mark.parametrize("name", [p.name for p in ENGLISH])
def test_every_english_starter_tree_passes(name: str) -> None:
    loaded = load_article(REPO / "content" / "en" / "troubleshoot" / name, today=DAY)
    assert loaded.problems == ()
    assert loaded.meta is not None and loaded.meta.type == "troubleshooter" and loaded.meta.steps is not None
    assert tree_errors(loaded.meta.steps) == []


@pytest.mark.parametrize("lang", ["zh", "ja", "ko", "es", "ru"])
@pytest.mark.parametrize("name", [p.name for p in ENGLISH])
def test_every_translated_starter_tree_mirrors_the_english_one(name: str, lang: str) -> None:
    translation = real_tree(lang, name)
    english = real_tree("en", name)
    assert structure_differences(english, translation) == []
    assert [s.id for s in translation.steps] == [s.id for s in english.steps]
