"""The Content-Security-Policy every page carries (a <meta http-equiv> in <head>).

Only the site's own files may run or style the page: no third-party host, no
inline event handlers, no inline scripts except the few Material writes into
every page (``__md_scope=...`` in <head>, the tab/anchor helper after the
content). Those are allowed one by one by their SHA-256 hash, computed from the
page as rendered, because their text changes with the page depth
(``new URL("../..", location)``) and with the Material version.

Why hashes and not files: moving Material's inline scripts to files means
copying its partials into overrides/, which then silently drift from the
theme on every upgrade. A hash of whatever Material renders stays right after
an upgrade, and a script that is not Material's (a ``<script>`` a writer puts
into an article's Markdown) is never hashed, so the browser refuses it.

overrides/partials/hc-head.html writes the policy with ``PLACEHOLDER`` where
the hashes go; the plugin calls :func:`apply` on each rendered page.

The writers' preview (``helpcentre serve``) alone gets :data:`PREVIEW_POLICY`:
its server adds a live-reload script to every page it sends, whose text changes
on every request, so no hash written at build time can name it. A published
build never gets it: only the preview sets the plugin's ``live_reload``, and
mkdocs.yml cannot (helpcentre.site.config).
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "'hc-inline-script-hashes'"

# Directives in the order they appear. data: images and fonts: Material's
# stylesheet draws its icons as inline SVG data URLs. No frame-ancestors: a
# <meta> policy cannot carry it (it needs an HTTP header).
# object-src and base-uri 'none': no plugin content, and no <base> that would
# re-point every relative link; form-action 'none': no page has a form that
# submits anywhere (Material's search box is handled by its script).
POLICY = ("default-src 'none'; script-src 'self' " + PLACEHOLDER + "; style-src 'self'; "
          "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
          "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'none'")
# A self-contained page (the team dashboard): its one inline <style> by hash, nothing else.
STANDALONE = ("default-src 'none'; style-src {styles}; img-src data:; object-src 'none'; "
              "base-uri 'none'; form-action 'none'")

# The preview's scripts, in place of the hashes. 'unsafe-inline' runs MkDocs'
# live-reload script (text new on every request: the build's epoch and a request
# id), and it needs the hashes gone: a page that lists any hash or nonce has its
# 'unsafe-inline' ignored by the browser. What that lets through is inline
# <script> elements only. Event-handler attributes stay refused, as on the
# published site, by script-src-attr 'none'; and an article's own markup never
# gets this far (the safety gate cuts it out with nh3 and fails the build).
LIVE_RELOAD_SCRIPTS = "'unsafe-inline'; script-src-attr 'none'"
PREVIEW_POLICY = POLICY.replace(PLACEHOLDER, LIVE_RELOAD_SCRIPTS)
# A self-contained page the preview serves (its "could not be built" page): its
# inline <style> by hash, the live-reload script and the request it makes.
PREVIEW_STANDALONE = ("default-src 'none'; script-src 'unsafe-inline'; script-src-attr 'none'; "
                      "connect-src 'self'; style-src {styles}; img-src data:; object-src 'none'; "
                      "base-uri 'none'; form-action 'none'")
_STYLE = re.compile(r"<style>(?P<body>.*?)</style>", re.S | re.I)

# An inline classic script: <script> with no src and no type, or a JavaScript
# type. JSON and JSON-LD data blocks are never run, so CSP ignores them.
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def script_hash(body: str) -> str:
    """The CSP source expression for one inline script's exact text."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run, in page order."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind.group(1).lower() if kind else "") not in _JS_TYPES:
            continue
        found.append(match.group("body"))
    return found


def apply(output: str, content: str | None, *, live_reload: bool = False) -> str:
    """Fill the placeholder with the hashes of the theme's inline scripts.

    ``content`` is the page's own HTML (from Markdown, so untrusted): scripts
    in it are left out, so the policy blocks them. Hashes are sorted and
    deduplicated so the built page is the same on every run. With
    ``live_reload`` (the preview only) the page gets :data:`PREVIEW_POLICY`.
    """
    if PLACEHOLDER not in output:
        return output
    if live_reload:
        return output.replace(PLACEHOLDER, LIVE_RELOAD_SCRIPTS, 1)
    theme = output.replace(content, "") if content else output
    hashes = sorted({script_hash(body) for body in inline_scripts(theme)})
    return output.replace(PLACEHOLDER, " ".join(hashes), 1)


def standalone(html: str, *, live_reload: bool = False) -> str:
    """``html`` with a policy that allows exactly its own inline styles, first in <head>
    (and, with ``live_reload``, the preview server's live-reload script)."""
    hashes = sorted({script_hash(m.group("body")) for m in _STYLE.finditer(html)}) or ["'none'"]
    policy = PREVIEW_STANDALONE if live_reload else STANDALONE
    meta = ('<meta http-equiv="Content-Security-Policy" content="'
            + policy.format(styles=" ".join(hashes)) + '">')
    return html.replace("<head>", "<head>" + meta, 1)
