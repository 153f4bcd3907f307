"""Holidays a question lists, the later ones by their days alone ("dịp 30/4 và 2/9", "dịp Tết
và 30/4"), are as many periods as "tháng 3 và tháng 4" -- one line each, never the first
holiday's figure alone at full confidence; a holiday typed without diacritics by day-month
words ("dip le 30 thang 4") or named in English by its days ("the 2 September 2061 holiday")
is that holiday's days, not another's (issue 17 break-test bt17r; rag.vi.asked
_listed_holidays, _english_holiday; rag.vi.mentions.said_holiday)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over_files
from helpers import report_file

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.asked import question_periods

REPORT = [
    "Khách du lịch đến Lạng Sơn các kỳ nghỉ lễ năm 2061",
    "Ngày đăng: 06/09/2061",
    "Dịp Tết Nguyên đán 2061 (từ 19/01 đến 25/01/2061), toàn tỉnh đón 241.000 lượt khách; "
    "doanh thu du lịch đạt 276 tỷ đồng.",
    "Dịp nghỉ lễ 30/4 - 1/5/2061 (5 ngày, từ 27/4 đến 1/5), toàn tỉnh đón 173.400 lượt "
    "khách, bình quân 34.680 lượt khách/ngày; doanh thu du lịch đạt 212 tỷ đồng.",
    "Dịp nghỉ lễ Quốc khánh 2/9/2061 (4 ngày, từ 30/8 đến 2/9), tỉnh đón 126.800 lượt "
    "khách, trong đó khách lưu trú 39.100 lượt; tổng thu từ khách du lịch ước đạt 164 tỷ "
    "đồng, tăng 8,3% so với dịp 2/9/2060.",
]
# another year's Tết, the figure bt17r's unaccented question was served
OTHER_YEAR = (
    "Du lịch Lạng Sơn dịp Tết Nguyên đán 2060\n\nCập nhật: 09/02/2060\n\n"
    "Trong 9 ngày nghỉ Tết Nguyên đán 2060 (từ ngày 29/01 đến hết ngày 06/02/2060), Lạng Sơn "
    "đón khoảng 291.000 lượt khách du lịch, tăng 12,4% so với dịp Tết năm 2059.\n")
TODAY = date(2061, 12, 1)


@pytest.fixture(scope="module", params=["txt", "docx", "html"])
def service(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> RagService:
    name, data = report_file(request.param, REPORT)
    return service_over_files(tmp_path_factory.mktemp(f"holiday-lists-{request.param}"),
                              {name: data, "du-lich-tet-2060.txt": OTHER_YEAR})


@pytest.mark.parametrize(("question", "values"), [
    ("Tổng thu du lịch dịp 30/4 và 2/9 năm 2061?", ("212 tỷ", "164 tỷ")),
    ("Khách du lịch dịp 30/4 và 2/9 năm 2061?", ("173.400", "126.800")),
    ("Doanh thu du lịch dịp Tết và 30/4 năm 2061?", ("276 tỷ", "212 tỷ")),
    ("tong thu du lich dip le 30/4 va 2/9 nam 2061", ("212 tỷ", "164 tỷ")),
])
def test_listed_holidays_one_line_each(service: RagService, question: str,
                                       values: tuple[str, ...]) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and all(v in a.answer for v in values), a.answer
    assert a.answer.count(";") == len(values) - 1, a.answer


@pytest.mark.parametrize(("question", "value", "others"), [
    ("khach du lich dip le 30 thang 4 nam 2061", "173.400", ("291.000", "126.800")),
    ("luot khach dip le 2 thang 9 nam 2061", "126.800", ("173.400", "291.000")),
    ("Tourist arrivals during the 2 September 2061 holiday?", "126.800", ("173.400",)),
    ("Tourism revenue during the 30 April - 1 May 2061 holiday?", "212 tỷ", ("164", "276")),
    # near-miss: one holiday asked stays one line
    ("Khách du lịch dịp 2/9 năm 2061?", "126.800", ("173.400", ";")),
    ("Doanh thu du lịch dịp lễ 30/4 năm 2061?", "212 tỷ", ("164", ";")),
])
def test_one_holiday_its_own_figure(service: RagService, question: str, value: str,
                                    others: tuple[str, ...]) -> None:
    a = service.ask(question, AskOptions(today=TODAY))
    assert a.found and value in a.answer, a.answer
    assert not any(o in a.answer for o in others), a.answer


@pytest.mark.parametrize(("question", "labels"), [
    ("Khách du lịch dịp 30/4 và 2/9 năm 2061?", ["dịp 30/4/2061", "dịp 2/9/2061"]),
    ("Khách du lịch dịp lễ 30 tháng 4 và 2 tháng 9 năm 2061?",
     ["dịp lễ 30/4/2061", "dịp 2/9/2061"]),
    ("Khách du lịch dịp Giỗ Tổ và 30/4 năm 2061?", ["Giỗ Tổ Hùng Vương 2061", "dịp 30/4/2061"]),
    ("khach du lich dip le 30 thang 4 nam 2061", ["dip le 30/4/2061"]),
    # as the diacritics restorer writes "dip le" typed bare (bt17r: read as no period)
    ("khách du lịch dịp lẻ 30 tháng 4 năm 2061", ["dịp lễ 30/4/2061"]),
    ("Visitors during the 2 September holiday?", ["dịp 2/9/2061"]),
    # near-misses: months stay months; a day that is no holiday, or the same break's other
    # day, lists none
    ("Khách du lịch tháng 4 và tháng 9 năm 2061?", ["tháng 4/2061", "tháng 9/2061"]),
    ("Khách du lịch dịp Tết và 15/3 năm 2061?", ["Tết Nguyên đán 2061"]),
    ("Khách du lịch dịp 30/4 và 1/5 năm 2061?", ["dịp 30/4/2061"]),
    ("Visitors on the 15 March 2061 holiday?", ["năm 2061"]),
])
def test_periods_read(question: str, labels: list[str]) -> None:
    assert [p.label for p in question_periods(question, TODAY).periods] == labels
