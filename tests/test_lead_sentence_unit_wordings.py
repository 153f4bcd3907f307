"""A table's unit and period given in the sentence leading into it, in the wordings
statistics offices also write: "(được) thể hiện/biểu thị bằng|theo (đơn vị)", "tính bằng
đơn vị", "ĐVT tính", "đơn vị đo (là)", "(đv: …)" -- and a count noun alone as that unit
("con", "chiếc", "cái"); the sentence's period dates the rows even when it names no unit
(issue 16, break-test bt5-b16 item 1; the wordings, units, periods and figures here differ
from the break-test's).  Markdown, text and DOCX tables alike.  Invented figures."""

from __future__ import annotations

import docx
import pytest
from helpers import docx_bytes, docx_fill

from rag.ingest.markdown import md_to_text
from rag.ingest.tables import dated_lead_in, lead_unit
from rag.ingest.uploads import read_upload
from rag.ingest.word import docx_text


@pytest.mark.parametrize("lead, unit", [
    ("Số lượt khách du lịch quý III/2064 của các điểm đến, số liệu được thể hiện theo đơn vị "
     "lượt khách:", "lượt khách"),
    ("Sản lượng điện thương phẩm 9 tháng năm 2067 của các điện lực; ĐVT tính: triệu kWh.",
     "triệu kWh"),
    ("Số phương tiện xuất nhập cảnh tháng 7/2068 qua các cửa khẩu (đv: chiếc):", "chiếc"),
    ("Tổng đàn gia cầm 6 tháng đầu năm 2069 của các xã như sau, đơn vị đo là con.", "con"),
    ("Số máy làm đất năm 2070 của các hợp tác xã được biểu thị bằng cái:", "cái"),
    ("Lượng nước sạch cung cấp năm 2072, tính bằng đơn vị nghìn m3, như sau:", "nghìn m3"),
    ("Đơn vị tính bằng triệu đồng; doanh thu năm 2073 của các chợ như sau:", "triệu đồng"),
])
def test_more_unit_wordings_in_the_lead_sentence(lead: str, unit: str) -> None:
    assert lead_unit(lead) == unit


@pytest.mark.parametrize("lead", [
    "Số liệu tính bằng con số tuyệt đối, chi tiết ở bảng sau:",  # "con số" is no count
    "Kết quả năm 2074 được thể hiện bằng biểu đồ và bảng sau:",
    "Số liệu thể hiện theo đơn vị hành chính cấp huyện như sau:",
    "Giá trị sản xuất năm 2075 được tính theo giá so sánh như sau:",
])
def test_a_marker_without_a_unit_after_it_gives_none(lead: str) -> None:
    assert lead_unit(lead) == ""


@pytest.mark.parametrize("text, dated", [
    ("Doanh thu bán lẻ quý II/2066 của các nhóm hàng được tổng hợp ở bảng dưới đây.", True),
    ("Kim ngạch nhập khẩu 5 tháng đầu năm 2076 của các cửa khẩu:", True),
    ("Năm 2077, tỉnh tiếp tục đẩy mạnh cải cách hành chính.", False),  # leads into nothing
    ("Kết quả cụ thể của các huyện như sau:", False),  # names no period
])
def test_a_lead_in_naming_a_period_is_a_caption(text: str, dated: bool) -> None:
    assert dated_lead_in(text) is dated


def _docx(lead: str, rows: list[list[str]]) -> bytes:
    d = docx.Document()
    d.add_paragraph("BÁO CÁO NHANH")
    d.add_paragraph(lead)
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return docx_bytes(d)


_CASES = [
    ("Tổng đàn gia cầm 6 tháng đầu năm 2069 của các xã như sau, đơn vị đo là con.",
     "Xã", "Đàn gà", "Hoàng Đồng", "23.518",
     "Đàn gà — xã Hoàng Đồng: 23.518 con (6 tháng đầu năm 2069)"),
    ("Số lượt khách du lịch quý III/2064 của các điểm đến, số liệu được thể hiện theo đơn vị "
     "lượt khách:", "Điểm đến", "Khách nội địa", "Mẫu Sơn", "41.207",
     "Khách nội địa — Mẫu Sơn: 41.207 lượt khách (quý III/2064)"),
    # no unit at all: the sentence's period still dates the rows
    ("Doanh thu bán lẻ quý II/2066 của các nhóm hàng được tổng hợp ở bảng dưới đây.",
     "Nhóm hàng", "Doanh thu", "Lương thực", "1.482,6",
     "Doanh thu — Lương thực: 1.482,6 (quý II/2066)"),
]


@pytest.mark.parametrize("lead, col0, col1, name, value, line", _CASES)
def test_markdown_text_and_docx_tables_read_the_lead_sentence(
        lead: str, col0: str, col1: str, name: str, value: str, line: str) -> None:
    rows = [[col0, col1], [name, value], ["Khác", "17"]]
    md = (f"# Báo cáo\n\nTình hình chung ổn định.\n\n{lead}\n\n| {col0} | {col1} |\n|---|---|\n"
          f"| {name} | {value} |\n| Khác | 17 |\n")
    text = md_to_text(md)[1]
    assert line in text, text
    txt = read_upload("bn.txt", md.replace("# Báo cáo", "Báo cáo").encode()).text
    assert line in txt, txt
    word = docx_text("bn.docx", _docx(lead, rows))[0]
    assert line in word, word
