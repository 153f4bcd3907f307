"""The `rag` console script, run as a subprocess against temp index dirs."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import D000, D001, D004, SEEDS_DIR, rag_executable

HIT_FIELDS = {"rank", "doc_id", "chunk_id", "title", "date", "text", "start", "end", "score"}


def rag(env: dict[str, str], *args: str | Path, cwd: Path | None = None,
        timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([rag_executable(), *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=timeout)


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *fragments: str) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("error: ")
    for f in fragments:
        assert f in lines[0], (f, lines[0])
    assert proc.stdout == ""
    return lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, cli_env):
    """`rag index` on a temp copy of two seed articles."""
    base = tmp_path_factory.mktemp("cli")
    docs = base / "docs"
    docs.mkdir()
    for doc_id in (D001, D004):
        shutil.copy(SEEDS_DIR / f"{doc_id}.txt", docs)
    index_dir = base / "index"
    proc = rag(cli_env, "index", docs, "--index-dir", index_dir, cwd=base)
    return base, docs, index_dir, proc


def test_index_prints_indexed(built, cli_env):
    base, _docs, index_dir, proc = built
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("indexed 2 documents, 10 chunks in ")
    assert str(index_dir) in proc.stdout
    assert "(2 added, 0 changed, 0 removed, 0 unchanged; 10 chunks embedded, 0 reused;" \
        in proc.stdout
    assert (index_dir / "CURRENT").read_text() == "gen-000001"
    # nothing went to the default index dir
    assert not Path(cli_env["RAG_INDEX_DIR"]).exists()


def test_index_again_json_reuses_everything(built, cli_env, tmp_path):
    _base, docs, index_dir, _ = built
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    proc = rag(cli_env, "index", docs, "--index-dir", copy, "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["embedded"] == 0 and report["reused"] == report["chunks"] == 10
    assert report["unchanged"] == 2
    assert report["index_dir"] == str(copy)


def test_search_json(built, cli_env):
    _base, _docs, index_dir, _ = built
    proc = rag(cli_env, "search", "kim ngạch xuất khẩu 2018?", "--index-dir", index_dir,
               "--json", "--top-k", "3")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"query", "hits"}
    assert data["query"] == "kim ngạch xuất khẩu 2018?"
    assert len(data["hits"]) == 3
    for h in data["hits"]:
        assert set(h) >= HIT_FIELDS
        assert isinstance(h["score"], float)
        assert isinstance(h["start"], int) and isinstance(h["end"], int)
        assert h["end"] - h["start"] == len(h["text"])
    top = data["hits"][0]
    assert top["rank"] == 1
    assert top["doc_id"] == D001
    assert "769 triệu USD" in top["text"]
    assert top["date"] == "2018-05-22"
    assert top["title"].startswith("Ngành Công thương Lạng Sơn")
    assert top["chunk_id"].startswith(f"{D001}:{top['start']}:")


def test_search_plain_text(built, cli_env):
    _base, _docs, index_dir, _ = built
    proc = rag(cli_env, "search", "tổng mức bán lẻ 6 tháng 2023", "--index-dir", index_dir,
               "--top-k", "2")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("1. [")
    assert f"({D004} " in lines[0]
    assert len([ln for ln in lines if ln[:1].isdigit()]) == 2


def test_eval_json(built, cli_env, tmp_path):
    _base, _docs, index_dir, _ = built
    gold = tmp_path / "gold.jsonl"
    recs = [
        {"id": "c1", "question": "Kim ngạch xuất khẩu quý I/2018 của Lạng Sơn là bao nhiêu?",
         "answers": ["769 triệu USD"], "doc_ids": [D001]},
        {"id": "c2", "question": "tong muc ban le hang hoa 6 thang dau nam 2023",
         "answers": ["14.659,9 tỷ đồng"], "doc_ids": [D004]},
        {"id": "c3", "question": "Kim ngạch xuất khẩu năm 2019 là bao nhiêu?", "answers": [],
         "doc_ids": []},
    ]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n",
                    encoding="utf-8")
    proc = rag(cli_env, "eval", gold, "--index-dir", index_dir, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"metrics", "config", "reliability", "questions"}
    m = data["metrics"]
    assert {"hit@1", "hit@5", "mrr@10", "latency_p50_ms", "latency_p95_ms",
            "wrong_at_0.9"} <= set(m)
    assert sum(b["count"] for b in data["reliability"]) == \
        sum(1 for q in data["questions"] if q["found"])
    assert (m["questions"], m["answerable"]) == (3.0, 2.0)
    assert m["hit@5"] == 1.0
    assert [q["id"] for q in data["questions"]] == ["c1", "c2", "c3"]
    for q in data["questions"]:
        assert isinstance(q["hits"], list) and q["hits"]
        assert set(q["hits"][0]) >= HIT_FIELDS
        assert isinstance(q["latency_ms"], float) and q["latency_ms"] >= 0
    assert data["questions"][2]["rank"] is None


# --- errors: one line on stderr, exit 1, no traceback ------------------------------------------


def test_error_missing_path(built, cli_env, tmp_path):
    missing = tmp_path / "nope.txt"
    proc = rag(cli_env, "index", missing, "--index-dir", tmp_path / "idx")
    assert_one_line_error(proc, str(missing), "no such file or directory")
    assert not (tmp_path / "idx").exists()


def test_error_empty_file(built, cli_env, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = rag(cli_env, "index", empty, "--index-dir", tmp_path / "idx")
    assert_one_line_error(proc, str(empty), "empty")


def test_error_binary_file(built, cli_env, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
    proc = rag(cli_env, "index", binary, "--index-dir", tmp_path / "idx")
    assert_one_line_error(proc, str(binary), "binary")


def test_error_search_without_index(built, cli_env, tmp_path):
    proc = rag(cli_env, "search", "kim ngạch xuất khẩu", "--index-dir", tmp_path / "no-index")
    assert_one_line_error(proc, "no index in", str(tmp_path / "no-index"), "rag index")


def test_error_eval_malformed_gold(built, cli_env, tmp_path):
    _base, _docs, index_dir, _ = built
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "question": "q?", "answers": ["x"], "doc_ids": ["d"]}\n'
                    '{"id": "b", "question": \n', encoding="utf-8")
    proc = rag(cli_env, "eval", gold, "--index-dir", index_dir)
    assert_one_line_error(proc, f"{gold}:2", "not valid JSON")


@pytest.mark.parametrize("command", ["search", "index"])
def test_error_index_built_with_another_embedder(built, cli_env, command):
    _base, docs, index_dir, _ = built
    before = (index_dir / "CURRENT").read_text()
    target = "kim ngạch xuất khẩu" if command == "search" else str(docs)
    proc = rag(cli_env, command, target, "--index-dir", index_dir,
               "--embedder", "sentence-transformers", "--model", "all-MiniLM-L6-v2")
    assert_one_line_error(proc, "rebuild", "onnx-e5", "sentence-transformers")
    assert (index_dir / "CURRENT").read_text() == before


def test_error_empty_question(built, cli_env):
    _base, _docs, index_dir, _ = built
    proc = rag(cli_env, "search", "   ", "--index-dir", index_dir)
    assert_one_line_error(proc, "empty")


def test_error_after_embedding_started_is_one_line(cli_env, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS_DIR / f"{D004}.txt", docs)
    not_a_dir = tmp_path / "index-is-a-file"
    not_a_dir.write_text("not a directory\n", encoding="utf-8")
    proc = rag(cli_env, "index", docs, "--index-dir", not_a_dir)
    assert proc.returncode == 1
    assert not_a_dir.read_text(encoding="utf-8") == "not a directory\n"
    assert_one_line_error(proc, "cannot write to index directory", str(not_a_dir))


def test_failed_index_leaves_existing_index_unchanged(built, cli_env, tmp_path):
    _base, docs, index_dir, _ = built
    idx = tmp_path / "index"
    shutil.copytree(index_dir, idx)
    folder = tmp_path / "docs"
    shutil.copytree(docs, folder)
    question = "kim ngạch xuất khẩu 2018?"

    before = rag(cli_env, "search", question, "--index-dir", idx, "--json")
    assert before.returncode == 0, before.stderr
    current = (idx / "CURRENT").read_text()
    gens = sorted(p.name for p in idx.iterdir())

    # an edited article and a binary file: with --strict the whole run must fail before
    # touching the index (without it the binary file is skipped and named)
    f = folder / f"{D001}.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n\nĐoạn mới về xuất khẩu.", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    failed = rag(cli_env, "index", folder, "--index-dir", idx, "--strict")
    assert_one_line_error(failed, str(folder / "scan.txt"), "binary")

    assert (idx / "CURRENT").read_text() == current
    assert sorted(p.name for p in idx.iterdir()) == gens
    after = rag(cli_env, "search", question, "--index-dir", idx, "--json")
    assert after.returncode == 0, after.stderr
    hits_before = json.loads(before.stdout)["hits"]
    hits_after = json.loads(after.stdout)["hits"]
    assert [(h["chunk_id"], h["text"]) for h in hits_after] == \
        [(h["chunk_id"], h["text"]) for h in hits_before]
    assert [h["score"] for h in hits_after] == pytest.approx([h["score"] for h in hits_before],
                                                             abs=1e-4)



def test_a_group_without_its_command_shows_its_help_and_commands(cli_env):
    proc = rag(cli_env, "db")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("Usage: rag db [OPTIONS] COMMAND [ARGS]...")
    assert "  status " in proc.stderr and "  upgrade " in proc.stderr
    assert proc.stderr.splitlines()[-1] == \
        "error: rag db needs a command: status, upgrade (see rag db COMMAND --help)"


def test_a_rebuild_names_the_documents_it_removed(built, cli_env, tmp_path):
    """Documents not in the folders a rebuild reads (uploads, another folder's) are counted
    removed and named in a warning, not reported as "0 removed"."""
    _base, docs, index_dir, _ = built
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SEEDS_DIR / f"{D000}.txt", other)
    assert rag(cli_env, "index", other, "--index-dir", copy).returncode == 0
    proc = rag(cli_env, "index", docs, "--index-dir", copy, "--rebuild")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"indexed 2 documents, 10 chunks in {copy} (0 added, 0 "
                                  f"changed, 1 removed, 2 unchanged;")
    assert proc.stderr == (f"warning: --rebuild removed 1 document(s) that are not in {docs} "
                           f"(uploaded over HTTP, or indexed from another folder): {D000}\n")
