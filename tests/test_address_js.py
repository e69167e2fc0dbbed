"""The browser's address check (issue 15) says what the Python one says.

``overrides/assets/javascripts/hc-address.js`` is the browser's copy of
``helpcentre.content.addresses.fits``. Both run the shared vectors
(tests/vectors/addresses.json), the registry's contracts and a few thousand
seeded mutations of them, in headless Chromium; every answer must match.

Its libraries (@noble/hashes, @scure/base) are pinned in package.json and
vendored into ``overrides/assets/vendor/`` unchanged, so the site needs no Node
at build time and works offline. To upgrade: ``npm install --save-exact
@noble/hashes@X @scure/base@Y``, then copy the same files over
(``cp node_modules/<package>/<file> overrides/assets/vendor/<package>/``);
the vendoring tests below fail until the copies equal node_modules.

Then the pages, built from the repository's own content and served on
127.0.0.1, at 390 and 1280 px, in English and Chinese: the coin page's checker
and Copy buttons, and a contract pasted into the search box. No console error,
no refused Content-Security-Policy, nothing wider than a 320 px phone.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import browser_support as bs
from conftest import REPO, STARTER_TODAY, build_site, write_site
from helpcentre.content import addresses
from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.ui import load_ui_strings
from helpcentre.site import views

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytest_plugins = ["browser_support"]  # the report hook behind failure screenshots

ASSETS = REPO / "overrides" / "assets"
HC_ADDRESS = "javascripts/hc-address.js"  # under ASSETS, and under assets/ in the built site
VENDOR = ASSETS / "vendor"
NODE_MODULES = REPO / "node_modules"
VECTORS = json.loads((REPO / "tests" / "vectors" / "addresses.json").read_text(encoding="utf-8"))
PROJECT = load_project(REPO)
REGISTRY = load_registry(PROJECT)
UI = load_ui_strings(PROJECT)
LANGS = ("en", "zh")
NARROW = {"width": 320, "height": 568}

# Recorded from before the page's first script (as in test_browser_reader).
RECORD_VIOLATIONS = """
window.hcViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.hcViolations.push(e.effectiveDirective + " refused " + e.blockedURI + " at " + e.sourceFile);
});
"""


def _contracts() -> dict[tuple[str, str], tuple[str, str]]:
    """(coin, network) -> (format, contract) for every contract in coins.yml."""
    return {(coin.symbol, n.id): (n.format, n.contract) for coin in REGISTRY.coins.values()
            for n in coin.networks if n.contract}


CONTRACTS = _contracts()
USDT_ERC20 = CONTRACTS[("USDT", "ERC20")][1]
# Valid addresses from the shared vectors that are nobody's contract here.
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"       # EIP-55's own example
TRON = "TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL"               # TRON's developer docs
TON = "UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA"  # docs.ton.org, non-bounceable
ZERO_WIDTH = TRON[:10] + "\u200b" + TRON[10:]
TEN_KB = "0x" + "ab" * 5120


def words(lang: str, key: str, **values: str) -> str:
    """A UI string as the page shows it, with the placeholders the script fills."""
    text = str(UI.raw(lang, f"address.{key}"))
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


# ---- Vendored libraries -------------------------------------------------------------

def _node_modules() -> None:
    if not (NODE_MODULES / "@noble" / "hashes").is_dir():
        bs.skip_or_fail("node_modules has no @noble/hashes: run `npm ci`")


def _pins() -> dict[str, str]:
    return json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]


def vendored() -> list[Path]:
    return sorted(p for p in VENDOR.rglob("*") if p.is_file())


def test_vendored_files_are_the_pinned_packages_unchanged() -> None:
    _node_modules()
    pins = _pins()
    assert sorted(pins) == ["@noble/hashes", "@scure/base"]
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    differ = []
    for package, version in pins.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{package}: pin an exact version, not {version}"
        assert lock[f"node_modules/{package}"]["version"] == version
        installed = json.loads((NODE_MODULES / package / "package.json").read_text(encoding="utf-8"))
        assert installed["version"] == version, f"node_modules has {package} {installed['version']}: npm ci"
        assert (VENDOR / package / "LICENSE").read_bytes() == (NODE_MODULES / package / "LICENSE").read_bytes()
    for path in vendored():
        rel = path.relative_to(VENDOR).as_posix()
        assert any(rel.startswith(p + "/") for p in pins), f"{rel}: not from a package in package.json"
        source = NODE_MODULES / rel
        if not source.is_file() or source.read_bytes() != path.read_bytes():
            differ.append(f"cp node_modules/{rel} overrides/assets/vendor/{rel}")
    assert differ == [], "vendored copies differ from node_modules; run:\n" + "\n".join(differ)


# A module's own import lines (single-line in these files), not the examples in its doc comments.
IMPORT = re.compile(r"""^(?:(?:import|export)\b[^'"\n]*?\bfrom|import)\s*["']([^"'\n]+)["']""", re.M)


def test_every_import_is_vendored_and_relative() -> None:
    """The browser resolves only relative paths: no bare `@noble/...` import may be left."""
    missing = []
    for path in [ASSETS / HC_ADDRESS, ASSETS / "javascripts" / "hc-address-ui.js",
                 *(p for p in vendored() if p.suffix == ".js")]:
        for target in IMPORT.findall(path.read_text(encoding="utf-8")):
            resolved = (path.parent / target).resolve()
            if not target.startswith(".") or not resolved.is_file():
                missing.append(f"{path.relative_to(REPO)}: {target}")
    assert missing == []


# ---- The Python side of the page models ----------------------------------------------

def test_token_pages_by_format() -> None:
    assert views.token_url("https://etherscan.io/", "evm", USDT_ERC20) == f"https://etherscan.io/token/{USDT_ERC20}"
    assert views.token_url("https://tronscan.org/", "tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t") == \
        "https://tronscan.org/#/token20/TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
    assert views.token_url("https://tonviewer.com/", "ton", "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs") == \
        "https://tonviewer.com/EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs"
    assert views.token_url("https://xrpscan.com/", "xrp", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh") == ""
    assert views.token_url("https://etherscan.io/", "evm", "") == ""


def _ctx(lang: str) -> views.Context:
    corpus = load_corpus(PROJECT, REGISTRY, today=dt.date.fromisoformat(STARTER_TODAY))
    return views.Context(corpus, UI, lang, dt.date.fromisoformat(STARTER_TODAY))


def test_coin_view_carries_formats_contracts_and_memo_flags() -> None:
    view = views.coin_view(_ctx("en"), "USDT")
    assert [(n.network, n.address_format, n.needs_memo) for n in view.networks] == [
        ("TRC20", "tron", False), ("ERC20", "evm", False), ("SOL", "solana", False), ("TON", "ton", True)]
    assert [(n.network, n.contract) for n in view.contracts] == [
        (network, contract) for (coin, network), (_, contract) in CONTRACTS.items() if coin == "USDT"]
    assert view.contracts[1].token_label == "View on etherscan.io"
    assert view.checker["none"] == ("This is not a valid address for any network we support for USDT: "
                                    "check it before you send.")
    assert view.checker["fits"] == "This address fits {networks}."  # the script fills it in
    assert views.coin_view(_ctx("en"), "BTC").contracts == []


def test_contract_search_lists_every_contract_with_its_coin_page() -> None:
    for lang, page in (("en", "coins/usdt/"), ("zh", "zh/coins/usdt/")):
        search = views.contract_search(_ctx(lang))
        listed = json.loads(search["contracts"])
        assert [(e["coin"], e["contract"]) for e in listed] == [
            (coin, contract) for (coin, _), (_, contract) in CONTRACTS.items()]
        usdt = next(e for e in listed if e["contract"] == USDT_ERC20)
        assert (usdt["format"], usdt["url"]) == ("evm", page)
    assert search["unknown"] == "此地址不是本站支持的代币：充值前请核对合约。"


# ---- The same answers in the browser -------------------------------------------------------

@pytest.fixture(scope="module")
def chromium(request: pytest.FixtureRequest) -> Browser:
    reason = bs.missing_browser()
    if reason:
        bs.skip_or_fail(reason)
    return request.getfixturevalue("browser")


@pytest.fixture(scope="module")
def assets_url() -> Iterator[str]:
    """The source assets as they are (the build copies them unchanged)."""
    with bs.serve(ASSETS) as url:
        yield url


def run_fits(browser: Browser, url: str, cases: list[tuple[str, Any]]) -> list[Any]:
    """fits(format, text) in Chromium for each case; a thrown error is an answer too, so it is kept."""
    page_log = bs.PageLog()
    context = browser.new_context()
    try:
        page = context.new_page()
        page_log.attach(page)
        page.goto(url)
        answers = page.evaluate("""async ([module, cases]) => {
          const m = await import(module);
          return cases.map(([format, text]) => {
            try { return m.fits(format, text) } catch (e) { return "threw: " + e }
          });
        }""", [url + HC_ADDRESS, cases])
    finally:
        context.close()
    assert page_log.errors() == []
    return answers


def mutations(seed: int = 15, per_text: int = 24) -> list[str]:
    """Valid addresses one edit away from valid: the kinds of slip a checksum is for."""
    rng = random.Random(seed)
    alphabet = "0123456789abcdefABCDEFxyzXYZ+/_-:= \t\u200b\u00a0\u00e9\u0430"
    texts = [v["text"] for v in VECTORS if v["fits"]] + [c for _, c in CONTRACTS.values()]
    out = []
    for text in texts:
        for _ in range(per_text):
            chars = list(text)
            at = rng.randrange(len(chars))
            kind = rng.randrange(5)
            if kind == 0:
                chars[at] = rng.choice(alphabet)
            elif kind == 1:
                chars.insert(at, rng.choice(alphabet))
            elif kind == 2:
                del chars[at]
            elif kind == 3:
                chars[at] = chars[at].swapcase()
            else:
                at2 = rng.randrange(len(chars))
                chars[at], chars[at2] = chars[at2], chars[at]
            out.append("".join(chars))
    return out


def test_formats_are_the_same(chromium: Browser, assets_url: str) -> None:
    context = chromium.new_context()
    page = context.new_page()
    page.goto(assets_url)
    formats = page.evaluate("async (m) => (await import(m)).FORMATS", assets_url + HC_ADDRESS)
    crc = page.evaluate("async (m) => (await import(m)).crc16xmodem(new TextEncoder().encode('123456789'))",
                        assets_url + HC_ADDRESS)
    context.close()
    assert formats == list(addresses.FORMATS)
    assert crc == 0x31C3  # CRC-16/XMODEM's published check value


def test_every_shared_vector(chromium: Browser, assets_url: str) -> None:
    assert len(VECTORS) >= 60
    js = run_fits(chromium, assets_url, [(v["format"], v["text"]) for v in VECTORS])
    wrong = [(v["format"], v["text"], v["fits"], got, v["why"]) for v, got in zip(VECTORS, js, strict=True)
             if got is not v["fits"]]
    assert wrong == []
    assert [addresses.fits(v["format"], v["text"]) for v in VECTORS] == [v["fits"] for v in VECTORS]


def test_registry_contracts_fit_in_the_browser(chromium: Browser, assets_url: str) -> None:
    cases = list(CONTRACTS.values())
    assert run_fits(chromium, assets_url, cases) == [True] * len(cases)


def test_seeded_mutations_agree_with_python(chromium: Browser, assets_url: str) -> None:
    texts = mutations()
    cases = [(f, t) for t in texts for f in addresses.FORMATS]
    js = run_fits(chromium, assets_url, cases)
    python = [addresses.fits(f, t) for f, t in cases]
    differ = [(f, t, p, j) for (f, t), p, j in zip(cases, python, js, strict=True) if p is not j]
    assert differ == []
    assert sum(python) > 300  # many mutations (a case swap of a digit, a swap of equal letters) still fit


ODD = ["", " ", "\t\n", "🙂", "🙂" * 20, "x" * 10240, TEN_KB, "\ud800", "0x\u0000", "тест адрес", "地址",
       "0x" + "٠" * 40, ZERO_WIDTH, "\u00a0" + TRON, TRON + "\ufeff", " \u000b" + TRON + "\r\n"]


def test_any_text_gets_an_answer(chromium: Browser, assets_url: str) -> None:
    """Empty, 10 KB, emoji, a lone surrogate, other scripts, invisible characters: never a throw."""
    cases: list[tuple[str, Any]] = [(f, t) for t in ODD for f in addresses.FORMATS]
    js = run_fits(chromium, assets_url, [*cases, ("evm", None), ("evm", 42), ("nope", TRON), ("__proto__", "")])
    assert js[len(cases):] == [False] * 4
    python = [addresses.fits(f, t) for f, t in cases]
    assert js[:len(cases)] == python
    assert [t for (f, t), fit in zip(cases, python, strict=True) if fit] == [" \u000b" + TRON + "\r\n"]


# ---- On the built site ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def site_url(chromium: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's own content, built like CI builds it."""
    root = write_site(tmp_path_factory.mktemp("addresses") / "site", {})
    shutil.rmtree(root / "content")
    shutil.copytree(REPO / "content", root / "content")
    with bs.serve(build_site(root, today=STARTER_TODAY)) as url:
        yield url


@pytest.fixture
def page_log() -> bs.PageLog:
    return bs.PageLog()


@contextmanager
def tab(browser: Browser, viewport: dict[str, int], page_log: bs.PageLog,
        request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport, permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page_log.attach(page)
    try:
        yield page
        assert page.evaluate("window.hcViolations") == []
    finally:
        if bs.call_failed(request.node):
            bs.ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=bs.ARTIFACTS / bs.artifact_name(request.node.name), full_page=True)
        context.close()


def prefix(lang: str) -> str:
    return "" if lang == PROJECT.default_language else f"{lang}/"


def visit(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("networkidle")


def check(page: Page, text: str) -> Any:
    """Type (or paste) text into the checker, press its button, return the result element."""
    from playwright.sync_api import expect

    checker = page.locator("[data-hc-address-checker]")
    box = checker.get_by_role("textbox")
    box.fill(text)
    checker.locator("[data-hc-address-check]").click()
    result = checker.locator("output[data-hc-address-result]")
    expect(result).not_to_be_empty()
    return result


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", list(bs.VIEWPORTS))
def test_the_checker_names_the_networks_an_address_fits(chromium: Browser, page_log: bs.PageLog,
                                                        request: pytest.FixtureRequest, site_url: str,
                                                        viewport: str, lang: str) -> None:
    from playwright.sync_api import expect

    with tab(chromium, bs.VIEWPORTS[viewport], page_log, request) as page:
        visit(page, site_url + prefix(lang) + "coins/usdt/")
        checker = page.locator("[data-hc-address-checker]")
        expect(checker).to_be_visible()
        expect(checker.get_by_label(str(UI.raw(lang, "address.label")))).to_be_visible()
        none = words(lang, "none", symbol="USDT")
        for text, networks, shown in [
            (EVM, "ERC20", words(lang, "fits", networks="Ethereum (ERC20)")),
            (f" \n{TRON}\t", "TRC20", words(lang, "fits", networks="TRON (TRC20)")),
            (TON, "TON", words(lang, "memo", network="TON")),
            (CONTRACTS[("USDT", "SOL")][1], "SOL", words(lang, "fits", networks="Solana")),
            ("hello", "", none), ("🙂🙂🙂", "", none), (TEN_KB, "", none), ("x" * 10240, "", none),
            ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "", none),  # Bitcoin: not a USDT network
            (ZERO_WIDTH, "", words(lang, "invisible")),
            ("", "", words(lang, "empty")),
        ]:
            result = check(page, text)
            expect(result).to_have_attribute("data-networks", networks)
            expect(result).to_contain_text(shown)
            expect(result).to_be_visible()
        expect(page.locator("output.hc-address__result--fits")).to_have_count(0)  # the last answer was "empty"
    assert page_log.errors() == []


def test_an_evm_address_fits_every_evm_network_of_the_coin(chromium: Browser, page_log: bs.PageLog,
                                                           request: pytest.FixtureRequest, site_url: str) -> None:
    from playwright.sync_api import expect

    with tab(chromium, bs.PHONE, page_log, request) as page:
        visit(page, site_url + "coins/eth/")
        result = check(page, EVM.lower())
        expect(result).to_have_attribute("data-networks", "ERC20 ARB")
        expect(result).to_contain_text(words("en", "fits", networks="Ethereum (ERC20), Arbitrum One"))
        expect(result).to_contain_text(words("en", "choose"))
        assert page.locator("section.hc-contracts").count() == 0  # ETH is no token: no contracts
        expect(page.locator("[data-hc-address-checker]")).not_to_contain_text(words("en", "memo", network="TON"))
    assert page_log.errors() == []


@pytest.mark.parametrize("lang", LANGS)
def test_copy_puts_the_contract_on_the_clipboard(chromium: Browser, page_log: bs.PageLog,
                                                 request: pytest.FixtureRequest, site_url: str, lang: str) -> None:
    from playwright.sync_api import expect

    with tab(chromium, bs.PHONE, page_log, request) as page:
        visit(page, site_url + prefix(lang) + "coins/usdt/")
        row = page.locator('.hc-contracts dd[data-network="ERC20"]')
        expect(row.locator("code")).to_have_text(USDT_ERC20)
        explorer = row.locator("a.hc-contract__explorer")
        expect(explorer).to_have_attribute("href", f"https://etherscan.io/token/{USDT_ERC20}")
        button = row.get_by_role("button", name=str(UI.raw(lang, "address.copy")))
        expect(button).to_be_visible()
        button.click()
        expect(row.get_by_role("status")).to_have_text(str(UI.raw(lang, "address.copied")))
        assert page.evaluate("navigator.clipboard.readText()") == USDT_ERC20
        # Pasted into the checker, it answers at once (no button press).
        box = page.locator("[data-hc-address-checker]").get_by_role("textbox")
        box.focus()
        page.keyboard.press("ControlOrMeta+V")
        expect(page.locator("output[data-hc-address-result]")).to_have_attribute("data-networks", "ERC20")
    assert page_log.errors() == []


def search(page: Page, text: str) -> Any:
    page.keyboard.press("/")  # Material's shortcut: opens search at every viewport
    page.locator("input.md-search__input").fill(text)
    return page.locator(".md-search-result [data-hc-search-address]")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", list(bs.VIEWPORTS))
def test_a_pasted_contract_finds_its_coin(chromium: Browser, page_log: bs.PageLog, request: pytest.FixtureRequest,
                                          site_url: str, viewport: str, lang: str) -> None:
    from playwright.sync_api import expect

    name = REGISTRY.coins["USDT"].name(lang)
    title = str(UI.raw(lang, "coin.title")).replace("{name}", name).replace("{symbol}", "USDT")
    with tab(chromium, bs.VIEWPORTS[viewport], page_log, request) as page:
        visit(page, site_url + prefix(lang))
        answer = search(page, "withdrawal fee")
        expect(answer).to_be_hidden()
        # Words never load the address check and its libraries; an address does.
        assert [r for r in page_log.requests if "hc-address.js" in r or "/vendor/" in r] == []
        page.locator("input.md-search__input").fill("  " + USDT_ERC20.lower() + " ")
        expect(answer).to_be_visible()
        expect(answer).to_have_attribute("data-coins", "USDT")
        link = answer.get_by_role("link", name=title)
        expect(link).to_be_visible()
        expect(answer).to_contain_text(str(UI.raw(lang, "address.search_known"))
                                       .replace("{coin}", title).replace("{network}", "Ethereum (ERC20)"))
        link.click()
        page.wait_for_url(site_url + prefix(lang) + "coins/usdt/")
        assert [r for r in page_log.requests if r.endswith("/vendor/@scure/base/index.js")] != []
        answer = search(page, USDT_ERC20)  # on the coin page the module is included twice, and runs once
        expect(answer).to_have_count(1)
        expect(answer).to_have_attribute("data-coins", "USDT")

        visit(page, site_url + prefix(lang) + "contact/")
        answer = search(page, EVM)
        expect(answer).to_be_visible()
        expect(answer).to_have_text(words(lang, "search_unknown"))
        expect(answer).to_have_attribute("data-coins", "")
        page.locator("input.md-search__input").fill("withdrawal")  # not an address: no answer block
        expect(answer).to_be_hidden()
    assert page_log.errors() == []


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_scrolls_sideways_at_320_px(chromium: Browser, page_log: bs.PageLog,
                                            request: pytest.FixtureRequest, site_url: str, lang: str) -> None:
    from playwright.sync_api import expect

    with tab(chromium, NARROW, page_log, request) as page:
        visit(page, site_url + prefix(lang) + "coins/usdt/")
        for text in ["", TON, ZERO_WIDTH, TEN_KB]:
            if text:
                check(page, text)
            width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert width[0] <= width[1], (text[:20], width)
        for code in page.locator("code.hc-contract").all():
            expect(code).to_be_visible()
            box = code.bounding_box()
            assert box is not None and box["x"] + box["width"] <= NARROW["width"]
    assert page_log.errors() == []
