"""A caption's closing bracket listing the table's period and its unit, "Kim ngạch theo cửa
khẩu (6 tháng năm 2083, triệu USD)": the last item is the unit of every bare cell
(rag.ingest.tables._listed_unit) -- a customs gate table under such a caption had no unit,
so its gates' totals were refused and a province total served for one gate (break-test s46
bt17w).  A list that ends in no unit ("(GRDP, giá hiện hành)", "(năm 2083, %)") gives none."""

from __future__ import annotations

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, html_rows

from rag.ingest.tables import table_unit
from rag.records import AskOptions
from rag.service import RagService

ROWS = [["Cửa khẩu", "Xuất khẩu", "Nhập khẩu", "Tổng"],
        ["Bảo Lâm", "804", "1.321", "2.125"],
        ["Đông Hưng", "377", "245", "622"]]
LEAD = ("Tính đến hết ngày 30/6/2083, tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh đạt 4.310 "
        "triệu USD, tăng 9,2% so với cùng kỳ.")


def html() -> bytes:
    """The report as an HTML page, the caption an <h2> before the table."""
    return ("<html><head><title>Xuất nhập khẩu 6 tháng năm 2083</title></head><body><main>"
            "<h1>Xuất nhập khẩu 6 tháng năm 2083</h1><p>Cập nhật: 04/7/2083</p>"
            f"<p>{LEAD}</p><h2>Kim ngạch theo cửa khẩu (6 tháng năm 2083, triệu USD)</h2>"
            f"<table>{html_rows(ROWS)}</table></main></body></html>").encode()


def docx_file() -> bytes:
    """The report as a .docx, the caption a paragraph before the table (";" between)."""
    d = docx.Document()
    d.add_paragraph("Xuất nhập khẩu 6 tháng năm 2083")
    d.add_paragraph(LEAD)
    d.add_paragraph("Kim ngạch theo cửa khẩu (6 tháng năm 2083; triệu USD)")
    docx_fill(d.add_table(rows=len(ROWS), cols=4), ROWS)
    return docx_bytes(d)


@pytest.mark.parametrize(("title", "unit"), [
    ("Kim ngạch theo cửa khẩu (9 tháng năm 2079, triệu USD)", "triệu USD"),
    ("Bảng 2. Thu ngân sách (6 tháng 2082; tỷ đồng)", "tỷ đồng"),
    ("Sản lượng chủ yếu (năm 2079, nghìn tấn)", "nghìn tấn"),
    ("Tổng sản phẩm (GRDP, giá hiện hành)", ""),
    ("Cơ cấu kinh tế (năm 2079, %)", ""),
])
def test_the_last_item_of_a_listed_bracket_is_the_unit(title: str, unit: str) -> None:
    assert table_unit(title) == unit


@pytest.fixture(scope="module", params=["html", "docx"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    data = html() if request.param == "html" else docx_file()
    return service_over_files(tmp_path_factory.mktemp(request.param),
                              {f"xnk-6-thang-2083.{request.param}": data})


@pytest.mark.parametrize(("question", "value"), [
    ("Tổng kim ngạch qua cửa khẩu Bảo Lâm 6 tháng 2083?", "2.125 triệu USD"),
    ("kim ngach xnk qua cua khau dong hung 6 thang 2083", "622 triệu USD"),
    ("Nhập khẩu qua cửa khẩu Bảo Lâm 6 tháng năm 2083?", "1.321 triệu USD"),
])
def test_a_gate_is_answered_with_the_captions_unit(service: RagService, question: str,
                                                   value: str) -> None:
    answer = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert answer.found and answer.answer.startswith(value), (answer.answer, answer.summary)
