"""Three kinds a break-tester found in customs and hospital news (session 51, branch s51tables).

1. A table by gate split into its trade's parts and total ("Đơn vị | Xuất khẩu | Nhập khẩu |
   Tổng") under a caption naming the indicator ("Kim ngạch xuất nhập khẩu qua các cửa khẩu
   tháng 3/2034 (triệu USD)"): its bottom "Tổng số" row was "Tổng số" alone in every column,
   so "tổng kim ngạch xuất nhập khẩu qua các cửa khẩu" found none of its words there.  The
   total column's cell of that row is the caption's total (rag.ingest.tables.breakdown_head);
   the part columns' cells stay the row's, the parts' totals.
2. "Trong đó:" after sibling rows of flows ("Tổng kim ngạch", "Xuất khẩu", "Nhập khẩu") over
   rows of border gates: the gates were read as parts of the imports written last, so "kim
   ngạch nhập khẩu qua Tân Thanh" was answered with the gate's total trade.  A list of named
   parts under a row naming none is of the group's total (rag.ingest.tables.row_parents).
3. A model's or version's number -- "máy chụp cộng hưởng từ 3.0 Tesla", "phiên bản 4.0",
   "cách mạng công nghiệp 4.0", "5G" -- was read as a figure, and served for "bao nhiêu"
   (rag.vi.numbers.designation).
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import docx_bytes, docx_fill, html_rows

from rag.answer.candidates import candidates
from rag.answer.weights import AnswerWeights
from rag.ingest.tables import row_parents, table_lines
from rag.records import AskOptions
from rag.service import RagService
from rag.vi.numbers import find_values

CAPTION = "Kim ngạch xuất nhập khẩu qua các cửa khẩu tháng 3/2034 (triệu USD)"
SPLIT = [["Đơn vị", "Xuất khẩu", "Nhập khẩu", "Tổng"],
         ["Chi cục HQ Hữu Nghị", "300,1", "312,3", "612,4"],
         ["Chi cục HQ Tân Thanh", "100,2", "108,5", "208,7"],
         ["Chi cục HQ Chi Ma", "70,1", "81,1", "151,2"],
         ["Tổng số", "470,4", "501,9", "972,3"]]
FLOWS = [["Chỉ tiêu", "Tháng 3/2035", "So với cùng kỳ (%)"],
         ["Tổng kim ngạch", "1.972,3", "8,6"], ["Xuất khẩu", "870,4", "5,1"],
         ["Nhập khẩu", "1.101,9", "12,0"], ["Trong đó: Cửa khẩu Tân Thanh", "208,7", "2,0"],
         ["Cửa khẩu Hữu Nghị", "612,4", "3,1"], ["Ga Đồng Đăng", "40,1", "1,2"],
         ["Chi Ma", "111,1", "1,5"]]
PAD = "".join(f"<p>Đoạn {i}: hoạt động thông quan hàng hóa tại các cửa khẩu trên địa bàn tỉnh "
              "tiếp tục diễn ra thuận lợi.</p>" for i in range(3))


def _page(title: str, caption: str, rows: list[list[str]]) -> bytes:
    return (f"<html><body><article><h1>{title}</h1><p>Ngày 5/4/2035</p>{PAD}<p>{caption}</p>"
            f"<table>{html_rows(rows)}</table></article></body></html>").encode()


def _docx(caption: str, rows: list[list[str]]) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Hoạt động xuất nhập khẩu quý I/2034")
    d.add_paragraph(caption)
    docx_fill(d.add_table(rows=len(rows), cols=len(rows[0])), rows)
    return docx_bytes(d)


HOSPITAL = ("Bệnh viện Đa khoa tỉnh đưa vào sử dụng thiết bị mới năm 2036\n12/5/2036\n\n"
            "Năm 2036, Bệnh viện Đa khoa tỉnh đưa vào sử dụng máy chụp cộng hưởng từ 3.0 Tesla, "
            "giúp chẩn đoán chính xác hơn.\n\n"
            "Bệnh viện cũng triển khai phần mềm quản lý bệnh án điện tử phiên bản 4.0 cho toàn "
            "bộ các khoa.\n\n"
            "Tỉnh đẩy mạnh chuyển đổi số trong bối cảnh cách mạng công nghiệp 4.0, phủ sóng 5G "
            "tại trung tâm thành phố.\n\n"
            "Bệnh viện hiện có 650 giường bệnh và 1.120 cán bộ, nhân viên.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("s51tables"), {
        "xnk-3-2034.html": _page("Kim ngạch qua các cửa khẩu tháng 3/2034", CAPTION, SPLIT),
        "xnk-3-2035.html": _page("Hoạt động xuất nhập khẩu tháng 3/2035",
                                 "Kim ngạch xuất nhập khẩu tháng 3/2035 (triệu USD)", FLOWS),
        "benh-vien.txt": HOSPITAL})


def _ask(service: RagService, question: str) -> tuple[str, float]:
    r = service.ask(question, AskOptions(retrieval_mode="lexical", today=date(2036, 6, 1)))
    return (r.answer if r.found else ""), r.confidence


# -- 1. the total row of a table split into the caption's parts and total


@pytest.mark.parametrize("reader", ["html", "docx"])
def test_split_total_named_after_caption(reader: str) -> None:
    from rag.ingest.readers import read_bytes

    data = _page("Tin hải quan", CAPTION, SPLIT) if reader == "html" else _docx(CAPTION, SPLIT)
    text = read_bytes(f"a.{reader}", data)[0].text
    line = next(x for x in text.splitlines() if "972,3" in x)
    assert "Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu: 972,3" in line, line
    # a part column's cell is the part's total, never the whole trade's
    assert "Xuất khẩu — Tổng số: 470,4" in text


def test_columns_of_their_own_keep_the_bare_total() -> None:
    rows = [["Đơn vị", "Số tờ khai", "Tổng"], ["Chi cục HQ Hữu Nghị", "3.000", "612,4"],
            ["Chi cục HQ Chi Ma", "1.000", "151,2"], ["Tổng số", "4.000", "763,6"]]
    lines = table_lines(rows, CAPTION)
    assert not any("Tổng kim ngạch" in x for x in lines), lines


@pytest.mark.parametrize(("question", "expected"), [
    ("Tổng kim ngạch xuất nhập khẩu qua các cửa khẩu tháng 3/2034?", "972,3"),
    ("Kim ngạch xuất nhập khẩu qua các cửa khẩu tháng 3/2034 đạt bao nhiêu?", "972,3"),
    ("Tổng kim ngạch XNK qua các cửa khẩu tháng 3 năm 2034 là bao nhiêu?", "972,3"),
])
def test_the_caption_total_answers_sure(service: RagService, question: str,
                                        expected: str) -> None:
    answer, confidence = _ask(service, question)
    assert answer.startswith(expected) and confidence >= 0.9, (answer, confidence)


def test_a_part_total_stays_the_part(service: RagService) -> None:
    answer, _ = _ask(service, "Tổng kim ngạch xuất khẩu qua các cửa khẩu tháng 3/2034?")
    assert answer.startswith("470,4"), answer


# -- 2. gates listed under a group of flows


@pytest.mark.parametrize(("labels", "parents"), [
    (["Tổng kim ngạch", "Xuất khẩu", "Nhập khẩu", "Trong đó:", "Cửa khẩu Hữu Nghị",
      "Tân Thanh", "Chi Ma"], ["", "", "", "Tổng kim ngạch", "Tổng kim ngạch", "Tổng kim ngạch",
                               "Tổng kim ngạch"]),
    (["Tổng kim ngạch", "Xuất khẩu", "Nhập khẩu", "Trong đó: Cửa khẩu Hữu Nghị", "Tân Thanh",
      "Số tờ khai"], ["", "", "", "Tổng kim ngạch", "Tổng kim ngạch", ""]),
    (["Tổng kim ngạch", "- Xuất khẩu", "- Nhập khẩu", "Trong đó: Cửa khẩu Hữu Nghị",
      "- Tân Thanh"], ["", "Tổng kim ngạch", "Tổng kim ngạch", "Tổng kim ngạch",
                       "Tổng kim ngạch"]),
    (["1. Tổng kim ngạch", "- Xuất khẩu", "- Nhập khẩu", "Trong đó:", "+ Cửa khẩu Hữu Nghị",
      "+ Tân Thanh", "2. Thu ngân sách"], ["", "Tổng kim ngạch", "Tổng kim ngạch",
                                           "Tổng kim ngạch", "Tổng kim ngạch",
                                           "Tổng kim ngạch", ""]),
])
def test_named_parts_of_the_group_total(labels: list[str], parents: list[str]) -> None:
    assert [p for _, p in row_parents(labels)] == parents


@pytest.mark.parametrize(("labels", "parents"), [
    # a part of the row's own kind stays the part of the row above it
    (["Tổng lượt khách", "Trong đó: khách quốc tế", "Khách nội địa"],
     ["", "Tổng lượt khách", ""]),
    (["Tổng thu", "Thu nội địa", "Trong đó: thu từ doanh nghiệp", "Thu xuất nhập khẩu"],
     ["", "", "Thu nội địa", ""]),
    # one row above the list: the total its places are of
    (["Nhập khẩu", "Trong đó: Tân Thanh", "Chi Ma"], ["", "Nhập khẩu", "Nhập khẩu"]),
])
def test_parts_of_the_row_above_kept(labels: list[str], parents: list[str]) -> None:
    assert [p for _, p in row_parents(labels)] == parents


@pytest.mark.parametrize("question", [
    "Kim ngạch nhập khẩu qua Tân Thanh tháng 3/2035?",
    "Kim ngạch nhập khẩu qua cửa khẩu Tân Thanh tháng 3/2035 là bao nhiêu?",
    "Nhập khẩu qua cửa khẩu Hữu Nghị tháng 3/2035 đạt bao nhiêu?",
])
def test_a_gate_is_no_part_of_the_imports(service: RagService, question: str) -> None:
    answer, confidence = _ask(service, question)
    assert not answer.startswith(("208,7", "612,4")) or confidence < 0.5, (answer, confidence)


@pytest.mark.parametrize(("question", "expected"), [
    ("Kim ngạch qua cửa khẩu Tân Thanh tháng 3/2035?", "208,7"),
    ("Kim ngạch xuất nhập khẩu qua cửa khẩu Tân Thanh tháng 3/2035 là bao nhiêu?", "208,7"),
    ("Kim ngạch nhập khẩu tháng 3/2035?", "1.101,9"),
])
def test_the_gate_and_the_flow_answer(service: RagService, question: str,
                                      expected: str) -> None:
    answer, _ = _ask(service, question)
    assert answer.startswith(expected), answer


# -- 3. a model's or version's number


@pytest.mark.parametrize("sentence", [
    "Bệnh viện đưa vào sử dụng máy chụp cộng hưởng từ 3.0 Tesla, giúp chẩn đoán chính xác hơn.",
    "Bệnh viện triển khai phần mềm bệnh án điện tử phiên bản 4.0 cho toàn bộ các khoa.",
    "Tỉnh đẩy mạnh chuyển đổi số trong bối cảnh cách mạng công nghiệp 4.0, phủ sóng 5G.",
    "Nhà máy ứng dụng công nghệ 4.0 và robot thế hệ 5.",
])
def test_a_designation_is_no_figure(sentence: str) -> None:
    assert not find_values(sentence)
    assert not [c for c in candidates(sentence, AnswerWeights()) if c.kind != "name"]


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Giá trị sản xuất công nghiệp đạt 3.450 tỷ đồng.", "3.450 tỷ đồng"),
    ("Đơn vị có 5 người thuộc thế hệ trẻ.", "5 người"),
    ("Nhà máy điện công suất 50 MW.", "50 MW"),
])
def test_a_figure_beside_such_words_stays(sentence: str, figure: str) -> None:
    assert figure in [v.text for v in find_values(sentence)]


@pytest.mark.parametrize("question", [
    "Bệnh viện Đa khoa tỉnh có bao nhiêu máy chụp cộng hưởng từ?",
    "Số máy chụp cộng hưởng từ của Bệnh viện Đa khoa tỉnh năm 2036 là bao nhiêu?",
    "Phần mềm quản lý bệnh án điện tử được triển khai cho bao nhiêu khoa?",
    "Bệnh viện đưa vào sử dụng bao nhiêu máy chụp cộng hưởng từ năm 2036?",
])
def test_no_count_served_from_a_designation(service: RagService, question: str) -> None:
    answer, confidence = _ask(service, question)
    assert not answer or confidence < 0.5, (answer, confidence)


def test_a_count_beside_them_answers(service: RagService) -> None:
    answer, _ = _ask(service, "Bệnh viện Đa khoa tỉnh có bao nhiêu giường bệnh?")
    assert answer.startswith("650"), answer
