"""A sentence that opens with a span of its own ("Tính riêng 5 ngày nghỉ lễ từ 30/4 đến 4/5",
"Riêng tuần cuối tháng (24–30/9)", "Giai đoạn 14–20/10") dates every figure after it, not
only the count of days; the passage's wider period stays with the figures said for it; and
days of one month written with a dash ("14-20/10/2076") are read as those days, in reports
and in questions.  Reports written for these tests (issue 17 bt23-b17 failure 4)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import service_over

from rag.records import AskOptions
from rag.service import RagService
from rag.vi.frames import extract

TEXT_LE = ("Từ ngày 28/4 đến hết ngày 5/5/2073, tổng lượt khách du lịch đến tỉnh đạt 182.000 "
           "lượt, doanh thu du lịch ước 410 tỷ đồng. Tính riêng 5 ngày nghỉ lễ từ 30/4 đến "
           "4/5/2073, tỉnh đón 96.400 lượt khách, bình quân 19.280 lượt khách/ngày; doanh thu "
           "du lịch đạt 215 tỷ đồng.")
TEXT_DIEN = ("Tháng 9/2074, sản lượng điện thương phẩm toàn tỉnh đạt 312,5 triệu kWh, tăng 6,2% "
             "so với cùng kỳ. Riêng tuần cuối tháng (24–30/9/2074), sản lượng điện đạt 78,2 "
             "triệu kWh, bình quân 11,2 triệu kWh/ngày.")
TEXT_CK = ("Từ ngày 1/10 đến hết ngày 20/10/2076, kim ngạch xuất khẩu qua cửa khẩu Chi Ma đạt "
           "126,4 triệu USD. Riêng 7 ngày (14–20/10/2076), kim ngạch đạt 52,5 triệu USD, bình "
           "quân 7,5 triệu USD/ngày; lượng xe xuất cảnh bình quân 640 xe/ngày.")
TEXT_QUY = ("Quý I/2075, tổng mức bán lẻ hàng hóa trên địa bàn tỉnh đạt 9.860 tỷ đồng, tăng 8,4% "
            "so với cùng kỳ. Trong đó, tháng 3 đạt 3.420 tỷ đồng, tăng 9,1%.")

DOCS = [
    {"id": "le", "title": "Du lịch dịp lễ 30/4", "date": "2073-05-06", "text": TEXT_LE},
    {"id": "dien", "title": "Điện tháng 9/2074", "date": "2074-10-02", "text": TEXT_DIEN},
    {"id": "chi-ma", "title": "Cửa khẩu Chi Ma", "date": "2076-10-21", "text": TEXT_CK},
]


@pytest.mark.parametrize(("text", "value", "label"), [
    (TEXT_LE, "96.400 lượt khách", "từ 30/4 đến 4/5/2073"),
    (TEXT_LE, "19.280 lượt khách/ngày", "từ 30/4 đến 4/5/2073"),
    (TEXT_LE, "215 tỷ đồng", "từ 30/4 đến 4/5/2073"),
    (TEXT_LE, "182.000 lượt", "từ 28/4 đến 5/5/2073"),
    (TEXT_LE, "410 tỷ đồng", "từ 28/4 đến 5/5/2073"),
    (TEXT_DIEN, "78,2 triệu kWh", "từ 24/9 đến 30/9/2074"),
    (TEXT_DIEN, "11,2 triệu kWh/ngày", "từ 24/9 đến 30/9/2074"),
    (TEXT_DIEN, "312,5 triệu kWh", "tháng 9/2074"),
    (TEXT_CK, "52,5 triệu USD", "từ 14/10 đến 20/10/2076"),
    (TEXT_CK, "640 xe/ngày", "từ 14/10 đến 20/10/2076"),
    (TEXT_CK, "126,4 triệu USD", "từ 1/10 đến 20/10/2076"),
    (TEXT_QUY, "3.420 tỷ đồng", "tháng 3/2075"),
    (TEXT_QUY, "9.860 tỷ đồng", "quý I/2075"),
])
def test_the_sentences_own_span_dates_its_figures(text: str, value: str, label: str) -> None:
    frame = next(f for f in extract(text, "", None) if f.value == value)
    assert frame.period is not None and frame.period.label == label, frame.period


@pytest.mark.parametrize("text", [TEXT_DIEN, TEXT_CK])
def test_the_first_day_of_a_dashed_span_is_no_figure(text: str) -> None:
    values = [f.value for f in extract(text, "", None)]
    assert "24" not in values and "14" not in values, values


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> RagService:
    return service_over(tmp_path_factory.mktemp("sub-range"), DOCS)


@pytest.mark.parametrize(("question", "today", "expected"), [
    ("doanh thu du lịch từ 30/4 đến 4/5/2073?", date(2073, 5, 20), "215"),
    ("lượt khách du lịch từ 28/4 đến 5/5/2073?", date(2073, 5, 20), "182.000"),
    ("sản lượng điện giai đoạn 24-30/9/2074?", date(2074, 10, 20), "78,2"),
    ("sản lượng điện thương phẩm tháng 9/2074?", date(2074, 10, 20), "312,5"),
    ("kim ngạch xuất khẩu qua cửa khẩu Chi Ma giai đoạn 14–20/10/2076?", date(2076, 11, 1),
     "52,5"),
    ("kim ngạch xuất khẩu qua cửa khẩu Chi Ma từ 1/10 đến 20/10/2076?", date(2076, 11, 1),
     "126,4"),
])
def test_asked_for_the_span_or_the_whole(service: RagService, question: str, today: date,
                                          expected: str) -> None:
    reply = service.ask(question, AskOptions(retrieval_mode="lexical", today=today))
    assert reply.found and reply.answer.startswith(expected), (reply.answer, reply.summary)
