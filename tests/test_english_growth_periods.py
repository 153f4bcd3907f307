"""English growth and rate questions over a quarter, a half or a span of months whose period
is typed as an abbreviation ("Q1", "H1", "9T") or spelled out ("the first half"), of an
indicator a one-word abbreviation names ("GRDP"): the period's Vietnamese ("quý I", "6 tháng
đầu năm") is when the figure is, no word of what it is.  Among the question's terms it stood
between "tăng trưởng" and the indicator ("tăng trưởng quý I GRDP"), so "tăng trưởng" was read
as a word of the indicator's name, which reports write "GRDP ... tăng 6,9%", and the question
was refused; the Vietnamese question got it (issue 17, break-test bt17c #107 "GRDP growth in
Q1 2027?").  Also a headline-style question of one English word beside abbreviations and a
period ("GRDP growth Q1 2027?") is English.  Wordings, indicators, periods and numbers differ
from the break-test's."""

from __future__ import annotations

import pytest
from conftest import service_over_files

from rag.search.query import is_english, vietnamese_terms
from rag.service import RagService

_QUARTER = (
    "Tình hình kinh tế - xã hội tỉnh quý II năm 2031\n"
    "Cục Thống kê tỉnh | 05/07/2031\n\n"
    "Tổng sản phẩm trên địa bàn (GRDP) quý II/2031 ước đạt 12.350 tỷ đồng, tăng 7,4% so với "
    "cùng kỳ năm trước.\n"
    "Chỉ số sản xuất công nghiệp (IIP) tháng 5 tăng 6,2% so với cùng kỳ; tính chung quý "
    "II/2031 tăng 8,8%.\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5 ước đạt 3.140 tỷ đồng, "
    "tăng 10,6% so với cùng kỳ.\n"
    "Kim ngạch xuất khẩu qua địa bàn quý II/2031 ước đạt 735 triệu USD, tăng 13,9%; kim ngạch "
    "nhập khẩu đạt 1.020 triệu USD, tăng 5,1%.\n"
    "CPI tháng 5/2031 tăng 0,42% so với tháng trước và tăng 3,15% so với cùng kỳ năm trước.\n")
_HALF = (
    "Báo cáo tình hình kinh tế 6 tháng đầu năm 2032\n"
    "Cục Thống kê tỉnh | 06/07/2032\n\n"
    "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2032 ước tăng 6,65% so với cùng kỳ năm "
    "trước.\n"
    "Tính chung 9 tháng năm 2031, GRDP tăng 7,02%.\n"
    "Chỉ số giá tiêu dùng (CPI) bình quân 6 tháng đầu năm 2032 tăng 2,84% so với cùng kỳ.\n"
    "Kim ngạch xuất khẩu 6 tháng đầu năm 2032 đạt 1.412 triệu USD, tăng 11,2%.\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 6/2032 đạt 3.560 tỷ đồng, "
    "tăng 9,3% so với cùng kỳ.\n")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over_files(tmp_path_factory.mktemp("en_growth"),
                              {"tk-quy2-2031.txt": _QUARTER, "tk-6t-2032.txt": _HALF})


@pytest.mark.parametrize(("question", "expected"), [
    ("GRDP growth in Q2 2031?", "7,4%"),
    ("What was the GRDP growth rate in Q2/2031?", "7,4%"),
    ("GRDP growth Q2 2031?", "7,4%"),
    ("GRDP growth in H1 2032?", "6,65%"),
    ("GRDP growth in the first half of 2032?", "6,65%"),
    ("GRDP growth in the first nine months of 2031?", "7,02%"),
    ("GRDP growth 9T 2031?", "7,02%"),
])
def test_growth_of_an_abbreviated_indicator_in_a_period(service: RagService, question: str,
                                                        expected: str) -> None:
    answer = service.ask(question)
    assert answer.found and answer.answer == expected, answer
    assert answer.confidence >= 0.9, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("By how much did exports increase in Q2 2031?", "13,9%"),
    ("Import growth in Q2 2031?", "5,1%"),
    ("IIP growth in Q2 2031?", "8,8%"),
    ("How much did the industrial production index increase in May 2031?", "6,2%"),
    ("How much did retail sales grow in May 2031?", "10,6%"),
    ("CPI increase in May 2031 year on year?", "3,15%"),
    ("Average CPI increase in the first half of 2032?", "2,84%"),
    ("Export growth in H1 2032?", "11,2%"),
    ("By how much did retail sales rise in June 2032?", "9,3%"),
])
def test_other_indicators_growth_still_answer(service: RagService, question: str,
                                              expected: str) -> None:
    answer = service.ask(question)
    assert answer.found and answer.answer == expected, answer


@pytest.mark.parametrize(("question", "label"), [
    ("GRDP growth in Q3 2031?", "quý III/2031"),
    ("GRDP growth in H2 2032?", "6 tháng cuối năm 2032"),
    ("GRDP growth in Q1 2032?", "quý I/2032"),
])
def test_a_period_not_reported_is_still_refused(service: RagService, question: str,
                                                label: str) -> None:
    answer = service.ask(question)
    assert not answer.found and label in answer.answer, answer


def test_the_level_asked_is_still_the_level(service: RagService) -> None:
    assert service.ask("What was GRDP in Q2 2031?").answer == "12.350 tỷ đồng"


def test_period_terms_are_no_words_of_the_indicator() -> None:
    assert vietnamese_terms("GRDP growth in Q1 2027?") == "tăng trưởng"
    assert vietnamese_terms("Exports in H1 2027?") == "xuất khẩu"
    assert vietnamese_terms("retail sales (TMBL) 9T 2026") == "tổng mức bán lẻ hàng hóa"


@pytest.mark.parametrize(("question", "english"), [
    ("GRDP growth Q1 2027?", True),
    ("exports 9T 2031?", True),
    ("tang GRDP Q1 2027?", False),  # a Vietnamese syllable typed without diacritics
    ("GRDP quý I/2027 tăng bao nhiêu?", False),
])
def test_headline_questions(question: str, english: bool) -> None:
    assert is_english(question) is english
