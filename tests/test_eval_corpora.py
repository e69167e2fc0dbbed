"""Evaluation corpora nobody tuned search for (tests/search_eval/corpora/<name>/).

Each holds converted public content (content/<lang>/<category>/<id>.md, with
SOURCE.md: source, licence, commits) and queries.yml, written blind. The
content must load as a help centre of ours, and every query must name an
article of that corpus in the query's language or in English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CORPORA = sorted(p for p in (Path(__file__).parent / "search_eval" / "corpora").iterdir() if p.is_dir())


@pytest.mark.parametrize("corpus", CORPORA, ids=[p.name for p in CORPORA])
def test_every_query_names_an_article_of_its_corpus(corpus: Path) -> None:
    cases = yaml.safe_load((corpus / "queries.yml").read_text(encoding="utf-8"))
    assert len(cases) >= 150
    files = {(p.parts[-3], p.stem) for p in (corpus / "content").glob("*/*/*.md")}
    missing = [c for c in cases if (c["lang"], c["expect"]) not in files and ("en", c["expect"]) not in files]
    assert missing == []
    assert (corpus / "SOURCE.md").is_file()


@pytest.mark.parametrize("corpus", CORPORA, ids=[p.name for p in CORPORA])
def test_the_corpus_is_a_valid_help_centre(corpus: Path, tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
    try:
        from eval_site import assemble
    finally:
        sys.path.pop(0)
    from helpcentre.cli import main

    site = assemble(corpus, tmp_path / "site")
    # No errors: translations carry no stamp (warnings until their grace period ends).
    assert main(["check", "--root", str(site), "--today", "2026-11-23"]) == 0
