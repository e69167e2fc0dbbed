"""URL templates (ticket form, feedback) and the official-domain rule.

A help centre that links readers to a look-alike domain helps phishers, so
every URL we build or accept from configuration goes through ``official_url_error``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

PLACEHOLDER_RE = re.compile(r"\{([a-z_]+)\}")


def host_allowed(host: str, domains: tuple[str, ...] | list[str]) -> bool:
    """Exact host match only: `kestrel.example.evil.com` and `evil-kestrel.example` fail."""
    return host.lower().rstrip(".") in {d.lower() for d in domains}


def official_url_error(url: str, domains: tuple[str, ...] | list[str]) -> str | None:
    """None when ``url`` is https:// on an official domain, else why not."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return f'"{url}" must start with https://'
    if parts.username or parts.password or parts.port:
        return f'"{url}" must not contain a user name, password or port'
    if not host_allowed(parts.hostname or "", domains):
        return (f'"{parts.hostname}" is not an official domain; use one of '
                f"{', '.join(domains)} (content/_data/site.yml `official_domains`)")
    return None


def template_error(template: str, allowed: tuple[str, ...]) -> str | None:
    unknown = sorted(set(PLACEHOLDER_RE.findall(template)) - set(allowed))
    if unknown:
        return (f"unknown placeholder {{{unknown[0]}}}; allowed: "
                + ", ".join(f"{{{a}}}" for a in allowed))
    return None


def fill_url_template(template: str, values: dict[str, str]) -> str:
    """Fill ``{name}`` placeholders with URL-encoded values.

    Query parameters whose value ends up empty (an article with no coin) are
    dropped rather than sent as ``coin=``, so the ticket form sees no field
    instead of an empty one.
    """
    parts = urlsplit(template)
    filled_pairs = []
    for key, raw in parse_qsl(parts.query, keep_blank_values=True):
        value = PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), ""), raw)
        if value:
            filled_pairs.append((key, value))
    query = urlencode(filled_pairs, quote_via=quote)
    path = PLACEHOLDER_RE.sub(lambda m: quote(values.get(m.group(1), ""), safe=""), parts.path)
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))


def same_form(url: str, form: str) -> bool:
    """``url`` opens the form at ``form`` (same scheme, host and path; any query)."""
    a, b = urlsplit(url), urlsplit(form)
    return (a.scheme, (a.hostname or "").lower(), a.path.rstrip("/")) == \
        (b.scheme, (b.hostname or "").lower(), b.path.rstrip("/"))


def add_missing_query(url: str, filled: str) -> str:
    """``url`` with every query parameter of ``filled`` it lacks; what the writer set wins."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    have = {key for key, _ in pairs}
    pairs += [(k, v) for k, v in parse_qsl(urlsplit(filled).query) if k not in have]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(pairs, quote_via=quote),
                       parts.fragment))
