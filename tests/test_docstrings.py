"""Every public function, class and method of the packages (rag/, index/, api/) has a
docstring: what it takes and returns (shapes, units), the errors it raises, where a rule or
constant comes from.  Read from the source with ``ast``, so nothing is imported."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("rag", "index", "api")


def _public(name: str) -> bool:
    return not name.startswith("_")


def _defs(body: list[ast.stmt], prefix: str) -> Iterator[tuple[str, ast.AST]]:
    """The public functions and classes of ``body``, and the public methods of its public
    classes (nested functions are not an interface)."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _public(node.name):
            yield f"{prefix}{node.name}", node
        elif isinstance(node, ast.ClassDef) and _public(node.name):
            yield f"{prefix}{node.name}", node
            yield from _defs(node.body, f"{prefix}{node.name}.")


def undocumented() -> list[str]:
    """``path:line name`` of every public name without a docstring."""
    missing = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for name, node in _defs(tree.body, ""):
                assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
                if not ast.get_docstring(node):
                    rel = path.relative_to(ROOT)
                    missing.append(f"{rel}:{node.lineno} {name}")
    return missing


def test_every_public_name_has_a_docstring() -> None:
    missing = undocumented()
    assert not missing, f"{len(missing)} public names without a docstring:\n" + \
        "\n".join(missing)


def test_the_check_sees_a_missing_docstring(tmp_path: Path) -> None:
    tree = ast.parse("def f():\n    pass\n\n\nclass C:\n    '''Doc.'''\n\n"
                     "    def m(self):\n        return 1\n\n    def _p(self):\n        pass\n")
    names = [n for n, node in _defs(tree.body, "")
             if not ast.get_docstring(node)]  # type: ignore[arg-type]
    assert names == ["f", "C.m"]
