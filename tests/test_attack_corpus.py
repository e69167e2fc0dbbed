"""The attack corpus (tests/attack/vectors.yml) against the rendered-HTML safety gate.

One fixture help centre holds the sample articles, one article per attack
vector and one per control. Once per module it is
  a) checked with `helpcentre check`: exit 1 and, for every vector, an error
     line on its file that mentions what the vector smuggles in; nothing on
     the controls;
  b) built with `helpcentre build`: exit 1 and no site published;
  c) built with MkDocs' own API: the build raises, after writing the pages,
     and no page keeps a live target outside the allowlist, which is read
     from the fixture's content/_data/*.yml (our hosts, the explorers in
     coins.yml, the exact accounts, addresses and numbers in channels.yml).
     URLs are resolved as a browser does (ada-url, a WHATWG parser) against
     the page's own address. The controls must still be live links there, so
     the gate cannot pass by deleting everything.

Every vector is its own test case, so a failure names it; the summary tests
list every failing vector id at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import traceback
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import ada_url
import pytest
import yaml
from mkdocs.exceptions import MkDocsException
from selectolax.lexbor import LexborHTMLParser, LexborNode

from conftest import REPO, SAMPLE_ARTICLES, TODAY, build_site, write_site
from helpcentre.cli import main
from helpcentre.content.loader import load_article
from helpcentre.content.project import load_project, read_mkdocs_yml
from helpcentre.freshness.fingerprint import fingerprint_of

CORPUS_FILE = Path(__file__).parent / "attack" / "vectors.yml"
PROJECT = load_project(REPO)  # the fixture copies the repository's mkdocs.yml
DEFAULT = PROJECT.default_language
CATEGORY = "security"  # the folder every corpus article goes in (a real category)
# Front matter every corpus article shares: valid on its own, so check reports
# the vector and nothing else about the file.
FRONT = {"type": "guide", "reviewed": dt.date(2026, 11, 10), "owner": "@kestrel/security"}
TRANSLATED_TITLE = {"zh": "测试页面", "ru": "Тестовая страница"}
# Where Material puts the page content (the article partial goes inside it).
CONTENT_AREA = "article.md-content__inner"

# Attributes that hold a URL a browser follows or fetches. srcset is a list of
# "URL descriptor" candidates; ping and archive are lists split on spaces.
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "background",
    "ping", "xlink:href", "codebase", "manifest", "icon", "longdesc", "usemap", "dynsrc",
    "lowsrc", "archive"})
SPACE_LISTS = frozenset({"ping", "archive"})
CSS_URL_RE = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)|@import\s+(["'])(.*?)\3""", re.I | re.S)
PROBLEM_RE = re.compile(r"^(?P<path>\S+?):(?P<line>\d+): (?P<severity>error|warning): (?P<message>.*)$")


# -- the corpus -------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """A vector or a control from vectors.yml, and the files that carry it."""

    id: str
    where: str
    text: str
    lang: str = DEFAULT  # the language of the file holding `text`
    group: str = ""
    expect: str = ""
    note: str = ""
    live: str | None = None  # controls: an <a href> that must stay
    visible: str | None = None  # controls: text that must stay
    prefix: str = "attack"

    @property
    def name(self) -> str:
        return f"{self.prefix}-{self.id}"

    @property
    def rel(self) -> str:
        """The file holding the text, below content/."""
        return f"{self.lang}/{CATEGORY}/{self.name}.md"

    @property
    def path(self) -> str:
        """As `helpcentre check` prints it."""
        return f"content/{self.rel}"

    @property
    def source_path(self) -> str:
        return f"content/{DEFAULT}/{CATEGORY}/{self.name}.md"

    @property
    def page(self) -> str:
        """The built page showing the text, relative to the site root."""
        lang = "" if self.lang == DEFAULT else f"{self.lang}/"
        return f"{lang}{CATEGORY}/{self.name}/"

    def english(self) -> str:
        fields: dict[str, Any] = {"title": f"Test page {self.id}", **FRONT}
        if self.where in ("title", "summary"):
            fields[self.where] = self.text
        elif self.where == "keywords":
            fields["keywords"] = ["two-factor", self.text]
        body = self.text if self.where == "body" else "Nothing unusual in the body."
        return _front_matter(fields) + body + "\n"

    def translation(self, stamp: str) -> str:
        fields = {"title": f"{TRANSLATED_TITLE[self.lang]} {self.id}", "translated_from": stamp}
        return _front_matter(fields) + self.text + "\n"


def _front_matter(fields: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


def _load(kind: str, prefix: str) -> list[Entry]:
    entries = [Entry(prefix=prefix, **item) for item in
               yaml.safe_load(CORPUS_FILE.read_text(encoding="utf-8"))[kind]]
    for entry in entries:  # a broken corpus must not turn into passing tests
        assert entry.where in ("body", "title", "summary", "keywords", "translation"), entry
        assert (entry.where == "translation") == (entry.lang != DEFAULT), entry
        assert entry.lang in PROJECT.codes, entry
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry.id), entry
    return entries


VECTORS = _load("vectors", "attack")
CONTROLS = _load("controls", "control")
assert len({e.id for e in VECTORS + CONTROLS}) == len(VECTORS) + len(CONTROLS), "duplicate ids"
assert all(v.expect for v in VECTORS) and all(c.live or c.visible for c in CONTROLS)
BY_NAME = {e.name: e for e in VECTORS + CONTROLS}


def ids(entries: list[Entry]) -> list[str]:
    return [e.id for e in entries]


def mentions(message: str, expect: str) -> bool:
    """Loosely: case-insensitive, after NFKC; digits may match with separators removed."""
    text = unicodedata.normalize("NFKC", message).casefold()
    want = unicodedata.normalize("NFKC", expect).casefold()
    return want in text or (want.isdigit() and want in re.sub(r"\D", "", text))


# -- what a browser may be sent to ---------------------------------------------------

@dataclass(frozen=True)
class Allowlist:
    """The gate's rules, from the fixture's registries (not a copy of them)."""

    site_url: str
    hosts: frozenset[str]  # our site, official_domains, explorers: https, any path
    accounts: frozenset[tuple[str, str]]  # (host, path) of official social accounts
    emails: frozenset[str]
    phones: frozenset[str]  # "+" and digits only

    @classmethod
    def of(cls, root: Path) -> Allowlist:
        data = root / "content" / "_data"
        site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
        coins = yaml.safe_load((data / "coins.yml").read_text(encoding="utf-8"))
        channels = yaml.safe_load((data / "channels.yml").read_text(encoding="utf-8"))
        site_url = read_mkdocs_yml(root / "mkdocs.yml")["site_url"]
        explorers = {ada_url.URL(n["explorer"]).hostname
                     for coin in coins for n in coin["networks"] if n.get("explorer")}
        socials = [ada_url.URL(c["url"]) for c in channels if c["kind"] == "social"]
        return cls(
            site_url=site_url,
            hosts=frozenset({ada_url.URL(site_url).hostname, *site["official_domains"], *explorers}),
            accounts=frozenset((u.hostname, u.pathname.rstrip("/")) for u in socials),
            emails=frozenset(c["address"].lower() for c in channels if c["kind"] == "email"),
            phones=frozenset(_phone(c["number"]) for c in channels if c["kind"] == "phone"))

    def refuses(self, value: str, base: str) -> str | None:
        """Why a browser following `value` on the page at `base` leaves the allowlist."""
        try:
            url = ada_url.URL(value, base=base)
        except ValueError:
            return None  # a browser cannot follow it either
        where = f"resolves to {url.href}"
        if url.protocol == "https:":
            if url.username or url.password or url.port:
                return f"{where}: user name, password or port"
            if url.hostname in self.hosts:
                return None
            if (url.hostname, url.pathname.rstrip("/")) in self.accounts:
                return None
            return f"{where}: host {url.hostname} is not ours, an explorer or our account"
        if url.protocol == "mailto:":
            if not url.search and unquote(url.pathname).lower() in self.emails:
                return None
            return f"{where}: not exactly one of our addresses"
        if url.protocol == "tel:":
            if _phone(unquote(url.pathname)) in self.phones:
                return None
            return f"{where}: not one of our numbers"
        return f"{where}: scheme {url.protocol} is not allowed"


def _phone(text: str) -> str:
    return re.sub(r"[^\d+]", "", text)


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset, split as the HTML standard does (commas may be in URLs)."""
    urls, pos, end = [], 0, len(value)
    while True:
        while pos < end and (value[pos].isspace() or value[pos] == ","):
            pos += 1
        if pos >= end:
            return urls
        start = pos
        while pos < end and not value[pos].isspace():
            pos += 1
        url = value[start:pos]
        urls.append(url.rstrip(","))
        if url.endswith(","):
            continue
        depth = 0  # skip the descriptors, up to a comma outside parentheses
        while pos < end and not (value[pos] == "," and depth == 0):
            depth += {"(": 1, ")": -1 if depth else 0}.get(value[pos], 0)
            pos += 1


def refresh_url(content: str) -> str | None:
    """The URL of <meta http-equiv=refresh content="5; url=...">, loosely (more, not less)."""
    match = re.match(r"\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)$", content, re.I | re.S)
    url = match.group(1).strip() if match else ""
    if url[:1] in ("'", '"'):
        url = url[1:].split(url[0], 1)[0]
    return url or None


def live_targets(html: str, page_url: str, allow: Allowlist) -> list[str]:
    """Everything on one page that would send a browser outside the allowlist."""
    tree = LexborHTMLParser(html)
    found: list[str] = []

    def judge(node: LexborNode, attr: str, value: str) -> None:
        reason = allow.refuses(value, page_url)
        if reason:
            found.append(f"<{node.tag} {attr}={value!r}> {reason}")

    for node in tree.css("*"):
        attrs = {k.lower(): v for k, v in node.attributes.items()}
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"<{node.tag} {name}={value!r}> is an event handler")
            elif name == "srcdoc":
                found.append(f"<{node.tag} srcdoc=...> is a document written inline")
            elif value is None:
                continue
            elif name == "srcset":
                for url in srcset_urls(value):
                    judge(node, name, url)
            elif name in SPACE_LISTS:
                for url in value.split():
                    judge(node, name, url)
            elif name in URL_ATTRIBUTES:
                judge(node, name, value)
            elif name == "style":
                for match in CSS_URL_RE.finditer(value):
                    judge(node, "style url()", match.group(2) or match.group(4))
        if node.tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            url = refresh_url(attrs.get("content") or "")
            if url:
                judge(node, "http-equiv=refresh content", url)
        if node.tag in ("animate", "set") and (attrs.get("attributename") or "") in ("href", "xlink:href"):
            found.append(f"<{node.tag} attributeName=href> sets a link target at run time")
        if node.tag == "style":
            for match in CSS_URL_RE.finditer(node.text(deep=True) or ""):
                judge(node, "url()", match.group(2) or match.group(4))
    content = tree.css_first(CONTENT_AREA)
    for node in content.css("script, style") if content is not None else []:
        found.append(f"<{node.tag}> inside the content area")
    return found


# -- the fixture site, checked and built once ---------------------------------------------

@dataclass(frozen=True)
class Run:
    code: int | None  # None: main() raised instead of returning
    out: str
    err: str

    def problems_on(self, path: str) -> list[str]:
        """Every `path:line: severity: message` line about one file."""
        return [line for line in self.out.splitlines() if line.startswith(f"{path}:")]

    def errors_on(self, path: str) -> list[str]:
        return [m.group("message") for line in self.problems_on(path)
                if (m := PROBLEM_RE.match(line)) and m.group("severity") == "error"]


def run_main(*argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    code: int | None
    with pytest.MonkeyPatch.context() as patch:  # build sets HELPCENTRE_TODAY
        patch.setenv("HELPCENTRE_TODAY", TODAY)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except (Exception, SystemExit):
                code = None
                err.write(traceback.format_exc())
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample help centre plus one article per vector and per control."""
    root = write_site(tmp_path_factory.mktemp("attack") / "site", SAMPLE_ARTICLES)
    content = root / "content"
    for entry in VECTORS + CONTROLS:
        english = content / DEFAULT / CATEGORY / f"{entry.name}.md"
        english.write_text(entry.english(), encoding="utf-8")
        if entry.where == "translation":
            source = load_article(english)
            assert source.meta is not None, source.problems  # a valid source, or the vector proves nothing
            translation = content / entry.rel
            translation.parent.mkdir(parents=True, exist_ok=True)
            translation.write_text(entry.translation(fingerprint_of(source.meta, source.body)),
                                   encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def allow(root: Path) -> Allowlist:
    return Allowlist.of(root)


@pytest.fixture(scope="module")
def checked(root: Path) -> Run:
    return run_main("check", "--root", str(root), "--today", TODAY)


@pytest.fixture(scope="module")
def cli_build(root: Path) -> tuple[Run, bool]:
    """`helpcentre build`, and whether it left a site (looked at before anything else builds)."""
    run = run_main("build", "--root", str(root), "--today", TODAY, "--jobs", "1")
    return run, (root / "build" / "site").exists()


@dataclass
class Built:
    site: Path
    raised: BaseException | None
    allow: Allowlist

    @cached_property
    def targets(self) -> dict[str, list[str]]:
        """Every page of the site (relative path) -> its live targets outside the allowlist."""
        pages = {}
        for page in sorted(self.site.rglob("*.html")):
            rel = page.relative_to(self.site).as_posix()
            url = self.allow.site_url + rel.removesuffix("index.html")
            pages[rel] = live_targets(page.read_text(encoding="utf-8"), url, self.allow)
        return pages

    def pages_of(self, entry: Entry) -> list[str]:
        """The entry's page in every language (the English text is every language's fallback)."""
        tail = f"{CATEGORY}/{entry.name}/index.html"
        return [rel for rel in self.targets if rel == tail or rel.endswith("/" + tail)]


@pytest.fixture(scope="module")
def built(root: Path, allow: Allowlist, cli_build: tuple[Run, bool]) -> Built:
    """A plain MkDocs build. It must raise at the end, so the error is kept, not raised
    (pytest.raises here would hide every page test behind one fixture error); after
    `cli_build` (requested for that), whose 'no site' would otherwise see this one."""
    raised: BaseException | None = None
    try:
        build_site(root, strict=False)
    except Exception as exc:
        raised = exc
    return Built(root / read_mkdocs_yml(root / "mkdocs.yml")["site_dir"], raised, allow)


def resolved(value: str, base: str) -> str | None:
    try:
        return ada_url.URL(value, base=base).href
    except ValueError:
        return None


def vector_of(rel: str) -> str:
    """Which vector or control a built page belongs to, for failure messages."""
    match = re.search(rf"(?:^|/){CATEGORY}/((?:attack|control)-[a-z0-9-]+)/index\.html$", rel)
    return BY_NAME[match.group(1)].id if match and match.group(1) in BY_NAME else f"page {rel}"


# -- the oracle itself (so a failure below is the product's, not the test's) ------------------

@pytest.mark.parametrize(("value", "refused"), [
    ("https://help.kestrel.example/security/set-up-2fa/", False),
    ("../set-up-2fa/", False),
    ("#withdrawal-limits", False),
    ("https://tronscan.org/#/transaction/abc", False),
    ("https://t.me/KestrelAnnouncements", False),
    ("https://x.com/KestrelExchange/", False),
    ("mailto:support@kestrel.example", False),
    ("tel:+1-555-0142", False),
    ("https://t.me/KestrelAnnouncements/../someone_else", True),
    ("https://x.com/KestrelExchange/%2e%2e/someone_else", True),
    ("https:\\\\evil.example/", True),
    ("https:\\evil.example/", False),  # one backslash: relative to an https page, so ours
    ("https://evil.example\\@x.com/KestrelExchange", True),
    ("https://kestrel.example@evil.example/", True),
    ("https://help.kestrel.example:8443/", True),
    ("http://www.kestrel.example/", True),
    ("java\tscript:alert(1)", True),
    ("mailto:support@kestrel.example?cc=thief@evil.example", True),
    ("tel:+155501429", True),
])
def test_the_allowlist_resolves_like_a_browser(allow: Allowlist, value: str, refused: bool) -> None:
    base = allow.site_url + f"{CATEGORY}/attack-x/"
    assert (allow.refuses(value, base) is not None) == refused


def test_srcset_and_refresh_parsing() -> None:
    assert srcset_urls("a.png 1x, b,c.png 2x,d.png") == ["a.png", "b,c.png", "d.png"]
    assert refresh_url("0;url=//evil.example/") == "//evil.example/"
    assert refresh_url("5; URL='https://evil.example/x'") == "https://evil.example/x"
    assert refresh_url("30") is None


# -- a) helpcentre check ------------------------------------------------------------------

def test_check_fails(checked: Run) -> None:
    assert checked.code == 1, checked.err or checked.out[-2000:]
    assert "Traceback" not in checked.err


@pytest.mark.parametrize("vector", VECTORS, ids=ids(VECTORS))
def test_check_reports_the_vector(checked: Run, vector: Entry) -> None:
    messages = checked.errors_on(vector.path)
    assert any(mentions(m, vector.expect) for m in messages), (
        f"{vector.id} ({vector.note}): no error on {vector.path} mentions {vector.expect!r}; "
        f"lines about the file: {checked.problems_on(vector.path) or 'none'}")


def test_check_reports_every_vector(checked: Run) -> None:
    missed = [v.id for v in VECTORS if not any(mentions(m, v.expect)
                                                 for m in checked.errors_on(v.path))]
    assert not missed, f"{len(missed)} of {len(VECTORS)} vectors not reported: {', '.join(missed)}"


def test_check_says_nothing_about_the_controls(checked: Run) -> None:
    paths = {c.source_path for c in CONTROLS} | {c.path for c in CONTROLS}
    reported = [line for path in sorted(paths) for line in checked.problems_on(path)]
    assert reported == []


# -- b) helpcentre build ------------------------------------------------------------------

def test_cli_build_fails_and_publishes_nothing(cli_build: tuple[Run, bool]) -> None:
    run, published = cli_build
    assert run.code == 1, run.err[-3000:]
    assert not published, "build/site exists: an unsafe site was published"


# -- c) a plain MkDocs build: written, then raised; nothing live left -------------------------

def test_plain_build_raises_after_writing_the_pages(built: Built) -> None:
    assert isinstance(built.raised, MkDocsException), (
        f"expected the build to stop with an MkDocs error, got {built.raised!r}")
    assert (built.site / "index.html").is_file()


@pytest.mark.parametrize("vector", VECTORS, ids=ids(VECTORS))
def test_no_live_target_on_the_vector_page(built: Built, vector: Entry) -> None:
    pages = built.pages_of(vector)
    assert f"{vector.page}index.html" in pages, f"{vector.id}: {vector.page} was not written"
    found = [f"{rel}: {t}" for rel in pages for t in built.targets[rel]]
    assert not found, f"{vector.id} ({vector.note}) is live:\n" + "\n".join(found)


def test_no_live_target_on_any_page(built: Built) -> None:
    assert built.targets, "no pages were written"
    by_vector: dict[str, list[str]] = {}
    for rel, found in built.targets.items():
        for target in found:
            by_vector.setdefault(vector_of(rel), []).append(f"{rel}: {target}")
    report = "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in sorted(by_vector.items()))
    assert not by_vector, f"{len(by_vector)} vectors or pages still live: {', '.join(sorted(by_vector))}\n{report}"


@pytest.mark.parametrize("control", CONTROLS, ids=ids(CONTROLS))
def test_controls_stay_live(built: Built, control: Entry) -> None:
    page = built.site / control.page / "index.html"
    assert page.is_file(), f"{control.id}: {control.page} was not written"
    url = built.allow.site_url + control.page
    content = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(CONTENT_AREA)
    assert content is not None
    if control.visible:
        assert control.visible in (content.text(deep=True) or ""), f"{control.id}: text removed"
    if control.live:
        want = ada_url.URL(control.live, base=url).href
        hrefs = [resolved(a.attributes["href"] or "", url) for a in content.css("a[href]")]
        assert want in hrefs, f"{control.id}: no live link to {want} left in the content"
