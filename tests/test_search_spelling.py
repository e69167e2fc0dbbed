"""Other spellings (spelling.py): a typo finds the word, a Cyrillic reading finds the Latin name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpcentre.search.documents import SearchDocument
from helpcentre.search.index import build_index
from helpcentre.search.query import FUZZY_WEIGHT, READING_WEIGHT, QueryTerm, SearchIndex, clauses
from helpcentre.search.spelling import (
    FUZZY_MIN,
    MAX_SPELLINGS,
    consonants,
    fuzzy_candidate,
    latin,
    latin_consonants,
    loanwords,
    within_one_edit,
)


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the textbook table (the reference for within_one_edit)."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


WORDS = st.text(alphabet="abcé\U0001d400", max_size=7)


@settings(max_examples=3000, deadline=None)
@given(WORDS, WORDS)
def test_within_one_edit_is_an_edit_distance_of_at_most_one(a: str, b: str) -> None:
    assert within_one_edit(a, b) == (edit_distance(a, b) <= 1)


def test_within_one_edit_examples() -> None:
    assert within_one_edit("withdrawl", "withdrawal")  # a letter dropped
    assert within_one_edit("withdrawal", "withdrawl")
    assert within_one_edit("verfication", "verification")
    assert within_one_edit("recieve", "receive")  # two neighbours swapped
    assert within_one_edit("bitkoin", "bitcoin")  # one changed
    assert not within_one_edit("withdrawl", "withdrawals")
    assert not within_one_edit("recieve", "recipe")


def test_latin_reads_russian_letters_only() -> None:
    assert latin("метамаск") == "metamask"
    assert latin("трон") == "tron"
    assert latin("биткоин") == "bitkoin"
    assert latin("щёлочь") == "shcheloch"  # щ shch, ё e, ь dropped
    assert latin("юсдт") == "iusdt"
    assert latin("usdt") is None
    assert latin("трон2") is None
    assert latin("") is None


def test_fuzzy_candidates_are_long_plain_words() -> None:
    assert FUZZY_MIN == 7
    assert fuzzy_candidate("withdrawl")
    assert fuzzy_candidate("верификаця")
    assert not fuzzy_candidate("mande")  # short words are other words one edit away
    assert not fuzzy_candidate("usdttrc20")  # digits: a code, not a misspelling
    assert not fuzzy_candidate("充值没有到账啊")  # space-less scripts have bigrams instead


def index() -> SearchIndex:
    articles = [
        ("withdraw", "Withdrawal of crypto", "It leaves your account after review, staying pending."),
        ("verify", "Identity verification", "Verification takes a day."),
        ("metamask", "Use MetaMask", "Add the network to MetaMask."),
        ("bitcoin", "Bitcoin deposits", "Send bitcoin to your address."),
        ("tron", "TRON maintenance", "Tron deposits pause during the upgrade."),
        ("mandate", "Mandates", "Mandates and mango."),
    ]
    docs = [SearchDocument(id=i, url=f"{i}/", lang="en", fallback=False, title=t, summary="",
                           fields={"title": t, "body": b}) for i, t, b in articles]
    return SearchIndex(build_index(docs, lang="en", synonyms=[], fallback_label="English"))


def top(query: str) -> list[str]:
    return [hit.id for hit in index().search(query)]


def test_a_typo_finds_the_word_one_edit_away() -> None:
    assert top("withdrawl")[:1] == ["withdraw"]
    assert top("withdrawl ")[:1] == ["withdraw"]
    assert top("verfication")[:1] == ["verify"]
    assert "withdrawal" in index().search("withdrawl")[0].matched


def test_a_real_word_is_not_read_as_a_word_only_some_answer_mentions() -> None:
    # "staying" is only in an article's text; "staking" is a word of its own.
    assert top("staking") == []
    assert index().near(QueryTerm("staking", False)) == ()


def test_a_cyrillic_name_finds_its_latin_spelling() -> None:
    assert top("метамаск") == ["metamask"]
    assert top("трон ") == ["tron"]
    assert top("биткоин") == ["bitcoin"]  # "bitkoin", one edit from "bitcoin"
    assert top("метамас") == ["metamask"]  # still being typed: its reading completes


def test_a_russian_typo_finds_the_russian_word_as_well_as_latin_readings() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang="ru", fallback=False, title=t, summary="",
                           fields={"title": t, "body": b})
            for i, t, b in [("verify", "Верификация аккаунта", "Проверка занимает день."),
                            ("metamask", "MetaMask", "Добавьте сеть в MetaMask.")]]
    search = SearchIndex(build_index(docs, lang="ru", synonyms=[], fallback_label="English"))
    assert [hit.id for hit in search.search("верефикация ")] == ["verify"]
    assert [hit.id for hit in search.search("метамаск ")] == ["metamask"]


def test_spellings_only_for_words_the_index_lacks() -> None:
    search = index()
    known = lambda term: search.find(term) is not None  # noqa: E731 - the index's own callback

    def alternatives(query: str) -> list[tuple[tuple[str, ...], float]]:
        [clause] = clauses(query, [], stemmers=search.stemmers, known=known, near=search.near)
        return [(tuple(t.term for t in alt.terms), alt.weight) for alt in clause.alternatives]

    assert alternatives("withdrawl ")[-1] == (("withdrawal",), FUZZY_WEIGHT)
    assert alternatives("метамаск ")[-1] == (("metamask",), READING_WEIGHT)
    # A word the writers used is never bent into another...
    assert [a for a, _ in alternatives("withdrawal ")] == [("withdrawal",), ("withd",), ("~withdraw",)]
    # ...nor one still being typed that a word begins with, nor a short one.
    assert search.near(QueryTerm("withdra", True)) == ()
    assert [a for a, _ in alternatives("mangp ")] == [("mangp",), ("~mangp",)]


def test_at_most_a_few_neighbours_the_most_common_first() -> None:
    words = ["cancelled", "canceller", "cancelles", "cancellet", "cancellez"]
    docs = [SearchDocument(id=w, url=f"{w}/", lang="en", fallback=False, title=w, summary="",
                           fields={"title": " ".join(words[:n + 1])}) for n, w in enumerate(words)]
    search = SearchIndex(build_index(docs, lang="en", synonyms=[], fallback_label="English"))
    assert MAX_SPELLINGS == 3
    assert search.near(QueryTerm("cancelleb", False)) == ("cancelled", "canceller", "cancelles")


def test_katakana_hangul_and_latin_spell_the_same_consonants() -> None:
    pairs = {"metamask": ["メタマスク", "메타마스크"], "telegram": ["テレグラム", "텔레그램"],
             "tron": ["トロン", "트론"], "ledger": ["レジャー", "렛저"], "binance": ["バイナンス", "바이낸스"],
             "network": ["ネットワーク"], "staking": ["ステーキング", "스테이킹"], "toncoin": ["トンコイン", "톤코인"],
             "wallet": ["ウォレット"]}
    for word, runs in pairs.items():
        assert {consonants(run) for run in runs} == {latin_consonants(word)}, word
    assert latin_consonants("metamask") == "mtmsk"
    assert latin_consonants("support") == latin_consonants("spot") == "spt"  # the r after a vowel is not said
    assert latin_consonants("ethereum") == "srm" and consonants("이더리움") == "drm"  # not every pair meets


def test_loanwords_are_katakana_and_hangul_runs() -> None:
    assert loanwords("メタマスク送金 トロン ﾒﾀ ウォレットでエラー 메타마스크 전송 오류 a 가") == [
        "メタマスク", "トロン", "ウォレット", "エラー", "메타마스크", "전송", "오류"]
    assert loanwords("メタ ab 가") == []  # two katakana or one syllable spell too little


def loanword_index() -> SearchIndex:
    articles = [("mm", "MetaMaskで送金する", "MetaMaskの設定"),
                ("tg", "Telegramの偽サポート", "Telegram"),
                ("x", "入金の確認", "Support MetaMask Spot"),
                ("sp", "Spot取引", "Spot Telegram"),
                ("su", "Supportへの連絡", "Support"),
                ("one", "ethclassicのページ", "")]
    docs = [SearchDocument(id=i, url=f"{i}/", lang="ja", fallback=False, title=t, summary="",
                           fields={"title": t, "body": b}) for i, t, b in articles]
    return SearchIndex(build_index(docs, lang="ja", synonyms=[], fallback_label="English"))


def test_a_katakana_name_finds_its_latin_spelling() -> None:
    search = loanword_index()
    assert [h.id for h in search.search("メタマスク")] == ["mm", "x"]  # the title first
    assert [h.id for h in search.search("メタマスク 送金")] == ["mm", "x"]
    assert [h.id for h in search.search("テレグラム")] == ["tg", "sp"]
    assert search.sounding("mtmsk") == ("metamask",)
    assert search.sounding("spt") == ()  # "spot" or "support": a guess too many
    assert search.sounding("skrsk") == ()  # "ethclassic" is in one article only
    assert [h.id for h in search.search("サポート")] == ["tg"]  # its own bigrams only


def test_each_bigram_of_a_run_gets_the_reading() -> None:
    search = loanword_index()
    known = lambda term: search.find(term) is not None  # noqa: E731 - the index's own callback
    parts = clauses("メタマスク送金", [], known=known, sounding=search.sounding)
    readings = [[tuple(t.term for t in a.terms) for a in c.alternatives if a.weight == READING_WEIGHT]
                for c in parts]
    assert readings == [[("metamask",)]] * 4 + [[], []]  # めた たま ます すく, then く送 送金
