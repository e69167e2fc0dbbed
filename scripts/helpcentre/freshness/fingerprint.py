"""Which version of the English article a translation was made from.

A translation records ``translated_from``: a fingerprint of its English
source's title, summary and body. The check recomputes the fingerprint and a
different value means the English changed after the translation was made.
This works from the files alone, so shallow CI clones (no git history) detect
outdated translations just as well as a full clone.

Decision on whitespace: every run of whitespace (spaces, tabs, line breaks,
blank lines, indentation) counts as one space. Reflowing a paragraph, fixing
indentation or trailing spaces changes nothing a translator would translate,
so it must not send six translations back to the translators. A changed word,
number, punctuation mark or Markdown marker does change the fingerprint.

Front matter other than title and summary (``reviewed``, ``keywords``,
``owner``...) is not part of the fingerprint: marking the English article
reviewed, or adding English search words, leaves translations in sync.
"""

from __future__ import annotations

import hashlib

from ..content.schema import FINGERPRINT_RE, Meta
from ..content.troubleshooters import text_of

# Bump when the normalisation changes: every stamp then reads as outdated,
# which is the honest answer since old stamps were made by another rule.
FINGERPRINT_VERSION = "1"
FINGERPRINT_LENGTH = 12  # matches FINGERPRINT_RE in content/schema.py
# Kept apart so text moved from the summary into the body still counts as a change.
_SEPARATOR = "\x00"


def normalize(text: str | None) -> str:
    """Whitespace-insensitive form of ``text``: words and punctuation only matter."""
    return " ".join((text or "").split())


def fingerprint(title: str | None, summary: str | None, body: str) -> str:
    """The 12-hex-digit fingerprint of one version of an English article."""
    parts = (FINGERPRINT_VERSION, normalize(title), normalize(summary), normalize(body))
    digest = hashlib.sha256(_SEPARATOR.join(parts).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_LENGTH]


def fingerprint_of(meta: Meta, body: str) -> str:
    # A troubleshooter's words are in its steps: a changed English answer must
    # mark its translations outdated like a changed paragraph.
    steps = f"\n{text_of(meta.steps)}" if meta.steps is not None else ""
    return fingerprint(meta.title, meta.summary, body + steps)


def is_fingerprint(value: str) -> bool:
    return bool(FINGERPRINT_RE.match(value))
