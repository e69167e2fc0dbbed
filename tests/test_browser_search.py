"""Search in a real browser: typed into Material's search box on the built
starter content, in Chinese (Simplified and Traditional), Japanese and
Korean, the expected article is first, and the Python query over the same
index agrees with the browser.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

import browser_support as bs
from conftest import REPO, STARTER_TODAY, build_site, write_site

pytestmark = pytest.mark.browser
pytest_plugins = ["browser_support"]

bs.require_browser()

from playwright.sync_api import Browser, Page  # noqa: E402

# (language, what a reader types, the article that must come first)
QUERIES = [
    ("zh", "充值没到账", "deposit-not-arrived"),
    ("zh", "充值沒到賬", "deposit-not-arrived"),  # Traditional characters, as typed in Taiwan
    ("ja", "メモを忘れた", "missing-memo-or-tag"),
    ("ko", "2단계 인증 분실", "lost-2fa-device"),
    ("en", "withdrawal stuck in review", "withdrawal-pending-review"),
]


@pytest.fixture(scope="module")
def starter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own articles, built like CI builds them."""
    root = write_site(tmp_path_factory.mktemp("starter") / "site", {})
    shutil.rmtree(root / "content")
    shutil.copytree(REPO / "content", root / "content")
    return build_site(root, today=STARTER_TODAY)


@pytest.fixture(scope="module")
def site_url(starter_site: Path) -> Iterator[str]:
    with bs.serve(starter_site) as url:
        yield url


def search(browser: Browser, url: str, query: str) -> list[str]:
    """Type like a reader and return the result links, best first."""
    context = browser.new_context(viewport=bs.DESKTOP)
    page: Page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.press_sequentially(query)
        # Material searches on keyup, which typed CJK characters do not send here.
        box.press("End")
        page.locator(".md-search-result__item").first.wait_for()
        return settled_links(page)
    finally:
        context.close()


def settled_links(page: Page, quiet_ms: int = 500, limit_ms: int = 10_000) -> list[str]:
    """The result links once the list has stopped changing.

    Each keystroke sends a query; the list first shows the results of a
    shorter prefix and is replaced when the last query's answer arrives, so
    reading it at the first result would read a prefix's ranking.
    """
    def links() -> list[str]:
        return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__link").all()]

    current, quiet, waited = links(), 0, 0
    while quiet < quiet_ms and waited < limit_ms:
        page.wait_for_timeout(100)
        waited += 100
        latest = links()
        quiet = quiet + 100 if latest == current else 0
        current = latest
    assert quiet >= quiet_ms, f"the result list kept changing for {limit_ms} ms"
    return current


@pytest.mark.parametrize(("lang", "query", "expected"), QUERIES, ids=[q[1] for q in QUERIES])
def test_typed_query_finds_the_article_first(browser: Browser, site_url: str, lang: str, query: str,
                                            expected: str) -> None:
    home = site_url + ("" if lang == "en" else f"{lang}/")
    links = search(browser, home, query)
    assert links, f"no results for {query!r}"
    assert f"/{expected}/" in links[0], links[:3]
    # Results come from the reader's language only.
    if lang != "en":
        assert all(f"/{lang}/" in link for link in links), links


def test_browser_and_command_line_agree(browser: Browser, site_url: str) -> None:
    """The same index queried from Python gives the same top results."""
    from helpcentre.cli import main

    for lang, query, _expected in QUERIES:
        links = search(browser, site_url + ("" if lang == "en" else f"{lang}/"), query)
        browser_ids = [urlsplit(link).path.rstrip("/").split("/")[-1] for link in links[:3]]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["search", query, "--lang", lang, "--limit", "3", "--today", STARTER_TODAY, "--root", str(REPO)])
        ranked = [line for line in out.getvalue().splitlines() if re.match(r" *\d+\. ", line)]
        cli_ids = [line.split()[1] for line in ranked]
        assert browser_ids == cli_ids, (lang, query)


# (language, viewport, what a reader types, the line under the results, the words the command names)
MISSING = [
    ("en", bs.PHONE, "cant log in forgot pw",
     "No article uses: pw. Try other words. Tell us what you were looking for", ["pw"]),
    ("zh", {"width": 320, "height": 700}, "充值 减产周期",
     "没有文章用到：减产周期。换个说法试试。 告诉我们您在找什么", ["减产周期"]),
]


@pytest.mark.parametrize(("lang", "viewport", "query", "line", "words"), MISSING, ids=[m[0] for m in MISSING])
def test_the_words_no_article_uses_are_named_under_the_results(
        browser: Browser, site_url: str, lang: str, viewport: dict[str, int], query: str, line: str,
        words: list[str]) -> None:
    """Under the result count: the words to put another way, and "tell us" with the query filled in."""
    from helpcentre.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["search", query, "--lang", lang, "--json", "--today", STARTER_TODAY, "--root", str(REPO)])
    assert json.loads(out.getvalue())["missing"] == words  # the page says what the command says
    context = browser.new_context(viewport=viewport)
    page: Page = context.new_page()
    try:
        page.goto(site_url + ("" if lang == "en" else f"{lang}/"))
        page.wait_for_load_state("networkidle")
        page.keyboard.press("/")
        box = page.locator("input.md-search__input")
        box.press_sequentially(query)
        box.press("End")
        missing = page.locator(".md-search-result .hc-search-missing")
        missing.wait_for(state="visible")
        assert missing.inner_text().replace("\n", " ") == line
        href = missing.locator("a").get_attribute("href") or ""
        assert "reason=not-found" in href and f"query={quote(query)}" in href, href
        # Inside the result panel, no wider than the screen.
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= viewport["width"]
        # Words every article has: no line. An emptied box: no line either.
        box.fill("")
        box.press_sequentially("deposit" if lang == "en" else "充值")
        box.press("End")
        page.wait_for_timeout(1000)
        assert not missing.is_visible()
        box.fill("")
        box.press("End")
        page.wait_for_timeout(600)
        assert not missing.is_visible()
    finally:
        context.close()
