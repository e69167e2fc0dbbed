"""Commands never crash and builds never leave a half-written or missing site.

- builds: any error is one line plus "the previous site was left as it was";
  staging folders go on every way out, and those of killed builds at the
  next build; one build at a time (a second one waits); a failed swap puts
  the previous site back;
- serve: a port out of range is a usage error, a port in use a clear message;
- an empty --today is a usage error, an empty $HELPCENTRE_TODAY counts as unset;
- a very long search query is cut to the same length by Python and JavaScript.

Build tests replace MkDocs' build with a function writing one page (the swap,
lock and clean-up are what is tested; tests/test_site.py and
tests/test_split_build.py build for real).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from conftest import TODAY
from helpcentre.cli import main
from helpcentre.clock import BadToday, resolve_today
from helpcentre.search.index import build_index
from helpcentre.search.query import MAX_QUERY_LENGTH, SearchIndex, clauses, shorten
from helpcentre.site import engine
from test_search_index import block_test_documents
from test_search_js import HC_SEARCH, NODE

LEFT = "helpcentre build: the previous site was left as it was"


# -- builds ------------------------------------------------------------------------
@pytest.fixture
def root(make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HELPCENTRE_TODAY", TODAY)  # restored after the test; build sets it
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return make_site()


def fake_build(text: str) -> Callable[[engine.Request, Path], None]:
    def write(request: engine.Request, site_dir: Path) -> None:
        site_dir.mkdir(parents=True)
        (site_dir / "index.html").write_text(text, encoding="utf-8")
    return write


def build(root: Path, *extra: str) -> int:
    return main(["build", "--root", str(root), "--today", TODAY, "--jobs", "1", *extra])


def beside(root: Path) -> list[str]:
    """What is in build/, next to the site."""
    return sorted(p.name for p in (root / "build").iterdir())


def page(root: Path) -> str:
    return (root / "build" / "site" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def built(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A fixture site with a previous build (its page says "v1")."""
    monkeypatch.setattr(engine, "build_all", fake_build("v1"))
    assert build(root) == 0
    capsys.readouterr()
    monkeypatch.undo()
    monkeypatch.setenv("HELPCENTRE_TODAY", TODAY)
    return root


def test_an_unexpected_error_is_one_line_and_keeps_the_previous_site(
        built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Not only MkDocs' own errors: anything raised inside the real --jobs 1 build."""
    import mkdocs.commands.build

    def broken(config: Any) -> None:
        Path(config.site_dir).mkdir(parents=True)
        Path(config.site_dir, "half.html").write_text("half", encoding="utf-8")
        raise RuntimeError("the disk said no\n  (second line)")

    monkeypatch.setattr(mkdocs.commands.build, "build", broken)
    assert build(built) == 1
    assert capsys.readouterr().err.splitlines() == [
        "helpcentre build: failed: unexpected error (RuntimeError: the disk said no (second line)); "
        "run the build again with --debug and send what it prints to the developers",
        LEFT]
    assert page(built) == "v1"
    assert beside(built) == ["site"]  # no staging folder, no lock file


def test_debug_adds_the_traceback(built: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    def broken(request: engine.Request, site_dir: Path) -> None:
        site_dir.mkdir(parents=True)
        raise KeyError("lang")

    monkeypatch.setattr(engine, "build_all", broken)
    assert build(built, "--debug") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "Traceback (most recent call last):"
    assert err[-2:] == ["helpcentre build: failed: unexpected error (KeyError: 'lang')", LEFT]
    assert beside(built) == ["site"]


def test_debug_is_explained_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "--debug" in capsys.readouterr().out


def dead_pid() -> int:
    """The PID of a process that has ended (PIDs are only reused after wrapping around)."""
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()
    return done.pid


def test_a_killed_builds_folders_are_removed_by_the_next_build(
        built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    dead = dead_pid()
    alive = os.getppid()  # some other live process: its build may still be running
    out = built / "build"
    for name in (f".site.staging-{dead}", f".site.staging-{dead}-parts", f".site.old-{dead}",
                 f".site.staging-{alive}", ".site.staging-notapid", ".other.staging-1"):
        (out / name).mkdir()
        (out / name / "index.html").write_text("stale", encoding="utf-8")
    monkeypatch.setattr(engine, "build_all", fake_build("v2"))
    assert build(built) == 0
    assert page(built) == "v2"
    assert beside(built) == [".other.staging-1", f".site.staging-{alive}", ".site.staging-notapid",
                             "site"]


def test_a_site_lost_between_the_two_renames_is_put_back(
        built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Killed after build/site -> .site.old-PID, before staging -> build/site."""
    out = built / "build"
    dead = dead_pid()
    (out / "site").rename(out / f".site.old-{dead}")

    def broken(request: engine.Request, site_dir: Path) -> None:
        raise ValueError("nothing to build")

    monkeypatch.setattr(engine, "build_all", broken)
    assert build(built) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"helpcentre build: put back the previous site from .site.old-{dead}, where a build that "
        "was stopped while swapping left it",
        "helpcentre build: failed: unexpected error (ValueError: nothing to build); run the build "
        "again with --debug and send what it prints to the developers",
        LEFT]
    assert page(built) == "v1"
    assert beside(built) == ["site"]


@pytest.fixture
def rename_fails(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Make Path.rename fail for sources whose name starts with the given prefixes."""
    original = Path.rename

    def failing(*prefixes: str) -> None:
        def rename(self: Path, target: Any) -> Path:
            if self.name.startswith(prefixes):
                raise PermissionError(errno.EACCES, "Permission denied")
            return original(self, target)
        monkeypatch.setattr(Path, "rename", rename)
    return failing


def test_a_failed_swap_puts_the_previous_site_back(
        built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        rename_fails: Callable[..., None]) -> None:
    monkeypatch.setattr(engine, "build_all", fake_build("v2"))
    rename_fails(".site.staging-")  # the second rename: the new site into place
    assert build(built) == 1
    assert capsys.readouterr().err.splitlines() == [
        "helpcentre build: failed: could not put the new site in place: [Errno 13] Permission denied",
        LEFT]
    assert page(built) == "v1"
    assert beside(built) == ["site"]


def test_when_nothing_can_be_renamed_back_the_message_says_where_the_site_is(
        built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        rename_fails: Callable[..., None]) -> None:
    monkeypatch.setattr(engine, "build_all", fake_build("v2"))
    rename_fails(".site.staging-", ".site.old-")
    assert build(built) == 1
    old = (built / "build" / f".site.old-{os.getpid()}").resolve()
    assert capsys.readouterr().err.splitlines() == [
        "helpcentre build: failed: could not put the new site in place ([Errno 13] Permission denied), "
        "nor the previous one back",
        f"helpcentre build: the previous site is in {old}; rename it to site (the next build does "
        "that for you)"]
    assert beside(built) == [old.name]
    monkeypatch.undo()
    monkeypatch.setenv("HELPCENTRE_TODAY", TODAY)
    # The next build (another process, so our PID counts as dead) puts it back first.
    assert engine.remove_stale(built / "build" / "site") is None
    assert page(built) == "v1"


@pytest.fixture
def held_lock(root: Path) -> Iterator[Callable[[float], threading.Thread]]:
    """Hold build/.site.lock from another thread for some seconds, as a running build does."""
    threads = []

    def hold(seconds: float) -> threading.Thread:
        taken = threading.Event()

        def run() -> None:
            lock = FileLock(root / "build" / ".site.lock")
            with lock:
                taken.set()
                time.sleep(seconds)

        (root / "build").mkdir(exist_ok=True)
        thread = threading.Thread(target=run)
        thread.start()
        taken.wait()
        threads.append(thread)
        return thread

    yield hold
    for thread in threads:
        thread.join()


def test_a_second_build_waits_for_the_first(root: Path, held_lock: Callable[[float], Any],
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(engine, "build_all", fake_build("v2"))
    holder = held_lock(1.0)
    started = time.monotonic()
    assert build(root) == 0
    assert time.monotonic() - started >= 0.9
    assert not holder.is_alive()  # it finished before this build swapped
    site = (root / "build" / "site").resolve()
    assert capsys.readouterr().err.splitlines() == [
        f"helpcentre build: another build is writing {site}; waiting for it to finish "
        "(press Ctrl+C to stop waiting)"]
    assert page(root) == "v2"
    assert beside(root) == ["site"]  # the lock file is removed with the lock


# -- serve -------------------------------------------------------------------------
@pytest.mark.parametrize("port", ["-1", "0", "70000", "eighty"])
def test_a_port_out_of_range_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "helpcentre serve: error: argument --port: expected a port number from 1 to 65535, like "
        f"--port 8000; found {port}")


@pytest.mark.parametrize("lang", [[], ["--lang", "zh"]])
def test_a_port_in_use_is_named_with_a_free_one_to_use(
        lang: list[str], root: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def no_exec(*args: Any) -> None:
        raise AssertionError("mkdocs serve was started on a port in use")

    monkeypatch.setattr(os, "execve", no_exec)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--root", str(root), "--today", TODAY, "--port", str(port), *lang]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    match = re.fullmatch(
        rf"helpcentre serve: port {port} is already in use on 127\.0\.0\.1 \(another preview or "
        r"program is using it\); stop that program, or choose another port with --port (\d+)", err[0])
    assert match and int(match.group(1)) > port


# -- today -------------------------------------------------------------------------
def test_an_empty_today_is_a_usage_error(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(root), "--today", ""]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "helpcentre check: error: --today: is empty; expected a date written YYYY-MM-DD, like "
        "2026-11-18 (leave it out to use $HELPCENTRE_TODAY, then today's date)"]


def test_a_bad_environment_date_names_the_variable(root: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HELPCENTRE_TODAY", "23/11/2026")
    assert main(["check", "--root", str(root)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "helpcentre check: error: $HELPCENTRE_TODAY: `today`: expected a date written YYYY-MM-DD, "
        'like `today: 2026-11-18`; found "23/11/2026"']


def test_only_an_absent_option_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HELPCENTRE_TODAY", TODAY)
    assert resolve_today(None) == dt.date.fromisoformat(TODAY)
    assert resolve_today("2026-01-02") == dt.date(2026, 1, 2)
    for empty in ("", "  "):
        with pytest.raises(BadToday, match="^is empty; expected a date written YYYY-MM-DD"):
            resolve_today(empty)
    monkeypatch.setenv("HELPCENTRE_TODAY", "")  # an empty variable counts as unset
    before = dt.date.today()
    assert resolve_today(None) in {before, dt.date.today()}


# -- search query length -------------------------------------------------------------
LONG_QUERIES = ["w001 w002 " * 2600, "提币" * 13000, "🙂" * 150 + "w003 " * 20, "x" * MAX_QUERY_LENGTH,
                "w004 " * 40 + "w0", "e-mail " * 100]

DRIVER = """
const hc = require(process.argv[1]);
let input = "";
process.stdin.on("data", d => input += d).on("end", () => {
  const req = JSON.parse(input);
  const index = new hc.SearchIndex(req.index);
  process.stdout.write(JSON.stringify({
    max: hc.MAX_QUERY_LENGTH,
    shortened: req.queries.map(q => hc.shorten(q)),
    results: req.queries.map(q => index.search(q, 10).map(h => [h.id, h.score, h.matched])),
  }));
});
"""


def test_a_long_query_is_cut_to_the_same_length_in_python_and_javascript() -> None:
    data = build_index(block_test_documents(), lang="en", synonyms=[], fallback_label="English")
    index = SearchIndex(data)
    python = [[[h.id, h.score, list(h.matched)] for h in index.search(q, 10)] for q in LONG_QUERIES]
    # Only the first MAX_QUERY_LENGTH characters count.
    assert python == [[[h.id, h.score, list(h.matched)] for h in index.search(q[:MAX_QUERY_LENGTH], 10)]
                      for q in LONG_QUERIES]
    assert all(clauses(q, []) == clauses(q[:MAX_QUERY_LENGTH], []) for q in LONG_QUERIES)
    assert len(shorten("🙂" * 300)) == MAX_QUERY_LENGTH == 200
    if NODE is None:
        pytest.skip("node is not installed")
    done = subprocess.run([NODE, "-e", DRIVER, str(HC_SEARCH)], capture_output=True, text=True,
                          check=True, input=json.dumps({"index": data, "queries": LONG_QUERIES}))
    js = json.loads(done.stdout)
    assert js["max"] == MAX_QUERY_LENGTH
    assert js["shortened"] == [shorten(q) for q in LONG_QUERIES]
    assert js["results"] == python
    assert any(python)  # the queries found something to compare
