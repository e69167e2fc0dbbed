"""Which files under ``content/`` may reach the site.

MkDocs copies every file it finds under docs_dir into the site, following
symbolic links. A ``.js`` file beside an article was copied and then ran as
``<script src>``; a link named ``passwd.txt`` published the machine's password
file. So only what an article may carry is published (its Markdown and
images in formats that cannot hold scripts: no SVG), and a symbolic link is
refused outright, wherever it points.
"""

from __future__ import annotations

import os
from pathlib import Path

from .problems import Problem
from .project import Project

ARTICLE_SUFFIXES = frozenset({".md"})
# Raster images only: an SVG is a document that can carry scripts and links.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
PUBLISHED_SUFFIXES = ARTICLE_SUFFIXES | IMAGE_SUFFIXES
DATA_DIR = "_data"  # the registries: read by the build, never published as files
# Beside the registries: the brand logo (site.yml `brand.logo`), which the build copies
# into the site itself after checking its first bytes (helpcentre.content.registry).
DATA_SUFFIXES = (".yml", ".yaml", ".png", ".webp")


def allowed(relative: str) -> bool:
    """True for a path below ``content/`` (with / separators) that may be published."""
    first = relative.split("/", 1)[0]
    if first == DATA_DIR:
        return relative.lower().endswith(DATA_SUFFIXES)
    return Path(relative).suffix.lower() in PUBLISHED_SUFFIXES


def file_problems(project: Project) -> list[Problem]:
    """Symbolic links and files of a kind articles may not carry, anywhere under content/.

    Plain os.scandir and strings: 12,000 Path objects cost most of a second.
    """
    problems: list[Problem] = []
    root = str(project.content_dir)
    shown_root = project.display(project.content_dir)
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        try:
            entries = sorted(os.scandir(os.path.join(root, rel_dir)), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            shown = f"{shown_root}/{rel}"
            if entry.is_symlink():  # reported, never followed
                problems.append(Problem(shown, 1, "error", (
                    f'is a symbolic link (to "{os.readlink(entry.path)}"); links could publish files from '
                    "outside the repository, so they are refused. Put the real file here, or remove the link")))
            elif entry.is_dir():
                stack.append(rel)
            elif not allowed(rel):
                suffix = Path(entry.name).suffix or entry.name
                problems.append(Problem(shown, 1, "error", (
                    f'"{suffix}" files are not published: only articles (.md) and images '
                    f"({', '.join(sorted(IMAGE_SUFFIXES))}) may be under content/. Remove this file, "
                    "or convert an image to one of those formats")))
    return sorted(problems)
