"""JSON Feed 1.1 per language (helpcentre.site.feeds)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from conftest import SAMPLE_ARTICLES
from helpcentre.content.corpus import Corpus, load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.site import feeds

TODAY = dt.date(2026, 11, 23)
AFTER_NOTICE_ENDED = dt.date(2026, 12, 20)
BASE = "https://help.kestrel.example/"
OLD_NOTICE = """\
    ---
    title: Old maintenance window
    summary: Trading paused for maintenance.
    type: notice
    reviewed: 2025-01-01
    owner: "@kestrel/communications"
    expires: 2027-01-31
    ---
    Maintenance.
    """


def corpus_of(make_site: Any, articles: dict[str, str] | None = None,
              today: dt.date = TODAY) -> Corpus:
    project = load_project(make_site(articles))
    return load_corpus(project, load_registry(project), today=today)


def feed(corpus: Corpus, lang: str, today: dt.date = TODAY) -> dict[str, Any]:
    return feeds.build_feed(corpus, lang, today, title="Help", description="Answers")


def test_english_feed_lists_articles_newest_first(make_site: Any) -> None:
    data = feed(corpus_of(make_site), "en")
    assert {k: v for k, v in data.items() if k != "items"} == {
        "version": "https://jsonfeed.org/version/1.1", "title": "Help",
        "description": "Answers", "home_page_url": BASE, "feed_url": BASE + "feed.json",
        "language": "en"}
    assert [(i["url"], i["date_modified"]) for i in data["items"]] == [
        (BASE + "announcements/trx-network-upgrade/", "2026-11-20T00:00:00Z"),
        (BASE + "deposits-withdrawals/deposit-not-arrived/", "2026-11-10T00:00:00Z"),
        (BASE + "security/set-up-2fa/", "2026-11-01T00:00:00Z")]
    first = data["items"][0]
    assert first == {
        "id": BASE + "announcements/trx-network-upgrade/",
        "url": BASE + "announcements/trx-network-upgrade/",
        "title": "TRX deposits paused for a network upgrade",
        "summary": "TRX and USDT-TRC20 deposits are paused during the upgrade.",
        "content_text": "Deposits resume after the upgrade.", "language": "en",
        "tags": ["Announcements", "notice"], "date_modified": "2026-11-20T00:00:00Z",
        "_helpcentre": {"expires": "2026-12-10"}}


def test_other_languages_show_translations_and_flag_english_fallbacks(make_site: Any) -> None:
    data = feed(corpus_of(make_site), "zh")
    assert data["feed_url"] == BASE + "zh/feed.json"
    assert data["home_page_url"] == BASE + "zh/"
    by_url = {i["url"]: i for i in data["items"]}
    translated = by_url[BASE + "zh/deposits-withdrawals/deposit-not-arrived/"]
    assert (translated["title"], translated["language"]) == ("充值未到账", "zh")
    fallback = by_url[BASE + "zh/security/set-up-2fa/"]
    assert (fallback["title"], fallback["language"]) == ("Set up two-factor authentication", "en")


def test_ended_notices_are_left_out(make_site: Any) -> None:
    corpus = corpus_of(make_site, today=AFTER_NOTICE_ENDED)
    urls = [i["url"] for i in feed(corpus, "en", AFTER_NOTICE_ENDED)["items"]]
    assert urls == [BASE + "deposits-withdrawals/deposit-not-arrived/",
                    BASE + "security/set-up-2fa/"]


def test_limit_keeps_the_newest_and_every_running_notice(make_site: Any) -> None:
    articles = dict(SAMPLE_ARTICLES)
    articles["en/announcements/old-maintenance.md"] = OLD_NOTICE
    for n in range(feeds.LIMIT):
        articles[f"en/trading/order-{n:02d}.md"] = f"""\
            ---
            title: Order type {n:02d}
            summary: About order type {n:02d}.
            type: faq
            reviewed: 2026-11-{(n % 20) + 2:02d}
            owner: "@kestrel/trading"
            ---
            Text.
            """
    items = feed(corpus_of(make_site, articles), "en")["items"]
    urls = [i["url"] for i in items]
    assert len(urls) == feeds.LIMIT + 1  # the 50 newest, plus the old notice still running
    assert urls[-1] == BASE + "announcements/old-maintenance/"
    assert BASE + "security/set-up-2fa/" not in urls  # the oldest article fell off
    days = [i["date_modified"] for i in items]
    assert days == sorted(days, reverse=True)


def test_long_bodies_are_cut_to_a_preview() -> None:
    words = "word " * 200
    assert feeds._preview(words.strip()) == ("word " * 99 + "word …")
    assert len(feeds._preview(words)) <= feeds.PREVIEW_CHARS + 2


def test_built_site_has_a_feed_per_language(built_sample: Path) -> None:
    site = built_sample  # the sample site, built once for every read-only test
    en = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    ja = json.loads((site / "ja" / "feed.json").read_text(encoding="utf-8"))
    assert (en["language"], en["title"], len(en["items"])) == ("en", "Kestrel Exchange Help Centre", 3)
    assert (ja["language"], ja["feed_url"], len(ja["items"])) == ("ja", BASE + "ja/feed.json", 3)
