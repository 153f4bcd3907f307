"""The front ends' door, checked where import-linter cannot see: every module of ``api/``
imports of the library only ``rag.service``, ``rag.records``, ``rag.settings`` and
``rag.errors`` -- also inside functions and through ``importlib.import_module`` or
``__import__`` with a literal name -- and nothing of ``index``.  A new library package is
thus closed to the front ends until the service opens it (import-linter's forbidden contract
lists packages, so it would let a new one through)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = ("rag.service", "rag.records", "rag.settings", "rag.errors")


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args and \
                isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if name in ("import_module", "__import__"):
                out.append((node.lineno, node.args[0].value))
    return out


def _library(name: str) -> bool:
    return name in ("rag", "index") or name.startswith(("rag.", "index."))


def test_front_ends_import_only_the_services_face():
    bad = []
    for path in sorted((ROOT / "api").rglob("*.py")):
        for line, name in _imported(ast.parse(path.read_text(encoding="utf-8"))):
            if _library(name) and not any(name == a or name.startswith(a + ".")
                                          for a in ALLOWED):
                bad.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not bad, "\n".join(bad)


def test_the_check_sees_dynamic_imports():
    tree = ast.parse("import importlib\nimportlib.import_module('rag.vi.text')\n"
                     "def f():\n    from rag.ingest import readers\n__import__('index.store')\n")
    names = [n for _, n in _imported(tree) if _library(n)]
    assert names == ["rag.vi.text", "rag.ingest", "index.store"] or \
        sorted(names) == sorted(["rag.vi.text", "rag.ingest", "index.store"])


def test_the_service_checks_request_bounds_for_every_front_end(tmp_path):
    import pytest
    from conftest import FakeEmbedder

    from rag.errors import QuestionError
    from rag.records import AskOptions
    from rag.service import MAX_PASSAGES, RagService
    from rag.settings import Settings
    service = RagService(Settings(index_dir=tmp_path / "i", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    for bad in (dict(top_k=0), dict(top_k=MAX_PASSAGES + 1), dict(year=1800),
                dict(doc_ids=[f"d{i}" for i in range(1001)])):
        with pytest.raises(QuestionError):
            service.search("kim ngạch xuất khẩu 2018", **bad)
    for opts in (AskOptions(passages=0), AskOptions(hits=10_000), AskOptions(year=3000)):
        with pytest.raises(QuestionError):
            service.ask("kim ngạch xuất khẩu 2018", opts)
