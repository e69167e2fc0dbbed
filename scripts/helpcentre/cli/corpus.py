"""`helpcentre corpus`: write a synthetic help centre for benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..bench.generate import DEFAULT_ARTICLES, generate
from . import UsageError, common


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES,
                        help=f"articles per language (default: {DEFAULT_ARTICLES})")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same files (default: 1)")
    parser.add_argument("--out", type=Path, required=True, help="a folder that does not exist yet")


def run(args: argparse.Namespace) -> int:
    if args.articles < 1:
        raise UsageError(f"--articles must be at least 1, found {args.articles}")
    if args.out.exists():
        raise UsageError(f"{args.out} already exists; choose a new folder or remove it")
    common.project(args)  # the templates and registries are copied from --root
    written = generate(args.root, args.out, articles=args.articles, seed=args.seed,
                       today=common.today(args))
    print(f"helpcentre corpus: wrote {written} articles to {args.out}")
    return 0
