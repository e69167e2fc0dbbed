"""What a reader sees first (issue 14), checked on built pages and page models.

The home's top questions per language, topic cards, notices where they
matter (articles by coin, network or service; coin pages; network rows),
prefilled ticket links everywhere (bodies too), per-language 404 pages,
the "nothing found" help, honest feedback, the footer, and the brand colour
and logo from site.yml with its contrast rule. Browser behaviour (widths,
search, live reload) is in test_browser_reader.py.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import struct
import zlib
from pathlib import Path

import pytest

from conftest import TODAY, build_site, write_site
from helpcentre.cli import main
from helpcentre.content import colour
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.ui import load_ui_strings
from helpcentre.site import tickets


def art(front: str, body: str = "Body.") -> str:
    return f"---\n{front.strip()}\nreviewed: 2026-11-10\n---\n{body}\n"


ARTICLES = {
    "en/deposits-withdrawals/deposit-not-arrived.md": art(
        'title: My deposit has not arrived\ntype: faq\nowner: "@kestrel/payments"\nservices: [deposit]',
        "If it is still missing, open a [support ticket](https://support.kestrel.example/requests/new)."
        "\n\nOr the [security form](https://support.kestrel.example/requests/new?form=security).\n\n"
        "{{ networks_table USDT }}"),
    "en/deposits-withdrawals/withdrawal-not-arrived.md": art(
        'title: My withdrawal has not arrived\ntype: faq\nowner: "@kestrel/payments"\n'
        "services: [withdrawal]\nprepare: [uid, coin_network, amount, time]\n"
        "related: [withdrawal-pending-review, deposit-not-arrived]"),
    "en/deposits-withdrawals/withdrawal-pending-review.md": art(
        'title: My withdrawal is pending review\ntype: faq\nowner: "@kestrel/payments"\n'
        "services: [withdrawal]"),
    "en/deposits-withdrawals/wrong-network-deposit.md": art(
        'title: I deposited on the wrong network\ntype: faq\nowner: "@kestrel/payments"\n'
        "coins: [USDT, USDC, ETH]"),
    "en/security/set-up-2fa.md": art('title: Set up 2FA\ntype: guide\nowner: "@kestrel/security"'),
    "zh/security/set-up-2fa.md": art("title: 设置双重验证"),
    "en/announcements/trx-network-upgrade.md": art(
        'title: TRX deposits and withdrawals suspended\ntype: notice\nowner: "@kestrel/communications"\n'
        "coins: [TRX, USDT]\nnetworks: [TRC20]\nservices: [deposit, withdrawal]\nexpires: 2026-12-10"),
}


def set_site_yml(root: Path, old: str, new: str) -> None:
    path = root / "content" / "_data" / "site.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


TOP = """top_questions:
  default: [withdrawal-not-arrived, deposit-not-arrived]
  ja: [set-up-2fa, withdrawal-pending-review]
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("reader") / "site", ARTICLES)
    set_site_yml(root, "brand:\n", TOP + "brand:\n")
    return build_site(root)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8") if not url.endswith(".html") \
        else (site / url).read_text(encoding="utf-8")


def check(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--root", str(root), "--today", TODAY])
    return code, out.getvalue()


# -- the home page -----------------------------------------------------------------

def top_questions(home: str) -> list[str]:
    block = home.split('id="hc-top-title"')[1].split("</ol>")[0]
    return re.findall(r'href="[^"]*?([a-z0-9-]+)/"', block)


def test_home_lists_the_teams_top_questions_in_order_per_language(built: Path) -> None:
    assert top_questions(page(built, "")) == ["withdrawal-not-arrived", "deposit-not-arrived"]
    assert top_questions(page(built, "zh/")) == ["withdrawal-not-arrived", "deposit-not-arrived"]
    assert top_questions(page(built, "ja/")) == ["set-up-2fa", "withdrawal-pending-review"]


def test_an_english_title_on_a_japanese_page_says_it_is_english(built: Path) -> None:
    top = page(built, "ja/").split('id="hc-top-title"')[1].split("</ol>")[0]
    assert ('<a href="deposits-withdrawals/withdrawal-pending-review/" lang="en">My withdrawal is '
            'pending review</a> <span class="hc-lang-tag">English</span>') in top


def test_topic_cards_show_icon_description_and_top_questions_first(built: Path) -> None:
    grid = page(built, "").split('class="hc-grid"', 1)[1]
    card = grid.split('href="deposits-withdrawals/"', 1)[1].split('<li class="hc-card">')[0]
    assert "<svg" in card  # the icon from categories.yml
    assert "Missing deposits, wrong networks, memos and pending withdrawals" in card
    links = re.findall(r'href="deposits-withdrawals/([a-z-]+)/"', card)
    # The top questions first, in the team's order; then by title.
    assert links == ["withdrawal-not-arrived", "deposit-not-arrived", "wrong-network-deposit"]
    assert "All 4 articles" in card


def test_home_without_a_list_shows_the_newest_faqs(make_site) -> None:
    site = build_site(make_site())
    assert top_questions(page(site, "")) == ["deposit-not-arrived"]


def test_unknown_top_question_is_a_warning_with_line(tmp_path: Path) -> None:
    """Deleting an article must not take the site down; check says the home leaves it out."""
    root = write_site(tmp_path / "site", ARTICLES)
    set_site_yml(root, "brand:\n", "top_questions:\n  default: [deposit-not-arived]\n" + "brand:\n")
    code, out = check(root)
    line = next(n for n, text in enumerate(
        (root / "content/_data/site.yml").read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("  default:"))
    assert code == 0
    assert (f'content/_data/site.yml:{line}: warning: `top_questions`: default: no article has the id '
            '"deposit-not-arived", so the home page leaves it out; did you mean deposit-not-arrived or '
            "withdrawal-not-arrived? Use the file name of an English article, without .md") in out


# -- notices where they matter ---------------------------------------------------

def test_notice_banner_on_articles_sharing_a_coin_network_or_service(built: Path) -> None:
    for url in ("deposits-withdrawals/deposit-not-arrived/",      # service: deposit
                "deposits-withdrawals/withdrawal-not-arrived/",   # service: withdrawal
                "deposits-withdrawals/wrong-network-deposit/"):   # coin: USDT
        assert 'data-hc-banner="notice"' in page(built, url), url
    assert 'data-hc-banner="notice"' not in page(built, "security/set-up-2fa/")
    banner = page(built, "zh/deposits-withdrawals/withdrawal-not-arrived/")
    assert '<span class="hc-note">TRX、USDT · TRC20 · 充值、提现 · ' in banner


def test_notice_banner_and_row_status_on_coin_pages(built: Path) -> None:
    usdt = page(built, "coins/usdt/")
    assert 'data-hc-banner="notice"' in usdt
    rows = re.findall(r"<tr(?: class=\"hc-row--notice\" data-hc-notice-row)?>\s*<th scope=\"row\"[^>]*>"
                      r"([^<]+)</th>", usdt)
    marked = re.findall(r'<tr class="hc-row--notice" data-hc-notice-row>\s*<th scope="row"[^>]*>([^<]+)<',
                        usdt)
    assert marked == ["TRON (TRC20)"] and len(rows) == 4
    assert ">Notice: Deposits, Withdrawals</a>" in usdt
    assert 'data-hc-banner="notice"' not in page(built, "coins/btc/")


def test_an_ended_notice_reaches_nobody(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", ARTICLES)
    site = build_site(root, today="2026-12-11")
    assert 'data-hc-banner="notice"' not in page(site, "deposits-withdrawals/deposit-not-arrived/")
    assert "data-hc-notice-row" not in page(site, "coins/usdt/")


def test_networks_table_in_an_article_marks_the_affected_row(built: Path) -> None:
    body = page(built, "deposits-withdrawals/deposit-not-arrived/")
    row = next(r for r in body.split("<tr>") if "TRON (TRC20)" in r)
    assert ('<strong><a href="../../announcements/trx-network-upgrade/" rel="noopener noreferrer">Notice: '
            "Deposits, Withdrawals</a></strong>") in row
    other = next(r for r in body.split("<tr>") if "Solana" in r)
    assert "Normal" in other


# -- one contact path --------------------------------------------------------------

def hrefs(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="(https://support\.kestrel\.example/requests/[^"]*)"',
                                                  text)]


def test_ticket_links_in_the_body_are_prefilled_and_keep_the_writers_form(built: Path) -> None:
    body = page(built, "zh/deposits-withdrawals/deposit-not-arrived/").split('class="hc-body"')[1]
    body = body.split('class="hc-help"')[0]
    assert hrefs(body) == [
        "https://support.kestrel.example/requests/new?form=deposit-withdrawal&article=deposit-not-arrived"
        "&lang=zh&category=deposits-withdrawals",
        "https://support.kestrel.example/requests/new?form=security&article=deposit-not-arrived&lang=zh"
        "&category=deposits-withdrawals"]


def test_ticket_link_carries_every_coin_of_the_article(built: Path) -> None:
    assert hrefs(page(built, "deposits-withdrawals/wrong-network-deposit/"))[-1].endswith(
        "&article=wrong-network-deposit&lang=en&category=deposits-withdrawals&coin=USDT%2CUSDC%2CETH")


def test_contact_and_coin_pages_send_a_prefilled_ticket(built: Path) -> None:
    assert hrefs(page(built, "ko/contact/")) == [
        "https://support.kestrel.example/requests/new?lang=ko&page=contact"]
    assert "https://support.kestrel.example/requests/new?lang=en&coin=TRX&page=coin" in hrefs(
        page(built, "coins/trx/"))


def test_prefill_leaves_other_links_alone() -> None:
    project = load_project(Path(__file__).resolve().parent.parent)
    registry = load_registry(project)
    fragment = ('<p><a href="https://www.kestrel.example/fees">fees</a> '
                '<a href="https://support.kestrel.example/requests/new/">form</a></p>')
    out = tickets.prefill(fragment, "https://support.kestrel.example/requests/new?lang=ja&article=a",
                          registry)
    assert out == ('<p><a href="https://www.kestrel.example/fees">fees</a> '
                   '<a href="https://support.kestrel.example/requests/new/?lang=ja&amp;article=a">form</a></p>')


def test_an_article_states_its_own_details_to_prepare(built: Path) -> None:
    help_box = page(built, "deposits-withdrawals/withdrawal-not-arrived/").split('class="hc-help"')[1]
    items = re.findall(r"<li>([^<]+)</li>", help_box.split("</ul>")[0])
    assert items == ["Your UID (account ID)", "The coin and the network you used", "The amount",
                     "The date and time it happened, with your time zone"]


def test_related_in_front_matter_overrides_the_automatic_choice(built: Path) -> None:
    nav = page(built, "deposits-withdrawals/withdrawal-not-arrived/").split('id="hc-related-title"')[1]
    assert re.findall(r'href="\.\./([a-z-]+)/"', nav.split("</nav>")[0]) == [
        "withdrawal-pending-review", "deposit-not-arrived"]


def test_automatic_related_prefers_the_same_service(built: Path) -> None:
    """Same topic for all three; the withdrawal article comes first for a withdrawal article."""
    nav = page(built, "deposits-withdrawals/withdrawal-pending-review/").split('id="hc-related-title"')[1]
    assert re.findall(r'href="\.\./([a-z-]+)/"', nav.split("</nav>")[0]) == [
        "withdrawal-not-arrived", "deposit-not-arrived", "wrong-network-deposit"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("related", "[no-such-article]", '`related`: no article has the id "no-such-article".'),
    ("related", "[set-up-2fa]", '`related`: "set-up-2fa" is this article itself; list other articles'),
    ("networks", "[TRC2O]", '`networks`: "TRC2O" is not a network in content/_data/coins.yml; did you '
                            "mean TRC20 or ERC20 or TON? Networks: ARB, BEP20, BTC, DOGE, ERC20, SOL, TON, TRC20, XRP"),
    ("services", "[withdrawl]", '`services`: "withdrawl" is not one of deposit, withdrawal, trading, '
                                "login, verification, api; did you mean `withdrawal`?"),
])
def test_new_fields_are_checked_with_a_line(tmp_path: Path, field: str, value: str, message: str) -> None:
    articles = dict(ARTICLES)
    articles["en/security/set-up-2fa.md"] = art(
        f'title: Set up 2FA\ntype: guide\nowner: "@kestrel/security"\n{field}: {value}')
    code, out = check(write_site(tmp_path / "site", articles))
    assert code == 1
    assert f"content/en/security/set-up-2fa.md:5: error: {message}" in out


# -- no dead ends ----------------------------------------------------------------

def test_every_language_has_its_own_404_page(built: Path) -> None:
    zh = page(built, "zh/404.html")
    assert '<html lang="zh"' in zh and "<h1>找不到该页面</h1>" in zh
    assert 'data-hc-top' not in zh and 'id="hc-search-help"' in zh
    assert 'href="/zh/contact/"' in zh  # absolute: the page answers for any missing address
    assert 'href="/zh/deposits-withdrawals/withdrawal-not-arrived/"' in zh
    root = page(built, "404.html")
    assert 'data-languages="zh ja ko es ru"' in root and 'href="/contact/"' in root
    for name in ("404.html", "zh/404.html"):
        assert "Content-Security-Policy" in page(built, name)


def test_every_page_carries_the_search_help_hidden(built: Path) -> None:
    ja = page(built, "ja/security/set-up-2fa/")
    section = ja.split('id="hc-search-help"')[1].split("</section>")[0]
    assert " hidden>" in section.split(">")[0] + ">"
    template = re.search(r'data-template="([^"]+)"', section)
    assert template is not None
    assert html.unescape(template.group(1)) == (
        "https://support.kestrel.example/feedback?lang=ja&reason=not-found&query={query}")


# -- honest feedback -------------------------------------------------------------

def test_feedback_is_one_question_with_two_answers_that_claim_nothing(built: Path) -> None:
    box = page(built, "security/set-up-2fa/").split('data-hc-feedback>')[1].split("</section>")[0]
    assert box.count('type="radio" name="hc-feedback"') == 2
    assert "<details" not in box and "Thank you for your feedback" not in box
    assert html.escape("https://support.kestrel.example/feedback?article=set-up-2fa&lang=en&reason=helpful"
                       ) in box
    assert html.escape("https://support.kestrel.example/feedback?article=set-up-2fa&lang=en&reason=unclear"
                       ) in box


# -- footer and labels -----------------------------------------------------------

def test_footer_has_domains_channels_warning_and_languages(built: Path) -> None:
    footer = page(built, "zh/security/set-up-2fa/").split('class="md-footer hc-footer"')[1]
    assert 'href="https://kestrel.example/"' in footer
    assert 'href="https://t.me/KestrelAnnouncements"' in footer
    assert re.findall(r'hreflang="([a-z]+)"', footer) == ["en", "zh", "ja", "ko", "es", "ru"]
    assert 'href="../../../ja/security/set-up-2fa/"' in footer


def test_contact_page_topic_and_button_have_different_names(built: Path) -> None:
    zh = page(built, "zh/")
    assert zh.count(">联系客服<") == 0
    ui = load_ui_strings(load_project(Path(__file__).resolve().parent.parent))
    names = {ui.text("en", "contact.title"), ui.text("en", "help.ticket"), "Tickets & support"}
    assert len(names) == 3


# -- brand -----------------------------------------------------------------------

def png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x1f\x4e\x9e" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_brand_colour_and_logo_come_from_site_yml(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", ARTICLES)
    (root / "content" / "_data" / "logo.png").write_bytes(png())
    set_site_yml(root, 'primary_color: "#1f4e9e"', 'primary_color: "#7b1fa2"\n  logo: logo.png')
    site = build_site(root)
    assert "--md-primary-fg-color: #7b1fa2;" in (site / "assets" / "brand.css").read_text(encoding="utf-8")
    assert (site / "assets" / "brand" / "logo.png").read_bytes() == png()
    home = page(site, "")
    assert 'src="assets/brand/logo.png"' in home
    assert home.index("assets/brand.css") < home.index("assets/helpcentre.css")


def test_the_shipped_colour_passes_aa() -> None:
    assert colour.contrast(colour.parse_hex("#1f4e9e") or (0, 0, 0), colour.WHITE) >= 4.5


@pytest.mark.parametrize(("brand", "message"), [
    ('primary_color: "#ffcc00"',
     '`brand.primary_color`: #ffcc00 has a contrast of 1.51:1 with white; the header\'s white text and '
     'links on the white page need 4.5:1 (WCAG AA); use a darker shade, like "#8f7200" (4.59:1)'),
    ("primary_color: blue", "`brand.primary_color`: expected a colour written #rrggbb in quotes, like "
                            '`primary_color: "#1f4e9e"`; found text "blue"'),
    ('primary_color: "#1f4e9e"\n  logo: logo.svg',
     '`brand.logo`: "logo.svg" is not a PNG or WebP image (read by its first bytes); export the logo as '
     ".png or .webp (SVG is refused: it can carry script)"),
    ('primary_color: "#1f4e9e"\n  logo: ../../evil.png',
     "`brand.logo`: expected the name of a PNG or WebP file beside site.yml, like `logo: logo.png`; "
     'found text "../../evil.png"'),
])
def test_a_bad_brand_stops_check_and_build_with_the_fix(tmp_path: Path, brand: str, message: str) -> None:
    root = write_site(tmp_path / "site", ARTICLES)
    (root / "content" / "_data" / "logo.svg").write_text("<svg><script>alert(1)</script></svg>")
    set_site_yml(root, 'primary_color: "#1f4e9e"', brand)
    line = next(n for n, text in enumerate(
        (root / "content/_data/site.yml").read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("brand:"))
    code, out = check(root)
    assert code == 1
    assert f"content/_data/site.yml:{line}: error: {message}" in out
    with pytest.raises(Exception):  # noqa: B017 - MkDocs wraps our PluginError in its Abort
        build_site(root)
    assert not (root / "build" / "site" / "index.html").exists()


def test_a_pending_translation_shows_the_english_article(tmp_path: Path) -> None:
    articles = dict(ARTICLES)
    articles["ja/security/set-up-2fa.md"] = ("---\ntitle: 二段階認証の設定（途中）\ntranslation: pending\n"
                                             "reviewed: 2026-11-10\n---\n翻訳の途中です。\n")
    site = build_site(write_site(tmp_path / "site", articles), strict=False)
    ja = page(site, "ja/security/set-up-2fa/")
    assert 'data-hc-banner="untranslated"' in ja
    assert "翻訳の途中" not in ja and "<p>Body.</p>" in ja
