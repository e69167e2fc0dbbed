"""The browser's verifier (hc-verify.js, in Debian's Chromium) equals the Python one.

Readers get their answer from the JavaScript copy; tests, the lint and the
vectors' authors use helpcentre.checks.verifier. Both run here on the same
input: every vector of tests/vectors/verifier.json (the whole verdict, not
only the expected fields), the words shown in every language, the look-alike
fold of every character in the table, and Punycode labels decoded. The script
is loaded from a page on 127.0.0.1 under the site's script and connect rules
(no inline script, no eval), and fetches the table from that origin as the
verify page does.

Then the built starter site's /verify/ and /zh/verify/ at phone and desktop
width: paste, click, read ``data-verdict``; the report link carries the text;
no console errors, no CSP violations, no axe violations.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import ada_url
import pytest
import yaml

import browser_support as bs
from helpcentre.checks.urls import unicode_host
from helpcentre.checks.verifier import CONFUSABLES, Verifier, build_rules, explain, fold, load_confusables, rules_data
from helpcentre.content import paths
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from test_verifier import VECTORS, vector_id, vector_text

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest_plugins = ["browser_support"]
pytestmark = pytest.mark.browser

bs.require_browser()

REPO = Path(__file__).resolve().parent.parent
HC_VERIFY = REPO / "overrides" / "assets" / "javascripts" / "hc-verify.js"
PROJECT = load_project(REPO)
RULES = build_rules(load_registry(PROJECT), PROJECT.site_url)
# The directives of helpcentre.site.csp.POLICY that concern a script: from our origin only.
TEST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'">
<title>hc-verify.js</title>
<script src="hc-verify.js"></script>
</head><body></body></html>
"""
RECORD_VIOLATIONS = """
window.hcViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.hcViolations.push({directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample});
});
"""
# Runs the whole verifier on a list of texts; the table comes by fetch, as on the page.
RUN = """async ([rules, texts]) => {
  const table = (await (await fetch("confusables.json")).json()).map;
  const verifier = new HcVerify.Verifier(rules, table);
  return texts.map(t => verifier.verify(t));
}"""


@pytest.fixture(scope="module")
def script_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("hc-verify")
    shutil.copy(HC_VERIFY, root / "hc-verify.js")
    shutil.copy(CONFUSABLES, root / "confusables.json")
    (root / "index.html").write_text(TEST_PAGE, encoding="utf-8")
    with bs.serve(root) as url:
        yield url


@pytest.fixture(scope="module")
def tab(browser: Browser, script_url: str) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    log = bs.PageLog()
    log.attach(page)
    bs.visit(page, script_url)
    yield page
    assert log.errors() == []
    assert page.evaluate("window.hcViolations") == []
    context.close()


@pytest.fixture(scope="module")
def js_verdicts(tab: Page) -> list[dict[str, str]]:
    return tab.evaluate(RUN, [rules_data(RULES), [vector_text(v) for v in VECTORS]])


@pytest.mark.parametrize("index", range(len(VECTORS)), ids=[vector_id(v) for v in VECTORS])
def test_vector_in_the_browser(js_verdicts: list[dict[str, str]], index: int) -> None:
    vector = VECTORS[index]
    js = js_verdicts[index]
    assert js == asdict(Verifier(RULES).verify(vector_text(vector))), vector["why"]
    expected = {"kind": vector["verdict"], "lookalike_of": vector.get("lookalike_of", ""),
                "channel": vector.get("channel", ""), "what": vector.get("what", js["what"])}
    assert {k: js[k] for k in expected} == expected, vector["why"]


def test_odd_input_in_the_browser(tab: Page) -> None:
    texts = ["\x00", "a" * 5000, "\ufdfa" * 1000, "mailto:", "tel:", "https://[::1]/", "@", "<>", "a@b@c",
             "\U0001f642" * 3000, "k\u0435str\u0435l\u200b.\u0435xampl\u0435", "\u202e\u2066@x\u2069"]
    python = [asdict(Verifier(RULES).verify(t)) for t in texts]
    assert tab.evaluate(RUN, [rules_data(RULES), texts]) == python
    assert tab.evaluate("(rules) => new HcVerify.Verifier(rules, {}).verify(null).kind", rules_data(RULES)) \
        == "unknown"


def test_the_words_are_the_same_in_every_language(tab: Page, js_verdicts: list[dict[str, str]]) -> None:
    for lang in PROJECT.codes:
        strings = yaml.safe_load((REPO / "translations" / f"{lang}.yml").read_text(encoding="utf-8"))
        words, names, uses = strings["verify"], strings["channel"], strings["channel_use"]
        js = tab.evaluate("([verdicts, w, n, u]) => verdicts.map(v => HcVerify.explain(v, w, n, u))",
                          [js_verdicts, words, names, uses])
        python = [explain(Verifier(RULES).verify(vector_text(v)), words, names, uses) for v in VECTORS]
        assert js == python, lang


def test_every_character_folds_the_same(tab: Page) -> None:
    table = load_confusables()
    samples = [*table, "KestreIExchange", "k\u0435strel.example", "\u00e9\u0301\u1e9b\u0323", "\ufb01\u212a",
               "\u0130stanbul", "\u03a3\u03a3", "r\u0578\u0561"]
    js = tab.evaluate("""async (samples) => {
        const table = (await (await fetch("confusables.json")).json()).map;
        return samples.map(s => HcVerify.fold(s, table));
    }""", samples)
    assert js == [fold(s, table) for s in samples]


def test_punycode_labels_decode_the_same(tab: Page) -> None:
    """hc-verify.js decodes Punycode itself (browsers offer no toUnicode); Python's
    codec encodes, and ada decodes whole hosts, as urls.unicode_host does."""
    rng = random.Random(15)
    blocks = [(0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF),
              (0xAC00, 0xD7A3), (0x0600, 0x06FF), (0x1F300, 0x1F5FF)]
    labels = []
    for n in range(400):
        low, high = blocks[n % len(blocks)]
        chars = [chr(rng.randint(low, high)) if rng.random() < 0.6 else rng.choice("abcdefghij0123456789")
                 for _ in range(rng.randint(1, 12))]
        if any(not c.isascii() for c in chars):
            labels.append("".join(chars))
    encoded = [label.encode("punycode").decode("ascii") for label in labels]
    assert tab.evaluate("(items) => items.map(HcVerify.punycode)", encoded) == labels
    hosts = ["k\u0435strel.example", "b\u00fccher.example", "\u4f8b\u3048.\u30c6\u30b9\u30c8", "xn--zz.example"]
    ascii_hosts = [ada_url.URL(f"https://{h}/").hostname for h in hosts]
    assert tab.evaluate("(items) => items.map(HcVerify.unicodeHost)", ascii_hosts) == \
        [unicode_host(h) or h for h in ascii_hosts]
    # Not Punycode: a character outside a-z0-9, and a number past 2**31.
    assert tab.evaluate("() => [HcVerify.punycode('a-!'), HcVerify.punycode('99999999999')]") == [None, None]


# -- the built site's verify pages ---------------------------------------------------------------

VERIFY_WIRED = ("verify", "", paths.verify("en", "en")) in paths.generated("en", "en", [], [])
PAGES = {"en": "verify/", "zh": "zh/verify/"}


@pytest.fixture(scope="module")
def site_url(built_sample: Path) -> Iterator[str]:
    with bs.serve(built_sample) as url:
        yield url


@pytest.fixture(params=["phone", "desktop"])
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    return bs.VIEWPORTS[request.param]


@pytest.fixture
def page_log() -> bs.PageLog:
    return bs.PageLog()


@pytest.fixture
def page(browser: Browser, viewport: dict[str, int], page_log: bs.PageLog,
         request: pytest.FixtureRequest) -> Iterator[Page]:
    with bs.open_tab(browser, viewport, page_log, request, init_script=RECORD_VIOLATIONS) as tab:
        yield tab


def ask(page: Page, text: str) -> tuple[str, str]:
    """Paste, click Check; the verdict and the words shown."""
    page.locator("[data-hc-verify-input]").fill(text)
    page.locator("[data-hc-verify-button]").click()
    page.locator("output[data-verdict]:not([data-verdict=''])").wait_for()
    output = page.locator("output.hc-verify__result")
    verdict = output.get_attribute("data-verdict") or ""
    return verdict, output.inner_text()


@pytest.mark.skipif(not VERIFY_WIRED, reason="the verify page is not in paths.generated() yet")
@pytest.mark.parametrize("lang", list(PAGES))
def test_the_verify_page(page: Page, page_log: bs.PageLog, site_url: str, viewport: dict[str, int],
                         lang: str) -> None:
    bs.visit(page, site_url + PAGES[lang])
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("output.hc-verify__result").get_attribute("aria-live") == "polite"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], "the page scrolls sideways"

    text = "https://kestreI.example/login?a=1&b=2"
    verdict, shown = ask(page, text)
    assert verdict == "not-ours"
    assert "kestrel.example" in shown
    report = page.locator("[data-hc-verify-report]")
    assert report.is_visible()
    query = parse_qs(urlsplit(report.get_attribute("href") or "").query)
    assert query["report"] == [text]
    assert query["page"] == ["verify"] and query["lang"] == [lang]

    verdict, shown = ask(page, "support [at] kestrel [dot] example")
    assert verdict == "official"
    assert not report.is_visible()
    verdict, _ = ask(page, "\U0001f642")
    assert verdict == "unknown"
    # Three Cyrillic letters: only the confusables table (fetched from the site) sees our handle.
    verdict, shown = ask(page, "@K\u0435str\u0435lExch\u0430nge")
    assert verdict == "not-ours"
    assert "@KestrelExchange" in shown
    page.locator("[data-hc-verify-input]").fill("+1 555 0142")
    page.locator("[data-hc-verify-input]").press("Enter")
    page.locator("output[data-verdict='official']").wait_for()

    assert page_log.errors() == []
    assert page.evaluate("window.hcViolations") == []
    assert page_log.foreign_requests() == []


@pytest.mark.skipif(not VERIFY_WIRED, reason="the verify page is not in paths.generated() yet")
@pytest.mark.parametrize("lang", list(PAGES))
def test_the_verify_page_has_no_axe_violations(page: Page, site_url: str, lang: str) -> None:
    bs.visit(page, site_url + PAGES[lang])
    ask(page, "kestrel.example.evil.test")  # with an answer shown, and the report link
    assert bs.axe_violations(page) == []


@pytest.mark.skipif(not VERIFY_WIRED, reason="the verify page is not in paths.generated() yet")
def test_every_page_links_to_the_verifier(built_sample: Path) -> None:
    """The footer on every page, and the staff box on the contact page."""
    home = (built_sample / "index.html").read_text(encoding="utf-8")
    contact = (built_sample / "zh" / "contact" / "index.html").read_text(encoding="utf-8")
    footer = '<footer class="md-footer hc-footer">'
    assert 'href="verify/"' in home.split(footer)[1]
    staff = contact.split('class="admonition danger hc-staff"')[1].split("</aside>")[0]
    assert 'href="../verify/"' in staff
    assert 'href="../verify/"' in contact.split(footer)[1]
