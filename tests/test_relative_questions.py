"""Questions whose period is relative to the day asked ("năm ngoái", "quý trước") and
questions that compare ("so với tháng trước"): retrieval meets the report of the period they
mean, and the answer is the comparison, not the level."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import FakeEmbedder

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService
from rag.service.questions import dated
from rag.settings import Settings

FIGURES = {year: f"{1000 + 37 * (year - 2008)},{year % 10} triệu USD" for year in range(2008, 2022)}


def test_relative_periods_are_written_out_for_retrieval():
    query = dated(analyze("kim ngạch XNK năm ngoái"), date(2020, 3, 1))
    assert query.expanded.endswith("(năm 2019)")
    assert set(query.scope.years) == {2019}
    quarter = dated(analyze("tổng mức bán lẻ quý trước"), date(2019, 5, 10))
    assert "quý I/2019" in quarter.expanded
    same = analyze("kim ngạch XNK năm 2019")
    assert dated(same, date(2020, 3, 1)) == same  # a written year is left as it is


def test_last_year_is_answered_from_last_years_report(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for year, value in FIGURES.items():
        (docs / f"xnk-{year}.txt").write_text(
            f"Tình hình xuất nhập khẩu qua địa bàn\n\nTổng kim ngạch xuất nhập khẩu qua địa bàn "
            f"năm {year} đạt {value}, hoạt động thông quan tại các cửa khẩu ổn định.\n",
            encoding="utf-8")
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    service.index_paths([docs])
    for today, year in ((date(2020, 3, 1), 2019), (date(2013, 6, 1), 2012)):
        answer = service.ask("kim ngạch xuất nhập khẩu năm ngoái", AskOptions(today=today))
        assert answer.found and answer.answer == FIGURES[year]
        assert answer.citations[0].doc_id == f"xnk-{year}"


def test_a_compared_figure_asks_for_the_change():
    on = date(2021, 12, 31)
    assert read_question(analyze("giá vàng tháng 3/2021 so với tháng trước"), on).measure \
        == "change"
    assert read_question(analyze("gạch nung 9 tháng 2021 so cùng kỳ"), on).measure == "change"
    counted = "6 tháng đầu năm 2021 có bao nhiêu sản phẩm đạt và vượt so với cùng kỳ"
    assert read_question(analyze(counted), on).measure == "level"
    assert read_question(analyze("quy mô GRDP năm 2021 so với cùng kỳ"), on).measure == "level"


def test_a_question_of_invisible_characters_is_empty(tmp_path: Path):
    import pytest

    from rag.errors import QuestionError
    service = RagService(Settings(index_dir=tmp_path / "index", sessions_db=tmp_path / "s.db"),
                         embedder=FakeEmbedder())
    for blank in ("\u200b", "\u200b\u00ad ", "\ufeff"):
        with pytest.raises(QuestionError, match="empty"):
            service.check_question(blank)


def test_thousands_grouped_by_spaces_keep_their_decimals():
    from rag.vi.numbers import find_values
    for text, value in (("đạt 4 210,6 tỷ đồng", 4210.6), ("đạt 1\u202f318,25 tỷ đồng", 1318.25),
                        ("đạt 3\u00a0125,4 tỷ đồng", 3125.4), ("đạt 12 345 678 đồng", 12345678)):
        assert [v.low for v in find_values(text)] == [value], text


def test_a_dash_set_apart_after_a_verb_is_a_minus():
    from rag.vi.frames import extract
    from rag.vi.numbers import find_values
    [v] = find_values("Chỉ số giá tiêu dùng năm 2019 tăng – 0,5% so với năm 2018")
    assert v.low == -0.5 and v.text == "– 0,5%"
    assert [(v.low, v.high) for v in find_values("từ 3 - 4 giờ")] == [(3.0, 4.0)]
    [f] = extract("Chỉ số giá tiêu dùng (CPI) năm 2019 tăng – 0,5% so với năm 2018.", "CPI",
                  None)
    assert f.measure == "change" and f.direction == -1


def test_utf16_text_and_csv_files_are_read(tmp_path: Path):
    from rag.ingest.readers import read_file
    text = "Kim ngạch xuất khẩu năm 2019 đạt 1.234,5 triệu USD.\n"
    for enc in ("utf-16", "utf-16-be"):
        path = tmp_path / f"bc-{enc}.txt"
        bom = b"\xfe\xff" if enc.endswith("be") else b""
        path.write_bytes(bom + text.encode(enc))
        [doc] = read_file(path)
        assert "1.234,5 triệu USD" in doc.text
    table = tmp_path / "bang.csv"
    table.write_bytes("Chỉ tiêu\tNăm 2019\nXuất khẩu (triệu USD)\t1.234,5\n".encode("utf-16"))
    [doc] = read_file(table)
    assert "Năm 2019 — Xuất khẩu: 1.234,5 triệu USD" in doc.text


def test_unreadable_files_say_what_they_are(tmp_path: Path):
    import io

    import pytest
    from pypdf import PdfWriter

    from rag.errors import IngestError
    from rag.ingest.readers import read_file
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    data = io.BytesIO()
    writer.write(data)
    locked = tmp_path / "bao-cao.pdf"
    locked.write_bytes(data.getvalue())
    with pytest.raises(IngestError, match="password"):
        read_file(locked)
    fake = tmp_path / "anh.png"
    fake.write_bytes(b"this is not a picture at all\n" * 10)
    with pytest.raises(IngestError, match="not a PNG, JPEG or TIFF file") as err:
        read_file(fake)
    assert "BytesIO" not in str(err.value)
