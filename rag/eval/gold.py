"""Gold Q&A sets: one JSON object a line (``id``, ``question``, ``answers``, ``doc_ids``,
optional ``kind``, ``tags``, ``today``, ``note``); empty ``answers`` marks an unanswerable
question.  Other fields are ignored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from rag.errors import GoldError
from rag.ingest.jsonl import json_objects

KINDS = ("figure", "statement", "multi", "relative", "partial_period", "unanswerable")
"""What a question asks for, and so how its answer is judged (``rag.eval.metrics.judge``):
one figure, a statement (a name, a number of a document, a reason), several periods or
indicators at once, a figure for a period relative to ``today``, a full period of which only
part is reported, nothing the reports hold."""

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class GoldQuestion:
    """One gold question (a line of a gold file, see :func:`load_gold`): its ``answers`` (any of
    them counts; none: it should be refused), the ``doc_ids`` that hold them, its ``kind``
    and ``tags``."""

    id: str
    question: str
    answers: tuple[str, ...]
    doc_ids: tuple[str, ...]
    kind: str | None = None
    """One of KINDS, or None (a gold set without kinds: judged as a figure or a statement
    when it has answers, else as unanswerable)."""
    tags: tuple[str, ...] = ()
    today: date | None = None
    """The day the question is asked (what "năm ngoái" counts from); None: not fixed."""
    note: str | None = None

    @property
    def answerable(self) -> bool:
        """Whether the question has gold answers (an unanswerable one should be refused)."""
        return bool(self.answers)


def load_gold(path: Path) -> list[GoldQuestion]:
    """Lines ``{"id", "question", "answers": [str], "doc_ids": [str]}`` with optional
    ``"kind"`` (one of KINDS), ``"tags": [str]``, ``"today": "YYYY-MM-DD"`` and ``"note"``;
    empty answers mark an unanswerable question.  GoldError names the file and line."""
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
        if "answers" not in rec:  # a misspelt key must not make a question unanswerable
            raise GoldError(f"{where}: missing \"answers\" (an empty list for an "
                            "unanswerable question)")
        if not _strings(answers):
            raise GoldError(f"{where}: \"answers\" must be a list of strings")
        if not _strings(doc_ids):
            raise GoldError(f"{where}: \"doc_ids\" must be a list of strings")
        if answers and not doc_ids:
            raise GoldError(f"{where}: an answerable question needs \"doc_ids\"")
        if str(qid) in seen:
            raise GoldError(f"{where}: duplicate id {qid!r}")
        seen.add(str(qid))
        answers = tuple(a for a in answers if a.strip())
        out.append(GoldQuestion(str(qid), question, answers, tuple(doc_ids),
                                kind=_kind(rec, where, bool(answers)),
                                tags=_tags(rec, where), today=_today(rec, where),
                                note=_note(rec, where)))
    if not out:
        raise GoldError(f"{path}: no questions")
    return out


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _kind(rec: dict[str, Any], where: str, answerable: bool) -> str | None:
    kind = rec.get("kind")
    if kind is None:
        return None
    if kind not in KINDS:
        raise GoldError(f"{where}: unknown \"kind\" {kind!r}: use {', '.join(KINDS)}")
    if (kind == "unanswerable") == answerable:
        raise GoldError(f"{where}: a question of kind {kind!r} needs "
                        + ("empty \"answers\"" if answerable else "\"answers\""))
    return str(kind)


def _tags(rec: dict[str, Any], where: str) -> tuple[str, ...]:
    tags = rec.get("tags", [])
    if not _strings(tags):
        raise GoldError(f"{where}: \"tags\" must be a list of strings")
    return tuple(tags)


def _today(rec: dict[str, Any], where: str) -> date | None:
    today = rec.get("today")
    if today is None:
        return None
    try:
        if not isinstance(today, str) or not _DATE_RE.fullmatch(today):
            raise ValueError
        return date.fromisoformat(today)
    except ValueError:
        raise GoldError(f"{where}: \"today\" must be a date YYYY-MM-DD, not {today!r}") from None


def _note(rec: dict[str, Any], where: str) -> str | None:
    note = rec.get("note")
    if note is not None and not isinstance(note, str):
        raise GoldError(f"{where}: \"note\" must be a string")
    return note
