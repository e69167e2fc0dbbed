"""Options of the `helpcentre` MkDocs plugin (declarations only)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class HelpCentreConfig(base.Config):
    # YYYY-MM-DD; absent means $HELPCENTRE_TODAY, then the real date. Tests and
    # CI pin it so builds are reproducible.
    today = c.Optional(c.Type(str))
    # Fail `mkdocs build` on stale content (on in CI; off for local previews,
    # where problems show as banners instead).
    fail_on_stale = c.Type(bool, default=False)
    # Write the freshness dashboard (helpcentre report --format html) to
    # _team/freshness/ for the support team; the page carries noindex and is
    # not in the sitemap or the navigation.
    dashboard = c.Type(bool, default=False)
