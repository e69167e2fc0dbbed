"""Page models: everything a template shows, computed here, in plain Python.

Templates never compute (no date arithmetic, URL building or filtering in
Jinja); they display the finished values built here. Nothing here imports
MkDocs, so tests build these models directly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ..content import notices, paths, risks, tables
from ..content.corpus import Article, Corpus
from ..content.schema import notice_ended
from ..content.status import ServiceState, network_states
from ..content.ui import UIStrings
from ..content.urls import fill_url_template

RELATED_LIMIT = 5  # the "up to five": enough to help, short enough to scan
FEEDBACK_REASONS = ("outdated", "unclear", "unsolved", "other")
TOP_LIMIT = 8        # top questions on the home page
HELP_TOP_LIMIT = 5   # top questions under a search that found nothing, and on the 404 page
CARD_LINKS = 3       # article links on a topic card


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    note: str = ""  # secondary line: a summary, a date, a type label
    lang: str = ""  # set when the linked text is in another language than the page
    lang_name: str = ""  # that language's name, shown as a tag ("English")


@dataclass(frozen=True)
class Banner:
    kind: str  # untranslated | outdated | overdue | expired | notice | risk (CSS class and test hook)
    text: str
    link: Link | None = None
    note: str = ""


@dataclass
class Context:
    """What every view needs: the corpus, the UI strings, the language and today."""

    corpus: Corpus
    ui: UIStrings
    lang: str
    today: dt.date

    @property
    def default(self) -> str:
        return self.corpus.project.default_language

    def t(self, key: str, **values: str) -> str:
        return self.ui.text(self.lang, key, **values)

    def article_link(self, article: Article, note: str = "") -> Link:
        shown, fallback = self.corpus.in_language(article.id, self.lang)
        return Link(shown.meta.title or article.id,
                    paths.article(self.lang, self.default, article.category, article.id),
                    note, lang=shown.lang if fallback else "",
                    lang_name=self.language_name(shown.lang) if fallback else "")

    def language_name(self, code: str) -> str:
        return next((lang.name for lang in self.corpus.project.languages if lang.code == code), code)

    def listed(self, articles: list[Article]) -> list[Article]:
        """Ended notices are never listed (their pages stay reachable by link)."""
        return [a for a in articles if not notice_ended(a.meta, self.today)]

    def title_of(self, article: Article) -> str:
        shown, _ = self.corpus.in_language(article.id, self.lang)
        return shown.meta.title or article.id

    def current_notices(self) -> list[Article]:
        cached = getattr(self.corpus, "_current_notices", None)
        if cached is None or cached[0] != self.today:
            cached = (self.today, notices.current(self.corpus.sources.values(), self.today))
            self.corpus._current_notices = cached  # type: ignore[attr-defined]
        return cached[1]

    def current_risks(self) -> list[Article]:
        """Every published risk warning (helpcentre.content.risks): they have no end day."""
        cached = getattr(self.corpus, "_current_risks", None)
        if cached is None:
            cached = risks.current(self.corpus.sources.values())
            self.corpus._current_risks = cached  # type: ignore[attr-defined]
        return cached

    def states(self) -> dict[tuple[str, str], dict[str, ServiceState]]:
        """Every network's deposit and withdrawal state today (helpcentre.content.status)."""
        cached = getattr(self.corpus, "_network_states", None)
        if cached is None or cached[0] != self.today:
            cached = (self.today, network_states(self.corpus, self.today))
            self.corpus._network_states = cached  # type: ignore[attr-defined]
        return cached[1]

    def top_questions(self, limit: int) -> list[Article]:
        """The support team's list for this language (site.yml), ended notices left out;
        without a list, the newest-reviewed FAQs."""
        ids = self.corpus.registry.site.top_for(self.lang)
        chosen = [self.corpus.sources[i] for i in ids if i in self.corpus.sources]
        if not chosen:
            faqs = [a for a in self.corpus.sources.values() if a.meta.type == "faq"]
            chosen = sorted(faqs, key=lambda a: (-(a.meta.reviewed or dt.date.min).toordinal(), a.id))
        return self.listed(chosen)[:limit]

    def by_asked(self, articles: list[Article]) -> list[Article]:
        """The top questions first (in the team's order), then by title in the reader's language."""
        top = {aid: n for n, aid in enumerate(self.corpus.registry.site.top_for(self.lang))}
        return sorted(articles, key=lambda a: (top.get(a.id, len(top)), self.title_of(a).casefold(), a.id))

    def services_label(self, services: tuple[str, ...]) -> str:
        return self.t("common.separator").join(self.t(f"service.{s}") for s in services)

    def notice_status(self, notice: Article) -> str:
        """A network row's status while a notice concerns it: "Notice: Deposits, Withdrawals"."""
        services = self.services_label(notice.meta.services)
        return self.t("notice.status", services=services) if services else self.t("notice.affected")

    def notice_scope(self, notice: Article) -> str:
        """What a notice concerns, in a few words: "TRX, USDT · TRC20 · Deposits, Withdrawals"."""
        separator = self.t("common.separator")
        parts = [separator.join(notice.meta.coins), separator.join(notice.meta.networks),
                 self.services_label(notice.meta.services)]
        return " · ".join(p for p in parts if p)

    def notice_banner(self, notice: Article) -> Banner:
        until = (self.t("notice.until", date=self.ui.date(self.lang, notice.meta.expires))
                 if notice.meta.expires else "")
        return Banner("notice", self.t("notice.banner"), self.article_link(notice),
                      note=" · ".join(p for p in (self.notice_scope(notice), until) if p))

    def risk_banner(self, risk: Article) -> Banner:
        """ "Risk warning: <title>", with the coins and networks it is about."""
        return Banner("risk", self.t("risk.banner"), self.article_link(risk), note=self.notice_scope(risk))


@dataclass
class ArticleView:
    kind = "article"
    title: str
    summary: str
    content_lang: str
    type: str
    type_label: str
    category: Link
    coins: list[Link]
    reviewed_caption: str
    reviewed_label: str
    reviewed_iso: str
    expires_caption: str
    expires_label: str
    banners: list[Banner]
    help_title: str
    prepare_intro: str
    prepare: list[str]
    never_send: str
    ticket_label: str
    ticket_url: str
    related_title: str
    related: list[Link]
    feedback: FeedbackView
    tree: Any = None  # a troubleshooter's steps (helpcentre.site.troubleshoot.TreeView)


def ticket_url(ctx: Context, article: Article) -> str:
    """The topic's ticket form, filled in; ``{coin}`` is every coin the article covers
    (comma-separated): the wrong-network article covers USDT, USDC and ETH alike."""
    category = ctx.corpus.registry.categories_by_id[article.category]
    return fill_url_template(category.ticket_url, {"article": article.id, "lang": ctx.lang,
                                                   "category": article.category,
                                                   "coin": ",".join(article.meta.coins)})


def page_ticket_url(ctx: Context, *, coin: str = "", page: str = "") -> str:
    """The ticket form for a page that is not an article (contact, coin, 404, search).

    The general ticket channel (channels.yml, kind `ticket`), with the language,
    the coin of a coin page and which page the reader came from.
    """
    registry = ctx.corpus.registry
    base = next((c.url for c in registry.channels if c.kind == "ticket" and c.url), "")
    if not base:
        base = registry.categories_by_id.get("support", registry.categories[0]).ticket_url
    template = base + ("&" if "?" in base else "?") + "lang={lang}&coin={coin}&page={page}"
    return fill_url_template(template, {"lang": ctx.lang, "coin": coin, "page": page})


def feedback_links(ctx: Context, article: Article) -> list[Link]:
    template = ctx.corpus.registry.site.feedback_url
    return [Link(ctx.t(f"feedback.reason.{reason}"),
                 fill_url_template(template, {"article": article.id, "lang": ctx.lang,
                                              "reason": reason, "category": article.category}))
            for reason in FEEDBACK_REASONS]


def search_feedback_template(ctx: Context) -> str:
    """The feedback URL for "tell us what you were looking for", with a literal
    ``{query}`` left for the page's script to fill with the words typed."""
    template = ctx.corpus.registry.site.feedback_url
    marker = "HCQUERYHC"  # survives URL-encoding unchanged, then becomes {query}
    filled = fill_url_template(template, {"article": "", "lang": ctx.lang, "reason": "not-found",
                                          "category": "", "query": marker})
    return filled.replace(marker, "{query}")


def _neighbours(corpus: Corpus) -> tuple[dict[str, list[Article]], dict[str, list[Article]]]:
    """Sources by category and by coin, built once per corpus.

    related() runs for every page; scanning every source each time made it
    O(n²) per language (7 s of a 2,000-article language build).
    """
    cached = getattr(corpus, "_neighbours", None)
    if cached is None:
        by_category: dict[str, list[Article]] = {}
        by_coin: dict[str, list[Article]] = {}
        for source in corpus.sources.values():
            by_category.setdefault(source.category, []).append(source)
            for symbol in source.meta.coins:
                by_coin.setdefault(symbol, []).append(source)
        cached = (by_category, by_coin)
        corpus._neighbours = cached  # type: ignore[attr-defined]
    return cached


def related(corpus: Corpus, article: Article, today: dt.date) -> list[Article]:
    """The writer's `related:` list when there is one; else chosen.

    Chosen: shared coins first (more shared ranks higher), then shared
    networks and services (a withdrawal article lists withdrawal articles, not
    every deposit article of its topic), then the same topic, then the same
    type. Ties break on category then id, so the list is the same on every build.
    """
    if article.meta.related:
        chosen = [corpus.sources[i] for i in article.meta.related if i in corpus.sources]
        return [a for a in chosen if not notice_ended(a.meta, today)]
    coins = set(article.meta.coins)
    topics = set(article.meta.networks) | set(article.meta.services)
    by_category, by_coin = _neighbours(corpus)
    candidates = {a.id: a for a in by_category.get(article.category, ())}
    for symbol in coins:
        candidates.update((a.id, a) for a in by_coin.get(symbol, ()))
    scored = []
    for other in candidates.values():
        if other.id == article.id or notice_ended(other.meta, today):
            continue
        shared = len(coins & set(other.meta.coins))
        close = len(topics & (set(other.meta.networks) | set(other.meta.services)))
        same = other.category == article.category
        scored.append((-shared, -close, not same, other.meta.type != article.meta.type,
                       other.category, other.id, other))
    return [item[-1] for item in sorted(scored)[:RELATED_LIMIT]]


def article_view(ctx: Context, source: Article, banners: list[Banner]) -> ArticleView:
    shown, fallback = ctx.corpus.in_language(source.id, ctx.lang)
    meta = shown.meta
    registry = ctx.corpus.registry
    category = registry.categories_by_id[source.category]
    all_banners = list(banners)
    if fallback:
        all_banners.insert(0, Banner("untranslated", ctx.t("article.untranslated")))
    if not notice_ended(source.meta, ctx.today):
        all_banners += [ctx.notice_banner(n) for n in ctx.current_notices()
                        if n.id != source.id and notices.concerns_article(n.meta, source.meta)]
        all_banners += [ctx.risk_banner(r) for r in ctx.current_risks()
                        if r.id != source.id and risks.concerns_article(r.meta, source.meta)]
    if notice_ended(source.meta, ctx.today) and source.meta.expires:
        all_banners.insert(0, Banner("expired", ctx.t("article.expired",
                                                      date=ctx.ui.date(ctx.lang, source.meta.expires))))
    return ArticleView(
        title=meta.title or source.id,
        summary=meta.summary or "",
        content_lang=shown.lang,
        type=meta.type or "",
        type_label=ctx.t(f"article.type.{meta.type}"),
        category=Link(category.name(ctx.lang), paths.category(ctx.lang, ctx.default, category.id)),
        coins=[Link(registry.coins[s].name(ctx.lang), paths.coin(ctx.lang, ctx.default, s), s)
               for s in meta.coins if s in registry.coins],
        reviewed_caption=ctx.t("article.reviewed"),
        reviewed_label=ctx.ui.date(ctx.lang, meta.reviewed) if meta.reviewed else "",
        reviewed_iso=meta.reviewed.isoformat() if meta.reviewed else "",
        expires_caption=ctx.t("article.expires"),
        expires_label=ctx.ui.date(ctx.lang, meta.expires) if meta.expires else "",
        banners=all_banners,
        help_title=ctx.t("help.title"),
        prepare_intro=ctx.t("help.prepare"),
        prepare=[ctx.t(f"details.{key}") for key in (source.meta.prepare or category.prepare)],
        never_send=ctx.t("help.never_send"),
        ticket_label=ctx.t("help.ticket"),
        ticket_url=ticket_url(ctx, source),
        related_title=ctx.t("related.title"),
        related=[ctx.article_link(a, ctx.t(f"article.type.{a.meta.type}"))
                 for a in related(ctx.corpus, source, ctx.today)],
        feedback=feedback_view(ctx, source),
    )


@dataclass
class FeedbackView:
    """One question, two answers (radio buttons: one open at a time, no script needed).

    A static page records nothing, so no answer says "thank you for your
    feedback": each opens the exchange's feedback form with the answer filled in.
    """

    question: str
    yes: str
    no: str
    yes_text: str
    yes_link: Link
    why: str
    reasons: list[Link]


def feedback_view(ctx: Context, article: Article) -> FeedbackView:
    template = ctx.corpus.registry.site.feedback_url
    helpful = fill_url_template(template, {"article": article.id, "lang": ctx.lang,
                                           "reason": "helpful", "category": article.category})
    return FeedbackView(ctx.t("feedback.question"), ctx.t("feedback.yes"), ctx.t("feedback.no"),
                        ctx.t("feedback.yes_text"), Link(ctx.t("feedback.yes_link"), helpful),
                        ctx.t("feedback.why"), feedback_links(ctx, article))


@dataclass
class StaffWarning:
    title: str
    never: str
    domains_label: str
    domains: list[Link]
    accounts_label: str
    accounts: list[Link]
    report: str
    verify: Link  # the verifier page: "is this link, address or account ours?"


def staff_warning(ctx: Context) -> StaffWarning:
    registry = ctx.corpus.registry
    socials = [c for c in registry.channels if c.kind == "social" and c.url]
    return StaffWarning(
        ctx.t("staff.title"), ctx.t("staff.never"), ctx.t("staff.domains"),
        [Link(d, f"https://{d}/") for d in registry.site.official_domains],
        ctx.t("staff.accounts"),
        [Link(f"{ctx.t('channel.' + c.id)} {c.handle or ''}".strip(), c.url or "") for c in socials],
        ctx.t("staff.report"), verify=Link(ctx.t("verify.link"), paths.verify(ctx.lang, ctx.default)))


@dataclass
class ChannelRow:
    name: str
    use_for: str
    hours: str
    languages: str
    link: str


def channel_rows(ctx: Context, ticket: str = "") -> list[ChannelRow]:
    """``ticket``: the prefilled form the ticket channel's row opens (else the bare form)."""
    return [ChannelRow(row.label + (f" ({row.shown})" if row.shown else ""), row.use_for, row.hours,
                       row.languages, ticket if ticket and row.kind == "ticket" else row.link)
            for row in tables.channel_rows(ctx.corpus.project, ctx.corpus.registry, ctx.ui, ctx.lang)]


@dataclass
class CategoryCard:
    id: str
    name: str
    description: str
    url: str
    icon: str
    count: int
    count_label: str
    top: list[Link] = field(default_factory=list)


def category_cards(ctx: Context) -> list[CategoryCard]:
    """Each topic with its icon, its line of description and its most asked articles:
    the top questions first (in the team's order), then by title in the reader's language."""
    cards = []
    for cat in ctx.corpus.registry.categories:
        listed = ctx.listed(ctx.corpus.by_category(cat.id))
        ordered = ctx.by_asked(listed)
        cards.append(CategoryCard(cat.id, cat.name(ctx.lang), cat.description(ctx.lang),
                                  paths.category(ctx.lang, ctx.default, cat.id), cat.icon,
                                  len(listed), ctx.t("home.count", count=str(len(listed))),
                                  [ctx.article_link(a) for a in ordered[:CARD_LINKS]]))
    return cards


@dataclass
class SearchHelp:
    """Shown under a search that found nothing, and on the 404 page: never a dead end."""

    title: str
    top_title: str
    top: list[Link]
    topics_title: str
    topics: list[Link]
    contact: Link
    tell_us: str
    tell_us_template: str  # the feedback URL with a literal {query}
    none_text: str  # what the theme's search says when nothing was found (our words)


def search_help(ctx: Context) -> SearchHelp:
    return SearchHelp(
        ctx.t("search.none_title"), ctx.t("home.top"),
        [ctx.article_link(a) for a in ctx.top_questions(HELP_TOP_LIMIT)],
        ctx.t("home.topics"),
        [Link(c.name(ctx.lang), paths.category(ctx.lang, ctx.default, c.id))
         for c in ctx.corpus.registry.categories],
        Link(ctx.t("contact.link"), paths.contact(ctx.lang, ctx.default)),
        ctx.t("search.tell_us"), search_feedback_template(ctx), ctx.t("search.result_none"))


@dataclass
class HomeView:
    kind = "home"
    title: str
    intro: str
    search_label: str
    top_title: str
    top: list[Link]
    topics_title: str
    categories: list[CategoryCard]
    notices_title: str
    notices: list[Link]
    no_notices: str
    status_link: Link
    contact_title: str
    contact_text: str
    contact_link: Link
    ticket_label: str
    ticket_url: str
    staff: StaffWarning
    coins_title: str
    coins: list[Link]
    trees: Any = None  # the troubleshooters (helpcentre.site.troubleshoot.TreeLinks)


def home_view(ctx: Context) -> HomeView:
    registry = ctx.corpus.registry
    return HomeView(
        title=ctx.t("home.title", exchange=registry.site.exchange_name),
        intro=ctx.t("home.intro"), search_label=ctx.t("home.search"),
        top_title=ctx.t("home.top"),
        top=[ctx.article_link(a) for a in ctx.top_questions(TOP_LIMIT)],
        topics_title=ctx.t("home.topics"), categories=category_cards(ctx),
        notices_title=ctx.t("home.notices"),
        notices=[Link(ctx.title_of(n), ctx.article_link(n).url, ctx.notice_banner(n).note,
                      ctx.article_link(n).lang, ctx.article_link(n).lang_name)
                 for n in ctx.current_notices()],
        no_notices=ctx.t("home.no_notices"),
        status_link=status_summary_link(ctx),
        contact_title=ctx.t("home.contact"), contact_text=ctx.t("home.contact_text"),
        contact_link=Link(ctx.t("contact.link"), paths.contact(ctx.lang, ctx.default)),
        ticket_label=ctx.t("help.ticket"), ticket_url=page_ticket_url(ctx, page="home"),
        staff=staff_warning(ctx),
        coins_title=ctx.t("coin.all"),
        coins=[Link(f"{c.name(ctx.lang)}", paths.coin(ctx.lang, ctx.default, c.symbol), c.symbol)
               for c in registry.coins.values()],
    )


def status_summary_link(ctx: Context) -> Link:
    """ "Network status: 4 networks affected", or "all normal", to the status page."""
    affected = sum(1 for services in ctx.states().values() if any(not s.normal for s in services.values()))
    text = ctx.t("status.home", count=str(affected)) if affected else ctx.t("status.home_normal")
    return Link(text, paths.status(ctx.lang, ctx.default))


@dataclass
class FooterView:
    domains_label: str
    domains: list[Link]
    channels_label: str
    channels: list[Link]
    phishing: str
    contact: Link
    languages_label: str
    languages: list[Link]
    verify: Link  # the verifier page


def footer_view(ctx: Context, url_in: Callable[[str], str]) -> FooterView:
    """Every page's footer: where we really are, the scam warning, and the languages
    (``url_in(lang)``: this page in that language)."""
    staff = staff_warning(ctx)
    return FooterView(
        ctx.t("footer.domains"), staff.domains, ctx.t("footer.channels"), staff.accounts,
        ctx.t("footer.phishing"), Link(ctx.t("contact.link"), paths.contact(ctx.lang, ctx.default)),
        ctx.t("footer.languages"),
        [Link(lang.name, url_in(lang.code), lang=lang.code) for lang in ctx.corpus.project.languages],
        verify=staff.verify)


@dataclass
class NotFoundView:
    kind = "notfound"
    title: str
    text: str
    search_label: str
    help: SearchHelp
    home: Link


def notfound_view(ctx: Context) -> NotFoundView:
    return NotFoundView(ctx.t("notfound.title"), ctx.t("notfound.text"), ctx.t("home.search"),
                        search_help(ctx), Link(ctx.t("common.home"), paths.home(ctx.lang, ctx.default)))


@dataclass
class CategoryView:
    kind = "category"
    title: str
    articles_title: str
    articles: list[Link]
    empty: str
    trees: Any = None  # the troubleshooters that end in this topic's answers or tickets


def category_view(ctx: Context, category_id: str) -> CategoryView:
    cat = ctx.corpus.registry.categories_by_id[category_id]
    articles = ctx.by_asked(ctx.listed(ctx.corpus.by_category(category_id)))
    return CategoryView(cat.name(ctx.lang), ctx.t("category.articles"),
                        [_summary_link(ctx, a) for a in articles], ctx.t("category.empty"))


def _summary_link(ctx: Context, article: Article) -> Link:
    shown, fallback = ctx.corpus.in_language(article.id, ctx.lang)
    return Link(shown.meta.title or article.id,
                paths.article(ctx.lang, ctx.default, article.category, article.id),
                shown.meta.summary or "", lang=shown.lang if fallback else "",
                lang_name=ctx.language_name(shown.lang) if fallback else "")


@dataclass
class NetworkRow:
    name: str
    fee: str
    minimum: str
    confirmations: str
    memo: str
    explorer: str
    explorer_host: str
    status: list[StatusLine]  # the services of this network that are not normal today
    # For the address checker and the token contract (hc-address-checker.html): see address_fields.
    network: str = ""         # the network's id (TRC20)
    address_format: str = ""  # one of helpcentre.content.addresses.FORMATS ("tron")
    contract: str = ""        # the token's contract address on this network, for tokens
    needs_memo: bool = False  # a deposit needs a memo, tag or comment besides the address
    token_url: str = ""       # the explorer's page for the contract
    token_label: str = ""     # "View on tronscan.org"


@dataclass
class CoinView:
    kind = "coin"
    title: str
    symbol: str
    networks_title: str
    headers: dict[str, str]
    networks: list[NetworkRow]
    examples_note: str
    articles_title: str
    articles: list[Link]
    empty: str
    banners: list[Banner]
    status_none: str
    ticket_label: str
    ticket_url: str
    contracts: list[NetworkRow] = field(default_factory=list)  # the rows with a token contract
    checker: dict[str, str] = field(default_factory=dict)  # the address checker's words (address_strings)


@dataclass(frozen=True)
class StatusLine:
    """One service of one network that is not normal: "Withdrawals: suspended"."""

    service: str      # deposit | withdrawal ("" for a notice that changes no status)
    state: str        # delayed | suspended | notice (CSS class and test hook)
    text: str         # in the reader's language
    note: str         # since / until / review, and the reason when there is no notice
    link: Link | None  # the notice that explains it
    source: str = ""   # that notice's file below the language folder: announcements/x.md


def status_lines(ctx: Context, symbol: str, network: str) -> list[StatusLine]:
    """The services of a network that are not normal today; empty when all are normal."""
    lines = []
    for service, state in ctx.states().get((symbol, network), {}).items():
        if state.normal:
            continue
        dates = [ctx.t("status.since", date=ctx.ui.date(ctx.lang, state.since)) if state.since else "",
                 ctx.t("status.until", date=ctx.ui.date(ctx.lang, state.until)) if state.until else "",
                 ctx.t("status.review", date=ctx.ui.date(ctx.lang, state.review))
                 if state.review and not state.until else ""]
        reason = (state.reasons or {}).get(ctx.lang) or (state.reasons or {}).get(ctx.default, "")
        lines.append(StatusLine(service, state.state,
                                ctx.t("status.line", service=ctx.t(f"service.{service}"),
                                      state=ctx.t(f"status.state.{state.state}")),
                                " · ".join(p for p in (*dates, reason) if p),
                                ctx.article_link(state.notice) if state.notice else None,
                                state.notice.rel if state.notice else ""))
    # A current notice about this network that changes no status (no `status:`) is
    # still pointed at from the row: the reader should read it before sending.
    lines += [StatusLine("", "notice", ctx.notice_status(n), "", ctx.article_link(n), n.rel)
              for n in ctx.current_notices()
              if not n.meta.status and notices.concerns_network(n.meta, symbol, network)]
    return lines


def network_status(ctx: Context, symbol: str, network: str) -> list[StatusLine]:
    return status_lines(ctx, symbol, network)


@dataclass
class StatusRow:
    coin: str
    network: str
    network_id: str
    coin_url: str
    lines: list[StatusLine]


@dataclass
class StatusView:
    kind = "status"
    title: str
    intro: str
    summary: str
    headers: dict[str, str]
    normal: str
    rows: list[StatusRow]
    json_note: str
    json_url: str


def status_view(ctx: Context) -> StatusView:
    """Every coin and network; the affected ones first, so a reader sees them on a phone."""
    registry = ctx.corpus.registry
    rows = [StatusRow(f"{coin.symbol} · {coin.name(ctx.lang)}", net.name, net.id,
                      paths.coin(ctx.lang, ctx.default, coin.symbol), status_lines(ctx, coin.symbol, net.id))
            for coin in registry.coins.values() for net in coin.networks]
    affected = sum(1 for r in rows if r.lines)
    rows.sort(key=lambda r: not r.lines)  # stable: registry order within each group
    return StatusView(ctx.t("status.title"), ctx.t("status.intro"),
                      ctx.t("status.summary", count=str(affected)) if affected else ctx.t("status.all_normal"),
                      {k: ctx.t(f"status.{k}") for k in ("coin", "network", "services")},
                      ctx.t("status.normal"), rows, ctx.t("status.json"), paths.STATUS_JSON)


def coin_view(ctx: Context, symbol: str) -> CoinView:
    coin = ctx.corpus.registry.coins[symbol]
    rows = tables.network_rows(ctx.corpus.registry, ctx.ui, ctx.lang, [coin])
    view = CoinView(
        title=ctx.t("coin.title", name=coin.name(ctx.lang), symbol=coin.symbol),
        symbol=coin.symbol,
        networks_title=ctx.t("coin.networks"),
        headers={k: ctx.t(f"coin.{k}") for k in ("network", "status", "fee", "minimum",
                                                 "confirmations", "memo", "explorer")},
        networks=[NetworkRow(r.name, r.fee, r.minimum, r.confirmations, r.memo, r.explorer,
                             r.explorer_host, network_status(ctx, symbol, r.network), **address_fields(ctx, r))
                  for r in rows],
        examples_note=ctx.t("coin.examples_note"),
        articles_title=ctx.t("coin.articles", symbol=coin.symbol),
        articles=[_summary_link(ctx, a) for a in ctx.listed(ctx.corpus.by_coin(symbol))],
        empty=ctx.t("category.empty"),
        banners=[*(ctx.notice_banner(n) for n in ctx.current_notices()
                   if notices.concerns_coin(n.meta, symbol)),
                 *(ctx.risk_banner(r) for r in ctx.current_risks() if risks.concerns_coin(r.meta, coin))],
        status_none=ctx.t("coin.status_none"),
        ticket_label=ctx.t("help.ticket"), ticket_url=page_ticket_url(ctx, coin=symbol, page="coin"),
        checker=address_strings(ctx, coin.symbol),
    )
    view.contracts = [n for n in view.networks if n.contract]
    return view


# Where each explorer shows a token, by address format: the explorers' own URL
# layouts (etherscan.io/token/0x…, tronscan.org/#/token20/T…, solscan.io/token/…,
# tonviewer.com/EQ…). Derived here rather than kept per network in coins.yml:
# one rule per format, and the explorer host is one the safety gate already allows.
TOKEN_PAGES = {"evm": "token/{contract}", "tron": "#/token20/{contract}",
               "solana": "token/{contract}", "ton": "{contract}"}
ADDRESS_STRINGS = ("title", "label", "button", "empty", "fits", "memo", "choose", "caution",
                   "invisible", "copy", "copied", "copy_failed")


def token_url(explorer: str, address_format: str, contract: str) -> str:
    """The explorer's page for a token contract, or "" (no contract, or a format with no rule)."""
    page = TOKEN_PAGES.get(address_format)
    if not contract or page is None:
        return ""
    return explorer.rstrip("/") + "/" + page.format(contract=quote(contract, safe=""))


def address_fields(ctx: Context, row: tables.NetworkRow) -> dict[str, Any]:
    """A network row's address format, token contract and memo flag, from the registry
    (a network without a contract, a coin's own chain, has no contract line)."""
    network = next(n for n in row.coin.networks if n.id == row.network)
    contract = network.contract or ""
    url = token_url(row.explorer, network.format, contract)
    return {"network": row.network, "address_format": network.format, "contract": contract,
            "needs_memo": network.memo, "token_url": url,
            "token_label": ctx.t("address.token_page", host=row.explorer_host) if url else ""}


def address_strings(ctx: Context, symbol: str) -> dict[str, str]:
    """The checker's words. ``{networks}`` and ``{network}`` stay in the text: the
    page's script fills them with the networks the pasted address fits."""
    words = {key: ctx.t(f"address.{key}") for key in ADDRESS_STRINGS}
    words.update({key: ctx.t(f"address.{key}", symbol=symbol)
                  for key in ("intro", "none", "contracts_title", "contracts_intro")})
    words["separator"] = ctx.t("common.separator")
    return words


def contract_search(ctx: Context) -> dict[str, str]:
    """What the search box needs to answer a pasted contract address
    (partials/hc-search.html, read by assets/javascripts/hc-address-ui.js).

    ``contracts`` is JSON: a list of {contract, format, coin, network, name, url},
    ``url`` the coin page from the site root in this language. Every page carries
    the list (on the search script's tag), so a search from any page finds them:
    about 150 bytes a contract, fine for tens; a list of hundreds would be
    better as a file of its own, fetched when an address is pasted.
    """
    default = ctx.default
    listed = []
    for coin in ctx.corpus.registry.coins.values():
        for network in coin.networks:
            if network.contract:
                listed.append({"contract": network.contract, "format": network.format,
                               "coin": coin.symbol, "network": network.name,
                               "name": ctx.t("coin.title", name=coin.name(ctx.lang), symbol=coin.symbol),
                               "url": paths.coin(ctx.lang, default, coin.symbol)})
    return {"contracts": json.dumps(listed, ensure_ascii=False, separators=(",", ":")),
            "known": ctx.t("address.search_known"), "unknown": ctx.t("address.search_unknown")}


@dataclass
class ContactView:
    kind = "contact"
    title: str
    intro: str
    headers: dict[str, str]
    channels: list[ChannelRow]
    staff: StaffWarning
    trees: Any = None  # "before you open a ticket": the troubleshooters


def channel_headers(ctx: Context) -> dict[str, str]:
    return {k: ctx.t(f"contact.{k}") for k in ("channel", "use_for", "hours", "languages")}


def contact_view(ctx: Context) -> ContactView:
    return ContactView(ctx.t("contact.title"), ctx.t("contact.intro"), channel_headers(ctx),
                       channel_rows(ctx, page_ticket_url(ctx, page="contact")), staff_warning(ctx))


@dataclass
class Head:
    """What goes in <head>: the description and the canonical URL."""

    description: str
    canonical: str


def head_view(ctx: Context, url_in: Callable[[str], str], *, description: str,
              article: Article | None = None) -> Head:
    """``url_in(lang)`` gives this page's URL in a language.

    A fallback page (English text under /zh/) copies the English page, so its
    canonical URL is the English one.
    """
    base = ctx.corpus.project.site_url.rstrip("/") + "/"
    exists = article is None or ctx.corpus.get(article.id, ctx.lang) is not None
    return Head(description, base + url_in(ctx.lang if exists else ctx.default).removeprefix("./"))


# The official-channel verifier (issue 15): is this link, address, number or account ours?
VERIFY_WORDS = ("official", "official_channel", "official_site", "official_next", "not_ours", "looks_like",
                "opens", "hidden", "unlisted_email", "not_ours_next", "unknown", "unlisted_site",
                "unknown_phone", "unknown_other", "unknown_text", "unknown_next")
CONFUSABLES_ASSET = "assets/data/confusables.json"  # scripts/build_confusables.py writes it


@dataclass
class VerifyView:
    kind = "verify"
    title: str
    intro: str
    label: str
    hint: str
    button: str
    report_label: str
    report_url: str  # the ticket form; the script adds &report=<the text pasted>
    nojs: str
    staff: StaffWarning
    words: dict[str, str]  # the answers (VERIFY_WORDS), placeholders left for the script
    data: str  # JSON for hc-verify.js: rules, words, channel names, use_for labels, report_url
    confusables: str = CONFUSABLES_ASSET


def verify_view(ctx: Context) -> VerifyView:
    """The verifier page. The rules are helpcentre.checks.verifier's, as data, so the
    page's script and `verify()` in Python answer alike (tests/vectors/verifier.json)."""
    import json  # local: this block was appended on its own, away from the shared imports

    from ..checks.verifier import build_rules, rules_data

    registry = ctx.corpus.registry
    words = {key: ctx.t(f"verify.{key}") for key in VERIFY_WORDS}
    names = {c.id: ctx.t(f"channel.{c.id}") for c in registry.channels}
    uses = {c.use_for: ctx.t(f"channel_use.{c.use_for}") for c in registry.channels if c.use_for}
    report_url = page_ticket_url(ctx, page="verify")
    data = {"rules": rules_data(build_rules(registry, ctx.corpus.project.site_url)), "words": words,
            "names": names, "uses": uses, "report_url": report_url}
    return VerifyView(
        title=ctx.t("verify.title"), intro=ctx.t("verify.intro"), label=ctx.t("verify.label"),
        hint=ctx.t("verify.hint"), button=ctx.t("verify.button"), report_label=ctx.t("verify.report"),
        report_url=report_url, nojs=ctx.t("verify.nojs"), staff=staff_warning(ctx), words=words,
        data=json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
