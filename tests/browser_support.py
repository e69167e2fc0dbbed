"""What the real-browser tests (tests/test_browser.py) need besides the tests.

Debian's chromium driven by Playwright for Python, a built fixture site served
on 127.0.0.1, a log of what each page requested and complained about, and
axe-core read from node_modules (installed by `npm ci` from package.json).

It is also a small pytest plugin (test_browser.py lists it in
``pytest_plugins``): the report hook below lets a fixture know whether its test
failed, so it can save a screenshot for CI. PYTEST_DONT_REWRITE: test_browser.py
imports this module before pytest registers it as a plugin, and it has no
asserts to rewrite, so pytest is told not to warn about that.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from helpcentre.bench.serve import serve  # noqa: F401 - the tests call it as bs.serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Response

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright's own download is never used
# No sandbox: CI runs as root in a container. The rest keeps chromium from
# calling Google on its own, so the request log holds only what the page asked for.
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update"]
PHONE = {"width": 390, "height": 844}  # an iPhone 12-15 in CSS pixels
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"  # git-ignored; CI uploads it
REQUIRE_ENV = "HELPCENTRE_REQUIRE_BROWSER"

# Material's language-selector script (integrations/alternate) fetches
# "<href>/sitemap.xml" for every <link rel="alternate"> in <head>. Our hreflang
# alternates point at pages and language folders, which have no sitemap, so
# each page load logs one 404 per alternate. Harmless to readers (Material
# catches the error), but console noise and wasted requests: see the report of
# issue 8 for the proposed fix. Only this exact noise is tolerated.
MATERIAL_SITEMAP_404 = re.compile(r"^/.+/sitemap\.xml$")  # never the root sitemap


def browser_required() -> bool:
    """CI sets HELPCENTRE_REQUIRE_BROWSER=1 so a missing browser fails instead of skipping."""
    return os.environ.get(REQUIRE_ENV) == "1"


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} not found (apt-get install chromium)"
    return None


def require_browser() -> None:
    """At module level: skip the module without Chromium, or fail when CI requires it."""
    reason = missing_browser()
    if reason:
        if browser_required():
            pytest.fail(f"{REQUIRE_ENV}=1 but {reason}", pytrace=False)
        pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, one per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def open_tab(browser: Browser, viewport: dict[str, int], page_log: PageLog,
             request: pytest.FixtureRequest, init_script: str | None = None) -> Iterator[Page]:
    """A fresh browser context and tab whose requests ``page_log`` records.

    When the test failed, a full-page screenshot is kept in ARTIFACTS.
    """
    context = browser.new_context(viewport=viewport)
    if init_script:
        context.add_init_script(init_script)
    tab = context.new_page()
    page_log.attach(tab)
    try:
        yield tab
    finally:
        if call_failed(request.node):
            ARTIFACTS.mkdir(exist_ok=True)
            tab.screenshot(path=ARTIFACTS / artifact_name(request.node.name), full_page=True)
        context.close()


def visit(page: Page, url: str) -> None:
    """Open a page and let Material's scripts finish (search index, sitemaps)."""
    page.goto(url)
    page.wait_for_load_state("networkidle")


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as shown, one "rule on element" each
    (skips, or fails when a browser is required, without `npm ci`'s axe-core)."""
    if not AXE_JS.is_file():
        skip_or_fail(f"{AXE_JS} is missing: run `npm ci`")
    # evaluate, not add_script_tag: the page's CSP refuses inline <script> tags
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    # Contrast is judged on the page at rest: a fade still running (Material's
    # header swaps in the page title with one after a jump to an anchor) has
    # colours half way, and axe once flagged that title here. Two frames for a
    # fade to start, then up to 2 s for every one to end.
    return page.evaluate("""async () => {
        const frame = () => new Promise(done => requestAnimationFrame(() => done()));
        await frame();
        await frame();
        for (let waited = 0; waited < 2000; waited += 50) {
            if (document.getAnimations().every(a => a.playState !== "running")) break;
            await new Promise(done => setTimeout(done, 50));
        }
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.flatMap(v => v.nodes.map(n => v.id + " on " + n.target.join(" ")));
    }""")


def skip_or_fail(reason: str) -> None:
    if browser_required():
        pytest.fail(f"{REQUIRE_ENV}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class PageLog:
    """Everything a page asked for and everything it complained about."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[tuple[str, str]] = field(default_factory=list)  # (text, url)
    page_errors: list[str] = field(default_factory=list)  # uncaught exceptions
    tolerated: list[str] = field(default_factory=list)  # Material's sitemap 404s

    def attach(self, page: Page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("response", self._response)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        self.console_errors.append((message.text, message.location.get("url", "")))

    def _response(self, response: Response) -> None:
        if response.status == 404 and MATERIAL_SITEMAP_404.search(urlsplit(response.url).path):
            self.tolerated.append(response.url)

    def errors(self) -> list[str]:
        """Console errors and uncaught exceptions, less the tolerated sitemap 404s."""
        console = [f"{text} (at {url})" for text, url in self.console_errors
                   if not (text.startswith("Failed to load resource") and url in self.tolerated)]
        return console + [f"uncaught: {e}" for e in self.page_errors]

    def foreign_requests(self) -> list[str]:
        """Requests that leave the machine: any host but 127.0.0.1 (data: and blob: stay)."""
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob")
                and urlsplit(url).hostname != "127.0.0.1"]


def artifact_name(nodeid_name: str) -> str:
    """A file name from a test name such as ``test_home[phone-zh]``."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid_name).strip("_") + ".png"


# The report of each phase, so a fixture's teardown can tell whether the test failed.
PHASE_REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    item.stash.setdefault(PHASE_REPORTS, {})[report.when] = report
    return report


def call_failed(item: pytest.Item) -> bool:
    report = item.stash.get(PHASE_REPORTS, {}).get("call")
    return report is not None and report.failed
