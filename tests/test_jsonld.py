"""schema.org JSON-LD (helpcentre.site.jsonld): shapes per article type, and
safe embedding of untrusted titles in a built page."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from conftest import SAMPLE_ARTICLES, build_site
from helpcentre.content.corpus import Corpus, load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.site import jsonld

TODAY = dt.date(2026, 11, 23)
BASE = "https://help.kestrel.example/"
EVIL = "</script><img src=x onerror=alert(1)>"
LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

GUIDE_WITHOUT_STEPS = """\
    ---
    title: Where to find your UID
    summary: Your UID is on the account page.
    type: guide
    reviewed: 2026-11-02
    owner: "@kestrel/security"
    ---
    Open the account page; the UID is under your name.

    - It is a number.
    """
EVIL_FAQ = f"""\
    ---
    title: "Evil {EVIL}"
    summary: "Summary & {EVIL}"
    type: faq
    reviewed: 2026-11-01
    owner: "@kestrel/security"
    ---
    Body with **bold** and a [link](https://kestrel.example/).
    """
LONG_GUIDE = """\
    ---
    title: Reset 2FA
    summary: Reset your authenticator.
    type: guide
    reviewed: 2026-11-03
    owner: "@kestrel/security"
    ---
    Before you start, have your ID ready.

    ```
    1. not a step (code)
    ```

    1. Open **Security**
       and choose *Reset 2FA*.

    2) Upload your ID.
    3. Wait for the `e-mail`.

    Then log in again.

    1. A second list, not steps.
    """
SENTENCE = "Withdrawals to a new address wait a day while we check them. "  # 61 characters
BIG_FAQ = f"""\
    ---
    title: Why is my withdrawal on hold?
    summary: New addresses are held for 24 hours.
    type: faq
    reviewed: 2026-11-04
    owner: "@kestrel/payments"
    ---
    ## Why

    ```
    a code block, blank line inside

    still code
    ```

    {SENTENCE * 10}

    {"A later paragraph the answer leaves out. " * 500}
    """
ARTICLES = {**SAMPLE_ARTICLES,
            "en/account/find-uid.md": GUIDE_WITHOUT_STEPS,
            "en/security/evil.md": EVIL_FAQ,
            "en/security/reset-2fa.md": LONG_GUIDE,
            "en/deposits-withdrawals/withdrawal-on-hold.md": BIG_FAQ}


def corpus_of(make_site: Any) -> Corpus:
    project = load_project(make_site(ARTICLES))
    return load_corpus(project, load_registry(project), today=TODAY)


def ld(corpus: Corpus, article_id: str, lang: str = "en") -> dict[str, Any]:
    source = corpus.sources[article_id]
    return jsonld.for_article(corpus, source, lang, f"{BASE}{source.category}/{article_id}/")


def test_faq_is_an_faqpage_with_one_question(make_site: Any) -> None:
    data = ld(corpus_of(make_site), "deposit-not-arrived")
    assert data == {
        "@context": "https://schema.org", "@type": "FAQPage",
        "name": "My deposit has not arrived", "inLanguage": "en",
        "url": BASE + "deposits-withdrawals/deposit-not-arrived/", "dateModified": "2026-11-10",
        "mainEntity": [{
            "@type": "Question", "name": "My deposit has not arrived",
            "acceptedAnswer": {"@type": "Answer", "text": (
                "Check the confirmations and the TxID before contacting us. "
                "Deposits are credited after the network confirms them.")}}]}


def test_faq_answer_is_the_summary_and_the_start_of_the_first_paragraph(make_site: Any) -> None:
    """A big article's JSON-LD stays small: headings and code are passed over, later
    paragraphs left out, and the first paragraph cut at a space before ANSWER_EXCERPT."""
    answer = ld(corpus_of(make_site), "withdrawal-on-hold")["mainEntity"][0]["acceptedAnswer"]["text"]
    kept = SENTENCE * 4 + "Withdrawals to a new address wait a day while we check"  # 298 characters
    assert answer == "New addresses are held for 24 hours. " + kept + "…"
    assert len(kept) + len("…") <= jsonld.ANSWER_EXCERPT == 300


def test_excerpt_cuts_at_a_space_or_at_the_limit() -> None:
    assert jsonld.excerpt("short") == "short"
    assert jsonld.excerpt("a" * 300) == "a" * 300
    assert jsonld.excerpt("a" * 301) == "a" * 299 + "…"  # no space to cut at (Chinese, say)
    assert jsonld.excerpt("word, " * 60, limit=20) == "word, word, word…"


def test_first_paragraph_skips_headings_and_code() -> None:
    body = "# Title\n\n```\ncode\n\nmore code\n```\n\nFirst **real**\nparagraph.\n\nSecond."
    assert jsonld.first_paragraph(body) == "First real paragraph."
    assert jsonld.first_paragraph("## Only a heading\n") == ""


def test_translated_faq_is_in_its_own_language(make_site: Any) -> None:
    data = ld(corpus_of(make_site), "deposit-not-arrived", "zh")
    assert data["inLanguage"] == "zh"
    assert data["mainEntity"][0]["name"] == "充值未到账"
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == (
        "联系我们之前，请先检查确认数和交易哈希。 网络确认后，充值会自动入账。")


def test_fallback_page_describes_the_english_text(make_site: Any) -> None:
    data = ld(corpus_of(make_site), "set-up-2fa", "zh")
    assert (data["@type"], data["inLanguage"], data["name"]) == (
        "HowTo", "en", "Set up two-factor authentication")


def test_guide_with_a_numbered_list_is_a_howto(make_site: Any) -> None:
    data = ld(corpus_of(make_site), "reset-2fa")
    assert data == {
        "@context": "https://schema.org", "@type": "HowTo", "name": "Reset 2FA",
        "description": "Reset your authenticator.", "inLanguage": "en",
        "url": BASE + "security/reset-2fa/", "dateModified": "2026-11-03",
        "step": [
            {"@type": "HowToStep", "position": 1, "text": "Open Security and choose Reset 2FA."},
            {"@type": "HowToStep", "position": 2, "text": "Upload your ID."},
            {"@type": "HowToStep", "position": 3, "text": "Wait for the e-mail."}]}


def test_guide_without_a_numbered_list_is_an_article(make_site: Any) -> None:
    data = ld(corpus_of(make_site), "find-uid")
    assert data == {
        "@context": "https://schema.org", "@type": "Article", "headline": "Where to find your UID",
        "description": "Your UID is on the account page.", "inLanguage": "en",
        "url": BASE + "account/find-uid/", "dateModified": "2026-11-02",
        "mainEntityOfPage": BASE + "account/find-uid/"}


def test_notice_is_an_article_that_expires(make_site: Any) -> None:
    data = ld(corpus_of(make_site), "trx-network-upgrade")
    assert (data["@type"], data["headline"], data["expires"]) == (
        "Article", "TRX deposits paused for a network upgrade", "2026-12-10")


def test_script_text_cannot_end_the_script_element() -> None:
    text = jsonld.script_text({"name": EVIL, "note": "a & b <!-- c", "sep": "x\u2028y"})
    assert text == ('{"name":"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e",'
                    '"note":"a \\u0026 b \\u003c!-- c","sep":"x\\u2028y"}')
    assert json.loads(text) == {"name": EVIL, "note": "a & b <!-- c", "sep": "x\u2028y"}


def test_script_text_keeps_other_languages_readable() -> None:
    assert jsonld.script_text({"name": "充值未到账"}) == '{"name":"充值未到账"}'


def test_built_pages_carry_the_json_ld_intact(make_site: Any) -> None:
    """In a built page the hostile title stays inside the JSON and parses back exactly."""
    site: Path = build_site(make_site(ARTICLES))
    html = (site / "security" / "evil" / "index.html").read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    blocks = LD_RE.findall(head)
    assert len(blocks) == 1
    assert "<img src=x" not in html
    data = json.loads(blocks[0])
    assert data["mainEntity"][0]["name"] == "Evil " + EVIL
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == (
        f"Summary & {EVIL} Body with bold and a link.")
    zh = json.loads(LD_RE.findall((site / "zh" / "deposits-withdrawals" / "deposit-not-arrived"
                                   / "index.html").read_text(encoding="utf-8"))[0])
    assert (zh["@type"], zh["url"]) == (
        "FAQPage", BASE + "zh/deposits-withdrawals/deposit-not-arrived/")
    # Generated pages (home, topics, coins, contact) describe no article.
    assert LD_RE.findall((site / "index.html").read_text(encoding="utf-8")) == []
