"""When a notice has ended. ``today`` is always passed in, never read here."""

from __future__ import annotations

import datetime as dt

from ..content.schema import Meta


def notice_ended(meta: Meta, today: dt.date) -> bool:
    """A notice is current through its ``expires`` day and ended the day after."""
    return meta.type == "notice" and meta.expires is not None and meta.expires < today
