"""Property: whatever link form and URL spelling a writer tries, no URL outside
the allowlist survives into the HTML a reader gets.

Hypothesis draws a link form (Markdown inline, reference, autolink, image,
attr_list, raw HTML quoted or not, meta refresh, srcset...) and a URL spelling
(scheme case, ``//``, backslashes, tabs, entities, percent-encoded dots, user
info, ports, look-alike letters, other accounts on our social hosts). The
result is judged by this file's own oracle, written from the registries with
ada-url and not with the code under test: every URL attribute left in the
HTML, resolved against the page as a browser would, must be ours.

Two levels: the gate's functions on many examples (fast), and real builds of
a site holding a whole drawn list of links, parsed from build/site.
"""

from __future__ import annotations

import contextlib
import html as htmllib
from pathlib import Path

import ada_url
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from conftest import SAMPLE_ARTICLES, TODAY, build_site, write_site
from helpcentre.checks.gate import gate_article
from helpcentre.checks.render import Renderer
from helpcentre.checks.urls import UrlPolicy
from helpcentre.content.corpus import load_corpus
from helpcentre.content.project import load_project
from helpcentre.content.registry import load_registry
from helpcentre.content.ui import load_ui_strings

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "content" / "_data"
SITE = "https://help.kestrel.example/"
# Every attribute through which HTML loads or navigates (kept here, apart from the gate's list).
URL_ATTRS = ("href", "src", "srcset", "action", "formaction", "poster", "cite", "data", "background",
             "ping", "xlink:href", "codebase", "manifest", "icon", "longdesc", "usemap", "lowsrc")


def _oracle() -> tuple[set[str], set[tuple[str, str]], set[str], set[str]]:
    site = yaml.safe_load((DATA / "site.yml").read_text(encoding="utf-8"))
    coins = yaml.safe_load((DATA / "coins.yml").read_text(encoding="utf-8"))
    channels = yaml.safe_load((DATA / "channels.yml").read_text(encoding="utf-8"))
    hosts = {d.lower() for d in site["official_domains"]} | {"help.kestrel.example"}
    hosts |= {ada_url.URL(n["explorer"]).hostname for c in coins for n in c["networks"]}
    accounts = {(ada_url.URL(c["url"]).hostname, ada_url.URL(c["url"]).pathname.rstrip("/").lower())
                for c in channels if c["kind"] == "social"}
    emails = {c["address"].lower() for c in channels if c.get("address")}
    phones = {"+" + "".join(ch for ch in c["number"] if ch.isdigit()) for c in channels if c.get("number")}
    return hosts, accounts, emails, phones


HOSTS, ACCOUNTS, EMAILS, PHONES = _oracle()


def allowed(url: str, base: str) -> bool:
    try:
        parsed = ada_url.URL(url, base)
    except ValueError:
        return True  # a browser cannot follow it either
    if parsed.protocol in ("http:", "https:"):
        host = parsed.hostname.rstrip(".").lower()
        if parsed.username or parsed.password or parsed.port:
            return False
        if (host, parsed.pathname.rstrip("/").lower()) in ACCOUNTS and not parsed.search:
            return parsed.protocol == "https:"
        return host in HOSTS and (parsed.protocol == "https:" or host == "help.kestrel.example")
    if parsed.protocol == "mailto:":
        return parsed.pathname.lower() in EMAILS and not parsed.search
    if parsed.protocol == "tel:":
        return "+" + "".join(ch for ch in parsed.pathname if ch.isdigit()) in PHONES
    return False


def live_urls(page: str) -> list[str]:
    """Every URL an element of ``page`` carries, and meta refresh targets."""
    found = []
    tree = LexborHTMLParser(page)
    for node in tree.root.traverse(include_text=False):
        for name, value in node.attributes.items():
            if value is None:
                continue
            if name in ("srcset", "imagesrcset"):
                found += [c.split()[0] for c in value.split(",") if c.strip()]
            elif name in URL_ATTRS:
                found.append(value)
            elif node.tag == "meta" and name == "content" and "url=" in value.lower():
                found.append(value.lower().split("url=", 1)[1].strip("'\""))
    return found


# -- what a writer can draw ---------------------------------------------------

HOST_SPELLINGS = st.sampled_from([
    "evil.example", "kestrel.example.evil.example", "kestrel-support.example", "k\u0435strel.example",
    "xn--kstrel-3of.example", "EVIL.EXAMPLE", "evil.example.", "kestrel.example@evil.example",
    "kestrel.example:8443", "t.me", "x.com", "kestrel.example", "tronscan.org", "www.kestrel.example",
    "help.kestrel.example", "%65vil.example", "evil\u3002example",
])
PATHS = st.sampled_from([
    "", "/", "/login", "/KestrelExchange", "/KestrelExchange/../someone_else",
    "/KestrelAnnouncements/%2e%2e/someone_else", "/KestrelAnnouncements", "/a/../../b", "?next=//evil.example",
    "#top", "/KestrelExchange?ref=1", "/%2E%2E/x",
])
SCHEMES = st.sampled_from([
    "https://", "HTTPS://", "http://", "//", "https:\\\\", "https:/", "\\\\", " https://", "https:\t//",
    "ht\ttps://", "hTtPs://",
])
OTHER = st.sampled_from([
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "jav\tascript:alert(1)", " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "mailto:support@kestrel.example",
    "mailto:support@kestrel.example?cc=thief@evil.example", "mailto:thief@evil.example",
    "mailto:support@kestrel.example,thief@evil.example", "tel:+15550142", "tel:+15550199999",
    "file:///etc/passwd", "../security/set-up-2fa.md", "#heading",
])


@st.composite
def urls(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(OTHER)
    return draw(SCHEMES) + draw(HOST_SPELLINGS) + draw(PATHS)


def entity(url: str, which: int) -> str:
    """The URL as raw HTML may spell it: as is, some characters as entities, all escaped."""
    if which == 1:
        return url.replace("/", "&#47;").replace(":", "&#x3a;")
    if which == 2:
        return htmllib.escape(url)
    return url


@st.composite
def link_forms(draw: st.DrawFn) -> str:
    url = draw(urls())
    form = draw(st.integers(0, 13))
    html = entity(url, draw(st.integers(0, 2)))
    return [
        f"[read this]({url})",
        f"[read this](<{url}>)",
        f"[read this][ref]\n\n[ref]: {url}",
        f"- item\n\n    [read this][ref]\n\n    [ref]:\n      {url}",
        f"<{url}>",
        f"![picture]({url})",
        f"[Log in](../security/set-up-2fa.md){{: href=\"{url}\" }}",
        f'<a href="{html}">read this</a>',
        f"<a href={html.replace(' ', '')}>read this</a>",
        f'<img src="{html}" srcset="{html} 2x" alt="x">',
        f'<form action="{html}"><button formaction="{html}">Go</button></form>',
        f'<meta http-equiv="refresh" content="0;url={html}">',
        f"!!! note\n    [read this][r]\n\n    [r]: {url}",
        f"| a | b |\n|---|---|\n| <a href='{html}'>x</a> | [y]({url}) |",
    ][form]


ARTICLE = """---
title: Drawn links
type: guide
reviewed: 2026-11-10
owner: "@kestrel/security"
---
{body}
"""


@pytest.fixture(scope="module")
def gate_env(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    root = write_site(tmp_path_factory.mktemp("prop") / "site", {
        **SAMPLE_ARTICLES, "en/security/drawn.md": ARTICLE.format(body="Body.")})
    project = load_project(root)
    corpus = load_corpus(project, load_registry(project))
    ui = load_ui_strings(project)
    return corpus, Renderer(corpus, ui), UrlPolicy(corpus.registry, project.site_url)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=link_forms())
def test_no_url_outside_the_allowlist_survives_the_gate(gate_env, body: str) -> None:  # noqa: ANN001
    corpus, renderer, policy = gate_env
    article = corpus.sources["drawn"]
    article = type(article)(**{**article.__dict__, "body": body})
    base = policy.base_for("security/drawn/")
    clean, problems = gate_article(renderer.html(article), article, policy, base)
    left = [u for u in live_urls(clean) if not allowed(u, base)]
    assert left == [], f"{body!r} left {left} in {clean!r}"
    # What the writer tried and the oracle refuses is also reported, not only removed.
    tried = [u for u in live_urls(renderer.html(article)) if not allowed(u, base)]
    if tried:
        assert problems, f"{body!r}: {tried} removed without a word to the writer"


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(bodies=st.lists(link_forms(), min_size=40, max_size=40))
def test_no_url_outside_the_allowlist_survives_a_build(tmp_path_factory: pytest.TempPathFactory,
                                                        bodies: list[str]) -> None:
    articles = {k: v for k, v in SAMPLE_ARTICLES.items() if k.startswith("en/")}
    for number, body in enumerate(bodies):
        articles[f"en/security/drawn-{number}.md"] = ARTICLE.format(body=body)
    root = write_site(tmp_path_factory.mktemp("prop-build") / "site", articles,
                      languages=[{"locale": "en", "name": "English", "default": True, "build": True}])
    # The gate refuses most drawn lists, after every page is written.
    with contextlib.suppress(Exception):
        build_site(root, strict=False, today=TODAY)
    site = root / "build" / "site"
    for number in range(len(bodies)):
        page = site / "security" / f"drawn-{number}" / "index.html"
        assert page.is_file(), f"drawn-{number} was not written"
        base = SITE + f"security/drawn-{number}/"
        left = [u for u in live_urls(page.read_text(encoding="utf-8")) if not allowed(u, base)]
        assert left == [], f"{bodies[number]!r} left {left} in the built page"
