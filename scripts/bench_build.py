"""Build benchmark (issue 7): our build against plain Material + mkdocs-static-i18n.

    python scripts/bench_build.py --articles 2000            # both at 2,000 per language
    python scripts/bench_build.py --articles 2000 --plain-articles 500

Writes a synthetic corpus (helpcentre.bench.generate), builds it with
``helpcentre build`` and with a plain mkdocs.yml (theme material with its
default features, i18n folder structure with the same languages, the search
plugin, the same Markdown extensions; no custom_dir, no helpcentre plugin, so
placeholders such as {{ networks_table }} stay as text), each in its own
process, and prints wall and CPU seconds, peak memory, pages, HTML sizes,
search index sizes per language, `helpcentre check` time and the ratios.
Each run is saved to benchmarks/results/<date>-<n>.md with the machine.

Peak memory is given twice: the largest single process (getrusage) and the
sum over the whole process tree, sampled every 0.2 s from /proc (parallel
builds run several processes at once). This is a script that prints numbers,
not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpcentre.bench.generate import generate
from helpcentre.bench.machine import describe
from helpcentre.cli import COMMANDS
from helpcentre.clock import resolve_today
from helpcentre.content.project import read_mkdocs_yml

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Markdown", "Jinja2", "pymdown-extensions")
# Issue 7's goals on a 2-core machine at 2,000 articles per language.
GOAL_SPEEDUP = 4.0
GOAL_WALL_S = 120.0
GOAL_PAGE_KB = 50.0
GOAL_MEMORY_MB = 2048.0
SAMPLE_EVERY_S = 0.2
LOADS: list[float] = []  # the machine's 1-minute load average around each measured command


@dataclass
class Run:
    name: str
    articles: int
    wall: float = 0.0
    cpu: float = 0.0
    peak_process_mb: float = 0.0
    peak_tree_mb: float = 0.0
    returncode: int = 0
    pages: int = 0
    html_bytes: int = 0
    search: list[tuple[str, str, int, int]] = field(default_factory=list)  # lang, file, raw, gz
    check_wall: float | None = None
    check_cpu: float | None = None
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before, after


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of ``root_pid`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/status", encoding="utf-8") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields.get("PPid", "0").strip())
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total = 0
    for pid in rss:
        walk = pid
        while walk and walk != root_pid:
            walk = parents.get(walk, 0)
        if walk == root_pid:
            total += rss[pid]
    return total


def measure(cmd: list[str], env: dict[str, str], log: Path) -> tuple[float, float, float, float, int]:
    """(wall s, CPU s, peak single-process MB, peak tree MB, exit code) of one command."""
    LOADS.append(os.getloadavg()[0])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE_EVERY_S):
                peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        done.set()
        sampler.join()
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    LOADS.append(os.getloadavg()[0])
    # ru_maxrss is the largest process among all children waited for so far (KB on Linux).
    return wall, cpu, after.ru_maxrss / 1024, peak[0] / 1024, code


def plain_config(corpus: Path, out: Path) -> Path:
    """A plain Material + mkdocs-static-i18n mkdocs.yml over the same Markdown."""
    ours = read_mkdocs_yml(corpus / "mkdocs.yml")
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    config = {
        "site_name": "Help Centre",
        "site_url": ours.get("site_url", ""),
        "docs_dir": str((corpus / "content").resolve()),
        "site_dir": str((out / "site").resolve()),
        "exclude_docs": "_data/\n",
        "theme": {"name": "material", "language": "en"},
        "markdown_extensions": ours.get("markdown_extensions", []),
        "plugins": ["search", {"i18n": {
            "docs_structure": "folder",
            "languages": [{"locale": lang["locale"], "name": lang["name"],
                           "default": bool(lang.get("default")), "build": True}
                          for lang in i18n["languages"]]}}],
    }
    out.mkdir(parents=True, exist_ok=True)
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def languages_of(corpus: Path) -> tuple[str, list[str]]:
    config = read_mkdocs_yml(corpus / "mkdocs.yml")
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    codes = [lang["locale"] for lang in i18n["languages"]]
    return next(lang["locale"] for lang in i18n["languages"] if lang.get("default")), codes


def inspect_site(site: Path, run: Run, default: str, codes: list[str]) -> None:
    html = [p for p in site.rglob("*.html") if p.name != "404.html"]
    run.pages = len(html)
    run.html_bytes = sum(p.stat().st_size for p in html)
    material = site / "search" / "search_index.json"
    data = json.loads(material.read_text(encoding="utf-8")) if material.is_file() else {"docs": []}
    if data["docs"]:  # Material's index; our plugin empties it when it writes its own
        raw = material.read_bytes()
        run.search.append(("all", "search/search_index.json", len(raw), len(gzip.compress(raw))))
        prefixes = tuple(f"{c}/" for c in codes if c != default)
        for code in codes:
            docs = [d for d in data["docs"] if (d["location"].startswith(f"{code}/") if code != default
                                                else not d["location"].startswith(prefixes))]
            part = json.dumps({"config": data["config"], "docs": docs}, separators=(",", ":")).encode()
            run.search.append((code, f"(its share of search_index.json, {len(docs)} entries)",
                               len(part), len(gzip.compress(part))))
    # Per-language index files, if the site writes them (<prefix>search/ besides Material's).
    for code in codes:
        folder = site / ("" if code == default else code) / "search"
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.is_file() and path != material:
                raw = path.read_bytes()
                run.search.append((code, path.relative_to(site).as_posix(), len(raw),
                                   len(gzip.compress(raw))))


def machine() -> list[str]:
    return describe(PACKAGES)


def fmt_mb(value: float) -> str:
    return f"{value:,.0f} MB"


def ratio(ours: float, plain: float) -> str:
    return f"{ours / plain:.2f}" if plain else "n/a"


def table(ours: Run, plain: Run | None, jobs: int) -> list[str]:
    same = plain is not None and plain.articles == ours.articles
    head = f"| | ours (`helpcentre build`, {jobs} jobs) |"
    rows = [head + (" plain Material + i18n | ours/plain |" if plain else ""),
            "|---|---:|" + ("---:|---:|" if plain else "")]

    def row(label: str, a: str, b: str = "", r: str = "") -> None:
        rows.append(f"| {label} | {a} |" + (f" {b} | {r} |" if plain else ""))

    def pair(label: str, get, show) -> None:  # noqa: ANN001
        if plain is None:
            row(label, show(get(ours)))
            return
        row(label, show(get(ours)), show(get(plain)),
            ratio(get(ours), get(plain)) if same else "n/a (different N)")

    pair("articles per language", lambda r: r.articles, str)
    pair("exit code", lambda r: r.returncode, str)
    pair("wall time", lambda r: r.wall, lambda v: f"{v:,.1f} s")
    pair("CPU time", lambda r: r.cpu, lambda v: f"{v:,.1f} s")
    pair("peak RSS, largest process", lambda r: r.peak_process_mb, fmt_mb)
    pair("peak RSS, all processes (sampled)", lambda r: r.peak_tree_mb, fmt_mb)
    pair("HTML pages", lambda r: r.pages, lambda v: f"{v:,}")
    pair("HTML total", lambda r: r.html_bytes / 1e6, lambda v: f"{v:,.1f} MB")
    pair("HTML per page", lambda r: r.html_bytes / max(r.pages, 1) / 1e3, lambda v: f"{v:,.1f} KB")
    pair("wall per 1,000 pages", lambda r: r.wall / max(r.pages, 1) * 1000, lambda v: f"{v:,.1f} s")
    row("machine load average before / after", f"{ours.load[0]:.1f} / {ours.load[1]:.1f}",
        f"{plain.load[0]:.1f} / {plain.load[1]:.1f}" if plain else "", "")
    if ours.check_wall is not None:
        row("`helpcentre check` (wall / CPU)", f"{ours.check_wall:.1f} s / {ours.check_cpu:.1f} s",
            "—", "")
    lines = rows + ["", "Search index sizes (raw / gzip):", "",
                    "| build | language | file | raw | gzip |", "|---|---|---|---:|---:|"]
    for run in [ours] + ([plain] if plain else []):
        for lang, name, raw, gz in run.search:
            lines.append(f"| {run.name} | {lang} | {name} | {raw / 1e3:,.0f} KB | {gz / 1e3:,.0f} KB |")
    lines += ["", "Goals (issue 7):", ""]
    lines.append(f"- under {GOAL_WALL_S:.0f} s: {'yes' if ours.wall < GOAL_WALL_S else 'NO'} "
                 f"({ours.wall:.1f} s)")
    per_page = ours.html_bytes / max(ours.pages, 1) / 1e3
    lines.append(f"- under {GOAL_PAGE_KB:.0f} KB a page: {'yes' if per_page < GOAL_PAGE_KB else 'NO'} "
                 f"({per_page:.1f} KB)")
    lines.append(f"- peak memory under {GOAL_MEMORY_MB:.0f} MB (all processes): "
                 f"{'yes' if ours.peak_tree_mb < GOAL_MEMORY_MB else 'NO'} ({ours.peak_tree_mb:.0f} MB)")
    if same and plain is not None:
        speedup = plain.wall / ours.wall
        lines.append(f"- at least {GOAL_SPEEDUP:.0f}x faster than plain: "
                     f"{'yes' if speedup >= GOAL_SPEEDUP else 'NO'} ({speedup:.1f}x)")
    elif plain is not None:
        lines.append(f"- {GOAL_SPEEDUP:.0f}x faster than plain: not measured at the same size "
                     f"(plain was built at {plain.articles} articles per language, ours at "
                     f"{ours.articles}); compare the 'wall per 1,000 pages' rows, which assume "
                     "plain scales linearly (it does not: its navigation grows with every page)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="per language (default 2000)")
    parser.add_argument("--plain-articles", type=int,
                        help="build plain Material at this size instead (when it is too slow at N)")
    parser.add_argument("--skip-plain", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--today", default="2026-11-23", help="the date the corpus is valid on")
    parser.add_argument("--workdir", type=Path, help="keep corpora and sites here (default: a temp dir)")
    parser.add_argument("--no-save", action="store_true", help="print only; do not write benchmarks/results")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="hc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    today = resolve_today(args.today)
    env = dict(os.environ, HELPCENTRE_TODAY=today.isoformat(), NO_MKDOCS_2_WARNING="1")
    hc = [sys.executable, "-m", "helpcentre"]

    def corpus_of(n: int) -> Path:
        path = work / f"corpus-{n}-seed{args.seed}"
        if not path.exists():
            started = time.monotonic()
            generate(REPO, path, articles=n, seed=args.seed, today=today)
            print(f"corpus: {n} articles per language in {time.monotonic() - started:.1f} s -> {path}",
                  flush=True)
        return path

    corpus = corpus_of(args.articles)
    default, codes = languages_of(corpus)
    ours = Run("ours", args.articles)
    site = work / f"site-ours-{args.articles}"
    shutil.rmtree(site, ignore_errors=True)
    print("building ours ...", flush=True)
    ours.wall, ours.cpu, ours.peak_process_mb, ours.peak_tree_mb, ours.returncode = measure(
        hc + ["build", "--root", str(corpus), "--jobs", str(args.jobs), "--site-dir", str(site)],
        env, work / "ours.log")
    ours.load = (LOADS[-2], LOADS[-1])
    inspect_site(site, ours, default, codes)
    if "check" in COMMANDS:
        print("running helpcentre check ...", flush=True)
        wall, cpu, _, _, _ = measure(hc + ["check", "--root", str(corpus)], env, work / "check.log")
        ours.check_wall, ours.check_cpu = wall, cpu
    plain: Run | None = None
    if not args.skip_plain:
        n = args.plain_articles or args.articles
        plain_corpus = corpus_of(n)
        plain = Run("plain", n)
        config = plain_config(plain_corpus, work / f"plain-{n}")
        shutil.rmtree(work / f"plain-{n}" / "site", ignore_errors=True)
        print(f"building plain Material at {n} articles per language ...", flush=True)
        plain.wall, plain.cpu, plain.peak_process_mb, plain.peak_tree_mb, plain.returncode = measure(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], env, work / "plain.log")
        plain.load = (LOADS[-2], LOADS[-1])
        inspect_site(work / f"plain-{n}" / "site", plain, default, codes)
    lines = table(ours, plain, args.jobs)
    print("\n".join(lines))
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = resolve_today(None).isoformat()  # the day the benchmark ran
        taken = [int(n) for n in (f.stem.removeprefix(f"{stamp}-") for f in RESULTS.glob(f"{stamp}-*.md"))
                 if n.isdigit()]
        number = 1 + max(taken, default=0)
        out = RESULTS / f"{stamp}-{number}.md"
        text = [f"# Build benchmark {stamp} #{number}", "",
                f"`python scripts/bench_build.py {' '.join(argv if argv is not None else sys.argv[1:])}`",
                f"(seed {args.seed}, corpus valid on {today.isoformat()}, {len(codes)} languages)", "",
                "Machine:", "", *machine(), "", *lines, ""]
        out.write_text("\n".join(text), encoding="utf-8")
        print(f"saved {out.relative_to(REPO)}")
    return 0 if ours.returncode == 0 and (plain is None or plain.returncode == 0) else 1


if __name__ == "__main__":
    raise SystemExit(main())
