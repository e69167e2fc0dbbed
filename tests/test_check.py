"""`helpcentre check` end to end: a fixture help centre, a broken file, the exact report.

Every way a writer can break an article is here, each with the exit code and
the exact lines they read. Cases run with the broken file as PATH (so the
report shows that file only, the way pre-commit runs it), except where the
point is the whole report.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import OTHER_FILES, SAMPLE_ARTICLES, TODAY, WORD_LISTS, add_files, write_site
from helpcentre.cli import main
from helpcentre.content.loader import load_article
from helpcentre.freshness.fingerprint import fingerprint_of

FIXTURES = Path(__file__).parent / "fixtures" / "check"

BASE: dict[str, str] = {
    "en/security/set-up-2fa.md": SAMPLE_ARTICLES["en/security/set-up-2fa.md"],
    "en/deposits-withdrawals/deposit-not-arrived.md": """\
        ---
        title: My deposit has not arrived
        summary: Check the confirmations and the TxID before contacting us.
        type: faq
        coins: [USDT, TRX]
        reviewed: 2026-11-10
        owner: "@kestrel/payments"
        keywords: [deposit missing, not received, txid]
        ---
        Deposits are credited after the network confirms them. Look up the TxID on
        [Tronscan](https://tronscan.org/) and see [the 2FA guide](../security/set-up-2fa.md).

        {{ networks_table USDT TRX }}

        Still stuck? Write to support@kestrel.example or call +1 555 0142.
        """,
}
ZH_TRANSLATION = """\
---
title: 充值未到账
summary: 联系我们之前，请先检查确认数和交易哈希。
keywords: [充值未到账, 没到账, txid]
translated_from: "{stamp}"
---
网络确认后，充值会自动入账。请发邮件至support@kestrel.example，或访问 www.kestrel.example。
另见 [2FA 指南](../security/set-up-2fa.md)。
"""
# An article that passes every check; cases add one mistake to it.
ARTICLE = """\
---
title: Lost your 2FA device
type: faq
reviewed: 2026-11-10
owner: "@kestrel/security"
{extra}---
Body.
"""
FILES_IN_BASE = 3 + OTHER_FILES  # what a run reads: the 3 articles and the other files


def stamp_of(root: Path, rel: str) -> str:
    source = load_article(root / "content" / rel)
    assert source.meta is not None
    return fingerprint_of(source.meta, source.body)


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    """A valid help centre (with a stamped translation) plus the files a test adds."""
    def make(extra: dict[str, str | bytes] | None = None) -> Path:
        root = write_site(tmp_path / "site", BASE)
        zh = root / "content" / "zh" / "deposits-withdrawals" / "deposit-not-arrived.md"
        zh.parent.mkdir(parents=True)
        zh.write_text(ZH_TRANSLATION.format(
            stamp=stamp_of(root, "en/deposits-withdrawals/deposit-not-arrived.md")),
            encoding="utf-8")
        return add_files(root, extra)
    return make


def check(root: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--root", str(root), "--today", TODAY, *args])
    return code, out.getvalue()


def article(extra: str = "") -> str:
    return ARTICLE.format(extra=extra)


# -- a clean help centre -----------------------------------------------------------

def test_clean_site_passes(site: Callable[..., Path]) -> None:
    assert check(site()) == (0, f"no problems in {FILES_IN_BASE} files\n")


def test_good_samples_with_bom_and_crlf_pass(site: Callable[..., Path]) -> None:
    root = site({
        "en/deposits-withdrawals/withdrawal-pending.md":
            (FIXTURES / "good" / "withdrawal-pending.md").read_bytes(),
        "en/deposits-withdrawals/explorer-lookup.md":
            (FIXTURES / "good" / "explorer-lookup.md").read_bytes(),
    })
    data = (FIXTURES / "good" / "withdrawal-pending.zh.md").read_bytes()
    stamp = stamp_of(root, "en/deposits-withdrawals/withdrawal-pending.md")
    zh = root / "content" / "zh" / "deposits-withdrawals" / "withdrawal-pending.md"
    zh.write_bytes(data.replace(b"000000000000", f'"{stamp}"'.encode()))
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in (FIXTURES / "good" / "withdrawal-pending.md").read_bytes()
    assert check(root) == (0, f"no problems in {FILES_IN_BASE + 3} files\n")


# -- one mistake in one file: the exact message ---------------------------------------

PATH = "content/en/security/broken.md"

SINGLE_FILE_CASES: dict[str, tuple[str | bytes, list[str]]] = {
    "no front matter": ("Just text, no front matter.\n", [
        "1: error: no front matter; the first line must be `---`, then fields like "
        "`title: ...`, then another `---` line"]),
    "front matter never closed": ("---\ntitle: x\ntype: faq\n\nBody\n", [
        "1: error: the front matter that starts here is never closed; add a line `---` after "
        "the last field"]),
    "YAML syntax error, with the line in the file": (
        "---\ntitle: x\ntype: faq\nowner: @kestrel/security\nreviewed: 2026-11-10\n---\n", [
            "4: error: the front matter is not valid YAML (found character that cannot start "
            "any token); check the colons, quotes and indentation on this line or the one "
            "above. Values starting with @, *, & or ! must be quoted"]),
    "front matter that is a list": ("---\n- title\n- type\n---\nBody\n", [
        "2: error: the front matter is a list; it must be `field: value` lines, like "
        "`title: Lost your 2FA device`"]),
    "front matter that is plain text": ("---\njust some words\n---\nBody\n", [
        "2: error: the front matter is plain text; it must be `field: value` lines, like "
        "`title: Lost your 2FA device`"]),
    "empty file": ("", [
        "1: error: the file is empty; an article starts with front matter between two `---` "
        "lines, then its text"]),
    "empty file with only blank lines": ("\n\n  \n", [
        "1: error: the file is empty; an article starts with front matter between two `---` "
        "lines, then its text"]),
    "non-UTF-8 bytes": ((FIXTURES / "bad" / "not-utf8.md").read_bytes(), [
        "2: error: the file is not UTF-8 text (byte 0xe9 on this line); save it with UTF-8 "
        "encoding in your editor"]),
    "a day that is not in the calendar": (article("expires: 2025-02-30\n").replace(
        "type: faq", "type: notice"), [
        '6: error: `expires`: "2025-02-30" is not a real day of the calendar; check the month '
        "and day"]),
    "a date in the wrong format": (article().replace("2026-11-10", "10/11/2026"), [
        '4: error: `reviewed`: expected a date written YYYY-MM-DD, like `reviewed: 2026-11-18`;'
        ' found "10/11/2026"']),
    "reviewed in the future": (article().replace("2026-11-10", "2026-12-01"), [
        "4: error: `reviewed`: 2026-12-01 is in the future (today is 2026-11-23); use the day "
        "you checked the article"]),
    "text where a list is expected": (article("coins: USDT\nkeywords: lost phone\n"), [
        '6: error: `coins`: expected a list, found text "USDT"; put the items in square '
        "brackets, like `coins: [USDT]`",
        '7: error: `keywords`: expected a list, found text "lost phone"; put the items in '
        "square brackets, like `keywords: [lost phone]`"]),
    "a list where text is expected": (article("summary: [a, b]\n"), [
        "6: error: `summary`: expected text, found a list; write it like `summary: Reset "
        "two-factor authentication when your phone is lost or replaced.`"]),
    "yes read as a yes/no value": (article("summary: yes\n"), [
        "6: error: `summary`: expected text, found a yes/no value (YAML reads a bare yes, no, "
        'true or false that way); put the text in quotes, like `summary: "yes"`']),
    "a number where text is expected": (article().replace("title: Lost your 2FA device",
                                                          "title: 404"), [
        '2: error: `title`: expected text, found the number 404; put it in quotes, like '
        '`title: "404"`']),
    "unknown type, with the closest one": (article().replace("type: faq", "type: gide"), [
        '3: error: `type`: text "gide" is not a known type; expected one of faq, guide, '
        "notice, risk, troubleshooter; did you mean `guide`?"]),
    "unknown type, nothing close": (article().replace("type: faq", "type: tutorial"), [
        '3: error: `type`: text "tutorial" is not a known type; expected one of faq, guide, '
        "notice, risk, troubleshooter"]),
    "notice without expires": (article().replace("type: faq", "type: notice"), [
        "3: error: `expires`: missing; a notice needs the day it ends, like "
        "`expires: 2026-12-31`"]),
    "unknown field, with the closest one": (article("reviwed: 2026-11-10\n"), [
        "6: error: `reviwed`: unknown field; did you mean `reviewed`?"]),
    "a misspelt required field is reported once": (article().replace("reviewed:", "reviwed:"), [
        "4: error: `reviwed`: unknown field; did you mean `reviewed`?"]),
    "unknown field, nothing close": (article("colour: blue\n"), [
        "6: error: `colour`: unknown field; the fields an article may have are: title, "
        "summary, type, category, coins, networks, services, status, related, prepare, steps, reviewed, owner, "
        "expires, keywords, review_days, translated_from, translation"]),
    "missing required fields": ("---\ntitle: Lost your 2FA device\n---\nBody\n", [
        '1: error: `owner`: missing; add a line like `owner: "@kestrel/security"`',
        "1: error: `reviewed`: missing; add a line like `reviewed: 2026-11-18`",
        "1: error: `type`: missing; add a line like `type: faq`"]),
    "a field written twice": (article("title: Again\n"), [
        "6: error: `title` is written twice (lines 2 and 6); keep only one of them"]),
    "an invisible control character": (article("summary: pasted\x07text\n"), [
        "6: error: the front matter contains an invisible control character (U+0007) on this "
        "line; delete the line and type it again"]),
    "a !!python tag is refused, not run": ((FIXTURES / "bad" / "python-tag.md").read_bytes(), [
        "2: error: the YAML tag `!!python/object/apply:os.system` is not allowed in front "
        "matter; write plain values only"]),
    "an alias bomb is refused": ((FIXTURES / "bad" / "alias-bomb.md").read_bytes(), [
        "4: error: YAML aliases (`*name`) are not allowed in front matter; write the value "
        "out in full"]),
    "review_days that is not a number": (article("review_days: often\n"), [
        "6: error: `review_days`: expected a whole number of days between 1 and 3650, found "
        'text "often"']),
    "translated_from in an English article": (article("translated_from: abcdefabcdef\n"), [
        "6: error: `translated_from`: only translations carry this field; remove it from the "
        "English article"]),
    "category that disagrees with the folder": (article("category: account\n"), [
        '6: error: `category`: says "account" but the file is in the "security" folder; move '
        "the file or remove the field"]),
    "unknown coins, with close matches": (article("coins: [USDTT, BTC, ETHH]\n"), [
        '6: error: `coins`: "ETHH" is not a known coin; did you mean ETH? Coins are listed in '
        "content/_data/coins.yml",
        '6: error: `coins`: "USDTT" is not a known coin; did you mean USDT or USDC? Coins are '
        "listed in content/_data/coins.yml"]),
    "unknown coin, nothing close": (article("coins: [ZZZZ]\n"), [
        '6: error: `coins`: "ZZZZ" is not a known coin. Coins are listed in '
        "content/_data/coins.yml"]),
}


@pytest.mark.parametrize("case", list(SINGLE_FILE_CASES))
def test_single_file_problem(site: Callable[..., Path], case: str) -> None:
    text, lines = SINGLE_FILE_CASES[case]
    root = site({"en/security/broken.md": text})
    errors = len(lines)
    summary = f"{errors} error{'s' if errors != 1 else ''}, 0 warnings in 1 file"
    expected = "".join(f"{PATH}:{line}\n" for line in lines) + summary + "\n"
    assert check(root, str(root / PATH)) == (1, expected)


# -- problems between files ---------------------------------------------------------

def test_translation_without_source(site: Callable[..., Path]) -> None:
    root = site({"zh/security/not-here.md": "---\ntitle: 无\n---\n正文\n"})
    assert check(root, str(root / "content/zh/security/not-here.md")) == (1, (
        "content/zh/security/not-here.md:1: error: this translation has no English source: "
        "content/en/security/not-here.md does not exist; translate an existing article or add "
        "the English one first\n"
        "1 error, 0 warnings in 1 file\n"))


def test_duplicate_ids_are_reported_on_both_files(site: Callable[..., Path]) -> None:
    root = site({"en/account/set-up-2fa.md": article().replace("security", "account-services")})
    message = ('error: the id "set-up-2fa" is also used by {}; article ids must be unique '
               "across categories (they appear in ticket links); rename one of the files\n")
    assert check(root) == (1, (
        "content/en/account/set-up-2fa.md:1: "
        + message.format("content/en/security/set-up-2fa.md")
        + "content/en/security/set-up-2fa.md:1: "
        + message.format("content/en/account/set-up-2fa.md")
        + f"2 errors, 0 warnings in {FILES_IN_BASE + 1} files\n"))


def test_translation_contradicting_an_inherited_field(site: Callable[..., Path]) -> None:
    root = site()
    zh = root / "content/zh/deposits-withdrawals/deposit-not-arrived.md"
    zh.write_text(zh.read_text(encoding="utf-8").replace(
        "title: 充值未到账\n", "title: 充值未到账\ntype: guide\ncoins: [USDT]\n"), encoding="utf-8")
    assert check(root, str(zh)) == (1, (
        f"{zh.relative_to(root).as_posix()}:3: error: `type`: says \"guide\" but the English "
        "article says \"faq\"; translations take `type` from the English article, so remove "
        "this line\n"
        f"{zh.relative_to(root).as_posix()}:4: error: `coins`: says [USDT] but the English "
        "article says [USDT, TRX]; translations take `coins` from the English article, so "
        "remove this line\n"
        "2 errors, 0 warnings in 1 file\n"))


def test_translation_must_have_a_title(site: Callable[..., Path]) -> None:
    root = site({"zh/security/set-up-2fa.md": "---\nsummary: 用验证器保护账户。\n---\n正文\n"})
    code, out = check(root, str(root / "content/zh/security/set-up-2fa.md"))
    assert code == 1
    assert out.splitlines()[0] == (
        "content/zh/security/set-up-2fa.md:1: error: `title`: missing; a translation repeats "
        "the title in its own language")


@pytest.mark.parametrize(("rel", "message"), [
    ("en/secruity/x.md", '"secruity" is not a known category; did you mean security? '
                         "Categories are listed in content/_data/categories.yml"),
    ("en/wallets/x.md", '"wallets" is not a known category. Categories are listed in '
                        "content/_data/categories.yml"),
    ("cn/security/x.md", '"cn" is not a configured language; did you mean en? Languages are '
                         "set in mkdocs.yml under the i18n plugin"),
    ("en/x.md", "articles live at content/<language>/<category>/<id>.md; move this file into "
                "a category folder"),
])
def test_file_in_the_wrong_folder(site: Callable[..., Path], rel: str, message: str) -> None:
    root = site({rel: article()})
    assert check(root, str(root / "content" / rel)) == (
        1, f"content/{rel}:1: error: {message}\n1 error, 0 warnings in 1 file\n")


# -- reader safety: links, addresses, numbers, placeholders -------------------------------

ALLOWED = (
    "our sites (api.kestrel.example, help.kestrel.example, kestrel.example, "
    "status.kestrel.example, support.kestrel.example, www.kestrel.example), the block "
    "explorers in coins.yml (arbiscan.io, bscscan.com, dogechain.info, etherscan.io, "
    "mempool.space, solscan.io, tonviewer.com, tronscan.org, xrpscan.com) and our accounts "
    "https://x.com/KestrelExchange, https://t.me/KestrelAnnouncements. If this site should be "
    "allowed, add it to content/_data/site.yml `official_domains` in a reviewed pull request")


def not_ours(host: str, extra: str = "") -> str:
    return (f'links to "{host}", which is not one of our websites{extra}. To protect readers '
            f"from phishing, pages may only link to {ALLOWED}")


LINK_CASES: dict[str, tuple[str, list[str]]] = {
    "a phishing domain in a link": (
        "Visit [our help desk](https://binance-support-help.com/login) today.",
        [not_ours("binance-support-help.com")]),
    "a phishing domain as a bare URL": (
        "Go to https://kestrel-support.example/reset now.", [not_ours("kestrel-support.example")]),
    "a phishing domain as a bare www. host": (
        "Type www.kestre1.example in your browser.",
        ['"www.kestre1.example" reads as a web address, and it is not one of our websites; readers '
         "type what they read. Name only our sites (content/_data/site.yml `official_domains`, "
         "changed in a reviewed pull request) and the explorers in coins.yml"]),
    "a phishing domain in an autolink": (
        "See <https://binance-support-help.com>.", [not_ours("binance-support-help.com")]),
    "a phishing domain in HTML": (
        '<a href="https://binance-support-help.com">help</a>',
        [not_ours("binance-support-help.com")]),
    "a phishing domain in a reference link": (
        "[1]: https://binance-support-help.com/\n\n[help][1]",
        [not_ours("binance-support-help.com")]),
    "a look-alike domain with a Cyrillic letter": (
        "[Log in](https://www.k\u0435strel.example/)",
        [not_ours("www.k\u0435strel.example",
                  " (written with letters that only look like Latin ones: the browser opens "
                  '"www.xn--kstrel-3of.example")')]),
    "our domain as the user name of another": (
        "[Log in](https://www.kestrel.example@evil.example/)",
        ['"https://www.kestrel.example@evil.example/" hides the real site behind a user name '
         '("www.kestrel.example@"); a browser opens "evil.example". Link to https://<our site>/... '
         "instead"]),
    "http on our own domain": (
        "Open http://www.kestrel.example/support/chat.",
        ['"http://www.kestrel.example/support/chat" must start with https://, so readers get '
         "the secure page"]),
    "a port number": (
        "Open https://help.kestrel.example:8443/x.",
        ['"https://help.kestrel.example:8443/x" must not contain a port number (":8443"); link to '
         "https://help.kestrel.example/... instead"]),
    "an impostor social account": (
        "Follow https://x.com/KestrelExchangeSupport for help.",
        ['"https://x.com/KestrelExchangeSupport" opens https://x.com/KestrelExchangeSupport, which '
         "is not one of our official accounts (https://x.com/KestrelExchange, "
         "https://t.me/KestrelAnnouncements); scammers open look-alike accounts, so pages link "
         "only to ours, exactly"]),
    "a javascript: link": (
        "[click](javascript:alert(1))",
        ['"javascript:alert(1)": `javascript:` links are not allowed; link to a web page starting '
         "with https://"]),
    "an e-mail address that is not ours": (
        "Write to helpdesk@kestrel.example.",
        ['"helpdesk@kestrel.example" is not one of our support e-mail addresses '
         "(security@kestrel.example, support@kestrel.example); pages may only give the "
         "addresses listed in content/_data/channels.yml"]),
    "a mailto: link that is not ours": (
        "[Mail us](mailto:help@kestrel-support.com)",
        ['"help@kestrel-support.com" is not one of our support e-mail addresses '
         "(security@kestrel.example, support@kestrel.example); pages may only give the "
         "addresses listed in content/_data/channels.yml"]),
    "a phone number that is not ours": (
        "Call +44 20 7946 0000 for help.",
        ['"+44 20 7946 0000" is not one of our support phone numbers (+1 555 0142); pages '
         "may only give the numbers listed in content/_data/channels.yml"]),
    "a tel: link that is not ours": (
        "[Call us](tel:+442079460000)",
        ['"+442079460000" is not one of our support phone numbers (+1 555 0142); pages may '
         "only give the numbers listed in content/_data/channels.yml"]),
    "a link to an article that does not exist": (
        "See [the guide](../security/set-up-2f.md).",
        ['"../security/set-up-2f.md" links to an article that does not exist '
         "(content/en/security/set-up-2f.md); did you mean ../security/set-up-2fa.md? Check the "
         "category folder and the file name"]),
    "a link to an article in the wrong category": (
        "See [the guide](../account/set-up-2fa.md).",
        ['"../account/set-up-2fa.md": the article "set-up-2fa" is in the security folder; link '
         "to `../security/set-up-2fa.md`"]),
    "a link to a page address instead of the file": (
        "See [the guide](../security/set-up-2fa/).",
        ['"../security/set-up-2fa/": link to the article\'s file, `../security/set-up-2fa.md`, '
         "so the link works in every language"]),
    "a link from the site root": (
        "See [the guide](/security/set-up-2fa/).",
        ['"/security/set-up-2fa/" starts at the site root, which breaks when the site is opened '
         "from a sub-folder or offline; link to the article's file instead, like "
         "`../security/set-up-2fa.md`"]),
    "a link into another language's folder": (
        "See [the guide](../../zh/security/set-up-2fa.md).",
        ['"../../zh/security/set-up-2fa.md" leads into another language\'s folder; link to an '
         "article as `../<category>/<id>.md` and readers get it in their own language"]),
    "a website without https://": (
        "See [our site](www.kestrel.example).",
        ['"www.kestrel.example" links to a file that does not exist '
         "(content/en/security/www.kestrel.example); if you meant a website, start the link "
         "with https://"]),
    "an unknown placeholder, with the closest one": (
        "Welcome to {{ exchnage_name }}.",
        ["`{{ exchnage_name }}` is not a placeholder we know; did you mean "
         "`{{ exchange_name }}`? The placeholders are `{{ exchange_name }}`, "
         "`{{ networks_table }}`, `{{ channels_table }}`"]),
    "a table placeholder inside a sentence": (
        "Fees: {{ networks_table }} apply.",
        ["`{{ networks_table }}` must stand alone on its own line, or readers see it as-is"]),
    "a table placeholder with an unknown coin": (
        "{{ networks_table USDT DOGGE }}",
        ['`{{ networks_table }}`: "DOGGE" is not a known coin; did you mean DOGE? Coins are '
         "listed in content/_data/coins.yml"]),
}


@pytest.mark.parametrize("case", list(LINK_CASES))
def test_body_problem(site: Callable[..., Path], case: str) -> None:
    body, messages = LINK_CASES[case]
    root = site({"en/security/broken.md": article() + "\n" + body + "\n"})
    summary = f"{len(messages)} error{'s' if len(messages) != 1 else ''}, 0 warnings in 1 file"
    # The body starts on line 7 ("Body."); the mistake is on line 9, after a blank line.
    expected = "".join(f"{PATH}:9: error: {m}\n" for m in messages) + summary + "\n"
    assert check(root, str(root / PATH)) == (1, expected)


def test_allowed_links_addresses_and_numbers_pass(site: Callable[..., Path]) -> None:
    body = """
Open [live chat](https://www.kestrel.example/support/chat), https://status.kestrel.example/ or
<https://support.kestrel.example/requests/new>; follow [us](https://x.com/KestrelExchange).
Check [your TxID](https://tronscan.org/#/transaction/abc) on a block explorer.
Write to [support](mailto:support@kestrel.example) or security@kestrel.example; an example
address looks like name@example.com. Call +1 555 0142 (24/7) or [tap](tel:+15550142).
Read [the guide](../security/set-up-2fa.md#scan), [a heading](#top) or
[deposits](../deposits-withdrawals/deposit-not-arrived.md).
Trading at {{ exchange_name }}: a fee of +0.1% and 1,000,000 orders.

{{ networks_table USDT TRX }}
"""
    root = site({"en/security/fine.md": article() + body})
    assert check(root, str(root / "content/en/security/fine.md")) == (
        0, "no problems in 1 file\n")


def test_links_in_a_translation_resolve_through_the_english_article(
        site: Callable[..., Path]) -> None:
    # zh has no set-up-2fa translation: readers get the English one, so the link is fine.
    root = site()
    zh = "content/zh/deposits-withdrawals/deposit-not-arrived.md"
    assert check(root, str(root / zh)) == (0, "no problems in 1 file\n")


# -- UI strings ------------------------------------------------------------------

def test_ui_strings_compared_with_the_default_language(site: Callable[..., Path]) -> None:
    root = site()
    zh = root / "translations" / "zh.yml"
    text = zh.read_text(encoding="utf-8")
    text = text.replace("  search: ", "  serch: ", 1).replace("{exchange}", "{exchnage}", 1)
    zh.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    home = lines.index("home:") + 1
    title = next(n for n, line in enumerate(lines, 1) if "{exchnage}" in line)
    serch = next(n for n, line in enumerate(lines, 1) if line.startswith("  serch: "))
    assert check(root, str(root / "translations")) == (1, (
        f"translations/zh.yml:{home}: warning: `home.search`: missing; readers of this "
        'language see the English text "Search the help centre" until you add it\n'
        f"translations/zh.yml:{title}: error: `home.title`: the placeholders in braces must be "
        "the same as in translations/en.yml ({exchange}), found {exchnage}; copy them "
        "unchanged, they are filled in by the site\n"
        f"translations/zh.yml:{serch}: warning: `home.serch`: not a UI string the site uses "
        "(it is not in translations/en.yml); did you mean `home.search`?\n"
        f"1 error, 2 warnings in {6 + WORD_LISTS} files\n"))


def test_warnings_alone_exit_zero(site: Callable[..., Path]) -> None:
    root = site()
    zh = root / "translations" / "zh.yml"
    zh.write_text(zh.read_text(encoding="utf-8").replace("  search: ", "  serch: ", 1),
                  encoding="utf-8")
    code, out = check(root, str(zh))
    assert (code, out.splitlines()[-1]) == (0, "0 errors, 2 warnings in 1 file")


# -- the whole report, formats and options -------------------------------------------

def test_every_problem_at_once_sorted_by_path_then_line(site: Callable[..., Path]) -> None:
    root = site({
        "en/security/b.md": article("reviwed: 2026-11-10\n").replace("type: faq", "type: gide"),
        "en/account/a.md": article() + "\nMail helpdesk@kestrel.example.\n",
    })
    assert check(root) == (1, (
        'content/en/account/a.md:9: error: "helpdesk@kestrel.example" is not one of our '
        "support e-mail addresses (security@kestrel.example, support@kestrel.example); "
        "pages may only give the addresses listed in content/_data/channels.yml\n"
        'content/en/security/b.md:3: error: `type`: text "gide" is not a known type; expected '
        "one of faq, guide, notice, risk, troubleshooter; did you mean `guide`?\n"
        "content/en/security/b.md:6: error: `reviwed`: unknown field; did you mean "
        "`reviewed`?\n"
        f"3 errors, 0 warnings in {FILES_IN_BASE + 2} files\n"))


def test_json_format(site: Callable[..., Path]) -> None:
    root = site({"en/security/broken.md": article("reviwed: 2026-11-10\n")})
    code, out = check(root, "--format", "json", str(root / PATH))
    assert code == 1
    assert json.loads(out) == [{
        "path": PATH, "line": 6, "severity": "error",
        "message": "`reviwed`: unknown field; did you mean `reviewed`?"}]


def test_json_format_when_clean(site: Callable[..., Path]) -> None:
    assert check(site(), "--format", "json") == (0, "[]\n")


def test_github_format_escapes_workflow_commands(site: Callable[..., Path]) -> None:
    root = site({"en/security/broken.md": article("reviwed: 2026-11-10\ncoins: [BTC, 100%]\n")})
    assert check(root, "--format", "github", str(root / PATH)) == (1, (
        f"::error file={PATH},line=6::`reviwed`: unknown field; did you mean `reviewed`?\n"
        f'::error file={PATH},line=7::`coins`: "100%25" is not a known coin. Coins are listed '
        "in content/_data/coins.yml\n"
        "2 errors, 0 warnings in 1 file\n"))


def test_summary_file_gets_a_markdown_table(site: Callable[..., Path], tmp_path: Path) -> None:
    root = site({"en/security/broken.md": article("reviwed: 2026-11-10\n")})
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    check(root, "--summary", str(summary), str(root / PATH))
    assert summary.read_text(encoding="utf-8") == (
        "# Earlier step\n"
        "## Content check\n\n"
        "1 error, 0 warnings in 1 file.\n\n"
        "| | File | Line | Problem |\n"
        "|---|---|---|---|\n"
        f"| ❌ error | `{PATH}` | 6 | `reviwed`: unknown field; did you mean `reviewed`? |\n")


def test_paths_limit_the_report_not_the_loading(site: Callable[..., Path]) -> None:
    root = site({"en/security/broken.md": article("reviwed: 2026-11-10\n"),
                 "en/account/other.md": article("colour: blue\n")})
    code, out = check(root, str(root / "content/en/security"))
    assert code == 1
    assert out.splitlines() == [
        f"{PATH}:6: error: `reviwed`: unknown field; did you mean `reviewed`?",
        "1 error, 0 warnings in 2 files"]  # set-up-2fa.md and broken.md


def test_relative_paths_are_read_from_the_current_folder(
        site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root = site({"en/security/broken.md": article("reviwed: 2026-11-10\n")})
    monkeypatch.chdir(root)
    code, out = check(root, PATH)
    assert (code, out.splitlines()[-1]) == (1, "1 error, 0 warnings in 1 file")


def test_missing_path_is_a_usage_error(site: Callable[..., Path],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = site()
    assert main(["check", "--root", str(root), str(root / "content/en/nope.md")]) == 2
    assert capsys.readouterr().err == (
        f"helpcentre check: error: no such file or folder: {root / 'content/en/nope.md'}\n")


def test_bad_today_is_a_usage_error(site: Callable[..., Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(site()), "--today", "2026-13-01"]) == 2
    assert capsys.readouterr().err == (
        'helpcentre check: error: --today: `today`: "2026-13-01" is not a real day of the '
        "calendar; check the month and day\n")


def test_no_site_here_is_a_usage_error(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"helpcentre check: error: {tmp_path} has no mkdocs.yml; run this in the help "
        "centre's folder or pass --root\n")


def test_unknown_format_is_a_usage_error(site: Callable[..., Path]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--root", str(site()), "--format", "xml"])
    assert exc.value.code == 2


def test_broken_registry_is_reported_not_raised(site: Callable[..., Path]) -> None:
    root = site()
    coins = root / "content/_data/coins.yml"
    coins.write_text("- symbol: BTC\n  name: [oops\n", encoding="utf-8")
    code, out = check(root)
    assert code == 1
    assert out.splitlines()[0].startswith("content/_data/coins.yml:3: error: not valid YAML")



# -- the run cache: a run where nothing changed answers without loading --------------

def test_an_unchanged_help_centre_is_answered_from_the_cache(site: Callable[..., Path],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import helpcentre.checks.project as project_module

    root = site()
    first = check(root)
    assert first[0] == 0 and (root / "build" / ".cache" / "check.json").is_file()

    def no_loading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the corpus was loaded although nothing changed")

    monkeypatch.setattr(project_module, "load_corpus", no_loading)
    assert check(root) == first
    # A changed day is a new run: reviews fall due with the calendar.
    with pytest.raises(AssertionError, match="the corpus was loaded"):
        main(["check", "--root", str(root), "--today", "2026-11-24"])


def test_any_change_to_an_input_is_seen_at_once(site: Callable[..., Path]) -> None:
    root = site()
    assert check(root)[0] == 0
    path = root / "content" / "en" / "security" / "set-up-2fa.md"
    clean = path.read_text(encoding="utf-8")
    path.write_text(clean + "\nCall +44 20 7946 0000.\n", encoding="utf-8")
    code, out = check(root)
    assert code == 1 and '"+44 20 7946 0000" is not one of our support phone numbers' in out
    path.write_text(clean, encoding="utf-8")
    assert check(root)[0] == 0
    (root / "translations" / "zh.yml").write_text("{", encoding="utf-8")  # not content/: seen too
    assert check(root)[0] == 1
