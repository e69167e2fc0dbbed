"""Search: one tokenizer for every language, per-language indexes, the query side.

Plain Python (no MkDocs). ``tokenize`` turns text into terms by script;
``stemming`` gives a word's Snowball root in the languages that have one;
``text`` turns Markdown into the text readers see; ``documents`` makes one
search document per article and reader language; ``synonyms`` and
``stopwords`` read translations/synonyms/<lang>.yml and
translations/stopwords/<lang>.yml (``wordfile`` holds what they share);
``thesaurus`` reads the general-language thesaurus (data/thesaurus-<lang>.txt);
``index`` packs documents into the file the
browser loads (``packing`` holds its encodings); ``query`` answers queries
from that file. The browser runs a line-for-line copy of ``tokenize``,
``stemming``, ``packing`` and ``query`` in
``overrides/assets/javascripts/hc-search.js``, with the Snowball stemmers
vendored beside it (hc-snowball.js); tests/test_search_js.py and
tests/test_search_stem.py keep the two equal.
"""
