"""Issue 16, break-test bt16f item 4: a table's context from the sentence above it and from
grouped headers, read alike in HTML and DOCX.

1. A lead-in naming the base its table is compared with ("Số thu năm 2007 so với năm 2006 như
   sau.", "… so với cùng kỳ như sau:", "… cụ thể như sau:") says nothing of the level columns:
   their figures stay levels, asked by year; only the "Tăng, giảm (%)" column is the change,
   of the base the lead-in names.  Every row was stored "(Số thu so với như sau)", each level
   read as a change and "thuế xuất khẩu năm 2007?" refused -- and a year the report does not
   cover got no near year.
2. A bare "So sánh (%)" merged down beside a year spanning "Kế hoạch | Thực hiện" (``<th
   colspan=2>Năm 2015</th>`` then ``<th rowspan=2>So sánh (%)</th>``) is the share of that
   year's plan, as it is when the year spans it too: "đạt bao nhiêu % kế hoạch?" was refused.

Near-misses: "tăng bao nhiêu %" is still the change column's figure; an actual's level is not
its plan share, nor the plan; two years under a group with a merged-down "So sánh (%)" give
the later's ratio to the earlier."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_merged_table

from rag.ingest.readers import read_bytes
from rag.records import AskOptions
from rag.service import RagService


def _html(title: str, intro: str, table: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="main"><h1>{title}</h1><p>{intro}</p><table border="1">{table}'
            '</table></div><div class="tin-lien-quan"><h4>Tin liên quan</h4><ul><li>Tỉnh bạn: '
            "thuế nhập khẩu đạt 2.950 tỷ đồng</li></ul></div></body></html>")


def _docx(title: str, intro: str, rows: list[list[str]],
          merges: tuple[tuple[int, int, int, int], ...] = ()) -> bytes:
    d = docx.Document()
    d.add_paragraph(title)
    d.add_paragraph(intro)
    docx_merged_table(d, rows, merges)
    d.add_paragraph("Các đơn vị tiếp tục triển khai nhiệm vụ được giao.")
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    # 1. a lead-in comparing two years, row labels in <th scope="row">
    "thu_ngan_sach.html": _html(
        "Thu ngân sách từ hoạt động xuất nhập khẩu năm 2047",
        "Số thu năm 2047 so với năm 2046 như sau.",
        "<tr><th>Khoản thu</th><th>Năm 2046 (tỷ đồng)</th><th>Năm 2047 (tỷ đồng)</th>"
        "<th>Tăng, giảm (%)</th></tr>"
        '<tr><th scope="row">Thuế xuất khẩu</th><td>112,5</td><td>98,2</td><td>-12,7</td></tr>'
        '<tr><th scope="row">Thuế nhập khẩu</th><td>640,8</td><td>731,4</td><td>14,1</td></tr>'),
    # ... "so với cùng kỳ như sau:", six months, in DOCX
    "xuat_khau.docx": _docx(
        "Báo cáo tình hình xuất khẩu 6 tháng đầu năm 2044",
        "Kim ngạch xuất khẩu một số mặt hàng 6 tháng năm 2044 so với cùng kỳ như sau:", [
            ["Mặt hàng", "6 tháng 2043 (triệu USD)", "6 tháng 2044 (triệu USD)",
             "Tăng, giảm (%)"],
            ["Hạt điều", "41,6", "47,3", "13,7"],
            ["Rau quả tươi", "88,2", "79,5", "-9,9"]]),
    # ... "cụ thể như sau:", a unit column, in HTML
    "san_pham.html": _html(
        "Sản xuất công nghiệp năm 2049",
        "Sản lượng một số sản phẩm chủ yếu năm 2049 so với năm 2048 cụ thể như sau:",
        "<tr><th>Sản phẩm</th><th>ĐVT</th><th>Năm 2048</th><th>Năm 2049</th>"
        "<th>Tăng, giảm (%)</th></tr>"
        "<tr><td>Xi măng</td><td>nghìn tấn</td><td>1.120</td><td>1.236</td><td>10,4</td></tr>"
        "<tr><td>Gạch xây</td><td>triệu viên</td><td>210</td><td>198</td><td>-5,7</td></tr>"),
    # 2. a year over plan and actual, "So sánh (%)" merged down beside it (HTML)
    "thuong_mai.html": _html(
        "Kết quả thực hiện kế hoạch thương mại năm 2052",
        "Kết quả các chỉ tiêu chủ yếu của ngành thương mại năm 2052 như sau.",
        '<thead><tr><th rowspan="2">Chỉ tiêu</th><th rowspan="2">ĐVT</th>'
        '<th colspan="2">Năm 2052</th><th rowspan="2">So sánh (%)</th></tr>'
        "<tr><th>Kế hoạch</th><th>Thực hiện</th></tr></thead><tbody>"
        '<tr><td>Tổng mức bán lẻ hàng hóa</td><td rowspan="3">tỷ đồng</td><td>14.200</td>'
        "<td>14.735</td><td>103,8</td></tr>"
        "<tr><td>Doanh thu dịch vụ lưu trú</td><td>390</td><td>372</td><td>95,4</td></tr>"
        "<tr><td>Doanh thu dịch vụ lữ hành</td><td>86</td><td>91,3</td><td>106,2</td></tr>"
        "</tbody>"),
    # ... the same in DOCX, "Tỷ lệ (%)" after "Ước thực hiện", no lead-in year
    "dien.docx": _docx(
        "Báo cáo kết quả ngành điện", "Kết quả thực hiện các chỉ tiêu như sau:", [
            ["Chỉ tiêu", "ĐVT", "Năm 2053", "", "Tỷ lệ (%)"],
            ["", "", "Kế hoạch", "Ước thực hiện", ""],
            ["Sản lượng điện thương phẩm", "triệu kWh", "1.250", "1.198", "95,8"],
            ["Số hộ sử dụng điện", "hộ", "241.000", "243.650", "101,1"]],
        merges=((0, 2, 0, 3), (0, 4, 1, 4), (0, 0, 1, 0), (0, 1, 1, 1))),
    # ... two years under a group, "So sánh (%)" merged down: the later's ratio to the earlier
    "van_tai.html": _html(
        "Hoạt động vận tải", "Kết quả hoạt động vận tải như sau.",
        '<tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Doanh thu (tỷ đồng)</th>'
        '<th rowspan="2">So sánh (%)</th></tr><tr><th>Năm 2054</th><th>Năm 2055</th></tr>'
        "<tr><td>Vận tải hàng hóa</td><td>310</td><td>347,2</td><td>112,0</td></tr>"
        "<tr><td>Vận tải hành khách</td><td>125</td><td>118,8</td><td>95,0</td></tr>"),
}

ASKED = [
    ("thuế xuất khẩu năm 2047?", "98,2 tỷ đồng"),
    ("thuế nhập khẩu năm 2046?", "640,8 tỷ đồng"),
    ("thuế nhập khẩu năm 2047 là bao nhiêu?", "731,4 tỷ đồng"),
    ("kim ngạch xuất khẩu hạt điều 6 tháng năm 2044?", "47,3 triệu USD"),
    ("kim ngạch xuất khẩu rau quả tươi 6 tháng đầu năm 2043?", "88,2 triệu USD"),
    ("sản lượng xi măng năm 2049?", "1.236 nghìn tấn"),
    ("sản lượng gạch xây năm 2048 là bao nhiêu?", "210 triệu viên"),
    ("doanh thu dịch vụ lưu trú năm 2052 đạt bao nhiêu % kế hoạch?", "95,4%"),
    ("doanh thu dịch vụ lưu trú năm 2052 so với kế hoạch?", "95,4%"),
    ("doanh thu dịch vụ lữ hành năm 2052 đạt bao nhiêu phần trăm kế hoạch?", "106,2%"),
    ("sản lượng điện thương phẩm năm 2053 đạt bao nhiêu % kế hoạch?", "95,8%"),
    ("số hộ sử dụng điện năm 2053 bằng bao nhiêu phần trăm kế hoạch?", "101,1%"),
]

# near-misses: the change column still answers a change, a level stays the actual
KEPT = [
    ("thuế nhập khẩu năm 2047 tăng bao nhiêu %?", "14,1%"),
    ("thuế xuất khẩu năm 2047 giảm bao nhiêu % so với năm 2046?", "-12,7%"),
    ("sản lượng xi măng năm 2049 tăng bao nhiêu %?", "10,4%"),
    ("doanh thu dịch vụ lưu trú năm 2052?", "372 tỷ đồng"),
    ("kế hoạch doanh thu dịch vụ lưu trú năm 2052?", "390 tỷ đồng"),
    ("doanh thu vận tải hàng hóa năm 2055 tăng bao nhiêu % so với năm 2054?", "tăng 12,0%"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("table_intro_16f"), DOCS)


@pytest.mark.parametrize(("question", "value"), ASKED + KEPT)
def test_row_answers_its_level_change_or_plan_share(service: RagService, question: str,
                                                    value: str) -> None:
    a = service.ask(question, AskOptions())
    assert a.found and a.answer == value, (question, a.answer, a.summary, a.note)


def test_a_change_names_the_lead_ins_base(service: RagService) -> None:
    a = service.ask("thuế nhập khẩu năm 2047 tăng bao nhiêu % so với năm 2046?", AskOptions())
    assert a.found and a.answer == "14,1%", a.answer
    assert "so với năm 2046" in (a.summary or ""), a.summary
    assert "thu;" not in (a.summary or ""), a.summary


def test_a_year_not_covered_names_the_near_years(service: RagService) -> None:
    a = service.ask("thuế nhập khẩu năm 2070?", AskOptions())
    assert not a.found and "2047" in (a.answer or ""), a.answer


def _lines(name: str) -> list[str]:
    data = DOCS[name]
    text = read_bytes(name, data if isinstance(data, bytes) else data.encode())[0].text
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_stored_lines() -> None:
    for name in ("thu_ngan_sach.html", "xuat_khau.docx", "san_pham.html"):
        assert not any("như sau" in line or "so với)" in line for line in _lines(name)[2:]), \
            _lines(name)
    assert "Năm 2052 So sánh TH/KH (%) — Doanh thu dịch vụ lưu trú: 95,4%" in \
        _lines("thuong_mai.html")
    assert "Năm 2053 Tỷ lệ TH/KH (%) — Sản lượng điện thương phẩm: 95,8%" in \
        _lines("dien.docx")
    assert any(line.startswith("Năm 2055 so với Năm 2054 (%) — Vận tải hàng hóa: 112,0%")
               for line in _lines("van_tai.html")), _lines("van_tai.html")
