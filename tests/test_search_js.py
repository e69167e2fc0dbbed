"""The browser's search (hc-search.js, run by node) equals the Python one.

Readers search with the JavaScript copy; the index is built and `helpcentre
search` answers with the Python one. These tests run both on the same input:
every code point's class and normal form, sample strings in every script, and
ranked results (ids, rounded scores, matched terms) for queries typed one
character at a time against a fixture index.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import subprocess
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpcentre.content import paths
from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.search.documents import SearchDocument
from helpcentre.search.index import build_for_language, build_index
from helpcentre.search.query import SearchIndex
from helpcentre.search.tokenize import analyze, char_class, normalize, segments
from test_search_index import ARTICLES, block_test_documents  # the index tests' fixtures

REPO = Path(__file__).resolve().parent.parent
HC_SEARCH = REPO / "overrides" / "assets" / "javascripts" / "hc-search.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

# Reads a JSON request on stdin, answers with what hc-search.js computes.
DRIVER = """
const hc = require(process.argv[1]);
let input = "";
process.stdin.on("data", d => input += d).on("end", () => {
  const req = JSON.parse(input);
  const out = {};
  out.tokens = (req.strings || []).map(s => hc.analyze(s).map(t => [t.term, t.kind]));
  out.segments = (req.strings || []).map(s => hc.segments(hc.normalize(s)));
  if (req.sweep) {
    const runs = []; let previous = null;
    for (let cp = 0; cp <= 0x10FFFF; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      const c = hc.charClass(String.fromCodePoint(cp));
      if (c !== previous) { runs.push([cp, c]); previous = c; }
    }
    out.runs = runs;
    out.normal = [];
    for (let cp = 0; cp <= 0xFFFF; cp++)
      if (cp < 0xD800 || cp > 0xDFFF) out.normal.push(hc.normalize(String.fromCodePoint(cp)));
  }
  if (req.spelling) {
    out.latin = req.spelling.words.map(w => hc.latin(w));
    out.fuzzy = req.spelling.words.map(w => hc.fuzzyCandidate(w));
    out.edits = req.spelling.pairs.map(([a, b]) => hc.withinOneEdit(a, b));
  }
  if (req.loanwords) {
    out.runs = req.loanwords.texts.map(t => hc.loanwords(t));
    out.consonants = out.runs.map(rs => rs.map(r => hc.consonants(r)));
    out.latin = req.loanwords.words.map(w => hc.latinConsonants(w));
  }
  if (req.fold)
    out.fold = req.fold.texts.map(t => hc.fold(t, req.fold.pairs));
  if (req.index) {
    const index = new hc.SearchIndex(req.index);
    out.results = (req.queries || []).map(q => index.search(q, 10).map(h => [h.id, h.score, h.matched]));
    out.missing = (req.queries || []).map(q => index.missing(q));
    if (req.lists) {
      out.lists = [];
      for (let n = index.termCount - 1; n >= 0; n--) {
        const list = index.postings(n);
        out.lists.push([n, index.term(n), Array.from(list.docs), Array.from(list.weights)]);
      }
      out.bounds = req.probes.map(p => index.lowerBound(p));
    }
  }
  process.stdout.write(JSON.stringify(out));
});
"""

SAMPLES = [
    "USDT提币", "BTC 出金", "BTC 출금", "출금이 안돼요", "テザーの出金", "ＵＳＤＴ　ﾃｻﾞｰ", "２ＦＡ",
    "¿Dónde está mi depósito?", "Ещё вывод средств", "e-mail", "don't", "USDT-TRC20",
    "İstanbul ΟΔΟΣ Straße ẞ", "ﬁne ①", "\U00020000\U00020001 a", "ถอนเงิน", "पैसा निकालें",
    "re- try", "a" * 41, "🙂 emoji", "x\u0301y", "\u0301", "",
]


def run_node(request: dict[str, Any]) -> dict[str, Any]:
    assert NODE is not None
    result = subprocess.run([NODE, "-e", DRIVER, str(HC_SEARCH)], input=json.dumps(request),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_tokens_are_the_same() -> None:
    out = run_node({"strings": SAMPLES})
    assert out["tokens"] == [[[t.term, t.kind] for t in analyze(s)] for s in SAMPLES]


def test_every_code_point_has_the_same_class_and_normal_form() -> None:
    out = run_node({"sweep": True})
    starts = [start for start, _ in out["runs"]]
    differ = []
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        # Code points Python's Unicode database does not know yet may be
        # letters to a newer node; they are not in our content either.
        if unicodedata.category(ch) == "Cn":
            continue
        js = out["runs"][bisect_right(starts, cp) - 1][1]
        if js != char_class(ch):
            differ.append((hex(cp), char_class(ch), js))
    assert differ == []
    bmp = [cp for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF]
    differ = [(hex(cp), normalize(chr(cp)), js) for cp, js in zip(bmp, out["normal"], strict=True)
              if unicodedata.category(chr(cp)) != "Cn" and normalize(chr(cp)) != js]
    assert differ == []


QUERIES = {
    "en": ["deposit missing", "withdrawl", "verfication", "e-mail 2fa", "how do I send coins?", "auth", "my deposit",
           "google authenticator", "USDT-TRC20 upgrade"],
    "zh": ["充值没到账", "USDT提币", "泰达币", "提", "账户安全 2FA", "币没到账 txid", "充值沒到賬", "USDT提幣"],
}


def typed(query: str) -> list[str]:
    """The query as the search box sees it after each keystroke, then with a space."""
    return [query[:i] for i in range(1, len(query) + 1)] + [query + " "]


def test_lazy_decoding_gives_the_same_terms_and_postings() -> None:
    data = build_index(block_test_documents(), lang="en", synonyms=[], fallback_label="English")
    index = SearchIndex(data)
    probes = ["", "w0005", "提", "\uffff", "\U00020000", "\U000e0000"]
    out = run_node({"index": data, "lists": True, "probes": probes})
    python = [[n, index.term(n), *map(list, index.postings(n))] for n in reversed(range(index.term_count))]
    assert out["lists"] == python
    assert out["bounds"] == [index.lower_bound(p) for p in probes]


def test_one_way_synonyms_rank_the_same() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang="es", fallback=False, title=t, summary="",
                           fields={"title": t, "body": b})
            for i, t, b in [("reset", "Restablecer la contraseña", "Olvidé la contraseña."),
                            ("api", "Crear una clave API", "Guarda la clave secreta."),
                            ("otro", "Otro tema", "Nada de claves.")]]
    data = build_index(docs, lang="es", synonyms=[["clave", "contraseña", "password"], ["a", "b"]],
                       oneway=[0], fallback_label="English", stopwords=["la", "mi"])
    queries = ["clave", "clave ", "contraseña ", "olvide mi clave", "password", "b"]
    python = [[[h.id, h.score, list(h.matched)] for h in SearchIndex(data).search(q, 10)] for q in queries]
    assert run_node({"index": data, "queries": queries})["results"] == python
    assert [r[0][0] for r in python[:3]] == ["api", "api", "reset"]
    assert [r[0] for r in python[2]] == ["reset"]  # "contraseña" does not expand to "clave"


def test_ranked_results_are_the_same(make_site: Callable[..., Path]) -> None:
    root = make_site(ARTICLES)
    project = load_project(root)
    corpus = load_corpus(project, load_registry(project), today=dt.date(2026, 11, 23))
    compared = 0
    for lang, queries in QUERIES.items():
        index, _ = build_for_language(corpus, lang, dt.date(2026, 11, 23),
                                      lambda a, reader: paths.article(reader, "en", a.category,
                                                                      a.id))
        every = [q for query in queries for q in typed(query)]
        python = [[[h.id, h.score, list(h.matched)] for h in SearchIndex(index).search(q, 10)]
                  for q in every]
        js = run_node({"index": index, "queries": every})["results"]
        assert dict(zip(every, js, strict=True)) == dict(zip(every, python, strict=True))
        compared += sum(bool(r) for r in python)
    assert compared > 50  # the queries found something to compare


def eval_queries() -> dict[str, list[str]]:
    """The evaluation sets' queries, by language (the sets, not their answers, matter here)."""
    import yaml

    out: dict[str, list[str]] = {}
    for path in sorted((REPO / "tests" / "search_eval").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.setdefault(str(item["lang"]), []).append(str(item["q"]))
    return out


def test_every_evaluation_query_ranks_the_same_on_the_real_articles() -> None:
    """Roots in three languages, Han unigrams, the thesaurus and other versions' titles, at once.

    Each query whole, and every prefix of every third query as it is typed.
    """
    project = load_project(REPO)
    today = dt.date(2026, 11, 23)
    corpus = load_corpus(project, load_registry(project), today=today)
    compared = named = 0
    for lang, queries in sorted(eval_queries().items()):
        index, _ = build_for_language(corpus, lang, today,
                                      lambda a, reader: paths.article(reader, "en", a.category, a.id))
        every = list(dict.fromkeys([*queries, *(q for query in queries[::3] for q in typed(query))]))
        python = [[[h.id, h.score, list(h.matched)] for h in SearchIndex(index).search(q, 10)] for q in every]
        answer = run_node({"index": index, "queries": every})
        differ = [(q, p, j) for q, p, j in zip(every, python, answer["results"], strict=True) if p != j]
        assert differ == [], (lang, differ[:3])
        # The words no article holds, which the page shows under the results.
        missing = [list(SearchIndex(index).missing(q)) for q in every]
        differ = [(q, p, j) for q, p, j in zip(every, missing, answer["missing"], strict=True) if p != j]
        assert differ == [], (lang, differ[:3])
        named += sum(bool(m) for m in missing)
        compared += len(every)
    assert compared > 2500
    assert named > 300  # the comparison covers queries with missing words, not only empty answers


def test_the_thesaurus_ranks_the_same() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang="en", fallback=False, title=t, summary="",
                           fields={"title": t, "body": b})
            for i, t, b in [("card", "Purchase crypto with a card", "Purchases settle at once."),
                            ("free", "Fees", "Deposits are free of charge."),
                            ("other", "Another topic", "Nothing about cards.")]]
    data = build_index(docs, lang="en", synonyms=[], fallback_label="English")
    assert ["buy|~buy", "~purchas"] in data["thesaurus"]
    queries = ["buy", "buying crypto", "free of charge", "buy ", "bought"]
    python = [[[h.id, h.score, list(h.matched)] for h in SearchIndex(data).search(q, 10)] for q in queries]
    assert run_node({"index": data, "queries": queries})["results"] == python
    assert python[1][0][0] == "card"  # "buying" finds "purchases" through "buy: purchase"


def test_other_spellings_are_the_same() -> None:
    """spelling.py's readings, candidates and edit test, on words of every kind and random pairs."""
    from helpcentre.search.spelling import fuzzy_candidate, latin, within_one_edit

    words = ["абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "метамаск", "трон", "биткоин", "щёлочь", "юсдт",
             "usdt", "трон2", "", "withdrawl", "verfication", "mande", "usdttrc20", "充值没有到账啊",
             "ｗｉｔｈｄｒａｗｌ", "straße", "déposito", "verificación", "\U0001d400bcdefgh", "ΟΔΟΣΟΔΟΣ", "पैसानिकालें"]
    rng = random.Random(17)
    alphabet = "abé\U0001d400ж"
    pairs = [["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5))),
              "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5)))] for _ in range(3000)]
    pairs += [["withdrawl", "withdrawal"], ["recieve", "receive"], ["bitkoin", "bitcoin"]]
    out = run_node({"spelling": {"words": words, "pairs": pairs}})
    assert out["latin"] == [latin(w) for w in words]
    assert out["fuzzy"] == [fuzzy_candidate(w) for w in words]
    assert out["edits"] == [within_one_edit(a, b) for a, b in pairs]
    assert sum(out["edits"]) > 100  # the random pairs hold near ones, not only far ones


def test_misspelt_and_cyrillic_names_rank_the_same() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang="en", fallback=False, title=t, summary="",
                           fields={"title": t, "body": b})
            for i, t, b in [("withdraw", "Withdrawal of crypto", "It leaves after review, staying pending."),
                            ("metamask", "Use MetaMask", "Add the network to MetaMask."),
                            ("bitcoin", "Bitcoin deposits", "Send bitcoin to your address."),
                            ("tron", "TRON maintenance", "Tron deposits pause."),
                            ("verify", "Верификация аккаунта", "Проверка занимает день.")]]
    data = build_index(docs, lang="ru", synonyms=[], fallback_label="English")
    queries = [q for query in ["withdrawl", "метамаск", "биткоин депозит", "трон", "withdrawals", "staking",
                                       "верефикация"]
               for q in typed(query)]
    python = [[[h.id, h.score, list(h.matched)] for h in SearchIndex(data).search(q, 10)] for q in queries]
    assert run_node({"index": data, "queries": queries})["results"] == python
    assert [python[queries.index(q)][0][0] for q in ("withdrawl", "метамаск ", "биткоин")] == \
        ["withdraw", "metamask", "bitcoin"]


CONSTANT = re.compile(r"^\s*var ([A-Z_]+) = (.+?)\s*(?://.*)?$", re.MULTILINE)


def test_the_weights_are_the_same_in_both() -> None:
    """Every tuning constant the browser copies has Python's value (a copy that drifts ranks differently)."""
    from helpcentre.search import query, spelling, tokenize

    js = dict(CONSTANT.findall(HC_SEARCH.read_text(encoding="utf-8")))
    names = ["SYNONYM_WEIGHT", "PREFIX_WEIGHT", "STEM_WEIGHT", "ROOT_WEIGHT", "UNIGRAM_WEIGHT",
             "THESAURUS_WEIGHT", "READING_WEIGHT", "FUZZY_WEIGHT", "STOP_WEIGHT", "MENTION_WEIGHT",
             "MAX_EXPANSIONS", "MIN_PREFIX", "MAX_QUERY_LENGTH", "WEIGHT_SCALE", "VERSION"]
    for name in names:
        assert float(js[name]) == float(getattr(query, name)), name
    for name in ["MAX_WORD", "STEM_LENGTH"]:
        assert float(js[name]) == float(getattr(tokenize, name)), name
    for name in ["FUZZY_MIN", "MAX_SPELLINGS"]:
        assert float(js[name]) == float(getattr(spelling, name)), name
    assert json.loads(js["ROOT_MARK"]) == tokenize.ROOT_MARK
    assert js["UNIGRAM_KANA"] == str(tokenize.UNIGRAM_KANA).lower()


def test_the_japanese_thesaurus_ranks_the_same() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang=lang, fallback=lang != "ja", title=t, summary="",
                           fields={"title": t, "body": ""})
            for i, lang, t in [("phone", "ja", "スマートフォンを替えたとき"), ("pay", "en", "Salary payments"),
                               ("other", "ja", "入金の確認")]]
    data = build_index(docs, lang="ja", synonyms=[], fallback_label="English")
    queries = [q for query in ["スマホ", "給料", "入金", "スマホの給料"] for q in typed(query)]
    python = [[[h.id, h.score, list(h.matched)] for h in SearchIndex(data).search(q, 10)] for q in queries]
    assert run_node({"index": data, "queries": queries})["results"] == python
    assert [python[queries.index(q)][0][0] for q in ("スマホ ", "給料 ")] == ["phone", "pay"]


def test_the_traditional_fold_is_the_same() -> None:
    """Every pair of the table, and text in every script around them."""
    from helpcentre.search.traditional import for_index, load_table

    table = load_table()
    pairs = for_index(table, table.values())
    assert len(pairs) == 2 * len(table)
    texts = ["".join(table), "USDT 錢包地址 2FA ビットコイン 비트코인 \U00020000 🙂", "钱包", ""]
    out = run_node({"fold": {"pairs": pairs, "texts": texts}})["fold"]
    assert out == ["".join(table.values()), "USDT 钱包地址 2FA ビットコイン 비트코인 \U00020000 🙂", "钱包", ""]


def test_loanword_consonants_are_the_same() -> None:
    """spelling.py's runs and consonants, on every katakana and a sweep of hangul and Latin words."""
    from helpcentre.search.spelling import consonants, latin_consonants, loanwords

    rng = random.Random(17)
    katakana = [chr(c) for c in range(0x30A0, 0x3100)]
    hangul = [chr(c) for c in range(0xAC00, 0xD7A4, 7)]
    texts = ["".join(katakana), "".join(hangul), "メタマスク送金 トロン ウォレット 메타마스크 전송 a 가 🙂テレグラム"]
    texts += ["".join(rng.choice(katakana + hangul + [" ", "a", "送"]) for _ in range(rng.randint(0, 12)))
              for _ in range(500)]
    letters = "abcdeghiklnopqrstuvxyz"
    words = ["metamask", "ledger", "support", "telegram", "authenticator", "ethclassic", "dg", "c", "r", "er"]
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    out = run_node({"loanwords": {"texts": texts, "words": words}})
    assert out["runs"] == [loanwords(t) for t in texts]
    assert out["consonants"] == [[consonants(r) for r in loanwords(t)] for t in texts]
    assert out["latin"] == [latin_consonants(w) for w in words]
    assert sum(len(r) for r in out["runs"]) > 300  # the random texts hold runs, not only noise


def test_katakana_and_hangul_names_rank_the_same() -> None:
    docs = [SearchDocument(id=i, url=f"{i}/", lang=lang, fallback=False, title=t, summary="",
                           fields={"title": t, "body": b})
            for i, lang, t, b in [("mm", "ja", "MetaMaskで送金する", "MetaMaskの設定 TRON"),
                                  ("tg", "ko", "Telegram 사칭 주의", "Telegram"),
                                  ("tron", "ja", "TRONの入金停止", "TRON Telegram MetaMask"),
                                  ("sp", "ja", "Spot取引", "Spot"), ("su", "ja", "Supportへの連絡", "Support Spot")]]
    for lang in ("ja", "ko"):
        data = build_index(docs, lang=lang, synonyms=[], fallback_label="English")
        names = ["メタマスク 送金", "トロン", "サポート", "텔레그램 사칭", "트론 입금", "メタマスク送金"]
        queries = [q for query in names for q in typed(query)]
        python = [[[h.id, h.score, list(h.matched)] for h in SearchIndex(data).search(q, 10)] for q in queries]
        assert run_node({"index": data, "queries": queries})["results"] == python
        assert python[queries.index("トロン ")][0][0] == "tron"


def test_segments_and_missing_words_are_the_same() -> None:
    """The stretches a query is read in, and the words named missing, on the unit tests' indexes."""
    from test_search_missing import EN_DATA, ZH_DATA

    answer = run_node({"strings": SAMPLES})
    assert answer["segments"] == [[list(s) for s in segments(normalize(text))] for text in SAMPLES]
    queries = ["forgot my pw ", "withdrawing halving ", "pasword halving", "halv", "e-mail re-stake ",
               "Depósito 100 x ", "以太经典减产周期", "錢包減產 ", "区块奖励吗", "usdt钱包 ", "\U00020000\U00020001 a"]
    for data in (EN_DATA, ZH_DATA):
        assert run_node({"index": data, "queries": queries})["missing"] == [
            list(SearchIndex(data).missing(q)) for q in queries]
