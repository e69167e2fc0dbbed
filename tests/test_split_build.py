"""Split builds: one language per process, merged, make the same site as one build.

The reference is plain `mkdocs build` in its own process (mkdocs-static-i18n's
own code, nothing of ours swapped in). Two differences are expected and pinned:
404.html (see site/engine.py: a single-process build leaves the last language's
error page at the root) and the gzip header date of sitemap.xml.gz, which is
compared by content because two builds may straddle midnight.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from conftest import SAMPLE_ARTICLES, TODAY, write_site
from helpcentre.cli import main
from helpcentre.search.index import INDEX_NAME
from helpcentre.site.engine import PART_MANIFEST
from helpcentre.site.i18n import dedupe_search_entries

LANGS = ["en", "zh", "ja", "ko", "es", "ru"]


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def mkdocs_build(root: Path, site: Path) -> None:
    env = dict(os.environ, HELPCENTRE_TODAY=TODAY, NO_MKDOCS_2_WARNING="1")
    # The engine's own command: `mkdocs build`, or `properdocs build` when the tests
    # run under ProperDocs (make test-properdocs).
    engine = os.environ.get("HELPCENTRE_SITE_ENGINE", "mkdocs")
    subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-q",
                    "-f", str(root / "mkdocs.yml"), "-d", str(site)], env=env, check=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("split")
    articles = dict(SAMPLE_ARTICLES)
    # A fifth article, translated into Japanese only, so parts differ in what they fall back on.
    articles["en/fees/trading-fees.md"] = """\
        ---
        title: Trading fees
        summary: Maker and taker fees.
        type: faq
        reviewed: 2026-11-15
        owner: "@kestrel/payments"
        ---
        Makers pay less than takers. See [deposits](../deposits-withdrawals/deposit-not-arrived.md).
        """
    articles["ja/fees/trading-fees.md"] = """\
        ---
        title: 取引手数料
        summary: メイカーとテイカーの手数料。
        ---
        メイカーはテイカーより手数料が安くなります。
        """
    root = write_site(base / "site", articles)
    mkdocs_build(root, base / "full")
    common = ["build", "--root", str(root), "--today", TODAY, "--strict"]
    for lang in LANGS:
        assert main([*common, "--lang", lang, "--site-dir", str(base / "parts" / lang)]) == 0
    parts = [str(base / "parts" / lang) for lang in reversed(LANGS)]  # order must not matter
    assert main([*common, "--merge", *parts, "--site-dir", str(base / "merged")]) == 0
    assert main([*common, "--jobs", "2", "--site-dir", str(base / "parallel")]) == 0
    return {"full": base / "full", "merged": base / "merged", "parallel": base / "parallel",
            "parts": base / "parts", "root": root}


def test_merged_tree_is_the_single_process_build(builds: dict[str, Path]) -> None:
    full, merged = tree(builds["full"]), tree(builds["merged"])
    assert sorted(full) == sorted(merged)
    different = sorted(rel for rel in full if full[rel] != merged[rel])
    assert different == []
    assert len(full) > 100  # pages of six languages, not an empty folder
    assert gzip.decompress(full["sitemap.xml.gz"]) == gzip.decompress(merged["sitemap.xml.gz"])
    # Each language's own search index (helpcentre.search) comes from its own part.
    assert {prefix + INDEX_NAME for prefix in ["", *(f"{lang}/" for lang in LANGS[1:])]} <= set(merged)


def test_merged_404_is_the_default_language_page(builds: dict[str, Path]) -> None:
    merged = (builds["merged"] / "404.html").read_text(encoding="utf-8")
    assert merged == (builds["parts"] / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in merged
    # Only the default language writes the site-wide 404 page (site/plugin.py).
    assert '<html lang="en"' in (builds["full"] / "404.html").read_text(encoding="utf-8")


def test_parallel_build_equals_the_merge_of_language_builds(builds: dict[str, Path]) -> None:
    assert tree(builds["parallel"]) == tree(builds["merged"])
    assert not (builds["merged"] / PART_MANIFEST).exists()


def test_a_language_build_holds_only_its_own_pages(builds: dict[str, Path]) -> None:
    zh = tree(builds["parts"] / "zh")
    pages = sorted(rel for rel in zh if rel.endswith("index.html"))
    assert pages and all(rel.startswith("zh/") for rel in pages)
    assert json.loads(zh[PART_MANIFEST]) == {"language": "zh", "languages": LANGS, "default": "en"}


def test_unknown_language_is_a_usage_error(builds: dict[str, Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", "--root", str(builds["root"]), "--today", TODAY, "--lang", "fr",
                 "--site-dir", str(tmp_path / "fr")])
    assert code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "helpcentre build: error: --lang fr: not a language this site builds; mkdocs.yml lists "
        "en, zh, ja, ko, es, ru")


def test_merge_needs_every_language(builds: dict[str, Path], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    parts = [str(builds["parts"] / lang) for lang in ("en", "zh")]
    code = main(["build", "--root", str(builds["root"]), "--today", TODAY, "--merge", *parts,
                 "--site-dir", str(tmp_path / "site")])
    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "helpcentre build: failed: no part for ja, ko, es, ru; every language in mkdocs.yml is "
        "needed for a complete site",
        "helpcentre build: the previous site was left as it was"]
    assert not (tmp_path / "site").exists()


def test_merge_refuses_parts_that_disagree(builds: dict[str, Path], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    parts = tmp_path / "parts"
    shutil.copytree(builds["parts"], parts)
    (parts / "ko" / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    code = main(["build", "--root", str(builds["root"]), "--today", TODAY, "--merge",
                 *[str(parts / lang) for lang in LANGS], "--site-dir", str(tmp_path / "site")])
    assert code == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        "helpcentre build: failed: 1 file(s) differ between the language builds; were they built "
        "from the same commit and mkdocs.yml?",
        "  sitemap.xml (en and ko differ)"]


def test_merge_gates_what_the_parts_bring(builds: dict[str, Path], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A part built elsewhere (or changed after its build) cannot publish what the gate refuses."""
    import shutil

    parts = tmp_path / "parts"
    shutil.copytree(builds["parts"], parts)
    page = parts / "ja" / "ja" / "deposits-withdrawals" / "deposit-not-arrived" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<a href="//evil.example/claim">x</a></article>', 1),
                    encoding="utf-8")
    code = main(["build", "--root", str(builds["root"]), "--today", TODAY, "--merge",
                 *[str(parts / lang) for lang in LANGS], "--site-dir", str(tmp_path / "site")])
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith('ja/deposits-withdrawals/deposit-not-arrived/index.html: error: links to '
                             '"evil.example", which is not one of our websites.')
    assert err[1:] == [
        "helpcentre build: failed: the safety gate refused 1 thing(s) in the merged site (listed above); "
        "run `helpcentre check` and build the parts again",
        "helpcentre build: the previous site was left as it was"]
    assert not (tmp_path / "site").exists()


def _original_dedupe():  # noqa: ANN202 - i18n's own method, even after build.py swapped it
    method = ExtendedPlugin.reconfigure_search_duplicates
    return getattr(method, "__wrapped__", method)


@pytest.mark.parametrize("seed", range(60))
def test_linear_dedupe_matches_mkdocs_static_i18n(seed: int) -> None:
    """Random indexes full of equal titles and texts, fallbacks in a row and near misses.

    Locations are unique within a language, as in a real index (MkDocs makes
    heading anchors unique), so i18n's ``list.remove`` removes the entry it found.
    """
    rng = random.Random(seed)
    places = [f"cat/p{k}/{anchor}" for k in range(4) for anchor in ("", "#a", "#b")]

    def entries_at(prefix: str, count: int) -> list[dict[str, str]]:
        return [{"location": prefix + place, "title": rng.choice("ab"), "text": rng.choice("xy")}
                for place in rng.sample(places, count)]

    entries = entries_at("", rng.randint(0, 8))
    entries.append({"location": "", "title": "a", "text": "x"})  # the home page matches any location
    for lang in LANGS[1:]:
        entries += entries_at(f"{lang}/", rng.randint(0, 10))
    expected = [dict(e) for e in entries]
    _original_dedupe()(SimpleNamespace(build_languages=LANGS), expected)
    assert dedupe_search_entries([dict(e) for e in entries], LANGS) == expected


def test_preview_re_renders_only_the_edited_page(builds: dict[str, Path], tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    """`helpcentre serve --lang zh`: a body edit re-renders one page; a title edit rebuilds."""
    import datetime as dt
    import logging
    import shutil

    from helpcentre.site.preview import Preview

    root = tmp_path / "site"
    shutil.copytree(builds["root"], root, ignore=shutil.ignore_patterns("build"))
    site = tmp_path / "out"
    preview = Preview(str(root / "mkdocs.yml"), "zh", dt.date.fromisoformat(TODAY), str(site), "http://127.0.0.1:8000/",
                      [root / "content", root / "mkdocs.yml", root / "translations", root / "overrides"])
    preview.full()
    article = root / "content" / "zh" / "deposits-withdrawals" / "deposit-not-arrived.md"
    page = site / "zh" / "deposits-withdrawals" / "deposit-not-arrived" / "index.html"
    caplog.set_level(logging.INFO, logger="mkdocs.helpcentre.serve")

    article.write_text(article.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    os.utime(article, ns=(time_ns := article.stat().st_mtime_ns + 10**9, time_ns))
    preview.rebuild()
    assert "新的一段。" in page.read_text(encoding="utf-8")
    assert [r.getMessage().split(" in ")[0] for r in caplog.records] == [
        "helpcentre serve: re-rendered content/zh/deposits-withdrawals/deposit-not-arrived.md"]

    caplog.clear()
    article.write_text(article.read_text(encoding="utf-8").replace("title: 充值未到账", "title: 充值没到"),
                       encoding="utf-8")
    os.utime(article, ns=(time_ns + 10**9, time_ns + 10**9))
    preview.rebuild()
    assert "充值没到" in page.read_text(encoding="utf-8")
    assert [r.getMessage().split(" in ")[0] for r in caplog.records] == ["helpcentre serve: zh built"]
