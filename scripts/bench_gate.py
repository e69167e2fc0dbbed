"""What the safety gate costs: builds with and without it, and `helpcentre check` cold and warm.

    python scripts/bench_gate.py --articles 2000            # 2,000 articles per language

Writes a synthetic corpus (helpcentre.bench.generate, the one bench_build.py
uses) and, in the same run:
- builds it with `helpcentre build --jobs 1` as shipped, and again in a
  process where the gate's two entry points in the plugin are replaced by
  pass-throughs (the only way to get a build without it: the product has no
  switch to turn the gate off);
- runs `helpcentre check` with no cache (cold) and again (warm: nothing
  changed, every article's result comes from build/.cache/gate.json).
Prints wall and CPU seconds and the ratio; asserts nothing. --jobs 1 for
both builds so the ratio is of the same work, not of process scheduling.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpcentre.bench.generate import generate
from helpcentre.bench.machine import describe
from helpcentre.clock import resolve_today

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("mkdocs", "mkdocs-material", "nh3", "ada-url", "selectolax", "phonenumbers", "Markdown")
RUN = "from helpcentre.cli import main; raise SystemExit(main())"
# The plugin calls the gate through these two names; replacing them builds the
# same site with nothing judged, sanitized or scanned.
WITHOUT_GATE = (
    "import helpcentre.site.plugin as p\n"
    "p.gate_article = lambda html, article, policy, base: (html, [])\n"
    "p.PageGate.findings = lambda self, html, base, lang: []\n" + RUN
)


def timed(code: str, args: list[str], env: dict[str, str], log: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with log.open("w") as out:
        done = subprocess.run([sys.executable, "-c", code, *args], env=env, stdout=out,
                              stderr=subprocess.STDOUT, check=False)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="per language (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", default="2026-11-23", help="the date the corpus is valid on")
    parser.add_argument("--workdir", type=Path, help="keep the corpus and sites here (default: a temp dir)")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="hc-gate-"))
    work.mkdir(parents=True, exist_ok=True)
    today = resolve_today(args.today)
    env = dict(os.environ, HELPCENTRE_TODAY=today.isoformat(), NO_MKDOCS_2_WARNING="1")
    corpus = work / f"corpus-{args.articles}-seed{args.seed}"
    if not corpus.exists():
        generate(REPO, corpus, articles=args.articles, seed=args.seed, today=today)
    files = sum(1 for _ in (corpus / "content").rglob("*.md"))
    print(f"corpus: {args.articles} articles per language, {files} files -> {corpus}", flush=True)

    rows = []
    for name, code in (("with the gate", RUN), ("without the gate", WITHOUT_GATE)):
        site = work / f"site-{name.replace(' ', '-')}"
        shutil.rmtree(site, ignore_errors=True)
        print(f"building {name} ...", flush=True)
        wall, cpu, rc = timed(code, ["build", "--root", str(corpus), "--jobs", "1", "--site-dir", str(site)],
                              env, work / f"{site.name}.log")
        rows.append((f"build {name}", wall, cpu, rc))
    shutil.rmtree(corpus / "build" / ".cache", ignore_errors=True)
    for name in ("cold (no cache)", "warm (nothing changed)"):
        print(f"check {name} ...", flush=True)
        wall, cpu, rc = timed(RUN, ["check", "--root", str(corpus)], env, work / "check.log")
        rows.append((f"check {name}", wall, cpu, rc))

    print()
    print("\n".join(describe(PACKAGES)))
    print()
    print("| what | wall s | CPU s | exit |")
    print("|---|---:|---:|---:|")
    for label, wall, cpu, rc in rows:
        print(f"| {label} | {wall:.1f} | {cpu:.1f} | {rc} |")
    (_, gate_wall, gate_cpu, _), (_, bare_wall, bare_cpu, _) = rows[0], rows[1]
    print(f"\nthe gate's share of the build: wall x{gate_wall / bare_wall:.3f}, CPU x{gate_cpu / bare_cpu:.3f} "
          f"({(gate_cpu - bare_cpu) / bare_cpu * 100:+.1f}% CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
