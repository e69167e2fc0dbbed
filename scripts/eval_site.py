#!/usr/bin/env python3
"""Assemble a help centre from an evaluation corpus, to measure search on content
nobody tuned it for.

    python scripts/eval_site.py tests/search_eval/corpora/etc-faq --out /tmp/etc-site
    python scripts/search_eval.py --root /tmp/etc-site --queries QUERIES.yml
    helpcentre check --root /tmp/etc-site

A corpus (tests/search_eval/corpora/<name>/) holds only articles,
``content/<lang>/<category>/<id>.md``, and a SOURCE.md saying where they came
from. The assembled folder is this repository's site configuration
(mkdocs.yml, content/_data/, translations/ and overrides/: the same registries,
categories, synonyms and stop words as ours) with the corpus's articles as its
only content. None of our own articles are copied, so every hit comes from the
corpus.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from helpcentre.bench.generate import drop_glossary_related, drop_top_questions

REPO = Path(__file__).resolve().parent.parent
# What the site needs besides its articles, relative to the repository root.
SITE_FILES = ("mkdocs.yml",)
SITE_DIRS = ("content/_data", "translations", "overrides")


class AssembleError(Exception):
    """The corpus or the output folder is not usable; the message says why."""


def _corpus_problems(content: Path) -> list[str]:
    """What in a corpus's content/ would not be an article of ours."""
    problems = []
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(content)
        if path.is_symlink():
            problems.append(f"{rel}: a symbolic link; copy the file instead")
        elif path.is_dir():
            if len(rel.parts) > 2:
                problems.append(f"{rel}: too deep; articles are content/<lang>/<category>/<id>.md")
        elif len(rel.parts) != 3 or path.suffix != ".md":
            problems.append(f"{rel}: not an article (content/<lang>/<category>/<id>.md)")
    if (content / "_data").exists():
        problems.append("_data: a corpus uses the repository's registries; remove its own _data/")
    return problems


def assemble(corpus_dir: Path, out: Path, *, replace: bool = False) -> Path:
    """Write a complete help-centre folder at ``out`` from ``corpus_dir`` and return it.

    ``out`` must not exist or must be empty; with ``replace`` an existing folder
    is deleted first (never the repository itself or a folder that contains it).
    """
    corpus_dir = Path(corpus_dir).resolve()
    out = Path(out).resolve()
    content = corpus_dir / "content"
    if not content.is_dir():
        raise AssembleError(f"{corpus_dir}: no content/ folder; a corpus holds "
                            "content/<lang>/<category>/<id>.md")
    problems = _corpus_problems(content)
    if problems:
        raise AssembleError(f"{corpus_dir}: " + "; ".join(problems))
    if not any(content.rglob("*.md")):
        raise AssembleError(f"{content}: no articles")
    if out == REPO or REPO.is_relative_to(out) or out.is_relative_to(REPO / "content"):
        raise AssembleError(f"{out}: refusing to write over the repository or its content")
    if out.exists():
        if not out.is_dir():
            raise AssembleError(f"{out}: exists and is not a folder")
        if any(out.iterdir()):
            if not replace:
                raise AssembleError(f"{out}: not empty; choose another folder or replace it")
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)

    for name in SITE_FILES:
        shutil.copy2(REPO / name, out / name)
    for name in SITE_DIRS:
        shutil.copytree(REPO / name, out / name, dirs_exist_ok=True)
    # The starter content's top questions are not this corpus's articles.
    drop_top_questions(out / "content" / "_data")
    drop_glossary_related(out / "content" / "_data")
    # The corpus's articles on top of the (article-free) content/ holding _data/.
    shutil.copytree(content, out / "content", dirs_exist_ok=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path,
                        help="a corpus folder, e.g. tests/search_eval/corpora/etc-faq")
    parser.add_argument("--out", type=Path, required=True,
                        help="where to write the assembled help centre (a new or empty folder)")
    parser.add_argument("--replace", action="store_true",
                        help="delete --out first if it already holds files")
    args = parser.parse_args(argv)
    try:
        site = assemble(args.corpus, args.out, replace=args.replace)
    except AssembleError as exc:
        print(f"eval_site: {exc}", file=sys.stderr)
        return 2
    articles = sum(1 for _ in (site / "content").rglob("*.md"))
    print(f"{site}: {articles} article files from {args.corpus}")
    print(f"  search:  python scripts/search_eval.py --root {site} --queries QUERIES.yml")
    print(f"  check:   helpcentre check --root {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
