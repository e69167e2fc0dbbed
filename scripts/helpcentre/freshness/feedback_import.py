"""`helpcentre feedback import`: an export of the feedback form into the store.

The export is CSV or JSON, told apart by its content: a file whose first
character is ``[`` (a list of rows) or ``{`` (one row per line, JSON Lines) is
JSON; anything else is CSV (comma, semicolon or tab separated, as a
spreadsheet saves it). A file named .json that holds neither is refused.

Every row is checked against the help centre (the article exists, the
language is configured, the date is real and not after today) and either
imported or skipped with its line number and the reason. A problem with the
whole file (too large, not UTF-8, not CSV or JSON, columns missing) stops the
import before the store is touched; the store itself is written atomically
(``feedback.save_store``).

Zendesk's Help Center votes (its API's vote objects: ``item_id``,
``item_type``, ``value``, ``created_at``) do not map: they name articles by
Zendesk's numeric id and carry no language. Such a file is refused with a
message saying so rather than guessed at.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..content.corpus import Corpus
from ..content.problems import Problem
from ..content.registry import close_matches
from ..content.schema import EARLIEST_DATE
from .feedback import (
    ANSWERS,
    HELPFUL,
    NOT_FOUND,
    NOT_HELPFUL_REASONS,
    STORE,
    FeedbackError,
    Search,
    Vote,
    load_store,
    save_store,
)

# The columns (keys, in JSON) of an export, in any order and letter case; others are ignored.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("article", "the article id, its file name without .md (empty for a search)"),
    ("language", "the reader's language code, like en or zh (a column named `lang` is read too)"),
    ("answer", "helpful or not-helpful; may be left out when `reason` is given"),
    ("reason", f"{HELPFUL}, {', '.join(NOT_HELPFUL_REASONS)}, or {NOT_FOUND} "
               "(a search that found nothing, or not every word typed)"),
    ("query", f"the words searched for ({NOT_FOUND} rows)"),
    ("date", "YYYY-MM-DD, or an ISO 8601 date and time like 2026-11-23T14:05:00Z"),
)
ALIASES = {"lang": "language"}  # the form's own parameter name
# 25 MB: about 300,000 rows of 80 bytes, a year of answers for a help centre ten
# times ours; a larger file is more likely a wrong export, and is read whole.
MAX_EXPORT_BYTES = 25 * 1024 * 1024
MAX_SKIPS_SHOWN = 5  # the first few skipped rows are printed; the summary counts them all
MAX_COLUMNS_SHOWN = 20  # of the columns found, when some are missing
REASONS = (HELPFUL, *NOT_HELPFUL_REASONS, NOT_FOUND)
# Why a row was skipped: the summary's words, in the order it lists equal counts.
SKIP_KINDS = ("unknown article", "unknown language", "bad date", "date after today", "bad answer",
              "unknown reason", "answer and reason disagree", "no answer", "no article", "no query", "bad row")
_WHEN = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?",
                   re.ASCII)


def columns_help() -> str:
    """The columns, one a line, for `helpcentre feedback import --help`."""
    width = max(len(name) for name, _ in COLUMNS)
    return "\n".join(f"  {name:<{width}}  {meaning}" for name, meaning in COLUMNS)


@dataclass(frozen=True)
class Skip:
    line: int
    kind: str  # one of SKIP_KINDS
    detail: str


@dataclass(frozen=True)
class Export:
    """An export, read and checked: the rows to import and the rows skipped."""

    shown: str
    votes: tuple[Vote, ...]
    searches: tuple[Search, ...]
    skips: tuple[Skip, ...]

    @property
    def rows(self) -> int:
        return len(self.votes) + len(self.searches)


@dataclass(frozen=True)
class ImportResult:
    export: Export
    new: int  # rows the store did not hold yet

    @property
    def ok(self) -> bool:
        """Something was imported (or was already there): exit code 0 even with skipped rows."""
        return self.export.rows > 0

    def lines(self) -> list[str]:
        """What the command prints: the summary, then the first few skipped rows and why."""
        export = self.export
        counts = Counter(skip.kind for skip in export.skips)
        kinds = sorted(counts, key=lambda kind: (-counts[kind], SKIP_KINDS.index(kind)))
        skipped = f"skipped {len(export.skips)}" + (": " + ", ".join(f"{counts[k]} {k}" for k in kinds)
                                                    if kinds else "")
        stored = (f" ({self.new} new, {export.rows - self.new} already in {STORE})" if export.rows else "")
        out = [f"imported {export.rows} row{'s' if export.rows != 1 else ''}{stored}, {skipped}"]
        out += [f"{export.shown}:{skip.line}: skipped: {skip.detail}" for skip in export.skips[:MAX_SKIPS_SHOWN]]
        if len(export.skips) > MAX_SKIPS_SHOWN:
            more = len(export.skips) - MAX_SKIPS_SHOWN
            out.append(f"... and {more} more skipped row{'s' if more != 1 else ''}")
        return out


def import_file(corpus: Corpus, path: Path, shown: str, today: dt.date) -> ImportResult:
    """Read the export at ``path`` and merge its rows into the store (written only when it gains some).

    Raises FeedbackError when the export or the store cannot be used; the store is then unchanged.
    """
    export = read_export(corpus, path, shown, today)
    if not export.rows:
        return ImportResult(export, 0)
    root = corpus.project.root
    store, new = load_store(root).merged(export.votes, export.searches)
    if new:
        save_store(root, store)
    return ImportResult(export, new)


# -- reading the file --------------------------------------------------------------

def read_export(corpus: Corpus, path: Path, shown: str, today: dt.date) -> Export:
    """The export's rows, checked. Raises FeedbackError for a problem with the whole file."""
    text = _read_text(path, shown)
    rows, found = _json_rows(text, shown) if text.lstrip()[:1] in ("[", "{") else _csv_rows(text, shown, path)
    _check_columns(shown, found)
    if not rows:
        raise FeedbackError(Problem(shown, 1, "error", "the file has no rows to import"))
    return _check_rows(corpus, shown, rows, today)


def _error(shown: str, line: int, message: str) -> FeedbackError:
    return FeedbackError(Problem(shown, line, "error", message))


def _read_text(path: Path, shown: str) -> str:
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            # Never more than the limit, even from a file that grows while it is read.
            data = file.read(MAX_EXPORT_BYTES + 1) if size <= MAX_EXPORT_BYTES else b""
            size = max(size, len(data))
    except OSError as exc:
        raise _error(shown, 1, f"cannot read the file ({exc.strerror})") from None
    if size > MAX_EXPORT_BYTES:
        raise _error(shown, 1, f"the file is {size / 1024 / 1024:.1f} MB; exports larger than "
                               f"{MAX_EXPORT_BYTES // 1024 // 1024} MB are refused: export a shorter period "
                               "and import each part")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _error(shown, 1, "the file is UTF-16 text; export it again as UTF-8 (with or without a BOM)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _error(shown, line, f"not UTF-8 text: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
                                  "(counting from 0); export it again as UTF-8 (with or without a BOM)") from None
    if "\x00" in text:
        offset = len(text[:text.index("\x00")].encode("utf-8"))
        raise _error(shown, text.count("\n", 0, text.index("\x00")) + 1,
                     f"the file holds a NUL byte at byte offset {offset} (counting from 0), so it is not a text "
                     "export; export it again as UTF-8 CSV or JSON")
    return text


Row = tuple[int, object]  # (line, the row: a dict of column -> text, or whatever JSON held)


def _column(name: object) -> str:
    key = str(name).strip().casefold()
    return ALIASES.get(key, key)


def _csv_rows(text: str, shown: str, path: Path) -> tuple[list[Row], set[str]]:
    if path.suffix.lower() in (".json", ".jsonl"):
        raise _error(shown, 1, "the file is named .json but is not JSON: it should start with [ (a list of "
                               "rows) or { (one row per line)")
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)  # a spreadsheet in a comma-decimal locale saves `;`
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    names: list[str] = []
    start = 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not any(f.strip() for f in fields):
                continue  # blank lines, trailing or between rows
            if not names:
                names = [_column(f) for f in fields]
                continue
            row: dict[str, str] = {}
            for name, value in zip(names, fields, strict=False):
                if name and (name not in row or not row[name]):
                    row[name] = value
            rows.append((line, row))
    except csv.Error as exc:
        raise _error(shown, reader.line_num, f"not a readable CSV file ({exc})") from None
    return rows, {n for n in names if n}


def _json_rows(text: str, shown: str) -> tuple[list[Row], set[str]]:
    """A list of rows (``[{...}, ...]``) or JSON Lines, with the line each row starts on."""
    decoder = json.JSONDecoder()
    rows: list[Row] = []
    line, counted, at = 1, 0, 0

    def skip_space(at: int) -> int:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        return at

    def at_line(at: int) -> int:
        nonlocal line, counted
        line += text.count("\n", counted, at)
        counted = at
        return line

    try:
        at = skip_space(0)
        listed = text.startswith("[", at)
        at = skip_space(at + 1) if listed else at
        while at < len(text) and not (listed and text.startswith("]", at)):
            value, end = decoder.raw_decode(text, at)
            rows.append((at_line(at), value))
            at = skip_space(end)
            if listed and text.startswith(",", at):
                at = skip_space(at + 1)
            elif listed and not text.startswith("]", at):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        if listed:
            if not text.startswith("]", at):
                raise json.JSONDecodeError("Expecting ']'", text, at)
            if skip_space(at + 1) < len(text):
                raise json.JSONDecodeError("Extra data", text, skip_space(at + 1))
    except json.JSONDecodeError as exc:
        raise _error(shown, exc.lineno, f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:  # the decoder recurses once per level: `[[[[...` thousands deep
        raise _error(shown, at_line(at), "not valid JSON for an export: a row is nested thousands of levels "
                                         "deep") from None
    found = {_column(k) for _, row in rows if isinstance(row, dict) for k in row}
    return [(n, {_column(k): v for k, v in row.items()} if isinstance(row, dict) else row) for n, row in rows], found


def _check_columns(shown: str, found: set[str]) -> None:
    missing = [name for name in ("article", "language", "date") if name not in found]
    if "answer" not in found and "reason" not in found:
        missing.append("answer or reason")
    if not missing:
        return
    names = sorted(found)
    listed = ", ".join(names[:MAX_COLUMNS_SHOWN]) or "none"
    if len(names) > MAX_COLUMNS_SHOWN:
        listed += f" and {len(names) - MAX_COLUMNS_SHOWN} more"
    if {"item_id", "value"} <= found or "votes" in found:
        raise _error(shown, 1, f"this looks like Zendesk's Help Center votes (found: {listed}): they name "
                               "articles by Zendesk's numeric id and carry no language, so they cannot be "
                               "matched to this help centre's articles; import the export of the feedback "
                               f"form instead (columns: {', '.join(n for n, _ in COLUMNS)})")
    raise _error(shown, 1, f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}; found: "
                           f"{listed}; an export has the columns {', '.join(n for n, _ in COLUMNS)} (see "
                           "`helpcentre feedback import --help`)")


# -- checking each row -----------------------------------------------------------

def _value(row: dict[str, object], name: str) -> str:
    value = row.get(name)
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _when(text: str) -> tuple[dt.date, str] | str:
    """(the day, the moment as compared for duplicates) or why the text is not a date."""
    hint = f'bad date "{text}"; expected YYYY-MM-DD or an ISO 8601 date and time, like 2026-11-23T14:05:00Z'
    if not _WHEN.fullmatch(text):
        return hint
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            moment = day.isoformat()
        else:
            when = dt.datetime.fromisoformat(text.replace(",", "."))
            day, moment = when.date(), when.isoformat()
    except ValueError:
        return f'bad date "{text}": not a real day and time of the calendar'
    if day < EARLIEST_DATE:
        return f'bad date "{text}": before {EARLIEST_DATE.isoformat()}; check the year'
    return day, moment


def _key(fields: tuple[str, ...], seen: Counter[tuple[str, ...]]) -> str:
    """Stable for the same row of the same export: its fields and how many identical rows came before."""
    occurrence = seen[fields]
    seen[fields] += 1
    return hashlib.sha256("\x1f".join((*fields, str(occurrence))).encode("utf-8")).hexdigest()[:16]


def _check_rows(corpus: Corpus, shown: str, rows: list[Row], today: dt.date) -> Export:
    codes = corpus.project.codes
    votes: list[Vote] = []
    searches: list[Search] = []
    skips: list[Skip] = []
    seen: Counter[tuple[str, ...]] = Counter()
    hints: dict[str, str] = {}  # unknown article -> "did you mean": difflib once per id, not per row
    for line, row in rows:
        if not isinstance(row, dict):
            skips.append(Skip(line, "bad row", "not an object with the columns as keys"))
            continue
        article, lang, answer, reason, query, date = (
            _value(row, name) for name in ("article", "language", "answer", "reason", "query", "date"))
        answer = answer.casefold().replace(" ", "-").replace("_", "-")
        reason = reason.casefold()
        skip = _skip(corpus, article, lang, answer, reason, query, hints)
        when = _when(date) if skip is None else None
        if isinstance(when, str):
            skip = Skip(line, "bad date", when)
        elif when is not None and when[0] > today:
            skip = Skip(line, "date after today", f"dated {when[0].isoformat()}, after today ({today.isoformat()})")
        if skip is not None:
            skips.append(Skip(line, skip.kind, skip.detail))
            continue
        assert when is not None and lang in codes
        day, moment = when
        if reason == NOT_FOUND:
            searches.append(Search(day, _key(("search", lang, query, moment), seen), lang, query))
        else:
            helpful = (answer or ("helpful" if reason == HELPFUL else "not-helpful")) == HELPFUL
            kept = "" if helpful else reason
            votes.append(Vote(day, _key(("vote", article, lang, "yes" if helpful else "no", kept, moment), seen),
                              article, lang, helpful, kept))
    return Export(shown, tuple(votes), tuple(searches), tuple(skips))


def _skip(corpus: Corpus, article: str, lang: str, answer: str, reason: str, query: str,
          hints: dict[str, str]) -> Skip | None:
    """Why a row cannot be imported (its line is filled in by the caller), or None."""
    codes = corpus.project.codes
    if lang not in codes:
        said = f'"{lang}"' if lang else "none"
        return Skip(0, "unknown language", f"unknown language {said}; the languages are {', '.join(codes)}")
    if reason and reason not in REASONS:
        return Skip(0, "unknown reason", f'unknown reason "{reason}"; expected {", ".join(REASONS[:-1])} or '
                                         f"{REASONS[-1]}")
    if reason == NOT_FOUND:
        return None if query else Skip(0, "no query", f"a {NOT_FOUND} search with no query")
    if answer and answer not in ANSWERS:
        return Skip(0, "bad answer", f'bad answer "{answer}"; expected helpful or not-helpful')
    if not answer and not reason:
        return Skip(0, "no answer", "no answer and no reason")
    if answer and reason and (answer == HELPFUL) != (reason == HELPFUL):
        return Skip(0, "answer and reason disagree", f'answer "{answer}" but reason "{reason}"')
    if not article:
        return Skip(0, "no article", f"no article (only a {NOT_FOUND} search may leave it empty)")
    if article not in corpus.sources:
        if article not in hints:
            hints[article] = close_matches(article, list(corpus.sources))
        return Skip(0, "unknown article", f'unknown article "{article}"{hints[article]}')
    return None
