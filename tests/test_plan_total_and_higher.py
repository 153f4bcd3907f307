"""Two kinds found by break-test bt24a (session 52):

- a plan asked with no indicator ("Kế hoạch năm 2037 là bao nhiêu?") over a table whose total
  row ("Tổng kim ngạch XNK") nests its parts ("Xuất khẩu", "Nhập khẩu") is the total, not the
  export row at 1.0 -- the table's nesting makes the row the parts' total whatever its label
  (rag.answer.figures.table_whole); with no total row, any one row is a guess and never sure
  (rag.answer.figures.row_among_equals);
- "cao hơn bao nhiêu?", "thấp hơn mấy điểm ...?" ask a difference: a level ("đạt 99%, cao
  hơn mức bình quân ...") is no answer; a difference stated ("cao hơn năm 2035 là 1,6 điểm
  phần trăm") is (rag.answer.question).

Documents, indicators, years and wordings are our own, not the break-test's."""

from __future__ import annotations

from datetime import date

import docx
import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill

from rag.answer.question import read_question
from rag.records import AskOptions
from rag.search.query import analyze
from rag.service import RagService


def _budget_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("BÁO CÁO Kết quả thu ngân sách và xuất nhập khẩu năm 2035")
    d.add_paragraph("Bảng 1. Kim ngạch xuất nhập khẩu qua địa bàn năm 2035 (Đơn vị tính: "
                    "triệu USD)")
    rows = [["STT", "Chỉ tiêu", "Thực hiện năm 2034", "Kế hoạch năm 2035",
             "Thực hiện năm 2035", "So với cùng kỳ (%)", "So với kế hoạch (%)"],
            ["", "", "(1)", "(2)", "(3)", "(3)/(1)", "(3)/(2)"],
            ["", "Tổng kim ngạch XNK", "8.120,0", "8.900,0", "9.215,4", "113,5", "103,5"],
            ["1", "Xuất khẩu", "3.540,5", "3.900,0", "4.010,2", "113,3", "102,8"],
            ["", "Trong đó: Cửa khẩu Chi Ma", "1.210,4", "", "1.402,6", "115,9", ""],
            ["2", "Nhập khẩu", "4.579,5", "5.000,0", "5.205,2", "113,7", "104,1"]]
    t = d.add_table(rows=len(rows), cols=7)
    docx_fill(t, rows)
    d.add_paragraph("Nguồn: Cục Hải quan tỉnh. Số liệu năm 2035 là số ước thực hiện.")
    return docx_bytes(d)


DOCS: dict[str, str | bytes] = {
    "xnk_2035.docx": _budget_docx(),
    "nongnghiep_2038.md": (
        "# Kết quả sản xuất nông nghiệp năm 2038\n\n"
        "| Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2038 | Thực hiện năm 2038 |\n"
        "|---|---|---|---|\n"
        "| Diện tích lúa | ha | 31.500 | 31.920 |\n"
        "| Diện tích ngô | ha | 18.200 | 17.850 |\n"
        "| Diện tích rau các loại | ha | 9.400 | 9.655 |\n"),
    "giaoduc_2036.txt": (
        "Báo cáo tổng kết năm học 2035-2036\n15/6/2036\n\n"
        "Tỷ lệ học sinh tốt nghiệp trung học phổ thông năm 2036 đạt 99%, cao hơn mức bình "
        "quân chung của cả nước. Tỷ lệ huy động trẻ mẫu giáo ra lớp năm 2036 đạt 97,5%, cao "
        "hơn năm trước.\n\n"
        "Tỷ lệ hộ sử dụng nước sạch năm 2036 đạt 92,4%, cao hơn năm 2035 là 1,6 điểm phần "
        "trăm.\n"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("plan_total_higher"), DOCS)


def _ask(service: RagService, question: str):  # noqa: ANN202
    return service.ask(question, AskOptions(retrieval_mode="lexical"))


@pytest.mark.parametrize("question", [
    "Kế hoạch năm 2035 là bao nhiêu?",
    "Kế hoạch năm 2035 là bao nhiêu triệu USD?",
    "kế hoạch năm 2035?",
    "Năm 2035 kế hoạch là bao nhiêu triệu USD?",
])
def test_a_plan_naming_no_part_is_the_tables_total(service: RagService, question: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer.startswith("8.900,0"), (a.answer, a.confidence)


@pytest.mark.parametrize(("question", "expected"), [
    ("Kế hoạch xuất khẩu năm 2035?", "3.900,0"),
    ("Kế hoạch kim ngạch nhập khẩu năm 2035 là bao nhiêu?", "5.000,0"),
    ("Kế hoạch diện tích ngô năm 2038?", "18.200"),
])
def test_a_named_part_keeps_its_row(service: RagService, question: str, expected: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer.startswith(expected), (a.answer, a.confidence)
    assert a.confidence >= 0.9, (a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "Kế hoạch năm 2038 là bao nhiêu ha?",
    "Kế hoạch năm 2038 là bao nhiêu?",
    "Diện tích năm 2038 là bao nhiêu ha?",
])
def test_one_row_of_many_with_no_total_is_never_sure(service: RagService,
                                                     question: str) -> None:
    a = _ask(service, question)
    assert not a.found or a.confidence < 0.9, (a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "Tỷ lệ hộ sử dụng nước sạch năm 2036 cao hơn bao nhiêu?",
    "tỷ lệ hộ dùng nước sạch năm 2036 cao hơn bao nhiêu so với năm trước?",
    "Tỷ lệ học sinh tốt nghiệp THPT năm 2036 thấp hơn mấy điểm?",
    "tỷ lệ tốt nghiệp năm 2036 nhiều hơn bao nhiêu",
])
def test_a_comparative_before_how_much_asks_a_change(question: str) -> None:
    assert read_question(analyze(question), date(2036, 7, 1)).measure == "change"


@pytest.mark.parametrize("question", [
    "Tỷ lệ học sinh tốt nghiệp trung học phổ thông năm 2036 cao hơn bao nhiêu?",
    "tỷ lệ học sinh tốt nghiệp trung học phổ thông năm 2036 cao hơn bao nhiêu so với cả nước?",
    "Tỷ lệ huy động trẻ mẫu giáo ra lớp năm 2036 cao hơn bao nhiêu?",
])
def test_a_level_is_no_answer_to_how_much_higher(service: RagService, question: str) -> None:
    a = _ask(service, question)
    assert not a.found or a.answer not in ("99%", "97,5%"), (a.answer, a.confidence)


@pytest.mark.parametrize("question", [
    "Tỷ lệ hộ sử dụng nước sạch năm 2036 cao hơn bao nhiêu?",
    "Tỷ lệ hộ sử dụng nước sạch năm 2036 cao hơn năm trước bao nhiêu?",
])
def test_a_stated_difference_answers_how_much_higher(service: RagService,
                                                     question: str) -> None:
    a = _ask(service, question)
    assert a.found and a.answer.startswith("1,6 điểm phần trăm"), (a.answer, a.confidence)


def test_the_level_still_answers_the_level(service: RagService) -> None:
    a = _ask(service, "Tỷ lệ học sinh tốt nghiệp trung học phổ thông năm 2036 là bao nhiêu?")
    assert a.found and a.answer == "99%", (a.answer, a.confidence)
