"""The offline link check of the built site: every href and src reaches a file."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from helpcentre.checks.sitelinks import check_site, page_links
from helpcentre.cli import main
from helpcentre.content.problems import Problem

BROKEN_PAGE = """<!doctype html>
<html><head>
<link rel="stylesheet" href="../assets/missing.css">
<script src="../search/search_index.json"></script>
</head><body>
<a href="../security/">a topic</a> <a href="../security/set-up-2fa/#scan">an article</a>
<a href="../no-such-topic/">gone</a>
<img src="../../../outside.png" alt="">
<a href="https://www.kestrel.example/">ours</a> <a href="mailto:support@kestrel.example">mail</a>
<a href="#top">top</a> <a href="?q=2fa">search</a> <a href="/security/">from the root</a>
<img srcset="../a.png 1x, ../security/ 2x" alt="">
</body></html>
"""


def test_the_built_sample_site_has_no_broken_links(built_sample: Path) -> None:
    problems, pages = check_site(built_sample)
    assert problems == []
    assert pages == len(list(built_sample.rglob("*.html"))) > 0


def test_broken_links_are_found_with_their_lines(built_sample: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_sample, site)
    (site / "broken").mkdir()
    (site / "broken" / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    problems, _ = check_site(site, shown="build/site")
    assert problems == [
        Problem("build/site/broken/index.html", 3, "error",
                '"../assets/missing.css" does not exist in the built site (assets/missing.css)'),
        Problem("build/site/broken/index.html", 7, "error",
                '"../no-such-topic/" does not exist in the built site (no-such-topic)'),
        Problem("build/site/broken/index.html", 8, "error",
                '"../../../outside.png" points outside the site'),
        Problem("build/site/broken/index.html", 11, "error",
                '"../a.png" does not exist in the built site (a.png)'),
    ]


def test_a_folder_without_index_is_broken(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "index.html").write_text('<a href="empty/">x</a>', encoding="utf-8")
    assert check_site(tmp_path, shown="site") == ([Problem(
        "site/index.html", 1, "error", '"empty/" is a folder without an index.html')], 1)


def test_page_links_reads_every_linking_attribute() -> None:
    assert page_links('<a href="a">x</a>\n<img src="b" srcset="c 1x, d 2x">\n'
                      '<video poster="e"></video><object data="f"></object><a name="g">') == [
        (1, "a"), (2, "b"), (2, "c"), (2, "d"), (3, "e"), (3, "f")]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["linkcheck", *args])
    return code, out.getvalue(), err.getvalue()


def test_command_reports_and_fails(tmp_path: Path) -> None:
    site = tmp_path / "build" / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text('<a href="nope/">x</a>', encoding="utf-8")
    assert run("--root", str(tmp_path), "--site-dir", str(site), "--format", "github") == (1, (
        '::error file=build/site/index.html,line=1::"nope/" does not exist in the built site '
        "(nope)\n1 error, 0 warnings in 1 file\n"), "")


def test_command_passes_on_a_good_site(built_sample: Path) -> None:
    code, out, _ = run("--site-dir", str(built_sample))
    pages = len(list(built_sample.rglob("*.html")))
    assert (code, out) == (0, f"no problems in {pages} files\n")


def test_command_needs_a_built_site(tmp_path: Path) -> None:
    code, out, err = run("--root", str(tmp_path), "--site-dir", str(tmp_path / "nothing"))
    assert (code, out) == (2, "")
    assert err == (f"helpcentre linkcheck: error: {tmp_path / 'nothing'} has no index.html; "
                   "build the site first (`helpcentre build --strict`)\n")


@pytest.mark.parametrize("url", ["https://x.com/KestrelExchange", "mailto:a@b.example",
                                 "tel:+15550142", "//cdn.example/x.js", "#top", "?q=1", ""])
def test_links_that_are_not_followed_offline(tmp_path: Path, url: str) -> None:
    (tmp_path / "index.html").write_text(f'<a href="{url}">x</a>', encoding="utf-8")
    assert check_site(tmp_path) == ([], 1)
