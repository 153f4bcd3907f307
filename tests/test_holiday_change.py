"""The change of a holiday's figure asked ("khách du lịch dịp lễ 30/4 tăng bao nhiêu %?") is
answered with the change written right after the level ("đón khoảng 186.500 lượt khách, tăng
22,4% so với kỳ nghỉ lễ cùng dịp năm 2071"), even when the question's words ("khách du lịch")
are the passage's rather than the frame's own ("lượt khách") -- never refused as "chỉ nêu giá
trị ...; không nêu mức thay đổi" while the sentence states it (break-test s39 bt17 73, dev3
r20-q46), nor answered with the revenue's change.  Near-misses: the revenue's change asked
gets the revenue's; a part with no change of its own ("khách quốc tế") is still refused.

Documents, wordings and numbers differ from the break-test's."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

TET = (
    "Ngành du lịch đón khách dịp Tết Nguyên đán Kỷ Dậu 2029\n\n"
    "Trong kỳ nghỉ Tết Nguyên đán (từ ngày 10/2 đến hết ngày 14/2/2029), toàn tỉnh đón khoảng "
    "97.300 lượt khách, tăng 12,5% so với Tết năm 2028; "
    "trong đó khách quốc tế 4.150 lượt. Doanh thu từ hoạt động du lịch ước đạt 141 tỷ đồng, "
    "tăng 15,8% so với cùng dịp năm trước.\n\n"
    "Năm 2028, tỉnh đón 4,7 triệu lượt khách du lịch; tổng thu từ khách du lịch đạt 6.900 "
    "tỷ đồng.\n")
LE_30_4 = (
    "Kết quả phục vụ khách dịp nghỉ lễ 30/4 - 1/5/2031\n\n"
    "Trong 5 ngày nghỉ lễ 30/4 - 1/5 (từ ngày 29/4 đến ngày 03/5/2031), toàn tỉnh đón "
    "khoảng 63.800 lượt khách, tăng 9,7% so với cùng dịp năm trước; khách lưu trú đạt 17.900 "
    "lượt. Tổng thu từ khách du lịch đạt 84,2 tỷ đồng, tăng 13,6% so với cùng dịp năm 2030.\n\n"
    "Bốn tháng đầu năm 2031, tổng lượt khách du lịch đến tỉnh đạt 1,6 triệu lượt.\n")
LE_2_9 = (
    "Du lịch dịp Quốc khánh 2/9/2032\n\n"
    "Trong 4 ngày nghỉ lễ Quốc khánh (từ 31/8 đến 3/9/2032), tỉnh đón 52.100 lượt khách, "
    "tăng 6,3% so với kỳ nghỉ lễ Quốc khánh năm 2031. Tổng thu từ khách du lịch ước đạt "
    "66,4 tỷ đồng, tăng 8,9% so với cùng kỳ.\n\n"
    "Tám tháng năm 2032, tổng thu từ khách du lịch đạt 3.950 tỷ đồng.\n")
# reports of other trades, as the department's corpus mostly is: "du lịch" is then a rare,
# weighty word of the question that the visitors' own words ("lượt khách") do not hold
OTHERS = [
    ("hq-6-2031", "Báo cáo hải quan 6 tháng năm 2031",
     "Kim ngạch xuất nhập khẩu qua các cửa khẩu 6 tháng năm 2031 đạt 2.310 triệu USD, tăng "
     "11,4% so với cùng kỳ; xuất khẩu đạt 1.205 triệu USD. Thu ngân sách đạt 3.020 tỷ đồng.\n"),
    ("iip-5-2032", "Tình hình sản xuất công nghiệp tháng 5/2032",
     "Chỉ số sản xuất công nghiệp tháng 5/2032 tăng 7,2% so với cùng kỳ. Sản lượng điện "
     "thương phẩm tháng 5 đạt 298 triệu kWh, tăng 5,1%.\n"),
    ("tm-1-2029", "Thương mại tháng 1 năm 2029",
     "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 1/2029 đạt 3.460 tỷ "
     "đồng, tăng 8,3% so với cùng kỳ. Chỉ số giá tiêu dùng tăng 2,9%.\n"),
    ("ccn-2030", "Cụm công nghiệp năm 2030",
     "Đến hết năm 2030, toàn tỉnh có 24 cụm công nghiệp, tỷ lệ lấp đầy bình quân đạt 61,5%, "
     "tăng 3,2 điểm phần trăm so với năm 2029.\n"),
]
DOCS = [{"id": i, "title": t, "date": "2032-12-01", "text": x} for i, t, x in OTHERS] + [
    {"id": "tet-2029", "title": "Du lịch Tết 2029", "date": "2029-02-16", "text": TET},
    {"id": "le-30-4-2031", "title": "Du lịch lễ 30/4/2031", "date": "2031-05-04",
     "text": LE_30_4},
    {"id": "le-2-9-2032", "title": "Du lịch lễ 2/9/2032", "date": "2032-09-05",
     "text": LE_2_9},
]


@pytest.fixture()
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("holiday_change"), DOCS)


def ask(service: RagService, question: str, today: str):  # noqa: ANN201
    return service.ask(question, AskOptions(retrieval_mode="lexical",
                                            today=date.fromisoformat(today)))


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Khách du lịch dịp Tết 2029 tăng bao nhiêu phần trăm so với Tết năm 2028?",
     "2029-03-01", "12,5"),
    ("lượng khách du lịch dịp Tết Nguyên đán 2029 tăng bao nhiêu %?", "2029-03-01", "12,5"),
    # "khách | du_lịch", not the dictionary's "khách_du | lịch" (answerer.term_lengths): the
    # count and its change were under the least coverage a pick needs
    ("khách du lịch dịp lễ 30/4/2031 tăng bao nhiêu phần trăm?", "2031-06-01", "9,7"),
    ("khách du lịch dịp lễ 30/4/2031 tăng bao nhiêu % so với cùng dịp năm trước?",
     "2031-06-01", "9,7"),
    ("Khách du lịch đến tỉnh dịp lễ 2/9/2032 tăng bao nhiêu phần trăm?", "2032-10-01", "6,3"),
])
def test_visitors_change_of_a_holiday(service: RagService, question: str, today: str,
                                      expected: str) -> None:
    answer = ask(service, question, today)
    assert answer.found, answer.answer
    assert expected in answer.answer, answer.answer


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("Tổng thu từ khách du lịch dịp lễ 30/4/2031 tăng bao nhiêu %?", "2031-06-01", "13,6"),
    ("Doanh thu du lịch dịp Tết 2029 tăng bao nhiêu phần trăm?", "2029-03-01", "15,8"),
])
def test_revenue_change_stays_the_revenues(service: RagService, question: str, today: str,
                                           expected: str) -> None:
    answer = ask(service, question, today)
    assert answer.found and expected in answer.answer, answer.answer


def test_a_part_without_its_own_change_is_refused(service: RagService) -> None:
    answer = ask(service, "Khách quốc tế dịp Tết 2029 tăng bao nhiêu %?", "2029-03-01")
    assert not answer.found or "12,5" not in answer.answer, answer.answer
