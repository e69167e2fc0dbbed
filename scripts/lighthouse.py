"""Lighthouse scores of the built site: home, an article, a troubleshooter and the glossary, in English and Japanese.

Not a test (scores move with the machine's speed); a script that prints a
table, for the record and for the issue's closing note:

    helpcentre build && python scripts/lighthouse.py [--site build/site]

Serves the built site on 127.0.0.1 (a free port), runs Lighthouse (npm
`lighthouse`, pinned in package.json, `npm ci`) with Debian's chromium on
each page, and prints accessibility, best practices, SEO and performance.
Failed audits of the first three are listed under the table, so a score
below 100 says why. Exit 0 when it ran, 1 when a run failed, 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from helpcentre.bench.serve import serve

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
# The browser tests' flags (tests/browser_support.py): no sandbox for CI's
# root container, and no calls home from chromium itself.
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking " \
               "--disable-component-update"
CATEGORIES = ("accessibility", "best-practices", "seo", "performance")
PAGES = ("", "deposits-withdrawals/deposit-not-arrived/", "troubleshoot/deposit/", "glossary/")
LANGUAGES = ("en", "ja")
RUN_TIMEOUT = 180  # seconds per page; a cold run on two cores takes about 20


def run_lighthouse(url: str, preset: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json",
                   f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
                   f"--only-categories={','.join(CATEGORIES)}"]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": CHROMIUM}
        subprocess.run(command, check=True, env=env, timeout=RUN_TIMEOUT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict[str, Any]) -> dict[str, int | None]:
    """Category -> score out of 100 (None when Lighthouse could not score it)."""
    out: dict[str, int | None] = {}
    for name in CATEGORIES:
        score = report["categories"][name]["score"]
        out[name] = None if score is None else round(score * 100)
    return out


def failed_audits(report: dict[str, Any]) -> list[str]:
    """Audits that cost points in every category but performance, as `category: id: title`."""
    found = []
    for name in CATEGORIES[:3]:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                found.append(f"{name}: {audit['id']}: {audit['title']}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO / "build" / "site",
                        help="the built site (default: build/site)")
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile",
                        help="Lighthouse's device emulation (default: mobile, its own default)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no index.html; build the site first (helpcentre build)",
              file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE.relative_to(REPO)}: missing; run `npm ci`", file=sys.stderr)
        return 2
    header = f"{'page':<50} " + " ".join(f"{c[:14]:>14}" for c in CATEGORIES)
    print(header)
    problems: list[str] = []
    status = 0
    with serve(args.site) as base:
        for lang in LANGUAGES:
            for page in PAGES:
                path = ("" if lang == "en" else f"{lang}/") + page
                try:
                    report = run_lighthouse(base + path, args.preset)
                except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
                    print(f"/{path}: lighthouse failed: {exc}", file=sys.stderr)
                    status = 1
                    continue
                row = scores(report)
                print(f"{'/' + path:<50} " + " ".join(
                    f"{'-' if row[c] is None else row[c]:>14}" for c in CATEGORIES), flush=True)
                problems += [f"/{path}: {p}" for p in failed_audits(report)]
    for problem in problems:
        print(problem)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
