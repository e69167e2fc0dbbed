"""Risk warnings and coin data as content (issue 16), with exact messages.

- `type: risk` articles: the schema, their short review interval, and where
  their banners reach readers (coin pages, articles about their coins and
  networks; not the home page's notices strip), on a built fixture site.
- coins.yml: `reviewed:` required and falling due like an article, `listed:`
  optional, and the new-token rule (a coin listed in the last 30 days needs a
  risk warning that names it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO, TODAY, build_site, write_site
from helpcentre.cli import main
from helpcentre.content import colour
from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.risks import NEW_LISTING_DAYS
from helpcentre.content.schema import ARTICLE_TYPES, validate
from helpcentre.freshness import policy as pol
from helpcentre.freshness.policy import load_policy
from helpcentre.freshness.problems import freshness_problems

COINS = "content/_data/coins.yml"
DAY = dt.date.fromisoformat(TODAY)


def art(front: str, body: str = "Body.") -> str:
    return f"---\n{front.strip()}\n---\n{body}\n"


RISK = art('title: Memo or tag required\ntype: risk\ncoins: [XRP, TON, USDT]\nnetworks: [XRP, TON]\n'
           'reviewed: 2026-11-10\nowner: "@kestrel/payments"')
ARTICLES = {
    "en/deposits-withdrawals/memo-required.md": RISK,
    "zh/deposits-withdrawals/memo-required.md": art("title: 必须填写 Memo 或标签"),
    # Names only a network: it reaches the coins on it (ETH's and no other coin's ARB).
    "en/deposits-withdrawals/arbitrum-bridge.md": art(
        'title: Arbitrum withdrawals can take a week to reach Ethereum\ntype: risk\nnetworks: [ARB]\n'
        'reviewed: 2026-11-10\nowner: "@kestrel/payments"'),
    # About USDT on no particular network: concerned.
    "en/deposits-withdrawals/wrong-network-deposit.md": art(
        'title: I deposited on the wrong network\ntype: faq\ncoins: [USDT, USDC, ETH]\nreviewed: 2026-11-10\n'
        'owner: "@kestrel/payments"'),
    # About USDT on TRC20 only: a warning about XRP and TON networks says nothing about it.
    "en/deposits-withdrawals/usdt-on-tron.md": art(
        'title: Depositing USDT on TRON\ntype: guide\ncoins: [USDT]\nnetworks: [TRC20]\nreviewed: 2026-11-10\n'
        'owner: "@kestrel/payments"'),
    # About the TON network, no coin named: concerned.
    "en/deposits-withdrawals/ton-wallets.md": art(
        'title: Sending from a TON wallet\ntype: faq\nnetworks: [TON]\nreviewed: 2026-11-10\n'
        'owner: "@kestrel/payments"'),
    "en/security/set-up-2fa.md": art('title: Set up 2FA\ntype: guide\nreviewed: 2026-11-10\n'
                                     'owner: "@kestrel/security"'),
    "en/announcements/trx-network-upgrade.md": art(
        'title: TRX deposits suspended\ntype: notice\nowner: "@kestrel/communications"\ncoins: [TRX, USDT]\n'
        "networks: [TRC20]\nservices: [deposit]\nreviewed: 2026-11-10\nexpires: 2026-12-10"),
}


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def banners(html: str) -> list[str]:
    """(kind, link target) of every banner on a page, in order."""
    return re.findall(r'data-hc-banner="([a-z]+)">\s*<p>[^<]*<a href="[^"]*?([a-z0-9-]+)/"', html)


def run_check(root: Path, *paths: str, today: str = TODAY) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--root", str(root), "--today", today, *(str(root / p) for p in paths)])
    return code, out.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(write_site(tmp_path_factory.mktemp("risks") / "site", ARTICLES))


# -- the schema ----------------------------------------------------------------------

GOOD = {"title": "Memo or tag required", "type": "risk", "reviewed": "2026-11-10",
        "owner": "@kestrel/payments"}


def test_the_schema_accepts_a_risk_warning_that_names_coins_or_networks() -> None:
    assert "risk" in ARTICLE_TYPES
    for named in ({"coins": ["XRP"]}, {"networks": ["TON"]}, {"coins": ["XRP"], "networks": ["XRP"]}):
        meta, errors = validate({**GOOD, **named}, is_source=True)
        assert errors == [] and meta.type == "risk", named


@pytest.mark.parametrize(("front", "messages"), [
    ("", ["`type: risk`: name the coins or networks the warning is about, like `coins: [XRP]` or "
          "`networks: [TON]`; it is shown on their pages and on the articles about them"]),
    ("coins: []\n", ["`type: risk`: name the coins or networks the warning is about, like `coins: [XRP]` "
                     "or `networks: [TON]`; it is shown on their pages and on the articles about them"]),
    ("coins: [XRP]\nexpires: 2026-12-31\n",
     ["`expires`: a risk warning has no end day; it stays until it is deleted, so remove `expires` (or "
      "use `type: notice` for something that ends)"]),
    ("coins: [XRP]\nstatus: suspended\nservices: [deposit]\n",
     ["`status`: only a notice changes a network's status (it ends when the notice expires); use "
      "`type: notice`, or content/_data/status.yml"]),
])
def test_what_a_risk_warning_may_not_be(front: str, messages: list[str]) -> None:
    data = {**GOOD, **(yaml.load(front, Loader=yaml.BaseLoader) or {})}  # dates stay text, as our loader keeps them
    assert [e.message for e in validate(data, is_source=True)[1]] == messages


def test_a_risk_warning_naming_nothing_is_reported_on_its_type_line(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {"en/deposits-withdrawals/r.md": art(
        'title: A risk\ntype: risk\nreviewed: 2026-11-10\nowner: "@kestrel/payments"')})
    assert run_check(root, "content/en/deposits-withdrawals/r.md") == (1, (
        "content/en/deposits-withdrawals/r.md:3: error: `type: risk`: name the coins or networks the "
        "warning is about, like `coins: [XRP]` or `networks: [TON]`; it is shown on their pages and on "
        "the articles about them\n1 error, 0 warnings in 1 file\n"))


# -- the review interval -------------------------------------------------------------

def test_a_risk_warning_is_reviewed_every_30_days_even_in_a_slower_category(tmp_path: Path) -> None:
    """`security` re-checks its articles every 90 days; a risk warning filed there keeps its 30."""
    root = write_site(tmp_path / "site", {
        "en/deposits-withdrawals/memo.md": art(RISK.split("---\n")[1].replace("2026-11-10", "2026-10-20")),
        "en/security/fake-airdrops.md": art(
            'title: Fake TON airdrops\ntype: risk\nnetworks: [TON]\nreviewed: 2026-10-20\n'
            'owner: "@kestrel/security"'),
        "en/security/faq.md": art('title: A question\ntype: faq\nreviewed: 2026-10-20\n'
                                  'owner: "@kestrel/security"'),
    })
    project = load_project(root)
    registry = load_registry(project)
    policy = load_policy(project, registry)
    corpus = load_corpus(project, registry, today=DAY)
    assert pol.RISK_REVIEW_DAYS == policy.review_days["risk"] == 30
    interval = policy.interval(corpus.sources["fake-airdrops"].meta, "fake-airdrops", "security")
    assert interval.explain() == "every 30 days, the default for `type: risk`"
    faq = policy.interval(corpus.sources["faq"].meta, "faq", "security")
    assert faq.explain() == "every 90 days, set for the security category in content/_data/categories.yml"
    assert [str(p) for p in freshness_problems(corpus, policy, DAY)] == [
        "content/en/deposits-withdrawals/memo.md:6: error: review overdue since 2026-11-19 (owner "
        "@kestrel/payments): last reviewed 2026-10-20, due every 30 days, the default for `type: risk`; "
        "check the facts, then set `reviewed:` to today's date",
        "content/en/security/fake-airdrops.md:5: error: review overdue since 2026-11-19 (owner "
        "@kestrel/security): last reviewed 2026-10-20, due every 30 days, the default for `type: risk`; "
        "check the facts, then set `reviewed:` to today's date",
    ]


# -- banners where readers need them -----------------------------------------------

def test_risk_banner_on_the_coin_pages_it_names(built: Path) -> None:
    for coin in ("xrp", "ton", "usdt"):
        assert ("risk", "memo-required") in banners(page(built, f"coins/{coin}/")), coin
    assert ("risk", "memo-required") not in banners(page(built, "coins/btc/"))
    usdt = page(built, "coins/usdt/")
    assert ('<div class="admonition hc-banner hc-banner--risk" role="note" data-hc-banner="risk">\n'
            '  <p>Risk warning: <a href="../../deposits-withdrawals/memo-required/">Memo or tag required</a> '
            '<span class="hc-note">XRP, TON, USDT · XRP, TON</span></p>') in usdt
    # The notice about TRC20 comes first: it is about now; the standing warning follows.
    assert banners(usdt) == [("notice", "trx-network-upgrade"), ("risk", "memo-required")]


def test_a_risk_warning_naming_only_a_network_reaches_the_coins_on_it(built: Path) -> None:
    assert ("risk", "arbitrum-bridge") in banners(page(built, "coins/eth/"))
    for coin in ("usdt", "usdc", "btc"):
        assert ("risk", "arbitrum-bridge") not in banners(page(built, f"coins/{coin}/")), coin


def test_risk_banner_on_articles_about_its_coins_and_networks(built: Path) -> None:
    assert banners(page(built, "deposits-withdrawals/wrong-network-deposit/")) == [
        ("notice", "trx-network-upgrade"), ("risk", "memo-required")]
    assert banners(page(built, "deposits-withdrawals/ton-wallets/")) == [("risk", "memo-required")]
    # USDT on TRC20 only: the notice about TRC20 concerns it, the memo warning does not.
    assert banners(page(built, "deposits-withdrawals/usdt-on-tron/")) == [("notice", "trx-network-upgrade")]
    assert banners(page(built, "security/set-up-2fa/")) == []
    # Not on itself, though it names the coins; the notice about USDT is shown there.
    own = page(built, "deposits-withdrawals/memo-required/")
    assert banners(own) == [("notice", "trx-network-upgrade")]
    assert '<span class="hc-type hc-type--risk">Risk warning</span>' in own


def test_risk_banner_in_the_readers_language(built: Path) -> None:
    zh = page(built, "zh/deposits-withdrawals/wrong-network-deposit/")
    assert ('<p>风险提示： <a href="../memo-required/">必须填写 Memo 或标签</a> '
            '<span class="hc-note">XRP、TON、USDT · XRP、TON</span></p>') in zh


def test_risk_warnings_stay_out_of_the_home_notices_strip(built: Path) -> None:
    strip = page(built, "").split("data-hc-notices>", 1)[1].split("</section>", 1)[0]
    assert "trx-network-upgrade" in strip
    assert "memo-required" not in strip and "arbitrum-bridge" not in strip


def test_the_risk_accent_is_its_own_and_passes_wcag_aa() -> None:
    css = (REPO / "overrides/assets/helpcentre.css").read_text(encoding="utf-8")
    assert ".md-typeset .admonition.hc-banner--risk { border-color: #c62828;" in css
    tint = colour.parse_hex("#fdeded")
    for text in ("#9a0007", "#6d2b2b"):  # the link, the note
        assert f"color: {text};" in css
        assert colour.contrast(colour.parse_hex(text) or (0, 0, 0), tint or (0, 0, 0)) >= colour.AA_NORMAL_TEXT


# -- coins.yml: `reviewed` and `listed` ----------------------------------------------

def coins_site(tmp_path: Path, old: str, new: str, articles: dict[str, str] | None = None) -> tuple[Path, str]:
    """The fixture site with the repository's coins.yml, one text in it replaced."""
    two_fa = "en/security/set-up-2fa.md"
    root = write_site(tmp_path / "site", articles or {two_fa: ARTICLES[two_fa]})
    path = root / COINS
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return root, text


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


BTC = "- symbol: BTC\n  name: {en: Bitcoin, zh: 比特币, ja: ビットコイン, ko: 비트코인, es: Bitcoin, ru: Биткоин}\n"
BTC_REVIEWED = BTC + "  reviewed: 2026-11-20\n"


def test_every_starter_coin_has_an_honest_review_date() -> None:
    registry = load_registry(load_project(REPO))
    assert all(c.reviewed is not None and c.reviewed <= DAY for c in registry.coins.values())
    assert all(c.listed is None for c in registry.coins.values())


@pytest.mark.parametrize(("new", "field", "message"), [
    (BTC, "- symbol: BTC",
     "coin `BTC`: `reviewed` is missing; add the day you last checked its networks, fees and minimums "
     "against the live withdrawal page, like `reviewed: 2026-11-20`"),
    (BTC + "  reviewed: 20 Nov 2026\n", "  reviewed:",
     'coin `BTC`: `reviewed`: expected a date written YYYY-MM-DD, like `reviewed: 2026-11-18`; found '
     '"20 Nov 2026"'),
    (BTC_REVIEWED + "  listed: 2026-02-30\n", "  listed:",
     'coin `BTC`: `listed`: "2026-02-30" is not a real day of the calendar; check the month and day'),
])
def test_a_coins_dates_are_checked_with_their_line(tmp_path: Path, new: str, field: str,
                                                   message: str) -> None:
    root, text = coins_site(tmp_path, BTC_REVIEWED, new)
    assert run_check(root, COINS) == (1, f"{COINS}:{line_of(text, field)}: error: {message}\n"
                                         "1 error, 0 warnings in 1 file\n")


CHECK = ("check its networks, example fees, minimums, confirmations and memo rules against the live "
         "withdrawal page, then set `reviewed:` to today's date")


@pytest.mark.parametrize(("reviewed", "severity", "message"), [
    ("2026-08-20", "error", "coin `BTC`: review overdue since 2026-11-18: last reviewed 2026-08-20, due every "
                            f"90 days (`coin_review_days` in content/_data/freshness.yml); {CHECK}"),
    ("2026-08-30", "warning", "coin `BTC`: review due on 2026-11-28, in 5 days: last reviewed 2026-08-30, due "
                              f"every 90 days (`coin_review_days` in content/_data/freshness.yml); {CHECK}"),
    ("2026-08-25", "warning", "coin `BTC`: review due on 2026-11-23, today: last reviewed 2026-08-25, due "
                              f"every 90 days (`coin_review_days` in content/_data/freshness.yml); {CHECK}"),
    ("2026-11-30", "error", "coin `BTC`: `reviewed`: 2026-11-30 is in the future (today is 2026-11-23); use "
                            "the day you checked its networks, fees and minimums"),
])
def test_a_coin_falls_due_like_an_article(tmp_path: Path, reviewed: str, severity: str, message: str) -> None:
    root, text = coins_site(tmp_path, BTC_REVIEWED, BTC + f"  reviewed: {reviewed}\n")
    errors, warnings = (1, 0) if severity == "error" else (0, 1)
    summary = (f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''} "
               "in 1 file\n")
    assert run_check(root, COINS) == (errors, f"{COINS}:{line_of(text, '  reviewed: ' + reviewed)}: "
                                              f"{severity}: {message}\n{summary}")


def test_the_coin_review_interval_comes_from_freshness_yml(tmp_path: Path) -> None:
    root, text = coins_site(tmp_path, BTC_REVIEWED, BTC + "  reviewed: 2026-10-20\n")
    settings = root / "content/_data/freshness.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("coin_review_days: 90",
                                                                     "coin_review_days: 30"), encoding="utf-8")
    assert run_check(root, COINS) == (1, (
        f"{COINS}:{line_of(text, '  reviewed: 2026-10-20')}: error: coin `BTC`: review overdue since "
        "2026-11-19: last reviewed 2026-10-20, due every 30 days (`coin_review_days` in "
        f"content/_data/freshness.yml); {CHECK}\n1 error, 0 warnings in 1 file\n"))


# -- the new-token rule ----------------------------------------------------------------

DOGE = "- symbol: DOGE"
NEW_TOKEN = ("coin `DOGE`: listed on 2026-11-15, so until 2026-12-15 (30 days) a risk warning must name it, "
             "and none does; write one with `type: risk` and `coins: [DOGE]` (see \"Risk warnings\" in "
             "CONTRIBUTING.md)")
DOGE_RISK = art('title: Dogecoin is newly listed\ntype: risk\ncoins: [DOGE]\nreviewed: 2026-11-15\n'
                'owner: "@kestrel/payments"')


def listed(tmp_path: Path, day: str, articles: dict[str, str] | None = None) -> tuple[Path, str]:
    """DOGE given `listed: day` (on its own line, after `reviewed:`)."""
    root, text = coins_site(tmp_path, "  reviewed: 2026-11-20\n  networks:\n    - {id: DOGE,",
                            f"  reviewed: 2026-11-20\n  listed: {day}\n  networks:\n    - {{id: DOGE,", articles)
    return root, text


def test_a_newly_listed_coin_needs_a_risk_warning(tmp_path: Path) -> None:
    root, text = listed(tmp_path, "2026-11-15")
    assert NEW_LISTING_DAYS == 30
    assert run_check(root, COINS) == (1, f"{COINS}:{line_of(text, DOGE)}: error: {NEW_TOKEN}\n"
                                         "1 error, 0 warnings in 1 file\n")


def test_the_new_token_rule_counts_a_listing_still_to_come(tmp_path: Path) -> None:
    root, text = listed(tmp_path, "2026-12-01")
    code, out = run_check(root, COINS)
    assert (code, out) == (1, (
        f"{COINS}:{line_of(text, DOGE)}: error: coin `DOGE`: listed on 2026-12-01, so until 2026-12-31 (30 "
        "days) a risk warning must name it, and none does; write one with `type: risk` and `coins: [DOGE]` "
        "(see \"Risk warnings\" in CONTRIBUTING.md)\n1 error, 0 warnings in 1 file\n"))


def test_a_risk_warning_naming_the_new_coin_satisfies_the_rule(tmp_path: Path) -> None:
    root, _ = listed(tmp_path, "2026-11-15", {"en/announcements/doge-new-listing.md": DOGE_RISK})
    assert run_check(root, COINS) == (0, "no problems in 1 file\n")


def test_the_new_token_rule_ends_30_days_after_the_listing(tmp_path: Path) -> None:
    root, _ = listed(tmp_path, "2026-11-15")
    assert run_check(root, COINS, today="2026-12-15")[0] == 1  # the last day it applies
    assert run_check(root, COINS, today="2026-12-16") == (0, "no problems in 1 file\n")


# -- starting one ------------------------------------------------------------------

def test_new_risk_warning_needs_its_coins_and_passes_check(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {})
    args = ["new", "--root", str(root), "--today", TODAY, "--category", "deposits-withdrawals",
            "--type", "risk", "memo-warning"]
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        assert main(args) == 2
    assert err.getvalue() == ("helpcentre new: error: --coins SYMBOL ... is required for a risk warning: the "
                              "coins it warns about (add `networks:` to the file afterwards to narrow it to "
                              "some networks)\n")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main([*args, "--coins", "XRP"]) == 0
    code, out = run_check(root, "content/en/deposits-withdrawals/memo-warning.md")
    assert code == 0 and out.endswith("0 errors, 1 warning in 1 file\n") and "still the skeleton" in out
