"""A plan column's cells are targets whatever they measure: a growth rate, a change, a share
or an index under "Kế hoạch 2091" is a target as the column's money or counts are
(break-test bt9-b16 failure 4: "Kế hoạch 2088 — Tốc độ tăng trưởng GRDP: 7,5%" was stored
as an actual, so "kế hoạch tăng trưởng GRDP năm 2088" was refused).  A ratio to the plan
("% so KH", "TH/KH") and an actual column stay no target.  Tables of our own in XLSX, CSV,
Markdown, DOCX and PDF, with other indicators, years and headers than the example."""

from __future__ import annotations

import docx
import openpyxl
import pytest
from conftest import service_over_files
from helpers import fpdf_page

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

DOCS = {
    "thuongmai_2093.csv": (
        "Chỉ tiêu,Đơn vị tính,Kế hoạch năm 2093,Ước thực hiện năm 2093,So với KH (%)\n"
        "\"Tốc độ tăng tổng mức bán lẻ hàng hóa\",%,\"11,5\",\"12,3\",\n"
        "\"Tổng mức bán lẻ hàng hóa\",tỷ đồng,\"41.200\",\"42.615,8\",\"103,4\"\n"),
    "lamnghiep_2094.md": (
        "# Kết quả thực hiện chỉ tiêu lâm nghiệp năm 2094\n\n"
        "| Chỉ tiêu | ĐVT | KH 2094 | TH 2094 |\n|---|---|---|---|\n"
        "| Tỷ lệ che phủ rừng | % | 63,8 | 63,5 |\n"
        "| Tốc độ tăng giá trị sản xuất lâm nghiệp | % | 6,2 | 5,4 |\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    root = tmp_path_factory.mktemp("plan_columns")
    svc = service_over_files(root, DOCS)
    more = root / "more"
    more.mkdir()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    for row in (["CÁC CHỈ TIÊU CHỦ YẾU NĂM 2092"],
                ["Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2092", "Thực hiện 2092", "% so KH"],
                ["Tốc độ tăng thu ngân sách nhà nước trên địa bàn", "%", 8.5, 9.14, None],
                ["Tỷ trọng công nghiệp - xây dựng trong GRDP", "%", 24.6, 23.9, None],
                ["Tỷ lệ hộ nghèo", "%", 3.2, 3.45, None],
                ["Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", 5840, 6112.7, 104.7]):
        ws.append(row)
    wb.save(more / "chitieu_2092.xlsx")
    d = docx.Document()
    d.add_paragraph("Báo cáo tình hình xuất khẩu năm 2095")
    t = d.add_table(rows=3, cols=3)
    for r, cells in enumerate((("Chỉ tiêu", "Mục tiêu năm 2095", "Thực hiện năm 2095"),
                               ("Tốc độ tăng kim ngạch xuất khẩu (%)", "9", "10,7"),
                               ("Kim ngạch xuất khẩu (triệu USD)", "1.480", "1.503,2"))):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    d.save(more / "xuatkhau_2095.docx")
    pdf = fpdf_page()
    pdf.multi_cell(0, 6, "Kết quả thực hiện các chỉ tiêu du lịch năm 2091")
    pdf.ln(4)
    with pdf.table(first_row_as_headings=False) as table:
        for r in (("Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2091", "Thực hiện 2091"),
                  ("Tốc độ tăng doanh thu du lịch", "%", "14,0", "15,8"),
                  ("Tổng lượt khách du lịch", "lượt", "4.200.000", "4.315.600")):
            row = table.row()
            for c in r:
                row.cell(c)
    (more / "dulich_2091.pdf").write_bytes(bytes(pdf.output()))
    svc.index_paths([more])
    return svc


def _ask(service: RagService, question: str) -> tuple[bool, str]:
    a = service.ask(question, AskOptions())
    return a.found, a.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("kế hoạch tốc độ tăng thu ngân sách nhà nước năm 2092", "8,5%"),
    ("chỉ tiêu kế hoạch tốc độ tăng thu ngân sách năm 2092", "8,5%"),
    ("kế hoạch tỷ trọng công nghiệp - xây dựng trong GRDP năm 2092", "24,6%"),
    ("kế hoạch tỷ lệ hộ nghèo năm 2092", "3,2%"),
    ("kế hoạch tăng trưởng tổng mức bán lẻ hàng hóa năm 2093", "11,5%"),
    ("kế hoạch tỷ lệ che phủ rừng năm 2094", "63,8%"),
    ("kế hoạch tốc độ tăng giá trị sản xuất lâm nghiệp năm 2094", "6,2%"),
    ("mục tiêu tăng trưởng kim ngạch xuất khẩu năm 2095", "9%"),
    ("kế hoạch tốc độ tăng doanh thu du lịch năm 2091", "14,0%"),
])
def test_a_plan_columns_percentages_answer_plan_questions(service: RagService, question: str,
                                                         expected: str) -> None:
    found, answer = _ask(service, question)
    assert found and expected in answer, answer


@pytest.mark.parametrize(("question", "expected", "plan"), [
    ("tốc độ tăng thu ngân sách nhà nước năm 2092", "9,14%", "8,5"),
    ("tỷ trọng công nghiệp - xây dựng trong GRDP năm 2092", "23,9%", "24,6"),
    ("tốc độ tăng tổng mức bán lẻ hàng hóa năm 2093", "12,3%", "11,5"),
    ("tỷ lệ che phủ rừng năm 2094", "63,5%", "63,8"),
    ("tăng trưởng kim ngạch xuất khẩu năm 2095", "10,7%", None),
    ("tốc độ tăng doanh thu du lịch năm 2091", "15,8%", "14,0"),
])
def test_the_actual_column_still_answers_actual_questions(service: RagService, question: str,
                                                          expected: str,
                                                          plan: str | None) -> None:
    found, answer = _ask(service, question)
    assert found and expected in answer, answer
    if plan:
        assert f" {plan}" not in answer, answer


def _flags(lines: list[str]) -> dict[str, tuple[str, bool]]:
    text = "Các chỉ tiêu năm 2096\n\n" + "\n".join(lines) + "\n"
    return {f.value: (f.measure, f.target) for f in extract(text, "Các chỉ tiêu năm 2096")}


def test_the_flag_comes_from_the_column_for_every_measure() -> None:
    got = _flags([
        "Kế hoạch 2096 — Tốc độ tăng trưởng kinh tế: 8,1%",
        "Thực hiện 2096 — Tốc độ tăng trưởng kinh tế: 7,64%",
        "Kế hoạch 2096 — Tỷ trọng dịch vụ trong GRDP: 47,5%",
        "Dự toán 2096 — Tốc độ tăng chi thường xuyên: 4,2%",
        "KH 2096 so với TH 2095 (%) — Sản lượng điện thương phẩm: 6,8",
        "% so KH — Sản lượng điện thương phẩm: 101,9",
        "Tăng/giảm so với kế hoạch (%) — Doanh thu dịch vụ: 3,3",
    ])
    assert got["8,1%"] == ("change", True)
    assert got["7,64%"][1] is False
    assert got["47,5%"][1] is True
    assert got["4,2%"][1] is True
    assert got["6,8"][1] is True  # a planned rise on last year's actual
    assert got["101,9"] == ("plan_share", False)
    assert got["3,3"][1] is False
