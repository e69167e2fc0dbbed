"""The Content-Security-Policy, enforced by a real browser (helpcentre.site.csp).

Every page carries the policy in a <meta> tag; Chromium reports each thing it
refuses as a `securitypolicyviolation` event (recorded from before the first
script runs) and a console error. The site must still work fully under it
(Material's scripts, search, the language switcher). Markup a writer puts into
an article is removed by the safety gate before the page is written (and the
build is refused); the policy is the second wall, so it is tested on a page
where the same markup is put back after the build, as if the gate had a hole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

import browser_support as bs
from conftest import SAMPLE_ARTICLES, build_site, write_site
from helpcentre.site import csp

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

bs.require_browser()

ARTICLE = "deposits-withdrawals/deposit-not-arrived/"
PAGES = {"home": "", "category": "deposits-withdrawals/", "coin": "coins/usdt/",
         "article": ARTICLE, "contact": "contact/"}
# An article whose Markdown carries raw HTML that would run script or style if
# the policy let it; the page must still show the text.
HOSTILE = "security/hostile/"
PAST_THE_GATE = "security/past-the-gate/"
MARKUP = """<script>window.hcPwned = "inline script";</script>
<img src="data:," alt="" onerror="window.hcPwned = 'handler'">
<p style="color: red" id="hc-styled">Styled by an attribute.</p>
"""
HOSTILE_ARTICLES = {**SAMPLE_ARTICLES, "en/security/hostile.md": """\
    ---
    title: Hostile markup
    summary: Raw HTML in Markdown must not run.
    type: guide
    reviewed: 2026-11-01
    owner: "@kestrel/security"
    ---
    Before the markup.

    <script>window.hcPwned = "inline script";</script>

    <img src="data:," alt="" onerror="window.hcPwned = 'handler'">

    <p style="color: red" id="hc-styled">Styled by an attribute.</p>

    After the markup.
    """}

# Recorded from before the page's first script, for every frame and reload.
RECORD_VIOLATIONS = """
window.hcViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.hcViolations.push({directive: e.effectiveDirective, blocked: e.blockedURI,
                            sample: e.sample, source: e.sourceFile, line: e.lineNumber});
});
"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = write_site(tmp_path_factory.mktemp("csp") / "site", HOSTILE_ARTICLES)
    # Not strict: then every language is written before the gate refuses the build.
    with pytest.raises(Exception, match="Aborted with a BuildError"):
        build_site(root, strict=False)
    site = root / "build" / "site"
    page = (site / HOSTILE / "index.html").read_text(encoding="utf-8")
    assert "hcPwned" not in page and "hc-styled" not in page  # the gate removed the markup
    past = site / PAST_THE_GATE / "index.html"
    past.parent.mkdir(parents=True)
    past.write_text(page.replace("<p>After the markup.</p>", MARKUP + "<p>After the markup.</p>"),
                    encoding="utf-8")
    with bs.serve(site) as url:
        yield url


@pytest.fixture
def page_log() -> bs.PageLog:
    return bs.PageLog()


@pytest.fixture
def page(browser: Browser, page_log: bs.PageLog, request: pytest.FixtureRequest) -> Iterator[Page]:
    with bs.open_tab(browser, bs.DESKTOP, page_log, request, RECORD_VIOLATIONS) as tab:
        yield tab


visit = bs.visit


def violations(page: Page) -> list[dict[str, Any]]:
    return page.evaluate("window.hcViolations")


def material_ran(page: Page) -> bool:
    """Material's bundle swaps the <html> class no-js for js when it starts."""
    classes = (page.locator("html").get_attribute("class") or "").split()
    return "js" in classes and "no-js" not in classes


def policy_of(page: Page) -> str:
    meta = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert meta.count() == 1
    return meta.get_attribute("content") or ""


def test_the_policy_is_the_first_thing_in_head(page: Page, base_url: str) -> None:
    """A <meta> policy only covers what comes after it: nothing may run before."""
    visit(page, base_url + ARTICLE)
    first = page.evaluate("""() => Array.from(document.head.children).slice(0, 2)
        .map(e => e.outerHTML.split(" content=")[0])""")
    assert first == ['<meta charset="utf-8">', '<meta http-equiv="Content-Security-Policy"']
    policy = policy_of(page)
    assert csp.PLACEHOLDER not in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    # Material's two inline scripts, each allowed by its own hash and nothing else.
    assert policy.count("'sha256-") == 2


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_works_with_no_violation(page: Page, page_log: bs.PageLog, base_url: str,
                                            kind: str, lang: str) -> None:
    visit(page, base_url + ("" if lang == "en" else f"{lang}/") + PAGES[kind])
    assert "'self'" in policy_of(page)
    # Material's bundle ran: it swaps the no-js class and builds the header's search.
    assert material_ran(page)
    assert page.evaluate("typeof __md_get") == "function"  # its inline <head> script ran
    assert violations(page) == []
    assert page_log.errors() == []
    assert page_log.foreign_requests() == []


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("en", "deposit", "My deposit has not arrived"),
    ("zh", "txid", "充值未到账"),
])
def test_search_returns_results_under_the_policy(page: Page, page_log: bs.PageLog, base_url: str,
                                                 lang: str, query: str, expected: str) -> None:
    visit(page, base_url + ("" if lang == "en" else f"{lang}/") + ARTICLE)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially(query)
    first = page.locator(".md-search-result__item").first
    first.wait_for()
    assert expected in page.locator(".md-search-result").inner_text()
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    assert page_log.errors() == []


def test_language_switcher_works_under_the_policy(page: Page, page_log: bs.PageLog,
                                                  base_url: str) -> None:
    visit(page, base_url + ARTICLE)
    page.locator(".md-header__option .md-select > button").click()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(base_url + "zh/" + ARTICLE)
    assert page.locator(".hc-article h1").inner_text() == "充值未到账"
    assert violations(page) == []
    assert page_log.errors() == []


def test_markup_a_writer_adds_is_removed(page: Page, page_log: bs.PageLog, base_url: str) -> None:
    visit(page, base_url + HOSTILE)
    assert page.get_by_text("After the markup.").is_visible()
    assert page.evaluate("window.hcPwned") is None
    assert page.locator("#hc-styled").count() == 0
    assert violations(page) == []  # nothing left for the policy to refuse
    assert material_ran(page)
    assert page_log.page_errors == []


def test_the_policy_refuses_markup_that_gets_past_the_gate(page: Page, page_log: bs.PageLog,
                                                           base_url: str) -> None:
    visit(page, base_url + PAST_THE_GATE)
    assert page.locator(".hc-article h1").inner_text() == "Hostile markup"
    assert page.get_by_text("After the markup.").is_visible()
    assert page.evaluate("window.hcPwned") is None  # neither the script nor the handler ran
    assert page.locator("#hc-styled").evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    refused = sorted({v["directive"] for v in violations(page)})
    assert refused == ["script-src-attr", "script-src-elem", "style-src-attr"]
    # The page's own scripts still ran: only the writer's markup was refused.
    assert material_ran(page)
    assert page_log.page_errors == []
