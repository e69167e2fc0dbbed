"""Traditional Chinese folded to Simplified: a reader in Taiwan or Hong Kong finds Simplified answers.

Readers of the Chinese help centre do not all write the same characters: in
Taiwan, Hong Kong and Macau they type Traditional ones (錢包, 驗證, 提幣),
while the articles are written in Simplified (钱包, 验证, 提币). The index
holds character bigrams, so without this not one word of such a query
matches: "錢包地址" and "钱包地址" share no term.

So the Chinese index folds every Traditional character to its Simplified
form, and the query side does the same to what the reader types, before
either is cut into terms: one character for another, so positions and
bigrams stay as they were. Articles written in Traditional are folded alike
and found by either script. Words that differ between the regions, not
just in their characters (軟體 and 软件, "software"), are a writer's synonym
(translations/synonyms/zh.yml), not this.

Data: ``data/traditional-zh.txt`` beside this file, one pair a line, the
Traditional character then the Simplified one. Made once by
``python -m helpcentre.search.traditional`` with the PyPI package opencc
(Open Chinese Convert, Apache License 2.0): each CJK Unified Ideograph
(with Extension A) converted alone by its t2s, tw2s and hk2s
configurations, the first that changes it into one character wins. A
character with more than one Simplified form takes OpenCC's first (乾 ->
干); a fold need only be the same on both sides, not a perfect conversion.

The index ships only the pairs whose Simplified character occurs in one of
its terms (``for_index``): any other character finds nothing either way.
``overrides/assets/javascripts/hc-search.js`` folds a query with those
pairs; tests/test_search_js.py checks it agrees.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "traditional-zh.txt"
# Index languages whose text and queries are folded: Chinese only. Japanese
# kanji (発, 売) are neither form and Japanese readers do not type the other.
FOLDED = frozenset({"zh"})
# What the table covers: CJK Unified Ideographs and Extension A.
RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))

HEADER = """\
# Traditional Chinese character -> Simplified, for search (scripts/helpcentre/search/traditional.py).
# Made with `python -m helpcentre.search.traditional` from OpenCC 1.4.2 (the PyPI
# package opencc: Open Chinese Convert, https://github.com/BYVoid/OpenCC),
# by Carbo Kuo and the contributors its AUTHORS file names.
#
# Licensed under the Apache License, Version 2.0 (see LICENSE-opencc.txt beside
# this file); you may not use this file except in compliance with the License.
# Changed from the original: OpenCC's conversion of each character alone,
# written as "traditional simplified" lines.
"""


@cache
def load_table() -> dict[str, str]:
    """Traditional character -> Simplified character."""
    table = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, simplified = line.split(" ")
            table[traditional] = simplified
    return table


def table_for(lang: str) -> dict[str, str]:
    """The fold an index of ``lang`` applies ({} for a language not in FOLDED)."""
    return load_table() if lang in FOLDED else {}


def fold(text: str, table: dict[str, str]) -> str:
    """``text`` with every character of ``table`` replaced by its Simplified form."""
    if not table:
        return text
    return "".join(table.get(c, c) for c in text)


def for_index(table: dict[str, str], terms: Iterable[str]) -> str:
    """The pairs an index ships, as one string: Traditional, Simplified, Traditional, ...

    Only those whose Simplified character occurs in ``terms`` (see the module doc).
    """
    present = {c for term in terms for c in term}
    return "".join(t + s for t, s in sorted(table.items()) if s in present)


def parse_pairs(pairs: str) -> dict[str, str]:
    """``for_index``'s string as a table again (what the query side reads)."""
    return {pairs[i]: pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}


# -- making the data file ---------------------------------------------------------
def from_opencc() -> dict[str, str]:
    import opencc  # a development tool only: not needed to build or search

    converters = [opencc.OpenCC(config) for config in ("t2s", "tw2s", "hk2s")]
    table = {}
    for start, end in RANGES:
        for point in range(start, end + 1):
            char = chr(point)
            for converter in converters:
                simplified = converter.convert(char)
                # One character of the Basic Multilingual Plane: one UTF-16 unit in JavaScript too.
                if simplified != char and len(simplified) == 1 and ord(simplified) < 0x10000:
                    table[char] = simplified
                    break
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make data/traditional-zh.txt (needs the PyPI package opencc).")
    parser.parse_args(argv)
    table = from_opencc()
    sys.stdout.write(HEADER + "".join(f"{t} {s}\n" for t, s in table.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
