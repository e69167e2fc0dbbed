"""Search documents -> the per-language index file the browser loads.

Why not a serialized lunr index: on a synthetic 2,000-article Chinese corpus
tokenized into bigrams, lunr.py's serialized index was 15.4 MB (4.2 MB
gzipped) with only two fields: lunr stores every posting twice (inverted
index and field vectors, as JSON objects keyed by document reference), and
lunr.js rebuilds a token set of every term when it loads one. This file holds
BM25 postings for six fields in 3.9 MB (1.2 MB gzipped) for the same corpus
(`python scripts/search_eval.py --size 2000`). Loading it is one JSON.parse
and a decode of the per-term counts; the terms and postings stay packed
strings until a query needs them (version 1 decoded every posting at load:
100-260 ms of a first result in the browser for that corpus).

Format (JSON, version 4; numbers and terms packed as described in packing.py):
  docs      [{id, url, title, summary, fallback?}] in index order
  synonyms  [[word, word, ...], ...] as written in translations/synonyms/
  oneway    numbers of the groups whose first word alone expands
  stopwords [term, ...] from translations/stopwords/, tokenized
  stemmers  languages whose Snowball roots the index holds (stemming.py):
            the query side stems what the reader types in each
  thesaurus the general-language thesaurus of the index's language, as
            thesaurus.for_index writes it ([] for a language without one)
  fold      Traditional Chinese characters the query side folds, each
            followed by its Simplified form, as traditional.for_index
            writes them ("" for a language other than Chinese); the index's
            own text, synonyms and stop words are folded already
  block     terms per block (BLOCK)
  terms     every term, sorted by UTF-16 code units (JavaScript's string
            order, so the browser can binary-search for prefixes),
            front-coded afresh at each block
  df        per term: how many documents hold it
  about     per term: how many hold it in a field other than the body
  postings  per term, its documents as gaps (document - previous - 1)
  weights   per posting: round(WEIGHT_SCALE * weight)
  term_blocks, posting_blocks, weight_blocks
            per block: how many characters it takes in terms (UTF-16 code
            units, with the newline after it), postings and weights

A posting's weight is the sum over fields of field boost x BM25 term
saturation, computed here once; the query side multiplies it by the term's
idf. Field lengths are normalised by each field's average across the index.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.corpus import Corpus
from ..content.glossary import load_glossary
from ..content.problems import Problem
from .documents import FIELDS, SearchDocument, UrlOf, documents_for
from .packing import pack_numbers, pack_terms, unpack_numbers
from .stemming import stemming_languages
from .stopwords import load_stopwords
from .synonyms import load_synonyms
from .thesaurus import for_index, load_thesaurus
from .tokenize import Token, analyze
from .traditional import fold, table_for
from .traditional import for_index as fold_for_index

FORMAT = "helpcentre-search"
VERSION = 4
INDEX_NAME = "search/hc-index.json"  # below the language's folder of the built site

# Relevance settings, tuned on tests/search_eval/queries.yml (scripts/search_eval.py).
# A title or keyword match says "this article is about that"; a body match
# only says the word is mentioned.
#
# Checked by cross-validation over five sets: the tuned and blind queries,
# both again on an index without keywords or synonym files (as real content
# comes), and the etc-faq set on its real FAQ (tests/search_eval/corpora/).
# First (2026-12-06): 60 random settings of these boosts, FIELD_B, K1 and
# query.py's weights; leaving each set out in turn, none chosen on the other
# four beat the hand-set values on the one left out. Then (2026-12-07, with
# spelling.py's other spellings, and holdout.yml as a sixth set): a grid of
# the body's boost (1, 1.5, 2, 3) and K1 (1.2, 1.6, 2, 2.5). Leaving each set
# out in turn, the setting best on the other five scored 0.748 on the one left
# out (mean MRR@10) against 0.745 for body 1 and K1 1.2: better on the four
# sets without keywords or on real content, level on blind.yml, and 0.017
# lower on holdout.yml. Body 2 and K1 1.6 is best on all six. A body word
# counts for more in FAQs without keywords, where most of a reader's words
# are only in the answer.
#
# Only the ratios between fields rank; the boosts below are that setting
# halved (title 10 -> 5, body 2 -> 1, ...). Stored weights are quarters in
# one byte (WEIGHT_SCALE): at the grid's scale they took more distinct values
# and the Chinese index at 2,000 articles grew from 1,363 KB to 1,499 KB
# gzipped, at the 1.5 MB budget; halved it is 1,369 KB, and the mean MRR@10
# of the six sets is 0.749 against 0.750 (0.745 before the grid).
FIELD_BOOSTS: dict[str, float] = {
    "title": 5.0,
    "keywords": 3.0,
    "summary": 2.0,
    "headings": 1.5,
    "category": 1.0,
    "body": 1.0,
    # Another version's title and keywords (documents.py): a word a reader may
    # type in another language, as telling as one in the body.
    "other": 0.5,
}
# BM25 length normalisation per field: help articles are all of similar length,
# so a little is enough (a title with 3 words beats one with 12 for the same word).
FIELD_B: dict[str, float] = {
    "title": 0.5,
    "keywords": 0.3,
    "summary": 0.3,
    "headings": 0.3,
    "category": 0.0,
    "body": 0.3,
    "other": 0.3,
}
K1 = 1.6
# Fields that say what an article is about (everything but the body): see
# `about` in the format notes and idf in query.py.
ABOUT_FIELDS = ("title", "keywords", "summary", "headings", "category", "other")
# Fields written in the reader's language whatever the article's (documents.py):
# stemmed in both.
READER_FIELDS = ("keywords", "category")
# Han characters are indexed alone (tokenize.py, rule 8) in every field but
# the body, and in the body only while in at most this share of the
# articles. Unigrams everywhere made the Chinese index 500 KB (gzipped)
# larger at 2,000 articles; capped in every field they lost what they were
# for (MRR@10 of the Chinese queries without keywords 0.812 -> 0.704);
# capped in the body only, most of the size is saved (the body's common
# characters are most of the postings) and the titles and keywords keep
# every character. 0.1 rather than 0.25: 40 KB smaller, no query ranked
# differently on the tuned and blind sets.
UNIGRAM_MAX_SHARE = 0.1
UNIGRAM_CAPPED = ("body",)
WEIGHT_SCALE = 4  # weights are stored as round(4 * weight) in one byte
# Terms per block, the unit a reader decodes: a lookup binary-searches the
# blocks' first terms, then decodes one block of terms, and skips at most
# BLOCK - 1 terms' postings to reach its own. Smaller blocks cost more block
# offsets to load; 16 keeps those to 1/16 of the terms.
BLOCK = 16


@dataclass(frozen=True)
class IndexStats:
    docs: int
    terms: int
    postings: int
    raw_bytes: int
    gzip_bytes: int


def build_index(docs: list[SearchDocument], *, lang: str, synonyms: list[list[str]],
                fallback_label: str, stopwords: list[str] | None = None,
                oneway: list[int] | None = None) -> dict[str, Any]:
    """The index as JSON-ready data (what ``write_index`` stores)."""
    table = table_for(lang)
    synonyms = [[fold(word, table) for word in group] for group in synonyms]
    stopwords = [fold(word, table) for word in stopwords or ()]
    analyzed = [_tokenize_document(doc, lang, table) for doc in docs]
    # Unigrams of body characters in more than UNIGRAM_MAX_SHARE of the articles
    # are left out (see there).
    unigram_df = Counter(t.term for fields in analyzed
                         for t in {t for tokens in fields.values() for t in tokens if t.kind == "uni"})
    cap = UNIGRAM_MAX_SHARE * len(docs)
    tokenized = [{f: [t.term for t in tokens
                      if t.kind != "uni" or f not in UNIGRAM_CAPPED or unigram_df[t.term] <= cap]
                  for f, tokens in fields.items()} for fields in analyzed]
    average = {f: max(1.0, sum(len(t[f]) for t in tokenized) / max(1, len(docs)))
               for f in FIELDS}
    postings: dict[str, list[tuple[int, int]]] = {}
    about: Counter[str] = Counter()
    for number, fields in enumerate(tokenized):
        counts = {f: Counter(fields[f]) for f in FIELDS}
        norms = {f: K1 * (1 - FIELD_B[f] + FIELD_B[f] * len(fields[f]) / average[f])
                 for f in FIELDS}
        for term in sorted(set().union(*counts.values())):
            weight = 0.0
            for f in FIELDS:
                tf = counts[f][term]
                if tf:
                    weight += FIELD_BOOSTS[f] * (K1 + 1) * tf / (tf + norms[f])
            postings.setdefault(term, []).append((number, quantize(weight)))
            if any(counts[f][term] for f in ABOUT_FIELDS):
                about[term] += 1

    common = max(1, len(docs) // 4)  # see thesaurus.py: a target in more articles says little
    thesaurus = for_index(load_thesaurus(lang), lang, lambda t: 0 < len(postings.get(t, ())) <= common,
                          frozenset(stopwords))
    terms = sorted(postings, key=utf16_key)
    df = [len(postings[t]) for t in terms]
    term_parts: list[str] = []
    posting_parts: list[str] = []
    weight_parts: list[str] = []
    for first in range(0, len(terms), BLOCK):
        block = terms[first:first + BLOCK]
        term_parts.append(pack_terms(block))
        gaps: list[int] = []
        weights: list[int] = []
        for term in block:
            previous = -1
            for number, weight in postings[term]:
                gaps.append(number - previous - 1)
                previous = number
                weights.append(weight)
        posting_parts.append(pack_numbers(gaps))
        weight_parts.append(pack_numbers(weights))
    return {
        "format": FORMAT,
        "version": VERSION,
        "lang": lang,
        "fallback_label": fallback_label,
        "docs": [_doc_entry(d) for d in docs],
        "synonyms": synonyms,
        "oneway": oneway or [],
        "stopwords": stopwords,
        "stemmers": stemming_languages([lang, *sorted({d.lang for d in docs}),
                                        *sorted({code for d in docs for code, _ in d.other})]),
        "thesaurus": thesaurus,
        "fold": fold_for_index(table, terms),
        "block": BLOCK,
        "terms": "\n".join(term_parts),
        "term_blocks": pack_numbers([utf16_length(t) + 1 for t in term_parts]),
        "df": pack_numbers(df),
        "about": pack_numbers([about[t] for t in terms]),
        "postings": "".join(posting_parts),
        "posting_blocks": pack_numbers([len(p) for p in posting_parts]),
        "weights": "".join(weight_parts),
        "weight_blocks": pack_numbers([len(w) for w in weight_parts]),
    }


def _tokenize_document(doc: SearchDocument, lang: str, table: dict[str, str]) -> dict[str, list[Token]]:
    """Each field's tokens: text in the article's language, metadata in the reader's too.

    ``table``: the index language's Traditional -> Simplified fold (traditional.py).
    """
    own = tuple(stemming_languages([doc.lang]))
    both = tuple(stemming_languages([doc.lang, lang]))
    out = {f: analyze(fold(doc.fields.get(f, ""), table), both if f in READER_FIELDS else own, unigrams=True)
           for f in FIELDS if f != "other"}
    out["other"] = [t for code, text in doc.other
                    for t in analyze(fold(text, table), tuple(stemming_languages([code])), unigrams=True)]
    return out


def quantize(weight: float) -> int:
    return max(1, min(255, int(weight * WEIGHT_SCALE + 0.5)))


def utf16_key(term: str) -> bytes:
    """Sort key matching JavaScript's `<` on strings (UTF-16 code units)."""
    return term.encode("utf-16-be", "surrogatepass")


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units: what JavaScript's string indexes count."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _doc_entry(doc: SearchDocument) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": doc.id, "url": doc.url, "title": doc.title,
                             "summary": doc.summary}
    if doc.fallback:
        entry["fallback"] = True
    return entry


def encode(index: dict[str, Any]) -> bytes:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build_for_language(corpus: Corpus, lang: str, today: dt.date,
                       url_of: UrlOf) -> tuple[dict[str, Any], list[Problem]]:
    """Documents, synonyms and index for one reader language."""
    synonyms, problems = load_synonyms(corpus.project, lang)
    # Each glossary entry is a synonym group too: its term and the words readers use
    # for it (problems in the glossary are `check`'s to report, not the index's).
    groups = [*synonyms.groups, *load_glossary(corpus.project)[0].synonym_groups(lang)]
    stopwords, stop_problems = load_stopwords(corpus.project, lang)
    problems = problems + stop_problems
    default = corpus.project.default_language
    label = next((x.name for x in corpus.project.languages if x.code == default), default)
    docs = documents_for(corpus, lang, today, url_of)
    return build_index(docs, lang=lang, synonyms=groups, oneway=synonyms.oneway,
                       fallback_label=label, stopwords=stopwords), problems


def write_language_index(corpus: Corpus, lang: str, today: dt.date, language_dir: Path,
                         url_of: UrlOf) -> tuple[Path, IndexStats, list[Problem]]:
    """Build ``lang``'s index and write it to ``<language_dir>/search/hc-index.json``.

    ``language_dir`` is the folder of the built site holding that language's
    pages (the site itself for the default language).
    """
    index, problems = build_for_language(corpus, lang, today, url_of)
    path = language_dir / INDEX_NAME
    return path, write_index(index, path), problems


def write_index(index: dict[str, Any], path: Path) -> IndexStats:
    """Write the index file (creating folders) and say how big it is."""
    data = encode(index)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return stats(index, data)


def stats(index: dict[str, Any], data: bytes | None = None) -> IndexStats:
    data = encode(index) if data is None else data
    return IndexStats(len(index["docs"]), len(unpack_numbers(index["df"])),
                      len(unpack_numbers(index["weights"])), len(data),
                      len(gzip.compress(data, 9)))
