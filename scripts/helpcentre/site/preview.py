"""The writers' preview engine: a live-reload server on 127.0.0.1 only.

One server for both ways of previewing: MkDocs' LiveReloadServer, with a
builder of ours. It watches content/ (with the registries in content/_data),
mkdocs.yml, translations/ and the theme's custom_dir (overrides/): anything
that can change a page. Without ``--lang`` every change rebuilds every
language, as ``helpcentre build`` builds them.

``--lang ja`` previews one language, as a writer of that language needs, and
stays quick on a large site:
- the language is built the way ``helpcentre build --lang ja`` builds it (see
  site/engine.py and site/i18n.py: the i18n plugin is told which language it is building, so
  URLs stay /ja/..., and the other languages' files are left out). Links to
  other languages (the language switcher) show "not found" in this preview;
- when the only change is the body of articles shown in this language (their
  front matter unchanged), just those pages are rendered again, with the
  navigation, templates and plugin state of the last full build. A full
  MkDocs build of one language at 2,000 articles takes a minute; one page
  takes well under a second. Any other change (front matter, a new or
  deleted file, registries, UI strings, templates, mkdocs.yml) rebuilds the
  language in full, because it can change other pages. The language's search
  index is refreshed by full rebuilds only.

The port is checked before anything is built: a port outside 1-65535 is a
usage error (exit 2); a port another program holds is a one-line message
naming it and a free one to pass to ``--port`` (exit 1), never a traceback.
A port taken while the site was building (checked free before) gets the
same message.

Live reload under the Content-Security-Policy: the server adds an inline
script to every page it sends, which the published policy refuses, so the
preview's builds set the plugin's ``live_reload`` and pages get
helpcentre.site.csp.PREVIEW_POLICY instead. ``mkdocs serve`` run by hand
does not: its pages keep the published policy and do not reload. (Not the
plugin's ``on_startup(command="serve")``: MkDocs keeps one instance of a
plugin that has that method for the whole process, across configs, so our
plugin's corpus, loaded once per instance, would stay that of the first build,
and of the first fixture site in a test run.)

A build that fails does not leave the browser on the old page. Every HTML
page of the served site is overwritten with a page that says the preview
could not be built and lists the errors logged during that build (each
``path:line: error: ...``), and the builder returns normally, so MkDocs
advances its live-reload epoch and open pages reload to show it. The
terminal gets the same errors and one line, never a traceback for content
errors. The next build that succeeds replaces the page, and open pages reload
again. (MkDocs' own builder lets the exception out; its server then says it
"will appear stuck" and the browser keeps the old page.)

The command line (helpcentre.cli.serve) only parses arguments and maps
results to exit codes.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import html
import logging
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.loader import split_front_matter
from . import csp, i18n
from .engine import UnknownLanguage

log = logging.getLogger("mkdocs.helpcentre.serve")
HOST = "127.0.0.1"  # never anything else: a preview shows unpublished articles
DEFAULT_PORT = 8000
MAX_PORT = 65535
FREE_PORT_TRIES = 20  # ports after the one asked for, tried to suggest a free one
# What every page of the preview says while the last build failed.
FAILED_TITLE = "The preview could not be built"
FAILED_HINT = "Fix it and save; this page reloads by itself."
FAILED_LOG = ("helpcentre serve: the preview could not be built ({cause}); open pages show why until a "
              "save fixes it")
_FAILED_STYLE = ("body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}"
                 "pre{white-space:pre-wrap;background:#fdecea;border-left:4px solid #b71c1c;padding:1rem}")


def port_number(text: str) -> int:
    """argparse type for --port: a TCP port, 1 to 65535 (0 would pick a random one)."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to {MAX_PORT}, like "
                                         f"--port {DEFAULT_PORT}; found {text}")
    return port


def port_problem(port: int) -> str | None:
    """Why the preview cannot listen on ``port`` (a sentence for the writer), or None."""
    error = _bind_error(port)
    if error is None:
        return None
    if error.errno == errno.EADDRINUSE:
        free = next((p for p in range(port + 1, min(port + FREE_PORT_TRIES, MAX_PORT) + 1)
                     if _bind_error(p) is None), None)
        hint = f"--port {free}" if free else "another --port"
        return (f"port {port} is already in use on {HOST} (another preview or program is using "
                f"it); stop that program, or choose another port with {hint}")
    if error.errno == errno.EACCES:
        return (f"not allowed to use port {port} on {HOST} (ports below 1024 need administrator "
                f"rights); choose another port, like --port {DEFAULT_PORT}")
    return f"cannot use port {port} on {HOST} ({error.strerror}); choose another port with --port"


def _bind_error(port: int) -> OSError | None:
    # SO_REUSEADDR as the preview server sets it, so a port left in TIME_WAIT counts as free.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            return exc
    return None


def front_matter(path: Path) -> str | None:
    """The front matter block as text, with the loader's own rule for where it ends
    (None when the file cannot be read or has none: a full rebuild then reports why)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    lines, _body, _line, _problem = split_front_matter(text, str(path))
    return None if lines is None else "\n".join(lines)


def _snapshot(paths: list[Path]) -> dict[Path, int]:
    """Modification times of every file under ``paths``."""
    seen: dict[Path, int] = {}
    for top in paths:
        if top.is_file():
            seen[top] = top.stat().st_mtime_ns
            continue
        for folder, _dirs, names in os.walk(top):
            for name in names:
                path = Path(folder, name)
                with contextlib.suppress(OSError):
                    seen[path] = path.stat().st_mtime_ns
    return seen


@dataclass
class Preview:
    """The preview's builds: every language (``lang`` None), or one language, whose last
    full build is kept to re-render single pages."""

    config_file: str
    lang: str | None  # None: every language, always rebuilt in full
    today: dt.date
    site_dir: str
    serve_url: str
    watched: list[Path]
    state: dict[str, Any] = field(default_factory=dict)  # config, env, files, nav of the last build
    pages: dict[Path, Any] = field(default_factory=dict)  # source file -> its File in this build
    fronts: dict[Path, str | None] = field(default_factory=dict)
    mtimes: dict[Path, int] = field(default_factory=dict)
    built: set[Path] = field(default_factory=set)  # HTML files of the last build that succeeded
    failure: bytes | None = None  # the page shown everywhere while the last build failed
    failed: set[Path] = field(default_factory=set)  # where it was written

    def config(self) -> Any:
        from mkdocs.config import load_config

        config = load_config(config_file=self.config_file, site_dir=self.site_dir)
        config.site_url = self.serve_url
        ours = config.plugins["helpcentre"].config
        ours.today = self.today
        ours.live_reload = True  # the preview's policy, so the server's live-reload script runs
        if self.lang is not None:
            i18n.one_language(config, self.lang)
        config.plugins["helpcentre-preview"] = _capture(self.state)
        config.plugins.on_startup(command="serve", dirty=False)
        return config

    def full(self) -> None:
        """Build in full; a failure propagates (:meth:`rebuild` shows it in the browser)."""
        from mkdocs.commands.build import build

        started = time.monotonic()
        self.mtimes = _snapshot(self.watched)
        self.state.clear()  # until this build succeeds, the next change rebuilds in full too
        for rel in self.failed:  # a one-language build cleans its own folder only
            Path(self.site_dir, rel).unlink(missing_ok=True)
        self.failed = set()
        if self.lang is None:
            i18n.use_linear_search_dedupe()  # as `helpcentre build` does
        config = self.config()
        build(config, serve_url=self.serve_url)
        if self.lang is not None:
            files = self.state["files"]
            self.pages = {Path(f.abs_src_path): f for f in files.documentation_pages()
                          if f.abs_src_path and f.page is not None}
            self.fronts = {path: front_matter(path) for path in self.pages}
        self.state["config"] = config
        self.built = _html_files(self.site_dir)
        built = "every language" if self.lang is None else self.lang
        log.info(f"helpcentre serve: {built} built in full in {time.monotonic() - started:.2f} s")

    def rebuild(self) -> None:
        """The live-reload builder: one page when that is enough, else everything.

        It never raises: a build that fails puts the error page in place of every
        page and returns, so the server tells open pages to reload and show it.
        """
        with _errors_logged() as errors:
            try:
                self._update(errors)
            except Exception as exc:  # noqa: BLE001 - whatever failed, the writer sees it
                self._failed(exc, list(errors))
                return
        self.failure = None

    def _update(self, logged: list[str]) -> None:
        started = time.monotonic()
        now = _snapshot(self.watched)
        changed = sorted(p for p in now.keys() | self.mtimes.keys() if now.get(p) != self.mtimes.get(p))
        pages = self._pages_only(changed)
        if pages is None:
            self.full()
            return
        try:
            self._render(pages)
        except Exception as exc:  # noqa: BLE001 - any failure: fall back to the full build
            log.warning(f"helpcentre serve: re-rendering one page failed ({exc}); rebuilding in full")
            logged.clear()  # the full build's errors are the ones to show
            self.full()
            return
        if logged:
            # The safety gate refused something in the page (it logs each finding and
            # leaves refusing to the end of a build): the full build refuses it.
            logged.clear()
            self.full()
            return
        self.mtimes = now
        shown = ", ".join(str(p.relative_to(Path(self.config_file).parent)) for p in pages) or "nothing"
        log.info(f"helpcentre serve: re-rendered {shown} in {time.monotonic() - started:.2f} s")

    def _pages_only(self, changed: list[Path]) -> list[Path] | None:
        """The pages to re-render, or None when the change needs a full build."""
        if not changed or self.lang is None or "config" not in self.state:
            return None
        docs_dir = Path(self.state["config"].docs_dir)
        pages = []
        for path in changed:
            if path in self.pages:
                if not path.exists() or front_matter(path) != self.fronts.get(path):
                    return None
                pages.append(path)
                continue
            try:
                rel = path.relative_to(docs_dir)
            except ValueError:
                return None  # registries' neighbours: translations, templates, mkdocs.yml
            top = rel.parts[0] if rel.parts else ""
            # Another language's article: not part of this preview.
            if top == "_data" or path.suffix != ".md" or top in (self.lang, self._default()):
                return None
        return pages

    def _default(self) -> str:
        return i18n.default_language(self.state["config"])

    def _render(self, pages: list[Path]) -> None:
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        config, files, nav, env = (self.state[k] for k in ("config", "files", "nav", "env"))
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for path in pages:
            page = self.pages[path].page
            _populate_page(page, config, files)
            _build_page(page, config, doc_files, nav, env)

    def _failed(self, exc: Exception, errors: list[str]) -> None:
        """Show why the build failed on every page the writer may have open."""
        from jinja2 import TemplateSyntaxError
        from mkdocs.exceptions import Abort, MkDocsException

        lines = list(dict.fromkeys(errors))  # i18n's languages can log the same line each
        logged = isinstance(exc, Abort) and bool(lines)  # MkDocs logged the cause above
        cause = "errors above" if logged else _describe(exc, Path(self.config_file).parent)
        if not logged:
            lines.append(cause)
        self.state.clear()
        self.failure = failed_page(lines)
        site = Path(self.site_dir)
        entry = [Path("index.html")] + ([Path(self.lang, "index.html")] if self.lang else [])
        self.failed = self.built | _html_files(self.site_dir) | set(entry)
        for rel in sorted(self.failed):
            with contextlib.suppress(OSError):
                (site / rel).parent.mkdir(parents=True, exist_ok=True)
                (site / rel).write_bytes(self.failure)
        # A content, configuration or template syntax error is one line that says where;
        # anything else is our own code or a template failing as it renders, and the
        # traceback is what finds it.
        told = isinstance(exc, (MkDocsException, TemplateSyntaxError))
        log.error(FAILED_LOG.format(cause=cause), exc_info=None if told else exc)


def failed_page(lines: list[str]) -> bytes:
    """The page that replaces every page of the preview while its last build failed.

    Only escaped text: the lines quote what the writer typed. The policy lets
    MkDocs' live-reload script run, so the page reloads after the next build.
    """
    shown = "\n".join(html.escape(line) for line in lines)
    page = (f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f"<title>{FAILED_TITLE}</title>\n<style>{_FAILED_STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{FAILED_TITLE}</h1>\n<pre>{shown}</pre>\n<p>{FAILED_HINT}</p>\n</body>\n</html>\n")
    return csp.standalone(page, live_reload=True).encode("utf-8")


def _describe(exc: BaseException, root: Path) -> str:
    """One line for an exception MkDocs did not log: a template's file and line, else its type."""
    from jinja2 import TemplateSyntaxError

    if isinstance(exc, TemplateSyntaxError):
        where = exc.filename or exc.name or "a template"
        with contextlib.suppress(ValueError):
            where = Path(where).relative_to(root).as_posix()
        return f"{where}:{exc.lineno}: error: {exc.message}"
    return f"{type(exc).__name__}: {exc}"


@contextlib.contextmanager
def _errors_logged() -> Iterator[list[str]]:
    """The text of each error this thread logs meanwhile, on any logger.

    Our plugin logs each content problem (``path:line: error: ...``) before it
    raises, under ``mkdocs.plugins`` (``properdocs.plugins`` with ProperDocs: hence
    the root logger, where both end up). The server's request threads log too;
    their records are left out.
    """
    lines: list[str] = []
    thread = threading.get_ident()

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread == thread:
                lines.append(record.getMessage())

    handler = Collect(logging.ERROR)
    logger = logging.getLogger()
    logger.addHandler(handler)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)


def _html_files(site_dir: str) -> set[Path]:
    """Every HTML file under ``site_dir``, relative to it."""
    root = Path(site_dir)
    return {path.relative_to(root) for path in root.rglob("*.html")}


def _capture(state: dict[str, Any]) -> Any:
    """A plugin object that keeps the final files, navigation and Jinja environment."""
    from mkdocs.plugins import BasePlugin, event_priority

    class Capture(BasePlugin):  # type: ignore[type-arg]
        @event_priority(-1000)  # after every other plugin has changed them
        def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
            state["nav"] = nav
            return nav

        @event_priority(-1000)
        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            state["env"], state["files"] = env, files
            return env

    return Capture()


def serve(root: Path, config_file: str, lang: str | None, port: int, today: dt.date) -> int:
    """Serve every language (``lang`` None) or one until Ctrl+C; 1 when the port was
    taken meanwhile."""
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    config = load_config(config_file)
    order = i18n.build_order(config)
    if lang is not None and lang not in order:
        raise UnknownLanguage(f"--lang {lang}: not a language this site builds; mkdocs.yml lists "
                         f"{', '.join(order)}")
    host = HOST
    mount_path = "/"
    site_dir = tempfile.mkdtemp(prefix="helpcentre-serve-")
    watched = [Path(config.docs_dir), Path(config_file), root / "translations"]
    watched += [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    preview = Preview(config_file, lang, today, site_dir, _serve_url(host, port, mount_path),
                      [p for p in watched if p.exists()])
    server = LiveReloadServer(builder=preview.rebuild, host=host, port=port, root=site_dir,
                              mount_path=mount_path)

    def error_page(code: int) -> bytes | None:
        if preview.failure is not None:
            return preview.failure
        page = Path(site_dir, f"{code}.html")
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    try:
        preview.rebuild()  # a first build that fails is shown in the browser as well
        for path in preview.watched:
            server.watch(str(path))
        prefix = "" if lang in (None, order[0]) else f"{lang}/"
        print(f"helpcentre serve: open http://{host}:{port}/{prefix}", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        except OSError as exc:
            if exc.errno not in (errno.EADDRINUSE, errno.EACCES):
                raise
            # Taken while the site was building (checked free before).
            print(f"helpcentre serve: {port_problem(port) or exc}", file=sys.stderr)
            return 1
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
