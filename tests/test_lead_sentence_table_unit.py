"""A table's unit (and period) stated anywhere in the sentence leading into it, in any of
the wordings "tính bằng", "tính theo", "đơn vị (tính) là", "ĐVT" -- read for every row, in
DOCX, Markdown, text and HTML tables alike (issue 16, break-test bt4-b16 item 2; the wordings
and figures here differ from the break-test's).  Invented figures."""

from __future__ import annotations

import docx
import pytest
from helpers import docx_bytes, docx_fill

from rag.ingest.markdown import md_to_text
from rag.ingest.tables import lead_unit
from rag.ingest.uploads import read_upload
from rag.ingest.web import html_to_text
from rag.ingest.word import docx_text


@pytest.mark.parametrize("lead, unit", [
    ("Sản lượng khai thác 6 tháng đầu năm 2051 của các mỏ được thống kê dưới đây, số liệu "
     "tính bằng nghìn tấn.", "nghìn tấn"),
    ("Kim ngạch xuất khẩu quý II/2052 qua các cửa khẩu như bảng sau (tính theo triệu USD).",
     "triệu USD"),
    ("Đơn vị tính là ha. Diện tích gieo trồng vụ đông năm 2053 của các huyện như sau:", "ha"),
    ("Diện tích rừng trồng mới năm 2053 (đơn vị là ha) của từng huyện được nêu dưới đây.",
     "ha"),
])
def test_a_unit_phrase_anywhere_in_the_lead_sentence_is_read(lead: str, unit: str) -> None:
    assert lead_unit(lead) == unit


@pytest.mark.parametrize("lead", [
    "Giá trị sản xuất năm 2053 tính theo giá hiện hành của các huyện như sau:",
    "Số liệu tính bằng phương pháp bình quân gia quyền, chi tiết ở bảng sau:",
    "Kết quả thu của các đơn vị như sau:",
])
def test_a_marker_without_a_unit_after_it_gives_none(lead: str) -> None:
    assert lead_unit(lead) == ""


_CASES = [
    ("Sản lượng khai thác 6 tháng đầu năm 2051 của các mỏ được thống kê dưới đây, số liệu tính "
     "bằng nghìn tấn.", "Mỏ", "Sản lượng khai thác", "Na Dương", "412,7",
     "Sản lượng khai thác — Na Dương: 412,7 nghìn tấn (6 tháng đầu năm 2051)"),
    ("Kim ngạch xuất khẩu quý II/2052 qua các cửa khẩu như bảng sau (tính theo triệu USD).",
     "Cửa khẩu", "Kim ngạch xuất khẩu", "Tân Thanh", "356,2",
     "Kim ngạch xuất khẩu — cửa khẩu Tân Thanh: 356,2 triệu USD (quý II/2052)"),
    ("Đơn vị tính là ha. Diện tích gieo trồng vụ đông năm 2053 của các huyện như sau:",
     "Huyện", "Diện tích gieo trồng", "Hữu Lũng", "1.845",
     "Diện tích gieo trồng — huyện Hữu Lũng: 1.845 ha (năm 2053)"),
]


def _docx(lead: str, rows: list[list[str]]) -> bytes:
    d = docx.Document()
    d.add_paragraph("BÁO CÁO TỔNG HỢP")
    d.add_paragraph(lead)
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return docx_bytes(d)


def _line_in(line: str, text: str) -> None:
    assert line in text, text


@pytest.mark.parametrize("lead, col0, col1, name, value, line", _CASES)
def test_every_format_reads_the_lead_sentences_unit_and_period(
        lead: str, col0: str, col1: str, name: str, value: str, line: str) -> None:
    rows = [[col0, col1], [name, value], ["Khác", "12,5"]]
    md = (f"# Báo cáo\n\n{lead}\n\n| {col0} | {col1} |\n|---|---|\n| {name} | {value} |\n"
          "| Khác | 12,5 |\n")
    _line_in(line, md_to_text(md)[1])
    txt = read_upload("bc.txt", md.replace("# Báo cáo", "Báo cáo").encode()).text
    _line_in(line, txt)
    html = (f"<h1>Báo cáo</h1><p>{lead}</p><table><tr><td><b>{col0}</b></td><td><b>{col1}</b>"
            f"</td></tr><tr><td>{name}</td><td>{value}</td></tr><tr><td>Khác</td><td>12,5</td>"
            "</tr></table>")
    _line_in(line, html_to_text(html)[1])
    _line_in(line, docx_text("bc.docx", _docx(lead, rows))[0])
