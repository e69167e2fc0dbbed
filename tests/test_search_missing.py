"""The words of a query no article holds (SearchIndex.missing): what the site and `helpcentre search` name.

The JavaScript copy is compared with this one in test_search_js.py.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from helpcentre.search.documents import SearchDocument
from helpcentre.search.index import build_index
from helpcentre.search.query import MAX_QUERY_LENGTH, SearchIndex
from helpcentre.search.tokenize import normalize, segments


def data_of(lang: str, articles: list[tuple[str, str, str]], synonyms: list[list[str]] | None = None,
            stopwords: list[str] | None = None) -> dict[str, Any]:
    """An index file's data for (id, title, body) articles."""
    docs = [SearchDocument(id=i, url=f"{i}/", lang=lang, fallback=False, title=title, summary="",
                           fields={"title": title, "body": body})
            for i, title, body in articles]
    return build_index(docs, lang=lang, synonyms=synonyms or [], fallback_label="English", stopwords=stopwords)


def index_of(lang: str, articles: list[tuple[str, str, str]], synonyms: list[list[str]] | None = None) -> SearchIndex:
    return SearchIndex(data_of(lang, articles, synonyms))


# test_search_js.py runs the browser's copy on these two.
EN_DATA = data_of("en", [
    ("password", "Reset your password", "If you forgot your password, reset it from the login page."),
    ("withdraw", "Withdraw crypto", "Choose the network and confirm the withdrawal."),
    ("fees", "Trading fees", "Maker and taker fees, and the e-mail we send."),
], stopwords=["my", "how", "the"])
ZH_DATA = data_of("zh", [
    ("reward", "以太坊经典的区块奖励减少", "区块奖励每五百万个区块减少百分之二十。"),
    ("wallet", "钱包地址", "复制钱包地址。"),
])
EN = SearchIndex(EN_DATA)
ZH = SearchIndex(ZH_DATA)


def test_a_word_no_article_holds_is_named() -> None:
    assert EN.missing("forgot my pw ") == ("pw",)


def test_a_word_found_in_another_form_is_not_missing() -> None:
    # "withdrawing" by its root, "pasword" one edit from "password".
    assert EN.missing("withdrawing halving ") == ("halving",)
    assert EN.missing("pasword halving ") == ("halving",)


def test_a_writers_synonym_makes_a_word_found() -> None:
    with_synonym = index_of("en", [("password", "Reset your password", "")], synonyms=[["pw", "password"]])
    assert with_synonym.missing("forgot pw ") == ("forgot",)


def test_stop_words_numbers_and_single_letters_are_never_named() -> None:
    assert EN.missing("how the x 100 my ") == ()
    assert EN.missing("transfer 100 usdt ") == ("transfer", "usdt")


def test_the_word_being_typed_counts_as_found_if_a_term_begins_with_it() -> None:
    assert EN.missing("withdr") == ()
    assert EN.missing("halv") == ("halv",)


def test_each_word_is_named_once_in_the_order_typed() -> None:
    assert EN.missing("halving pw halving ") == ("halving", "pw")


def test_a_connected_word_is_one_word() -> None:
    assert EN.missing("e-mail ") == ()
    assert EN.missing("re-stake ") == ("re-stake",)


def test_a_word_is_named_as_typed_not_as_indexed() -> None:
    assert EN.missing("Halving ") == ("halving",)  # lower case, as every term is
    assert EN.missing("Depósito ") == ("depósito",)  # with its accent, which the index drops


def test_the_characters_no_found_bigram_holds_are_named() -> None:
    # 以太 and 经典 are found; 太经, 典减, 减产, 产周 and 周期 are not.
    assert ZH.missing("以太经典减产周期 ") == ("减产周期",)


def test_one_character_alone_is_not_named() -> None:
    assert ZH.missing("区块奖励吗 ") == ()  # 吗 alone: a particle


def test_characters_found_apart_do_not_make_a_word_found() -> None:
    # 减 is a term of its own (in a title), but no article has the word 减产.
    assert ZH.missing("减产 ") == ("减产",)


def test_traditional_characters_are_named_as_typed() -> None:
    assert ZH.missing("錢包減產 ") == ("減產",)  # 錢包 is 钱包 folded


def test_each_script_is_read_on_its_own() -> None:
    assert ZH.missing("钱包地址 usdt ") == ("usdt",)
    assert ZH.missing("usdt钱包 ") == ("usdt",)


def test_hangul_is_read_like_han() -> None:
    ko = index_of("ko", [("password", "비밀번호를 잊으셨나요", "비밀번호를 재설정하세요.")])
    assert ko.missing("비번 까먹음 ") == ("비번", "까먹음")
    assert ko.missing("비밀번호 까먹음 ") == ("까먹음",)


def test_a_query_longer_than_the_search_reads_is_cut_where_the_search_cuts_it() -> None:
    query = "password " * (MAX_QUERY_LENGTH // 9) + "  halving"
    assert len(query) > MAX_QUERY_LENGTH == len(query) - len("halving")
    assert EN.missing(query) == ()  # "halving" is past the cut


def test_segments_are_words_with_their_connected_parts_and_runs_of_one_script() -> None:
    assert segments(normalize("e-mail USDT提币 출금이 a--b")) == [
        (0, 6, "word"), (7, 11, "word"), (11, 13, "cjk"), (14, 17, "hangul"), (18, 19, "word"),
        (21, 22, "word")]


TEXT = st.text(alphabet=st.sampled_from(list("aépw -'_1 以太经典減產吗 비번까 ёж")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_missing_words_are_pieces_of_the_query(query: str) -> None:
    typed = normalize(query)
    for index in (EN, ZH):
        words = index.missing(query)
        assert len(set(words)) == len(words)
        assert all(word in typed for word in words), (query, words)
