"""Several processes on one index: writers serialised by the store's lock, each write starting
from the generation the store holds, readers following what others publish, old generations
kept while someone reads them, redeliveries answered once across processes.

The store is an index directory or a PostgreSQL database (``RAG_DATABASE_URL``): the tests that
do not depend on files run on both (the ``corpus`` fixture), against a real PostgreSQL started
by the tests (tests/pg.py).  The first tests use two services in one process (two services are
two writers with their own memory, exactly what two server processes are to the store); the
last ones start real `rag serve` and `rag index` processes."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import D001, SEEDS_DIR, FakeEmbedder
from fastapi.testclient import TestClient
from helpers import ServerProcess, fake_api, run_in_threads, slack_api_reply, slack_signature

from api.http.app import create_app
from index import Index, IndexBusyError, IndexStoreError
from index.backends import CorpusStore, open_store
from index.store import CURRENT, read_lease
from rag.chat.sessions import SessionStore
from rag.ingest.readers import make_document
from rag.records import Document
from rag.service import RagService
from rag.settings import Settings


class Corpus:
    """The test's index: the files of ``root/index`` (``url`` None), or the PostgreSQL
    database at ``url``, beside which each process keeps its caches in a directory of its own.
    Read back through the product's own stores (``index.backends.open_store``)."""

    def __init__(self, root: Path, url: str | None = None) -> None:
        self.root, self.url = root, url
        self.index_dir = root / "index"
        self._store: CorpusStore | None = None
        self._services: list[RagService] = []
        self._conn: Any = None  # the test's own connection to the database, for polling

    @property
    def kind(self) -> str:
        return "postgres" if self.url else "files"

    @property
    def store(self) -> CorpusStore:
        """The test's own store (for PostgreSQL, a pool of its own: another process's)."""
        if self._store is None:
            self._store = open_store(self.index_dir, self.url)
        return self._store

    def cache(self, name: str) -> Path:
        """The ``--index-dir`` of the process ``name``: the index itself for files, its own
        cache directory beside a database."""
        return self.index_dir if self.url is None else self.root / f"cache-{name}"

    def settings(self, name: str = "a", **overrides: Any) -> Settings:
        return Settings(index_dir=self.cache(name), sessions_db=self.root / "s.db",
                        database_url=self.url, **overrides)

    def service(self, emb: FakeEmbedder, name: str = "a", **overrides: Any) -> RagService:
        """A service of its own (a process), closed when the test ends."""
        svc = RagService(self.settings(name, **overrides), embedder=emb)
        self._services.append(svc)
        return svc

    def env(self, env: dict[str, str]) -> dict[str, str]:
        """``env`` for a `rag` process on this corpus."""
        return {**env, "RAG_DATABASE_URL": self.url} if self.url else dict(env)

    def live(self) -> str | None:
        """The generation published (CURRENT's name, or the database's live row)."""
        return self.store.live_name()

    def load(self) -> Index:
        """The live generation, its checksums verified."""
        return self.store.load()

    def docs(self) -> set[str]:
        return set(self.load().docs)

    def publishing(self) -> bool:
        """Whether a writer is in the middle of publishing: its temporary generation folder
        is there, or its publish transaction holds the live row (tests/pg.py)."""
        if self.url is None:
            return bool(list(self.index_dir.glob(".tmp-gen-*")))
        import pg
        import psycopg

        if self._conn is None:
            self._conn = psycopg.connect(self.url, autocommit=True)
        return pg.publishing(self.url, self._conn)

    def leftovers(self) -> list[str]:
        """What an interrupted write left: temporary generation folders, or rows no kept
        generation holds, generations beyond the live one and the one before it, and a
        writers' lock still held."""
        if self.url is None:
            return sorted(p.name for p in self.index_dir.glob(".tmp-gen-*"))
        import pg

        return pg.leftovers(self.url)

    def close(self) -> None:
        for svc in self._services:
            svc.close()
        if self._store is not None:
            self._store.close()
        if self._conn is not None:
            self._conn.close()


@pytest.fixture(params=["files", "postgres"])
def corpus(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Corpus]:
    """An empty corpus in an index directory, then in a fresh PostgreSQL database."""
    url = request.getfixturevalue("database_url") if request.param == "postgres" else None
    c = Corpus(tmp_path, url)
    yield c
    c.close()


def tea(doc_id: str, year: int, tonnes: str) -> Document:
    """A one-sentence report whose figure is unique to it."""
    return make_document(doc_id, f"Năm {year}, sản lượng chè Bắc Sơn đạt {tonnes} tấn, tăng "
                                 f"7,4% so với năm {year - 1}.",
                         title=f"Báo cáo chè {year}", source="upload")


def two_services(where: Path | Corpus, emb: FakeEmbedder, **overrides: Any
                 ) -> tuple[RagService, RagService]:
    """Two services (two processes) on one corpus (a path: an index directory under it),
    the first having published one document."""
    corpus = where if isinstance(where, Corpus) else Corpus(where)
    a, b = corpus.service(emb, "a", **overrides), corpus.service(emb, "b", **overrides)
    a.upsert([tea("base", 2020, "1.000")])
    assert set(b.index.docs) == {"base"}  # b holds the first generation in memory
    return a, b


# --- writers start from the generation in the store ----------------------------------------


def test_a_write_starts_from_the_generation_in_the_store_not_from_memory(
        corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    """The lost upload of two servers: b's memory is stale when a publishes, and b's next
    write must not drop what a added."""
    a, b = two_services(corpus, fake_embedder, index_poll_seconds=0)
    a.upsert([tea("mw1", 2026, "4.321")])
    b.upsert([tea("mw2", 2025, "4.020")])
    assert corpus.docs() == {"base", "mw1", "mw2"}
    # the same for `rag index`, which writes through index_paths
    folder = corpus.root / "docs"
    folder.mkdir()
    (folder / "cli1.txt").write_text("Báo cáo\n\nNăm 2024, sản lượng chè đạt 3.900 tấn.",
                                     encoding="utf-8")
    a.index_paths([folder])
    b.upsert([tea("mw3", 2024, "3.950")])
    assert corpus.docs() == {"base", "mw1", "mw2", "mw3", "cli1"}
    # a deletion finds a document this process never loaded
    assert a.remove(["mw3"]).removed == ["mw3"]
    assert b.remove(["mw3"]).removed == []
    assert corpus.docs() == {"base", "mw1", "mw2", "cli1"}


def test_a_write_that_changes_nothing_publishes_no_generation(
        corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    a, b = two_services(corpus, fake_embedder)
    live, kept = corpus.live(), corpus.store.generations()
    a.upsert([tea("base", 2020, "1.000")])  # the same document again
    assert b.remove(["nosuch"]).removed == []
    assert corpus.live() == live and corpus.store.generations() == kept


def test_a_reader_follows_generations_other_processes_publish(
        corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    a, b = two_services(corpus, fake_embedder, index_poll_seconds=0.05)
    b.watch()
    before = b.index
    a.upsert([tea("mw1", 2026, "4.321")])
    t0 = time.monotonic()
    while "mw1" not in b.index.docs:
        assert time.monotonic() - t0 < 1.0, "not seen within 1 s"
        time.sleep(0.01)
    # the snapshot a question took before the swap is unchanged
    assert "mw1" not in before.docs
    answer = b.ask("Sản lượng chè Bắc Sơn năm 2026?")
    assert answer.found and "4.321 tấn" in answer.answer


def test_refresh_never_swaps_in_an_older_generation(
        corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    a, _ = two_services(corpus, fake_embedder)
    a.upsert([tea("mw1", 2026, "4.321")])
    held = a.index.generation
    assert a.refresh() is False
    old = corpus.load()
    a.upsert([tea("mw2", 2025, "4.020")])
    assert a.live._swap(old) is False and a.index.generation != held


# --- the lock, with a timeout -----------------------------------------------------------------


def test_a_writer_that_cannot_get_the_lock_gives_up_and_writes_nothing(
        corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    a, _ = two_services(corpus, fake_embedder, write_lock_timeout=0.3)
    live = corpus.live()
    # another process writing (flock: a second open file conflicts; the advisory lock: a
    # second connection does)
    with corpus.store.write_lock():
        t0 = time.monotonic()
        with pytest.raises(IndexBusyError, match="RAG_WRITE_LOCK_TIMEOUT"):
            a.upsert([tea("mw1", 2026, "4.321")])
        assert 0.3 <= time.monotonic() - t0 < 2.0
        with pytest.raises(IndexBusyError):
            a.remove(["base"])
        with TestClient(create_app(a.settings, service=a)) as client:
            r = client.post("/documents", json={"id": "mw1", "text": "Năm 2026 đạt 5 tấn."})
            assert r.status_code == 503 and r.headers["Retry-After"].isdigit()
            assert "another process" in r.json()["detail"]
            assert client.delete("/documents/base").status_code == 503
            assert client.post("/ask", json={"question": "sản lượng chè 2020"}
                               ).status_code == 200  # questions go on
    assert corpus.live() == live and not corpus.leftovers()
    a.upsert([tea("mw1", 2026, "4.321")])  # once the lock is free
    assert "mw1" in corpus.docs()


def test_a_publish_is_refused_when_the_store_moved_on_since_the_write_read_it(
        corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    """The guard for a writer whose lock was lost (a database session ended while it built;
    tests/test_pg_store.py): a publish names the generation its write started from, and the
    store refuses it, writing nothing, when another is live."""
    two_services(corpus, fake_embedder)
    index = corpus.load()
    with corpus.store.write_lock():
        with pytest.raises(IndexBusyError, match="another process published"):
            corpus.store.save(index, base=None)  # a write begun on an empty store
        assert corpus.live() == "gen-000001"
        assert corpus.store.save(index, base="gen-000001") == "gen-000002"
    assert not corpus.leftovers()


def test_cli_index_that_cannot_get_the_lock_is_one_error_line(
        corpus: Corpus, cli_env: dict[str, str]) -> None:
    folder = corpus.root / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Báo cáo\n\nNăm 2024, sản lượng chè đạt 3.900 tấn.",
                                  encoding="utf-8")
    env = {**corpus.env(cli_env), "RAG_WRITE_LOCK_TIMEOUT": "0.5"}
    with corpus.store.write_lock():
        proc = subprocess.run([sys.executable, "-m", "api.cli", "index", str(folder),
                               "--index-dir", str(corpus.cache("cli"))], env=env,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "another process" in lines[0]
    assert corpus.live() is None and not corpus.leftovers()


# --- old generations and their readers --------------------------------------------------------


def test_a_generation_a_reader_holds_is_kept_until_it_lets_go(
        tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    a, _ = two_services(tmp_path, fake_embedder)
    idx = tmp_path / "index"
    first = idx / (idx / CURRENT).read_text()
    with read_lease(first):  # a reader in another process is loading it
        for i in range(3):
            a.upsert([tea(f"mw{i}", 2021 + i, f"{i + 2}.000")])
        assert first.is_dir()  # three generations later, still there
        gens = sorted(p.name for p in idx.glob("gen-*"))
        assert gens == [first.name, "gen-000003", "gen-000004"]  # gen-000002 was collected
    a.upsert([tea("mw9", 2029, "9.000")])
    assert not first.exists()
    assert sorted(p.name for p in idx.glob("gen-*")) == ["gen-000004", "gen-000005"]


def test_a_load_that_meets_a_deleted_generation_reads_the_live_one(
        tmp_path: Path, fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch) -> None:
    a, _ = two_services(tmp_path, fake_embedder)
    idx = tmp_path / "index"
    old = idx / (idx / CURRENT).read_text()
    a.upsert([tea("mw1", 2026, "4.321")])
    a.upsert([tea("mw2", 2025, "4.020")])
    assert not old.exists()
    # CURRENT read just before the writer swapped it and collected the old generation
    import index.index as index_module
    real = index_module.current_generation
    calls = []

    def stale_then_live(index_dir: Path) -> Path | None:
        calls.append(index_dir)
        return old if len(calls) == 1 else real(index_dir)

    monkeypatch.setattr(index_module, "current_generation", stale_then_live)
    assert {"mw1", "mw2"} <= set(Index.load(idx).docs) and len(calls) == 2


# --- deliveries seen, shared through the session store ----------------------------------------


def test_a_delivery_is_claimed_once_across_stores_sharing_the_file(tmp_path: Path) -> None:
    now = [1000.0]
    a = SessionStore(tmp_path / "s.db", 3600, 10, clock=lambda: now[0])
    b = SessionStore(tmp_path / "s.db", 3600, 10, clock=lambda: now[0])
    try:
        assert a.claim("slack:event:Ev1", 600, 45) is True
        assert b.claim("slack:event:Ev1", 600, 45) is False  # being answered by a
        assert b.claim("slack:event:Ev2", 600, 45) is True
        a.done("slack:event:Ev1")
        now[0] += 100  # past the stale time, but answered: never again
        assert b.claim("slack:event:Ev1", 600, 45) is False
        assert a.claim("slack:event:Ev2", 600, 45) is True  # b died before replying
        assert b.claim("slack:event:Ev2", 600, 45) is False  # a holds it now
        now[0] += 601  # forgotten after the TTL
        assert b.claim("slack:event:Ev1", 600, 45) is True
    finally:
        a.close()
        b.close()


# --- real processes -----------------------------------------------------------------------------


SLACK_SECRET, SLACK_TOKEN = "mp-signing-secret", "xoxb-mp"


def slack_event(event_id: str, channel: str, text: str) -> bytes:
    return json.dumps({
        "token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": event_id, "event_time": int(time.time()),
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        "event": {"type": "app_mention", "user": "U1", "text": f"<@UBOT> {text}",
                  "ts": f"{time.time():.6f}", "channel": channel, "team": "T1"}},
        ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seed article indexed with the real embedder (copied by each test)."""
    base = tmp_path_factory.mktemp("mp")
    RagService(Settings(index_dir=base / "index", sessions_db=base / "s.db")
               ).index_paths([SEEDS_DIR / f"{D001}.txt"])
    return base / "index"


@pytest.fixture
def index_copy(seed_index: Path, tmp_path: Path) -> Path:
    shutil.copytree(seed_index, tmp_path / "index")
    return tmp_path / "index"


@pytest.fixture(params=["files", "postgres"])
def seeded(request: pytest.FixtureRequest, seed_index: Path, tmp_path: Path
           ) -> Iterator[Corpus]:
    """The seed article's index in a corpus of each kind: a copy of its directory, or the same
    generation published to a fresh database by the product's own store."""
    if request.param == "files":
        shutil.copytree(seed_index, tmp_path / "index")
        corpus = Corpus(tmp_path)
    else:
        corpus = Corpus(tmp_path, request.getfixturevalue("database_url"))
        with corpus.store.write_lock():
            corpus.store.save(Index.load(seed_index))
    yield corpus
    corpus.close()


SERVERS = {"files": 2, "postgres": 3}  # `rag serve` processes on a corpus of each kind


def servers(n: int, corpus: Corpus, env: dict[str, str], tmp_path: Path
            ) -> list[ServerProcess]:
    """``n`` `rag serve` processes on ``corpus`` (beside a database, each with its own
    ``--index-dir``), not started yet."""
    env = corpus.env(env)
    return [ServerProcess(corpus.cache(f"server{i}"), env, tmp_path / f"server{i}.log")
            for i in range(n)]


def start_all(procs: list[ServerProcess]) -> list[str]:
    """Start ``procs`` side by side; their base URLs once every one is ready."""
    errors = run_in_threads(lambda i: procs[i].start(), len(procs))
    assert not errors, errors
    return [p.base for p in procs]


def test_one_slack_event_delivered_to_two_workers_gets_one_reply(
        index_copy: Path, cli_env: dict[str, str], tmp_path: Path) -> None:
    with fake_api(slack_api_reply) as api:
        env = {**cli_env, "RAG_SESSIONS_DB": str(tmp_path / "s.db"),
               "RAG_RATE_LIMIT_PER_MINUTE": "0", "SLACK_BOT_TOKEN": SLACK_TOKEN,
               "SLACK_SIGNING_SECRET": SLACK_SECRET, "SLACK_API_BASE_URL": f"{api.base}/api/"}
        a, b = servers(2, Corpus(index_copy.parent), env, tmp_path)
        try:
            a.start()
            b.start()
            body = slack_event("EvMP1", "C1", "kim ngạch xuất khẩu 2018?")
            headers = {"content-type": "application/json"}
            r = httpx.post(f"{a.base}/slack/events", content=body, timeout=10,
                           headers={**headers, **slack_signature(body, SLACK_SECRET)})
            assert r.status_code == 200
            # Slack did not get the 200 in time and retries; the retry reaches the other worker
            r = httpx.post(f"{b.base}/slack/events", content=body, timeout=10, headers={
                **headers, **slack_signature(body, SLACK_SECRET), "X-Slack-Retry-Num": "1",
                "X-Slack-Retry-Reason": "http_timeout"})
            assert r.status_code == 200
            # a retry whose first delivery never reached any worker is answered, once
            lost = slack_event("EvMP2", "C2", "kim ngạch xuất khẩu 2018?")
            for n, server in enumerate((b, a), 1):
                r = httpx.post(f"{server.base}/slack/events", content=lost, timeout=10,
                               headers={**headers, **slack_signature(lost, SLACK_SECRET),
                                        "X-Slack-Retry-Num": str(n)})
                assert r.status_code == 200
            api.wait("/chat.postMessage", 2, timeout=60)
            time.sleep(1.5)  # room for a duplicate that must not come
            posts = api.to("/chat.postMessage")
        finally:
            a.stop()
            b.stop()
    assert sorted(p.body["channel"] for p in posts) == ["C1", "C2"], posts
    assert all("769 triệu USD" in p.body["text"] for p in posts)


SYLLABLES = ("Khau Pác Bó Nà Lũng Cốc Phai Tà Mẫu Sơn Văn Lãng Hữu Kỳ Lừa Đồng "
             "Bình Gia Tràng Định Chi Lăng Lộc Bắc Hòa An Mai Pha Hoàng Đăng Yên").split()


def place(k: int, i: int) -> str:
    """A commune name, without digits, that no other document of the test has."""
    n = len(SYLLABLES)
    return f"{SYLLABLES[k % n]} {SYLLABLES[(i // n) % n]} {SYLLABLES[i % n]}"


@dataclass
class Ledger:
    """What the clients were told: acknowledged uploads, deletions, and every status."""

    acked: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (place, figure)
    deleted: set[str] = field(default_factory=set)
    cli: set[str] = field(default_factory=set)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _client_loop(k: int, bases: list[str], stop: threading.Event, ledger: Ledger) -> None:
    """Upload, delete and ask, spreading the requests over every server."""
    rng = random.Random(k)
    i = 0
    with httpx.Client(timeout=120) as http:
        while not stop.is_set():
            i += 1
            base = bases[(k + i) % len(bases)]
            doc_id = f"mp{k}-{i}"
            figure = f"{rng.randint(1, 999)}.{rng.randint(100, 999)}"
            try:
                op = rng.random()
                if op < 0.2 and ledger.acked:
                    with ledger.lock:
                        victim = rng.choice(sorted(set(ledger.acked) - ledger.deleted or {""}))
                    if victim:
                        r = http.delete(f"{base}/documents/{victim}")
                        with ledger.lock:
                            ledger.statuses[r.status_code] += 1
                            if r.status_code == 204:
                                ledger.deleted.add(victim)
                        continue
                if op < 0.35:
                    r = http.post(f"{base}/ask", json={"question": "kim ngạch xuất khẩu 2018?"})
                    with ledger.lock:
                        ledger.statuses[r.status_code] += 1
                    continue
                r = http.post(f"{base}/documents", json={
                    "id": doc_id, "title": f"Báo cáo chè xã {place(k, i)}",
                    "text": f"Năm 2026, sản lượng chè của xã {place(k, i)} đạt {figure} tấn."})
                with ledger.lock:
                    ledger.statuses[r.status_code] += 1
                    if r.status_code == 201:
                        ledger.acked[doc_id] = (place(k, i), figure)
            except httpx.HTTPError as exc:
                with ledger.lock:
                    ledger.errors.append(f"{type(exc).__name__}: {exc}")


def _cli_index(idx: Path, folder: Path, env: dict[str, str], ledger: Ledger) -> None:
    """Add a report to the folder and run `rag index FOLDER`; the folder's reports count as
    indexed when it exits 0."""
    n = len(list(folder.glob("cli*.txt"))) + 1
    (folder / f"cli{n}.txt").write_text(
        f"Báo cáo chè số {n}\n\nNăm 2025, sản lượng chè của đội số {n} đạt {n}.111 tấn.",
        encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "api.cli", "index", str(folder),
                           "--index-dir", str(idx)], env=env, capture_output=True, text=True,
                          timeout=300)
    with ledger.lock:
        if proc.returncode == 0:
            ledger.cli.update(p.stem for p in folder.glob("cli*.txt"))
        else:
            ledger.errors.append(f"rag index: {proc.stderr.strip()}")


def _cli_loop(idx: Path, folder: Path, env: dict[str, str], stop: threading.Event,
              ledger: Ledger) -> None:
    """`rag index FOLDER` again and again, a new report in the folder each time."""
    while not stop.is_set():
        _cli_index(idx, folder, env, ledger)


def _wait_until_all_serve(bases: list[str], corpus: Corpus, timeout: float = 5.0) -> None:
    live = corpus.live()
    deadline = time.monotonic() + timeout
    for base in bases:
        while httpx.get(f"{base}/readyz", timeout=5).json().get("generation") != live:
            assert time.monotonic() < deadline, f"{base} does not serve {live}"
            time.sleep(0.05)


def _check_consistent(corpus: Corpus, bases: list[str], ledger: Ledger) -> Index:
    """Every acknowledged document in the store and served by every server; every deleted one
    gone from all; the index loads with its checksums verified."""
    index = corpus.load()  # checks the SHA-256 of every file against the manifest
    on_disk = set(index.docs)
    kept = set(ledger.acked) - ledger.deleted
    assert kept <= on_disk, f"acknowledged but lost: {sorted(kept - on_disk)}"
    assert not (ledger.deleted & on_disk), f"deleted but back: {ledger.deleted & on_disk}"
    assert ledger.cli <= on_disk, f"indexed by the CLI but lost: {ledger.cli - on_disk}"
    _wait_until_all_serve(bases, corpus)
    for base in bases:
        listed = {d["id"] for d in httpx.get(f"{base}/documents", timeout=10
                                             ).json()["documents"]}
        assert listed == on_disk, base
    for doc_id in sorted(kept)[:: max(1, len(kept) // 6)]:
        for base in bases:
            name, figure = ledger.acked[doc_id]
            r = httpx.post(f"{base}/ask", timeout=30, json={
                "question": f"Sản lượng chè của xã {name} năm 2026?",
                "filters": {"doc_ids": [doc_id]}})
            assert r.status_code == 200 and r.json()["found"], (base, doc_id, r.text)
            assert f"{figure} tấn" in r.json()["answer"], (base, r.json())
    return index


@pytest.mark.parametrize("seconds", [float(os.environ.get("RAG_MP_SECONDS", "20"))])
def test_servers_and_the_cli_on_one_index_lose_nothing(
        seeded: Corpus, cli_env: dict[str, str], tmp_path: Path, seconds: float) -> None:
    """Two servers on an index directory, three on a database, and a `rag index` loop, for
    ``seconds``; then one server is killed in the middle of a write."""
    corpus = seeded
    env = corpus.env({**cli_env, "RAG_SESSIONS_DB": str(tmp_path / "s.db"),
                      "RAG_RATE_LIMIT_PER_MINUTE": "0", "RAG_EMBED_THREADS": "1"})
    procs = servers(SERVERS[corpus.kind], corpus, env, tmp_path)
    a, rest = procs[0], procs[1:]
    cli = corpus.cache("cli")
    folder = tmp_path / "cli-docs"
    folder.mkdir()
    ledger = Ledger()
    try:
        bases = start_all(procs)
        stop = threading.Event()
        workers = [threading.Thread(target=_client_loop, args=(k, bases, stop, ledger))
                   for k in range(4)]
        workers.append(threading.Thread(target=_cli_loop, args=(cli, folder, env, stop,
                                                                ledger)))
        for t in workers:
            t.start()
        time.sleep(seconds)
        stop.set()
        for t in workers:
            t.join(timeout=300)
        print(f"{corpus.kind}, {len(procs)} servers: acked {len(ledger.acked)}, deleted "
              f"{len(ledger.deleted)}, cli {len(ledger.cli)}, statuses {dict(ledger.statuses)}")
        assert not ledger.errors, ledger.errors
        assert not [s for s in ledger.statuses if s >= 500], ledger.statuses
        assert len(ledger.acked) >= 10 and ledger.deleted and ledger.cli, ledger
        _check_consistent(corpus, bases, ledger)

        # SIGKILL one server in the middle of a write: while its new generation is being
        # written (files) or its publish transaction is open (database)
        result: list[int] = []

        def upload() -> None:
            with contextlib.suppress(httpx.HTTPError):
                result.append(httpx.post(f"{a.base}/documents", timeout=120, json={
                    "id": "killed", "text": "Năm 2026, sản lượng chè của xã Khuất Xá đạt "
                                            "1.234 tấn."}
                ).status_code)

        thread = threading.Thread(target=upload)
        thread.start()
        deadline = time.monotonic() + 60
        while not corpus.publishing() and not result:
            assert time.monotonic() < deadline
            time.sleep(0.001)
        a.kill()
        thread.join(timeout=30)
        landed = not result
        # the other servers and the CLI keep working; nothing acknowledged is lost
        for n, server in enumerate(rest):
            r = httpx.post(f"{server.base}/documents", timeout=120, json={
                "id": f"after-kill-{n}", "text": f"Năm 2026, sản lượng chè của xã Quan Sơn "
                                                 f"{n} đạt 2.46{n} tấn."})
            assert r.status_code == 201, r.text
            ledger.acked[f"after-kill-{n}"] = (f"Quan Sơn {n}", f"2.46{n}")
        if result == [201]:
            ledger.acked["killed"] = ("Khuất Xá", "1.234")
        _cli_index(cli, folder, env, ledger)
        assert not ledger.errors, ledger.errors
        index = _check_consistent(corpus, [p.base for p in rest], ledger)
        print("the killed upload", "was published before the kill" if "killed" in index.docs
              else "was not published")
        assert landed, "the kill came after the write was acknowledged"
        # what the killed writer left behind was collected by the next write (files), or
        # rolled back by PostgreSQL, its lock released with its connection (database)
        assert not corpus.leftovers()
    finally:
        for p in procs:
            p.stop()


@pytest.mark.parametrize("seeded", ["postgres"], indirect=True)
def test_an_upload_to_any_server_is_answered_by_all_within_a_second(
        seeded: Corpus, cli_env: dict[str, str], tmp_path: Path) -> None:
    """Three servers on one database: a document uploaded to any of them is answered by the
    other two within 1 s of the upload's 201 (each server polls the live row every
    RAG_INDEX_POLL_SECONDS, 0.25 s, and loads a new generation off the request path)."""
    corpus = seeded
    env = {**cli_env, "RAG_SESSIONS_DB": str(tmp_path / "s.db"),
           "RAG_RATE_LIMIT_PER_MINUTE": "0", "RAG_EMBED_THREADS": "1"}
    procs = servers(3, corpus, env, tmp_path)
    delays: list[dict[int, float]] = []
    try:
        bases = start_all(procs)
        for r in range(6):
            writer = r % len(bases)
            name, figure = place(7, r), f"{r + 1}.357"
            question = f"Sản lượng chè của xã {name} năm 2026?"
            for base in bases:  # no server answers it before the upload
                assert f"{figure} tấn" not in httpx.post(f"{base}/ask", timeout=30, json={
                    "question": question}).json()["answer"]
            resp = httpx.post(f"{bases[writer]}/documents", timeout=120, json={
                "id": f"fast{r}", "title": f"Báo cáo chè xã {name}",
                "text": f"Năm 2026, sản lượng chè của xã {name} đạt {figure} tấn."})
            acked = time.monotonic()
            assert resp.status_code == 201, resp.text
            delays.append(_answered_after(bases, question, f"{figure} tấn", acked))
            # only this round's document answers the next round's question
            assert httpx.delete(f"{bases[writer]}/documents/fast{r}",
                                timeout=120).status_code == 204
            _wait_until_all_serve(bases, corpus)
        print("seconds from the 201 until servers 0, 1, 2 answer, by round (the writer is "
              "round % 3):", [[round(d[i], 3) for i in sorted(d)] for d in delays])
        assert all(d[i] < 1.0 for d in delays for i in d), delays
    finally:
        for p in procs:
            p.stop()


def _answered_after(bases: list[str], question: str, expected: str, since: float,
                    limit: float = 5.0) -> dict[int, float]:
    """Seconds from ``since`` (time.monotonic) until each server's /ask answer to
    ``question`` holds ``expected`` (asked again and again, the servers side by side);
    ``limit`` + 1 for a server that does not within ``limit`` s."""
    seen: dict[int, float] = {}

    def poll(i: int) -> None:
        with httpx.Client(timeout=30) as http:
            while time.monotonic() - since < limit:
                r = http.post(f"{bases[i]}/ask", json={"question": question})
                if r.status_code == 200 and expected in r.json()["answer"]:
                    seen[i] = time.monotonic() - since
                    return
            seen[i] = limit + 1

    errors = run_in_threads(poll, len(bases))
    assert not errors, errors
    return seen


# --- what a broken or replaced directory must not do -------------------------------------------


@pytest.mark.parametrize("pointer", [b"", b"\xff\xfe\x00gen", None], ids=["empty", "not-utf8",
                                                                           "missing"])
def test_a_write_never_takes_a_broken_pointer_for_an_empty_index(
        tmp_path: Path, fake_embedder: FakeEmbedder, pointer: bytes | None) -> None:
    """With CURRENT empty, unreadable or gone while generations are there, a write refuses
    (one clear error) instead of publishing an index of its own documents and collecting
    every older generation."""
    a, _ = two_services(tmp_path, fake_embedder)
    a.upsert([tea("mw1", 2026, "4.321")])
    idx = tmp_path / "index"
    gens = sorted(p.name for p in idx.glob("gen-*"))
    if pointer is None:
        (idx / CURRENT).unlink()
    else:
        (idx / CURRENT).write_bytes(pointer)
    fresh = RagService(a.settings, embedder=fake_embedder)
    with pytest.raises(IndexStoreError, match="CURRENT|pointer"):
        fresh.upsert([tea("mw2", 2025, "4.020")])
    with pytest.raises(IndexStoreError):
        a.upsert([tea("mw3", 2024, "3.950")])  # one that holds the index in memory, too
    assert sorted(p.name for p in idx.glob("gen-*")) == gens
    with TestClient(create_app(a.settings, service=fresh)) as client:
        r = client.post("/documents", json={"id": "mw4", "text": "Năm 2026 đạt 5 tấn."})
        assert r.status_code == 503
    (idx / CURRENT).write_text(gens[-1])  # the operator puts the pointer back
    fresh.upsert([tea("mw2", 2025, "4.020")])
    assert {"base", "mw1", "mw2"} <= set(Index.load(idx).docs)


def test_the_watcher_survives_a_broken_pointer_and_follows_once_it_is_mended(
        tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    a, b = two_services(tmp_path, fake_embedder, index_poll_seconds=0.05)
    b.watch()
    try:
        idx = tmp_path / "index"
        good = (idx / CURRENT).read_text()
        (idx / CURRENT).write_bytes(b"\xff\xfe\x00gen")
        time.sleep(0.3)  # the watcher meets it several times
        assert b.loaded is not None and b.live._watcher is not None
        assert b.live._watcher.is_alive()
        (idx / CURRENT).write_text(good)
        a.upsert([tea("mw1", 2026, "4.321")])
        t0 = time.monotonic()
        while "mw1" not in b.index.docs:
            assert time.monotonic() - t0 < 1.0, "not followed after the pointer was mended"
            time.sleep(0.01)
    finally:
        b.close()


def test_a_replaced_index_directory_is_reloaded_even_at_the_same_generation_name(
        tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    import shutil

    a, _ = two_services(tmp_path, fake_embedder)
    idx = tmp_path / "index"
    other = RagService(Settings(index_dir=tmp_path / "other"), embedder=fake_embedder)
    other.upsert([tea("dao", 2019, "9.999")])  # gen-000001 too, with other documents
    assert (tmp_path / "other" / CURRENT).read_text() == (idx / CURRENT).read_text()
    shutil.rmtree(idx)
    shutil.move(tmp_path / "other", idx)
    assert a.refresh() is True and set(a.index.docs) == {"dao"}
    a.upsert([tea("mw1", 2026, "4.321")])
    assert set(Index.load(idx).docs) == {"dao", "mw1"}


def test_an_upload_is_embedded_before_the_lock_so_other_writers_go_on(
        corpus: Corpus, fake_embedder: FakeEmbedder) -> None:
    """A large upload in one process does not hold the others' writes while it is embedded."""

    class Slow(FakeEmbedder):
        def embed_passages(self, texts):  # type: ignore[no-untyped-def]
            time.sleep(0.5)
            return super().embed_passages(texts)

    corpus.service(fake_embedder, "first", write_lock_timeout=1.0
                   ).upsert([tea("base", 2020, "1.000")])
    slow = corpus.service(Slow(), "slow", write_lock_timeout=1.0)
    fast = corpus.service(fake_embedder, "fast", write_lock_timeout=1.0)
    big = make_document("big", "\n\n".join(f"Năm 2026, sản lượng chè đội {i} đạt {i}.100 tấn."
                                             for i in range(40)) * 20, title="Báo cáo lớn",
                        source="upload")
    done: list[float] = []
    thread = threading.Thread(target=lambda: (slow.upsert([big]),
                                              done.append(time.monotonic())))
    thread.start()
    time.sleep(0.3)  # the slow upload is embedding now
    t0 = time.monotonic()
    fast.upsert([tea("mw1", 2026, "4.321")])  # would time out after 1 s behind the lock
    fast_done = time.monotonic()
    thread.join(timeout=120)
    assert fast_done - t0 < 1.0 and done and fast_done < done[0]
    assert {"base", "big", "mw1"} <= corpus.docs()


def test_a_generation_being_deleted_is_renamed_first(
        tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    """A collected generation leaves its name before its files go, so no reader finds a
    half-deleted one; what a killed collector left is swept by the next write."""
    a, _ = two_services(tmp_path, fake_embedder)
    idx = tmp_path / "index"
    (idx / ".del-gen-000000").mkdir()
    for i in range(3):
        a.upsert([tea(f"mw{i}", 2021 + i, f"{i + 2}.000")])
    assert not list(idx.glob(".del-*")) and not list(idx.glob(".tmp-gen-*"))
    assert sorted(p.name for p in idx.glob("gen-*")) == ["gen-000003", "gen-000004"]


def test_serve_refuses_settings_no_worker_could_start_with_and_a_busy_port(
        tmp_path: Path, cli_env: dict[str, str]) -> None:
    import socket

    def serve(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "api.cli", "serve", *args],
                              env={**cli_env, **env}, capture_output=True, text=True,
                              timeout=60)

    for env in ({"RAG_RATE_LIMIT_STORAGE": "nosuch://x"}, {"RAG_PUBLIC": "false"},
                {"RAG_FORWARDED_ALLOW_IPS": "foo"}, {"RAG_INDEX_POLL_SECONDS": "1e-9"}):
        proc = serve("--workers", "2", "--port", "1", **env)
        lines = proc.stderr.strip().splitlines()
        assert proc.returncode == 1 and len(lines) == 1 and lines[0].startswith("error: "), \
            (env, proc.stderr)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        proc = serve("--port", str(busy.getsockname()[1]))
    assert proc.returncode == 1 and proc.stderr.startswith("error: cannot listen on"), \
        proc.stderr
