"""What a reader sees (issue 14), in a real browser at 320, 390 and 1280 px wide.

The repository's own starter content is built once for the module, on
conftest's STARTER_TODAY (2026-12-07), when both of its notices are current: TRX/TRC20
deposits and withdrawals until 2026-12-10, TON deposits until 2027-01-20.

It is served the way GitHub Pages serves it: a missing address answers 404
with the site's root /404.html, whose script sends a reader under /<lang>/ on
to that language's own 404 page.

Every page visited must load without a console error or a refused
Content-Security-Policy (recorded from before the page's first script runs).
Run only these with ``pytest -m browser``; a failing test leaves a screenshot
in test-artifacts/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import browser_support as bs
from conftest import REPO, STARTER_TODAY, build_site, write_site
from helpcentre.content import paths
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest_plugins = ["browser_support"]  # the report hook behind failure screenshots
pytestmark = pytest.mark.browser

bs.require_browser()

from playwright.sync_api import expect  # noqa: E402 - only once the browser is known to be there

PROJECT = load_project(REPO)
REGISTRY = load_registry(PROJECT)
LANGS = PROJECT.codes  # from mkdocs.yml, never a list kept here
NARROW = {"width": 320, "height": 568}  # the narrowest phone still sold (iPhone SE, 1st gen)
WIDTHS = {"320": NARROW, "390": bs.PHONE, "1280": bs.DESKTOP}

# The home page's "Top questions", pinned as a reader sees them: (address, title).
# Chinese readers have their own order in site.yml (`top_questions: zh:`).
TOP = {
    "en": [
        ("deposits-withdrawals/deposit-not-arrived/", "My deposit hasn't arrived"),
        ("deposits-withdrawals/withdrawal-not-arrived/", "My withdrawal hasn't arrived"),
        ("deposits-withdrawals/wrong-network-deposit/", "I deposited on the wrong network"),
        ("deposits-withdrawals/missing-memo-or-tag/", "I forgot the memo or tag on my deposit"),
        ("deposits-withdrawals/withdrawal-pending-review/", "My withdrawal is pending review"),
        ("security/lost-2fa-device/", "Lost your 2FA device"),
        ("account/verification-failed/", "Why did my verification fail?"),
        ("security/recognise-scams/", "How to recognise scams"),
    ],
    "zh": [
        ("deposits-withdrawals/withdrawal-not-arrived/", "提现未到账怎么办"),
        ("deposits-withdrawals/deposit-not-arrived/", "充值未到账怎么办"),
        ("deposits-withdrawals/wrong-network-deposit/", "充值选错网络怎么办"),
        ("account/verification-failed/", "身份认证为什么失败？"),
        ("deposits-withdrawals/withdrawal-pending-review/", "提现一直显示审核中"),
        ("security/recognise-scams/", "如何识别诈骗"),
        ("security/lost-2fa-device/", "丢失 2FA 设备怎么办"),
        ("deposits-withdrawals/missing-memo-or-tag/", "充值忘填 Memo 或标签怎么办"),
    ],
}
HELP_TOP = 5  # helpcentre.site.views.HELP_TOP_LIMIT: top questions under an empty search and on 404

# Long articles with Markdown tables and long words (addresses, TxIDs, URLs).
LONG_ARTICLES = ("deposits-withdrawals/missing-memo-or-tag/", "fees/withdrawal-fees-and-minimums/",
                 "announcements/trx-network-upgrade/")
# Every page the plugin generates (the 404 page is added per language), then the long articles.
# Every page the site generates (content/paths.generated), as addresses below a language.
GENERATED = tuple("" if url == "./" else url for _, _, url in paths.generated(
    "en", "en", [c.id for c in REGISTRY.categories], list(REGISTRY.coins)))
# At 390 and 1280 px: one of each kind of page, in three scripts (Latin, Han, Cyrillic).
SAMPLE = ("", "contact/", "status/", "verify/", "deposits-withdrawals/", "coins/usdt/", "404.html",
          *LONG_ARTICLES)
SAMPLE_LANGS = ("en", "zh", "ru")

NOTICE_ARTICLE = "deposits-withdrawals/withdrawal-not-arrived/"
TRX_NOTICE = "announcements/trx-network-upgrade/"
TON_NOTICE = "announcements/ton-network-maintenance/"
WRONG_NETWORK = "deposits-withdrawals/wrong-network-deposit/"
TICKET_FORM = "https://support.kestrel.example/requests/new"
NO_RESULTS = "zzqx staking rewards"

# Recorded from before the page's first script, for every document the tab loads.
RECORD_VIOLATIONS = """
window.hcViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.hcViolations.push(e.effectiveDirective + " refused " + e.blockedURI + " at " + e.sourceFile);
});
"""

# How wide the page is, and which element reaches furthest past the right edge
# without a box of its own that scrolls or clips it (the culprit to report).
MEASURE_OVERFLOW = """() => {
  const width = window.innerWidth;
  const contained = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return true;
    }
    return false;
  };
  const describe = (el) => {
    const classes = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const id = el.id ? "#" + el.id : "";
    return el.tagName.toLowerCase() + id + classes + " " + JSON.stringify((el.textContent || "").trim().slice(0, 50));
  };
  let widest = null;
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 0.5 || contained(el)) continue;
    if (!widest || box.right > widest.right) widest = {right: Math.round(box.right), element: describe(el)};
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, widest: widest};
}"""


def prefix(lang: str) -> str:
    return "" if lang == PROJECT.default_language else f"{lang}/"


def notfound_page(lang: str) -> str:
    """Each language's own 404 page; the default language's is the site-wide /404.html."""
    return prefix(lang) + "404.html"


@pytest.fixture(scope="module")
def starter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own articles and data, built like CI builds them.

    The whole content folder is copied over the fixture's, so site.yml comes
    back with the `top_questions` that write_site drops for fixture sites.
    """
    root = write_site(tmp_path_factory.mktemp("reader") / "site", {})
    shutil.rmtree(root / "content")
    shutil.copytree(REPO / "content", root / "content")
    assert "top_questions:" in (root / "content" / "_data" / "site.yml").read_text(encoding="utf-8")
    return build_site(root, today=STARTER_TODAY)


class _PagesHandler(SimpleHTTPRequestHandler):
    """Like GitHub Pages: a missing address gets the site's root 404.html, with status 404."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        pass  # failed requests are in the page log

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != HTTPStatus.NOT_FOUND:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_like_pages(directory: Path) -> AbstractContextManager[str]:
    """bs.serve, with GitHub Pages' answer to a missing address."""
    return bs.serve(directory, _PagesHandler)


@pytest.fixture(scope="module")
def site_url(starter_site: Path) -> Iterator[str]:
    with serve_like_pages(starter_site) as url:
        yield url


@pytest.fixture
def page_log() -> bs.PageLog:
    return bs.PageLog()


@contextmanager
def tab(browser: Browser, viewport: dict[str, int], page_log: bs.PageLog, request: pytest.FixtureRequest,
        *, javascript: bool = True) -> Iterator[Page]:
    """bs.open_tab, with CSP violations recorded and optionally without JavaScript."""
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page_log.attach(page)
    try:
        yield page
    finally:
        if bs.call_failed(request.node):
            bs.ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=bs.ARTIFACTS / bs.artifact_name(request.node.name), full_page=True)
        context.close()


@pytest.fixture
def phone(browser: Browser, page_log: bs.PageLog, request: pytest.FixtureRequest) -> Iterator[Page]:
    with tab(browser, bs.PHONE, page_log, request) as page:
        yield page


def visit(page: Page, url: str, *, settle: bool = True) -> None:
    """Open a page (it must exist), let Material's scripts finish unless ``settle``
    is off, and check that the browser refused nothing under the page's policy."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, (url, response and response.status)
    if settle:
        page.wait_for_load_state("networkidle")
    assert page.evaluate("window.hcViolations") == [], url


# ---- Top questions ----------------------------------------------------------------

def test_pinned_top_questions_match_site_yml() -> None:
    """The lists below are the support team's (site.yml), and Chinese has its own order."""
    for lang, links in TOP.items():
        assert [url.rstrip("/").rsplit("/", 1)[1] for url, _ in links] == list(REGISTRY.site.top_for(lang))
    assert [url for url, _ in TOP["zh"]] != [url for url, _ in TOP["en"]]


@pytest.mark.parametrize("lang", list(TOP))
@pytest.mark.parametrize("width", list(WIDTHS))
def test_home_top_questions_in_site_yml_order(browser: Browser, page_log: bs.PageLog,
                                              request: pytest.FixtureRequest, site_url: str,
                                              width: str, lang: str) -> None:
    with tab(browser, WIDTHS[width], page_log, request) as page:
        home = site_url + prefix(lang)
        visit(page, home)
        links = page.locator("section[data-hc-top] ol > li > a")
        assert links.all_inner_texts() == [title for _, title in TOP[lang]]
        assert [a.get_attribute("href") for a in links.all()] == [url for url, _ in TOP[lang]]
        for link in links.all():
            expect(link).to_be_visible()
            box = link.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[width]["width"]
        url, title = TOP[lang][1]
        links.nth(1).click()
        page.wait_for_url(home + url)
        assert page.locator(".hc-article h1").inner_text() == title
        assert page.evaluate("window.hcViolations") == []
    assert page_log.errors() == []


# ---- Nothing scrolls sideways -------------------------------------------------------

def sideways(page: Page, url: str) -> str | None:
    """None when the page fits its window, else how far it reaches and its widest element."""
    visit(page, url, settle=False)  # layout is done at "load": no web fonts, no lazy content
    measured = page.evaluate(MEASURE_OVERFLOW)
    if measured["scrollWidth"] <= measured["innerWidth"]:
        return None
    return (f"{url}: {measured['scrollWidth']} px wide in a {measured['innerWidth']} px window; "
            f"widest: {measured['widest']}")


def pages_of(lang: str, rels: tuple[str, ...]) -> list[str]:
    return [notfound_page(lang) if rel == "404.html" else prefix(lang) + rel for rel in rels]


@pytest.mark.parametrize(("width", "lang", "rels"), [
    *[("320", lang, (*GENERATED, "404.html", *LONG_ARTICLES)) for lang in LANGS],
    *[(width, lang, SAMPLE) for width in ("390", "1280") for lang in SAMPLE_LANGS],
], ids=[*(f"320-{lang}-all" for lang in LANGS),
        *(f"{width}-{lang}-sample" for width in ("390", "1280") for lang in SAMPLE_LANGS)])
def test_no_page_scrolls_sideways(browser: Browser, page_log: bs.PageLog, request: pytest.FixtureRequest,
                                  site_url: str, width: str, lang: str, rels: tuple[str, ...]) -> None:
    """A table may scroll inside its own box; the page itself never scrolls sideways."""
    with tab(browser, WIDTHS[width], page_log, request) as page:
        too_wide = [problem for rel in pages_of(lang, rels) if (problem := sideways(page, site_url + rel))]
    assert too_wide == []
    assert page_log.errors() == []


def test_the_measure_finds_the_element_that_sticks_out(browser: Browser, page_log: bs.PageLog,
                                                       request: pytest.FixtureRequest, site_url: str) -> None:
    """The sweep above proves something only if the measure sees overflow when there is some."""
    with tab(browser, NARROW, page_log, request) as page:
        url = site_url + LONG_ARTICLES[0]
        assert sideways(page, url) is None
        page.evaluate("""() => {
          const wide = document.createElement("div");
          wide.id = "hc-wide";
          wide.textContent = "wide";
          wide.style.width = "900px";  // CSSOM, which the policy allows (unlike a style attribute)
          document.querySelector(".hc-body").appendChild(wide);
        }""")
        # 16 px: Material's margin left of the content at this width.
        assert page.evaluate(MEASURE_OVERFLOW) == {
            "scrollWidth": 916, "innerWidth": 320, "widest": {"right": 916, "element": 'div#hc-wide "wide"'}}
    assert page_log.errors() == []


def test_the_sweep_covers_every_generated_page() -> None:
    """9 topics (troubleshooters among them), 10 coins, the home, contact, status, verify and
    glossary pages, then the 404 page, in 6 languages."""
    assert (len(REGISTRY.categories), len(REGISTRY.coins), len(LANGS)) == (9, 10, 6)
    assert len(GENERATED) == 24


# ---- Network status (issue 15) --------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("viewport", ["390", "1280"])
def test_status_page_shows_what_is_suspended(browser: Browser, page_log: bs.PageLog,
                                              request: pytest.FixtureRequest, site_url: str,
                                              lang: str, viewport: str) -> None:
    with tab(browser, WIDTHS[viewport], page_log, request) as page:
        visit(page, site_url + ("" if lang == "en" else f"{lang}/") + "status/")
        rows = page.locator("tr[data-hc-network]")
        states = {(r.locator("th").inner_text().split(" · ")[0], r.get_attribute("data-hc-network")):
                  r.locator("td[data-hc-status]").get_attribute("data-hc-status") for r in rows.all()}
        assert len(states) == sum(len(c.networks) for c in REGISTRY.coins.values())
        assert states[("USDT", "TRC20")] == "deposit:suspended withdrawal:suspended"
        assert states[("TON", "TON")] == "deposit:suspended"
        assert states[("ETH", "ARB")] == "withdrawal:delayed"
        assert states[("BTC", "BTC")] == ""
        # The affected networks come first, where a phone shows them without scrolling.
        first = rows.first
        expect(first).to_be_in_viewport()
        assert first.locator("td[data-hc-status]").get_attribute("data-hc-status") != ""
        expect(page.locator("[data-hc-status-summary]")).to_have_text(
            "5 networks are not working normally." if lang == "en" else "有 5 个网络未正常运行。")
        assert page.evaluate(MEASURE_OVERFLOW)["scrollWidth"] <= WIDTHS[viewport]["width"]
    assert page_log.errors() == []


# ---- Notices where they matter ------------------------------------------------------

def test_notice_banner_on_an_affected_article(phone: Page, page_log: bs.PageLog, site_url: str) -> None:
    visit(phone, site_url + NOTICE_ARTICLE)
    banner = phone.locator('[data-hc-banner="notice"]')
    expect(banner).to_have_count(1)
    expect(banner).to_be_visible()
    assert banner.inner_text() == (
        "Notice: TRON network upgrade: TRX and USDT-TRC20 deposits and withdrawals suspended\n"
        "TRX, USDT · TRC20 · Deposits, Withdrawals · until December 10, 2026")
    banner.get_by_role("link").click()
    phone.wait_for_url(site_url + TRX_NOTICE)
    assert page_log.errors() == []


def test_notice_banners_and_marked_rows_on_the_coin_page(phone: Page, page_log: bs.PageLog,
                                                         site_url: str) -> None:
    visit(phone, site_url + "coins/usdt/")
    banners = phone.locator('[data-hc-banner="notice"]')
    expect(banners).to_have_count(2)
    for banner in banners.all():
        expect(banner).to_be_visible()
    assert [b.get_by_role("link").get_attribute("href") for b in banners.all()] == [
        "../../" + TON_NOTICE, "../../" + TRX_NOTICE]
    rows = phone.locator("table.hc-networks tbody tr")
    assert rows.locator("th").all_inner_texts() == ["TRON (TRC20)", "Ethereum (ERC20)", "Solana", "TON"]
    marked = phone.locator("table.hc-networks tr[data-hc-notice-row]")
    assert marked.locator("th").all_inner_texts() == ["TRON (TRC20)", "TON"]
    trc20 = marked.first
    expect(trc20).to_be_visible()
    # The notice carries `status: suspended`: the row says what is suspended, linked to it.
    assert trc20.locator("td[data-hc-status]").get_attribute("data-hc-status") == \
        "deposit:suspended withdrawal:suspended"
    status = trc20.locator(".hc-status--suspended a")
    assert status.all_inner_texts() == ["Deposits: suspended", "Withdrawals: suspended"]
    assert status.first.get_attribute("href") == "../../" + TRX_NOTICE
    # At phone size each row is a card as wide as the content, nothing cut off at the right.
    box = trc20.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= bs.PHONE["width"]
    assert trc20.evaluate("row => getComputedStyle(row).display") == "block"
    assert page_log.errors() == []


# ---- A search that finds nothing ------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("viewport", list(bs.VIEWPORTS))
def test_search_that_finds_nothing_helps(browser: Browser, page_log: bs.PageLog, request: pytest.FixtureRequest,
                                         site_url: str, viewport: str, lang: str) -> None:
    with tab(browser, bs.VIEWPORTS[viewport], page_log, request) as page:
        visit(page, site_url + prefix(lang))
        page.keyboard.press("/")  # Material's shortcut: opens search at every viewport
        page.locator("input.md-search__input").press_sequentially(NO_RESULTS)
        help_box = page.locator(".md-search-result [data-hc-search-help]")
        expect(help_box).to_be_visible()
        tell_us = help_box.locator("a[data-hc-tell-us]")
        # Each keystroke searches again; the link ends up with every word typed.
        expect(tell_us).to_have_attribute(
            "href", f"https://support.kestrel.example/feedback?lang={lang}&reason=not-found"
                    "&query=zzqx%20staking%20rewards")
        expect(tell_us).to_be_visible()
        assert help_box.locator("div > ul").first.locator("a").all_inner_texts() == [
            title for _, title in TOP[lang][:HELP_TOP]]
        contact = help_box.locator(".hc-search-help__actions a").first
        expect(contact).to_be_visible()
        assert contact.evaluate("a => a.href") == site_url + prefix(lang) + "contact/"
        assert page.evaluate("window.hcViolations") == []
    assert page_log.errors() == []


# ---- Not found ---------------------------------------------------------------------------

def test_chinese_404_page_helps_in_chinese(phone: Page, page_log: bs.PageLog, site_url: str) -> None:
    visit(phone, site_url + "zh/404.html")
    assert phone.locator("html").get_attribute("lang") == "zh"
    assert phone.locator(".hc-notfound h1").inner_text() == "找不到该页面"
    help_box = phone.locator(".hc-notfound [data-hc-search-help]")
    expect(help_box).to_be_visible()
    assert help_box.locator("h3").all_inner_texts() == ["热门问题", "按主题浏览"]
    assert help_box.locator("div > ul").first.locator("a").all_inner_texts() == [
        title for _, title in TOP["zh"][:HELP_TOP]]
    assert page_log.errors() == []


def test_missing_address_under_zh_ends_on_the_chinese_404_page(phone: Page, page_log: bs.PageLog,
                                                               site_url: str, starter_site: Path) -> None:
    missing = site_url + "zh/deposits-withdrawals/no-such-article/"
    answer = phone.request.get(missing)
    assert answer.status == 404
    assert answer.body() == (starter_site / "404.html").read_bytes()  # the site-wide, English page
    phone.goto(missing)
    phone.wait_for_url(site_url + "zh/404.html")
    phone.wait_for_load_state("networkidle")
    assert phone.locator("html").get_attribute("lang") == "zh"
    assert phone.locator(".hc-notfound h1").inner_text() == "找不到该页面"
    assert phone.evaluate("window.hcViolations") == []
    # The one error is the browser's note on the missing address itself.
    assert page_log.errors() == [
        f"Failed to load resource: the server responded with a status of 404 (Not Found) (at {missing})"]


def test_missing_address_outside_a_language_stays_on_the_english_404(phone: Page, page_log: bs.PageLog,
                                                                     site_url: str) -> None:
    missing = site_url + "deposits-withdrawals/no-such-article/"
    phone.goto(missing)
    phone.wait_for_load_state("networkidle")
    assert phone.url == missing
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.locator(".hc-notfound h1").inner_text() == "Page not found"
    assert page_log.errors() == [
        f"Failed to load resource: the server responded with a status of 404 (Not Found) (at {missing})"]


# ---- Prefilled ticket links ----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ticket_links_are_prefilled(phone: Page, page_log: bs.PageLog, site_url: str, lang: str) -> None:
    article = (f"{TICKET_FORM}?form=deposit-withdrawal&article=wrong-network-deposit&lang={lang}"
               "&category=deposits-withdrawals&coin=USDT%2CUSDC%2CETH")
    visit(phone, site_url + prefix(lang) + WRONG_NETWORK)
    in_body = phone.locator(f'.hc-body a[href^="{TICKET_FORM}"]')
    expect(in_body).to_have_count(1)
    expect(in_body).to_be_visible()
    assert in_body.get_attribute("href") == article
    button = phone.locator("a.hc-ticket")
    expect(button).to_be_visible()
    assert button.get_attribute("href") == article

    visit(phone, site_url + prefix(lang) + "contact/")
    row = phone.locator(f'table.hc-channels a[href^="{TICKET_FORM}"]')
    expect(row).to_have_count(1)
    expect(row).to_be_visible()
    assert row.get_attribute("href") == f"{TICKET_FORM}?lang={lang}&page=contact"

    visit(phone, site_url + prefix(lang) + "coins/usdt/")
    assert phone.locator("a.hc-ticket").get_attribute("href") == f"{TICKET_FORM}?lang={lang}&coin=USDT&page=coin"
    assert page_log.errors() == []


# ---- Was this helpful? ------------------------------------------------------------------------

@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_no_shows_the_reasons_and_unchecks_yes(browser: Browser, page_log: bs.PageLog,
                                               request: pytest.FixtureRequest, site_url: str,
                                               javascript: bool) -> None:
    """Radio buttons and CSS :checked only, so it works the same without JavaScript."""
    with tab(browser, bs.PHONE, page_log, request, javascript=javascript) as page:
        response = page.goto(site_url + NOTICE_ARTICLE)
        assert response is not None and response.status == 200
        # Material swaps the class no-js for js when its script runs.
        classes = (page.locator("html").get_attribute("class") or "").split()
        assert ("js" in classes, "no-js" in classes) == (javascript, not javascript)
        feedback = page.locator("section[data-hc-feedback]")
        yes, no = feedback.locator("#hc-feedback-yes"), feedback.locator("#hc-feedback-no")
        reasons, thanks = feedback.locator(".hc-feedback__no"), feedback.locator(".hc-feedback__yes")
        expect(reasons).to_be_hidden()
        expect(thanks).to_be_hidden()

        feedback.locator("label[for=hc-feedback-yes]").click()
        expect(yes).to_be_checked()
        expect(thanks).to_be_visible()
        expect(reasons).to_be_hidden()

        feedback.locator("label[for=hc-feedback-no]").click()
        expect(no).to_be_checked()
        expect(yes).not_to_be_checked()
        expect(reasons).to_be_visible()
        expect(thanks).to_be_hidden()
        assert [a.get_attribute("href") for a in reasons.locator("a").all()] == [
            f"https://support.kestrel.example/feedback?article=withdrawal-not-arrived&lang=en&reason={reason}"
            for reason in ("outdated", "unclear", "unsolved", "other")]
        if javascript:
            assert page.evaluate("window.hcViolations") == []
    assert page_log.errors() == []


# ---- The home page's search box, by keyboard ---------------------------------------------------

@pytest.mark.parametrize("viewport", list(bs.VIEWPORTS))
def test_home_search_box_by_tab_and_enter(browser: Browser, page_log: bs.PageLog, request: pytest.FixtureRequest,
                                          site_url: str, viewport: str) -> None:
    with tab(browser, bs.VIEWPORTS[viewport], page_log, request) as page:
        visit(page, site_url)
        box = page.locator(".hc-hero [data-hc-open-search]")
        before: list[str] = []  # what Tab reached first, in the page's content only
        for _ in range(20):
            page.keyboard.press("Tab")
            if box.evaluate("el => el === document.activeElement"):
                break
            before += page.evaluate("[document.activeElement].filter(el => el.closest('.md-content'))"
                                    ".map(el => el.outerHTML.slice(0, 80))")
        else:
            pytest.fail("20 presses of Tab never reached the search box")
        assert before == []  # the first thing in the content Tab reaches
        page.keyboard.press("Enter")
        expect(page.locator("input.md-search__input")).to_be_focused()
        assert page.locator("#__search").is_checked()
        assert page.evaluate("window.hcViolations") == []
    assert page_log.errors() == []
