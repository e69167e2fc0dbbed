"""Answer a query from an index file: the same steps the browser runs.

``overrides/assets/javascripts/hc-search.js`` is a line-for-line copy of
``clauses`` and ``SearchIndex``; tests/test_search_js.py checks that both
return the same documents, scores and matched terms for the same index.

A query becomes clauses, one per word or bigram the reader typed; a clause
matches if any of its alternatives does:
- a word longer than five letters may also match by its first five (the
  tokenizer's stem): "withdrawing" finds "withdrawal", "вывода" finds "вывод";
- a word may also match by its Snowball root in each language the index
  stems (``stemmers`` in the index): "syncing" finds "sync", "compré" finds
  "comprar";
- a CJK bigram may also match its Han characters on their own, at
  UNIGRAM_WEIGHT (the index holds each Han character too): "交税" finds "税";
- a word or phrase of the general-language thesaurus (thesaurus.py) also
  matches the words it finds, at THESAURUS_WEIGHT, where no writer's synonym
  group already covers it: "buy" finds "purchase";
- a word joined by a connector (``e-mail``) matches its parts or the parts
  glued together (``email``);
- a word the index lacks also matches its other spellings (spelling.py), at
  FUZZY_WEIGHT: the index terms one edit away from a long word
  (``withdrawl`` finds "withdrawal"), and a Cyrillic word's Latin reading
  exactly, at READING_WEIGHT, or one edit away (``метамаск`` finds
  "metamask", ``биткоин`` "bitcoin");
- each bigram of a katakana or hangul run also matches the one Latin term
  spelling the run's consonants, at READING_WEIGHT (spelling.py:
  ``メタマスク`` and ``메타마스크`` find "metamask");
- a span that is a member of a synonym group matches any member;
- the last word, while still being typed (no space after it), and a lone
  CJK character also match the terms they begin (``withdr`` -> withdrawal),
  so results appear as the reader types;
- a query that finds nothing is tried once more with its CJK and Hangul
  characters apart (``spread``).

Scoring is BM25: a term's idf times the weight stored for it in a document
(fields already boosted at build time). Two adjustments for help centres,
where every article repeats the same advice ("never share your password"):
- idf counts an article that only *mentions* a term in its body as a quarter
  of one that is *about* it (title, keywords, summary, headings, category),
  so "password" still identifies the password article;
- a document's sum is multiplied by the share of the query it matches, each
  clause counted by its idf, so matching the rare words the reader typed
  counts more than matching "how" and "my".

``SearchIndex.missing`` names the words of a query that no article holds in
any of those forms: the site shows them under the results ("No article uses:
pw") and ``helpcentre search`` prints them, so a reader can put it another
way and a writer can add the word as a keyword or synonym.

Only the first MAX_QUERY_LENGTH characters of a query are read (``shorten``),
after Traditional Chinese characters are folded to Simplified where the index
says so (traditional.py: the Chinese index).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .index import FORMAT, VERSION, WEIGHT_SCALE, utf16_key
from .packing import cumulative, read_numbers, skip_numbers, unpack_numbers, unpack_terms
from .spelling import (
    MAX_SPELLINGS,
    MIN_CONSONANTS,
    MIN_MENTIONS,
    consonants,
    fuzzy_candidate,
    latin,
    latin_consonants,
    loanwords,
    within_one_edit,
)
from .tokenize import (
    CONNECTOR,
    SEPARATOR,
    UNIGRAM_FAMILIES,
    WORD,
    Token,
    analyze,
    char_class,
    fold_kana,
    is_unigram,
    normalize,
    segments,
)
from .traditional import fold, parse_pairs

# How much a looser match counts against the exact word the reader typed.
# Set by judgment (exact > root > synonym > completion > same first letters >
# thesaurus > lone character) and checked with scripts/search_eval.py; none
# was fitted to the query list. Cross-validated with index.py's settings
# (see FIELD_BOOSTS there): no other value chosen on four sets did better on
# the fifth.
SYNONYM_WEIGHT = 0.8
PREFIX_WEIGHT = 0.7
STEM_WEIGHT = 0.6
ROOT_WEIGHT = 0.8  # the Snowball root of a word (stemming.py)
UNIGRAM_WEIGHT = 0.3  # a bigram's two characters found apart
THESAURUS_WEIGHT = 0.5  # a general-language thesaurus word (below a writer's synonym)
READING_WEIGHT = 0.8  # a Cyrillic word's Latin reading, as the index holds it (spelling.py)
FUZZY_WEIGHT = 0.5  # a term one edit away from a word the index lacks (spelling.py)
STOP_WEIGHT = 0.1  # a stop word ("my", "how", "de"): it still counts, but barely
MENTION_WEIGHT = 0.25  # a body-only mention, in idf's document count (see above)
MAX_EXPANSIONS = 50  # completions kept per word, most frequent first: bounds keystroke time
MIN_PREFIX = 2  # one letter is too little to complete a word from (a lone CJK character is not)
SCORE_DIGITS = 1e6  # scores are rounded so Python and JavaScript agree exactly
# Longer queries are cut to this many characters (code points, so Python and
# JavaScript cut in the same place). Four times the longest of the 189 queries
# in tests/search_eval/queries.yml (48), so a question typed or pasted whole
# fits; a pasted page does not: a 26,000-character query took 5.3 s (English)
# and 6.9 s (Chinese) here on a 2,000-article index (helpcentre corpus), 1.0 s
# in node. Cut to 200, the same queries take under 0.07 s.
MAX_QUERY_LENGTH = 200
# Characters of a space-less run that no found bigram holds before they are
# reported missing (``SearchIndex.missing``): one alone is most often a
# particle or an ending (的, 了, 이), which no reader needs to rephrase.
MIN_MISSING_RUN = 2
# Kinds of token that are query terms in clauses (a stem or root follows its word).
TERM_KINDS = ("word", "part", "gram", "single")


class IndexFormatError(ValueError):
    pass


@dataclass(frozen=True)
class QueryTerm:
    term: str
    prefix: bool


@dataclass(frozen=True)
class Alternative:
    terms: tuple[QueryTerm, ...]
    weight: float
    # Made by the search, not typed (a root, a bigram's characters): a term
    # of it the index lacks says nothing about how rare the reader's word is.
    derived: bool = False
    # A bigram's two characters found apart (UNIGRAM_WEIGHT): a match of it
    # does not make the bigram a word some article holds (``missing``).
    apart: bool = False


@dataclass(frozen=True)
class Clause:
    alternatives: tuple[Alternative, ...]
    size: int  # how many of the reader's terms this clause stands for
    weight: float = 1.0  # STOP_WEIGHT for a stop word, else 1


@dataclass(frozen=True)
class Hit:
    rank: int
    id: str
    url: str
    title: str
    summary: str
    fallback: bool
    score: float
    matched: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Unit:
    """One word or bigram of the query (a connected word is one unit)."""

    terms: tuple[QueryTerm, ...]
    joined: QueryTerm | None = None
    stem: QueryTerm | None = None
    roots: tuple[QueryTerm, ...] = ()


# A thesaurus entry as the query side uses it: the forms each word of its key
# may take (the word, its root), and the terms of each target.
Entry = tuple[tuple[frozenset[str], ...], tuple[tuple[str, ...], ...]]


def read_thesaurus(entries: list[list[str]]) -> dict[str, list[Entry]]:
    """The index's thesaurus, by each form its key's first word may take."""
    by_form: dict[str, list[Entry]] = {}
    for key, *targets in entries:
        words = tuple(frozenset(word.split("|")) for word in key.split(" "))
        entry = (words, tuple(tuple(t.split(" ")) for t in targets))
        for form in sorted(words[0]):
            by_form.setdefault(form, []).append(entry)
    return by_form


def _units(tokens: list[Token], prefix_last: bool) -> list[_Unit]:
    units: list[_Unit] = []
    pending: list[QueryTerm] = []  # parts of a connected word, until its joined form

    def flush() -> None:
        units.extend(_Unit((t,)) for t in pending)
        pending.clear()

    last = sum(t.kind not in ("stem", "root") for t in tokens) - 1
    i = -1  # position among the tokens that are not stems or roots
    previous = ""
    for token in tokens:
        if token.kind in ("stem", "root"):
            # Stems and roots follow their word; a connected word's parts keep none.
            if previous == "word":
                unit = units[-1]
                if token.kind == "stem":
                    units[-1] = _Unit(unit.terms, stem=QueryTerm(token.term, False), roots=unit.roots)
                else:
                    units[-1] = _Unit(unit.terms, stem=unit.stem,
                                      roots=(*unit.roots, QueryTerm(token.term, False)))
            continue
        i += 1
        previous = token.kind
        long_enough = len(token.term) >= MIN_PREFIX
        prefix = token.kind == "single" or (prefix_last and i == last and long_enough
                                            and token.kind in ("word", "joined"))
        if token.kind == "part":
            pending.append(QueryTerm(token.term, prefix_last and i == last - 1 and long_enough))
        elif token.kind == "joined":
            units.append(_Unit(tuple(pending), QueryTerm(token.term, prefix)))
            pending.clear()
        else:
            flush()
            units.append(_Unit((QueryTerm(token.term, prefix),)))
    flush()
    return units


def _is_prefix_query(query: str) -> bool:
    """True while the last word is still being typed (nothing follows it)."""
    chars = list(normalize(query))
    return bool(chars) and char_class(chars[-1]) not in (SEPARATOR, CONNECTOR)


def spread(query: str) -> str:
    """``query`` with every character of a space-less script apart (the search when nothing matched).

    A bigram the index lacks ("이클", a reader's nickname for a coin) finds
    nothing; each of its characters alone then matches the terms it begins,
    as a lone character typed does, so a query never ends with no results
    while one of its characters occurs somewhere.
    """
    out = []
    for ch in normalize(shorten(query)):
        out.append(ch + " " if char_class(ch) not in (WORD, CONNECTOR, SEPARATOR) else ch)
    return "".join(out)


def shorten(query: str) -> str:
    """``query`` cut to MAX_QUERY_LENGTH characters (see there); callers can tell by the length."""
    return query[:MAX_QUERY_LENGTH]


def clauses(query: str, synonyms: list[list[str]], stopwords: frozenset[str] = frozenset(),
            oneway: frozenset[int] = frozenset(), stemmers: tuple[str, ...] = (),
            thesaurus: dict[str, list[Entry]] | None = None,
            known: Callable[[str], bool] = lambda term: False,
            near: Callable[[QueryTerm], tuple[str, ...]] = lambda qt: (),
            sounding: Callable[[str], tuple[str, ...]] = lambda key: ()) -> list[Clause]:
    """The query as clauses (see the module doc).

    ``known``: whether the index holds a term; ``near``: the index terms one
    edit away from a query term (``SearchIndex.near``); ``sounding``: the
    Latin term whose consonants are a key (``SearchIndex.sounding``). All
    default to an empty index's answers, so clauses can be made without one.
    """
    query = shorten(query)
    units = _units(analyze(query, stemmers), _is_prefix_query(query))
    readings = _loanword_readings(query, units, sounding)
    groups = [[tuple(t.term for u in _units(analyze(p), False) for t in u.terms) for p in g]
              for g in synonyms]
    out: list[Clause] = []
    i = 0
    while i < len(units):
        span, members = _synonym_at(units, i, groups, oneway)
        if span:
            own = tuple(t for u in units[i:i + span] for t in u.terms)
            alts = [Alternative(own, 1.0)]
            alts += [Alternative(tuple(QueryTerm(t, False) for t in m), SYNONYM_WEIGHT)
                     for m in members]
            out.append(Clause(tuple(alts), len(own)))
            i += span
            continue
        span, targets = _thesaurus_at(units, i, thesaurus or {}, known)
        if span > 1:
            own = tuple(t for u in units[i:i + span] for t in u.terms)
            alts = [Alternative(own, 1.0)]
            alts += [Alternative(tuple(QueryTerm(t, False) for t in target), THESAURUS_WEIGHT, True)
                     for target in targets]
            out.append(Clause(tuple(alts), len(own)))
            i += span
            continue
        unit = units[i]
        weight = STOP_WEIGHT if all(t.term in stopwords for t in unit.terms) else 1.0
        alts = [Alternative(unit.terms, weight)]
        if unit.joined is not None:
            alts.append(Alternative((unit.joined,), weight))
        if unit.stem is not None:
            alts.append(Alternative((unit.stem,), STEM_WEIGHT * weight))
        alts += [Alternative((root,), ROOT_WEIGHT * weight, True) for root in unit.roots]
        alts += _spellings(unit, weight, known, near)
        alts += [Alternative((QueryTerm(term, False),), READING_WEIGHT * weight, True)
                 for term in readings.get(i, ())]
        if len(unit.terms) == 1 and _is_gram(unit.terms[0].term) and _unigrams(unit.terms[0].term):
            alts.append(Alternative(_unigrams(unit.terms[0].term), UNIGRAM_WEIGHT * weight, True, True))
        alts += [Alternative(tuple(QueryTerm(t, False) for t in target), THESAURUS_WEIGHT * weight, True)
                 for target in targets]
        out.append(Clause(tuple(alts), len(unit.terms), weight))
        i += 1
    return out


def _spellings(unit: _Unit, weight: float, known: Callable[[str], bool],
               near: Callable[[QueryTerm], tuple[str, ...]]) -> list[Alternative]:
    """Other spellings of a one-word unit the index lacks, word and roots alike (spelling.py)."""
    if len(unit.terms) != 1 or unit.joined is not None:
        return []
    typed = unit.terms[0]
    if known(typed.term) or any(known(root.term) for root in unit.roots):
        return []
    # The word one edit away, then (for a Cyrillic word) its Latin reading, and that one edit away.
    spellings = [(typed, None)]
    reading = latin(typed.term)
    if reading is not None:
        spellings.append((QueryTerm(reading, typed.prefix), READING_WEIGHT))
    out: list[Alternative] = []
    for spelling, exact in spellings:
        if exact is not None:
            out.append(Alternative((spelling,), exact * weight, True))
        if fuzzy_candidate(spelling.term):
            out += [Alternative((QueryTerm(term, False),), FUZZY_WEIGHT * weight, True)
                    for term in near(spelling)]
    return out


def _loanword_readings(query: str, units: list[_Unit],
                       sounding: Callable[[str], tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
    """Unit number -> the Latin term its katakana or hangul run reads as (spelling.py).

    Each bigram of the run gets the term, so the name counts as much as the
    run's bigrams do. Runs are found in order, each from where the last one ended.
    """
    out: dict[int, tuple[str, ...]] = {}
    start = 0
    for run in loanwords(normalize(query)):
        key = consonants(run)
        terms = sounding(key) if len(key) >= MIN_CONSONANTS else ()
        folded = [fold_kana(c) for c in run]
        grams = [folded[k] + folded[k + 1] for k in range(len(folded) - 1)]
        for i in range(start, len(units) - len(grams) + 1):
            if all(units[i + k].joined is None and [t.term for t in units[i + k].terms] == [grams[k]]
                   for k in range(len(grams))):
                if terms:
                    out.update((i + k, terms) for k in range(len(grams)))
                start = i + len(grams)
                break
    return out


def _forms(unit: _Unit) -> frozenset[str]:
    """What a query word may be in a thesaurus key: itself or a root ({} for a connected word)."""
    if len(unit.terms) != 1 or unit.joined is not None:
        return frozenset()
    return frozenset((unit.terms[0].term, *(r.term for r in unit.roots)))


def _thesaurus_at(units: list[_Unit], i: int, thesaurus: dict[str, list[Entry]],
                  known: Callable[[str], bool]) -> tuple[int, tuple[tuple[str, ...], ...]]:
    """The longest thesaurus key starting at unit ``i``: (units it spans, its targets).

    Only a key with a word the index does not hold (``known``: neither the word
    nor a root of it): where the writers use the reader's word, the thesaurus
    has nothing to add and only brings in other senses ("supply" finding
    "provide" sent "max supply ethereum classic inflation" from the first
    answer to the fourth, on the etc-faq set).
    """
    best_span: int = 0
    best: tuple[tuple[str, ...], ...] = ()
    seen: set[int] = set()
    for form in sorted(_forms(units[i])):
        for entry in thesaurus.get(form, ()):
            if id(entry) in seen:
                continue
            seen.add(id(entry))
            words, targets = entry
            if len(words) > best_span and i + len(words) <= len(units) and \
                    all(words[k] & _forms(units[i + k]) for k in range(len(words))) and \
                    not all(any(known(f) for f in _forms(units[i + k])) for k in range(len(words))):
                best_span, best = len(words), targets
    return best_span, best


def _is_gram(term: str) -> bool:
    """A bigram of a space-less script (whose characters the index also holds alone)."""
    return len(term) == 2 and all(char_class(c) in UNIGRAM_FAMILIES for c in term)


def _unigrams(term: str) -> tuple[QueryTerm, ...]:
    """The characters of a bigram the index also holds alone."""
    return tuple(QueryTerm(c, False) for c in term if is_unigram(c))


def _synonym_at(units: list[_Unit], i: int, groups: list[list[tuple[str, ...]]],
                oneway: frozenset[int]) -> tuple[int, list[tuple[str, ...]]]:
    """The longest synonym member starting at unit ``i``: (units it spans, other members)."""
    best_span, best_members = 0, []
    for number, group in enumerate(groups):
        for member in group[:1] if number in oneway else group:
            if not member:
                continue
            span = _match(units, i, member)
            if span > best_span:
                best_span = span
                best_members = [m for m in group if m and m != member]
    return best_span, best_members


def _match(units: list[_Unit], i: int, member: tuple[str, ...]) -> int:
    """Units covered when ``member`` matches the query terms from unit ``i`` on, else 0."""
    k, j = 0, i
    while j < len(units) and k < len(member):
        terms = units[j].terms
        if tuple(t.term for t in terms) != member[k:k + len(terms)]:
            return 0
        k += len(terms)
        j += 1
    return j - i if k == len(member) else 0


class SearchIndex:
    """An index file, decoded lazily: a block of terms or a term's postings when first used."""

    def __init__(self, data: dict[str, Any]):
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise IndexFormatError(f"not a {FORMAT} index of version {VERSION}")
        self.lang: str = data["lang"]
        self.fallback_label: str = data["fallback_label"]
        self.docs: list[dict[str, Any]] = data["docs"]
        self.synonyms: list[list[str]] = data["synonyms"]
        self.stopwords = frozenset(data["stopwords"])
        self.oneway = frozenset(data["oneway"])
        self.stemmers: tuple[str, ...] = tuple(data["stemmers"])
        self.thesaurus = read_thesaurus(data["thesaurus"])
        self.fold = parse_pairs(data["fold"])
        self.block: int = data["block"]
        self.start = cumulative(unpack_numbers(data["df"]))
        self.about = unpack_numbers(data["about"])
        self.term_count = len(self.about)
        # Block offsets count UTF-16 code units (JavaScript's string indexes).
        self._terms = data["terms"].encode("utf-16-le", "surrogatepass")
        self._postings: str = data["postings"]
        self._weights: str = data["weights"]
        self._term_at = cumulative(unpack_numbers(data["term_blocks"]))
        self._posting_at = cumulative(unpack_numbers(data["posting_blocks"]))
        self._weight_at = cumulative(unpack_numbers(data["weight_blocks"]))
        self._heads = [utf16_key(self._head(b)) for b in range(len(self._term_at) - 1)]
        self._blocks: dict[int, list[str]] = {}
        self._lists: dict[int, tuple[list[int], list[int]]] = {}
        self._sounds: dict[str, list[str]] | None = None

    def _block_text(self, block: int) -> str:
        start, end = 2 * self._term_at[block], 2 * (self._term_at[block + 1] - 1)
        return self._terms[start:end].decode("utf-16-le", "surrogatepass")

    def _head(self, block: int) -> str:
        """A block's first term (written whole, after its "shares 0" character)."""
        return self._block_text(block).partition("\n")[0][1:]

    def _block_terms(self, block: int) -> list[str]:
        terms = self._blocks.get(block)
        if terms is None:
            terms = self._blocks[block] = unpack_terms(self._block_text(block))
        return terms

    def term(self, number: int) -> str:
        return self._block_terms(number // self.block)[number % self.block]

    def df(self, number: int) -> int:
        return self.start[number + 1] - self.start[number]

    def postings(self, number: int) -> tuple[list[int], list[int]]:
        """A term's documents (ascending) and its weight in each."""
        found = self._lists.get(number)
        if found is None:
            block = number // self.block
            skip = self.start[number] - self.start[block * self.block]  # earlier terms' postings
            count = self.df(number)
            gaps = read_numbers(self._postings, skip_numbers(self._postings, self._posting_at[block], skip),
                                count)
            weights = read_numbers(self._weights, skip_numbers(self._weights, self._weight_at[block], skip),
                                   count)
            docs, previous = [], -1
            for gap in gaps:
                previous = previous + 1 + gap
                docs.append(previous)
            found = self._lists[number] = (docs, weights)
        return found

    def lower_bound(self, term: str) -> int:
        """The number of the first term not before ``term`` (in UTF-16 order)."""
        key = utf16_key(term)
        block = bisect_right(self._heads, key) - 1
        if block < 0:
            return 0
        terms = self._block_terms(block)
        return block * self.block + bisect_left([utf16_key(t) for t in terms], key)

    def find(self, term: str) -> int | None:
        number = self.lower_bound(term)
        return number if number < self.term_count and self.term(number) == term else None

    def idf(self, term_number: int) -> float:
        mentions = self.df(term_number)
        about = self.about[term_number]
        df = about + MENTION_WEIGHT * (mentions - about)
        n = len(self.docs)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def expand(self, qt: QueryTerm) -> list[tuple[int, float]]:
        """(term number, weight) of the index terms a query term stands for."""
        if not qt.prefix:
            number = self.find(qt.term)
            return [] if number is None else [(number, 1.0)]
        found = []
        i = self.lower_bound(qt.term)
        while i < self.term_count and self.term(i).startswith(qt.term):
            found.append(i)
            i += 1
        found.sort(key=lambda i: (-self.df(i), i))
        return [(i, 1.0 if self.term(i) == qt.term else PREFIX_WEIGHT)
                for i in found[:MAX_EXPANSIONS]]

    def near(self, qt: QueryTerm) -> tuple[str, ...]:
        """Index terms one edit away from ``qt`` that begin with its first letter (spelling.py).

        Only terms some article is about (in a field other than the body): a
        misspelling is read as a word articles are about, not as any word an
        answer mentions ("staking", a word no article uses, is not "staying").
        Nothing for a term the index holds, nor for one still being typed
        that some term begins with: the reader may not have finished it. At
        most MAX_SPELLINGS, those in most articles first.
        """
        if self.expand(qt):
            return ()
        first = qt.term[0]
        end = self.lower_bound(chr(ord(first) + 1))
        found = [i for i in range(self.lower_bound(first), end)
                 if self.about[i] and abs(len(self.term(i)) - len(qt.term)) <= 1
                 and within_one_edit(qt.term, self.term(i))]
        found.sort(key=lambda i: (-self.df(i), i))
        return tuple(self.term(i) for i in found[:MAX_SPELLINGS])

    def sounding(self, key: str) -> tuple[str, ...]:
        """The one Latin term some article is about whose consonants are ``key`` (spelling.py), if only one.

        Read once, on the first katakana or hangul run: every term of three
        Latin letters or more, in a field other than the body.
        """
        if self._sounds is None:
            self._sounds = {}
            for i in range(self.lower_bound("a"), self.lower_bound("{")):
                term = self.term(i)
                if self.about[i] and self.df(i) >= MIN_MENTIONS and len(term) >= 3 \
                        and all("a" <= c <= "z" for c in term):
                    self._sounds.setdefault(latin_consonants(term), []).append(term)
        found = self._sounds.get(key, [])
        return (found[0],) if len(found) == 1 else ()

    def _term_scores(self, qt: QueryTerm) -> dict[int, float]:
        scores: dict[int, float] = {}
        for number, weight in self.expand(qt):
            idf = self.idf(number)
            docs, weights = self.postings(number)
            for doc, stored in zip(docs, weights, strict=True):
                value = idf * (stored / WEIGHT_SCALE) * weight
                if value > scores.get(doc, 0.0):
                    scores[doc] = value
        return scores

    def importance(self, clause: Clause) -> float:
        """How much a clause says: the idf of its rarest term (unknown terms count as rarest)."""
        best = 0.0
        for alt in clause.alternatives:
            for qt in alt.terms:
                number = self.find(qt.term)
                if number is None and alt.derived:
                    continue
                if number is not None:
                    value = self.idf(number)
                elif qt.prefix and self.expand(qt):
                    value = min(self.idf(n) for n, _ in self.expand(qt))
                else:
                    value = math.log(1 + (len(self.docs) + 0.5) / 0.5)
                best = max(best, value)
        return best * clause.weight

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        query = fold(query, self.fold)  # Traditional Chinese as the index holds it (traditional.py)
        hits = self._search(query, limit)
        if not hits:
            spaced = spread(query)
            if spaced != normalize(shorten(query)):
                return self._search(spaced, limit)
        return hits

    def _clauses(self, query: str) -> list[Clause]:
        return clauses(query, self.synonyms, self.stopwords, self.oneway, self.stemmers, self.thesaurus,
                       lambda term: self.find(term) is not None, self.near, self.sounding)

    def missing(self, query: str) -> tuple[str, ...]:
        """The words of ``query`` that no article holds, in any form the search tries, as typed.

        What the reader may put differently, and what a writer may add as a
        synonym or keyword (the misses of real FAQs are mostly such words:
        "halving" where the articles say "block reward"). Read from the
        clauses the search itself makes, so a word counts as found whenever
        the search found it: by its root, a synonym, the thesaurus, another
        spelling, or, for the word still being typed, as the start of a term.
        A stop word never counts as missing.

        - A word (``e-mail`` with its parts is one) is missing if no term of
          it was found. Words of one character, and numbers, are not
          reported: amounts and "a" say nothing to rephrase.
        - In a run of a space-less script, a character is found if a bigram
          holding it was (its characters found apart do not count: nearly
          every character is in some article). Each stretch of
          MIN_MISSING_RUN characters or more that none of the found bigrams
          holds is missing: in 以太经典减产周期, "减产" if only 以太, 经典 and
          周期 were found.

        The text returned is the query's (normalized: NFKC, lower case), cut
        where ``search`` cuts it, before Traditional Chinese is folded: a
        reader sees the characters they typed.
        """
        query = shorten(query)
        typed = normalize(query)
        text = normalize(fold(query, self.fold))
        found: list[bool] = []
        for clause in self._clauses(fold(query, self.fold)):
            hit = clause.weight == STOP_WEIGHT or any(
                self.expand(qt) for alt in clause.alternatives if not alt.apart for qt in alt.terms)
            found += [hit] * clause.size
        if len(typed) != len(text):  # the fold maps one character to one; if that ever changes, say it folded
            typed = text
        out: list[str] = []
        position = 0  # the clauses' terms are the segments' words and bigrams, in order
        for start, end, cls in segments(text):
            count = sum(t.kind in TERM_KINDS for t in analyze(text[start:end]))
            mine, position = found[position:position + count], position + count
            if cls == WORD:
                word = typed[start:end]
                if count and not any(mine) and len(word) > 1 and not all("0" <= c <= "9" for c in word):
                    out.append(word)
                continue
            held = [False] * (end - start)
            for k, hit in enumerate(mine):  # bigram k holds characters k and k + 1
                if hit:
                    held[k] = held[min(k + 1, end - start - 1)] = True
            k = 0
            while k < end - start:
                if held[k]:
                    k += 1
                    continue
                stop = k
                while stop < end - start and not held[stop]:
                    stop += 1
                if stop - k >= MIN_MISSING_RUN:
                    out.append(typed[start + k:start + stop])
                k = stop
        return tuple(dict.fromkeys(out))

    def _search(self, query: str, limit: int) -> list[Hit]:
        parts = self._clauses(query)
        total: dict[int, float] = {}
        matched: dict[int, float] = {}
        importance = [self.importance(c) for c in parts]
        whole = 0.0
        for value in importance:  # not sum(): its compensated addition differs from JavaScript's
            whole += value
        for clause, weight in zip(parts, importance, strict=True):
            best: dict[int, float] = {}
            for alt in clause.alternatives:
                sums: dict[int, float] = {}
                for qt in alt.terms:
                    for doc, value in self._term_scores(qt).items():
                        sums[doc] = sums.get(doc, 0.0) + value
                for doc, value in sums.items():
                    score = alt.weight * value / len(alt.terms) * clause.size
                    if score > best.get(doc, 0.0):
                        best[doc] = score
            for doc, score in best.items():
                total[doc] = total.get(doc, 0.0) + score
                matched[doc] = matched.get(doc, 0.0) + weight
        ranked = []
        for doc, score in total.items():
            final = score * matched[doc] / whole
            ranked.append((math.floor(final * SCORE_DIGITS + 0.5) / SCORE_DIGITS, doc))
        ranked.sort(key=lambda r: (-r[0], r[1]))
        hits = []
        for rank, (score, doc) in enumerate(ranked[:limit], start=1):
            d = self.docs[doc]
            hits.append(Hit(rank, d["id"], d["url"], d["title"], d["summary"],
                            bool(d.get("fallback")), score, self._matched(parts, doc)))
        return hits

    def _matched(self, parts: list[Clause], doc: int) -> tuple[str, ...]:
        """The index terms of the query found in ``doc`` (for highlighting)."""
        out: list[str] = []
        for clause in parts:
            for alt in clause.alternatives:
                for qt in alt.terms:
                    for number, _ in self.expand(qt):
                        docs, _ = self.postings(number)
                        p = bisect_left(docs, doc)
                        term = self.term(number)
                        if p < len(docs) and docs[p] == doc and term not in out:
                            out.append(term)
        return tuple(out)
