"""The glossary (content/_data/glossary/<lang>.yml), with exact messages.

- Loading (content/glossary.py): every mistake a writer can make in a file,
  with its message and the line to edit; `related` ids that are not articles.
- The order of each language's page: gojūon by reading, hangul, ё as е, ñ after
  n, pinyin; entries a language lacks shown in English, in that order.
- Term links in article HTML (site/glossary.py ``link_terms``).
- Search: each entry is a synonym group, in the index of its language.
- The starter glossary in content/ passes all of it.
- A built fixture site: the glossary page and an article's term link.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_ARTICLES, TODAY, build_site, write_site
from helpcentre.checks.glossary import check
from helpcentre.content import paths
from helpcentre.content.corpus import Corpus, load_corpus
from helpcentre.content.glossary import (
    HAN_RE,
    Entry,
    Glossary,
    linkable,
    load_glossary,
    related_problems,
)
from helpcentre.content.problems import Problem
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.search.index import build_for_language
from helpcentre.search.query import SearchIndex
from helpcentre.site.glossary import link_terms

DAY = dt.date.fromisoformat(TODAY)
STARTER_DAY = dt.date(2026, 12, 7)  # the day the starter content was reviewed
EN = "content/_data/glossary/en.yml"
ZH = "content/_data/glossary/zh.yml"
JA = "content/_data/glossary/ja.yml"
# What a message shows a writer an entry looks like (content.glossary.EXAMPLE), pinned here.
EXAMPLE = ("memo:\n  term: Memo\n  definition: A short code some networks need besides the address.\n"
           "  synonyms: [tag, destination tag]\n  related: [memo-or-tag-required]")
MEMO = """\
memo:
  term: Memo
  definition: A short code some networks need.
  synonyms: [tag, destination tag]
  related: [deposit-not-arrived]
"""


def glossary_site(root: Path, files: dict[str, str], articles: dict[str, str] | None = None) -> Path:
    """A fixture site with ``files`` (name -> text) as its glossary folder (a new one each call)."""
    root = root.with_name(f"{root.name}{len(list(root.parent.glob(root.name + '*')))}")
    write_site(root, {} if articles is None else articles)
    folder = root / "content" / "_data" / "glossary"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    _, found = load_glossary(load_project(glossary_site(tmp_path / "site", files)))
    return [str(p) for p in found]


def loaded(tmp_path: Path, files: dict[str, str]) -> Glossary:
    glossary, found = load_glossary(load_project(glossary_site(tmp_path / "site", files)))
    assert found == []
    return glossary


def glossary_of(*entries: Entry) -> Glossary:
    """A glossary in memory; English is the source."""
    by_lang: dict[str, dict[str, Entry]] = {}
    for entry in entries:
        by_lang.setdefault(entry.lang, {})[entry.id] = entry
    return Glossary(by_lang, "en", {lang: f"content/_data/glossary/{lang}.yml" for lang in by_lang})


def terms(glossary: Glossary, lang: str) -> list[str]:
    return [entry.term for entry, _ in glossary.ordered(lang)]


# Loading: one mistake per file, its exact message on its line ------------------------------


def test_a_chinese_term_with_han_characters_needs_its_pinyin(tmp_path: Path) -> None:
    zh = "# 备注\nmemo:\n  term: 备注\n  definition: 一段代码。\n"
    assert problems(tmp_path, {"en.yml": MEMO, "zh.yml": zh}) == [
        f'{ZH}:2: error: `memo`: `reading` is missing; "备注" is written with Han characters, and '
        "the glossary is sorted by how it is read: add its pinyin, like `reading: bei zhu`"]


def test_a_japanese_term_with_kanji_needs_its_hiragana(tmp_path: Path) -> None:
    ja = "memo:\n  term: メモ\n  definition: 短いコードです。\nconfirmation:\n  term: 承認数\n  definition: 数です。\n"
    en = MEMO + "confirmation:\n  term: Confirmation\n  definition: A block.\n"
    assert problems(tmp_path, {"en.yml": en, "ja.yml": ja}) == [
        f'{JA}:4: error: `confirmation`: `reading` is missing; "承認数" is written with Han '
        "characters, and the glossary is sorted by how it is read: add its hiragana, like "
        "`reading: しゅっきん`"]


def test_kana_hangul_and_latin_terms_need_no_reading(tmp_path: Path) -> None:
    files = {"en.yml": MEMO,
             "ja.yml": "memo:\n  term: メモ\n  definition: 短いコードです。\n",
             "ko.yml": "memo:\n  term: 메모\n  definition: 짧은 코드입니다.\n",
             "zh.yml": "memo:\n  term: Memo\n  definition: 一段代码。\n"}
    assert problems(tmp_path, files) == []


def test_a_translated_id_must_be_an_english_entry(tmp_path: Path) -> None:
    zh = "memo:\n  term: 备注\n  reading: bei zhu\n  definition: 一段代码。\nfee:\n  term: 手续费\n" \
         "  reading: shou xu fei\n  definition: 费用。\n"
    glossary, found = load_glossary(load_project(glossary_site(tmp_path / "site", {"en.yml": MEMO, "zh.yml": zh})))
    assert [str(p) for p in found] == [
        f"{ZH}:5: error: `fee`: not an entry of the English glossary ({EN}); translate an English "
        "entry under the same id, or add it there first"]
    assert list(glossary.entries["zh"]) == ["memo"]  # the stray entry is dropped


def test_related_belongs_to_the_english_entry_only(tmp_path: Path) -> None:
    zh = "memo:\n  term: Memo\n  definition: 一段代码。\n  related: [deposit-not-arrived]\n"
    glossary, found = load_glossary(load_project(glossary_site(tmp_path / "site", {"en.yml": MEMO, "zh.yml": zh})))
    assert [str(p) for p in found] == [
        f"{ZH}:1: error: `memo`: unknown field `related`; the related articles come from the "
        "English entry"]
    # The translation still shows, with the English entry's related articles.
    assert glossary.entries["zh"]["memo"].related == ("deposit-not-arrived",)


def test_an_unknown_field_names_the_fields_an_entry_has(tmp_path: Path) -> None:
    en = MEMO + "txid:\n  term: TxID\n  definition: The transaction ID.\n  see_also: [memo]\n"
    assert problems(tmp_path, {"en.yml": en}) == [
        f"{EN}:6: error: `txid`: unknown field `see_also`; an entry has term, definition, "
        "synonyms, related, reading"]


def test_an_entry_id_is_lower_case_words_and_hyphens(tmp_path: Path) -> None:
    en = MEMO + "Memo Tag:\n  term: Memo tag\n  definition: A tag.\n"
    glossary, found = load_glossary(load_project(glossary_site(tmp_path / "site", {"en.yml": en})))
    assert [str(p) for p in found] == [
        f"{EN}:6: error: `Memo Tag`: an entry id may use only lower-case letters a-z, digits 0-9 "
        "and single hyphens between words (it is the entry's address, glossary/#id)"]
    assert list(glossary.source()) == ["memo"]


def test_an_entry_needs_a_term(tmp_path: Path) -> None:
    en = MEMO + "txid:\n  definition: The transaction ID.\n"
    assert problems(tmp_path, {"en.yml": en}) == [
        f"{EN}:6: error: `txid`: `term` is missing; write the word as readers see it, like "
        "`term: Memo`"]


def test_an_entry_needs_a_definition(tmp_path: Path) -> None:
    en = MEMO + "\ntxid:\n  term: TxID\n  definition: '  '\n"
    assert problems(tmp_path, {"en.yml": en}) == [
        f"{EN}:7: error: `txid`: `definition` is missing; explain the term in one or two plain "
        "sentences"]


def test_a_definition_is_at_most_400_characters(tmp_path: Path) -> None:
    ok = "txid:\n  term: TxID\n  definition: " + "a" * 400 + "\n"
    assert problems(tmp_path, {"en.yml": ok}) == []
    long = "txid:\n  term: TxID\n  definition: " + "a" * 401 + "\n"
    assert problems(tmp_path, {"en.yml": long}) == [
        f"{EN}:1: error: `txid`: `definition` is 401 characters; keep it under 400 (one or two "
        "sentences) and link an article in `related` for the rest"]


def test_a_word_names_one_entry_whatever_its_case(tmp_path: Path) -> None:
    en = MEMO + "destination-tag:\n  term: Destination Tag\n  definition: XRP's memo.\n"
    assert problems(tmp_path, {"en.yml": en}) == [
        f'{EN}:6: error: `destination-tag`: "destination tag" is also a term or synonym of '
        "`memo`; a word names one entry, so remove it from one"]


def test_a_word_names_one_entry_in_a_translation_too(tmp_path: Path) -> None:
    en = MEMO + "fee:\n  term: Fee\n  definition: What a transfer costs.\n"
    zh = ("memo:\n  term: 备注\n  reading: bei zhu\n  definition: 一段代码。\n  synonyms: [标签]\n"
          "fee:\n  term: 手续费\n  reading: shou xu fei\n  definition: 费用。\n  synonyms: [标签]\n")
    assert problems(tmp_path, {"en.yml": en, "zh.yml": zh}) == [
        f'{ZH}:6: error: `fee`: "标签" is also a term or synonym of `memo`; a word names one '
        "entry, so remove it from one"]


def test_a_file_for_a_language_the_site_does_not_have(tmp_path: Path) -> None:
    assert problems(tmp_path, {"en.yml": MEMO, "xx.yml": MEMO, "notes.txt": "x"}) == [
        "content/_data/glossary/notes.txt:1: error: the glossary has one file per language, named "
        "<language>.yml (en.yml, zh.yml, ja.yml, ko.yml, es.yml, ru.yml); rename or remove this one",
        "content/_data/glossary/xx.yml:1: error: the glossary has one file per language, named "
        "<language>.yml (en.yml, zh.yml, ja.yml, ko.yml, es.yml, ru.yml); rename or remove this one"]


def test_a_list_instead_of_entries_keyed_by_id(tmp_path: Path) -> None:
    assert problems(tmp_path, {"en.yml": "- term: Memo\n  definition: A code.\n"}) == [
        f"{EN}:1: error: expected entries keyed by their id, like\n{EXAMPLE}"]


def test_an_entry_that_is_not_indented_fields(tmp_path: Path) -> None:
    assert problems(tmp_path, {"en.yml": MEMO + "txid: TxID\n"}) == [
        f"{EN}:6: error: `txid`: expected `term:`, `definition:` and `synonyms:` under the id, "
        f"indented, like\n{EXAMPLE}"]


def test_synonyms_and_reading_have_their_shapes(tmp_path: Path) -> None:
    en = "memo:\n  term: Memo\n  definition: A code.\n  synonyms: tag\n  reading: 3\n"
    assert problems(tmp_path, {"en.yml": en}) == [
        f"{EN}:1: error: `memo`: `reading` must be text, like `reading: bei zhu`",
        f"{EN}:1: error: `memo`: `synonyms` must be a list of words, like "
        "`synonyms: [tag, destination tag]`"]


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("memo:\n  term: Memo\n  definition: A code.\n  synonyms: [tag\n", 5, "did not find expected ',' or ']'"),
    ("memo:\n  term: Memo\n definition: A code.\n", 3, "did not find expected key"),
])
def test_broken_yaml_is_one_error_on_its_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    assert problems(tmp_path, {"en.yml": text}) == [
        f"{EN}:{line}: error: not valid YAML ({reason}); each entry looks like\n{EXAMPLE}"]


def test_no_folder_or_an_empty_file_is_an_empty_glossary(tmp_path: Path) -> None:
    project = load_project(write_site(tmp_path / "bare", {}))
    glossary, found = load_glossary(project)
    assert (glossary.entries, found) == ({}, [])
    assert loaded(tmp_path, {"en.yml": "# nothing yet\n"}).entries == {"en": {}}


def test_an_entry_keeps_its_fields_and_line(tmp_path: Path) -> None:
    zh = "\n\nmemo:\n  term: ' 备注 '\n  reading: bei zhu\n  definition: 一段代码。\n  synonyms: [标签, ' 数字标签 ']\n"
    glossary = loaded(tmp_path, {"en.yml": MEMO, "zh.yml": zh})
    assert glossary.entries["zh"]["memo"] == Entry(
        "memo", "zh", "备注", "一段代码。", ("标签", "数字标签"), ("deposit-not-arrived",), "bei zhu", 3)
    assert glossary.shown == {"en": EN, "zh": ZH}


# `related`: article ids, checked against the corpus -------------------------------------


def test_a_related_id_that_is_not_an_article(tmp_path: Path) -> None:
    en = MEMO + "txid:\n  term: TxID\n  definition: The transaction ID.\n  related: [find-txid, set-up-2fa]\n"
    glossary = loaded(tmp_path, {"en.yml": en})
    assert [str(p) for p in related_problems(glossary, {"deposit-not-arrived", "set-up-2fa"})] == [
        f'{EN}:6: error: `txid`: `related`: no article has the id "find-txid"; use the file name '
        "of an English article, without .md"]
    assert related_problems(glossary, {"deposit-not-arrived", "set-up-2fa", "find-txid"}) == []


def test_check_reports_the_files_problems_and_the_related_ids(tmp_path: Path) -> None:
    en = MEMO + "txid:\n  term: TxID\n  definition: The transaction ID.\n  related: [find-txid]\n"
    zh = "memo:\n  term: 备注\n  definition: 一段代码。\n"
    root = glossary_site(tmp_path / "site", {"en.yml": en, "zh.yml": zh}, SAMPLE_ARTICLES)
    project = load_project(root)
    corpus = load_corpus(project, load_registry(project), today=DAY)
    assert [str(p) for p in check(corpus, None, DAY)] == [
        f'{ZH}:1: error: `memo`: `reading` is missing; "备注" is written with Han characters, and '
        "the glossary is sorted by how it is read: add its pinyin, like `reading: bei zhu`",
        f'{EN}:6: error: `txid`: `related`: no article has the id "find-txid"; use the file name '
        "of an English article, without .md"]


# Order: each language's own ------------------------------------------------------------------


def test_japanese_is_sorted_by_reading_in_gojuon_order(tmp_path: Path) -> None:
    en = "".join(f"{i}:\n  term: {t}\n  definition: D.\n" for i, t in
                 [("wallet", "Wallet"), ("key", "Key"), ("book", "Order book"), ("address", "Address")])
    ja = ("wallet:\n  term: ウォレット\n  definition: 財布。\n"
          "key:\n  term: かぎ\n  definition: 鍵。\n"
          "book:\n  term: 板\n  reading: いた\n  definition: 注文の一覧。\n"
          "address:\n  term: アドレス\n  definition: 宛先。\n")
    glossary = loaded(tmp_path, {"en.yml": en, "ja.yml": ja})
    # あ (katakana ア as hiragana), い (板, read いた), う, か.
    assert terms(glossary, "ja") == ["アドレス", "板", "ウォレット", "かぎ"]


def test_korean_is_sorted_in_hangul_order() -> None:
    words = ["하나", "가격", "다리", "나무", "까치", "마을"]
    glossary = glossary_of(*(Entry(f"e{i}", "en", f"E{i}", "D.") for i in range(len(words))),
                           *(Entry(f"e{i}", "ko", w, "D.") for i, w in enumerate(words)))
    assert terms(glossary, "ko") == ["가격", "까치", "나무", "다리", "마을", "하나"]


def test_russian_sorts_yo_as_ye() -> None:
    words = ["жук", "ёж", "ель", "еда", "ёлка", "дом"]
    glossary = glossary_of(*(Entry(f"e{i}", "en", f"E{i}", "D.") for i in range(len(words))),
                           *(Entry(f"e{i}", "ru", w, "D.") for i, w in enumerate(words)))
    # Not after я, where its code point is: ё is е with a mark.
    assert terms(glossary, "ru") == ["дом", "еда", "ёж", "ёлка", "ель", "жук"]


def test_spanish_puts_enye_after_every_other_n() -> None:
    words = ["oro", "Ñandú", "nube", "nzeta", "niño", "ninos", "mar"]
    glossary = glossary_of(*(Entry(f"e{i}", "en", f"E{i}", "D.") for i in range(len(words))),
                           *(Entry(f"e{i}", "es", w, "D.") for i, w in enumerate(words)))
    assert terms(glossary, "es") == ["mar", "ninos", "niño", "nube", "nzeta", "Ñandú", "oro"]


def test_chinese_is_sorted_by_pinyin_with_latin_terms_among_it(tmp_path: Path) -> None:
    ids = ["network", "memo", "address", "fee", "txid"]
    en = "".join(f"{i}:\n  term: {i.title()}\n  definition: D.\n" for i in ids)
    zh = ("network:\n  term: 网络\n  reading: wang luo\n  definition: 链。\n"
          "memo:\n  term: 备注\n  reading: bei zhu\n  definition: 码。\n"
          "address:\n  term: 地址\n  reading: di zhi\n  definition: 址。\n"
          "fee:\n  term: 手续费\n  reading: shou xu fei\n  definition: 费。\n"
          "txid:\n  term: TxID\n  definition: 哈希。\n")
    glossary = loaded(tmp_path, {"en.yml": en, "zh.yml": zh})
    # bei, di, shou, TxID (by itself), wang; by code point 地 (U+5730) would come before 备 (U+5907).
    assert terms(glossary, "zh") == ["备注", "地址", "手续费", "TxID", "网络"]


def test_an_untranslated_entry_shows_in_english_in_its_english_place() -> None:
    glossary = glossary_of(
        Entry("wallet", "en", "Wallet", "Where coins are kept."),
        Entry("blockchain", "en", "Blockchain", "A public record."),
        Entry("memo", "en", "Memo", "A short code."),
        Entry("wallet", "zh", "钱包", "存币的地方。", reading="qian bao"),
        Entry("blockchain", "zh", "区块链", "公开记录。", reading="qu kuai lian"),
    )
    assert [(e.id, e.lang, e.term, fallback) for e, fallback in glossary.ordered("zh")] == [
        ("memo", "en", "Memo", True), ("wallet", "zh", "钱包", False),
        ("blockchain", "zh", "区块链", False)]
    assert glossary.in_language("memo", "zh") == (glossary.entries["en"]["memo"], True)
    assert glossary.in_language("wallet", "zh") == (glossary.entries["zh"]["wallet"], False)
    # A language without a file shows every entry in English, in English order.
    assert [(e.term, fallback) for e, fallback in glossary.ordered("ru")] == [
        ("Blockchain", True), ("Memo", True), ("Wallet", True)]


# Term links in an article ---------------------------------------------------------------------

LINKS = glossary_of(
    Entry("memo", "en", "Memo", "A short code.", ("tag", "destination tag")),
    Entry("txid", "en", "TxID", "The <transaction> ID & hash.", ("transaction hash",)),
    Entry("two-factor-authentication", "en", "Two-factor authentication", "A second step.", ("2FA",)),
    Entry("uid", "en", "UID", "Your account number.", ("id",)),
    Entry("memo", "zh", "备注", "一段代码。", ("标签",), reading="bei zhu"),
)


def link(word: str, entry_id: str, title: str, href: str = "../glossary/") -> str:
    return f'<a class="hc-term" href="{href}#{entry_id}" title="{title}">{word}</a>'


def linked(html: str, lang: str = "en") -> str:
    return link_terms(html, LINKS, lang, "../glossary/")


def test_only_the_first_use_of_an_entry_is_linked_whatever_the_word() -> None:
    assert linked("<p>Add the memo. The Memo again, a tag and a destination tag.</p>") == (
        f"<p>Add the {link('memo', 'memo', 'A short code.')}. The Memo again, a tag and a "
        "destination tag.</p>")
    # A synonym first (the longest word that fits), in its own case; the term later is not linked.
    assert linked("<p>Destination Tag first.</p><p>Then the memo.</p>") == (
        f"<p>{link('Destination Tag', 'memo', 'A short code.')} first.</p><p>Then the memo.</p>")


def test_never_inside_a_link_heading_or_code() -> None:
    html = ('<h2>Memo</h2><p><a href="x">memo</a> <a href="y"><strong>tag</strong></a></p>'
            "<p><code>memo</code></p><pre><code>memo</code></pre><pre>memo</pre><p>The memo.</p>")
    assert linked(html) == html.replace("The memo.", f"The {link('memo', 'memo', 'A short code.')}.")


def test_latin_words_are_linked_only_whole() -> None:
    html = "<p>It was tagged, memo-like, memos, memo_x and #tag.</p>"
    assert linked(html) == html.replace("#tag", f"#{link('tag', 'memo', 'A short code.')}")
    assert linked("<p>tagged</p>") == "<p>tagged</p>"


def test_cjk_terms_are_linked_inside_longer_text() -> None:
    assert linked("<p>请填写备注后提交，标签也是。</p>", "zh") == (
        f"<p>请填写{link('备注', 'memo', '一段代码。')}后提交，标签也是。</p>")


def test_short_latin_words_are_linked_only_in_capitals() -> None:
    assert linked("<p>Your id, your UID and 2FA.</p>") == (
        f"<p>Your id, your {link('UID', 'uid', 'Your account number.')} and "
        f"{link('2FA', 'two-factor-authentication', 'A second step.')}.</p>")
    assert [linkable(w) for w in ("id", "ID", "2FA", "tag", "x", "备注", "板", "メモ", "메모")] == [
        False, True, True, True, False, True, False, True, True]


def test_the_link_carries_the_definition_escaped() -> None:
    assert linked("<p>Copy the txid.</p>") == (
        '<p>Copy the <a class="hc-term" href="../glossary/#txid" '
        'title="The &lt;transaction&gt; ID &amp; hash.">txid</a>.</p>')
    assert link_terms("<p>memo</p>", LINKS, "en", "../../glossary/") == (
        f"<p>{link('memo', 'memo', 'A short code.', '../../glossary/')}</p>")


def test_escaped_text_stays_escaped() -> None:
    assert linked("<p>a &lt; b &amp; c &gt; d, the memo &lt;x&gt;</p>") == (
        f"<p>a &lt; b &amp; c &gt; d, the {link('memo', 'memo', 'A short code.')} &lt;x&gt;</p>")
    assert linked("<p>a &lt;script&gt; &amp; c</p>") == "<p>a &lt;script&gt; &amp; c</p>"


def test_html_without_a_term_comes_back_unchanged() -> None:
    for html in ["", "<p>Nothing to see.</p>\n<ul>\n<li>One</li>\n</ul>\n",
                 '<p>A <a href="https://x.example/?a=1&amp;b=2">link</a> &amp; <em>more</em></p>']:
        assert linked(html) == html
    # A language with no entries of its own links nothing (English entries are not its words).
    assert link_terms("<p>memo</p>", LINKS, "ru", "../glossary/") == "<p>memo</p>"


# Search synonyms -----------------------------------------------------------------------------


def test_each_entry_of_a_language_is_a_synonym_group() -> None:
    glossary = glossary_of(
        Entry("memo", "en", "Memo", "A code.", ("tag", "destination tag", "tag")),
        Entry("wallet", "en", "Wallet", "Where coins are kept."),
        Entry("memo", "zh", "备注", "一段代码。", ("标签", "Memo"), reading="bei zhu"),
    )
    assert glossary.synonym_groups("en") == [["Memo", "tag", "destination tag"]]  # once each; one word is no group
    assert glossary.synonym_groups("zh") == [["备注", "标签", "Memo"]]
    assert glossary.synonym_groups("ru") == []
    # The words to link, longest first (so "destination tag" wins over "tag").
    assert glossary.words("zh") == [("Memo", "memo"), ("备注", "memo"), ("标签", "memo")]
    assert glossary.words("en") == [("destination tag", "memo"), ("Wallet", "wallet"),
                                    ("Memo", "memo"), ("tag", "memo"), ("tag", "memo")]


def test_the_search_index_of_a_language_has_its_glossary_groups(tmp_path: Path) -> None:
    en = ("txid:\n  term: TxID\n  definition: The transaction ID.\n  synonyms: [zorblax]\n")
    zh = ("txid:\n  term: 交易哈希\n  reading: jiao yi ha xi\n  definition: 交易编号。\n"
          "  synonyms: [TxID, 哈希值]\n")
    root = glossary_site(tmp_path / "site", {"en.yml": en, "zh.yml": zh}, SAMPLE_ARTICLES)
    project = load_project(root)
    corpus: Corpus = load_corpus(project, load_registry(project), today=DAY)

    def url_of(article, lang: str) -> str:  # noqa: ANN001 - an Article
        return paths.article(lang, "en", article.category, article.id)

    english, found = build_for_language(corpus, "en", DAY, url_of)
    chinese, _ = build_for_language(corpus, "zh", DAY, url_of)
    assert found == []
    # After the language's own synonym lists (translations/synonyms/), so their one-way indexes hold.
    assert english["synonyms"][-1] == ["TxID", "zorblax"]
    assert chinese["synonyms"][-1] == ["交易哈希", "TxID", "哈希值"]
    assert ["TxID", "zorblax"] not in chinese["synonyms"]
    # A synonym finds the article that uses the term ("Check ... the TxID").
    assert [h.id for h in SearchIndex(english).search("zorblax")][:1] == ["deposit-not-arrived"]


# The starter glossary --------------------------------------------------------------------------


Starter = tuple[Glossary, list[Problem], Corpus]


@pytest.fixture(scope="module")
def starter() -> Starter:
    project = load_project(REPO)
    glossary, found = load_glossary(project)
    return glossary, found, load_corpus(project, load_registry(project), today=STARTER_DAY)


def test_the_starter_glossary_has_no_problems(starter: Starter) -> None:
    glossary, found, corpus = starter
    assert found == []
    assert related_problems(glossary, set(corpus.sources)) == []
    assert check(corpus, None, STARTER_DAY) == []
    assert sorted(glossary.entries) == ["en", "es", "ja", "ko", "ru", "zh"]
    assert len(glossary.entries["en"]) >= 30 and len(glossary.entries["zh"]) >= 30


def test_every_starter_han_term_has_its_reading(starter: Starter) -> None:
    glossary, _, _ = starter
    missing = [(lang, e.id) for lang in ("zh", "ja") for e in glossary.entries[lang].values()
               if HAN_RE.search(e.term) and not e.reading]
    assert missing == []
    with_han = [e for e in glossary.entries["zh"].values() if HAN_RE.search(e.term)]
    assert len(with_han) >= 20
    # Pinyin is Latin letters and spaces; a Japanese reading is hiragana (and ー).
    assert all(re.fullmatch(r"[a-z ]+", e.reading) for e in with_han)
    assert all(re.fullmatch(r"[\u3041-\u309f\u30fc]+", e.reading)
               for e in glossary.entries["ja"].values() if e.reading)


def test_every_starter_entry_has_related_articles_only_in_english(starter: Starter) -> None:
    glossary, _, corpus = starter
    assert all(e.related for e in glossary.source().values())
    assert all(set(e.related) <= set(corpus.sources) for e in glossary.source().values())
    for lang in ("zh", "ja", "ko", "es", "ru"):
        assert set(glossary.entries[lang]) <= set(glossary.source())
        assert all(e.related == glossary.source()[e.id].related for e in glossary.entries[lang].values())


# A built fixture site: the glossary page and a term link ------------------------------------

SITE_GLOSSARY = {
    "en.yml": """\
        network:
          term: Network
          definition: The blockchain a coin is sent over.
          synonyms: [chain]
          related: [deposit-not-arrived]
        txid:
          term: TxID
          definition: The transaction ID.
        confirmation:
          term: Confirmation
          definition: A block on top of a transaction.
        """,
    "zh.yml": """\
        network:
          term: 网络
          reading: wang luo
          definition: 币种转账所经过的区块链。
          synonyms: [公链, 主网]
        txid:
          term: TxID
          definition: 交易编号。
        """,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = {name: textwrap.dedent(text) for name, text in SITE_GLOSSARY.items()}
    return build_site(glossary_site(tmp_path_factory.mktemp("glossary") / "site", files, SAMPLE_ARTICLES))


def entries_on(page: str) -> list[tuple[str, str]]:
    """(id, term) of each entry on a glossary page, in page order."""
    return [(i, html_lib.unescape(t.strip())) for i, t in
            re.findall(r'<div class="hc-glossary__entry" id="([^"]+)"[^>]*>\s*<dt>([^<]*)', page)]


def test_the_built_glossary_pages(built: Path) -> None:
    english = (built / "glossary" / "index.html").read_text(encoding="utf-8")
    chinese = (built / "zh" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert entries_on(english) == [("confirmation", "Confirmation"), ("network", "Network"), ("txid", "TxID")]
    # zh order: Confirmation (English, untranslated) < TxID < 网络 (wang luo).
    assert entries_on(chinese) == [("confirmation", "Confirmation"), ("txid", "TxID"), ("network", "网络")]
    assert '<div class="hc-glossary__entry" id="confirmation" data-hc-term="confirmation" lang="en">' in chinese
    assert '<div class="hc-glossary__entry" id="network" data-hc-term="network">' in chinese
    # The related article, in the reader's language where translated.
    related = re.search(r'id="network".*?<p class="hc-glossary__related">(.*?)</p>', chinese, re.S)
    assert related is not None and "充值未到账" in related.group(1)
    assert "deposits-withdrawals/deposit-not-arrived/" in related.group(1)


def test_an_article_links_its_first_term_to_the_glossary(built: Path) -> None:
    english = (built / "deposits-withdrawals" / "deposit-not-arrived" / "index.html").read_text(encoding="utf-8")
    chinese = (built / "zh" / "deposits-withdrawals" / "deposit-not-arrived" / "index.html").read_text(encoding="utf-8")
    assert ('<a class="hc-term" href="../../glossary/#network" title="The blockchain a coin is sent '
            'over.">network</a>') in english
    assert '<a class="hc-term" href="../../glossary/#network" title="币种转账所经过的区块链。">网络</a>' in chinese
