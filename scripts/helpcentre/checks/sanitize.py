"""The allowlist an article's HTML is cut down to before a reader gets it.

Articles are Markdown, and Markdown passes raw HTML through: a writer (or
anyone with write access to a branch) can add ``<meta http-equiv=refresh>``,
``<script src>``, ``<iframe>``, event handlers, or ``{: href=... }`` through
attr_list. Rather than listing what is dangerous, we list what an article may
be made of and drop the rest, using nh3 (the Python binding of Rust's
ammonia, a well-kept sanitizer built on the html5ever parser browsers'
parsing rules are written for). Every URL attribute that survives the tag
allowlist is then judged by :class:`~helpcentre.checks.urls.UrlPolicy`; a URL
it refuses is removed from the HTML and reported.
"""

from __future__ import annotations

from collections.abc import Callable

import nh3

# What Python-Markdown with our extensions (admonition, attr_list, tables, toc)
# and our placeholders produce, plus plain inline HTML writers use for
# emphasis. No script, style, iframe, object, embed, form, input, meta, base,
# link, area/map (image maps carry links), svg or math.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong",
    "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var", "wbr",
})
# Their content goes too: the text of a script or style is not for readers.
DROP_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "textarea", "title"})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
    "abbr": {"title"},
    # toc gives headings their ids; elsewhere an id could clobber the theme's.
    **{h: {"id"} for h in _HEADINGS},
}
# Admonition boxes (`!!! warning`) are the only styled blocks articles use; any
# other class could dress text up as the theme's own banners or buttons.
ADMONITIONS = {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger",
               "bug", "example", "quote", "important", "caution", "hint", "attention", "error", "seealso",
               "todo", "summary", "tldr", "check", "done", "help", "faq", "fail", "missing", "cite"}
CLASSES = {"div": {"admonition", *ADMONITIONS}, "p": {"admonition-title"}}
URL_ATTRIBUTES = frozenset({"href", "src"})
SCHEMES = {"http", "https", "mailto", "tel"}

# judge(tag, attribute, value) -> None to keep the URL, else the reason it went.
Judge = Callable[[str, str, str], "str | None"]


def sanitize(html: str, judge: Judge) -> tuple[str, list[tuple[str, str]]]:
    """``html`` cut down to the allowlist, and (URL, reason) for every URL removed."""
    removed: list[tuple[str, str]] = []

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name in URL_ATTRIBUTES:
            reason = judge(tag, name, value)
            if reason:
                removed.append((value, reason))
                return None
        return value

    clean = nh3.clean(html, tags=set(TAGS), clean_content_tags=set(DROP_WITH_CONTENT),
                      attributes=ATTRIBUTES, allowed_classes=CLASSES, url_schemes=SCHEMES,
                      attribute_filter=attribute, strip_comments=True, link_rel="noopener noreferrer")
    return clean, removed
