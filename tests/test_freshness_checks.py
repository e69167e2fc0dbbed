"""Freshness problems for `helpcentre check` and what readers are told, with exact messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from helpcentre.checks import check_freshness
from helpcentre.content.corpus import Corpus, load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.freshness.fingerprint import fingerprint_of
from helpcentre.freshness.policy import Policy, load_policy
from helpcentre.freshness.problems import freshness_problems
from helpcentre.freshness.reader import reader_notices

TODAY = dt.date(2026, 11, 23)
EN_ZH = [{"locale": "en", "name": "English", "default": True, "build": True},
         {"locale": "zh", "name": "简体中文", "build": True}]
FIX = "check the facts, then set `reviewed:` to today's date"


def article(*, reviewed: str, type_: str = "faq", extra: str = "", body: str = "Answer.\n") -> str:
    return (f"---\ntitle: A question\ntype: {type_}\nreviewed: {reviewed}\n"
            f'owner: "@kestrel/payments"\n{extra}---\n{body}')


def translation(stamp: str | None = None) -> str:
    line = f"translated_from: {stamp}\n" if stamp else ""
    return f"---\ntitle: 一个问题\n{line}---\n答案。\n"


def load(root: Path) -> tuple[Corpus, Policy]:
    project = load_project(root)
    registry = load_registry(project)
    return load_corpus(project, registry, today=TODAY), load_policy(project, registry)


def messages(root: Path, today: dt.date = TODAY) -> list[str]:
    corpus, policy = load(root)
    return [str(p) for p in freshness_problems(corpus, policy, today)]


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Callable[..., Path]:
    return lambda articles: make_site(articles, EN_ZH)


def test_overdue_and_due_soon_name_owner_due_date_and_fix(site: Callable[..., Path]) -> None:
    root = site({
        "en/trading/late.md": article(reviewed="2026-05-20"),          # due 2026-11-16
        "en/fees/today.md": article(reviewed="2026-08-25"),            # due today (90 days)
        "en/trading/soon.md": article(reviewed="2026-11-01", extra="review_days: 30\n"),
        "en/trading/fresh.md": article(reviewed="2026-11-01"),
    })
    assert messages(root) == [
        "content/en/fees/today.md:4: warning: review due on 2026-11-23, today (owner "
        "@kestrel/payments): last reviewed 2026-08-25, due every 90 days, set for the fees "
        f"category in content/_data/categories.yml; {FIX}",
        "content/en/trading/late.md:4: error: review overdue since 2026-11-16 (owner "
        "@kestrel/payments): last reviewed 2026-05-20, due every 180 days, the default for "
        f"`type: faq`; {FIX}",
        "content/en/trading/soon.md:4: warning: review due on 2026-12-01, in 8 days (owner "
        "@kestrel/payments): last reviewed 2026-11-01, due every 30 days, set by `review_days` "
        f"in the article; {FIX}",
    ]


def test_one_day_after_the_due_date_is_an_error(site: Callable[..., Path]) -> None:
    root = site({"en/fees/today.md": article(reviewed="2026-08-25")})
    assert messages(root, TODAY + dt.timedelta(days=1)) == [
        "content/en/fees/today.md:4: error: review overdue since 2026-11-23 (owner "
        "@kestrel/payments): last reviewed 2026-08-25, due every 90 days, set for the fees "
        f"category in content/_data/categories.yml; {FIX}"]


def test_an_ended_notice_still_published_is_an_error(site: Callable[..., Path]) -> None:
    root = site({
        "en/announcements/ended.md": article(type_="notice", reviewed="2026-11-01",
                                             extra="expires: 2026-11-22\n"),
        "en/announcements/last-day.md": article(type_="notice", reviewed="2026-11-20",
                                                extra="expires: 2026-11-23\n"),
        "zh/announcements/ended.md": translation(),
    })
    assert messages(root) == [
        "content/en/announcements/ended.md:6: error: this notice ended on 2026-11-22 but is "
        "still published (owner @kestrel/payments); if it still applies, set `expires:` to its "
        "new last day and `reviewed:` to today's date; otherwise delete this file and its "
        "translations"]


def test_outdated_translations_warn_in_the_grace_period_then_fail(
        site: Callable[..., Path]) -> None:
    root = site({"en/trading/new.md": article(reviewed="2026-11-20"),
                 "en/trading/old.md": article(reviewed="2026-11-01"),
                 "zh/trading/new.md": translation("aaaaaaaaaaaa"),
                 "zh/trading/old.md": translation("aaaaaaaaaaaa")})
    sync = "then run `helpcentre translations sync content/zh/trading/{0}.md`"
    diff = "`helpcentre translations diff content/zh/trading/{0}.md` shows what changed"
    assert messages(root) == [
        "content/zh/trading/new.md:3: warning: the English article changed after this "
        "translation was made (owner @kestrel/payments); update the translation to match "
        f"content/en/trading/new.md, {sync.format('new')} (do it by 2026-12-04); "
        f"{diff.format('new')}",
        "content/zh/trading/old.md:3: error: the English article changed after this "
        "translation was made (owner @kestrel/payments); update the translation to match "
        f"content/en/trading/old.md, {sync.format('old')} (the grace period ended on "
        f"2026-11-15); {diff.format('old')}",
    ]


def test_unstamped_translation_says_to_compare_then_sync(site: Callable[..., Path]) -> None:
    root = site({"en/trading/q.md": article(reviewed="2026-11-01"),
                 "zh/trading/q.md": translation()})
    assert messages(root) == [
        "content/zh/trading/q.md:1: error: no `translated_from` stamp, so it is unknown which "
        "version of content/en/trading/q.md this translation follows (owner @kestrel/payments); "
        "compare the two, update the translation if needed, then run `helpcentre translations "
        "sync content/zh/trading/q.md` (the grace period ended on 2026-11-15)"]


def test_a_synced_translation_and_an_untranslated_article_are_not_problems(
        site: Callable[..., Path]) -> None:
    root = site({"en/trading/q.md": article(reviewed="2026-11-01"),
                 "en/trading/solo.md": article(reviewed="2026-11-01")})
    corpus, _ = load(root)
    stamp = fingerprint_of(corpus.sources["q"].meta, corpus.sources["q"].body)
    (root / "content/zh/trading").mkdir(parents=True)
    (root / "content/zh/trading/q.md").write_text(translation(stamp), "utf-8")
    assert messages(root) == []


def test_check_freshness_reports_broken_settings_as_problems(site: Callable[..., Path]) -> None:
    root = site({"en/trading/q.md": article(reviewed="2026-11-01")})
    (root / "content/_data/freshness.yml").write_text("warning_days: soon\n", "utf-8")
    corpus, _ = load_corpus_only(root)
    assert [str(p) for p in check_freshness(corpus, None, TODAY)] == [
        "content/_data/freshness.yml:1: error: `warning_days`: expected a whole number of days "
        "between 0 and 365, found text \"soon\""]


def load_corpus_only(root: Path) -> tuple[Corpus, None]:
    project = load_project(root)
    return load_corpus(project, load_registry(project), today=TODAY), None


# -- what readers are told ---------------------------------------------------------

def test_reader_notices(site: Callable[..., Path]) -> None:
    root = site({"en/trading/late.md": article(reviewed="2026-05-20"),
                 "en/trading/fine.md": article(reviewed="2026-11-01"),
                 "en/announcements/ended.md": article(type_="notice", reviewed="2026-04-01",
                                                      extra="expires: 2026-11-01\n"),
                 "zh/trading/late.md": translation("aaaaaaaaaaaa"),
                 "zh/trading/fine.md": translation()})
    corpus, policy = load(root)
    assert reader_notices(corpus, "late", "en", TODAY, policy) == [
        ("overdue", dt.date(2026, 11, 16))]
    assert reader_notices(corpus, "late", "zh", TODAY, policy) == [
        ("outdated", dt.date(2026, 5, 20)), ("overdue", dt.date(2026, 11, 16))]
    # No stamp: we do not know the English is newer, so readers are not told it is.
    assert reader_notices(corpus, "fine", "zh", TODAY, policy) == []
    # Ended notices get the "ended" banner from site/views.py instead.
    assert reader_notices(corpus, "ended", "en", TODAY, policy) == []
    assert reader_notices(corpus, "no-such-article", "en", TODAY, policy) == []
