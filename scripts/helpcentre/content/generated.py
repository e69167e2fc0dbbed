"""Files generated from the code and the registries (schemas/, .github/CODEOWNERS).

Kept in the repository so editors and GitHub can read them, and regenerated
by a command; CI runs the command with --check, which writes nothing and
names the files that fell out of date.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def update(root: Path, files: Mapping[str, str], *, check: bool) -> tuple[list[str], list[str]]:
    """(written, stale): with ``check`` nothing is written and the files that differ are stale."""
    written, stale = [], []
    for name, text in files.items():
        path = root / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        if check:
            stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(name)
    return written, stale
