"""rag.ingest.readers: seed articles, .md/.html/.jsonl files, and the errors that name the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import D000, D001, D002, D003, D004, SEED_FILES, SEEDS_DIR

from rag.ingest.folders import load_documents
from rag.ingest.readers import IngestError, read_file

BOILERPLATE = ["Tăng tương phản", "Giảm tương phản", "A- A A+", "Tổng số điểm của bài viết",
               "Click để đánh giá", "Bài viết liên quan", "Tin đã đăng", "Đang chờ cập nhật"]


@pytest.fixture(scope="module")
def seed_docs():
    docs = load_documents([SEEDS_DIR])
    return {d.id: d for d in docs}


def test_all_five_seeds_are_read(seed_docs):
    assert sorted(seed_docs) == sorted(p.stem for p in SEED_FILES)
    for doc in seed_docs.values():
        assert doc.source == str((SEEDS_DIR / f"{doc.id}.txt").resolve())


@pytest.mark.parametrize(("doc_id", "title"), [
    (D000, "Đảng bộ Sở Công Thương Lạng Sơn: Nỗ lực cao nhất cho các mục tiêu tăng trưởng"),
    (D001, "Ngành Công thương Lạng Sơn: Khẳng định vai trò đầu tàu trong phát triển kinh tế"),
    (D002, "Phó Thủ tướng Chính phủ Hồ Đức Phớc cùng đoàn công tác khảo sát và làm việc với "
           "tỉnh Lạng Sơn về Đề án thí điểm xây dựng cửa khẩu thông minh tại cửa khẩu quốc tế "
           "Hữu Nghị, Lạng Sơn"),
    # a lead sentence, not a heading: a shortened title, and the sentence stays in the body
    (D003, "Theo báo cáo từ Sở Công Thương tỉnh Lạng Sơn, nửa đầu năm 2021, …"),
    (D004, "Lãnh đạo Sở Công thương chủ trì hội nghị sơ kết"),
])
def test_seed_titles(seed_docs, doc_id, title):
    assert seed_docs[doc_id].title == title


def test_heading_title_leaves_the_body_lead_sentence_stays(seed_docs):
    assert not seed_docs[D004].text.startswith("Lãnh đạo Sở Công thương chủ trì")
    assert seed_docs[D003].text.startswith("Theo báo cáo từ Sở Công Thương tỉnh Lạng Sơn, nửa")
    # the title printed twice at the head of 002 leaves the head of the body
    assert seed_docs[D002].text.startswith("Đạt nhiều kết quả khả quan\n")


def test_dates(seed_docs):
    assert seed_docs[D001].date == "2018-05-22"
    # the date line stays in the text so a citation can quote it
    assert seed_docs[D001].text.startswith("2:05:12 PM | 22/5/2018")
    assert seed_docs[D000].date is None


def test_text_is_normalised(seed_docs):
    # the raw file of 003 says "kết qủa"
    assert "kết qủa" in (SEEDS_DIR / f"{D003}.txt").read_text(encoding="utf-8")
    assert "kết quả tích cực" in seed_docs[D003].text
    assert "kết qủa" not in seed_docs[D003].text


@pytest.mark.parametrize("doc_id", [D000, D001, D002, D003, D004])
def test_boilerplate_removed(seed_docs, doc_id):
    doc = seed_docs[doc_id]
    for phrase in BOILERPLATE:
        assert phrase not in doc.text, phrase
        assert phrase not in doc.title, phrase


def test_boilerplate_present_in_raw_files():
    """The removal above is meaningful: the raw files do hold the widgets."""
    raw000 = (SEEDS_DIR / f"{D000}.txt").read_text(encoding="utf-8")
    raw003 = (SEEDS_DIR / f"{D003}.txt").read_text(encoding="utf-8")
    for phrase in ["Tăng tương phản", "Tổng số điểm của bài viết", "Click để đánh giá",
                   "Bài viết liên quan"]:
        assert phrase in raw000
    assert "Tin đã đăng" in raw003


def test_repeated_photo_caption_kept_once(seed_docs):
    caption = "Hoạt động sản xuất công nghiệp trên địa bàn tỉnh Lạng Sơn. Ảnh: Anh Tuấn"
    raw = (SEEDS_DIR / f"{D000}.txt").read_text(encoding="utf-8")
    assert raw.count(caption) == 2
    assert seed_docs[D000].text.count(caption) == 1
    caption2 = "Hoạt động xuất nhập khẩu qua cửa khẩu Lạng Sơn. Ảnh: Anh Tuấn"
    assert seed_docs[D000].text.count(caption2) == 1


def test_content_after_boilerplate_cut_is_kept(seed_docs):
    assert seed_docs[D000].text.endswith("nhằm thu hút các nhà đầu tư, doanh nghiệp.")
    assert seed_docs[D003].text.endswith("TQL-KConline")


# --- other formats ---------------------------------------------------------------------------


def test_markdown(tmp_path: Path):
    path = tmp_path / "bao-cao.md"
    path.write_text("# Báo cáo quý I/2018\n\nKim ngạch **xuất khẩu** đạt [769 triệu USD]"
                    "(http://example.org).\n\n## Mục hai\n\n- Một ý\n- Hai ý\n", encoding="utf-8")
    [doc] = read_file(path)
    assert doc.id == "bao-cao"
    assert doc.title == "Báo cáo quý I/2018"
    assert doc.text == "Kim ngạch xuất khẩu đạt 769 triệu USD.\n\nMục hai\n\nMột ý\nHai ý"
    assert doc.years == (2018,)
    assert doc.periods == ("M3",)


def test_html_title_from_h1_and_scripts_dropped(tmp_path: Path):
    path = tmp_path / "trang.html"
    path.write_text(
        "<html><head><title>Trang web</title><script>var secret = 'XYZ-SCRIPT';</script>"
        "<style>.a { color: red }</style></head><body><nav>Menu Trang chủ</nav>"
        "<h1>Tiêu đề H1 &amp; thêm</h1><p>Đoạn một về kim ngạch.</p>"
        "<p>Đoạn hai&nbsp;năm 2019.</p><script>alert('XYZ-2')</script></body></html>",
        encoding="utf-8")
    [doc] = read_file(path)
    assert doc.title == "Tiêu đề H1 & thêm"
    assert "XYZ" not in doc.text
    assert "color" not in doc.text
    assert "Menu Trang chủ" not in doc.text
    assert "Đoạn một về kim ngạch.\n\nĐoạn hai năm 2019." in doc.text


def test_html_title_from_title_tag(tmp_path: Path):
    path = tmp_path / "chi-title.htm"
    path.write_text("<html><head><title>Chỉ có title</title></head><body>"
                    "<p>Nội dung bài viết về xuất khẩu.</p></body></html>", encoding="utf-8")
    [doc] = read_file(path)
    assert doc.title == "Chỉ có title"
    assert doc.text == "Nội dung bài viết về xuất khẩu."


def test_jsonl(tmp_path: Path):
    path = tmp_path / "bai.jsonl"
    recs = [{"id": "x1", "title": "Tựa một", "text": "Văn bản một năm 2020.", "date": "2020-01-02",
             "url": "http://example.org/1"},
            {"id": 2, "text": "Văn bản hai dài hơn một chút."}]
    path.write_text(json.dumps(recs[0], ensure_ascii=False) + "\n\n"
                    + json.dumps(recs[1], ensure_ascii=False) + "\n", encoding="utf-8")
    docs = read_file(path)
    assert [d.id for d in docs] == ["x1", "2"]
    assert docs[0].title == "Tựa một"
    assert docs[0].date == "2020-01-02"
    assert docs[0].url == "http://example.org/1"
    assert docs[0].text == "Văn bản một năm 2020."
    assert docs[1].title == "Văn bản hai dài hơn một chút."
    assert docs[1].text == "Văn bản hai dài hơn một chút."
    assert all(d.source == str(path.resolve()) for d in docs)


GOOD_LINE = '{"id": "ok", "text": "Kim ngạch xuất khẩu đạt 769 triệu USD."}'


@pytest.mark.parametrize(("bad", "message"), [
    ("{bad json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"text": "Văn bản."}', 'missing "id"'),
    ('{"id": "a"}', 'missing or empty "text"'),
    ('{"id": "a", "text": "   "}', 'missing or empty "text"'),
    ('{"id": "a", "text": "Văn bản.", "title": 5}', '"title" must be a string'),
])
def test_malformed_jsonl_line_names_file_and_line(tmp_path: Path, bad, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(GOOD_LINE + "\n\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(IngestError) as err:
        load_documents([path])
    assert f"{path}:3" in str(err.value)
    assert message in str(err.value)


# --- errors ----------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path):
    path = tmp_path / "nope.txt"
    with pytest.raises(IngestError, match="no such file or directory") as err:
        load_documents([path])
    assert str(path) in str(err.value)


def test_empty_file(tmp_path: Path):
    for name, content in [("empty.txt", b""), ("blank.txt", b"  \n\n\t\n")]:
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(IngestError, match="file is empty") as err:
            load_documents([path])
        assert str(path) in str(err.value)


def test_binary_file(tmp_path: Path):
    path = tmp_path / "anh.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4)
    with pytest.raises(IngestError, match="binary file") as err:
        load_documents([path])
    assert str(path) in str(err.value)


def test_not_utf8(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Báo cáo café".encode("latin-1"))
    with pytest.raises(IngestError, match="not UTF-8") as err:
        load_documents([path])
    assert str(path) in str(err.value)


def test_unsupported_extension(tmp_path: Path):
    path = tmp_path / "bao-cao.doc"
    path.write_text("Kim ngạch.", encoding="utf-8")
    with pytest.raises(IngestError, match=r"unsupported file type \.doc") as err:
        load_documents([path])
    assert str(path) in str(err.value)


def test_directory_without_supported_files(tmp_path: Path):
    (tmp_path / "a.doc").write_text("x", encoding="utf-8")
    with pytest.raises(IngestError, match="no .txt") as err:
        load_documents([tmp_path])
    assert str(tmp_path) in str(err.value)


def test_directory_skips_hidden_and_unsupported_files(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Tiêu đề\n\nNội dung một.", encoding="utf-8")
    (tmp_path / "b.doc").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Ẩn\n\nNội dung ẩn.", encoding="utf-8")
    assert [d.id for d in load_documents([tmp_path])] == ["a"]


def test_duplicate_id_across_files(tmp_path: Path):
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    (tmp_path / "d1" / "same.txt").write_text("Tiêu đề\n\nMột văn bản.", encoding="utf-8")
    second = tmp_path / "d2" / "same.md"
    second.write_text("# Khác\n\nVăn bản khác.", encoding="utf-8")
    with pytest.raises(IngestError, match="document id 'same' also comes from") as err:
        load_documents([tmp_path / "d1", tmp_path / "d2"])
    assert str(second) in str(err.value)
    assert str((tmp_path / "d1" / "same.txt").resolve()) in str(err.value)


def test_duplicate_id_within_jsonl(tmp_path: Path):
    path = tmp_path / "dup.jsonl"
    path.write_text(GOOD_LINE.replace('"ok"', '"a"') + "\n" + GOOD_LINE.replace('"ok"', '"a"')
                    + "\n", encoding="utf-8")
    with pytest.raises(IngestError, match="document id 'a'") as err:
        load_documents([path])
    assert str(path) in str(err.value)


def test_same_file_twice_is_a_duplicate(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Tiêu đề\n\nNội dung.", encoding="utf-8")
    with pytest.raises(IngestError, match="document id 'a'"):
        load_documents([path, path])


# Regression: a one-line document without final punctuation (and no title given) lost its
# line to the title and failed with "no text left after removing page boilerplate".
@pytest.mark.parametrize(("name", "content"), [
    ("note.txt", "Kim ngạch xuất khẩu quý I/2018 đạt 769 triệu USD\n"),
    ("notes.jsonl", '{"id": "n1", "text": "Kim ngạch xuất khẩu quý I/2018 đạt 769 triệu USD"}\n'),
], ids=["txt", "jsonl"])
def test_one_line_document_keeps_its_text(tmp_path: Path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [doc] = read_file(path)
    assert doc.text == "Kim ngạch xuất khẩu quý I/2018 đạt 769 triệu USD"
    assert doc.title == doc.text
    assert (doc.years, doc.periods) == ((2018,), ("M3",))


# Regression: the IngestError from make_document named only the doc id ("boiler: no text
# left ..."), not the file (nor file:line for .jsonl).
@pytest.mark.parametrize(("name", "content", "where"), [
    ("boiler.txt", "Tổng số điểm của bài viết là: 0 trong 0 đánh giá\n"
                   "Click để đánh giá bài viết\n", "boiler.txt"),
    ("recs.jsonl", GOOD_LINE + '\n{"id": "w", "text": "Click để đánh giá bài viết"}\n',
     "recs.jsonl:2"),
], ids=["txt", "jsonl"])
def test_all_boilerplate_error_names_the_file(tmp_path: Path, name, content, where):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match="no text left") as err:
        load_documents([path])
    assert str(tmp_path / where) in str(err.value)
