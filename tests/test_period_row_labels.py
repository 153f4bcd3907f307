"""Tables whose rows are periods (break-test bt17o, branch periodrows): a row label
that is wholly a period -- "Tháng 1/2082", "Quý I/2082", "6 tháng đầu năm 2082", "Cả năm 2082
(ước)", "Quý II", "9 tháng 2079" -- dates that row's cells (rag.vi.frames.tables.label_period),
not the caption's "…NĂM 2082": the January row was read as the year, the year's own row as one
part among the months ("no total"), and a month or a quarter asked was refused.  A row label's
"(ước)" is no unit (rag.ingest.tables).  Near-miss: rows that are places keep the caption's
year and their answers.  Documents are built here, in DOCX, HTML, PDF, XLSX and a text pipe
table."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import empty_service
from helpers import titled_table_file

from rag.ingest.uploads import read_upload
from rag.vi.frames import extract

_RETAIL_TITLE = "TỔNG MỨC BÁN LẺ HÀNG HÓA VÀ DOANH THU DỊCH VỤ TIÊU DÙNG NĂM 2082 (tỷ đồng)"
_RETAIL = [["Kỳ", "Thực hiện", "So cùng kỳ (%)"],
           ["Tháng 1/2082", "2.980", "108,4"], ["Tháng 2/2082", "3.410", "112,6"],
           ["Tháng 3/2082", "3.055", "106,1"], ["Quý I/2082", "9.445", "109,1"],
           ["6 tháng đầu năm 2082", "19.120", "110,3"], ["Cả năm 2082 (ước)", "40.250", "111,0"]]
_EXPORT_TITLE = "KIM NGẠCH XUẤT KHẨU HÀNG HÓA NĂM 2079 (triệu USD)"
_EXPORT = [["Thời gian", "Kim ngạch", "Tăng/giảm so cùng kỳ (%)"],
           ["Quý I", "412", "5,2"], ["Quý II", "468", "7,9"], ["6 tháng", "880", "6,6"],
           ["9 tháng 2079", "1.325", "6,1"], ["Năm 2079", "1.804", "6,4"]]
_PLACES_TITLE = "TỔNG MỨC BÁN LẺ HÀNG HÓA THEO HUYỆN NĂM 2082 (tỷ đồng)"
_PLACES = [["Huyện", "Thực hiện", "So cùng kỳ (%)"],
           ["Huyện Cao Lộc", "4.120", "109,5"], ["Huyện Lộc Bình", "2.870", "107,2"],
           ["Huyện Bắc Sơn", "1.960", "105,8"]]
_KINDS = ["docx", "html", "pdf", "xlsx", "txt"]


def _file(kind: str, rows: list[list[str]], title: str) -> tuple[str, bytes]:
    if kind == "txt":  # a pipe table in a text report
        lines = [f"| {' | '.join(r)} |" for r in rows]
        lines.insert(1, "|" + "---|" * len(rows[0]))
        return "bao-cao.txt", "\n".join([title, "", *lines]).encode()
    return titled_table_file(kind, rows, title)


def _asked(file: tuple[str, bytes], question: str, tmp_path: Path) -> object:
    service = empty_service(tmp_path)
    service.add_document(read_upload(*file))
    return service.ask(question)


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize("question, answer", [
    ("Tổng mức bán lẻ hàng hóa tháng 2/2082?", "3.410 tỷ đồng"),
    ("tổng mức bán lẻ quý I/2082 là bao nhiêu?", "9.445 tỷ đồng"),
    ("Tổng mức bán lẻ 6 tháng đầu năm 2082?", "19.120 tỷ đồng"),
    ("tổng mức bán lẻ hàng hóa cả năm 2082?", "40.250 tỷ đồng"),
])
def test_period_rows_are_their_periods(kind: str, question: str, answer: str,
                                       tmp_path: Path) -> None:
    got = _asked(_file(kind, _RETAIL, _RETAIL_TITLE), question, tmp_path)
    assert got.found and answer in got.answer, got  # type: ignore[attr-defined]
    assert "không có số liệu tổng" not in got.answer, got  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["docx", "xlsx", "txt"])
@pytest.mark.parametrize("question, answer", [
    ("kim ngạch xuất khẩu quý II/2079?", "468 triệu USD"),
    ("Kim ngạch xuất khẩu 9 tháng năm 2079 là bao nhiêu?", "1.325 triệu USD"),
    ("kim ngạch xuất khẩu năm 2079?", "1.804 triệu USD"),
])
def test_other_period_labels(kind: str, question: str, answer: str, tmp_path: Path) -> None:
    got = _asked(_file(kind, _EXPORT, _EXPORT_TITLE), question, tmp_path)
    assert got.found and answer in got.answer, got  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx", "txt"])
def test_period_row_frames(kind: str) -> None:
    doc = read_upload(*_file(kind, _RETAIL, _RETAIL_TITLE))
    frames = extract(doc.text, "", None)
    periods = {f.value: f.period.label for f in frames if f.period is not None}
    assert periods.get("2.980 tỷ đồng") == "tháng 1/2082", periods
    assert periods.get("9.445 tỷ đồng") == "quý I/2082", periods
    assert periods.get("40.250 tỷ đồng") == "năm 2082", periods  # "(ước)" no unit
    assert periods.get("106,1%") == "tháng 3/2082", periods


@pytest.mark.parametrize("kind", ["docx", "xlsx", "txt"])
def test_place_rows_keep_the_caption_year(kind: str, tmp_path: Path) -> None:
    got = _asked(_file(kind, _PLACES, _PLACES_TITLE),
                 "tổng mức bán lẻ hàng hóa huyện Lộc Bình năm 2082?", tmp_path)
    assert got.found and "2.870 tỷ đồng" in got.answer, got  # type: ignore[attr-defined]
    doc = read_upload(*_file(kind, _PLACES, _PLACES_TITLE))
    periods = {f.period.label for f in extract(doc.text, "", None) if f.period is not None}
    assert periods == {"năm 2082"}, periods


# A whole row labelled as the table's whole in a form the total-row test missed ("Chỉ số
# chung", "Cả tỉnh": rag.answer.figures.is_whole_row) is no part: "CPI tháng 9/2081 so với
# tháng 12/2080?" listed it among the groups, "no total" (bt17o thong_ke_9t_2081, 0.63).
_CPI_TITLE = "Bảng 3. Chỉ số giá tiêu dùng tháng 9/2081 (%)"
_CPI = [["Nhóm hàng", "So với tháng trước", "So với tháng 12/2080", "So với cùng kỳ"],
        ["Chỉ số chung", "0,52", "2,71", "3,84"], ["Lương thực", "1,15", "4,02", "5,60"],
        ["Nhà ở, điện nước", "0,87", "3,35", "4,91"], ["Giao thông", "-1,24", "-0,60", "1,12"]]
_VISITS_TITLE = "Bảng 2. Lượt khách du lịch theo địa bàn năm 2080 (lượt)"
_VISITS = [["Địa bàn", "Lượt khách", "So cùng kỳ (%)"],
           ["Cả tỉnh", "2.460.000", "108,2"], ["Thành phố Lạng Sơn", "1.120.000", "109,0"],
           ["Huyện Cao Lộc", "610.000", "107,5"], ["Huyện Chi Lăng", "390.000", "104,1"]]


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
@pytest.mark.parametrize("rows, title, question, answer", [
    (_CPI, _CPI_TITLE, "CPI tháng 9/2081 so với tháng 12/2080?", "2,71%"),
    (_CPI, _CPI_TITLE, "CPI tháng 9/2081 so với cùng kỳ?",
     "3,84%"),
    (_VISITS, _VISITS_TITLE, "lượt khách du lịch năm 2080?", "2.460.000"),
])
def test_whole_row_is_no_part(kind: str, rows: list[list[str]], title: str, question: str,
                              answer: str, tmp_path: Path) -> None:
    got = _asked(_file(kind, rows, title), question, tmp_path)
    assert got.found and answer in got.answer, got  # type: ignore[attr-defined]
    assert "không có số liệu tổng" not in got.answer, got  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_named_group_keeps_its_row(kind: str, tmp_path: Path) -> None:
    got = _asked(_file(kind, _CPI, _CPI_TITLE),
                 "chỉ số giá nhóm lương thực tháng 9/2081 so với tháng trước?", tmp_path)
    assert got.found and "1,15%" in got.answer, got  # type: ignore[attr-defined]
