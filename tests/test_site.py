"""The built site, as readers get it: pages per language and what they carry.

Builds a small fixture site for real (strict, like CI) and reads the HTML.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, build_site

LANGS = ("en", "zh", "ja", "ko", "es", "ru")


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_home_category_coin_and_article_pages(built_sample: Path,
                                                                 lang: str) -> None:
    p = prefix(lang)
    for url in ("", "contact/", "security/", "deposits-withdrawals/", "coins/usdt/",
                "deposits-withdrawals/deposit-not-arrived/", "security/set-up-2fa/"):
        assert (built_sample / p / url / "index.html").is_file(), f"{lang}: {url} missing"
    home = page(built_sample, p)
    # The page is in the reader's language (Material sets <html lang> per build).
    assert f'<html lang="{lang}"' in home


def test_home_page_shows_topics_notices_contact_and_staff_warning(built_sample: Path) -> None:
    home = page(built_sample, "")
    assert "Kestrel Exchange Help Centre" in home
    assert 'for="__search"' in home  # the home search box opens the site search
    assert 'href="deposits-withdrawals/"' in home and "Deposits &amp; withdrawals" in home
    assert 'href="announcements/trx-network-upgrade/"' in home  # a current notice
    assert "TRX, USDT · Deposits, Withdrawals · until December 10, 2026" not in home  # no services set
    assert "TRX, USDT · until December 10, 2026" in home
    assert ('href="https://support.kestrel.example/requests/new?lang=en&amp;page=home" '
            'rel="noopener">Submit a ticket</a>') in home
    assert '<a class="md-button" href="contact/">Contact us</a>' in home
    assert "will never ask for your password, 2FA codes" in home
    assert 'href="https://x.com/KestrelExchange"' in home


def test_article_page_carries_its_metadata(built_sample: Path) -> None:
    art = page(built_sample, "deposits-withdrawals/deposit-not-arrived/")
    assert '<span class="hc-type hc-type--faq">FAQ</span>' in art
    assert '<a class="hc-category" href="../">Deposits &amp; withdrawals</a>' in art
    assert '<a class="hc-coin" href="../../coins/usdt/" title="Tether USD">USDT</a>' in art
    assert 'Last reviewed: <time datetime="2026-11-10">November 10, 2026</time>' in art
    assert "Your UID (account ID)" in art and "The transaction ID (TxID" in art


def test_site_name_is_in_the_readers_language(built_sample: Path) -> None:
    assert "<title>首页 - Kestrel Exchange 帮助中心</title>" in page(built_sample, "zh/")
    assert ("<title>Set up two-factor authentication - Kestrel Exchange 帮助中心</title>"
            in page(built_sample, "zh/security/set-up-2fa/"))


def test_reviewed_date_is_localized(built_sample: Path) -> None:
    art = page(built_sample, "zh/deposits-withdrawals/deposit-not-arrived/")
    assert '<time datetime="2026-11-10">2026年11月10日</time>' in art


def test_ticket_link_is_the_exact_encoded_url(built_sample: Path) -> None:
    art = page(built_sample, "zh/deposits-withdrawals/deposit-not-arrived/")
    link = re.search(r'class="md-button md-button--primary hc-ticket" href="([^"]+)"', art)
    assert link is not None
    assert html.unescape(link.group(1)) == (
        "https://support.kestrel.example/requests/new?form=deposit-withdrawal"
        "&article=deposit-not-arrived&lang=zh&category=deposits-withdrawals&coin=USDT%2CTRX")


def test_fallback_page_says_it_is_not_translated(built_sample: Path) -> None:
    art = page(built_sample, "zh/security/set-up-2fa/")
    assert 'data-hc-banner="untranslated"' in art
    assert '<article class="hc-article" lang="en">' in art  # English text, marked as such
    assert "Set up two-factor authentication" in art
    translated = page(built_sample, "zh/deposits-withdrawals/deposit-not-arrived/")
    assert 'data-hc-banner="untranslated"' not in translated


def test_category_and_coin_pages_list_their_articles(built_sample: Path) -> None:
    cat = page(built_sample, "zh/deposits-withdrawals/")
    assert 'href="deposit-not-arrived/"' in cat and "充值未到账" in cat
    coin = page(built_sample, "coins/usdt/")
    assert 'href="../../deposits-withdrawals/deposit-not-arrived/"' in coin
    assert 'href="../../announcements/trx-network-upgrade/"' in coin
    assert "TRON (TRC20)" in coin  # the networks table from the registry


def test_related_articles_share_coins_first(built_sample: Path) -> None:
    art = page(built_sample, "deposits-withdrawals/deposit-not-arrived/")
    related = art.split('id="hc-related-title"')[1].split("</nav>")[0]
    assert "../../announcements/trx-network-upgrade/" in related


def test_feedback_no_offers_reasons_with_prefilled_links(built_sample: Path) -> None:
    art = page(built_sample, "security/set-up-2fa/")
    assert html.escape("https://support.kestrel.example/feedback?article=set-up-2fa&lang=en"
                       "&reason=outdated") in art


def test_language_switcher_stays_on_the_same_article(built_sample: Path) -> None:
    art = page(built_sample, "ja/security/set-up-2fa/")
    # Material renders the switcher from config.extra.alternate, which we set per page.
    assert 'href="../../../zh/security/set-up-2fa/" hreflang="zh" class="md-select__link"' in art


def test_canonical_of_a_fallback_page_is_the_english_page(built_sample: Path) -> None:
    head = page(built_sample, "zh/security/set-up-2fa/").split("</head>")[0]
    assert '<link rel="canonical" href="https://help.kestrel.example/security/set-up-2fa/">' in head
    # hreflang lives in sitemap.xml (see test_sitemap_...), not in the head.
    assert 'rel="alternate"' not in head
    translated = page(built_sample, "zh/deposits-withdrawals/deposit-not-arrived/")
    head = translated.split("</head>")[0]
    assert ('<link rel="canonical" href="https://help.kestrel.example/zh/deposits-withdrawals/'
            'deposit-not-arrived/">') in head
    assert '<meta name="description" content="联系我们之前，请先检查确认数和交易哈希。">' in head


def test_no_third_party_fonts_or_scripts(built_sample: Path) -> None:
    for html_file in list(built_sample.rglob("*.html"))[:50]:
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text
        assert not re.search(r'<script[^>]+src="https?://', text)


def test_a_seventh_language_is_only_configuration(make_site, tmp_path: Path) -> None:
    languages = [{"locale": code, "name": code, "build": True, "default": code == "en"}
                 for code in (*LANGS, "de")]
    root = make_site(languages=languages)
    shutil.copy(REPO / "translations" / "en.yml", root / "translations" / "de.yml")
    site = build_site(root)
    assert (site / "de" / "security" / "set-up-2fa" / "index.html").is_file()
    assert '<html lang="de"' in page(site, "de/")


def test_sitemap_lists_real_translations_only(built_sample: Path) -> None:
    xml = (built_sample / "sitemap.xml").read_text(encoding="utf-8")
    base = "https://help.kestrel.example/"
    assert f"<loc>{base}zh/deposits-withdrawals/deposit-not-arrived/</loc>" in xml
    assert f"<loc>{base}zh/security/set-up-2fa/</loc>" not in xml  # a fallback page
    assert f"<loc>{base}security/set-up-2fa/</loc>" in xml
    assert (f'<xhtml:link rel="alternate" hreflang="zh" '
            f'href="{base}zh/deposits-withdrawals/deposit-not-arrived/"/>') in xml
    assert f"<loc>{base}ja/coins/usdt/</loc>" in xml


def test_html_in_front_matter_is_shown_as_text(make_site) -> None:
    evil = "<img src=x onerror=alert(1)></script>"
    articles = {
        "en/security/evil.md": f"""\
            ---
            title: "Evil {evil}"
            summary: "Summary {evil}"
            type: faq
            reviewed: 2026-11-01
            owner: "@kestrel/security"
            keywords: ["{evil}"]
            ---
            Body.
            """,
    }
    site = build_site(make_site(articles))
    for url in ("security/evil/", "security/", ""):
        text = page(site, url)
        assert "<img src=x" not in text, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in text, url


def test_team_dashboard_is_written_when_enabled(make_site) -> None:
    root = make_site()
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "helpcentre" in plugin:
            plugin["helpcentre"] = {"dashboard": True}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    site = build_site(root)
    dashboard = (site / "_team" / "freshness" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex' in dashboard
    assert "deposit-not-arrived" in dashboard
    assert "_team" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    # Its own policy: the one inline <style> by hash, nothing else at all.
    policy = _csp_of(dashboard)
    assert policy.startswith("default-src 'none'; style-src 'sha256-")
    assert "object-src 'none'; base-uri 'none'; form-action 'none'" in policy
    assert "script-src" not in policy


def _csp_of(page: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    metas = LexborHTMLParser(page).css('meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1
    return metas[0].attributes["content"] or ""


def test_every_page_and_the_404_page_carry_the_policy(built_sample: Path) -> None:
    pages = sorted(built_sample.rglob("*.html"))
    assert built_sample / "404.html" in pages
    for page in pages:
        policy = _csp_of(page.read_text(encoding="utf-8"))
        assert "object-src 'none'; base-uri 'none'; form-action 'none'" in policy, page
        assert "'hc-inline-script-hashes'" not in policy, page  # the hashes were filled in


def test_team_dashboard_is_off_by_default(built_sample: Path) -> None:
    assert not (built_sample / "_team").exists()


def test_a_failed_build_leaves_the_previous_site_intact(make_site, capsys) -> None:
    from helpcentre.cli import main

    root = make_site()
    site = root / "build" / "site"
    assert main(["build", "--root", str(root), "--today", "2026-11-23"]) == 0
    before = (site / "index.html").read_bytes()
    broken = root / "content" / "en" / "security" / "set-up-2fa.md"
    broken.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    assert main(["build", "--root", str(root), "--today", "2026-11-23"]) == 1
    err = capsys.readouterr().err
    assert "helpcentre build: the previous site was left as it was" in err
    assert (site / "index.html").read_bytes() == before
    assert (site / "security" / "set-up-2fa" / "index.html").is_file()
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # no staging folder left


def test_a_missing_ui_string_fails_the_strict_build_naming_key_and_language(make_site, caplog) -> None:
    from mkdocs.exceptions import Abort

    root = make_site()
    zh = root / "translations" / "zh.yml"
    lines = zh.read_text(encoding="utf-8").splitlines()
    zh.write_text("\n".join(line for line in lines if not line.startswith("  ticket:")) + "\n",
                  encoding="utf-8")
    with pytest.raises(Abort):
        build_site(root, strict=True)
    assert ("helpcentre: translations/zh.yml: missing UI string `help.ticket`; readers see the en "
            "text until it is added") in caplog.text
