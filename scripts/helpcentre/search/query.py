"""Answer a query from an index file: the same steps the browser runs.

``overrides/assets/javascripts/hc-search.js`` is a line-for-line copy of
``clauses`` and ``SearchIndex``; tests/test_search_js.py checks that both
return the same documents, scores and matched terms for the same index.

A query becomes clauses, one per word or bigram the reader typed; a clause
matches if any of its alternatives does:
- a word longer than five letters may also match by its first five (the
  tokenizer's stem): "withdrawing" finds "withdrawal", "вывода" finds "вывод";
- a word joined by a connector (``e-mail``) matches its parts or the parts
  glued together (``email``);
- a span that is a member of a synonym group matches any member;
- the last word, while still being typed (no space after it), and a lone
  CJK character also match the terms they begin (``withdr`` -> withdrawal),
  so results appear as the reader types.

Scoring is BM25: a term's idf times the weight stored for it in a document
(fields already boosted at build time). Two adjustments for help centres,
where every article repeats the same advice ("never share your password"):
- idf counts an article that only *mentions* a term in its body as a quarter
  of one that is *about* it (title, keywords, summary, headings, category),
  so "password" still identifies the password article;
- a document's sum is multiplied by the share of the query it matches, each
  clause counted by its idf, so matching the rare words the reader typed
  counts more than matching "how" and "my".
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from .index import FORMAT, VERSION, WEIGHT_SCALE, utf16_key
from .packing import unpack_numbers, unpack_terms
from .tokenize import CONNECTOR, SEPARATOR, Token, analyze, char_class, normalize

# How much a looser match counts against the exact word the reader typed.
# Set by judgment (exact > synonym > completion > same first letters) and
# checked with scripts/search_eval.py; none was fitted to the query list.
SYNONYM_WEIGHT = 0.8
PREFIX_WEIGHT = 0.7
STEM_WEIGHT = 0.6
MENTION_WEIGHT = 0.25  # a body-only mention, in idf's document count (see above)
MAX_EXPANSIONS = 50  # completions kept per word, most frequent first: bounds keystroke time
MIN_PREFIX = 2  # one letter is too little to complete a word from (a lone CJK character is not)
SCORE_DIGITS = 1e6  # scores are rounded so Python and JavaScript agree exactly


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


@dataclass(frozen=True)
class Clause:
    alternatives: tuple[Alternative, ...]
    size: int  # how many of the reader's terms this clause stands for


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


def _units(tokens: list[Token], prefix_last: bool) -> list[_Unit]:
    units: list[_Unit] = []
    pending: list[QueryTerm] = []  # parts of a connected word, until its joined form

    def flush() -> None:
        units.extend(_Unit((t,)) for t in pending)
        pending.clear()

    last = sum(t.kind != "stem" for t in tokens) - 1
    i = -1  # position among the tokens that are not stems
    previous = ""
    for token in tokens:
        if token.kind == "stem":
            # A stem follows its word; a connected word's parts keep no stems.
            if previous == "word":
                units[-1] = _Unit(units[-1].terms, stem=QueryTerm(token.term, False))
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


def clauses(query: str, synonyms: list[list[str]]) -> list[Clause]:
    units = _units(analyze(query), _is_prefix_query(query))
    groups = [[tuple(t.term for u in _units(analyze(p), False) for t in u.terms) for p in g]
              for g in synonyms]
    out: list[Clause] = []
    i = 0
    while i < len(units):
        span, members = _synonym_at(units, i, groups)
        if span:
            own = tuple(t for u in units[i:i + span] for t in u.terms)
            alts = [Alternative(own, 1.0)]
            alts += [Alternative(tuple(QueryTerm(t, False) for t in m), SYNONYM_WEIGHT)
                     for m in members]
            out.append(Clause(tuple(alts), len(own)))
            i += span
            continue
        unit = units[i]
        alts = [Alternative(unit.terms, 1.0)]
        if unit.joined is not None:
            alts.append(Alternative((unit.joined,), 1.0))
        if unit.stem is not None:
            alts.append(Alternative((unit.stem,), STEM_WEIGHT))
        out.append(Clause(tuple(alts), len(unit.terms)))
        i += 1
    return out


def _synonym_at(units: list[_Unit], i: int,
                groups: list[list[tuple[str, ...]]]) -> tuple[int, list[tuple[str, ...]]]:
    """The longest synonym member starting at unit ``i``: (units it spans, other members)."""
    best_span, best_members = 0, []
    for group in groups:
        for member in group:
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
    def __init__(self, data: dict[str, Any]):
        if data.get("format") != FORMAT or data.get("version") != VERSION:
            raise IndexFormatError(f"not a {FORMAT} index of version {VERSION}")
        self.lang: str = data["lang"]
        self.fallback_label: str = data["fallback_label"]
        self.docs: list[dict[str, Any]] = data["docs"]
        self.synonyms: list[list[str]] = data["synonyms"]
        self.terms: list[str] = unpack_terms(data["terms"])
        self.keys = [utf16_key(t) for t in self.terms]
        self.number = {t: i for i, t in enumerate(self.terms)}
        df = unpack_numbers(data["df"])
        self.about = unpack_numbers(data["about"])
        gaps = unpack_numbers(data["postings"])
        self.weights = unpack_numbers(data["weights"])
        self.start = [0] * (len(self.terms) + 1)
        for i, count in enumerate(df):
            self.start[i + 1] = self.start[i] + count
        self.doc_of = [0] * len(gaps)
        for i in range(len(self.terms)):
            previous = -1
            for p in range(self.start[i], self.start[i + 1]):
                previous = previous + 1 + gaps[p]
                self.doc_of[p] = previous

    def idf(self, term_number: int) -> float:
        mentions = self.start[term_number + 1] - self.start[term_number]
        about = self.about[term_number]
        df = about + MENTION_WEIGHT * (mentions - about)
        n = len(self.docs)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def expand(self, qt: QueryTerm) -> list[tuple[int, float]]:
        """(term number, weight) of the index terms a query term stands for."""
        if not qt.prefix:
            number = self.number.get(qt.term)
            return [] if number is None else [(number, 1.0)]
        key = utf16_key(qt.term)
        lo = bisect_left(self.keys, key)
        found = []
        for i in range(lo, len(self.terms)):
            if not self.keys[i].startswith(key):
                break
            found.append(i)
        found.sort(key=lambda i: (-(self.start[i + 1] - self.start[i]), i))
        return [(i, 1.0 if self.terms[i] == qt.term else PREFIX_WEIGHT)
                for i in found[:MAX_EXPANSIONS]]

    def _term_scores(self, qt: QueryTerm) -> dict[int, float]:
        scores: dict[int, float] = {}
        for number, weight in self.expand(qt):
            idf = self.idf(number)
            for p in range(self.start[number], self.start[number + 1]):
                doc = self.doc_of[p]
                value = idf * (self.weights[p] / WEIGHT_SCALE) * weight
                if value > scores.get(doc, 0.0):
                    scores[doc] = value
        return scores

    def importance(self, clause: Clause) -> float:
        """How much a clause says: the idf of its rarest term (unknown terms count as rarest)."""
        best = 0.0
        for alt in clause.alternatives:
            for qt in alt.terms:
                number = self.number.get(qt.term)
                if number is not None:
                    value = self.idf(number)
                elif qt.prefix and self.expand(qt):
                    value = min(self.idf(n) for n, _ in self.expand(qt))
                else:
                    value = math.log(1 + (len(self.docs) + 0.5) / 0.5)
                best = max(best, value)
        return best

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        parts = clauses(query, self.synonyms)
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
                        lo, hi = self.start[number], self.start[number + 1]
                        p = bisect_left(self.doc_of, doc, lo, hi)
                        if p < hi and self.doc_of[p] == doc and self.terms[number] not in out:
                            out.append(self.terms[number])
        return tuple(out)
