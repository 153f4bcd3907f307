"""Gold Q&A sets: one JSON object a line (``id``, ``question``, ``answers``, ``doc_ids``,
optional ``kind``, ``tags``, ``today``); empty ``answers`` marks an unanswerable question."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rag.errors import GoldError
from rag.ingest.jsonl import json_objects


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    answers: tuple[str, ...]
    doc_ids: tuple[str, ...]

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def load_gold(path: Path) -> list[GoldQuestion]:
    """Lines ``{"id", "question", "answers": [str], "doc_ids": [str]}``; empty answers mark an
    unanswerable question."""
    if not path.is_file():
        raise GoldError(f"{path}: no such file")
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: not UTF-8 text") from exc
    out: list[GoldQuestion] = []
    seen: set[str] = set()
    for where, rec in json_objects(path, raw, GoldError):
        qid, question = rec.get("id"), rec.get("question")
        answers, doc_ids = rec.get("answers", []), rec.get("doc_ids", [])
        if not isinstance(qid, str | int) or not str(qid).strip():
            raise GoldError(f"{where}: missing \"id\"")
        if not isinstance(question, str) or not question.strip():
            raise GoldError(f"{where}: missing or empty \"question\"")
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise GoldError(f"{where}: \"answers\" must be a list of strings")
        if not isinstance(doc_ids, list) or not all(isinstance(d, str) for d in doc_ids):
            raise GoldError(f"{where}: \"doc_ids\" must be a list of strings")
        if answers and not doc_ids:
            raise GoldError(f"{where}: an answerable question needs \"doc_ids\"")
        if str(qid) in seen:
            raise GoldError(f"{where}: duplicate id {qid!r}")
        seen.add(str(qid))
        out.append(GoldQuestion(str(qid), question, tuple(a for a in answers if a.strip()),
                                tuple(doc_ids)))
    if not out:
        raise GoldError(f"{path}: no questions")
    return out


# --- answer normalisation ----------------------------------------------------------------------


