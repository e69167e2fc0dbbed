"""How long a writer waits: edit one article, see it in `helpcentre serve`.

    python -m helpcentre.bench.preview --root CORPUS --lang ja

Starts `helpcentre serve --lang X` on a synthetic corpus, waits for the first
build, then appends a marker sentence to one article of that language and
polls the page over HTTP until the marker shows. Prints the first build time,
then for each edit: seconds until the page showed the change, and MkDocs'
own figure for that rebuild, from its log. A script that prints
numbers, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BUILT = re.compile(r"(?:Documentation built in|built in full in|re-rendered .* in) ([0-9.]+) s")
POLL_S = 0.05
TIMEOUT_S = 900.0


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(predicate, timeout: float = TIMEOUT_S) -> float:  # noqa: ANN001
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(POLL_S)
    raise TimeoutError("gave up waiting")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True, help="a corpus from `helpcentre corpus`")
    parser.add_argument("--lang", default="ja")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--today", default="2026-11-23")
    args = parser.parse_args(argv)
    article = sorted((args.root / "content" / args.lang).rglob("*.md"))[0]
    rel = article.relative_to(args.root / "content" / args.lang).with_suffix("")
    url = f"http://127.0.0.1:{args.port}/{args.lang}/{rel.as_posix()}/"
    log_path = args.root / f"serve-{args.lang}.log"
    cmd = [sys.executable, "-m", "helpcentre", "serve",
           "--root", str(args.root), "--today", args.today, "--lang", args.lang,
           "--port", str(args.port)]
    original = article.read_bytes()
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        first = _wait_for(lambda: "<html" in _fetch(url))
        print(f"first build and serve: {first:.1f} s ({url})", flush=True)
        for n in range(1, args.edits + 1):
            marker = f"benchmark-edit-{n}-{time.time_ns()}"
            builds_before = len(BUILT.findall(log_path.read_text(encoding="utf-8")))
            time.sleep(1.0)  # MkDocs compares modification times; keep edits apart
            article.write_bytes(original + f"\n{marker}\n".encode())
            shown = _wait_for(lambda m=marker: m in _fetch(url))
            _wait_for(lambda b=builds_before: len(BUILT.findall(log_path.read_text(encoding="utf-8"))) > b,
                      timeout=60)
            built = BUILT.findall(log_path.read_text(encoding="utf-8"))[-1]
            print(f"edit {n}: shown after {shown:.1f} s; rebuild {built} s (log)", flush=True)
    finally:
        article.write_bytes(original)
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
