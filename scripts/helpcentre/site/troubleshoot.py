"""A troubleshooter's page model: every step a reader can reach, one anchor each.

The tree (helpcentre.content.troubleshooters) is laid out for the networks in
coins.yml: after "Which coin and network?", each network gets its own copy of
the following steps, so the expected wait, the status of that network and the
ticket link (coin and network filled in) are plain HTML, computed here at build
time. Each step is a section with an id; an answer is a link to the next one's
``#anchor``. CSS shows only the targeted section (``:target``), so the tree
works without JavaScript, and the back button goes back one answer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from babel.dates import format_timedelta

from ..content.corpus import Article
from ..content.troubleshooters import FOLDER, Network, Node, Tree, walk
from ..content.urls import add_missing_query, fill_url_template
from .views import Context, Link, StatusLine, status_lines

# FOLDER is re-exported: the plugin asks which topic page is the troubleshooters' own.
__all__ = ["FOLDER", "TreeView", "tree_links", "tree_view"]

# Which network states stop a reader before the next question, per service the
# tree is about: a suspended or delayed deposit explains a missing deposit.
WATCHED = ("deposit", "withdrawal")


@dataclass
class Choice:
    text: str
    url: str  # "#anchor"


@dataclass
class NodeView:
    anchor: str
    kind: str  # question | end | status (CSS class and test hook)
    heading: str
    progress: str = ""
    picked: str = ""  # "Your network: USDT · TRON (TRC20)"
    choices: list[Choice] = field(default_factory=list)
    say: str = ""
    wait: str = ""
    status: list[StatusLine] = field(default_factory=list)
    action: Link | None = None
    action_kind: str = ""  # article | ticket | continue
    prepare_intro: str = ""
    prepare: list[str] = field(default_factory=list)


@dataclass
class TreeView:
    label: str  # the region's accessible name
    nodes: list[NodeView]
    restart: Link
    never_send: str


def networks(ctx: Context) -> list[Network]:
    """Every coin and network in coins.yml, in its order, as a reader picks them."""
    return [Network(coin.symbol, net.id, net.name, net.memo, net.confirmations,
                    net.block_seconds)
            for coin in ctx.corpus.registry.coins.values() for net in coin.networks]


def wait_text(ctx: Context, net: Network) -> str:
    """ "about 1 minute": confirmations times the typical block time, in the reader's words."""
    if net.block_seconds is None:
        return ""
    seconds = max(1.0, net.confirmations * net.block_seconds)
    return format_timedelta(dt.timedelta(seconds=seconds), locale=ctx.lang.replace("-", "_"))


def _fill(ctx: Context, text: str, net: Network | None) -> str:
    if net is None or "{" not in text:
        return text
    # `check` refuses unknown or unpaired placeholders; a page never fails on one.
    with contextlib.suppress(KeyError, ValueError, IndexError):
        return text.format(coin=net.symbol, network=net.name,
                           confirmations=str(net.confirmations), wait=wait_text(ctx, net))
    return text


def tree_view(ctx: Context, source: Article) -> TreeView | None:
    """The page model of a troubleshooter in the reader's language (English steps
    when the translation has none: the same fallback as the article)."""
    shown, _ = ctx.corpus.in_language(source.id, ctx.lang)
    tree = shown.meta.steps or source.meta.steps
    english = source.meta.steps
    if tree is None or english is None:
        return None
    watched = [s for s in source.meta.services if s in WATCHED]
    states = ctx.states()
    troubled = {key for key, services in states.items()
                if any(not services[s].normal for s in watched if s in services)}
    laid_out = walk(english, networks(ctx), troubled)
    nodes = [_node(ctx, source, tree, laid_out.choices, n, laid_out.depth, laid_out.most, watched)
             for n in laid_out.nodes]
    return TreeView(ctx.t("troubleshoot.label"), nodes,
                    Link(ctx.t("troubleshoot.restart"), "#start"), ctx.t("help.never_send"))


def _node(ctx: Context, source: Article, tree: Tree, choices: dict[Node, list[tuple[str, Node]]],
          node: Node, depth: dict[Node, int], most: dict[Node, int], watched: list[str]) -> NodeView:
    net = node.network
    picked = ctx.t("troubleshoot.picked", network=net.label) if net else ""
    step = tree.by_id.get(node.step)
    if node.status and net is not None:
        target = choices[node][0][1]
        lines = [line for line in status_lines(ctx, net.symbol, net.id) if line.service in watched]
        return NodeView(node.anchor, "status", ctx.t("troubleshoot.status_title"), picked=picked,
                        status=lines, action=Link(ctx.t("troubleshoot.continue"), f"#{target.anchor}"),
                        action_kind="continue")
    assert step is not None  # walk() only makes nodes of the tree's steps
    if node.answer is None:
        options = [Choice(_fill(ctx, _answer_text(tree, step.id, n, label), net), f"#{t.anchor}")
                   for n, (label, t) in enumerate(choices.get(node, []), 1)]
        return NodeView(node.anchor, "question", _fill(ctx, step.question, net),
                        progress=ctx.t("troubleshoot.progress", step=str(depth[node]), most=str(most[node])),
                        picked=picked, choices=options)
    answer = step.answers[node.answer - 1]
    view = NodeView(node.anchor, "end", ctx.t("troubleshoot.result"), picked=picked,
                    say=_fill(ctx, answer.say or "", net))
    english = source.meta.steps.by_id[step.id].answers[node.answer - 1] if source.meta.steps else answer
    if english.wait and net is not None:
        view.wait = ctx.t("troubleshoot.wait", coin=net.symbol, network=net.name,
                          confirmations=str(net.confirmations), wait=wait_text(ctx, net))
    elif english.article and english.article in ctx.corpus.sources:
        view.action, view.action_kind = ctx.article_link(ctx.corpus.sources[english.article]), "article"
    elif english.ticket:
        view.action = Link(ctx.t("troubleshoot.ticket"), ticket_url(ctx, source, english.ticket,
                                                                    english.prepare, net))
        view.action_kind = "ticket"
        view.prepare_intro = ctx.t("troubleshoot.prepare")
        view.prepare = [ctx.t(f"details.{key}") for key in english.prepare]
    return view


def _answer_text(tree: Tree, step_id: str, n: int, label: str) -> str:
    """An answer's words in the reader's language; a pick's answers are network names."""
    step = tree.by_id.get(step_id)
    if step is None or step.pick or n > len(step.answers):
        return label
    return step.answers[n - 1].text


def ticket_url(ctx: Context, source: Article, topic: str, prepare: tuple[str, ...],
               net: Network | None) -> str:
    """The topic's ticket form with the troubleshooter, language, coin and network
    filled in, and which details the reader was told to bring (``details``)."""
    category = ctx.corpus.registry.categories_by_id[topic]
    url = fill_url_template(category.ticket_url, {"article": source.id, "lang": ctx.lang,
                                                  "category": topic,
                                                  "coin": net.symbol if net else ""})
    extra = {"network": net.id if net else "", "coin": net.symbol if net else "",
             "details": ",".join(prepare)}
    return add_missing_query(url, "?" + urlencode({k: v for k, v in extra.items() if v}))


@dataclass
class TreeLinks:
    """The troubleshooters, as listed on the home, topic and contact pages."""

    title: str
    text: str
    links: list[Link]


def tree_links(ctx: Context, *, topic: str | None = None) -> TreeLinks | None:
    links = troubleshooters(ctx, topic=topic)
    if not links:
        return None
    return TreeLinks(ctx.t("troubleshoot.section"), ctx.t("troubleshoot.section_text"), links)


def troubleshooters(ctx: Context, *, topic: str | None = None) -> list[Link]:
    """Links to the troubleshooters (those ending in ``topic``'s ticket form, when given)."""
    found = []
    for article in ctx.corpus.sources.values():
        tree = article.meta.steps
        if tree is None:
            continue
        topics = {a.ticket for s in tree.steps for a in s.answers if a.ticket}
        topics |= {ctx.corpus.sources[a.article].category for s in tree.steps for a in s.answers
                   if a.article and a.article in ctx.corpus.sources}
        if topic is None or topic in topics:
            found.append(ctx.article_link(article, ctx.t("article.type.troubleshooter")))
    return sorted(found, key=lambda link: link.url)

