"""A year's change or ratio asked "so với cùng kỳ" / "so với năm trước" is answered by the change
or ratio the report states, when it states one -- before the two years' levels, even when both
levels are reported.  A table's "Cùng kỳ năm N" column is the base of the "So với cùng kỳ (%)"
ratio beside it, not the period that ratio is of: the ratio is of the row's own period, the
column before the base's (session 42 brief ratiofirst: "kim ngạch xuất khẩu năm 2033 so với
cùng kỳ" over "Thực hiện năm 2033 | Cùng kỳ năm 2032 | So với cùng kỳ (%)" was answered with the
two levels, and "... tăng bao nhiêu so với cùng kỳ" with a 9-month change of another report).
Asking the two years themselves still lists both levels.  Every document is built here, in
several formats, with other indicators, numbers and years."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import titled_tables_service

from rag.records import AskOptions
from rag.service import RagService

_YEAR_ROWS = [["Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2081", "Cùng kỳ năm 2080",
               "So với cùng kỳ (%)"],
              ["Sản lượng gạch nung", "triệu viên", "418", "392", "106,6"],
              ["Sản lượng xi măng", "nghìn tấn", "1.276", "1.342", "95,1"]]
_SHORT_ROWS = [["Chỉ tiêu", "ĐVT", "Ước thực hiện năm 2085", "Cùng kỳ 2084", "So sánh (%)"],
               ["Số lượt khách du lịch", "nghìn lượt", "3.912", "3.540", "110,5"]]
_PROSE = ("SỞ CÔNG THƯƠNG TỈNH BẮC HÀ\n\nBáo cáo kết quả sản xuất năm 2088\n\n"
          "Năm 2088, sản lượng chè búp tươi toàn tỉnh đạt 41.260 tấn, tăng 5,2% so với năm "
          "trước (năm 2087 đạt 39.220 tấn). Diện tích cây ăn quả đạt 9.815 ha.\n")


@pytest.fixture(scope="module", params=["xlsx", "html", "docx"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    kind = request.param
    tables = [(_YEAR_ROWS, "BIỂU 03: KẾT QUẢ SẢN XUẤT VẬT LIỆU XÂY DỰNG NĂM 2081"),
              (_SHORT_ROWS, "Kết quả hoạt động du lịch năm 2085")]
    return titled_tables_service(tmp_path_factory.mktemp(f"ratio_first_{kind}"), kind, tables,
                                 {"chebup_2088.txt": _PROSE})


def _ask(service: RagService, question: str) -> tuple[bool, str, str]:
    a = service.ask(question, AskOptions(today=date(2090, 3, 1)))
    return a.found, a.answer, a.summary or ""


@pytest.mark.parametrize(("question", "expected"), [
    ("sản lượng gạch nung năm 2081 so với cùng kỳ", "tăng 6,6%"),
    ("Sản lượng xi măng năm 2081 so với năm trước?", "giảm 4,9%"),
    ("sản lượng gạch nung năm 2081 tăng bao nhiêu so với cùng kỳ?", "tăng 6,6%"),
    ("số lượt khách du lịch năm 2085 so với cùng kỳ năm trước", "tăng 10,5%"),
    ("sản lượng chè búp tươi năm 2088 so với cùng kỳ", "tăng 5,2%"),
])
def test_the_stated_change_answers_before_the_levels(service: RagService, question: str,
                                                     expected: str) -> None:
    found, answer, summary = _ask(service, question)
    # the change itself (a rise may be shown bare, "5,2%", its "tăng" in the summary)
    assert found and expected.split()[1] in answer and expected in summary, (answer, summary)
    assert "năm 20" not in answer, answer  # no list of the two years' levels


@pytest.mark.parametrize(("question", "levels"), [
    ("sản lượng gạch nung năm 2080 và 2081", ("392", "418")),
    ("số lượt khách du lịch năm 2084 và năm 2085 là bao nhiêu?", ("3.540", "3.912")),
])
def test_both_years_asked_still_list_both_levels(service: RagService, question: str,
                                                 levels: tuple[str, str]) -> None:
    found, answer, summary = _ask(service, question)
    assert found and all(v in answer for v in levels), (answer, summary)


def test_the_base_column_keeps_its_own_year(service: RagService) -> None:
    found, answer, summary = _ask(service, "sản lượng xi măng cùng kỳ năm 2080 đạt bao nhiêu?")
    assert found and "1.342" in answer, (answer, summary)
