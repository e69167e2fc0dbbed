"""Text -> search terms, decided by script, never by a list of languages.

The same rules run when the index is built and when a reader types, in
Python here and in the browser (``overrides/assets/javascripts/hc-search.js``,
a line-for-line copy; tests/test_search_js.py compares the two on every
sample string and on every code point's class). Change one, change both.

1. NFKC, then lower case: full-width ``ＵＳＤＴ`` is ``usdt``, half-width
   ``ｶﾀｶﾅ`` is ``カタカナ``.
2. Each character gets a class: a script written without spaces between words
   (Han, kana, Thai, Lao, Khmer, Myanmar) or with particles glued to words
   (Hangul); a letter, digit or mark of any other script (a word character);
   a connector (``-``, ``'``, ``_``); or a separator. A language we have never
   heard of still tokenizes by its script.
3. Runs of one space-less script become overlapping character bigrams, as in
   Lucene's CJK analyzer: ``充值未到账`` -> 充值 值未 未到 到账. A run of one
   character is kept as a unigram. Bigrams need no dictionary and match
   whatever the reader leaves out or glues on: ``출금이`` shares ``출금`` with
   ``출금``. Katakana is folded to hiragana first, so ``テザー`` matches ``てざー``.
   Han and kana form one run (Japanese mixes them inside a phrase); Hangul,
   Thai and the others each form their own.
4. Runs of word characters are words, with accents removed (``depósito`` ->
   ``deposito``, ``ё`` -> ``е``): readers often type without them. A word
   joined by connectors (``e-mail``, ``usdt-trc20``) gives its parts and the
   parts glued together (``e``, ``mail``, ``email``), so ``email`` finds
   ``e-mail`` and the reverse. Kinds: ``word`` (alone), ``part`` and
   ``joined`` (a connected word), ``gram`` (a bigram), ``single`` (a run of
   one space-less character).
5. Scripts change at a boundary: ``USDT提币`` is ``usdt`` + ``提币``, ``BTC 출금``
   is ``btc`` + ``출금``.
6. A word longer than STEM_LENGTH letters is followed by its first
   STEM_LENGTH letters (kind ``stem``): a stemmer that needs no language,
   so ``withdrawal``/``withdrawing`` and ``вывода``/``выводом`` meet.
   Truncation comes close to language-specific stemmers in published
   retrieval experiments, and needs no word lists per language.
7. Given the languages the text may be in (``stemmers``), a word is also
   followed by its Snowball root in each (kind ``root``, stemming.py),
   marked with ROOT_MARK: ``synchronizing`` -> ``~synchron``,
   ``depósitos`` -> ``~deposit``, ``deposit`` -> ``~deposit``. Truncation misses what a root catches
   (``buying``/``buy``, ``paid``/``pay`` have no five-letter stem in
   common) and joins what a root keeps apart (``accou``nt/``accou``nting).
8. For the index (``unigrams``), each character of a space-less run of
   UNIGRAM_FAMILIES is also a term of its own (kind ``uni``): a reader's
   one-character word (税, 币, 돈) is then found inside the writer's longer
   one (交税), which no bigram of it shares. The query side asks for them
   at a lower weight (query.py).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .stemming import stem

# Code point blocks cut into bigrams: (first, last, run family). Characters of
# one family form a run; a change of family ends it.
BIGRAM_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x1000, 0x109F, "myanmar"),
    (0x1100, 0x11FF, "hangul"),    # jamo
    (0x1780, 0x17FF, "khmer"),
    (0x2E80, 0x2FDF, "cjk"),       # CJK and Kangxi radicals
    (0x3005, 0x3007, "cjk"),       # 々 〆 〇
    (0x3021, 0x3029, "cjk"),       # Suzhou numerals
    (0x3031, 0x3035, "cjk"),       # kana repeat marks
    (0x3038, 0x303C, "cjk"),
    (0x3041, 0x309F, "cjk"),       # hiragana, voicing marks
    (0x30A1, 0x30FA, "cjk"),       # katakana (U+30FB ・ is punctuation)
    (0x30FC, 0x30FF, "cjk"),       # ー ヽ ヾ ヿ
    (0x3100, 0x312F, "cjk"),       # bopomofo
    (0x3130, 0x318F, "hangul"),    # compatibility jamo
    (0x31A0, 0x31BF, "cjk"),       # bopomofo extended
    (0x31F0, 0x31FF, "cjk"),       # katakana phonetic extensions
    (0x3400, 0x4DBF, "cjk"),       # CJK extension A
    (0x4E00, 0x9FFF, "cjk"),       # CJK unified ideographs
    (0xA960, 0xA97F, "hangul"),    # jamo extended A
    (0xAC00, 0xD7FF, "hangul"),    # syllables, jamo extended B
    (0xF900, 0xFAFF, "cjk"),       # compatibility ideographs
    (0xFF66, 0xFF9F, "cjk"),       # half-width katakana (NFKC widens them first)
    (0x1B000, 0x1B16F, "cjk"),     # kana supplement and extensions
    (0x20000, 0x323AF, "cjk"),     # CJK extensions B to H
)
CONNECTORS = frozenset("-'_\u2010\u2019")  # hyphens, apostrophes, underscore
WORD = "word"
CONNECTOR = "connector"
SEPARATOR = "separator"
# Longer "words" are hashes, addresses and URLs pasted into articles: noise
# that would only grow the index.
MAX_WORD = 40
STEM_LENGTH = 5  # see rule 6
# Roots are terms of their own, marked with a character no word contains: the
# exact word stays exact ("sign" does not find "signed" at full weight) and
# a root matches every inflection at ROOT_WEIGHT. Measured against roots
# mixed with the words, and against roots in place of words (the tokenizer
# emitting only "deposit" for "deposits"), with scripts/search_eval.py on the
# tuned and blind sets, with and without keywords and synonyms: apart was
# best or level on all four (0.911/0.876 against 0.904/0.879 mixed and
# 0.885/0.857 in place, MRR@10, tuned/blind).
ROOT_MARK = "~"
# Run families whose characters are also indexed one by one (rule 8), and
# whether kana are (else only Han characters of those runs).
UNIGRAM_FAMILIES = frozenset({"cjk"})
UNIGRAM_KANA = False

Kind = Literal["word", "part", "joined", "stem", "root", "gram", "single", "uni"]


@dataclass(frozen=True)
class Token:
    """A term and how it was made (the query side treats kinds differently)."""

    term: str
    kind: Kind


@lru_cache(maxsize=65536)
def char_class(ch: str) -> str:
    """A bigram family name, WORD, CONNECTOR or SEPARATOR."""
    cp = ord(ch)
    for first, last, family in BIGRAM_BLOCKS:
        if first <= cp <= last:
            return family
        if cp < first:
            break
    if ch in CONNECTORS:
        return CONNECTOR
    if unicodedata.category(ch)[0] in "LNM":
        return WORD
    return SEPARATOR


def is_unigram(ch: str) -> bool:
    """Whether ``ch`` (of a UNIGRAM_FAMILIES run, kana folded) is indexed alone too (rule 8)."""
    return UNIGRAM_KANA or not 0x3041 <= ord(ch) <= 0x30FF


def fold_kana(ch: str) -> str:
    """Katakana -> hiragana (ァ..ヶ and the repeat marks ヽヾ)."""
    cp = ord(ch)
    if 0x30A1 <= cp <= 0x30F6 or 0x30FD <= cp <= 0x30FE:
        return chr(cp - 0x60)
    return ch


def fold_word(word: str) -> str:
    """Remove accents (combining marks U+0300..U+036F after NFD); ß -> ss."""
    decomposed = unicodedata.normalize("NFD", word)
    stripped = "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F)
    return unicodedata.normalize("NFC", stripped).replace("ß", "ss")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def analyze(text: str, stemmers: tuple[str, ...] = (), unigrams: bool = False) -> list[Token]:
    """Every token of ``text`` in order, with its kind.

    ``stemmers``: the languages whose roots follow each word (rule 7);
    ``unigrams``: also each character of a space-less run (rule 8).
    """
    chars = normalize(text)
    tokens: list[Token] = []
    for start, end, cls in segments(chars):
        if cls == WORD:
            _word(chars[start:end], tokens, stemmers)
            continue
        run = [fold_kana(c) for c in chars[start:end]]
        if len(run) == 1:
            tokens.append(Token(run[0], "single"))
        else:
            tokens.extend(Token(run[k] + run[k + 1], "gram") for k in range(len(run) - 1))
            if unigrams and cls in UNIGRAM_FAMILIES:
                tokens.extend(Token(c, "uni") for c in run if is_unigram(c))
    return tokens


def _word(word: str, tokens: list[Token], stemmers: tuple[str, ...]) -> None:
    """The tokens of one word (``segments``: its parts joined by single connectors)."""
    parts = [""]
    for c in word:
        if c in CONNECTORS:
            parts.append("")
        else:
            parts[-1] += c
    folded = [fold_word(p) for p in parts]
    kind: Kind = "part" if len(folded) > 1 else "word"
    for raw, part in zip(parts, folded, strict=True):
        if 0 < len(part) <= MAX_WORD:
            tokens.append(Token(part, kind))
            if len(part) > STEM_LENGTH:
                tokens.append(Token(part[:STEM_LENGTH], "stem"))
            roots: list[str] = []
            for lang in stemmers:
                root = stem(raw, lang)
                if root:
                    root = ROOT_MARK + fold_word(root)
                    if root not in roots:
                        roots.append(root)
                        tokens.append(Token(root, "root"))
    if len(folded) > 1:
        joined = "".join(folded)
        if 0 < len(joined) <= MAX_WORD:
            tokens.append(Token(joined, "joined"))


def segments(text: str) -> list[tuple[int, int, str]]:
    """The stretches ``analyze`` reads one at a time, as (start, end, class) in code points of ``text``.

    A word with its connected parts (``e-mail``: one stretch, class WORD; a
    connector joins only when a word character follows it directly) or a run
    of one space-less script (``充值未到账``, its family). ``text`` must be
    normalized already (``normalize``). query.py uses the offsets to say
    which words of a query no article holds.
    """
    classes = [char_class(c) for c in text]
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        cls = classes[i]
        if cls in (SEPARATOR, CONNECTOR):
            i += 1
            continue
        j = i
        while j < n and classes[j] == cls:
            j += 1
            if cls == WORD and j + 1 < n and classes[j] == CONNECTOR and classes[j + 1] == WORD:
                j += 1
        out.append((i, j, cls))
        i = j
    return out


def tokenize(text: str, stemmers: tuple[str, ...] = (), unigrams: bool = False) -> list[str]:
    """The terms of ``text`` (what the index stores)."""
    return [t.term for t in analyze(text, stemmers, unigrams)]
