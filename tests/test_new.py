"""`helpcentre new`: skeletons that pass `helpcentre check`, and nothing ever overwritten.

A skeleton passes (no errors) but is not finished: `check` warns until it is
written (tests/test_skeleton.py has those warnings, pending translations and
the forms of --coins).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from conftest import OTHER_FILES, TODAY, write_site
from helpcentre.cli import main
from helpcentre.content.loader import load_article
from helpcentre.content.scaffold import BODY_HINTS
from helpcentre.content.schema import FIELDS
from helpcentre.freshness.fingerprint import fingerprint_of

SOURCE = """\
---
title: Set up two-factor authentication
summary: Protect your account with an authenticator app.
type: guide
reviewed: 2026-11-01
owner: "@kestrel/security"
keywords: [2fa, authenticator]
---
1. Open **Security**.
2. Scan the QR code.
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"en/security/set-up-2fa.md": SOURCE})


def run(root: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["new", "--root", str(root), "--today", TODAY, *args])
    return code, out.getvalue(), err.getvalue()


def check(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--root", str(root), "--today", TODAY])
    return code, out.getvalue().splitlines()[-1]


def check_output(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--root", str(root), "--today", TODAY])
    return code, out.getvalue()


def line_of(path: Path, text: str) -> int:
    """The line of the file that starts with ``text`` (the skeleton's length follows the schema)."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if line.startswith(text))


def test_new_article_skeleton(root: Path) -> None:
    code, out, err = run(root, "--category", "security", "--type", "faq", "--coins", "usdt,TRX",
                         "lost-2fa-device")
    path = root / "content/en/security/lost-2fa-device.md"
    assert (code, out, err) == (0, (
        "created content/en/security/lost-2fa-device.md; write the article, then run "
        "`helpcentre check content/en/security/lost-2fa-device.md`\n"), "")
    assert path.read_text(encoding="utf-8") == (
        "---\n"
        "title: Lost 2fa device\n"
        "# summary: Reset two-factor authentication when your phone is lost or replaced.  "
        "# One sentence that answers the question; shown in lists and search.\n"
        "type: faq\n"
        "# category: security  # Optional: the folder is the category; if given it must match "
        "the folder.\n"
        "coins: [USDT, TRX]\n"
        "# networks: [TRC20]  # Network ids from content/_data/coins.yml this article is about.\n"
        "# services: [deposit, withdrawal]  # What the article is about besides coins: deposit, withdrawal, "
        "trading, login, verification, api. A notice shows on every article that shares a coin, network or "
        "service with it.\n"
        "# status: suspended  # For a notice: what it does to the deposits and withdrawals it names in "
        "`services` on its `networks` (of its `coins`), until it expires: delayed or suspended. The status "
        "page, network tables and status.json show it.\n"
        '# related: [withdrawal-not-arrived, find-txid]  # Optional: the ids of the articles listed under '
        '"Related articles", in order (instead of the automatic choice).\n'
        "# prepare: [uid, coin_network, amount, time]  # Optional: the details a reader should have ready "
        "before a ticket, as keys of `details:` in translations/en.yml (instead of the topic's list).\n"
        "reviewed: 2026-11-23\n"
        "owner: '@kestrel/security'\n"
        "# expires: 2026-12-31  # The day a notice ends (required for notices), YYYY-MM-DD.\n"
        "# keywords: [2fa, authenticator, lost phone]  # Extra words readers type when "
        "searching, including slang.\n"
        "# review_days: 60  # Optional: re-verify this article every N days instead of the "
        "default.\n"
        "---\n"
        "\n"
        "<!-- Answer the question in the first sentence, then explain. -->\n")
    # Valid (exit 0), but not written yet: a warning says so.
    shown = "content/en/security/lost-2fa-device.md"
    assert check_output(root) == (0, (
        f"{shown}:{line_of(path, BODY_HINTS['faq'])}: warning: this is still the skeleton "
        "`helpcentre new` wrote: the title is made from the file name and the body is only the hint "
        "comment; write the title as a reader would ask it, write the article body, then delete the "
        f"hint comment\n0 errors, 1 warning in {2 + OTHER_FILES} files\n"))


def test_skeleton_fields_come_from_the_schema(root: Path) -> None:
    run(root, "--category", "api", "--type", "guide", "create-api-key")
    text = (root / "content/en/api/create-api-key.md").read_text(encoding="utf-8")
    for spec in FIELDS:
        written = f"\n{spec.name}: " in text or f"\n# {spec.name}: " in text
        # `steps` only in a troubleshooter's skeleton (below): a guide has none.
        assert written == (spec.role != "translation-only" and spec.kind != "tree"), spec.name


def test_a_new_troubleshooter_has_a_first_step_and_passes_check(root: Path) -> None:
    args = ("--type", "troubleshooter", "card-declined")
    assert run(root, "--category", "account", *args) == (
        2, "", "helpcentre new: error: --category troubleshoot is required for a troubleshooter: "
               "they live at /troubleshoot/<id>/\n")
    code, _, _ = run(root, "--category", "troubleshoot", *args)
    loaded = load_article(root / "content/en/troubleshoot/card-declined.md")
    assert code == 0 and loaded.problems == ()
    assert loaded.meta is not None and loaded.meta.steps is not None
    assert [s.id for s in loaded.meta.steps.steps] == ["start"]
    assert check(root) == (0, f"0 errors, 1 warning in {2 + OTHER_FILES} files")  # not written yet


def test_new_notice_needs_its_end_day(root: Path) -> None:
    args = ("--category", "announcements", "--type", "notice", "ton-pause")
    assert run(root, *args) == (2, "", "helpcentre new: error: --expires YYYY-MM-DD is required "
                                       "for a notice: the day it ends\n")
    code, _, _ = run(root, *args, "--expires", "2026-12-31")
    loaded = load_article(root / "content/en/announcements/ton-pause.md")
    assert code == 0 and loaded.problems == ()
    assert loaded.meta is not None and loaded.meta.expires is not None
    assert (loaded.meta.owner, loaded.meta.expires.isoformat()) == (
        "@kestrel/communications", "2026-12-31")
    assert check(root) == (0, f"0 errors, 1 warning in {2 + OTHER_FILES} files")  # not written yet


def test_never_overwrites(root: Path) -> None:
    path = root / "content/en/security/set-up-2fa.md"
    before = path.read_bytes()
    assert run(root, "--category", "security", "--type", "faq", "set-up-2fa") == (1, "", (
        "helpcentre new: error: content/en/security/set-up-2fa.md already exists; it was left "
        "unchanged. Edit it, or choose another id\n"))
    assert path.read_bytes() == before


def test_refuses_an_id_used_in_another_category(root: Path) -> None:
    assert run(root, "--category", "account", "--type", "faq", "set-up-2fa") == (1, "", (
        'helpcentre new: error: the id "set-up-2fa" is already used by '
        "content/en/security/set-up-2fa.md; ids must be unique across categories, so choose "
        "another one\n"))
    assert not (root / "content/en/account/set-up-2fa.md").exists()


@pytest.mark.parametrize(("args", "message"), [
    (("--category", "securty", "--type", "faq", "x"),
     '--category: "securty" is not a known category; did you mean security or support? '
     "Categories: troubleshoot, account, security, deposits-withdrawals, trading, fees, api, support, "
     "announcements"),
    (("--category", "security", "--type", "faq", "--coins", "USDTT", "x"),
     '--coins: "USDTT" is not a known coin; did you mean USDT or USDC? Coins are listed in '
     "content/_data/coins.yml"),
    (("--category", "security", "--type", "faq", "Lost_2FA"),
     '"Lost_2FA" is not a valid id; use lowercase words joined by hyphens, like '
     "lost-2fa-device"),
    (("--type", "faq", "x"),
     "--category and --type are required for a new article (or give --lang to start a "
     "translation)"),
    (("--lang", "xx", "set-up-2fa"),
     '--lang: "xx" is not a language to translate into; use one of zh, ja, ko, es, ru '
     "(configured in mkdocs.yml)"),
    (("--lang", "en", "set-up-2fa"),
     '--lang: "en" is not a language to translate into; use one of zh, ja, ko, es, ru '
     "(configured in mkdocs.yml)"),
    (("--lang", "zh", "--type", "faq", "set-up-2fa"),
     "--type: the English article is a guide; a translation takes its type from it, so leave "
     "--type out"),
])
def test_bad_usage_exits_2(root: Path, args: tuple[str, ...], message: str) -> None:
    assert run(root, *args) == (2, "", f"helpcentre new: error: {message}\n")
    assert sorted(p.relative_to(root / "content").as_posix()
                  for p in (root / "content").rglob("*.md")) == ["en/security/set-up-2fa.md"]


def test_new_translation_starts_from_the_english_article(root: Path) -> None:
    code, out, err = run(root, "--lang", "zh", "set-up-2fa")
    path = root / "content/zh/security/set-up-2fa.md"
    source = load_article(root / "content/en/security/set-up-2fa.md")
    assert source.meta is not None
    stamp = fingerprint_of(source.meta, source.body)
    assert (code, out, err) == (0, (
        "created content/zh/security/set-up-2fa.md; readers see the English article until you "
        "translate it into 简体中文 and run `helpcentre translations sync "
        "content/zh/security/set-up-2fa.md`\n"), "")
    assert path.read_text(encoding="utf-8") == (
        "---\n"
        "# Translate title, summary and keywords into 简体中文.\n"
        "title: Set up two-factor authentication\n"
        "summary: Protect your account with an authenticator app.\n"
        "reviewed: 2026-11-23\n"
        "keywords: [2fa, authenticator]\n"
        f"translated_from: {stamp}\n"
        "translation: pending  # readers see the English article until `helpcentre translations "
        "sync` removes this line\n"
        "---\n"
        "\n"
        "<!-- Translate the text below from English (content/en/security/set-up-2fa.md), then "
        "delete this line. -->\n"
        "1. Open **Security**.\n"
        "2. Scan the QR code.\n")
    assert check(root) == (0, f"0 errors, 1 warning in {2 + OTHER_FILES} files")  # not translated yet


def test_new_translation_never_overwrites(root: Path) -> None:
    run(root, "--lang", "ja", "set-up-2fa")
    path = root / "content/ja/security/set-up-2fa.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Set up two-factor authentication", "title: 二段階認証の設定"), encoding="utf-8")
    before = path.read_bytes()
    assert run(root, "--lang", "ja", "set-up-2fa") == (1, "", (
        "helpcentre new: error: content/ja/security/set-up-2fa.md already exists; it was left "
        "unchanged. Edit it, or choose another id\n"))
    assert path.read_bytes() == before


def test_new_translation_needs_an_english_article(root: Path) -> None:
    assert run(root, "--lang", "ko", "lost-2fa-device") == (1, "", (
        "helpcentre new: error: there is no English article "
        "content/en/<category>/lost-2fa-device.md to translate; write the English article "
        "first\n"))
