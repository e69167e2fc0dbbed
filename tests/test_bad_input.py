"""Bad input never crashes a command: each case is a clear problem on its line.

Every case here once ended in a traceback (or a segmentation fault, or a
silently wrong page) on main. Each now pins the exact message a writer reads
and the exit code, and checks that no traceback was printed. Cases run with
the broken file as PATH, so the report shows that file only.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import subprocess
import sys
import textwrap
import time
import tracemalloc
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLE_ARTICLES, TODAY, add_files, write_site
from helpcentre.cli import main
from helpcentre.content.corpus import load_corpus
from helpcentre.content.loader import (
    MAX_ARTICLE_BYTES,
    MAX_NESTING,
    NestingTooDeep,
    check_nesting,
    load_article,
    load_yaml,
)
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.schema import is_valid_id
from helpcentre.site import sitemap
from test_check import ARTICLE  # the article that passes every check; cases add one mistake

NESTING = ("lists and groups are nested more than 20 levels deep on this line; these files need "
           "only a few levels, so look for brackets [ ] { } typed too many times or indentation "
           "that keeps growing")
FRONT_MATTER_NESTING = ("the front matter nests lists more than 20 levels deep on this line; a "
                        "field holds text or one list, like `keywords: [2fa, lost phone]`, so "
                        "remove the extra brackets")
NOT_UTF8 = ("the file is not UTF-8 text (byte 0x{byte} on this line); save it with UTF-8 "
            "encoding in your editor")
ID_RULE = ("the name (without .md) becomes the page address, so it may use only lower-case "
           "letters a-z, digits 0-9 and single hyphens between words")


def article(extra: str = "") -> str:
    return ARTICLE.format(extra=extra)


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    """The sample help centre plus the files a test adds (text or bytes, under content/)."""
    def make(extra: dict[str, str | bytes] | None = None) -> Path:
        return add_files(write_site(tmp_path / "site", SAMPLE_ARTICLES), extra)
    return make


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


def check(root: Path, rel: str) -> tuple[int, str]:
    """`helpcentre check` reporting on one file (relative to the site root)."""
    code, out, _ = run("check", "--root", str(root), "--today", TODAY, str(root / rel))
    return code, out


def report(rel: str, *lines: str) -> tuple[int, str]:
    """What `check` prints for errors in one file: exit code 1 and the exact lines."""
    summary = f"{len(lines)} error{'s' if len(lines) != 1 else ''}, 0 warnings in 1 file\n"
    return 1, "".join(f"{rel}:{line}\n" for line in lines) + summary


def append(root: Path, rel: str, data: bytes) -> int:
    """Add ``data`` at the end of a file; return the line it starts on."""
    path = root / rel
    old = path.read_bytes()
    if not old.endswith(b"\n"):
        old += b"\n"
    path.write_bytes(old + data)
    return old.count(b"\n") + 1


# -- 1. nesting: refused before anything recursive runs -------------------------------

def test_front_matter_nested_600_deep_is_refused(site: Callable[..., Path]) -> None:
    # 600 levels raised RecursionError (the limit is ~500 frames).
    root = site({"en/security/deep.md": article("keywords: " + "[" * 600 + "]" * 600 + "\n")})
    assert check(root, "content/en/security/deep.md") == report(
        "content/en/security/deep.md", f"6: error: {FRONT_MATTER_NESTING}")


def test_front_matter_nested_25000_deep_in_a_subprocess(site: Callable[..., Path]) -> None:
    # 25,000 levels (50 KB, under the 64 KB front-matter limit) crashed libyaml's
    # composer with a segmentation fault: run it where a crash fails the test,
    # not pytest.
    keywords = "[" * 25_000 + "]" * 25_000
    root = site({"en/security/deep.md": article(f"keywords: {keywords}\n")})
    argv = ["check", "--root", str(root), "--today", TODAY,
            str(root / "content/en/security/deep.md")]
    done = subprocess.run([sys.executable, "-m", "helpcentre", *argv],
                          capture_output=True, text=True, timeout=120, check=False)
    assert "Traceback" not in done.stderr
    assert (done.returncode, done.stdout) == report(
        "content/en/security/deep.md", f"6: error: {FRONT_MATTER_NESTING}")


DEEP_LIST = b"- " + b"[" * 600 + b"]" * 600 + b"\n"
DEEP_FIELD = b"deep: " + b"{a: " * 600 + b"1" + b"}" * 600 + b"\n"
# Nesting by indentation alone, no brackets: level 21 starts 20 lines down.
DEEP_INDENT = b"deep:\n" + b"".join(b" " * i + b"k:\n" for i in range(1, 40)) + b" " * 40 + b"v\n"


@pytest.mark.parametrize(("rel", "data", "lines_down"), [
    ("content/_data/coins.yml", DEEP_LIST, 0),
    ("content/_data/categories.yml", DEEP_LIST, 0),
    ("content/_data/channels.yml", DEEP_LIST, 0),
    ("content/_data/site.yml", DEEP_FIELD, 0),
    ("content/_data/site.yml", DEEP_INDENT, 20),
    ("translations/zh.yml", DEEP_FIELD, 0),
    ("translations/en.yml", DEEP_FIELD, 0),
    ("translations/synonyms/en.yml", DEEP_LIST, 0),
    ("translations/stopwords/en.yml", DEEP_LIST, 0),
])
def test_every_yaml_file_refuses_deep_nesting(site: Callable[..., Path], rel: str, data: bytes,
                                              lines_down: int) -> None:
    root = site()
    line = append(root, rel, data) + lines_down
    assert check(root, rel) == report(rel, f"{line}: error: {NESTING}")


@pytest.mark.parametrize(("data", "message"), [
    (b"extra: {deep: " + b"[" * 600 + b"]" * 600 + b"}\n", NESTING),
    (b"# caf\xe9\n", NOT_UTF8.format(byte="e9")),
])
def test_site_configuration_problems_are_reported(site: Callable[..., Path], data: bytes,
                                                  message: str) -> None:
    # mkdocs.yml is read with PyYAML's Python loader, which raised RecursionError.
    root = site()
    line = append(root, "mkdocs.yml", data)
    code, out, _ = run("check", "--root", str(root), "--today", TODAY)
    assert (code, out) == (1, f"mkdocs.yml:{line}: error: {message}\n1 error, 0 warnings in 1 file\n")


def _depth(text: str) -> int:
    """How deep collections nest, counted independently of the loader."""
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return deepest


def _single_pairs(d: int) -> str:
    # `[a: [a: b]]`: a flow list holding one pair is two levels for one bracket.
    pairs, odd = divmod(d, 2)
    return "[" * odd + "[a: " * pairs + "b" + "]" * (pairs + odd)


def _lists_in_key_column(d: int) -> str:
    # A list under a key may start in the key's own column: two levels per column.
    #   k:
    #   - k:
    #     - v
    steps, last = ((d - 2) // 2, "- v") if d % 2 == 0 else ((d - 3) // 2, "- k: v")
    return "k:\n" + "".join("  " * j + "- k:\n" for j in range(steps)) + "  " * steps + last + "\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "flow lists": lambda d: "[" * d + "]" * d,
    "flow mappings": lambda d: "{a: " * d + "1" + "}" * d,
    "single pairs in flow lists": _single_pairs,
    "block mappings": lambda d: "".join(" " * i + "k:\n" for i in range(d - 1)) + " " * (d - 1) + "k: v\n",
    "lists in the key's column": _lists_in_key_column,
    "compact lists": lambda d: "- " * d + "x\n",
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_nesting_limit_is_exact_whatever_the_shape(shape: str) -> None:
    # The loader skips the exact check when a cheap bound says a file cannot be
    # too deep; a bound that was ever too low would let the deeper file through.
    at_limit, over = SHAPES[shape](MAX_NESTING), SHAPES[shape](MAX_NESTING + 1)
    assert (_depth(at_limit), _depth(over)) == (MAX_NESTING, MAX_NESTING + 1)
    load_yaml(at_limit)
    with pytest.raises(NestingTooDeep):
        load_yaml(over)


def test_the_nesting_check_itself_does_not_recurse() -> None:
    # libyaml's parser and PyYAML's Python parser are state machines with their
    # own stacks; the Python one is run under a recursion limit of 100 to prove it.
    started = time.perf_counter()
    with pytest.raises(NestingTooDeep):
        check_nesting("k: " + "[" * 1_000_000 + "]" * 1_000_000)
    assert time.perf_counter() - started < 5
    code = textwrap.dedent("""\
        import sys, yaml
        from helpcentre.content import loader
        loader._EventParser = yaml.SafeLoader
        sys.setrecursionlimit(100)
        try:
            loader.check_nesting("k: " + "[" * 100_000 + "]" * 100_000)
        except loader.NestingTooDeep as exc:
            print("refused on line", exc.line + 1)
        """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "refused on line 1\n", "")


# -- 2. far dates ------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "line", "message"), [
    ("reviewed: 2026-11-10", "reviewed: 9999-12-31", 4,
     "`reviewed`: 9999-12-31 is too far in the future; dates must be between 2000-01-01 and "
     "2099-12-31, so check the year"),
    ("type: faq", "type: notice\nexpires: 9999-12-31", 4,
     "`expires`: 9999-12-31 is too far in the future; dates must be between 2000-01-01 and "
     "2099-12-31, so check the year; a notice needs the real day it ends (if it never ends, "
     "make it a faq or a guide)"),
    ("reviewed: 2026-11-10", "reviewed: 0026-11-10", 4,
     "`reviewed`: 0026-11-10 is too far in the past; dates must be between 2000-01-01 and "
     "2099-12-31, so check the year"),
])
def test_far_dates_are_refused(site: Callable[..., Path], old: str, new: str, line: int,
                               message: str) -> None:
    root = site({"en/security/far.md": article().replace(old, new)})
    assert check(root, "content/en/security/far.md") == report(
        "content/en/security/far.md", f"{line}: error: {message}")


@pytest.fixture
def far_dates(site: Callable[..., Path]) -> Path:
    """The sample site with `reviewed: 9999-12-31` and `expires: 9999-12-31`."""
    root = site()
    for rel, old, new in (("en/security/set-up-2fa.md", "reviewed: 2026-11-01", "reviewed: 9999-12-31"),
                          ("en/announcements/trx-network-upgrade.md", "expires: 2026-12-10",
                           "expires: 9999-12-31")):
        path = root / "content" / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["markdown", "json", "html"])
def test_report_with_far_dates_does_not_crash(far_dates: Path, fmt: str) -> None:
    # It raised OverflowError (9999-12-31 + 90 days); the refused date now counts
    # as "never reviewed", and `check` says why (above).
    code, out, _ = run("report", "--root", str(far_dates), "--today", TODAY, "--format", fmt)
    assert code == 0
    if fmt == "json":
        data = json.loads(out)
        article = next(a for a in data["articles"] if a["id"] == "set-up-2fa")
        assert (article["reviewed"], article["languages"]["en"]["state"]) == (None, "overdue")


def test_translations_status_with_far_dates_does_not_crash(far_dates: Path) -> None:
    code, out, _ = run("translations", "status", "--root", str(far_dates), "--today", TODAY)
    assert code == 1  # the sample site has untranslated articles
    assert out.startswith("zh: ")


def test_far_today_is_a_usage_error(site: Callable[..., Path]) -> None:
    code, out, err = run("check", "--root", str(site()), "--today", "9999-12-31")
    assert (code, out, err) == (2, "", (
        "helpcentre check: error: --today: `today`: 9999-12-31 is too far in the future; dates "
        "must be between 2000-01-01 and 2099-12-31, so check the year\n"))


# -- 3. files that are not UTF-8 ---------------------------------------------------------

@pytest.mark.parametrize("rel", [
    "content/_data/coins.yml",
    "content/_data/categories.yml",
    "content/_data/channels.yml",
    "content/_data/site.yml",
    "translations/zh.yml",
    "translations/en.yml",
    "translations/synonyms/en.yml",
    "translations/stopwords/en.yml",
])
def test_a_file_that_is_not_utf8_names_the_line(site: Callable[..., Path], rel: str) -> None:
    root = site()
    line = append(root, rel, b"# caf\xe9 (Latin-1, not UTF-8)\n")
    assert check(root, rel) == report(rel, f"{line}: error: {NOT_UTF8.format(byte='e9')}")


def test_an_article_that_is_not_utf8_names_the_line(site: Callable[..., Path]) -> None:
    root = site({"en/security/latin1.md": article().encode().replace(b"Body.", b"\xffBody.")})
    assert check(root, "content/en/security/latin1.md") == report(
        "content/en/security/latin1.md", f"7: error: {NOT_UTF8.format(byte='ff')}")


# -- 4. the coin registry: every field checked for its type ---------------------------------

COIN = """\
- symbol: BTC
  name: {en: Bitcoin}
  reviewed: 2026-11-20
  networks:
    - {id: BTC, name: Bitcoin, format: bitcoin, confirmations: 2, example_fee: "0.0002", example_min: "0.0005", memo: false, explorer: https://mempool.space/}
"""  # noqa: E501 - one network per line, as coins.yml writes it
COIN_CASES: dict[str, tuple[str, list[str]]] = {
    "keywords written as a list": (COIN + "  keywords: [bitcoin, btc]\n", [
        "6: error: coin `BTC`: `keywords`: expected the words for each language, like "
        "`keywords: {en: [tether], zh: [泰达]}`; found a list"]),
    "keywords for a language written as text": (COIN + "  keywords: {en: bitcoin}\n", [
        "6: error: coin `BTC`: `keywords`: `en` must be a list of words, like `keywords: "
        '{en: [tether], zh: [泰达]}`; found text "bitcoin"']),
    "the same symbol twice": (COIN + COIN.replace("symbol: BTC", "symbol: btc"), [
        "6: error: coin `BTC` is listed twice (lines 1 and 6); keep only one of them"]),
    "memo written as text": (COIN.replace("memo: false", 'memo: "false"'), [
        "5: error: coin `BTC`, network `BTC`: `memo`: expected true or false without quotes, "
        'found text "false"']),
    "confirmations that are not a number": (COIN.replace("confirmations: 2", "confirmations: many"), [
        "5: error: coin `BTC`, network `BTC`: `confirmations`: expected a whole number, found "
        'text "many"; write the number alone, like `confirmations: 12`']),
    "confirmations in quotes": (COIN.replace("confirmations: 2", 'confirmations: "2"'), [
        "5: error: coin `BTC`, network `BTC`: `confirmations`: expected a whole number, found "
        'text "2"; write it without quotes, like `confirmations: 2`']),
    "negative confirmations": (COIN.replace("confirmations: 2", "confirmations: -1"), [
        "5: error: coin `BTC`, network `BTC`: `confirmations`: expected a whole number of 0 or "
        "more, found the number -1; write the number alone, like `confirmations: 12`"]),
    "an amount YAML would rewrite": (COIN.replace('example_fee: "0.0002"', "example_fee: 0.00000001"), [
        "5: error: coin `BTC`, network `BTC`: `example_fee`: expected the amount in quotes, like "
        '`example_fee: "0.00000001"`, found the number 0.00000001; without quotes it would be '
        "shown as 1e-08"]),
    "a network name that is a list": (COIN.replace("name: Bitcoin,", "name: [Bitcoin],"), [
        "5: error: coin `BTC`, network `BTC`: `name`: expected text, found a list"]),
    "a network without memo": (COIN.replace(" memo: false,", ""), [
        "5: error: coin `BTC`: a network is missing `memo`; each network needs all of them, like "
        '`- {id: TRC20, name: TRON (TRC20), format: tron, confirmations: 20, example_fee: "1", example_min: '
        '"10", memo: false, explorer: https://tronscan.org/}`']),
    "the same network twice": (COIN + COIN.splitlines()[-1] + "\n", [
        "6: error: coin `BTC`, network `BTC` is listed twice (lines 5 and 6); keep only one of "
        "them"]),
    "networks that are not a list": (COIN.split("  networks:")[0] + "  networks: BTC\n", [
        "4: error: coin `BTC`: `networks`: expected a list with one network per line, like "
        '`- {id: TRC20, name: TRON (TRC20), format: tron, confirmations: 20, example_fee: "1", example_min: '
        '"10", memo: false, explorer: https://tronscan.org/}`; found text "BTC"']),
    "a symbol that is not letters and digits": (COIN.replace("symbol: BTC", 'symbol: "Q&A"'), [
        '1: error: coin "Q&A": `symbol` may use only letters A-Z and digits, like `symbol: USDT`']),
    "a symbol that is a number": (COIN.replace("symbol: BTC", "symbol: 42"), [
        "1: error: coin: `symbol`: expected text, found the number 42"]),
    "a name that is a list": (COIN.replace("name: {en: Bitcoin}", "name: {en: [Bitcoin]}"), [
        "1: error: coin `BTC`: `name`: the en name must be text, found a list"]),
}


@pytest.mark.parametrize("case", list(COIN_CASES))
def test_coin_registry_problem(site: Callable[..., Path], case: str) -> None:
    text, lines = COIN_CASES[case]
    root = site()
    (root / "content/_data/coins.yml").write_text(text, encoding="utf-8")
    assert check(root, "content/_data/coins.yml") == report("content/_data/coins.yml", *lines)


def test_memo_is_read_as_written(site: Callable[..., Path]) -> None:
    root = site()
    (root / "content/_data/coins.yml").write_text(COIN.replace("memo: false", "memo: true"),
                                                  encoding="utf-8")
    (root / "content/_data/status.yml").unlink()  # it names the starter content's other coins
    registry = load_registry(load_project(root))
    assert registry.coins["BTC"].networks[0].memo is True


@pytest.mark.parametrize(("old", "new", "message"), [
    ("review_days: 90", "review_days: 99999999",
     "category `security`: `review_days`: expected a whole number between 1 and 3650, found the "
     "number 99999999; write the number alone, like `review_days: 90`"),
    ("review_days: 90", "review_days: true",
     "category `security`: `review_days`: expected a whole number between 1 and 3650, found "
     "`true`; write the number alone, like `review_days: 90`"),
    ("- id: security\n", "- id: Security & 2FA\n",
     "category `Security & 2FA`: `id` may use only lower-case letters a-z, digits 0-9 and single "
     "hyphens between words, like `id: security-2fa`; rename the category's folders to match"),
])
def test_category_registry_problem(site: Callable[..., Path], old: str, new: str,
                                   message: str) -> None:
    root = site()
    path = root / "content/_data/categories.yml"
    text = path.read_text(encoding="utf-8").replace(old, new, 1)
    line = text[:text.index(new)].count("\n") + 1
    path.write_text(text, encoding="utf-8")
    assert check(root, "content/_data/categories.yml") == report(
        "content/_data/categories.yml", f"{line}: error: {message}")


def test_channel_fields_must_be_text(site: Callable[..., Path]) -> None:
    root = site()
    path = root / "content/_data/channels.yml"
    text = path.read_text(encoding="utf-8")
    old = "  url: https://www.kestrel.example/support/chat\n"
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, "  url: [https://www.kestrel.example/support/chat]\n"),
                    encoding="utf-8")
    assert check(root, "content/_data/channels.yml") == report(
        "content/_data/channels.yml", f"{line}: error: channel `live-chat`: `url`: expected text, "
                                      "found a list")


# -- 5. UI strings are format strings -----------------------------------------------------

def _ui_case(root: Path, lang: str, old: str, new: str) -> int:
    path = root / "translations" / f"{lang}.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


@pytest.mark.parametrize(("lang", "old", "new", "message"), [
    ("zh", '"{exchange} 帮助中心"', '"{exchange 帮助中心"',
     '`home.title`: a brace { or } has no partner in "{exchange 帮助中心"; placeholders are a '
     "name in braces, like {exchange}, and a brace meant as text is written twice, {{ or }}"),
    ("zh", '"{exchange} 帮助中心"', '"{exchange}} 帮助中心"',
     '`home.title`: a brace { or } has no partner in "{exchange}} 帮助中心"; placeholders are a '
     "name in braces, like {exchange}, and a brace meant as text is written twice, {{ or }}"),
    ("en", '"{month} {day}, {year}"', '"{month} {day, {year}"',
     '`date.format`: a brace { or } has no partner in "{month} {day, {year}"; placeholders are '
     "a name in braces, like {name}, and a brace meant as text is written twice, {{ or }}"),
    ("zh", '"{exchange} 帮助中心"', '"{exchange} {name} 帮助中心"',
     "`home.title`: the placeholders in braces must be the same as in translations/en.yml "
     "({exchange}), found {exchange}, {name}; copy them unchanged, they are filled in by the "
     "site"),
    ("zh", '"{exchange} 帮助中心"', '"{exchange.__class__} 帮助中心"',
     "`home.title`: the placeholders in braces must be the same as in translations/en.yml "
     "({exchange}), found {exchange.__class__}; copy them unchanged, they are filled in by the "
     "site"),
])
def test_ui_string_braces(site: Callable[..., Path], lang: str, old: str, new: str,
                          message: str) -> None:
    root = site()
    line = _ui_case(root, lang, old, new)
    rel = f"translations/{lang}.yml"
    assert check(root, rel) == report(rel, f"{line}: error: {message}")


def test_doubled_braces_are_text(site: Callable[..., Path]) -> None:
    root = site()
    _ui_case(root, "zh", '"{exchange} 帮助中心"', '"{exchange} 帮助中心 {{beta}}"')
    code, out, _ = run("check", "--root", str(root), "--today", TODAY,
                       str(root / "translations/zh.yml"))
    assert (code, out) == (0, "no problems in 1 file\n")


# -- 6. article ids ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "suggestion"), [
    ("My Article.md", "rename the file to my-article.md"),
    ("UPPER.md", "rename the file to upper.md"),
    ("a%2Fb.md", "rename the file to a-2fb.md"),
    ("x?y#z.md", "rename the file to x-y-z.md"),
    ("q&a.md", "rename the file to q-a.md"),
    ("double--hyphen.md", "rename the file to double-hyphen.md"),
    ("充值未到账.md", "rename the file in English words, like lost-2fa-device.md"),
])
def test_article_file_names_follow_the_id_rule(site: Callable[..., Path], name: str,
                                               suggestion: str) -> None:
    root = site({f"en/security/{name}": article()})
    rel = f"content/en/security/{name}"
    assert check(root, rel) == report(
        rel, f'1: error: "{name}" cannot be an article\'s file name: {ID_RULE}; {suggestion}')


def test_unicode_twins_are_both_refused(site: Callable[..., Path]) -> None:
    # `café.md` saved in NFC and in NFD: two files, two pages, one name on screen.
    nfc, nfd = "caf\u00e9.md", "cafe\u0301.md"
    root = site({f"en/security/{nfc}": article(), f"en/security/{nfd}": article()})
    code, out, _ = run("check", "--root", str(root), "--today", TODAY,
                       str(root / "content/en/security"))
    expected = [f'content/en/security/{name}:1: error: "{name}" cannot be an article\'s file '
                f"name: {ID_RULE}; rename the file to cafe.md" for name in sorted([nfc, nfd])]
    assert code == 1
    assert out.splitlines()[:-1] == expected


def test_translation_file_names_follow_the_id_rule(site: Callable[..., Path]) -> None:
    root = site({"zh/security/Set-Up-2FA.md": "---\ntitle: 设置双重验证\n---\n正文\n"})
    rel = "content/zh/security/Set-Up-2FA.md"
    assert check(root, rel) == report(
        rel, f'1: error: "Set-Up-2FA.md" cannot be an article\'s file name: {ID_RULE}; rename '
             "the file to set-up-2fa.md")


@pytest.mark.parametrize("name", ["lost-2fa-device", "a", "x1", "Lost", "lost_2fa", "café",
                                  "-lost", "lost-", "lost\n", "a--b", "ａｂｃ"])
def test_new_and_the_loader_share_one_rule(site: Callable[..., Path], name: str) -> None:
    root = site()
    code, _, err = run("new", "--root", str(root), "--today", TODAY, "--category", "security",
                       "--type", "faq", "--", name)
    assert (code == 0) == is_valid_id(name)
    if code:
        assert err == (f'helpcentre new: error: "{name}" is not a valid id; use lowercase words '
                       "joined by hyphens, like lost-2fa-device\n")


# -- 7. the sitemap is well-formed XML whatever it holds -----------------------------------

def test_sitemap_escapes_every_value(site: Callable[..., Path]) -> None:
    root = site()
    project = dataclasses.replace(load_project(root), site_url="https://help.example/?a=1&b=<2>/")
    registry = load_registry(project)
    corpus = load_corpus(project, registry, today=None)
    source = corpus.sources["set-up-2fa"]
    # Ids like this are refused by the loader now; the sitemap must not rely on it.
    corpus.sources["q&a"] = dataclasses.replace(source, id="q&a")
    tree = ET.fromstring(sitemap.render(corpus))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in tree.findall("s:url/s:loc", ns)]
    assert "https://help.example/?a=1&b=<2>/security/q&a/" in locs


# -- 8. article size -------------------------------------------------------------------------

def test_an_oversized_article_is_refused(site: Callable[..., Path]) -> None:
    body = "Steps.\n" * (600 * 1024 // 7)
    root = site({"en/security/huge.md": article() + body})
    size = (root / "content/en/security/huge.md").stat().st_size
    kb = -(-size // 1024)
    assert check(root, "content/en/security/huge.md") == report(
        "content/en/security/huge.md",
        f"1: error: the file is {kb:,} KB, more than the 512 KB an article may be; split it into "
        "shorter articles that each answer one question")


def test_an_oversized_article_is_not_read(tmp_path: Path) -> None:
    # 100 MB (sparse: it takes no disk space) is refused from its size; at most
    # one byte more than the limit is read into memory.
    path = tmp_path / "giant.md"
    with path.open("wb") as out:
        out.truncate(100 * 1024 * 1024)
    tracemalloc.start()
    try:
        loaded = load_article(path, display="giant.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [str(p) for p in loaded.problems] == [
        "giant.md:1: error: the file is 102,400 KB, more than the 512 KB an article may be; "
        "split it into shorter articles that each answer one question"]
    assert peak < 2 * MAX_ARTICLE_BYTES


def test_the_size_limit_is_exact(tmp_path: Path) -> None:
    head = article().encode()
    at_limit = head + b"x" * (MAX_ARTICLE_BYTES - len(head))
    assert load_article(tmp_path / "a.md", data=at_limit).problems == ()
    over = load_article(tmp_path / "a.md", display="a.md", data=at_limit + b"x").problems
    assert [p.message.split(",")[0] for p in over] == ["the file is 513 KB"]
