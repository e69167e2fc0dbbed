"""The one loader: bytes of an article file -> front matter, body and problems.

Every command and the MkDocs plugin read articles through ``load_article``.
Front matter is parsed with a hardened YAML safe loader:
- no Python tags (``!!python/object`` is refused, not executed),
- no aliases at all (so "billion laughs" alias bombs are refused at once,
  with bounded memory, instead of being expanded),
- no implicit dates (``2025-02-30`` reaches the schema as text, which then
  explains what is wrong instead of YAML raising ValueError).
Line numbers in problems are lines of the file, not of the YAML block.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .schema import Meta, validate

# Front matter is a handful of short fields; anything bigger is a mistake (or
# an attack) and is refused before YAML sees it.
MAX_FRONT_MATTER_BYTES = 64 * 1024
BOM = "\ufeff"


class AliasRefused(yaml.YAMLError):
    def __init__(self, line: int):
        self.line = line


class SafeFrontMatterLoader(yaml.SafeLoader):
    """SafeLoader without aliases and without implicit timestamps."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise AliasRefused(event.start_mark.line)
        return super().compose_node(parent, index)


# Drop the implicit timestamp resolver so dates stay text until the schema
# parses them (with a clear message for 2025-02-30).
SafeFrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """Parse trusted-shape YAML data files (registries) with the same hardening."""
    return yaml.load(text, Loader=SafeFrontMatterLoader)  # noqa: S506 - SafeLoader subclass


@dataclass(frozen=True)
class LoadedArticle:
    """One article file as read from disk; ``meta`` is None when unreadable."""

    path: str
    meta: Meta | None
    body: str
    body_line: int  # line of the file where the body starts
    field_lines: dict[str, int] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def line_of(self, name: str | None) -> int:
        return self.field_lines.get(name or "", 1)


def decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    """UTF-8 with or without BOM; CRLF and CR become LF."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start:exc.start + 1].hex()
        return None, Problem(path, line, "error",
                             f"the file is not UTF-8 text (byte 0x{bad} on this line); "
                             "save it with UTF-8 encoding in your editor")
    text = text.removeprefix(BOM)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def split_front_matter(text: str, path: str) -> tuple[list[str] | None, str, int, Problem | None]:
    """Return (front matter lines, body, first body line, problem)."""
    lines = text.split("\n")
    if not text.strip():
        return None, "", 1, Problem(path, 1, "error",
                                    "the file is empty; an article starts with front matter "
                                    "between two `---` lines, then its text")
    if lines[0].rstrip() != "---":
        return None, text, 1, Problem(path, 1, "error",
                                      "no front matter; the first line must be `---`, then "
                                      "fields like `title: ...`, then another `---` line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            body = "\n".join(lines[index + 1:])
            return lines[1:index], body, index + 2, None
    return None, "", 1, Problem(path, 1, "error",
                                "the front matter that starts here is never closed; add a line "
                                "`---` after the last field")


def parse_front_matter(fm_lines: list[str], path: str) -> tuple[dict[str, Any] | None,
                                                               dict[str, int], Problem | None]:
    """YAML block -> mapping and the file line of each key (block starts on line 2)."""
    offset = 2
    source = "\n".join(fm_lines)
    if len(source.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        return None, {}, Problem(path, 1, "error", "the front matter is larger than 64 KB; "
                                 "it should hold only a few short fields")
    loader = SafeFrontMatterLoader(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, None
        if not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "plain text"
            return None, {}, Problem(path, node.start_mark.line + offset, "error",
                                     f"the front matter is {kind}; it must be `field: value` "
                                     "lines, like `title: Lost your 2FA device`")
        data = loader.construct_document(node)
    except AliasRefused as exc:
        return None, {}, Problem(path, exc.line + offset, "error",
                                 "YAML aliases (`*name`) are not allowed in front matter; "
                                 "write the value out in full")
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        tag = str(exc.problem).split("'")[1] if "'" in str(exc.problem) else "this tag"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return None, {}, Problem(path, (mark.line if mark else 0) + offset, "error",
                                 f"the YAML tag `{tag}` is not allowed in front matter; "
                                 "write plain values only")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + offset
        reason = exc.problem or "invalid YAML"
        return None, {}, Problem(path, line, "error",
                                 f"the front matter is not valid YAML ({reason}); check the "
                                 "colons, quotes and indentation on this line or the one above. "
                                 "Values starting with @, *, & or ! must be quoted")
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a position
        return None, {}, Problem(path, 1, "error", f"the front matter is not valid YAML ({exc})")
    finally:
        loader.dispose()
    lines = {str(k.value): k.start_mark.line + offset for k, _ in node.value}
    return data, lines, None


def load_article(path: Path, *, display: str | None = None, is_source: bool = True,
                 today: dt.date | None = None, data: bytes | None = None) -> LoadedArticle:
    """Read and validate one article file on its own. Never raises for bad content."""
    shown = display or path.as_posix()
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            return LoadedArticle(shown, None, "", 1,
                                 problems=(Problem(shown, 1, "error", f"cannot read the file ({exc.strerror})"),))
    text, problem = decode(data, shown)
    if problem or text is None:
        return LoadedArticle(shown, None, "", 1, problems=(problem,) if problem else ())
    fm_lines, body, body_line, problem = split_front_matter(text, shown)
    if problem or fm_lines is None:
        return LoadedArticle(shown, None, body, body_line, problems=(problem,) if problem else ())
    raw, field_lines, problem = parse_front_matter(fm_lines, shown)
    if problem or raw is None:
        return LoadedArticle(shown, None, body, body_line, problems=(problem,) if problem else ())
    meta, errors = validate(raw, is_source=is_source, today=today)
    problems = tuple(Problem(shown, field_lines.get(e.field or "", 1), "error", e.message)
                     for e in errors)
    return LoadedArticle(shown, meta, body, body_line, field_lines, problems)
