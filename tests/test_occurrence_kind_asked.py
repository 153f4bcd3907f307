"""A count of times asked with what the times are of ("số lượt người xuất nhập cảnh", "bao
nhiêu lượt khách", "số lượt xe") is no count of times of another thing: "28.915 lượt xe"
answers no "lượt người" (issue 16 break-test bt16i: answered at 0.83 from a Tết report that
holds no count of people for the month), "5.230 lượt người" no "lượt xe".  The kind after
"lượt"/"chuyến" is compared with the figure's unit through rag.vi.lexicon.UNIT_SYNONYMS
(rag.answer.figures.counts_asked).  Near-misses: the same kind asked ("lượt xe", or its
synonym "lượt phương tiện", "lượt hành khách" of "lượt khách") and a bare "lượt" (asked or
stated) keep their answers.  Documents are built here as HTML, DOCX and plain text, with
other numbers, months and wordings than the break-test's."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, html_rows

from rag.records import AskOptions
from rag.service import RagService

_BORDER = [["Chỉ tiêu", "Đơn vị", "Số lượng"],
           ["Số phương tiện xuất nhập cảnh", "lượt xe", "12.406"],
           ["Kim ngạch xuất nhập khẩu", "triệu USD", "318"],
           ["Tổng mức bán lẻ hàng hóa", "tỷ đồng", "2.775"]]
_HOLIDAY = [["Chỉ tiêu", "Đơn vị", "Số lượng"],
            ["Số phương tiện xuất nhập cảnh", "lượt xe", "3.115"],
            ["Số lượt người xuất nhập cảnh", "lượt người", "14.870"]]
_PORTS = [["Chỉ tiêu", "Đơn vị tính", "Quý III/2043"],
          ["Xe hàng qua cửa khẩu", "lượt phương tiện", "9.318"],
          ["Doanh thu dịch vụ kho bãi", "tỷ đồng", "46"]]
_TEXT = ("Báo cáo tình hình du lịch, xuất nhập cảnh năm 2044.\n"
         "Trong năm 2044, có 5.237 lượt người xuất nhập cảnh qua cửa khẩu quốc tế.\n"
         "Khách du lịch đến tỉnh năm 2044 đạt 87.150 lượt.\n"
         "Vận chuyển hành khách năm 2044 đạt 1.920 nghìn lượt khách.\n")


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Báo cáo hoạt động của Ban quản lý cửa khẩu quý III năm 2043.")
    docx_fill(d.add_table(rows=len(_PORTS), cols=len(_PORTS[0])), _PORTS)
    return docx_bytes(d)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    html = ("<html><head><title>Thị trường tháng 3 năm 2041</title></head><body><article>"
            "<h1>Hoạt động thương mại tháng 3 năm 2041</h1><p>Tình hình thị trường tháng 3 năm"
            " 2041 trên địa bàn tỉnh ổn định.</p><h3>Xuất nhập cảnh dịp Tết Nguyên đán Tân Dậu"
            f" 2041</h3><table>{html_rows(_HOLIDAY)}</table><h3>Hoạt động thương mại cả tháng 3"
            f" năm 2041</h3><table>{html_rows(_BORDER)}</table></article></body></html>")
    root: Path = tmp_path_factory.mktemp("occurrence_kind")
    return service_over_files(root, {"thang3-2041.html": html.encode(),
                                     "cuakhau-q3-2043.docx": _docx(),
                                     "dulich-2044.txt": _TEXT})


def ask(service: RagService, question: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize(("question", "other"), [
    ("số lượt người xuất nhập cảnh tháng 3 năm 2041", "12.406"),
    ("tháng 3/2041 có bao nhiêu lượt khách xuất nhập cảnh?", "12.406"),
    ("số lượt người qua cửa khẩu quý III/2043", "9.318"),
    ("số lượt xe xuất nhập cảnh năm 2044", "5.237"),
    ("năm 2044 có bao nhiêu lượt xe xuất nhập cảnh?", "5.237"),
])
def test_times_of_another_thing_do_not_answer(service: RagService, question: str,
                                              other: str) -> None:
    answer = ask(service, question)
    assert other not in answer.answer, (question, answer.answer)


@pytest.mark.parametrize(("question", "expected"), [
    ("số lượt xe xuất nhập cảnh tháng 3 năm 2041", "12.406 lượt xe"),
    ("số phương tiện xuất nhập cảnh tháng 3 năm 2041", "12.406 lượt xe"),
    ("số lượt phương tiện xuất nhập cảnh tháng 3 năm 2041", "12.406 lượt xe"),
    ("số lượt xe hàng qua cửa khẩu quý III/2043", "9.318"),
    ("số lượt người xuất nhập cảnh dịp Tết Nguyên đán 2041", "14.870 lượt người"),
    ("số lượt người xuất nhập cảnh năm 2044", "5.237 lượt người"),
    ("số lượt khách du lịch năm 2044", "87.150 lượt"),
    ("số lượt hành khách vận chuyển năm 2044", "1.920 nghìn lượt khách"),
])
def test_times_of_the_thing_asked_are_answered(service: RagService, question: str,
                                               expected: str) -> None:
    answer = ask(service, question)
    assert answer.found, (question, answer.answer)
    assert expected in answer.answer, answer.answer
