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

- a Latin name typed in katakana or hangul: "メタマスク", "テレグラム",
  "트론". Japanese and Korean help texts, too, keep such names in Latin
  (the etc-faq set's Japanese articles write "MetaMask" 14 times and
  "メタマスク" never). A run of katakana (three or more) or hangul (two
  syllables or more) in the query is read as the consonants it spells
  (``kana_consonants``, ``hangul_consonants``: メタマスク -> "mtmsk"), and
  each Latin term some article is about is read the way Japanese and Korean
  borrow English words (``latin_consonants``: "metamask" -> "mtmsk", with l
  as r, v as b, th as s and an r after a vowel silent, as in サポート). A run
  whose consonants (MIN_CONSONANTS or more) are those of exactly one such
  term also finds that term. Two terms spelling the same consonants ("spot"
  and "support") are a guess too many: the run finds neither.

Both are asked for at a lower weight than the word itself (query.py), and
the first two only for words the index lacks, so a word a writer used is
never bent into another. A katakana or hangul run is read even when its
bigrams are in the index: they are in it by the hundreds (ます, たま).

``overrides/assets/javascripts/hc-search.js`` has a copy of each function;
tests/test_search_js.py checks they agree.
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
# Consonants a katakana or hangul run must spell before it is read as a Latin
# term: two ("トン", "rj") match too many words by chance.
MIN_CONSONANTS = 3
# Articles a Latin term must be in before a katakana or hangul run is read as
# it: a name readers look for is one the help centre mentions more than once,
# and a term in one article only is often a handle or a link's text
# ("ethclassic" spells イーサクラシック's consonants and sent five etc-faq
# queries down).
MIN_MENTIONS = 2

# Each katakana's consonant as English spellings meet it ("" for a vowel, the
# small kana, the long-vowel mark and the small tsu, which doubles the next
# consonant). ザ行 is s (English s is often ズ), チ t (English ch), ヴ b.
KANA_CONSONANTS: dict[str, str] = {}
for _row, _consonant in (("アイウエオァィゥェォャュョヤユヨヲッー", ""), ("カキクケコ", "k"), ("ガギグゲゴ", "g"),
                         ("サシスセソザズゼゾヅ", "s"), ("ジヂ", "j"), ("タチツテト", "t"), ("ダデド", "d"),
                         ("ナニヌネノン", "n"), ("ハヒヘホ", "h"), ("フ", "f"), ("バビブベボヴ", "b"),
                         ("パピプペポ", "p"), ("マミムメモ", "m"), ("ラリルレロ", "r"), ("ワ", "w")):
    for _kana in _row:
        KANA_CONSONANTS[_kana] = _consonant
# Hangul syllables: the consonant of each initial (19) and of the finals read
# in loanwords; a final ㅅ marks a stop (렛저, "ledger") and ㅇ is "ng".
HANGUL_INITIALS = ("g", "g", "n", "d", "d", "r", "m", "b", "b", "s", "s", "", "j", "j", "t", "k", "t", "p", "h")
HANGUL_FINALS = {1: "k", 4: "n", 7: "t", 8: "r", 16: "m", 17: "p", 21: "ng"}


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


def _collapse(consonants: str) -> str:
    """``consonants`` with each run of one letter written once ("mmtt" -> "mt")."""
    out = ""
    for c in consonants:
        if not out or out[-1] != c:
            out += c
    return out


def kana_consonants(run: str) -> str:
    """The consonants a katakana run spells (see KANA_CONSONANTS); ウ before a small vowel is w."""
    out = ""
    for i, c in enumerate(run):
        if c == "ウ" and i + 1 < len(run) and run[i + 1] in "ィェォ":
            out += "w"
        else:
            out += KANA_CONSONANTS.get(c, "")
    return _collapse(out)


def hangul_consonants(run: str) -> str:
    """The consonants a run of hangul syllables spells (see HANGUL_INITIALS)."""
    out = ""
    for c in run:
        number = ord(c) - 0xAC00
        out += HANGUL_INITIALS[number // 588] + HANGUL_FINALS.get(number % 28, "")
    return _collapse(out)


def latin_consonants(word: str) -> str:
    """The consonants of a Latin word as Japanese and Korean borrow it (see the module doc)."""
    out = ""
    i = 0
    while i < len(word):
        c = word[i]
        after = word[i + 1] if i + 1 < len(word) else ""
        pair = c + after
        if pair in ("ph", "th", "sh", "ch", "ck", "qu", "dg"):
            out += {"ph": "f", "th": "s", "sh": "s", "ch": "t", "ck": "k", "qu": "k", "dg": "j"}[pair]
            i += 2
            continue
        if c in "aeiouy":
            pass
        elif c == "c":
            out += "s" if after != "" and after in "eiy" else "k"
        elif c == "g":
            out += "j" if after != "" and after in "ei" else "g"
        elif c == "r":
            if not (i > 0 and word[i - 1] in "aeiou" and (after == "" or after not in "aeiouy")):
                out += "r"  # an r after a vowel and before no vowel is not said
        else:
            out += {"x": "ks", "z": "s", "l": "r", "v": "b", "q": "k"}.get(c, c)
        i += 1
    return _collapse(out)


def loanwords(text: str) -> list[str]:
    """The katakana runs (three or more) and hangul runs (two syllables or more) of ``text``, in order.

    ``text`` is normalized (NFKC: half-width katakana are full-width).
    """
    runs: list[str] = []
    run, script = "", ""
    for c in text + " ":
        kind = "kana" if ("ァ" <= c <= "ヴ" or c == "ー") else "hangul" if "가" <= c <= "힣" else ""
        if kind != script or not kind:
            if len(run) >= (3 if script == "kana" else 2):
                runs.append(run)
            run, script = "", kind
        run += c if kind else ""
    return runs


def consonants(run: str) -> str:
    """The consonants of a run ``loanwords`` found."""
    return hangul_consonants(run) if "가" <= run[0] <= "힣" else kana_consonants(run)
