"""Other spellings of a word the index does not hold: a typo's neighbours, a Cyrillic word in Latin.

Two things readers type that no writer's word matches:

- a typo: "withdrawl", "verfication". A word of at least FUZZY_MIN letters
  that the index lacks (neither the word nor its root) also matches the
  index terms one edit away (Damerau-Levenshtein: one letter added, dropped,
  changed, or two neighbours swapped) that begin with the same letter and
  that some article is about (a title, keyword, summary or heading holds
  them). "staking", which no article uses, is a word, not a misspelling of
  "staying" in one answer's text: it finds nothing, and the reader gets the
  "nothing found" help. Shorter words are left alone: one edit from "mande"
  (Spanish, "I sent") or "entro" are other words, and on the evaluation
  sets fuzzy matching of five- and six-letter words moved four answers down
  and none up.
- a Latin name typed in Cyrillic: "метамаск", "трон", "биткоин". Russian
  help texts keep product and network names in Latin (the etc-faq set's
  Russian articles write "Ethereum Classic" 74 times and "эфир" 3), while
  Russian readers type them as they say them. A Cyrillic word the index
  lacks is also looked up by its Latin reading (``latin``), exactly and, if
  the reading is long enough, one edit away: "метамаск" -> "metamask",
  "трон" -> "tron", "биткоин" -> "bitkoin" -> "bitcoin".

Both are asked for at a lower weight than the word itself (query.py), and
only for words the index lacks, so a word a writer used is never bent into
another. ``overrides/assets/javascripts/hc-search.js`` has a copy of each
function; tests/test_search_js.py checks they agree.
"""

from __future__ import annotations

from .tokenize import WORD, char_class

# Cyrillic -> Latin, one letter at a time: ISO 9's base letters with the
# digraphs English texts use (ж zh, х kh, ц ts, ч ch, ш sh, щ shch), ю/я as
# iu/ia, and the signs dropped. A rough reading is enough: what it meets is
# then matched one edit away.
CYRILLIC_TO_LATIN: dict[str, str] = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"), strict=True))
FUZZY_MIN = 7  # letters a word needs before its one-edit neighbours count (see above)
MAX_SPELLINGS = 3  # neighbours kept per word, those in most articles first


def latin(word: str) -> str | None:
    """``word`` in Latin letters if it is written wholly in Russian's alphabet, else None."""
    if not word or not all(c in CYRILLIC_TO_LATIN for c in word):
        return None
    return "".join(CYRILLIC_TO_LATIN[c] for c in word)


def fuzzy_candidate(word: str) -> bool:
    """Whether ``word`` is long enough, and plain enough, to look for its one-edit neighbours.

    Word characters of alphabetic scripts only (below U+3000: no CJK or
    Hangul, and no surrogate pairs for JavaScript to count differently) and
    no ASCII digits: "trc20" and hashes are not misspellings.
    """
    return len(word) >= FUZZY_MIN and all(
        char_class(c) == WORD and ord(c) < 0x3000 and not "0" <= c <= "9" for c in word)


def within_one_edit(a: str, b: str) -> bool:
    """True if ``b`` is ``a`` with at most one letter added, dropped, changed, or two neighbours swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (
            i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:])
    if len(a) > len(b):
        return a[i + 1:] == b[i:]
    return a[i:] == b[i + 1:]
