"""Two ways a table's rows were misread (break-test bt24a, session 51).

(A) A form's row numbering its columns under the header -- "| | (1) | (2) | (3) | (3)/(1) |
(3)/(2)" -- was read as figures, its "(2)" an accounting negative: "Kế hoạch năm 2037: −2
triệu USD" answered "Kế hoạch năm 2037 là bao nhiêu?" at 1.0.  Such a row is no data; a real
negative in brackets ("(12,5)" in a change column) still reads as one.

(B) A sheet of gates, two rows each -- "Cửa khẩu | Chỉ tiêu | Tháng 1 … | Cộng 6 tháng" with
"Xuất khẩu", "Nhập khẩu" rows -- left the "Chỉ tiêu" column out of the rows' labels: every
export/import question was refused and "Kim ngạch qua cửa khẩu Tân Thanh tháng 6" took the
import row as the gate's whole.  The text column after a label the rows repeat (or leave blank
under a merged cell) is part of the row's label: "cửa khẩu Hữu Nghị › Xuất khẩu"."""

from __future__ import annotations

import pytest

from rag.ingest.tables import column_numbers, table_lines
from rag.records import AskOptions


@pytest.mark.parametrize(("row", "numbering"), [
    (["", "", "(1)", "(2)", "(3)", "(3)/(1)", "(3)/(2)"], True),
    (["A", "B", "(1)", "(2)", "(3)=(2)/(1)"], True),
    (["A", "B", "1", "2", "3", "4=3/1"], True),
    (["", "", "1", "2", "3"], True),
    (["STT", "Chỉ tiêu", "(1)", "(2)", "(3)/(1)x100%"], False),  # a header's words
    (["", "Xuất khẩu", "(12,5)", "(3,2)"], False),  # falls in brackets
    (["", "", "(1)", "(3)"], False),  # no count by one
    (["", "", "1", "2"], False),  # two bare numbers may be figures
])
def test_a_row_numbering_columns(row: list[str], numbering: bool) -> None:
    assert column_numbers(row) is numbering


PLAN = [["STT", "Chỉ tiêu", "Thực hiện năm 2036", "Kế hoạch năm 2037", "Thực hiện năm 2037",
         "So với cùng kỳ (%)", "Tăng/giảm so cùng kỳ"],
        ["", "", "(1)", "(2)", "(3)", "(3)/(1)", "(4)=(3)-(1)"],
        ["", "Tổng kim ngạch XNK", "9.870,0", "10.500,0", "11.214,6", "113,6", "1.344,6"],
        ["1", "Xuất khẩu", "4.120,5", "4.500,0", "4.688,3", "113,8", "567,8"],
        ["2", "Nhập khẩu", "5.749,5", "6.000,0", "6.526,3", "113,5", "776,8"],
        ["3", "Tạm nhập tái xuất", "312,5", "300,0", "300,0", "96,0", "(12,5)"]]
PLAN_TITLE = "Bảng 1. Kim ngạch xuất nhập khẩu qua địa bàn tỉnh năm 2037 (Đơn vị tính: triệu USD)"


def test_numbering_row_no_figures_a_bracketed_fall_still_negative() -> None:
    lines = table_lines(PLAN, PLAN_TITLE)
    assert not [x for x in lines if "−1 " in x or "−2 " in x or "−3 " in x or "(3)/(1)" in x], \
        lines
    assert any("Tạm nhập tái xuất" in x and "−12,5" in x for x in lines), lines
    assert any("Kế hoạch năm 2037 — Tổng kim ngạch XNK: 10.500,0" in x for x in lines), lines


@pytest.mark.parametrize("kind", ["docx", "xlsx", "html"])
@pytest.mark.parametrize(("question", "key"), [
    ("Kế hoạch năm 2037 là bao nhiêu triệu USD?", ""),  # which indicator: no "−2", at least
    ("Kế hoạch tổng kim ngạch XNK năm 2037 là bao nhiêu?", "10.500"),
    ("Thực hiện năm 2036 tổng kim ngạch XNK đạt bao nhiêu?", "9.870"),
])
def test_a_numbering_row_answers_nothing(tmp_path, kind: str, question: str, key: str) -> None:
    from conftest import titled_tables_service

    service = titled_tables_service(tmp_path, kind, [(PLAN, PLAN_TITLE)], {})
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert "−" not in a.answer and (not key or a.found and key in a.answer), \
        (a.answer, a.confidence)


GATES_TITLE = "KIM NGẠCH XUẤT NHẬP KHẨU QUA CÁC CỬA KHẨU NĂM 2038 (Đơn vị: triệu USD)"
GATE_HEAD = ["Cửa khẩu", "Chỉ tiêu", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5",
             "Tháng 6", "Cộng 6 tháng"]
GATE_ROWS = [["Hữu Nghị", "Xuất khẩu", "310,2", "250,4", "330,8", "342,5", "355,1", "361,0",
              "1.950,0"],
             ["Hữu Nghị", "Nhập khẩu", "420,6", "380,1", "455,2", "470,9", "488,3", "492,7",
              "2.707,8"],
             ["Tân Thanh", "Xuất khẩu", "120,3", "95,7", "130,1", "128,6", "133,9", "140,2",
              "748,8"],
             ["Tân Thanh", "Nhập khẩu", "60,2", "48,9", "66,4", "70,1", "72,5", "75,8", "393,9"],
             ["Chi Ma", "Xuất khẩu", "15,4", "12,1", "17,9", "18,3", "19,0", "20,6", "103,3"],
             ["Chi Ma", "Nhập khẩu", "40,7", "33,2", "45,8", "47,1", "49,9", "51,4", "268,1"]]
BLANK_ROWS = [[("" if i % 2 else r[0]), *r[1:]] for i, r in enumerate(GATE_ROWS)]


@pytest.mark.parametrize("rows", [GATE_ROWS, BLANK_ROWS], ids=["repeated", "blank"])
def test_the_indicator_column_is_part_of_the_label(rows: list[list[str]]) -> None:
    lines = table_lines([GATE_HEAD, *rows], GATES_TITLE)
    assert any("Tháng 2" in x and "Hữu Nghị › Xuất khẩu: 250,4" in x for x in lines), lines
    assert any("Tháng 6" in x and "Tân Thanh › Nhập khẩu: 75,8" in x for x in lines), lines
    assert not [x for x in lines if x.startswith("Chỉ tiêu")], lines


@pytest.mark.parametrize(("kind", "rows"), [("xlsx", GATE_ROWS), ("csv", GATE_ROWS),
                                            ("html", BLANK_ROWS), ("docx", BLANK_ROWS)])
@pytest.mark.parametrize(("question", "key"), [
    ("Xuất khẩu qua cửa khẩu Hữu Nghị tháng 2 năm 2038?", "250,4"),
    ("Nhập khẩu qua cửa khẩu Tân Thanh tháng 5/2038?", "72,5"),
    ("Kim ngạch xuất khẩu qua cửa khẩu Chi Ma 6 tháng đầu năm 2038 đạt bao nhiêu?", "103,3"),
    ("Kim ngạch nhập khẩu cửa khẩu Hữu Nghị tháng 3/2038 là bao nhiêu?", "455,2"),
])
def test_a_gates_indicator_rows_answer(tmp_path, kind: str, rows: list[list[str]],
                                       question: str, key: str) -> None:
    from conftest import titled_tables_service

    service = titled_tables_service(tmp_path, kind, [([GATE_HEAD, *rows], GATES_TITLE)], {})
    a = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert a.found and key in a.answer, (a.answer, a.confidence)


def test_one_direction_is_no_gates_whole(tmp_path) -> None:
    """The gate's trade asked with no direction: the import row alone is no sure answer."""
    from conftest import titled_tables_service

    service = titled_tables_service(tmp_path, "xlsx", [([GATE_HEAD, *GATE_ROWS], GATES_TITLE)],
                                    {})
    a = service.ask("Kim ngạch qua cửa khẩu Tân Thanh tháng 6/2038?",
                    AskOptions(retrieval_mode="lexical"))
    import_alone = "75,8" in a.answer and "140,2" not in a.answer
    assert not (a.found and a.confidence >= 0.9 and import_alone), (a.answer, a.confidence)
