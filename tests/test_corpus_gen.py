"""The benchmark corpus: deterministic, valid, shaped like real articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import REPO, TODAY, build_site
from helpcentre.bench.generate import generate
from helpcentre.cli import main
from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry

DAY = dt.date.fromisoformat(TODAY)
LANGS = ["en", "zh", "ja", "ko", "es", "ru"]


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "content").rglob("*.md"))}


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "site"
    assert generate(REPO, out, articles=16, seed=7, today=DAY) == 16 * len(LANGS)
    return out


def test_same_seed_same_bytes(corpus_dir: Path, tmp_path: Path) -> None:
    generate(REPO, tmp_path / "again", articles=16, seed=7, today=DAY)
    generate(REPO, tmp_path / "other", articles=16, seed=8, today=DAY)
    assert files(tmp_path / "again") == files(corpus_dir)
    assert files(tmp_path / "other") != files(corpus_dir)


def test_every_language_has_every_article_and_every_category(corpus_dir: Path) -> None:
    names = files(corpus_dir)
    for lang in LANGS:
        assert sum(1 for rel in names if rel.startswith(f"content/{lang}/")) == 16
    categories = {rel.split("/")[2] for rel in names}
    assert categories == {"account", "security", "deposits-withdrawals", "trading", "fees", "api",
                          "support", "announcements"}


def test_articles_have_the_structures_the_issue_lists(corpus_dir: Path) -> None:
    text = "\n".join(data.decode("utf-8") for rel, data in files(corpus_dir).items()
                     if rel.startswith("content/en/"))
    for marker in ("\n## ", "\n1. ", "\n- ", "| --- |", '\n!!! ', "](../", "{{ exchange_name }}",
                   "{{ networks_table ", "\ncoins:", "\nexpires:", "type: notice"):
        assert marker in text, marker


def test_translations_carry_only_their_own_fields(corpus_dir: Path) -> None:
    zh = next(data.decode("utf-8") for rel, data in files(corpus_dir).items()
              if rel.startswith("content/zh/"))
    front = zh.split("---\n")[1]
    assert [line.split(":")[0] for line in front.splitlines() if not line.startswith("- ")] == [
        "title", "summary", "keywords", "translated_from"]


def test_corpus_loads_without_a_single_problem(corpus_dir: Path) -> None:
    project = load_project(corpus_dir)
    corpus = load_corpus(project, load_registry(project), today=DAY)
    assert corpus.problems == []
    assert len(corpus.sources) == 16


def test_corpus_builds_strict(corpus_dir: Path) -> None:
    site = build_site(corpus_dir)
    assert len(list(site.rglob("index.html"))) > 16 * len(LANGS)


def test_command_refuses_an_existing_folder(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["corpus", "--root", str(REPO), "--today", TODAY, "--articles", "2",
                 "--out", str(corpus_dir)])
    assert code == 2
    assert capsys.readouterr().err == (f"helpcentre corpus: error: {corpus_dir} already exists; "
                                       "choose a new folder or remove it\n")


def test_command_writes_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench"
    assert main(["corpus", "--root", str(REPO), "--today", TODAY, "--articles", "2",
                 "--seed", "3", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"helpcentre corpus: wrote 12 articles to {out}\n"
    assert len(files(out)) == 12
