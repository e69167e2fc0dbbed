"""The team's freshness dashboard: one self-contained HTML page.

No CDN, no JavaScript, no web fonts: the page works from disk, behind a
firewall and in a CI artifact. The chart is inline SVG. The page is rendered
from templates/dashboard.html by Jinja with autoescape on, like every other
page of the site: titles, owners, paths and language names are untrusted, and
no markup is put together by hand here. This module computes the page model
(numbers, labels, the chart's geometry); the template only displays it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .feedback import SEARCH_WINDOW_DAYS, FeedbackSummary, Tally, reasons_text, rule_text
from .report import CELL_LABELS, CELL_STATES, MAX_SEARCHES_SHOWN, Report, Row

COLOURS = {  # colour-blind-safe, and every cell also carries its word
    "fresh": "#1b7f3b", "due-soon": "#b26a00", "overdue": "#b71c1c", "expired": "#6a1b9a",
    "outdated": "#1565c0", "missing": "#757575", "orphan": "#4e342e",
}
CHART_WIDTH = 720
CHART_HEIGHT = 220
CHART_MARGIN = 28  # room for the counts above and the dates below the bars


_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1c1c1c}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.n{text-align:right}
.s{font-size:.8rem;font-weight:600;color:#fff;border-radius:3px;padding:.05rem .35rem;
white-space:nowrap}.legend span{margin-right:.5rem}.matrix td{white-space:nowrap}
code{font-size:.85rem}.muted{color:#555}
""" + "".join(f".s-{state}{{background:{colour}}}" for state, colour in COLOURS.items())


_ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                   autoescape=select_autoescape(["html"], default=True), keep_trailing_newline=True)


def badge(state: str) -> Markup:
    return Markup('<span class="s s-{}">{}</span>').format(state, CELL_LABELS.get(state, state))


_ENV.globals["badge"] = badge


@dataclass(frozen=True)
class Bar:
    label: str
    tip: str
    count: int
    colour: str
    x: float
    y: float
    width: float
    height: float
    centre: float
    count_y: float


def to_html(report: Report) -> str:
    today = report.today.isoformat()
    en = report.per_language[0]
    page = {
        "today": today,
        "style": Markup(_STYLE),  # written in this file, not content
        "english_articles": len(report.rows),
        "summary": [(state, en.count(state)) for state in ("fresh", "due-soon", "overdue", "expired")],
        "warning_days": report.policy.warning_days,
        "grace_days": report.policy.translation_grace_days,
        "chart": chart(report),
        "owners": [{"name": o.owner or "(none)",
                    "counts": (o.fresh, o.due_soon, o.overdue, o.expired, o.outdated, o.missing)}
                   for o in report.owners],
        "state_labels": [CELL_LABELS[s] for s in CELL_STATES],
        "languages": [{"name": lc.name, "code": lc.lang, "counts": [lc.count(s) for s in CELL_STATES],
                       "coverage": lc.coverage} for lc in report.per_language],
        "legend": (*CELL_STATES, "orphan"),
        "columns": report.languages,
        "rows": [_row(r) for r in report.rows],
        "orphans": [o.path for o in report.orphans],
        "feedback": _feedback(report.feedback) if report.feedback and not report.feedback.empty else None,
    }
    return _ENV.get_template("dashboard.html").render(page=page)


def _tally(tally: Tally) -> dict[str, object]:
    return {"title": tally.title, "path": tally.path, "lang": tally.lang, "votes": tally.votes,
            "helpful": tally.helpful, "not_helpful": tally.not_helpful, "percent": f"{tally.percent}%",
            "reasons": reasons_text(tally), "since": tally.since.isoformat() if tally.since else "never"}


def _feedback(feedback: FeedbackSummary) -> dict[str, object]:
    """Readers' votes and failed searches (only when `helpcentre report` passed the store in)."""
    shown = feedback.searches[:MAX_SEARCHES_SHOWN]
    more = len(feedback.searches) - len(shown)
    return {"rule": rule_text(), "flagged": [_tally(t) for t in feedback.flagged],
            "articles": [_tally(t) for t in feedback.articles],
            "search_days": SEARCH_WINDOW_DAYS,
            "searches": [{"query": g.query, "count": g.count, "languages": g.languages_text} for g in shown],
            "more_searches": f"and {more} more" if more else ""}


def _row(row: Row) -> dict[str, object]:
    cells = []
    for cell in row.cells:
        note = ""
        if cell.unstamped:
            note = "no translated_from stamp"
        elif cell.grace_ends:
            note = f"update by {cell.grace_ends.isoformat()}"
        cells.append({"state": cell.state, "tip": f"{cell.path}" + (f": {note}" if note else "")})
    if row.state == "expired" and row.expires:
        due = f"ended {row.expires.isoformat()}"
    else:
        due = row.due.isoformat() if row.due else "never reviewed"
    return {"title": row.title, "path": row.path, "owner": row.owner, "due": due, "cells": cells}


def chart(report: Report) -> dict[str, object]:
    """A bar chart's geometry: reviews already overdue, then one bar per week ahead."""
    raw: list[tuple[str, str, tuple[str, ...], str]] = [
        ("overdue", "already overdue", report.overdue_now, COLOURS["overdue"])]
    for bucket in report.buckets:
        label = bucket.start.strftime("%m-%d")
        span = f"{bucket.start.isoformat()} to {bucket.end.isoformat()}"
        raw.append((label, span, bucket.articles, COLOURS["due-soon"]
                    if (bucket.start - report.today).days < report.policy.warning_days
                    else COLOURS["fresh"]))
    highest = max((len(ids) for _, _, ids, _ in raw), default=0) or 1
    slot = (CHART_WIDTH - 2 * CHART_MARGIN) / len(raw)
    plot = CHART_HEIGHT - 2 * CHART_MARGIN
    total = sum(len(b.articles) for b in report.buckets)
    bars = []
    for index, (label, span, ids, colour) in enumerate(raw):
        height = round(plot * len(ids) / highest, 1)
        x = round(CHART_MARGIN + index * slot + slot * 0.15, 1)
        width = round(slot * 0.7, 1)
        y = round(CHART_HEIGHT - CHART_MARGIN - height, 1)
        names = ", ".join(ids[:20]) + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")
        bars.append(Bar(label, f"{span}: {len(ids)}" + (f" ({names})" if names else ""), len(ids), colour,
                        x, y, width, height, round(x + width / 2, 1), round(y - 4, 1)))
    return {"width": CHART_WIDTH, "height": CHART_HEIGHT, "margin": CHART_MARGIN,
            "axis_y": CHART_HEIGHT - CHART_MARGIN, "label_y": CHART_HEIGHT - CHART_MARGIN + 14,
            "bars": bars,
            "description": f"{len(report.overdue_now)} reviews already overdue; {total} falling due in the "
                           f"next 90 days, by week starting {report.today.isoformat()}"}
