"""Multi-turn chat on the real seed index with a real SQLite sessions file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import GOLD, SeedIndex, rag_executable

from rag.service import RagService
from rag.settings import Settings


@pytest.fixture
def chat_service(seed: SeedIndex, tmp_path: Path) -> RagService:
    service = RagService(Settings(index_dir=seed.index_dir, sessions_db=tmp_path / "s.db"),
                         embedder=seed.service.embedder)
    return service


def test_follow_ups_resolve_against_the_previous_turn(chat_service: RagService) -> None:
    first = chat_service.chat("kim ngạch xuất khẩu 2018?")
    sid = first.session_id
    assert first.answer == "769 triệu USD" and first.resolved_question == first.question
    second = chat_service.chat("còn nhập khẩu?", sid)
    assert second.session_id == sid
    assert second.resolved_question == "kim ngạch nhập khẩu 2018?"
    assert second.answer == "464 triệu USD"
    history = chat_service.history(sid)
    assert history is not None and [t.question for t in history.turns] == [
        "kim ngạch xuất khẩu 2018?", "còn nhập khẩu?"]
    assert history.turns[1].answer["answer"] == "464 triệu USD"


def test_year_follow_up_keeps_the_indicator(chat_service: RagService) -> None:
    sid = chat_service.chat("kim ngạch xuất khẩu 2018?").session_id
    a = chat_service.chat("năm 2024 thì sao?", sid)
    assert "xuất khẩu" in a.resolved_question and "2024" in a.resolved_question
    assert "2018" not in a.resolved_question
    assert a.found and a.answer == "1.874,1 triệu USD"


def test_sessions_survive_a_new_service_and_unknown_ids_fail(chat_service: RagService,
                                                             seed: SeedIndex) -> None:
    sid = chat_service.chat("kim ngạch xuất khẩu 2018?").session_id
    again = RagService(chat_service.settings, embedder=seed.service.embedder)
    a = again.chat("còn nhập khẩu?", sid)
    assert a.answer == "464 triệu USD"
    with pytest.raises(KeyError):
        again.chat("còn nhập khẩu?", "no-such-session")
    with pytest.raises(ValueError):
        again.chat("  ", sid)


def _rag(args: list[str], env: dict[str, str], stdin: str | None = None):
    return subprocess.run([rag_executable(), *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=120)


def test_cli_ask_json_and_chat(seed: SeedIndex, cli_env: dict[str, str], tmp_path: Path) -> None:
    env = {**cli_env, "RAG_INDEX_DIR": str(seed.index_dir),
           "RAG_SESSIONS_DB": str(tmp_path / "cli.db")}
    out = _rag(["ask", "kim ngạch xuất khẩu 2018?", "--json"], env)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["answer"] == "769 triệu USD" and d["found"] and d["mode"] == "extractive"
    assert d["citations"][0]["doc_id"] == "001_4abd8e79b56c82e3"
    chat = _rag(["chat"], env, stdin="kim ngạch xuất khẩu 2018?\ncòn nhập khẩu?\n")
    assert chat.returncode == 0, chat.stderr
    assert "769 triệu USD" in chat.stdout and "464 triệu USD" in chat.stdout
    assert "kim ngạch nhập khẩu 2018?" in chat.stdout


def test_cli_eval_reports_answer_and_refusal_accuracy(seed: SeedIndex, cli_env: dict[str, str],
                                                      tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    gold.write_text("\n".join(lines[32:36] + lines[-3:]) + "\n", encoding="utf-8")
    out = _rag(["eval", str(gold), "--json", "--index-dir", str(seed.index_dir)], cli_env)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert {"answer_accuracy", "refusal_accuracy", "hit@1"} <= set(d["metrics"])
    row = d["questions"][0]
    assert {"answer", "found", "citations", "hits", "latency_ms"} <= set(row)
    assert d["metrics"]["refusal_accuracy"] == 1.0
