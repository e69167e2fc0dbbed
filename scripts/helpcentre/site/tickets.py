"""Every ticket link on a page opens the form already filled in.

Writers link to the bare ticket form in article text ("open a [support
ticket](https://support.kestrel.example/requests/new)"); readers who follow it
should not have to say again which article, language, topic and coins they
came from. After the safety gate has cleaned a page's HTML, links to any of
the exchange's ticket forms get the page's parameters added (what the writer
put in the link wins). Parsed with the gate's HTML parser, never with patterns.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ..content.registry import Registry
from ..content.urls import add_missing_query, same_form


def forms(registry: Registry) -> list[str]:
    """The ticket forms readers are sent to: each topic's, and the ticket channel's."""
    found = [c.ticket_url for c in registry.categories]
    found += [c.url for c in registry.channels if c.kind == "ticket" and c.url]
    return found


def prefill(html: str, filled: str, registry: Registry) -> str:
    """``html`` (a fragment) with ``filled``'s parameters added to its ticket links."""
    targets = forms(registry)
    if not html or not any(f.split("?", 1)[0] in html for f in targets):
        return html  # most articles link to no form: skip parsing them
    tree = LexborHTMLParser(html)
    changed = False
    for node in tree.css("a[href]"):
        href = node.attributes.get("href") or ""
        if any(same_form(href, form) for form in targets):
            node.attrs["href"] = add_missing_query(href, filled)
            changed = True
    if not changed or tree.body is None:
        return html
    return tree.body.inner_html or ""
