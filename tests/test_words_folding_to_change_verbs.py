"""Issue 16, break-test bt16g item 4: a row label ending in a word that folds to "tăng"/"giảm"
but is another word -- "hạ tầng", "nhà nhiều tầng", "bảo tàng", "quà tặng" -- is no change.

"Năm 2011 — Phí sử dụng kết cấu hạ tầng: 214,9 tỷ đồng" (an HTML table's row under "Năm 2011
(tỷ đồng)") was read as a rise ("tầng" folds to "tang"), so "phí sử dụng kết cấu hạ tầng năm
2011?" was refused with "chỉ nêu mức thay đổi".  DOCX tables are stored the same way.

Near-misses: a label ending in the verb itself ("Doanh thu tăng") and text typed without
diacritics ("tang 14,9 ty dong") are still changes; the comparison column still answers a rise."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract


def _html(title: str, intro: str, table: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<article><h1>{title}</h1><p>{intro}</p><table border="1">{table}'
            "</table></article></body></html>")


def _docx(title: str, rows: list[list[str]]) -> bytes:
    d = docx.Document()
    d.add_paragraph(title)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    d.add_paragraph("Các đơn vị tiếp tục triển khai nhiệm vụ được giao.")
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    "thu_phi.html": _html(
        "Thu phí hạ tầng cửa khẩu năm 2061",
        "Kết quả thu phí năm 2061 so với năm 2060 được tổng hợp dưới đây.",
        "<tr><th>Loại phí</th><th>Năm 2060 (tỷ đồng)</th><th>Năm 2061 (tỷ đồng)</th>"
        "<th>So sánh (%)</th></tr>"
        "<tr><td>Phí sử dụng kết cấu hạ tầng</td><td>186,3</td><td>214,9</td><td>115,4</td></tr>"
        "<tr><td>Phí bến bãi</td><td>42,7</td><td>39,8</td><td>93,2</td></tr>"),
    "xay_dung.docx": _docx(
        "Báo cáo ngành xây dựng năm 2062", [
            ["Chỉ tiêu", "Năm 2062 (công trình)"],
            ["Nhà ở nhiều tầng", "37"],
            ["Nhà ở riêng lẻ", "1.240"]]),
    "van_hoa.html": _html(
        "Hoạt động văn hóa, du lịch năm 2063", "Một số kết quả năm 2063.",
        "<tr><th>Chỉ tiêu</th><th>Năm 2063 (lượt)</th></tr>"
        "<tr><td>Khách tham quan bảo tàng</td><td>12.400</td></tr>"
        "<tr><td>Khách tham quan di tích</td><td>58.300</td></tr>"),
    "an_sinh.html": _html(
        "Công tác an sinh xã hội Tết năm 2064", "Kết quả năm 2064 như sau.",
        "<tr><th>Nội dung</th><th>Năm 2064 (suất)</th></tr>"
        "<tr><td>Quà tặng</td><td>4.350</td></tr>"),
}

ASKED = [
    ("phí sử dụng kết cấu hạ tầng năm 2061?", "214,9 tỷ đồng"),
    ("phí sử dụng kết cấu hạ tầng năm 2060 là bao nhiêu?", "186,3 tỷ đồng"),
    ("số công trình nhà ở nhiều tầng năm 2062?", "37 công trình"),
    ("lượt khách tham quan bảo tàng năm 2063?", "12.400 lượt"),
    ("số suất quà tặng năm 2064?", "4.350 suất"),
]

# near-misses: the row that is no such word, and the comparison column
KEPT = [
    ("phí bến bãi năm 2061?", "39,8 tỷ đồng"),
    ("lượt khách tham quan di tích năm 2063?", "58.300 lượt"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("fold_change_words"), DOCS)


@pytest.mark.parametrize(("question", "value"), ASKED + KEPT)
def test_row_is_a_level(service: RagService, question: str, value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary, a.note)


@pytest.mark.parametrize(("text", "measure"), [
    ("Năm 2061 — Phí sử dụng kết cấu hạ tầng: 214,9 tỷ đồng", "level"),
    ("Năm 2062 — Nhà ở nhiều tầng: 37 công trình", "level"),
    ("Năm 2063 — Khách tham quan bảo tàng: 12.400 lượt", "level"),
    ("Năm 2064 — Quà tặng: 4.350 suất", "level"),
    # near-misses: the verb itself, and text typed without diacritics
    ("Năm 2061 — Doanh thu tăng: 14,9 tỷ đồng", "change"),
    ("Năm 2061 — Doanh thu giảm: 3,2 tỷ đồng", "change"),
    ("doanh thu nam 2061 tang 14,9 ty dong", "change"),
])
def test_measure_of_a_label(text: str, measure: str) -> None:
    frames = extract(text, "", "")
    assert frames and frames[0].measure == measure, [(f.measure, f.indicator) for f in frames]
