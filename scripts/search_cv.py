#!/usr/bin/env python3
"""Choose search settings by cross-validation over the evaluation sets that may be tuned on.

    python scripts/search_cv.py                       # the grid in GRID, then leave-one-set-out
    python scripts/search_cv.py --grid body=1,2 K1=1.2,1.6

Issue 17 asks for field weights and length normalisation "chosen by
cross-validation over several evaluation sets, not by hand on one". Each
setting of the grid is scored (MRR@10 of our search, as scripts/search_eval.py
measures it) on every set whose role allows tuning (search_eval.ROLES):

- queries.yml, blind.yml and holdout.yml on content/;
- queries.yml and blind.yml again on an index without keywords and synonym
  files, as real help content comes ("-nokw");
- corpora/etc-faq, a real FAQ.

Then each set is left out in turn: the setting best on the others is scored
on it. If the settings chosen that way beat the current ones on the sets left
out, the grid has found something that generalises; the setting best on all
sets is printed last. corpora/monero-faq is never read here: it is the set
untouched by tuning, reported once by ``search_eval.py --all``.

Settings are module constants of helpcentre.search (index.FIELD_BOOSTS,
index.FIELD_B, index.K1 and query.py's weights); this script sets them for
each trial and puts them back. ``body=2`` names FIELD_BOOSTS["body"],
``b.body=0.5`` FIELD_B["body"], and a bare upper-case name (``K1``,
``ROOT_WEIGHT``) a constant of index.py or query.py.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from helpcentre.clock import BadToday, resolve_today
from helpcentre.content import paths
from helpcentre.content.corpus import Article, Corpus, load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.search import index as index_module
from helpcentre.search import query as query_module
from helpcentre.search.documents import documents_for
from helpcentre.search.index import build_for_language, build_index
from helpcentre.search.query import SearchIndex
from helpcentre.search.stopwords import load_stopwords
from search_eval import CORPORA, QUERIES, REPO, ROLES, TOP, load_cases

# The grid of 2026-12-07 (its result is in index.py, above FIELD_BOOSTS), on
# the boosts' present scale: they were halved after it, so its body 1, 1.5, 2
# and 3 are 0.5, 0.75, 1 and 1.5 here.
GRID = {"body": [0.5, 0.75, 1.0, 1.5], "K1": [1.2, 1.6, 2.0, 2.5]}
# Sets on content/: (name, query file, with keywords and synonyms).
CONTENT_SETS = [("queries.yml", "queries.yml", True), ("blind.yml", "blind.yml", True),
                ("holdout.yml", "holdout.yml", True), ("queries.yml-nokw", "queries.yml", False),
                ("blind.yml-nokw", "blind.yml", False)]
REAL_SETS = ["etc-faq"]


@dataclasses.dataclass(frozen=True)
class EvalSet:
    name: str
    corpus: Corpus
    queries: Path
    keywords: bool


def tunable_sets(tmp: Path, today: dt.date) -> list[EvalSet]:
    from eval_site import assemble

    for name in ("queries.yml", "blind.yml", "holdout.yml", *REAL_SETS):
        if "untouched" in ROLES.get(name, "untouched"):
            raise SystemExit(f"search_cv: {name} is not a set to tune on (search_eval.ROLES)")
    project = load_project(REPO)
    content = load_corpus(project, load_registry(project), today=today)
    sets = [EvalSet(name, content, QUERIES.parent / path, keywords) for name, path, keywords in CONTENT_SETS]
    for name in REAL_SETS:
        root = assemble(CORPORA / name, tmp / name)
        real = load_project(root)
        sets.append(EvalSet(name, load_corpus(real, load_registry(real), today=today),
                            CORPORA / name / "queries.yml", True))
    return sets


def indexes(corpus: Corpus, keywords: bool, today: dt.date) -> dict[str, SearchIndex]:
    """Each language's index as the build makes it or, without ``keywords``, with no keywords
    and no synonym groups (the stop words stay: they are general words, not the writers')."""
    default = corpus.project.default_language

    def url_of(article: Article, reader: str) -> str:
        return paths.article(reader, default, article.category, article.id)

    out = {}
    for lang in corpus.project.codes:
        if keywords:
            data, _ = build_for_language(corpus, lang, today, url_of)
        else:
            docs = [dataclasses.replace(d, fields={**d.fields, "keywords": ""})
                    for d in documents_for(corpus, lang, today, url_of)]
            stopwords, _ = load_stopwords(corpus.project, lang)
            data = build_index(docs, lang=lang, synonyms=[], fallback_label="English", stopwords=stopwords)
        out[lang] = SearchIndex(data)
    return out


def score(sets: list[EvalSet], today: dt.date) -> dict[str, float]:
    """MRR@10 of each set with the settings now in force."""
    out = {}
    built: dict[tuple[int, bool], dict[str, SearchIndex]] = {}
    for s in sets:
        key = (id(s.corpus), s.keywords)
        if key not in built:
            built[key] = indexes(s.corpus, s.keywords, today)
        cases = load_cases(s.queries, s.corpus.project.codes)
        total = 0.0
        for case in cases:
            ranked = [hit.id for hit in built[key][case.lang].search(case.query, TOP)]
            total += 1 / (ranked.index(case.expect) + 1) if case.expect in ranked else 0.0
        out[s.name] = total / len(cases)
    return out


@contextmanager
def settings(values: dict[str, float]) -> Iterator[None]:
    """The search's constants set to ``values`` for the duration, then put back."""
    saved = (dict(index_module.FIELD_BOOSTS), dict(index_module.FIELD_B),
             {name: getattr(m, name) for name in values for m in (index_module, query_module)
              if name.isupper() and hasattr(m, name)})
    try:
        for name, value in values.items():
            if name.startswith("b."):
                index_module.FIELD_B[name[2:]] = value
            elif name in index_module.FIELD_BOOSTS:
                index_module.FIELD_BOOSTS[name] = value
            elif name.isupper() and hasattr(index_module, name):
                setattr(index_module, name, value)
            elif name.isupper() and hasattr(query_module, name):
                setattr(query_module, name, value)
            else:
                raise SystemExit(f"search_cv: unknown setting {name!r}")
        yield
    finally:
        index_module.FIELD_BOOSTS.clear()
        index_module.FIELD_BOOSTS.update(saved[0])
        index_module.FIELD_B.clear()
        index_module.FIELD_B.update(saved[1])
        for name, value in saved[2].items():
            for m in (index_module, query_module):
                if hasattr(m, name):
                    setattr(m, name, value)


def parse_grid(items: list[str]) -> dict[str, list[float]]:
    grid = {}
    for item in items:
        name, _, values = item.partition("=")
        try:
            grid[name] = [float(v) for v in values.split(",")]
        except ValueError:
            raise SystemExit(f"search_cv: --grid {item!r}: expected NAME=NUMBER,NUMBER,...") from None
    return grid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", nargs="+", metavar="NAME=V1,V2",
                        help="settings to try (default: the grid of 2026-12-07, GRID)")
    parser.add_argument("--today", help="YYYY-MM-DD (default: $HELPCENTRE_TODAY, then today)")
    args = parser.parse_args(argv)
    try:
        today = resolve_today(args.today)
    except BadToday as exc:
        print(f"search_cv: --today: {exc}", file=sys.stderr)
        return 2
    grid = parse_grid(args.grid) if args.grid else GRID
    with tempfile.TemporaryDirectory(prefix="search-cv-") as tmp:
        sets = tunable_sets(Path(tmp), today)
        names = [s.name for s in sets]
        current = score(sets, today)
        print("current " + " ".join(f"{n}={current[n]:.3f}" for n in names))
        rows: list[tuple[dict[str, float], dict[str, float]]] = []
        for values in itertools.product(*grid.values()):
            setting = dict(zip(grid, values, strict=True))
            with settings(setting):
                rows.append((setting, score(sets, today)))
            label = " ".join(f"{k}={v:g}" for k, v in setting.items())
            print(f"{label:<24} " + " ".join(f"{n}={rows[-1][1][n]:.3f}" for n in names), flush=True)
    print("\nleft out    chosen on the others        its score   current")
    chosen_total = current_total = 0.0
    for name in names:
        setting, scores = max(rows, key=lambda r: sum(v for n, v in r[1].items() if n != name))
        label = " ".join(f"{k}={v:g}" for k, v in setting.items())
        print(f"{name:<18} {label:<24} {scores[name]:9.3f} {current[name]:9.3f}")
        chosen_total += scores[name]
        current_total += current[name]
    print(f"mean of the sets left out: {chosen_total / len(names):.4f} chosen, "
          f"{current_total / len(names):.4f} current")
    best, scores = max(rows, key=lambda r: sum(r[1].values()))
    print("best on all sets: " + " ".join(f"{k}={v:g}" for k, v in best.items()) +
          f" (mean {sum(scores.values()) / len(scores):.4f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
