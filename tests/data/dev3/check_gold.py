#!/usr/bin/env python3
"""Check the dev3 gold questions against their round's documents.

dev3 holds one folder per break-test round (``r13/`` …, ``c18/``), each with ``docs/`` and
``questions.jsonl``.  For every question this checks that the line is well formed for
``rag eval`` (``rag.eval.gold.load_gold``: id, question, answers, doc_ids, kind, today), that
every doc id names a file of the round's ``docs/`` (by stem), and that every gold answer occurs
in the text of at least one of its documents after the light normalisation of
``../dev2/check_gold.py`` (NFC, invisible characters dropped, white space collapsed; case,
diacritics and separators as written).  Text is extracted by dev2's script; Markdown (.md),
which it does not read, is read as plain text.

Usage: python3 tests/data/dev3/check_gold.py [ROUND ...]   (exit 0 when every check passes)
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def dev2_checker() -> ModuleType:
    """dev2's check_gold.py as a module (its ``extract`` and ``normalise``)."""
    spec = importlib.util.spec_from_file_location("dev2_check_gold",
                                                  HERE.parent / "dev2" / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rounds() -> list[Path]:
    """The round folders of dev3 (those with docs/ and questions.jsonl), sorted by name."""
    return sorted(p for p in HERE.iterdir()
                  if (p / "docs").is_dir() and (p / "questions.jsonl").is_file())


def doc_texts(round_dir: Path) -> dict[str, str]:
    """{document id (file stem): normalised text} of ``round_dir/docs``.  Raises ValueError for
    a document whose text cannot be extracted (every dev3 format can be)."""
    checker = dev2_checker()
    texts: dict[str, str] = {}
    for path in sorted((round_dir / "docs").iterdir()):
        raw = path.read_text(encoding="utf-8") if path.suffix.lower() == ".md" \
            else checker.extract(path)
        if raw is None:
            raise ValueError(f"{path}: no text extractor")
        texts[path.stem] = checker.normalise(raw)
    return texts


def check_round(round_dir: Path) -> list[str]:
    """Problems of one round's gold: an empty list when every line loads and every answer
    occurs in one of its cited documents."""
    sys.path.insert(0, str(HERE.parents[2]))
    from rag.eval.gold import load_gold

    normalise = dev2_checker().normalise
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
