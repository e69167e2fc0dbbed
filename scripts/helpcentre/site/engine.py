"""The build engine: build the site without ever leaving a half-written one.

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

The command line (helpcentre.cli.build) only parses arguments and maps what
this module raises to exit codes; mkdocs-static-i18n's internals are touched
only in helpcentre.site.i18n.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import i18n

PART_MANIFEST = ".helpcentre-part.json"  # names a part's language; removed by the merge
SEARCH_INDEX = "search/search_index.json"  # Material's, one file for every language
ERROR_PAGE = "404.html"


class MergeError(Exception):
    """Parts that do not make one site; the message says which and why."""


class SwapError(Exception):
    """The new site could not be put in place; ``after`` says where the previous one is."""

    def __init__(self, message: str, after: str = "the previous site was left as it was"):
        super().__init__(message)
        self.after = after


class UnknownLanguage(Exception):
    """A language the site does not build was asked for."""


@dataclass(frozen=True)
class Request:
    """One build, as the command line (or a test) asks for it."""

    root: Path
    today: dt.date
    strict: bool = False
    site_dir: Path | None = None
    lang: str | None = None
    jobs: int = 1
    merge: tuple[Path, ...] = ()
    debug: bool = False

    @property
    def config_file(self) -> str:
        return str(self.root / "mkdocs.yml")


def build(request: Request) -> Path:
    """Build (or merge) the site the request asks for; returns where it was written.

    Raises MergeError, SwapError, UnknownLanguage or MkDocs' own exceptions; the
    previous site is left as it was whenever anything is raised.
    """
    if request.merge:
        final = final_dir(request)
        swap_in(final, lambda staging: merge_and_gate(request, staging))
    elif request.lang:
        final = (request.site_dir or request.root / "build" / "parts" / request.lang).resolve()
        swap_in(final, lambda staging: build_one(request, staging, request.lang or ""))
    else:
        final = final_dir(request)
        write = build_all if request.jobs == 1 else build_parallel
        swap_in(final, lambda staging: write(request, staging))
    return final


def final_dir(request: Request) -> Path:
    from mkdocs.config import load_config

    if request.site_dir:
        return Path(request.site_dir).resolve()
    return Path(load_config(request.config_file).site_dir).resolve()


def load(request: Request, site_dir: Path) -> Any:
    """mkdocs.yml loaded for this build, with its day handed to our plugin as a value."""
    from mkdocs.config import load_config

    config = load_config(request.config_file, strict=request.strict, site_dir=str(site_dir))
    ours = config.plugins.get("helpcentre")
    if ours is not None:
        ours.config.today = request.today
    return config


def swap_in(final: Path, write: Callable[[Path], None]) -> None:
    """Run ``write(staging)``; on success the staging folder replaces ``final``.

    Any exception propagates (the caller reports it); the staging folder is gone
    whatever happens, and ``final`` is the previous site unless the swap ended.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    with locked(final):
        remove_stale(final)
        staging = final.with_name(f".{final.name}.staging-{os.getpid()}")
        shutil.rmtree(staging, ignore_errors=True)
        try:
            write(staging)
            _replace(final, staging, final.with_name(f".{final.name}.old-{os.getpid()}"))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    print(f"helpcentre build: site written to {final}")


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
def locked(final: Path) -> Iterator[None]:
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
def build_all(request: Request, site_dir: Path) -> None:
    """Every language in this process, as mkdocs-static-i18n does it."""
    from mkdocs.commands.build import build as mkdocs_build

    i18n.use_linear_search_dedupe()
    mkdocs_build(load(request, site_dir))


def build_one(request: Request, site_dir: Path, lang: str) -> None:
    """One language, into a folder that merge_parts joins with the others."""
    from mkdocs.commands.build import build as mkdocs_build

    config = load(request, site_dir)
    order = i18n.build_order(config)
    if lang not in order:
        raise UnknownLanguage(f"--lang {lang}: not a language this site builds; mkdocs.yml lists "
                              f"{', '.join(order)}")
    i18n.one_language(config, lang)
    mkdocs_build(config)
    manifest = {"language": lang, "languages": order, "default": i18n.default_language(config)}
    (site_dir / PART_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def build_parallel(request: Request, staging: Path) -> None:
    """One ``--lang`` build per language in ``request.jobs`` processes, then the merge."""
    from mkdocs.config import load_config

    order = i18n.build_order(load_config(request.config_file))
    parts_dir = staging.with_name(staging.name + "-parts")
    shutil.rmtree(parts_dir, ignore_errors=True)

    def one(lang: str) -> tuple[str, int, str]:
        started = time.monotonic()
        cmd = [sys.executable, "-m", "helpcentre", "build", "--root", str(request.root),
               "--today", request.today.isoformat(), "--lang", lang, "--site-dir", str(parts_dir / lang)]
        cmd += ["--strict"] * request.strict + ["--debug"] * request.debug
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        print(f"helpcentre build: {lang} built in {time.monotonic() - started:.1f} s", flush=True)
        return lang, done.returncode, done.stdout + done.stderr

    try:
        with ThreadPoolExecutor(max_workers=min(request.jobs, len(order))) as pool:
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


def merge_and_gate(request: Request, staging: Path) -> None:
    """Merge the parts, then judge the merged site as a whole with the safety gate."""
    from ..checks.gate import gate_site
    from ..checks.urls import UrlPolicy
    from ..content.project import load_project
    from ..content.registry import load_registry

    merge_parts(request.merge, staging, move=False)
    project = load_project(request.root)
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
        data = {"config": indexes[0]["config"], "docs": i18n.dedupe_search_entries(docs, order)}
        out = dest / SEARCH_INDEX
        out.parent.mkdir(parents=True, exist_ok=True)
        # Material's own serialisation (material/plugins/search/plugin.py).
        out.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
