"""The layers of docs/ARCHITECTURE.md, enforced: nothing imports upward.

    content  <-  freshness, search  <-  checks, bench  <-  site  <-  cli

A module may import its own package and packages of a lower layer only, so
peers (freshness and search) never import each other. The plain-Python
layers never import MkDocs, so they survive a change of site engine.
Read from the source with ast, so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "helpcentre"
LAYERS = {"content": 0, "freshness": 1, "search": 1, "checks": 2, "bench": 2, "site": 3, "cli": 4}
NO_MKDOCS = ("content", "freshness", "search", "checks")
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if len(p.relative_to(PACKAGE).parts) > 1)


def imported_packages(path: Path) -> list[tuple[int, str]]:
    """(line, top-level helpcentre package or external module) for every import in ``path``."""
    package = path.relative_to(PACKAGE).parts[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0:
                target = module.split(".")[1] if module.startswith("helpcentre.") else "!" + module
            elif node.level == 1:
                target = package
            else:  # ..x: a sibling package of ours
                target = module.split(".")[0] if module else (node.names[0].name if node.names else "")
            found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, "!" + alias.name) for alias in node.names]
    return found


def test_every_package_has_a_layer() -> None:
    packages = {p.relative_to(PACKAGE).parts[0] for p in MODULES}
    assert packages == set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_nothing_imports_upward(path: Path) -> None:
    package = path.relative_to(PACKAGE).parts[0]
    upward = [f"line {line}: {target}" for line, target in imported_packages(path)
              if target in LAYERS and target != package and LAYERS[target] >= LAYERS[package]]
    assert upward == [], f"{package} (layer {LAYERS[package]}) imports a package that is not below it"


@pytest.mark.parametrize("path", [p for p in MODULES if p.relative_to(PACKAGE).parts[0] in NO_MKDOCS],
                         ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_plain_python_layers_never_import_mkdocs(path: Path) -> None:
    engine = [f"line {line}: {target[1:]}" for line, target in imported_packages(path)
              if target.startswith(("!mkdocs", "!material"))]
    assert engine == []


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The test above can fail: a content module importing the site is caught."""
    bad = PACKAGE / "content" / "_layer_probe.py"
    try:
        bad.write_text("from ..site import views\n", encoding="utf-8")
        with pytest.raises(AssertionError):
            test_nothing_imports_upward(bad)
    finally:
        bad.unlink()
