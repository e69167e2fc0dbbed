"""Search: one tokenizer for every language, per-language indexes, the query side.

Plain Python (no MkDocs). ``tokenize`` turns text into terms by script;
``text`` turns Markdown into the text readers see; ``documents`` makes one
search document per article and reader language; ``synonyms`` and
``stopwords`` read translations/synonyms/<lang>.yml and
translations/stopwords/<lang>.yml (``wordfile`` holds what they share);
``index`` packs documents into the file the
browser loads (``packing`` holds its encodings); ``query`` answers queries
from that file. The browser runs a line-for-line copy of ``tokenize``,
``packing`` and ``query`` in ``overrides/assets/javascripts/hc-search.js``;
tests/test_search_js.py keeps the two equal.
"""
