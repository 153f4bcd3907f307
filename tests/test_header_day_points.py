"""A column header naming a DAY ("Số chợ tại 31/12/2028", "Số HTX đến 30/9/2029", "Số cửa
hàng thời điểm 30/6/2029", "tính đến ngày 31/12/2028") dates that column's cells at that point
in time, over the date of the table's title ("… (cập nhật ngày 15/11/2029)"), in every reader
(XLSX, CSV, DOCX, HTML, PDF): a "hiện nay" question takes the later column's count and a
question naming one of the days takes that column's (break-test bt17h, cho_htx_2029: "Hiện
nay có bao nhiêu chợ hạng II?" answered the 31/12/2028 column, dated by the title).  Near-
misses: headers naming a year only keep their years; a title's date dates the cells when no
header names a period.  Every document is built here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import empty_service
from helpers import titled_table_file

from rag.ingest.uploads import read_upload
from rag.records import AskOptions
from rag.vi.frames import extract

_KINDS = ["xlsx", "csv", "docx", "html", "pdf"]
_TITLE = "MẠNG LƯỚI CHỢ TRÊN ĐỊA BÀN TỈNH LẠNG SƠN (cập nhật ngày 15/11/2029)"
_MARKETS = [["Loại chợ", "Số chợ tại 31/12/2028", "Số chợ tại 30/9/2029"],
            ["Chợ hạng I", "4", "5"], ["Chợ hạng II", "17", "18"],
            ["Chợ hạng III", "61", "63"], ["Tổng số chợ", "82", "86"]]
_COOPS = [["Loại hình", "Số hợp tác xã tại 31/12/2030", "Số hợp tác xã tại 30/6/2031"],
          ["Hợp tác xã nông nghiệp", "212", "230"], ["Hợp tác xã phi nông nghiệp", "95", "101"]]
_SHOPS = [["Chỉ tiêu", "Thời điểm 31/12/2031", "Thời điểm 30/6/2032"],
          ["Số cửa hàng tiện lợi", "146", "158"], ["Số siêu thị", "9", "11"]]


def _asked(file: tuple[str, bytes], question: str, today: date | None, tmp_path: Path):  # type: ignore[no-untyped-def]
    service = empty_service(tmp_path)
    service.add_document(read_upload(*file))
    return service.ask(question, AskOptions(retrieval_mode="lexical", today=today))


@pytest.mark.parametrize("kind", _KINDS)
def test_header_day_dates_its_column(kind: str) -> None:
    doc = read_upload(*titled_table_file(kind, _MARKETS, _TITLE))
    frames = {f.value: f for f in extract(doc.text, "", None) if f.indicator.endswith("Chợ hạng II")
              or f.indicator == "Chợ hạng II"}
    assert {"17", "18"} <= set(frames), doc.text
    assert frames["17"].period is not None and frames["17"].period.end == date(2028, 12, 31)
    assert frames["18"].period is not None and frames["18"].period.end == date(2029, 9, 30)


@pytest.mark.parametrize("kind", _KINDS)
@pytest.mark.parametrize("rows, title, question, today, answer", [
    (_MARKETS, _TITLE, "Hiện nay có bao nhiêu chợ hạng II?", date(2029, 12, 1), "18"),
    (_MARKETS, _TITLE, "Số chợ hạng I tại 30/9/2029?", None, "5"),
    (_MARKETS, _TITLE, "Số chợ hạng II năm 2029?", None, "18"),
    (_MARKETS, _TITLE, "Số chợ hạng III tại ngày 31/12/2028?", None, "61"),
    (_COOPS, "TÌNH HÌNH HỢP TÁC XÃ (báo cáo ngày 20/7/2031)",
     "Hiện nay có bao nhiêu hợp tác xã nông nghiệp?", date(2031, 8, 1), "230"),
    (_COOPS, "TÌNH HÌNH HỢP TÁC XÃ (báo cáo ngày 20/7/2031)",
     "Số hợp tác xã phi nông nghiệp tại 31/12/2030?", None, "95"),
    (_SHOPS, "HẠ TẦNG THƯƠNG MẠI (cập nhật ngày 10/8/2032)",
     "Hiện nay có bao nhiêu cửa hàng tiện lợi?", date(2032, 9, 1), "158"),
])
def test_header_day_answers(kind: str, rows: list[list[str]], title: str, question: str,
                            today: date | None, answer: str, tmp_path: Path) -> None:
    got = _asked(titled_table_file(kind, rows, title), question, today, tmp_path)
    assert got.found and got.answer.startswith(answer), got


# --- near-misses -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", _KINDS)
def test_header_year_keeps_its_year(kind: str, tmp_path: Path) -> None:
    rows = [["Loại chợ", "Năm 2028", "Năm 2029"], ["Chợ hạng II", "17", "18"]]
    got = _asked(titled_table_file(kind, rows, _TITLE), "Số chợ hạng II năm 2028?", None, tmp_path)
    assert got.found and got.answer.startswith("17"), got


@pytest.mark.parametrize("kind", _KINDS)
def test_title_date_when_headers_name_none(kind: str, tmp_path: Path) -> None:
    rows = [["Loại chợ", "Số chợ"], ["Chợ hạng II", "17"], ["Chợ hạng III", "61"]]
    got = _asked(titled_table_file(kind, rows, _TITLE), "Hiện nay có bao nhiêu chợ hạng II?",
                 date(2029, 12, 1), tmp_path)
    assert got.found and got.answer.startswith("17"), got
    assert got.summary and got.summary.startswith("Ngày 15/11/2029"), got.summary


@pytest.mark.parametrize("kind", _KINDS)
def test_header_point_words_keep_their_reading(kind: str, tmp_path: Path) -> None:
    rows = [["Loại chợ", "Số chợ tính đến ngày 31/12/2028", "Số chợ thời điểm 30/9/2029"],
            ["Chợ hạng I", "4", "5"], ["Chợ hạng II", "17", "18"]]
    got = _asked(titled_table_file(kind, rows, _TITLE), "Hiện nay có bao nhiêu chợ hạng II?",
                 date(2029, 12, 1), tmp_path)
    assert got.found and got.answer.startswith("18"), got
