"""Freshness policy, states, fingerprints and stamping, on fixture sites with a fixed today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from helpcentre.content.corpus import Corpus, load_corpus
from helpcentre.content.problems import ContentError
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.schema import Meta, notice_ended
from helpcentre.freshness import policy as pol
from helpcentre.freshness.fingerprint import fingerprint, fingerprint_of, normalize
from helpcentre.freshness.policy import Interval, Policy, load_policy, parse_policy
from helpcentre.freshness.stamp import StampError, set_translated_from
from helpcentre.freshness.states import compute_states

TODAY = dt.date(2026, 11, 23)
EN_ZH = [{"locale": "en", "name": "English", "default": True, "build": True},
         {"locale": "zh", "name": "简体中文", "build": True}]


def article(*, reviewed: str = "2026-11-01", type_: str = "faq", extra: str = "",
            title: str = "A question", body: str = "The answer.\n",
            owner: str = '"@kestrel/payments"') -> str:
    return (f"---\ntitle: {title}\nsummary: One line.\ntype: {type_}\nreviewed: {reviewed}\n"
            f"owner: {owner}\n{extra}---\n{body}")


def translation(*, stamp: str | None = None, title: str = "一个问题") -> str:
    line = f"translated_from: {stamp}\n" if stamp else ""
    return f"---\ntitle: {title}\nsummary: 一句话。\n{line}---\n答案。\n"


def load(root: Path) -> tuple[Corpus, Policy]:
    project = load_project(root)
    registry = load_registry(project)
    corpus = load_corpus(project, registry, today=TODAY)
    return corpus, load_policy(project, registry)


def source_stamp(root: Path, article_id: str) -> str:
    corpus, _ = load(root)
    source = corpus.sources[article_id]
    return fingerprint_of(source.meta, source.body)


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Callable[..., Path]:
    def make(articles: dict[str, str]) -> Path:
        return make_site(articles, EN_ZH)
    return make


# -- policy ------------------------------------------------------------------------

def test_the_repository_settings_match_the_named_defaults(make_site: Callable[..., Path]) -> None:
    corpus, policy = load(make_site({}))
    assert policy == Policy({"faq": pol.FAQ_REVIEW_DAYS, "guide": pol.GUIDE_REVIEW_DAYS,
                             "notice": pol.NOTICE_REVIEW_DAYS, "risk": pol.RISK_REVIEW_DAYS,
                             "troubleshooter": pol.TROUBLESHOOTER_REVIEW_DAYS},
                            {"security": 90, "fees": 90}, pol.WARNING_DAYS,
                            pol.TRANSLATION_GRACE_DAYS, pol.COIN_REVIEW_DAYS)
    assert (pol.NOTICE_REVIEW_DAYS, pol.FAQ_REVIEW_DAYS, pol.GUIDE_REVIEW_DAYS, pol.RISK_REVIEW_DAYS,
            pol.TROUBLESHOOTER_REVIEW_DAYS, pol.WARNING_DAYS, pol.TRANSLATION_GRACE_DAYS,
            pol.COIN_REVIEW_DAYS) == (30, 180, 180, 30, 90, 14, 14, 90)


def test_without_a_settings_file_the_defaults_apply() -> None:
    assert parse_policy("", "content/_data/freshness.yml") == Policy()


def test_article_beats_category_beats_type() -> None:
    policy = parse_policy("review_days: {faq: 200}\n", "f.yml", {"fees": 90})
    assert policy.interval(Meta(type="faq", review_days=7), "a", "fees") == \
        Interval(7, "article", "a")
    assert policy.interval(Meta(type="faq"), "a", "fees") == Interval(90, "category", "fees")
    assert policy.interval(Meta(type="faq"), "a", "trading") == Interval(200, "type", "faq")
    assert policy.interval(Meta(type="notice"), "a", "trading") == Interval(30, "type", "notice")


def test_interval_explains_where_it_is_set() -> None:
    assert Interval(7, "article", "a").explain() == \
        "every 7 days, set by `review_days` in the article"
    assert Interval(90, "category", "fees").explain() == \
        "every 90 days, set for the fees category in content/_data/categories.yml"
    assert Interval(180, "type", "guide").explain() == "every 180 days, the default for `type: guide`"


def test_bad_settings_are_all_reported_with_lines() -> None:
    text = ("review_days:\n  faq: 0\n  howto: 10\nwarning_day: 3\n"
            "translation_grace_days: -1\ncoin_review_days: quarterly\n")
    with pytest.raises(ContentError) as caught:
        parse_policy(text, "content/_data/freshness.yml")
    assert [str(p) for p in caught.value.problems] == [
        "content/_data/freshness.yml:2: error: `review_days.faq`: expected a whole number of "
        "days between 1 and 3650, found the number 0",
        "content/_data/freshness.yml:3: error: `review_days`: `howto` is not an article type; "
        "expected one of faq, guide, notice, risk, troubleshooter",
        "content/_data/freshness.yml:4: error: `warning_day`: unknown setting; did you mean "
        "warning_days? The settings are: review_days, warning_days, translation_grace_days, "
        "coin_review_days",
        "content/_data/freshness.yml:5: error: `translation_grace_days`: expected a whole "
        "number of days between 0 and 365, found the number -1",
        "content/_data/freshness.yml:6: error: `coin_review_days`: expected a whole number of "
        'days between 1 and 3650, found text "quarterly"',
    ]


def test_broken_yaml_is_one_clear_problem() -> None:
    with pytest.raises(ContentError) as caught:
        parse_policy("warning_days: [1\n", "f.yml")
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.severity) == ("f.yml", 2, "error")
    # The reason in brackets is the YAML parser's own words (libyaml's or PyYAML's).
    assert problem.message.startswith("not valid YAML (") and "]" in problem.message


# -- review states -----------------------------------------------------------------

@pytest.mark.parametrize(("reviewed", "expected"), [
    ("2026-11-12", "fresh"),      # due 2026-12-08: 15 days left, outside the 14-day window
    ("2026-11-11", "due-soon"),   # due 2026-12-07: 14 days left, the window's first day
    ("2026-10-29", "due-soon"),   # due tomorrow
    ("2026-10-28", "due-soon"),   # due exactly today: still on time
    ("2026-10-27", "overdue"),    # due yesterday: overdue from the day after the due date
])
def test_review_state_boundaries(site: Callable[..., Path], reviewed: str, expected: str) -> None:
    root = site({"en/trading/q.md": article(reviewed=reviewed, extra="review_days: 26\n")})
    corpus, policy = load(root)
    state = compute_states(corpus, policy, TODAY).get("q", "en")
    assert state is not None
    assert state.state == expected


def test_due_date_is_review_plus_interval_across_a_leap_day(site: Callable[..., Path]) -> None:
    root = site({"en/trading/q.md": article(reviewed="2024-02-29", extra="review_days: 365\n")})
    corpus, policy = load(root)
    on_time = compute_states(corpus, policy, dt.date(2025, 2, 28)).get("q", "en")
    late = compute_states(corpus, policy, dt.date(2025, 3, 1)).get("q", "en")
    assert on_time is not None and late is not None and on_time.review is not None
    assert on_time.review.due == dt.date(2025, 2, 28)
    assert (on_time.state, late.state) == ("due-soon", "overdue")


def test_category_interval_applies(site: Callable[..., Path]) -> None:
    # 2026-08-25 + 90 days (fees) is today; the same date in trading (180 days) is fresh.
    root = site({"en/fees/f.md": article(reviewed="2026-08-24"),
                 "en/trading/t.md": article(reviewed="2026-08-24")})
    corpus, policy = load(root)
    states = compute_states(corpus, policy, TODAY)
    assert [(s.article_id, s.state) for s in states.in_language("en")] == [
        ("f", "overdue"), ("t", "fresh")]


def test_a_notice_expiring_today_is_current_and_ends_tomorrow(site: Callable[..., Path]) -> None:
    root = site({"en/announcements/n.md": article(type_="notice", reviewed="2026-11-20",
                                                  extra="expires: 2026-11-23\n")})
    corpus, policy = load(root)
    today = compute_states(corpus, policy, TODAY).get("n", "en")
    tomorrow = compute_states(corpus, policy, TODAY + dt.timedelta(days=1)).get("n", "en")
    assert today is not None and tomorrow is not None
    assert (today.state, tomorrow.state) == ("fresh", "expired")
    assert notice_ended(corpus.sources["n"].meta, TODAY) is False


def test_translation_states(site: Callable[..., Path]) -> None:
    root = site({"en/trading/synced.md": article(),
                 "en/trading/changed.md": article(),
                 "en/trading/unstamped.md": article(),
                 "en/trading/missing.md": article(),
                 "zh/trading/changed.md": translation(stamp="aaaaaaaaaaaa"),
                 "zh/trading/unstamped.md": translation(),
                 "zh/trading/nobody.md": translation()})
    stamp = source_stamp(root, "synced")
    (root / "content/zh/trading/synced.md").write_text(translation(stamp=stamp), "utf-8")
    corpus, policy = load(root)
    states = compute_states(corpus, policy, TODAY)
    assert [(s.path, s.state, s.stamp is None) for s in states.in_language("zh")] == [
        ("content/zh/trading/changed.md", "outdated", False),
        ("content/zh/trading/missing.md", "untranslated", True),
        ("content/zh/trading/nobody.md", "orphan", True),
        ("content/zh/trading/synced.md", "fresh", False),
        ("content/zh/trading/unstamped.md", "outdated", True),
    ]
    unstamped = states.get("unstamped", "zh")
    assert unstamped is not None and unstamped.unstamped
    assert unstamped.grace_ends == dt.date(2026, 11, 15)  # English reviewed 2026-11-01 + 14


def test_a_translation_in_the_wrong_folder_is_an_orphan(site: Callable[..., Path]) -> None:
    root = site({"en/trading/q.md": article(), "zh/fees/q.md": translation()})
    corpus, policy = load(root)
    states = compute_states(corpus, policy, TODAY)
    assert [(s.path, s.owner) for s in states.with_state("orphan")] == [
        ("content/zh/fees/q.md", "@kestrel/payments")]  # the fees category's owner
    assert states.get("q", "zh").state == "untranslated"  # type: ignore[union-attr]


def test_a_synced_translation_shares_its_source_review(site: Callable[..., Path]) -> None:
    root = site({"en/trading/q.md": article(reviewed="2026-05-01")})
    (root / "content/zh/trading").mkdir(parents=True)
    (root / "content/zh/trading/q.md").write_text(translation(stamp=source_stamp(root, "q")),
                                                  "utf-8")
    corpus, policy = load(root)
    state = compute_states(corpus, policy, TODAY).get("q", "zh")
    assert state is not None and state.state == "overdue"


def test_stamped_translation_becomes_outdated_when_its_source_changes(
        site: Callable[..., Path]) -> None:
    root = site({"en/trading/q.md": article(body="Withdrawals take 10 minutes.\n")})
    (root / "content/zh/trading").mkdir(parents=True)
    (root / "content/zh/trading/q.md").write_text(translation(stamp=source_stamp(root, "q")),
                                                  "utf-8")
    corpus, policy = load(root)
    assert compute_states(corpus, policy, TODAY).get("q", "zh").state == "fresh"  # type: ignore[union-attr]
    (root / "content/en/trading/q.md").write_text(
        article(body="Withdrawals take 30 minutes.\n"), "utf-8")
    corpus, policy = load(root)
    assert compute_states(corpus, policy, TODAY).get("q", "zh").state == "outdated"  # type: ignore[union-attr]


def test_whitespace_only_edits_keep_translations_in_sync(site: Callable[..., Path]) -> None:
    body = "Deposits are credited after\nthe network confirms them.\n\n1. Open **Wallet**.\n"
    root = site({"en/trading/q.md": article(body=body)})
    (root / "content/zh/trading").mkdir(parents=True)
    (root / "content/zh/trading/q.md").write_text(translation(stamp=source_stamp(root, "q")),
                                                  "utf-8")
    reflowed = "Deposits are credited after the network\n   confirms them.  \n\n\n1.  Open **Wallet**.\n"
    (root / "content/en/trading/q.md").write_bytes(
        article(body=reflowed).replace("\n", "\r\n").encode())
    corpus, policy = load(root)
    assert compute_states(corpus, policy, TODAY).get("q", "zh").state == "fresh"  # type: ignore[union-attr]


def test_an_expired_notice_translation_is_expired_not_outdated(site: Callable[..., Path]) -> None:
    root = site({"en/announcements/n.md": article(type_="notice", reviewed="2026-11-01",
                                                  extra="expires: 2026-11-10\n"),
                 "zh/announcements/n.md": translation()})
    corpus, policy = load(root)
    assert compute_states(corpus, policy, TODAY).get("n", "zh").state == "expired"  # type: ignore[union-attr]


def test_states_are_sorted_by_category_id_then_configured_language(
        make_site: Callable[..., Path]) -> None:
    root = make_site({"en/trading/b.md": article(), "en/account/z.md": article(),
                      "ru/trading/b.md": translation(), "zh/trading/b.md": translation()})
    corpus, policy = load(root)
    states = compute_states(corpus, policy, TODAY)
    assert [(s.article_id, s.lang) for s in states.items] == [
        (aid, lang) for aid in ("z", "b") for lang in ("en", "zh", "ja", "ko", "es", "ru")]
    assert compute_states(corpus, policy, TODAY) == states


# -- fingerprints -----------------------------------------------------------------

def test_fingerprint_ignores_whitespace_but_not_words() -> None:
    base = fingerprint("Title", "Sum.", "One two.\n\nThree.")
    assert base == fingerprint(" Title ", "Sum.", "One\ttwo.\r\n\n\n   Three.  ")
    assert base != fingerprint("Title", "Sum.", "One too.\n\nThree.")
    assert base != fingerprint("Title", "Sum.", "Onetwo.\n\nThree.")
    assert base != fingerprint("Title", "", "Sum. One two.\n\nThree.")  # text moved out of summary
    assert len(base) == 12 and all(c in "0123456789abcdef" for c in base)
    assert normalize(" a\n\n b\t") == "a b"


def test_fingerprint_is_stable_across_runs() -> None:
    # Pinned: changing the normalisation must be a deliberate FINGERPRINT_VERSION bump.
    assert fingerprint("Lost your 2FA device", None, "Reset it.\n") == "daab9fd9b799"


# -- stamping -------------------------------------------------------------------------

def test_stamp_inserts_before_the_closing_fence() -> None:
    data = b"---\ntitle: X\n# a comment\n---\nBody\n"
    assert set_translated_from(data, "0123456789ab") == \
        b"---\ntitle: X\n# a comment\ntranslated_from: 0123456789ab\n---\nBody\n"


def test_stamp_replaces_only_its_own_line_and_keeps_crlf_and_bom() -> None:
    data = "\ufeff---\r\ntitle: 标题\r\ntranslated_from: \"aaaaaaaaaaaa\"\r\nsummary: s\r\n---\r\nB\r\n"
    new = set_translated_from(data.encode(), "0123456789ab")
    assert new == ("\ufeff---\r\ntitle: 标题\r\ntranslated_from: 0123456789ab\r\nsummary: s\r\n"
                   "---\r\nB\r\n").encode()


def test_stamp_uses_the_line_ending_of_the_file() -> None:
    assert set_translated_from(b"---\rtitle: X\r---\rB", "0123456789ab") == \
        b"---\rtitle: X\rtranslated_from: 0123456789ab\r---\rB"
    assert set_translated_from(b"---\r\n---\r\n", "0123456789ab") == \
        b"---\r\ntranslated_from: 0123456789ab\r\n---\r\n"


def test_an_all_digit_stamp_is_quoted_so_yaml_keeps_it_text() -> None:
    assert set_translated_from(b"---\ntitle: X\n---\n", "012345678901") == \
        b'---\ntitle: X\ntranslated_from: "012345678901"\n---\n'


@pytest.mark.parametrize(("data", "message"), [
    (b"title: X\n", "no front matter; the first line must be `---`"),
    (b"---\ntitle: X\n", "the front matter is never closed; add a `---` line after the last field"),
])
def test_stamp_refuses_files_without_front_matter(data: bytes, message: str) -> None:
    with pytest.raises(StampError) as caught:
        set_translated_from(data, "0123456789ab")
    assert str(caught.value) == message
