"""`helpcentre build`: build the site without ever leaving a half-written one.

MkDocs writes straight into its site_dir, so a build that fails half-way would
leave a broken site behind. We build into a sibling folder and swap it in only
when the build succeeded; a failed build leaves the previous build/site intact.

Split builds (issue 7). mkdocs-static-i18n builds the languages one after the
other in one process: the default language first, then, from its
``on_post_build``, every other language again into the same site_dir. We build
one language per process instead, and merge the folders.

The route: keep mkdocs.yml exactly as it is (every language ``build: true``,
``default`` on English) and, before calling MkDocs' ``build()``, set the i18n
plugin's own state: ``current_language`` to the language wanted (its
``on_config`` keeps a language already set) and ``building`` to True (its
``on_post_build`` then returns before looping over the other languages). The
one language is then built exactly as inside a full build: same URLs under
``zh/``, same language switcher, same alternates, same plugin paths. Its
option ``build_only_locale`` was rejected: it makes that language the default
and builds it at the site root, so every URL and our plugin's paths differ.
The other languages' files are also dropped from MkDocs' file list (all but
the default language, which is the fallback text): i18n pairs every file with
every language, and our plugin reads the content itself, so nothing in the
output changes (tests/test_split_build.py compares the trees).

What a full build writes once for all languages, the parts each write too:
- theme assets, ``sitemap.xml`` (ours lists every language): identical in
  every part, checked byte for byte when merging (``.gz`` by its content, since
  gzip stores a date);
- ``search/search_index.json`` (Material's): each part holds its own
  language; the merge concatenates them in the full build's order and removes
  duplicates exactly as mkdocs-static-i18n does (``dedupe_search_entries``);
- ``404.html``: only the default language writes it (site/plugin.py skips it
  for the others; otherwise the last language built would win).
Any other file that differs between parts stops the merge: it would mean a
part was built from other sources or settings.

``--jobs N`` (default: every core) runs the languages as ``--lang`` builds in
N processes and merges them; ``--jobs 1`` is the classic single-process build,
with i18n's quadratic search de-duplication swapped for the linear equivalent.
In CI, one runner per language runs ``--lang X`` and a last job runs
``--merge`` on the downloaded folders (.github/workflows/split-build.yml).

Never a half-written or missing site (issue: robust builds):
- one build at a time per site folder: a lock file next to it
  (``build/.site.lock``, the ``filelock`` package). A second build *waits*,
  saying so, rather than failing: the lock is an OS lock (flock), released
  by the kernel when its holder exits or is killed, so waiting never hangs
  on a dead build, and the build that waits then builds from the newest
  sources, which is what whoever started it wants. Ctrl+C stops the wait.
  The lock file is removed while still held (filelock retries on a removed
  file), so no lock file is left beside the site;
- the staging folder is removed on every way out (``finally``); a build that
  was killed (SIGKILL, power cut) leaves ``.site.staging-PID`` or
  ``.site.old-PID``; the next build removes those whose PID is no live
  process (on Windows, where no PID can be probed safely, it keeps them);
- the swap is two renames: build/site -> .site.old-PID, staging ->
  build/site. If the second fails, the first is undone. Between the two
  (microseconds) no build/site exists; if the build is killed right there,
  the next build finds no build/site beside a dead build's .site.old-PID
  and puts it back before anything else. (Swapping two folders in one step
  needs Linux's renameat2, which Python does not offer; a symlink would
  change what deploy scripts copy.)
- any failure prints what went wrong in one line, then "the previous site
  was left as it was", and exits 1. An unexpected error (a bug) is one line
  too; ``--debug`` adds the Python traceback for developers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import UsageError, common

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

PART_MANIFEST = ".helpcentre-part.json"  # names a part's language; removed by the merge
SEARCH_INDEX = "search/search_index.json"  # Material's, one file for every language
ERROR_PAGE = "404.html"
# The i18n version whose search de-duplication dedupe_search_entries reproduces.
I18N_DEDUPE_VERSION = "1.3.1"
UNEXPECTED_SHOWN = 200  # characters of an unexpected error's message shown (one line, not a page)


class MergeError(Exception):
    """Parts that do not make one site; the message says which and why."""


class SwapError(Exception):
    """The new site could not be put in place; ``after`` says where the previous one is."""

    def __init__(self, message: str, after: str = "the previous site was left as it was"):
        super().__init__(message)
        self.after = after


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_root(parser)
    common.add_today(parser)
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings (missing UI strings, broken links), as CI does")
    parser.add_argument("--site-dir", type=Path, help="where to write the site "
                        "(default: site_dir in mkdocs.yml, build/site; with --lang X: build/parts/X)")
    parser.add_argument("--lang", metavar="CODE",
                        help="build only this language, into a folder that --merge joins with the others")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="build the languages in N processes at once (default: every core, "
                             f"{os.cpu_count()} here); 1 builds them one after another in one process")
    parser.add_argument("--merge", nargs="+", type=Path, metavar="PART",
                        help="join folders written by --lang builds (one per language) into the site")
    parser.add_argument("--debug", action="store_true",
                        help="on an unexpected error, also print the Python traceback (for developers; "
                             "without it the error is one line)")


def run(args: argparse.Namespace) -> int:
    day = common.today(args)
    os.environ["HELPCENTRE_TODAY"] = day.isoformat()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-8s-  %(message)s")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, found {args.jobs}")
    if args.merge and args.lang:
        raise UsageError("--merge joins finished parts; it cannot be combined with --lang")
    common.project(args)  # a clear message when --root has no mkdocs.yml
    from mkdocs.exceptions import MkDocsException

    try:
        return _run(args, day.isoformat())
    except UsageError:
        raise
    except (MkDocsException, MergeError) as exc:  # messages written for the writer
        return _failed(str(exc))
    except SwapError as exc:
        return _failed(str(exc), exc.after)
    except KeyboardInterrupt:
        print("helpcentre build: stopped; the previous site was left as it was", file=sys.stderr)
        raise
    except Exception as exc:  # noqa: BLE001 - a bug: one clear line, the traceback only on --debug
        if args.debug:
            traceback.print_exc()
        return _failed(unexpected(exc) + ("" if args.debug else "; run the build again with --debug "
                                          "and send what it prints to the developers"))


def _run(args: argparse.Namespace, day: str) -> int:
    config_file = str(args.root / "mkdocs.yml")
    started = time.monotonic()
    if args.merge:
        final = _final_dir(args, config_file)
        return _swap_in(final, lambda staging: _merge_and_gate(args, staging))
    if args.lang:
        final = (args.site_dir or args.root / "build" / "parts" / args.lang).resolve()
        return _swap_in(final, lambda staging: _build_one(config_file, args.strict, staging,
                                                          args.lang))
    final = _final_dir(args, config_file)
    if args.jobs == 1:
        code = _swap_in(final, lambda staging: _build_all(config_file, args.strict, staging))
    else:
        code = _swap_in(final, lambda staging: _build_parallel(args, day, staging))
    print(f"helpcentre build: built in {time.monotonic() - started:.1f} s")
    return code


def _failed(message: str, after: str = "the previous site was left as it was") -> int:
    print(f"helpcentre build: failed: {message}", file=sys.stderr)
    print(f"helpcentre build: {after}", file=sys.stderr)
    return 1


def unexpected(exc: BaseException) -> str:
    """An unexpected error in one line: its kind and the start of its message."""
    text = " ".join(str(exc).split())
    if len(text) > UNEXPECTED_SHOWN:
        text = text[:UNEXPECTED_SHOWN - 1] + "…"
    kind = type(exc).__name__
    return f"unexpected error ({kind}: {text})" if text else f"unexpected error ({kind})"


def _final_dir(args: argparse.Namespace, config_file: str) -> Path:
    from mkdocs.config import load_config

    if args.site_dir:
        return Path(args.site_dir).resolve()
    return Path(load_config(config_file).site_dir).resolve()


def _swap_in(final: Path, write: Any) -> int:
    """Run ``write(staging)``; on success the staging folder replaces ``final``.

    Any exception propagates (``run`` reports it); the staging folder is gone
    whatever happens, and ``final`` is the previous site unless the swap ended.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    with _locked(final):
        remove_stale(final)
        staging = final.with_name(f".{final.name}.staging-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            write(staging)
            _replace(final, staging, final.with_name(f".{final.name}.old-{os.getpid()}"))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    print(f"helpcentre build: site written to {final}")
    return 0


def _replace(final: Path, staging: Path, old: Path) -> None:
    """Two renames; a failure of the second puts the previous site back."""
    had_site = final.exists()
    if had_site:
        try:
            final.rename(old)
        except OSError as exc:
            raise SwapError(f"could not move the previous site aside to put the new one in place: "
                            f"{exc}") from exc
    try:
        staging.rename(final)
    except OSError as exc:
        if had_site:
            try:
                old.rename(final)
            except OSError:
                raise SwapError(
                    f"could not put the new site in place ({exc}), nor the previous one back",
                    f"the previous site is in {old}; rename it to {final.name} (the next build "
                    "does that for you)") from exc
        raise SwapError(f"could not put the new site in place: {exc}") from exc
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _locked(final: Path) -> Iterator[None]:
    """One build at a time into ``final``; a second one waits (see the module docstring)."""
    from filelock import FileLock, Timeout

    path = final.with_name(f".{final.name}.lock")
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"helpcentre build: another build is writing {final}; waiting for it to finish "
              "(press Ctrl+C to stop waiting)", file=sys.stderr, flush=True)
        lock.acquire()
    try:
        yield
    finally:
        # Removed while held: a build waiting on this file notices and locks a new one.
        path.unlink(missing_ok=True)
        lock.release()


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill(pid, 0) would send Ctrl+C there: never remove, never kill
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OSError:
        return False
    return True


def remove_stale(final: Path) -> None:
    """Remove what killed builds left beside ``final``; put a lost previous site back.

    Called under the lock, so no other build of ``final`` is running; a
    folder whose PID is alive may still belong to a build that takes no lock
    (an older helpcentre), so it is kept. A reused PID keeps a folder until
    a later build; nothing worse.
    """
    pattern = re.compile(rf"\.{re.escape(final.name)}\.(staging|old)-(\d+)(-parts)?")
    olds = []
    for path in sorted(final.parent.iterdir()):
        match = pattern.fullmatch(path.name)
        if not match:
            continue
        pid = int(match.group(2))
        if pid != os.getpid() and _alive(pid):
            continue
        if match.group(1) == "old" and not match.group(3) and path.is_dir():
            olds.append(path)
        else:
            shutil.rmtree(path, ignore_errors=True)
    # Newest first: the site an interrupted swap moved aside last.
    for path in sorted(olds, key=lambda p: p.stat().st_ctime, reverse=True):
        if not final.exists():
            path.rename(final)
            print(f"helpcentre build: put back the previous site from {path.name}, where a build "
                  "that was stopped while swapping left it", file=sys.stderr)
        else:
            shutil.rmtree(path, ignore_errors=True)


# -- building ----------------------------------------------------------------------
def _i18n(config: Any) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise UsageError("mkdocs.yml has no `i18n` plugin; split builds need mkdocs-static-i18n")
    return plugin


def build_order(i18n: Any) -> list[str]:
    """The order a single-process build goes in: default language, then the rest as listed."""
    built = [lang.locale for lang in i18n.config.languages if lang.build]
    default = i18n.default_language
    return [default] + [code for code in built if code != default]


def _build_all(config_file: str, strict: bool, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    _use_linear_search_dedupe()
    build(load_config(config_file, strict=strict, site_dir=str(site_dir)))


def _build_one(config_file: str, strict: bool, site_dir: Path, lang: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file, strict=strict, site_dir=str(site_dir))
    i18n = _i18n(config)
    order = build_order(i18n)
    if lang not in order:
        raise UsageError(f"--lang {lang}: not a language this site builds; mkdocs.yml lists "
                         f"{', '.join(order)}")
    one_language(config, lang)
    build(config)
    manifest = {"language": lang, "languages": order, "default": i18n.default_language}
    (site_dir / PART_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def one_language(config: Any, lang: str) -> None:
    """Make ``build(config)`` build ``lang`` alone, as it is built inside a full build.

    See the module docstring: the i18n plugin's own state is set as its loop
    would set it. Files of the other languages are dropped before i18n sees
    them (it pairs every file with every language: O(files x languages) per
    build); only the default language is kept, as the fallback text.
    """
    i18n = _i18n(config)
    i18n.current_language = lang
    i18n.building = True
    keep = {lang, i18n.default_language}
    config.plugins["helpcentre-one-language"] = _files_dropped(
        {code for code in i18n.all_languages if code not in keep})


def _files_dropped(dropped: set[str]) -> Any:
    """A plugin object that removes the files under the ``dropped`` language folders."""
    from mkdocs.plugins import BasePlugin, event_priority
    from mkdocs.structure.files import Files

    class OtherLanguagesDropped(BasePlugin):  # type: ignore[type-arg]
        @event_priority(100)  # before mkdocs-static-i18n (-100) and our plugin (-110)
        def on_files(self, files: Files, config: Any) -> Files:
            return Files([f for f in files if f.src_uri.split("/", 1)[0] not in dropped])

    return OtherLanguagesDropped()


def _build_parallel(args: argparse.Namespace, day: str, staging: Path) -> None:
    from mkdocs.config import load_config

    order = build_order(_i18n(load_config(str(args.root / "mkdocs.yml"))))
    parts_dir = staging.with_name(staging.name + "-parts")
    shutil.rmtree(parts_dir, ignore_errors=True)
    entry = "from helpcentre.cli import main; raise SystemExit(main())"

    def one(lang: str) -> tuple[str, int, str]:
        started = time.monotonic()
        cmd = [sys.executable, "-c", entry, "build", "--root", str(args.root), "--today", day,
               "--lang", lang, "--site-dir", str(parts_dir / lang)] + (["--strict"] * args.strict)
        cmd += ["--debug"] * args.debug
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        print(f"helpcentre build: {lang} built in {time.monotonic() - started:.1f} s", flush=True)
        return lang, done.returncode, done.stdout + done.stderr

    try:
        with ThreadPoolExecutor(max_workers=min(args.jobs, len(order))) as pool:
            results = list(pool.map(one, order))
        failed = []
        for lang, code, output in results:
            for line in output.splitlines():
                if not line.startswith(("INFO", "DEBUG", "helpcentre build: site written")):
                    print(f"[{lang}] {line}", file=sys.stderr)
            if code != 0:
                failed.append(lang)
        if failed:
            raise MergeError(f"the {', '.join(failed)} build(s) failed (messages above)")
        started = time.monotonic()
        merge_parts([parts_dir / lang for lang in order], staging, move=True)
        print(f"helpcentre build: merged in {time.monotonic() - started:.1f} s", flush=True)
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)


# -- merging ---------------------------------------------------------------------
def _read_manifest(part: Path) -> dict[str, Any]:
    try:
        return json.loads((part / PART_MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise MergeError(f"{part} is not a language build: it has no {PART_MANIFEST}; build it "
                         f"with `helpcentre build --lang CODE --site-dir {part}`") from None


def _same_file(a: Path, b: Path) -> bool:
    if a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes():
        return True
    # gzip stores the build date in its header: compare what it holds.
    return a.suffix == ".gz" and gzip.decompress(a.read_bytes()) == gzip.decompress(b.read_bytes())


def _merge_and_gate(args: argparse.Namespace, staging: Path) -> None:
    """Merge the parts, then judge the merged site as a whole with the safety gate."""
    from ..checks.gate import gate_site
    from ..checks.urls import UrlPolicy
    from ..content.registry import load_registry

    merge_parts(args.merge, staging, move=False)
    project = common.project(args)
    codes = set(project.codes)

    def lang_of(rel: str) -> str:
        first = rel.split("/", 1)[0]
        return first if first in codes else project.default_language

    found = gate_site(staging, UrlPolicy(load_registry(project), project.site_url), lang_of)
    for line in found:
        print(line, file=sys.stderr)
    if found:
        raise MergeError(f"the safety gate refused {len(found)} thing(s) in the merged site (listed above); "
                         "run `helpcentre check` and build the parts again")


def merge_parts(parts: Iterable[Path], dest: Path, *, move: bool) -> None:
    """Join one folder per language into ``dest`` (see the module docstring)."""
    by_lang: dict[str, Path] = {}
    manifests = {}
    for part in parts:
        manifest = _read_manifest(part)
        if manifest["language"] in by_lang:
            raise MergeError(f"two parts build {manifest['language']}: {by_lang[manifest['language']]} "
                             f"and {part}")
        by_lang[manifest["language"]] = part
        manifests[manifest["language"]] = manifest
    orders = {tuple(m["languages"]) for m in manifests.values()}
    if len(orders) != 1:
        raise MergeError("the parts were built from different language lists in mkdocs.yml")
    order = list(orders.pop())
    missing = [lang for lang in order if lang not in by_lang]
    if missing:
        raise MergeError(f"no part for {', '.join(missing)}; every language in mkdocs.yml is "
                         "needed for a complete site")
    dest.mkdir(parents=True)
    owner: dict[str, str] = {}
    conflicts: list[str] = []
    indexes: list[dict[str, Any]] = []
    for lang in order:
        part = by_lang[lang]
        for path in sorted(p for p in part.rglob("*") if p.is_file()):
            rel = path.relative_to(part).as_posix()
            if rel == PART_MANIFEST:
                continue
            if rel == SEARCH_INDEX:
                indexes.append(json.loads(path.read_text(encoding="utf-8")))
                continue
            target = dest / rel
            if rel in owner:
                # The default language is merged first, so its 404 page is the one kept.
                if rel != ERROR_PAGE and not _same_file(target, path):
                    conflicts.append(f"{rel} ({owner[rel]} and {lang} differ)")
                continue
            owner[rel] = lang
            target.parent.mkdir(parents=True, exist_ok=True)
            if move:
                os.replace(path, target)
            else:
                shutil.copyfile(path, target)
    if conflicts:
        shown = "\n  ".join(conflicts[:20])
        raise MergeError(f"{len(conflicts)} file(s) differ between the language builds; were they "
                         f"built from the same commit and mkdocs.yml?\n  {shown}")
    if indexes:
        docs = [doc for index in indexes for doc in index["docs"]]
        # Material's search settings are fixed by the first (default-language) build.
        data = {"config": indexes[0]["config"], "docs": dedupe_search_entries(docs, order)}
        out = dest / SEARCH_INDEX
        out.parent.mkdir(parents=True, exist_ok=True)
        # Material's own serialisation (material/plugins/search/plugin.py).
        out.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")


# -- search index de-duplication ---------------------------------------------------
def dedupe_search_entries(entries: list[dict[str, Any]], languages: list[str]) -> list[dict[str, Any]]:
    """mkdocs-static-i18n 1.3.1's ``reconfigure_search_duplicates``, in linear time.

    It drops an entry under ``<lang>/`` whose title and text equal a default-language
    entry's and whose location ends with that entry's location (a page shown in
    English under /zh/ is indexed once). It compares every default entry with every
    other entry (quadratic: minutes at 12,000 pages), and it removes items from the
    list it is iterating over, so after each removal the next entry is skipped: of
    five identical fallback pages in a row, the 2nd and 4th stay. We reproduce that
    exactly, so a merged site's index is the single-process build's, byte for byte.
    """
    prefixes = tuple(f"{lang}/" for lang in languages)
    targets = [e for e in entries if e["location"].startswith(prefixes)]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, entry in enumerate(targets):
        groups.setdefault((entry["title"], entry["text"]), []).append(i)
    following = list(range(1, len(targets) + 1))  # a linked list of the entries still kept
    before = list(range(-1, len(targets) - 1))
    removed = [False] * len(targets)
    for entry in entries:
        if entry["location"].startswith(prefixes):
            continue
        matches = [i for i in groups.get((entry["title"], entry["text"]), ())
                   if not removed[i] and targets[i]["location"].endswith(entry["location"])]
        skipped = -1
        for i in matches:
            if i == skipped:
                continue
            removed[i] = True
            skipped = following[i]  # the entry the loop in i18n steps over
            if before[i] >= 0:
                following[before[i]] = following[i]
            if following[i] < len(targets):
                before[following[i]] = before[i]
    dropped = {id(targets[i]) for i, gone in enumerate(removed) if gone}
    return [e for e in entries if id(e) not in dropped]


def _use_linear_search_dedupe() -> None:
    """Swap i18n's quadratic de-duplication for the equivalent linear one above."""
    from importlib.metadata import version

    from mkdocs_static_i18n.reconfigure import ExtendedPlugin

    if version("mkdocs-static-i18n") != I18N_DEDUPE_VERSION:
        logging.getLogger("mkdocs").info(
            "helpcentre build: mkdocs-static-i18n is not %s; keeping its own search "
            "de-duplication (slow on large sites)", I18N_DEDUPE_VERSION)
        return

    original = ExtendedPlugin.reconfigure_search_duplicates
    if hasattr(original, "__wrapped__"):
        return  # already swapped in this process

    def reconfigure_search_duplicates(self: Any, entries: list[dict[str, Any]]) -> None:
        entries[:] = dedupe_search_entries(entries, self.build_languages)

    reconfigure_search_duplicates.__wrapped__ = original  # type: ignore[attr-defined]
    ExtendedPlugin.reconfigure_search_duplicates = reconfigure_search_duplicates  # type: ignore[method-assign]
