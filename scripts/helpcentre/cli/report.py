"""`helpcentre report`: the freshness report as Markdown, JSON or an HTML dashboard.

Markdown suits the CI job summary (``>> $GITHUB_STEP_SUMMARY``), JSON suits
tools, HTML is the team's dashboard page. The report informs; `helpcentre
check` is what fails CI, so this exits 0 whenever the report was written.
Readers' feedback (feedback/votes.json, `helpcentre feedback import`) is
added here and only here: the dashboard a site build publishes never shows it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..freshness.dashboard import to_html
from ..freshness.feedback import FeedbackError, load_store
from ..freshness.report import build_report, to_json, to_markdown
from . import common

FORMATS = {"markdown": to_markdown, "json": to_json, "html": to_html}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--format", choices=sorted(FORMATS), default="markdown",
                        help="markdown (default, for the CI summary), json or html")
    parser.add_argument("--out", type=Path, metavar="PATH",
                        help="write the report to this file instead of printing it")


def run(args: argparse.Namespace) -> int:
    day = common.today(args)
    loaded = common.corpus_and_policy(args)
    if loaded is None:
        return 1
    corpus, policy = loaded
    try:  # passed in here, never read by build_report: a site build's dashboard must not publish it
        feedback = load_store(corpus.project.root)
    except FeedbackError as exc:
        common.print_problems([exc.problem])
        return 1
    text = FORMATS[args.format](build_report(corpus, policy, day, feedback=feedback))
    if args.out is None:
        sys.stdout.write(text)
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # newline="\n": the same bytes on every platform, so reports diff cleanly.
    args.out.write_text(text, encoding="utf-8", newline="\n")
    print(f"helpcentre report: {args.format} report written to {args.out}", file=sys.stderr)
    return 0
