"""Per-language indexes: what goes in, and queries answered from the written file."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SAMPLE_ARTICLES, build_site
from helpcentre.cli import main
from helpcentre.content import paths
from helpcentre.content.corpus import Corpus, load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.search.documents import SearchDocument, documents_for
from helpcentre.search.index import BLOCK, INDEX_NAME, build_for_language, build_index, utf16_key, write_language_index
from helpcentre.search.packing import pack_numbers, pack_terms, unpack_numbers, unpack_terms
from helpcentre.search.query import QueryTerm, SearchIndex, clauses, spread
from helpcentre.search.stopwords import parse_stopwords
from helpcentre.search.synonyms import parse_synonyms
from helpcentre.search.thesaurus import for_index, from_sudachi, load_thesaurus

TODAY = dt.date(2026, 11, 23)

ARTICLES: dict[str, str] = {
    "en/deposits-withdrawals/deposit-not-arrived.md": """\
        ---
        title: My deposit has not arrived
        summary: Check the confirmations and the TxID before contacting us.
        type: faq
        coins: [USDT]
        reviewed: 2026-11-10
        owner: "@kestrel/payments"
        keywords: [deposit missing, not received, txid]
        ---
        Deposits are credited after the network confirms them.
        """,
    "zh/deposits-withdrawals/deposit-not-arrived.md": """\
        ---
        title: 充值未到账怎么办
        summary: 联系我们之前，请先检查确认数和交易哈希。
        keywords: [充值未到账, 币没到账, txid]
        ---
        网络确认后，充值会自动入账。
        """,
    "en/deposits-withdrawals/withdraw-crypto.md": """\
        ---
        title: Withdraw crypto
        summary: Send coins from your account to another wallet.
        type: guide
        reviewed: 2026-11-10
        owner: "@kestrel/payments"
        keywords: [withdraw, send, cash out]
        ---
        Choose the coin and the network, paste the address and confirm.
        """,
    "zh/deposits-withdrawals/withdraw-crypto.md": """\
        ---
        title: 如何提现加密货币
        summary: 把币从账户转到其他钱包。
        keywords: [提现, 转出]
        ---
        选择币种和网络，粘贴地址并确认。
        """,
    "en/security/set-up-2fa.md": """\
        ---
        title: Set up two-factor authentication
        summary: Protect your account with an authenticator app.
        type: guide
        reviewed: 2026-11-01
        owner: "@kestrel/security"
        keywords: [2fa, google authenticator]
        ---
        Open **Security** and scan the QR code with [your app](https://kestrel.example/app).
        """,
    # The same notice as the shared sample site's.
    "en/announcements/trx-network-upgrade.md": SAMPLE_ARTICLES["en/announcements/trx-network-upgrade.md"],
}


def url_of(article, lang: str) -> str:  # noqa: ANN001 - an Article
    return paths.article(lang, "en", article.category, article.id)


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Path:
    root = make_site(ARTICLES)
    (root / "translations" / "synonyms").mkdir(exist_ok=True)
    (root / "translations" / "synonyms" / "zh.yml").write_text(
        "- [提币, 提现, withdraw]\n", encoding="utf-8")
    return root


def corpus_at(root: Path, today: dt.date = TODAY) -> Corpus:
    project = load_project(root)
    return load_corpus(project, load_registry(project), today=today)


def search(corpus: Corpus, lang: str, query: str, today: dt.date = TODAY) -> list[str]:
    index, problems = build_for_language(corpus, lang, today, url_of)
    assert problems == []
    return [hit.id for hit in SearchIndex(index).search(query)]


def test_written_index_answers_like_the_one_in_memory(site: Path, tmp_path: Path) -> None:
    corpus = corpus_at(site)
    path, stats, problems = write_language_index(corpus, "zh", TODAY, tmp_path / "zh", url_of)
    assert (path, problems) == (tmp_path / "zh" / INDEX_NAME, [])
    assert stats.docs == 4
    from_file = SearchIndex(json.loads(path.read_text(encoding="utf-8")))
    hits = from_file.search("币没到账")
    assert [h.id for h in hits][:1] == ["deposit-not-arrived"]
    assert (hits[0].url, hits[0].title, hits[0].fallback) == (
        "zh/deposits-withdrawals/deposit-not-arrived/", "充值未到账怎么办", False)


def test_each_language_finds_its_own_words(site: Path) -> None:
    corpus = corpus_at(site)
    assert search(corpus, "en", "deposit missing")[0] == "deposit-not-arrived"
    assert search(corpus, "en", "authenticator")[0] == "set-up-2fa"
    assert search(corpus, "zh", "充值没到账")[0] == "deposit-not-arrived"


def test_untranslated_articles_are_searched_in_english_and_flagged(site: Path) -> None:
    corpus = corpus_at(site)
    index, _ = build_for_language(corpus, "zh", TODAY, url_of)
    hits = SearchIndex(index).search("authenticator")
    assert [(h.id, h.title, h.url, h.fallback) for h in hits[:1]] == [
        ("set-up-2fa", "Set up two-factor authentication", "zh/security/set-up-2fa/", True)]
    assert index["fallback_label"] == "English"


def test_coin_names_are_searched_in_the_readers_language(site: Path) -> None:
    # "泰达币" is USDT's Chinese name in coins.yml; the notice is not translated.
    # The article that only says "币" (coin) comes after both, on its unigram.
    found = search(corpus_at(site), "zh", "泰达币")
    assert set(found[:2]) == {"deposit-not-arrived", "trx-network-upgrade"}
    assert found[2:] == ["withdraw-crypto"]


def test_category_names_are_searched_in_the_readers_language(site: Path) -> None:
    # categories.yml names the security category 账户安全 in Chinese; the
    # untranslated 2FA article has no Chinese text but is in that category.
    assert search(corpus_at(site), "zh", "账户安全")[0] == "set-up-2fa"


def test_ended_notices_are_not_indexed(site: Path) -> None:
    live = corpus_at(site, dt.date(2026, 12, 10))
    assert "trx-network-upgrade" in search(live, "en", "upgrade", dt.date(2026, 12, 10))
    ended = corpus_at(site, dt.date(2026, 12, 11))
    index, _ = build_for_language(ended, "en", dt.date(2026, 12, 11), url_of)
    assert "trx-network-upgrade" not in [d["id"] for d in index["docs"]]
    assert SearchIndex(index).search("upgrade") == []


def test_synonyms_expand_the_query(site: Path) -> None:
    corpus = corpus_at(site)
    # 提币 appears in no article; the zh synonyms file makes it mean 提现.
    assert search(corpus, "zh", "提币")[0] == "withdraw-crypto"
    index, _ = build_for_language(corpus, "zh", TODAY, url_of)
    assert index["synonyms"] == [["提币", "提现", "withdraw"]]


def test_the_last_word_matches_while_it_is_being_typed(site: Path) -> None:
    corpus = corpus_at(site)
    assert search(corpus, "en", "auth")[0] == "set-up-2fa"
    # Once a space follows, it is a whole word and "auth" matches nothing.
    assert search(corpus, "en", "auth ") == []
    # Longer words also match other words with the same first five letters.
    assert search(corpus, "en", "withdrawing ")[0] == "withdraw-crypto"


def test_documents_hold_metadata_and_plain_text(site: Path) -> None:
    corpus = corpus_at(site)
    docs = {d.id: d for d in documents_for(corpus, "zh", TODAY, url_of)}
    notice = docs["trx-network-upgrade"]
    assert notice.fallback and notice.lang == "en"
    assert notice.fields["keywords"].split("\n") == ["TRX", "波场", "USDT", "泰达币", "U",
                                                    "USDT", "泰达"]
    assert notice.fields["category"] == "公告"
    body = docs["set-up-2fa"].fields["body"]
    assert body == "Open **Security** and scan the QR code with your app."


def test_connected_words_and_synonyms_become_one_clause_each() -> None:
    parts = clauses("e-mail 提币", [["提币", "提现"]])
    assert [[[t.term for t in a.terms] for a in c.alternatives] for c in parts] == [
        [["e", "mail"], ["email"]],
        [["提币"], ["提现"]],
    ]


def test_packing_round_trips() -> None:
    numbers = [0, 1, 31, 32, 1023, 1024, 2**31 + 5]
    assert unpack_numbers(pack_numbers(numbers)) == numbers
    terms = ["api", "apikey", "提币", "提现", "\U00020000\U00020001", "\U00020000x"]
    assert unpack_terms(pack_terms(terms)) == terms
    assert unpack_terms(pack_terms([])) == []


def block_test_documents() -> list[SearchDocument]:
    """Enough terms for many blocks, with astral CJK and shared prefixes across block edges."""
    words = [f"w{i:03d}" for i in range(90)] + ["\U00020000\U00020001", "\U00020000x",
                                               "\U00020000\U00020001\U00020002", "提币", "提现"]
    docs = []
    for d in range(40):
        text = " ".join(w for i, w in enumerate(words) if (i * 7 + d) % 5 == 0 or i % 11 == d % 11)
        docs.append(SearchDocument(id=f"d{d}", url=f"d{d}/", lang="en", fallback=False, title=f"d{d}",
                                   summary="", fields={"title": f"t{d}", "body": text}))
    return docs


def test_lazy_reader_decodes_every_term_as_a_whole_decode_does() -> None:
    data = build_index(block_test_documents(), lang="en", synonyms=[], fallback_label="English")
    index = SearchIndex(data)
    terms = unpack_terms(data["terms"])  # blocks restart the front coding; a whole decode still works
    df = unpack_numbers(data["df"])
    gaps, weights = unpack_numbers(data["postings"]), unpack_numbers(data["weights"])
    assert index.term_count == len(terms) > 6 * BLOCK
    assert terms == sorted(terms, key=utf16_key)
    at = 0
    for number in reversed(range(len(terms))):  # out of order: each lookup stands alone
        at = sum(df[:number])
        docs = []
        previous = -1
        for gap in gaps[at:at + df[number]]:
            previous += 1 + gap
            docs.append(previous)
        assert index.term(number) == terms[number]
        assert index.postings(number) == (docs, weights[at:at + df[number]])
        assert index.find(terms[number]) == number
    assert index.find("w0005") is None
    keys = [utf16_key(t) for t in terms]
    for probe in ["", "a", "w0005", "w089z", "提", "\uffff", "\U00020000", "\U00020000y", "\U000e0000"]:
        assert index.lower_bound(probe) == bisect_left(keys, utf16_key(probe)), probe
    # UTF-16 order: U+FFFF sorts after the surrogate pairs of U+20000, as in JavaScript.
    assert index.lower_bound("\uffff") == len(terms)
    completions = {index.term(n) for n, _ in index.expand(QueryTerm("\U00020000", True))}
    assert completions == {"\U00020000", "\U00020000\U00020001"}  # CJK text is indexed as bigrams


def test_synonym_file_problems_are_reported_with_their_line() -> None:
    text = "- [提币, 提现]\n- 提币\n- [提币]\n- [a, [b]]\n"
    synonyms, problems = parse_synonyms(text, "translations/synonyms/zh.yml")
    assert synonyms.groups == [["提币", "提现"]]
    assert [str(p) for p in problems] == [
        'translations/synonyms/zh.yml:2: error: expected a group in square brackets, like '
        '`- [提币, 提现, 出金, withdraw]`; found "提币"',
        "translations/synonyms/zh.yml:3: error: a group needs at least two different words, "
        "found 1; add the words readers use for the same thing",
        "translations/synonyms/zh.yml:4: error: every member of a group must be a word or "
        "phrase (not empty, not a list)",
    ]


def test_a_one_way_entry_expands_only_its_first_word() -> None:
    text = "- [提币, 提现]\n- clave: [contraseña, password]\n- a: b\n- {a: [b], c: [d]}\n"
    synonyms, problems = parse_synonyms(text, "translations/synonyms/es.yml")
    assert synonyms.groups == [["提币", "提现"], ["clave", "contraseña", "password"]]
    assert synonyms.oneway == [1]
    assert [str(p) for p in problems] == [
        "translations/synonyms/es.yml:3: error: a one-way entry is one word and the words it also "
        "finds, like `- clave: [contraseña, password]`",
        "translations/synonyms/es.yml:4: error: a one-way entry is one word and the words it also "
        "finds, like `- clave: [contraseña, password]`",
    ]

    def alternatives(query: str) -> list[list[str]]:
        parts = clauses(query, synonyms.groups, frozenset(), frozenset(synonyms.oneway))
        return [[" ".join(t.term for t in a.terms) for a in c.alternatives] for c in parts]

    assert alternatives("clave ") == [["clave", "contrasena", "password"]]
    assert alternatives("contraseña ") == [["contrasena", "contr"]]  # the word and its stem only
    assert alternatives("提现 ") == [["提现", "提币"]]  # groups still work both ways


def test_synonym_file_that_is_not_a_list() -> None:
    synonyms, problems = parse_synonyms("提币: 提现\n", "translations/synonyms/zh.yml")
    assert synonyms.groups == []
    assert [str(p) for p in problems] == [
        "translations/synonyms/zh.yml:1: error: expected a list of groups, one per line, like "
        "`- [提币, 提现, 出金, withdraw]`"]


def test_stop_words_count_a_tenth() -> None:
    parts = clauses("how to withdraw", [], frozenset({"how", "to"}))
    assert [c.weight for c in parts] == [0.1, 0.1, 1.0]
    assert [[a.weight for a in c.alternatives] for c in parts] == [[0.1], [0.1], [1.0, 0.6]]
    assert [c.weight for c in clauses("how to withdraw", [])] == [1.0, 1.0, 1.0]


def test_a_stop_word_in_titles_no_longer_decides_the_ranking() -> None:
    articles = [("my-deposit", "My deposit hasn't arrived", "Check the confirmations."),
                ("withdraw", "Withdraw crypto", "Send coins to an external wallet."),
                *((f"other-{n}", f"Topic {n}", "Nothing related here.") for n in range(6))]
    docs = [SearchDocument(id=i, url=f"{i}/", lang="en", fallback=False, title=t, summary="",
                           fields={"title": t, "body": b}) for i, t, b in articles]

    def first(stopwords: list[str]) -> str:
        data = build_index(docs, lang="en", synonyms=[], fallback_label="English", stopwords=stopwords)
        return SearchIndex(data).search("my wallet ")[0].id

    assert first([]) == "my-deposit"  # "my" in a title outweighs "wallet" in a body
    assert first(["my"]) == "withdraw"


def test_stop_word_file_problems_are_reported_with_their_line() -> None:
    text = "- my\n- How\n- [a]\n- what is\n- cómo\n- my\n"
    words, problems = parse_stopwords(text, "translations/stopwords/es.yml")
    assert words == ["como", "how", "my"]  # as the tokenizer writes them, once each
    assert [str(p) for p in problems] == [
        "translations/stopwords/es.yml:3: error: expected one word, like `- my`",
        'translations/stopwords/es.yml:4: error: "what is" is 2 search terms; a stop word is one word '
        "(write each word of a phrase on its own line)",
    ]
    assert [str(p) for p in parse_stopwords("my: 1\n", "s.yml")[1]] == [
        "s.yml:1: error: expected a list of words, one per line, like `- my`"]


def test_check_reports_word_list_problems(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "translations" / "stopwords" / "ja.yml").write_text("- [の]\n", encoding="utf-8")
    (site / "translations" / "synonyms" / "ko.yml").write_text("- [출금]\n", encoding="utf-8")
    assert main(["check", "--root", str(site), "--today", "2026-11-23",
                 str(site / "translations")]) == 1
    assert capsys.readouterr().out.splitlines()[:2] == [
        "translations/stopwords/ja.yml:1: error: expected one word, like `- my`",
        "translations/synonyms/ko.yml:1: error: a group needs at least two different words, found 1; "
        "add the words readers use for the same thing",
    ]


def test_the_repository_stop_word_files_are_valid() -> None:
    root = Path(__file__).resolve().parent.parent / "translations" / "stopwords"
    files = sorted(root.glob("*.yml"))
    assert files
    for path in files:
        words, problems = parse_stopwords(path.read_text(encoding="utf-8"), path.name)
        assert problems == [] and words, path.name
        # Words that change a question's meaning must never be stop words.
        assert not {"no", "not", "never", "не", "нет", "sin", "nunca"} & set(words), path.name


def test_the_repository_synonym_files_are_valid() -> None:
    root = Path(__file__).resolve().parent.parent / "translations" / "synonyms"
    for path in sorted(root.glob("*.yml")):
        synonyms, problems = parse_synonyms(path.read_text(encoding="utf-8"), path.name)
        assert problems == [] and synonyms.groups, path.name


# -- helpcentre search -----------------------------------------------------------
def test_cli_prints_ranked_results(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["search", "泰达币", "--lang", "zh", "--root", str(site), "--today",
                 "2026-11-23"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out == [
        " 1. trx-network-upgrade  TRX deposits paused for a network upgrade [English]  "
        "zh/announcements/trx-network-upgrade/",
        " 2. deposit-not-arrived  充值未到账怎么办  zh/deposits-withdrawals/deposit-not-arrived/",
        " 3. withdraw-crypto      如何提现加密货币  zh/deposits-withdrawals/withdraw-crypto/",
    ]


def test_cli_names_the_words_no_article_uses(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--root", str(site), "--today", "2026-11-23", "--limit", "1"]
    assert main(["search", "withdraw halving to my ledger", *base]) == 0
    assert capsys.readouterr().out == (
        " 1. withdraw-crypto  Withdraw crypto  deposits-withdrawals/withdraw-crypto/\n"
        'no article uses: "halving", "ledger"\n')
    assert main(["search", "USDT提币 减产周期", "--lang", "zh", *base, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["missing"] == ["减产周期"]


def test_cli_exit_codes(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--root", str(site), "--today", "2026-11-23"]
    assert main(["search", "nothing-like-this", *base]) == 1
    assert capsys.readouterr().out == ('no results for "nothing-like-this" in en\n'
                                       'no article uses: "nothing-like-this"\n')
    assert main(["search", "withdraw", "--expect", "set-up-2fa", *base]) == 1
    assert capsys.readouterr().err == '"set-up-2fa" is not in the first 10 results\n'
    assert main(["search", "withdraw", "--expect", "withdraw-crypto", *base]) == 0
    capsys.readouterr()
    assert main(["search", "x", "--lang", "fr", *base]) == 2
    assert capsys.readouterr().err == (
        'helpcentre search: error: --lang: "fr" is not a configured language; expected one of '
        "en, zh, ja, ko, es, ru (languages are set in mkdocs.yml)\n")
    assert main(["search", "x", "--limit", "0", *base]) == 2
    assert capsys.readouterr().err == (
        "helpcentre search: error: --limit: expected a number of results of 1 or more, "
        "found 0\n")


def test_cli_answers_from_a_built_site_as_from_the_content(site: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    built = build_site(site)
    from_content = ["search", "泰达币", "--lang", "zh", "--root", str(site), "--today", "2026-11-23"]
    assert main(from_content) == 0
    expected = capsys.readouterr().out
    assert main(["search", "泰达币", "--lang", "zh", "--site", str(built)]) == 0
    assert capsys.readouterr().out == expected
    assert main(["search", "withdraw", "--site", str(built), "--limit", "1", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert main(["search", "withdraw", "--root", str(site), "--limit", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == answer
    score = answer["results"][0].pop("score")
    assert answer == {"query": "withdraw", "lang": "en", "results": [
        {"rank": 1, "id": "withdraw-crypto", "url": "deposits-withdrawals/withdraw-crypto/",
         "title": "Withdraw crypto", "fallback": False}], "missing": []}
    assert isinstance(score, float) and score > 0


def test_cli_site_errors_say_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--lang", "fr", "--site", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"helpcentre search: error: --site: no search index for fr in {tmp_path} (looked for "
        f"{tmp_path}/fr/search/hc-index.json or {tmp_path}/search/hc-index.json); build the site "
        "first (helpcentre build)\n")
    old = tmp_path / "search" / "hc-index.json"
    old.parent.mkdir()
    old.write_text('{"format": "helpcentre-search", "version": 1}', encoding="utf-8")
    assert main(["search", "x", "--site", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"helpcentre search: error: --site: {old}: not a helpcentre-search index of version 4; "
        "rebuild the site with this version of helpcentre\n")
    old.write_text("[]", encoding="utf-8")
    assert main(["search", "x", "--site", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"helpcentre search: error: --site: {old}: not a search index file; "
        "rebuild the site with this version of helpcentre\n")


def test_cli_stops_quietly_when_its_reader_goes_away(site: Path) -> None:
    """`helpcentre search ... | head`: no traceback once head has what it wants."""
    command = [sys.executable, "-c", "import sys; from helpcentre.cli import main; sys.exit(main())",
               "search", "withdraw", "--root", str(site), "--today", "2026-11-23"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before anything is written
    _, err = proc.communicate(timeout=120)
    assert err.decode() == ""
    assert proc.returncode == 1


def test_a_translation_carries_its_english_title_and_keywords(site: Path) -> None:
    docs = {d.id: d for d in documents_for(corpus_at(site), "zh", TODAY, url_of)}
    assert docs["deposit-not-arrived"].other == (
        ("en", "My deposit has not arrived\ndeposit missing\nnot received\ntxid"),)
    # The English title's words reach the Chinese article, stemmed in English.
    assert search(corpus_at(site), "zh", "never arriving")[0] == "deposit-not-arrived"


def test_a_fallback_is_found_by_the_words_of_any_translation(site: Path) -> None:
    corpus = corpus_at(site)
    docs = {d.id: d for d in documents_for(corpus, "ja", TODAY, url_of)}
    assert docs["deposit-not-arrived"].fallback
    assert docs["deposit-not-arrived"].other == (
        ("zh", "充值未到账怎么办\n联系我们之前，请先检查确认数和交易哈希。\n充值未到账\n币没到账\ntxid"),)
    # A reader of the Japanese site who types Chinese reaches the English text.
    assert search(corpus, "ja", "充值未到账")[0] == "deposit-not-arrived"


def test_the_index_says_which_languages_it_stems(site: Path) -> None:
    index, _ = build_for_language(corpus_at(site), "zh", TODAY, url_of)
    assert index["stemmers"] == ["en"]  # zh has no stemmer; its English fallbacks and titles do
    index, _ = build_for_language(corpus_at(site), "ru", TODAY, url_of)
    assert index["stemmers"] == ["ru", "en"]


def test_common_han_characters_of_the_body_are_not_indexed_alone() -> None:
    docs = [SearchDocument(id=str(i), url=f"{i}/", lang="zh", fallback=False, title=f"标题{i}", summary="",
                           fields={"title": f"标题{i}", "body": "网络确认后入账" + ("税务" if i == 0 else "")})
            for i in range(20)]
    index = SearchIndex(build_index(docs, lang="zh", synonyms=[], fallback_label="English"))
    assert index.find("税") is not None  # in 1 of 20 bodies
    assert index.find("网") is None  # in every body: more than UNIGRAM_MAX_SHARE
    assert index.find("标") is not None  # titles keep every character
    assert [h.id for h in index.search("交税")] == ["0"]  # 税 found inside 税务


def test_a_query_that_finds_nothing_is_tried_with_its_characters_apart() -> None:
    docs = [SearchDocument(id="defi", url="defi/", lang="ko", fallback=False, title="디파이 서비스", summary="",
                           fields={"title": "디파이 서비스", "body": "이더리움 클래식"})]
    index = SearchIndex(build_index(docs, lang="ko", synonyms=[], fallback_label="English"))
    assert spread("이클 디파이") == "이 클  디 파 이 "
    assert [h.id for h in index.search("이클")] == ["defi"]  # no bigram 이클; 이 and 클 begin terms


def test_the_thesaurus_ships_only_what_the_index_can_match() -> None:
    entries = [["buy", "purchase", "bribe"], ["velocity", "speed"], ["almost", "about"]]
    held = {"~purchas", "~speed", "~about"}
    assert for_index(entries, "en", held.__contains__, frozenset({"about", "almost"})) == [
        ["buy|~buy", "~purchas"], ["velocity|~veloc", "~speed"]]


def test_the_thesaurus_expands_only_words_the_writers_do_not_use() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang="en", fallback=False, title=t, summary="",
                           fields={"title": t, "body": ""})
            for i, t in [("a", "Purchase crypto"), ("b", "Speed of deposits"), ("c", "Velocity limits")]]
    index = SearchIndex(build_index(docs, lang="en", synonyms=[], fallback_label="English"))
    assert [h.id for h in index.search("buying ")] == ["a"]  # "buy" is nowhere: its synonym is asked
    assert [h.id for h in index.search("velocity ")] == ["c"]  # the writers say "velocity": no "speed"


def test_a_japanese_thesaurus_key_is_its_bigrams() -> None:
    entries = [["スマホ", "スマートフォン", "smartphone", "携帯"], ["元", "もと"], ["給料", "給与"]]
    held = {"すま", "まー", "ーと", "とふ", "ふぉ", "ぉん", "smartphon", "~smartphon"}
    assert for_index(entries, "ja", held.__contains__) == [
        ["すま まほ", "すま まー ーと とふ ふぉ ぉん", "~smartphon"]]  # 携帯, 給与 absent; 元 is one character


def test_the_japanese_thesaurus_finds_the_writers_word() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang="ja", fallback=False, title=t, summary="",
                           fields={"title": t, "body": ""})
            for i, t in [("phone", "スマートフォンを替えたとき"), ("pay", "給与の受け取り"), ("other", "入金の確認")]]
    data = build_index(docs, lang="ja", synonyms=[], fallback_label="English")
    index = SearchIndex(data)
    assert [h.id for h in index.search("スマホ ")] == ["phone"]
    assert [h.id for h in index.search("給料 ")] == ["pay"]
    assert [h.id for h in index.search("入金 ")] == ["other"]  # a word the writers use is not expanded


def test_the_sudachi_dictionary_is_read_with_its_own_flags(tmp_path: Path) -> None:
    def item(word: str, number: int, expand: int = 0, spelling: str = "代表表記",
             short: str = "代表語形") -> dict[str, object]:
        return {"midashi": word, "vocabularyNumber": number, "expandControl": expand,
                "hyoukiYure": spelling, "ryakusyou": short}

    groups = [
        {"id": "1", "items": [item("スマートフォン", 1), item("smartphone", 1),
                              item("スマホ", 1, short="略語・略称"),
                              item("SP", 1, 1, short="略語・略称/アルファベット"),
                              item("すまほ", 1, spelling="間違い表記"),
                              item("携帯電話", 2), item("mobile phone", 2)]},
        {"id": "2", "items": [item("ソフトウェア", 1), item("ソフト", 1, 1)]},  # ソフト only found
        {"id": "3", "items": [item("開始", 1), item("スタート", 2)]},
        {"id": "4", "items": [item("開始", 1), item("始まり", 2), item("はじまり", 2, 2)]},  # 開始 twice: left out
        {"id": "5", "items": [item("元", 1), item("もと", 1)]},  # a one-character key is no bigram
    ]
    path = tmp_path / "synonyms.json"
    path.write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    assert from_sudachi(path) == {
        "スマートフォン": ["smartphone", "スマホ", "携帯電話"],
        "スマホ": ["スマートフォン", "smartphone", "携帯電話"],
        "すまほ": ["スマートフォン", "smartphone", "スマホ", "携帯電話"],
        "携帯電話": ["スマートフォン", "smartphone", "スマホ"],
        "ソフトウェア": ["ソフト"],
        "スタート": ["開始"],
        "始まり": ["開始"],
        "もと": ["元"],
    }


def test_the_shipped_japanese_thesaurus_holds_everyday_words() -> None:
    entries = {key: targets for key, *targets in load_thesaurus("ja")}
    assert entries["スマホ"][:2] == ["スマートフォン", "スマートホン"]
    assert "salary" in entries["給料"] and "給与" in entries["給料"]
    assert "ソフト" not in entries  # software, ice cream or a ball: the dictionary expands it never
    assert load_thesaurus("ko") == []
