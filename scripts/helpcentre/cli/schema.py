"""`helpcentre schema`: write the editors' JSON Schemas, generated from the one schema.

``schemas/*.schema.json`` are generated from ``content/schema.py`` (never edited
by hand) and shipped so editors can offer completion and flag mistakes.
``--check`` only compares, for CI: exit 1 if a shipped file is out of date.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..content.schema import json_schema
from . import common

# File name -> whether it describes an English source (True) or a translation.
SCHEMA_FILES: dict[str, bool] = {
    "article.schema.json": True,
    "translation.schema.json": False,
}
SCHEMA_DIR = "schemas"


def render(for_source: bool) -> str:
    return json.dumps(json_schema(for_source=for_source), indent=2, ensure_ascii=False) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if a shipped schema is out of date")
    common.add_root(parser)


def run(args: argparse.Namespace) -> int:
    folder = args.root / SCHEMA_DIR
    stale = []
    for name, for_source in SCHEMA_FILES.items():
        path = folder / name
        text = render(for_source)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        if args.check:
            stale.append(f"{SCHEMA_DIR}/{name}")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR}/{name}")
    for shown in stale:
        print(f"{shown}:1: error: out of date with content/schema.py; run `helpcentre schema` "
              "and commit the result", file=sys.stderr)
    return 1 if stale else 0
