"""Reader feedback end to end: `helpcentre feedback import`, the store, `check` and `report`.

Every bad export is here with its exit code and the exact lines the support
team reads; the store is compared byte for byte where it must not change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import SAMPLE_ARTICLES, TODAY, write_site
from helpcentre.cli import main
from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.freshness import feedback
from helpcentre.freshness.dashboard import to_html
from helpcentre.freshness.feedback_import import COLUMNS, MAX_EXPORT_BYTES
from helpcentre.freshness.policy import load_policy
from helpcentre.freshness.report import build_report
from helpcentre.site.views import FEEDBACK_REASONS

REPO = Path(__file__).resolve().parent.parent
EN_ZH = [{"locale": "en", "name": "English", "default": True, "build": True},
         {"locale": "zh", "name": "简体中文", "build": True}]
HEADER = "article,language,answer,reason,query,date"
DEPOSIT = "content/en/deposits-withdrawals/deposit-not-arrived.md"  # reviewed 2026-11-10, on line 6
TWO_FA = "content/en/security/set-up-2fa.md"  # reviewed 2026-11-01, on line 5; no zh translation
# The example: 12 of 15 readers since the review on 2026-11-10.
FLAGGING_ROWS = (["deposit-not-arrived,en,,unclear,,2026-11-12"] * 7
                 + ["deposit-not-arrived,en,not-helpful,outdated,,2026-11-13T09:30:00Z"] * 5
                 + ["deposit-not-arrived,en,helpful,,,2026-11-14"] * 3)
WARNING = (f"{DEPOSIT}:6: warning: 12 of 15 readers (80%) said this did not help since it was reviewed on "
           "2026-11-10 (unclear 7, outdated 5); review it, then set `reviewed:`")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path / "site", SAMPLE_ARTICLES, EN_ZH)


def export(tmp_path: Path, rows: list[str], name: str = "export.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def import_(site: Path, path: Path, capsys: pytest.CaptureFixture[str], today: str = TODAY) -> tuple[int, str, str]:
    return run(capsys, "feedback", "import", str(path), "--root", str(site), "--today", today)


def store_text(site: Path) -> str:
    return (site / "feedback" / "votes.json").read_text("utf-8")


def report_json(site: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    code, out, _ = run(capsys, "report", "--root", str(site), "--today", TODAY, "--format", "json")
    assert code == 0
    return json.loads(out)["feedback"]


# -- the formats ---------------------------------------------------------------------

def test_csv_import_writes_the_store(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = export(tmp_path, ["set-up-2fa,en,helpful,,,2026-11-12",
                             "set-up-2fa,zh,,unclear,,2026-11-13T22:10:00+08:00",
                             ",en,,not-found,Stake  ETH,2026-11-20"])
    assert import_(site, path, capsys) == (
        0, "imported 3 rows (3 new, 0 already in feedback/votes.json), skipped 0\n", "")
    store = json.loads(store_text(site))
    assert store["format"] == "helpcentre-feedback/1"
    assert [{k: v for k, v in r.items() if k != "key"} for r in store["votes"]] == [
        {"date": "2026-11-12", "article": "set-up-2fa", "lang": "en", "answer": "helpful", "reason": ""},
        {"date": "2026-11-13", "article": "set-up-2fa", "lang": "zh", "answer": "not-helpful", "reason": "unclear"}]
    assert [{k: v for k, v in r.items() if k != "key"} for r in store["searches"]] == [
        {"date": "2026-11-20", "lang": "en", "query": "Stake  ETH"}]
    # One record per line, so two imports diff line by line.
    assert store_text(site).count("\n") == 10  # {, format, votes: [ 2 ], searches: [ 1 ], }


def test_json_list_json_lines_and_csv_give_the_same_rows(site: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"article": "set-up-2fa", "language": "en", "answer": "not-helpful", "reason": "outdated",
             "date": "2026-11-12"},
            {"Article": "", "LANG": "zh", "reason": "not-found", "query": "提现", "date": "2026-11-20T08:00:00Z",
             "category": "ignored"}]
    listed = tmp_path / "export.json"
    listed.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    assert import_(site, listed, capsys)[:2] == (
        0, "imported 2 rows (2 new, 0 already in feedback/votes.json), skipped 0\n")
    first = store_text(site)
    lines = tmp_path / "export.jsonl"
    lines.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    csv = export(tmp_path, ["set-up-2fa,en,not-helpful,outdated,,2026-11-12",
                            ",zh,,not-found,提现,2026-11-20T08:00:00Z"], name="export.txt")
    for same in (lines, csv):
        assert import_(site, same, capsys)[:2] == (
            0, "imported 2 rows (0 new, 2 already in feedback/votes.json), skipped 0\n")
    assert store_text(site) == first


def test_semicolons_a_bom_crlf_and_any_column_order(site: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffDate;Reason;Article;Lang\r\n2026-11-12;unclear;set-up-2fa;en\r\n".encode())
    assert import_(site, path, capsys)[:2] == (
        0, "imported 1 row (1 new, 0 already in feedback/votes.json), skipped 0\n")


def test_reimport_counts_nothing_twice_and_leaves_the_store_untouched(
        site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two readers giving the same answer on the same day stay two votes.
    path = export(tmp_path, ["set-up-2fa,en,,unclear,,2026-11-12"] * 2 + ["set-up-2fa,en,helpful,,,2026-11-12"])
    assert import_(site, path, capsys)[1] == "imported 3 rows (3 new, 0 already in feedback/votes.json), skipped 0\n"
    before = store_text(site)
    stamp = (site / "feedback" / "votes.json").stat().st_mtime_ns
    assert import_(site, path, capsys) == (
        0, "imported 3 rows (0 new, 3 already in feedback/votes.json), skipped 0\n", "")
    assert store_text(site) == before
    assert (site / "feedback" / "votes.json").stat().st_mtime_ns == stamp
    # A later export of an overlapping period: only the row it adds is new.
    later = export(tmp_path, ["set-up-2fa,en,,unclear,,2026-11-12"] * 3 + ["set-up-2fa,en,helpful,,,2026-11-12"],
                   name="later.csv")
    assert import_(site, later, capsys)[1] == (
        "imported 4 rows (1 new, 3 already in feedback/votes.json), skipped 0\n")
    assert report_json(site, capsys)["articles"][0]["not_helpful"] == 3


# -- bad input -----------------------------------------------------------------------

def test_skipped_rows_are_counted_with_their_lines(site: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = export(tmp_path, [
        "set-up-2fa,en,helpful,,,2026-11-12",
        "set-up-3fa,en,,unclear,,2026-11-12",
        "set-up-2fa,fr,,unclear,,2026-11-12",
        "set-up-2fa,en,,unclear,,23/11/2026",
        "",
        "set-up-2fa,en,,unclear,,2026-02-30",
        "set-up-2fa,en,,unclear,,2026-12-01",
        "set-up-2fa,en,maybe,,,2026-11-12",
        "set-up-2fa,en,,angry,,2026-11-12",
        "set-up-2fa,en,helpful,unclear,,2026-11-12",
        "set-up-2fa,en,,,,2026-11-12",
        ",en,,unclear,,2026-11-12",
        ",en,,not-found,,2026-11-12",
        "deposit-not-arrived,,,unclear,,2026-11-12",
        "trx-network-upgrade,zh,Not Helpful,,,2026-11-12",
    ])
    code, out, err = import_(site, path, capsys)
    assert (code, err) == (0, "")
    assert out == (
        "imported 2 rows (2 new, 0 already in feedback/votes.json), skipped 12: 2 unknown language, "
        "2 bad date, 1 unknown article, 1 date after today, 1 bad answer, 1 unknown reason, "
        "1 answer and reason disagree, 1 no answer, 1 no article, 1 no query\n"
        f"{path}:3: skipped: unknown article \"set-up-3fa\"; did you mean set-up-2fa?\n"
        f"{path}:4: skipped: unknown language \"fr\"; the languages are en, zh\n"
        f"{path}:5: skipped: bad date \"23/11/2026\"; expected YYYY-MM-DD or an ISO 8601 date and time, like "
        "2026-11-23T14:05:00Z\n"
        f"{path}:7: skipped: bad date \"2026-02-30\": not a real day and time of the calendar\n"
        f"{path}:8: skipped: dated 2026-12-01, after today (2026-11-23)\n"
        "... and 7 more skipped rows\n")


def test_each_kind_of_skipped_row_says_why(site: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    cases = [
        ("set-up-2fa,en,maybe,,,2026-11-12", "bad answer", 'bad answer "maybe"; expected helpful or not-helpful'),
        ("set-up-2fa,en,,angry,,2026-11-12", "unknown reason",
         'unknown reason "angry"; expected helpful, outdated, unclear, unsolved, other or not-found'),
        ("set-up-2fa,en,helpful,unclear,,2026-11-12", "answer and reason disagree",
         'answer "helpful" but reason "unclear"'),
        ("set-up-2fa,en,,,,2026-11-12", "no answer", "no answer and no reason"),
        (",en,,unclear,,2026-11-12", "no article", "no article (only a not-found search may leave it empty)"),
        (",en,,not-found,,2026-11-12", "no query", "a not-found search with no query"),
        ("set-up-2fa,,,unclear,,2026-11-12", "unknown language", "unknown language none; the languages are en, zh"),
        ("set-up-2fa,en,,unclear,,1999-12-31", "bad date", 'bad date "1999-12-31": before 2000-01-01; check the year'),
        ("set-up-2fa,en,,unclear,,20261112", "bad date",
         'bad date "20261112"; expected YYYY-MM-DD or an ISO 8601 date and time, like 2026-11-23T14:05:00Z'),
        ("set-up-2fa,en,,unclear,,2026-11-12T25:00", "bad date",
         'bad date "2026-11-12T25:00": not a real day and time of the calendar'),
    ]
    for row, kind, why in cases:
        path = export(tmp_path, [row])
        assert import_(site, path, capsys) == (1, f"imported 0 rows, skipped 1: 1 {kind}\n"
                                                  f"{path}:2: skipped: {why}\n", ""), row
    assert not (site / "feedback").exists()  # nothing imported, nothing written


def test_nothing_imported_exits_1_and_writes_nothing(site: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = export(tmp_path, ["nope,en,,unclear,,2026-11-12", "set-up-2fa,xx,,unclear,,2026-11-12"])
    assert import_(site, path, capsys) == (1, (
        "imported 0 rows, skipped 2: 1 unknown article, 1 unknown language\n"
        f"{path}:2: skipped: unknown article \"nope\"\n"
        f"{path}:3: skipped: unknown language \"xx\"; the languages are en, zh\n"), "")
    assert not (site / "feedback").exists()


@pytest.mark.parametrize(("header", "message"), [
    ("article,lang_code,answer,when",
     "missing columns: language, date; found: answer, article, lang_code, when; an export has the columns "
     "article, language, answer, reason, query, date (see `helpcentre feedback import --help`)"),
    ("article,language,date,query",
     "missing column: answer or reason; found: article, date, language, query; an export has the columns "
     "article, language, answer, reason, query, date (see `helpcentre feedback import --help`)"),
])
def test_wrong_columns_name_the_missing_and_the_found(site: Path, tmp_path: Path, header: str, message: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = export(tmp_path, ["set-up-2fa,en,helpful,2026-11-12"], header=header)
    assert import_(site, path, capsys) == (1, "", f"{path}:1: error: {message}\n")
    assert not (site / "feedback").exists()


def test_zendesk_votes_are_refused_with_the_reason(site: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    # The vote objects of Zendesk's Help Center API (developer.zendesk.com, "Votes").
    path = tmp_path / "votes.json"
    path.write_text(json.dumps({"votes": [{"created_at": "2012-04-04T09:14:57Z", "id": 1635, "item_id": 65466,
                                           "item_type": "Article", "user_id": 3465, "value": 1}],
                                "next_page": None, "count": 1}), encoding="utf-8")
    assert import_(site, path, capsys) == (1, "", (
        f"{path}:1: error: this looks like Zendesk's Help Center votes (found: count, next_page, votes): they "
        "name articles by Zendesk's numeric id and carry no language, so they cannot be matched to this help "
        "centre's articles; import the export of the feedback form instead (columns: article, language, "
        "answer, reason, query, date)\n"))


def test_an_export_over_the_limit_is_refused_without_reading_it(site: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, nothing on disk
    assert MAX_EXPORT_BYTES == 25 * 1024 * 1024
    assert import_(site, big, capsys) == (1, "", (
        f"{big}:1: error: the file is 100.0 MB; exports larger than 25 MB are refused: export a shorter "
        "period and import each part\n"))


def test_not_utf8_names_the_first_bad_byte(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(f"{HEADER}\nset-up-2fa,en,helpful,,,2026-11-12\n,en,,not-found,caf\xe9,2026-11-12\n"
                     .encode("latin-1"))
    assert import_(site, path, capsys) == (1, "", (
        f"{path}:3: error: not UTF-8 text: byte 0xe9 at byte offset 95 (counting from 0); export it again as "
        "UTF-8 (with or without a BOM)\n"))
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(f"{HEADER}\n".encode("utf-16"))
    assert import_(site, utf16, capsys) == (1, "", (
        f"{utf16}:1: error: the file is UTF-16 text; export it again as UTF-8 (with or without a BOM)\n"))
    nul = tmp_path / "nul.csv"
    nul.write_bytes(f"{HEADER}\nset-up-2fa\x00,en\n".encode())
    assert import_(site, nul, capsys) == (1, "", (
        f"{nul}:2: error: the file holds a NUL byte at byte offset 52 (counting from 0), so it is not a text "
        "export; export it again as UTF-8 CSV or JSON\n"))


def test_broken_json_and_misnamed_files(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"article": "set-up-2fa", "language": "en"}\n  {"article": "x"}\n]\n', encoding="utf-8")
    assert import_(site, broken, capsys) == (
        1, "", f"{broken}:3: error: not valid JSON (Expecting ',' delimiter, column 3)\n")
    misnamed = export(tmp_path, ["set-up-2fa,en,helpful,,,2026-11-12"], name="export.json")
    assert import_(site, misnamed, capsys) == (1, "", (
        f"{misnamed}:1: error: the file is named .json but is not JSON: it should start with [ (a list of rows) "
        "or { (one row per line)\n"))
    deep = tmp_path / "deep.json"
    deep.write_text("[\n" + "[" * 100_000 + "]" * 100_000 + "\n]", encoding="utf-8")
    assert import_(site, deep, capsys) == (1, "", (
        f"{deep}:2: error: not valid JSON for an export: a row is nested thousands of levels deep\n"))
    empty = export(tmp_path, [], name="empty.csv")
    assert import_(site, empty, capsys) == (1, "", f"{empty}:1: error: the file has no rows to import\n")
    rows = tmp_path / "rows.json"
    rows.write_text('[{"article": "set-up-2fa", "language": "en", "reason": "helpful", "date": "2026-11-12"},\n'
                    ' "a string",\n {"article": 7, "language": "en", "reason": "unclear", "date": "2026-11-12"}]',
                    encoding="utf-8")
    assert import_(site, rows, capsys) == (0, (
        "imported 1 row (1 new, 0 already in feedback/votes.json), skipped 2: 1 unknown article, 1 bad row\n"
        f"{rows}:2: skipped: not an object with the columns as keys\n"
        f"{rows}:3: skipped: unknown article \"7\"\n"), "")


def test_usage_errors_exit_2(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.csv"
    assert import_(site, missing, capsys) == (
        2, "", f"helpcentre feedback: error: no such file: {missing}\n")
    assert import_(site, tmp_path, capsys) == (
        2, "", f"helpcentre feedback: error: {tmp_path} is a folder; give the export file\n")
    assert import_(site, export(tmp_path, []), capsys, today="23/11/2026")[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["feedback"])
    assert exc.value.code == 2


def test_a_failed_write_leaves_the_store_as_it_was(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import_(site, export(tmp_path, ["set-up-2fa,en,helpful,,,2026-11-12"]), capsys)
    before = store_text(site)

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(feedback.os, "replace", full_disk)
    more = export(tmp_path, ["set-up-2fa,en,,unclear,,2026-11-13"], name="more.csv")
    assert import_(site, more, capsys) == (1, "", (
        "feedback/votes.json:1: error: cannot write the feedback store (No space left on device); it was left "
        "as it was\n"))
    assert store_text(site) == before
    assert sorted(p.name for p in (site / "feedback").iterdir()) == ["votes.json"]  # no temporary file left


def test_a_broken_store_is_reported_not_overwritten(site: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    store = site / "feedback" / "votes.json"
    store.parent.mkdir()
    store.write_text('{\n<<<<<<< HEAD\n  "format": "helpcentre-feedback/1",\n', encoding="utf-8")
    message = ("feedback/votes.json:2: error: not valid JSON: Expecting property name enclosed in double quotes; "
               "this file is written by `helpcentre feedback import`: restore it from git (or resolve the merge "
               "conflict), then import the exports again")
    path = export(tmp_path, ["set-up-2fa,en,helpful,,,2026-11-12"])
    assert import_(site, path, capsys) == (1, "", message + "\n")
    assert store.read_text("utf-8").startswith("{\n<<<<<<<")
    code, out, _ = run(capsys, "check", "--root", str(site), "--today", TODAY)
    assert code == 1 and message in out.splitlines()
    assert run(capsys, "report", "--root", str(site), "--today", TODAY) == (1, "", message + "\n")


# -- what the votes say --------------------------------------------------------------

def test_votes_before_the_review_and_after_today_do_not_count(site: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = export(tmp_path, ["deposit-not-arrived,en,,unclear,,2026-11-09"] * 4        # before 11-10: ignored
                  + ["deposit-not-arrived,en,,outdated,,2026-11-10T08:00:00Z",          # the review day counts
                     "deposit-not-arrived,en,helpful,,,2026-11-11"])
    import_(site, path, capsys)
    data = report_json(site, capsys)
    assert data["articles"] == [{
        "id": "deposit-not-arrived", "lang": "en", "path": DEPOSIT, "since": "2026-11-10", "helpful": 1,
        "not_helpful": 1, "not_helpful_percent": 50, "reasons": {"outdated": 1}}]
    # A vote imported with a later --today is not counted by a report on TODAY.
    import_(site, export(tmp_path, ["deposit-not-arrived,en,,unclear,,2026-11-30"], name="late.csv"), capsys,
            today="2026-12-01")
    assert report_json(site, capsys)["articles"][0]["not_helpful"] == 1


def test_readers_shown_the_english_text_count_on_the_english_file(site: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import_(site, export(tmp_path, ["set-up-2fa,en,,unclear,,2026-11-12"] * 5
                         + ["set-up-2fa,zh,,outdated,,2026-11-12"] * 5
                         + ["deposit-not-arrived,zh,,unsolved,,2026-11-12"] * 9), capsys)
    data = report_json(site, capsys)
    assert [(a["id"], a["lang"], a["path"], a["not_helpful"]) for a in data["articles"]] == [
        ("deposit-not-arrived", "zh", "content/zh/deposits-withdrawals/deposit-not-arrived.md", 9),
        ("set-up-2fa", "en", TWO_FA, 5),
        ("set-up-2fa", "zh", TWO_FA, 5)]
    # 10 votes on the English 2FA file (5 from zh readers); 9 on the zh translation: not enough.
    assert [(f["path"], f["lang"], f["not_helpful"]) for f in data["flagged"]] == [(TWO_FA, "en", 10)]
    code, out, _ = run(capsys, "check", "--root", str(site), "--today", TODAY)
    assert code == 0
    assert [line for line in out.splitlines() if "readers" in line] == [
        f"{TWO_FA}:5: warning: 10 of 10 readers (100%) said this did not help since it was reviewed on "
        "2026-11-01 (outdated 5, unclear 5); review it, then set `reviewed:`"]


@pytest.mark.parametrize(("not_helpful", "helpful", "warned"), [
    (5, 5, False),   # 50% is not over half
    (6, 4, True),    # 10 votes, 60%
    (9, 0, False),   # 100%, but only 9 votes
    (10, 0, True),
])
def test_the_rule_at_its_edges(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               not_helpful: int, helpful: int, warned: bool) -> None:
    assert (feedback.MIN_VOTES, feedback.NOT_HELPFUL_PERCENT) == (10, 50)
    import_(site, export(tmp_path, ["set-up-2fa,en,,unsolved,,2026-11-12"] * not_helpful
                         + ["set-up-2fa,en,,helpful,,2026-11-12"] * helpful), capsys)
    _, out, _ = run(capsys, "check", "--root", str(site), "--today", TODAY)
    assert ("said this did not help" in out) is warned


def test_check_warns_with_the_numbers_and_a_review_clears_it(site: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--root", str(site), "--today", TODAY)  # fills the run cache
    assert WARNING not in out
    assert import_(site, export(tmp_path, FLAGGING_ROWS), capsys)[0] == 0
    code, out, _ = run(capsys, "check", "--root", str(site), "--today", TODAY)
    assert code == 0  # a warning: CI does not fail on readers' clicks
    assert WARNING in out.splitlines()
    article = site / DEPOSIT
    article.write_text(article.read_text("utf-8").replace("reviewed: 2026-11-10", "reviewed: 2026-11-20"), "utf-8")
    _, out, _ = run(capsys, "check", "--root", str(site), "--today", TODAY)
    assert "said this did not help" not in out


def test_failed_searches_are_grouped_most_frequent_first(site: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    import_(site, export(tmp_path, [
        ",en,,not-found,Stake  ETH,2026-11-20",
        ",zh,,not-found,stake eth ,2026-11-21",
        ",en,,not-found,STAKE ETH,2026-11-22",
        ",en,,not-found,withdraw to ledger,2026-11-22",
        ",en,,not-found,old question,2026-08-25",     # 90 days before 11-23 began on 08-26
        ",en,,not-found,old question,2026-08-26",
    ]), capsys)
    data = report_json(site, capsys)
    assert data["searches_days"] == 90
    assert data["searches"] == [
        {"query": "stake eth", "count": 3, "languages": {"en": 2, "zh": 1}},
        {"query": "old question", "count": 1, "languages": {"en": 1}},
        {"query": "withdraw to ledger", "count": 1, "languages": {"en": 1}}]


# -- the report and the dashboard ------------------------------------------------------

FEEDBACK_MARKDOWN = f"""\
## Readers say these do not help

The rule `helpcentre check` warns on: at least 10 votes since the article's last review, over 50% of them not \
helpful.

| Article | Votes | Not helpful | Reasons | Reviewed | File |
|---|---|---|---|---|---|
| My deposit has not arrived | 15 | 12 (80%) | unclear 7, outdated 5 | 2026-11-10 | `{DEPOSIT}` |
"""
VOTES_MARKDOWN = f"""\
## Readers' votes since the last review

Votes dated before the `reviewed:` day of the file readers were shown are not counted.

| Article | Language | Helpful | Not helpful | Reasons | Since | File shown |
|---|---|---|---|---|---|---|
| My deposit has not arrived | en | 3 | 12 | unclear 7, outdated 5 | 2026-11-10 | `{DEPOSIT}` |
| Set up two-factor authentication | zh | 0 | 1 | no reason 1 | 2026-11-01 | `{TWO_FA}` |

## Searches that found nothing or not every word, last 90 days

Grouped without regard to letter case and spacing; most frequent first.

| Search | Times | Languages |
|---|---|---|
| `<script>alert(1)</script>` | 1 | en 1 |
"""


def test_an_import_turns_into_a_flagged_article_in_the_report(site: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, before, _ = run(capsys, "report", "--root", str(site), "--today", TODAY)
    assert "do not help" not in before and "Readers' votes" not in before
    rows = [*FLAGGING_ROWS, "deposit-not-arrived,en,,unclear,,2026-11-01",  # before the review
            "set-up-2fa,zh,not-helpful,,,2026-11-15", ",en,,not-found,<script>alert(1)</script>,2026-11-20"]
    assert import_(site, export(tmp_path, rows), capsys)[1].startswith("imported 18 rows (18 new")
    code, after, _ = run(capsys, "report", "--root", str(site), "--today", TODAY)
    assert code == 0
    assert FEEDBACK_MARKDOWN in after
    assert after.endswith(VOTES_MARKDOWN)
    # The rest of the report is as it was.
    assert after.replace(FEEDBACK_MARKDOWN + "\n", "").replace("\n" + VOTES_MARKDOWN, "") == before
    data = report_json(site, capsys)
    assert data["rule"] == {"min_votes": 10, "not_helpful_over_percent": 50}
    assert data["flagged"] == [{
        "id": "deposit-not-arrived", "lang": "en", "path": DEPOSIT, "since": "2026-11-10", "helpful": 3,
        "not_helpful": 12, "not_helpful_percent": 80, "reasons": {"unclear": 7, "outdated": 5}}]


def test_the_dashboard_shows_votes_and_escapes_searches(site: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import_(site, export(tmp_path, [*FLAGGING_ROWS, ",en,,not-found,<script>alert(1)</script>,2026-11-20"]),
            capsys)
    code, page, _ = run(capsys, "report", "--root", str(site), "--today", TODAY, "--format", "html")
    assert code == 0
    assert ('<tr><td>My deposit has not arrived<br><code class="muted">'
            f'{DEPOSIT}</code></td><td class="n">15</td><td class="n">12 (80%)</td><td>unclear 7, outdated 5</td>'
            "<td>2026-11-10</td></tr>") in page
    assert ('<tr><td>My deposit has not arrived<br><code class="muted">'
            f'{DEPOSIT}</code></td><td>en</td><td class="n">3</td><td class="n">12</td><td>unclear 7, outdated 5'
            "</td><td>2026-11-10</td></tr>") in page
    assert ('<tr><td><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></td><td class="n">1</td><td>en 1</td>'
            "</tr>") in page
    assert "<script" not in page


def test_the_dashboard_a_build_publishes_never_shows_feedback(site: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """site/plugin.py calls build_report without the store: readers' searches are not for publishing."""
    import_(site, export(tmp_path, [*FLAGGING_ROWS, ",en,,not-found,my uid 123456,2026-11-20"]), capsys)
    project = load_project(site)
    registry = load_registry(project)
    corpus = load_corpus(project, registry, today=dt_today())
    page = to_html(build_report(corpus, load_policy(project, registry), dt_today()))
    assert "my uid" not in page and "do not help" not in page and "Readers" not in page


def dt_today():  # noqa: ANN201 - a date, for the plain-Python calls above
    import datetime as dt

    return dt.date.fromisoformat(TODAY)


# -- one list, written once ------------------------------------------------------------

def test_the_reasons_are_the_ones_the_article_form_offers() -> None:
    assert feedback.NOT_HELPFUL_REASONS == FEEDBACK_REASONS


def test_the_columns_are_documented_for_the_support_team(capsys: pytest.CaptureFixture[str]) -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text("utf-8")
    section = guide[guide.index("## Reader feedback"):]
    section = section[:section.index("\n## ", 1)]
    with pytest.raises(SystemExit):
        main(["feedback", "import", "--help"])
    help_text = capsys.readouterr().out
    for name, meaning in COLUMNS:
        assert f"| `{name}` |" in section
        assert f"  {name:<8}  {meaning}" in help_text
    assert "feedback/votes.json" in section and "25 MB" in section and "25 MB" in help_text
    assert "exit codes: 0 rows imported" in help_text


def test_the_store_lives_outside_what_is_published() -> None:
    assert not feedback.STORE.startswith("content/")
    assert os.path.isabs(feedback.STORE) is False
