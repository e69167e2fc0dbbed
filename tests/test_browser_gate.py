"""The safety gate, seen from a real browser: a hostile article does nothing.

One article carries a refresh to another site, a script that would load a
file next to it (content/en/security/x.js), an inline script and event
handlers. Built with x.js under content/, the build must fail and publish no
x.js. Built without it, the build must still fail (at the end, after writing
the pages, as tests/test_attack_corpus.py checks); x.js is then put next to the
written page by hand, so that a `<script src>` the gate let through would run.
That page, open in Chromium at phone and desktop width, must stay put, run
none of it and ask nothing of any host but ours.

Each `window.__pwned*` is watched by a setter installed before the page's
first script: an assignment is recorded in Python even when the page
navigates away right after (which a plain read of `window` afterwards would
miss). Requests to any other host are recorded, then aborted, so the test
never reaches the network.
"""

from __future__ import annotations

import contextlib
import json
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import browser_support as bs
from conftest import SAMPLE_ARTICLES, build_site, write_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

bs.require_browser()

HOSTILE = "security/gate-hostile/"
FLAGS = ("__pwned", "__pwned2", "__pwned3", "__pwned4")
HOSTILE_ARTICLES = {**SAMPLE_ARTICLES, "en/security/gate-hostile.md": """\
    ---
    title: Hostile markup for the gate
    summary: Raw HTML in Markdown must neither run nor navigate.
    type: guide
    reviewed: 2026-11-01
    owner: "@kestrel/security"
    ---
    Before the markup.

    <meta http-equiv="refresh" content="0;url=https://evil.example/">

    <script src="../x.js"></script>

    <script>window.__pwned2=1</script>

    <img src=x onerror="window.__pwned3=1" alt="">

    <p onclick="window.__pwned4=1" id="hc-click">Click here to verify.</p>

    After the markup.
    """}
# Published next to the article, ../x.js from its page would be same-origin
# (allowed by the CSP's script-src 'self'): the gate must not copy it.
SCRIPT_FILE = "en/security/x.js"
# Setters on window for every flag, reporting to Python (window.hcFlag is a
# binding exposed by the test); reading a flag gives back what was assigned.
WATCH_FLAGS = "for (const name of " + json.dumps(FLAGS) + """) {
  let value;
  Object.defineProperty(window, name, {
    configurable: true,
    get() { return value; },
    set(v) { value = v; window.hcFlag(name, String(v)); },
  });
}
"""
SCRIPT = "window.__pwned = 1;\n"
SETTLE_MS = 1500  # long enough for a 0-second refresh and a script file to load


@dataclass
class Site:
    dir: Path
    raised: BaseException | None


def _build(root: Path) -> Site:
    """Build, keeping the error the build must raise, so the pages are still tested."""
    try:
        return Site(build_site(root, strict=False), None)
    except Exception as exc:
        return Site(root / "build" / "site", exc)


@pytest.fixture(scope="module")
def site_with_script_file(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = write_site(tmp_path_factory.mktemp("gate-browser-js") / "site", HOSTILE_ARTICLES)
    (root / "content" / SCRIPT_FILE).write_text(SCRIPT, encoding="utf-8")
    return _build(root)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = _build(write_site(tmp_path_factory.mktemp("gate-browser") / "site", HOSTILE_ARTICLES))
    planted = built.dir / posixpath.normpath(HOSTILE + "../x.js")  # ../x.js from the article's page
    if planted.parent.is_dir():
        planted.write_text(SCRIPT, encoding="utf-8")
    return built


@pytest.fixture(scope="module")
def base_url(site: Site) -> Iterator[str]:
    with bs.serve(site.dir) as url:
        yield url


def test_a_script_file_under_content_is_refused_and_not_published(site_with_script_file: Site) -> None:
    assert site_with_script_file.raised is not None, "a build with content/en/security/x.js succeeded"
    site_dir = site_with_script_file.dir
    published = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("x.js"))
    assert published == []


def test_the_build_refuses_the_article_but_writes_it(site: Site) -> None:
    assert site.raised is not None, "the build of a hostile article succeeded"
    assert (site.dir / HOSTILE / "index.html").is_file()


@pytest.mark.parametrize("viewport", list(bs.VIEWPORTS))
def test_the_hostile_page_stays_put_and_runs_nothing(
        browser: Browser, base_url: str, request: pytest.FixtureRequest, viewport: str) -> None:
    page_log = bs.PageLog()
    flags: list[tuple[str, str]] = []
    navigations: list[str] = []
    url = base_url + HOSTILE
    with bs.open_tab(browser, bs.VIEWPORTS[viewport], page_log, request, WATCH_FLAGS) as tab:
        tab.expose_function("hcFlag", lambda name, value: flags.append((name, value)))
        tab.route("**/*", _only_local)
        tab.on("framenavigated", lambda frame: navigations.append(frame.url)
               if frame == tab.main_frame else None)
        _open(tab, url)
        tab.wait_for_timeout(SETTLE_MS)
        clicked = _click(tab)
        if viewport == "phone":
            tab.screenshot(path="/tmp/gate-browser-390.png", full_page=True)
        still = tab.url
        values = {name: tab.evaluate(f"typeof window.{name}") for name in FLAGS}
        title = tab.locator(".hc-article h1")
        heading = title.first.inner_text() if title.count() else ""
    problems = []  # every way it went wrong, in one message
    if still != url or not set(navigations) <= {url}:
        problems.append(f"the page navigated to {still} (navigations: {navigations})")
    if heading != "Hostile markup for the gate":
        problems.append(f"not the article's page (its heading: {heading!r})")
    if flags or values != dict.fromkeys(FLAGS, "undefined"):
        problems.append(f"the article's code ran: assignments {flags}, types {values}")
    if page_log.foreign_requests():
        problems.append(f"requests to other hosts: {page_log.foreign_requests()}")
    if not clicked:  # the paragraph must be there, its handler gone (not merely unreached)
        problems.append("the paragraph that had onclick was not there to click")
    assert not problems, "\n".join(problems)


def _only_local(route: Route) -> None:
    """Let requests to our server through; abort the rest (they are already logged)."""
    if route.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


def _open(tab: Page, url: str) -> None:
    """Open the page; a refresh that interrupts the load shows up in the navigations."""
    from playwright.sync_api import Error

    with contextlib.suppress(Error):
        tab.goto(url)


def _click(tab: Page) -> bool:
    """Click the paragraph that had onclick, if the page still shows it."""
    target = tab.locator("#hc-click, p:has-text('Click here to verify.')").first
    if target.count() == 0:
        return False
    target.click(timeout=2000)
    tab.wait_for_timeout(100)
    return True
