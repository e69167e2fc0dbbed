"""Troubleshooters: a reader's problem as a few questions, kept as data (issue 16).

A troubleshooter is an article (`type: troubleshooter`, in the `troubleshoot`
folder) whose front matter holds ``steps:``, a small decision tree::

    steps:
      start:
        question: Does the platform you sent from show the transfer as completed?
        answers:
          - answer: No, it still says pending
            say: The coins have not left that platform yet; ask them.
          - answer: Yes
            next: network
      network:
        question: Which coin and network did you send?
        pick: network            # one answer per network in coins.yml
        next: waited

Every rule about one tree lives here: its shape (``parse_steps``) and its
graph (``tree_errors``: unreachable steps, cycles, dead ends, answers that
lead nowhere, paths longer than ``MAX_QUESTIONS``). Rules that need other
files (an article that does not exist, a translation that lost a step) are in
``corpus.py``. ``walk`` lays a tree out for one set of networks: the site turns
its result into one anchor per step, so every step works without JavaScript.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

TROUBLESHOOTER = "troubleshooter"
FOLDER = "troubleshoot"  # the category folder they live in: /troubleshoot/<id>/
START = "start"
# "A reader whose deposit has not arrived answers at most five questions" (issue
# 16): past five, readers give up and open a ticket without the answers.
MAX_QUESTIONS = 5
MIN_ANSWERS, MAX_ANSWERS = 2, 6
PICKS = ("network", "memo-network")
ENDINGS = ("article", "ticket", "wait")
# What a question or an ending may say once the reader has picked a network.
PLACEHOLDERS = ("coin", "network", "confirmations", "wait")
STEP_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STEP_KEYS = ("question", "answers", "pick", "next")
ANSWER_KEYS = ("answer", "next", "say", "article", "ticket", "prepare", "wait")
EXAMPLE = ("steps:\n  start:\n    question: Did the transfer leave the other platform?\n"
           "    answers:\n      - answer: \"No\"\n        say: Ask that platform when it will send it.\n"
           "      - answer: \"Yes\"\n        next: network")


@dataclass(frozen=True)
class Answer:
    text: str
    next: str | None = None
    say: str | None = None
    article: str | None = None
    ticket: str | None = None  # a category id: whose ticket form
    prepare: tuple[str, ...] = ()  # keys of `details:` in translations/<lang>.yml
    wait: bool = False

    @property
    def ends(self) -> bool:
        return self.next is None


@dataclass(frozen=True)
class Step:
    id: str
    question: str
    answers: tuple[Answer, ...] = ()
    pick: str | None = None  # "network" or "memo-network": answers come from coins.yml
    next: str | None = None  # where a pick leads

    def targets(self) -> list[str]:
        if self.pick:
            return [self.next] if self.next else []
        return [a.next for a in self.answers if a.next]


@dataclass(frozen=True)
class Tree:
    steps: tuple[Step, ...]
    by_id: dict[str, Step] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        self.by_id.update({s.id: s for s in self.steps})

    def __hash__(self) -> int:
        return hash(self.steps)


@dataclass(frozen=True)
class TreeError:
    """A problem with one tree; ``step`` lets the loader point at that step's line."""

    step: str | None
    message: str


def _where(step: str, answer: int | None = None) -> str:
    return f"`steps.{step}`" + (f", answer {answer}" if answer is not None else "")


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, bool):
        return "yes" if value else "no"  # `answer: Yes` is read as a yes/no value: keep the word
    if isinstance(value, int | float):
        return str(value)
    return None


def parse_steps(value: Any) -> tuple[Tree | None, list[TreeError]]:
    """The ``steps:`` field as a Tree, with every problem of its shape."""
    if not isinstance(value, dict) or not value:
        return None, [TreeError(None, "`steps`: expected the tree's steps, each with its question "
                                      f"and answers, like\n{EXAMPLE}")]
    errors: list[TreeError] = []
    steps = []
    for key, raw in value.items():
        step_id = str(key)
        if not STEP_ID_RE.fullmatch(step_id):
            errors.append(TreeError(step_id, f"`steps.{step_id}`: a step id may use only lower-case "
                                             "letters a-z, digits and single hyphens (it becomes the "
                                             "step's address, #id)"))
            continue
        step = _parse_step(step_id, raw, errors)
        if step is not None:
            steps.append(step)
    if START not in value and not errors:
        errors.append(TreeError(None, f"`steps`: no step is called `{START}`; every tree begins "
                                      f"at `{START}`, so rename the first step"))
    return Tree(tuple(steps)), errors


def _parse_step(step_id: str, raw: Any, errors: list[TreeError]) -> Step | None:
    where = _where(step_id)
    if not isinstance(raw, dict):
        errors.append(TreeError(step_id, f"{where}: expected `question:` and `answers:` under the "
                                         "step, indented"))
        return None
    _unknown_fields(step_id, where, raw, STEP_KEYS, "a step", errors)
    question = _text(raw.get("question"))
    if question is None:
        errors.append(TreeError(step_id, f"{where}: no `question`; write the one question this "
                                         "step asks the reader"))
    pick = raw.get("pick")
    if pick is not None:
        if pick not in PICKS:
            errors.append(TreeError(step_id, f"{where}: `pick: {pick}` is not known; use `pick: network` "
                                             "(every coin and network) or `pick: memo-network` (those "
                                             "that need a memo)"))
        if "answers" in raw:
            errors.append(TreeError(step_id, f"{where}: has both `pick` and `answers`; a pick makes one "
                                             "answer per network itself, so remove `answers`"))
        after = raw.get("next")
        if not isinstance(after, str) or not after.strip():
            errors.append(TreeError(step_id, f"{where}: `pick: {pick}` needs `next:`, the step that "
                                             "follows once the reader has picked a network"))
            after = None
        return Step(step_id, question or "", pick=str(pick), next=after.strip() if after else None)
    if "next" in raw:
        errors.append(TreeError(step_id, f"{where}: `next` belongs to each answer (or to a `pick`); "
                                         "move it under the answer it follows"))
    raw_answers = raw.get("answers")
    if raw_answers is None or raw_answers == []:
        errors.append(TreeError(step_id, f"{where}: has no answers, so a reader who reaches it is "
                                         f"stuck; add {MIN_ANSWERS} to {MAX_ANSWERS} `answers:`, "
                                         "each with `next:` or an ending"))
        return Step(step_id, question or "")
    if not isinstance(raw_answers, list):
        errors.append(TreeError(step_id, f"{where}: `answers` must be a list, each item starting "
                                         "with `- answer:`"))
        return Step(step_id, question or "")
    if not MIN_ANSWERS <= len(raw_answers) <= MAX_ANSWERS:
        errors.append(TreeError(step_id, f"{where}: has {len(raw_answers)} answer"
                                         f"{'' if len(raw_answers) == 1 else 's'}; a question needs "
                                         f"{MIN_ANSWERS} to {MAX_ANSWERS}"))
    answers = [_parse_answer(step_id, n, item, errors) for n, item in enumerate(raw_answers, 1)]
    return Step(step_id, question or "", tuple(a for a in answers if a is not None))


def _parse_answer(step_id: str, n: int, raw: Any, errors: list[TreeError]) -> Answer | None:
    where = _where(step_id, n)
    if not isinstance(raw, dict):
        errors.append(TreeError(step_id, f"{where}: expected `answer:` with `next:` or an ending, "
                                         "like `- answer: \"Yes\"` then `next: network` below it"))
        return None
    _unknown_fields(step_id, where, raw, ANSWER_KEYS, "an answer", errors)
    text = _text(raw.get("answer"))
    if text is None:
        errors.append(TreeError(step_id, f"{where}: no `answer`; write the choice as the reader would "
                                         "say it"))
    after = raw.get("next")
    after = after.strip() if isinstance(after, str) and after.strip() else None
    say = _text(raw.get("say"))
    actions = [name for name in ENDINGS if raw.get(name) not in (None, False)]
    prepare = raw.get("prepare") or []
    if not isinstance(prepare, list) or not all(isinstance(p, str) for p in prepare):
        errors.append(TreeError(step_id, f"{where}: `prepare` must be a list of detail names, like "
                                         "`prepare: [uid, txid, amount]`"))
        prepare = []
    if after and (actions or say):
        ending = f"`{actions[0]}`" if actions else "`say`"
        errors.append(TreeError(step_id, f"{where}: has both `next` and an ending ({ending}); an "
                                         "answer either leads to the next step or ends, so keep one"))
    elif not after and not actions and not say:
        errors.append(TreeError(step_id, f"{where}: leads nowhere; add `next: <step>`, or end it with "
                                         "`say:` (and `article:`, `ticket:` or `wait: true`)"))
    elif not after and not say:
        errors.append(TreeError(step_id, f"{where}: ends without `say:`; tell the reader what this "
                                         "answer means and what to do now"))
    if len(actions) > 1:
        errors.append(TreeError(step_id, f"{where}: has {' and '.join(f'`{a}`' for a in actions)}; an "
                                         "ending does one thing, so split it into two answers"))
    if prepare and raw.get("ticket") is None:
        errors.append(TreeError(step_id, f"{where}: `prepare` lists what to put in a ticket, but the "
                                         "answer has no `ticket:`; add `ticket: <topic>` or remove it"))
    if raw.get("wait") not in (None, True, False):
        errors.append(TreeError(step_id, f"{where}: `wait` is `wait: true` or left out"))
    return Answer(text or "", after, say, _str(raw.get("article")), _str(raw.get("ticket")),
                  tuple(p.strip() for p in prepare), raw.get("wait") is True)


def _unknown_fields(step_id: str, where: str, raw: dict[Any, Any], known: tuple[str, ...], what: str,
                    errors: list[TreeError]) -> None:
    for name in (str(k) for k in raw if str(k) not in known):
        errors.append(TreeError(step_id, f"{where}: unknown field `{name}`{_close(name, known)}; "
                                         f"{what} has {', '.join(known)}"))


def _str(value: Any) -> str | None:
    return str(value).strip() if value not in (None, False, "") else None


def _close(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean `{close[0]}`?)" if close else ""


def placeholders(text: str) -> list[str]:
    """The ``{name}`` fields a text uses; raises ValueError on a stray brace."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def tree_errors(tree: Tree) -> list[TreeError]:
    """Graph rules: every step reachable, no cycle, no path over MAX_QUESTIONS,
    and the network facts ({wait}, `wait: true`) only after a network was picked."""
    errors: list[TreeError] = []
    steps = tree.by_id
    for step in tree.steps:
        for n, target in _numbered_targets(step):
            if target not in steps:
                known = ", ".join(f"`{s}`" for s in steps)
                errors.append(TreeError(step.id, f"{_where(step.id, n)}: `next: {target}` is not a "
                                                 f"step of this tree{_close(target, steps)}; its steps "
                                                 f"are {known}"))
    if START not in steps:
        return errors
    cycle = _find_cycle(tree)
    if cycle:
        loop = " → ".join(cycle)
        errors.append(TreeError(cycle[0], f"`steps.{cycle[0]}`: the answers lead back to it ({loop}), "
                                          "so a reader could go round for ever; end one of the "
                                          "branches instead"))
        return errors
    reachable = _reachable(tree)
    for step in tree.steps:
        if step.id not in reachable:
            errors.append(TreeError(step.id, f"`steps.{step.id}`: no answer leads here from "
                                             f"`{START}`, so no reader ever sees it; point a `next:` "
                                             "at it or delete it"))
    longest = _longest_path(tree)
    if len(longest) > MAX_QUESTIONS:
        errors.append(TreeError(None, f"`steps`: the longest path asks {len(longest)} questions "
                                      f"({' → '.join(longest)}); readers give up before the end, so "
                                      f"keep every path to at most {MAX_QUESTIONS}"))
    errors.extend(_network_errors(tree))
    return errors


def _numbered_targets(step: Step) -> list[tuple[int | None, str]]:
    if step.pick:
        return [(None, step.next)] if step.next else []
    return [(n, a.next) for n, a in enumerate(step.answers, 1) if a.next]


def _reachable(tree: Tree, *, through_picks: bool = True) -> set[str]:
    """Steps a reader can reach from ``start``; without ``through_picks``, those reached
    before any network is picked (a pick step itself included)."""
    seen: set[str] = set()
    todo = [START]
    while todo:
        step_id = todo.pop()
        if step_id in seen or step_id not in tree.by_id:
            continue
        seen.add(step_id)
        step = tree.by_id[step_id]
        if through_picks or not step.pick:
            todo.extend(step.targets())
    return seen


def _find_cycle(tree: Tree) -> list[str]:
    """One cycle as the steps on it, first step repeated at the end; [] if none."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    path: list[str] = []

    def visit(step_id: str) -> list[str]:
        state[step_id] = 1
        path.append(step_id)
        for target in tree.by_id[step_id].targets():
            if target not in tree.by_id:
                continue
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[step_id] = 2
        return []

    for step in tree.steps:
        if step.id not in state:
            found = visit(step.id)
            if found:
                return found
    return []


def _longest_path(tree: Tree) -> list[str]:
    """The longest chain of questions from ``start`` (the tree has no cycle)."""
    memo: dict[str, list[str]] = {}

    def longest(step_id: str) -> list[str]:
        if step_id not in memo:
            tails = [longest(t) for t in tree.by_id[step_id].targets() if t in tree.by_id]
            memo[step_id] = [step_id, *max(tails, key=len, default=[])]
        return memo[step_id]

    return longest(START)


def _network_errors(tree: Tree) -> list[TreeError]:
    """{wait} and `wait: true` need a network, so a pick must come before them on every path."""
    errors: list[TreeError] = []
    before_pick = _reachable(tree, through_picks=False)
    for step in tree.steps:
        texts = [("question", step.question)] + [(f"answer {n}", a.say or "")
                                                 for n, a in enumerate(step.answers, 1)]
        for label, text in texts:
            try:
                names = placeholders(text)
            except ValueError:
                errors.append(TreeError(step.id, f"`steps.{step.id}`, {label}: a `{{` or `}}` without "
                                                 "its pair; write a placeholder as {wait}, or leave "
                                                 "braces out"))
                continue
            for name in names:
                if name not in PLACEHOLDERS:
                    errors.append(TreeError(step.id, f"`steps.{step.id}`, {label}: `{{{name}}}` is "
                                                     "not known; use "
                                                     + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)))
                elif step.id in before_pick:
                    errors.append(TreeError(step.id, f"`steps.{step.id}`, {label}: `{{{name}}}` needs "
                                                     "a network, but readers can reach this step "
                                                     "before they pick one; move it after a "
                                                     "`pick: network` step"))
        for n, answer in enumerate(step.answers, 1):
            if answer.wait and step.id in before_pick:
                errors.append(TreeError(step.id, f"{_where(step.id, n)}: `wait: true` needs a "
                                                 "network to compute the wait, but readers can reach "
                                                 "this step before they pick one; move it after a "
                                                 "`pick: network` step"))
    return errors


def structure_differences(source: Tree, translation: Tree) -> list[TreeError]:
    """How a translation's tree differs in shape from the English one.

    A translation translates the words; where each answer leads is the English
    tree's, so a reader in any language walks the same tree.
    """
    errors: list[TreeError] = []
    theirs = translation.by_id
    for step in source.steps:
        other = theirs.get(step.id)
        if other is None:
            errors.append(TreeError(None, f"`steps.{step.id}`: missing; the translation has no "
                                          "text for this step, so readers would meet English in "
                                          "the middle of the tree; copy it from the English file "
                                          "and translate it"))
            continue
        if (step.pick, step.next) != (other.pick, other.next):
            errors.append(TreeError(step.id, f"`steps.{step.id}`: leads elsewhere than in English "
                                             f"(`pick: {step.pick}`, `next: {step.next}`); copy "
                                             "`pick` and `next` from the English file"))
        if len(step.answers) != len(other.answers):
            errors.append(TreeError(step.id, f"`steps.{step.id}`: has {len(other.answers)} answers, "
                                             f"the English step {len(step.answers)}; translate "
                                             "each English answer, in the same order"))
            continue
        for n, (mine, yours) in enumerate(zip(step.answers, other.answers, strict=True), 1):
            if _shape(mine) != _shape(yours):
                errors.append(TreeError(step.id, f"{_where(step.id, n)}: leads elsewhere than in "
                                                 f"English ({_describe(mine)}); translate only "
                                                 "`answer` and `say`, and copy the rest"))
    # The words are the translator's: their placeholders follow the same rules.
    errors.extend(_network_errors(translation))
    for step in translation.steps:
        if step.id not in source.by_id:
            errors.append(TreeError(step.id, f"`steps.{step.id}`: not a step of the English tree; "
                                             "rename it to the English step id or delete it"))
    return errors


def _shape(answer: Answer) -> tuple[Any, ...]:
    return (answer.next, answer.article, answer.ticket, answer.prepare, answer.wait)


def _describe(answer: Answer) -> str:
    if answer.next:
        return f"`next: {answer.next}`"
    if answer.article:
        return f"`article: {answer.article}`"
    if answer.ticket:
        return f"`ticket: {answer.ticket}`, `prepare: [{', '.join(answer.prepare)}]`"
    return "`wait: true`" if answer.wait else "an ending with `say:` only"


def text_of(tree: Tree) -> str:
    """Every word a reader reads in the tree, in order: for the translation
    fingerprint (a changed English answer makes translations outdated) and search."""
    parts: list[str] = []
    for step in tree.steps:
        parts.append(step.question)
        for answer in step.answers:
            parts.extend(p for p in (answer.text, answer.say) if p)
    return "\n".join(parts)


@dataclass(frozen=True)
class Network:
    """A network a reader can pick, with what the tree shows about it."""

    symbol: str
    id: str
    name: str  # "TRON (TRC20)"
    memo: bool
    confirmations: int
    block_seconds: float | None

    @property
    def label(self) -> str:
        """How a reader picks it: "USDT · TRON (TRC20)"."""
        return f"{self.symbol} · {self.name}"

    @property
    def key(self) -> str:
        return f"{self.symbol}-{self.id}".lower()


@dataclass(frozen=True)
class Node:
    """One step or ending as a reader meets it: a step id with the picked network, if any."""

    step: str
    network: Network | None = None
    answer: int | None = None  # the ending of this answer (1-based); None for a question
    status: bool = False  # the "this network is delayed or suspended" stop after a pick

    @property
    def anchor(self) -> str:
        """``explorer``, ``explorer--2`` (its answer 2's ending), ``network--status--usdt-trc20``.

        Parts are joined with a double hyphen, which step ids cannot hold, so no
        step's anchor can be another node's.
        """
        name = f"{self.step}--status" if self.status else self.step
        if self.answer is not None:
            name = f"{name}--{self.answer}"
        return f"{name}--{self.network.key}" if self.network else name


@dataclass
class Walk:
    """A tree laid out for a set of networks: every node a reader can reach, in
    reading order, where each choice leads, and the progress to show."""

    nodes: list[Node]
    choices: dict[Node, list[tuple[str, Node]]]  # question -> (answer label, where it leads)
    depth: dict[Node, int]  # the most questions a reader can have answered on reaching it
    most: dict[Node, int]  # the most questions any path through it asks


def walk(tree: Tree, networks: list[Network], troubled: set[tuple[str, str]]) -> Walk:
    """Every node reachable from ``start``; ``troubled`` holds the (symbol, network)
    pairs whose service the tree is about is delayed or suspended today: picking
    one stops at a status message first. The tree has passed ``tree_errors``."""
    nodes: list[Node] = []
    choices: dict[Node, list[tuple[str, Node]]] = {}
    todo = [Node(START)]
    seen: set[Node] = set()
    while todo:
        node = todo.pop(0)
        if node in seen:
            continue
        seen.add(node)
        nodes.append(node)
        if node.answer is not None or node.status:
            continue
        step = tree.by_id[node.step]
        options: list[tuple[str, Node]] = []
        if step.pick and step.next:
            for net in networks:
                if step.pick == "memo-network" and not net.memo:
                    continue
                target = Node(step.next, net)
                if (net.symbol, net.id) in troubled:
                    status = Node(step.id, net, status=True)
                    choices[status] = [("", target)]
                    target = status
                options.append((net.label, target))
        else:
            for n, answer in enumerate(step.answers, 1):
                target = (Node(answer.next, node.network) if answer.next
                          else Node(node.step, node.network, answer=n))
                options.append((answer.text, target))
        choices[node] = options
        todo.extend(t for _, t in options)
        todo.extend(t2 for _, t in options if t.status for _, t2 in choices[t])
    order = _topological(nodes, choices)
    # depth: a question's number on the longest way to it; an ending's, the
    # questions answered to reach it. Longest, so "of at most" is never exceeded.
    depth: dict[Node, int] = {Node(START): 1}
    for node in order:
        for _, target in choices.get(node, []):
            depth[target] = max(depth.get(target, 0), depth[node] + (0 if _is_end(target) else 1))
    remaining: dict[Node, int] = {}
    for node in reversed(order):
        below = max((remaining[t] for _, t in choices.get(node, [])), default=0)
        remaining[node] = below + (0 if _is_end(node) else 1)
    most = {n: depth[n] - 1 + remaining[n] for n in nodes if not _is_end(n)}
    return Walk(nodes, choices, depth, most)


def _is_end(node: Node) -> bool:
    return node.answer is not None or node.status


def _topological(nodes: list[Node], choices: dict[Node, list[tuple[str, Node]]]) -> list[Node]:
    order: list[Node] = []
    done: set[Node] = set()

    def visit(node: Node) -> None:
        if node in done:
            return
        done.add(node)
        for _, target in choices.get(node, []):
            visit(target)
        order.append(node)

    for node in nodes:
        visit(node)
    return list(reversed(order))
