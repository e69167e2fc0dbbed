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


def allowed(relative: str) -> bool:
    """True for a path below ``content/`` (with / separators) that may be published."""
    first = relative.split("/", 1)[0]
    if first == DATA_DIR:
        return relative.endswith((".yml", ".yaml"))
    return Path(relative).suffix.lower() in PUBLISHED_SUFFIXES


def file_problems(project: Project) -> list[Problem]:
    """Symbolic links and files of a kind articles may not carry, anywhere under content/."""
    problems: list[Problem] = []
    root = project.content_dir
    for folder, dirs, files in os.walk(root):  # does not follow links: they are reported instead
        here = Path(folder)
        for name in sorted(dirs + files):
            path = here / name
            shown = project.display(path)
            if path.is_symlink():
                target = os.readlink(path)
                problems.append(Problem(shown, 1, "error", (
                    f'is a symbolic link (to "{target}"); links could publish files from outside the '
                    "repository, so they are refused. Put the real file here, or remove the link")))
            elif name in files and not allowed(path.relative_to(root).as_posix()):
                problems.append(Problem(shown, 1, "error", (
                    f'"{path.suffix or name}" files are not published: only articles (.md) and images '
                    f"({', '.join(sorted(IMAGE_SUFFIXES))}) may be under content/. Remove this file, "
                    "or convert an image to one of those formats")))
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]
    return problems
