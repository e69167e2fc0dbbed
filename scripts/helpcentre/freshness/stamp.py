"""Write ``translated_from`` into a translation's front matter, touching nothing else.

Writers' files are edited byte for byte: the BOM, the line endings (LF, CRLF
or CR), comments, quoting and field order all stay as they were. Only the
``translated_from:`` line is replaced, or, when there is none, one is
inserted just before the closing ``---``. Parsing the whole front matter and
dumping it again would reformat a writer's file, so we never do that.

Stamping says "this translation matches that English version", so the
``translation: pending`` line `helpcentre new --lang` wrote (the text is not
translated yet) is removed in the same write: a stamped file is a finished one.
"""

from __future__ import annotations

import re

from ..content.loader import BOM
from ..content.schema import PENDING_FIELD

_BOM = BOM.encode("utf-8")
_FIELD = "translated_from"
_FIELD_LINE = re.compile(rb"^translated_from\s*:")
_PENDING_LINE = re.compile(rb"^" + re.escape(PENDING_FIELD.encode()) + rb"\s*:")
_FENCE = re.compile(rb"^---[ \t]*$")
_CLOSE = re.compile(rb"^(---|\.\.\.)[ \t]*$")


class StampError(ValueError):
    """The file's front matter cannot be found; the message says what to fix."""


def _ending(line: bytes) -> bytes:
    for end in (b"\r\n", b"\n", b"\r"):
        if line.endswith(end):
            return end
    return b""


def set_translated_from(data: bytes, value: str) -> bytes:
    """``data`` with ``translated_from: <value>`` set in its front matter, and no pending marker."""
    if not re.fullmatch(r"[0-9a-f]{12}", value):
        raise ValueError(f"not a fingerprint: {value!r}")
    bom = _BOM if data.startswith(_BOM) else b""
    lines = data[len(bom):].splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip(b"\r\n")):
        raise StampError("no front matter; the first line must be `---`")
    close = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i].rstrip(b"\r\n"))),
                 None)
    if close is None:
        raise StampError("the front matter is never closed; add a `---` line after the last field")
    pending = [i for i in range(1, close) if _PENDING_LINE.match(lines[i])]
    for index in reversed(pending):
        del lines[index]
    close -= len(pending)
    # YAML reads an all-digit value as a number (0123... even as octal); quote it
    # so the schema sees the text it expects.
    shown = f'"{value}"' if value.isdigit() else value
    new_line = f"{_FIELD}: {shown}".encode()
    for index in range(1, close):
        if _FIELD_LINE.match(lines[index]):
            ending = _ending(lines[index])
            lines[index] = new_line + ending
            return bom + b"".join(lines)
    # Insert before the closing fence, with the line ending the file already uses there.
    ending = _ending(lines[close - 1]) or _ending(lines[0]) or b"\n"
    lines.insert(close, new_line + ending)
    return bom + b"".join(lines)
