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
from .policy import Policy
from .states import ArticleState, States, compute_states

HORIZON_DAYS = 90  # the "reviews falling due over the next 90 days"
BUCKET_DAYS = 7  # one bar per week: 13 readable bars instead of 91 thin ones
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

    def rows_in(self, state: str, lang_index: int = 0) -> list[Row]:
        return [r for r in self.rows if r.cells[lang_index].state == state]


def _cell(item: ArticleState) -> Cell:
    state = "missing" if item.state == "untranslated" else item.state
    if state == "missing" and item.review is not None and item.review.state == "expired":
        state = "expired"  # an ended notice needs no translation any more
    return Cell(item.lang, state, item.path, item.unstamped, item.grace_ends)


def build_report(corpus: Corpus, policy: Policy, today: dt.date, *,
                 states: States | None = None) -> Report:
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
                  orphans, _owners(rows), *_due(rows, today), _per_language(rows, corpus, langs))


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

    def table(title: str, header: list[str], lines: list[list[str]]) -> None:
        if not lines:
            return
        out.extend([f"## {title}", "", "| " + " | ".join(header) + " |",
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
    }


def to_json(report: Report) -> str:
    return json.dumps(to_data(report), ensure_ascii=False, indent=2) + "\n"
