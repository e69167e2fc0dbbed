"""The writers' preview loop: `helpcentre serve` with and without --lang.

An edit shows in the page a writer has open, by itself, within seconds, with
the page's Content-Security-Policy refusing nothing; a build that fails shows
its errors on that page, and the fix brings the page back. The browser tests
start the real command on a fixture site (127.0.0.1, a free port) and drive
Debian's Chromium; each prints how long the page took to show the change after
the server's log said the build had finished.

The published build's policy is tested here too: the preview's policy allows
inline scripts (MkDocs' live-reload script), and nothing else may.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

import browser_support as bs
from conftest import SAMPLE_ARTICLES, TODAY, write_site
from helpcentre.content.project import read_mkdocs_yml
from helpcentre.site import csp, preview

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

pytest_plugins = ["browser_support"]

ARTICLE = "deposits-withdrawals/deposit-not-arrived"
EN_ARTICLE = f"content/en/{ARTICLE}.md"
ZH_ARTICLE = f"content/zh/{ARTICLE}.md"
FAILED_TITLE = "The preview could not be built"
BROKEN_LINE = (f"helpcentre: {EN_ARTICLE}:6: error: `reviewed`: expected a date written YYYY-MM-DD, "
               'like `reviewed: 2026-11-18`; found "not-a-date"')
# The writer's wait we promise: from the end of the build to the change on screen.
SHOWN_WITHIN_S = 3.0
START_TIMEOUT_S = 90.0  # the first build on 2 shared cores, every language
BUILD_TIMEOUT_S = 60.0
# The lines the preview logs when a build has finished, one way or the other.
FINISHED = re.compile(r"helpcentre serve: (.+ built in full in|re-rendered .* in|the preview could not be built)")

# Every refusal of the policy, kept by the test across the reloads of the page.
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.hcViolation(e.effectiveDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
"""


# -- the published policy (no browser) ----------------------------------------------
def test_the_published_build_never_allows_inline_scripts(built_sample: Path) -> None:
    pages = sorted(built_sample.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', text)
        assert len(policies) == 1, page
        assert "'unsafe-inline'" not in policies[0], page
        assert csp.PLACEHOLDER not in policies[0], page


def test_only_the_preview_policy_allows_inline_scripts() -> None:
    page = (f'<head><meta http-equiv="Content-Security-Policy" content="{csp.POLICY}"></head>'
            "<body><script>theme()</script></body>")
    published = csp.apply(page, None)
    assert "'unsafe-inline'" not in published and csp.script_hash("theme()") in published
    assert csp.apply(page, None, live_reload=True) == page.replace(csp.POLICY, csp.PREVIEW_POLICY)
    assert csp.PREVIEW_POLICY == (
        "default-src 'none'; script-src 'self' 'unsafe-inline'; script-src-attr 'none'; "
        "style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")
    assert "sha256" not in csp.PREVIEW_POLICY  # a hash would make browsers ignore 'unsafe-inline'


def test_mkdocs_yml_cannot_turn_the_preview_policy_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.config import load_config

    root = write_site(tmp_path / "site", {})
    config = read_mkdocs_yml(root / "mkdocs.yml")
    ours = next(p for p in config["plugins"] if isinstance(p, dict) and "helpcentre" in p)
    ours["helpcentre"]["live_reload"] = True
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with pytest.raises(SystemExit, match="Aborted with a configuration error!"):
        load_config(str(root / "mkdocs.yml"))
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        "Config value 'plugins': Plugin 'helpcentre' option 'live_reload': is set by `helpcentre serve` "
        "only; remove it from mkdocs.yml (a published page must keep the strict script policy)"]


def test_the_failed_page_is_escaped_text_that_reloads_by_itself() -> None:
    page = preview.failed_page(['content/en/a.md:3: error: <script>alert("x")</script>']).decode()
    assert "<h1>The preview could not be built</h1>" in page
    assert '<pre>content/en/a.md:3: error: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</pre>' in page
    assert "<p>Fix it and save; this page reloads by itself.</p>" in page
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert policy and page.index(policy.group(0)) < page.index("<title>")
    assert policy.group(1).startswith("default-src 'none'; script-src 'unsafe-inline'; "
                                      "script-src-attr 'none'; connect-src 'self'; style-src 'sha256-")


def test_a_failed_build_replaces_every_page_until_a_save_fixes_it(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """In process, without a browser: what the server's builder leaves in the site."""
    root = write_site(tmp_path / "site", SAMPLE_ARTICLES)
    site = tmp_path / "out"
    built = make_preview(root, site, lang="zh")
    built.rebuild()
    page = site / "zh" / ARTICLE / "index.html"
    assert "网络确认后" in page.read_text(encoding="utf-8")
    assert csp.PREVIEW_POLICY in page.read_text(encoding="utf-8")
    before = sorted(p.relative_to(site) for p in site.rglob("*.html"))

    article = root / EN_ARTICLE
    good = article.read_text(encoding="utf-8")
    caplog.set_level(logging.INFO, logger="mkdocs.helpcentre.serve")
    caplog.clear()
    touch(article, good.replace("reviewed: 2026-11-10", "reviewed: not-a-date"))
    built.rebuild()  # returns: the server then tells open pages to reload
    ours = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "mkdocs.helpcentre.serve"]
    assert ours == [("ERROR", preview.FAILED_LOG.format(cause="errors above"))]
    assert all(r.exc_info is None for r in caplog.records)  # no traceback for a content error
    failed = page.read_bytes()
    assert failed == built.failure
    assert html.escape(BROKEN_LINE).encode() in failed
    assert all((site / rel).read_bytes() == failed for rel in before)

    touch(article, good)
    built.rebuild()
    assert built.failure is None
    assert "网络确认后" in page.read_text(encoding="utf-8")
    after = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    assert after == before
    assert not any(FAILED_TITLE in (site / rel).read_text(encoding="utf-8") for rel in after)


def test_unsafe_markup_in_a_one_page_edit_fails_the_preview(tmp_path: Path) -> None:
    """--lang re-renders one page, and the safety gate refuses only at the end of a
    build: what it finds there sends the preview to a full build, which fails."""
    root = write_site(tmp_path / "site", SAMPLE_ARTICLES)
    built = make_preview(root, tmp_path / "out", lang="zh")
    built.rebuild()
    article = root / ZH_ARTICLE
    touch(article, article.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n")
    built.rebuild()
    assert built.failure is not None
    shown = re.search(r"<pre>(.*)</pre>", built.failure.decode(), re.S)
    assert shown and [line.split(" error: ")[0] for line in html.unescape(shown.group(1)).splitlines()] == [
        f"helpcentre: {ZH_ARTICLE}:10:", "helpcentre: the safety gate refused 1 thing(s) above; nothing was "
        "published. Run `helpcentre check` to see them with file and line"]


def test_a_broken_template_is_named_with_its_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """overrides/ is watched too; a Jinja syntax error is a line, not a traceback."""
    root = write_site(tmp_path / "site", SAMPLE_ARTICLES)
    built = make_preview(root, tmp_path / "out", lang=None)
    built.rebuild()
    assert built.failure is None
    partial = root / "overrides" / "partials" / "hc-head.html"
    caplog.set_level(logging.INFO, logger="mkdocs.helpcentre.serve")
    caplog.clear()
    touch(partial, "{% if %}\n" + partial.read_text(encoding="utf-8"))
    built.rebuild()
    line = "overrides/partials/hc-head.html:1: error: Expected an expression, got 'end of statement block'"
    assert [(r.getMessage(), r.exc_info) for r in caplog.records if r.name == "mkdocs.helpcentre.serve"] == [
        (preview.FAILED_LOG.format(cause=line), None)]
    assert built.failure is not None and html.escape(line).encode() in built.failure
    assert (tmp_path / "out" / ARTICLE / "index.html").read_bytes() == built.failure


def make_preview(root: Path, site: Path, lang: str | None) -> preview.Preview:
    watched = [root / "content", root / "mkdocs.yml", root / "translations", root / "overrides"]
    return preview.Preview(str(root / "mkdocs.yml"), lang, dt.date.fromisoformat(TODAY), str(site),
                           "http://127.0.0.1:8000/", watched)


def touch(path: Path, text: str) -> None:
    """Write ``text`` with a modification time the preview cannot miss (a second later)."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    later = max(path.stat().st_mtime_ns, before + 10**9)
    os.utime(path, ns=(later, later))


# -- the real command in a real browser ---------------------------------------------
@dataclass
class Server:
    """`helpcentre serve` running on a fixture site, and every line it logged, timed."""

    root: Path
    url: str
    process: subprocess.Popen[str]
    lines: list[tuple[float, str]] = field(default_factory=list)

    def mark(self) -> int:
        return len(self.lines)

    def finished(self, since: int, timeout: float = BUILD_TIMEOUT_S) -> tuple[float, str]:
        """When the first build after line ``since`` finished, and its line."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, line in self.lines[since:]:
                if FINISHED.search(line):
                    return at, line
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError("no build finished; the server said:\n" + self.log())

    def edit(self, rel: str, old: str, new: str) -> tuple[float, str]:
        """Replace ``old`` by ``new`` in a file of the site; wait for the build it starts."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        since = self.mark()
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return self.finished(since)

    def log(self) -> str:
        return "\n".join(line for _, line in self.lines)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(root: Path, lang: str | None) -> Server:
    """The command as a writer runs it; waits for its first build and its "open" line."""
    port = free_port()
    command = [sys.executable, "-m", "helpcentre", "serve", "--root", str(root), "--today", TODAY,
               "--port", str(port), *(["--lang", lang] if lang else [])]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               encoding="utf-8", env=dict(os.environ, PYTHONUNBUFFERED="1"))
    server = Server(root, "", process)

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            server.lines.append((time.monotonic(), line.rstrip("\n")))

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.url:
        opened = [m for _, line in server.lines if (m := re.search(r"helpcentre serve: open (\S+)", line))]
        if opened:
            server.url = opened[0].group(1)
        elif process.poll() is not None or time.monotonic() > deadline:
            stop(server)
            raise AssertionError("the preview did not start; it said:\n" + server.log())
        else:
            time.sleep(0.05)
    assert server.url == f"http://127.0.0.1:{port}/" + (f"{lang}/" if lang else "")
    return server


def stop(server: Server) -> None:
    """Ctrl+C, as a writer stops it (the server removes its temporary site)."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


@pytest.fixture(scope="module")
def chromium(browser_or_skip: None, browser: Browser) -> Browser:
    return browser


@pytest.fixture(scope="module")
def browser_or_skip() -> None:
    reason = bs.missing_browser()
    if reason:
        bs.skip_or_fail(reason)


@pytest.fixture(scope="module", params=[None, "zh"], ids=["all-languages", "lang-zh"])
def server(request: pytest.FixtureRequest, browser_or_skip: None,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = write_site(tmp_path_factory.mktemp("serve") / "site", SAMPLE_ARTICLES)
    running = start(root, request.param)
    try:
        yield running
    finally:
        stop(running)
        print(f"\n--- helpcentre serve{' --lang ' + request.param if request.param else ''} said:\n"
              + running.log())


@dataclass
class Tab:
    """An open page, with everything its console said and every refusal of its policy."""

    page: Page
    console: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def _console(self, message: ConsoleMessage) -> None:
        self.console.append(f"{message.type}: {message.text}")

    def _violation(self, text: str) -> None:
        self.violations.append(text)

    def shows(self, text: str, since: float, what: str) -> float:
        """Seconds from ``since`` until the page shows ``text``, without anyone reloading it."""
        from playwright.sync_api import Error

        deadline = since + SHOWN_WITHIN_S + 5  # fail with the time it took, not a timeout
        while time.monotonic() < deadline:
            try:
                if text in self.page.inner_text("body", timeout=1000):
                    took = max(0.0, time.monotonic() - since)
                    print(f"{what}: shown {took:.2f} s after the build finished")
                    return took
            except Error:
                pass  # the page is reloading
            self.page.wait_for_timeout(50)
        raise AssertionError(f"{what}: {text!r} not shown {deadline - since:.0f} s after the build; "
                             f"the page shows:\n{self.page.inner_text('body')}")

    def csp_errors(self) -> list[str]:
        return self.violations + [line for line in self.console if "Content Security Policy" in line]


@pytest.fixture
def tab(chromium: Browser, server: Server, request: pytest.FixtureRequest) -> Iterator[Tab]:
    page_log = bs.PageLog()
    with bs.open_tab(chromium, bs.DESKTOP, page_log, request, RECORD_VIOLATIONS) as page:
        opened = Tab(page)
        page.on("console", opened._console)
        page.expose_function("hcViolation", opened._violation)
        page.goto(server.url + ARTICLE + "/")  # to "load": the live-reload poll never goes idle
        assert "Enabled live reload" in "\n".join(opened.console)  # MkDocs' script ran
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert policy == csp.PREVIEW_POLICY
        yield opened
        assert page_log.page_errors == []


def test_an_edit_shows_in_the_open_page(server: Server, tab: Tab) -> None:
    rel = ZH_ARTICLE if server.url.endswith("/zh/") else EN_ARTICLE
    body = ("网络确认后，充值会自动入账。" if rel == ZH_ARTICLE
            else "Deposits are credited after the network confirms them.")
    marker = "An edit the writer just saved."
    built, line = server.edit(rel, body, f"{body} {marker}")
    if rel == ZH_ARTICLE:
        assert "re-rendered content/zh/" in line  # the one-page path, not a full build
    tab.shows(marker, built, f"an edit to {rel} ({line.split('serve: ')[1]})")
    built, _ = server.edit(rel, f"{body} {marker}", body)
    tab.shows(body, built, "the edit undone")
    assert marker not in tab.page.inner_text("body")
    assert tab.csp_errors() == []


def test_a_ui_string_edit_shows_in_the_open_page(server: Server, tab: Tab) -> None:
    """translations/ is watched: the page's labels come from there."""
    rel = "translations/zh.yml" if server.url.endswith("/zh/") else "translations/en.yml"
    text = (server.root / rel).read_text(encoding="utf-8")
    shown = yaml.safe_load(text)["feedback"]["question"]  # "Was this helpful?" under the article
    old = re.search(r"^feedback:\n  question: .+$", text, re.M)
    assert old and shown in tab.page.inner_text("body")
    new = "feedback:\n  question: Did this answer your question?"
    built, _ = server.edit(rel, old.group(0), new)
    tab.shows("Did this answer your question?", built, f"an edit to {rel}")
    built, _ = server.edit(rel, new, old.group(0))
    tab.shows(shown, built, f"{rel} restored")
    assert "Did this answer your question?" not in tab.page.inner_text("body")
    assert tab.csp_errors() == []


def test_a_broken_edit_shows_its_errors_until_it_is_fixed(server: Server, tab: Tab) -> None:
    title = "充值未到账" if server.url.endswith("/zh/") else "My deposit has not arrived"
    built, line = server.edit(EN_ARTICLE, "reviewed: 2026-11-10", "reviewed: not-a-date")
    assert line.endswith(preview.FAILED_LOG.format(cause="errors above"))
    tab.shows(BROKEN_LINE, built, "a broken front matter")
    assert "The preview could not be built" in tab.page.inner_text("h1")
    assert "Fix it and save; this page reloads by itself." in tab.page.inner_text("body")
    assert "Traceback" not in server.log()
    built, _ = server.edit(EN_ARTICLE, "reviewed: not-a-date", "reviewed: 2026-11-10")
    tab.shows(title, built, "the fix")
    assert "could not be built" not in tab.page.inner_text("body")
    assert tab.csp_errors() == []
