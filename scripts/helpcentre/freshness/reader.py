"""What a reader is told about an article's freshness (the site turns it into banners).

Only two kinds come from here; "expired" and "untranslated" are decided in
site/views.py already:
- ``("overdue", due)``: the English article's review was due on ``due``.
  The site shows it only in local previews (``fail_on_stale: false``); with
  ``fail_on_stale`` on, an overdue article fails the build instead.
- ``("outdated", english_reviewed)``: the reader's translation was made from
  an older English version; the date is the English article's `reviewed`.

A translation with no ``translated_from`` stamp is a writer's problem
(`helpcentre check` reports it) but is not announced to readers: we do not
know that the English is newer, and we never tell readers what we do not know.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ..content.corpus import Corpus
from .fingerprint import fingerprint_of
from .policy import Policy
from .states import review_of

NoticeKind = Literal["overdue", "outdated"]


def reader_notices(corpus: Corpus, article_id: str, lang: str, today: dt.date,
                   policy: Policy) -> list[tuple[NoticeKind, dt.date | None]]:
    source = corpus.sources.get(article_id)
    if source is None:
        return []
    review = review_of(source, policy, today)
    if review.state == "expired":
        return []  # the "ended" banner says all there is to say
    notices: list[tuple[NoticeKind, dt.date | None]] = []
    translation = corpus.translations.get((article_id, lang))
    if translation is not None and lang != corpus.project.default_language:
        stamp = translation.own.translated_from
        if stamp is not None and stamp != fingerprint_of(source.meta, source.body):
            notices.append(("outdated", source.meta.reviewed))
    if review.state == "overdue":
        notices.append(("overdue", review.due))
    return notices
