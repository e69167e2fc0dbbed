"""Freshness: how old an answer may get before a writer must re-verify it."""
