"""Search relevance stays at the issue's targets on the starter content.

scripts/search_eval.py prints the numbers; this runs it on the tuned list
(tests/search_eval/queries.yml) so a change to the search code, the synonym
or stop-word files or the articles that drops relevance below the targets
(MRR@10 0.85 overall, 0.75 in each language, under 3% zero results) fails
in the pull request, with the table and every miss in the failure message.
It asserts no time. The blind and holdout sets, and the sets written for
real content under corpora/, are measurements, not a gate to tune against:
they are only checked for being valid (the corpora's in
tests/test_eval_corpora.py) and for giving every query some result.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, STARTER_TODAY, TODAY
from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry

EVAL = REPO / "scripts" / "search_eval.py"
SETS = sorted((REPO / "tests" / "search_eval").glob("*.yml"))


def test_the_tuned_queries_meet_the_targets() -> None:
    result = subprocess.run([sys.executable, str(EVAL), "--today", STARTER_TODAY, "--show-misses"],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert next(line for line in result.stdout.splitlines() if line.startswith("targets:")).endswith(": met")


@pytest.mark.parametrize("path", SETS, ids=[p.name for p in SETS])
def test_every_query_expects_an_article_that_exists(path: Path) -> None:
    sys.path.insert(0, str(EVAL.parent))
    try:
        from search_eval import load_cases
    finally:
        sys.path.remove(str(EVAL.parent))
    project = load_project(REPO)
    corpus = load_corpus(project, load_registry(project), today=dt.date.fromisoformat(STARTER_TODAY))
    cases = load_cases(path, project.codes)
    assert len(cases) >= 80
    missing = sorted({c.expect for c in cases} - set(corpus.sources))
    assert missing == [], f"{path.name}: no such article: {', '.join(missing)}"


# Our sets and each real-content corpus's (tests/test_eval_corpora.py checks
# those name their own articles). The holdout set joined on 2026-12-07, when
# it became a cross-validation fold (scripts/search_cv.py).
NO_ZERO = [*SETS] + sorted(
    (REPO / "tests" / "search_eval" / "corpora").glob("*/queries.yml"))


@pytest.mark.parametrize("path", NO_ZERO, ids=[p.parent.name if p.name == "queries.yml" and
                                               p.parent.name != "search_eval" else p.name
                                               for p in NO_ZERO])
def test_no_query_finds_nothing(path: Path) -> None:
    """A reader who types a question always gets some answer (issue 17: zero results at 0)."""
    result = subprocess.run([sys.executable, str(EVAL), "--today", TODAY, "--queries", str(path),
                             "--show-misses"], capture_output=True, text=True, timeout=600, check=False)
    assert "; got nothing" not in result.stdout, result.stdout
    # lang, n, then ours: hit@1, hit@5, MRR@10, zero
    row = next(line for line in result.stdout.splitlines() if line.startswith("all "))
    assert row.split()[5] == "0", result.stdout


def test_a_reader_in_taiwan_gets_nearly_what_a_reader_in_the_mainland_gets() -> None:
    """traditional.yml's queries (Traditional Chinese) against the Simplified ones they were made from.

    Folding Traditional characters (search/traditional.py) closes most of the
    gap; words Taiwan says differently (审核 -> 稽核) still cost a little.
    On 2026-12-07: 0.868 against 0.897; without the fold, 0.793 (0.104 lower).
    """
    import yaml

    from helpcentre.content import paths
    from helpcentre.search.index import build_for_language
    from helpcentre.search.query import SearchIndex

    project = load_project(REPO)
    today = dt.date.fromisoformat(STARTER_TODAY)
    corpus = load_corpus(project, load_registry(project), today=today)
    data, _ = build_for_language(corpus, "zh", today,
                                 lambda a, reader: paths.article(reader, "en", a.category, a.id))
    index = SearchIndex(data)
    items = yaml.safe_load((REPO / "tests" / "search_eval" / "traditional.yml").read_text(encoding="utf-8"))

    def mrr(key: str) -> float:
        ranks = [[h.id for h in index.search(item[key], 10)] for item in items]
        return sum(1 / (r.index(i["expect"]) + 1) if i["expect"] in r else 0.0
                   for r, i in zip(ranks, items, strict=True)) / len(items)

    traditional, simplified = mrr("q"), mrr("from")
    assert simplified - traditional <= 0.05, (traditional, simplified)
