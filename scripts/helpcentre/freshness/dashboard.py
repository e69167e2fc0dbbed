"""The team's freshness dashboard: one self-contained HTML page.

No CDN, no JavaScript, no web fonts: the page works from disk, behind a
firewall and in a CI artifact. The chart is inline SVG drawn here. Every
piece of content (titles, owners, paths, language names) is untrusted and
goes through ``esc``; the only unescaped text is markup written in this file.
"""

from __future__ import annotations

from html import escape

from .report import CELL_LABELS, CELL_STATES, Report, Row

COLOURS = {  # colour-blind-safe, and every cell also carries its word
    "fresh": "#1b7f3b", "due-soon": "#b26a00", "overdue": "#b71c1c", "expired": "#6a1b9a",
    "outdated": "#1565c0", "missing": "#757575", "orphan": "#4e342e",
}
CHART_WIDTH = 720
CHART_HEIGHT = 220
CHART_MARGIN = 28  # room for the counts above and the dates below the bars


def esc(text: object) -> str:
    return escape(str(text), quote=True)


_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1c1c1c}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.25rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.n{text-align:right}
.s{font-size:.8rem;font-weight:600;color:#fff;border-radius:3px;padding:.05rem .35rem;
white-space:nowrap}.legend span{margin-right:.5rem}.matrix td{white-space:nowrap}
code{font-size:.85rem}.muted{color:#555}
""" + "".join(f".s-{state}{{background:{colour}}}" for state, colour in COLOURS.items())


def badge(state: str) -> str:
    return f'<span class="s s-{esc(state)}">{esc(CELL_LABELS.get(state, state))}</span>'


def to_html(report: Report) -> str:
    today = report.today.isoformat()
    parts = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # The dashboard is for the team: keep it out of search engines.
        '<meta name="robots" content="noindex, nofollow">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Freshness report, {esc(today)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>Freshness report, {esc(today)}</h1>",
        _summary(report),
        "<h2>Reviews falling due in the next 90 days</h2>",
        chart(report),
        '<p class="muted">One bar per week, labelled with its first day (month-day); the first '
        "bar counts reviews already overdue.</p>",
        "<h2>Owners</h2>",
        _owners(report),
        "<h2>Coverage by language</h2>",
        _languages(report),
        "<h2>Articles by language</h2>",
        _legend(),
        _matrix(report),
    ]
    if report.orphans:
        parts += ["<h2>Orphan translations (no English article)</h2>", "<ul>"]
        parts += [f"<li><code>{esc(o.path)}</code></li>" for o in report.orphans]
        parts.append("</ul>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _summary(report: Report) -> str:
    en = report.per_language[0]
    counts = " ".join(f"{badge(state)} {en.count(state)}"
                      for state in ("fresh", "due-soon", "overdue", "expired"))
    return (f"<p>{len(report.rows)} English articles: {counts}. Reviews are due "
            f"{report.policy.warning_days} days ahead; translations may lag "
            f"{report.policy.translation_grace_days} days.</p>")


def _legend() -> str:
    return ('<p class="legend">' + "".join(badge(s) for s in (*CELL_STATES, "orphan"))
            + "</p>")


def _owners(report: Report) -> str:
    head = ("<tr><th>Owner</th><th>Fresh</th><th>Due soon</th><th>Overdue</th><th>Ended</th>"
            "<th>Outdated translations</th><th>Missing translations</th></tr>")
    rows = [f"<tr><td>{esc(o.owner or '(none)')}</td>"
            + "".join(f'<td class="n">{n}</td>' for n in (o.fresh, o.due_soon, o.overdue,
                                                         o.expired, o.outdated, o.missing))
            + "</tr>" for o in report.owners]
    return "<table>" + head + "".join(rows) + "</table>"


def _languages(report: Report) -> str:
    head = ("<tr><th>Language</th>" + "".join(f"<th>{esc(CELL_LABELS[s])}</th>"
                                              for s in CELL_STATES)
            + '<th><abbr title="in sync with English, of the articles that are not ended '
              'notices">Coverage</abbr></th></tr>')
    rows = []
    for lc in report.per_language:
        cells = "".join(f'<td class="n">{lc.count(s)}</td>' for s in CELL_STATES)
        rows.append(f"<tr><td>{esc(lc.name)} ({esc(lc.lang)})</td>{cells}"
                    f'<td class="n">{esc(lc.coverage)}</td></tr>')
    return "<table>" + head + "".join(rows) + "</table>"


def _matrix(report: Report) -> str:
    head = ("<tr><th>Article</th><th>Owner</th><th>Due</th>"
            + "".join(f'<th><abbr title="{esc(name)}">{esc(code)}</abbr></th>'
                      for code, name in report.languages) + "</tr>")
    return ('<table class="matrix">' + head + "".join(_matrix_row(r) for r in report.rows)
            + "</table>")


def _matrix_row(row: Row) -> str:
    cells = []
    for cell in row.cells:
        note = ""
        if cell.unstamped:
            note = "no translated_from stamp"
        elif cell.grace_ends:
            note = f"update by {cell.grace_ends.isoformat()}"
        tip = esc(f"{cell.path}" + (f": {note}" if note else ""))
        cells.append(f'<td title="{tip}">{badge(cell.state)}</td>')
    if row.state == "expired" and row.expires:
        due = f"ended {row.expires.isoformat()}"
    else:
        due = row.due.isoformat() if row.due else "never reviewed"
    return (f'<tr><td>{esc(row.title)}<br><code class="muted">{esc(row.path)}</code></td>'
            f"<td>{esc(row.owner)}</td><td>{esc(due)}</td>{''.join(cells)}</tr>")


def chart(report: Report) -> str:
    """A bar chart: reviews already overdue, then one bar per week ahead."""
    bars: list[tuple[str, str, tuple[str, ...], str]] = [
        ("overdue", "already overdue", report.overdue_now, COLOURS["overdue"])]
    for bucket in report.buckets:
        label = bucket.start.strftime("%m-%d")
        span = f"{bucket.start.isoformat()} to {bucket.end.isoformat()}"
        bars.append((label, span, bucket.articles, COLOURS["due-soon"]
                     if (bucket.start - report.today).days < report.policy.warning_days
                     else COLOURS["fresh"]))
    highest = max((len(ids) for _, _, ids, _ in bars), default=0) or 1
    slot = (CHART_WIDTH - 2 * CHART_MARGIN) / len(bars)
    plot = CHART_HEIGHT - 2 * CHART_MARGIN
    total = sum(len(b.articles) for b in report.buckets)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_WIDTH}" '
           f'height="{CHART_HEIGHT}" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
           'aria-labelledby="due-title due-desc" font-family="system-ui, sans-serif" '
           'font-size="11">',
           '<title id="due-title">Reviews falling due by week</title>',
           f'<desc id="due-desc">{len(report.overdue_now)} reviews already overdue; {total} '
           f"falling due in the next 90 days, by week starting {esc(report.today.isoformat())}"
           "</desc>",
           f'<line x1="{CHART_MARGIN}" y1="{CHART_HEIGHT - CHART_MARGIN}" '
           f'x2="{CHART_WIDTH - CHART_MARGIN}" y2="{CHART_HEIGHT - CHART_MARGIN}" '
           'stroke="#999"/>']
    for index, (label, span, ids, colour) in enumerate(bars):
        height = round(plot * len(ids) / highest, 1)
        x = round(CHART_MARGIN + index * slot + slot * 0.15, 1)
        width = round(slot * 0.7, 1)
        y = round(CHART_HEIGHT - CHART_MARGIN - height, 1)
        centre = round(x + width / 2, 1)
        names = ", ".join(ids[:20]) + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")
        tip = f"{span}: {len(ids)}" + (f" ({names})" if names else "")
        out.append(f'<g><title>{esc(tip)}</title>'
                   f'<rect x="{x}" y="{y}" width="{width}" height="{height}" fill="{colour}"/>'
                   f'<text x="{centre}" y="{round(y - 4, 1)}" text-anchor="middle">{len(ids)}'
                   f'</text><text x="{centre}" y="{CHART_HEIGHT - CHART_MARGIN + 14}" '
                   f'text-anchor="middle">{esc(label)}</text></g>')
    out.append("</svg>")
    return "".join(out)
