"""Traditional Chinese folded to Simplified (search/traditional.py): a reader in Taiwan finds Simplified answers."""

from __future__ import annotations

from typing import Any

from helpcentre.search.documents import SearchDocument
from helpcentre.search.index import build_index
from helpcentre.search.query import SearchIndex
from helpcentre.search.traditional import FOLDED, fold, for_index, load_table, parse_pairs, table_for


def chinese(docs: list[tuple[str, str, str]], lang: str = "zh", synonyms: list[list[str]] | None = None,
            stopwords: list[str] | None = None) -> dict[str, Any]:
    return build_index([SearchDocument(id=i, url=f"{i}/", lang=lang, fallback=False, title=t, summary="",
                                       fields={"title": t, "body": b}) for i, t, b in docs],
                       lang=lang, synonyms=synonyms or [], stopwords=stopwords, fallback_label="English")


def test_the_table_folds_one_character_into_one() -> None:
    table = load_table()
    assert len(table) > 2500
    assert [table.get(c) for c in "錢驗證幣帳號為麼臺"] == list("钱验证币帐号为么台")
    assert all(len(t) == len(s) == 1 and ord(s) < 0x10000 and t != s for t, s in table.items())
    assert not set(table) & set("钱包验证提币充值没到账")  # Simplified characters stay as they are


def test_fold_keeps_everything_else() -> None:
    table = load_table()
    assert fold("USDT 錢包地址 2FA ビットコイン 비트코인", table) == "USDT 钱包地址 2FA ビットコイン 비트코인"
    assert fold("錢包", {}) == "錢包"
    assert table_for("zh") is table
    assert table_for("ja") == {}
    assert sorted(FOLDED) == ["zh"]


def test_a_traditional_query_finds_a_simplified_article_with_the_same_score() -> None:
    data = chinese([("addr", "提币地址", "复制钱包地址"), ("fee", "手续费", "提币手续费")])
    index = SearchIndex(data)
    traditional = index.search("錢包地址")
    simplified = index.search("钱包地址")
    assert [(h.id, h.score) for h in traditional] == [(h.id, h.score) for h in simplified]
    assert traditional[0].id == "addr"
    assert [(h.id, h.score) for h in index.search("提幣")] == [(h.id, h.score) for h in index.search("提币")] \
        == [("addr", 2.560233), ("fee", 0.538997)]  # a title beats a body


def test_a_traditional_article_and_traditional_synonyms_are_folded_too() -> None:
    data = chinese([("soft", "下載軟體", "在官網下載"), ("other", "充值", "到账")],
                   synonyms=[["软件", "軟體", "应用"]], stopwords=["怎麼"])
    index = SearchIndex(data)
    assert [h.id for h in index.search("下载软体")] == ["soft"]
    assert [h.id for h in index.search("应用")] == ["soft"]  # the group, written in both scripts, still expands
    assert data["synonyms"] == [["软件", "软体", "应用"]] and data["stopwords"] == ["怎么"]


def test_the_index_ships_only_pairs_it_can_match() -> None:
    table = {"錢": "钱", "驗": "验", "臺": "台"}
    assert for_index(table, ["钱包", "包", "验证"]) == "錢钱驗验"
    assert parse_pairs("錢钱驗验") == {"錢": "钱", "驗": "验"}
    data = chinese([("addr", "钱包地址", "")])
    assert "錢钱" in data["fold"] and "驗验" not in data["fold"]
    english = chinese([("addr", "Wallet address", "錢包")], lang="en")
    assert english["fold"] == ""  # only the Chinese index folds
    assert [h.id for h in SearchIndex(english).search("钱包")] == []
