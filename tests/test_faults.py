"""Reliability under faults, with the real things: a `rag serve` process SIGKILLed in the middle
of an index write, an index directory on a read-only mount or a full tmpfs, Slack's and Zalo's
APIs answering 429/503 (played by recording servers on loopback), and an LLM server slower
than its timeout.  Mounts need root with CAP_SYS_ADMIN; without them those tests skip."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import D001, D003, SEEDS_DIR, FakeEmbedder
from helpers import (
    QuietHandler,
    Recorded,
    ServerProcess,
    fake_api,
    free_port,
    http_server,
    serve,
    slack_api_reply,
    slack_signature,
    zalo_oa_signature,
)

from index import Index
from index.store import CURRENT, MANIFEST
from rag.ingest.readers import make_document
from rag.service import RagService
from rag.settings import Settings

Q_EXPORT = "kim ngạch xuất khẩu 2018?"
EXPORT_FIGURE = "769 triệu USD"
PAGE = 4096  # tmpfs counts whole pages


# --- shared pieces ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    current: str
    chunk_ids: tuple[str, ...]
    doc_ids: frozenset[str]


def check_index(index_dir: Path) -> Snapshot:
    """Load the live generation from disk and check that its parts agree; what it holds."""
    # Index.load checks the manifest's checksums, and that the counts of chunks, vectors and
    # BM25 rows agree with it; what is left to check is that every chunk has its document.
    index = Index.load(index_dir)
    assert {c.doc_id for c in index.chunks} == set(index.docs)
    current = (index_dir / CURRENT).read_text().strip()
    return Snapshot(current, tuple(c.id for c in index.chunks), frozenset(index.docs))


def stray(index_dir: Path, keep: set[str]) -> list[str]:
    """Directories in ``index_dir`` other than the generations in ``keep``."""
    return sorted(p.name for p in index_dir.iterdir() if p.is_dir() and p.name not in keep)


@dataclass
class Small:
    index_dir: Path
    service: RagService  # holds the loaded embedding model, shared by in-process apps


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Small:
    """One seed article (the 2018 one) indexed with the real default (onnx-e5) embedder."""
    base = tmp_path_factory.mktemp("faults")
    service = RagService(Settings(index_dir=base / "index", sessions_db=base / "s.db"))
    service.index_paths([SEEDS_DIR / f"{D001}.txt"])
    return Small(base / "index", service)


@pytest.fixture
def small_copy(small: Small, tmp_path: Path) -> Path:
    dest = tmp_path / "index"
    shutil.copytree(small.index_dir, dest)
    return dest


def settings_for(index_dir: Path, tmp_path: Path, **overrides: Any) -> Settings:
    return Settings(index_dir=index_dir, sessions_db=tmp_path / "sessions.db",
                    rate_limit_per_minute=0, **overrides)


def upload_text(tag: str) -> dict[str, str]:
    """A document of a few chunks whose every embedding input is new (the title differs)."""
    text = (SEEDS_DIR / f"{D003}.txt").read_text(encoding="utf-8")
    return {"id": f"fault-{tag}", "title": f"Báo cáo kiểm thử sự cố {tag}", "text": text}


# --- 1. SIGKILL during an index write -------------------------------------------------------


@dataclass
class DirState:
    elapsed: float
    tmp_files: set[str] | None  # files in the temp generation, None when there is none
    new_gens: list[str]


def dir_state(index_dir: Path, old_gens: set[str], t0: float) -> DirState:
    names = os.listdir(index_dir)
    files = None
    for name in names:
        if name.startswith(".tmp-gen-"):
            with contextlib.suppress(FileNotFoundError):  # renamed meanwhile
                files = set(os.listdir(index_dir / name))
    return DirState(time.monotonic() - t0, files,
                    [n for n in names if n.startswith("gen-") and n not in old_gens])


# When to kill: the server is observed (polled every millisecond) in one of these states.
KILL_POINTS: dict[str, Callable[[DirState], bool]] = {
    "while embedding": lambda s: s.elapsed >= 0.2 and s.tmp_files is None,
    "temp generation just created": lambda s: s.tmp_files is not None,
    "temp generation half written":
        lambda s: s.tmp_files is not None and "chunks.json" in s.tmp_files,
    "manifest written, files being synced":
        lambda s: s.tmp_files is not None and MANIFEST in s.tmp_files,
    "generation renamed, pointer being swapped": lambda s: bool(s.new_gens),
}


@dataclass
class Outcome:
    point: str  # where the kill was meant to land
    landed: str  # where it did: the point, or "after the write" when the upload was done
    generation: str  # "old" or "new"
    stray: list[str]  # temp generations, and generations renamed but never made live


def kill_during_uploads(server: ServerProcess, idx: Path, points: list[str]) -> list[Outcome]:
    """For each point: start the server, upload a document, SIGKILL the server once the
    index directory shows that point, then check what is on disk."""
    outcomes = []
    for point in points:
        before = check_index(idx)
        ready = server.start()
        assert ready["chunks"] == len(before.chunk_ids)  # a restart serves what is on disk
        assert ready["documents"] == len(before.doc_ids)
        doc = upload_text(f"kill{len(outcomes)}")
        old_gens = {p.name for p in idx.glob("gen-*")}
        done = threading.Event()
        answered: list[int] = []  # the upload's HTTP status, if the server answered it

        def upload(doc: dict[str, str] = doc, done: threading.Event = done,
                   answered: list[int] = answered) -> None:
            with contextlib.suppress(httpx.HTTPError):  # the server dies under it
                answered.append(httpx.post(f"{server.base}/documents", json=doc,
                                           timeout=120).status_code)
            done.set()

        thread = threading.Thread(target=upload, daemon=True)
        t0 = time.monotonic()
        thread.start()
        hit = False
        while not done.is_set() and not (hit := KILL_POINTS[point](dir_state(idx, old_gens,
                                                                            t0))):
            time.sleep(0.001)
        server.kill()
        thread.join(timeout=10)
        # landed: the point was seen, and the server died before answering the upload
        landed = point if hit and not answered else "after the write"

        after = check_index(idx)  # never a broken generation
        if after == before:
            generation = "old"
        else:  # exactly the new one: the old chunks plus the uploaded document's
            generation = "new"
            assert after.current != before.current
            assert after.doc_ids == before.doc_ids | {doc["id"]}
            assert set(before.chunk_ids) < set(after.chunk_ids)
        # Which of the two survives depends on how far the server got between the poll and
        # the kill (almost always the old one before the pointer swap); both are whole.
        outcomes.append(Outcome(point, landed, generation, stray(idx, old_gens | {after.current})))
    print("\n".join(map(str, outcomes)))
    return outcomes


@pytest.fixture
def server(small_copy: Path, cli_env: dict[str, str], tmp_path: Path) -> Iterator[ServerProcess]:
    env = {**cli_env, "RAG_SESSIONS_DB": str(tmp_path / "s.db"),
           "RAG_RATE_LIMIT_PER_MINUTE": "0"}
    proc = ServerProcess(small_copy, env, tmp_path / "server.log")
    yield proc
    proc.stop()


def test_sigkill_during_an_index_write_leaves_the_old_or_the_new_generation(
        server: ServerProcess, small_copy: Path) -> None:
    idx = small_copy
    outcomes = kill_during_uploads(server, idx, ["temp generation just created",
                                                 "temp generation half written",
                                                 "generation renamed, pointer being swapped"])
    # the kills did land inside the writes: the killed writers left directories behind
    assert any(o.stray for o in outcomes), outcomes

    # restarted, the server is ready on the surviving generation and answers
    final = check_index(idx)
    ready = server.start()
    assert ready == {"status": "ready", "documents": len(final.doc_ids),
                     "chunks": len(final.chunk_ids), "generation": final.current}
    r = httpx.post(f"{server.base}/ask", json={"question": Q_EXPORT}, timeout=60)
    assert r.status_code == 200, r.text
    assert r.json()["found"] and EXPORT_FIGURE in r.json()["answer"]
    # and the next upload succeeds and sweeps away what the killed writers left, keeping
    # only the new generation and the one live before it
    r = httpx.post(f"{server.base}/documents", json=upload_text("final"), timeout=120)
    assert r.status_code == 201, r.text
    published = check_index(idx)
    assert "fault-final" in published.doc_ids
    assert stray(idx, {final.current, published.current}) == []
    assert (idx / final.current).is_dir()


@pytest.mark.slow
def test_sigkill_before_and_at_the_end_of_an_index_write(server: ServerProcess,
                                                         small_copy: Path) -> None:
    outcomes = kill_during_uploads(server, small_copy, ["while embedding",
                                                        "manifest written, files being synced"])
    # each kill landed where it was meant to, before the upload was acknowledged
    assert [o.landed for o in outcomes] == [o.point for o in outcomes], outcomes
    # killed while embedding, nothing of the new generation was on disk yet
    assert outcomes[0].generation == "old" and outcomes[0].stray == [], outcomes[0]
    final = check_index(small_copy)
    assert server.start()["chunks"] == len(final.chunk_ids)


def test_a_generation_renamed_but_never_made_live_is_collected(tmp_path: Path) -> None:
    """What a writer killed between the rename and the pointer swap leaves: the next write
    drops that generation and keeps the one that really was live before it."""
    emb = FakeEmbedder()
    service = RagService(Settings(index_dir=tmp_path / "index"), embedder=emb)
    idx = tmp_path / "index"
    service.index_paths([SEEDS_DIR / f"{D001}.txt"])
    live = check_index(idx)
    shutil.copytree(idx / live.current, idx / "gen-000002")  # renamed, pointer not swapped
    assert check_index(idx) == live
    service.upsert([make_document("fault-orphan", "Năm 2019 sản lượng đạt 12 tấn.",
                                  source="upload")])
    published = check_index(idx)
    assert published.current == "gen-000003"
    assert stray(idx, set()) == [live.current, "gen-000003"]


# --- 2. read-only or full index directory ----------------------------------------------------


def _sh(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=30)


def _umount(path: Path) -> None:
    if _sh("umount", str(path)).returncode != 0:
        _sh("umount", "-l", str(path))


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` remounted read-only (a bind mount onto itself): even root cannot write."""
    bind = _sh("mount", "--bind", str(path), str(path))
    if bind.returncode != 0:
        pytest.skip(f"cannot bind-mount (needs root with CAP_SYS_ADMIN): {bind.stderr.strip()}")
    try:
        ro = _sh("mount", "-o", "remount,bind,ro", str(path))
        if ro.returncode != 0:
            pytest.skip(f"cannot remount read-only: {ro.stderr.strip()}")
        yield
    finally:
        _umount(path)


@contextlib.contextmanager
def tmpfs(path: Path, size: int) -> Iterator[None]:
    """A tmpfs of ``size`` bytes (whole pages) mounted on ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = _sh("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (needs root with CAP_SYS_ADMIN): "
                    f"{mounted.stderr.strip()}")
    try:
        yield
    finally:
        _umount(path)


def pages(root: Path) -> int:
    return sum(-(-p.stat().st_size // PAGE) for p in root.rglob("*") if p.is_file())


WRITE_ORDER = ("texts.txt", "documents.jsonl", "chunks.json", "embeddings.npy",
               "vectors.faiss", "lexical", "restore.json", MANIFEST)  # .npy: IVF only


def room_before(gen: Path, target: str) -> int:
    """Pages the files written before ``target`` take in generation ``gen``."""
    before = WRITE_ORDER[:WRITE_ORDER.index(target)]
    total = 0
    for name in before:
        p = gen / name
        if p.exists():  # embeddings.npy only for an IVF index
            total += pages(p) if p.is_dir() else -(-p.stat().st_size // PAGE)
    return total


def full_disk_size(index_dir: Path, next_gen: Path, target: str) -> int:
    """A tmpfs size that holds ``index_dir`` and the next generation up to ``target`` only."""
    assert (next_gen / target).stat().st_size > 0
    return (pages(index_dir) + room_before(next_gen, target)) * PAGE


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    return lines[0]


@pytest.fixture
def new_doc(tmp_path: Path) -> Path:
    """A short article (one chunk) for `rag index` to add."""
    path = tmp_path / "docs" / "fault-new.txt"
    path.parent.mkdir()
    path.write_text("Báo cáo thử nghiệm sự cố ghi chỉ mục\n\nNăm 2019, sản lượng hồi khô của "
                    "tỉnh Lạng Sơn đạt 4.321 tấn, tăng 12% so với cùng kỳ.\n", encoding="utf-8")
    return path


def rag_cli(env: dict[str, str], *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=180)


def test_cli_index_into_a_read_only_dir_is_one_clear_line(small_copy: Path, new_doc: Path,
                                                          cli_env: dict[str, str]) -> None:
    before = check_index(small_copy)
    files = sorted(p.name for p in small_copy.iterdir())
    with read_only(small_copy):
        proc = rag_cli(cli_env, "index", new_doc, "--index-dir", small_copy)
        line = one_line_error(proc)
        assert str(small_copy) in line and "Read-only file system" in line, line
        assert check_index(small_copy) == before
    assert check_index(small_copy) == before
    assert sorted(p.name for p in small_copy.iterdir()) == files


@pytest.mark.parametrize("target", ["documents.jsonl", "vectors.faiss"])
def test_cli_index_onto_a_full_disk_is_one_clear_line(small: Small, new_doc: Path,
                                                      cli_env: dict[str, str], tmp_path: Path,
                                                      target: str) -> None:
    """The disk fills up while ``target`` of the new generation is written."""
    dry = tmp_path / "dry"  # the same update on an ordinary disk: the sizes to expect
    shutil.copytree(small.index_dir, dry)
    RagService(Settings(index_dir=dry), embedder=small.service.embedder).index_paths([new_doc])
    mnt = tmp_path / "mnt"
    with tmpfs(mnt, full_disk_size(small.index_dir, dry / check_index(dry).current, target)):
        idx = mnt / "index"
        shutil.copytree(small.index_dir, idx)
        before = check_index(idx)
        proc = rag_cli(cli_env, "index", new_doc, "--index-dir", idx)
        line = one_line_error(proc)
        assert str(idx) in line and "No space left on device" in line, line
        assert check_index(idx) == before
        assert stray(idx, {before.current}) == []  # the half-written generation is removed
        # besides the vector cache, which keeps what was embedded for the next run
        assert sorted(p.name for p in idx.iterdir()
                      if not p.name.startswith("embeddings.sqlite")) == \
            [".lock", CURRENT, before.current]


@pytest.fixture
def fake_index(tmp_path: Path) -> tuple[Path, FakeEmbedder]:
    """The 2018 article indexed with the fake embedder (these tests are about storage)."""
    emb = FakeEmbedder()
    RagService(Settings(index_dir=tmp_path / "fake-index"), embedder=emb).index_paths(
        [SEEDS_DIR / f"{D001}.txt"])
    return tmp_path / "fake-index", emb


def _ask(base: str) -> dict[str, Any]:
    r = httpx.post(f"{base}/ask", json={"question": Q_EXPORT}, timeout=30)
    assert r.status_code == 200, r.text
    return dict(r.json())


def _same_answer(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("answer", "found", "answer_sentence", "citations")
    return all(a[k] == b[k] for k in keys)


def test_upload_to_a_read_only_index_dir_is_refused_and_the_old_index_serves(
        fake_index: tuple[Path, FakeEmbedder], tmp_path: Path) -> None:
    idx, emb = fake_index
    before = check_index(idx)
    settings = settings_for(idx, tmp_path)
    with serve(settings, RagService(settings, embedder=emb)) as base:
        first = _ask(base)
        with read_only(idx):
            r = httpx.post(f"{base}/documents", json=upload_text("ro"), timeout=30)
            assert r.status_code == 503, r.text
            detail = r.json()["detail"]
            assert "cannot be written" in detail and str(idx) not in detail, detail
            assert _same_answer(_ask(base), first)
            ready = httpx.get(f"{base}/readyz", timeout=10).json()
            assert ready["chunks"] == len(before.chunk_ids)
            assert httpx.get(f"{base}/documents/fault-ro", timeout=10).status_code == 404
        assert check_index(idx) == before
        # once the directory is writable again, the same upload goes through
        r = httpx.post(f"{base}/documents", json=upload_text("ro"), timeout=30)
        assert r.status_code == 201, r.text
    assert "fault-ro" in check_index(idx).doc_ids


def test_upload_onto_a_full_disk_is_507_and_the_old_index_serves(
        fake_index: tuple[Path, FakeEmbedder], tmp_path: Path) -> None:
    src, emb = fake_index
    doc = upload_text("full")
    dry = tmp_path / "dry"
    shutil.copytree(src, dry)
    RagService(Settings(index_dir=dry), embedder=emb).upsert([make_document(
        doc["id"], doc["text"], title=doc["title"], source="upload")])
    mnt = tmp_path / "mnt"
    with tmpfs(mnt, full_disk_size(src, dry / check_index(dry).current, "vectors.faiss")):
        idx = mnt / "index"
        shutil.copytree(src, idx)
        before = check_index(idx)
        settings = settings_for(idx, tmp_path)
        with serve(settings, RagService(settings, embedder=emb)) as base:
            first = _ask(base)
            r = httpx.post(f"{base}/documents", json=doc, timeout=30)
            assert r.status_code == 507, r.text
            detail = r.json()["detail"]
            assert "cannot be written" in detail and str(idx) not in detail, detail
            assert _same_answer(_ask(base), first)
            assert check_index(idx) == before
            assert stray(idx, {before.current}) == []


# --- 3. Slack and Zalo answering 429 / 5xx ------------------------------------------------


def _backoff(calls: list[Recorded]) -> float:
    return calls[1].at - calls[0].at


ZALO_APP, ZALO_OA_SECRET, ZALO_BOT_TOKEN, ZALO_BOT_SECRET = "app1", "oasecret", "faultbot7", "bs1"
ZALO_CS = "/v3.0/oa/message/cs"


def _zalo_reply(path: str, body: dict[str, Any]) -> dict[str, Any]:
    if path.endswith(ZALO_CS):
        return {"error": 0, "message": "Success", "data": {"message_id": "m1"}}
    return {"ok": True, "result": {"message_id": "b1"}}


@pytest.mark.parametrize("platform, status, headers, min_wait", [
    ("oa", 429, {"Retry-After": "1"}, 1.0),
    ("oa", 503, {}, 0.5),
    ("bot", 502, {}, 0.5),
])
def test_zalo_retries_429_and_5xx_once_with_backoff_and_replies_once(
        small: Small, tmp_path: Path, platform: str, status: int, headers: dict[str, str],
        min_wait: float) -> None:
    with fake_api(_zalo_reply) as api:
        settings = settings_for(
            small.index_dir, tmp_path, zalo_app_id=ZALO_APP, zalo_oa_secret_key=ZALO_OA_SECRET,
            zalo_access_token="tok", zalo_api_base_url=api.base, zalo_bot_token=ZALO_BOT_TOKEN,
            zalo_bot_secret_token=ZALO_BOT_SECRET, zalo_bot_api_base_url=api.base)
        path = ZALO_CS if platform == "oa" else f"/bot{ZALO_BOT_TOKEN}/sendMessage"
        api.failures.append((path, status, headers))
        with serve(settings, RagService(settings, embedder=small.service.embedder)) as base:
            if platform == "oa":
                event = {"app_id": ZALO_APP, "event_name": "user_send_text",
                         "timestamp": str(int(time.time() * 1000)), "sender": {"id": "u1"},
                         "recipient": {"id": "oa1"},
                         "message": {"text": Q_EXPORT, "msg_id": "msg-1"}}
                raw = json.dumps(event, ensure_ascii=False).encode()
                r = httpx.post(f"{base}/zalo/webhook", content=raw, timeout=10,
                               headers=zalo_oa_signature(raw, event["timestamp"], ZALO_APP,
                                                         ZALO_OA_SECRET))
            else:
                r = httpx.post(f"{base}/zalo-bot/webhook", timeout=10,
                               headers={"X-Bot-Api-Secret-Token": ZALO_BOT_SECRET},
                               json={"event_name": "message.text.received", "message": {
                                   "text": Q_EXPORT, "message_id": "msg-1",
                                   "chat": {"id": "c1"}, "from": {"id": "c1"}}})
            assert r.status_code == 200 and r.json() == {"ok": True}
            api.wait(path, 2)
            time.sleep(0.6)  # room for a duplicate that must not come
            calls = api.to(path)
    assert [c.status for c in calls] == [status, 200]
    assert _backoff(calls) >= min_wait
    text = calls[1].body["message"]["text"] if platform == "oa" else calls[1].body["text"]
    assert calls[0].body == calls[1].body  # the same reply, retried, delivered once
    assert EXPORT_FIGURE in text


SLACK_SECRET, SLACK_TOKEN = "faults-signing-secret", "xoxb-faults"


@pytest.mark.parametrize("status, headers, min_wait", [
    (429, {"Retry-After": "1"}, 1.0),
    (503, {}, 0.5),
])
def test_slack_retries_429_and_5xx_with_backoff_and_posts_once(
        small: Small, tmp_path: Path, status: int, headers: dict[str, str],
        min_wait: float) -> None:
    with fake_api(slack_api_reply) as api:
        settings = settings_for(small.index_dir, tmp_path, slack_bot_token=SLACK_TOKEN,
                                slack_signing_secret=SLACK_SECRET,
                                slack_api_base_url=f"{api.base}/api/")
        api.failures.append(("/chat.postMessage", status, headers))
        with serve(settings, RagService(settings, embedder=small.service.embedder)) as base:
            ts = f"{time.time():.6f}"
            body = json.dumps({
                "token": "legacy", "team_id": "T1", "api_app_id": "A1",
                "type": "event_callback", "event_id": "EvFAULT1", "event_time": int(time.time()),
                "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
                "event": {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {Q_EXPORT}",
                          "ts": ts, "channel": "C1", "team": "T1"}},
                ensure_ascii=False).encode()
            r = httpx.post(f"{base}/slack/events", content=body, timeout=10, headers={
                "content-type": "application/json", **slack_signature(body, SLACK_SECRET)})
            assert r.status_code == 200
            api.wait("/chat.postMessage", 2)
            time.sleep(0.6)  # room for a duplicate that must not come
            calls = api.to("/chat.postMessage")
    assert [c.status for c in calls] == [status, 200]
    assert _backoff(calls) >= min_wait
    assert calls[0].body == calls[1].body
    assert calls[1].body["thread_ts"] == ts and calls[1].body["channel"] == "C1"
    assert EXPORT_FIGURE in calls[1].body["text"]


# --- 4. the LLM server slow or down ----------------------------------------------------------


LLM_TIMEOUT = 1.0


@contextlib.contextmanager
def slow_llm(how: str) -> Iterator[str]:
    """An OpenAI-compatible server that answers too late: ``sleep`` before the headers, or
    ``trickle`` a byte of padding every 0.3 s after them.  Yields its base URL."""

    class Handler(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            self.rfile.read(int(self.headers.get("content-length") or 0))
            body = json.dumps({"choices": [{"index": 0, "message": {
                "role": "assistant", "content": f"Đạt {EXPORT_FIGURE} [1]."}}]}).encode()
            pad = b" " * 12
            try:
                if how == "sleep":
                    time.sleep(4 * LLM_TIMEOUT)
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(pad) + len(body)))
                self.end_headers()
                for byte in pad if how == "trickle" else b"":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)
                self.wfile.write(body if how == "trickle" else pad + body)
            except OSError:  # the client gave up
                pass

    with http_server(Handler) as base:
        yield f"{base}/v1"


@pytest.mark.parametrize("how", ["sleep", "trickle", "down"])
def test_generative_ask_falls_back_to_extractive_within_the_timeout(
        small: Small, tmp_path: Path, how: str) -> None:
    with contextlib.ExitStack() as stack:
        url = (f"http://127.0.0.1:{free_port()}/v1" if how == "down"
               else stack.enter_context(slow_llm(how)))
        settings = settings_for(small.index_dir, tmp_path, llm_base_url=url,
                                llm_model="test-model", llm_timeout=LLM_TIMEOUT)
        base = stack.enter_context(
            serve(settings, RagService(settings, embedder=small.service.embedder)))
        _ask(base)  # warm: the question's vector is cached, so the clock times the LLM only
        t0 = time.monotonic()
        r = httpx.post(f"{base}/ask", json={"question": Q_EXPORT, "mode": "generative"},
                       timeout=30)
        elapsed = time.monotonic() - t0
    assert r.status_code == 200, r.text
    d = r.json()
    assert elapsed < LLM_TIMEOUT + 2.0, elapsed
    assert d["mode"] == "extractive" and d["found"] and EXPORT_FIGURE in d["answer"]
    assert d["note"].startswith("generative answer not used: ")
    assert ("connection" if how == "down" else "timeout") in d["note"]
