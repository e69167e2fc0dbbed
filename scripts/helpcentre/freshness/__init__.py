"""Freshness: how old an answer may get before a writer must re-verify it.

Plain Python (no MkDocs), in stages over frozen dataclasses:
- ``policy``: review intervals (article > category > type), warning window,
  translation grace period; read from content/_data/freshness.yml.
- ``fingerprint``: which English version a translation was made from.
- ``states``: every article in every language -> fresh, due-soon, overdue,
  expired, outdated, untranslated or orphan.
- ``checks``: problems for `helpcentre check` and the build's fail_on_stale.
- ``coins``: when a coin's networks, fees and minimums (coins.yml `reviewed:`) fall due.
- ``reader``: what readers are told (overdue, outdated) for the site's banners.
- ``report`` / ``dashboard``: the Markdown, JSON and HTML freshness report.
- ``feedback`` / ``feedback_import``: readers' votes and failed searches, imported
  from the feedback form into feedback/votes.json (never published).
- ``stamp`` / ``history``: byte-exact stamping and git look-ups for
  `helpcentre translations sync|diff`.
- ``notices``: when a notice has ended.
"""
