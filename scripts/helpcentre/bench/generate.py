"""A synthetic help centre: N articles per language, deterministic from a seed.

The benchmark needs thousands of articles shaped like the real ones: front
matter that passes the schema (CONTRIBUTING.md), a body with headings, steps,
lists, a table, an admonition with a title, links to other articles and the
``{{ exchange_name }}`` / ``{{ networks_table }}`` placeholders. The text is
filler assembled from phrase lists; its length (about 3-4 KB of Markdown per
English article, as in content/en) matters, its meaning does not.

Every article is translated into every configured language, so each language
has exactly N pages of articles. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..content.project import read_mkdocs_yml
from ..content.troubleshooters import FOLDER as TROUBLESHOOT_FOLDER
from ..freshness.fingerprint import fingerprint

DEFAULT_ARTICLES = 2000  # per language: the size issue 7 asks the build to handle
NOTICE_SHARE = 0.05  # one article in twenty is a time-limited notice
COIN_SHARE = 0.4  # share of articles that name coins

# Filler per language: (sentences, headings, list items, words for titles).
# CJK sentences have no spaces; the others do, as real text would.
PHRASES: dict[str, dict[str, list[str]]] = {
    "en": {
        "sentence": [
            "Open the app and sign in to your account before you start.",
            "The network confirms a transfer after a number of blocks.",
            "Check the address and the network on the withdrawal page.",
            "Your balance is not affected while the request is reviewed.",
            "Most requests are handled within a few minutes.",
            "If the page shows an error, copy its text before you contact us.",
            "We never ask for your password, your 2FA codes or your seed phrase.",
            "Limits depend on your verification level and on the coin.",
            "A memo or tag tells us which account a deposit belongs to.",
            "Keep the transaction ID: it is the proof that a transfer was sent.",
            "Fees shown here are examples; the app shows the current fee.",
            "You can cancel a request while its status is Processing.",
        ],
        "heading": ["Before you start", "Step by step", "What happens next", "Fees and limits",
                    "Common problems", "If it still does not work", "Good to know", "Security"],
        "item": ["Open **Wallet**", "Choose the coin and the network", "Enter the amount",
                 "Confirm with your 2FA code", "Check the status in **History**",
                 "Copy the transaction ID", "Wait for the confirmations"],
        "word": ["deposit", "withdrawal", "account", "order", "fee", "limit", "address",
                 "network", "verification", "password", "API key", "transfer"],
        "title": ["How to check your {w}", "Why is my {w} delayed", "Change your {w}",
                  "Problems with your {w}", "Understanding the {w}"],
        "summary": ["What to do about your {w}, step by step."],
        "admonition": ["Check before you confirm", "Never share your codes"],
    },
    "zh": {
        "sentence": ["开始之前，请先打开应用并登录账户。", "网络在若干区块后确认转账。",
                     "请在提现页面核对地址和网络。", "审核期间您的余额不受影响。",
                     "大多数请求会在几分钟内处理完毕。", "如果页面显示错误，请先复制错误信息再联系我们。",
                     "我们绝不会索要您的密码、验证码或助记词。", "限额取决于您的认证等级和币种。",
                     "备注或标签用于识别充值所属的账户。", "请保存交易哈希，它是转账已发出的凭证。"],
        "heading": ["开始之前", "操作步骤", "接下来会发生什么", "费用与限额", "常见问题", "仍无法解决时"],
        "item": ["打开**钱包**", "选择币种和网络", "输入数量", "输入验证码确认", "在**历史记录**中查看状态"],
        "word": ["充值", "提现", "账户", "订单", "手续费", "限额", "地址", "网络", "认证", "密码"],
        "title": ["如何查看{w}", "为什么{w}延迟", "修改{w}", "{w}常见问题"],
        "summary": ["关于{w}的处理步骤。"],
        "admonition": ["确认前请检查", "切勿泄露验证码"],
    },
    "ja": {
        "sentence": ["始める前にアプリを開いてログインしてください。", "ネットワークは数ブロック後に送金を承認します。",
                     "出金ページでアドレスとネットワークを確認してください。", "審査中も残高には影響しません。",
                     "ほとんどのリクエストは数分以内に処理されます。",
                     "パスワードや認証コードを求めることはありません。",
                     "上限は本人確認のレベルと通貨によって異なります。",
                     "取引IDは送金の証明になるので保存してください。"],
        "heading": ["始める前に", "手順", "この後の流れ", "手数料と上限", "よくある問題", "解決しない場合"],
        "item": ["**ウォレット**を開く", "通貨とネットワークを選ぶ", "数量を入力する", "認証コードで確定する"],
        "word": ["入金", "出金", "アカウント", "注文", "手数料", "上限", "アドレス", "ネットワーク"],
        "title": ["{w}の確認方法", "{w}が遅れる理由", "{w}を変更する", "{w}のトラブル"],
        "summary": ["{w}について、手順を追って説明します。"],
        "admonition": ["確定する前に確認", "コードを共有しない"],
    },
    "ko": {
        "sentence": ["시작하기 전에 앱을 열고 로그인하세요.", "네트워크는 몇 블록 후에 전송을 확인합니다.",
                     "출금 페이지에서 주소와 네트워크를 확인하세요.", "검토 중에도 잔액에는 영향이 없습니다.",
                     "대부분의 요청은 몇 분 안에 처리됩니다.", "비밀번호나 인증 코드를 요구하지 않습니다.",
                     "한도는 인증 단계와 코인에 따라 다릅니다.", "거래 ID는 전송의 증거이므로 보관하세요."],
        "heading": ["시작하기 전에", "단계별 안내", "다음 단계", "수수료 및 한도", "자주 묻는 문제",
                    "해결되지 않을 때"],
        "item": ["**지갑**을 엽니다", "코인과 네트워크를 선택합니다", "수량을 입력합니다", "인증 코드로 확인합니다"],
        "word": ["입금", "출금", "계정", "주문", "수수료", "한도", "주소", "네트워크"],
        "title": ["{w} 확인 방법", "{w}이 지연되는 이유", "{w} 변경", "{w} 문제 해결"],
        "summary": ["{w}에 대해 단계별로 안내합니다."],
        "admonition": ["확인 전에 점검하세요", "코드를 공유하지 마세요"],
    },
    "es": {
        "sentence": ["Abre la aplicación e inicia sesión antes de empezar.",
                     "La red confirma una transferencia tras varios bloques.",
                     "Comprueba la dirección y la red en la página de retiro.",
                     "Tu saldo no se ve afectado mientras revisamos la solicitud.",
                     "La mayoría de las solicitudes se atienden en pocos minutos.",
                     "Nunca te pediremos tu contraseña ni tus códigos 2FA.",
                     "Los límites dependen de tu nivel de verificación y de la moneda.",
                     "Guarda el ID de la transacción: demuestra que se envió."],
        "heading": ["Antes de empezar", "Paso a paso", "Qué pasa después", "Comisiones y límites",
                    "Problemas frecuentes", "Si sigue sin funcionar"],
        "item": ["Abre **Billetera**", "Elige la moneda y la red", "Introduce el importe",
                 "Confirma con tu código 2FA"],
        "word": ["depósito", "retiro", "cuenta", "orden", "comisión", "límite", "dirección", "red"],
        "title": ["Cómo revisar tu {w}", "Por qué se retrasa tu {w}", "Cambiar tu {w}",
                  "Problemas con tu {w}"],
        "summary": ["Qué hacer con tu {w}, paso a paso."],
        "admonition": ["Comprueba antes de confirmar", "No compartas tus códigos"],
    },
    "ru": {
        "sentence": ["Перед началом откройте приложение и войдите в аккаунт.",
                     "Сеть подтверждает перевод через несколько блоков.",
                     "Проверьте адрес и сеть на странице вывода.",
                     "Пока заявка проверяется, баланс не меняется.",
                     "Большинство заявок обрабатывается за несколько минут.",
                     "Мы никогда не просим пароль или коды 2FA.",
                     "Лимиты зависят от уровня верификации и монеты.",
                     "Сохраните ID транзакции: это доказательство отправки."],
        "heading": ["Перед началом", "Пошагово", "Что дальше", "Комиссии и лимиты", "Частые проблемы",
                    "Если не помогло"],
        "item": ["Откройте **Кошелёк**", "Выберите монету и сеть", "Введите сумму",
                 "Подтвердите кодом 2FA"],
        "word": ["депозит", "вывод", "аккаунт", "ордер", "комиссия", "лимит", "адрес", "сеть"],
        "title": ["Как проверить: {w}", "Почему задерживается {w}", "Изменить: {w}",
                  "Проблемы: {w}"],
        "summary": ["Что делать, если вопрос касается темы «{w}», пошагово."],
        "admonition": ["Проверьте перед подтверждением", "Не сообщайте коды"],
    },
}
SLUG_WORDS = ["deposit", "withdrawal", "account", "order", "fee", "limit", "address", "network",
              "verify", "password", "api-key", "transfer", "wallet", "margin", "futures", "card"]


@dataclass(frozen=True)
class Plan:
    """One article: its id, category, type, dates, coins and the articles it links to."""

    id: str
    category: str
    type: str
    owner: str
    reviewed: dt.date
    expires: dt.date | None
    coins: tuple[str, ...]
    links: tuple[int, ...]  # indexes into the plan list
    seed: int


def plan(n: int, seed: int, categories: list[dict], coins: list[str], today: dt.date) -> list[Plan]:
    """The article list, decided before any text is written (so links can name titles)."""
    rng = random.Random(seed)
    plans = []
    for i in range(n):
        cat = categories[i % len(categories)]  # an even spread over the categories
        kind = "notice" if cat["id"] == "announcements" or rng.random() < NOTICE_SHARE else \
            rng.choice(["faq", "guide"])
        # Recent enough that nothing is due for review at `today` (the build is --strict).
        reviewed = today - dt.timedelta(days=rng.randint(0, 10 if kind == "notice" else 60))
        expires = today + dt.timedelta(days=rng.randint(3, 60)) if kind == "notice" else None
        picked = tuple(sorted(rng.sample(coins, rng.randint(1, 3)))) \
            if rng.random() < COIN_SHARE else ()
        slug = "-".join(rng.sample(SLUG_WORDS, 2))
        links = tuple(sorted({rng.randrange(n) for _ in range(rng.randint(1, 3))} - {i}))
        plans.append(Plan(f"{slug}-{i:05d}", cat["id"], kind, cat["owner"], reviewed, expires,
                          picked, links, rng.randrange(2**32)))
    return plans


def _title(p: Plan, lang: str) -> str:
    words = PHRASES[lang]
    rng = random.Random(p.seed)
    template = rng.choice(words["title"])
    # The id's number keeps titles unique, as real titles are.
    return template.format(w=rng.choice(words["word"])) + f" ({p.id.rsplit('-', 1)[1]})"


def _summary(p: Plan, lang: str) -> str:
    rng = random.Random(p.seed + 1)
    return PHRASES[lang]["summary"][0].format(w=rng.choice(PHRASES[lang]["word"]))


def _paragraph(rng: random.Random, lang: str, count: int) -> str:
    sep = "" if lang in ("zh", "ja") else " "
    return sep.join(rng.choice(PHRASES[lang]["sentence"]) for _ in range(count))


def body(p: Plan, lang: str, plans: list[Plan]) -> str:
    """The Markdown body: the same shape in every language (the seed fixes the shape)."""
    rng = random.Random(p.seed)
    words = PHRASES[lang]
    out = [_paragraph(rng, lang, 3) + " {{ exchange_name }}.", ""]
    headings = rng.sample(words["heading"], min(len(words["heading"]), rng.randint(3, 5)))
    for n, heading in enumerate(headings):
        out += [f"## {heading}", "", _paragraph(rng, lang, rng.randint(2, 5)), ""]
        if n == 0:
            out += [f"{k}. {item}" for k, item in
                    enumerate(rng.sample(words["item"], min(4, len(words["item"]))), 1)] + [""]
        elif n == 1:
            out += [f"- {_paragraph(rng, lang, 1)}" for _ in range(rng.randint(3, 5))] + [""]
        elif n == 2 and p.coins:
            out += ["| Coin | Network | Minimum |", "| --- | --- | --- |"]
            out += [f"| {c} | {c}-{k} | {rng.randint(1, 50)} {c} |" for k, c in enumerate(p.coins, 1)]
            out += [""]
            if p.category == "deposits-withdrawals":
                out += ["{{ networks_table " + " ".join(p.coins) + " }}", ""]
        elif n == 3:
            kind = rng.choice(["warning", "note", "tip"])
            out += [f'!!! {kind} "{rng.choice(words["admonition"])}"',
                    f"    {_paragraph(rng, lang, 2)}", ""]
    for target in p.links:
        other = plans[target]
        out += [f"- [{_title(other, lang)}](../{other.category}/{other.id}.md)"]
    out.append("")
    return "\n".join(out)


def front_matter(p: Plan, lang: str, default: str, source_body: str) -> str:
    title, summary = _title(p, lang), _summary(p, lang)
    keywords = random.Random(p.seed + 2).sample(PHRASES[lang]["word"], 3)
    if lang != default:  # translations carry only what is theirs to say
        data: dict[str, object] = {"title": title, "summary": summary, "keywords": keywords,
                                   # Made from the current English text, so no check flags it.
                                   "translated_from": fingerprint(_title(p, default), _summary(p, default),
                                                                  source_body)}
    else:
        data = {"title": title, "summary": summary, "type": p.type}
        if p.coins:
            data["coins"] = list(p.coins)
        data["reviewed"] = p.reviewed
        data["owner"] = p.owner
        if p.expires:
            data["expires"] = p.expires
        data["keywords"] = keywords
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def drop_top_questions(data_dir: Path) -> None:
    """Remove `top_questions:` from a copied site.yml: it names the starter content's
    articles, which a generated or evaluation corpus does not have (the home page then
    shows the newest FAQs)."""
    site_yml = data_dir / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    site_yml.write_text(re.sub(r"^top_questions:\n(?:[ #].*\n|\n)*", "", text, flags=re.M),
                        encoding="utf-8")


def drop_glossary_related(data_dir: Path) -> None:
    """Remove `related:` from a copied glossary: its entries name the starter content's
    articles. The terms stay: linking them is part of what a build does."""
    for path in sorted((data_dir / "glossary").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^  related: .*\n", "", text, flags=re.M), encoding="utf-8")


def copy_skeleton(repo: Path, out: Path) -> dict:
    """Templates, registries and UI strings from the repository; returns the i18n config."""
    for name in ("overrides", "translations"):
        shutil.copytree(repo / name, out / name)
    shutil.copytree(repo / "content" / "_data", out / "content" / "_data")
    drop_top_questions(out / "content" / "_data")
    drop_glossary_related(out / "content" / "_data")
    config = read_mkdocs_yml(repo / "mkdocs.yml")
    i18n: dict = {}
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "helpcentre" in plugin:
            plugin["helpcentre"] = {}  # the fixture is built without stale-content failures
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = plugin["i18n"]
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return i18n


def generate(repo: Path, out: Path, *, articles: int = DEFAULT_ARTICLES, seed: int = 1,
             today: dt.date) -> int:
    """Write a help-centre folder at ``out`` (which must not exist); returns files written."""
    out.mkdir(parents=True)
    i18n = copy_skeleton(repo, out)
    languages = [lang["locale"] for lang in i18n["languages"]]
    default = next(lang["locale"] for lang in i18n["languages"] if lang.get("default"))
    data = out / "content" / "_data"
    # Generated articles are FAQs, guides and notices; the troubleshoot folder holds
    # only troubleshooters, whose questions cannot be made up, so it stays empty.
    categories = [c for c in yaml.safe_load((data / "categories.yml").read_text(encoding="utf-8"))
                  if c["id"] != TROUBLESHOOT_FOLDER]
    coins = [c["symbol"] for c in yaml.safe_load((data / "coins.yml").read_text(encoding="utf-8"))]
    plans = plan(articles, seed, categories, coins, today)
    written = 0
    for lang in languages:
        if lang not in PHRASES:
            raise ValueError(f"no filler text for language {lang!r}; add it to PHRASES")
        for p in plans:
            path = out / "content" / lang / p.category / f"{p.id}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            source_body = body(p, default, plans)
            text = source_body if lang == default else body(p, lang, plans)
            path.write_text(front_matter(p, lang, default, source_body) + "\n" + text,
                            encoding="utf-8")
            written += 1
    return written
