"""helpcentre: an exchange's multilingual help centre, run as code.

Data flows one way (docs/ARCHITECTURE.md, enforced by tests/test_layers.py):
``content`` (load + validate) <- ``freshness`` / ``search`` <- ``checks`` <-
``site`` (the site engine's glue) <- ``cli``.

The site engine: MkDocs 1.6.1, or ProperDocs, the maintained continuation of
MkDocs 1.6 (MkDocs has no release after 1.6.1). With
``HELPCENTRE_SITE_ENGINE=properdocs`` every ``mkdocs.*`` import (ours,
Material's, mkdocs-static-i18n's) is served by ProperDocs, which is what its
own ``properdocs`` command does; it has to happen here, before anything
imports MkDocs.
"""

import os

__version__ = "0.1.0"

SITE_ENGINE = os.environ.get("HELPCENTRE_SITE_ENGINE", "mkdocs")
if SITE_ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401 - installs the mkdocs -> properdocs alias
elif SITE_ENGINE != "mkdocs":
    raise SystemExit(f"HELPCENTRE_SITE_ENGINE: expected mkdocs or properdocs, found {SITE_ENGINE!r}")
