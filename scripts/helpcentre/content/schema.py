"""The one front-matter schema.

Every rule about a front-matter field lives here: its type, whether a source
article or a translation must carry it, and the message a writer sees when it
is wrong. The JSON Schema for editors (``helpcentre schema``) and the
``helpcentre new`` skeleton are generated from ``FIELDS``; never keep a second
copy by hand.

Cross-file rules (a coin known to the registry, a translation agreeing with its
source) need the whole corpus and live in ``corpus.py``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from .troubleshooters import TROUBLESHOOTER, Tree, parse_steps, tree_errors

Kind = Literal["text", "date", "choice", "list", "days", "fingerprint", "marker", "tree"]
# Where a field may appear: in the English source, in a translation, or both.
# "own" fields are written in the translation's language; "inherited" ones are
# taken from the source and, if repeated, must agree with it.
Role = Literal["own", "inherited", "translation-only"]

# A `risk` warning (issue 16) is a standing warning about coins or networks (a memo
# that must not be left out, a newly listed token): no end day, a short review
# interval (freshness.yml), and a banner on its coins' pages and on the articles
# about its coins and networks (content/risks.py).
# A `troubleshooter` is a few questions that end in an answer or a filled-in
# ticket; its tree is the `steps` field (content/troubleshooters.py).
ARTICLE_TYPES = ("faq", "guide", "notice", "risk", "troubleshooter")
# What an article (or a notice) is about besides coins: a notice that suspends
# deposits reaches "Deposit not arrived", which names no coin, through these.
SERVICES = ("deposit", "withdrawal", "trading", "login", "verification", "api")
# A network's deposits or withdrawals (helpcentre.content.status); "normal" is the
# absence of any entry, so a notice or status entry says only delayed or suspended.
STATES = ("normal", "delayed", "suspended")
NOTICE_STATES = ("delayed", "suspended")
FINGERPRINT_RE = re.compile(r"^[0-9a-f]{12}$")
# `translation: pending` marks a translation `helpcentre new --lang` started and
# nobody finished: the file is an English copy, so readers, search and the
# translation reports treat it as missing (content/corpus.py, `Corpus.pending`)
# until `helpcentre translations sync` stamps it and removes the line.
PENDING_FIELD = "translation"
PENDING = "pending"
# An article's id is its file name without `.md`; it becomes the page address and
# appears in ticket links, so it is plain ASCII that needs no escaping and has
# one spelling only (no upper case, no Unicode normal forms). `helpcentre new`
# and the loader both apply this one rule.
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_RULE = "lower-case letters a-z, digits 0-9 and single hyphens between words"
ID_EXAMPLE = "lost-2fa-device"
# The days a date in the help centre can mean. Nothing was reviewed before 2000
# (there was no exchange) and nothing is planned after 2099: a date outside is a
# typo (`0226-11-10`) or a stand-in for "never" (`9999-12-31`). Refused here,
# where every date is read (front matter, --today), so later date arithmetic
# never leaves Python's range: the most any code adds to a date is a review
# interval (at most 3650 days) or a grace period, far below date.max
# (9999-12-31), which `9999-12-31 + 180 days` overflowed. Clamping instead
# would quietly show readers and reports a day nobody wrote.
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2099, 12, 31)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Kind
    role: Role
    required: bool  # in a source article (translations: see `role`)
    description: str
    example: str
    choices: tuple[str, ...] = ()


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "text", "own", True,
              "The question or task, as a reader would put it.", "Lost your 2FA device"),
    FieldSpec("summary", "text", "own", False,
              "One sentence that answers the question; shown in lists and search.",
              "Reset two-factor authentication when your phone is lost or replaced."),
    FieldSpec("type", "choice", "inherited", True,
              "faq (a question and its answer), guide (steps), notice (time-limited) or risk (a "
              "standing risk warning about its `coins` and `networks`, shown as a banner wherever "
              "they are) or troubleshooter (a few questions in `steps`, in the troubleshoot folder).",
              "faq", ARTICLE_TYPES),
    FieldSpec("category", "text", "inherited", False,
              "Optional: the folder is the category; if given it must match the folder.",
              "security"),
    FieldSpec("coins", "list", "inherited", False,
              "Coin symbols from content/_data/coins.yml this article is about.", "[USDT, TRX]"),
    FieldSpec("networks", "list", "inherited", False,
              "Network ids from content/_data/coins.yml this article is about.", "[TRC20]"),
    FieldSpec("services", "list", "inherited", False,
              "What the article is about besides coins: " + ", ".join(SERVICES) + ". "
              "A notice shows on every article that shares a coin, network or service with it.",
              "[deposit, withdrawal]", SERVICES),
    FieldSpec("status", "choice", "inherited", False,
              "For a notice: what it does to the deposits and withdrawals it names in `services` on its "
              "`networks` (of its `coins`), until it expires: delayed or suspended. The status page, "
              "network tables and status.json show it.", "suspended", NOTICE_STATES),
    FieldSpec("related", "list", "inherited", False,
              "Optional: the ids of the articles listed under \"Related articles\", in order "
              "(instead of the automatic choice).", "[withdrawal-not-arrived, find-txid]"),
    FieldSpec("prepare", "list", "inherited", False,
              "Optional: the details a reader should have ready before a ticket, as keys of "
              "`details:` in translations/en.yml (instead of the topic's list).",
              "[uid, coin_network, amount, time]"),
    FieldSpec("steps", "tree", "own", False,
              "For a troubleshooter: its questions, each answer leading to the `next` step or "
              "ending with `say:` (and `article:`, `ticket:` or `wait: true`). The first step is "
              "`start`. A translation repeats the steps with the same ids and targets, translating "
              "only `question`, `answer` and `say`.",
              '{start: {question: "Has it arrived?", answers: [{answer: "No", say: Wait an hour.}, '
              '{answer: "Yes", say: All done.}]}}'),
    FieldSpec("reviewed", "date", "own", True,
              "The day a writer last checked the article is still correct (YYYY-MM-DD).",
              "2026-11-18"),
    FieldSpec("owner", "text", "inherited", True,
              "The team responsible for keeping the article correct.", '"@kestrel/security"'),
    FieldSpec("expires", "date", "inherited", False,
              "The day a notice ends (required for notices), YYYY-MM-DD.", "2026-12-31"),
    FieldSpec("keywords", "list", "own", False,
              "Extra words readers type when searching, including slang.",
              "[2fa, authenticator, lost phone]"),
    FieldSpec("review_days", "days", "inherited", False,
              "Optional: re-verify this article every N days instead of the default.", "60"),
    FieldSpec("translated_from", "fingerprint", "translation-only", False,
              "Written by `helpcentre translations sync`: which version of the English "
              "article this translation was made from (`helpcentre new --lang` writes the "
              "version it starts from). Do not edit by hand.", "3f9a1c0d2b7e"),
    # A marker rather than a missing `translated_from`: the skeleton keeps the
    # version it was copied from, so `translations diff` can show what changed
    # in English while the translator worked. See PENDING below.
    FieldSpec(PENDING_FIELD, "marker", "translation-only", False,
              "Written by `helpcentre new --lang`: the text is not translated yet, so readers "
              "see the English article. `helpcentre translations sync` removes it once the "
              "translation is done.", PENDING, (PENDING,)),
)
FIELDS_BY_NAME = {f.name: f for f in FIELDS}
# Fields a translation is expected to repeat in its own language.
OWN_FIELDS = tuple(f.name for f in FIELDS if f.role == "own")
INHERITED_FIELDS = tuple(f.name for f in FIELDS if f.role == "inherited")
TRANSLATION_ONLY_FIELDS = tuple(f.name for f in FIELDS if f.role == "translation-only")


@dataclass(frozen=True)
class Meta:
    """Validated front matter. Missing optional values are None / empty."""

    title: str | None = None
    summary: str | None = None
    type: str | None = None
    category: str | None = None
    coins: tuple[str, ...] = ()
    networks: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    status: str | None = None
    related: tuple[str, ...] = ()
    prepare: tuple[str, ...] = ()
    reviewed: dt.date | None = None
    owner: str | None = None
    expires: dt.date | None = None
    keywords: tuple[str, ...] = ()
    review_days: int | None = None
    translated_from: str | None = None
    translation: str | None = None  # PENDING, or None for a finished translation
    steps: Tree | None = None  # a troubleshooter's tree
    present: frozenset[str] = field(default_factory=frozenset)

    @property
    def pending(self) -> bool:
        """A translation started with `helpcentre new --lang` and not yet synced."""
        return self.translation == PENDING


@dataclass
class FieldError:
    """A problem with one field; the loader turns it into a Problem with a line."""

    field: str | None
    message: str
    step: str | None = None  # for `steps`: the step the message is about, to find its line


def describe(value: Any) -> str:
    """How a wrong value is named in a message: its kind and what it looked like."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f'text "{value}"'
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of `name: value` pairs"
    return type(value).__name__


def parse_date(name: str, value: Any) -> tuple[dt.date | None, str | None]:
    """Dates reach us as text (the loader turns off YAML's own date guessing)."""
    hint = f"expected a date written YYYY-MM-DD, like `{name}: 2026-11-18`"
    if not isinstance(value, str):
        return None, f"`{name}`: {hint}; found {describe(value)}"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None, f'`{name}`: {hint}; found "{value}"'
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None, f'`{name}`: "{value}" is not a real day of the calendar; check the month and day'
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        when = "in the past" if day < EARLIEST_DATE else "in the future"
        never = ("; a notice needs the real day it ends (if it never ends, make it a faq or a "
                 "guide)") if name == "expires" else ""
        return None, (f"`{name}`: {value} is too far {when}; dates must be between "
                      f"{EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}, so check the "
                      f"year{never}")
    return day, None


def is_valid_id(name: str) -> bool:
    return ID_RE.fullmatch(name) is not None


def suggest_id(name: str) -> str:
    """The valid id closest to ``name`` (`My Café` -> `my-cafe`); empty if none is left.

    Accents are dropped (NFKD, then ASCII), everything else that is not a
    letter or digit becomes one hyphen.
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower()))


def _text(name: str, value: Any, example: str) -> tuple[str | None, str | None]:
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    if isinstance(value, str):
        return None, f"`{name}`: is empty; write it like `{name}: {example}`"
    if isinstance(value, bool):
        # YAML reads a bare yes/no/true/false/on/off as a yes-or-no value, not as a word.
        return None, (f"`{name}`: expected text, found a yes/no value (YAML reads a bare yes, "
                      f'no, true or false that way); put the text in quotes, like `{name}: "yes"`')
    if isinstance(value, int | float):
        return None, (f"`{name}`: expected text, found the number {value}; put it in quotes, "
                      f'like `{name}: "{value}"`')
    return None, f"`{name}`: expected text, found {describe(value)}; write it like `{name}: {example}`"


def _list(name: str, value: Any, example: str) -> tuple[tuple[str, ...], str | None]:
    if isinstance(value, list):
        bad = [v for v in value if not isinstance(v, str | int | float) or isinstance(v, bool)]
        if bad:
            return (), (f"`{name}`: every item must be a word or phrase, found {describe(bad[0])}; "
                        f"write it like `{name}: {example}`")
        return tuple(str(v).strip() for v in value if str(v).strip()), None
    if isinstance(value, str):
        return (), (f'`{name}`: expected a list, found text "{value}"; '
                    f"put the items in square brackets, like `{name}: [{value}]`")
    return (), f"`{name}`: expected a list like `{name}: {example}`, found {describe(value)}"


def unknown_field_message(name: str) -> str:
    close = difflib.get_close_matches(name, FIELDS_BY_NAME, n=1, cutoff=0.6)
    if close:
        return f"`{name}`: unknown field; did you mean `{close[0]}`?"
    known = ", ".join(f.name for f in FIELDS)
    return f"`{name}`: unknown field; the fields an article may have are: {known}"


def validate(data: dict[str, Any], *, is_source: bool,
             today: dt.date | None = None) -> tuple[Meta, list[FieldError]]:
    """Check one file's front matter on its own (no other files, no registries).

    ``today`` enables the "reviewed in the future" check; it is passed in so
    results are reproducible (never read from the clock here).
    """
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    for name, value in data.items():
        spec = FIELDS_BY_NAME.get(str(name))
        if spec is None:
            errors.append(FieldError(str(name), unknown_field_message(str(name))))
            continue
        if is_source and spec.role == "translation-only":
            errors.append(FieldError(name, f"`{name}`: only translations carry this field; "
                                           "remove it from the English article"))
            continue
        if spec.kind == "tree":
            tree, tree_problems = parse_steps(value)
            if is_source and tree is not None and not tree_problems:
                tree_problems = tree_errors(tree)
            errors.extend(FieldError(name, e.message, e.step) for e in tree_problems)
            if tree is not None and not tree_problems:
                values[name] = tree
            continue
        parsed, message = _parse(spec, value)
        if message:
            errors.append(FieldError(name, message))
        else:
            values[name] = parsed

    # A misspelt field (`reviwed`) is already reported with its fix; saying that
    # `reviewed` is missing as well would only send the writer looking twice.
    misspelt = {close[0] for name in data if str(name) not in FIELDS_BY_NAME
                for close in [difflib.get_close_matches(str(name), FIELDS_BY_NAME, n=1,
                                                        cutoff=0.6)] if close}
    if is_source:
        for spec in FIELDS:
            if spec.required and spec.name not in data and spec.name not in misspelt:
                errors.append(FieldError(None, f"`{spec.name}`: missing; add a line like "
                                               f"`{spec.name}: {spec.example}`"))
        if "status" in values and values.get("type") != "notice":
            errors.append(FieldError("status", "`status`: only a notice changes a network's status "
                                               "(it ends when the notice expires); use `type: notice`, "
                                               "or content/_data/status.yml"))
        elif "status" in values and not {"deposit", "withdrawal"} & set(values.get("services", ())):
            errors.append(FieldError("status", "`status`: say which services it stops, like "
                                               "`services: [deposit, withdrawal]`"))
        elif "status" in values and not values.get("networks") and not values.get("coins"):
            errors.append(FieldError("status", "`status`: say which networks it concerns, like "
                                               "`networks: [TRC20]` (of the notice's `coins`)"))
        if values.get("type") == "notice" and "expires" not in data:
            errors.append(FieldError("type", "`expires`: missing; a notice needs the day it ends, "
                                             "like `expires: 2026-12-31`"))
        if values.get("type") == "risk":
            errors.extend(_risk_errors(data, values))
        if values.get("type") == TROUBLESHOOTER and "steps" not in data:
            errors.append(FieldError("type", "`steps`: missing; a troubleshooter is its questions, "
                                             "like `steps: {start: {question: ..., answers: [...]}}` "
                                             "(see CONTRIBUTING.md, \"Troubleshooters\")"))
        elif "steps" in data and "type" in values and values.get("type") != TROUBLESHOOTER:
            errors.append(FieldError("steps", "`steps`: only a troubleshooter has steps; use "
                                              "`type: troubleshooter` (in the troubleshoot folder), "
                                              "or remove them"))
    elif "title" not in data and "title" not in misspelt:
        errors.append(FieldError(None, "`title`: missing; a translation repeats the title in "
                                       "its own language"))

    reviewed = values.get("reviewed")
    if today is not None and reviewed is not None and reviewed > today:
        errors.append(FieldError("reviewed", f"`reviewed`: {reviewed.isoformat()} is in the future "
                                             f"(today is {today.isoformat()}); use the day you "
                                             "checked the article"))
    expires = values.get("expires")
    if reviewed and expires and expires < reviewed and values.get("type") != "risk":  # said above
        errors.append(FieldError("expires", f"`expires`: {expires.isoformat()} is before `reviewed` "
                                            f"{reviewed.isoformat()}; a notice cannot end before "
                                            "it was written"))
    meta = Meta(**values, present=frozenset(str(k) for k in data))
    return meta, errors


def _risk_errors(data: dict[str, Any], values: dict[str, Any]) -> list[FieldError]:
    """A risk warning reaches readers through its coins and networks, and has no end day.

    Without coins or networks it would show nowhere; an `expires` it ignored would
    let a writer believe it ends by itself (only a notice does).
    """
    errors = []
    wrong = {"coins", "networks"} & (set(map(str, data)) - set(values))  # reported already
    if not values.get("coins") and not values.get("networks") and not wrong:
        errors.append(FieldError("type", "`type: risk`: name the coins or networks the warning is "
                                         "about, like `coins: [XRP]` or `networks: [TON]`; it is "
                                         "shown on their pages and on the articles about them"))
    if "expires" in data:
        errors.append(FieldError("expires", "`expires`: a risk warning has no end day; it stays until "
                                            "it is deleted, so remove `expires` (or use `type: notice` "
                                            "for something that ends)"))
    return errors


def _parse(spec: FieldSpec, value: Any) -> tuple[Any, str | None]:
    name = spec.name
    if spec.kind == "text":
        return _text(name, value, spec.example)
    if spec.kind == "date":
        return parse_date(name, value)
    if spec.kind == "list":
        items, message = _list(name, value, spec.example)
        if message:
            return items, message
        if name in ("coins", "networks"):
            items = tuple(i.upper() for i in items)
        if spec.choices:
            wrong = [i for i in items if i.lower() not in spec.choices]
            if wrong:
                close = difflib.get_close_matches(wrong[0].lower(), spec.choices, n=1, cutoff=0.5)
                hint = f"; did you mean `{close[0]}`?" if close else ""
                return (), (f'`{name}`: "{wrong[0]}" is not one of {", ".join(spec.choices)}{hint}')
            items = tuple(i.lower() for i in items)
        return items, message
    if spec.kind == "choice":
        if isinstance(value, str) and value.strip().lower() in spec.choices:
            return value.strip().lower(), None
        choices = ", ".join(spec.choices)
        close = difflib.get_close_matches(str(value), spec.choices, n=1, cutoff=0.5)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        return None, f"`{name}`: {describe(value)} is not a known {name}; expected one of {choices}{hint}"
    if spec.kind == "days":
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3650:
            return value, None
        return None, (f"`{name}`: expected a whole number of days between 1 and 3650, "
                      f"found {describe(value)}")
    if spec.kind == "fingerprint":
        if isinstance(value, str) and FINGERPRINT_RE.match(value):
            return value, None
        return None, (f"`{name}`: expected the 12-character code written by "
                      f"`helpcentre translations sync`, found {describe(value)}; run that command "
                      "instead of editing it")
    if spec.kind == "marker":
        if isinstance(value, str) and value.strip().lower() == spec.example:
            return spec.example, None
        return None, (f"`{name}`: found {describe(value)}, but the only value this field takes "
                      f"is `{spec.example}`; when the translation is done, run `helpcentre "
                      "translations sync` on this file, which removes the line")
    raise AssertionError(f"unhandled kind {spec.kind}")  # pragma: no cover


def json_schema(*, for_source: bool) -> dict[str, Any]:
    """The editor-facing JSON Schema, generated from FIELDS (never hand-kept)."""
    props: dict[str, Any] = {}
    for spec in FIELDS:
        if for_source and spec.role == "translation-only":
            continue
        # A translation may repeat an inherited field (it must then agree with
        # the source), so inherited fields stay allowed there, just not required.
        prop: dict[str, Any] = {"description": spec.description}
        if spec.kind == "text":
            prop.update(type="string", minLength=1)
        elif spec.kind == "date":
            prop.update(type="string", pattern=r"^\d{4}-\d{2}-\d{2}$")
        elif spec.kind in ("choice", "marker"):
            prop.update(type="string", enum=list(spec.choices))
        elif spec.kind == "list":
            items: dict[str, Any] = {"type": "string"}
            if spec.choices:
                items["enum"] = list(spec.choices)
            prop.update(type="array", items=items)
        elif spec.kind == "days":
            prop.update(type="integer", minimum=1, maximum=3650)
        elif spec.kind == "fingerprint":
            prop.update(type="string", pattern=FINGERPRINT_RE.pattern)
        elif spec.kind == "tree":  # its rules are in content/troubleshooters.py
            prop.update(type="object", required=["start"], minProperties=1)
        props[spec.name] = prop
    required = [f.name for f in FIELDS if f.required] if for_source else ["title"]
    schema: dict[str, Any] = {
        # The exact draft-07 identifier (http, not https): validators and the
        # YAML language server recognise the draft by this string alone.
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "helpcentre article front matter" + ("" if for_source else " (translation)"),
        "type": "object",
        "properties": props,
        "required": required,
        "additionalProperties": False,
    }
    if for_source:
        named = {"type": "array", "minItems": 1}
        schema["allOf"] = [
            {"if": {"properties": {"type": {"const": "notice"}}},
             "then": {"required": ["expires"]}},
            # A risk warning names what it is about and never ends (see _risk_errors).
            {"if": {"properties": {"type": {"const": "risk"}}, "required": ["type"]},
             "then": {"anyOf": [{"properties": {"coins": named}, "required": ["coins"]},
                                {"properties": {"networks": named}, "required": ["networks"]}],
                      "not": {"required": ["expires"]}}},
        ]
    return schema


def notice_ended(meta: Meta, today: dt.date) -> bool:
    """A notice is current through its ``expires`` day and ended the day after.

    A rule about an article's own metadata, so it lives beside the schema: the
    freshness report, search and the site all ask it, and none of them may
    import another (``today`` is always passed in, never read here).
    """
    return meta.type == "notice" and meta.expires is not None and meta.expires < today
