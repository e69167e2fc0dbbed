"""The one loader: bytes of an article file -> front matter, body and problems.

Every command and the MkDocs plugin read articles through ``load_article``.
Front matter is parsed with a hardened YAML safe loader:
- no Python tags (``!!python/object`` is refused, not executed),
- no aliases at all (so "billion laughs" alias bombs are refused at once,
  with bounded memory, instead of being expanded),
- no implicit dates (``2025-02-30`` reaches the schema as text, which then
  explains what is wrong instead of YAML raising ValueError),
- no nesting deeper than ``MAX_NESTING`` (refused before anything recursive runs).
Line numbers in problems are lines of the file, not of the YAML block.

The registries, UI strings and search word lists are read with the same loader
(``read_yaml_file``), so every YAML file a writer edits gets the same hardening
and the same messages.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .schema import Meta, validate

# Front matter is a handful of short fields; anything bigger is a mistake (or
# an attack) and is refused before YAML sees it.
MAX_FRONT_MATTER_BYTES = 64 * 1024
# The longest article today is 6.5 KB (content/ru/api/api-signature-errors.md;
# English ones are under 5 KB). A 20 MB article once built a 42 MB page using
# 1.24 GB of memory. 512 KB is about eighty times the longest real article, far
# more than anyone reads on one page, and keeps a build's memory bounded.
MAX_ARTICLE_BYTES = 512 * 1024
# How deeply lists and groups may nest in any YAML file we read. Measured: the
# deepest writers' file is coins.yml at 4 (the list > a coin > its networks > a
# network), mkdocs.yml reaches 6, front matter needs 2. PyYAML builds nested
# values by recursion: 600 levels raised RecursionError, and 25,000 (50 KB,
# under the front-matter limit) crashed libyaml's composer with a segmentation
# fault. 20 is three times the deepest real file and far below either failure.
MAX_NESTING = 20
BOM = "\ufeff"
# Said after a YAML syntax error in a registry or UI strings file.
YAML_HINT = "; check the colons, quotes and indentation on this line or the one above"
NESTING_MESSAGE = (f"lists and groups are nested more than {MAX_NESTING} levels deep on this "
                   "line; these files need only a few levels, so look for brackets [ ] { } "
                   "typed too many times or indentation that keeps growing")


class AliasRefused(yaml.YAMLError):
    def __init__(self, line: int):
        self.line = line


class NestingTooDeep(yaml.MarkedYAMLError):
    """Raised before composing a document that nests deeper than MAX_NESTING.

    A MarkedYAMLError, so code that reports any YAML error with its
    ``problem`` and ``problem_mark`` reports this one on its line too.
    """

    def __init__(self, mark: yaml.Mark):
        super().__init__(problem=NESTING_MESSAGE, problem_mark=mark)
        self.line = mark.line


def _nesting_bound(text: str) -> int:
    """A cheap upper bound on how deeply collections in ``text`` can nest.

    Flow collections each need a bracket, and a flow sequence can hold one
    implicit single-pair mapping per bracket (``[a: [b: ...]]``): at most two
    levels per bracket. Block collections need indentation: each level's entries
    start further right than its parent's, except a sequence under a mapping
    key (which may start at the key's column): at most two levels per column,
    and a column is at most the run of spaces and indicators (``- ``, ``? ``,
    ``: ``) that starts its line. ``splitlines`` breaks at every line break YAML
    knows (and a few more, which only makes the bound larger).
    Two C-speed counts: real front matter comes out near 6, so the exact check
    below runs only for the few files that could be too deep.
    """
    brackets = text.count("[") + text.count("{")
    indent = max((len(line) - len(line.lstrip(" \t-?:")) for line in text.splitlines()), default=0)
    return 2 * brackets + 2 * (indent + 1)


def check_nesting(text: str) -> None:
    """Raise NestingTooDeep at the first collection deeper than MAX_NESTING.

    Reads YAML events: the parser (libyaml, or PyYAML's Python one) is a state
    machine with its own stack, not recursion, so this check cannot itself
    overflow: 1,000,000 levels are refused in 0.01 s, and PyYAML's parser
    passes under a recursion limit of 100 (tests/test_bad_input.py). Reading
    events costs about two thirds of a full parse (measured on the 246 real
    front matters), hence the cheap bound first. YAML errors are left to the
    real parse to report.
    """
    if _nesting_bound(text) <= MAX_NESTING:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_EventParser):  # noqa: S506 - events only, nothing is built
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    raise NestingTooDeep(event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except NestingTooDeep:
        raise
    except yaml.YAMLError:
        return  # the document is broken before it gets too deep; the parse says where


def _refuse_shared_nodes(root: yaml.Node) -> None:
    """An alias is the same node reached twice; refuse the first one found.

    Walking stops at the first repeat, so even an alias bomb (a few lines that
    would expand to billions of items) costs no more than its own text.
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, root.start_mark.line)]
    while stack:
        node, line = stack.pop()
        if id(node) in seen:
            raise AliasRefused(line)
        seen.add(id(node))
        # Children are pushed last-first so they are visited in document order:
        # the anchor is met first and the alias, where the writer must edit, second.
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack += [(value, key.start_mark.line), (key, key.start_mark.line)]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, node.start_mark.line) for item in reversed(node.value)]


try:
    # libyaml parses and composes about three times faster than PyYAML's Python
    # code, which dominated `helpcentre check`. Its composer resolves aliases
    # itself (sharing nodes, never copying them), so they are refused afterwards.
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _EventParser: Any = yaml.SafeLoader

    class _Base(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                raise AliasRefused(self.peek_event().start_mark.line)
            return super().compose_node(parent, index)
else:
    _EventParser = _CParser

    class _Base(_CParser, yaml.constructor.SafeConstructor,  # type: ignore[no-redef]
                yaml.resolver.Resolver):
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

        def get_single_node(self) -> Any:
            try:
                node = super().get_single_node()
            except yaml.composer.ComposerError as exc:  # "found undefined alias"
                if "alias" in str(exc.problem) and exc.problem_mark is not None:
                    raise AliasRefused(exc.problem_mark.line) from None
                raise
            if node is not None:
                _refuse_shared_nodes(node)
            return node


class SafeFrontMatterLoader(_Base):
    """SafeLoader without aliases, without implicit timestamps, and with bounded nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._text = stream

    def get_single_node(self) -> Any:
        # Before composing: libyaml's composer and PyYAML's constructor recurse
        # once per level of nesting.
        check_nesting(self._text)
        return super().get_single_node()


# Drop the implicit timestamp resolver so dates stay text until the schema
# parses them (with a clear message for 2025-02-30).
SafeFrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))


class _NotPlain(Exception):
    pass


def _plain(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        return node.value
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_plain(item) for item in node.value]
    raise _NotPlain


def _plain_mapping(node: yaml.MappingNode) -> dict[str, Any] | None:
    """Front matter is nearly always text and lists of text: build those directly.

    PyYAML's Python constructor was half the time of loading 12,000 articles.
    Anything else (numbers, yes/no, tags, merge keys) returns None and goes
    through the full safe constructor, so behaviour is the same either way.
    """
    if node.tag != _MAP:
        return None
    try:
        return {_plain(key): _plain(value) for key, value in node.value}
    except (_NotPlain, TypeError):  # TypeError: a list used as a key
        return None


def load_yaml(text: str) -> Any:
    """Parse trusted-shape YAML data files (registries) with the same hardening."""
    return yaml.load(text, Loader=SafeFrontMatterLoader)  # noqa: S506 - SafeLoader subclass


@dataclass(frozen=True)
class YamlFile:
    """A YAML file a writer edits, read with the hardened loader.

    ``node`` keeps the line of every value for messages; ``data`` is the plain
    value. When the file cannot be used both are None and ``problem`` says why.
    """

    node: yaml.Node | None = None
    data: Any = None
    problem: Problem | None = None


def read_text_file(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """A writer's text file as text, or the problem (unreadable, not UTF-8, with its line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Problem(shown, 1, "error", f"cannot read the file ({exc.strerror})")
    return decode(data, shown)


def read_yaml_file(path: Path, shown: str, *, hint: str = YAML_HINT) -> YamlFile:
    """Read and parse one registry, UI strings or word list file; never raises for bad content.

    ``hint`` is added to a YAML syntax error: what the file should look like.
    """
    text, problem = read_text_file(path, shown)
    if text is None:
        return YamlFile(problem=problem)
    return parse_yaml_text(text, shown, hint=hint)


def parse_yaml_text(text: str, shown: str, *, hint: str = YAML_HINT) -> YamlFile:
    """``read_yaml_file`` for text already in memory (tests, the word list parsers)."""
    loader = SafeFrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        return YamlFile(problem=yaml_problem(exc, text, shown, hint=hint))
    finally:
        loader.dispose()
    return YamlFile(node, data)


def yaml_problem(exc: yaml.YAMLError, text: str, shown: str, *, hint: str = YAML_HINT) -> Problem:
    """Why a YAML file (not front matter) cannot be read, on the line to edit."""
    if isinstance(exc, NestingTooDeep):
        return Problem(shown, exc.line + 1, "error", NESTING_MESSAGE)
    if isinstance(exc, AliasRefused):
        return Problem(shown, exc.line + 1, "error", "YAML aliases (`*name`) are not allowed "
                                                     "here; write the value out in full")
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        return Problem(shown, line, "error", f"the file contains an invisible control character "
                                             f"(U+{exc.character:04X}) on this line; delete the "
                                             "line and type it again")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    reason = getattr(exc, "problem", None) or "invalid YAML"
    return Problem(shown, (mark.line + 1) if mark else 1, "error", f"not valid YAML ({reason}){hint}")


@dataclass(frozen=True)
class LoadedArticle:
    """One article file as read from disk; ``meta`` is None when unreadable."""

    shown: str  # the path as messages show it (relative to the project); Article.path is the Path
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
        data = _plain_mapping(node)
        if data is None:
            data = loader.construct_document(node)
    except AliasRefused as exc:
        return None, {}, Problem(path, exc.line + offset, "error",
                                 "YAML aliases (`*name`) are not allowed in front matter; "
                                 "write the value out in full")
    except NestingTooDeep as exc:
        return None, {}, Problem(path, exc.line + offset, "error",
                                 f"the front matter nests lists more than {MAX_NESTING} levels "
                                 "deep on this line; a field holds text or one list, like "
                                 "`keywords: [2fa, lost phone]`, so remove the extra brackets")
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + offset
        if "could not determine a constructor" not in str(exc.problem):
            # e.g. a list used as a field name (`? [a, b]: c`)
            return None, {}, Problem(path, line, "error",
                                     f"the front matter is not valid here ({exc.problem}); "
                                     "each line must be `field: value`")
        tag = str(exc.problem).split("'")[1] if "'" in str(exc.problem) else "this tag"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        return None, {}, Problem(path, line, "error",
                                 f"the YAML tag `{tag}` is not allowed in front matter; "
                                 "write plain values only")
    except yaml.reader.ReaderError as exc:
        # Invisible control characters, usually pasted from a chat or a PDF.
        line = source.count("\n", 0, max(exc.position, 0)) + offset
        return None, {}, Problem(path, line, "error",
                                 f"the front matter contains an invisible control character "
                                 f"(U+{exc.character:04X}) on this line; delete the line and "
                                 "type it again")
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
    lines: dict[str, int] = {}
    for key, _ in node.value:
        name, line = str(key.value), key.start_mark.line + offset
        if name in lines:
            # YAML would silently keep the last one; the writer meant one of them.
            return None, {}, Problem(path, line, "error",
                                     f"`{name}` is written twice (lines {lines[name]} and "
                                     f"{line}); keep only one of them")
        lines[name] = line
    for key, value in node.value:
        # A troubleshooter's steps: messages about one step point at its line.
        if str(key.value) == "steps" and isinstance(value, yaml.MappingNode):
            for step_key, _ in value.value:
                lines.setdefault(f"steps.{step_key.value}", step_key.start_mark.line + offset)
    return data, lines, None


def too_big(shown: str, size: int) -> Problem:
    found, limit = math.ceil(size / 1024), MAX_ARTICLE_BYTES // 1024
    return Problem(shown, 1, "error", f"the file is {found:,} KB, more than the {limit} KB an "
                                      "article may be; split it into shorter articles that each "
                                      "answer one question")


def load_article(path: Path, *, display: str | None = None, is_source: bool = True,
                 today: dt.date | None = None, data: bytes | None = None) -> LoadedArticle:
    """Read and validate one article file on its own. Never raises for bad content."""
    shown = display or path.as_posix()
    if data is None:
        try:
            with path.open("rb") as handle:
                # Never more than one byte over the limit: a huge file costs nothing.
                data = handle.read(MAX_ARTICLE_BYTES + 1)
                size = max(os.fstat(handle.fileno()).st_size, len(data))
        except OSError as exc:
            return LoadedArticle(shown, None, "", 1,
                                 problems=(Problem(shown, 1, "error", f"cannot read the file ({exc.strerror})"),))
    else:
        size = len(data)
    if size > MAX_ARTICLE_BYTES:
        return LoadedArticle(shown, None, "", 1, problems=(too_big(shown, size),))
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
    problems = tuple(Problem(shown, field_lines.get(f"steps.{e.step}")
                             or field_lines.get(e.field or "", 1), "error", e.message)
                     for e in errors)
    return LoadedArticle(shown, meta, body, body_line, field_lines, problems)
