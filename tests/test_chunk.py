"""rag.ingest.chunk: exact offsets, stable ids, bounded sizes, time scope on chunks."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import D001, D004, SEEDS_DIR

from rag.ingest.chunk import Chunker
from rag.ingest.folders import load_documents
from rag.ingest.readers import make_document
from rag.records import Chunk


@pytest.fixture(scope="module")
def docs():
    return load_documents([SEEDS_DIR])


@pytest.fixture(scope="module")
def chunks(docs):
    return Chunker().split(docs)


def test_chunk_text_is_exact_slice(docs, chunks):
    by_id = {d.id: d for d in docs}
    assert len(chunks) == 37
    for c in chunks:
        assert c.text == by_id[c.doc_id].text[c.start:c.end]
        assert c.title == by_id[c.doc_id].title
        assert c.date == by_id[c.doc_id].date
        assert c.text == c.text.strip()


def test_every_document_is_covered_in_order(docs, chunks):
    for doc in docs:
        mine = [c for c in chunks if c.doc_id == doc.id]
        assert mine, doc.id
        assert mine[0].start == 0
        assert mine[-1].end == len(doc.text)
        for a, b in zip(mine, mine[1:], strict=False):
            assert a.start < b.start
            assert b.start <= a.end + 2  # contiguous or overlapping, never a gap
        # every non-space character of the document lies in some chunk
        covered = set()
        for c in mine:
            covered.update(range(c.start, c.end))
        assert all(i in covered for i, ch in enumerate(doc.text) if not ch.isspace())


def test_ids_stable_across_runs(docs, chunks):
    again = Chunker().split(load_documents([SEEDS_DIR]))
    assert [c.id for c in again] == [c.id for c in chunks]
    assert again == chunks
    assert len({c.id for c in chunks}) == len(chunks)


def test_id_is_hash_of_doc_offsets_and_text():
    cid = Chunk.make_id("doc", 10, 20, "abc")
    assert cid.startswith("doc:10:")
    assert cid == Chunk.make_id("doc", 10, 20, "abc")
    assert cid != Chunk.make_id("doc", 10, 20, "abd")
    assert cid != Chunk.make_id("doc2", 10, 20, "abc")


def test_ids_change_when_text_changes(docs):
    doc = next(d for d in docs if d.id == D001)
    before = Chunker().split([doc])
    # change one figure in the middle of the document
    assert "769 triệu USD" in doc.text
    changed = replace(doc, text=doc.text.replace("769 triệu USD", "770 triệu USD"))
    after = Chunker().split([changed])
    ids_before = [c.id for c in before]
    ids_after = [c.id for c in after]
    assert ids_before != ids_after
    touched = [c.id for c in before if "769 triệu USD" in c.text]
    assert touched and not set(touched) & set(ids_after)
    # chunks before the change keep their ids
    assert ids_after[0] == ids_before[0]


def _whole_paragraph(doc_text: str, chunk, chunker: Chunker) -> bool:
    """A chunk longer than chunk_size is one whole paragraph of the document (plus, at most,
    a short tail such as a signature that joined it)."""
    main = max(chunk.text.split("\n"), key=len)
    return main.strip() in {line.strip() for line in doc_text.split("\n")} \
        and len(main) <= chunker.max_paragraph \
        and len(chunk.text) - len(main) <= chunker.min_chunk + 2


def test_no_chunk_longer_than_chunk_size_but_whole_paragraphs(docs, chunks):
    chunker = Chunker()
    by_id = {d.id: d for d in docs}
    long = [c for c in chunks if len(c.text) > chunker.chunk_size + chunker.min_chunk]
    assert long  # the seeds have paragraphs of 1,100 and 1,233 characters
    for c in long:
        assert _whole_paragraph(by_id[c.doc_id].text, c, chunker)


# Regression: pieces shorter than min_chunk were merged into the previous chunk with no size
# check (Chunker(200, 40) gave 595-char chunks; Chunker(100, 20) returned whole documents).
@pytest.mark.parametrize(("size", "overlap"), [(200, 40), (100, 20)])
def test_small_chunk_size_is_respected(docs, size, overlap):
    chunker = Chunker(size, overlap)
    by_id = {d.id: d for d in docs}
    long = [c for c in chunker.split(docs) if len(c.text) > size + chunker.min_chunk]
    assert long  # at these sizes the seeds' long paragraphs make chunks over the size
    for c in long:
        assert _whole_paragraph(by_id[c.doc_id].text, c, chunker)


def test_paragraph_within_paragraph_max_is_never_cut():
    sentence = "Kim ngạch xuất khẩu của tỉnh Lạng Sơn năm 2018 đạt 769 triệu USD. "
    whole = (sentence * 18).strip()  # ~1,200 characters: longer than chunk_size
    too_long = (sentence * 30).strip()  # ~2,000: longer than paragraph_max (1,600)
    doc = make_document("para", f"Mở đầu ngắn.\n{whole}\n{too_long}", title="Tựa")
    out = Chunker().split([doc])
    assert any(c.text.endswith(whole) and len(c.text) <= 1600 for c in out)
    pieces = [c for c in out if c.start >= doc.text.index(too_long)]
    assert len(pieces) >= 3 and all(len(c.text) <= 800 for c in pieces)
    assert pieces[-1].end == len(doc.text)
    assert Chunker(800, 150, paragraph_max=2000).split([doc])[-1].text == too_long
    with pytest.raises(ValueError, match="paragraph_max"):
        Chunker(800, 150, paragraph_max=500)


def test_consecutive_chunks_overlap_at_most_chunk_overlap(chunks):
    for a, b in zip(chunks, chunks[1:], strict=False):
        if a.doc_id == b.doc_id:
            assert a.end - b.start <= Chunker().chunk_overlap


def test_short_tail_joins_previous_chunk():
    body = " ".join(f"Câu số {i} về kim ngạch xuất khẩu của tỉnh Lạng Sơn trong năm 2018."
                    for i in range(30))  # one paragraph longer than paragraph_max
    doc = make_document("tail", body + "\n\nPV", title="Tựa")
    out = Chunker().split([doc])
    assert len(out) == 3
    assert out[-1].text.endswith("năm 2018.\n\nPV")
    assert out[-1].end == len(doc.text)
    assert not any(c.text == "PV" for c in out)


# Regression: offsets were recovered with doc.text.find(piece, previous_start + 1), which in
# repetitive text found an earlier copy of the piece: spans (0,782), (29,811), (58,521) for a
# 1739-char document.
def test_offsets_of_repetitive_text_advance_to_the_end():
    body = " ".join("Hàng hóa thông quan ổn định." for _ in range(60))
    doc = make_document("rep", body, title="Tựa")
    out = Chunker().split([doc])
    assert out[-1].end == len(doc.text)
    for a, b in zip(out, out[1:], strict=False):
        assert a.end - b.start <= Chunker().chunk_overlap


def test_chunk_years_and_periods_of_001(docs, chunks):
    mine = [c for c in chunks if c.doc_id == D001]
    assert len(mine) == 5
    for c in mine:
        assert 2018 in c.years
        assert "M3" in c.periods


def test_chunk_scope_is_its_own_when_it_names_one(chunks):
    mine = [c for c in chunks if c.doc_id == D004]
    first = mine[0]
    assert "6 tháng cuối năm 2023" in first.text
    assert set(first.periods) == {"H2", "M6"}
    assert first.years == (2023,)


def test_chunker_validates_settings():
    with pytest.raises(ValueError, match="chunk_size"):
        Chunker(chunk_size=10)
    with pytest.raises(ValueError, match="chunk_overlap"):
        Chunker(chunk_size=100, chunk_overlap=100)
    assert Chunker().settings == {"kind": "paragraph-sentence", "chunk_size": 800,
                                  "chunk_overlap": 150, "min_chunk": 120, "paragraph_max": 1600}
