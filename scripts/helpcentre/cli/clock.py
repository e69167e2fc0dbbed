"""The only place that reads the clock. Everything else is handed ``today``."""

from __future__ import annotations

import datetime as dt
import os

from ..content.schema import parse_date

TODAY_ENV = "HELPCENTRE_TODAY"


class BadToday(ValueError):
    pass


def resolve_today(value: str | None = None) -> dt.date:
    """``--today``/plugin option, else $HELPCENTRE_TODAY, else the real date."""
    value = value or os.environ.get(TODAY_ENV)
    if not value:
        return dt.date.today()
    day, message = parse_date("today", value)
    if day is None:
        raise BadToday(message or "bad date")
    return day
