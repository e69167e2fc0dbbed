"""The glossary: ``content/_data/glossary/<lang>.yml``, one file per language.

The English file is the source; each entry is a term readers meet, keyed by an
id (the entry's address on the glossary page, ``glossary/#memo``)::

    memo:
      term: Memo
      definition: A short number or text some networks need besides the address.
      synonyms: [tag, destination tag]
      related: [memo-or-tag-required]

Other languages repeat the ids they translate with ``term``, ``definition`` and
``synonyms`` in their language; ``related`` comes from English. An entry a
language lacks is shown in English, marked untranslated (like an article). A
term written with Han characters carries ``reading:`` (pinyin for Chinese,
hiragana for Japanese): the page is sorted by the Unicode Collation Algorithm
on the reading, which is how those languages order a glossary; kana, hangul
and Cyrillic sort by the algorithm itself.

Every rule about a glossary entry lives here; the site turns entries into the
glossary page and the term links (helpcentre.site.glossary), search turns
them into synonyms (helpcentre.search.index).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .loader import read_yaml_file
from .problems import Problem
from .project import Project
from .schema import ID_RE, ID_RULE

FOLDER = "glossary"
FIELDS = ("term", "definition", "synonyms", "related", "reading")
TRANSLATED_FIELDS = ("term", "definition", "synonyms", "reading")
MAX_DEFINITION = 400  # characters: "one or two sentences" (shown on the page and as a link's title)
# A Latin word this short would link half the articles ("id", "ip"): shorter words
# are linked only when written in capitals ("2FA"), and then only as capitals.
MIN_LATIN_LINK = 3
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
EXAMPLE = ("memo:\n  term: Memo\n  definition: A short code some networks need besides the address.\n"
           "  synonyms: [tag, destination tag]\n  related: [memo-or-tag-required]")


@dataclass(frozen=True)
class Entry:
    id: str
    lang: str
    term: str
    definition: str
    synonyms: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # article ids; from the English entry
    reading: str = ""
    line: int = 1


@dataclass
class Glossary:
    entries: dict[str, dict[str, Entry]]  # lang -> id -> entry
    default: str
    shown: dict[str, str]  # lang -> the file as messages show it

    def source(self) -> dict[str, Entry]:
        return self.entries.get(self.default, {})

    def in_language(self, entry_id: str, lang: str) -> tuple[Entry, bool]:
        """What a reader of ``lang`` sees, and whether it is the English fallback."""
        own = self.entries.get(lang, {}).get(entry_id)
        if own is not None:
            return own, False
        return self.source()[entry_id], True

    def ordered(self, lang: str) -> list[tuple[Entry, bool]]:
        """Every entry as a reader of ``lang`` sees it, in that language's order."""
        shown = [self.in_language(entry_id, lang) for entry_id in self.source()]
        return sorted(shown, key=lambda pair: sort_key(pair[0], lang))

    def words(self, lang: str) -> list[tuple[str, str]]:
        """(word, entry id) for every term and synonym of ``lang``'s own entries, longest first."""
        found = [(word, entry.id) for entry in self.entries.get(lang, {}).values()
                 for word in (entry.term, *entry.synonyms)]
        return sorted(found, key=lambda pair: (-len(pair[0]), pair[0]))

    def synonym_groups(self, lang: str) -> list[list[str]]:
        """Each of ``lang``'s entries as a search synonym group: its term and synonyms."""
        groups = []
        for entry in self.entries.get(lang, {}).values():
            words = list(dict.fromkeys(w for w in (entry.term, *entry.synonyms) if w.strip()))
            if len(words) >= 2:
                groups.append(words)
        return groups


@functools.cache
def _collator() -> Any:
    import pyuca  # loaded on first use: its table takes a tenth of a second to read

    return pyuca.Collator()


def sort_key(entry: Entry, lang: str) -> tuple[Any, ...]:
    """The Unicode Collation Algorithm's order of the term (or its reading).

    The default table already orders kana (gojūon), hangul and Cyrillic (ё with
    е) as those languages do. Spanish places ñ after every other n (CLDR's
    Spanish tailoring): an ñ becomes an n followed by the highest weight.
    """
    text = unicodedata.normalize("NFC", entry.reading or entry.term).casefold()
    if lang == "es":
        text = text.replace("ñ", "n\U0010fffd")
    return (tuple(_collator().sort_key(text)), entry.term)


def glossary_dir(project: Project) -> Path:
    return project.data_dir / FOLDER


def load_glossary(project: Project) -> tuple[Glossary, list[Problem]]:
    """Every language's file that exists (none at all is an empty glossary), with problems."""
    problems: list[Problem] = []
    default = project.default_language
    entries: dict[str, dict[str, Entry]] = {}
    shown: dict[str, str] = {}
    written: dict[str, set[str]] = {}  # every id a file has, valid or not
    folder = glossary_dir(project)
    if not folder.is_dir():
        return Glossary({}, default, {}), []
    for path in sorted(folder.iterdir()):
        label = project.display(path)
        if path.suffix != ".yml" or path.stem not in project.codes:
            problems.append(Problem(label, 1, "error",
                                    f"the glossary has one file per language, named <language>.yml "
                                    f"({', '.join(f'{c}.yml' for c in project.codes)}); rename or "
                                    "remove this one"))
            continue
        shown[path.stem] = label
        entries[path.stem], written[path.stem] = _load_language(path, label, path.stem, default, problems)
    source = entries.get(default, {})
    for lang, found in entries.items():
        if lang == default:
            continue
        for entry in list(found.values()):
            if entry.id not in source and entry.id in written.get(default, set()):
                del found[entry.id]  # the English entry is broken, and said so: once is enough
            elif entry.id not in source:
                problems.append(Problem(shown[lang], entry.line, "error",
                                        f"`{entry.id}`: not an entry of the English glossary "
                                        f"({shown.get(default, default + '.yml')}); translate an "
                                        "English entry under the same id, or add it there first"))
                del found[entry.id]
            else:
                found[entry.id] = Entry(entry.id, lang, entry.term, entry.definition, entry.synonyms,
                                        source[entry.id].related, entry.reading, entry.line)
        _check_unique(found, shown[lang], problems)
    _check_unique(source, shown.get(default, ""), problems)
    return Glossary(entries, default, shown), sorted(problems)


def _load_language(path: Path, shown: str, lang: str, default: str,
                   problems: list[Problem]) -> tuple[dict[str, Entry], set[str]]:
    """A language file's valid entries, and every id it has (valid or not)."""
    loaded = read_yaml_file(path, shown, hint=f"; each entry looks like\n{EXAMPLE}")
    if loaded.problem is not None:
        problems.append(loaded.problem)
        return {}, set()
    if loaded.data is None:
        return {}, set()
    if not isinstance(loaded.data, dict) or not isinstance(loaded.node, yaml.MappingNode):
        problems.append(Problem(shown, 1, "error", f"expected entries keyed by their id, like\n{EXAMPLE}"))
        return {}, set()
    # The ids as written: YAML reads a key `yes` or `2` as a yes/no value or a number,
    # so the key nodes' text names the entries, and each node's value is built alone.
    found: dict[str, Entry] = {}
    lines: dict[str, int] = {}
    constructor = yaml.constructor.SafeConstructor()
    for key, value in loaded.node.value:
        entry_id, line = str(key.value), key.start_mark.line + 1
        if entry_id in lines:
            problems.append(Problem(shown, line, "error",
                                    f"`{entry_id}` is written twice (lines {lines[entry_id]} and {line}); "
                                    "keep one entry"))
            found.pop(entry_id, None)
            continue
        lines[entry_id] = line
        raw = constructor.construct_object(value, deep=True)
        entry = _entry(entry_id, raw, lang, lang == default, shown, line, problems)
        if entry is not None:
            found[entry_id] = entry
    return found, set(lines)


def _entry(entry_id: str, raw: Any, lang: str, is_source: bool, shown: str, line: int,
           problems: list[Problem]) -> Entry | None:
    def error(message: str) -> None:
        problems.append(Problem(shown, line, "error", f"`{entry_id}`: {message}"))

    if not ID_RE.fullmatch(entry_id):
        error(f"an entry id may use only {ID_RULE} (it is the entry's address, glossary/#id)")
        return None
    if not isinstance(raw, dict):
        error(f"expected `term:`, `definition:` and `synonyms:` under the id, indented, like\n{EXAMPLE}")
        return None
    allowed = FIELDS if is_source else TRANSLATED_FIELDS
    for name in raw:
        if name not in allowed:
            why = ("the related articles come from the English entry" if name == "related"
                   else f"an entry has {', '.join(allowed)}")
            error(f"unknown field `{name}`; {why}")
    term, definition = raw.get("term"), raw.get("definition")
    if not isinstance(term, str) or not term.strip():
        error("`term` is missing; write the word as readers see it, like `term: Memo`")
        return None
    if not isinstance(definition, str) or not definition.strip():
        error("`definition` is missing; explain the term in one or two plain sentences")
        return None
    if len(definition) > MAX_DEFINITION:
        error(f"`definition` is {len(definition)} characters; keep it under {MAX_DEFINITION} (one or "
              "two sentences) and link an article in `related` for the rest")
    lists: dict[str, tuple[str, ...]] = {}
    for name in ("synonyms", "related"):
        value = raw.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            error(f"`{name}` must be a list of words, like `{name}: [tag, destination tag]`")
            value = []
        lists[name] = tuple(v.strip() for v in value)
    reading = raw.get("reading", "")
    if not isinstance(reading, str):
        error("`reading` must be text, like `reading: bei zhu`")
        reading = ""
    if HAN_RE.search(term) and not reading.strip() and lang in ("zh", "ja"):
        how = "its pinyin, like `reading: bei zhu`" if lang == "zh" else "its hiragana, like `reading: しゅっきん`"
        error(f'`reading` is missing; "{term.strip()}" is written with Han characters, and the '
              f"glossary is sorted by how it is read: add {how}")
    return Entry(entry_id, lang, term.strip(), definition.strip(), lists["synonyms"], lists["related"],
                 reading.strip(), line)


def _check_unique(entries: dict[str, Entry], shown: str, problems: list[Problem]) -> None:
    """A word may name one entry only, or the term links and search would pick one at random."""
    owner: dict[str, str] = {}
    for entry in entries.values():
        for word in dict.fromkeys(w.casefold() for w in (entry.term, *entry.synonyms)):
            other = owner.setdefault(word, entry.id)
            if other != entry.id:
                problems.append(Problem(shown, entry.line, "error",
                                        f'`{entry.id}`: "{word}" is also a term or synonym of '
                                        f"`{other}`; a word names one entry, so remove it from one"))


def related_problems(glossary: Glossary, articles: set[str]) -> list[Problem]:
    """``related`` ids that are not articles (needs the corpus, so kept apart)."""
    problems = []
    for entry in glossary.source().values():
        for article in entry.related:
            if article not in articles:
                problems.append(Problem(glossary.shown[glossary.default], entry.line, "error",
                                        f'`{entry.id}`: `related`: no article has the id "{article}"; '
                                        "use the file name of an English article, without .md"))
    return problems


def linkable(word: str) -> bool:
    """Whether a term or synonym is distinctive enough to link in article text."""
    if HAN_RE.search(word) or any(unicodedata.east_asian_width(c) in "WF" for c in word):
        return len(word) >= 2
    return len(word) >= MIN_LATIN_LINK or word.isupper() and len(word) >= 2
