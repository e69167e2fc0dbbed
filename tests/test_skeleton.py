"""Unfinished skeletons (issue 14, the writers' loop): `check` says so, readers are not misled.

- `helpcentre new --lang` writes an English copy marked `translation: pending`:
  until `helpcentre translations sync` removes the mark, the corpus treats it
  as missing (readers and search get the English article, reports list it as
  untranslated) and `check` warns.
- An English skeleton whose body is still the hint comment gets a warning.
- `--coins` takes symbols separated by spaces or commas, before or after the id.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest

from conftest import OTHER_FILES, TODAY, write_site
from helpcentre.cli import main
from helpcentre.content.corpus import Corpus, load_corpus
from helpcentre.content.loader import load_article
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.scaffold import BODY_HINTS
from helpcentre.freshness.fingerprint import fingerprint_of
from helpcentre.freshness.policy import Policy
from helpcentre.freshness.stamp import set_translated_from
from helpcentre.freshness.states import compute_states
from helpcentre.search.documents import documents_for

SOURCE = """\
---
title: Set up two-factor authentication
summary: Protect your account with an authenticator app.
type: guide
reviewed: 2026-11-01
owner: "@kestrel/security"
---
1. Open **Security**.
2. Scan the QR code.
"""
EN = "content/en/security/set-up-2fa.md"
JA = "content/ja/security/set-up-2fa.md"
DAY = dt.date.fromisoformat(TODAY)
FILES = 1 + OTHER_FILES  # what `check` reads in the fixture site besides new articles


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", {"en/security/set-up-2fa.md": SOURCE})


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def new(root: Path, *args: str) -> tuple[int, str, str]:
    return cli("new", "--root", str(root), "--today", TODAY, *args)


def check(root: Path) -> tuple[int, str]:
    code, out, _ = cli("check", "--root", str(root), "--today", TODAY)
    return code, out


def corpus_of(root: Path) -> Corpus:
    project = load_project(root)
    return load_corpus(project, load_registry(project), today=DAY)


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if line.startswith(start))


# -- a translation started with `new --lang` ---------------------------------------

PENDING_WARNING = (
    f"{JA}:{{line}}: warning: this translation is not finished (`translation: pending`), so "
    "readers see the English article instead; translate the title, summary, keywords and text into "
    f"日本語, then run `helpcentre translations sync {JA}`, which removes this line\n")


def test_a_new_translation_is_not_one_until_it_is_synced(root: Path) -> None:
    assert new(root, "--lang", "ja", "set-up-2fa")[0] == 0
    path = root / JA

    corpus = corpus_of(root)
    source = corpus.sources["set-up-2fa"]
    # Readers get the English article, flagged as the fallback, as for a missing file.
    assert corpus.in_language("set-up-2fa", "ja") == (source, True)
    assert corpus.get("set-up-2fa", "ja") is None
    assert list(corpus.pending) == [("set-up-2fa", "ja")] and corpus.problems == []
    # So does search.
    [doc] = documents_for(corpus, "ja", DAY, lambda article, lang: f"{lang}/{article.id}/")
    assert (doc.lang, doc.fallback) == ("en", True)
    # And the reports: untranslated, at the file that exists.
    state = compute_states(corpus, Policy(), DAY).get("set-up-2fa", "ja")
    assert state is not None and (state.state, state.path, state.pending) == ("untranslated", JA, True)
    code, out, _ = cli("translations", "status", "--lang", "ja", "--root", str(root), "--today", TODAY)
    assert (code, out) == (0, (
        "ja: 0 outdated, 1 untranslated, 0 orphan, 0 up to date (of 1 English articles)\n"
        f"  {JA}: untranslated: started but not finished (`translation: pending`); translate it, "
        f"then run `helpcentre translations sync {JA}`\n"))
    # `check` passes (a writer may push a draft) but says what is left to do, on the marker's line.
    assert check(root) == (0, PENDING_WARNING.format(line=line_of(path, "translation:"))
                           + f"0 errors, 1 warning in {FILES + 1} files\n")

    # The translator translates, then stamps: the marker goes, readers get the translation.
    path.write_text(path.read_text(encoding="utf-8")
                    .replace("title: Set up two-factor authentication", "title: 二段階認証の設定")
                    .replace("2. Scan the QR code.", "2. QR コードを読み取ります。"), encoding="utf-8")
    stamp = fingerprint_of(source.meta, source.body)
    assert cli("translations", "sync", str(root / JA), "--root", str(root)) == (0, (
        f"{JA}: stamped `translated_from: {stamp}` and removed `translation: pending`; readers now "
        "see this translation\n"), "")
    text = path.read_text(encoding="utf-8")
    assert "translation:" not in text and f"\ntranslated_from: {stamp}\n" in text

    corpus = corpus_of(root)
    shown, fallback = corpus.in_language("set-up-2fa", "ja")
    assert (shown.shown, shown.meta.title, fallback) == (JA, "二段階認証の設定", False)
    assert corpus.pending == {}
    [doc] = documents_for(corpus, "ja", DAY, lambda article, lang: f"{lang}/{article.id}/")
    assert (doc.lang, doc.fallback, doc.title) == ("ja", False, "二段階認証の設定")
    assert cli("translations", "status", "--lang", "ja", "--root", str(root), "--today", TODAY)[:2] == (
        0, "ja: 0 outdated, 0 untranslated, 0 orphan, 1 up to date (of 1 English articles)\n")
    assert check(root) == (0, f"no problems in {FILES + 1} files\n")


def test_diff_of_a_pending_translation_says_it_is_not_translated(root: Path) -> None:
    new(root, "--lang", "ja", "set-up-2fa")
    source = corpus_of(root).sources["set-up-2fa"]
    stamp = fingerprint_of(source.meta, source.body)
    assert cli("translations", "diff", str(root / JA), "--root", str(root)) == (0, (
        f"{JA}: not translated yet (`translation: pending`); the English article has not changed "
        f"since the translation was started ({stamp}). Translate it, then run `helpcentre "
        f"translations sync {JA}`.\n"), "")


def test_a_pending_translation_keeps_where_it_started(root: Path) -> None:
    """The English changes while the translator works: deleting the marker by hand, instead
    of syncing, leaves a translation that is outdated, never one that passes as current."""
    new(root, "--lang", "ja", "set-up-2fa")
    english = root / EN
    english.write_text(SOURCE.replace("Scan the QR code.", "Scan the QR code with the app."),
                       encoding="utf-8")
    path = root / JA
    path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("translation:")), encoding="utf-8")
    state = compute_states(corpus_of(root), Policy(), DAY).get("set-up-2fa", "ja")
    assert state is not None and (state.state, state.pending) == ("outdated", False)


def test_stamping_removes_the_marker_and_keeps_every_other_byte() -> None:
    data = ("\ufeff---\r\ntitle: 标题  # 标题\r\ntranslated_from: aaaaaaaaaaaa\r\n"
            "translation: pending  # readers see the English article\r\n---\r\n正文\r\n").encode()
    assert set_translated_from(data, "0123456789ab") == (
        "\ufeff---\r\ntitle: 标题  # 标题\r\ntranslated_from: 0123456789ab\r\n---\r\n正文\r\n").encode()
    assert set_translated_from(b"---\ntranslation: pending\ntitle: X\n---\nB\n", "0123456789ab") == (
        b"---\ntitle: X\ntranslated_from: 0123456789ab\n---\nB\n")


@pytest.mark.parametrize(("lang", "line", "message"), [
    ("ja", "translation: done",
     "`translation`: found text \"done\", but the only value this field takes is `pending`; when the "
     "translation is done, run `helpcentre translations sync` on this file, which removes the line"),
    ("en", "translation: pending",
     "`translation`: only translations carry this field; remove it from the English article"),
])
def test_the_marker_is_checked_by_the_schema(root: Path, lang: str, line: str, message: str) -> None:
    path = root / "content" / lang / "security" / "set-up-2fa.md"
    text = SOURCE if lang == "en" else "---\ntitle: 二段階認証の設定\n---\n本文。\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")
    loaded = load_article(path, display=f"content/{lang}/security/set-up-2fa.md", is_source=lang == "en")
    assert [(p.line, p.message) for p in loaded.problems] == [(2, message)]


# -- an English skeleton never written -----------------------------------------------

def test_an_untouched_skeleton_gets_a_warning(root: Path) -> None:
    new(root, "--category", "security", "--type", "guide", "reset-password")
    path = root / "content/en/security/reset-password.md"
    shown = "content/en/security/reset-password.md"
    line = line_of(path, BODY_HINTS["guide"])
    assert check(root) == (0, (
        f"{shown}:{line}: warning: this is still the skeleton `helpcentre new` wrote: the title is made "
        "from the file name and the body is only the hint comment; write the title as a reader would "
        "ask it, write the article body, then delete the hint comment\n"
        f"0 errors, 1 warning in {FILES + 1} files\n"))

    # A real title, but still no text.
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: Reset password", "title: Reset your password"), encoding="utf-8")
    assert check(root) == (0, (
        f"{shown}:{line}: warning: the article has no text yet, only the hint comment `helpcentre new` "
        "wrote; write the article body, then delete the hint comment\n"
        f"0 errors, 1 warning in {FILES + 1} files\n"))

    # The hint deleted, nothing written: the warning points at the closing `---`.
    path.write_text(path.read_text(encoding="utf-8").replace(BODY_HINTS["guide"] + "\n", ""),
                    encoding="utf-8")
    assert check(root) == (0, (
        f"{shown}:{line - 2}: warning: the article has no text; write it below the front matter\n"
        f"0 errors, 1 warning in {FILES + 1} files\n"))

    # Written: no warning, even though the title is still the one made from the file name
    # (an id is often a fine title: "Withdrawal limits").
    path.write_text(path.read_text(encoding="utf-8").replace("title: Reset your password",
                                                             "title: Reset password")
                    + "1. Open **Security**.\n2. Choose **Reset password**.\n", encoding="utf-8")
    assert check(root) == (0, f"no problems in {FILES + 1} files\n")


# -- --coins ---------------------------------------------------------------------------

ARTICLE = ("--category", "security")


@pytest.mark.parametrize("args", [
    ("--type", "faq", "--coins", "USDT", "TRX", "lost-2fa-device"),
    ("lost-2fa-device", "--type", "faq", "--coins", "USDT", "TRX"),
    ("--type", "faq", "--coins", "USDT,TRX", "lost-2fa-device"),
    ("--type", "faq", "--coins", "USDT, TRX", "lost-2fa-device"),
    ("--coins", "USDT", "--type", "faq", "--coins", "TRX", "lost-2fa-device"),
    ("--coins", "usdt", "trx", "--type", "faq", "lost-2fa-device"),
    ("--type", "faq", "--coins", "USDT", "TRX", "--", "lost-2fa-device"),
], ids=["spaces, id after", "id first", "commas", "comma and space", "repeated",
        "lower case, option between", "double dash"])
def test_coins_by_spaces_or_commas_before_or_after_the_id(root: Path, args: tuple[str, ...]) -> None:
    assert new(root, *ARTICLE, *args) == (0, (
        "created content/en/security/lost-2fa-device.md; write the article, then run `helpcentre check "
        "content/en/security/lost-2fa-device.md`\n"), "")
    loaded = load_article(root / "content/en/security/lost-2fa-device.md")
    assert loaded.meta is not None and loaded.meta.coins == ("USDT", "TRX")


@pytest.mark.parametrize(("args", "message"), [
    (("--coins", "USDT", "TRX"),
     "the article ID is missing: every word after --coins (USDT TRX) was read as a coin symbol; give "
     "the id first, like `helpcentre new lost-2fa-device --category security --type faq --coins USDT "
     "TRX`"),
    (("--coins", "usdt", "trx"),  # an id-like word that is a coin stays a coin
     "the article ID is missing: every word after --coins (usdt trx) was read as a coin symbol; give "
     "the id first, like `helpcentre new lost-2fa-device --category security --type faq --coins USDT "
     "TRX`"),
    ((),
     "the article ID is missing; give it first, like `helpcentre new lost-2fa-device --category "
     "security --type faq --coins USDT TRX`"),
    (("--coins", "USDT", "Lost_2FA"),
     "the article ID is missing: every word after --coins (USDT Lost_2FA) was read as a coin symbol; "
     "give the id first, like `helpcentre new lost-2fa-device --category security --type faq --coins "
     "USDT TRX`"),
])
def test_a_missing_id_names_coins(root: Path, args: tuple[str, ...], message: str) -> None:
    assert new(root, *ARTICLE, "--type", "faq", *args) == (2, "", f"helpcentre new: error: {message}\n")
    assert [p.name for p in (root / "content/en/security").iterdir()] == ["set-up-2fa.md"]


def test_help_explains_the_marker(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert ("A translation started with --lang is an English copy marked `translation: pending`: readers "
            "of that language see the English article, with the note that it is not translated yet, and "
            "`helpcentre check` warns about the file. Translate it, then run `helpcentre translations sync "
            "PATH`, which removes the line. See CONTRIBUTING.md.") in text
    assert "--coins SYMBOL [SYMBOL ...]" in text
