"""How long `helpcentre check` takes on a large synthetic help centre.

Writes N English articles (and, with --languages, a translation of each in
that many other languages) into a temporary fixture site made like the test
fixtures (the repository's registries, UI strings and mkdocs.yml), then times
`helpcentre check` there: in-process (the checks alone) and as a command
(with Python start-up). Prints numbers; asserts nothing.

    python scripts/bench_check.py 1000
    python scripts/bench_check.py 1000 --languages 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from helpcentre.checks.project import check_project, checked_files
from helpcentre.content.loader import load_article
from helpcentre.content.project import load_project, read_mkdocs_yml
from helpcentre.freshness.fingerprint import fingerprint_of

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
CATEGORIES = ("account", "security", "deposits-withdrawals", "trading", "fees", "api")
OWNERS = {"account": "@kestrel/account-services", "security": "@kestrel/security",
          "deposits-withdrawals": "@kestrel/payments", "trading": "@kestrel/trading",
          "fees": "@kestrel/payments", "api": "@kestrel/api-platform"}

SOURCE = """\
---
title: Synthetic question number {n}
summary: A one-sentence answer for the benchmark, long enough to look like a real one.
type: faq
coins: [USDT, TRX]
reviewed: 2026-11-10
owner: "{owner}"
keywords: [deposit missing, not received, txid, wallet, network, confirmation, memo, tag]
---
Deposits on {{{{ exchange_name }}}} are credited after the network confirms them.

1. Open [the deposit history](https://www.kestrel.example/support/chat).
2. Check the TxID on [Tronscan](https://tronscan.org/) or write to support@kestrel.example.
3. If it is urgent, call +1 555 0142 or read [the 2FA guide](../{other_cat}/q{other}.md).

{{{{ networks_table USDT TRX }}}}

See also [contact channels](../{cat}/q{n}.md#top) and <https://status.kestrel.example/>.
"""

TRANSLATION = """\
---
title: 合成问题 {n}
summary: 用于基准测试的一句话答案。
keywords: [充值未到账, 没到账, txid]
translated_from: "{stamp}"
---
网络确认后，充值会自动入账。请发邮件至 support@kestrel.example，或访问 www.kestrel.example。

另见 [2FA 指南](../{other_cat}/q{other}.md)。
"""


def write_fixture(root: Path, count: int, languages: int) -> None:
    for name in ("overrides", "translations"):
        shutil.copytree(REPO / name, root / name)
    shutil.copytree(REPO / "content" / "_data", root / "content" / "_data")
    config = read_mkdocs_yml(REPO / "mkdocs.yml")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "helpcentre" in plugin:
            plugin["helpcentre"] = {}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                     encoding="utf-8")
    codes = [lang.code for lang in load_project(root).languages if not lang.default][:languages]
    for n in range(count):
        cat = CATEGORIES[n % len(CATEGORIES)]
        other = (n * 7 + 3) % count
        values = {"n": n, "cat": cat, "owner": OWNERS[cat], "other": other,
                  "other_cat": CATEGORIES[other % len(CATEGORIES)]}
        folder = root / "content" / "en" / cat
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"q{n}.md").write_text(SOURCE.format(**values), encoding="utf-8")
        if codes:  # stamped, as `helpcentre translations sync` would, so they are current
            source = load_article(folder / f"q{n}.md")
            assert source.meta is not None
            values["stamp"] = fingerprint_of(source.meta, source.body)
        for code in codes:
            folder = root / "content" / code / cat
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"q{n}.md").write_text(TRANSLATION.format(**values), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=1000, help="English articles")
    parser.add_argument("--languages", type=int, default=0,
                        help="also translate every article into this many languages")
    parser.add_argument("--repeat", type=int, default=3, help="take the best of this many runs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hc-bench-") as tmp:
        root = Path(tmp) / "site"
        write_fixture(root, args.count, args.languages)
        project = load_project(root)
        files = len(checked_files(project))
        articles = args.count * (1 + args.languages)
        best = cpu = float("inf")
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            problems = check_project(project, dt.date.fromisoformat(TODAY))
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        errors = [p for p in problems if p.severity == "error"]
        command = [sys.executable, "-m", "helpcentre", "check", "--root", str(root), "--today", TODAY]
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        whole = time.perf_counter() - start
    print(f"articles: {articles} ({args.count} English + {args.count * args.languages} "
          f"translations), files read: {files}")
    print(f"problems: {len(problems)} ({len(errors)} errors); command exit code "
          f"{result.returncode}: {result.stdout.strip().splitlines()[-1]}")
    # CPU time too: on a busy machine wall-clock time measures the neighbours.
    print(f"checks in-process (best of {args.repeat}): {best:.3f} s wall, {cpu:.3f} s CPU = "
          f"{best / articles * 1000:.3f} s ({cpu / articles * 1000:.3f} s CPU) per 1000 articles")
    print(f"`helpcentre check` command, start-up included: {whole:.3f} s = "
          f"{whole / articles * 1000:.3f} s per 1000 articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
