"""The search tokenizer, one script family at a time (rules: search/tokenize.py)."""

from __future__ import annotations

import pytest

from helpcentre.search.tokenize import (
    CONNECTOR,
    SEPARATOR,
    WORD,
    analyze,
    char_class,
    tokenize,
)


def kinds(text: str, stemmers: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(t.term, t.kind) for t in analyze(text, stemmers)]


@pytest.mark.parametrize(("text", "terms"), [
    # English: lower case, a stem (first 5 letters) after longer words.
    ("Lost 2FA device", ["lost", "2fa", "device", "devic"]),
    ("Withdrawal", ["withdrawal", "withd"]),
    # Spanish: accents removed, so "deposito" finds "depósito".
    ("¿Dónde está mi depósito?", ["donde", "esta", "mi", "deposito", "depos"]),
    ("contraseña", ["contrasena", "contr"]),
    # Russian: ё is е, й keeps its letter apart from the accent.
    ("Ещё вывод", ["еще", "вывод"]),
    ("Пополнение", ["пополнение", "попол"]),
    # German sharp s, folded like the other accents.
    ("Straße", ["strasse", "stras"]),
])
def test_words_are_lower_cased_and_unaccented(text: str, terms: list[str]) -> None:
    assert tokenize(text) == terms


def test_chinese_is_cut_into_overlapping_bigrams() -> None:
    assert kinds("充值未到账") == [("充值", "gram"), ("值未", "gram"), ("未到", "gram"),
                                ("到账", "gram")]


def test_a_single_cjk_character_is_kept_as_a_unigram() -> None:
    assert kinds("币") == [("币", "single")]
    assert kinds("第2步") == [("第", "single"), ("2", "word"), ("步", "single")]


def test_japanese_kana_and_kanji_form_one_run_and_katakana_folds_to_hiragana() -> None:
    assert tokenize("テザーの出金") == ["てざ", "ざー", "ーの", "の出", "出金"]
    assert tokenize("テザー") == tokenize("てざー")


def test_full_width_and_half_width_forms_are_the_plain_ones() -> None:
    assert tokenize("ＵＳＤＴ") == ["usdt"]
    assert tokenize("ﾃｻﾞｰ") == tokenize("テザー") == ["てざ", "ざー"]
    assert tokenize("２ＦＡ") == ["2fa"]


def test_korean_particles_leave_the_word_bigram_in_place() -> None:
    assert tokenize("출금이") == ["출금", "금이"]
    assert "출금" in tokenize("출금")
    assert kinds("출금이 안돼요") == [("출금", "gram"), ("금이", "gram"), ("안돼", "gram"),
                                   ("돼요", "gram")]


@pytest.mark.parametrize(("text", "expected"), [
    ("USDT提币", [("usdt", "word"), ("提币", "gram")]),
    ("BTC 출금", [("btc", "word"), ("출금", "gram")]),
    ("2FA设置", [("2fa", "word"), ("设置", "gram")]),
    ("APIキー", [("api", "word"), ("きー", "gram")]),
    ("USDT提币出금", [("usdt", "word"), ("提币", "gram"), ("币出", "gram"), ("금", "single")]),
])
def test_mixed_scripts_split_at_the_script_boundary(text: str,
                                                    expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_a_connected_word_gives_its_parts_and_the_parts_glued_together() -> None:
    assert kinds("e-mail") == [("e", "part"), ("mail", "part"), ("email", "joined")]
    assert kinds("USDT-TRC20") == [("usdt", "part"), ("trc20", "part"),
                                   ("usdttrc20", "joined")]
    assert kinds("don't") == [("don", "part"), ("t", "part"), ("dont", "joined")]
    # A connector with nothing after it is only a separator.
    assert kinds("re- try") == [("re", "word"), ("try", "word")]


def test_separators_never_become_terms() -> None:
    assert tokenize("「出金」、（2FA）！?…") == ["出金", "2fa"]
    assert tokenize(" \t\n-- ") == []


def test_a_language_we_have_never_heard_of_still_tokenizes_by_script() -> None:
    # Thai is written without spaces: bigrams, like Chinese.
    assert tokenize("ถอนเงิน") == ["ถอ", "อน", "นเ", "เง", "งิ", "ิน"]
    # Hindi has spaces: words, with their vowel signs kept.
    assert tokenize("पैसा निकालें") == ["पैसा", "निकालें", "निकाल"]


def test_words_longer_than_forty_characters_are_dropped() -> None:
    txid = "a" * 64
    assert tokenize(f"txid {txid} ok") == ["txid", "ok"]


def test_character_classes() -> None:
    assert char_class("a") == WORD
    assert char_class("ж") == WORD
    assert char_class("-") == CONNECTOR
    assert char_class("、") == SEPARATOR
    assert char_class("・") == SEPARATOR  # katakana middle dot separates words
    assert char_class("ー") == "cjk"
    assert char_class("出") == char_class("の") == char_class("カ") == "cjk"
    assert char_class("한") == "hangul"
    assert char_class("\U00020000") == "cjk"  # CJK extension B, outside the BMP


def test_the_index_also_holds_each_han_character_of_a_run() -> None:
    assert kinds("交税") == [("交税", "gram")]  # a query: bigrams only
    assert tokenize("交税", unigrams=True) == ["交税", "交", "税"]
    # Kana and Hangul are not indexed alone: particles (の, を, 이, 가) would
    # match everything; measured on the ja and ko queries (tokenize.py, rule 8).
    assert tokenize("テザーの出金", unigrams=True) == ["てざ", "ざー", "ーの", "の出", "出金", "出", "金"]
    assert tokenize("출금이", unigrams=True) == ["출금", "금이"]


def test_roots_follow_their_word_in_each_language_asked_for() -> None:
    assert kinds("Withdrawals") == [("withdrawals", "word"), ("withd", "stem")]
    assert kinds("Withdrawals", ("en",)) == [("withdrawals", "word"), ("withd", "stem"), ("~withdraw", "root")]
    # Spanish and English roots of a Latin word both, each once.
    assert [t for t, k in kinds("retiros", ("es", "en")) if k == "root"] == ["~retir", "~retiro"]
