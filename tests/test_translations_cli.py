"""`helpcentre translations sync|diff|status`: exit codes and exact output."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from helpcentre.cli import main

EN_ZH = [{"locale": "en", "name": "English", "default": True, "build": True},
         {"locale": "zh", "name": "简体中文", "build": True}]
SOURCE = "content/en/trading/q.md"
ZH = "content/zh/trading/q.md"


def article(body: str = "Withdrawals take 10 minutes.\n", reviewed: str = "2026-11-01") -> str:
    return (f"---\ntitle: How long do withdrawals take?\nsummary: Usually minutes.\ntype: faq\n"
            f'reviewed: {reviewed}\nowner: "@kestrel/payments"\n---\n{body}')


ZH_TEXT = "---\ntitle: 提币需要多久？\nsummary: 通常几分钟。\n---\n提币通常需要 10 分钟。\n"


@pytest.fixture
def site(make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
         tmp_path: Path) -> Path:
    # Never let git find a repository above the temp folder, nor the user's config.
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return make_site({"en/trading/q.md": article(), "zh/trading/q.md": ZH_TEXT}, EN_ZH)


def run(root: Path, *args: str) -> int:
    return main(["translations", *args, "--root", str(root)])


def stamp_of(root: Path) -> str:
    line = next(x for x in (root / ZH).read_text("utf-8").splitlines()
                if x.startswith("translated_from:"))
    return line.split(":", 1)[1].strip().strip('"')


def git(root: Path, *args: str, date: str = "2026-10-01T12:00:00") -> str:
    env = {"GIT_AUTHOR_NAME": "Writer", "GIT_AUTHOR_EMAIL": "writer@kestrel.example",
           "GIT_COMMITTER_NAME": "Writer", "GIT_COMMITTER_EMAIL": "writer@kestrel.example",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": "/dev/null",
           "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"}
    done = subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


# -- sync --------------------------------------------------------------------------

def test_sync_stamps_then_reports_already_stamped(site: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, "sync", ZH) == 0
    stamp = stamp_of(site)
    assert capsys.readouterr().out == (f"{ZH}: stamped `translated_from: {stamp}` (the English "
                                       "article as it is now)\n")
    assert (site / ZH).read_text("utf-8") == ZH_TEXT.replace(
        "---\n提币", f"translated_from: {stamp}\n---\n提币")
    assert run(site, "sync", ZH) == 0
    assert capsys.readouterr().out == (f"{ZH}: already stamped with the current English "
                                       f"version ({stamp})\n")


def test_sync_keeps_every_other_byte(site: Path) -> None:
    original = ("\ufeff---\r\ntitle: 提币需要多久？  # 标题\r\nkeywords: ['a',  b]\r\n"
                "translated_from: aaaaaaaaaaaa\r\n---\r\n正文\r\n").encode()
    (site / ZH).write_bytes(original)
    assert run(site, "sync", ZH) == 0
    assert (site / ZH).read_bytes() == original.replace(b"aaaaaaaaaaaa",
                                                        stamp_of(site).encode())


def test_sync_never_writes_a_file_it_would_change_elsewhere(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A value folded over two lines: replacing the first line alone would corrupt it.
    original = "---\ntitle: 标题\ntranslated_from:\n  aaaaaaaaaaaa\n---\n正文\n"
    (site / ZH).write_text(original, "utf-8")
    assert run(site, "sync", ZH) == 1
    assert capsys.readouterr().err == (
        f"{ZH}:3: error: could not set `translated_from` without changing other fields; "
        "delete the `translated_from` lines and run this again\n")
    assert (site / ZH).read_text("utf-8") == original


@pytest.mark.parametrize(("path", "message"), [
    (SOURCE, f"{SOURCE}: this is the English article; give its translation instead, like "
             f"{ZH}"),
    ("content/zh/trading/nope.md", "content/zh/trading/nope.md: no such file"),
    ("mkdocs.yml", "mkdocs.yml: not an article; translations live at "
                   "content/<language>/<category>/<id>.md"),
])
def test_sync_refuses_what_is_not_a_translation(site: Path, path: str, message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, "sync", ZH, path) == 2
    captured = capsys.readouterr()
    assert captured.err == f"helpcentre translations: error: {message}\n"
    assert "translated_from" not in (site / ZH).read_text("utf-8")  # nothing written


def test_sync_without_an_english_source_fails(site: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    orphan = site / "content/zh/trading/orphan.md"
    orphan.write_text(ZH_TEXT, "utf-8")
    assert run(site, "sync", "content/zh/trading/orphan.md", ZH) == 1
    captured = capsys.readouterr()
    assert captured.err == ("content/zh/trading/orphan.md:1: error: this translation has no "
                            "English source: content/en/trading/orphan.md does not exist\n")
    assert captured.out.startswith(f"{ZH}: stamped")


# -- diff --------------------------------------------------------------------------

CURRENT = ("title: How long do withdrawals take?\nsummary: Usually minutes.\n\n"
           "Withdrawals take {0} minutes.\n")


def test_diff_up_to_date(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(site, "sync", ZH)
    stamp = stamp_of(site)
    capsys.readouterr()
    assert run(site, "diff", ZH) == 0
    assert capsys.readouterr().out == (f"{ZH}: up to date: the English article has not changed "
                                       f"since this translation was stamped ({stamp})\n")


def test_diff_without_a_stamp_prints_the_english(site: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run(site, "diff", ZH) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{ZH}: no `translated_from` stamp, so it is unknown which version of "
                          f"{SOURCE} this translation follows. Compare it with the English "
                          "article below, update it if needed, then run `helpcentre "
                          f"translations sync {ZH}`.\nThe English article as it is now "
                          f"({SOURCE}, version ")
    assert out.endswith(CURRENT.format(10))


def test_diff_outside_git_says_history_is_not_available(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(site, "sync", ZH)
    old = stamp_of(site)
    (site / SOURCE).write_text(article("Withdrawals take 30 minutes.\n"), "utf-8")
    capsys.readouterr()
    assert run(site, "diff", ZH) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith(f"{ZH}: the English article changed since this translation was "
                               f"stamped ({old}; it is now ")
    assert lines[1] == (f"History not available: {site} is not a git repository, so the "
                        "history of the English article cannot be read.")
    assert lines[2].startswith(f"The English article as it is now ({SOURCE}, version ")
    assert out.endswith(CURRENT.format(30))


def test_diff_finds_the_stamped_version_in_git_history(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(site, "init", "-q")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "first version")
    first = git(site, "rev-parse", "HEAD")
    run(site, "sync", ZH)
    stamp = stamp_of(site)
    git(site, "commit", "-q", "-am", "stamp the translation", date="2026-10-02T12:00:00")
    (site / SOURCE).write_text(article("Withdrawals take 30 minutes.\n", "2026-11-20"), "utf-8")
    git(site, "commit", "-q", "-am", "slower withdrawals", date="2026-11-20T12:00:00")
    capsys.readouterr()
    assert run(site, "diff", ZH) == 1
    assert capsys.readouterr().out == (
        f"{ZH}: the English article changed since this translation was stamped ({stamp}, "
        f"commit {first[:12]} of 2026-10-01); changes since then:\n"
        f"--- {SOURCE} (commit {first[:12]})\n"
        f"+++ {SOURCE} (now)\n"
        "@@ -1,4 +1,4 @@\n"
        " title: How long do withdrawals take?\n"
        " summary: Usually minutes.\n"
        " \n"
        "-Withdrawals take 10 minutes.\n"
        "+Withdrawals take 30 minutes.\n")


def test_diff_in_a_shallow_clone_says_older_versions_are_missing(
        site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(site, "init", "-q")
    run(site, "sync", ZH)
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "first version")
    (site / SOURCE).write_text(article("Withdrawals take 30 minutes.\n"), "utf-8")
    git(site, "commit", "-q", "-am", "slower withdrawals")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{site}", str(clone))
    capsys.readouterr()
    assert run(clone, "diff", ZH) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        f"History not available: none of the 1 commit(s) of {SOURCE} in this repository has "
        "the stamped version; "
        "this is a shallow clone, so older versions are missing (run `git fetch --unshallow` to "
        "get them).")


def test_diff_when_no_commit_has_the_stamp(site: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (site / ZH).write_text(ZH_TEXT.replace("---\n提币", "translated_from: bbbbbbbbbbbb\n---\n提币"),
                           "utf-8")
    git(site, "init", "-q")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "first version")
    assert run(site, "diff", ZH) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        f"History not available: none of the 1 commit(s) of {SOURCE} in this repository has "
        "the stamped version; the stamp may have been edited by hand, or made from a version "
        "that was never committed.")


# -- status ------------------------------------------------------------------------

def test_status_lists_outdated_untranslated_and_orphans(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "content/en/trading/new.md").write_text(article(), "utf-8")
    (site / "content/zh/trading/gone.md").write_text(ZH_TEXT, "utf-8")
    assert main(["translations", "status", "--root", str(site), "--today", "2026-11-23"]) == 1
    assert capsys.readouterr().out == (
        "zh: 1 outdated, 1 untranslated, 1 orphan, 0 up to date (of 2 English articles)\n"
        f"  {ZH}: outdated: no `translated_from` stamp; check it against the English, then sync "
        "it (grace period ended on 2026-11-15)\n"
        "  content/zh/trading/new.md: untranslated: content/en/trading/new.md has no zh "
        "translation\n"
        "  content/zh/trading/gone.md: orphan: no English article at "
        "content/en/trading/gone.md\n")


def test_status_is_clean_after_sync(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(site, "sync", ZH)
    capsys.readouterr()
    assert main(["translations", "status", "--lang", "zh", "--root", str(site),
                 "--today", "2026-11-23"]) == 0
    assert capsys.readouterr().out == ("zh: 0 outdated, 0 untranslated, 0 orphan, 1 up to date "
                                       "(of 1 English articles)\n")


@pytest.mark.parametrize(("lang", "message"), [
    ("fr", '--lang: "fr" is not a configured language; expected one of en, zh'),
    ("en", "--lang: en is the language translations are made from; give a translation "
           "language"),
])
def test_status_rejects_bad_languages(site: Path, lang: str, message: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["translations", "status", "--lang", lang, "--root", str(site)]) == 2
    assert capsys.readouterr().err == f"helpcentre translations: error: {message}\n"
