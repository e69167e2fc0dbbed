"""`helpcentre report`: Markdown, JSON and the HTML dashboard, on one fixture site."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from helpcentre.cli import main
from helpcentre.freshness.report import code, md

EN_ZH = [{"locale": "en", "name": "English", "default": True, "build": True},
         {"locale": "zh", "name": "简体中文", "build": True}]
EVIL = "<script>alert(1)</script> | *late*"


def art(title: str, reviewed: str, type_: str = "faq", extra: str = "",
        owner: str = '"@kestrel/payments"') -> str:
    return (f"---\ntitle: {title}\ntype: {type_}\nreviewed: {reviewed}\nowner: {owner}\n"
            f"{extra}---\nBody.\n")


ARTICLES = {
    # Titles are untrusted: this one tries HTML, a table break and emphasis.
    "en/trading/late.md": art(json.dumps(EVIL), "2026-05-20"),        # overdue since 11-16
    "zh/trading/late.md": "---\ntitle: 迟到\n---\n正文\n",               # outdated (no stamp)
    "en/fees/soon.md": art("Fee_schedule [draft]", "2026-08-30"),      # due 11-28 (fees: 90)
    "en/announcements/ended.md": art("Maintenance", "2026-11-01", "notice",
                                     "expires: 2026-11-10\n", '"@kestrel/communications"'),
    "en/trading/fresh.md": art("Fresh one", "2026-11-01"),             # due 2027-04-30
    "en/security/q.md": art("Security Q", "2026-10-01", owner='"@kestrel/security"'),  # 12-30
    "zh/security/orphan.md": "---\ntitle: 孤儿\n---\n正文\n",
}

MARKDOWN = """\
# Freshness report, 2026-11-23

5 English articles: 2 fresh, 1 due soon, 1 overdue, 1 ended notice(s) still published.

## Overdue reviews

| Article | Owner | Due | File |
|---|---|---|---|
| \\<script\\>alert(1)\\</script\\> \\| \\*late\\* | @kestrel/payments | 2026-11-16 | `content/en/trading/late.md` |

## Ended notices still published

| Notice | Owner | Ended | File |
|---|---|---|---|
| Maintenance | @kestrel/communications | 2026-11-10 | `content/en/announcements/ended.md` |

## Due within 14 days

| Article | Owner | Due | File |
|---|---|---|---|
| Fee\\_schedule \\[draft\\] | @kestrel/payments | 2026-11-28 | `content/en/fees/soon.md` |

## Outdated translations

| Translation | Language | Owner | Update by | Why |
|---|---|---|---|---|
| `content/zh/trading/late.md` | zh | @kestrel/payments | 2026-06-03 | no `translated_from` stamp |

## Orphan translations

| File | Expected English article |
|---|---|
| `content/zh/security/orphan.md` | `security/orphan.md` |

## Translations

| Language | Up to date | Outdated | Missing | Coverage |
|---|---|---|---|---|
| 简体中文 (zh) | 0 | 1 | 3 | 0% |

## Owners

| Owner | Fresh | Due soon | Overdue | Ended | Outdated translations | Missing translations |
|---|---|---|---|---|---|---|
| @kestrel/communications | 0 | 0 | 0 | 1 | 0 | 0 |
| @kestrel/payments | 1 | 1 | 1 | 0 | 1 | 2 |
| @kestrel/security | 1 | 0 | 0 | 0 | 0 | 1 |
"""


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Path:
    return make_site(ARTICLES, EN_ZH)


def report(site: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["report", "--root", str(site), "--today", "2026-11-23", *args]) == 0
    return capsys.readouterr().out


def test_markdown_report(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert report(site, capsys) == MARKDOWN


def test_reports_are_identical_on_every_run(site: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("markdown", "json", "html"):
        assert report(site, capsys, "--format", fmt) == report(site, capsys, "--format", fmt)


def test_json_report(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(report(site, capsys, "--format", "json"))
    assert [a["id"] for a in data["articles"]] == ["ended", "soon", "q", "fresh", "late"]
    assert data["articles"][4] == {
        "id": "late", "category": "trading", "title": EVIL, "owner": "@kestrel/payments",
        "type": "faq", "path": "content/en/trading/late.md", "reviewed": "2026-05-20",
        "due": "2026-11-16", "expires": None, "review_days": 180, "review_days_from": "type",
        "languages": {
            "en": {"state": "overdue", "path": "content/en/trading/late.md",
                   "unstamped": False, "update_by": None},
            "zh": {"state": "outdated", "path": "content/zh/trading/late.md",
                   "unstamped": True, "update_by": "2026-06-03"}}}
    assert data["summary"]["zh"] == {"fresh": 0, "due-soon": 0, "overdue": 0, "expired": 1,
                                     "outdated": 1, "missing": 3}
    assert data["overdue_now"] == ["late"]
    weeks = [(w["from"], w["articles"]) for w in data["due_by_week"] if w["articles"]]
    assert weeks == [("2026-11-23", ["soon"]), ("2026-12-28", ["q"])]
    assert len(data["due_by_week"]) == 13 and data["due_by_week"][-1]["to"] == "2027-02-21"
    assert data["orphans"] == [{"path": "content/zh/security/orphan.md", "lang": "zh",
                                "category": "security", "id": "orphan"}]


def test_html_escapes_content_and_loads_nothing_from_outside(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = report(site, capsys, "--format", "html")
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | *late*" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert not re.search(r"(src|href)=|@import|url\(|<link", page)  # no CDN, no fetches


def test_html_matrix_owners_and_chart(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = report(site, capsys, "--format", "html")
    late_row = re.search(r"<tr><td>&lt;script.*?</tr>", page)
    assert late_row is not None
    assert re.findall(r'class="s s-([a-z-]+)"', late_row.group()) == ["overdue", "outdated"]
    assert ('<tr><td>@kestrel/payments</td><td class="n">1</td><td class="n">1</td>'
            '<td class="n">1</td><td class="n">0</td><td class="n">1</td><td class="n">2</td>'
            "</tr>") in page
    chart = page[page.index("<svg"):page.index("</svg>")]
    # 1 overdue bar + 13 weeks; bar counts in order.
    assert re.findall(r'text-anchor="middle">(\d+)</text>', chart) == \
        ["1", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0"]
    assert "<title>2026-12-28 to 2027-01-03: 1 (q)</title>" in chart


def test_out_writes_a_file(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "freshness.html"
    assert main(["report", "--root", str(site), "--today", "2026-11-23", "--format", "html",
                 "--out", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"helpcentre report: html report written to {target}\n"
    assert target.read_text("utf-8").startswith("<!doctype html>")


def test_bad_today_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--root", str(site), "--today", "23/11/2026"]) == 2
    assert capsys.readouterr().err == (
        "helpcentre report: error: --today: `today`: expected a date written YYYY-MM-DD, like "
        '`today: 2026-11-18`; found "23/11/2026"\n')


def test_markdown_helpers_keep_untrusted_text_literal() -> None:
    assert md("a|b *c* <i>") == "a\\|b \\*c\\* \\<i\\>"
    assert code("a`b|c") == "`` a`b\\|c ``"
    assert code("content/en/a_b.md") == "`content/en/a_b.md`"
