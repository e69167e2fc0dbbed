"""More than one site engine: MkDocs 1.6.1 and ProperDocs build the same site.

MkDocs 1.6.1 is MkDocs' last release; ProperDocs continues it under its own
name. `HELPCENTRE_SITE_ENGINE=properdocs` (helpcentre/__init__.py) makes every
`mkdocs.*` import ProperDocs'. CI runs the site tests once more that way
(`make test-properdocs`); these tests make sure such a run really uses the
engine it names, and that both engines write the same site.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE_ARTICLES, TODAY, write_site

# The only line the engines write differently: the generator's name in 404.html.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_the_engine_in_use_is_the_one_asked_for() -> None:
    import mkdocs

    assert mkdocs.__name__ == os.environ.get("HELPCENTRE_SITE_ENGINE", "mkdocs")


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): GENERATOR.sub(b"", p.read_bytes())
            for p in root.rglob("*") if p.is_file() and p.suffix != ".gz"}


def test_mkdocs_and_properdocs_build_the_same_site(tmp_path: Path) -> None:
    pytest.importorskip("properdocs")
    root = write_site(tmp_path / "site", SAMPLE_ARTICLES)
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        out = tmp_path / engine
        env = dict(os.environ, HELPCENTRE_SITE_ENGINE=engine, NO_MKDOCS_2_WARNING="1")
        done = subprocess.run([sys.executable, "-m", "helpcentre", "build", "--root", str(root), "--today", TODAY,
                               "--jobs", "1", "--site-dir", str(out)], env=env, capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        sites[engine] = tree(out)
    assert sorted(sites["mkdocs"]) == sorted(sites["properdocs"])
    assert [rel for rel in sites["mkdocs"] if sites["mkdocs"][rel] != sites["properdocs"][rel]] == []
