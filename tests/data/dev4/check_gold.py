#!/usr/bin/env python3
"""Check the dev4 gold questions against their round's documents.

dev4 holds one folder per break-test round (``b17f/`` … ``b17s/``), each with ``docs/`` and
``questions.jsonl``, laid out like ``../dev3``.  For every question this checks what dev3's
check_gold.py checks (the line loads with ``rag.eval.gold.load_gold``, it has a kind, its doc
ids name files of the round's ``docs/`` by stem, every gold answer occurs in the text of one of
its documents after NFC and white-space normalisation), but the text of a document is the one
the project's own ingest reader gives (``rag.ingest.readers.read_file``: title and text of
every document the file yields), since dev4's rounds hold .docx, .pdf, .xlsx and .html files.

Usage: python3 tests/data/dev4/check_gold.py [ROUND ...]   (exit 0 when every check passes)
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def dev3_checker() -> ModuleType:
    """dev3's check_gold.py as a module (its ``dev2_checker().normalise``)."""
    spec = importlib.util.spec_from_file_location("dev3_check_gold",
                                                  HERE.parent / "dev3" / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rounds() -> list[Path]:
    """The round folders of dev4 (those with docs/ and questions.jsonl), sorted by name."""
    return sorted(p for p in HERE.iterdir()
                  if (p / "docs").is_dir() and (p / "questions.jsonl").is_file())


def doc_texts(round_dir: Path) -> dict[str, str]:
    """{document id (file stem): normalised text} of ``round_dir/docs``, read by the project's
    ingest reader.  Raises ValueError for a file that yields no document."""
    sys.path.insert(0, str(HERE.parents[2]))
    from rag.ingest.readers import read_file

    normalise = dev3_checker().dev2_checker().normalise
    texts: dict[str, str] = {}
    for path in sorted((round_dir / "docs").iterdir()):
        docs = read_file(path)
        if not docs:
            raise ValueError(f"{path}: no document read")
        texts[path.stem] = normalise("\n".join(f"{d.title or ''}\n{d.text}" for d in docs))
    return texts


def check_round(round_dir: Path) -> list[str]:
    """Problems of one round's gold: an empty list when every line loads and every answer
    occurs in one of its cited documents."""
    sys.path.insert(0, str(HERE.parents[2]))
    from rag.eval.gold import load_gold

    normalise = dev3_checker().dev2_checker().normalise
    texts = doc_texts(round_dir)
    errors: list[str] = []
    for q in load_gold(round_dir / "questions.jsonl"):
        where = f"{round_dir.name}/{q.id}"
        if q.kind is None:
            errors.append(f"{where}: no kind")
        unknown = [d for d in q.doc_ids if d not in texts]
        if unknown:
            errors.append(f"{where}: unknown doc ids {unknown}")
            continue
        for a in q.answers:
            if not any(normalise(a) in texts[d] for d in q.doc_ids):
                errors.append(f"{where}: answer {a!r} not in {list(q.doc_ids)}")
    return errors


def main(argv: list[str]) -> int:
    chosen = [HERE / name for name in argv] or rounds()
    errors = [e for r in chosen for e in check_round(r)]
    for e in errors:
        print("FAIL", e)
    print(f"{len(chosen)} rounds, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
