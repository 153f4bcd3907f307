"""The dev4 development set (tests/data/dev4): every gold line loads as `rag eval` reads it,
and every expected answer occurs in one of the documents it cites (text read by the project's
own ingest readers), in its own round.  Fast: no question is asked."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import rag
from rag.eval.gold import KINDS, load_gold

DEV4 = Path(rag.__file__).resolve().parents[1] / "tests/data/dev4"


def checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev4_check_gold", DEV4 / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def round_dirs() -> list[Path]:
    if not DEV4.is_dir():
        return []
    return sorted(p for p in DEV4.iterdir() if (p / "questions.jsonl").is_file())


def test_dev4_has_its_rounds() -> None:
    names = [p.name for p in round_dirs()]
    assert len(names) == 14, names
    for p in round_dirs():
        assert (p / "docs").is_dir() and any((p / "docs").iterdir()), p


@pytest.mark.parametrize("round_dir", round_dirs(), ids=lambda p: p.name)
def test_gold_lines_load_with_kind_and_day(round_dir: Path) -> None:
    gold = load_gold(round_dir / "questions.jsonl")
    assert gold
    for q in gold:
        assert q.kind in KINDS and q.kind != "statement", q.id
        assert q.today is not None, q.id
        assert q.id.startswith(round_dir.name + "-"), q.id
        assert (q.kind == "unanswerable") == (not q.answers), q.id
        assert (q.kind == "unanswerable") == (not q.doc_ids), q.id
        if q.kind == "multi":
            assert len(q.answers) >= 2, q.id
        if q.kind == "partial_period":
            assert q.note, q.id


@pytest.mark.parametrize("round_dir", round_dirs(), ids=lambda p: p.name)
def test_every_answer_occurs_in_its_documents(round_dir: Path) -> None:
    assert checker().check_round(round_dir) == []


def test_ids_unique_across_rounds() -> None:
    ids = [q.id for p in round_dirs() for q in load_gold(p / "questions.jsonl")]
    assert ids and len(ids) == len(set(ids))


def test_checker_reads_documents_with_the_ingest_readers(tmp_path: Path) -> None:
    docs = tmp_path / "x1" / "docs"
    docs.mkdir(parents=True)
    (docs / "ban-tin.html").write_text(
        "<html><body><p>Sản lượng chè búp tươi quý II đạt 4.215&nbsp;tấn.</p></body></html>\n",
        encoding="utf-8")
    (tmp_path / "x1" / "questions.jsonl").write_text(
        '{"id": "x1-q1", "question": "sản lượng chè quý II?", "answers": ["4.215 tấn"], '
        '"doc_ids": ["ban-tin"], "kind": "figure", "today": "2040-07-01"}\n'
        '{"id": "x1-q2", "question": "sản lượng chè quý I?", "answers": ["3.980"], '
        '"doc_ids": ["ban-tin"], "kind": "figure", "today": "2040-07-01"}\n',
        encoding="utf-8")
    problems = checker().check_round(tmp_path / "x1")
    assert len(problems) == 1 and "x1-q2" in problems[0] and "3.980" in problems[0]
