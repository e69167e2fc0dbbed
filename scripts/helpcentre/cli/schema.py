"""`helpcentre schema`: write the editors' JSON Schemas, generated from the one schema.

``schemas/*.schema.json`` come from ``content/schema.py`` (never edited by hand) so editors can offer
completion and flag mistakes. ``--check`` only compares, for CI: exit 1 if a shipped file is out of date.
"""

from __future__ import annotations

import argparse
import json

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
    files = {f"{SCHEMA_DIR}/{name}": render(for_source) for name, for_source in SCHEMA_FILES.items()}
    return common.write_generated(args.root, files, check=args.check, origin="content/schema.py",
                                  command="schema")
