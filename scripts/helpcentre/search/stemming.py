"""Snowball stemmers: a word's root, so "withdrawals" finds "withdrawing" and "выводом" "вывода".

The Python package snowballstemmer (2.2.0, pinned in constraints.txt) here;
in the browser, ``overrides/assets/javascripts/hc-snowball.js``, cut from the
npm package snowball-stemmers 0.6.0, a translation of the same Snowball
programs. The two give the same root for every word of tests/test_search_stem.py
(the words of content/ and of the evaluation queries, 2,000 and more per
language). Newer snowballstemmer releases (3.x) changed the English and
Spanish programs and no JavaScript translation on npm follows them, so the
pin is deliberate: a root the browser computes differently from the index
is a word that silently stops matching.

Which stemmer: the one of the language the text is written in (an article's
own language, or English for a fallback), never a guess. A language
without one in STEMMERS is simply not stemmed; its words still meet through
the tokenizer's truncation (tokenize.py, rule 6).

Only words written wholly in the stemmer's alphabet are stemmed (an English
stemmer has nothing to say about "вывод" or "2fa", and outside that alphabet
the Python and JavaScript translations could count characters differently).
The root is taken from the word as written, accents and all (Snowball's
Spanish rules read them: "información" -> "inform"), then folded like every
term (``fold_word``). The Russian stemmer of the JavaScript translation
predates Snowball's own ё -> е, so ё is replaced first, on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import snowballstemmer


@dataclass(frozen=True)
class Stemmer:
    algorithm: str  # snowballstemmer's name, and hc-snowball.js's
    alphabet: frozenset[str]  # the lower-case letters its rules are written for


_LATIN = "abcdefghijklmnopqrstuvwxyz"
# Language code -> its stemmer. A capability table (what the two packages
# both offer and tests prove equal), not a list of the site's languages:
# a site language missing here is searched without stemming.
STEMMERS: dict[str, Stemmer] = {
    "en": Stemmer("english", frozenset(_LATIN)),
    "es": Stemmer("spanish", frozenset(_LATIN + "áéíóúüñ")),
    "ru": Stemmer("russian", frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяё")),
}


@cache
def _program(algorithm: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str | None:
    """The root of ``word`` (lower case, not yet folded) in ``lang``, or None if it has none.

    None: no stemmer for ``lang``, or a character outside its alphabet.
    """
    stemmer = STEMMERS.get(lang)
    if stemmer is None or not word or not all(c in stemmer.alphabet for c in word):
        return None
    return _program(stemmer.algorithm).stemWord(word.replace("ё", "е"))


def stemming_languages(langs: list[str] | tuple[str, ...]) -> list[str]:
    """The languages of ``langs`` that have a stemmer, in order, each once."""
    out: list[str] = []
    for lang in langs:
        if lang in STEMMERS and lang not in out:
            out.append(lang)
    return out
