"""`/status.json`: every network's deposit and withdrawal state, for the exchange's app and bots.

Generated from the same data as the status page (helpcentre.content.status),
on the build's day. The format is documented in docs/status-json.md and
validated against schemas/status.schema.json in the tests; `version` changes
only when a field changes meaning or disappears.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..content import paths
from ..content.corpus import Corpus
from ..content.status import SERVICES, ServiceState, network_states

VERSION = 1


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _service(corpus: Corpus, state: ServiceState) -> dict[str, Any]:
    default = corpus.project.default_language
    base = corpus.project.site_url.rstrip("/") + "/"
    notice = state.notice
    reasons = dict(state.reasons or {})
    if notice is not None:  # the notice's title in each language it has
        for lang in corpus.project.codes:
            shown = corpus.get(notice.id, lang)
            if shown is not None and shown.meta.title:
                reasons[lang] = shown.meta.title
    return {"state": state.state, "since": _day(state.since), "until": _day(state.until),
            "review": _day(state.review), "reason": reasons,
            "notice": base + paths.article(default, default, notice.category, notice.id) if notice else None}


def document(corpus: Corpus, today: dt.date) -> dict[str, Any]:
    states = network_states(corpus, today)
    networks = []
    for coin in corpus.registry.coins.values():
        for net in coin.networks:
            entry: dict[str, Any] = {"coin": coin.symbol, "network": net.id, "name": net.name}
            for service in SERVICES:
                entry[service] = _service(corpus, states[(coin.symbol, net.id)][service])
            networks.append(entry)
    return {"version": VERSION, "date": today.isoformat(),
            "status_page": corpus.project.site_url.rstrip("/") + "/status/", "networks": networks}


def write(corpus: Corpus, today: dt.date, site_dir: Path) -> Path:
    target = site_dir / paths.STATUS_JSON
    text = json.dumps(document(corpus, today), ensure_ascii=False, indent=1, sort_keys=False)
    target.write_text(text + "\n", encoding="utf-8")
    return target
