"""The one loader, called directly: encodings, line numbers and the hardened YAML.

`test_check.py` runs every problem through `helpcentre check`; these pin the
loader's own contract (what it returns, which line it blames) on the cases
where the detail matters.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcentre.content.loader import (
    MAX_FRONT_MATTER_BYTES,
    AliasRefused,
    decode,
    load_article,
    load_yaml,
    parse_front_matter,
)
from helpcentre.content.problems import Problem

FIXTURES = Path(__file__).parent / "fixtures" / "check"
ALIASES_REFUSED = ("YAML aliases (`*name`) are not allowed in front matter; write the value "
                   "out in full")


def parse(text: str) -> tuple[object, dict[str, int], Problem | None]:
    return parse_front_matter(text.split("\n"), "a.md")


def test_bom_and_crlf_are_read_as_plain_text() -> None:
    assert decode(b"\xef\xbb\xbf---\r\ntitle: x\r\n---\rBody\r\n", "a.md") == (
        "---\ntitle: x\n---\nBody\n", None)


def test_good_sample_with_bom_and_crlf_keeps_its_line_numbers() -> None:
    loaded = load_article(FIXTURES / "good" / "withdrawal-pending.md", display="a.md")
    assert loaded.problems == ()
    assert loaded.meta is not None and loaded.meta.title == "Why is my withdrawal pending?"
    assert loaded.field_lines == {"title": 2, "summary": 3, "type": 4, "coins": 5,
                                  "reviewed": 6, "owner": 7, "keywords": 8}
    assert loaded.body_line == 10
    assert loaded.body.startswith("Most withdrawals are sent within minutes.")
    assert "\r" not in loaded.body


def test_non_utf8_names_the_line_of_the_bad_byte() -> None:
    loaded = load_article(FIXTURES / "bad" / "not-utf8.md", display="a.md")
    assert loaded.meta is None
    assert loaded.problems == (Problem(
        "a.md", 2, "error", "the file is not UTF-8 text (byte 0xe9 on this line); save it "
        "with UTF-8 encoding in your editor"),)


@pytest.mark.parametrize(("text", "line"), [
    ("a: &x [1]\nb: *x", 3),              # an alias as a value
    ("a: &x hello\nb: [c, *x]", 3),       # an alias inside a list
    ("a: *nowhere", 2),                   # an alias to no anchor
    ("a: &a [*a]", 2),                    # an alias to itself
])
def test_every_alias_is_refused_on_its_line(text: str, line: int) -> None:
    assert parse(text) == (None, {}, Problem("a.md", line, "error", ALIASES_REFUSED))


def test_an_anchor_without_alias_is_harmless() -> None:
    assert parse("title: &t Hello\ntype: faq") == (
        {"title": "Hello", "type": "faq"}, {"title": 2, "type": 3}, None)


def test_alias_bomb_is_refused_without_expanding_it() -> None:
    # Nine levels of nine aliases would expand to 9**10 items; the loader
    # refuses at the first alias instead (bounded by the text, not by the expansion).
    text = (FIXTURES / "bad" / "alias-bomb.md").read_text(encoding="utf-8")
    block = text.split("---\n")[1]
    assert parse_front_matter(block.rstrip("\n").split("\n"), "a.md") == (
        None, {}, Problem("a.md", 4, "error", ALIASES_REFUSED))
    with pytest.raises(AliasRefused):
        load_yaml(block)


def test_registries_refuse_aliases_too() -> None:
    with pytest.raises(AliasRefused):
        load_yaml("a: &x 1\nb: *x\n")


def test_dates_stay_text_until_the_schema_reads_them() -> None:
    assert load_yaml("reviewed: 2025-02-30\nn: 3\n") == {"reviewed": "2025-02-30", "n": 3}


def test_python_tags_are_refused_not_run() -> None:
    assert parse("title: !!python/object/apply:os.system ['echo pwned']") == (
        None, {}, Problem("a.md", 2, "error", "the YAML tag `!!python/object/apply:os.system` "
                          "is not allowed in front matter; write plain values only"))


def test_any_other_tag_is_refused() -> None:
    assert parse("title: !secret x") == (None, {}, Problem(
        "a.md", 2, "error", "the YAML tag `!secret` is not allowed in front matter; write "
        "plain values only"))


def test_a_list_as_a_field_name_is_explained() -> None:
    assert parse("? [a, b]\n: c") == (None, {}, Problem(
        "a.md", 2, "error", "the front matter is not valid here (found unhashable key); each "
        "line must be `field: value`"))


def test_oversized_front_matter_is_refused_before_parsing() -> None:
    lines = ["keywords: [" + ", ".join(["word"] * (MAX_FRONT_MATTER_BYTES // 5)) + "]"]
    assert parse_front_matter(lines, "a.md") == (None, {}, Problem(
        "a.md", 1, "error", "the front matter is larger than 64 KB; it should hold only a few "
        "short fields"))


def test_empty_front_matter_is_an_empty_mapping() -> None:
    assert parse("") == ({}, {}, None)


def test_unreadable_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    loaded = load_article(tmp_path / "missing.md", display="missing.md")
    assert loaded.problems == (Problem("missing.md", 1, "error",
                                       "cannot read the file (No such file or directory)"),)
