"""Tests go through the public names of the packages: no test imports a private name
(``from rag.x import _y``, ``import rag._x``); a name a test needs is made public and
documented instead."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PACKAGES = ("rag", "index", "api")


def _private(dotted: str) -> bool:
    """Whether a dotted name has a private part ("_x"; dunders such as __version__ are not)."""
    return any(p.startswith("_") and not p.startswith("__") for p in dotted.split("."))


def _private_imports(source: str) -> list[str]:
    """The private names ``source`` imports from the packages, as written."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and \
                node.module.split(".")[0] in PACKAGES:
            found += [f"{node.module}.{a.name}" for a in node.names
                      if _private(f"{node.module}.{a.name}")]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names
                      if a.name.split(".")[0] in PACKAGES and _private(a.name)]
    return found


def test_no_test_imports_a_private_name() -> None:
    found = {path.name: names for path in sorted(TESTS.glob("*.py"))
             if (names := _private_imports(path.read_text(encoding="utf-8")))}
    assert not found, f"private names imported by tests: {found}"


def test_the_check_sees_a_private_import() -> None:
    assert _private_imports("from rag.embed.st import _resolve, public\nimport rag._x\n"
                            "from os import _exit\n") == ["rag.embed.st._resolve", "rag._x"]
