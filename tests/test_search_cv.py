"""scripts/search_cv.py: settings are put back, and the untouched set is never read."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from conftest import REPO
from helpcentre.search import index, query

sys.path.insert(0, str(REPO / "scripts"))
import search_cv  # noqa: E402 - a script beside search_eval, not a package

sys.path.remove(str(REPO / "scripts"))


def test_settings_hold_inside_and_are_put_back_after() -> None:
    before = (dict(index.FIELD_BOOSTS), dict(index.FIELD_B), index.K1, query.ROOT_WEIGHT)
    with search_cv.settings({"body": 3.0, "b.title": 0.9, "K1": 2.5, "ROOT_WEIGHT": 0.1}):
        assert (index.FIELD_BOOSTS["body"], index.FIELD_B["title"], index.K1, query.ROOT_WEIGHT) == \
            (3.0, 0.9, 2.5, 0.1)
    assert (dict(index.FIELD_BOOSTS), dict(index.FIELD_B), index.K1, query.ROOT_WEIGHT) == before


def test_an_unknown_setting_is_refused_and_nothing_is_left_changed() -> None:
    before = dict(index.FIELD_BOOSTS)
    with pytest.raises(SystemExit, match="search_cv: unknown setting 'bodyy'"), \
            search_cv.settings({"body": 3.0, "bodyy": 1.0}):
        pass
    assert before == index.FIELD_BOOSTS


def test_grid_arguments() -> None:
    assert search_cv.parse_grid(["body=1,2", "K1=1.6"]) == {"body": [1.0, 2.0], "K1": [1.6]}
    with pytest.raises(SystemExit, match=r"--grid 'body=one': expected NAME=NUMBER,NUMBER,\.\.\."):
        search_cv.parse_grid(["body=one"])


def test_the_untouched_set_is_never_tuned_on(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(search_cv, "REAL_SETS", ["monero-faq"])
    with pytest.raises(SystemExit, match=r"monero-faq is not a set to tune on \(search_eval.ROLES\)"):
        search_cv.tunable_sets(tmp_path, dt.date(2026, 12, 7))
