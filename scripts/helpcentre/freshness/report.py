"""The freshness report: one model, written as Markdown, JSON or HTML.

``build_report`` measures once; ``to_markdown`` (the CI job summary),
``to_json`` (tools) and ``dashboard.to_html`` (the team page) only format.
Everything is sorted by category, article id and configured language order,
so two runs on the same content give byte-identical reports and their diffs
show real changes only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..content.corpus import Corpus
from .feedback import (
    MIN_VOTES,
    NOT_HELPFUL_PERCENT,
    SEARCH_WINDOW_DAYS,
    FeedbackSummary,
    Store,
    Tally,
    reasons_text,
    rule_text,
    summarise,
)
from .policy import Policy
from .states import ArticleState, States, compute_states

HORIZON_DAYS = 90  # the "reviews falling due over the next 90 days"
BUCKET_DAYS = 7  # one bar per week: 13 readable bars instead of 91 thin ones
MAX_SEARCHES_SHOWN = 50  # failed searches in Markdown and HTML; the JSON has them all
# What a matrix cell can show; "missing" is an untranslated article.
CELL_STATES = ("fresh", "due-soon", "overdue", "expired", "outdated", "missing")
CELL_LABELS = {"fresh": "fresh", "due-soon": "due soon", "overdue": "overdue",
               "expired": "ended", "outdated": "outdated", "missing": "missing",
               "orphan": "orphan"}


@dataclass(frozen=True)
class Cell:
    lang: str
    state: str  # one of CELL_STATES
    path: str
    unstamped: bool = False  # outdated because it carries no `translated_from`
    grace_ends: dt.date | None = None


@dataclass(frozen=True)
class Row:
    """One English article and its state in every language."""

    article_id: str
    category: str
    title: str
    owner: str
    type: str
    path: str
    reviewed: dt.date | None
    due: dt.date | None
    expires: dt.date | None
    interval_days: int
    interval_origin: str
    cells: tuple[Cell, ...]

    @property
    def state(self) -> str:
        return self.cells[0].state


@dataclass(frozen=True)
class OwnerCounts:
    owner: str
    fresh: int
    due_soon: int
    overdue: int
    expired: int
    outdated: int  # translations
    missing: int  # translations

    @property
    def needs_work(self) -> int:
        return self.overdue + self.expired + self.outdated


@dataclass(frozen=True)
class Bucket:
    """Reviews falling due from ``start`` to ``end`` inclusive."""

    start: dt.date
    end: dt.date
    articles: tuple[str, ...]  # article ids, sorted


@dataclass(frozen=True)
class LanguageCounts:
    lang: str
    name: str
    counts: tuple[tuple[str, int], ...]  # (cell state, count) in CELL_STATES order

    def count(self, state: str) -> int:
        return dict(self.counts).get(state, 0)

    @property
    def in_sync(self) -> int:
        """Articles readers get in this language, saying what the English says."""
        return self.count("fresh") + self.count("due-soon") + self.count("overdue")

    @property
    def expected(self) -> int:
        """Articles that should exist in this language (ended notices need not)."""
        return sum(n for state, n in self.counts if state != "expired")

    @property
    def coverage(self) -> str:
        return f"{round(100 * self.in_sync / self.expected)}%" if self.expected else "n/a"


@dataclass(frozen=True)
class Report:
    today: dt.date
    languages: tuple[tuple[str, str], ...]  # (code, name), default language first
    policy: Policy
    rows: tuple[Row, ...]
    orphans: tuple[ArticleState, ...]
    owners: tuple[OwnerCounts, ...]
    overdue_now: tuple[str, ...]  # ids already overdue (the chart's first bar)
    buckets: tuple[Bucket, ...]
    per_language: tuple[LanguageCounts, ...]
    # Readers' votes and failed searches: only when the caller passes the store
    # (`helpcentre report` does; the dashboard a site build publishes does not).
    feedback: FeedbackSummary | None = None

    def rows_in(self, state: str, lang_index: int = 0) -> list[Row]:
        return [r for r in self.rows if r.cells[lang_index].state == state]


def _cell(item: ArticleState) -> Cell:
    state = "missing" if item.state == "untranslated" else item.state
    if state == "missing" and item.review is not None and item.review.state == "expired":
        state = "expired"  # an ended notice needs no translation any more
    return Cell(item.lang, state, item.path, item.unstamped, item.grace_ends)


def build_report(corpus: Corpus, policy: Policy, today: dt.date, *,
                 states: States | None = None, feedback: Store | None = None) -> Report:
    states = states or compute_states(corpus, policy, today)
    project = corpus.project
    default = project.default_language
    langs = (default, *[c for c in project.codes if c != default])
    rows: list[Row] = []
    for source in sorted(corpus.sources.values(), key=lambda a: (a.category, a.id)):
        items = [states.get(source.id, lang) for lang in langs]
        cells = tuple(_cell(item) for item in items if item is not None)
        review = items[0].review if items[0] is not None else None
        assert review is not None
        rows.append(Row(source.id, source.category, source.meta.title or source.id,
                        source.meta.owner or "", source.meta.type or "", source.shown,
                        review.reviewed, review.due, review.expires, review.interval.days,
                        review.interval.origin, cells))
    orphans = tuple(states.with_state("orphan"))
    return Report(today, tuple((c, _name(corpus, c)) for c in langs), policy, tuple(rows),
                  orphans, _owners(rows), *_due(rows, today), _per_language(rows, corpus, langs),
                  summarise(corpus, feedback, today) if feedback is not None else None)


def _name(corpus: Corpus, code: str) -> str:
    return next(lang.name for lang in corpus.project.languages if lang.code == code)


def _owners(rows: list[Row]) -> tuple[OwnerCounts, ...]:
    tally: dict[str, Counter[str]] = {}
    for row in rows:
        counter = tally.setdefault(row.owner, Counter())
        counter[row.state] += 1
        for cell in row.cells[1:]:
            if cell.state in ("outdated", "missing"):
                counter["t-" + cell.state] += 1
    return tuple(OwnerCounts(owner, c["fresh"], c["due-soon"], c["overdue"], c["expired"],
                             c["t-outdated"], c["t-missing"])
                 for owner, c in sorted(tally.items()))


def _due(rows: list[Row], today: dt.date) -> tuple[tuple[str, ...], tuple[Bucket, ...]]:
    overdue = tuple(sorted(r.article_id for r in rows if r.state == "overdue"))
    buckets = []
    for start in range(0, HORIZON_DAYS + 1, BUCKET_DAYS):
        first = today + dt.timedelta(days=start)
        last = today + dt.timedelta(days=min(start + BUCKET_DAYS - 1, HORIZON_DAYS))
        ids = sorted(r.article_id for r in rows
                     if r.due is not None and first <= r.due <= last and r.state != "expired"
                     # A notice that ends before its review falls due needs no review.
                     and not (r.type == "notice" and r.expires is not None and r.expires < r.due))
        buckets.append(Bucket(first, last, tuple(ids)))
    return overdue, tuple(buckets)


def _per_language(rows: list[Row], corpus: Corpus,
                  langs: tuple[str, ...]) -> tuple[LanguageCounts, ...]:
    out = []
    for index, code in enumerate(langs):
        counter = Counter(row.cells[index].state for row in rows if len(row.cells) > index)
        out.append(LanguageCounts(code, _name(corpus, code),
                                  tuple((state, counter[state]) for state in CELL_STATES)))
    return tuple(out)


# -- Markdown -------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]|#<>!"} | {"\n": " "})


def md(text: str) -> str:
    """Untrusted text (titles, owners) as literal Markdown: no links, tables or HTML."""
    return text.translate(_MD_SPECIAL).replace("&", "&amp;")


def code(text: str) -> str:
    """Text as a Markdown code span (paths): shown literally, safe in a table cell."""
    text = text.replace("\n", " ").replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def to_markdown(report: Report) -> str:
    today = report.today.isoformat()
    out = [f"# Freshness report, {today}", ""]
    en = report.per_language[0]
    out += [f"{len(report.rows)} English articles: {en.count('fresh')} fresh, "
            f"{en.count('due-soon')} due soon, {en.count('overdue')} overdue, "
            f"{en.count('expired')} ended notice(s) still published.", ""]

    def table(title: str, header: list[str], lines: list[list[str]], intro: str = "") -> None:
        if not lines:
            return
        out.extend([f"## {title}", "", *([intro, ""] if intro else []), "| " + " | ".join(header) + " |",
                    "|" + "---|" * len(header)])
        out.extend("| " + " | ".join(cells) + " |" for cells in lines)
        out.append("")

    table("Overdue reviews", ["Article", "Owner", "Due", "File"],
          [[md(r.title), md(r.owner), r.due.isoformat() if r.due else "never reviewed",
            code(r.path)] for r in report.rows_in("overdue")])
    table("Ended notices still published", ["Notice", "Owner", "Ended", "File"],
          [[md(r.title), md(r.owner), r.expires.isoformat() if r.expires else "", code(r.path)]
           for r in report.rows_in("expired")])
    table(f"Due within {report.policy.warning_days} days", ["Article", "Owner", "Due", "File"],
          [[md(r.title), md(r.owner), r.due.isoformat() if r.due else "", code(r.path)]
           for r in report.rows_in("due-soon")])
    feedback = report.feedback or FeedbackSummary((), (), ())
    table("Readers say these do not help", ["Article", "Votes", "Not helpful", "Reasons", "Reviewed", "File"],
          [[md(t.title), str(t.votes), f"{t.not_helpful} ({t.percent}%)", md(reasons_text(t)),
            _iso(t.since) or "never", code(t.path)] for t in feedback.flagged],
          f"The rule `helpcentre check` warns on: {rule_text()}.")
    outdated = [(row, cell) for row in report.rows for cell in row.cells[1:]
                if cell.state == "outdated"]
    table("Outdated translations", ["Translation", "Language", "Owner", "Update by", "Why"],
          [[code(cell.path), cell.lang, md(row.owner),
            cell.grace_ends.isoformat() if cell.grace_ends else "now",
            "no `translated_from` stamp" if cell.unstamped else "English changed"]
           for row, cell in outdated])
    table("Orphan translations", ["File", "Expected English article"],
          [[code(o.path), code(f"{o.category}/{o.article_id}.md")]
           for o in report.orphans])
    table("Translations", ["Language", "Up to date", "Outdated", "Missing", "Coverage"],
          [[f"{md(lc.name)} ({lc.lang})", str(lc.in_sync), str(lc.count("outdated")),
            str(lc.count("missing")), lc.coverage] for lc in report.per_language[1:]])
    table("Owners", ["Owner", "Fresh", "Due soon", "Overdue", "Ended", "Outdated translations",
                     "Missing translations"],
          [[md(o.owner or "(none)"), str(o.fresh), str(o.due_soon), str(o.overdue),
            str(o.expired), str(o.outdated), str(o.missing)] for o in report.owners])
    table("Readers' votes since the last review", ["Article", "Language", "Helpful", "Not helpful", "Reasons",
                                                   "Since", "File shown"],
          [[md(t.title), t.lang, str(t.helpful), str(t.not_helpful), md(reasons_text(t)), _iso(t.since) or "",
            code(t.path)] for t in feedback.articles],
          "Votes dated before the `reviewed:` day of the file readers were shown are not counted.")
    table(f"Searches that found nothing or not every word, last {SEARCH_WINDOW_DAYS} days",
          ["Search", "Times", "Languages"],
          # A code span: what readers typed stays literal (a pasted URL is not made a link).
          [[code(g.query), str(g.count), g.languages_text] for g in feedback.searches[:MAX_SEARCHES_SHOWN]],
          "Grouped without regard to letter case and spacing; most frequent first"
          + (f" (the first {MAX_SEARCHES_SHOWN} of {len(feedback.searches)})."
             if len(feedback.searches) > MAX_SEARCHES_SHOWN else "."))
    return "\n".join(out).rstrip("\n") + "\n"


# -- JSON -------------------------------------------------------------------------

def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def to_data(report: Report) -> dict[str, Any]:
    return {
        "today": report.today.isoformat(),
        "languages": [{"code": c, "name": n} for c, n in report.languages],
        "policy": {"review_days": dict(sorted(report.policy.review_days.items())),
                   "category_review_days": dict(sorted(report.policy.category_days.items())),
                   "warning_days": report.policy.warning_days,
                   "translation_grace_days": report.policy.translation_grace_days},
        "summary": {lc.lang: dict(lc.counts) for lc in report.per_language},
        "articles": [{
            "id": r.article_id, "category": r.category, "title": r.title, "owner": r.owner,
            "type": r.type, "path": r.path, "reviewed": _iso(r.reviewed), "due": _iso(r.due),
            "expires": _iso(r.expires), "review_days": r.interval_days,
            "review_days_from": r.interval_origin,
            "languages": {c.lang: {"state": c.state, "path": c.path, "unstamped": c.unstamped,
                                   "update_by": _iso(c.grace_ends)} for c in r.cells},
        } for r in report.rows],
        "orphans": [{"path": o.path, "lang": o.lang, "category": o.category, "id": o.article_id}
                    for o in report.orphans],
        "owners": [{"owner": o.owner, "fresh": o.fresh, "due-soon": o.due_soon,
                    "overdue": o.overdue, "expired": o.expired, "outdated-translations": o.outdated,
                    "missing-translations": o.missing} for o in report.owners],
        "overdue_now": list(report.overdue_now),
        "due_by_week": [{"from": b.start.isoformat(), "to": b.end.isoformat(),
                         "articles": list(b.articles)} for b in report.buckets],
        "feedback": _feedback_data(report.feedback) if report.feedback is not None else None,
    }


def _tally_data(tally: Tally) -> dict[str, Any]:
    return {"id": tally.article_id, "lang": tally.lang, "path": tally.path, "since": _iso(tally.since),
            "helpful": tally.helpful, "not_helpful": tally.not_helpful, "not_helpful_percent": tally.percent,
            "reasons": {reason or "none": count for reason, count in tally.reasons}}


def _feedback_data(feedback: FeedbackSummary) -> dict[str, Any]:
    return {"rule": {"min_votes": MIN_VOTES, "not_helpful_over_percent": NOT_HELPFUL_PERCENT},
            "flagged": [_tally_data(t) for t in feedback.flagged],
            "articles": [_tally_data(t) for t in feedback.articles],
            "searches_days": SEARCH_WINDOW_DAYS,
            "searches": [{"query": g.query, "count": g.count, "languages": dict(g.languages)}
                         for g in feedback.searches]}


def to_json(report: Report) -> str:
    return json.dumps(to_data(report), ensure_ascii=False, indent=2) + "\n"
