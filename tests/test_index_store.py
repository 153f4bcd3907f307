"""index/: save/load round trip, generations behind CURRENT, crash safety, corruption,
embedder mismatch, incremental updates."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import D001, D003, D004, SEED_FILES, SEED_IDS, SEEDS_DIR, FakeEmbedder

from index import Index, IndexConfig, IndexMismatchError, IndexStoreError
from index.docstore import ChunkTable
from index.index import FORMAT_VERSION
from index.store import CURRENT, current_generation
from rag.ingest.build import assemble, update
from rag.ingest.folders import load_documents
from rag.search.retrieve import Retriever
from rag.service import RagService
from rag.settings import Settings

QUESTIONS = ["kim ngạch xuất khẩu 2018?", "tổng mức bán lẻ 6 tháng 2023",
             "chỉ số sản xuất công nghiệp 9 tháng 2024"]


def _live(index_dir: Path) -> str:
    return (index_dir / CURRENT).read_text().strip()


def _snapshot(index_dir: Path) -> dict[str, bytes]:
    """Every file of the live generation, by relative path."""
    gen = index_dir / _live(index_dir)
    return {p.relative_to(gen).as_posix(): p.read_bytes()
            for p in sorted(gen.rglob("*")) if p.is_file()}


@pytest.fixture
def small_docs(tmp_path: Path) -> Path:
    """A folder with copies of three real seed articles."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for doc_id in (D001, D003, D004):
        shutil.copy(SEEDS_DIR / f"{doc_id}.txt", folder)
    return folder


@pytest.fixture
def fake_service(tmp_path: Path, small_docs: Path, fake_embedder: FakeEmbedder) -> RagService:
    service = RagService(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    service.index_paths([small_docs])
    return service


# --- round trip --------------------------------------------------------------------------------


def test_seed_report(seed):
    r = seed.report
    assert sorted(r.added) == sorted(SEED_IDS)
    assert (r.changed, r.removed, r.unchanged) == ([], [], 0)
    assert r.chunks == r.embedded == 37
    assert r.reused == 0


def test_save_load_round_trip(seed):
    built = seed.service.index  # the in-memory index the build produced
    loaded = Index.load(seed.index_dir)
    assert loaded.path == seed.index_dir / _live(seed.index_dir)
    assert loaded.docs == built.docs
    assert loaded.chunks == built.chunks
    assert loaded.embeddings.dtype == np.float32
    np.testing.assert_array_equal(loaded.embeddings, built.embeddings)
    assert loaded.config == built.config == seed.service.index_config
    assert loaded.dim == 384
    assert len(loaded.vectors) == len(loaded) == loaded.lexical.size == 37
    assert loaded.word_forms == built.word_forms and loaded.word_forms.bigrams

    emb = seed.service.embedder
    for q in QUESTIONS:
        a = Retriever(built, emb).search(q)
        b = Retriever(loaded, emb).search(q)
        assert [h.chunk.id for h in a.hits] == [h.chunk.id for h in b.hits]
        np.testing.assert_allclose([h.score for h in a.hits], [h.score for h in b.hits],
                                   atol=1e-6)


def test_chunk_store_keeps_offsets_not_text(seed):
    """Format 3: texts are stored once, a chunk as its offsets into its document; loaded
    back it is the same chunk, text and title included."""
    gen = seed.index_dir / _live(seed.index_dir)
    columns = json.loads((gen / "chunks.json").read_text(encoding="utf-8"))
    assert "text" not in columns and "title" not in columns and columns["own"] == {}
    texts = (gen / "texts.txt").read_text(encoding="utf-8")
    assert len(texts) == sum(len(d.text) for d in seed.service.index.docs.values())
    loaded = Index.load(seed.index_dir)
    assert loaded.docs == seed.service.index.docs
    assert loaded.chunks == seed.service.index.chunks
    for c in loaded.chunks:
        assert c.text == loaded.docs[c.doc_id].text[c.start:c.end]


def test_a_chunk_unlike_its_document_keeps_its_own_text(seed, tmp_path):
    index = Index.load(seed.index_dir)
    odd = replace(index.chunks[0], text="Một đoạn khác.", title="Tiêu đề khác")
    chunks = [odd, *index.chunks[1:]]
    Index(index.config, index.dim, index.docs, chunks, index.embeddings, index.vectors,
          index.lexical, index.word_forms).save(tmp_path / "odd")
    assert Index.load(tmp_path / "odd").chunks == chunks


def test_loaded_chunks_are_made_on_access_and_behave_as_a_list(seed):
    built = list(seed.service.index.chunks)
    loaded = Index.load(seed.index_dir).chunks
    assert isinstance(loaded, ChunkTable) and len(loaded) == len(built)
    assert loaded[-1] == built[-1] and loaded[2:5] == built[2:5] and loaded[::7] == built[::7]
    assert loaded[0] is loaded[0]  # made once
    assert built[3] in loaded and loaded.index(built[3]) == 3
    assert list(loaded) == built and loaded == built and built == loaded
    assert loaded != built[:-1] and loaded != "not chunks"
    with pytest.raises(IndexError):
        loaded[len(built)]


def test_a_chunk_table_that_disagrees_with_its_documents_is_refused(seed):
    docs = seed.service.index.docs
    doc = next(iter(docs.values()))
    with pytest.raises(ValueError, match="differ in length"):
        ChunkTable(docs, ["a", "b"], [doc.id], [0], [1], [[]], [[]])
    with pytest.raises(KeyError, match="not in documents"):
        ChunkTable(docs, ["a"], ["no-such-doc"], [0], [1], [[]], [[]])
    with pytest.raises(ValueError, match="out of range"):
        ChunkTable(docs, ["a"], [doc.id], [0], [1], [[]], [[]], {5: {"text": "x"}})


@pytest.mark.parametrize("kind", ["flat", "hnsw"])
def test_vectors_are_kept_once(seed, tmp_path, kind):
    """Flat and HNSW indexes hold the embeddings themselves: the index's array is a view of
    them (no second copy, no embeddings.npy), alive as long as any array made from it."""
    import gc

    base = Index.load(seed.index_dir)
    index = base.with_vector_kind(kind)
    assert index.config.vector_kind == kind and index.lexical is base.lexical
    gen = index.save(tmp_path / kind)
    assert not (gen / "embeddings.npy").exists()
    loaded = Index.load(tmp_path / kind)
    np.testing.assert_array_equal(loaded.embeddings, base.embeddings)
    assert not loaded.embeddings.flags.writeable
    rows = loaded.embeddings[:3]
    del loaded, index
    gc.collect()
    np.testing.assert_array_equal(rows, base.embeddings[:3])  # the memory is still there


def test_an_ivf_index_keeps_its_embeddings_apart(seed, tmp_path):
    """IVF does not hold the vectors whole: they are saved in embeddings.npy."""
    base = Index.load(seed.index_dir)
    copies = 7  # IVF needs 256 vectors to train; fewer fall back to flat
    chunks = [replace(c, id=f"{c.id}~{k}") for k in range(copies) for c in base.chunks]
    config = replace(base.config, vector_kind="ivf")
    index = assemble(config, base.dim, base.docs, chunks, np.tile(base.embeddings, (copies, 1)))
    assert index.vectors.kind == "ivf" and not index.vectors.holds_vectors
    gen = index.save(tmp_path / "ivf")
    assert (gen / "embeddings.npy").exists()
    np.testing.assert_array_equal(Index.load(tmp_path / "ivf").embeddings, index.embeddings)


def test_format_2_index_still_loads(seed_copy):
    """An index written before format 3 (whole records in JSON Lines) loads, no rebuild."""
    gen = seed_copy / _live(seed_copy)
    index = Index.load(seed_copy)
    manifest = json.loads((gen / "manifest.json").read_text())
    for name, records in (("documents.jsonl", index.docs.values()),
                          ("chunks.jsonl", index.chunks)):
        path = gen / name
        path.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
                                for r in records), encoding="utf-8")
        manifest["files"][name] = {"size": path.stat().st_size,
                                   "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    for name in ("texts.txt", "chunks.json"):
        (gen / name).unlink()
        del manifest["files"][name]
    manifest["format"] = 2
    (gen / "manifest.json").write_text(json.dumps(manifest))
    loaded = Index.load(seed_copy)
    assert loaded.docs == index.docs and loaded.chunks == index.chunks


def test_manifest_records_how_the_index_was_built(seed):
    gen = seed.index_dir / _live(seed.index_dir)
    manifest = json.loads((gen / "manifest.json").read_text())
    assert manifest["format"] == FORMAT_VERSION
    assert manifest["embedder"] == {"backend": "onnx-e5", "model": "multilingual-e5-small-fp32",
                                    "dim": 384}
    assert manifest["chunker"]["chunk_size"] == 800
    assert manifest["chunker"]["chunk_overlap"] == 150
    assert manifest["counts"] == {"documents": 5, "chunks": 37}
    assert set(manifest["documents"]) == set(SEED_IDS)
    for name, meta in manifest["files"].items():
        assert (gen / name).stat().st_size == meta["size"]
        assert hashlib.sha256((gen / name).read_bytes()).hexdigest() == meta["sha256"]
    assert {"texts.txt", "documents.jsonl", "chunks.json", "vectors.faiss",
            "restore.json"} <= set(manifest["files"])
    assert "embeddings.npy" not in manifest["files"]  # the flat index holds them
    assert {"rag", "faiss", "bm25s"} <= set(manifest["versions"])


def test_save_to_another_dir_and_load(seed, tmp_path):
    other = tmp_path / "elsewhere"
    built = Index.load(seed.index_dir)
    final = built.save(other)
    assert final == other / "gen-000001"
    assert _live(other) == "gen-000001"
    again = Index.load(other)
    assert again.chunks == built.chunks
    np.testing.assert_array_equal(again.embeddings, built.embeddings)


def test_empty_index_round_trips(tmp_path):
    empty = Index.empty(IndexConfig(embedder_backend="fake", embedder_model="hash-v1"), 32)
    empty.save(tmp_path / "index")
    loaded = Index.load(tmp_path / "index")
    assert len(loaded) == 0 and loaded.docs == {}
    assert loaded.embeddings.shape == (0, 32)
    assert Retriever(loaded, FakeEmbedder()).search("kim ngạch").hits == []


# --- generations -------------------------------------------------------------------------------


def test_current_pointer_and_generations(fake_service, small_docs, tmp_path):
    index_dir = tmp_path / "index"
    assert _live(index_dir) == "gen-000001"
    assert current_generation(index_dir) == index_dir / "gen-000001"

    f = small_docs / f"{D004}.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n\nĐoạn bổ sung một.", encoding="utf-8")
    fake_service.index_paths([small_docs])
    assert _live(index_dir) == "gen-000002"
    assert {p.name for p in index_dir.glob("gen-*")} == {"gen-000001", "gen-000002"}
    # the previous generation stays loadable for a reader that read the old pointer
    old = json.loads((index_dir / "gen-000001" / "manifest.json").read_text())
    assert old["documents"][D004] != fake_service.index.docs[D004].checksum

    f.write_text(f.read_text(encoding="utf-8") + "\n\nĐoạn bổ sung hai.", encoding="utf-8")
    fake_service.index_paths([small_docs])
    assert _live(index_dir) == "gen-000003"
    # only the live generation and the one before it are kept
    assert {p.name for p in index_dir.glob("gen-*")} == {"gen-000002", "gen-000003"}
    assert "Đoạn bổ sung hai." in Index.load(index_dir).docs[D004].text
    assert not list(index_dir.glob(".tmp-gen-*"))


def test_no_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexStoreError, match="no index in"):
        Index.load(tmp_path / "nothing-here")


def test_corrupt_pointer_and_missing_generation(fake_service, tmp_path):
    index_dir = tmp_path / "index"
    (index_dir / CURRENT).write_text("../elsewhere")
    with pytest.raises(IndexStoreError, match="corrupt pointer"):
        Index.load(index_dir)
    (index_dir / CURRENT).write_text("gen-000099")
    with pytest.raises(IndexStoreError, match="gen-000099 is missing"):
        Index.load(index_dir)


# --- crash safety ------------------------------------------------------------------------------


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"),
                                   RuntimeError("killed mid-write")])
def test_crash_mid_write_leaves_previous_index(fake_service, small_docs, tmp_path, monkeypatch,
                                               error):
    index_dir = tmp_path / "index"
    before = _snapshot(index_dir)
    live = _live(index_dir)
    original_write = Index._write

    def half_write(self, gen, producer):
        from index.store import write_jsonl
        write_jsonl(gen / "documents.jsonl", (d.to_dict() for d in self.docs.values()))
        np.save(gen / "embeddings.npy", self.embeddings)
        raise error

    monkeypatch.setattr(Index, "_write", half_write)
    f = small_docs / f"{D001}.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n\nMột đoạn mới.", encoding="utf-8")
    expected = IndexStoreError if isinstance(error, OSError) else RuntimeError
    with pytest.raises(expected) as err:
        fake_service.index_paths([small_docs])
    if isinstance(error, OSError):
        assert "No space left on device" in str(err.value)
        assert str(index_dir) in str(err.value)

    assert _live(index_dir) == live
    assert _snapshot(index_dir) == before
    assert not list(index_dir.glob(".tmp-gen-*"))  # the half-written generation is gone
    loaded = Index.load(index_dir)
    assert "Một đoạn mới." not in loaded.docs[D001].text
    # the service still serves the old index
    assert "Một đoạn mới." not in fake_service.index.docs[D001].text

    monkeypatch.setattr(Index, "_write", original_write)
    fake_service.index_paths([small_docs])  # the next write succeeds
    assert "Một đoạn mới." in Index.load(index_dir).docs[D001].text


def test_leftover_tmp_generation_is_ignored_then_collected(fake_service, small_docs, tmp_path):
    index_dir = tmp_path / "index"
    before = _snapshot(index_dir)
    # what a killed writer leaves behind
    leftover = index_dir / ".tmp-gen-crashed"
    leftover.mkdir()
    (leftover / "documents.jsonl").write_text('{"id": "half"', encoding="utf-8")
    loaded = Index.load(index_dir)
    assert "half" not in loaded.docs
    assert _snapshot(index_dir) == before

    f = small_docs / f"{D003}.txt"  # a real change (text after the "Tin đã đăng" footer is not)
    f.write_text(f.read_text(encoding="utf-8").replace("TQL-KConline",
                                                       "Thêm một câu.\n\nTQL-KConline"),
                 encoding="utf-8")
    assert fake_service.index_paths([small_docs]).changed == [D003]
    assert not leftover.exists()


# --- corruption --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["chunks.json", "vectors.faiss", "documents.jsonl",
                                  "texts.txt"])
def test_truncated_file_is_an_error(seed_copy, name):
    gen = seed_copy / _live(seed_copy)
    data = (gen / name).read_bytes()
    (gen / name).write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexStoreError, match=f"{name} is missing or truncated"):
        Index.load(seed_copy)


def test_missing_file_is_an_error(seed_copy):
    gen = seed_copy / _live(seed_copy)
    (gen / "restore.json").unlink()
    with pytest.raises(IndexStoreError, match="restore.json is missing or truncated"):
        Index.load(seed_copy)


def test_unreadable_manifest_is_an_error(seed_copy):
    gen = seed_copy / _live(seed_copy)
    (gen / "manifest.json").write_text("{not json")
    with pytest.raises(IndexStoreError, match="unreadable manifest"):
        Index.load(seed_copy)


def test_other_format_version_asks_for_rebuild(seed_copy):
    gen = seed_copy / _live(seed_copy)
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["format"] = 99
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexStoreError, match="rebuild"):
        Index.load(seed_copy)


def test_same_size_corruption_is_detected(seed_copy):
    gen = seed_copy / _live(seed_copy)
    path = gen / "vectors.faiss"
    data = bytearray(path.read_bytes())
    for i in range(len(data) - 4000, len(data) - 3000):  # inside the float data
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexStoreError):
        Index.load(seed_copy)


def test_a_damaged_generation_points_back_to_the_previous_one(seed_copy):
    """The advice for a damaged generation never wipes uploads: with an older generation on
    disk it says how to put it back, not `rag index --rebuild` (which keeps only files)."""
    older = _live(seed_copy)
    live = "gen-000099"
    shutil.copytree(seed_copy / older, seed_copy / live)
    (seed_copy / "CURRENT").write_text(live)
    path = seed_copy / live / "texts.txt"
    data = bytearray(path.read_bytes())
    data[10] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(IndexStoreError, match=f"echo {older} > ") as err:
        Index.load(seed_copy)
    assert "would keep only the documents of the files" in str(err.value)
    (seed_copy / "CURRENT").write_text(older)
    assert Index.load(seed_copy).docs


# --- embedder mismatch ---------------------------------------------------------------------------


def test_index_from_embedder_a_refuses_embedder_b(fake_service, tmp_path, small_docs):
    index_dir = tmp_path / "index"
    other = FakeEmbedder(model="hash-v2")
    service_b = RagService(Settings(index_dir=index_dir), embedder=other)
    with pytest.raises(IndexMismatchError, match="rebuild") as err:
        service_b.load()
    assert "fake (hash-v1" in str(err.value) and "not fake (hash-v2)" in str(err.value)
    with pytest.raises(IndexMismatchError, match="rebuild"):
        service_b.index_paths([small_docs])
    with pytest.raises(IndexMismatchError, match="rebuild"):
        update(Index.load(index_dir), [], other)
    assert other.passages == []
    # --rebuild starts from an empty index with the new embedder
    report = service_b.index_paths([small_docs], rebuild=True)
    assert report.embedded == report.chunks > 0
    assert Index.load(index_dir).config.embedder_model == "hash-v2"


def test_onnx_e5_index_refuses_sentence_transformers(seed_copy):
    settings = Settings(index_dir=seed_copy, embedder="sentence-transformers",
                        embed_model="all-MiniLM-L6-v2")
    service = RagService(settings)
    with pytest.raises(IndexMismatchError) as err:
        service.load()
    msg = str(err.value)
    assert "rebuild" in msg
    assert "onnx-e5 (multilingual-e5-small-fp32, dim 384)" in msg
    assert "sentence-transformers (all-MiniLM-L6-v2)" in msg
    assert service.embedder.inner._st is None  # refused before loading any model


def test_dimension_mismatch_is_refused(fake_service, tmp_path):
    index = Index.load(tmp_path / "index")
    wrong_dim = FakeEmbedder(dim=16)
    doc = replace(index.docs[D001], text=index.docs[D001].text + "\n\nThêm.")
    with pytest.raises(IndexMismatchError, match="16-dim"):
        update(index, [doc], wrong_dim)


# --- incremental updates -------------------------------------------------------------------------


def test_reindex_same_files_embeds_nothing(seed, seed_copy):
    service = RagService(Settings(index_dir=seed_copy), embedder=seed.service.embedder)
    before = Index.load(seed_copy)
    report = service.index_paths(list(SEED_FILES))
    assert report.embedded == 0
    assert report.reused == report.chunks == 37
    assert (report.added, report.changed, report.removed) == ([], [], [])
    assert report.unchanged == 5
    after = Index.load(seed_copy)
    assert after.chunks == before.chunks
    np.testing.assert_array_equal(after.embeddings, before.embeddings)


def test_changed_document_reembeds_only_its_changed_chunks(seed, seed_copy):
    service = RagService(Settings(index_dir=seed_copy), embedder=seed.service.embedder)
    old = service.index
    doc = old.docs[D001]
    new_text = doc.text + ("\n\nQuý II năm 2018, kim ngạch xuất khẩu qua cửa khẩu Chi Ma "
                           "đạt 4.321 triệu USD theo báo cáo bổ sung.")
    report = service.upsert([replace(doc, text=new_text)])
    assert report.changed == [D001]
    assert report.added == [] and report.unchanged == 4

    new = service.index
    old_ids = {c.id for c in old.chunks if c.doc_id == D001}
    new_ids = {c.id for c in new.chunks if c.doc_id == D001}
    fresh = new_ids - old_ids
    assert 0 < report.embedded == len(fresh) < len(new_ids)
    assert report.reused == report.chunks - report.embedded
    # the other documents' chunks and vectors are untouched
    for c in old.chunks:
        if c.doc_id != D001:
            np.testing.assert_array_equal(new.embeddings[new.row_of[c.id]],
                                          old.embeddings[old.row_of[c.id]])
    hit = service.search("kim ngạch xuất khẩu cửa khẩu Chi Ma quý II năm 2018").hits[0]
    assert "4.321 triệu USD" in hit.chunk.text


def test_changed_file_reembeds_only_that_document(fake_service, fake_embedder, small_docs):
    before = {c.id for c in fake_service.index.chunks}
    fake_embedder.passages.clear()
    f = small_docs / f"{D003}.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("tăng 41%", "tăng 42%"),
                 encoding="utf-8")
    report = fake_service.index_paths([small_docs])
    assert report.changed == [D003]
    assert report.unchanged == 2
    after = fake_service.index
    fresh = [c for c in after.chunks if c.id not in before]
    assert fresh and all(c.doc_id == D003 for c in fresh)
    assert report.embedded == len(fresh) == len(fake_embedder.passages)
    title = after.docs[D003].title
    assert all(p.startswith(title + "\n") for p in fake_embedder.passages)
    assert any("tăng 42%" in c.text for c in fresh)


def test_deleted_file_drops_out_of_the_folder_index(fake_service, small_docs, tmp_path):
    assert D003 in fake_service.index.docs
    (small_docs / f"{D003}.txt").unlink()
    report = fake_service.index_paths([small_docs])
    assert report.removed == [D003]
    assert report.embedded == 0
    for index in (fake_service.index, Index.load(tmp_path / "index")):
        assert sorted(index.docs) == [D001, D004]
        assert not any(c.doc_id == D003 for c in index.chunks)
        assert len(index.vectors) == len(index.chunks) == index.lexical.size


def test_indexing_one_file_does_not_drop_the_others(fake_service, small_docs):
    report = fake_service.index_paths([small_docs / f"{D001}.txt"])
    assert report.removed == []
    assert sorted(fake_service.index.docs) == [D001, D003, D004]


def test_failed_ingest_leaves_the_index_untouched(fake_service, small_docs, tmp_path):
    index_dir = tmp_path / "index"
    before = _snapshot(index_dir)
    (small_docs / "broken.txt").write_bytes(b"\x00\x01binary")
    with pytest.raises(Exception, match="binary file"):  # --strict: the file is an error
        fake_service.index_paths([small_docs], strict=True)
    assert _live(index_dir) == "gen-000001"
    assert _snapshot(index_dir) == before


def test_indexing_streams_documents():
    """Documents are chunked and embedded as they come, not after the whole input is read,
    and a document equal to the indexed one is dropped (the index keeps its own copy)."""
    seeds = load_documents([SEEDS_DIR])
    events: list[str] = []

    class Recording(FakeEmbedder):
        def embed_passages(self, texts):
            events.append("embed")
            return super().embed_passages(texts)

    def stream(docs):
        for doc in docs:
            events.append("read")
            yield doc

    embedder = Recording()
    config = IndexConfig(embedder_backend=embedder.backend, embedder_model=embedder.model)
    first, report = update(Index.empty(config, embedder.dim), stream(seeds), embedder)
    assert report.chunks == len(first) and report.embedded == len(first)
    assert events.index("embed") < len(events) - 1 - events[::-1].index("read")

    reread = load_documents([SEEDS_DIR])
    again, report = update(first, stream(reread), embedder)
    assert report.embedded == 0 and report.unchanged == len(seeds)
    assert all(again.docs[d.id] is first.docs[d.id] for d in reread)


def test_a_passage_twice_is_embedded_once(fake_embedder):
    doc = load_documents([SEEDS_DIR])[0]
    twin = replace(doc, id=doc.id + "-copy")
    config = IndexConfig(embedder_backend=fake_embedder.backend,
                         embedder_model=fake_embedder.model)
    index, report = update(Index.empty(config, fake_embedder.dim), [doc, twin], fake_embedder)
    assert report.chunks == 2 * report.embedded
    np.testing.assert_array_equal(index.embeddings[: report.embedded],
                                  index.embeddings[report.embedded:])


def test_read_only_index_dir(fake_service, small_docs, tmp_path):
    index_dir = tmp_path / "index"
    before = _snapshot(index_dir)
    live = _live(index_dir)
    index_dir.chmod(0o555)
    try:
        if os.access(index_dir, os.W_OK):
            pytest.skip("running with privileges that ignore directory permissions (root)")
        f = small_docs / f"{D001}.txt"
        f.write_text(f.read_text(encoding="utf-8") + "\n\nĐoạn mới.", encoding="utf-8")
        with pytest.raises(IndexStoreError, match="cannot write"):
            fake_service.index_paths([small_docs])
    finally:
        index_dir.chmod(0o755)
    assert _live(index_dir) == live
    assert _snapshot(index_dir) == before
    assert "Đoạn mới." not in Index.load(index_dir).docs[D001].text


def test_unwritable_index_dir_as_the_os_reports_it(fake_service, small_docs, tmp_path,
                                                  monkeypatch):
    """What a read-only directory does to a writer, for runs where chmod cannot (root):
    the OS refuses to create the temp generation."""
    import index.store as store

    index_dir = tmp_path / "index"
    before = _snapshot(index_dir)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store.tempfile, "mkdtemp", refuse)
    f = small_docs / f"{D001}.txt"
    f.write_text(f.read_text(encoding="utf-8") + "\n\nĐoạn mới.", encoding="utf-8")
    with pytest.raises(IndexStoreError, match="cannot write to index directory") as err:
        fake_service.index_paths([small_docs])
    assert "Permission denied" in str(err.value)
    assert _live(index_dir) == "gen-000001"
    assert _snapshot(index_dir) == before
    assert "Đoạn mới." not in fake_service.index.docs[D001].text


def test_published_generation_has_ordinary_permissions(fake_service, tmp_path):
    umask = os.umask(0)
    os.umask(umask)
    if umask & 0o055 == 0o055:
        pytest.skip("umask hides group/other bits anyway")
    index_dir = tmp_path / "index"
    plain = tmp_path / "plain"
    plain.mkdir()
    gen = index_dir / _live(index_dir)
    assert stat.S_IMODE(gen.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


def test_documents_keep_their_source(fake_service, small_docs):
    docs = load_documents([small_docs])
    for d in docs:
        assert fake_service.index.docs[d.id].source == str((small_docs / f"{d.id}.txt")
                                                            .resolve())
