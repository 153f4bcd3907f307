"""A year asked when the reports hold only parts of it (rag.answer.answerer): the figure
covering most of the year is given, said as the part it is -- not whichever part's sentence
names the indicator first."""

from __future__ import annotations

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService

DOCS = [
    {"id": "q1", "title": "Kinh tế - xã hội quý I năm 2023", "date": "2023-03-29",
     "text": "Khách du lịch quý I/2023 đạt 1.120 nghìn lượt, tăng 8% so với cùng kỳ."},
    {"id": "m10", "title": "Tình hình kinh tế - xã hội 10 tháng năm 2023", "date": "2023-10-30",
     "text": "Sản xuất công nghiệp ổn định, chỉ số sản xuất công nghiệp tăng 6,1%. Tổng mức "
             "bán lẻ hàng hóa đạt 21.300 tỷ đồng, tăng 9,2%. Thu ngân sách nhà nước đạt 5.410 tỷ "
             "đồng. Du lịch tiếp tục phục hồi: toàn tỉnh thu hút khoảng 3,9 triệu lượt khách "
             "du lịch (đạt 88% kế hoạch năm); doanh thu 3.020 tỷ đồng. Kim ngạch xuất nhập "
             "khẩu qua địa bàn đạt 3.870 triệu USD."},
    {"id": "q2", "title": "Du lịch quý II năm 2023", "date": "2023-06-29",
     "text": "Quý II/2023, lượng khách du lịch đến tỉnh đạt 1.050 nghìn lượt."},
    {"id": "t10", "title": "Du lịch tháng 10", "date": "2023-10-31",
     "text": "Tháng 10/2023, khách du lịch đến tỉnh ước đạt 390 nghìn lượt."},
    {"id": "g9", "title": "Kinh tế 9 tháng năm 2017", "date": "2017-09-28",
     "text": "Tính chung 9 tháng năm 2017, GRDP ước tăng 7,9% so với cùng kỳ. Theo quý: quý I "
             "tăng 7,1%, quý II tăng 7,8%, quý III ước tăng 8,6%."},
    {"id": "iip", "title": "Công nghiệp 6 tháng đầu năm 2019", "date": "2019-06-28",
     "text": "Tính chung 6 tháng đầu năm 2019, IIP ước tăng 9,1% so với cùng kỳ, trong đó "
             "ngành khai khoáng tăng 3,2%, sản xuất và phân phối điện tăng 11,4%."},
    {"id": "h1", "title": "Xuất khẩu 6 tháng đầu năm 2022", "date": "2022-07-02",
     "text": "6 tháng đầu năm 2022, kim ngạch xuất khẩu của tỉnh đạt 412 triệu USD. Riêng "
             "tháng 6/2022, kim ngạch xuất khẩu của tỉnh đạt 75 triệu USD."},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("partial"), DOCS)


@pytest.mark.parametrize(("question", "expected"), [
    ("khách du lịch năm 2023 bao nhiêu lượt", "3,9 triệu"),
    ("kim ngạch xuất khẩu năm 2022", "412 triệu USD"),
    # nine months beside its quarters: the nine months, not the quarters one by one
    ("GRDP năm 2017 tăng bao nhiêu", "7,9%"),
])
def test_the_widest_part_of_the_asked_year(service: RagService, question: str,
                                           expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical"))
    assert reply.found and expected in reply.answer, reply.answer
    assert reply.period_match == "partial"


def test_a_total_named_by_its_abbreviation_is_no_part(service: RagService) -> None:
    """"IIP ... 9,1%, trong đó ... sản xuất và phân phối điện tăng 11,4%": asked as "chỉ số
    sản xuất công nghiệp", the total answers -- its "IIP" read out holds "sản xuất" too."""
    reply = service.ask("chỉ số sản xuất công nghiệp 6 tháng đầu năm 2019 tăng bao nhiêu",
                        AskOptions(retrieval_mode="lexical"))
    assert reply.found and "9,1%" in reply.answer, reply.answer
