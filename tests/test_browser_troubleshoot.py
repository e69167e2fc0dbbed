"""Troubleshooters and the glossary in a real browser (issue 16), at phone size.

A reader whose deposit has not arrived walks the starter content's deposit
troubleshooter to a ticket already holding the coin, the network and the list
of details to bring (TxID and amount among them), in English and in Chinese.
Each answer is a link to the next step's #anchor; CSS shows the targeted step
only, so the walk is the same with JavaScript off, and the back button goes
back one answer. Built on conftest's STARTER_TODAY (2026-12-07), when the TRX notice
suspends USDT deposits on TRC20: picking that network stops at its status first.
The glossary page of each language is in that language's order, and a term in
an article links to its entry.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

import browser_support as bs
from conftest import REPO, STARTER_TODAY, build_site, write_site
from helpcentre.content.glossary import load_glossary
from helpcentre.content.project import load_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

bs.require_browser()

from playwright.sync_api import expect  # noqa: E402 - only once the browser is known to be there

NARROW = {"width": 320, "height": 568}
PROGRESS = {"en": "Step {step} of at most {most}", "zh": "第 {step} 步，最多 {most} 步"}
WAIT = {"en": "about 20 minutes", "zh": "约 20分钟"}  # Bitcoin: 2 confirmations of ~600 s


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = write_site(tmp_path_factory.mktemp("trees") / "site", {})
    shutil.rmtree(root / "content")
    shutil.copytree(REPO / "content", root / "content")
    with bs.serve(build_site(root, today=STARTER_TODAY)) as url:
        yield url


def open_page(browser: Browser, viewport: dict[str, int], *, javascript: bool) -> Page:
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    return context.new_page()


def shown_step(page: Page) -> str:
    """The one step on screen: exactly one section is visible at any time."""
    visible = page.locator("section.hc-ts-step:visible")
    expect(visible).to_have_count(1)
    return visible.get_attribute("data-hc-step") or ""


def answer(page: Page, n: int) -> str:
    """Click the n-th answer (1-based) of the step on screen; return the step shown next."""
    page.locator("section.hc-ts-step:visible ul.hc-ts-choices a").nth(n - 1).click()
    return shown_step(page)


def pick(page: Page, label: str) -> str:
    page.locator("section.hc-ts-step:visible ul.hc-ts-choices a", has_text=label).click()
    return shown_step(page)


def progress(page: Page) -> str:
    return page.locator("section.hc-ts-step:visible .hc-ts-progress").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_deposit_walk_ends_in_a_filled_ticket(browser: Browser, site_url: str, lang: str,
                                               javascript: bool) -> None:
    page = open_page(browser, bs.PHONE, javascript=javascript)
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(f"{site_url}{prefix}troubleshoot/deposit/")
    assert shown_step(page) == "start"
    assert progress(page) == PROGRESS[lang].format(step=1, most=5)
    questions = 1
    assert answer(page, 1) == "network"  # the sending platform shows it completed
    questions += 1
    assert progress(page) == PROGRESS[lang].format(step=2, most=5)
    assert pick(page, "BTC · Bitcoin") == "explorer--btc-btc"
    questions += 1
    assert progress(page) == PROGRESS[lang].format(step=3, most=5)
    assert answer(page, 1) == "waited--btc-btc"  # confirmed
    questions += 1
    assert answer(page, 2) == "details--btc-btc"  # more than an hour ago
    questions += 1
    assert progress(page) == PROGRESS[lang].format(step=5, most=5)
    assert answer(page, 1) == "details--1--btc-btc"  # address and memo match: a ticket
    assert questions <= 5
    ticket = page.locator("section.hc-ts-step:visible a[data-hc-ts-ticket]")
    expect(ticket).to_be_visible()
    query = parse_qs(urlsplit(ticket.get_attribute("href") or "").query)
    assert query["coin"] == ["BTC"] and query["network"] == ["BTC"]
    assert query["article"] == ["deposit"] and query["lang"] == [lang]
    assert {"txid", "amount", "coin_network"} <= set(query["details"][0].split(","))
    items = page.locator("section.hc-ts-step:visible ul.hc-ts-prepare li")
    assert items.count() == len(query["details"][0].split(","))
    # The back button goes back one answer, to the same step.
    page.go_back()
    assert shown_step(page) == "details--btc-btc"
    page.go_back()
    assert shown_step(page) == "waited--btc-btc"
    page.context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pending_deposit_learns_how_long_to_wait(browser: Browser, site_url: str, lang: str) -> None:
    page = open_page(browser, NARROW, javascript=False)
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(f"{site_url}{prefix}troubleshoot/deposit/")
    answer(page, 1)
    pick(page, "BTC · Bitcoin")
    assert answer(page, 2) == "explorer--2--btc-btc"  # pending on the explorer
    wait = page.locator("section.hc-ts-step:visible [data-hc-wait]")
    expect(wait).to_contain_text(WAIT[lang])
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    page.context.close()


def test_a_suspended_network_says_so_before_the_next_question(browser: Browser, site_url: str) -> None:
    page = open_page(browser, bs.PHONE, javascript=True)
    page.goto(f"{site_url}troubleshoot/deposit/")
    answer(page, 1)
    assert pick(page, "USDT · TRON (TRC20)") == "network--status--usdt-trc20"
    status = page.locator("section.hc-ts-step:visible")
    expect(status).to_contain_text("Deposits: suspended")
    expect(status.locator("a", has_text="TRON network upgrade")).to_be_visible()
    status.locator("a.md-button").click()
    assert shown_step(page) == "explorer--usdt-trc20"
    page.context.close()


def test_troubleshooters_are_reachable_from_home_topic_and_contact(browser: Browser, site_url: str) -> None:
    page = open_page(browser, bs.PHONE, javascript=True)
    for path, expected in (("", 6), ("deposits-withdrawals/", 4), ("contact/", 6), ("zh/", 6)):
        page.goto(f"{site_url}{path}")
        expect(page.locator("[data-hc-trees] li")).to_have_count(expected)
    page.goto(f"{site_url}deposits-withdrawals/deposit-not-arrived/")
    related = page.locator(".hc-related li").first
    expect(related).to_contain_text("My deposit hasn't arrived")
    related.locator("a").click()
    assert page.url.endswith("/troubleshoot/deposit/")
    assert shown_step(page) == "start"
    page.context.close()


# -- the glossary -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh", "ja", "ko"])
def test_the_glossary_page_is_in_the_languages_order(browser: Browser, site_url: str, lang: str) -> None:
    glossary, problems = load_glossary(load_project(REPO))
    assert problems == []
    page = open_page(browser, NARROW, javascript=True)
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(f"{site_url}{prefix}glossary/")
    shown = page.locator("[data-hc-term]").evaluate_all("(els) => els.map((e) => e.id)")
    assert shown == [entry.id for entry, _ in glossary.ordered(lang)]
    assert len(shown) >= 30
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
    page.context.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_term_in_an_article_links_to_its_entry(browser: Browser, site_url: str, lang: str) -> None:
    page = open_page(browser, bs.PHONE, javascript=True)
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(f"{site_url}{prefix}deposits-withdrawals/deposit-not-arrived/")
    terms = page.locator(".hc-body a.hc-term")
    ids = terms.evaluate_all("(els) => els.map((e) => e.hash.slice(1))")
    assert "txid" in ids and len(ids) == len(set(ids))  # each term once: its first use
    txid = page.locator(".hc-body a.hc-term[href$='#txid']")
    assert txid.get_attribute("title")  # the definition, on hover
    txid.click()
    assert page.url.endswith(f"/{prefix}glossary/#txid")
    expect(page.locator("#txid")).to_be_in_viewport()
    page.context.close()


# -- accessibility ---------------------------------------------------------------------

AXE_PAGES = ("troubleshoot/deposit/",                            # the first question
             "troubleshoot/deposit/#network--status--usdt-trc20",  # a network's status stop
             "troubleshoot/deposit/#details--1--btc-btc",          # a ticket ending
             "glossary/")


@pytest.mark.parametrize("viewport", [NARROW, bs.DESKTOP], ids=["320", "1280"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_troubleshooter_and_glossary_pages_have_no_axe_violations(browser: Browser, site_url: str,
                                                                  lang: str, viewport: dict[str, int]) -> None:
    page = open_page(browser, viewport, javascript=True)
    prefix = "" if lang == "en" else f"{lang}/"
    found = {}
    for path in AXE_PAGES:
        page.goto(f"{site_url}{prefix}{path}")
        found[path] = bs.axe_violations(page)
    assert found == {path: [] for path in AXE_PAGES}
    page.context.close()
