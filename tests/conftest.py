"""Fixture sites: a real help centre folder in a temp dir, built for real.

``make_site`` copies the repository's templates, registries and UI strings
(so tests exercise the real ones) and writes the articles a test gives it.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from helpcentre.bench.generate import drop_top_questions
from helpcentre.content.project import read_mkdocs_yml

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
# The day tests judge the repository's own starter content on: no earlier than its
# newest `reviewed:` day (a day before it, that content would be "reviewed in the
# future"). When the owners re-review starter content, move this day with it.
STARTER_TODAY = "2026-12-07"
# Search word lists (synonyms, stop words) the repository has; fixture sites copy them.
WORD_LISTS = sum(len(list((REPO / "translations" / d).glob("*.yml"))) for d in ("synonyms", "stopwords"))
# What `helpcentre check` reads in a fixture site besides its articles: the
# registries, one UI strings file per language and the search word lists.
OTHER_FILES = len(list((REPO / "content" / "_data").glob("*.yml"))) + 6 + WORD_LISTS

# Three small articles: a source with a full translation, one left untranslated
# (so zh shows the fallback notice), and a notice.
SAMPLE_ARTICLES: dict[str, str] = {
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
        Deposits are credited after the network confirms them.

        See also [the 2FA guide](../security/set-up-2fa.md).
        """,
    "zh/deposits-withdrawals/deposit-not-arrived.md": """\
        ---
        title: 充值未到账
        summary: 联系我们之前，请先检查确认数和交易哈希。
        keywords: [充值未到账, 没到账, txid]
        ---
        网络确认后，充值会自动入账。

        另见 [2FA 指南](../security/set-up-2fa.md)。
        """,
    "en/security/set-up-2fa.md": """\
        ---
        title: Set up two-factor authentication
        summary: Protect your account with an authenticator app.
        type: guide
        reviewed: 2026-11-01
        owner: "@kestrel/security"
        ---
        1. Open **Security**.
        2. Scan the QR code.
        """,
    "en/announcements/trx-network-upgrade.md": """\
        ---
        title: TRX deposits paused for a network upgrade
        summary: TRX and USDT-TRC20 deposits are paused during the upgrade.
        type: notice
        coins: [TRX, USDT]
        reviewed: 2026-11-20
        owner: "@kestrel/communications"
        expires: 2026-12-10
        ---
        Deposits resume after the upgrade.
        """,
}


def write_site(root: Path, articles: dict[str, str], languages: list[dict] | None = None) -> Path:
    for name in ("overrides", "translations"):
        shutil.copytree(REPO / name, root / name)
    shutil.copytree(REPO / "content" / "_data", root / "content" / "_data")
    drop_top_questions(root / "content" / "_data")  # they name the starter content's articles
    # So does the glossary; and its term links would change every fixture article's HTML.
    shutil.rmtree(root / "content" / "_data" / "glossary", ignore_errors=True)
    # The repository's own mkdocs.yml, so fixture sites are configured like the real one.
    config = read_mkdocs_yml(REPO / "mkdocs.yml")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "helpcentre" in plugin:
            plugin["helpcentre"] = {"today": TODAY}  # what `mkdocs build` alone judges content on
        if isinstance(plugin, dict) and "i18n" in plugin and languages is not None:
            plugin["i18n"]["languages"] = languages
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    for rel, text in articles.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def add_files(root: Path, files: dict[str, str | bytes] | None) -> Path:
    """Write ``files`` (text, or bytes for broken encodings) under ``root/content``."""
    for rel, data in (files or {}).items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    def make(articles: dict[str, str] | None = None, languages: list[dict] | None = None) -> Path:
        return write_site(tmp_path / "site", SAMPLE_ARTICLES if articles is None else articles,
                          languages)
    return make


def build_site(root: Path, *, strict: bool = True, today: str = TODAY) -> Path:
    """Build with MkDocs' own API, as `mkdocs build --strict` would, on the given day."""
    import datetime as dt

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(str(root / "mkdocs.yml"), strict=strict)
    config.plugins["helpcentre"].config.today = dt.date.fromisoformat(today)  # as `helpcentre build` does
    build(config)
    return Path(config.site_dir)


@pytest.fixture(scope="session")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site built once (strict) and shared by the read-only tests."""
    root = write_site(tmp_path_factory.mktemp("sample") / "site", SAMPLE_ARTICLES)
    return build_site(root)
