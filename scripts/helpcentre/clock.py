"""The one clock: the only place that reads the calendar.

Read once per entry point (the `helpcentre` command, and the MkDocs plugin
when `mkdocs build` runs it alone) and handed down as a value; everything
else is given ``today``.
"""

from __future__ import annotations

import datetime as dt
import os

from .content.schema import parse_date

TODAY_ENV = "HELPCENTRE_TODAY"
EXAMPLE = "2026-11-18"


class BadToday(ValueError):
    def __init__(self, message: str, *, from_env: bool = False):
        super().__init__(message)
        self.from_env = from_env  # the bad value came from $HELPCENTRE_TODAY, not the option


def calendar() -> dt.date:
    """Today by the machine's calendar, for an entry point given no day."""
    return dt.date.today()


def resolve_today(value: str | None = None) -> dt.date:
    """``--today``/plugin option, else $HELPCENTRE_TODAY, else the real date.

    Only an absent option (None) falls back: an option given but empty
    (``--today ""``, usually a shell variable that was never set) is an error,
    not a silent switch to the real date. An empty $HELPCENTRE_TODAY counts as
    unset: CI files and shells export empty variables for "not pinned"
    (``HELPCENTRE_TODAY=${PINNED_DAY}``), and the value never reaches a
    command line where the writer could see it was empty.
    """
    from_env = value is None
    if from_env:
        value = os.environ.get(TODAY_ENV) or None
        if value is None:
            return calendar()
    assert value is not None
    if not value.strip():
        raise BadToday(f"is empty; expected a date written YYYY-MM-DD, like {EXAMPLE} (leave it out "
                       f"to use ${TODAY_ENV}, then today's date)")
    day, message = parse_date("today", value)
    if day is None:
        message = message or "bad date"
        raise BadToday(f"${TODAY_ENV}: {message}" if from_env else message, from_env=from_env)
    return day
