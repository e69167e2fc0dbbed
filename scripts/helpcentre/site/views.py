"""Page models: everything a template shows, computed here, in plain Python.

Templates never compute (no date arithmetic, URL building or filtering in
Jinja); they display the finished values built here. Nothing here imports
MkDocs, so tests build these models directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..content import paths, tables
from ..content.corpus import Article, Corpus
from ..content.schema import notice_ended
from ..content.ui import UIStrings
from ..content.urls import fill_url_template

RELATED_LIMIT = 5  # the "up to five": enough to help, short enough to scan
FEEDBACK_REASONS = ("outdated", "unclear", "unsolved")


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    note: str = ""  # secondary line: a summary, a date, a type label
    lang: str = ""  # set when the linked text is in another language than the page


@dataclass(frozen=True)
class Banner:
    kind: str  # untranslated | outdated | overdue | expired (CSS class and test hook)
    text: str
    link: Link | None = None


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
                    note, lang=shown.lang if fallback else "")

    def listed(self, articles: list[Article]) -> list[Article]:
        """Ended notices are never listed (their pages stay reachable by link)."""
        return [a for a in articles if not notice_ended(a.meta, self.today)]


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
    feedback: dict[str, object]


def ticket_url(ctx: Context, article: Article) -> str:
    category = ctx.corpus.registry.categories_by_id[article.category]
    coin = article.meta.coins[0] if article.meta.coins else ""
    return fill_url_template(category.ticket_url, {"article": article.id, "lang": ctx.lang,
                                                   "category": article.category, "coin": coin})


def feedback_links(ctx: Context, article: Article) -> list[Link]:
    template = ctx.corpus.registry.site.feedback_url
    return [Link(ctx.t(f"feedback.reason.{reason}"),
                 fill_url_template(template, {"article": article.id, "lang": ctx.lang,
                                              "reason": reason, "category": article.category}))
            for reason in FEEDBACK_REASONS]


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
    """Shared coins first (more shared ranks higher), then the same category.

    Ties break on category then id, so the list is the same on every build.
    """
    coins = set(article.meta.coins)
    by_category, by_coin = _neighbours(corpus)
    candidates = {a.id: a for a in by_category.get(article.category, ())}
    for symbol in coins:
        candidates.update((a.id, a) for a in by_coin.get(symbol, ()))
    scored = []
    for other in candidates.values():
        if other.id == article.id or notice_ended(other.meta, today):
            continue
        shared = len(coins & set(other.meta.coins))
        same = other.category == article.category
        scored.append((-shared, not same, other.category, other.id, other))
    return [item[-1] for item in sorted(scored)[:RELATED_LIMIT]]


def article_view(ctx: Context, source: Article, banners: list[Banner]) -> ArticleView:
    shown, fallback = ctx.corpus.in_language(source.id, ctx.lang)
    meta = shown.meta
    registry = ctx.corpus.registry
    category = registry.categories_by_id[source.category]
    all_banners = list(banners)
    if fallback:
        all_banners.insert(0, Banner("untranslated", ctx.t("article.untranslated")))
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
        prepare=[ctx.t(f"details.{key}") for key in category.prepare],
        never_send=ctx.t("help.never_send"),
        ticket_label=ctx.t("help.ticket"),
        ticket_url=ticket_url(ctx, source),
        related_title=ctx.t("related.title"),
        related=[ctx.article_link(a, ctx.t(f"article.type.{a.meta.type}"))
                 for a in related(ctx.corpus, source, ctx.today)],
        feedback={"question": ctx.t("feedback.question"), "yes": ctx.t("feedback.yes"),
                  "no": ctx.t("feedback.no"), "thanks": ctx.t("feedback.thanks"),
                  "why": ctx.t("feedback.why"), "reasons": feedback_links(ctx, source)},
    )


@dataclass
class StaffWarning:
    title: str
    never: str
    domains_label: str
    domains: list[Link]
    accounts_label: str
    accounts: list[Link]
    report: str


def staff_warning(ctx: Context) -> StaffWarning:
    registry = ctx.corpus.registry
    socials = [c for c in registry.channels if c.kind == "social" and c.url]
    return StaffWarning(
        ctx.t("staff.title"), ctx.t("staff.never"), ctx.t("staff.domains"),
        [Link(d, f"https://{d}/") for d in registry.site.official_domains],
        ctx.t("staff.accounts"),
        [Link(f"{ctx.t('channel.' + c.id)} {c.handle or ''}".strip(), c.url or "") for c in socials],
        ctx.t("staff.report"))


@dataclass
class ChannelRow:
    name: str
    use_for: str
    hours: str
    languages: str
    link: str


def channel_rows(ctx: Context) -> list[ChannelRow]:
    return [ChannelRow(row.label + (f" ({row.shown})" if row.shown else ""), row.use_for, row.hours,
                       row.languages, row.link)
            for row in tables.channel_rows(ctx.corpus.project, ctx.corpus.registry, ctx.ui, ctx.lang)]


@dataclass
class CategoryCard:
    id: str
    name: str
    url: str
    icon: str
    count: int
    top: list[Link] = field(default_factory=list)


@dataclass
class HomeView:
    kind = "home"
    title: str
    intro: str
    search_label: str
    topics_title: str
    categories: list[CategoryCard]
    notices_title: str
    notices: list[Link]
    no_notices: str
    contact_title: str
    channel_headers: dict[str, str]
    channels: list[ChannelRow]
    contact_link: Link
    staff: StaffWarning
    coins_title: str
    coins: list[Link]


def home_view(ctx: Context) -> HomeView:
    registry = ctx.corpus.registry
    cards = []
    for cat in registry.categories:
        listed = ctx.listed(ctx.corpus.by_category(cat.id))
        cards.append(CategoryCard(cat.id, cat.name(ctx.lang),
                                  paths.category(ctx.lang, ctx.default, cat.id), cat.icon,
                                  len(listed), [ctx.article_link(a) for a in listed[:3]]))
    notices = sorted((a for a in ctx.listed(list(ctx.corpus.sources.values()))
                      if a.meta.type == "notice"),
                     key=lambda a: (a.meta.reviewed or ctx.today, a.id), reverse=True)
    return HomeView(
        title=ctx.t("home.title", exchange=registry.site.exchange_name),
        intro=ctx.t("home.intro"), search_label=ctx.t("home.search"),
        topics_title=ctx.t("home.topics"), categories=cards,
        notices_title=ctx.t("home.notices"),
        notices=[ctx.article_link(a, f"{ctx.t('article.expires')}: "
                                     f"{ctx.ui.date(ctx.lang, a.meta.expires)}" if a.meta.expires else "")
                 for a in notices],
        no_notices=ctx.t("home.no_notices"),
        contact_title=ctx.t("home.contact"), channel_headers=channel_headers(ctx),
        channels=channel_rows(ctx),
        contact_link=Link(ctx.t("home.all_contact"), paths.contact(ctx.lang, ctx.default)),
        staff=staff_warning(ctx),
        coins_title=ctx.t("coin.all"),
        coins=[Link(f"{c.name(ctx.lang)}", paths.coin(ctx.lang, ctx.default, c.symbol), c.symbol)
               for c in registry.coins.values()],
    )


@dataclass
class CategoryView:
    kind = "category"
    title: str
    articles_title: str
    articles: list[Link]
    empty: str


def category_view(ctx: Context, category_id: str) -> CategoryView:
    cat = ctx.corpus.registry.categories_by_id[category_id]
    articles = ctx.listed(ctx.corpus.by_category(category_id))
    return CategoryView(cat.name(ctx.lang), ctx.t("category.articles"),
                        [_summary_link(ctx, a) for a in articles], ctx.t("category.empty"))


def _summary_link(ctx: Context, article: Article) -> Link:
    shown, fallback = ctx.corpus.in_language(article.id, ctx.lang)
    return Link(shown.meta.title or article.id,
                paths.article(ctx.lang, ctx.default, article.category, article.id),
                shown.meta.summary or "", lang=shown.lang if fallback else "")


@dataclass
class NetworkRow:
    name: str
    fee: str
    minimum: str
    confirmations: str
    memo: str
    explorer: str


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


def coin_view(ctx: Context, symbol: str) -> CoinView:
    coin = ctx.corpus.registry.coins[symbol]
    return CoinView(
        title=ctx.t("coin.title", name=coin.name(ctx.lang), symbol=coin.symbol),
        symbol=coin.symbol,
        networks_title=ctx.t("coin.networks"),
        headers={k: ctx.t(f"coin.{k}") for k in ("network", "fee", "minimum", "confirmations",
                                                 "memo", "explorer")},
        networks=[NetworkRow(r.name, r.fee, r.minimum, r.confirmations, r.memo, r.explorer)
                  for r in tables.network_rows(ctx.corpus.registry, ctx.ui, ctx.lang, [coin])],
        examples_note=ctx.t("coin.examples_note"),
        articles_title=ctx.t("coin.articles", symbol=coin.symbol),
        articles=[_summary_link(ctx, a) for a in ctx.listed(ctx.corpus.by_coin(symbol))],
        empty=ctx.t("category.empty"),
    )


@dataclass
class ContactView:
    kind = "contact"
    title: str
    intro: str
    headers: dict[str, str]
    channels: list[ChannelRow]
    staff: StaffWarning


def channel_headers(ctx: Context) -> dict[str, str]:
    return {k: ctx.t(f"contact.{k}") for k in ("channel", "use_for", "hours", "languages")}


def contact_view(ctx: Context) -> ContactView:
    return ContactView(ctx.t("contact.title"), ctx.t("contact.intro"), channel_headers(ctx),
                       channel_rows(ctx), staff_warning(ctx))


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
