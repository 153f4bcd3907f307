"""Plain-text tables aligned with spaces, and a table's unit named in words at the end of the
sentence leading into it (issue 16, break-test bt2-b16 items 4 and 5).  Invented figures."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from rag.ingest.markdown import md_to_text, text_with_tables
from rag.ingest.uploads import read_upload
from rag.ingest.web import html_to_text
from rag.ingest.word import docx_text

_THUY_SAN = ("Sản lượng thủy sản năm 2048\nĐVT: tấn\n\n"
             "Chỉ tiêu                 Năm 2048\n"
             "Cá nuôi lồng              3.415\n"
             "Tôm nước lợ               1.206\n")


@pytest.mark.parametrize("raw, lines", [
    (_THUY_SAN, ["Năm 2048 — Cá nuôi lồng: 3.415 tấn", "Năm 2048 — Tôm nước lợ: 1.206 tấn"]),
    # two periods, a cell left empty, the unit line under its own heading
    ("Báo cáo nhanh\n\nĐVT: tấn\nChỉ tiêu          Năm 2048      Năm 2049\n"
     "Cá nuôi lồng        3.415         3.600\n"
     "Tôm nước lợ                       1.310\n",
     ["Năm 2049 — Cá nuôi lồng: 3.600 tấn", "Năm 2049 — Tôm nước lợ: 1.310 tấn",
      "Năm 2048 — Cá nuôi lồng: 3.415 tấn"]),
    # a unit column, numbers right-aligned, a tab in the gutter
    ("Tình hình sản xuất công nghiệp\n\n"
     "Chỉ tiêu          ĐVT           Tháng 2/2024     2 tháng 2024\n"
     "Điện sản xuất     triệu kWh         95,2\t    190,1\n"
     "Gạch nung         triệu viên       1.204            2.450\n",
     ["2 tháng 2024 — Gạch nung: 2.450 triệu viên", "Điện sản xuất: 95,2 triệu kWh"]),
    # the unit at the end of the lead sentence (item 4's kind, in a text table)
    ("Sản lượng một số sản phẩm chủ yếu như sau, đơn vị tính nghìn tấn:\n"
     "Sản phẩm        Năm 2030\nXi măng           812,5\nClinker           640,2\n",
     ["Năm 2030 — Xi măng: 812,5 nghìn tấn"]),
])
def test_a_space_aligned_text_table_is_read_as_a_table(raw: str, lines: list[str]) -> None:
    text = text_with_tables(raw)
    for line in lines:
        assert line in text, text


@pytest.mark.parametrize("raw", [
    # accidental double spaces in a paragraph
    "Báo cáo\n\nTrong năm 2048,  sản lượng cá nuôi lồng đạt 3.415 tấn,  tăng 5%.\n"
    "Năm 2049  dự kiến đạt 3.600 tấn.  Tôm nước lợ đạt 1.206 tấn.\n",
    # a letterhead laid out with spaces: no figure
    "UBND TỈNH LẠNG SƠN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ CÔNG THƯƠNG              Độc lập - Tự do - Hạnh phúc\n",
    # two columns of prose, as a layout export leaves them
    "Tháng 2 năm 2024, giá trị sản xuất công nghiệp       trên địa bàn tỉnh ước đạt 1.250 tỷ\n"
    "ước tăng 5,2% so với cùng kỳ; trong đó ngành           chế biến chế tạo đạt 980 tỷ đồng\n",
])
def test_prose_with_double_spaces_stays_prose(raw: str) -> None:
    assert text_with_tables(raw) == raw


def test_the_text_tables_figure_is_answered_with_its_unit(tmp_path) -> None:
    from conftest import empty_service

    from rag.records import AskOptions

    service = empty_service(tmp_path)
    service.add_document(read_upload("bieu_thuysan_2048.txt", _THUY_SAN.encode()))
    a = service.ask("sản lượng cá nuôi lồng năm 2048", AskOptions(today=date(2049, 3, 1)))
    assert a.found and "3.415 tấn" in a.answer, a.answer
    assert "kế hoạch" not in a.answer


_LEAD = "Thu ngân sách của các huyện năm 2034 được tổng hợp dưới đây, đơn vị tính triệu đồng:"


def _docx(lead: str, rows: list[list[str]]) -> bytes:
    d = docx.Document()
    d.add_paragraph("BÁO CÁO thu ngân sách năm 2034")
    d.add_paragraph(lead)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            t.cell(i, j).text = v
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("lead, unit", [
    (_LEAD, "triệu đồng"),
    ("Số liệu cụ thể của từng huyện như sau, ĐVT tỷ đồng:", "tỷ đồng"),
    ("Số liệu cụ thể như sau (đơn vị: tỷ đồng):", "tỷ đồng"),
    ("Kết quả thu của các huyện, đơn vị: triệu đồng.", "triệu đồng"),
])
def test_a_unit_at_the_end_of_the_lead_sentence_is_the_tables(lead: str, unit: str) -> None:
    md = f"# Báo cáo\n\n{lead}\n\n| Huyện | Năm 2034 |\n|---|---|\n| Đầm Hà | 78.904 |\n"
    assert f"Năm 2034 — huyện Đầm Hà: 78.904 {unit}" in md_to_text(md)[1]
    html = (f"<p>{lead}</p><table><tr><td><b>Huyện</b></td><td><b>Năm 2034</b></td></tr>"
            "<tr><td>Đầm Hà</td><td>78.904</td></tr><tr><td>Bình Liêu</td><td>51.220</td></tr>"
            "</table>")
    assert f"Năm 2034 — huyện Đầm Hà: 78.904 {unit}" in html_to_text(html)[1]
    text, _ = docx_text("ns.docx", _docx(lead, [["Huyện", "Năm 2034"], ["Đầm Hà", "78.904"],
                                                 ["Bình Liêu", "51.220"]]))
    assert f"Năm 2034 — huyện Bình Liêu: 51.220 {unit}" in text


@pytest.mark.parametrize("lead", [
    "Kết quả thu của các đơn vị như sau:",   # "đơn vị" the word, no unit after it
    "Số thu phân theo đơn vị hành chính:",
])
def test_the_word_don_vi_alone_gives_no_unit(lead: str) -> None:
    md = f"# Báo cáo\n\n{lead}\n\n| Huyện | Năm 2034 |\n|---|---|\n| Đầm Hà | 78.904 |\n"
    text = md_to_text(md)[1]
    assert "Năm 2034 — huyện Đầm Hà: 78.904\n" in text + "\n", text
