"""Benchmark: load and compute freshness for 2,000 articles in six languages.

    python scripts/bench_freshness.py [--articles 2000] [--repeat 3] [--profile]

Writes a generated help centre (12,000 article files) into a temporary
folder, then times each stage the way `helpcentre check` runs them. The
target (issue 4) is under 2 seconds for loading plus all states. This is a
script that prints numbers, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.freshness.fingerprint import fingerprint
from helpcentre.freshness.policy import load_policy
from helpcentre.freshness.problems import freshness_problems
from helpcentre.freshness.report import build_report
from helpcentre.freshness.states import compute_states

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 23)
CATEGORIES = ("account", "security", "deposits-withdrawals", "trading", "fees", "api",
              "support", "announcements")
PARAGRAPH = ("Deposits are credited after the network confirms them. The number of "
             "confirmations depends on the network; the deposit page shows it before you send. "
             "If a deposit is late, check the TxID in a block explorer first.\n\n")


def generate(root: Path, count: int) -> int:
    """A help centre with ``count`` English articles, each translated into every language."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "content" / "_data", root / "content" / "_data")
    project = load_project(root)
    others = [c for c in project.codes if c != project.default_language]
    written = 0
    for index in range(count):
        category = CATEGORIES[index % len(CATEGORIES)]
        kind = "notice" if category == "announcements" else ("guide" if index % 3 else "faq")
        reviewed = TODAY - dt.timedelta(days=index % 200)
        title = f"Question number {index} about {category}"
        summary = f"A one-sentence answer to question {index}."
        body = f"# Heading {index}\n\n" + PARAGRAPH * 6 + "1. Open **Wallet**.\n2. Select **Deposit**.\n"
        expires = f"expires: {(reviewed + dt.timedelta(days=40)).isoformat()}\n" \
            if kind == "notice" else ""
        folder = root / "content" / project.default_language / category
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{index}.md").write_text(
            f"---\ntitle: {title}\nsummary: {summary}\ntype: {kind}\ncoins: [USDT, TRX]\n"
            f"reviewed: {reviewed.isoformat()}\nowner: \"@kestrel/payments\"\n{expires}"
            f"keywords: [deposit, late, missing, txid]\n---\n{body}", encoding="utf-8")
        written += 1
        # Every fifth translation is stamped from an older version (outdated).
        stamp = fingerprint(title, summary, body if index % 5 else body + "Old text.")
        for lang in others:
            folder = root / "content" / lang / category
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"article-{index}.md").write_text(
                f"---\ntitle: {lang} {title}\nsummary: {lang} {summary}\n"
                f"keywords: [{lang}1, {lang}2]\ntranslated_from: {stamp}\n---\n{body}",
                encoding="utf-8")
            written += 1
    return written


def run_once(root: Path) -> dict[str, float]:
    times: dict[str, float] = {}
    start = time.perf_counter()
    project = load_project(root)
    registry = load_registry(project)
    policy = load_policy(project, registry)
    times["configuration"] = time.perf_counter() - start
    mark = time.perf_counter()
    corpus = load_corpus(project, registry, today=TODAY)
    times["load articles"] = time.perf_counter() - mark
    mark = time.perf_counter()
    states = compute_states(corpus, policy, TODAY)
    times["all states"] = time.perf_counter() - mark
    mark = time.perf_counter()
    freshness_problems(corpus, policy, TODAY, states=states)
    times["freshness problems"] = time.perf_counter() - mark
    mark = time.perf_counter()
    build_report(corpus, policy, TODAY, states=states)
    times["report model"] = time.perf_counter() - mark
    times["load + states (target < 2 s)"] = (times["configuration"] + times["load articles"]
                                             + times["all states"])
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hc-bench-") as tmp:
        root = Path(tmp)
        began = time.perf_counter()
        files = generate(root, args.articles)
        print(f"generated {files} article files in {time.perf_counter() - began:.1f} s")
        runs = [run_once(root) for _ in range(args.repeat)]
        best = {name: min(run[name] for run in runs) for name in runs[0]}
        for name, seconds in best.items():
            print(f"{name:>30}: {seconds:6.3f} s")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            run_once(root)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
            print(out.getvalue())
        ok = best["load + states (target < 2 s)"] < 2.0
        print("target met" if ok else "target NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
