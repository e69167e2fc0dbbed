"""Options of the `helpcentre` MkDocs plugin (declarations only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..content.schema import parse_date


class Day(c.BaseConfigOption[dt.date | None]):
    """A date written YYYY-MM-DD, validated like front matter dates; absent is None.

    `helpcentre build` hands the day it was given (--today) to the plugin as a
    value; `mkdocs build` alone reads it from mkdocs.yml (`today: !ENV
    [HELPCENTRE_TODAY, null]` there), and without one the plugin reads the calendar.
    """

    def run_validation(self, value: Any) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        day, message = parse_date("today", str(value))
        if day is None:
            raise base.ValidationError(message or "expected a date written YYYY-MM-DD")
        return day


class PreviewOnly(c.BaseConfigOption[bool]):
    """A switch only `helpcentre serve` turns on, after mkdocs.yml is read.

    Written in mkdocs.yml it is refused: mkdocs.yml is what `mkdocs build` and
    `helpcentre build` publish from, and what this switches on must never be published.
    """

    def run_validation(self, value: Any) -> bool:
        if value is None:
            return False
        raise base.ValidationError("is set by `helpcentre serve` only; remove it from mkdocs.yml "
                                   "(a published page must keep the strict script policy)")


class HelpCentreConfig(base.Config):
    # The day content is judged on (reviews due, notices ended). Tests and CI pin
    # it so builds are reproducible.
    today = Day()
    # Fail `mkdocs build` on stale content (on in CI; off for local previews,
    # where problems show as banners instead).
    fail_on_stale = c.Type(bool, default=False)
    # Write the freshness dashboard (helpcentre report --format html) to
    # _team/freshness/ for the support team; the page carries noindex and is
    # not in the sitemap or the navigation.
    dashboard = c.Type(bool, default=False)
    # The preview's Content-Security-Policy (helpcentre.site.csp.PREVIEW_POLICY), so
    # MkDocs' live-reload script runs. Set by helpcentre.site.preview, never in mkdocs.yml.
    live_reload = PreviewOnly()
